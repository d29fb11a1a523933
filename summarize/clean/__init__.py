"""Clean: turn raw article text into a headline, an optional lead and body paragraphs.

Named rules (phrase lists in ``data/boilerplate.toml``, structural rules in ``cleaner.py``) and a
block classifier (``model.py``, weights in ``data/clean_model.json``) decide which blocks are
article text. Each can be switched off (``[clean] disable = [...]``), and every removed block or
cut is recorded as a :class:`Dropped` item with the rule that removed it.
"""

from summarize.clean.blocks import Block, normalize_line, split_blocks
from summarize.clean.cleaner import (
    RULE_NAMES,
    CleanArticle,
    CleanOptions,
    Dropped,
    PageAnalysis,
    analyse,
    assemble,
    block_decisions,
    clean_text,
    find_headline,
)
from summarize.clean.language import (
    NotGermanError,
    check_language,
    is_foreign,
    reads_as_english,
    reads_as_german,
)

__all__ = [
    "RULE_NAMES",
    "Block",
    "CleanArticle",
    "CleanOptions",
    "Dropped",
    "NotGermanError",
    "PageAnalysis",
    "analyse",
    "assemble",
    "block_decisions",
    "check_language",
    "clean_text",
    "find_headline",
    "is_foreign",
    "normalize_line",
    "reads_as_english",
    "reads_as_german",
    "split_blocks",
]
