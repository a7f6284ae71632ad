package io.lockwatch.runtime;

import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;

/**
 * Registers the periodic hooks of the in-flight, health and declared-order events, once JFR is
 * initialized (registering earlier would initialize JFR). This class is internal.
 */
final class PeriodicEvents {
  /*
   * No monitor here on purpose: JFR calls register() (via the recorder listener) while holding its
   * own recorder lock, and addPeriodicEvent takes that lock. A monitor would invert that order
   * against a thread that registers first. The CAS lets exactly one caller register.
   */
  private static final AtomicBoolean REGISTERED = new AtomicBoolean();

  private PeriodicEvents() {}

  static void register() {
    if (!REGISTERED.compareAndSet(false, true)) {
      return;
    }
    try {
      FlightRecorder.addPeriodicEvent(InFlightEvent.class, InFlightWatchdog::emitInFlight);
      FlightRecorder.addPeriodicEvent(RuntimeHealthEvent.class, InFlightWatchdog::emitHealth);
      FlightRecorder.addPeriodicEvent(DeclaredLockOrderEvent.class, DeclaredOrders::emit);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }
}
