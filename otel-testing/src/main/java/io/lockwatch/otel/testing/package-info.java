/**
 * Test fixture: an OTLP receiver on a real socket (gRPC or HTTP/protobuf) that decodes requests with
 * the official OTLP protobuf definitions. Parameters and return values are never {@code null}
 * unless stated.
 */
package io.lockwatch.otel.testing;
