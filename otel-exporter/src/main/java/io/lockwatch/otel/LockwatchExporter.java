package io.lockwatch.otel;

import io.lockwatch.otel.internal.ExporterConfig;
import io.lockwatch.otel.internal.OtelPipeline;
import java.util.Map;

/**
 * Entry point the agent calls: exports Lockwatch findings and metrics to OpenTelemetry (OTLP)
 * and/or serves them on a Prometheus endpoint, reading them from the in-process JFR stream.
 *
 * <p>Export is off until an OTLP endpoint ({@code otlp-endpoint} key or
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}) or a Prometheus port ({@code prometheus=<port>}) is
 * configured. See {@code docs/EXPORTER.md} for every key.
 */
public final class LockwatchExporter {
  private static final AutoCloseable NOOP = () -> { };

  private LockwatchExporter() {}

  /**
   * Starts the exporter on daemon threads. Never throws: a configuration problem prints one
   * {@code ERROR lockwatch exporter disabled: ...} line to stderr and returns a no-op.
   *
   * @param agentOptions the agent's key/value options, not {@code null}
   * @return closes the stream and the exporters (flushing at most a couple of seconds), not {@code null}
   */
  public static AutoCloseable start(Map<String, String> agentOptions) {
    try {
      ExporterConfig config =
          ExporterConfig.parse(agentOptions, System.getenv(), System.getProperties());
      if (!config.enabled()) {
        return NOOP;
      }
      OtelPipeline pipeline = OtelPipeline.start(config);
      System.err.println("INFO lockwatch exporter: "
          + (config.otlpEnabled() ? "OTLP logs and metrics to " + config.otlpEndpoint() : "no OTLP")
          + (config.prometheusEnabled()
              ? "; Prometheus on http://" + config.prometheusHost() + ":" + config.prometheusPort()
                  + "/metrics"
              : ""));
      return pipeline;
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      System.err.println("ERROR lockwatch exporter disabled: " + describe(t));
      return NOOP;
    }
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    if (t.getCause() != null && t.getCause().getMessage() != null
        && (message == null || !message.contains(t.getCause().getMessage()))) {
      message = (message == null ? "" : message + ": ") + t.getCause().getMessage();
    }
    return message == null ? t.toString() : message;
  }
}
