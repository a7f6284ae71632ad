package io.lockwatch.otel;

import static io.lockwatch.otel.testing.OtlpReceiver.attribute;
import static io.lockwatch.otel.testing.OtlpReceiver.stringAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.otel.testing.OtlpReceiver;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the standard scenario against a real OTLP receiver and checks what it decoded. */
abstract class AbstractOtlpExportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private OtlpReceiver receiver;
  private AutoCloseable exporter;
  private TestEvents events;

  abstract OtlpReceiver newReceiver();

  @BeforeEach
  void startReceiverAndExporter() throws Exception {
    receiver = newReceiver();
    receiver.start();
    exporter = LockwatchExporter.start(Map.of(
        "otlp-endpoint", receiver.endpoint(),
        "otlp-protocol", receiver.protocol(),
        "otlp-headers", "x-lockwatch-test=1",
        "service-name", "lockwatch-test",
        "otel.metric.export.interval", "300",
        "otel.blrp.schedule.delay", "100"));
    events = new TestEvents();
  }

  @AfterEach
  void stop() throws Exception {
    events.close();
    exporter.close();
    receiver.close();
  }

  @Test
  @Timeout(60)
  void findingsArriveAsLogRecordEvents() throws Exception {
    events.standardScenario();
    assertTrue(TestEvents.await(WAIT, () -> records("lockwatch.stall").size() == 2
        && records("lockwatch.lock_order_cycle").size() == 1), () -> "log records: " + receiver.logRecords());

    LogRecord cycle = records("lockwatch.lock_order_cycle").get(0);
    assertEquals(SeverityNumber.SEVERITY_NUMBER_ERROR, cycle.getSeverityNumber());
    assertEquals("LOCK_ORDER_CYCLE cycle-1 on orders", cycle.getBody().getStringValue());
    List<KeyValue> attributes = cycle.getAttributesList();
    assertEquals(TestEvents.CYCLE_ID, stringAttribute(attributes, "lockwatch.finding.id"));
    assertEquals("LOCK_ORDER_CYCLE", stringAttribute(attributes, "lockwatch.finding.type"));
    assertEquals("worker-1", stringAttribute(attributes, "thread.name"));
    assertEquals(11, attribute(attributes, "thread.id").orElseThrow().getIntValue());
    assertEquals(List.of("worker-1", "worker-2"), strings(attributes, "lockwatch.thread.names"));
    assertEquals(List.of("orders", "audit"), strings(attributes, "lockwatch.lock.names"));
    assertEquals(List.of("java.util.concurrent.locks.ReentrantLock", "java.lang.Object"),
        strings(attributes, "lockwatch.lock.classes"));
    assertEquals("order-pool", stringAttribute(attributes, "jvm.executor.name"));
    assertEquals("java.util.concurrent.ThreadPoolExecutor",
        stringAttribute(attributes, "jvm.executor.type"));
    String stacks = stringAttribute(attributes, "code.stacktrace");
    assertTrue(stacks.contains(TestEvents.STACK_A) && stacks.contains(TestEvents.STACK_B), stacks);

    // a stall updated while it lasts is exported once new and once resolved
    List<String> stallStatuses = records("lockwatch.stall").stream()
        .map(r -> stringAttribute(r.getAttributesList(), "lockwatch.finding.status"))
        .collect(Collectors.toList());
    assertEquals(List.of("new", "resolved"), stallStatuses);
    String stallStacks = stringAttribute(records("lockwatch.stall").get(0).getAttributesList(),
        "code.stacktrace");
    assertTrue(stallStacks.contains("other side\n" + TestEvents.STACK_A), stallStacks);

    String serviceName = stringAttribute(receiver.logRequests().get(0).getResourceLogs(0)
        .getResource().getAttributesList(), "service.name");
    assertEquals("lockwatch-test", serviceName);
  }

  @Test
  @Timeout(60)
  void metricsArriveWithNamesUnitsAndAttributes() throws Exception {
    events.standardScenario();
    assertTrue(TestEvents.await(WAIT, () -> receiver.latestMetric("lockwatch.findings").isPresent()
        && receiver.latestMetric("lockwatch.executor.submissions.under_lock").isPresent()
        && receiver.latestMetric("lockwatch.lock.hold").isPresent()),
        () -> "metric requests: " + receiver.metricRequests().size());

    Metric wait = receiver.latestMetric("lockwatch.lock.wait").orElseThrow();
    assertEquals("s", wait.getUnit());
    assertTrue(wait.hasHistogram());
    assertTrue(wait.getHistogram().getDataPointsList().stream().anyMatch(p -> p.getCount() == 3
        && "orders".equals(stringAttribute(p.getAttributesList(), "lock.name"))));
    assertTrue(wait.getHistogram().getDataPoints(0).getExplicitBoundsList().contains(0.01));

    Metric hold = receiver.latestMetric("lockwatch.lock.hold").orElseThrow();
    assertEquals(2, hold.getHistogram().getDataPointsCount());

    Metric delay = receiver.latestMetric("lockwatch.executor.queue.delay").orElseThrow();
    assertEquals("s", delay.getUnit());
    assertEquals(0.025, delay.getHistogram().getDataPoints(0).getSum(), 1e-9);
    assertEquals("order-pool",
        stringAttribute(delay.getHistogram().getDataPoints(0).getAttributesList(), "jvm.executor.name"));

    Metric findings = receiver.latestMetric("lockwatch.findings").orElseThrow();
    assertEquals("{finding}", findings.getUnit());
    assertTrue(findings.getSum().getIsMonotonic());
    assertTrue(hasPoint(findings, 1, p -> "LOCK_ORDER_CYCLE".equals(
        stringAttribute(p.getAttributesList(), "finding.type"))
        && "CRITICAL".equals(stringAttribute(p.getAttributesList(), "finding.severity"))));
    assertTrue(hasPoint(findings, 1, p -> "STALL".equals(
        stringAttribute(p.getAttributesList(), "finding.type"))));

    Metric submissions = receiver.latestMetric("lockwatch.executor.submissions.under_lock").orElseThrow();
    assertTrue(hasPoint(submissions, 1, p -> "order-pool".equals(
        stringAttribute(p.getAttributesList(), "jvm.executor.name"))));

    assertTrue(TestEvents.await(WAIT, () -> receiver.latestMetric("lockwatch.agent.table.overflows")
        .filter(m -> hasPoint(m, 3, p -> "locks".equals(
            stringAttribute(p.getAttributesList(), "lockwatch.table")))).isPresent()));
    Metric dropped = receiver.latestMetric("lockwatch.exporter.dropped").orElseThrow();
    assertTrue(hasPoint(dropped, 0, p -> "logs".equals(stringAttribute(p.getAttributesList(), "signal"))
        && "queue_full".equals(stringAttribute(p.getAttributesList(), "reason"))));

    Metric stalled = receiver.latestMetric("lockwatch.threads.stalled").orElseThrow();
    assertEquals("{thread}", stalled.getUnit());
    assertTrue(stalled.hasGauge());
  }

  private static boolean hasPoint(Metric metric, double value, Predicate<NumberDataPoint> match) {
    return metric.getSum().getDataPointsList().stream()
        .anyMatch(p -> match.test(p) && (p.hasAsDouble() ? p.getAsDouble() : p.getAsInt()) == value);
  }

  private List<LogRecord> records(String eventName) {
    return receiver.logRecords().stream().filter(r -> eventName.equals(r.getEventName()))
        .collect(Collectors.toList());
  }

  private static List<String> strings(List<KeyValue> attributes, String key) {
    AnyValue value = attribute(attributes, key).orElse(null);
    assertNotNull(value, key);
    return value.getArrayValue().getValuesList().stream().map(AnyValue::getStringValue)
        .collect(Collectors.toList());
  }
}
