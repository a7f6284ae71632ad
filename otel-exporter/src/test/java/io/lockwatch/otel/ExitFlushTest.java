package io.lockwatch.otel;

import static io.lockwatch.otel.testing.OtlpReceiver.stringAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.events.FindingEvent;
import io.lockwatch.otel.testing.OtlpReceiver;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link LockwatchExporter#closeAtExit}: findings handed over by the analyzer and never delivered
 * by the JFR stream are exported at exit, once; an unreachable collector cannot hold it.
 */
class ExitFlushTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  @Timeout(60)
  void findingHandedOverIsExportedAtExit() throws Exception {
    String id = "exit-" + UUID.randomUUID();
    try (OtlpReceiver receiver = OtlpReceiver.create("http/protobuf")) {
      receiver.start();
      // default intervals: nothing is exported before closeAtExit but by the flush itself
      LockwatchExporter exporter = LockwatchExporter.start(Map.of(
          "otlp-endpoint", receiver.endpoint(), "otlp-protocol", receiver.protocol()));
      try {
        exporter.findingReported(parts(id, "new"));
        exporter.findingReported(parts(id, "updated"));
        assertTrue(exporter.closeAtExit(Duration.ofSeconds(3)), "flushed in time");
        List<LogRecord> records = byId(receiver, id);
        assertEquals(1, records.size(), () -> "records: " + receiver.logRecords());
        LogRecord cycle = records.get(0);
        assertEquals("lockwatch.lock_order_cycle", cycle.getEventName());
        assertEquals(List.of("orders", "audit"),
            OtlpReceiver.stringsAttribute(cycle.getAttributesList(), "lockwatch.lock.names"));
        String stacks = stringAttribute(cycle.getAttributesList(), "code.stacktrace");
        assertTrue(stacks.contains(TestEvents.STACK_A) && stacks.contains(TestEvents.STACK_B),
            stacks);
        assertTrue(receiver.latestMetric("lockwatch.findings").isPresent(),
            "the finding counter is flushed at exit");
      } finally {
        exporter.close();
      }
    }
  }

  @Test
  @Timeout(60)
  void findingDeliveredByTheStreamIsNotExportedAgainAtExit() throws Exception {
    String id = "stream-" + UUID.randomUUID();
    try (OtlpReceiver receiver = OtlpReceiver.create("grpc");
        TestEvents events = new TestEvents()) {
      receiver.start();
      LockwatchExporter exporter = LockwatchExporter.start(Map.of(
          "otlp-endpoint", receiver.endpoint(), "otlp-protocol", receiver.protocol(),
          "otel.blrp.schedule.delay", "100"));
      try {
        exporter.findingReported(parts(id, "new"));
        for (FindingEvent part : parts(id, "new")) {
          part.commit();
        }
        assertTrue(TestEvents.await(WAIT, () -> !byId(receiver, id).isEmpty()),
            () -> "records: " + receiver.logRecords());
        assertTrue(exporter.closeAtExit(Duration.ofSeconds(3)));
        assertEquals(1, byId(receiver, id).size(), () -> "records: " + receiver.logRecords());
      } finally {
        exporter.close();
      }
    }
  }

  /** A collector that accepts connections and never answers (the OTLP timeout is 10 s). */
  @Test
  @Timeout(30)
  void silentCollectorCannotHoldTheExit() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      LockwatchExporter exporter = LockwatchExporter.start(Map.of(
          "otlp-endpoint", "http://127.0.0.1:" + silent.getLocalPort(),
          "otlp-protocol", "http/protobuf"));
      exporter.findingReported(parts("silent-" + UUID.randomUUID(), "new"));
      assertFalse(exporter.closeAtExit(Duration.ofMillis(1500)), "not flushed: returns anyway");
    }
  }

  @Test
  void disabledExporterFlushesNothing() {
    LockwatchExporter exporter = LockwatchExporter.start(Map.of());
    assertFalse(exporter.enabled());
    exporter.findingReported(parts("none", "new"));
    assertTrue(exporter.closeAtExit(Duration.ofSeconds(1)));
  }

  private static List<LogRecord> byId(OtlpReceiver receiver, String id) {
    return receiver.logRecords().stream().filter(r -> id.equals(
        stringAttribute(r.getAttributesList(), "lockwatch.finding.id"))).toList();
  }

  /** The two parts of a lock-order cycle, built as the analyzer builds them (not committed). */
  private static List<FindingEvent> parts(String id, String status) {
    return List.of(part(id, status, 0, "worker-1", 11, "orders", "audit", TestEvents.STACK_A,
        TestEvents.STACK_B), part(id, status, 1, "worker-2", 12, "audit", "orders",
        TestEvents.STACK_B, TestEvents.STACK_A));
  }

  private static FindingEvent part(String id, String status, int index, String thread,
      long threadId, String from, String to, String stack, String related) {
    FindingEvent e = new FindingEvent();
    e.findingId = id;
    e.type = "LOCK_ORDER_CYCLE";
    e.severity = "WARNING";
    e.summary = "cycle " + from + " -> " + to;
    e.firstSeen = System.currentTimeMillis();
    e.status = status;
    e.part = index;
    e.parts = 2;
    e.threadName = thread;
    e.threadId = threadId;
    e.fromLock = from;
    e.fromLockClass = "java.lang.Object";
    e.toLock = to;
    e.toLockClass = "java.lang.Object";
    e.executorName = "";
    e.executorClass = "";
    e.stack = stack;
    e.relatedStack = related;
    return e;
  }
}
