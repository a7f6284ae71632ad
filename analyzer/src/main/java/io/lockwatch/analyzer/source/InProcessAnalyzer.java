package io.lockwatch.analyzer.source;

import io.lockwatch.analyzer.AnalyzerOptions;
import io.lockwatch.analyzer.LockwatchAnalyzer;
import io.lockwatch.analyzer.findings.FindingEventWriter;
import io.lockwatch.analyzer.findings.FindingListener;
import io.lockwatch.analyzer.findings.Suppressions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jdk.jfr.consumer.RecordingStream;

/**
 * The analyzer inside the monitored JVM, as the agent starts it: a {@link RecordingStream} that
 * enables the Lockwatch events, feeds them to a {@link LockwatchAnalyzer}, prints each finding once
 * to stderr as a readable block, appends JSON lines to the {@code findings=} file, and writes each
 * finding back into the recording as {@code lockwatch.Finding} events.
 *
 * <pre>{@code
 * try (InProcessAnalyzer a = InProcessAnalyzer.start(InProcessAnalyzer.options()
 *     .findingsFile(Path.of("findings.jsonl")))) { ... }
 * }</pre>
 */
public final class InProcessAnalyzer implements AutoCloseable {
  private final RecordingStream stream;
  private final LockwatchAnalyzer analyzer;
  private final FindingReporter reporter;
  private final FindingEventWriter writer;
  private final ExitDrain drain;

  private InProcessAnalyzer(RecordingStream stream, LockwatchAnalyzer analyzer,
      FindingReporter reporter, FindingEventWriter writer, ExitDrain drain) {
    this.stream = stream;
    this.analyzer = analyzer;
    this.reporter = reporter;
    this.writer = writer;
    this.drain = drain;
  }

  /** @return default options: stderr on, no findings file, default thresholds */
  public static Options options() {
    return new Options();
  }

  /** How long {@link #start} waits at most for the stream to come live. */
  static final long STARTUP_WAIT_MILLIS = 5_000;

  /**
   * Starts streaming this JVM's Lockwatch events into an analyzer, on a daemon thread.
   *
   * @param o the options, not {@code null}
   * @return the running analyzer; close it to stop
   * @throws IOException if the findings file cannot be opened
   */
  public static InProcessAnalyzer start(Options o) throws IOException {
    Objects.requireNonNull(o, "options");
    FindingReporter reporter = new FindingReporter(o.stderr ? System.err : null, false,
        o.findingsFile);
    AnalyzerOptions.Builder b = AnalyzerOptions.builder().setSuppressions(o.suppressions)
        .setStallThreshold(o.stallThreshold).setGraphCaps(o.maxGraphNodes, o.maxGraphEdges)
        .addListener(reporter);
    o.listeners.forEach(b::addListener);
    FindingEventWriter writer = new FindingEventWriter();
    b.addListener(writer);
    LockwatchAnalyzer analyzer = b.build().newAnalyzer();
    RecordingStream rs = new RecordingStream();
    ExitDrain drain = new ExitDrain();
    try {
      StreamSettings.enable(rs::enable);
      rs.setMaxAge(Duration.ofSeconds(30));
      rs.onEvent(analyzer::accept);
      rs.onFlush(() -> {
        analyzer.flush(Instant.now());
        drain.flushed();
      });
      rs.onClose(drain::closed);
      // Not rs.startAsync(): its thread is not a daemon, so an application whose main method
      // returns would never exit. The stream runs on a daemon thread of our own instead.
      Thread streamThread = new Thread(() -> runStream(rs), "lockwatch-analyzer-stream");
      streamThread.setDaemon(true);
      streamThread.start();
      // rs.start() starts the stream's recording on that thread; wait (bounded) until the stream
      // is live, so that edges the application records right after this call are not missed (each
      // edge is written only once).
      drain.awaitFlushes(1, STARTUP_WAIT_MILLIS);
      drain.install();
    } catch (RuntimeException e) {
      rs.close();
      writer.close();
      reporter.close();
      throw e;
    }
    return new InProcessAnalyzer(rs, analyzer, reporter, writer, drain);
  }

  private static void runStream(RecordingStream rs) {
    try {
      rs.start();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      // Closed at exit, or JFR itself failed: the application runs on without the analyzer.
      System.getLogger(InProcessAnalyzer.class.getName())
          .log(System.Logger.Level.DEBUG, "lockwatch: analyzer stream ended", t);
    }
  }

  /**
   * Waits until the stream has delivered its first flush, so that its thread has loaded the
   * classes it needs (the agent calls this in premain, before the application loads classes).
   *
   * @param timeout how long to wait at most, not {@code null}
   * @return whether a flush came in time
   */
  public boolean awaitFirstFlush(Duration timeout) {
    return drain.awaitFlushes(1, timeout.toMillis());
  }

  /**
   * Waits until the exit drain (the shutdown hook that lets the stream analyze the last events)
   * has finished, so that a later hook sees every finding of the run: the agent calls this before
   * flushing the exporter. Meant for shutdown hooks (otherwise it waits the whole timeout).
   *
   * @param timeout how long to wait at most, not {@code null}
   * @return whether the drain finished in time
   */
  public boolean awaitExitDrain(Duration timeout) {
    return drain.awaitDrained(timeout.toMillis());
  }

  /** @return the analyzer, to read its findings */
  public LockwatchAnalyzer analyzer() {
    return analyzer;
  }

  /** Stops the stream and closes the findings file. */
  @Override
  public void close() {
    try {
      stream.close();
    } finally {
      writer.close();
      try {
        reporter.close();
      } catch (IOException e) {
        System.getLogger(InProcessAnalyzer.class.getName())
            .log(System.Logger.Level.WARNING, "lockwatch: cannot close findings file", e);
      }
    }
  }

  @Override
  public String toString() {
    return "InProcessAnalyzer{" + analyzer + "}";
  }

  /**
   * Lets the stream analyze the last events at JVM exit: a shutdown hook waits (at most
   * {@link #MAX_WAIT_MILLIS}) for two more flushes of the stream, so a hazard shortly before exit
   * is still reported live.
   */
  static final class ExitDrain {
    static final long MAX_WAIT_MILLIS = 4000;
    private final Object lock = new Object();
    private long flushes; // guarded by lock
    private boolean closed; // guarded by lock
    private boolean drained; // guarded by lock: the exit drain ended

    void flushed() {
      synchronized (lock) {
        flushes++;
        lock.notifyAll();
      }
    }

    void closed() {
      synchronized (lock) {
        closed = true;
        lock.notifyAll();
      }
    }

    void install() {
      Thread hook = new Thread(this::await, "lockwatch-analyzer-exit-drain");
      hook.setDaemon(true);
      Runtime.getRuntime().addShutdownHook(hook);
    }

    private void await() {
      try {
        awaitFlushes(2, MAX_WAIT_MILLIS);
      } finally {
        synchronized (lock) {
          drained = true;
          lock.notifyAll();
        }
      }
    }

    /**
     * Waits until the exit drain ended, at most {@code millis}. Shutdown hooks start together, so
     * a hook calling this may run before the drain began: it waits for the start too.
     */
    boolean awaitDrained(long millis) {
      long deadline = System.nanoTime() + millis * 1_000_000L;
      synchronized (lock) {
        try {
          while (!drained) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
              return false;
            }
            lock.wait(left);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return drained;
      }
    }

    /** Waits for {@code count} more flushes or the close, at most {@code millis}. */
    boolean awaitFlushes(int count, long millis) {
      long deadline = System.nanoTime() + millis * 1_000_000L;
      synchronized (lock) {
        long target = flushes + count;
        try {
          while (flushes < target && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
              return false;
            }
            lock.wait(left);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return flushes >= target;
      }
    }
  }

  /** Options of {@link #start}; setters return {@code this}. */
  public static final class Options {
    /**
     * Lock-order graph node cap inside the application: a fifth of the offline default, so that an
     * application churning locks keeps the analyzer's heap to tens of MiB (each node with its
     * names, keys and edges costs about 2 KiB).
     */
    public static final int DEFAULT_MAX_GRAPH_NODES = 10_000;
    /** Lock-order graph edge cap inside the application. */
    public static final int DEFAULT_MAX_GRAPH_EDGES = 40_000;

    private int maxGraphNodes = DEFAULT_MAX_GRAPH_NODES;
    private int maxGraphEdges = DEFAULT_MAX_GRAPH_EDGES;
    private boolean stderr = true;
    private Path findingsFile;
    private Suppressions suppressions = Suppressions.none();
    private Duration stallThreshold = AnalyzerOptions.DEFAULT_STALL_THRESHOLD;
    private final List<FindingListener> listeners = new ArrayList<>();

    private Options() {}

    /** @param on whether to print findings to stderr @return this */
    public Options stderr(boolean on) {
      this.stderr = on;
      return this;
    }

    /** @param file a file to append JSON lines to, or {@code null} @return this */
    public Options findingsFile(Path file) {
      this.findingsFile = file;
      return this;
    }

    /** @param s suppressions, not {@code null} @return this */
    public Options suppressions(Suppressions s) {
      this.suppressions = Objects.requireNonNull(s, "suppressions");
      return this;
    }

    /** @param d the stall threshold, positive @return this */
    public Options stallThreshold(Duration d) {
      this.stallThreshold = Objects.requireNonNull(d, "stallThreshold");
      return this;
    }

    /**
     * @param nodes node cap of each lock-order graph, at least 16
     * @param edges edge cap of each lock-order graph, at least 16
     * @return this
     */
    public Options graphCaps(int nodes, int edges) {
      this.maxGraphNodes = nodes;
      this.maxGraphEdges = edges;
      return this;
    }

    /** @param l an extra listener, not {@code null} @return this */
    public Options listener(FindingListener l) {
      listeners.add(Objects.requireNonNull(l, "listener"));
      return this;
    }
  }
}
