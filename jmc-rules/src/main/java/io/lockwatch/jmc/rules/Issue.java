package io.lockwatch.jmc.rules;

import java.util.List;

/**
 * One Lockwatch finding as the rules see it, whether read from {@code lockwatch.Finding} events or
 * derived from raw events.
 *
 * @param id the finding id, unique in the recording
 * @param type the finding type name, such as {@code LOCK_ORDER_CYCLE}
 * @param severity INFO, WARNING or CRITICAL
 * @param summary a one-line summary for a human
 * @param status new, updated or resolved
 * @param parts the edges, waiters and owners of the finding, in part order; never empty
 */
record Issue(String id, String type, String severity, String summary, String status,
    List<Part> parts) {

  Issue {
    parts = List.copyOf(parts);
  }

  /**
   * One side of a finding: an edge of a cycle, a waiter, an owner.
   *
   * @param thread the thread name, may be empty
   * @param fromLock the lock held (for an edge) or involved, may be empty
   * @param toLock the lock requested, may be empty
   * @param executor the executor involved, may be empty
   * @param stack this side's stack, one frame per line, may be empty
   * @param relatedStack the other side's stack, may be empty
   */
  record Part(String thread, String fromLock, String toLock, String executor, String stack,
      String relatedStack) {}
}
