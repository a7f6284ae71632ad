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

/**
 * Registers the lockwatch event classes with JFR and makes sure a recording records them.
 *
 * <p>Policy:
 * <ul>
 *   <li>No {@code -XX:StartFlightRecording} on the command line: the agent starts its own disk
 *       recording "lockwatch" with {@code default} plus {@code lockwatch.jfc} at premain.</li>
 *   <li>{@code -XX:StartFlightRecording} whose options do not mention {@code lockwatch} (e.g.
 *       {@code settings=default} only): the agent adds a small recording "lockwatch" with only
 *       {@code lockwatch.jfc} at premain, so the lockwatch events are in the shared disk
 *       repository and therefore in the user's recording file too. On JDK 17 the JVM starts the
 *       user's recording after premain, so its settings cannot be read at premain: the option
 *       text decides.</li>
 *   <li>The user's options name a lockwatch.jfc: nothing to add.</li>
 *   <li>{@code recording=<file>} makes the agent's own recording write that file at exit.</li>
 *   <li>{@code start-recording=false}: the agent starts no recording at all.</li>
 * </ul>
 *
 * <p>JDK-8371889: the event classes are registered on the premain thread, before any transformer
 * exists, so that no application thread triggers their registration from inside a hook.
 */
final class RecordingSetup {
  /** The classpath resource with the lockwatch event settings. */
  static final String JFC_RESOURCE = "io/lockwatch/events/lockwatch.jfc";
  static final String RECORDING_NAME = "lockwatch";
  static final String[] EVENT_CLASSES = {
      "io.lockwatch.events.LockHoldEvent", "io.lockwatch.events.LockWaitEvent",
      "io.lockwatch.events.LockOrderEvent", "io.lockwatch.events.SelfDeadlockEvent",
      "io.lockwatch.events.ExecutorSubmitEvent", "io.lockwatch.events.TaskExecutionEvent",
      "io.lockwatch.events.BlockingWaitEvent", "io.lockwatch.events.InFlightEvent",
      "io.lockwatch.events.RuntimeHealthEvent", "io.lockwatch.events.DeclaredLockOrderEvent",
      "io.lockwatch.events.FindingEvent"};

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

  /** Starts the agent's recording now, unless the user's recording already covers the events. */
  void start() throws IOException, ParseException {
    if (!options.flag("start-recording")) {
      return; // the user's own recordings, with lockwatch.jfc, decide what is recorded
    }
    String userRecording = userRecordingOption();
    if (userRecording == null) {
      Map<String, String> settings = new LinkedHashMap<>(
          Configuration.getConfiguration("default").getSettings());
      settings.putAll(lockwatchSettings());
      startOwnRecording(settings);
    } else if (!usesLockwatchSettings(userRecording) || options.recordingFile() != null) {
      // On JDK 17 the JVM starts the user's recording only after premain, so its settings
      // cannot be read here; its option text says whether it uses lockwatch.jfc.
      startOwnRecording(lockwatchSettings());
    }
  }

  /** Whether a {@code -XX:StartFlightRecording} option has a {@code settings=} naming lockwatch. */
  static boolean usesLockwatchSettings(String option) {
    String name = "StartFlightRecording";
    int start = option.indexOf(name) + name.length(); // then ':' or '=' and the options
    if (start >= option.length()) {
      return false;
    }
    for (String part : option.substring(start + 1).split(",")) {
      if (part.startsWith("settings=") && part.contains("lockwatch")) {
        return true;
      }
    }
    return false;
  }

  /** Returns the {@code -XX:StartFlightRecording} option, or {@code null} if there is none. */
  private static String userRecordingOption() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    for (String a : args) {
      if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:+StartFlightRecording")) {
        return a;
      }
    }
    return null;
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
