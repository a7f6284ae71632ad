package io.lockwatch.otel.internal;

import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.exporter.prometheus.TranslationStrategy;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * The running exporter: an OpenTelemetry SDK built by the autoconfigure module (OTLP logs and
 * metrics when an endpoint is set), an optional Prometheus HTTP endpoint, and the JFR stream that
 * feeds them.
 *
 * <p>Never hurting the host: the stream thread only records into the SDK's in-memory metric
 * storage and offers log records to a bounded batch queue ({@link BoundedLogRecordProcessor});
 * export runs on the SDK's daemon threads. Export failures are counted and reported once by
 * {@link ExportStatus}; the SDK's per-batch failure logging is turned off (unless
 * {@code otel-debug=true}).
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class OtelPipeline implements AutoCloseable {
  /** The instrumentation scope of every Lockwatch metric and log record. */
  public static final String SCOPE = "io.lockwatch";
  private static final long SHUTDOWN_TIMEOUT_MILLIS = 2_000;
  // strong references: java.util.logging keeps loggers weakly, the level would be lost
  private static final List<java.util.logging.Logger> QUIET_LOGGERS = new ArrayList<>();

  private final OpenTelemetrySdk sdk;
  private final PrometheusHttpServer prometheus;
  private final LockwatchEventStream stream;
  private final AgentHealth health;
  private final EventMetrics metrics;
  private final FindingLogEmitter findingLogs; // null when logs are not exported
  private final UnconfirmedFindings unconfirmed;
  private final ThrottledErrorLog errors = new ThrottledErrorLog("lockwatch exporter");
  private final java.util.concurrent.atomic.AtomicBoolean shutDown =
      new java.util.concurrent.atomic.AtomicBoolean();

  private OtelPipeline(OpenTelemetrySdk sdk, PrometheusHttpServer prometheus,
      LockwatchEventStream stream, AgentHealth health, EventMetrics metrics,
      FindingLogEmitter findingLogs, UnconfirmedFindings unconfirmed) {
    this.sdk = sdk;
    this.prometheus = prometheus;
    this.stream = stream;
    this.health = health;
    this.metrics = metrics;
    this.findingLogs = findingLogs;
    this.unconfirmed = unconfirmed;
  }

  /**
   * Builds the SDK, opens the Prometheus endpoint if configured and starts the stream.
   *
   * @param config the configuration, not {@code null}
   * @return the running pipeline, not {@code null}
   * @throws RuntimeException on bad configuration (for example
   *     {@code io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException}) or a port in use
   */
  public static OtelPipeline start(ExporterConfig config) {
    if (!config.sdkLogging()) {
      quietSdkExportLogging();
    }
    AgentHealth health = new AgentHealth();
    AtomicLong inFlight = new AtomicLong();
    ExportStatus status = new ExportStatus(config.otlpEndpoint(), health);
    PrometheusHttpServer prometheus = config.prometheusEnabled()
        ? onDaemonThread(() -> PrometheusHttpServer.builder()
            .setHost(config.prometheusHost())
            .setPort(config.prometheusPort())
            .setTranslationStrategy(TranslationStrategy.UNDERSCORE_ESCAPING_WITH_SUFFIXES)
            .build())
        : null;
    OpenTelemetrySdk sdk = null;
    try {
      sdk = AutoConfiguredOpenTelemetrySdk.builder()
          .setServiceClassLoader(OtelPipeline.class.getClassLoader())
          .disableShutdownHook()
          .addPropertiesSupplier(config::defaultProperties)
          .addPropertiesCustomizer(properties -> config.overrideProperties())
          .addLogRecordExporterCustomizer(
              (exporter, properties) -> new CountingLogRecordExporter(exporter, inFlight, health, status))
          .addLogRecordProcessorCustomizer((processor, properties) ->
              new BoundedLogRecordProcessor(processor, config.queueSize(), inFlight, health))
          .addMetricExporterCustomizer(
              (exporter, properties) -> new CountingMetricExporter(exporter, health, status))
          .addMeterProviderCustomizer((builder, properties) -> {
            if (prometheus != null) {
              builder.registerMetricReader(prometheus);
            }
            // hard bound on series per metric; TopNames keeps names well below it
            builder.registerView(InstrumentSelector.builder().setMeterName(SCOPE).build(),
                View.builder().setCardinalityLimit(4 * config.topNames() + 64).build());
            return builder;
          })
          .build()
          .getOpenTelemetrySdk();
      Meter meter = sdk.getMeterProvider().meterBuilder(SCOPE).build();
      EventMetrics metrics = new EventMetrics(
          new OtelMetricSink(meter), config.topNames(), config.stallThresholdNanos(), health);
      FindingAssembler findings = null;
      FindingLogEmitter findingLogs = null;
      UnconfirmedFindings unconfirmed = new UnconfirmedFindings();
      if (config.otlpEnabled()) {
        Logger logger = sdk.getLogsBridge().loggerBuilder(SCOPE).build();
        FindingLogEmitter emitter = new FindingLogEmitter(logger);
        findingLogs = emitter;
        findings = new FindingAssembler(f -> {
          if (unconfirmed.confirm(f)) {
            emitter.accept(f);
          }
        });
      }
      LockwatchEventStream stream = LockwatchEventStream.start(metrics, findings);
      return new OtelPipeline(sdk, prometheus, stream, health, metrics, findingLogs, unconfirmed);
    } catch (RuntimeException | Error e) {
      if (sdk != null) {
        sdk.shutdown().join(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } else if (prometheus != null) {
        prometheus.shutdown().join(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      }
      throw e;
    }
  }

  /**
   * Runs {@code task} on a new daemon thread and waits for it. The JDK's HTTP server starts its
   * dispatcher thread without choosing its daemon status, so it inherits the creator's; created
   * here, it is a daemon and cannot keep the application's JVM alive.
   */
  private static <T> T onDaemonThread(Supplier<T> task) {
    Object[] result = new Object[1];
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(() -> {
      try {
        result[0] = task.get();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "lockwatch-exporter-start");
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the Prometheus endpoint", e);
    }
    if (failure[0] instanceof RuntimeException) {
      throw (RuntimeException) failure[0];
    }
    if (failure[0] instanceof Error) {
      throw (Error) failure[0];
    }
    if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  /**
   * Turns off the SDK exporters' own logging of failed batches: {@link ExportStatus} reports
   * failure and recovery once. The logger name is derived from a class so that it follows the
   * package relocation of the shaded agent jar.
   */
  private static synchronized void quietSdkExportLogging() {
    if (!QUIET_LOGGERS.isEmpty()) {
      return;
    }
    String name = OtlpGrpcLogRecordExporter.class.getName();
    for (String loggerName : List.of(name.substring(0, name.indexOf(".otlp.")),
        PeriodicMetricReader.class.getName(), BatchLogRecordProcessor.class.getName())) {
      java.util.logging.Logger logger = java.util.logging.Logger.getLogger(loggerName);
      logger.setLevel(Level.OFF);
      QUIET_LOGGERS.add(logger);
    }
    // "Error encountered during autoconfiguration" (INFO) would precede our own one-line error
    java.util.logging.Logger autoconfigure =
        java.util.logging.Logger.getLogger(AutoConfiguredOpenTelemetrySdkBuilder.class.getName());
    autoconfigure.setLevel(Level.WARNING);
    QUIET_LOGGERS.add(autoconfigure);
  }

  /** @return the health counters (for tests and diagnostics), not {@code null} */
  public AgentHealth health() {
    return health;
  }

  /**
   * Takes a finding the in-process analyzer reported: exported by the stream as usual, or at exit
   * by {@link #closeAtExit} if the stream never delivers it. Never blocks on the network.
   *
   * @param finding the finding, not {@code null}
   */
  public void findingReported(Finding finding) {
    if (findingLogs == null || "updated".equals(finding.status())) {
      return;
    }
    if (unconfirmed.reported(finding)) {
      exportAtExit(finding);
    }
  }

  /**
   * Exports what is left at JVM exit, within {@code timeoutMillis} in all: waits (at most a
   * second) for the stream to dispatch the last recorded events, exports the findings
   * it never delivered, then shuts the SDK down, which flushes the log and metric exporters.
   * Returns when done or when the time is up (an unreachable collector delays nothing more).
   *
   * @param timeoutMillis the bound on the whole call
   * @return whether everything was flushed in time
   */
  public boolean closeAtExit(long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    try {
      // Not stream.close(): at exit it can block on JFR's recorder lock; the stream is a daemon.
      stream.awaitFlushOrClose(Math.min(1_000, timeoutMillis / 3));
      if (findingLogs != null) {
        for (Finding f : unconfirmed.takeAtExit()) {
          exportAtExit(f);
        }
      }
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
      if (!shutDown.compareAndSet(false, true)) {
        return true;
      }
      return sdk.shutdown().join(left, TimeUnit.MILLISECONDS).isSuccess();
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      errors.log("flush at exit failed", t);
      return false;
    }
  }

  private void exportAtExit(Finding f) {
    try {
      findingLogs.accept(f);
      metrics.countExitFinding(f);
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      errors.log("export at exit failed", t);
    }
  }

  @Override
  public void close() {
    stream.close();
    if (shutDown.compareAndSet(false, true)) {
      sdk.shutdown().join(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public String toString() {
    return "OtelPipeline{prometheus=" + prometheus + ", stream=" + stream + "}";
  }
}
