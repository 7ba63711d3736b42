#!/bin/sh
# The end-to-end check of the *-llm recipes on CPU, with a real trainer and a real server:
#
#   dist/llm-check/cpu-check.sh [KAIZEN_HOME] [RECIPE...]
#
# KAIZEN_HOME: an installation (default dist/target/kaizen, as `mvn -pl dist -am package` builds it).
# RECIPE: some of eto-llm rft-llm stepagent-llm agentq-llm rememberer-llm (default all of them).
#
# It installs the installation's trainers/requirements.txt into a virtual environment (pip as set up
# on this machine; set CHECK_PYTHON to a Python that already has them to skip this), builds a tiny
# random-weight Llama and a tokenizer trained here (tiny_model.py; nothing is downloaded), serves it
# with `transformers serve` on 127.0.0.1:$CHECK_PORT, and runs every recipe for one iteration on a
# small store with the shipped trainer (kaizen-train with --serve transformers: LoRA, merged, put in
# the server's model cache, the server restarted). check_run.py then asserts, per run, that data was
# written, the trainer ran, the server served each new model and the policy asked it, and prints the
# requests per model and the trainer's log lines. The random model learns nothing: this checks the
# loop, not the learning. Exit code 0 only if every run passed.
#
# Environment: CHECK_DIR (work folder, default a new one under /tmp), CHECK_PORT (default 18431),
# CHECK_PYTHON (see above). Everything runs at nice 10; the server and the runs end with the script.
set -u
here=$(cd "$(dirname "$0")" && pwd -P)
home=${1:-$here/../target/kaizen}
[ $# -gt 0 ] && shift
home=$(cd "$home" 2>/dev/null && pwd -P) || { echo "cpu-check: no installation at ${home}; build dist or name one" >&2; exit 2; }
[ -x "$home/bin/kaizen" ] && [ -x "$home/trainers/kaizen-train" ] || {
  echo "cpu-check: $home has no bin/kaizen or trainers/kaizen-train; name a Kaizen installation" >&2; exit 2; }
recipes=${*:-eto-llm rft-llm stepagent-llm agentq-llm rememberer-llm}
work=${CHECK_DIR:-$(mktemp -d /tmp/kaizen-llm-check.XXXXXX)}
port=${CHECK_PORT:-18431}
mkdir -p "$work"
work=$(cd "$work" && pwd -P)
echo "cpu-check: installation $home, work folder $work, recipes: $recipes"

if [ -n "${CHECK_PYTHON:-}" ]; then
  python=$CHECK_PYTHON
else
  python=$work/venv/bin/python
  if [ ! -x "$python" ]; then
    python3 -m venv "$work/venv" || exit 2
    nice -n 10 "$work/venv/bin/pip" install -q -r "$home/trainers/requirements.txt" || {
      echo "cpu-check: cannot install $home/trainers/requirements.txt" >&2; exit 2; }
  fi
fi

export HF_HUB_CACHE="$work/hf-cache" HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
export HF_HUB_DISABLE_TELEMETRY=1 TOKENIZERS_PARALLELISM=false OMP_NUM_THREADS=1
base=kaizen-check/tiny-llama
nice -n 10 "$python" "$here/tiny_model.py" --cache "$HF_HUB_CACHE" --repo-id "$base" --trainers "$home/trainers" \
  2>&1 | grep -v "it/s\]" || exit 2

server_log=$work/server.log
pid_file=$work/server.pid
url=http://127.0.0.1:$port/v1
# transformers serve, in a session of its own, as a user would start it; kaizen-train restarts it
setsid nice -n 10 "$(dirname "$python")/transformers" serve --host 127.0.0.1 --port "$port" --device cpu \
  >> "$server_log" 2>&1 < /dev/null &
echo $! > "$pid_file"
stop_server() {
  pid=$(cat "$pid_file" 2>/dev/null) && kill "$pid" 2>/dev/null
}
trap stop_server EXIT
trap 'exit 143' TERM INT
tries=0
until curl -sf "$url/models" | grep -q "$base"; do
  tries=$((tries + 1))
  [ $tries -gt 120 ] && { echo "cpu-check: the server did not list $base in 120 s; see $server_log" >&2; exit 1; }
  sleep 1
done
echo "cpu-check: $url serves $base"

# the trainer's options, as a user gives them for a transformers serve server
export KAIZEN_PYTHON="$python" KAIZEN_TRAIN_SERVE=transformers KAIZEN_TRAIN_SERVER_PID_FILE="$pid_file"
export KAIZEN_TRAIN_SERVER_LOG="$server_log" KAIZEN_TRAIN_READY_TIMEOUT=300 KAIZEN_TRAIN_GRADIENT_ACCUMULATION=1
sft='["{trainers}/kaizen-train", sft, --data, "{sftData}", --base-model, "{baseModel}", --output, "{outputDir}", --name, "kaizen-{iteration}", --run-dir, "{runDir}", --server, "{baseUrl}"]'
dpo='["{trainers}/kaizen-train", dpo, --data, "{pairData}", --base-model, "{baseModel}", --output, "{outputDir}", --name, "kaizen-{iteration}", --run-dir, "{runDir}", --server, "{baseUrl}"]'
failed=0
for recipe in $recipes; do
  case "$recipe" in
    eto-llm) sets="method.demonstrations=2 method.explorationTasks=2 method.iterations=1" ;;
    rft-llm) sets="method.demonstrations=2 method.explorationTasks=2" ;;
    stepagent-llm) sets="method.demonstrations=2 method.inspection.tasks=2 method.iterations=1 method.inspection.batchSize=8" ;;
    agentq-llm) sets="method.demonstrations=2 method.tasksPerIteration=1 method.search.simulations=1
                      method.search.proposals=2 method.inferenceSearch.simulations=1 method.inferenceSearch.proposals=2
                      method.optimizer.readyTimeoutSeconds=60 method.optimizer.modelTemplate=kaizen-{iteration}
                      method.warmupOptimizer.readyTimeoutSeconds=60 method.warmupOptimizer.modelTemplate=kaizen-{iteration}" ;;
    rememberer-llm) sets="method.demonstrations=2 method.trainTasks=2 method.epochs=1 method.batchSize=2
                          method.optimizer.readyTimeoutSeconds=60 method.optimizer.modelTemplate=kaizen-{iteration}" ;;
    *) echo "cpu-check: unknown recipe $recipe" >&2; exit 2 ;;
  esac
  # agentq-llm and rememberer-llm ship without a warm-up or a trainer command: given here, as the
  # llm plugin's README shows (AgentQ's pairs need trees whose values differ, which a random model's
  # invalid actions rarely give, so its SFT warm-up is what surely trains)
  warmup="seed=7"
  case "$recipe" in
    agentq-llm) command="method.optimizer.command=$dpo" warmup="method.warmupOptimizer.command=$sft" ;;
    rememberer-llm) command="method.optimizer.command=$sft" ;;
    *) command="seed=7" ;;
  esac
  out=$work/runs/$recipe
  rm -rf "$out"
  offset=$(stat -c %s "$server_log")
  args=""
  for set in $sets; do args="$args --set $set"; done
  echo "cpu-check: $recipe"
  started=$(date +%s)
  # shellcheck disable=SC2086
  nice -n 10 "$home/bin/kaizen" run "$recipe" --out "$out" --set "policy.baseUrl=$url" --set "policy.model=$base" \
    --set policy.maxTokens=16 --set policy.maxConcurrency=2 --set policy.requestTimeoutSeconds=300 \
    --set environment.products=300 --set environment.train=8 --set environment.seen=2 --set environment.unseen=2 \
    --set environment.maxSteps=5 --set evaluation.episodes=1 --set evaluation.validation=1 \
    --set rollout.batchSize=4 --set "$command" --set "$warmup" $args > "$work/$recipe.out" 2>&1
  code=$?
  echo "  kaizen exited $code in $(( $(date +%s) - started )) s (output: $work/$recipe.out)"
  if [ $code -ne 0 ]; then
    tail -20 "$work/$recipe.out"
    failed=1
    continue
  fi
  "$python" "$here/check_run.py" "$out" "$server_log" "$offset" "$base" || failed=1
done
if [ $failed -ne 0 ]; then
  echo "cpu-check: FAILED (work folder $work)"
  exit 1
fi
echo "cpu-check: every run passed (work folder $work)"
