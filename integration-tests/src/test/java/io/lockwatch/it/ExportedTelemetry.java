package io.lockwatch.it;

import static io.lockwatch.otel.testing.OtlpReceiver.attribute;
import static io.lockwatch.otel.testing.OtlpReceiver.stringAttribute;
import static io.lockwatch.otel.testing.OtlpReceiver.stringsAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.otel.testing.OtlpReceiver;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** What an agent run exported to an {@link OtlpReceiver}: polling for it and checking it. */
final class ExportedTelemetry {
  private static final Duration WAIT = Duration.ofSeconds(40);

  private ExportedTelemetry() {}

  /**
   * Checks what every exported finding carries.
   *
   * @param frameClass a class whose frame the stacks must show; {@code null}: no stacks expected
   */
  static void assertFinding(LogRecord record, String type, String frameClass) {
    List<KeyValue> attributes = record.getAttributesList();
    assertEquals("lockwatch." + type.toLowerCase(Locale.ROOT), record.getEventName());
    assertEquals(type, stringAttribute(attributes, "lockwatch.finding.type"), record::toString);
    String id = stringAttribute(attributes, "lockwatch.finding.id");
    assertTrue(id != null && !id.isEmpty(), record::toString);
    assertFalse(record.getBody().getStringValue().isEmpty(), record::toString);
    assertTrue(record.getTimeUnixNano() > 0, record::toString);
    String severity = record.getSeverityText();
    assertTrue(List.of("CRITICAL", "WARNING", "INFO").contains(severity), record::toString);
    if ("new".equals(stringAttribute(attributes, "lockwatch.finding.status"))) {
      assertEquals(severity.equals("CRITICAL") ? SeverityNumber.SEVERITY_NUMBER_ERROR
          : severity.equals("WARNING") ? SeverityNumber.SEVERITY_NUMBER_WARN
          : SeverityNumber.SEVERITY_NUMBER_INFO, record.getSeverityNumber(), record::toString);
    }
    String thread = stringAttribute(attributes, "thread.name");
    assertTrue(thread != null && !thread.isEmpty(), record::toString);
    assertTrue(attribute(attributes, "thread.id").orElseThrow().getIntValue() > 0, record::toString);
    assertTrue(stringsAttribute(attributes, "lockwatch.thread.names").contains(thread),
        record::toString);
    assertFalse(stringsAttribute(attributes, "lockwatch.lock.names").isEmpty(), record::toString);
    if (frameClass != null) {
      String stacks = stringAttribute(attributes, "code.stacktrace");
      assertTrue(stacks != null && stacks.startsWith("--- part ")
          && stacks.contains(frameClass), record::toString);
    }
  }

  /**
   * Waits for a finding whose stacks show a frame of {@code frameClass}, then checks every finding
   * that has stacks. (A finding made from the watchdog's first {@code lockwatch.InFlight} snapshot
   * of a wait younger than 1 s has no stacks: the watchdog adds stacks only from
   * {@code InFlightWatchdog.STACK_AGE_NANOS}; this depends on the snapshot timer's phase, on JDK 17
   * and 25 alike. So no particular finding is required to have them.)
   */
  static void assertStacksExported(AgentRun run, OtlpReceiver receiver, String frameClass)
      throws InterruptedException {
    await(run, receiver, "a finding with stacks of " + frameClass, () ->
        receiver.logRecords().stream().anyMatch(r -> {
          String stacks = stringAttribute(r.getAttributesList(), "code.stacktrace");
          return stacks != null && stacks.contains(frameClass);
        }));
    for (LogRecord r : receiver.logRecords()) {
      if (stringAttribute(r.getAttributesList(), "code.stacktrace") != null) {
        assertFinding(r, stringAttribute(r.getAttributesList(), "lockwatch.finding.type"),
            frameClass);
      }
    }
  }

  static List<String> statuses(OtlpReceiver receiver, String eventName) {
    return receiver.logRecords(eventName).stream()
        .map(r -> stringAttribute(r.getAttributesList(), "lockwatch.finding.status"))
        .collect(Collectors.toList());
  }

  static boolean counterPoint(OtlpReceiver receiver, String metric, String key, String value) {
    return receiver.latestMetric(metric).filter(m -> hasPoint(m, p -> value.equals(
        stringAttribute(p.getAttributesList(), key)) && value(p) >= 1)).isPresent();
  }

  static boolean histogramPoint(OtlpReceiver receiver, String metric, String key,
      String value, double minSumSeconds) {
    return receiver.latestMetric(metric).filter(m -> m.getHistogram().getDataPointsList().stream()
        .anyMatch((HistogramDataPoint p) -> value.equals(stringAttribute(p.getAttributesList(), key))
            && p.getCount() >= 1 && p.getSum() >= minSumSeconds)).isPresent();
  }

  static boolean hasPoint(Metric metric, Predicate<NumberDataPoint> match) {
    return metric.getSum().getDataPointsList().stream().anyMatch(match);
  }

  static double value(NumberDataPoint p) {
    return p.hasAsDouble() ? p.getAsDouble() : p.getAsInt();
  }

  /** Polls until the condition holds; fails with the fork's output and what the receiver got. */
  static void await(AgentRun run, OtlpReceiver receiver, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not received within " + WAIT.toSeconds() + " s: " + what
            + "\n--- receiver: " + receiver + ", events: " + receiver.logRecords().stream()
                .map(r -> r.getEventName() + "/" + stringAttribute(r.getAttributesList(),
                    "lockwatch.finding.status")).collect(Collectors.toList())
            + run.describe());
      }
      Thread.sleep(100);
    }
  }
}
