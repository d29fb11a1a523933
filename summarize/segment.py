"""Segment: split German paragraphs into sentences.

pysbd (German rules) does the first pass; three rules on top fix what it gets wrong on news text
(measured by ``benchmarks/segmentation.py``):
- a split where the left side has no sentence-final mark is undone ("vom 7. | bis 9. Mai");
- a split after an abbreviation that never ends a sentence ("Dr.", "z. B.") is undone;
- "29. Gegen den ..." is split: a number (or "Mio.", "Mrd.") with a full stop followed by a word
  that only starts sentences (article, pronoun, preposition) ends a sentence, where an ordinal
  would be followed by a noun or a month ("am 3. Juni").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.clean import CleanArticle

_ENDS_CLAUSE = re.compile(r"[.!?…:;][\"'“”«»„‚‘’)\]]*$|[\"“”»«’)]$")
# Abbreviations that are (nearly) never the last word of a German sentence.
_NON_FINAL_ABBREVIATIONS = (
    "z. B.", "z.B.", "u. a.", "u.a.", "d. h.", "d.h.", "bzw.", "ca.", "Nr.", "St.", "Dr.",
    "Prof.", "vgl.", "sog.", "Abs.", "Art.", "Hr.", "Fr.", "Mio.", "Mrd.", "Tsd.", "Jh.",
    "inkl.", "zzgl.", "evtl.", "ggf.", "bzgl.", "Str.", "geb.", "gest.", "v. a.", "o. ä.",
)  # fmt: skip
_ENDS_WITH_ABBREVIATION = re.compile(
    r"(?:^|[\s(„\"])(?:" + "|".join(re.escape(a) for a in _NON_FINAL_ABBREVIATIONS) + r")$"
)
_SENTENCE_STARTERS = frozenset(
    [
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einen",
        "Einem",
        "Er",
        "Sie",
        "Es",
        "Wir",
        "Ich",
        "Ihr",
        "Man",
        "Dies",
        "Diese",
        "Dieser",
        "Dieses",
        "Doch",
        "Aber",
        "Und",
        "Auch",
        "Am",
        "Im",
        "In",
        "Bei",
        "Nach",
        "Gegen",
        "Mit",
        "Seit",
        "Auf",
        "Für",
        "Von",
        "Vor",
        "Zum",
        "Zur",
        "Als",
        "Wie",
        "Wenn",
        "Weil",
        "Dann",
        "Damit",
        "So",
        "Da",
        "Dort",
        "Hier",
        "Nun",
        "Jetzt",
        "Noch",
        "Nur",
        "Laut",
    ]
)
_NUMBER_STOP_STARTER = re.compile(
    r"(?:(?<=\d\.)|(?<=\sMio\.)|(?<=\sMrd\.)|(?<=\sTsd\.))\s+(?=(\w+)\b)"
)


@dataclass(frozen=True)
class SegmentedArticle:
    title: str | None
    paragraphs: tuple[tuple[str, ...], ...]

    @property
    def sentences(self) -> list[str]:
        return [sentence for paragraph in self.paragraphs for sentence in paragraph]


@lru_cache(maxsize=2)
def _segmenter(language: str = "de"):  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language=language, clean=False)


def split_english_sentences(text: str) -> list[str]:
    """English sentences (pysbd's English rules), for summarizing English text directly."""
    sentences = []
    for line in text.splitlines():
        sentences += [piece.strip() for piece in _segmenter("en").segment(line) if piece.strip()]
    return sentences


def _starts_sentence(piece: str) -> bool:
    first_word = piece.split(maxsplit=1)[0].strip("„“\"»«'(")
    return first_word in _SENTENCE_STARTERS


def _rejoin_false_splits(pieces: list[str]) -> list[str]:
    merged: list[str] = []
    for piece in pieces:
        if merged and (
            not _ENDS_CLAUSE.search(merged[-1])
            or (_ENDS_WITH_ABBREVIATION.search(merged[-1]) and not _starts_sentence(piece))
        ):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def _split_after_numbers(sentence: str) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in _NUMBER_STOP_STARTER.finditer(sentence):
        if match.group(1) in _SENTENCE_STARTERS:
            parts.append(sentence[start : match.start()])
            start = match.end()
    parts.append(sentence[start:])
    return parts


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, whitespace-trimmed, none empty."""
    pieces = [piece.strip() for piece in _segmenter().segment(paragraph) if piece.strip()]
    sentences = [
        part for piece in _rejoin_false_splits(pieces) for part in _split_after_numbers(piece)
    ]
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def segment_paragraphs(paragraphs: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    segmented = (tuple(split_sentences(paragraph)) for paragraph in paragraphs)
    return tuple(sentences for sentences in segmented if sentences)


def segment_article(article: CleanArticle) -> SegmentedArticle:
    return SegmentedArticle(title=article.title, paragraphs=segment_paragraphs(article.paragraphs))
