/**
 * Small application programs that the agent's integration tests run in forked JVMs. They live
 * outside {@code io.lockwatch.agent} because the agent never instruments its own packages.
 */
package example.app;
