/**
 * The agent's static hooks that instrumented code calls, loaded on the bootstrap class path
 * together with the recording runtime. This package is internal. Only JDK types cross its
 * boundary; nothing here throws, takes a lock or allocates on the common path. Parameters may be
 * {@code null} unless stated otherwise.
 */
package io.lockwatch.agent.bootstrap;
