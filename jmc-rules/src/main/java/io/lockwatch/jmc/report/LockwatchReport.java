package io.lockwatch.jmc.report;

import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingEventWriter;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.source.FileAnalysis;
import io.lockwatch.events.FindingEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.flightrecorder.CouldNotLoadRecordingException;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.report.html.JfrHtmlRulesReport;

/**
 * Builds the HTML report of one recording. The analyzer engine runs over the file first; when the
 * recording has no {@code lockwatch.Finding} events, its findings are written into a side chunk
 * that is loaded with the recording, so JMC's report machinery (JMC's rules and ours) sees them.
 * A lock-order graph per cycle and the findings list open the page, before JMC's own.
 */
public final class LockwatchReport {
  private final Path recording;

  private LockwatchReport(Path recording) {
    this.recording = recording;
  }

  /**
   * @param recording the {@code .jfr} file, not {@code null}
   * @return a report of it
   */
  public static LockwatchReport of(Path recording) {
    return new LockwatchReport(recording);
  }

  /**
   * Analyzes the recording and renders the page.
   *
   * @return the complete HTML page
   * @throws IOException if the recording cannot be read
   * @throws CouldNotLoadRecordingException if JMC cannot parse it
   */
  public Rendered render() throws IOException, CouldNotLoadRecordingException {
    LockwatchAnalyzer analyzer = LockwatchAnalyzer.create();
    List<String> errors = FileAnalysis.analyze(analyzer, List.of(recording));
    if (!errors.isEmpty() && analyzer.retained().events() == 0) {
      throw new IOException(errors.get(0));
    }
    List<Finding> findings = analyzer.findings();
    IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
    Path side = null;
    boolean recorded = items.apply(ItemFilters.type(FindingEvent.NAME)).hasItems();
    try {
      if (!findings.isEmpty() && !recorded) {
        side = writeFindingChunk(findings);
        items = JfrLoaderToolkit.loadEvents(List.of(recording.toFile(), side.toFile()));
      }
      String jmc = JfrHtmlRulesReport.createReport(items);
      return new Rendered(insert(jmc, section(findings, errors, recorded)), findings);
    } finally {
      if (side != null) {
        Files.deleteIfExists(side);
      }
    }
  }

  private static Path writeFindingChunk(List<Finding> findings) throws IOException {
    Path side = Files.createTempFile("lockwatch-findings", ".jfr");
    try (Recording r = new Recording()) {
      r.enable(FindingEvent.NAME);
      r.start();
      FindingEventWriter writer = new FindingEventWriter();
      for (Finding f : findings) {
        writer.onFinding(f);
      }
      r.stop();
      r.dump(side);
    }
    return side;
  }

  private String section(List<Finding> findings, List<String> errors, boolean recorded) {
    StringBuilder sb = new StringBuilder();
    // JMC escapes rule text; keep the line structure of our explanations.
    sb.append("<style>.rule_text .longDescription{white-space:pre-wrap}</style>")
        .append("<div id=\"lockwatch\" style=\"font-family:sans-serif;margin:16px\">")
        .append("<h2>Lockwatch findings</h2><p>Recording: ")
        .append(Html.escape(recording.getFileName().toString())).append("</p>");
    for (String e : errors) {
      sb.append("<p class=\"lockwatch-error\" style=\"color:#a00\">").append(Html.escape(e))
          .append("</p>");
    }
    if (findings.isEmpty() && recorded) {
      sb.append("<p class=\"lockwatch-recorded\">The analyzer found nothing new in the raw "
          + "events; the findings the in-process analyzer recorded (lockwatch.Finding events) are "
          + "explained by the Lockwatch rules below.</p>");
    } else if (findings.isEmpty()) {
      sb.append("<p class=\"lockwatch-clean\">No lock-order cycles, deadlocks, stalls or other "
          + "lock hazards were found.</p>");
    } else {
      sb.append("<table class=\"lockwatch-findings\" style=\"border-collapse:collapse;width:100%\">")
          .append("<tr><th align=left>Type</th><th align=left>Severity</th>")
          .append("<th align=left>Summary</th></tr>");
      for (Finding f : findings) {
        sb.append("<tr class=\"lockwatch-finding\"><td style=\"padding:2px 12px 2px 0\">")
            .append(f.type().name()).append("</td><td style=\"padding:2px 12px 2px 0\">")
            .append(f.severity().name()).append("</td><td style=\"width:80%\">")
            .append(Html.escape(f.summary()))
            .append("</td></tr>");
      }
      sb.append("</table>");
    }
    List<Finding> cycles = new ArrayList<>();
    for (Finding f : findings) {
      if (f.type() == FindingType.LOCK_ORDER_CYCLE || f.type() == FindingType.DEADLOCK) {
        cycles.add(f);
      }
    }
    if (!cycles.isEmpty()) {
      sb.append("<h3>Lock-order graphs</h3><div style=\"display:flex;flex-wrap:wrap\">");
      for (Finding f : cycles) {
        sb.append("<figure style=\"display:inline-block;margin:8px\">").append(LockOrderSvg.draw(f))
            .append("<figcaption style=\"max-width:420px;font-size:12px\">")
            .append(Html.escape(f.summary())).append("</figcaption></figure>");
      }
      sb.append("</div>");
    }
    // JMC's CSS floats its sections: ours is a plain block, cleared from theirs.
    return sb.append("</div><div style=\"clear:both\"></div>").toString();
  }

  /** Puts our section first in the body, so that the findings and graphs open the page. */
  private static String insert(String page, String section) {
    int body = page.indexOf("<body");
    int end = body < 0 ? -1 : page.indexOf('>', body);
    return end < 0 ? section + page : page.substring(0, end + 1) + section
        + page.substring(end + 1);
  }

  @Override
  public String toString() {
    return "LockwatchReport{" + recording + "}";
  }

  /**
   * A rendered report.
   *
   * @param html the page
   * @param findings the analyzer's findings, most severe first
   */
  public record Rendered(String html, List<Finding> findings) {}
}
