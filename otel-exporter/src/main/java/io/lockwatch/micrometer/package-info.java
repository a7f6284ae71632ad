/**
 * Micrometer binding of the Lockwatch metrics. Parameters and return values are never
 * {@code null} unless stated.
 */
package io.lockwatch.micrometer;
