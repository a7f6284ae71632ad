package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/**
 * A task run by an executor. The event spans the task's latency, from submission to the end of its
 * run, so that a long queue delay passes the threshold as well as a long run.
 */
@Name(TaskExecutionEvent.NAME)
@Label("Task Execution")
@Description("A task run by an executor, spanning submission to completion; queue delay is the "
    + "part spent waiting for a worker")
@Category({"Lockwatch", "Executors"})
@Enabled(false)
@Threshold("10 ms")
@StackTrace(false)
public final class TaskExecutionEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.TaskExecution";

  @Label("Executor Id")
  @ExecutorId
  public long executorId;

  @Label("Executor Class")
  public Class<?> executorClass;

  @Label("Executor Name")
  public String executorName;

  @Label("Task Id")
  public long taskId;

  @Label("Task Class")
  public Class<?> taskClass;

  @Label("Queue Delay")
  @Description("Time from submission until a worker started the task")
  @Timespan(Timespan.NANOSECONDS)
  public long queueDelay;

  @Label("Run Time")
  @Description("Time the worker spent running the task")
  @Timespan(Timespan.NANOSECONDS)
  public long runTime;

  @Label("Submitted Under Lock")
  @Description("Whether the submitter held a lock when it submitted the task")
  public boolean submittedUnderLock;

  @Label("Worker")
  @Description("The thread that ran the task")
  public Thread worker;
}
