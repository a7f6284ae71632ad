package io.lockwatch.analyzer.findings;

/**
 * Receives findings as the analyzer makes them: once as {@link FindingStatus#NEW}, then as
 * {@code UPDATED} and {@code RESOLVED} for findings that last (stalls, deadlocks, starvation).
 * Called on the analyzer's thread; a listener that throws is logged and the others still run.
 */
@FunctionalInterface
public interface FindingListener {
  /**
   * Called for a new, updated or resolved finding.
   *
   * @param finding the finding, not {@code null}
   */
  void onFinding(Finding finding);
}
