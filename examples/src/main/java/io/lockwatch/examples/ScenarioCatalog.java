package io.lockwatch.examples;

import static io.lockwatch.examples.ExpectedFinding.DEADLOCK;
import static io.lockwatch.examples.ExpectedFinding.LOCK_ORDER_CYCLE;
import static io.lockwatch.examples.ExpectedFinding.LONG_HOLD;
import static io.lockwatch.examples.ExpectedFinding.ORDER_VIOLATION;
import static io.lockwatch.examples.ExpectedFinding.POOL_SELF_WAIT;
import static io.lockwatch.examples.ExpectedFinding.POOL_STARVATION;
import static io.lockwatch.examples.ExpectedFinding.SELF_DEADLOCK;
import static io.lockwatch.examples.ExpectedFinding.STALL;
import static io.lockwatch.examples.ExpectedFinding.VIRTUAL_THREAD_PINNED;
import static io.lockwatch.examples.ExpectedFinding.WAIT_UNDER_LOCK;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every scenario of the corpus, with what Lockwatch is expected to report about it. Tests of other
 * modules iterate over it: a hazard scenario must yield all of its {@link #expectedFindings()} and
 * nothing outside {@code expectedFindings() ∪ incidentalFindings()}; a fixed twin must yield
 * nothing. {@link #hangs()} tells whether the default run hangs for real (bound it with {@code
 * --max-seconds N}, exit code 3).
 */
public enum ScenarioCatalog {
  /** Pattern 1: a lock held around a pool call whose tasks need the same lock. */
  EXECUTOR_UNDER_LOCK("executor-under-lock", Kind.HANGS,
      "synchronized(state){ parallelStream().forEach(synchronized(state){..}) } freezes (--mode=stream|submit|future)",
      ExecutorUnderLock::hazard, set(DEADLOCK, WAIT_UNDER_LOCK), set(STALL, LONG_HOLD), "mode"),
  /** Twin of {@link #EXECUTOR_UNDER_LOCK}. */
  EXECUTOR_UNDER_LOCK_FIXED("executor-under-lock-fixed", Kind.FIXED,
      "copies under the lock, releases it, then fans out to the pool",
      ExecutorUnderLock::fixed, set(), set(), "mode"),

  /** Pattern 2: the deadly embrace that really hangs. */
  DEADLY_EMBRACE("deadly-embrace", Kind.HANGS,
      "cache->db and db->cache on two threads, steered into a real deadlock (--lock=monitor|reentrant)",
      DeadlyEmbrace::hazard, set(LOCK_ORDER_CYCLE, DEADLOCK), set(STALL, LONG_HOLD), "lock"),
  /** Twin of {@link #DEADLY_EMBRACE}. */
  DEADLY_EMBRACE_FIXED("deadly-embrace-fixed", Kind.FIXED,
      "two concurrent writers both take cache before db (global order)",
      DeadlyEmbrace::fixedConcurrent, set(), set(), "lock", "iterations"),
  /** Pattern 2, latent: both orders, one after the other, never hangs. */
  DEADLY_EMBRACE_LATENT("deadly-embrace-latent", Kind.EXITS,
      "cache->db, then db->cache, in sequence: never hangs, both orders observed",
      DeadlyEmbrace::latent, set(LOCK_ORDER_CYCLE), set(), "lock", "iterations"),
  /** Twin of {@link #DEADLY_EMBRACE_LATENT}. */
  DEADLY_EMBRACE_LATENT_FIXED("deadly-embrace-latent-fixed", Kind.FIXED,
      "two writers in sequence, both cache before db",
      DeadlyEmbrace::fixedSequential, set(), set(), "lock", "iterations"),

  /** Pattern 3: re-entry through a callback on a non-reentrant lock. */
  CALLBACK_REENTRY("callback-reentry", Kind.HANGS,
      "a handler re-takes the StampedLock write lock publish() holds (--lock=stamped|semaphore)",
      CallbackReentry::hazard, set(SELF_DEADLOCK), set(DEADLOCK, STALL, LONG_HOLD), "lock"),
  /** Twin of {@link #CALLBACK_REENTRY}. */
  CALLBACK_REENTRY_FIXED("callback-reentry-fixed", Kind.FIXED,
      "clones the handlers under the lock and runs them after releasing it",
      CallbackReentry::fixed, set(), set(), "lock"),
  /** Pattern 3: the read-to-write upgrade. */
  RWLOCK_UPGRADE("rwlock-upgrade", Kind.HANGS,
      "ReentrantReadWriteLock read->write upgrade (--try-timeout-ms=N: tryLock, no hang)",
      RwlockUpgrade::hazard, set(SELF_DEADLOCK), set(DEADLOCK, STALL, LONG_HOLD), "try-timeout-ms"),
  /** Twin of {@link #RWLOCK_UPGRADE}. */
  RWLOCK_UPGRADE_FIXED("rwlock-upgrade-fixed", Kind.FIXED,
      "releases the read lock before taking the write lock, then re-checks",
      RwlockUpgrade::fixed, set(), set()),

  /** Pattern 4: a listener inverts the order under load. */
  LISTENER_INVERSION("listener-inversion", Kind.EXITS,
      "updaters take model->view via a listener, renderers view->model; bounded, never hangs (--overlap may)",
      ListenerInversion::hazard, set(LOCK_ORDER_CYCLE), set(), "lock", "rounds", "overlap"),
  /** Twin of {@link #LISTENER_INVERSION}. */
  LISTENER_INVERSION_FIXED("listener-inversion-fixed", Kind.FIXED,
      "renderers copy the model under model alone, then take view",
      ListenerInversion::fixed, set(), set(), "lock", "rounds"),

  /** Pattern 5: a lock held across a wait. */
  WAIT_UNDER_LOCK_SCENARIO("wait-under-lock", Kind.EXITS,
      "socket read, Thread.sleep and future.get() inside synchronized(state) (--wait=all|socket|sleep|future)",
      WaitUnderLock::hazard, set(WAIT_UNDER_LOCK), set(LONG_HOLD), "wait", "wait-ms", "lock"),
  /** Twin of {@link #WAIT_UNDER_LOCK_SCENARIO}. */
  WAIT_UNDER_LOCK_FIXED("wait-under-lock-fixed", Kind.FIXED,
      "waits first, then takes the lock only to store the result",
      WaitUnderLock::fixed, set(), set(), "wait", "wait-ms", "lock"),
  /** Pattern 5 on virtual threads (JDK 21+). */
  VIRTUAL_PINNED("virtual-pinned", Kind.EXITS, 21,
      "virtual threads block while pinned (class initializer; monitor on JDK 21-23); SKIPPED before JDK 21",
      VirtualPinned::hazard, set(VIRTUAL_THREAD_PINNED), set(WAIT_UNDER_LOCK), "threads"),
  /** Twin of {@link #VIRTUAL_PINNED}. */
  VIRTUAL_PINNED_FIXED("virtual-pinned-fixed", Kind.FIXED, 21,
      "blocks with no monitor held, updates under a ReentrantLock",
      VirtualPinned::fixed, set(), set(), "threads"),

  /** Pattern 6: a bounded pool waiting on itself. */
  POOL_SELF_WAIT_SCENARIO("pool-self-wait", Kind.HANGS,
      "every worker of a bounded pool blocks on a child task queued in the same pool (--pool=fixed|common)",
      PoolSelfWait::hazard, set(POOL_SELF_WAIT, POOL_STARVATION), set(DEADLOCK, STALL), "pool", "threads"),
  /** Twin of {@link #POOL_SELF_WAIT_SCENARIO}. */
  POOL_SELF_WAIT_FIXED("pool-self-wait-fixed", Kind.FIXED,
      "children run on a separate pool 'io'",
      PoolSelfWait::fixed, set(), set(), "pool", "threads"),

  /** Pattern 7: the stalled control loop. */
  STALLED_LOOP("stalled-loop", Kind.EXITS,
      "a 100 Hz loop stalls while a writer holds 'state' for --hold-ms (default 10000), then recovers",
      StalledLoop::hazard, set(STALL, LONG_HOLD), set(WAIT_UNDER_LOCK), "hold-ms", "ticks-after", "lock"),
  /** Twin of {@link #STALLED_LOOP}. */
  STALLED_LOOP_FIXED("stalled-loop-fixed", Kind.FIXED,
      "the writer copies under the lock and writes after releasing it",
      StalledLoop::fixed, set(), set(), "hold-ms", "ticks-after", "lock"),
  /** Pattern 7: timed-out tryLock attempts. */
  TRYLOCK_TIMEOUTS("trylock-timeouts", Kind.EXITS,
      "requests retry tryLock(100 ms) on 'config' while a reloader holds it for --hold-ms (default 1000)",
      TrylockTimeouts::hazard, set(LONG_HOLD), set(WAIT_UNDER_LOCK, STALL), "hold-ms", "try-ms"),
  /** Twin of {@link #TRYLOCK_TIMEOUTS}. */
  TRYLOCK_TIMEOUTS_FIXED("trylock-timeouts-fixed", Kind.FIXED,
      "the reloader loads outside the lock; no tryLock times out",
      TrylockTimeouts::fixed, set(), set(), "hold-ms", "try-ms"),
  /** A lock held too long while others wait. */
  LONG_HOLD_SCENARIO("long-hold", Kind.EXITS,
      "a batch job holds 'inventory' for --hold-ms (default 300) while requests wait",
      LongHold::hazard, set(LONG_HOLD), set(WAIT_UNDER_LOCK), "hold-ms", "lock"),
  /** Twin of {@link #LONG_HOLD_SCENARIO}. */
  LONG_HOLD_FIXED("long-hold-fixed", Kind.FIXED,
      "the batch job holds 'inventory' only to apply one prepared chunk at a time",
      LongHold::fixed, set(), set(), "hold-ms", "lock"),

  /** An acquisition against a declared order. */
  DECLARED_ORDER("declared-order", Kind.EXITS,
      "declareOrder(config, users, sessions), then users->config",
      DeclaredOrder::hazard, set(ORDER_VIOLATION), set(), "lock", "iterations"),
  /** Twin of {@link #DECLARED_ORDER}. */
  DECLARED_ORDER_FIXED("declared-order-fixed", Kind.FIXED,
      "follows the declared order config -> users -> sessions",
      DeclaredOrder::fixed, set(), set(), "lock", "iterations");

  private static final String FIXED_SUFFIX = "-fixed";

  private final String scenarioName;
  private final Kind kind;
  private final int minimumJavaVersion;
  private final String description;
  private final ScenarioProgram program;
  private final Set<ExpectedFinding> expectedFindings;
  private final Set<ExpectedFinding> incidentalFindings;
  private final Set<String> options;

  ScenarioCatalog(String scenarioName, Kind kind, String description, ScenarioProgram program,
      Set<ExpectedFinding> expected, Set<ExpectedFinding> incidental, String... options) {
    this(scenarioName, kind, 17, description, program, expected, incidental, options);
  }

  ScenarioCatalog(String scenarioName, Kind kind, int minimumJavaVersion, String description,
      ScenarioProgram program, Set<ExpectedFinding> expected, Set<ExpectedFinding> incidental,
      String... options) {
    this.scenarioName = scenarioName;
    this.kind = kind;
    this.minimumJavaVersion = minimumJavaVersion;
    this.description = description;
    this.program = program;
    this.expectedFindings = Collections.unmodifiableSet(expected);
    this.incidentalFindings = Collections.unmodifiableSet(incidental);
    this.options = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(options)));
  }

  /**
   * Finds a scenario by its kebab-case name.
   *
   * @param name e.g. {@code "deadly-embrace"}, not {@code null}
   * @return the scenario, or empty if there is none of that name
   */
  public static Optional<ScenarioCatalog> byName(String name) {
    for (ScenarioCatalog s : values()) {
      if (s.scenarioName.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Lists the scenarios that match a filter.
   *
   * @param fixed {@code true} for the fixed twins, {@code false} for the hazards
   * @return the matching scenarios in catalog order
   */
  public static List<ScenarioCatalog> list(boolean fixed) {
    return Arrays.stream(values()).filter(s -> s.isFixed() == fixed).collect(java.util.stream.Collectors.toList());
  }

  /** @return the kebab-case name passed to {@link Scenarios}, e.g. {@code deadly-embrace} */
  public String scenarioName() {
    return scenarioName;
  }

  /** @return one line saying what the program does */
  public String description() {
    return description;
  }

  /** @return the findings Lockwatch must report; empty for fixed twins */
  public Set<ExpectedFinding> expectedFindings() {
    return expectedFindings;
  }

  /**
   * Findings that are also correct, as consequences of the hazard (a real deadlock is also a stall
   * and a long hold; a writer that sleeps under a lock is also a wait under a lock), but that are
   * not the point of the scenario. Empty for fixed twins.
   *
   * @return the tolerated extra findings
   */
  public Set<ExpectedFinding> incidentalFindings() {
    return incidentalFindings;
  }

  /** @return whether this is a fixed twin (name ends in {@code -fixed}) */
  public boolean isFixed() {
    return kind == Kind.FIXED;
  }

  /** @return whether the run with default options hangs for real until killed or --max-seconds */
  public boolean hangs() {
    return kind == Kind.HANGS;
  }

  /** @return the lowest Java feature version it runs on; below that it prints SKIPPED and exits 0 */
  public int minimumJavaVersion() {
    return minimumJavaVersion;
  }

  /** @return the options it accepts besides {@code --max-seconds}, without the leading dashes */
  public Set<String> options() {
    return options;
  }

  /** @return the fixed twin of a hazard scenario, or the hazard scenario of a fixed twin */
  public ScenarioCatalog twin() {
    String other = isFixed()
        ? scenarioName.substring(0, scenarioName.length() - FIXED_SUFFIX.length())
        : scenarioName + FIXED_SUFFIX;
    return byName(other).orElseThrow(() -> new AssertionError("no twin for " + scenarioName));
  }

  ScenarioProgram program() {
    return program;
  }

  @Override
  public String toString() {
    return scenarioName;
  }

  private static Set<ExpectedFinding> set(ExpectedFinding... findings) {
    EnumSet<ExpectedFinding> set = EnumSet.noneOf(ExpectedFinding.class);
    set.addAll(Arrays.asList(findings));
    return set;
  }

  /** How a default run ends. */
  private enum Kind {
    HANGS,
    EXITS,
    FIXED
  }
}
