package io.lockwatch.analyzer.findings;

import java.util.List;

/**
 * One side of a finding: what a thread did (an edge of a cycle, the waiter or the owner of a stall)
 * and its stack.
 *
 * @param role what this side is, e.g. {@code "holds A, acquires B"} or {@code "owner"}, not {@code null}
 * @param thread the thread, or {@code null} if unknown
 * @param from for an edge, the lock (or executor) held; otherwise the lock involved; may be empty
 * @param to for an edge, the lock (or executor) requested; may be empty
 * @param frames the stack, top frame first, one {@code class.method(line)} per element, not {@code null}
 */
public record StackRef(String role, ThreadRef thread, String from, String to, List<String> frames) {
  /** Compact constructor: copies the frames and replaces null strings by the empty string. */
  public StackRef {
    role = role == null ? "" : role;
    from = from == null ? "" : from;
    to = to == null ? "" : to;
    frames = frames == null ? List.of() : List.copyOf(frames);
  }
}
