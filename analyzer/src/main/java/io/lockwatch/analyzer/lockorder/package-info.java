/**
 * Deadlock prediction from lock order: the lock-order graphs (locks and executors as nodes),
 * incremental cycle detection with the no-false-alarm rules, and declared-order checks.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.lockorder;
