package io.lockwatch.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * Pattern 6: tasks of a bounded pool submit a child task to the <em>same</em> pool and block on
 * its result. Once every worker is such a parent, the children wait in the queue forever: a
 * thread-pool starvation deadlock. Every parent waits until all workers run parents before it
 * submits, so the freeze is deterministic.
 *
 * <p>{@code --pool=fixed} (default): a fixed pool {@code workers} of {@code --threads=N} (default
 * 2), parents block in {@code Future.get()}. {@code --pool=common}: the common {@code
 * ForkJoinPool}; parents {@code execute} a {@code FutureTask} child there and block in its
 * {@code get()}, which (unlike {@code ForkJoinTask.join}) neither helps nor compensates.
 *
 * <p>Fixed twin: children go to a separate pool {@code io}.
 */
final class PoolSelfWait {
  private static final long DEFAULT_THREADS = 2;

  private PoolSelfWait() {}

  static void hazard(ScenarioContext ctx) throws Exception {
    run(ctx, true);
  }

  static void fixed(ScenarioContext ctx) throws Exception {
    run(ctx, false);
  }

  private static void run(ScenarioContext ctx, boolean samePool) throws Exception {
    boolean common = ctx.options().choice("pool", "fixed", "common").equals("common");
    ExecutorService parents;
    int workers;
    if (common) {
      parents = ForkJoinPool.commonPool();
      workers = ForkJoinPool.getCommonPoolParallelism();
    } else {
      workers = (int) Math.max(1, ctx.options().number("threads", DEFAULT_THREADS));
      parents = ScenarioLocks.fixedPool("workers", workers);
    }
    ExecutorService children = samePool ? parents : ScenarioLocks.fixedPool("io", 1);
    String poolName = common ? "the common ForkJoinPool" : "'workers'";
    CountDownLatch allWorkersBusy = new CountDownLatch(workers);
    ctx.ready();
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      int id = i;
      FutureTask<String> parent = new FutureTask<>(() -> {
        allWorkersBusy.countDown();
        allWorkersBusy.await();
        FutureTask<String> child = new FutureTask<>(() -> "child-" + id);
        children.execute(child);
        if (samePool) {
          ctx.hazardOnce("all " + workers + " workers of " + poolName + " block on children queued behind them");
        }
        return child.get();
      });
      parents.execute(parent);
      results.add(parent);
    }
    for (Future<String> result : results) {
      result.get();
    }
    ctx.info("parents=" + results.size());
    if (!common) {
      parents.shutdown();
    }
    if (!samePool) {
      children.shutdown();
    }
  }
}
