package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.proof.internal.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** Paths of the built jars, child JVM runs and recording reads shared by the proof tests. */
final class Fixtures {
  private Fixtures() {}

  static Path agentJar() {
    Path p = Path.of(System.getProperty("lockwatch.agent.jar", "../agent/target/lockwatch-agent.jar"));
    assertTrue(Files.isRegularFile(p), "agent jar missing: " + p + " (mvn package builds it)");
    return p.toAbsolutePath();
  }

  static Path cliJar() {
    Path p = Path.of(System.getProperty("lockwatch.cli.jar", "../analyzer/target/lockwatch-cli.jar"));
    assertTrue(Files.isRegularFile(p), "CLI jar missing: " + p);
    return p.toAbsolutePath();
  }

  static Path examplesJar() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("../examples/target"))) {
      return s.filter(p -> p.getFileName().toString().matches("lockwatch-examples-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst().orElseThrow().toAbsolutePath();
    }
  }

  /**
   * The class path for child JVMs: this module's classes and test classes only, so that no
   * unshaded agent, analyzer or exporter class shadows what the agent jar brings.
   */
  static String testClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.endsWith("classes") && Path.of(e).toAbsolutePath().normalize().getParent()
            .getParent().getFileName().toString().equals("proof"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  static int javaFeature() throws IOException, InterruptedException {
    ChildJvm.Result r = ChildJvm.run(List.of(), testClasspath(), "io.lockwatch.proof.apps.JavaVersion",
        List.of(), Duration.ofSeconds(60), false);
    return Integer.parseInt(r.stdout.get(0).trim());
  }

  static ChildJvm.Result run(List<String> jvmArgs, Class<?> main, List<String> args, Duration timeout)
      throws IOException, InterruptedException {
    return ChildJvm.run(jvmArgs, testClasspath(), main.getName(), args, timeout, false);
  }

  static List<RecordedEvent> events(Path jfr, String prefix) throws IOException {
    List<RecordedEvent> out = new ArrayList<>();
    try (RecordingFile f = new RecordingFile(jfr)) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (e.getEventType().getName().startsWith(prefix)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  static boolean hasStackTrace(List<String> lines) {
    // A JVM stack trace: tab-indented frames, or an exception header. Lockwatch's own finding
    // blocks on stderr also list frames ("       at a.B.c(B.java:1)", space-indented): those are
    // reports, not crashes, so space-indented frames alone do not count.
    return lines.stream().anyMatch(l -> l.startsWith("\tat ")
        || l.startsWith("Exception in thread") || l.startsWith("Caused by:")
        || l.matches("^[\\w.$]+(Exception|Error)(: .*)?$"));
  }
}
