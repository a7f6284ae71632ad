package io.lockwatch.analyzer.findings;

/** How urgent a {@link Finding} is, in increasing order. */
public enum Severity {
  /** Worth knowing; not a bug by itself. */
  INFO,
  /** A hazard that can hang or slow the application. */
  WARNING,
  /** The application is hung or will hang on this path. */
  CRITICAL;

  /**
   * Parses a severity name, ignoring case.
   *
   * @param name a severity name, not {@code null}
   * @return the severity
   * @throws IllegalArgumentException if the name is not a severity
   */
  public static Severity parse(String name) {
    return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
