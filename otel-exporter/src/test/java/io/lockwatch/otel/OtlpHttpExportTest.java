package io.lockwatch.otel;

/** The standard scenario over OTLP/HTTP with binary protobuf. */
class OtlpHttpExportTest extends AbstractOtlpExportTest {
  @Override
  OtlpReceiver newReceiver() {
    return new HttpOtlpReceiver();
  }
}
