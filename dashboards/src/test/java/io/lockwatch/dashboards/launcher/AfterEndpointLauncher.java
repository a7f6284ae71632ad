package io.lockwatch.dashboards.launcher;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Runs a main class once the agent's own Prometheus endpoint serves Lockwatch metrics, the way a
 * long-running application meets its hazards long after the agent started. The agent starts its
 * exporter on a background thread, and the exporter sees only events committed after its stream
 * starts; a scenario whose deadlock happens in its first second would otherwise race it.
 *
 * <p>Usage: {@code AfterEndpointLauncher <metrics-port> <main-class> [args...]}.
 */
public final class AfterEndpointLauncher {
  private static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(60);
  /** Margin for the exporter's event stream, started on its own thread after the endpoint. */
  private static final long STREAM_MARGIN_MS = 3000;

  private AfterEndpointLauncher() {}

  public static void main(String[] args) throws Throwable {
    URI metrics = URI.create("http://127.0.0.1:" + args[0] + "/metrics");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + ENDPOINT_TIMEOUT.toNanos();
    while (!serves(client, metrics)) {
      if (System.nanoTime() - deadline > 0) {
        System.out.println("AfterEndpointLauncher: " + metrics + " did not serve Lockwatch metrics "
            + "within " + ENDPOINT_TIMEOUT + "; starting anyway");
        break;
      }
      Thread.sleep(100);
    }
    Thread.sleep(STREAM_MARGIN_MS);
    Method main = Class.forName(args[1]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
  }

  private static boolean serves(HttpClient client, URI metrics) {
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(metrics)
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("lockwatch_");
    } catch (Exception e) {
      return false;
    }
  }
}
