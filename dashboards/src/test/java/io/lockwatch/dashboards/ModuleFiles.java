package io.lockwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The committed files of the dashboards module, parsed with Jackson (JSON and YAML). */
final class ModuleFiles {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ModuleFiles() {}

  /** @return the module directory (surefire's {@code basedir}, else the working directory) */
  static Path moduleDir() {
    Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    if (Files.isDirectory(base.resolve("grafana")) || Files.isRegularFile(base.resolve("pom.xml"))
        && base.getFileName().toString().equals("dashboards")) {
      return base;
    }
    return base.resolve("dashboards");
  }

  static Path grafanaDir() {
    return moduleDir().resolve("grafana");
  }

  static Path alertRules() {
    return moduleDir().resolve("prometheus/lockwatch-alerts.yaml");
  }

  /** @return every committed dashboard JSON file, sorted */
  static List<Path> dashboardFiles() {
    try (Stream<Path> files = Files.list(grafanaDir())) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** @return the panels of a dashboard, including those nested in collapsed rows */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  /** @return the variables of a dashboard */
  static List<JsonNode> variables(JsonNode dashboard) {
    List<JsonNode> variables = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(variables::add);
    return variables;
  }

  /** @return the data-source plugin id of the dashboard's datasource variable */
  static String dataSourceType(JsonNode dashboard) {
    return variables(dashboard).stream()
        .filter(variable -> "datasource".equals(variable.path("type").asText()))
        .map(variable -> variable.path("query").asText())
        .findFirst().orElse("");
  }

  /** @return the alert rules of the committed rule file */
  static List<JsonNode> alertRuleNodes() {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode group : readYaml(alertRules()).path("groups")) {
      group.path("rules").forEach(rules::add);
    }
    return rules;
  }
}
