package io.lockwatch.runtime;

import io.lockwatch.events.BlockingWaitEvent;
import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.ExecutorSubmitEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import io.lockwatch.events.SelfDeadlockEvent;
import io.lockwatch.events.TaskExecutionEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * The effective enabled flag and threshold of every Lockwatch event type, computed from the
 * running recordings. This class is internal.
 *
 * <p>Sources: a {@link FlightRecorderListener} (recording started/stopped) and a refresh about
 * every second by the watchdog thread. For each event type the threshold is the minimum over the
 * running recordings that enable it ({@code lockwatch.LockHold#enabled}, {@code #threshold} in
 * {@link Recording#getSettings()}), falling back to the event's {@code @Threshold} default.
 * {@link FlightRecorder#getFlightRecorder()} is only called once JFR is initialized, so loading
 * Lockwatch never starts JFR.
 *
 * <p>The hot paths read {@link #active} (one volatile read, a plain load on x86) and the
 * {@code *GateNanos} fields (plain reads; a stale gate for a few microseconds after a change is
 * harmless). A gate is {@code threshold - CoarseClock.SLACK_NANOS}, or {@code Long.MAX_VALUE} when
 * the event is disabled.
 */
public final class RuntimeSettings {
  /** Whether any recording enables any Lockwatch event that needs lock tracking. */
  static volatile boolean active;
  /** Incremented whenever {@link #active} turns true; stale per-thread state is reset. */
  static volatile int epoch;
  /**
   * A token that is never 0 while active, 0 while not, and new after every change of {@link
   * #epoch} and every watchdog pass ({@link #nextPass}): beforeAcquire tests "active, and this
   * thread's state is up to date" with one volatile read and one compare against {@code
   * ThreadLockState.pass}. Written under {@code REFRESH_LOCK}.
   */
  static volatile int activeEpoch;

  static long holdGateNanos = Long.MAX_VALUE;
  static long waitGateNanos = Long.MAX_VALUE;
  static long taskGateNanos = Long.MAX_VALUE;
  static long blockingGateNanos = Long.MAX_VALUE;
  static long holdThresholdNanos = Long.MAX_VALUE;
  static long waitThresholdNanos = Long.MAX_VALUE;
  static long taskThresholdNanos = Long.MAX_VALUE;
  static long blockingThresholdNanos = Long.MAX_VALUE;
  static boolean orderEnabled;
  static boolean selfDeadlockEnabled;
  static boolean submitEnabled;
  static boolean inFlightEnabled;

  private static final Object REFRESH_LOCK = new Object();
  private static volatile boolean recorderSeen;
  private static volatile boolean initialized;
  private static int lastToken;
  private static long ticketsIssued;
  private static long ticketPublished;

  private RuntimeSettings() {}

  /** Registers the recorder listener once; cheap and does not start JFR. */
  static void init() {
    if (initialized) {
      return;
    }
    synchronized (REFRESH_LOCK) {
      if (initialized) {
        return;
      }
      initialized = true;
    }
    try {
      FlightRecorder.addListener(new Listener());
      if (FlightRecorder.isInitialized()) {
        recorderSeen = true;
        refresh();
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /**
   * Returns whether the runtime tracks locks now.
   *
   * @return {@code true} if a running recording enables a Lockwatch event
   */
  public static boolean isActive() {
    return active;
  }

  /** Recomputes every setting from the running recordings. */
  public static void refresh() {
    try {
      doRefresh();
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }

  /*
   * Concurrency: JFR calls the listener while holding its own recorder lock, and getRecordings()
   * takes that lock too. So nothing here holds REFRESH_LOCK while calling into JFR (that would be a
   * lock-order inversion with the watchdog's refresh). Each refresh takes a ticket first and
   * publishes only if no later refresh has published already.
   */
  private static void doRefresh() {
    long ticket;
    synchronized (REFRESH_LOCK) {
      ticket = ++ticketsIssued;
    }
    Computed c = new Computed();
    if (recorderSeen || FlightRecorder.isInitialized()) {
      recorderSeen = true;
      List<Recording> recordings = FlightRecorder.getFlightRecorder().getRecordings();
      for (Recording r : recordings) {
        if (r.getState() == RecordingState.RUNNING) {
          c.add(r.getSettings());
        }
      }
      c.addEffective();
    }
    synchronized (REFRESH_LOCK) {
      if (ticket > ticketPublished) {
        ticketPublished = ticket;
        publish(c);
      }
    }
  }

  private static void publish(Computed c) {
    holdThresholdNanos = c.hold.thresholdNanos;
    waitThresholdNanos = c.wait.thresholdNanos;
    taskThresholdNanos = c.task.thresholdNanos;
    blockingThresholdNanos = c.blocking.thresholdNanos;
    holdGateNanos = c.hold.gate();
    waitGateNanos = c.wait.gate();
    taskGateNanos = c.task.gate();
    blockingGateNanos = c.blocking.gate();
    orderEnabled = c.order.enabled;
    selfDeadlockEnabled = c.selfDeadlock.enabled;
    submitEnabled = c.submit.enabled;
    inFlightEnabled = c.inFlight.enabled;
    boolean nowActive = c.hold.enabled || c.wait.enabled || c.task.enabled || c.blocking.enabled
        || c.order.enabled || c.selfDeadlock.enabled || c.submit.enabled || c.inFlight.enabled;
    if (nowActive && !active) {
      epoch = epoch + 1;
      activeEpoch = nextToken();
      active = true; // before waking the clock, or its ticker would park for another 100 ms
      CoarseClock.start();
      EventClock.calibrate();
      InFlightWatchdog.start();
    } else if (!nowActive && active) {
      activeEpoch = 0;
      active = false;
    }
  }

  /**
   * Issues a new {@link #activeEpoch} token while active, so that every thread drops its stale
   * references at its next acquisition (see {@code ThreadLockState.sync}).
   */
  static void nextPass() {
    synchronized (REFRESH_LOCK) {
      if (activeEpoch != 0) {
        activeEpoch = nextToken();
      }
    }
  }

  /** A new non-zero token; called under {@code REFRESH_LOCK}. */
  private static int nextToken() {
    int t = lastToken + 1;
    if (t == 0) {
      t = 1;
    }
    lastToken = t;
    return t;
  }

  /**
   * Parses a JFR timespan setting such as {@code "10 ms"}, {@code "0 ns"} or {@code "1 s"}.
   *
   * @param text the setting value, may be {@code null}
   * @param fallback value for {@code null} or unparsable text
   * @return nanoseconds
   */
  static long parseNanos(String text, long fallback) {
    if (text == null) {
      return fallback;
    }
    String s = text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("0")) {
      return 0;
    }
    if (s.equals("infinity") || s.equals("forever")) {
      return Long.MAX_VALUE;
    }
    int i = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return fallback;
    }
    long n;
    try {
      n = Long.parseLong(s.substring(0, i));
    } catch (NumberFormatException e) {
      return fallback;
    }
    String unit = s.substring(i).trim();
    switch (unit) {
      case "ns": return n;
      case "us": return n * 1_000L;
      case "ms": return n * 1_000_000L;
      case "s": return n * 1_000_000_000L;
      case "m": case "min": return n * 60_000_000_000L;
      case "h": return n * 3_600_000_000_000L;
      case "d": return n * 86_400_000_000_000L;
      default: return fallback;
    }
  }

  /** One event type's effective setting being computed. */
  private static final class TypeSetting {
    final String name;
    final long defaultThresholdNanos;
    final Event probe;
    boolean enabled;
    long thresholdNanos = Long.MAX_VALUE;

    TypeSetting(String name, long defaultThresholdNanos, Event probe) {
      this.name = name;
      this.defaultThresholdNanos = defaultThresholdNanos;
      this.probe = probe;
    }

    void add(Map<String, String> settings) {
      if ("true".equals(settings.get(name + "#enabled"))) {
        enabled = true;
        long t = parseNanos(settings.get(name + "#threshold"), defaultThresholdNanos);
        thresholdNanos = Math.min(thresholdNanos, t);
      }
    }

    void addEffective() {
      // Recording.enable(Class) keys settings by type id, not name: trust the event itself.
      if (!enabled && probe.isEnabled()) {
        enabled = true;
        thresholdNanos = Math.min(thresholdNanos, defaultThresholdNanos);
      }
    }

    long gate() {
      if (!enabled) {
        return Long.MAX_VALUE;
      }
      return Math.max(0, thresholdNanos - CoarseClock.SLACK_NANOS);
    }
  }

  /** The settings of all types, merged over the running recordings. */
  private static final class Computed {
    final TypeSetting hold = new TypeSetting(LockHoldEvent.NAME, 10_000_000L, new LockHoldEvent());
    final TypeSetting wait = new TypeSetting(LockWaitEvent.NAME, 10_000_000L, new LockWaitEvent());
    final TypeSetting task =
        new TypeSetting(TaskExecutionEvent.NAME, 10_000_000L, new TaskExecutionEvent());
    final TypeSetting blocking =
        new TypeSetting(BlockingWaitEvent.NAME, 1_000_000L, new BlockingWaitEvent());
    final TypeSetting order = new TypeSetting(LockOrderEvent.NAME, 0, new LockOrderEvent());
    final TypeSetting selfDeadlock =
        new TypeSetting(SelfDeadlockEvent.NAME, 0, new SelfDeadlockEvent());
    final TypeSetting submit = new TypeSetting(ExecutorSubmitEvent.NAME, 0, new ExecutorSubmitEvent());
    final TypeSetting inFlight = new TypeSetting(InFlightEvent.NAME, 0, new InFlightEvent());
    final TypeSetting health = new TypeSetting(RuntimeHealthEvent.NAME, 0, new RuntimeHealthEvent());
    final TypeSetting declared =
        new TypeSetting(DeclaredLockOrderEvent.NAME, 0, new DeclaredLockOrderEvent());
    final TypeSetting[] all = {hold, wait, task, blocking, order, selfDeadlock, submit, inFlight,
        health, declared};

    void add(Map<String, String> settings) {
      for (TypeSetting t : all) {
        t.add(settings);
      }
    }

    void addEffective() {
      for (TypeSetting t : all) {
        t.addEffective();
      }
    }
  }

  /** Refreshes on every recording state change; registers the periodic hooks once JFR is up. */
  private static final class Listener implements FlightRecorderListener {
    @Override
    public void recorderInitialized(FlightRecorder recorder) {
      recorderSeen = true;
      PeriodicEvents.register();
    }

    @Override
    public void recordingStateChanged(Recording recording) {
      recorderSeen = true;
      refresh();
    }
  }
}
