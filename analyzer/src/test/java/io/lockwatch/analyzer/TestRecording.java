package io.lockwatch.analyzer;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.source.FileAnalysis;
import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;

/**
 * A real JFR recording of synthetic Lockwatch events, committed by the test itself (no mocks), and
 * helpers that commit the events the runtime would write.
 */
final class TestRecording implements AutoCloseable {
  private final Recording recording = new Recording();

  TestRecording() {
    for (String name : List.of(LockOrderEvent.NAME, LockHoldEvent.NAME, LockWaitEvent.NAME,
        BlockingWaitEvent.NAME, InFlightEvent.NAME, SelfDeadlockEvent.NAME,
        DeclaredLockOrderEvent.NAME, TaskExecutionEvent.NAME, ExecutorSubmitEvent.NAME,
        "jdk.ThreadSleep")) {
      recording.enable(name).withStackTrace().withThreshold(Duration.ZERO);
    }
    recording.start();
  }

  /** Stops and writes the recording to a file in {@code dir}. */
  Path dump(Path dir, String name) throws IOException {
    recording.stop();
    Path p = dir.resolve(name);
    recording.dump(p);
    return p;
  }

  @Override
  public void close() {
    recording.close();
  }

  /** Runs {@code r} on a new thread with this name, and waits for it. */
  static void onThread(String name, Runnable r) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        r.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, name);
    t.start();
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  static void order(long held, String heldName, long acquired, String acquiredName, String heldIds,
      String heldMode, String acquiredMode) {
    LockOrderEvent e = new LockOrderEvent();
    e.heldLockId = held;
    e.heldLockClass = Object.class;
    e.heldLockName = heldName;
    e.heldMode = heldMode;
    e.acquiredLockId = acquired;
    e.acquiredLockClass = Object.class;
    e.acquiredLockName = acquiredName;
    e.acquiredMode = acquiredMode;
    e.heldLockIds = heldIds;
    e.commit();
  }

  static void order(long held, String heldName, long acquired, String acquiredName) {
    order(held, heldName, acquired, acquiredName, Long.toString(held), "monitor", "monitor");
  }

  static InFlightEvent inFlight(long snapshot, String state, Thread thread, long ageMillis) {
    InFlightEvent e = new InFlightEvent();
    e.snapshotId = snapshot;
    e.state = state;
    e.thread = thread;
    e.age = ageMillis * 1_000_000L;
    e.mode = "exclusive";
    e.waitKind = "";
    e.executorName = "";
    e.heldLockIds = "";
    e.heldLocks = "";
    e.lockName = "";
    e.threadStack = "com.example.App.work:10\ncom.example.App.main:3";
    e.ownerStack = "";
    return e;
  }

  static Thread parked(String name) {
    Thread t = new Thread(() -> { }, name);
    return t;
  }

  /** Analyzes files and returns the findings. */
  static List<Finding> analyze(AnalyzerOptions.Builder options, Path... files) {
    LockwatchAnalyzer a = options.build().newAnalyzer();
    List<String> errors = FileAnalysis.analyze(a, List.of(files));
    if (!errors.isEmpty()) {
      throw new AssertionError(errors);
    }
    return a.findings();
  }

  static List<Finding> analyze(Path... files) {
    return analyze(AnalyzerOptions.builder(), files);
  }

  static List<Finding> ofType(List<Finding> findings, FindingType type) {
    return findings.stream().filter(f -> f.type() == type).toList();
  }

  static Path tempDir() throws IOException {
    return Files.createTempDirectory("lockwatch-analyzer-test");
  }
}
