"""The run record of a brief: the sidecar ``<name>.json`` written beside ``<name>.md``.

The Markdown brief carries a short front matter for readers; everything else a run knows about
the brief lives here, for tools, for skip-unchanged and for ``summarize view``. The schema is
versioned: a reader refuses a version it does not know instead of guessing, and a writer that
adds or changes a field bumps :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarize.errors import SummarizeError, shown
from summarize.fileio import read_regular_bytes

SCHEMA_VERSION = 1
RECORD_SUFFIX = ".json"


class RecordError(SummarizeError):
    """A file that is not a readable brief record of this schema version."""


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SentenceWarning(_Frozen):
    kind: Literal[
        "length_ratio",
        "repetition",
        "untranslated",
        "low_confidence",
        "output_limit",
        "numbers",
        "missing_numbers",
        "negation",
        "unreadable",
    ]
    detail: str


class SentencePair(_Frozen):
    """One German sentence and its translation (the translator works sentence by sentence)."""

    de: str
    en: str
    warnings: tuple[SentenceWarning, ...] = ()
    # The pieces the sentence was translated in, when it was longer than the translator's
    # window (counts.sentences_split_for_window counts them); 0: whole, and in older records.
    split_into: int = 0


class Paragraph(_Frozen):
    sentences: tuple[SentencePair, ...]

    @property
    def german(self) -> str:
        return " ".join(sentence.de for sentence in self.sentences)

    @property
    def english(self) -> str:
        return " ".join(sentence.en for sentence in self.sentences)

    @property
    def split(self) -> tuple[tuple[int, int], ...]:
        """(1-based sentence number in the paragraph, pieces) of each sentence split for the
        translator's window."""
        return tuple(
            (number, sentence.split_into)
            for number, sentence in enumerate(self.sentences, start=1)
            if sentence.split_into
        )

    @property
    def warnings(self) -> tuple[tuple[int, SentenceWarning], ...]:
        """(1-based sentence number in the paragraph, warning), in reading order."""
        return tuple(
            (number, warning)
            for number, sentence in enumerate(self.sentences, start=1)
            for warning in sentence.warnings
        )

    @property
    def warning_groups(self) -> tuple[tuple[tuple[int, ...], tuple[SentenceWarning, ...]], ...]:
        """The paragraph's warnings as the brief and the view name them: each warning once,
        after the numbers (1-based) of the sentences that have it, and the warnings of the same
        sentences together, in the order of their first sentence. A sentence's own warnings
        stand after it once (one with three read "sentence 1: …; sentence 1: …; sentence 1:
        …"), and a warning that sentences share after all of them: with an output limit too
        small for the article, "the English reached the translator's 12-token output limit and
        may be cut" stood after each sentence of a paragraph, 47 times in one brief."""
        sentences_of: dict[SentenceWarning, list[int]] = {}
        for number, warning in self.warnings:
            said = sentences_of.setdefault(warning, [])
            if number not in said:  # a sentence's warning said twice is named once
                said.append(number)
        groups: dict[tuple[int, ...], list[SentenceWarning]] = {}
        for warning, numbers in sentences_of.items():
            groups.setdefault(tuple(numbers), []).append(warning)
        # Reading order: by first sentence, the warning of more sentences first (the paragraph's
        # "sentences 1, 2, 3, 4" before "sentences 1, 4"), then as the warnings first came.
        ordered = sorted(groups.items(), key=lambda group: (group[0][0], -len(group[0])))
        return tuple((numbers, tuple(warnings)) for numbers, warnings in ordered)


class SummaryRecord(_Frozen):
    text: str
    path: Literal["direct", "map-reduce"]
    input_tokens: int  # tokens of the English text the summarizer read
    window_tokens: int  # the summarizer's window
    chunks: int  # chunks in the first map round (1 on the direct path)
    map_rounds: int  # map rounds before the final summary (0 on the direct path)
    # What the reader must be told of the summary: a fallback, empty or possibly cut outputs.
    note: str | None = None
    # False where the article's lead stands in for the summary (see note): no final summary.
    final_summary: bool = True
    # The English sentences longer than the summarizer's window, each split between chunks
    # (0 on the direct path, and in older records).
    sentences_split_for_window: int = 0


class FlagRecord(_Frozen):
    """An item of the summary that neither the English nor the German text backs."""

    kind: Literal["number", "name", "quote"]
    text: str  # the span as it stands in the summary
    reason: str = ""
    start: int | None = None  # where a number's flagged mention starts (None: every mention)


class KeyFactRecord(_Frozen):
    kind: Literal["number", "date", "name"]
    text: str
    paragraphs: tuple[int, ...]  # 1-based paragraph numbers


class DroppedRecord(_Frozen):
    rule: str  # the cleaning rule that removed it
    text: str


class Counts(_Frozen):
    paragraphs: int
    sentences_de: int
    sentences_en: int
    words_de: int
    words_en: int
    words_summary: int
    sentences_split_for_window: int  # sentences longer than the translator's window
    unsupported: int  # flags
    translation_warnings: int
    dropped: int


class BriefRecord(_Frozen):
    """Everything a run knows about one brief (schema version 1)."""

    schema_version: Literal[1] = SCHEMA_VERSION
    source: str
    # The source's absolute path (links not resolved), whatever the working directory of the
    # run: a later run tells by it whose brief this is (outputs.replacing_what). None in
    # records written before it existed.
    source_path: str | None = None
    source_sha256: str
    # What the source says of itself (an HTML page's metadata, a Markdown file's front matter):
    # its address, date, author and site; None where it says nothing, and in older records.
    source_url: str | None = None
    source_date: str | None = None
    source_author: str | None = None
    source_site: str | None = None
    fingerprint: str  # models, settings and package version: what else changes the brief
    generated_at: str  # ISO 8601, UTC
    title: str  # the title shown (English headline, else the summary's first sentence)
    title_from: Literal["headline", "summary", "file name"]
    title_en: str | None
    title_de: str | None
    # The pieces the German headline was translated in, when it was longer than the
    # translator's window (as SentencePair.split_into); 0 in older records.
    title_split_into: int = 0
    # The headline's translation warnings (as SentencePair.warnings); () in older records.
    title_warnings: tuple[SentenceWarning, ...] = ()
    has_lead: bool  # the first paragraph is a subtitle / lead under the headline
    summary: SummaryRecord
    flags: tuple[FlagRecord, ...]
    key_facts: tuple[KeyFactRecord, ...]
    # How many of each kind the article holds, listed or not: a kind's list is a selection
    # where more were found. {} in older records.
    key_facts_found: dict[Literal["number", "date", "name"], int] = {}
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[DroppedRecord, ...]
    models: dict[str, dict[str, Any]]  # "translation"/"summarization" → model, revision, …
    generation: dict[str, dict[str, Any]]  # the effective generation settings of each model
    # the other settings that change the brief (stages.run_settings); {} in older records
    settings: dict[str, Any] = {}
    seconds: dict[str, float]  # per stage
    counts: Counts

    @property
    def record_id(self) -> str:
        """Names this write of the brief; the Markdown carries it too, so a reader can tell
        that the two files belong together (a run killed between them leaves them apart)."""
        key = f"{self.source_sha256}\n{self.fingerprint}\n{self.generated_at}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def all_warnings(self) -> list[SentenceWarning]:
        """Every translation warning of the brief: the headline's, then the paragraphs'."""
        return [*self.title_warnings] + [
            warning for paragraph in self.paragraphs for _, warning in paragraph.warnings
        ]

    def dropped_by_rule(self) -> dict[str, list[str]]:
        """Removed texts grouped by rule, rules in order of their first removal."""
        grouped: dict[str, list[str]] = {}
        for item in self.dropped:
            grouped.setdefault(item.rule, []).append(item.text)
        return grouped

    def to_json(self) -> str:
        return self.model_dump_json(indent=2) + "\n"


def absolute_source_path(source: Path) -> str | None:
    """``source``'s absolute path as a record keeps it (``source_path``), or None where it is not
    UTF-8: an input's own name is (ingest refuses one that is not), but a run started in a
    folder named in Latin-1 ran with "a.txt" and stopped with a traceback writing the first
    record, which cannot hold the lone surrogate that Python reads the name's byte as. Without
    it the record names the source as given, as records older than ``source_path`` do."""
    path = str(source.absolute())
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return path


def parse_record(text: str | bytes, where: str = "record") -> BriefRecord:
    """A record from its JSON text; RecordError names what is wrong."""
    try:
        return BriefRecord.model_validate_json(text)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, item['loc'])) or 'document'}: {item['msg']}"
            for item in error.errors()[:3]
        )
        message = f"{where}: not a brief record of schema {SCHEMA_VERSION} ({problems})"
        raise RecordError(message) from None


def read_record(path: Path) -> BriefRecord:
    """The record in the file at ``path``. A byte order mark at its start is no part of it (a
    hand edit saved by Windows Notepad: JSON refuses the mark, and the brief was left out of
    the view), as :func:`summarize.fileio.read_regular_text` reads a brief."""
    try:
        text = read_regular_bytes(path).removeprefix(codecs.BOM_UTF8)
    except OSError as error:
        raise RecordError(f"{shown(path)}: cannot read ({error.strerror})") from error
    return parse_record(text, shown(path))


def record_schema() -> dict[str, Any]:
    """The JSON Schema of a record, for tools that validate sidecars."""
    return BriefRecord.model_json_schema()
