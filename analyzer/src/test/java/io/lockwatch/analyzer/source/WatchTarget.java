package io.lockwatch.analyzer.source;

import io.lockwatch.events.LockOrderEvent;

/** A forked JVM for the watch tests: commits an inverted lock order every 200 ms for a while. */
public final class WatchTarget {
  private WatchTarget() {}

  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    System.out.flush();
    long end = System.nanoTime() + 60_000_000_000L;
    long i = 0;
    while (System.nanoTime() < end) {
      boolean forward = (i++ & 1) == 0;
      Thread t = new Thread(() -> {
        LockOrderEvent e = new LockOrderEvent();
        e.heldLockId = forward ? 1 : 2;
        e.heldLockClass = Object.class;
        e.heldLockName = forward ? "left" : "right";
        e.heldMode = "monitor";
        e.acquiredLockId = forward ? 2 : 1;
        e.acquiredLockClass = Object.class;
        e.acquiredLockName = forward ? "right" : "left";
        e.acquiredMode = "monitor";
        e.heldLockIds = forward ? "1" : "2";
        e.commit();
      }, forward ? "forward" : "backward");
      t.start();
      t.join();
      Thread.sleep(200);
    }
  }
}
