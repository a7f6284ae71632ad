package io.lockwatch.otel;

import static io.lockwatch.otel.OtlpReceiver.stringAttribute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.metrics.v1.Metric;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stops the OTLP receiver in the middle of a run. The application (a busy loop taking a lock and
 * producing findings) never blocks, the drops are counted and exported when the receiver returns,
 * and findings made after it returns arrive. Throughput is not asserted here (no timing
 * assertions in unit tests); the progress of the producer in every second of the outage is.
 */
class OtlpOutageTest {
  /**
   * How long the receiver is down. The issue asks for 30 s; that run takes about 45 s alone and
   * over 70 s on a loaded machine, so the suite uses 10 s. Run the 30 s version with
   * {@code -Dlockwatch.test.outageSeconds=30}.
   */
  static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("lockwatch.test.outageSeconds", 10));
  private static final Duration BASELINE = Duration.ofSeconds(3);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int QUEUE_SIZE = 50;

  @Test
  @Timeout(90)
  @SuppressWarnings("try") // the resources only need closing
  void receiverDownForAWhile_producerNeverBlocks_dropsCounted_findingsResume() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(new TeeStream(originalErr, captured), true, StandardCharsets.UTF_8));
    GrpcOtlpReceiver receiver = new GrpcOtlpReceiver();
    receiver.start();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong iterations = new AtomicLong();
    AtomicLong findings = new AtomicLong();
    Thread producer = new Thread(() -> produce(running, iterations, findings), "lockwatch-test-producer");
    try (AutoCloseable exporter = LockwatchExporter.start(Map.of(
            "otlp-endpoint", receiver.endpoint(),
            "otlp-protocol", "grpc",
            "export-queue-size", String.valueOf(QUEUE_SIZE),
            "otel.blrp.schedule.delay", "100",
            "otel.metric.export.interval", "500",
            "otel.exporter.otlp.timeout", "5000"));
        TestEvents events = new TestEvents()) {
      producer.setDaemon(true);
      producer.start();
      assertTrue(TestEvents.await(WAIT, () -> !receiver.logRecords().isEmpty()), "first findings");

      // baseline throughput with the receiver up, reported next to the outage's (not asserted)
      long baselineStart = iterations.get();
      Thread.sleep(BASELINE.toMillis());
      double baselineRate = (iterations.get() - baselineStart) / (double) BASELINE.toSeconds();

      receiver.stop();
      List<Long> progress = new ArrayList<>();
      long outageEnd = System.nanoTime() + OUTAGE.toNanos();
      progress.add(iterations.get());
      while (System.nanoTime() - outageEnd < 0) {
        Thread.sleep(1000);
        progress.add(iterations.get());
      }
      for (int i = 1; i < progress.size(); i++) {
        assertTrue(progress.get(i) > progress.get(i - 1), () -> "producer stalled: " + progress);
      }
      receiver.start();
      long findingsAtRestart = findings.get();
      long restartNanos = System.nanoTime();
      long iterationsAtRestart = iterations.get();
      double outageRate = (progress.get(progress.size() - 1) - progress.get(0))
          / (double) (progress.size() - 1);

      // the queue may still be full of the outage's backlog: any finding made after the restart will do
      assertTrue(TestEvents.await(WAIT, () -> receiver.logRecords().stream().anyMatch(r ->
          findingNumber(r) >= findingsAtRestart)),
          () -> "a finding made after the outage arrives; received " + receiver.logRecords().size()
              + " records, last " + lastIds(receiver));
      assertTrue(TestEvents.await(WAIT, () -> droppedQueueFull(receiver) > 0),
          "queue-full drops are exported after the outage");
      double afterRate = (iterations.get() - iterationsAtRestart)
          / ((System.nanoTime() - restartNanos) / 1e9);
      System.out.printf("lockwatch outage test: producer iterations/s: %.0f before (includes JIT "
          + "warm-up), %.0f during the %d s outage, %.0f after%n",
          baselineRate, outageRate, OUTAGE.toSeconds(), afterRate);
    } finally {
      running.set(false);
      producer.join(5_000);
      receiver.stop();
      System.setErr(originalErr);
    }
    String err = captured.toString(StandardCharsets.UTF_8);
    // one line per signal when export starts failing (a slow first export on a loaded machine may
    // add one more), never one per batch
    assertTrue(count(err, "WARN lockwatch exporter: OTLP logs") <= 2, err);
    assertTrue(count(err, "WARN lockwatch exporter: OTLP metrics") <= 2, err);
    assertTrue(err.contains("failed (ConnectException: Connection refused)"), err);
    assertTrue(err.contains("INFO lockwatch exporter: OTLP export to " + receiver.endpoint() + " recovered"), err);
    assertEquals(0, count(err, "\tat "), "no stack traces: " + err);
  }

  private static void produce(AtomicBoolean running, AtomicLong iterations, AtomicLong findings) {
    ReentrantLock lock = new ReentrantLock();
    long next = System.nanoTime();
    while (running.get()) {
      lock.lock();
      try {
        iterations.incrementAndGet();
      } finally {
        lock.unlock();
      }
      if (System.nanoTime() - next >= 0) {
        next = System.nanoTime() + 50_000_000;
        TestEvents.lockHold("orders");
        TestEvents.finding("f-" + findings.getAndIncrement(), "LONG_HOLD", "WARNING", "new", 0, 1, "producer", 2,
            "orders", "java.util.concurrent.locks.ReentrantLock", null, null, TestEvents.STACK_A, null);
      }
    }
  }

  private static long findingNumber(io.opentelemetry.proto.logs.v1.LogRecord record) {
    String id = stringAttribute(record.getAttributesList(), "lockwatch.finding.id");
    return id != null && id.startsWith("f-") ? Long.parseLong(id.substring(2)) : -1;
  }

  private static List<String> lastIds(OtlpReceiver receiver) {
    List<String> ids = new ArrayList<>();
    for (var record : receiver.logRecords()) {
      ids.add(stringAttribute(record.getAttributesList(), "lockwatch.finding.id"));
    }
    return ids.subList(Math.max(0, ids.size() - 10), ids.size());
  }

  private static double droppedQueueFull(OtlpReceiver receiver) {
    Metric dropped = receiver.latestMetric("lockwatch.exporter.dropped").orElse(null);
    if (dropped == null) {
      return 0;
    }
    return dropped.getSum().getDataPointsList().stream()
        .filter(p -> "queue_full".equals(stringAttribute(p.getAttributesList(), "reason")))
        .mapToDouble(p -> p.getAsDouble()).sum();
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }

  private static final class TeeStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
