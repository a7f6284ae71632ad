package io.lockwatch.it;

import io.lockwatch.Lockwatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forked test program for {@link OtlpOutageIT}: an application under load that measures its own
 * throughput and keeps producing findings.
 *
 * <ul>
 *   <li>First, one lock-order inversion on {@code early-a}/{@code early-b}, before anything else
 *       (the exporter is still starting then).
 *   <li>{@code load-worker}: takes the shared {@link ReentrantLock} {@code counter}, does a little
 *       work under it, releases it; one operation per round, counted.
 *   <li>{@code inverter}: every 200 ms takes two fresh named locks {@code pair-N-a} then {@code
 *       pair-N-b} and hands them to {@code reverser}, which takes them the other way round (a new
 *       latent {@code LOCK_ORDER_CYCLE} each time, never a deadlock).
 *   <li>{@code main}: prints {@code RATE <epochMillis> <operations in the last second>} every
 *       second; exits with 3 after {@code args[0]} seconds.
 * </ul>
 */
public final class ExportLoadProgram {
  /** Printed once a second: {@code RATE <epochMillis> <operations per second>}. */
  static final String RATE = "RATE";
  private static volatile long sink;

  private ExportLoadProgram() {}

  /** @param args {@code [maxSeconds]} */
  public static void main(String[] args) throws InterruptedException {
    long maxSeconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    ReentrantLock[] early = pair("early");
    both(early[0], early[1]);
    Thread reverse = new Thread(() -> both(early[1], early[0]), "early-reverser");
    reverse.start();
    reverse.join();
    LongAdder operations = new LongAdder();
    ReentrantLock counter = Lockwatch.name(new ReentrantLock(), "counter");
    daemon("load-worker", () -> work(counter, operations));
    SynchronousQueue<ReentrantLock[]> handOver = new SynchronousQueue<>();
    daemon("inverter", () -> {
      for (long n = 0; ; n++) {
        ReentrantLock[] p = pair("pair-" + n);
        both(p[0], p[1]);
        put(handOver, p);
        sleep(200);
      }
    });
    daemon("reverser", () -> {
      while (true) {
        ReentrantLock[] p = take(handOver);
        both(p[1], p[0]);
      }
    });
    System.out.println("READY export-load " + System.currentTimeMillis());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    long last = 0;
    while (System.nanoTime() - end < 0) {
      sleep(1000);
      long now = operations.sum();
      System.out.println(RATE + " " + System.currentTimeMillis() + " " + (now - last));
      last = now;
    }
    System.out.println("TIMEOUT export-load " + System.currentTimeMillis());
    System.out.flush();
    System.exit(3);
  }

  private static void work(ReentrantLock counter, LongAdder operations) {
    long x = 1;
    while (true) {
      counter.lock();
      try {
        for (int i = 0; i < 64; i++) {
          x = x * 31 + i;
        }
        sink = x;
      } finally {
        counter.unlock();
      }
      operations.increment();
    }
  }

  private static ReentrantLock[] pair(String prefix) {
    return new ReentrantLock[] {Lockwatch.name(new ReentrantLock(), prefix + "-a"),
        Lockwatch.name(new ReentrantLock(), prefix + "-b")};
  }

  private static void put(SynchronousQueue<ReentrantLock[]> queue, ReentrantLock[] pair) {
    try {
      queue.put(pair);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ReentrantLock[] take(SynchronousQueue<ReentrantLock[]> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void both(ReentrantLock first, ReentrantLock second) {
    first.lock();
    try {
      second.lock();
      second.unlock();
    } finally {
      first.unlock();
    }
  }

  private static void daemon(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
