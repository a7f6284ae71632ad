package io.lockwatch.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** Prometheus's HTTP API: instant and range queries, label values, rules and alerts. */
final class PrometheusApi {
  private final String base;
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  PrometheusApi(String base) {
    this.base = base;
  }

  /** Polls {@code /-/ready} until it answers 200. */
  void awaitReady(Duration timeout, ForkedProcess process) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("prometheus exited:\n" + process.output());
      }
      try {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/-/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("prometheus not ready in " + timeout + ":\n" + process.output());
  }

  /** @return the whole response of an instant query at now (status, data or error) */
  JsonNode query(String promql) throws IOException, InterruptedException {
    return get("/api/v1/query", Map.of("query", promql));
  }

  /** @return the whole response of a range query over the last {@code range}, one point per step */
  JsonNode queryRange(String promql, Duration range, Duration step)
      throws IOException, InterruptedException {
    Instant end = Instant.now();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("query", promql);
    parameters.put("start", String.valueOf(end.minus(range).getEpochSecond()));
    parameters.put("end", String.valueOf(end.getEpochSecond()));
    parameters.put("step", step.toSeconds() + "s");
    return get("/api/v1/query_range", parameters);
  }

  /** @return the response of {@code /api/v1/label/<label>/values}, optionally for a series selector */
  JsonNode labelValues(String label, String selector) throws IOException, InterruptedException {
    return get("/api/v1/label/" + label + "/values",
        selector == null ? Map.of() : Map.of("match[]", selector));
  }

  JsonNode rules() throws IOException, InterruptedException {
    return get("/api/v1/rules", Map.of());
  }

  JsonNode alerts() throws IOException, InterruptedException {
    return get("/api/v1/alerts", Map.of());
  }

  private JsonNode get(String path, Map<String, String> parameters)
      throws IOException, InterruptedException {
    StringJoiner query = new StringJoiner("&");
    parameters.forEach((key, value) -> query.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    URI uri = URI.create(base + path + (parameters.isEmpty() ? "" : "?" + query));
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return ModuleFiles.JSON.readTree(response.body());
  }
}
