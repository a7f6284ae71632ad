/**
 * The live wait-for graph over in-flight snapshots: actual deadlocks (threads, virtual threads,
 * locks, pools and futures) and pool starvation.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.waitfor;
