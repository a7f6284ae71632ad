package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.lockwatch.analyzer.cli.LockwatchCli;
import io.lockwatch.proof.internal.ChildJvm;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenTelemetry Java agent (from Maven Central) loaded beside ours, in both orders: the scenario
 * runs to completion, the OTel agent starts and exports its metrics, and Lockwatch records its
 * events and the planted lock-order cycle.
 *
 * <p>With the OTel agent first, the JVM refuses to retransform the few JDK classes that agent gave
 * extra interfaces at load time ({@code FutureTask}, {@code CompletableFuture} in 2.33.1): Lockwatch
 * then prints one {@code instrumentation partly disabled} line naming them and instruments the rest.
 */
class TwoAgentsTest {
  private static final String PARTLY = "lockwatch: instrumentation partly disabled: ";

  @TempDir
  Path dir;

  @ParameterizedTest(name = "lockwatch first: {0}")
  @ValueSource(booleans = {true, false})
  void otelAgentBesideOurs_bothWork(boolean lockwatchFirst) throws Exception {
    Path otel = Path.of(System.getProperty("lockwatch.otel.javaagent",
        "target/agents/opentelemetry-javaagent.jar"));
    assertTrue(Files.isRegularFile(otel), "OTel agent missing: " + otel);
    Path jfr = dir.resolve("two-agents.jfr");
    String ours = "-javaagent:" + Fixtures.agentJar() + "=recording=" + jfr;
    String theirs = "-javaagent:" + otel.toAbsolutePath();
    // The OTel agent's metrics go by OTLP/HTTP to a collector stub in this JVM: a POST shows its
    // SDK runs. Every 500 ms: its SDK starts late in its premain, and the scenario is short.
    AtomicInteger posts = new AtomicInteger();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext("/v1/metrics", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        posts.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
      }
    });
    collector.start();
    ChildJvm.Result r;
    try {
      List<String> jvm = new ArrayList<>(List.of("-Dotel.traces.exporter=none",
          "-Dotel.logs.exporter=none", "-Dotel.metrics.exporter=otlp",
          "-Dotel.exporter.otlp.metrics.protocol=http/protobuf",
          "-Dotel.exporter.otlp.metrics.endpoint=http://127.0.0.1:"
              + collector.getAddress().getPort() + "/v1/metrics",
          "-Dotel.metric.export.interval=500"));
      jvm.addAll(lockwatchFirst ? List.of(ours, theirs) : List.of(theirs, ours));
      r = ChildJvm.run(jvm, Fixtures.examplesJar().toString(), "io.lockwatch.examples.Scenarios",
          List.of("deadly-embrace-latent", "--max-seconds", "30",
              // stay up after DONE: the OTel agent starts slowly and exports every 500 ms
              "--linger-seconds", "6"),
          Duration.ofSeconds(150), false);
    } finally {
      collector.stop(0);
    }
    assertEquals(0, r.exitCode, r.toString());
    assertTrue(r.stdout.stream().anyMatch(l -> l.startsWith("DONE ")), r.toString());
    assertTrue(r.stderr.stream().anyMatch(l -> l.contains("opentelemetry-javaagent")),
        "the OTel agent did not start: " + r);
    assertTrue(posts.get() > 0, "the OTel agent exported no metrics: " + r);
    assertFalse(Fixtures.hasStackTrace(r.stderr), r.toString());

    // Lockwatch's own lines: none with Lockwatch first; with OTel first at most the one line that
    // names the classes the JVM refused to retransform, never the lock classes themselves.
    List<String> lockwatchLines = r.stderr.stream().filter(l -> l.startsWith("lockwatch: "))
        .collect(Collectors.toList());
    List<String> partly = lockwatchLines.stream().filter(l -> l.startsWith(PARTLY))
        .collect(Collectors.toList());
    assertEquals(partly, lockwatchLines, "unexpected lockwatch lines: " + r);
    assertTrue(partly.size() <= (lockwatchFirst ? 0 : 1), "partly-disabled lines: " + partly);
    for (String line : partly) {
      assertFalse(line.contains("locks."), "a lock class stayed uninstrumented: " + line);
    }

    assertFalse(Fixtures.events(jfr, "lockwatch.LockOrder").isEmpty(),
        "no lockwatch.LockOrder events with the OTel agent loaded");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = LockwatchCli.run(new String[] {"analyze", jfr.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(1, exit, "analyze: " + out + err);
    assertTrue(out.toString().contains("LOCK_ORDER_CYCLE"), "analyze: " + out + err);
  }
}
