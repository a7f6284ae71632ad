package io.lockwatch.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class FieldReaderTest {
  /** Fields of both event types, fields of one only, and a field of neither. */
  private static final FieldReader.Layout LAYOUT = new FieldReader.Layout("eventThread",
      "stackTrace", "heldLockId", "lockId", "heldLockName", "lockName", "acquiredLockClass",
      "heldLockIds", "noSuchField", "waitersAtRelease");

  @Test
  void typedReadsByLayout_giveWhatReadsByNameGive_acrossEventTypesAndChunks() throws Exception {
    Path file = Files.createTempFile("field-reader", ".jfr");
    try (Recording r = new Recording()) {
      r.enable(LockOrderEvent.NAME).withStackTrace().withThreshold(Duration.ZERO);
      r.enable(LockHoldEvent.NAME).withStackTrace().withThreshold(Duration.ZERO);
      r.start();
      for (int i = 0; i < 4; i++) {
        TestLockEvents.order(i, Object.class, i % 2 == 0 ? "held-" + i : null, null, 100 + i,
            i % 2 == 0 ? String.class : null, null, null, i + ",7");
        TestLockEvents.hold(i, "hold-" + i, i == 3 ? -5 : i);
        if (i == 1) {
          // A new chunk: new field-list objects for the same event types.
          try (Recording next = new Recording()) {
            next.start();
          }
        }
      }
      r.stop();
      r.dump(file);
    }
    int events = 0;
    try {
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        FieldReader f = FieldReader.bind(e, LAYOUT);
        assertEquals(Events.eventThread(e), f.eventThread(0));
        assertSame(Events.stackTrace(e), f.stackTrace(1));
        assertEquals(Events.longValue(e, "heldLockId"), f.longValue(2));
        assertEquals(Events.longValue(e, "lockId"), f.longValue(3));
        assertEquals(Events.string(e, "heldLockName"), f.string(4));
        assertEquals(Events.string(e, "lockName"), f.string(5));
        RecordedClass c = f.recordedClass(6);
        assertEquals(Events.className(e, "acquiredLockClass"), c == null ? "" : c.getName());
        assertEquals(Events.string(e, "heldLockIds"), f.string(7));
        assertEquals("", f.string(8));
        assertEquals(0L, f.longValue(8));
        assertEquals(Events.longValue(e, "waitersAtRelease"), f.longValue(9));
        assertThrows(IllegalArgumentException.class, () -> f.id(8));
        assertThrows(IllegalArgumentException.class, () -> f.value(8));
        if (e.getEventType().getName().equals(LockHoldEvent.NAME)) {
          assertThrows(IllegalArgumentException.class, () -> f.id(2));
        }
        events++;
      }
    } finally {
      Files.deleteIfExists(file);
    }
    assertEquals(8, events);
  }
}
