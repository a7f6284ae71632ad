package io.lockwatch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.Configuration;
import jdk.jfr.Enabled;
import jdk.jfr.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockwatchSettingsTest {
  private static final List<Class<? extends jdk.jfr.Event>> EVENTS = List.of(
      LockHoldEvent.class, LockWaitEvent.class, LockOrderEvent.class, SelfDeadlockEvent.class,
      ExecutorSubmitEvent.class, TaskExecutionEvent.class, BlockingWaitEvent.class,
      InFlightEvent.class, RuntimeHealthEvent.class, DeclaredLockOrderEvent.class,
      FindingEvent.class);

  @Test
  void configuration_enablesEveryLockwatchEvent_withDocumentedThresholds() {
    Configuration c = LockwatchSettings.configuration();
    Map<String, String> s = c.getSettings();
    for (Class<? extends jdk.jfr.Event> type : EVENTS) {
      String name = type.getAnnotation(Name.class).value();
      assertEquals("true", s.get(name + "#enabled"), name);
      assertEquals(false, type.getAnnotation(Enabled.class).value(), name + " off by default");
    }
    assertEquals("10 ms", s.get(LockHoldEvent.NAME + "#threshold"));
    assertEquals("10 ms", s.get(LockWaitEvent.NAME + "#threshold"));
    assertEquals("10 ms", s.get(TaskExecutionEvent.NAME + "#threshold"));
    assertEquals("1 ms", s.get(BlockingWaitEvent.NAME + "#threshold"));
    assertEquals("1 s", s.get(InFlightEvent.NAME + "#period"));
    assertEquals("1 s", s.get(RuntimeHealthEvent.NAME + "#period"));
    assertEquals("Lockwatch", c.getLabel());
  }

  @Test
  void writeTo_writesTheShippedFile(@TempDir Path dir) throws Exception {
    Path file = LockwatchSettings.writeTo(dir);
    assertEquals("lockwatch.jfc", file.getFileName().toString());
    assertEquals(LockwatchSettings.text(), Files.readString(file));
    assertTrue(Configuration.create(file).getSettings().size() > 20);
  }
}
