package io.lockwatch.analyzer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The run-merging window (appends to open runs, insertions near a run's tail) returns exactly what
 * a binary heap over (time, arrival) returns.
 */
class ReorderWindowTest {
  private record Item(long seconds, int nanos, long seq) {}

  private static final Comparator<Item> ORDER = Comparator.comparingLong(Item::seconds)
      .thenComparingInt(Item::nanos).thenComparingLong(Item::seq);

  @Test
  void sameOrderAsAHeap_sortedInterleavedAndRandomInput() {
    Random rnd = new Random(42);
    for (int pattern = 0; pattern < 6; pattern++) {
      for (int window : new int[] {1, 3, 50, 1_000}) {
        List<Item> in = new ArrayList<>();
        long[] clocks = new long[12];
        for (int i = 0; i < 5_000; i++) {
          long t = switch (pattern) {
            case 0 -> i / 3; // sorted, with ties
            case 1 -> clocks[(i / 37) % 4] += rnd.nextInt(5); // interleaved thread buffers
            // more interleaved streams than open runs
            case 4 -> clocks[(i / 11) % 12] += rnd.nextInt(5);
            case 2 -> rnd.nextInt(100); // random, many ties
            // ascending, some written late (events with a duration), a few or many places back
            case 3 -> i % 10 == 0 ? Math.max(0, 4L * i - rnd.nextInt(rnd.nextBoolean() ? 40 : 800))
                : 4L * i;
            default -> 10_000 - i; // descending
          };
          in.add(new Item(t / 7, (int) (t % 7), i));
        }
        assertEquals(viaHeap(in, window), viaWindow(in, window), "pattern " + pattern);
      }
    }
  }

  private static List<Long> viaHeap(List<Item> in, int window) {
    PriorityQueue<Item> q = new PriorityQueue<>(ORDER);
    List<Long> out = new ArrayList<>();
    for (Item i : in) {
      q.add(i);
      if (q.size() > window) {
        out.add(q.poll().seq());
      }
    }
    while (!q.isEmpty()) {
      out.add(q.poll().seq());
    }
    return out;
  }

  private static List<Long> viaWindow(List<Item> in, int window) {
    ReorderWindow<Item> w = new ReorderWindow<>();
    List<Long> out = new ArrayList<>();
    for (Item i : in) {
      w.add(i, i.seconds(), i.nanos());
      if (w.size() > window) {
        out.add(w.poll().seq());
      }
    }
    Item i;
    while ((i = w.poll()) != null) {
      out.add(i.seq());
    }
    assertEquals(0, w.size());
    return out;
  }
}
