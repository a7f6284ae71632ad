package io.lockwatch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkerLineTest {
  @Test
  void hazardRoundTrips() {
    MarkerLine hazard = MarkerLine.parse("HAZARD deadly-embrace 1700000000123 both hold their first lock").orElseThrow();
    assertEquals(MarkerLine.HAZARD, hazard.kind());
    assertEquals("deadly-embrace", hazard.scenario());
    assertEquals(1700000000123L, hazard.epochMillis());
    assertEquals("both hold their first lock", hazard.detail());
    assertEquals("HAZARD deadly-embrace 1700000000123 both hold their first lock", hazard.toString());
  }

  @Test
  void readyAndDoneHaveNoTime() {
    MarkerLine ready = MarkerLine.parse("READY long-hold").orElseThrow();
    assertEquals(-1, ready.epochMillis());
    assertEquals("READY long-hold", ready.toString());
    assertEquals("DONE long-hold", MarkerLine.parse("DONE long-hold").orElseThrow().toString());
  }

  @Test
  void otherLinesAreNotMarkers() {
    assertTrue(MarkerLine.parse("Exception in thread main").isEmpty());
    assertTrue(MarkerLine.parse("HAZARD x notanumber").isEmpty());
    assertTrue(MarkerLine.parse("").isEmpty());
  }
}
