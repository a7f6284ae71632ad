package io.lockwatch.jmc;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit;

/** Loads a recording with JMC core and evaluates the Lockwatch rule pack on it. */
final class RuleEvaluation {
  /** Thresholds small enough for test recordings: 50 ms. */
  static final IPreferenceValueProvider TEST_PREFS = new IPreferenceValueProvider() {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getPreferenceValue(TypedPreference<T> p) {
      if (p.getIdentifier().startsWith("lockwatch.")) {
        return (T) UnitLookup.MILLISECOND.quantity(50);
      }
      return p.getDefaultValue();
    }
  };

  private RuleEvaluation() {}

  /** @return the Lockwatch rules found by the service loader, as JMC finds them */
  static List<IRule> lockwatchRules() {
    return ServiceLoader.load(IRule.class).stream().map(ServiceLoader.Provider::get)
        .filter(r -> r.getClass().getName().startsWith("io.lockwatch.")).toList();
  }

  /** @return results by rule id */
  static Map<String, IResult> evaluate(Path recording) throws Exception {
    IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
    Map<IRule, Future<IResult>> futures =
        RulesToolkit.evaluateParallel(lockwatchRules(), items, TEST_PREFS, 2);
    Map<String, IResult> results = new HashMap<>();
    for (Map.Entry<IRule, Future<IResult>> e : futures.entrySet()) {
      results.put(e.getKey().getId(), e.getValue().get(60, TimeUnit.SECONDS));
    }
    return results;
  }

  static IQuantity millis(long ms) {
    return UnitLookup.MILLISECOND.quantity(ms);
  }
}
