package io.lockwatch.proof.soak;

import io.lockwatch.proof.internal.ChildJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code lockwatch bench soak}: runs {@link ChurnWorkload} under the agent for N minutes, then reads
 * the agent's recording and checks with {@link FlatnessCheck} that the heap after GC
 * ({@code jdk.GCHeapSummary}, when "After GC", heapUsed) and the agent's table sizes
 * ({@code lockwatch.RuntimeHealth}) are flat after warm-up. Exit 0 when flat, 1 otherwise.
 */
public final class SoakHarness {
  /**
   * Heap: the live set, i.e. heap used after the {@code System.gc()} the workload runs every 10 s
   * (after young collections the heap also holds promoted garbage until G1's next mixed collection,
   * which drifts with the GC cycle, not with leaks); the median of the last third may be 25% + 16 MiB
   * above that of the second third.
   */
  static final double HEAP_RELATIVE = 0.25;
  static final double HEAP_ABSOLUTE = 16 * 1024 * 1024;
  /**
   * Tables: the peak of the last third may be 10% + 256 entries above the peak of the second third
   * (tables are purged and refilled, so their samples swing between low values and the cap; a leak
   * shows as a rising peak).
   */
  static final double TABLE_RELATIVE = 0.10;
  static final double TABLE_ABSOLUTE = 256;
  static final String[] TABLES = {"trackedThreads", "registeredLocks", "knownEdges", "trackedTasks"};
  /** Drop counters; the first four match {@link #TABLES} in order. */
  static final String[] COUNTERS = {"threadsDropped", "locksDropped", "edgesDropped",
      "tasksDropped", "unmatchedReleases", "suppressedErrors"};

  /** What a soak run found. */
  public static final class Outcome {
    /** The child's result. */
    public final ChildJvm.Result child;
    /** The agent's recording. */
    public final Path recording;
    /** One check per series. */
    final List<FlatnessCheck> checks;
    /** Not part of the verdict: heap after every GC, young ones included. */
    FlatnessCheck info;
    /** Count of each lockwatch event type in the recording. */
    public final Map<String, Long> eventCounts;
    /** The last value of each RuntimeHealth counter. */
    public final Map<String, Long> lastCounters;

    Outcome(ChildJvm.Result child, Path recording, List<FlatnessCheck> checks,
        Map<String, Long> eventCounts, Map<String, Long> lastCounters) {
      this.child = child;
      this.recording = recording;
      this.checks = checks;
      this.eventCounts = eventCounts;
      this.lastCounters = lastCounters;
    }

    /**
     * Returns whether the child finished and every series was flat.
     *
     * @return the verdict
     */
    public boolean passed() {
      return child != null && child.exitCode == 0 && child.lastLineStartingWith("DONE ") != null
          && !checks.isEmpty() && checks.stream().allMatch(c -> c.flat);
    }

    /**
     * Returns a readable report.
     *
     * @return several lines
     */
    public String report() {
      StringBuilder sb = new StringBuilder();
      if (child != null) {
        sb.append("child: exit ").append(child.exitCode).append(", ")
            .append(child.lastLineStartingWith("DONE ")).append('\n');
      }
      sb.append("criterion: first third is warm-up; median(last third) <= (1 + r) * median(second"
          + " third) + a; live heap after the workload's System.gc() every 10 s: r=0.25, a=16 MiB;"
          + " tables: the same on the peak (max) of each third, r=0.10, a=256\n");
      for (FlatnessCheck c : checks) {
        sb.append("  ").append(c).append('\n');
      }
      if (info != null) {
        sb.append("  ").append(info).append('\n');
      }
      sb.append("lockwatch events: ").append(eventCounts).append('\n');
      sb.append("RuntimeHealth counters at the end: ").append(lastCounters).append('\n');
      boolean ok = child == null ? !checks.isEmpty() && checks.stream().allMatch(c -> c.flat) : passed();
      sb.append("verdict: ").append(ok ? "FLAT" : "FAILED").append('\n');
      return sb.toString();
    }
  }

  private SoakHarness() {}

  /**
   * Entry point.
   *
   * @param args {@code [--minutes N] [--seconds N] [--agent JAR] [--dir DIR] | --analyze FILE.jfr}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    String existing = ChurnWorkload.arg(args, "--analyze", null);
    if (existing != null) {
      Outcome o = analyze(null, Path.of(existing));
      System.out.print(o.report());
      System.exit(o.checks.stream().allMatch(c -> c.flat) && !o.checks.isEmpty() ? 0 : 1);
    }
    String seconds = ChurnWorkload.arg(args, "--seconds", null);
    long secs = seconds != null ? Long.parseLong(seconds)
        : 60L * Long.parseLong(ChurnWorkload.arg(args, "--minutes", "20"));
    String agent = ChurnWorkload.arg(args, "--agent", "agent/target/lockwatch-agent.jar");
    Path dir = Path.of(ChurnWorkload.arg(args, "--dir", "target/soak"));
    if (!Files.isRegularFile(Path.of(agent))) {
      System.err.println("lockwatch bench: agent jar not found: " + agent);
      System.exit(2);
    }
    Outcome o = run(secs, Path.of(agent), dir, System.getProperty("java.class.path"), System.out);
    System.out.print(o.report());
    System.exit(o.passed() ? 0 : 1);
  }

  /**
   * Runs the soak.
   *
   * @param seconds how long the workload churns
   * @param agentJar the agent jar
   * @param dir where the recording and findings go
   * @param classpath a class path holding {@link ChurnWorkload}
   * @param log progress output
   * @return the outcome
   * @throws IOException on I/O failure
   * @throws InterruptedException if interrupted
   */
  public static Outcome run(long seconds, Path agentJar, Path dir, String classpath, PrintStream log)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path recording = dir.resolve("soak.jfr").toAbsolutePath();
    Path findings = dir.resolve("soak-findings.jsonl").toAbsolutePath();
    Files.deleteIfExists(recording);
    Files.deleteIfExists(findings);
    List<String> jvm = List.of("-Xmx256m",
        "-javaagent:" + agentJar.toAbsolutePath() + "=recording=" + recording + ",findings="
            + findings + ",analyzer=true,prometheus=0,max-size=4g");
    log.println("soak: " + seconds + " s of churn under the agent; recording " + recording);
    ChildJvm.Result child = ChildJvm.run(jvm, classpath, ChurnWorkload.class.getName(),
        List.of("--seconds", Long.toString(seconds)), Duration.ofSeconds(seconds + 120), false);
    for (String line : child.stdout) {
      log.println("  | " + line);
    }
    return analyze(child, recording);
  }

  static Outcome analyze(ChildJvm.Result child, Path recording) throws IOException {
    Map<Long, Double> heapAfterGc = new LinkedHashMap<>();
    java.util.Set<Long> explicitGcs = new java.util.HashSet<>();
    List<Double> heap = new ArrayList<>();
    List<Double> heapAll = new ArrayList<>();
    Map<String, List<Double>> tables = new LinkedHashMap<>();
    for (String t : TABLES) {
      tables.put(t, new ArrayList<>());
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Long> counters = new LinkedHashMap<>();
    List<FlatnessCheck> checks = new ArrayList<>();
    FlatnessCheck heapAfterAnyGc = null;
    if (Files.isRegularFile(recording)) {
      List<RecordedEvent> health = new ArrayList<>();
      try (RecordingFile f = new RecordingFile(recording)) {
        while (f.hasMoreEvents()) {
          RecordedEvent e = f.readEvent();
          String name = e.getEventType().getName();
          if (name.startsWith("lockwatch.")) {
            counts.merge(name, 1L, Long::sum);
          }
          if (name.equals("jdk.GCHeapSummary") && "After GC".equals(e.getString("when"))) {
            heapAfterGc.put(e.getLong("gcId"), (double) e.getLong("heapUsed"));
          } else if (name.equals("jdk.GarbageCollection")
              && "System.gc()".equals(e.getString("cause"))) {
            explicitGcs.add(e.getLong("gcId"));
          } else if (name.equals("lockwatch.RuntimeHealth")) {
            health.add(e);
          }
        }
      }
      heapAfterGc.forEach((gcId, used) -> {
        heapAll.add(used);
        if (explicitGcs.contains(gcId)) {
          heap.add(used);
        }
      });
      health.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
      for (RecordedEvent e : health) {
        for (String t : TABLES) {
          tables.get(t).add((double) e.getLong(t));
        }
        for (String c : COUNTERS) {
          counters.put(c, e.getLong(c));
        }
      }
      checks.add(FlatnessCheck.of("live heap after System.gc()", heap, HEAP_RELATIVE, HEAP_ABSOLUTE));
      heapAfterAnyGc = FlatnessCheck.of("(info) heap after any GC", heapAll, HEAP_RELATIVE,
          HEAP_ABSOLUTE);
      for (String t : TABLES) {
        String drops = COUNTERS[java.util.Arrays.asList(TABLES).indexOf(t)];
        FlatnessCheck c = FlatnessCheck.of("RuntimeHealth." + t + " (peak)", tables.get(t),
            TABLE_RELATIVE, TABLE_ABSOLUTE, "max");
        checks.add(counters.getOrDefault(drops, 0L) > 0 ? c.orSaturated(tables.get(t)) : c);
      }
    }
    Outcome o = new Outcome(child, recording, checks, counts, counters);
    o.info = heapAfterAnyGc;
    return o;
  }
}
