/** Small applications that the proof tests run in child JVMs under the agent. */
package io.lockwatch.proof.apps;
