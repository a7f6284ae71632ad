package io.lockwatch.benchmarks.agent;

import io.lockwatch.runtime.RuntimeSettings;
import java.util.concurrent.TimeUnit;
import jdk.jfr.FlightRecorder;

/**
 * Brings the benchmark fork into the state its {@link AgentConfiguration} promises, and fails the
 * trial if the agent is not in that state (so that a silently disabled agent cannot pass as "no
 * overhead"). Without {@link AgentConfiguration#PROPERTY} (benchmarks run directly through JMH's
 * main) it does nothing.
 */
final class ForkPreparation {
  private static final String AGENT_CLASS = "io.lockwatch.agent.LockwatchAgent";
  private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(15);
  private static boolean prepared;

  private ForkPreparation() {}

  /** Prepares the fork once; later calls return at once. */
  static synchronized void prepare() throws Exception {
    if (prepared) {
      return;
    }
    String id = System.getProperty(AgentConfiguration.PROPERTY);
    if (id != null) {
      prepare(AgentConfiguration.byId(id));
    }
    prepared = true;
  }

  private static void prepare(AgentConfiguration config) throws Exception {
    switch (config) {
      case NO_AGENT:
        require(!agentPresent(), "the agent is on the class path of the no-agent fork");
        break;
      case JFR_DEFAULT:
        require(!agentPresent(), "the agent is on the class path of the jfr-default fork");
        require(!FlightRecorder.getFlightRecorder().getRecordings().isEmpty(),
            "no JFR recording runs");
        break;
      case AGENT_OFF:
        require(agentPresent() && !agentInstalled(), "the agent should be present but off");
        break;
      case EVENTS_OFF:
        require(agentInstalled(), "the agent is not installed (see its 'lockwatch:' line)");
        require(FlightRecorder.getFlightRecorder().getRecordings().isEmpty(),
            "a recording runs although start-recording=false,analyzer=false: "
                + FlightRecorder.getFlightRecorder().getRecordings());
        awaitActive(false);
        break;
      case DEFAULT:
      case DEFAULT_NO_ANALYZER:
        require(agentInstalled(), "the agent is not installed (see its 'lockwatch:' line)");
        awaitActive(true);
        break;
      default:
        throw new IllegalStateException(config.toString());
    }
  }

  private static boolean agentPresent() {
    try {
      Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static boolean agentInstalled() throws Exception {
    if (!agentPresent()) {
      return false;
    }
    Class<?> agent = Class.forName(AGENT_CLASS, true, ClassLoader.getSystemClassLoader());
    return agent.getMethod("options").invoke(null) != null;
  }

  private static void awaitActive(boolean expected) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_NANOS;
    while (RuntimeSettings.isActive() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    require(RuntimeSettings.isActive() == expected,
        "the Lockwatch runtime did not become " + (expected ? "active" : "inactive"));
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(System.getProperty(AgentConfiguration.PROPERTY) + ": "
          + message);
    }
  }
}
