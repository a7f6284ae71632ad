package io.lockwatch.runtime;

/**
 * Per-thread held-lock state. This class is internal.
 */
public final class ThreadLockState {
  ThreadLockState() {}
}
