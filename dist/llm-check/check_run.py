"""Checks one run of a *-llm recipe in the CPU check, and prints what it found.

    python check_run.py RUN_DIR SERVER_LOG LOG_OFFSET BASE_MODEL

Asserts that the run completed; that every trl-train event trained (the trainer ran and exited 0)
on data the run wrote; that each train.log holds the trainer's losses and its "done" line; that the
server received requests for every trained model after it was trained (it served the new model and
the policy used it); and that the run's final policy names the last trained model. Prints the
requests the server received per model during the run (read from its log, from byte LOG_OFFSET on)
and the trainer's own log lines. Exits 1 with the reasons if anything does not hold.
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

REQUEST = re.compile(r"\[Request received\] Model: (\S+?)(?:@main)?,")


def events(run, name):
    found = []
    for line in (run / "metrics.jsonl").read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if event.get("event") == name:
            found.append(event)
    return found


def main(run_dir, server_log, offset, base_model):
    run = Path(run_dir)
    problems = []
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    if summary.get("status") != "completed":
        problems.append(f"status is {summary.get('status')}: {summary.get('error')}")
    with open(server_log, "rb") as log:
        log.seek(int(offset))
        served = log.read().decode("utf-8", "replace")
    requests = [m.group(1) for m in REQUEST.finditer(served)]
    per_model = Counter(requests)
    print(f"  requests the server received, per model: {dict(per_model)}")

    for searched in events(run, "agentq-pairs"):
        print(f"  AgentQ's trees: {searched['nodes']} nodes, {searched['pairs']} pairs"
              + (" (no DPO: the values of a random model's actions do not differ)" if searched["pairs"] == 0 else ""))
    trainings = events(run, "trl-train")
    trained = [t for t in trainings if t.get("trained") == 1.0]
    print(f"  trainings: {[(t['label'], t['model']) for t in trainings]}")
    if not trained:
        problems.append("no trl-train event trained a model")
    for training in trainings:
        if training.get("trained") != 1.0:
            problems.append(f"{training['label']}: nothing trained ({training})")
            continue
        folder = run / "trl" / re.sub(r"[^A-Za-z0-9._-]+", "-", training["label"]).strip("-")
        data = [f for f in (folder / "data").iterdir() if f.stat().st_size > 0]
        if not data:
            problems.append(f"{training['label']}: no data in {folder / 'data'}")
        log = (folder / "train.log").read_text(encoding="utf-8")
        lines = [line for line in log.splitlines() if line.startswith(("kaizen-train:", "kaizen-serve:", '{"loss"',
                                                                        '{"train_loss"'))]
        print(f"  {training['label']}: {', '.join(f.name for f in data)}; train.log:")
        for line in lines:
            print(f"    {line}")
        if not any(line.startswith('{"loss"') for line in lines):
            problems.append(f"{training['label']}: no loss in {folder / 'train.log'}")
        if not any(line.startswith("kaizen-train: done: " + training["model"]) for line in lines):
            problems.append(f"{training['label']}: the trainer did not finish serving {training['model']}")
        model = training["model"]
        position = requests.index(model) if model in requests else -1
        if position < 0:
            problems.append(f"the server received no request for {model}")
    if trained:
        last = trained[-1]["model"]
        final = json.loads((run / "checkpoints" / "final" / "policy" / "llm-policy.json").read_text(encoding="utf-8"))
        if final.get("model") != last:
            problems.append(f"the final policy names {final.get('model')}, not the last trained model {last}")
    if base_model not in per_model:
        print(f"  (no request for the base model {base_model}: the recipe trained before its first request)")
    for problem in problems:
        print(f"  PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
