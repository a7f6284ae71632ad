package io.lockwatch.micrometer;

import io.lockwatch.otel.internal.AgentHealth;
import io.lockwatch.otel.internal.EventMetrics;
import io.lockwatch.otel.internal.ExporterConfig;
import io.lockwatch.otel.internal.LockwatchEventStream;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Publishes the Lockwatch metrics (the same catalog as the OpenTelemetry exporter) into an
 * application's own Micrometer {@link MeterRegistry}, reading them from the in-process JFR stream.
 *
 * <pre>{@code
 * LockwatchMetrics lockwatch = new LockwatchMetrics();
 * lockwatch.bindTo(registry);   // starts a JFR stream on a daemon thread
 * ...
 * lockwatch.close();            // stops it
 * }</pre>
 */
public final class LockwatchMetrics implements MeterBinder, AutoCloseable {
  private final int topNames;
  private final Duration stallThreshold;
  private final List<LockwatchEventStream> streams = new ArrayList<>();
  private final Object lock = new Object();

  /** Uses the default name cap ({@value ExporterConfig#DEFAULT_TOP_NAMES}) and a 2 s stall threshold. */
  public LockwatchMetrics() {
    this(ExporterConfig.DEFAULT_TOP_NAMES, ExporterConfig.DEFAULT_STALL_THRESHOLD);
  }

  /**
   * @param topNames how many lock and executor names are reported as themselves; the rest are
   *     {@code other}; at least 1
   * @param stallThreshold how old a wait must be to count as a stalled thread, not {@code null}
   * @throws IllegalArgumentException if {@code topNames} is not positive
   */
  public LockwatchMetrics(int topNames, Duration stallThreshold) {
    if (topNames < 1) {
      throw new IllegalArgumentException("topNames must be positive.");
    }
    this.topNames = topNames;
    this.stallThreshold = Objects.requireNonNull(stallThreshold, "stallThreshold");
  }

  /**
   * Registers the meters and starts reading the JFR stream for this registry.
   *
   * @param registry the registry, not {@code null}
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    EventMetrics metrics = new EventMetrics(new MicrometerMetricSink(registry), topNames,
        stallThreshold.toNanos(), new AgentHealth());
    LockwatchEventStream stream = LockwatchEventStream.start(metrics, null);
    synchronized (lock) {
      streams.add(stream);
    }
  }

  /** Stops reading the JFR stream; the meters stay registered with their last values. */
  @Override
  public void close() {
    synchronized (lock) {
      streams.forEach(LockwatchEventStream::close);
      streams.clear();
    }
  }

  @Override
  public String toString() {
    return "LockwatchMetrics{topNames=" + topNames + ", stallThreshold=" + stallThreshold + "}";
  }
}
