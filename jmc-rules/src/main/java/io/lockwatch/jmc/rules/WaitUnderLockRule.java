package io.lockwatch.jmc.rules;

import java.util.Set;

/** Reports blocking I/O, sleeps and waits on futures, latches or joins done while holding a lock. */
public final class WaitUnderLockRule extends FindingFamilyRule {
  /** Creates the rule; JMC finds it through the service loader. */
  public WaitUnderLockRule() {
    super("LockwatchWaitUnderLock", "Lockwatch: Blocking Waits Under a Lock", "blocking waits under a lock", Set.of("WAIT_UNDER_LOCK"));
  }

  @Override
  String meaning() {
    return "A thread blocked (I/O, sleep, Future.get, a latch, join) while holding a lock. Every thread that needs the lock waits as long as the slowest remote call; if the awaited work itself needs the lock, it is a deadlock.";
  }

  @Override
  String solution() {
    return "Release the lock before the blocking call: read what you need under the lock, wait outside it, then re-acquire and re-validate. Add timeouts to the wait. If the awaited task needs the same lock, restructure so that it does not.";
  }
}
