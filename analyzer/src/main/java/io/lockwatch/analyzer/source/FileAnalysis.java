package io.lockwatch.analyzer.source;

import io.lockwatch.analyzer.LockwatchAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordingFile;

/**
 * Feeds {@code .jfr} files to one analyzer, each file as its own run, so that several recordings
 * merge into one lock-order graph. A missing, corrupt or truncated file yields a one-line error and
 * the events read before the damage still count.
 */
public final class FileAnalysis {
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
    analyzer.startRun(file.getFileName().toString());
    long read = 0;
    try (RecordingFile rf = new RecordingFile(file)) {
      while (rf.hasMoreEvents()) {
        analyzer.accept(rf.readEvent());
        read++;
      }
      return null;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      // The JFR parser throws IOException for most damage, but InternalError or runtime exceptions
      // for some truncations; all mean the same to the user.
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return file + ": not a valid or complete JFR recording (" + read + " events read before the "
          + "damage): " + msg.replace('\n', ' ');
    }
  }
}
