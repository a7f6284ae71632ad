/**
 * Where events come from: {@code .jfr} files, this JVM (in-process), another local JVM by pid, a
 * remote JVM over JMX; and where findings go as they come (stderr, a JSON-lines file, the recording).
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.source;
