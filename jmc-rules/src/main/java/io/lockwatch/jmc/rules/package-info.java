/**
 * The Lockwatch rule pack on JMC core's rules API, registered through {@code
 * META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule}. Rules read the {@code
 * lockwatch.Finding} events when the recording has them, and otherwise evaluate the raw lockwatch
 * events through JMC's item API. Parameters and return values are not {@code null} unless
 * documented otherwise.
 */
package io.lockwatch.jmc.rules;
