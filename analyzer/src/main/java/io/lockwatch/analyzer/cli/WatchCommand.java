package io.lockwatch.analyzer.cli;

import io.lockwatch.analyzer.AnalyzerOptions;
import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.findings.Suppressions;
import io.lockwatch.analyzer.source.FindingReporter;
import io.lockwatch.analyzer.source.RemoteStreams;
import io.lockwatch.analyzer.source.SourceException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jdk.jfr.consumer.EventStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockwatch watch <pid>} or {@code lockwatch watch --jmx <url>}: findings of a live JVM. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Stream a running JVM's recording and print findings as they happen. "
        + "Local: its disk repository (it needs a running recording, e.g. the agent or "
        + "-XX:StartFlightRecording). Remote: --jmx starts a recording over JMX.")
final class WatchCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "PID", description = "Process id of a local JVM")
  String pid;

  @Option(names = "--jmx", paramLabel = "URL",
      description = "JMX service URL, e.g. service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi")
  String jmxUrl;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  String format;

  @Option(names = "--findings", paramLabel = "FILE", description = "Append JSON lines to FILE")
  Path findingsFile;

  @Option(names = "--suppressions", paramLabel = "FILE", description = "Suppressions file")
  Path suppressions;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    if ((pid == null) == (jmxUrl == null)) {
      err.println("lockwatch: give either a PID or --jmx URL");
      return LockwatchCli.EXIT_BAD_INPUT;
    }
    Suppressions s;
    try {
      s = suppressions == null ? Suppressions.none() : Suppressions.read(suppressions);
    } catch (IOException | IllegalArgumentException e) {
      err.println("lockwatch: cannot read suppressions " + suppressions + ": " + e.getMessage());
      return LockwatchCli.EXIT_BAD_INPUT;
    }
    try (FindingReporter reporter = new FindingReporter(new PrintStream(System.out, true),
        "json".equals(format), findingsFile)) {
      LockwatchAnalyzer analyzer = AnalyzerOptions.builder().setSuppressions(s)
          .addListener(reporter).build().newAnalyzer();
      EventStream es;
      try {
        es = pid != null ? RemoteStreams.watchPid(pid, analyzer)
            : RemoteStreams.watchJmx(jmxUrl, analyzer);
      } catch (SourceException e) {
        err.println("lockwatch: " + e.getMessage());
        return LockwatchCli.EXIT_BAD_INPUT;
      }
      err.println("lockwatch: watching " + (pid != null ? "JVM " + pid : jmxUrl)
          + " (Ctrl-C to stop)");
      err.flush();
      try (es) {
        es.start();
      }
      analyzer.finish();
      return analyzer.findings().isEmpty() ? LockwatchCli.EXIT_OK : LockwatchCli.EXIT_FINDINGS;
    }
  }
}
