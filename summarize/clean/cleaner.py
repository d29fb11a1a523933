"""The cleaner: named rules and a block classifier decide which blocks of a page are article text.

A block (a line, hard-wrapped lines joined) is kept whole or dropped whole; the only edits inside a
kept block are a clear list bullet cut from its start (rule ``bullets``) and a photo credit or app
promotion cut from its end (span rules ``credit`` and ``promo``), and each is recorded. Every
dropped block is recorded with the rule that dropped it, so ``summarize inspect`` and the brief's
appendix account for every character taken.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from summarize.clean.blocks import Block, PhraseRule, phrase_rules, split_blocks
from summarize.clean.features import RULE_FEATURES, page_features
from summarize.clean.language import is_foreign
from summarize.clean.model import BlockClassifier, packaged_model

_FINAL_MARK = re.compile(r"[.!?…][\"'“”«»„‚‘’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'“”«»„‚‘’)\]]*$")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_WORD = re.compile(r"[^\w\s]")

_HEADLINE_MIN_WORDS = 4
_HEADLINE_MAX_WORDS = 30
_HEADLINE_SEARCH_LINES = 8
_LABEL_MAX_WORDS = 3
_SHORT_LINE_MAX_WORDS = 5
_SHORT_RUN_MIN_LINES = 3
_LEAD_MAX_WORDS = 60
_TAIL_MIN_SHARE = 0.5  # a tail marker counts only in the last half of the text
_COMMENT_META = re.compile(
    r"^\d{1,2}\.\d{1,2}\.(\d{2}|\d{4})[ ,]*\d{1,2}[:.]\d{2}(\s*uhr)?\s*(registriert\b.*)?$"
    r"|registriert (seit )?\w+ \d{4}$",
    re.IGNORECASE,
)
_COMMENT_END = re.compile(
    r"^(\d{1,5}|melden|antworten|zum kommentar|reply|report|gefällt mir|\d+ antworten)$",
    re.IGNORECASE,
)
_COMMENT_MAX_LINES = 8
_RESCUE_MARGIN = 0.15  # an emptied page gets back the blocks this close to its most text-like
_HEADLINE_LOOKBACK = 4  # blocks above the first body block searched for the headline
_SUBHEADING_MAX_WORDS = 15

SPAN_RULES = ("credit", "promo")
LINE_RULES = ("share", "consent", "navigation", "teaser", "promo", "donation", "comments", "byline")
STRUCTURAL_RULES = (
    "tail",
    "comment_blocks",
    "duplicates",
    "short_runs",
    "fragments",
    "not_german",
    "header_labels",
)
CLASSIFIER_RULE = "classifier"
BULLET_RULE = "bullets"
RULE_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys((*SPAN_RULES, *LINE_RULES, *STRUCTURAL_RULES, CLASSIFIER_RULE, BULLET_RULE))
)
# The order in which rules claim a block (the first that fires is recorded).
_BLOCK_RULES = ("tail", "comment_blocks", *LINE_RULES, "short_runs", "fragments", "not_german")
# Blunt structural rules: with the classifier on they need its P(boilerplate) >= this as well.
SOFT_RULES = frozenset({"tail", "short_runs", "header_labels"})
SOFT_RULE_MIN_PROBABILITY = 0.65


@dataclass(frozen=True)
class Dropped:
    rule: str
    text: str


@dataclass(frozen=True)
class CleanArticle:
    title: str | None
    paragraphs: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    has_lead: bool = False  # paragraphs[0] is a subtitle / lead under the headline

    def dropped_counts(self) -> dict[str, int]:
        return dict(Counter(item.rule for item in self.dropped))


@dataclass(frozen=True)
class CleanOptions:
    enabled: bool = True
    disabled: frozenset[str] = field(default_factory=frozenset)

    def active(self, rule: str) -> bool:
        return self.enabled and rule not in self.disabled


@dataclass(frozen=True)
class PageAnalysis:
    """A page as the cleaner sees it: blocks, their text after span cuts, rule hits, features."""

    blocks: tuple[Block, ...]
    texts: tuple[str, ...]
    span_drops: tuple[tuple[int, Dropped], ...]  # (block index, what a span rule cut)
    emptied_by: tuple[str | None, ...]  # span rule that left nothing of a block
    hits: dict[str, tuple[bool, ...]]
    features: np.ndarray
    duplicate_keys: tuple[str, ...]  # each text as compared for repeats


def _words(line: str) -> int:
    return len(line.split())


def _is_short(line: str) -> bool:
    return _words(line) <= _SHORT_LINE_MAX_WORDS and not _FINAL_MARK.search(line)


def _tail_start(lines: Sequence[str], marker: PhraseRule) -> int | None:
    total = sum(_words(line) for line in lines) or 1
    seen = 0
    for index, line in enumerate(lines):
        if seen >= _TAIL_MIN_SHARE * total and marker.matches(line):
            return index
        seen += _words(line)
    return None


def _comment_block_members(lines: Sequence[str]) -> set[int]:
    """Reader comments: [user name] + date/time line + text ... + votes / 'Melden' line."""
    members: set[int] = set()
    for index, line in enumerate(lines):
        if not (_COMMENT_META.search(line) and _words(line) <= 8):
            continue
        block = {index}
        if index > 0 and _words(lines[index - 1]) <= _LABEL_MAX_WORDS:
            block.add(index - 1)  # the user name above the date
        for offset in range(1, _COMMENT_MAX_LINES + 1):
            following = index + offset
            if following >= len(lines) or _COMMENT_META.search(lines[following]):
                break
            if _COMMENT_END.search(lines[following]):
                block.update(range(index, following + 1))
                break
        members |= block
    return members


def _short_run_members(lines: Sequence[str]) -> set[int]:
    members: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, "."]):  # sentinel closes the last run
        if index < len(lines) and _is_short(line):
            run.append(index)
            continue
        if len(run) >= _SHORT_RUN_MIN_LINES:
            members.update(run)
        run = []
    return members


def _is_fragment(line: str) -> bool:
    if not _LETTER.search(line):
        return True  # numbers, vote counts, separators
    return line[0].islower() and _is_short(line)


def _duplicate_key(line: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", line.casefold()).split())


def _duplicate_flags(keys: Sequence[str]) -> list[bool]:
    seen: set[str] = set()
    flags = []
    for key in keys:
        flags.append(key in seen)
        seen.add(key)
    return flags


def _cut_spans(
    text: str, rule: str, patterns: Sequence[re.Pattern[str]], cuts: list[Dropped]
) -> str:
    for pattern in patterns:
        match = pattern.search(text)
        if match and match.group(0).strip():
            cuts.append(Dropped(rule, match.group(0).strip()))
            text = (text[: match.start()] + " " + text[match.end() :]).strip()
    return text


def analyse(text: str, options: CleanOptions) -> PageAnalysis:
    """Blocks, span cuts, every rule's hits and the classifier's features for one page."""
    rules = phrase_rules()
    blocks = tuple(split_blocks(text, strip_bullets=options.active(BULLET_RULE)))
    texts: list[str] = []
    span_drops: list[tuple[int, Dropped]] = []
    emptied_by: list[str | None] = []
    for index, block in enumerate(blocks):
        line = block.text
        emptied: str | None = None
        for name in SPAN_RULES:
            if not options.active(name):
                continue
            cuts: list[Dropped] = []
            line = _cut_spans(line, name, rules[name].span, cuts)
            span_drops += [(index, cut) for cut in cuts]
            if emptied is None and cuts and not (_LETTER.search(line) or _has_digit(line)):
                emptied = name
        texts.append(line if emptied is None else block.text)
        emptied_by.append(emptied)
    hits: dict[str, tuple[bool, ...]] = {}
    for name in LINE_RULES:
        hits[name] = tuple(rules[name].matches(line) for line in texts)
    hits["credit"] = tuple(
        rules["credit"].matches(line) or emptied == "credit"
        for line, emptied in zip(texts, emptied_by, strict=True)
    )
    start = _tail_start(texts, rules["tail"])
    hits["tail"] = tuple(start is not None and i >= start for i in range(len(texts)))
    comment_members = _comment_block_members(texts)
    hits["comment_blocks"] = tuple(i in comment_members for i in range(len(texts)))
    duplicate_keys = tuple(_duplicate_key(line) for line in texts)
    hits["duplicates"] = tuple(_duplicate_flags(duplicate_keys))
    short_members = _short_run_members(texts)
    hits["short_runs"] = tuple(i in short_members for i in range(len(texts)))
    hits["fragments"] = tuple(_is_fragment(line) for line in texts)
    hits["not_german"] = tuple(is_foreign(line) for line in texts)
    shown = [
        Block(line, block.bullet, block.blank_before, block.blank_after)
        for line, block in zip(texts, blocks, strict=True)
    ]
    features = page_features(shown, {name: hits[name] for name in RULE_FEATURES})
    return PageAnalysis(
        blocks, tuple(texts), tuple(span_drops), tuple(emptied_by), hits, features, duplicate_keys
    )


def _has_digit(line: str) -> bool:
    return any(ch.isdigit() for ch in line)


def _is_headline(line: str) -> bool:
    return _HEADLINE_MIN_WORDS <= _words(line) <= _HEADLINE_MAX_WORDS and not line.endswith(
        (".", ":", ",")
    )


def _is_body(line: str) -> bool:
    return _words(line) >= 12 and bool(_SENTENCE_END.search(line))


def find_headline(lines: Sequence[str]) -> int | None:
    """Index of the headline among the first lines, or None when the article has none.

    Section labels, kickers and breadcrumbs ("Politik", "Nordkorea") are too short to qualify;
    the search stops at the first line that reads as body text."""
    for index, line in enumerate(lines[:_HEADLINE_SEARCH_LINES]):
        if _is_body(line):
            return None
        if _is_headline(line):
            return index
    return None


def _is_lead(lines: Sequence[str]) -> bool:
    return (
        len(lines) >= 2
        and _words(lines[0]) <= _LEAD_MAX_WORDS
        and bool(_FINAL_MARK.search(lines[0]))
    )


def block_decisions(
    page: PageAnalysis, options: CleanOptions, model: BlockClassifier | None = None
) -> list[str | None]:
    """The rule that drops each block, or None for a kept block.

    The phrase rules drop what they match. The blunter structural rules (``SOFT_RULES``) drop a
    block, with the classifier on, only when the classifier does not find it clearly text. A
    repeated block goes only when an earlier copy is kept, so a repeat never takes text away."""
    probability = None
    if options.active(CLASSIFIER_RULE) and len(page.blocks):
        model = model or packaged_model()
        probability = model.drop_probability(page.features)

    def soft_allows(index: int) -> bool:
        return probability is None or probability[index] >= SOFT_RULE_MIN_PROBABILITY

    active_rules = [(name, page.hits[name]) for name in _BLOCK_RULES if options.active(name)]
    decisions: list[str | None] = []
    for index in range(len(page.blocks)):
        rule = page.emptied_by[index]
        if rule is None:
            rule = next(
                (
                    name
                    for name, hits in active_rules
                    if hits[index] and (name not in SOFT_RULES or soft_allows(index))
                ),
                None,
            )
        decisions.append(rule)
    if probability is not None and model is not None:
        for index, rule in enumerate(decisions):
            if rule is None and probability[index] > model.threshold_probability:
                decisions[index] = CLASSIFIER_RULE
        _give_back_headings(page.texts, decisions)
    if options.active("header_labels"):
        # Section labels, kickers and breadcrumbs stand above the body text, never inside it.
        body_start = next(
            (i for i, rule in enumerate(decisions) if rule is None and _is_body(page.texts[i])), 0
        )
        for index in range(body_start):
            line = page.texts[index]
            if (
                decisions[index] in (None, CLASSIFIER_RULE)
                and _words(line) <= _LABEL_MAX_WORDS
                and not _FINAL_MARK.search(line)
                and soft_allows(index)
            ):
                decisions[index] = "header_labels"
    if options.active("duplicates"):
        # A repeat of a kept block goes; a copy the classifier took while another copy is kept
        # is recorded as the repeat it is.
        keys = page.duplicate_keys
        kept_keys = {key for key, rule in zip(keys, decisions, strict=True) if rule is None}
        seen: set[str] = set()
        for index, (key, rule) in enumerate(zip(keys, decisions, strict=True)):
            if rule is None:
                if key in seen:
                    decisions[index] = "duplicates"
                seen.add(key)
            elif rule == CLASSIFIER_RULE and key in kept_keys:
                decisions[index] = "duplicates"
    if probability is not None and all(decisions):
        # Never empty a page: give back its most text-like blocks.
        candidates = [i for i, rule in enumerate(decisions) if rule == CLASSIFIER_RULE]
        if candidates:
            best = min(probability[i] for i in candidates)
            for i in candidates:
                if probability[i] <= best + _RESCUE_MARGIN:
                    decisions[i] = None
    return decisions


def _give_back_headings(texts: Sequence[str], decisions: list[str | None]) -> None:
    """The development set rarely labels headlines and sub-headings, so the classifier is unsure
    of them; the article needs them. A headline-shaped block just above the first body block
    and a heading-shaped block between two body blocks stay unless a phrase rule took them."""

    def body(index: int) -> bool:
        return 0 <= index < len(texts) and decisions[index] is None and _is_body(texts[index])

    vetoable = (CLASSIFIER_RULE, *SOFT_RULES)
    first_body = next((i for i in range(len(texts)) if body(i)), None)
    if first_body is not None:
        for index in range(first_body - 1, max(first_body - _HEADLINE_LOOKBACK, 0) - 1, -1):
            if _is_headline(texts[index]) and decisions[index] in (None, *vetoable):
                decisions[index] = None
                break
    for index, text in enumerate(texts):
        if (
            decisions[index] in vetoable
            and _words(text) <= _SUBHEADING_MAX_WORDS
            and body(index - 1)
            and body(index + 1)
        ):
            decisions[index] = None


def clean_text(
    text: str, options: CleanOptions | None = None, *, model: BlockClassifier | None = None
) -> CleanArticle:
    """Headline, body paragraphs and the record of everything removed, for one page of text."""
    options = options or CleanOptions()
    page = analyse(text, options)
    return assemble(page, block_decisions(page, options, model), options)


def assemble(
    page: PageAnalysis, decisions: Sequence[str | None], options: CleanOptions
) -> CleanArticle:
    """The article from a page and the decision for each block (see :func:`block_decisions`)."""
    dropped: list[Dropped] = []
    kept: list[str] = []
    span_cuts: dict[int, list[Dropped]] = {}
    for index, cut in page.span_drops:
        span_cuts.setdefault(index, []).append(cut)
    for index, (block, line, rule) in enumerate(
        zip(page.blocks, page.texts, decisions, strict=True)
    ):
        if rule is not None:
            whole = f"{block.bullet} {block.text}" if block.bullet else block.text
            dropped.append(Dropped(rule, whole))
            continue
        if block.bullet:
            dropped.append(Dropped(BULLET_RULE, block.bullet))
        dropped += span_cuts.get(index, [])
        kept.append(line)

    headline_index = find_headline(kept)
    title: str | None = None
    if headline_index is not None:
        title = kept.pop(headline_index)
    return CleanArticle(
        title=title,
        paragraphs=tuple(kept),
        dropped=tuple(dropped),
        has_lead=title is not None and _is_lead(kept),
    )
