package io.lockwatch.dashboards.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One query of a panel: PromQL or LogQL text with Grafana template variables, plus how Grafana
 * runs it (range or instant, and the result format).
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class Query {
  /** Grafana's result formats. */
  public enum Format {
    TIME_SERIES("time_series"), TABLE("table"), HEATMAP("heatmap");

    private final String json;

    Format(String json) {
      this.json = json;
    }
  }

  private final String expr;
  private String legend = "__auto";
  private boolean instant;
  private Format format = Format.TIME_SERIES;
  private boolean logs;

  private Query(String expr) {
    this.expr = expr;
  }

  /**
   * @param expr the query text, with template variables such as {@code $job}, not {@code null}
   * @return a range query returning time series
   */
  public static Query of(String expr) {
    return new Query(expr);
  }

  /**
   * @param legend the legend format, e.g. {@code {{lock_name}}}
   * @return this
   */
  public Query legend(String legend) {
    this.legend = legend;
    return this;
  }

  /** @return this, as an instant query (one value per series, at the range's end) */
  public Query instant() {
    this.instant = true;
    return this;
  }

  /**
   * @param format the result format
   * @return this
   */
  public Query format(Format format) {
    this.format = format;
    return this;
  }

  /** @return this, as a LogQL query returning log lines (no legend, no format) */
  public Query logs() {
    this.logs = true;
    return this;
  }

  /** @return the query text, not {@code null} */
  public String expr() {
    return expr;
  }

  /** @return whether Grafana runs it as an instant query */
  public boolean isInstant() {
    return instant;
  }

  Map<String, Object> toJson(String refId, Map<String, Object> datasource) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("refId", refId);
    json.put("datasource", datasource);
    json.put("expr", expr);
    if (logs) {
      json.put("queryType", "range");
      return json;
    }
    json.put("legendFormat", legend);
    json.put("range", !instant);
    json.put("instant", instant);
    json.put("format", format.json);
    return json;
  }
}
