package io.lockwatch.proof.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child JVM to completion with a hard timeout and collects its output lines.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class ChildJvm {
  /** The outcome of a child run. */
  public static final class Result {
    /** Exit status, or -1 when the child was killed at the timeout. */
    public final int exitCode;
    /** Lines of stdout. */
    public final List<String> stdout;
    /** Lines of stderr. */
    public final List<String> stderr;
    /** The command that ran. */
    public final List<String> command;

    Result(int exitCode, List<String> stdout, List<String> stderr, List<String> command) {
      this.exitCode = exitCode;
      this.stdout = stdout;
      this.stderr = stderr;
      this.command = command;
    }

    /**
     * Returns the last stdout line that starts with {@code prefix}.
     *
     * @param prefix the prefix
     * @return the line, or {@code null}
     */
    public String lastLineStartingWith(String prefix) {
      for (int i = stdout.size() - 1; i >= 0; i--) {
        if (stdout.get(i).startsWith(prefix)) {
          return stdout.get(i);
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + " of " + String.join(" ", command) + "\nstdout:\n"
          + String.join("\n", tail(stdout)) + "\nstderr:\n" + String.join("\n", tail(stderr));
    }

    private static List<String> tail(List<String> lines) {
      return lines.size() <= 40 ? lines : lines.subList(lines.size() - 40, lines.size());
    }
  }

  private ChildJvm() {}

  /**
   * Returns the java launcher for children: system property {@code lockwatch.test.java}, else the
   * running JVM's.
   *
   * @return the path of the java executable
   */
  public static String java() {
    String java = System.getProperty("lockwatch.test.java");
    if (java == null || java.isBlank()) {
      java = System.getProperty("java.home") + "/bin/java";
    }
    return java;
  }

  /**
   * Runs {@code java jvmArgs -cp classpath mainClass args} and waits for it.
   *
   * @param jvmArgs JVM options
   * @param classpath class path
   * @param mainClass main class
   * @param args program arguments
   * @param timeout hard limit; the child is destroyed forcibly after it
   * @param echo whether to copy the child's stderr to ours as it comes
   * @return the result
   * @throws IOException if the child cannot start
   * @throws InterruptedException if interrupted while waiting
   */
  public static Result run(List<String> jvmArgs, String classpath, String mainClass,
      List<String> args, Duration timeout, boolean echo) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    Process p = new ProcessBuilder(command).start();
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    List<String> err = Collections.synchronizedList(new ArrayList<>());
    Thread o = pump(p.getInputStream(), out, false);
    Thread e = pump(p.getErrorStream(), err, echo);
    try {
      p.getOutputStream().close();
      boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      o.join(5000);
      e.join(5000);
      return new Result(exited ? p.exitValue() : -1, new ArrayList<>(out), new ArrayList<>(err),
          command);
    } finally {
      p.destroyForcibly();
    }
  }

  private static Thread pump(InputStream in, List<String> lines, boolean echo) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          lines.add(line);
          if (echo) {
            System.err.println("  | " + line);
          }
        }
      } catch (IOException ignored) {
        // the child went away
      }
    }, "child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
