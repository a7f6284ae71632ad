package io.lockwatch.analyzer.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Suppression rules for findings, in the spirit of ThreadSanitizer's suppression files.
 *
 * <p>Format: one rule per line; {@code #} starts a comment; blank lines are ignored. A rule is one or
 * more space-separated {@code key:glob} terms, and suppresses a finding when <em>every</em> term
 * matches. {@code *} matches any run of characters, {@code ?} one character. Keys:
 *
 * <ul>
 *   <li>{@code type:} the finding type ({@code LOCK_ORDER_CYCLE}, {@code STALL}, ...)
 *   <li>{@code lock:} the name or class of any lock of the finding
 *   <li>{@code thread:} the name of any thread of the finding
 *   <li>{@code executor:} the name or class of any executor of the finding
 *   <li>{@code frame:} any frame of any stack of the finding ({@code com.foo.Bar.method(line)})
 *   <li>{@code severity:} the severity ({@code INFO}, {@code WARNING}, {@code CRITICAL})
 * </ul>
 *
 * Example: {@code type:LOCK_ORDER_CYCLE lock:com.foo.*} or {@code frame:*LegacyCache.refresh*}.
 */
public final class Suppressions {
  private static final Suppressions NONE = new Suppressions(List.of());

  private final List<List<Term>> rules;

  private Suppressions(List<List<Term>> rules) {
    this.rules = rules;
  }

  /** @return suppressions that suppress nothing */
  public static Suppressions none() {
    return NONE;
  }

  /**
   * Reads a suppressions file.
   *
   * @param file the file, not {@code null}
   * @return the rules, not {@code null}
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException on a malformed line, with its number
   */
  public static Suppressions read(Path file) throws IOException {
    return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses rules from lines of text.
   *
   * @param lines the lines, not {@code null}
   * @return the rules, not {@code null}
   * @throws IllegalArgumentException on a malformed line, with its number
   */
  public static Suppressions parse(List<String> lines) {
    List<List<Term>> rules = new ArrayList<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
      if (line.isEmpty()) {
        continue;
      }
      List<Term> rule = new ArrayList<>();
      for (String term : line.split("\\s+")) {
        int colon = term.indexOf(':');
        if (colon <= 0 || colon == term.length() - 1) {
          throw new IllegalArgumentException(
              "suppressions line " + n + ": expected key:pattern, got '" + term + "'");
        }
        String key = term.substring(0, colon).toLowerCase(Locale.ROOT);
        Function<Finding, List<String>> values = valuesOf(key);
        if (values == null) {
          throw new IllegalArgumentException("suppressions line " + n + ": unknown key '" + key
              + "' (use type, lock, thread, executor, frame or severity)");
        }
        rule.add(new Term(values, glob(term.substring(colon + 1))));
      }
      rules.add(List.copyOf(rule));
    }
    return new Suppressions(List.copyOf(rules));
  }

  /**
   * Tells whether a rule suppresses a finding.
   *
   * @param f the finding, not {@code null}
   * @return {@code true} if some rule matches every one of its terms
   */
  public boolean suppresses(Finding f) {
    for (List<Term> rule : rules) {
      boolean all = true;
      for (Term t : rule) {
        if (!t.matches(f)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /** @return the number of rules */
  public int size() {
    return rules.size();
  }

  @Override
  public String toString() {
    return "Suppressions{rules=" + rules.size() + "}";
  }

  private static Function<Finding, List<String>> valuesOf(String key) {
    return switch (key) {
      case "type" -> f -> List.of(f.type().name());
      case "severity" -> f -> List.of(f.severity().name());
      case "lock" -> f -> {
        List<String> v = new ArrayList<>();
        f.locks().forEach(l -> {
          v.add(l.name());
          v.add(l.className());
        });
        f.stacks().forEach(s -> {
          v.add(s.from());
          v.add(s.to());
        });
        return v;
      };
      case "thread" -> f -> f.threads().stream().map(ThreadRef::name).toList();
      case "executor" -> f -> {
        List<String> v = new ArrayList<>();
        f.executors().forEach(e -> {
          v.add(e.name());
          v.add(e.className());
        });
        return v;
      };
      case "frame" -> f -> f.stacks().stream().flatMap(s -> s.frames().stream()).toList();
      default -> null;
    };
  }

  private static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (char c : g.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  private record Term(Function<Finding, List<String>> values, Pattern pattern) {
    boolean matches(Finding f) {
      for (String v : values.apply(f)) {
        if (v != null && pattern.matcher(v).matches()) {
          return true;
        }
      }
      return false;
    }
  }
}
