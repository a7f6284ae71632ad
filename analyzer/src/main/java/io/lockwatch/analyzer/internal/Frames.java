package io.lockwatch.analyzer.internal;

import java.util.List;
import java.util.function.Supplier;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * A stack formatted on first use: most events never become part of a finding, and formatting is the
 * costliest step of reading one. This class is internal.
 */
public final class Frames implements Supplier<List<String>> {
  private static final Frames EMPTY = new Frames(null, List.of());

  private final RecordedStackTrace stack;
  private List<String> frames;

  private Frames(RecordedStackTrace stack, List<String> frames) {
    this.stack = stack;
    this.frames = frames;
  }

  /** @return a lazily formatted stack; {@code null} gives an empty one */
  public static Frames of(RecordedStackTrace stack) {
    return stack == null ? EMPTY : new Frames(stack, null);
  }

  /** @return already formatted frames */
  public static Frames of(List<String> frames) {
    return new Frames(null, frames);
  }

  @Override
  public List<String> get() {
    List<String> f = frames;
    if (f == null) {
      f = List.copyOf(Events.frames(stack));
      frames = f;
    }
    return f;
  }
}
