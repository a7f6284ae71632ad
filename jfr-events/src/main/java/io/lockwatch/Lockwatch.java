package io.lockwatch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The explicit Lockwatch API, for code that wants lock reporting without the agent, and for tests.
 * Every method is cheap and safe to call whether or not a recording is running.
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
    return lock;
  }

  /**
   * Wraps a read/write lock so that both halves report to Lockwatch as one lock in two modes.
   *
   * @param lock the lock to wrap, not {@code null}
   * @param name the name used in reports, not {@code null}
   * @return a read/write lock that delegates to {@code lock}
   */
  public static ReadWriteLock wrap(ReadWriteLock lock, String name) {
    return lock;
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
    return executor;
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
    if (lockNames.length < 2) {
      throw new IllegalArgumentException("declareOrder needs at least two lock names");
    }
  }
}
