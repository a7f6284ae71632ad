package io.lockwatch.analyzer.findings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A concurrency bug named by the analyzer, with the threads, locks and executors involved and the
 * stacks of every side. Immutable; a finding that changes is reported again with the same
 * {@link #id()} and a new {@link #status()}.
 */
public final class Finding {
  private final String id;
  private final FindingType type;
  private final Severity severity;
  private final String summary;
  private final Instant firstSeen;
  private final Instant lastSeen;
  private final FindingStatus status;
  private final List<ThreadRef> threads;
  private final List<LockRef> locks;
  private final List<ExecutorRef> executors;
  private final List<StackRef> stacks;
  private final long weightNanos;

  private Finding(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.type = Objects.requireNonNull(b.type, "type");
    this.severity = Objects.requireNonNull(b.severity, "severity");
    this.summary = Objects.requireNonNull(b.summary, "summary");
    this.firstSeen = Objects.requireNonNull(b.firstSeen, "firstSeen");
    this.lastSeen = b.lastSeen == null ? b.firstSeen : b.lastSeen;
    this.status = Objects.requireNonNull(b.status, "status");
    this.threads = List.copyOf(b.threads);
    this.locks = List.copyOf(b.locks);
    this.executors = List.copyOf(b.executors);
    this.stacks = List.copyOf(b.stacks);
    this.weightNanos = b.weightNanos;
  }

  /**
   * Starts a finding.
   *
   * @param type its type, not {@code null}
   * @return a builder with status {@code NEW} and severity {@code WARNING}
   */
  public static Builder builder(FindingType type) {
    return new Builder(type);
  }

  /** @return a builder holding this finding's values, to derive an updated one */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.id = id;
    b.severity = severity;
    b.summary = summary;
    b.firstSeen = firstSeen;
    b.lastSeen = lastSeen;
    b.status = status;
    b.threads.addAll(threads);
    b.locks.addAll(locks);
    b.executors.addAll(executors);
    b.stacks.addAll(stacks);
    b.weightNanos = weightNanos;
    return b;
  }

  /** @return a stable id: the same bug gets the same id live and offline, not {@code null} */
  public String id() {
    return id;
  }

  /** @return the type, not {@code null} */
  public FindingType type() {
    return type;
  }

  /** @return the severity, not {@code null} */
  public Severity severity() {
    return severity;
  }

  /** @return a one-line summary written for a human, not {@code null} */
  public String summary() {
    return summary;
  }

  /** @return when the bug was first seen (event time), not {@code null} */
  public Instant firstSeen() {
    return firstSeen;
  }

  /** @return when the bug was last seen (event time), not {@code null} */
  public Instant lastSeen() {
    return lastSeen;
  }

  /** @return new, updated or resolved, not {@code null} */
  public FindingStatus status() {
    return status;
  }

  /** @return the threads involved, not {@code null} */
  public List<ThreadRef> threads() {
    return threads;
  }

  /** @return the locks involved, not {@code null} */
  public List<LockRef> locks() {
    return locks;
  }

  /** @return the executors involved, not {@code null} */
  public List<ExecutorRef> executors() {
    return executors;
  }

  /** @return the stacks of every side (each edge of a cycle; waiter and owner), not {@code null} */
  public List<StackRef> stacks() {
    return stacks;
  }

  /** @return measured wait and hold time on the locks involved, used to rank findings */
  public long weightNanos() {
    return weightNanos;
  }

  @Override
  public String toString() {
    return type + " " + severity + " " + id + " [" + status.label() + "]: " + summary;
  }

  /** Builds a {@link Finding}; setters return {@code this}. */
  public static final class Builder {
    private final FindingType type;
    private String id;
    private Severity severity = Severity.WARNING;
    private String summary = "";
    private Instant firstSeen;
    private Instant lastSeen;
    private FindingStatus status = FindingStatus.NEW;
    private final List<ThreadRef> threads = new ArrayList<>();
    private final List<LockRef> locks = new ArrayList<>();
    private final List<ExecutorRef> executors = new ArrayList<>();
    private final List<StackRef> stacks = new ArrayList<>();
    private long weightNanos;

    private Builder(FindingType type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** @param v the id, not {@code null} @return this */
    public Builder id(String v) {
      id = v;
      return this;
    }

    /** @param v the severity, not {@code null} @return this */
    public Builder severity(Severity v) {
      severity = v;
      return this;
    }

    /** @param v the summary, not {@code null} @return this */
    public Builder summary(String v) {
      summary = v;
      return this;
    }

    /** @param v when first seen, not {@code null} @return this */
    public Builder firstSeen(Instant v) {
      firstSeen = v;
      return this;
    }

    /** @param v when last seen @return this */
    public Builder lastSeen(Instant v) {
      lastSeen = v;
      return this;
    }

    /** @param v the status, not {@code null} @return this */
    public Builder status(FindingStatus v) {
      status = v;
      return this;
    }

    /** @param v a thread involved; ignored if {@code null} or already present @return this */
    public Builder thread(ThreadRef v) {
      if (v != null && !threads.contains(v)) {
        threads.add(v);
      }
      return this;
    }

    /** @param v a lock involved; ignored if {@code null} or already present @return this */
    public Builder lock(LockRef v) {
      if (v != null && !locks.contains(v)) {
        locks.add(v);
      }
      return this;
    }

    /** @param v an executor involved; ignored if {@code null} or already present @return this */
    public Builder executor(ExecutorRef v) {
      if (v != null && !executors.contains(v)) {
        executors.add(v);
      }
      return this;
    }

    /** @param v one side's stack, not {@code null} @return this */
    public Builder stack(StackRef v) {
      stacks.add(Objects.requireNonNull(v, "stack"));
      return this;
    }

    /** Removes every stack, to replace them. @return this */
    public Builder clearStacks() {
      stacks.clear();
      return this;
    }

    /** Removes every thread, to replace them. @return this */
    public Builder clearThreads() {
      threads.clear();
      return this;
    }

    /** @param v measured wait and hold nanoseconds, for ranking @return this */
    public Builder weightNanos(long v) {
      weightNanos = v;
      return this;
    }

    /** @return the type this builder builds */
    public FindingType type() {
      return type;
    }

    /** @return the finding @throws NullPointerException if id, firstSeen or summary is missing */
    public Finding build() {
      return new Finding(this);
    }
  }
}
