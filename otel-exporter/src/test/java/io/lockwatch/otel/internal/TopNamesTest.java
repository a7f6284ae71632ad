package io.lockwatch.otel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopNamesTest {
  private static final long INTERVAL = 1_000;

  @Test
  void firstNamesAreAdmittedUpToTheLimit_restAreOther() {
    TopNames names = new TopNames(2, INTERVAL);
    assertEquals("a", names.map("a", 0));
    assertEquals("b", names.map("b", 1));
    assertEquals(TopNames.OTHER, names.map("c", 2));
    assertEquals("a", names.map("a", 3));
    assertEquals(TopNames.UNKNOWN, new TopNames(1, INTERVAL).map(null, 0));
  }

  @Test
  void busierCandidateReplacesQuietestAdmittedNameAtRanking() {
    TopNames names = new TopNames(2, INTERVAL);
    names.map("a", 0);
    names.map("b", 0);
    for (int i = 0; i < 10; i++) {
      names.map("hot", 10 + i);
      names.map("a", 10 + i);
    }
    // the next call after the interval ranks: hot (10) beats b (1)
    assertEquals("hot", names.map("hot", INTERVAL + 1));
    assertEquals(Set.of("a", "hot"), new HashSet<>(names.admittedNames()));
    assertEquals(TopNames.OTHER, names.map("b", INTERVAL + 2));
  }

  @Test
  void manyDistinctNamesStayBounded() {
    TopNames names = new TopNames(5, INTERVAL);
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      reported.add(names.map("lock-" + (i % 10_000), i));
    }
    // each interval can swap in at most 5 names; 100 intervals
    assertTrue(reported.size() <= 5 + 5 * 100 + 1, () -> "reported " + reported.size());
    assertTrue(reported.contains(TopNames.OTHER));
    assertEquals(5, names.admittedNames().size());
  }

  @Test
  void builderInvalidConfig() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TopNames(0, 1));
    assertEquals("limit must be positive.", e.getMessage());
    assertEquals(List.of(), new TopNames(1, 1).admittedNames());
  }
}
