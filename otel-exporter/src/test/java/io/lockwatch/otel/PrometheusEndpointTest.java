package io.lockwatch.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Gauge;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scrapes the embedded Prometheus endpoint over HTTP and parses the text exposition format with
 * a real parser (Hawkular's prometheus-scraper).
 */
class PrometheusEndpointTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Timeout(60)
  @SuppressWarnings("try") // the resources only need closing
  void scrapeHasTheLockwatchMetricsUnderPrometheusNames() throws Exception {
    int port = freePort();
    try (AutoCloseable exporter = LockwatchExporter.start(Map.of("prometheus", String.valueOf(port)));
        TestEvents events = new TestEvents()) {
      events.standardScenario();
      String[] body = new String[1];
      assertTrue(TestEvents.await(WAIT, () -> {
        body[0] = scrape(port);
        return body[0].contains("lockwatch_findings_total{") && body[0].contains("lockwatch_lock_hold_seconds_bucket{")
            && body[0].contains("lockwatch_executor_submissions_under_lock_total{")
            && body[0].contains("lockwatch_table=\"locks\",otel_scope_name=\"io.lockwatch\"} 3.0");
      }), () -> body[0]);
      // kept for docs/EXPORTER.md
      Files.writeString(Path.of("target", "prometheus-scrape.txt"), body[0]);

      Map<String, MetricFamily> families = parse(body[0]);
      MetricFamily wait = families.get("lockwatch_lock_wait_seconds");
      assertEquals(MetricType.HISTOGRAM, wait.getType());
      Histogram orders = (Histogram) wait.getMetrics().stream()
          .filter(m -> "orders".equals(m.getLabels().get("lock_name"))).findFirst().orElseThrow();
      assertEquals(3, orders.getSampleCount());
      assertTrue(orders.getBuckets().stream().anyMatch(b -> b.getUpperBound() == 0.01));

      MetricFamily delay = families.get("lockwatch_executor_queue_delay_seconds");
      assertEquals(MetricType.HISTOGRAM, delay.getType());
      assertEquals("order-pool", delay.getMetrics().get(0).getLabels().get("jvm_executor_name"));

      Counter cycles = counter(families, "lockwatch_findings_total",
          Map.of("finding_type", "LOCK_ORDER_CYCLE", "finding_severity", "CRITICAL")).orElseThrow();
      assertEquals(1.0, cycles.getValue());
      assertEquals(1.0, counter(families, "lockwatch_executor_submissions_under_lock_total",
          Map.of("jvm_executor_name", "order-pool")).orElseThrow().getValue());
      assertEquals(3.0, counter(families, "lockwatch_agent_table_overflows_total",
          Map.of("lockwatch_table", "locks")).orElseThrow().getValue());
      assertTrue(counter(families, "lockwatch_agent_errors_total", Map.of("error_type", "suppressed")).isPresent());
      assertTrue(counter(families, "lockwatch_exporter_dropped_total",
          Map.of("signal", "logs", "reason", "queue_full")).isPresent());

      MetricFamily stalled = families.get("lockwatch_threads_stalled");
      assertEquals(MetricType.GAUGE, stalled.getType());
      assertTrue(((Gauge) stalled.getMetrics().get(0)).getValue() >= 0);
    }
  }

  @Test
  @Timeout(30)
  @SuppressWarnings("try") // the resources only need closing
  void noPortIsOpenedUnlessConfigured() throws Exception {
    int port = freePort();
    try (AutoCloseable exporter = LockwatchExporter.start(Map.of())) {
      RuntimeException refused = assertThrows(RuntimeException.class, () -> scrape(port));
      assertTrue(refused.getCause() instanceof ConnectException, refused::toString);
    }
  }

  private static Optional<Counter> counter(Map<String, MetricFamily> families, String name,
      Map<String, String> labels) {
    MetricFamily family = families.get(name);
    if (family == null) {
      return Optional.empty();
    }
    assertEquals(MetricType.COUNTER, family.getType(), name);
    return family.getMetrics().stream()
        .filter(m -> m.getLabels().entrySet().containsAll(labels.entrySet()))
        .map(Counter.class::cast).findFirst();
  }

  static Map<String, MetricFamily> parse(String text) throws IOException {
    CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
    new TextPrometheusMetricsProcessor(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), walker).walk();
    List<MetricFamily> families = walker.getAllMetricFamilies();
    return families.stream().collect(Collectors.toMap(MetricFamily::getName, Function.identity()));
  }

  private String scrape(int port) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/metrics"))
          .header("Accept", "text/plain; version=0.0.4").build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
      return response.body();
    } catch (ConnectException e) {
      throw new RuntimeException(e);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
