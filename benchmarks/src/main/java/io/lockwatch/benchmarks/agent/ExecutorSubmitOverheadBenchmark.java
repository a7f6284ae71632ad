package io.lockwatch.benchmarks.agent;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Submission cost of {@link ThreadPoolExecutor#execute} of a trivial {@link Runnable} on a pool of
 * one thread with an unbounded {@link LinkedBlockingQueue}, as an unmodified application calls it.
 *
 * <p>Each invocation submits {@value #BATCH} distinct task objects (the agent keys its side table
 * by task identity, so one reused instance would understate its cost). While they are submitted
 * the only worker is parked in a gate task, so the measurement is the submitting thread's cost
 * alone (ctl check, queue offer with its {@code ReentrantLock}, and the agent's submit hook), not
 * a race with the worker for the machine's two cores. The per-invocation teardown opens the gate
 * and waits until the worker has run every task (untimed), so the queue never grows across
 * invocations; the agent's task start/end hooks on the worker are therefore not in the score.
 *
 * <p>Run all agent configurations with {@code benchmarks/run-agent-benchmarks.sh}, or {@code java
 * -cp benchmarks/target/benchmarks.jar io.lockwatch.benchmarks.agent.AgentOverheadBenchmarks
 * ExecutorSubmitOverhead -f 1 -wi 3 -i 5 -w 1 -r 1} after {@code ./mvnw -B -q -DskipTests package
 * -pl benchmarks,agent -am}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ExecutorSubmitOverheadBenchmark {
  /** Tasks submitted per invocation. */
  static final int BATCH = 1000;
  private static final int WARM_UP_BATCHES = 50;

  private final AtomicInteger completed = new AtomicInteger();
  private final Gate gate = new Gate();
  private final Runnable[] tasks = new Runnable[BATCH];
  private ThreadPoolExecutor pool;

  /**
   * Starts the pool's worker and warms submission and execution up.
   *
   * @throws Exception if the agent is not in the state the configuration promises
   */
  @Setup(Level.Trial)
  public void startPool() throws Exception {
    ForkPreparation.prepare();
    pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "bench-pool-worker");
          t.setDaemon(true);
          return t;
        });
    pool.prestartAllCoreThreads();
    for (int i = 0; i < BATCH; i++) {
      tasks[i] = new CountingTask(completed);
    }
    for (int i = 0; i < WARM_UP_BATCHES; i++) {
      holdWorker();
      execute();
      drain();
    }
  }

  /** Parks the worker in the gate task before the timed batch. */
  @Setup(Level.Invocation)
  public void holdWorker() {
    completed.set(0);
    gate.close();
    pool.execute(gate);
    gate.awaitEntered();
  }

  /**
   * Submits the batch.
   *
   * @return the queue length after the batch, against dead-code elimination
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int execute() {
    for (Runnable task : tasks) {
      pool.execute(task);
    }
    return pool.getQueue().size();
  }

  /** Releases the worker and waits until it has run the whole batch (untimed). */
  @TearDown(Level.Invocation)
  public void drain() {
    gate.open();
    while (completed.get() < BATCH) {
      LockSupport.parkNanos(20_000);
    }
  }

  /**
   * Stops the pool.
   *
   * @throws InterruptedException if interrupted while waiting for the worker to end
   */
  @TearDown(Level.Trial)
  public void stopPool() throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("pool did not terminate");
    }
  }

  /** The trivial task: counts its own completion. */
  static final class CountingTask implements Runnable {
    private final AtomicInteger completed;

    CountingTask(AtomicInteger completed) {
      this.completed = completed;
    }

    @Override
    public void run() {
      completed.incrementAndGet();
    }
  }

  /** A task that parks its worker until opened. */
  static final class Gate implements Runnable {
    private volatile boolean open;
    private volatile boolean entered;
    private volatile Thread worker;

    void close() {
      open = false;
      entered = false;
    }

    void awaitEntered() {
      while (!entered) {
        Thread.onSpinWait();
        Thread.yield();
      }
    }

    void open() {
      open = true;
      LockSupport.unpark(worker);
    }

    @Override
    public void run() {
      worker = Thread.currentThread();
      entered = true;
      while (!open) {
        LockSupport.park(this);
      }
    }
  }
}
