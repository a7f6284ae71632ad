package io.lockwatch.otel.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits at most {@code maxQueued} log records into the SDK's batch processor at a time (queued
 * or being exported) and counts the rest as dropped ({@code reason=queue_full}). The SDK's batch
 * processor drops silently when its queue is full; this bound is reached first, so every drop is
 * counted. {@link CountingLogRecordExporter} releases the slots when an export completes.
 *
 * <p>Never blocks: {@link #onEmit} is an atomic increment and a non-blocking offer.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class BoundedLogRecordProcessor implements LogRecordProcessor {
  private final LogRecordProcessor delegate;
  private final long maxQueued;
  private final AtomicLong inFlight;
  private final AgentHealth health;

  BoundedLogRecordProcessor(
      LogRecordProcessor delegate, long maxQueued, AtomicLong inFlight, AgentHealth health) {
    this.delegate = delegate;
    this.maxQueued = maxQueued;
    this.inFlight = inFlight;
    this.health = health;
  }

  @Override
  public void onEmit(Context context, ReadWriteLogRecord logRecord) {
    if (inFlight.incrementAndGet() > maxQueued) {
      inFlight.decrementAndGet();
      health.logsDroppedQueueFull(1);
      return;
    }
    delegate.onEmit(context, logRecord);
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public CompletableResultCode forceFlush() {
    return delegate.forceFlush();
  }

  @Override
  public String toString() {
    return "BoundedLogRecordProcessor{maxQueued=" + maxQueued + ", delegate=" + delegate + "}";
  }
}
