package io.lockwatch.runtime;

import io.lockwatch.events.DeclaredLockOrderEvent;
import io.lockwatch.events.InFlightEvent;
import io.lockwatch.events.RuntimeHealthEvent;
import jdk.jfr.FlightRecorder;

/**
 * Registers the periodic hooks of the in-flight, health and declared-order events, once JFR is
 * initialized (registering earlier would initialize JFR). This class is internal.
 */
final class PeriodicEvents {
  private static boolean registered;

  private PeriodicEvents() {}

  static synchronized void register() {
    if (registered) {
      return;
    }
    registered = true;
    try {
      FlightRecorder.addPeriodicEvent(InFlightEvent.class, InFlightWatchdog::emitInFlight);
      FlightRecorder.addPeriodicEvent(RuntimeHealthEvent.class, InFlightWatchdog::emitHealth);
      FlightRecorder.addPeriodicEvent(DeclaredLockOrderEvent.class, DeclaredOrders::emit);
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    }
  }
}
