package io.lockwatch.jmc.rules;

import java.util.Set;

/** Reports actual deadlocks (wait-for cycles over threads, locks and tasks) and pool starvation. */
public final class DeadlockRule extends FindingFamilyRule {
  /** Creates the rule; JMC finds it through the service loader. */
  public DeadlockRule() {
    super("LockwatchDeadlock", "Lockwatch: Deadlocks and Pool Starvation", "deadlocks or pool starvation", Set.of("DEADLOCK", "POOL_STARVATION", "POOL_SELF_WAIT"));
  }

  @Override
  String meaning() {
    return "Threads waited for each other in a cycle (locks, futures, tasks), or workers of a bounded pool waited on tasks queued in that same pool. These threads make no progress until the process is restarted; a pool self-wait starves the pool as soon as every worker does it.";
  }

  @Override
  String solution() {
    return "Break the cycle: acquire the locks in one order, or do not hold a lock while waiting for a task that needs it. For pools, never block a worker on a task of its own bounded pool: submit the dependent work to another pool, compose futures asynchronously (thenCompose) or use a ForkJoinPool with managed blocking.";
  }
}
