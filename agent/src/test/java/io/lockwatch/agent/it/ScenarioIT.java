package io.lockwatch.agent.it;

import static io.lockwatch.agent.it.AgentJvm.className;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.Lockwatch;
import io.lockwatch.agent.it.AgentJvm.Run;
import io.lockwatch.examples.Scenarios;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code examples/} scenarios under the agent, in forked JVMs with only {@code -javaagent}
 * added (hanging scenarios end through their own {@code --max-seconds}).
 */
@Timeout(300)
class ScenarioIT {
  private static Run scenario(String... args) throws Exception {
    return AgentJvm.run("", List.of(), List.of(AgentJvm.locationOf(Scenarios.class),
        AgentJvm.locationOf(Lockwatch.class)), Scenarios.class.getName(), args);
  }

  private static boolean edge(RecordedEvent e, String held, String acquired) {
    return held.equals(e.getString("heldLockName")) && acquired.equals(e.getString("acquiredLockName"));
  }

  @Test
  void deadlyEmbraceLatent_monitors_bothOrdersRecorded() throws Exception {
    Run run = scenario("deadly-embrace-latent");
    assertEquals(0, run.exitCode, run::toString);
    List<RecordedEvent> edges = run.events("lockwatch.LockOrder");
    assertTrue(edges.stream().anyMatch(e -> edge(e, "cache", "db")), edges::toString);
    assertTrue(edges.stream().anyMatch(e -> edge(e, "db", "cache")), edges::toString);
  }

  @Test
  void deadlyEmbraceLatent_reentrantLocks_bothOrdersRecordedWithTheirNames() throws Exception {
    Run run = scenario("deadly-embrace-latent", "--lock=reentrant");
    assertEquals(0, run.exitCode, run::toString);
    List<RecordedEvent> edges = run.events("lockwatch.LockOrder");
    assertTrue(edges.stream().anyMatch(e -> edge(e, "cache", "db")), edges::toString);
    assertTrue(edges.stream().anyMatch(e -> edge(e, "db", "cache")), edges::toString);
  }

  @Test
  void deadlyEmbraceFixedTwin_onlyOneOrder() throws Exception {
    Run run = scenario("deadly-embrace-latent-fixed");
    assertEquals(0, run.exitCode, run::toString);
    List<RecordedEvent> edges = run.events("lockwatch.LockOrder");
    assertTrue(edges.stream().anyMatch(e -> edge(e, "cache", "db")), edges::toString);
    assertTrue(edges.stream().noneMatch(e -> edge(e, "db", "cache")), edges::toString);
  }

  @Test
  void callbackReentry_stampedLock_isReportedBeforeItHangs() throws Exception {
    Run run = scenario("callback-reentry", "--max-seconds", "3");
    List<RecordedEvent> self = run.events("lockwatch.SelfDeadlock",
        e -> "reentry".equals(e.getString("kind")));
    assertEquals(1, self.size(), run::toString);
    assertEquals("java.util.concurrent.locks.StampedLock", className(self.get(0), "lockClass"));
  }

  @Test
  void callbackReentry_semaphoreMutex_isReportedBeforeItHangs() throws Exception {
    Run run = scenario("callback-reentry", "--lock=semaphore", "--max-seconds", "3");
    List<RecordedEvent> self = run.events("lockwatch.SelfDeadlock",
        e -> "reentry".equals(e.getString("kind")));
    assertEquals(1, self.size(), run::toString);
    assertEquals("java.util.concurrent.Semaphore", className(self.get(0), "lockClass"));
  }

  @Test
  void rwlockUpgrade_isReportedWithTheLocksName() throws Exception {
    Run run = scenario("rwlock-upgrade", "--try-timeout-ms=100");
    assertEquals(0, run.exitCode, run::toString);
    List<RecordedEvent> self = run.events("lockwatch.SelfDeadlock",
        e -> "upgrade".equals(e.getString("kind")));
    assertEquals(1, self.size(), run::toString);
    assertEquals("config", self.get(0).getString("lockName"));
  }

  @Test
  void executorUnderLock_parallelStream_submissionToTheCommonPoolUnderState() throws Exception {
    Run run = scenario("executor-under-lock", "--max-seconds", "4");
    List<RecordedEvent> submits = run.events("lockwatch.ExecutorSubmit",
        e -> className(e, "executorClass").equals("java.util.concurrent.ForkJoinPool")
            && e.getString("heldLocks").contains("state"));
    assertTrue(!submits.isEmpty(), run::toString);
  }

  @Test
  void waitUnderLock_sleepAndFutureGetUnderState() throws Exception {
    Run run = scenario("wait-under-lock");
    assertEquals(0, run.exitCode, run::toString);
    List<RecordedEvent> waits = run.events("lockwatch.BlockingWait",
        e -> e.getString("heldLocks").contains("state"));
    for (String kind : List.of("sleep", "future")) {
      assertTrue(waits.stream().anyMatch(e -> kind.equals(e.getString("waitKind"))),
          () -> kind + " missing: " + waits);
    }
  }
}
