package io.lockwatch.agent;

import io.lockwatch.agent.bootstrap.TaskHooks;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

/**
 * Finds the JDK's default virtual-thread scheduler (JDK 21+) so that the executor hooks can ignore
 * it: {@code java.lang.VirtualThread.DEFAULT_SCHEDULER}, read after opening {@code java.lang} to the
 * agent through {@link Instrumentation#redefineModule}.
 */
final class VirtualThreadScheduler {
  private VirtualThreadScheduler() {}

  /**
   * Registers the scheduler with the hooks; does nothing on a JDK without virtual threads.
   *
   * @param inst the instrumentation
   * @return a problem to report, or {@code null}
   */
  static String register(Instrumentation inst) {
    Class<?> vt;
    try {
      vt = Class.forName("java.lang.VirtualThread", false, null);
    } catch (ClassNotFoundException e) {
      return null;
    }
    try {
      Module javaBase = Object.class.getModule();
      inst.redefineModule(javaBase, Set.of(), Map.of(),
          Map.of("java.lang", Set.of(VirtualThreadScheduler.class.getModule())), Set.of(), Map.of());
      Field f = vt.getDeclaredField("DEFAULT_SCHEDULER");
      f.setAccessible(true);
      TaskHooks.setVirtualThreadScheduler(f.get(null));
      return null;
    } catch (Throwable t) {
      return "virtual-thread scheduler not found (" + t + "); its continuations will be "
          + "recorded as fork/join tasks";
    }
  }
}
