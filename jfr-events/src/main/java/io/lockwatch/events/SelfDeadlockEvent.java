package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * An attempt to re-acquire a non-reentrant lock already held by the same thread, or a read to write
 * upgrade: the thread is about to block forever on itself.
 */
@Name(SelfDeadlockEvent.NAME)
@Label("Non-Reentrant Re-Entry")
@Description("A thread requested a lock it already holds and that is not reentrant in that mode "
    + "(StampedLock, Semaphore mutex, read to write upgrade). Written before it blocks.")
@Category({"Lockwatch", "Locks"})
@Enabled(false)
@StackTrace(true)
public final class SelfDeadlockEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.SelfDeadlock";

  @Label("Lock Id")
  @LockId
  public long lockId;

  @Label("Lock Class")
  public Class<?> lockClass;

  @Label("Lock Name")
  public String lockName;

  @Label("Held Mode")
  public String heldMode;

  @Label("Requested Mode")
  public String requestedMode;

  @Label("Kind")
  @Description("reentry or upgrade")
  public String kind;
}
