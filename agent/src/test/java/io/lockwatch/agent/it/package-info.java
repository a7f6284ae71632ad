/**
 * Integration tests of the shaded agent jar: each test forks a JVM with only {@code -javaagent}
 * added and asserts on the recording it wrote. Run by failsafe in {@code verify}.
 */
package io.lockwatch.agent.it;
