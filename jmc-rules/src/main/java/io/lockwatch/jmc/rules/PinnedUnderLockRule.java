package io.lockwatch.jmc.rules;

import java.util.Set;

/** Reports virtual threads pinned to their carrier while holding a lock. */
public final class PinnedUnderLockRule extends FindingFamilyRule {
  /** Creates the rule; JMC finds it through the service loader. */
  public PinnedUnderLockRule() {
    super("LockwatchPinnedUnderLock", "Lockwatch: Virtual Threads Pinned Under a Lock", "virtual threads pinned under a lock", Set.of("VIRTUAL_THREAD_PINNED"));
  }

  @Override
  String meaning() {
    return "A virtual thread blocked while holding a monitor (synchronized) or inside native code, so it stayed mounted on its carrier thread. With few carriers (one per core by default) a handful of pinned threads stall every other virtual thread in the JVM, and a pinned holder can deadlock with threads waiting to mount.";
  }

  @Override
  String solution() {
    return "Replace synchronized around blocking code with a java.util.concurrent lock (ReentrantLock), or move the blocking call out of the synchronized block. On JDK 24+ (JEP 491) monitors no longer pin, but native frames and class initialization still do.";
  }
}
