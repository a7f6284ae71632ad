package io.lockwatch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The alert rules cover the required conditions and pass {@code promtool check}. */
class AlertRulesTest {
  @Test
  void rulesCoverTheRequiredConditions() {
    Set<String> names = new HashSet<>();
    String all = "";
    for (JsonNode rule : ModuleFiles.alertRuleNodes()) {
      names.add(rule.path("alert").asText());
      all += rule.path("expr").asText();
      assertTrue(rule.path("annotations").has("summary"), rule.path("alert") + " has a summary");
      assertTrue(rule.path("labels").has("severity"), rule.path("alert") + " has a severity");
    }
    assertEquals(Set.of("LockwatchDeadlock", "LockwatchThreadsStalled",
        "LockwatchNewLockOrderCycle"), names);
    for (String type : List.of("DEADLOCK", "POOL_STARVATION", "SELF_DEADLOCK", "LOCK_ORDER_CYCLE")) {
      assertTrue(all.contains(type), type);
    }
    JsonNode stalled = ModuleFiles.alertRuleNodes().stream()
        .filter(rule -> rule.path("alert").asText().equals("LockwatchThreadsStalled"))
        .findFirst().orElseThrow();
    assertEquals("30s", stalled.path("for").asText());
    assertTrue(stalled.path("expr").asText().contains("lockwatch_threads_stalled"));
  }

  @Test
  void promtoolChecksRules() throws Exception {
    assertPromtool("check", "rules", ModuleFiles.alertRules().toString());
  }

  @Test
  void promtoolChecksTheSampleConfig() throws Exception {
    assertPromtool("check", "config",
        ModuleFiles.moduleDir().resolve("prometheus/prometheus.yml").toString());
  }

  private static void assertPromtool(String... args) throws Exception {
    Path promtool = Executables.onPath("promtool").orElse(null);
    Assumptions.assumeTrue(promtool != null, Executables.missingMessage("promtool"));
    List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "promtool timed out");
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
    } finally {
      process.destroyForcibly();
    }
  }
}
