package io.lockwatch.examples;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Phaser;

/**
 * Pattern 4: the code looks consistent, but a listener inverts the effective order. Updaters take
 * {@code model} and notify listeners, and the view's listener takes {@code view}: model → view.
 * Renderers take {@code view} and read the model: view → model.
 *
 * <p>Several updater and renderer threads run a bounded number of rounds with real contention. By
 * default a {@link Phaser} (not a lock) alternates update and render phases, so the run never
 * hangs while both orders are observed many times: only prediction catches it. {@code --overlap}
 * drops the phases, so a run may (rarely) deadlock for real.
 *
 * <p>Fixed twin: renderers copy the model's value under {@code model} alone, then take {@code
 * view}; no thread ever holds view while taking model.
 *
 * <p>Options: {@code --lock=monitor|reentrant}, {@code --rounds=N}, {@code --overlap}.
 */
final class ListenerInversion {
  private static final int UPDATERS = 3;
  private static final int RENDERERS = 2;
  private static final int OPERATIONS_PER_ROUND = 5;
  private static final long DEFAULT_ROUNDS = 20;

  private ListenerInversion() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws InterruptedException {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean inverted) throws InterruptedException {
    LockKind kind = ctx.lockKind();
    ScenarioLock model = ScenarioLocks.lock("model", kind);
    ScenarioLock view = ScenarioLocks.lock("view", kind);
    long rounds = ctx.options().number("rounds", DEFAULT_ROUNDS);
    Phaser phases = inverted && !ctx.options().flag("overlap") ? new Phaser(UPDATERS + RENDERERS) : null;
    long[] value = new long[1];
    long[] shown = new long[1];
    boolean[] dirty = new boolean[1];
    List<Runnable> listeners = new CopyOnWriteArrayList<>();
    listeners.add(() -> view.run(() -> dirty[0] = true));

    Runnable update = () -> model.run(() -> {
      value[0]++;
      for (Runnable listener : listeners) {
        listener.run();
      }
    });
    Runnable render = inverted
        ? () -> view.run(() -> {
            ctx.hazardOnce("a renderer holds 'view' and takes 'model'; updaters take model then view");
            shown[0] = model.call(() -> value[0]);
            dirty[0] = false;
          })
        : () -> {
            long copy = model.call(() -> value[0]);
            view.run(() -> {
              shown[0] = copy;
              dirty[0] = false;
            });
          };

    ctx.ready();
    for (int u = 1; u <= UPDATERS; u++) {
      ctx.start("updater-" + u, () -> {
        for (long r = 0; r < rounds; r++) {
          repeat(update);
          advance(phases); // end of the update phase
          advance(phases); // renderers' phase
        }
      });
    }
    for (int v = 1; v <= RENDERERS; v++) {
      ctx.start("renderer-" + v, () -> {
        for (long r = 0; r < rounds; r++) {
          advance(phases);
          repeat(render);
          advance(phases);
        }
      });
    }
    ctx.joinAll();
    ctx.info("value=" + value[0] + " shown=" + shown[0]);
  }

  private static void repeat(Runnable operation) {
    for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
      operation.run();
    }
  }

  private static void advance(Phaser phases) {
    if (phases != null) {
      phases.arriveAndAwaitAdvance();
    }
  }
}
