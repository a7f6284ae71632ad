package io.lockwatch.analyzer.findings;

import io.lockwatch.events.FindingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes each finding into the running recordings as {@code lockwatch.Finding} events, one event
 * per stack (edge of a cycle, waiter, owner) sharing the finding id, so that a recording opened later
 * in JMC shows it. Does nothing while no recording enables the event.
 */
public final class FindingEventWriter implements FindingListener, AutoCloseable {
  // JFR drops events committed by an event-stream thread (it is excluded from recording, to avoid
  // feedback loops), and listeners run on that thread: commits happen on a writer thread of our own.
  private static final int QUEUE = 1_024;

  private final BlockingQueue<Finding> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread writer;

  /** Starts the writer thread (a daemon). */
  public FindingEventWriter() {
    writer = new Thread(this::drain, "lockwatch-finding-writer");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void onFinding(Finding f) {
    if (!queue.offer(f)) {
      dropped.incrementAndGet(); // overload: drop and count, never block the analyzer
    }
  }

  /** @return findings not written because the queue was full */
  public long dropped() {
    return dropped.get();
  }

  /** Writes what is queued, then stops the writer thread. */
  @Override
  public void close() {
    writer.interrupt();
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drain() {
    try {
      while (true) {
        write(queue.take());
      }
    } catch (InterruptedException e) {
      Finding f;
      while ((f = queue.poll()) != null) {
        write(f);
      }
    }
  }

  private static void write(Finding f) {
    try {
      commit(f);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      System.getLogger(FindingEventWriter.class.getName())
          .log(System.Logger.Level.WARNING, "lockwatch: cannot write finding event", t);
    }
  }

  private static void commit(Finding f) {
    if (!new FindingEvent().isEnabled()) {
      return;
    }
    for (FindingEvent e : events(f)) {
      e.commit();
    }
  }

  /**
   * The {@code lockwatch.Finding} events of a finding, not committed: one per stack (at least
   * one), each carrying the finding's identity and, for a two-sided finding, the other side's stack.
   *
   * @param f the finding, not {@code null}
   * @return the events, in part order
   */
  public static List<FindingEvent> events(Finding f) {
    List<StackRef> stacks = f.stacks().isEmpty()
        ? List.of(new StackRef("", null, "", "", List.of())) : f.stacks();
    int parts = stacks.size();
    ExecutorRef ex = f.executors().isEmpty() ? null : f.executors().get(0);
    List<FindingEvent> out = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      StackRef s = stacks.get(i);
      FindingEvent e = new FindingEvent();
      e.findingId = f.id();
      e.type = f.type().name();
      e.severity = f.severity().name();
      e.summary = f.summary();
      e.firstSeen = f.firstSeen().toEpochMilli();
      e.status = f.status().label();
      e.part = i;
      e.parts = parts;
      ThreadRef t = s.thread() != null ? s.thread()
          : f.threads().isEmpty() ? null : f.threads().get(0);
      e.threadName = t == null ? "" : t.name();
      e.threadId = t == null ? 0 : t.id();
      e.fromLock = s.from();
      e.toLock = s.to();
      e.fromLockClass = classOf(f, s.from());
      e.toLockClass = classOf(f, s.to());
      e.executorName = ex == null ? "" : ex.name();
      e.executorClass = ex == null ? "" : ex.className();
      e.stack = String.join("\n", s.frames());
      e.relatedStack = parts == 2 ? String.join("\n", stacks.get(1 - i).frames()) : "";
      out.add(e);
    }
    return out;
  }

  private static String classOf(Finding f, String lockName) {
    for (LockRef l : f.locks()) {
      if (l.name().equals(lockName)) {
        return l.className();
      }
    }
    return "";
  }

  @Override
  public String toString() {
    return "FindingEventWriter";
  }
}
