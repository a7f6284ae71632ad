package io.lockwatch.agent;

import io.lockwatch.agent.bootstrap.LockIdentity;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@code java.util.concurrent.locks} to the bootstrap part so that a name given to a
 * {@code ReentrantLock} or {@code ReentrantReadWriteLock} reaches the AQS the agent reports it by.
 */
final class LocksPackageAccess {
  private LocksPackageAccess() {}

  /**
   * Opens the package and initializes {@link LockIdentity}.
   *
   * @param inst the instrumentation
   * @return a problem to report, or {@code null}
   */
  static String open(Instrumentation inst) {
    try {
      inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
          Map.of("java.util.concurrent.locks", Set.of(LockIdentity.class.getModule())), Set.of(),
          Map.of());
      String problem = LockIdentity.init();
      return problem == null ? null
          : "names given to ReentrantLock/ReentrantReadWriteLock objects are unavailable: " + problem;
    } catch (Throwable t) {
      return "names given to ReentrantLock/ReentrantReadWriteLock objects are unavailable: " + t;
    }
  }
}
