package io.lockwatch.otel.testing;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A test OTLP receiver on a real socket on 127.0.0.1 that decodes requests with the official OTLP
 * protobuf definitions and keeps them. It can be stopped and started again on the same port.
 *
 * <pre>{@code
 * try (OtlpReceiver receiver = OtlpReceiver.create("grpc")) {
 *   receiver.start();
 *   ... export to receiver.endpoint() with otlp-protocol=receiver.protocol() ...
 *   receiver.logRecords("lockwatch.deadlock");
 * }
 * }</pre>
 */
public abstract class OtlpReceiver implements AutoCloseable {
  private final List<ExportLogsServiceRequest> logRequests = new CopyOnWriteArrayList<>();
  private final List<ExportMetricsServiceRequest> metricRequests = new CopyOnWriteArrayList<>();
  private volatile int port;

  OtlpReceiver() {}

  /**
   * @param protocol {@code grpc} or {@code http/protobuf}, not {@code null}
   * @return a receiver for that protocol, not started
   * @throws IllegalArgumentException for another protocol
   */
  public static OtlpReceiver create(String protocol) {
    switch (protocol) {
      case "grpc":
        return new GrpcOtlpReceiver();
      case "http/protobuf":
        return new HttpOtlpReceiver();
      default:
        throw new IllegalArgumentException("unknown OTLP protocol: " + protocol);
    }
  }

  /**
   * Starts listening, on a free port the first time and on the same port afterwards.
   *
   * @throws IOException if the port cannot be bound
   */
  public abstract void start() throws IOException;

  /** Stops listening; connections are refused until {@link #start()}. */
  public abstract void stop();

  /** @return the value of {@code otlp-protocol} ({@code OTEL_EXPORTER_OTLP_PROTOCOL}) for this receiver */
  public abstract String protocol();

  /** @return the port, {@code 0} before the first {@link #start()} */
  public int port() {
    return port;
  }

  void port(int port) {
    this.port = port;
  }

  /** @return {@code http://127.0.0.1:<port>}, the value of {@code otlp-endpoint} */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  void received(ExportLogsServiceRequest request) {
    logRequests.add(request);
  }

  void received(ExportMetricsServiceRequest request) {
    metricRequests.add(request);
  }

  /** @return every logs request received so far, oldest first (a live, thread-safe view) */
  public List<ExportLogsServiceRequest> logRequests() {
    return logRequests;
  }

  /** @return every metrics request received so far, oldest first (a live, thread-safe view) */
  public List<ExportMetricsServiceRequest> metricRequests() {
    return metricRequests;
  }

  /** @return every log record received so far, in arrival order (a copy) */
  public List<LogRecord> logRecords() {
    List<LogRecord> records = new ArrayList<>();
    for (ExportLogsServiceRequest request : logRequests) {
      request.getResourceLogsList().forEach(resource -> resource.getScopeLogsList()
          .forEach(scope -> records.addAll(scope.getLogRecordsList())));
    }
    return records;
  }

  /**
   * @param eventName an event name, e.g. {@code lockwatch.deadlock}, not {@code null}
   * @return the log records with that event name received so far, in arrival order
   */
  public List<LogRecord> logRecords(String eventName) {
    return logRecords().stream().filter(r -> eventName.equals(r.getEventName()))
        .collect(Collectors.toList());
  }

  /**
   * @param name a metric name, not {@code null}
   * @return the metric of that name from the latest request that has it
   */
  public Optional<Metric> latestMetric(String name) {
    for (int i = metricRequests.size() - 1; i >= 0; i--) {
      for (ResourceMetrics resource : metricRequests.get(i).getResourceMetricsList()) {
        for (ScopeMetrics scope : resource.getScopeMetricsList()) {
          for (Metric metric : scope.getMetricsList()) {
            if (metric.getName().equals(name)) {
              return Optional.of(metric);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * @param attributes attributes of a record, data point or resource, not {@code null}
   * @param key the attribute key, not {@code null}
   * @return the value of the first attribute with that key
   */
  public static Optional<AnyValue> attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(KeyValue::getValue)
        .findFirst();
  }

  /**
   * @param attributes attributes of a record, data point or resource, not {@code null}
   * @param key the attribute key, not {@code null}
   * @return the string value of that attribute, or {@code null} if it is missing
   */
  public static String stringAttribute(List<KeyValue> attributes, String key) {
    return attribute(attributes, key).map(AnyValue::getStringValue).orElse(null);
  }

  /**
   * @param attributes attributes of a record, not {@code null}
   * @param key the key of an array attribute, not {@code null}
   * @return the string elements of that array attribute, empty if it is missing
   */
  public static List<String> stringsAttribute(List<KeyValue> attributes, String key) {
    return attribute(attributes, key).map(v -> v.getArrayValue().getValuesList().stream()
        .map(AnyValue::getStringValue).collect(Collectors.toList())).orElse(List.of());
  }

  /** Stops the receiver. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{endpoint=" + endpoint() + ", logRequests="
        + logRequests.size() + ", metricRequests=" + metricRequests.size() + "}";
  }
}
