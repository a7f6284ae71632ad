package io.lockwatch.analyzer.source;

import io.lockwatch.analyzer.LockwatchAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.PriorityQueue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Feeds {@code .jfr} files to one analyzer, each file as its own run, so that several recordings
 * merge into one lock-order graph. A missing, corrupt or truncated file yields a one-line error and
 * the events read before the damage still count.
 */
public final class FileAnalysis {
  /** Events held back to restore time order; about 20 MB at most. */
  static final int REORDER_WINDOW = 100_000;

  private FileAnalysis() {}

  /**
   * Analyzes recordings in order and ends the input.
   *
   * @param analyzer the analyzer, not {@code null}
   * @param files the recordings, not {@code null}
   * @return one-line errors, one per unreadable file; empty if all were read whole
   */
  public static List<String> analyze(LockwatchAnalyzer analyzer, List<Path> files) {
    List<String> errors = new ArrayList<>();
    for (Path file : files) {
      String error = analyzeOne(analyzer, file);
      if (error != null) {
        errors.add(error);
      }
    }
    analyzer.finish();
    return errors;
  }

  private static String analyzeOne(LockwatchAnalyzer analyzer, Path file) {
    if (!Files.isRegularFile(file)) {
      return file + ": no such file";
    }
    if (!Files.isReadable(file)) {
      return file + ": not readable";
    }
    ChunkHeaderScan scan;
    try {
      scan = ChunkHeaderScan.of(file);
    } catch (IOException e) {
      return file + ": cannot be read: " + e.getMessage();
    }
    if (scan.problem != null && scan.validBytes == 0) {
      return file + ": not a valid JFR recording: " + scan.problem;
    }
    if (scan.problem == null) {
      return analyzeChunks(analyzer, file, file);
    }
    // Only the whole chunks before the damage go to the JDK parser (it would loop on some damage).
    Path prefix = null;
    try {
      prefix = Files.createTempFile("lockwatch-prefix", ".jfr");
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(prefix, StandardOpenOption.WRITE)) {
        long done = 0;
        while (done < scan.validBytes) {
          done += in.transferTo(done, scan.validBytes - done, out);
        }
      }
      String error = analyzeChunks(analyzer, file, prefix);
      return error != null ? error
          : file + ": not a complete JFR recording (the whole chunks before it were read): "
              + scan.problem;
    } catch (IOException e) {
      return file + ": cannot be read: " + e.getMessage();
    } finally {
      if (prefix != null) {
        try {
          Files.deleteIfExists(prefix);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private static String analyzeChunks(LockwatchAnalyzer analyzer, Path file, Path source) {
    analyzer.startRun(file.getFileName().toString());
    long read = 0;
    // RecordingFile returns events in buffer order, not time order (threads write their own
    // buffers); snapshots and worker mappings must be judged in time order, so a bounded window is
    // re-sorted by start time. RecordingFile (not EventStream.openFile, which sorts but stops
    // silently at damage) so that a truncated file is reported.
    PriorityQueue<Timed> window = new PriorityQueue<>();
    try (RecordingFile rf = new RecordingFile(source)) {
      while (rf.hasMoreEvents()) {
        RecordedEvent e = rf.readEvent();
        window.add(new Timed(e, read++));
        if (window.size() > REORDER_WINDOW) {
          analyzer.accept(window.poll().event);
        }
      }
      drain(analyzer, window);
      return null;
    } catch (OutOfMemoryError | UnknownError e) {
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      // Including InternalError (a VirtualMachineError) and StackOverflowError: the JDK's JFR
      // parser throws them for damaged input ("Pool ... must contain at least one element").
      // The JFR parser throws IOException for most damage, but InternalError or runtime exceptions
      // for some truncations; all mean the same to the user. What was read still counts.
      drain(analyzer, window);
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return file + ": not a valid or complete JFR recording (" + read + " events read before the "
          + "damage): " + msg.replace('\n', ' ');
    }
  }

  private static void drain(LockwatchAnalyzer analyzer, PriorityQueue<Timed> window) {
    Timed t;
    while ((t = window.poll()) != null) {
      analyzer.accept(t.event);
    }
  }

  private static final class Timed implements Comparable<Timed> {
    final RecordedEvent event;
    final long seq;
    // The start time inline (not an Instant): the window's comparisons stay in one object.
    final long startSeconds;
    final int startNanos;

    Timed(RecordedEvent event, long seq) {
      this.event = event;
      this.seq = seq;
      Instant start = event.getStartTime();
      this.startSeconds = start.getEpochSecond();
      this.startNanos = start.getNano();
    }

    @Override
    public int compareTo(Timed o) {
      int c = Long.compare(startSeconds, o.startSeconds);
      if (c == 0) {
        c = Integer.compare(startNanos, o.startNanos);
      }
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
