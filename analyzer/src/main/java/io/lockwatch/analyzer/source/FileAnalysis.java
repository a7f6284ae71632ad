package io.lockwatch.analyzer.source;

import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.internal.EventExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordingFile;

/**
 * Feeds {@code .jfr} files to one analyzer, each file as its own run, so that several recordings
 * merge into one lock-order graph. A missing, corrupt or truncated file yields a one-line error and
 * the events read before the damage still count.
 */
public final class FileAnalysis {
  /** Events held back to restore time order (extracted values and the parsed events). */
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
    // re-sorted by start time (ties in read order). RecordingFile (not EventStream.openFile, which
    // sorts but stops silently at damage) so that a truncated file is reported. Each event's values
    // are extracted as soon as it is parsed, while it is in the CPU caches.
    TimeOrderedFeed feed = new TimeOrderedFeed(analyzer, REORDER_WINDOW);
    try (RecordingFile rf = new RecordingFile(source)) {
      while (rf.hasMoreEvents()) {
        feed.add(EventExtractor.extract(rf.readEvent()));
        read++;
      }
      feed.drain();
      return null;
    } catch (OutOfMemoryError | UnknownError e) {
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      // Including InternalError (a VirtualMachineError) and StackOverflowError: the JDK's JFR
      // parser throws them for damaged input ("Pool ... must contain at least one element").
      // The JFR parser throws IOException for most damage, but InternalError or runtime exceptions
      // for some truncations; all mean the same to the user. What was read still counts.
      feed.drain();
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return file + ": not a valid or complete JFR recording (" + read + " events read before the "
          + "damage): " + msg.replace('\n', ' ');
    }
  }
}
