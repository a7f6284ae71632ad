package io.lockwatch.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provisioning and compose files parse and agree with each other. */
class ProvisioningTest {
  @Test
  void dataSourcesProvideEveryDashboardsType() {
    JsonNode file = ModuleFiles.readYaml(
        ModuleFiles.moduleDir().resolve("provisioning/datasources/lockwatch.yaml"));
    assertEquals(1, file.path("apiVersion").asInt());
    Set<String> types = new HashSet<>();
    file.path("datasources").forEach(source -> types.add(source.path("type").asText()));
    for (var dashboard : ModuleFiles.dashboardFiles()) {
      String type = ModuleFiles.dataSourceType(ModuleFiles.readJson(dashboard));
      assertTrue(types.contains(type), dashboard + " needs a " + type + " data source");
    }
  }

  @Test
  void composeMountsTheDashboardsWhereTheProviderReadsThem() {
    JsonNode provider = ModuleFiles.readYaml(
        ModuleFiles.moduleDir().resolve("provisioning/dashboards/lockwatch.yaml"))
        .path("providers").get(0);
    assertEquals("file", provider.path("type").asText());
    String path = provider.path("options").path("path").asText();
    JsonNode compose = ModuleFiles.readYaml(ModuleFiles.moduleDir().resolve("docker-compose.yml"));
    boolean mounted = false;
    for (JsonNode volume : compose.path("services").path("grafana").path("volumes")) {
      mounted |= volume.asText().startsWith("./grafana:" + path);
    }
    assertTrue(mounted, "docker-compose.yml mounts ./grafana at " + path);
  }
}
