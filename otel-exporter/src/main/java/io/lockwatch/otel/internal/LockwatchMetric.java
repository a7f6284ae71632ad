package io.lockwatch.otel.internal;

import java.util.List;

/**
 * The one catalog of Lockwatch metrics: name, unit, description, kind and attribute keys.
 *
 * <p>Both the OpenTelemetry meter ({@link OtelMetricSink}) and the Micrometer binder build their
 * instruments from these constants, so a definition is written once. The names are API:
 * dashboards query their Prometheus forms (see {@code docs/EXPORTER.md}).
 *
 * <p>This class is internal and is not intended for public use.
 */
public enum LockwatchMetric {
  LOCK_HOLD("lockwatch.lock.hold", "s", Kind.HISTOGRAM,
      "Time a lock or monitor was held (holds at or above the recording threshold)",
      AttributeNames.LOCK_NAME),
  LOCK_WAIT("lockwatch.lock.wait", "s", Kind.HISTOGRAM,
      "Time spent waiting to acquire a contended lock or monitor (waits at or above the recording threshold)",
      AttributeNames.LOCK_NAME),
  FINDINGS("lockwatch.findings", "{finding}", Kind.COUNTER,
      "Concurrency findings reported by the Lockwatch analyzer, counted once when first reported",
      AttributeNames.FINDING_TYPE, AttributeNames.FINDING_SEVERITY),
  THREADS_STALLED("lockwatch.threads.stalled", "{thread}", Kind.GAUGE,
      "Threads blocked on a lock or a blocking wait for longer than the stall threshold right now"),
  EXECUTOR_QUEUE_DELAY("lockwatch.executor.queue.delay", "s", Kind.HISTOGRAM,
      "Time a task waited in an executor's queue before a worker started it",
      AttributeNames.EXECUTOR_NAME),
  EXECUTOR_SUBMISSIONS_UNDER_LOCK("lockwatch.executor.submissions.under_lock", "{submission}",
      Kind.COUNTER, "Tasks submitted to an executor while the submitting thread held a lock",
      AttributeNames.EXECUTOR_NAME),
  AGENT_TABLE_OVERFLOWS("lockwatch.agent.table.overflows", "{item}", Kind.OBSERVED_COUNTER,
      "Items the agent could not track because one of its bounded tables was full",
      AttributeNames.TABLE),
  AGENT_ERRORS("lockwatch.agent.errors", "{error}", Kind.OBSERVED_COUNTER,
      "Errors caught inside Lockwatch hooks and releases of locks not known to be held; "
          + "the application was not affected",
      AttributeNames.ERROR_TYPE),
  EXPORTER_DROPPED("lockwatch.exporter.dropped", "{record}", Kind.OBSERVED_COUNTER,
      "Telemetry records the exporter dropped: its queue was full or the export failed",
      AttributeNames.SIGNAL, AttributeNames.REASON);

  private final String metricName;
  private final String unit;
  private final Kind kind;
  private final String description;
  private final List<String> attributeKeys;

  LockwatchMetric(String metricName, String unit, Kind kind, String description,
      String... attributeKeys) {
    this.metricName = metricName;
    this.unit = unit;
    this.kind = kind;
    this.description = description;
    this.attributeKeys = List.of(attributeKeys);
  }

  /** @return the dotted OpenTelemetry name, e.g. {@code lockwatch.lock.wait}, not {@code null} */
  public String metricName() {
    return metricName;
  }

  /** @return the UCUM unit, e.g. {@code s} or {@code {finding}}, not {@code null} */
  public String unit() {
    return unit;
  }

  /** @return the instrument kind, not {@code null} */
  public Kind kind() {
    return kind;
  }

  /** @return the description, not {@code null} */
  public String description() {
    return description;
  }

  /** @return the attribute keys, in the order values are passed to a sink, not {@code null} */
  public List<String> attributeKeys() {
    return attributeKeys;
  }

  /** How a metric is measured. */
  public enum Kind {
    /** A histogram of durations in seconds, recorded per event. */
    HISTOGRAM,
    /** A monotonic counter incremented per event. */
    COUNTER,
    /** A gauge read when the metric is collected. */
    GAUGE,
    /** A monotonic counter whose cumulative value is read when the metric is collected. */
    OBSERVED_COUNTER
  }

  /** Attribute keys of the catalog (semantic-convention names where one exists). */
  public static final class AttributeNames {
    public static final String LOCK_NAME = "lock.name";
    public static final String FINDING_TYPE = "finding.type";
    public static final String FINDING_SEVERITY = "finding.severity";
    public static final String EXECUTOR_NAME = "jvm.executor.name";
    public static final String TABLE = "lockwatch.table";
    public static final String ERROR_TYPE = "error.type";
    public static final String SIGNAL = "signal";
    public static final String REASON = "reason";

    private AttributeNames() {}
  }
}
