package io.lockwatch.dashboards.internal;

import java.util.List;
import java.util.Map;

/**
 * Threshold settings of stat panels.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class Thresholds {
  private Thresholds() {}

  /** @return green below {@code value}, red from it on */
  static Map<String, Object> redAbove(double value) {
    return JsonWriter.object("mode", "absolute", "steps", List.of(
        JsonWriter.object("color", "green", "value", null),
        JsonWriter.object("color", "red", "value", value)));
  }
}
