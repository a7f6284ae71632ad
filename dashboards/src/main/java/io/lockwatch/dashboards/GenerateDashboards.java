package io.lockwatch.dashboards;

import io.lockwatch.dashboards.internal.Dashboard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the dashboards' JSON models into a directory (default {@code dashboards/grafana}).
 *
 * <p>Run from the repository root after changing a dashboard:
 * {@code java -cp dashboards/target/classes io.lockwatch.dashboards.GenerateDashboards}.
 */
public final class GenerateDashboards {
  private GenerateDashboards() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args.length > 0 ? args[0] : "dashboards/grafana");
    Files.createDirectories(directory);
    for (Dashboard dashboard : LockwatchDashboards.all()) {
      Path file = directory.resolve(dashboard.fileName());
      Files.writeString(file, LockwatchDashboards.json(dashboard), StandardCharsets.UTF_8);
      System.out.println("wrote " + file);
    }
  }
}
