package io.lockwatch.proof.overhead;


import io.lockwatch.proof.internal.JsonLine;
import io.lockwatch.proof.internal.ProcessMetrics;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The overhead workload, run in a child JVM: a fixed number of JDBC operations on an H2 in-memory
 * database by several threads (60% point reads, 10% range reads, 25% updates, 5% inserts), after a
 * warm-up ({@code --warmup}, default as many: the JIT must be done with the instrumented code before
 * the measured phase, or the comparison measures compile time). Prints one JSON line {@code RESULT {...}} with throughput, p50/p99
 * latency, CPU time of the measured phase and peak RSS.
 *
 * <p>Usage: {@code H2Workload [--threads 8] [--ops 200000] [--warmup OPS] [--rows 10000]}
 */
public final class H2Workload {
  private final int threads;
  private final int rows;
  private final String url;

  H2Workload(int threads, int rows, String url) {
    this.threads = threads;
    this.rows = rows;
    this.url = url;
  }

  /**
   * Runs the workload and prints the result line.
   *
   * @param args see the class comment
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int threads = intArg(args, "--threads", 8);
    int ops = intArg(args, "--ops", 200_000);
    int rows = intArg(args, "--rows", 10_000);
    H2Workload w = new H2Workload(threads, rows, "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
    try (Connection setup = DriverManager.getConnection(w.url, "sa", "")) {
      w.createSchema(setup);
      w.run(Math.max(threads, intArg(args, "--warmup", ops)), 1L);
      long cpu0 = ProcessMetrics.processCpuNanos();
      long classes0 = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
      long jit0 = jitMillis();
      long t0 = System.nanoTime();
      long[] latencies = w.run(ops, 2L);
      long elapsed = System.nanoTime() - t0;
      long cpu = ProcessMetrics.processCpuNanos() - cpu0;
      long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes0;
      long jit = jitMillis() - jit0;
      Arrays.sort(latencies);
      JsonLine json = new JsonLine()
          .put("threads", threads).put("ops", latencies.length)
          .put("seconds", elapsed / 1e9)
          .put("opsPerSec", latencies.length / (elapsed / 1e9))
          .put("p50Micros", latencies[latencies.length / 2] / 1e3)
          .put("p99Micros", latencies[(int) (latencies.length * 0.99)] / 1e3)
          .put("cpuSeconds", cpu / 1e9)
          .put("classesLoaded", classes)
          .put("jitMillis", jit)
          .put("peakRssMiB", ProcessMetrics.peakRssBytes() / (1024.0 * 1024.0))
          .put("java", System.getProperty("java.version"));
      System.out.println("RESULT " + json);
    }
  }

  void createSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE account(id INT PRIMARY KEY, owner VARCHAR(40), balance BIGINT)");
      s.execute("CREATE TABLE history(id IDENTITY PRIMARY KEY, account INT, amount BIGINT,"
          + " at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
      s.execute("CREATE INDEX history_account ON history(account)");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO account VALUES (?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        ps.setInt(1, i);
        ps.setString(2, "owner-" + i);
        ps.setLong(3, 1000);
        ps.addBatch();
        if (i % 1000 == 999) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Runs {@code ops} operations spread over the threads; returns every operation's latency. */
  long[] run(int ops, long seed) throws Exception {
    int perThread = ops / threads;
    long[][] lat = new long[threads][perThread];
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int id = t;
      ts[t] = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
          worker(c, new SplittableRandom(seed * 1000 + id), lat[id], start);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "h2-client-" + t);
      ts[t].start();
    }
    start.countDown();
    for (Thread t : ts) {
      t.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a client failed", failure.get());
    }
    long[] all = new long[perThread * threads];
    for (int t = 0; t < threads; t++) {
      System.arraycopy(lat[t], 0, all, t * perThread, perThread);
    }
    return all;
  }

  private void worker(Connection c, SplittableRandom rnd, long[] lat, CountDownLatch start)
      throws Exception {
    try (PreparedStatement read = c.prepareStatement("SELECT owner, balance FROM account WHERE id = ?");
         PreparedStatement range = c.prepareStatement(
             "SELECT COUNT(*), SUM(balance) FROM account WHERE id BETWEEN ? AND ?");
         PreparedStatement update = c.prepareStatement(
             "UPDATE account SET balance = balance + ? WHERE id = ?");
         PreparedStatement insert = c.prepareStatement(
             "INSERT INTO history(account, amount) VALUES (?, ?)")) {
      start.await();
      for (int i = 0; i < lat.length; i++) {
        int kind = rnd.nextInt(100);
        int id = rnd.nextInt(rows);
        long t0 = System.nanoTime();
        if (kind < 60) {
          read.setInt(1, id);
          try (ResultSet rs = read.executeQuery()) {
            rs.next();
          }
        } else if (kind < 70) {
          range.setInt(1, id);
          range.setInt(2, id + 50);
          try (ResultSet rs = range.executeQuery()) {
            rs.next();
          }
        } else if (kind < 95) {
          update.setLong(1, rnd.nextInt(21) - 10);
          update.setInt(2, id);
          update.executeUpdate();
        } else {
          insert.setInt(1, id);
          insert.setLong(2, rnd.nextInt(100));
          insert.executeUpdate();
        }
        lat[i] = System.nanoTime() - t0;
      }
    }
  }

  /** Time the JIT compilers spent so far (ms), or 0 where the JVM does not say. */
  private static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  static int intArg(String[] args, String name, int defaultValue) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return defaultValue;
  }
}
