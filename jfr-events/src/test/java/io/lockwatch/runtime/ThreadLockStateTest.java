package io.lockwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadLockStateTest {
  @Test
  void reentry_isCounted_notPushedTwice() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object a = new Object();
    s.push(a, LockRuntime.EXCLUSIVE, 1, 0);
    s.push(new Object(), LockRuntime.EXCLUSIVE, 1, 0);
    s.push(a, LockRuntime.EXCLUSIVE, 1, 0);
    assertEquals(2, s.depth);
    assertEquals(2, s.first.count);
  }

  @Test
  void readAndWriteOfOneLock_areSeparateEntries() {
    ThreadLockState s = new ThreadLockState(Thread.currentThread());
    Object rw = new Object();
    s.push(rw, LockRuntime.WRITE, 1, 0);
    s.push(rw, LockRuntime.READ, 1, 0);
    assertEquals(2, s.depth);
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
    assertEquals(500, s.depth);
    s.remove(s.indexOf(locks[10], -1));
    assertEquals(499, s.depth);
    assertSame(locks[11], s.entry(10).lock);
    assertEquals(11, s.entry(10).startNanos);
    assertTrue(s.holds(locks[499]));
    assertTrue(!s.holds(locks[10]));
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
