package io.lockwatch.dashboards.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Grafana panel: type, title, description, unit, size, queries and links, plus whether the
 * test scenario must make its queries return data ({@link #expectsData()}).
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class Panel {
  private final String type;
  private final String title;
  private String description = "";
  private String unit;
  private int width = 12;
  private int height = 8;
  private final List<Query> queries = new ArrayList<>();
  private final List<Map<String, Object>> dataLinks = new ArrayList<>();
  private final List<Map<String, Object>> panelLinks = new ArrayList<>();
  private final Map<String, Object> options = new LinkedHashMap<>();
  private final Map<String, Object> defaults = new LinkedHashMap<>();
  private boolean expectsData = true;

  private Panel(String type, String title) {
    this.type = type;
    this.title = title;
  }

  /** @return a time-series graph */
  public static Panel timeSeries(String title) {
    Panel panel = new Panel("timeseries", title);
    panel.options.put("legend", JsonWriter.object("displayMode", "list", "placement", "bottom",
        "showLegend", true));
    panel.options.put("tooltip", JsonWriter.object("mode", "multi", "sort", "desc"));
    return panel;
  }

  /** @return a single big number */
  public static Panel stat(String title) {
    Panel panel = new Panel("stat", title);
    panel.options.put("reduceOptions", JsonWriter.object("calcs", List.of("lastNotNull"), "fields", "",
        "values", false));
    panel.options.put("colorMode", "background");
    panel.options.put("graphMode", "area");
    return panel;
  }

  /** @return a heatmap of pre-bucketed Prometheus histograms (no client-side bucketing) */
  public static Panel heatmap(String title, String yAxisUnit) {
    Panel panel = new Panel("heatmap", title);
    panel.options.put("calculate", false);
    panel.options.put("yAxis", JsonWriter.object("axisPlacement", "left", "unit", yAxisUnit));
    panel.options.put("cellGap", 1);
    panel.options.put("color", JsonWriter.object("mode", "scheme", "scheme", "Oranges", "exponent", 0.5,
        "fill", "dark-orange", "scale", "exponential", "steps", 64));
    panel.options.put("rowsFrame", JsonWriter.object("layout", "auto"));
    panel.options.put("tooltip", JsonWriter.object("mode", "single", "yHistogram", true));
    return panel;
  }

  /** @return horizontal bars, one per series, sorted by value */
  public static Panel barGauge(String title) {
    Panel panel = new Panel("bargauge", title);
    panel.options.put("displayMode", "gradient");
    panel.options.put("orientation", "horizontal");
    panel.options.put("reduceOptions", JsonWriter.object("calcs", List.of("lastNotNull"), "fields", "",
        "values", false));
    panel.options.put("showUnfilled", true);
    return panel;
  }

  /** @return a log list (Loki) with details (structured metadata) on click */
  public static Panel logs(String title) {
    Panel panel = new Panel("logs", title);
    panel.options.put("showTime", true);
    panel.options.put("showLabels", true);
    panel.options.put("wrapLogMessage", true);
    panel.options.put("prettifyLogMessage", false);
    panel.options.put("enableLogDetails", true);
    panel.options.put("dedupStrategy", "none");
    panel.options.put("sortOrder", "Descending");
    return panel;
  }

  /**
   * @param description what the panel shows and how to read it
   * @return this
   */
  public Panel description(String description) {
    this.description = description;
    return this;
  }

  /**
   * @param unit Grafana's unit id, e.g. {@code s}, {@code short}, {@code ops}
   * @return this
   */
  public Panel unit(String unit) {
    this.unit = unit;
    return this;
  }

  /**
   * @param width grid columns, out of 24
   * @param height grid rows
   * @return this
   */
  public Panel size(int width, int height) {
    this.width = width;
    this.height = height;
    return this;
  }

  /**
   * @param query a query; its refId is assigned in order (A, B, ...)
   * @return this
   */
  public Panel query(Query query) {
    queries.add(query);
    return this;
  }

  /**
   * @param key an option of the panel type
   * @param value its value
   * @return this
   */
  public Panel option(String key, Object value) {
    options.put(key, value);
    return this;
  }

  /**
   * @param key a field default, e.g. {@code min} or {@code decimals}
   * @param value its value
   * @return this
   */
  public Panel fieldDefault(String key, Object value) {
    defaults.put(key, value);
    return this;
  }

  /**
   * A link on every value of the panel (a data link), e.g. to a drill-down dashboard.
   *
   * @param title the link text
   * @param url the URL, with Grafana's data-link variables such as {@code ${__field.labels.x}}
   * @return this
   */
  public Panel dataLink(String title, String url) {
    dataLinks.add(JsonWriter.object("title", title, "url", url, "targetBlank", false));
    return this;
  }

  /**
   * A link in the panel's header menu.
   *
   * @param title the link text
   * @param url the URL
   * @return this
   */
  public Panel panelLink(String title, String url) {
    panelLinks.add(JsonWriter.object("title", title, "url", url, "targetBlank", false));
    return this;
  }

  /** @return this, marked as allowed to stay empty under the test scenario (queries must still be valid) */
  public Panel mayBeEmpty() {
    this.expectsData = false;
    return this;
  }

  /** @return the title, not {@code null} */
  public String title() {
    return title;
  }

  /** @return the queries, in refId order, not {@code null} */
  public List<Query> queries() {
    return List.copyOf(queries);
  }

  /** @return whether the test scenario must make every query of this panel return data */
  public boolean expectsData() {
    return expectsData;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  Map<String, Object> toJson(int id, int x, int y, DataSource source) {
    if (unit == null) {
      throw new IllegalStateException("panel '" + title + "' has no unit");
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("type", type);
    json.put("title", title);
    json.put("description", description);
    json.put("datasource", source.reference());
    json.put("gridPos", JsonWriter.object("h", height, "w", width, "x", x, "y", y));
    Map<String, Object> fieldDefaults = new LinkedHashMap<>();
    fieldDefaults.put("unit", unit);
    fieldDefaults.putAll(defaults);
    if (!dataLinks.isEmpty()) {
      fieldDefaults.put("links", dataLinks);
    }
    Map<String, Object> fieldConfig = new LinkedHashMap<>();
    fieldConfig.put("defaults", fieldDefaults);
    fieldConfig.put("overrides", List.of());
    json.put("fieldConfig", fieldConfig);
    json.put("options", options);
    if (!panelLinks.isEmpty()) {
      json.put("links", panelLinks);
    }
    List<Map<String, Object>> targets = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      targets.add(queries.get(i).toJson(String.valueOf((char) ('A' + i)), source.reference()));
    }
    json.put("targets", targets);
    return json;
  }
}
