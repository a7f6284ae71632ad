package io.lockwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
  private final List<String> problems = new ArrayList<>();

  private AgentOptions resolve(String args, Map<String, String> props, Map<String, String> env) {
    return AgentOptions.resolve(args, props, env, problems::add);
  }

  @Test
  void builderDefaults() {
    AgentOptions o = resolve(null, Map.of(), Map.of());
    assertTrue(o.enabled());
    assertNull(o.recordingFile());
    assertTrue(o.flag("locks") && o.flag("monitors") && o.flag("executors") && o.flag("waits"));
    assertFalse(o.flag("jdk-monitors"));
    assertNull(o.duration("hold-threshold"));
    assertEquals(250L << 20, o.maxSizeBytes());
    assertEquals(List.of(), o.globs("include"));
    assertEquals(List.of(), problems);
    assertTrue(o.toString().startsWith("AgentOptions{enabled=true, recording=, "), o.toString());
  }

  @Test
  void agentArgsBeatSystemPropertiesBeatEnvironment() {
    AgentOptions o = resolve("hold-threshold=5ms",
        Map.of("lockwatch.hold-threshold", "7ms", "lockwatch.waits", "false"),
        Map.of("LOCKWATCH_HOLD_THRESHOLD", "9ms", "LOCKWATCH_WAITS", "true",
            "LOCKWATCH_JDK_MONITORS", "true"));
    assertEquals(Duration.ofMillis(5), o.duration("hold-threshold"));
    assertFalse(o.flag("waits"));
    assertTrue(o.flag("jdk-monitors"));
    assertEquals(List.of(), problems);
  }

  @Test
  void reservedKeysArePassedThrough() {
    AgentOptions o = resolve("analyzer=true,otlp-endpoint=http://localhost:4318,prometheus=9464,"
        + "findings=stderr", Map.of(), Map.of());
    assertEquals("http://localhost:4318", o.get("otlp-endpoint"));
    assertEquals("9464", o.get("prometheus"));
    assertEquals(List.of(), problems);
  }

  @Test
  void globsUsePipeOrSemicolon() {
    AgentOptions o = resolve("include=com.acme.*|org.h2.*;net.x.Y", Map.of(), Map.of());
    assertEquals(List.of("com.acme.*", "org.h2.*", "net.x.Y"), o.globs("include"));
  }

  @Test
  void builderInvalidConfig_oneLineEach_defaultsUsed() {
    AgentOptions o = resolve("bogus=1,locks=maybe,hold-threshold=10 parsecs,max-size=huge",
        Map.of(), Map.of());
    assertEquals(4, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("unknown option 'bogus' ignored; known options: enabled"),
        problems.get(0));
    assertEquals("bad value for locks (agent argument): 'maybe' is not true or false; "
        + "using the default 'true'", problems.get(1));
    assertEquals("bad value for hold-threshold (agent argument): '10 parsecs' is not a duration "
        + "such as 10ms, 1s or 500us; using the default ''", problems.get(2));
    assertTrue(o.flag("locks"));
    assertNull(o.duration("hold-threshold"));
    assertEquals(250L << 20, o.maxSizeBytes());
  }

  @Test
  void durations() {
    assertEquals(Duration.ofNanos(20), AgentOptions.parseDuration("20ns"));
    assertEquals(Duration.ofNanos(500_000), AgentOptions.parseDuration("500us"));
    assertEquals(Duration.ofMillis(10), AgentOptions.parseDuration("10 ms"));
    assertEquals(Duration.ofSeconds(1), AgentOptions.parseDuration("1s"));
    assertEquals(Duration.ofMinutes(2), AgentOptions.parseDuration("2m"));
    assertNull(AgentOptions.parseDuration("-1ms"));
    assertNull(AgentOptions.parseDuration("ms"));
  }

  @Test
  void unknownKeyLookup_throws() {
    assertThrows(IllegalArgumentException.class, () -> AgentOptions.defaults().get("nope"));
  }
}
