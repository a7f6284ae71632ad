package io.lockwatch.jmc.report;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lockwatch report <file.jfr> [-o report.html]}: JMC's Automated Analysis (JMC's rules and
 * Lockwatch's) as one HTML page, with a lock-order graph per cycle. Exit status 0 when written, 2
 * on bad input.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Writes an HTML report of a recording: JMC's automated analysis with the "
        + "Lockwatch rules, and a lock-order graph per cycle.")
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE.jfr", description = "the recording")
  Path recording;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
      description = "where to write the page (default: standard output)")
  Path output;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(recording)) {
      err.println("lockwatch report: " + recording + ": no such file");
      return 2;
    }
    LockwatchReport.Rendered r;
    try {
      r = LockwatchReport.of(recording).render();
    } catch (Exception e) {
      if (Boolean.getBoolean("lockwatch.debug")) {
        e.printStackTrace(err);
      }
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      err.println("lockwatch report: " + recording + ": " + msg.replace('\n', ' '));
      return 2;
    }
    if (output == null) {
      spec.commandLine().getOut().print(r.html());
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(output, r.html(), StandardCharsets.UTF_8);
      err.println("lockwatch report: " + r.findings().size() + " finding(s); wrote " + output);
    }
    return 0;
  }
}
