package io.lockwatch.analyzer.internal;

import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;

/** Commits the Lockwatch events that the field-reading tests read back. */
final class TestLockEvents {
  private TestLockEvents() {}

  /** Commits a lock-order event with these fields. */
  static void order(long heldId, Class<?> heldClass, String heldName, String heldMode,
      long acquiredId, Class<?> acquiredClass, String acquiredName, String acquiredMode,
      String heldIds) {
    LockOrderEvent o = new LockOrderEvent();
    o.heldLockId = heldId;
    o.heldLockClass = heldClass;
    o.heldLockName = heldName;
    o.heldMode = heldMode;
    o.acquiredLockId = acquiredId;
    o.acquiredLockClass = acquiredClass;
    o.acquiredLockName = acquiredName;
    o.acquiredMode = acquiredMode;
    o.heldLockIds = heldIds;
    o.commit();
  }

  /** Commits a lock-hold event (begun just before) with these fields. */
  static void hold(long lockId, String lockName, int waitersAtRelease) {
    LockHoldEvent h = new LockHoldEvent();
    h.begin();
    h.lockId = lockId;
    h.lockName = lockName;
    h.waitersAtRelease = waitersAtRelease;
    h.commit();
  }
}
