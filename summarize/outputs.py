"""The output folder: brief names, one run at a time, atomic writes, the index.

Everything that touches the output folder's files lives here; :mod:`summarize.render` only
formats. A brief's name comes from its input's file name, never from article text. Each brief is
two files: ``<name>.json``, its run record (written first), and ``<name>.md``, which carries the
record's ``record_id``; a brief counts only when the two agree.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

from summarize import ingest
from summarize.digests import file_sha256
from summarize.errors import (
    ArticleError,
    OutputError,
    SummarizeError,
    UsageError,
    defect_on_article,
    is_article_defect,
    shown,
)
from summarize.fileio import folder_error_reason, open_regular, read_regular_text, write_atomic
from summarize.record import (
    RECORD_SUFFIX,
    BriefRecord,
    RecordError,
    absolute_source_path,
    read_record,
)
from summarize.render import (
    INDEX_ENTRY,
    INDEX_TITLE,
    NOT_CURRENT,
    NOT_CURRENT_BECAUSE,
    Brief,
    IndexEntry,
    audit_ends_brief,
    front_matter,
    reading_order,
    render_brief,
    render_front_matter,
    render_index,
)
from summarize.signals import stop_signals_held

INDEX_FILENAME = "index.md"
LOCK_FILENAME = ".summarize.lock"

logger = logging.getLogger("summarize")

_UNSAFE_NAME = re.compile(r"[^\w .,()+-]", re.UNICODE)
# A brief name's stem (``<stem>.md``) is cut to this many characters and UTF-8 bytes: file
# systems allow 255 bytes per name, and the longest name made from it, the temp file of its
# run record (".<stem>.json.<12 hex digits>.tmp"), adds 23 bytes.
_STEM_MAX_CHARS = 150
_STEM_MAX_BYTES = 200
# A cut stem ends with "-" and this many hex digits of the whole name's digest.
_STEM_DIGEST_CHARS = 8


def brief_name(source: Path) -> str:
    """The brief file name of one input: a function of its file name alone, never of the other
    inputs of the run nor of the article text.

    A ``.txt`` article keeps its stem (``a.txt`` → ``a.md``); any other input keeps its
    extension too (``a.md`` → ``a.md.md``, ``page.html`` → ``page.html.md``; one without an
    extension gets ``.article``: ``a`` → ``a.article.md``), so a folder's ``a.txt``, ``a.md`` and
    ``a`` never share a brief, and no input can take the index's name.
    Unsafe characters become "_" and a leading dot is dropped (no hidden briefs). Inputs with
    the same name in two folders would share a brief: :func:`plan_briefs` reports the second.
    The name is NFC (a file copied from macOS spells "Ä" as "A" and a combining mark) and its stem
    at most 150 characters and 200 UTF-8 bytes, so every file made from it fits a file system (a
    longer one is cut and ends with a digest of the whole name); a name Windows keeps for a
    device gets "_" (``CON.txt`` → ``CON_.md``)."""
    name = unicodedata.normalize("NFC", source.name)
    source = source.with_name(name) if name else source
    stem = _UNSAFE_NAME.sub("_", source.stem).strip().lstrip(".") or "article"
    suffix = _UNSAFE_NAME.sub("_", source.suffix.lower())
    if suffix != ".txt" or stem.casefold() == INDEX_FILENAME[:-3]:
        stem = f"{stem}{suffix or '.article'}"
    stem = _within_limits(stem)
    if device := _WINDOWS_DEVICE.match(stem):  # CON.md: see _WINDOWS_DEVICE
        stem = f"{device.group(1)}_{stem[device.end(1) :]}"
    return f"{stem}.md"


def _within_limits(stem: str) -> str:
    """``stem`` when it is at most _STEM_MAX_CHARS characters and _STEM_MAX_BYTES bytes; else its
    start, "-" and a digest of the whole stem. Cut alone, names that differ only past the cut
    (a scraper's slugs ending "…-teil-1" and "…-teil-2", an id at the end) had one brief name,
    and every article after the first was refused as "the same file name"."""
    if len(stem) <= _STEM_MAX_CHARS and len(stem.encode("utf-8")) <= _STEM_MAX_BYTES:
        return stem
    # Case folded: names that differ only in case share a brief, cut or not (plan_briefs).
    digest = hashlib.sha256(stem.casefold().encode("utf-8")).hexdigest()[:_STEM_DIGEST_CHARS]
    room = _STEM_DIGEST_CHARS + 1
    start = stem[: _STEM_MAX_CHARS - room]
    while len(start.encode("utf-8")) > _STEM_MAX_BYTES - room:
        start = start[:-1]
    return f"{start}-{digest}"


# A name Windows takes for a device whatever follows its first dot ("CON.md", "nul.md.md",
# "COM1.html.md"; spaces before the dot too): a brief so named cannot be created there, nor
# read from a share. Such a stem gets "_" after the device's name ("CON_.md"); no other name
# changes, so every other brief stays current.
_WINDOWS_DEVICE = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]) *(?:\.|$)", re.I)


@dataclass(frozen=True)
class BriefPlan:
    """Which inputs get which brief: each file once, no two inputs on one brief."""

    jobs: tuple[tuple[Path, str], ...]  # (source, brief file name), in input order
    clashes: tuple[tuple[Path, str], ...]  # (source, why it gets no brief)


def plan_briefs(sources: Sequence[Path], folder: Path | None = None) -> BriefPlan:
    """Brief names for a run's inputs. The same file given twice (two spellings, a link to it)
    is processed once; an input whose brief name an earlier input already has (``a.txt`` in
    two folders) is refused, naming both, instead of overwriting that brief.

    With the output ``folder``: the run is refused (UsageError) when it holds an ``index.md``
    that no run wrote. (Whether a brief may replace what lies at its name is asked of the
    briefs about to be written, :func:`replacing_what`.)"""
    if folder is not None:
        _check_index_is_ours(folder / INDEX_FILENAME)
    files: dict[tuple[int, int] | str, Path] = {}
    named: list[tuple[Path, str]] = []
    for source in sources:
        # The first path to a file stands for it (a link that comes first names its brief, so
        # the briefs of earlier runs keep their names).
        key = file_key(source)
        if key in files:
            if str(files[key]) != str(source):  # not "in/a.txt is the same file as in/a.txt"
                logger.info(
                    "%s is the same file as %s: processed once", shown(source), shown(files[key])
                )
            continue
        files[key] = source
        named.append((source, brief_name(source)))
    claimants: dict[str, list[tuple[Path, str]]] = {}
    for source, name in named:  # one brief on case-insensitive file systems too
        claimants.setdefault(name.casefold(), []).append((source, name))
    problems: dict[Path, str] = {}  # of inputs that claim no name: why they are no article
    for folded, group in claimants.items():
        if len(group) > 1:
            # An input that can be no article (empty, binary, a PDF, unreadable) claims no
            # name, and fails for what it is: an empty d1/a.txt left d2/a.txt without a brief.
            for source, _ in group:
                if (problem := _no_article(source)) is not None:
                    problems[source] = problem
            claimants[folded] = [claim for claim in group if claim[0] not in problems] or group
    owners = {
        folded: _owner(folder, group) if folder is not None and len(group) > 1 else group[0][0]
        for folded, group in claimants.items()
    }
    jobs: list[tuple[Path, str]] = []
    clashes: list[tuple[Path, str]] = []
    for source, name in named:
        owner = owners[name.casefold()]
        if owner is source:
            jobs.append((source, name))
            continue
        clashes.append(
            (
                source,
                problems.get(source)
                or f"{shown(source)}: its brief {name} would overwrite the brief of "
                f"{shown(owner)} ({_why_one_brief(source, owner, name)}); rename one or run "
                "it with another --output folder",
            )
        )
    return BriefPlan(tuple(jobs), tuple(clashes))


def _why_one_brief(source: Path, owner: Path, name: str) -> str:
    """Why two inputs get one brief name: "same file name" was said of ``a-b.txt`` beside
    ``A-B.txt`` and of ``a:b.txt`` beside ``a_b.txt`` too, names that plainly differ."""
    if source.name == owner.name:
        return "same file name"
    if name != brief_name(owner):
        return "brief names that differ only in case, one file on Windows and macOS"
    return f"both file names make the brief name {name}"


def _no_article(source: Path) -> str | None:
    """Why ``source`` is no article by its bytes alone (ingest.read_source_bytes), or None."""
    try:
        ingest.read_source_bytes(source)
    except ArticleError as error:
        return str(error)
    return None


def _owner(folder: Path, group: list[tuple[Path, str]]) -> Path:
    """Which of inputs with one brief name gets it: the one whose brief is there already (a
    new ``a:b.txt`` beside ``a_b.txt``, whose brief an earlier run wrote, is refused, not
    ``a_b.txt``, whose brief it would then have replaced), by its path, or by the article the
    brief was made from where that path is gone (the folder moved); else the first."""
    for _, name in group:
        try:
            record = read_record(record_path(folder / name))
        except RecordError:
            continue
        recorded = Path(record.source_path or record.source)
        if recorded.is_absolute() and recorded.is_file():
            for source, _ in group:
                if file_key(source) == file_key(recorded):
                    return source
        else:  # moved with its folder, as briefs are kept then: the article it holds
            for source, _ in group:
                if _sha256_of(source) == record.source_sha256:
                    return source
    return group[0][0]


def _check_index_is_ours(index: Path) -> None:
    """An ``index.md`` that a run did not write (a site's own front page) is never replaced."""
    if not (index.exists() or index.is_symlink()):
        return
    try:
        with open_regular(index, "r", encoding="utf-8-sig", errors="replace") as handle:
            first_line = handle.readline().rstrip("\r\n")
    except OSError:  # a FIFO is refused before it is read (it would wait for a writer)
        first_line = ""
    if first_line != INDEX_TITLE or not index.is_file() or index.is_symlink():
        raise UsageError(
            f"{shown(index)} is not an index that summarize wrote, and a run would replace it; "
            "write the briefs to another --output folder"
        )


def replacing_what(brief_path: Path, source: Path) -> str | None:
    """Why writing ``source``'s brief at ``brief_path`` (and its record) would lose something,
    or None. Asked of a brief about to be written (not current): a file there that no run
    wrote (the user's own ``a.md`` or ``a.json``), or the brief of another file that still
    exists and holds another article (yesterday's ``a.txt``, when today's folder has one
    too). A brief whose source was moved, deleted or edited is replaced, as before. The run
    record tells; the Markdown's front matter is read only without one (``record_id``, or
    ``fingerprint`` in briefs older than run records)."""
    sidecar = record_path(brief_path)
    for path in (brief_path, sidecar):
        if path.exists() and not _occupied(path):  # a folder (or a FIFO, a device) at the name
            what = "a folder" if path.is_dir() else "a FIFO, device or socket"
            return (
                f"{shown(source)}: its brief would be written where {shown(path)} is {what}, "
                "not a file; move it or run with another --output folder"
            )
    try:
        record: BriefRecord | None = read_record(sidecar)
    except RecordError:
        record = None
    if record is None:
        if _occupied(sidecar):
            meta = read_front_matter(brief_path) if _occupied(brief_path) else None
            if meta is None or "record_id" not in meta:
                return _not_a_brief(source, sidecar)
            return None  # a record of another schema beside its own brief
        if not _occupied(brief_path):
            return None
        meta = read_front_matter(brief_path)
        if meta is None or not ("record_id" in meta or "fingerprint" in meta):
            return _not_a_brief(source, brief_path)
        return None  # a brief whose record is gone: redone, as a stopped run's
    if not _occupied(brief_path):
        return None  # a record without its brief (deleted, as the refusal below says): no brief
    # Only an absolute path tells which file it was: "a.txt" meant another file in the
    # working directory of that run. Records before source_path: as before, replaced.
    previous = Path(record.source_path or record.source)
    if not previous.is_absolute() or not previous.is_file():
        return None
    if file_key(previous) == file_key(source):
        return None
    if _sha256_of(source) == record.source_sha256:
        return None  # the same article in another file: the brief serves both
    return (
        f"{shown(source)}: its brief {brief_path.name} is the brief of {shown(previous)}, "
        "another file that still exists; rename one, run it with another --output folder, or "
        f"delete {shown(brief_path)} to replace it"
    )


def _occupied(path: Path) -> bool:
    """A file (or a link) at ``path``, which writing there would replace. A folder there is not
    replaced: :func:`replacing_what` refuses that article's brief (the write failed and stopped
    the run, and every rerun at the same brief)."""
    return path.is_symlink() or path.is_file()


def _not_a_brief(source: Path, path: Path) -> str:
    return (
        f"{shown(source)}: its brief would replace {shown(path)}, which is not a file that "
        "summarize wrote; move that file or run with another --output folder"
    )


def _sha256_of(path: Path) -> str | None:
    try:
        return file_sha256(path)  # in pieces: the source may be over input.max_bytes
    except OSError:
        return None


def file_key(path: Path) -> tuple[int, int] | str:
    """Identifies a file whatever path names it (symbolic and hard links included)."""
    try:
        status = path.stat()
    except OSError:
        return str(path.resolve())
    except ValueError:  # a NUL in an edited record's path: names no file
        return str(path)
    return (status.st_dev, status.st_ino)


def record_path(brief_path: Path) -> Path:
    """The run record beside a brief: ``a.md`` → ``a.json``."""
    return brief_path.with_suffix(RECORD_SUFFIX)


def write_brief(brief_path: Path, brief: Brief, make_folder: bool = True) -> BriefRecord:
    """Write the run record, then the Markdown brief, each atomically (see the module note).
    ``make_folder=False`` (a run's briefs): OutputError when the folder is not there."""
    with _rendering(brief.source):
        record = brief.record()
        markdown = render_brief(record, record_path(brief_path).name)
    _write_record_and_brief(brief_path, record, markdown=markdown, make_folder=make_folder)
    return record


@contextmanager
def _rendering(source: object) -> Iterator[None]:
    """A defect raised while one article's brief is rendered (a character or a value that
    :mod:`summarize.render` did not expect) fails that article alone, as the guards of reading,
    preparing and the checks do (:func:`summarize.errors.is_article_defect`): it ended the run
    with a traceback, the articles after it without a brief and no index written. Nothing of
    that brief is written: both of its files are rendered before either is written."""
    try:
        yield
    except SummarizeError:
        raise
    except BaseException as error:
        if not is_article_defect(error):
            raise
        logger.debug("rendering the brief of %s failed", shown(source), exc_info=error)
        raise defect_on_article(source, "rendering", error) from error


def _write_record_and_brief(
    brief_path: Path,
    record: BriefRecord,
    markdown_first: bool = False,
    markdown: str | None = None,
    make_folder: bool = False,
) -> None:
    """The run record, then the Markdown brief (``markdown_first``: the other way round);
    ``markdown``: the brief's text, where it is not the record's :func:`render_brief`.

    A run never writes into a folder made anew (``make_folder``, for a brief outside a run):
    its folder, made and locked at its start, gone means it was removed under the run, or a Ray
    node does not mount it; made again, the briefs went where no one looks (that node's own
    disk), and the run counted them as written."""
    sidecar = record_path(brief_path)
    writes = [
        (sidecar, record.to_json()),
        (brief_path, markdown if markdown is not None else render_brief(record, sidecar.name)),
    ]
    if not make_folder and not brief_path.parent.is_dir():
        raise OutputError(_folder_gone(brief_path.parent))
    try:
        for path, content in reversed(writes) if markdown_first else writes:
            write_atomic(path, content)
    except OSError as error:  # no space left, a file system gone read-only: no brief can follow
        if error.errno == errno.ENAMETOOLONG:
            raise ArticleError(_name_too_long(brief_path, error)) from None
        raise OutputError(
            f"cannot write the brief {shown(brief_path)}: {error.strerror or error}; the run "
            "stopped (every brief written before is complete; run the same command again to do "
            "the rest)"
        ) from None


def _name_too_long(brief_path: Path, error: OSError) -> str:
    """Why a brief's files cannot be written under its name: the output folder's file system
    takes shorter names than a brief's and its temp files' (an encrypted home or share: eCryptfs
    takes 143 bytes). That article fails and the run goes on: stopping it there, each rerun
    stopped at the same article, and the articles after it never got a brief."""
    longest = len(f".{record_path(brief_path).name}.{'0' * 12}.tmp".encode())  # write_atomic's
    return (
        f"cannot write its brief {shown(brief_path.name)}: {error.strerror or error} for the "
        f"output folder's file system (the longest name written for it, its run record's temp "
        f"file, is {longest} bytes); give the article a shorter file name"
    )


def _folder_gone(folder: Path) -> str:
    """Why no brief can be written into ``folder``, a run's output folder that is not there."""
    return (
        f"the output folder {shown(folder)} is gone (removed during the run, or not mounted on "
        "the machine that wrote the brief: on Ray, every node must mount it at the same path); "
        "the run stopped"
    )


def source_moved(record: BriefRecord, source: Path) -> bool:
    """Whether the current brief of ``source`` names a file that no longer holds the article:
    its folder was moved or renamed, or the file deleted, since the brief was made (a file
    that still holds it, the same article in another file, stays named)."""
    recorded = Path(record.source_path or record.source)
    if file_key(recorded) == file_key(source):
        return False
    return not (recorded.is_file() and _sha256_of(recorded) == record.source_sha256)


def keep_current(brief_path: Path, record: BriefRecord, source: Path) -> BriefRecord:
    """The record of the current brief of ``source``, kept as it is, but for the source it
    names: where the article moved (:func:`source_moved`), the record and the brief are
    written again naming ``source`` (nothing else changes: the same ``record_id``), or the
    index and the view kept naming a file that is gone."""
    if not source_moved(record, source):
        return record
    logger.debug(
        "%s: the brief of %s now names its new place", shown(brief_path), shown(record.source)
    )
    renewed = record.model_copy(
        update={"source": str(source), "source_path": absolute_source_path(source)}
    )
    with stop_signals_held():  # both files, as a new brief's
        # The Markdown first: the two keep their record_id, so the new record beside the old
        # Markdown (the second write failed: a disk full, a kill on Ray) read as one brief, and
        # the Markdown named the gone file after every later run. The old record beside the new
        # Markdown still names it, and the next run writes both again.
        with _rendering(source):
            markdown = _moved_brief(brief_path, renewed)
        _write_record_and_brief(brief_path, renewed, markdown_first=True, markdown=markdown)
    return renewed


def _moved_brief(brief_path: Path, renewed: BriefRecord) -> str:
    """The Markdown of a current brief whose source moved: its front matter written anew for
    ``renewed`` (the one part that names the source), and the rest as it stands in the file.
    Rendered anew from the record, the brief lost a reader's note after its audit (and any
    edit of it) when the folder of articles was renamed, though it was "up to date" and the
    note is said to keep it current. Keys a reader added to the front matter (Obsidian's
    properties) stay too."""
    sidecar = record_path(brief_path).name
    fresh = render_brief(renewed, sidecar)
    text = read_markdown(brief_path)
    old = _FRONT_MATTER.match(text) if text is not None else None
    meta = front_matter_of(text) if text is not None else None
    if text is None or old is None or meta is None:
        return fresh
    ours = front_matter(renewed, sidecar)
    added = {key: value for key, value in meta.items() if key not in ours}
    if (as_typed := _entries_as_typed(old.group(1), ours, added)) is not None:
        # "---" closes render_front_matter's block: the reader's entries go before it
        return render_front_matter(ours)[: -len("---")] + as_typed + "---" + text[old.end() :]
    try:
        head = render_front_matter({**ours, **added})
    except yaml.YAMLError:  # a value YAML read but cannot write again: ours alone
        head = render_front_matter(ours)
    return head + text[old.end() :]


def _entries_as_typed(front: str, ours: Mapping[str, Any], added: Mapping[str, Any]) -> str | None:
    """The entries of the front matter ``front`` that are not ``ours`` (a reader's properties),
    as the reader typed them, comments and all; None where they cannot be told apart as lines
    or do not read back as ``added``. Read by YAML and written again, "checked: 10:30" became
    "checked: 630" (YAML 1.1's base 60), "zip: 01234" "zip: 668", "reviewed: no" "false", as an
    Obsidian property (YAML 1.2) too, and their comments were lost."""
    if not added:
        return ""
    try:
        node = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode) or not node.value:
        return None
    keys = [key for key, _ in node.value]
    if any(not isinstance(key, yaml.ScalarNode) or key.start_mark.column for key in keys):
        return None  # a flow mapping, or a key that is not text at a line's start
    # An entry starts on the line after the one its previous entry's value ends on: the
    # comment lines above a key are its own ("# Prüfung\nchecked: 10:30"), and went with the
    # entry before it, which was ours and written anew.
    starts = [0] + [
        _line_after(front, value.end_mark.index, key.start_mark.index)
        for (_, value), key in zip(node.value, keys[1:], strict=False)
    ]
    ends = [*starts[1:], len(front)]
    as_typed = "".join(
        front[start:end] for key, start, end in zip(keys, starts, ends, strict=True)
        if key.value not in ours
    )  # fmt: skip
    if not as_typed.endswith("\n"):
        as_typed += "\n"
    try:
        read = _safe_load_yaml(render_front_matter(ours)[4 : -len("---")] + as_typed)
    except yaml.YAMLError:
        return None
    if not isinstance(read, dict) or {k: read.get(k) for k in added} != dict(added):
        return None
    return as_typed


def _line_after(text: str, end: int, limit: int) -> int:
    """Where the line after the one that ``end`` ends in ``text`` starts (``end`` itself where
    it starts a line), at most ``limit``: a comment after a value on its line is the value's."""
    if end == 0 or text[end - 1] == "\n":
        return min(end, limit)
    newline = text.find("\n", end, limit)
    return limit if newline == -1 else newline + 1


def read_brief_record(brief_path: Path) -> BriefRecord | None:
    """The run record of a brief on disk, or None when either file is missing or unreadable,
    or they do not belong together (a run killed between the two writes)."""
    try:
        record = read_record(record_path(brief_path))
    except RecordError:
        return None
    return record if belong_together(brief_path, record) else None


def belong_together(brief_path: Path, record: BriefRecord) -> bool:
    """Whether the Markdown brief at ``brief_path`` was written with ``record`` (the same
    ``record_id``) and is whole: only then does the brief count, in the index and in the view.
    Whole means it ends with the cleaner's audit, as every brief does: the two files are
    written atomically, but a copy of the folder stopped part-way (a full disk, a broken
    connection) left a brief cut short after its front matter, which counted as up to date on
    every later run, its article and audit lost for good."""
    text = read_markdown(brief_path)
    if text is None:
        return False
    meta = front_matter_of(text)
    return (
        meta is not None
        and meta.get("record_id") == record.record_id
        and audit_ends_brief(text, record)
    )


def brief_is_current(brief_path: Path, source_sha256: str, fingerprint: str) -> bool:
    return current_record(brief_path, source_sha256, fingerprint) is not None


def current_record(brief_path: Path, source_sha256: str, fingerprint: str) -> BriefRecord | None:
    """The run record of the brief at ``brief_path`` when the brief is complete and was made
    from this source with these settings (a run keeps it), else None. The Markdown's front
    matter is read only when the record matches: a stale brief costs no YAML parse."""
    try:
        record = read_record(record_path(brief_path))
    except RecordError:
        return None
    if record.source_sha256 != source_sha256 or record.fingerprint != fingerprint:
        return None
    return record if belong_together(brief_path, record) else None


def made_with_other_settings(
    brief_path: Path,
    source: Path,
    max_bytes: int,
    fingerprint: str,
    already_said: Collection[str] = (),
) -> BriefRecord | None:
    """The run record of the brief of ``source`` when it was made from the article as it is now
    but with other settings (its fingerprint is not ``fingerprint``): a run redoes it, and says
    why. None for any other brief (none, another article, a source that cannot be read), and
    for one made with settings in ``already_said`` (its source is not hashed again)."""
    try:
        record = read_record(record_path(brief_path))
    except RecordError:  # no brief yet (the source is not read for it), or not one of ours
        return None
    if record.fingerprint == fingerprint or record.fingerprint in already_said:
        return None
    return record if ingest.source_sha256(source, max_bytes) == record.source_sha256 else None


def current_record_of_source(
    brief_path: Path, source: Path, max_bytes: int, fingerprint: str
) -> BriefRecord | None:
    """The record of the brief of ``source`` when it is current, from the source's bytes
    alone: no decoding, no HTML extraction (about 45 ms a page, 2 minutes a rerun of 3,000
    pages) nor Markdown parsing for an article that needs nothing. A source that cannot be
    read, or is over ``max_bytes``, gives None: :func:`read_article` reports it. The local
    engine asks it before reading an article; the Ray engine's driver asks
    :func:`current_record` of the bytes it reads once to tell an empty source too."""
    sha256 = ingest.source_sha256(source, max_bytes)
    return None if sha256 is None else current_record(brief_path, sha256, fingerprint)


def make_folder(folder: Path, what: str) -> list[Path]:
    """Create ``folder`` (and its parents) or stop the run before any article (exit 2); the
    folders this call made, deepest first. Told by the mkdir that made each, not by what was
    missing before: "new/../kept" does not exist while "new" does not, and a failed run that
    removed what it made took the user's empty "kept"."""
    made: list[Path] = []
    try:
        _make_folder_into(folder, made)
    except OSError as error:
        reason = folder_error_reason(error, folder)
        raise UsageError(f"cannot create {what} {shown(folder)}: {reason}") from None
    return made[::-1]


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """One run per output folder: a second one stops with a clear message instead of racing.

    A folder the run created and left holding nothing but the lock (Ray could not be reached,
    a setting refused once models were read) is removed again, and so is the lock in a folder
    the user made: a failed run leaves no trace."""
    from filelock import FileLock, Timeout

    created = make_folder(folder, "the output folder")
    lock_path = folder / LOCK_FILENAME
    if (problem := _lock_file_problem(lock_path)) is not None:
        raise UsageError(f"{problem}, or use another --output folder")
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError(
            # An evaluation takes the lock too: "another summarize run" sent the user looking
            # for a run where an `eval` held it.
            f"another summarize run or eval is writing to {shown(folder)}, or a summarize view "
            f"is reading it (lock {shown(lock_path)} is held); wait for it to finish or use "
            "another --output folder"
        ) from None
    except OSError as error:  # a read-only file system, a folder we may not write to
        raise UsageError(_cannot_lock(folder, lock_path, error)) from None
    try:
        yield
    finally:
        # Also in a folder that was there: the user's empty "briefs/" kept a ".summarize.lock"
        # after a run whose every article failed.
        _remove_lock_if_alone(folder, lock_path)
        lock.release()
        # Only empty folders go (rmdir removes nothing else): the output folder and the parents
        # the run made for it, deepest first. On Windows the lock file goes at its release.
        for made in created:
            try:
                made.rmdir()
            except OSError:
                break


def _lock_file_problem(lock_path: Path) -> str | None:
    """Why ``lock_path`` cannot be a run's lock file: a FIFO, a folder or a symbolic link in its
    place (a folder copied or synced with its links). A view opening a FIFO waited for a writer
    forever; a run said "cannot write to the output folder …: Is a directory" (or "Too many
    levels of symbolic links", filelock refusing to follow the link) of a folder that takes
    writes."""
    try:
        mode = lock_path.lstat().st_mode
    except OSError:  # none yet (or none to be looked at: taking it says why)
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        what = "a symbolic link"
    elif stat.S_ISDIR(mode):
        what = "a folder"
    else:
        what = "a FIFO, device or socket"
    return f"the lock file {shown(lock_path)} is {what}, not a file summarize made; remove it"


def _cannot_lock(folder: Path, lock_path: Path, error: OSError) -> str:
    """Why a run cannot take the lock of ``folder``. The lock file that another user's run left
    in a folder both may write to (a team's folder; 0644 by that user's umask) is named, with
    what to do: "cannot write to the output folder … Permission denied" sent the user to the
    folder's permissions, which allowed the write."""
    refused = Path(error.filename).name if isinstance(error.filename, str) else None
    if (
        isinstance(error, PermissionError)
        and refused == lock_path.name
        and lock_path.is_file()
        and os.access(folder, os.W_OK | os.X_OK)
    ):
        if _owned_by_this_user(lock_path):  # made read-only (a copy kept its modes, a chmod)
            return (
                f"cannot open the lock file {shown(lock_path)}: {error.strerror or error} (this "
                "user's own, made read-only; the folder itself takes writes); make it writable "
                f"(chmod u+w {shown(lock_path)}) or remove it, or use another --output folder"
            )
        return (
            f"cannot open the lock file {shown(lock_path)}: {error.strerror or error} (a run of "
            "another user made it, and this user may not write it; the folder itself takes "
            "writes); ask its owner to make it writable for you (chmod g+w or a+w), or use "
            "another --output folder"
        )
    return f"cannot write to the output folder {shown(folder)}: {error.strerror or error}"


def _owned_by_this_user(path: Path) -> bool:
    geteuid = getattr(os, "geteuid", None)  # none on Windows
    try:
        return geteuid is not None and path.stat().st_uid == geteuid()
    except OSError:
        return False


@contextmanager
def no_run_writing(folder: Path) -> Iterator[None]:
    """Hold a shared lock on ``folder``'s run lock while its briefs are read: a run writing
    there stops the reader with a clear message (a view built mid-run showed briefs of two
    runs), and no run starts until the reader is done. Readers share it: a second view of the
    folder is no run. The lock file is opened for reading only, so a folder the reader may not
    write to (a service's output, an archive) is still checked; one with no lock file, where
    none can be made, has no run writing to it, and is read as it is."""
    try:
        import fcntl
    except ImportError:  # Windows: no shared lock; the run's own lock, taken for the read
        with _run_lock_taken(folder):
            yield
        return
    lock_path = folder / LOCK_FILENAME
    if (problem := _lock_file_problem(lock_path)) is not None:
        raise UsageError(problem)
    # Neither waiting on a FIFO nor following a link that took the file's place since the check.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        try:
            descriptor = os.open(lock_path, flags)
        except FileNotFoundError:
            descriptor = os.open(lock_path, flags | os.O_CREAT, 0o666)  # the umask applies
    except OSError:
        yield  # no lock file and none can be made: no run has written here
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
            raise _run_is_writing(folder) from None
        # A file system without flock: a run there holds filelock's own fallback lock.
        with _run_lock_taken(folder):
            yield
        return
    try:
        yield
    finally:
        os.close(descriptor)  # lets go of the lock


@contextmanager
def _run_lock_taken(folder: Path) -> Iterator[None]:
    """The run's own lock, held for the read where no shared one can be had (Windows, a file
    system without flock): one reader at a time there."""
    from filelock import FileLock, Timeout

    lock = FileLock(folder / LOCK_FILENAME, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise _run_is_writing(folder) from None
    except OSError:
        yield
        return
    try:
        yield
    finally:
        lock.release()


def _run_is_writing(folder: Path) -> UsageError:
    return UsageError(
        f"a summarize run or eval is writing to {shown(folder)}; try again when it has finished"
    )


def _make_folder_into(folder: Path, created: list[Path], parent_made: bool = False) -> None:
    # Path.mkdir(parents=True, exist_ok=True), noting each folder it made. A folder still "not
    # found" once its parent is there (/proc/name) is the error: retried, it recursed without end.
    try:
        folder.mkdir()
    except FileNotFoundError:
        if folder.parent == folder or parent_made:
            raise
        _make_folder_into(folder.parent, created)
        _make_folder_into(folder, created, parent_made=True)
    except OSError:
        if not folder.is_dir():
            raise
    else:
        created.append(folder)


def _remove_lock_if_alone(folder: Path, lock_path: Path) -> None:
    # Removed while the lock is held: a run that takes the lock once it is released holds it on
    # a file that stays (removed after the release, the lock file and folder went under a run
    # that had just taken the lock, and a third could take a new one). A run that opened the
    # file before it went finds it unlinked when it takes it and stops as when it is held.
    with suppress(OSError):
        if [entry.name for entry in folder.iterdir()] == [lock_path.name]:
            lock_path.unlink()


# The temp files write_atomic makes (".<name>.<12 hex digits>.tmp"), and nothing else: a user's
# own ".notes.tmp" in the output folder is not ours to remove.
_OUR_TEMP_FILE = re.compile(r"\..+\.[0-9a-f]{12}\.tmp")


def remove_stale_temp_files(folder: Path) -> None:
    """Temp files left by a run that was killed mid-write (we hold the lock: none is live)."""
    for leftover in folder.glob(".*.tmp"):
        if _OUR_TEMP_FILE.fullmatch(leftover.name) and leftover.is_file():
            leftover.unlink(missing_ok=True)


def write_index(
    folder: Path,
    latest_run: str | None = None,
    known: Mapping[str, BriefRecord] | None = None,
    without_brief: Sequence[str] = (),
    not_current: Mapping[str, tuple[str, Path]] | None = None,
    quiet: bool = False,
) -> Path:
    """(Re)write ``index.md`` from every brief in the folder, earlier runs' included;
    ``latest_run`` is the run's summary line, shown at the top, ``without_brief`` a line
    per input it left without a brief, and ``not_current`` what it did (failed, skipped) to
    which input, by the file name its brief has: a brief there from an earlier run is said to
    be not current, unless it is another file's (:func:`another_files_brief`).

    ``known``: the records (or :func:`index_record` of them) of briefs this run wrote or found
    current, by Markdown file name; those briefs are not read again (reading one takes
    milliseconds: minutes for 50,000 briefs). Every other ``*.md`` in the folder is read, so a
    brief of an earlier run is listed as before; a name in ``known`` whose file is gone is not
    listed. ``quiet``: a brief left out is not logged (the index of a run still going, written
    while workers replace briefs, a record before its Markdown, and again every 30 s)."""
    known = known or {}
    entries = []
    left_out: list[tuple[Path, str]] = []  # (brief, why)
    for path in sorted(folder.glob("*.md")):
        if path.name == INDEX_FILENAME:
            continue
        entry = (
            IndexEntry(path.name, index_record(known[path.name]))
            if path.name in known
            else read_index_entry(path)
        )
        if entry is not None:
            entries.append(entry)
        elif not quiet and (meta := read_front_matter(path)) is not None and "record_id" in meta:
            # A brief whose record is gone or damaged left the index without a word, but for
            # the run's log, which the analyst reading the index does not see.
            why = _why_left_out(path)
            logger.warning("%s: %s; left out of index.md", shown(path), why)
            left_out.append((path, why))
    not_current = not_current or {}
    # A brief this run wrote or found current is current, whatever an input of its name that
    # claimed none (an empty d1/a.txt beside d2/a.txt) failed on.
    stale = {
        entry.filename: not_current[entry.filename][0]
        for entry in entries
        if entry.filename in not_current
        and entry.filename not in known
        and not another_files_brief(entry.record, not_current[entry.filename][1])
    }
    # An earlier run's mark stays on a brief this run neither redid nor found current: a run of
    # other files cleared it, and the stale brief read as current again; so did a run that
    # refused another file of its name (day2/a.txt, as a.md is still day1/a.txt's brief).
    status_of = {said: status for status, said in NOT_CURRENT_BECAUSE.items()}
    for filename, said in not_current_briefs(folder).items():
        if filename not in known and filename not in stale and said in status_of:
            stale[filename] = status_of[said]
    # A brief whose source file is gone (renamed, deleted) stayed listed as if current; read
    # again each time, as the file may be back.
    for entry in entries:
        if entry.filename in known or stale.get(entry.filename, "gone") != "gone":
            continue
        if _source_gone(entry.record):
            stale[entry.filename] = "gone"
        else:
            stale.pop(entry.filename, None)
    index_path = folder / INDEX_FILENAME
    if not folder.is_dir():  # gone under the run (see _write_record_and_brief): not made anew
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(folder))
    # named in the order of the entries (and of the view's list of them)
    left_out_lines = [
        f"{shown(path.name)}: {why}"
        for path, why in sorted(left_out, key=lambda item: reading_order(item[0].name))
    ]
    write_atomic(
        index_path, render_index(entries, latest_run, without_brief, stale, left_out_lines)
    )
    return index_path


def _why_left_out(brief_path: Path) -> str:
    """Why the brief at ``brief_path`` (one of a run: its front matter names a record) has no
    index entry, and what redoes it. A missing record is said to be missing: "cut short,
    damaged or from another run" sent the reader looking for a file that is not there."""
    record = record_path(brief_path)
    problem = (
        f"its run record {shown(record.name)} is missing"
        if not record.exists() and not record.is_symlink()
        else f"the brief or its run record {shown(record.name)} is cut short, damaged or from "
        "another run"
    )
    return f"{problem} (run its article again to redo it)"


# An index.md entry's first line: its brief's file name is the link's target (render.link_target).
# An entry's line ends in a hard line break: two spaces (a backslash in earlier versions).
_ENTRY_TARGET = re.compile(r"\]\(<([^<>]*)>\)\*\*(?:  | \\)$")


def not_current_briefs(folder: Path) -> dict[str, str]:
    """The briefs (by file name) whose index.md entry says they are not current (a later run
    failed on their article or skipped it: an earlier run's brief of the article as it was), with
    what it says. Kept nowhere else: the view shows it, and the next index keeps it for the
    briefs that run does not redo. Empty without an index.md of a run."""
    said: dict[str, str] = {}
    target = None
    try:
        with open_regular(
            folder / INDEX_FILENAME, "r", encoding="utf-8-sig", errors="replace"
        ) as handle:
            if handle.readline().rstrip("\r\n") != INDEX_TITLE:
                return said
            for line in handle:
                line = line.rstrip("\r\n")
                if line.startswith(INDEX_ENTRY):
                    match = _ENTRY_TARGET.search(line)
                    target = unquote(match.group(1), errors="surrogateescape") if match else None
                elif target is not None and line.startswith(f"  {NOT_CURRENT}"):
                    said[target] = line.removeprefix(f"  {NOT_CURRENT}").strip()
    except OSError:  # no index (records copied without it), or unreadable: nothing to add
        return {}
    return said


def _source_gone(record: BriefRecord) -> bool:
    """Whether the file ``record``'s brief was made from is no longer there (records written
    before the source's absolute path was kept cannot say)."""
    if not record.source_path or not Path(record.source_path).is_absolute():
        return False
    try:
        return not Path(record.source_path).exists()
    except (OSError, ValueError):  # a name this system cannot look up
        return False


def another_files_brief(record: BriefRecord, source: Path) -> bool:
    """Whether the brief of ``record`` is that of a file other than ``source`` that still
    exists: yesterday's ``a.txt``, whose brief today's ``a.txt`` (failed, skipped, or refused
    by :func:`replacing_what`) did not replace, is as current as it was."""
    recorded = Path(record.source_path or record.source)
    return recorded.is_absolute() and recorded.is_file() and file_key(recorded) != file_key(source)


def another_files_brief_at(brief_path: Path, source: Path) -> bool:
    """:func:`another_files_brief` of the brief at ``brief_path`` (False without a record)."""
    try:
        record = read_record(record_path(brief_path))
    except RecordError:
        return False
    return another_files_brief(record, source)


def write_stopped_index(
    folder: Path,
    interrupted: bool,
    done: str,
    known: Mapping[str, BriefRecord] | None = None,
    not_current: Mapping[str, tuple[str, Path]] | None = None,
    without_brief: Sequence[str] = (),
) -> None:
    """The index of a run stopped midway (Ctrl-C, SIGTERM, a folder that takes no more writes,
    a stalled Ray run), saying what it did: the briefs written so far are complete, the inputs
    it left without a brief so far are named (``without_brief``), and the briefs of earlier
    runs whose inputs it failed on or skipped are not current (``not_current``, as
    :func:`write_index` has them). A folder that no longer takes the index gets a log line;
    the error that stopped the run follows."""
    how = "interrupted" if interrupted else "stopped"
    try:
        write_index(folder, f"{how} after: {done}", known, without_brief, not_current)
    except OSError as error:
        logger.error("could not rewrite the index: %s", error.strerror or error)


def write_progress_index(
    folder: Path,
    done: str,
    known: Mapping[str, BriefRecord] | None = None,
    not_current: Mapping[str, tuple[str, Path]] | None = None,
    without_brief: Sequence[str] = (),
) -> None:
    """The index of a run still going, saying so and when ("not finished at 13:05 UTC"), true
    whether the run goes on or is ended without a chance to write its own (see
    ``engines.common.write_checkpoint``), with the inputs it left without a brief so far
    (``without_brief``). A folder that takes no index gets a log line; the run goes on."""
    at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    try:
        write_index(
            folder, f"not finished at {at}: {done}", known, without_brief, not_current, quiet=True
        )
    except OSError as error:
        logger.error("could not write the index of the briefs so far: %s", error.strerror or error)


def run_index_due(folder: Path, any_brief: bool) -> bool:
    """Whether a run ends by writing the index: when it has a brief (``any_brief``: written or
    up to date), or when the folder has an index already, whose "Latest run" line would
    otherwise keep telling of an earlier run after one that failed on every article."""
    return any_brief or (folder / INDEX_FILENAME).is_file()


def write_run_index(
    folder: Path,
    latest_run: str,
    known: Mapping[str, BriefRecord] | None = None,
    without_brief: Sequence[str] = (),
    not_current: Mapping[str, tuple[str, Path]] | None = None,
) -> Path:
    """:func:`write_index` at the end of a run: a folder that takes no more writes (disk full)
    is the run's one-line :class:`OutputError`, not a traceback; the briefs are all written.
    The index reads every brief's record that ``known`` lacks (seconds for thousands of briefs):
    a Ctrl-C or SIGTERM then still leaves an index that lists them all, as a stop mid-run does."""
    try:
        return write_index(folder, latest_run, known, without_brief, not_current)
    except KeyboardInterrupt:
        write_stopped_index(folder, True, latest_run, known, not_current, without_brief)
        raise
    except OSError as error:
        # What to do about it: room on a full disk, write access to a folder that takes none.
        remedy = "make room" if error.errno in (errno.ENOSPC, errno.EDQUOT) else "fix that"
        raise OutputError(
            f"cannot write the index {shown(folder / INDEX_FILENAME)}: {error.strerror or error}; "
            f"every brief of the run is complete ({remedy} and run the same command again to "
            "write the index)"
        ) from None


_FRONT_MATTER = re.compile(r"---\n(.*?)^---$", re.DOTALL | re.MULTILINE)


def read_front_matter(path: Path) -> dict[str, Any] | None:
    """The YAML front matter of a Markdown file, or None when it has none (or is unreadable)."""
    text = read_markdown(path)
    return front_matter_of(text) if text is not None else None


def read_markdown(path: Path) -> str | None:
    """The text of a Markdown file, or None when it cannot be read as UTF-8."""
    try:
        return read_regular_text(path)
    except (OSError, ValueError):  # UnicodeDecodeError is a ValueError
        return None


def front_matter_of(text: str) -> dict[str, Any] | None:
    """The YAML front matter of a Markdown text, or None when it has none."""
    # Closed by a line that is "---" alone: inside the YAML a "---" of a value (a summary
    # ending a line with it) stands indented on a continuation line.
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    try:
        meta = _safe_load_yaml(match.group(1))
    except (ValueError, yaml.YAMLError, RecursionError):  # RecursionError: nested too deeply
        return None
    return meta if isinstance(meta, dict) else None


def _safe_load_yaml(text: str) -> Any:
    """``yaml.safe_load``, by libyaml when PyYAML has it (about 9 times faster: the front matter
    is read for every brief of the folder on each run). What libyaml refuses is read again by
    the pure-Python loader, so a file counts as before."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)  # CSafeLoader: safe
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def read_index_entry(path: Path) -> IndexEntry | None:
    """An index entry from a brief on disk (so the index lists earlier runs too)."""
    record = read_brief_record(path)
    return IndexEntry(path.name, index_record(record)) if record is not None else None


def index_record(record: BriefRecord) -> BriefRecord:
    """What the index shows of a brief's record (title, summary, source, date, counts): the
    record without the article's paragraphs, removals, key facts and flags, so that the index
    of a folder of 50,000 briefs does not hold every article's text in memory at once; nor the
    models, generation settings, run settings and timings, which each record holds a copy of
    (about 7 KB a brief: 350 MB held for 50,000 briefs)."""
    return record.model_copy(
        update={
            "paragraphs": (),
            "dropped": (),
            "key_facts": (),
            "flags": (),
            "models": {},
            "generation": {},
            "settings": {},
            "seconds": {},
        }
    )
