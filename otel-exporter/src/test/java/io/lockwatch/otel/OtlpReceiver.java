package io.lockwatch.otel;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test OTLP receiver on a real socket that decodes requests with the official OTLP protobuf
 * definitions and keeps them. It can be stopped and started again on the same port.
 */
abstract class OtlpReceiver implements AutoCloseable {
  final List<ExportLogsServiceRequest> logRequests = new CopyOnWriteArrayList<>();
  final List<ExportMetricsServiceRequest> metricRequests = new CopyOnWriteArrayList<>();
  int port;

  /** Starts listening, on a free port the first time and on the same port afterwards. */
  abstract void start() throws Exception;

  /** Stops listening; connections are refused until {@link #start()}. */
  abstract void stop() throws java.io.IOException, InterruptedException;

  /** @return the value of {@code otlp-protocol} for this receiver */
  abstract String protocol();

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws java.io.IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  List<LogRecord> logRecords() {
    List<LogRecord> records = new ArrayList<>();
    for (ExportLogsServiceRequest request : logRequests) {
      request.getResourceLogsList().forEach(resource -> resource.getScopeLogsList()
          .forEach(scope -> records.addAll(scope.getLogRecordsList())));
    }
    return records;
  }

  /** @return the metric of that name from the latest request that has it */
  Optional<Metric> latestMetric(String name) {
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

  static Optional<AnyValue> attribute(List<KeyValue> attributes, String key) {
    return attributes.stream().filter(kv -> kv.getKey().equals(key)).map(KeyValue::getValue)
        .findFirst();
  }

  static String stringAttribute(List<KeyValue> attributes, String key) {
    return attribute(attributes, key).map(AnyValue::getStringValue).orElse(null);
  }
}
