package io.lockwatch.analyzer;

import io.lockwatch.analyzer.source.FileAnalysis;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockWaitEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Measured harness for offline analyzer throughput (not a unit test; no timing assertions). Writes a
 * recording with a realistic mix of Lockwatch events (order edges over a bounded lock population,
 * holds, waits, in-flight snapshots), then reports events/s on one thread for (a) the engine alone,
 * over pre-parsed events, (b) the JDK's parser alone (a {@code RecordingFile} read loop) and (c)
 * parse + engine from the file, per round and as the median of rounds 1 and later.
 *
 * <p>Run: {@code mvn -B -o -q -pl analyzer -am test-compile && java -XX:+UseSerialGC
 * --add-opens=jdk.jfr/jdk.jfr.consumer=ALL-UNNAMED -cp
 * analyzer/target/classes:analyzer/target/test-classes:jfr-events/target/classes
 * io.lockwatch.analyzer.ThroughputHarness [events [rounds [writers]]]} (the collector and the opened package
 * are what {@code ./lockwatch analyze} runs with; leave the collector out to measure G1)
 */
public final class ThroughputHarness {
  private ThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int writers = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_WRITERS;
    System.out.printf("JDK %s, collectors %s%n", Runtime.version(),
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    Path dir = Files.createTempDirectory("lockwatch-throughput");
    Path file;
    try (TestRecording r = new TestRecording()) {
      write(n, writers);
      file = r.dump(dir, "throughput.jfr");
    }
    List<RecordedEvent> events = new ArrayList<>(n);
    try (RecordingFile rf = new RecordingFile(file)) {
      while (rf.hasMoreEvents()) {
        events.add(rf.readEvent());
      }
    }
    int size = events.size();
    double[] engine = new double[rounds];
    double[] parse = new double[rounds];
    double[] whole = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      LockwatchAnalyzer a = LockwatchAnalyzer.create();
      Cost engineCost = Cost.of(() -> {
        a.startRun("bench");
        for (RecordedEvent e : events) {
          a.accept(e);
        }
        a.finish();
      });
      // The JDK's parser alone: read every event, analyze nothing.
      long[] readAndSink = new long[2];
      Cost parseCost = Cost.of(() -> {
        try (RecordingFile rf = new RecordingFile(file)) {
          while (rf.hasMoreEvents()) {
            readAndSink[1] += rf.readEvent().getStartTime().getNano();
            readAndSink[0]++;
          }
        }
      });
      long read = readAndSink[0];
      LockwatchAnalyzer b = LockwatchAnalyzer.create();
      Cost wholeCost = Cost.of(() -> FileAnalysis.analyze(b, List.of(file)));
      engine[round] = engineCost.perThreadCpu(size);
      parse[round] = parseCost.perThreadCpu(read);
      whole[round] = wholeCost.perThreadCpu(size);
      System.out.printf("round %d: %d events; M events per thread-cpu-s (process-cpu-s, wall-s): "
          + "engine only %s; parse only %s; parse+engine %s; findings %d/%d%s%n", round, size,
          engineCost.rates(size), parseCost.rates(read), wholeCost.rates(size),
          a.findings().size(), b.findings().size(), readAndSink[1] == 42 ? " " : "");
    }
    if (rounds > 1) {
      System.out.printf("rounds 1-%d, median [min-max] M events per thread-cpu-s: engine only %s; "
          + "parse only %s; parse+engine %s%n", rounds - 1, summary(engine), summary(parse),
          summary(whole));
    }
  }

  /** Work that may throw, measured by {@link Cost#of}. */
  private interface Work {
    void run() throws Exception;
  }

  /**
   * What one piece of work cost: CPU time of this (single) thread, so that a machine shared with
   * other work still measures the cost on one core, and beside it the whole process's CPU time (JIT
   * and GC threads included) and wall time, in nanoseconds.
   */
  private record Cost(long threadCpu, long processCpu, long wall) {
    private static final java.lang.management.ThreadMXBean THREAD =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    static Cost of(Work work) throws Exception {
      long c = THREAD.getCurrentThreadCpuTime();
      long p = PROCESS.getProcessCpuTime();
      long t = System.nanoTime();
      work.run();
      return new Cost(THREAD.getCurrentThreadCpuTime() - c, PROCESS.getProcessCpuTime() - p,
          System.nanoTime() - t);
    }

    /** M events per thread-CPU-second. */
    double perThreadCpu(long events) {
      return events * 1e3 / threadCpu;
    }

    /** "threadCpu (processCpu, wall)" rates in M events per second. */
    String rates(long events) {
      return String.format(java.util.Locale.ROOT, "%.2f (%.2f, %.2f)", perThreadCpu(events),
          events * 1e3 / processCpu, events * 1e3 / wall);
    }
  }

  /** Median and range of rounds 1.. (round 0 is JIT warm-up). */
  private static String summary(double[] perRound) {
    double[] v = java.util.Arrays.copyOfRange(perRound, 1, perRound.length);
    java.util.Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return String.format(java.util.Locale.ROOT, "%.2f [%.2f-%.2f]", median, v[0], v[v.length - 1]);
  }

  /** Writer threads: their buffers interleave in the file, as an application's do. */
  static final int DEFAULT_WRITERS = 4;
  /** A hold or wait is committed this many events after it began: its start time is earlier. */
  private static final int OPEN_SPAN = 16;

  /**
   * Writes {@code n} events as the agent's runtime does (a new event object for each commit;
   * holds and waits begin when the lock is taken or requested and commit later, so their start
   * times lie before those of events committed in between) from {@code writers} threads, so that
   * the file is in buffer order, not time order (all writing as fast as they can: each thread's
   * buffer spans less time than at an application's rate, so the buffers interleave more finely): 40% order edges (10,000 locks, acyclic), 30%
   * holds, 25% waits, 5% in-flight states.
   */
  static void write(int n, int writers) throws InterruptedException {
    Thread[] threads = new Thread[writers];
    for (int w = 0; w < writers; w++) {
      int from = (int) ((long) n * w / writers);
      int to = (int) ((long) n * (w + 1) / writers);
      threads[w] = new Thread(() -> writeRange(from, to), "writer-" + w);
      threads[w].start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private static void writeRange(int from, int to) {
    Thread self = Thread.currentThread();
    LockHoldEvent[] holds = new LockHoldEvent[OPEN_SPAN];
    LockWaitEvent[] waits = new LockWaitEvent[OPEN_SPAN];
    int nh = 0;
    int nw = 0;
    for (int i = from; i < to; i++) {
      int kind = i % 20;
      long lock = (i * 7919L) % 10_000 + 1;
      if (kind < 8) {
        LockOrderEvent o = new LockOrderEvent();
        long next = lock + 1 + (i % 5);
        o.heldLockId = lock;
        o.heldLockClass = Object.class;
        o.heldLockName = "";
        o.heldMode = "monitor";
        o.acquiredLockId = next;
        o.acquiredLockClass = Object.class;
        o.acquiredLockName = "";
        o.acquiredMode = (i & 1) == 0 ? "read" : "exclusive";
        o.heldLockIds = Long.toString(lock);
        o.commit();
      } else if (kind < 14) {
        LockHoldEvent h = holds[nh % OPEN_SPAN];
        if (h != null) {
          h.commit();
        }
        h = new LockHoldEvent();
        h.begin();
        h.lockId = lock;
        h.lockClass = Object.class;
        h.lockName = "";
        h.mode = "monitor";
        h.waitersAtRelease = 0;
        holds[nh++ % OPEN_SPAN] = h;
      } else if (kind < 19) {
        LockWaitEvent w = waits[nw % OPEN_SPAN];
        if (w != null) {
          w.commit();
        }
        w = new LockWaitEvent();
        w.begin();
        w.lockId = lock;
        w.lockClass = Object.class;
        w.lockName = "";
        w.mode = "monitor";
        w.heldLockIds = "";
        w.heldLocks = "";
        w.outcome = "acquired";
        waits[nw++ % OPEN_SPAN] = w;
      } else {
        InFlightEvent f = TestRecording.inFlight(i / 200, "hold", self, 600);
        f.lockId = lock;
        f.lockClass = Object.class;
        f.commit();
      }
    }
    for (LockHoldEvent h : holds) {
      if (h != null) {
        h.commit();
      }
    }
    for (LockWaitEvent w : waits) {
      if (w != null) {
        w.commit();
      }
    }
  }
}
