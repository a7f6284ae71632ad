/** The overhead harness: an H2 JDBC workload run in child JVMs under alternating configurations. */
package io.lockwatch.proof.overhead;
