package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/** A blocking wait (future, latch, join, sleep, I/O) made while holding at least one lock. */
@Name(BlockingWaitEvent.NAME)
@Label("Blocking Wait Under Lock")
@Description("A wait on a Future, CompletableFuture, ForkJoinTask, latch, barrier, Thread.join or "
    + "sleep made while holding at least one lock")
@Category({"Lockwatch", "Waits"})
@Enabled(false)
@Threshold("1 ms")
@StackTrace(true)
public final class BlockingWaitEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.BlockingWait";

  @Label("Wait Kind")
  @Description("future, completable-future, fork-join, latch, barrier, join, sleep or io")
  public String waitKind;

  @Label("Target Class")
  @Description("Class of the object waited on")
  public Class<?> targetClass;

  @Label("Task Id")
  @Description("Id of the task waited on, 0 if not a task")
  public long taskId;

  @Label("Executor Id")
  @Description("Id of the executor that must run the task waited on, 0 if unknown")
  @ExecutorId
  public long executorId;

  @Label("Executor Name")
  public String executorName;

  @Label("Held Lock Ids")
  @Description("Ids of the locks held during the wait, comma-separated, outermost first")
  public String heldLockIds;

  @Label("Held Locks")
  @Description("Names of the locks held during the wait, comma-separated, outermost first")
  public String heldLocks;

  @Label("Outcome")
  @Description("completed, timed-out, interrupted or failed")
  public String outcome;
}
