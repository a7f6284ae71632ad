/**
 * The recording runtime: per-thread held-lock state, order-edge deduplication, lock identities, the
 * coarse clock and the in-flight watchdog. This package is internal: the agent and the explicit API
 * call it, applications should not. Parameters are not {@code null} unless documented.
 */
package io.lockwatch.runtime;
