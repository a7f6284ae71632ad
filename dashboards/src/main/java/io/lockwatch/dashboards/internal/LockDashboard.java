package io.lockwatch.dashboards.internal;

/**
 * The drill-down of one lock (variable {@code lock}): how often and how long threads wait for it,
 * how long it is held, and the distributions of both. Linked from the overview's lock panels.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class LockDashboard {
  /** The dashboard uid. */
  public static final String UID = "lockwatch-lock";
  /** The variable naming the lock. */
  public static final String LOCK_VARIABLE = "lock";
  private static final String SELECTOR =
      OverviewDashboard.SELECTOR + ",lock_name=\"$" + LOCK_VARIABLE + "\"";

  private LockDashboard() {}

  /** @return the dashboard model, not {@code null} */
  public static Dashboard build() {
    return new Dashboard(UID, "Lockwatch lock drill-down", DataSource.PROMETHEUS)
        .description("One lock in detail: contention, wait and hold latency and their "
            + "distributions, per JVM. Open it from the overview's lock panels.")
        .variable(Variable.labelValues(DataSource.PROMETHEUS, "job", "Job",
            "label_values(lockwatch_threads_stalled, job)", true))
        .variable(Variable.labelValues(DataSource.PROMETHEUS, "instance", "Instance",
            "label_values(lockwatch_threads_stalled{job=~\"$job\"}, instance)", true))
        .variable(Variable.labelValues(DataSource.PROMETHEUS, LOCK_VARIABLE, "Lock",
            "label_values({__name__=~\"lockwatch_lock_(hold|wait)_seconds_count\","
                + "job=~\"$job\",instance=~\"$instance\"}, lock_name)", false))
        .link("Lockwatch overview", "/d/" + OverviewDashboard.UID + "/lockwatch-overview", true)
        .link("Findings (Loki) for this lock", "/d/" + FindingsLogDashboard.UID
            + "/lockwatch-findings?var-lock=${lock}", false)
        .panel(Panel.timeSeries("Wait time per second")
            .description("Seconds threads spent waiting for this lock per second of wall time, "
                + "per JVM (1 s/s = on average one thread always waiting). Only waits at or "
                + "above the recording threshold (default 10 ms) are counted.")
            .unit("s")
            .size(12, 8)
            .query(Query.of("sum by (instance) (rate(lockwatch_lock_wait_seconds_sum{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{instance}}")))
        .panel(Panel.timeSeries("Contended acquisitions")
            .description("Contended acquisitions of this lock that waited at least the recording "
                + "threshold, per second, per JVM.")
            .unit("ops")
            .size(12, 8)
            .query(Query.of("sum by (instance) (rate(lockwatch_lock_wait_seconds_count{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{instance}}")))
        .panel(quantiles("Wait latency", "lockwatch_lock_wait_seconds_bucket",
            "Time threads waited to acquire this lock: median, 90th and 99th percentile over the "
                + "selected JVMs, from the wait histogram."))
        .panel(quantiles("Hold latency", "lockwatch_lock_hold_seconds_bucket",
            "Time this lock was held: median, 90th and 99th percentile over the selected JVMs, "
                + "from the hold histogram (holds at or above the recording threshold)."))
        .panel(Panel.timeSeries("Long holds per second")
            .description("Holds of this lock at or above the recording threshold, per second, "
                + "per JVM.")
            .unit("ops")
            .size(12, 8)
            .query(Query.of("sum by (instance) (rate(lockwatch_lock_hold_seconds_count{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{instance}}")))
        .panel(Panel.timeSeries("Mean hold time")
            .description("Mean duration of the recorded holds of this lock, per JVM: total hold "
                + "time divided by the number of holds.")
            .unit("s")
            .size(12, 8)
            .query(Query.of("sum by (instance) (rate(lockwatch_lock_hold_seconds_sum{" + SELECTOR
                + "}[$__rate_interval])) / sum by (instance) (rate(lockwatch_lock_hold_seconds_count{"
                + SELECTOR + "}[$__rate_interval]))").legend("{{instance}}")))
        .panel(Panel.heatmap("Wait heatmap", "s")
            .description("Distribution of this lock's contended waits over time: the y axis is "
                + "the wait duration bucket, the colour the number of waits per interval.")
            .unit("short")
            .size(12, 9)
            .query(Query.of("sum by (le) (increase(lockwatch_lock_wait_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{le}}").format(Query.Format.HEATMAP)))
        .panel(Panel.heatmap("Hold heatmap", "s")
            .description("Distribution of this lock's hold times over time: the y axis is the "
                + "hold duration bucket, the colour the number of holds per interval.")
            .unit("short")
            .size(12, 9)
            .query(Query.of("sum by (le) (increase(lockwatch_lock_hold_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{le}}").format(Query.Format.HEATMAP)));
  }

  private static Panel quantiles(String title, String bucketMetric, String description) {
    Panel panel = Panel.timeSeries(title).description(description).unit("s").size(12, 8);
    for (String quantile : new String[] {"0.5", "0.9", "0.99"}) {
      panel.query(Query.of("histogram_quantile(" + quantile + ", sum by (le) (rate(" + bucketMetric
          + "{" + SELECTOR + "}[$__rate_interval])))").legend("p" + quantile.substring(2)
          + (quantile.length() == 3 ? "0" : "")));
    }
    return panel;
  }
}
