package io.lockwatch.otel.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports the state of OTLP export in single lines: one per signal when export starts failing
 * (with the cause) and one when it recovers, never one per batch. The SDK's own per-batch logging is
 * silenced by {@link OtelPipeline}.
 *
 * <p>This class is internal and is not intended for public use.
 */
final class ExportStatus {
  private final String endpoint;
  private final AgentHealth health;
  // per signal, so that logs recovering does not re-arm the line for metrics still retrying
  private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

  ExportStatus(String endpoint, AgentHealth health) {
    this.endpoint = endpoint;
    this.health = health;
  }

  void succeeded(String signal) {
    if (failing.replace(signal, Boolean.TRUE, Boolean.FALSE)) {
      System.err.println("INFO lockwatch exporter: OTLP export to " + endpoint + " recovered ("
          + signal + "); " + health.logsDropped() + " log records dropped so far, counted in "
          + LockwatchMetric.EXPORTER_DROPPED.metricName());
    }
  }

  void failed(String signal, Throwable cause) {
    if (!Boolean.TRUE.equals(failing.put(signal, Boolean.TRUE))) {
      System.err.println("WARN lockwatch exporter: OTLP " + signal + " export to " + endpoint
          + " failed (" + describe(cause) + "); dropping and counting records until it recovers");
    }
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "the receiver rejected the request or did not answer";
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
