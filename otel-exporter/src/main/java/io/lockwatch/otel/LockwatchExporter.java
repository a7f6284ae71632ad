package io.lockwatch.otel;

import io.lockwatch.events.FindingEvent;
import io.lockwatch.otel.internal.ExporterConfig;
import io.lockwatch.otel.internal.FindingAssembler;
import io.lockwatch.otel.internal.OtelPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Entry point the agent calls: exports Lockwatch findings and metrics to OpenTelemetry (OTLP)
 * and/or serves them on a Prometheus endpoint, reading them from the in-process JFR stream.
 *
 * <p>Export is off until an OTLP endpoint ({@code otlp-endpoint} key or
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}) or a Prometheus port ({@code prometheus=<port>}) is
 * configured. See {@code docs/EXPORTER.md} for every key.
 *
 * <p>At JVM exit the agent calls {@link #closeAtExit}: findings the analyzer made in the
 * application's last moments are written after JFR stopped recording, so it also hands each
 * finding over directly ({@link #findingReported}) and those the stream never delivered are
 * exported then.
 */
public final class LockwatchExporter implements AutoCloseable {
  private static final LockwatchExporter DISABLED = new LockwatchExporter(null);

  private final OtelPipeline pipeline; // null when disabled

  private LockwatchExporter(OtelPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * Starts the exporter on daemon threads. Never throws: a configuration problem prints one
   * {@code ERROR lockwatch exporter disabled: ...} line to stderr and returns a disabled exporter.
   *
   * @param agentOptions the agent's key/value options, not {@code null}
   * @return the running exporter, or a disabled one whose methods do nothing, not {@code null}
   */
  public static LockwatchExporter start(Map<String, String> agentOptions) {
    try {
      ExporterConfig config =
          ExporterConfig.parse(agentOptions, System.getenv(), System.getProperties());
      if (!config.enabled()) {
        return DISABLED;
      }
      OtelPipeline pipeline = OtelPipeline.start(config);
      System.err.println("INFO lockwatch exporter: "
          + (config.otlpEnabled() ? "OTLP logs and metrics to " + config.otlpEndpoint() : "no OTLP")
          + (config.prometheusEnabled()
              ? "; Prometheus on http://" + config.prometheusHost() + ":" + config.prometheusPort()
                  + "/metrics"
              : ""));
      return new LockwatchExporter(pipeline);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      System.err.println("ERROR lockwatch exporter disabled: " + describe(t));
      return DISABLED;
    }
  }

  /**
   * Takes a finding straight from the in-process analyzer, as the parts it writes as
   * {@code lockwatch.Finding} events (built, not committed). The stream still exports it as usual;
   * this copy is exported by {@link #closeAtExit} only if the stream never delivered it. Cheap and
   * never blocking; {@code updated} findings are ignored.
   *
   * @param parts the parts of one finding in order, not {@code null}; empty is ignored
   */
  public void findingReported(List<FindingEvent> parts) {
    Objects.requireNonNull(parts, "parts");
    if (pipeline != null && !parts.isEmpty()) {
      pipeline.findingReported(FindingAssembler.assemble(parts));
    }
  }

  /**
   * Flushes and stops the exporter at JVM exit: lets the stream dispatch the last events, exports
   * the findings it never delivered, and flushes the OTLP log and metric exporters. Returns within
   * {@code timeout} even when the collector is unreachable; never throws.
   *
   * @param timeout the bound on the whole call, not {@code null}
   * @return whether everything was flushed in time (always {@code true} when disabled)
   */
  public boolean closeAtExit(Duration timeout) {
    return pipeline == null || pipeline.closeAtExit(Math.max(1, timeout.toMillis()));
  }

  /** @return whether this exporter runs (false: not configured, or disabled by an error) */
  public boolean enabled() {
    return pipeline != null;
  }

  /** Closes the stream and the exporters, flushing at most a couple of seconds. */
  @Override
  public void close() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Override
  public String toString() {
    return "LockwatchExporter{" + (pipeline == null ? "disabled" : pipeline) + "}";
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
