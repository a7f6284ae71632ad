package io.lockwatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Registers the lockwatch event classes with JFR and makes sure a recording records them.
 *
 * <p>Policy:
 * <ul>
 *   <li>No {@code -XX:StartFlightRecording} on the command line: the agent starts its own disk
 *       recording "lockwatch" with {@code default} plus {@code lockwatch.jfc} at premain.</li>
 *   <li>The user started a recording: its events are the user's choice. If, once it runs, no
 *       running recording enables {@code lockwatch.LockOrder}, the agent adds a small recording
 *       "lockwatch" with only {@code lockwatch.jfc}, so the lockwatch events are still in the disk
 *       repository (and in any dump of the user's recording). On JDK 17 the JVM starts the user's
 *       recording after premain, so this check runs on a short-lived daemon thread.</li>
 *   <li>{@code recording=<file>} makes the agent's own recording write that file at exit.</li>
 * </ul>
 *
 * <p>JDK-8371889: the event classes are registered on the premain thread, before any transformer
 * exists, so that no application thread triggers their registration from inside a hook.
 */
final class RecordingSetup {
  /** The classpath resource with the lockwatch event settings. */
  static final String JFC_RESOURCE = "io/lockwatch/events/lockwatch.jfc";
  static final String RECORDING_NAME = "lockwatch";
  static final String MARKER_EVENT = "lockwatch.LockOrder";
  static final String[] EVENT_CLASSES = {
      "io.lockwatch.events.LockHoldEvent", "io.lockwatch.events.LockWaitEvent",
      "io.lockwatch.events.LockOrderEvent", "io.lockwatch.events.SelfDeadlockEvent",
      "io.lockwatch.events.ExecutorSubmitEvent", "io.lockwatch.events.TaskExecutionEvent",
      "io.lockwatch.events.BlockingWaitEvent", "io.lockwatch.events.InFlightEvent",
      "io.lockwatch.events.RuntimeHealthEvent", "io.lockwatch.events.DeclaredLockOrderEvent",
      "io.lockwatch.events.FindingEvent"};
  private static final long USER_RECORDING_WAIT_MILLIS = 30_000;

  private final AgentOptions options;
  private final Consumer<String> log;

  RecordingSetup(AgentOptions options, Consumer<String> log) {
    this.options = options;
    this.log = log;
  }

  /** Loads, initializes and registers every lockwatch event class on the calling thread. */
  static void registerEvents() throws ClassNotFoundException {
    for (String name : EVENT_CLASSES) {
      @SuppressWarnings("unchecked")
      Class<? extends jdk.jfr.Event> c =
          (Class<? extends jdk.jfr.Event>) Class.forName(name, true, null);
      FlightRecorder.register(c);
      EventType.getEventType(c);
    }
  }

  /** Starts the agent's recording now, or arranges for the check against the user's recording. */
  void start() throws IOException, ParseException {
    if (userStartsRecording()) {
      if (!addRecordingIfUserLacksEvents()) {
        Thread t = new Thread(this::awaitUserRecording, "lockwatch-recording-check");
        t.setDaemon(true);
        t.start();
      }
      return;
    }
    Map<String, String> settings = new LinkedHashMap<>(
        Configuration.getConfiguration("default").getSettings());
    settings.putAll(lockwatchSettings());
    startOwnRecording(settings);
  }

  private static boolean userStartsRecording() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String a : args) {
      if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:+StartFlightRecording")) {
        return true;
      }
    }
    return false;
  }

  private void awaitUserRecording() {
    try {
      long deadline = System.currentTimeMillis() + USER_RECORDING_WAIT_MILLIS;
      while (System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
        if (addRecordingIfUserLacksEvents()) {
          return;
        }
      }
      log.accept("the -XX:StartFlightRecording recording did not start within "
          + USER_RECORDING_WAIT_MILLIS / 1000 + " s; starting the lockwatch recording");
      startOwnRecording(lockwatchSettings());
    } catch (Throwable t) {
      log.accept("could not check the user's recording: " + t);
    }
  }

  /**
   * Returns false while no recording runs yet; otherwise makes sure the lockwatch events are
   * recorded and returns true.
   */
  private boolean addRecordingIfUserLacksEvents() throws IOException, ParseException {
    if (!FlightRecorder.isInitialized()) {
      return false;
    }
    boolean running = false;
    for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
      if (r.getState() != RecordingState.RUNNING) {
        continue;
      }
      running = true;
      if ("true".equals(r.getSettings().get(MARKER_EVENT + "#enabled"))) {
        if (options.recordingFile() != null) {
          startOwnRecording(lockwatchSettings());
        }
        return true;
      }
    }
    if (running) {
      startOwnRecording(lockwatchSettings());
    }
    return running;
  }

  private void startOwnRecording(Map<String, String> settings) throws IOException {
    Recording r = new Recording(settings);
    r.setName(RECORDING_NAME);
    r.setToDisk(true);
    long maxSize = options.maxSizeBytes();
    if (maxSize > 0) {
      r.setMaxSize(maxSize);
    }
    String file = options.recordingFile();
    if (file != null) {
      Path path = Paths.get(file).toAbsolutePath();
      r.setDestination(path);
      r.setDumpOnExit(true);
    }
    r.start();
    if (options.flag("verbose")) {
      log.accept("started recording '" + RECORDING_NAME + "'"
          + (file == null ? "" : " written to " + file + " at exit"));
    }
  }

  /** The lockwatch.jfc settings (or every lockwatch event enabled), with option overrides. */
  Map<String, String> lockwatchSettings() throws IOException, ParseException {
    Map<String, String> settings = new LinkedHashMap<>();
    InputStream in = ClassLoader.getSystemResourceAsStream(JFC_RESOURCE);
    if (in != null) {
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        settings.putAll(Configuration.create(reader).getSettings());
      }
    } else {
      for (String className : EVENT_CLASSES) {
        String event = "lockwatch." + className.substring(className.lastIndexOf('.') + 1)
            .replace("Event", "");
        settings.put(event + "#enabled", "true");
      }
    }
    override(settings, "lockwatch.LockHold#threshold", options.duration("hold-threshold"));
    override(settings, "lockwatch.LockWait#threshold", options.duration("wait-threshold"));
    override(settings, "lockwatch.BlockingWait#threshold", options.duration("blocking-threshold"));
    override(settings, "lockwatch.TaskExecution#threshold", options.duration("task-threshold"));
    override(settings, "lockwatch.InFlight#period", options.duration("inflight-period"));
    return settings;
  }

  private static void override(Map<String, String> settings, String key, Duration d) {
    if (d != null) {
      settings.put(key, d.toNanos() + " ns");
    }
  }
}
