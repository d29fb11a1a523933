"""Batches and windows, shared by the translation and summarization stages.

Model inputs are sorted by length and batched under a token budget (little padding), outputs come
back in input order. Text longer than a model's window is split at clause marks, then between
words, and packed greedily into pieces that fit: nothing is ever cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from summarize.backends import Generated
from summarize.errors import ConfigError

if TYPE_CHECKING:
    from summarize.models import LoadedModel

# Split points in order of preference: after clause punctuation, then before conjunction dashes.
_CLAUSE_BREAKS = (
    re.compile(r"(?<=[;:])\s+"),
    re.compile(r"(?<=,)\s+"),
    re.compile(r"\s+(?=[–—-]\s)"),
)


def plan_batches(
    lengths: list[int], batch_size: int, max_batch_tokens: int, parallel: int = 1
) -> list[list[int]]:
    """Group input indices into batches, longest first, so padding stays small.

    The rows are split into the fewest batches of at most ``batch_size`` rows, that count
    rounded up to a multiple of ``parallel`` (so each worker gets a batch), with sizes as even as
    possible: a short tail batch would cost as many decoding steps as a full one. A batch whose
    ``longest row x rows`` exceeds ``max_batch_tokens`` is split further (a single row longer
    than the budget still gets a batch of its own).
    """
    order = sorted(range(len(lengths)), key=lambda index: lengths[index], reverse=True)
    if not order:
        return []
    count = -(-len(order) // batch_size)
    count = min(len(order), -(-count // parallel) * parallel)
    size, extra = divmod(len(order), count)
    batches: list[list[int]] = []
    start = 0
    for number in range(count):
        # The longer rows come first; the batches that hold them get the smaller share.
        end = start + size + (1 if number >= count - extra else 0)
        batches.extend(_within_budget(order[start:end], lengths, max_batch_tokens))
        start = end
    return batches


def _within_budget(rows: list[int], lengths: list[int], max_batch_tokens: int) -> list[list[int]]:
    """Split length-sorted rows (longest first) so that longest x rows <= the budget."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in rows:
        if current and lengths[current[0]] * (len(current) + 1) > max_batch_tokens:
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


def generate_texts(
    loaded: LoadedModel,
    texts: list[str],
    batch_size: int,
    max_batch_tokens: int,
    on_batch: Callable[[int], None] | None = None,
) -> list[Generated]:
    """Generate for ``texts`` in length-sorted batches; outputs come back in input order."""
    lengths = [loaded.count_tokens(text) for text in texts]
    batches = plan_batches(lengths, batch_size, max_batch_tokens, loaded.backend.workers)
    inputs = [[loaded.prefix + texts[index] for index in batch] for batch in batches]
    outputs: list[Generated] = [Generated("")] * len(texts)
    for batch, generated in zip(batches, loaded.backend.generate_batches(inputs), strict=True):
        for index, output in zip(batch, generated, strict=True):
            outputs[index] = output
        if on_batch is not None:
            on_batch(len(batch))
    return outputs


def split_to_window(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Split ``text`` into consecutive pieces that each satisfy ``fits``; joined by spaces they
    give back the text (modulo whitespace). Clause breaks first, then words, then characters."""
    if fits(text):
        return [text]
    for pattern in _CLAUSE_BREAKS:
        parts = [part for part in pattern.split(text) if part.strip()]
        if len(parts) > 1:
            return pack(parts, fits)
    words = text.split()
    if len(words) > 1:
        return pack(words, fits)
    if len(text) <= 1:  # nothing left to cut: the prefix and special tokens fill the window
        raise ConfigError(
            f"the model's input window cannot hold even {text!r} beside its prefix and special "
            "tokens; raise max_input_tokens or shorten the prefix"
        )
    # One "word" longer than the window (a URL, a run of symbols): cut it into halves.
    middle = len(text) // 2
    return split_to_window(text[:middle], fits) + split_to_window(text[middle:], fits)


def pack(parts: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Greedily join neighbouring parts (with a space) while the result still fits; a part that
    never fits on its own is split by :func:`split_to_window`."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}" if current else part
        if fits(candidate):
            current = candidate
            continue
        if current:
            pieces.append(current)
        if fits(part):
            current = part
        else:
            pieces.extend(split_to_window(part, fits))
            current = ""
    if current:
        pieces.append(current)
    return pieces


def window_pieces(sentences: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Every sentence as pieces that fit the window (most sentences are one piece)."""
    return [piece for sentence in sentences for piece in split_to_window(sentence, fits)]


def even_chunks(
    sentences: Sequence[str], fits: Callable[[str], bool], count_tokens: Callable[[str], int]
) -> list[str]:
    """As many chunks of whole sentences as greedy packing needs, but of even size.

    Greedy packing fills chunks to the window and leaves a short tail (1024 + 150 tokens):
    the tail's summary weighs as much as the rest in the reduce step, and batched with the full
    chunk it is mostly padding. This finds the smallest per-chunk budget that needs no more
    chunks, from per-sentence token counts, and keeps the greedy chunks if any result does not
    fit by an exact count."""
    pieces = window_pieces(sentences, fits)
    greedy = pack(pieces, fits)
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
