package io.lockwatch.analyzer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lockwatch.events.LockHoldEvent;
import io.lockwatch.events.LockOrderEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class FieldSlotsTest {
  @Test
  void readsByPosition_giveWhatGetValueGives_forEveryFieldOfRealEvents() throws Exception {
    assertTrue(FieldSlots.enabled(), "the analyzer's tests run with jdk.jfr.consumer opened");
    Path file = Files.createTempFile("field-slots", ".jfr");
    try (Recording r = new Recording()) {
      r.enable(LockOrderEvent.NAME).withStackTrace().withThreshold(Duration.ZERO);
      r.enable(LockHoldEvent.NAME).withStackTrace().withThreshold(Duration.ZERO);
      r.enable("jdk.ThreadSleep").withThreshold(Duration.ZERO);
      r.start();
      for (int i = 0; i < 3; i++) {
        TestLockEvents.order(i, Object.class, "held-" + i, "read", 100 + i, String.class, null,
            "exclusive", i + ",7");
        TestLockEvents.hold(i, "hold-" + i, 0);
        Thread.sleep(1);
      }
      r.stop();
      r.dump(file);
    }
    int compared = 0;
    try {
      for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
        List<ValueDescriptor> fields = e.getFields();
        for (ValueDescriptor f : fields) {
          Object expected = e.getValue(f.getName());
          Object actual = FieldSlots.value(e, f.getName());
          if (expected instanceof jdk.jfr.consumer.RecordedObject) {
            assertEquals(expected.toString(), actual.toString(), f.getName());
          } else {
            assertEquals(expected, actual, f.getName());
          }
          compared++;
        }
        assertThrows(IllegalArgumentException.class, () -> FieldSlots.value(e, "noSuchField"));
      }
    } finally {
      Files.deleteIfExists(file);
    }
    assertTrue(compared > 50, "compared " + compared + " fields");
  }
}
