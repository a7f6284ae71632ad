package io.lockwatch.benchmarks.agent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Uncontended lock pairs as an unmodified application writes them, with no Lockwatch API: a
 * {@link ReentrantLock} pair, a {@code synchronized} pair, and nested pairs A then B on an order
 * edge the agent already knows (taken in {@code @Setup}), for both kinds. Under the agent the
 * {@code ReentrantLock} pairs go through its retransformed JDK methods and the {@code synchronized}
 * blocks through its rewritten monitor sites in this (application) class.
 *
 * <p>The agent configurations are chosen by {@link AgentOverheadBenchmarks}; run all of them with
 * {@code benchmarks/run-agent-benchmarks.sh}, or {@code java -cp benchmarks/target/benchmarks.jar
 * io.lockwatch.benchmarks.agent.AgentOverheadBenchmarks LockPairOverhead -f 1 -wi 3 -i 5 -w 1 -r 1}
 * after {@code ./mvnw -B -q -DskipTests package -pl benchmarks,agent -am}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LockPairOverheadBenchmark {
  private static final int WARM_UP_PAIRS = 20_000;

  private final ReentrantLock lockA = new ReentrantLock();
  private final ReentrantLock lockB = new ReentrantLock();
  private final Object monitorA = new Object();
  private final Object monitorB = new Object();
  private int counter;

  /**
   * Brings the fork into its agent configuration and makes A then B a known edge for both kinds.
   *
   * @throws Exception if the agent is not in the state the configuration promises
   */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    ForkPreparation.prepare();
    for (int i = 0; i < WARM_UP_PAIRS; i++) {
      reentrantLockPair();
      synchronizedPair();
      nestedReentrantLockPair();
      nestedSynchronizedPair();
    }
  }

  /**
   * One uncontended {@code ReentrantLock} lock/unlock pair.
   *
   * @return the counter, against dead-code elimination
   */
  @Benchmark
  public int reentrantLockPair() {
    lockA.lock();
    try {
      return ++counter;
    } finally {
      lockA.unlock();
    }
  }

  /**
   * One uncontended {@code synchronized} block.
   *
   * @return the counter, against dead-code elimination
   */
  @Benchmark
  public int synchronizedPair() {
    synchronized (monitorA) {
      return ++counter;
    }
  }

  /**
   * Lock A, then B (a known edge), both {@code ReentrantLock}; release in reverse order.
   *
   * @return the counter, against dead-code elimination
   */
  @Benchmark
  public int nestedReentrantLockPair() {
    lockA.lock();
    try {
      lockB.lock();
      try {
        return ++counter;
      } finally {
        lockB.unlock();
      }
    } finally {
      lockA.unlock();
    }
  }

  /**
   * Monitor A, then B (a known edge), both {@code synchronized}.
   *
   * @return the counter, against dead-code elimination
   */
  @Benchmark
  public int nestedSynchronizedPair() {
    synchronized (monitorA) {
      synchronized (monitorB) {
        return ++counter;
      }
    }
  }
}
