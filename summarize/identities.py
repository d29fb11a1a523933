"""The models' identities as the last run that read them found them, so that a rerun whose every
brief is current answers without importing torch or transformers (about 2.5 s of CPU of the 3 s
such a rerun took, for nothing to do).

A model's identity (:meth:`summarize.models.ModelSpec.identity`) is read from its tokenizer and
configs with transformers, and "auto" picks the device with torch. Once a pipeline has read it
(checks passed), it is remembered here, keyed by everything it was made from: the model
settings, where the model setting found the folder, each of the folder's files by its stat
(size, mtime, ctime, inode: an edited or replaced file is another key, as in
:mod:`summarize.digests`), the device's memory, the libraries' versions, summarize's own
code, and the messages the read logged. A rerun computes the key alone (stat calls and a
small JSON file); an entry for it is the identity the full read would compute again, byte for
byte.

Only what the key can settle is taken this way: a local model folder on the torch backend, on
"cpu", or "auto" where the installed torch has no GPU build and the system no MPS (Linux); on
CTranslate2, on "cpu", or "auto" where it counts no CUDA device, while its conversion is there
(where it is missing, the read checks that its folder takes writes); and a
hub id read offline (HF_HUB_OFFLINE), its folder the Hugging Face cache's snapshot its revision
resolves to there, which is all such a read takes. Online, a hub id is read as before: with a
branch or tag (the default, "main") the hub may hold a newer commit, which the read fetches and
redoes the briefs for; and pinned to a commit, the read asks the hub for each file the snapshot
lacks (a download cut short, `hf download --include`), so what it found depends on whether the
hub answered then, which no key tells: a read while it was out of reach, remembered, would keep
its briefs once it answers. "cuda" and "mps" are read as before.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.util
import json
import logging
import os
import platform
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from summarize.backends import device_memory
from summarize.config import ModelSettings
from summarize.digests import hub_snapshot_folder
from summarize.errors import SummarizeError
from summarize.fileio import NotARegularFile, read_regular_bytes, write_atomic
from summarize.models import Task, package_versions, resolve_model

logger = logging.getLogger("summarize")

IDENTITIES_FILENAME = "model-identities.json"
# Bumped when what an entry holds changes meaning.
_MEMO_FORMAT = 1
# The most entries kept: a model edited many times leaves one each, the oldest go first.
_MOST_ENTRIES = 64
# What reads a model's tokenizer and configs, and so may read them otherwise in another release.
_READING_LIBRARIES = (
    "transformers", "torch", "tokenizers", "sentencepiece", "huggingface_hub", "safetensors",
    "protobuf", "sacremoses", "numpy", "ctranslate2",
)  # fmt: skip
_WRITES = threading.Lock()


def identities_file(digests_file: Path | None) -> Path | None:
    """Where the identities are remembered: beside the model digests (runtime.model_digests),
    none where those are not remembered either."""
    # "/dev/null" turns the digests' memo off, and this one with it.
    if digests_file is None or (digests_file.exists() and not digests_file.is_file()):
        return None
    return digests_file.with_name(IDENTITIES_FILENAME)


def _torch_has_no_gpu_build() -> bool:
    """Whether the installed torch is built for no CUDA and no ROCm, read from its version file
    without importing it; False where that cannot be told."""
    spec = importlib.util.find_spec("torch")
    if spec is None or spec.origin is None:
        return False
    try:
        tree = ast.parse(Path(spec.origin).with_name("version.py").read_text(encoding="utf-8"))
    except (OSError, ValueError, SyntaxError):
        return False
    found: dict[str, Any] = {}
    for node in tree.body:
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        if isinstance(target, ast.Name) and target.id in ("cuda", "hip"):
            value = getattr(node, "value", None)
            found[target.id] = value.value if isinstance(value, ast.Constant) else "unknown"
    return found == {"cuda": None, "hip": None}


def device_without_torch(requested: str, backend: str = "torch") -> str | None:
    """The device :func:`summarize.models.pick_device` gives for ``requested`` on ``backend``,
    where that is "cpu" and certain without importing torch; None otherwise."""
    if requested == "cpu":
        return "cpu"
    if requested != "auto":
        return None
    if backend == "ctranslate2":
        return "cpu" if _ctranslate2_sees_no_gpu() else None
    if sys.platform == "linux" and _torch_has_no_gpu_build():
        return "cpu"
    return None


def _ctranslate2_sees_no_gpu() -> bool:
    """Whether CTranslate2 (imported, a few hundredths of a second) counts no CUDA device, as
    its "auto" asks; False where that cannot be told."""
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() == 0
    except (ImportError, OSError, RuntimeError):  # a full read says what is wrong with it
        return False


def _stat_key(path: Path) -> str | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"


def _folder_files(folder: Path) -> dict[str, str] | None:
    """Each regular file of ``folder`` (links followed) by its stat key; None where it cannot
    be listed."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return None
    files = {}
    for entry in entries:
        path = Path(entry.path)
        if path.is_file():
            stat = _stat_key(path)
            if stat is None:
                return None
            files[entry.name] = stat
    return files


def _hub_offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)  # as transformers reads it (TRANSFORMERS_OFFLINE too)


def _hub_snapshot_read_offline(settings: ModelSettings) -> Path | None:
    """The Hugging Face cache's snapshot folder an offline read of the hub id
    ``settings.model`` takes; None online (see the module's docstring) or where the cache holds
    no such snapshot (the read says what is missing)."""
    if not _hub_offline():
        return None
    try:
        return hub_snapshot_folder(settings.model, settings.revision)
    except (OSError, ValueError):  # an id the hub's rules refuse: said by the full read
        return None


@functools.cache
def _own_code_sha256() -> str:
    """summarize's own modules by content: a change of how an identity is read is a new key
    (a development checkout changes it without a new version number)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(f"{path.relative_to(package)}\x00".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def identity_key(task: Task, settings: ModelSettings, models_dir: Path) -> str | None:
    """The key of the ``task`` model's identity, made without the model libraries; None where
    they are needed to tell it (see the module's docstring)."""
    if settings.backend not in ("torch", "ctranslate2"):
        return None
    resolved = device_without_torch(settings.device, settings.backend)
    if resolved is None:
        return None
    try:
        source = resolve_model(settings.model, models_dir, task)
    except (SummarizeError, OSError, ValueError):
        return None  # said by the full read
    folder = Path(source.location) if source.is_local else _hub_snapshot_read_offline(settings)
    if folder is None:
        return None
    files = _folder_files(folder)
    if files is None:
        return None
    key = {
        "format": _MEMO_FORMAT,
        "task": task,
        "settings": settings.model_dump(mode="json"),
        "source": [source.requested, source.location, source.searched],
        "snapshot": None if source.is_local else str(folder),  # a hub id's, read offline
        "models_dir": str(models_dir),
        "cwd": os.getcwd(),
        "files": files,
        "device": resolved,
        # The read refuses beams that cannot fit the machine's memory: a memo shared by two
        # machines (a home folder on a network disk) answered for the smaller what the larger
        # found, "up to date", exit 0, where a full read refuses (exit 2).
        "memory": device_memory(resolved),
        "libraries": package_versions(_READING_LIBRARIES),
        "python": platform.python_version(),
        "code": _own_code_sha256(),
    }
    encoded = json.dumps(key, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def _read(memo_file: Path) -> dict[str, Any]:
    try:
        loaded = json.loads(read_regular_bytes(memo_file).decode("utf-8"))
    except (OSError, ValueError, NotARegularFile, RecursionError):  # nested past json's depth
        return {}
    return loaded if isinstance(loaded, dict) else {}


def remembered(key: str | None, memo_file: Path | None) -> dict[str, Any] | None:
    """The entry remembered for ``key``: ``identity`` and ``logged`` ([level, message] pairs
    the read logged, said again by whoever takes it), or None."""
    if key is None or memo_file is None:
        return None
    entry = _read(memo_file).get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("identity"), dict):
        return None
    logged = entry.get("logged")
    level = entry.get("level")
    if not isinstance(logged, list) or not isinstance(level, int):
        return None
    # Read while fewer messages were logged (--quiet): a more talkative run would miss some.
    if logger.getEffectiveLevel() < level:
        return None
    # A CTranslate2 model's conversion, which the read checks only where it is missing (that
    # its folder takes writes): gone, the model is read again, and the check made.
    conversion = entry.get("conversion")
    if conversion is not None and not (Path(str(conversion)) / "model.bin").is_file():
        return None
    return entry


def remember(
    key: str | None,
    memo_file: Path | None,
    identity: Mapping[str, Any],
    logged: list[tuple[int, str]],
    level: int,
    conversion: Path | None = None,
) -> None:
    """Remember ``identity`` for ``key``, with ``conversion`` (a CTranslate2 model's folder,
    taken while it holds its model); best effort (a lost entry costs a full read)."""
    if key is None or memo_file is None:
        return
    with _WRITES:
        known = _read(memo_file)
        known.pop(key, None)
        known[key] = {"identity": identity, "logged": logged, "level": level}
        if conversion is not None:
            known[key]["conversion"] = str(conversion)
        while len(known) > _MOST_ENTRIES:
            del known[next(iter(known))]
        try:
            write_atomic(memo_file, json.dumps(known, sort_keys=False, default=str))
        except OSError as error:
            logger.debug("model identities not remembered in %s: %s", memo_file, error)


class _Captured(logging.Handler):
    def __init__(self, thread: int) -> None:
        super().__init__(logging.NOTSET)
        self.thread = thread
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        # The digests' "hashed ..." and memo messages tell of work a remembered read skips.
        if record.thread == self.thread and record.module != "digests":
            self.records.append((record.levelno, record.getMessage()))


@contextmanager
def captured_messages() -> Iterator[list[tuple[int, str]]]:
    """The messages this thread logs meanwhile (to the "summarize" logger), as (level, text)."""
    handler = _Captured(threading.get_ident())
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


class _SaidAlready(logging.Filter):
    """Drops each message a remembered read said again once, as the models are read after
    all; the read's own capture still takes it (to be remembered with the read)."""

    def __init__(self, said: list[tuple[int, str]]) -> None:
        super().__init__()
        self.left = said
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        with self.lock:
            said = (record.levelno, record.getMessage())
            if said not in self.left:
                return True
            self.left.remove(said)
        for handler in logger.handlers:
            if isinstance(handler, _Captured):
                handler.handle(record)
        return False


@contextmanager
def not_said_twice(entries: list[dict[str, Any]]) -> Iterator[None]:
    """Meanwhile, the messages that the remembered reads of ``entries`` said again are not
    said again by a full read: a run with a new article beside current briefs said the read's
    warnings twice."""
    said = [
        (int(item[0]), str(item[1]))
        for entry in entries
        for item in entry["logged"]
        if isinstance(item, list) and len(item) == 2
    ]
    dropping = _SaidAlready(said)
    logger.addFilter(dropping)
    try:
        yield
    finally:
        logger.removeFilter(dropping)


def say_again(logged: list[Any]) -> None:
    """Log the messages a remembered read logged, as it did."""
    for item in logged:
        if isinstance(item, list) and len(item) == 2:
            logger.log(int(item[0]), "%s", item[1])
