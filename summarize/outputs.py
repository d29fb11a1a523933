"""The output folder: brief names, one run at a time, atomic writes, the index.

Everything that touches the output folder's files lives here; :mod:`summarize.render` only
formats. A brief's name comes from its input's file name, never from article text. Each brief is
two files: ``<name>.json``, its run record (written first), and ``<name>.md``, which carries the
record's ``record_id``; a brief counts only when the two agree.
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
from summarize.record import RECORD_SUFFIX, BriefRecord, RecordError, read_record
from summarize.render import Brief, IndexEntry, render_brief, render_index

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


def record_path(brief_path: Path) -> Path:
    """The run record beside a brief: ``a.md`` → ``a.json``."""
    return brief_path.with_suffix(RECORD_SUFFIX)


def write_brief(brief_path: Path, brief: Brief) -> BriefRecord:
    """Write the run record, then the Markdown brief, each atomically (see the module note)."""
    record = brief.record()
    sidecar = record_path(brief_path)
    write_atomic(sidecar, record.to_json())
    write_atomic(brief_path, render_brief(record, sidecar.name))
    return record


def read_brief_record(brief_path: Path) -> BriefRecord | None:
    """The run record of a brief on disk, or None when either file is missing or unreadable,
    or they do not belong together (a run killed between the two writes)."""
    meta = read_front_matter(brief_path)
    if meta is None:
        return None
    try:
        record = read_record(record_path(brief_path))
    except RecordError:
        return None
    return record if meta.get("record_id") == record.record_id else None


def brief_is_current(brief_path: Path, source_sha256: str, fingerprint: str) -> bool:
    record = read_brief_record(brief_path)
    return bool(
        record and record.source_sha256 == source_sha256 and record.fingerprint == fingerprint
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


def write_index(folder: Path, latest_run: str | None = None) -> Path:
    """(Re)write ``index.md`` from every brief in the folder, earlier runs' included;
    ``latest_run`` is the run's summary line, shown at the top."""
    entries = [
        entry
        for path in sorted(folder.glob("*.md"))
        if path.name != INDEX_FILENAME and (entry := read_index_entry(path)) is not None
    ]
    index_path = folder / INDEX_FILENAME
    write_atomic(index_path, render_index(entries, latest_run))
    return index_path


def read_front_matter(path: Path) -> dict[str, Any] | None:
    """The YAML front matter of a Markdown file, or None when it has none (or is unreadable)."""
    try:
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            return None
        _, front, _ = text.split("---\n", 2)
        meta = yaml.safe_load(front)
    except (OSError, ValueError, yaml.YAMLError):  # UnicodeDecodeError is a ValueError
        return None
    return meta if isinstance(meta, dict) else None


def read_index_entry(path: Path) -> IndexEntry | None:
    """An index entry from a brief on disk (so the index lists earlier runs too)."""
    record = read_brief_record(path)
    return IndexEntry(path.name, record) if record is not None else None


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
