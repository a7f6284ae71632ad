package io.lockwatch.agent;

import io.lockwatch.analyzer.source.InProcessAnalyzer;
import io.lockwatch.otel.LockwatchExporter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Orders the agent's services at JVM exit, in one shutdown hook ({@code lockwatch-exit-flush}):
 * first the analyzer drains (its own exit hook lets the stream analyze the application's last
 * events, at most {@link #ANALYZER_DRAIN}), then the exporter exports what is left, the findings
 * of that drain included, and flushes its OTLP exporters, at most {@link #EXPORT_BUDGET} (waiting
 * for an exporter still starting counts against it).
 *
 * <p>Bounded and fail-open: the hook never waits longer than the two bounds together, an
 * unreachable collector included (export threads are daemons and are abandoned), and a failure
 * prints one line.
 */
final class ExitFlush {
  /** The longest wait for the analyzer's exit drain (its own bound is 4 s). */
  static final Duration ANALYZER_DRAIN = Duration.ofMillis(4_500);
  /** The longest time the exporter gets at exit, after the analyzer drained. */
  static final Duration EXPORT_BUDGET = Duration.ofSeconds(3);

  private final InProcessAnalyzer analyzer; // null when off
  private final Consumer<String> log;
  private final CountDownLatch exporterStarted = new CountDownLatch(1);
  private volatile LockwatchExporter exporter; // null until started

  /**
   * @param analyzer the running analyzer, or {@code null} when it is off
   * @param log receives one line per problem, not {@code null}
   */
  ExitFlush(InProcessAnalyzer analyzer, Consumer<String> log) {
    this.analyzer = analyzer;
    this.log = log;
  }

  /** Installs the hook. */
  void install() {
    Thread hook = new Thread(this::runBounded, "lockwatch-exit-flush");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The hook: does the work on a daemon thread and waits for it at most the two bounds (plus a
   * little), so that nothing it calls (JFR, the SDK) can hold the exit longer.
   */
  private void runBounded() {
    Thread worker = new Thread(this::run, "lockwatch-exit-flush-worker");
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(ANALYZER_DRAIN.plus(EXPORT_BUDGET).toMillis() + 500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** @param started the exporter, or {@code null} when it failed to start */
  void exporterStarted(LockwatchExporter started) {
    exporter = started;
    exporterStarted.countDown();
  }

  private void run() {
    try {
      if (analyzer != null) {
        analyzer.awaitExitDrain(ANALYZER_DRAIN);
      }
      long deadline = System.nanoTime() + EXPORT_BUDGET.toNanos();
      if (!exporterStarted.await(EXPORT_BUDGET.toMillis(), TimeUnit.MILLISECONDS)) {
        return; // still starting: nothing was exported yet, and exit must not wait for it
      }
      LockwatchExporter e = exporter;
      if (e != null) {
        e.closeAtExit(Duration.ofNanos(Math.max(1_000_000L, deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      log.accept("exporter flush at exit failed: " + t);
    }
  }

  @Override
  public String toString() {
    return "ExitFlush{analyzerDrain=" + ANALYZER_DRAIN + ", exportBudget=" + EXPORT_BUDGET + "}";
  }
}
