/** The soak: a churning workload under the agent, checked for flat heap and table sizes. */
package io.lockwatch.proof.soak;
