package io.lockwatch.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.app.ThirdPartyMonitors;
import io.lockwatch.Lockwatch;
import io.lockwatch.agent.it.AgentJvm.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.commons.collections4.collection.SynchronizedCollection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Options, the user's own recording, the explicit API on the class path, a third-party library. */
@Timeout(300)
class AgentSetupIT {
  @Test
  void badOptions_printOneLineEach_andTheApplicationRuns() throws Exception {
    Run run = AgentJvm.run("bogus=1,hold-threshold=abc", List.of(), List.of(),
        "example.app.Programs", "nested-reentrant");
    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.output.contains("DONE nested-reentrant"), run::toString);
    List<String> lines = run.output.lines().filter(l -> l.startsWith("lockwatch: "))
        .collect(Collectors.toList());
    assertEquals(2, lines.size(), run::toString);
    assertTrue(lines.get(0).contains("unknown option 'bogus'"), run::toString);
    assertTrue(lines.get(1).contains("hold-threshold"), run::toString);
    assertFalse(run.events("lockwatch.LockOrder").isEmpty(), "still recording");
  }

  @Test
  void disabled_instrumentsNothing() throws Exception {
    Run run = AgentJvm.run("enabled=false", List.of(), List.of(), "example.app.Programs",
        "nested-reentrant");
    assertEquals(0, run.exitCode, run::toString);
    assertFalse(Files.exists(run.recording), "no recording when disabled");
  }

  @Test
  void applicationWithTheApiOnItsClassPath_usesTheBootstrapCopy() throws Exception {
    Run run = AgentJvm.run("", List.of(), List.of(AgentJvm.locationOf(Lockwatch.class)),
        "example.app.NamedLocks");
    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.output.contains("LOADER null"), run::toString);
    List<RecordedEvent> submits = run.events("lockwatch.ExecutorSubmit",
        e -> e.getString("heldLocks").contains("accounts"));
    assertEquals(1, submits.size(), run::toString);
  }

  @Test
  void usersOwnRecording_withoutLockwatchSettings_stillGetsTheEvents() throws Exception {
    Path user = Files.createTempDirectory("lockwatch-user").resolve("user.jfr");
    // no recording= key: the agent's small recording only feeds the shared repository
    Run run = AgentJvm.runWithoutRecordingKey(List.of(
        "-XX:StartFlightRecording:settings=default,filename=" + user), "example.app.Programs",
        "nested-synchronized");
    assertEquals(0, run.exitCode, run::toString);
    List<RecordedEvent> events = RecordingFile.readAllEvents(user);
    assertTrue(events.stream().anyMatch(e -> e.getEventType().getName()
        .equals("lockwatch.LockOrder")), run::toString);
  }

  @Test
  void thirdPartyLibrarysOwnSynchronized_producesOrderEdgesInBothDirections() throws Exception {
    Run run = AgentJvm.run("", List.of(), List.of(
        AgentJvm.locationOf(SynchronizedCollection.class)), ThirdPartyMonitors.class.getName());
    assertEquals(0, run.exitCode, run::toString);
    String lib = "org.apache.commons.collections4.collection.SynchronizedCollection";
    List<RecordedEvent> edges = run.events("lockwatch.LockOrder",
        e -> AgentJvm.className(e, "heldLockClass").equals(lib)
            && AgentJvm.className(e, "acquiredLockClass").equals(lib));
    assertEquals(2, edges.size(), () -> "edges: " + edges);
    assertTrue(edges.stream().allMatch(e -> AgentJvm.hasFrame(e, lib)), edges::toString);
    assertTrue(edges.get(0).getLong("heldLockId") == edges.get(1).getLong("acquiredLockId"),
        edges::toString);
  }

  @Test
  void jdkMonitors_collectionsSynchronizedListInversionInsideJavaUtil() throws Exception {
    Run run = AgentJvm.run("jdk-monitors=true", List.of(), List.of(), "example.app.Programs",
        "jdk-collections");
    assertEquals(0, run.exitCode, run::toString);
    String list = "java.util.Collections$SynchronizedRandomAccessList";
    List<RecordedEvent> edges = run.events("lockwatch.LockOrder",
        e -> AgentJvm.className(e, "heldLockClass").equals(list)
            && AgentJvm.className(e, "acquiredLockClass").equals(list));
    assertEquals(2, edges.size(), () -> "edges: " + edges);
  }

  @Test
  void tenThousandVirtualThreads_finish_andTheAgentAddsNoPinning() throws Exception {
    Run run = AgentJvm.run("", List.of(), List.of(), "example.app.VirtualThreads",
        "@DIR@/pinned.jfr");
    Assumptions.assumeFalse(run.output.contains("SKIP"), "needs JDK 21+");
    assertEquals(0, run.exitCode, run::toString);
    assertTrue(run.output.contains("DONE virtual-threads 10000"), run::toString);
    Path pinned = run.recording.resolveSibling("pinned.jfr");
    List<RecordedEvent> withAgentFrames = RecordingFile.readAllEvents(pinned).stream()
        .filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned"))
        .filter(e -> AgentJvm.hasFrame(e, "io.lockwatch."))
        .collect(Collectors.toList());
    // Known, reported limitation (see docs/AGENT.md): on JDK 25, JFR itself can pin a virtual
    // thread for a few microseconds on a contended monitor while it writes a new order edge's
    // event (the top Lockwatch frame is the event's commit, EventWriter, or LockRuntime.newEdge,
    // depending on what the JIT inlined). That happens once per new edge, never on the lock/unlock
    // path; it is printed here and excluded. Any other pinning with a Lockwatch frame fails the test.
    List<RecordedEvent> byEventWrite = withAgentFrames.stream()
        .filter(AgentSetupIT::pinnedWhileWritingAnEdge).collect(Collectors.toList());
    byEventWrite.forEach(e -> System.out.println("pinned while JFR wrote an order event: " + e));
    List<RecordedEvent> byAgent = new java.util.ArrayList<>(withAgentFrames);
    byAgent.removeAll(byEventWrite);
    assertEquals(List.of(), byAgent);
    assertFalse(run.events("lockwatch.LockOrder").isEmpty(), run::toString);
  }

  private static boolean pinnedWhileWritingAnEdge(RecordedEvent e) {
    for (jdk.jfr.consumer.RecordedFrame f : e.getStackTrace().getFrames()) {
      String type = f.getMethod().getType().getName();
      if (type.startsWith("io.lockwatch.")) {
        return (type.equals("io.lockwatch.runtime.LockRuntime")
            && f.getMethod().getName().equals("newEdge"))
            || type.equals("io.lockwatch.runtime.EventWriter")
            || type.startsWith("io.lockwatch.events.") && f.getMethod().getName().equals("commit");
      }
    }
    return false;
  }
}
