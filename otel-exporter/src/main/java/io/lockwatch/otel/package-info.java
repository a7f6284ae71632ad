/**
 * Exports Lockwatch findings (as OpenTelemetry log records) and lock metrics over OTLP and on a
 * Prometheus endpoint. Parameters and return values are never {@code null} unless stated.
 */
package io.lockwatch.otel;
