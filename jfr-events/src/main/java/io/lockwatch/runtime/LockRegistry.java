package io.lockwatch.runtime;

import java.lang.ref.ReferenceQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Identities of locks and executors: a sequential id, the class and a readable name, kept in weak
 * identity tables so that registration never keeps an object alive. This class is internal.
 *
 * <p>Only objects that take part in something worth reporting are registered: a nested
 * acquisition, a committed event, an in-flight report, or a name given through the API. The
 * tables are bounded ({@code -Dlockwatch.maxLocks}, default 65536; {@code
 * -Dlockwatch.maxExecutors}, default 4096); when full, an object gets id 0 and a name computed on
 * the fly, and the drop is counted.
 */
public final class LockRegistry {
  private static final AtomicLong LOCK_IDS = new AtomicLong();
  private static final AtomicLong EXECUTOR_IDS = new AtomicLong();
  static final WeakIdentityTable<ObjectInfo> LOCKS =
      new WeakIdentityTable<>(Integer.getInteger("lockwatch.maxLocks", 65536));
  static final WeakIdentityTable<ObjectInfo> EXECUTORS =
      new WeakIdentityTable<>(Integer.getInteger("lockwatch.maxExecutors", 4096));
  private static final WeakIdentityTable.Factory<ObjectInfo> NEW_LOCK =
      (key, hash, queue) -> new ObjectInfo(key, hash, queue, LOCK_IDS.incrementAndGet());
  private static final WeakIdentityTable.Factory<ObjectInfo> NEW_EXECUTOR =
      (key, hash, queue) -> new ObjectInfo(key, hash, queue, EXECUTOR_IDS.incrementAndGet());

  private LockRegistry() {}

  /**
   * Returns the registered info of a lock, registering it.
   *
   * @param lock the lock
   * @return the info, or {@code null} if the table is full
   */
  static ObjectInfo lock(Object lock) {
    return LOCKS.getOrCreate(lock, NEW_LOCK);
  }

  /** Returns the id of a lock, registering it; 0 when the table is full. */
  static long lockId(Object lock) {
    ObjectInfo info = lock(lock);
    return info == null ? 0 : info.id;
  }

  static ObjectInfo executor(Object executor) {
    return EXECUTORS.getOrCreate(executor, NEW_EXECUTOR);
  }

  /**
   * Gives a lock a readable name.
   *
   * @param lock the lock
   * @param name the name
   */
  public static void nameLock(Object lock, String name) {
    ObjectInfo info = lock(lock);
    if (info != null) {
      info.name = name;
    }
  }

  /**
   * Gives an executor a readable name.
   *
   * @param executor the executor
   * @param name the name
   */
  public static void nameExecutor(Object executor, String name) {
    ObjectInfo info = executor(executor);
    if (info != null) {
      info.name = name;
    }
  }

  /**
   * Returns the lock's id without registering it.
   *
   * @param lock the lock
   * @return the id, or 0 if not registered
   */
  public static long lookupLockId(Object lock) {
    ObjectInfo info = LOCKS.get(lock);
    return info == null ? 0 : info.id;
  }

  /**
   * Returns the readable name of a lock (registering it).
   *
   * @param lock the lock
   * @return the name
   */
  public static String lockName(Object lock) {
    ObjectInfo info = lock(lock);
    return info == null ? defaultName(lock) : info.name();
  }

  static String defaultName(Object o) {
    Class<?> c = o.getClass();
    String simple = c.getSimpleName();
    if (simple.isEmpty()) {
      simple = c.getName();
    }
    return simple + "@" + Integer.toHexString(System.identityHashCode(o));
  }

  /** The identity of a registered lock or executor. */
  static final class ObjectInfo extends WeakIdentityTable.Entry {
    final long id;
    final Class<?> type;
    volatile String name;

    ObjectInfo(Object key, int hash, ReferenceQueue<Object> queue, long id) {
      super(key, hash, queue);
      this.id = id;
      this.type = key.getClass();
    }

    String name() {
      String n = name;
      if (n == null) {
        String simple = type.getSimpleName();
        n = (simple.isEmpty() ? type.getName() : simple) + "@" + Integer.toHexString(hash);
        name = n;
      }
      return n;
    }
  }
}
