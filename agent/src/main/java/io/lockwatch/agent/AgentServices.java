package io.lockwatch.agent;

import io.lockwatch.analyzer.source.InProcessAnalyzer;
import io.lockwatch.otel.LockwatchExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the in-process services of the agent once instrumentation is installed: the analyzer
 * (on unless {@code analyzer=false}; prints findings to stderr, appends JSON lines to
 * {@code findings=<file>}) and the OpenTelemetry/Prometheus exporter (only when configured).
 * Fails open: a problem prints one line and the application runs on without that service.
 *
 * <p>At exit, {@link ExitFlush} lets the analyzer drain and then flushes the exporter, and a
 * {@link FindingRelay} hands the analyzer's findings to the exporter directly, so that the
 * findings of the application's last moments reach the collector too.
 *
 * <p>The analyzer starts on the premain thread, before the application's {@code main}: the runtime
 * records each lock-order edge only once, so a stream started later would miss early edges.
 */
final class AgentServices {
  /** The option keys handed to the exporter, which reads only those it knows. */
  static final List<String> EXPORTER_KEYS = List.of("prometheus", "prometheus-host",
      "otlp-endpoint", "otlp-protocol", "otlp-headers", "service-name", "metrics-top-n",
      "export-queue-size", "stall-threshold", "otel-debug");

  private AgentServices() {}

  /**
   * Starts the analyzer and the exporter as configured.
   *
   * @param options the agent options, not {@code null}
   * @param log receives one line per problem, not {@code null}
   */
  static void start(AgentOptions options, Consumer<String> log) {
    preload("jdk.internal.misc.ThreadTracker");
    Map<String, String> exporterOptions = exporterOptions(options);
    boolean export = exporterOptions.containsKey("prometheus")
        || exporterOptions.containsKey("otlp-endpoint")
        || System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != null
        || System.getProperty("otel.exporter.otlp.endpoint") != null;
    FindingRelay relay = export ? new FindingRelay() : null;
    InProcessAnalyzer analyzer = null;
    if (!options.get("analyzer").equalsIgnoreCase("false")) {
      analyzer = startAnalyzer(options, relay, log);
    }
    if (export) {
      ExitFlush exit = new ExitFlush(analyzer, log);
      try {
        exit.install();
      } catch (Throwable t) {
        log.accept("no exporter flush at exit: " + t);
      }
      startExporter(exporterOptions, relay, exit, log);
    }
  }

  private static InProcessAnalyzer startAnalyzer(AgentOptions options, FindingRelay relay,
      Consumer<String> log) {
    try {
      InProcessAnalyzer.Options o = InProcessAnalyzer.options();
      if (relay != null) {
        o.listener(relay);
      }
      String findings = options.get("findings");
      if (!findings.isEmpty()) {
        o.findingsFile(Path.of(findings));
      }
      Duration stall = options.duration("stall-threshold");
      if (stall != null && !stall.isZero()) {
        o.stallThreshold(stall);
      }
      InProcessAnalyzer analyzer = InProcessAnalyzer.start(o);
      // Let the stream thread load its classes now, while the application loads none: on JDK 25
      // it deadlocked with main (class-loading lock vs JarFile lock, ByteBuddy transforming
      // jdk.internal.misc.ThreadTracker during JarFile initialization).
      analyzer.awaitFirstFlush(Duration.ofSeconds(5));
      return analyzer;
    } catch (Throwable t) {
      log.accept("analyzer disabled: " + t);
      return null;
    }
  }

  private static void startExporter(Map<String, String> exporterOptions, FindingRelay relay,
      ExitFlush exit, Consumer<String> log) {
    Thread t = new Thread(() -> {
      LockwatchExporter exporter = null;
      try {
        exporter = LockwatchExporter.start(exporterOptions);
        if (exporter.enabled()) {
          relay.exporterStarted(exporter);
        }
      } catch (Throwable e) {
        log.accept("exporter disabled: " + e);
      } finally {
        exit.exporterStarted(exporter);
      }
    }, "lockwatch-exporter-start");
    t.setDaemon(true);
    t.start();
  }

  private static void preload(String className) {
    try {
      Class.forName(className, true, null);
    } catch (Throwable t) {
      // not in this JDK (it is in 21+): nothing to preload
    }
  }

  /** Returns the exporter's keys that are set, with their values. */
  static Map<String, String> exporterOptions(AgentOptions options) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : EXPORTER_KEYS) {
      String v = options.get(key);
      if (!v.isEmpty()) {
        out.put(key, v);
      }
    }
    return out;
  }
}
