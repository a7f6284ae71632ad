package io.lockwatch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural rules every committed dashboard JSON model must follow. */
class DashboardStructureTest {
  private static final Set<String> BUILTIN_VARIABLES = Set.of("__rate_interval", "__interval",
      "__interval_ms", "__range", "__range_s", "__range_ms", "__auto", "__all", "__url_time_range",
      "__field", "__value", "__series", "__data", "__from", "__to", "__dashboard");
  private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{?(\\w+)");
  private static final Pattern RANGE_SELECTOR = Pattern.compile("\\[([^\\]]*)\\]");
  private static final Pattern DASHBOARD_LINK = Pattern.compile("/d/([\\w-]+)");

  static Stream<Path> dashboards() {
    return ModuleFiles.dashboardFiles().stream();
  }

  @Test
  void thereAreTheThreeDashboards() {
    assertEquals(3, ModuleFiles.dashboardFiles().size(), "overview, lock drill-down, Loki findings");
  }

  @Test
  void uidsAreUnique() {
    Set<String> uids = new HashSet<>();
    for (Path file : ModuleFiles.dashboardFiles()) {
      String uid = ModuleFiles.readJson(file).path("uid").asText();
      assertFalse(uid.isBlank(), file + " has no uid");
      assertTrue(uids.add(uid), "duplicate uid " + uid + " in " + file);
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void hasExactlyOneDataSourceVariable(Path file) {
    JsonNode dashboard = ModuleFiles.readJson(file);
    long count = ModuleFiles.variables(dashboard).stream()
        .filter(variable -> "datasource".equals(variable.path("type").asText())).count();
    assertEquals(1, count, file + ": data-source variables");
    assertTrue(Set.of("prometheus", "loki").contains(ModuleFiles.dataSourceType(dashboard)), file.toString());
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void everyPanelHasUnitDescriptionAndQueries(Path file) {
    JsonNode dashboard = ModuleFiles.readJson(file);
    List<JsonNode> panels = ModuleFiles.panels(dashboard);
    assertFalse(panels.isEmpty(), file + " has no panels");
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : panels) {
      String title = file.getFileName() + " / " + panel.path("title").asText();
      assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id: " + title);
      assertFalse(panel.path("fieldConfig").path("defaults").path("unit").asText().isBlank(),
          "no unit: " + title);
      assertFalse(panel.path("description").asText().isBlank(), "no description: " + title);
      assertFalse(panel.path("targets").isEmpty(), "no queries: " + title);
      for (JsonNode target : panel.path("targets")) {
        assertFalse(target.path("expr").asText().isBlank(), "empty query: " + title);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void dataSourcesAreReferencedOnlyThroughTheVariable(Path file) {
    List<String> wrong = new ArrayList<>();
    collectDataSourceUids(ModuleFiles.readJson(file), "$", wrong);
    assertTrue(wrong.isEmpty(), file + ": hard-coded data-source uids at " + wrong);
  }

  private static void collectDataSourceUids(JsonNode node, String path, List<String> wrong) {
    if (node.isObject()) {
      JsonNode datasource = node.get("datasource");
      if (datasource != null && datasource.isObject()
          && !"${datasource}".equals(datasource.path("uid").asText())) {
        wrong.add(path + ".datasource = " + datasource);
      } else if (datasource != null && datasource.isTextual()) {
        wrong.add(path + ".datasource = " + datasource);
      }
      node.fields().forEachRemaining(field ->
          collectDataSourceUids(field.getValue(), path + "." + field.getKey(), wrong));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectDataSourceUids(node.get(i), path + "[" + i + "]", wrong);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void rangesUseTheGrafanaInterval(Path file) {
    JsonNode dashboard = ModuleFiles.readJson(file);
    // Prometheus: $__rate_interval (at least four scrapes); Loki has no such variable: $__auto
    String expected = "prometheus".equals(ModuleFiles.dataSourceType(dashboard))
        ? "$__rate_interval" : "$__auto";
    for (JsonNode panel : ModuleFiles.panels(dashboard)) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        Matcher ranges = RANGE_SELECTOR.matcher(expr.replaceAll("\"[^\"]*\"", "\"\""));
        while (ranges.find()) {
          assertEquals(expected, ranges.group(1),
              file.getFileName() + " / " + panel.path("title").asText() + ": " + expr);
        }
        if (expr.matches("(?s).*\\b(rate|increase|irate|count_over_time)\\(.*")) {
          assertTrue(expr.contains(expected), expr);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void queriesUseOnlyDefinedVariables(Path file) {
    JsonNode dashboard = ModuleFiles.readJson(file);
    Set<String> defined = new HashSet<>(BUILTIN_VARIABLES);
    ModuleFiles.variables(dashboard).forEach(variable -> defined.add(variable.path("name").asText()));
    List<String> texts = new ArrayList<>();
    ModuleFiles.panels(dashboard).forEach(panel ->
        panel.path("targets").forEach(target -> texts.add(target.path("expr").asText())));
    ModuleFiles.variables(dashboard).forEach(variable -> texts.add(variable.path("definition").asText()));
    for (String text : texts) {
      Matcher references = VARIABLE_REFERENCE.matcher(text);
      while (references.find()) {
        assertTrue(defined.contains(references.group(1)),
            file.getFileName() + ": undefined variable $" + references.group(1) + " in " + text);
      }
    }
  }

  @Test
  void overviewLinksToTheLockDrillDown() {
    JsonNode overview = ModuleFiles.readJson(ModuleFiles.grafanaDir().resolve("lockwatch-overview.json"));
    boolean dashboardLink = false;
    for (JsonNode link : overview.path("links")) {
      dashboardLink |= link.path("url").asText().startsWith("/d/lockwatch-lock/");
    }
    assertTrue(dashboardLink, "the overview links to the drill-down in its header");
    long panelsWithDataLink = ModuleFiles.panels(overview).stream()
        .filter(panel -> panel.path("fieldConfig").path("defaults").path("links").toString()
            .contains("/d/lockwatch-lock/") && panel.toString().contains("var-lock=${__field.labels.lock_name}"))
        .count();
    assertTrue(panelsWithDataLink >= 2, "the top-lock panels link each lock to its drill-down");
  }

  @Test
  void everyDashboardLinkPointsToAnExistingDashboard() {
    Set<String> uids = new HashSet<>();
    List<String> linked = new ArrayList<>();
    for (Path file : ModuleFiles.dashboardFiles()) {
      JsonNode dashboard = ModuleFiles.readJson(file);
      uids.add(dashboard.path("uid").asText());
      Matcher links = DASHBOARD_LINK.matcher(dashboard.path("links").toString()
          + ModuleFiles.panels(dashboard));
      while (links.find()) {
        linked.add(links.group(1));
      }
    }
    assertFalse(linked.isEmpty());
    for (String uid : linked) {
      assertTrue(uids.contains(uid), "link to unknown dashboard uid " + uid);
    }
  }

  @Test
  void lokiDashboardSelectsLockwatchFindingEvents() {
    JsonNode findings = ModuleFiles.readJson(ModuleFiles.grafanaDir().resolve("lockwatch-findings-loki.json"));
    assertEquals("loki", ModuleFiles.dataSourceType(findings));
    List<JsonNode> logPanels = ModuleFiles.panels(findings).stream()
        .filter(panel -> "logs".equals(panel.path("type").asText())).toList();
    assertFalse(logPanels.isEmpty());
    for (JsonNode panel : logPanels) {
      String expr = panel.path("targets").get(0).path("expr").asText();
      assertTrue(expr.contains("event_name=~\"lockwatch[.].+\""), expr);
    }
    assertTrue(findings.toString().contains("code_stacktrace"), "the stacks are shown");
  }
}
