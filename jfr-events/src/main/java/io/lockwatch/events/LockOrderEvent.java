package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A new lock-order edge: lock B requested while holding lock A. Written once per edge per run,
 * before the thread blocks on B.
 */
@Name(LockOrderEvent.NAME)
@Label("Lock Order")
@Description("A new lock-order edge: the second lock was requested while the first was held. "
    + "Written once per distinct edge, before the acquisition can block. The raw material of "
    + "deadlock prediction.")
@Category({"Lockwatch", "Locks"})
@Enabled(false)
@StackTrace(true)
public final class LockOrderEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.LockOrder";

  @Label("Held Lock Id")
  @LockId
  public long heldLockId;

  @Label("Held Lock Class")
  public Class<?> heldLockClass;

  @Label("Held Lock Name")
  public String heldLockName;

  @Label("Held Mode")
  @Description("monitor, exclusive, read or write")
  public String heldMode;

  @Label("Acquired Lock Id")
  @LockId
  public long acquiredLockId;

  @Label("Acquired Lock Class")
  public Class<?> acquiredLockClass;

  @Label("Acquired Lock Name")
  public String acquiredLockName;

  @Label("Acquired Mode")
  @Description("monitor, exclusive, read or write")
  public String acquiredMode;

  @Label("All Held Lock Ids")
  @Description("Ids of every lock held at the nested acquisition, comma-separated, outermost "
      + "first; a lock common to both sides of a cycle is a gate lock")
  public String heldLockIds;
}
