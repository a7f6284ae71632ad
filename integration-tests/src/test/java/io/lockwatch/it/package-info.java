/** End-to-end tests: scenarios of {@code examples/} under the shaded agent, findings live and offline. */
package io.lockwatch.it;
