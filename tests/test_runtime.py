import functools
import json
import platform
import resource
from pathlib import Path

import pytest

from summarize import process
from summarize.config import load_config
from summarize.engines.local import Pipeline
from summarize.process import (
    configure_process,
    default_threads,
    keep_freed_memory,
    plan_threads,
)

glibc_only = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="the allocator tuning applies to glibc only",
)


def _minor_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


@glibc_only
def test_freed_blocks_are_reused_without_page_faults() -> None:
    assert keep_freed_memory()
    # 40 MiB is above glibc's default mmap ceiling (32 MiB): untuned, every allocation
    # would be mapped fresh and fault in all of its 10,240 pages again.
    size = 40 * 1024 * 1024
    pages = size // 4096
    block = bytearray(size)
    del block
    before = _minor_faults()
    for _ in range(5):
        block = bytearray(size)
        del block
    assert _minor_faults() - before < pages // 2


@pytest.mark.parametrize("enabled", [True, False])
def test_configure_process_tunes_the_allocator_only_when_configured(
    monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    import torch

    calls: list[bool] = []
    monkeypatch.setattr(process, "keep_freed_memory", lambda: calls.append(True) or True)
    monkeypatch.setattr(torch, "set_num_threads", lambda threads: None)
    config = load_config(overrides=[f"runtime.keep_freed_memory={str(enabled).lower()}"])
    Pipeline(config)  # a library user's pipeline changes nothing in the process
    assert calls == []
    configure_process(config.runtime)
    assert calls == ([True] if enabled else [])


@pytest.mark.parametrize(
    ("threads", "workers", "expected"),
    [
        (2, 0, (1, 2)),  # auto: two single-threaded workers on two cores
        (1, 0, (1, 1)),
        (8, 0, (4, 2)),
        (8, 4, (2, 4)),
        (2, 5, (1, 2)),  # never more workers than threads
        (3, 1, (3, 1)),
    ],
)
def test_threads_are_shared_out_among_workers(
    monkeypatch: pytest.MonkeyPatch, threads: int, workers: int, expected: tuple[int, int]
) -> None:
    import torch

    torch_threads: list[int] = []
    monkeypatch.setattr(torch, "set_num_threads", torch_threads.append)
    monkeypatch.setattr(
        process, "default_threads", lambda torch_in_use: 64
    )  # runtime.threads decides
    config = load_config(
        overrides=[
            f"runtime.threads={threads}",
            f"runtime.workers={workers}",
            "runtime.keep_freed_memory=false",
        ]
    )
    assert Pipeline(config).threads == expected
    assert torch_threads == []  # planning changes nothing
    assert configure_process(config.runtime) == expected
    assert plan_threads(config.runtime) == expected  # the same plan after torch was set
    assert torch_threads == [expected[0]]


def test_a_config_with_its_own_threads_leaves_the_next_configs_default_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two configs in one process: the second, without runtime.threads, gets the process's
    threads, not the count the first one set torch to (it took that for torch's default)."""
    import torch

    torch_threads = [8]
    monkeypatch.setattr(torch, "get_num_threads", lambda: torch_threads[-1])
    monkeypatch.setattr(torch, "set_num_threads", torch_threads.append)
    # A fresh memo of torch's default, as in a new process.
    monkeypatch.setattr(process, "default_threads", functools.cache(default_threads.__wrapped__))
    first = load_config(overrides=["runtime.threads=1", "runtime.keep_freed_memory=false"])
    assert configure_process(first.runtime) == (1, 1)
    second = load_config(overrides=["runtime.keep_freed_memory=false"])
    assert plan_threads(second.runtime) == (4, 2)
    assert configure_process(second.runtime) == (4, 2)


def test_fingerprint_is_known_before_the_weights_and_matches_the_loaded_run(
    self_contained_models, tmp_path
) -> None:
    """The run's fingerprint comes from tokenizers and configs while the weights load."""
    overrides = [
        f"translation.model={json.dumps(str(self_contained_models.marian))}",
        f"summarization.model={json.dumps(str(self_contained_models.bart))}",
        f"output.folder={json.dumps(str(tmp_path))}",
    ]
    pipeline = Pipeline(load_config(overrides=overrides, project_file=None))
    early = pipeline.fingerprint()
    pipeline.load()
    assert pipeline.run_info.fingerprint == early
    chunked = Pipeline(
        load_config(
            overrides=[*overrides, "summarization.chunk_generation.max_new_tokens=8"],
            project_file=None,
        )
    )
    assert chunked.fingerprint() != early  # map-step settings change the briefs


def test_the_start_up_warm_up_and_an_article_read_the_language_model_once() -> None:
    """The warm-up thread reads the identifier's model; an article that needs it meanwhile
    waits for that read instead of making a second one."""
    import threading

    from summarize import stages
    from summarize.clean import language

    language._load_language_identifier.cache_clear()
    warm = threading.Thread(target=stages.warm_up)
    warm.start()
    language.check_language(
        "Der Bundestag hat am Freitag über den Haushalt beraten. " * 5, Path("a.txt")
    )
    warm.join()
    assert language._load_language_identifier.cache_info().misses == 1


def test_a_ctranslate2_run_never_imports_torch(self_contained_models, tmp_path) -> None:
    """torch costs a second of start-up; a run whose models are both on CTranslate2 (and
    already converted: the conversion reads torch) writes its brief without importing it."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    import subprocess
    import sys

    from conftest import SEEDS

    overrides = [
        f"translation.model={json.dumps(str(self_contained_models.marian))}",
        f"summarization.model={json.dumps(str(self_contained_models.bart))}",
        "translation.backend=ctranslate2",
        "summarization.backend=ctranslate2",
        "translation.generation.max_new_tokens=4",
        "summarization.generation.max_length=8",
        "summarization.generation.min_length=2",
        f"runtime.models_dir={json.dumps(str(tmp_path / 'models'))}",
        f"runtime.model_digests={json.dumps(str(tmp_path / 'digests.json'))}",
        "runtime.cache=false",
    ]
    seed = sorted(SEEDS.glob("*.txt"))[0]
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from summarize.config import load_config\n"
        "from summarize.engines.local import Pipeline\n"
        "from summarize.process import configure_process\n"
        f"config = load_config(overrides={overrides!r} + sys.argv[1:2], project_file=None)\n"
        "report = Pipeline(config, configure_process(config.runtime, config.uses_torch()))"
        f".run([Path({str(seed)!r})])\n"
        "print(json.dumps([[o.status for o in report.outcomes], 'torch' in sys.modules]))\n"
    )

    def run(output: Path) -> list:
        folder = f"output.folder={json.dumps(str(output))}"
        done = subprocess.run(
            [sys.executable, "-c", script, folder], capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout.splitlines()[-1])

    assert run(tmp_path / "first")[0] == ["written"]  # converts the models if no test did yet
    assert run(tmp_path / "second") == [["written"], False]
