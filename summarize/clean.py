"""Clean: turn raw article text into a headline and body paragraphs.

Lines are normalised (Unicode NFC, no control characters, single spaces, no list bullets) and
hard-wrapped lines are joined back into paragraphs. The headline is the first line near the top
that reads like one: several words and no sentence-final full stop.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^(?:[•·▪●◦‣∙*-]|\d{1,2}\.(?=\s+\S))\s+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'“”«»„‚‘’)\]]*$")
_HEADLINE_MIN_WORDS = 4
_HEADLINE_SEARCH_LINES = 8


@dataclass(frozen=True)
class CleanArticle:
    title: str | None
    paragraphs: tuple[str, ...]


def normalize_line(line: str) -> str:
    line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    line = _SPACES.sub(" ", line).strip()
    return _BULLET.sub("", line)


def _join_hard_wraps(lines: list[str]) -> list[str]:
    """A line that stops mid-sentence and is followed by a lowercase start is one paragraph."""
    paragraphs: list[str] = []
    for line in lines:
        if (
            paragraphs
            and paragraphs[-1]
            and line
            and not _SENTENCE_END.search(paragraphs[-1])
            and line[0].islower()
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return [paragraph for paragraph in paragraphs if paragraph]


def _is_headline(line: str) -> bool:
    return len(line.split()) >= _HEADLINE_MIN_WORDS and not line.endswith(".")


def _is_body(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line))


def find_headline(paragraphs: list[str]) -> int | None:
    """Index of the headline among the first lines, or None when the article has none."""
    for index, line in enumerate(paragraphs[:_HEADLINE_SEARCH_LINES]):
        if _is_body(line):
            return None
        if _is_headline(line):
            return index
    return None


def clean_text(text: str) -> CleanArticle:
    lines = [normalize_line(line) for line in text.splitlines()]
    paragraphs = _join_hard_wraps(lines)
    headline_index = find_headline(paragraphs)
    if headline_index is None:
        return CleanArticle(title=None, paragraphs=tuple(paragraphs))
    title = paragraphs[headline_index]
    body = [p for i, p in enumerate(paragraphs) if i != headline_index]
    return CleanArticle(title=title, paragraphs=tuple(body))
