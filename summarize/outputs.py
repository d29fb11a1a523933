"""The output folder: brief names, one run at a time, atomic writes, the index.

Everything that touches the output folder's files lives here; :mod:`summarize.render` only
formats. A brief's name comes from its input's file name, never from article text.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from summarize.errors import UsageError
from summarize.render import IndexEntry, first_sentence, render_index

INDEX_FILENAME = "index.md"
LOCK_FILENAME = ".summarize.lock"

_UNSAFE_NAME = re.compile(r"[^\w .,()+-]", re.UNICODE)


def brief_names(sources: list[Path]) -> list[str]:
    """One brief file name per source, from the file name only (never from article text).

    Unsafe characters become "_", a leading dot is dropped (no hidden briefs), and sources that
    would collide ("a.txt" and "a.md", or same names in two folders) get a short hash of their
    path appended, so no input overwrites another's brief."""
    wanted = []
    for source in sources:
        stem = _UNSAFE_NAME.sub("_", source.stem).strip().lstrip(".") or "article"
        wanted.append(stem[:150])
    counts = Counter(name.casefold() for name in wanted)
    names = []
    for source, stem in zip(sources, wanted, strict=True):
        if counts[stem.casefold()] > 1 or stem.casefold() == INDEX_FILENAME[:-3]:
            digest = hashlib.sha256(str(source.resolve()).encode("utf-8")).hexdigest()[:8]
            stem = f"{stem}-{digest}"
        names.append(f"{stem}.md")
    return names


def brief_is_current(brief_path: Path, source_sha256: str, fingerprint: str) -> bool:
    meta = read_front_matter(brief_path)
    return bool(
        meta
        and meta.get("source_sha256") == source_sha256
        and meta.get("fingerprint") == fingerprint
    )


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """One run per output folder: a second one stops with a clear message instead of racing."""
    from filelock import FileLock, Timeout

    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / LOCK_FILENAME
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError(
            f"another summarize run is writing to {folder} (lock {lock_path} is held); "
            "wait for it to finish or use another --output folder"
        ) from None
    try:
        yield
    finally:
        lock.release()


def remove_stale_temp_files(folder: Path) -> None:
    """Temp files left by a run that was killed mid-write (we hold the lock: none is live)."""
    for leftover in folder.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def write_index(folder: Path) -> Path:
    """(Re)write ``index.md`` from every brief in the folder, earlier runs' included."""
    entries = [
        entry
        for path in sorted(folder.glob("*.md"))
        if path.name != INDEX_FILENAME and (entry := read_index_entry(path)) is not None
    ]
    index_path = folder / INDEX_FILENAME
    write_atomic(index_path, render_index(entries))
    return index_path


def read_front_matter(path: Path) -> dict[str, Any] | None:
    """The YAML front matter of a brief on disk, or None when it is missing or not a brief."""
    try:
        text = path.read_text(encoding="utf-8")
        _, front, _ = text.split("---\n", 2)
        meta = yaml.safe_load(front)
    except (OSError, ValueError, yaml.YAMLError):
        return None
    return meta if isinstance(meta, dict) and "source_sha256" in meta else None


def read_index_entry(path: Path) -> IndexEntry | None:
    """Recover an index row from a brief on disk (so the index lists earlier runs too)."""
    meta = read_front_matter(path)
    if meta is None:
        return None
    summary = str(meta.get("summary") or "")
    title = meta.get("title_en") or first_sentence(summary) or path.stem
    return IndexEntry(path.name, str(title), first_sentence(summary))


def write_atomic(path: Path, content: str) -> None:
    """Write via a temp file in the same folder and rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
