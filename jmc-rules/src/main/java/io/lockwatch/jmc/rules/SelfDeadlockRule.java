package io.lockwatch.jmc.rules;

import java.util.Set;

/** Reports non-reentrant locks re-acquired by their holder and read-to-write upgrades. */
public final class SelfDeadlockRule extends FindingFamilyRule {
  /** Creates the rule; JMC finds it through the service loader. */
  public SelfDeadlockRule() {
    super("LockwatchSelfDeadlock", "Lockwatch: Self-Deadlocks", "self-deadlocks", Set.of("SELF_DEADLOCK"));
  }

  @Override
  String meaning() {
    return "A thread requested a lock it already holds in a way that can never succeed: a non-reentrant lock (a Semaphore or StampedLock used as a mutex) re-acquired by its holder, or a ReentrantReadWriteLock read lock upgraded to the write lock. The thread waits for itself forever.";
  }

  @Override
  String solution() {
    return "Release the read lock before taking the write lock (then re-check the state), or use a reentrant lock; with StampedLock use tryConvertToWriteLock. Do not call back into code that takes the same non-reentrant lock.";
  }
}
