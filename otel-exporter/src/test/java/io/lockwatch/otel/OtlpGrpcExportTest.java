package io.lockwatch.otel;

import io.lockwatch.otel.testing.GrpcOtlpReceiver;
import io.lockwatch.otel.testing.OtlpReceiver;

/** The standard scenario over OTLP/gRPC. */
class OtlpGrpcExportTest extends AbstractOtlpExportTest {
  @Override
  OtlpReceiver newReceiver() {
    return new GrpcOtlpReceiver();
  }
}
