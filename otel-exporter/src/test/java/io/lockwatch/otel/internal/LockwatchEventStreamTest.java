package io.lockwatch.otel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockwatchEventStreamTest {
  @Test
  void replayStartsAtTheJvmStart_atMostMaxReplayBack() {
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
    Instant now = Instant.now();

    assertEquals(jvmStart, LockwatchEventStream.replayFrom(now));
    Instant muchLater = jvmStart.plus(LockwatchEventStream.MAX_REPLAY).plusSeconds(60);
    assertEquals(muchLater.minus(LockwatchEventStream.MAX_REPLAY),
        LockwatchEventStream.replayFrom(muchLater));
    assertTrue(LockwatchEventStream.replayFrom(now).isBefore(now));
  }
}
