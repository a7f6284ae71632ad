package io.lockwatch.examples;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A {@code Semaphore(1)} used as a mutex, through plain {@code acquire()} / {@code release()}. It is
 * not reentrant: a second {@code lock()} by the holder blocks forever.
 */
final class SemaphoreMutex implements Lock {
  private final Semaphore permit = new Semaphore(1);

  @Override
  public void lock() {
    try {
      permit.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while acquiring the semaphore", e);
    }
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    permit.acquire();
  }

  @Override
  public boolean tryLock() {
    return permit.tryAcquire();
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
    return permit.tryAcquire(time, unit);
  }

  @Override
  public void unlock() {
    permit.release();
  }

  @Override
  public Condition newCondition() {
    throw new UnsupportedOperationException("a Semaphore has no conditions");
  }

  @Override
  public String toString() {
    return "SemaphoreMutex{" + permit + "}";
  }
}
