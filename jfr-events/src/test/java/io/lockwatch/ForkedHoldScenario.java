package io.lockwatch;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/** Child-JVM main: one long hold and one nested acquisition through the explicit API. */
public final class ForkedHoldScenario {
  private ForkedHoldScenario() {}

  public static void main(String[] args) throws Exception {
    Lock outer = Lockwatch.wrap(new ReentrantLock(), "forked-outer");
    Lock inner = Lockwatch.wrap(new ReentrantLock(), "forked-inner");
    outer.lock();
    try {
      inner.lock();
      try {
        Thread.sleep(150);
      } finally {
        inner.unlock();
      }
    } finally {
      outer.unlock();
    }
    System.out.println("DONE");
  }
}
