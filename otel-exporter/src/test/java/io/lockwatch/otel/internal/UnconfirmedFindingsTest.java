package io.lockwatch.otel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnconfirmedFindingsTest {
  private final UnconfirmedFindings findings = new UnconfirmedFindings();

  @Test
  void confirmedFinding_isNotTakenAtExit() {
    assertFalse(findings.reported(finding("a", "new")));
    assertTrue(findings.confirm(finding("a", "new")));
    assertEquals(List.of(), findings.takeAtExit());
  }

  @Test
  void unconfirmedFinding_isTakenAtExitOnce_andTheStreamNoLongerExportsIt() {
    findings.reported(finding("a", "new"));
    findings.reported(finding("a", "resolved"));
    assertEquals(List.of(finding("a", "new"), finding("a", "resolved")), findings.takeAtExit());
    assertEquals(List.of(), findings.takeAtExit());
    assertFalse(findings.confirm(finding("a", "new")));
  }

  @Test
  void findingDeliveredBeforeItWasHandedOver_isNotTakenAtExit() {
    assertTrue(findings.confirm(finding("a", "new")));
    assertFalse(findings.reported(finding("a", "new")));
    assertEquals(List.of(), findings.takeAtExit());
  }

  @Test
  void findingReportedAfterTheExitExport_isExportedAtOnce() {
    findings.takeAtExit();
    assertTrue(findings.reported(finding("b", "new")));
    assertFalse(findings.reported(finding("b", "new")));
    assertFalse(findings.confirm(finding("b", "new")));
  }

  @Test
  void keysAreBounded() {
    for (int i = 0; i <= UnconfirmedFindings.MAX_KEYS; i++) {
      findings.reported(finding("f" + i, "new"));
    }
    List<Finding> taken = findings.takeAtExit();
    assertEquals(UnconfirmedFindings.MAX_KEYS, taken.size());
    assertEquals("f1", taken.get(0).id());
  }

  private static Finding finding(String id, String status) {
    return new Finding(id, "STALL", "WARNING", "s", status, 1, List.of());
  }
}
