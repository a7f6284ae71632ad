package io.lockwatch.agent.it;

import static io.lockwatch.agent.it.AgentJvm.className;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.agent.it.AgentJvm.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

/**
 * Under the agent, methods with synchronized blocks stay JIT-compilable: HotSpot skips methods
 * whose monitors it cannot prove balanced ({@code COMPILE SKIPPED: invalid parsing} in C1,
 * {@code cannot parse method} in C2), which made every synchronized block interpreted.
 */
class SynchronizedBlockJitIT {
  private static final String CHILD = "example.jit.HotSync";
  private static final List<String> METHODS =
      List.of("plain", "loopFirst", "nested", "tryInside", "insideFinally");

  /** The child is compiled here: test classes in io.lockwatch.agent are not instrumented. */
  private static final String CHILD_SOURCE = String.join("\n",
      "package example.jit;",
      "public final class HotSync {",
      "  static final Object A = new Object();",
      "  static final Object B = new Object();",
      "  static int counter;",
      "  static int plain(Object lock) { synchronized (lock) { return ++counter; } }",
      "  static int loopFirst(Object lock, int n) {",
      "    int s = 0;",
      "    synchronized (lock) { while (n > 0) { s += n; n--; } }",
      "    return s;",
      "  }",
      "  static int nested() { synchronized (A) { synchronized (B) { return ++counter; } } }",
      "  static int tryInside(Object lock, String v) {",
      "    synchronized (lock) {",
      "      try { return Integer.parseInt(v); } catch (NumberFormatException e) { return -1; }",
      "    }",
      "  }",
      "  static int insideFinally(Object lock) {",
      "    try { synchronized (lock) { return ++counter; } } finally { counter--; }",
      "  }",
      "  public static void main(String[] args) {",
      "    long sum = 0;",
      "    Object lock = new Object();",
      "    for (int i = 0; i < 300_000; i++) {",
      "      sum += plain(lock) + loopFirst(lock, i & 7) + nested()",
      "          + tryInside(lock, (i & 1) == 0 ? \"1\" : \"x\") + insideFinally(lock);",
      "    }",
      "    System.out.println(\"DONE \" + sum);",
      "  }",
      "}",
      "");

  @Test
  void methodsWithSynchronizedBlocks_areCompiledByC1AndC2_andStillRecordEdges()
      throws Exception {
    Path classes = compileChild();
    Run run = AgentJvm.run("", List.of("-XX:+PrintCompilation", "-XX:-BackgroundCompilation"),
        List.of(classes.toString()), CHILD);
    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.output.contains("DONE "), run::toString);
    List<String> lines = Arrays.asList(run.output.split("\\R"));
    for (String m : METHODS) {
      String name = CHILD + "::" + m + " ";
      List<String> mine = lines.stream().filter(l -> l.contains(name))
          .collect(Collectors.toList());
      assertTrue(mine.stream().noneMatch(l -> l.contains("COMPILE SKIPPED")),
          () -> m + ": " + mine);
      // PrintCompilation: "<time> <id> <flags> <tier> <method> (<size> bytes)"
      for (String tier : List.of("3", "4")) {
        assertTrue(mine.stream().anyMatch(l -> l.matches(".*\\s" + tier + "\\s+"
            + name.replace("$", "\\$").replace(".", "\\.") + ".*")),
            () -> m + " never compiled at tier " + tier + ": " + mine);
      }
    }
    List<RecordedEvent> edges = run.events("lockwatch.LockOrder",
        e -> "monitor".equals(e.getString("heldMode"))
            && "monitor".equals(e.getString("acquiredMode"))
            && className(e, "heldLockClass").equals("java.lang.Object"));
    assertTrue(edges.stream().anyMatch(e -> AgentJvm.hasFrame(e, CHILD)), edges::toString);
  }

  private static Path compileChild() throws Exception {
    Path dir = Files.createTempDirectory("lockwatch-jit");
    Path src = dir.resolve("src/example/jit/HotSync.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, CHILD_SOURCE, StandardCharsets.UTF_8);
    Path out = dir.resolve("classes");
    Files.createDirectories(out);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "--release", "17", "-d", out.toString(), src.toString());
    assertEquals(0, rc, "javac");
    return out;
  }
}
