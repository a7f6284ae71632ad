package io.lockwatch.proof.overhead;

import io.lockwatch.proof.internal.ChildJvm;
import io.lockwatch.proof.internal.JsonLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lockwatch bench overhead}: runs {@link H2Workload} in a fresh child JVM per configuration,
 * alternating the configurations round-robin within one run (the starting configuration rotates
 * each round), and prints the medians and min–max spread as a Markdown table.
 */
public final class OverheadHarness {
  /** A JVM configuration under test. */
  static final class Config {
    final String name;
    final List<String> jvmArgs;

    Config(String name, List<String> jvmArgs) {
      this.name = name;
      this.jvmArgs = jvmArgs;
    }
  }

  static final String[] METRICS = {"opsPerSec", "p99Micros", "cpuSeconds", "peakRssMiB"};
  static final String THRESHOLD_ZERO =
      "hold-threshold=0ns,wait-threshold=0ns,blocking-threshold=0ns,task-threshold=0ns";

  private final int rounds;
  private final int ops;
  private final int threads;
  private final String agentJar;
  private final String classpath;
  private final Path profileFile;
  private final PrintStream out;

  OverheadHarness(int rounds, int ops, int threads, String agentJar, String classpath,
      Path profileFile, PrintStream out) {
    this.rounds = rounds;
    this.ops = ops;
    this.threads = threads;
    this.agentJar = agentJar;
    this.classpath = classpath;
    this.profileFile = profileFile;
    this.out = out;
  }

  /**
   * Entry point.
   *
   * @param args {@code [--rounds N] [--ops N] [--threads N] [--agent JAR] [--profile FILE.jfr]}
   * @throws Exception on failure
   */
  public static void main(String[] args) throws Exception {
    int rounds = H2Workload.intArg(args, "--rounds", 5);
    int ops = H2Workload.intArg(args, "--ops", 200_000);
    int threads = H2Workload.intArg(args, "--threads", 8);
    String agent = stringArg(args, "--agent", "agent/target/lockwatch-agent.jar");
    String profile = stringArg(args, "--profile", null);
    if (!Files.isRegularFile(Path.of(agent))) {
      System.err.println("lockwatch bench: agent jar not found: " + agent
          + " (build it with mvn -B -DskipTests package, or pass --agent JAR)");
      System.exit(2);
    }
    String cp = System.getProperty("java.class.path");
    OverheadHarness h = new OverheadHarness(rounds, ops, threads, Path.of(agent).toAbsolutePath()
        .toString(), cp, profile == null ? null : Path.of(profile), System.out);
    System.exit(h.run() ? 0 : 1);
  }

  List<Config> configs() {
    List<Config> c = new ArrayList<>();
    c.add(new Config("no agent", List.of()));
    c.add(new Config("JFR settings=default", List.of("-XX:StartFlightRecording:settings=default")));
    c.add(new Config("agent, default settings", List.of("-javaagent:" + agentJar)));
    c.add(new Config("agent, every threshold 0", List.of("-javaagent:" + agentJar + "=" + THRESHOLD_ZERO)));
    return c;
  }

  /** Runs every round; returns false if any child failed. */
  boolean run() throws IOException, InterruptedException {
    List<Config> configs = configs();
    Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
    for (Config c : configs) {
      results.put(c.name, new ArrayList<>());
    }
    out.printf(Locale.ROOT, "lockwatch bench overhead: H2 %s, %d threads, %d ops per run, %d rounds,"
        + " java %s%n", org.h2.engine.Constants.FULL_VERSION, threads, ops, rounds, ChildJvm.java());
    boolean ok = true;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < configs.size(); i++) {
        Config c = configs.get((i + r) % configs.size());
        Map<String, String> m = runOnce(c.jvmArgs);
        if (m == null) {
          ok = false;
          continue;
        }
        results.get(c.name).add(m);
        out.printf(Locale.ROOT, "  round %d  %-26s %10.0f ops/s  p99 %8.1f us  cpu %6.2f s  rss %6.0f MiB"
            + "  (measured phase: %.0f classes loaded, %.0f ms JIT)%n",
            r + 1, c.name, num(m, "opsPerSec"), num(m, "p99Micros"), num(m, "cpuSeconds"),
            num(m, "peakRssMiB"), num(m, "classesLoaded"), num(m, "jitMillis"));
      }
    }
    out.println();
    out.println(table(results));
    if (profileFile != null) {
      out.println(profile(configs.get(2)));
    }
    return ok;
  }

  private Map<String, String> runOnce(List<String> extraJvmArgs) throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
    jvm.addAll(extraJvmArgs);
    ChildJvm.Result r = ChildJvm.run(jvm, classpath, H2Workload.class.getName(),
        List.of("--ops", Integer.toString(ops), "--threads", Integer.toString(threads)),
        Duration.ofMinutes(10), false);
    String line = r.lastLineStartingWith("RESULT ");
    if (r.exitCode != 0 || line == null) {
      out.println("  child failed: " + r);
      return null;
    }
    return JsonLine.parse(line);
  }

  /** Formats medians and min–max per configuration, with throughput change against two baselines. */
  static String table(Map<String, List<Map<String, String>>> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| configuration | runs | throughput ops/s median (min–max) | vs no agent | vs JFR default"
        + " | p99 µs median (min–max) | CPU s median (min–max) | peak RSS MiB median (min–max) |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    List<String> names = new ArrayList<>(results.keySet());
    double base = median(values(results.get(names.get(0)), "opsPerSec"));
    double jfr = median(values(results.get(names.get(1)), "opsPerSec"));
    for (String name : names) {
      List<Map<String, String>> runs = results.get(name);
      if (runs.isEmpty()) {
        sb.append("| ").append(name).append(" | 0 | failed | | | | | |\n");
        continue;
      }
      double tp = median(values(runs, "opsPerSec"));
      sb.append("| ").append(name).append(" | ").append(runs.size()).append(" | ")
          .append(spread(values(runs, "opsPerSec"), "%.0f")).append(" | ")
          .append(String.format(Locale.ROOT, "%+.1f%%", 100 * (tp / base - 1))).append(" | ")
          .append(String.format(Locale.ROOT, "%+.1f%%", 100 * (tp / jfr - 1))).append(" | ")
          .append(spread(values(runs, "p99Micros"), "%.0f")).append(" | ")
          .append(spread(values(runs, "cpuSeconds"), "%.2f")).append(" | ")
          .append(spread(values(runs, "peakRssMiB"), "%.0f")).append(" |\n");
    }
    return sb.toString();
  }

  private String profile(Config agentConfig) throws IOException, InterruptedException {
    List<String> jvm = new ArrayList<>(agentConfig.jvmArgs);
    jvm.add("-XX:StartFlightRecording:settings=profile,filename=" + profileFile.toAbsolutePath());
    Map<String, String> m = runOnce(jvm);
    if (m == null) {
      return "profile run failed";
    }
    return ProfileSummary.summarize(profileFile, 15);
  }

  static double[] values(List<Map<String, String>> runs, String metric) {
    double[] v = new double[runs.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = num(runs.get(i), metric);
    }
    return v;
  }

  static double num(Map<String, String> m, String key) {
    String v = m.get(key);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static String spread(double[] v, String fmt) {
    double[] s = v.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, fmt + " (" + fmt + "–" + fmt + ")", median(s), s[0],
        s[s.length - 1]);
  }

  static String stringArg(String[] args, String name, String defaultValue) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return defaultValue;
  }
}
