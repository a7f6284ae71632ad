package io.lockwatch.examples;

import io.lockwatch.Lockwatch;

/**
 * An acquisition against a declared order: the application declares {@code config → users →
 * sessions} with {@code Lockwatch.declareOrder("app", ...)}, and an admin task takes {@code users}
 * and then {@code config}. It never hangs; the declaration makes it a finding on the first run.
 *
 * <p>Fixed twin: the admin task follows the declared order.
 *
 * <p>Options: {@code --lock=monitor|reentrant}, {@code --iterations=N}.
 */
final class DeclaredOrder {
  private static final long DEFAULT_ITERATIONS = 5;

  private DeclaredOrder() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws InterruptedException {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean violate) throws InterruptedException {
    Lockwatch.declareOrder("app", "config", "users", "sessions");
    LockKind kind = ctx.lockKind();
    ScenarioLock config = ScenarioLocks.lock("config", kind);
    ScenarioLock users = ScenarioLocks.lock("users", kind);
    ScenarioLock sessions = ScenarioLocks.lock("sessions", kind);
    long iterations = ctx.options().number("iterations", DEFAULT_ITERATIONS);
    long[] changes = new long[1];
    ctx.ready();
    ctx.start("login", () -> {
      for (long i = 0; i < iterations; i++) {
        // consistent with the declaration, and no pair that admin inverts: a pure violation, no cycle
        config.run(() -> sessions.run(() -> changes[0]++));
        users.run(() -> sessions.run(() -> changes[0]++));
      }
    }).join();
    ctx.start("admin", () -> {
      for (long i = 0; i < iterations; i++) {
        if (violate) {
          users.run(() -> {
            ctx.hazardOnce("admin holds 'users' and takes 'config'; declared order is config -> users -> sessions");
            config.run(() -> changes[0]++);
          });
        } else {
          config.run(() -> users.run(() -> changes[0]++));
        }
      }
    }).join();
    ctx.info("changes=" + changes[0]);
  }
}
