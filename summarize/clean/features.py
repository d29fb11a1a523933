"""Block features for the boilerplate classifier: signals that hold across sites.

Each block gets local signals (length, function-word density in German and English together,
sentence shape, punctuation, capitals, page words such as menu and button labels, the phrase
rules' hits) and the same signals of its neighbourhood (previous and next blocks, a window
around it), its place in the page and how often it repeats. jusText's observation drives the
context features: a short block between long text blocks is usually text, a long one among
menus usually is not.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from operator import methodcaller
from typing import NamedTuple

import numpy as np

from summarize.clean.blocks import CLOSERS, FINAL_MARKS, Block, language_function_words, word_data

# The block signals as patterns. Several are computed page-wide by other means that give the same
# counts (character classes, word starts, string tests; see _local); the patterns define them, and
# tests/test_clean_fast_paths.py holds the fast paths to them.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")
_UPPER_WORD = re.compile(r"\b[^\W\d_a-zäöüß]{2,}\b")
_PUNCTUATION = re.compile(r"[^\w\s]")
_FINAL = re.compile(r"[.!?…][\"'“”«»„‚‘’)\]]*$")
_TRUNCATED = re.compile(r"(\.\.\.|…)\s*\]?$")
_INNER_SENTENCE_END = re.compile(r"[.!?…][\"'“”«»)]?\s+[A-ZÄÖÜ„\"«»]")
_SEPARATOR = re.compile(r"[|»›«‹·•/>]|\s[-–]\s")
_LINK_LIKE = re.compile(r"https?://|www\.|\S+@\S+\.\w+|(?:^|\s)[@#]\w+|\.(?:de|com|at|ch|org)\b")
# _LINK_LIKE for a line without "@" or "#" (its other branches need one): much faster, since
# "\S+@" tries every start position.
_LINK_LIKE_PLAIN = re.compile(r"https?://|www\.|\.(?:de|com|at|ch|org)\b")
# _LINK_LIKE less its e-mail branch, "\S+@\S+\.\w+", which backtracks over every way to part a
# run of non-space characters that holds "@" and does not match: a line of ".@" 3,000 characters
# long took 79 s, and one three times as long hung the run. _email_like asks the same in one pass.
_LINK_LIKE_BUT_EMAIL = re.compile(r"https?://|www\.|(?:^|\s)[@#]\w+|\.(?:de|com|at|ch|org)\b")
_DOT_BEFORE_WORD = re.compile(r"\.\w")
_DATE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}\.\s(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober"
    r"|november|dezember)\b",
    re.IGNORECASE,
)
# _DATE, written to start with a digit (the re module then skips to the digits fast): "\b\d" is a
# digit with no word character before it, and the rest of each branch follows that digit.
_DATE_SCAN = re.compile(
    r"\d(?<!\w\d)(?:\d?\.\s?\d{1,2}\.\s?\d{2,4}\b|\d{3}-\d{2}-\d{2}\b|\d?:\d{2}\b"
    r"|\d?\.\s(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober"
    r"|november|dezember)\b)",
    re.IGNORECASE,
)
_GOOD_MIN_WORDS = 10
_GOOD_MIN_FUNCTION = 0.2
_WINDOW = 3
_NEAR_CAP = 10
_REGION_COST = 2.0
_REGION_COST_CAP = 15.0


@lru_cache(maxsize=1)
def word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(German and English function words together, page words)."""
    german, english = language_function_words()
    return german | english, word_data()["page_words"]


LOCAL_FEATURES = (
    "log_chars",
    "log_words",
    "function_share",
    "page_word_share",
    "ends_final",
    "ends_colon",
    "truncated",
    "inner_sentences",
    "comma_per_word",
    "punct_share",
    "digit_share",
    "capital_share",
    "upper_share",
    "mean_word_len",
    "starts_lower",
    "bullet",
    "separators",
    "link_like",
    "date_like",
    "blank_before",
    "blank_after",
    "repeats",
    "later_repeat",
)
RULE_FEATURES = (
    "share",
    "consent",
    "navigation",
    "teaser",
    "promo",
    "donation",
    "comments",
    "byline",
    "credit",
    "tail",
    "comment_blocks",
    "short_runs",
    "fragments",
)
_CONTEXT_SOURCES = ("log_words", "function_share", "ends_final", "page_word_share", "date_like")
CONTEXT_FEATURES = (
    *(f"{side}_{name}" for side in ("prev", "next", "prev2", "next2") for name in _CONTEXT_SOURCES),
    *(f"window_{name}" for name in _CONTEXT_SOURCES),
    "good",
    "window_good",
    "good_before",
    "good_after",
    "gap_before",
    "gap_after",
    "position",
    "chars_before_share",
    "before_first_good",
    "after_last_good",
    "page_log_blocks",
    "in_main",
    "before_main",
    "after_main",
    "main_word_share",
    "after_comments_marker",
)
FEATURE_NAMES: tuple[str, ...] = (*LOCAL_FEATURES, *RULE_FEATURES, *CONTEXT_FEATURES)


# A page's blocks are joined with this character for page-wide passes (one regex call per page
# instead of one per block); tidy_line removes it from every line, none of the patterns can match
# it, and at its side \b sees what it sees at a string's edge. "SEP|_WORD" finds the words and
# the block borders in one scan.
_SEP = "\x00"
_ELLIPSES = ("...", "…")
_WORD_TOKENS = re.compile(f"{_SEP}|(?:{_WORD.pattern})")
# _SEPARATOR is one of these characters or this pattern; the two never share a character, so its
# matches are the characters (counted by class) and this pattern's (counted by _spaced_dashes).
_SPACED_DASH = re.compile(r"\s[-–]\s")
_ODD_SPACE = re.compile(r"[^\S ]")

# Character classes as bits, as the re module defines them for str patterns: \w is
# str.isalnum() or "_", \d str.isdecimal(), \s str.isspace().
_IS_WORD, _IS_DIGIT, _IS_SPACE, _IS_LETTER, _IS_CAPITAL_CLASS = 1, 2, 4, 8, 16
_IS_CONNECTOR, _IS_UPPER = 32, 64  # _WORD's joining marks [-'’]; str.isupper()
_IS_SEPARATOR = 128  # _SEPARATOR's single characters
_LOWER_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")


def _char_bits(char: str) -> int:
    word = char.isalnum() or char == "_"
    digit = char.isdecimal()
    letter = word and not digit and char != "_"  # [^\W\d_]
    return (
        _IS_WORD * word
        + _IS_DIGIT * digit
        + _IS_SPACE * char.isspace()
        + _IS_LETTER * letter
        + _IS_CAPITAL_CLASS * (letter and char not in _LOWER_LATIN)  # _UPPER_WORD's class
        + _IS_CONNECTOR * (char in "-'’")
        + _IS_UPPER * char.isupper()
        + _IS_SEPARATOR * (char in "|»›«‹·•/>")
    )


_BMP_SIZE = 0x10000


@lru_cache(maxsize=1)
def _bmp_bits() -> np.ndarray:
    """The class bits of every code point below 0x10000 (64 KiB, made in about 20 ms): a page's
    bits are one lookup, not a sort of its rarer characters."""
    chars = map(chr, range(_BMP_SIZE))
    return np.fromiter(map(_char_bits, chars), dtype=np.uint8, count=_BMP_SIZE)


def _text_bits(text: str) -> np.ndarray:
    """The class bits of every character of ``text``."""
    return _code_bits(_text_codes(text))


def _text_codes(text: str) -> np.ndarray:
    """The code point of every character of ``text``."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _code_bits(codes: np.ndarray) -> np.ndarray:
    """The class bits of every code point of ``codes``."""
    bits = _bmp_bits().take(codes, mode="clip")  # clipped: the few higher ones are redone
    high = np.flatnonzero(codes >= _BMP_SIZE)
    if high.size:
        unique, inverse = np.unique(codes[high], return_inverse=True)
        unique_bits = np.asarray([_char_bits(chr(code)) for code in unique], dtype=np.uint8)
        bits[high] = unique_bits[inverse]
    return bits


def word_character_flags(text: str) -> np.ndarray:
    """For each character of ``text``: is it a word character (\\w)?"""
    return (_text_bits(text) & _IS_WORD) != 0


def _border_flags(tokens: list[str]) -> np.ndarray:
    return np.fromiter(map(_SEP.__eq__, tokens), dtype=bool, count=len(tokens))


_START = methodcaller("start")


def _block_counts(pattern: re.Pattern[str], joined: str, block_end: np.ndarray) -> np.ndarray:
    """Matches per block of a pattern that cannot match SEP (float64), from one page-wide scan:
    no match crosses a border, so the matches are those of each block on its own."""
    found = np.fromiter(map(_START, pattern.finditer(joined)), dtype=np.intp)
    return _block_counts_at(found, block_end)


# A block's last character as _ends_final sees it: a final mark (1), a closer (2), else 0.
_IS_FINAL_MARK, _IS_CLOSER = 1, 2
_ENDING_CODES = max(map(ord, (*FINAL_MARKS, *CLOSERS))) + 2  # the last entry stays 0
_ENDINGS = np.zeros(_ENDING_CODES, dtype=np.uint8)
_ENDINGS[[ord(mark) for mark in FINAL_MARKS]] = _IS_FINAL_MARK
_ENDINGS[[ord(closer) for closer in CLOSERS]] = _IS_CLOSER


def _spaced_dashes(codes: np.ndarray, bits: np.ndarray, block_end: np.ndarray) -> np.ndarray:
    """_SPACED_DASH's matches per block (float64), from the code points and class bits of the
    joined blocks: a dash with white space on both sides, and of a chain of such dashes two
    apart (" - - - ", where matches would share a space) every other one, as a left-to-right
    scan for non-overlapping matches takes them."""
    spaced = (bits & _IS_SPACE) != 0
    inner = codes[1:-1]
    dash = (inner == ord("-")) | (inner == ord("–"))
    found = np.flatnonzero(dash & spaced[:-2] & spaced[2:]) + 1
    if found.size > 1:
        chain_start = np.diff(found, prepend=-3) != 2
        first_of_chain = np.maximum.accumulate(np.where(chain_start, np.arange(found.size), 0))
        found = found[(np.arange(found.size) - first_of_chain) % 2 == 0]
    return _block_counts_at(found, block_end)


def _block_counts_at(positions: np.ndarray, block_end: np.ndarray) -> np.ndarray:
    """How many of ``positions`` (in the joined blocks) fall in each block (float64)."""
    blocks = np.searchsorted(block_end, positions, side="right")
    return np.bincount(blocks, minlength=len(block_end)).astype(np.float64)


def _ends_final(text: str) -> bool:
    """_FINAL.search(text) for a one-line text, without scanning it."""
    return text.rstrip(CLOSERS).endswith(FINAL_MARKS)


def _truncated(text: str) -> bool:
    """_TRUNCATED.search(text) for a one-line text, without scanning it."""
    return (text[:-1] if text.endswith("]") else text).rstrip().endswith(_ELLIPSES)


@lru_cache(maxsize=1)
def _word_codes() -> dict[str, int]:
    """Lower-case word -> 1 for a function word, + 2 for a page word."""
    function_words, page_words = word_lists()
    return {
        word: (word in function_words) + 2 * (word in page_words)
        for word in function_words | page_words
    }


_LOG_TABLE_SIZE = 4096
_LOG_COUNTS = (math.nan, *(math.log(i) for i in range(1, 64)))  # math.log of small counts


@lru_cache(maxsize=1)
def _log_counts_table() -> np.ndarray:
    return np.asarray(_LOG_COUNTS)


@lru_cache(maxsize=1)
def _log1p_table() -> np.ndarray:
    return np.asarray([math.log1p(i) for i in range(_LOG_TABLE_SIZE)])


def _log1p(values: np.ndarray) -> np.ndarray:
    """math.log1p of non-negative integers (the very values it gives, from a table)."""
    result = _log1p_table()[np.minimum(values, _LOG_TABLE_SIZE - 1)]
    for index in np.flatnonzero(values >= _LOG_TABLE_SIZE):
        result[index] = math.log1p(int(values[index]))
    return result


def _lowered_words(
    joined: str, in_word: np.ndarray, lowered: str | None = None
) -> list[str] | None:
    """_WORD's matches in ``joined``, each lower-cased: the lower-cased text with every character
    outside ``in_word`` (the characters of a match) made a space, split. A run of ``in_word`` is
    letters joined by single marks, as a match is, and holds no white space. None when
    lower-casing the text is not lower-casing each character alone: a character whose lower case
    is longer ("İ"), or a capital sigma (its lower case depends on what follows it).
    ``lowered``: ``joined.lower()`` where the caller has it."""
    if lowered is None:
        lowered = joined.lower()
    if len(lowered) != len(joined) or "\u03a3" in joined:
        return None
    codes = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    spaced = np.where(in_word, codes, np.uint32(ord(" ")))
    return spaced.tobytes().decode("utf-32-le").split()


class _PageText(NamedTuple):
    """A page's block texts joined by _SEP, as code points and their character classes."""

    texts: Sequence[str]
    joined: str
    codes: np.ndarray
    bits: np.ndarray
    lengths: np.ndarray  # each block's characters
    block_start: np.ndarray  # where each block starts in ``joined``
    block_end: np.ndarray  # and where it ends (exclusive)

    def chars_per_block(self, flags: np.ndarray) -> np.ndarray:
        """How many of each block's characters are flagged (``flags`` over ``joined``)."""
        running = np.concatenate(([0], np.cumsum(flags, dtype=np.intp)))
        return (running[self.block_end] - running[self.block_start]).astype(np.float64)


def _page_text(texts: Sequence[str]) -> _PageText:
    n = len(texts)
    joined = _SEP.join(texts)
    if joined.count(_SEP) != n - 1:
        raise ValueError("a block's text holds a NUL character (tidy_line removes them)")
    lengths = np.fromiter(map(len, texts), dtype=np.intp, count=n)
    block_start = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    codes = _text_codes(joined)
    return _PageText(
        texts, joined, codes, _code_bits(codes), lengths, block_start, block_start + lengths
    )


class _WordCounts(NamedTuple):
    """Per block: words (at least 1, a divisor), letters in words, capitalised words, and the
    function and page words among them."""

    words: np.ndarray
    letters: np.ndarray
    capitalised: np.ndarray
    function_words: np.ndarray
    page_words: np.ndarray


def _word_counts(page: _PageText, lowered: str | None) -> _WordCounts:
    # Words (_WORD: letters, joined by one of -'’ between letters): a letter starts a word unless
    # a letter, or a joining mark after a letter, comes right before it.
    bits = page.bits
    letter = (bits & _IS_LETTER) != 0
    connector = (bits & _IS_CONNECTOR) != 0
    letter_before = _shift(letter, 1, False)
    continues = letter & (letter_before | (_shift(connector, 1, False) & _shift(letter, 2, False)))
    starts = letter & ~continues
    in_word = letter | (connector & letter_before & _shift(letter, -1, False))
    word_counts_found = page.chars_per_block(starts)
    tokens = _lowered_words(page.joined, in_word, lowered)
    if tokens is None:  # a text whose lower case is not that of each character alone
        tokens = list(map(str.lower, _WORD.findall(page.joined)))
    if len(tokens) == int(word_counts_found.sum()):
        block_of = np.repeat(np.arange(len(page.texts)), word_counts_found.astype(np.intp))
    else:  # cannot happen (tests compare with _WORD); the tokens' own borders decide then
        tokens = _WORD_TOKENS.findall(page.joined)
        block_of = np.cumsum(_border_flags(tokens))
        tokens = list(map(str.lower, tokens))
    word_codes = np.fromiter(
        map(_word_codes().get, tokens, itertools.repeat(0)),
        dtype=np.int8,
        count=len(tokens),
    )

    def per_block(values: np.ndarray) -> np.ndarray:
        return np.bincount(block_of, weights=values, minlength=len(page.texts))

    return _WordCounts(
        words=np.maximum(word_counts_found, 1.0),
        letters=page.chars_per_block(in_word),
        capitalised=page.chars_per_block(starts & ((bits & _IS_UPPER) != 0)),
        function_words=per_block((word_codes & 1).astype(np.float64)),
        page_words=per_block((word_codes >> 1).astype(np.float64)),
    )


def _upper_words(page: _PageText) -> np.ndarray:
    """Per block, the all-capital words (_UPPER_WORD, \\b[class]{2,}\\b): runs of class
    characters (all word characters), two or more, with no word character on either side."""
    capital = (page.bits & _IS_CAPITAL_CLASS) != 0
    edges = np.flatnonzero(np.diff(capital, prepend=False, append=False))
    run_start, run_end = edges[::2], edges[1::2]
    word_char = (page.bits & _IS_WORD) != 0
    alone = ~np.concatenate(([False], word_char, [False]))  # by index + 1: no word character
    return _block_counts_at(
        run_start[(run_end - run_start >= 2) & alone[run_start] & alone[run_end + 1]],
        page.block_end,
    )


def _link_like(page: _PageText) -> np.ndarray:
    link_like = _block_counts(_LINK_LIKE_PLAIN, page.joined, page.block_end) > 0
    # The full link pattern only where it can add something: its other branches need @ or #.
    # str.find over the page is cheaper than a regex scan for two rare characters.
    marks = np.asarray(_find_all(page.joined, "@") + _find_all(page.joined, "#"), dtype=np.intp)
    at_or_hash = np.unique(np.searchsorted(page.block_end, marks, side="right"))
    for index in at_or_hash:
        link_like[index] = link_like_with_marks(page.texts[index])
    return link_like


def link_like_with_marks(text: str) -> bool:
    """Whether ``_LINK_LIKE`` finds something in ``text``, in time linear in its length."""
    return _LINK_LIKE_BUT_EMAIL.search(text) is not None or any(
        map(_email_like, (run for run in text.split() if "@" in run[1:]))
    )


def _email_like(run: str) -> bool:
    r"""Whether a run of non-space characters holds "\S+@\S+\.\w+": an "@" after its first
    character and, two or more characters after the first such "@", a dot before a word
    character."""
    at = run.find("@", 1)
    return at > 0 and _DOT_BEFORE_WORD.search(run, at + 2) is not None


def _date_like(page: _PageText, digits: np.ndarray) -> np.ndarray:
    # Every date pattern holds a digit: only blocks with digits are searched.
    date_like = np.zeros(len(page.texts), dtype=bool)
    with_digits = np.flatnonzero(digits)
    if with_digits.size:
        chosen = [page.texts[i] for i in with_digits]
        chosen_end = np.cumsum(np.fromiter(map(len, chosen), dtype=np.intp) + 1) - 1
        date_like[with_digits] = _block_counts(_DATE_SCAN, _SEP.join(chosen), chosen_end) > 0
    return date_like


def _endings(page: _PageText) -> tuple[np.ndarray, np.ndarray]:
    """(ends like a sentence, ends truncated) per block. The string tests at a block's end, from
    its last characters; only the few blocks that end in a closing quote or bracket, or in white
    space, are tested as strings."""
    codes, block_end = page.codes, page.block_end
    last = codes[block_end - 1]
    ending = _ENDINGS[np.minimum(last, _ENDING_CODES - 1)]
    ends_final = ending == _IS_FINAL_MARK
    for index in np.flatnonzero(ending == _IS_CLOSER).tolist():
        ends_final[index] = _ends_final(page.texts[index])
    before_last = codes[np.maximum(block_end - 2, 0)]
    third_last = codes[np.maximum(block_end - 3, 0)]
    truncated = (last == ord("…")) | (
        (last == ord(".")) & (before_last == ord(".")) & (third_last == ord("."))
    ) & (page.lengths >= 3)
    odd_end = (last == ord("]")) | ((page.bits[block_end - 1] & _IS_SPACE) != 0)
    for index in np.flatnonzero(odd_end).tolist():
        truncated[index] = _truncated(page.texts[index])
    return ends_final, truncated


def _local(
    blocks: Sequence[Block],
    texts: Sequence[str],
    word_counts: Sequence[int],
    lowered: str | None = None,
) -> np.ndarray:
    """The local features of all blocks of a page (columns LOCAL_FEATURES[:-2]); ``lowered``:
    the texts joined by SEP, lower-cased, where the caller has them."""
    page = _page_text(texts)
    bits, codes, block_end = page.bits, page.codes, page.block_end
    digits = page.chars_per_block((bits & _IS_DIGIT) != 0)
    punctuation = page.chars_per_block((bits & (_IS_WORD | _IS_SPACE)) == 0)  # [^\w\s]
    words = _word_counts(page, lowered)
    n_chars = np.maximum(page.lengths.astype(np.float64), 1.0)
    ends_final, truncated = _endings(page)

    def flags(values: Iterable[bool]) -> np.ndarray:  # arrays, not lists: converted faster
        return np.fromiter(values, dtype=bool, count=len(texts))

    columns = [
        _log1p(page.lengths),
        _log1p(np.asarray(word_counts, dtype=np.intp)),
        words.function_words / words.words,
        words.page_words / words.words,
        ends_final,
        codes[block_end - 1] == ord(":"),
        truncated,
        _block_counts(_INNER_SENTENCE_END, page.joined, block_end),
        page.chars_per_block(codes == ord(",")) / words.words,
        punctuation / n_chars,
        digits / n_chars,
        words.capitalised / words.words,
        _upper_words(page) / words.words,
        words.letters / words.words,
        flags(text[0].islower() for text in texts),
        flags(block.bullet != "" for block in blocks),
        page.chars_per_block((bits & _IS_SEPARATOR) != 0) + _spaced_dashes(codes, bits, block_end),
        _link_like(page),
        _date_like(page, digits),
        flags(block.blank_before for block in blocks),
        flags(block.blank_after for block in blocks),
    ]
    return np.asarray(columns, dtype=np.float64).T


def _shift(column: np.ndarray, offset: int, fill: float) -> np.ndarray:
    shifted = np.full_like(column, fill)
    if offset > 0:
        shifted[offset:] = column[:-offset]
    elif offset < 0:
        shifted[:offset] = column[-offset:]
    return shifted


def _shift_rows(rows: np.ndarray, offset: int) -> np.ndarray:
    """_shift(row, offset, 0.0) for every row of a 2-D array."""
    shifted = np.zeros_like(rows)
    if offset > 0:
        shifted[:, offset:] = rows[:, :-offset]
    elif offset < 0:
        shifted[:, :offset] = rows[:, -offset:]
    return shifted


def _window_mean_rows(rows: np.ndarray, radius: int) -> np.ndarray:
    """_window_mean(row, radius) for every row of a 2-D array (the same sums, row by row)."""
    n = rows.shape[1]
    padded = np.concatenate([np.zeros((rows.shape[0], 1)), np.cumsum(rows, axis=1)], axis=1)
    index = np.arange(n)
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, n)
    return (padded[:, high] - padded[:, low]) / (high - low)


def _window_mean(column: np.ndarray, radius: int) -> np.ndarray:
    padded = np.concatenate([[0.0], np.cumsum(column)])
    index = np.arange(len(column))
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, len(column))
    return (padded[high] - padded[low]) / (high - low)


def _window_means(column: np.ndarray, radii: Sequence[int]) -> list[np.ndarray]:
    """_window_mean(column, radius) for each radius, from one running sum."""
    padded = np.concatenate([[0.0], np.cumsum(column)])
    index = np.arange(len(column))
    means = []
    for radius in radii:
        low = np.maximum(index - radius, 0)
        high = np.minimum(index + radius + 1, len(column))
        means.append((padded[high] - padded[low]) / (high - low))
    return means


def _distance_to_previous(flags: np.ndarray) -> np.ndarray:
    """Blocks since the last flagged block before this one (capped)."""
    index = np.arange(len(flags))
    last = np.maximum.accumulate(np.where(flags != 0, index, -1))  # at or before each block
    previous = np.concatenate(([-1], last[:-1]))
    return np.where(previous >= 0, np.minimum(index - previous, _NEAR_CAP), _NEAR_CAP).astype(
        np.float64
    )


def _main_region(words: np.ndarray, good: np.ndarray) -> tuple[int, int]:
    """The run of blocks with the most text: maximum-sum segment where text blocks count their
    words and every other block costs (Kadane's algorithm)."""
    score = np.where(good > 0, words, -np.minimum(words, _REGION_COST_CAP) - _REGION_COST)
    best, best_start, best_end = -np.inf, 0, -1
    total, start = 0.0, 0
    for index, value in enumerate(score.tolist()):  # Python floats: the same sums, faster
        if total <= 0:
            total, start = 0.0, index
        total += value
        if total > best:
            best, best_start, best_end = total, start, index
    return best_start, best_end


def page_features(
    blocks: Sequence[Block],
    rule_hits: Mapping[str, Sequence[bool]],
    texts: Sequence[str] | None = None,
    word_counts: Sequence[int] | None = None,
    keys: Sequence[str] | None = None,
    lowered: str | None = None,
) -> np.ndarray:
    """The feature matrix of one page: one row per block, columns as in FEATURE_NAMES.

    ``texts`` are the blocks' texts as the classifier sees them (default: ``block.text``),
    ``word_counts`` their lengths in words (``len(text.split())``, computed when not given),
    ``keys`` their ``repeat_keys`` (computed when not given), ``lowered`` the texts joined by
    SEP and lower-cased (computed when not given)."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    if texts is None:
        texts = [block.text for block in blocks]
    if word_counts is None:
        word_counts = [len(text.split()) for text in texts]
    if keys is None:
        keys = repeat_keys(texts)
    first: dict[str, int] = {}
    first_of_key = np.fromiter(map(first.setdefault, keys, itertools.count()), np.intp, count=n)
    repeats = np.bincount(first_of_key, minlength=n)[first_of_key]
    log_repeats = _log_counts_table()[np.minimum(repeats, len(_LOG_COUNTS) - 1)]
    for index in np.flatnonzero(repeats >= len(_LOG_COUNTS)).tolist():
        log_repeats[index] = math.log(int(repeats[index]))
    later_repeat = first_of_key != np.arange(n)
    local = np.hstack(
        [_local(blocks, texts, word_counts, lowered), np.asarray([log_repeats, later_repeat]).T]
    )
    hits = itertools.chain.from_iterable(rule_hits[name] for name in RULE_FEATURES)
    rules = np.fromiter(hits, dtype=bool, count=len(RULE_FEATURES) * n).reshape(-1, n).T
    rules = rules.astype(np.float64)

    column = {name: local[:, i] for i, name in enumerate(LOCAL_FEATURES)}
    # The neighbours' values and window means of all context sources at once (one row each).
    sources = local[:, [LOCAL_FEATURES.index(name) for name in _CONTEXT_SOURCES]].T.copy()
    context: list[np.ndarray] = []
    for offset in (1, -1, 2, -2):
        context.extend(_shift_rows(sources, offset))
    context.extend(_window_mean_rows(sources, _WINDOW))
    good = (
        (np.exp(column["log_words"]) - 1 >= _GOOD_MIN_WORDS)
        & (column["function_share"] >= _GOOD_MIN_FUNCTION)
        & (column["ends_final"] > 0)
    ).astype(np.float64)
    context.append(good)
    context.append(_window_mean(good, _WINDOW))
    cumulative = np.cumsum(good)
    context.append(cumulative - good)  # good blocks before this one
    context.append(cumulative[-1] - cumulative)  # good blocks after
    context.append(_distance_to_previous(good))
    context.append(_distance_to_previous(good[::-1])[::-1])
    index = np.arange(n, dtype=np.float64)
    context.append(index / max(n - 1, 1))
    chars = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    context.append((np.cumsum(chars) - chars) / chars.sum())
    good_index = np.flatnonzero(good)
    first = good_index[0] if len(good_index) else n
    last = good_index[-1] if len(good_index) else -1
    context.append((index < first).astype(np.float64))
    context.append((index > last).astype(np.float64))
    context.append(np.full(n, math.log(n)))
    words = np.exp(column["log_words"]) - 1
    start, end = _main_region(words, good)
    context.append(((index >= start) & (index <= end)).astype(np.float64))
    context.append(np.minimum(np.maximum(start - index, 0), _NEAR_CAP * 3))
    context.append(np.minimum(np.maximum(index - end, 0), _NEAR_CAP * 3))
    context.append(np.full(n, words[start : end + 1].sum() / max(words.sum(), 1.0)))
    comment_hits = np.flatnonzero(rules[:, RULE_FEATURES.index("comments")])
    first_comment = comment_hits[0] if len(comment_hits) else n
    context.append((index > first_comment).astype(np.float64))
    return np.hstack([local, rules, np.asarray(context).T])


SMOOTHING_FEATURES = (
    "p",
    "prev_p",
    "next_p",
    "prev2_p",
    "next2_p",
    "window2_p",
    "window5_p",
    "window10_p",
    "mean_p_before",
    "mean_p_after",
    "text_before",
    "text_after",
    "text_distance_before",
    "text_distance_after",
)
_TEXT_PROBABILITY = 0.3


def smoothing_features(probability: np.ndarray) -> np.ndarray:
    """The first classifier's P(boilerplate) around each block: the second classifier sees the
    neighbours' classes (jusText's context smoothing, learnt instead of hand-set)."""
    n = len(probability)
    if n == 0:
        return np.zeros((0, len(SMOOTHING_FEATURES)))
    columns = [probability]
    for offset in (1, -1, 2, -2):
        columns.append(_shift(probability, offset, 1.0))
    columns.extend(_window_means(probability, (2, 5, 10)))
    cumulative = np.cumsum(probability)
    index = np.arange(n, dtype=np.float64)
    columns.append(np.where(index > 0, (cumulative - probability) / np.maximum(index, 1), 1.0))
    after = cumulative[-1] - cumulative
    columns.append(np.where(index < n - 1, after / np.maximum(n - 1 - index, 1), 1.0))
    text = (probability < _TEXT_PROBABILITY).astype(np.float64)
    text_cumulative = np.cumsum(text)
    columns.append(np.log1p(text_cumulative - text))
    columns.append(np.log1p(text_cumulative[-1] - text_cumulative))
    columns.append(_distance_to_previous(text))
    columns.append(_distance_to_previous(text[::-1])[::-1])
    return np.asarray(columns).T


TEXT_RUN_FEATURES = (
    "in_text_run",
    "blocks_before_text_run",
    "blocks_after_text_run",
    "words_to_text_run",
    "words_from_text_run",
    "text_words_before",
    "text_words_after",
    "page_mean_p",
    "page_word_mean_p",
    "p_rank",
    "p_above_median",
    "page_text_share",
    "log_words_vs_text",
    "log_words_vs_longest",
)


def _best_run(score: np.ndarray) -> tuple[int, int]:
    """The maximum-sum run of ``score`` (first and last index), from prefix sums: it ends where
    the prefix sum minus its lowest earlier value peaks, and starts after that lowest value."""
    prefix = np.concatenate(([0.0], np.cumsum(score)))
    lowest = np.minimum.accumulate(prefix[:-1])
    end = int(np.argmax(prefix[1:] - lowest))
    start = int(np.argmin(prefix[: end + 1]))
    return start, end


def text_run_features(probability: np.ndarray, log_words: np.ndarray) -> np.ndarray:
    """Where each block stands relative to the page's article text as the first classifier sees
    it: the run of blocks with the most text (blocks it calls text count their words, the others
    cost), the text before and after the block, and the page's overall verdicts. Text-like
    boilerplate (reader comments, author boxes, teasers) mostly stands after that run."""
    n = len(probability)
    if n == 0:
        return np.zeros((0, len(TEXT_RUN_FEATURES)))
    words = np.expm1(log_words)
    index = np.arange(n, dtype=np.float64)
    text = probability < 0.5
    score = np.where(
        text,
        words * (1.0 - 2.0 * probability),
        -np.minimum(words, _REGION_COST_CAP) * (2.0 * probability - 1.0) - 1.0,
    )
    start, end = _best_run(score)
    cumulative = np.cumsum(words)
    total = max(float(cumulative[-1]), 1.0)
    words_before_run = cumulative[start] - words[start]
    text_words = words * (1.0 - probability)
    text_cumulative = np.cumsum(text_words)
    text_total = max(float(text_cumulative[-1]), 1.0)
    text_log_words = log_words[text] if text.any() else log_words
    columns = [
        ((index >= start) & (index <= end)).astype(np.float64),
        np.minimum(np.maximum(start - index, 0), _NEAR_CAP * 3),
        np.minimum(np.maximum(index - end, 0), _NEAR_CAP * 3),
        np.clip((words_before_run - cumulative) / total, 0.0, 1.0),
        np.clip((cumulative - words - cumulative[end]) / total, 0.0, 1.0),
        (text_cumulative - text_words) / text_total,
        (text_total - text_cumulative) / text_total,
        np.full(n, probability.mean()),
        np.full(n, np.average(probability, weights=words + 1.0)),
        probability.argsort(kind="stable").argsort() / max(n - 1, 1),
        probability - np.median(probability),
        np.full(n, text.mean()),
        log_words - np.median(text_log_words),
        log_words - log_words.max(),
    ]
    return np.asarray(columns).T


def repeat_keys(texts: Sequence[str]) -> list[str]:
    """What makes blocks repeats of each other: the case-folded text with every white space
    run made one space (``" ".join(text.casefold().split())``)."""
    folded_page = _SEP.join(texts).casefold()
    # Most pages are tidy already (only single inner spaces): then the split page is the keys,
    # without rebuilding each one.
    if (
        _ODD_SPACE.search(folded_page)
        or "  " in folded_page
        or folded_page[:1] == " "
        or folded_page[-1:] == " "
        or f"{_SEP} " in folded_page
        or f" {_SEP}" in folded_page
    ):
        return [" ".join(text.split()) for text in folded_page.split(_SEP)]
    return folded_page.split(_SEP)


def _find_all(text: str, mark: str) -> list[int]:
    """Every index of ``mark`` in ``text``."""
    found, at = [], text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found
