package io.lockwatch.examples;

import java.util.concurrent.TimeUnit;

/**
 * A lock held longer than the long-hold threshold while others wait: a batch job holds {@code
 * inventory} for {@code --hold-ms} (default 300) while two request threads queue behind it.
 *
 * <p>Fixed twin: the batch job prepares each of its chunks outside the lock and holds {@code
 * inventory} only to apply one chunk, well under a millisecond at a time.
 *
 * <p>Options: {@code --hold-ms=N}, {@code --lock=monitor|reentrant}.
 */
final class LongHold {
  private static final long DEFAULT_HOLD_MS = 300;
  private static final int CHUNKS = 30;
  private static final int REQUESTERS = 2;
  private static final int REQUESTS = 10;

  private LongHold() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws InterruptedException {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean holdWholeBatch) throws InterruptedException {
    long holdMs = ctx.options().number("hold-ms", DEFAULT_HOLD_MS);
    ScenarioLock inventory = ScenarioLocks.lock("inventory", ctx.lockKind());
    long[] stock = new long[1];
    long[] lookups = new long[1];
    SpinGate batchStarted = new SpinGate();

    ctx.ready();
    ctx.start("batch-job", () -> {
      if (holdWholeBatch) {
        inventory.run(() -> {
          batchStarted.arrive();
          ctx.hazard("batch-job holds 'inventory' for " + holdMs + " ms while requests wait");
          for (int c = 0; c < CHUNKS; c++) {
            stock[0] += prepareChunk(holdMs / CHUNKS);
          }
        });
      } else {
        batchStarted.arrive();
        for (int c = 0; c < CHUNKS; c++) {
          long chunk = prepareChunk(holdMs / CHUNKS);
          inventory.run(() -> stock[0] += chunk);
        }
      }
    });
    batchStarted.await(1);
    for (int r = 1; r <= REQUESTERS; r++) {
      ctx.start("request-" + r, () -> {
        for (int i = 0; i < REQUESTS; i++) {
          inventory.run(() -> lookups[0]++);
          pause(holdMs / REQUESTS);
        }
      });
    }
    ctx.joinAll();
    ctx.info("stock=" + stock[0] + " lookups=" + lookups[0]);
  }

  /** Stands in for reading one chunk of the batch from a slow source. */
  private static long prepareChunk(long millis) {
    pause(millis);
    return 1;
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
