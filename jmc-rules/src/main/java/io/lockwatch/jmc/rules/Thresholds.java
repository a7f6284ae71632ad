package io.lockwatch.jmc.rules;

import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;

/**
 * The rule preferences (shown on JMC's rule configuration page) and their values for one
 * evaluation; the defaults match the analyzer's.
 *
 * @param stallNanos a lock wait at least this long is a stall
 * @param longHoldNanos a hold at least this long with waiters is a long hold
 */
record Thresholds(long stallNanos, long longHoldNanos) {
  static final TypedPreference<IQuantity> STALL_THRESHOLD = new TypedPreference<>(
      "lockwatch.stall.threshold", "Stall threshold",
      "A lock wait at least this long is reported as a stall (raw events only; finding events "
          + "carry the analyzer's own judgement).", UnitLookup.TIMESPAN,
      UnitLookup.MILLISECOND.quantity(1500));
  static final TypedPreference<IQuantity> LONG_HOLD_THRESHOLD = new TypedPreference<>(
      "lockwatch.longhold.threshold", "Long hold threshold",
      "A lock held at least this long while other threads waited for it is reported (raw events "
          + "only).", UnitLookup.TIMESPAN, UnitLookup.MILLISECOND.quantity(200));

  static Thresholds of(IPreferenceValueProvider prefs) {
    return new Thresholds(nanos(prefs, STALL_THRESHOLD), nanos(prefs, LONG_HOLD_THRESHOLD));
  }

  private static long nanos(IPreferenceValueProvider prefs, TypedPreference<IQuantity> p) {
    IQuantity q = prefs == null ? null : prefs.getPreferenceValue(p);
    return (q == null ? p.getDefaultValue() : q).clampedLongValueIn(UnitLookup.NANOSECOND);
  }
}
