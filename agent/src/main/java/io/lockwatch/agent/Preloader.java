package io.lockwatch.agent;

import io.lockwatch.agent.bootstrap.LockHooks;
import io.lockwatch.agent.bootstrap.SuppressedErrors;
import io.lockwatch.agent.bootstrap.TaskHooks;
import io.lockwatch.agent.bootstrap.WaitHooks;
import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;

/**
 * Loads and initializes, before any transformer exists, every class that the hooks and the runtime
 * touch, and runs each hook once: a class first loaded from inside a hook could re-enter an
 * instrumented lock or hit a {@code ClassCircularityError} (ConcurrentHashMap ->
 * ThreadLocalRandom).
 */
final class Preloader {
  private static final String[] CLASSES = {
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ThreadLocalRandom",
      "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.atomic.AtomicLong",
      "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicReferenceArray",
      "java.util.concurrent.atomic.AtomicLongArray", "java.lang.ref.WeakReference",
      "java.lang.ref.ReferenceQueue", "java.util.concurrent.TimeoutException",
      "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinTask",
      "java.util.concurrent.ForkJoinWorkerThread", "java.lang.ThreadLocal",
      "java.util.concurrent.locks.LockSupport",
      "io.lockwatch.runtime.LockRuntime", "io.lockwatch.runtime.ThreadLockState",
      "io.lockwatch.agent.bootstrap.MonitorHooks", "io.lockwatch.agent.bootstrap.WaitHooks",
      "io.lockwatch.agent.bootstrap.TaskHooks", "io.lockwatch.agent.bootstrap.LockHooks",
      "io.lockwatch.agent.bootstrap.SuppressedErrors",
      "io.lockwatch.agent.bootstrap.MutexSemaphores", "io.lockwatch.agent.bootstrap.LockIdentity",
      "java.lang.ref.WeakReference", "io.lockwatch.Lockwatch"};

  private Preloader() {}

  static void preload() throws ClassNotFoundException {
    for (String name : CLASSES) {
      Class.forName(name, true, null);
    }
    // Run each hook once on a private lock and task, so the runtime initializes its own state now.
    Object lock = new Object();
    ThreadLockState s = LockRuntime.beforeAcquire(lock, LockRuntime.EXCLUSIVE);
    LockRuntime.afterAcquire(s, lock, LockRuntime.EXCLUSIVE);
    int depth = LockRuntime.releaseForWait(lock);
    LockRuntime.reacquiredAfterWait(lock, LockRuntime.EXCLUSIVE, depth);
    LockRuntime.release(lock, LockRuntime.EXCLUSIVE);
    LockRuntime.tryAcquired(lock, LockRuntime.READ);
    LockRuntime.release(lock, LockRuntime.READ);
    Object executor = new Object();
    Object task = new Object();
    LockRuntime.taskSubmitted(executor, task);
    LockRuntime.taskStarted(executor, task);
    LockRuntime.taskFinished(executor, task);
    LockRuntime.linkFuture(new Object(), task);
    WaitHooks.end(WaitHooks.begin(LockRuntime.WAIT_FUTURE, task), null);
    TaskHooks.asyncTaskSubmitted();
    LockHooks.conditionMode(lock);
    io.lockwatch.agent.bootstrap.MutexSemaphores.isMutex(lock);
    io.lockwatch.agent.bootstrap.LockIdentity.of(lock);
    LockHooks.stampConverted(lock, 0L, 0L);
    SuppressedErrors.count();
  }
}
