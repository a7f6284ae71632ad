package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.MonitorHooks;
import io.lockwatch.runtime.ThreadLockState;
import net.bytebuddy.asm.Advice;

/**
 * Advice for {@code synchronized} methods, whose monitor the JVM takes before any bytecode runs:
 * the order edge is recorded just after the acquisition, and the release at every exit, with the
 * thread's state handed from the enter advice to the exit advice (one {@code ThreadLocal} lookup
 * per call).
 */
final class MonitorMethodAdvice {
  private MonitorMethodAdvice() {}

  /** An instance method: the monitor is {@code this}. */
  static final class Instance {
    private Instance() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.This Object monitor) {
      return MonitorHooks.enteredMethod(monitor);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object monitor, @Advice.Enter ThreadLockState s) {
      MonitorHooks.exitedMethod(s, monitor);
    }
  }

  /** A static method: the monitor is the class. */
  static final class Static {
    private Static() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.Origin Class<?> monitor) {
      return MonitorHooks.enteredMethod(monitor);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Origin Class<?> monitor, @Advice.Enter ThreadLockState s) {
      MonitorHooks.exitedMethod(s, monitor);
    }
  }
}
