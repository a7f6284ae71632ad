package io.lockwatch.analyzer.cli;

import io.lockwatch.analyzer.AnalyzerOptions;
import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingHtml;
import io.lockwatch.analyzer.findings.FindingJson;
import io.lockwatch.analyzer.findings.FindingText;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.Suppressions;
import io.lockwatch.analyzer.source.FileAnalysis;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockwatch analyze a.jfr [b.jfr ...]}: findings of recordings, merged into one graph. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Analyze JFR recordings (several are merged into one lock-order graph).",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:no findings at or above --fail-on", "1:findings at or above --fail-on",
        "2:bad input (missing, corrupt or truncated file; bad option)"})
final class AnalyzeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "JFR recordings")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text",
      description = "text, json (one finding per line) or html. Default: ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--fail-on", defaultValue = "WARNING", converter = SeverityConverter.class,
      description = "Lowest severity that makes the exit status 1: INFO, WARNING, CRITICAL. "
          + "Default: ${DEFAULT-VALUE}")
  Severity failOn;

  @Option(names = "--suppressions", paramLabel = "FILE",
      description = "Suppressions file: lines of key:glob terms, e.g. 'type:LOCK_ORDER_CYCLE "
          + "lock:com.foo.*' (keys: type, lock, thread, executor, frame, severity)")
  Path suppressions;

  @Option(names = "--stall-threshold-ms", defaultValue = "1500",
      description = "Waits older than this in an in-flight snapshot are stalls. Default: "
          + "${DEFAULT-VALUE}")
  long stallMillis;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Suppressions s = Suppressions.none();
    if (suppressions != null) {
      try {
        s = Suppressions.read(suppressions);
      } catch (IOException | IllegalArgumentException e) {
        err.println("lockwatch: cannot read suppressions " + suppressions + ": " + e.getMessage());
        return LockwatchCli.EXIT_BAD_INPUT;
      }
    }
    if (stallMillis <= 0) {
      err.println("lockwatch: --stall-threshold-ms must be positive");
      return LockwatchCli.EXIT_BAD_INPUT;
    }
    LockwatchAnalyzer analyzer = AnalyzerOptions.builder().setSuppressions(s)
        .setStallThreshold(Duration.ofMillis(stallMillis)).build().newAnalyzer();
    List<String> errors = FileAnalysis.analyze(analyzer, files);
    List<Finding> findings = analyzer.findings();
    switch (format) {
      case json -> findings.forEach(f -> out.println(FindingJson.toJson(f)));
      case html -> out.print(FindingHtml.toHtml(findings, "Lockwatch findings: " + files));
      case text -> {
        findings.forEach(f -> out.println(FindingText.toText(f)));
        out.println(findings.size() + " finding(s) in " + files.size() + " recording(s)");
      }
    }
    out.flush();
    if (!errors.isEmpty()) {
      // One line per bad file; what could be read was analyzed and printed above.
      errors.forEach(e -> err.println("lockwatch: " + e));
      return LockwatchCli.EXIT_BAD_INPUT;
    }
    for (Finding f : findings) {
      if (f.severity().compareTo(failOn) >= 0) {
        return LockwatchCli.EXIT_FINDINGS;
      }
    }
    return LockwatchCli.EXIT_OK;
  }

  enum Format { text, json, html }

  static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a severity (INFO, WARNING, CRITICAL)");
      }
    }
  }
}
