"""Checks on a brief: faithfulness flags, translation warnings and key facts.

- :mod:`~summarize.checks.facts`: numbers, names and quotes of a summary the sources do not state;
- :mod:`~summarize.checks.quantities`: numbers, dates and scores read alike in German and English;
- :mod:`~summarize.checks.translation_warnings`: what looks wrong with one sentence's translation;
- :mod:`~summarize.checks.key_facts`: an article's numbers, dates and names with their places;
- :mod:`~summarize.checks.words`: how every check reads words.
"""

from summarize.checks.facts import (
    Flag,
    FlagKind,
    checkable_facts,
    find_names,
    unsupported_facts,
)
from summarize.checks.key_facts import KeyFact, find_key_facts, key_facts
from summarize.checks.quantities import Quantity, find_quantities, is_supported, parse_digits
from summarize.checks.translation_warnings import (
    TranslationWarning,
    WarningKind,
    translation_warnings,
)

__all__ = [
    "Flag",
    "FlagKind",
    "KeyFact",
    "Quantity",
    "TranslationWarning",
    "WarningKind",
    "checkable_facts",
    "find_key_facts",
    "find_names",
    "find_quantities",
    "is_supported",
    "key_facts",
    "parse_digits",
    "translation_warnings",
    "unsupported_facts",
]
