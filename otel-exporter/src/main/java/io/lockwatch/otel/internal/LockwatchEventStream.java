package io.lockwatch.otel.internal;

import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * The in-process JFR stream the exporter reads: a {@link RecordingStream} that enables the
 * Lockwatch events (with their default thresholds) and dispatches them on its own daemon thread
 * ({@code lockwatch-exporter-stream}).
 *
 * <p>Replay: the stream starts at the JVM's start (at most {@link #MAX_REPLAY} back), not at its
 * own start, so the findings and metric events recorded before it came up (by the agent's
 * recording, while the exporter was still starting) are exported too. Without another recording
 * there is nothing older in the repository and it starts where it is.
 *
 * <p>Dispatch policy: every handler runs behind a guard that counts and throttles errors, so one
 * bad event never stops the stream. Handlers only update in-memory state or hand records to the
 * SDK's bounded queues; nothing here touches the network.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class LockwatchEventStream implements AutoCloseable {
  private static final Duration MAX_AGE = Duration.ofSeconds(30);
  /** How far back the stream starts at most (a late start does not parse a long history). */
  static final Duration MAX_REPLAY = Duration.ofMinutes(2);

  private final RecordingStream stream;
  private final ThrottledErrorLog errors = new ThrottledErrorLog("lockwatch exporter");
  private final Object progress = new Object();
  private long flushes; // guarded by progress
  private boolean closed; // guarded by progress

  private LockwatchEventStream(RecordingStream stream) {
    this.stream = stream;
  }

  /**
   * Opens the stream and starts it asynchronously.
   *
   * @param metrics receives metric events, not {@code null}
   * @param findings receives finding events for logs; {@code null} when logs are not exported
   * @return the running stream, not {@code null}
   */
  public static LockwatchEventStream start(EventMetrics metrics, FindingAssembler findings) {
    RecordingStream stream = new RecordingStream();
    LockwatchEventStream result = new LockwatchEventStream(stream);
    try {
      stream.setMaxAge(MAX_AGE);
      stream.setReuse(true);
      stream.setStartTime(replayFrom(Instant.now()));
      for (String name : new String[] {FindingEvent.NAME, LockHoldEvent.NAME, LockWaitEvent.NAME,
          TaskExecutionEvent.NAME, ExecutorSubmitEvent.NAME, InFlightEvent.NAME,
          RuntimeHealthEvent.NAME}) {
        stream.enable(name);
      }
      result.on(LockHoldEvent.NAME, metrics::onLockHold);
      result.on(LockWaitEvent.NAME, metrics::onLockWait);
      result.on(TaskExecutionEvent.NAME, metrics::onTaskExecution);
      result.on(ExecutorSubmitEvent.NAME, metrics::onExecutorSubmit);
      result.on(InFlightEvent.NAME, metrics::onInFlight);
      result.on(RuntimeHealthEvent.NAME, metrics::onRuntimeHealth);
      result.on(FindingEvent.NAME, metrics::onFinding);
      if (findings != null) {
        result.on(FindingEvent.NAME, event -> findings.onFinding(event, System.nanoTime()));
        stream.onFlush(() -> result.guard(() -> findings.expire(System.nanoTime())));
      }
      stream.onFlush(result::flushed);
      stream.onClose(result::closed);
      // not startAsync(): its thread is not a daemon and would keep the application's JVM alive
      Thread thread = new Thread(() -> {
        try {
          stream.start();
        } catch (Throwable t) {
          result.errors.log("JFR stream stopped", t);
        }
      }, "lockwatch-exporter-stream");
      thread.setDaemon(true);
      if (jvmExiting()) {
        // Started during JVM exit (the exporter came up late): after JFR's shutdown hook, starting
        // a recording blocks for ever in JVM.beginRecording holding the recorder's lock, which
        // would hang every later JFR call. The findings of the run still arrive through
        // OtelPipeline.findingReported.
        stream.close();
        result.closed();
        return result;
      }
      thread.start();
      return result;
    } catch (RuntimeException | Error e) {
      stream.close();
      throw e;
    }
  }

  /**
   * @param now the current time, not {@code null}
   * @return when this JVM started, or {@link #MAX_REPLAY} before {@code now} if that is later or
   *     the start is unknown
   */
  static Instant replayFrom(Instant now) {
    Instant earliest = now.minus(MAX_REPLAY);
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(earliest);
    return jvmStart.isAfter(earliest) ? jvmStart : earliest;
  }

  /** @return whether the JVM has begun to exit (shutdown hooks are running) */
  static boolean jvmExiting() {
    Thread probe = new Thread(() -> { }, "lockwatch-exit-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    } catch (SecurityException e) {
      return false;
    }
  }

  private void flushed() {
    synchronized (progress) {
      flushes++;
      progress.notifyAll();
    }
  }

  private void closed() {
    synchronized (progress) {
      closed = true;
      progress.notifyAll();
    }
  }

  /**
   * Waits until the stream has dispatched what was recorded before this call: one more flush, or
   * its end (JFR closes the stream at JVM exit after the last chunk).
   *
   * @param millis how long to wait at most
   * @return whether a flush or the close came in time
   */
  public boolean awaitFlushOrClose(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    synchronized (progress) {
      long target = flushes + 1;
      try {
        while (flushes < target && !closed) {
          long left = (deadline - System.nanoTime()) / 1_000_000L;
          if (left <= 0) {
            return false;
          }
          progress.wait(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return true;
    }
  }

  private void on(String eventName, Consumer<RecordedEvent> handler) {
    stream.onEvent(eventName, event -> guard(() -> handler.accept(event)));
  }

  private void guard(Runnable action) {
    try {
      action.run();
    } catch (Throwable t) {
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      errors.log("event handler failed", t);
    }
  }

  @Override
  public void close() {
    stream.close();
  }

  @Override
  public String toString() {
    return "LockwatchEventStream{maxAge=" + MAX_AGE + ", maxReplay=" + MAX_REPLAY + "}";
  }
}
