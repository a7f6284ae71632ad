package io.lockwatch.analyzer;

import io.lockwatch.analyzer.findings.Finding;
import io.lockwatch.analyzer.findings.FindingListener;
import io.lockwatch.analyzer.findings.Suppressions;
import io.lockwatch.analyzer.findings.ThreadRef;
import io.lockwatch.analyzer.hazard.HazardDetector;
import io.lockwatch.analyzer.internal.EventExtractor;
import io.lockwatch.analyzer.internal.Events;
import io.lockwatch.analyzer.internal.ExecutorInfo;
import io.lockwatch.analyzer.internal.ExtractedEvent;
import io.lockwatch.analyzer.internal.FindingSink;
import io.lockwatch.analyzer.internal.Frames;
import io.lockwatch.analyzer.internal.InFlightValues;
import io.lockwatch.analyzer.internal.LastingFindings;
import io.lockwatch.analyzer.internal.LockInfo;
import io.lockwatch.analyzer.internal.LockStats;
import io.lockwatch.analyzer.internal.RunContext;
import io.lockwatch.analyzer.lockorder.DeclaredOrderChecker;
import io.lockwatch.analyzer.lockorder.LockOrderDetector;
import io.lockwatch.analyzer.lockorder.OrderNode;
import io.lockwatch.analyzer.stall.StallDetector;
import io.lockwatch.analyzer.waitfor.InFlightState;
import io.lockwatch.analyzer.waitfor.SnapshotAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * The streaming analyzer: fed {@link RecordedEvent}s one at a time from any source (files, the
 * JVM's own stream, another JVM's repository, JMX), it keeps a lock-order graph and the live
 * wait-for graph and reports {@link Finding}s to its listeners as soon as they are found.
 *
 * <p>Input: each event's values are extracted once ({@link EventExtractor}), then dispatched by
 * kind. Lockwatch events drive every detector; the JDK's {@code
 * jdk.VirtualThreadPinned}, {@code jdk.SocketRead}, {@code jdk.FileRead} and {@code jdk.ThreadSleep}
 * are correlated with lock holds. Other events are ignored. An event that cannot be read (a field of
 * an unexpected type) is counted and skipped: one bad event never stops the analysis.
 *
 * <p>Runs: lock and executor ids are unique within one JVM run only. Call {@link #startRun} before
 * the events of each recording; the lock-order graph is shared across runs through stable lock keys.
 *
 * <p>Memory bound: each of the two lock-order graphs keeps at most {@code maxGraphNodes} nodes and
 * {@code maxGraphEdges} edges (defaults 50,000 and 200,000); the current run remembers at most
 * 65,536 locks, 4,096 executors and 16,384 workers; at most 10,000 findings and 65,536 lock
 * statistics are kept. Everything is least-recently-used evicted past its cap.
 *
 * <p>Thread safety: every method may be called from any thread; calls are serialized.
 */
public final class LockwatchAnalyzer {
  private final Object lock = new Object();
  private final AnalyzerOptions options;
  private final LockStats stats = new LockStats();
  private final FindingSink sink = new FindingSink(stats);
  private final LastingFindings lasting = new LastingFindings(sink);
  private final LockOrderDetector lockOrder;
  private final DeclaredOrderChecker declared = new DeclaredOrderChecker(sink);
  private final SnapshotAnalyzer snapshots = new SnapshotAnalyzer(sink, lasting);
  private final StallDetector stalls;
  private final HazardDetector hazards;
  private RunContext run;
  private int runCount;
  private List<InFlightState> pending = new ArrayList<>();
  private long pendingId = Long.MIN_VALUE;
  private List<InFlightState> lastSnapshot = List.of();
  private long lastSnapshotId = Long.MIN_VALUE;
  private Instant lastSnapshotTime;
  private Instant lastEventTime = Instant.EPOCH;
  private long events;
  private long unreadable;
  private RecordedStackTrace lastStack;
  private Frames lastFrames;

  LockwatchAnalyzer(AnalyzerOptions options) {
    this.options = options;
    this.lockOrder = new LockOrderDetector(sink, options.maxGraphNodes(), options.maxGraphEdges());
    this.stalls = new StallDetector(sink, lasting, options.stallThreshold().toNanos(),
        options.longHoldThreshold().toNanos());
    this.hazards = new HazardDetector(sink, options.longHoldThreshold().toNanos());
    sink.suppressions(options.suppressions());
    options.listeners().forEach(sink::addListener);
    this.run = new RunContext(0, "run-0", RunContext.locksFor(options.maxGraphNodes()));
  }

  /** @return an analyzer with default options */
  public static LockwatchAnalyzer create() {
    return AnalyzerOptions.builder().build().newAnalyzer();
  }

  /**
   * Adds a listener; it receives findings made from now on. A throwing listener is logged and
   * isolated.
   *
   * @param listener the listener, not {@code null}
   */
  public void addListener(FindingListener listener) {
    Objects.requireNonNull(listener, "listener");
    synchronized (lock) {
      sink.addListener(listener);
    }
  }

  /**
   * Starts the events of another JVM run (another recording): ids seen from now on are its own.
   *
   * @param label a readable label such as the file name, not {@code null}
   */
  public void startRun(String label) {
    synchronized (lock) {
      finishSnapshot();
      lastSnapshot = List.of();
      lastSnapshotId = Long.MIN_VALUE;
      run = new RunContext(++runCount, label, RunContext.locksFor(options.maxGraphNodes()));
    }
  }

  /**
   * Analyzes one event.
   *
   * @param e the event, not {@code null}
   */
  public void accept(RecordedEvent e) {
    accept(EventExtractor.extract(e));
  }

  /**
   * Analyzes one event whose values were extracted already: sources that hold events back (the
   * file re-ordering window) extract them as soon as they are parsed. {@link ExtractedEvent} is
   * internal.
   *
   * @param e the event's values, not {@code null}
   */
  public void accept(ExtractedEvent e) {
    synchronized (lock) {
      analyze(e);
    }
  }

  /**
   * Analyzes events whose values were extracted already, in order, taking the analyzer's lock once.
   *
   * @param batch the events' values, not {@code null}
   * @param count how many of the first elements to analyze
   */
  public void accept(ExtractedEvent[] batch, int count) {
    synchronized (lock) {
      for (int i = 0; i < count; i++) {
        analyze(batch[i]);
      }
    }
  }

  private void analyze(ExtractedEvent e) {
    events++;
    try {
      dispatch(e);
    } catch (RuntimeException ex) {
      // A field of an unexpected type or a missing value: skip this event, keep going.
      unreadable++;
    }
  }

  /**
   * Completes what the events so far allow: the pending in-flight snapshot is judged, and lasting
   * findings (stalls) are resolved when no snapshot came for a while. Live sources call this after
   * each stream flush.
   *
   * @param now the current time, not {@code null}
   */
  public void flush(Instant now) {
    synchronized (lock) {
      finishSnapshot();
      if (lasting.size() > 0 && lastSnapshotTime != null
          && Duration.between(lastSnapshotTime, now).compareTo(options.snapshotStaleAfter()) > 0) {
        // The watchdog writes nothing when nothing is in flight: silence means it ended.
        lasting.resolveAll(now);
      }
    }
  }

  /**
   * Ends the input: judges the last in-flight snapshot, and resolves lasting findings whose
   * snapshots stopped well before the last event (as a live stream would have). Findings still
   * lasting at the end of the recording stay open.
   */
  public void finish() {
    flush(lastEventTime);
  }

  /** @return every finding so far, most severe first, then by measured wait/hold time */
  public List<Finding> findings() {
    synchronized (lock) {
      return sink.ranked();
    }
  }

  /** @return sizes of the retained state, to check the memory bound */
  public RetainedState retained() {
    synchronized (lock) {
      return new RetainedState(lockOrder.nodeCount(), lockOrder.edgeCount(), run.lockCount(),
          sink.size(), stats.size(), events, unreadable);
    }
  }

  /** @return the options */
  public AnalyzerOptions options() {
    return options;
  }

  @Override
  public String toString() {
    return "LockwatchAnalyzer{" + options + ", " + lockOrder + "}";
  }

  private void dispatch(ExtractedEvent x) {
    Instant time = x.time();
    if (time != null && time.isAfter(lastEventTime)) {
      lastEventTime = time;
    }
    // The frequent kinds use the extracted values; the others read their fields from the event.
    RecordedEvent e = x.source();
    switch (x.kind()) {
      case LOCK_ORDER -> onLockOrder(x, time);
      case LOCK_HOLD -> onLockHold(x, time);
      case LOCK_WAIT -> onLockWait(x, time);
      case IN_FLIGHT -> onInFlight(x.lockClass(), x.inFlight(), time);
      case BLOCKING_WAIT -> onBlockingWait(e);
      case TASK_EXECUTION -> onTaskExecution(e);
      case EXECUTOR_SUBMIT -> run.executor(Events.id(e, "executorId"),
          Events.className(e, "executorClass"), Events.string(e, "executorName"));
      case SELF_DEADLOCK -> onSelfDeadlock(e);
      case DECLARED_LOCK_ORDER -> declared.onDeclared(Events.string(e, "orderName"),
          Events.string(e, "lockNames"));
      case VIRTUAL_THREAD_PINNED -> hazards.onPinned(Events.eventThread(e), time,
          e.getDuration(), Events.frames(Events.stackTrace(e)));
      case SOCKET_READ -> hazards.onIo(Events.eventThread(e), "socket read from "
          + Events.string(e, "host") + ":" + Events.longValue(e, "port"), time, e.getDuration(),
          Events.frames(Events.stackTrace(e)));
      case FILE_READ -> hazards.onIo(Events.eventThread(e), "file read of "
          + Events.string(e, "path"), time, e.getDuration(), Events.frames(Events.stackTrace(e)));
      case THREAD_SLEEP -> hazards.onIo(Events.eventThread(e), "sleep", time,
          e.getDuration(), Events.frames(Events.stackTrace(e)));
      case UNREADABLE -> unreadable++;
      case IGNORED -> { }
    }
  }

  /**
   * The lock an event names. Its class name is read only while the lock does not know it.
   *
   * @param cls the lock's class from the event, or {@code null}
   */
  private LockInfo lockOf(RecordedClass cls, long id, String extractedName, RecordedStackTrace st) {
    LockInfo known = run.knownLock(id);
    if (known != null && known.complete()) {
      return known;
    }
    // Only what the lock does not know yet: a known class or name is never replaced.
    String className = cls == null || known != null && known.hasClassName() ? "" : cls.getName();
    String name = known != null && known.hasName() ? "" : extractedName;
    if (known != null) {
      known.learn(className, name, st);
      return known;
    }
    return run.lock(id, className, name, st);
  }

  private void onLockOrder(ExtractedEvent x, Instant time) {
    RecordedStackTrace st = x.stack();
    LockInfo held = lockOf(x.heldLockClass(), x.heldLockId(), x.heldLockName(), null);
    LockInfo acquired = lockOf(x.lockClass(), x.lockId(), x.lockName(), st);
    long[] heldIds = x.heldLockIds();
    List<OrderNode> gates = List.of();
    for (long id : heldIds) {
      if (id != held.id() && id != acquired.id()) {
        if (gates.isEmpty()) {
          gates = new ArrayList<>(heldIds.length);
        }
        gates.add(OrderNode.of(run.lock(id, "", "", null)));
      }
    }
    ThreadRef t = x.thread();
    Frames frames = framesOf(st);
    lockOrder.onEdge(run.index(), OrderNode.of(held), OrderNode.of(acquired), gates, t, frames,
        x.heldRead(), x.acquiredRead(), time);
    if (held.userNamed() && acquired.userNamed()) {
      declared.onEdge(held.ref(), acquired.ref(), t, frames.get(), time);
    }
    // A task of pool P acquires locks: edge P -> outermost lock the task holds.
    ExecutorInfo pool = t == null ? null : run.executorOfWorker(t.id(), t.name());
    if (pool != null) {
      LockInfo outer = heldIds.length > 0 ? run.lock(heldIds[0], "", "", null) : held;
      lockOrder.onEdge(run.index(), OrderNode.of(pool), OrderNode.of(outer), List.of(), t, frames,
          false, false, time);
    }
  }

  private void onLockHold(ExtractedEvent x, Instant time) {
    LockInfo l = measuredLock(x);
    Duration d = Duration.ofNanos(x.durationNanos());
    ThreadRef t = x.thread();
    Frames frames = framesOf(x.stack());
    hazards.onLockHold(t, l, (int) x.waiters(), time, d, frames);
    taskAcquires(t, l, x.acquiredRead(), frames, time);
  }

  private void onLockWait(ExtractedEvent x, Instant time) {
    LockInfo l = measuredLock(x);
    ThreadRef t = x.thread();
    hazards.onLockWait(t, l, time, Duration.ofNanos(x.durationNanos()));
    if (x.heldLockIds().length == 0) {
      taskAcquires(t, l, x.acquiredRead(), framesOf(x.stack()), time);
    }
  }

  /**
   * A stack, formatted on first use; consecutive events of one call site share the stack object
   * (a constant-pool entry) and so share one {@link Frames}.
   */
  private Frames framesOf(RecordedStackTrace st) {
    if (st != lastStack || lastFrames == null) {
      lastFrames = Frames.of(st);
      lastStack = st;
    }
    return lastFrames;
  }

  /** The lock of a hold or wait event, with the event's duration added to its statistics. */
  private LockInfo measuredLock(ExtractedEvent x) {
    LockInfo l = lockOf(x.lockClass(), x.lockId(), x.lockName(), x.stack());
    stats.add(l, x.durationNanos());
    return l;
  }

  /** A task of a pool acquired a lock at top level (in read mode or not): edge pool -> lock. */
  private void taskAcquires(ThreadRef t, LockInfo l, boolean read, Frames frames, Instant time) {
    ExecutorInfo pool = t == null ? null : run.executorOfWorker(t.id(), t.name());
    if (pool != null) {
      lockOrder.onEdge(run.index(), OrderNode.of(pool), OrderNode.of(l), List.of(), t, frames,
          false, read, time);
    }
  }

  private void onBlockingWait(RecordedEvent e) {
    ThreadRef t = Events.eventThread(e);
    List<LockInfo> held = heldLocks(Events.string(e, "heldLockIds"), Events.string(e, "heldLocks"));
    long executorId = Events.longValue(e, "executorId");
    ExecutorInfo pool = executorId == 0 ? null
        : run.executor(executorId, "", Events.string(e, "executorName"));
    Frames frames = Frames.of(Events.stackTrace(e));
    String kind = Events.string(e, "waitKind");
    Instant time = e.getStartTime();
    hazards.onBlockingWait(t, kind, held, pool, frames.get(), time, e.getDuration());
    if (pool == null) {
      return;
    }
    waitsOnPool(t, held, pool, frames, time);
    ExecutorInfo own = t == null ? null : run.executorOfWorker(t.id(), t.name());
    if (own != null && own.id() == pool.id()) {
      snapshots.selfWait(new InFlightState(0, InFlightState.Kind.BLOCKING_WAIT, t,
          e.getDuration().toNanos(), null, "", null, 0, kind, pool, own, held, frames.get(),
          List.of(), time));
    }
  }

  /** Holding locks while waiting on a task of a pool: edges lock -> pool. */
  private void waitsOnPool(ThreadRef t, List<LockInfo> held, ExecutorInfo pool,
      java.util.function.Supplier<List<String>> frames, Instant time) {
    for (LockInfo l : held) {
      List<OrderNode> gates = new ArrayList<>();
      for (LockInfo g : held) {
        if (g != l) {
          gates.add(OrderNode.of(g));
        }
      }
      lockOrder.onEdge(run.index(), OrderNode.of(l), OrderNode.of(pool), gates, t, frames, false,
          false, time);
    }
  }

  private void onTaskExecution(RecordedEvent e) {
    long id = Events.id(e, "executorId");
    run.executor(id, Events.className(e, "executorClass"), Events.string(e, "executorName"));
    ThreadRef worker = Events.thread(e, "worker");
    if (worker == null) {
      worker = Events.eventThread(e);
    }
    if (worker != null) {
      run.worker(worker.id(), id);
    }
  }

  private void onSelfDeadlock(RecordedEvent e) {
    RecordedStackTrace st = Events.stackTrace(e);
    LockInfo l = run.lock(Events.id(e, "lockId"), Events.className(e, "lockClass"),
        Events.string(e, "lockName"), st);
    hazards.onSelfDeadlock(Events.eventThread(e), l, Events.string(e, "heldMode"),
        Events.string(e, "requestedMode"), Events.string(e, "kind"), Events.frames(st),
        e.getStartTime());
  }

  private void onInFlight(RecordedClass lockClass, InFlightValues v, Instant time) {
    long snapshotId = v.snapshotId();
    InFlightState.Kind kind = InFlightState.Kind.parse(v.state());
    if (kind == null) {
      return;
    }
    if (snapshotId != pendingId && !pending.isEmpty()) {
      finishSnapshot();
    }
    if (pending.isEmpty() && snapshotId == lastSnapshotId) {
      // The pass was split across two stream flushes: judge it again, whole.
      pending = new ArrayList<>(lastSnapshot);
    }
    pendingId = snapshotId;
    ThreadRef t = v.thread();
    if (t != null && v.virtual() < 0) {
      throw new IllegalArgumentException("unreadable field virtual"); // counted as unreadable
    }
    if (t != null && v.virtual() == 1 && !t.virtual()) {
      t = new ThreadRef(t.name(), t.id(), true);
    }
    long lockId = v.lockId();
    LockInfo known = lockId == 0 ? null : run.knownLock(lockId);
    LockInfo l = lockId == 0 ? null : known != null && known.complete() ? known
        : run.lock(lockId, lockClass == null ? "" : lockClass.getName(), v.lockName(), null);
    long executorId = v.executorId();
    ExecutorInfo pool = executorId == 0 ? null : run.executor(executorId, "", v.executorName());
    long runningId = v.runningExecutorId();
    ExecutorInfo running = runningId == 0 ? null : run.executor(runningId, "", "");
    if (running != null && t != null) {
      run.worker(t.id(), runningId);
    }
    pending.add(new InFlightState(snapshotId, kind, t, v.ageNanos(), l, v.mode(), v.owner(),
        (int) v.waiters(), v.waitKind(), pool, running, heldLocks(v.heldLockIds(), v.heldLocks()),
        Events.frames(v.threadStack()), Events.frames(v.ownerStack()), time));
  }

  private void finishSnapshot() {
    if (pending.isEmpty()) {
      return;
    }
    List<InFlightState> states = pending;
    pending = new ArrayList<>();
    Instant time = states.get(states.size() - 1).time();
    lastSnapshot = states;
    lastSnapshotId = pendingId;
    lastSnapshotTime = time;
    for (InFlightState s : states) {
      // Order edges and waits only an in-flight state shows (the wait has not ended, so no event).
      if (s.kind() == InFlightState.Kind.BLOCKING_WAIT) {
        hazards.onBlockingWaitInFlight(s.thread(), s.waitKind(), s.heldLocks(), s.executor(),
            s.threadStack(), s.time().minusNanos(s.ageNanos()), Duration.ofNanos(s.ageNanos()));
        if (s.executor() != null) {
          waitsOnPool(s.thread(), s.heldLocks(), s.executor(), Frames.of(s.threadStack()),
              s.time());
        }
      } else if (s.lock() != null && s.runningExecutor() != null && s.heldLocks().stream()
          .allMatch(h -> h.id() == s.lock().id())) {
        lockOrder.onEdge(run.index(), OrderNode.of(s.runningExecutor()), OrderNode.of(s.lock()),
            List.of(), s.thread(), Frames.of(s.threadStack()), false, "read".equals(s.mode()),
            s.time());
      }
    }
    lasting.beginPass();
    snapshots.analyze(run.index(), states, time);
    stalls.analyze(states, time);
    lasting.endPass(time);
  }

  private List<LockInfo> heldLocks(String ids, String names) {
    long[] held = Events.ids(ids);
    if (held.length == 0) {
      return List.of();
    }
    String[] n = Events.names(names);
    List<LockInfo> out = new ArrayList<>(held.length);
    for (int i = 0; i < held.length; i++) {
      out.add(run.lock(held[i], "", i < n.length && n.length == held.length ? n[i] : "", null));
    }
    return out;
  }

  /**
   * Sizes of the analyzer's retained state.
   *
   * @param graphNodes nodes in the lock-order graphs
   * @param graphEdges edges in the lock-order graphs
   * @param runLocks locks remembered for the current run
   * @param findings findings remembered
   * @param lockStats locks with wait/hold statistics
   * @param events events processed
   * @param unreadableEvents events skipped because they could not be read
   */
  public record RetainedState(int graphNodes, int graphEdges, int runLocks, int findings,
      int lockStats, long events, long unreadableEvents) {}
}
