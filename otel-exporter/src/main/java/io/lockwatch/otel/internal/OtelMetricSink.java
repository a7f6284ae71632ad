package io.lockwatch.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleCounter;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MetricSink} over an OpenTelemetry {@link Meter}: one instrument per catalog entry.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class OtelMetricSink implements MetricSink {
  /** Bucket boundaries (seconds) advised for every duration histogram. */
  public static final List<Double> SECONDS_BUCKETS = List.of(
      0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0);

  private final Meter meter;
  private final Map<LockwatchMetric, DoubleHistogram> histograms = new EnumMap<>(LockwatchMetric.class);
  private final Map<LockwatchMetric, DoubleCounter> counters = new EnumMap<>(LockwatchMetric.class);
  private final List<AutoCloseable> callbacks = new ArrayList<>();

  /** @param meter the Lockwatch meter, not {@code null} */
  public OtelMetricSink(Meter meter) {
    this.meter = meter;
    for (LockwatchMetric metric : LockwatchMetric.values()) {
      if (metric.kind() == LockwatchMetric.Kind.HISTOGRAM) {
        histograms.put(metric, meter.histogramBuilder(metric.metricName())
            .setUnit(metric.unit())
            .setDescription(metric.description())
            .setExplicitBucketBoundariesAdvice(SECONDS_BUCKETS)
            .build());
      } else if (metric.kind() == LockwatchMetric.Kind.COUNTER) {
        counters.put(metric, meter.counterBuilder(metric.metricName())
            .setUnit(metric.unit())
            .setDescription(metric.description())
            .ofDoubles()
            .build());
      }
    }
  }

  @Override
  public void record(LockwatchMetric metric, double value, List<String> attributeValues) {
    Attributes attributes = attributes(metric, attributeValues);
    DoubleHistogram histogram = histograms.get(metric);
    if (histogram != null) {
      histogram.record(value, attributes);
      return;
    }
    DoubleCounter counter = counters.get(metric);
    if (counter != null) {
      counter.add(value, attributes);
    }
  }

  @Override
  public void observe(List<ObservedSeries> series) {
    Map<LockwatchMetric, List<ObservedSeries>> byMetric = new LinkedHashMap<>();
    for (ObservedSeries one : series) {
      byMetric.computeIfAbsent(one.metric(), m -> new ArrayList<>()).add(one);
    }
    byMetric.forEach((metric, list) -> {
      List<Attributes> attributes = new ArrayList<>();
      for (ObservedSeries one : list) {
        attributes.add(attributes(metric, one.attributeValues()));
      }
      if (metric.kind() == LockwatchMetric.Kind.GAUGE) {
        callbacks.add(meter.gaugeBuilder(metric.metricName())
            .setUnit(metric.unit())
            .setDescription(metric.description())
            .ofLongs()
            .buildWithCallback(m -> {
              for (int i = 0; i < list.size(); i++) {
                m.record((long) list.get(i).value().getAsDouble(), attributes.get(i));
              }
            }));
      } else {
        callbacks.add(meter.counterBuilder(metric.metricName())
            .setUnit(metric.unit())
            .setDescription(metric.description())
            .ofDoubles()
            .buildWithCallback(m -> {
              for (int i = 0; i < list.size(); i++) {
                m.record(list.get(i).value().getAsDouble(), attributes.get(i));
              }
            }));
      }
    });
  }

  private static Attributes attributes(LockwatchMetric metric, List<String> values) {
    List<String> keys = metric.attributeKeys();
    if (keys.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i < keys.size() && i < values.size(); i++) {
      builder.put(AttributeKey.stringKey(keys.get(i)), values.get(i));
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "OtelMetricSink{meter=" + meter + "}";
  }
}
