/**
 * Lockwatch for JDK Mission Control: a rule pack for JMC's Automated Analysis ({@code rules}) and
 * a headless HTML report ({@code report}). Parameters and return values are not {@code null}
 * unless documented otherwise.
 */
package io.lockwatch.jmc;
