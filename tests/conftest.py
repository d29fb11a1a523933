"""Shared fixtures: random-weight models built once per session, offline.

Two model sets: "self-contained" (tokenizers trained on the seeds here, runs in a plain clone)
and "shared-hub" (the real tokenizers, configs and generation settings from ../shared/hub).
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# Nothing a test session writes may land in the user's caches.
os.environ["XDG_CACHE_HOME"] = _TEST_CACHE = tempfile.mkdtemp(prefix="summarize-test-cache-")

from summarize.testing import build_bart, build_marian, build_t5

if TYPE_CHECKING:
    from click.testing import Result

# ... and the session leaves no such folder behind in /tmp (one per process, every run).
atexit.register(shutil.rmtree, _TEST_CACHE, ignore_errors=True)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED_HUB = REPO.parent / "shared" / "hub"
MARIAN_HUB = SHARED_HUB / "Helsinki-NLP__opus-mt-de-en"
BART_HUB = SHARED_HUB / "sshleifer__distilbart-cnn-12-6"
T5_HUB = SHARED_HUB / "google-t5__t5-small"
SHARED_MT = REPO.parent / "shared" / "eval" / "mt"  # WMT German news, one sentence a line


# Folders the tool writes to by default (relative to the working directory, the checkout in a
# test run); tests must use temp folders instead.
_DEFAULT_WRITE_FOLDERS = ("outputs", "models")
_TOOL_CACHES = {".git", ".pytest_cache", ".ruff_cache", "__pycache__", ".hypothesis"}


def _checkout_state() -> set[str]:
    state = {path.name for path in REPO.iterdir() if path.name not in _TOOL_CACHES}
    for name in _DEFAULT_WRITE_FOLDERS:
        if (REPO / name).is_dir():
            state |= {str(path.relative_to(REPO)) for path in (REPO / name).rglob("*")}
    return state


@pytest.fixture(autouse=True)
def summarize_logger_left_as_found() -> Iterator[None]:
    """A command run through CliRunner points the "summarize" logger at that run's stderr,
    which is closed afterwards: a later test's log line then printed a logging error (with a
    traceback) into whatever that test captured. Each test gets the logger as it was."""
    logger = logging.getLogger("summarize")
    state = (list(logger.handlers), logger.level, logger.propagate)
    yield
    logger.handlers[:], logger.level, logger.propagate = state


# The longest file first, so that with the README's `-n 2 --dist loadfile` one process runs it
# from the start while the other runs the rest (last, it ran alone at the end).
LONGEST_FIRST = "test_ray.py"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name != LONGEST_FIRST)  # stable: the rest in order


@pytest.fixture(scope="session", autouse=True)
def checkout_left_as_found() -> Iterator[None]:
    """Tests leave the checkout as they found it (no outputs/.summarize-cache, no models)."""
    before = _checkout_state()
    yield
    after = _checkout_state()
    assert after == before, f"tests wrote into the checkout: {sorted(after ^ before)}"


def require_shared_hub(folder: Path = SHARED_HUB) -> None:
    """Skip without ../shared (or ``folder`` in it) in a plain clone; in CI its absence is a
    failure."""
    if folder.is_dir():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must have {folder} beside the clone")
    pytest.skip(f"{folder} not present (plain clone)")


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


@dataclass(frozen=True)
class ModelSet:
    name: str
    marian: Path
    bart: Path
    marian_short_window: Path  # 48 positions: long sentences must be split
    bart_short_window: Path  # 96 positions: every seed takes the map-reduce path


def _build_set(name: str, root: Path) -> ModelSet:
    texts = seed_texts()
    marian_kwargs = {"tokenizer_dir": MARIAN_HUB} if name == "shared-hub" else {"texts": texts}
    bart_kwargs = {"tokenizer_dir": BART_HUB} if name == "shared-hub" else {"texts": texts}
    return ModelSet(
        name=name,
        marian=build_marian(root / "marian", **marian_kwargs),
        bart=build_bart(root / "bart", **bart_kwargs),
        marian_short_window=build_marian(
            root / "marian-48", max_position_embeddings=48, **marian_kwargs
        ),
        bart_short_window=build_bart(root / "bart-96", max_position_embeddings=96, **bart_kwargs),
    )


@pytest.fixture(scope="session")
def self_contained_models(tmp_path_factory: pytest.TempPathFactory) -> ModelSet:
    return _build_set("self-contained", tmp_path_factory.mktemp("models-self"))


@pytest.fixture(scope="session")
def shared_hub_models(tmp_path_factory: pytest.TempPathFactory) -> ModelSet:
    require_shared_hub()
    return _build_set("shared-hub", tmp_path_factory.mktemp("models-hub"))


@pytest.fixture(params=["self-contained", "shared-hub"])
def models(request: pytest.FixtureRequest) -> ModelSet:
    return request.getfixturevalue(
        "self_contained_models" if request.param == "self-contained" else "shared_hub_models"
    )


@pytest.fixture(scope="session")
def t5_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_shared_hub()
    return build_t5(tmp_path_factory.mktemp("t5") / "t5", tokenizer_dir=T5_HUB)


def write_config(path: Path, marian: Path, bart: Path, extra: str = "") -> Path:
    """A user config that sets only the models and short generation lengths."""
    path.write_text(
        f"""
[translation]
model = "{marian}"
[translation.generation]
max_new_tokens = 12
num_beams = 2

[summarization]
model = "{bart}"
[summarization.generation]
max_length = 24
min_length = 4
num_beams = 2
{extra}
""",
        encoding="utf-8",
    )
    return path


def invoke_as_in_a_terminal(args: Sequence[str]) -> Result:
    """The command line run with Ctrl-C raising KeyboardInterrupt, as in a terminal (pytest's
    own handler put back after); the command must give its handler back too."""
    from typer.testing import CliRunner

    from summarize.cli import app

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = CliRunner().invoke(app, list(args))
        given_back = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert given_back is signal.default_int_handler, "the command kept its SIGINT handler"
    return result


def ctrl_c_at_the_summary_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C pressed as a command prints its summary line (the one with "→")."""
    import summarize.cli

    real_print = summarize.cli.stderr.print

    def stopped_at_the_summary_line(*args: object, **kwargs: object) -> None:
        if args and "→" in str(args[0]):
            signal.raise_signal(signal.SIGINT)
        real_print(*args, **kwargs)

    monkeypatch.setattr(summarize.cli.stderr, "print", stopped_at_the_summary_line)
