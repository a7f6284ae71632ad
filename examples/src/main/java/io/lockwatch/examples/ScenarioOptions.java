package io.lockwatch.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options after the scenario name: {@code --key=value}, {@code --key value} or a bare flag
 * {@code --key}. Parsing fails fast on anything that is not an option of the scenario.
 */
final class ScenarioOptions {
  /** Option shared by every scenario: exit with code 3 after this many seconds. */
  static final String MAX_SECONDS = "max-seconds";
  /** Seconds to stay alive after the scenario ended (for tools that sample the JVM periodically). */
  static final String LINGER_SECONDS = "linger-seconds";

  private final Map<String, String> values;

  private ScenarioOptions(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code args}.
   *
   * @throws IllegalArgumentException naming the offending argument
   */
  static ScenarioOptions parse(List<String> args, Set<String> accepted) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected an option (--name[=value]) but got '" + arg + "'");
      }
      String key;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        key = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        key = arg.substring(2);
        boolean hasValue = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
        value = hasValue ? args.get(++i) : "true";
      }
      if (!key.equals(MAX_SECONDS) && !key.equals(LINGER_SECONDS) && !accepted.contains(key)) {
        throw new IllegalArgumentException(
            "unknown option --" + key + (accepted.isEmpty() ? "" : "; accepted: --" + String.join(", --", accepted)));
      }
      values.put(key, value);
    }
    return new ScenarioOptions(values);
  }

  String string(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(values.getOrDefault(key, "false"));
  }

  long number(String key, long defaultValue) {
    String value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new IllegalArgumentException("--" + key + " must not be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " needs a number but got '" + value + "'", e);
    }
  }

  /** Returns one of {@code choices} (the first is the default). */
  String choice(String key, String... choices) {
    String value = values.getOrDefault(key, choices[0]);
    for (String c : choices) {
      if (c.equals(value)) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "--" + key + " must be one of " + String.join("|", choices) + " but got '" + value + "'");
  }

  @Override
  public String toString() {
    return "ScenarioOptions" + values;
  }
}
