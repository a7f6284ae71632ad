package io.lockwatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScenarioCatalogTest {
  private static final List<String> REQUIRED = List.of("executor-under-lock", "deadly-embrace",
      "deadly-embrace-latent", "callback-reentry", "rwlock-upgrade", "listener-inversion",
      "wait-under-lock", "pool-self-wait", "stalled-loop", "trylock-timeouts", "long-hold",
      "declared-order", "virtual-pinned");

  @Test
  void everyRequiredScenarioAndItsTwinExist() {
    for (String name : REQUIRED) {
      assertTrue(ScenarioCatalog.byName(name).isPresent(), name);
      assertTrue(ScenarioCatalog.byName(name + "-fixed").isPresent(), name + "-fixed");
    }
  }

  @Test
  void namesAreUniqueKebabCase() {
    Set<String> names = new HashSet<>();
    for (ScenarioCatalog s : ScenarioCatalog.values()) {
      assertTrue(s.scenarioName().matches("[a-z]+(-[a-z]+)*"), s.scenarioName());
      assertTrue(names.add(s.scenarioName()), "duplicate " + s.scenarioName());
    }
  }

  @ParameterizedTest
  @EnumSource(ScenarioCatalog.class)
  void twinsPairUp(ScenarioCatalog s) {
    assertEquals(s, s.twin().twin());
    assertEquals(!s.isFixed(), s.twin().isFixed());
    assertEquals(s.isFixed(), s.scenarioName().endsWith("-fixed"));
  }

  @ParameterizedTest
  @EnumSource(ScenarioCatalog.class)
  void hazardsExpectFindingsAndTwinsExpectNone(ScenarioCatalog s) {
    if (s.isFixed()) {
      assertTrue(s.expectedFindings().isEmpty(), s + " " + s.expectedFindings());
      assertTrue(s.incidentalFindings().isEmpty(), s + " " + s.incidentalFindings());
      assertFalse(s.hangs(), s + " hangs");
    } else {
      assertFalse(s.expectedFindings().isEmpty(), s.toString());
      Set<ExpectedFinding> overlap = copyOf(s.expectedFindings());
      overlap.retainAll(s.incidentalFindings());
      assertTrue(overlap.isEmpty(), s + " lists " + overlap + " as both expected and incidental");
    }
    assertFalse(s.description().isBlank());
  }

  @Test
  void everyFindingTypeIsExpectedSomewhere() {
    Set<ExpectedFinding> covered = Arrays.stream(ScenarioCatalog.values())
        .flatMap(s -> s.expectedFindings().stream())
        .collect(Collectors.toSet());
    assertEquals(Set.of(ExpectedFinding.values()), covered);
  }

  @Test
  void byNameOfUnknownIsEmpty() {
    assertTrue(ScenarioCatalog.byName("no-such-scenario").isEmpty());
  }

  @Test
  void listSplitsHazardsAndTwins() {
    assertEquals(ScenarioCatalog.values().length,
        ScenarioCatalog.list(true).size() + ScenarioCatalog.list(false).size());
    assertEquals(ScenarioCatalog.list(true).size(), ScenarioCatalog.list(false).size());
  }

  private static Set<ExpectedFinding> copyOf(Set<ExpectedFinding> findings) {
    return new HashSet<>(findings);
  }
}
