/**
 * The Lockwatch JFR event catalog: every event type that Lockwatch writes into a recording.
 *
 * <p>All events are named {@code lockwatch.*}, belong to the {@code Lockwatch} category and are
 * {@link jdk.jfr.Enabled disabled} by default, so a recording made with only
 * {@code settings=default} contains none of them. {@code lockwatch.jfc} (a resource of this package)
 * enables them with production thresholds.
 *
 * <p>Event names are API: they are never renamed, only deprecated. Fields are never {@code null}
 * when written by Lockwatch; an unknown value is the empty string or {@code 0}.
 */
package io.lockwatch.events;
