package io.lockwatch.it;

import java.lang.reflect.Method;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Forked test program: two virtual threads deadlock on two {@link ReentrantLock}s, deterministically
 * (each takes its first lock, both meet at a latch, then each wants the other's). Prints the
 * examples' markers; exits with 3 after {@code args[0]} seconds. Needs JDK 21+; compiled for 17, so
 * virtual threads are started reflectively.
 */
public final class VirtualDeadlockProgram {
  private VirtualDeadlockProgram() {}

  /** @param args {@code [maxSeconds]} */
  public static void main(String[] args) throws Exception {
    long maxSeconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
    ReentrantLock accounts = new ReentrantLock();
    ReentrantLock ledger = new ReentrantLock();
    CountDownLatch bothHold = new CountDownLatch(2);
    System.out.println("READY vt-deadlock");
    Thread a = startVirtual("vt-transfer", () -> lockBoth(accounts, ledger, bothHold));
    Thread b = startVirtual("vt-audit", () -> lockBoth(ledger, accounts, bothHold));
    bothHold.await();
    System.out.println("HAZARD vt-deadlock " + System.currentTimeMillis()
        + " vt-transfer holds accounts and wants ledger; vt-audit holds ledger and wants accounts");
    a.join(maxSeconds * 1000);
    System.out.println("TIMEOUT vt-deadlock");
    System.out.flush();
    System.exit(3);
  }

  private static void lockBoth(ReentrantLock first, ReentrantLock second, CountDownLatch bothHold) {
    first.lock();
    try {
      bothHold.countDown();
      try {
        bothHold.await();
      } catch (InterruptedException e) {
        return;
      }
      second.lock();
      second.unlock();
    } finally {
      first.unlock();
    }
  }

  private static Thread startVirtual(String name, Runnable task) throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Class<?> builderType = Class.forName("java.lang.Thread$Builder");
    builder = builderType.getMethod("name", String.class).invoke(builder, name);
    Method start = builderType.getMethod("start", Runnable.class);
    return (Thread) start.invoke(builder, task);
  }
}
