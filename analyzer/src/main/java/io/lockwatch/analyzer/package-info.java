/**
 * The Lockwatch analyzer: {@link io.lockwatch.analyzer.LockwatchAnalyzer} turns a stream of JFR
 * events into findings (predicted and actual deadlocks, stalls, pool starvation, waits under
 * locks); sub-packages hold the detectors by domain, the sources and the CLI.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer;
