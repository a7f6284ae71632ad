package io.lockwatch.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lock-free rendezvous for steering threads into a hazard deterministically. Threads wait on it
 * while holding the locks under test, so it must not be a {@code java.util.concurrent} blocker: a
 * latch there would add a "blocking wait under lock" that is not the scenario's bug. Waits spin
 * with {@code Thread.yield()} and are bounded, because they are only ever short.
 */
final class SpinGate {
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final AtomicInteger arrivals = new AtomicInteger();

  /** Records one arrival. */
  void arrive() {
    arrivals.incrementAndGet();
  }

  /** Records one arrival and waits until {@code parties} have arrived. */
  void arriveAndAwait(int parties) {
    arrive();
    await(parties);
  }

  /**
   * Waits until {@code parties} have arrived.
   *
   * @throws IllegalStateException if that takes more than ten seconds
   */
  void await(int parties) {
    long deadline = System.nanoTime() + MAX_WAIT_NANOS;
    while (arrivals.get() < parties) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("gate: only " + arrivals.get() + " of " + parties + " arrived");
      }
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  int arrivals() {
    return arrivals.get();
  }
}
