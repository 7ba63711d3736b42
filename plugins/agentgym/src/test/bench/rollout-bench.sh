#!/bin/sh
# Measures `kaizen bench rollout` with the agentgym environment against a local fake AgentGym server
# (TextCraft's wire format, profile textcraft) whose steps answer after STEP_MS (default 50) with
# EPISODE_STEPS-step episodes (default 40), and
# the llm policy against a fake OpenAI-compatible server that answers after LLM_MS (default 0) with
# the first valid action. With EPISODES concurrent episodes (default 64) the ideal is
# EPISODES / STEP_MS steps per second (1,280 for the defaults).
#
# POLICY=first-action replaces the llm policy (and its server) by an in-process policy that costs
# next to no CPU (core's test policy, filling the free-text template with "look"): what is left is
# the engine and the agentgym client against the AgentGym server alone.
#
# The benchmark's JVM reports its own CPU time per step (processCpuMillisPerStep); this script adds
# the CPU seconds each fake server used, so that the whole machine's cost per step can be added up.
# Long runs (e.g. EPISODE_STEPS=300 with --set environment.maxSteps=300, or --rounds=5) measure
# warmed-up code; short ones include JIT compilation in all three JVMs.
#
# Needs: core installed in the local Maven repository and the two plugins built
# (mvn -o install -pl plugins/llm,plugins/agentgym); POLICY=first-action also needs core's test
# classes (mvn -o test-compile -pl core) and kaizen-api's test jar. With KAIZEN_HOME set, that
# installation's bin/kaizen runs the benchmark instead of core from the Maven repository.
# Usage: plugins/agentgym/src/test/bench/rollout-bench.sh [more bench options, e.g. --rounds=3 --set PATH=VALUE]
set -eu
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
step_ms=${STEP_MS:-50}
llm_ms=${LLM_MS:-0}
episode_steps=${EPISODE_STEPS:-40}
episodes=${EPISODES:-64}
gym_port=${GYM_PORT:-36001}
llm_port=${LLM_PORT:-38001}
policy=${POLICY:-llm}
case "$policy" in
  llm|first-action) ;;
  *) echo "POLICY must be llm or first-action, got '$policy'" >&2; exit 2 ;;
esac
work=$root/plugins/agentgym/target/rollout-bench
mkdir -p "$work/plugins"
cd "$root"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
for module in agentgym llm; do
  if [ ! -s "$work/$module.classpath" ] || [ "plugins/$module/pom.xml" -nt "$work/$module.classpath" ]; then
    mvn -q -o -B dependency:build-classpath -pl plugins/$module -DincludeScope=test \
      -Dmdep.outputFile="$work/$module.classpath" >/dev/null
  fi
done
if [ -z "${KAIZEN_HOME:-}" ]; then
  if [ ! -s "$work/host.classpath" ] || [ core/pom.xml -nt "$work/host.classpath" ]; then
    mvn -q -o -B dependency:build-classpath -pl core -DincludeScope=runtime -DexcludeClassifiers=tests \
      -Dmdep.outputFile="$work/host.classpath" >/dev/null
  fi
  host_cp="$(cat "$work/host.classpath"):$HOME/.m2/repository/dev/kaizen/kaizen-core/$version/kaizen-core-$version.jar"
fi
if [ "$policy" = first-action ]; then
  if [ -n "${KAIZEN_HOME:-}" ]; then
    echo "POLICY=first-action needs core's test classes; unset KAIZEN_HOME" >&2
    exit 2
  fi
  api_tests="$HOME/.m2/repository/dev/kaizen/kaizen-api/$version/kaizen-api-$version-tests.jar"
  if [ ! -d core/target/test-classes ] || [ ! -s "$api_tests" ]; then
    echo "POLICY=first-action needs core/target/test-classes and $api_tests" >&2
    exit 2
  fi
  host_cp="$host_cp:$root/core/target/test-classes:$api_tests"
  set -- "$@" --set 'policy={type: first-action, fill: look}'
fi
cp plugins/agentgym/target/agentgym-plugin-*.zip plugins/llm/target/llm-plugin-*.zip "$work/plugins/"
gym_cp="$(cat "$work/agentgym.classpath"):$root/plugins/agentgym/target/test-classes:$root/plugins/agentgym/target/classes"
llm_cp="$(cat "$work/llm.classpath"):$root/plugins/llm/target/test-classes:$root/plugins/llm/target/classes"

java -cp "$gym_cp" dev.kaizen.agentgym.fake.FakeServerMain --port "$gym_port" --delay-ms "$step_ms" \
  --episode-steps "$episode_steps" >"$work/agentgym-server.log" 2>&1 &
gym=$!
servers=$gym
if [ "$policy" = llm ]; then
  java -cp "$llm_cp" dev.kaizen.llm.testing.FakeOpenAiServer --port "$llm_port" --delay-ms "$llm_ms" \
    >"$work/openai-server.log" 2>&1 &
  llm=$!
  servers="$gym $llm"
else
  echo "fake OpenAI-compatible server at (none: POLICY=first-action)" >"$work/openai-server.log"
fi
# shellcheck disable=SC2086
trap 'kill $servers 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  if grep -q "at http" "$work/agentgym-server.log" && grep -q "at " "$work/openai-server.log"; then
    break
  fi
  sleep 0.1
done
cat "$work/agentgym-server.log" "$work/openai-server.log"
cpu_seconds() { # user + system CPU seconds of a process, from /proc
  if [ -r "/proc/$1/stat" ]; then awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; else echo "?"; fi
}
echo "load: $(uptime)"
run_kaizen() {
  if [ -n "${KAIZEN_HOME:-}" ]; then
    "$KAIZEN_HOME/bin/kaizen" "$@"
  else
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -cp "$host_cp" dev.kaizen.core.cli.Kaizen "$@"
  fi
}
run_kaizen bench rollout "$root/dist/recipes/agentgym-bench.yaml" --plugins "$work/plugins" \
  --episodes="$episodes" \
  --set "environment.baseUrl=http://127.0.0.1:$gym_port" --set "policy.baseUrl=http://127.0.0.1:$llm_port/v1" "$@"
echo "load: $(uptime)"
for pid in $servers; do
  echo "server $pid CPU seconds since start (warm-up and bench together): $(cpu_seconds "$pid")"
done
