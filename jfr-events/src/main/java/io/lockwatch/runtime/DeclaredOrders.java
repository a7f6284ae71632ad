package io.lockwatch.runtime;

import io.lockwatch.events.DeclaredLockOrderEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lock orders declared through the API, written as {@link DeclaredLockOrderEvent} at every chunk
 * end. This class is internal.
 */
public final class DeclaredOrders {
  private static final List<String[]> ORDERS = new CopyOnWriteArrayList<>();

  private DeclaredOrders() {}

  /**
   * Stores a declared order.
   *
   * @param orderName the declaration's name
   * @param lockNames the lock names, outermost first
   */
  public static void declare(String orderName, String... lockNames) {
    ORDERS.add(new String[] {orderName, String.join(" -> ", lockNames)});
    RuntimeSettings.init();
  }

  static void emit() {
    ThreadLockState me = ThreadLockState.current();
    int wasBusy = me.enterBusy();
    try {
      for (String[] order : ORDERS) {
        DeclaredLockOrderEvent e = new DeclaredLockOrderEvent();
        if (!e.isEnabled()) {
          return;
        }
        e.orderName = order[0];
        e.lockNames = order[1];
        e.commit();
      }
    } catch (Throwable t) {
      SuppressedErrors.record(t);
    } finally {
      me.exitBusy(wasBusy);
    }
  }
}
