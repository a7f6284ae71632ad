package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/** A contended lock acquisition that took at least the threshold, including timed-out tryLock. */
@Name(LockWaitEvent.NAME)
@Label("Lock Wait")
@Description("A contended acquisition of a lock or monitor that took at least the threshold. "
    + "Timed-out and interrupted attempts are recorded too.")
@Category({"Lockwatch", "Locks"})
@Enabled(false)
@Threshold("10 ms")
@StackTrace(true)
public final class LockWaitEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.LockWait";

  @Label("Lock Id")
  @LockId
  public long lockId;

  @Label("Lock Class")
  public Class<?> lockClass;

  @Label("Lock Name")
  public String lockName;

  @Label("Mode")
  @Description("monitor, exclusive, read or write")
  public String mode;

  @Label("Owner")
  @Description("The thread that held the lock when the wait began, where known")
  public Thread owner;

  @Label("Held Lock Ids")
  @Description("Ids of the locks the waiter already held, comma-separated, outermost first")
  public String heldLockIds;

  @Label("Held Locks")
  @Description("Names of the locks the waiter already held, comma-separated, outermost first")
  public String heldLocks;

  @Label("Outcome")
  @Description("acquired, timed-out or interrupted")
  public String outcome;
}
