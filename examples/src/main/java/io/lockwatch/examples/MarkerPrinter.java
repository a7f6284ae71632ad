package io.lockwatch.examples;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints marker lines from a daemon thread. Scenarios emit markers while they hold the locks under
 * test; printing there would take the {@code PrintStream}'s own lock and do I/O under theirs, which
 * adds order edges and blocking waits that are not part of the scenario. So emitting only appends
 * to a lock-free queue and unparks the printer; the timestamp is taken by the caller.
 */
final class MarkerPrinter {
  private final PrintStream out;
  private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final Thread thread;

  MarkerPrinter(PrintStream out) {
    this.out = out;
    this.thread = new Thread(this::printLoop, "lockwatch-examples-markers");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues a line; lock-free, never blocks. */
  void emit(String line) {
    pending.incrementAndGet();
    queue.add(line);
    LockSupport.unpark(thread);
  }

  /** Waits (at most one second) until every emitted line is printed. Call holding no lock. */
  void drain() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (pending.get() > 0 && System.nanoTime() < deadline) {
      LockSupport.unpark(thread);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    out.flush();
  }

  private void printLoop() {
    while (true) {
      String line;
      while ((line = queue.poll()) != null) {
        out.println(line);
        out.flush();
        pending.decrementAndGet();
      }
      LockSupport.park(this);
    }
  }
}
