package io.lockwatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.analyzer.internal.RunContext;
import io.lockwatch.analyzer.source.FileAnalysis;
import io.lockwatch.events.LockOrderEvent;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class BoundedMemoryTest {
  static final int LOCKS = 1_000_000;
  static final int MAX_NODES = 50_000;
  static final int MAX_EDGES = 200_000;

  @Test
  void millionShortLivedLocks_retainBoundedGraph() throws Exception {
    Path file;
    try (TestRecording r = new TestRecording()) {
      // Each event nests a fresh lock inside another fresh lock: 1,000,000 distinct lock ids.
      LockOrderEvent e = new LockOrderEvent();
      for (long i = 1; i < LOCKS; i += 2) {
        e.heldLockId = i;
        e.heldLockClass = Object.class;
        e.heldLockName = "";
        e.heldMode = "monitor";
        e.acquiredLockId = i + 1;
        e.acquiredLockClass = Object.class;
        e.acquiredLockName = "";
        e.acquiredMode = "monitor";
        e.heldLockIds = Long.toString(i);
        e.commit();
      }
      file = r.dump(TestRecording.tempDir(), "million.jfr");
    }
    LockwatchAnalyzer a = AnalyzerOptions.builder().setGraphCaps(MAX_NODES, MAX_EDGES).build()
        .newAnalyzer();
    assertEquals(List.of(), FileAnalysis.analyze(a, List.of(file)));
    LockwatchAnalyzer.RetainedState s = a.retained();
    assertEquals(LOCKS / 2, s.events());
    // Stated bound: two graphs of at most MAX_NODES nodes and MAX_EDGES edges each; per-run lock
    // table of at most RunContext.MAX_LOCKS.
    assertTrue(s.graphNodes() <= 2 * MAX_NODES, s.toString());
    assertTrue(s.graphEdges() <= 2 * MAX_EDGES, s.toString());
    assertTrue(s.runLocks() <= RunContext.MAX_LOCKS, s.toString());
    assertEquals(List.of(), a.findings());
  }
}
