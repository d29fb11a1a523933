"""Numbers in German and English news text, normalised so the same quantity compares equal.

"14.000" (German) = "14,000" (English) = "14 000"; "5,8 Millionen" = "5.8 million" = "5,8 Mio.";
"40 Prozent" = "40 percent" = "40%"; "24. Februar 2022" = "February 24, 2022" = "24.02.2022";
"fourteen thousand" = "vierzehntausend" = "14,000" (number words are read by text2num); "4-2"
is one score; "18.30 Uhr" = "6.30pm" = "18:30" is one time of day; "pro Tag" = "täglich" = "a
day" and "fünfjährige" = "five-year" carry their unit of time ("a week", "five-month" do not
match). A written form that is ambiguous ("1.500" in an English text: 1500 or 1.5?; "10:30":
morning or evening?) yields every reading, so a comparison never fails on formatting alone.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from babel.dates import get_day_names, get_month_names

from summarize.checks.words import is_common_word
from summarize.package_data import packaged_toml

Kind = Literal[
    "number",
    "percent",
    "fraction",
    "date",
    "year",
    "decade",
    "ordinal",
    "score",
    "weekday",
    "time",
    "season",
]
Language = Literal["de", "en"]

SCALES = {
    "tausend": 1e3, "thousand": 1e3, "tsd": 1e3,
    "million": 1e6, "millionen": 1e6, "mio": 1e6, "millions": 1e6, "mln": 1e6,
    "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9, "billion": 1e9, "billions": 1e9, "bn": 1e9,
    "billionen": 1e12, "trillion": 1e12, "bio": 1e12,
    # "5 Mill. Euro", "4,5 Mia. Franken" (Swiss news), "2 Md. Euro": only with their dot
    "mill": 1e6, "mia": 1e9, "md": 1e9,
}  # fmt: skip
# German "Billion" is a million millions (English "trillion"), as its plural "Billionen" is.
_GERMAN_SCALES = {**SCALES, "billion": 1e12}
# After a currency sign, news English shortens scales to a letter: "£15m", "$2.3bn", "£25k".
_CURRENCY_SCALES = {"k": 1e3, "m": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
# Metric units, as (dimension, factor to the base unit): "6 km" states what "6,000 metres" and
# "6.000 Meter" state. Only exact conversions: miles to kilometres is news rounding, not a fact.
_METRIC_UNITS = {
    "mm": ("m", 1e-3), "millimetre": ("m", 1e-3), "millimeter": ("m", 1e-3),
    "cm": ("m", 1e-2), "centimetre": ("m", 1e-2), "centimeter": ("m", 1e-2),
    "zentimeter": ("m", 1e-2),
    "m": ("m", 1.0), "metre": ("m", 1.0), "meter": ("m", 1.0),
    # metres of climb or altitude: "220 Höhenmeter" is no "220 kilometres"
    "höhenmeter": ("m", 1.0),
    "km": ("m", 1e3), "kilometre": ("m", 1e3), "kilometer": ("m", 1e3),
    "g": ("g", 1.0), "gram": ("g", 1.0), "gramme": ("g", 1.0), "gramm": ("g", 1.0),
    "kg": ("g", 1e3), "kilogram": ("g", 1e3), "kilogramme": ("g", 1e3),
    "kilogramm": ("g", 1e3), "kilo": ("g", 1e3),
    "mg": ("g", 1e-3), "milligram": ("g", 1e-3), "milligramme": ("g", 1e-3),
    "milligramm": ("g", 1e-3),
    "tonne": ("g", 1e6),
    "ml": ("l", 1e-3), "millilitre": ("l", 1e-3), "milliliter": ("l", 1e-3),
    "l": ("l", 1.0), "litre": ("l", 1.0), "liter": ("l", 1.0),
    # volume in cubic metres: "5 Kubikmeter" = "5 cubic metres" = "5,000 litres"
    "m³": ("l", 1e3), "kubikmeter": ("l", 1e3), "cubic metre": ("l", 1e3),
    "cubic meter": ("l", 1e3),
    # Imperial units, read so that a number with one is not backed by the same number in
    # another unit ("42 miles" for "42 Kilometer"); a conversion still needs its own number.
    "mile": ("m", 1609.344), "meile": ("m", 1609.344), "yard": ("m", 0.9144),
    "seemeile": ("m", 1852.0), "nautical mile": ("m", 1852.0),
    "foot": ("m", 0.3048), "feet": ("m", 0.3048), "ft": ("m", 0.3048), "fuß": ("m", 0.3048),
    "inch": ("m", 0.0254), "pound": ("g", 453.59237), "lb": ("g", 453.59237),
    "ounce": ("g", 28.349523), "oz": ("g", 28.349523), "gallon": ("l", 3.785411784),
    # Power and energy: "1.400 Megawatt" is "1.4 gigawatts".
    "kilowatt": ("W", 1e3), "kw": ("W", 1e3), "megawatt": ("W", 1e6), "mw": ("W", 1e6),
    "gigawatt": ("W", 1e9), "gw": ("W", 1e9),
    "kilowattstunde": ("Wh", 1e3), "kilowatt-hour": ("Wh", 1e3), "kilowatt hour": ("Wh", 1e3),
    "kwh": ("Wh", 1e3), "megawattstunde": ("Wh", 1e6), "megawatt-hour": ("Wh", 1e6),
    "megawatt hour": ("Wh", 1e6), "mwh": ("Wh", 1e6), "gigawattstunde": ("Wh", 1e9),
    "gigawatt-hour": ("Wh", 1e9), "gigawatt hour": ("Wh", 1e9), "gwh": ("Wh", 1e9),
    "terawattstunde": ("Wh", 1e12), "terawatt-hour": ("Wh", 1e12),
    "terawatt hour": ("Wh", 1e12), "twh": ("Wh", 1e12),
    # Durations, in minutes and in months (the calendar's exact steps): "eineinhalb Stunden" is
    # "90 minutes", "ein halbes Jahr" "six months", "zwei Wochen" "14 days".
    "second": ("min", 1 / 60), "sekunde": ("min", 1 / 60), "sec": ("min", 1 / 60),
    "sek": ("min", 1 / 60), "minute": ("min", 1.0), "min": ("min", 1.0),
    "hour": ("min", 60.0), "stunde": ("min", 60.0), "std": ("min", 60.0),
    "day": ("min", 1440.0), "tag": ("min", 1440.0), "tage": ("min", 1440.0),
    "week": ("min", 10080.0), "woche": ("min", 10080.0),
    "month": ("month", 1.0), "monat": ("month", 1.0), "monate": ("month", 1.0),
    "year": ("month", 12.0), "jahr": ("month", 12.0), "jahre": ("month", 12.0),
    # "two decades" is "20 Jahre", "a century" "100 Jahre" (each was no unit, and the German
    # words read as one year: "a year" passed for "ein Jahrzehnt")
    "decade": ("month", 120.0), "jahrzehnt": ("month", 120.0), "jahrzehnte": ("month", 120.0),
    "century": ("month", 1200.0), "centuries": ("month", 1200.0),
    "jahrhundert": ("month", 1200.0), "jahrhunderte": ("month", 1200.0),
    # Speed, in metres per hour: "100 km/h" is "100 kilometres per hour" (a length with "per
    # hour" after it, read by _METRIC_UNIT's "per" below) and "Stundenkilometer"; "100 mph" is
    # another speed, never the same number in km/h.
    "kmh": ("m/h", 1e3), "kph": ("m/h", 1e3), "stundenkilometer": ("m/h", 1e3),
    "mph": ("m/h", 1609.344),
    # Area, in square metres: "5 km²" = "5 square kilometres" = "500 Hektar"; acres and
    # square miles by their exact definitions.
    "km²": ("m²", 1e6), "km2": ("m²", 1e6), "m2": ("m²", 1.0), "sqm": ("m²", 1.0),
    "qkm": ("m²", 1e6), "quadratkilometer": ("m²", 1e6),
    "square kilometre": ("m²", 1e6), "square kilometer": ("m²", 1e6), "sq km": ("m²", 1e6),
    "m²": ("m²", 1.0), "qm": ("m²", 1.0), "quadratmeter": ("m²", 1.0),
    "square metre": ("m²", 1.0), "square meter": ("m²", 1.0), "sq m": ("m²", 1.0),
    "hektar": ("m²", 1e4), "hectare": ("m²", 1e4), "ha": ("m²", 1e4),
    "acre": ("m²", 4046.8564224), "square mile": ("m²", 2589988.110336),
    # Data, in bytes (decimal prefixes, as news and disk makers write them): "5 Gigabyte" = "5 GB".
    "byte": ("B", 1.0), "kilobyte": ("B", 1e3), "kb": ("B", 1e3), "megabyte": ("B", 1e6),
    "mb": ("B", 1e6), "gigabyte": ("B", 1e9), "gb": ("B", 1e9), "terabyte": ("B", 1e12),
    "tb": ("B", 1e12), "petabyte": ("B", 1e15),
    # Degrees (of temperature, or of an angle: the same word in both languages): "-5 Grad" =
    # "minus 5 degrees" = "-5 °C"; German news means Celsius. Fahrenheit is another scale
    # ("°F", "degrees Fahrenheit", read by _METRIC_UNIT's "scale" below).
    "grad": ("°", 1.0), "degree": ("°", 1.0), "°c": ("°", 1.0), "°": ("°", 1.0),
    "°f": ("°F", 1.0),
    # "5 Minusgrade" (-5 degrees: its sign read by _MINUS_AFTER), "5 Plusgrade" (5 degrees)
    "minusgrad": ("°", 1.0), "minusgrade": ("°", 1.0), "plusgrad": ("°", 1.0),
    "plusgrade": ("°", 1.0),
}  # fmt: skip
_METRIC_UNIT = re.compile(
    r"\s?-?\s?(?P<unit>"
    + "|".join(sorted(_METRIC_UNITS, key=len, reverse=True))
    + r")(?P<ending>s|es|n|en)?(?![^\W\d_])"  # "metres", "Metern", "kilos"; "6 months" is no metre
    # A length per hour or second is a speed: "km/h", "kilometres per hour", "miles an hour",
    # "Kilometer pro Stunde", "m/s".
    r"(?P<per>\s?(?:/|per\s|an?\s|pro\s|je\s)\s?(?P<per_unit>h|hour|stunde|std|s|sec|second"
    r"|sekunde)\b)?"
    # "degrees Celsius", "Grad Fahrenheit": the scale of a temperature
    r"(?P<scale>\s(?:celsius|fahrenheit)\b)?",
    re.IGNORECASE,
)
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
def _wide_month_names() -> frozenset[str]:
    return frozenset(
        str(name)
        for locale in _CALENDAR_LOCALES
        for name in get_month_names("wide", locale=locale).values()
    )


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday names, English and German, as written → 0 (Monday) – 6."""
    return {
        str(name): number
        for locale in _CALENDAR_LOCALES
        for number, name in get_day_names("wide", locale=locale).items()
    }


# What joins the two days of a range: "4-14", "4. bis zum 14.", "11th and 14th", "4 to 14".
_DAY_RANGE_LINK = r"(?:[-–]|(?:to|until|till|through|and|bis|und)(?:\s+(?:the|zum|dem))?)"
# "12 pct" (Reuters), "12pc" (British papers): in small letters only, "5 PC games" are computers.
_PERCENT = (
    r"(?:\+?\s?%|\+?\s?(?:prozent|percent|per\s?cent|prozentpunkt(?:e|en)?"
    r"|percentage[\s-]points?|(?-i:pct|pc))\b)"
)
# Only an abbreviation written with a dot takes the dot after it ("5,8 Mio."): after a word the
# dot ends the sentence, and "300 million." was shown so in the key facts, a warning and a flag.
# English writes "bn" with none, as it writes "m" ("£3bn." ends a sentence as "£15m." does).
_SCALE_ABBREVIATIONS = ("tsd", "mio", "mln", "mrd")
# German "Bio." (Billionen, English "trillion") only with its dot: "Bio" is a word of its own
# ("5 Bio-Produkte", organic), as "Mia" is a given name ("Mill.", "Mia.", "Md." are Duden's
# and Swiss news' other abbreviations of Millionen and Milliarden).
_SCALE_DOTTED = ("bio", "mill", "mia", "md")
_SCALE = (
    r"(?:\s?(?:(?:"
    + "|".join(_SCALE_ABBREVIATIONS)
    + r")\b\.?|(?:"
    + "|".join(_SCALE_DOTTED)
    + r")\.|(?:"
    + "|".join(
        sorted(
            (
                re.escape(k)
                for k in SCALES
                if k not in _SCALE_ABBREVIATIONS and k not in _SCALE_DOTTED
            ),
            key=len,
            reverse=True,
        )
    )
    + r")\b))"
)
# Groups of three with one separator throughout: "4.000 150-jährige Eichen" is 4,000 oaks, not
# the number 4000150.
_THOUSANDS = "|".join(
    rf"\d{{1,3}}(?:{separator}\d{{3}})+"
    # the Swiss write "1'000" and "1’000" (a typographic apostrophe)
    for separator in (r"\.", ",", "'", "’", " ", "\u00a0", "\u202f")
)
_DIGITS = rf"(?:{_THOUSANDS})(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # Month names are matched as capitalised whole words: "3 decades" is not "3 Dec".
    month = (
        r"(?:"
        + "|".join(sorted(map(re.escape, month_numbers()), key=len, reverse=True))
        # A dot after an abbreviation ("Dec.") is part of it; after a full name it ends the
        # sentence ("on the 1st of August.").
        + r")\b(?:(?<!"
        + r")(?<!".join(sorted({re.escape(name) for name in _wide_month_names()}))
        + r")\.)?"
    )
    month_alone = (
        r"(?:"
        + "|".join(
            sorted((re.escape(m) for m in month_numbers() if m != "May"), key=len, reverse=True)
        )
        + r")\b"
    )
    weekday = "|".join(sorted(map(re.escape, weekday_numbers()), key=len, reverse=True))
    german_weekday = "|".join(str(name) for name in get_day_names("wide", locale="de").values())
    return {
        "german_weekday": re.compile(
            rf"(?<![\w-])(?P<weekday>{german_weekday})(?=[a-zäöüß]|\b)", re.IGNORECASE
        ),
        # A weekday ending a compound, as the movable feasts name theirs ("Karfreitag" is Good
        # Friday, "Ostermontag" Easter Monday, "Aschermittwoch", "Wahlsonntag"); in small
        # letters, as a compound's last word is written ("Endmontage" is no Monday). Such a
        # compound in turn begins a longer one with its "s" ("Karfreitagsabkommen", the Good
        # Friday Agreement; "Rosenmontagszug", "Aschermittwochsrede") or before a time of day
        # ("Ostermontagmorgen"), never with the "e" of "Demontage".
        "german_weekday_end": re.compile(
            rf"(?<=[a-zäöüß])(?P<weekday>{german_weekday.lower()})"
            r"(?:s?(?!\w)|(?=s[a-zäöüß]|(?:morgen|vormittag|mittag|nachmittag|abend|nacht)))"
        ),
        "dmy": re.compile(
            # "24. Februar", "24 February", "the 1st of August"; "01.Januar" without a space
            rf"\b(?P<day>\d{{1,2}})(?:(?:st|nd|rd|th|\.)?\s+|\.)(?:of\s+)?(?P<month>{month})"
            rf"(?:,?\s+(?P<year>\d{{4}}))?"
        ),
        "mdy": re.compile(
            rf"\b(?P<month>{month})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
            rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
        "numeric": re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})\b"),
        # German news leaves the year out: "am 17.4.", "(07.02.)", "vom 3.10. an".
        "numeric_de": re.compile(r"(?<![\d.,])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?![\d])"),
        # "04/05/2018": 4 May in British and 5 April in American English, both read.
        "slashed": re.compile(
            r"(?<![\d/])(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"
        ),
        # A day in words before its month: "am dritten März", "the twenty-first of May"
        # (the words read by text2num, see _dates_in_words).
        "day_in_words": re.compile(
            r"(?<![\w-])(?P<day>[^\W\d_]+(?:[-\s][^\W\d_]+)?)\s+(?P<of>of\s+)?"
            rf"(?P<month>{month})(?:,?\s+(?P<year>\d{{4}}))?"
        ),
        # Two days of one month: "vom 4. bis zum 14. Oktober", "4-14 October", "between the
        # 11th and 14th of September", "October 4 to 14": both are dates of that month.
        "day_range": re.compile(
            rf"\b(?P<first>\d{{1,2}})(?:st|nd|rd|th|\.)?\s*{_DAY_RANGE_LINK}\s*"
            rf"(?P<second>\d{{1,2}})(?:st|nd|rd|th|\.)?\s*(?:of\s+)?(?P<month>{month})"
            rf"(?:,?\s+(?P<year>\d{{4}}))?"
        ),
        "month_day_range": re.compile(
            rf"\b(?P<month>{month})\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*{_DAY_RANGE_LINK}"
            rf"\s*(?P<second>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,:]\d)(?:,?\s+(?P<year>\d{{4}}))?"
        ),
        "month_year": re.compile(rf"\b(?P<month>{month})\s+(?P<year>\d{{4}})\b"),
        # A month alone ("in early April", "since May"); "May" only after a word that makes
        # it a month, since it is also a verb and a name.
        "month": re.compile(rf"\b(?P<month>{month_alone})"),
        "may": re.compile(
            # the word before may open the sentence ("In May the board …"), and "mid-" be
            # written with a capital ("In Mid-May")
            r"\b(?:(?i:in|since|until|by|last|next|early|late|mid|of|from|this|during)\s+"
            r"|(?i:mid|early|late)-)"
            r"(?P<month>May)\b(?!['’]s\b)"  # not "In May's view"
        ),
        "weekday": re.compile(rf"\b(?P<weekday>{weekday})s?\b"),
    }


_ORDINAL_EN = re.compile(
    r"(?<![\d,.])(?P<value>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b", re.IGNORECASE
)
# A rank: "world No 1", "the No. 3 seed", "Russia No 1": first, third; not a count.
_RANK = re.compile(r"\bNo\.?\s?(?P<value>\d{1,3})\b(?![.,:]\d)")
# A time of day: "21:30", "16:15h", "9.30pm", "6 p.m.", "18.00 Uhr", "18 Uhr", "10:30 a.m. ET".
# An hour alone, or hours and minutes with a dot, count only with a clock word after them
# ("5.30" alone is a decimal); "1:42.091" (a lap time) and "0:3" (a German score) are not times.
_TIME = re.compile(
    r"(?<![\w:.,])(?P<hour>[01]?\d|2[0-4])(?:(?P<separator>[:.])(?P<minute>[0-5]\d))?"
    r"(?![\d]|[.,:]\d)"
    r"(?:\s?(?P<meridiem>[aApP])(?:\.\s?[mM]\b\.?|[mM]\b)|\s?(?P<clock>Uhr)\b|(?P<hours>h)\b"
    r"|\s(?P<oclock>o['’]clock)\b)?"
)
# A decade: "the 1990s", "1990's", "the '90s", German "die 90er Jahre", "in den 90ern", "die
# 1990er"; "in his 50s" ("in seinen 50ern") may also be an age. ("ein 50er", a note or a bus, and
# "10er-Karte" are counts.)
_DECADE = re.compile(
    r"(?<![\w'’])(?:(?P<century>1[89]|20)|(?P<apostrophe>['’]))?(?P<decade>\d)0"
    r"(?:['’]?s\b|ern\b|er(?:(?<=\d\d\d0er)\b|(?=[- ]?[Jj]ahr)))"
)
# A decade's "80er" without "Jahre" where the words before make it one: "Ende der 80er", "Anfang
# der 90er" ("the late '80s", "the early 1990s"); "ein 50er" (a note), "die 30er Zone" and "in den
# 80er Bus" stay counts (a review found them read as decades).
# And a person's age in decades, "Mitte 40", "Ende 20", "Anfang 30" ("in his mid-40s", "in her
# late 20s"), also set off by commas ("Ein Mann, Mitte 40, ..."): ages only, and not a year's
# ("Ende 2020"), a time's or an amount's ("Ende 20 Uhr", "Mitte 40,5"), nor a count of what a
# noun names ("am Ende 20 Punkte Vorsprung", "zu Beginn 30 Sekunden"; "Mitte 40 Jahre" is one).
_DECADE_AFTER_ARTICLE_DE = re.compile(
    r"(?<![\w-])(?:Anfang|Mitte|Ende|Beginn)\s+(?:der\s+(?P<decade>[1-9])0er(?![\w-])"
    r"|(?P<age>[1-9])0(?![\w:/%’'-]|[.,]\d|\s*(?:\d|Uhr\b|Prozent\b|%))"
    r"(?!\s+(?!Jahren?\b)(?-i:[A-ZÄÖÜ])))",
    re.IGNORECASE,
)
# Two years as news writes a span or a season: "2010-15", "1998–99", "die Saison 2021/22"; the
# second year is the first's century and its two digits.
_YEAR_SPAN = re.compile(
    r"(?<![\w.,])(?P<century>1[89]|20)(?P<first>\d\d)[-–/](?P<second>\d\d)(?![\d]|[-–/.,]\d)"
)
# A season in two digits each, by its word: "die Saison 19/20", "Spielzeit 21/22", "season
# 19-20", "the 19/20 season" (2019 and 2020; the years of "Saison 2019/20", "the 2019-20 season").
_SHORT_SEASON = re.compile(
    r"(?:\b(?:Saison|Spielzeit|season)\s+(?P<first>\d\d)[-–/](?P<second>\d\d)(?![\d/]|[-–.,]\d)"
    r"|(?<![\w./,-])(?P<first_before>\d\d)[-–/](?P<second_before>\d\d)\s+season\b)",
    re.IGNORECASE,
)
# "3. Liga"; not the last group of "2.936." at a sentence's end.
_ORDINAL_DE = re.compile(r"(?<![\d.,])\b(?P<value>\d{1,3})\.(?=\s+[A-ZÄÖÜ][a-zäöüß])")
# A score or a range: "4-2", "1-1 draw", "10-12ft" (one fact, not a number and a negative one).
# A range of percentages ("10-12%", "10–12 Prozent") is two shares, read as numbers below. A
# colon's too, as German writes scores and the translator keeps them ("0:3", "4:2"): where it
# is no clock time (those are read first, "17:21"), it was two numbers, each backed by any 0 or
# 3 of the article, so "lost 0:2" passed beside "0:3".
_SCORE = re.compile(
    r"(?<![\w.,:\-–])(?P<a>\d{1,3})(?:\s?[-–]\s?|:)(?P<b>\d{1,3})(?![\d]|[.,:]\d|[-–]\d)"
    r"(?!\s?(?i:%|prozent|percent|per\s?cent)(?!\w))"
    # "€3-4m", "3-4 Millionen": a range of amounts, its ends read with the scale below
    r"(?!\s?(?i:million|billion|thousand|millionen|milliarden|tausend|mio|mrd|bn|m|k)\b)"
)
_NUMBER = re.compile(
    rf"(?<![\w,])(?<!\d\.)(?P<currency>[$£€¥]\s?)?(?P<sign>[-−–])?"
    # A decimal without its leading zero, as American news writes it (".3 percent", "a .22
    # caliber gun"): a dot after no word, number or dot opens it; after one it ends a sentence
    # or an abbreviation ("No.3", "2019.5 people" stay as they were).
    rf"(?P<digits>(?<![\w.,'’])\.\d+(?![.,]?\d)|{_DIGITS})"
    rf"(?P<scale>{_SCALE}|(?(currency)\s?(?:bn|tn|b|m|k)\b))?(?P<percent>{_PERCENT})?"
    r"(?![\d])",  # a unit may follow without a space: "3pm", "20kg"
    re.IGNORECASE,
)
# The noun after a number word that makes it a fraction: "two-thirds", "three quarters",
# "zwei Drittel" (2/3, 3/4, 2/3, not the counts 2, 3, 2).
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "drittel": 3, "viertel": 4, "fünftel": 5, "sechstel": 6, "siebtel": 7, "achtel": 8,
    "neuntel": 9, "zehntel": 10,
}  # fmt: skip
_DENOMINATOR = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
_FRACTION_AFTER = re.compile(rf"[-\s](?P<denominator>{_DENOMINATOR})s?\b", re.IGNORECASE)
# One part of a whole: "a third of", "one quarter of", "ein Viertel", "one in five", "1 in 4",
# "jeder Fünfte". ("a third goal" is an ordinal: English needs the "of".)
_UNIT_FRACTION = re.compile(
    rf"\b(?:(?:an?|one)[-\s](?P<english>{_DENOMINATOR})(?=\s+of\b)"
    r"|eine?[mnrs]?\s(?P<german>Drittel|Viertel|Fünftel|Sechstel|Siebtel|Achtel|Zehntel)\b"
    # "die Hälfte", "zur Hälfte", "mehr als die Hälfte": a half whatever its article
    r"|(?P<half>Hälfte)\b"
    # "half of the voters", "almost half of them" (not "the first half of 2020", "the other
    # half of the team": _A_PARTICULAR_HALF)
    r"|(?P<half_of>half)(?=\s+of\b)"
    # "die halbe Mannschaft", "der halben Welt": half of what the noun names
    r"|(?<![\w-])(?P<half_de>halbe[nmrs]?)(?=\s+(?-i:[A-ZÄÖÜ]))"
    r"|(?:one|1)\s+(?:in|out\s+of)\s+(?P<one_in>\d+|[a-z]+)\b"
    r"|jede[rs]?\s+(?P<every>[a-zäöüß]+te)[nr]?\b)",
    re.IGNORECASE,
)
# The word before "half of" that makes it one particular half, a time or a place: "the first
# half of the year", "the other half of the team", "the northern half of the island".
_A_PARTICULAR_HALF = re.compile(
    r"\b(?:first|second|last|final|latter|former|other|better|bigger|larger|smaller|back|front"
    r"|top|bottom|upper|lower|northern|southern|eastern|western|opening|early|earlier|late"
    r"|later|the|this|that|each|every)\s+$",
    re.IGNORECASE,
)
# A share in digits before what it is a share of: "2/3 der Bürger", "1/4 aller Flächen", "2/3
# of voters", "eine 2/3-Mehrheit", "a 2/3 majority" (two thirds, not the counts 2 and 3). Not a
# mixed number's ("3 1/2": read with its whole), a season's ("21/22"), a page's ("2/28 photos").
_DIGIT_FRACTION = re.compile(
    r"(?<![\w.,/:-])(?<!\d\s)(?P<numerator>\d)/(?P<denominator>\d{1,2})(?![\d/]|[.,:]\d)"
    r"(?=\s+(?:der|des|dem|den|aller|allen|von|vom|of|the)\b|[-\s](?:mehrheit|majority)\b)",
    re.IGNORECASE,
)
# A change by a part of a whole, which needs no "of": "rose by a third", "cut by almost a
# quarter", "fell by a half." ("by a third goal", "by a third party" stay ordinals.)
_BY_A_FRACTION = re.compile(
    r"\bby\s+(?:(?:almost|nearly|about|around|roughly|some|more\s+than|less\s+than|over|under"
    r"|just\s+over|just\s+under|well\s+over)\s+)?"
    rf"(?P<part>(?:an?|one)[-\s](?P<english>{_DENOMINATOR})|half)"
    r"(?=\s*(?:[^\w\s]|$|(?:in|on|since|from|to|compared|over|last|this|and|or|but|while|after"
    r"|before|within|than|year-on-year|per|a|each|every)\b))",
    re.IGNORECASE,
)
# A hedged part of a whole, which needs no "of" either: "almost a third are in favour",
# "nearly a quarter agreed" (a hedge goes with no ordinal: "nearly a third goal" is no English).
# "by almost a third" is _BY_A_FRACTION's, "almost a third of" _UNIT_FRACTION's.
_HEDGED_FRACTION = re.compile(
    r"(?<!\bby\s)\b(?:almost|nearly|about|around|roughly|more\s+than|less\s+than|fewer\s+than"
    r"|just\s+over|just\s+under|well\s+over|at\s+least|close\s+to|up\s+to)\s+"
    rf"(?P<part>(?:an?|one)[-\s](?P<english>{_DENOMINATOR}))\b(?!\s+of\b)"
    r"(?P<after>\s+[a-z][a-z'’-]*)?",
    re.IGNORECASE,
)


def _before_a_noun(word: str) -> bool:
    """Whether ``word``, after "about a third", can be the noun, or an adjective before it,
    that an ordinal goes with: "about", "up to", "close to" are prepositions as well as hedges
    ("worried about a third wave", "up to a third term", "at least a third straight win").
    A share goes before a verb ("almost a third are", "nearly a quarter agreed")."""
    from lemminflect import getAllLemmas

    word = word.strip().lower()
    return bool(getAllLemmas(word, "NOUN") or getAllLemmas(word, "ADJ"))


# German numerals inside a word: a number word before the head of a numeral adjective
# ("dreitägig" three-day, "siebenmalig" seven-time, "zehnjährig" ten-year, "Zweirad"), read by
# text2num; "beide" (the two); a weekday starting a compound or an adverb ("Freitagabend",
# "Sonntagsfrage", "samstags"); "Hunderte", "Tausende" as English reads "hundreds", "thousands".
_NUMERAL_HEAD = re.compile(
    r"(?<![\w-])(?P<number>[a-zäöüß]+?)-?(?:(?P<time>tägig|jährig|stündig|wöchig|monatig|minütig)"
    r"|(?P<time_noun>jahres|monats|tages|wochen|stunden|minuten)[a-zäöüß]{3,}"
    r"|malig|fach|(?P<counted>köpfig|teilig|stöckig|geschossig|seitig|stellig|dimensional"
    r"|sitzig|spurig|sprachig|rad)|mal(?![a-zäöüß])"
    # a noun's plural that the number counts, before the compound's head: "Zehnpunkteplan"
    # (a ten-point plan), "Zweiparteiensystem", "Fünfsternehotel", "Dreizimmerwohnung"
    r"|(?:punkte|parteien|sterne|zimmer|familien|länder|klassen|zylinder|gänge)[a-zäöüß]{3,})",
    re.IGNORECASE,
)
# The head of a German numeral adjective that names what the number counts, and the English
# words that name the same thing: "vierteilige Serie" is a four-part series, "dreiköpfige
# Familie" a family of three (or three people), "fünfstöckig" five-storey. Such a number backs
# an English one that counts the same thing, not any count ("It took four days").
_COUNTED_HEADS_DE: dict[str, frozenset[str]] = {
    head: frozenset(english.split())
    for head, english in {
        # "-köpfig" counts the members of any group: "dreiköpfige Gruppe" is "a group of
        # three", "fünfköpfiges Team" "a team of five", "vierköpfige Band" "a four-piece band",
        # "zehnköpfiges Kabinett" "a cabinet of ten", and the animals of a pack or herd
        # ("fünfköpfiges Wolfsrudel", "a pack of five wolves")
        "köpfig": "people person persons member members strong family families household"
        " households crew crews head heads man men woman women child children adults group"
        " groups team teams jury juries panel panels committee committees board boards band"
        " bands gang gangs squad squads delegation delegations commission commissions council"
        " councils cabinet cabinets piece pack packs herd herds flock flocks",
        "teilig": "part parts episode episodes piece pieces instalment instalments installment"
        " installments series",
        "stöckig": "storey storeys story stories floor floors level levels",
        "geschossig": "storey storeys story stories floor floors level levels",
        "seitig": "page pages side sides sided",
        "stellig": "digit digits figure figures",
        "dimensional": "dimensional dimensions d",
        "sitzig": "seat seats seater seaters",
        "spurig": "lane lanes track tracks",
        "sprachig": "language languages lingual",
        "rad": "wheel wheels wheeled wheeler",
    }.items()
}
# The English word a number is written with, to read what it counts: the word after it ("four
# days", "four-part", "five-storey") and the noun before an "of" ("a family of three").
_WORD_COUNTED_AFTER = re.compile(r"(?:\s+|-)(?P<word>[^\W\d_]+)")
_NOUN_OF_BEFORE = re.compile(r"(?P<word>[^\W\d_]+)\s+of\s+$")
# The head of a German adjective (or its noun) of a duration or an age names the unit counted:
# "fünfjährige Haft" is five years of it, "zweiwöchig" two weeks, "die 48-Jährige" a woman of
# 48 years; read so that "five-month sentence" for "fünfjährige Haftstrafe" is no match.
_TIME_HEADS_DE = {"tägig": "tag", "jährig": "jahr", "stündig": "stunde", "wöchig": "woche",
                  "monatig": "monat", "minütig": "minute"}  # fmt: skip
# The same unit as the first part of a noun compound after the number word: "Zweijahresvertrag"
# (a two-year contract), "Fünfjahresplan", "Dreimonatsfrist", "Siebentagesinzidenz".
_TIME_NOUN_HEADS_DE = {"jahres": "jahr", "monats": "monat", "tages": "tag", "wochen": "woche",
                       "stunden": "stunde", "minuten": "minute"}  # fmt: skip
_TIME_HEAD_AFTER = re.compile(
    r"\s?-?\s?(?P<head>" + "|".join(_TIME_HEADS_DE) + r")(?:e[mnrs]?)?(?![^\W\d_])",
    re.IGNORECASE,
)
# "siebente", "siebenten": the longer form of the ordinal "siebte", which text2num does not read.
_SEVENTH_DE = re.compile(r"^(sieb)ent(?=e[mnrs]?$)", re.IGNORECASE)
_BOTH_DE = re.compile(r"\bbeide[mnrs]?\b", re.IGNORECASE)
_COLLECTIVE_DE = {"hunderte": {100.0}, "tausende": {1e3}, "zehntausende": {1e3, 1e4},
                  "hunderttausende": {1e3, 1e5}}  # fmt: skip
_COLLECTIVE_DE_PATTERN = re.compile(
    r"\b(?P<word>" + "|".join(sorted(_COLLECTIVE_DE, key=len, reverse=True)) + r")n?\b",
    re.IGNORECASE,
)
# "tens of thousands", "hundreds of millions": one rough number, as "Zehntausende" is, not a
# count of ten (or a hundred) and another of thousands. Tens of thousands, not thousands: a
# source's "1.000" or "Tausende" does not back it.
# A multiple said in a word: English "twice", "doubled", "tripling", "quadrupled", "tenfold",
# "3-fold"; German "doppelt" ("gleich doppelt" for "twice"), "Doppelpack", "verdoppelt",
# "Verdopplung", "verdreifacht", "Verzehnfachung" ("dreifach", "zweimal" are read with the
# numeral heads). Not English "double", an adjective as often ("double murder", "double-digit"),
# nor a verb of no multiple ("doubled as a cinema", "doubled over", "doubling down"), nor
# "twice" of an idiom that counts nothing ("think twice": be careful; "once or twice": a few).
_MULTIPLE_EN = re.compile(
    r"\b(?:(?<!\bthink\s)(?<!\bthinks\s)(?<!\bthought\s)(?<!\bthinking\s)(?<!\bonce\sor\s)"
    r"(?P<twice>twice)|(?P<verb>doubl|tripl|quadrupl|halv)(?:ed|ing)"
    r"(?!\s+(?:as\s+(?:an?|the|his|her|its|their|my|our)\b|over\b|down\b|back\b))"
    r"|(?P<number>[a-z]+|\d+)-?fold)\b",
    re.IGNORECASE,
)
# Halving is a multiple too, by a half: "halved", "halving"; "halbiert", "Halbierung".
_MULTIPLYING_VERBS_EN = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5}
_MULTIPLE_DE = re.compile(
    r"(?<![\w-])(?:(?P<double>doppel|verdopp)|(?P<half>halbier)|ver(?P<number>[a-zäöüß]+?)fach)"
    r"[a-zäöüß]*",
    re.IGNORECASE,
)
_COLLECTIVE_EN = re.compile(
    r"\b(?P<many>tens|hundreds)\s+of\s+(?P<scale>thousands|millions|billions)\b", re.IGNORECASE
)
_MANY = {"tens": 10.0, "hundreds": 100.0}
# A plural scale said alone or as many of one ("hundreds", "thousands", "tens of thousands",
# "hundreds of millions"): a rough number, which a figure of two to nine of it states ("hundreds
# of fans" for "more than 300 fans", "tens of thousands marched" for "some 50,000").
_ROUGH_PLURAL = re.compile(
    r"(?:(?:tens|hundreds)\s+of\s+)?(?:hundreds|thousands|millions|billions)", re.IGNORECASE
)
# The "of" that joins a plural scale to what it counts ("millions of euros").
_OF = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
# "Hunderte Millionen", "Dutzende Milliarden", "zig Millionen": the German of "hundreds of
# millions", "tens of billions"; or, in a looser translation, "millions", as "Zehntausende" is.
_COLLECTIVE_SCALE_DE = re.compile(
    r"(?<![\w-])(?P<many>hunderte|dutzende|zig)n?\s+(?P<scale>tausend|millionen|milliarden)\b",
    re.IGNORECASE,
)
_MANY_DE = {"hunderte": 100.0, "dutzende": 10.0, "zig": 10.0}
# German compounds that carry a number of their own: "Millionenpublikum" (an audience of
# millions), "milliardenschwer" (worth billions), "Startelf" (the starting eleven),
# "Achtelfinale" (the last 16), "Viertelfinale" (the last eight), "Halbfinale" (the last four).
_COMPOUND_DE = {"millionen": 1e6, "milliarden": 1e9, "startelf": 11.0, "anfangself": 11.0,
                "anfangsformation": 11.0, "startformation": 11.0,
                "achtelfinal": 16.0, "viertelfinal": 8.0, "halbfinal": 4.0}  # fmt: skip
_COMPOUND_DE_PATTERN = re.compile(
    r"(?<![\w-])(?P<word>millionen|milliarden)(?=[a-zäöüß]{3})"
    r"|(?<![\w-])(?P<whole>startelf|anfangself|startformation|anfangsformation|achtelfinal"
    r"|viertelfinal|halbfinal)",
    re.IGNORECASE,
)
# An ordinal as the first part of a German compound: "Drittletzte" (third from last),
# "drittgrößte" (third-largest), "Drittliga" (third division), "viertbeste" (fourth-best),
# "Zweitligist" (second-division club). "Drittel" and "Viertelfinale" are fractions;
# "viertägig" is four days, "Zehntausende" tens of thousands, "zweitausend" 2,000; a
# "Siebträger" holds a sieve ("Sieb"). A "zweiteilige" series or a "Zweitakt" engine is of
# two parts or strokes: the stem reads 2 there too. "Zweitens", "drittens" number the writer's
# points ("secondly"), no rank in the story: read as one, "Zweitens gab es drei Verletzte"
# backed a summary's "Two were injured".
_ORDINAL_STEMS_DE = {"zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7,
                     "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12}  # fmt: skip
_ORDINAL_HEAD_DE = re.compile(
    r"(?<![\w-])(?P<stem>"
    + "|".join(_ORDINAL_STEMS_DE)
    + r")(?!el|ausend|ägig|räger|ens(?![a-zäöüß]))(?=[a-zäöüß]{3})",
    re.IGNORECASE,
)
# A decade in German words: "die Siebzigerjahre", "in den Sechziger Jahren", "der Achtziger";
# "in den Siebzigern" may also be an age (in one's seventies).
_DECADE_WORD_DE = re.compile(
    r"(?<![\w-])(?P<tens>zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)er"
    r"(?:(?P<years>-?\s?jahren?)|n)?\b",
    re.IGNORECASE,
)
# The same in English: "the Seventies", "in her forties" (an age too).
_DECADE_WORD_EN = re.compile(
    r"(?<![\w-])(?P<tens>twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies\b", re.IGNORECASE
)
_TENS_EN = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70,
            "eight": 80, "ninet": 90}  # fmt: skip
# A number and a half: "zweieinhalb Millionen", "anderthalb Stunden" (1.5), "two and a half
# years", "one and a half million", with hyphens as British news writes it ("six-and-a-half
# years", "one-and-a-half million").
_AND_A_HALF = re.compile(
    r"(?<![\w-])(?:(?P<de>[a-zäöüß]+?)einhalb|(?P<anderthalb>anderthalb)"
    r"|(?P<en>[a-z]+)(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)"
    r"(?:\s+(?P<scale>tausend|thousand|millionen|million|milliarden|billion|mio\.?|mrd\.?)(?!\w))?",
    re.IGNORECASE,
)
# "a million and a half" (1.5 million): the article or "one" before a scale word; in "ten
# thousand and a half" the half is not of a thousand.
_ONE_BEFORE_SCALE = re.compile(r"(?<![\w-])(?:an?|one)\s+$", re.IGNORECASE)
# A time of day in words: German "halb drei" is half past two, "Viertel nach vier" 4.15 and
# "Viertel vor vier" 3.45; English "half past two", "quarter past four", "quarter to four".
_CLOCK_WORDS = re.compile(
    r"(?<![\w-])(?:(?P<half>halb)|(?P<half_past>half\s+past)|(?P<quarter_past>quarter\s+past"
    r"|viertel\s+nach)|(?P<quarter_to>quarter\s+to|viertel\s+vor))\s+(?P<hour>\d{1,2}|[^\W\d_]+)\b",
    re.IGNORECASE,
)
# A word before a number that says the number is rounded, and where the true value lies:
# "near" it, "below" it (up to it) or "above" it (from it up). English, and German as written.
Hedge = Literal["near", "below", "above"]
_HEDGES: dict[str, Hedge] = {
    "about": "near", "around": "near", "roughly": "near", "approximately": "near",
    "some": "near", "an estimated": "near", "estimated": "near", "close to": "near",
    "rund": "near", "etwa": "near", "ungefähr": "near", "circa": "near", "ca.": "near",
    "nearly": "below", "almost": "below", "just under": "below", "under": "below",
    "less than": "below", "fewer than": "below", "up to": "below", "below": "below",
    "at most": "below", "knapp": "below", "fast": "below", "beinahe": "below",
    "nahezu": "below", "weniger als": "below", "unter": "below", "bis zu": "below",
    "more than": "above", "over": "above", "just over": "above", "above": "above",
    "at least": "above", "upwards of": "above", "mehr als": "above", "über": "above",
    "gut": "above", "mindestens": "above",
}  # fmt: skip
_HEDGE_BEFORE = re.compile(
    r"(?<![\w.-])(?P<hedge>"
    + "|".join(
        sorted((re.escape(h).replace(r"\ ", r"\s+") for h in _HEDGES), key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)
# "over" after a verb it belongs to ("took over 500 stores", "handed over 300 files", "was over
# 20 minutes before the end"): the verb's particle, not "more than".
_PARTICLE_OVER = re.compile(
    r"\b(?:t[ao]ok|takes?|taking|taken|hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|g[ai]ve|giv(?:es|en|ing)"
    r"|was|were|is|are|be|been|being|it's|get|got|gets)\s+over\s+$",
    re.IGNORECASE,
)
# How far a hedged number may lie from the true value, as a share of the number: "more than
# 300" for 312, "some 40" for 41, "nearly 2 million" for 1.96 million; not "about 60 percent"
# for 40.
HEDGE_TOLERANCE = 0.1
# A number rounded to its own last digit is backed by the value it rounds ("60 percent" for
# 60.3, "2 million" for 1.96 million, "£1.5bn" for £1.48bn), but by no value further than this
# share from it: "2 million" is not 1.6 million, nor "3" 2.5.
ROUNDING_LIMIT = 0.05
_CLOCK_BEFORE = re.compile(
    r"(?<![\w-])(?:at|before|after|until|till|since|um|gegen)\s+$",
    re.IGNORECASE,
)
_CLOCK_AFTER = re.compile(
    r"(?:\s+(?:in\s+the\s+(?:morning|afternoon|evening|night)|at\s+night|tonight|o['’]clock)"
    r"|\s?h|\s?Uhr)\b",
    re.IGNORECASE,
)
_MILLIONS_AFTER = re.compile(r"m(?![^\W\d_])")  # "1.5m", no space: "5 m" is five metres
# "13k staff", "20K runners": thousands, as news English writes a count without a currency.
_THOUSANDS_AFTER = re.compile(r"[kK](?![^\W\d_])")
# "a 5k race", "the 10K run", "ran a 10k in 40 minutes": a race's distance in kilometres, no
# count of 5,000; "4K TV", "401k plan": a resolution's or a plan's name, no count either.
_RACE_AFTER_K = re.compile(
    r"\s?-?\s?(?:races?|runs?|fun\s+runs?|walks?|course|route|trail|loop|swim|time|personal\s+best"
    r"|pb|record|event|title|champion\w*|final|distance|road\s+races?|cross[- ]country)\b",
    re.IGNORECASE,
)
_RACE_ARTICLE_BEFORE = re.compile(
    r"(?<![\w-])(?:an?|the|his|her|their|first|last)\s+$", re.IGNORECASE
)
_NO_NOUN_AFTER_K = re.compile(r"\s*(?:[^\w\s]|$|(?:in|on|at|of|with|for|and|or|to)\b)")
_NOT_A_COUNT_AFTER_K = re.compile(
    r"\s?-?\s?(?:tv|tvs|resolution|video|screen|display|monitor|ultra|camera|footage|streaming"
    r"|plan|plans|account)\b|\(",
    re.IGNORECASE,
)
_PERCENT_AFTER = re.compile(_PERCENT, re.IGNORECASE)  # "nine percent": after a number word
# Points written after the percent: "0,3 %-Punkte", "Prozent-Punkte", "2 percent points".
_POINTS_AFTER = re.compile(r"\s?-?\s?(?:punkte?n?|points?)\b", re.IGNORECASE)
# Basis points after a number: "25 basis points", "a 50-basis-point rise", "25bp", "25 bps",
# "25 Basispunkte" (hundredths of a percentage point; "BP" in capitals is the company).
_BASIS_POINTS_AFTER = re.compile(
    r"\s?-?\s?(?:(?i:basis[\s-]?points?|basispunkte?n?)|bps?)(?![^\W\d_])"
)
_WORD_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")


# A disease's or virus's name with digits in it: "Covid-19", "COVID19", "SARS-CoV-2". Its number
# is part of the name (a summary's "Covid-19" beside the article's "Corona" flagged a 19).
_DISEASE_NAME = re.compile(r"(?<![\w-])(?:covid|sars-cov|mers-cov)-?\d+\b", re.IGNORECASE)
# A club's number before its kind: "1. FC Köln", "1. FSV Mainz 05", "1. FFC Turbine Potsdam" (the
# English "FC Cologne" leaves it out): a part of the name, not a figure to translate.
_CLUB_NUMBER = re.compile(
    r"(?<![\w.])1(?:\.|st)\s?"
    # the club's kind, then its name ("1. FC Köln"): not a compound ("am 3. FC-Spieltag") nor
    # another rank of a table ("8. SC DHfK Leipzig"; the clubs named with a number are "1.")
    r"(?=(?:FC|FFC|BFC|FSV|SC|SV|SSV|TSV|VfB|VfL|VfR|SpVgg|KSC|CfR)\s+[A-ZÄÖÜ])"
)
# A club's number in its name: "Schalke 04", "Hannover 96", "TSV 1860 München" (data/clubs.toml).
# A number without a leading zero after a place is a count where a noun follows ("in Hannover
# 96 Menschen").
_COUNTED_AFTER = re.compile(
    r"\s+(?:(?-i:[A-ZÄÖÜ])|(?:people|persons?|per\s?cent|percent|%)(?![\w-]))", re.IGNORECASE
)


@cache
def _club_names() -> re.Pattern[str]:
    names = packaged_toml("clubs.toml")["clubs"]["names"]
    written = sorted(
        (r"[\s-]+".join(re.escape(word) for word in name.split()) for name in names),
        key=len,
        reverse=True,
    )
    return re.compile(rf"(?<![\w-])(?:{'|'.join(written)})(?![\w])")


def _club_numbers(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` names a club by a name with a number ("Schalke 04 gewann")."""
    for match in _club_names().finditer(text):
        number = re.search(r"\d+", match.group(0))
        if (
            number is not None
            and not number.group(0).startswith("0")
            and number.end() == len(match.group(0))
            and not match.group(0).split()[0].isupper()  # "TSV 1860": a club's kind, no place
            and _COUNTED_AFTER.match(text, match.end())
        ):
            continue  # "in Hannover 96 Menschen": a count after a place
        yield match.start(), match.end()


def club_numbers(text: str) -> set[str]:
    """The numbers of the clubs ``text`` names by a name with one ("TSV 1860" gives "1860")."""
    return {
        number
        for start, end in _club_numbers(text)
        for number in re.findall(r"\d+", text[start:end])
    }


# A word that may stand before a club's number where it names the club: none (the sentence's
# start), a clause's mark ("…, 1860 would qualify"), or the club's place ("Munich 1860’s").
# Not a bracket: "Sterling (29)" is a goal's minute.
_NAME_BEFORE = re.compile(r"(?:^|[,:;]|(?<![\w'’])(?P<word>[A-ZÄÖÜ][\w'’.-]*))\s*$")


@cache
def _club_name_words() -> dict[str, frozenset[str]]:
    """The words beside each number in the clubs' names (data/clubs.toml): "1860" has "TSV",
    "München" and "Munich", "96" "Hannover" and "Hanover"."""
    words: dict[str, set[str]] = {}
    for name in packaged_toml("clubs.toml")["clubs"]["names"]:
        parts = name.split()
        for number in (part for part in parts if part.isdigit()):
            words.setdefault(number, set()).update(part for part in parts if not part.isdigit())
    return {number: frozenset(named) for number, named in words.items()}


def names_a_club(quantity: Quantity, text: str, numbers: set[str]) -> bool:
    """Whether ``quantity`` in ``text`` is a club the sources name by a name with its number:
    English and German news shorten "TSV 1860" to "1860" ("1860 would already qualify",
    "Munich 1860’s opponent"). Only a year's or a bare number's digits standing where a name
    stands: not after a preposition ("in 1860") or a capitalised word that is no place or kind
    in the club's names ("at Christmas 1860"), nor before a noun it counts ("96 fans")."""
    digits = re.sub(r"['’]s$", "", quantity.text)
    if (
        digits not in numbers
        or quantity.kind not in ("year", "decade", "number")
        or quantity.count_context
        or quantity.counts_something
    ):
        return False
    before = _NAME_BEFORE.search(text, 0, quantity.start)
    if before is None:
        return False
    # A word before it is the club's place or kind ("Munich 1860’s", "TSV 1860"), not any
    # capitalised word: "at Christmas 1860", "since Easter 1860" are years.
    word = before.group("word")
    return word is None or word.rstrip(".") in _club_name_words().get(digits, frozenset())


# The world wars by any of their names: "World War II", "World War Two", "WWII", "the Second
# World War", "the Great War" (the first); "der Zweite Weltkrieg", "im 2. Weltkrieg", "im
# Ersten und Zweiten Weltkrieg", "beide Weltkriege". A name (checked as one by the facts), not
# a count of two.
_WORLD_WAR_EN = re.compile(
    r"\b(?:World\s+War\s+(?:I{1,2}|One|Two|1|2)\b|(?:First|Second|1st|2nd)\s+World\s+War\b"
    r"|Great\s+War\b|WW(?:I{1,2}|1|2)\b)",
    re.IGNORECASE,
)
_WAR_ORDINAL_DE = r"(?:erste[mnrs]?|zweite[mnrs]?|[12]\.|I{1,2}\.)"
_WORLD_WAR_DE = re.compile(
    rf"(?<![\w-])(?:{_WAR_ORDINAL_DE}(?:\s*(?:und|oder|bis|,|/)\s*{_WAR_ORDINAL_DE})?"
    r"|beide[mnrs]?)\s*Weltkrieg",
    re.IGNORECASE,
)
_FIRST_WAR = re.compile(
    r"(?<![\w-])(?:i|one|1|first|1st|erste[mnrs]?|great|wwi|ww1)(?![\w-])|\b1\."
)
_SECOND_WAR = re.compile(r"(?<![\w-])(?:ii|two|2|second|2nd|zweite[mnrs]?|wwii|ww2)(?![\w-])")


def world_wars(text: str, language: Language) -> list[tuple[int, int, frozenset[int]]]:
    """Where ``text`` names a world war, and which (1, 2, or both)."""
    found = []
    for match in (_WORLD_WAR_DE if language == "de" else _WORLD_WAR_EN).finditer(text):
        said = match.group(0).lower()
        wars = {1} if _FIRST_WAR.search(said) else set()
        if _SECOND_WAR.search(said):
            wars.add(2)
        if said.startswith("beide"):
            wars = {1, 2}
        found.append((match.start(), match.end(), frozenset(wars or {1, 2})))
    return found


@dataclass(frozen=True)
class Quantity:
    """One number mention: its text as written, where it is, and every value it can mean."""

    text: str
    kind: Kind
    values: frozenset[float | tuple[int, ...]]
    start: int
    end: int
    # A metric unit right after the number: (dimension, factor to the base unit), or None.
    unit: tuple[str, float] | None = None
    # A word before it that says it is rounded ("about", "more than", "knapp"), or None.
    hedge: Hedge | None = None
    # Words around a bare number that make it an hour ("at 6", "shortly before 6", "6 in the
    # evening"): only then may a time of day of the source back it.
    clock_context: bool = False
    # The currency written with the number ("€15", "15 Franken", "$3.5bn", "3,5 Mrd. US-Dollar"):
    # "euro", "dollar", "franc", "pound", "yen", "rouble", "krone", "zloty", "lira", "yuan",
    # "yen/yuan" (the sign "¥", which both write), or None.
    currency: str | None = None
    # "Prozentpunkte", "percentage points": a difference of shares, not a share.
    points: bool = False
    # A range's first end that took the percent of its second ("5 to 7 percent"): "from 5 to 7
    # percent" is "von 5 auf 7 Prozent", whose 5 no link reads so; either kind backs it.
    shared: bool = False
    # A bare number of "points" ("lost 2 points", "2 Punkte"): a score's or an index's points,
    # or percentage points where the other text says "Prozentpunkte" (news English shortens
    # "percentage points" to "points"); such a percentage backs it, and it that percentage.
    in_points: bool = False
    # A year's figure that may be a count, by the words around it: a hedge, a currency or unit,
    # or a noun it counts ("rund 2000 Menschen", "2000 Besucher", "2000 people"). Only such a
    # year backs a count written with a thousands separator ("2,000 people"); "im Jahr 2018
    # starben" does not back "2,018 people".
    count_context: bool = False
    # An English score or range written with the lower number first ("lost 1-2", "2-3 weeks"):
    # English puts a winner's score first ("beat them 2-1", "lost 2-1" for "verlor 1:2"), so
    # the lower first is an order of the sides, which only the same order backs ("1-2" for
    # "gewann 2:1" turns the result around).
    lower_first: bool = False
    # A German rank fused to a word ("Drittliga", "drittgrößte", "Zweitligist"): it backs a rank
    # or a label's number ("third-largest", "Division 3"), not a count ("three days").
    rank_in_a_word: bool = False
    # A number before a unit or a noun it counts ("three days", "two goals", "3 people").
    counts_something: bool = False
    # A German number fused to the head that names what it counts ("vierteilig", "dreiköpfig"):
    # that head, a key of _COUNTED_HEADS_DE; only an English number of the same thing matches.
    counted_in_a_word: str | None = None
    # The English words next to a number that may name what it counts ("days" of "four days",
    # "part" of "four-part", "family" of "a family of three"), lowercased.
    words_around: frozenset[str] = frozenset()


def parse_digits(digits: str, language: Language) -> set[float]:
    """Every value a digit string can mean in ``language`` ("14.000" de → 14000)."""
    compact = digits.replace("\u00a0", " ").replace("\u202f", " ")
    readings: set[float] = set()
    groups = re.fullmatch(r"(\d{1,3})((?:[.,'’ ]\d{3})+)([.,]\d+)?", compact)
    # "0.042" is never 42: a thousands group never follows a lone 0.
    if (
        groups
        and groups.group(1) != "0"
        and len({sep for sep in re.findall(r"[.,'’ ](?=\d{3})", groups.group(2))}) == 1
    ):
        thousands_sep = groups.group(2)[0]
        integer = float(groups.group(1) + re.sub(r"\D", "", groups.group(2)))
        fraction = groups.group(3)
        if fraction is None or fraction[0] != thousands_sep:
            value = integer + (float("0." + fraction[1:]) if fraction else 0.0)
            # "14.000": thousands in German; in English a decimal point is also possible.
            is_conventional = (thousands_sep in ".'’ " and language == "de") or (
                thousands_sep in ",'’ " and language == "en"
            )
            readings.add(value)
            if not is_conventional and groups.group(2).count(thousands_sep) == 1 and not fraction:
                readings.add(float(compact.replace(",", ".").replace(" ", "")))
            return readings
    if re.fullmatch(r"\.\d+", compact):  # ".3": a decimal without its leading zero
        return {float("0" + compact)}
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


def _times(match: re.Match[str]) -> set[tuple[int, ...]]:
    """Every (hour, minute) a time of day can mean; empty when the match is not a time."""
    hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
    if match.group("meridiem"):
        if not 1 <= hour <= 12:
            return set()
        return {(hour % 12 + (12 if match.group("meridiem") in "pP" else 0), minute)}
    if match.group("clock") or (match.group("hours") and match.group("minute")):
        return {(hour % 24, minute)}
    if match.group("oclock") or match.group("separator") == ":":
        if match.group("oclock") and match.group("minute"):
            return set()
        # "at 10:30" may be morning or evening; "21:30" only evening.
        return {(hour % 24, minute)} | ({(hour % 12 + 12, minute)} if 1 <= hour <= 12 else set())
    return set()


def _decade(match: re.Match[str]) -> set[float | tuple[int, ...]]:
    """The years a decade spans and, written with two digits and no apostrophe, the ages too
    ("in his 50s"): years as (year,), ages as numbers."""
    return _decade_values(
        int(match.group("decade")) * 10,
        (int(match.group("century")),) if match.group("century") else (19, 20),
        ages=not match.group("century") and not match.group("apostrophe"),
    )


def _decade_values(
    first: int, centuries: tuple[int, ...], ages: bool
) -> set[float | tuple[int, ...]]:
    """The years (as (year,)) of the decade starting at ``first`` in each of ``centuries``,
    and with ``ages`` the ages it spans (as numbers)."""
    values: set[float | tuple[int, ...]] = {
        (century * 100 + first + offset,) for century in centuries for offset in range(10)
    }
    if ages:
        values |= {float(first + offset) for offset in range(10)}
    return values


class _Spans:
    """Spans of a text already read as a quantity, kept by the stretches of text they lie in:
    a scan of every span taken before made find_quantities quadratic in a text's numbers (a
    list of 10,000 numbers took 7 s to read, and the checks of its article 30 s)."""

    _STRETCH = 64  # characters

    def __init__(self) -> None:
        self._in: dict[int, list[tuple[int, int]]] = {}

    def _stretches(self, start: int, last: int) -> range:
        return range(start // self._STRETCH, last // self._STRETCH + 1)

    def append(self, span: tuple[int, int]) -> None:
        for stretch in self._stretches(span[0], max(span[0], span[1] - 1)):
            self._in.setdefault(stretch, []).append(span)

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` overlaps a span taken (``start < end`` and ``other_start < span
        end``, as before): any such span holds a character of the stretches from the span's
        start to its end."""
        return any(
            span[0] < end and start < span[1]
            for stretch in self._stretches(*span)
            for start, end in self._in.get(stretch, ())
        )


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


def _unit_fractions(text: str) -> list[tuple[int, int, float]]:
    """ "a third of", "ein Viertel", "die Hälfte", "one in five", "jeder Fünfte", "2/3 der":
    start, end, value (1/n, or the digits' share)."""
    from text_to_num import alpha2digit

    found = []
    for match in _UNIT_FRACTION.finditer(text):
        if match.group("half_of") and _A_PARTICULAR_HALF.search(text, 0, match.start()):
            continue  # "the second half of the year" is a time, not a share
        if match.group("half") or match.group("half_of") or match.group("half_de"):
            denominator = 2
        elif match.group("english") or match.group("german"):
            denominator = _DENOMINATORS[(match.group("english") or match.group("german")).lower()]
        else:
            word = match.group("one_in") or match.group("every")
            language = "en" if match.group("one_in") else "de"
            # threshold 0: text2num leaves a lone "two" or "Zweite" as it is by default
            digits = word if word.isdigit() else alpha2digit(word.lower(), language, threshold=0)
            number = re.fullmatch(r"(\d+)\.?", digits)
            if not number or int(number.group(1)) < 2:
                continue
            denominator = int(number.group(1))
        found.append((match.start(), match.end(), round(1 / denominator, 4)))
    for match in _BY_A_FRACTION.finditer(text):
        denominator = _DENOMINATORS[(match.group("english") or "half").lower()]
        found.append((match.start("part"), match.end("part"), round(1 / denominator, 4)))
    for match in _HEDGED_FRACTION.finditer(text):
        if match.group("after") and _before_a_noun(match.group("after")):
            continue  # "worried about a third wave": an ordinal
        denominator = _DENOMINATORS[match.group("english").lower()]
        found.append((match.start("part"), match.end("part"), round(1 / denominator, 4)))
    for match in _DIGIT_FRACTION.finditer(text):
        numerator, denominator = int(match.group("numerator")), int(match.group("denominator"))
        if 0 < numerator < denominator <= 10:
            found.append((match.start(), match.end(), round(numerator / denominator, 4)))
    return found


def _clock_words(text: str, language: Language) -> list[tuple[int, int, set[tuple[int, ...]]]]:
    """ "halb drei", "half past two", "Viertel vor 4": start, end and the (hour, minute) readings,
    morning and afternoon."""
    from text_to_num import alpha2digit

    found = []
    for match in _CLOCK_WORDS.finditer(text):
        word = match.group("hour")
        digits = word if word.isdigit() else alpha2digit(word.lower(), language, threshold=0)
        if not digits.isdigit() or not 1 <= int(digits) <= 12:
            continue  # "halb so viel", "half past noon"
        hour, minute = int(digits), 30
        if match.group("half") or match.group("quarter_to"):  # the half hour before "drei"
            hour, minute = hour - 1 or 12, 30 if match.group("half") else 45
        elif match.group("quarter_past"):
            minute = 15
        found.append((match.start(), match.end(), {(hour % 12, minute), (hour % 12 + 12, minute)}))
    return found


def _german_decades(text: str) -> list[tuple[int, int, set[float | tuple[int, ...]]]]:
    """ "Siebzigerjahre", "in den Neunzigern": start, end and the years (of either century) and,
    without "Jahre", the ages the decade spans."""
    from text_to_num import alpha2digit

    found = []
    for match in _DECADE_WORD_DE.finditer(text):
        first = int(alpha2digit(match.group("tens").lower(), "de", threshold=0))
        values = _decade_values(first, (19, 20), ages=not match.group("years"))
        found.append((match.start(), match.end(), values))
    return found


def _and_a_half(text: str, language: Language) -> list[tuple[int, int, float]]:
    """ "zweieinhalb Millionen", "anderthalb", "two and a half": start, end and the value."""
    from text_to_num import alpha2digit

    found = []
    for match in _AND_A_HALF.finditer(text):
        start = match.start()
        if match.group("anderthalb"):
            whole = 1.0
        elif (word := (match.group("en") or "").lower()) in SCALES:
            # "a million and a half" is 1.5 million, not a million and 0.5
            one = _ONE_BEFORE_SCALE.search(text, max(0, start - 8), start)
            if one is None or match.group("scale"):
                continue
            found.append((one.start(), match.end(), 1.5 * SCALES[word]))
            continue
        else:
            word = (match.group("de") or match.group("en")).lower()
            if word in ("a", "an", "one", "ein"):
                digits = "1"
            else:
                digits = alpha2digit(word, "de" if match.group("de") else "en", threshold=0)
            if not digits.isdigit():
                continue
            whole = float(digits)
        scale = (match.group("scale") or "").rstrip(".").lower()
        scales = _GERMAN_SCALES if language == "de" else SCALES
        found.append((start, match.end(), (whole + 0.5) * scales.get(scale, 1.0)))
    return found


class _GermanNumeral(NamedTuple):
    start: int
    end: int
    value: float
    # The unit of time the head counts ("dreitägig": days), or None.
    unit: tuple[str, float] | None = None
    # The head that names what the number counts ("teilig" of "vierteilig"), or None.
    counted: str | None = None


def _german_numerals(text: str) -> list[_GermanNumeral]:
    """ "dreitägig", "siebenmalig", "Zweirad" (the number word inside), "beiden" (two)."""
    from text_to_num import alpha2digit

    found = [_GermanNumeral(match.start(), match.end(), 2.0) for match in _BOTH_DE.finditer(text)]
    for match in _NUMERAL_HEAD.finditer(text):
        digits = alpha2digit(match.group("number").lower(), "de", threshold=0)
        head = match.group("time")
        noun_head = match.group("time_noun")
        # "einjährig" is one year; "einmal", "einfach" (once, simple) are no count
        if digits.isdigit() and int(digits) >= (1 if head or noun_head else 2):
            if head:
                unit = _METRIC_UNITS[_TIME_HEADS_DE[head.lower()]]
            elif noun_head:
                unit = _METRIC_UNITS[_TIME_NOUN_HEADS_DE[noun_head.lower()]]
            else:
                unit = None
            counted = match.group("counted")
            found.append(
                _GermanNumeral(
                    match.start(),
                    match.end(),
                    float(digits),
                    unit,
                    counted.lower() if counted else None,
                )
            )
    return found


_LETTER_O = frozenset({"o", "oh"})


def _number_words(text: str, language: Language) -> list[tuple[int, int, float, Kind]]:
    """Spelled-out numbers ("fourteen thousand", "vierzehntausend", "third", "two-thirds"): start,
    end, value and kind (number, ordinal or fraction). Read by text2num; digits are left to the
    patterns above."""
    from text_to_num import find_numbers

    words = [
        _Token(
            _SEVENTH_DE.sub(r"\1t", m.group(0)) if language == "de" else m.group(0),
            m.start(),
            m.end(),
        )
        for m in _WORD_TOKEN.finditer(text)
    ]
    found: list[tuple[int, int, float, Kind]] = []
    for occurrence in find_numbers(words, language, 0.0):
        parts = words[occurrence.start : occurrence.end]
        if any(part.word[0].isdigit() for part in parts):
            continue
        fraction = None if occurrence.is_ordinal else _FRACTION_AFTER.match(text, parts[-1].end)
        if fraction:
            denominator = _DENOMINATORS[fraction.group("denominator").lower()]
            value = round(occurrence.value / denominator, 4)
            found.append((parts[0].start, fraction.end(), value, "fraction"))
            continue
        spoken = [part for part in parts if part.word.isalpha()]
        if len(parts) == 1 and parts[0].word.lower() in _LETTER_O:
            continue  # text2num's zero: the "O" of "O'Neill", "o'clock", "O2 Arena"
        if (
            len(spoken) == 1
            and occurrence.value == 1
            and not occurrence.is_ordinal
            and spoken[0].word.lower() != "eins"  # "Nummer eins", "eins zu eins": the numeral
        ):
            continue  # "one", "ones", "ein": an article or pronoun far more often than a count
        if occurrence.is_ordinal and occurrence.value <= 2:
            continue  # "first time", "second-largest": rarely a checkable count
        kind: Kind = "ordinal" if occurrence.is_ordinal else "number"
        found.append((parts[0].start, parts[-1].end, float(occurrence.value), kind))
    return found


class _Reading(NamedTuple):
    """One reading of a span of text: where it is, its kind and every value it can mean."""

    start: int
    end: int
    kind: Kind
    values: AbstractSet[float | tuple[int, ...]]
    # False: one reading of several; the span stays open to the others.
    alone: bool = True
    # The unit the reading names itself ("half an hour"); else the one written after it.
    unit: tuple[str, float] | None = None
    # The head of a German numeral that names what it counts ("teilig" of "vierteilig").
    counted: str | None = None


class _Withheld(NamedTuple):
    """A span kept from every later reading without being a quantity itself ("world No 1")."""

    start: int
    end: int


def find_quantities(text: str, language: Language) -> list[Quantity]:
    """Every number, percentage, fraction, date, decade, weekday, season, time, year, score and
    ordinal in ``text``, in order."""
    found: list[Quantity] = []
    taken = _Spans()
    for reading in _readings(text, language):
        span = (reading.start, reading.end)
        if isinstance(reading, _Withheld):
            taken.append(span)
        elif reading.values and not taken.overlaps(span):
            if reading.alone:
                taken.append(span)
            found.append(_quantity(text, reading, language))
    found.sort(key=lambda quantity: quantity.start)
    return _shared_ends(text, found, language)


# What joins the two ends of a range or a list: "3 bis 4", "between 10 and 15", "2 or 3", "3-4".
_RANGE_LINK = re.compile(r"\s*(?:bis(?:\s+zu)?|to|und|and|oder|or|[-–])\s*", re.IGNORECASE)
# A change from one value to another: "von 40 auf 35 Prozent", "from 4 to 3.5 million". It may
# go down, so its first end shares what the second says within a factor of ten of it.
_FROM_BEFORE = re.compile(r"(?<![\w-])(?:von|from)\s+$", re.IGNORECASE)
_CHANGE_LINK = re.compile(r"\s*(?:auf|to)\s*", re.IGNORECASE)
_SCALE_IN = re.compile(rf"{_SCALE}|(?<=\d)(?P<short>bn|tn|b|m|k)\b", re.IGNORECASE)


def _is_a_change(text: str, first: Quantity, second: Quantity) -> bool:
    """Whether ``first`` and ``second`` are the ends of a change: "von 40 auf 35 Prozent"."""
    return bool(
        _FROM_BEFORE.search(text, max(0, first.start - 8), first.start)
        and _CHANGE_LINK.fullmatch(text, first.end, second.start)
    )


def _shared_ends(text: str, found: list[Quantity], language: Language) -> list[Quantity]:
    """The first end of a range or list also read with the scale, percent and currency written
    once after the second: "3 bis 4 Millionen Euro" states 3 million euros, "10 bis 15 Prozent"
    10 percent. A range goes up: "500 bis 3 Millionen" states no 500 million; a change may go
    down, within a factor of ten: "von 40 auf 35 Prozent", "von 4 auf 3,5 Millionen"."""
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        if (
            first.kind != "number"
            or second.kind not in ("number", "percent")
            or _SCALE_IN.search(first.text)
            or not (
                _RANGE_LINK.fullmatch(text, first.end, second.start)
                or _is_a_change(text, first, second)
            )
        ):
            continue
        scale = _SCALE_IN.search(second.text)
        factor = 1.0
        if scale:
            word = scale.group(0).strip().rstrip(".").lower()
            factor = (_GERMAN_SCALES if language == "de" else SCALES).get(word) or _CURRENCY_SCALES[
                word
            ]
        if factor == 1.0 and second.kind != "percent":
            continue
        low = min(_numbers(first), default=0.0)
        high = max((value / factor for value in _numbers(second)), default=0.0)
        if not low < high and not (
            _is_a_change(text, first, second) and 0 < high <= low <= 10 * high
        ):
            continue
        found[index] = replace(
            first,
            kind=second.kind,
            values=first.values | {round(v * factor, 6) for v in _numbers(first)},
            currency=first.currency or second.currency,
            points=second.points,
            shared=second.kind != first.kind,
        )
    return found


def _readings(text: str, language: Language) -> Iterator[_Reading | _Withheld]:
    """Every reading of ``text`` in order of precedence: a span read by an earlier step is closed
    to the later ones (a date's day is not also a count, a score not two numbers)."""
    patterns = _patterns()
    for match in _DISEASE_NAME.finditer(text):  # "Covid-19": a name's digits, no count
        yield _Withheld(match.start(), match.end())
    for match in _CLUB_NUMBER.finditer(text):  # "1. FC Köln": a name's number, no ordinal
        yield _Withheld(match.start(), match.end())
    for start, end in _club_numbers(text):  # "Schalke 04", "Hannover 96": a name's number
        yield _Withheld(start, end)
    for match in _ZERO_OF_A_SCALE.finditer(text):  # "below zero": the sign of the number before
        yield _Withheld(match.start("zero"), match.end("zero"))
    for start, end, _ in world_wars(text, language):  # "World War 2", "im 2. Weltkrieg"
        yield _Withheld(start, end)
    yield from _day_ranges(text, patterns)
    yield from _dates_in_words(text, language, patterns)  # before "März 2020" of _dates
    yield from _dates(text, language, patterns)
    yield from _months(text, patterns)
    yield from _decades(text, language)
    yield from _year_spans(text)
    yield from _times_of_day(text, language)
    yield from _ranks(text)
    yield from _parts_of_units(text, language)
    for start, end, value in _unit_fractions(text):
        yield _Reading(start, end, "fraction", {value})
    yield from _weekdays(text, language, patterns)
    yield from _seasons(text, language)
    yield from _ordinals(text, language)
    yield from _scores(text)
    yield from _digit_numbers(text, language)
    for start, end, value in _and_a_half(text, language):
        yield _Reading(start, end, "number", {value})
    if language == "de":
        yield from _german_word_numbers(text)
    else:
        yield from _english_collectives(text)
    yield from _multiples(text, language)
    yield from _spelled_numbers(text, language)
    if language == "de":
        yield from _time_words_de(text)


_CURRENCY_NAMES = {
    "€": "euro", "eur": "euro", "euro": "euro", "euros": "euro",
    "$": "dollar", "us$": "dollar", "usd": "dollar", "dollar": "dollar", "dollars": "dollar",
    "chf": "franc", "fr.": "franc", "sfr.": "franc", "franken": "franc", "franc": "franc",
    "francs": "franc", "£": "pound", "gbp": "pound", "pfund": "pound", "pound": "pound",
    "pounds": "pound", "yen": "yen", "jpy": "yen", "jp¥": "yen",
    # "¥" is the sign of the yen and of the yuan alike ("¥100" for "100 Yuan"): either, so it
    # backs and is backed by both; the words and codes still tell them apart.
    "¥": "yen/yuan", "cn¥": "yuan",
    # The rouble, the crowns (Danish, Norwegian, Swedish, Czech: German says "Kronen" for all,
    # and English "crowns" too), the zloty, the lira and the yuan (renminbi is its other name):
    # "100 Rubel" is "100 roubles", and no 100 euros.
    "rubel": "rouble", "rouble": "rouble", "roubles": "rouble", "ruble": "rouble",
    "rubles": "rouble", "rub": "rouble", "₽": "rouble",
    "krone": "krone", "kronen": "krone", "kroner": "krone", "krona": "krone", "kronor": "krone",
    "crown": "krone", "crowns": "krone", "koruna": "krone", "sek": "krone", "nok": "krone",
    "dkk": "krone", "czk": "krone",
    "zloty": "zloty", "zlotys": "zloty", "zlotych": "zloty", "złoty": "zloty", "złotys": "zloty",
    "pln": "zloty",
    "lira": "lira", "lire": "lira", "liras": "lira", "₺": "lira",
    "yuan": "yuan", "renminbi": "yuan", "rmb": "yuan", "cny": "yuan",
    # A hundredth of any of them: "5 Cent pro Liter" is no "5 euros per litre" (see _in_cents).
    "cent": "cent", "cents": "cent",
}  # fmt: skip
# (No "TRY" before a number: "try 5 times".)
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![\w])(?P<code>US\$|CN¥|JP¥|EUR|USD|CHF|GBP|JPY|RUB|SEK|NOK|DKK|CZK|PLN|CNY|RMB|S?Fr\.)"
    r"|(?P<sign>[$€£¥₽₺]))\s?$",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?:US|Schweizer|Swiss|Danish|Norwegian|Swedish|Czech|Russian|Polish|Turkish|Chinese"
    r"|(?:dänisch|norwegisch|schwedisch|tschechisch|russisch|polnisch|türkisch|chinesisch)e[nr]?)"
    r"[- ]?)?(?P<word>euros?|eur|dollars?|usd|franken|francs?|chf|s?fr\.|pfund|pounds?|gbp|yen"
    r"|jpy|rubel|roubles?|rubles?|kronen|kroner|kronor|krone|krona|crowns?|koruna"
    r"|zlotys?|złotys?|zlotych|lira|lire|liras|yuan|renminbi|cents?"
    # the codes of the newer currencies in capitals only: "7,81 Sek." is seconds
    r"|(?-i:RUB|SEK|NOK|DKK|CZK|PLN|RMB|CNY)"
    # "Krone-Leser" are a newspaper's readers
    r"|€|\$|£|¥|₽|₺)(?![^\W\d_])(?!-[^\W\d_])",
    re.IGNORECASE,
)


def _currency(text: str, start: int, end: int) -> str | None:
    """The currency written right before or after a number (its sign may be part of it)."""
    written = text[start:end].lstrip()
    if written[:1] in "$€£¥":
        return _CURRENCY_NAMES[written[0]]
    before = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if before:
        return _CURRENCY_NAMES[(before.group("code") or before.group("sign")).lower()]
    after = _CURRENCY_AFTER.match(text, end)
    return _CURRENCY_NAMES[after.group("word").lower()] if after else None


def with_currency_written(text: str, quantity: Quantity) -> tuple[int, int]:
    """Where ``quantity`` stands in ``text`` with the currency written around it: "CHF 15",
    "3.50 euros", "15 Swiss francs" (its own span where it has no currency, or its sign is part
    of it: "$3.50")."""
    start, end = quantity.start, quantity.end
    if quantity.currency is None:
        return start, end
    before = _CURRENCY_BEFORE.search(text, max(0, start - 6), start)
    if before is not None and text[start:end].lstrip()[:1] not in "$€£¥":
        start = before.start()
    after = _CURRENCY_AFTER.match(text, end)
    if after is not None:
        end = after.end()
    return start, end


# The word after a year's figure, to tell a count ("2000 Menschen") from a year ("2018
# starben"): German capitalises the noun it counts; English counts a plural.
_WORD_AFTER = re.compile(r"\s+(?P<word>[^\W\d_]+)\b")
_ENGLISH_PLURAL_NOUNS = {"people", "men", "women", "children", "police", "staff", "personnel"}
_ENGLISH_NOT_NOUNS = {"was", "has", "is", "as", "this", "its", "his", "us", "thus", "does", "goes"}
_MONTHS_AND_DAYS_DE = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)\w*"
)


# A German adjective before the noun a figure counts ("2000 neue Stellen", "2000 weitere
# Helfer"); not "-en", which a verb after a year ends in as often ("2018 starben").
_ADJECTIVE_DE = re.compile(r"[a-zäöüß]+(?:e|er|es|em)")
# Words of those endings that are no adjective: after a year they start its clause ("2018 wurde
# die Stadt", "2019 hatte der Verein", "seit 2015 über die Grenze"), after a count never.
_NO_ADJECTIVES_DE = frozenset(
    "der die des dem eine einer eines einem keine keiner keines keinem diese dieser dieses "
    "diesem jene jener jenes jenem jede jeder jedes jedem welche welcher welches welchem "
    "solche solcher manche mancher meine meiner seine seiner ihre ihrer unsere unserer "
    "er sie wie wer aber oder sowie wieder immer nie hier über unter hinter wider ohne "
    "wurde würde werde hatte hätte habe sei wäre konnte könnte sollte müsste musste wollte "
    "durfte dürfte mochte möchte gebe gäbe ginge käme stehe stünde".split()
)
# How many adjectives may stand between a figure and the noun it counts.
_ADJECTIVES_BEFORE_A_NOUN = 2


# What says the figure after it is a year ("in 2018", "seit 2018", "im Jahr 2018"): a word
# after it that may be an adjective then starts the year's clause ("In 2018 more people died").
_YEAR_BEFORE = re.compile(
    r"\b(?:in|by|since|until|till|during|year|im|seit|bis|ab|jahre?s?)\s+$", re.IGNORECASE
)


def _may_be_a_count(text: str, start: int, end: int, language: Language) -> bool:
    """Whether the word after a year's figure is a noun it may count ("2000 Menschen", "2000
    people"), after an adjective or two ("2000 new teachers", "2000 zusätzliche Stellen";
    not after "in", "seit", … : "In 2018 more people died"), not a verb, article or name of a
    month ("2018 starben", "in 2018 the", "2018 wurde die")."""
    year_before = bool(_YEAR_BEFORE.search(text, max(0, start - 20), start))
    for _ in range(_ADJECTIVES_BEFORE_A_NOUN + 1):
        after = _WORD_AFTER.match(text, end)
        if after is None:
            return False
        word, end = after.group("word"), after.end()
        if language == "de":
            if word in _NO_ADJECTIVES_DE:
                return False
            if _ADJECTIVE_DE.fullmatch(word) and not year_before:
                continue
            return word[0].isupper() and not _MONTHS_AND_DAYS_DE.fullmatch(word)
        if word.islower() and not year_before and _is_an_adjective_only(word):
            continue
        return word.islower() and (
            word in _ENGLISH_PLURAL_NOUNS or (word.endswith("s") and word not in _ENGLISH_NOT_NOUNS)
        )
    return False


@lru_cache(maxsize=4096)
def _is_an_adjective_only(word: str) -> bool:
    """Whether an English word is an adjective and no verb ("new", "more", "additional"; not
    "last", "armed")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "ADJ" in lemmas and "VERB" not in lemmas


def _quantity(text: str, reading: _Reading, language: Language) -> Quantity:
    """The quantity a reading makes, with the unit, hedge and clock words around it."""
    start, end, kind = reading.start, reading.end, reading.kind
    unit = reading.unit or (_unit_after(text, end) if kind in ("number", "ordinal") else None)
    written = text[start:end].strip()
    hedge = _HEDGE_BEFORE.search(text, max(0, start - 20), start)
    if hedge and _PARTICLE_OVER.search(text, max(0, hedge.start() - 20), hedge.end()):
        hedge = None  # "took over 500 stores": a verb's particle, no hedge
    currency = _currency(text, start, end) if kind == "number" else None
    if kind == "number" and _ROUGH_PLURAL.fullmatch(written) and (of := _OF.match(text, end)):
        # "millions of euros", "hundreds of kilometres": the plural scale's currency or unit
        currency = currency or _currency(text, start, of.end())
        unit = unit or _unit_after(text, of.end())
    values = set(reading.values)
    if kind in ("number", "percent") and (
        _MINUS_BEFORE.search(text, max(0, start - 8), start)
        or _BELOW_ZERO_AFTER.match(text, end)
        or _MINUS_AFTER.match(text, end)
    ):
        # "minus 5 Grad", "minus five degrees", "five degrees below zero", "5 Grad minus": -5,
        # as "-5" is.
        values = _signed(values, unit, text, start)
    elif (
        kind == "number"
        and unit is not None
        and unit[0] == "°"
        and _BELOW_ZERO_BEFORE.search(text, max(0, start - 40), start)
    ):
        # "Minusgrade von bis zu 15 Grad": degrees below zero, said before them; read with and
        # without the sign, as "-15C" and "frost of 15 degrees" both say it.
        values |= {-value for value in values if isinstance(value, float) and value > 0}
    return Quantity(
        written,
        kind,
        frozenset(values),
        start,
        end,
        unit,
        _HEDGES[re.sub(r"\s+", " ", hedge.group("hedge").lower())] if hedge else None,
        bool(  # "at around 9": the clock word stands before the hedge
            _CLOCK_BEFORE.search(
                text, max(0, (clock := hedge.start() if hedge else start) - 20), clock
            )
            or _CLOCK_AFTER.match(text, end)
        ),
        currency,
        kind == "percent"
        and bool(
            re.search(r"punkt|point|bps?$", written, re.IGNORECASE)  # "25bp": basis points
            or _POINTS_AFTER.match(text, end)
        ),
        in_points=kind == "number" and bool(_POINTS_AFTER.match(text, end)),
        count_context=kind == "year"
        and bool(
            hedge
            or _currency(text, start, end)
            or _unit_after(text, end)
            or _may_be_a_count(text, start, end, language)
        ),
        lower_first=kind == "score"
        and language == "en"
        and _lower_first(written)
        and not _between_two_sides(text, start, end),
        rank_in_a_word=kind == "ordinal"
        and language == "de"
        and bool(_ORDINAL_HEAD_DE.match(text, start)),
        counts_something=kind == "number"
        and (unit is not None or _may_be_a_count(text, start, end, language)),
        counted_in_a_word=reading.counted,
        words_around=_words_around(text, start, end) if language == "en" else frozenset(),
    )


def _words_around(text: str, start: int, end: int) -> frozenset[str]:
    """The words that may name what an English number counts: the one after it and the noun
    before an "of" ("four-part", "four days", "a family of three")."""
    after = _WORD_COUNTED_AFTER.match(text, end)
    before = _NOUN_OF_BEFORE.search(text, max(0, start - 30), start)
    return frozenset(match.group("word").lower() for match in (after, before) if match is not None)


def _count_the_same(one: Quantity, other: Quantity) -> bool:
    """Whether two numbers may count the same thing by what a German numeral's head names:
    "vierteilig" matches "four-part" or "four episodes", not "four days" nor a bare "four"."""
    if one.counted_in_a_word is None and other.counted_in_a_word is None:
        return True
    if one.counted_in_a_word is not None and other.counted_in_a_word is not None:
        return one.counted_in_a_word == other.counted_in_a_word
    fused, written = (one, other) if one.counted_in_a_word is not None else (other, one)
    return bool(written.words_around & _COUNTED_HEADS_DE[fused.counted_in_a_word])  # type: ignore[index]


def _lower_first(written: str) -> bool:
    first, second = (int(part) for part in re.findall(r"\d+", written)[:2])
    return first < second


# A score between the two sides' names, "Dortmund 1-2 Bayern": a fixture's notation, the home
# side and its goals first, whoever won; German news writes the same result winner first
# ("Bayern gewann 2:1 in Dortmund"), so either order backs it. A weekday or month after the
# score is no side ("beat Dortmund 1-2 Saturday").
_SIDE_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w.'’-]*\s+$")
_SIDE_AFTER = re.compile(r"\s+([A-ZÄÖÜ][\w'’-]*)")


def _between_two_sides(text: str, start: int, end: int) -> bool:
    after = _SIDE_AFTER.match(text, end)
    return (
        after is not None
        and _SIDE_BEFORE.search(text, max(0, start - 40), start) is not None
        and after.group(1) not in weekday_numbers()
        and after.group(1) not in month_numbers()
    )


# "minus" before a number is its sign ("minus 5 Grad", "minus five degrees"); "ein Minus von 5
# Prozent" is a fall, said with the noun, and not read.
_MINUS_BEFORE = re.compile(r"(?<![\w-])minus\s+$", re.IGNORECASE)
# "plus/minus 2", "+/-2", "±2": either sign, a margin.
_PLUS_OR_MINUS_BEFORE = re.compile(r"(?:\bplus\s*(?:/|-|oder|or)?\s*|\+\s*/?\s*)$", re.IGNORECASE)
# "five degrees below zero", "5 Grad unter null", "10 unter dem Gefrierpunkt": negative; so are
# "15 Grad Frost", "10 Grad Kälte" and "15 degrees of frost", said with their unit.
_BELOW_ZERO_AFTER = re.compile(
    r"\s?(?:°\s?C?|degrees?(?:\s+celsius)?|grad(?:\s+celsius)?)?\s+(?:below\s+(?:zero|freezing)"
    r"|unter\s+(?:null|dem\s+gefrierpunkt))\b"
    r"|\s?(?:degrees?\s+of|grad)\s+(?:frost|kälte)\b",
    re.IGNORECASE,
)


# A temperature's minus after its unit, as German says it too: "5 Grad minus", or in it: "5
# Minusgrade", "fünf Minusgraden".
_MINUS_AFTER = re.compile(
    r"\s?(?:(?:°\s?C?|grad(?:\s+celsius)?)\s+minus\b|-?\s?minusgrad)", re.IGNORECASE
)


# "Minusgrade(n) von (bis zu) 15 Grad", "temperatures below zero of 15 degrees": the degrees
# after are below zero.
_BELOW_ZERO_BEFORE = re.compile(
    r"(?:minusgrad(?:e|en)?|below\s+(?:zero|freezing))\s+(?:(?:von|of)\s+)?(?:[^\W\d_]+\s+){0,3}$",
    re.IGNORECASE,
)


# The zero of "five degrees below zero", "unter null": the sign of the number before, no count.
_ZERO_OF_A_SCALE = re.compile(r"\b(?:below|unter)\s+(?P<zero>zero|null)\b", re.IGNORECASE)


def _signed(
    values: AbstractSet[float | tuple[int, ...]],
    unit: tuple[str, float] | None,
    text: str,
    start: int,
) -> set[float | tuple[int, ...]]:
    """The values of a number written with a minus (its sign or "minus" before ``start``):
    negative too. Only a temperature loses its unsigned reading ("-5 Grad" is no "5 degrees"):
    a fall or a loss English says with a word ("-5%": "fell 5%"; "minus 3 Millionen Euro": "a
    loss of €3m"; "mit -6 Punkten": "6 points deducted"), a hyphen is a range's or a list's as
    often as a sign ("2010 -2014", "-5 Personen wurden verletzt"), and a margin is either
    ("plus/minus 2", "+/-2")."""
    negative = {-value for value in values if isinstance(value, float) and value > 0}
    if not negative:
        return set(values)
    sign = _MINUS_BEFORE.search(text, max(0, start - 8), start)
    before = sign.start() if sign else start
    either = _PLUS_OR_MINUS_BEFORE.search(text, max(0, before - 8), before)
    temperature = unit is not None and unit[0] in ("°", "°F")
    return negative | (set(values) if either is not None or not temperature else set())


def _day_ranges(text: str, patterns: dict[str, re.Pattern[str]]) -> Iterator[_Reading]:
    """Two days of one month ("4. bis 14. Oktober", "October 4 to 14"): two dates."""
    for name in ("day_range", "month_day_range"):
        for match in patterns[name].finditer(text):
            month, year = match.group("month"), match.group("year")
            first = _date(match.group("first"), month, year)
            second = _date(match.group("second"), month, year)
            if first is not None and second is not None and first < second:
                if name == "day_range":  # "4. bis 14. Oktober": the first day, the rest
                    yield _Reading(match.start(), match.end("first"), "date", {first})
                    yield _Reading(match.start("second"), match.end(), "date", {second})
                else:  # "October 4 to 14": the month and first day, the second day
                    yield _Reading(match.start(), match.end("first"), "date", {first})
                    yield _Reading(match.start("second"), match.end("second"), "date", {second})


def _dates(
    text: str, language: Language, patterns: dict[str, re.Pattern[str]]
) -> Iterator[_Reading]:
    """Dates in digits and with a month's name ("04/05/2018", "am 17.4.", "24. Februar 2022")."""
    for match in patterns["slashed"].finditer(text):
        year = match.group("year")
        first, second = match.group("first"), match.group("second")
        readings = {_date(first, second, year), _date(second, first, year)}
        yield _Reading(match.start(), match.end(), "date", {date for date in readings if date})
    numeric = ("numeric", "numeric_de") if language == "de" else ("numeric",)
    for name in (*numeric, "dmy", "mdy", "month_year"):
        for match in patterns[name].finditer(text):
            if name == "numeric_de" and _CLOCK_BEFORE.search(
                text, max(0, match.start() - 20), match.start()
            ):
                continue  # "um 9.05.": a time of day, not the 9th of May
            groups = match.groupdict()
            date = _date(groups.get("day"), groups["month"], groups.get("year"))
            if date is not None:
                # A date without its year may be a version or a decimal ("Version 2.1."):
                # read as both, it backs either in the English.
                yield _Reading(
                    match.start(), match.end(), "date", {date}, alone=name != "numeric_de"
                )


# An ordinal as text2num writes it in digits: "3.", "21st".
_ORDINAL_IN_DIGITS = re.compile(r"(?P<day>\d{1,2})(?:\.|st|nd|rd|th)")


def _dates_in_words(
    text: str, language: Language, patterns: dict[str, re.Pattern[str]]
) -> Iterator[_Reading]:
    """Dates whose day is an ordinal in words ("am dritten März 2020", "the third of March",
    "the twenty-first of May"): the same date as "3. März 2020", "March 3"."""
    from text_to_num import alpha2digit

    for match in patterns["day_in_words"].finditer(text):
        if language == "en" and not match.group("of"):
            continue  # "the first March for Science": English says such a date with "of"
        words = match.group("day")
        # "the third", "am dritten": the ordinal is the last word, or both ("twenty first")
        for start in (match.start("day"), match.start("day") + len(words.split()[0]) + 1):
            if start >= match.end("day"):
                break
            day = _ORDINAL_IN_DIGITS.fullmatch(
                alpha2digit(text[start : match.end("day")], language, threshold=0)
            )
            if day is not None:
                date = _date(day.group("day"), match.group("month"), match.group("year"))
                if date is not None:
                    yield _Reading(start, match.end(), "date", {date})
                break


def _months(text: str, patterns: dict[str, re.Pattern[str]]) -> Iterator[_Reading]:
    """A month alone ("in early April", "since May"): a date of that month in any year."""
    for name in ("month", "may"):
        for match in patterns[name].finditer(text):
            date = _date(None, match.group("month"), None)
            if date is not None:
                yield _Reading(match.start("month"), match.end("month"), "date", {date})


def _decades(text: str, language: Language) -> Iterator[_Reading]:
    """Decades: "the 1990s", "the '90s", "in his 50s", "the Seventies" and, in German,
    "Siebzigerjahre"."""
    for match in _DECADE.finditer(text):
        yield _Reading(match.start(), match.end(), "decade", _decade(match))
    if language == "de":
        for match in _DECADE_AFTER_ARTICLE_DE.finditer(text):
            if match.group("age"):
                first = int(match.group("age")) * 10
                ages: set[float | tuple[int, ...]] = {float(first + n) for n in range(10)}
                yield _Reading(match.start("age"), match.end(), "decade", ages)
                continue
            values = _decade_values(int(match.group("decade")) * 10, (19, 20), ages=True)
            yield _Reading(match.start("decade"), match.end(), "decade", values)
        for start, end, values in _german_decades(text):
            yield _Reading(start, end, "decade", values)
    else:
        for match in _DECADE_WORD_EN.finditer(text):
            first = _TENS_EN[match.group("tens").lower()]
            values = _decade_values(first, (19, 20), ages=True)
            yield _Reading(match.start(), match.end(), "decade", values)


def _year_spans(text: str) -> Iterator[_Reading]:
    """A span or season of years ("2010-15", "Saison 2021/22"): two years, not a score."""
    for match in _YEAR_SPAN.finditer(text):
        century, first, second = (int(match.group(name)) for name in match.groupdict())
        # The season into a new century ("1999/00", "1899-00") ends in the next one: its "00"
        # was the number 0, and "1999/2000" in the translation was a figure the German lacked.
        if first < second or (first, second) == (99, 0):
            end = century * 100 + second if first < second else (century + 1) * 100
            yield _Reading(
                match.start(), match.end("first"), "year", {float(century * 100 + first)}
            )
            yield _Reading(match.start("second"), match.end(), "year", {float(end)})
    for match in _SHORT_SEASON.finditer(text):
        first_at = "first" if match.group("first") else "first_before"
        second_at = "second" if match.group("second") else "second_before"
        first, second = int(match.group(first_at)), int(match.group(second_at))
        if second != (first + 1) % 100:
            continue  # a season runs into the next year: "19/21" is no season
        # the century of a two-digit year: this one up to the 60s, the last from the 70s on
        start_year = (1900 if first >= 70 else 2000) + first
        yield _Reading(match.start(first_at), match.end(first_at), "year", {float(start_year)})
        yield _Reading(
            match.start(second_at), match.end(second_at), "year", {float(start_year + 1)}
        )


def _times_of_day(text: str, language: Language) -> Iterator[_Reading]:
    """Times of day in words ("halb drei") and in digits ("18.30 Uhr", "6.30pm", "18:30")."""
    for start, end, times in _clock_words(text, language):
        yield _Reading(start, end, "time", times)
    for match in _TIME.finditer(text):
        times = _times(match)
        if times:
            yield _Reading(match.start(), match.end(), "time", times)


def _ranks(text: str) -> Iterator[_Reading | _Withheld]:
    """Ranks ("the No. 3 seed"): ordinals; a first or second one is withheld."""
    for match in _RANK.finditer(text):
        if int(match.group("value")) <= 2:
            # "world No 1" is a rank, read as "first" is (not checked), not a count of one.
            yield _Withheld(match.start(), match.end())
        else:
            yield _Reading(match.start(), match.end(), "ordinal", {float(match.group("value"))})


# Counts in a word of their own: "ein Dutzend", "two dozen", "half a dozen" (12, 24, 6; "Dutzende"
# and "dozens" are no count); "eine halbe Million", "half a billion"; a part of a unit of time:
# "eine halbe Stunde", "ein halbes Jahr", "a quarter of an hour", "Dreiviertelstunde", "an hour
# and a half" (read with the unit, so that "30 minutes" and "six months" back them).
# "half a", "a half" (not a bare "half": "the first half-year" is no six months; nor the "a
# half" of "two and a half million", read whole by _and_a_half)
_HALF = r"(?:half\s+an?|(?<!\band\s)an?\s+half|(?:ein(?:e[mnrs]?)?\s+)?halbe[mnrs]?)"
_DOZEN = re.compile(
    rf"(?<![\w-])(?P<count>{_HALF}|an?|one|two|three|four|five|six|ein(?:e[mnrs]?)?|zwei|drei"
    r"|vier|fünf|sechs)\s+(?:dozen|dutzend)(?![\w-])",
    re.IGNORECASE,
)
_DOZEN_COUNTS = {"two": 2, "zwei": 2, "three": 3, "drei": 3, "four": 4, "vier": 4, "five": 5,
                 "fünf": 5, "six": 6, "sechs": 6}  # fmt: skip
_HALF_SCALE = re.compile(
    rf"(?<![\w-]){_HALF}\s+(?P<scale>millionen|million|milliarde|billion|trillion)(?![\w-])",
    re.IGNORECASE,
)
# Half a percent or percentage point: "ein halbes Prozent", "einen halben Prozentpunkt", "half a
# percentage point", "a half percent" (0.5 percent, in points where the words say so).
_HALF_PERCENT = re.compile(
    rf"(?<![\w-]){_HALF}[-\s](?:percent(?:age[-\s]points?)?|per\s?cent"
    r"|prozent(?:punkt(?:e?s|en?)?)?)(?![\w-])",
    re.IGNORECASE,
)
_TIME_UNIT = (
    r"(?P<unit>hour|stunde|day|tag|week|woche|month|monat|year|jahrzehnt|jahrhundert|jahr|minute"
    r"|decade|century)"
)
_PART_OF_UNIT = re.compile(
    rf"(?<![\w-])(?:(?P<half>{_HALF})[-\s]{_TIME_UNIT}"
    r"|(?P<part_of_year>halb|viertel)(?P<jahr>jahr)(?:es|s)?"
    r"|(?P<three>three\s+quarters|(?:an?|one)\s+quarter)\s+of\s+an?\s+(?P<hour>hour|century)"
    r"|(?P<quarter_century>viertel)jahrhunderts?"
    r"|(?P<dreiviertel>drei\s?)?viertel\s?(?P<stunde>stunden?|stündig[a-zäöüß]*)"
    r"|(?P<halb>halb)(?P<adjective>stündig|tägig)[a-zäöüß]*"
    rf"|(?:an?|one)\s+{_TIME_UNIT.replace('unit', 'and_a_half')}"
    r"(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)(?![\w-])",
    re.IGNORECASE,
)

# One of a unit of time in German: "einen Tag", "nach einer Stunde", "eines Tages", with an
# adjective between ("einer knappen Stunde", "ein ganzes Jahr"); a rate ("pro Tag", "je Woche",
# "jeden Monat", "zweimal im Jahr", "in der Woche") and the adverbs of one ("täglich",
# "wöchentlich", "alljährlich"), which English writes "a day", "per week", "a year". Read
# generously, as the German only backs: "im Jahr 2019" is a year's name, not one year.
_ONE_UNIT_DE = re.compile(
    r"(?<![\w-])(?:(?P<article>ein(?:e[mnrs]?)?)(?:\s+(?-i:[a-zäöüß]+e[mnrs]?))?"
    r"|pro|je|jede[nmrs]?|im|am|in\s+der|die)"
    r"\s+(?P<unit>tag|woche|monat|jahrzehnt|jahrhundert|jahr|stunde|minute)(?:e?s|e?n)?(?![\w-])"
    r"(?!\s*\d)",
    re.IGNORECASE,
)
_ONE_UNIT_ADVERB_DE = re.compile(
    r"(?<![\w-])(?:tag(?=täg)|all(?=jähr))?(?P<stem>täg|wöchent|monat|jähr|stünd)lich"
    r"(?:e[mnrs]?)?(?![\w-])",
    re.IGNORECASE,
)
_ADVERB_UNITS_DE = {"täg": "tag", "wöchent": "woche", "monat": "monat", "jähr": "jahr",
                    "stünd": "stunde"}  # fmt: skip
# One of a unit of time in English: "a day", "an hour", "one week", "per year" ("twice a day",
# "a week later", "after an hour"), so that "a week" for "pro Tag" is no match. Not "a second"
# (an ordinal far more often), nor an hour "per hour" of a speed ("miles per hour" is "km/h").
# "a one-year contract", "the one-day-old calf" ("einjährig") too.
_ONE_UNIT_EN = re.compile(
    r"(?<![\w-])(?:(?:an?|one|per)\s+(?P<unit>minute|hour|day|week|month|year|decade|century)"
    r"(?![\w-])|one-(?P<compound>minute|hour|day|week|month|year|decade|century)(?!\w))",
    re.IGNORECASE,
)
_SPEED_BEFORE = re.compile(r"(?:km|kilomet(?:re|er)s?|miles?)\s+$", re.IGNORECASE)
# The adverbs and adjectives of one ("daily", "weekly", "annual", "per annum"), as German
# "täglich" and "pro Tag": "a daily limit of 5" is "5 pro Tag", "weekly" no "täglich". Not a
# title's word ("Daily Mail", "Annual General Meeting"), nor one in a compound ("twice-daily",
# "bi-weekly", "semi-annual").
_ONE_UNIT_ADVERB_EN = re.compile(
    r"(?<![\w-])(?P<word>daily|weekly|monthly|yearly|annual(?:ly)?|hourly|per\s+annum)"
    r"(?![\w-])",
    re.IGNORECASE,
)
_ADVERB_UNITS_EN = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
                    "annual": "year", "annually": "year", "hourly": "hour"}  # fmt: skip
_TITLE_AFTER = re.compile(r"\s+(?-i:[A-Z])")
# A publication that comes out daily or weekly, named by how often it appears, no rate: "a
# weekly fashion magazine" ("this week's Stylist magazine" backs it, as no unit of time does), "the
# daily newspaper", and the noun: "the weekly said", "in the daily, …".
_PUBLICATION_AFTER = re.compile(
    r"(?:\s+[^\W\d_]+){0,2}?\s+(?:news)?(?:papers?|magazines?|tabloids?|journals?|shows?"
    r"|columns?|newsletters?|publications?|podcasts?|programm?e?s?|editions?|broadsheets?)\b",
    re.IGNORECASE,
)
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:the|a|an)\s+$", re.IGNORECASE)
_NOUN_ENDS_AFTER = re.compile(
    r"\s*[,.;:)]|\s+(?:has|had|is|was|said|says|reported|reports|wrote|writes)\b", re.IGNORECASE
)


def _parts_of_units(text: str, language: Language) -> Iterator[_Reading]:
    """ "ein Dutzend", "half a million", "eine halbe Stunde", "a quarter of an hour": counts and
    durations written as a part or a multiple of a word."""
    for match in _DOZEN.finditer(text):
        count = match.group("count").lower()
        dozens = 0.5 if "hal" in count else _DOZEN_COUNTS.get(count, 1)
        yield _Reading(match.start(), match.end(), "number", {12.0 * dozens})
    scales = _GERMAN_SCALES if language == "de" else SCALES
    for match in _HALF_SCALE.finditer(text):
        yield _Reading(
            match.start(), match.end(), "number", {0.5 * scales[match.group("scale").lower()]}
        )
    for match in _HALF_PERCENT.finditer(text):
        yield _Reading(match.start(), match.end(), "percent", {0.5})
    for match in _PART_OF_UNIT.finditer(text):
        if match.group("half"):
            part, unit = 0.5, match.group("unit")
        elif match.group("hour"):  # "a quarter of an hour", "a quarter of a century"
            three = match.group("three").lower().startswith("three")
            part, unit = 0.75 if three else 0.25, match.group("hour")
        elif match.group("quarter_century"):  # "ein Vierteljahrhundert"
            part, unit = 0.25, "jahrhundert"
        elif match.group("jahr"):  # "im ersten Halbjahr": six months
            part, unit = 0.5 if match.group("part_of_year").lower() == "halb" else 0.25, "jahr"
        elif match.group("stunde"):
            part, unit = 0.75 if match.group("dreiviertel") else 0.25, "stunde"
        elif match.group("adjective"):  # "halbstündig", "halbtägig": half an hour, half a day
            part, unit = 0.5, "stunde" if match.group("adjective").lower() == "stündig" else "tag"
        else:
            part, unit = 1.5, match.group("and_a_half")
        yield _Reading(
            match.start(), match.end(), "number", {part}, unit=_METRIC_UNITS[unit.lower()]
        )
    if language == "de":  # "einen Tag", "ein Jahr lang", "pro Tag", "täglich": one of the unit
        for match in _ONE_UNIT_DE.finditer(text):
            unit = _METRIC_UNITS[match.group("unit").lower()]
            end = match.end("article") if match.group("article") else match.end()
            yield _Reading(match.start(), end, "number", {1.0}, unit=unit)
        for match in _ONE_UNIT_ADVERB_DE.finditer(text):
            unit = _METRIC_UNITS[_ADVERB_UNITS_DE[match.group("stem").lower()]]
            yield _Reading(match.start(), match.end(), "number", {1.0}, unit=unit)
    else:  # "a day", "an hour", "one week", "per year", "daily": one of the unit
        for match in _ONE_UNIT_EN.finditer(text):
            word = (match.group("unit") or match.group("compound")).lower()
            if word == "hour" and _SPEED_BEFORE.search(
                text, max(0, match.start() - 16), match.start()
            ):
                continue
            unit = _METRIC_UNITS[word]
            yield _Reading(match.start(), match.end(), "number", {1.0}, unit=unit)
        for match in _ONE_UNIT_ADVERB_EN.finditer(text):
            word = match.group("word")
            if word[0].isupper() and _TITLE_AFTER.match(text, match.end()):
                continue  # "Daily Mail", "Annual General Meeting": a name's word
            if word.lower() in ("daily", "weekly", "monthly") and (
                _PUBLICATION_AFTER.match(text, match.end())
                or (
                    _ARTICLE_BEFORE.search(text, max(0, match.start() - 8), match.start())
                    and _NOUN_ENDS_AFTER.match(text, match.end())
                )
            ):
                continue  # "a weekly fashion magazine", "the weekly said": a publication
            unit = _METRIC_UNITS[_ADVERB_UNITS_EN.get(word.lower(), "year")]
            yield _Reading(match.start(), match.end(), "number", {1.0}, unit=unit)


# A unit of time named by a word, alone or inside a compound: "am nächsten Tag", "Tags darauf",
# "Vorjahr", "Monatsmiete", "Stundenlohn", "Schweigeminute", "Wochenende", which English writes
# "a day later", "a year earlier", "800 euros a month", "per hour", "a minute of silence". Read
# last (a count's unit word, "3 Tage", is its number's), and as one of the unit: the German only
# backs, so "a year earlier" for "Vorjahr" is no number missing from the German. Not a weekday
# ("Dienstag": the weekday reading takes it first).
_TIME_WORD_DE = re.compile(
    r"(?<![^\W\d_])[^\W\d_]*?(?P<unit>jahrzehnt|jahrhundert|jahr|monat|woche|tag|stunde|minute)"
    r"[^\W\d_]*",
    re.IGNORECASE,
)


# Words that hold a unit of time's name and state no time: units of energy and charge
# ("Kilowattstunde", "Megawattstunden", "Amperestunde": a kilowatt hour is no hour), a speed
# ("Stundenkilometer": the "per hour" of a speed is none in English either), parliaments
# ("Bundestag", "Landtag"), "Tagesordnung", "Stagnation" and the verb "tagen" (below). A time
# a German compound does name stays one: "Arbeitsstunden", "Überstunden", "Flugstunden" are
# "hours of work", "overtime hours", "flying hours", counted in hours in English too;
# "Morgenstunden" are "the early hours".
_NOT_A_TIME_DE = re.compile(
    r"(?:watt|ampere)stunde|stundenkilometer|(?:bundes|land|reichs|kreis)tag|tagesordnung|^stagn",
    re.IGNORECASE,
)
# "tagen" (to sit, of a body): "der Rat tagte", "hat getagt", "die Tagung"; lower case, so "an
# drei Tagen" stays days.
_MEETS_DE = re.compile(r"(?:ge)?tag(?:t|te|ten|tet|en|end\w*)|[Tt]agung\w*")


def _time_words_de(text: str) -> Iterator[_Reading]:
    for match in _TIME_WORD_DE.finditer(text):
        if _NOT_A_TIME_DE.search(match.group(0)) or _MEETS_DE.fullmatch(match.group(0)):
            continue
        unit = _METRIC_UNITS[match.group("unit").lower()]
        yield _Reading(match.start(), match.end(), "number", {1.0}, unit=unit)


_NIGHT_TO = re.compile(r"(?<![\w-])nacht\s+(?:zum|zu|auf\s+den)\s+$", re.IGNORECASE)


def _weekdays(
    text: str, language: Language, patterns: dict[str, re.Pattern[str]]
) -> Iterator[_Reading]:
    """Weekdays, English and, in German, inside a word too ("Freitagabend", "freitags",
    "Karfreitag")."""

    def values(match: re.Match[str], number: int) -> set[float]:
        if language == "de" and _NIGHT_TO.search(text, max(0, match.start() - 20), match.start()):
            return {float(number), float((number - 1) % 7)}  # "Nacht zum Sonntag": Saturday night
        return {float(number)}

    for match in patterns["weekday"].finditer(text):
        number = weekday_numbers()[match.group("weekday")]
        yield _Reading(match.start(), match.end(), "weekday", values(match, number))
    if language == "de":
        for name in ("german_weekday", "german_weekday_end"):
            for match in patterns[name].finditer(text):
                number = weekday_numbers()[match.group("weekday").capitalize()]
                yield _Reading(match.start(), match.end(), "weekday", values(match, number))


# A season, as a time of the year ("in the autumn", "last spring", "summer 2018", "Herbst",
# "im Frühjahr", "Sommerpause", "spätherbstlich"): spring 1, summer 2, autumn 3, winter 4.
# English only where it says a time ("in", "this", "early" before it, a year after it), as
# "spring" and "fall" are also a verb and a noun; "fall" only by "this", "last", "next" or a
# year ("the fall of the Wall" is none). German in any word it begins (backing only).
_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4, "frühling": 1,
            "frühjahr": 1, "sommer": 2, "herbst": 3, "winter_de": 4}  # fmt: skip
_SEASON_EN = re.compile(
    r"\b(?P<lead>in|this|last|next|early|late|during|over|the)\s+(?P<also>(?:the|early|late)\s+)?"
    r"(?P<season>spring|summer|autumn|winter)\b"
    r"|\b(?:this|last|next)\s+(?P<fall>fall)\b"
    r"|\b(?P<dated>spring|summer|autumn|winter|fall)(?=(?:\s+of)?\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_SEASON_DE = re.compile(
    r"(?<![\w-])(?:hoch|spät|früh|vor|mitt)?(?P<season>frühling|frühjahr|sommer|herbst|winter)"
    r"[a-zäöüß]*",
    re.IGNORECASE,
)
# "Quelle", where water rises, is "spring" in English too: it backs "water from the spring", "met
# at the spring", "the spring water" ("Quellwasser"). Read from the German rather than guessed
# from the English, where "from the spring", "to the spring" and "at the spring meeting" are as
# often the season ("postponed to the spring"). The singular and its compounds: the plural
# "Quellen" is a journalist's sources far more often than springs. The singular is a source as
# well ("laut einer Quelle", "Quelle: dpa"), so it backs the place only, _SPRING_OF_WATER, which
# a bare "the spring" may be, not the season that "in the spring" says: "A source says it ends
# in the spring" for "Laut einer Quelle endet es im Herbst" passed unflagged.
_SPRING_OF_WATER_DE = re.compile(r"(?<![\w-])Quell(?:e|wasser\w*)(?![\w-])")
_SPRING_OF_WATER = 0.0  # a season value no season has
_BEFORE_A_YEAR = re.compile(r"(?:\s+of)?\s+(?:19|20)\d\d\b")
# The months a season backs: its own three, and the one after (a season's astronomical end:
# "Ende September" is early autumn or late summer).
_SEASON_MONTHS = {1: {3, 4, 5, 6}, 2: {6, 7, 8, 9}, 3: {9, 10, 11, 12}, 4: {12, 1, 2, 3}}


def _seasons(text: str, language: Language) -> Iterator[_Reading]:
    """ "in the autumn", "summer 2018", "im Herbst", "Sommerferien": the season. Before,
    "in spring 2018" passed for "im Herbst 2018"."""
    if language == "de":
        for match in _SEASON_DE.finditer(text):
            word = match.group("season").lower()
            value = _SEASONS["winter_de" if word == "winter" else word]
            yield _Reading(match.start(), match.end(), "season", {float(value)})
        for match in _SPRING_OF_WATER_DE.finditer(text):  # backing only, as all German readings
            yield _Reading(match.start(), match.end(), "season", {_SPRING_OF_WATER})
        return
    for match in _SEASON_EN.finditer(text):
        group = next(name for name in ("season", "fall", "dated") if match.group(name))
        values = {float(_SEASONS[match.group(group).lower()])}
        # "water from the spring": the place or the season, not where a time word or year says
        if (
            group == "season"
            and (match.group("lead") or "").lower() == "the"
            and not match.group("also")
            and match.group(group).lower() == "spring"
            and not _BEFORE_A_YEAR.match(text, match.end())
        ):
            values.add(_SPRING_OF_WATER)
        yield _Reading(match.start(group), match.end(group), "season", values)


def _season_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether a source states the season, or a date in one of its months ("im Oktober" backs
    "in the autumn")."""
    months = {
        month
        for value in quantity.values - {_SPRING_OF_WATER}
        for month in _SEASON_MONTHS[int(value)]  # type: ignore[arg-type]
    }
    return any(
        (other.kind == "season" and quantity.values & other.values)
        or (
            other.kind == "date" and any(value[1] in months for value in other.values)  # type: ignore[index]
        )
        for other in source
    )


def _ordinals(text: str, language: Language) -> Iterator[_Reading]:
    """Ordinals in digits: "21st" and, in German, "3. Liga"."""
    for match in _ORDINAL_EN.finditer(text):
        value = float(match.group("value").replace(",", ""))
        yield _Reading(match.start(), match.end(), "ordinal", {value})
    if language == "de":
        for match in _ORDINAL_DE.finditer(text):
            yield _Reading(match.start(), match.end(), "ordinal", {float(match.group("value"))})


def _scores(text: str) -> Iterator[_Reading]:
    """A score or range ("4-2", "1-1 draw", "10-12ft"): one fact, not two numbers."""
    for match in _SCORE.finditer(text):
        pair = tuple(sorted((int(match.group("a")), int(match.group("b")))))
        yield _Reading(match.start(), match.end(), "score", {pair})


_MIXED_FRACTION = re.compile(r" (\d)/([2348])(?![\d/.,])")
_VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": round(1 / 3, 4), "⅔": round(2 / 3, 4)}


def _digit_numbers(text: str, language: Language) -> Iterator[_Reading]:
    """Numbers in digits ("5,8 Millionen", "£1.5bn", "40%"), years among them ("2018")."""
    read_to = 0  # the end of a mixed number ("3 1/2"): its fraction's digits are read with it
    for match in _NUMBER.finditer(text):
        if match.start() < read_to:
            continue
        values = parse_digits(match.group("digits"), language)
        scale = match.group("scale")
        end = match.end()
        if scale and scale.strip().lower() == "bio." and any(value >= 1e3 for value in values):
            # A thousand trillions is a "Billiarde": "seit 2019 Bio." is organic since 2019.
            scale, end = None, match.end("digits")
        if not scale and (fraction := _VULGAR_FRACTIONS.get(text[end : end + 1])):
            # "3½ Jahre" is 3.5 years, not 3 ("3 years" dropped the half unseen)
            values = {value + fraction for value in values}
            end += 1
        elif (
            not scale
            and len(match.group("digits")) <= 2
            and (mixed := _MIXED_FRACTION.match(text, end))
        ):
            numerator, denominator = int(mixed.group(1)), int(mixed.group(2))
            if 0 < numerator < denominator:  # "3 1/2", as WMT's English writes "3½"
                values = {round(value + numerator / denominator, 4) for value in values}
                end = read_to = mixed.end()
        if scale:
            word = scale.strip().rstrip(".").lower()
            scales = _GERMAN_SCALES if language == "de" else SCALES
            factor = scales.get(word) or _CURRENCY_SCALES[word]
            values = {round(value * factor, 6) for value in values}
        if not scale and not match.group("percent") and _MILLIONS_AFTER.match(text, match.end()):
            # "1.5m people" (news English): millions, or metres (the unit, read below).
            values |= {round(value * 1e6, 6) for value in values}
        if (
            language == "en"
            and not scale
            and not match.group("percent")
            and _THOUSANDS_AFTER.match(text, end)
        ):
            if _is_a_race(text, match.start(), end):
                yield _Reading(match.start(), end + 1, "number", values, unit=("m", 1e3))
                continue
            if not _NOT_A_COUNT_AFTER_K.match(text, end + 1):
                values = {round(value * 1e3, 6) for value in values}
                end += 1
        if match.group("sign"):
            # "-5 Grad", "−5 °C": a sign is part of the value. (A hyphen after a word or a number
            # is none: "Covid-19", "2019-2020", "5-7" are read above or not as a sign.)
            unit_after = None if match.group("percent") else _unit_after(text, end)
            values = _signed(values, unit_after, text, match.start("sign"))
        if match.group("percent"):
            kind: Kind = "percent"
        elif not scale and (basis := _BASIS_POINTS_AFTER.match(text, end)):
            # "25 basis points", "25 Basispunkte": hundredths of a percentage point, as
            # "0,25 Prozentpunkte" says them
            kind, end = "percent", basis.end()
            values = {round(value / 100, 6) for value in values}
        elif (
            not scale
            and re.fullmatch(r"\d{4}", match.group("digits"))
            and 1800 <= int(match.group("digits")) <= 2100
        ):
            kind = "year"
        else:
            kind = "number"
        yield _Reading(match.start(), end, kind, values)


def _is_a_race(text: str, start: int, k_at: int) -> bool:
    """Whether the "k" at ``k_at`` after a number starting at ``start`` is a race's kilometres:
    "5k race", "10K run", or the race itself ("ran a 10k in 40 minutes", "the 5k.")."""
    if _RACE_AFTER_K.match(text, k_at + 1):
        return True
    return bool(
        _RACE_ARTICLE_BEFORE.search(text, max(0, start - 8), start)
        and _NO_NOUN_AFTER_K.match(text, k_at + 1)
    )


def _german_word_numbers(text: str) -> Iterator[_Reading]:
    """German words that hold a number ("Hunderte Millionen", "dreitägig", "Startelf")."""
    for match in _COLLECTIVE_SCALE_DE.finditer(text):
        scale = SCALES[match.group("scale").lower()]
        many = _MANY_DE[match.group("many").lower()]
        yield _Reading(match.start(), match.end(), "number", {scale, many * scale})
    for numeral in _german_numerals(text):
        yield _Reading(
            numeral.start,
            numeral.end,
            "number",
            {numeral.value},
            unit=numeral.unit,
            counted=numeral.counted,
        )
    for match in _COLLECTIVE_DE_PATTERN.finditer(text):
        values = _COLLECTIVE_DE[match.group("word").lower()]
        yield _Reading(match.start(), match.end(), "number", values)
    for match in _COMPOUND_DE_PATTERN.finditer(text):
        word = match.group("word") or match.group("whole")
        yield _Reading(match.start(), match.end(), "number", {_COMPOUND_DE[word.lower()]})
    for match in _ORDINAL_HEAD_DE.finditer(text):
        stem = match.group("stem").lower()
        yield _Reading(match.start(), match.end(), "ordinal", {float(_ORDINAL_STEMS_DE[stem])})


def _english_collectives(text: str) -> Iterator[_Reading]:
    """ "tens of thousands", "hundreds of millions": one number, the many times the scale."""
    for match in _COLLECTIVE_EN.finditer(text):
        scale = SCALES[match.group("scale").lower().removesuffix("s")]
        value = _MANY[match.group("many").lower()] * scale
        yield _Reading(match.start(), match.end(), "number", {value})


def is_a_multiple_in_a_word(quantity: Quantity) -> bool:
    """Whether ``quantity`` is an English multiple said in a word ("twice", "tripled",
    "tenfold"): a number to check, but no figure a reader looks up, nor one that states a
    German count ("twice as many children" is no "2 Kinder")."""
    return _MULTIPLE_EN.fullmatch(quantity.text) is not None


def _multiples(text: str, language: Language) -> Iterator[_Reading]:
    """A multiple said in a word ("twice", "tripled", "tenfold"; "doppelt", "verdreifacht"):
    the number of times. Before, "The rent tripled" passed for "Die Miete verdoppelte sich"."""
    from text_to_num import alpha2digit

    pattern = _MULTIPLE_DE if language == "de" else _MULTIPLE_EN
    for match in pattern.finditer(text):
        if match.group("number"):
            digits = alpha2digit(match.group("number").lower(), language, threshold=0)
            if not digits.isdigit() or int(digits) < 2:
                continue  # "manifold", "Verfachung": no number before the head
            value = float(digits)
        elif language == "de":
            value = 0.5 if match.group("half") else 2.0
        elif match.group("twice"):
            value = 2.0
        else:
            value = _MULTIPLYING_VERBS_EN[match.group("verb").lower()]
        # a halving is a share, as "die Hälfte" and "by half" are: each backs the others
        yield _Reading(match.start(), match.end(), "fraction" if value < 1 else "number", {value})


def _spelled_numbers(text: str, language: Language) -> Iterator[_Reading]:
    """Numbers in words ("fourteen thousand", "two-thirds"); "nine percent" a percentage."""
    for start, end, value, kind in _number_words(text, language):
        percent = _PERCENT_AFTER.match(text, end) if kind == "number" else None
        if percent:  # "nine percent", "neun Prozent": a share, not a count
            yield _Reading(start, percent.end(), "percent", {value})
        else:
            yield _Reading(start, end, kind, {value})


@lru_cache(maxsize=1 << 16)  # bounded: each run meets new numbers
def _resolution(written: str) -> float | None:
    """The place value of the last digit of a number as written, as a share of it: "60" 1/60,
    "60.3 percent" 0.1/60.3, "2 million" 1/2, "£1.5bn" 0.1/1.5, "two million" 1/2, "sixty" 1/60.
    Zeros before the decimal point count as written: "300" is 300 to the unit, not rounded."""
    digits = re.search(_DIGITS, written)
    if digits:
        number = digits.group(0)
        # The decimal mark: a point, or a comma after a point ("3.201,38", copied through by
        # the translator; it was read as 3 and "201,38" and raised ValueError).
        mark = "," if "." in number and number.rfind(",") > number.rfind(".") else "."
        whole, point, decimals = number.rpartition(mark)
        if not point:  # no decimal mark: all of it is the whole number
            whole, decimals = decimals, ""
        if not decimals.isdigit() and decimals:
            return None
        mantissa = float(re.sub(r"\D", "", whole) + "." + decimals)
        step = 10.0 ** -len(decimals)
    else:  # number words: to the unit, or to the scale word they end with ("two million")
        from text_to_num import alpha2digit

        spelled = re.sub(_PERCENT, "", written, flags=re.IGNORECASE).strip().lower()
        last = spelled.split()[-1] if spelled.split() else ""
        number = re.fullmatch(r"\d+", alpha2digit(spelled, "en", threshold=0).replace(" ", ""))
        if not number:
            return None
        mantissa = float(number.group(0))
        step = SCALES.get(last, 1.0)
    return step / mantissa if mantissa else None


def unit_word_after(text: str, end: int) -> str:
    """The metric unit's word as written right after a number ending at ``end`` ("km" of
    "5km", " minutes" of "90 minutes"), or a temperature's scale letter, which
    :func:`_unit_after` reads first ("C" of "-5C": without it the key fact was a bare "-5"),
    or ""."""
    if scale := _SCALE_LETTER.match(text, end):
        return scale.group(0)
    match = _metric_unit_at(text, end)
    return match.group(0) if match else ""


def _metric_unit_at(text: str, end: int) -> re.Match[str] | None:
    """:data:`_METRIC_UNIT` right after ``end``, unless an ending made an English word of a
    unit's symbol: "two men" (m), "3 mines" (min), "the iPhone 6 has" (ha) were metres,
    minutes and hectares, and "Two men" the key fact of a two-metre wall ("kms", "lbs" and a
    unit's own word, "kilos", "metres", stay units)."""
    match = _METRIC_UNIT.match(text, end)
    if match is None or not match.group("ending"):
        return match
    unit = match.group("unit")
    if not is_common_word(unit) and is_common_word(unit + match.group("ending")):
        return None
    return match


# A temperature's scale by its letter right after the number, as news English writes it: "-5C",
# "30C", "86F" (not after a space: "Group 5 C", "Vitamin C").
_SCALE_LETTER = re.compile(r"[CF](?![^\W_])")


def _unit_after(text: str, end: int) -> tuple[str, float] | None:
    """The metric unit written right after a number ending at ``end``: "6 km", "6,000-metre",
    "20kg", "5 Liter", and the unit of time of a German adjective or age: "3-tägig",
    "44jährige", "die 48-Jährige" (48 years, as "48-year-old" is)."""
    if scale := _SCALE_LETTER.match(text, end):  # "-5C", "86F": news English's degrees
        return ("°F", 1.0) if scale.group(0) == "F" else ("°", 1.0)
    match = _metric_unit_at(text, end)
    if match:
        dimension, factor = _METRIC_UNITS[match.group("unit").lower()]
        if match.group("per") and dimension == "m":  # "km/h", "metres per second": a speed
            per_hour = match.group("per_unit").lower() in ("h", "hour", "stunde", "std")
            return ("m/h", factor * (1.0 if per_hour else 3600.0))
        if dimension == "°" and (match.group("scale") or "").strip().lower() == "fahrenheit":
            return ("°F", 1.0)
        return dimension, factor
    head = _TIME_HEAD_AFTER.match(text, end)
    return _METRIC_UNITS[_TIME_HEADS_DE[head.group("head").lower()]] if head else None


def _in_base_unit(quantity: Quantity) -> set[float]:
    if quantity.unit is None:
        return set()
    factor = quantity.unit[1]
    return {round(value * factor, 6) for value in _numbers(quantity)}


def _numbers(quantity: Quantity) -> set[float]:
    if quantity.kind in ("decade", "fraction"):
        return set()  # "the 1990s", "two-thirds" state no count of their own
    if quantity.kind == "score":
        return {float(v) for pair in quantity.values for v in pair}  # type: ignore[union-attr]
    if quantity.kind == "time":
        # The hour stands for the time in "shortly before 6 on Sunday" or "(18h)".
        hours = [hour for hour, _ in quantity.values]  # type: ignore[misc]
        return {float(hour) for hour in hours} | {float(hour % 12 or 12) for hour in hours}
    return {value for value in quantity.values if not isinstance(value, tuple)}


def _pairs_nearby(
    source: list[Quantity], gap: int = 20, in_order: bool = False
) -> set[tuple[float, float]]:
    """Two numbers stated close together ("between 10 and 12", "3-1"): a score or range, each
    pair low first, or with ``in_order`` as written."""

    def pair(a: float, b: float) -> tuple[float, float]:
        return (a, b) if in_order else (min(a, b), max(a, b))

    pairs: set[tuple[float, float]] = set()
    for quantity in source:
        if quantity.kind == "score" or (quantity.kind == "time" and ":" in quantity.text):
            # "24:22" is a time of day or, in German, a score.
            first, second = (float(part) for part in re.findall(r"\d+", quantity.text)[:2])
            pairs.add(pair(first, second))
    for first, second in itertools.pairwise(source):
        if 0 <= second.start - first.end <= gap and "score" not in (first.kind, second.kind):
            for a in _numbers(first):
                for b in _numbers(second):
                    pairs.add(pair(a, b))
    return pairs


def one_unit_in_words(quantity: Quantity) -> bool:
    """Whether ``quantity`` is one of a unit without a figure ("a day", "per year", "one-week",
    German "pro Tag", "Vorjahr"): a rate, a step or an idiom more often than a count."""
    return (
        quantity.unit is not None
        and quantity.values == {1.0}
        and not any(char.isdigit() for char in quantity.text)
    )


def _kind_of_unit(unit: tuple[str, float] | None) -> str | None:
    """What a unit measures: minutes and months (whose lengths vary) are both time."""
    if unit is None:
        return None
    return "time" if unit[0] in ("min", "month") else unit[0]


def is_supported(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the same quantity (dates: same day; a year: any mention)."""
    if one_unit_in_words(quantity) and not any(
        _kind_of_unit(other.unit) == _kind_of_unit(quantity.unit) for other in source
    ):
        # "One day, he hopes" for "Irgendwann": a source that names no unit of its kind at all
        # has none to be swapped for ("a week" for "pro Tag" is still flagged).
        return True
    if quantity.kind == "date":
        return _date_stated(quantity, source)
    if quantity.kind == "weekday":
        return any(other.kind == "weekday" and quantity.values <= other.values for other in source)
    if quantity.kind == "season":
        return _season_stated(quantity, source)
    if quantity.kind == "time":
        return _time_stated(quantity, source)
    if quantity.kind == "decade":
        return _decade_stated(quantity, source)
    if quantity.kind == "year":
        return _year_stated(quantity, source)
    if quantity.kind == "score":
        low, high = next(iter(quantity.values))  # type: ignore[misc]
        pairs = _source_index(source).pairs_nearby(quantity.lower_first)
        return (float(low), float(high)) in pairs
    return _value_stated(quantity, source) or _rough_plural_stated(quantity, source)


def _rough_plural_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether a plural scale ("hundreds", "tens of thousands") is stated by a source figure of
    two to nine of it, of the same kind, currency and unit ("more than 300", "50,000"). A
    plural scale of a currency or unit is backed as a figure of it is (_other_measure): by one
    that names none ("millions of euros" by "3 Millionen", as "3 million euros" is), and
    "pounds", a currency and a weight, by a figure in either ("£5,000", "3 Millionen Pfund");
    one of neither by a bare figure alone ("hundreds" is no "$300")."""
    if quantity.kind != "number" or not _ROUGH_PLURAL.fullmatch(quantity.text):
        return False
    scales = [value for value in quantity.values if isinstance(value, float)]
    bare = quantity.currency is None and quantity.unit is None
    return any(
        2 * scale <= value < 10 * scale
        for other in source
        if other.kind == "number"
        and (
            other.currency is None and other.unit is None
            if bare
            else not _other_measure(quantity, other)
        )
        for value in other.values
        if isinstance(value, float)
        for scale in scales
    )


def _date_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether a source date has the date's month, its day if it has one, and its year if both
    have one (German news leaves the year out)."""
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


def _time_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the time of day in any clock, or its hour as a number."""
    # Another clock, or the same hour (and minutes) as a bare number: "at 6 in the
    # evening", "at 7.30 in the evening" (read as 7.3) back "6pm", "7.30pm".
    as_numbers = {
        round(clock_hour + minute / 100, 2)
        for hour, minute in quantity.values  # type: ignore[misc]
        for clock_hour in (hour, hour % 12 or 12)
    }
    return any(
        (other.kind == "time" and other.values & quantity.values)
        or (other.kind == "number" and as_numbers & _numbers(other))
        for other in source
    )


def _decade_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states a year, date or decade of the span, or an age in it."""
    # Any year, date or decade of the span backs it ("the 1990s" by "in 1995"); an age
    # reading ("in his 50s") by a number in the span ("aged 54").
    years = {value[0] for value in quantity.values if isinstance(value, tuple)}
    ages = {value for value in quantity.values if not isinstance(value, tuple)}
    for other in source:
        if other.kind in ("year", "number") and (
            {int(v) for v in other.values if isinstance(v, float) and v.is_integer()} & years
            or (ages and other.kind == "number" and ages & _numbers(other))
        ):
            return True
        if other.kind == "date" and {v[0] for v in other.values} & years:  # type: ignore[index]
            return True
        if other.kind == "decade" and other.values & quantity.values:
            return True
    return False


# A figure written with a thousands separator ("2,018", "2.018", "2’018"): a count or an
# amount, never a year, which nobody writes so. (The other way round a year stays backed by
# such a count: "2018 people" for "2.018 Menschen" is read as a year, and is right.)
_GROUPED_FIGURE = re.compile(r"\d[.,'’\u00a0\u202f ]\d{3}(?!\d)")


def _grouped(quantity: Quantity) -> bool:
    """Whether a number is written with a thousands separator, so cannot be a year."""
    return quantity.kind == "number" and bool(_GROUPED_FIGURE.search(quantity.text))


def _year_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source mentions the year: as a year, a number or a date's year, or a
    season's two digits as they stand (:func:`_season_in_two_digits_stated`)."""
    year = next(iter(quantity.values))
    return _season_in_two_digits_stated(quantity, source) or any(
        (other.kind in ("year", "number") and year in other.values)
        or (other.kind == "date" and any(v[0] == year for v in other.values))  # type: ignore[index]
        for other in source
    )


def _season_in_two_digits_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether ``quantity``, a year or a bare number in two digits, stands in ``source`` as the
    other of the two, beside the year before or after it in two digits ("19/20"). A season's
    "19/20" is its years by its word only (_SHORT_SEASON): "the 19/20 campaign" for "die
    Saison 19/20" was flagged as "19" and "20" the article lacks, and warned of as figures
    missing from the German and from the English, though both write "19/20". Not the "20" of
    "2019/20" alone: "20 goals" is no part of it."""
    other_kind = {"year": "number", "number": "year"}.get(quantity.kind)
    digits = _two_digits(quantity)
    if other_kind is None or digits is None:
        return False
    written = {_two_digits(other) for other in source if other.kind == other_kind}
    return digits in written and bool({(digits - 1) % 100, (digits + 1) % 100} & written)


def _two_digits(quantity: Quantity) -> float | None:
    """The value of a figure written in two digits, no currency or unit with it; else None."""
    if len(quantity.text) != 2 or not quantity.text.isdigit():
        return None
    return None if quantity.currency or quantity.unit else float(quantity.text)


def _value_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states a number, percentage, fraction or ordinal: as the same share,
    a time, a value it rounds, or the same number or measure."""
    # A percentage against the source's fractions only (the index's list of them): a table
    # of percentages passed over every source figure for each.
    shares = _source_index(source).fractions if quantity.kind == "percent" else source
    if quantity.kind in ("fraction", "percent") and any(
        "fraction" in (quantity.kind, other.kind) and _same_share(quantity, other)
        for other in shares
    ):
        return True
    if _number_as_time_stated(quantity, source):
        return True
    if quantity.kind in ("number", "percent", "fraction") and _rounded_from(quantity, source):
        return True
    if _other_scale_stated(quantity, source):
        return True
    return _same_number_stated(quantity, source) or _season_in_two_digits_stated(quantity, source)


# A temperature in one scale from one in the other: English news gives Fahrenheit for the
# German's Celsius ("86F" for "30 Grad"), and the German Celsius for an American Fahrenheit.
_TO_OTHER_SCALE: dict[str, Callable[[float], float]] = {
    "°": lambda celsius: celsius * 9 / 5 + 32,
    "°F": lambda fahrenheit: (fahrenheit - 32) * 5 / 9,
}


def _other_scale_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the temperature in the other scale, to the last digit the
    number is written to ("72F" for "22 Grad", 71.6F; "-10 Grad" is "14F", not "50F")."""
    if quantity.kind != "number" or quantity.unit is None or quantity.unit[0] not in ("°", "°F"):
        return False
    wanted = _numbers(quantity)
    share = _resolution(quantity.text)
    for other in source:
        if (
            other.kind != "number"
            or other.unit is None
            or other.unit[0] == quantity.unit[0]
            or other.unit[0] not in _TO_OTHER_SCALE
            or {quantity.hedge, other.hedge} == {"below", "above"}
        ):
            continue
        convert = _TO_OTHER_SCALE[other.unit[0]]
        for value in wanted:
            # half the last digit's place: "72" is 71.5 to 72.5 (of "0F", a unit)
            half_step = (share * abs(value) if share else 1.0) / 2
            if any(
                abs(convert(float(stated)) - value) <= half_step + 1e-9
                for stated in _numbers(other)
            ):
                return True
    return False


def _number_as_time_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether a number written as a time ("14.13") is a time of day of the source."""
    clock = re.fullmatch(r"(\d{1,2})\.([0-5]\d)", quantity.text)
    if quantity.kind == "number" and clock:
        # "At 14.13" without a clock word: the time "14.13 Uhr" backs it.
        time = (int(clock.group(1)), int(clock.group(2)))
        if any(other.kind == "time" and time in other.values for other in source):
            return True
    return False


def _other_measure(quantity: Quantity, other: Quantity) -> bool:
    """Whether two numbers are stated in different currencies or units ("15 euros" and "15
    Franken", "42 miles" and "42 Kilometer"), or one as percentage points and the other as a
    percentage, or of different things by a German numeral's head ("vierteilig" is no "four
    days"): then the same number is not the same fact."""
    return (
        not _count_the_same(quantity, other)
        or (
            quantity.currency is not None
            and other.currency is not None
            and not set(quantity.currency.split("/")) & set(other.currency.split("/"))
        )
        or (quantity.unit is not None and other.unit not in (None, quantity.unit))
        or (
            quantity.points != other.points
            and not (quantity.shared or other.shared or _points_either(quantity, other))
        )
    )


def _points_either(one: Quantity, other: Quantity) -> bool:
    """A bare number of "points" and a percentage in points: "lost 2 points" for "verlor 2
    Prozentpunkte" (and "2 Punkte" for "2 percentage points"). Not a share: "2 points" is no
    "2 Prozent"."""
    return any(
        a.kind == "number" and a.in_points and b.kind == "percent" and b.points
        for a, b in ((one, other), (other, one))
    )


def _count_and_ordinal(one: Quantity, other: Quantity) -> bool:
    """A count of a unit and an ordinal of it: "six days" is not "am sechsten Tag" ("zum 30.
    Jahrestag" backs "30 years", its unit is no year)."""
    return (
        (one.kind == "ordinal") != (other.kind == "ordinal")
        and one.unit is not None
        and other.unit is not None
        and one.unit[0] == other.unit[0]
    )


def _same_number_stated(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states the same number (of the same kind), or the same measure in
    another metric unit."""
    wanted = _numbers(quantity)
    in_base_unit = _in_base_unit(quantity)
    # Only the figures that share a value, an amount in cents or a measure with it can (the
    # three ways below): comparing each figure with each took seconds on a table of figures.
    near = _source_index(source).stating(wanted, _in_cents(quantity), in_base_unit)
    return any(
        (
            not _other_measure(quantity, other)
            and wanted & _numbers(other)
            and other.kind not in ("date", "weekday", "season")
            # "2,018 people" is a count: "im Jahr 2018" does not back it, "2018 Menschen" does
            and not (other.kind == "year" and _grouped(quantity) and not other.count_context)
            # a time of day backs an hour ("shortly before 6"), not a count or an age that
            # happens to equal its hour ("the 16-year-old" is not "16.15 Uhr")
            and (other.kind != "time" or quantity.clock_context)
            # 40% is not 40 soldiers; a range's first end may be either, and "2 points"
            # "2 Prozentpunkte"
            and (
                (quantity.kind == "percent") == (other.kind == "percent")
                or quantity.shared
                or other.shared
                or _points_either(quantity, other)
            )
            # "more than 500" is not "fast 500" (almost): the two sides of one number
            and {quantity.hedge, other.hedge} != {"below", "above"}
            # "Drittliga" backs "Division 3", not "three days" or "three goals"
            and not (other.rank_in_a_word and quantity.counts_something)
        )
        or (
            # the same amount in cents: "50 cents" = "0,50 Euro"
            "cent" in (quantity.currency, other.currency)
            and {quantity.hedge, other.hedge} != {"below", "above"}
            and bool(_in_cents(quantity) & _in_cents(other))
        )
        or (
            # the same measure in another metric unit: "6 km" = "6,000 metres"; on the same
            # side ("less than 40 minutes" is not "über 40 Minuten")
            in_base_unit
            and {quantity.hedge, other.hedge} != {"below", "above"}
            and other.unit is not None
            and other.unit[0] == quantity.unit[0]  # type: ignore[index]
            and bool(in_base_unit & _in_base_unit(other))
        )
        for other in near
        if not _count_and_ordinal(quantity, other)
    )


def _in_cents(quantity: Quantity) -> set[float]:
    """An amount's values in hundredths of its currency ("0,50 Euro": 50); none without one."""
    if quantity.currency is None or quantity.kind != "number":
        return set()
    factor = 1.0 if quantity.currency == "cent" else 100.0
    return {round(value * factor, 6) for value in _numbers(quantity)}


def _rounded_from(quantity: Quantity, source: list[Quantity]) -> bool:
    """Whether the source states a value this number rounds: to its own last digit ("60
    percent" for 60.3 percent, "2 million" for 1.96 million), or, after a hedge, within
    :data:`HEDGE_TOLERANCE` on the hedge's side when it is the rounder number ("more than 300"
    for 312, "nearly 2 million" for 1.96 million, "nearly a third" for 31 percent). A count
    against counts, a share against shares.

    Only the source numbers near enough to round to one of this number's values are compared
    (:class:`_SourceIndex`): a table of 1,000 figures compared each with each took seconds."""
    if quantity.kind == "fraction":
        if quantity.hedge is None:
            return False  # a share without a hedge is matched to a point in _same_share
        wanted, resolution = {float(v) * 100 for v in quantity.values}, None  # type: ignore[arg-type]
    else:
        wanted, resolution = set(_numbers(quantity)), _resolution(quantity.text)
    is_share = quantity.kind != "number"
    for other in _source_index(source).near(quantity, wanted, resolution, is_share):
        if other.kind not in ("number", "percent", "fraction") or (other.kind != "number") != (
            is_share
        ):
            continue
        if {quantity.hedge, other.hedge} == {"below", "above"}:
            continue  # "more than 500" is not "fast 500" rounded
        # The same measure in another unit of its kind, in the summary's: "almost half an
        # hour" for "knapp 29 Minuten".
        convertible = (quantity.unit is not None and other.unit is not None) and quantity.unit[
            0
        ] == other.unit[0]
        if _other_measure(quantity, replace(other, unit=quantity.unit) if convertible else other):
            continue  # "£2 million" is not 1,96 Millionen Euro
        scale = 100.0 if other.kind == "fraction" else 1.0
        if convertible:
            scale *= other.unit[1] / quantity.unit[1]  # type: ignore[index]
        for value in other.values:
            stated = float(value) * scale  # type: ignore[arg-type]
            if any(
                _rounds_to(number, stated, quantity.hedge, resolution, quantity.kind == "fraction")
                for number in wanted
                if number > 0 and stated > 0
            ):
                return True
    return False


def _log_or_none(value: float) -> float | None:
    """The natural logarithm of a finite positive number, else None (no rounding of it)."""
    return math.log(value) if value > 0 and math.isfinite(value) else None


class _SourceIndex:
    """A source's figures indexed by the values its checks compare. Its numbers, percentages
    and fractions sorted by the logarithm of the value
    :func:`_rounded_from` compares (a fraction's times 100; a measure's also in its base unit),
    so that the figures within a number's rounding window are found by bisection. The window
    is wider than :func:`_rounds_to`'s by a margin, and every figure found goes through the
    same comparisons as before: the index only leaves out figures too far off to round."""

    # How much wider than the widest window of _rounds_to the search is, relatively: float
    # error in the logarithms and the unit factors is many orders smaller.
    _MARGIN = 1e-6

    def __init__(self, source: list[Quantity]) -> None:
        self.size = len(source)
        self.source = source
        # (is_share, unit dimension or None) -> sorted (log key, position in source)
        keys: dict[tuple[bool, str | None], list[tuple[float, int]]] = {}
        self.always: list[int] = []  # figures whose unit factor is no positive number
        for position, other in enumerate(source):
            if other.kind not in ("number", "percent", "fraction"):
                continue
            is_share = other.kind != "number"
            scale = math.log(100.0) if other.kind == "fraction" else 0.0
            factor = _log_or_none(other.unit[1]) if other.unit is not None else 0.0
            if other.unit is not None and factor is None:
                self.always.append(position)
            for value in other.values:
                if isinstance(value, tuple):
                    continue
                logged = _log_or_none(float(value))
                if logged is None:
                    continue  # zero, negative or past a float's range: it rounds nothing
                keys.setdefault((is_share, None), []).append((logged + scale, position))
                if other.unit is not None and factor is not None:
                    keys.setdefault((is_share, other.unit[0]), []).append(
                        (logged + scale + factor, position)
                    )
        self.keys = {group: sorted(entries) for group, entries in keys.items()}
        self.fractions = [other for other in source if other.kind == "fraction"]
        self._pairs: dict[bool, set[tuple[float, float]]] = {}
        # Each number, amount in cents and measure in its base unit -> positions stating it,
        # for _same_number_stated (a dict finds what a set intersection finds: hash, then
        # identity or equality).
        self.by_number: dict[float, list[int]] = {}
        self.by_cents: dict[float, list[int]] = {}
        self.by_base_unit: dict[float, list[int]] = {}
        for position, other in enumerate(source):
            for table, values in (
                (self.by_number, _numbers(other)),
                (self.by_cents, _in_cents(other)),
                (self.by_base_unit, _in_base_unit(other)),
            ):
                for value in values:
                    table.setdefault(value, []).append(position)

    def pairs_nearby(self, in_order: bool) -> set[tuple[float, float]]:
        """The source's :func:`_pairs_nearby`, read once per order: a results table read all
        its figures again for each score."""
        if in_order not in self._pairs:
            self._pairs[in_order] = _pairs_nearby(self.source, in_order=in_order)
        return self._pairs[in_order]

    def stating(
        self, numbers: set[float], cents: set[float], base_unit: set[float]
    ) -> list[Quantity]:
        """The figures of the source, in its order, that state one of ``numbers``, one of
        ``cents`` in cents or one of ``base_unit`` in their base unit."""
        found: set[int] = set()
        for table, values in (
            (self.by_number, numbers),
            (self.by_cents, cents),
            (self.by_base_unit, base_unit),
        ):
            for value in values:
                found.update(table.get(value, ()))
        return [self.source[position] for position in sorted(found)]

    def near(
        self, quantity: Quantity, wanted: set[float], resolution: float | None, is_share: bool
    ) -> list[Quantity]:
        """The figures of the source, in its order, that may state a value ``quantity`` rounds:
        each within the widest window of :func:`_rounds_to` of a value of ``wanted``."""
        width = max(
            resolution / 2 * (1 + 1e-9) if resolution is not None else 0.0,
            HEDGE_TOLERANCE if quantity.hedge is not None else 0.0,
        )
        if width <= 0 and resolution is None:
            return []  # _rounds_to needs a resolution or a hedge
        width = width * (1 + self._MARGIN) + self._MARGIN
        unit_factor = _log_or_none(quantity.unit[1]) if quantity.unit is not None else None
        if quantity.unit is not None and unit_factor is None:
            return list(self.source)  # no factor to convert by: compare with every figure
        found: set[int] = set(self.always)
        for number in wanted:
            logged = _log_or_none(number)
            if logged is None:
                continue
            low = logged + math.log1p(-width) if width < 1 else -math.inf
            high = logged + math.log1p(width)
            searches = [(self.keys.get((is_share, None), []), low, high)]
            if quantity.unit is not None and unit_factor is not None:
                searches.append(
                    (
                        self.keys.get((is_share, quantity.unit[0]), []),
                        low + unit_factor,
                        high + unit_factor,
                    )
                )
            for entries, lowest, highest in searches:
                first = bisect.bisect_left(entries, (lowest - self._MARGIN, -1))
                last = bisect.bisect_right(entries, (highest + self._MARGIN, self.size))
                found.update(position for _, position in entries[first:last])
        return [self.source[position] for position in sorted(found)]


# The index of the last sources read, with a copy of each to tell a changed list from the same:
# is_supported is called once per summary figure with the same source list.
_INDEXED: dict[int, tuple[list[Quantity], _SourceIndex]] = {}


def _source_index(source: list[Quantity]) -> _SourceIndex:
    """The :class:`_SourceIndex` of ``source``, built once for as long as the list is
    unchanged (compared by its items, which a list compares by identity first)."""
    cached = _INDEXED.get(id(source))
    if cached is not None and cached[1].source is source and cached[0] == source:
        return cached[1]
    index = _SourceIndex(source)
    if len(_INDEXED) >= 8:
        _INDEXED.clear()
    _INDEXED[id(source)] = (list(source), index)
    return index


def _rounds_to(
    number: float, stated: float, hedge: Hedge | None, resolution: float | None, is_fraction: bool
) -> bool:
    """Whether ``number`` (as written in the summary) is ``stated`` rounded or hedged."""
    if not (math.isfinite(number) and math.isfinite(stated)):
        return False  # digits past a float's range: inf is no rounding of anything
    gap = abs(number - stated)
    if (
        resolution is not None
        and gap <= number * resolution / 2 * (1 + 1e-9)
        and gap <= ROUNDING_LIMIT * stated
    ):
        return True
    if hedge is None or (not is_fraction and _place(number) <= _place(stated)):
        # A hedge goes with a rounder number than the one stated: "about 3,300" for 3,312,
        # not "about 3,307" for 3,300 (a precision the article never gave). "A third" is
        # round whatever it is stated as.
        return False
    if hedge == "near":
        return gap <= HEDGE_TOLERANCE * number
    if hedge == "below":
        return number * (1 - HEDGE_TOLERANCE) <= stated <= number
    if hedge == "above":
        return number <= stated <= number * (1 + HEDGE_TOLERANCE)
    return False


def _place(value: float) -> float:
    """The place value of the last digit that is not zero: 100 for 3,300, 1 for 312, 10,000
    for 1.96 million, 0.1 for 60.3."""
    if not math.isfinite(value):
        return math.inf  # digits past a float's range (a pasted 400-digit number): no rounding
    for exponent in range(15, -7, -1):
        place = 10.0**exponent
        if round(value / place) and abs(value / place - round(value / place)) < 1e-6:
            return place
    return 1e-7


def _same_share(one: Quantity, other: Quantity) -> bool:
    """A fraction and a fraction or percentage of the same share: "a third" = "33%" = "ein
    Drittel", "one in five" = "20 per cent" (to a percentage point, as news rounds)."""
    if one.kind not in ("fraction", "percent") or other.kind not in ("fraction", "percent"):
        return False
    if one.points or other.points:
        return False  # "2 Prozentpunkte" is no share of a whole

    def shares(quantity: Quantity) -> set[float]:
        scale = 100.0 if quantity.kind == "fraction" else 1.0
        return {float(value) * scale for value in quantity.values}  # type: ignore[arg-type]

    return any(abs(a - b) <= 1.0 for a in shares(one) for b in shares(other))
