package io.lockwatch.analyzer;

import io.lockwatch.analyzer.findings.FindingListener;
import io.lockwatch.analyzer.findings.Suppressions;
import io.lockwatch.analyzer.lockorder.LockOrderDetector;
import io.lockwatch.analyzer.stall.StallDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Configuration of a {@link LockwatchAnalyzer}: thresholds, memory caps, suppressions, listeners. */
public final class AnalyzerOptions {
  /** Default stall threshold: waits older than this in an in-flight snapshot are stalls. */
  public static final Duration DEFAULT_STALL_THRESHOLD =
      Duration.ofMillis(StallDetector.DEFAULT_STALL_THRESHOLD_MS);
  /** Default long-hold threshold (holds with waiters past it are LONG_HOLD). */
  public static final Duration DEFAULT_LONG_HOLD_THRESHOLD = Duration.ofMillis(200);
  /** Default time without any in-flight snapshot after which lasting findings are resolved. */
  public static final Duration DEFAULT_SNAPSHOT_STALE_AFTER = Duration.ofSeconds(3);

  private final Duration stallThreshold;
  private final Duration longHoldThreshold;
  private final Duration snapshotStaleAfter;
  private final int maxGraphNodes;
  private final int maxGraphEdges;
  private final Suppressions suppressions;
  private final List<FindingListener> listeners;

  private AnalyzerOptions(Builder b) {
    this.stallThreshold = b.stallThreshold;
    this.longHoldThreshold = b.longHoldThreshold;
    this.snapshotStaleAfter = b.snapshotStaleAfter;
    this.maxGraphNodes = b.maxGraphNodes;
    this.maxGraphEdges = b.maxGraphEdges;
    this.suppressions = b.suppressions;
    this.listeners = List.copyOf(b.listeners);
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a new analyzer with these options */
  public LockwatchAnalyzer newAnalyzer() {
    return new LockwatchAnalyzer(this);
  }

  /** @return the stall threshold */
  public Duration stallThreshold() {
    return stallThreshold;
  }

  /** @return the long-hold threshold */
  public Duration longHoldThreshold() {
    return longHoldThreshold;
  }

  /** @return how long without a snapshot resolves lasting findings */
  public Duration snapshotStaleAfter() {
    return snapshotStaleAfter;
  }

  /** @return node cap of each lock-order graph */
  public int maxGraphNodes() {
    return maxGraphNodes;
  }

  /** @return edge cap of each lock-order graph */
  public int maxGraphEdges() {
    return maxGraphEdges;
  }

  /** @return the suppressions */
  public Suppressions suppressions() {
    return suppressions;
  }

  /** @return the listeners */
  public List<FindingListener> listeners() {
    return listeners;
  }

  @Override
  public String toString() {
    return "AnalyzerOptions{stallThreshold=" + stallThreshold + ", longHoldThreshold="
        + longHoldThreshold + ", maxGraphNodes=" + maxGraphNodes + ", maxGraphEdges="
        + maxGraphEdges + ", " + suppressions + "}";
  }

  /** Builds {@link AnalyzerOptions}. */
  public static final class Builder {
    private Duration stallThreshold = DEFAULT_STALL_THRESHOLD;
    private Duration longHoldThreshold = DEFAULT_LONG_HOLD_THRESHOLD;
    private Duration snapshotStaleAfter = DEFAULT_SNAPSHOT_STALE_AFTER;
    private int maxGraphNodes = LockOrderDetector.DEFAULT_MAX_NODES;
    private int maxGraphEdges = LockOrderDetector.DEFAULT_MAX_EDGES;
    private Suppressions suppressions = Suppressions.none();
    private final List<FindingListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * @param d the stall threshold, positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder setStallThreshold(Duration d) {
      this.stallThreshold = positive(d, "stallThreshold");
      return this;
    }

    /**
     * @param d the long-hold threshold, positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder setLongHoldThreshold(Duration d) {
      this.longHoldThreshold = positive(d, "longHoldThreshold");
      return this;
    }

    /**
     * @param d time without snapshots after which stalls are resolved, positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder setSnapshotStaleAfter(Duration d) {
      this.snapshotStaleAfter = positive(d, "snapshotStaleAfter");
      return this;
    }

    /**
     * @param nodes node cap of each lock-order graph, at least 16
     * @param edges edge cap of each lock-order graph, at least 16
     * @return this
     * @throws IllegalArgumentException if a cap is below 16
     */
    public Builder setGraphCaps(int nodes, int edges) {
      if (nodes < 16 || edges < 16) {
        throw new IllegalArgumentException("graph caps must be at least 16, got " + nodes + " nodes, "
            + edges + " edges");
      }
      this.maxGraphNodes = nodes;
      this.maxGraphEdges = edges;
      return this;
    }

    /**
     * @param s the suppressions, not {@code null}
     * @return this
     */
    public Builder setSuppressions(Suppressions s) {
      this.suppressions = Objects.requireNonNull(s, "suppressions");
      return this;
    }

    /**
     * @param l a listener, not {@code null}
     * @return this
     */
    public Builder addListener(FindingListener l) {
      listeners.add(Objects.requireNonNull(l, "listener"));
      return this;
    }

    /** @return the options */
    public AnalyzerOptions build() {
      return new AnalyzerOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
