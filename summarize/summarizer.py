"""Summarize: English text to a summary, never truncating the input.

Text that fits the model's window is summarized directly. Longer text is split at sentence
boundaries into window-sized chunks, each chunk is summarized, and the joined chunk summaries are
summarized again (map-reduce), for as many rounds as needed to fit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from summarize.config import SummarizationSettings
from summarize.errors import ArticleError
from summarize.models import LoadedModel, generate_texts
from summarize.translate import split_to_window

logger = logging.getLogger("summarize")


@dataclass(frozen=True)
class Summary:
    text: str
    path: Literal["direct", "map-reduce"]
    input_tokens: int
    chunks: int  # chunks in the first map round (1 on the direct path)
    rounds: int  # map rounds before the final summary (0 on the direct path)


def chunk_sentences(sentences: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Greedy chunks of whole sentences that fit; a sentence too long alone is split by words."""
    chunks: list[str] = []
    current = ""
    for sentence in sentences:
        for piece in split_to_window(sentence, fits):
            candidate = f"{current} {piece}" if current else piece
            if current and not fits(candidate):
                chunks.append(current)
                current = piece
            else:
                current = candidate
    if current:
        chunks.append(current)
    return chunks


class Summarizer:
    def __init__(self, loaded: LoadedModel, settings: SummarizationSettings) -> None:
        self.loaded = loaded
        self.settings = settings

    def fits(self, text: str) -> bool:
        return self.loaded.count_tokens(text) <= self.loaded.window

    def generate_batch(self, texts: list[str]) -> list[str]:
        generated = generate_texts(
            self.loaded, texts, self.settings.batch_size, self.settings.max_batch_tokens
        )
        return [output.text for output in generated]

    def summarize(self, sentences: Sequence[str]) -> Summary:
        sentences = [sentence for sentence in sentences if sentence.strip()]
        if not sentences:
            raise ArticleError("nothing to summarize: the article has no English text")
        text = " ".join(sentences)
        input_tokens = self.loaded.count_tokens(text)
        if input_tokens <= self.loaded.window:
            return Summary(self.generate_batch([text])[0], "direct", input_tokens, 1, 0)

        units: list[str] = sentences
        first_chunks = 0
        for round_number in range(1, self.settings.max_reduce_rounds + 1):
            chunks = chunk_sentences(units, self.fits)
            first_chunks = first_chunks or len(chunks)
            logger.info(
                "text of %d tokens exceeds the summarizer's %d-token window: "
                "map-reduce round %d over %d chunks",
                input_tokens,
                self.loaded.window,
                round_number,
                len(chunks),
            )
            units = self.generate_batch(chunks)
            joined = " ".join(unit for unit in units if unit)
            if self.fits(joined):
                final = self.generate_batch([joined])[0]
                return Summary(final, "map-reduce", input_tokens, first_chunks, round_number)
        raise ArticleError(
            f"the chunk summaries still exceed the summarizer's {self.loaded.window}-token window "
            f"after {self.settings.max_reduce_rounds} map-reduce rounds; raise "
            "summarization.max_reduce_rounds or lower the summary length"
        )
