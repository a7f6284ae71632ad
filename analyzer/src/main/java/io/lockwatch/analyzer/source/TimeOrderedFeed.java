package io.lockwatch.analyzer.source;

import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.internal.ExtractedEvent;
import java.util.Arrays;

/**
 * Feeds one recording's extracted events to an analyzer in time order: they are re-sorted by start
 * time (ties in read order) in a bounded {@link ReorderWindow}, and handed over in batches, so that
 * the analyzer's lock is taken once per batch. Events whose order does not matter (see {@link
 * ExtractedEvent#ordered}) are handed over at once. Not thread-safe.
 */
final class TimeOrderedFeed {
  private static final int BATCH = 256;

  private final LockwatchAnalyzer analyzer;
  private final int windowSize;
  private final ReorderWindow<ExtractedEvent> window = new ReorderWindow<>();
  private final ExtractedEvent[] batch = new ExtractedEvent[BATCH];
  private int batched;

  /**
   * @param analyzer the analyzer
   * @param windowSize how many events are held back at most
   */
  TimeOrderedFeed(LockwatchAnalyzer analyzer, int windowSize) {
    this.analyzer = analyzer;
    this.windowSize = windowSize;
  }

  /** Adds the next event read; the earliest held back goes on once the window is full. */
  void add(ExtractedEvent e) {
    if (!e.ordered()) {
      analyzer.accept(e);
      return;
    }
    window.add(e, e.startSeconds(), e.startNanos());
    if (window.size() > windowSize) {
      pass(window.poll());
    }
  }

  /** Hands every event held back to the analyzer: the end of the recording or of what was read. */
  void drain() {
    ExtractedEvent e;
    while ((e = window.poll()) != null) {
      pass(e);
    }
    flush();
  }

  private void pass(ExtractedEvent e) {
    batch[batched++] = e;
    if (batched == BATCH) {
      flush();
    }
  }

  private void flush() {
    if (batched > 0) {
      analyzer.accept(batch, batched);
      Arrays.fill(batch, 0, batched, null);
      batched = 0;
    }
  }
}
