"""Trains a served chat model on the data a Kaizen run wrote, with TRL, then makes the server serve it.

    kaizen-train sft --data trl-sft.jsonl --base-model NAME --output DIR --name NEW_NAME [options]
    kaizen-train dpo --data trl-dpo.jsonl --base-model NAME --output DIR --name NEW_NAME [options]

``sft`` reads ``trl-sft`` rows (``{"messages": [...]}``) and trains on the assistant turns only;
``dpo`` reads ``trl-dpo`` or ``trl-dpo-trajectory`` rows (``prompt``, ``chosen``, ``rejected``).
LoRA by default (``--full`` for full fine-tuning). ``--base-model`` is the name the policy asked
the server for: a model trained by an earlier call of this script in the same run is found in the
run's registry (``<run-dir>/trl/kaizen-models.json``) and training continues from it; any other
name is loaded as a Hugging Face id or a folder, unless ``--weights`` says where its weights are.
Then ``--serve`` (see kaizen_serve.py) makes the server serve the result under ``--name``.

Every option can also be given as an environment variable: ``--serve`` as ``KAIZEN_TRAIN_SERVE``,
``--server-pid-file`` as ``KAIZEN_TRAIN_SERVER_PID_FILE`` and so on; a flag wins over its variable.
Progress is printed one JSON object a line (``{"loss": ..., "step": ...}``); exit code 0 only if the
model was trained, saved and (unless ``--serve none``) listed by the server.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kaizen_serve  # noqa: E402

REGISTRY = "kaizen-models.json"


def option(parser, flag, **kwargs):
    """Adds ``flag`` with its default taken from ``KAIZEN_TRAIN_<FLAG>`` when that variable is set."""
    variable = "KAIZEN_TRAIN_" + flag.lstrip("-").replace("-", "_").upper()
    if variable in os.environ:
        value = os.environ[variable]
        if kwargs.get("action") == "store_true":
            kwargs["default"] = value.lower() in ("1", "true", "yes")
        else:
            kwargs["default"] = kwargs.get("type", str)(value)
            kwargs.pop("required", None)
    kwargs["help"] = kwargs.get("help", "") + f" [{variable}]"
    parser.add_argument(flag, **kwargs)


def arguments(argv):
    parser = argparse.ArgumentParser(prog="kaizen-train", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("sft", "dpo"), help="supervised fine-tuning or DPO")
    option(parser, "--data", required=True, help="the data file the trl optimiser wrote ({sftData} or {pairData})")
    option(parser, "--base-model", required=True, help="the model the policy uses now ({baseModel})")
    option(parser, "--output", required=True, help="where to write the trained model ({outputDir})")
    option(parser, "--name", required=True, help="the name to serve the trained model under (modelTemplate)")
    option(parser, "--run-dir", default=None, help="the run's folder ({runDir}); holds the registry of trained models")
    option(parser, "--weights", default=None, help="the Hugging Face id or folder of --base-model's weights, if "
                                                   "the served name is not one (e.g. Ollama's names)")
    option(parser, "--full", action="store_true", help="full fine-tuning instead of LoRA")
    option(parser, "--lora-r", type=int, default=16)
    option(parser, "--lora-alpha", type=int, default=32)
    option(parser, "--lora-dropout", type=float, default=0.05)
    option(parser, "--lora-target", default="all-linear", help="target modules, comma-separated, or all-linear")
    option(parser, "--epochs", type=float, default=1.0)
    option(parser, "--learning-rate", type=float, default=None, help="default 1e-4 (LoRA) or 1e-5 (full)")
    option(parser, "--batch-size", type=int, default=1)
    option(parser, "--gradient-accumulation", type=int, default=8)
    option(parser, "--beta", type=float, default=0.1, help="DPO's beta")
    option(parser, "--max-length", type=int, default=None, help="truncate rows to this many tokens; default none")
    option(parser, "--seed", type=int, default=42)
    option(parser, "--serve", default="vllm-lora", choices=kaizen_serve.MODES,
           help="how the server comes to serve the result")
    option(parser, "--server", default=None, help="the server's API root, e.g. http://localhost:8000/v1 ({baseUrl})")
    option(parser, "--server-pid-file", default=None, help="transformers/command: the server's process id file")
    option(parser, "--server-command", default=None, help="command: the server to start, with {model} and {name}")
    option(parser, "--server-log", default=None, help="the restarted server's log; default beside the pid file")
    option(parser, "--ready-timeout", type=float, default=900.0, help="seconds to wait for the server to list it")
    args = parser.parse_args(argv)
    if not Path(args.data).is_file() or Path(args.data).stat().st_size == 0:
        parser.error(f"--data {args.data} is missing or empty")
    if args.serve != "none" and not args.server:
        parser.error(f"--serve {args.serve} needs --server (the API root the policy uses)")
    return args


def log(message):
    print(f"kaizen-train: {message}", flush=True)


def registry_path(args):
    return Path(args.run_dir) / "trl" / REGISTRY if args.run_dir else None


def read_registry(args):
    path = registry_path(args)
    if path is None or not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def record(args, entry):
    path = registry_path(args)
    if path is None:
        return
    models = read_registry(args)
    models[args.name] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(models, indent=2), encoding="utf-8")
    temporary.replace(path)


def starting_point(args):
    """(base weights, adapter folder or None) that --base-model stands for."""
    if args.weights:
        return args.weights, None
    known = read_registry(args).get(args.base_model)
    if known is not None:
        return known["base"], known.get("adapter")
    return args.base_model, None


def json_lines():
    """A trainer callback that prints each logged set of figures as one JSON line."""
    from transformers import TrainerCallback

    class JsonLines(TrainerCallback):
        def on_log(self, _args, state, _control, logs=None, **_kwargs):
            if logs:
                figures = {k: v for k, v in logs.items() if isinstance(v, (int, float))}
                figures["step"] = state.global_step
                print(json.dumps(figures), flush=True)

    return JsonLines()


def load(args, base, adapter):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    dtype = torch.bfloat16 if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else torch.float32
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=dtype)
    if adapter is None:
        return model, tokenizer, None
    from peft import PeftModel

    if args.full:
        log(f"merging adapter {adapter} into {base} for full fine-tuning")
        return PeftModel.from_pretrained(model, adapter).merge_and_unload(), tokenizer, None
    log(f"continuing adapter {adapter} on {base}")
    return model, tokenizer, PeftModel.from_pretrained(model, adapter, is_trainable=True)


def lora_config(args):
    from peft import LoraConfig

    target = args.lora_target if args.lora_target == "all-linear" else args.lora_target.split(",")
    return LoraConfig(r=args.lora_r, lora_alpha=args.lora_alpha, lora_dropout=args.lora_dropout,
                      target_modules=target, task_type="CAUSAL_LM")


def common(args, output):
    import torch

    return dict(output_dir=str(output), num_train_epochs=args.epochs, per_device_train_batch_size=args.batch_size,
                gradient_accumulation_steps=args.gradient_accumulation,
                learning_rate=args.learning_rate or (1e-5 if args.full else 1e-4), logging_steps=1,
                save_strategy="no", report_to="none", disable_tqdm=True, seed=args.seed,
                max_length=args.max_length, use_cpu=not torch.cuda.is_available(),
                bf16=torch.cuda.is_available() and torch.cuda.is_bf16_supported())


def train(args):
    from datasets import load_dataset

    base, adapter = starting_point(args)
    log(f"{args.kind} on {args.data}: --base-model {args.base_model} is {base}"
        + (f" with adapter {adapter}" if adapter else "") + ("; full fine-tuning" if args.full else "; LoRA"))
    model, tokenizer, peft_model = load(args, base, adapter)
    dataset = load_dataset("json", data_files=str(args.data), split="train")
    log(f"{len(dataset)} rows")
    work = Path(args.output) / "trainer"
    peft_config = None if args.full or peft_model is not None else lora_config(args)
    trained = peft_model if peft_model is not None else model
    if args.kind == "sft":
        from trl import SFTConfig, SFTTrainer

        config = SFTConfig(assistant_only_loss=True, **common(args, work))
        trainer = SFTTrainer(model=trained, args=config, train_dataset=dataset, processing_class=tokenizer,
                             peft_config=peft_config, callbacks=[json_lines()])
    else:
        from trl import DPOConfig, DPOTrainer

        config = DPOConfig(beta=args.beta, **common(args, work))
        trainer = DPOTrainer(model=trained, args=config, train_dataset=dataset, processing_class=tokenizer,
                             peft_config=peft_config, callbacks=[json_lines()])
    from transformers.trainer_callback import PrinterCallback

    trainer.remove_callback(PrinterCallback)  # its lines repeat the JSON ones with the numbers as text
    result = trainer.train()
    print(json.dumps({"train_loss": result.training_loss, "step": result.global_step}), flush=True)
    return base, trainer.model, tokenizer


def save(args, base, model, tokenizer):
    """Saves the adapter (LoRA) and, where the server needs one, the full model; returns (model folder, adapter)."""
    output = Path(args.output).resolve()
    is_peft = hasattr(model, "peft_config")
    if not is_peft:
        folder = output / "model"
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        return folder, None
    adapter = output / "adapter"
    model.save_pretrained(adapter)
    tokenizer.save_pretrained(adapter)
    if args.serve == "vllm-lora":
        return adapter, adapter
    folder = output / "merged"
    model.merge_and_unload().save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    log(f"merged the adapter into {folder}")
    return folder, adapter


def main(argv):
    args = arguments(argv)
    started = time.monotonic()
    Path(args.output).mkdir(parents=True, exist_ok=True)
    base, model, tokenizer = train(args)
    main_process = os.environ.get("RANK", "0") == "0"
    if not main_process:
        return 0
    folder, adapter = save(args, base, model, tokenizer)
    log(f"saved {'adapter ' + str(adapter) if adapter else 'model ' + str(folder)} in "
        f"{time.monotonic() - started:.1f} s")
    record(args, {"base": base if adapter else str(folder), "adapter": str(adapter) if adapter else None,
                  "model": str(folder), "kind": args.kind, "from": args.base_model})
    try:
        kaizen_serve.serve(args.serve, args.server, args.name, folder, adapter, args.server_pid_file,
                           args.server_command, args.server_log, args.ready_timeout)
    except kaizen_serve.ServeError as e:
        log(f"the model was trained ({folder}) but is not served: {e}")
        return 3
    log(f"done: {args.name} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
