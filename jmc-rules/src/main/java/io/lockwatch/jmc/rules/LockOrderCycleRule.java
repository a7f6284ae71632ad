package io.lockwatch.jmc.rules;

import java.util.Set;

/** Reports lock-order cycles (potential deadlocks) and declared lock-order violations. */
public final class LockOrderCycleRule extends FindingFamilyRule {
  /** Creates the rule; JMC finds it through the service loader. */
  public LockOrderCycleRule() {
    super("LockwatchLockOrderCycle", "Lockwatch: Lock-Order Cycles", "lock-order cycles", Set.of("LOCK_ORDER_CYCLE", "ORDER_VIOLATION"));
  }

  @Override
  String meaning() {
    return "Threads took the same locks (or waited on pools) in opposite orders. Each edge below is one nested acquisition: the thread held the first lock and requested the second. When two threads run their halves of the cycle at the same time, each waits for the other forever: a deadlock that did not happen in this run but can in any other. An order violation is an acquisition against a lock order declared through the Lockwatch API.";
  }

  @Override
  String solution() {
    return "Pick one global order for these locks and acquire them in that order on every path, or take the inner lock outside the outer one (copy state, release, then call out). Never wait on a pool's task while holding a lock that the pool's tasks need. Use the stacks of both edges to find the two code paths.";
  }
}
