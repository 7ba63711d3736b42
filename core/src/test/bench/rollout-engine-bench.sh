#!/bin/sh
# Measures the rollout engine alone: `kaizen bench rollout` with the test environment, whose steps
# sleep STEP_MS (default 50) in this JVM, EPISODE_STEPS-step episodes (default 40) and the tabular
# test policy, which decides at once; no HTTP, no servers. With EPISODES concurrent episodes
# (default 64) the ideal is EPISODES / STEP_MS steps per second (1,280 for the defaults). Runs both
# modes (MODES, default "lockstep pipelined").
#
# Needs core built with its test classes (mvn -o install -pl core, or test-compile) and kaizen-api's
# test jar in the local Maven repository.
# Usage: core/src/test/bench/rollout-engine-bench.sh [more bench options, e.g. --rounds=3 --set PATH=VALUE]
set -eu
root=$(cd "$(dirname "$0")/../../../.." && pwd)
step_ms=${STEP_MS:-50}
episode_steps=${EPISODE_STEPS:-40}
episodes=${EPISODES:-64}
modes=${MODES:-lockstep pipelined}
work=$root/core/target/rollout-engine-bench
mkdir -p "$work"
cd "$root"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
if [ ! -s "$work/host.classpath" ] || [ core/pom.xml -nt "$work/host.classpath" ]; then
  mvn -q -o -B dependency:build-classpath -pl core -DincludeScope=runtime -DexcludeClassifiers=tests \
    -Dmdep.outputFile="$work/host.classpath" >/dev/null
fi
api_tests="$HOME/.m2/repository/dev/kaizen/kaizen-api/$version/kaizen-api-$version-tests.jar"
if [ ! -d core/target/classes ] || [ ! -d core/target/test-classes ] || [ ! -s "$api_tests" ]; then
  echo "needs core/target/classes, core/target/test-classes and $api_tests" >&2
  exit 2
fi
cp="$(cat "$work/host.classpath"):$root/core/target/classes:$root/core/target/test-classes:$api_tests"
cat >"$work/engine-bench.yaml" <<YAML
name: engine-bench
description: the rollout engine alone, with in-process steps that sleep and a policy that decides at once
seed: 7
environment: {type: test, train: $episodes, maxSteps: $episode_steps, stepDelayMillis: $step_ms}
policy: {type: tabular}
rollout: {batchSize: $episodes, threads: $episodes}
YAML
for mode in $modes; do
  echo "load: $(uptime)"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -cp "$cp" dev.kaizen.core.cli.Kaizen bench rollout "$work/engine-bench.yaml" \
    --episodes="$episodes" --set "rollout.mode=$mode" "$@"
done
echo "load: $(uptime)"
