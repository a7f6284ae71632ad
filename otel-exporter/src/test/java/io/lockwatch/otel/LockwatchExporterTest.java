package io.lockwatch.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.otel.testing.GrpcOtlpReceiver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LockwatchExporter#start} never throws and explains a bad configuration in one line. */
class LockwatchExporterTest {

  @Test
  @Timeout(30)
  void nothingConfigured_noOutputAndNoop() throws Exception {
    String err = stderrOf(Map.of());
    assertEquals("", err);
  }

  @Test
  @Timeout(30)
  void badHeaders_oneLineAndNoop() throws Exception {
    String err = stderrOf(Map.of("otlp-endpoint", "http://127.0.0.1:4317", "otlp-headers", "novalue"));
    assertOneErrorLine(err);
    assertTrue(err.contains("headers"), err);
  }

  @Test
  @Timeout(30)
  void badEndpoint_oneLineAndNoop() throws Exception {
    String err = stderrOf(Map.of("otlp-endpoint", "not a url"));
    assertOneErrorLine(err);
    assertTrue(err.contains("not a url"), err);
  }

  @Test
  @Timeout(30)
  void badProtocol_oneLineAndNoop() throws Exception {
    String err = stderrOf(Map.of("otlp-endpoint", "http://127.0.0.1:4317", "otlp-protocol", "smoke"));
    assertOneErrorLine(err);
    assertTrue(err.contains("smoke"), err);
  }

  @Test
  @Timeout(30)
  void badAgentKey_oneLineAndNoop() throws Exception {
    String err = stderrOf(Map.of("prometheus", "http"));
    assertEquals("ERROR lockwatch exporter disabled: prometheus must be an integer from 0 to 65535, "
        + "not 'http'.\n", err.replace("\r", ""));
  }

  @Test
  @Timeout(60)
  @SuppressWarnings("try") // the resources only need closing
  void exportThreadsAreDaemons_soTheApplicationCanExit() throws Exception {
    try (GrpcOtlpReceiver receiver = new GrpcOtlpReceiver()) {
      receiver.start();
      Set<Long> before = Thread.getAllStackTraces().keySet().stream().map(Thread::getId)
          .collect(Collectors.toSet());
      try (AutoCloseable exporter = LockwatchExporter.start(Map.of(
              "otlp-endpoint", receiver.endpoint(), "otlp-protocol", receiver.protocol(),
              "prometheus", "0", "otel.metric.export.interval", "200"));
          TestEvents events = new TestEvents()) {
        events.standardScenario();
        assertTrue(TestEvents.await(Duration.ofSeconds(20),
            () -> !receiver.logRecords().isEmpty() && !receiver.metricRequests().isEmpty()));
        List<String> nonDaemons = Thread.getAllStackTraces().keySet().stream()
            .filter(t -> !before.contains(t.getId()) && !t.isDaemon() && t.isAlive())
            .map(Thread::getName).collect(Collectors.toList());
        assertEquals(List.of(), nonDaemons);
      }
    }
  }

  private static void assertOneErrorLine(String err) {
    assertTrue(err.startsWith("ERROR lockwatch exporter disabled: "), err);
    assertEquals(1, err.lines().count(), err);
  }

  private static String stderrOf(Map<String, String> options) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      AutoCloseable exporter = LockwatchExporter.start(options);
      exporter.close();
    } finally {
      System.setErr(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
