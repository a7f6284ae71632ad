package io.lockwatch.proof.apps;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Many threads at once: {@code platform N} starts N platform threads, {@code virtual N} starts N
 * virtual threads (JDK 21+), all alive together, each taking a shared ReentrantLock and a fresh
 * monitor nested a few times. Prints {@code APP DONE <count>}.
 */
public final class ThreadScaleApp {
  private static final ReentrantLock SHARED = new ReentrantLock();
  private static final AtomicLong DONE = new AtomicLong();

  private ThreadScaleApp() {}

  // a named method: monitors inside lambda bodies are not instrumented (see docs/RELIABILITY.md)
  private static void work() {
    for (int k = 0; k < 5; k++) {
      Object own = new Object();
      SHARED.lock();
      try {
        synchronized (own) {
          own.hashCode();
        }
      } finally {
        SHARED.unlock();
      }
    }
  }

  /**
   * Entry point.
   *
   * @param args {@code platform|virtual N}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    boolean virtual = args[0].equals("virtual");
    int n = Integer.parseInt(args[1]);
    Method startVirtual = virtual ? Thread.class.getMethod("startVirtualThread", Runnable.class) : null;
    CountDownLatch allStarted = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Runnable r = () -> {
        allStarted.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        work();
        DONE.incrementAndGet();
      };
      if (virtual) {
        threads.add((Thread) startVirtual.invoke(null, r));
      } else {
        Thread t = new Thread(null, r, "scale-" + i, 256 * 1024);
        t.start();
        threads.add(t);
      }
    }
    allStarted.await();
    System.out.println("ALL STARTED " + n);
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    Thread.sleep(1500); // let a RuntimeHealth period pass after the burst
    System.out.println("APP DONE " + DONE.get());
  }
}
