#!/bin/sh
# Measures `kaizen bench rollout` with the agentgym environment and the llm policy against two local
# fake servers: an AgentGym-protocol server whose steps answer after STEP_MS (default 50) with
# EPISODE_STEPS-step episodes (default 40), and an OpenAI-compatible server that answers after
# LLM_MS (default 0) with the first valid action. With EPISODES concurrent episodes (default 64)
# the ideal is EPISODES / STEP_MS steps per second (1,280 for the defaults).
#
# Needs: core installed in the local Maven repository and the two plugins built
# (mvn -o install -pl plugins/llm,plugins/agentgym). With KAIZEN_HOME set, that installation's
# bin/kaizen runs the benchmark instead of core from the Maven repository.
# Usage: plugins/agentgym/src/test/bench/rollout-bench.sh [more bench options, e.g. --set PATH=VALUE]
set -eu
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
step_ms=${STEP_MS:-50}
llm_ms=${LLM_MS:-0}
episode_steps=${EPISODE_STEPS:-40}
episodes=${EPISODES:-64}
gym_port=${GYM_PORT:-36001}
llm_port=${LLM_PORT:-38001}
work=$root/plugins/agentgym/target/rollout-bench
mkdir -p "$work/plugins"
cd "$root"
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
  version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
  host_cp="$(cat "$work/host.classpath"):$HOME/.m2/repository/dev/kaizen/kaizen-core/$version/kaizen-core-$version.jar"
fi
cp plugins/agentgym/target/agentgym-plugin-*.zip plugins/llm/target/llm-plugin-*.zip "$work/plugins/"
gym_cp="$(cat "$work/agentgym.classpath"):$root/plugins/agentgym/target/test-classes:$root/plugins/agentgym/target/classes"
llm_cp="$(cat "$work/llm.classpath"):$root/plugins/llm/target/test-classes:$root/plugins/llm/target/classes"

java -cp "$gym_cp" dev.kaizen.agentgym.FakeAgentGymServer --port "$gym_port" --delay-ms "$step_ms" \
  --episode-steps "$episode_steps" >"$work/agentgym-server.log" 2>&1 &
gym=$!
java -cp "$llm_cp" dev.kaizen.llm.testing.FakeOpenAiServer --port "$llm_port" --delay-ms "$llm_ms" \
  >"$work/openai-server.log" 2>&1 &
llm=$!
trap 'kill $gym $llm 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  if grep -q "at http" "$work/agentgym-server.log" && grep -q "at http" "$work/openai-server.log"; then
    break
  fi
  sleep 0.1
done
cat "$work/agentgym-server.log" "$work/openai-server.log"
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
