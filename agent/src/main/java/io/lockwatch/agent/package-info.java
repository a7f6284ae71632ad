/**
 * The Lockwatch Java agent: {@code -javaagent:lockwatch-agent.jar[=key=value,...]}. Its entry point
 * is {@link io.lockwatch.agent.LockwatchAgent}; {@link io.lockwatch.agent.AgentOptions} documents
 * the configuration. Parameters are not {@code null} unless stated otherwise.
 */
package io.lockwatch.agent;
