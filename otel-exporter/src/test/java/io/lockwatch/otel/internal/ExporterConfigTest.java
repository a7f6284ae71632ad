package io.lockwatch.otel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ExporterConfigTest {

  @Test
  void builderDefaults() {
    ExporterConfig config = ExporterConfig.parse(Map.of(), Map.of(), new Properties());
    assertFalse(config.enabled());
    assertFalse(config.otlpEnabled());
    assertFalse(config.prometheusEnabled());
    assertNull(config.otlpEndpoint());
    assertEquals("127.0.0.1", config.prometheusHost());
    assertEquals(50, config.topNames());
    assertEquals(2048, config.queueSize());
    assertEquals(Duration.ofSeconds(2).toNanos(), config.stallThresholdNanos());
    assertEquals("none", config.overrideProperties().get("otel.logs.exporter"));
    assertEquals("none", config.overrideProperties().get("otel.traces.exporter"));
    assertEquals("10000", config.defaultProperties().get("otel.metric.export.interval"));
  }

  @Test
  void agentKeysMapToSdkPropertiesAndOverrideTheEnvironment() {
    ExporterConfig config = ExporterConfig.parse(Map.of(
            "otlp-endpoint", "http://collector:4318",
            "otlp-protocol", "http/protobuf",
            "otlp-headers", "api-key=secret",
            "service-name", "orders",
            "otel.resource.attributes", "deployment.environment=prod",
            "prometheus", "9464",
            "prometheus-host", "0.0.0.0",
            "metrics-top-n", "7",
            "stall-threshold", "500ms",
            "export-queue-size", "100"),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4317"), new Properties());
    assertTrue(config.otlpEnabled());
    assertEquals("http://collector:4318", config.otlpEndpoint());
    Map<String, String> properties = config.overrideProperties();
    assertEquals("http://collector:4318", properties.get("otel.exporter.otlp.endpoint"));
    assertEquals("http/protobuf", properties.get("otel.exporter.otlp.protocol"));
    assertEquals("api-key=secret", properties.get("otel.exporter.otlp.headers"));
    assertEquals("orders", properties.get("otel.service.name"));
    assertEquals("deployment.environment=prod", properties.get("otel.resource.attributes"));
    assertEquals("otlp", properties.get("otel.logs.exporter"));
    assertEquals("otlp", properties.get("otel.metrics.exporter"));
    assertEquals("100", properties.get("otel.blrp.max.queue.size"));
    assertEquals("100", properties.get("otel.blrp.max.export.batch.size"));
    assertEquals(9464, config.prometheusPort());
    assertEquals("0.0.0.0", config.prometheusHost());
    assertEquals(7, config.topNames());
    assertEquals(100, config.queueSize());
    assertEquals(Duration.ofMillis(500).toNanos(), config.stallThresholdNanos());
    assertFalse(config.toString().contains("secret"), config::toString);
  }

  @Test
  void standardEnvironmentEnablesOtlp() {
    assertEquals("http://env:4317", ExporterConfig.parse(Map.of(),
        Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://env:4317"), new Properties()).otlpEndpoint());
    assertEquals("http://logs:4318/v1/logs", ExporterConfig.parse(Map.of(),
        Map.of("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:4318/v1/logs"), new Properties())
        .otlpEndpoint());
    Properties system = new Properties();
    system.setProperty("otel.exporter.otlp.endpoint", "http://sys:4317");
    assertEquals("http://sys:4317", ExporterConfig.parse(Map.of(), Map.of(), system).otlpEndpoint());
  }

  @Test
  void builderInvalidConfig() {
    assertMessage("prometheus must be an integer from 0 to 65535, not 'abc'.",
        Map.of("prometheus", "abc"));
    assertMessage("metrics-top-n must be an integer from 1 to 10000, not '0'.",
        Map.of("metrics-top-n", "0"));
    assertMessage("export-queue-size must be an integer from 1 to 1000000, not '-5'.",
        Map.of("export-queue-size", "-5"));
    assertMessage("stall-threshold must be a duration such as 2s or 500ms, not 'soon'.",
        Map.of("stall-threshold", "soon"));
    assertEquals(Duration.ofMinutes(1), ExporterConfig.parseDuration("k", "1m"));
    assertEquals(Duration.ofMillis(250), ExporterConfig.parseDuration("k", "250"));
  }

  private static void assertMessage(String message, Map<String, String> options) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExporterConfig.parse(options, Map.of(), new Properties()));
    assertEquals(message, e.getMessage());
  }
}
