package io.lockwatch.jmc;

import static io.lockwatch.jmc.LockwatchRecordings.onThread;
import static io.lockwatch.jmc.LockwatchRecordings.order;

import java.io.IOException;
import java.nio.file.Path;

/** Recordings shared by the report tests: a raw lock-order cycle and its fixed twin. */
final class HazardFiles {
  private HazardFiles() {}

  /** Two threads take accountA and accountB in opposite orders (raw events only). */
  static Path cycle(Path dir) throws IOException {
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      onThread("transfer-1", () -> order(1, "accountA", 2, "accountB", "1"));
      onThread("transfer-2", () -> order(2, "accountB", 1, "accountA", "2"));
      onThread("transfer-3", () -> order(2, "accountB", 3, "ledger", "2"));
      onThread("transfer-4", () -> order(3, "ledger", 1, "accountA", "3"));
      return rec.dump(dir, "cycle-raw.jfr");
    }
  }

  /** The fixed twin: one order everywhere. */
  static Path cycleFixed(Path dir) throws IOException {
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      onThread("transfer-1", () -> order(1, "accountA", 2, "accountB", "1"));
      onThread("transfer-2", () -> order(1, "accountA", 2, "accountB", "1"));
      return rec.dump(dir, "cycle-raw-fixed.jfr");
    }
  }
}
