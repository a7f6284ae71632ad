package io.lockwatch.proof.soak;

import io.lockwatch.Lockwatch;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The soak workload, run in a child JVM: rounds of short-lived threads (virtual on JDK 21+,
 * platform on 17) that each create and discard fresh {@code Object} monitors and
 * {@code ReentrantLock}s nested in pairs; about every two seconds one thread takes two fresh locks,
 * named {@code soak-<n>-first/second} through the {@link Lockwatch} API, in both orders (a latent
 * inversion, a distinct finding each time) and sleeps inside a monitor (a wait under lock). Prints
 * {@code PROGRESS} lines every 10 s, each after a {@code System.gc()} whose heap summary is the
 * soak's live-set sample, and a final {@code DONE locks=N threads=N hazards=N}.
 *
 * <p>Usage: {@code ChurnWorkload --seconds N [--threads-per-round 4] [--pairs 250]}
 */
public final class ChurnWorkload {
  private static final AtomicLong LOCKS = new AtomicLong();
  private static final AtomicLong THREADS = new AtomicLong();
  private static final AtomicLong HAZARDS = new AtomicLong();
  private static volatile long sink;

  private ChurnWorkload() {}

  /**
   * Runs the workload.
   *
   * @param args see the class comment
   * @throws Exception if interrupted
   */
  public static void main(String[] args) throws Exception {
    long seconds = Long.parseLong(arg(args, "--seconds", "120"));
    int perRound = Integer.parseInt(arg(args, "--threads-per-round", "4"));
    int pairs = Integer.parseInt(arg(args, "--pairs", "250"));
    Method startVirtual = virtualStarter();
    System.out.println("START virtual=" + (startVirtual != null) + " seconds=" + seconds);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long nextHazard = System.nanoTime();
    long nextProgress = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < end) {
      List<Thread> round = new ArrayList<>(perRound + 1);
      for (int i = 0; i < perRound; i++) {
        round.add(start(startVirtual, () -> churn(pairs)));
      }
      if (System.nanoTime() >= nextHazard) {
        nextHazard = System.nanoTime() + 2_000_000_000L;
        round.add(start(startVirtual, ChurnWorkload::hazards));
      }
      for (Thread t : round) {
        t.join();
      }
      Thread.sleep(20);
      if (System.nanoTime() >= nextProgress) {
        nextProgress += 10_000_000_000L;
        System.gc(); // the live-set probe the soak harness reads (jdk.GCHeapSummary of this GC)
        System.out.println("PROGRESS locks=" + LOCKS.get() + " threads=" + THREADS.get()
            + " hazards=" + HAZARDS.get());
      }
    }
    System.out.println("DONE locks=" + LOCKS.get() + " threads=" + THREADS.get() + " hazards="
        + HAZARDS.get());
  }

  /** Fresh monitors and ReentrantLocks, nested in pairs, then discarded. */
  static void churn(int pairs) {
    long x = 0;
    for (int i = 0; i < pairs; i++) {
      Object a = new Object();
      Object b = new Object();
      synchronized (a) {
        synchronized (b) {
          x += a.hashCode() ^ b.hashCode();
        }
      }
      ReentrantLock c = new ReentrantLock();
      ReentrantLock d = new ReentrantLock();
      c.lock();
      try {
        d.lock();
        try {
          x++;
        } finally {
          d.unlock();
        }
      } finally {
        c.unlock();
      }
    }
    LOCKS.addAndGet(4L * pairs);
    sink = x;
  }

  /** A latent inversion on fresh locks (never hangs: one thread), then a sleep under a monitor. */
  static void hazards() {
    // Named per planting: each is its own lock-order cycle finding, so findings keep arriving.
    long n = HAZARDS.get() + 1;
    ReentrantLock first = Lockwatch.name(new ReentrantLock(), "soak-" + n + "-first");
    ReentrantLock second = Lockwatch.name(new ReentrantLock(), "soak-" + n + "-second");
    lockBoth(first, second);
    lockBoth(second, first);
    Object state = new Object();
    synchronized (state) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    LOCKS.addAndGet(3);
    HAZARDS.incrementAndGet();
  }

  private static void lockBoth(ReentrantLock outer, ReentrantLock inner) {
    outer.lock();
    try {
      inner.lock();
      inner.unlock();
    } finally {
      outer.unlock();
    }
  }

  private static Thread start(Method startVirtual, Runnable r) throws Exception {
    THREADS.incrementAndGet();
    if (startVirtual != null) {
      return (Thread) startVirtual.invoke(null, r);
    }
    Thread t = new Thread(r, "churn");
    t.start();
    return t;
  }

  /** {@code Thread.startVirtualThread} on JDK 21+, else {@code null}. */
  static Method virtualStarter() {
    try {
      return Thread.class.getMethod("startVirtualThread", Runnable.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  static String arg(String[] args, String name, String defaultValue) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return defaultValue;
  }
}
