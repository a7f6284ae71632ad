package io.lockwatch.benchmarks.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Formats the results of several {@link AgentConfiguration}s as one Markdown table: score ± error
 * per configuration, and each configuration's delta against the first one (the baseline), marked
 * "~" when the delta is within the combined 99.9% error of the two scores.
 */
final class OverheadTable {
  /** Added ns allowed at default settings, by benchmark method (issue 3). */
  private static final Map<String, Double> TARGETS = Map.of(
      "reentrantLockPair", 5.0,
      "synchronizedPair", 5.0,
      "nestedReentrantLockPair", 15.0,
      "nestedSynchronizedPair", 15.0);

  private OverheadTable() {}

  /**
   * Formats the table.
   *
   * @param results per configuration, the baseline first
   * @return the Markdown table with a legend
   */
  static String format(Map<AgentConfiguration, Collection<RunResult>> results) {
    List<AgentConfiguration> configs = new ArrayList<>(results.keySet());
    Map<String, Map<AgentConfiguration, Result<?>>> rows = new LinkedHashMap<>();
    for (Map.Entry<AgentConfiguration, Collection<RunResult>> e : results.entrySet()) {
      for (RunResult run : e.getValue()) {
        String name = shortName(run.getParams().getBenchmark());
        rows.computeIfAbsent(name, k -> new LinkedHashMap<>())
            .put(e.getKey(), run.getPrimaryResult());
      }
    }
    AgentConfiguration base = configs.get(0);
    StringBuilder out = new StringBuilder();
    out.append("| benchmark (ns/op) |");
    for (AgentConfiguration c : configs) {
      out.append(' ').append(c.id()).append(c == base ? " |" : " | Δ |");
    }
    out.append(" target at default |\n|---|");
    for (AgentConfiguration c : configs) {
      out.append(c == base ? "---:|" : "---:|---:|");
    }
    out.append("---:|\n");
    for (Map.Entry<String, Map<AgentConfiguration, Result<?>>> row : rows.entrySet()) {
      out.append("| ").append(row.getKey()).append(" |");
      Result<?> baseResult = row.getValue().get(base);
      for (AgentConfiguration c : configs) {
        Result<?> r = row.getValue().get(c);
        out.append(' ').append(r == null ? "–" : scoreWithError(r)).append(" |");
        if (c != base) {
          out.append(' ').append(delta(baseResult, r)).append(" |");
        }
      }
      Double target = TARGETS.get(methodName(row.getKey()));
      out.append(' ').append(target == null ? "–" : String.format(Locale.ROOT, "≤ +%.0f", target))
          .append(" |\n");
    }
    out.append('\n');
    for (AgentConfiguration c : configs) {
      out.append("- ").append(c.id()).append(": ").append(c.description()).append('\n');
    }
    out.append("- Δ: score minus ").append(base.id())
        .append("; \"~\" = within the combined 99.9% error of the two scores (noise).\n");
    return out.toString();
  }

  private static String scoreWithError(Result<?> r) {
    double err = r.getScoreError();
    return Double.isNaN(err)
        ? String.format(Locale.ROOT, "%.2f", r.getScore())
        : String.format(Locale.ROOT, "%.2f ± %.2f", r.getScore(), err);
  }

  private static String delta(Result<?> base, Result<?> r) {
    if (base == null || r == null) {
      return "–";
    }
    double d = r.getScore() - base.getScore();
    double noise = Math.hypot(finiteOrZero(base.getScoreError()), finiteOrZero(r.getScoreError()));
    return String.format(Locale.ROOT, "%+.2f%s", d, Math.abs(d) <= noise ? " ~" : "");
  }

  private static double finiteOrZero(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? 0 : v;
  }

  private static String shortName(String benchmark) {
    String[] parts = benchmark.split("\\.");
    return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }

  private static String methodName(String shortName) {
    return shortName.substring(shortName.lastIndexOf('.') + 1);
  }
}
