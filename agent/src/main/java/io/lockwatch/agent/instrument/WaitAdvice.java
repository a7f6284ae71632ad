package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.WaitHooks;
import io.lockwatch.runtime.ThreadLockState;
import net.bytebuddy.asm.Advice;

/**
 * Advice for blocking waits on futures, fork/join tasks, latches, barriers and threads; the
 * wait kind is bound per instrumented type with {@link Mode}. The target is the receiver, or the
 * first argument for {@code ForkJoinPool.invoke(task)}.
 */
final class WaitAdvice {
  private WaitAdvice() {}

  /** A wait on the receiver. */
  static final class OnThis {
    private OnThis() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.This Object target, @Mode int kind) {
      return WaitHooks.begin(kind, target);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadLockState s, @Advice.Thrown Throwable thrown) {
      WaitHooks.end(s, thrown);
    }
  }

  /** A wait on the first argument. */
  static final class OnFirstArgument {
    private OnFirstArgument() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.Argument(0) Object target, @Mode int kind) {
      return WaitHooks.begin(kind, target);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter ThreadLockState s, @Advice.Thrown Throwable thrown) {
      WaitHooks.end(s, thrown);
    }
  }
}
