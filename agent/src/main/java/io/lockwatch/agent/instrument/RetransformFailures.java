package io.lockwatch.agent.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Retransforms the already loaded classes so that one class the JVM refuses costs only that class:
 * a failed batch is split in two and retried until the refused classes stand alone, and those are
 * recorded with the JVM's reason. {@code Instrumentation.retransformClasses} is all or nothing per
 * call and stops at the first refused class, so a single batch of all classes let one class another
 * agent had changed (the OpenTelemetry agent adds interfaces on retransformation) leave every class
 * uninstrumented.
 */
public final class RetransformFailures extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {
  private static final int NAMES_SHOWN = 8;

  private final Map<String, String> failed = Collections.synchronizedMap(new LinkedHashMap<>());

  @Override
  public Iterable<? extends List<Class<?>>> onError(int index, List<Class<?>> batch,
      Throwable throwable, List<Class<?>> types) {
    if (batch.size() > 1) {
      int half = batch.size() / 2;
      return List.of(new ArrayList<>(batch.subList(0, half)),
          new ArrayList<>(batch.subList(half, batch.size())));
    }
    for (Class<?> type : batch) {
      failed.put(type.getName(), String.valueOf(throwable));
    }
    return List.of();
  }

  /**
   * Returns whether the JVM refused to retransform a loaded class.
   *
   * @param typeName the binary name
   * @return true if the class stays as it was
   */
  public boolean failed(String typeName) {
    return failed.containsKey(typeName);
  }

  /**
   * Returns the names of the refused classes, in the order found.
   *
   * @return the names, possibly empty
   */
  public List<String> failedTypes() {
    synchronized (failed) {
      return List.copyOf(failed.keySet());
    }
  }

  /**
   * Returns one line that says which classes stay uninstrumented and why, or {@code null} when
   * every loaded class was retransformed.
   *
   * @return the line without prefix, or {@code null}
   */
  public String summary() {
    List<String> names;
    List<String> reasons;
    synchronized (failed) {
      if (failed.isEmpty()) {
        return null;
      }
      names = new ArrayList<>(failed.keySet());
      reasons = new ArrayList<>(new java.util.LinkedHashSet<>(failed.values()));
    }
    StringBuilder sb = new StringBuilder("instrumentation partly disabled: ")
        .append(names.size()).append(names.size() == 1 ? " loaded class" : " loaded classes")
        .append(" could not be retransformed and stay");
    sb.append(names.size() == 1 ? "s" : "").append(" uninstrumented: ");
    sb.append(String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size()))));
    if (names.size() > NAMES_SHOWN) {
      sb.append(" and ").append(names.size() - NAMES_SHOWN).append(" more");
    }
    sb.append(" (").append(String.join("; ", reasons)).append("); the rest is instrumented");
    return sb.toString();
  }
}
