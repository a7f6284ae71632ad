package io.lockwatch.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pattern 7: a 100 Hz control loop stalls because a snapshot writer holds its lock {@code state}
 * for a long time ({@code --hold-ms}, default 10000) while it writes to a slow disk; the loop and two
 * metrics readers queue behind it. Then the writer releases, the loop recovers, runs {@code
 * --ticks-after} more ticks (default 20) and the scenario exits. A heartbeat would print "STUCK
 * at iteration N"; Lockwatch should report the stall while it lasts, with the holder's stack.
 *
 * <p>Fixed twin: the writer copies the state under the lock and writes the copy after releasing.
 *
 * <p>Options: {@code --hold-ms=N}, {@code --ticks-after=N}, {@code --lock=monitor|reentrant}.
 */
final class StalledLoop {
  private static final long DEFAULT_HOLD_MS = 10_000;
  private static final long DEFAULT_TICKS_AFTER = 20;
  private static final long TICK_MS = 10;
  private static final long TICKS_BEFORE_SNAPSHOT = 10;
  private static final int READERS = 2;

  private StalledLoop() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws InterruptedException {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean holdWhileWriting) throws InterruptedException {
    long holdMs = ctx.options().number("hold-ms", DEFAULT_HOLD_MS);
    long ticksAfter = ctx.options().number("ticks-after", DEFAULT_TICKS_AFTER);
    ScenarioLock state = ScenarioLocks.lock("state", ctx.lockKind());
    AtomicLong iteration = new AtomicLong();
    long[] counter = new long[1];
    boolean[] snapshotWritten = new boolean[1];
    boolean[] stopped = new boolean[1];

    ctx.ready();
    Thread loop = ctx.start("control-loop", () -> {
      long ticksLeft = ticksAfter;
      while (ticksLeft > 0) {
        if (state.call(() -> {
          counter[0]++;
          return snapshotWritten[0];
        })) {
          ticksLeft--;
        }
        iteration.incrementAndGet();
        sleep(TICK_MS);
      }
      state.run(() -> stopped[0] = true);
    });
    for (int r = 1; r <= READERS; r++) {
      ctx.start("metrics-reader-" + r, () -> {
        while (!state.call(() -> stopped[0])) {
          sleep(2 * TICK_MS);
        }
      });
    }
    ctx.start("snapshot-writer", () -> {
      while (iteration.get() < TICKS_BEFORE_SNAPSHOT) {
        sleep(TICK_MS);
      }
      if (holdWhileWriting) {
        state.run(() -> {
          ctx.hazard("snapshot-writer holds 'state' for " + holdMs + " ms; control-loop stalls at iteration "
              + iteration.get());
          writeToSlowDisk(counter[0], holdMs);
          snapshotWritten[0] = true;
        });
      } else {
        long copy = state.call(() -> counter[0]);
        writeToSlowDisk(copy, holdMs);
        state.run(() -> snapshotWritten[0] = true);
      }
    });
    loop.join();
    ctx.joinAll();
    ctx.info("iterations=" + iteration.get());
  }

  /** Stands in for a slow fsync of the snapshot. */
  private static void writeToSlowDisk(long snapshot, long millis) {
    sleep(millis);
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
