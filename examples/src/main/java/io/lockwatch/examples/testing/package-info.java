/**
 * Test fixtures, shipped in the main jar so that other modules' tests can use them through a
 * normal dependency: {@link io.lockwatch.examples.testing.JvmFork} runs a scenario (or any main
 * class) in a forked JVM with a hard timeout. Not for production code.
 *
 * <p>Parameters and return values are never {@code null} unless documented otherwise.
 */
package io.lockwatch.examples.testing;
