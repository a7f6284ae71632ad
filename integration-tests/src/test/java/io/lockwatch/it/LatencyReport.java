package io.lockwatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Collects live detection latencies (HAZARD marker to finding line in the findings file) and
 * writes them as a Markdown table. Reports only; the tests assert no timing beyond the issue's
 * explicit bounds.
 */
final class LatencyReport {
  private static final Map<String, Long> LATENCIES = new ConcurrentSkipListMap<>();

  private LatencyReport() {}

  static void record(String scenario, String type, long millis) {
    LATENCIES.put(scenario + " | " + type, millis);
  }

  /** Writes the table to {@code -Dlockwatch.e2e.report} (default {@code target/e2e-latency.md}). */
  static synchronized void write(String jdk) throws IOException {
    if (LATENCIES.isEmpty()) {
      return;
    }
    List<Long> values = new ArrayList<>(LATENCIES.values());
    values.sort(null);
    long median = values.size() % 2 == 1 ? values.get(values.size() / 2)
        : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
    StringBuilder sb = new StringBuilder();
    sb.append("Live detection latency on JDK ").append(jdk)
        .append(" (HAZARD marker -> finding line in the findings file)\n\n")
        .append("| scenario | finding | latency (ms) |\n|---|---|---:|\n");
    LATENCIES.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    sb.append("\nmedian: ").append(median).append(" ms over ").append(values.size())
        .append(" findings, max: ").append(values.get(values.size() - 1)).append(" ms\n");
    Path out = Path.of(System.getProperty("lockwatch.e2e.report", "target/e2e-latency.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, sb.toString());
    System.out.println(sb);
  }
}
