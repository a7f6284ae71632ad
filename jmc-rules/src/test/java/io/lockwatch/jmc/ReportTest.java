package io.lockwatch.jmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.jmc.report.ReportMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code lockwatch report}: JMC's page with our rules, the analyzer's findings and the graph. */
class ReportTest {

  @Test
  void hazard_reportHasOurRulesFindingsAndGraph() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    Path html = dir.resolve("report.html");
    StringWriter err = new StringWriter();
    int code = ReportMain.run(new String[] {HazardFiles.cycle(dir).toString(), "-o",
        html.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(0, code, err.toString());
    String page = Files.readString(html);
    assertTrue(page.contains("Lockwatch: Lock-Order Cycles"), "our rule is on JMC's page");
    assertTrue(page.contains("LOCK_ORDER_CYCLE"), "the analyzer's finding is listed");
    assertTrue(page.contains("<svg"), "a lock-order graph is drawn");
    assertTrue(page.contains("accountA") && page.contains("accountB"));
    assertTrue(page.contains("Garbage Collection") || page.contains("Java Application"),
        "JMC's own rule groups are there");
  }

  @Test
  void fixedTwin_reportIsClean() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    StringWriter out = new StringWriter();
    int code = ReportMain.run(new String[] {HazardFiles.cycleFixed(dir).toString()},
        new PrintWriter(out), new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    assertTrue(out.toString().contains("lockwatch-clean"));
    assertFalse(out.toString().contains("<svg"));
  }

  @Test
  void recordedFindingEventsOnly_areExplainedByOurRules() throws Exception {
    Path dir = LockwatchRecordings.tempDir();
    Path jfr;
    try (LockwatchRecordings rec = new LockwatchRecordings()) {
      LockwatchRecordings.finding("f1", "SELF_DEADLOCK", "read-to-write upgrade of configLock");
      jfr = rec.dump(dir, "recorded-findings.jfr");
    }
    StringWriter out = new StringWriter();
    int code = ReportMain.run(new String[] {jfr.toString()}, new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertEquals(0, code);
    assertTrue(out.toString().contains("lockwatch-recorded"));
    assertTrue(out.toString().contains("read-to-write upgrade of configLock"));
  }

  @Test
  void corruptFile_exitsTwoWithOneLine() throws Exception {
    Path bad = LockwatchRecordings.tempDir().resolve("bad.jfr");
    Files.writeString(bad, "not a recording");
    StringWriter err = new StringWriter();
    int code = ReportMain.run(new String[] {bad.toString()}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(2, code);
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
  }

  @Test
  void missingFile_exitsTwo() {
    StringWriter err = new StringWriter();
    int code = ReportMain.run(new String[] {"/no/such.jfr"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().contains("no such file"));
  }
}
