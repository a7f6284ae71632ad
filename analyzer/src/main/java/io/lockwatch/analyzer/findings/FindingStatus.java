package io.lockwatch.analyzer.findings;

/** Where a finding stands in its life: reported for the first time, changed, or over. */
public enum FindingStatus {
  /** Reported for the first time. */
  NEW,
  /** Still present, with new details (more waiters, a longer stall). */
  UPDATED,
  /** No longer present (a stall that ended). */
  RESOLVED;

  /** @return the lower-case name used in JSON and in finding events */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
