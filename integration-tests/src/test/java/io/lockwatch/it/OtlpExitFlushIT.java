package io.lockwatch.it;

import static io.lockwatch.it.ExportedTelemetry.assertFinding;
import static io.lockwatch.it.ExportedTelemetry.counterPoint;
import static io.lockwatch.otel.testing.OtlpReceiver.stringAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.ScenarioCatalog;
import io.lockwatch.examples.testing.JvmFork;
import io.lockwatch.otel.testing.OtlpReceiver;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Findings made in an application's last moments reach the collector: {@code
 * deadly-embrace-latent} takes two locks in both orders and exits at once, so its
 * LOCK_ORDER_CYCLE is found while the JVM exits (after JFR stopped recording). The agent's exit
 * hook lets the analyzer drain, then exports the finding and flushes the OTLP exporters. No short
 * export intervals: the metric export interval (10 s) is longer than the run, so the finding
 * counter arrives only through the flush at exit. (That an unreachable collector cannot hold the
 * exit is tested in {@code otel-exporter}, {@code ExitFlushTest}.)
 */
class OtlpExitFlushIT {
  /** The run itself, the analyzer's exit drain (at most 4 s) and the export at exit (3 s). */
  private static final Duration EXIT = Duration.ofSeconds(40);

  @Test
  void findingOfTheLastMomentsIsExportedAtExit() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.create("http/protobuf")) {
      receiver.start();
      try (AgentRun run = start("exit-flush", receiver.endpoint(), receiver.protocol())) {
        assertEquals(0, run.fork().awaitExit(EXIT), run::describe);
        // the export completed before the JVM exited; the receiver may still be storing it
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (receiver.logRecords("lockwatch.lock_order_cycle").isEmpty()
            && System.nanoTime() - deadline < 0) {
          Thread.sleep(50);
        }
        List<LogRecord> cycles = receiver.logRecords("lockwatch.lock_order_cycle");
        assertFalse(cycles.isEmpty(), () -> "no LOCK_ORDER_CYCLE exported; events: "
            + receiver.logRecords().stream().map(LogRecord::getEventName)
                .collect(Collectors.toList()) + run.describe());
        assertEquals(1, cycles.size(), () -> "exported once: " + cycles);
        assertFinding(cycles.get(0), "LOCK_ORDER_CYCLE", "io.lockwatch.examples.DeadlyEmbrace");
        assertEquals("new", stringAttribute(cycles.get(0).getAttributesList(),
            "lockwatch.finding.status"));
        assertTrue(run.findingsText().contains(stringAttribute(cycles.get(0).getAttributesList(),
            "lockwatch.finding.id")), run::describe);
        assertTrue(counterPoint(receiver, "lockwatch.findings", "finding.type", "LOCK_ORDER_CYCLE"),
            () -> "finding counter not flushed at exit: " + receiver.latestMetric(
                "lockwatch.findings") + run.describe());
      }
    }
  }

  private static AgentRun start(String name, String endpoint, String protocol) throws Exception {
    Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", name).toAbsolutePath();
    JvmFork.Builder builder = JvmFork.forScenario(ScenarioCatalog.DEADLY_EMBRACE_LATENT)
        .setClasspath(ForkedJdk.examplesJar().toString()).setTimeout(Duration.ofSeconds(60));
    return AgentRun.start(dir, builder, ",otlp-endpoint=" + endpoint + ",otlp-protocol="
        + protocol + ",service-name=lockwatch-it");
  }
}
