package io.lockwatch.examples;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;

/**
 * A named lock that generic scenarios (orders, holds, stalls) use, so that one scenario body runs
 * on a {@code synchronized} monitor or on a {@code ReentrantLock}. The acquisition is the plain JDK
 * primitive ({@code monitorenter} or {@code Lock.lock}) for the agent to see.
 */
abstract class ScenarioLock {
  private final String name;

  private ScenarioLock(String name) {
    this.name = name;
  }

  static ScenarioLock monitor(String name, Object monitor) {
    return new Monitor(name, monitor);
  }

  static ScenarioLock juc(String name, Lock lock) {
    return new Juc(name, lock);
  }

  final String name() {
    return name;
  }

  /** Runs {@code body} holding this lock. */
  final void run(Runnable body) {
    call(() -> {
      body.run();
      return null;
    });
  }

  /** Calls {@code body} holding this lock; checked exceptions are rethrown unchecked. */
  abstract <T> T call(Callable<T> body);

  @Override
  public String toString() {
    return getClass().getSimpleName() + "{" + name + "}";
  }

  static RuntimeException unchecked(Exception e) {
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException(e);
  }

  private static final class Monitor extends ScenarioLock {
    private final Object monitor;

    Monitor(String name, Object monitor) {
      super(name);
      this.monitor = monitor;
    }

    @Override
    <T> T call(Callable<T> body) {
      synchronized (monitor) {
        try {
          return body.call();
        } catch (Exception e) {
          throw unchecked(e);
        }
      }
    }
  }

  private static final class Juc extends ScenarioLock {
    private final Lock lock;

    Juc(String name, Lock lock) {
      super(name);
      this.lock = lock;
    }

    @Override
    <T> T call(Callable<T> body) {
      lock.lock();
      try {
        return body.call();
      } catch (Exception e) {
        throw unchecked(e);
      } finally {
        lock.unlock();
      }
    }
  }
}
