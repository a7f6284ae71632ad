package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.findings.ThreadRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One lock-order edge "{@code to} requested while holding {@code from}", as first observed, with the
 * facts the no-false-alarm rules need: the gate locks held around it (intersected over every
 * observation), whether it was only ever taken in read mode on each side, and the runs it was seen
 * in.
 */
final class Edge {
  final String from;
  final String to;
  final String fromLabel;
  final String toLabel;
  final ThreadRef thread;
  /** Formatted on first use: most edges never become part of a finding. */
  final Supplier<List<String>> frames;
  final Instant firstSeen;
  /** Locks held around every observation of this edge; {@code null} means "none known yet". */
  Set<String> gates;
  boolean heldReadOnly;
  boolean acquiredReadOnly;
  long runMask;

  Edge(String from, String to, EdgeObservation o) {
    this.from = from;
    this.to = to;
    this.fromLabel = o.fromLabel();
    this.toLabel = o.toLabel();
    this.thread = o.thread();
    this.frames = o.frames();
    this.firstSeen = o.time();
    this.gates = o.gates();
    this.heldReadOnly = o.heldRead();
    this.acquiredReadOnly = o.acquiredRead();
    this.runMask = 1L << (o.run() & 63);
  }

  /**
   * Merges a later observation (gate keys, modes, run); returns whether a rule input weakened (a
   * new cycle may exist).
   */
  boolean merge(Set<String> otherGates, boolean heldRead, boolean acquiredRead, int run) {
    boolean changed = false;
    if (!gates.isEmpty() && !otherGates.containsAll(gates)) {
      Set<String> g = new java.util.HashSet<>(gates);
      g.retainAll(otherGates);
      gates = Set.copyOf(g);
      changed = true;
    }
    if (heldReadOnly && !heldRead) {
      heldReadOnly = false;
      changed = true;
    }
    if (acquiredReadOnly && !acquiredRead) {
      acquiredReadOnly = false;
      changed = true;
    }
    long bit = 1L << (run & 63);
    if ((runMask & bit) == 0) {
      runMask |= bit;
      changed = true;
    }
    return changed;
  }

  @Override
  public String toString() {
    return fromLabel + " -> " + toLabel;
  }
}
