package io.lockwatch.proof.overhead;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes where CPU samples ({@code jdk.ExecutionSample}) fall: the share with a Lockwatch frame
 * on the stack, the top Lockwatch frames, and the count of each lockwatch event recorded.
 */
public final class ProfileSummary {
  private ProfileSummary() {}

  /**
   * Prints the summary of a recording made with {@code settings=profile}.
   *
   * @param args the .jfr file
   * @throws IOException if it cannot be read
   */
  public static void main(String[] args) throws IOException {
    System.out.print(summarize(Path.of(args[0]), 20));
  }

  static String summarize(Path jfr, int top) throws IOException {
    long samples = 0;
    long withLockwatch = 0;
    Map<String, Long> lockwatchFrames = new HashMap<>();
    Map<String, Long> topFrames = new HashMap<>();
    Map<String, Long> events = new HashMap<>();
    try (RecordingFile f = new RecordingFile(jfr)) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        String name = e.getEventType().getName();
        if (name.startsWith("lockwatch.")) {
          events.merge(name, 1L, Long::sum);
        }
        if (!name.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
          continue;
        }
        samples++;
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        if (!frames.isEmpty()) {
          topFrames.merge(frame(frames.get(0)), 1L, Long::sum);
        }
        for (RecordedFrame fr : frames) {
          String type = fr.getMethod().getType().getName();
          if (type.startsWith("io.lockwatch.") && !type.startsWith("io.lockwatch.proof.")) {
            withLockwatch++;
            lockwatchFrames.merge(frame(fr), 1L, Long::sum);
            break;
          }
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "profile %s: %d execution samples, %d (%.1f%%) with a"
        + " Lockwatch frame (agent, runtime, shaded ByteBuddy) on the stack%n", jfr, samples, withLockwatch,
        samples == 0 ? 0.0 : 100.0 * withLockwatch / samples));
    sb.append("innermost Lockwatch frames:\n");
    append(sb, lockwatchFrames, top, samples);
    sb.append("top frames (all):\n");
    append(sb, topFrames, top, samples);
    sb.append("lockwatch events in the recording: ").append(events).append('\n');
    return sb.toString();
  }

  private static void append(StringBuilder sb, Map<String, Long> counts, int top, long samples) {
    List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
    list.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
    for (int i = 0; i < Math.min(top, list.size()); i++) {
      sb.append(String.format(Locale.ROOT, "  %6d  %5.1f%%  %s%n", list.get(i).getValue(),
          100.0 * list.get(i).getValue() / Math.max(1, samples), list.get(i).getKey()));
    }
  }

  private static String frame(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
