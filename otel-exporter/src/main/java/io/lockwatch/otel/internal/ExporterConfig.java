package io.lockwatch.otel.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The exporter's configuration, from agent keys plus the standard OpenTelemetry environment
 * variables and system properties (which the SDK autoconfigure module reads itself).
 *
 * <p>Agent keys: {@code otlp-endpoint}, {@code otlp-protocol} ({@code grpc} or
 * {@code http/protobuf}), {@code otlp-headers}, {@code service-name}, {@code prometheus=<port>},
 * {@code prometheus-host} (default {@value #DEFAULT_PROMETHEUS_HOST}), {@code metrics-top-n}
 * (default {@value #DEFAULT_TOP_NAMES}), {@code stall-threshold} (default 2s),
 * {@code export-queue-size} (default {@value #DEFAULT_QUEUE_SIZE}), {@code otel-debug=true} (keep
 * the SDK's own logging), and any {@code otel.*} SDK property, passed through. Agent keys override
 * the environment.
 *
 * <p>OTLP export is on only when an endpoint is configured (agent key,
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or a per-signal endpoint); the Prometheus endpoint only when
 * a port is.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class ExporterConfig {
  public static final String DEFAULT_PROMETHEUS_HOST = "127.0.0.1";
  public static final int DEFAULT_TOP_NAMES = 50;
  public static final int DEFAULT_QUEUE_SIZE = 2048;
  public static final Duration DEFAULT_STALL_THRESHOLD = Duration.ofSeconds(2);
  static final Duration DEFAULT_METRIC_EXPORT_INTERVAL = Duration.ofSeconds(10);

  private final String otlpEndpoint;
  private final Map<String, String> overrides;
  private final int prometheusPort;
  private final String prometheusHost;
  private final int topNames;
  private final long stallThresholdNanos;
  private final int queueSize;
  private final boolean sdkLogging;

  private ExporterConfig(String otlpEndpoint, Map<String, String> overrides, int prometheusPort,
      String prometheusHost, int topNames, long stallThresholdNanos, int queueSize,
      boolean sdkLogging) {
    this.otlpEndpoint = otlpEndpoint;
    this.overrides = overrides;
    this.prometheusPort = prometheusPort;
    this.prometheusHost = prometheusHost;
    this.topNames = topNames;
    this.stallThresholdNanos = stallThresholdNanos;
    this.queueSize = queueSize;
    this.sdkLogging = sdkLogging;
  }

  /**
   * Parses the configuration.
   *
   * @param options agent keys, not {@code null}
   * @param env the environment, not {@code null}
   * @param system the system properties, not {@code null}
   * @return the configuration, not {@code null}
   * @throws IllegalArgumentException with an exact message for a malformed value
   */
  public static ExporterConfig parse(
      Map<String, String> options, Map<String, String> env, Properties system) {
    Map<String, String> overrides = new LinkedHashMap<>();
    options.forEach((key, value) -> {
      if (key.startsWith("otel.")) {
        overrides.put(key, value);
      }
    });
    putIfPresent(overrides, "otel.exporter.otlp.endpoint", options.get("otlp-endpoint"));
    putIfPresent(overrides, "otel.exporter.otlp.protocol", options.get("otlp-protocol"));
    putIfPresent(overrides, "otel.exporter.otlp.headers", options.get("otlp-headers"));
    putIfPresent(overrides, "otel.service.name", options.get("service-name"));

    String endpoint = firstPresent(
        overrides.get("otel.exporter.otlp.endpoint"),
        system.getProperty("otel.exporter.otlp.endpoint"),
        env.get("OTEL_EXPORTER_OTLP_ENDPOINT"),
        overrides.get("otel.exporter.otlp.logs.endpoint"),
        system.getProperty("otel.exporter.otlp.logs.endpoint"),
        env.get("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"),
        overrides.get("otel.exporter.otlp.metrics.endpoint"),
        system.getProperty("otel.exporter.otlp.metrics.endpoint"),
        env.get("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"));

    int port = -1;
    String portText = options.get("prometheus");
    if (portText != null) {
      port = parseInt("prometheus", portText, 0, 65535);
    }
    String host = options.getOrDefault("prometheus-host", DEFAULT_PROMETHEUS_HOST);
    int topNames = options.containsKey("metrics-top-n")
        ? parseInt("metrics-top-n", options.get("metrics-top-n"), 1, 10_000) : DEFAULT_TOP_NAMES;
    int queueSize = options.containsKey("export-queue-size")
        ? parseInt("export-queue-size", options.get("export-queue-size"), 1, 1_000_000)
        : DEFAULT_QUEUE_SIZE;
    Duration stall = options.containsKey("stall-threshold")
        ? parseDuration("stall-threshold", options.get("stall-threshold"))
        : DEFAULT_STALL_THRESHOLD;
    boolean sdkLogging = Boolean.parseBoolean(options.getOrDefault("otel-debug", "false"));
    return new ExporterConfig(endpoint, Map.copyOf(overrides), port, host, topNames,
        stall.toNanos(), queueSize, sdkLogging);
  }

  /**
   * @param key the agent key, for the message
   * @param text e.g. {@code 2s}, {@code 500ms}, {@code 1m} or milliseconds
   * @return the duration, not {@code null}
   * @throws IllegalArgumentException if the text is not a non-negative duration
   */
  static Duration parseDuration(String key, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (value.endsWith("ms")) {
        return nonNegative(key, text, Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
      }
      if (value.endsWith("s")) {
        return nonNegative(key, text, Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1))));
      }
      if (value.endsWith("m")) {
        return nonNegative(key, text, Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1))));
      }
      return nonNegative(key, text, Duration.ofMillis(Long.parseLong(value)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a duration such as 2s or 500ms, not '" + text + "'.");
    }
  }

  private static Duration nonNegative(String key, String text, Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(key + " must not be negative, not '" + text + "'.");
    }
    return duration;
  }

  private static int parseInt(String key, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        key + " must be an integer from " + min + " to " + max + ", not '" + text + "'.");
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.trim());
    }
  }

  private static String firstPresent(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }

  /** @return whether anything is exported at all */
  public boolean enabled() {
    return otlpEnabled() || prometheusEnabled();
  }

  /** @return whether an OTLP endpoint is configured */
  public boolean otlpEnabled() {
    return otlpEndpoint != null;
  }

  /** @return the OTLP endpoint for messages, {@code null} when OTLP is off */
  public String otlpEndpoint() {
    return otlpEndpoint;
  }

  /** @return whether the Prometheus endpoint is configured */
  public boolean prometheusEnabled() {
    return prometheusPort >= 0;
  }

  /** @return the Prometheus port (0: any free port), -1 when off */
  public int prometheusPort() {
    return prometheusPort;
  }

  /** @return the Prometheus bind host, not {@code null} */
  public String prometheusHost() {
    return prometheusHost;
  }

  /** @return how many lock and executor names are reported as themselves */
  public int topNames() {
    return topNames;
  }

  /** @return how old a wait must be to count as a stalled thread */
  public long stallThresholdNanos() {
    return stallThresholdNanos;
  }

  /** @return the bound on log records queued or being exported */
  public int queueSize() {
    return queueSize;
  }

  /** @return whether the SDK's own logging is kept (otherwise export failures log once) */
  public boolean sdkLogging() {
    return sdkLogging;
  }

  /** @return SDK properties used unless the environment sets them, not {@code null} */
  Map<String, String> defaultProperties() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("otel.metric.export.interval",
        String.valueOf(DEFAULT_METRIC_EXPORT_INTERVAL.toMillis()));
    return defaults;
  }

  /** @return SDK properties that override the environment, not {@code null} */
  Map<String, String> overrideProperties() {
    Map<String, String> result = new LinkedHashMap<>(overrides);
    // Lockwatch exports no traces; logs and metrics go to OTLP only when an endpoint is set
    result.put("otel.traces.exporter", "none");
    result.put("otel.logs.exporter", otlpEnabled() ? "otlp" : "none");
    result.put("otel.metrics.exporter", otlpEnabled() ? "otlp" : "none");
    // the SDK queue must not be the smaller bound: BoundedLogRecordProcessor counts the drops
    result.put("otel.blrp.max.queue.size", String.valueOf(queueSize));
    if (queueSize < 512 && !result.containsKey("otel.blrp.max.export.batch.size")) {
      result.put("otel.blrp.max.export.batch.size", String.valueOf(queueSize));
    }
    return result;
  }

  @Override
  public String toString() {
    return "ExporterConfig{otlpEndpoint=" + otlpEndpoint + ", prometheus="
        + (prometheusEnabled() ? prometheusHost + ":" + prometheusPort : "off")
        + ", topNames=" + topNames + ", stallThresholdNanos=" + stallThresholdNanos
        + ", queueSize=" + queueSize + ", overrides=" + overrides.keySet() + "}";
  }
}
