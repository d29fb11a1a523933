"""Clean: turn raw article text into a headline, an optional lead and body paragraphs.

Every heuristic is a named rule that can be switched off (``[clean] disable = [...]``) and every
line or span it removes is recorded as a :class:`Dropped` item, so a reader can audit the cleaner
(the brief lists them in an appendix). Phrase lists live in ``data/boilerplate.toml``; the
structural rules are here. When a rule is unsure, it keeps the line.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from summarize.errors import ArticleError

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^(?:[•·▪●◦‣∙*-]|\d{1,2}\.(?=\s+\S))\s+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'“”«»„‚‘’)\]]*$")
_FINAL_MARK = re.compile(r"[.!?…][\"'“”«»„‚‘’)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")

_WRAPPED_LINE_MIN_CHARS = 40
_HEADLINE_MIN_WORDS = 4
_HEADLINE_MAX_WORDS = 30
_HEADLINE_SEARCH_LINES = 8
_LABEL_MAX_WORDS = 3
_SHORT_LINE_MAX_WORDS = 5
_SHORT_RUN_MIN_LINES = 3
_LEAD_MAX_WORDS = 60
_TAIL_MIN_SHARE = 0.5  # a tail marker counts only in the last half of the text
_COMMENT_META = re.compile(
    r"^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})[ ,]*\d{1,2}[:.]\d{2}(\s*uhr)?\s*(registriert\b.*)?$"
    r"|registriert (seit )?\w+ \d{4}$",
    re.IGNORECASE,
)
_COMMENT_END = re.compile(
    r"^(\d{1,5}|melden|antworten|zum kommentar|reply|report|gefällt mir|\d+ antworten)$",
    re.IGNORECASE,
)
_COMMENT_MAX_LINES = 8
_LANGUAGE_MIN_WORDS = 5
_LANGUAGE_MIN_PROBABILITY = 0.95
_LANGUAGES = ("de", "en", "fr", "it", "es", "nl", "pl", "ru", "tr", "uk", "pt", "cs", "sv", "da")

# Phrase rules (from data/boilerplate.toml) run in this order, then the structural rules.
SPAN_RULES = ("credit", "promo")
LINE_RULES = ("share", "consent", "navigation", "teaser", "promo", "donation", "comments", "byline")
STRUCTURAL_RULES = (
    "tail",
    "comment_blocks",
    "duplicates",
    "short_runs",
    "fragments",
    "not_german",
    "header_labels",
)
RULE_NAMES: tuple[str, ...] = tuple(dict.fromkeys((*SPAN_RULES, *LINE_RULES, *STRUCTURAL_RULES)))


@dataclass(frozen=True)
class Dropped:
    rule: str
    text: str


@dataclass(frozen=True)
class CleanArticle:
    title: str | None
    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    has_lead: bool = False  # paragraphs[0] is a subtitle / lead under the headline

    def dropped_counts(self) -> dict[str, int]:
        return dict(Counter(item.rule for item in self.dropped))


@dataclass(frozen=True)
class CleanOptions:
    enabled: bool = True
    disabled: frozenset[str] = field(default_factory=frozenset)

    def active(self, rule: str) -> bool:
        return self.enabled and rule not in self.disabled


@dataclass(frozen=True)
class PhraseRule:
    name: str
    description: str
    line: tuple[re.Pattern[str], ...]
    span: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def phrase_rules() -> dict[str, PhraseRule]:
    data = tomllib.loads(
        resources.files("summarize").joinpath("data/boilerplate.toml").read_text(encoding="utf-8")
    )
    return {
        name: PhraseRule(
            name=name,
            description=table.get("description", ""),
            line=tuple(re.compile(p, re.IGNORECASE) for p in table.get("line", ())),
            span=tuple(re.compile(p, re.IGNORECASE) for p in table.get("span", ())),
        )
        for name, table in data.items()
    }


def normalize_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    return _BULLET.sub("", line)


def split_paragraphs(text: str) -> list[str]:
    """Lines as paragraphs; inside a block (no blank line between) a line that stops mid-sentence
    and a next line starting in lowercase are one hard-wrapped paragraph."""
    paragraphs: list[str] = []
    previous_blank = True
    for raw in text.splitlines():
        line = normalize_line(raw)
        if not line:
            previous_blank = True
            continue
        joins = (
            not previous_blank
            and paragraphs
            and len(paragraphs[-1]) >= _WRAPPED_LINE_MIN_CHARS  # short web lines are not wraps
            and not _SENTENCE_END.search(paragraphs[-1])
            and line[0].islower()
        )
        if joins:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous_blank = False
    return paragraphs


def _words(line: str) -> int:
    return len(line.split())


def _is_short(line: str) -> bool:
    return _words(line) <= _SHORT_LINE_MAX_WORDS and not _FINAL_MARK.search(line)


class _Lines:
    """The working list of lines with the record of what each rule took."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.dropped: list[Dropped] = []

    def drop_where(self, rule: str, predicate: Callable[[int, str], bool]) -> None:
        kept = []
        for index, line in enumerate(self.lines):
            if predicate(index, line):
                self.dropped.append(Dropped(rule, line))
            else:
                kept.append(line)
        self.lines = kept

    def cut_spans(self, rule: str, patterns: Iterable[re.Pattern[str]]) -> None:
        kept = []
        for line in self.lines:
            for pattern in patterns:
                match = pattern.search(line)
                if match and match.group(0).strip():
                    self.dropped.append(Dropped(rule, match.group(0).strip()))
                    line = (line[: match.start()] + " " + line[match.end() :]).strip()
            if _LETTER.search(line) or any(ch.isdigit() for ch in line):
                kept.append(line)
            elif line:
                self.dropped.append(Dropped(rule, line))
        self.lines = kept


def _tail_start(lines: list[str], markers: tuple[re.Pattern[str], ...]) -> int | None:
    total = sum(_words(line) for line in lines) or 1
    seen = 0
    for index, line in enumerate(lines):
        if seen >= _TAIL_MIN_SHARE * total and any(p.search(line) for p in markers):
            return index
        seen += _words(line)
    return None


def _comment_block_members(lines: list[str]) -> set[int]:
    """Reader comments: [user name] + date/time line + text ... + votes / 'Melden' line."""
    members: set[int] = set()
    for index, line in enumerate(lines):
        if not (_COMMENT_META.search(line) and _words(line) <= 8):
            continue
        block = {index}
        if index > 0 and _words(lines[index - 1]) <= _LABEL_MAX_WORDS:
            block.add(index - 1)  # the user name above the date
        for offset in range(1, _COMMENT_MAX_LINES + 1):
            following = index + offset
            if following >= len(lines) or _COMMENT_META.search(lines[following]):
                break
            if _COMMENT_END.search(lines[following]):
                block.update(range(index, following + 1))
                break
        members |= block
    return members


def _short_run_members(lines: list[str]) -> set[int]:
    members: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, "."]):  # sentinel closes the last run
        if _is_short(line) and index < len(lines):
            run.append(index)
            continue
        if len(run) >= _SHORT_RUN_MIN_LINES:
            members.update(run)
        run = []
    return members


def _is_fragment(line: str) -> bool:
    if not _LETTER.search(line):
        return True  # numbers, vote counts, separators
    return _is_short(line) and line[0].islower()


@lru_cache(maxsize=1)
def _language_identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(_LANGUAGES))
    return identifier


def is_foreign(line: str) -> bool:
    """True only when a line is confidently not German (short lines are never judged)."""
    letters = _LETTER.findall(line)
    if len(letters) >= 10 and sum(bool(_LATIN_LETTER.match(c)) for c in letters) < len(letters) / 2:
        return True  # mostly Cyrillic, Greek, CJK, Arabic ...
    if _words(line) < _LANGUAGE_MIN_WORDS:
        return False
    language, probability = _language_identifier().classify(line)
    return language != "de" and probability >= _LANGUAGE_MIN_PROBABILITY


def reads_as_german(text: str) -> bool:
    """True when a text (a translation, say) is confidently German."""
    if _words(text) < _LANGUAGE_MIN_WORDS:
        return False
    language, probability = _language_identifier().classify(text)
    return language == "de" and probability >= _LANGUAGE_MIN_PROBABILITY


class NotGermanError(ArticleError):
    """The article is not in German; skipped unless the user forces the language."""


_DOCUMENT_MIN_PROBABILITY = 0.99
_DOCUMENT_SAMPLE_CHARS = 5000


def check_language(text: str, source: Path) -> None:
    """Raise NotGermanError when the article as a whole is confidently in another language."""
    sample = " ".join(text[:_DOCUMENT_SAMPLE_CHARS].split())
    if _words(sample) < _LANGUAGE_MIN_WORDS:
        return  # too little text to judge: keep it
    language, probability = _language_identifier().classify(sample)
    if language != "de" and probability >= _DOCUMENT_MIN_PROBABILITY:
        raise NotGermanError(
            f"{source}: the article is in another language ({language}), not German; skipped "
            "(use --force-language to translate it anyway)"
        )


def _is_headline(line: str) -> bool:
    return _HEADLINE_MIN_WORDS <= _words(line) <= _HEADLINE_MAX_WORDS and not line.endswith(
        (".", ":", ",")
    )


def _is_body(line: str) -> bool:
    return _words(line) >= 12 and bool(_SENTENCE_END.search(line))


def find_headline(lines: list[str]) -> int | None:
    """Index of the headline among the first lines, or None when the article has none.

    Section labels, kickers and breadcrumbs ("Politik", "Nordkorea") are too short to qualify;
    the search stops at the first line that reads as body text."""
    for index, line in enumerate(lines[:_HEADLINE_SEARCH_LINES]):
        if _is_body(line):
            return None
        if _is_headline(line):
            return index
    return None


def _is_lead(lines: list[str]) -> bool:
    return (
        len(lines) >= 2
        and _words(lines[0]) <= _LEAD_MAX_WORDS
        and bool(_FINAL_MARK.search(lines[0]))
    )


def clean_text(text: str, options: CleanOptions | None = None) -> CleanArticle:
    options = options or CleanOptions()
    rules = phrase_rules()
    work = _Lines(split_paragraphs(text))

    for name in SPAN_RULES:
        if options.active(name):
            work.cut_spans(name, rules[name].span)
    if options.active("tail"):
        start = _tail_start(work.lines, rules["tail"].line)
        if start is not None:
            work.drop_where("tail", lambda index, _: index >= start)
    if options.active("comment_blocks"):
        members = _comment_block_members(work.lines)
        work.drop_where("comment_blocks", lambda index, _: index in members)
    for name in LINE_RULES:
        if options.active(name):
            patterns = rules[name].line
            work.drop_where(name, lambda _, line, p=patterns: any(x.search(line) for x in p))
    if options.active("duplicates"):
        seen: set[str] = set()

        def duplicate(_: int, line: str) -> bool:
            key = " ".join(re.sub(r"[^\w\s]", " ", line.casefold()).split())
            if key in seen:
                return True
            seen.add(key)
            return False

        work.drop_where("duplicates", duplicate)
    if options.active("short_runs"):
        members = _short_run_members(work.lines)
        work.drop_where("short_runs", lambda index, _: index in members)
    if options.active("fragments"):
        work.drop_where("fragments", lambda _, line: _is_fragment(line))
    if options.active("not_german"):
        work.drop_where("not_german", lambda _, line: is_foreign(line))

    headline_index = find_headline(work.lines)
    title: str | None = None
    if headline_index is not None:
        title = work.lines[headline_index]
        del work.lines[headline_index]
    if options.active("header_labels"):
        # Section labels, kickers and breadcrumbs stand above the body text, never inside it.
        body_start = next((i for i, line in enumerate(work.lines) if _is_body(line)), 0)
        work.drop_where(
            "header_labels",
            lambda index, line: (
                index < body_start
                and _words(line) <= _LABEL_MAX_WORDS
                and not _FINAL_MARK.search(line)
            ),
        )
    body = work.lines
    return CleanArticle(
        title=title,
        paragraphs=tuple(body),
        dropped=tuple(work.dropped),
        has_lead=title is not None and _is_lead(body),
    )
