package io.lockwatch.proof.apps;

/** Prints the feature release of the running JVM. */
public final class JavaVersion {
  private JavaVersion() {}

  /**
   * Entry point.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    System.out.println(Runtime.version().feature());
  }
}
