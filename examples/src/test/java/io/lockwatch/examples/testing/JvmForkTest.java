package io.lockwatch.examples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JvmForkTest {
  private static JvmFork.Builder program(String... args) {
    return JvmFork.builder().setMainClass(ForkedProgram.class.getName()).addArgs(args);
  }

  @Test
  void collectsOutputAndExitCode() {
    try (JvmFork fork = program("first", "READY x", "exit:4").start()) {
      assertEquals("READY x", fork.awaitLine("READY", Duration.ofSeconds(30)));
      assertEquals(4, fork.awaitExit(Duration.ofSeconds(30)));
      assertEquals(List.of("first", "READY x"), fork.output());
      assertEquals(1, fork.markers().size());
    }
  }

  @Test
  void awaitLineFailsWhenTheOutputEndsWithoutIt() {
    try (JvmFork fork = program("only", "exit:0").start()) {
      AssertionError e = assertThrows(AssertionError.class, () -> fork.awaitLine("DONE", Duration.ofSeconds(30)));
      assertTrue(e.getMessage().startsWith("output ended without a line starting with 'DONE'"), e.getMessage());
      assertTrue(e.getMessage().contains("    only"), e.getMessage());
    }
  }

  @Test
  void awaitLineTimesOutOnASilentFork() {
    try (JvmFork fork = program("sleep").start()) {
      AssertionError e = assertThrows(AssertionError.class, () -> fork.awaitLine("DONE", Duration.ofMillis(200)));
      assertTrue(e.getMessage().startsWith("timed out after PT0.2S"), e.getMessage());
    }
  }

  @Test
  void closeKillsAHangingFork() {
    JvmFork fork = program("up", "sleep").start();
    fork.awaitLine("up", Duration.ofSeconds(30));
    assertTrue(fork.stillAliveAfter(Duration.ofMillis(100)));
    fork.close();
    assertFalse(fork.isAlive());
  }

  @Test
  void hardTimeoutKillsAForkNobodyCloses() {
    // the program sleeps for ever; the 500 ms hard timeout kills it, whether or not it printed yet
    try (JvmFork fork = program("up", "sleep").setTimeout(Duration.ofMillis(500)).start()) {
      assertFalse(fork.stillAliveAfter(Duration.ofSeconds(30)), fork::describe);
      assertTrue(fork.awaitExit(Duration.ofSeconds(5)) != 0, fork::describe);
    }
  }

  @Test
  void usesTheConfiguredJava() {
    String configured = System.getProperty(JvmFork.JAVA_PROPERTY);
    List<String> command = program("exit:0").command();
    if (configured != null) {
      assertEquals(configured, command.get(0));
    }
    assertEquals(ForkedProgram.class.getName(), command.get(command.size() - 2));
  }

  @Test
  void builderRejectsInvalidConfig() {
    assertEquals("timeout must be positive: PT0S", assertThrows(IllegalArgumentException.class,
        () -> JvmFork.builder().setTimeout(Duration.ZERO)).getMessage());
    assertEquals("mainClass was not set",
        assertThrows(IllegalStateException.class, () -> JvmFork.builder().start()).getMessage());
  }
}
