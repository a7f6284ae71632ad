package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.LockHooks;
import io.lockwatch.agent.bootstrap.WaitHooks;
import io.lockwatch.runtime.LockRuntime;
import io.lockwatch.runtime.ThreadLockState;
import net.bytebuddy.asm.Advice;

/**
 * Advice for {@code StampedLock}: the identity is the StampedLock itself; the write mode is
 * non-reentrant, so a write lock taken again by its holder is reported before it blocks. The
 * {@code asReadLock()}/{@code asWriteLock()} views call these same methods and the
 * {@code unstampedUnlock*} ones.
 */
final class StampedLockAdvice {
  private StampedLockAdvice() {}

  /** {@code writeLock()}, {@code readLock()} and their interruptible forms. */
  static final class Acquire {
    private Acquire() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.This Object lock, @Mode int mode) {
      return LockRuntime.beforeAcquire(lock, mode);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Mode int mode, @Advice.Enter ThreadLockState s,
        @Advice.Thrown Throwable thrown) {
      if (thrown == null) {
        LockRuntime.afterAcquire(s, lock, mode);
      } else {
        LockRuntime.acquireFailed(s, lock, mode, WaitHooks.outcomeOf(thrown));
      }
    }
  }

  /** {@code tryWriteLock(long, TimeUnit)}, {@code tryReadLock(long, TimeUnit)}. */
  static final class TimedTry {
    private TimedTry() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static ThreadLockState enter(@Advice.This Object lock, @Mode int mode) {
      return LockRuntime.beforeAcquire(lock, mode);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Mode int mode, @Advice.Enter ThreadLockState s,
        @Advice.Return long stamp, @Advice.Thrown Throwable thrown) {
      if (thrown == null && stamp != 0L) {
        LockRuntime.afterAcquire(s, lock, mode);
      } else {
        LockRuntime.acquireFailed(s, lock, mode,
            thrown == null ? LockRuntime.OUTCOME_TIMED_OUT : WaitHooks.outcomeOf(thrown));
      }
    }
  }

  /** {@code tryWriteLock()}, {@code tryReadLock()}. */
  static final class Try {
    private Try() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Mode int mode, @Advice.Return long stamp) {
      if (stamp != 0L) {
        LockRuntime.tryAcquired(lock, mode);
      }
    }
  }

  /** {@code unlockWrite}, {@code unlockRead}, {@code unstampedUnlock*}. */
  static final class Release {
    private Release() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Mode int mode, @Advice.Thrown Throwable thrown) {
      if (thrown == null) {
        LockRuntime.release(lock, mode);
      }
    }
  }

  /** {@code tryUnlockWrite()}, {@code tryUnlockRead()}. */
  static final class TryRelease {
    private TryRelease() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Mode int mode, @Advice.Return boolean released) {
      if (released) {
        LockRuntime.release(lock, mode);
      }
    }
  }

  /**
   * {@code unlock(long)}: a write stamp goes through {@code unlockWrite} (instrumented itself), so
   * only the read path is released here.
   */
  static final class UnlockStamp {
    private UnlockStamp() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Advice.Argument(0) long stamp,
        @Advice.Thrown Throwable thrown) {
      if (thrown == null && (stamp & 128L) == 0L) {
        LockRuntime.release(lock, LockRuntime.READ);
      }
    }
  }

  /** {@code tryConvertTo*}: moves the hold between modes. */
  static final class Convert {
    private Convert() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object lock, @Advice.Argument(0) long from,
        @Advice.Return long to) {
      LockHooks.stampConverted(lock, from, to);
    }
  }
}
