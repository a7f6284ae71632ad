package io.lockwatch.analyzer.findings;

import java.util.List;

/** Writes a {@link Finding} as one line of JSON (hand-written, RFC 8259 escaping). */
public final class FindingJson {
  private FindingJson() {}

  /**
   * Formats a finding as a single JSON object on one line, without a line terminator.
   *
   * @param f the finding, not {@code null}
   * @return the JSON text, not {@code null}
   */
  public static String toJson(Finding f) {
    StringBuilder sb = new StringBuilder(512);
    sb.append('{');
    field(sb, "id", f.id()).append(',');
    field(sb, "type", f.type().name()).append(',');
    field(sb, "severity", f.severity().name()).append(',');
    field(sb, "status", f.status().label()).append(',');
    field(sb, "summary", f.summary()).append(',');
    field(sb, "time", f.firstSeen().toString()).append(',');
    field(sb, "lastSeen", f.lastSeen().toString()).append(',');
    sb.append("\"weightNanos\":").append(f.weightNanos()).append(',');
    sb.append("\"threads\":[");
    for (int i = 0; i < f.threads().size(); i++) {
      ThreadRef t = f.threads().get(i);
      sb.append(i == 0 ? "{" : ",{");
      field(sb, "name", t.name()).append(",\"id\":").append(t.id());
      sb.append(",\"virtual\":").append(t.virtual()).append('}');
    }
    sb.append("],\"locks\":[");
    for (int i = 0; i < f.locks().size(); i++) {
      LockRef l = f.locks().get(i);
      sb.append(i == 0 ? "{" : ",{").append("\"id\":").append(l.id()).append(',');
      field(sb, "name", l.name()).append(',');
      field(sb, "class", l.className()).append('}');
    }
    sb.append("],\"executors\":[");
    for (int i = 0; i < f.executors().size(); i++) {
      ExecutorRef e = f.executors().get(i);
      sb.append(i == 0 ? "{" : ",{");
      field(sb, "name", e.name()).append(',');
      field(sb, "class", e.className()).append('}');
    }
    sb.append("],\"stacks\":[");
    for (int i = 0; i < f.stacks().size(); i++) {
      StackRef s = f.stacks().get(i);
      sb.append(i == 0 ? "{" : ",{");
      field(sb, "role", s.role()).append(',');
      field(sb, "thread", s.thread() == null ? "" : s.thread().name()).append(',');
      field(sb, "from", s.from()).append(',');
      field(sb, "to", s.to()).append(',');
      sb.append("\"frames\":");
      strings(sb, s.frames());
      sb.append('}');
    }
    sb.append("]}");
    return sb.toString();
  }

  private static void strings(StringBuilder sb, List<String> values) {
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      quote(sb, values.get(i));
    }
    sb.append(']');
  }

  private static StringBuilder field(StringBuilder sb, String name, String value) {
    quote(sb, name);
    sb.append(':');
    quote(sb, value);
    return sb;
  }

  /**
   * Appends a JSON string literal.
   *
   * @param sb the target, not {@code null}
   * @param s the string; {@code null} is written as the empty string
   */
  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    if (s != null) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          case '\b' -> sb.append("\\b");
          case '\f' -> sb.append("\\f");
          default -> {
            if (c < 0x20 || c == 0x2028 || c == 0x2029) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
    }
    sb.append('"');
  }
}
