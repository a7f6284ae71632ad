package io.lockwatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line, in process: only paths that never start a scenario. */
class ScenariosCommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void listPrintsEveryScenarioWithItsFindings() {
    assertEquals(Scenarios.EXIT_DONE, run("--list"));
    String[] lines = text(out).split("\\R");
    assertEquals(ScenarioCatalog.values().length, lines.length);
    for (ScenarioCatalog s : ScenarioCatalog.values()) {
      String line = lines[s.ordinal()];
      assertTrue(line.startsWith(s.scenarioName() + " "), line);
      String findings = s.isFixed() ? "none" : s.expectedFindings().iterator().next().name();
      assertTrue(line.contains(findings), line);
    }
  }

  @Test
  void unknownScenarioIsAUsageError() {
    assertEquals(Scenarios.EXIT_USAGE, run("no-such-scenario"));
    assertEquals("unknown scenario 'no-such-scenario'; run with --list to see them", text(err).strip());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(Scenarios.EXIT_USAGE, run("deadly-embrace", "--hold-ms=3"));
    assertEquals("deadly-embrace: unknown option --hold-ms; accepted: --lock", text(err).strip());
  }

  @Test
  void noArgumentsPrintsUsage() {
    assertEquals(Scenarios.EXIT_USAGE, run());
    assertTrue(text(out).startsWith("usage: Scenarios <scenario-name>"), text(out));
  }

  private int run(String... args) {
    return Scenarios.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
