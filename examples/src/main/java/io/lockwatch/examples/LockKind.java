package io.lockwatch.examples;

/** Which primitive a {@link ScenarioLock} uses; chosen with {@code --lock=monitor|reentrant}. */
enum LockKind {
  /** A {@code synchronized} block on a {@link NamedMonitor}. */
  MONITOR("monitor"),
  /** A {@link java.util.concurrent.locks.ReentrantLock}. */
  REENTRANT("reentrant");

  private final String optionValue;

  LockKind(String optionValue) {
    this.optionValue = optionValue;
  }

  String optionValue() {
    return optionValue;
  }

  static LockKind fromOption(String value) {
    for (LockKind kind : values()) {
      if (kind.optionValue.equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("--lock must be monitor|reentrant but got '" + value + "'");
  }
}
