package io.lockwatch.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent's configuration, immutable. Each key can come from the agent arguments
 * ({@code -javaagent:lockwatch-agent.jar=key=value,key=value}), a system property
 * {@code lockwatch.<key>} or an environment variable {@code LOCKWATCH_<KEY>} (dashes become
 * underscores), in that order of precedence. Unknown keys and bad values are reported as one line
 * each and replaced by the default: the application always starts.
 */
public final class AgentOptions {
  /** Every key this agent accepts, with its default value ("" = unset). */
  static final Map<String, String> DEFAULTS;

  static {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("enabled", "true");
    d.put("recording", "");
    d.put("start-recording", "true");
    d.put("include", "");
    d.put("exclude", "");
    d.put("locks", "true");
    d.put("monitors", "true");
    d.put("jdk-monitors", "false");
    d.put("executors", "true");
    d.put("waits", "true");
    d.put("hold-threshold", "");
    d.put("wait-threshold", "");
    d.put("blocking-threshold", "");
    d.put("task-threshold", "");
    d.put("inflight-period", "");
    d.put("max-size", "250m");
    d.put("self-test", "true");
    d.put("verbose", "false");
    // reserved for later issues: accepted and passed through
    d.put("analyzer", "");
    d.put("findings", "");
    d.put("prometheus", "");
    d.put("otlp-endpoint", "");
    // read by AgentServices: the in-process analyzer and the exporter
    d.put("stall-threshold", "");
    d.put("prometheus-host", "");
    d.put("otlp-protocol", "");
    d.put("otlp-headers", "");
    d.put("service-name", "");
    d.put("metrics-top-n", "");
    d.put("export-queue-size", "");
    d.put("otel-debug", "");
    DEFAULTS = Collections.unmodifiableMap(d);
  }

  private final Map<String, String> values;

  private AgentOptions(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Returns the defaults.
   *
   * @return the options with every key at its default, not {@code null}
   */
  public static AgentOptions defaults() {
    return new AgentOptions(new LinkedHashMap<>(DEFAULTS));
  }

  /**
   * Resolves the options from the agent arguments, system properties and environment.
   *
   * @param agentArgs the text after {@code =} in {@code -javaagent:...=}, may be {@code null}
   * @param sysProps system properties, not {@code null}
   * @param env environment variables, not {@code null}
   * @param problems receives one line per problem, not {@code null}
   * @return the options, not {@code null}
   */
  public static AgentOptions resolve(String agentArgs, Map<?, ?> sysProps, Map<String, String> env,
      Consumer<String> problems) {
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    for (String key : DEFAULTS.keySet()) {
      String envValue = env.get("LOCKWATCH_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
      if (envValue != null) {
        put(values, key, envValue, "environment", problems);
      }
      Object prop = sysProps.get("lockwatch." + key);
      if (prop != null) {
        put(values, key, prop.toString(), "system property", problems);
      }
    }
    if (agentArgs != null && !agentArgs.isBlank()) {
      for (String pair : agentArgs.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = (eq < 0 ? pair : pair.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? "true" : pair.substring(eq + 1).trim();
        if (!DEFAULTS.containsKey(key)) {
          problems.accept("unknown option '" + key + "' ignored; known options: "
              + String.join(", ", DEFAULTS.keySet()));
          continue;
        }
        put(values, key, value, "agent argument", problems);
      }
    }
    return new AgentOptions(values);
  }

  private static void put(Map<String, String> values, String key, String value, String source,
      Consumer<String> problems) {
    String problem = validate(key, value);
    if (problem != null) {
      problems.accept("bad value for " + key + " (" + source + "): " + problem
          + "; using the default '" + DEFAULTS.get(key) + "'");
      values.put(key, DEFAULTS.get(key));
      return;
    }
    values.put(key, value);
  }

  private static String validate(String key, String value) {
    String defaultValue = DEFAULTS.get(key);
    if (defaultValue.equals("true") || defaultValue.equals("false")) {
      return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
          ? null : "'" + value + "' is not true or false";
    }
    if (key.endsWith("-threshold") || key.endsWith("-period")) {
      return value.isEmpty() || parseDuration(value) != null
          ? null : "'" + value + "' is not a duration such as 10ms, 1s or 500us";
    }
    if (key.equals("max-size")) {
      return parseSize(value) >= 0 ? null : "'" + value + "' is not a size such as 250m or 1g";
    }
    return null;
  }

  /**
   * Parses a duration such as {@code 10ms}, {@code 1s}, {@code 500us}, {@code 20ns}, {@code 2m}.
   *
   * @param text the text
   * @return the duration, or {@code null} if {@code text} is not one
   */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    String[][] units = {{"ns", "1"}, {"us", "1000"}, {"ms", "1000000"}, {"s", "1000000000"},
        {"m", "60000000000"}, {"h", "3600000000000"}};
    for (int i = 0; i < units.length; i++) {
      String unit = units[i][0];
      if (t.endsWith(unit) && !(unit.equals("s") && (t.endsWith("ns") || t.endsWith("us")
          || t.endsWith("ms")))) {
        String number = t.substring(0, t.length() - unit.length());
        try {
          long n = Long.parseLong(number);
          return n < 0 ? null : Duration.ofNanos(Math.multiplyExact(n, Long.parseLong(units[i][1])));
        } catch (NumberFormatException | ArithmeticException e) {
          return null;
        }
      }
    }
    return null;
  }

  static long parseSize(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (t.endsWith("k")) {
      factor = 1L << 10;
    } else if (t.endsWith("m")) {
      factor = 1L << 20;
    } else if (t.endsWith("g")) {
      factor = 1L << 30;
    }
    String number = factor == 1 ? t : t.substring(0, t.length() - 1);
    try {
      long n = Long.parseLong(number);
      return n < 0 ? -1 : Math.multiplyExact(n, factor);
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }

  /**
   * Returns the raw value of a key.
   *
   * @param key a known key, not {@code null}
   * @return the value, "" when unset, not {@code null}
   * @throws IllegalArgumentException if the key is unknown
   */
  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("unknown option " + key);
    }
    return v;
  }

  /**
   * Returns a boolean option.
   *
   * @param key a known boolean key, not {@code null}
   * @return its value
   */
  public boolean flag(String key) {
    return Boolean.parseBoolean(get(key));
  }

  /**
   * Returns a duration option.
   *
   * @param key a known duration key, not {@code null}
   * @return the duration, or {@code null} when unset
   */
  public Duration duration(String key) {
    String v = get(key);
    return v.isEmpty() ? null : parseDuration(v);
  }

  /**
   * Returns whether the agent is enabled at all.
   *
   * @return the {@code enabled} option
   */
  public boolean enabled() {
    return flag("enabled");
  }

  /**
   * Returns the file the agent's recording is written to at exit.
   *
   * @return the path, or {@code null} when unset
   */
  public String recordingFile() {
    String v = get("recording");
    return v.isEmpty() ? null : v;
  }

  /**
   * Returns the maximum size of the agent's own recording on disk.
   *
   * @return bytes
   */
  public long maxSizeBytes() {
    return parseSize(get("max-size"));
  }

  /**
   * Returns class-name globs from {@code include} or {@code exclude}, separated by {@code |} or
   * {@code ;} ({@code ,} separates agent arguments).
   *
   * @param key {@code include} or {@code exclude}
   * @return the globs, empty when unset, not {@code null}
   */
  public List<String> globs(String key) {
    List<String> out = new ArrayList<>();
    for (String g : get(key).split("[|;]")) {
      if (!g.isBlank()) {
        out.add(g.trim());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("AgentOptions{");
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      sb.append(e.getKey()).append('=').append(e.getValue());
    }
    return sb.append('}').toString();
  }
}
