package io.lockwatch.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A task submitted to an executor while the submitter held at least one lock. */
@Name(ExecutorSubmitEvent.NAME)
@Label("Executor Submission Under Lock")
@Description("A task submitted to an executor while the submitting thread held at least one lock")
@Category({"Lockwatch", "Executors"})
@Enabled(false)
@StackTrace(true)
public final class ExecutorSubmitEvent extends jdk.jfr.Event {
  /** The event name, as it appears in recordings. */
  public static final String NAME = "lockwatch.ExecutorSubmit";

  @Label("Executor Id")
  @ExecutorId
  public long executorId;

  @Label("Executor Class")
  public Class<?> executorClass;

  @Label("Executor Name")
  public String executorName;

  @Label("Task Id")
  @Description("Identity of the submitted task, unique within one JVM run")
  public long taskId;

  @Label("Task Class")
  public Class<?> taskClass;

  @Label("Held Lock Ids")
  @Description("Ids of the locks the submitter held, comma-separated, outermost first")
  public String heldLockIds;

  @Label("Held Locks")
  @Description("Names of the locks the submitter held, comma-separated, outermost first")
  public String heldLocks;
}
