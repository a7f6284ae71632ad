package io.lockwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.ScenarioCatalog;
import io.lockwatch.examples.testing.JvmFork;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The services the shaded agent starts: the exporter when configured, the analyzer unless off. */
class AgentServicesIT {
  @Test
  void prometheusEndpointServesFindingsFromTheShadedExporter() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", "prometheus").toAbsolutePath();
    JvmFork.Builder builder = JvmFork.forScenario(ScenarioCatalog.DEADLY_EMBRACE, "--max-seconds",
        "30").setClasspath(ForkedJdk.examplesJar().toString()).setTimeout(Duration.ofSeconds(120))
        .addJvmArgs("-Dlockwatch.prometheus=" + port);
    try (AgentRun run = AgentRun.start(dir, builder)) {
      assertTrue(run.awaitMarker(Duration.ofSeconds(90), MarkerLine.HAZARD).isPresent(),
          "no HAZARD" + run.describe());
      assertTrue(run.awaitFindings(List.of("DEADLOCK"), System.currentTimeMillis() + 20_000),
          "no DEADLOCK" + run.describe());
      HttpClient http = HttpClient.newHttpClient();
      String body = "";
      long deadline = System.currentTimeMillis() + 20_000;
      while (System.currentTimeMillis() < deadline && !body.contains("finding_type=\"DEADLOCK\"")) {
        body = scrape(http, port);
        Thread.sleep(500);
      }
      assertTrue(body.contains("lockwatch_findings_total") && body.contains("DEADLOCK"),
          "no lockwatch_findings_total{finding_type=DEADLOCK} on :" + port + "/metrics:\n" + body
              + run.describe());
      assertFalse(String.join("\n", run.fork().output()).contains("exporter disabled"),
          run.describe());
    }
  }

  @Test
  void analyzerOffMeansNoFindings() throws Exception {
    Path dir = Path.of("target", "e2e", ForkedJdk.feature() + "", "analyzer-off").toAbsolutePath();
    JvmFork.Builder builder = JvmFork.forScenario(ScenarioCatalog.DEADLY_EMBRACE_LATENT)
        .setClasspath(ForkedJdk.examplesJar().toString()).setTimeout(Duration.ofSeconds(120))
        .addJvmArgs("-Dlockwatch.analyzer=false");
    try (AgentRun run = AgentRun.start(dir, builder)) {
      assertEquals(0, run.fork().awaitExit(Duration.ofSeconds(90)), run.describe());
      assertEquals(List.of(), run.liveTypes(), run.describe());
      assertFalse(String.join("\n", run.fork().output()).contains("[lockwatch]"), run.describe());
      // the recording still has what the analyzer needs offline
      assertTrue(Findings.analyze(List.of(run.recording())).types().contains("LOCK_ORDER_CYCLE"));
    }
  }

  private static String scrape(HttpClient http, int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
