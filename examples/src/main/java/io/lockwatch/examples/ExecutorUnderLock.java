package io.lockwatch.examples;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Pattern 1: a lock held while calling into a thread pool whose tasks need the same lock.
 *
 * <p>{@code --mode=stream} (default): {@code synchronized (state) { items.parallelStream()
 * .forEach(i -> { synchronized (state) {...} }) }}. The caller runs some elements itself (it owns
 * the monitor, so those pass), which makes the plain version racy; here the caller's first element
 * waits until a common-pool worker has taken one, so the freeze is deterministic. {@code
 * --mode=submit}: a {@code ReentrantLock} held around {@code executor.submit(task).get()}. {@code
 * --mode=future}: {@code CompletableFuture.runAsync(task).join()} inside {@code synchronized}.
 *
 * <p>Fixed twin: copy what is needed under the lock, release it, then fan out. In API mode the
 * default mode is {@code submit}, because monitors and the common pool cannot be wrapped.
 */
final class ExecutorUnderLock {
  private static final int ITEMS = 8;
  private static final int FIXED_ROUNDS = 20;

  private ExecutorUnderLock() {}

  static void hazard(ScenarioContext ctx) throws Exception {
    switch (mode(ctx)) {
      case "stream":
        parallelStreamUnderMonitor(ctx);
        break;
      case "submit":
        submitGetUnderLock(ctx);
        break;
      default:
        joinUnderMonitor(ctx);
    }
  }

  static void fixed(ScenarioContext ctx) throws Exception {
    switch (mode(ctx)) {
      case "stream":
        parallelStreamAfterCopy(ctx);
        break;
      case "submit":
        submitGetAfterCopy(ctx);
        break;
      default:
        joinAfterCopy(ctx);
    }
  }

  /**
   * The {@code --mode}; in API mode the default is {@code submit}, the only variant whose lock
   * and executor the explicit API can wrap.
   */
  private static String mode(ScenarioContext ctx) {
    return ScenarioLocks.apiEnabled()
        ? ctx.options().choice("mode", "submit", "stream", "future")
        : ctx.options().choice("mode", "stream", "submit", "future");
  }

  private static List<Integer> items() {
    return IntStream.range(0, ITEMS).boxed().collect(Collectors.toList());
  }

  private static void parallelStreamUnderMonitor(ScenarioContext ctx) {
    Object state = ScenarioLocks.monitor("state");
    List<Integer> items = items();
    long[] total = new long[1];
    Thread caller = Thread.currentThread();
    SpinGate workerTookAnItem = new SpinGate();
    ctx.ready();
    synchronized (state) {
      items.parallelStream().forEach(i -> {
        if (Thread.currentThread() == caller) {
          workerTookAnItem.await(1);
          ctx.hazardOnce("caller holds 'state' and waits for common-pool workers that need it");
        } else {
          workerTookAnItem.arrive();
        }
        synchronized (state) {
          total[0] += i;
        }
      });
    }
    ctx.info("total=" + total[0]);
  }

  private static void submitGetUnderLock(ScenarioContext ctx) throws Exception {
    Lock state = ScenarioLocks.reentrantLock("state");
    ExecutorService workers = ScenarioLocks.fixedPool("workers", 2);
    ctx.ready();
    state.lock();
    try {
      Future<Integer> task = workers.submit(() -> {
        state.lock();
        try {
          return 1;
        } finally {
          state.unlock();
        }
      });
      ctx.hazard("caller holds 'state' and waits on a task of 'workers' that needs it");
      task.get();
    } finally {
      state.unlock();
    }
    workers.shutdown();
  }

  private static void joinUnderMonitor(ScenarioContext ctx) {
    Object state = ScenarioLocks.monitor("state");
    SpinGate taskStarted = new SpinGate();
    ctx.ready();
    synchronized (state) {
      CompletableFuture<Void> task = CompletableFuture.runAsync(() -> {
        taskStarted.arrive();
        synchronized (state) {
          ctx.info("unreachable");
        }
      });
      // wait until a pool worker runs it, so that join() cannot run it on this thread
      taskStarted.await(1);
      ctx.hazard("caller holds 'state' and joins a common-pool task that needs it");
      task.join();
    }
  }

  private static void parallelStreamAfterCopy(ScenarioContext ctx) {
    Object state = ScenarioLocks.monitor("state");
    List<Integer> items = items();
    long[] total = new long[1];
    ctx.ready();
    for (int round = 0; round < FIXED_ROUNDS; round++) {
      List<Integer> snapshot;
      synchronized (state) {
        snapshot = List.copyOf(items);
      }
      long sum = snapshot.parallelStream().mapToLong(i -> {
        synchronized (state) {
          return i * 2L;
        }
      }).sum();
      synchronized (state) {
        total[0] += sum;
      }
    }
    ctx.info("total=" + total[0]);
  }

  private static void submitGetAfterCopy(ScenarioContext ctx) throws Exception {
    Lock state = ScenarioLocks.reentrantLock("state");
    ExecutorService workers = ScenarioLocks.fixedPool("workers", 2);
    List<Integer> items = items();
    long total = 0;
    ctx.ready();
    for (int round = 0; round < FIXED_ROUNDS; round++) {
      List<Integer> snapshot;
      state.lock();
      try {
        snapshot = List.copyOf(items);
      } finally {
        state.unlock();
      }
      Future<Integer> task = workers.submit(() -> {
        state.lock();
        try {
          return snapshot.size();
        } finally {
          state.unlock();
        }
      });
      total += task.get();
    }
    workers.shutdown();
    ctx.info("total=" + total);
  }

  private static void joinAfterCopy(ScenarioContext ctx) {
    Object state = ScenarioLocks.monitor("state");
    List<Integer> items = items();
    long total = 0;
    ctx.ready();
    for (int round = 0; round < FIXED_ROUNDS; round++) {
      List<Integer> snapshot;
      synchronized (state) {
        snapshot = List.copyOf(items);
      }
      total += CompletableFuture.supplyAsync(() -> {
        synchronized (state) {
          return snapshot.size();
        }
      }).join();
    }
    ctx.info("total=" + total);
  }
}
