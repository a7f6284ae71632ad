/**
 * JMH benchmarks of the Lockwatch agent's overhead on an unmodified application: the same
 * benchmarks run without the agent, with the agent switched off, with the agent installed but no
 * recording enabling the lockwatch events, and with the agent at its default settings, all in one
 * run driven by {@link io.lockwatch.benchmarks.agent.AgentOverheadBenchmarks}. Not deployed.
 * Parameters and return values are not {@code null} unless stated otherwise.
 */
package io.lockwatch.benchmarks.agent;
