package io.lockwatch.examples.testing;

import io.lockwatch.examples.MarkerLine;
import io.lockwatch.examples.ScenarioCatalog;
import io.lockwatch.examples.Scenarios;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture: a Java program running in a forked JVM, with its output collected line by line
 * and a hard timeout after which it is killed whatever the test does. Always use it in
 * try-with-resources; {@link #close()} kills the process. A JVM shutdown hook kills forks that a
 * test forgot. Stdout and stderr are merged.
 *
 * <pre>{@code
 * try (JvmFork fork = JvmFork.forScenario(ScenarioCatalog.DEADLY_EMBRACE).start()) {
 *   MarkerLine hazard = fork.awaitMarker(MarkerLine.HAZARD, Duration.ofSeconds(30));
 *   ...
 * }
 * }</pre>
 *
 * <p>The JVM is {@code -Dlockwatch.test.java} (which the build sets for surefire), else the one
 * running the test; the class path is the test's own.
 */
public final class JvmFork implements AutoCloseable {
  /** The hard timeout when none is set: the fork is killed after this long. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** System property naming the {@code java} executable for forks. */
  public static final String JAVA_PROPERTY = "lockwatch.test.java";

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
        "jvm-fork-reaper-on-exit"));
  }

  private final List<String> command;
  private final Process process;
  private final Object outputLock = new Object();
  private final List<String> lines = new ArrayList<>(); // guarded by outputLock
  private boolean outputEnded; // guarded by outputLock
  private final Thread reader;
  private final Thread reaper;

  private JvmFork(List<String> command, Process process, Duration timeout) {
    this.command = command;
    this.process = process;
    LIVE.add(process);
    this.reader = new Thread(this::readOutput, "jvm-fork-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    this.reaper = new Thread(() -> killAfter(timeout), "jvm-fork-timeout-" + process.pid());
    reaper.setDaemon(true);
    reaper.start();
  }

  /**
   * Starts configuring a fork.
   *
   * @return a new builder, not {@code null}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts configuring a fork that runs {@link Scenarios} with a scenario and its options.
   *
   * @param scenario the scenario, not {@code null}
   * @param options options after the scenario name, e.g. {@code "--max-seconds", "5"}
   * @return a builder with main class and arguments set, not {@code null}
   */
  public static Builder forScenario(ScenarioCatalog scenario, String... options) {
    return builder().setMainClass(Scenarios.class.getName()).addArgs(scenario.scenarioName()).addArgs(options);
  }

  /** @return the underlying process, not {@code null} */
  public Process process() {
    return process;
  }

  /** @return the command line that started the fork, not {@code null} */
  public List<String> command() {
    return command;
  }

  /** @return whether the fork still runs */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** @return a copy of the lines printed so far */
  public List<String> output() {
    synchronized (outputLock) {
      return new ArrayList<>(lines);
    }
  }

  /** @return the marker lines printed so far, parsed */
  public List<MarkerLine> markers() {
    List<MarkerLine> markers = new ArrayList<>();
    for (String line : output()) {
      MarkerLine.parse(line).ifPresent(markers::add);
    }
    return markers;
  }

  /**
   * Waits for the first line (printed so far or later) that starts with {@code prefix}.
   *
   * @param prefix e.g. {@code "HAZARD "}, not {@code null}
   * @param timeout how long to wait, not {@code null}
   * @return the line, not {@code null}
   * @throws AssertionError with the output so far, if no such line came in time or the output
   *     ended without one
   */
  public String awaitLine(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (outputLock) {
      int checked = 0;
      while (true) {
        for (; checked < lines.size(); checked++) {
          if (lines.get(checked).startsWith(prefix)) {
            return lines.get(checked);
          }
        }
        long leftNanos = deadline - System.nanoTime();
        if (outputEnded || leftNanos <= 0) {
          throw new AssertionError((outputEnded ? "output ended" : "timed out after " + timeout)
              + " without a line starting with '" + prefix + "'" + describe());
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(outputLock, leftNanos);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for '" + prefix + "'" + describe(), e);
        }
      }
    }
  }

  /**
   * Waits for the first marker line of a kind.
   *
   * @param kind e.g. {@link MarkerLine#HAZARD}, not {@code null}
   * @param timeout how long to wait, not {@code null}
   * @return the parsed marker, not {@code null}
   * @throws AssertionError as {@link #awaitLine}
   */
  public MarkerLine awaitMarker(String kind, Duration timeout) {
    String line = awaitLine(kind + " ", timeout);
    return MarkerLine.parse(line).orElseThrow(() -> new AssertionError("not a marker: " + line + describe()));
  }

  /**
   * Tells whether the fork is still running after waiting for it a while.
   *
   * @param duration how long to give it to exit, not {@code null}
   * @return {@code true} if it is still alive afterwards
   */
  public boolean stillAliveAfter(Duration duration) {
    try {
      return !process.waitFor(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return process.isAlive();
    }
  }

  /**
   * Waits for the fork to exit and for its output to be read completely.
   *
   * @param timeout how long to wait, not {@code null}
   * @return the exit code
   * @throws AssertionError with the output, after killing the fork, if it did not exit in time
   */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        close();
        throw new AssertionError("did not exit within " + timeout + "; killed" + describe());
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new AssertionError("interrupted while waiting for exit" + describe(), e);
    }
  }

  /** Kills the fork (if it still runs) and waits briefly for it to go. */
  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(process);
      reaper.interrupt();
    }
  }

  /** @return the command and the output so far, for failure messages */
  public String describe() {
    StringBuilder sb = new StringBuilder("\n  command: ").append(String.join(" ", command));
    sb.append("\n  alive: ").append(process.isAlive());
    if (!process.isAlive()) {
      sb.append(", exit code: ").append(process.exitValue());
    }
    sb.append("\n  output:");
    for (String line : output()) {
      sb.append("\n    ").append(line);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "JvmFork{pid=" + process.pid() + ", alive=" + process.isAlive() + ", command=" + command + "}";
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (outputLock) {
          lines.add(line);
          outputLock.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process was killed while we read: the output simply ends
    } finally {
      synchronized (outputLock) {
        outputEnded = true;
        outputLock.notifyAll();
      }
    }
  }

  private void killAfter(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      // close() interrupts us once the process is gone
    } finally {
      if (!process.isAlive()) {
        LIVE.remove(process);
      }
    }
  }

  /** Configures and starts a {@link JvmFork}. */
  public static final class Builder {
    private String java;
    private String classpath;
    private final List<String> jvmArgs = new ArrayList<>();
    private String mainClass;
    private final List<String> args = new ArrayList<>();
    private Duration timeout = DEFAULT_TIMEOUT;
    private File workingDirectory;

    private Builder() {}

    /**
     * Sets the {@code java} executable. Default: {@code -Dlockwatch.test.java}, else the running JVM's.
     *
     * @param java path of the executable, not {@code null}
     * @return this builder
     */
    public Builder setJava(String java) {
      this.java = Objects.requireNonNull(java, "java");
      return this;
    }

    /**
     * Sets the class path. Default: this JVM's {@code java.class.path}.
     *
     * @param classpath the class path, not {@code null}
     * @return this builder
     */
    public Builder setClasspath(String classpath) {
      this.classpath = Objects.requireNonNull(classpath, "classpath");
      return this;
    }

    /**
     * Adds JVM options, e.g. {@code -Dlockwatch.examples.api=true} or {@code -javaagent:...}.
     *
     * @param options the options, not {@code null}
     * @return this builder
     */
    public Builder addJvmArgs(String... options) {
      jvmArgs.addAll(Arrays.asList(options));
      return this;
    }

    /**
     * Sets the main class. Required.
     *
     * @param mainClass a fully qualified class name, not {@code null}
     * @return this builder
     */
    public Builder setMainClass(String mainClass) {
      this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
      return this;
    }

    /**
     * Adds program arguments.
     *
     * @param arguments the arguments, not {@code null}
     * @return this builder
     */
    public Builder addArgs(String... arguments) {
      args.addAll(Arrays.asList(arguments));
      return this;
    }

    /**
     * Sets the hard timeout after which the fork is killed. Default {@link #DEFAULT_TIMEOUT}.
     *
     * @param timeout a positive duration, not {@code null}
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public Builder setTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the hard timeout after which the fork is killed.
     *
     * @param timeout a positive amount
     * @param unit its unit, not {@code null}
     * @return this builder
     */
    public Builder setTimeout(long timeout, TimeUnit unit) {
      return setTimeout(Duration.ofNanos(unit.toNanos(timeout)));
    }

    /**
     * Sets the working directory. Default: this JVM's.
     *
     * @param directory an existing directory, not {@code null}
     * @return this builder
     */
    public Builder setWorkingDirectory(File directory) {
      this.workingDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** @return the command line {@link #start()} would run */
    public List<String> command() {
      if (mainClass == null) {
        throw new IllegalStateException("mainClass was not set");
      }
      List<String> command = new ArrayList<>();
      command.add(java != null ? java : defaultJava());
      command.addAll(jvmArgs);
      command.add("-cp");
      command.add(classpath != null ? classpath : System.getProperty("java.class.path"));
      command.add(mainClass);
      command.addAll(args);
      return command;
    }

    /**
     * Starts the fork.
     *
     * @return the running fork; close it
     * @throws UncheckedIOException if the process cannot be started
     * @throws IllegalStateException if no main class was set
     */
    public JvmFork start() {
      List<String> command = command();
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      if (workingDirectory != null) {
        pb.directory(workingDirectory);
      }
      try {
        return new JvmFork(List.copyOf(command), pb.start(), timeout);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + command, e);
      }
    }

    @Override
    public String toString() {
      return "JvmFork.Builder{mainClass=" + mainClass + ", args=" + args + ", jvmArgs=" + jvmArgs
          + ", timeout=" + timeout + "}";
    }

    private static String defaultJava() {
      String configured = System.getProperty(JAVA_PROPERTY);
      if (configured != null && !configured.isBlank()) {
        return configured;
      }
      Optional<String> current = ProcessHandle.current().info().command();
      return current.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
  }
}
