package io.lockwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderEdgeCacheTest {
  @Test
  void edge_isAddedOnce() {
    OrderEdgeCache cache = new OrderEdgeCache(16);
    long key = OrderEdgeCache.key(1, LockRuntime.EXCLUSIVE, 2, LockRuntime.EXCLUSIVE);
    assertEquals(OrderEdgeCache.ADDED, cache.add(key));
    assertEquals(OrderEdgeCache.KNOWN, cache.add(key));
    assertEquals(1, cache.size());
  }

  @Test
  void modesAndDirection_makeDistinctEdges() {
    long ab = OrderEdgeCache.key(1, LockRuntime.READ, 2, LockRuntime.EXCLUSIVE);
    assertNotEquals(ab, OrderEdgeCache.key(2, LockRuntime.EXCLUSIVE, 1, LockRuntime.READ));
    assertNotEquals(ab, OrderEdgeCache.key(1, LockRuntime.WRITE, 2, LockRuntime.EXCLUSIVE));
    assertEquals(ab, OrderEdgeCache.key(1, LockRuntime.READ | LockRuntime.NON_REENTRANT, 2,
        LockRuntime.EXCLUSIVE));
  }

  @Test
  void full_dropsAndCounts() {
    OrderEdgeCache cache = new OrderEdgeCache(8);
    for (int i = 1; i <= 8; i++) {
      assertEquals(OrderEdgeCache.ADDED, cache.add(OrderEdgeCache.key(i, 1, 100, 1)));
    }
    assertEquals(OrderEdgeCache.DROPPED, cache.add(OrderEdgeCache.key(9, 1, 100, 1)));
    assertEquals(OrderEdgeCache.KNOWN, cache.add(OrderEdgeCache.key(3, 1, 100, 1)));
    assertEquals(8, cache.size());
    assertEquals(1, cache.dropped());
  }

  @Test
  void full_isRenewedByTheWatchdog_atMostOncePerInterval_andLearnsAgain() {
    OrderEdgeCache cache = new OrderEdgeCache(8, 1_000);
    long now = System.nanoTime() + 10_000;
    assertFalse(cache.renewIfFull(now), "not full: nothing to renew");
    for (int i = 1; i <= 8; i++) {
      cache.add(OrderEdgeCache.key(i, 1, 100, 1));
    }
    assertEquals(OrderEdgeCache.DROPPED, cache.add(OrderEdgeCache.key(9, 1, 100, 1)));
    assertTrue(cache.renewIfFull(now));
    assertEquals(0, cache.size());
    assertEquals(1, cache.renewals());
    assertEquals(OrderEdgeCache.ADDED, cache.add(OrderEdgeCache.key(9, 1, 100, 1)));
    assertEquals(OrderEdgeCache.ADDED, cache.add(OrderEdgeCache.key(3, 1, 100, 1)),
        "an edge seen again after a renewal is recorded again");
    for (int i = 10; i <= 15; i++) {
      cache.add(OrderEdgeCache.key(i, 1, 100, 1));
    }
    assertFalse(cache.renewIfFull(now + 10), "full again, but within the interval");
    assertTrue(cache.renewIfFull(now + 2_000));
    assertEquals(2, cache.renewals());
  }

  @Test
  void idsTooLargeToPack_areHashed_distinctAndStable() {
    OrderEdgeCache cache = new OrderEdgeCache(8);
    long big = OrderEdgeCache.key(1L << 30, 1, 1, 1);
    assertNotEquals(0, big);
    assertEquals(big, OrderEdgeCache.key(1L << 30, 1, 1, 1));
    assertNotEquals(big, OrderEdgeCache.key(1, 1, 1L << 30, 1));
    assertNotEquals(big, OrderEdgeCache.key(1L << 30, 2, 1, 1));
    assertEquals(OrderEdgeCache.ADDED, cache.add(big));
    assertEquals(OrderEdgeCache.KNOWN, cache.add(big));
  }

  @Test
  void unknownIds_areDroppedAndCounted() {
    OrderEdgeCache cache = new OrderEdgeCache(8);
    assertEquals(0, OrderEdgeCache.key(0, 1, 1, 1));
    assertEquals(OrderEdgeCache.DROPPED, cache.add(0));
    assertEquals(1, cache.dropped());
  }
}
