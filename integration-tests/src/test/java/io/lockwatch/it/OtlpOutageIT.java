package io.lockwatch.it;

import static io.lockwatch.it.ExportedTelemetry.assertFinding;
import static io.lockwatch.it.ExportedTelemetry.await;
import static io.lockwatch.otel.testing.OtlpReceiver.stringAttribute;
import static io.lockwatch.otel.testing.OtlpReceiver.stringsAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.testing.JvmFork;
import io.lockwatch.otel.testing.OtlpReceiver;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The OTLP receiver stops for 30 s in the middle of a run of {@link ExportLoadProgram} under the
 * agent (OTLP/gRPC). The program measures its own throughput every second; the test checks that
 * it stays within noise while the collector is down (at least half of the rate before: a generous
 * bound, the machine is shared), that the exporter counts the records it drops and exports that
 * count once the receiver is back, that findings made after the outage arrive, and that the
 * outage costs one line per signal on stderr, not a stack trace per batch.
 *
 * <p>It also checks that a finding made before the exporter's stream started (the program's
 * first inversion, {@code early-a}/{@code early-b}) is exported.
 */
class OtlpOutageIT {
  /** How long the receiver is down; {@code -Dlockwatch.test.outageSeconds} overrides it locally. */
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("lockwatch.test.outageSeconds", 30));
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(5);
  private static final double MIN_RATE_RATIO = 0.5;
  private static final int QUEUE_SIZE = 20;

  @Test
  void receiverDownFor30s_throughputHolds_dropsCounted_findingsResume() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.create("grpc")) {
      receiver.start();
      Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", "otlp-outage").toAbsolutePath();
      JvmFork.Builder builder = JvmFork.builder()
          .setClasspath(ForkedJdk.testClasses() + File.pathSeparator + ForkedJdk.examplesJar())
          .setMainClass(ExportLoadProgram.class.getName())
          .addArgs(String.valueOf(OUTAGE.toSeconds() + 60))
          .setTimeout(OUTAGE.plusSeconds(120))
          .addJvmArgs("-Dotel.metric.export.interval=500", "-Dotel.blrp.schedule.delay=100",
              "-Dotel.exporter.otlp.timeout=5000");
      try (AgentRun run = AgentRun.start(dir, builder, ",otlp-endpoint=" + receiver.endpoint()
          + ",otlp-protocol=grpc,export-queue-size=" + QUEUE_SIZE + ",service-name="
          + "lockwatch-outage-it")) {
        assertTrue(run.awaitMarker(Duration.ofSeconds(60), MarkerLine.READY).isPresent(),
            "no READY" + run.describe());
        // the inversion made before the exporter's stream started is exported too
        await(run, receiver, "the early LOCK_ORDER_CYCLE", () ->
            cycles(receiver).stream().anyMatch(r -> stringsAttribute(r.getAttributesList(),
                "lockwatch.lock.names").contains("early-a")));
        assertFinding(cycles(receiver).get(cycles(receiver).size() - 1), "LOCK_ORDER_CYCLE",
            ExportLoadProgram.class.getName());
        // warm-up (the JIT compiles the exporter, the SDK and the analyzer on the same cores),
        // then the rate before the outage
        Thread.sleep(WARM_UP.toMillis() + MEASURE.toMillis());

        long outageStart = System.currentTimeMillis();
        receiver.stop();
        Thread.sleep(OUTAGE.toMillis());
        receiver.start();
        long outageEnd = System.currentTimeMillis();
        int recordsAtRestart = receiver.logRecords().size();

        await(run, receiver, "a finding made after the outage", () ->
            cycles(receiver).stream().anyMatch(r -> TimeUnit.NANOSECONDS.toMillis(
                r.getTimeUnixNano()) > outageEnd));
        await(run, receiver, "lockwatch.exporter.dropped{reason=queue_full} > 0",
            () -> droppedQueueFull(receiver) > 0);
        long afterEnd = outageEnd + 1_000 + MEASURE.toMillis();
        Thread.sleep(Math.max(0, afterEnd - System.currentTimeMillis() + 1_500));

        List<long[]> rates = rates(run.fork().output());
        double before = median(rates, outageStart - MEASURE.toMillis(), outageStart);
        double during = median(rates, outageStart + 1_000, outageEnd);
        double after = median(rates, outageEnd + 1_000, afterEnd);
        String numbers = String.format("OtlpOutageIT (JDK %d): operations/s (median of the "
            + "program's per-second counts) %.0f before, %.0f during the %d s outage (%.0f%%), "
            + "%.0f after (%.0f%%); %d queue_full drops exported; %d records received after the restart",
            ForkedJdk.feature(), before, during, OUTAGE.toSeconds(), 100 * during / before, after,
            100 * after / before, (long) droppedQueueFull(receiver),
            receiver.logRecords().size() - recordsAtRestart);
        System.out.println(numbers);
        System.out.println("OtlpOutageIT: per-second counts (s since the outage started: ops): "
            + rates.stream().map(r -> (r[0] - outageStart) / 1000 + ":" + r[1]).toList());
        assertTrue(before > 0 && during >= MIN_RATE_RATIO * before,
            numbers + "\nrates: " + rates.stream().map(r -> r[0] + ":" + r[1]).toList()
                + run.describe());

        String out = run.fork().output().stream()
            .filter(line -> line.contains("lockwatch exporter") || line.startsWith("\tat "))
            .collect(Collectors.joining("\n"));
        // one line per signal when export starts failing (a slow first export on a loaded machine
        // may add one more), never one per batch; one when it recovers; no stack traces
        assertTrue(count(out, "WARN lockwatch exporter: OTLP logs") <= 2, out);
        assertTrue(count(out, "WARN lockwatch exporter: OTLP metrics") <= 2, out);
        assertTrue(out.contains("failed (ConnectException"), out);
        assertTrue(out.contains("INFO lockwatch exporter: OTLP export to " + receiver.endpoint()
            + " recovered"), out);
        assertEquals(0, count(out, "\tat "), () -> "no stack traces:\n" + out);
      }
    }
  }

  private static List<LogRecord> cycles(OtlpReceiver receiver) {
    return receiver.logRecords("lockwatch.lock_order_cycle");
  }

  private static double droppedQueueFull(OtlpReceiver receiver) {
    Metric dropped = receiver.latestMetric("lockwatch.exporter.dropped").orElse(null);
    if (dropped == null) {
      return 0;
    }
    return dropped.getSum().getDataPointsList().stream()
        .filter(p -> "logs".equals(stringAttribute(p.getAttributesList(), "signal"))
            && "queue_full".equals(stringAttribute(p.getAttributesList(), "reason")))
        .mapToDouble(ExportedTelemetry::value).sum();
  }

  /** @return {@code [epochMillis, operations]} of every {@code RATE} line */
  private static List<long[]> rates(List<String> output) {
    List<long[]> rates = new ArrayList<>();
    for (String line : output) {
      String[] parts = line.split(" ");
      if (parts.length == 3 && parts[0].equals(ExportLoadProgram.RATE)) {
        rates.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
      }
    }
    return rates;
  }

  /** @return the median of the per-second counts printed in {@code (fromMillis, toMillis]} */
  private static double median(List<long[]> rates, long fromMillis, long toMillis) {
    List<Long> values = new ArrayList<>();
    for (long[] r : rates) {
      if (r[0] > fromMillis && r[0] <= toMillis) {
        values.add(r[1]);
      }
    }
    if (values.isEmpty()) {
      return 0;
    }
    values.sort(null);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
