package io.lockwatch.micrometer;

import io.lockwatch.otel.internal.LockwatchMetric;
import io.lockwatch.otel.internal.MetricSink;
import io.lockwatch.otel.internal.ObservedSeries;
import io.lockwatch.otel.internal.OtelMetricSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MetricSink} over a Micrometer {@link MeterRegistry}: histograms become {@link Timer}s
 * with the same bucket boundaries as the OpenTelemetry ones, counters {@link Counter}s, observed
 * counters {@link FunctionCounter}s and gauges {@link Gauge}s, all named from the catalog.
 */
final class MicrometerMetricSink implements MetricSink {
  private static final Duration[] SLOS = OtelMetricSink.SECONDS_BUCKETS.stream()
      .map(seconds -> Duration.ofNanos((long) (seconds * 1e9)))
      .toArray(Duration[]::new);

  private final MeterRegistry registry;
  // bounded: names are capped by TopNames upstream; only the stream thread touches it
  private final Map<LockwatchMetric, Map<List<String>, Object>> meters = new HashMap<>();
  // Micrometer holds a FunctionCounter's object weakly and freezes the count once it is collected
  private final List<ObservedSeries> observed = new ArrayList<>();

  MicrometerMetricSink(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void record(LockwatchMetric metric, double value, List<String> attributeValues) {
    Object meter = meters.computeIfAbsent(metric, m -> new HashMap<>())
        .computeIfAbsent(attributeValues, values -> register(metric, values));
    if (meter instanceof Timer timer) {
      timer.record((long) (value * 1e9), TimeUnit.NANOSECONDS);
    } else if (meter instanceof Counter counter) {
      counter.increment(value);
    }
  }

  private Object register(LockwatchMetric metric, List<String> values) {
    Tags tags = tags(metric, values);
    if (metric.kind() == LockwatchMetric.Kind.HISTOGRAM) {
      return Timer.builder(metric.metricName())
          .description(metric.description())
          .tags(tags)
          .serviceLevelObjectives(SLOS)
          .register(registry);
    }
    return Counter.builder(metric.metricName())
        .description(metric.description())
        .baseUnit(baseUnit(metric))
        .tags(tags)
        .register(registry);
  }

  @Override
  public void observe(List<ObservedSeries> series) {
    observed.addAll(series);
    for (ObservedSeries one : series) {
      LockwatchMetric metric = one.metric();
      Tags tags = tags(metric, one.attributeValues());
      if (metric.kind() == LockwatchMetric.Kind.GAUGE) {
        Gauge.builder(metric.metricName(), one.value()::getAsDouble)
            .description(metric.description())
            .baseUnit(baseUnit(metric))
            .tags(tags)
            .strongReference(true)
            .register(registry);
      } else {
        FunctionCounter.builder(metric.metricName(), one, s -> s.value().getAsDouble())
            .description(metric.description())
            .baseUnit(baseUnit(metric))
            .tags(tags)
            .register(registry);
      }
    }
  }

  /**
   * UCUM annotations such as {@code {finding}} have no Micrometer base unit: OpenTelemetry's
   * Prometheus naming drops them, and a base unit would make Micrometer's Prometheus registry
   * append it to the name.
   */
  private static String baseUnit(LockwatchMetric metric) {
    String unit = metric.unit();
    if (unit.startsWith("{") && unit.endsWith("}")) {
      return null;
    }
    return "s".equals(unit) ? "seconds" : unit;
  }

  private static Tags tags(LockwatchMetric metric, List<String> values) {
    Tags tags = Tags.empty();
    List<String> keys = metric.attributeKeys();
    for (int i = 0; i < keys.size() && i < values.size(); i++) {
      tags = tags.and(keys.get(i), values.get(i));
    }
    return tags;
  }

  @Override
  public String toString() {
    return "MicrometerMetricSink{registry=" + registry + "}";
  }
}
