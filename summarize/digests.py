"""Content digests of model files, so a changed model never reuses old translations or briefs.

A local model folder is identified by the SHA-256 of the files a model is read from (weights,
configs, tokenizer). Hashing DistilBART's 1.2 GB of weights takes 1-6 s (disk and CPU), so
digests are remembered in a small JSON file keyed by each file's (path, size, mtime, ctime,
inode): an unchanged file is only stat()ed (0.02 s for the folder). The file lives in the user
cache folder (``runtime.model_digests``), so every run of this user on this machine shares it,
whatever its output folder or cache setting. A hub model is identified by
the snapshot commit the Hugging Face cache resolved its revision to, a content hash already.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from pathlib import Path
from typing import Any

from summarize.errors import shown
from summarize.fileio import NotARegularFile, folder_error_reason, read_regular_bytes, write_atomic

logger = logging.getLogger("summarize")

DIGESTS_FILENAME = "model-digests.json"
# What transformers reads a model from; READMEs, licences and hidden files change no output.
# ".tokenizer": ProphetNet's vocabulary (prophetnet.tokenizer), which a digest left out.
_MODEL_FILE_SUFFIXES = (
    ".safetensors", ".bin", ".json", ".spm", ".model", ".txt", ".msgpack", ".tokenizer",
)  # fmt: skip
_IGNORED_NAMES = ("readme", "license", "licence")
# The model's own generate() settings: a model's identity holds them as the effective settings
# (ModelSpec.generation_settings), and CTranslate2's converter writes the same conversion
# whatever they say. Hashed with the weights, an edit of them keyed a new conversion, a full
# copy of the weights (1.2 GB for DistilBART), while the old one stayed.
_GENERATION_FILE = "generation_config.json"


def default_digests_file() -> Path:
    """``<user cache folder>/summarize/model-digests.json`` (``$XDG_CACHE_HOME`` on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path("summarize", appauthor=False) / DIGESTS_FILENAME


def model_files(folder: Path) -> list[Path]:
    """The files of a local model folder a model is read from (and its digest made of)."""
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in _MODEL_FILE_SUFFIXES
        and not path.name.startswith(".")
        and not path.name.lower().startswith(_IGNORED_NAMES)
        and path.name != _GENERATION_FILE
        and path.is_file()
    )


def _stat_key(path: Path) -> str:
    status = path.stat()
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}"


def file_sha256(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def folder_digest(folder: Path, digests_file: Path | None = None) -> str:
    """One SHA-256 over the names and contents of a local model folder's model files.

    ``digests_file`` remembers per-file digests between runs (skipped when None)."""
    known: dict[str, dict[str, str]] = {}
    foreign = False  # a file there that is not one of these memos: never replaced
    folder_named: Path | None = None  # runtime.model_digests naming a folder
    if digests_file is not None:
        # Taken as given: runtime.model_digests has its leading ~ read when the config is
        # loaded ("./~backup/digests.json", a file here, was written into the home of 'backup').
        try:
            text = read_regular_bytes(digests_file).decode("utf-8")
        except NotARegularFile:
            # "/dev/null" turns the memo off (it was replaced by one, when run as root); a FIFO
            # would have hung the run. A folder is a mistake (the cache folder, its file meant):
            # every run read the weights whole again, unsaid.
            if digests_file.is_dir():
                folder_named = digests_file
            digests_file, text = None, ""
        except OSError:  # none yet, or none to be read (writing it then says why)
            text = ""
        except ValueError:  # not text
            text = "not a memo"
        loaded = _memo(text)
        if loaded is not None:
            known = loaded
        else:
            # runtime.model_digests pointed at a config or a notes file: it was replaced by the
            # digests without a word.
            foreign = True
    combined = hashlib.sha256()
    hashed: list[str] = []
    start = time.perf_counter()
    for path in model_files(folder):
        real = str(path.resolve())  # hub-style folders link to shared blobs
        stat_key = _stat_key(path)
        entry = known.get(real)
        if (
            not isinstance(entry, dict)
            or entry.get("stat") != stat_key
            or not isinstance(entry.get("sha256"), str)  # a damaged or hand-edited entry
        ):
            entry = {"stat": stat_key, "sha256": file_sha256(path)}
            known[real] = entry
            hashed.append(path.name)
        combined.update(f"{path.name}\x00{entry['sha256']}\n".encode())
    if hashed:
        seconds = time.perf_counter() - start
        # Said once written: "remembered in" followed by "could not remember" said both.
        if folder_named is not None:
            logger.warning(
                "model digests not remembered: %s is a folder (set runtime.model_digests to a "
                "file's name in it, e.g. %s)",
                folder_named, folder_named / DIGESTS_FILENAME,
            )  # fmt: skip
        if foreign:
            logger.warning(
                "model digests not remembered: %s holds something else, and is left as it is "
                "(set runtime.model_digests to a file of its own, or remove that one)",
                digests_file,
            )
        remembered = (
            digests_file is not None and not foreign and _write_digests(digests_file, known)
        )
        logger.info(
            "hashed %s in %s (%.1f s)%s", ", ".join(hashed), folder, seconds,
            f"; remembered in {digests_file}" if remembered else "",
        )  # fmt: skip
    return combined.hexdigest()


_ENTRY_KEYS = frozenset({"stat", "sha256"})


def _memo(text: str) -> dict[str, dict[str, str]] | None:
    """The digests memo ``text`` holds, {} for an empty or damaged one of ours (written anew),
    None for a file that holds something else (left as it is)."""
    if not text.strip():
        return {}
    try:
        loaded: Any = json.loads(text)
    except RecursionError:
        # Nested past what json reads (by recursion, no ValueError): a whole file, not ours.
        return None
    except ValueError:
        # Cut short (a crash, a full disk): still ours by its shape, and written anew.
        return {} if text.lstrip().startswith("{") and '"sha256"' in text else None
    if isinstance(loaded, dict) and all(
        isinstance(entry, dict) and set(entry) <= _ENTRY_KEYS for entry in loaded.values()
    ):
        return loaded
    return None


def _write_digests(digests_file: Path, known: dict[str, dict[str, str]]) -> bool:
    """Best effort and atomic: a lost update only costs hashing again. Whether it was written."""
    try:
        write_atomic(digests_file, json.dumps(known, sort_keys=True, indent=1))
    except OSError as error:  # a full disk, a read-only cache: no temp file is left behind
        # A file where a folder above it goes was "[Errno 20] Not a directory: '…'".
        logger.warning(
            "could not remember model digests in %s: %s",
            shown(digests_file), folder_error_reason(error, digests_file.parent),
        )  # fmt: skip
        return False
    return True


def hub_snapshot(repo_id: str, revision: str | None, cache_dir: Path | None = None) -> str | None:
    """The commit the Hugging Face cache resolves ``revision`` of ``repo_id`` to, or None."""
    folder = hub_snapshot_folder(repo_id, revision, cache_dir)
    return folder.name if folder is not None else None


def hub_snapshot_folder(
    repo_id: str, revision: str | None, cache_dir: Path | None = None
) -> Path | None:
    """The Hugging Face cache's snapshot folder ``revision`` of ``repo_id`` resolves to (one
    holding its config.json), or None."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json", cache_dir=cache_dir, revision=revision)
    return Path(found).parent if isinstance(found, str) else None
