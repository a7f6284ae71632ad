package io.lockwatch.agent.instrument;

import io.lockwatch.agent.bootstrap.LockIdentity;
import net.bytebuddy.asm.Advice;

/**
 * Advice on {@code LockRuntime.nameLock(lock, name)}: a name given to a {@code ReentrantLock} or a
 * {@code ReentrantReadWriteLock} (or one of its halves) goes to the identity the agent reports it
 * by, its AQS.
 */
final class NameAdvice {
  private NameAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(value = 0, readOnly = false) Object lock) {
    lock = LockIdentity.of(lock);
  }
}
