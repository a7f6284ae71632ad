package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.WaitHooks;
import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import net.bytebuddy.asm.Advice;

/**
 * Advice for {@code ReentrantLock} and both halves of {@code ReentrantReadWriteLock}. The lock's
 * identity is its {@code sync} field: the AQS instance that both halves of a read/write lock share
 * and that owns its {@code Condition}s, so a read-to-write upgrade and a condition wait resolve to
 * the same lock.
 */
final class AqsLockAdvice {
  private AqsLockAdvice() {}

  /** {@code lock()}, {@code lockInterruptibly()}: may block. */
  static final class Acquire {
    private Acquire() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.FieldValue("sync") Object sync, @Mode int mode) {
      return LockRuntime.beforeAcquire(sync, mode);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue("sync") Object sync, @Mode int mode,
        @Advice.Enter ThreadLockState s, @Advice.Thrown Throwable thrown) {
      if (thrown == null) {
        LockRuntime.afterAcquire(s, sync, mode);
      } else {
        LockRuntime.acquireFailed(s, sync, mode, WaitHooks.outcomeOf(thrown));
      }
    }
  }

  /** {@code tryLock(long, TimeUnit)}: may block, may time out. */
  static final class TimedTry {
    private TimedTry() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.FieldValue("sync") Object sync, @Mode int mode) {
      return LockRuntime.beforeAcquire(sync, mode);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue("sync") Object sync, @Mode int mode,
        @Advice.Enter ThreadLockState s, @Advice.Return boolean acquired,
        @Advice.Thrown Throwable thrown) {
      if (thrown == null && acquired) {
        LockRuntime.afterAcquire(s, sync, mode);
      } else {
        LockRuntime.acquireFailed(s, sync, mode,
            thrown == null ? LockRuntime.OUTCOME_TIMED_OUT : WaitHooks.outcomeOf(thrown));
      }
    }
  }

  /** {@code tryLock()}: never blocks, so no order edge. */
  static final class Try {
    private Try() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.FieldValue("sync") Object sync, @Mode int mode,
        @Advice.Return boolean acquired) {
      if (acquired) {
        LockRuntime.tryAcquired(sync, mode);
      }
    }
  }

  /** {@code unlock()}. */
  static final class Release {
    private Release() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue("sync") Object sync, @Mode int mode,
        @Advice.Thrown Throwable thrown) {
      if (thrown == null) {
        LockRuntime.release(sync, mode);
      }
    }
  }

  /** {@code AbstractQueuedSynchronizer.ConditionObject.await*}: releases the owning lock. */
  static final class ConditionAwait {
    private ConditionAwait() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter(@Advice.FieldValue("this$0") Object sync) {
      return LockRuntime.releaseForWait(sync);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.FieldValue("this$0") Object sync, @Advice.Enter int depth) {
      LockRuntime.reacquiredAfterWait(sync, io.lockwatch.agent.bootstrap.LockHooks.conditionMode(sync),
          depth);
    }
  }
}
