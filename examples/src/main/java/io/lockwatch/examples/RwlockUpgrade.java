package io.lockwatch.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Pattern 3: a {@code ReentrantReadWriteLock} read→write upgrade, which always deadlocks: the
 * write lock waits for every reader to leave, including the thread itself. With {@code
 * --try-timeout-ms=N} the upgrade uses {@code writeLock().tryLock(N ms)}, fails, and the scenario
 * exits, which keeps the hazard observable without a hang.
 *
 * <p>Fixed twin: release the read lock before taking the write lock, then re-check.
 */
final class RwlockUpgrade {
  private static final int FIXED_ITERATIONS = 20;

  private RwlockUpgrade() {}

  static void hazard(ScenarioContext ctx) throws InterruptedException {
    ReadWriteLock config = ScenarioLocks.readWriteLock("config");
    Map<String, String> settings = new HashMap<>();
    long tryTimeoutMs = ctx.options().number("try-timeout-ms", 0);
    ctx.ready();
    config.readLock().lock();
    try {
      if (!settings.containsKey("endpoint")) {
        ctx.hazard("holds the read lock of 'config' and asks for its write lock");
        if (tryTimeoutMs == 0) {
          config.writeLock().lock();
          try {
            settings.put("endpoint", "http://localhost");
          } finally {
            config.writeLock().unlock();
          }
        } else if (config.writeLock().tryLock(tryTimeoutMs, TimeUnit.MILLISECONDS)) {
          config.writeLock().unlock();
          throw new IllegalStateException("a read->write upgrade succeeded: impossible");
        } else {
          ctx.info("upgrade timed out after " + tryTimeoutMs + " ms");
        }
      }
    } finally {
      config.readLock().unlock();
    }
  }

  static void fixed(ScenarioContext ctx) throws InterruptedException {
    ReadWriteLock config = ScenarioLocks.readWriteLock("config");
    Map<String, String> settings = new HashMap<>();
    long[] refreshes = new long[1];
    Runnable refresher = () -> {
      for (int i = 0; i < FIXED_ITERATIONS; i++) {
        boolean stale;
        config.readLock().lock();
        try {
          stale = !settings.containsKey("endpoint-" + i);
        } finally {
          config.readLock().unlock();
        }
        if (stale) {
          config.writeLock().lock();
          try {
            if (settings.putIfAbsent("endpoint-" + i, "http://localhost") == null) {
              refreshes[0]++;
            }
          } finally {
            config.writeLock().unlock();
          }
        }
      }
    };
    ctx.start("refresher-1", refresher);
    ctx.start("refresher-2", refresher);
    ctx.ready();
    ctx.joinAll();
    ctx.info("refreshes=" + refreshes[0]);
  }
}
