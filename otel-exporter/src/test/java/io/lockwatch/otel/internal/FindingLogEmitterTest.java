package io.lockwatch.otel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.common.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingLogEmitterTest {
  @Test
  void partWithoutKnownStacks_getsNoHeader() {
    Finding.Part held = new Finding.Part("writer", 7, "state", "java.lang.Object", null, null,
        null, null, "", "");
    Finding.Part waiting = new Finding.Part("reader", 8, "state", "java.lang.Object", null, null,
        null, null, "app.Reader.read(Reader.java:3)", null);

    Attributes none = FindingLogEmitter.attributes(finding(List.of(held)), "LONG_HOLD");
    Attributes one = FindingLogEmitter.attributes(finding(List.of(held, waiting)), "LONG_HOLD");

    assertNull(none.get(FindingLogEmitter.STACKTRACE));
    assertEquals("--- part 1 thread \"reader\" holding state\napp.Reader.read(Reader.java:3)\n",
        one.get(FindingLogEmitter.STACKTRACE));
  }

  private static Finding finding(List<Finding.Part> parts) {
    return new Finding("f-1", "LONG_HOLD", "WARNING", "held", "new", 1, parts);
  }
}
