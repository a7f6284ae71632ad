package io.lockwatch.analyzer.findings;

/**
 * An executor (thread pool) involved in a finding.
 *
 * @param name the executor's readable name, not {@code null}
 * @param className the executor's class name, not {@code null}
 */
public record ExecutorRef(String name, String className) {
  /** Compact constructor: replaces null strings by the empty string. */
  public ExecutorRef {
    name = name == null ? "" : name;
    className = className == null ? "" : className;
  }

  @Override
  public String toString() {
    return name.isEmpty() ? className : name;
  }
}
