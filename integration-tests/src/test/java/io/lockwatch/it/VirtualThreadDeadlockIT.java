package io.lockwatch.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.testing.JvmFork;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Issue 4: a DEADLOCK between two virtual threads is found live on JDK 21+ (checked on 25). */
class VirtualThreadDeadlockIT {
  @Test
  void deadlockBetweenVirtualThreadsIsFoundLive() throws Exception {
    int feature = ForkedJdk.feature();
    Assumptions.assumeTrue(feature >= 21,
        "virtual threads need JDK 21+; forks run JDK " + feature + ": skipped");
    Path dir = Path.of("target", "e2e", feature + "", "vt-deadlock").toAbsolutePath();
    JvmFork.Builder builder = JvmFork.builder().setClasspath(ForkedJdk.testClasses().toString())
        .setMainClass(VirtualDeadlockProgram.class.getName()).addArgs("12")
        .setTimeout(Duration.ofSeconds(120));
    try (AgentRun run = AgentRun.start(dir, builder)) {
      Optional<MarkerLine> hazard = run.awaitMarker(Duration.ofSeconds(90), MarkerLine.HAZARD);
      assertTrue(hazard.isPresent(), "no HAZARD marker" + run.describe());
      long hazardAt = hazard.get().epochMillis();
      boolean seen = run.awaitFindings(List.of("DEADLOCK"), hazardAt + 5_000);
      assertTrue(seen, "no DEADLOCK within 5 s of the hazard" + run.describe());
      System.out.println("VirtualThreadDeadlockIT: DEADLOCK "
          + (run.firstSeen().get("DEADLOCK") - hazardAt) + " ms after the hazard");
    }
  }
}
