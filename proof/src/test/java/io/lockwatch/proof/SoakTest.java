package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.proof.internal.ChildJvm;
import io.lockwatch.proof.soak.SoakHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short soak: {@code lockwatch.soak.minutes} (2 by default) of lock and thread churn under the
 * agent; heap after GC and the agent's table sizes are flat after warm-up (criterion in
 * {@link SoakHarness}), and the recording yields the hazards the workload plants.
 */
class SoakTest {
  @Test
  void churnUnderTheAgent_heapAndTablesFlat_findingsSteady() throws Exception {
    long minutes = Long.getLong("lockwatch.soak.minutes", 2);
    Path dir = Path.of("target", "soak-test");
    SoakHarness.Outcome o = SoakHarness.run(minutes * 60, Fixtures.agentJar(), dir,
        Fixtures.testClasspath(), System.out);
    String report = o.report();
    System.out.println(report);
    assertTrue(o.passed(), report + "\n" + o.child);
    ChildJvm.Result cli = ChildJvm.run(List.of(), Fixtures.cliJar().toString(),
        "io.lockwatch.analyzer.cli.LockwatchCli",
        List.of("analyze", "--format", "json", o.recording.toString()), Duration.ofMinutes(3), false);
    assertEquals(1, cli.exitCode, cli.toString());
    String out = String.join("\n", cli.stdout);
    assertTrue(out.contains("LOCK_ORDER_CYCLE"), "planted inversions not found: " + cli);
    assertTrue(out.contains("WAIT_UNDER_LOCK"), "planted waits under lock not found: " + cli);
    // Live: each planted inversion is named apart, so the in-process analyzer keeps reporting new
    // cycles through the run (the churn fills the edge cache; its renewal keeps learning going).
    Path findings = o.recording.resolveSibling("soak-findings.jsonl");
    long cycles = Files.readAllLines(findings).stream()
        .filter(l -> l.contains("\"type\":\"LOCK_ORDER_CYCLE\"")).count();
    assertTrue(cycles >= 2, "live lock-order cycles in " + findings + ": " + cycles
        + " (learning stopped after the edge cache filled?)\n" + report);
  }
}
