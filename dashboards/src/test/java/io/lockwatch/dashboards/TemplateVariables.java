package io.lockwatch.dashboards;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Substitutes Grafana template variables in a query the way Grafana would before sending it to
 * Prometheus: {@code $name}, {@code ${name}} and {@code ${name:format}}.
 */
final class TemplateVariables {
  /** Grafana's interval variables, for a 1 s scrape interval and a one-minute range. */
  static final Map<String, String> BUILTINS = Map.of(
      "__rate_interval", "4s", "__interval", "1s", "__interval_ms", "1000",
      "__range", "60s", "__range_s", "60", "__range_ms", "60000", "__auto", "1s");

  private final Map<String, String> values = new LinkedHashMap<>(BUILTINS);

  /** @return this, with {@code name} replaced by {@code value} (used as is) */
  TemplateVariables set(String name, String value) {
    values.put(name, value);
    return this;
  }

  /** @return this, with a multi-value variable set to one value, regex-escaped as Grafana does */
  TemplateVariables setRegexValue(String name, String value) {
    return set(name, escape(value));
  }

  /**
   * @return this, with a multi-value variable set to several values the way Grafana formats them:
   *     one value regex-escaped, several as {@code (a|b)}
   */
  TemplateVariables setRegexValues(String name, List<String> values) {
    List<String> escaped = values.stream().map(TemplateVariables::escape).toList();
    return set(name, escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")");
  }

  private static String escape(String value) {
    return value.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\\\\\$0");
  }

  /**
   * @param text a query with template variables
   * @return the query with every known variable substituted
   * @throws IllegalStateException if a variable is left
   */
  String substitute(String text) {
    String result = text;
    for (String name : values.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
      String value = Matcher.quoteReplacement(values.get(name));
      result = result.replaceAll("\\$\\{" + name + "(:[^}]*)?\\}", value)
          .replaceAll("\\$" + name + "(?![\\w])", value);
    }
    if (result.matches("(?s).*\\$\\{?[A-Za-z_]\\w*.*")) {
      throw new IllegalStateException("unsubstituted variable in: " + result);
    }
    return result;
  }
}
