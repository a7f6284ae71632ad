package io.lockwatch.agent.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Forks a JVM ({@code lockwatch.test.java}) running a test program under the shaded agent
 * ({@code lockwatch.agent.jar}), with a hard timeout, and reads back its output and recording.
 */
final class AgentJvm {
  static final long TIMEOUT_SECONDS = 180;

  private AgentJvm() {}

  /** The outcome of one forked run. */
  static final class Run {
    final int exitCode;
    final String output;
    final Path recording;

    Run(int exitCode, String output, Path recording) {
      this.exitCode = exitCode;
      this.output = output;
      this.recording = recording;
    }

    List<RecordedEvent> events(String name) throws IOException {
      return RecordingFile.readAllEvents(recording).stream()
          .filter(e -> e.getEventType().getName().equals(name))
          .collect(Collectors.toList());
    }

    List<RecordedEvent> events(String name, Predicate<RecordedEvent> filter) throws IOException {
      return events(name).stream().filter(filter).collect(Collectors.toList());
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ", output:\n" + output;
    }
  }

  static String java() {
    return System.getProperty("lockwatch.test.java",
        Paths.get(System.getProperty("java.home"), "bin", "java").toString());
  }

  static String agentJar() {
    String jar = System.getProperty("lockwatch.agent.jar", "target/lockwatch-agent.jar");
    if (!new File(jar).isFile()) {
      throw new IllegalStateException("agent jar " + jar + " missing: run mvn verify");
    }
    return jar;
  }

  static String testClasses() {
    return System.getProperty("lockwatch.test.classes", "target/test-classes");
  }

  /** The class path entry (jar or directory) that holds {@code type}. */
  static String locationOf(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code mainClass args} with {@code -javaagent:<jar>=recording=<tmp>,<agentArgs>}
   * ({@code agentArgs == null}: no agent arguments at all).
   *
   * @param jvmArgs extra JVM options (only where the test is about them), may be empty
   * @param classPath extra class path entries after the test classes
   */
  static Run run(String agentArgs, List<String> jvmArgs, List<String> classPath, String mainClass,
      String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("lockwatch-it");
    Path recording = dir.resolve("recording.jfr");
    String agent = agentArgs == null ? "-javaagent:" + agentJar()
        : "-javaagent:" + agentJar() + "=recording=" + recording
            + (agentArgs.isEmpty() ? "" : "," + agentArgs);
    List<String> cp = new ArrayList<>();
    cp.add(testClasses());
    cp.addAll(classPath);
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.add(agent);
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(String.join(File.pathSeparator, cp));
    cmd.add(mainClass);
    for (String a : args) {
      cmd.add(a.replace("@DIR@", dir.toString()));
    }
    Path out = dir.resolve("output.txt");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
        .start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("forked JVM did not finish in " + TIMEOUT_SECONDS + " s: "
            + cmd + "\n" + Files.readString(out, StandardCharsets.UTF_8));
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), recording);
    } finally {
      p.destroyForcibly();
    }
  }

  /** Runs with {@code -javaagent:<jar>} and no agent arguments at all. */
  static Run runWithoutRecordingKey(List<String> jvmArgs, String mainClass, String... args)
      throws IOException, InterruptedException {
    return run(null, jvmArgs, List.of(), mainClass, args);
  }

  static Run program(String name) throws IOException, InterruptedException {
    return run("", List.of(), List.of(), "example.app.Programs", name);
  }

  /** Whether any frame of the event's stack trace is in a class whose name starts with prefix. */
  static boolean hasFrame(RecordedEvent e, String classPrefix) {
    if (e.getStackTrace() == null) {
      return false;
    }
    for (RecordedFrame f : e.getStackTrace().getFrames()) {
      if (f.getMethod().getType().getName().startsWith(classPrefix)) {
        return true;
      }
    }
    return false;
  }

  static String className(RecordedEvent e, String field) {
    jdk.jfr.consumer.RecordedClass c = e.getValue(field);
    return c == null ? "" : c.getName();
  }
}
