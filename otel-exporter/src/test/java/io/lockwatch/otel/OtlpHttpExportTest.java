package io.lockwatch.otel;

import io.lockwatch.otel.testing.HttpOtlpReceiver;
import io.lockwatch.otel.testing.OtlpReceiver;

/** The standard scenario over OTLP/HTTP with binary protobuf. */
class OtlpHttpExportTest extends AbstractOtlpExportTest {
  @Override
  OtlpReceiver newReceiver() {
    return new HttpOtlpReceiver();
  }
}
