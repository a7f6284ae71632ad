package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingListener;
import io.lockwatch.analyzer.findings.FindingStatus;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.GuardedFindingListener;
import io.lockwatch.analyzer.findings.Suppressions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Deduplicates findings by a key that names the bug (a cycle's locks, a stall's lock), applies
 * suppressions, gives each bug a stable id, and notifies the listeners. Bounded: at most {@link
 * #MAX_FINDINGS} findings are remembered. Not thread-safe (one analyzer thread). This class is
 * internal.
 */
public final class FindingSink {
  /** Most findings remembered; past it the least recently touched is forgotten. */
  public static final int MAX_FINDINGS = 10_000;

  private final BoundedMap<String, Finding> byKey = new BoundedMap<>(MAX_FINDINGS);
  private final BoundedMap<String, Boolean> suppressed = new BoundedMap<>(MAX_FINDINGS);
  private final List<FindingListener> listeners = new CopyOnWriteArrayList<>();
  private final LockStats stats;
  private final BoundedMap<String, List<String>> weightKeys = new BoundedMap<>(MAX_FINDINGS);
  private volatile Suppressions suppressions = Suppressions.none();
  private long suppressedCount;

  /** @param stats the measured wait/hold times used to rank findings, not {@code null} */
  public FindingSink(LockStats stats) {
    this.stats = stats;
  }

  /** @param s the suppressions, not {@code null} */
  public void suppressions(Suppressions s) {
    this.suppressions = s;
  }

  /** @param l a listener, guarded here, not {@code null} */
  public void addListener(FindingListener l) {
    listeners.add(GuardedFindingListener.guard(l));
  }

  /** @return whether a finding with this key was already reported (or suppressed) */
  public boolean contains(String key) {
    return byKey.containsKey(key) || suppressed.containsKey(key);
  }

  /** @return the current finding with this key, or {@code null} */
  public Finding get(String key) {
    return byKey.get(key);
  }

  /**
   * Reports a new finding unless one with this key exists.
   *
   * @param key the deduplication key, not {@code null}
   * @param type the type, not {@code null}
   * @param b the finding without its id, not {@code null}
   * @param rankKeys stable lock keys whose measured times rank this finding, not {@code null}
   * @return the finding, or {@code null} if deduplicated or suppressed
   */
  public Finding report(String key, FindingType type, Finding.Builder b, List<String> rankKeys) {
    if (contains(key)) {
      return null;
    }
    Finding f = b.id(idFor(type, key)).status(FindingStatus.NEW)
        .weightNanos(stats.weight(rankKeys)).build();
    if (suppressions.suppresses(f)) {
      suppressed.put(key, Boolean.TRUE);
      suppressedCount++;
      return null;
    }
    byKey.put(key, f);
    weightKeys.put(key, List.copyOf(rankKeys));
    notifyListeners(f);
    return f;
  }

  /**
   * Updates a finding that exists and is not resolved.
   *
   * @param key the deduplication key
   * @param change derives the new finding from a builder of the old one
   * @return the updated finding, or {@code null} if none
   */
  public Finding update(String key, UnaryOperator<Finding.Builder> change) {
    Finding old = byKey.get(key);
    if (old == null) {
      return null;
    }
    Finding f = change.apply(old.toBuilder()).status(FindingStatus.UPDATED).build();
    byKey.put(key, f);
    notifyListeners(f);
    return f;
  }

  /**
   * Refreshes a finding's details (last seen, summary) without notifying: a lasting finding that did
   * not change is not reported again.
   *
   * @param key the deduplication key
   * @param change derives the new finding from a builder of the old one
   */
  public void touch(String key, UnaryOperator<Finding.Builder> change) {
    Finding old = byKey.get(key);
    if (old != null) {
      byKey.put(key, change.apply(old.toBuilder()).build());
    }
  }

  /**
   * Replaces an existing finding's details (keeping its id and first-seen time) as an update, or
   * reports it if none exists.
   *
   * @param key the deduplication key
   * @param b the new details
   * @return the finding, or {@code null} if suppressed
   */
  public Finding replace(String key, Finding.Builder b) {
    Finding old = byKey.get(key);
    if (old == null) {
      return report(key, b.type(), b, List.of());
    }
    Finding f = b.id(old.id()).firstSeen(old.firstSeen()).status(FindingStatus.UPDATED)
        .weightNanos(old.weightNanos()).build();
    byKey.put(key, f);
    notifyListeners(f);
    return f;
  }

  /**
   * Marks a finding resolved.
   *
   * @param key the deduplication key
   * @param when the event time it was last seen missing
   */
  public void resolve(String key, Instant when) {
    Finding old = byKey.get(key);
    if (old == null || old.status() == FindingStatus.RESOLVED) {
      return;
    }
    Finding f = old.toBuilder().status(FindingStatus.RESOLVED).lastSeen(when).build();
    byKey.put(key, f);
    notifyListeners(f);
  }

  /** Forgets a key so that the same bug can be reported anew (a stall that came back). */
  public void forget(String key) {
    byKey.remove(key);
    weightKeys.remove(key);
  }

  /** @return every finding, most severe first, then by measured weight, then by time */
  public List<Finding> ranked() {
    List<Finding> out = new ArrayList<>(byKey.size());
    for (var e : byKey.entrySet()) {
      List<String> keys = weightKeys.get(e.getKey());
      Finding f = e.getValue();
      long w = keys == null ? f.weightNanos() : stats.weight(keys);
      out.add(w == f.weightNanos() ? f : f.toBuilder().weightNanos(w).build());
    }
    out.sort(Comparator.comparing(Finding::severity).reversed()
        .thenComparing(Comparator.comparingLong(Finding::weightNanos).reversed())
        .thenComparing(Finding::firstSeen));
    return out;
  }

  /** @return findings retained */
  public int size() {
    return byKey.size();
  }

  /** @return findings suppressed */
  public long suppressedCount() {
    return suppressedCount;
  }

  private void notifyListeners(Finding f) {
    for (FindingListener l : listeners) {
      l.onFinding(f);
    }
  }

  /** @return a stable id for a bug: a short type tag and a hash of the key */
  static String idFor(FindingType type, String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    String tag = switch (type) {
      case LOCK_ORDER_CYCLE -> "cycle";
      case DEADLOCK -> "deadlock";
      case POOL_SELF_WAIT -> "selfwait";
      case POOL_STARVATION -> "starve";
      case WAIT_UNDER_LOCK -> "waitlock";
      case LONG_HOLD -> "hold";
      case STALL -> "stall";
      case SELF_DEADLOCK -> "reentry";
      case VIRTUAL_THREAD_PINNED -> "pinned";
      case ORDER_VIOLATION -> "order";
    };
    return "lw-" + tag + "-" + String.format(Locale.ROOT, "%012x", h & 0xffffffffffffL);
  }
}
