package io.lockwatch.jmc.rules;

import java.util.Set;

/** Reports threads stalled on locks and locks held for long while others wait. */
public final class StallRule extends FindingFamilyRule {
  /** Creates the rule; JMC finds it through the service loader. */
  public StallRule() {
    super("LockwatchStall", "Lockwatch: Stalls and Long Lock Holds", "stalls or long lock holds", Set.of("STALL", "LONG_HOLD"));
  }

  @Override
  String meaning() {
    return "Threads were blocked on a lock (or a pool) for longer than the stall threshold, or a thread held a lock for long while others queued behind it. Every waiter's latency includes the owner's whole critical section; the owner's stack shows what it was doing meanwhile.";
  }

  @Override
  String solution() {
    return "Shorten the critical section: move I/O, logging and computation out of the lock, split the lock by data (striping), or use a read/write lock or a concurrent collection. Look at the owner's stack (other side) to see what it did while holding the lock.";
  }
}
