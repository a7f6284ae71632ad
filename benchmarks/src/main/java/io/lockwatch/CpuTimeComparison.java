package io.lockwatch;

import io.lockwatch.events.LockwatchSettings;
import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.RuntimeSettings;
import io.lockwatch.runtime.ThreadLockState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;

/**
 * A noise-tolerant companion to {@link LockPairBenchmark} for shared machines: the same operations,
 * timed by the measuring thread's own CPU time (time spent descheduled by other processes does
 * not count), interleaved round by round so that baseline and measurement see the same machine
 * state; prints the minimum and median ns per operation over the rounds.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.lockwatch.CpuTimeComparison
 * [lockwatch|none] [rounds]}
 */
public final class CpuTimeComparison {
  private static final int OPS = 10_000_000;
  private static final ReentrantLock A = new ReentrantLock();
  private static final ReentrantLock B = new ReentrantLock();
  private static final Lock WA = Lockwatch.wrap(new ReentrantLock(), "cpu-a");
  private static final Lock WB = Lockwatch.wrap(new ReentrantLock(), "cpu-b");

  private CpuTimeComparison() {}

  public static void main(String[] args) throws Exception {
    boolean record = args.length == 0 || args[0].equals("lockwatch");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Recording jfr = null;
    if (record) {
      jfr = new Recording(LockwatchSettings.configuration());
      jfr.start();
      if (!RuntimeSettings.isActive()) {
        throw new IllegalStateException("runtime not active");
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = {"baselineUncontendedPair", "hooksUncontendedPair",
        "wrappedUncontendedPair", "baselineNestedPair", "hooksNestedPair", "wrappedNestedPair"};
    double[][] ns = new double[names.length][rounds];
    for (int warm = 0; warm < 5; warm++) {
      for (int v = 0; v < names.length; v++) {
        run(v);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int v = 0; v < names.length; v++) {
        long t0 = mx.getCurrentThreadCpuTime();
        run(v);
        ns[v][r] = (double) (mx.getCurrentThreadCpuTime() - t0) / OPS;
      }
    }
    System.out.printf("recording=%s rounds=%d ops/round=%d (thread CPU time, ns/op)%n",
        record ? "lockwatch" : "none", rounds, OPS);
    for (int v = 0; v < names.length; v++) {
      double[] s = ns[v].clone();
      Arrays.sort(s);
      System.out.printf("  %-26s min %6.2f  median %6.2f%n", names[v], s[0], s[s.length / 2]);
    }
    if (jfr != null) {
      jfr.close();
    }
  }

  private static void run(int variant) {
    switch (variant) {
      case 0: baselineUncontended(); break;
      case 1: hooksUncontended(); break;
      case 2: wrappedUncontended(); break;
      case 3: baselineNested(); break;
      case 4: hooksNested(); break;
      default: wrappedNested(); break;
    }
  }

  private static void baselineUncontended() {
    for (int i = 0; i < OPS; i++) {
      A.lock();
      A.unlock();
    }
  }

  private static void hooksUncontended() {
    for (int i = 0; i < OPS; i++) {
      ThreadLockState s = LockRuntime.beforeAcquire(A, LockRuntime.EXCLUSIVE);
      A.lock();
      LockRuntime.afterAcquire(s, A, LockRuntime.EXCLUSIVE);
      A.unlock();
      LockRuntime.release(A, LockRuntime.EXCLUSIVE);
    }
  }

  private static void wrappedUncontended() {
    for (int i = 0; i < OPS; i++) {
      WA.lock();
      WA.unlock();
    }
  }

  private static void baselineNested() {
    for (int i = 0; i < OPS; i++) {
      A.lock();
      B.lock();
      B.unlock();
      A.unlock();
    }
  }

  private static void hooksNested() {
    for (int i = 0; i < OPS; i++) {
      ThreadLockState s = LockRuntime.beforeAcquire(A, LockRuntime.EXCLUSIVE);
      A.lock();
      LockRuntime.afterAcquire(s, A, LockRuntime.EXCLUSIVE);
      ThreadLockState s2 = LockRuntime.beforeAcquire(B, LockRuntime.EXCLUSIVE);
      B.lock();
      LockRuntime.afterAcquire(s2, B, LockRuntime.EXCLUSIVE);
      B.unlock();
      LockRuntime.release(B, LockRuntime.EXCLUSIVE);
      A.unlock();
      LockRuntime.release(A, LockRuntime.EXCLUSIVE);
    }
  }

  private static void wrappedNested() {
    for (int i = 0; i < OPS; i++) {
      WA.lock();
      WB.lock();
      WB.unlock();
      WA.unlock();
    }
  }
}
