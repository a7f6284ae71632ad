package io.lockwatch.it;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.lockwatch.analyzer.cli.LockwatchCli;

/** Reads finding types from the agent's {@code findings=} file and from {@code lockwatch analyze}. */
final class Findings {
  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Z_]+)\"");

  private Findings() {}

  /**
   * Returns the finding types in a JSON-lines file, in order of appearance.
   *
   * @param file the file; missing means no findings
   * @return the types, empty when the file is missing
   */
  static List<String> typesIn(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    return typesInText(text);
  }

  static List<String> typesInText(String text) {
    List<String> types = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = TYPE.matcher(line);
      if (m.find()) {
        types.add(m.group(1));
      }
    }
    return types;
  }

  /** Result of an offline analysis: the finding types and what the CLI printed. */
  record Offline(int exitCode, Set<String> types, String output) {}

  /**
   * Runs {@code lockwatch analyze --format json} in this JVM on recordings.
   *
   * @param recordings the recordings, not empty
   * @return the finding types and output
   */
  static Offline analyze(List<Path> recordings) {
    List<String> args = new ArrayList<>(List.of("analyze", "--format", "json"));
    recordings.forEach(p -> args.add(p.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
      code = LockwatchCli.run(args.toArray(String[]::new), o, e);
    }
    return new Offline(code, new LinkedHashSet<>(typesInText(out.toString())),
        out + (err.toString().isEmpty() ? "" : "\nstderr: " + err));
  }
}
