package io.lockwatch.analyzer.lockorder;

import io.lockwatch.analyzer.findings.ThreadRef;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One observation of an order edge.
 *
 * @param fromLabel readable name of the held lock or executor
 * @param toLabel readable name of the requested lock or executor
 * @param thread the acting thread, may be {@code null}
 * @param frames the stack of the nested acquisition (or wait)
 * @param time when it happened
 * @param gates graph keys of the other locks held at that moment
 * @param heldRead whether the held lock was held in read mode
 * @param acquiredRead whether the requested lock was requested in read mode
 * @param run the run (recording) it came from
 */
record EdgeObservation(String fromLabel, String toLabel, ThreadRef thread, Supplier<List<String>> frames,
    Instant time, Set<String> gates, boolean heldRead, boolean acquiredRead, int run) {}
