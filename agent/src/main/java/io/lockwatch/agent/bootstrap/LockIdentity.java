package io.lockwatch.agent.bootstrap;

import java.lang.reflect.Field;

/**
 * Maps a lock object that the application names ({@code Lockwatch.name(lock, "accounts")}) to the
 * object the agent reports it by: a {@code ReentrantLock}, a {@code ReentrantReadWriteLock} and its
 * read and write halves are reported by their shared AQS {@code sync}. This class is internal.
 */
public final class LockIdentity {
  private static final String LOCKS = "java.util.concurrent.locks.";
  private static volatile Field reentrantSync;
  private static volatile Field readWriteSync;
  private static volatile Field readSync;
  private static volatile Field writeSync;

  private LockIdentity() {}

  /**
   * Resolves the private {@code sync} fields; the agent opens {@code java.util.concurrent.locks} to
   * this module first.
   *
   * @return {@code null}, or the reason the mapping is unavailable
   */
  public static String init() {
    try {
      reentrantSync = field(LOCKS + "ReentrantLock");
      readWriteSync = field(LOCKS + "ReentrantReadWriteLock");
      readSync = field(LOCKS + "ReentrantReadWriteLock$ReadLock");
      writeSync = field(LOCKS + "ReentrantReadWriteLock$WriteLock");
      return null;
    } catch (Throwable t) {
      return t.toString();
    }
  }

  private static Field field(String className) throws ReflectiveOperationException {
    Field f = Class.forName(className, false, null).getDeclaredField("sync");
    f.setAccessible(true);
    return f;
  }

  /**
   * Returns the identity the agent reports {@code lock} by.
   *
   * @param lock a lock object, may be {@code null}
   * @return its AQS for j.u.c. reentrant locks, otherwise {@code lock}
   */
  public static Object of(Object lock) {
    try {
      if (lock == null) {
        return null;
      }
      String name = lock.getClass().getName();
      if (!name.startsWith(LOCKS)) {
        return lock;
      }
      Field f = null;
      if (name.equals(LOCKS + "ReentrantLock")) {
        f = reentrantSync;
      } else if (name.equals(LOCKS + "ReentrantReadWriteLock")) {
        f = readWriteSync;
      } else if (name.equals(LOCKS + "ReentrantReadWriteLock$ReadLock")) {
        f = readSync;
      } else if (name.equals(LOCKS + "ReentrantReadWriteLock$WriteLock")) {
        f = writeSync;
      }
      Object sync = f == null ? null : f.get(lock);
      return sync == null ? lock : sync;
    } catch (Throwable t) {
      SuppressedErrors.record(t);
      return lock;
    }
  }
}
