package io.lockwatch.benchmarks.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One way of running the benchmark JVM with respect to the Lockwatch agent: the JVM arguments the
 * harness gives the fork, and the name the fork reads back from {@link #PROPERTY}.
 */
public enum AgentConfiguration {
  /** No {@code -javaagent}: the baseline. */
  NO_AGENT("no-agent", "no -javaagent (baseline)"),
  /**
   * No agent, JFR's {@code default} settings recording: what JFR itself costs (its sampler and
   * periodic threads share the cores), so that the agent's share of {@link #DEFAULT} can be told
   * apart.
   */
  JFR_DEFAULT("jfr-default", "no -javaagent, -XX:StartFlightRecording:settings=default"),
  /** {@code -javaagent} with {@code -Dlockwatch.enabled=false}: the agent does nothing. */
  AGENT_OFF("agent-off", "-javaagent, -Dlockwatch.enabled=false"),
  /**
   * The agent installed and instrumenting, but no recording enables the lockwatch events:
   * {@code -javaagent:<jar>=start-recording=false,analyzer=false} and no {@code
   * -XX:StartFlightRecording} (the in-process analyzer's event stream would be a recording that
   * enables the events).
   */
  EVENTS_OFF("events-off",
      "-javaagent:<jar>=start-recording=false,analyzer=false: no recording, events off"),
  /** The agent at its defaults: its own recording with {@code default} plus lockwatch.jfc. */
  DEFAULT("default", "-javaagent at default settings (default + lockwatch.jfc)"),
  /** As {@link #DEFAULT} without the in-process analyzer (its stream thread competes for CPU). */
  DEFAULT_NO_ANALYZER("default-no-analyzer", "-javaagent:<jar>=analyzer=false (default recording)");

  /** System property through which the harness tells the fork its configuration. */
  public static final String PROPERTY = "lockwatch.bench.config";

  private final String id;
  private final String description;

  AgentConfiguration(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /**
   * Returns the short name used in file names, tables and {@link #PROPERTY}.
   *
   * @return the short name
   */
  public String id() {
    return id;
  }

  /**
   * Returns what this configuration means, for the table legend.
   *
   * @return a one-line description
   */
  public String description() {
    return description;
  }

  /**
   * Returns the JVM arguments to append to the benchmark fork.
   *
   * @param agentJar the agent jar, absolute
   * @return the arguments, in order
   */
  public List<String> jvmArgs(Path agentJar) {
    List<String> args = new ArrayList<>();
    if (this == EVENTS_OFF) {
      args.add("-javaagent:" + agentJar + "=start-recording=false,analyzer=false");
    } else if (this == DEFAULT_NO_ANALYZER) {
      args.add("-javaagent:" + agentJar + "=analyzer=false");
    } else if (this == JFR_DEFAULT) {
      args.add("-XX:StartFlightRecording:settings=default");
    } else if (this != NO_AGENT) {
      args.add("-javaagent:" + agentJar);
    }
    if (this == AGENT_OFF) {
      args.add("-Dlockwatch.enabled=false");
    }
    args.add("-D" + PROPERTY + "=" + id);
    return args;
  }

  /**
   * Parses a comma-separated list of short names, or {@code all}.
   *
   * @param list for example {@code no-agent,default}
   * @return the configurations, in the order given
   * @throws IllegalArgumentException for an unknown name
   */
  public static List<AgentConfiguration> parseList(String list) {
    List<AgentConfiguration> result = new ArrayList<>();
    for (String name : list.split(",")) {
      String trimmed = name.trim().toLowerCase(Locale.ROOT);
      if (trimmed.equals("all")) {
        result.addAll(List.of(values()));
      } else if (!trimmed.isEmpty()) {
        result.add(byId(trimmed));
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("no configuration in '" + list + "'");
    }
    return result;
  }

  /**
   * Returns the configuration with this short name.
   *
   * @param id the short name
   * @return the configuration
   * @throws IllegalArgumentException for an unknown name
   */
  public static AgentConfiguration byId(String id) {
    for (AgentConfiguration c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown configuration '" + id + "'; known: no-agent, "
        + "agent-off, events-off, default, all");
  }
}
