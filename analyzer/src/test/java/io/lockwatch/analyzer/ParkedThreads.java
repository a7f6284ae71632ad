package io.lockwatch.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Started threads with given names that wait on a latch until closed: real threads for events. */
final class ParkedThreads implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();

  Thread start(String name) {
    Thread t = new Thread(() -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, name);
    t.setDaemon(true);
    t.start();
    threads.add(t);
    return t;
  }

  @Override
  public void close() throws InterruptedException {
    release.countDown();
    for (Thread t : threads) {
      t.join(5_000);
    }
  }
}
