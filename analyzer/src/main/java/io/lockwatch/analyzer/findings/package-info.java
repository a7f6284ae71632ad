/**
 * The finding model shared by the analyzer, the CLI, the exporter and the JMC rules: {@link
 * io.lockwatch.analyzer.findings.Finding}, its types and severities, listeners, formats (text,
 * JSON lines, HTML) and suppressions.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.findings;
