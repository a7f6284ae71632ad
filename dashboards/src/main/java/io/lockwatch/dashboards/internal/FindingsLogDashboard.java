package io.lockwatch.dashboards.internal;

import java.util.List;

/**
 * Findings as OpenTelemetry log records in Loki: events named {@code lockwatch.<type>} whose
 * attributes Loki's native OTLP ingestion stores as structured metadata (dots become
 * underscores: {@code lockwatch_finding_type}, {@code code_stacktrace}, ...).
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class FindingsLogDashboard {
  /** The dashboard uid. */
  public static final String UID = "lockwatch-findings-loki";
  /** Finding types of the Lockwatch analyzer (the {@code type} field of {@code lockwatch.Finding}). */
  public static final List<String> FINDING_TYPES = List.of("LOCK_ORDER_CYCLE", "DEADLOCK",
      "POOL_SELF_WAIT", "POOL_STARVATION", "WAIT_UNDER_LOCK", "LONG_HOLD", "STALL",
      "SELF_DEADLOCK", "VIRTUAL_THREAD_PINNED", "ORDER_VIOLATION");
  /** The Lockwatch finding records of the chosen services, by event name or finding attribute. */
  static final String FINDINGS = "{service_name=~\"$service\"} "
      + "| event_name=~\"lockwatch[.].+\" or lockwatch_finding_type!=\"\" "
      + "| lockwatch_finding_type=~\"$type\" "
      + "| lockwatch_lock_names=~\".*$lock.*\"";

  private FindingsLogDashboard() {}

  /** @return the dashboard model, not {@code null} */
  public static Dashboard build() {
    String search = " |~ \"(?i)$search\"";
    return new Dashboard(UID, "Lockwatch findings (Loki)", DataSource.LOKI)
        .description("The latest Lockwatch findings with their summaries and stacks, from the "
            + "OpenTelemetry log records the exporter emits (event name lockwatch.<type>), "
            + "ingested by Loki's OTLP endpoint.")
        .tag("loki")
        .variable(Variable.labelValues(DataSource.LOKI, "service", "Service",
            "label_values(service_name)", true))
        .variable(Variable.custom("type", "Finding type", FINDING_TYPES))
        .variable(Variable.textBox("lock", "Lock name contains"))
        .variable(Variable.textBox("search", "Search"))
        .link("Lockwatch overview", "/d/" + OverviewDashboard.UID + "/lockwatch-overview", false)
        .panel(Panel.timeSeries("Findings over time by type")
            .description("Finding log records per interval, by finding type, including updates "
                + "and resolutions of stalls (see the status in each record).")
            .unit("short")
            .size(16, 7)
            .fieldDefault("custom", Styles.bars())
            .query(Query.of("sum by (lockwatch_finding_type) (count_over_time(" + FINDINGS + search
                + " [$__auto]))").legend("{{lockwatch_finding_type}}")))
        .panel(Panel.stat("Critical findings")
            .description("New findings of severity CRITICAL (deadlocks, lock-order cycles, "
                + "starvation) in the selected time range.")
            .unit("short")
            .size(8, 7)
            .option("reduceOptions", JsonWriter.object("calcs", List.of("sum"), "fields", "",
                "values", false))
            .fieldDefault("thresholds", Thresholds.redAbove(1))
            .query(Query.of("sum(count_over_time(" + FINDINGS
                + " | lockwatch_finding_severity=\"CRITICAL\" | lockwatch_finding_status=\"new\""
                + search + " [$__auto]))").legend("critical")))
        .panel(Panel.logs("Latest findings")
            .description("The newest finding records first. The line is the human summary; "
                + "expand a record to see its attributes: finding id, type, severity and status, "
                + "threads, locks, executor and the stacks (code_stacktrace).")
            .unit("none")
            .size(24, 10)
            .query(Query.of(FINDINGS + search).logs()))
        .panel(Panel.logs("Findings with stacks")
            .description("The same records with the stacks printed under each summary: every "
                + "part of the finding (thread, lock held, lock requested) and, for stalls and "
                + "waits, the other side's stack.")
            .unit("none")
            .size(24, 14)
            .query(Query.of(FINDINGS + search + " | line_format \"{{.lockwatch_finding_type}} "
                + "{{.lockwatch_finding_status}} {{.lockwatch_finding_id}}: {{__line__}}\\n"
                + "{{.code_stacktrace}}\"").logs()));
  }
}
