package io.lockwatch;

import io.lockwatch.runtime.DeclaredOrders;
import io.lockwatch.runtime.LockRuntime;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The explicit Lockwatch API, for code that wants lock reporting without the agent, and for tests.
 * Every method is cheap and safe to call whether or not a recording is running.
 *
 * <p>Wrapped locks and executors report through {@code io.lockwatch.runtime.LockRuntime}; the
 * reported identity is the wrapped object, so the agent (if also present) and the wrapper agree.
 */
public final class Lockwatch {
  private Lockwatch() {}

  /**
   * Gives a lock (any object used as a monitor or a {@link Lock}) a readable name for reports.
   *
   * @param lock the lock, not {@code null}
   * @param name the name, not {@code null}
   * @return {@code lock}
   */
  public static <T> T name(T lock, String name) {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(name, "name");
    if (lock instanceof ExecutorService && !(lock instanceof java.util.concurrent.locks.Lock)) {
      LockRuntime.nameExecutor(lock, name);
    } else {
      LockRuntime.nameLock(lock, name);
    }
    return lock;
  }

  /**
   * Wraps a lock so that its acquisitions and releases report to Lockwatch.
   *
   * @param lock the lock to wrap, not {@code null}
   * @param name the name used in reports, not {@code null}
   * @return a lock that delegates to {@code lock}
   */
  public static Lock wrap(Lock lock, String name) {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(name, "name");
    if (lock instanceof ReportingLock) {
      return lock;
    }
    LockRuntime.nameLock(lock, name);
    return new ReportingLock(lock, lock, LockRuntime.EXCLUSIVE);
  }

  /**
   * Wraps a read/write lock so that both halves report to Lockwatch as one lock in two modes.
   *
   * @param lock the lock to wrap, not {@code null}
   * @param name the name used in reports, not {@code null}
   * @return a read/write lock that delegates to {@code lock}
   */
  public static ReadWriteLock wrap(ReadWriteLock lock, String name) {
    Objects.requireNonNull(lock, "lock");
    Objects.requireNonNull(name, "name");
    if (lock instanceof ReportingReadWriteLock) {
      return lock;
    }
    LockRuntime.nameLock(lock, name);
    return new ReportingReadWriteLock(lock);
  }

  /**
   * Wraps an executor so that submissions, task executions and waits on its futures report to
   * Lockwatch.
   *
   * @param executor the executor to wrap, not {@code null}
   * @param name the name used in reports, not {@code null}
   * @return an executor that delegates to {@code executor}
   */
  public static ExecutorService wrap(ExecutorService executor, String name) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(name, "name");
    if (executor instanceof ReportingExecutorService) {
      return executor;
    }
    LockRuntime.nameExecutor(executor, name);
    return new ReportingExecutorService(executor);
  }

  /**
   * Declares the intended order of named locks, e.g. {@code declareOrder("app", "config", "users",
   * "sessions")}: a lock later in the list must not be held while acquiring an earlier one.
   *
   * @param orderName a name for the declaration, not {@code null}
   * @param lockNames lock names, outermost first; at least two
   * @throws IllegalArgumentException if fewer than two names are given
   */
  public static void declareOrder(String orderName, String... lockNames) {
    Objects.requireNonNull(orderName, "orderName");
    Objects.requireNonNull(lockNames, "lockNames");
    if (lockNames.length < 2) {
      throw new IllegalArgumentException("declareOrder needs at least two lock names");
    }
    for (String n : lockNames) {
      Objects.requireNonNull(n, "lockNames contains null");
    }
    DeclaredOrders.declare(orderName, lockNames.clone());
  }
}
