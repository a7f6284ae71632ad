package io.lockwatch.proof.apps;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Tortures the held-lock model: platform workers throw from inside locked regions (j.u.c. locks,
 * synchronized blocks and methods), are interrupted in {@code lockInterruptibly}, condition and
 * monitor waits, and use timed waits heavily. Then a quiescent window: the workers stay alive
 * holding nothing, a thread {@code holder} holds a ReentrantLock, a write lock and a monitor, and
 * the app prints what {@link ThreadMXBean} says each thread holds:
 * {@code MX <thread> synchronizers=N monitors=M}, between {@code WINDOW_START <epochMs>} and
 * {@code WINDOW_END <epochMs>}.
 */
public final class HostileLockingApp {
  private static final ReentrantLock SHARED = new ReentrantLock();
  private static final Condition NEVER = SHARED.newCondition();
  private static final Object MONITOR = new Object();
  private static final AtomicLong THROWN = new AtomicLong();
  private static final AtomicLong INTERRUPTED = new AtomicLong();
  private static final AtomicLong TIMED_OUT = new AtomicLong();
  private static volatile boolean torture = true;

  private HostileLockingApp() {}

  /**
   * Entry point.
   *
   * @param args {@code [iterations per worker]}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int workers = 4;
    CountDownLatch tortured = new CountDownLatch(workers);
    CountDownLatch release = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int seed = w;
      Thread t = new Thread(() -> {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < iterations; i++) {
          try {
            step(rnd.nextInt(7));
          } catch (InterruptedException e) {
            INTERRUPTED.incrementAndGet();
          } catch (IllegalStateException e) {
            THROWN.incrementAndGet();
          }
        }
        Thread.interrupted();
        tortured.countDown();
        awaitQuietly(release);
      }, "worker-" + w);
      threads.add(t);
      t.start();
    }
    Thread interrupter = new Thread(() -> {
      SplittableRandom rnd = new SplittableRandom(99);
      while (torture) {
        threads.get(rnd.nextInt(threads.size())).interrupt();
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "interrupter");
    interrupter.start();
    tortured.await();
    torture = false;
    interrupter.join();
    for (Thread t : threads) {
      t.interrupt(); // an interrupt left pending must not leave a hold behind either
    }
    Thread.sleep(200);

    ReentrantLock a = new ReentrantLock();
    ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    Object b = new Object();
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      a.lock();
      try {
        holdMonitorAndWriteLock(b, rw, holding, release);
      } finally {
        a.unlock();
      }
    }, "holder");
    holder.start();
    holding.await();
    System.out.println("WINDOW_START " + System.currentTimeMillis());
    System.out.println("INFO thrown=" + THROWN + " interrupted=" + INTERRUPTED + " timedOut="
        + TIMED_OUT);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<Thread> all = new ArrayList<>(threads);
    all.add(holder);
    for (Thread t : all) {
      ThreadInfo info = mx.getThreadInfo(new long[] {t.getId()}, true, true)[0];
      System.out.println("MX " + t.getName() + " synchronizers=" + info.getLockedSynchronizers().length
          + " monitors=" + info.getLockedMonitors().length);
    }
    Thread.sleep(2500);
    System.out.println("WINDOW_END " + System.currentTimeMillis());
    release.countDown();
    holder.join();
    for (Thread t : threads) {
      t.join();
    }
    System.out.println("APP DONE");
  }

  private static void step(int kind) throws InterruptedException {
    switch (kind) {
      case 0: // throw from inside a ReentrantLock region
        SHARED.lock();
        try {
          throw new IllegalStateException("boom under lock");
        } finally {
          SHARED.unlock();
        }
      case 1: // throw from inside nested monitors
        synchronized (MONITOR) {
          throwingSynchronizedMethod();
        }
        break;
      case 2: // lockInterruptibly, often interrupted
        SHARED.lockInterruptibly();
        try {
          Thread.onSpinWait();
        } finally {
          SHARED.unlock();
        }
        break;
      case 3: // timed tryLock
        if (SHARED.tryLock(50, TimeUnit.MICROSECONDS)) {
          SHARED.unlock();
        } else {
          TIMED_OUT.incrementAndGet();
        }
        break;
      case 4: // timed condition wait: releases and re-acquires, may be interrupted
        SHARED.lock();
        try {
          NEVER.awaitNanos(100_000);
        } finally {
          SHARED.unlock();
        }
        break;
      case 5: // timed monitor wait, may be interrupted
        synchronized (MONITOR) {
          MONITOR.wait(1);
        }
        break;
      default: // interrupted while waiting with a lock held, then throw
        SHARED.lock();
        try {
          Thread.sleep(0, 50_000);
          throw new IllegalStateException("after sleep");
        } finally {
          SHARED.unlock();
        }
    }
  }

  // a named method, not the lambda body: see docs/RELIABILITY.md on monitors inside lambda bodies
  private static void holdMonitorAndWriteLock(Object b, ReentrantReadWriteLock rw,
      CountDownLatch holding, CountDownLatch release) {
    synchronized (b) {
      rw.writeLock().lock();
      try {
        holding.countDown();
        awaitQuietly(release);
      } finally {
        rw.writeLock().unlock();
      }
    }
  }

  private static synchronized void throwingSynchronizedMethod() {
    throw new IllegalStateException("boom in synchronized method");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // keep waiting: the quiescent window needs this thread alive
      }
    }
  }
}
