package io.lockwatch.dashboards.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data source kinds the dashboards query, always referenced through the dashboard's single
 * {@code datasource} template variable, never by a fixed uid.
 *
 * <p>This class is internal and is not intended for public use.
 */
public enum DataSource {
  PROMETHEUS("prometheus"), LOKI("loki");

  /** Name of the data-source template variable of every dashboard. */
  public static final String VARIABLE = "datasource";

  private final String pluginId;

  DataSource(String pluginId) {
    this.pluginId = pluginId;
  }

  /** @return Grafana's plugin id, e.g. {@code prometheus}, not {@code null} */
  public String pluginId() {
    return pluginId;
  }

  Map<String, Object> reference() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", pluginId);
    json.put("uid", "${" + VARIABLE + "}");
    return json;
  }
}
