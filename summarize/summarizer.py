"""Summarize: English text to a summary, never truncating the input.

Text that fits the model's window is summarized directly. Longer text is split at sentence
boundaries into chunks of even size, each chunk is summarized, and the joined chunk summaries are
summarized again (map-reduce), for as many rounds as needed to fit.

Many documents are summarized together: each pass sends the model inputs of every document that
still needs one (direct texts, chunks, joined chunk summaries) through one length-sorted batched
call, so decoding steps are shared between articles instead of run once per article.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
    return _greedy_chunks(_pieces(sentences, fits), fits)


def _greedy_chunks(pieces: list[str], fits: Callable[[str], bool]) -> list[str]:
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current} {piece}" if current else piece
        if current and not fits(candidate):
            chunks.append(current)
            current = piece
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def even_chunks(
    sentences: Sequence[str], fits: Callable[[str], bool], count_tokens: Callable[[str], int]
) -> list[str]:
    """As many chunks as greedy packing needs, but of even size.

    Greedy packing fills chunks to the window and leaves a short tail (1024 + 150 tokens):
    the tail's summary weighs as much as the rest in the reduce step, and batched with the full
    chunk it is mostly padding. This finds the smallest per-chunk budget that needs no more
    chunks, from per-sentence token counts, and keeps the greedy chunks if any result does not
    fit by an exact count."""
    pieces = _pieces(sentences, fits)
    greedy = _greedy_chunks(pieces, fits)
    if len(greedy) < 2:
        return greedy
    overhead = count_tokens("")  # special tokens and prefix, counted once per chunk
    sizes = [max(count_tokens(piece) - overhead, 1) for piece in pieces]
    low, high = max(max(sizes), -(-sum(sizes) // len(greedy))), sum(sizes)
    while low < high:  # the smallest budget that packs into len(greedy) chunks
        middle = (low + high) // 2
        if len(_pack_sizes(sizes, middle)) <= len(greedy):
            high = middle
        else:
            low = middle + 1
    chunks = [" ".join(pieces[i] for i in group) for group in _pack_sizes(sizes, low)]
    if len(chunks) <= len(greedy) and all(fits(chunk) for chunk in chunks):
        return chunks
    return greedy


def _pieces(sentences: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    return [piece for sentence in sentences for piece in split_to_window(sentence, fits)]


def _pack_sizes(sizes: list[int], budget: int) -> list[list[int]]:
    groups: list[list[int]] = [[]]
    total = 0
    for index, size in enumerate(sizes):
        if groups[-1] and total + size > budget:
            groups.append([])
            total = 0
        groups[-1].append(index)
        total += size
    return groups


@dataclass
class _Document:
    """One document's progress through the passes."""

    index: int
    input_tokens: int
    units: list[str]  # sentences, then chunk summaries
    final_input: str | None = None  # set once the text to summarize last fits the window
    first_chunks: int = 0
    rounds: int = 0
    inputs: list[str] = field(default_factory=list)  # this pass's model inputs


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
        result = self.summarize_many([sentences])[0]
        if isinstance(result, ArticleError):
            raise result
        return result

    def summarize_many(self, documents: Sequence[Sequence[str]]) -> list[Summary | ArticleError]:
        """A summary (or the reason there is none) per document, in order."""
        results: list[Summary | ArticleError | None] = [None] * len(documents)
        pending: list[_Document] = []
        for index, sentences in enumerate(documents):
            units = [sentence for sentence in sentences if sentence.strip()]
            if not units:
                results[index] = ArticleError(
                    "nothing to summarize: the article has no English text"
                )
                continue
            text = " ".join(units)
            document = _Document(index, self.loaded.count_tokens(text), units)
            if document.input_tokens <= self.loaded.window:
                document.final_input = text
            pending.append(document)

        while pending:
            for document in pending:
                document.inputs = self._inputs_for(document)
            outputs = iter(self.generate_batch([text for d in pending for text in d.inputs]))
            still_pending = []
            for document in pending:
                generated = [next(outputs) for _ in document.inputs]
                if document.final_input is not None:
                    results[document.index] = Summary(
                        generated[0],
                        "map-reduce" if document.rounds else "direct",
                        document.input_tokens,
                        document.first_chunks or 1,
                        document.rounds,
                    )
                    continue
                document.units = generated
                document.rounds += 1
                joined = " ".join(unit for unit in generated if unit)
                if self.fits(joined):
                    document.final_input = joined
                elif document.rounds >= self.settings.max_reduce_rounds:
                    results[document.index] = ArticleError(
                        f"the chunk summaries still exceed the summarizer's "
                        f"{self.loaded.window}-token window after "
                        f"{self.settings.max_reduce_rounds} map-reduce rounds; raise "
                        "summarization.max_reduce_rounds or lower the summary length"
                    )
                    continue
                still_pending.append(document)
            pending = still_pending
        done = [result for result in results if result is not None]
        assert len(done) == len(documents), "every document ends with a summary or an error"
        return done

    def _inputs_for(self, document: _Document) -> list[str]:
        if document.final_input is not None:
            return [document.final_input]
        chunks = even_chunks(document.units, self.fits, self.loaded.count_tokens)
        document.first_chunks = document.first_chunks or len(chunks)
        logger.info(
            "text of %d tokens exceeds the summarizer's %d-token window: "
            "map-reduce round %d over %d chunks",
            document.input_tokens,
            self.loaded.window,
            document.rounds + 1,
            len(chunks),
        )
        return chunks
