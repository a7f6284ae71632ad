package io.lockwatch.analyzer.findings;

import java.util.Objects;

/** A {@link FindingListener} decorator that logs and swallows what the delegate throws. */
public final class GuardedFindingListener implements FindingListener {
  private static final System.Logger LOG = System.getLogger(GuardedFindingListener.class.getName());

  private final FindingListener delegate;

  private GuardedFindingListener(FindingListener delegate) {
    this.delegate = delegate;
  }

  /**
   * Wraps a listener so that an exception it throws is logged and does not reach the analyzer.
   *
   * @param delegate the listener, not {@code null}
   * @return the guarded listener, not {@code null}
   */
  public static FindingListener guard(FindingListener delegate) {
    Objects.requireNonNull(delegate, "delegate");
    return delegate instanceof GuardedFindingListener ? delegate : new GuardedFindingListener(delegate);
  }

  @Override
  public void onFinding(Finding finding) {
    try {
      delegate.onFinding(finding);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.WARNING, "lockwatch: finding listener " + delegate + " failed", t);
    }
  }

  @Override
  public String toString() {
    return "GuardedFindingListener{" + delegate + "}";
  }
}
