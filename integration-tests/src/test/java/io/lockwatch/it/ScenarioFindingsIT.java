package io.lockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lockwatch.examples.ExpectedFinding;
import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.ScenarioCatalog;
import io.lockwatch.examples.testing.JvmFork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every scenario of {@link ScenarioCatalog} under the agent: a hazard yields its expected findings
 * live (in the {@code findings=} file within 5 s of its HAZARD marker) and offline ({@code lockwatch
 * analyze} on the run's recording), and nothing outside expected ∪ incidental; a fixed twin yields
 * nothing, live or offline.
 */
class ScenarioFindingsIT {
  /** Live findings must appear this soon after the HAZARD marker (issue 4). */
  static final Duration LIVE_BOUND = Duration.ofSeconds(5);
  /** Hanging scenarios are bounded so the JVM exits normally and dumps its recording. */
  static final String HANG_SECONDS = "8";

  /**
   * Known gaps, skipped with their reason (see the integration report): remove an entry once fixed.
   */
  static final Map<ScenarioCatalog, String> KNOWN_GAPS = Map.of();

  /**
   * Correct findings the catalog does not list as incidental yet: virtual threads in
   * virtual-pinned hold a monitor while blocking, with others waiting, which is a LONG_HOLD; in
   * executor-under-lock the caller holds 'state' while waiting on common-pool tasks that take
   * 'state', a lock-order cycle state -> pool -> state.
   */
  static final Map<ScenarioCatalog, Set<String>> EXTRA_INCIDENTAL = Map.of(
      ScenarioCatalog.VIRTUAL_PINNED, Set.of("LONG_HOLD"),
      ScenarioCatalog.EXECUTOR_UNDER_LOCK, Set.of("LOCK_ORDER_CYCLE"));

  @AfterAll
  static void writeLatencies() throws Exception {
    LatencyReport.write(String.valueOf(ForkedJdk.feature()));
  }

  /** Short runs, with holds above the analyzer's thresholds (long hold 200 ms, stall 1.5 s). */
  static List<String> options(ScenarioCatalog s) {
    List<String> o = new ArrayList<>();
    switch (s) {
      case STALLED_LOOP, STALLED_LOOP_FIXED -> o.addAll(List.of("--hold-ms=2500", "--ticks-after=5"));
      case TRYLOCK_TIMEOUTS, TRYLOCK_TIMEOUTS_FIXED -> o.add("--hold-ms=600");
      default -> { }
    }
    if (s.hangs()) {
      o.addAll(List.of("--max-seconds", HANG_SECONDS));
    }
    return o;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ScenarioCatalog.class)
  @Execution(ExecutionMode.CONCURRENT)
  void findingsLiveAndOffline(ScenarioCatalog s) throws Exception {
    Assumptions.assumeTrue(ForkedJdk.feature() >= s.minimumJavaVersion(),
        s + " needs JDK " + s.minimumJavaVersion() + ", forks run " + ForkedJdk.feature());
    Assumptions.assumeFalse(KNOWN_GAPS.containsKey(s), () -> s + ": " + KNOWN_GAPS.get(s));
    Set<String> expected = names(s.expectedFindings());
    Set<String> allowed = new TreeSet<>(expected);
    allowed.addAll(names(s.incidentalFindings()));
    allowed.addAll(EXTRA_INCIDENTAL.getOrDefault(s, Set.of()));
    Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", s.scenarioName()).toAbsolutePath();
    JvmFork.Builder builder = JvmFork.forScenario(s, options(s).toArray(String[]::new))
        .setClasspath(ForkedJdk.examplesJar().toString()).setTimeout(Duration.ofSeconds(150));
    try (AgentRun run = AgentRun.start(dir, builder)) {
      if (!s.isFixed()) {
        Optional<MarkerLine> hazard = run.awaitMarker(Duration.ofSeconds(90), MarkerLine.HAZARD);
        if (hazard.isEmpty()) {
          fail(s + ": no HAZARD marker" + run.describe());
        }
        long hazardAt = hazard.get().epochMillis();
        boolean all = run.awaitFindings(expected, hazardAt + LIVE_BOUND.toMillis());
        for (String type : expected) {
          Long seen = run.firstSeen().get(type);
          if (seen != null) {
            LatencyReport.record(s.scenarioName(), type, seen - hazardAt);
          }
        }
        assertTrue(all, s + ": expected " + expected + " live within " + LIVE_BOUND
            + " of HAZARD, saw " + run.firstSeen().keySet() + run.describe());
      }
      int exit = run.fork().awaitExit(Duration.ofSeconds(90));
      assertEquals(s.hangs() ? 3 : 0, exit, s + ": exit code" + run.describe());
      Set<String> live = new LinkedHashSet<>(run.liveTypes());
      if (s.isFixed()) {
        assertEquals(Set.of(), live, s + ": a fixed twin must yield no finding live" + run.describe());
      } else {
        assertTrue(allowed.containsAll(live), s + ": live findings " + live
            + " outside expected+incidental " + allowed + run.describe());
      }
      Findings.Offline offline = Findings.analyze(List.of(run.recording()));
      if (s.isFixed()) {
        assertEquals(Set.of(), offline.types(),
            s + ": a fixed twin must yield no finding offline\n" + offline.output());
      } else {
        assertTrue(offline.types().containsAll(expected), s + ": expected " + expected
            + " offline, got " + offline.types() + "\n" + offline.output());
        assertTrue(allowed.containsAll(offline.types()), s + ": offline findings "
            + offline.types() + " outside expected+incidental " + allowed + "\n" + offline.output());
      }
    }
  }

  static Set<String> names(Set<ExpectedFinding> findings) {
    return findings.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
  }
}
