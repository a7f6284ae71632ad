package io.lockwatch.otel.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/**
 * Counts the threads stalled right now, for {@link LockwatchMetric#THREADS_STALLED}.
 *
 * <p>Two sources, the larger wins: (1) the latest watchdog pass ({@code lockwatch.InFlight}
 * events sharing a snapshot id): distinct threads in {@code lock-wait} or {@code blocking-wait}
 * older than the stall threshold; (2) {@code STALL} findings reported new and not yet resolved.
 * The watchdog writes nothing when nothing is in flight, so a pass older than
 * {@link #SNAPSHOT_STALE_NANOS} counts as zero.
 *
 * <p>Concurrency: written by the stream thread, read by metric collection; the published counts
 * are volatile. A reader may see a pass that is still being delivered; it then reports the larger
 * of that pass and the previous complete one.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class StalledThreads {
  static final long SNAPSHOT_STALE_NANOS = 3_000_000_000L;
  private static final int MAX_ACTIVE_STALLS = 1024;

  private final long stallThresholdNanos;
  private final Set<Long> currentThreads = new HashSet<>();
  private final Map<String, Set<Long>> activeStalls = new HashMap<>();
  private long currentSnapshotId = Long.MIN_VALUE;
  private volatile int currentCount;
  private volatile int previousCount;
  private volatile long lastSnapshotNanos = Long.MIN_VALUE;
  private volatile int stallFindingThreads;

  /** @param stallThresholdNanos how old a wait must be to count as a stall */
  public StalledThreads(long stallThresholdNanos) {
    this.stallThresholdNanos = stallThresholdNanos;
  }

  /**
   * Takes one {@code lockwatch.InFlight} event.
   *
   * @param event the event, not {@code null}
   * @param nowNanos the current {@link System#nanoTime()}
   */
  public void onInFlight(RecordedEvent event, long nowNanos) {
    long snapshotId = event.getLong("snapshotId");
    if (snapshotId != currentSnapshotId) {
      previousCount = currentThreads.size();
      currentThreads.clear();
      currentSnapshotId = snapshotId;
    }
    lastSnapshotNanos = nowNanos;
    String state = event.getString("state");
    boolean waiting = "lock-wait".equals(state) || "blocking-wait".equals(state);
    if (waiting && event.getDuration("age").toNanos() >= stallThresholdNanos) {
      RecordedThread thread = event.getThread("thread");
      if (thread != null) {
        currentThreads.add(thread.getJavaThreadId());
      }
    }
    currentCount = currentThreads.size();
  }

  /**
   * Takes one part of a {@code STALL} finding.
   *
   * @param findingId the finding id, not {@code null}
   * @param status new, updated or resolved
   * @param threadId the stalled thread of this part
   */
  public void onStallFinding(String findingId, String status, long threadId) {
    if ("resolved".equals(status)) {
      activeStalls.remove(findingId);
    } else if (activeStalls.containsKey(findingId) || activeStalls.size() < MAX_ACTIVE_STALLS) {
      activeStalls.computeIfAbsent(findingId, id -> new HashSet<>()).add(threadId);
    }
    Set<Long> threads = new HashSet<>();
    activeStalls.values().forEach(threads::addAll);
    stallFindingThreads = threads.size();
  }

  /**
   * @param nowNanos the current {@link System#nanoTime()}
   * @return threads stalled right now
   */
  public int count(long nowNanos) {
    long last = lastSnapshotNanos;
    int fromSnapshot;
    if (last == Long.MIN_VALUE || nowNanos - last > SNAPSHOT_STALE_NANOS) {
      fromSnapshot = 0;
    } else {
      fromSnapshot = Math.max(currentCount, previousCount);
    }
    return Math.max(fromSnapshot, stallFindingThreads);
  }

  @Override
  public String toString() {
    return "StalledThreads{stallThresholdNanos=" + stallThresholdNanos + "}";
  }
}
