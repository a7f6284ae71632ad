package io.lockwatch;

import io.lockwatch.events.LockwatchSettings;
import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.RuntimeSettings;
import io.lockwatch.runtime.ThreadLockState;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of reporting an uncontended {@link ReentrantLock} pair, and a nested pair on an already
 * known order edge, through the Lockwatch runtime, each beside its bare baseline in the same run.
 *
 * <ul>
 *   <li>{@code baseline*}: the bare lock pair.
 *   <li>{@code wrapped*}: the pair through {@link Lockwatch#wrap(Lock, String)} (the explicit API).
 *   <li>{@code hooks*}: the bare pair with the {@code LockRuntime} hook calls around it, as the
 *       agent's inlined advice makes them (no wrapper indirection).
 * </ul>
 * {@code recording=lockwatch} runs every measurement under a JFR recording with {@code
 * lockwatch.jfc} (default thresholds: holds and waits 10 ms), so the runtime is active;
 * {@code recording=none} measures the runtime present but with no recording.
 *
 * <p>Run: {@code mvn -B -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar LockPairBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class LockPairBenchmark {
  @Param({"lockwatch", "none"})
  public String recording;

  private final ReentrantLock a = new ReentrantLock();
  private final ReentrantLock b = new ReentrantLock();
  private Lock wrappedA;
  private Lock wrappedB;
  private Recording jfr;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    wrappedA = Lockwatch.wrap(new ReentrantLock(), "bench-a");
    wrappedB = Lockwatch.wrap(new ReentrantLock(), "bench-b");
    if (recording.equals("lockwatch")) {
      jfr = new Recording(LockwatchSettings.configuration());
      jfr.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!RuntimeSettings.isActive() && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      if (!RuntimeSettings.isActive()) {
        throw new IllegalStateException("runtime did not switch on under the recording");
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (jfr != null) {
      jfr.close();
    }
  }

  @Benchmark
  public void baselineUncontendedPair() {
    a.lock();
    a.unlock();
  }

  @Benchmark
  public void wrappedUncontendedPair() {
    wrappedA.lock();
    wrappedA.unlock();
  }

  @Benchmark
  public void hooksUncontendedPair() {
    ThreadLockState s = LockRuntime.beforeAcquire(a, LockRuntime.EXCLUSIVE);
    a.lock();
    LockRuntime.afterAcquire(s, a, LockRuntime.EXCLUSIVE);
    a.unlock();
    LockRuntime.release(a, LockRuntime.EXCLUSIVE);
  }

  @Benchmark
  public void baselineNestedPair() {
    a.lock();
    b.lock();
    b.unlock();
    a.unlock();
  }

  @Benchmark
  public void wrappedNestedPair() {
    wrappedA.lock();
    wrappedB.lock();
    wrappedB.unlock();
    wrappedA.unlock();
  }

  @Benchmark
  public void hooksNestedPair() {
    ThreadLockState s = LockRuntime.beforeAcquire(a, LockRuntime.EXCLUSIVE);
    a.lock();
    LockRuntime.afterAcquire(s, a, LockRuntime.EXCLUSIVE);
    ThreadLockState s2 = LockRuntime.beforeAcquire(b, LockRuntime.EXCLUSIVE);
    b.lock();
    LockRuntime.afterAcquire(s2, b, LockRuntime.EXCLUSIVE);
    b.unlock();
    LockRuntime.release(b, LockRuntime.EXCLUSIVE);
    a.unlock();
    LockRuntime.release(a, LockRuntime.EXCLUSIVE);
  }
}
