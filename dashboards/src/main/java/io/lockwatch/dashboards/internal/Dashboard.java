package io.lockwatch.dashboards.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Grafana dashboard model: uid, title, variables, dashboard links and panels laid out left to
 * right in rows of 24 columns. {@link #toJson()} gives the JSON model Grafana provisions.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class Dashboard {
  private static final int SCHEMA_VERSION = 39;
  private static final int GRID_WIDTH = 24;

  private final String uid;
  private final String title;
  private final DataSource source;
  private String description = "";
  private final List<String> tags = new ArrayList<>(List.of("lockwatch"));
  private final List<Variable> variables = new ArrayList<>();
  private final List<Map<String, Object>> links = new ArrayList<>();
  private final List<Panel> panels = new ArrayList<>();

  /**
   * @param uid the dashboard uid, unique across Lockwatch dashboards
   * @param title the title
   * @param source the data-source kind; the dashboard gets its {@code datasource} variable
   */
  public Dashboard(String uid, String title, DataSource source) {
    this.uid = uid;
    this.title = title;
    this.source = source;
    variables.add(Variable.dataSource(source));
  }

  /** @return this, with the description */
  public Dashboard description(String description) {
    this.description = description;
    return this;
  }

  /** @return this, with one more tag */
  public Dashboard tag(String tag) {
    tags.add(tag);
    return this;
  }

  /** @return this, with one more template variable (after the data source) */
  public Dashboard variable(Variable variable) {
    variables.add(variable);
    return this;
  }

  /**
   * A link in the dashboard header that keeps the time range.
   *
   * @param title the link text
   * @param url the URL
   * @param includeVars whether the current variable values are passed on (same data source)
   * @return this
   */
  public Dashboard link(String title, String url, boolean includeVars) {
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("title", title);
    link.put("type", "link");
    link.put("url", url);
    link.put("icon", "dashboard");
    link.put("keepTime", true);
    link.put("includeVars", includeVars);
    link.put("targetBlank", false);
    links.add(link);
    return this;
  }

  /** @return this, with one more panel */
  public Dashboard panel(Panel panel) {
    panels.add(panel);
    return this;
  }

  /** @return the uid, not {@code null} */
  public String uid() {
    return uid;
  }

  /** @return the data-source kind, not {@code null} */
  public DataSource source() {
    return source;
  }

  /** @return the file name of the generated JSON model, e.g. {@code lockwatch-overview.json} */
  public String fileName() {
    return uid + ".json";
  }

  /** @return the panels in layout order, not {@code null} */
  public List<Panel> panels() {
    return List.copyOf(panels);
  }

  /** @return the template variables, the data source first, not {@code null} */
  public List<Variable> variables() {
    return List.copyOf(variables);
  }

  /** @return the Grafana JSON model, not {@code null} */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("uid", uid);
    json.put("title", title);
    json.put("description", description);
    json.put("tags", tags);
    json.put("timezone", "browser");
    json.put("editable", true);
    json.put("graphTooltip", 1);
    json.put("refresh", "30s");
    json.put("schemaVersion", SCHEMA_VERSION);
    json.put("version", 1);
    json.put("time", JsonWriter.object("from", "now-1h", "to", "now"));
    json.put("timepicker", JsonWriter.object());
    json.put("annotations", JsonWriter.object("list", List.of()));
    json.put("links", links);
    List<Map<String, Object>> variableJson = new ArrayList<>();
    variables.forEach(variable -> variableJson.add(variable.toJson()));
    json.put("templating", JsonWriter.object("list", variableJson));
    List<Map<String, Object>> panelJson = new ArrayList<>();
    int x = 0;
    int y = 0;
    int rowHeight = 0;
    for (int i = 0; i < panels.size(); i++) {
      Panel panel = panels.get(i);
      if (x + panel.width() > GRID_WIDTH) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      panelJson.add(panel.toJson(i + 1, x, y, source));
      x += panel.width();
      rowHeight = Math.max(rowHeight, panel.height());
    }
    json.put("panels", panelJson);
    return json;
  }
}
