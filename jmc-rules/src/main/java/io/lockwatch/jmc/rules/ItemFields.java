package io.lockwatch.jmc.rules;

import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmc.common.IMCFrame;
import org.openjdk.jmc.common.IMCMethod;
import org.openjdk.jmc.common.IMCStackTrace;
import org.openjdk.jmc.common.IMCThread;
import org.openjdk.jmc.common.IMCType;
import org.openjdk.jmc.common.item.Attribute;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.ContentType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;

/**
 * Reads the fields of the items of one event type by field name through JMC's item API; a field
 * the type lacks reads as empty, zero or {@code null}.
 */
final class ItemFields {
  static final int MAX_FRAMES = 8;

  private final IType<IItem> type;
  private final Map<String, IMemberAccessor<?, IItem>> accessors = new HashMap<>();

  ItemFields(IType<IItem> type) {
    this.type = type;
  }

  String string(IItem item, String field) {
    Object v = get(item, field, UnitLookup.PLAIN_TEXT);
    return v == null ? "" : v.toString();
  }

  long number(IItem item, String field) {
    Object v = get(item, field, UnitLookup.NUMBER);
    if (v == null) {
      v = get(item, field, UnitLookup.TIMESPAN);
    }
    if (v == null) {
      v = any(item, field);
    }
    if (v instanceof IQuantity q) {
      return q.longValue();
    }
    return v instanceof Number n ? n.longValue() : 0;
  }

  long nanos(IItem item, String field) {
    Object v = get(item, field, UnitLookup.TIMESPAN);
    return v instanceof IQuantity q ? q.clampedLongValueIn(UnitLookup.NANOSECOND) : 0;
  }

  boolean flag(IItem item, String field) {
    return Boolean.TRUE.equals(get(item, field, UnitLookup.FLAG));
  }

  IMCThread thread(IItem item, String field) {
    return (IMCThread) get(item, field, UnitLookup.THREAD);
  }

  String className(IItem item, String field) {
    Object v = get(item, field, UnitLookup.CLASS);
    return v instanceof IMCType t ? t.getFullName() : "";
  }

  IMCThread eventThread(IItem item) {
    IMemberAccessor<IMCThread, IItem> a = JfrAttributes.EVENT_THREAD.getAccessor(type);
    return a == null ? null : a.getMember(item);
  }

  long startNanos(IItem item) {
    IMemberAccessor<IQuantity, IItem> a = JfrAttributes.START_TIME.getAccessor(type);
    IQuantity q = a == null ? null : a.getMember(item);
    return q == null ? 0 : q.clampedLongValueIn(UnitLookup.EPOCH_NS);
  }

  long durationNanos(IItem item) {
    IMemberAccessor<IQuantity, IItem> a = JfrAttributes.DURATION.getAccessor(type);
    IQuantity q = a == null ? null : a.getMember(item);
    return q == null ? 0 : q.clampedLongValueIn(UnitLookup.NANOSECOND);
  }

  String stack(IItem item) {
    IMemberAccessor<IMCStackTrace, IItem> a = JfrAttributes.EVENT_STACKTRACE.getAccessor(type);
    IMCStackTrace st = a == null ? null : a.getMember(item);
    if (st == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (IMCFrame f : st.getFrames()) {
      IMCMethod m = f.getMethod();
      if (m == null || isLockwatchFrame(m)) {
        continue;
      }
      if (n++ == MAX_FRAMES) {
        break;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(m.getType().getFullName()).append('.').append(m.getMethodName());
      Integer line = f.getFrameLineNumber();
      if (line != null && line > 0) {
        sb.append(':').append(line);
      }
    }
    return sb.toString();
  }

  static String threadName(IMCThread t) {
    return t == null || t.getThreadName() == null ? "" : t.getThreadName();
  }

  private static boolean isLockwatchFrame(IMCMethod m) {
    String c = m.getType().getFullName();
    return c.startsWith("io.lockwatch.runtime.") || c.startsWith("jdk.jfr.");
  }

  /** A field of a content type JMC does not know (such as {@code lockwatch.LockId}). */
  private Object any(IItem item, String field) {
    String key = field + "|*";
    if (!accessors.containsKey(key)) {
      IMemberAccessor<?, IItem> found = null;
      for (IAccessorKey<?> ak : type.getAccessorKeys().keySet()) {
        if (ak.getIdentifier().equals(field)) {
          found = type.getAccessor(ak);
        }
      }
      accessors.put(key, found);
    }
    IMemberAccessor<?, IItem> a = accessors.get(key);
    return a == null ? null : a.getMember(item);
  }

  @SuppressWarnings("unchecked")
  private Object get(IItem item, String field, ContentType<?> contentType) {
    String key = field + '|' + contentType.getIdentifier();
    if (!accessors.containsKey(key)) {
      // Remember absent fields too (null): the lookup is per type, not per item.
      accessors.put(key,
          Attribute.attr(field, field, (ContentType<Object>) contentType).getAccessor(type));
    }
    IMemberAccessor<?, IItem> a = accessors.get(key);
    return a == null ? null : a.getMember(item);
  }
}
