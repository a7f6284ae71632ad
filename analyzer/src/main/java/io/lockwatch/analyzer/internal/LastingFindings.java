package io.lockwatch.analyzer.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Life cycle of findings that last (stalls, deadlocks, starvation) across in-flight snapshots: a key
 * seen in a snapshot is active; an active key missing from a later snapshot is resolved; a resolved
 * key seen again is reported anew. This class is internal.
 */
public final class LastingFindings {
  private final FindingSink sink;
  private final Map<String, String> active = new HashMap<>();
  private final Set<String> seenThisPass = new HashSet<>();

  /** @param sink the sink that holds the findings, not {@code null} */
  public LastingFindings(FindingSink sink) {
    this.sink = sink;
  }

  /** Starts a snapshot pass. */
  public void beginPass() {
    seenThisPass.clear();
  }

  /**
   * Marks a key present in this pass.
   *
   * @param key the finding key
   * @param signature what the finding looks like now (waiters, owner); a change means an update
   * @return {@code NEW} if it must be reported, {@code CHANGED} if it must be updated, else {@code SAME}
   */
  public Presence seen(String key, String signature) {
    seenThisPass.add(key);
    String old = active.put(key, signature);
    if (old == null) {
      sink.forget(key); // a resolved stall that came back is a new stall
      return Presence.NEW;
    }
    return old.equals(signature) ? Presence.SAME : Presence.CHANGED;
  }

  /** Ends a snapshot pass: resolves active keys not seen in it. */
  public void endPass(Instant when) {
    for (Iterator<String> it = active.keySet().iterator(); it.hasNext(); ) {
      String key = it.next();
      if (!seenThisPass.contains(key)) {
        it.remove();
        sink.resolve(key, when);
      }
    }
  }

  /** Resolves every active key (no snapshots arrive any more: nothing is in flight). */
  public void resolveAll(Instant when) {
    beginPass();
    endPass(when);
  }

  /** @return active keys */
  public int size() {
    return active.size();
  }

  /** Whether a key is reported, changed or unchanged in this pass. */
  public enum Presence {
    /** First seen (or seen again after it was resolved). */
    NEW,
    /** Seen before, with a different signature. */
    CHANGED,
    /** Seen before, unchanged. */
    SAME
  }
}
