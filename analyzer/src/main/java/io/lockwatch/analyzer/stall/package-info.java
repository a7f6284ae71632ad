/**
 * Stalls reported while they last: threads blocked on a lock or a pool past the stall threshold.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.stall;
