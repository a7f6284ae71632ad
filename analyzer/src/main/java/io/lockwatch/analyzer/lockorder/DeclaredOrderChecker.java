package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingType;
import io.lockwatch.analyzer.findings.LockRef;
import io.lockwatch.analyzer.findings.Severity;
import io.lockwatch.analyzer.findings.StackRef;
import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.internal.BoundedMap;
import io.lockwatch.analyzer.internal.FindingSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ORDER_VIOLATION}: an acquisition against a lock order declared through the explicit API
 * ({@code lockwatch.DeclaredLockOrder}), reported at once, without waiting for the reverse edge.
 * Locks are matched by name. Edges seen before the declaration arrives are kept (bounded) and checked
 * when it does.
 */
public final class DeclaredOrderChecker {
  private static final int MAX_ORDERS = 256;
  private static final int MAX_PENDING_EDGES = 4_096;

  private final FindingSink sink;
  private final BoundedMap<String, List<String>> orders = new BoundedMap<>(MAX_ORDERS);
  private final BoundedMap<String, NamedEdge> seen = new BoundedMap<>(MAX_PENDING_EDGES);

  /** @param sink where findings go, not {@code null} */
  public DeclaredOrderChecker(FindingSink sink) {
    this.sink = sink;
  }

  /**
   * Records a declared order.
   *
   * @param orderName the order's name
   * @param lockNames the lock names in order, separated by {@code ->}
   */
  public void onDeclared(String orderName, String lockNames) {
    List<String> names = new ArrayList<>();
    for (String s : lockNames.split("->")) {
      if (!s.isBlank()) {
        names.add(s.strip());
      }
    }
    if (names.size() < 2 || names.equals(orders.get(orderName))) {
      return;
    }
    orders.put(orderName, List.copyOf(names));
    for (NamedEdge e : new ArrayList<>(seen.values())) {
      check(e);
    }
  }

  /**
   * Checks one order edge against the declared orders.
   *
   * @param held the lock held
   * @param acquired the lock requested
   * @param thread the acting thread, may be {@code null}
   * @param frames the stack of the acquisition
   * @param time when
   */
  public void onEdge(LockRef held, LockRef acquired, ThreadRef thread, List<String> frames,
      Instant time) {
    if (held.name().isEmpty() || acquired.name().isEmpty()) {
      return;
    }
    NamedEdge e = new NamedEdge(held, acquired, thread, frames, time);
    if (orders.isEmpty()) {
      seen.put(held.name() + "\u0000" + acquired.name(), e);
      return;
    }
    seen.put(held.name() + "\u0000" + acquired.name(), e);
    check(e);
  }

  private void check(NamedEdge e) {
    for (Map.Entry<String, List<String>> o : orders.entrySet()) {
      List<String> order = o.getValue();
      int h = order.indexOf(e.held.name());
      int a = order.indexOf(e.acquired.name());
      if (h < 0 || a < 0 || h < a) {
        continue;
      }
      String key = "order|" + o.getKey() + "|" + e.held.name() + "|" + e.acquired.name();
      Finding.Builder b = Finding.builder(FindingType.ORDER_VIOLATION).severity(Severity.WARNING)
          .firstSeen(e.time)
          .summary("Lock order violation: thread " + (e.thread == null ? "?" : "\"" + e.thread.name()
              + "\"") + " acquired " + e.acquired.name() + " while holding " + e.held.name()
              + ", against the declared order '" + o.getKey() + "': " + String.join(" -> ", order))
          .thread(e.thread).lock(e.held).lock(e.acquired)
          .stack(new StackRef("holds " + e.held.name() + ", acquires " + e.acquired.name(),
              e.thread, e.held.name(), e.acquired.name(), e.frames));
      sink.report(key, FindingType.ORDER_VIOLATION, b, List.of());
    }
  }

  private record NamedEdge(LockRef held, LockRef acquired, ThreadRef thread, List<String> frames,
      Instant time) {}
}
