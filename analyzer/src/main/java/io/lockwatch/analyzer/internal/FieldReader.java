package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.ThreadRef;
import java.util.List;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Reads a fixed list of an event's fields ({@link Layout}) by index. The positions of the layout's
 * names in an event's field list are found once per field list (one per event type and chunk) and
 * kept per reading thread, so that reading a field is an array load (see {@link FieldSlots} for
 * when the JVM allows that; otherwise every read is a {@code getValue} by name). Each typed read
 * returns what the same-named method of {@link Events} returns for that field. A reader is bound
 * to one event at a time by {@link #bind}: read its fields before binding the next. This class is
 * internal.
 */
final class FieldReader {
  private static final ThreadLocal<FieldReader> PER_THREAD =
      ThreadLocal.withInitial(FieldReader::new);

  /** The field names one kind of event is read for; a field is then read by its index here. */
  static final class Layout {
    private static int count;
    private final String[] names;
    private final int id;

    Layout(String... names) {
      this.names = names.clone();
      synchronized (Layout.class) {
        this.id = count++;
      }
    }
  }

  /**
   * Per layout id: the field list its positions were found for, the positions (-1: by name), and
   * whether each field is a signed integral type narrower than {@code long} (read as a widened
   * {@code int} value; {@code getLong} converts unsigned ones).
   */
  private List<?>[] fieldLists = new List<?>[8];
  private int[][] positions = new int[8][];
  private boolean[][] signedNarrow = new boolean[8][];
  private RecordedEvent event;
  private Layout layout;
  private Object[] values;
  private int[] slots;
  private boolean[] narrow;

  private FieldReader() {}

  /**
   * Binds this thread's reader to an event.
   *
   * @param e the event, not {@code null}
   * @param layout the fields that will be read
   * @return the reader, bound to {@code e}
   */
  static FieldReader bind(RecordedEvent e, Layout layout) {
    FieldReader r = PER_THREAD.get();
    r.event = e;
    r.layout = layout;
    Object[] values = FieldSlots.values(e);
    r.values = values;
    r.slots = values == null ? null : r.positions(e.getFields(), values.length, layout);
    r.narrow = values == null ? null : r.signedNarrow[layout.id];
    return r;
  }

  private int[] positions(List<ValueDescriptor> fields, int valueCount, Layout l) {
    int id = l.id;
    if (id >= fieldLists.length) {
      fieldLists = java.util.Arrays.copyOf(fieldLists, id + 8);
      positions = java.util.Arrays.copyOf(positions, id + 8);
      signedNarrow = java.util.Arrays.copyOf(signedNarrow, id + 8);
    }
    if (fieldLists[id] != fields) {
      // An event's value array leaves out the leading implicit fields (start time, duration).
      int implicit = fields.size() - valueCount;
      int[] p = new int[l.names.length];
      boolean[] n = new boolean[l.names.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = -1;
        for (int k = 0; k < fields.size(); k++) {
          ValueDescriptor f = fields.get(k);
          if (f.getName().equals(l.names[i])) {
            p[i] = k >= implicit && implicit >= 0 ? k - implicit : -1;
            n[i] = f.getAnnotation(jdk.jfr.Unsigned.class) == null
                && (f.getTypeName().equals("int") || f.getTypeName().equals("short")
                    || f.getTypeName().equals("byte"));
            break;
          }
        }
      }
      positions[id] = p;
      signedNarrow[id] = n;
      fieldLists[id] = fields;
    }
    return positions[id];
  }

  /**
   * What {@code getValue} returns for the field at {@code i} of the layout.
   *
   * @throws IllegalArgumentException if the event has no such field
   */
  Object value(int i) {
    int[] s = slots;
    if (s != null && s[i] >= 0) {
      Object v = values[s[i]];
      // A struct the parser did not build itself is a raw array that getValue wraps.
      if (!(v instanceof Object[])) {
        return v;
      }
    }
    return event.getValue(layout.names[i]);
  }

  /** @return as {@link Events#id} (a signed {@code int}, {@code short} or {@code byte}: widened) */
  long id(int i) {
    Object v = value(i);
    if (v instanceof Long l) {
      return l;
    }
    if (narrow != null && narrow[i]
        && (v instanceof Integer || v instanceof Short || v instanceof Byte)) {
      return ((Number) v).longValue();
    }
    return event.getLong(layout.names[i]);
  }

  /** @return as {@link Events#longValue} */
  long longValue(int i) {
    try {
      return id(i);
    } catch (IllegalArgumentException missing) {
      return 0L;
    }
  }

  /** @return as {@link Events#string} */
  String string(int i) {
    try {
      Object v = value(i);
      return v == null ? "" : v.toString();
    } catch (IllegalArgumentException missing) {
      return "";
    }
  }

  /** @return the class in the field, {@code null} if absent, null or not a class */
  RecordedClass recordedClass(int i) {
    try {
      return value(i) instanceof RecordedClass c ? c : null;
    } catch (IllegalArgumentException missing) {
      return null;
    }
  }

  /** @return as {@link Events#thread(RecordedEvent, String)} */
  ThreadRef thread(int i) {
    try {
      return value(i) instanceof RecordedThread t ? Events.thread(t) : null;
    } catch (IllegalArgumentException missing) {
      return null;
    }
  }

  /** @return as {@link Events#eventThread}, for the layout's {@code eventThread} field */
  ThreadRef eventThread(int i) {
    return Events.thread(implicit(i, RecordedThread.class));
  }

  /** @return as {@link Events#stackTrace}, for the layout's {@code stackTrace} field */
  RecordedStackTrace stackTrace(int i) {
    return implicit(i, RecordedStackTrace.class);
  }

  /** @return as {@link RecordedEvent#getBoolean} */
  boolean bool(int i) {
    return value(i) instanceof Boolean b ? b : event.getBoolean(layout.names[i]);
  }

  /** An implicit field as the typed getters read it: absent is null, another type an error. */
  private <T> T implicit(int i, Class<T> type) {
    Object v;
    try {
      v = value(i);
    } catch (IllegalArgumentException missing) {
      return null;
    }
    return Events.implicit(v, layout.names[i], type);
  }
}
