package io.lockwatch.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** LongLruMap behaves as the access-ordered BoundedMap it replaces: values, recency, evictions. */
class LongLruMapTest {
  @Test
  void sameAsBoundedMap_underRandomGetsAndPuts() {
    Random rnd = new Random(7);
    for (int capacity : new int[] {1, 2, 5, 100, 1_000}) {
      BoundedMap<Long, Integer> expected = new BoundedMap<>(capacity);
      LongLruMap<Integer> actual = new LongLruMap<>(capacity);
      for (int step = 0; step < 50_000; step++) {
        // Keys from a range a bit larger than the capacity, some negative and some far apart.
        long key = (rnd.nextInt(capacity + capacity / 2 + 3) - 2) * (rnd.nextBoolean() ? 1 : 1L << 33);
        if (rnd.nextInt(3) == 0) {
          expected.put(key, step);
          actual.put(key, step);
        } else {
          assertEquals(expected.get(key), actual.get(key), "get " + key + " at " + step);
        }
        if (step % 997 == 0) {
          assertEquals(new ArrayList<>(expected.values()), values(actual), "order at " + step);
        }
      }
      assertEquals(expected.size(), actual.size());
      assertEquals(expected.evicted(), actual.evicted());
      assertEquals(new ArrayList<>(expected.values()), values(actual));
    }
  }

  @Test
  void findEldest_leavesRecencyAlone() {
    LongLruMap<String> m = new LongLruMap<>(3);
    m.put(1, "a-1");
    m.put(2, "b");
    m.put(3, "a-3");
    assertEquals("a-1", m.findEldest(v -> v.startsWith("a")));
    m.put(4, "d"); // evicts 1: the search did not make it recent
    assertEquals(List.of("b", "a-3", "d"), values(m));
  }

  private static <V> List<V> values(LongLruMap<V> m) {
    List<V> out = new ArrayList<>();
    m.forEachValue(out::add);
    return out;
  }
}
