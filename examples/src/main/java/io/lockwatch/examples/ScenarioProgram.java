package io.lockwatch.examples;

/** The body of one scenario; it returns when the scenario ends, or never if it hangs. */
@FunctionalInterface
interface ScenarioProgram {
  void run(ScenarioContext ctx) throws Exception;
}
