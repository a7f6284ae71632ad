package io.lockwatch.analyzer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;

/**
 * Reads an event's field by position instead of by name. {@link RecordedObject#getValue} walks the
 * event's field list comparing names on every read (about 25 ns for a Lockwatch event); the
 * position of a name depends only on the event's field list ({@link RecordedObject#getFields}, one
 * list per event type and chunk), so it is looked up once per list and the value is then read from
 * the event's value array. That array is not public API: it is read only where the JVM lets this
 * class in ({@code --add-opens jdk.jfr/jdk.jfr.consumer=ALL-UNNAMED}, which the CLI jar's manifest
 * carries); elsewhere, or for any value that is not a plain value (a struct not built by the
 * parser), the read falls back to {@code getValue}, so the result is always what {@code getValue}
 * returns. This class is internal.
 */
final class FieldSlots {
  private static final VarHandle VALUES = valuesHandle();
  /** Field lists seen recently, per reading thread; bounded (a long stream sees new chunks). */
  private static final ThreadLocal<FieldSlots> PER_THREAD = ThreadLocal.withInitial(FieldSlots::new);
  private static final int MAX_LISTS = 256;

  private final Map<List<ValueDescriptor>, Map<String, Integer>> positions =
      new IdentityHashMap<>();
  private List<ValueDescriptor> lastFields;
  private Map<String, Integer> lastPositions;

  private FieldSlots() {}

  /** Whether reads by position are possible in this JVM (else every read uses getValue). */
  static boolean enabled() {
    return VALUES != null;
  }

  /**
   * Returns what {@code e.getValue(field)} returns, for a top-level field.
   *
   * @throws IllegalArgumentException if the event has no such field (as getValue)
   */
  static Object value(RecordedEvent e, String field) {
    if (VALUES == null) {
      return e.getValue(field);
    }
    List<ValueDescriptor> fields = e.getFields();
    Integer at = PER_THREAD.get().position(fields, field);
    Object[] values = (Object[]) VALUES.get(e);
    // An event's array leaves out its leading implicit fields (start time, and duration where
    // the type has one), which the event keeps as ticks of its own.
    int implicit = fields.size() - values.length;
    if (at == null || at < implicit || implicit < 0) {
      return e.getValue(field); // absent, implicit or a dotted path: getValue's own answer
    }
    Object v = values[at - implicit];
    // The parser stores primitives, strings and its own RecordedObjects as they are returned; a
    // struct it did not build is a raw array that getValue wraps.
    return v instanceof Object[] ? e.getValue(field) : v;
  }

  /**
   * @return the event's value array (its fields after the leading implicit ones, in field-list
   *     order), or {@code null} where reads by position are not possible
   */
  static Object[] values(RecordedEvent e) {
    return VALUES == null ? null : (Object[]) VALUES.get(e);
  }

  private Integer position(List<ValueDescriptor> fields, String field) {
    Map<String, Integer> p = lastPositions;
    if (fields != lastFields) {
      p = positions.get(fields);
      if (p == null) {
        if (positions.size() >= MAX_LISTS) {
          positions.clear();
        }
        p = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
          p.putIfAbsent(fields.get(i).getName(), i);
        }
        positions.put(fields, p);
      }
      lastFields = fields;
      lastPositions = p;
    }
    return p.get(field);
  }

  private static VarHandle valuesHandle() {
    try {
      Module jfr = RecordedObject.class.getModule();
      if (!jfr.isOpen("jdk.jfr.consumer", FieldSlots.class.getModule())) {
        return null;
      }
      return MethodHandles.privateLookupIn(RecordedObject.class, MethodHandles.lookup())
          .findVarHandle(RecordedObject.class, "objects", Object[].class);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError notThere) {
      return null; // another JDK's internals: read by name
    }
  }
}
