/**
 * Hazards judged event by event: waits under locks, long holds, self-deadlocks and pinned virtual
 * threads.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.hazard;
