/**
 * Internal engine of the exporter: the metric catalog, the JFR stream consumers and the OTel
 * pipeline. Not API. Parameters and return values are never {@code null} unless stated.
 */
package io.lockwatch.otel.internal;
