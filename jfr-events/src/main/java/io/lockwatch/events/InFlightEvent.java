package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A hold, lock wait or blocking wait that is still in progress, written periodically by the
 * watchdog. A deadlock leaves no ending event; this is how it becomes visible while it lasts.
 */
@Name(InFlightEvent.NAME)
@Label("In-Flight Lock State")
@Description("A hold, lock wait or blocking wait still in progress and older than the threshold, "
    + "reported every period by the watchdog while it lasts")
@Category({"Lockwatch", "Watchdog"})
@Enabled(false)
@Period("1 s")
@StackTrace(false)
public final class InFlightEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.InFlight";

  @Label("Snapshot Id")
  @Description("Identifies one watchdog pass; all states of one pass share it")
  public long snapshotId;

  @Label("State")
  @Description("hold, lock-wait or blocking-wait")
  public String state;

  @Label("Thread")
  @Description("The thread holding or waiting")
  public Thread thread;

  @Label("Virtual")
  @Description("Whether the thread is a virtual thread")
  public boolean virtual;

  @Label("Age")
  @Description("How long the hold or wait has lasted so far")
  @Timespan(Timespan.NANOSECONDS)
  public long age;

  @Label("Lock Id")
  @LockId
  public long lockId;

  @Label("Lock Class")
  public Class<?> lockClass;

  @Label("Lock Name")
  public String lockName;

  @Label("Mode")
  public String mode;

  @Label("Owner")
  @Description("For a lock wait, a thread that holds the lock, where known")
  public Thread owner;

  @Label("Waiters")
  @Description("For a hold, the threads waiting for the lock")
  public int waiters;

  @Label("Wait Kind")
  @Description("For a blocking wait: future, latch, join, sleep, ...")
  public String waitKind;

  @Label("Task Id")
  @Description("For a blocking wait on a task: the task's id")
  public long taskId;

  @Label("Executor Id")
  @Description("For a blocking wait on a task, the executor that must run it; for a worker, "
      + "the executor whose task it is running")
  @ExecutorId
  public long executorId;

  @Label("Executor Name")
  public String executorName;

  @Label("Running Executor Id")
  @Description("The executor whose task this thread is running now, 0 if none")
  @ExecutorId
  public long runningExecutorId;

  @Label("Held Lock Ids")
  @Description("Every lock the thread holds, comma-separated, outermost first")
  public String heldLockIds;

  @Label("Held Locks")
  public String heldLocks;

  @Label("Thread Stack")
  @Description("Stack of the thread, top frames first, one frame per line")
  public String threadStack;

  @Label("Owner Stack")
  @Description("For a lock wait, the stack of the owner, one frame per line")
  public String ownerStack;
}
