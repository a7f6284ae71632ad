package io.lockwatch.otel.internal;

import java.util.List;

/**
 * One finding (all its parts) as written into the recording by the analyzer, in one status.
 *
 * <p>This class is internal and is not intended for public use.
 *
 * @param id the finding id
 * @param type e.g. {@code STALL}
 * @param severity INFO, WARNING or CRITICAL
 * @param summary the one-line human summary
 * @param status new, updated or resolved
 * @param firstSeenMillis when the finding was first seen, epoch milliseconds
 * @param parts the parts in order; fewer than announced when parts were lost
 */
public record Finding(
    String id,
    String type,
    String severity,
    String summary,
    String status,
    long firstSeenMillis,
    List<Part> parts) {

  /**
   * One part (edge, side) of a finding.
   *
   * @param threadName the thread of this part, may be {@code null}
   * @param threadId its id
   * @param fromLock the lock held (or involved), may be {@code null}
   * @param fromLockClass its class, may be {@code null}
   * @param toLock the lock requested, may be {@code null}
   * @param toLockClass its class, may be {@code null}
   * @param executorName may be {@code null}
   * @param executorClass may be {@code null}
   * @param stack the stack of this part, one frame per line, may be {@code null}
   * @param relatedStack the other side's stack, may be {@code null}
   */
  public record Part(
      String threadName,
      long threadId,
      String fromLock,
      String fromLockClass,
      String toLock,
      String toLockClass,
      String executorName,
      String executorClass,
      String stack,
      String relatedStack) {}
}
