"""``summarize view``: an output folder as a small static HTML site, from the briefs' run records.

English and German side by side, paragraph by paragraph (two columns on a wide screen, stacked on
a phone), the summary with its unsupported items marked, the checks on top and the cleaner's
removals folded. Jinja2 escapes every value (autoescape); the few notes the Markdown brief shares
with the page are rendered by markdown-it with raw HTML off. No JavaScript, inline CSS, links only
between the pages of the site: it works offline, from any folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import chain, count
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from summarize.checks.translation_warnings import ONLY_IN_TRANSLATION
from summarize.errors import UsageError, shown, shows_text
from summarize.outputs import (
    INDEX_FILENAME,
    belong_together,
    index_record,
    make_folder,
    no_run_writing,
    not_current_briefs,
    read_front_matter,
    record_path,
    remove_stale_temp_files,
    write_atomic,
)
from summarize.record import (
    RECORD_SUFFIX,
    BriefRecord,
    FlagRecord,
    RecordError,
    SentenceWarning,
    read_record,
)
from summarize.render import (
    BRIEFS_LIST,
    INDEX_ENTRY,
    INDEX_TITLE,
    LATEST_RUN,
    LEAD_STANDS_IN,
    NO_TRANSLATION,
    checks_note,
    chunking_note,
    cleaning_note,
    dropped_summary,
    escape_markdown,
    flagged_items,
    folder_counts,
    index_lead,
    key_facts_label,
    plural,
    reading_order,
    sentence_label,
    source_line,
    source_shown,
    title_note,
    unsupported_items,
    warnings_label,
    written_day,
)

INDEX_PAGE = "index.html"


@dataclass(frozen=True)
class SiteBrief:
    """A brief of the folder: its name (``<name>.md``, ``<name>.json``), run record and page
    (:func:`page_names`)."""

    name: str
    record: BriefRecord
    page: str


# The names that get "-brief" added to their page: "index" (the front page's, in any case: a
# file system that ignores case holds one of index.html and Index.html) and those that the
# addition itself makes, so that no two briefs share a page ("index-brief" would be the page of
# "index" too, and the second written took the first's place).
_RENAMED_PAGE = re.compile(r"index(-brief)*", re.IGNORECASE)


def page_name(name: str) -> str:
    """The page of the brief ``<name>.md``, a different one for each name: a brief named
    "index" must not take the front page's place."""
    return f"{name}-brief.html" if _RENAMED_PAGE.fullmatch(name) else f"{name}.html"


def _case_blind(name: str) -> str:
    """``name`` as any file system that ignores case compares it: each letter by its simple
    upper case, as NTFS does ("σ" and "ς" are one, "ı" and "i" too), then by full case folding,
    as APFS does ("straße" and "Strasse" are one file on a Mac: a site copied there held one of
    the two pages, and the index linked both briefs to it), each in one Unicode normal form, as
    APFS and HFS+ compare them ("Müller" with its "ü" as one character or as "u" and a
    combining diaeresis, NFC and NFD, is one file on a Mac). Two names one of them takes for
    one get pages apart."""
    decomposed = unicodedata.normalize("NFD", name)
    simple = "".join(upper if len(upper := char.upper()) == 1 else char for char in decomposed)
    return unicodedata.normalize("NFD", simple.casefold())


def page_names(names: Iterable[str]) -> dict[str, str]:
    """The page of each brief name of a folder: its :func:`page_name`, unless another name's
    differs from it only in case ("Zoll" and "zoll", briefs of two runs). Of those, the first
    in code point order keeps it and each other adds 8 hex digits of its name's SHA-256: a site
    copied to a file system that ignores case (macOS, Windows, a zip opened there) held one of
    the two pages, and the index linked both briefs to it."""
    groups: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        groups.setdefault(_case_blind(page_name(name)), []).append(name)
    pages = {first: page_name(first) for first, *_ in groups.values()}
    taken = set(groups)  # the pages so far, as a file system that ignores case tells them
    for _, *others in groups.values():
        for name in others:
            pages[name] = _page_apart(name, taken)
            taken.add(_case_blind(pages[name]))
    return pages


def _page_apart(name: str, taken: set[str]) -> str:
    """A page for ``name`` whose :func:`_case_blind` form is none of ``taken``: its page name
    with 8 hex digits of its SHA-256, and a number after them where that is taken too. Another
    brief may be named so ("zoll-fa3c8666" beside "Zoll" and "zoll"): both were given
    zoll-fa3c8666.html, one written over the other, and the index linked both to it."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    stem = f"{page_name(name).removesuffix('.html')}-{digest}"
    suffixes = chain([""], (f"-{number}" for number in count(2)))
    return next(
        page for suffix in suffixes if _case_blind(page := f"{stem}{suffix}.html") not in taken
    )


@dataclass(frozen=True)
class SiteReport:
    index: Path
    pages: tuple[Path, ...]
    problems: tuple[str, ...]  # one line per record that could not be read


@dataclass(frozen=True)
class Segment:
    """A piece of the summary; ``flag`` is set where the piece is an unsupported item."""

    text: str
    flag: FlagRecord | None = None


# After a number, the endings the checks read as part of an item of its own ("14th", "1990s");
# other letters are its unit ("5km", "20m", "3x"), where the checks flag the number alone ("5").
_OWN_ITEM_ENDING = re.compile(r"(?:st|nd|rd|th|s)(?![^\W_])", re.IGNORECASE)


def _joined_after(text: str, end: int) -> bool:
    """Whether the character after ``text[:end]`` continues its last word or number."""
    last, after = text[end - 1], text[end : end + 1]
    if not (last.isalnum() and after.isalnum()):
        return False
    if last.isdigit() and after.isalpha():  # a unit, unless an ordinal's or decade's ending
        return _OWN_ITEM_ENDING.match(text, end) is not None
    return True


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a whole item, not part of a longer word or number: a
    flagged "14" is not the "14" of "2014", "14,000" or "14th", nor "Merkel" that of
    "Merkelson"; a flagged "5" is that of "5km", as the checks read it."""
    first, last = text[start], text[end - 1]
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    in_word = (first.isalnum() and before[-1:].isalnum()) or _joined_after(text, end)
    # A separator between digits ("14,000", "1.14") makes one number of the two sides.
    glued_before = len(before) == 2 and before[0].isdigit() and before[1] in ".,"
    glued_after = len(after) == 2 and after[0] in ".," and after[1].isdigit()
    in_number = (first.isdigit() and glued_before) or (last.isdigit() and glued_after)
    return not (in_word or in_number)


def _flagged_mentions(summary: str, flag: FlagRecord) -> list[int]:
    """Where ``flag`` is marked: the mention it names by its start (a number: "42 miles" of
    "42 miles in 42 hours", where the hours' 42 is backed and was marked too), else every
    mention of its text that stands alone (a name, a quotation; a record before ``start``)."""
    if flag.start is not None and summary.startswith(flag.text, flag.start):
        return [flag.start]
    found = []
    start = summary.find(flag.text)
    while start != -1:
        if _stands_alone(summary, start, start + len(flag.text)):
            found.append(start)
        start = summary.find(flag.text, start + 1)
    return found


def summary_segments(summary: str, flags: Sequence[FlagRecord]) -> list[Segment]:
    """Split the summary at every occurrence of a flagged span that stands alone (longer spans
    win overlaps; a shorter one that reaches past a longer keeps the rest: "5,8 Millionen" and
    "Millionen Euro" both show, where the shorter was left unmarked)."""
    taken: list[FlagRecord | None] = [None] * len(summary)
    for flag in sorted(flags, key=lambda item: -len(item.text)):
        if not flag.text:
            continue
        for start in _flagged_mentions(summary, flag):
            for at in range(start, start + len(flag.text)):
                if taken[at] is None:
                    taken[at] = flag
    segments: list[Segment] = []
    for char, owner in zip(summary, taken, strict=True):
        if segments and segments[-1].flag is owner:
            segments[-1] = Segment(segments[-1].text + char, owner)
        else:
            segments.append(Segment(char, owner))
    return segments


def _briefs(folder: Path, problems: list[str], pages: Mapping[str, str]) -> Iterator[SiteBrief]:
    """Every brief in ``folder`` (not recursive) as index.md counts them, in name order: a run
    record whose Markdown brief is beside it with the same ``record_id``; one at a time (a
    folder of 50,000 briefs is not held in memory at once). Each other record's problem goes
    into ``problems``."""
    # In index.md's order, by the brief's file name (not the record's: "bericht.json" and
    # "bericht.kurz.json" must sort as "bericht.md" and "bericht.kurz.md" do).
    records = folder.glob(f"*{RECORD_SUFFIX}")
    for path in sorted(records, key=lambda p: reading_order(p.with_suffix(".md").name)):
        if not path.is_file():
            continue
        try:
            record = read_record(path)
        except RecordError as error:
            if _one_of_ours(path):  # a user's own notes.json is none of the view's business
                problems.append(str(error))
            continue
        brief_path = path.with_suffix(".md")
        if not belong_together(brief_path, record):
            problems.append(
                f"{shown(path)}: its brief {shown(brief_path.name)} is missing, cut short or from "
                "another run (one stopped between the two writes); left out, as index.md leaves "
                "it out (the next run redoes it)"
            )
            continue
        yield SiteBrief(path.stem, record, pages.get(path.stem) or page_name(path.stem))


def _briefs_without_record(folder: Path, records: set[str]) -> list[str]:
    """A line for each brief of a run in ``folder`` (its front matter names its ``record_id``)
    whose run record is not there (``records``: the stems of the records that are), in
    index.md's order. The site is built from the records: such a brief was left out without a
    word and the view exited 0, where index.md lists it until the next run, which warns of it.
    A Markdown file of the user's own (no ``record_id``) is none of the view's business."""
    problems = []
    alone = [path for path in folder.glob("*.md") if path.stem not in records]
    for path in sorted(alone, key=lambda path: reading_order(path.name)):
        if path.name == INDEX_FILENAME or not path.is_file():
            continue
        meta = read_front_matter(path)
        if meta is not None and "record_id" in meta:
            problems.append(
                f"{shown(path)}: its run record {shown(record_path(path).name)} is missing; "
                "left out (the site is built from the records; the next run redoes the brief)"
            )
    return problems


def _one_of_ours(record_file: Path) -> bool:
    """Whether an unreadable ``*.json`` was a run record (damaged, cut short, of another schema):
    it names the schema near its start, or a brief beside it names its record. Another
    program's JSON file in the folder made the view exit 1, as a brief it could not show."""
    try:
        with record_file.open("rb") as handle:
            start = handle.read(_RECORD_START_BYTES)
    except OSError:
        return True
    if b'"schema_version"' in start:
        return True
    meta = read_front_matter(record_file.with_suffix(".md"))
    return meta is not None and "record_id" in meta


_RECORD_START_BYTES = 256


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("summarize", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    from summarize import __version__

    environment.globals["version"] = __version__
    environment.globals["plural"] = plural
    environment.globals["warnings_label"] = warnings_label
    environment.globals["sentence_label"] = sentence_label
    environment.globals["no_translation"] = NO_TRANSLATION
    # as the Markdown brief: the one reason besides "not found in the article"
    environment.globals["only_in_translation"] = ONLY_IN_TRANSLATION
    environment.filters["when"] = _when
    environment.filters["written_day"] = written_day
    environment.filters["source"] = source_shown
    environment.tests["untranslated"] = untranslated
    environment.filters["detail"] = warning_detail
    return environment


def untranslated(warnings: Sequence[SentenceWarning]) -> bool:
    """Whether the checks found the English to read as German: text in the English column (or
    the English title) that a screen reader must read with German rules, as it does the German
    column, not spell out with English ones."""
    return any(warning.kind == "untranslated" for warning in warnings)


# The warnings that quote the German sentence ("“1.000” not in the English", "the German negates
# (“nicht”) …"); the others quote the English ("repeats “the”", "“25 million” not in the German").
_QUOTES_GERMAN = frozenset({"missing_numbers", "negation"})
_QUOTED = re.compile(r"“([^“”]*)”")


def warning_detail(warning: SentenceWarning) -> Markup:
    """A translation warning's detail as HTML, what it quotes of the German marked German: read
    with English rules, "“1.000” not in the English" was "one point zero zero zero", not a
    thousand, and "“Montag”" an English word."""
    detail = str(escape(warning.detail))
    if warning.kind not in _QUOTES_GERMAN:
        return Markup(detail)
    return Markup(_QUOTED.sub(lambda quoted: f'“<span lang="de">{quoted[1]}</span>”', detail))


def _when(timestamp: str) -> str:
    """An ISO 8601 time as a reader writes it: "2026-11-30 13:00 UTC"."""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp
    if moment.utcoffset() == timedelta(0):
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    return moment.strftime("%Y-%m-%d %H:%M %z")


def _markdown_inline(markdown: MarkdownIt, text: str | None) -> Markup | None:
    """A note shared with the Markdown brief, as HTML (markdown-it escapes; raw HTML is off)."""
    return Markup(markdown.renderInline(text)) if text else None


def _title_note(markdown: MarkdownIt, record: BriefRecord) -> Markup | None:
    """The line under the title; where it is English and ends with the German headline (one
    that has no translation), the headline is marked German, so a screen reader reads it in
    German rather than spelling it out with English rules."""
    note = _markdown_inline(markdown, title_note(record))
    if note is None or record.title_from == "headline" or not record.title_de:
        return note
    headline = markdown.renderInline(escape_markdown(record.title_de))
    # At the note's end, inside its emphasis: searched for anywhere, a headline "em" or "e" was
    # found in the closing tag ("</<span lang="de">em</span>>").
    end = "</em>"
    if not headline or not str(note).endswith(headline + end):
        return note  # not shown as rendered alone (the note's markup around it): left as it is
    head = str(note)[: -len(headline + end)]
    return Markup(f'{head}<span lang="de">{headline}</span>{end}')


def _record_rows(record: BriefRecord) -> list[tuple[str, str]]:
    """The run record's settings, timings and counts as (key, value) rows."""
    rows: list[tuple[str, Any]] = [
        ("source_sha256", record.source_sha256),
        ("fingerprint", record.fingerprint),
        ("generated_at", record.generated_at),
    ]
    rows += [(f"models.{role}", value) for role, value in record.models.items()]
    rows += [(f"generation.{role}", value) for role, value in record.generation.items()]
    # The other settings that shaped the brief (cleaning, version, map-reduce rounds), as the
    # record holds them; none in records older than them.
    rows += [(f"settings.{name}", value) for name, value in record.settings.items()]
    rows += [
        ("seconds", record.seconds),
        ("counts", record.counts.model_dump()),
        ("summary", record.summary.model_dump(exclude={"text"})),
    ]
    return [
        (key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
        for key, value in rows
    ]


def _model_name(record: BriefRecord, role: str) -> str:
    model = record.models.get(role, {})
    name = str(model.get("model", "?"))
    revision = model.get("revision")
    return f"{name} @ {str(revision)[:10]}" if revision else name


def render_brief_page(
    environment: Environment,
    markdown: MarkdownIt,
    brief: SiteBrief,
    not_current: str | None = None,
) -> str:
    """The brief's page; ``not_current``: what index.md says of an earlier run's brief whose
    article a later run failed on or skipped (:func:`outputs.not_current_briefs`)."""
    record = brief.record
    facts = []
    for kind, label in (("number", "Numbers"), ("date", "Dates"), ("name", "Names")):
        items = [fact for fact in record.key_facts if fact.kind == kind]
        found = record.key_facts_found.get(kind)
        facts.append((key_facts_label(label, len(items), found), items))
    return environment.get_template("brief.html.j2").render(
        record=record,
        title_note=_title_note(markdown, record),
        source_line=source_line(record),
        chunking_note=_markdown_inline(markdown, chunking_note(record)),
        checks_note=_markdown_inline(markdown, checks_note(record)),
        dropped_summary=dropped_summary(record),
        cleaning_note=_markdown_inline(markdown, cleaning_note(record)),
        summary_segments=summary_segments(record.summary.text, record.flags),
        flag_items=flagged_items(record.flags).items(),
        unsupported=unsupported_items(record),
        facts=[(label, items) for label, items in facts if items],
        record_rows=_record_rows(record),
        model_name=lambda role: _model_name(record, role),
        not_current=not_current,
    )


def latest_run(folder: Path) -> Markup | None:
    """What the folder's index.md says of the latest run, as HTML: its summary line and each
    article it left without a brief and why ("failed: in/a.txt: empty file"). A run keeps this
    nowhere else, and the front page without it listed an article's old brief with no word that
    the latest run failed on it. None without an index.md of a run, or one without the line.

    Read up to the index's first entry only (a folder of 50,000 briefs has as many); the text
    is the run's escaped Markdown, rendered with raw HTML and links off, as a hand-edited
    index.md must not add a link out of the site."""
    lines: list[str] = []
    try:
        with (folder / INDEX_FILENAME).open(encoding="utf-8-sig", errors="replace") as handle:
            if handle.readline().rstrip("\r\n") != INDEX_TITLE:
                return None
            for line in handle:
                if line.startswith((INDEX_ENTRY, BRIEFS_LIST)):
                    break
                if lines or line.startswith(LATEST_RUN):
                    lines.append(line)
    except OSError:  # no index (records copied without it), or unreadable: nothing to add
        return None
    if not lines:
        return None
    markdown = MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])
    return Markup(markdown.render("".join(lines)))


def render_index_page(
    environment: Environment,
    briefs: Sequence[SiteBrief],
    latest: Markup | None = None,
    not_current: dict[str, str] | None = None,
) -> str:
    not_current = not_current or {}
    entries = [
        {
            # a name that is not UTF-8 as its bytes (render.link_target)
            "page": quote(brief.page.encode("utf-8", "surrogateescape")),
            "not_current": not_current.get(f"{brief.name}.md"),
            "record": brief.record,
            "lead": index_lead(brief.record),
            "unsupported": unsupported_items(brief.record),
            # As index.md says it: without a lead line the reader took the summary for left out.
            "empty": not shows_text(brief.record.summary.text),
        }
        for brief in briefs
    ]
    return environment.get_template("index.html.j2").render(
        entries=entries,
        totals=folder_counts([brief.record for brief in briefs]),
        latest_run=latest,
        lead_stands_in=LEAD_STANDS_IN,
    )


def build_site(folder: Path, site: Path) -> SiteReport:
    """Write ``site/index.html`` and one page per brief of ``folder``; returns what was written.

    Raises UsageError when the folder holds no readable brief record at all, or while a run
    writes to it."""
    with no_run_writing(folder):
        return _build_site(folder, site)


def _build_site(folder: Path, site: Path) -> SiteReport:
    records = {path.stem for path in folder.glob(f"*{RECORD_SUFFIX}")}
    problems = _briefs_without_record(folder, records)
    # The pages it may write: a record's with its brief beside it (a user's own notes.json is
    # no brief, and its name no page of ours); each brief is read later, one at a time.
    page_of = page_names(stem for stem in records if (folder / f"{stem}.md").is_file())
    briefs = _briefs(folder, problems, page_of)
    first = next(briefs, None)
    if first is None:
        raise UsageError(
            f"{shown(folder)}: no brief records (<name>{RECORD_SUFFIX}) to show; "
            "run `summarize run` into this folder first"
            + (f" ({'; '.join(problems)})" if problems else "")
        )
    try:
        foreign = _not_our_pages(site, [*page_of.values(), INDEX_PAGE])
    except OSError as error:  # in a folder we may not enter (Python 3.11's exists() raises)
        raise UsageError(
            f"cannot write the site to {shown(site)}: {error.strerror or error}"
        ) from None
    if foreign:
        raise UsageError(
            f"{shown(site)}: {', '.join(map(shown, foreign[:3]))}"
            + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
            + (
                " would be overwritten and are not pages of `summarize view`"
                if len(foreign) > 1
                else " would be overwritten and is not a page of `summarize view`"
            )
            + "; use another --to folder"
        )
    environment = _environment()
    markdown = MarkdownIt("commonmark", {"html": False})
    stale = not_current_briefs(folder)
    make_folder(site, "the site folder")
    pages = []
    listed: list[SiteBrief] = []  # what the front page shows of each brief, not its article
    brief: SiteBrief | None = first
    del first
    try:
        with _site_written(site):
            while brief is not None:  # one article in memory at a time
                page = site / brief.page
                said = stale.get(f"{brief.name}.md")
                _write_if_changed(page, render_brief_page(environment, markdown, brief, said))
                pages.append(page)
                listed.append(SiteBrief(brief.name, index_record(brief.record), brief.page))
                brief = next(briefs, None)
            index = site / INDEX_PAGE
            _write_if_changed(
                index, render_index_page(environment, listed, latest_run(folder), stale)
            )
            _remove_stale_pages(site, {page.name for page in pages})
    except OSError as error:
        raise UsageError(
            f"cannot write the site to {shown(site)}: {error.strerror or error}"
        ) from None
    return SiteReport(index, tuple(pages), tuple(problems))


@contextmanager
def _site_written(site: Path) -> Iterator[None]:
    """Held while a view writes ``site``; on entry, the temp files a view killed mid-write left
    there (SIGKILL, a crash, a power cut) are removed, when no other view is writing it: they
    stayed for good, and went with the site wherever it was copied, as a run's own cleanup
    does not reach the site (``outputs/html`` by default). Two views may write one site at
    once, and a temp file of the other's is its page in the making: told by a lock on the site
    folder itself (flock, so the site holds no lock file), shared by each view while it
    writes, and taken alone for the removal. Where there is none (Windows, a file system
    without flock), nothing is removed."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        descriptor = os.open(site, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another view writes here (or the file system has no flock)
            pass
        else:
            with suppress(OSError):  # best effort: the pages are what counts
                remove_stale_temp_files(site)
        with suppress(OSError):
            fcntl.flock(descriptor, fcntl.LOCK_SH)  # waits only for another view's removal
        yield
    finally:
        os.close(descriptor)  # lets go of the lock


def _write_if_changed(path: Path, content: str) -> None:
    """Write ``path`` atomically unless it already holds ``content`` (a page is a function of
    its record): a daily ``view`` of a folder of 2,000 briefs rewrote and synced every page,
    two fsyncs each (17 s), when a handful had changed."""
    if path.is_file() and not path.is_symlink():
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                if handle.read() == content:
                    return
        except (OSError, ValueError):  # unreadable or not UTF-8: written anew
            pass
    write_atomic(path, content)


# A page whose brief is gone (deleted, or its record no longer readable) is removed, so a copied
# or shared site holds only what its index lists. Ours are known by their generator tag; other
# files in the folder are not ours to touch.
_OUR_PAGE = '<meta name="generator" content="summarize '


def _is_our_page(page: Path) -> bool:
    try:
        with page.open(encoding="utf-8", errors="replace") as handle:
            return _OUR_PAGE in handle.read(2048)
    except OSError:
        return False


def _not_our_pages(site: Path, names: Sequence[str]) -> list[Path]:
    """The files among ``site``'s ``names`` that a view did not write (a source page, another
    site's front page): a view writes over its own pages only."""
    return sorted(
        path
        for name in set(names)
        if (path := site / name).exists() or path.is_symlink()
        if not (path.is_file() and not path.is_symlink() and _is_our_page(path))
    )


def _remove_stale_pages(site: Path, current: set[str]) -> None:
    for page in site.glob("*.html"):
        if page.name in current or page.name == INDEX_PAGE:
            continue
        if _is_our_page(page):
            page.unlink(missing_ok=True)
