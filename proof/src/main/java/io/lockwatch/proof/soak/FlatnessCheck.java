package io.lockwatch.proof.soak;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The soak's criterion for "flat after warm-up": split a time series into thirds by sample order;
 * the first third is warm-up; the series is flat when the statistic (median, minimum or maximum)
 * of the last third is at most
 * {@code (1 + relativeTolerance) * statistic(second third) + absoluteTolerance}.
 */
final class FlatnessCheck {
  final String series;
  final int samples;
  final double secondThirdMedian;
  final double lastThirdMedian;
  final double max;
  final double limit;
  final boolean flat;

  private FlatnessCheck(String series, int samples, double second, double last, double max,
      double limit, boolean flat) {
    this.series = series;
    this.samples = samples;
    this.secondThirdMedian = second;
    this.lastThirdMedian = last;
    this.max = max;
    this.limit = limit;
    this.flat = flat;
  }

  static FlatnessCheck of(String series, List<Double> values, double relativeTolerance,
      double absoluteTolerance) {
    return of(series, values, relativeTolerance, absoluteTolerance, "median");
  }

  static FlatnessCheck of(String series, List<Double> values, double relativeTolerance,
      double absoluteTolerance, String stat) {
    int n = values.size();
    if (n < 6) {
      return new FlatnessCheck(series, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] secondThird = Arrays.copyOfRange(v, n / 3, 2 * n / 3);
    double[] lastThird = Arrays.copyOfRange(v, 2 * n / 3, n);
    double second = stat(stat, secondThird);
    double last = stat(stat, lastThird);
    double max = Arrays.stream(v).max().orElse(Double.NaN);
    double limit = (1 + relativeTolerance) * second + absoluteTolerance;
    return new FlatnessCheck(series, n, second, last, max, limit, last <= limit);
  }

  /**
   * Returns this check passed as "saturated" when the median of the last third and the last value
   * equal the run's maximum (a table held at its hard cap is bounded, however late it got there).
   */
  FlatnessCheck orSaturated(List<Double> values) {
    int n = values.size();
    if (flat || n < 6) {
      return this;
    }
    boolean atMax = lastThirdMedian == max && values.get(n - 1) == max;
    return atMax ? new FlatnessCheck(series + " (at cap)", samples, secondThirdMedian,
        lastThirdMedian, max, limit, true) : this;
  }

  static double stat(String stat, double[] v) {
    switch (stat) {
      case "min": return Arrays.stream(v).min().getAsDouble();
      case "max": return Arrays.stream(v).max().getAsDouble();
      default: return median(v);
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%-30s %s  samples %4d  2nd third %14.0f  last third"
        + " %14.0f  limit %14.0f  max %14.0f", series, flat ? "FLAT " : "GROWS", samples,
        secondThirdMedian, lastThirdMedian, limit, max);
  }
}
