package io.lockwatch.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.ScenarioCatalog;
import io.lockwatch.examples.testing.JvmFork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: a lock held for 10 s with waiters queued is reported as a STALL within 4 s of the
 * hazard, long before the hold ends.
 */
class StallLiveIT {
  static final Duration BOUND = Duration.ofSeconds(4);

  @Test
  void tenSecondHoldIsReportedAsStallWhileItLasts() throws Exception {
    Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", "stall-10s").toAbsolutePath();
    JvmFork.Builder builder = JvmFork.forScenario(ScenarioCatalog.STALLED_LOOP, "--hold-ms=10000",
        "--ticks-after=5").setClasspath(ForkedJdk.examplesJar().toString())
        .setTimeout(Duration.ofSeconds(120));
    try (AgentRun run = AgentRun.start(dir, builder)) {
      Optional<MarkerLine> hazard = run.awaitMarker(Duration.ofSeconds(90), MarkerLine.HAZARD);
      assertTrue(hazard.isPresent(), "no HAZARD marker" + run.describe());
      long hazardAt = hazard.get().epochMillis();
      boolean seen = run.awaitFindings(List.of("STALL"), hazardAt + BOUND.toMillis());
      assertTrue(seen, "no STALL within " + BOUND + " of the hazard" + run.describe());
      long latency = run.firstSeen().get("STALL") - hazardAt;
      assertTrue(run.fork().isAlive(), "the hold should still last" + run.describe());
      System.out.println("StallLiveIT: STALL " + latency + " ms after the hazard (10 s hold)");
    }
  }
}
