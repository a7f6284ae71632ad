/**
 * JMH benchmarks of the Lockwatch runtime's overhead; every measurement has its bare baseline in
 * the same class. Not deployed.
 */
package io.lockwatch;
