/**
 * The Lockwatch explicit API: name locks and executors, wrap them so they report to Lockwatch
 * without the agent, and declare an intended lock order. Parameters are never {@code null}.
 */
package io.lockwatch;
