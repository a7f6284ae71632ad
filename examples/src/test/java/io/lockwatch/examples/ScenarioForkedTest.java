package io.lockwatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.testing.JvmFork;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every scenario (and the variants selected by options) in a forked JVM. Scenarios that end
 * must exit 0 with READY, HAZARD (hazards only) and DONE; scenarios that hang must print HAZARD and
 * still run a while later. Forks are killed in every case. Runs execute three at a time: they
 * mostly wait.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScenarioForkedTest {
  private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(45);
  private static final Duration MARKER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STILL_HUNG_AFTER = Duration.ofSeconds(1);
  private static final String API_MODE = "-D" + ScenarioLocks.API_PROPERTY + "=true";

  /** One forked run: a scenario, its options and JVM options, and whether it hangs. */
  static final class Run {
    final ScenarioCatalog scenario;
    final boolean hangs;
    final List<String> options;
    final List<String> jvmArgs;

    Run(ScenarioCatalog scenario, boolean hangs, List<String> options, List<String> jvmArgs) {
      this.scenario = scenario;
      this.hangs = hangs;
      this.options = options;
      this.jvmArgs = jvmArgs;
    }

    JvmFork start() {
      return JvmFork.forScenario(scenario, options.toArray(new String[0]))
          .addJvmArgs(jvmArgs.toArray(new String[0]))
          .setTimeout(Duration.ofSeconds(60))
          .start();
    }

    @Override
    public String toString() {
      return String.join(" ", jvmArgs) + (jvmArgs.isEmpty() ? "" : " ") + scenario + " " + String.join(" ", options);
    }
  }

  static Stream<Run> runs() {
    List<Run> runs = new ArrayList<>();
    for (ScenarioCatalog s : ScenarioCatalog.values()) {
      runs.add(new Run(s, s.hangs(), quickOptions(s), List.of()));
    }
    // variants selected by options
    runs.add(hanging(ScenarioCatalog.EXECUTOR_UNDER_LOCK, "--mode=submit"));
    runs.add(hanging(ScenarioCatalog.EXECUTOR_UNDER_LOCK, "--mode=future"));
    runs.add(exiting(ScenarioCatalog.EXECUTOR_UNDER_LOCK_FIXED, "--mode=submit"));
    runs.add(exiting(ScenarioCatalog.EXECUTOR_UNDER_LOCK_FIXED, "--mode=future"));
    runs.add(hanging(ScenarioCatalog.DEADLY_EMBRACE, "--lock=reentrant"));
    runs.add(hanging(ScenarioCatalog.CALLBACK_REENTRY, "--lock=semaphore"));
    runs.add(exiting(ScenarioCatalog.CALLBACK_REENTRY_FIXED, "--lock=semaphore"));
    runs.add(exiting(ScenarioCatalog.RWLOCK_UPGRADE, "--try-timeout-ms=100"));
    runs.add(hanging(ScenarioCatalog.POOL_SELF_WAIT_SCENARIO, "--pool=common"));
    runs.add(exiting(ScenarioCatalog.POOL_SELF_WAIT_FIXED, "--pool=common"));
    runs.add(exiting(ScenarioCatalog.LISTENER_INVERSION, "--lock=reentrant"));
    runs.add(exiting(ScenarioCatalog.WAIT_UNDER_LOCK_SCENARIO, "--lock=reentrant", "--wait=socket", "--wait-ms=50"));
    // API mode: j.u.c. locks and executors wrapped, ReentrantLock by default
    runs.add(new Run(ScenarioCatalog.DEADLY_EMBRACE, true, List.of(), List.of(API_MODE)));
    runs.add(new Run(ScenarioCatalog.DEADLY_EMBRACE_LATENT, false, List.of(), List.of(API_MODE)));
    runs.add(new Run(ScenarioCatalog.EXECUTOR_UNDER_LOCK, true, List.of(), List.of(API_MODE)));
    runs.add(new Run(ScenarioCatalog.LONG_HOLD_SCENARIO, false, List.of("--hold-ms=150"), List.of(API_MODE)));
    return runs.stream();
  }

  private static Run hanging(ScenarioCatalog s, String... options) {
    return new Run(s, true, List.of(options), List.of());
  }

  private static Run exiting(ScenarioCatalog s, String... options) {
    return new Run(s, false, List.of(options), List.of());
  }

  /** Options that keep a run short; the hazard itself is unchanged. */
  static List<String> quickOptions(ScenarioCatalog s) {
    switch (s) {
      case STALLED_LOOP:
      case STALLED_LOOP_FIXED:
        return List.of("--hold-ms=800", "--ticks-after=5");
      case TRYLOCK_TIMEOUTS:
      case TRYLOCK_TIMEOUTS_FIXED:
        return List.of("--hold-ms=400");
      case WAIT_UNDER_LOCK_SCENARIO:
      case WAIT_UNDER_LOCK_FIXED:
        return List.of("--wait-ms=50");
      case LONG_HOLD_SCENARIO:
      case LONG_HOLD_FIXED:
        return List.of("--hold-ms=150");
      default:
        return List.of();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  @Timeout(90)
  void runsAsCatalogued(Run run) {
    try (JvmFork fork = run.start()) {
      if (run.hangs) {
        assertHangs(run, fork);
      } else {
        assertEnds(run, fork);
      }
    }
  }

  @Test
  @Timeout(60)
  void maxSecondsEndsAHangWithExitCode3() {
    try (JvmFork fork = JvmFork.forScenario(ScenarioCatalog.DEADLY_EMBRACE, "--max-seconds", "1").start()) {
      assertEquals(Scenarios.EXIT_TIMEOUT, fork.awaitExit(EXIT_TIMEOUT), fork::describe);
      assertEquals(List.of(MarkerLine.READY, MarkerLine.HAZARD, MarkerLine.TIMEOUT), kinds(fork), fork::describe);
    }
  }

  @ParameterizedTest(name = "--lock={0}")
  @ValueSource(strings = {"monitor", "reentrant"})
  @Timeout(60)
  void deadlyEmbraceIsADeadlockTheJvmSees(String lock) throws Exception {
    try (JvmFork fork = JvmFork.forScenario(ScenarioCatalog.DEADLY_EMBRACE, "--lock=" + lock).start()) {
      fork.awaitMarker(MarkerLine.HAZARD, MARKER_TIMEOUT);
      String jcmd = Path.of(fork.command().get(0)).resolveSibling("jcmd").toString();
      String dump = "";
      // the threads block right after HAZARD; poll the thread dump until the JVM reports the cycle
      for (int attempt = 0; attempt < 20 && !dump.contains("Found one Java-level deadlock"); attempt++) {
        dump = threadDump(jcmd, fork.process().pid());
      }
      assertTrue(dump.contains("Found one Java-level deadlock"), dump);
      assertTrue(dump.contains("\"cache-writer\"") && dump.contains("\"db-writer\""), dump);
    }
  }

  private static String threadDump(String jcmd, long pid) throws Exception {
    Process p = new ProcessBuilder(jcmd, Long.toString(pid), "Thread.print").redirectErrorStream(true).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      p.waitFor(20, TimeUnit.SECONDS);
      return new String(out, Charset.defaultCharset());
    } finally {
      p.destroyForcibly();
    }
  }

  private static void assertHangs(Run run, JvmFork fork) {
    fork.awaitMarker(MarkerLine.READY, MARKER_TIMEOUT);
    MarkerLine hazard = fork.awaitMarker(MarkerLine.HAZARD, MARKER_TIMEOUT);
    assertEquals(run.scenario.scenarioName(), hazard.scenario());
    assertTrue(hazard.epochMillis() > 0, fork::describe);
    assertTrue(fork.stillAliveAfter(STILL_HUNG_AFTER), () -> "expected a hang" + fork.describe());
    assertFalse(kinds(fork).contains(MarkerLine.DONE), fork::describe);
  }

  private static void assertEnds(Run run, JvmFork fork) {
    assertEquals(Scenarios.EXIT_DONE, fork.awaitExit(EXIT_TIMEOUT), fork::describe);
    List<MarkerLine> markers = fork.markers();
    for (MarkerLine m : markers) {
      assertEquals(run.scenario.scenarioName(), m.scenario(), fork::describe);
    }
    List<String> kinds = kinds(fork);
    assertEquals(MarkerLine.DONE, kinds.get(kinds.size() - 1), fork::describe);
    if (kinds.contains(MarkerLine.SKIPPED)) {
      assertTrue(run.scenario.minimumJavaVersion() > 17, fork::describe);
      assertFalse(forksRunThisJdk() && Runtime.version().feature() >= run.scenario.minimumJavaVersion(),
          () -> "skipped on a JDK that supports it" + fork.describe());
      assertEquals(List.of(MarkerLine.SKIPPED, MarkerLine.DONE), kinds, fork::describe);
      return;
    }
    assertEquals(MarkerLine.READY, kinds.get(0), fork::describe);
    assertEquals(!run.scenario.isFixed(), kinds.contains(MarkerLine.HAZARD), fork::describe);
    long first = kinds.indexOf(MarkerLine.HAZARD);
    assertTrue(first == -1 || first == 1, () -> "HAZARD must follow READY" + fork.describe());
  }

  /** Whether forks use the JDK running this test (then its version tells whether one may skip). */
  private static boolean forksRunThisJdk() {
    String java = System.getProperty(JvmFork.JAVA_PROPERTY);
    return java == null || java.startsWith(System.getProperty("java.home"));
  }

  private static List<String> kinds(JvmFork fork) {
    return fork.markers().stream()
        .map(MarkerLine::kind)
        .filter(k -> !k.equals(MarkerLine.INFO))
        .collect(Collectors.toList());
  }
}
