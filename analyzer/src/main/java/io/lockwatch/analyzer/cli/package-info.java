/**
 * The {@code lockwatch} command line (picocli): {@code analyze} and {@code watch}.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.cli;
