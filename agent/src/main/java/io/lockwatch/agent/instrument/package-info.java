/**
 * What the agent instruments and how: ByteBuddy advice templates (inlined into the instrumented
 * methods, each body one static call into the bootstrap part), ASM rewrites of monitor and wait
 * call sites, and the {@code AgentBuilder} assembly. This package is internal. Parameters are not
 * {@code null} unless stated otherwise.
 */
package io.lockwatch.agent.instrument;
