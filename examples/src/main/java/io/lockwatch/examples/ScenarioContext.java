package io.lockwatch.examples;

import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** What a running scenario gets: its name, its options, marker output and thread creation. */
final class ScenarioContext {
  private final String scenario;
  private final ScenarioOptions options;
  private final MarkerPrinter printer;
  private final AtomicBoolean hazardSeen = new AtomicBoolean();
  // lock-free, so that starting scenario threads adds no monitor of ours to what the agent records
  private final Queue<Thread> threads = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  ScenarioContext(String scenario, ScenarioOptions options, MarkerPrinter printer) {
    this.scenario = scenario;
    this.options = options;
    this.printer = printer;
  }

  String scenario() {
    return scenario;
  }

  ScenarioOptions options() {
    return options;
  }

  /** The lock kind chosen with {@code --lock}, defaulting to {@link ScenarioLocks#defaultKind()}. */
  LockKind lockKind() {
    String def = ScenarioLocks.defaultKind().optionValue();
    String value = options.string("lock", def);
    return LockKind.fromOption(value);
  }

  /** Prints {@code READY <scenario>}. */
  void ready() {
    printer.emit(MarkerLine.READY + " " + scenario);
  }

  /** Prints {@code HAZARD <scenario> <now> <detail>}; lock-free, safe under the locks under test. */
  void hazard(String detail) {
    long now = System.currentTimeMillis();
    hazardSeen.set(true);
    printer.emit(new MarkerLine(MarkerLine.HAZARD, scenario, now, detail).toString());
  }

  /** Like {@link #hazard}, but prints only if no HAZARD line was printed yet in this run. */
  void hazardOnce(String detail) {
    if (!hazardSeen.get() && hazardSeen.compareAndSet(false, true)) {
      long now = System.currentTimeMillis();
      printer.emit(new MarkerLine(MarkerLine.HAZARD, scenario, now, detail).toString());
    }
  }

  /** Prints {@code INFO <scenario> <text>}. */
  void info(String text) {
    printer.emit(MarkerLine.INFO + " " + scenario + " " + text);
  }

  /** Prints {@code SKIPPED <scenario> <reason>}. */
  void skipped(String reason) {
    printer.emit(MarkerLine.SKIPPED + " " + scenario + " " + reason);
  }

  /** Starts a named daemon thread (daemon, so that a hung scenario never keeps the JVM alive). */
  Thread start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.setUncaughtExceptionHandler((thread, e) -> fail(e));
    threads.add(t);
    t.start();
    return t;
  }

  /** Joins every thread started with {@link #start}; never returns if one of them hangs. */
  void joinAll() throws InterruptedException {
    for (Thread t : new ArrayList<>(threads)) {
      t.join();
    }
  }

  /** Records the first failure of a scenario thread; {@link Scenarios} exits with code 1. */
  void fail(Throwable e) {
    failure.compareAndSet(null, e);
  }

  /** The first failure of a scenario thread, or {@code null}. */
  Throwable failure() {
    return failure.get();
  }

  @Override
  public String toString() {
    return "ScenarioContext{" + scenario + ", " + options + "}";
  }
}
