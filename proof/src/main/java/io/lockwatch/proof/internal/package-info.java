/** Internal helpers of the proof harnesses: child JVMs, process metrics, JSON lines. Not API. */
package io.lockwatch.proof.internal;
