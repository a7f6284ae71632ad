package io.lockwatch.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs one scenario by name: {@code Scenarios <scenario-name> [options]}, or {@code Scenarios
 * --list}.
 *
 * <p>The scenario body runs on a daemon thread named after the scenario; the main thread waits for
 * it, for ever or for {@code --max-seconds N}. Exit codes: 0 the scenario ended ({@code DONE} was
 * printed), 1 it failed, 2 usage error, 3 {@code --max-seconds} elapsed ({@code TIMEOUT} was
 * printed). Markers on stdout are described in {@link MarkerLine}.
 */
public final class Scenarios {
  /** Exit code of a scenario that ended normally. */
  public static final int EXIT_DONE = 0;
  /** Exit code of a scenario that threw. */
  public static final int EXIT_FAILED = 1;
  /** Exit code of a command line that could not be parsed. */
  public static final int EXIT_USAGE = 2;
  /** Exit code when {@code --max-seconds} elapsed before the scenario ended. */
  public static final int EXIT_TIMEOUT = 3;

  private Scenarios() {}

  /**
   * Runs the scenario named by {@code args[0]}, then calls {@link System#exit}.
   *
   * @param args the scenario name and its options, or {@code --list}
   */
  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  // Visible for testing
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      usage(out);
      return args.isEmpty() ? EXIT_USAGE : EXIT_DONE;
    }
    if (args.get(0).equals("--list")) {
      list(out);
      return EXIT_DONE;
    }
    Optional<ScenarioCatalog> scenario = ScenarioCatalog.byName(args.get(0));
    if (scenario.isEmpty()) {
      err.println("unknown scenario '" + args.get(0) + "'; run with --list to see them");
      return EXIT_USAGE;
    }
    ScenarioOptions options;
    long maxSeconds;
    try {
      options = ScenarioOptions.parse(args.subList(1, args.size()), scenario.get().options());
      maxSeconds = options.number(ScenarioOptions.MAX_SECONDS, 0);
    } catch (IllegalArgumentException e) {
      err.println(scenario.get().scenarioName() + ": " + e.getMessage());
      return EXIT_USAGE;
    }
    return runScenario(scenario.get(), options, maxSeconds, out, err);
  }

  private static int runScenario(ScenarioCatalog scenario, ScenarioOptions options, long maxSeconds,
      PrintStream out, PrintStream err) {
    MarkerPrinter printer = new MarkerPrinter(out);
    ScenarioContext ctx = new ScenarioContext(scenario.scenarioName(), options, printer);
    Thread body = new Thread(() -> {
      try {
        scenario.program().run(ctx);
      } catch (Throwable t) {
        ctx.fail(t);
      }
    }, scenario.scenarioName());
    body.setDaemon(true);
    body.start();
    try {
      if (maxSeconds > 0) {
        body.join(maxSeconds * 1000);
      } else {
        body.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    printer.drain();
    if (body.isAlive()) {
      out.println(MarkerLine.TIMEOUT + " " + scenario.scenarioName());
      out.flush();
      return EXIT_TIMEOUT;
    }
    Throwable failure = ctx.failure();
    if (failure != null) {
      err.println("FAILED " + scenario.scenarioName() + ": " + failure);
      failure.printStackTrace(err);
      err.flush();
      return EXIT_FAILED;
    }
    out.println(MarkerLine.DONE + " " + scenario.scenarioName());
    out.flush();
    linger(options.number(ScenarioOptions.LINGER_SECONDS, 0));
    return EXIT_DONE;
  }

  private static void linger(long seconds) {
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void list(PrintStream out) {
    for (ScenarioCatalog s : ScenarioCatalog.values()) {
      String findings = s.expectedFindings().isEmpty()
          ? "none"
          : s.expectedFindings().stream().map(Enum::name).collect(Collectors.joining(","));
      String behaviour = s.hangs() ? "hangs" : "exits";
      out.printf("%-28s %-5s %-36s %s%n", s.scenarioName(), behaviour, findings, s.description());
    }
  }

  private static void usage(PrintStream out) {
    out.println("usage: Scenarios <scenario-name> [--max-seconds N] [--linger-seconds N] [scenario options]");
    out.println("       Scenarios --list");
    out.println("Markers on stdout: READY <s>, HAZARD <s> <epochMillis> <detail>, INFO <s> ..., DONE <s>, TIMEOUT <s>.");
    out.println("Exit codes: 0 done, 1 failed, 2 usage, 3 --max-seconds elapsed.");
    out.println("-D" + ScenarioLocks.API_PROPERTY + "=true wraps j.u.c. locks and executors through the explicit API.");
    out.println();
    for (ScenarioCatalog s : ScenarioCatalog.values()) {
      String opts = s.options().isEmpty() ? "" : "  [--" + String.join(", --", s.options()) + "]";
      out.println("  " + s.scenarioName() + opts);
    }
  }
}
