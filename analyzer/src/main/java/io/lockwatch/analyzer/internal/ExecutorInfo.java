package io.lockwatch.analyzer.internal;

import io.lockwatch.analyzer.findings.ExecutorRef;

/** What the analyzer knows of one executor of one JVM run. This class is internal. */
public final class ExecutorInfo {
  private final long id;
  private final String runKey;
  private String name = "";
  private String className = "";

  ExecutorInfo(long id, String runKey) {
    this.id = id;
    this.runKey = runKey;
  }

  void learn(String cls, String nm) {
    if (className.isEmpty() && cls != null) {
      className = cls;
    }
    if (name.isEmpty() && nm != null) {
      name = nm;
    }
  }

  /** @return the executor id within its run */
  public long id() {
    return id;
  }

  /** @return the graph key within its run */
  public String runKey() {
    return runKey;
  }

  /** @return the name, possibly empty */
  public String name() {
    return name;
  }

  /** @return the key that identifies the executor across runs */
  public String stableKey() {
    return "executor " + (name.isEmpty() ? className + "#" + id : name);
  }

  /** @return the readable name */
  public String displayName() {
    return name.isEmpty() ? (className.isEmpty() ? "executor" : className) + "#" + id : name;
  }

  /** @return the reference used in findings */
  public ExecutorRef ref() {
    return new ExecutorRef(displayName(), className);
  }
}
