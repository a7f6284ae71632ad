package io.lockwatch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.dashboards.internal.Dashboard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed JSON models under {@code dashboards/grafana/} are what the builders generate. */
class GeneratedDashboardsTest {
  static final String REGENERATE = "Regenerate them from the repository root with:\n"
      + "  ./mvnw -B -q -pl dashboards -am compile && "
      + "java -cp dashboards/target/classes io.lockwatch.dashboards.GenerateDashboards\n"
      + "and commit dashboards/grafana/.";

  @Test
  void committedJsonMatchesTheBuilders() throws IOException {
    List<String> stale = new ArrayList<>();
    for (Dashboard dashboard : LockwatchDashboards.all()) {
      Path file = ModuleFiles.grafanaDir().resolve(dashboard.fileName());
      String expected = LockwatchDashboards.json(dashboard);
      if (!Files.isRegularFile(file)
          || !expected.equals(Files.readString(file, StandardCharsets.UTF_8))) {
        stale.add(file.toString());
      }
    }
    assertTrue(stale.isEmpty(), "Stale or missing generated dashboards: " + stale + "\n" + REGENERATE);
  }

  @Test
  void noOtherJsonUnderGrafana() {
    Set<String> generated = LockwatchDashboards.all().stream().map(Dashboard::fileName)
        .collect(Collectors.toSet());
    Set<String> committed = ModuleFiles.dashboardFiles().stream()
        .map(file -> file.getFileName().toString()).collect(Collectors.toSet());
    assertEquals(generated, committed,
        "dashboards/grafana/ must hold exactly the generated dashboards.\n" + REGENERATE);
  }
}
