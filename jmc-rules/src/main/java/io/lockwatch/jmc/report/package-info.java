/**
 * {@code lockwatch report}: one HTML page with JMC's own rules and the Lockwatch rules, rendered by
 * JMC core's report machinery, plus a lock-order graph (SVG) per cycle. Parameters and return
 * values are not {@code null} unless documented otherwise.
 */
package io.lockwatch.jmc.report;
