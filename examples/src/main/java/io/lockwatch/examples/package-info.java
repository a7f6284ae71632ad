/**
 * The scenario corpus: one runnable program per bug pattern of {@code PATTERNS.md}, each with its
 * fixed twin. Run one with {@code java -jar lockwatch-examples.jar <scenario> [options]} (see
 * {@link io.lockwatch.examples.Scenarios}); tests of other modules use {@link
 * io.lockwatch.examples.ScenarioCatalog} and {@link io.lockwatch.examples.MarkerLine}.
 *
 * <p>Scenarios use plain JDK primitives so that the agent can instrument them. With the system
 * property {@value io.lockwatch.examples.ScenarioLocks#API_PROPERTY}{@code =true}, their {@code
 * java.util.concurrent} locks and executors are also wrapped through the explicit API, and the
 * default lock kind becomes {@code ReentrantLock} (monitors cannot be wrapped).
 *
 * <p>Parameters and return values are never {@code null} unless documented otherwise.
 */
package io.lockwatch.examples;
