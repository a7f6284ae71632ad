package io.lockwatch;

import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A {@link Lock} that reports its acquisitions and releases to the runtime. The identity reported
 * is {@code identity} (the delegate, or the read/write lock of which it is one half), so that the
 * agent and the wrapper agree on one lock.
 */
final class ReportingLock implements Lock {
  private final Lock delegate;
  private final Object identity;
  private final int mode;

  ReportingLock(Lock delegate, Object identity, int mode) {
    this.delegate = delegate;
    this.identity = identity;
    this.mode = mode;
  }

  @Override
  public void lock() {
    ThreadLockState s = LockRuntime.beforeAcquire(identity, mode);
    try {
      delegate.lock();
    } catch (Throwable t) {
      LockRuntime.acquireFailed(s, identity, mode, LockRuntime.OUTCOME_FAILED);
      throw t;
    }
    LockRuntime.afterAcquire(s, identity, mode);
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    ThreadLockState s = LockRuntime.beforeAcquire(identity, mode);
    try {
      delegate.lockInterruptibly();
    } catch (InterruptedException e) {
      LockRuntime.acquireFailed(s, identity, mode, LockRuntime.OUTCOME_INTERRUPTED);
      throw e;
    } catch (Throwable t) {
      LockRuntime.acquireFailed(s, identity, mode, LockRuntime.OUTCOME_FAILED);
      throw t;
    }
    LockRuntime.afterAcquire(s, identity, mode);
  }

  @Override
  public boolean tryLock() {
    boolean acquired = delegate.tryLock();
    if (acquired) {
      LockRuntime.tryAcquired(identity, mode);
    }
    return acquired;
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
    ThreadLockState s = LockRuntime.beforeAcquire(identity, mode);
    boolean acquired;
    try {
      acquired = delegate.tryLock(time, unit);
    } catch (InterruptedException e) {
      LockRuntime.acquireFailed(s, identity, mode, LockRuntime.OUTCOME_INTERRUPTED);
      throw e;
    } catch (Throwable t) {
      LockRuntime.acquireFailed(s, identity, mode, LockRuntime.OUTCOME_FAILED);
      throw t;
    }
    if (acquired) {
      LockRuntime.afterAcquire(s, identity, mode);
    } else {
      LockRuntime.acquireFailed(s, identity, mode, LockRuntime.OUTCOME_TIMED_OUT);
    }
    return acquired;
  }

  @Override
  public void unlock() {
    // Report first: while the lock is still held, the release can name itself as the owner to
    // the threads waiting for it (LockWait.owner) before any of them wakes up.
    LockRuntime.release(identity, mode);
    delegate.unlock();
  }

  @Override
  public Condition newCondition() {
    return new ReportingCondition(delegate.newCondition(), identity, mode);
  }

  @Override
  public String toString() {
    return "ReportingLock{" + delegate + "}";
  }
}
