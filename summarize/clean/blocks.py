"""Blocks: the units the cleaner keeps or drops whole (lines, with hard-wrapped lines joined)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Only marks that are nothing but list bullets; a number, date or ordinal at the start of a line
# ("3. Oktober ist ...", "1. FC Köln") is text and stays, and so does a dash that opens a line of
# dialogue ("– „Ok.“").
_BULLET = re.compile(r"^[•▪●◦‣∙*-](?=\s+\S)")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'“”«»„‚‘’)\]]*$")
_WRAPPED_LINE_MIN_CHARS = 40


@dataclass(frozen=True)
class Block:
    """One line of the page (hard-wrapped lines joined), its bullet mark and blank-line context."""

    text: str
    bullet: str = ""  # the list bullet cut from its start ("•"), recorded in the audit
    blank_before: bool = True
    blank_after: bool = True


def tidy_line(line: str) -> str:
    """NFC, no control or zero-width characters, one space between words."""
    line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    return _SPACES.sub(" ", line).strip()


def split_bullet(line: str) -> tuple[str, str]:
    """(bullet, rest) for a tidied line; bullet is "" when the line has none."""
    match = _BULLET.match(line)
    if not match:
        return "", line
    return match.group(0), line[match.end() :].lstrip()


def normalize_line(line: str) -> str:
    """A raw line as the cleaner sees it: tidied, a clear list bullet cut off."""
    return split_bullet(tidy_line(line))[1]


def split_blocks(text: str, strip_bullets: bool = True) -> list[Block]:
    """Lines as blocks; inside a paragraph (no blank line between) a line that stops mid-sentence
    and a next line starting in lowercase are one hard-wrapped block."""
    blocks: list[Block] = []
    previous_blank = True
    for raw in text.splitlines():
        line = tidy_line(raw)
        if not line:
            if blocks and not previous_blank:
                last = blocks[-1]
                blocks[-1] = Block(last.text, last.bullet, last.blank_before, True)
            previous_blank = True
            continue
        bullet, line = split_bullet(line) if strip_bullets else ("", line)
        joins = (
            not previous_blank
            and not bullet
            and blocks
            and len(blocks[-1].text) >= _WRAPPED_LINE_MIN_CHARS  # short web lines are not wraps
            and not _SENTENCE_END.search(blocks[-1].text)
            and line[0].islower()
        )
        if joins:
            last = blocks[-1]
            blocks[-1] = Block(f"{last.text} {line}", last.bullet, last.blank_before, False)
        else:
            blocks.append(Block(line, bullet, previous_blank, False))
        previous_blank = False
    if blocks:
        last = blocks[-1]
        blocks[-1] = Block(last.text, last.bullet, last.blank_before, True)
    return blocks


@dataclass(frozen=True)
class PhraseRule:
    name: str
    description: str
    # The line patterns as two alternations: those anchored at the line start (tried there only,
    # which keeps the cleaner fast on long lines) and the rest (searched anywhere).
    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None
    span: tuple[re.Pattern[str], ...]

    def matches(self, line: str) -> bool:
        return bool(
            (self.anchored and self.anchored.match(line))
            or (self.floating and self.floating.search(line))
        )


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def phrase_rules() -> dict[str, PhraseRule]:
    data = tomllib.loads(
        resources.files("summarize").joinpath("data/boilerplate.toml").read_text(encoding="utf-8")
    )
    return {
        name: PhraseRule(
            name=name,
            description=table.get("description", ""),
            anchored=_alternation([p[1:] for p in table.get("line", []) if p.startswith("^")]),
            floating=_alternation([p for p in table.get("line", []) if not p.startswith("^")]),
            span=tuple(re.compile(p, re.IGNORECASE) for p in table.get("span", ())),
        )
        for name, table in data.items()
    }
