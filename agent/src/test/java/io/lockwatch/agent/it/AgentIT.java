package io.lockwatch.agent.it;

import static io.lockwatch.agent.it.AgentJvm.className;
import static io.lockwatch.agent.it.AgentJvm.hasFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.agent.it.AgentJvm.Run;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The agent's recorded events for each kind of primitive, in forked JVMs. */
@Timeout(300)
class AgentIT {
  private static final String ORDER = "lockwatch.LockOrder";
  private static final String SELF = "lockwatch.SelfDeadlock";
  private static final String HOLD = "lockwatch.LockHold";
  private static final String RL_SYNC = "java.util.concurrent.locks.ReentrantLock$";
  private static final String RW_SYNC = "java.util.concurrent.locks.ReentrantReadWriteLock$";

  private static Run ok(String program) throws Exception {
    Run run = AgentJvm.program(program);
    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.output.contains("DONE " + program), run::toString);
    assertFalse(run.output.contains("lockwatch: "), run::toString);
    return run;
  }

  @Test
  void nestedReentrantLocks_recordOneEdgeBeforeBlocking_andNoneForPlainTryLock() throws Exception {
    Run run = ok("nested-reentrant");
    List<RecordedEvent> edges = run.events(ORDER, e -> className(e, "heldLockClass")
        .startsWith(RL_SYNC) && className(e, "acquiredLockClass").startsWith(RL_SYNC));
    assertEquals(1, edges.size(), () -> "edges: " + edges);
    RecordedEvent edge = edges.get(0);
    assertEquals("exclusive", edge.getString("heldMode"));
    assertEquals("exclusive", edge.getString("acquiredMode"));
    assertTrue(hasFrame(edge, "example.app.Programs"), edge::toString);
  }

  @Test
  void synchronizedBlocksAndMethods_recordEdges() throws Exception {
    Run run = ok("nested-synchronized");
    List<RecordedEvent> edges = run.events(ORDER, e -> "monitor".equals(e.getString("heldMode"))
        && "monitor".equals(e.getString("acquiredMode")));
    assertTrue(edges.stream().anyMatch(e -> className(e, "heldLockClass").equals("java.lang.Object")
        && className(e, "acquiredLockClass").equals("java.lang.Object")), edges::toString);
    assertTrue(edges.stream().anyMatch(e -> className(e, "heldLockClass")
        .equals("example.app.Programs$Account")), () -> "synchronized method edge: " + edges);
  }

  @Test
  void readWriteLock_bothHalvesAreOneLock_andUpgradeIsReportedBeforeItBlocks() throws Exception {
    Run run = ok("read-write");
    List<RecordedEvent> edges = run.events(ORDER,
        e -> className(e, "heldLockClass").startsWith(RW_SYNC));
    assertTrue(edges.stream().anyMatch(e -> "read".equals(e.getString("heldMode"))), edges::toString);
    assertTrue(edges.stream().anyMatch(e -> "write".equals(e.getString("heldMode"))),
        edges::toString);
    List<RecordedEvent> upgrades = run.events(SELF, e -> "upgrade".equals(e.getString("kind")));
    assertEquals(1, upgrades.size(), () -> "self-deadlocks: " + upgrades);
    assertTrue(className(upgrades.get(0), "lockClass").startsWith(RW_SYNC));
  }

  @Test
  void stampedLock_edgesAndNonReentrantWriteReentry() throws Exception {
    Run run = ok("stamped");
    String stamped = "java.util.concurrent.locks.StampedLock";
    List<RecordedEvent> edges = run.events(ORDER, e -> className(e, "heldLockClass").equals(stamped)
        && className(e, "acquiredLockClass").equals(stamped));
    assertEquals(1, edges.size(), () -> "edges: " + edges);
    assertEquals("read", edges.get(0).getString("acquiredMode"));
    List<RecordedEvent> reentries = run.events(SELF, e -> "reentry".equals(e.getString("kind")));
    assertEquals(1, reentries.size(), () -> "self-deadlocks: " + reentries);
    assertEquals(stamped, className(reentries.get(0), "lockClass"));
  }

  @Test
  void executors_submissionsUnderLockNameTheLock_andTasksHaveQueueDelays() throws Exception {
    Run run = ok("executors");
    List<RecordedEvent> submits = run.events("lockwatch.ExecutorSubmit");
    assertTrue(submits.stream().anyMatch(e -> className(e, "executorClass")
        .equals("java.util.concurrent.ThreadPoolExecutor")
        && e.getString("heldLocks").contains("Object@")), submits::toString);
    assertTrue(submits.stream().anyMatch(e -> className(e, "executorClass")
        .equals("java.util.concurrent.ForkJoinPool")), submits::toString);
    List<RecordedEvent> tasks = run.events("lockwatch.TaskExecution");
    assertTrue(tasks.stream().anyMatch(e -> e.getDuration("queueDelay")
        .compareTo(Duration.ofMillis(30)) >= 0 && e.getBoolean("submittedUnderLock")),
        tasks::toString);
  }

  @Test
  void blockingWaitsUnderLock_nameWhatTheyWaitedOn() throws Exception {
    Run run = ok("waits");
    List<RecordedEvent> waits = run.events("lockwatch.BlockingWait");
    for (String kind : List.of("future", "latch", "join", "sleep", "completable-future")) {
      assertTrue(waits.stream().anyMatch(e -> kind.equals(e.getString("waitKind"))),
          () -> kind + " missing in " + waits);
    }
    // a timed-out wait ends while its task still runs, so what it waited on is always known
    for (String kind : List.of("future", "completable-future")) {
      RecordedEvent timedOut = waits.stream().filter(e -> kind.equals(e.getString("waitKind"))
          && "timed-out".equals(e.getString("outcome"))).findFirst().orElseThrow(
              () -> new AssertionError("no timed-out " + kind + " wait in " + waits));
      assertTrue(timedOut.getLong("taskId") != 0 && timedOut.getLong("executorId") != 0,
          timedOut::toString);
      assertTrue(timedOut.getString("executorName").contains("ThreadPoolExecutor"),
          timedOut::toString);
      // a ReentrantLock's identity is its AQS (sync), shared with its Conditions
      assertTrue(timedOut.getString("heldLocks").contains("Sync@"), timedOut::toString);
    }
  }

  @Test
  void conditionWait_isNotAHold() throws Exception {
    Run run = ok("condition-wait");
    List<RecordedEvent> long_ = run.events(HOLD, e -> e.getDuration()
        .compareTo(Duration.ofMillis(200)) >= 0);
    assertEquals(List.of(), long_);
  }

  @Test
  void objectWait_isNotAHold() throws Exception {
    Run run = ok("object-wait");
    List<RecordedEvent> long_ = run.events(HOLD, e -> e.getDuration()
        .compareTo(Duration.ofMillis(200)) >= 0);
    assertEquals(List.of(), long_);
  }
}
