package io.lockwatch.otel.internal;

import java.util.List;

/**
 * Receives measurements of catalog metrics; implemented over an OpenTelemetry meter and over a
 * Micrometer registry.
 *
 * <p>This class is internal and is not intended for public use.
 */
public interface MetricSink {

  /**
   * Records one measurement of a {@link LockwatchMetric.Kind#HISTOGRAM} or
   * {@link LockwatchMetric.Kind#COUNTER} metric. Called from the event stream thread only.
   *
   * @param metric the metric, not {@code null}
   * @param value seconds for a histogram, the increment for a counter
   * @param attributeValues one value per {@link LockwatchMetric#attributeKeys()}, not {@code null}
   */
  void record(LockwatchMetric metric, double value, List<String> attributeValues);

  /**
   * Registers the observed series (gauges and observed counters), read at collection time.
   *
   * @param series every observed series, not {@code null}
   */
  void observe(List<ObservedSeries> series);
}
