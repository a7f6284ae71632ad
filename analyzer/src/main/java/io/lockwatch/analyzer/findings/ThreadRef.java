package io.lockwatch.analyzer.findings;

/**
 * A thread involved in a finding.
 *
 * @param name the thread's name, not {@code null}
 * @param id the thread's Java id, 0 if unknown
 * @param virtual whether it is a virtual thread
 */
public record ThreadRef(String name, long id, boolean virtual) {
  /** Compact constructor: replaces a null name by the empty string. */
  public ThreadRef {
    name = name == null ? "" : name;
  }

  @Override
  public String toString() {
    return "\"" + name + "\" (id " + id + (virtual ? ", virtual" : "") + ")";
  }
}
