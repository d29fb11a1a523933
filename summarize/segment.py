"""Segment: split German paragraphs into sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarize.clean import CleanArticle


@dataclass(frozen=True)
class SegmentedArticle:
    title: str | None
    paragraphs: tuple[tuple[str, ...], ...]

    @property
    def sentences(self) -> list[str]:
        return [sentence for paragraph in self.paragraphs for sentence in paragraph]


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="de", clean=False)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, whitespace-trimmed, none empty."""
    pieces = (piece.strip() for piece in _segmenter().segment(paragraph))
    return [piece for piece in pieces if piece]


def segment_paragraphs(paragraphs: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    segmented = (tuple(split_sentences(paragraph)) for paragraph in paragraphs)
    return tuple(sentences for sentences in segmented if sentences)


def segment_article(article: CleanArticle) -> SegmentedArticle:
    return SegmentedArticle(title=article.title, paragraphs=segment_paragraphs(article.paragraphs))
