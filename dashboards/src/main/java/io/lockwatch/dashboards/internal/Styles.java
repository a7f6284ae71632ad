package io.lockwatch.dashboards.internal;

import java.util.List;
import java.util.Map;

/**
 * Shared visual settings of the Lockwatch panels.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class Styles {
  private Styles() {}

  /** @return field settings drawing a time series as stacked bars */
  static Map<String, Object> bars() {
    return JsonWriter.object("drawStyle", "bars", "fillOpacity", 80, "lineWidth", 1,
        "stacking", JsonWriter.object("mode", "normal", "group", "A"));
  }

  /** @return a legend as a table with mean and max, sorted by mean */
  static Map<String, Object> tableLegend() {
    return JsonWriter.object("displayMode", "table", "placement", "right", "showLegend", true,
        "calcs", List.of("mean", "max"), "sortBy", "Mean", "sortDesc", true);
  }
}
