package io.lockwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import io.lockwatch.events.LockwatchSettings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs (the JDK of {@code lockwatch.test.java}) started with
 * {@code -XX:StartFlightRecording:settings=default,settings=lockwatch.jfc}: the file is accepted,
 * and only it makes Lockwatch events appear.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ForkedJvmSettingsTest {
  @TempDir Path dir;

  @Test
  void lockwatchJfc_isAcceptedBesideDefault_andRecordsLockwatchEvents() throws Exception {
    Path jfc = LockwatchSettings.writeTo(dir);
    Path jfr = dir.resolve("with-lockwatch.jfr");
    List<RecordedEvent> events = runChild(
        "-XX:StartFlightRecording:settings=default,settings=" + jfc + ",filename=" + jfr
            + ",dumponexit=true", jfr);
    List<RecordedEvent> holds = events.stream()
        .filter(e -> e.getEventType().getName().equals(LockHoldEvent.NAME))
        .collect(Collectors.toList());
    assertTrue(holds.stream().anyMatch(e -> e.getString("lockName").equals("forked-inner")),
        holds.toString());
    List<RecordedEvent> edges = events.stream()
        .filter(e -> e.getEventType().getName().equals(LockOrderEvent.NAME))
        .collect(Collectors.toList());
    assertEquals(1, edges.size(), edges.toString());
    assertEquals("forked-outer", edges.get(0).getString("heldLockName"));
    assertEquals("forked-inner", edges.get(0).getString("acquiredLockName"));
  }

  @Test
  void defaultSettingsOnly_recordNoLockwatchEvents() throws Exception {
    Path jfr = dir.resolve("default-only.jfr");
    List<RecordedEvent> events = runChild(
        "-XX:StartFlightRecording:settings=default,filename=" + jfr + ",dumponexit=true", jfr);
    assertTrue(events.size() > 0);
    List<String> names = events.stream().map(e -> e.getEventType().getName())
        .filter(n -> n.startsWith("lockwatch.")).distinct().collect(Collectors.toList());
    assertEquals(List.of(), names);
  }

  private List<RecordedEvent> runChild(String flightRecorderOption, Path jfr) throws Exception {
    String java = System.getProperty("lockwatch.test.java",
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add(flightRecorderOption);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ForkedHoldScenario.class.getName());
    Path log = dir.resolve("child.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    try {
      assertTrue(p.waitFor(90, TimeUnit.SECONDS), "child did not exit");
      String out = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      assertTrue(out.contains("DONE"), out);
    } finally {
      p.destroyForcibly();
    }
    return RecordingFile.readAllEvents(jfr);
  }
}
