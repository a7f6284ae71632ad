package io.lockwatch.otel;

/** The standard scenario over OTLP/gRPC. */
class OtlpGrpcExportTest extends AbstractOtlpExportTest {
  @Override
  OtlpReceiver newReceiver() {
    return new GrpcOtlpReceiver();
  }
}
