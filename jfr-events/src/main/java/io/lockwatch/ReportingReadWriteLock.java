package io.lockwatch;

import io.lockwatch.runtime.LockRuntime;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A {@link ReadWriteLock} whose halves report as one lock (the delegate) in READ/WRITE modes. */
final class ReportingReadWriteLock implements ReadWriteLock {
  private final ReadWriteLock delegate;
  private final Lock readLock;
  private final Lock writeLock;

  ReportingReadWriteLock(ReadWriteLock delegate) {
    this.delegate = delegate;
    // A StampedLock view (or any unknown implementation) is not reentrant.
    int flags = delegate instanceof ReentrantReadWriteLock ? 0 : LockRuntime.NON_REENTRANT;
    this.readLock = new ReportingLock(delegate.readLock(), delegate, LockRuntime.READ | flags);
    this.writeLock = new ReportingLock(delegate.writeLock(), delegate, LockRuntime.WRITE | flags);
  }

  @Override
  public Lock readLock() {
    return readLock;
  }

  @Override
  public Lock writeLock() {
    return writeLock;
  }

  @Override
  public String toString() {
    return "ReportingReadWriteLock{" + delegate + "}";
  }
}
