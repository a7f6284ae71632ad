package io.lockwatch.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.otel.TestEvents;
import io.lockwatch.otel.internal.LockwatchMetric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Binds {@link LockwatchMetrics} to a {@link SimpleMeterRegistry} and feeds it real JFR events. */
class LockwatchMetricsTest {

  @Test
  @Timeout(60)
  void registrySeesTheCatalogMetrics() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (LockwatchMetrics lockwatch = new LockwatchMetrics()) {
      // the stream starts first, as the exporter does in the other tests
      lockwatch.bindTo(registry);
      // Micrometer holds function-counter state weakly: the binder must keep it reachable
      System.gc();
      try (TestEvents events = new TestEvents()) {
        check(registry, events);
      }
    }
  }

  private static void check(SimpleMeterRegistry registry, TestEvents events) throws Exception {
    // the observed meters exist at once
    assertNotNull(registry.find(LockwatchMetric.THREADS_STALLED.metricName()).gauge());
    events.standardScenario();
    assertTrue(awaitTrue(() -> {
      Timer wait = registry.find("lockwatch.lock.wait").tag("lock.name", "orders").timer();
      Counter cycles = registry.find("lockwatch.findings")
          .tags("finding.type", "LOCK_ORDER_CYCLE", "finding.severity", "CRITICAL").counter();
      return wait != null && wait.count() == 3 && cycles != null && cycles.count() == 1
          && registry.find("lockwatch.executor.submissions.under_lock").counter() != null
          && registry.get("lockwatch.agent.table.overflows").tag("lockwatch.table", "locks")
              .functionCounter().count() == 3;
    }), () -> registry.getMetersAsString());

    Timer delay = registry.get("lockwatch.executor.queue.delay").tag("jvm.executor.name", "order-pool").timer();
    assertEquals(25, delay.totalTime(TimeUnit.MILLISECONDS), 1e-6);
    assertEquals(2, registry.find("lockwatch.lock.hold").timers().size());
    assertEquals(1, registry.get("lockwatch.executor.submissions.under_lock")
        .tag("jvm.executor.name", "order-pool").counter().count());
    FunctionCounter overflows = registry.get("lockwatch.agent.table.overflows")
        .tag("lockwatch.table", "locks").functionCounter();
    assertEquals(3, overflows.count());
    Gauge stalled = registry.get("lockwatch.threads.stalled").gauge();
    TestEvents.inFlightWait(99, Thread.currentThread(), Duration.ofSeconds(5));
    assertTrue(awaitTrue(() -> stalled.value() == 1), () -> "stalled " + stalled.value());
    assertEquals(LockwatchMetric.LOCK_WAIT.description(),
        registry.get("lockwatch.lock.wait").timer().getId().getDescription());
  }

  @Test
  void builderInvalidConfig() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LockwatchMetrics(0, Duration.ofSeconds(1)));
    assertEquals("topNames must be positive.", e.getMessage());
  }

  private static boolean awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
