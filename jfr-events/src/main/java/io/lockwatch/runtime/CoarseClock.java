package io.lockwatch.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A coarse monotonic clock: a daemon ticker thread ("lockwatch-clock") copies
 * {@link System#nanoTime()} into a static field about every millisecond, so that hot paths read a
 * field (under 1 ns) instead of calling {@code nanoTime} (about 24 ns). This class is internal.
 *
 * <p>Accuracy: a reading lags the real time by up to one tick plus scheduling delay of the ticker.
 * The hooks therefore compare coarse elapsed times against {@code threshold - SLACK_NANOS} and take
 * a precise {@code nanoTime} only on the slow path that decides to commit. The ticker parks for
 * 100 ms at a time while no recording enables a Lockwatch event, and is refreshed on re-enabling.
 */
public final class CoarseClock {
  /** Tick period of the clock thread. */
  public static final long TICK_NANOS = 1_000_000L;
  /** Slack subtracted from thresholds on the coarse comparison (a tick plus scheduling delay). */
  public static final long SLACK_NANOS = 2 * TICK_NANOS;

  /**
   * The coarse time, in {@code System.nanoTime} units. Volatile so readers never see a value
   * hoisted out of a loop; on x86 a volatile read costs the same as a plain one.
   */
  static volatile long nowNanos = System.nanoTime();

  private static final Object START_LOCK = new Object();
  private static volatile Thread ticker;

  private CoarseClock() {}

  /**
   * Returns the coarse time.
   *
   * @return the coarse time in {@code System.nanoTime} units
   */
  public static long now() {
    return nowNanos;
  }

  /** Starts the ticker thread if it is not running, and refreshes the time at once. */
  static void start() {
    nowNanos = System.nanoTime();
    Thread t = ticker;
    if (t != null) {
      LockSupport.unpark(t);
      return;
    }
    synchronized (START_LOCK) {
      if (ticker == null) {
        Thread thread = new Thread(CoarseClock::tick, "lockwatch-clock");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        ticker = thread;
        thread.start();
      }
    }
  }

  private static void tick() {
    ThreadLockState.markInternal();
    while (true) {
      try {
        nowNanos = System.nanoTime();
        if (RuntimeSettings.active) {
          LockSupport.parkNanos(TICK_NANOS);
        } else {
          LockSupport.parkNanos(100 * TICK_NANOS);
        }
      } catch (Throwable t) {
        SuppressedErrors.record(t);
      }
    }
  }
}
