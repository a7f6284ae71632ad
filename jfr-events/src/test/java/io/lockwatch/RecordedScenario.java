package io.lockwatch;

import io.lockwatch.events.LockwatchSettings;
import io.lockwatch.runtime.CoarseClock;
import io.lockwatch.runtime.RuntimeSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

/** A real in-process recording made with lockwatch.jfc (or another configuration) for tests. */
final class RecordedScenario implements AutoCloseable {
  private final Recording recording;
  private final Path dir;
  private Path file;

  private RecordedScenario(Configuration configuration) throws IOException {
    this.dir = Files.createTempDirectory("lockwatch-test");
    this.recording = new Recording(configuration);
    this.recording.setToDisk(true);
  }

  /** Starts a recording with the JDK default settings plus lockwatch.jfc. */
  static RecordedScenario start() throws Exception {
    Configuration lockwatch = LockwatchSettings.configuration();
    RecordedScenario r = new RecordedScenario(lockwatch);
    r.recording.start();
    awaitClockTicking();
    return r;
  }

  /**
   * Waits until the runtime is active and its coarse clock thread ticks. On a loaded machine the
   * ticker's first start can take tens of milliseconds; a scenario measured before that would see
   * a frozen clock.
   */
  static void awaitClockTicking() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!RuntimeSettings.isActive() && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    for (int ticks = 0; ticks < 3 && System.nanoTime() < deadline; ) {
      long before = CoarseClock.now();
      Thread.sleep(2);
      if (CoarseClock.now() != before) {
        ticks++;
      }
    }
  }

  /** Starts a recording with the given configuration only. */
  static RecordedScenario start(Configuration configuration) throws Exception {
    RecordedScenario r = new RecordedScenario(configuration);
    r.recording.start();
    return r;
  }

  /** Stops and dumps; returns every event. */
  List<RecordedEvent> stop() throws IOException {
    recording.stop();
    file = dir.resolve("recording.jfr");
    recording.dump(file);
    return RecordingFile.readAllEvents(file);
  }

  /** Dumps a copy of the running recording and returns its events matching {@code filter}. */
  List<RecordedEvent> peek(Predicate<RecordedEvent> filter) throws IOException {
    Path copy = Files.createTempFile(dir, "peek", ".jfr");
    recording.dump(copy);
    try {
      return RecordingFile.readAllEvents(copy).stream().filter(filter).collect(Collectors.toList());
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** Polls dumps of the running recording until an event matches, or fails after the timeout. */
  List<RecordedEvent> awaitEvents(Predicate<RecordedEvent> filter, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<RecordedEvent> found = peek(filter);
      if (!found.isEmpty()) {
        return found;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no matching event within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  /** Loads the dumped file with JMC's parser. */
  IItemCollection loadWithJmc() throws Exception {
    return JfrLoaderToolkit.loadEvents(new File(file.toString()));
  }

  static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name))
        .collect(Collectors.toList());
  }

  @Override
  public void close() throws IOException {
    recording.close();
    if (file != null) {
      Files.deleteIfExists(file);
    }
    Files.deleteIfExists(dir);
  }
}
