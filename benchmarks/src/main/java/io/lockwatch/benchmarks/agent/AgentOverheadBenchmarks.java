package io.lockwatch.benchmarks.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the agent-overhead benchmarks of this package once per {@link AgentConfiguration}, back to
 * back in one invocation, and prints one combined table with each configuration's delta against
 * the no-agent baseline. JMH's {@code @Fork} cannot compute the agent jar's path, so this main
 * appends {@code -javaagent:<jar>} per configuration through {@link OptionsBuilder}.
 *
 * <p>Run (from the repository root; {@code benchmarks/run-agent-benchmarks.sh} does both steps):
 * <pre>
 * ./mvnw -B -q -DskipTests package -pl benchmarks,agent -am
 * java -Dlockwatch.agent.jar=agent/target/lockwatch-agent.jar \
 *      -cp benchmarks/target/benchmarks.jar io.lockwatch.benchmarks.agent.AgentOverheadBenchmarks \
 *      -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 * Arguments are JMH's own command line (a benchmark regex narrows the set). System properties:
 * {@code lockwatch.agent.jar} (default {@code agent/target/lockwatch-agent.jar}),
 * {@code lockwatch.bench.configs} (default {@code all}: {@code no-agent,agent-off,events-off,
 * default}), {@code lockwatch.bench.out} (default {@code benchmarks/target}). Per configuration it
 * writes {@code agent-overhead-<config>.json}; the combined table goes to stdout and to
 * {@code agent-overhead.md}.
 */
public final class AgentOverheadBenchmarks {
  /** The package's benchmarks. */
  private static final String DEFAULT_INCLUDE = "^" + AgentOverheadBenchmarks.class.getPackageName()
      .replace(".", "\\.") + "\\.";

  private AgentOverheadBenchmarks() {}

  /**
   * Runs every configuration and prints the combined table.
   *
   * @param args JMH command-line options
   * @throws Exception if the options are bad, the agent jar is missing or a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    Path agentJar = Paths.get(
        System.getProperty("lockwatch.agent.jar", "agent/target/lockwatch-agent.jar"))
        .toAbsolutePath().normalize();
    if (!Files.isRegularFile(agentJar)) {
      throw new IllegalArgumentException("agent jar not found: " + agentJar
          + " (build it: ./mvnw -B -q -DskipTests package -pl benchmarks,agent -am)");
    }
    Path outDir = Paths.get(System.getProperty("lockwatch.bench.out", "benchmarks/target"));
    Files.createDirectories(outDir);
    List<AgentConfiguration> configs =
        AgentConfiguration.parseList(System.getProperty("lockwatch.bench.configs", "all"));

    Map<AgentConfiguration, Collection<RunResult>> results = new LinkedHashMap<>();
    for (AgentConfiguration config : configs) {
      System.out.println("# Lockwatch configuration: " + config.id() + " ("
          + config.description() + ")");
      List<String> jvmArgs = new ArrayList<>(cli.getJvmArgsAppend().orElse(List.of()));
      jvmArgs.addAll(config.jvmArgs(agentJar));
      ChainedOptionsBuilder options = new OptionsBuilder()
          .parent(cli)
          .jvmArgsAppend(jvmArgs.toArray(new String[0]))
          .shouldFailOnError(true)
          .resultFormat(ResultFormatType.JSON)
          .result(outDir.resolve("agent-overhead-" + config.id() + ".json").toString());
      if (cli.getIncludes().isEmpty()) {
        options.include(DEFAULT_INCLUDE);
      }
      results.put(config, new Runner(options.build()).run());
    }

    String table = OverheadTable.format(results);
    System.out.println();
    System.out.println(table);
    Files.writeString(outDir.resolve("agent-overhead.md"), table, StandardCharsets.UTF_8);
  }
}
