package io.lockwatch.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.locks.Lock;

/**
 * Pattern 3: a handler runs while a non-reentrant lock is held and calls back into a method that
 * takes the same lock. The event bus guards its handler list with a {@code StampedLock} write lock
 * ({@code --lock=stamped}, default) or a {@code Semaphore(1)} ({@code --lock=semaphore}); a
 * handler subscribes another handler while {@code publish} runs it, and the thread blocks on
 * itself forever.
 *
 * <p>Fixed twin: publish copies the handlers under the lock, releases it, then runs them.
 */
final class CallbackReentry {
  private static final int FIXED_EVENTS = 10;

  private CallbackReentry() {}

  static void hazard(ScenarioContext ctx) {
    EventBus bus = new EventBus(handlersLock(ctx));
    bus.subscribe(event -> {
      ctx.hazard("handler re-enters 'handlers' (subscribe) while publish holds it");
      bus.subscribe(e -> ctx.info("unreachable"));
    });
    ctx.ready();
    bus.publishUnderLock("user-joined");
  }

  static void fixed(ScenarioContext ctx) {
    EventBus bus = new EventBus(handlersLock(ctx));
    List<String> seen = new ArrayList<>();
    bus.subscribe(event -> bus.subscribe(e -> seen.add(e)));
    ctx.ready();
    for (int i = 0; i < FIXED_EVENTS; i++) {
      bus.publishAfterRelease("user-joined-" + i);
    }
    ctx.info("handlers=" + bus.size() + " deliveries=" + seen.size());
  }

  private static Lock handlersLock(ScenarioContext ctx) {
    return ctx.options().choice("lock", "stamped", "semaphore").equals("stamped")
        ? ScenarioLocks.stampedWriteLock("handlers")
        : ScenarioLocks.semaphoreMutex("handlers");
  }

  /** A publish/subscribe bus whose handler list is guarded by a non-reentrant lock. */
  private static final class EventBus {
    private final Lock handlersLock;
    private final List<Consumer<String>> handlers = new ArrayList<>();

    EventBus(Lock handlersLock) {
      this.handlersLock = handlersLock;
    }

    void subscribe(Consumer<String> handler) {
      handlersLock.lock();
      try {
        handlers.add(handler);
      } finally {
        handlersLock.unlock();
      }
    }

    int size() {
      handlersLock.lock();
      try {
        return handlers.size();
      } finally {
        handlersLock.unlock();
      }
    }

    /** The bug: handlers run while the lock is held. */
    void publishUnderLock(String event) {
      handlersLock.lock();
      try {
        for (Consumer<String> handler : new ArrayList<>(handlers)) {
          handler.accept(event);
        }
      } finally {
        handlersLock.unlock();
      }
    }

    /** The fix: clone the handlers under the lock, run them after releasing it. */
    void publishAfterRelease(String event) {
      List<Consumer<String>> copy;
      handlersLock.lock();
      try {
        copy = List.copyOf(handlers);
      } finally {
        handlersLock.unlock();
      }
      for (Consumer<String> handler : copy) {
        handler.accept(event);
      }
    }
  }
}
