package io.lockwatch.otel.testing;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** An OTLP/gRPC receiver (grpc-java server) for tests. */
public final class GrpcOtlpReceiver extends OtlpReceiver {
  private final Object lock = new Object();
  private Server server;

  /** Creates a receiver; {@link #start()} binds it. */
  public GrpcOtlpReceiver() {}

  @Override
  public void start() throws IOException {
    synchronized (lock) {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port()))
          .addService(new LogsServiceGrpc.LogsServiceImplBase() {
            @Override
            public void export(ExportLogsServiceRequest request,
                StreamObserver<ExportLogsServiceResponse> response) {
              received(request);
              response.onNext(ExportLogsServiceResponse.getDefaultInstance());
              response.onCompleted();
            }
          })
          .addService(new MetricsServiceGrpc.MetricsServiceImplBase() {
            @Override
            public void export(ExportMetricsServiceRequest request,
                StreamObserver<ExportMetricsServiceResponse> response) {
              received(request);
              response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
              response.onCompleted();
            }
          })
          .build()
          .start();
      port(server.getPort());
    }
  }

  @Override
  public void stop() {
    synchronized (lock) {
      if (server != null) {
        try {
          server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        server = null;
      }
    }
  }

  @Override
  public String protocol() {
    return "grpc";
  }
}
