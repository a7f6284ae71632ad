package io.lockwatch.analyzer.source;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingJson;
import io.lockwatch.analyzer.findings.FindingListener;
import io.lockwatch.analyzer.findings.FindingStatus;
import io.lockwatch.analyzer.findings.FindingText;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reports findings as they come: a readable block for each new finding (and one line when it is
 * resolved) on a print stream, and every status as a JSON line appended to a file, flushed at once.
 */
public final class FindingReporter implements FindingListener, Closeable {
  private static final System.Logger LOG = System.getLogger(FindingReporter.class.getName());

  private final PrintStream out;
  private final boolean json;
  private final Writer file;

  /**
   * @param out where readable blocks go, or {@code null} for none
   * @param json whether to print JSON lines instead of blocks on {@code out}
   * @param findingsFile a file to append JSON lines to, or {@code null}
   * @throws IOException if the file cannot be opened
   */
  public FindingReporter(PrintStream out, boolean json, Path findingsFile) throws IOException {
    this.out = out;
    this.json = json;
    this.file = findingsFile == null ? null : Files.newBufferedWriter(findingsFile,
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Override
  public void onFinding(Finding f) {
    if (out != null) {
      if (json) {
        out.println(FindingJson.toJson(f));
      } else if (f.status() == FindingStatus.NEW) {
        out.print(FindingText.toText(f));
      } else if (f.status() == FindingStatus.RESOLVED) {
        out.println("[lockwatch] resolved " + f.type() + " " + f.id() + ": " + f.summary());
      }
      out.flush();
    }
    if (file != null) {
      synchronized (file) {
        try {
          file.write(FindingJson.toJson(f));
          file.write('\n');
          file.flush();
        } catch (IOException e) {
          LOG.log(System.Logger.Level.WARNING, "lockwatch: cannot append to findings file", e);
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      synchronized (file) {
        file.close();
      }
    }
  }

  @Override
  public String toString() {
    return "FindingReporter{json=" + json + ", file=" + (file != null) + "}";
  }
}
