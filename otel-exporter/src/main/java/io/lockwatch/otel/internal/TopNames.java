package io.lockwatch.otel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Caps the cardinality of a name attribute (lock or executor names) at the top N names by
 * activity; every other name is reported as {@value #OTHER}.
 *
 * <p>Design: the first N distinct names are admitted as they come, so a small application loses
 * nothing. Past N, a name is a candidate and its events are counted (at most {@code 8 * N}
 * candidates are tracked; the rest go to {@value #OTHER} uncounted). Every rank interval, a
 * candidate that was busier during the interval than the quietest admitted name takes its place;
 * the demoted name reports as {@value #OTHER} from then on. Its old series simply stop growing.
 * The number of series a metric can accumulate is further bounded by the SDK's cardinality limit.
 *
 * <p>Concurrency: not thread-safe; used only from the event stream's dispatch thread.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class TopNames {
  /** The attribute value reported for names outside the top N. */
  public static final String OTHER = "other";
  /** Names that are not reported as such (null or blank) map to this. */
  static final String UNKNOWN = "unknown";

  private final int limit;
  private final int candidateCapacity;
  private final long rankIntervalNanos;
  private final Map<String, long[]> admitted = new HashMap<>();
  private final Map<String, long[]> candidates = new HashMap<>();
  private long nextRankNanos = Long.MIN_VALUE;

  /**
   * @param limit how many names are reported as themselves, at least 1
   * @param rankIntervalNanos how often admitted names are re-ranked against candidates
   */
  public TopNames(int limit, long rankIntervalNanos) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive.");
    }
    this.limit = limit;
    this.candidateCapacity = 8 * limit;
    this.rankIntervalNanos = rankIntervalNanos;
  }

  /**
   * Counts one event of {@code name} and returns the attribute value to report for it.
   *
   * @param name the lock or executor name, may be {@code null}
   * @param nowNanos the current {@link System#nanoTime()}
   * @return {@code name}, or {@value #OTHER} when it is outside the top N, never {@code null}
   */
  public String map(String name, long nowNanos) {
    if (nextRankNanos == Long.MIN_VALUE) {
      nextRankNanos = nowNanos + rankIntervalNanos;
    } else if (nowNanos - nextRankNanos >= 0) {
      rank();
      nextRankNanos = nowNanos + rankIntervalNanos;
    }
    String key = name == null || name.isBlank() ? UNKNOWN : name;
    long[] count = admitted.get(key);
    if (count != null) {
      count[0]++;
      return key;
    }
    if (admitted.size() < limit) {
      admitted.put(key, new long[] {1});
      return key;
    }
    count = candidates.get(key);
    if (count != null) {
      count[0]++;
    } else if (candidates.size() < candidateCapacity) {
      candidates.put(key, new long[] {1});
    }
    return OTHER;
  }

  /** @return the names currently reported as themselves, for tests and diagnostics */
  public List<String> admittedNames() {
    return new ArrayList<>(admitted.keySet());
  }

  private void rank() {
    List<Map.Entry<String, long[]>> busiest = new ArrayList<>(candidates.entrySet());
    busiest.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
    for (Map.Entry<String, long[]> candidate : busiest) {
      Map.Entry<String, long[]> quietest = null;
      for (Map.Entry<String, long[]> entry : admitted.entrySet()) {
        if (quietest == null || entry.getValue()[0] < quietest.getValue()[0]) {
          quietest = entry;
        }
      }
      if (quietest == null || candidate.getValue()[0] <= quietest.getValue()[0]) {
        break;
      }
      admitted.remove(quietest.getKey());
      admitted.put(candidate.getKey(), new long[] {candidate.getValue()[0]});
    }
    // a new interval: activity is measured afresh, candidates are forgotten
    candidates.clear();
    for (long[] count : admitted.values()) {
      count[0] = 0;
    }
  }

  @Override
  public String toString() {
    return "TopNames{limit=" + limit + ", rankIntervalNanos=" + rankIntervalNanos + "}";
  }
}
