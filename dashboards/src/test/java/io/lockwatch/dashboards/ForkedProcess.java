package io.lockwatch.dashboards;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output is collected (for failure messages) and watched for a ready line;
 * {@link #close()} kills it and its descendants forcibly.
 */
final class ForkedProcess implements AutoCloseable {
  private static final int MAX_OUTPUT = 64 * 1024;

  private final String name;
  private final Process process;
  private final StringBuffer output = new StringBuffer();
  private final CountDownLatch ready = new CountDownLatch(1);

  private ForkedProcess(String name, Process process, String readyText) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(() -> read(readyText), name + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * @param name for messages
   * @param command the command line
   * @param readyText a text the process prints once ready ({@code null}: ready at once)
   * @return the started process
   */
  static ForkedProcess start(String name, List<String> command, String readyText) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ForkedProcess forked = new ForkedProcess(name, process, readyText);
    if (readyText == null) {
      forked.ready.countDown();
    }
    return forked;
  }

  private void read(String readyText) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (output.length() < MAX_OUTPUT) {
          output.append(line).append('\n');
        }
        if (readyText != null && line.contains(readyText)) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      output.append("[output read failed: ").append(e).append("]\n");
    }
  }

  /**
   * @param timeout how long to wait
   * @throws IllegalStateException if the process exits or the timeout passes first
   */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.await(100, TimeUnit.MILLISECONDS)) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(name + " did not become ready ("
            + (process.isAlive() ? "timeout" : "exit " + process.exitValue()) + "):\n" + output());
      }
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
