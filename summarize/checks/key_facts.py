"""Key facts: an article's numbers, dates and names with the paragraphs they occur in."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from babel.dates import get_month_names

from summarize.checks.facts import GERMAN_PLACE_BETWEEN, find_names
from summarize.checks.quantities import (
    Quantity,
    find_quantities,
    is_a_multiple_in_a_word,
    one_unit_in_words,
    unit_word_after,
    with_currency_written,
)
from summarize.checks.words import is_common_word, is_function_word, tokens


@dataclass(frozen=True)
class KeyFact:
    kind: Literal["number", "date", "name"]
    text: str
    paragraphs: tuple[int, ...]  # 1-based paragraph numbers in the brief


# Key facts listed per kind (numbers, dates, names): the most frequent, in article order.
KEY_FACTS_PER_KIND = 12


def key_facts(paragraphs: Sequence[str], most: int = KEY_FACTS_PER_KIND) -> list[KeyFact]:
    """The article's numbers, dates and names (the ``most`` most frequent of each kind) with
    their paragraphs."""
    return find_key_facts(paragraphs, most)[0]


def find_key_facts(
    paragraphs: Sequence[str], most: int = KEY_FACTS_PER_KIND
) -> tuple[list[KeyFact], dict[str, int]]:
    """:func:`key_facts`, and how many facts of each kind the article holds, listed or not: a
    list of ``most`` is a selection only where more were found."""
    places: dict[tuple[str, str], list[int]] = {}
    shown: dict[tuple[str, str], str] = {}
    for number, paragraph in enumerate(paragraphs, start=1):
        for quantity in find_quantities(paragraph, "en"):
            if quantity.kind in ("ordinal", "weekday", "season"):
                continue  # "third time", "on Friday", "in the autumn": context, not a fact
            if one_unit_in_words(quantity) or is_a_multiple_in_a_word(quantity):
                continue  # "twice a day", "per year", "a week later": a rate or a step
            if _labels(paragraph, quantity.start, quantity.end):
                continue  # a footnote mark ("[1]", "[^2]") or a law's section ("§ 219a")
            kind = "date" if quantity.kind in ("date", "year", "decade", "time") else "number"
            # What the number counts is part of the fact: "$3.50" is not "3.50 euros", nor
            # "0.3 percent" "0.3 percentage points" or a bare "3.5" (one row held them all).
            what = (quantity.kind, quantity.unit, quantity.currency, quantity.points)
            key = (kind, repr((sorted(quantity.values, key=str), *what)))
            places.setdefault(key, []).append(number)
            shown.setdefault(
                key,
                _in_full(
                    quantity, _with_currency(paragraph, quantity, _with_unit(paragraph, quantity))
                ),
            )
        for name, _ in find_names(paragraph):
            key = ("name", "".join(tokens(name)))
            places.setdefault(key, []).append(number)
            shown.setdefault(key, name)
    # One row per fact as the reader sees it: "17" of "the 17-year-old" and of "17 others".
    merged: dict[tuple[str, str], tuple[str, str]] = {}
    for key in list(places):
        seen = merged.setdefault((key[0], shown[key]), key)
        if seen != key:
            places[seen] = sorted(places[seen] + places.pop(key))
    _surnames_to_full_names(places, shown)
    _places_to_their_full_names(places, shown)
    ranked = sorted(places, key=lambda key: (-len(places[key]), places[key][0]))
    facts = []
    found: dict[str, int] = {}
    for kind in ("number", "date", "name"):
        of_kind = [key for key in ranked if key[0] == kind]
        found[kind] = len(of_kind)
        chosen = of_kind[:most]
        chosen.sort(key=lambda key: places[key][0])
        facts += [
            KeyFact(kind, shown[key], tuple(dict.fromkeys(places[key])))
            for key in chosen  # type: ignore[arg-type]
        ]
    return facts, found


# Words that make the number after them a label of a text's part ("Section 219a", "Article 5"),
# as the translator writes "§ 219a".
_PART_OF_A_TEXT = re.compile(
    r"(?:§|\b(?P<word>sections?|paragraphs?|articles?|art\.|sec\.|para\.|clause|chapter))\s*$",
    re.IGNORECASE,
)
# A word after the number that makes it a count: "read the article 2 times", "in this chapter 3
# people die" ("article 50 in March", "paragraph 219a was" stay labels).
_COUNTED_AFTER = re.compile(r"\s+([^\W\d_]+)")


_AGE = re.compile(r"-|\s?old\b")


def _with_unit(paragraph: str, quantity: Quantity) -> str:
    """The number as written, with the unit right after it that it was read with ("5km",
    "90 minutes"; the reader saw "5"): only a unit word, never the word after a unit the
    number's text holds already ("half an hour")."""
    if quantity.unit is None:
        return quantity.text
    unit = unit_word_after(paragraph, quantity.end)
    if not unit or _AGE.match(paragraph, quantity.end + len(unit)):
        return quantity.text  # "17-year-old", "44-year old": an age, no "17-year"
    return quantity.text + unit


def _in_full(quantity: Quantity, text: str) -> str:
    """A range's end that takes the rest of its date from the other end, in full: a day with
    its month and year ("5th to 9th of August", "October 4 to 14"), a season's second year
    ("2010-11": 2011). The reader saw a bare "5" or "11" among the dates."""
    if not text.isdigit() or len(quantity.values) != 1:
        return text
    value = next(iter(quantity.values))
    if quantity.kind == "year" and len(text) == 2:
        return f"{value:.0f}"
    if quantity.kind != "date" or not isinstance(value, tuple) or len(value) != 3:
        return text  # (a month without its day is a pair)
    (year, month, _day) = value
    if not 1 <= month <= 12:
        return text
    # In English, as a brief is written (babel's names, as the checks read months by):
    # calendar.month_name is the process's LC_TIME locale's, and a library user's program that
    # had set a German one got "14 März 2020".
    month_name = get_month_names("wide", locale="en")[month]
    return f"{text} {month_name}" + (f" {year}" if year else "")


def _with_currency(paragraph: str, quantity: Quantity, text: str) -> str:
    """``text`` with the currency written around the number where its text does not show it
    ("3.50 euros", "CHF 15": the reader saw "3.50", the row of "$3.50" beside it)."""
    if quantity.currency is None or text != quantity.text:
        return text  # no currency, or shown with its unit already
    start, end = with_currency_written(paragraph, quantity)
    return paragraph[start:end].strip()


def _labels(paragraph: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` labels rather than states: a footnote mark ("[1]",
    "[^2]") or a law's section ("§ 219a", "§§ 3", "Section 219a", "Article 5")."""
    before = paragraph[max(0, start - 3) : start]
    footnote = before.endswith(("[", "[^")) and paragraph.startswith("]", end)
    if footnote:
        return True
    part = _PART_OF_A_TEXT.search(paragraph, max(0, start - 12), start)
    if part is None:
        return False
    if not part.group("word") or part.group("word")[0].isupper():
        return True  # "§ 219a", "Article 5"
    after = _COUNTED_AFTER.match(paragraph, end)
    return after is None or is_function_word(after.group(1))


# A word of a person's name: capitalised, no abbreviation ("AfD", "FC", "AP").
_NAME_PART = re.compile(r"(?:Mc|Mac|O['’])?[^\W\d_][^\W\d_A-Z'’]+(?:['’-][^\W\d_][^\W\d_A-Z]*)*")


def _surnames_to_full_names(
    places: dict[tuple[str, str], list[int]], shown: dict[tuple[str, str], str]
) -> None:
    """A one-word name in the row of the one full name it ends ("Reinhard Grindel" ¶2, then
    "Grindel" ¶3, ¶7, as news name a person after the first mention): the reader saw two rows
    of one person among the 12 names. Left apart where another full name ends so too ("Serena
    Williams", "Venus Williams"), where a word is an abbreviation ("Thuringia AfD", "FC
    Bayern"), and where the full name's other words are ordinary ("Lower Bavaria") or a name
    of their own in the article ("Eintracht" of "Eintracht Frankfurt", beside the city)."""
    names = {key: shown[key] for key in places if key[0] == "name"}
    alone = {text for text in names.values() if " " not in text}
    for key, text in names.items():
        if not _NAME_PART.fullmatch(text) or not text[0].isupper():
            continue
        full = [
            other
            for other, words in ((other, names[other].split()) for other in names)
            if len(words) > 1 and words[-1] == text
        ]
        if len(full) != 1:
            continue
        given = names[full[0]].split()[:-1]
        if any(
            word in alone or is_common_word(word) or not _NAME_PART.fullmatch(word)
            for word in given
        ):
            continue
        places[full[0]] = sorted(places[full[0]] + places.pop(key))


def _places_to_their_full_names(
    places: dict[tuple[str, str], list[int]], shown: dict[tuple[str, str], str]
) -> None:
    """A one-word place in the row of the one German place with its river or region that it
    begins ("Frankfurt am Main" ¶1, then "Frankfurt" ¶3, as news name the city after the first
    mention): the reader saw two rows of one city. Left apart where two such names begin with
    it ("Frankfurt am Main", "Frankfurt an der Oder")."""
    names = {key: shown[key] for key in places if key[0] == "name"}
    for key, text in names.items():
        if " " in text:
            continue
        full = [
            other
            for other, name in names.items()
            if name.startswith(text)
            and (between := GERMAN_PLACE_BETWEEN.match(name, len(text))) is not None
            and " " not in name[between.end() :]
        ]
        if len(full) == 1:
            places[full[0]] = sorted(places[full[0]] + places.pop(key))
