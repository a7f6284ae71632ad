package io.lockwatch.dashboards;

import io.lockwatch.dashboards.internal.Dashboard;
import io.lockwatch.dashboards.internal.FindingsLogDashboard;
import io.lockwatch.dashboards.internal.JsonWriter;
import io.lockwatch.dashboards.internal.LockDashboard;
import io.lockwatch.dashboards.internal.OverviewDashboard;
import java.util.List;

/** The Lockwatch Grafana dashboards, and their generated JSON models. */
public final class LockwatchDashboards {
  private LockwatchDashboards() {}

  /** @return every dashboard: overview, lock drill-down and Loki findings, not {@code null} */
  public static List<Dashboard> all() {
    return List.of(OverviewDashboard.build(), LockDashboard.build(), FindingsLogDashboard.build());
  }

  /**
   * @param dashboard one of {@link #all()}
   * @return its Grafana JSON model as committed under {@code dashboards/grafana/}, not {@code null}
   */
  public static String json(Dashboard dashboard) {
    return JsonWriter.write(dashboard.toJson());
  }
}
