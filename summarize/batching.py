"""Batches and windows, shared by the translation and summarization stages.

Model inputs are sorted by length and batched under a token budget (little padding), outputs come
back in input order. Text longer than a model's window is split at clause marks, then between
words, and packed greedily into pieces that fit: nothing is ever cut.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.backends import Generated
from summarize.errors import ArticleError, SummarizeError, is_article_defect, shown
from summarize.families import SENTENCE_MARKS
from summarize.segment import ends_with_abbreviation, sentence_goes_on

if TYPE_CHECKING:
    from summarize.models import LoadedModel

logger = logging.getLogger("summarize")

# A sentence end inside a "sentence" the window does not hold: the segmenter keeps a quotation
# of several sentences whole („… Menschen. Auch in den …“), and split at its commas first, one
# sentence's clauses went to the translator apart while its full stops went unused. A full stop,
# "!" or "?" after a word of two letters or more (maybe closing marks), then a capital. Matched
# from the white space back, by fixed-width lookbehinds: a leading "\S*" was tried at every
# position of a long run without a space (a URL, text extracted without its spaces) and made
# the split quadratic in the run's length (32,000 characters: a minute).
_SENTENCE_END = re.compile(
    r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=[^\W\d_]{2}[.!?][\"“”»«’)]))\s+(?=[„\"»«‚‘(]?[A-ZÄÖÜ])"
)
# Words with a full stop that stand before a capital inside a sentence ("Dr. Müller", "vgl.
# Wagner", "St. Gallen", "(Hrsg.) Steinartefakte"), pysbd's own among them: no sentence end,
# never a break of ours; nor is any place where the segmenter's rules read the sentence on
# ("geb. Schmidt", "20 Min. Verspätung", "z. B."; segment.sentence_goes_on).
_NOT_SENTENCE_ENDS = frozenset(
    [
        "Dr.", "Prof.", "St.", "Nr.", "Hr.", "Fr.", "Hl.", "Fa.", "Abs.", "Art.", "Bd.", "Kap.",
        "Abb.", "Tab.", "Vgl.", "vgl.", "bzw.", "ca.", "inkl.", "zzgl.", "ggf.", "evtl.", "sog.",
        "Hrsg.", "hrsg.", "Mio.", "Mrd.", "Tsd.", "Tel.", "Ing.", "Dipl.", "Jh.", "Mr.", "Mrs.",
        "Ms.", "Jr.", "Sr.", "Gen.", "Gov.", "Sen.", "Rep.", "Lt.", "Col.", "Capt.", "No.",
        "Vol.", "vs.",
    ]
)  # fmt: skip
# What follows "Co." in a company's name ("GmbH & Co. KG", "Co. OHG"): no sentence end there,
# though "Co." ends one elsewhere ("Pudding & Co. Ob als …"). Cut there, "… GmbH & Co." and
# "KG, Postfach …" went to the translator apart.
_COMPANY_FORMS = ("KG", "OHG")
# Characters read before a sentence end for its word (and after it for the next): far more than
# the longest of those words with its opening marks; a longer run of characters without a space
# is no such word.
_WORD_READ = 32
# A word that ends with a sentence's mark, maybe closing quotes after it.
_ENDS_WITH_SENTENCE_MARK = re.compile(r"[.!?][\"“”»«’)]*$")


def _split_at_sentence_ends(text: str) -> list[str]:
    """``text`` cut after each sentence end inside it (see _SENTENCE_END), white space dropped."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # The word the sentence end closes, from the few characters before it only: reading
        # back to the last cut at each match would be quadratic again ("Dr. Dr. Dr. …").
        tail = text[max(start, match.start() - _WORD_READ) : match.start()]
        word = tail.rsplit(None, 1)[-1].lstrip('(„"»«‚‘').rstrip('"“”»«’)')
        if word in _NOT_SENTENCE_ENDS or sentence_goes_on(
            tail, text[match.end() : match.end() + _WORD_READ]
        ):
            continue
        if word == "Co." and text.startswith(_COMPANY_FORMS, match.end()):  # "GmbH & Co. KG"
            continue
        parts.append(text[start : match.start()])
        start = match.end()
    return [*parts, text[start:]]


# A number with a full stop inside a sentence: an ordinal or a date's day ("nach dem 2.
# Weltkrieg", "vom 13. Dezember", "am 24.12. um", "14.-20. Januar"), read on to its noun.
_NUMBER_WITH_STOP = re.compile(r"\d[\d.–-]*\.")


def _reads_on(word: str, after: str) -> bool:
    """Whether a sentence reads on after ``word`` into ``after`` (the next part) as after a
    title, an abbreviation, an ordinal or an amount's unit ("Dr.", "stv.", "dem 2.", "20
    Min."): no place to cut it (``word`` may be a clause: its last word). Cut after an
    ordinal, "… nach dem 2." and "Weltkrieg …" went to the translator apart, as did "vom 13."
    and "Dezember 2022", "vom 6." and "- 7. März 2020"; the segmenter's rules decide
    (segment.sentence_goes_on), where a sentence mark ends ``word``."""
    tail = word[-_WORD_READ:].rstrip('"“”»«’)')
    bare = tail.lstrip('(„"»«‚‘')
    # The last word alone for a number: a clause ends with one too ("vom 6." | "- 7. März").
    last = tail.rsplit(None, 1)[-1].lstrip('(„"»«‚‘') if tail.strip() else ""
    return (
        bare in _NOT_SENTENCE_ENDS
        or ends_with_abbreviation(tail)
        or bool(_NUMBER_WITH_STOP.fullmatch(last))
        or bool(
            _ENDS_WITH_SENTENCE_MARK.search(tail)
            and sentence_goes_on(word[-_WORD_READ:], after[:_WORD_READ])
        )
    )


# Split points in order of preference: sentence ends, after clause punctuation, then before
# conjunction dashes.
_CLAUSE_BREAKS: tuple[Callable[[str], list[str]], ...] = (
    _split_at_sentence_ends,
    re.compile(r"(?<=[;:])\s+").split,
    re.compile(r"(?<=,)\s+").split,
    # Not a range's dash after a number ("vom 6. - 7. März"): the ordinal reads on.
    re.compile(r"(?<!\d\.)(?<!\s)\s+(?=[–—-]\s)").split,
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


@dataclass(frozen=True)
class GenerationFailed:
    """An input the model could not generate for even alone, and why (one line, for the user):
    the article it belongs to fails; the others keep their outputs."""

    reason: str


# Words in an exception's message that say the memory ran out (torch's CPU allocator, CUDA,
# CTranslate2's std::bad_alloc).
_OUT_OF_MEMORY = ("out of memory", "can't allocate memory", "cannot allocate memory", "bad_alloc")
_ERROR_SHOWN = 200  # characters of the exception's first line in the reason


def generate_texts(
    loaded: LoadedModel,
    texts: list[str],
    batch_size: int,
    max_batch_tokens: int,
    on_batch: Callable[[int], None] | None = None,
) -> list[Generated | GenerationFailed]:
    """Generate for ``texts`` in length-sorted batches; outputs come back in input order.

    A batch whose generation raises (out of memory in a large beam search, any error of the
    model's) is split in halves and retried, down to single inputs: an input that fails alone
    gets a :class:`GenerationFailed` in its place, every other input its output. Our own errors
    (:class:`SummarizeError`), Ctrl-C and other stops are not caught."""
    if loaded.one_input_per_call:  # generate() raises for a batch of more
        batch_size = 1
    lengths = [loaded.count_tokens(text) for text in texts]
    pending = plan_batches(lengths, batch_size, max_batch_tokens, loaded.backend.workers)
    outputs: list[Generated | GenerationFailed] = [Generated("")] * len(texts)
    while pending:
        batches, pending = pending, []
        inputs = [[loaded.prefix + texts[index] for index in batch] for batch in batches]
        stream = iter(loaded.backend.generate_batches(inputs))
        try:
            for position, batch in enumerate(batches):
                try:
                    generated = next(stream)
                except (SummarizeError, StopIteration):
                    raise
                except BaseException as error:  # the model's own (torch, CTranslate2, a
                    # tokenizer's Rust panic, a BaseException): see above; a stop is no input's
                    if not is_article_defect(error):
                        raise
                    pending = [*_retry(loaded, batch, error, outputs, on_batch)]
                    pending += batches[position + 1 :]
                    break
                for index, output in zip(batch, generated, strict=True):
                    outputs[index] = output
                if on_batch is not None:
                    on_batch(len(batch))
        finally:  # a stop or an error: no batch goes on in the background
            close = getattr(stream, "close", None)
            if close is not None:
                close()
    if loaded.family in SENTENCE_MARKS:
        return [
            _without_sentence_marks(output, SENTENCE_MARKS[loaded.family]) for output in outputs
        ]
    return outputs


def _without_sentence_marks(
    output: Generated | GenerationFailed, mark: str
) -> Generated | GenerationFailed:
    if not isinstance(output, Generated) or mark not in output.text:
        return output
    return output._replace(text=" ".join(output.text.replace(mark, " ").split()))


def _retry(
    loaded: LoadedModel,
    batch: list[int],
    error: BaseException,
    outputs: list[Generated | GenerationFailed],
    on_batch: Callable[[int], None] | None,
) -> list[list[int]]:
    """The halves of a batch whose generation raised ``error``, to try again; a single input
    gets its :class:`GenerationFailed` instead."""
    if len(batch) > 1:
        logger.debug(
            "%s model failed on a batch of %d inputs (%s); retrying it in halves",
            loaded.task, len(batch), _error_line(error),
        )  # fmt: skip
        middle = len(batch) // 2
        return [batch[:middle], batch[middle:]]
    outputs[batch[0]] = GenerationFailed(_failure_reason(loaded, error))
    logger.debug("generation failed for one input alone", exc_info=error)
    if on_batch is not None:
        on_batch(1)
    return []


def _error_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    line = shown(lines[0]) if lines else ""
    if len(line) > _ERROR_SHOWN:
        line = line[: _ERROR_SHOWN - 1] + "…"
    return f"{type(error).__name__}: {line}" if line else type(error).__name__


def tokenizer_failure(loaded: LoadedModel, error: BaseException) -> str:
    """Why a text failed: the model's tokenizer raised on it while it was measured for the
    window (an exception, or a fast tokenizer's Rust panic), a defect of ours or of a library
    that costs the text's article alone."""
    return (
        f"the {loaded.task} model's tokenizer failed on this text ({_error_line(error)}); a "
        "defect of summarize or of a library it uses, please report it with the article"
    )


def _failure_reason(loaded: LoadedModel, error: BaseException) -> str:
    """Why an input failed alone, naming the model and the error; for memory, what to lower."""
    model = f"the {loaded.task} model {shown(loaded.source.requested)}"
    out_of_memory = isinstance(error, MemoryError) or any(
        words in str(error).lower() for words in _OUT_OF_MEMORY
    )
    if out_of_memory:
        return (
            f"{model} ran out of memory generating for one input, even alone "
            f"({_error_line(error)}); lower its num_beams or output length "
            f"(max_new_tokens / max_length) in [{loaded.task}.generation]"
        )
    return f"{model} failed generating for one input, even alone ({_error_line(error)})"


class WindowTooSmall(ArticleError):
    """One character of an input does not fit the model's window beside its prefix and special
    tokens (the start-up check tries a letter and an emoji; a character the tokenizer expands,
    such as U+FDFA, can take more). The sentence or article fails; the run goes on."""


def split_to_window(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Split ``text`` into consecutive pieces that each satisfy ``fits``; joined by spaces they
    give back the text (modulo whitespace). Sentence ends and clause breaks first, then words,
    then characters."""
    if fits(text):
        return [text]
    for split in _CLAUSE_BREAKS:
        parts = [part for part in split(text) if part.strip()]
        if len(parts) > 1:
            return pack(parts, fits)
    words = text.split()
    if len(words) > 1:
        return pack(words, fits)
    # One "word" longer than the window (a URL, a run of symbols).
    return _split_run(text, fits)


def _split_run(text: str, fits: Callable[[str], bool]) -> list[str]:
    """A run without spaces longer than the window (a URL, text extracted without its spaces)
    cut between grapheme clusters into as few pieces as greedy filling needs, of even length
    where such pieces fit: cut into halves again and again, a run of 2.1 windows became four
    pieces, not three (opus-mt: 32 inputs for 9,386 tokens of a URL, 19 windows' worth). A
    cut at a code point split an emoji sequence or a letter from its accent (the model read
    "e" and a lone U+0301)."""
    import regex

    bounds = [0, *(cluster.end() for cluster in regex.finditer(r"\X", text))]
    ends: list[int] = []  # indices into ``bounds`` where each greedy piece ends
    start = 0
    while start < len(bounds) - 1:
        end = _longest_fitting_run(text, bounds, start, fits)
        if end == start:  # nothing left to cut: the prefix and special tokens fill the window
            cluster = text[bounds[start] : bounds[start + 1]]
            raise WindowTooSmall(
                f"the model's input window cannot hold even {cluster!r} beside its prefix and "
                "special tokens; raise max_input_tokens or shorten the prefix"
            )
        ends.append(end)
        start = end
    greedy = [text[bounds[a] : bounds[b]] for a, b in zip([0, *ends], ends, strict=False)]
    # As many pieces, cut where the characters are shared evenly, where each still fits: a
    # last piece of a few characters was translated or summarized alone.
    count = len(ends)
    cuts = [0, *(_nearest(bounds, len(text) * k / count) for k in range(1, count)), len(text)]
    even = [text[a:b] for a, b in itertools.pairwise(cuts)]
    if all(even) and all(fits(piece) for piece in even):
        return even
    if count >= 2:  # the last two at least: where their characters are shared most evenly
        greedy[-2:] = _even_run_pair(text, bounds, [0, *ends][-3], ends[-2], fits)
    return greedy


def _even_run_pair(
    text: str, bounds: list[int], first: int, cut: int, fits: Callable[[str], bool]
) -> list[str]:
    """Two neighbouring pieces of a run, ``bounds[first]`` to ``bounds[cut]`` (as full as the
    window allows) and from there to the end (what is left), cut as near their middle as the
    second still fits."""
    middle = bounds.index(_nearest(bounds, (bounds[first] + len(text)) / 2))
    low, high = min(max(middle, first + 1), cut), cut  # the second fits from ``cut`` on
    while low < high:  # the first cut from ``low`` on after which the second fits
        probe = (low + high) // 2
        if fits(text[bounds[probe] :]):
            high = probe
        else:
            low = probe + 1
    pair = [text[bounds[first] : bounds[low]], text[bounds[low] :]]
    # A shorter start counts no more tokens nearly always; by an exact count, to be sure.
    return pair if fits(pair[0]) else [text[bounds[first] : bounds[cut]], text[bounds[cut] :]]


def _nearest(bounds: list[int], position: float) -> int:
    """The boundary in sorted ``bounds`` nearest ``position``."""
    index = bisect.bisect_left(bounds, position)
    near = bounds[max(index - 1, 0) : index + 1]
    return min(near, key=lambda bound: abs(bound - position))


def _longest_fitting_run(
    text: str, bounds: list[int], start: int, fits: Callable[[str], bool]
) -> int:
    """The last index into ``bounds`` after ``start`` whose text from ``bounds[start]`` fits
    (``start`` where none does), found in doubling steps, then halving, as
    :func:`_parts_that_fit` does: never a count of much more than twice a window's text."""
    low, high, step = start, len(bounds) - 1, 1  # low is known to fit; high at most
    while low < high:
        probe = min(low + step, high)
        if not fits(text[bounds[start] : bounds[probe]]):
            high = probe - 1
            break
        low, step = probe, step * 2
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[bounds[start] : bounds[middle]]):
            low = middle
        else:
            high = middle - 1
    return low


def pack(parts: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Greedily join neighbouring parts (with a space) while the result still fits; a part that
    never fits on its own is split by :func:`split_to_window`, and a short piece beside its
    split joins the split's piece next to it where the two fit (:func:`_joined_beside_splits`).
    No piece ends with a word that reads on where that word fits with the next part
    (:func:`_cut_before`). The last two pieces are then evened out: filled greedily, the last
    was often a scrap (a German sentence's final verb, translated alone)."""
    groups: list[list[str]] = []  # each piece as its parts
    # the index of the part whose own split each piece is; None: packed parts
    split_of: list[int | None] = []
    current: list[str] = []
    index = 0
    while index < len(parts):
        taken = _parts_that_fit(current, parts, index, fits)
        current = [*current, *parts[index : index + taken]]
        index += taken
        if index == len(parts):
            break
        part = parts[index]  # does not fit after ``current``
        index += 1
        cut = _cut_before(current, part, fits)
        if cut:
            groups.append(current[:cut])
            split_of.append(None)
        if cut < len(current):  # the word that reads on goes on with ``part`` (it fits)
            current = [*current[cut:], part]
        elif fits(part):
            current = [part]
        else:
            split = split_to_window(part, fits)
            groups.extend([piece] for piece in split)
            split_of.extend([index - 1] * len(split))
            current = []
    if current:
        groups.append(current)
        split_of.append(None)
    groups, split_of = _joined_beside_splits(groups, split_of, fits)
    if len(groups) >= 2 and split_of[-1] is None and split_of[-2] is None:
        groups[-2:] = _even_pair(groups[-2], groups[-1], fits)
    return [" ".join(group) for group in groups]


def _joined_beside_splits(
    groups: list[list[str]], split_of: list[int | None], fits: Callable[[str], bool]
) -> tuple[list[list[str]], list[int | None]]:
    """``groups`` with each piece beside a part's own split joined to its neighbour where the
    two fit together. A part too long for the window closed the piece before it and started
    none after it, so a short clause beside it went to the model alone: "Er sagte," before a
    long clause, "sagte er." after one (opus-mt, 512 tokens: a sentence of 590 tokens became
    4 + 294 + 294 tokens, three inputs where two hold it). Greedy packing already filled the
    pieces between packed parts, and a part's split is its own (its pieces may be cut where no
    space was, inside a run), so only the places between a split and another piece are
    tried. A joined piece counts as the split's (``split_of``)."""
    joined: list[list[str]] = []
    joined_split_of: list[int | None] = []
    for group, part in zip(groups, split_of, strict=True):
        before = joined_split_of[-1] if joined else None
        if (
            joined
            and before != part  # not two packed pieces, nor two pieces of one split
            and fits(" ".join([*joined[-1], *group]))
        ):
            joined[-1] = [*joined[-1], *group]
            joined_split_of[-1] = part if before is None else before
        else:
            joined.append(group)
            joined_split_of.append(part)
    return joined, joined_split_of


def _parts_that_fit(
    current: list[str], parts: Sequence[str], start: int, fits: Callable[[str], bool]
) -> int:
    """How many of ``parts`` from ``start`` on still fit after ``current`` (joined with a
    space), found in doubling steps, then halving: a text that fits fits with fewer parts, so
    this is the count that adding them one by one finds. Asked part by part, a sentence of
    8,000 words (a list, text without its punctuation) took 8,000 counts of up to a window's
    text each, 19 s with DistilBART's tokenizer, and its English as much again."""
    low, high, step = 0, len(parts) - start, 1  # low parts are known to fit; high at most
    while low < high:
        probe = min(low + step, high)
        if not fits(" ".join([*current, *parts[start : start + probe]])):
            high = probe - 1
            break
        low, step = probe, step * 2
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join([*current, *parts[start : start + middle]])):
            low = middle
        else:
            high = middle - 1
    return low


def _cut_before(current: list[str], part: str, fits: Callable[[str], bool]) -> int:
    """How many of ``current``'s parts close a piece when ``part`` does not fit after them:
    all, but for a last word that reads on ("dem stv." | "Vorsitzenden"), which starts the next
    piece instead where it fits there beside ``part``."""
    if len(current) > 1 and _reads_on(current[-1], part) and fits(f"{current[-1]} {part}"):
        return len(current) - 1
    return len(current)


def _even_pair(first: list[str], second: list[str], fits: Callable[[str], bool]) -> list[list[str]]:
    """The parts of two neighbouring pieces cut where the two are closest in length and both
    still fit (the cut as it was, at the least)."""
    parts = [*first, *second]
    ends = list(itertools.accumulate(len(part) + 1 for part in parts))  # length up to each part
    total = ends[-1] - 1
    imbalance = abs(2 * ends[len(first) - 1] - total)
    cuts = sorted(range(1, len(parts)), key=lambda cut: abs(2 * ends[cut - 1] - total))
    for cut in cuts:
        if abs(2 * ends[cut - 1] - total) >= imbalance:
            break
        if _reads_on(parts[cut - 1], parts[cut]):  # "dem stv." | "Vorsitzenden": no cut there
            continue
        if fits(" ".join(parts[:cut])) and fits(" ".join(parts[cut:])):
            return [parts[:cut], parts[cut:]]
    return [first, second]


def window_pieces(sentences: Sequence[str], fits: Callable[[str], bool]) -> list[str]:
    """Every sentence as pieces that fit the window (most sentences are one piece)."""
    return [piece for sentence in sentences for piece in split_to_window(sentence, fits)]


# Parts a sentence longer than the summarizer's window is cut into before chunks are packed,
# per window: see _chunk_units.
_PARTS_PER_WINDOW = 8


def _chunk_units(
    sentences: Sequence[str], fits: Callable[[str], bool], count_tokens: Callable[[str], int]
) -> list[str]:
    """What chunks are packed from: each sentence that fits whole; one longer than the window
    in parts of at most an eighth of it (clause breaks first, then words; a longer word whole,
    where the window holds it). Cut into pieces as
    full as the window, such a sentence began a chunk of its own, and what stood before it
    made a chunk of its own too: a short first sentence before a long one was summarized
    alone ("[3, 98, 70, 71]" words for 242 of a 100-word window, three chunks' worth)."""
    units: list[str] = []
    overhead = count_tokens("")  # special tokens and prefix, counted once per chunk
    for sentence in sentences:
        pieces = split_to_window(sentence, fits)
        if len(pieces) == 1:
            units.extend(pieces)
            continue
        room = max(count_tokens(piece) for piece in pieces) - overhead  # the window's, nearly
        part_room = max(room // _PARTS_PER_WINDOW, 1)

        def fits_part(text: str, part_room: int = part_room) -> bool:
            # A word alone that the window holds stays whole, though longer than a part: cut
            # between its characters, "Kreislaufwirtschaftsgesetzgebungsverfahren" (16 tokens; a
            # 96-token window's parts hold 11) reached DistilBART as two words, in two chunks.
            return count_tokens(text) - overhead <= part_room or (
                len(text.split()) == 1 and fits(text)
            )

        for piece in pieces:
            try:
                units.extend(split_to_window(piece, fits_part))
            except WindowTooSmall:  # a character that takes more than a part's room
                units.append(piece)
    return units


def even_chunks(
    sentences: Sequence[str], fits: Callable[[str], bool], count_tokens: Callable[[str], int]
) -> list[str]:
    """As many chunks of whole sentences as greedy packing needs, but of even size.

    Greedy packing fills chunks to the window and leaves a short tail (1024 + 150 tokens):
    the tail's summary weighs as much as the rest in the reduce step, and batched with the full
    chunk it is mostly padding. This finds the smallest per-chunk budget that needs no more
    chunks, from per-sentence token counts, and keeps the greedy chunks if any result does not
    fit by an exact count. A sentence longer than the window is packed in parts
    (:func:`_chunk_units`), so it fills the chunk before it and the one after."""
    pieces = _chunk_units(sentences, fits, count_tokens)
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
    groups = _evened(_pack_sizes(sizes, low), sizes, low)
    chunks = [" ".join(pieces[i] for i in group) for group in groups]
    if len(chunks) <= len(greedy) and all(fits(chunk) for chunk in chunks):
        return chunks
    return greedy


# Sweeps of _evened at most: the first moves the room a short tail leaves towards the front;
# on 125 CNN/DM articles over a 256-token window none needed more than a few.
_EVENING_SWEEPS = 8


def _evened(groups: list[list[int]], sizes: list[int], budget: int) -> list[list[int]]:
    """``groups`` (of indices into ``sizes``, packed front first up to ``budget``) with the cut
    between each two neighbours moved to where the two are closest in size, each still within
    ``budget``; from the last pair to the first, again while a cut moves. Packed front first,
    the chunks before the tail filled up to the budget that one long sentence set, and the
    tail was left shorter than greedy packing leaves it (DistilBART's tokenizer, a 256-token
    window: a CNN/DM article in 247, 243 and 45 tokens where greedy packing gave 247, 226, 62).
    A cut moves only where the pair gets closer in size, so the sum of the squared sizes falls
    with each move; at most ``_EVENING_SWEEPS`` sweeps (each reads every unit once), so a
    document of many thousand sentences costs no more than a few passes over its sizes."""
    groups = [list(group) for group in groups]
    for _ in range(_EVENING_SWEEPS):
        moved = False
        for left in range(len(groups) - 2, -1, -1):
            pair = groups[left] + groups[left + 1]
            ends = list(itertools.accumulate(sizes[index] for index in pair))
            total = ends[-1]
            current = len(groups[left])
            best = min(
                (
                    cut
                    for cut in range(1, len(pair))
                    if ends[cut - 1] <= budget and total - ends[cut - 1] <= budget
                ),
                key=lambda cut: (abs(2 * ends[cut - 1] - total), cut != current),
                default=current,
            )
            if abs(2 * ends[best - 1] - total) < abs(2 * ends[current - 1] - total):
                groups[left], groups[left + 1] = pair[:best], pair[best:]
                moved = True
        if not moved:
            break
    return groups


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
