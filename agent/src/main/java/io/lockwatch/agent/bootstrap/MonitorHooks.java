package io.lockwatch.agent.bootstrap;

import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import jdk.internal.vm.annotation.ForceInline;

/**
 * Hooks for Java monitors: {@code MONITORENTER}/{@code MONITOREXIT} and synchronized methods in
 * instrumented classes, and their {@code Object.wait} and {@code Thread.sleep} call sites. This class
 * is internal.
 *
 * <p>The agent's class visitor rewrites {@code MONITORENTER} into
 * {@code DUP DUP beforeEnter SWAP MONITORENTER}, with {@code SWAP afterEnter} placed inside the
 * handler range that releases the monitor, so that the lock-order check runs before the thread can
 * block and the method stays JIT-compilable; the normal-path {@code MONITOREXIT} becomes
 * {@code DUP exited MONITOREXIT} (see {@code MonitorSiteRewriter}). The enter and exit hooks are
 * {@code ForceInline}: on the boot class path, where the agent puts this class, HotSpot honours it,
 * so the hooks inline into every instrumented site even once they are compiled on their own.
 */
public final class MonitorHooks {
  private MonitorHooks() {}

  /**
   * Before a {@code MONITORENTER}.
   *
   * @param monitor the monitor
   * @return the state to pass to {@link #afterEnter}, may be {@code null}
   */
  @ForceInline
  public static ThreadLockState beforeEnter(Object monitor) {
    try {
      return monitor == null ? null : LockRuntime.beforeAcquire(monitor, LockRuntime.MONITOR);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return null;
    }
  }

  /**
   * After a {@code MONITORENTER} succeeded.
   *
   * @param s what {@link #beforeEnter} returned
   * @param monitor the monitor
   */
  @ForceInline
  public static void afterEnter(ThreadLockState s, Object monitor) {
    try {
      LockRuntime.afterAcquire(s, monitor, LockRuntime.MONITOR);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * At the start of a synchronized method, whose monitor the JVM already holds: the order check
   * cannot run before the block, so an edge is recorded just after the acquisition.
   *
   * @param monitor {@code this}, or the class of a static method
   * @return the state to pass to {@link #exitedMethod}, may be {@code null}
   */
  @ForceInline
  public static ThreadLockState enteredMethod(Object monitor) {
    try {
      ThreadLockState s = LockRuntime.beforeAcquire(monitor, LockRuntime.MONITOR);
      LockRuntime.afterAcquire(s, monitor, LockRuntime.MONITOR);
      return s;
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return null;
    }
  }

  /**
   * At the end of a synchronized method (normal or exceptional).
   *
   * @param s what {@link #enteredMethod} returned, may be {@code null}
   * @param monitor the monitor
   */
  @ForceInline
  public static void exitedMethod(ThreadLockState s, Object monitor) {
    try {
      LockRuntime.release(s, monitor, LockRuntime.MONITOR);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * At a {@code MONITOREXIT}: just before it on the normal path, after the handler on the
   * exceptional one.
   *
   * @param monitor the monitor
   */
  @ForceInline
  public static void exited(Object monitor) {
    try {
      if (monitor != null) {
        LockRuntime.release(monitor, LockRuntime.MONITOR);
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Replaces {@code monitor.wait()}: the monitor is released for the wait's duration.
   *
   * @param monitor the receiver of {@code wait}
   * @throws InterruptedException as {@link Object#wait()}
   */
  public static void waitOn(Object monitor) throws InterruptedException {
    int depth = releaseForWait(monitor);
    try {
      monitor.wait();
    } finally {
      reacquired(monitor, depth);
    }
  }

  /**
   * Replaces {@code monitor.wait(millis)}.
   *
   * @param monitor the receiver of {@code wait}
   * @param millis as {@link Object#wait(long)}
   * @throws InterruptedException as {@link Object#wait(long)}
   */
  public static void waitOn(Object monitor, long millis) throws InterruptedException {
    int depth = releaseForWait(monitor);
    try {
      monitor.wait(millis);
    } finally {
      reacquired(monitor, depth);
    }
  }

  /**
   * Replaces {@code monitor.wait(millis, nanos)}.
   *
   * @param monitor the receiver of {@code wait}
   * @param millis as {@link Object#wait(long, int)}
   * @param nanos as {@link Object#wait(long, int)}
   * @throws InterruptedException as {@link Object#wait(long, int)}
   */
  public static void waitOn(Object monitor, long millis, int nanos) throws InterruptedException {
    int depth = releaseForWait(monitor);
    try {
      monitor.wait(millis, nanos);
    } finally {
      reacquired(monitor, depth);
    }
  }

  /**
   * Replaces {@code Thread.sleep(millis)} at an instrumented call site (on JDK 17 the JDK's own
   * {@code sleep(long)} is native and cannot carry advice).
   *
   * @param millis as {@link Thread#sleep(long)}
   * @throws InterruptedException as {@link Thread#sleep(long)}
   */
  public static void sleep(long millis) throws InterruptedException {
    ThreadLockState s = WaitHooks.begin(LockRuntime.WAIT_SLEEP, Thread.currentThread());
    int outcome = LockRuntime.OUTCOME_FAILED;
    try {
      Thread.sleep(millis);
      outcome = LockRuntime.OUTCOME_ACQUIRED;
    } catch (InterruptedException e) {
      outcome = LockRuntime.OUTCOME_INTERRUPTED;
      throw e;
    } finally {
      WaitHooks.end(s, outcome);
    }
  }

  /**
   * Replaces {@code Thread.sleep(millis, nanos)} at an instrumented call site.
   *
   * @param millis as {@link Thread#sleep(long, int)}
   * @param nanos as {@link Thread#sleep(long, int)}
   * @throws InterruptedException as {@link Thread#sleep(long, int)}
   */
  public static void sleep(long millis, int nanos) throws InterruptedException {
    ThreadLockState s = WaitHooks.begin(LockRuntime.WAIT_SLEEP, Thread.currentThread());
    int outcome = LockRuntime.OUTCOME_FAILED;
    try {
      Thread.sleep(millis, nanos);
      outcome = LockRuntime.OUTCOME_ACQUIRED;
    } catch (InterruptedException e) {
      outcome = LockRuntime.OUTCOME_INTERRUPTED;
      throw e;
    } finally {
      WaitHooks.end(s, outcome);
    }
  }

  private static int releaseForWait(Object monitor) {
    try {
      return LockRuntime.releaseForWait(monitor);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return 0;
    }
  }

  private static void reacquired(Object monitor, int depth) {
    try {
      LockRuntime.reacquiredAfterWait(monitor, LockRuntime.MONITOR, depth);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }
}
