package io.lockwatch.proof;

import io.lockwatch.proof.overhead.OverheadHarness;
import io.lockwatch.proof.soak.SoakHarness;
import java.util.Arrays;

/** {@code lockwatch bench overhead|soak [options]}: the entry point of lockwatch-proof.jar. */
public final class Bench {
  private Bench() {}

  /**
   * Dispatches to a harness.
   *
   * @param args the verb, then its options
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String verb = args.length == 0 ? "" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (verb) {
      case "overhead":
        OverheadHarness.main(rest);
        break;
      case "soak":
        SoakHarness.main(rest);
        break;
      default:
        System.err.println("usage: lockwatch bench overhead [--rounds N] [--ops N] [--threads N]"
            + " [--agent JAR] [--profile FILE.jfr]");
        System.err.println("       lockwatch bench soak [--minutes N] [--agent JAR] [--dir DIR]");
        System.exit(2);
    }
  }
}
