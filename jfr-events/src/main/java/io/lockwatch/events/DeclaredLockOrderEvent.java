package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** A lock order declared through the API; written at the start and end of every chunk. */
@Name(DeclaredLockOrderEvent.NAME)
@Label("Declared Lock Order")
@Description("A lock order the application declared through the Lockwatch API, e.g. "
    + "config before users before sessions. Acquisitions against it are violations.")
@Category({"Lockwatch", "Locks"})
@Enabled(false)
@Period("endChunk")
@StackTrace(false)
public final class DeclaredLockOrderEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.DeclaredLockOrder";

  @Label("Order Name")
  public String orderName;

  @Label("Lock Names")
  @Description("The lock names in their required order, separated by ' -> '")
  public String lockNames;
}
