package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.ThreadRef;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Null-tolerant reads of {@link RecordedEvent} fields and stack formatting. This class is internal.
 */
public final class Events {
  /** Frames of these packages are Lockwatch or lock internals, never an acquisition site. */
  private static final String[] SKIPPED_FRAME_PREFIXES = {
    "io.lockwatch.events.", "io.lockwatch.runtime.", "io.lockwatch.agent.", "io.lockwatch.Lockwatch",
    "jdk.jfr.", "jdk.internal.", "java.util.concurrent.locks.",
  };
  private static final int MAX_FRAMES = 32;
  private static final String RUNTIME_PACKAGE = "io.lockwatch.runtime.";
  private static final String AGENT_PACKAGE = "io.lockwatch.agent.";

  private Events() {}

  // Fields are read directly and a missing field (an older or newer event version) is caught:
  // hasField() first would scan the field list twice on the hot path. For the same reason the typed
  // getters (getClass, getThread, getStackTrace: a descriptor search, then the value search) are
  // replaced by one getValue and a type test, with the same result for every input.

  /** @return the field as a string, {@code ""} if absent or null */
  public static String string(RecordedEvent e, String field) {
    try {
      Object v = FieldSlots.value(e, field);
      return v == null ? "" : v.toString();
    } catch (IllegalArgumentException missing) {
      return "";
    }
  }

  /** @return the field as a long, 0 if absent */
  public static long longValue(RecordedEvent e, String field) {
    try {
      return id(e, field);
    } catch (IllegalArgumentException missing) {
      return 0L;
    }
  }

  /**
   * The field as a long, as {@link RecordedEvent#getLong} reads it.
   *
   * @throws IllegalArgumentException if the field is absent or not integral
   */
  public static long id(RecordedEvent e, String field) {
    // A long field (every Lockwatch id) is returned as is; anything else (narrower or unsigned
    // types, absent fields) goes through getLong for its conversions and errors.
    return FieldSlots.value(e, field) instanceof Long l ? l : e.getLong(field);
  }

  /** @return the class name in the field, {@code ""} if absent, null or not a class */
  public static String className(RecordedEvent e, String field) {
    try {
      return FieldSlots.value(e, field) instanceof RecordedClass c ? c.getName() : "";
    } catch (IllegalArgumentException missing) {
      return "";
    }
  }

  /** @return the thread in the field, or {@code null} if absent, null or not a thread */
  public static ThreadRef thread(RecordedEvent e, String field) {
    try {
      return FieldSlots.value(e, field) instanceof RecordedThread t ? thread(t) : null;
    } catch (IllegalArgumentException missing) {
      return null;
    }
  }

  /** @return the thread that committed the event, or {@code null} */
  public static ThreadRef eventThread(RecordedEvent e) {
    return thread(implicit(e, "eventThread", RecordedThread.class));
  }

  /** @return the event's stack trace, or {@code null} (as {@link RecordedEvent#getStackTrace}) */
  public static RecordedStackTrace stackTrace(RecordedEvent e) {
    return implicit(e, "stackTrace", RecordedStackTrace.class);
  }

  /** An implicit field as the typed getters read it: absent is null, another type an error. */
  private static <T> T implicit(RecordedEvent e, String field, Class<T> type) {
    Object v;
    try {
      v = FieldSlots.value(e, field);
    } catch (IllegalArgumentException missing) {
      return null;
    }
    return implicit(v, field, type);
  }

  /** An implicit field's value as the typed getters return it: null, or the type, else an error. */
  static <T> T implicit(Object v, String field, Class<T> type) {
    if (v == null || type.isInstance(v)) {
      return type.cast(v);
    }
    throw new IllegalArgumentException("field " + field + " is not of type " + type.getName());
  }

  /** @return a thread reference, or {@code null} for {@code null} */
  public static ThreadRef thread(RecordedThread t) {
    if (t == null) {
      return null;
    }
    // Events of one thread share one RecordedThread (constant pool): remember the last conversion.
    Object[] last = LAST_THREAD.get();
    if (last[0] == t) {
      return (ThreadRef) last[1];
    }
    ThreadRef r = convert(t);
    last[0] = t;
    last[1] = r;
    return r;
  }

  private static final ThreadLocal<Object[]> LAST_THREAD = ThreadLocal.withInitial(() -> new Object[2]);

  private static ThreadRef convert(RecordedThread t) {
    boolean virtual = t.hasField("virtual") && t.getBoolean("virtual");
    String name = t.getJavaName();
    return new ThreadRef(name == null ? t.getOSName() : name, t.getJavaThreadId(), virtual);
  }

  /** @return the event's stack formatted one frame per element, top first; empty if none */
  public static List<String> frames(RecordedStackTrace st) {
    if (st == null) {
      return List.of();
    }
    List<RecordedFrame> frames = st.getFrames();
    List<String> out = new ArrayList<>(Math.min(MAX_FRAMES, frames.size()));
    for (int i = 0; i < frames.size() && out.size() < MAX_FRAMES; i++) {
      RecordedFrame f = frames.get(i);
      if (!isLockwatchFrame(f) || i == frames.size() - 1 && out.isEmpty()) {
        out.add(frame(f)); // Lockwatch's own hooks and event commits say nothing to a user
      }
    }
    return out;
  }

  /** @return a {@code "\n"}-separated stack string as a list of frames */
  public static List<String> frames(String stack) {
    if (stack == null || stack.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : stack.split("\n")) {
      String s = line.strip();
      if (s.startsWith("at ")) {
        s = s.substring(3);
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * The acquisition site: the first frame outside Lockwatch and lock internals.
   *
   * @param st the stack, may be {@code null}
   * @return {@code class.method:line}, or {@code null} if unknown
   */
  public static String site(RecordedStackTrace st) {
    if (st == null) {
      return null;
    }
    for (RecordedFrame f : st.getFrames()) {
      RecordedMethod m = f.getMethod();
      String type = m == null || m.getType() == null ? "" : m.getType().getName();
      if (!skipped(type)) {
        return frame(f);
      }
    }
    return null;
  }

  private static boolean isLockwatchFrame(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    if (m == null || m.getType() == null) {
      return false;
    }
    String type = m.getType().getName();
    return type.startsWith(RUNTIME_PACKAGE) || type.startsWith(AGENT_PACKAGE);
  }

  private static boolean skipped(String type) {
    for (String p : SKIPPED_FRAME_PREFIXES) {
      if (type.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static String frame(RecordedFrame f) {
    RecordedMethod m = f.getMethod();
    if (m == null) {
      return "<unknown>";
    }
    String type = m.getType() == null ? "?" : m.getType().getName();
    int line = f.getLineNumber();
    return type + "." + m.getName() + (line >= 0 ? ":" + line : "");
  }

  /**
   * Parses a comma-separated list of ids.
   *
   * @param csv the list, may be {@code null} or empty
   * @return the ids, never {@code null}
   */
  public static long[] ids(String csv) {
    if (csv == null || csv.isBlank()) {
      return new long[0];
    }
    if (csv.indexOf(',') < 0) {
      // One id, the common case: no split.
      try {
        return new long[] {Long.parseLong(csv.strip())};
      } catch (NumberFormatException e) {
        return new long[0];
      }
    }
    String[] parts = csv.split(",");
    long[] out = new long[parts.length];
    int n = 0;
    for (String p : parts) {
      try {
        out[n++] = Long.parseLong(p.strip());
      } catch (NumberFormatException e) {
        n--;
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** @return the comma-separated names, never {@code null} */
  public static String[] names(String csv) {
    if (csv == null || csv.isBlank()) {
      return new String[0];
    }
    String[] parts = csv.split(",");
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }
}
