package io.lockwatch.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WeakIdentityTableTest {
  private static final WeakIdentityTable.Factory<WeakIdentityTable.Entry> PLAIN =
      WeakIdentityTable.Entry::new;

  @Test
  void sameKey_getsSameEntry_byIdentityNotEquality() {
    WeakIdentityTable<WeakIdentityTable.Entry> t = new WeakIdentityTable<>(100);
    String a = new String("x");
    String b = new String("x");
    WeakIdentityTable.Entry ea = t.getOrCreate(a, PLAIN);
    assertSame(ea, t.getOrCreate(a, PLAIN));
    assertSame(ea, t.get(a));
    assertTrue(ea != t.getOrCreate(b, PLAIN));
    assertEquals(2, t.size());
  }

  @Test
  void full_dropsAndCounts_removeFreesRoom() {
    WeakIdentityTable<WeakIdentityTable.Entry> t = new WeakIdentityTable<>(3);
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      keys.add(new Object());
      assertNotNull(t.getOrCreate(keys.get(i), PLAIN));
    }
    Object extra = new Object();
    assertNull(t.getOrCreate(extra, PLAIN));
    assertEquals(1, t.dropped());
    t.remove(keys.get(0));
    assertNull(t.get(keys.get(0)));
    assertNotNull(t.getOrCreate(extra, PLAIN));
    assertEquals(3, t.size());
  }

  @Test
  void growsBeyondInitialCapacity() {
    WeakIdentityTable<WeakIdentityTable.Entry> t = new WeakIdentityTable<>(10_000);
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(new Object());
      t.getOrCreate(keys.get(i), PLAIN);
    }
    for (Object k : keys) {
      assertNotNull(t.get(k));
    }
    assertEquals(1000, t.size());
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void collectedKeys_areReclaimed() throws InterruptedException {
    WeakIdentityTable<WeakIdentityTable.Entry> t = new WeakIdentityTable<>(100);
    for (int i = 0; i < 100; i++) {
      t.getOrCreate(new Object(), PLAIN);
    }
    assertEquals(100, t.size());
    while (t.size() > 0) { // the table must not keep its keys alive
      System.gc();
      Thread.sleep(10);
      t.purge();
    }
    Object k = new Object();
    assertNotNull(t.getOrCreate(k, PLAIN));
    assertEquals(0, t.dropped());
  }
}
