package io.lockwatch.otel.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the OTLP log exporter: counts the records of failed exports as dropped
 * ({@code reason=export_failed}), reports failure and recovery once each, and releases the slots
 * taken by {@link BoundedLogRecordProcessor}.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class CountingLogRecordExporter implements LogRecordExporter {
  private final LogRecordExporter delegate;
  private final AtomicLong inFlight;
  private final AgentHealth health;
  private final ExportStatus status;

  CountingLogRecordExporter(
      LogRecordExporter delegate, AtomicLong inFlight, AgentHealth health, ExportStatus status) {
    this.delegate = delegate;
    this.inFlight = inFlight;
    this.health = health;
    this.status = status;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    CompletableResultCode result;
    try {
      result = delegate.export(logs);
    } catch (RuntimeException e) {
      result = CompletableResultCode.ofExceptionalFailure(e);
    }
    CompletableResultCode done = result;
    done.whenComplete(() -> {
      inFlight.addAndGet(-count);
      if (done.isSuccess()) {
        status.succeeded(AgentHealth.LOGS);
      } else {
        health.logsDroppedExportFailed(count);
        status.failed(AgentHealth.LOGS, done.getFailureThrowable());
      }
    });
    return done;
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
    return "CountingLogRecordExporter{" + delegate + "}";
  }
}
