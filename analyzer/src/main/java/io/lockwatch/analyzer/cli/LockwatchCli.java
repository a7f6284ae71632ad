package io.lockwatch.analyzer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lockwatch} command line: {@code analyze} recordings, {@code watch} a running JVM.
 *
 * <p>Exit status: 0 with no findings at or above {@code --fail-on}, 1 with findings, 2 on bad input
 * (a one-line error on stderr, never a stack trace).
 */
@Command(name = "lockwatch", mixinStandardHelpOptions = true, version = "lockwatch 0.1.0",
    description = "Finds lock-order inversions, deadlocks, stalls and pool starvation in JFR "
        + "recordings and running JVMs.",
    subcommands = {AnalyzeCommand.class, WatchCommand.class})
public final class LockwatchCli implements Runnable {
  /** Exit status: no findings at or above the threshold. */
  public static final int EXIT_OK = 0;
  /** Exit status: findings at or above the threshold. */
  public static final int EXIT_FINDINGS = 1;
  /** Exit status: bad input or usage. */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the CLI and exits the JVM with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI without exiting.
   *
   * @param args the arguments, not {@code null}
   * @param out standard output, not {@code null}
   * @param err standard error, not {@code null}
   * @return the exit status
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new LockwatchCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> EXIT_BAD_INPUT);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("lockwatch: " + ex.getMessage().replace('\n', ' ')
          + " (see --help)");
      return EXIT_BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      c.getErr().println("lockwatch: " + msg.replace('\n', ' '));
      return EXIT_BAD_INPUT;
    });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError | UnknownError e) {
      throw e;
    } catch (Error e) {
      // The JDK's JFR parser throws InternalError for some damage (e.g. a flipped byte in a type
      // name on JDK 25, a VirtualMachineError); that is bad input, reported in one line, never a stack trace.
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      err.println("lockwatch: " + msg.replace('\n', ' '));
      err.flush();
      return EXIT_BAD_INPUT;
    }
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
