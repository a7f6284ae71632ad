package io.lockwatch.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;

/**
 * Pattern 7: "more than N ms to get this lock is a bug". A config reloader holds {@code config}
 * while it loads the new config ({@code --hold-ms}, default 1000); two request threads retry
 * {@code tryLock(--try-ms)} (default 100) and time out again and again until it is released.
 * Lockwatch should record and count the timed-out attempts and name the holder.
 *
 * <p>Fixed twin: the reloader loads outside the lock and takes it only to swap the config in; no
 * attempt times out.
 */
final class TrylockTimeouts {
  private static final long DEFAULT_HOLD_MS = 1000;
  private static final long DEFAULT_TRY_MS = 100;
  private static final long REQUEST_PAUSE_MS = 10;
  private static final int REQUESTERS = 2;

  private TrylockTimeouts() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws InterruptedException {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean loadUnderLock) throws InterruptedException {
    long holdMs = ctx.options().number("hold-ms", DEFAULT_HOLD_MS);
    long tryMs = ctx.options().number("try-ms", DEFAULT_TRY_MS);
    Lock config = ScenarioLocks.reentrantLock("config");
    String[] current = {"v1"};
    boolean[] reloaded = new boolean[1];
    AtomicLong timeouts = new AtomicLong();
    AtomicLong served = new AtomicLong();
    SpinGate reloadStarted = new SpinGate();

    ctx.ready();
    ctx.start("config-reloader", () -> {
      if (loadUnderLock) {
        config.lock();
        try {
          reloadStarted.arrive();
          current[0] = load(holdMs);
          // a loaded machine may start the requesters late: keep "loading" until one timed out
          while (timeouts.get() == 0) {
            pause(REQUEST_PAUSE_MS);
          }
          reloaded[0] = true;
        } finally {
          config.unlock();
        }
      } else {
        reloadStarted.arrive();
        String next = load(holdMs);
        config.lock();
        try {
          current[0] = next;
          reloaded[0] = true;
        } finally {
          config.unlock();
        }
      }
    });
    reloadStarted.await(1);
    for (int r = 1; r <= REQUESTERS; r++) {
      ctx.start("request-" + r, () -> {
        boolean done = false;
        while (!done) {
          try {
            if (config.tryLock(tryMs, TimeUnit.MILLISECONDS)) {
              try {
                served.incrementAndGet();
                done = reloaded[0];
              } finally {
                config.unlock();
              }
              pause(REQUEST_PAUSE_MS);
            } else {
              timeouts.incrementAndGet();
              ctx.hazardOnce("tryLock(" + tryMs + " ms) on 'config' timed out: config-reloader holds it");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      });
    }
    ctx.joinAll();
    ctx.info("timeouts=" + timeouts.get() + " served=" + served.get() + " config=" + current[0]);
  }

  /** Stands in for reading and parsing a slow config source. */
  private static String load(long millis) {
    pause(millis);
    return "v2";
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
