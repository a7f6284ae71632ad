/** Test-only main classes run in forked scenario JVMs. */
package io.lockwatch.dashboards.launcher;
