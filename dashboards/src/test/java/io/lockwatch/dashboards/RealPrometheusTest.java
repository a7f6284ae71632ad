package io.lockwatch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockwatch.dashboards.internal.Dashboard;
import io.lockwatch.dashboards.internal.DataSource;
import io.lockwatch.dashboards.internal.Panel;
import io.lockwatch.dashboards.workload.SyntheticWorkload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs every query of every Prometheus dashboard panel, every variable query and every alert rule
 * against a real {@code prometheus} scraping a workload that serves Lockwatch metrics through the
 * real exporter. Every query must be valid; the panels the workload lights up (all but those
 * marked {@link Panel#mayBeEmpty()}) and every alert rule must return series.
 */
class RealPrometheusTest {
  private static final Duration DATA_TIMEOUT = Duration.ofSeconds(45);
  private static final Duration RANGE = Duration.ofSeconds(60);
  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((?:(.*),\\s*)?(\\w+)\\)", Pattern.DOTALL);

  /** Alerts the workload must make fire (or pend, for rules with {@code for}); adjust with it. */
  static final Set<String> EXPECTED_ALERTS = Set.of(
      "LockwatchDeadlock", "LockwatchThreadsStalled", "LockwatchNewLockOrderCycle");

  /**
   * Starts the workload whose metrics the dashboards chart, serving {@code /metrics} on
   * {@code 127.0.0.1:metricsPort}. Today: a forked JVM committing synthetic Lockwatch events
   * through the real exporter ({@link SyntheticWorkload}). This is the one place to swap in a
   * scenario from {@code examples/} run under the agent with {@code prometheus=<metricsPort>}.
   */
  static ForkedProcess startWorkload(int metricsPort) throws IOException, InterruptedException {
    List<String> command = List.of(System.getProperty("lockwatch.test.java",
            Path.of(System.getProperty("java.home"), "bin", "java").toString()),
        "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        SyntheticWorkload.class.getName(), String.valueOf(metricsPort));
    ForkedProcess workload = ForkedProcess.start("workload", command, SyntheticWorkload.READY);
    try {
      workload.awaitReady(Duration.ofSeconds(30));
      return workload;
    } catch (InterruptedException | RuntimeException e) {
      workload.close();
      throw e;
    }
  }

  @Test
  @Timeout(150)
  void everyPanelAndAlertQueryRunsAgainstARealPrometheus() throws Exception {
    Path binary = Executables.onPath("prometheus").orElse(null);
    Assumptions.assumeTrue(binary != null, Executables.missingMessage("prometheus"));
    int metricsPort = PrometheusServer.freePort();
    try (ForkedProcess workload = startWorkload(metricsPort);
        PrometheusServer prometheus = PrometheusServer.start(
            binary, "127.0.0.1:" + metricsPort, ModuleFiles.alertRules())) {
      PrometheusApi api = prometheus.api();
      long deadline = System.nanoTime() + DATA_TIMEOUT.toNanos();
      List<String> problems = List.of("no data yet");
      while (!problems.isEmpty() && System.nanoTime() - deadline < 0) {
        Thread.sleep(1000);
        problems = checkEverything(api, "127.0.0.1:" + metricsPort);
        assertTrue(workload.isAlive(), "workload exited:\n" + workload.output());
        if (problems.stream().anyMatch(problem -> problem.startsWith("INVALID"))) {
          break; // waiting does not fix a query Prometheus rejects
        }
      }
      if (problems.isEmpty()) {
        System.out.printf("RealPrometheusTest: every query valid and lit %.1f s after Prometheus "
            + "started%n", (System.nanoTime() - deadline + DATA_TIMEOUT.toNanos()) / 1e9);
      }
      assertTrue(problems.isEmpty(), "after " + DATA_TIMEOUT + ":\n" + String.join("\n", problems)
          + "\n--- workload output:\n" + workload.output()
          + "\n--- prometheus output:\n" + prometheus.output());
    }
  }

  /** @return what is still wrong: invalid queries, or expected data not (yet) there */
  private static List<String> checkEverything(PrometheusApi api, String instance) throws Exception {
    List<String> problems = new ArrayList<>();
    JsonNode up = api.query("up{job=\"lockwatch\"} == 1");
    if (up.path("data").path("result").isEmpty()) {
      return List.of("Prometheus has not scraped the workload yet: " + up);
    }
    for (Dashboard model : LockwatchDashboards.all()) {
      if (model.source() != DataSource.PROMETHEUS) {
        continue;
      }
      JsonNode dashboard = ModuleFiles.readJson(ModuleFiles.grafanaDir().resolve(model.fileName()));
      Map<String, Boolean> expectsData = new HashMap<>();
      model.panels().forEach(panel -> expectsData.put(panel.title(), panel.expectsData()));

      // pass 1: every variable at "All" (.*) except single-value ones; pass 2: the real values
      Map<String, String> real = resolveVariables(api, dashboard, problems);
      for (boolean all : new boolean[] {true, false}) {
        TemplateVariables variables = new TemplateVariables();
        for (JsonNode variable : ModuleFiles.variables(dashboard)) {
          String name = variable.path("name").asText();
          if ("query".equals(variable.path("type").asText())) {
            String value = real.getOrDefault(name, "");
            if (all && variable.path("includeAll").asBoolean()) {
              variables.set(name, variable.path("allValue").asText(".*"));
            } else if (variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean()) {
              variables.setRegexValue(name, value);
            } else {
              variables.set(name, value);
            }
          }
        }
        if (!all && !instance.equals(real.get("instance"))) {
          problems.add(model.uid() + ": instance variable resolved to " + real.get("instance")
              + ", not the workload's " + instance);
        }
        for (JsonNode panel : ModuleFiles.panels(dashboard)) {
          String title = panel.path("title").asText();
          Boolean expected = expectsData.get(title);
          if (expected == null) {
            problems.add(model.uid() + " / " + title + ": not in the builder (stale JSON?)");
            continue;
          }
          for (JsonNode target : panel.path("targets")) {
            String where = model.uid() + " / " + title + " / " + target.path("refId").asText()
                + (all ? " (All)" : " (" + real + ")");
            checkTarget(api, variables.substitute(target.path("expr").asText()),
                target.path("instant").asBoolean(), expected, where, problems);
          }
        }
      }
    }
    checkAlertRules(api, problems);
    return problems;
  }

  /** @return a real value for every query variable, from its label_values query */
  private static Map<String, String> resolveVariables(PrometheusApi api, JsonNode dashboard,
      List<String> problems) throws Exception {
    Map<String, String> real = new LinkedHashMap<>();
    TemplateVariables known = new TemplateVariables();
    for (JsonNode variable : ModuleFiles.variables(dashboard)) {
      if (!"query".equals(variable.path("type").asText())) {
        continue;
      }
      String name = variable.path("name").asText();
      String definition = variable.path("definition").asText();
      Matcher matcher = LABEL_VALUES.matcher(definition);
      if (!matcher.matches()) {
        problems.add("variable " + name + ": not a label_values query: " + definition);
        continue;
      }
      String selector = matcher.group(1) == null ? null : known.substitute(matcher.group(1));
      JsonNode response = api.labelValues(matcher.group(2), selector);
      JsonNode values = response.path("data");
      if (!"success".equals(response.path("status").asText()) || values.isEmpty()) {
        problems.add("variable " + name + " (" + definition + "): no values: " + response);
        continue;
      }
      String value = values.get(0).asText();
      real.put(name, value);
      known.setRegexValue(name, value);
    }
    return real;
  }

  private static void checkTarget(PrometheusApi api, String expr, boolean instant,
      boolean expectData, String where, List<String> problems) throws Exception {
    JsonNode instantResponse = api.query(expr);
    if (!"success".equals(instantResponse.path("status").asText())) {
      problems.add("INVALID " + where + ": " + expr + " -> " + instantResponse);
      return;
    }
    JsonNode result = instantResponse.path("data").path("result");
    if (!instant) {
      JsonNode rangeResponse = api.queryRange(expr, RANGE, STEP);
      if (!"success".equals(rangeResponse.path("status").asText())) {
        problems.add("INVALID (range) " + where + ": " + expr + " -> " + rangeResponse);
        return;
      }
      result = rangeResponse.path("data").path("result");
    }
    if (expectData && result.isEmpty()) {
      problems.add("EMPTY " + where + ": " + expr);
    }
  }

  private static void checkAlertRules(PrometheusApi api, List<String> problems) throws Exception {
    for (JsonNode rule : ModuleFiles.alertRuleNodes()) {
      String name = rule.path("alert").asText();
      checkTarget(api, rule.path("expr").asText(), true, EXPECTED_ALERTS.contains(name),
          "alert " + name, problems);
    }
    // the rule file is loaded: every rule evaluates cleanly, and the alerts become active
    Map<String, String> health = new HashMap<>();
    for (JsonNode group : api.rules().path("data").path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        health.put(rule.path("name").asText(), rule.path("health").asText());
      }
    }
    Map<String, String> states = new HashMap<>();
    for (JsonNode alert : api.alerts().path("data").path("alerts")) {
      states.merge(alert.path("labels").path("alertname").asText(), alert.path("state").asText(),
          (a, b) -> a.equals("firing") ? a : b);
    }
    for (JsonNode rule : ModuleFiles.alertRuleNodes()) {
      String name = rule.path("alert").asText();
      if (!"ok".equals(health.get(name))) {
        problems.add("alert " + name + ": rule health " + health.get(name));
      }
      Set<String> acceptable = rule.has("for") ? Set.of("pending", "firing") : Set.of("firing");
      if (EXPECTED_ALERTS.contains(name) && !acceptable.contains(states.get(name))) {
        problems.add("alert " + name + ": state " + states.get(name) + ", expected " + acceptable);
      }
    }
  }

  @Test
  void substitutesGrafanaVariables() {
    TemplateVariables variables = new TemplateVariables().setRegexValue("instance", "127.0.0.1:9")
        .set("job", ".*");
    assertEquals("rate(x{job=~\".*\",instance=~\"127\\\\.0\\\\.0\\\\.1:9\"}[4s])",
        variables.substitute("rate(x{job=~\"$job\",instance=~\"${instance}\"}[$__rate_interval])"));
    assertFalse(variables.substitute("$__range_s").contains("$"));
  }
}
