package io.lockwatch.it;

import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.testing.JvmFork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A forked JVM with only {@code -javaagent:lockwatch-agent.jar=findings=<f>,recording=<r>} added,
 * and the findings its in-process analyzer writes, watched live.
 */
final class AgentRun implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(20);

  private final JvmFork fork;
  private final Path findings;
  private final Path recording;
  /** finding type -> wall-clock millis when this test first saw it in the findings file */
  private final Map<String, Long> firstSeen = new LinkedHashMap<>();

  private AgentRun(JvmFork fork, Path findings, Path recording) {
    this.fork = fork;
    this.findings = findings;
    this.recording = recording;
  }

  /**
   * Starts a fork under the agent.
   *
   * @param dir a fresh directory for the findings file and the recording
   * @param builder the fork, configured but for the agent
   */
  static AgentRun start(Path dir, JvmFork.Builder builder) throws IOException {
    return start(dir, builder, "");
  }

  /**
   * Starts a fork under the agent with more agent options.
   *
   * @param dir a fresh directory for the findings file and the recording
   * @param builder the fork, configured but for the agent
   * @param moreOptions appended to the agent's options, e.g. {@code ",analyzer=false"}; may be empty
   */
  static AgentRun start(Path dir, JvmFork.Builder builder, String moreOptions) throws IOException {
    Files.createDirectories(dir);
    Path findings = dir.resolve("findings.jsonl");
    Path recording = dir.resolve("recording.jfr");
    Files.deleteIfExists(findings);
    Files.deleteIfExists(recording);
    builder.addJvmArgs("-javaagent:" + ForkedJdk.agentJar() + "=findings=" + findings
        + ",recording=" + recording + moreOptions);
    return new AgentRun(builder.start(), findings, recording);
  }

  JvmFork fork() {
    return fork;
  }

  Path recording() {
    return recording;
  }

  /**
   * Waits for the first marker of one of the given kinds.
   *
   * @return the marker, or empty when the fork's output ended or the timeout passed without one
   */
  Optional<MarkerLine> awaitMarker(Duration timeout, String... kinds) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (MarkerLine m : fork.markers()) {
        for (String k : kinds) {
          if (m.kind().equals(k)) {
            return Optional.of(m);
          }
        }
      }
      if (!fork.isAlive() || System.nanoTime() > deadline) {
        // one last look: the output may lag the exit a little
        Thread.sleep(200);
        return fork.markers().stream()
            .filter(m -> List.of(kinds).contains(m.kind())).findFirst();
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Polls the findings file until every wanted type appeared or the wall clock passes
   * {@code deadlineEpochMillis}; remembers when each type was first seen.
   *
   * @return whether all wanted types appeared
   */
  boolean awaitFindings(Collection<String> wanted, long deadlineEpochMillis)
      throws IOException, InterruptedException {
    while (true) {
      long now = System.currentTimeMillis();
      for (String type : Findings.typesIn(findings)) {
        firstSeen.putIfAbsent(type, now);
      }
      if (firstSeen.keySet().containsAll(wanted)) {
        return true;
      }
      if (now > deadlineEpochMillis) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** @return when each type was first seen (wall-clock millis) */
  Map<String, Long> firstSeen() {
    return firstSeen;
  }

  /** @return every finding type in the findings file now */
  List<String> liveTypes() throws IOException {
    return Findings.typesIn(findings);
  }

  /** @return the findings file's text, for failure messages */
  String findingsText() {
    try {
      return Files.isRegularFile(findings) ? Files.readString(findings) : "(no findings file)";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** @return the fork's output and findings, and its threads if it still runs, for failures */
  String describe() {
    List<String> out = fork.output();
    int from = Math.max(0, out.size() - 60);
    return "\n--- command: " + fork.command() + "\n--- output (last 60 lines):\n"
        + String.join("\n", out.subList(from, out.size())) + "\n--- findings file:\n"
        + findingsText() + threadDump();
  }

  private String threadDump() {
    if (!fork.isAlive()) {
      return "";
    }
    try {
      Path jstack = Path.of(ForkedJdk.java()).resolveSibling("jstack");
      Process p = new ProcessBuilder(jstack.toString(), String.valueOf(fork.process().pid()))
          .redirectErrorStream(true).start();
      byte[] bytes = p.getInputStream().readAllBytes();
      p.waitFor();
      return "\n--- jstack of the fork:\n" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "\n--- no jstack: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  @Override
  public void close() {
    fork.close();
  }
}
