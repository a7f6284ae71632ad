#!/usr/bin/env bash
# Builds the agent and the benchmarks, then measures the Lockwatch agent's overhead in one run:
# no agent, agent off (-Dlockwatch.enabled=false), agent with lockwatch events disabled, and agent
# at default settings. Results: benchmarks/target/agent-overhead-<config>.json (JMH JSON per
# configuration), benchmarks/target/agent-overhead.md (combined table with deltas) and
# benchmarks/target/agent-overhead.txt (the full console log).
#
# Usage: benchmarks/run-agent-benchmarks.sh [JMH options...]
#   Default JMH options: -f 1 -wi 3 -i 5 -w 1 -r 1. Any arguments replace them (a benchmark regex
#   such as LockPairOverhead narrows the set).
# Environment: JAVA_HOME (JDK to build and run with), LOCKWATCH_BENCH_CONFIGS (e.g.
#   no-agent,default; default all), SKIP_BUILD=1 to reuse the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -B -q -DskipTests package -pl benchmarks,agent -am
fi
for jar in agent/target/lockwatch-agent.jar benchmarks/target/benchmarks.jar; do
  [[ -f "$jar" ]] || { echo "missing $jar" >&2; exit 1; }
done

if [[ $# -eq 0 ]]; then
  set -- -f 1 -wi 3 -i 5 -w 1 -r 1
fi
mkdir -p benchmarks/target
"$java_cmd" \
  -Dlockwatch.agent.jar=agent/target/lockwatch-agent.jar \
  -Dlockwatch.bench.configs="${LOCKWATCH_BENCH_CONFIGS:-all}" \
  -Dlockwatch.bench.out=benchmarks/target \
  -cp benchmarks/target/benchmarks.jar \
  io.lockwatch.benchmarks.agent.AgentOverheadBenchmarks "$@" \
  2>&1 | tee benchmarks/target/agent-overhead.txt
exit "${PIPESTATUS[0]}"
