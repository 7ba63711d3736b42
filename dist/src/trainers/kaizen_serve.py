"""Makes an OpenAI-compatible server serve a model that kaizen_train.py has just trained.

Modes (``--serve``):

* ``vllm-lora``: loads the LoRA adapter into a running vLLM server under ``--name`` through its
  runtime endpoint (``POST <server>/load_lora_adapter``); vLLM must run with ``--enable-lora`` and
  ``VLLM_ALLOW_RUNTIME_LORA_UPDATING=True``. An adapter of the same name is unloaded first.
* ``transformers``: installs the (merged) model in the Hugging Face cache of a running
  ``transformers serve`` under ``--name``, stops that server (the process in ``--server-pid-file``)
  and starts it again with the same command line, environment and working directory, so that it
  lists the new model. Linux only (it reads the command line from /proc).
* ``command``: stops the process in ``--server-pid-file`` and starts ``--server-command`` instead,
  with ``{model}`` (the trained model's folder) and ``{name}`` replaced, e.g.
  ``vllm serve {model} --served-model-name {name} --port 8000``.
* ``none``: serves nothing (the caller serves the model itself).

Every mode but ``none`` waits until ``GET <server>/models`` lists ``--name``.
"""

import json
import os
import shlex
import signal
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

MODES = ("vllm-lora", "transformers", "command", "none")


class ServeError(RuntimeError):
    """The server could not be made to serve the model; the message says what to change."""


def log(message):
    print(f"kaizen-serve: {message}", flush=True)


def listed_models(server, timeout=5.0):
    """The ids ``GET <server>/models`` lists; raises OSError (URLError) if the server does not answer."""
    with urllib.request.urlopen(server.rstrip("/") + "/models", timeout=timeout) as response:
        body = json.loads(response.read().decode("utf-8"))
    return [entry.get("id") for entry in body.get("data", [])]


def wait_until_listed(server, name, timeout_seconds, process=None):
    """Waits until the server lists ``name``; raises ServeError after ``timeout_seconds`` or if ``process`` ends."""
    deadline = time.monotonic() + timeout_seconds
    last = "no answer yet"
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServeError(f"the server process ended with exit code {process.returncode} before it listed "
                             f"'{name}'; see its log")
        try:
            ids = listed_models(server)
            if name in ids:
                log(f"{server} lists {name}")
                return
            last = f"it lists {ids}"
        except (OSError, ValueError) as e:
            last = f"{type(e).__name__}: {e}"
        time.sleep(1.0)
    raise ServeError(f"{server}/models did not list '{name}' within {timeout_seconds:.0f} s ({last})")


def post_json(url, body, timeout=600.0):
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def serve_vllm_lora(server, name, adapter_dir, ready_seconds):
    root = server.rstrip("/")
    status, text = post_json(root + "/unload_lora_adapter", {"lora_name": name})
    if status == 200:
        log(f"unloaded the earlier adapter {name}")
    status, text = post_json(root + "/load_lora_adapter", {"lora_name": name, "lora_path": str(adapter_dir)})
    if status != 200:
        raise ServeError(f"vLLM refused to load adapter {adapter_dir} as '{name}' (status {status}: {text.strip()}); "
                         "start vLLM with --enable-lora (and --max-lora-rank at least the adapter's rank) and "
                         "VLLM_ALLOW_RUNTIME_LORA_UPDATING=True, or choose another --serve mode")
    log(f"vLLM loaded adapter {adapter_dir} as {name}")
    wait_until_listed(server, name, ready_seconds)


def hub_cache(environment):
    """The Hugging Face hub cache a process with ``environment`` uses."""
    if environment.get("HF_HUB_CACHE"):
        return Path(environment["HF_HUB_CACHE"])
    if environment.get("HF_HOME"):
        return Path(environment["HF_HOME"]) / "hub"
    home = environment.get("XDG_CACHE_HOME") or os.path.join(environment.get("HOME", str(Path.home())), ".cache")
    return Path(home) / "huggingface" / "hub"


def install_in_cache(model_dir, repo_id, cache):
    """Copies a model folder into a hub cache as ``repo_id`` (revision ``main``), replacing an earlier one."""
    folder = Path(cache) / ("models--" + repo_id.replace("/", "--"))
    revision = "kaizen" + format(time.time_ns(), "x")
    snapshot = folder / "snapshots" / revision
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(model_dir, snapshot)
    refs = folder / "refs"
    refs.mkdir(parents=True, exist_ok=True)
    (refs / "main").write_text(revision, encoding="utf-8")
    for old in (folder / "snapshots").iterdir():
        if old.name != revision:
            shutil.rmtree(old, ignore_errors=True)
    return snapshot


def read_pid(pid_file):
    if not pid_file:
        raise ServeError("this --serve mode restarts the server, so it needs --server-pid-file "
                         "(a file holding the server's process id)")
    try:
        return int(Path(pid_file).read_text(encoding="utf-8").strip())
    except (OSError, ValueError) as e:
        raise ServeError(f"cannot read the server's process id from {pid_file}: {e}") from e


def process_of(pid):
    """The command line, environment and working directory of a running process (Linux)."""
    proc = Path("/proc") / str(pid)
    try:
        argv = [a.decode() for a in (proc / "cmdline").read_bytes().split(b"\0") if a]
        environment = dict(entry.decode().split("=", 1) for entry in (proc / "environ").read_bytes().split(b"\0")
                           if b"=" in entry)
        cwd = os.readlink(proc / "cwd")
    except OSError as e:
        raise ServeError(f"cannot read process {pid} in /proc ({e}); is the server running on this machine "
                         "under the same user? Use --serve command with --server-command instead") from e
    return argv, environment, cwd


def stop(pid, grace_seconds=30.0):
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace_seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        if Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] == "Z":
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    log(f"the server {pid} did not stop within {grace_seconds:.0f} s and was killed")


def start_detached(argv, environment, cwd, pid_file, server_log):
    """Starts the server in a session of its own, so that it outlives this trainer; records its pid."""
    log_path = Path(server_log) if server_log else Path(pid_file).with_suffix(".log")
    output = open(log_path, "ab")
    process = subprocess.Popen(argv, env=environment, cwd=cwd, stdin=subprocess.DEVNULL, stdout=output,
                               stderr=subprocess.STDOUT, start_new_session=True)
    output.close()
    Path(pid_file).write_text(f"{process.pid}\n", encoding="utf-8")
    log(f"started the server again as process {process.pid}: {shlex.join(argv)} (log: {log_path})")
    return process


def serve_transformers(server, name, model_dir, pid_file, server_log, ready_seconds):
    pid = read_pid(pid_file)
    argv, environment, cwd = process_of(pid)
    snapshot = install_in_cache(model_dir, name, hub_cache(environment))
    log(f"installed {model_dir} in the server's model cache as {name} ({snapshot})")
    stop(pid)
    process = start_detached(argv, environment, cwd, pid_file, server_log)
    wait_until_listed(server, name, ready_seconds, process)


def serve_command(server, name, model_dir, pid_file, command, server_log, ready_seconds):
    if not command:
        raise ServeError("--serve command needs --server-command, e.g. "
                         "'vllm serve {model} --served-model-name {name} --port 8000'")
    argv = [part.replace("{model}", str(model_dir)).replace("{name}", name) for part in shlex.split(command)]
    if pid_file and Path(pid_file).exists():
        stop(read_pid(pid_file))
    elif not pid_file:
        raise ServeError("--serve command needs --server-pid-file: the new server's process id is written there, "
                         "and the one it names is stopped first")
    process = start_detached(argv, dict(os.environ), os.getcwd(), pid_file, server_log)
    wait_until_listed(server, name, ready_seconds, process)


def serve(mode, server, name, model_dir, adapter, pid_file=None, command=None, server_log=None,
          ready_seconds=900.0):
    """Makes ``server`` serve the trained model under ``name``.

    ``model_dir`` is a full model folder (merged if trained with LoRA); ``adapter`` the LoRA adapter
    folder, or None after full fine-tuning.
    """
    if mode == "none":
        log(f"--serve none: not serving {model_dir}; serve it as '{name}' yourself")
        return
    if not server:
        raise ServeError(f"--serve {mode} needs --server (the API root, e.g. http://localhost:8000/v1)")
    if mode == "vllm-lora":
        if adapter is None:
            raise ServeError("--serve vllm-lora loads LoRA adapters, but this training was a full fine-tuning; "
                             "train with LoRA or use --serve command to restart vLLM on the new weights")
        serve_vllm_lora(server, name, adapter, ready_seconds)
    elif mode == "transformers":
        serve_transformers(server, name, model_dir, pid_file, server_log, ready_seconds)
    elif mode == "command":
        serve_command(server, name, model_dir, pid_file, command, server_log, ready_seconds)
    else:
        raise ServeError(f"unknown --serve mode '{mode}'; known: {', '.join(MODES)}")


if __name__ == "__main__":
    sys.exit("kaizen_serve.py is used by kaizen_train.py; run kaizen-train instead")
