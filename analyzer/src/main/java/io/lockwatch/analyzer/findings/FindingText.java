package io.lockwatch.analyzer.findings;

/** Formats a {@link Finding} as a readable multi-line block for a terminal. */
public final class FindingText {
  private static final int MAX_FRAMES = 12;

  private FindingText() {}

  /**
   * Formats a finding as a block of lines ending with a line terminator.
   *
   * @param f the finding, not {@code null}
   * @return the text, not {@code null}
   */
  public static String toText(Finding f) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("[lockwatch] ").append(f.severity()).append(' ').append(f.type());
    if (f.status() != FindingStatus.NEW) {
      sb.append(" (").append(f.status().label()).append(')');
    }
    sb.append(" ").append(f.id()).append('\n');
    sb.append("  ").append(f.summary()).append('\n');
    sb.append("  first seen ").append(f.firstSeen());
    if (f.weightNanos() > 0) {
      sb.append(", measured wait+hold ").append(f.weightNanos() / 1_000_000).append(" ms");
    }
    sb.append('\n');
    if (!f.threads().isEmpty()) {
      sb.append("  threads: ").append(join(f.threads())).append('\n');
    }
    if (!f.locks().isEmpty()) {
      sb.append("  locks: ").append(join(f.locks())).append('\n');
    }
    if (!f.executors().isEmpty()) {
      sb.append("  executors: ").append(join(f.executors())).append('\n');
    }
    for (StackRef s : f.stacks()) {
      sb.append("  -- ").append(s.role());
      if (s.thread() != null) {
        sb.append(" [thread ").append(s.thread()).append(']');
      }
      sb.append('\n');
      int n = Math.min(MAX_FRAMES, s.frames().size());
      for (int i = 0; i < n; i++) {
        sb.append("       at ").append(s.frames().get(i)).append('\n');
      }
      if (s.frames().size() > n) {
        sb.append("       ... ").append(s.frames().size() - n).append(" more\n");
      }
    }
    return sb.toString();
  }

  private static String join(java.util.List<?> items) {
    StringBuilder sb = new StringBuilder();
    for (Object o : items) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(o);
    }
    return sb.toString();
  }
}
