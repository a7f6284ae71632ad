package io.lockwatch.benchmarks.agent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Agent overhead, baseline: no agent. {@link WithAgentEventsDisabled} runs the same methods under
 * {@code -javaagent} with no recording that enables the lockwatch events (the advice runs, the
 * runtime is inactive), {@link WithAgent} under {@code -javaagent} at default settings (its own
 * recording with lockwatch.jfc). Simulated: an uncontended {@code ReentrantLock} pair, an
 * uncontended {@code synchronized} pair, a nested pair on an already-known order edge, and
 * {@code ThreadPoolExecutor.execute} of a no-op task (including its run on the worker).
 *
 * <p>Run from the repository root, after {@code mvn -B -DskipTests package}:
 * <pre>java -jar benchmarks/target/benchmarks.jar 'io.lockwatch.benchmarks.agent.*' -rf json</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AgentOverheadBenchmark {
  private static final int TASKS = 100;

  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantLock outer = new ReentrantLock();
  private final ReentrantLock inner = new ReentrantLock();
  private final Object monitor = new Object();
  private ThreadPoolExecutor pool;
  private int counter;

  @Setup
  public void setUp() {
    pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    pool.prestartAllCoreThreads();
    nestedKnownEdge(); // the edge outer -> inner is known from now on
  }

  @TearDown
  public void tearDown() {
    pool.shutdownNow();
  }

  @Benchmark
  public int uncontendedReentrantLock() {
    lock.lock();
    try {
      return ++counter;
    } finally {
      lock.unlock();
    }
  }

  @Benchmark
  public int uncontendedSynchronized() {
    synchronized (monitor) {
      return ++counter;
    }
  }

  @Benchmark
  public int nestedKnownEdge() {
    outer.lock();
    try {
      inner.lock();
      try {
        return ++counter;
      } finally {
        inner.unlock();
      }
    } finally {
      outer.unlock();
    }
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void threadPoolExecute() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(TASKS);
    Runnable task = done::countDown;
    for (int i = 0; i < TASKS; i++) {
      pool.execute(task);
    }
    done.await();
  }

  /** The same benchmarks with the agent installed but no recording enabling lockwatch events. */
  @Fork(value = 1, jvmArgsAppend =
      "-javaagent:agent/target/lockwatch-agent.jar=start-recording=false")
  public static class WithAgentEventsDisabled extends AgentOverheadBenchmark {
  }

  /** The same benchmarks with the agent at default settings. */
  @Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/lockwatch-agent.jar")
  public static class WithAgent extends AgentOverheadBenchmark {
  }
}
