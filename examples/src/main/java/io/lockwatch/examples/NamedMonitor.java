package io.lockwatch.examples;

/**
 * An object used only as a monitor ({@code synchronized (monitor)}). Its class name and {@link
 * #toString()} make it readable in stack dumps; Lockwatch learns its name through {@code
 * Lockwatch.name}.
 */
final class NamedMonitor {
  private final String name;

  NamedMonitor(String name) {
    this.name = name;
  }

  @Override
  public String toString() {
    return "NamedMonitor{" + name + "}";
  }
}
