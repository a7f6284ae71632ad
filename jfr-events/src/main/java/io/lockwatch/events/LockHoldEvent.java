package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/** A lock held for at least the configured threshold; the event spans the hold. */
@Name(LockHoldEvent.NAME)
@Label("Lock Hold")
@Description("A lock or monitor held for at least the threshold. The event spans the hold; "
    + "a wait on a Condition or Object.wait ends a hold, and the re-acquisition starts a new one.")
@Category({"Lockwatch", "Locks"})
@Enabled(false)
@Threshold("10 ms")
@StackTrace(true)
public final class LockHoldEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.LockHold";

  @Label("Lock Id")
  @Description("Identity of the lock, unique within one JVM run")
  @LockId
  public long lockId;

  @Label("Lock Class")
  @Description("Class of the lock object (the monitor's class for synchronized)")
  public Class<?> lockClass;

  @Label("Lock Name")
  @Description("Readable name: the name given through the API, or class@id")
  public String lockName;

  @Label("Mode")
  @Description("monitor, exclusive, read or write")
  public String mode;

  @Label("Waiters At Release")
  @Description("Threads waiting for this lock when it was released, as far as Lockwatch saw them")
  public int waitersAtRelease;
}
