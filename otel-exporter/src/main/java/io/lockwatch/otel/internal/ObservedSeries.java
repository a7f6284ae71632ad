package io.lockwatch.otel.internal;

import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * One series of a {@link LockwatchMetric.Kind#GAUGE} or {@link LockwatchMetric.Kind#OBSERVED_COUNTER}
 * metric: fixed attribute values and a function that reads the current value.
 *
 * <p>This class is internal and is not intended for public use.
 *
 * @param metric the metric, not {@code null}
 * @param attributeValues one value per attribute key of the metric, not {@code null}
 * @param value reads the current (for a counter: cumulative) value; must not block
 */
public record ObservedSeries(
    LockwatchMetric metric, List<String> attributeValues, DoubleSupplier value) {}
