package io.lockwatch.otel.internal;

import io.lockwatch.events.FindingEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Joins the parts of a {@code lockwatch.Finding} (one event per part, shared finding id) into one
 * {@link Finding} and passes on the ones to export: each finding once when {@code new} and once when
 * {@code resolved}. {@code updated} parts (a stall re-reported while it lasts) are not exported.
 *
 * <p>A finding whose parts do not all arrive within {@link #PART_TIMEOUT_NANOS} is passed on with
 * the parts that did. At most {@link #MAX_PENDING} findings are pending; past that the oldest is
 * passed on incomplete.
 *
 * <p>Concurrency: not thread-safe; used only from the event stream's dispatch thread.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class FindingAssembler {
  static final long PART_TIMEOUT_NANOS = 5_000_000_000L;
  static final int MAX_PENDING = 1024;

  private final Consumer<Finding> downstream;
  private final Map<String, Pending> pending = new LinkedHashMap<>();

  /** @param downstream receives each assembled finding, not {@code null} */
  public FindingAssembler(Consumer<Finding> downstream) {
    this.downstream = downstream;
  }

  /**
   * Takes one {@code lockwatch.Finding} event.
   *
   * @param event the event, not {@code null}
   * @param nowNanos the current {@link System#nanoTime()}
   */
  public void onFinding(RecordedEvent event, long nowNanos) {
    String status = event.getString("status");
    if ("updated".equals(status)) {
      return;
    }
    String id = String.valueOf(event.getString("findingId"));
    int parts = Math.max(1, event.getInt("parts"));
    String key = id + '\u0000' + status;
    Pending entry = pending.get(key);
    if (entry == null) {
      if (pending.size() >= MAX_PENDING) {
        Iterator<Pending> oldest = pending.values().iterator();
        Pending evicted = oldest.next();
        oldest.remove();
        downstream.accept(evicted.toFinding());
      }
      entry = new Pending(event, id, status, parts, nowNanos);
      pending.put(key, entry);
    }
    entry.add(event.getInt("part"), part(event));
    if (entry.complete()) {
      pending.remove(key);
      downstream.accept(entry.toFinding());
    }
  }

  /**
   * Passes on the findings whose parts did not all arrive in time.
   *
   * @param nowNanos the current {@link System#nanoTime()}
   */
  public void expire(long nowNanos) {
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      Pending entry = it.next();
      if (nowNanos - entry.startNanos >= PART_TIMEOUT_NANOS) {
        it.remove();
        downstream.accept(entry.toFinding());
      }
    }
  }

  /**
   * Assembles a finding from its parts as the analyzer hands them over directly (events built
   * but not committed), for the export at exit.
   *
   * @param parts the parts of one finding in order, not {@code null} or empty
   * @return the finding, not {@code null}
   */
  public static Finding assemble(List<FindingEvent> parts) {
    FindingEvent first = parts.get(0);
    List<Finding.Part> out = new ArrayList<>(parts.size());
    for (FindingEvent e : parts) {
      out.add(new Finding.Part(e.threadName, e.threadId, e.fromLock, e.fromLockClass, e.toLock,
          e.toLockClass, e.executorName, e.executorClass, e.stack, e.relatedStack));
    }
    return new Finding(String.valueOf(first.findingId), first.type, first.severity, first.summary,
        first.status, first.firstSeen, List.copyOf(out));
  }

  private static Finding.Part part(RecordedEvent event) {
    return new Finding.Part(
        event.getString("threadName"),
        event.getLong("threadId"),
        event.getString("fromLock"),
        event.getString("fromLockClass"),
        event.getString("toLock"),
        event.getString("toLockClass"),
        event.getString("executorName"),
        event.getString("executorClass"),
        event.getString("stack"),
        event.getString("relatedStack"));
  }

  private static final class Pending {
    final String id;
    final String type;
    final String severity;
    final String summary;
    final String status;
    final long firstSeenMillis;
    final Finding.Part[] parts;
    final long startNanos;
    int received;

    Pending(RecordedEvent first, String id, String status, int parts, long startNanos) {
      this.id = id;
      this.type = first.getString("type");
      this.severity = first.getString("severity");
      this.summary = first.getString("summary");
      this.status = status;
      this.firstSeenMillis = first.getLong("firstSeen");
      this.parts = new Finding.Part[Math.min(parts, 256)];
      this.startNanos = startNanos;
    }

    void add(int index, Finding.Part part) {
      if (index >= 0 && index < parts.length && parts[index] == null) {
        parts[index] = part;
        received++;
      }
    }

    boolean complete() {
      return received == parts.length;
    }

    Finding toFinding() {
      List<Finding.Part> present = new ArrayList<>(received);
      for (Finding.Part part : parts) {
        if (part != null) {
          present.add(part);
        }
      }
      return new Finding(id, type, severity, summary, status, firstSeenMillis, List.copyOf(present));
    }
  }
}
