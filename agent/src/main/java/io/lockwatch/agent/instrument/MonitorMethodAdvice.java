package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.MonitorHooks;
import net.bytebuddy.asm.Advice;

/**
 * Advice for {@code synchronized} methods, whose monitor the JVM takes before any bytecode runs:
 * the order edge is recorded just after the acquisition, and the release at every exit.
 */
final class MonitorMethodAdvice {
  private MonitorMethodAdvice() {}

  /** An instance method: the monitor is {@code this}. */
  static final class Instance {
    private Instance() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object monitor) {
      MonitorHooks.enteredMethod(monitor);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object monitor) {
      MonitorHooks.exited(monitor);
    }
  }

  /** A static method: the monitor is the class. */
  static final class Static {
    private Static() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Origin Class<?> monitor) {
      MonitorHooks.enteredMethod(monitor);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Origin Class<?> monitor) {
      MonitorHooks.exited(monitor);
    }
  }
}
