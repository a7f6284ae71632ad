package io.lockwatch.dashboards.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard template variable: the data-source picker, a label-values query, a fixed list or a
 * free-text box.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class Variable {
  private final Map<String, Object> json;
  private final String name;
  private final String query;

  private Variable(String name, String query, Map<String, Object> json) {
    this.name = name;
    this.query = query;
    this.json = json;
  }

  /**
   * @param source the data-source kind offered
   * @return the variable named {@value DataSource#VARIABLE}
   */
  public static Variable dataSource(DataSource source) {
    Map<String, Object> json = base(DataSource.VARIABLE, "Data source", "datasource");
    json.put("query", source.pluginId());
    json.put("regex", "");
    json.put("refresh", 1);
    json.put("current", JsonWriter.object());
    json.put("options", List.of());
    return new Variable(DataSource.VARIABLE, source.pluginId(), json);
  }

  /**
   * A variable filled from {@code label_values(...)}; when multi-valued, "All" matches any value.
   *
   * @param source the data-source kind queried
   * @param name the variable name
   * @param label the label shown
   * @param labelValues the Grafana variable query, e.g. {@code label_values(up, job)}
   * @param multi whether several values (and "All") may be chosen
   * @return the variable
   */
  public static Variable labelValues(DataSource source, String name, String label,
      String labelValues, boolean multi) {
    Map<String, Object> json = base(name, label, "query");
    json.put("datasource", source.reference());
    json.put("definition", labelValues);
    // the plain-string form: Grafana migrates it for both Prometheus and Loki, in every version
    json.put("query", labelValues);
    json.put("refresh", 2);
    json.put("sort", 1);
    json.put("regex", "");
    json.put("multi", multi);
    json.put("includeAll", multi);
    if (multi) {
      json.put("allValue", ".*");
      json.put("current", JsonWriter.object("selected", true, "text", List.of("All"),
          "value", List.of("$__all")));
    } else {
      json.put("current", JsonWriter.object());
    }
    json.put("options", List.of());
    return new Variable(name, labelValues, json);
  }

  /**
   * @param name the variable name
   * @param label the label shown
   * @param values the fixed values, offered with "All" (matching any non-empty value)
   * @return a multi-value custom variable
   */
  public static Variable custom(String name, String label, List<String> values) {
    Map<String, Object> json = base(name, label, "custom");
    String query = String.join(",", values);
    json.put("query", query);
    json.put("multi", true);
    json.put("includeAll", true);
    json.put("allValue", ".+");
    json.put("current", JsonWriter.object("selected", true, "text", List.of("All"),
        "value", List.of("$__all")));
    json.put("options", List.of());
    return new Variable(name, query, json);
  }

  /**
   * @param name the variable name
   * @param label the label shown
   * @return a free-text variable, empty by default
   */
  public static Variable textBox(String name, String label) {
    Map<String, Object> json = base(name, label, "textbox");
    json.put("query", "");
    json.put("current", JsonWriter.object("selected", false, "text", "", "value", ""));
    json.put("options", List.of());
    return new Variable(name, "", json);
  }

  private static Map<String, Object> base(String name, String label, String type) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", name);
    json.put("label", label);
    json.put("type", type);
    json.put("hide", 0);
    json.put("skipUrlSync", false);
    return json;
  }

  /** @return the variable name, not {@code null} */
  public String name() {
    return name;
  }

  /** @return the variable's query or values, not {@code null} */
  public String query() {
    return query;
  }

  Map<String, Object> toJson() {
    return json;
  }
}
