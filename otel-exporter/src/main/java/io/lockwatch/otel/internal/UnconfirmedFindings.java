package io.lockwatch.otel.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The findings the in-process analyzer reported whose {@code lockwatch.Finding} events the JFR
 * stream has not delivered yet, so that they can be exported directly at JVM exit.
 *
 * <p>Why: a finding the analyzer makes during shutdown (from the last events of the application)
 * is written into the recording after JFR's own shutdown hook stopped recording, so the exporter's
 * stream never sees it. The analyzer hands each finding here as well; the stream
 * {@linkplain #confirm confirms} the ones it delivers, and {@link #takeAtExit} returns the rest.
 *
 * <p>Each finding is exported once per (id, status): a key is remembered after it was exported
 * by either path, at most {@link #MAX_KEYS} keys (the oldest are forgotten).
 *
 * <p>Concurrency: thread-safe; every method is a few map operations under a private lock
 * (called from the analyzer's stream thread, the exporter's stream thread and the exit hook).
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class UnconfirmedFindings {
  static final int MAX_KEYS = 1024;

  private final Object lock = new Object();
  /** key -> the finding while unconfirmed, {@code null} once exported */
  private final Map<String, Finding> entries = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Finding> eldest) {
      return size() > MAX_KEYS;
    }
  };
  private boolean exiting; // guarded by lock

  /**
   * Records a finding the analyzer reported.
   *
   * @param finding the finding, not {@code null}
   * @return whether the caller must export it now (the exit export already ran)
   */
  public boolean reported(Finding finding) {
    String key = key(finding);
    synchronized (lock) {
      if (entries.containsKey(key)) {
        return false;
      }
      entries.put(key, exiting ? null : finding);
      return exiting;
    }
  }

  /**
   * Records that the stream delivered a finding.
   *
   * @param finding the finding, not {@code null}
   * @return whether the caller must export it (false: already exported at exit)
   */
  public boolean confirm(Finding finding) {
    String key = key(finding);
    synchronized (lock) {
      if (entries.containsKey(key) && entries.get(key) == null) {
        return false;
      }
      entries.put(key, null);
      return true;
    }
  }

  /**
   * Returns the findings not delivered by the stream and marks them exported; findings reported
   * after this call are to be exported at once.
   *
   * @return the unconfirmed findings, oldest first, not {@code null}
   */
  public List<Finding> takeAtExit() {
    synchronized (lock) {
      exiting = true;
      List<Finding> out = new ArrayList<>();
      for (Map.Entry<String, Finding> e : entries.entrySet()) {
        if (e.getValue() != null) {
          out.add(e.getValue());
          e.setValue(null);
        }
      }
      return out;
    }
  }

  private static String key(Finding f) {
    return f.id() + '\u0000' + f.status();
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "UnconfirmedFindings{keys=" + entries.size() + ", exiting=" + exiting + "}";
    }
  }
}
