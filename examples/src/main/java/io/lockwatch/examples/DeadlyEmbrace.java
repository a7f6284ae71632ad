package io.lockwatch.examples;

/**
 * Pattern 2: two threads take {@code cache} then {@code db}, and {@code db} then {@code cache}.
 *
 * <p>{@code deadly-embrace} really deadlocks: each thread takes its first lock, waits (lock-free)
 * until the other holds its own, then asks for the second. {@code deadly-embrace-latent} takes both
 * orders one after the other, so it never hangs, but both orders are observed: only prediction
 * catches it. The fixed twins take both locks in the global order cache → db.
 *
 * <p>Options: {@code --lock=monitor|reentrant}, {@code --iterations=N} (latent and fixed).
 */
final class DeadlyEmbrace {
  private static final long DEFAULT_ITERATIONS = 20;

  private DeadlyEmbrace() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    LockKind kind = ctx.lockKind();
    ScenarioLock cache = ScenarioLocks.lock("cache", kind);
    ScenarioLock db = ScenarioLocks.lock("db", kind);
    SpinGate bothHoldFirst = new SpinGate();
    ctx.start("cache-writer", () -> cache.run(() -> {
      bothHoldFirst.arriveAndAwait(2);
      db.run(() -> ctx.info("unreachable"));
    }));
    ctx.start("db-writer", () -> db.run(() -> {
      bothHoldFirst.arriveAndAwait(2);
      cache.run(() -> ctx.info("unreachable"));
    }));
    ctx.ready();
    bothHoldFirst.await(2);
    ctx.hazard("cache-writer holds cache and wants db; db-writer holds db and wants cache");
    ctx.joinAll();
  }

  static void latent(ScenarioContext ctx) throws InterruptedException {
    LockKind kind = ctx.lockKind();
    ScenarioLock cache = ScenarioLocks.lock("cache", kind);
    ScenarioLock db = ScenarioLocks.lock("db", kind);
    long iterations = ctx.options().number("iterations", DEFAULT_ITERATIONS);
    long[] writes = new long[1];
    ctx.ready();
    ctx.start("cache-writer", () -> {
      for (long i = 0; i < iterations; i++) {
        cache.run(() -> db.run(() -> writes[0]++));
      }
    }).join();
    ctx.start("db-writer", () -> {
      for (long i = 0; i < iterations; i++) {
        db.run(() -> {
          ctx.hazardOnce("db-writer holds db and takes cache: the inverse of cache-writer's order");
          cache.run(() -> writes[0]++);
        });
      }
    }).join();
    ctx.info("writes=" + writes[0]);
  }

  static void fixedConcurrent(ScenarioContext ctx) throws InterruptedException {
    inGlobalOrder(ctx, true);
  }

  static void fixedSequential(ScenarioContext ctx) throws InterruptedException {
    inGlobalOrder(ctx, false);
  }

  /** Both writers take cache before db (the documented global order). */
  private static void inGlobalOrder(ScenarioContext ctx, boolean concurrent) throws InterruptedException {
    LockKind kind = ctx.lockKind();
    ScenarioLock cache = ScenarioLocks.lock("cache", kind);
    ScenarioLock db = ScenarioLocks.lock("db", kind);
    long iterations = ctx.options().number("iterations", DEFAULT_ITERATIONS);
    long[] writes = new long[1];
    ctx.ready();
    Runnable writer = () -> {
      for (long i = 0; i < iterations; i++) {
        cache.run(() -> db.run(() -> writes[0]++));
      }
    };
    Thread first = ctx.start("cache-writer", writer);
    if (!concurrent) {
      first.join();
    }
    ctx.start("db-writer", writer);
    ctx.joinAll();
    ctx.info("writes=" + writes[0]);
  }
}
