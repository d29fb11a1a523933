"""The Ray engine: the local engine's briefs on a local Ray instance and on a simulated cluster,
a lost worker node, a lost driver, a model that cannot load, a stalled run.

One simulated cluster serves the module (a head without CPUs and two worker nodes with one CPU
each, fast health checks): starting Ray costs seconds. Tiny random-weight models.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, SEEDS, ModelSet, write_config
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import Config, load_config
from summarize.engines.local import Pipeline
from summarize.engines.ray_session import _interrupt_not_ignored
from summarize.errors import ConfigError, ModelLoadError
from summarize.progress import LogProgress
from summarize.report import ArticleOutcome, RunReport, SilentProgress
from summarize.signals import HANGUP

NO_RAY = "Ray is an optional extra (pip install 'summarize[ray]'); not installed here"
# Runs that should finish in seconds stop (and fail) after this instead of hanging a CI job.
WATCHDOG = "no_progress_timeout_s = 120"


def _ray() -> Any:
    return pytest.importorskip("ray", reason=NO_RAY)


def _config(tmp_path: Path, models: ModelSet, extra: str = "", name: str = "c.toml") -> Path:
    return write_config(tmp_path / name, models.marian, models.bart, extra)


def _load(path: Path, *overrides: str) -> Config:
    return load_config(path, overrides=list(overrides), project_file=None)


def _split(path: Path) -> tuple[dict[str, Any], str, dict[str, Any]]:
    """A brief's front matter, its body and its run record, with the time of writing, the
    timings and the record id (a hash that includes the time of writing) left out."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    record = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    for varying in ("date", "record_id"):
        meta.pop(varying)
    for varying in ("generated_at", "seconds", "record_id"):
        record.pop(varying, None)
    return meta, body, record


def _index_without_dates(folder: Path) -> str:
    """The index with the briefs' times of writing blanked (the rest must match)."""
    return re.sub(
        r"\d{4}-\d\d-\d\d[ T][\d:]+( UTC|[+-]\d\d:\d\d)?", "DATE", (folder / "index.md").read_text()
    )


def _briefs(folder: Path) -> dict[str, Path]:
    return {p.name: p for p in folder.glob("*.md") if p.name != "index.md"}


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def _statuses(report: RunReport) -> dict[str, tuple[str, str | None]]:
    return {o.source.name: (o.status, o.reason) for o in report.outcomes}


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    """Head without CPUs (as on a real cluster) and two one-CPU worker nodes. Their processes
    take Ctrl-C as Python's default where the tests run with it ignored (a CI job started with
    "&"), as a local instance's do: a task cancelled when a run stopped failed in Ray's deferral
    of the Ctrl-C, and the driver printed its traceback into a later test's output."""
    ray = _ray()
    from ray.cluster_utils import Cluster

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAY_AUTH_MODE", "disabled")  # a private test cluster; no token in ~/.ray
        store = 100 * 1024 * 1024
        with _interrupt_not_ignored():
            cluster = Cluster(
                initialize_head=True,
                head_node_args={
                    "num_cpus": 0,
                    "object_store_memory": store,
                    "_system_config": {
                        "health_check_period_ms": 1000,
                        "health_check_failure_threshold": 3,
                    },
                },
            )
            for _ in range(2):
                cluster.add_node(num_cpus=1, object_store_memory=store)
        cluster.wait_for_nodes()
        try:
            yield cluster
        finally:
            ray.shutdown()
            cluster.shutdown()


@pytest.fixture
def on_cluster(ray_cluster: Any) -> Any:
    """This process is a driver of the simulated cluster (the engine reuses the connection)."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=ray_cluster.address, log_to_driver=False)
    return ray_cluster


def _short_seeds(folder: Path) -> list[Path]:
    """The seeds cut to their first paragraphs: the same kind of text, a fraction of the work."""
    folder.mkdir()
    shorts = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        cut = text.rfind("\n", 0, 1200)
        shorts.append(folder / seed.name)
        shorts[-1].write_text(text[:cut] + "\n", encoding="utf-8")
    return shorts


def _run_quietly_on_ray(inputs: Path, config: Path, output: Path) -> Any:
    return CliRunner().invoke(
        app, ["run", str(inputs), "-c", str(config), "-o", str(output), "--engine", "ray", "-q"]
    )


def _copies(originals: list[Path], folder: Path, copies: int) -> dict[str, str]:
    """``copies`` copies of each original in ``folder``; returns copy brief -> original brief."""
    folder.mkdir()
    origin = {}
    for original in originals:
        for number in range(copies):
            name = f"{number}_{original.name}"
            shutil.copy(original, folder / name)
            origin[f"{Path(name).stem}.md"] = f"{original.stem}.md"
    return origin


def test_without_the_extra_the_run_exits_2_naming_it(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    monkeypatch.setitem(sys.modules, "ray.data", None)
    result = CliRunner().invoke(app, ["run", str(SEEDS), "-o", str(tmp_path), "--engine", "ray"])
    assert result.exit_code == 2
    assert 'pip install "summarize[ray]"' in result.output
    assert "Traceback" not in result.output
    assert not list(tmp_path.iterdir())


def test_an_unreachable_ray_address_is_one_line_and_exit_2(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    ray = _ray()
    if ray.is_initialized():
        ray.shutdown()  # another test's connection; this process has joined no cluster here
    config = _config(tmp_path, self_contained_models)
    arguments = ["run", str(SEEDS), "-c", str(config), "-o", str(tmp_path / "out"), "-q"]
    result = CliRunner().invoke(app, [*arguments, "--engine", "ray", "--ray-address", "no host"])
    assert result.exit_code == 2, result.output
    assert "cannot reach Ray at 'no host'" in result.output and "Traceback" not in result.output


@contextlib.contextmanager
def _a_port_where_nothing_listens() -> Iterator[int]:
    """A local port bound and not listening while the block runs: a connection there is
    refused, and no other process can start listening there meanwhile (a port closed before
    the run was only free a moment ago: any of this machine's processes, Ray's included, could
    take it, and the probe then met a listener)."""
    import socket

    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield held.getsockname()[1]


def test_an_address_where_nothing_listens_is_refused_before_ray_tries_it(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ray.init retries such an address for minutes, a warning every few seconds."""
    ray = _ray()

    def must_not_be_called(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("ray.init was asked to join an address where nothing listens")

    monkeypatch.setattr(ray, "init", must_not_be_called)
    config = _config(tmp_path, self_contained_models)
    arguments = ["run", str(SEEDS), "-c", str(config), "-o", str(tmp_path / "out"), "-q"]
    with _a_port_where_nothing_listens() as port:
        address = f"127.0.0.1:{port}"
        result = CliRunner().invoke(app, [*arguments, "--engine", "ray", "--ray-address", address])
    assert result.exit_code == 2, result.output
    assert f"cannot reach Ray at {address!r}" in result.output, result.output
    assert f"127.0.0.1:{port}" in result.output.split("):", 1)[1]
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.md"))


def test_an_address_where_nothing_listens_is_said_before_any_article_is_read(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver reads every article once before Ray starts (minutes for thousands on a
    shared filesystem): a mistyped address was said only after that, and the folder's index
    was rewritten as of a run "stopped after: 0 written, 5 up to date"."""
    import summarize.engines.ray as ray_engine

    _ray()

    def no_article_read(*_: object, **__: object) -> bytes:
        raise AssertionError("an article was read for a run whose Ray address is refused")

    monkeypatch.setattr(ray_engine, "read_source_bytes", no_article_read)
    config = _config(tmp_path, self_contained_models)
    arguments = ["run", str(SEEDS), "-c", str(config), "-o", str(tmp_path / "out"), "-q"]
    with _a_port_where_nothing_listens() as port:
        address = f"127.0.0.1:{port}"
        result = CliRunner().invoke(app, [*arguments, "--engine", "ray", "--ray-address", address])
    assert result.exit_code == 2, result.output
    assert f"cannot reach Ray at {address!r}" in result.output
    assert not (tmp_path / "out").exists()


@contextlib.contextmanager
def _answering_server(answer: bytes) -> Iterator[int]:
    """A local port that answers every connection with ``answer``; yields the port."""
    import socket

    with socket.create_server(("127.0.0.1", 0)) as server:

        def serve() -> None:
            with contextlib.suppress(OSError):
                while True:
                    peer, _ = server.accept()
                    with peer:
                        peer.sendall(answer)

        threading.Thread(target=serve, daemon=True).start()
        yield server.getsockname()[1]


def _assert_refused_before_ray_tries(
    tmp_path: Path,
    models: ModelSet,
    monkeypatch: pytest.MonkeyPatch,
    reasons: dict[str, str],
) -> None:
    """Each address gets exit 2 and a line saying why (its reason), and ray.init is never
    asked to join it."""

    def must_not_be_called(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("ray.init was asked to join an address the run cannot use")

    monkeypatch.setattr(_ray(), "init", must_not_be_called)
    config = _config(tmp_path, models)
    arguments = ["run", str(SEEDS), "-c", str(config), "-o", str(tmp_path / "out"), "-q"]
    for address, reason in reasons.items():
        result = CliRunner().invoke(app, [*arguments, "--engine", "ray", "--ray-address", address])
        assert result.exit_code == 2, result.output
        said = " ".join(result.output.split())
        assert f"cannot reach Ray at {address!r}" in said and reason in said, said
        assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.md"))


def test_a_ray_client_address_and_one_without_a_host_are_refused_before_ray_tries_them(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray Data's executor does not run over Ray Client: a ray:// address that answers as
    Ray's Client server does was joined, then the run ended with a traceback and exit 1 (with
    ray[client] installed; without it, a line naming that extra). An address without a host
    (":6379") reached Ray, which logged a traceback of its own before refusing it. Both are
    told from their form, before the run takes its output folder (it was left behind, created,
    holding only the run's lock file)."""
    with _answering_server(bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])) as port:  # gRPC's SETTINGS frame
        reasons = {
            f"ray://127.0.0.1:{port}": "Ray Data does not run over",
            f":{port}": f"no host before the port in ':{port}'",
        }
        _assert_refused_before_ray_tries(tmp_path, self_contained_models, monkeypatch, reasons)
    assert not (tmp_path / "out").exists()


def test_a_port_that_is_not_plain_digits_is_refused_before_ray_tries_it(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray reads a port as int() does: "6379 " (a space copied with the address) or "+6379"
    went unprobed to ray.init, which joined 6379 and retried it for minutes where nothing
    listened."""
    with _a_port_where_nothing_listens() as port:
        reasons = {
            address: f"the port in {address!r} is not a number"
            for address in (f"127.0.0.1:{port} ", f"127.0.0.1:+{port}", "127.0.0.1:abc")
        }
        _assert_refused_before_ray_tries(tmp_path, self_contained_models, monkeypatch, reasons)


def test_auto_that_leads_where_nothing_listens_is_refused_before_ray_tries_it(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``auto`` joins RAY_ADDRESS, else the address file of this machine's last ``ray start``,
    which a head killed (not stopped) leaves behind: ray.init retried a dead one for minutes
    (over 200 s, a warning every few seconds); it is checked as a HOST:PORT is."""
    with _a_port_where_nothing_listens() as port:
        monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{port}")
        reasons = {"auto": f"127.0.0.1:{port}: Connection refused"}
        _assert_refused_before_ray_tries(tmp_path, self_contained_models, monkeypatch, reasons)


@pytest.mark.parametrize(
    ("ray_address", "reason"),
    [
        ("http://127.0.0.1:8265", "an http(s):// address is the dashboard's"),
        ("ray://127.0.0.1:10001", "a ray:// address is Ray Client's"),
    ],
)
def test_auto_that_takes_a_dashboard_or_client_address_from_ray_address_says_so(
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    ray_address: str,
    reason: str,
) -> None:
    """RAY_ADDRESS often holds the dashboard's http:// address (`ray job submit` reads it
    too): ``auto`` took it, and the run said "http://127.0.0.1:8265: Name or service not
    known", a host name that cannot be found, of an address that answers."""
    monkeypatch.setenv("RAY_ADDRESS", ray_address)
    said = f"auto takes RAY_ADDRESS, {ray_address!r}: {reason}"
    _assert_refused_before_ray_tries(tmp_path, self_contained_models, monkeypatch, {"auto": said})


def test_local_as_the_address_starts_the_runs_own_instance_as_unset_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--ray-address local``, Ray's own word for a new local instance, went to ray.init as a
    cluster's address: its workers ran at nice 15, and an actor larger than this machine
    waited for ray.no_progress_timeout_s (600 s by default) where unset refuses it at once.
    No Ray starts here: the run's own start is stood in for."""
    import summarize.engines.ray_session as session

    ray = _ray()

    def must_not_be_called(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("ray.init was asked to join 'local' as a cluster")

    started: list[dict[str, Any]] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", must_not_be_called)
    monkeypatch.setattr(ray, "shutdown", lambda: None)
    monkeypatch.setattr(session, "start_local_instance", lambda **o: started.append(o))
    with session.ray_session("local", quiet=True) as own_instance:
        assert own_instance  # so a too large actor is refused at once, as unset
    assert len(started) == 1


def test_a_run_without_an_address_says_it_does_not_join_the_cluster_in_ray_address(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """``ray job submit`` (and a KubeRay RayJob) sets RAY_ADDRESS to the cluster's address for
    its command: a run there without --ray-address started an instance of its own on the head
    and did all the work on it, without a word. Said once; not with ``local``, which asks for
    the run's own instance. No Ray starts here: the run's own start is stood in for."""
    import summarize.engines.ray_session as session

    ray = _ray()
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "shutdown", lambda: None)
    monkeypatch.setattr(session, "start_local_instance", lambda **_: None)
    monkeypatch.setenv("RAY_ADDRESS", "10.0.0.1:6379")
    caplog.set_level(logging.WARNING, logger="summarize")
    with session.ray_session(None, quiet=True):
        pass
    said = [r.getMessage() for r in caplog.records if "RAY_ADDRESS" in r.getMessage()]
    assert len(said) == 1 and "'10.0.0.1:6379'" in said[0], said
    assert "--ray-address auto" in said[0]
    caplog.clear()
    with session.ray_session("local", quiet=True):
        pass
    monkeypatch.delenv("RAY_ADDRESS")
    with session.ray_session(None, quiet=True):
        pass
    assert not [r for r in caplog.records if "RAY_ADDRESS" in r.getMessage()]


def test_a_cluster_that_asks_for_a_token_this_machine_lacks_is_one_line_and_exit_2(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """Ray refuses to join a cluster with token authentication when this machine has no token
    (an AuthenticationError, a RayError): the run said "Ray failed under the run (…); 0
    brief(s) were finished and are kept: run the same command again to do the rest", exit 1,
    of a run that never joined, and which the same command could not do. A driver of its own
    (no token anywhere in its home), joining an address that answers as Ray's GCS does."""
    _ray()
    _short_seeds(tmp_path / "in")
    config = _config(tmp_path, self_contained_models)
    home = tmp_path / "home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("RAY_")}
    env.update(HOME=str(home), RAY_AUTH_MODE="token", HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO))
    with _answering_server(bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])) as port:  # gRPC's SETTINGS frame
        address = f"127.0.0.1:{port}"
        driver = subprocess.run(
            [sys.executable, "-m", "summarize.cli", "run", str(tmp_path / "in"), "-c",
             str(config), "-o", str(tmp_path / "out"), "--engine", "ray", "--ray-address",
             address, "-q"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    said = " ".join(driver.stderr.split())
    assert driver.returncode == 2, said
    assert f"cannot reach Ray at {address!r}" in said and "no authentication token" in said, said
    assert "Ray failed under the run" not in said and "Traceback" not in said, said
    assert not (tmp_path / "out").exists()


def test_an_address_that_answers_but_is_no_ray_is_refused_before_ray_tries_it(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A port that accepts connections but is no Ray (a wrong port, a web server, the
    dashboard's http:// address that `ray job submit` takes): ray.init retried such an address
    for minutes, a warning every few seconds; it is refused at once, and a port that accepts
    but never answers after the timeout."""
    import socket

    from summarize.engines.ray_session import check_reachable

    with _answering_server(b"HTTP/1.1 400 Bad Request\r\n\r\n") as port:
        reasons = {
            f"127.0.0.1:{port}": "is not a Ray cluster's address",
            f"http://127.0.0.1:{port}": "an http(s):// address is the dashboard's",
        }
        _assert_refused_before_ray_tries(tmp_path, self_contained_models, monkeypatch, reasons)
    # The output folder the run made for nothing is gone (it held only the run's lock file).
    assert not (tmp_path / "out").exists()
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never says a word
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        with pytest.raises(
            ConnectionError, match=rf"nothing answered at {re.escape(address)} within 0\.5 s"
        ):
            check_reachable(address, timeout_s=0.5)
        assert time.monotonic() - started < 5


def test_every_name_the_benchmarks_import_from_the_package_is_there() -> None:
    """benchmarks/scale.py (the README's Ray throughput numbers) imported start_local_instance
    from summarize.engines.ray after it moved to engines.ray_session: its Ray half stopped at
    an ImportError, which no test ran into (the benchmark runs minutes)."""
    import ast
    import importlib

    missing: list[str] = []
    for path in sorted((REPO / "benchmarks").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.ImportFrom) and (node.module or "").startswith("summarize")
            ):
                continue
            module = importlib.import_module(str(node.module))
            for alias in node.names:
                # A submodule ("from summarize.engines import ray") is an attribute once imported.
                with contextlib.suppress(ImportError):
                    importlib.import_module(f"{node.module}.{alias.name}")
                if not hasattr(module, alias.name):
                    missing.append(f"{path.name}: {node.module}.{alias.name}")
    assert missing == []


def test_an_actor_larger_than_this_machine_is_refused_at_once(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It would never start, and the run would wait ray.no_progress_timeout_s to say so."""
    ray = _ray()
    if ray.is_initialized():
        ray.shutdown()  # another test's connection; this one is about starting our own
    # As the other local instance's test: Ray reads its auth mode once per process.
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    config = _config(tmp_path, self_contained_models)
    cpus = (os.cpu_count() or 1) * 16
    out = tmp_path / "out"
    arguments = ["run", str(SEEDS), "-c", str(config), "-o", str(out), "-q", "--engine", "ray"]
    settings = ["--set", f"ray.cpus_per_actor={cpus}", "--set", "ray.no_progress_timeout_s=30"]
    result = CliRunner().invoke(app, [*arguments, *settings])
    assert result.exit_code == 2, result.output
    assert f"ray.cpus_per_actor = {cpus}, but the largest node has" in result.output
    assert "Traceback" not in result.output
    assert not ray.is_initialized()
    assert not list(out.glob("*.md"))


def test_cuda_on_no_node_is_said_by_the_cluster_not_the_drivers_machine(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver refused ``device = "cuda"`` because its own machine had no CUDA ("torch sees
    no CUDA device"), on a cluster whose head has no GPU and whose nodes do: what counts is
    whether a node has one, and on an instance this run started it has none here."""
    ray = _ray()
    if ray.is_initialized():
        ray.shutdown()  # another test's connection; this one is about starting our own
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    config = _config(tmp_path, self_contained_models)
    out = tmp_path / "out"
    arguments = ["run", str(SEEDS), "-c", str(config), "-o", str(out), "-q", "--engine", "ray"]
    settings = ["--set", "translation.device='cuda'", "--set", "ray.no_progress_timeout_s=30"]
    result = CliRunner().invoke(app, [*arguments, *settings])
    assert result.exit_code == 2, result.output
    assert "translation.device = 'cuda', but no node of the cluster has a GPU" in result.output
    assert "torch sees no CUDA device" not in result.output
    assert not ray.is_initialized()
    assert not list(out.glob("*.md"))


def test_a_driver_without_a_gpu_plans_a_cuda_model_for_its_nodes(
    self_contained_models: ModelSet,
) -> None:
    """The driver's spec keeps ``cuda`` as asked (the nodes' actors load it there, and refuse
    it on a node without one); the local engine still checks this machine."""
    import torch

    from summarize.models import resolve_spec

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the refusal it would show cannot happen here")
    config = load_config(
        overrides=[f"translation.model={str(self_contained_models.marian)!r}",
                   "translation.device='cuda'"],
        project_file=None,
    )  # fmt: skip
    models_dir = config.runtime.models_dir
    spec = resolve_spec("translation", config.translation, models_dir, runs_here=False)
    assert spec.device == "cuda"
    with pytest.raises(ConfigError, match="torch sees no CUDA device"):
        resolve_spec("translation", config.translation, models_dir)


def test_gpus_per_actor_past_every_node_is_refused_on_a_local_instance(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An actor asking for more GPUs than any node has never starts: the run waited for
    ray.no_progress_timeout_s to say so. A local instance with one GPU declared (Ray only
    counts it)."""
    ray = _ray()
    from summarize.engines.ray import _check_gpu_room, _PoolShape

    if ray.is_initialized():
        ray.shutdown()
    fits = load_config(overrides=["translation.device='cuda'"], project_file=None)
    too_many = load_config(
        overrides=["translation.device='cuda'", "ray.gpus_per_actor=2"], project_file=None
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAY_AUTH_MODE", "disabled")
        ray.init(address="local", num_cpus=1, num_gpus=1, include_dashboard=False)
        try:
            one_cpu, two_cpus = _PoolShape(False, 1.0), _PoolShape(False, 2.0)
            _check_gpu_room(fits, one_cpu, local=True)
            with pytest.raises(ConfigError, match=r"gpus_per_actor = 2, but a node with the"):
                _check_gpu_room(too_many, one_cpu, local=True)
            # The node's GPU beside CPUs it lacks: no node holds both.
            with pytest.raises(ConfigError, match=r"2 CPU\(s\) has at most 0 GPU"):
                _check_gpu_room(fits, two_cpus, local=True)
            with caplog.at_level(logging.WARNING):  # a cluster may add such a node
                _check_gpu_room(too_many, one_cpu, local=False)
            assert "no translation actor can start unless the cluster adds one" in caplog.text
        finally:
            ray.shutdown()


def test_quiet_leaves_out_rays_notice_that_token_authentication_is_on(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A local instance started without RAY_AUTH_MODE turns on Ray's token authentication and
    says so at warning level: nothing for the user to do, so -q leaves it out. A subprocess (Ray
    reads its auth mode once per process) with its home in tmp_path (where Ray keeps the token).
    A warning of a worker is kept, as -q keeps the local engine's: the seed's long sentences are
    split for a translator with a 48-token window."""
    _ray()
    config = write_config(
        tmp_path / "c.toml",
        self_contained_models.marian_short_window,
        self_contained_models.bart,
        f"[ray]\n{WATCHDOG}\n",
    )
    seed = sorted(SEEDS.glob("*.txt"))[0]
    home = tmp_path / "home"
    env = {name: value for name, value in os.environ.items() if name != "RAY_AUTH_MODE"}
    env.update(HOME=str(home), HF_HUB_OFFLINE="1")
    command = [sys.executable, "-m", "summarize.cli", "run", str(seed), "-c", str(config),
               "-o", str(tmp_path / "out"), "--engine", "ray", "-q"]  # fmt: skip
    done = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "1 written" in done.stderr, done.stderr
    assert (home / ".ray" / "auth_token").is_file()  # Ray turned it on: the notice was due
    assert "Token authentication" not in done.stderr, done.stderr
    said = done.stdout + done.stderr
    assert "longer than the translator's 48-token window were split" in said, said


def test_a_workers_info_lines_reach_the_drivers_console_as_the_local_engines_do(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """An article in Windows-1252: the local engine says "a.txt: not UTF-8, read as cp1252" at
    info level; on Ray the worker that read it said nothing (its logger had no handler, and
    Python's last resort prints warnings alone). The line reaches the driver's stderr with its
    level, and -q leaves it out there as locally. A subprocess: the lines Ray prints for its
    workers go to the driver's own stderr."""
    _ray()
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_bytes(seed.encode("cp1252", errors="replace"))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAY_AUTH_MODE": "disabled"}

    def run(*flags: str) -> str:
        command = [sys.executable, "-m", "summarize.cli", "run", "a.txt", "-c", str(config),
                   "-o", str(tmp_path / "out"), "--engine", "ray", "--force", *flags]  # fmt: skip
        done = subprocess.run(
            command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr

    said = run()
    assert re.search(r"\) INFO a\.txt: not UTF-8, read as cp1252", said), said
    assert "not UTF-8" not in run("-q")


def test_rays_own_log_lines_go_through_the_runs_handlers_not_past_them(capsys) -> None:
    """Ray's console handler wrote its lines ("Started a local Ray instance.", Ray Data's
    "Starting execution of Dataset …") straight to stderr: on a terminal past the progress
    display, which drew over the line's start, and in a log in Ray's own format. They reach the
    handlers of the summarize logger instead, at the levels Ray's handler let through, and
    Ray's loggers have their handlers back after the run."""
    _ray()
    import ray.data  # noqa: F401  (sets up Ray Data's loggers)

    from summarize.engines.ray_session import _ray_data_logging

    heard: list[str] = []

    class Heard(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            heard.append(record.getMessage())

    ours = logging.getLogger("summarize")
    ours.handlers[:] = [Heard()]
    rays = {name: list(logging.getLogger(name).handlers) for name in ("ray", "ray.data")}
    with _ray_data_logging(quiet=False):
        logging.getLogger("ray._private.worker").info("Started a local Ray instance.")
        executor = logging.getLogger("ray.data._internal.execution.streaming_executor")
        executor.info("Starting execution of Dataset d_0.")
        executor.debug("a line Ray's console leaves out")
    assert heard == ["Started a local Ray instance.", "Starting execution of Dataset d_0."]
    assert "Started a local Ray instance" not in capsys.readouterr().err
    assert {name: list(logging.getLogger(name).handlers) for name in rays} == rays


def test_workers_lines_in_a_log_carry_no_colour_codes(capsys, monkeypatch) -> None:
    """A worker's warning that Ray prints on the driver, in a run whose stderr is a log file or
    a pipe (as here, captured): Ray wrapped its prefix in colour codes, "\x1b[36m(MapWorker(…)
    pid=12)\x1b[0m …", among the run's plain lines. A RAY_COLOR_PREFIX of the user's is kept."""
    _ray()
    from ray._private.worker import print_worker_logs

    from summarize.engines.ray_session import _ray_data_logging

    monkeypatch.delenv("RAY_COLOR_PREFIX", raising=False)
    line = {"pid": 12, "ip": "10.0.0.2", "localhost": "10.0.0.2", "lines": ["a warning"]}
    with _ray_data_logging(quiet=True):
        print_worker_logs({**line, "actor_name": "MapWorker(MapBatches(A))"}, sys.stderr)
        print_worker_logs({**line, "pid": "raylet", "lines": ["a node died"]}, sys.stderr)
    said = capsys.readouterr().err
    assert "(MapWorker(MapBatches(A)) pid=12) a warning" in said and "a node died" in said
    assert "\x1b[" not in said, said
    assert "RAY_COLOR_PREFIX" not in os.environ  # put back as it was
    monkeypatch.setenv("RAY_COLOR_PREFIX", "1")
    with _ray_data_logging(quiet=True):
        assert os.environ["RAY_COLOR_PREFIX"] == "1"


def test_each_articles_warning_from_a_worker_is_printed_not_merged(capsys, monkeypatch) -> None:
    """Warnings of numbered articles from two worker processes within seconds: Ray's log
    deduplication took them for one line (words with a digit left out) and printed the first,
    then "[repeated 2x across cluster]" with the last; the articles between were never named
    (5 of 8 on a local instance). Each is printed during a run; a RAY_DEDUP_LOGS of the user's
    is kept, and Ray's flag is put back after."""
    _ray()
    from ray._private import ray_logging
    from ray._private.worker import print_to_stdstream

    from summarize.engines.ray_session import _ray_data_logging

    monkeypatch.delenv("RAY_DEDUP_LOGS", raising=False)
    monkeypatch.setattr(ray_logging, "RAY_DEDUP_LOGS", True)  # Ray's default
    warning = "in/artikel-{}.txt: UTF-8 with 3 byte(s) of Windows-1252 pasted in"
    with _ray_data_logging(quiet=True):
        for number in range(1, 5):
            print_to_stdstream(
                {
                    "pid": 100 + number % 2,
                    "ip": "10.0.0.2",
                    "localhost": "10.0.0.2",
                    "is_err": True,
                    "lines": [warning.format(number)],
                },
                ignore_prefix=False,
            )
        for leftover in ray_logging.stderr_deduplicator.flush():  # as ray.shutdown() does
            print(leftover["lines"], file=sys.stderr)
    said = capsys.readouterr().err
    assert [n for n in range(1, 5) if warning.format(n) in said] == [1, 2, 3, 4], said
    assert "repeated" not in said, said
    assert ray_logging.RAY_DEDUP_LOGS is True
    monkeypatch.setenv("RAY_DEDUP_LOGS", "1")
    with _ray_data_logging(quiet=True):
        assert ray_logging.RAY_DEDUP_LOGS is True


def test_ray_settings_are_validated_and_cuda_asks_for_gpus() -> None:
    """``auto`` asks for GPUs where the cluster has any: an actor that asks for none sees every
    GPU of its node, and "auto" put them all on the first one, unreserved."""
    from summarize.engines.ray import _gpus

    with pytest.raises(ConfigError, match="translation_min_actors"):
        load_config(overrides=["ray.translation_min_actors=5"], project_file=None)
    config = load_config(
        overrides=["translation.device=cuda", "ray.gpus_per_actor=0.5"], project_file=None
    )
    assert _gpus(config.translation.device, config.ray.gpus_per_actor, False) == 0.5
    assert config.summarization.device == "auto"
    assert _gpus(config.summarization.device, config.ray.gpus_per_actor, False) is None
    assert _gpus(config.summarization.device, config.ray.gpus_per_actor, True) == 0.5
    assert _gpus("cpu", 0.5, True) is None
    assert _gpus("cuda", 0.0, True) is None


def test_actors_of_the_default_device_reserve_the_gpus_they_use(tmp_path: Path) -> None:
    """On a cluster with GPUs an actor with ``device = "auto"`` (the default) runs on one: it
    asked Ray for none, so Ray left every GPU of the node visible to it and "auto" took the
    first, for every actor of the node, unreserved (the others idle, memory overcommitted).
    A local instance with two GPUs declared (no GPU is needed: Ray only counts them)."""
    ray = _ray()
    from summarize.engines.ray import RayEngine, _Context, _PoolShape

    if ray.is_initialized():
        ray.shutdown()
    config = load_config(project_file=None)
    context = _Context(config, "f", {}, False, str(tmp_path), None, _PoolShape(False, 1.0), (3, 2))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAY_AUTH_MODE", "disabled")
        ray.init(address="local", num_cpus=1, num_gpus=2, include_dashboard=False)
        try:
            pool = RayEngine(config)._actor_pool("translation", context)
            visible = ray.get(
                ray.remote(lambda: os.environ.get("CUDA_VISIBLE_DEVICES"))
                .options(num_cpus=0, num_gpus=pool["num_gpus"])
                .remote()
            )
        finally:
            ray.shutdown()
    assert pool["num_gpus"] == config.ray.gpus_per_actor == 1.0
    assert visible in ("0", "1")  # one GPU of its own, not all of them


def test_a_current_brief_names_where_its_source_is_now_on_ray_too(tmp_path: Path) -> None:
    """The driver's check of current briefs (before Ray starts): a brief whose source was moved
    names its new place, as the local engine's does."""
    import dataclasses

    from test_render import make_brief

    from summarize.digests import file_sha256
    from summarize.engines.ray import RayEngine, _Job
    from summarize.outputs import read_brief_record, write_brief

    old, new, output = tmp_path / "april" / "a.txt", tmp_path / "archiv" / "a.txt", tmp_path / "o"
    old.parent.mkdir()
    old.write_text((SEEDS / "000_64f4d420a1ff7ac2.txt").read_text(encoding="utf-8"), "utf-8")
    brief = dataclasses.replace(
        make_brief(),
        source=str(old),
        source_path=str(old),
        source_sha256=file_sha256(old),
    )
    write_brief(output / "a.md", brief)
    old.parent.rename(new.parent)
    engine = RayEngine(load_config(project_file=None))
    ((_, current, _),) = engine._settled_before_ray(
        [_Job(0, new, output / "a.md")], brief.fingerprint, force=False
    )
    assert current.status == "up-to-date"
    record = read_brief_record(output / "a.md")
    assert record is not None and record.source == record.source_path == str(new)


@pytest.mark.parametrize(
    "blank",
    [b"\xef\xbb\xbf", b"\xef\xbb\xbf \r\n", " \n\t".encode("utf-16"), b"\xff\xfe"],
)
def test_the_driver_settles_a_blank_file_with_a_bom_as_the_worker_would(
    tmp_path: Path, blank: bytes
) -> None:
    """A file of a BOM and white space (an editor's "empty" UTF-8 file is its BOM) holds no
    article, which the driver can tell from its bytes as it tells an ASCII blank one; it was
    left to Ray, which was started, and both models loaded, to say so."""
    from summarize.engines.ray import RayEngine, _Job
    from summarize.errors import ArticleError
    from summarize.ingest import read_article

    source = tmp_path / "blank.txt"
    source.write_bytes(blank)
    with pytest.raises(ArticleError) as worker:
        read_article(source)
    engine = RayEngine(load_config(project_file=None))
    settled = list(
        engine._settled_before_ray([_Job(0, source, tmp_path / "o" / "blank.md")], "f", False)
    )
    assert settled, "left to Ray"
    ((_, outcome, _),) = settled
    assert (outcome.status, outcome.reason) == ("failed", str(worker.value))
    assert str(worker.value).endswith("only whitespace")


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"GIF89a\x00\x01binary\x00" * 40, "binary file (contains NUL bytes), not text"),
     (b"%PDF-1.7\n1 0 obj", "a PDF, not text")],
)  # fmt: skip
def test_the_driver_settles_a_binary_file_as_the_worker_would(
    tmp_path: Path, content: bytes, said: str
) -> None:
    """A rerun whose one new input was a binary file started a Ray instance and loaded both
    models to say "binary file"; the driver tells it from the bytes, in the worker's words."""
    from summarize.engines.ray import RayEngine, _Job
    from summarize.errors import ArticleError
    from summarize.ingest import read_article

    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    with pytest.raises(ArticleError) as worker:
        read_article(source)
    assert said in str(worker.value)
    engine = RayEngine(load_config(project_file=None))
    settled = list(engine._settled_before_ray([_Job(0, source, tmp_path / "bad.md")], "f", False))
    assert [(outcome.status, outcome.reason) for _, outcome, _ in settled] == [
        ("failed", str(worker.value))
    ]
    # UTF-16 without a BOM has NUL bytes too, and is text
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Der Stadtrat hat getagt.\n".encode("utf-16-le") * 20)
    assert not list(engine._settled_before_ray([_Job(0, utf16, tmp_path / "u.md")], "f", False))


def test_an_empty_file_whose_brief_name_is_taken_fails_for_the_name_as_locally(
    tmp_path: Path,
) -> None:
    """The driver said "empty file" where the local engine says that the brief would replace
    a user's file: the user fixed one and met the other on the next run."""
    from summarize.engines.ray import RayEngine, _Job

    source, output = tmp_path / "x.txt", tmp_path / "o"
    source.write_bytes(b"")
    output.mkdir()
    (output / "x.md").write_text("notes", encoding="utf-8")
    engine = RayEngine(load_config(project_file=None))
    ((_, outcome, _),) = engine._settled_before_ray([_Job(0, source, output / "x.md")], "f", False)
    assert outcome.status == "failed"
    assert "which is not a file that summarize wrote" in (outcome.reason or "")


def test_ray_groups_are_the_local_engines_batches_less_the_settled(tmp_path: Path) -> None:
    """Grouped from the pending jobs alone, one empty file sorted first shifted every later
    group by one article against the local batches (a batch-dependent setting such as torch
    int8 could word a sentence otherwise)."""
    from summarize.engines.ray import _groups, _Job

    jobs = [_Job(n, tmp_path / f"{n}.txt", tmp_path / f"{n}.md") for n in range(8)]
    settled = {jobs[0].source, jobs[4].source, jobs[5].source}
    groups = _groups(jobs, settled, 3)
    assert [[job.position for job in group.jobs] for group in groups] == [[1, 2], [3], [6, 7]]
    assert [group.number for group in groups] == [0, 1, 2]


def test_a_local_ray_instance_writes_the_local_engines_briefs(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch, caplog
) -> None:
    """No address: the engine starts a Ray instance for the run. A bad article and an English
    one cost only their own briefs, with the same reasons as locally. The index is the local
    engine's, made from the records the workers wrote, as the local engine makes it from the
    ones it wrote: the driver read every brief again for it."""
    ray = _ray()
    from summarize.engines.ray import RayEngine

    if ray.is_initialized():
        ray.shutdown()  # another test's connection; this one is about starting our own
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "english.txt").write_text(
        "The government announced on Tuesday that it would raise taxes on fuel next year. "
        "Opposition leaders criticised the plan and called for a vote in parliament. " * 3,
        encoding="utf-8",
    )
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    local = Pipeline(_load(config, f"output.folder={str(tmp_path / 'local')!r}")).run([folder])
    caplog.set_level(logging.INFO, logger="summarize")
    reads = _reads_of_front_matter(monkeypatch)
    on_ray = RayEngine(_load(config, f"output.folder={str(tmp_path / 'ray')!r}")).run(
        [folder], progress=LogProgress()
    )
    # The index lists the briefs from the records the workers wrote: it read each one again.
    assert reads == {}
    # A logged run counts its articles as a local one does (it had no "[n/N]" line).
    messages = [record.getMessage() for record in caplog.records]
    counted = [found.groups() for m in messages if (found := re.match(r"\[(\d+)/(\d+)\] ", m))]
    assert [int(n) for n, _ in counted] == list(range(1, 8)) and {t for _, t in counted} == {"7"}
    # One node: the default puts both models in one pool with the node's CPUs.
    assert re.search(r"one pool of actors holding both models, \d+ CPU\(s\)", caplog.text)

    assert not ray.is_initialized()  # the engine left the instance it started
    assert on_ray.exit_code == local.exit_code == 1
    assert _statuses(on_ray) == _statuses(local)
    assert _statuses(on_ray)["english.txt"][0] == "skipped"
    assert _statuses(on_ray)["binary.txt"][0] == "failed"
    assert on_ray.summary_line().startswith(local.summary_line())
    assert "Ray: 0 retried, 0 actor(s) restarted" in on_ray.summary_line()
    local_briefs, ray_briefs = _briefs(tmp_path / "local"), _briefs(tmp_path / "ray")
    assert sorted(ray_briefs) == sorted(local_briefs) and len(ray_briefs) == 5
    for name, path in ray_briefs.items():
        assert _split(path) == _split(local_briefs[name]), name
    assert _index_without_dates(tmp_path / "ray") == _index_without_dates(tmp_path / "local")


def test_a_local_instance_that_cannot_start_is_one_line_and_exit_2(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray's temp folder cannot be made (here RAY_TMPDIR below a file; a read-only or full
    /tmp alike): the run ended with the traceback of Ray's start-up and exit 1."""
    ray = _ray()
    if ray.is_initialized():
        ray.shutdown()  # another test's connection; this one is about starting our own
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv("RAY_TMPDIR", str(tmp_path / "a-file" / "ray"))
    _short_seeds(tmp_path / "in")
    output = tmp_path / "out"
    result = _run_quietly_on_ray(tmp_path / "in", _config(tmp_path, self_contained_models), output)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "cannot start a local Ray instance for the run: [Errno 20] Not a directory" in said
    assert "Traceback" not in result.output
    assert not ray.is_initialized()
    assert not output.exists()  # no brief: the folder made for the run goes


def test_a_node_that_cannot_import_summarize_stops_the_run_in_one_line(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers whose Python has no summarize (a node set up without it): the run's settings and
    groups are summarize's objects, which they cannot unpickle. It ended with Ray's traceback of
    a task, exit 1, or with "Ray failed under the run (The actor died because of an error raised
    in its creation task, …)" and "run the same command again": now the node and the import
    error in one line, exit 2, whichever of the two fails first."""
    ray = _ray()
    if ray.is_initialized():
        ray.shutdown()  # another test's connection: this one starts an instance of its own
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    # Python runs a sitecustomize found on PYTHONPATH as it starts: here it hides summarize
    # from the workers, wherever else their path (the driver's folder included) would find it.
    hide = tmp_path / "no-summarize"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text(
        "import sys\n\n\n"
        "class NoSummarize:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.partition('.')[0] == 'summarize':\n"
        "            raise ModuleNotFoundError(f'No module named {name!r}', name=name)\n\n\n"
        "sys.meta_path.insert(0, NoSummarize())\n",
        encoding="utf-8",
    )
    _short_seeds(tmp_path / "in")
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    output = tmp_path / "out"
    ray.init(
        address="local",
        num_cpus=1,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": {"PYTHONPATH": str(hide)}},
    )
    try:
        result = _run_quietly_on_ray(tmp_path / "in", config, output)
    finally:
        ray.shutdown()
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert (
        "cannot import summarize's code (ModuleNotFoundError: No module named 'summarize')" in said
    )
    assert "every node needs summarize installed" in said
    # Not said as Ray failing (run again), nor with Ray Data's traceback of each actor's death
    # (Ray's own log of the raylet may still print its lines after the run's).
    assert "Ray failed under the run" not in said and "died during initialization" not in said
    assert not _briefs(output)


def test_a_worker_node_lost_mid_run_costs_no_brief(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A worker node killed (not drained) while briefs are written: the run still writes every
    brief, each identical to the local engine's, and leaves no temp file."""
    from summarize.engines.ray import RayEngine

    shorts = _short_seeds(tmp_path / "short")
    origin = _copies(shorts, tmp_path / "in", copies=4)
    # One article per unit of work, so many units are in flight when the node goes; half a CPU
    # per actor, so both pools fit on the node that is left.
    config = _config(
        tmp_path,
        self_contained_models,
        f"[runtime]\narticles_per_batch = 1\n[ray]\ncpus_per_actor = 0.5\n{WATCHDOG}\n",
    )
    local = tmp_path / "local"
    Pipeline(_load(config, f"output.folder={str(local)!r}")).run([tmp_path / "short"])
    output = tmp_path / "ray"
    written_at_kill: list[int] = []

    def kill_a_worker_node() -> None:
        deadline = time.monotonic() + 240
        while not _briefs(output) and time.monotonic() < deadline:
            time.sleep(0.02)
        written = len(_briefs(output))
        on_cluster.remove_node(next(iter(on_cluster.worker_nodes)), allow_graceful=False)
        written_at_kill.append(written)

    killer = threading.Thread(target=kill_a_worker_node)
    killer.start()
    try:
        report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([tmp_path / "in"])
    finally:
        killer.join()
        with _interrupt_not_ignored():  # as the fixture's nodes
            on_cluster.add_node(num_cpus=1, object_store_memory=100 * 1024 * 1024)
        on_cluster.wait_for_nodes()
    assert written_at_kill and written_at_kill[0] < len(origin), "the node died after the run"
    assert report.exit_code == 0, report.summary_line()
    print(report.summary_line())
    assert len(report.written) == len(origin)
    briefs = _briefs(output)
    assert sorted(briefs) == sorted(origin)
    for name, seed_brief in origin.items():
        assert _split(briefs[name])[1] == _split(local / seed_brief)[1], name
    assert not _leftovers(output)


def test_a_lost_driver_is_resumed_by_running_the_command_again(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """The `summarize` process killed mid-run (default actor size on one-CPU nodes): the same
    command again writes only the missing briefs and leaves the finished ones untouched. Here
    with the pool of actors that hold both models (other cluster tests use a pool per model)."""
    from summarize.engines.ray import RayEngine

    origin = _copies(_short_seeds(tmp_path / "short"), tmp_path / "in", copies=4)
    config = _config(
        tmp_path,
        self_contained_models,
        f'[runtime]\narticles_per_batch = 1\n[ray]\nmodel_pools = "combined"\n{WATCHDOG}\n',
    )
    output = tmp_path / "out"
    command = [sys.executable, "-m", "summarize.cli", "run", str(tmp_path / "in"),
               "-c", str(config), "-o", str(output), "--engine", "ray",
               "--ray-address", on_cluster.address, "-q"]  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAY_AUTH_MODE": "disabled"}
    driver = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while driver.poll() is None and not _briefs(output) and time.monotonic() < deadline:
        time.sleep(0.02)
    driver.send_signal(signal.SIGKILL)
    driver.wait(timeout=60)
    # Ray ends the dead driver's job: its model actors (a CPU each) and its other workers, in
    # moments or, on a busy machine, seconds. The folder was taken as final after 2 s without a
    # change alone: a worker still alive then could write one more brief, which the rerun found
    # up to date though it was not in `before`. Once the actors are gone no group can reach its
    # last step; then wait until nothing changes (a last step under way when they went).
    assert _all_cpus_free(_ray(), within_s=120), "the dead driver's actors kept their CPUs"
    before: dict[str, int] = {}
    while (now := {n: p.stat().st_mtime_ns for n, p in _briefs(output).items()}) != before:
        before = now
        time.sleep(2)
    assert 0 < len(before) < len(origin), "the driver was not killed mid-run"

    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([tmp_path / "in"])
    assert report.exit_code == 0, report.summary_line()
    assert {o.brief_path.name for o in report.with_status("up-to-date")} == set(before)
    assert {o.brief_path.name for o in report.written} == set(origin) - set(before)
    after = {n: p.stat().st_mtime_ns for n, p in _briefs(output).items()}
    assert sorted(after) == sorted(origin)
    assert {n: after[n] for n in before} == before
    assert not _leftovers(output)

    # Nothing left to do: settled on the driver, without starting Ray or loading a model.
    import summarize.engines.ray as ray_engine

    def no_session(*_: object) -> None:
        raise AssertionError("Ray was started for briefs that are all current")

    monkeypatch.setattr(ray_engine, "ray_session", no_session)
    again = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([tmp_path / "in"])
    assert len(again.with_status("up-to-date")) == len(origin) and again.exit_code == 0


def test_a_rerun_on_ray_says_which_settings_changed_as_the_local_engine_does(
    self_contained_models: ModelSet, tmp_path: Path, caplog
) -> None:
    """Briefs redone for their settings alone: the local engine says which changed, once for
    each set of settings they were made with; the Ray engine's driver, which reads each brief's
    record before Ray starts, redid them all without a word (thousands, after an upgrade)."""
    from summarize import stages
    from summarize.engines.ray import RayEngine, _Job

    shorts = _short_seeds(tmp_path / "in")[:2]
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    output = f"output.folder={str(tmp_path / 'out')!r}"
    Pipeline(_load(config, output)).run(shorts)
    changed = "summarization.max_reduce_rounds=2"
    local = Pipeline(_load(config, output, changed))
    caplog.set_level(logging.INFO, logger="summarize")
    fingerprint = local.fingerprint()
    # As the local engine says it (tests/test_cli.py runs it so).
    stages.say_if_settings_changed(
        local.config,
        tmp_path / "out" / f"{shorts[0].stem}.md",
        shorts[0],
        fingerprint,
        set(),
        lambda: {task: local._spec(task) for task in ("translation", "summarization")},
    )
    said_locally = [r.getMessage() for r in caplog.records if "other settings" in r.getMessage()]
    assert said_locally and "summarization.max_reduce_rounds" in said_locally[0], said_locally
    caplog.clear()

    engine = RayEngine(_load(config, output, changed))
    assert engine.fingerprint() == fingerprint
    jobs = [
        _Job(n, source, tmp_path / "out" / f"{source.stem}.md") for n, source in enumerate(shorts)
    ]
    assert list(engine._settled_before_ray(jobs, fingerprint, force=False)) == []
    said = [r.getMessage() for r in caplog.records if "other settings" in r.getMessage()]
    assert said == said_locally  # the first brief's, once for both
    caplog.clear()
    # Current briefs are said nothing of.
    same = RayEngine(_load(config, output))
    settled = list(same._settled_before_ray(jobs, same.fingerprint(), force=False))
    assert [outcome.status for _, outcome, _ in settled] == ["up-to-date"] * 2
    assert not [r for r in caplog.records if "other settings" in r.getMessage()]


def test_a_rerun_whose_only_new_inputs_hold_no_article_starts_no_ray(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """Empty, blank and oversized files are known from their bytes: a rerun whose only work
    they were started a Ray instance and loaded both models in an actor (34.6 s against 7.4 s
    for the CLI on the dev VM) to say what the driver could. Same reasons as locally."""
    _ray()
    import summarize.engines.ray as ray_engine

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], folder)
    config = _config(tmp_path, self_contained_models, "[input]\nmax_bytes = 20000\n")
    output = f"output.folder={str(tmp_path / 'out')!r}"
    assert Pipeline(_load(config, output)).run([folder]).exit_code == 0
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\r\n")
    (folder / "large.txt").write_bytes(b"Satz. " * 5000)

    def no_session(*_: object) -> None:
        raise AssertionError("Ray was started for inputs that hold no article")

    monkeypatch.setattr(ray_engine, "ray_session", no_session)
    on_ray = ray_engine.RayEngine(_load(config, output)).run([folder])
    monkeypatch.undo()
    local = Pipeline(_load(config, output)).run([folder])
    assert _statuses(on_ray) == _statuses(local)
    statuses = _statuses(on_ray)
    assert statuses["empty.txt"] == ("failed", f"{folder / 'empty.txt'}: empty file")
    assert statuses["blank.txt"] == ("failed", f"{folder / 'blank.txt'}: only whitespace")
    assert statuses["large.txt"][0] == "failed" and "input.max_bytes" in statuses["large.txt"][1]
    assert on_ray.exit_code == 1 and len(on_ray.with_status("up-to-date")) == 1


def _reads_of_front_matter(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often this process reads each brief's front matter, from now on (by file name)."""
    from summarize import outputs

    reads: dict[str, int] = {}
    read_markdown = outputs.read_markdown

    def counted(path: Path) -> str | None:
        reads[path.name] = reads.get(path.name, 0) + 1
        return read_markdown(path)

    monkeypatch.setattr(outputs, "read_markdown", counted)
    return reads


def test_a_rerun_on_ray_reads_each_brief_once_and_writes_the_local_engines_index(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver's check of current briefs reads each one; the index then took none of those
    records and read every brief of the folder again, as the local engine stopped doing (a rerun
    of 3,000 current briefs: 3.3 s on Ray, 2.4 s locally; 2.7 s on Ray now). Only an earlier
    run's brief (no input of this one) is read for the index; the index is the local engine's."""
    import summarize.engines.ray as ray_engine

    _ray()
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:3]
    for seed in seeds:
        shutil.copy(seed, folder)
    config = _config(tmp_path, self_contained_models)
    output = f"output.folder={str(tmp_path / 'out')!r}"
    assert Pipeline(_load(config, output)).run([folder]).exit_code == 0
    (folder / seeds[0].name).unlink()  # its brief is an earlier run's now

    def no_session(*_: object) -> None:
        raise AssertionError("Ray was started for a rerun whose briefs are all current")

    monkeypatch.setattr(ray_engine, "ray_session", no_session)
    reads = _reads_of_front_matter(monkeypatch)
    on_ray = ray_engine.RayEngine(_load(config, output)).run([folder])
    assert len(on_ray.with_status("up-to-date")) == 2
    # It said "Ray: 0 retried, 0 actor(s) restarted", as if Ray had run.
    assert on_ray.summary_line().endswith("; Ray not started: no article needed the models")
    assert reads == {f"{seed.stem}.md": 1 for seed in seeds}
    on_ray_index = _index_without_dates(tmp_path / "out")
    monkeypatch.undo()
    Pipeline(_load(config, output)).run([folder])
    assert on_ray_index == _index_without_dates(tmp_path / "out")


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_a_stop_while_current_briefs_are_checked_leaves_the_stopped_index(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str
) -> None:
    """Ctrl-C (or SIGTERM) while a rerun checks which briefs are current (seconds for thousands
    of briefs): the index says the run was interrupted and what it had done, on either engine.
    On Ray the driver's check ran before the part of the run that writes the stopped index: the
    index went on telling of the earlier run."""
    from summarize import outputs
    from summarize.engines.ray import RayEngine

    _ray()
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, folder)
    config = _config(tmp_path, self_contained_models)
    output = f"output.folder={str(tmp_path / 'out')!r}"
    assert Pipeline(_load(config, output)).run([folder]).exit_code == 0
    current_record = outputs.current_record
    checked: list[Path] = []

    def ctrl_c_at_the_second(brief_path: Path, *args: Any) -> Any:
        checked.append(brief_path)
        if len(checked) == 2:
            raise KeyboardInterrupt
        return current_record(brief_path, *args)

    monkeypatch.setattr(outputs, "current_record", ctrl_c_at_the_second)
    run = Pipeline if engine == "local" else RayEngine
    with pytest.raises(KeyboardInterrupt):
        run(_load(config, output)).run([folder])
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    assert "Latest run: interrupted after: 0 written, 1 up to date, 0 skipped, 0 failed." in index
    assert index.count("\n- **[") == 2


@pytest.mark.parametrize("group", [1, 20])
def test_sigterm_stops_a_ray_run_as_ctrl_c_does(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, group: int
) -> None:
    """Ray's core worker answers SIGTERM with an abort and a stack dump (exit 134); the run
    stops as the local engine's does: exit 130, a line saying so, the finished briefs indexed
    and counted. With one group of 20 articles the stop comes while its briefs are being
    written, before the group's outcomes reach the driver (its count said "0 written"); no brief
    is written after the index."""
    _copies(_short_seeds(tmp_path / "short"), tmp_path / "in", copies=4)
    config = _config(tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = {group}\n"
                     f"[ray]\n{WATCHDOG}\n")  # fmt: skip
    output = tmp_path / "out"
    command = [sys.executable, "-m", "summarize.cli", "run", str(tmp_path / "in"),
               "-c", str(config), "-o", str(output), "--engine", "ray",
               "--ray-address", on_cluster.address, "-q"]  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "RAY_AUTH_MODE": "disabled"}
    driver = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while driver.poll() is None and not _briefs(output) and time.monotonic() < deadline:
        time.sleep(0.02)
    driver.send_signal(signal.SIGTERM)
    _, stderr = driver.communicate(timeout=120)
    assert driver.returncode == 130, stderr
    assert "interrupted" in stderr and "SIGTERM received" not in stderr
    index = (output / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"\(<([^>]+\.md)>\)", index)
    counted = re.search(r"interrupted after: (\d+) written, 0 up to date", index)
    assert counted is not None, index
    assert 1 <= int(counted.group(1)) == len(listed) < 20, index  # what the index lists
    # Every brief written is listed, also with 20 in a group, whose outcomes had not reached
    # the driver: the stopped run's write fence lets no worker write one after the index (a
    # worker wrote one more while the driver left the cluster).
    time.sleep(2)
    assert set(listed) == set(_briefs(output)), index


def _finish_group_with(name: str, stand_in: Callable[[Any], Any]) -> Any:
    """A stand-in for the Ray engine's _finish_group that runs it with ``outputs.<name>``
    replaced, on the worker, by ``stand_in(the real one)``, and puts the real one back after:
    the worker serves later tests."""

    def finish_group(row: Any, context: Any) -> Any:
        import summarize.engines.ray as engine
        from summarize import outputs

        real = getattr(outputs, name)
        setattr(outputs, name, stand_in(real))
        try:
            return engine._finish_group(row, context)
        finally:
            setattr(outputs, name, real)

    return finish_group


def _writes_slowed_on_the_worker(
    stem: str, marker: Path, slow_s: float, then_killed: bool = False
) -> Any:
    """A stand-in for the Ray engine's _finish_group whose write of the brief named ``stem``
    starts only ``slow_s`` after ``marker`` is made, and which Ray's cancellation of the task
    (a simulated Ctrl-C in the worker) does not reach: a writer on a slow file system, or one
    that Ray's cancellation has not reached yet. ``then_killed``: at the end of the wait it
    kills its own process outright instead (SIGKILL, as the kernel kills for memory)."""

    def slowed_from(real: Callable[..., Any]) -> Callable[..., Any]:
        def slowed(brief_path: Path, *args: Any, **kwargs: Any) -> Any:
            if brief_path.stem == stem:
                marker.touch()
                end = time.monotonic() + slow_s
                while time.monotonic() < end:
                    with contextlib.suppress(KeyboardInterrupt):
                        time.sleep(0.02)
                if then_killed:
                    os.kill(os.getpid(), signal.SIGKILL)
            return real(brief_path, *args, **kwargs)

        return slowed

    return _finish_group_with("write_brief", slowed_from)


def _stopped_while_writing(marker: Path, config: Path, output: Path, sources: list[Path]) -> float:
    """Runs ``sources`` on Ray into ``output`` and presses Ctrl-C once ``marker`` exists (a
    brief's write has begun): the run must stop with KeyboardInterrupt. When Ctrl-C was pressed.
    It raises KeyboardInterrupt as in a terminal: a shell that starts the tests in the
    background hands them SIGINT ignored, and interrupt_main then did nothing."""
    import _thread

    import summarize.engines.ray as ray_engine

    stopped: list[float] = []

    def ctrl_c_while_it_writes() -> None:
        deadline = time.monotonic() + 240
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped.append(time.monotonic())
        _thread.interrupt_main()

    watcher = threading.Thread(target=ctrl_c_while_it_writes, daemon=True)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        watcher.start()
        with pytest.raises(KeyboardInterrupt):
            engine = ray_engine.RayEngine(_load(config, f"output.folder={str(output)!r}"))
            engine.run(sources)
        watcher.join()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert stopped, "the write never began"
    return stopped[0]


@pytest.mark.parametrize("fence_s", [10.0, 0.5], ids=["waited", "ran-out"])
def test_a_stopped_ray_run_writes_no_brief_after_its_index(
    on_cluster: Any,
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    fence_s: float,
) -> None:
    """A run stopped while a worker writes a brief (Ctrl-C here; SIGTERM, a stall, a failure
    alike) waits for that write, lists the brief in its index, and lets no write begin after
    it: the group's next article gets no brief. Ray cancels the stopped run's tasks without
    waiting for them; the driver listed what it found written at once, and the worker went on
    to write both briefs, whole, on the disk and not in the index. Where the wait runs out
    (``fence_s``), a warning names the brief that may still appear."""

    import summarize.engines.ray as ray_engine

    slow_s = 3.0
    first, second = _short_seeds(tmp_path / "in")[:2]
    marker = tmp_path / "writing"
    monkeypatch.setattr(
        ray_engine, "_finish_group", _writes_slowed_on_the_worker(first.stem, marker, slow_s)
    )
    monkeypatch.setattr(ray_engine, "_WRITE_FENCE_S", fence_s)
    config = _config(tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 2\n"
                     f"[ray]\n{WATCHDOG}\n")  # fmt: skip
    output = tmp_path / "out"
    output.mkdir()  # kept by a run that writes nothing in it: a late brief has somewhere to go

    caplog.set_level(logging.WARNING, logger="summarize")
    _stopped_while_writing(marker, config, output, [first, second])
    # No index where nothing was written, as locally.
    index = (output / "index.md").read_text(encoding="utf-8") if fence_s > slow_s else ""
    assert (output / "index.md").exists() == (fence_s > slow_s)
    time.sleep(slow_s + 2)  # a writer left to go on has written by now
    # ... on a busy machine, a little later: its brief whole, its temp files gone.
    deadline = time.monotonic() + 60
    while fence_s < slow_s and _leftovers(output) and time.monotonic() < deadline:
        time.sleep(0.1)
    briefs = set(_briefs(output))
    listed = set(re.findall(r"\(<([^>]+\.md)>\)", index))
    warned = [r.getMessage() for r in caplog.records if "may still appear" in r.getMessage()]
    assert f"{second.stem}.md" not in briefs  # begun after the stop: not written
    assert not _leftovers(output)
    if fence_s > slow_s:
        assert listed == briefs == {f"{first.stem}.md"}, index
        assert "interrupted after: 1 written" in index
        assert not warned
    else:
        assert briefs == {f"{first.stem}.md"} and not listed, index
        assert len(warned) == 1 and first.name in warned[0], warned


def test_a_stopped_ray_run_waits_for_no_write_whose_process_died(
    on_cluster: Any,
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A run stopped while a worker writes a brief, whose process is then killed outright
    (SIGKILL, or for memory) before its write is over: the write fence waited its full 10 s
    for a write that never says it is over (its node still in the cluster), then warned of a
    brief that would never appear. It now stops waiting once Ray says the process died."""

    import summarize.engines.ray as ray_engine

    after_s = 1.0
    first, second = _short_seeds(tmp_path / "in")[:2]
    marker = tmp_path / "writing"
    monkeypatch.setattr(
        ray_engine,
        "_finish_group",
        _writes_slowed_on_the_worker(first.stem, marker, after_s, then_killed=True),
    )
    assert ray_engine._WRITE_FENCE_S == 10.0
    config = _config(tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 2\n"
                     f"[ray]\n{WATCHDOG}\n")  # fmt: skip
    output = tmp_path / "out"
    output.mkdir()
    caplog.set_level(logging.WARNING, logger="summarize")
    stopped = _stopped_while_writing(marker, config, output, [first, second])
    ended = time.monotonic()
    # The writer dies ``after_s`` after the stop; the fence saw it within a look or two (it
    # waited until 10 s after the stop). Generous for a loaded machine, well short of 10 s.
    assert ended - stopped < after_s + 4.0, ended - stopped
    warned = [r.getMessage() for r in caplog.records if "may still appear" in r.getMessage()]
    assert not warned, warned
    assert not _briefs(output)


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class _StopAtTheFirstOutcome(SilentProgress):
    def article_finished(self, outcome: ArticleOutcome) -> None:
        raise KeyboardInterrupt


def test_a_stopped_ray_run_is_not_said_by_ray_data_to_have_finished(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """Ray Data says "✔️  Dataset … execution finished in 9.62 seconds" as the driver lets the
    execution go, also where the driver stopped reading it (Ctrl-C, SIGTERM): a run stopped
    after its first of two groups said "execution finished", then "interrupted". A run that
    reads every group still hears it."""
    from summarize.engines.ray import RayEngine

    shorts = _short_seeds(tmp_path / "in")[:2]
    config = _config(tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 1\n"
                     f"[ray]\n{WATCHDOG}\n")  # fmt: skip
    executor_logger = logging.getLogger("ray.data._internal.execution.streaming_executor")
    lines = _Lines()
    executor_logger.addHandler(lines)
    level = executor_logger.level
    executor_logger.setLevel(logging.INFO)
    try:
        whole = _load(config, f"output.folder={str(tmp_path / 'whole')!r}")
        assert RayEngine(whole).run(shorts).exit_code == 0
        assert sum("execution finished" in line for line in lines.lines) == 1, lines.lines
        lines.lines.clear()
        stopped = _load(config, f"output.folder={str(tmp_path / 'stopped')!r}")
        with pytest.raises(KeyboardInterrupt):
            RayEngine(stopped).run(shorts, _StopAtTheFirstOutcome())
    finally:
        executor_logger.removeHandler(lines)
        executor_logger.setLevel(level)
    assert lines.lines, "Ray Data said nothing of the stopped run"
    assert not [line for line in lines.lines if "execution finished" in line]


def _writes_failing_on_the_worker(stem: str, code: int) -> Any:
    """A stand-in for the Ray engine's _finish_group whose writes of the brief files named
    ``stem`` fail with OSError ``code`` on the worker (a full disk, a name too long)."""

    def failing_from(real: Callable[[Path, str], None]) -> Callable[[Path, str], None]:
        def failing(path: Path, content: str) -> None:
            if path.stem == stem:
                raise OSError(code, os.strerror(code), str(path))
            real(path, content)

        return failing

    return _finish_group_with("write_atomic", failing_from)


def test_an_output_folder_that_stops_taking_writes_stops_the_run_as_locally(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """A brief that cannot be written (a full disk at the third article's brief, on the worker
    that writes it) stops the run as the local engine's: exit 1, the one line of OutputError
    (not Ray's traceback), the briefs written before listed in the index, no temp file left.
    Ray's actors may take the third article's group before the others finish: with no brief
    written, the folder gets no index, as locally (CI saw this once in 4,971 tests).
    (A folder at the brief's name no longer serves: that article alone is refused now.)"""
    import summarize.engines.ray as ray_engine

    shorts = _short_seeds(tmp_path / "in")
    config = _config(
        tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 1\n[ray]\n{WATCHDOG}\n"
    )
    output = tmp_path / "out"
    blocked = output / f"{shorts[2].stem}.md"
    monkeypatch.setattr(
        ray_engine, "_finish_group", _writes_failing_on_the_worker(blocked.stem, errno.ENOSPC)
    )
    result = _run_quietly_on_ray(tmp_path / "in", config, output)
    assert result.exit_code == 1, result.output
    assert (
        f"Error: cannot write the brief {blocked}: No space left on device; the run stopped"
        in " ".join(result.output.split())
    ), result.output
    assert "Traceback" not in result.output and "ray::" not in result.output, result.output
    written = [name for name, path in _briefs(output).items() if path.is_file()]
    assert f"{blocked.stem}.md" not in written
    if written:
        index = (output / "index.md").read_text(encoding="utf-8")
        assert "Latest run: stopped after:" in index
        assert all(f"(<{name}>)" in index for name in written), index
    else:  # the blocked group ran first on an actor: a stop before any brief leaves no index
        assert not (output / "index.md").exists()
    assert not _leftovers(output)


def test_a_brief_name_too_long_for_the_output_file_system_costs_only_its_article_on_ray(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """A brief name the output folder's file system cannot take (an encrypted share takes 143
    bytes a name) fails that article alone, as locally: it stopped the run, and every rerun at
    the same article."""
    import summarize.engines.ray as ray_engine

    shorts = _short_seeds(tmp_path / "in")
    config = _config(
        tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 1\n[ray]\n{WATCHDOG}\n"
    )
    output = tmp_path / "out"
    stem = shorts[2].stem
    monkeypatch.setattr(
        ray_engine, "_finish_group", _writes_failing_on_the_worker(stem, errno.ENAMETOOLONG)
    )
    result = _run_quietly_on_ray(tmp_path / "in", config, output)
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert f"{shorts[2]}: cannot write its brief {stem}.md: File name too long" in said, said
    assert f"{len(shorts) - 1} written" in said and "1 failed" in said, said
    assert "the run stopped" not in said and "Traceback" not in said, said
    assert sorted(_briefs(output)) == sorted(f"{s.stem}.md" for s in shorts if s.stem != stem)
    assert not _leftovers(output)


def test_a_users_file_named_like_a_brief_is_not_replaced_on_ray_either(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """As with the local engine: the article whose brief would replace a file no run wrote
    fails, named, before Ray takes it; the others get their briefs."""
    shorts = _short_seeds(tmp_path / "in")
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    output = tmp_path / "out"
    output.mkdir()
    notes = output / f"{shorts[1].stem}.md"
    notes.write_text("# Notizen\n", encoding="utf-8")
    result = _run_quietly_on_ray(tmp_path / "in", config, output)
    assert result.exit_code == 1, result.output
    assert "not a file that summarize wrote" in " ".join(result.output.split()), result.output
    assert f"{len(shorts) - 1} written, 0 up to date, 0 skipped, 1 failed" in result.output
    assert notes.read_text(encoding="utf-8") == "# Notizen\n"
    assert sorted(_briefs(output)) == sorted(f"{short.stem}.md" for short in shorts)


@contextlib.contextmanager
def _connected_with_setup_hook(ray: Any, address: str, hook: Callable[[], None]) -> Iterator[None]:
    """This test's own connection to the module's cluster, each of whose worker processes runs
    ``hook`` before any of its work; the next test connects as the module does."""
    ray.shutdown()  # the module's connection: this test's has the hook
    ray.init(address=address, log_to_driver=False, runtime_env={"worker_process_setup_hook": hook})
    try:
        yield
    finally:
        ray.shutdown()


def _one_short_seed(tmp_path: Path) -> Path:
    """A folder holding one short seed article, a.txt."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(_short_seeds(tmp_path / "short")[0], folder / "a.txt")
    return folder


def _fail_on_marked_batches() -> None:
    """generate() raising for any batch that holds "Zauberwort", as out of memory (in every
    process it runs in: the test's, and each Ray worker's through a setup hook)."""
    from summarize.backends import TorchBackend

    original = TorchBackend.generate_batches

    def failing(self, batches):  # type: ignore[no-untyped-def]
        for batch in batches:
            if any("Zauberwort" in text for text in batch):
                raise RuntimeError("DefaultCPUAllocator: can't allocate memory: 27 GB")
            yield from original(self, [batch])

    TorchBackend.generate_batches = failing  # type: ignore[method-assign]


def test_a_model_that_fails_on_one_article_on_the_workers_costs_only_that_brief(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """generate() raising on a worker for the batch that holds one article's sentence costs only
    that article's brief, as locally: the same outcomes and reason, the others' briefs and the
    index, exit 1 (it ended the run with Ray's traceback)."""
    ray = _ray()
    from ray import cloudpickle

    from summarize.backends import TorchBackend
    from summarize.engines.ray import RayEngine

    folder = tmp_path / "in"
    shorts = _short_seeds(folder)
    shorts[1].write_text(
        shorts[1].read_text(encoding="utf-8") + "Das Zauberwort blieb geheim.\n", "utf-8"
    )
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    monkeypatch.setattr(TorchBackend, "generate_batches", TorchBackend.generate_batches)
    _fail_on_marked_batches()  # undone by monkeypatch
    local = Pipeline(_load(config, f"output.folder={str(tmp_path / 'local')!r}")).run([folder])
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    try:  # a connection of this job's own, whose workers fail so
        with _connected_with_setup_hook(ray, on_cluster.address, _fail_on_marked_batches):
            ray_config = _load(config, f"output.folder={str(tmp_path / 'ray')!r}")
            on_ray = RayEngine(ray_config).run([folder])
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert on_ray.exit_code == local.exit_code == 1
    assert _statuses(on_ray) == _statuses(local)
    status, reason = _statuses(on_ray)[shorts[1].name]
    assert status == "failed"
    assert "translation model" in (reason or "") and "ran out of memory" in (reason or "")
    assert len(_briefs(tmp_path / "ray")) == len(shorts) - 1
    assert (tmp_path / "ray" / "index.md").is_file()


def test_a_model_that_cannot_load_on_the_workers_stops_the_run_with_the_local_message(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """Config and tokenizer are readable (the driver's fingerprint works) but the weights are
    missing: the first actor reports it, exit 2, and no restart loop, naming its node (each
    node loads its own copy: the local engine's words alone left the user to search every
    node of the cluster)."""
    broken = tmp_path / "marian-without-weights"
    shutil.copytree(self_contained_models.marian, broken)
    (broken / "model.safetensors").unlink()
    config = write_config(
        tmp_path / "c.toml", broken, self_contained_models.bart, f"[ray]\n{WATCHDOG}\n"
    )
    with pytest.raises(ModelLoadError) as local:
        Pipeline(_load(config, f"output.folder={str(tmp_path / 'local')!r}")).run([SEEDS])
    output = tmp_path / "ray"
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "-c", str(config), "-o", str(output), "--engine", "ray", "-q"]
    )
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert " ".join(str(local.value).split()) in said
    assert f"(on node {_ray().util.get_node_ip_address()})" in said, said
    assert "Traceback" not in result.output
    assert not _briefs(output)


@pytest.mark.parametrize("pickle_only", [False, True], ids=["no-weights", "pickle-only"])
def test_a_model_folder_without_weights_is_refused_before_a_local_instance_starts(
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pickle_only: bool,
) -> None:
    """The actors of an instance the run starts read the driver's own folder: its missing
    weights were said by the first actor, after Ray had started and the summarization model had
    loaded (46 s, where the local engine refuses the folder by its files in 0.1 s)."""
    # A driver that has not joined Ray yet, as a run from the command line: an earlier test of
    # this module may have left this process connected to its cluster, which a run then joins
    # (no up-front check there: the nodes may hold weights this driver lacks).
    monkeypatch.setattr(_ray(), "is_initialized", lambda: False)
    broken = tmp_path / "marian-without-weights"
    shutil.copytree(self_contained_models.marian, broken)
    (broken / "model.safetensors").unlink()
    if pickle_only:
        (broken / "pytorch_model.bin").write_bytes(b"pickle")
    config = write_config(
        tmp_path / "c.toml", broken, self_contained_models.bart, f"[ray]\n{WATCHDOG}\n"
    )
    with pytest.raises(ModelLoadError) as local:
        Pipeline(_load(config, f"output.folder={str(tmp_path / 'local')!r}")).run([SEEDS])

    def starting_ray(**_options: Any) -> None:
        raise AssertionError("Ray was started for a run refused by its model's files")

    monkeypatch.setattr("summarize.engines.ray_session.start_local_instance", starting_ray)
    output = tmp_path / "ray"
    result = _run_quietly_on_ray(SEEDS, config, output)
    assert result.exit_code == 2, result.output
    assert " ".join(str(local.value).split()) in " ".join(result.output.split())
    assert not output.exists()


def test_a_run_stopping_error_while_articles_are_cleaned_is_the_local_message(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """The language identifier's model cannot be read on a worker (its temp folder full): the
    error reached the driver in Ray's message, with the worker's traceback."""
    import summarize.engines.ray as ray_engine

    def temp_folder_full_on_the_worker(row: Any, context: Any) -> Any:
        import errno

        import py3langid.langid

        import summarize.engines.ray as engine
        from summarize.clean import language

        def temp_folder_full(path: object) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        real = py3langid.langid._load_model_file
        py3langid.langid._load_model_file = temp_folder_full
        language._load_language_identifier.cache_clear()
        try:
            return engine._prepare_group(row, context)
        finally:  # the worker serves later tests
            py3langid.langid._load_model_file = real

    monkeypatch.setattr(ray_engine, "_prepare_group", temp_folder_full_on_the_worker)
    config = write_config(
        tmp_path / "c.toml",
        self_contained_models.marian,
        self_contained_models.bart,
        f"[ray]\n{WATCHDOG}\n",
    )
    _short_seeds(tmp_path / "in")
    output = tmp_path / "ray"
    result = _run_quietly_on_ray(tmp_path / "in", config, output)
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert "Error: cannot read the language identifier's model (py3langid)" in message, message
    assert "Traceback" not in result.output and "ray::" not in result.output
    assert not _briefs(output)


def test_a_node_without_the_drivers_input_folder_stops_the_run_naming_it(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """The workers' node lacks the driver's working folder (here: it is not there for them, and
    they work in another), and so the relative inputs the driver read: each article failed as
    "cannot read: No such file or directory", exit 1, while the file lay where the driver had
    read it, and the index listed each as failed. A file gone from a folder that is there (deleted
    since the driver listed it) stays that article's failure alone."""
    import summarize.engines.ray as ray_engine

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    not_here = tmp_path / "not-on-the-node"

    def on_a_node_without_the_drivers_folder(row: Any, context: Any) -> Any:
        import dataclasses

        import summarize.engines.ray as engine

        os.chdir(elsewhere)  # where a worker starts; _enter cannot go to the driver's folder
        return engine._prepare_group(row, dataclasses.replace(context, cwd=str(not_here)))

    monkeypatch.setattr(ray_engine, "_prepare_group", on_a_node_without_the_drivers_folder)
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    _short_seeds(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        app, ["run", "in", "-c", str(config), "-o", "ray", "--engine", "ray", "-q"]
    )
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"the driver's working folder {not_here} is not on node" in said, said
    assert "cannot read" not in said and "Traceback" not in result.output
    assert not _briefs(tmp_path / "ray")

    from summarize.engines.ray import _Job, _prepare_one

    gone = _Job(0, tmp_path / "in" / "gone.txt", tmp_path / "ray" / "gone.md")
    context = ray_engine._Context(
        _load(config), "fingerprint", {}, False, str(tmp_path), None,
        ray_engine._PoolShape(True, 1.0), (3, 2),
    )  # fmt: skip
    outcome = _prepare_one(gone, context)
    assert isinstance(outcome, ArticleOutcome) and outcome.status == "failed"
    assert "no such file" in str(outcome.reason).lower()
    # An absolute input whose folder the node does not mount.
    unmounted = _Job(0, tmp_path / "share" / "a.txt", tmp_path / "ray" / "a.md")
    with pytest.raises(ray_engine._CarriedError) as stopped:
        _prepare_one(unmounted, context)
    assert isinstance(stopped.value.error, ConfigError)
    assert f"the input folder {tmp_path / 'share'} is not on node" in str(stopped.value)


def test_a_node_whose_model_is_not_the_drivers_stops_the_run(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """The driver fingerprints the models it sees; a node whose Hugging Face cache holds
    another snapshot (or another folder at the same path) loaded those weights and wrote briefs
    under the driver's fingerprint, which every rerun then kept as current. Here the driver
    alone sees other weights (its resolve_spec patched; the actors' processes are not): the
    first actor refuses, exit 2, naming what differs, and no brief is written."""
    import dataclasses

    import summarize.models

    real = summarize.models.resolve_spec

    def other_weights_here(*args: Any, **kwargs: Any) -> Any:
        spec = real(*args, **kwargs)
        return dataclasses.replace(spec, weights="0" * 40) if spec.task == "translation" else spec

    monkeypatch.setattr(summarize.models, "resolve_spec", other_weights_here)
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    output = tmp_path / "ray"
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "-c", str(config), "-o", str(output), "--engine", "ray", "-q"]
    )
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "the translation model on node" in said and f"{'0' * 40!r} on the driver" in said
    assert "Traceback" not in result.output
    assert not _briefs(output)


def test_a_node_with_other_text_libraries_than_the_drivers_stops_the_run(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """The run's fingerprint names the driver's release of summarize, its packaged rules and
    the text libraries (trafilatura, pysbd, ...); a node left on others cleaned, split and
    rendered briefs with them under that fingerprint, and every rerun kept them as current.
    Here the driver alone has another trafilatura (its run_settings patched; the workers'
    processes are not): the nodes refuse, exit 2, naming what differs, and no brief is written."""
    from summarize import stages

    real = stages.run_settings

    def other_trafilatura_here(config: Config) -> dict[str, Any]:
        return {**real(config), "text_libraries": "trafilatura 0.0.1"}

    monkeypatch.setattr(stages, "run_settings", other_trafilatura_here)
    config = _config(tmp_path, self_contained_models, f"[ray]\n{WATCHDOG}\n")
    _short_seeds(tmp_path / "in")
    output = tmp_path / "ray"
    result = _run_quietly_on_ray(tmp_path / "in", config, output)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "does not make the briefs the driver planned the run with" in said, said
    assert "'trafilatura 0.0.1' on the driver" in said, said
    assert "Traceback" not in result.output
    assert not _briefs(output)


def test_a_gpu_node_with_the_cuda_build_of_the_drivers_libraries_is_the_same_model() -> None:
    """A head without a GPU has torch's CPU build ("2.3.0+cpu"), a GPU node its CUDA build
    ("2.3.0+cu121" or "2.3.0"): the same release, differing as the device does, which may differ.
    Every actor of such a healthy cluster refused its model; another release still is refused."""
    from types import SimpleNamespace

    from summarize.engines.ray import _check_same_model

    _ray()
    driver = {"weights": "a" * 40, "device": "cpu", "location": "/head/models/opus-mt",
              "backend_version": "transformers 4.46.0, torch 2.3.0+cpu"}  # fmt: skip

    def loaded(**identity: str) -> Any:  # what the check reads of a LoadedModel
        return SimpleNamespace(identity={**driver, **identity})

    for build in ("2.3.0+cu121", "2.3.0"):
        node = loaded(device="cuda", location="/node/models/opus-mt",
                      backend_version=f"transformers 4.46.0, torch {build}")  # fmt: skip
        _check_same_model("translation", node, driver)
    other = loaded(backend_version="transformers 4.46.0, torch 2.4.0+cpu")
    with pytest.raises(
        ConfigError, match=re.escape("'transformers 4.46.0, torch 2.4.0+cpu' there")
    ):
        _check_same_model("translation", other, driver)


def test_a_driver_without_a_model_folders_weights_leaves_them_to_the_nodes(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A driver may plan a run with a model folder's tokenizer and config alone: its digest of
    that folder is not the nodes' (which hold the weights), so the actors compare everything but
    the weights; a driver that holds them has them compared."""
    from types import SimpleNamespace

    from summarize.config import TranslationSettings
    from summarize.engines.ray import _check_same_model, _compared_on_nodes
    from summarize.models import resolve_spec

    _ray()
    full = self_contained_models.marian
    light = tmp_path / "opus-mt"
    shutil.copytree(full, light, ignore=shutil.ignore_patterns("*.safetensors", "*.bin"))
    for folder, compared in ((full, True), (light, False)):
        spec = resolve_spec(
            "translation", TranslationSettings(model=str(folder)), tmp_path / "models",
            tmp_path / "digests.json",
        )  # fmt: skip
        expected = _compared_on_nodes(spec)
        assert ("weights" in expected) is compared, folder
        assert expected["window"] == spec.identity()["window"]
        # A node that holds the weights at the driver's path loads the same model: its digest
        # of them is compared only with the driver's own (it was refused against None).
        node = SimpleNamespace(identity={**spec.identity(), "weights": "f" * 64})
        if compared:
            with pytest.raises(ConfigError, match="weights"):
                _check_same_model("translation", node, expected)
        else:
            _check_same_model("translation", node, expected)


def test_the_stall_watch_is_left_out_where_ray_data_calls_no_execution_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The run's stall watch turns Ray Data's own watchdog off and is asked by its execution
    callback's on_execution_step, an internal of ray 2.60. A Ray Data whose callbacks have no
    such step would never ask it: a stalled run would wait for ever. There Ray Data's own
    watchdog stays (no callback class)."""
    _ray()
    from ray.data._internal.execution import execution_callback

    from summarize.engines.ray import _stall_watch_callback, _StallWatch

    watch = _StallWatch(ledger=None, timeout_s=5.0)
    watching = _stall_watch_callback(watch)
    assert watching is not None and issubclass(watching, execution_callback.ExecutionCallback)

    class StepsNamedOtherwise:  # an ExecutionCallback of a Ray Data that steps otherwise
        def before_execution_starts(self, executor: Any) -> None: ...

    monkeypatch.setattr(execution_callback, "ExecutionCallback", StepsNamedOtherwise)
    assert _stall_watch_callback(watch) is None


def test_a_stalled_run_exits_1_naming_the_setting(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """Actors that can never be placed (more CPUs than any node has): the watchdog ends the run."""
    config = _config(tmp_path, self_contained_models)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["run", str(SEEDS), "-c", str(config), "-o", str(output), "--engine", "ray", "-q",
         "--set", "ray.cpus_per_actor=64", "--set", "ray.no_progress_timeout_s=3"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "ray.no_progress_timeout_s = 3" in result.output
    assert "Traceback" not in result.output
    assert not _briefs(output)


def test_a_stall_seen_by_ray_datas_own_watchdog_claims_no_model_batch(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch: Any
) -> None:
    """Where Ray Data lacks the hooks of the run's stall watch, its own watchdog counts only a
    group's work started or ended, not the model batches within it: the stall's message said
    "no model batch was done" and advised raising the setting "if one model batch takes
    longer", which that watchdog never heard of."""
    from summarize.engines import ray as ray_engine

    monkeypatch.setattr(ray_engine, "_stall_watch_callback", lambda watch: None)
    config = _load(
        _config(tmp_path, self_contained_models),
        f"output.folder={str(tmp_path / 'out')!r}",
        "ray.cpus_per_actor=64",
        "ray.no_progress_timeout_s=3",
    )
    with pytest.raises(ray_engine.RunStalledError) as stalled:
        ray_engine.RayEngine(config).run([SEEDS])
    said = str(stalled.value)
    assert "ray.no_progress_timeout_s = 3" in said, said
    assert "model batch" not in said and not stalled.value.batches_counted, said


def test_an_article_whose_work_outlasts_the_no_progress_timeout_is_no_stall(
    ray_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """One article whose model work takes longer than ray.no_progress_timeout_s, each of its
    model batches far less: the run writes its brief. Ray Data's watchdog counts only blocks
    that move between stages, which the article's group holds until its work is done: the run
    stopped as "made no progress for 20 s" while the model worked on it. Each model batch is
    made to take at least 4 s on the workers (a setup hook of this test's own connection to the
    cluster): the article's 8 or more batches (a sentence each) take longer than the timeout."""
    ray = _ray()
    from summarize.engines.ray import RayEngine

    def slow_batches() -> None:  # on each worker, before any of its work
        import time

        from summarize import batching, summarization, translation

        generate = batching.generate_texts

        def slowly(*args: Any) -> Any:
            on_batch = args[4] if len(args) > 4 else None

            def done(inputs: int) -> None:
                time.sleep(4.0)
                if on_batch is not None:
                    on_batch(inputs)

            return generate(*args[:4], done)

        translation.generate_texts = summarization.generate_texts = slowly

    folder = _one_short_seed(tmp_path)
    config = _load(
        _config(tmp_path, self_contained_models),
        f"output.folder={str(tmp_path / 'out')!r}",
        "translation.batch_size=1",
        "ray.no_progress_timeout_s=20",
    )
    with _connected_with_setup_hook(ray, ray_cluster.address, slow_batches):
        report = RayEngine(config).run([folder])
    assert report.exit_code == 0, report.summary_line()
    assert sorted(_briefs(tmp_path / "out")) == ["a.md"]


def _all_cpus_free(ray: Any, within_s: float = 30.0) -> bool:
    """Whether every CPU of the cluster is free, or becomes so within ``within_s`` (an actor
    that Ray was told to end gives its CPU back in a moment; one left to finish a batch that
    hangs, after that batch)."""
    deadline = time.monotonic() + within_s
    while ray.available_resources().get("CPU", 0) < ray.cluster_resources().get("CPU", 0):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def test_a_stall_while_an_article_is_under_way_names_it(
    ray_cluster: Any, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A model batch that hangs (here: made to take 10 minutes on the workers, by a setup hook
    of this test's own connection to the cluster): the run stops after
    ray.no_progress_timeout_s, and its message names the article under way and the setting,
    not the advice for a cluster without room for an actor (it named no article). The hung
    actor ends with the run: it kept its CPU for the rest of its batch, and the next run of
    the same process found no room for an actor."""
    ray = _ray()
    from summarize.engines.ray import RayEngine, RunStalledError

    def hung_batches() -> None:  # on each worker, before any of its work
        import time

        from summarize import translation

        def hangs(*args: Any) -> Any:
            time.sleep(600)

        translation.generate_texts = hangs

    folder = _one_short_seed(tmp_path)
    config = _load(
        _config(tmp_path, self_contained_models),
        f"output.folder={str(tmp_path / 'out')!r}",
        "ray.no_progress_timeout_s=30",
    )
    with _connected_with_setup_hook(ray, ray_cluster.address, hung_batches):
        with pytest.raises(RunStalledError) as stalled:
            RayEngine(config).run([folder])
        assert _all_cpus_free(ray), (ray.available_resources().get("CPU"), "CPU(s) free")
    said = str(stalled.value)
    assert "work under way then: translation: " in said and "a.txt" in said, said
    assert "ray.no_progress_timeout_s = 30" in said and "room for an actor" not in said, said


def _two_articles_one_done_locally(tmp_path: Path, models: ModelSet) -> tuple[Path, Path, Path]:
    """A folder of two articles (a.txt, b.txt), the config, and the folder where the local
    engine wrote a.txt's brief (what a Ray worker would write under the same settings)."""
    folder = tmp_path / "in"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / "a.txt")
    shutil.copy(seed, folder / "b.txt")
    config = _config(tmp_path, models)
    done_locally = tmp_path / "local"
    Pipeline(_load(config, f"output.folder={str(done_locally)!r}")).run([folder / "a.txt"])
    return folder, config, done_locally


def _a_worker_writes_a_then(
    monkeypatch: pytest.MonkeyPatch, done_locally: Path, output: Path, error: BaseException
) -> None:
    """The run's Ray part replaced: a worker writes a.txt's brief (the same settings: the brief
    a worker would write), then ``error`` ends the run. Ray is not started."""
    import summarize.engines.ray as ray_engine
    from summarize.engines.ray import RayEngine

    def execute(self: Any, *args: Any) -> None:
        for name in ("a.json", "a.md"):
            shutil.copy(done_locally / name, output / name)
        raise error

    monkeypatch.setattr(ray_engine, "ray_session", lambda *_: contextlib.nullcontext(True))
    monkeypatch.setattr(RayEngine, "_execute", execute)


def test_a_stalled_run_counts_the_briefs_its_workers_wrote(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run stalls after a worker wrote a brief whose group's outcomes never reached the driver
    (as when a hung node stalls its group): the error counts that brief, as the index does; it
    counted only the outcomes that reached the driver. Ray is not started: the run's Ray part is
    replaced by a worker's write and the stall."""
    from summarize.engines.ray import RayEngine, RunStalledError

    _ray()
    folder, config, done_locally = _two_articles_one_done_locally(tmp_path, self_contained_models)
    output = tmp_path / "ray"

    _a_worker_writes_a_then(monkeypatch, done_locally, output, RunStalledError(3, 0))
    with pytest.raises(RunStalledError) as stalled:
        RayEngine(_load(config, f"output.folder={str(output)!r}")).run([folder])
    assert "1 brief(s) were finished and are kept" in str(stalled.value), stalled.value
    assert "ray.no_progress_timeout_s = 3" in str(stalled.value)
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "stopped after: 1 written" in index and "(<a.md>)" in index, index


def test_a_brief_a_rerun_group_finds_written_by_its_first_run_counts_as_written(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A node lost after a worker wrote a brief but before its group's outcomes reached the
    driver: Ray runs the group again from its first step, which finds the brief current and
    says "up-to-date", so the run said 0 written of the brief it wrote and its index put it
    among the earlier runs' briefs. Ray is not started: its part is replaced by the write and
    the second run's outcome."""
    import summarize.engines.ray as ray_engine
    from summarize.engines.ray import RayEngine
    from summarize.report import ArticleOutcome

    _ray()
    folder, config, done_locally = _two_articles_one_done_locally(tmp_path, self_contained_models)
    output = tmp_path / "ray"
    source = folder / "a.txt"

    def execute(self: Any, groups: Any, run: Any, *args: Any) -> tuple[int, int]:
        for name in ("a.json", "a.md"):
            shutil.copy(done_locally / name, output / name)
        run.settle(ArticleOutcome(source, "up-to-date", output / "a.md"))
        return 1, 0

    monkeypatch.setattr(ray_engine, "ray_session", lambda *_: contextlib.nullcontext(True))
    monkeypatch.setattr(RayEngine, "_execute", execute)
    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([source])
    assert [o.status for o in report.outcomes] == ["written"], report.summary_line()
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "1 written" in index and "(<a.md>)" in index, index
    # A brief that was current before the run stays up to date on a rerun.
    again = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([source])
    assert [o.status for o in again.outcomes] == ["up-to-date"], again.summary_line()


def test_a_brief_a_rerun_group_finds_written_by_its_first_run_is_logged_as_written(
    on_cluster: Any,
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The group that Ray ran again after a node took its outcomes says "up-to-date" of the
    brief its first attempt wrote: the log said "up to date: ray/a.md" while the summary line
    counted it written. The driver's part runs on the simulated cluster; the plan is replaced
    by a worker's write and the second attempt's outcome (no model loads)."""
    from summarize.engines.ray import RayEngine

    folder, config, done_locally = _two_articles_one_done_locally(tmp_path, self_contained_models)
    output = tmp_path / "ray"
    source = folder / "a.txt"

    class RunAgainAfterALostNode:
        def iter_rows(self) -> Iterator[dict[str, bytes]]:
            for name in ("a.json", "a.md"):
                shutil.copy(done_locally / name, output / name)
            said = [(ArticleOutcome(source, "up-to-date", output / "a.md"), None)]
            yield {"payload": pickle.dumps(said)}

    monkeypatch.setattr(RayEngine, "_plan", lambda *_: RunAgainAfterALostNode())
    caplog.set_level(logging.INFO, logger="summarize")
    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run(
        [source], progress=LogProgress()
    )
    assert [o.status for o in report.outcomes] == ["written"], report.summary_line()
    lines = [record.getMessage() for record in caplog.records]
    assert not [line for line in lines if line.startswith("up to date")], lines
    assert any(line.startswith("wrote ") and line.endswith("a.md") for line in lines), lines


class PanicException(BaseException):
    """What pyo3 raises where a library's Rust code panics: a BaseException, not an Exception,
    of a module (pyo3_runtime) that cannot be imported."""


PanicException.__module__ = "pyo3_runtime"


def _model_load_error() -> BaseException:
    from summarize.errors import ModelLoadError

    return ModelLoadError("the translation model's weights cannot be read on node 10.0.0.7")


@pytest.mark.parametrize(
    ("make_error", "exit_code", "said"),
    [
        # Ray's own failure: the raylet of the driver's node killed (by the kernel for memory)
        (lambda ray: ray.exceptions.LocalRayletDiedError(), 1,
         ["The task's local raylet died", "1 brief(s) were finished and are kept"]),
        # an actor that cannot load its model (no GPU for 'cuda', its folder gone on a node)
        (lambda ray: _model_load_error(), 2,
         ["cannot be read on node 10.0.0.7", "1 brief(s) were finished before it and are kept"]),
        # any other error on a worker (a defect): raised as it is
        (lambda ray: RuntimeError("a defect on a worker"), None, []),
        # a library's Rust panic (pyo3's PanicException, a BaseException): raised as it is
        (lambda ray: PanicException("a Rust library panicked"), None, []),
    ],
)  # fmt: skip
def test_a_failure_after_a_worker_wrote_a_brief_keeps_it_in_the_index(
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_error: Callable[[Any], BaseException],
    exit_code: int | None,
    said: list[str],
) -> None:
    """A run that ends after a worker wrote a brief whose group's outcomes had not reached the
    driver: Ray's exception ended the run with its traceback (or its own one line), exit 1 and
    no index; an actor's model error said no brief was kept and the index listed only the
    outcomes that had reached the driver (in a new folder, none); a defect left no index at
    all, and a library's Rust panic (a BaseException, past the driver's guard for defects) an
    index of the outcomes that had reached the driver (none). Now one line saying what
    happened and how many briefs are kept, and the index listing them. Ray is not started: its
    part of the run is replaced by a worker's write and the error."""
    ray = _ray()
    folder, config, done_locally = _two_articles_one_done_locally(tmp_path, self_contained_models)
    output = tmp_path / "ray"
    error = make_error(ray)
    _a_worker_writes_a_then(monkeypatch, done_locally, output, error)
    arguments = ["run", str(folder), "-c", str(config), "-o", str(output), "--engine", "ray"]
    if not isinstance(error, Exception):  # CliRunner catches Exception only
        with pytest.raises(type(error)):
            CliRunner().invoke(app, [*arguments, "-q"])
    elif exit_code is None:
        result = CliRunner().invoke(app, [*arguments, "-q"])
        assert isinstance(result.exception, RuntimeError), result.output
    else:
        result = CliRunner().invoke(app, [*arguments, "-q"])
        assert result.exit_code == exit_code, result.output
        shown_line = " ".join(result.output.split())
        assert "Traceback" not in shown_line, shown_line
        assert all(part in shown_line for part in said), shown_line
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "stopped after: 1 written" in index and "(<a.md>)" in index, index


def test_sigterm_while_ray_starts_stops_the_run_as_ctrl_c_does(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While ray.init runs, a SIGTERM meets Ray's own handler, which exits the process with code
    15 (no line, no index, the half-started instance left behind): the run stops as it does
    once Ray is up, exit 130 (and, as no brief was written, no index), after leaving Ray. Ray's
    handler is stood in for; no Ray starts."""
    import summarize.engines.ray_session as ray_session

    ray = _ray()
    left: list[bool] = []

    def rays_sigterm_handler_fires(**_: Any) -> None:
        raise SystemExit(signal.SIGTERM)

    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "shutdown", lambda: left.append(True))
    monkeypatch.setattr(ray_session, "start_local_instance", rays_sigterm_handler_fires)
    config = _config(tmp_path, self_contained_models)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "-c", str(config), "-o", str(output), "--engine", "ray", "-q"]
    )
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output and "Traceback" not in result.output, result.output
    assert left, "the half-started Ray instance was not left"
    assert not output.exists()  # no brief yet: no index of none (the run's folder goes)


# A driver in a session of its own, as a shell's job is: the hangup of a closed terminal reaches
# every process of its group, the services of the Ray instance it started included.
_HANGUP_OF_THE_GROUP = """
import os, signal, sys, time
import ray
from summarize.engines.ray_session import ray_session
signal.signal(signal.SIGHUP, lambda *_: None)  # the run's own stop is not what is tested here
with ray_session(None, quiet=True):
    os.killpg(0, signal.SIGHUP)
    time.sleep(2)
    print("answered", ray.get(ray.remote(lambda: 1).options(num_cpus=0).remote(), timeout=30))
"""


@pytest.mark.skipif(not HANGUP, reason="no SIGHUP on this platform (Windows)")
def test_a_closed_terminal_does_not_kill_the_local_instance_under_the_run(tmp_path: Path) -> None:
    """A closed terminal sends SIGHUP to the run's process group, where a local instance's GCS
    and raylet run: they died of it (Ray blocks only Ctrl-C in them), and a hangup while Ray
    started ended the run with exit 1 and no index ("Failed to register worker to Raylet").
    Now the instance lives on until the run, stopped by the same hangup, shuts it down."""
    _ray()
    env = {**os.environ, "RAY_AUTH_MODE": "disabled", "PYTHONPATH": str(REPO)}
    probe = subprocess.run(
        [sys.executable, "-c", _HANGUP_OF_THE_GROUP],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        start_new_session=True,
    )
    assert "answered 1" in probe.stdout, probe.stderr[-2000:]


# A driver started as a script's job with "&", where the shell ignores Ctrl-C. Ray cancels a
# task with a simulated Ctrl-C in its worker; this one comes while the task's argument is read.
_CANCELLED_WHERE_CTRL_C_IS_IGNORED = """
import pathlib, signal, sys, time
import ray
from summarize.engines.ray_session import ray_session
signal.signal(signal.SIGINT, signal.SIG_IGN)

def read_slowly(marker):
    pathlib.Path(marker).touch()
    time.sleep(5)
    return marker

class Argument:
    def __reduce__(self):
        return read_slowly, (sys.argv[1],)

def handler(argument):
    if argument is not None:  # the cancelled one: cancelled here too, should it come late
        time.sleep(60)
    return repr(signal.getsignal(signal.SIGINT))

with ray_session(None, quiet=True):
    task = ray.remote(handler).options(num_cpus=0, max_retries=0)
    print("worker", ray.get(task.remote(None), timeout=120))
    reference = task.remote(Argument())
    deadline = time.monotonic() + 120
    while not pathlib.Path(sys.argv[1]).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    ray.cancel(reference)
    try:
        print("not cancelled", ray.get(reference, timeout=120))
    except ray.exceptions.TaskCancelledError:
        print("cancelled")
    except ray.exceptions.RayTaskError as error:
        print("failed", repr(error.cause))
    print("driver", repr(signal.getsignal(signal.SIGINT)))
"""


def test_a_local_instance_started_where_ctrl_c_is_ignored_can_cancel_its_tasks(
    tmp_path: Path,
) -> None:
    """A run started as a script's job (``summarize run ... &``) ignores Ctrl-C, and so did every
    process of the local instance it started: a task Ray cancelled (those left when a run
    stops) ran on, and one cancelled while its argument was read failed in Ray's deferral of
    the Ctrl-C, "TypeError: 'Handlers' object is not callable", which the driver printed with
    Ray's traceback after the run's own line. The instance's workers take Ctrl-C as Python's
    default now; the driver goes on ignoring it."""
    _ray()
    env = {**os.environ, "RAY_AUTH_MODE": "disabled", "PYTHONPATH": str(REPO)}
    probe = subprocess.run(
        [sys.executable, "-c", _CANCELLED_WHERE_CTRL_C_IS_IGNORED, str(tmp_path / "reading")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    said = probe.stdout.splitlines()
    assert said == [
        "worker <built-in function default_int_handler>",
        "cancelled",
        "driver <Handlers.SIG_IGN: 1>",
    ], probe.stdout + probe.stderr[-2000:]


def _fewest_deaths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each death costs a new worker process (an actor's loads its model): the fewest that show
    a group retried, then its articles one at a time (the limits travel with the plan)."""
    import summarize.engines.ray as ray_engine

    monkeypatch.setattr(ray_engine, "_GROUP_DEATHS", 1)
    monkeypatch.setattr(ray_engine, "_ARTICLE_DEATHS", 1)


@pytest.mark.parametrize("stage", ["prepare", "translation"])
def test_an_article_that_kills_its_worker_fails_alone_and_the_run_goes_on(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch, stage: str
) -> None:
    """An article whose work kills the worker process (a segfault, an OOM kill; here os._exit
    while it is cleaned in a task, or translated in an actor) was retried without end: Ray runs
    the task again or restarts the actor with the same group, and the run stalled until
    ray.no_progress_timeout_s, blaming the cluster's room. Its group is retried a bounded number
    of times, then its articles one at a time: only that article fails, saying why; every other
    one (the one in its group too) gets its brief, and the index is written."""
    import summarize.engines.ray as ray_engine
    from summarize.engines.ray import RayEngine

    shorts = _short_seeds(tmp_path / "in")
    shutil.copy(shorts[2], tmp_path / "in" / "002_crash.txt")  # shares a group with shorts[2]

    if stage == "prepare":

        def crashes_on_one_article(row: Any, context: Any) -> Any:
            # On the worker: its own copy of the engine, whose per-article step dies on one.
            import summarize.engines.ray as engine

            if not hasattr(engine, "_crash_test"):
                engine._crash_test = engine._prepare_one  # type: ignore[attr-defined]

                def prepare_one(job: Any, context: Any) -> Any:
                    if "crash" in job.source.name:
                        os._exit(1)
                    return engine._crash_test(job, context)  # type: ignore[attr-defined]

                engine._prepare_one = prepare_one
            return engine._prepare_group(row, context)

        monkeypatch.setattr(ray_engine, "_prepare_group", crashes_on_one_article)
    else:

        class CrashesOnOneArticle(ray_engine._TranslateActor):
            def _work(self, group: Any) -> Any:
                if any("crash" in job.source.name for job, _ in group.ready):
                    os._exit(1)
                return super()._work(group)

        monkeypatch.setattr(ray_engine, "_TranslateActor", CrashesOnOneArticle)
    _fewest_deaths(monkeypatch)
    config = _config(
        tmp_path,
        self_contained_models,
        '[runtime]\narticles_per_batch = 2\n[ray]\nmodel_pools = "separate"\n'
        f"cpus_per_actor = 0.5\n{WATCHDOG}\n",
    )
    output = tmp_path / "out"
    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([tmp_path / "in"])
    statuses = _statuses(report)
    status, reason = statuses.pop("002_crash.txt")
    assert status == "failed" and reason is not None
    assert re.search(r"002_crash\.txt: its worker process died 2 times", reason), reason
    assert all(status == "written" for status, _ in statuses.values()), statuses
    assert report.exit_code == 1
    assert sorted(_briefs(output)) == sorted(f"{p.stem}.md" for p in shorts)
    index = (output / "index.md").read_text(encoding="utf-8")
    assert all(f"(<{p.stem}.md>)" in index for p in shorts), index
    assert not _leftovers(output)


def test_an_article_whose_worker_dies_after_its_brief_is_written_is_reported_written(
    on_cluster: Any, self_contained_models: ModelSet, tmp_path: Path, monkeypatch
) -> None:
    """A worker process killed just after it wrote an article's brief (atomically, so the brief
    is whole) ran the same work again until the article's deaths were spent: the run reported
    that article failed, "its worker process died 2 times", and the index listed it as such,
    while its complete brief, of this run, lay in the folder."""
    import summarize.engines.ray as ray_engine
    from summarize.engines.ray import RayEngine

    shorts = _short_seeds(tmp_path / "in")
    shutil.copy(shorts[2], tmp_path / "in" / "002_crash.txt")

    def dies_after_writing_one_brief(row: Any, context: Any) -> Any:
        # On the worker: its own copy of the engine, whose write of one brief kills the process
        # as soon as the brief is in place.
        import summarize.engines.ray as engine

        if not hasattr(engine, "_crash_test"):
            engine._crash_test = engine.outputs.write_brief  # type: ignore[attr-defined]

            def write_brief(path: Path, brief: Any, **options: Any) -> Any:
                record = engine._crash_test(path, brief, **options)  # type: ignore[attr-defined]
                if "crash" in path.name:
                    os._exit(1)
                return record

            engine.outputs.write_brief = write_brief
        return engine._finish_group(row, context)

    monkeypatch.setattr(ray_engine, "_finish_group", dies_after_writing_one_brief)
    _fewest_deaths(monkeypatch)
    config = _config(
        tmp_path,
        self_contained_models,
        f"[runtime]\narticles_per_batch = 2\n[ray]\n{WATCHDOG}\n",
    )
    output = tmp_path / "out"
    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([tmp_path / "in"])
    statuses = _statuses(report)
    assert all(status == "written" for status, _ in statuses.values()), statuses
    assert report.exit_code == 0
    assert "002_crash.md" in _briefs(output)
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "(<002_crash.md>)" in index, index
    assert f"Latest run: {len(shorts) + 1} written, 0 up to date, 0 skipped, 0 failed." in index


def test_a_last_step_run_again_keeps_the_briefs_its_first_attempt_wrote(
    on_cluster: Any,
    self_contained_models: ModelSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A worker process killed while it wrote a group's briefs (its node lost, or killed for
    memory), after the group's first brief was in place: Ray ran the step again, which wrote
    each brief of the group anew, the whole ones replaced by other files (another record_id and
    generated_at; killed between a brief's two files, the pair no longer belonged together and
    the brief counted as missing)."""
    import summarize.engines.ray as ray_engine
    from summarize.engines.ray import RayEngine

    shorts = _short_seeds(tmp_path / "in")
    writes, died = tmp_path / "writes.txt", tmp_path / "died"
    second = f"{shorts[1].stem}.md"  # the second brief of the first group of two

    def dies_once_after_the_second_brief(row: Any, context: Any) -> Any:
        # On the worker: each brief written is noted; the first write of the second brief
        # kills the process as soon as the brief is in place.
        import summarize.engines.ray as engine

        write_brief = engine.outputs.write_brief

        def noted(path: Path, brief: Any, **options: Any) -> Any:
            record = write_brief(path, brief, **options)
            with writes.open("a", encoding="utf-8") as noted_writes:
                noted_writes.write(f"{path.name}\n")
            if path.name == second and not died.exists():
                died.touch()
                os._exit(1)
            return record

        engine.outputs.write_brief = noted
        try:
            return engine._finish_group(row, context)
        finally:
            engine.outputs.write_brief = write_brief

    monkeypatch.setattr(ray_engine, "_finish_group", dies_once_after_the_second_brief)
    config = _config(
        tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 2\n[ray]\n{WATCHDOG}\n"
    )
    output = tmp_path / "out"
    caplog.set_level(logging.WARNING, logger="summarize")
    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([tmp_path / "in"])
    assert died.exists()
    # The write its dead process had begun is not waited for at the run's end (the write
    # fence waited its 10 s, then warned of a brief that was written and indexed).
    assert not [r for r in caplog.records if "may still appear" in r.getMessage()]
    written = writes.read_text(encoding="utf-8").split()
    assert sorted(written) == sorted(f"{p.stem}.md" for p in shorts), written
    assert all(status == "written" for status, _ in _statuses(report).values())
    assert report.exit_code == 0
    index = (output / "index.md").read_text(encoding="utf-8")
    assert f"Latest run: {len(shorts)} written, 0 up to date, 0 skipped, 0 failed." in index


def test_the_warning_of_pools_that_a_lost_node_leaves_no_room_for_counts_whole_actors(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An actor takes its CPUs on one node: four one-CPU nodes left hold no actor of two CPUs,
    though their four CPUs are the two pools' minimum. Summed over the nodes, the warning was
    not given, and losing the large node stalled the run until the no-progress timeout."""
    ray = _ray()
    from summarize.config import RaySettings
    from summarize.engines.ray import _PoolShape, _warn_if_tight

    def cluster(*cpus: float) -> Callable[[], list[dict[str, Any]]]:
        return lambda: [{"Alive": True, "Resources": {"CPU": count}} for count in cpus]

    caplog.set_level(logging.WARNING, logger="summarize")
    separate = _PoolShape(combined=False, cpus_per_actor=2.0)
    monkeypatch.setattr(ray, "nodes", cluster(0, 8, 1, 1, 1, 1))
    _warn_if_tight(RaySettings(), separate)
    assert "if the largest node is lost, the other nodes" in caplog.text
    assert "hold no more than 0 of the actor pools' minimum of 2" in caplog.text
    caplog.clear()
    monkeypatch.setattr(ray, "nodes", cluster(0, 8, 2, 2))  # one actor on each
    _warn_if_tight(RaySettings(), separate)
    monkeypatch.setattr(ray, "nodes", cluster(0, 8, 1, 1))  # half a CPU each: two on each
    _warn_if_tight(RaySettings(), _PoolShape(combined=False, cpus_per_actor=0.5))
    assert caplog.text == ""


@pytest.mark.parametrize(
    ("timeout", "ends", "would_end"),
    [
        (
            "inf",
            "the run waits for good (ray.no_progress_timeout_s = inf)",
            "the run would wait for good (ray.no_progress_timeout_s = inf)",
        ),
        (
            "600",
            "the run stops after ray.no_progress_timeout_s (600 s)",
            "the run would stop after ray.no_progress_timeout_s (600 s)",
        ),
    ],
)
def test_the_warnings_of_a_cluster_without_room_say_what_the_timeout_does(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    timeout: str,
    ends: str,
    would_end: str,
) -> None:
    """With ``ray.no_progress_timeout_s = inf`` (documented: never stops) the warnings said "the
    run stops after ray.no_progress_timeout_s otherwise", where it waits for good."""
    ray = _ray()
    from summarize.engines.ray import _check_gpu_room, _check_room, _PoolShape, _warn_if_tight

    config = load_config(
        overrides=["translation.device='cuda'", f"ray.no_progress_timeout_s={timeout}"],
        project_file=None,
    )
    # A head without CPUs, a node of 8 CPUs and one of 1, no GPU anywhere.
    monkeypatch.setattr(
        ray, "nodes", lambda: [{"Alive": True, "Resources": {"CPU": cpus}} for cpus in (0, 8, 1)]
    )
    monkeypatch.setattr(ray, "cluster_resources", lambda: {"CPU": 9.0})
    caplog.set_level(logging.WARNING, logger="summarize")
    _check_room(_PoolShape(False, 16.0), False, config.ray.no_progress_timeout_s)
    _check_gpu_room(config, _PoolShape(False, 1.0), local=False)
    _warn_if_tight(config.ray, _PoolShape(False, 2.0))
    too_large, no_gpu, tight = (record.getMessage() for record in caplog.records)
    assert too_large.endswith(f"unless the cluster adds a larger node; otherwise {ends}")
    assert no_gpu.endswith(f"unless the cluster adds one; otherwise {ends}")
    assert f": {would_end}; lower ray.cpus_per_actor or add nodes" in tight


def test_a_cluster_of_one_node_with_cpus_beside_a_head_without_is_not_warned_of(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The README's cluster, a head started with --num-cpus=0, with one worker node: its one
    node with CPUs has nothing to keep when it is lost, as a local instance. Counted as a node,
    the head made every run warn "the other nodes (0 CPU(s)) hold no more than 0 of the actor
    pools' minimum of 1 actor(s) of 4 CPU(s): … lower ray.cpus_per_actor or add nodes"."""
    ray = _ray()
    from summarize.config import RaySettings
    from summarize.engines.ray import _PoolShape, _warn_if_tight

    caplog.set_level(logging.WARNING, logger="summarize")
    monkeypatch.setattr(
        ray, "nodes", lambda: [{"Alive": True, "Resources": {"CPU": cpus}} for cpus in (0, 4)]
    )
    _warn_if_tight(RaySettings(), _PoolShape(combined=True, cpus_per_actor=4.0))
    _warn_if_tight(RaySettings(), _PoolShape(combined=False, cpus_per_actor=1.0))
    assert caplog.text == ""


def test_a_stall_after_a_lost_node_names_its_work_as_lost_not_under_way() -> None:
    """The translator's node killed mid-batch, the one node left held by the summarizer: no
    translator could start again, and the run stalled. Its message named the translation as
    "work under way then" and advised raising ray.no_progress_timeout_s or looking for a
    worker that hangs (seen on the simulated cluster); the work had left with its node. Now
    it is named as lost with a node, with the advice of a cluster without room."""
    _ray()
    import summarize.engines.ray as ray_engine

    ledger = ray_engine._RunLedger()
    ledger.started(("translation",), 0, "lost-node", "t1")
    ledger.started(("summarization",), 1, "node-left", "t2")
    ledger.started(("prepare",), 2, "node-left", "t3")
    ledger.finished("prepare", 2, "t3")
    assert ledger.under_way(["node-left"]) == ([("summarization", 1)], [("translation", 0)])
    # Taken up again on the node left: under way there.
    ledger.started(("translation",), 0, "node-left", "t4")
    assert ledger.under_way(["node-left"]) == ([("summarization", 1), ("translation", 0)], [])

    said = str(ray_engine.RunStalledError(30, 0, (), True, ("translation: in/a.txt",)))
    assert "work lost with a node that left the cluster, not begun again: translation: " in said
    assert "under way" not in said and "hangs" not in said, said
    assert "no room for an actor of each pool" in said, said


def test_a_group_run_again_in_the_combined_pool_counts_as_one_retry() -> None:
    """The combined pool runs both models' stages as one unit of work: the summary line said
    "2 retried" for one group run again."""
    _ray()
    import summarize.engines.ray as ray_engine

    for stages in (("translation", "summarization"), ("translation",)):
        ledger = ray_engine._RunLedger()
        ledger.started(stages, 0, "a", "t1")
        ledger.started(stages, 0, "b", "t2")
        assert ledger.totals() == (1, 0)


def test_the_ledger_counts_a_death_where_the_work_runs_again_on_its_node() -> None:
    """Ray runs work again to rebuild what a lost node held, and a lost node takes the work in
    flight with it: both were counted as the work killing its process, and three node losses
    under a one-article group failed that healthy article ("its worker process died 3
    times"). Run again on another node, a lost attempt costs the group's allowance of node
    losses first (the cluster says a node is gone only seconds after Ray retries its work)."""
    _ray()
    import summarize.engines.ray as ray_engine

    ledger = ray_engine._RunLedger(limits=(3, 2), node_losses=2)
    tokens = iter(f"t{n}" for n in range(100))

    def start(group: int, node: str) -> int:
        return ledger.started(("translate",), group, node, next(tokens))

    # Group 1: done on a, rebuilt on b (a lost after it was done), then lost with b and run
    # again on c: two node losses, the allowance; lost twice more: deaths.
    assert start(1, "a") == 0
    ledger.finished("translate", 1, "t0")
    assert start(1, "b") == 0
    assert start(1, "c") == 0
    assert start(1, "d") == 1
    assert start(1, "e") == 2
    # Group 2: its work killed its process on node f, run again there: each time a death;
    # done, and run again on the same node: its process died before handing the output over.
    assert [start(2, "f") for _ in range(3)] == [0, 1, 2]
    ledger.finished("translate", 2, "t7")
    assert start(2, "f") == 3
    # One article alone: its deaths; not started again once given up (it is not run then);
    # an article done and run again because its group died later: free.
    assert ledger.begin("translate", 2, 0, "f", "a1") == 0
    assert ledger.begin("translate", 2, 0, "f", "a2") == 1
    assert ledger.begin("translate", 2, 0, "f", "a3") == 2
    assert ledger.begin("translate", 2, 0, "f", "a4") == 2  # not 3: a3 never ran
    assert ledger.begin("translate", 2, 1, "f", "b1") == 0
    ledger.end("translate", 2, 1, "b1")
    assert ledger.begin("translate", 2, 1, "f", "b2") == 0
    # A late report of a lost attempt leaves the retry's own attempt open.
    assert ledger.begin("translate", 3, 0, "g", "c1") == 0
    assert ledger.begin("translate", 3, 0, "g", "c2") == 1
    ledger.end("translate", 3, 0, "c1")  # c1 was already counted: changes nothing
    assert ledger.begin("translate", 3, 0, "g", "c3") == 2
    assert ledger.totals() == (4 + 3, 0)  # what Ray redid: every run after a group's first


def test_the_ledger_lets_no_write_begin_once_closed_and_names_those_under_way() -> None:
    """The write fence's ledger side: a write asked for before the run stops is under way until
    its writer says it is over (written or not); closed, the ledger names those and refuses
    every write asked for after."""
    _ray()
    import summarize.engines.ray as ray_engine

    ledger = ray_engine._RunLedger()
    assert ledger.may_write(0, 3, "a", "t1") and ledger.may_write(1, 7, "b", "t2")
    ledger.wrote(0, 3, "t1")
    ledger.wrote(0, 3, "t9")  # not asked for (a write given up before it asked): nothing
    assert ledger.close() == [(7, "b")]
    assert not ledger.may_write(2, 9, "a", "t3")
    assert ledger.writing() == [(7, "b")]  # a refused write is not waited for
    ledger.wrote(1, 7, "t2")
    ledger.wrote(2, 9, "t3")
    assert ledger.writing() == []


class _LostCall:
    def remote(self, *args: Any) -> None:
        return None


class _LostLedger:
    """A stand-in for the run's ledger whose every call is sent: the tests' ray.get raises."""

    started = may_write = wrote = begin = end = finished = _LostCall()


def test_a_ledger_gone_with_its_driver_lets_no_write_begin(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The ledger dies with the driver that owns it: a stopped run's driver closes it, lists the
    briefs it finds written, writes its index and leaves, and on a cluster a worker outlives it
    for a while. Told "its owner has died" (Ray's words for it), the worker wrote its brief
    unfenced, one on disk and in no index: the case the fence is for. A ledger lost with its
    driver alive (killed for memory) still fences nothing."""
    from types import SimpleNamespace

    ray = _ray()
    import summarize.engines.ray as ray_engine

    owner_died = (
        "The actor died unexpectedly before finishing this task.\n\tclass_name: _RunLedger\n"
        "The actor is dead because its owner has died. Owner Id: 01000000ffffffff Owner Ip "
        "address: 10.0.0.1 Owner worker exit type: INTENDED_USER_EXIT"
    )
    died = ray.exceptions.RayActorError(None, owner_died)

    def get(*args: Any, **kwargs: Any) -> Any:
        raise died

    monkeypatch.setattr(ray, "get", get)
    monkeypatch.setattr(ray_engine, "_this_node", lambda: "a")  # starts no Ray instance
    context = SimpleNamespace(ledger=_LostLedger(), deaths=(3, 3))
    watch = ray_engine._Watch(context, ("finish",), 0)  # type: ignore[arg-type]
    job = ray_engine._Job(0, tmp_path / "a.txt", tmp_path / "a.md")
    assert watch.may_write(job) is False
    died = ray.exceptions.RayActorError(None, "The actor is dead because it was killed (OOM)")
    assert watch.may_write(job) is True
    watch.wrote(job)  # says nothing to a lost ledger, raises nothing


def test_the_ledger_waits_for_no_write_of_a_process_that_died() -> None:
    """The fence's ledger side: a write whose process is said dead (its worker id) is over, as
    is every write of that process and none of another; a write with no process known stays
    waited for."""
    _ray()
    import summarize.engines.ray as ray_engine

    ledger = ray_engine._RunLedger()
    assert ledger.may_write(0, 1, "a", "t1", "w1", 11)
    assert ledger.may_write(0, 2, "a", "t1", "w1", 11)
    assert ledger.may_write(1, 3, "b", "t2", "w2", 22)
    assert ledger.may_write(2, 4, "b", "t3")  # its process not known
    assert ledger.writers() == [("w1", 11, "a"), ("w2", 22, "b")]
    ledger.died(["w1", "w9"])
    assert ledger.close() == [(3, "b"), (4, "b")]
    assert ledger.writers() == [("w2", 22, "b")]
    ledger.wrote(1, 3, "t2")
    assert ledger.writers() == [] and ledger.writing() == [(4, "b")]


def test_a_writer_is_dead_where_rays_worker_table_says_so_or_else_its_pid_is_gone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ray's GCS notes a worker's death in its worker table: a writer it says is dead is, one it
    says is alive is not, whatever its pid. One it does not know (or a table that cannot be
    read) is dead where it wrote on the driver's node and its pid is gone; elsewhere, unknown:
    the fence waits for it, as before."""
    ray = _ray()
    from ray.core.generated import gcs_pb2

    import summarize.engines.ray as ray_engine

    said = {"aa" * 28: True, "bb" * 28: False}

    class Accessor:
        def get_worker_info(self, worker: Any) -> bytes | None:
            if (alive := said.get(worker.hex())) is None:
                return None
            return gcs_pb2.WorkerTableData(is_alive=alive).SerializeToString()

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    here = os.getpid()
    monkeypatch.setattr(ray_engine, "_this_node", lambda: "n1")
    state = ray._private.state.state
    monkeypatch.setattr(state, "_connect_and_get_accessor", lambda: Accessor())
    writers = [
        ("aa" * 28, gone.pid, "n1"),  # alive, says the table
        ("bb" * 28, here, "n1"),  # dead, says the table
        ("cc" * 28, gone.pid, "n1"),  # not in the table, its pid gone on the driver's node
        ("dd" * 28, here, "n1"),  # not in the table, its pid there
        ("ee" * 28, gone.pid, "n2"),  # not in the table, on another node
        ("ff" * 28, None, "n1"),  # no pid known
    ]
    assert ray_engine._dead_writers(writers) == ["bb" * 28, "cc" * 28]

    def unreadable() -> Any:
        raise AttributeError("Ray's internals have changed")

    monkeypatch.setattr(state, "_connect_and_get_accessor", unreadable)
    assert ray_engine._dead_writers(writers) == ["aa" * 28, "cc" * 28]


def test_the_write_fence_keeps_its_deadline_where_rays_gcs_does_not_answer(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The fence asks Ray's GCS whether a writer's process or node is gone, and a GCS call
    waits for its answer without a limit (a GCS held stopped by SIGSTOP: get_worker_info still
    blocked after 25 s). A look that does not answer ends the looking, not the fence's bound:
    the fence still returns by its deadline and names the write it waited for."""
    ray = _ray()
    import summarize.engines.ray as ray_engine

    class Answer:
        def __init__(self, value: Any) -> None:
            self.value = value

        def remote(self, *args: Any) -> Any:
            return self.value

    class Ledger:
        close = writing = Answer([(1, "n1")])
        writers = Answer([("aa" * 28, 5, "n1")])
        died = Answer(None)

    released = threading.Event()
    looks: list[str] = []

    def hung(*args: Any) -> Any:
        looks.append("look")
        released.wait(30)
        return []

    monkeypatch.setattr(ray, "get", lambda ref, timeout=None: ref)
    monkeypatch.setattr(ray, "nodes", hung)
    monkeypatch.setattr(ray_engine, "_dead_writers", hung)
    caplog.set_level(logging.WARNING, logger="summarize")
    job = ray_engine._Job(1, Path("a.txt"), Path("a.md"))
    start = time.monotonic()
    try:
        ray_engine._fence_writes(Ledger(), {1: job}, wait_s=1.0)
        took = time.monotonic() - start
    finally:
        released.set()
    assert took < 2.5
    assert looks == ["look"]  # a GCS that did not answer is not asked again
    said = [record.getMessage() for record in caplog.records]
    assert any("1 brief(s) still being written" in line and "a.txt" in line for line in said)


def test_a_careful_attempt_whose_ledger_is_lost_goes_on_uncounted_unless_its_driver_is_gone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A careful attempt (each article alone, noted in the run's ledger before and after) whose
    ledger does not answer: with the driver alive (the ledger's actor killed for memory) the
    article's work goes on, uncounted, as a group's does; Ray's RayActorError from the ledger
    failed the group's task, and the run ended with Ray's error. With the ledger gone with its
    driver, its owner, the run is gone: no work begins, and the article is said not written."""
    from types import SimpleNamespace

    ray = _ray()
    import summarize.engines.ray as ray_engine

    killed = ray.exceptions.RayActorError(None, "The actor is dead because it was killed (OOM)")
    owner_died = ray.exceptions.RayActorError(
        None, "The actor is dead because its owner has died. Owner Id: 01000000ffffffff"
    )
    raised: list[BaseException] = [killed]

    def get(*args: Any, **kwargs: Any) -> Any:
        raise raised[0]

    monkeypatch.setattr(ray, "get", get)
    monkeypatch.setattr(ray_engine, "_this_node", lambda: "a")  # starts no Ray instance
    context = SimpleNamespace(ledger=_LostLedger(), deaths=(0, 2))  # careful from the start
    watch = ray_engine._Watch(context, ("summarize",), 0)  # type: ignore[arg-type]
    assert watch.careful
    job = ray_engine._Job(3, tmp_path / "a.txt", tmp_path / "a.md")
    assert watch.begin(job) is None  # goes on
    watch.end(job)  # notes nothing, raises nothing
    raised[0] = owner_died
    position, outcome = watch.begin(job)  # type: ignore[misc]
    assert position == 3 and outcome.status == "failed" and outcome.source == job.source
    assert outcome.reason == ray_engine._NOT_WRITTEN
    watch.end(job)


def test_a_finish_run_again_ends_the_write_its_dead_attempt_had_begun() -> None:
    """A worker process that died while it wrote a brief never says the write is over; Ray runs
    the group's finish work again (a new attempt) only once that process is gone, so its write
    is no longer waited for: a completed run waited 10 s at its end and warned of a brief that
    was written and in its index. Another stage of the group started again leaves it."""
    _ray()
    import summarize.engines.ray as ray_engine

    ledger = ray_engine._RunLedger()
    assert ledger.may_write(4, 1, "a", "t1") and ledger.may_write(5, 2, "a", "t2")
    ledger.started(("summarize",), 4, "a", "t3")
    assert ledger.writing() == [(1, "a"), (2, "a")]
    ledger.started(("finish",), 4, "a", "t4")
    assert ledger.writing() == [(2, "a")]  # group 5's write is still under way
    assert ledger.may_write(4, 1, "a", "t4")
    ledger.started(("finish",), 4, "a", "t4")  # its own attempt's write is not dropped
    assert ledger.close() == [(1, "a"), (2, "a")]


def test_the_ledger_names_the_writes_under_way_in_the_order_of_the_articles() -> None:
    """The fence's warning names the first few briefs under way: by position, not as text (where
    position 10 came before 2), also with a writer on no known node."""
    _ray()
    import summarize.engines.ray as ray_engine

    ledger = ray_engine._RunLedger()
    for position, node in ((10, "a"), (2, None), (33, "b"), (4, "a")):
        assert ledger.may_write(position // 10, position, node, f"t{position}")
    assert ledger.close() == [(2, None), (4, "a"), (10, "a"), (33, "b")]


def test_a_driver_that_ray_ends_without_a_word_leaves_the_index_of_its_briefs(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ray ends the driver itself when the cluster at runtime.ray_address is stopped (60 s
    later, exit 1, lines of Ray's) or the raylet under it dies: no ``except`` runs, and the
    briefs written were in no index (an earlier run's index stayed, telling of that run). Here
    the end comes as a SystemExit from the progress display after two articles, which nothing
    of the run catches."""
    import summarize.engines.common as common
    from summarize.engines.ray import RayEngine
    from summarize.report import SilentProgress

    _ray()
    _short_seeds(tmp_path / "in")
    monkeypatch.setattr(common, "CHECKPOINT_S", 0.0)
    config = _config(tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 1\n"
                     f"[ray]\n{WATCHDOG}\n")  # fmt: skip
    output = tmp_path / "out"

    class EndedByRay(SilentProgress):
        finished = 0

        def article_finished(self, outcome: Any) -> None:
            self.finished += 1
            if self.finished == 3:
                raise SystemExit(1)

    with pytest.raises(SystemExit):
        RayEngine(_load(config, f"output.folder={str(output)!r}")).run(
            [tmp_path / "in"], EndedByRay()
        )
    index = (output / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"\(<([^>]+\.md)>\)", index)
    # The index as of the last outcomes it was written after (at most a tenth of the run's
    # time goes to it, so not necessarily after every one), with every brief on disk by then.
    assert len(listed) >= 1 and set(listed) <= set(_briefs(output)), index
    written = re.search(r"Latest run: not finished at [\d-]+ [\d:]+ UTC: (\d) written", index)
    assert written and int(written[1]) in (1, 2) and len(listed) >= int(written[1]), index


def test_the_index_so_far_takes_at_most_a_tenth_of_a_runs_time(monkeypatch) -> None:
    """Each index of the briefs so far reads every earlier brief the run has not settled (25 s
    in a folder of 50,000): written every 30 s after the last, the driver would have spent
    nearly half the run on them, taking no outcome (a review's find)."""
    import summarize.engines.common as common

    clock = [0.0]
    spent = [0.0]

    def slow_write(run: object) -> None:
        clock[0] += 25.0
        spent[0] += 25.0

    monkeypatch.setattr(common, "write_checkpoint", slow_write)
    checkpoints = common.Checkpoints(clock=lambda: clock[0])
    for _ in range(3600):  # a group's outcomes every second for an hour
        clock[0] += 1.0
        checkpoints.write_when_due(None)  # type: ignore[arg-type]
    assert 0 < spent[0] <= 0.12 * clock[0]


def test_a_ray_run_that_gets_no_brief_writes_no_index_in_a_folder_without_one(
    self_contained_models: ModelSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that gets no brief at all writes no index in a folder without one; the Ray
    engine's index of its briefs so far (here due at once) wrote one, and the run's end then
    found it and rewrote it (a review's find)."""
    import summarize.engines.common as common
    from summarize.engines.ray import RayEngine

    _ray()
    monkeypatch.setattr(common, "CHECKPOINT_S", 0.0)
    folder = tmp_path / "in"
    folder.mkdir()
    english = (
        "The government announced on Tuesday that it would raise taxes on fuel next year. "
        "Opposition leaders criticised the plan and called for a vote in parliament. " * 3
    )
    for number in range(2):
        (folder / f"english-{number}.txt").write_text(english, encoding="utf-8")
    config = _config(tmp_path, self_contained_models, f"[runtime]\narticles_per_batch = 1\n"
                     f"[ray]\n{WATCHDOG}\n")  # fmt: skip
    output = tmp_path / "out"
    report = RayEngine(_load(config, f"output.folder={str(output)!r}")).run([folder])
    assert [outcome.status for outcome in report.outcomes] == ["skipped", "skipped"]
    assert not (output / "index.md").exists()


def test_runtime_threads_that_ray_does_not_use_are_warned_of(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An actor runs on its ray.cpus_per_actor CPUs: runtime.threads = 1, set to spare a shared
    machine, gave every core of it to the Ray run without a word."""
    _ray()
    from summarize.config import RuntimeSettings
    from summarize.engines.ray import _PoolShape, _warn_if_threads_unused

    caplog.set_level(logging.WARNING, logger="summarize")
    _warn_if_threads_unused(RuntimeSettings(threads=1), _PoolShape(combined=True, cpus_per_actor=8))
    assert "runtime.threads = 1 is not used by the Ray engine" in caplog.text
    assert "ray.cpus_per_actor (8)" in caplog.text
    caplog.clear()
    _warn_if_threads_unused(RuntimeSettings(threads=8), _PoolShape(combined=True, cpus_per_actor=8))
    _warn_if_threads_unused(RuntimeSettings(), _PoolShape(combined=False, cpus_per_actor=1))
    assert caplog.text == ""
