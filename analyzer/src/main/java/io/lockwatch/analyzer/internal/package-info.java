/**
 * Internal plumbing of the analyzer shared by its detector packages. Everything here is internal:
 * it may change without notice and is not API.
 *
 * <p>Null policy: parameters and return values are never {@code null} unless documented.
 */
package io.lockwatch.analyzer.internal;
