package io.lockwatch.examples;

import java.util.Objects;
import java.util.Optional;

/**
 * One marker line that a scenario prints on stdout, for tests that drive scenarios in a forked JVM.
 *
 * <pre>
 * READY &lt;scenario&gt;                          threads are set up
 * HAZARD &lt;scenario&gt; &lt;epochMillis&gt; [detail]  the hazard happens now (first one is the primary)
 * INFO &lt;scenario&gt; &lt;text&gt;                   free text (counts, variants)
 * SKIPPED &lt;scenario&gt; &lt;reason&gt;               the scenario cannot run on this JVM
 * DONE &lt;scenario&gt;                           printed right before a normal exit (code 0)
 * TIMEOUT &lt;scenario&gt;                        --max-seconds elapsed; exit code 3
 * </pre>
 *
 * @param kind the first word, e.g. {@code HAZARD}
 * @param scenario the scenario name
 * @param epochMillis {@code System.currentTimeMillis()} of a HAZARD, else {@code -1}
 * @param detail the rest of the line, possibly empty
 */
public record MarkerLine(String kind, String scenario, long epochMillis, String detail) {
  /** Kind of the line printed when the scenario's threads are set up. */
  public static final String READY = "READY";
  /** Kind of the line printed at the moment the hazard happens. */
  public static final String HAZARD = "HAZARD";
  /** Kind of a free-text line. */
  public static final String INFO = "INFO";
  /** Kind of the line printed when the scenario cannot run on this JVM. */
  public static final String SKIPPED = "SKIPPED";
  /** Kind of the line printed before a normal exit. */
  public static final String DONE = "DONE";
  /** Kind of the line printed when {@code --max-seconds} elapsed. */
  public static final String TIMEOUT = "TIMEOUT";

  /** Checks the components. */
  public MarkerLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * Parses a marker line.
   *
   * @param line a line of a scenario's output, not {@code null}
   * @return the marker, or empty if the line is not one
   */
  public static Optional<MarkerLine> parse(String line) {
    String[] parts = line.strip().split(" ", 3);
    if (parts.length < 2) {
      return Optional.empty();
    }
    String kind = parts[0];
    String rest = parts.length > 2 ? parts[2] : "";
    switch (kind) {
      case READY:
      case DONE:
      case TIMEOUT:
      case INFO:
      case SKIPPED:
        return Optional.of(new MarkerLine(kind, parts[1], -1, rest));
      case HAZARD:
        String[] timeAndDetail = rest.split(" ", 2);
        try {
          long millis = Long.parseLong(timeAndDetail[0]);
          String detail = timeAndDetail.length > 1 ? timeAndDetail[1] : "";
          return Optional.of(new MarkerLine(kind, parts[1], millis, detail));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      default:
        return Optional.empty();
    }
  }

  /** Formats this marker as the scenario prints it. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind).append(' ').append(scenario);
    if (kind.equals(HAZARD)) {
      sb.append(' ').append(epochMillis);
    }
    if (!detail.isEmpty()) {
      sb.append(' ').append(detail);
    }
    return sb.toString();
  }
}
