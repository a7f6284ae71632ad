package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timestamp;

/**
 * A finding written back into the recording by the analyzer. JFR fields cannot be arrays, so a
 * finding that spans several edges (a cycle) is written as one event per edge sharing a finding id.
 */
@Name(FindingEvent.NAME)
@Label("Lockwatch Finding")
@Description("A concurrency bug found by the Lockwatch analyzer. A multi-edge finding is written "
    + "as one event per edge with the same finding id.")
@Category({"Lockwatch", "Findings"})
@Enabled(false)
@StackTrace(false)
public final class FindingEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.Finding";

  @Label("Finding Id")
  public String findingId;

  @Label("Type")
  @Description("LOCK_ORDER_CYCLE, DEADLOCK, POOL_SELF_WAIT, POOL_STARVATION, WAIT_UNDER_LOCK, "
      + "LONG_HOLD, STALL, SELF_DEADLOCK, VIRTUAL_THREAD_PINNED or ORDER_VIOLATION")
  public String type;

  @Label("Severity")
  @Description("INFO, WARNING or CRITICAL")
  public String severity;

  @Label("Summary")
  public String summary;

  @Label("First Seen")
  @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
  public long firstSeen;

  @Label("Status")
  @Description("new, updated or resolved")
  public String status;

  @Label("Part")
  @Description("Index of this event among the events of the finding, from 0")
  public int part;

  @Label("Parts")
  @Description("Number of events that make up the finding")
  public int parts;

  @Label("Thread Name")
  public String threadName;

  @Label("Thread Id")
  public long threadId;

  @Label("From Lock")
  @Description("For an edge, the lock held; otherwise the lock involved")
  public String fromLock;

  @Label("From Lock Class")
  public String fromLockClass;

  @Label("To Lock")
  @Description("For an edge, the lock requested")
  public String toLock;

  @Label("To Lock Class")
  public String toLockClass;

  @Label("Executor")
  public String executorName;

  @Label("Executor Class")
  public String executorClass;

  @Label("Stack")
  @Description("The stack of this part of the finding, one frame per line")
  public String stack;

  @Label("Related Stack")
  @Description("The other side's stack: the owner for a stall, the holder for a wait")
  public String relatedStack;
}
