package io.lockwatch.analyzer.findings;

/**
 * A lock involved in a finding.
 *
 * @param id the lock's id within its JVM run, 0 if unknown
 * @param name a readable name, not {@code null}
 * @param className the lock's class name, not {@code null}
 */
public record LockRef(long id, String name, String className) {
  /** Compact constructor: replaces null strings by the empty string. */
  public LockRef {
    name = name == null ? "" : name;
    className = className == null ? "" : className;
  }

  @Override
  public String toString() {
    return name.isEmpty() ? className + "#" + id : name;
  }
}
