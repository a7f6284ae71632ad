package io.lockwatch.dashboards.internal;

/**
 * The fleet overview: findings, stalled threads, the worst locks, lock and executor latency, and
 * the agent's own health, for the JVMs chosen by the {@code job} and {@code instance} variables.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class OverviewDashboard {
  /** The dashboard uid. */
  public static final String UID = "lockwatch-overview";
  /** The label matchers every query applies. */
  static final String SELECTOR = "job=~\"$job\",instance=~\"$instance\"";
  /** A data link to the drill-down of the lock under the cursor, keeping variables and time. */
  static final String LOCK_LINK = "/d/" + LockDashboard.UID + "/lockwatch-lock"
      + "?${datasource:queryparam}&${job:queryparam}&${instance:queryparam}"
      + "&var-lock=${__field.labels.lock_name}&${__url_time_range}";

  private OverviewDashboard() {}

  /** @return the dashboard model, not {@code null} */
  public static Dashboard build() {
    return new Dashboard(UID, "Lockwatch overview", DataSource.PROMETHEUS)
        .description("Concurrency health of every JVM running the Lockwatch agent: findings, "
            + "stalled threads, the worst locks, executor queueing and the agent's own health.")
        .variable(Variable.labelValues(DataSource.PROMETHEUS, "job", "Job",
            "label_values(lockwatch_threads_stalled, job)", true))
        .variable(Variable.labelValues(DataSource.PROMETHEUS, "instance", "Instance",
            "label_values(lockwatch_threads_stalled{job=~\"$job\"}, instance)", true))
        .link("Lock drill-down", "/d/" + LockDashboard.UID + "/lockwatch-lock", true)
        .link("Findings (Loki)", "/d/" + FindingsLogDashboard.UID + "/lockwatch-findings", false)
        .panel(Panel.stat("Threads stalled now")
            .description("Threads blocked on a lock or in a blocking wait (future, latch, join) "
                + "for longer than the stall threshold (default 2 s) right now, summed over the "
                + "selected JVMs. Red means something is stuck: open the findings for the STALL "
                + "or DEADLOCK that explains it.")
            .unit("short")
            .size(4, 7)
            .fieldDefault("thresholds", Thresholds.redAbove(1))
            .query(Query.of("sum(lockwatch_threads_stalled{" + SELECTOR + "})").legend("stalled")))
        .panel(Panel.stat("JVMs reporting")
            .description("Number of JVMs (job and instance) whose Lockwatch endpoint is scraped "
                + "and serving Lockwatch metrics.")
            .unit("short")
            .size(4, 7)
            .query(Query.of("count(lockwatch_threads_stalled{" + SELECTOR + "})").legend("JVMs")))
        .panel(Panel.timeSeries("Stalled threads by instance")
            .description("Threads stalled longer than the stall threshold, per JVM, over time. "
                + "A plateau that never returns to zero is a deadlock or a starved pool.")
            .unit("short")
            .size(16, 7)
            .fieldDefault("min", 0)
            .query(Query.of("max by (job, instance) (lockwatch_threads_stalled{" + SELECTOR + "})")
                .legend("{{instance}}")))
        .panel(Panel.timeSeries("Findings over time by type")
            .description("New findings reported by the Lockwatch analyzer per interval, by "
                + "finding type (LOCK_ORDER_CYCLE, DEADLOCK, POOL_STARVATION, STALL, ...). "
                + "Each finding is counted once, when first reported. The first finding of a "
                + "type in a JVM creates its series, so it shows from the second one on; the "
                + "alert rules catch the first one too.")
            .unit("short")
            .size(24, 8)
            .fieldDefault("custom", Styles.bars())
            .query(Query.of("sum by (finding_type) (increase(lockwatch_findings_total{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{finding_type}}")))
        .panel(Panel.timeSeries("Top locks by wait time")
            .description("The 10 locks threads spent the most time waiting for: seconds of "
                + "contended waiting per second of wall time, summed over threads and the "
                + "selected JVMs (1 s/s = on average one thread always waiting). Waits shorter "
                + "than the recording threshold (default 10 ms) are not counted. Click a series "
                + "to open the lock's drill-down.")
            .unit("s")
            .size(12, 9)
            .option("legend", Styles.tableLegend())
            .dataLink("Drill down into ${__field.labels.lock_name}", LOCK_LINK)
            .query(Query.of("topk(10, sum by (lock_name) (rate(lockwatch_lock_wait_seconds_sum{"
                + SELECTOR + "}[$__rate_interval])))").legend("{{lock_name}}")))
        .panel(Panel.timeSeries("Top locks by p99 hold time")
            .description("The 10 locks with the longest 99th-percentile hold time (holds at or "
                + "above the recording threshold, default 10 ms), estimated from the hold "
                + "histogram over the selected JVMs. Long holds make every waiter wait. Click a "
                + "series to open the lock's drill-down.")
            .unit("s")
            .size(12, 9)
            .option("legend", Styles.tableLegend())
            .dataLink("Drill down into ${__field.labels.lock_name}", LOCK_LINK)
            .query(Query.of("topk(10, histogram_quantile(0.99, sum by (lock_name, le) "
                + "(rate(lockwatch_lock_hold_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval]))))").legend("{{lock_name}}")))
        .panel(Panel.heatmap("Lock wait heatmap", "s")
            .description("Distribution of contended lock waits over time (all locks of the "
                + "selected JVMs): the y axis is the wait duration bucket, the colour the number "
                + "of waits that ended in it per interval.")
            .unit("short")
            .size(12, 9)
            .query(Query.of("sum by (le) (increase(lockwatch_lock_wait_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{le}}").format(Query.Format.HEATMAP)))
        .panel(Panel.heatmap("Lock hold heatmap", "s")
            .description("Distribution of lock hold times over time (all locks of the selected "
                + "JVMs, holds at or above the recording threshold): the y axis is the hold "
                + "duration bucket, the colour the number of holds that ended in it per interval.")
            .unit("short")
            .size(12, 9)
            .query(Query.of("sum by (le) (increase(lockwatch_lock_hold_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{le}}").format(Query.Format.HEATMAP)))
        .panel(Panel.timeSeries("Executor queue delay")
            .description("How long tasks waited in each executor's queue before a worker started "
                + "them (median and 99th percentile, by executor). A p99 that climbs while the "
                + "pool's workers are blocked is pool starvation.")
            .unit("s")
            .size(12, 8)
            .query(Query.of("histogram_quantile(0.99, sum by (jvm_executor_name, le) "
                + "(rate(lockwatch_executor_queue_delay_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval])))").legend("p99 {{jvm_executor_name}}"))
            .query(Query.of("histogram_quantile(0.5, sum by (jvm_executor_name, le) "
                + "(rate(lockwatch_executor_queue_delay_seconds_bucket{" + SELECTOR
                + "}[$__rate_interval])))").legend("p50 {{jvm_executor_name}}")))
        .panel(Panel.timeSeries("Submissions under lock")
            .description("Tasks submitted to an executor while the submitting thread held a "
                + "lock, per second, by executor. If the task needs that lock, or the submitter "
                + "then waits for the task, this is the first half of a deadlock through a pool.")
            .unit("ops")
            .size(12, 8)
            .query(Query.of("sum by (jvm_executor_name) "
                + "(rate(lockwatch_executor_submissions_under_lock_total{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{jvm_executor_name}}")))
        .panel(Panel.timeSeries("Agent table overflows")
            .description("Items the agent could not track because one of its bounded tables "
                + "(locks, edges, threads, tasks) was full, per interval. Non-zero means "
                + "Lockwatch sees less than everything: raise the table size.")
            .unit("short")
            .size(8, 7)
            .query(Query.of("sum by (lockwatch_table) (increase(lockwatch_agent_table_overflows_total{"
                + SELECTOR + "}[$__rate_interval]))").legend("{{lockwatch_table}}")))
        .panel(Panel.timeSeries("Agent errors")
            .description("Errors caught inside Lockwatch hooks and releases of locks the agent "
                + "did not know were held, per interval. The application is not affected; a "
                + "steady rate is worth a bug report.")
            .unit("short")
            .size(8, 7)
            .query(Query.of("sum by (error_type) (increase(lockwatch_agent_errors_total{" + SELECTOR
                + "}[$__rate_interval]))").legend("{{error_type}}")))
        .panel(Panel.timeSeries("Exporter drops")
            .description("Telemetry records the exporter dropped, per interval, by signal and "
                + "reason: queue_full (the collector is slow or down and the bounded queue "
                + "overflowed) or export_failed.")
            .unit("short")
            .size(8, 7)
            .query(Query.of("sum by (signal, reason) (increase(lockwatch_exporter_dropped_total{"
                + SELECTOR + "}[$__rate_interval]))").legend("{{signal}} {{reason}}")));
  }
}
