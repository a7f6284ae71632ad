package io.lockwatch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockwatch.dashboards.internal.Dashboard;
import io.lockwatch.dashboards.internal.DataSource;
import io.lockwatch.dashboards.internal.Panel;
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
 * against a real {@code prometheus} scraping real scenarios of {@code examples/}, each run in its
 * own JVM under the Lockwatch agent with its Prometheus endpoint on ({@link #WORKLOAD}). Every query
 * must be valid; the panels the scenarios light up (all but those marked {@link Panel#mayBeEmpty()})
 * and the alerts of {@link #EXPECTED_ALERTS} must return series.
 */
class RealPrometheusTest {
  private static final Duration DATA_TIMEOUT = Duration.ofSeconds(60);
  /** Covers the whole test: scenarios that already ended still count for range queries. */
  private static final Duration RANGE = Duration.ofSeconds(180);
  private static final Duration STEP = Duration.ofSeconds(1);
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\((?:(.*),\\s*)?(\\w+)\\)", Pattern.DOTALL);

  /**
   * The scenarios, one JVM (and scrape target) each; see docs/SCENARIOS.md. Hanging ones are
   * bounded by {@code --max-seconds}; all are killed when the test ends.
   */
  static final List<ScenarioWorkload.Run> WORKLOAD = List.of(
      // DEADLOCK and LOCK_ORDER_CYCLE findings, threads stalled for good (monitors cache, db)
      ScenarioWorkload.Run.of("deadly-embrace", "--max-seconds", "150"),
      // 'state' held 6 s: a long hold, three waits of ~6 s, STALL and LONG_HOLD findings; the loop
      // then ticks for another 60 s, so the JVM keeps serving
      ScenarioWorkload.Run.of("stalled-loop", "--hold-ms=6000", "--ticks-after=6000",
          "--max-seconds", "150"),
      // socket read, sleep and future.get() of 5 s each inside 'state': holds, waits, a task
      // submitted to pool 'io' under the lock, that task's queue delay, WAIT_UNDER_LOCK
      ScenarioWorkload.Run.of("wait-under-lock", "--wait-ms=5000", "--max-seconds", "150"));

  /** Alerts the scenarios must make fire (or pend, for rules with {@code for}); adjust with them. */
  static final Set<String> EXPECTED_ALERTS = Set.of(
      "LockwatchDeadlock", "LockwatchThreadsStalled", "LockwatchNewLockOrderCycle");

  @Test
  @Timeout(170)
  void everyPanelAndAlertQueryRunsAgainstARealPrometheus() throws Exception {
    Path binary = Executables.onPath("prometheus").orElse(null);
    Assumptions.assumeTrue(binary != null, Executables.missingMessage("prometheus"));
    Path agentJar = ScenarioWorkload.agentJar().orElse(null);
    Assumptions.assumeTrue(agentJar != null, "agent/target/lockwatch-agent.jar is not built; "
        + "run the reactor (mvn verify, or package -pl dashboards -am) to build it");
    Path examplesJar = ScenarioWorkload.examplesJar().orElse(null);
    Assumptions.assumeTrue(examplesJar != null, "examples/target/lockwatch-examples-*.jar is not "
        + "built; run the reactor (mvn verify, or package -pl dashboards -am) to build it");
    long started = System.nanoTime();
    try (ScenarioWorkload workload = ScenarioWorkload.start(agentJar, examplesJar, WORKLOAD);
        PrometheusServer prometheus = PrometheusServer.start(
            binary, workload.instances(), ModuleFiles.alertRules())) {
      PrometheusApi api = prometheus.api();
      long prometheusStarted = System.nanoTime();
      long deadline = prometheusStarted + DATA_TIMEOUT.toNanos();
      List<String> problems = List.of("no data yet");
      while (!problems.isEmpty() && System.nanoTime() - deadline < 0) {
        Thread.sleep(1000);
        problems = checkEverything(api, workload.instances());
        if (problems.stream().anyMatch(problem -> problem.startsWith("INVALID"))) {
          break; // waiting does not fix a query Prometheus rejects
        }
      }
      if (problems.isEmpty()) {
        System.out.printf("RealPrometheusTest: every query valid and lit %.1f s after Prometheus "
            + "started (%.1f s after the %d scenarios were started)%n",
            (System.nanoTime() - prometheusStarted) / 1e9, (System.nanoTime() - started) / 1e9,
            WORKLOAD.size());
      }
      assertTrue(problems.isEmpty(), "after " + DATA_TIMEOUT + ":\n" + String.join("\n", problems)
          + "\n--- scenario output:\n" + workload.output()
          + "\n--- prometheus output:\n" + prometheus.output());
    }
  }

  /** @return what is still wrong: invalid queries, or expected data not (yet) there */
  private static List<String> checkEverything(PrometheusApi api, List<String> instances)
      throws Exception {
    List<String> problems = new ArrayList<>();
    // scenarios that ended (wait-under-lock) are down now: each must have been scraped once
    JsonNode up = api.query("max_over_time(up{job=\"lockwatch\"}[" + RANGE.toSeconds() + "s]) == 1");
    if (up.path("data").path("result").size() < instances.size()) {
      return List.of("Prometheus has not scraped every scenario yet: " + up);
    }
    for (Dashboard model : LockwatchDashboards.all()) {
      if (model.source() != DataSource.PROMETHEUS) {
        continue;
      }
      JsonNode dashboard = ModuleFiles.readJson(ModuleFiles.grafanaDir().resolve(model.fileName()));
      // pass 1: every variable at "All" (.*) except single-value ones; pass 2: the real values
      // (multi-value variables: every value they offer, as a user selecting them all would get).
      // A single-value variable (the drill-down's lock) is tried value by value, like a user
      // picking locks, until one lights every panel: not every lock is both held and waited for.
      Map<String, List<String>> real = resolveVariables(api, dashboard, problems);
      List<String> choices = singleValueChoices(dashboard, real);
      List<String> fewest = null;
      for (String choice : choices) {
        List<String> found = new ArrayList<>();
        for (boolean all : new boolean[] {true, false}) {
          checkPanels(api, model, dashboard, variables(dashboard, real, all, choice), all,
              all ? "All" : real + " choosing " + choice, found);
        }
        if (fewest == null || found.size() < fewest.size()) {
          fewest = found;
        }
        if (found.isEmpty()) {
          break;
        }
      }
      problems.addAll(fewest);
      if (!Set.copyOf(instances).equals(Set.copyOf(real.getOrDefault("instance", List.of())))) {
        problems.add(model.uid() + ": instance variable offers " + real.get("instance")
            + ", not the scenarios' " + instances);
      }
    }
    checkAlertRules(api, problems);
    return problems;
  }

  /** @return the values to try for the dashboard's single-value variable, or {""} */
  private static List<String> singleValueChoices(JsonNode dashboard, Map<String, List<String>> real) {
    for (JsonNode variable : ModuleFiles.variables(dashboard)) {
      if ("query".equals(variable.path("type").asText()) && !variable.path("multi").asBoolean()
          && !variable.path("includeAll").asBoolean()) {
        List<String> values = real.getOrDefault(variable.path("name").asText(), List.of(""));
        return values;
      }
    }
    return List.of("");
  }

  private static TemplateVariables variables(JsonNode dashboard, Map<String, List<String>> real,
      boolean all, String choice) {
    TemplateVariables variables = new TemplateVariables();
    for (JsonNode variable : ModuleFiles.variables(dashboard)) {
      String name = variable.path("name").asText();
      if ("query".equals(variable.path("type").asText())) {
        List<String> values = real.getOrDefault(name, List.of(""));
        if (all && variable.path("includeAll").asBoolean()) {
          variables.set(name, variable.path("allValue").asText(".*"));
        } else if (variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean()) {
          variables.setRegexValues(name, values);
        } else {
          variables.set(name, choice);
        }
      }
    }
    return variables;
  }

  private static void checkPanels(PrometheusApi api, Dashboard model, JsonNode dashboard,
      TemplateVariables variables, boolean all, String values, List<String> problems)
      throws Exception {
    Map<String, Boolean> expectsData = new HashMap<>();
    model.panels().forEach(panel -> expectsData.put(panel.title(), panel.expectsData()));
    for (JsonNode panel : ModuleFiles.panels(dashboard)) {
      String title = panel.path("title").asText();
      Boolean expected = expectsData.get(title);
      if (expected == null) {
        problems.add(model.uid() + " / " + title + ": not in the builder (stale JSON?)");
        continue;
      }
      for (JsonNode target : panel.path("targets")) {
        String where = model.uid() + " / " + title + " / " + target.path("refId").asText()
            + " (" + values + ")";
        checkTarget(api, variables.substitute(target.path("expr").asText()),
            target.path("instant").asBoolean(), expected, where, problems);
      }
    }
  }

  /** @return the values every query variable offers, from its label_values query */
  private static Map<String, List<String>> resolveVariables(PrometheusApi api, JsonNode dashboard,
      List<String> problems) throws Exception {
    Map<String, List<String>> real = new LinkedHashMap<>();
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
      List<String> offered = new ArrayList<>();
      values.forEach(value -> offered.add(value.asText()));
      real.put(name, offered);
      if (variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean()) {
        known.setRegexValues(name, offered);
      } else {
        known.set(name, offered.get(0));
      }
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
      if (EXPECTED_ALERTS.contains(name) && !acceptable.contains(states.getOrDefault(name, "inactive"))) {
        problems.add("alert " + name + ": state " + states.getOrDefault(name, "inactive") + ", expected " + acceptable);
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
