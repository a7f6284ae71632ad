package io.lockwatch.otel.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;

/**
 * Wraps the OTLP metric exporter: counts the data points of failed exports as dropped
 * ({@code signal=metrics, reason=export_failed}) and reports failure and recovery once each.
 * Cumulative temporality means the next successful export carries the totals again.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class CountingMetricExporter implements MetricExporter {
  private final MetricExporter delegate;
  private final AgentHealth health;
  private final ExportStatus status;

  CountingMetricExporter(MetricExporter delegate, AgentHealth health, ExportStatus status) {
    this.delegate = delegate;
    this.health = health;
    this.status = status;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    long points = 0;
    for (MetricData metric : metrics) {
      points += metric.getData().getPoints().size();
    }
    long count = points;
    CompletableResultCode result;
    try {
      result = delegate.export(metrics);
    } catch (RuntimeException e) {
      result = CompletableResultCode.ofExceptionalFailure(e);
    }
    CompletableResultCode done = result;
    done.whenComplete(() -> {
      if (done.isSuccess()) {
        status.succeeded(AgentHealth.METRICS);
      } else {
        health.metricsDroppedExportFailed(count);
        status.failed(AgentHealth.METRICS, done.getFailureThrowable());
      }
    });
    return done;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return delegate.getAggregationTemporality(instrumentType);
  }

  @Override
  public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
    return delegate.getDefaultAggregation(instrumentType);
  }

  @Override
  public MemoryMode getMemoryMode() {
    return delegate.getMemoryMode();
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return "CountingMetricExporter{" + delegate + "}";
  }
}
