package io.lockwatch.analyzer.findings;

import java.util.List;

/** Writes findings as one self-contained HTML page (no scripts, no external resources). */
public final class FindingHtml {
  private FindingHtml() {}

  /**
   * Formats findings as an HTML page.
   *
   * @param findings the findings in display order, not {@code null}
   * @param title the page title, not {@code null}
   * @return the page, not {@code null}
   */
  public static String toHtml(List<Finding> findings, String title) {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
            + ".f{border:1px solid #ccc;border-radius:4px;margin:1em 0;padding:.5em 1em}"
            + ".CRITICAL{border-left:6px solid #c00}.WARNING{border-left:6px solid #e90}"
            + ".INFO{border-left:6px solid #09c}pre{background:#f6f6f6;padding:.5em;overflow:auto}"
            + "</style></head><body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n<p>")
        .append(findings.size())
        .append(" finding(s)</p>\n");
    for (Finding f : findings) {
      sb.append("<div class=\"f ").append(f.severity()).append("\"><h2>")
          .append(f.severity()).append(' ').append(f.type()).append(" <small>")
          .append(esc(f.id())).append("</small></h2>\n<p>").append(esc(f.summary()))
          .append("</p>\n<p>First seen ").append(f.firstSeen()).append(", status ")
          .append(f.status().label()).append("</p>\n<ul>");
      for (ThreadRef t : f.threads()) {
        sb.append("<li>thread ").append(esc(t.toString())).append("</li>");
      }
      for (LockRef l : f.locks()) {
        sb.append("<li>lock ").append(esc(l.toString())).append(" (")
            .append(esc(l.className())).append(")</li>");
      }
      for (ExecutorRef e : f.executors()) {
        sb.append("<li>executor ").append(esc(e.toString())).append("</li>");
      }
      sb.append("</ul>\n");
      for (StackRef s : f.stacks()) {
        sb.append("<h3>").append(esc(s.role())).append("</h3><pre>");
        for (String frame : s.frames()) {
          sb.append("at ").append(esc(frame)).append('\n');
        }
        sb.append("</pre>\n");
      }
      sb.append("</div>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
