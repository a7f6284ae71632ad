package io.lockwatch;

import io.lockwatch.runtime.LockRuntime;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * A {@link Condition} whose waits release the lock in the runtime's model: the waiting period is
 * not a hold, and the re-acquisition starts a new hold at the saved depth.
 */
final class ReportingCondition implements Condition {
  private final Condition delegate;
  private final Object identity;
  private final int mode;

  ReportingCondition(Condition delegate, Object identity, int mode) {
    this.delegate = delegate;
    this.identity = identity;
    this.mode = mode;
  }

  @Override
  public void await() throws InterruptedException {
    int depth = LockRuntime.releaseForWait(identity);
    try {
      delegate.await();
    } finally {
      LockRuntime.reacquiredAfterWait(identity, mode, depth);
    }
  }

  @Override
  public void awaitUninterruptibly() {
    int depth = LockRuntime.releaseForWait(identity);
    try {
      delegate.awaitUninterruptibly();
    } finally {
      LockRuntime.reacquiredAfterWait(identity, mode, depth);
    }
  }

  @Override
  public long awaitNanos(long nanosTimeout) throws InterruptedException {
    int depth = LockRuntime.releaseForWait(identity);
    try {
      return delegate.awaitNanos(nanosTimeout);
    } finally {
      LockRuntime.reacquiredAfterWait(identity, mode, depth);
    }
  }

  @Override
  public boolean await(long time, TimeUnit unit) throws InterruptedException {
    int depth = LockRuntime.releaseForWait(identity);
    try {
      return delegate.await(time, unit);
    } finally {
      LockRuntime.reacquiredAfterWait(identity, mode, depth);
    }
  }

  @Override
  public boolean awaitUntil(Date deadline) throws InterruptedException {
    int depth = LockRuntime.releaseForWait(identity);
    try {
      return delegate.awaitUntil(deadline);
    } finally {
      LockRuntime.reacquiredAfterWait(identity, mode, depth);
    }
  }

  @Override
  public void signal() {
    delegate.signal();
  }

  @Override
  public void signalAll() {
    delegate.signalAll();
  }
}
