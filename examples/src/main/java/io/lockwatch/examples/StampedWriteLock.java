package io.lockwatch.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * A {@link StampedLock}'s write mode as a {@link Lock}, through the plain {@code writeLock()} /
 * {@code unlockWrite(stamp)} calls (not {@code asWriteLock()}, whose release path differs). It is
 * not reentrant: a second {@code lock()} by the holder blocks forever.
 */
final class StampedWriteLock implements Lock {
  private final StampedLock stamped = new StampedLock();
  private long stamp; // written and read only by the holder of the write lock

  @Override
  public void lock() {
    long s = stamped.writeLock();
    stamp = s;
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    long s = stamped.writeLockInterruptibly();
    stamp = s;
  }

  @Override
  public boolean tryLock() {
    long s = stamped.tryWriteLock();
    if (s == 0L) {
      return false;
    }
    stamp = s;
    return true;
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
    long s = stamped.tryWriteLock(time, unit);
    if (s == 0L) {
      return false;
    }
    stamp = s;
    return true;
  }

  @Override
  public void unlock() {
    stamped.unlockWrite(stamp);
  }

  @Override
  public Condition newCondition() {
    throw new UnsupportedOperationException("StampedLock has no conditions");
  }

  @Override
  public String toString() {
    return "StampedWriteLock{" + stamped + "}";
  }
}
