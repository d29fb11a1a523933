"""Numbers in German and English news text, normalised so the same quantity compares equal.

"14.000" (German) = "14,000" (English) = "14 000"; "5,8 Millionen" = "5.8 million" = "5,8 Mio.";
"40 Prozent" = "40 percent" = "40%"; "24. Februar 2022" = "February 24, 2022" = "24.02.2022".
A written form that is ambiguous ("1.500" in an English text: 1500 or 1.5?) yields every
reading, so a comparison never fails on formatting alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["number", "percent", "date", "year", "ordinal"]
Language = Literal["de", "en"]

MONTHS = {
    **{name: number for number, name in enumerate(
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "dezember"], start=1)},
    **{name: number for number, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"], start=1)},
    "jan": 1, "feb": 2, "mär": 3, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "oct": 10, "nov": 11, "dez": 12, "dec": 12, "jänner": 1,
}  # fmt: skip
SCALES = {
    "tausend": 1e3, "thousand": 1e3, "tsd": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "millions": 1e6, "mln": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "billionen": 1e12, "trillion": 1e12,
}  # fmt: skip
WORDS = {
    "null": 0, "zero": 0, "eins": 1, "ein": 1, "eine": 1, "one": 1, "zwei": 2, "two": 2,
    "drei": 3, "three": 3, "vier": 4, "four": 4, "fünf": 5, "five": 5, "sechs": 6, "six": 6,
    "sieben": 7, "seven": 7, "acht": 8, "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10,
    "elf": 11, "eleven": 11, "zwölf": 12, "twelve": 12, "zwanzig": 20, "twenty": 20,
    "dreißig": 30, "thirty": 30, "hundert": 100, "hundred": 100, "dutzend": 12, "dozen": 12,
}  # fmt: skip
ORDINAL_WORDS = {
    "erste": 1, "ersten": 1, "erster": 1, "first": 1, "zweite": 2, "zweiten": 2, "second": 2,
    "dritte": 3, "dritten": 3, "third": 3, "vierte": 4, "vierten": 4, "fourth": 4,
    "fünfte": 5, "fünften": 5, "fifth": 5, "sechste": 6, "sixth": 6, "siebte": 7,
    "seventh": 7, "achte": 8, "eighth": 8, "neunte": 9, "ninth": 9, "zehnte": 10, "tenth": 10,
}  # fmt: skip
# Words that make an adjacent count vague; they do not carry a checkable number.
_PERCENT = r"(?:\s?%|\s?(?:prozent|percent|per\s?cent|prozentpunkte|percentage points)\b)"
_SCALE = (
    r"(?:\s?(?:"
    + "|".join(sorted((re.escape(k) for k in SCALES), key=len, reverse=True))
    + r")\b\.?)"
)
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DIGITS = r"\d{1,3}(?:[.,' \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"

_DATE_DMY = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>\d{{4}}))?",
    re.IGNORECASE,
)
_DATE_MDY = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)
_DATE_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<year>\d{{4}})\b", re.IGNORECASE)
_ORDINAL_EN = re.compile(r"\b(?P<value>\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_ORDINAL_DE = re.compile(r"\b(?P<value>\d{1,3})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])")
_NUMBER = re.compile(
    rf"(?<![\w.,])(?P<sign>[-−–])?(?P<digits>{_DIGITS})(?P<scale>{_SCALE})?(?P<percent>{_PERCENT})?"
    r"(?![\w])",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    r"\b(?P<word>" + "|".join(sorted(WORDS, key=len, reverse=True)) + rf")\b(?P<scale>{_SCALE})?",
    re.IGNORECASE,
)
_ORDINAL_WORD = re.compile(
    r"\b(?P<word>" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


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
        decimal = float(compact.replace(",", "."))
        readings.add(decimal)
        return readings
    readings.add(float(re.sub(r"\D", "", compact)))
    return readings


def _date(day: str | None, month: str, year: str | None) -> tuple[int, ...] | None:
    month_number = MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
    if not month_number or not 1 <= month_number <= 12:
        return None
    parts: list[int] = []
    if year:
        full_year = int(year) + (2000 if len(year) == 2 else 0)
        parts.append(full_year)
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


def find_quantities(text: str, language: Language) -> list[Quantity]:
    """Every number, percentage, date, year and ordinal in ``text``, in order of appearance."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str], kind: Kind, values: set) -> None:
        span = (match.start(), match.end())
        if values and not _overlaps(span, taken):
            taken.append(span)
            found.append(Quantity(match.group(0).strip(), kind, frozenset(values), *span))

    for pattern in (_DATE_NUMERIC, _DATE_DMY, _DATE_MDY, _MONTH_YEAR):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            date = _date(groups.get("day"), groups["month"], groups.get("year"))
            if date is not None:
                add(match, "date", {date})
    for match in _ORDINAL_EN.finditer(text):
        add(match, "ordinal", {float(match.group("value"))})
    if language == "de":
        for match in _ORDINAL_DE.finditer(text):
            add(match, "ordinal", {float(match.group("value"))})
    for match in _ORDINAL_WORD.finditer(text):
        add(match, "ordinal", {float(ORDINAL_WORDS[match.group("word").lower()])})
    for match in _NUMBER.finditer(text):
        values = parse_digits(match.group("digits"), language)
        scale = match.group("scale")
        if scale:
            factor = SCALES[scale.strip().rstrip(".").lower()]
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
        add(match, kind, values)
    for match in _WORD_NUMBER.finditer(text):
        word = match.group("word").lower()
        if word in {"ein", "eine", "one", "eins"} and not match.group("scale"):
            continue  # "ein"/"one" is an article or pronoun far more often than a count
        value = float(WORDS[word])
        scale = match.group("scale")
        if scale:
            value *= SCALES[scale.strip().rstrip(".").lower()]
        add(match, "number", {value})
    found.sort(key=lambda quantity: quantity.start)
    return found


def is_supported(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the same quantity (dates: same day; a year: any mention)."""
    if quantity.kind == "date":
        for year, month, *day in quantity.values:  # type: ignore[misc]
            for other in source:
                for value in other.values:
                    if other.kind == "date":
                        other_year, other_month, *other_day = value  # type: ignore[misc]
                        same_year = not year or not other_year or year == other_year
                        same_day = not day or not other_day or day == other_day
                        if same_year and month == other_month and same_day:
                            return True
        return False
    if quantity.kind == "year":
        year = next(iter(quantity.values))
        return any(
            (other.kind in ("year", "number") and year in other.values)
            or (other.kind == "date" and any(v[0] == year for v in other.values))  # type: ignore[index]
            for other in source
        )
    wanted = {value for value in quantity.values if not isinstance(value, tuple)}
    return any(
        wanted & {v for v in other.values if not isinstance(v, tuple)}
        and (quantity.kind == "percent") == (other.kind == "percent")  # 40% is not 40 soldiers
        for other in source
    )
