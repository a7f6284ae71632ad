package io.lockwatch.proof.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads the flat one-line JSON objects that child JVMs print (numbers and plain strings).
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class JsonLine {
  private static final Pattern FIELD =
      Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\"([^\"]*)\"|[-+0-9.eE]+)");
  private final StringBuilder sb = new StringBuilder("{");

  /**
   * Adds a field.
   *
   * @param name the field name, no quotes in it
   * @param value a number or a string without quotes or backslashes
   * @return this
   */
  public JsonLine put(String name, Object value) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(name).append("\":");
    if (value instanceof Number) {
      sb.append(value);
    } else {
      sb.append('"').append(String.valueOf(value).replace('"', '\'').replace('\\', '/')).append('"');
    }
    return this;
  }

  @Override
  public String toString() {
    return sb + "}";
  }

  /**
   * Parses a flat object written by {@link #toString()}.
   *
   * @param line the line, not {@code null}
   * @return the fields (strings or numbers as text), in order
   */
  public static Map<String, String> parse(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(line);
    while (m.find()) {
      out.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
    }
    return out;
  }
}
