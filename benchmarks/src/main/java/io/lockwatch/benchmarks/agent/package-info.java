/**
 * JMH benchmarks of the agent's overhead: the same operations without the agent, with the agent
 * and no recording enabling the lockwatch events, and with the agent at default settings.
 */
package io.lockwatch.benchmarks.agent;
