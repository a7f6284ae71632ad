package io.lockwatch.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes each {@link Finding} as one OpenTelemetry log record (an event named
 * {@code lockwatch.<type in lower case>}).
 *
 * <p>Attributes: {@code lockwatch.finding.id|type|severity|status}; {@code thread.name} and
 * {@code thread.id} of the first part, and every thread in {@code lockwatch.thread.names} /
 * {@code lockwatch.thread.ids}; {@code lockwatch.lock.names} / {@code lockwatch.lock.classes};
 * {@code jvm.executor.name} / {@code jvm.executor.type}; {@code code.stacktrace} holding the stacks
 * of every part (and the other side's), each under a header line.
 *
 * <p>This class is internal and is not intended for public use.
 */
public final class FindingLogEmitter implements Consumer<Finding> {
  static final AttributeKey<String> FINDING_ID = AttributeKey.stringKey("lockwatch.finding.id");
  static final AttributeKey<String> FINDING_TYPE = AttributeKey.stringKey("lockwatch.finding.type");
  static final AttributeKey<String> FINDING_SEVERITY =
      AttributeKey.stringKey("lockwatch.finding.severity");
  static final AttributeKey<String> FINDING_STATUS =
      AttributeKey.stringKey("lockwatch.finding.status");
  static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
  static final AttributeKey<Long> THREAD_ID = AttributeKey.longKey("thread.id");
  static final AttributeKey<List<String>> THREAD_NAMES =
      AttributeKey.stringArrayKey("lockwatch.thread.names");
  static final AttributeKey<List<Long>> THREAD_IDS = AttributeKey.longArrayKey("lockwatch.thread.ids");
  static final AttributeKey<List<String>> LOCK_NAMES =
      AttributeKey.stringArrayKey("lockwatch.lock.names");
  static final AttributeKey<List<String>> LOCK_CLASSES =
      AttributeKey.stringArrayKey("lockwatch.lock.classes");
  static final AttributeKey<String> EXECUTOR_NAME = AttributeKey.stringKey("jvm.executor.name");
  static final AttributeKey<String> EXECUTOR_TYPE = AttributeKey.stringKey("jvm.executor.type");
  static final AttributeKey<String> STACKTRACE = AttributeKey.stringKey("code.stacktrace");

  private final Logger logger;

  /** @param logger the Lockwatch logger of the SDK, not {@code null} */
  public FindingLogEmitter(Logger logger) {
    this.logger = logger;
  }

  @Override
  public void accept(Finding finding) {
    String type = finding.type() == null ? "unknown" : finding.type();
    boolean resolved = "resolved".equals(finding.status());
    logger.logRecordBuilder()
        .setEventName("lockwatch." + type.toLowerCase(Locale.ROOT))
        .setTimestamp(resolved || finding.firstSeenMillis() <= 0
            ? Instant.now() : Instant.ofEpochMilli(finding.firstSeenMillis()))
        .setObservedTimestamp(Instant.now())
        .setSeverity(resolved ? Severity.INFO : severity(finding.severity()))
        .setSeverityText(finding.severity())
        .setBody(finding.summary() == null ? type : finding.summary())
        .setAllAttributes(attributes(finding, type))
        .emit();
  }

  /**
   * @param severity INFO, WARNING or CRITICAL (anything else maps to WARN)
   * @return the OpenTelemetry severity, not {@code null}
   */
  static Severity severity(String severity) {
    if ("CRITICAL".equals(severity)) {
      return Severity.ERROR;
    }
    if ("INFO".equals(severity)) {
      return Severity.INFO;
    }
    return Severity.WARN;
  }

  static Attributes attributes(Finding finding, String type) {
    AttributesBuilder attributes = Attributes.builder()
        .put(FINDING_ID, finding.id())
        .put(FINDING_TYPE, type)
        .put(FINDING_STATUS, finding.status() == null ? "new" : finding.status());
    if (finding.severity() != null) {
      attributes.put(FINDING_SEVERITY, finding.severity());
    }
    List<String> threadNames = new ArrayList<>();
    List<Long> threadIds = new ArrayList<>();
    Set<String> lockNames = new LinkedHashSet<>();
    Set<String> lockClasses = new LinkedHashSet<>();
    StringBuilder stacks = new StringBuilder();
    String executorName = null;
    String executorType = null;
    int index = 0;
    for (Finding.Part part : finding.parts()) {
      if (part.threadName() != null && !threadIds.contains(part.threadId())) {
        threadNames.add(part.threadName());
        threadIds.add(part.threadId());
      }
      addIfPresent(lockNames, part.fromLock());
      addIfPresent(lockNames, part.toLock());
      addIfPresent(lockClasses, part.fromLockClass());
      addIfPresent(lockClasses, part.toLockClass());
      if (executorName == null && part.executorName() != null) {
        executorName = part.executorName();
        executorType = part.executorClass();
      }
      appendStacks(stacks, index++, part);
    }
    if (!threadNames.isEmpty()) {
      attributes.put(THREAD_NAME, threadNames.get(0)).put(THREAD_ID, threadIds.get(0));
      attributes.put(THREAD_NAMES, threadNames).put(THREAD_IDS, threadIds);
    }
    if (!lockNames.isEmpty()) {
      attributes.put(LOCK_NAMES, List.copyOf(lockNames));
    }
    if (!lockClasses.isEmpty()) {
      attributes.put(LOCK_CLASSES, List.copyOf(lockClasses));
    }
    if (executorName != null) {
      attributes.put(EXECUTOR_NAME, executorName);
    }
    if (executorType != null) {
      attributes.put(EXECUTOR_TYPE, executorType);
    }
    if (stacks.length() > 0) {
      attributes.put(STACKTRACE, stacks.toString());
    }
    return attributes.build();
  }

  private static void appendStacks(StringBuilder out, int index, Finding.Part part) {
    String stack = emptyToNull(part.stack());
    String relatedStack = emptyToNull(part.relatedStack());
    if (stack == null && relatedStack == null) {
      return;
    }
    out.append("--- part ").append(index);
    if (part.threadName() != null) {
      out.append(" thread \"").append(part.threadName()).append('"');
    }
    if (part.fromLock() != null) {
      out.append(" holding ").append(part.fromLock());
    }
    if (part.toLock() != null) {
      out.append(" requesting ").append(part.toLock());
    }
    out.append('\n');
    if (stack != null) {
      out.append(stack);
      if (!stack.endsWith("\n")) {
        out.append('\n');
      }
    }
    if (relatedStack != null) {
      out.append("--- part ").append(index).append(" other side\n").append(relatedStack);
      if (!relatedStack.endsWith("\n")) {
        out.append('\n');
      }
    }
  }

  /** A stack the analyzer does not know (a hold still in progress) is empty: no header then. */
  private static String emptyToNull(String stack) {
    return stack == null || stack.isBlank() ? null : stack;
  }

  private static void addIfPresent(Set<String> set, String value) {
    if (value != null && !value.isEmpty()) {
      set.add(value);
    }
  }
}
