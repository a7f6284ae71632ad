package io.lockwatch.examples;

import io.lockwatch.Lockwatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Creates every lock and executor of the scenarios, and is the one place that decides whether they
 * report through the explicit API.
 *
 * <p>Every lock gets a readable name through {@code Lockwatch.name} (names are metadata only, so
 * this is harmless under the agent). Only when the system property {@value #API_PROPERTY} is
 * {@code true} are {@code java.util.concurrent} locks and executors also <em>wrapped</em> with
 * {@code Lockwatch.wrap}, so that tests can record scenarios without the agent. Wrapping is off by
 * default because under the agent a wrapped lock would be reported twice. Monitors cannot be
 * wrapped, so in API mode the generic scenarios default to {@link LockKind#REENTRANT}.
 */
public final class ScenarioLocks {
  /** System property that turns on wrapping through the explicit API. */
  public static final String API_PROPERTY = "lockwatch.examples.api";

  private ScenarioLocks() {}

  /**
   * Tells whether scenarios wrap their locks and executors through the explicit API.
   *
   * @return the value of {@value #API_PROPERTY}
   */
  public static boolean apiEnabled() {
    return Boolean.getBoolean(API_PROPERTY);
  }

  /** The lock kind generic scenarios use when {@code --lock} is not given. */
  static LockKind defaultKind() {
    return apiEnabled() ? LockKind.REENTRANT : LockKind.MONITOR;
  }

  /** A named lock of the given kind for generic scenarios. */
  static ScenarioLock lock(String name, LockKind kind) {
    switch (kind) {
      case MONITOR:
        return ScenarioLock.monitor(name, monitor(name));
      case REENTRANT:
        return ScenarioLock.juc(name, reentrantLock(name));
      default:
        throw new AssertionError(kind);
    }
  }

  /** A named object to {@code synchronized} on. */
  static Object monitor(String name) {
    return Lockwatch.name(new NamedMonitor(name), name);
  }

  /** A named {@link ReentrantLock}, wrapped in API mode. */
  static Lock reentrantLock(String name) {
    return lock(new ReentrantLock(), name);
  }

  /** A named non-reentrant lock: a {@code StampedLock}'s write mode, wrapped in API mode. */
  static Lock stampedWriteLock(String name) {
    return lock(new StampedWriteLock(), name);
  }

  /** A named non-reentrant lock: a {@code Semaphore(1)}, wrapped in API mode. */
  static Lock semaphoreMutex(String name) {
    return lock(new SemaphoreMutex(), name);
  }

  /** A named {@link ReentrantReadWriteLock}, wrapped in API mode. */
  static ReadWriteLock readWriteLock(String name) {
    ReadWriteLock lock = new ReentrantReadWriteLock();
    return apiEnabled() ? Lockwatch.wrap(lock, name) : Lockwatch.name(lock, name);
  }

  /** A fixed pool of daemon threads named {@code <name>-<n>}, wrapped in API mode. */
  static ExecutorService fixedPool(String name, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads(name));
    return apiEnabled() ? Lockwatch.wrap(pool, name) : pool;
  }

  /** A thread factory of daemon threads named {@code <name>-<n>}. */
  static ThreadFactory daemonThreads(String name) {
    AtomicInteger counter = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static Lock lock(Lock lock, String name) {
    return apiEnabled() ? Lockwatch.wrap(lock, name) : Lockwatch.name(lock, name);
  }
}
