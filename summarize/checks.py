"""Check: is every number, name and quote of a summary backed by the article?

Abstractive summarizers add facts the article never stated. :func:`unsupported_facts` compares a
summary with the English translation (and the German source, when given) and returns what it
cannot find there. It errs towards silence: a number in any written form, a name in any
spelling of its parts ("Kim Jong Un" = "Kim Jong-un"), a quote with other punctuation all count
as found. :func:`translation_warnings` flags suspicious sentence translations and
:func:`key_facts` lists an article's numbers, dates and names with where they occur.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from summarize.numbers import Quantity, find_quantities, is_supported

FlagKind = Literal["number", "name", "quote"]

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NAME_TOKEN = r"[A-ZÄÖÜ][\w'’]*(?:-[\w'’]+)*"
_NAME_LINK = r"(?:\s+(?:de|da|del|der|van|von|bin|al|el|la|le|di|du|ul|zu)\s+|\s+|-)"
_NAME = re.compile(rf"\b{_NAME_TOKEN}(?:{_NAME_LINK}{_NAME_TOKEN})*")
_QUOTE = re.compile(r"[\"“„«‘‚‹]([^\"“”„«»‘’‚‹›]{3,}?)[\"”“»’‘›]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“„«(]\s*)$")
# Capitalised words that start sentences or are not names; never flagged on their own.
_NOT_NAMES = frozenset(
    """a an the this that these those there their they them he she it its his her we our you
    your i in on at by for from with without after before during since until into over under
    about as but and or nor so yet if when while where whereas although though because
    however meanwhile moreover also still then now today yesterday tomorrow here according
    some many most more much few several all both each every other another such no not one
    two three four five six seven eight nine ten first second third last next new old
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr prof president
    minister chancellor leader officials government army police""".split()
)
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@dataclass(frozen=True)
class Flag:
    """One item of a summary that the sources do not back."""

    kind: FlagKind
    text: str  # the span as it stands in the summary
    reason: str = ""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch)).replace("ß", "ss")


def _tokens(text: str) -> list[str]:
    return [_fold(token).replace("’", "'") for token in _TOKEN.findall(text.replace("-", " "))]


def _squashed_ngrams(text: str, longest: int = 5) -> set[str]:
    tokens = _tokens(text)
    grams: set[str] = set()
    for size in range(1, longest + 1):
        for start in range(len(tokens) - size + 1):
            grams.add("".join(tokens[start : start + size]))
    return grams


def find_names(text: str) -> list[tuple[str, int]]:
    """Capitalised word sequences that read as names, with their offsets."""
    names = []
    for match in _NAME.finditer(text):
        words = _tokens(match.group(0))
        content = [word for word in words if word not in _NOT_NAMES]
        if not content or all(word in _MONTHS_AND_DAYS for word in content):
            continue
        span = match.group(0)
        at_start = bool(_SENTENCE_START.search(text[: match.start()]))
        if at_start and len(words) == 1 and words[0] in _NOT_NAMES:
            continue
        # Drop leading sentence words ("The Kremlin" → "Kremlin" stays a name).
        while _tokens(span) and _tokens(span)[0] in _NOT_NAMES:
            parts = span.split(None, 1)
            if len(parts) < 2:
                break
            span = parts[1]
        span = re.sub(r"['’]s?$", "", span)  # "Kim's" is Kim
        names.append((span, match.start() + match.group(0).index(span)))
    return names


def _close_forms(key: str, grams: set[str]) -> bool:
    """Same name in another inflection: Korea/Korean/Koreas, Ukraine/Ukrainian, Kremlin/Kremlins."""
    if len(key) < 4:
        return False
    for gram in grams:
        if abs(len(gram) - len(key)) > 3 or gram[:4] != key[:4]:
            continue
        common = 0
        for left, right in zip(gram, key, strict=False):
            if left != right:
                break
            common += 1
        if common >= max(len(gram), len(key)) - 3:
            return True
    return False


def _quote_key(text: str) -> str:
    return " ".join(_tokens(text))


def unsupported_facts(summary: str, source_en: str, source_de: str | None = None) -> list[Flag]:
    """Numbers, names and quotes of ``summary`` that neither source states."""
    flags: list[Flag] = []
    sources = [(source_en, "en")] + ([(source_de, "de")] if source_de else [])
    source_quantities: list[Quantity] = []
    for text, language in sources:
        source_quantities += find_quantities(text, language)  # type: ignore[arg-type]
    for quantity in find_quantities(summary, "en"):
        if not is_supported(quantity, source_quantities):
            flags.append(Flag("number", quantity.text, f"{quantity.kind} not in the article"))

    source_grams = set().union(*(_squashed_ngrams(text) for text, _ in sources))
    seen: set[str] = set()
    for name, _ in find_names(summary):
        key = "".join(_tokens(name))
        if key in seen:
            continue
        seen.add(key)
        if key in source_grams or _close_forms(key, source_grams):
            continue
        # A name is backed when each of its parts is (e.g. "Putin's ally Kim" styles).
        parts = [part for part in _tokens(name) if part not in _NOT_NAMES]
        if parts and all(part in source_grams for part in parts) and len(parts) > 1:
            continue
        flags.append(Flag("name", name, "name not in the article"))

    source_keys = [_quote_key(text) for text, _ in sources]
    for match in _QUOTE.finditer(summary):
        quoted = match.group(1).strip()
        if len(_tokens(quoted)) < 3:
            continue  # a scare-quoted word or two is not a quotation
        key = _quote_key(quoted)
        if not any(key in source for source in source_keys):
            flags.append(Flag("quote", quoted, "quotation not in the article"))
    return flags


# --- translation warnings -------------------------------------------------------------------

WarningKind = Literal["length_ratio", "repetition", "untranslated", "low_confidence"]
_RATIO_RANGE = (0.5, 2.2)
_RATIO_MIN_WORDS = 6
_LOW_LOGPROB = -2.5


@dataclass(frozen=True)
class TranslationWarning:
    kind: WarningKind
    detail: str


def _has_loop(tokens: list[str]) -> str | None:
    for size in (1, 2, 3):
        grams = [tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)]
        for start in range(len(grams)):
            repeats = 1
            while (
                start + repeats * size < len(grams)
                and grams[start + repeats * size] == grams[start]
            ):
                repeats += 1
            if repeats >= 4:
                return " ".join(grams[start])
        counts = Counter(grams)
        if size == 3 and counts and counts.most_common(1)[0][1] >= 3:
            return " ".join(counts.most_common(1)[0][0])
    return None


def translation_warnings(
    german: str, english: str, mean_logprob: float | None = None, is_german=None
) -> list[TranslationWarning]:
    """What looks wrong with one sentence's translation (empty when nothing does)."""
    warnings: list[TranslationWarning] = []
    german_words, english_words = german.split(), english.split()
    if len(german_words) >= _RATIO_MIN_WORDS:
        ratio = len(english) / max(len(german), 1)
        if not _RATIO_RANGE[0] <= ratio <= _RATIO_RANGE[1]:
            warnings.append(
                TranslationWarning("length_ratio", f"English is {ratio:.1f}× the German length")
            )
    loop = _has_loop(_tokens(english))
    if loop:
        warnings.append(TranslationWarning("repetition", f"repeats “{loop}”"))
    if english_words and (
        _fold(english) == _fold(german)
        or (is_german is not None and len(english_words) >= 5 and is_german(english))
    ):
        warnings.append(TranslationWarning("untranslated", "the English reads as German"))
    if mean_logprob is not None and mean_logprob < _LOW_LOGPROB:
        warnings.append(
            TranslationWarning("low_confidence", f"mean token log-probability {mean_logprob:.2f}")
        )
    return warnings


# --- key facts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFact:
    kind: Literal["number", "date", "name"]
    text: str
    paragraphs: tuple[int, ...]  # 1-based paragraph numbers in the brief


def key_facts(paragraphs: Sequence[str], most: int = 12) -> list[KeyFact]:
    """The article's numbers, dates and names (most frequent first) with their paragraphs."""
    places: dict[tuple[str, str], list[int]] = {}
    shown: dict[tuple[str, str], str] = {}
    for number, paragraph in enumerate(paragraphs, start=1):
        for quantity in find_quantities(paragraph, "en"):
            if quantity.kind == "ordinal":
                continue
            kind = "date" if quantity.kind in ("date", "year") else "number"
            key = (kind, repr(sorted(quantity.values, key=str)))
            places.setdefault(key, []).append(number)
            shown.setdefault(key, quantity.text)
        for name, _ in find_names(paragraph):
            key = ("name", "".join(_tokens(name)))
            places.setdefault(key, []).append(number)
            shown.setdefault(key, name)
    ranked = sorted(places, key=lambda key: (-len(places[key]), places[key][0]))
    facts = []
    for kind in ("number", "date", "name"):
        chosen = [key for key in ranked if key[0] == kind][:most]
        chosen.sort(key=lambda key: places[key][0])
        facts += [
            KeyFact(kind, shown[key], tuple(dict.fromkeys(places[key])))
            for key in chosen  # type: ignore[arg-type]
        ]
    return facts
