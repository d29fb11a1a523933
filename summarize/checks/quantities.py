"""Numbers in German and English news text, normalised so the same quantity compares equal.

"14.000" (German) = "14,000" (English) = "14 000"; "5,8 Millionen" = "5.8 million" = "5,8 Mio.";
"40 Prozent" = "40 percent" = "40%"; "24. Februar 2022" = "February 24, 2022" = "24.02.2022";
"fourteen thousand" = "vierzehntausend" = "14,000" (number words are read by text2num); "4-2"
is one score. A written form that is ambiguous ("1.500" in an English text: 1500 or 1.5?)
yields every reading, so a comparison never fails on formatting alone.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from babel.dates import get_day_names, get_month_names

Kind = Literal["number", "percent", "date", "year", "ordinal", "score", "weekday"]
Language = Literal["de", "en"]

SCALES = {
    "tausend": 1e3, "thousand": 1e3, "tsd": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "millions": 1e6, "mln": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "billionen": 1e12, "trillion": 1e12,
}  # fmt: skip
# After a currency sign, news English shortens scales to a letter: "£15m", "$2.3bn", "£25k".
_CURRENCY_SCALES = {"k": 1e3, "m": 1e6, "bn": 1e9, "b": 1e9}
_CALENDAR_LOCALES = ("en", "en_GB", "de", "de_AT")


@cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations, English and German, as written (capitalised) → 1–12."""
    months: dict[str, int] = {}
    for locale in _CALENDAR_LOCALES:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                months[str(name).rstrip(".")] = number
    return months


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday names, English and German, as written → 0 (Monday) – 6."""
    return {
        str(name): number
        for locale in _CALENDAR_LOCALES
        for number, name in get_day_names("wide", locale=locale).items()
    }


_PERCENT = r"(?:\s?%|\s?(?:prozent|percent|per\s?cent|prozentpunkte|percentage points)\b)"
_SCALE = (
    r"(?:\s?(?:"
    + "|".join(sorted((re.escape(k) for k in SCALES), key=len, reverse=True))
    + r")\b\.?)"
)
_DIGITS = r"\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # Month names are matched as capitalised whole words: "3 decades" is not "3 Dec".
    month = (
        r"(?:"
        + "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
        + r")\b\.?"
    )
    month_alone = (
        r"(?:"
        + "|".join(
            sorted((re.escape(m) for m in month_numbers() if m != "May"), key=len, reverse=True)
        )
        + r")\b"
    )
    weekday = "|".join(sorted(map(re.escape, weekday_numbers()), key=len, reverse=True))
    return {
        "dmy": re.compile(
            rf"\b(?P<day>\d{{1,2}})\.?\s+(?:of\s+)?(?P<month>{month})(?:,?\s+(?P<year>\d{{4}}))?"
        ),
        "mdy": re.compile(
            rf"\b(?P<month>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        "numeric": re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b"),
        "month_year": re.compile(rf"\b(?P<month>{month})\s+(?P<year>\d{{4}})\b"),
        # A month alone ("in early April", "since May"); "May" only after a word that makes
        # it a month, since it is also a verb and a name.
        "month": re.compile(rf"\b(?P<month>{month_alone})"),
        "may": re.compile(
            r"\b(?:in|since|until|by|last|next|early|late|mid|of|from|this|during)\s+(?P<month>May)\b"
        ),
        "weekday": re.compile(rf"\b(?P<weekday>{weekday})s?\b"),
    }


_ORDINAL_EN = re.compile(
    r"(?<![\d,.])(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b", re.IGNORECASE
)
_ORDINAL_DE = re.compile(r"\b(?P<value>\d{1,3})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])")
# A score or a range: "4-2", "1-1 draw", "10-12ft" (one fact, not a number and a negative one).
_SCORE = re.compile(r"(?<![\w.,\-–])(?P<a>\d{1,3})\s?[-–]\s?(?P<b>\d{1,3})(?![\d]|[.,]\d|[-–]\d)")
_NUMBER = re.compile(
    rf"(?<![\w,])(?<!\d\.)(?P<currency>[$£€]\s?)?(?P<sign>[-−–])?(?P<digits>{_DIGITS})"
    rf"(?P<scale>{_SCALE}|(?(currency)\s?(?:bn|b|m|k)\b))?(?P<percent>{_PERCENT})?"
    r"(?![\d])",  # a unit may follow without a space: "3pm", "20kg"
    re.IGNORECASE,
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


@dataclass(frozen=True)
class Quantity:
    """One number mention: its text as written, where it is, and every value it can mean."""

    text: str
    kind: Kind
    values: frozenset[float | tuple[int, ...]]
    start: int
    end: int


def parse_digits(digits: str, language: Language) -> set[float]:
    """Every value a digit string can mean in ``language`` ("14.000" de → 14000)."""
    compact = digits.replace("\u00a0", " ").replace("\u202f", " ")
    readings: set[float] = set()
    groups = re.fullmatch(r"(\d{1,3})((?:[.,' ]\d{3})+)([.,]\d+)?", compact)
    if groups and len({sep for sep in re.findall(r"[.,' ](?=\d{3})", groups.group(2))}) == 1:
        thousands_sep = groups.group(2)[0]
        integer = float(groups.group(1) + re.sub(r"\D", "", groups.group(2)))
        fraction = groups.group(3)
        if fraction is None or fraction[0] != thousands_sep:
            value = integer + (float("0." + fraction[1:]) if fraction else 0.0)
            # "14.000": thousands in German; in English a decimal point is also possible.
            is_conventional = (thousands_sep in ".' " and language == "de") or (
                thousands_sep in ",' " and language == "en"
            )
            readings.add(value)
            if not is_conventional and groups.group(2).count(thousands_sep) == 1 and not fraction:
                readings.add(float(compact.replace(",", ".").replace(" ", "")))
            return readings
    if re.fullmatch(r"\d+[.,]\d+", compact):
        readings.add(float(compact.replace(",", ".")))
        return readings
    readings.add(float(re.sub(r"\D", "", compact)))
    return readings


def _date(day: str | None, month: str, year: str | None) -> tuple[int, ...] | None:
    month_number = month_numbers().get(month.rstrip(".")) if not month.isdigit() else int(month)
    if not month_number or not 1 <= month_number <= 12:
        return None
    parts: list[int] = []
    if year:
        parts.append(int(year) + (2000 if len(year) == 2 else 0))
    else:
        parts.append(0)  # year unknown
    parts.append(month_number)
    if day:
        if not 1 <= int(day) <= 31:
            return None
        parts.append(int(day))
    return tuple(parts)


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


@dataclass(frozen=True)
class _Token:
    """A word for text2num's ``find_numbers`` (its Token protocol)."""

    word: str
    start: int
    end: int

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _number_words(text: str, language: Language) -> list[tuple[int, int, float, bool]]:
    """Spelled-out numbers ("fourteen thousand", "vierzehntausend", "third"): start, end, value,
    whether ordinal. Read by text2num; digits are left to the patterns above."""
    from text_to_num import find_numbers

    words = [_Token(m.group(0), m.start(), m.end()) for m in _WORD_TOKEN.finditer(text)]
    found = []
    for occurrence in find_numbers(words, language, 0.0):
        parts = words[occurrence.start : occurrence.end]
        if any(part.word[0].isdigit() for part in parts):
            continue
        spoken = [part for part in parts if part.word.isalpha()]
        if len(spoken) == 1 and occurrence.value == 1 and not occurrence.is_ordinal:
            continue  # "one", "ones", "ein": an article or pronoun far more often than a count
        if occurrence.is_ordinal and occurrence.value <= 2:
            continue  # "first time", "second-largest": rarely a checkable count
        found.append(
            (parts[0].start, parts[-1].end, float(occurrence.value), occurrence.is_ordinal)
        )
    return found


def find_quantities(text: str, language: Language) -> list[Quantity]:
    """Every number, percentage, date, weekday, year, score and ordinal in ``text``, in order."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, kind: Kind, values: set) -> None:
        if values and not _overlaps((start, end), taken):
            taken.append((start, end))
            found.append(Quantity(text[start:end].strip(), kind, frozenset(values), start, end))

    patterns = _patterns()
    for name in ("numeric", "dmy", "mdy", "month_year"):
        for match in patterns[name].finditer(text):
            groups = match.groupdict()
            date = _date(groups.get("day"), groups["month"], groups.get("year"))
            if date is not None:
                add(match.start(), match.end(), "date", {date})
    for name in ("month", "may"):
        for match in patterns[name].finditer(text):
            date = _date(None, match.group("month"), None)
            if date is not None:
                add(match.start("month"), match.end("month"), "date", {date})
    for match in patterns["weekday"].finditer(text):
        number = weekday_numbers()[match.group("weekday")]
        add(match.start(), match.end(), "weekday", {float(number)})
    for match in _ORDINAL_EN.finditer(text):
        add(match.start(), match.end(), "ordinal", {float(match.group("value").replace(",", ""))})
    if language == "de":
        for match in _ORDINAL_DE.finditer(text):
            add(match.start(), match.end(), "ordinal", {float(match.group("value"))})
    for match in _SCORE.finditer(text):
        pair = tuple(sorted((int(match.group("a")), int(match.group("b")))))
        add(match.start(), match.end(), "score", {pair})
    for match in _NUMBER.finditer(text):
        values = parse_digits(match.group("digits"), language)
        scale = match.group("scale")
        if scale:
            word = scale.strip().rstrip(".").lower()
            factor = SCALES.get(word) or _CURRENCY_SCALES[word]
            values = {round(value * factor, 6) for value in values}
        if match.group("sign"):
            values |= {-value for value in values}
        if match.group("percent"):
            kind: Kind = "percent"
        elif (
            not scale
            and re.fullmatch(r"\d{4}", match.group("digits"))
            and 1800 <= int(match.group("digits")) <= 2100
        ):
            kind = "year"
        else:
            kind = "number"
        add(match.start(), match.end(), kind, values)
    for start, end, value, is_ordinal in _number_words(text, language):
        add(start, end, "ordinal" if is_ordinal else "number", {value})
    found.sort(key=lambda quantity: quantity.start)
    return found


def _numbers(quantity: Quantity) -> set[float]:
    if quantity.kind == "score":
        return {float(v) for pair in quantity.values for v in pair}  # type: ignore[union-attr]
    return {value for value in quantity.values if not isinstance(value, tuple)}


def _pairs_nearby(source: list[Quantity], gap: int = 20) -> set[tuple[float, float]]:
    """Two numbers stated close together ("between 10 and 12", "3-1"): a score or range."""
    pairs: set[tuple[float, float]] = set()
    for quantity in source:
        if quantity.kind == "score":
            pairs |= {(float(a), float(b)) for a, b in quantity.values}  # type: ignore[misc]
    for first, second in itertools.pairwise(source):
        if 0 <= second.start - first.end <= gap and "score" not in (first.kind, second.kind):
            for a in _numbers(first):
                for b in _numbers(second):
                    pairs.add((min(a, b), max(a, b)))
    return pairs


def is_supported(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the same quantity (dates: same day; a year: any mention)."""
    if quantity.kind == "date":
        for year, month, *day in quantity.values:  # type: ignore[misc]
            for other in source:
                for value in other.values:
                    if other.kind == "date":
                        other_year, other_month, *other_day = value  # type: ignore[misc]
                        same_year = not year or not other_year or year == other_year
                        same_day = not day or day == other_day  # a day needs the same day
                        if same_year and month == other_month and same_day:
                            return True
        return False
    if quantity.kind == "weekday":
        return any(other.kind == "weekday" and other.values == quantity.values for other in source)
    if quantity.kind == "year":
        year = next(iter(quantity.values))
        return any(
            (other.kind in ("year", "number") and year in other.values)
            or (other.kind == "date" and any(v[0] == year for v in other.values))  # type: ignore[index]
            for other in source
        )
    if quantity.kind == "score":
        low, high = next(iter(quantity.values))  # type: ignore[misc]
        return (float(low), float(high)) in _pairs_nearby(source)
    wanted = _numbers(quantity)
    return any(
        wanted & _numbers(other)
        and other.kind not in ("date", "weekday")
        and (quantity.kind == "percent") == (other.kind == "percent")  # 40% is not 40 soldiers
        for other in source
    )
