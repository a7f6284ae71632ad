package io.lockwatch.jmc.report;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code lockwatch report} for the launcher script and the report jar. */
public final class ReportMain {
  private ReportMain() {}

  /**
   * Runs the report command and exits with its status.
   *
   * @param args the arguments after {@code report}
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the report command without exiting.
   *
   * @param args the arguments after {@code report}, not {@code null}
   * @param out standard output, not {@code null}
   * @param err standard error, not {@code null}
   * @return the exit status
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ReportCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> 2);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("lockwatch report: " + ex.getMessage() + " (see --help)");
      return 2;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
