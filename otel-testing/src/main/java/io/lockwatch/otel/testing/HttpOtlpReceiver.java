package io.lockwatch.otel.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.zip.GZIPInputStream;

/** An OTLP/HTTP receiver (binary protobuf, {@code com.sun.net.httpserver}) for tests. */
public final class HttpOtlpReceiver extends OtlpReceiver {
  private final Object lock = new Object();
  private HttpServer server;

  /** Creates a receiver; {@link #start()} binds it. */
  public HttpOtlpReceiver() {}

  @Override
  public void start() throws IOException {
    synchronized (lock) {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port()), 0);
      server.createContext("/v1/logs", exchange -> {
        received(ExportLogsServiceRequest.parseFrom(body(exchange)));
        respond(exchange, ExportLogsServiceResponse.getDefaultInstance().toByteArray());
      });
      server.createContext("/v1/metrics", exchange -> {
        received(ExportMetricsServiceRequest.parseFrom(body(exchange)));
        respond(exchange, ExportMetricsServiceResponse.getDefaultInstance().toByteArray());
      });
      server.start();
      port(server.getAddress().getPort());
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    if (!"application/x-protobuf".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      throw new IOException("unexpected content type "
          + exchange.getRequestHeaders().getFirst("Content-Type"));
    }
    InputStream in = exchange.getRequestBody();
    if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in.readAllBytes();
  }

  private static void respond(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void stop() {
    synchronized (lock) {
      if (server != null) {
        server.stop(0);
        server = null;
      }
    }
  }

  @Override
  public String protocol() {
    return "http/protobuf";
  }
}
