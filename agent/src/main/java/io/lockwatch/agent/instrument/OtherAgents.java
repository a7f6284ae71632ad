package io.lockwatch.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import java.util.List;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Recognizes the internals of other Java agents loaded beside ours (the OpenTelemetry Java agent,
 * Datadog's, and any unshaded Byte Buddy), which Lockwatch leaves alone: their classes run inside
 * their own class-file transformers, and retransforming them at start-up cost thousands of classes
 * (2,900 for OpenTelemetry 2.33) for locks that are not the application's.
 *
 * <p>The package names are joined at run time: the agent jar's shading relocates string constants
 * that start with {@code io.opentelemetry} or {@code net.bytebuddy}.
 */
final class OtherAgents {
  /** Name prefixes of other agents' classes and class loaders. */
  static final List<String> PREFIXES = List.of(
      String.join(".", "io", "opentelemetry", "javaagent", ""),
      String.join(".", "datadog", "trace", ""),
      String.join(".", "net", "bytebuddy", ""));

  private OtherAgents() {}

  /**
   * Returns a matcher for types named as another agent's internals.
   *
   * @return the matcher
   */
  static ElementMatcher.Junction<TypeDescription> types() {
    ElementMatcher.Junction<TypeDescription> m = nameStartsWith(PREFIXES.get(0));
    for (String prefix : PREFIXES.subList(1, PREFIXES.size())) {
      m = m.or(nameStartsWith(prefix));
    }
    return m;
  }

  /**
   * Returns a matcher for class loaders that belong to another agent (by the loader's class name).
   *
   * @return the matcher
   */
  static ElementMatcher<ClassLoader> classLoaders() {
    return loader -> loader != null && isAgentClassName(loader.getClass().getName());
  }

  /** Returns whether a class name belongs to another agent's internals. */
  static boolean isAgentClassName(String name) {
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
