"""Check: is every number, name and quote of a summary backed by the article?

Abstractive summarizers add facts the article never stated. :func:`unsupported_facts` compares a
summary with the English translation (and the German source, when given) and returns what it
cannot find there. It errs towards silence: a number in any written form, a name in any
spelling of its parts ("Kim Jong Un" = "Kim Jong-un"), a quote with other punctuation all count
as found. A capitalised word is a name only where capitals mean something: the first word of a
sentence, a word in capitals or a headline-style sentence counts only when it is not an ordinary
English word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Literal

from summarize.checks import words
from summarize.checks.quantities import (
    Quantity,
    club_numbers,
    find_quantities,
    is_supported,
    month_numbers,
    names_a_club,
    weekday_numbers,
    world_wars,
)
from summarize.checks.words import calendar_words, fold, tokens

FlagKind = Literal["number", "name", "quote"]

# Particles between a name's words, one or two ("Ursula von der Leyen", "José de la Cruz").
_NAME_LINK = (
    r"(?:(?:\s+(?:de|da|del|der|den|des|do|dos|van|von|bin|ibn|al|el|la|le|di|du|ul|zu)){1,2}"
    r"\s+|\s+|-)"
)
# A word of a name: capitalised, or a dotted abbreviation ("U.S.", "U.N."), which is one word,
# not the one-letter names "U" and "S".
_NAME_WORD = (
    r"(?:(?<![\w.])[A-Z]\.(?:-?[A-Z]\.)+(?![^\W\d_])|(?<![\w.])[A-Z]\.(?=\s+[A-ZÄÖÜ])"
    r"|\b[A-ZÄÖÜ][\w'’]*(?:-[\w'’]+)*)"
)
# An initial: "W." of "George W. Bush", "J.R." of "J.R. Smith".
_INITIAL = re.compile(r"[A-Z]\.(?:-?[A-Z]\.)*")
_NAME = re.compile(rf"{_NAME_WORD}(?:{_NAME_LINK}{_NAME_WORD})*")
_SENTENCE_START = re.compile(r"(?:[.!?…]['\"”’)]*\s+|[:;]\s+|\n\s*|[\"“„«(`‘']\s*|\s[-–—]\s+)$")
_POSSESSIVE = re.compile(r"['’]s?$")
# A day named by whose it is: "New Year's Eve", "New Year's Day", "St Patrick's Day", "All
# Saints' Day", one name (the German "Silvester", "Neujahr", "Allerheiligen" back it whole).
_DAY_AFTER_A_POSSESSIVE = re.compile(r"\s+(?:Day|Eve)\b")
# A quotation: "…", “…”, „…“, ‘…’, and the news forms '…' and `…' (an apostrophe inside a word,
# as in "don't" or "Kim's", neither opens nor closes one).
_QUOTE = re.compile(
    r"(?:[\"“„«]\s?(?P<double>[^\"“”„«»]{3,}?)\s?[\"”“»])"
    r"|(?:(?<![\w])[‘`'‚‹]\s?(?P<single>[^‘’`'‚‹›\"“”]{3,}?[^\s‘`'])\s?[’'›](?![\w]))"
)
_ELLIPSIS = re.compile(r"\.\.\.+|…|\[[^\]]*\]")
# Tokens a PTB-tokenised text uses for brackets.
_BRACKET_TOKENS = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB)-")


@dataclass(frozen=True)
class Flag:
    """One item of a summary that the sources do not back."""

    kind: FlagKind
    text: str  # the span as it stands in the summary
    reason: str = ""
    # Where a number's flagged mention starts in the summary: of "42 miles in 42 hours" against
    # "42 Kilometer in 42 Stunden" only the first "42" is unsupported (None: every mention).
    start: int | None = None


def _squashed_ngrams(text: str, longest: int = 5) -> set[str]:
    forms = [tokens(text)]
    if words.DOTTED_ABBREVIATION.search(text):
        # A source's "B.B. King" backs the summary's "B.B. King" and its "B. B. King" alike.
        forms.append(tokens(text, abbreviation_letters=True))
    grams: set[str] = set()
    for parts in forms:
        for size in range(1, longest + 1):
            for start in range(len(parts) - size + 1):
                grams.add("".join(parts[start : start + size]))
    return grams


def _sentence_starts(text: str) -> set[int]:
    """Offsets of words that open a sentence, a quotation or a bracket."""
    return {
        match.start()
        for match in re.finditer(r"\w+", text)
        if match.start() == 0
        or _SENTENCE_START.search(text[max(0, match.start() - 8) : match.start()])
    }


def _headline_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences written in title case ("Man Arrested Over Fire In Leeds")."""
    spans = []
    for match in re.finditer(r"[^.!?\n]+", text):
        alphabetic = [word for word in re.findall(r"[^\W\d_][\w'’]*", match.group(0))]
        if len(alphabetic) >= 5:
            capitalised = sum(word[0].isupper() for word in alphabetic)
            if capitalised / len(alphabetic) >= 0.8:
                spans.append(match.span())
    return spans


# Ordinary words written small after a name's hyphen: "London-based", "Cardiff-born",
# "Kremlin-backed", "Smith-led", "Disney-style".
_SMALL_TAIL = re.compile(r"(?:-[a-z]+)+$")


def _without_small_tail(word: str) -> str:
    """The name before ordinary words joined to it by hyphens ("London-based" → "London",
    "Oxford-educated" → "Oxford"): they say what the name is to the noun after it, and are
    no part of it. Not a name's own small part ("Kim Jong-un", "Moon Jae-in": not ordinary
    words, or function words) nor one before a capital ("Stoke-on-Trent")."""
    tail = _SMALL_TAIL.search(word)
    if tail is None or tail.start() == 0:
        return word
    parts = tail.group(0).split("-")[1:]
    if all(words.is_common_word(part) and not words.is_function_word(part) for part in parts):
        return word[: tail.start()]
    return word


def _runs(text: str) -> Iterator[list[tuple[str, int]]]:
    """Capitalised word runs, split where a possessive ends one name ("Carver's Newcastle") or
    ordinary words after a hyphen do ("the London-based Guardian"), which are left out."""
    for match in _NAME.finditer(text):
        run: list[tuple[str, int]] = []
        for word in re.finditer(r"[^\s-]+(?:-[^\s-]+)*", match.group(0)):
            name = _without_small_tail(word.group(0))
            run.append((name, match.start() + word.start()))
            if name != word.group(0) or (
                _POSSESSIVE.search(name)
                and word.end() < len(match.group(0))
                and not _DAY_AFTER_A_POSSESSIVE.match(match.group(0), word.end())
            ):
                yield run
                run = []
        if run:
            yield run


def _is_all_caps(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


# Unit symbols written with a capital, which after a number are its unit, not a name ("17 GW"
# was flagged as a name the article lacks where it says "17 Gigawatt").
_UNIT_SYMBOLS = frozenset(
    "GW MW KW GWh MWh TWh GB MB TB KB PB PS HP Hz GHz MHz THz Mbit Gbit".split()
)
_AFTER_A_NUMBER = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\s?$)\d[\d.,]*\s?$")  # not a year's
# A currency's code by its number ("CHF 15", "15 CHF", "SEK 100"): the number's currency, checked
# with it (quantities.py: "CHF 15" is no 15 euros), no name.
_CURRENCY_CODES = frozenset("CHF EUR USD GBP JPY RUB SEK NOK DKK CZK PLN TRY CNY RMB".split())
_BEFORE_A_NUMBER = re.compile(r"\s?\d")
# "Swiss" in an amount's "Swiss francs" ("5 Swiss francs", "1.2 million Swiss francs"): part of
# the currency, as "CHF" is (the German "Franken" is the Swiss franc), no name.
_AMOUNT_BEFORE = re.compile(r"\d\s?(?:(?:million|billion|trillion|thousand|bn|m)\s+)?$")
_SWISS_FRANCS = re.compile(r"Swiss\s+francs?\b")
# The country before the yen's and yuan's shared sign ("CN¥100", "JP¥100"): which of the two.
_BEFORE_THE_YEN_SIGN = re.compile(r"(?<=CN|JP)¥\s?\d")
# A temperature's scale after its degrees ("30 degrees Celsius", "86°F"): the number's unit,
# checked with it (Fahrenheit is another unit there), no name.
_SCALES_OF_DEGREES = frozenset({"Celsius", "Fahrenheit", "C", "F"})  # "-5°C", "86 degrees F"
_DEGREES_BEFORE = re.compile(r"(?:\d\s?°|\bdegrees?)\s*$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th|\.)?\s+$")
# A part of a month, a week or a year joined to its name or figure, capitalised or not ("In
# Mid-May", "Late-September", "Mid-2019"): a date, read as one by quantities.py, no name.
_PART_OF_A_DATE = re.compile(r"(?i:mid|early|late)-(?:(?P<name>[^\W\d_]+)|\d{4})")


@cache
def _month_abbreviations() -> frozenset[str]:
    """ "Jan", "Sept", "Okt": the months' short names (English and German), not the wide ones."""
    return frozenset(month_numbers()) - calendar_words()


def _in_a_date(word: str, text: str, offset: int) -> bool:
    """Whether ``word`` at ``offset`` is a month's short name by its day or year ("Jan. 5",
    "Sept. 12, 2021", "on 5 Jan."): a date, read as one by quantities.py; "Jan Ullrich" is a
    name."""
    if word.rstrip(".") not in _month_abbreviations():
        return False
    after = text[offset + len(word.rstrip(".")) :]
    return bool(re.match(r"\.?\s+\d", after) or _DAY_BEFORE.search(text, 0, offset))


# The pandemic's names, one for the other: German news says "Corona" where English says
# "Covid-19" (and a summarizer writes either).
_PANDEMIC_NAMES = frozenset({"covid", "covid19", "coronavirus", "sarscov2", "corona"})
_PANDEMIC_WORDS = ("corona", "covid")


def _pandemic_stated(
    source_tokens: set[str], source_lists: list[tuple[list[str], set[str]]] | None
) -> bool:
    """Whether a source names the pandemic: one of its names as a word, or a German compound
    of one ("Coronakrise"; not English "coronation", "coronary")."""
    if source_tokens & _PANDEMIC_NAMES:
        return True
    german = source_lists[1][0] if source_lists and len(source_lists) > 1 else ()
    return any(token.startswith(_PANDEMIC_WORDS) for token in german)


@dataclass(frozen=True)
class _Name:
    text: str
    start: int
    lead: str = ""  # an ordinary first word of a sentence that may or may not belong to it


def _names(text: str) -> list[_Name]:
    text = _BRACKET_TOKENS.sub(lambda match: " " * len(match.group(0)), text)
    starts = _sentence_starts(text)
    headlines = _headline_sentences(text)
    calendar = calendar_words()
    names: list[_Name] = []

    def capitals_say_nothing(word: str, offset: int) -> bool:
        in_headline = any(start <= offset < end for start, end in headlines)
        all_caps = _is_all_caps(word) and len(_bare(word)) >= 4
        return offset in starts or in_headline or all_caps

    for run in _runs(text):
        kept: list[tuple[str, int]] = []
        lead = ""
        for word, offset in run:
            bare = _bare(word)
            if kept and offset in starts and _initials_before(text, kept, lead, bare, offset):
                starts.discard(offset)  # "George W. Bush", "J.R. Smith": no sentence ends there
            if kept and offset in starts and _INITIAL.fullmatch(kept[-1][0]):
                # "… to the U.S. Merkel stayed", "… reached Group C. Germany won": the
                # abbreviation's or the letter's dot ended the sentence.
                names += _join(text, kept, lead)
                kept, lead = [], ""
            if words.DOTTED_ABBREVIATION.fullmatch(bare):
                # "U.S.": a name whatever its place (a country, a body); "8 P.M." a time.
                ordinary = bare.upper() in _TIMES_OF_DAY
            elif bare.rstrip(".") in calendar or bare.removesuffix("s") in calendar:
                ordinary = True  # months and weekdays ("on Saturdays") are dates, read as such
            elif (part := _PART_OF_A_DATE.fullmatch(bare)) and (
                part.group("name") is None or part.group("name") in calendar
            ):
                ordinary = True  # "Mid-May", "Mid-2019": a date, read as such
            elif bare in _UNIT_SYMBOLS and _AFTER_A_NUMBER.search(text, 0, offset):
                ordinary = True  # "17 GW", "150 PS": the number's unit (checked with it), no name
            elif bare in _CURRENCY_CODES and (
                _AFTER_A_NUMBER.search(text, 0, offset)
                or _BEFORE_A_NUMBER.match(text, offset + len(bare))
            ):
                ordinary = True  # "CHF 15": the number's currency
            elif bare == "Number" and _BEFORE_A_NUMBER.match(text, offset + len(bare)):
                ordinary = True  # "the long-time Number 1": a rank, its numeral checked as such
            elif (
                bare == "Swiss"
                and _SWISS_FRANCS.match(text, offset)
                and _AMOUNT_BEFORE.search(text, 0, offset)
            ):
                ordinary = True  # "5 Swiss francs": the number's currency
            elif bare in ("CN", "JP") and _BEFORE_THE_YEN_SIGN.match(text, offset + len(bare)):
                ordinary = True  # "CN¥100": the yuan (quantities.py reads it so)
            elif bare in _SCALES_OF_DEGREES and _DEGREES_BEFORE.search(text, 0, offset):
                ordinary = True  # "30 degrees Celsius": the number's unit
            elif _in_a_date(bare, text, offset):
                ordinary = True  # "Jan. 5", "Sept. 12, 2021": a date, read as such (not "Jan")
            elif capitals_say_nothing(word, offset) or (not kept and _leads_a_name(run, offset)):
                # The word's capital may be the sentence's; or it is a title before a full
                # name ("President Vladimir Putin", "The Kremlin"): dropped when ordinary.
                ordinary = words.is_common_word(bare)
                if (
                    ordinary
                    and offset in starts
                    and offset == run[0][1]
                    and len(run) > 1
                    and not words.is_function_word(bare)
                    and not words.opens_a_clause(bare)
                    and not words.is_title(bare)
                ):
                    # "Sturgeon City …" or "Suspects Adnan Farah …": kept, either may be meant
                    # ("Like City …", "Whether Union …": no name begins so, dropped).
                    kept.append((bare, offset))
                    lead = bare
                    continue
            else:
                ordinary = words.is_function_word(bare) or words.is_role_acronym(bare)
            if ordinary:
                if kept:
                    names += _join(text, kept, lead)
                kept, lead = [], ""
            else:
                kept.append((bare, offset))
        if kept:
            names += _join(text, kept, lead)
    return names


# The word or comma before a name: "the U.S.", "to the U.S.", "Washington, D.C.".
_WORD_BEFORE = re.compile(r"([^\W\d_]+|,)\s*$")
# Capitalised words that a lowercase one follows: a sentence's subject and its verb ("Merkel
# agreed", "Angela Merkel said"), not a name in a list ("Rehberg), Westhues").
_A_SENTENCE_GOES_ON = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+[a-z]")


# A capitalised word that no other follows: "Brown ruled", "Brown, who", not "Holders Porto".
_ENDS_ITS_RUN = re.compile(
    r"[^\W\d_][\w'’]*(?![\w'’.-])(?!\s+[A-ZÄÖÜ])(?:\s+(?P<next>[a-zäöüß]+))?"
)


def _initials_before(
    text: str, kept: list[tuple[str, int]], lead: str, word: str, offset: int
) -> bool:
    """Whether the name's last word is an initial that the capitalised ``word`` after it (at
    ``offset``) continues: a middle initial after a given name ("George W. Bush", not "Plan B.
    The"), a lone initial before a surname ("- N. Rehberg,", "by J. Smith"; not a label after
    its ordinary word that ends a sentence, "chose plan B. Merkel agreed"), or initials that
    open a name ("Guard J.R. Smith", "B.B. King"; not a country's or a place's, "the U.S.
    Merkel", "U.N.", "Washington, D.C. Trump", nor before a title, "U.S. President")."""
    initial, at = kept[-1]
    if not _INITIAL.fullmatch(initial) or words.is_function_word(word) or words.is_title(word):
        return False
    before = _WORD_BEFORE.search(text, 0, at)
    if len(initial) == 2:
        # after a given name or an office ("Michael J. Fox", "Judge J. Brown"), not a label's
        # ordinary word ("won Group F. Victory was sweet": a sentence opening with a noun)
        after_a_name = before is not None and (
            before.group(1)[0].isupper()
            and (
                not words.is_common_word(before.group(1))
                or words.is_role_before_a_name(before.group(1))
            )
        )
        run_end = _ENDS_ITS_RUN.match(text, offset)
        noun_after = run_end.group("next") if run_end else None
        if (
            after_a_name
            and words.is_common_word(word)
            and not words.is_plural_noun(word)
            and run_end
            and not (noun_after and words.is_noun(noun_after))
        ):
            # "Judge J. Brown ruled": a surname that is also a word after a name or an office;
            # a sentence after a label opens with a name ("Group E. Robert Lewandowski",
            # "Plan B. Merkel"), a function word ("Group C. The winners"), a plural
            # ("Gate B. Officials said") or an adjective before its noun ("Plan B. Young
            # people agreed").
            return True
        if len(kept) > 1:
            return not words.is_common_word(kept[-2][0])
        after_a_word = before is not None and not (
            before.group(1) == ","
            or words.is_function_word(before.group(1))
            or words.is_title(before.group(1))
        )
        return not (after_a_word and _A_SENTENCE_GOES_ON.match(text, offset))
    return (kept[0][1] == at or (len(kept) == 2 and kept[0][0] == lead)) and not (
        fold(initial.replace(".", "")) in _ABBREVIATED_NAMES
        or (before and (before.group(1) == "," or words.is_function_word(before.group(1))))
    )


def _without_lead(name: _Name) -> str | None:
    """The name without its ordinary first word(s) ("Suspects Adnan Farah" → "Adnan Farah",
    "Prime Minister David Cameron" → "David Cameron"), or None when nothing proper is left."""
    if not name.lead:
        return None
    rest = name.text.split()
    while len(rest) > 1 and words.is_common_word(_bare(rest[0])):
        rest = rest[1:]
    if rest == name.text.split() or all(words.is_common_word(_bare(part)) for part in rest):
        return None
    return " ".join(rest)


def _common_words_after_lead(
    name: _Name, capitalised: set[str], grams: set[str], sources: list[tuple[str, str]]
) -> str | None:
    """The name after its ordinary first word where each word left is an ordinary word too
    ("Striker Jack Brown", "Twelve-year-old Smith", "Goalkeeper Rice"): capitalised inside the
    sentence, they are a name all the same, and one when the sources write each of them with a
    capital ("Prime Minister" is not "Minister" of a source that has "the minister" only). Not
    where the first word is a name the sources state ("Justice Smith" of the Ministry of Justice
    and a Smith): two of the sources' names made into one; nor where a source has the words
    after another capitalised word ("Warner Brothers" backs no "Ministry Brothers")."""
    if not name.lead:
        return None
    lead = "".join(tokens(name.lead))
    if lead in capitalised or words.WHOLE_ONLY + lead in grams:
        return None
    rest = name.text.split()[1:]
    if not rest or not all(words.is_common_word(_bare(part)) for part in rest):
        return None
    if not all(token in capitalised for part in rest for token in tokens(part)):
        return None
    after_a_name = re.compile(
        r"(?<![.!?]\s)\b(?P<word>[A-Z][\w'’-]*)\s+" + re.escape(" ".join(rest)) + r"\b"
    )
    if any(
        _joins_the_name_after(match.group("word"))
        for text, _ in sources
        for match in after_a_name.finditer(text)
    ):
        return None  # "Ministry Brothers" of "Warner Brothers": the name's first word changed
    return " ".join(rest)


def _joins_the_name_after(word: str) -> bool:
    """Whether a capitalised word may be one name with the words after it ("Warner" of
    "Warner Brothers"): not a possessive ("Chelsea's Jack Brown"), a day or a month ("On
    Saturday Jack Brown"), nor an ordinary word ("Yesterday Will Young", "Captain Jack
    Brown": a sentence's first word or a title, as the summary's own first word is)."""
    return not (
        _POSSESSIVE.search(word)
        or word in weekday_numbers()
        or word in month_numbers()
        or words.is_common_word(word)
    )


def _abbreviated_in(name: str, capital_words: set[str]) -> bool:
    """Whether a name of two or more words that ends in an ordinary word, as a body's does, is
    abbreviated by its initials in a source ("United Nations" by "UN", "European Central Bank"
    by "ECB", "National Health Service" by "NHS"). A name that ends in a proper word ("Bobby
    Robson") is a person's, and is not read so; one with a word in capitals ("SC Champions")
    holds its abbreviation's letters already, so they back no other name."""
    parts = [word for word in re.split(r"\s+|-", name) if word]
    if len(parts) < 2 or not words.is_common_word(_bare(parts[-1])):
        return False
    if any(_is_all_caps(part) for part in parts):
        return False
    initials = "".join(fold(part[0]) for part in parts if not words.is_function_word(part))
    return len(initials) >= 2 and initials in capital_words


# "of" or "of the" between a body or a title and its place: "Bank of England".
_OF_BETWEEN = re.compile(r"\s+of\s+(?:the\s+)?")
# A German place's river or region after it, as the translator keeps it: "Frankfurt am Main",
# "Halle an der Saale", "Freiburg im Breisgau", "Rothenburg ob der Tauber".
GERMAN_PLACE_BETWEEN = re.compile(r"\s+(?:am|im|an\s+der|ob\s+der)\s+")


@dataclass(frozen=True)
class _Of:
    """A body or title and the place "of" joins it to in a name: "Bank" and "France" of "the
    Bank of France", with where each starts in the text."""

    body: str  # the body's last word ("Bank" of "Central Bank of Ireland")
    body_start: int
    place: str
    place_start: int


def find_names(text: str) -> list[tuple[str, int]]:
    """Capitalised word sequences that read as names, with their offsets. A body or a title
    of ordinary words with "of" and a name after it is one name with it ("Bank of England",
    "University of Cologne", "Duke of York", "United States of America"), not a person's
    ("Angela Merkel of the CDU" stays two), nor a title before a person's full name ("the Mayor
    of London Sadiq Khan": at most two words after "of"). So is a German place with its river
    or region ("Frankfurt am Main", "Halle an der Saale"), which is not the river's name."""
    return [(name, start) for name, start, _ in _joined_names(text)]


def _joined_names(text: str) -> list[tuple[str, int, list[_Of]]]:
    """:func:`find_names`, each name with the bodies and places "of" joined in it."""
    found: list[tuple[str, int, list[_Of]]] = []
    for name in _names(text):
        rest = _without_lead(name)
        if rest and rest in name.text:
            start, written = name.start + name.text.index(rest), rest
        else:
            start, written = name.start, name.text
        if found:
            before, at, joins = found[-1]
            between = _OF_BETWEEN.fullmatch(text, at + len(before), start)
            if (
                between
                and len(written.split()) <= 2
                and all(words.is_common_word(_bare(part)) for part in re.split(r"\s+|-", before))
            ):
                body = re.split(r"\s+|-", before)[-1]
                of = _Of(body, at + len(before) - len(body), written, start)
                found[-1] = (text[at : start + len(written)], at, [*joins, of])
                continue
            if " " not in written and GERMAN_PLACE_BETWEEN.fullmatch(text, at + len(before), start):
                found[-1] = (text[at : start + len(written)], at, joins)
                continue
        found.append((written, start, []))
    return found


# How many words apart a body and its place may stand in a source: "Bank of the Netherlands",
# "Cologne University", "France's central bank".
_OF_GAP = 3
# How many words may stand between a body and its place where either is one of a pair or list
# ("the Duke and Duchess of Cambridge", "the central banks of England and Scotland").
_COORDINATED_GAP = 8
_COORDINATORS = frozenset({"and", "or"})


def _coordinated(source_tokens: list[str], body_at: int, place_at: int) -> bool:
    """Whether the body at ``body_at`` is joined by "of" to the place at ``place_at`` across
    "and" or "or", the body first of the bodies before "of" ("Duke and Duchess of Cambridge"
    backs the "Duke of Cambridge") or the place last of the places after it ("the banks of
    England and Scotland" the "Bank of Scotland")."""
    between = source_tokens[body_at + 1 : place_at]
    if not 0 < len(between) <= _COORDINATED_GAP:
        return False
    if between[-1] == "the":
        between = between[:-1]
    bodies = len(between) > 2 and between[-1] == "of" and between[0] in _COORDINATORS
    places = len(between) > 2 and between[0] == "of" and between[-1] in _COORDINATORS
    return bodies or places


def _body_by_its_place(
    of: _Of,
    summary: str,
    grams: set[str],
    source_lists: list[tuple[list[str], set[str]]],
    written_small: frozenset[str] = frozenset(),
) -> bool:
    """Whether no source states the body of a name with "of" ("Bank" of "Bank of France") and
    its place each apart only: a source with "the Bank of England" and "France" elsewhere backs
    each word, not the other institution. A source that names the two side by side in any
    order ("Cologne University", "Universität Köln") backs it; one that does not state both
    (the German "Banque de France") says nothing against it."""
    if "".join(tokens(summary[of.body_start : of.place_start + len(of.place)])) in grams:
        return True
    body = words.word_forms(_bare(of.body))
    place = tokens(of.place)
    if not place:
        return True
    # A country's adjective is the country before a body: "French President" for the
    # "President of France", "U.S. President" for the "President of the United States".
    adjectives = words.english_country_adjectives().get("".join(place), frozenset())
    apart = False
    for source_tokens, _ in source_lists:
        at_body = [at for at, token in enumerate(source_tokens) if token in body]
        at_first = [at for at, token in enumerate(source_tokens) if _part_at(place[0], token)]
        at_last = [at for at, token in enumerate(source_tokens) if _part_at(place[-1], token)]
        if adjectives:
            at_last += [at for at, token in enumerate(source_tokens) if token in adjectives]
        if _kind_is_stated(fold(_bare(of.body)), place, [(source_tokens, set())], written_small):
            return True  # "Universität zu Köln" for the "University of Cologne"
        if not at_body or not at_first:
            continue
        if any(0 < first - at <= _OF_GAP for at in at_body for first in at_first) or any(
            0 < at - last <= _OF_GAP for at in at_body for last in at_last
        ):
            return True
        if any(_coordinated(source_tokens, at, first) for at in at_body for first in at_first):
            return True
        apart = True
    return not apart


def _leads_a_name(run: list[tuple[str, int]], offset: int) -> bool:
    """Whether this word is a function word or title ("The Kremlin", "Mr Cameron"), or a role
    before two or more words with a proper name among them ("President Vladimir Putin").
    "United Nations", "New York Times" and "International Monetary Fund" stay whole."""
    position = next(index for index, (_, at) in enumerate(run) if at == offset)
    word = _bare(run[position][0])
    if words.is_function_word(word) or words.is_title(word):
        return True
    rest = [_bare(later) for later, _ in run[position + 1 :]]
    return (
        words.is_noun_only(word)  # a role, not an adjective: "New York Times" stays whole
        and len(rest) >= 2
        and any(not words.is_common_word(later) for later in rest)
    )


def _join(text: str, kept: list[tuple[str, int]], lead: str) -> list[_Name]:
    if lead and len(kept) == 1:
        return []  # only the ordinary first word is left ("CLICK HERE")
    start = kept[0][1]
    end = kept[-1][1] + len(kept[-1][0])
    name = text[start:end]
    if not words.DOTTED_ABBREVIATION.search(kept[-1][0]):  # "U.S." keeps its last dot
        name = name.rstrip(".")
    return [_Name(name, start, lead)]


# Endings that turn a place into its people or adjective, or a name into its plural:
# Korea/Korean, Ukraine/Ukrainian, China/Chinese, Israel/Israeli, Kremlin/Kremlins.
_NAME_ENDINGS = frozenset(
    "- s es n ns an ans ian ians ean eans e a i is y ese ish".replace("-", "").split(" ")
)


def _close_forms(key: str, grams: set[str]) -> bool:
    """Same name in another inflection: Korea/Korean/Koreas, Ukraine/Ukrainian, Kremlin/Kremlins;
    or a country and its adjective, which no ending joins: France/French, Spain/Spanish."""
    if len(key) < 4:
        return False
    if _country_or_its_adjective(key) & grams:
        return True
    for gram in grams:
        if abs(len(gram) - len(key)) > 4 or gram[:4] != key[:4]:
            continue
        common = 4
        while common < min(len(gram), len(key)) and gram[common] == key[common]:
            common += 1
        if (
            gram[common:] in _NAME_ENDINGS
            and key[common:] in _NAME_ENDINGS
            and not _roman_numbers_apart(key, gram, common)
            and _country_begun(gram) == _country_begun(key)
        ):
            return True
    return False


def _roman_numbers_apart(key: str, gram: str, common: int) -> bool:
    """Whether the "-i" that one has more than the other after their ``common`` beginning is a
    Roman number's last stroke ("charlesii" and "charlesiii", "henryvii" and "henryviii",
    "johnpauli" and "johnpaulii"): another ruler, war or sequel, no ending of the same name."""
    return key[common:] + gram[common:] == "i" and key[common - 1] in "ivx"


@lru_cache(maxsize=words.WORD_CACHE_SIZE)
def _country_begun(word: str) -> str:
    """The longest English country name (CLDR, folded and squashed) that ``word`` begins with,
    or "": "nigerian" begins with Nigeria, "niger" with Niger. An ending joins a word to
    another country's name only when both name the same one: "Nigerian" is no form of Niger,
    nor "Niger" of a source's "Nigerian" (they were, by the ending "-ian")."""
    return max(
        (name for name in _english_country_names() if word.startswith(name)), key=len, default=""
    )


@cache
def _english_country_names() -> frozenset[str]:
    from babel import Locale

    return frozenset("".join(tokens(str(name))) for name in Locale("en").territories.values())


def _country_or_its_adjective(key: str) -> frozenset[str]:
    """The adjective of a country, or the countries of an adjective, folded, as
    :func:`words.english_country_adjectives` takes them from CLDR: "france" → {"french"},
    "french" → {"france", "frenchguiana", "frenchpolynesia"}. "French President" states the
    "President of France", "France's troops" the "French troops"."""
    return _countries_and_adjectives().get(key, frozenset())


@cache
def _countries_and_adjectives() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    adjectives_of = words.english_country_adjectives()
    for country, adjectives in adjectives_of.items():
        for adjective in adjectives:
            found.setdefault(country, set()).add(adjective)
            found.setdefault(adjective, set()).add(country)
    # Its people are the country, and the country's adjective: "the Spaniard" for "Spain" or
    # "a Spanish player", "Frenchman" for "France" or "the French striker". Not a noun that is
    # an ordinary word too: a source's "pole position" says nothing of Poland.
    for country, people in words.english_country_people().items():
        named = {country, *adjectives_of.get(country, ())}
        for noun in people:
            if words.is_common_word(noun):
                continue
            found.setdefault(noun, set()).update(named)
            for word in named:
                found.setdefault(word, set()).add(noun)
    # "U.S." folds to the pronoun "us", which would back any "American" or "United States".
    return {key: frozenset(value - {"us"}) for key, value in found.items()}


# The kind of an administrative division, which translators add or render in their own words
# ("Landkreis Cham" is "Cham County", "Cham district" or "the district of Cham"). Not "City"
# or "State": "Manchester City" and "Ohio State" are other names than Manchester and Ohio.
_DIVISIONS = frozenset("county district province region canton municipality".split())
# The kind of an institution, event or place that a translator puts in English after the name
# it keeps ("DFB-Pokal" is the "DFB Cup", "Gmünder Kunstverein" the "... Association"), with the
# German words for it, as a word or a compound's end (folded). Backed where the German says the
# kind: the name's own parts must still be stated. Short words that end other words
# ("Amt", "Rat", "See") are left out, but for "Dom" and "Tor", read as words of their own only
# (:data:`_SHORTEST_KIND_AT_AN_END`): "Motor", "Autor" are no gates.
_KINDS: dict[str, tuple[str, ...]] = {
    "cup": ("pokal",), "league": ("liga",), "championship": ("meisterschaft",),
    "championships": ("meisterschaft", "meisterschaften"),
    "association": ("verein", "verband", "vereinigung"), "club": ("verein", "klub"),
    "federation": ("verband",), "committee": ("ausschuss", "komitee", "vorstand"),
    "court": ("gericht", "gerichtshof"), "ministry": ("ministerium",),
    "school": ("schule", "gymnasium"), "hospital": ("klinik", "klinikum", "krankenhaus", "spital"),
    "university": ("universitat", "hochschule"), "party": ("partei",),
    "institute": ("institut",), "foundation": ("stiftung",), "museum": ("museum",),
    "prize": ("preis",), "award": ("preis", "auszeichnung"), "church": ("kirche",),
    "station": ("bahnhof",), "airport": ("flughafen",), "bridge": ("brucke",),
    "street": ("strasse",), "square": ("platz",), "castle": ("schloss", "burg"),
    "cathedral": ("munster", "kathedrale", "dom"), "minster": ("munster",), "gate": ("tor",),
    "wall": ("mauer",), "stadium": ("stadion", "arena"),
    "theatre": ("theater",), "theater": ("theater",),
    "festival": ("festival", "festspiele", "fest"), "police": ("polizei",),
    "division": ("liga",), "beach": ("strand",),
}  # fmt: skip
# The German words for a kind that every compound ending in them is of: each "-liga" is a
# league ("Zweitliga-Aufsteiger" is "promoted to Division 2", "Drittliga" "Division 3"), while
# a "Strompreis" is no prize and "Hamburg" no castle.
_KIND_WORDS_ENDING_ANY_COMPOUND = frozenset({"liga"})


# A German noun's endings: "Liga", "Kirchen", "Pokals", "Vereine".
_GERMAN_NOUN_ENDINGS = ("", "e", "n", "en", "s", "es")
# The shortest German word for a kind read at a compound's end; a shorter one ("dom", "tor")
# only as a word of its own, with its endings ("Kölner Dom", "am Brandenburger Tor").
_SHORTEST_KIND_AT_AN_END = 4
# The shortest German word for a kind read at the start of a compound after the name.
_SHORTEST_KIND_BEGINNING_A_COMPOUND = 5


def _says_the_kind(token: str, head: str) -> bool:
    """Whether a German ``token`` (folded) is the kind's word ``head``, or ends with it."""
    if len(head) < _SHORTEST_KIND_AT_AN_END:
        return token.startswith(head) and token[len(head) :] in _GERMAN_NOUN_ENDINGS
    return token.endswith(head)


def _german_words_written_small(german: str) -> frozenset[str]:
    """The words (folded) that a German text writes small, and with a capital only at a
    sentence's start if at all: no noun, as German writes every noun with a capital. A kind's
    German word is a noun, so such a word spelt like one is another word: the adjective or
    particle "fest" of "Der Termin steht fest" (firm), "wetterfest", is no "Fest" (festival).
    A word written only at a sentence's start may be a noun ("Polizei sucht Zeugen")."""
    starts = _sentence_starts(german)
    written_capital: set[str] = set()
    written_small: set[str] = set()
    for match in re.finditer(r"[^\W\d_]+", german):
        word = match.group(0)
        if word[0].islower():
            written_small.add(fold(word))
        elif match.start() not in starts:
            written_capital.add(fold(word))
    return frozenset(written_small - written_capital)


def _kind_said_in_german(
    kind: str, source_tokens: set[str], written_small: frozenset[str] = frozenset()
) -> bool:
    """Whether a source says the ``kind`` (see _KINDS) in German as a word of its own: "the
    League" for "die Liga", "the Cathedral" for "Sankt-Peter-und-Paul-Kathedrale", "the Cup"
    for "im Pokal". Not a compound's end ("Strompreis" is no prize, "Hamburg" no castle) but a
    league's (:data:`_KIND_WORDS_ENDING_ANY_COMPOUND`: "Division" for "Zweitliga"), nor a
    German word ``written_small`` (the adjective "fest" is no "Fest")."""
    return any(
        token[start:].startswith(head) and token[start + len(head) :] in _GERMAN_NOUN_ENDINGS
        for head in _KINDS.get(kind, ())
        for token in source_tokens
        if token not in written_small
        for start in (
            {0, max(token.rfind(head), 0)} if head in _KIND_WORDS_ENDING_ANY_COMPOUND else {0}
        )
    )


# The federation's and a state's word that begins a German compound, which English writes as
# an adjective before the rest: "Bundesinnenminister" is the "Federal Minister of the
# Interior", "Staatsregierung" the "State government", "Landesamt" the "State Office".
_GERMAN_COMPOUND_BEGINNINGS: dict[str, tuple[str, ...]] = {
    "federal": ("bundes",),
    "state": ("landes", "staats"),
}
# The shortest rest after such a beginning: "Bundesamt", not "Bundes" alone.
_SHORTEST_REST_OF_A_COMPOUND = 3


def _begins_a_german_compound(
    word: str, source_tokens: set[str], written_small: frozenset[str], ending: str = ""
) -> bool:
    """Whether a German noun of a source begins with the English ordinary ``word`` (folded) in
    German (:data:`_GERMAN_COMPOUND_BEGINNINGS`), and, where an ``ending`` is given, ends with
    that word spelt the same, with a German ending after it ("Bundesinnenminister" for
    "Federal" and "Minister", "Landesministerin"). Not a German word ``written_small``: the
    adjectives "bundesweit", "landesweit" (nationwide) name no federation or state."""
    for beginning in _GERMAN_COMPOUND_BEGINNINGS.get(word, ()):
        rest = rf"\w{{{_SHORTEST_REST_OF_A_COMPOUND},}}"
        if ending:
            rest = rf"\w*{re.escape(ending)}(?:in|innen|e|n|en|s|es)?"
        said = re.compile(rf"{beginning}{rest}")
        if any(said.fullmatch(token) and token not in written_small for token in source_tokens):
            return True
    return False


# The shortest English word read at a German compound's end, and the shortest beginning before
# it: "Justizministerin" ends with "minister"; "Strompreis" is no "Preis" read as "Prize".
_SHORTEST_WORD_AT_AN_END = 6
_SHORTEST_BEGINNING_BEFORE_IT = 3


def _compound_ends_with(word: str, source_tokens: set[str]) -> bool:
    """Whether a German compound of a source ends with the English ordinary ``word`` (folded)
    spelt the same, as the news' roles and kinds are ("Justizministerin",
    "Bundesinnenminister" for "the Minister of Justice", "Filmfestival" for "the Festival"),
    or alone, with a German ending after it (:data:`_GERMAN_NOUN_ENDINGS`, the feminine "-in",
    "-innen": "Die Ministerin")."""
    if len(word) < _SHORTEST_WORD_AT_AN_END:
        return False
    said = re.compile(
        rf"(?:\w{{{_SHORTEST_BEGINNING_BEFORE_IT},}})?{re.escape(word)}(?:in|innen|e|n|en|s|es)?"
    )
    return any(said.fullmatch(token) for token in source_tokens)


def _kind_is_stated(
    kind: str,
    named: list[str],
    source_lists: list[tuple[list[str], set[str]]] | None,
    written_small: frozenset[str] = frozenset(),
) -> bool:
    """Whether a source says the ``kind`` (see _KINDS) in German right by the name's ``named``
    parts: a word ending in the kind's German word within two words of one of them, not the
    name's own word ("DFB-Pokal", "Gmünder Kunstverein"; "Hamburg" is no castle, nor is a
    "Strompreis" elsewhere a prize), and no German word ``written_small`` ("Windberg steht
    fest" names no festival)."""
    heads = _KINDS.get(kind)
    if not heads or not source_lists or not named:
        return False
    for source_tokens, _ in source_lists:
        at_kind = [
            at
            for at, token in enumerate(source_tokens)
            if any(_says_the_kind(token, head) for head in heads) and token not in written_small
        ]
        at_name = [
            at
            for at, token in enumerate(source_tokens)
            if any(token.startswith(part) or _part_at(part, token) for part in named)
        ]
        # the name and right after it a compound that begins with its kind: "DFB-Pokalsieger"
        # for "DFB Cup winners", "DFB-Pokalfinale" for "DFB Cup final" (a word of five letters
        # or more for the kind: "Windberg-Festnahme" is no festival, "Hamburg-Torwart" no gate)
        if any(
            source_tokens[at + 1].startswith(head)
            and len(source_tokens[at + 1]) - len(head) >= _SHORTEST_WORD_AFTER_IT
            and source_tokens[at + 1] not in written_small
            for at in at_name
            if at + 1 < len(source_tokens)
            for head in heads
            if len(head) >= _SHORTEST_KIND_BEGINNING_A_COMPOUND
        ):
            return True
        if not at_kind:
            continue
        if any(0 < abs(i - j) <= 2 for i in at_kind for j in at_name):
            return True
        # the place by its German name before the kind: "Kölner Dom" for "Cologne Cathedral"
        near_kind = {at for i in at_kind for at in range(i - 2, i + 3) if at != i}
        if any(
            set(named) & words.english_names(source_tokens[at].capitalize())
            for at in near_kind
            if 0 <= at < len(source_tokens)
        ):
            return True
        # the name and its kind one German compound: "Windbergfest" for "Windberg Festival"
        if any(
            token[len(part) :].startswith(head)
            and token[len(part) + len(head) :] in _GERMAN_NOUN_ENDINGS
            and token not in written_small
            for token in source_tokens
            for part in named
            if len(part) >= _SHORTEST_NAME_IN_A_COMPOUND and token.startswith(part)
            for head in heads
        ):
            return True
    return False


# A German adjective or inhabitant of a place names it: "die Berliner", "New Yorker Polizei",
# "Hiltruper Familie", "Ingolstädter" (umlauts fold away), "Londonerin".
_GERMAN_OF_PLACE = re.compile(r"\b([A-ZÄÖÜ][^\W\d_]{3,}?)er(?:n|s|in|innen)?\b")
# A place whose name ends in "-en" drops it for the "-er" ("Geisingen": "Geisinger",
# "Hildburghausen": "Hildburghäuser", "Bremen": "Bremer") or "-ner" ("Dresden": "Dresdner");
# a short name keeps all its letters before the "-er" ("Ulm": "Neu-Ulmer", "Zug": "Zuger").
_GERMAN_OF_PLACE_IN_EN = re.compile(r"\b([A-ZÄÖÜ][^\W\d_]{3,}?)n?er(?:n|s|in|innen)?\b")
_GERMAN_OF_SHORT_PLACE = re.compile(r"\b([A-ZÄÖÜ][^\W\d_]{2})er(?:n|s|in|innen)?\b")
# A German noun in "-ist" of a name in "-a" names it: a club of a league ("Liga") is its
# "Ligist", "der Fußball-Bundesligist" is "the Bundesliga club", "Regionalligist" "Regionalliga
# side". English keeps the league's name, which was flagged as a name the German lacks.
_GERMAN_IST_OF_A_NAME = re.compile(r"\b([A-ZÄÖÜ][^\W\d_]{4,})ist(?:en|in|innen)?\b")


def _german_grams(text: str) -> set[str]:
    """The n-grams of a German text, and of it with "-er" adjectives of places read as the
    place; with the English names of the countries, languages, places and institutions it
    names."""
    grams = _squashed_ngrams(text) | _squashed_ngrams(_GERMAN_OF_PLACE.sub(r"\1", text))
    grams |= _squashed_ngrams(_GERMAN_OF_PLACE_IN_EN.sub(r"\1en", text))
    grams |= _squashed_ngrams(_GERMAN_OF_SHORT_PLACE.sub(r"\1", text))
    grams |= _squashed_ngrams(_GERMAN_IST_OF_A_NAME.sub(r"\1a", text))
    # A name inflected or as an adjective ("Deutschlands", "türkischen"): a word it begins; but
    # a word that begins with a longer country's name names that one ("Nigeria" and
    # "nigerianisch" are not Niger; "Deutschlands" is still German, a language's name).
    countries = words.german_country_names()
    country_stems = _german_country_stems()
    beginnings: set[str] = set()
    # A country after a point of the compass ("Ostdeutsche") is read as a word of its own.
    german_tokens = tokens(text)
    for token in german_tokens + _after_compass_points(german_tokens):
        # No longer beginning can be a name looked up below. Every beginning of a word of
        # 100,000 letters (a pasted blob) took 5 GB, and it grows with the square of the length.
        end = min(len(token), _longest_country_or_language())
        prefixes = [token[:stop] for stop in range(5, end + 1)]
        longest = max((len(prefix) for prefix in prefixes if prefix in countries), default=0)
        beginnings.update(
            prefix for prefix in prefixes if len(prefix) >= longest or prefix not in country_stems
        )
    whole_words = set(german_tokens + _after_compass_points(german_tokens))
    for german, english, stems in _country_and_language_stems():
        if (
            german in grams
            or not stems.isdisjoint(beginnings)
            or not _country_words(german).isdisjoint(whole_words)
        ):
            grams.add(english)
            if english.endswith("o"):
                grams.add(english[:-1] + "an")  # "mexikanisch": Mexico, and Mexican
    grams |= _english_adjectives(german_tokens)
    grams |= _compound_beginnings(text)
    grams |= _compass_points(german_tokens)
    grams |= _upper_and_lower(german_tokens)
    grams |= _feasts_begun(text)
    # A place or institution named in German backs its English name, whole ("Bodensee": "Lake
    # Constance"; "Bundesverfassungsgericht": "Federal Constitutional Court").
    return grams | words.english_names(text)


# A feast at the start of a German compound ("Osterferien", "Weihnachtszeit",
# "Pfingstwochenende", "Silvesternacht", "Neujahrsansprache"), which English writes as the
# feast's name and a word of its own: "the Easter holidays", "at Christmas time".
_FEAST_BEGINNINGS = {
    "Oster": ("Easter",), "Weihnacht": ("Christmas",), "Pfingst": ("Pentecost", "Whitsun"),
    "Silvester": ("New Year's Eve",), "Neujahrs": ("New Year", "New Year's Day"),
    "Fasching": ("Carnival",), "Karneval": ("Carnival",), "Fastnacht": ("Carnival",),
}  # fmt: skip
_FEAST_COMPOUND = re.compile(rf"(?<![\w-])({'|'.join(_FEAST_BEGINNINGS)})[a-zäöüß]{{3,}}")
# Towns whose names begin so, no feast: "Osterode", "Osterholz-Scharmbeck".
_TOWNS_BEGUN_AS_FEASTS = frozenset(
    {"Osterode", "Osterholz", "Osterburg", "Osterhofen", "Osterwieck"}
)


def _feasts_begun(text: str) -> set[str]:
    """The English names (squashed) of the feasts that begin German compounds of ``text``."""
    return (
        {
            "".join(tokens(english))
            for match in _FEAST_COMPOUND.finditer(text)
            if match.group(0) not in _TOWNS_BEGUN_AS_FEASTS
            for english in _FEAST_BEGINNINGS[match.group(1)]
        }
        | _christmas_days(text)
        | _ascension(text)
    )


# The two Christmas days, counted: "am ersten Weihnachtsfeiertag", "am 1. Weihnachtstag" is
# Christmas Day, "am zweiten Weihnachtsfeiertag" Boxing Day, "am ersten und zweiten
# Weihnachtsfeiertag" both. The number is a word or a figure, which no name of
# institutions.toml can hold; the compound alone ("Weihnachtsfeiertage") is Christmas.
_FIRST_DAY = r"(?:[Ee]rste[mnrs]?|1\.)"
_SECOND_DAY = r"(?:[Zz]weite[mnrs]?|2\.)"
_CHRISTMAS_DAY_COUNTED = re.compile(
    rf"(?<![\w.])(?:(?P<first>{_FIRST_DAY})(?:\s+(?:und|oder|bis|&)\s+(?P<then>{_SECOND_DAY}))?"
    rf"|(?P<second>{_SECOND_DAY}))\s+Weihnachts(?:feier)?tag"
)


def _christmas_days(text: str) -> set[str]:
    """The English names (squashed) of the counted Christmas days ``text`` names."""
    days: set[str] = set()
    for match in _CHRISTMAS_DAY_COUNTED.finditer(text):
        if match.group("first"):
            days.add("christmasday")
        if match.group("then") or match.group("second"):
            days.add("boxingday")
    return days


# "Himmelfahrt" alone (or "Himmelfahrtstag") is Ascension Day, as "Christi Himmelfahrt" of
# institutions.toml is, but "Mariä Himmelfahrt" is the Assumption, another feast, and a
# "Himmelfahrtskommando" a suicide mission.
_ASCENSION = re.compile(r"(?<![\w-])(?<!Mariä )(?<!Maria )Himmelfahrt(?:stag(?:e?s)?)?(?![\w-])")


def _ascension(text: str) -> set[str]:
    """Ascension Day's English names (squashed) where ``text`` names it "Himmelfahrt"."""
    return {"ascensionday", "ascension"} if _ASCENSION.search(text) else set()


# The points of the compass in German (folded), alone ("Osten", "im Norden", "östlichen") or
# before a country or its people ("Ostdeutsche", "Westdeutschland", "Nord-Griechenland"),
# which English writes apart: "East Germans", "Western Germany", "Northern Greece".
_COMPASS_POINTS = {"nord": "north", "ost": "east", "sud": "south", "west": "west"}
_COMPASS_WORD = re.compile(r"^(nord|ost|sud|west)(?:en|lich(?:e|en|er|es|em)?)?$")
_COMPASS_BEFORE_A_NAME = re.compile(r"^(nord|ost|sud|west)(\w{5,})$")


def _compass_points(german_tokens: list[str]) -> set[str]:
    """The English points of the compass ("east", "eastern") a German text states, as a word
    or at the start of a compound with a country or its people (not "Ostern", "Ostsee")."""
    found: set[str] = set()
    for token in german_tokens:
        alone = _COMPASS_WORD.match(token)
        before = _COMPASS_BEFORE_A_NAME.match(token)
        match = alone or (before if before and _begins_with_a_country(before.group(2)) else None)
        if match is not None:
            english = _COMPASS_POINTS[match.group(1)]
            found |= {english, english + "ern"}
    return found


# A region named "Ober-", "Unter-" or "Nieder-" and a place, one word in German ("Unterallgäu",
# "Oberallgäu", "Niederbayern"), which English writes as two: "Lower Allgäu", "Upper Allgäu".
_UPPER_OR_LOWER = {"ober": "upper", "unter": "lower", "nieder": "lower"}
_UPPER_OR_LOWER_PLACE = re.compile(r"^(ober|unter|nieder)(\w{4,})$")


def _upper_and_lower(german_tokens: list[str]) -> set[str]:
    """The English "Upper …" and "Lower …" (squashed, as the n-grams) of the German words of
    :data:`_UPPER_OR_LOWER_PLACE`, the place as German spells it or in its English name:
    "Unterallgäu" backs "Lower Allgäu" (and no "Upper Allgäu"), "Niederbayern" "Lower
    Bavaria"."""
    found: set[str] = set()
    for token in german_tokens:
        if match := _UPPER_OR_LOWER_PLACE.match(token):
            place = match.group(2)
            # and the place's English name: "Niederbayern" is "Lower Bavaria"
            for name in {place} | words.english_names(place.capitalize()):
                found.add(_UPPER_OR_LOWER[match.group(1)] + name)
    return found


def _after_compass_points(german_tokens: list[str]) -> list[str]:
    """What follows a point of the compass at the start of a German word ("ostdeutsche":
    "deutsche"); not in a country whose own name holds the point ("Südsudan", "Nordkorea",
    "südafrikanische"): South Sudan is no Sudan, and "Sudan" was backed by "Südsudan"."""
    return [
        match.group(2)
        for token in german_tokens
        if (match := _COMPASS_BEFORE_A_NAME.match(token))
        and not token.startswith(_countries_named_by_compass_points())
    ]


@cache
def _countries_named_by_compass_points() -> tuple[str, ...]:
    """The German names (folded) of the countries and regions whose name begins with a point
    of the compass ("sudsudan", "nordkorea", "westsahara")."""
    return tuple(
        name for name in words.german_country_names() if _COMPASS_BEFORE_A_NAME.match(name)
    )


def _begins_with_a_country(word: str) -> bool:
    """Whether a German word (folded) begins with a country's or language's name or stem
    ("deutsche", "griechenland")."""
    stems = _country_and_language_stem_set()
    return any(word[:stop] in stems for stop in range(5, len(word) + 1))


@cache
def _country_and_language_stem_set() -> frozenset[str]:
    return frozenset(stem for *_, stems in _country_and_language_stems() for stem in stems)


# A German noun compounded of a name and a word ("Hitlergruß", "Wimbledonsiegerin",
# "Bundestagswahl"), also as a hyphenated compound's last part ("CDU-Bundestagsabgeordneter"):
# its beginnings are keys _name_is_stated looks up for a one-word name.
_COMPOUND_BEGINNING = "\x00compound:"
_GERMAN_NOUN = re.compile(r"(?<![\w'’])[A-ZÄÖÜ][^\W\d_]{8,}")
_SHORTEST_NAME_IN_A_COMPOUND = 5  # not "Bern" in "Bernstein", "Hans" in "Hansestadt"
_SHORTEST_WORD_AFTER_IT = 4  # not "Richter" in "Richterin"
# Beginnings no longer than this: every beginning of a pasted blob of 100,000 letters took GBs.
_LONGEST_NAME_IN_A_COMPOUND = 30


def _compound_beginnings(text: str) -> set[str]:
    """Every beginning of a German noun that leaves a word after it, as a key; not a country's
    or language's, read as _german_grams reads them ("Nigerianische" names Nigeria, not Niger)."""
    countries = _country_and_language_stem_set()
    found: set[str] = set()
    for noun in _GERMAN_NOUN.findall(text):
        folded = fold(noun)
        found.update(
            _COMPOUND_BEGINNING + folded[:stop]
            for stop in range(
                _SHORTEST_NAME_IN_A_COMPOUND,
                min(len(folded) - _SHORTEST_WORD_AFTER_IT, _LONGEST_NAME_IN_A_COMPOUND) + 1,
            )
            if folded[:stop] not in countries
        )
    return found


# A German adjective in "-isch", inflected or not ("demokratischen", "katholische").
_GERMAN_ADJECTIVE = re.compile(r"^(\w{4,}?)isch(?:e|en|er|es|em)?$")
# Where English keeps the Latin or Greek letters that German respells: "Demokrat" for
# "Democrat", "Pazifik" for "Pacific", "Westfalen" for "Westphalia".
_LATIN_LETTERS = (("k", "c"), ("z", "c"), ("f", "ph"))
_ENGLISH_ADJECTIVE_ENDINGS = ("ic", "ical", "ian")


def _english_adjectives(german_tokens: list[str]) -> set[str]:
    """The English adjectives (folded) of a text's German adjectives in "-isch", which English
    writes in "-ic", "-ical" or "-ian" with the Latin letters ("demokratisch": "democratic",
    "katholisch": "catholic", "evangelisch": "evangelical", "westfälisch": "westphalian"; a
    "-istisch" also as its "-ist", "sozialistisch": "socialist")."""
    found: set[str] = set()
    for token in german_tokens:
        if (match := _GERMAN_ADJECTIVE.match(token)) is None:
            continue
        for stem in _latin_spellings(match.group(1)):
            found.update(stem + ending for ending in _ENGLISH_ADJECTIVE_ENDINGS)
            if stem.endswith("ist"):
                found.add(stem)
    return found


def _latin_spellings(stem: str) -> set[str]:
    """``stem`` with each combination of the :data:`_LATIN_LETTERS` respelt ("pazif": "pazif",
    "pacif", "paziph", "paciph")."""
    spellings = {stem}
    for german, latin in _LATIN_LETTERS:
        spellings |= {spelling.replace(german, latin) for spelling in spellings}
    return spellings


def _german_stems(german: str) -> set[str]:
    """What a German country or language name begins its people and adjectives with
    ("brasilien": "Brasilianer"; "mexiko": "mexikanisch"; "spanien": "Spanierin"), at least five
    letters; its inflections ("Deutschlands") begin with the name itself."""
    stems = {german} | {german.removesuffix(end) for end in ("en", "e", "a", "o")}
    return {stem for stem in stems if len(stem) >= 5}


@cache
def _longest_country_or_language() -> int:
    """The length of the longest German country or language name (folded and squashed): the
    longest word beginning :func:`_german_grams` looks up."""
    names = [*words.german_country_names(), *(g for g, _ in words.country_and_language_names())]
    return max(map(len, names))


@cache
def _country_and_language_stems() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Each German country or language name with its English one and its stems: worked out
    once, not for each of about a thousand names in every article's check."""
    return tuple(
        (german, english, frozenset(_german_stems(german)))
        for german, english in words.country_and_language_names()
    )


# The endings of a German country's adjective and of its people in "-er", after the country's
# name or its stem before "-ien" ("irakisch", "Iraker"; "syrisch", "Syrer" of "Syrien"; "indisch",
# "Inder"): read as whole words, as such a stem is too short for _german_stems, whose
# beginnings would name too much ("ind" begins "Industrie"). Not the people in "-e", "-en"
# ("Kroate", "Serben"), which as often are other words ("den Armen" is no Armenians, "George"
# no Georgian).
_COUNTRY_WORD_ENDINGS = (
    "isch", "ische", "ischen", "ischer", "isches", "ischem", "er", "ern", "erin", "erinnen"
)  # fmt: skip


# The adjectives and people of countries (by CLDR's German name, folded and squashed) that
# neither rule above reads: the people in "-e", whose other words are no risk here ("Kroate",
# "Serbe", "Franzose", "Däne"), and adjectives and people that change the name's letters
# ("libanesisch", "Peruaner", "venezolanisch", "malisch", "Zyprer"). Written by hand from
# general knowledge of German usage, for every country where the rules miss them, not from any
# benchmark's flags; each backs the country and its English adjectives and people ("Kroaten":
# Croatia, Croatian, Croats). Not "Kongolese" (two countries) nor people of no country
# ("Kurde"). Their endings are read by :func:`_inflected_country_words`.
_GERMAN_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "kroatien": ("kroate",), "serbien": ("serbe",), "bulgarien": ("bulgare",),
    "rumanien": ("rumäne",), "slowakei": ("slowake",), "slowenien": ("slowene",),
    "tschechien": ("tscheche",), "ungarn": ("ungar",), "russland": ("russe",),
    "polen": ("pole",), "frankreich": ("franzose",), "griechenland": ("grieche",),
    "turkei": ("türke",), "portugal": ("portugiese",), "afghanistan": ("afghane",),
    "usbekistan": ("usbeke",), "kasachstan": ("kasache",), "mongolei": ("mongole",),
    "danemark": ("däne",), "finnland": ("finne",), "irland": ("ire",), "estland": ("este",),
    "lettland": ("lette",), "laos": ("laote",), "tadschikistan": ("tadschike",),
    "kirgisistan": ("kirgise",), "turkmenistan": ("turkmene",),
    "libanon": ("libanesisch", "libanese"), "peru": ("peruanisch", "peruaner"),
    "venezuela": ("venezolanisch", "venezolaner"), "libyen": ("libysch", "libyer"),
    "kuba": ("kubanisch", "kubaner"), "mali": ("malisch", "malier"),
    "niger": ("nigrisch", "nigrer"), "zypern": ("zyprisch", "zyprer", "zypriot"),
    "mosambik": ("mosambikanisch", "mosambikaner"), "panama": ("panamaisch", "panamaer"),
    "elsalvador": ("salvadorianisch", "salvadorianer"),
    "dominikanischerepublik": ("dominikanisch", "dominikaner"),
    "palastinensischeautonomiegebiete": ("palästinensisch", "palästinenser"),
}  # fmt: skip


def _inflected_country_words(word: str) -> tuple[str, ...]:
    """A word of :data:`_GERMAN_COUNTRY_WORDS` with its endings, folded: an adjective in
    "-sch" ("libanesische"), people in "-er" ("Peruanerin") or in "-e" ("Kroaten", "Kroatin",
    "Französinnen"), or another ("Zyprioten")."""
    if word.endswith("sch"):  # "libysch" as "libanesisch"
        endings: tuple[str, ...] = ("", "e", "en", "er", "es", "em")
    elif word.endswith("er"):
        endings = ("", "n", "s", "in", "innen")
    elif word.endswith("e"):
        word, endings = word[:-1], ("e", "en", "in", "innen")
    else:
        endings = ("", "n", "en", "s", "in", "innen")
    return tuple(fold(word + ending) for ending in endings)


@cache
def _country_words(german: str) -> frozenset[str]:
    """A German country's adjective and its people in "-er", as whole words (folded):
    "syrien": "syrisch", "syrischen", "syrer", …, and those of :data:`_GERMAN_COUNTRY_WORDS`
    ("kroatien": "kroate", "kroaten", …); none for a language."""
    if german not in words.german_country_names():
        return frozenset()
    stems = {german, german.removesuffix("ien")}
    listed = (
        form
        for word in _GERMAN_COUNTRY_WORDS.get(german, ())
        for form in _inflected_country_words(word)
    )
    return frozenset(
        [stem + ending for stem in stems if len(stem) >= 3 for ending in _COUNTRY_WORD_ENDINGS]
    ).union(listed)


@cache
def _german_country_stems() -> frozenset[str]:
    return frozenset(stem for name in words.german_country_names() for stem in _german_stems(name))


@lru_cache(maxsize=words.WORD_CACHE_SIZE)
def _german_names_of(english: str) -> frozenset[str]:
    """The stems of the German names (CLDR) of a country or language, or of its people
    ("turkish": "turkisch"; "brazilian": "brasili"; "mexican": "mexik")."""
    return frozenset(
        stem
        for german, name in words.country_and_language_names()
        if english == name
        or _close_forms(english, {name})
        or (name.endswith("o") and english.removesuffix("s") == name[:-1] + "an")
        for stem in _german_stems(german)
    )


def _acronyms(text: str) -> set[str]:
    """Initials of capitalised word runs: "United Nations" → un, "Health Service" → hs."""
    found: set[str] = set()
    for match in _NAME.finditer(text):
        parts = [word for word in re.split(r"\s+|-", match.group(0)) if word]
        # A word in capitals counts whole: "World War II" → wwii.
        initials = [fold(word if _is_all_caps(word) else word[0]) for word in parts]
        for start in range(len(initials)):
            for end in range(start + 2, min(len(initials), start + 6) + 1):
                found.add("".join(initials[start:end]))
    return found


# A sentence's end between two words: "Der Preis ging an Hans. Schmidt protestierte." names no
# "Hans Schmidt". After a word of three or more letters (not an initial, "George W. Bush", nor
# "St. Louis"); the gap is wider than _NAME_PART_GAP, in words no name has.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2}[a-zäöüß][.!?])\s+(?=[A-ZÄÖÜ])")
_SENTENCE_GAP = " sentenceendgap sentenceendgap sentenceendgap "
# How many words apart two parts of one name may stand in a source, in order: a middle name
# between them ("George W. Bush", "Recep Tayyip Erdogan"); in the other order only side by side
# ("Merkel, Angela"). Further apart they are parts of two names ("Angela Merkel and Olaf Scholz"
# is no "Angela Scholz", nor "Olaf Merkel").
_NAME_PART_GAP = 2
# "Anna und Peter Müller": two given names before one family name back "Anna Müller" too.
_SHARED_NAME_JOINS = frozenset({"and", "und", "or", "oder", "sowie"})


def _part_at(part: str, token: str, given: bool = False) -> bool:
    """Whether ``token`` of a source is ``part`` of a name (or a close form); a ``given`` name
    also as the start of a longer one ("Alex" at "Alexander")."""
    return (
        token == part
        or _close_forms(part, {token})
        or (given and len(token) > len(part) and token.startswith(part))
        # a country or its people in German ("turkish" at "türkischen", "korean" in "südkoreanisch")
        or any(stem in token for stem in _german_names_of(part))
    )


def _is_given_name(part: str, index: int) -> bool:
    """Whether a name's part may stand for a longer given name ("Alex" for "Alexander")."""
    return index == 0 and len(part) >= 3


def _parts_stand_together(
    parts: list[str], first: int, sources: list[tuple[list[str], set[str]]]
) -> bool:
    """Whether each two neighbouring parts of a name (from ``first`` on) stand within
    :data:`_NAME_PART_GAP` words of each other in a source (its tokens and n-grams) that states
    both. A source that states a part only in an n-gram, a place adjective or a country's German
    name ("spanischen" for Spanish) is not held against the name."""
    # Where a part stands in each source, found once for each part (a name that repeats a word,
    # "Abc Abc Abc …", looked each up again at every step: 3,000 words took 35 s).
    places: dict[tuple[int, str, bool], list[int]] = {}

    def at(number: int, source_tokens: list[str], part: str, given: bool = False) -> list[int]:
        key = (number, part, given)
        if key not in places:
            places[key] = [i for i, t in enumerate(source_tokens) if _part_at(part, t, given)]
        return places[key]

    for index in range(first, len(parts) - 1):
        here, there = parts[index], parts[index + 1]
        given = _is_given_name(here, index)  # "Alex Merkel" from "Alexander Scholz", "Merkel"
        together, apart = False, False
        for number, (source_tokens, grams) in enumerate(sources):
            if not all(
                part in grams or _close_forms(part, grams) for part in (here, there)
            ) and not (
                given
                and (there in grams or _close_forms(there, grams))
                and any(_part_at(here, token, given) for token in source_tokens)
            ):
                continue  # this source does not state both
            at_here = at(number, source_tokens, here, given)
            at_there = at(number, source_tokens, there)
            if (
                not at_here
                or not at_there
                or any(
                    0 < j - i <= _NAME_PART_GAP
                    or i - j == 1
                    or (  # a family name shared: "Hans and Maria Schmidt" backs "Hans Schmidt"
                        index == first
                        and i + 2 < j <= i + 2 + _NAME_PART_GAP
                        and source_tokens[i + 1] in _SHARED_NAME_JOINS
                    )
                    for i in at_here
                    for j in at_there
                )
            ):
                together = True  # side by side, or not as words of their own: let be
                break
            apart = True
        if apart and not together:
            return False
    return True


def _roles(parts: list[str], proper: list[int]) -> set[int]:
    """Indices of the ordinary words between two proper parts of a name, up to a noun: the role
    that a source may word otherwise ("President" in "Turkish President Recep Tayyip Erdogan" for
    "türkischen Präsidenten", "Transport Minister" in "CSU Transport Minister Scheuer" for
    "CSU-Verkehrsminister")."""
    roles: set[int] = set()
    for before, after in pairwise(proper):
        nouns = [index for index in range(before + 1, after) if words.is_noun(parts[index])]
        if nouns:
            roles.update(range(before + 1, nouns[-1] + 1))
    return roles


def _is_stated_part(part: str, grams: set[str]) -> bool:
    return part in grams or _close_forms(part, grams)


def _segments(size: int, cuts: set[int]) -> list[list[int]]:
    """The indices 0..size-1 in stretches between the ``cuts``."""
    segments: list[list[int]] = [[]]
    for index in range(size):
        if index in cuts:
            segments.append([])
        else:
            segments[-1].append(index)
    return [segment for segment in segments if segment]


def _stated_whole(parts: list[str], segment: list[int], grams: set[str]) -> set[int]:
    """The indices of the words of ``segment`` that the source states together, as one name
    but not word by word: "South Korean" for "südkoreanischen", "North Sea" (in "German North
    Sea") for "Nordsee"; the longest such run first."""
    stated: set[int] = set()
    if len(segment) < 2:
        return stated
    # A stretch longer than any gram (give or take an ending) and than any country's adjective
    # is stated by none: only the shorter are joined and looked up. Each word is looked up once.
    # (Every stretch was: a run of 400 capitalised words took 9 s.)
    longest = max(max(map(len, grams), default=0) + 4, _longest_country_or_adjective())
    alone: dict[int, bool] = {}
    ends = list(itertools.accumulate((len(parts[index]) for index in segment), initial=0))

    def stated_alone(index: int) -> bool:
        if index not in alone:
            alone[index] = _is_stated_part(parts[index], grams)
        return alone[index]

    for size in range(min(len(segment), longest), 1, -1):
        for start in range(len(segment) - size + 1):
            run = segment[start : start + size]
            if ends[start + size] - ends[start] > longest:
                continue
            if (
                not stated.intersection(run)
                and not all(stated_alone(index) for index in run)
                and _is_stated_part("".join(parts[index] for index in run), grams)
            ):
                stated.update(run)
    return stated


@cache
def _longest_country_or_adjective() -> int:
    return max(map(len, _countries_and_adjectives()), default=0)


# A source naming the United States as "America", "the Americans", "Amerika" (not "Latin
# America", "Bank of America"): a key _stated_names adds to the source's grams.
_AMERICA = "\x00america"
_AMERICA_WORDS = re.compile(
    r"^(?:america|americans?|amerika|amerikaner(?:in|innen|n)?|amerikanisch\w*)$"
)
_NOT_THE_US_BEFORE = frozenset({"latin", "south", "north", "central", "of"})


def _names_america(source_lists: list[tuple[list[str], set[str]]]) -> bool:
    return any(
        _AMERICA_WORDS.match(token) and (index == 0 or words_[index - 1] not in _NOT_THE_US_BEFORE)
        for words_, _ in source_lists
        for index, token in enumerate(words_)
    )


# The abbreviations English news writes for names an article writes whole or otherwise (the
# German "USA" is not the English "US"; "Großbritannien" is read as "Britain"), folded. Not
# "America" alone ("Latin America", "Bank of America": see _names_america) nor "GB" ("32 GB").
_ABBREVIATED_NAMES = {
    "us": frozenset({"usa", "unitedstates", "unitedstatesofamerica", _AMERICA}),
    "usa": frozenset({"unitedstates", "unitedstatesofamerica", _AMERICA}),
    "uk": frozenset({"unitedkingdom", "britain", "greatbritain"}),
    "un": frozenset({"unitednations", "uno"}),
    "eu": frozenset({"europeanunion"}),
}
_SPACED_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){2,}")
# Dotted abbreviations after a time: "8 P.M." is no name.
_TIMES_OF_DAY = frozenset({"A.M.", "P.M."})


# A hyphen between two countries or abbreviations written as one word ("US-China talks",
# "EU-Turkey deal", "UK-France summit"): read as two names where every part is one. Not
# other names ("Jean-Pierre", "Saint-Germain", "DFB-Pokal"), whose parts stated apart back
# no whole.
_JOINED_NAMES = re.compile(r"(?<=[\w.])-(?=[A-Z])")


def _name_is_stated(
    name: str,
    grams: set[str],
    source_tokens: set[str],
    acronyms: set[str],
    source_lists: list[tuple[list[str], set[str]]] | None = None,
    capitalised: set[str] | None = None,
    written_small: frozenset[str] = frozenset(),
) -> bool:
    key = "".join(tokens(name))
    if capitalised is not None and words.DOTTED_ABBREVIATION.fullmatch(name):
        # "U.S." is a name: the source's pronoun "us" ("told us", "uns") backs it no more than
        # another word would; its capitals, its words' initials or its full name do.
        return (
            key in capitalised
            or key in acronyms
            or bool(_ABBREVIATED_NAMES.get(key, frozenset()) & grams)
        )
    if key in grams or _close_forms(key, grams) or words.WHOLE_ONLY + key in grams:
        return True
    pieces = _JOINED_NAMES.split(name)
    if (
        len(pieces) > 1
        and " " not in name
        and all(
            _is_all_caps(piece) or "".join(tokens(piece)) in _countries_and_adjectives()
            for piece in pieces
        )
        and all(
            _name_is_stated(
                piece, grams, source_tokens, acronyms, source_lists, capitalised, written_small
            )
            for piece in pieces
        )
    ):
        return True  # "US-China talks", "EU-China summit": two names, each stated
    if key in _PANDEMIC_NAMES and _pandemic_stated(source_tokens, source_lists):
        return True  # "Covid-19" for the article's "Corona-Krise"
    if _is_all_caps(name) and len(key) <= 6 and key in acronyms:
        return True
    if _ABBREVIATED_NAMES.get(key, frozenset()) & grams:
        return True  # "U.S." for the article's "USA", "UK" for its "Britain"
    parts = tokens(name)
    if len(parts) == 1 and not words.is_common_word(key) and _COMPOUND_BEGINNING + key in grams:
        return True  # "Hitler" for the German "Hitlergruß"
    if len(parts) == 1 and words.is_common_word(key):
        # An ordinary word used as a name ("Allied forces"): any form of it will do ("Allies");
        # a kind of institution also in German ("in the League" for "in der Liga").
        return (
            bool(words.word_forms(key) & source_tokens)
            or _kind_said_in_german(key, source_tokens, written_small)
            or _compound_ends_with(key, source_tokens)
            or _begins_a_german_compound(key, source_tokens, written_small)
        )
    if len(parts) < 2:
        return False
    # A name is backed when each of its parts is (word order, middle names, "Alex" for
    # "Alexander"); ordinary words before the name proper ("Chancellor Merkel") do not count,
    # the words after it do ("Marie Graves" is not "Marie Claire").
    proper = [index for index, part in enumerate(parts) if not words.is_common_word(part)]
    first_proper = proper[0] if proper else 0
    # The words that name what a kind is of: the proper ones, or all where each is also an
    # ordinary word ("Cologne Cathedral": "cologne" is a scent too).
    naming = proper or list(range(len(parts)))
    # A role the source words otherwise ("Turkish President Erdogan" for "türkischen Präsidenten
    # Erdogan") is left out; the words around it are names of their own ("South Korean"). Not
    # where the English source (listed first) names the person: the summary was written from
    # it, so a role missing there is the summary's own ("Turkish Foreign Minister Recep Tayyip
    # Erdogan" for "Turkish President Recep Tayyip Erdogan").
    roles: set[int] = set()
    if not (source_lists and all(_is_stated_part(parts[i], source_lists[0][1]) for i in proper)):
        roles = {i for i in _roles(parts, proper) if not _is_stated_part(parts[i], grams)}
    # Initials ("J.R." of "J.R. Smith", "H.-W." of "H.-W. Sinn"): backed by a source's name
    # whose words begin so ("Hans-Werner Sinn"), as the initials alone are.
    initials = {"".join(tokens(word)) for word in name.split() if _INITIAL.fullmatch(word)}
    stated: set[int] = set()
    for segment in _segments(len(parts), roles):
        stated |= _stated_whole(parts, segment, grams)
    for index, part in enumerate(parts):
        if index in stated or index in roles or index < first_proper:
            continue
        if _is_stated_part(part, grams) or (part in initials and part in acronyms):
            continue
        if _begins_a_german_compound(part, source_tokens, written_small):
            continue  # "State government" for "Staatsregierung"
        if index > 0 and _begins_a_german_compound(
            parts[index - 1], source_tokens, written_small, ending=part
        ):
            continue  # "Federal Minister" for "Bundesinnenminister": one German word
        if (
            index == len(parts) - 1
            and index > first_proper
            and (
                part in _DIVISIONS
                or _kind_is_stated(
                    part, [parts[i] for i in naming if i < index], source_lists, written_small
                )
            )
        ):
            continue  # "Cham County" for "Landkreis Cham": the translator's word for the kind
        # "Alex" for "Alexander": a longer name, written with a capital ("Tim" is not "timely")
        longer = capitalised if capitalised is not None else source_tokens
        if _is_given_name(part, index) and any(
            t.startswith(part) for t in longer if len(t) > len(part)
        ):
            continue
        return False
    kind_last = parts[-1] in _DIVISIONS or (
        not _is_stated_part(parts[-1], grams)
        and _kind_is_stated(parts[-1], [parts[i] for i in naming[:-1]], source_lists, written_small)
    )
    last = len(parts) - (1 if kind_last and len(parts) - 1 > first_proper else 0)
    if source_lists is None:
        return True
    # The parts around a role must stand together as around the source's word for it; a name
    # stated whole between roles ("South Korean" for "südkoreanischen") is one part there.
    kept: list[tuple[str, int]] = []  # a part, and the index of its last word in the name
    for segment in _segments(last, roles):
        if stated.issuperset(segment) and len(segment) > 1:
            kept.append(("".join(parts[index] for index in segment), segment[-1]))
        else:
            kept += [(parts[index], index) for index in segment]
    first = next(at for at, (_, end) in enumerate(kept) if end >= first_proper)
    return _parts_stand_together([part for part, _ in kept], first, source_lists)


# Cyrillic names are written in German by German rules and in English by English ones
# ("Wladimir Putin"/"Vladimir Putin", "Selenskyj"/"Zelensky", "Tschaikowsky"/"Tchaikovsky",
# "Gorbatschow"/"Gorbachev", "Chodorkowski"/"Khodorkovsky"). Both are read into one spelling
# in which the letters each writes for one Cyrillic sound fall together: щ, ч and х (German
# "schtsch", "tsch", "ch"; English "shch", "ch", "kh"), ш and ж ("sch", "sh"; "sh", "zh"), в
# ("w"; "v"), з and ц ("s", "z"; "z", "ts"), й and the ending -ий ("j", "ij"; "y", "i", "iy").
_TRANSLITERATED = {
    "schtsch": "wx", "shch": "wx", "tsch": "x", "tch": "x", "sch": "w", "sh": "w", "zh": "w",
    "kh": "x", "ch": "x", "x": "ks", "w": "v", "ts": "s", "tz": "s", "z": "s", "j": "i", "y": "i",
}  # fmt: skip
_TRANSLITERATED_LETTERS = re.compile(
    "|".join(sorted(_TRANSLITERATED, key=len, reverse=True)), re.IGNORECASE
)
# ё after a hushing sound: German "o" ("Gorbatschow"), English "e" ("Gorbachev")
_YO_AFTER_HUSHER = re.compile(r"(?<=[xw])o")
_CAPITALISED_WORD = re.compile(r"(?<![\w'’])[A-ZÄÖÜ][^\W\d_]+")


def _transliteration_key(word: str) -> str:
    """A name's one spelling for German and English transliterations alike ("Selenskyj" and
    "Zelensky": "Selenski"), with its capital."""
    key = _TRANSLITERATED_LETTERS.sub(lambda match: _TRANSLITERATED[match.group(0).lower()], word)
    key = re.sub(r"(.)\1+", r"\1", _YO_AFTER_HUSHER.sub("e", key.lower()))
    return key[:1].upper() + key[1:]


def _transliterated(text: str) -> str:
    """``text`` with its capitalised words that are no ordinary English words read as
    :func:`_transliteration_key` spells them."""
    return _CAPITALISED_WORD.sub(
        lambda match: (
            match.group(0)
            if words.is_common_word(match.group(0)) or _ROMAN_NUMBER.fullmatch(match.group(0))
            else _transliteration_key(match.group(0))
        ),
        text,
    )


# A Roman number after a name ("Charles III", "Henry VIII"): no letters of a transliteration,
# whose doubled letters fall together ("III" was "I", and "Charles II" was "Charles III").
_ROMAN_NUMBER = re.compile(r"[IVXL]+")


@dataclass(frozen=True)
class _TransliteratedSources:
    """The sources as :func:`_transliterated` reads them, for a name no spelling of which
    they state."""

    grams: set[str]
    tokens: set[str]
    lists: list[tuple[list[str], set[str]]]
    capitalised: set[str]


def _transliterated_sources(sources: list[tuple[str, str]]) -> _TransliteratedSources:
    texts = [_SENTENCE_END.sub(_SENTENCE_GAP, _transliterated(text)) for text, _ in sources]
    lists = [(tokens(text), _squashed_ngrams(text)) for text in texts]
    return _TransliteratedSources(
        set().union(*(grams for _, grams in lists)),
        {token for source_tokens, _ in lists for token in source_tokens},
        lists,
        {fold(word) for text in texts for word in _CAPITALISED_WORD.findall(text)},
    )


def _quotations(text: str) -> Iterator[str]:
    for match in _QUOTE.finditer(text):
        quoted = (match.group("double") or match.group("single") or "").strip()
        # Every quotation, of one word too: a summary's "treason" or "a disaster" in quotes
        # is the article's word or an invented one (only quotes of three words were checked,
        # and the brief said every quotation was found).
        if tokens(quoted):
            yield quoted


_ARTICLES = frozenset({"a", "an", "the"})


def _quote_key(text: str) -> str:
    # Articles aside: a summary may drop "the" from a quotation without changing it.
    return " " + " ".join(token for token in tokens(text) if token not in _ARTICLES) + " "


def _quote_is_stated(quoted: str, source_keys: list[str]) -> bool:
    # An ellipsis or an editor's bracket leaves words out: each stretch must be stated.
    pieces = [piece for piece in _ELLIPSIS.split(quoted) if _quote_key(piece).strip()]
    return all(any(_quote_key(piece) in source for source in source_keys) for piece in pieces)


def checkable_facts(summary: str) -> int:
    """How many numbers, names and quotations :func:`unsupported_facts` looks up for
    ``summary`` (a name counted once): none means the check had nothing to find."""
    names = {"".join(tokens(name.text)) for name in _names(summary)}
    return len(find_quantities(summary, "en")) + len(names) + sum(1 for _ in _quotations(summary))


_UMLAUTS_SPELT_OUT = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def _umlauts_spelt_out(text: str) -> str | None:
    """``text`` with its umlauts written as two letters ("Düsseldorf": "Duesseldorf"), or None
    where it has none."""
    spelt = text.translate(_UMLAUTS_SPELT_OUT)
    return spelt if spelt != text else None


# The given names of kings, queens, emperors and popes that German and English write in their
# own forms ("Karl III." is "Charles III", "Papst Franziskus" "Pope Francis", "Ludwig XIV."
# "Louis XIV"), written by hand from general knowledge of both languages' usage, not from any
# benchmark's flags. Names spelt alike once folded ("Leo", "Paul", "Elizabeth" of "Elisabeth"
# is not: listed) need no entry.
_REGNAL_NAMES = {
    "Karl": "Charles", "Ludwig": "Louis", "Heinrich": "Henry", "Wilhelm": "William",
    "Friedrich": "Frederick", "Georg": "George", "Jakob": "James", "Johann": "John",
    "Johannes": "John", "Eduard": "Edward", "Philipp": "Philip", "Franziskus": "Francis",
    "Benedikt": "Benedict", "Gregor": "Gregory", "Klemens": "Clement", "Clemens": "Clement",
    "Innozenz": "Innocent", "Nikolaus": "Nicholas", "Konstantin": "Constantine",
    "Katharina": "Catherine", "Elisabeth": "Elizabeth", "Maria": "Mary",
    "Margarete": "Margaret", "Margarethe": "Margaret", "Viktoria": "Victoria",
    "Stephan": "Stephen", "Andreas": "Andrew", "Josef": "Joseph", "Rudolf": "Rudolph",
}  # fmt: skip
# Such a name as a sovereign's or pope's: after the title ("König Karl", "des Papstes
# Franziskus", "Kaiserin Maria Theresia") or before its number ("Karl III.", "Johannes Paul
# II."); not a commoner's ("Karl Lauterbach" stays Karl).
_REGNAL_TITLE = (
    r"(?:König(?:in)?|Kaiser(?:in)?|Papst|Päpstin|(?:Kron)?[Pp]rinz(?:essin)?|(?:Groß|Erz)?"
    r"[Hh]erzog(?:in)?|Zar(?:in)?|Kurfürst(?:in)?)(?:e?s|en|n)?"
)
_REGNAL_NAME = re.compile(
    rf"(?P<title>(?<![\w-]){_REGNAL_TITLE}\s+)?"
    r"(?P<name>(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?:\s+[A-ZÄÖÜ][a-zäöüß]+)?)"
    r"(?P<number>\s+[IVXL]+\.)?"
)


def _regnal_names_in_english(german: str) -> str | None:
    """``german`` with a sovereign's or pope's given names in their English form
    (:data:`_REGNAL_NAMES`: "König Karl III." as "König Charles III."), or None where it has
    none to change."""

    def english(match: re.Match[str]) -> str:
        if not (match.group("title") or match.group("number")):
            return match.group(0)
        name = " ".join(_REGNAL_NAMES.get(word, word) for word in match.group("name").split())
        return (match.group("title") or "") + name + (match.group("number") or "")

    spelt = _REGNAL_NAME.sub(english, german)
    return spelt if spelt != german else None


# A middle initial: one capital and a dot between two words of a name ("F." of "John F.
# Kennedy"), not a first initial ("J. Smith") nor a name's last word.
_MIDDLE_INITIAL = re.compile(r"(?<=[^\W\d_]) [A-Z]\.(?= [A-ZÄÖÜ])")


def _without_middle_initials(readings: list[str], sources: list[tuple[str, str]]) -> list[str]:
    """The readings of a name that have a middle initial, without it ("John F. Kennedy":
    "John Kennedy"), which an article may leave out; not where a source gives the name another
    initial ("John G. Kennedy": another person, or another's error)."""
    found: list[str] = []
    for reading in readings:
        if not _MIDDLE_INITIAL.search(reading):
            continue
        initialled = re.compile(
            r"(?<![\w-])"
            + r"\s+".join(
                r"[A-Z]\." if _INITIAL.fullmatch(part) else re.escape(part)
                for part in reading.split()
            )
            + r"(?![\w-])"
        )
        if any(
            re.sub(r"\s+", " ", match.group(0)) != reading
            for text, _ in sources
            for match in initialled.finditer(text)
        ):
            continue  # the source has the name with another initial
        found.append(_MIDDLE_INITIAL.sub("", reading))
    return found


# The initials between a name's first and last word, as a source writes them: " H. W." of
# "George H. W. Bush", " F." of "John F. Kennedy", "" of "John Kennedy".
_INITIALS_BETWEEN = r"(?P<initials>(?:\s+[A-Z]\.(?:-?[A-Z]\.)*)*)\s+"


def _other_initials(reading: str, sources: list[tuple[str, str]]) -> bool:
    """Whether the sources write a name's first and last word only with other middle initials
    than ``reading`` has: "George W. Bush" where the article has "George H. W. Bush" (or the
    reverse) is another person, which each word stated one or two words apart had backed. A
    source without initials there backs any (see :func:`_without_middle_initials`)."""
    parts = reading.split()
    if len(parts) < 3 or _INITIAL.fullmatch(parts[0]) or _INITIAL.fullmatch(parts[-1]):
        return False
    if not all(_INITIAL.fullmatch(part) for part in parts[1:-1]):
        return False
    letters = "".join(re.findall(r"[A-Z]", "".join(parts[1:-1])))
    written = re.compile(
        rf"(?<![\w-]){re.escape(parts[0])}{_INITIALS_BETWEEN}{re.escape(parts[-1])}(?![\w-])"
    )
    found = {
        "".join(re.findall(r"[A-Z]", match.group("initials")))
        for text, _ in sources
        for match in written.finditer(text)
    }
    return letters not in found and any(found)


def _initials_left_out(reading: str, sources: list[tuple[str, str]]) -> bool:
    """Whether a source writes a name of two words with middle initials between them: "George
    Bush" for the article's "George H. W. Bush", whose words stood too far apart to back it."""
    parts = reading.split()
    if len(parts) != 2 or any(_INITIAL.fullmatch(part) for part in parts):
        return False
    written = re.compile(
        rf"(?<![\w-]){re.escape(parts[0])}{_INITIALS_BETWEEN}{re.escape(parts[1])}(?![\w-])"
    )
    return any(match.group("initials") for text, _ in sources for match in written.finditer(text))


# A name that opens with initials ("J. Smith", "J.R. Smith", "J. R. R. Tolkien") and its rest.
_LEADING_INITIALS = re.compile(r"(?P<initials>(?:[A-Z]\.(?:-?[A-Z]\.)*\s*)+)(?P<rest>[A-ZÄÖÜ].*)")


_SURNAME_AFTER_AN_INITIAL = re.compile(r"\.\s+([A-ZÄÖÜ][\w'’-]*)")


def _given_names_initialled(reading: str, sources: list[tuple[str, str]]) -> bool:
    """Whether a source writes the given names that a name's leading initials stand for, each
    beginning with its letter, right before the name's rest: "J. Smith" for the article's
    "John Smith", "J.R. Smith" for "John Robert Smith". Not "Jane Smith" for "J. Smith", nor
    "J. Smith" for "John Brown and Mary Smith"."""
    match = _LEADING_INITIALS.fullmatch(reading)
    if match is None:
        return False
    letters = re.findall(r"[A-Z]", match.group("initials"))
    given = r"[-\s]+".join(rf"{letter}[^\W\d_]+" for letter in letters)
    written = re.compile(rf"(?<![\w-]){given}\s+{re.escape(match.group('rest'))}(?![\w-])")
    return any(written.search(text) for text, _ in sources)


# An English weekday right after a word: "Good Friday", "Easter Monday", "Ash Wednesday".
_WEEKDAY_AFTER = re.compile(
    r"\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _ends_a_compound(quantity: Quantity, text: str) -> bool:
    """Whether a German weekday ends a compound, as a movable feast names its own
    ("Karfreitag", "Ostermontag", "Aschermittwoch"): its English name is a word and the
    weekday ("Good Friday", "Easter Monday", "Ash Wednesday")."""
    return quantity.kind == "weekday" and quantity.start > 0 and text[quantity.start - 1].isalpha()


# The German first words of the movable feasts an English word names before a weekday:
# "Easter Monday" is "Ostermontag", "Whit Monday" "Pfingstmontag", "Good Friday" "Karfreitag".
# A word not listed ("Election Sunday" for "Wahlsonntag") is backed by any such compound.
_FEASTS_BEFORE_A_WEEKDAY = {
    "easter": ("oster",), "whit": ("pfingst",), "pentecost": ("pfingst",), "good": ("kar",),
    "holy": ("kar", "grun"), "maundy": ("grun",), "ash": ("ascher",), "palm": ("palm",),
    "rose": ("rosen",), "shrove": ("fasching", "fastnacht"),
}  # fmt: skip


@dataclass(frozen=True)
class _FeastDay:
    """A German compound ending in a weekday: its first word, folded ("oster"), and the day."""

    first_word: str
    weekday: float | tuple[int, ...]


def _feast_days(quantities: list[Quantity], text: str) -> set[_FeastDay]:
    """The movable feasts a German text names by their weekday ("Ostermontag", "Karfreitag")."""
    days: set[_FeastDay] = set()
    for quantity in quantities:
        if _ends_a_compound(quantity, text):
            first = re.search(r"[^\W\d_]+$", text[: quantity.start])
            word = fold(first.group(0)) if first else ""
            days.update(_FeastDay(word, weekday) for weekday in quantity.values)
    return days


def _feast_is_stated(word: str, weekday: float, feasts: set[_FeastDay]) -> bool:
    """Whether ``word`` before an English weekday names a feast the German states:
    "Easter Monday" for "Ostermontag", not for "Pfingstmontag"."""
    firsts = _FEASTS_BEFORE_A_WEEKDAY.get(fold(word))
    return any(
        feast.weekday == weekday
        and (firsts is None or any(feast.first_word.startswith(first) for first in firsts))
        for feast in feasts
    )


def unsupported_facts(summary: str, source_en: str, source_de: str | None = None) -> list[Flag]:
    """Numbers, names and quotes of ``summary`` that neither source states."""
    flags: list[Flag] = []
    sources = [(source_en, "en")] + ([(source_de, "de")] if source_de else [])
    source_quantities: list[Quantity] = []
    feast_days: set[_FeastDay] = set()
    for text, language in sources:
        found = find_quantities(text, language)  # type: ignore[arg-type]
        source_quantities += found
        if language == "de":
            feast_days |= _feast_days(found, text)
    clubs = set().union(*(club_numbers(text) for text, _ in sources))
    for quantity in find_quantities(summary, "en"):
        if not is_supported(quantity, source_quantities) and not names_a_club(
            quantity, summary, clubs
        ):
            flags.append(
                Flag("number", quantity.text, f"{quantity.kind} not in the article", quantity.start)
            )

    source_tokens = {token for text, _ in sources for token in tokens(text)}
    gapped = [(_SENTENCE_END.sub(_SENTENCE_GAP, text), lang) for text, lang in sources]
    source_lists = [
        (tokens(text), _german_grams(text) if lang == "de" else _squashed_ngrams(text))
        for text, lang in gapped
    ]
    # English news spells a German name's umlauts out ("Müller" as "Mueller", "Söder" as
    # "Soeder"), which fold() does not ("muller"): the sources with umlauts are read so too.
    source_lists += [
        (tokens(spelt), _squashed_ngrams(spelt))
        for spelt in (_umlauts_spelt_out(text) for text, _ in gapped)
        if spelt is not None
    ]
    # A sovereign's or pope's name in its English form: "Charles III" for "Karl III.".
    source_lists += [
        (tokens(english), _squashed_ngrams(english))
        for english in (_regnal_names_in_english(text) for text, lang in gapped if lang == "de")
        if english is not None
    ]
    grams = set().union(*(source_grams for _, source_grams in source_lists))
    if _names_america(source_lists):
        grams.add(_AMERICA)
    capitalised = {
        token
        for text, _ in sources
        for token in tokens(" ".join(re.findall(r"(?<![\w'’])[A-ZÄÖÜ][\w'’]*", text)))
        + tokens(" ".join(words.DOTTED_ABBREVIATION.findall(text)))
        # Initials with spaces, as German house style writes them ("J. K. Rowling"): "jk".
        + ["".join(re.findall(r"[A-Z]", run)).lower() for run in _SPACED_INITIALS.findall(text)]
    }
    acronyms = set().union(*(_acronyms(text) for text, _ in sources))
    written_small = frozenset().union(
        *(_german_words_written_small(text) for text, lang in sources if lang == "de")
    )
    # Words the sources write in capitals ("UN", "FBI", "NHS"), with dots or without ("U.N.",
    # "U.S.", "E.U."): a name they abbreviate. (The pronoun "us" is none.)
    capital_words = {
        fold(word) for text, _ in sources for word in re.findall(r"\b[A-Z]{2,6}\b", text)
    } | {
        fold(letters)
        for text, _ in sources
        for dotted in words.DOTTED_ABBREVIATION.findall(text)
        if (letters := re.sub(r"[.-]", "", dotted)).isupper()
        and len(letters) <= 6
        and dotted not in _TIMES_OF_DAY  # "8 P.M." abbreviates no "Prime Minister"
    }
    # The world wars by any of their names: "World War II" for "Zweiter Weltkrieg" or "the
    # Second World War"; a war the article does not name is flagged as a name.
    wars_stated: set[int] = set()
    for text, language in sources:
        for *_, wars in world_wars(text, language):  # type: ignore[arg-type]
            wars_stated |= wars
    summary_wars = world_wars(summary, "en")
    for start, end, wars in summary_wars:
        said = summary[start:end]
        if not wars <= wars_stated and all(flag.text != said for flag in flags):
            flags.append(Flag("name", said, "name not in the article"))
    seen: set[str] = set()
    transliterated: _TransliteratedSources | None = None  # read once, where a name needs it
    for name in _names(summary):
        key = "".join(tokens(name.text))
        if key in seen:
            continue
        seen.add(key)
        end = name.start + len(name.text)
        if any(start <= name.start and end <= stop for start, stop, _ in summary_wars):
            continue  # the war's name, read above
        after = _WEEKDAY_AFTER.match(summary, end)
        if (
            " " not in name.text
            and after
            and _feast_is_stated(
                name.text, float(weekday_numbers()[after.group("weekday")]), feast_days
            )
        ):
            continue  # "Good" of "Good Friday" for "Karfreitag": the feast's name, stated
        readings = [name.text]
        rest = _without_lead(name)
        if rest:
            readings.append(rest)  # the lead may be an ordinary word ("Suspects Adnan Farah")
        elif rest is None and (rest := _common_words_after_lead(name, capitalised, grams, sources)):
            readings.append(rest)  # "Striker Jack Brown", "Twelve-year-old Smith"
        shown = readings[-1]
        # "John F. Kennedy" for the article's "John Kennedy": a middle initial may be left out
        readings += _without_middle_initials(readings, sources)
        if any(_other_initials(text, sources) for text in readings):
            # "George W. Bush" for the article's "George H. W. Bush": another person
            flags.append(Flag("name", shown, "name not in the article"))
            continue
        if any(_initials_left_out(text, sources) for text in readings):
            continue  # "George Bush" for "George H. W. Bush"
        if any(_given_names_initialled(text, sources) for text in readings):
            continue  # "J. Smith" for "John Smith"
        surname_after = _SURNAME_AFTER_AN_INITIAL.match(summary, end)
        if (
            surname_after
            and _INITIAL.fullmatch(name.text + ".")
            and _given_names_initialled(f"{name.text}. {surname_after.group(1)}", sources)
        ):
            # "boss E. Musk caused …" for "Elon Musk": read as a sentence's end after a letter
            # ("chose plan B. Merkel agreed"), the initial stood alone
            continue
        if any(
            _name_is_stated(
                text, grams, source_tokens, acronyms, source_lists, capitalised, written_small
            )
            for text in readings
        ) or any(_abbreviated_in(text, capital_words) for text in readings):
            continue
        # "Vladimir Putin" for the German "Wladimir Putin": another transliteration
        transliterated = transliterated or _transliterated_sources(sources)
        if not any(
            _name_is_stated(
                _transliterated(text),
                transliterated.grams,
                transliterated.tokens,
                acronyms,
                transliterated.lists,
                transliterated.capitalised,
                written_small,
            )
            for text in readings
        ):
            flags.append(Flag("name", shown, "name not in the article"))
    # "the Bank of France" where the article has "the Bank of England" and France apart: each
    # word is stated, the institution is not.
    flagged_names = {"".join(tokens(flag.text)) for flag in flags}
    for whole, _, joins in _joined_names(summary):
        if "".join(tokens(whole)) in flagged_names:
            continue
        if any(
            not {"".join(tokens(of.body)), "".join(tokens(of.place))} & flagged_names
            and not _body_by_its_place(of, summary, grams, source_lists, written_small)
            for of in joins
        ):
            flags.append(Flag("name", whole, "name not in the article"))
            flagged_names.add("".join(tokens(whole)))

    source_keys = [_quote_key(text) for text, _ in sources]
    flagged = {_quote_key(flag.text) for flag in flags}
    for quoted in _quotations(summary):
        if _quote_key(quoted) in flagged:
            continue  # "the ‘Brazilian Trump’": flagged once, as the name it is; a quotation
            # the summary repeats, once (as a name is)
        if not _quote_is_stated(quoted, source_keys):
            flags.append(Flag("quote", quoted, "quotation not in the article"))
            flagged.add(_quote_key(quoted))
    return flags
