package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.otel.LockwatchExporter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exporter's Prometheus endpoint under a burst: 50 concurrent scrapers × 20 scrapes each, all
 * answered 200, while an application thread finishes a fixed amount of lock work unaffected.
 */
class PrometheusScrapeBurstTest {
  static final int SCRAPERS = 50;
  static final int SCRAPES_EACH = 20;

  @Test
  @Timeout(120)
  void burstOfConcurrentScrapes_all200_appUnaffected() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    ExecutorService pool = Executors.newFixedThreadPool(SCRAPERS);
    AtomicLong appOps = new AtomicLong();
    try (AutoCloseable exporter = LockwatchExporter.start(Map.of("prometheus", String.valueOf(port)))) {
      awaitUp(http, uri);
      Thread app = new Thread(() -> {
        ReentrantLock lock = new ReentrantLock();
        for (int i = 0; i < 2_000_000; i++) {
          lock.lock();
          try {
            appOps.incrementAndGet();
          } finally {
            lock.unlock();
          }
        }
      }, "app");
      app.start();
      List<Future<Map<Integer, Integer>>> results = new ArrayList<>();
      for (int s = 0; s < SCRAPERS; s++) {
        results.add(pool.submit(() -> {
          Map<Integer, Integer> codes = new TreeMap<>();
          for (int i = 0; i < SCRAPES_EACH; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            codes.merge(r.statusCode(), 1, Integer::sum);
          }
          return codes;
        }));
      }
      Map<Integer, Integer> all = new TreeMap<>();
      for (Future<Map<Integer, Integer>> f : results) {
        f.get(90, TimeUnit.SECONDS).forEach((k, v) -> all.merge(k, v, Integer::sum));
      }
      app.join(60_000);
      assertEquals(Map.of(200, SCRAPERS * SCRAPES_EACH), all, "status codes of the burst");
      assertEquals(2_000_000, appOps.get(), "the application's own work");
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitUp(HttpClient http, URI uri) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    assertTrue(false, "the Prometheus endpoint did not come up at " + uri);
  }
}
