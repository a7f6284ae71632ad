package io.lockwatch.agent;

import io.lockwatch.agent.bootstrap.SuppressedErrors;
import io.lockwatch.agent.instrument.InstallListener;
import io.lockwatch.agent.instrument.RetransformFailures;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Checks once after installation that the instrumentation took, like BlockHound's
 * {@code testInstrumentation}: the core lock class was retransformed without error, and a lock
 * pair through the advice runs without a suppressed error. A core lock class that the JVM refused to
 * retransform (another agent changed it) is not a failure: the agent already reported it, and the
 * rest of the instrumentation works without it.
 */
final class SelfTest {
  private SelfTest() {}

  /**
   * Runs the check.
   *
   * @param listener the installation listener
   * @param refused the loaded classes the JVM refused to retransform
   * @return {@code null} when all is well, otherwise the reason
   */
  static String run(InstallListener listener, RetransformFailures refused) {
    String type = ReentrantLock.class.getName();
    if (refused.failed(type)) {
      return null;
    }
    if (!listener.jdkTypeTransformed(type)) {
      String err = listener.drainErrors();
      return type + " was not retransformed" + (err == null ? "" : " (" + err + ")")
          + "; is another agent blocking retransformation?";
    }
    long before = SuppressedErrors.count();
    ReentrantLock lock = new ReentrantLock();
    lock.lock();
    try {
      synchronized (lock) {
        lock.tryLock();
        lock.unlock();
      }
    } finally {
      lock.unlock();
    }
    if (SuppressedErrors.count() != before) {
      return "a hook failed: " + SuppressedErrors.first();
    }
    return null;
  }
}
