package io.lockwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadLockStateTest {
  @Test
  void threadsSharingACacheSlot_eachGetTheirOwnState_andADeadOwnersSlotIsFreed() throws Exception {
    CountDownLatch ownerMayEnd = new CountDownLatch(1);
    CountDownLatch ownerHasState = new CountDownLatch(1);
    AtomicReference<ThreadLockState> ownerState = new AtomicReference<>();
    Thread owner = new Thread(() -> {
      ownerState.set(ThreadLockState.current());
      ownerHasState.countDown();
      awaitQuietly(ownerMayEnd);
    }, "slot-owner");
    owner.start();
    ownerHasState.await();
    assertSame(ownerState.get(), ThreadLockState.cachedInSlotOf(owner));

    AtomicReference<ThreadLockState> first = new AtomicReference<>();
    AtomicReference<ThreadLockState> second = new AtomicReference<>();
    CountDownLatch sharerMayGoOn = new CountDownLatch(1);
    CountDownLatch sharerLookedOnce = new CountDownLatch(1);
    Thread sharer = threadInSlotOf(owner, () -> {
      first.set(ThreadLockState.current());
      sharerLookedOnce.countDown();
      awaitQuietly(sharerMayGoOn);
      second.set(ThreadLockState.current());
    });
    assertEquals(ThreadLockState.slotOf(owner), ThreadLockState.slotOf(sharer));
    sharer.start();
    sharerLookedOnce.await();
    assertSame(sharer, first.get().thread, "a thread never gets the slot owner's state");
    assertSame(ownerState.get(), ThreadLockState.cachedInSlotOf(owner), "a live owner keeps it");

    ownerMayEnd.countDown();
    owner.join();
    ThreadLockState.pruneBySlot();
    sharerMayGoOn.countDown();
    sharer.join();
    assertSame(first.get(), second.get(), "the same state, from the ThreadLocal or the cache");
    assertSame(second.get(), ThreadLockState.cachedInSlotOf(sharer), "the freed slot is claimed");
  }

  /** Returns an unstarted thread running {@code body} whose id falls in {@code owner}'s slot. */
  private static Thread threadInSlotOf(Thread owner, Runnable body) {
    for (int i = 0; i < 1 << 20; i++) {
      Thread t = new Thread(body, "slot-sharer");
      if (ThreadLockState.slotOf(t) == ThreadLockState.slotOf(owner)) {
        return t;
      }
    }
    throw new AssertionError("no thread id in the same slot");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void reentry_isCounted_notPushedTwice() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object a = new Object();
    s.push(a, LockRuntime.EXCLUSIVE, 1, 0);
    s.push(new Object(), LockRuntime.EXCLUSIVE, 1, 0);
    s.push(a, LockRuntime.EXCLUSIVE, 1, 0);
    assertEquals(2, s.depth());
    assertEquals(1, s.first.reentries);
  }

  @Test
  void readAndWriteOfOneLock_areSeparateEntries() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object rw = new Object();
    s.push(rw, LockRuntime.WRITE, 1, 0);
    s.push(rw, LockRuntime.READ, 1, 0);
    assertEquals(2, s.depth());
    assertEquals(1, s.indexOf(rw, LockRuntime.READ));
    assertEquals(0, s.indexOf(rw, LockRuntime.WRITE));
  }

  @Test
  void deepNesting_hasNoFixedLimit_andRemovesOutOfOrder() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object[] locks = new Object[500];
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
      s.push(locks[i], LockRuntime.MONITOR, 1, i);
    }
    assertEquals(500, s.depth());
    s.remove(s.indexOf(locks[10], -1));
    assertEquals(499, s.depth());
    assertSame(locks[11], s.entry(10).lock);
    assertEquals(11, s.entry(10).startNanos);
    assertTrue(s.holds(locks[499]));
    assertTrue(!s.holds(locks[10]));
  }

  @Test
  void pendingAcquisition_isVisibleUntilCommitted_andIsNotAHold() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object a = new Object();
    s.preparePending(0, a, LockRuntime.EXCLUSIVE, 5, false);
    assertTrue(s.waiting());
    assertSame(a, s.pendingLock());
    assertEquals(0, s.depth());
    assertTrue(!s.holds(a));
    s.commitPending(0, a, LockRuntime.EXCLUSIVE, 7);
    assertTrue(!s.waiting());
    assertNull(s.pendingLock());
    assertEquals(1, s.depth());
    assertEquals(7, s.first.startNanos);
  }

  @Test
  void pendingReentry_isCountedInTheHeldEntry() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object a = new Object();
    s.push(a, LockRuntime.MONITOR, 1, 0);
    s.preparePending(1, a, LockRuntime.MONITOR, 3, true);
    s.commitPending(1, a, LockRuntime.MONITOR, 3);
    assertEquals(1, s.depth());
    assertEquals(1, s.first.reentries);
    assertEquals(0, s.second.reentries);
  }

  @Test
  void holdsPushedOrRemovedWhileWaiting_keepThePendingAcquisitionOnTop() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object a = new Object();
    Object b = new Object();
    Object c = new Object();
    s.push(a, LockRuntime.EXCLUSIVE, 1, 0);
    s.preparePending(1, c, LockRuntime.EXCLUSIVE, 1, false);
    s.push(b, LockRuntime.EXCLUSIVE, 1, 2); // e.g. a tryLock inside the blocking call
    assertEquals(2, s.depth());
    assertSame(c, s.pendingLock());
    s.remove(s.indexOf(a, -1));
    assertEquals(1, s.depth());
    assertSame(b, s.first.lock);
    assertSame(c, s.pendingLock());
    assertEquals(1, s.pendingEntry().startNanos);
  }

  @Test
  void parseNanos_readsJfrTimespans() {
    assertEquals(10_000_000L, RuntimeSettings.parseNanos("10 ms", -1));
    assertEquals(0, RuntimeSettings.parseNanos("0 ns", -1));
    assertEquals(1_000_000_000L, RuntimeSettings.parseNanos("1 s", -1));
    assertEquals(20_000L, RuntimeSettings.parseNanos("20 us", -1));
    assertEquals(-1, RuntimeSettings.parseNanos("soon", -1));
    assertEquals(-1, RuntimeSettings.parseNanos(null, -1));
  }
}
