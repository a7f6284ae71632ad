package io.lockwatch.agent.instrument;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * Records transformation errors once per class, counts them, and remembers which JDK types were
 * transformed (for the self-test). It never logs: it may run on any application thread inside a
 * transformer. The agent prints {@link #drainErrors()} from its own thread.
 */
public final class InstallListener extends AgentBuilder.Listener.Adapter {
  private final Map<String, Boolean> errorTypes = new ConcurrentHashMap<>();
  private final Queue<String> pendingErrors = new ConcurrentLinkedQueue<>();
  private final Set<String> transformedJdkTypes = ConcurrentHashMap.newKeySet();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong transformations = new AtomicLong();

  @Override
  public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader,
      JavaModule module, boolean loaded, DynamicType dynamicType) {
    transformations.incrementAndGet();
    if (classLoader == null) {
      transformedJdkTypes.add(typeDescription.getName());
    }
  }

  @Override
  public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
      Throwable throwable) {
    errors.incrementAndGet();
    if (errorTypes.putIfAbsent(typeName, Boolean.TRUE) == null) {
      pendingErrors.add("could not instrument " + typeName + ", left unchanged: " + throwable);
    }
  }

  /**
   * Returns whether a JDK (bootstrap) type was transformed.
   *
   * @param typeName the binary name
   * @return true if it was transformed
   */
  public boolean jdkTypeTransformed(String typeName) {
    return transformedJdkTypes.contains(typeName);
  }

  /**
   * Returns the number of transformation errors so far.
   *
   * @return the count
   */
  public long errorCount() {
    return errors.get();
  }

  /**
   * Returns the number of classes transformed so far.
   *
   * @return the count
   */
  public long transformationCount() {
    return transformations.get();
  }

  /**
   * Removes and returns the next error line not yet reported, or {@code null}.
   *
   * @return a line, or {@code null}
   */
  public String drainErrors() {
    return pendingErrors.poll();
  }
}
