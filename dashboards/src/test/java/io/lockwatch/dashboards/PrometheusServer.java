package io.lockwatch.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real {@code prometheus} server on loopback, with a temporary TSDB and a generated config that
 * scrapes the given targets every second and evaluates the given rule file every second.
 */
final class PrometheusServer implements AutoCloseable {
  private final Path directory;
  private final ForkedProcess process;
  private final PrometheusApi api;

  private PrometheusServer(Path directory, ForkedProcess process, PrometheusApi api) {
    this.directory = directory;
    this.process = process;
    this.api = api;
  }

  /**
   * @param binary the prometheus executable
   * @param targets host:port of each /metrics endpoint to scrape (job {@code lockwatch})
   * @param ruleFile the alert rules to load
   * @return the started server, answering its HTTP API
   */
  static PrometheusServer start(Path binary, List<String> targets, Path ruleFile)
      throws IOException, InterruptedException {
    Path directory = Files.createTempDirectory("lockwatch-prometheus");
    int port = freePort();
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(config, String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  scrape_timeout: 1s",
        "  evaluation_interval: 1s",
        "rule_files:",
        "  - " + ruleFile.toAbsolutePath(),
        "scrape_configs:",
        "  - job_name: lockwatch",
        "    static_configs:",
        "      - targets: ['" + String.join("', '", targets) + "']",
        ""));
    ForkedProcess process = null;
    try {
      process = ForkedProcess.start("prometheus", List.of(binary.toString(),
          "--config.file=" + config,
          "--storage.tsdb.path=" + directory.resolve("data"),
          "--web.listen-address=127.0.0.1:" + port,
          "--log.level=warn"), null);
      PrometheusApi api = new PrometheusApi("http://127.0.0.1:" + port);
      PrometheusServer server = new PrometheusServer(directory, process, api);
      api.awaitReady(Duration.ofSeconds(20), process);
      return server;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      if (process != null) {
        process.close();
      }
      deleteRecursively(directory);
      throw e;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  PrometheusApi api() {
    return api;
  }

  String output() {
    return process.output();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.close();
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
