"""Blocks: the units the cleaner keeps or drops whole (lines, with hard-wrapped lines joined)."""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, pairwise, repeat
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

from summarize.package_data import packaged_toml

_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\ufeff]")
# A C0 control between two words separates them ("Panel\x07on", a word processor's table cell
# mark): it becomes a space, not nothing, so the words are not glued into one. U+001F (an
# optional hyphen inside a word), the C1 controls and the zero-width and direction marks go.
_CONTROL_AS_SPACE = re.compile(r"[\u0000-\u0008\u000b-\u001e\u007f]")
_SPACE_CLASS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(f"{_SPACE_CLASS}+")
# The same runs, less a single plain space (which _SPACES would replace by itself): a run that
# starts with anything but a plain space, or with one and goes on. Written to start with a
# character class, which the re module scans for fast (2.4x faster than an alternation).
_SPACES_TO_CHANGE = re.compile(f"{_SPACE_CLASS}(?:(?<! )|(?={_SPACE_CLASS})){_SPACE_CLASS}*")
# The one white-space character that tidying leaves (tests check every code point): a tidied
# line without it has one plain space between words and none at its ends.
UNTIDIED_SPACE = "\u1680"
# Only marks that are nothing but list bullets; a number, date or ordinal at the start of a line
# ("3. Oktober ist ...", "1. FC Köln") is text and stays, and so does a dash that opens a line of
# dialogue ("– „Ok.“").
_BULLET = re.compile(r"^[•▪●◦‣∙*-](?=\s+\S)")
_BULLET_MARKS = "•▪●◦‣∙*-"
# A line ends a sentence when one of these marks ends it, only closing quotes or brackets after
# (FINAL_MARKS: the marks that end one for good, not a colon or semicolon). The cleaner's other
# modules import these, and LETTER (a letter of any script), from here.
FINAL_MARKS = (".", "!", "?", "…")
SENTENCE_MARKS = (*FINAL_MARKS, ":", ";")
CLOSERS = "\"'“”«»„‚‘’)]"
LETTER = re.compile(r"[^\W\d_]")
_OPENING_QUOTES = '„"»«‚‘“'
# Abbreviations that are (nearly) never the last word of a German sentence: a line that ends
# with one goes on (and the segmenter never ends a sentence after one).
NON_FINAL_ABBREVIATIONS = (
    "z. B.", "z.B.", "u. a.", "u.a.", "d. h.", "d.h.", "bzw.", "ca.", "Nr.", "St.", "Dr.",
    "Prof.", "vgl.", "sog.", "Abs.", "Art.", "Hr.", "Fr.", "Mio.", "Mrd.", "Tsd.", "Jh.",
    "inkl.", "zzgl.", "evtl.", "ggf.", "bzgl.", "Str.", "geb.", "gest.", "v. a.", "o. ä.",
)  # fmt: skip
# A street's "str." ends a compound ("Hauptstr. 5", "Bahnhof-Str. 12"), not a sentence. A dash
# before one is a range's ("Mo.–Fr. 9–17 Uhr").
ENDS_WITH_ABBREVIATION = re.compile(
    r"(?:(?:^|[\s(„\"/–-])(?:"
    + "|".join(re.escape(a) for a in NON_FINAL_ABBREVIATIONS)
    + r")|\w-?[Ss]tr\.)$"
)
# More abbreviations that never end a sentence (the segmenter's first; see ends_with_abbreviation):
# each ended a sentence of pysbd's on the 588 development pages ("Urlaubsanspruch gem. | § 3
# BUrlG", "Gedenktag des hl. | Blasius", "unter Tel. | 02382 59743", "Platz für max. | 6
# Personen", "der Fa. | Krupp").
SEGMENT_NON_FINAL_ABBREVIATIONS = (
    "Tel.", "gem.", "max.", "mind.", "bspw.", "zw.", "ggü.", "evt.", "hl.", "Hl.", "dt.", "stv.",
    "ehem.", "Fa.", "eff.", "Ing.", "Kgl.", "Bauj.", "Inkl.", "LKr.", "Eidg.", "jr.", "sen.",
    # of court reports, laws and heights: "Az. 112 KLs 5/24", "Ziff. 4 lit. b", "Rn. 12",
    # "Jg. 1985", "2.962 m ü. NN"
    "Az.", "Ziff.", "lit.", "Rn.", "Jg.", "ü.",
    # a department's and a volunteer fire brigade's: "die Abt. Verkehr", "die Freiw. Feuerwehr"
    "Abt.", "Freiw.",
    # a citation's authors before its year, and its volume: "nach Arbeiten durch Baal et al.
    # (1994) ausgeschlossen", "In: Science; Vol. 371, Issue 6526"
    "et al.", "Vol.",
    # before a place's or a member's name, a station's and a district's: "am Bhf. Zoo", "im
    # Landkr. Rosenheim", "der Abg. Müller" (pysbd sent "Rosenheim." and "Müller sagte …" on
    # as sentences; a lowercase word shortened so is found by its letters,
    # _ENDS_WITH_LOWERCASE_SHORTENED)
    "Bhf.", "Landkr.", "Abg.",
)  # fmt: skip
_ENDS_WITH_SEGMENT_NON_FINAL = re.compile(
    r"(?:^|[\s(„\"])(?:" + "|".join(re.escape(a) for a in SEGMENT_NON_FINAL_ABBREVIATIONS) + r")$"
)
# A name's academic title ends no sentence either, and pysbd ended one at the degree after "Dr."
# or at a hyphenated title: "Prof. Dr.-Ing. | Andreas Reuter" (development pages), "Dr. rer.
# nat. | Eva Schulz", "Dr. phil. habil. | …", "Dipl.-Psych. | …", "Priv.-Doz. | Dr. …": the
# title went to the translator as a sentence of its own, the name opened the next. A title's
# first part, maybe hyphenated, then any run of the degree's lowercase parts ("med. vet.").
_ENDS_WITH_TITLE = re.compile(
    r"(?:^|[\s(„\"/])(?:(?:Dr|Dipl|Priv|Univ|Prof)\.-[A-ZÄÖÜ][a-zäöü]{1,7}\.|(?:Dr|Prof)\.)"
    r"(?:\s+[a-z]{1,6}\.)*$"
)
# A double first name's initial: "H.-W. Sinn", "K.-H. Rummenigge", "Hans-L. Sämann" (development
# pages: pysbd ended a sentence there, and the surname opened the next).
_ENDS_WITH_HYPHENATED_INITIAL = re.compile(
    r"(?:^|[\s(„\"])(?:[A-ZÄÖÜ]\.|[A-ZÄÖÜ][a-zäöü]+)-[A-ZÄÖÜ]\.$"
)

# A lowercase word that no German word ends like, so shortened, before its full stop: letters
# without a vowel ("vgl", "kpl", "lfd", "mtl"), an obstruent before "l" or "r" ("elektr",
# "gesetzl", "öffentl", "eventl", "bezügl"), a "b" or "g" after a consonant other than l, r, m,
# n ("insb"). A lowercase word (German capitalises nouns and names) ends a sentence as a verb,
# adjective or adverb, spelt in full. pysbd knows none of them: on the development pages it
# ended a sentence at "Prüf- und Diagnosearbeiten an elektr. | Dieselsystemen", "Alle Preise
# inkl. gesetzl. | MwSt.", "Extra-Newsletter an Mitglieder bezügl. | Mitgliederbeitrag", 28
# places on 15 pages (one of them, "Sehr gr." in a catalogue line, closed a sentence); "insb. |
# Kinder" too. A unit after a number ("5 cm.", "3 kg.") ends sentences and is left alone.
_VOWELS = "aeiouyäöü"
_ENDS_WITH_LOWERCASE_SHORTENED = re.compile(
    r"(?:^|(?<=[\s(„\"/–-]))(?<!\d\s)(?=[a-zäöüß])"
    rf"(?:[^\W\d_{_VOWELS}]{{2,}}|[^\W\d_]+[bcfgkptvwz][lr]|[^\W\d_]+[^\W\d_{_VOWELS}lrmnh][bg])\.$"
)


def ends_with_abbreviation(text: str) -> bool:
    """Whether ``text`` ends with an abbreviation that never ends a sentence: one of
    NON_FINAL_ABBREVIATIONS or SEGMENT_NON_FINAL_ABBREVIATIONS, an academic title, a hyphenated
    initial or a lowercase word no German word ends like (_ENDS_WITH_LOWERCASE_SHORTENED). The
    segmenter never ends a sentence there, and a wrapped line that ends with one goes on (the
    two must agree: a sentence the cleaner cut into two paragraphs stays cut)."""
    return bool(
        ENDS_WITH_ABBREVIATION.search(text)
        or _ENDS_WITH_SEGMENT_NON_FINAL.search(text)
        or _ENDS_WITH_TITLE.search(text)
        or _ENDS_WITH_HYPHENATED_INITIAL.search(text)
        or _ENDS_WITH_LOWERCASE_SHORTENED.search(text)
    )


# How much of a block's end is read for an abbreviation: far more than the longest one with
# the character before it.
_ABBREVIATION_TAIL = 64
_WRAPPED_LINE_MIN_CHARS = 40
# White space that starts a raw line (an indent; a tab counted as one): tidying takes it away,
# a wrap counted it.
_INDENT = re.compile(f"{_SPACE_CLASS}*")
# A line break (any that str.splitlines splits at), then an indent; with the text's start (a
# separate match) no longer an alternative, the pattern opens with a character class, which the
# regex engine scans for fast (the alternation was tried at every position of the page).
_INDENTED = re.compile(f"[\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029]{_SPACE_CLASS}")
_INDENTED_START = re.compile(_SPACE_CLASS)
# Text hard-wrapped at a fixed width (e-mail, newsletters, wire copy, a text editor's or pandoc's
# wrap at 72) breaks its lines wherever the next word would not fit, and in German that word is
# often a noun: "Bei der Kollision fliegen Hand- und" / "Fußbremshebel weg." A page is read as
# wrapped when its lines inside paragraphs are at most this wide and most of them are full (the
# next line's first word would not have fit on them); on the 588 development pages the share is
# at most 0.2 where their width is in this range, on wrapped text it is nearly 1.
_WRAP_WIDTHS = range(40, 121)
_WRAPPED_SHARE = 0.5
_WRAPPED_MIN_LINES = 3
# Prose goes on across its line breaks, so some of its lines start in lowercase (not most in
# German: nouns, names and sentence starts are capitalised); a list of headlines, names or table
# rows of even length has few, though each of its lines looks full: one headline that starts
# with "iPhone", "eBay" or "dm" read a page of them as wrapped and made them one block. A share
# of the full lines, then: on the 588 development pages wrapped at 60, 72 and 80 it is at least
# 0.19 (median 0.55); the 3 of 543 below this one are read as before (lowercase lines joined).
_WRAPPED_LOWER_SHARE = 0.25
# A wrapped text has (nearly) no line clearly wider than its wrap (a long URL, maybe; its
# paragraphs' last lines may be a little wider than the widest line inside them), where a page
# of paragraph lines has many.
_WRAPPED_WIDER_SHARE = 0.05
_WRAPPED_WIDER = 1.25
# A table row as the page's text writes it ("Modell | Preis | Note"): never a line of prose.
_TABLE_CELLS = " | "
_MONTHS = (
    "Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    "Dezember"
)
# A web address or handle in lowercase ("pic.twitter.com/…", "uncut-news.ch"): after a
# sentence's end, a line of its own (an embed's link, a source line), not the sentence going on.
_LINK_START = re.compile(r"\S*?(?:[./@][^\W_]|://)")
# The first letter of an abbreviation of two ("z. B.", "u. a.", "d. h.") at a line's end.
_SPLIT_ABBREVIATION = re.compile(r"(?<![\w.])[a-zäöü]\.$")
# An ordinal at a line's end ("seit dem 4.", "im 2.", "der Tabellenletzte 1."), its month or
# noun on the next line ("November", "Weltkrieg", "FC Köln"): in a wrapped text as a rule the
# sentence going on, seldom one that ends with a number ("auf Platz 2.").
_ORDINAL_END = re.compile(
    r"(?<![\w.,:/])\d{1,3}\.$"
    # or in Roman numerals after an article or contraction ("seit dem II." / "Weltkrieg"; not
    # "Ludwig XIV." ending a sentence)
    r"|(?:^|\s)(?:[Dd](?:er|ie|as|en|em|es)|[Zz]um|[Zz]ur|[Vv]om|[Aa]m|[Ii]m|[Bb]eim)\s+[IVXLC]{1,6}\.$"
)
# A wrapped line's next line starts with a word, a number, an opening mark, a dash or a sign that
# stands before a word or number ("§ 28a", "€ 12", "… und"); not with a one-digit list number
# ("2. Punkt"; "204." ending a sentence goes on, and a list's "10. …" is told by its
# neighbours, see _numbered_items).
_WORD_STARTS = r"[^\W\d_]|[„\"»«‚‘(–—§€$£%&…']|\d+(?![.)](?:\s|$))"
# It may also start with a spaced hyphen (split_blocks tells it from a bullet) or a date in a
# sentence ("1. September weiblich"; not one that heads a list's line, "3. Oktober: Tag der
# Deutschen Einheit"). Both as often head a list's line ("- Anzeige -", "3. März 2020
# Workshop …"): wrap_width measures the share of full lines on the others and on full lines
# before them (counted whenever, the lines before list items made a wrapped page's share too
# small: 3 of the 588 pages wrapped at 60 or 72 were no longer read as wrapped).
_WRAP_MEASURED = re.compile(_WORD_STARTS)
_WRAP_CONTINUES = re.compile(rf"{_WORD_STARTS}|-(?=\s)|\d{{1,2}}\. (?:{_MONTHS})\b(?!:)")
# An ordinal that a wrap put at a line's start ("in der" / "2. Bundesliga", "der Tabellenletzte"
# / "1. FC Köln") goes on with the full line above it, as a word would; not where it numbers a
# list: the line's block is a numbered item ("1. Erster Punkt, der" / "2. Zweiter Punkt"), or
# the paragraph numbers the line before or after it too ("auf diese" / "1. Die Rente …" /
# "2. Das Kindergeld …", see _numbered_items).
_ORDINAL_START = re.compile(r"\d{1,3}\. (?=[^\W\d_])")
_NUMBERED_ITEM = re.compile(r"(\d{1,3})([.)]) ")
# The indent of a list item's next line under a hanging indent: its marker's width ("- ", "1. ",
# "12) ") or a little more.
_HANGING_INDENT = (2, 6)
_SUB_LINE = re.compile(r"\S+:\s|[a-z0-9]{1,2}[.)]\s")
# How far a list's next or previous number is looked for, in lines of one paragraph.
_LIST_REACH = 40
# A compound broken after its hyphen, the next line going on with a word or a digit ("US-" /
# "Dollar", "Covid-" / "19", "russisch-" / "nordkoreanische"): one word again. A hyphen before
# a conjunction, a preposition or another function word is a German suspended hyphen ("Hand-"
# / "und Fußbremshebel", "Vor- bzw. Nachteile", "von Ost- nach Westdeutschland") or a dash
# typed as a hyphen ("nicht- das"), and keeps its space.
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_COMPOUND_START = re.compile(r"[^\W\d_]|\d")
# Besides the German function words ("und", "oder", "bis", "nach"): what else may follow a
# suspended hyphen ("Vor- beziehungsweise Nachteile", "Ein- statt Ausgaben").
_SUSPENDED_BEFORE = frozenset("beziehungsweise respektive statt anstatt versus vs u o".split())
# But not the last part of an English compound spelled as a German function word ("Check-in",
# "Plug-ins", "Log-in": 11 on the 588 pages, and no dash typed as a hyphen before one).
_COMPOUND_ENDS = frozenset({"in", "ins"})


@lru_cache(maxsize=1)
def word_data() -> dict[str, frozenset[str]]:
    """The cleaner's word lists (function words of German and English, page words)."""
    data = packaged_toml("clean_words.toml")
    return {name: frozenset(words.split()) for name, words in data.items()}


def language_function_words() -> tuple[frozenset[str], frozenset[str]]:
    """(German, English) function words."""
    data = word_data()
    return data["german_function_words"], data["english_function_words"]


def _compound_goes_on(line: str) -> bool:
    """Whether ``line`` goes on with the second part of a compound broken after its hyphen on
    the line before ("Dollar", "19", "nordkoreanische"), not with the word after a suspended
    hyphen ("und Fußbremshebel") or a dash typed as a hyphen ("nicht- das"): a function word
    or one of the conjunctions a suspended hyphen stands before."""
    if _COMPOUND_START.match(line) is None:
        return False
    first = line.split(maxsplit=1)[0].rstrip(".,;:!?")
    return first in _COMPOUND_ENDS or (
        first not in _SUSPENDED_BEFORE and first not in language_function_words()[0]
    )


class Block(NamedTuple):
    """One line of the page (hard-wrapped lines joined), its bullet mark and blank-line context.
    A NamedTuple: a page makes hundreds, and one is made twice as fast as a frozen dataclass."""

    text: str
    bullet: str = ""  # the list bullet cut from its start ("•"), recorded in the audit
    blank_before: bool = True
    blank_after: bool = True


def tidy_line(line: str) -> str:
    """NFC, no control or zero-width characters, one space between words."""
    # NFC after the marks go: one between a letter and its combining mark ("u\u200b\u0308")
    # kept the two apart, and the tidied line was not NFC (tidying it again changed it).
    line = _CONTROL.sub("", _CONTROL_AS_SPACE.sub(" ", line))
    line = unicodedata.normalize("NFC", line)
    return _SPACES.sub(" ", line).strip()


def split_bullet(line: str) -> tuple[str, str]:
    """(bullet, rest) for a tidied line; bullet is "" when the line has none."""
    match = _BULLET.match(line)
    if not match:
        return "", line
    return match.group(0), line[match.end() :].lstrip()


def normalize_line(line: str) -> str:
    """A raw line as the cleaner sees it: tidied, a clear list bullet cut off."""
    return split_bullet(tidy_line(line))[1]


def _tidy_lines(text: str) -> list[str]:
    """tidy_line for every line of ``text``, in a few passes over the whole text: NFC does not
    reach across a line break, and the two patterns match neither a line break nor across one.
    NFC comes after the control and zero-width marks go, as in :func:`tidy_line`."""
    lines = text.splitlines()
    untidy = _CONTROL.sub("", _CONTROL_AS_SPACE.sub(" ", "\n".join(lines)))
    tidied = _SPACES_TO_CHANGE.sub(" ", unicodedata.normalize("NFC", untidy))
    return list(map(str.strip, tidied.split("\n"))) if lines else []


def visible_characters(text: str) -> Counter[str]:
    """The characters of ``text`` a reader sees, as the cleaner reads them (NFC, control and
    zero-width marks taken out), white space left out: what the audit must account for."""
    return Counter("".join("".join(_tidy_lines(text)).split()))


# Site builders and hyphenators put soft hyphens (U+00AD) into long words ("Persön\u00adlichkeit"):
# invisible, so the classifier reads words without them. A hard wrap's line widths count them:
# the programs that wrap text (textwrap, fmt, a mail client) count every character.
SOFT_HYPHEN = "\u00ad"


def _full(line: str, indent: int, following: str, width: int) -> bool:
    """Whether ``line`` ends where a wrap at ``width`` broke it: it is no wider than the wrap,
    and the first word of the line ``following`` it would not have fit on it. An indented line
    is measured with its indent too (a hanging indent the wrap filled: "- Mittel für Schulen,
    vor" / "  allem für die Sanierung der" / "  Turnhallen …") and without it (a paragraph
    indented as a whole after its wrap, as a quotation is)."""
    word = len(following.split(maxsplit=1)[0])
    return any(
        length <= width < length + 1 + word
        for length in ((len(line), len(line) + indent) if indent else (len(line),))
    )


def _indents(text: str, lines: Sequence[str]) -> list[int]:
    """How wide each raw line of ``text`` is before its tidied text (``lines``) starts: a
    hanging indent ("- Mittel für Schulen, vor" / "  allem für die Sanierung der") or a first
    line's indent is part of the width a wrap filled, though tidying takes it away."""
    if not (_INDENTED_START.match(text) or _INDENTED.search(text)):  # most pages: no indent
        return [0] * len(lines)
    return [
        _INDENT.match(raw).end() if line else 0  # type: ignore[union-attr]
        for raw, line in zip(text.splitlines(), lines, strict=True)
    ]


def _prose_pair(line: str, following: str) -> bool:
    return bool(
        line
        and following
        and _WRAP_CONTINUES.match(following)
        and _TABLE_CELLS not in line
        and _TABLE_CELLS not in following
    )


def _numbered_items(lines: Sequence[str]) -> set[int]:
    """The indices of ``lines`` that start a numbered list's item: a number ("3. ", "3) ")
    whose next or previous number starts another line of the same paragraph (no blank line
    between, at most _LIST_REACH lines away)."""
    numbers: dict[int, tuple[int, str]] = {}
    for index, line in enumerate(lines):
        if line and line[0].isdigit() and (match := _NUMBERED_ITEM.match(line)):
            # Not after a line that ends in an article or preposition: a wrapped sentence goes
            # on ("Seit Jahren pendelt der" / "1. FC Köln …", "ganz in die" / "2. Bundesliga").
            before = lines[index - 1].rsplit(None, 1)[-1:] if index else []
            if not (before and before[0] in _NEVER_LAST):
                numbers[index] = (int(match.group(1)), match.group(2))
    items: set[int] = set()
    for index, (number, mark) in numbers.items():
        for step in (1, -1):
            other = index + step
            while 0 <= other < len(lines) and lines[other] and abs(other - index) <= _LIST_REACH:
                if numbers.get(other) == (number + step, mark):
                    items.update((index, other))
                    break
                other += step
    return items


def _ordinal_goes_on(block: str, line: str, following: str) -> bool:
    """Whether ``following``, a wrapped text's next line that starts with an ordinal and is no
    numbered list's item (see _numbered_items), goes on with ``line``, the last line of
    ``block`` (see _ORDINAL_START)."""
    return (
        _ORDINAL_START.match(following) is not None
        and _NUMBERED_ITEM.match(block) is None
        and _TABLE_CELLS not in line
        and _TABLE_CELLS not in following
    )


def _ends_sentence_not_abbreviation(text: str) -> bool:
    """Whether a block's text ends a sentence, so that the next line may start a paragraph of
    its own without a blank line (and a wrapped line can be full there by chance): a final mark
    not after an abbreviation that never ends a sentence ("bzw.", "z. B.")."""
    return (
        text.rstrip(CLOSERS).endswith(SENTENCE_MARKS)
        # the end only: a block grows line by line, and searching all of it each time would
        # make a long wrapped paragraph quadratic
        and not ends_with_abbreviation(text[-_ABBREVIATION_TAIL:])
    )


def _goes_on_past_mark(line: str, following: str) -> bool:
    """Whether a full line of a wrapped text that ends with a final mark goes on: the next line
    starts in lowercase ("(38.)" / "verpassten", "„Warum?“" / "fragt er"; not with a web
    address: "pic.twitter.com/…"), an abbreviation
    goes on there ("z." / "B. im Bundestag"), a day's ordinal
    stands before its month or noun ("seit dem 4." / "November 1986", "im 2." / "Weltkrieg"), or
    a colon before a quotation
    ("sagte er:" / "„Wir …")."""
    return (
        (following[0].islower() and _LINK_START.match(following) is None)
        or _SPLIT_ABBREVIATION.search(line) is not None
        or (line.endswith(":") and following[0] in _OPENING_QUOTES)
        or (_ORDINAL_END.search(line.rstrip(CLOSERS)) is not None and following[0].isupper())
    )


def wrap_width(
    lines: Sequence[str], items: set[int] | None = None, indents: Sequence[int] | None = None
) -> int | None:
    """The width a hard-wrapped text was wrapped at (its widest line inside a paragraph), or
    None when ``lines`` (tidied) do not read as wrapped prose: too few lines inside paragraphs,
    lines wider than any wrap, most of them not full (a web page's short lines, menus), or few
    of the full ones going on in lowercase (a list of headlines or names). ``items``: the
    lines' :func:`_numbered_items`, when the caller has them; ``indents``: how wide each line's
    indent was (see _indents), none when not given."""
    if _prose_wider_than_any_wrap(lines):
        return None  # what the measure below comes to, for most web pages at a fraction of it
    inner = [
        index
        for index, (line, following) in enumerate(pairwise(lines))
        if _prose_pair(line, following)
    ]
    if len(inner) < _WRAPPED_MIN_LINES:
        return None
    # the width measured on the lines as tidied (their indents taken away): a paragraph
    # indented as a whole after its wrap (a quotation) is no wider than the others
    if items is None:
        items = _numbered_items(lines)
    prose = set(inner)  # the pairs found above, not tested again
    width = max(
        len(line)
        for index, (line, following) in enumerate(pairwise(lines))
        if index in prose
        # and a line that a wrap broke before an ordinal (see _ORDINAL_START), which may be the
        # widest: a wrap measured one short of it left that line and its ordinal apart
        or (
            index + 1 not in items
            and _ordinal_goes_on(line, line, following)
            and not line.rstrip(CLOSERS).endswith(SENTENCE_MARKS)
        )
    )
    if width not in _WRAP_WIDTHS:
        return None
    wider = sum(len(line) > _WRAPPED_WIDER * width for line in lines)
    if wider > _WRAPPED_WIDER_SHARE * sum(map(bool, lines)):
        return None
    indents = indents or [0] * len(lines)
    full = [
        lines[index + 1]
        for index in inner
        if _full(lines[index], indents[index], lines[index + 1], width)
    ]
    measured = sum(
        bool(_WRAP_MEASURED.match(lines[index + 1]))
        or _full(lines[index], indents[index], lines[index + 1], width)
        for index in inner
    )
    if len(full) < max(_WRAPPED_MIN_LINES, _WRAPPED_SHARE * measured):
        return None
    if sum(following[0].islower() for following in full) < _WRAPPED_LOWER_SHARE * len(full):
        return None
    return width


def _prose_wider_than_any_wrap(lines: Sequence[str]) -> bool:
    """Whether a line inside a paragraph (see _prose_pair) is wider than any wrap: then the
    widest such line, which wrap_width measures, is too, and the text reads as not wrapped. A
    web page's paragraph is one long line (408 of the 588 development pages have one), and
    only the long lines are tested here, where wrap_width tests every pair of lines."""
    return any(
        len(line) > _WRAP_WIDTHS[-1] and _prose_pair(line, following)
        for line, following in pairwise(lines)
    )


# Words that never end a German sentence or heading: an article, a preposition that is no
# verb's particle, a conjunction. A line that stops on one was broken inside its sentence
# ("… im Gold Cup, der am" / "7. Juli beginnt."). Particles end sentences and headings ("Was
# kommt auf Mieter zu", "Loggen Sie sich ein", "liegen dem Paket bei"), so "an", "auf", "zu",
# "mit", "nach", "bei", "ein" and "über" are not here.
_NEVER_LAST = frozenset(
    "am im ins zum zur vom beim der die das den dem des eine einen einem einer eines "
    "und oder sowie für seit von in dass weil wenn ob als".split()
)
# The particles that end sentences and headings, left out above.
_PARTICLES = frozenset("an auf zu mit nach bei ein über".split())


# A rank ("2.") or a day without its year ("11.11."): alone on a line, not a sentence's end.
_RANK_OR_DAY = re.compile(r"\d{1,2}\.(?:\d{1,2}\.)?")
# A day alone ("03.11."): after a particle, a teaser's date ("… ruft zu Warnstreik auf"); a number
# alone there ends the sentence ("… stieg auf" / "23.").
_DAY = re.compile(r"\d{1,2}\.\d{1,2}\.")


# A time of day that a line break parted from its "Uhr".
_CLOCK_END = re.compile(r"(?<![\w.,:])\d{1,2}(?:[.:]\d{2})?$")
_STARTS_UHR = re.compile(r"Uhr\b")


def _goes_on(previous: str, line: str) -> bool:
    """Whether ``line`` plainly goes on with the sentence that ``previous`` (a line that stops
    mid-sentence) broke off, whatever the width: it starts in lowercase or with the "Uhr" of a
    time ``previous`` ends with; or it is the sentence's
    last number alone, without a letter ("1:0.", "76.500.", "(2:0).", "1943/44."), which
    alone was a block the fragments rule drops; or ``previous`` stops on a word that never ends
    a sentence and ``line`` ends one (a paywall's or an ad's label breaking in, "… dass die" /
    "Diesen Artikel weiterlesen mit SPIEGEL+", ends none). A lone rank or day ("2.", "11.11.")
    goes on only after a lowercase word that is no particle ("am" / "11.11."): under a name or
    a teaser ("… ruft zu Warnstreik auf" / "03.11.") it is a table's rank or a list's date, not
    the end of the line above."""
    if line[0].islower():
        return True
    # "… um 14.30" / "Uhr am Tor …": the line's start first, a cheap test that 2 of the 588
    # development pages' 102,091 line pairs pass; the clock search scanned every line above.
    if _STARTS_UHR.match(line) and _CLOCK_END.search(previous):
        return True
    if not line.rstrip(CLOSERS).endswith(FINAL_MARKS):
        return False
    last_word = previous.rsplit(maxsplit=1)[-1] if previous.strip() else ""
    if last_word in _NEVER_LAST:
        return True
    return (
        LETTER.search(line) is None
        and any(ch.isdigit() for ch in line)
        and (
            _RANK_OR_DAY.fullmatch(line) is None
            or (last_word[:1].islower() and not (last_word in _PARTICLES and _DAY.fullmatch(line)))
        )
    )


def split_blocks(text: str, strip_bullets: bool = True) -> list[Block]:
    """Lines as blocks; inside a paragraph (no blank line between) a line that stops mid-sentence
    and a next line starting in lowercase are one hard-wrapped block, and so, in a text
    hard-wrapped at a fixed width (:func:`wrap_width`), are a full line and the next."""
    # [text, bullet, blank before, blank after] per block, made Blocks at the end
    parts: list[list[Any]] = []
    previous_blank = True
    lines = _tidy_lines(text)
    items = _numbered_items(lines)
    indents = _indents(text, lines)
    width = wrap_width(lines, items, indents)
    previous = ""  # the line before, as it stands (bullet included)
    previous_indent = 0  # and its indent
    for index, line in enumerate(lines):
        if not line:
            if parts and not previous_blank:
                parts[-1][3] = True
            previous_blank = True
            continue
        as_typed = line
        bullet = ""
        if strip_bullets and line[0] in _BULLET_MARKS:  # the only lines _BULLET can match
            bullet, line = split_bullet(line)
        # A spaced dash that a wrap put at the start of a line ("Er kam" / "- wie immer - zu
        # spät") goes on with the sentence of a full line above it that no bullet opened; a
        # dash under a list item, or after a line that is not full, is the next item's bullet.
        dash_goes_on = (
            bullet == "-"
            and width is not None
            and parts
            and not previous_blank
            and not parts[-1][1]
            and _full(previous, previous_indent, as_typed, width)
            # and the line goes on there: after a sentence's end ("Wir empfehlen Ihnen:") the
            # dash is a list's bullet, as under any other line
            and (
                not _ends_sentence_not_abbreviation(parts[-1][0])
                or _goes_on_past_mark(previous, as_typed)
            )
        )
        if dash_goes_on:
            bullet, line = "", as_typed
        if (
            parts
            and not previous_blank
            and not bullet
            and (
                (
                    _goes_on(previous, line)
                    and (
                        len(parts[-1][0]) >= _WRAPPED_LINE_MIN_CHARS
                        # or a clause of any length that ends with a comma: text written one
                        # clause a line ("semantic line breaks", which Markdown shows as one
                        # paragraph: "Die Regierung hat am Mittwoch," / "wie erwartet," / "ein
                        # Gesetz beschlossen."), a letter's greeting ("Liebe Karo," / "danke …");
                        # not one word alone ("Hallo,", "Hey,"), an interjection or a greeting
                        # that a run of short lines (a comment's head) holds
                        or (
                            parts[-1][0].endswith(",") and " " in parts[-1][0] and line[0].islower()
                        )
                    )
                    and not _ends_sentence_not_abbreviation(parts[-1][0])
                )
                # a list item's line under a hanging indent ("1. Die Regierung erhöht … pro" /
                # "   Monat und Kind, …"), in a text too short to read as wrapped
                or (
                    _HANGING_INDENT[0] <= indents[index] <= _HANGING_INDENT[1]
                    and index not in items
                    and (parts[-1][1] or _NUMBERED_ITEM.match(parts[-1][0]))
                    and not _ends_sentence_not_abbreviation(parts[-1][0])
                    # not a line of its own under the item: "Ort: Kanzleramt", "a) unter 6"
                    and _SUB_LINE.match(line) is None
                )
                # a full line of a wrapped text (a capital, a number or a quote may go on)
                or (
                    width is not None
                    and index not in items
                    and (
                        _prose_pair(previous, line)
                        or _ordinal_goes_on(parts[-1][0], previous, line)
                    )
                    and _full(previous, previous_indent, line, width)
                    and (
                        not _ends_sentence_not_abbreviation(parts[-1][0])
                        or _goes_on_past_mark(previous, line)
                    )
                )
            )
        ):
            compound = (
                width is not None
                and _HYPHEN_END.search(previous) is not None
                and _compound_goes_on(line)
            )
            parts[-1][0] = f"{parts[-1][0]}{'' if compound else ' '}{line}"
            parts[-1][3] = False
        else:
            parts.append([line, bullet, previous_blank, False])
        previous_blank = False
        previous = as_typed
        previous_indent = indents[index]
    if parts:
        parts[-1][3] = True
    return list(map(Block._make, parts))


# Gates: cheap string tests, derived from each pattern's structure, that every line the pattern
# matches passes, so the pattern itself runs only on the few lines that pass. They compare
# "folded" text: lower case, with the three characters whose case-insensitive match str.lower
# misses mapped as the re module maps them (dotless i, long s, and the dot that "İ".lower()
# adds). A gate is only built from characters whose matches folding provably covers: the letters
# of GATE_LETTERS (tests check this against re for every code point) and uncased characters.
GATE_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
_FOLD_FIXES = {ord("ı"): "i", ord("ſ"): "s", 0x0307: None}
_GATE_RANGE_MAX = 256


def fold(text: str) -> str:
    """Lower case as the gates compare it (see GATE_LETTERS)."""
    return fold_lowered(text.lower())


def fold_lowered(lowered: str) -> str:
    """fold of a text from its ``str.lower``."""
    if "ı" in lowered or "ſ" in lowered or "\u0307" in lowered:
        return lowered.translate(_FOLD_FIXES)
    return lowered


def _gate_char(code: int) -> str | None:
    """The folded form of a pattern character, or None when a gate cannot use it."""
    char = chr(code)
    lowered = char.lower()
    if lowered in GATE_LETTERS and len(lowered) == 1:
        return lowered
    if char.lower() == char == char.upper():  # uncased: matches only itself, even with re.I
        return char
    return None


_PREFIX_CHARS = 3  # anchored gates look at the first three characters of a line
_PREFIX_SET_MAX = 4096
_DIGIT_MARK = "\x01"  # stands for any decimal digit in a prefix and in a line's key


def _digits_marked(text: str) -> str:
    return "".join(_DIGIT_MARK if char.isdecimal() else char for char in text)


def _prefixes(items: list[Any], size: int) -> set[str]:
    """Folded strings of at most ``size`` characters one of which every match of ``items`` at a
    line start begins with; {""} when nothing is known."""
    if size == 0 or not items:
        return {""}
    (op, av), rest = items[0], items[1:]
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _prefixes(rest, size)  # zero width; ignoring an assertion only lets more through
    if op in (_c.LITERAL, _c.IN):
        if op is _c.LITERAL:
            char = _gate_char(av)
            members = None if char is None else ({char}, False)
        else:
            members = _class_chars(av)
        if members is None:
            return {""}
        chars = members[0] | ({_DIGIT_MARK} if members[1] else set())
        tails = _prefixes(rest, size - 1)
        return _capped({_digits_marked(char) + tail for char in chars for tail in tails})
    if op is _c.BRANCH:
        return _capped(set().union(*(_prefixes([*part, *rest], size) for part in av[1])))
    if op is _c.SUBPATTERN and not av[1] and not av[2]:
        return _prefixes([*av[3], *rest], size)
    if op is _c.ATOMIC_GROUP:
        return _prefixes([*av, *rest], size)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, part = av
        if part.getwidth()[0] == 0:
            return {""}
        found: set[str] = _prefixes(rest, size) if low == 0 else set()
        if high != 0:
            again = high if high == _c.MAXREPEAT else high - 1
            found |= _prefixes([*part, (op, (max(low - 1, 0), again, part)), *rest], size)
        return _capped(found)
    return {""}


def _capped(prefixes: set[str]) -> set[str]:
    return prefixes if len(prefixes) <= _PREFIX_SET_MAX else {p[:1] for p in prefixes}


def _class_chars(members: Any) -> tuple[set[str], bool] | None:
    chars: set[str] = set()
    digits = False
    for op, av in members:
        if op is _c.LITERAL:
            char = _gate_char(av)
            if char is None:
                return None
            chars.add(char)
        elif op is _c.RANGE and av[1] - av[0] < _GATE_RANGE_MAX:
            for code in range(av[0], av[1] + 1):
                char = _gate_char(code)
                if char is None:
                    return None
                chars.add(char)
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            digits = True
        else:
            return None
    return chars, digits


def _needles(items: Any) -> tuple[str, ...] | None:
    """Folded strings one of which every match of ``items`` contains; None when there are none.
    Needles hold no whitespace, so cutting text out of a line cannot create one."""
    best: tuple[str, ...] | None = None

    def consider(candidate: tuple[str, ...] | None) -> None:
        nonlocal best
        if candidate and all(candidate):
            strength = (min(map(len, candidate)), -len(candidate))
            if best is None or strength > (min(map(len, best)), -len(best)):
                best = candidate

    run = ""
    for op, av in items:
        char = _gate_char(av) if op is _c.LITERAL else None
        if char is not None and not char.isspace():
            run += char
            continue
        consider((run,))
        run = ""
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            consider(_needles(av[3]))
        elif op is _c.ATOMIC_GROUP:
            consider(_needles(av))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needles(av[2]))
        elif op is _c.BRANCH:
            alternatives = [_needles(part) for part in av[1]]
            if all(alternatives):
                consider(tuple(dict.fromkeys(n for part in alternatives for n in part or ())))
    consider((run,))
    return best


def _parse(pattern: str, flags: int) -> Any:
    try:
        return _parser.parse(pattern, flags)
    except Exception:
        return None


def _anchored_gate(
    gates: list[tuple[tuple[str, ...] | None, tuple[str, ...]]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(beginnings, needles): a line can match when it starts with one of the beginnings or
    holds one of the needles. Each pattern's gate (:func:`_pattern_gate`) adds its beginnings,
    or its needles where those say more (beginnings of one character or none); ("",) in
    beginnings lets every line through."""
    prefixes: set[str] = set()
    needles: set[str] = set()
    for starts, inside in gates:
        if starts is None:
            needles |= set(inside)
        else:
            prefixes |= set(starts)
    beginnings = ("",) if "" in prefixes else tuple(sorted(prefixes))
    return beginnings, tuple(sorted(needles))


def _pattern_gate(pattern: str) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """One anchored pattern's gate: (its folded beginnings, ()), or (None, its needles) where
    those say more than beginnings of one ASCII character or none. (A beginning such as "►", an
    archive widget's, is rarer than its needle "(".)"""
    parsed = _parse(pattern, re.IGNORECASE)
    starts = {""} if parsed is None else _prefixes(list(parsed), _PREFIX_CHARS)
    inside = None if parsed is None else _needles(parsed)
    if inside and any(len(start) == 0 or (len(start) == 1 and start.isascii()) for start in starts):
        return None, tuple(inside)
    return tuple(sorted(starts)), ()


def _needle_gate(patterns: list[str]) -> tuple[str, ...] | None:
    needles: list[str] = []
    for pattern in patterns:
        parsed = _parse(pattern, re.IGNORECASE)
        found = None if parsed is None else _needles(parsed)
        if found is None:
            return None
        needles += found
    return tuple(dict.fromkeys(needles))


# A notice speaks to the reader or for the site: "Sie", "Ihre", "wir", "unsere", "du", "ich",
# "you", "we", "our" (case-sensitive: "sie" and "ihre" are also "they" and "her"). A sentence
# of the article has this many words and ends with a sentence mark.
_READER_ADDRESS = re.compile(
    r"\b(?:Sie|Ihnen|Ihre?[mnrs]?|[Ww]ir|[Uu]ns(?:er\w*)?|[Ii]ch|mich|mir|[Dd]u|[Dd]ich|[Dd]ir"
    r"|[Dd]ein\w*|[Ee]uch|[Ee]u(?:er|re)\w*|[Yy]ou(?:r\w*)?|[Ww]e|[Oo]ur\w*|[Uu]s|I)\b"
)
_ARTICLE_SENTENCE_WORDS = 12
# A quotation speaks for the one quoted, not to the reader („Wir werden unsere
# Datenschutzerklärung prüfen“, sagte ein Sprecher): its words are left out of that test.
# Of five words or more: a button's label („Ich bin einverstanden“) is the notice's own words.
QUOTATION = re.compile(r"(?:„[^“”\"]*[“”\"]|»[^«]*«|«[^»]*»|“[^”]*”|\"[^\"]*\")")
_QUOTATION_MIN_WORDS = 5


# "Sie" that opens a sentence before a verb in the third person singular ("Sie stellte fest",
# "Sie ist", "Sie hat", "Sie kann"): "she". The reader's "Sie" takes a verb ending in -n or
# "sind" ("Sie können", "Sie sind"), or another word ("Sie als Leser").
_SHE = re.compile(
    r"(?:^|(?<=[.!?…:] ))Sie(?= (?:[^\W\d_]*[^\W\d_]te?|war|wird|wurde|kann|muss|soll|will|darf"
    r"|mag|weiß)(?:[ ,;:.!?]|$))"
)


def _unless_short(quotation: re.Match[str]) -> str:
    text = quotation.group(0)
    return " " if text.count(" ") + 1 >= _QUOTATION_MIN_WORDS else text


def _addresses_the_reader(line: str) -> bool:
    if "„" in line or "»" in line or "«" in line or "“" in line or '"' in line:
        line = QUOTATION.sub(_unless_short, line)
    if "Sie " in line:
        line = _SHE.sub(" ", line)
    return _READER_ADDRESS.search(line) is not None


_ARTICLE_SENTENCE_ENDS = (".", "!", "?", "…", '."', ".“", ".»", '!"', "!“", '?"', "?“")


def _reads_as_article_sentence(line: str) -> bool:
    return line.count(" ") + 1 >= _ARTICLE_SENTENCE_WORDS and line.endswith(_ARTICLE_SENTENCE_ENDS)


# After an anchored pattern's words, what makes the line an appeal or a label, not a stated
# sentence: a colon ("Mehr zum Thema: …", "Hier kostenlos herunterladen: …"), or "und" joining a
# second order ("Jetzt spenden und unabhängigen Journalismus möglich machen.", "Jetzt kostenlos
# testen und vier Wochen lesen."); a statement goes on with its subject ("Jetzt testen auch
# Discounter …").
_APPEAL_GOES_ON = re.compile(r"\s*[:!]|\s+und\s")
_DATED_LINES = "byline"  # its patterns start a date line, no sentence of the article
# ... unless a clause goes on after a comma: "Veröffentlicht am 3. Oktober, sorgte die Studie …"
# is article text; "Veröffentlicht am 3. Oktober 2023, aktualisiert am 4. Oktober" a date line.
_CLAUSE_AFTER_COMMA = re.compile(
    r",\s+(?!(?:aktualisiert|erstellt|veröffentlicht|zuletzt|geändert)\b)[a-zäöüß]+\s+\S"
)
# A line that states something: this many words, ending with a full stop (not an ellipsis:
# "Weitere Artikel werden geladen ..."; not a question: a teaser's headline may ask one), only
# closing quotes or brackets after it.
_STATEMENT_WORDS = 6


def _states_a_sentence(line: str) -> bool:
    end = line.rstrip(CLOSERS)
    return (
        line.count(" ") + 1 >= _STATEMENT_WORDS
        and end.endswith(".")
        and not end.endswith("..")
        and ENDS_WITH_ABBREVIATION.search(end[-_ABBREVIATION_TAIL:]) is None
    )


@dataclass(frozen=True)
class PhraseRule:
    name: str
    description: str
    # The line patterns as two alternations: those anchored at the line start (tried there only,
    # which keeps the cleaner fast on long lines) and the rest (searched anywhere).
    anchored: re.Pattern[str] | None
    floating: re.Pattern[str] | None
    span: tuple[re.Pattern[str], ...]
    # Gates: the folded beginnings (digits as _DIGIT_MARK) that an anchored match starts with
    # ("" when any), and needles for the floating and for the span patterns (None: none could be
    # built, every line is tried).
    anchored_prefixes: tuple[str, ...] = ("",)
    anchored_needles: tuple[str, ...] = ()
    floating_needles: tuple[str, ...] | None = None
    span_needles: tuple[str, ...] | None = None
    # Each anchored pattern (without its "^") and its beginnings (None: gated by its needles),
    # so that a line is tried with only the patterns that can start as it does.
    anchored_patterns: tuple[tuple[str, tuple[str, ...] | None], ...] = ()
    # Each span pattern's own needles (None: it is tried on every line span_needles lets in).
    span_gates: tuple[tuple[str, ...] | None, ...] = ()

    def matches(self, line: str) -> bool:
        return self.anchors(line) or self.floats_in(line)

    def anchors(self, line: str, anchored: re.Pattern[str] | None = None) -> bool:
        """Whether an anchored pattern takes the line.

        A pattern that takes the line's start only ("^jetzt (abonnieren|testen)\b", "^weitere
        (artikel|beiträge)\b") also starts sentences of the article ("Jetzt testen auch
        Discounter das Konzept.", "Weitere Beiträge dürften folgen, warnte der Verband."): a line
        that states a sentence (see _states_a_sentence) goes only when it addresses the reader as
        notices do ("Abonnieren Sie unseren Newsletter."); appeals ("Jetzt spenden!", "Jetzt
        spenden und … möglich machen."), labels ("Mehr zum Thema: …") and teasers without a
        full stop go as before, and so do bylines ("Aktualisiert am 5. März 2024.").
        ``anchored``: the patterns that can start as the line does (see
        ``RuleMatcher._anchored_candidates``), which match it as all of them would."""
        pattern = anchored or self.anchored
        match = pattern.match(line) if pattern else None
        if match is None:
            return False
        return (
            match.end() == len(line)
            or (self.name == _DATED_LINES and not _CLAUSE_AFTER_COMMA.search(line))
            or _APPEAL_GOES_ON.match(line, match.end()) is not None
            or not _states_a_sentence(line)
            or _addresses_the_reader(line)
        )

    def floats_in(self, line: str) -> bool:
        """Whether a floating pattern (one not anchored at the line start) takes the line.

        Such a pattern finds its words anywhere, so in a sentence of the article too ("Meta
        muss seine Datenschutzerklärung bis zum Ende des Jahres überarbeiten, urteilte das
        Gericht."): a sentence-shaped line (12 words or more) goes only when it addresses the
        reader as notices do ("Wir verwenden Cookies", "Ihre Einstellungen"), a shorter line
        whenever it matches."""
        if not (self.floating and self.floating.search(line)):
            return False
        return not _reads_as_article_sentence(line) or _addresses_the_reader(line)


def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def phrase_rules() -> dict[str, PhraseRule]:
    data = packaged_toml("boilerplate.toml")
    return {name: phrase_rule(name, table) for name, table in data.items()}


def phrase_rule(name: str, table: dict[str, Any]) -> PhraseRule:
    """A rule from its table in boilerplate.toml (``line`` and ``span`` patterns)."""
    anchored = [p[1:] for p in table.get("line", []) if p.startswith("^")]
    floating = [p for p in table.get("line", []) if not p.startswith("^")]
    spans = list(table.get("span", ()))
    # Each anchored pattern's gate once (parsing it is most of a rule's making): it was worked
    # out three times, a tenth of a second of every run that cleans an article.
    gates = [_pattern_gate(p) for p in anchored]
    prefixes, needles = _anchored_gate(gates)
    return PhraseRule(
        name=name,
        description=table.get("description", ""),
        anchored=_alternation(anchored),
        floating=_alternation(floating),
        span=tuple(re.compile(p, re.IGNORECASE) for p in spans),
        anchored_prefixes=prefixes,
        anchored_needles=needles,
        floating_needles=_needle_gate(floating) if floating else (),
        span_needles=_needle_gate(spans) if spans else (),
        anchored_patterns=tuple((p, gate[0]) for p, gate in zip(anchored, gates, strict=True)),
        span_gates=tuple(_needle_gate([p]) for p in spans),
    )


@lru_cache(maxsize=1)
def rule_matcher() -> RuleMatcher:
    return RuleMatcher(phrase_rules())


class RuleMatcher:
    """The phrase rules' verdicts on the lines of a page, gated (see ``fold``)."""

    def __init__(self, rules: dict[str, PhraseRule]) -> None:
        self.rules = rules
        # Per line start: each rule that can match it, with the alternation of only its
        # patterns that can (a rule's whole alternation tried every pattern in turn).
        self._starts: dict[str, tuple[tuple[PhraseRule, re.Pattern[str]], ...]] = {}
        self._alternations: dict[tuple[str, tuple[int, ...]], re.Pattern[str]] = {}
        spans = [r.span_needles for r in rules.values() if r.span]
        self._span_everywhere = any(needles is None for needles in spans)
        self._span_needles = _needle_list(n for ns in spans if ns for n in ns)
        self._floating = tuple(rule for rule in rules.values() if rule.floating)
        self._by_needles = tuple(r for r in rules.values() if r.anchored and r.anchored_needles)

    def _anchored_candidates(
        self, starts: list[str]
    ) -> list[tuple[tuple[PhraseRule, re.Pattern[str]], ...]]:
        """The rules whose anchored patterns can match a line, each with those patterns, for
        each line's start."""
        for start in set(starts).difference(self._starts):
            key = _digits_marked(start)
            self._starts[start] = tuple(
                (rule, self._alternation_for(rule, key))
                for rule in self.rules.values()
                if rule.anchored and key.startswith(rule.anchored_prefixes)
            )
        return list(map(self._starts.__getitem__, starts))

    def _alternation_for(self, rule: PhraseRule, key: str) -> re.Pattern[str]:
        """``rule``'s patterns gated by their beginnings that a line starting with ``key`` can
        match, in their order. A line that holds a needle of the rule's other patterns is tried
        with the whole alternation instead (see :meth:`hits`), so on the lines this one is
        tried on, the first of them that matches is the whole alternation's first. (A pattern
        gated by its needles was tried on every line: "^(\\S+\\s+){0,11}\\S*pdf …" cost more
        than all the others.)"""
        chosen = tuple(
            index
            for index, (_, starts) in enumerate(rule.anchored_patterns)
            if starts is not None and key.startswith(starts)
        )
        if (rule.name, chosen) not in self._alternations:
            patterns = [rule.anchored_patterns[index][0] for index in chosen]
            self._alternations[rule.name, chosen] = _alternation(patterns) or rule.anchored
        return self._alternations[rule.name, chosen]

    def span_candidates(self, folded: Sequence[str]) -> list[bool]:
        """Which lines a span pattern could match (the others need no span search)."""
        return _needle_flags(self._span_needles, self._span_everywhere, folded)

    def hits(self, lines: Sequence[str], folded: Sequence[str]) -> dict[str, list[bool]]:
        """Per rule, whether it matches each line (``folded``: the lines through ``fold``)."""
        hits = {name: [False] * len(lines) for name in self.rules}
        joined = _JoinedLines.of(folded)
        # The lines that hold a needle of a rule's needle-gated patterns: tried with all its
        # patterns below, so not with only those gated by the line's beginning.
        with_needles = {
            rule.name: _needle_indexes(rule.anchored_needles, joined) for rule in self._by_needles
        }
        whole = {name: set(indexes) for name, indexes in with_needles.items()}
        candidates = self._anchored_candidates([line[:_PREFIX_CHARS] for line in folded])
        for index in compress(range(len(lines)), candidates):  # lines with a candidate rule
            for rule, anchored in candidates[index]:
                if index in whole.get(rule.name, ()):
                    continue
                if rule.anchors(lines[index], anchored):
                    hits[rule.name][index] = True
        for rule in self._by_needles:
            found = hits[rule.name]
            for index in with_needles[rule.name]:
                if rule.anchors(lines[index]):
                    found[index] = True
        # Each rule's floating patterns only on the lines that hold one of its own needles:
        # with every rule's needles together, a line holding one rule's was searched by all six
        # (25,890 searches of the 588 development pages' lines instead of 4,408).
        for rule in self._floating:
            needs_search: Iterable[int] = (
                range(len(lines))
                if rule.floating_needles is None
                else _needle_indexes(rule.floating_needles, joined)
            )
            found = hits[rule.name]
            for index in needs_search:
                if not found[index]:
                    found[index] = rule.floats_in(lines[index])
        return hits


def _needle_list(needles: Iterable[str]) -> tuple[str, ...]:
    # a needle that holds another one is redundant
    unique = sorted(set(needles), key=len)
    return tuple(n for i, n in enumerate(unique) if not any(m in n for m in unique[:i]))


def _needle_flags(needles: tuple[str, ...], everywhere: bool, folded: Sequence[str]) -> list[bool]:
    flags = [everywhere] * len(folded)
    if not everywhere:
        for index in _needle_indexes(needles, _JoinedLines.of(folded)):
            flags[index] = True
    return flags


class _JoinedLines(NamedTuple):
    """Lines joined by a character no needle holds, to find each needle with str.find, which
    then skips to the next line."""

    text: str
    ends: list[int]  # each line's end in ``text`` (after its joining character)

    @classmethod
    def of(cls, lines: Sequence[str]) -> _JoinedLines:
        lengths = map(operator.add, map(len, lines), repeat(1))  # with the joining character
        return cls("\x00".join(lines), list(accumulate(lengths)))


def _needle_indexes(needles: tuple[str, ...], lines: _JoinedLines) -> list[int]:
    """The lines that hold one of ``needles``, in order."""
    found: set[int] = set()
    for needle in needles:
        at = lines.text.find(needle)
        while at >= 0:
            index = bisect_right(lines.ends, at)
            found.add(index)
            at = lines.text.find(needle, lines.ends[index])
    return sorted(found)
