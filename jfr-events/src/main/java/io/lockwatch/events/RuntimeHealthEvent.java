package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Lockwatch's own health: table sizes, and items dropped because a table or cap was full. */
@Name(RuntimeHealthEvent.NAME)
@Label("Lockwatch Health")
@Description("Sizes of the runtime's tables and counts of items it dropped or could not track; "
    + "every drop is counted here")
@Category({"Lockwatch", "Health"})
@Enabled(false)
@Period("1 s")
@StackTrace(false)
public final class RuntimeHealthEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.RuntimeHealth";

  @Label("Tracked Threads")
  public long trackedThreads;

  @Label("Registered Locks")
  public long registeredLocks;

  @Label("Known Order Edges")
  public long knownEdges;

  @Label("Tracked Tasks")
  public long trackedTasks;

  @Label("Locks Dropped")
  @Description("Locks not registered because the lock table was full")
  public long locksDropped;

  @Label("Edges Dropped")
  @Description("Order edges not recorded because the edge cache was full or a lock had no id")
  public long edgesDropped;

  @Label("Edge Cache Renewals")
  @Description("Times the full edge cache was emptied so that new order edges are learned again")
  public long edgeCacheRenewals;

  @Label("Threads Dropped")
  @Description("Threads not tracked by the watchdog because its table was full")
  public long threadsDropped;

  @Label("Tasks Dropped")
  @Description("Task submissions not tracked because the task table was full")
  public long tasksDropped;

  @Label("Unmatched Releases")
  @Description("Releases of a lock that the releasing thread was not known to hold")
  public long unmatchedReleases;

  @Label("Clock Stalls")
  @Description("Ticks of Lockwatch's coarse clock that came more than 5 ms late because its thread "
      + "was starved of CPU; holds and waits shorter than such a stall may be missed")
  public long clockStalls;

  @Label("Max Clock Lag")
  @Description("The longest gap between two coarse clock ticks since the previous health event")
  @Timespan(Timespan.NANOSECONDS)
  public long clockMaxLag;

  @Label("Suppressed Errors")
  @Description("Errors caught inside Lockwatch hooks (the application was not affected)")
  public long suppressedErrors;
}
