package io.lockwatch.analyzer.source;

import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.FindingEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.time.Duration;
import java.util.function.Function;
import jdk.jfr.EventSettings;

/** The events a live stream enables for the analyzer, with lockwatch.jfc's thresholds. */
final class StreamSettings {
  private StreamSettings() {}

  static void enable(Function<String, EventSettings> enable) {
    enable.apply(LockOrderEvent.NAME).withStackTrace();
    enable.apply(SelfDeadlockEvent.NAME).withStackTrace();
    enable.apply(DeclaredLockOrderEvent.NAME);
    enable.apply(ExecutorSubmitEvent.NAME).withStackTrace();
    enable.apply(FindingEvent.NAME);
    enable.apply(LockHoldEvent.NAME).withStackTrace().withThreshold(Duration.ofMillis(10));
    enable.apply(LockWaitEvent.NAME).withStackTrace().withThreshold(Duration.ofMillis(10));
    enable.apply(BlockingWaitEvent.NAME).withStackTrace().withThreshold(Duration.ofMillis(1));
    enable.apply(TaskExecutionEvent.NAME).withThreshold(Duration.ofMillis(10));
    enable.apply(InFlightEvent.NAME).withPeriod(Duration.ofSeconds(1));
    enable.apply("jdk.VirtualThreadPinned").withStackTrace().withThreshold(Duration.ofMillis(20));
    enable.apply("jdk.SocketRead").withStackTrace().withThreshold(Duration.ofMillis(20));
    enable.apply("jdk.FileRead").withStackTrace().withThreshold(Duration.ofMillis(20));
    enable.apply("jdk.ThreadSleep").withStackTrace().withThreshold(Duration.ofMillis(20));
  }
}
