package io.lockwatch.proof.apps;

import java.util.concurrent.locks.ReentrantLock;

/** An ordinary application: takes a few locks, prints {@code APP DONE}, exits 0. */
public final class QuietApp {
  private static final Object MONITOR = new Object();

  private QuietApp() {}

  /**
   * Entry point.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ReentrantLock lock = new ReentrantLock();
    long sum = 0;
    for (int i = 0; i < 10_000; i++) {
      lock.lock();
      try {
        synchronized (MONITOR) {
          sum += i;
        }
      } finally {
        lock.unlock();
      }
    }
    System.out.println("APP DONE " + sum);
  }
}
