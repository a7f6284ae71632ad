package io.lockwatch.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class RetransformFailuresTest {
  private static final Throwable REFUSED =
      new UnsupportedOperationException("attempted to change superclass or interfaces");

  @Test
  void failedBatch_isSplitInHalves() {
    RetransformFailures f = new RetransformFailures();
    List<Class<?>> batch = List.of(String.class, Integer.class, Long.class);
    List<List<Class<?>>> next = new ArrayList<>();
    f.onError(0, batch, REFUSED, batch).forEach(next::add);
    assertEquals(List.of(List.of(String.class), List.of(Integer.class, Long.class)), next);
    assertTrue(f.failedTypes().isEmpty(), "nothing is refused until a class stands alone");
    assertNull(f.summary());
  }

  @Test
  void singleClass_isRecordedAndNotRetried() {
    RetransformFailures f = new RetransformFailures();
    assertFalse(f.onError(0, List.of(FutureTask.class), REFUSED, List.of()).iterator().hasNext());
    f.onError(1, List.of(CompletableFuture.class), REFUSED, List.of());
    assertTrue(f.failed(FutureTask.class.getName()));
    assertFalse(f.failed(ReentrantLock.class.getName()));
    assertEquals(List.of(FutureTask.class.getName(), CompletableFuture.class.getName()),
        f.failedTypes());
    assertEquals("instrumentation partly disabled: 2 loaded classes could not be retransformed"
        + " and stay uninstrumented: java.util.concurrent.FutureTask,"
        + " java.util.concurrent.CompletableFuture (" + REFUSED + "); the rest is instrumented",
        f.summary());
  }

  @Test
  void otherAgentsInternals_areRecognizedByName() {
    assertTrue(OtherAgents.isAgentClassName(
        "io.opentelemetry.javaagent.bootstrap.AgentClassLoader"));
    assertTrue(OtherAgents.isAgentClassName("net.bytebuddy.dynamic.loading.ByteArrayClassLoader"));
    assertFalse(OtherAgents.isAgentClassName("io.opentelemetry.api.OpenTelemetry"));
    assertFalse(OtherAgents.isAgentClassName("jdk.internal.loader.ClassLoaders$AppClassLoader"));
  }
}
