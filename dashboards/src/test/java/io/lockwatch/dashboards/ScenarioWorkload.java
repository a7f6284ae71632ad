package io.lockwatch.dashboards;

import io.lockwatch.dashboards.launcher.AfterEndpointLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scenarios of {@code examples/} run in forked JVMs under the Lockwatch agent, each serving
 * {@code /metrics} on its own loopback port ({@code -javaagent:lockwatch-agent.jar=prometheus=<port>}).
 * Each scenario starts once its endpoint serves ({@link AfterEndpointLauncher}).
 * {@link #close()} kills every one of them forcibly.
 */
final class ScenarioWorkload implements AutoCloseable {
  /** Main class of the examples jar. */
  static final String MAIN = "io.lockwatch.examples.Scenarios";
  /** The scenario prints this marker once set up. */
  static final String READY = "READY ";

  /**
   * One scenario to run.
   *
   * @param name the scenario name ({@code Scenarios --list})
   * @param args its options, {@code --max-seconds} included
   */
  record Run(String name, List<String> args) {
    static Run of(String name, String... args) {
      return new Run(name, List.of(args));
    }
  }

  /** A running scenario and the host:port Prometheus scrapes it on. */
  record Target(Run run, String instance, ForkedProcess process) {}

  private final List<Target> targets;

  private ScenarioWorkload(List<Target> targets) {
    this.targets = targets;
  }

  /** @return the repository root (parent of the dashboards module) */
  static Path repoRoot() {
    return ModuleFiles.moduleDir().toAbsolutePath().getParent();
  }

  /** @return the agent jar, if built */
  static Optional<Path> agentJar() {
    Path jar = repoRoot().resolve("agent/target/lockwatch-agent.jar");
    return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
  }

  /** @return the examples jar, if built */
  static Optional<Path> examplesJar() {
    Path target = repoRoot().resolve("examples/target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(file -> {
        String name = file.getFileName().toString();
        return name.startsWith("lockwatch-examples-") && name.endsWith(".jar")
            && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
            && !name.endsWith("-tests.jar");
      }).sorted().findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts every run, each on a free port, and waits until each printed {@value #READY}.
   *
   * @param agentJar the agent jar
   * @param examplesJar the examples jar
   * @param runs the scenarios
   * @return the started workload
   */
  static ScenarioWorkload start(Path agentJar, Path examplesJar, List<Run> runs)
      throws IOException, InterruptedException {
    String classPath = examplesJar + java.io.File.pathSeparator + testClasses();
    List<Target> targets = new ArrayList<>();
    ScenarioWorkload workload = new ScenarioWorkload(targets);
    try {
      for (Run run : runs) {
        int port = PrometheusServer.freePort();
        List<String> command = new ArrayList<>(List.of(System.getProperty("lockwatch.test.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()),
            "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-javaagent:" + agentJar + "=prometheus=" + port,
            "-cp", classPath, AfterEndpointLauncher.class.getName(), String.valueOf(port),
            MAIN, run.name()));
        command.addAll(run.args());
        targets.add(new Target(run, "127.0.0.1:" + port,
            ForkedProcess.start(run.name(), command, READY + run.name())));
      }
      for (Target target : targets) {
        target.process().awaitReady(Duration.ofSeconds(75));
      }
      return workload;
    } catch (IOException | InterruptedException | RuntimeException e) {
      workload.close();
      throw e;
    }
  }

  /** @return where {@link AfterEndpointLauncher} was loaded from (the test classes) */
  private static String testClasses() {
    try {
      return Path.of(AfterEndpointLauncher.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the running scenarios */
  List<Target> targets() {
    return targets;
  }

  /** @return host:port of every scenario's metrics endpoint */
  List<String> instances() {
    return targets.stream().map(Target::instance).toList();
  }

  /** @return every scenario's output, for failure messages */
  String output() {
    StringBuilder out = new StringBuilder();
    for (Target target : targets) {
      out.append("--- ").append(target.run().name()).append(' ').append(target.run().args())
          .append(" on ").append(target.instance())
          .append(target.process().isAlive() ? " (running)" : " (exited)").append(":\n")
          .append(target.process().output());
    }
    return out.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (Target target : targets) {
      target.process().close();
    }
  }
}
