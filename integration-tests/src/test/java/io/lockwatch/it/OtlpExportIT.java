package io.lockwatch.it;

import static io.lockwatch.it.ExportedTelemetry.assertFinding;
import static io.lockwatch.it.ExportedTelemetry.assertStacksExported;
import static io.lockwatch.it.ExportedTelemetry.await;
import static io.lockwatch.it.ExportedTelemetry.counterPoint;
import static io.lockwatch.it.ExportedTelemetry.hasPoint;
import static io.lockwatch.it.ExportedTelemetry.histogramPoint;
import static io.lockwatch.it.ExportedTelemetry.statuses;
import static io.lockwatch.it.ExportedTelemetry.value;
import static io.lockwatch.otel.testing.OtlpReceiver.stringAttribute;
import static io.lockwatch.otel.testing.OtlpReceiver.stringsAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.ScenarioCatalog;
import io.lockwatch.examples.testing.JvmFork;
import io.lockwatch.otel.testing.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of {@code examples/} under the shaded agent, exporting to a real OTLP receiver over a
 * real socket: one run over gRPC, one over HTTP/protobuf. The receiver decodes the requests with
 * the official OTLP protobuf definitions; the tests check the log records (event name, severity,
 * attributes, stacks) and the metrics (names, units, attributes) it got.
 */
class OtlpExportIT {
  private static final String SERVICE = "lockwatch-it";

  /**
   * {@code stalled-loop}: a STALL exported once new and once resolved, a LONG_HOLD, and the lock
   * hold and wait histograms of {@code state}.
   */
  @Test
  void stalledLoopOverGrpc() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.create("grpc")) {
      receiver.start();
      // the writer holds 'state' 3 s (a STALL after 1.5 s); the loop then ticks for 4 s more
      JvmFork.Builder builder = JvmFork.forScenario(ScenarioCatalog.STALLED_LOOP, "--hold-ms",
          "3000", "--ticks-after", "400", "--max-seconds", "40");
      try (AgentRun run = start("grpc-stalled-loop", builder, receiver)) {
        await(run, receiver, "a new and a resolved STALL, a LONG_HOLD", () ->
            statuses(receiver, "lockwatch.stall").containsAll(List.of("new", "resolved"))
                && !receiver.logRecords("lockwatch.long_hold").isEmpty());

        List<LogRecord> stalls = receiver.logRecords("lockwatch.stall");
        assertEquals(List.of("new", "resolved"), statuses(receiver, "lockwatch.stall"),
            "a stall is exported once new and once resolved, not once per update" + run.describe());
        LogRecord stall = stalls.get(0);
        assertFinding(stall, "STALL", null);
        assertStacksExported(run, receiver, "io.lockwatch.examples.StalledLoop");
        assertTrue(stringsAttribute(stall.getAttributesList(), "lockwatch.lock.names")
            .contains("state"), () -> "stall lock names: " + stall);
        assertEquals(SeverityNumber.SEVERITY_NUMBER_INFO, stalls.get(1).getSeverityNumber(),
            "a resolved record is INFO");
        assertEquals(stringAttribute(stall.getAttributesList(), "lockwatch.finding.id"),
            stringAttribute(stalls.get(1).getAttributesList(), "lockwatch.finding.id"));
        LogRecord hold = receiver.logRecords("lockwatch.long_hold").get(0);
        // reported while still held, a long hold has no stacks yet
        assertFinding(hold, "LONG_HOLD", null);
        assertEquals("snapshot-writer", stringAttribute(hold.getAttributesList(), "thread.name"),
            () -> "long hold: " + hold);
        assertEquals(SERVICE, stringAttribute(receiver.logRequests().get(0).getResourceLogs(0)
            .getResource().getAttributesList(), "service.name"));

        await(run, receiver, "the hold and wait histograms of 'state'", () ->
            histogramPoint(receiver, "lockwatch.lock.hold", "lock.name", "state", 2.5)
                && histogramPoint(receiver, "lockwatch.lock.wait", "lock.name", "state", 1.0)
                && counterPoint(receiver, "lockwatch.findings", "finding.type", "LONG_HOLD"));
        for (String name : List.of("lockwatch.lock.hold", "lockwatch.lock.wait")) {
          Metric m = receiver.latestMetric(name).orElseThrow();
          assertEquals("s", m.getUnit(), name);
          assertTrue(m.getHistogram().getDataPoints(0).getExplicitBoundsList().contains(0.01), name);
        }
        Metric findings = receiver.latestMetric("lockwatch.findings").orElseThrow();
        assertEquals("{finding}", findings.getUnit());
        assertTrue(findings.getSum().getIsMonotonic());
        assertTrue(hasPoint(findings, p -> "STALL".equals(
            stringAttribute(p.getAttributesList(), "finding.type"))
            && stringAttribute(p.getAttributesList(), "finding.severity") != null));
        Metric stalled = receiver.latestMetric("lockwatch.threads.stalled").orElseThrow();
        assertEquals("{thread}", stalled.getUnit());
        assertTrue(stalled.hasGauge());
        Metric overflows = receiver.latestMetric("lockwatch.agent.table.overflows").orElseThrow();
        assertEquals("{item}", overflows.getUnit());
        assertTrue(hasPoint(overflows, p -> "locks".equals(
            stringAttribute(p.getAttributesList(), "lockwatch.table"))));
        Metric dropped = receiver.latestMetric("lockwatch.exporter.dropped").orElseThrow();
        assertEquals("{record}", dropped.getUnit());
        assertTrue(hasPoint(dropped, p -> "logs".equals(stringAttribute(p.getAttributesList(),
            "signal")) && "queue_full".equals(stringAttribute(p.getAttributesList(), "reason"))));
        assertFalse(String.join("\n", run.fork().output()).contains("lockwatch exporter disabled"),
            run.describe());
      }
    }
  }

  /**
   * {@code executor-under-lock --mode=submit}: a DEADLOCK through a pool and a WAIT_UNDER_LOCK,
   * with the executor's name and type, and the submissions-under-lock counter.
   */
  @Test
  void executorUnderLockOverHttpProtobuf() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.create("http/protobuf")) {
      receiver.start();
      JvmFork.Builder builder = JvmFork.forScenario(ScenarioCatalog.EXECUTOR_UNDER_LOCK,
          "--mode", "submit", "--max-seconds", "40");
      try (AgentRun run = start("http-executor-under-lock", builder, receiver)) {
        await(run, receiver, "a DEADLOCK and a WAIT_UNDER_LOCK", () ->
            !receiver.logRecords("lockwatch.deadlock").isEmpty()
                && !receiver.logRecords("lockwatch.wait_under_lock").isEmpty());

        LogRecord deadlock = receiver.logRecords("lockwatch.deadlock").get(0);
        // a finding from the watchdog's first snapshot of a wait younger than 1 s has no stacks
        // (see ExportedTelemetry.assertStacksExported): they are checked on whichever has them
        assertFinding(deadlock, "DEADLOCK", null);
        assertEquals(SeverityNumber.SEVERITY_NUMBER_ERROR, deadlock.getSeverityNumber(),
            "CRITICAL maps to ERROR");
        assertEquals("CRITICAL", deadlock.getSeverityText());
        List<KeyValue> attributes = deadlock.getAttributesList();
        assertTrue(stringsAttribute(attributes, "lockwatch.lock.names").contains("state"),
            () -> "deadlock: " + deadlock);
        // the agent names the lock's class as it sees it: ReentrantLock or its AQS Sync subclass
        assertTrue(stringsAttribute(attributes, "lockwatch.lock.classes").stream()
            .anyMatch(c -> c.startsWith("java.util.concurrent.locks.ReentrantLock")),
            () -> "deadlock: " + deadlock);
        assertTrue(stringsAttribute(attributes, "lockwatch.thread.names").size() >= 2,
            () -> "deadlock: " + deadlock);
        assertTrue(stringAttribute(attributes, "jvm.executor.type").contains("ThreadPoolExecutor"),
            () -> "deadlock: " + deadlock);
        String executor = stringAttribute(attributes, "jvm.executor.name");
        assertTrue(executor != null && !executor.isEmpty(), () -> "deadlock: " + deadlock);
        assertFinding(receiver.logRecords("lockwatch.wait_under_lock").get(0), "WAIT_UNDER_LOCK",
            null);
        assertStacksExported(run, receiver, "io.lockwatch.examples.ExecutorUnderLock");

        await(run, receiver, "submissions under lock and the DEADLOCK counter", () ->
            counterPoint(receiver, "lockwatch.executor.submissions.under_lock",
                "jvm.executor.name", executor)
                && counterPoint(receiver, "lockwatch.findings", "finding.type", "DEADLOCK"));
        Metric submissions =
            receiver.latestMetric("lockwatch.executor.submissions.under_lock").orElseThrow();
        assertEquals("{submission}", submissions.getUnit());
        assertTrue(submissions.getSum().getIsMonotonic());
        assertTrue(hasPoint(receiver.latestMetric("lockwatch.findings").orElseThrow(),
            p -> "DEADLOCK".equals(stringAttribute(p.getAttributesList(), "finding.type"))
                && "CRITICAL".equals(stringAttribute(p.getAttributesList(), "finding.severity"))));
        // the deadlocked threads stay stalled: the gauge sees them
        await(run, receiver, "lockwatch.threads.stalled >= 1", () ->
            receiver.latestMetric("lockwatch.threads.stalled").filter(m -> m.getGauge()
                .getDataPointsList().stream().anyMatch(p -> value(p) >= 1)).isPresent());
      }
    }
  }

  /**
   * Starts the fork under the agent, exporting to the receiver with short export intervals.
   *
   * @param name the run's directory under {@code target/e2e/<jdk>/}
   */
  private static AgentRun start(String name, JvmFork.Builder builder, OtlpReceiver receiver)
      throws Exception {
    Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", name).toAbsolutePath();
    builder.setClasspath(ForkedJdk.examplesJar().toString()).setTimeout(Duration.ofSeconds(120))
        .addJvmArgs("-Dotel.metric.export.interval=500", "-Dotel.blrp.schedule.delay=100");
    return AgentRun.start(dir, builder, ",otlp-endpoint=" + receiver.endpoint()
        + ",otlp-protocol=" + receiver.protocol() + ",service-name=" + SERVICE);
  }
}
