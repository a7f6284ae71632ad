package io.lockwatch.analyzer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.events.LockOrderEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LockwatchCliTest {
  static Path dir;
  static Path cycle;
  static Path clean;

  @BeforeAll
  static void recordings() throws Exception {
    dir = Files.createTempDirectory("lockwatch-cli-test");
    cycle = record("cycle.jfr", true);
    clean = record("clean.jfr", false);
  }

  static Path record(String name, boolean inverted) throws Exception {
    try (Recording r = new Recording()) {
      r.enable(LockOrderEvent.NAME).withStackTrace().withThreshold(Duration.ZERO);
      r.start();
      commitOn("t1", 1, "cache \"hot\"", 2, "db");
      commitOn("t2", inverted ? 2 : 1, inverted ? "db" : "cache \"hot\"", inverted ? 1 : 3,
          inverted ? "cache \"hot\"" : "log");
      // Padding so that a truncated copy still holds whole events before the cut.
      for (int i = 0; i < 2_000; i++) {
        commitOn(null, 100 + i, "", 5_000 + i, "");
      }
      r.stop();
      Path p = dir.resolve(name);
      r.dump(p);
      return p;
    }
  }

  static void commitOn(String thread, long held, String heldName, long acquired,
      String acquiredName) throws InterruptedException {
    Runnable commit = () -> {
      LockOrderEvent e = new LockOrderEvent();
      e.heldLockId = held;
      e.heldLockClass = Object.class;
      e.heldLockName = heldName;
      e.heldMode = "monitor";
      e.acquiredLockId = acquired;
      e.acquiredLockClass = Object.class;
      e.acquiredLockName = acquiredName;
      e.acquiredMode = "monitor";
      e.heldLockIds = Long.toString(held);
      e.commit();
    };
    if (thread == null) {
      commit.run();
      return;
    }
    Thread t = new Thread(commit, thread);
    t.start();
    t.join(10_000);
  }

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LockwatchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void analyze_withCycle_exits1_andPrintsIt() {
    Result r = run("analyze", cycle.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("LOCK_ORDER_CYCLE"), r.out());
    assertTrue(r.out().contains("1 finding(s)"), r.out());
  }

  @Test
  void analyze_clean_exits0() {
    Result r = run("analyze", clean.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("0 finding(s)"));
  }

  @Test
  void analyze_failOnCritical_ignoresWarnings() {
    assertEquals(0, run("analyze", "--fail-on", "critical", cycle.toString()).code());
    assertEquals(1, run("analyze", "--fail-on", "INFO", cycle.toString()).code());
  }

  @Test
  void analyze_json_isOneObjectPerLine_withRequiredKeys() {
    Result r = run("analyze", "--format", "json", cycle.toString());
    assertEquals(1, r.code());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size(), r.out());
    String line = lines.get(0);
    assertTrue(line.startsWith("{") && line.endsWith("}"), line);
    for (String key : List.of("id", "type", "severity", "summary", "time", "threads", "locks",
        "executors", "stacks")) {
      assertTrue(line.contains("\"" + key + "\":"), key + " in " + line);
    }
    assertTrue(line.contains("\"type\":\"LOCK_ORDER_CYCLE\""), line);
    // The lock name holds quotes: they are escaped.
    assertTrue(line.contains("cache \\\"hot\\\""), line);
    assertTrue(Pattern.compile("\"frames\":\\[\"[^\"]+\"").matcher(line).find(), line);
  }

  @Test
  void analyze_html_isAPage() {
    Result r = run("analyze", "--format", "html", cycle.toString());
    assertTrue(r.out().startsWith("<!DOCTYPE html>"));
    assertTrue(r.out().contains("LOCK_ORDER_CYCLE"));
    assertTrue(r.out().contains("cache &quot;hot&quot;"));
  }

  @Test
  void analyze_suppressions_makeItClean() throws Exception {
    Path s = dir.resolve("suppressions.txt");
    Files.writeString(s, "# known\ntype:LOCK_ORDER_CYCLE lock:cache*\n");
    assertEquals(0, run("analyze", "--suppressions", s.toString(), cycle.toString()).code());
    Files.writeString(s, "nonsense\n");
    Result bad = run("analyze", "--suppressions", s.toString(), cycle.toString());
    assertEquals(2, bad.code());
    assertEquals(1, bad.err().lines().count(), bad.err());
  }

  @Test
  void analyze_missingFile_exits2_withOneLine() {
    Result r = run("analyze", dir.resolve("nope.jfr").toString());
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("no such file"), r.err());
  }

  @Test
  void analyze_truncatedFile_exits2_oneLineNoStackTrace_andReportsWhatWasRead() throws Exception {
    byte[] bytes = Files.readAllBytes(cycle);
    Path truncated = dir.resolve("truncated.jfr");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
    Result r = run("analyze", truncated.toString());
    assertEquals(2, r.code(), r.out() + r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertTrue(r.err().contains("truncated.jfr"), r.err());
  }

  @Test
  void analyze_garbageFile_exits2_oneLine() throws Exception {
    Path garbage = dir.resolve("garbage.jfr");
    Files.writeString(garbage, "this is not a flight recording");
    Result r = run("analyze", garbage.toString(), cycle.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.out().contains("LOCK_ORDER_CYCLE"), "the good file is still analyzed");
  }

  @Test
  void badOption_exits2_oneLine() {
    Result r = run("analyze", "--format", "pdf", cycle.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void watch_withoutTarget_exits2() {
    Result r = run("watch");
    assertEquals(2, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
  }
}
