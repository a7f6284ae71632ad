package io.lockwatch.agent;

import io.lockwatch.agent.instrument.InstallListener;

/**
 * Prints instrumentation errors, one line per class, from a daemon thread of its own: the
 * listener that records them runs inside transformers on application threads, where the agent
 * must not log.
 */
final class ErrorReporter implements Runnable {
  private static final long PERIOD_MILLIS = 1000;
  private final InstallListener listener;

  private ErrorReporter(InstallListener listener) {
    this.listener = listener;
  }

  static void start(InstallListener listener) {
    ErrorReporter reporter = new ErrorReporter(listener);
    reporter.drain();
    Thread t = new Thread(reporter, "lockwatch-error-reporter");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      while (true) {
        Thread.sleep(PERIOD_MILLIS);
        drain();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    for (String line = listener.drainErrors(); line != null; line = listener.drainErrors()) {
      LockwatchAgent.log(line);
    }
  }
}
