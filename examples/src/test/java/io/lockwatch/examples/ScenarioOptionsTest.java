package io.lockwatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioOptionsTest {
  @Test
  void acceptsEqualsSpaceAndFlagForms() {
    ScenarioOptions o = ScenarioOptions.parse(
        List.of("--hold-ms=50", "--max-seconds", "3", "--overlap", "--lock", "reentrant"),
        Set.of("hold-ms", "overlap", "lock"));
    assertEquals(50, o.number("hold-ms", 1));
    assertEquals(3, o.number(ScenarioOptions.MAX_SECONDS, 0));
    assertTrue(o.flag("overlap"));
    assertEquals("reentrant", o.choice("lock", "monitor", "reentrant"));
  }

  @Test
  void defaultsApply() {
    ScenarioOptions o = ScenarioOptions.parse(List.of(), Set.of("mode"));
    assertEquals(7, o.number("hold-ms", 7));
    assertEquals("stream", o.choice("mode", "stream", "submit"));
  }

  @Test
  void unknownOptionFailsWithTheAcceptedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ScenarioOptions.parse(List.of("--hold=5"), Set.of("hold-ms")));
    assertEquals("unknown option --hold; accepted: --hold-ms", e.getMessage());
  }

  @Test
  void badValuesFailWithExactMessages() {
    ScenarioOptions o = ScenarioOptions.parse(List.of("--hold-ms=x", "--mode=fast"), Set.of("hold-ms", "mode"));
    assertEquals("--hold-ms needs a number but got 'x'",
        assertThrows(IllegalArgumentException.class, () -> o.number("hold-ms", 1)).getMessage());
    assertEquals("--mode must be one of stream|submit but got 'fast'",
        assertThrows(IllegalArgumentException.class, () -> o.choice("mode", "stream", "submit")).getMessage());
    assertEquals("expected an option (--name[=value]) but got 'stray'",
        assertThrows(IllegalArgumentException.class,
            () -> ScenarioOptions.parse(List.of("stray"), Set.of())).getMessage());
  }
}
