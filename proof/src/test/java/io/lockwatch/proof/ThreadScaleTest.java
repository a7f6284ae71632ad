package io.lockwatch.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lockwatch.proof.apps.ThreadScaleApp;
import io.lockwatch.proof.internal.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 platform threads and 100,000 virtual threads alive at once under the agent: the app
 * finishes, the agent reports no error, and the recording holds {@code lockwatch.RuntimeHealth}
 * with its drop counters (drops are counted, not fatal).
 */
class ThreadScaleTest {
  @TempDir
  Path dir;

  @Test
  void thousandPlatformThreads() throws Exception {
    check("platform", 1_000);
  }

  @Test
  void hundredThousandVirtualThreads() throws Exception {
    int feature = Fixtures.javaFeature();
    assumeTrue(feature >= 21, "virtual threads need JDK 21+; this JDK is " + feature);
    check("virtual", 100_000);
  }

  private void check(String kind, int n) throws Exception {
    Path jfr = dir.resolve(kind + ".jfr");
    ChildJvm.Result r = Fixtures.run(
        List.of("-Xmx1g", "-javaagent:" + Fixtures.agentJar() + "=recording=" + jfr),
        ThreadScaleApp.class, List.of(kind, Integer.toString(n)), Duration.ofSeconds(180));
    assertEquals(0, r.exitCode, r.toString());
    assertEquals("APP DONE " + n, r.lastLineStartingWith("APP DONE"), r.toString());
    assertFalse(Fixtures.hasStackTrace(r.stderr), r.toString());
    List<RecordedEvent> health = Fixtures.events(jfr, "lockwatch.RuntimeHealth");
    assertFalse(health.isEmpty(), "no lockwatch.RuntimeHealth in the recording");
    RecordedEvent last = health.get(health.size() - 1);
    for (String counter : new String[] {"locksDropped", "edgesDropped", "threadsDropped",
        "tasksDropped", "unmatchedReleases", "suppressedErrors"}) {
      last.getLong(counter); // present (throws if the field is missing)
    }
    System.out.println(kind + " " + n + ": last RuntimeHealth " + last);
    long maxTrackedThreads = health.stream().mapToLong(e -> e.getLong("trackedThreads")).max()
        .orElse(0);
    long maxLocks = health.stream().mapToLong(e -> e.getLong("registeredLocks")).max().orElse(0);
    assertTrue(maxLocks > 0 || last.getLong("locksDropped") > 0,
        "the agent registered no lock at all: " + last);
    System.out.println(kind + " " + n + ": max trackedThreads " + maxTrackedThreads
        + ", max registeredLocks " + maxLocks);
  }
}
