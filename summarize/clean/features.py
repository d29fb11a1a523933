"""Block features for the boilerplate classifier: signals that hold across sites.

Each block gets local signals (length, function-word density in German and English together,
sentence shape, punctuation, capitals, page words such as menu and button labels, the phrase
rules' hits) and the same signals of its neighbourhood (previous and next blocks, a window
around it), its place in the page and how often it repeats. jusText's observation drives the
context features: a short block between long text blocks is usually text, a long one among
menus usually is not.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from summarize.clean.blocks import Block

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
_DATE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}\.\s(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober"
    r"|november|dezember)\b",
    re.IGNORECASE,
)
_GOOD_MIN_WORDS = 10
_GOOD_MIN_FUNCTION = 0.2
_WINDOW = 3
_NEAR_CAP = 10
_REGION_COST = 2.0
_REGION_COST_CAP = 15.0


@lru_cache(maxsize=1)
def _word_data() -> dict[str, frozenset[str]]:
    data = tomllib.loads(
        resources.files("summarize").joinpath("data/clean_words.toml").read_text(encoding="utf-8")
    )
    return {name: frozenset(words.split()) for name, words in data.items()}


def language_function_words() -> tuple[frozenset[str], frozenset[str]]:
    """(German, English) function words."""
    data = _word_data()
    return data["german_function_words"], data["english_function_words"]


@lru_cache(maxsize=1)
def word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(German and English function words together, page words)."""
    german, english = language_function_words()
    return german | english, _word_data()["page_words"]


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


def _local(block: Block, function_words: frozenset[str], page_words: frozenset[str]) -> list[float]:
    text = block.text
    words = _WORD.findall(text)
    lowered = list(map(str.lower, words))
    n_words = len(words) or 1
    n_chars = len(text) or 1
    letters = sum(map(len, words))
    initials = [w[0] for w in words]
    digits = len(_DIGIT.findall(text))
    return [
        math.log1p(len(text)),
        math.log1p(len(text.split())),
        sum(map(function_words.__contains__, lowered)) / n_words,
        sum(map(page_words.__contains__, lowered)) / n_words,
        float(bool(_FINAL.search(text))),
        float(text.endswith(":")),
        float(bool(_TRUNCATED.search(text))),
        float(len(_INNER_SENTENCE_END.findall(text))),
        text.count(",") / n_words,
        len(_PUNCTUATION.findall(text)) / n_chars,
        digits / n_chars,
        sum(map(str.isupper, initials)) / n_words,
        len(_UPPER_WORD.findall(text)) / n_words,
        letters / n_words,
        float(text[0].islower()),
        float(bool(block.bullet)),
        float(len(_SEPARATOR.findall(text))),
        float(bool(_link_pattern(text).search(text))),
        float(bool(digits and _DATE.search(text))),  # every date pattern has a digit
        float(block.blank_before),
        float(block.blank_after),
    ]


def _link_pattern(text: str) -> re.Pattern[str]:
    return _LINK_LIKE if "@" in text or "#" in text else _LINK_LIKE_PLAIN


def _shift(column: np.ndarray, offset: int, fill: float) -> np.ndarray:
    shifted = np.full_like(column, fill)
    if offset > 0:
        shifted[offset:] = column[:-offset]
    elif offset < 0:
        shifted[:offset] = column[-offset:]
    return shifted


def _window_mean(column: np.ndarray, radius: int) -> np.ndarray:
    padded = np.concatenate([[0.0], np.cumsum(column)])
    index = np.arange(len(column))
    low = np.maximum(index - radius, 0)
    high = np.minimum(index + radius + 1, len(column))
    return (padded[high] - padded[low]) / (high - low)


def _distance_to_previous(flags: np.ndarray) -> np.ndarray:
    """Blocks since the last flagged block before this one (capped)."""
    distance = np.full(len(flags), float(_NEAR_CAP))
    last = -1
    for index, flag in enumerate(flags):
        if last >= 0:
            distance[index] = min(index - last, _NEAR_CAP)
        if flag:
            last = index
    return distance


def _main_region(words: np.ndarray, good: np.ndarray) -> tuple[int, int]:
    """The run of blocks with the most text: maximum-sum segment where text blocks count their
    words and every other block costs (Kadane's algorithm)."""
    score = np.where(good > 0, words, -np.minimum(words, _REGION_COST_CAP) - _REGION_COST)
    best, best_start, best_end = -np.inf, 0, -1
    total, start = 0.0, 0
    for index, value in enumerate(score):
        if total <= 0:
            total, start = 0.0, index
        total += value
        if total > best:
            best, best_start, best_end = total, start, index
    return best_start, best_end


def page_features(blocks: Sequence[Block], rule_hits: Mapping[str, Sequence[bool]]) -> np.ndarray:
    """The feature matrix of one page: one row per block, columns as in FEATURE_NAMES."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    function_words, page_words = word_lists()
    keys = [" ".join(block.text.casefold().split()) for block in blocks]
    counts = Counter(keys)
    seen: set[str] = set()
    rows = []
    for block, key in zip(blocks, keys, strict=True):
        row = _local(block, function_words, page_words)
        row.append(math.log(counts[key]))
        row.append(float(key in seen))
        seen.add(key)
        rows.append(row)
    local = np.asarray(rows, dtype=np.float64)
    rules = np.asarray([rule_hits[name] for name in RULE_FEATURES], dtype=np.float64).T.reshape(
        n, len(RULE_FEATURES)
    )

    column = {name: local[:, i] for i, name in enumerate(LOCAL_FEATURES)}
    context = []
    for offset in (1, -1, 2, -2):
        for name in _CONTEXT_SOURCES:
            context.append(_shift(column[name], offset, 0.0))
    for name in _CONTEXT_SOURCES:
        context.append(_window_mean(column[name], _WINDOW))
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
    chars = np.asarray([len(block.text) for block in blocks], dtype=np.float64)
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
    for radius in (2, 5, 10):
        columns.append(_window_mean(probability, radius))
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
