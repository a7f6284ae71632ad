package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.MutexSemaphores;
import io.lockwatch.agent.bootstrap.WaitHooks;
import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import net.bytebuddy.asm.Advice;

/**
 * Advice for {@code Semaphore} used as a mutex: created with one permit, acquired and released one
 * permit at a time. Such a semaphore is a non-reentrant exclusive lock, so its holder acquiring it
 * again is reported before it blocks. Other semaphores are ignored.
 */
final class SemaphoreAdvice {

  private SemaphoreAdvice() {}

  /** {@code Semaphore(int)}, {@code Semaphore(int, boolean)}. */
  static final class Created {
    private Created() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object semaphore, @Advice.Argument(0) int permits) {
      MutexSemaphores.created(semaphore, permits);
    }
  }

  /** {@code acquire()}, {@code acquireUninterruptibly()}. */
  static final class Acquire {
    private Acquire() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.This Object semaphore) {
      return MutexSemaphores.isMutex(semaphore)
          ? LockRuntime.beforeAcquire(semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT)
          : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object semaphore, @Advice.Enter ThreadLockState s,
        @Advice.Thrown Throwable thrown) {
      if (s != null) {
        if (thrown == null) {
          LockRuntime.afterAcquire(s, semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT);
        } else {
          LockRuntime.acquireFailed(s, semaphore,
              LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT, WaitHooks.outcomeOf(thrown));
        }
      }
    }
  }

  /** {@code tryAcquire(long, TimeUnit)}. */
  static final class TimedTry {
    private TimedTry() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.This Object semaphore) {
      return MutexSemaphores.isMutex(semaphore)
          ? LockRuntime.beforeAcquire(semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT)
          : null;
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object semaphore, @Advice.Enter ThreadLockState s,
        @Advice.Return boolean acquired, @Advice.Thrown Throwable thrown) {
      if (s != null) {
        if (thrown == null && acquired) {
          LockRuntime.afterAcquire(s, semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT);
        } else {
          LockRuntime.acquireFailed(s, semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT,
              thrown == null ? LockRuntime.OUTCOME_TIMED_OUT : WaitHooks.outcomeOf(thrown));
        }
      }
    }
  }

  /** {@code tryAcquire()}. */
  static final class Try {
    private Try() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object semaphore, @Advice.Return boolean acquired) {
      if (acquired && MutexSemaphores.isMutex(semaphore)) {
        LockRuntime.tryAcquired(semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT);
      }
    }
  }

  /** {@code release()}. */
  static final class Release {
    private Release() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object semaphore, @Advice.Thrown Throwable thrown) {
      if (thrown == null && MutexSemaphores.isMutex(semaphore)) {
        LockRuntime.release(semaphore, LockRuntime.EXCLUSIVE | LockRuntime.NON_REENTRANT);
      }
    }
  }
}
