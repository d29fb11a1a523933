"""The cleaner: named rules and a block classifier decide which blocks of a page are article text.

A block (a line, hard-wrapped lines joined) is kept whole or dropped whole; the only edits inside a
kept block are a clear list bullet cut from its start (rule ``bullets``) and a photo credit or app
promotion cut from its end (span rules ``credit`` and ``promo``), and each is recorded. Every
dropped block is recorded with the rule that dropped it, so ``summarize inspect`` and the brief's
appendix account for every character taken.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, pairwise
from typing import NamedTuple

import numpy as np

from summarize.clean.blocks import (
    CLOSERS,
    FINAL_MARKS,
    LETTER,
    QUOTATION,
    SENTENCE_MARKS,
    SOFT_HYPHEN,
    UNTIDIED_SPACE,
    Block,
    fold,
    fold_lowered,
    language_function_words,
    normalize_line,
    phrase_rules,
    rule_matcher,
    split_blocks,
    visible_characters,
)
from summarize.clean.features import (
    RULE_FEATURES,
    page_features,
    repeat_keys,
    word_character_flags,
)
from summarize.clean.language import is_foreign
from summarize.clean.model import BlockClassifier, packaged_model
from summarize.ingest import HTML_EXTRACTION, extraction_flags

_JOIN = "\x00"  # tidy_line removes it from every line
_NOT_WORD_RUN = re.compile(r"[^\w\n](?:(?<! )|(?=[^\w\n]))[^\w\n]*")  # not a lone space

_HEADLINE_MIN_WORDS = 4
_HEADLINE_MAX_WORDS = 30
_HEADLINE_SEARCH_LINES = 8  # a page without body text: its headline is among its first lines
_HEADLINE_BODY_GAP = 2  # a subtitle or photo caption can stand between headline and text
# Of two lines above the text, the upper is the headline only this close to the lower (in the
# page's blocks, dropped ones too): farther up, a menu stands between them, and the upper was a
# teaser's line ("Praktikum bei der Berliner Feuerwehr" 24 blocks above the headline).
_HEADLINE_PAIR_MAX_BLOCKS = 5
# A date line (byline, dateline) stands right under the headline, this close (a repeat of the
# headline that the cleaner took can stand between them).
_DATE_LINE_MAX_BLOCKS = 2
# Links of a breadcrumb or menu line ("Home » News » …", "Posts | Fashion | …"); a dash is no
# separator here: headlines use it ("Island befreit sich – der Film").
_LINK_PATH_SEPARATOR = re.compile(r"\s[|/>›»·•]\s|[›»]")
# Guillemets quote as often as they join links: "»Das ist ein Skandal«: … »Geheimdeal«" (German
# style, as Der Spiegel writes it) and "«Ja» oder «Nein»" (Swiss style) are headlines. A quoted
# span is read out before the separators are counted.
_GUILLEMET_QUOTE = re.compile(r"»[^»«\n]*«|«[^»«\n]*»|›[^›‹\n]*‹|‹[^›‹\n]*›")
# A date ("10. Februar 2019", "06.11.2023", "2023-10-25", "Oktober 25, 2023") and a byline word:
# the author's line under the headline. A date alone is no byline: event and report headlines
# carry dates ("Wochenbericht 14. - 20. Januar 2022"), and "von" inside a headline is common
# ("Rede von Bundespräsident Rau am 31. März 2004"): it counts at the start or after a comma,
# pipe or dash ("Dienstag, 13. Mai 2014, von Dr. Sebastian Brüggemann"). "Am" and a date open
# headlines too ("Am 1. Januar 2025 ändert sich …", "Am 24. Februar 2022 um 4 Uhr begann …"): a
# byline only when "um" and a clock time (with "Uhr" glued to it too: "um 14:35Uhr") or "von"
# follows the date ("am 24. Januar 2022 um 15:47", "Am 13. November 2019 Von Henry In
# Aktuell"). A date's year followed by "von" is a byline too where the date opens the line, no
# word in lower case before it ("22. Dezember 2019 von Peter Addor", "Dezember 26, 2019 von
# Andrea"; "Publiziert am 13. Januar 2014 von …" by its first word): anywhere, it took
# headlines ("Gipfel am 3. März 2024 von Protesten begleitet"), and a subtitle under the
# headline, or nothing, was the brief's title.
_DATE = re.compile(
    r"\b\d{1,2}\.\s?(?:\d{1,2}\.|\s?[A-ZÄÖÜ][a-zä]+\.?)\s?\d{2}"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b[A-ZÄÖÜ][a-zä]+ \d{1,2}, \d{4}"
)
_BYLINE = re.compile(
    r"^(?:by|von|posted|published|publiziert|veröffentlicht|geschrieben|autor(?:in)?:?)\b"
    r"|^am\b[^,:]*?\d{2}\s+(?:um\s+\d{1,2}[:.]\d{2}(?!\d)|von\b)|\bby\s+\w|[,|·•–—-]\s*von\s+\w"
    r"|^(?:(?-i:(?![a-zäöüß]))\S+\s+)*?\d{4}\s*von\s+\w",
    re.IGNORECASE,
)
# A byline without a date: "Von Anna Müller, Berlin", "Von Anna Müller und Peter Schmidt",
# "Ein Kommentar von Anna Müller". Only names follow "von", a first and a last name first
# (capitalised words, then name particles, "und", commas): "Von Merz bis Habeck: Wer …" and
# "Von Siegern und Verlierern" are headlines. Headline-shaped, a byline between the headline
# and the text was taken for the headline, or pushed it out of reach. The names can end with
# a news agency after a comma, in lowercase as the agencies write their own names ("Von David
# Hutzler, dpa", "…, dpa-AFX", "…, epd"): such a byline was a real page's title.
_CAPITALISED = r"[A-ZÄÖÜ][\w'.-]*"
_AGENCY = r"[a-z]{2,4}(?:-[A-Za-z]+)?"
_NAMES_BYLINE = re.compile(
    r"(?:(?:Ein|Eine)\s+[A-ZÄÖÜ]\w+\s+)?(?:[Vv]on|[Bb]y)"
    rf"\s+{_CAPITALISED}\s+{_CAPITALISED}(?:,?\s+(?:{_CAPITALISED}|von|van|de|der|zu|und))*"
    rf"(?:,\s*{_AGENCY})?$"
)
# Code, markup or a machine's data on the page: a PHP warning ("Deprecated: preg_replace(): … in
# /www/htdocs/…/formatting.php on line 82"), a JSON-LD block flattened into one line (values run
# together, "…drk@drk.de…https://www.drk.de/suche/?drk[q]={search_term_string}…"), a template's
# tag or an icon's name ("menukeyboard_arrow_down"), a web or e-mail address. Headline-shaped,
# such a line stood above the text and was the brief's title; a reader's headline holds none.
# Each signal is one a German headline does not use: an empty call "f()" (not the gender forms
# "Liste(n)", "Spiel(e)"), two underscores in a name (not "Kritiker_innen"), a scheme or "www."
# (not a bare site name: "Schneekarten auf Gipfelbuch.ch"), an HTML tag (not "<Nulla dies>").
_CODE_OR_ADDRESS = re.compile(
    r"https?://|\bwww\.\w|[\w.+-]+@[\w-]+\.[a-z]{2,}"  # a web or e-mail address
    r"|\w\(\)|\(\$|\$[A-Za-z_]|\w::\w"  # a call, a variable, a scope: PHP, shell, C++
    r"|\{\s*\"|\{\w+\}|\"[\w@]+\"\s*:\s*[\"{\[\d]"  # JSON, a template's placeholder
    r"|\b[A-Za-z]+_[A-Za-z]+_\w"  # an identifier: keyboard_arrow_down, PP_MULTIPLE_AUTHORS
    r"|/[\w.-]+\.(?:php|html?|js|aspx?|jsp|py|css|xml)\b"  # a file on a server
    r"|<[a-z]+(?:\s+[a-z-]+=|\s*/?>)"  # an HTML tag
)
_LABEL_MAX_WORDS = 3
_SHORT_LINE_MAX_WORDS = 5
_SHORT_RUN_MIN_LINES = 3
_LEAD_MAX_WORDS = 60
_TAIL_MIN_SHARE = 0.5  # a tail marker counts only in the last half of the text
_PARAGRAPH_MIN_WORDS = 60  # a block no tag list or teaser line reaches
_BODY_MIN_WORDS = 12  # a body-shaped block: this many words and a closing sentence mark
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
_RESCUE_MIN_WORDS = 5  # … of at least this many words with a letter
# A page needs one kept block of this many words with a letter to have an article at all; its
# numbers count as words where it has this many words with a letter, a sentence's: a page of
# "1991 endete ein Stück Eisenbahn-Historie." (a WMT segment) was "no article text left", and
# with "Damals" for its year an article. Beside a label or two they do not ("Seite 1 von 12",
# "12.03.2024 14:30 Uhr 5 Kommentare").
_ARTICLE_MIN_WORDS = _RESCUE_MIN_WORDS
_ARTICLE_NUMBERS_MIN_WORDS = 3
_HEADLINE_LOOKBACK = 4  # blocks above the first body block searched for the headline
_SUBHEADING_MAX_WORDS = 15
# A phrase rule describes a line of boilerplate ("Wir verwenden Cookies …", "Mehr zum Thema");
# a block longer than this is a page or paragraph whose line breaks were lost (copied as one
# line, an HTML page with its text in one element), and one matching sentence must not take the
# article with it: the classifier decides. The longest block a phrase rule takes on the
# development set has 118 words (a cookie notice).
_PHRASE_RULE_MAX_WORDS = 150
# A live ticker's line: a clock time (a date before it maybe), a colon or dash, then a sentence
# ("18.45 Uhr: Die Polizei sperrt die Innenstadt.", "14:30 – Der Minister tritt vor die
# Presse."). On copied pages a clock time opens comment stamps, event programmes and bylines, so
# the classifier took such lines for boilerplate where the same sentence without its time was
# text (put into the development pages: dropped 11 times in 239, without the time 3 times).
_TICKER_STAMP = re.compile(
    r"(?:\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})?,?\s+)?"
    r"(?:\d{1,2}[:.]\d{2}(?:\s?Uhr)?|\d{1,2}\s?Uhr)\s?(?::|\s[–—-])\s+"
    r"(?=[„\"»«]?[A-ZÄÖÜ])"
)
_TICKER_SENTENCE_MIN_WORDS = 4

SPAN_RULES = ("credit", "promo")
LINE_RULES = (
    "share",
    "consent",
    "navigation",
    "teaser",
    "promo",
    "donation",
    "comments",
    "byline",
    "notices",
)
STRUCTURAL_RULES = (
    "tail",
    "section_tail",
    "comment_blocks",
    "comment_threads",
    "author_box",
    "about_box",
    "duplicates",
    "short_runs",
    "fragments",
    "not_german",
    "header_labels",
    "no_article",
)
CLASSIFIER_RULE = "classifier"
BULLET_RULE = "bullets"
RULE_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys((*SPAN_RULES, *LINE_RULES, *STRUCTURAL_RULES, CLASSIFIER_RULE, BULLET_RULE))
)
# Rules that take an article's own lines above its text, not a web page's.
_ARTICLE_FURNITURE = frozenset({"header_labels", "byline"})
# The order in which rules claim a block (the first that fires is recorded).
# A section label's own line keeps its phrase rule's name ("Ähnliche Beiträge": ``teaser``).
_BLOCK_RULES = (
    "tail",
    "comment_blocks",
    "comment_threads",
    "author_box",
    "about_box",
    *LINE_RULES,
    "section_tail",
    "short_runs",
    "fragments",
    "not_german",
)
# Blunt structural rules: with the classifier on they need its P(boilerplate) >= this as well.
SOFT_RULES = frozenset({"tail", "section_tail", "short_runs", "header_labels"})
SOFT_RULE_MIN_PROBABILITY = 0.65
# After an end marker boilerplate is the rule, so there a little less doubt is enough.
TAIL_MIN_PROBABILITY = 0.6
_TAIL_RULES = frozenset({"tail", "section_tail"})
# An HTML page is cleaned whole, with the main-text extraction's verdict on each block: a block
# the extraction left out stays only where the classifier finds it clearly text, P(boilerplate)
# at most this (otherwise it is listed under EXTRACTION_RULE, as before). Chosen on the 588
# development pages, cross-validated by site: 0.02 or 0.05 in each fold (see README).
EXTRACTION_LEFT_OUT_MAX_PROBABILITY = 0.05
# The classifier's last blocks of a page stay where its first stage finds them text: below the
# doubt the soft rules need (not fitted: on the 588 development pages 0.5 and 0.65 give nothing
# back, in sample or out of fold; see _give_back_the_page_end).
PAGE_END_TEXT_MAX_PROBABILITY = SOFT_RULE_MIN_PROBABILITY
EXTRACTION_RULE = HTML_EXTRACTION  # the rule name reading an HTML file gives what it leaves out
# What took a page's metadata title that clean_text gives back (no phrase rule's verdict).
_TITLE_KEEPABLE = (CLASSIFIER_RULE, EXTRACTION_RULE, "duplicates", *SOFT_RULES)


class Dropped(NamedTuple):
    """What a rule took: a whole block or a span cut from one. A NamedTuple: a page drops
    hundreds, and one is made twice as fast as a frozen dataclass."""

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

    def unaccounted_characters(self, text: str) -> Counter[str]:
        """The visible characters of ``text`` (the page this article was cleaned from) that are
        neither in the kept text nor in the audit: empty when every removal is recorded."""
        accounted = Counter[str]()
        for piece in (self.title or "", *self.paragraphs, *(item.text for item in self.dropped)):
            accounted += visible_characters(piece)
        return visible_characters(text) - accounted


@dataclass(frozen=True)
class CleanOptions:
    enabled: bool = True
    disabled: frozenset[str] = field(default_factory=frozenset)
    # The block classifier (None: the packaged one; ``load_classifier`` reads one that
    # ``benchmarks/cleaning.py train`` wrote), and the P(boilerplate) above which it drops a
    # block (None: the model's own).
    classifier: BlockClassifier | None = field(default=None, repr=False)
    threshold: float | None = None

    def active(self, rule: str) -> bool:
        return self.enabled and rule not in self.disabled


@dataclass(frozen=True)
class PageAnalysis:
    """A page as the cleaner sees it: blocks, their text after span cuts, rule hits, features."""

    blocks: tuple[Block, ...]
    texts: tuple[str, ...]
    span_drops: tuple[tuple[int, Dropped], ...]  # (block index, what a span rule cut)
    emptied_by: tuple[str | None, ...]  # span rule that left nothing of a block
    # every rule's hits but not_german's: block_decisions asks the language check only about
    # blocks that no earlier rule claims (it is the last rule and the slowest)
    hits: dict[str, tuple[bool, ...]]
    features: np.ndarray
    duplicate_keys: tuple[str, ...]  # each text as compared for repeats
    word_counts: tuple[int, ...] = ()  # words of each text (computed when empty)


def _final(line: str) -> bool:
    return _ends_with_mark(line, FINAL_MARKS)


def _sentence_end(line: str) -> bool:
    return _ends_with_mark(line, SENTENCE_MARKS)


def _words(line: str) -> int:
    return len(line.split())


def _ends_with_mark(line: str, marks: tuple[str, ...]) -> bool:
    """A mark of ``marks`` at the end, only closing quotes or brackets after it."""
    return line.rstrip(CLOSERS).endswith(marks)


# A list item's letter: "a) Eigentümer von Einfamilienhäusern".
_LIST_LETTER = re.compile(r"[a-z]\) ")


def _goes_on_or_lists(blocks: Sequence[Block], texts: Sequence[str], index: int) -> bool:
    """Whether a short line in lower case is a list item (its bullet cut: "• etwas Salz", "- kein
    Parken auf Gehwegen"; or a letter: "a) Eigentümer …") or goes on with the sentence of the
    line above, which ends in a comma (a poem's or a list's next line: "die Felder werden grau
    und still,"). Such a line is article text as any other: the fragments rule took whole
    lists and a quoted verse's lines out of the middle of an article."""
    if blocks[index].bullet or _LIST_LETTER.match(texts[index]):
        return True
    return index > 0 and texts[index - 1].endswith(",")


# A first word of letters that starts in lower case and has a capital after one to three of them
# is a name, not a sentence's broken-off rest: "iPhone 16 kommt im Herbst", "eBay hat …", "iOS
# 18", "mRNA-Impfstoffe", "macOS". Not a capital after a hyphen ("e-Mail-Adresse angeben" goes
# on from a line above), nor run-together menu words or codes ("facebookMessengerwhatsapp",
# "ciCwPnFKk48"). A signature's "gez." ("gezeichnet"), "i. A." or "i. V." before a name starts a
# line of its own: "gez. Thomas Maier".
_NAME_START = re.compile(r"[a-zäöüß]{1,3}[A-ZÄÖÜ][^\W\d_]*(?![\w])")
_SIGNATURE_START = re.compile(r"(?:gez|i\.\s?[AV]|ppa)\.\s*[A-ZÄÖÜ]")
# A line that starts with such a name is text when it has words enough for a statement and is no
# label, form field or call to act (an infinitive at its end, lower case as German verbs are):
# "iOS App herunterladen", "ePaper lesen", "eMail *" and "eBay" stay fragments (a menu's, a
# form's), as "kWh" and "mAh" do.
_NAME_LINE_MIN_WORDS = 3
_ENDS_INFINITIVE = re.compile(r"\s[a-zäöüß]+en$")


def _fragment_start(line: str) -> bool:
    """Whether a line starts as a fragment does, in lower case, and not with a name written in
    lower case (see _NAME_START) in a line of text, nor with a signature: the fragments rule
    took an article's "iPhone 16 kommt im Herbst" and a letter's "gez. Thomas Maier"."""
    if not line[:1].islower() or _SIGNATURE_START.match(line):
        return bool(line[:1].islower()) and _SIGNATURE_START.match(line) is None
    end = line.rstrip()
    is_text = (
        len(line.split()) >= _NAME_LINE_MIN_WORDS
        and not end.endswith((":", "*"))
        and not _ENDS_INFINITIVE.search(end)
    )
    return not (is_text and _NAME_START.match(line))


# The bar between two cells of a table row, and one at either end of it: with spaces around
# it once the row is padded with a space ("2021 | 1.200 |", "Anzahlung | | 5000"); not a bar
# in a cell's text ("|--2015", "a|b").
_TABLE_CELL_BAR = re.compile(r"(?<= )\|(?= )")


def _spare_table_rows(texts: Sequence[str], fragments: list[bool]) -> None:
    """A row of figures under its table's header ("Jahr | Ausgaben | Veränderung", then "2021 |
    1.200 | +3,1 %"; cells parted by " | " as the HTML reader writes them, or as a plain-text
    table has them) is no fragment: the header stayed and its figures went. Left to the
    classifier, as any line. So is a header of figures right above a row with letters ("| 2022
    | 2023", years over "Ausgaben | 1.200 | 1.300"), its corner cell empty or left out by the
    HTML reader: the rows stayed and the years they give figures for went."""
    header_cells = 0  # the cells of the table row with letters above, through its rows
    figures_row = (-1, 0)  # the last row without letters seen, and its cells holding something
    for index, line in enumerate(texts):
        if " | " not in line:  # most lines: one cell at most, no row of a table
            header_cells = 0
            continue
        # Two cells of a row hold something: a forum's tree ("| | |--2015") is no table. An
        # empty cell counts: a row with one ("2021 | 1.200 |", its last cell empty) ended its
        # table, and the rows of figures below it went as fragments.
        parts = _TABLE_CELL_BAR.split(f" {line} ")
        filled = sum(1 for part in parts if part.strip())
        cells = len(parts) if filled >= 2 else 0
        if cells < 2 or (header_cells and cells != header_cells):
            header_cells = 0
        if cells >= 2 and LETTER.search(line):
            # Its every cell but the corner holds a figure: not a date's row over a page's
            # labels ("26 | 01 | 2022", then "Schweiz | Praxis | Video").
            above, above_filled = figures_row
            if above == index - 1 and above_filled == cells - 1:
                fragments[above] = False
            header_cells = cells
        elif cells >= 2:
            figures_row = (index, filled)
            if cells == header_cells and fragments[index]:
                fragments[index] = False


def _tail_start(
    texts: Sequence[str],
    word_counts: Sequence[int],
    short: Sequence[bool],
    marker_hits: Sequence[bool],
) -> int | None:
    """The first block with a tail marker in the last half of the page's words and after the
    first body-shaped block: a tail follows an article. A marker above every sentence of the
    page is a menu heading ("Themen" over a site's topic menu, the article below it), and a
    one-word marker right above a paragraph a breadcrumb (``_label_over_paragraph``)."""
    marked = list(compress(range(len(word_counts)), marker_hits))
    if not marked:
        return None
    below = _below_the_article_start(texts, word_counts)
    return next(
        (
            i
            for i, following in zip(marked, [*marked[1:], len(texts)], strict=True)
            if below(i) and not _label_over_paragraph(texts, word_counts, short, i, following)
        ),
        None,
    )


def _below_the_article_start(
    texts: Sequence[str], word_counts: Sequence[int]
) -> Callable[[int], bool]:
    """Whether a block stands where what follows an article stands: below the first
    body-shaped block and in the last half of the page's words (a menu's "Themen" or "Über
    uns" stands above the article)."""
    total = sum(word_counts) or 1
    words_before = list(accumulate(word_counts, initial=0))
    first_body = _first_body_block(texts, word_counts)
    return lambda index: index > first_body and words_before[index] >= _TAIL_MIN_SHARE * total


# One-word section labels that name no section of a site, so no breadcrumb: what they head
# follows an article ("Autoren" over an author's bio, "Leserkommentare" over a long comment,
# which as a breadcrumb's paragraph started no tail and was kept). "Kommentare" and "Themen"
# are a site's sections too.
_NO_SECTIONS_OF_A_SITE = frozenset(
    "quellen quellenangaben quellenverzeichnis originalpublikation autoren leserkommentare".split()
)


def _label_over_paragraph(
    texts: Sequence[str], word_counts: Sequence[int], short: Sequence[bool], marker: int, end: int
) -> bool:
    """Whether a one-word marker ("Themen") stands over a paragraph, not over a list of tags or
    links: a breadcrumb above the article (a headline, a date, a teaser between them), not its
    end. Its list is a run of short lines; a paragraph before any such run (and before the next
    marker, ``end``) is the article's. A label with a colon introduces what stands below it
    ("Pressekontakt:" over the company's profile, "Quellen:"), no breadcrumb."""
    if word_counts[marker] != 1 or texts[marker].rstrip().endswith(":"):
        return False
    if texts[marker].strip().casefold() in _NO_SECTIONS_OF_A_SITE:
        return False
    short_lines = 0
    for i in range(marker + 1, end):
        short_lines = short_lines + 1 if short[i] else 0
        if short_lines >= _SHORT_RUN_MIN_LINES:
            return False
        if word_counts[i] >= _PARAGRAPH_MIN_WORDS and _sentence_end(texts[i]):
            return True
    return False


def _comment_block_members(
    lines: Sequence[str], folded: Sequence[str], word_counts: Sequence[int]
) -> set[int]:
    """Reader comments: [user name] + date/time line + text ... + votes / 'Melden' line."""
    members: set[int] = set()
    # Gate: _COMMENT_META's first branch starts with a digit, its second holds "registriert".
    candidates = [
        index
        for index, line in enumerate(lines)
        if (line[:1].isdecimal() or "registriert" in folded[index]) and word_counts[index] <= 8
    ]
    for index in candidates:
        line = lines[index]
        if not _COMMENT_META.search(line):
            continue
        block = {index}
        if index > 0 and word_counts[index - 1] <= _LABEL_MAX_WORDS:
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


# A comment thread as comment software (WordPress, Disqus, Drupal, forum themes) prints it: per
# comment a stamp of the commenter and the date ("Aylin sagt:" over "20. November 2022 um 10:36
# Uhr", "jeuys 15. Dezember 2012 um 14:13", "malte am 18. Oktober 2023 - 19:48 Permanenter
# Link", "März 7, 2018"), the comment, then its buttons ("Antworten", "Reply", "Antwort ↓",
# "Daumen hoch0Daumen runter Antworten"); above the first one a count ("21 Comments", "11
# Antworten zu „…“", "45 Gedanken zu „…“").
_MONTHS = (
    "januar|jänner|februar|feber|märz|april|mai|juni|juli|august|september|oktober|november"
    "|dezember|january|february|march|may|june|july|october|december"
    "|jan|feb|mär|mrz|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec"
)
_STAMP_DATE = (
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})"
    rf"|\d{{1,2}}\.?\s+(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_STAMP_TIME = r"\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm|h))?"
_STAMP_TAIL = r"(?:permanenter link|permalink|antworten|reply|#\d+)"
# A stamp's date, its time and a link after it, at the line's end; the commenter's name before
# it may be glued to it ("Mathias Autor11. Dezember 2012 um 13:19"). The lookahead changes no
# match: every date starts with a digit or a month's first letter, and the search skips the
# other positions at once instead of trying each branch there (half the search's time).
_STAMP_END = re.compile(
    rf"(?=[\djfmasond]){_STAMP_DATE}(?:\s*(?:um|at|,|-|–|/|\||·)?\s*{_STAMP_TIME})?"
    rf"(?:\s*[/|]?\s*{_STAMP_TAIL})?\s*[/|]?$",
    re.IGNORECASE,
)
_STAMP_START_DATE = re.compile(rf"\s*{_STAMP_DATE}", re.IGNORECASE)
_STAMP_NAME_MAX_CHARS = 60
# From a word's start only: tried inside a word, the pattern ran to the word's end and back from
# every letter of it, a search quadratic in a long word's length (40,000 characters of it and a
# date: 37 s).
_STAMP_LAST_NAME = re.compile(r"(?<!\w)\w+,?\s+$")
_COMMENT_SAYS = re.compile(r"\s(?:sagt|says|meint|schreibt|schrieb|kommentierte)\s*:", re.I)


def _is_comment_stamp(line: str) -> bool:
    """Whether a line is a comment's stamp: "Aylin sagt:" (a date may follow), or a name
    before a date at the line's end ("malte am 18. Oktober 2023 - 19:48 Permanenter
    Link", "März 7, 2018"). The cheap tests first: most lines hold neither a colon nor a digit,
    and one pattern for name and date backtracked through every line's words (0.7 CPU s on
    the 588 development pages)."""
    if ":" in line and (says := _COMMENT_SAYS.search(line)):
        rest = line[says.end() :]
        return (
            says.start() <= _STAMP_NAME_MAX_CHARS
            and not line[:1].isspace()
            and (not rest.strip() or _STAMP_START_DATE.match(rest) is not None)
        )
    if not _DIGIT.search(line):
        return False
    found = _STAMP_END.search(line)
    if found is None:
        return False
    # No figure before the date (a headline's "(4)", "Nr. 34 vom …", a date range), but for
    # a user name's or a weekday's just before it ("RockyRider66, 26. Januar 2022 13:05").
    before = _STAMP_LAST_NAME.sub("", line[: found.start()]).rstrip(" /|·•,–-")
    return len(before) <= _STAMP_NAME_MAX_CHARS and not _DIGIT.search(before)


# An author box as blog themes and author-box plugins print it (WordPress's Twenty themes, Simple
# Author Box, tagDiv's Newspaper, MH Magazine): the author's name as its heading ("Simon Dückert",
# "Über Simon Dückert"), the bio, and the link to the author's archive naming the same person
# ("Zeige alle Beiträge von Simon Dückert →", "Alle Artikel von Tanja Karrasch", "Mehr Beiträge
# von …", "Weitere Artikel von … Alle Autoren"); or the name over its post count ("Jule Radeck
# 300 posts", "Über Steffi 1009 Artikel") and the bio below it.
_AUTHOR_ARCHIVE_LINK = re.compile(
    r"^(?:zeige alle|alle|weitere|mehr) (?:beiträge|artikel|posts) von (?P<name>[^.!?|:]{1,60}?)"
    r"(?: anzeigen)?(?: alle autoren)?\s*[→»›]?$"
    r"|^view all posts by (?P<en_name>[^.!?|:]{1,60}?)\s*[→»›]?$",
    re.IGNORECASE,
)
# The WordPress themes' link at the end of the bio's own line ("Life is not digital. … Zeige
# alle Beiträge von Cem Basman"): its wording is the theme's, not a writer's.
_AUTHOR_ARCHIVE_LINK_AFTER_BIO = re.compile(
    r"\s(?:zeige alle beiträge von|view all posts by) [^.!?|:]{1,60}?\s*[→»›]?$", re.IGNORECASE
)
# A name opens with no article or demonstrative: "Die Verfassung 146 Artikel" is a heading of
# the text (and its "first name" "Die" is in every German paragraph). Nor with a word that
# hedges a count: "Über 300 Artikel" (and "Rund 300 Beiträge") took "Über" for the name, found
# in a paragraph below that opens "Über die Jahre …", and both went as an author box.
_AUTHOR_POST_COUNT = re.compile(
    r"^(?:Über |About )?"
    r"(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Einer|Dieser|Diese|Dieses|The|A|An|This"
    r"|Über|About|Rund|Fast|Knapp|Gut|Mehr|Etwa|Circa|Ca|Insgesamt|Bereits|Schon|Nur|Noch"
    r"|Over|Around|Nearly|Almost|More|Some)\b)"
    r"(?P<name>[A-ZÄÖÜ][\w.'’-]*(?: [A-ZÄÖÜ][\w.'’-]*){0,3})"
    r" (?P<count>\d[\d.]*) (?:posts|artikel|beiträge|Posts|Artikel|Beiträge)$"
)
_AUTHOR_BOX_MAX_BIO_BLOCKS = 4  # bio paragraphs and profile links between heading and link
_AUTHOR_BIO_MAX_WORDS = 120


def _first_body_block(texts: Sequence[str], word_counts: Sequence[int]) -> int:
    """The index of the page's first body-shaped block (its length when none)."""
    return next(
        (
            i
            for i, (line, words) in enumerate(zip(texts, word_counts, strict=True))
            if words >= _BODY_MIN_WORDS and _sentence_end(line)
        ),
        len(texts),
    )


# Gate: a line that one of the three patterns above takes holds one of these words, folded (see
# ``fold``): the links' and the post count's noun. Most lines hold none and are not searched.
_AUTHOR_BOX_WORDS = ("artikel", "beiträge", "posts")


def _author_box_members(
    texts: Sequence[str], word_counts: Sequence[int], folded: Sequence[str]
) -> set[int]:
    """The blocks of an author box: heading, bio and archive link (see _AUTHOR_ARCHIVE_LINK).
    A link counts only under a heading that names the author (the name alone, or after "Über"
    / "About") at most _AUTHOR_BOX_MAX_BIO_BLOCKS blocks above; a post count only over a bio
    that names the author's first name. All below the article's first body-shaped block: a
    byline of the name alone over a short article and "Weitere Artikel von <name>" under it
    are no box (the whole article went as its bio). ``folded``: the texts through ``fold``."""
    members: set[int] = set()
    first_body = _first_body_block(texts, word_counts)
    candidates = [
        index
        for index, line in enumerate(folded)
        if index > first_body
        and (
            _AUTHOR_BOX_WORDS[0] in line
            or _AUTHOR_BOX_WORDS[1] in line
            or _AUTHOR_BOX_WORDS[2] in line
        )
    ]
    for index in candidates:
        line = texts[index].strip()
        if (
            _AUTHOR_ARCHIVE_LINK_AFTER_BIO.search(line)
            and len(line.split()) <= _AUTHOR_BIO_MAX_WORDS
        ):
            members.add(index)
            continue
        if link := _AUTHOR_ARCHIVE_LINK.match(line):
            name = (link["name"] or link["en_name"]).strip().casefold()
            headings = {name, f"über {name}", f"about {name}"}
            lowest = max(first_body, index - 2 - _AUTHOR_BOX_MAX_BIO_BLOCKS)
            for above in range(index - 1, lowest, -1):
                if texts[above].strip().rstrip(":").casefold() in headings:
                    members.update(range(above, index + 1))
                    break
            continue
        if (count := _AUTHOR_POST_COUNT.match(line)) and index + 1 < len(texts):
            bio = texts[index + 1]
            first_name = count["name"].split()[0]
            # A bio never repeats its author's post count; a text that names the count is about
            # the thing counted ("Grundgesetz 146 Artikel" over "Das Grundgesetz hat heute 146
            # Artikel, …").
            if (
                re.search(rf"\b{re.escape(first_name)}\b", bio)
                and not re.search(rf"(?<![\d.]){re.escape(count['count'])}(?![\d])", bio)
                and len(bio.split()) <= _AUTHOR_BIO_MAX_WORDS
            ):
                members.update((index, index + 1))
    return members


# A site's or writer's self-description as sidebars, footers and blog themes print it: a heading
# ("Über uns", "Wir über uns", "Über mich", "Über den Autor", "Wer schreibt hier?"; the phrase
# table ``about_box`` in boilerplate.toml), maybe the writer's name, and a paragraph or a few
# about the site or the writer ("Seit 50 Jahren sind wir als Knabenchor aktiv. …", "In diesem
# Blog schreiben Teufel-Kollegen …", "Hat das Sammel-Gen von ihrem Opa geerbt, …"). The
# classifier reads them as prose and kept them.
_ABOUT_BIO_MIN_WORDS = 6
_ABOUT_MAX_BIO_BLOCKS = _AUTHOR_BOX_MAX_BIO_BLOCKS
# A sentence inside a block: its signature may end the block without a mark ("… Viel Spaß beim
# Lesen! Eure Teufel Blog Redaktion").
_SENTENCE_INSIDE = re.compile(r"[.!?…][\"“”»«]?\s+[A-ZÄÖÜ]")
# A heading that asks who writes ("Wer schreibt hier?", "Wer hat das geschrieben?") is also an
# article's own subheading (a report on an anonymous letter asks "Wer hat das geschrieben?" over
# the police's search): below it only a writer's name, or a writer speaking of themselves,
# outside a quotation and the paper's "unserer Redaktion" ("Hallo, ich bin Anna …", "Hier sind
# meine Texte …"), is a self-description.
# "Wer hat diesen Artikel geschrieben?" names the page's own article: a box's heading alone.
_ASKS_WHO_WRITES = re.compile(r"^wer (?:(?:schreibt|bloggt) hier|hat das geschrieben)\b", re.I)
_FIRST_PERSON = re.compile(
    r"\b(?:ich|mich|mir|meine?[mnrs]?|wir|uns|unsere?[mnrs]?)\b", re.IGNORECASE
)
# A newspaper speaking of itself is no writer's voice: "der Brief, der unserer Redaktion
# vorliegt", "sagte er unserer Zeitung", "wie wir berichteten" in a report under the question.
_PRESS_SELF_REFERENCE = re.compile(
    r"\bunsere?[mnrs]?\s+(?:Redaktion|Zeitung)\b|\bwie wir\s+(?:\w+\s+)?berichte(?:t|te)n\b",
    re.IGNORECASE,
)


def _about_box_members(
    texts: Sequence[str], word_counts: Sequence[int], heading_hits: Sequence[bool]
) -> set[int]:
    """The blocks of self-descriptions below the article's start (``_below_the_article_start``):
    a heading (``heading_hits``), a name of at most _LABEL_MAX_WORDS words maybe, and the
    sentences right below, at most _ABOUT_MAX_BIO_BLOCKS blocks of _ABOUT_BIO_MIN_WORDS to
    _AUTHOR_BIO_MAX_WORDS words. A heading over no sentence is a menu's item ("Über uns" over
    "Kontakt") and takes nothing."""
    headings = list(compress(range(len(texts)), heading_hits))
    if not headings:
        return set()
    below = _below_the_article_start(texts, word_counts)
    n = len(texts)

    def reads_as_sentences(index: int) -> bool:
        words = word_counts[index]
        return _ABOUT_BIO_MIN_WORDS <= words <= _AUTHOR_BIO_MAX_WORDS and (
            _sentence_end(texts[index])
            or (words >= _BODY_MIN_WORDS and _SENTENCE_INSIDE.search(texts[index]) is not None)
        )

    members: set[int] = set()
    for heading in filter(below, headings):
        bio = heading + 1
        if (
            bio + 1 < n
            and word_counts[bio] <= _LABEL_MAX_WORDS
            and not _final(texts[bio])
            and reads_as_sentences(bio + 1)
        ):
            bio += 1  # the writer's name over the bio
        end = bio
        while end < n and end - bio < _ABOUT_MAX_BIO_BLOCKS and reads_as_sentences(end):
            end += 1
        if (
            _ASKS_WHO_WRITES.match(texts[heading].strip()) is not None
            and bio == heading + 1
            and not any(
                _FIRST_PERSON.search(_PRESS_SELF_REFERENCE.sub("", QUOTATION.sub("", texts[index])))
                for index in range(bio, end)
            )
        ):
            continue  # an article's question over its own report, no writer's name or voice
        if end > bio:
            members.update(range(heading, end))
    return members


# No "Permalink" / "Permanenter Link" on a line of its own: a live blog prints it under each
# dated entry ("7. Dezember 2026, 14:32 Uhr", the entry, "Permalink"), and the whole ticker went
# as a thread. On a comment's stamp line it still ends the stamp (_STAMP_TAIL).
_COMMENT_BUTTON = re.compile(
    r"(?:^|\s)(?:antworten|antwort\s*↓|reply|melden|kommentar melden|zitieren)\s*↓?$",
    re.IGNORECASE,
)
# "Antworten", "Gedanken", "Reaktionen" and "responses" are a news heading's words too ("Drei
# Reaktionen auf das Urteil" over quoted tweets, "Fünf Gedanken zum Pokal-Aus" over a column):
# counted as comment software counts them only, in digits ("11 Antworten", "45 Gedanken zu
# „…“", "3 Responses to …"), alone or before "zu" / "to" / "on", or "auf" and a quotation mark.
# So is a count of comments in words: "Ein Kommentar von Anna Schmidt" (or "… zum Urteil") labels
# an opinion piece, and with its date line and a quoted tweet below it vouched for a thread, the
# whole piece went; comment software writes "Ein Kommentar" alone or over „…“ ("Ein Kommentar
# zu „…“").
_COMMENT_COUNT = re.compile(
    r"^\d+\s+(?:kommentare?|comments?|leserbriefe?)\b"
    r"|^(?:ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn)\s+"
    r"(?:kommentare?|leserbriefe?)(?:\s*:?$|\s+(?:zu|auf)\s+[„\"“”»«‚‘'])"
    r"|^\d+\s+(?:antworten|gedanken|responses?|reaktionen|replies)"
    r"(?:\s*$|\s+(?:zu|to|on)\s|\s+auf\s+[„\"“”»«‚‘'])"
    r"|^(?:kommentare|leserkommentare|comments)\s*(?:\(\d+\))?:?$",
    re.IGNORECASE,
)
# The number of a count ("21 Comments", "Kommentare (34)"), not one in the title after it ("Ein
# Kommentar zu „Folge 70“").
_COUNTED_COMMENTS = re.compile(r"^\d+|(?<=\()\d+(?=\)\s*:?$)")
_STAMP_MAX_WORDS = 12  # a stamp is a line of name, date and time
_BUTTON_MAX_WORDS = 6
_THREAD_MAX_GAP = 30  # the most blocks from one comment's stamp to the next
_COUNT_LOOKBACK = 3  # blocks above the first stamp searched for the comment count


def _comment_thread_members(texts: Sequence[str], word_counts: Sequence[int]) -> set[int]:
    """A run of reader comments below the article, whole: from the first commenter's stamp (and
    the count or name above it) to the last comment's button. A stamp counts where comment
    software shows itself: a "… sagt:" line over its date, a button below it before the next
    stamp, or the comment count above the run; two stamps at least, each within
    _THREAD_MAX_GAP blocks of the last, and all of them below the article's first body-shaped
    block (a byline's date above the text is no comment)."""
    n = len(texts)
    first_body = _first_body_block(texts, word_counts)
    stamps = [
        i
        for i in range(first_body + 1, n)
        if word_counts[i] <= _STAMP_MAX_WORDS and _is_comment_stamp(texts[i].strip())
    ]
    if len(stamps) < 2:
        return set()
    buttons = [
        word_counts[i] <= _BUTTON_MAX_WORDS and bool(_COMMENT_BUTTON.search(texts[i].strip()))
        for i in range(n)
    ]

    def button_after(stamp: int, limit: int) -> int | None:
        return next((i for i in range(stamp + 1, min(limit, n)) if buttons[i]), None)

    members: set[int] = set()
    run: list[int] = []
    for stamp, following in zip(stamps, [*stamps[1:], None], strict=True):
        run.append(stamp)
        if following is not None and following - stamp <= _THREAD_MAX_GAP:
            continue
        members |= _thread_span(texts, word_counts, run, buttons, button_after)
        run = []
    return members


def _comment_count_above(
    texts: Sequence[str], word_counts: Sequence[int], stamp: int
) -> int | None:
    """The comment count ("21 Comments", "11 Antworten zu „…“") just above a stamp, if any."""
    return next(
        (
            i
            for i in range(stamp - 1, max(stamp - 1 - _COUNT_LOOKBACK, -1), -1)
            if word_counts[i] <= _STAMP_MAX_WORDS and _COMMENT_COUNT.search(texts[i].strip())
        ),
        None,
    )


def _says_over_date(texts: Sequence[str], stamp: int) -> bool:
    """Whether a stamp is a "<name> sagt:" with its date on it or on the next block, as comment
    software prints it ("Aylin sagt:" over "20. November 2022 um 10:36 Uhr")."""
    says = _COMMENT_SAYS.search(texts[stamp])
    if says is None:
        return False
    if texts[stamp][says.end() :].strip():
        return True
    return stamp + 1 < len(texts) and _STAMP_START_DATE.match(texts[stamp + 1]) is not None


def _thread_span(
    texts: Sequence[str],
    word_counts: Sequence[int],
    run: Sequence[int],
    buttons: Sequence[bool],
    button_after: Callable[[int, int], int | None],
) -> set[int]:
    """The blocks of one run of stamps, when comment software shows itself in it. The stamps
    above the first that shows it are the article's: the post's own date line ("Redaktion 1.
    November 2023 10:29" below the lead) and quoted tweets ("— Carline Mohr (@Mohrenpost) 27.
    August 2018"), and a byline's date under a count of the comments beside it ("3
    Kommentare"); where none shows it, a comment count above the first vouches for them, if
    the run has a stamp for each comment it counts."""
    limits = [*run[1:], run[-1] + _THREAD_MAX_GAP]
    shown = [
        _says_over_date(texts, stamp) or button_after(stamp, limit) is not None
        for stamp, limit in zip(run, limits, strict=True)
    ]
    counted = _comment_count_above(texts, word_counts, run[0])
    # A count above a stamp that does not show the software vouches for none: news sites print
    # "12 Kommentare" (a link to them) beside the byline, whose date is a stamp, and from the
    # count down the whole article went with the thread below it. The thread starts at the
    # first stamp that shows the software then, counted or not.
    if not shown[0] and any(shown):
        first = shown.index(True)
        run, shown = run[first:], shown[first:]
        counted = _comment_count_above(texts, word_counts, run[0])
    # A count alone vouches for a run with a stamp for each comment it counts at least (a
    # byline's date and a dated subheading under "12 Kommentare" are two stamps, no thread).
    # "Kommentare" without a number is an opinion section's name too, over a byline: alone it
    # vouches only beside a stamp that shows the software.
    if counted is not None and sum(shown) < 2:
        said = _COUNTED_COMMENTS.search(texts[counted].strip())
        if int(said[0]) > len(run) if said is not None else not any(shown):
            counted = None
    if len(run) < 2 or (sum(shown) < 2 and counted is None):
        return set()
    start = run[0]
    end = button_after(run[-1], run[-1] + _THREAD_MAX_GAP)
    if end is None:  # the last comment's text: its sentences below the stamp
        # No longer than the run's longest comment (one block at least): sentences to the
        # page's end would take whatever article text follows (an "Update" paragraph, a second
        # article) along with the last comment wherever a thread was wrongly vouched for.
        # An earlier comment: every block from its stamp to its button (or the next stamp),
        # a greeting and a signature ("Mit freundlichen Grüßen", "E. Hinrichs") included.
        longest = max(
            (button_after(stamp, following) or following) - stamp - 1
            for stamp, following in pairwise(run)
        )
        end = run[-1]
        last = min(len(texts) - 1, run[-1] + max(longest, 1))
        while end < last and _sentence_end(texts[end + 1]):
            end += 1
    if counted is not None:
        start = counted
    elif start > 0 and word_counts[start - 1] <= _LABEL_MAX_WORDS and not buttons[start - 1]:
        start -= 1  # the commenter's name above the date
    return set(range(start, end + 1))


def _short_run_members(short: Sequence[bool]) -> set[int]:
    members: set[int] = set()
    run: list[int] = []
    for index, is_short in enumerate([*short, False]):  # sentinel closes the last run
        if is_short:
            run.append(index)
            continue
        if len(run) >= _SHORT_RUN_MIN_LINES:
            members.update(run)
        run = []
    return members


def _folded_duplicate_keys(page: str, separator: str) -> list[str]:
    """Each line as compared for repeats: its case-folded words (runs of \\w) joined by a space.
    ``page``: the lines' case-folded text joined by ``separator``, a character that is no word
    character and that no line holds."""
    # One pass over the page: every run of non-word characters becomes one space, as
    # _NOT_WORD_RUN.sub(" ", page) does (tests/test_clean_fast_paths.py), with whole-array steps.
    codes = np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    other = ~word_character_flags(page) & (codes != ord(separator))
    run_start = other.copy()
    run_start[1:] &= ~other[:-1]
    spaced = np.where(other, np.uint32(ord(" ")), codes)[~other | run_start]
    keys = spaced.tobytes().decode("utf-32-le", "surrogatepass").split(separator)
    return list(map(str.strip, keys))


def _duplicate_flags(keys: Sequence[str]) -> list[bool]:
    """Whether each key came before (the first index of each key is kept)."""
    first: dict[str, int] = {}
    return [first.setdefault(key, index) != index for index, key in enumerate(keys)]


# A figure with its sign and separators as written.
_FIGURE = re.compile(r"[-+−±]?\d[\d.,:/]*")


def _with_figures(keys: Sequence[str], texts: Sequence[str]) -> list[str]:
    """Each line's repeat key with its figures as written: the key reads words only, and
    "-3,1 Prozent im Vergleich zum Vorjahresmonat." (imports) went as a repeat of "+3,1 Prozent
    …" (exports) above it."""
    # Only a text with a digit is searched for figures: _FIGURE's optional sign makes the
    # regex engine try it at every position, and four texts in five hold no digit.
    return [
        f"{key}\n{' '.join(figures)}"
        if _DIGIT.search(text) and (figures := _FIGURE.findall(text))
        else key
        for key, text in zip(keys, texts, strict=True)
    ]


# The most spans one rule cuts from one line. A caption holds one or two credits (two at most on
# the 588 development pages); each cut searches the line again, so a line of thousands of
# repeated credits took minutes (40 KB: 26 s), and what is past the cap stays in the line, text
# for the other rules and the classifier to weigh, never lost.
_MAX_CUTS_PER_LINE = 8


def _cut_spans(
    text: str,
    rule: str,
    patterns: Sequence[re.Pattern[str]],
    cuts: list[Dropped],
    gates: Sequence[tuple[str, ...] | None] | None = None,
) -> str:
    """``text`` less what ``patterns`` cut (each cut appended to ``cuts``). ``gates``: each
    pattern's needles (PhraseRule.span_gates), one of which the folded text holds wherever the
    pattern matches: a pattern is searched only where it could match (of the three credit
    patterns one needs "©" and one a caption's word, and each was searched on every line that
    held any of them)."""
    # Until no pattern matches: a cut can bare another credit at the line's end ("… leben.
    # (Symbolbild) Foto: pixabay" loses "Foto: pixabay", then "(Symbolbild)").
    cutting = True
    made = 0
    folded = "" if gates is None else fold(text)
    while cutting and made < _MAX_CUTS_PER_LINE:
        cutting = False
        for index, pattern in enumerate(patterns):
            if made == _MAX_CUTS_PER_LINE:
                break
            gate = None if gates is None else gates[index]
            if gate is not None and not any(map(folded.__contains__, gate)):
                continue  # the search would find nothing
            match = pattern.search(text)
            # one inside a sentence is passed over for a later one ("Wer die Corona-Warn-App
            # … herunterladen. … Die Tagesspiegel-App: … herunterladen.")
            while match and _span_in_sentence(text, match):
                match = pattern.search(text, match.start() + 1)
            if match and match.group(0).strip():
                cuts.append(Dropped(rule, match.group(0).strip()))
                text = (text[: match.start()] + " " + text[match.end() :]).strip()
                if gates is not None:
                    folded = fold(text)
                cutting = True
                made += 1
    return text


_OPENING_MARKS = '„"»«‚‘“(['
# After a label's colon, a quotation: a headline's ("Scholz in der Bild: „Ich bleibe …“"),
# never a credit's name.
_QUOTATION_AFTER_LABEL = re.compile(r"^[^\W\d_]+\s*:\s*[„\"»«‚‘“]")


def _last_words(text: str, end: int, count: int) -> list[str]:
    """The last ``count`` words of ``text[:end]`` (all of them where it holds fewer), read from a
    window before ``end`` that widens until it holds them: splitting all of ``text[:end]`` for
    each match made a line of many matches quadratic."""
    size = 64
    while True:
        start = max(0, end - size)
        words = text[start:end].split()
        # a word cut at the window's start is not whole: one more than asked for is needed
        if start == 0 or len(words) > count:
            return words[-count:]
        size *= 4


def _span_in_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether a span pattern's match that starts with a word is part of the sentence before it
    rather than a credit or a promotion put after it: a German function word goes on into it
    ("Scholz in der Bild: …", "hinter dem Foto: …", "Im Video: …", "Wer die Corona-Warn-App …
    herunterladen"), or a word in lowercase without a mark after it, a verb, adverb or
    adjective of the sentence ("Polizei veröffentlicht Video: …", "alle Bürger sollten die
    Corona-Warn-App … herunterladen."; a caption's credit follows a sentence's end or a noun,
    "… in Berlin Foto: dpa"), or a quotation follows its label. Such a cut edited the sentence
    ("Scholz in der" was left)."""
    span = match.group(0).lstrip()
    if _closes_a_bracket_before(text[: match.start()], span):
        return True
    if not span[:1].isalpha():  # "©", "(Foto: …)", a dash before the credit: no sentence
        return False
    before = _last_words(text, match.start(), 2)
    if not before:
        return _QUOTATION_AFTER_LABEL.match(span) is not None
    # the word as it stands: one that ends with a mark ("ab.", "Berlin,") ends its sentence or
    # clause there
    word = before[-1].lstrip(_OPENING_MARKS)
    goes_on = word[:1].islower() and word[-1:].isalnum()
    return (
        goes_on
        or word.lower() in language_function_words()[0]
        or _QUOTATION_AFTER_LABEL.match(span) is not None
        or _headline_label(before, span)
    )


def _closes_a_bracket_before(before: str, span: str) -> bool:
    """Whether ``span`` closes a bracket opened before it: a source named inside a parenthesis
    ("(…, errechnet aus …, Quelle: Deutsche Bundesbank vom 05.03.18)") is the sentence's, and
    cutting it left the parenthesis open."""
    return any(
        before.count(opening) > before.count(closing)
        and span.count(closing) > span.count(opening)
        # "(© FEI/Christophe Taniere)": the bracket holds the credit alone
        and any(ch.isalnum() for ch in before[before.rfind(opening) + 1 :])
        for opening, closing in ("()", "[]")
    )


# A headline's label: an adjective alone at the block's start, its ending the label's ("Neues
# Video:", "Neue Grafik:", "Erste Bilder:"), then a sentence. A caption's words before its credit
# are nouns ("Olaf Scholz Foto: Bernd von Jutrczenka/dpa", "Symbolbild Foto: Bild von Gerd
# Altmann auf Pixabay"), and a credit may hold a function word ("von", "auf"), so both are asked
# for; where a noun in -e still passes, a credit is kept, and no headline is lost.
_HEADLINE_ADJECTIVE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*(?:e|es)")


def _headline_label(before: Sequence[str], span: str) -> bool:
    """Whether a span pattern's label ends a headline's first word rather than starting a
    credit: "Neues Video: Der Trainer tanzt nach dem Schlusspfiff" lost all but "Neues"."""
    if len(before) != 1 or not _HEADLINE_ADJECTIVE.fullmatch(before[0]):
        return False
    german = language_function_words()[0]
    after_label = span.partition(":")[2].split()
    return any(word in german for word in after_label if word.islower())


class _SpanCuts(NamedTuple):
    """What the span rules cut from a page's blocks."""

    drops: list[tuple[int, Dropped]]  # (block index, what a span rule cut)
    emptied_by: list[str | None]  # span rule that left nothing of a block
    cut_blocks: list[int]  # blocks a span rule cut something from (and left text in)


def analyse(text: str, options: CleanOptions) -> PageAnalysis:
    """Blocks, span cuts, the rules' hits and the classifier's features for one page."""
    blocks = tuple(split_blocks(text, strip_bullets=options.active(BULLET_RULE)))
    n = len(blocks)
    texts = [block.text for block in blocks]
    # Folded once per page for the rules' gates; the blocks never hold the joining character.
    lowered_page = _JOIN.join(texts).lower()  # the features' words too, if no span is cut
    folded = fold_lowered(lowered_page).split(_JOIN) if blocks else []
    cuts = _cut_page_spans(texts, folded, options)
    word_counts = _word_counts(text, texts, cuts.cut_blocks)
    read, read_folded = _without_soft_hyphens(texts, folded, lowered_page)
    matched = rule_matcher().hits(read, read_folded)
    _unmatch_long_blocks(matched, word_counts)
    hits = _phrase_hits(matched, cuts.emptied_by)
    short = [  # as _final, inlined: most blocks are short
        words <= _SHORT_LINE_MAX_WORDS and not line.rstrip(CLOSERS).endswith(FINAL_MARKS)
        for line, words in zip(texts, word_counts, strict=True)
    ]
    start = _tail_start(texts, word_counts, short, matched["tail"])
    hits["tail"] = (False,) * n if start is None else (False,) * start + (True,) * (n - start)
    # A section label ("Siehe auch", "Quellen:", "Kommentare") starts a tail as an end marker
    # does; a rule of its own, not the classifier's ``tail`` feature, which it learnt without.
    start = _tail_start(texts, word_counts, short, matched["section_tail"])
    hits["section_tail"] = (
        (False,) * n if start is None else (False,) * start + (True,) * (n - start)
    )
    hits["comment_blocks"] = _flags(n, _comment_block_members(read, read_folded, word_counts))
    hits["comment_threads"] = _flags(n, _comment_thread_members(read, word_counts))
    hits["author_box"] = _flags(n, _author_box_members(read, word_counts, read_folded))
    hits["about_box"] = _flags(n, _about_box_members(read, word_counts, matched["about_box"]))
    # The page case-folded once, for both kinds of repeat key (after the span rules' cuts, so
    # joined again).
    folded_page = _JOIN.join(texts).casefold()
    duplicate_keys = tuple(
        _with_figures(_folded_duplicate_keys(folded_page, _JOIN), texts) if n else ()
    )
    hits["duplicates"] = tuple(_duplicate_flags(duplicate_keys))
    hits["short_runs"] = _flags(n, _short_run_members(short))
    # A short line starting in lower case, and one without a letter (numbers, separators); a
    # line that starts with a letter (isalpha: in LETTER's class) needs no search.
    fragments = [
        (is_short and _fragment_start(line) and not _goes_on_or_lists(blocks, texts, index))
        or not (line[:1].isalpha() or LETTER.search(line))
        for index, (line, is_short) in enumerate(zip(texts, short, strict=True))
    ]
    _spare_table_rows(texts, fragments)
    hits["fragments"] = tuple(fragments)
    if SOFT_HYPHEN in lowered_page:
        # The classifier reads the words as a reader sees them: "Persön\u00adlichkeit" is
        # "Persönlichkeit" (its features count known words, repeats, page vocabulary). A
        # line of soft hyphens alone is read as it is: read without them it is empty, and
        # the features, which read each block's first and last character, failed the article.
        seen = [line or whole for line, whole in zip(read, texts, strict=True)]
        features = page_features(
            blocks, {name: hits[name] for name in RULE_FEATURES}, seen, word_counts
        )
    else:
        features = page_features(
            blocks,
            {name: hits[name] for name in RULE_FEATURES},
            texts,
            word_counts,
            _feature_repeat_keys(text, texts, folded_page, cuts.cut_blocks),
            None if cuts.cut_blocks else lowered_page,
        )
    return PageAnalysis(
        blocks,
        tuple(texts),
        tuple(cuts.drops),
        tuple(cuts.emptied_by),
        hits,
        features,
        duplicate_keys,
        tuple(word_counts),
    )


# Site builders break their menus' words with soft hyphens (the Government Site Builder writes
# "Kon\u00adtakt", "Im\u00adpres\u00adsum"), invisible on the page: the phrase rules read the
# lines without them (SOFT_HYPHEN), or no pattern takes such a line.


def _without_soft_hyphens(
    texts: list[str], folded: list[str], lowered_page: str
) -> tuple[list[str], list[str]]:
    """``texts`` and their ``folded`` forms as the phrase rules read them (see SOFT_HYPHEN)."""
    if SOFT_HYPHEN not in lowered_page:  # most pages: the lines as they are
        return texts, folded
    return [t.replace(SOFT_HYPHEN, "") for t in texts], [f.replace(SOFT_HYPHEN, "") for f in folded]


def _cut_page_spans(texts: list[str], folded: list[str], options: CleanOptions) -> _SpanCuts:
    """Cuts what the active span rules match from the blocks (``texts`` and their ``folded``
    forms, in place); a block they leave without text is the rule's to drop whole."""
    rules = phrase_rules()
    n = len(texts)
    span_drops: list[tuple[int, Dropped]] = []
    emptied_by: list[str | None] = [None] * n
    cut_blocks: list[int] = []
    # Only the blocks a span pattern could match are searched for spans.
    for index in compress(range(n), rule_matcher().span_candidates(folded)):
        line = texts[index]
        emptied: str | None = None
        for name in SPAN_RULES:
            if not options.active(name):
                continue
            cuts: list[Dropped] = []
            line = _cut_spans(line, name, rules[name].span, cuts, rules[name].span_gates)
            span_drops += [(index, cut) for cut in cuts]
            if emptied is None and cuts and not (LETTER.search(line) or _has_digit(line)):
                emptied = name
        emptied_by[index] = emptied
        if emptied is None and line != texts[index]:
            texts[index] = line
            folded[index] = fold(line)
            cut_blocks.append(index)
    return _SpanCuts(span_drops, emptied_by, cut_blocks)


def _word_counts(text: str, texts: Sequence[str], cut_blocks: Sequence[int]) -> list[int]:
    """Each block's words, counted without splitting where the page's blocks are tidied."""
    if UNTIDIED_SPACE in text:
        return [len(line.split()) for line in texts]
    # A tidied block's words are its spaces plus one (see UNTIDIED_SPACE); a cut one is split.
    word_counts = [line.count(" ") + 1 for line in texts]
    for index in cut_blocks:
        word_counts[index] = len(texts[index].split())
    return word_counts


def _unmatch_long_blocks(matched: dict[str, list[bool]], word_counts: Sequence[int]) -> None:
    """No phrase rule matches a block too long to be a line of boilerplate (see
    _PHRASE_RULE_MAX_WORDS): one matching sentence must not take the article with it."""
    for index, words in enumerate(word_counts):
        if words > _PHRASE_RULE_MAX_WORDS:  # rare: most pages have no such block
            for row in matched.values():
                row[index] = False


def _phrase_hits(
    matched: dict[str, list[bool]], emptied_by: Sequence[str | None]
) -> dict[str, tuple[bool, ...]]:
    """The line rules' hits, and ``credit``'s with the blocks its cuts emptied."""
    hits: dict[str, tuple[bool, ...]] = {}
    for name in LINE_RULES:
        hits[name] = tuple(matched[name])
    credit = matched["credit"]
    for index in compress(range(len(emptied_by)), emptied_by):  # the few blocks a span emptied
        credit[index] = credit[index] or emptied_by[index] == "credit"
    hits["credit"] = tuple(credit)
    return hits


def _feature_repeat_keys(
    text: str, texts: Sequence[str], folded_page: str, cut_blocks: Sequence[int]
) -> list[str]:
    """Each block as the features compare it for repeats, taken from the folded page where the
    page's blocks are tidied (no second pass over the blocks)."""
    if UNTIDIED_SPACE in text:
        return repeat_keys(texts)
    # Tidied blocks have single inner spaces and no other white space, and case folding adds
    # none (tests check every code point): each folded block is its key already.
    keys = folded_page.split(_JOIN)
    for index in cut_blocks:
        keys[index] = " ".join(keys[index].split())
    return keys


def _ticker_sentences(texts: Sequence[str]) -> dict[int, str]:
    """The blocks that are a live ticker's line (see _TICKER_STAMP), each with its sentence
    without the time: a full sentence, a German function word in it."""
    german = language_function_words()[0]
    found: dict[int, str] = {}
    for index, text in enumerate(texts):
        if not text[:1].isdecimal():  # most blocks: no search
            continue
        stamp = _TICKER_STAMP.match(text)
        if stamp is None:
            continue
        rest = text[stamp.end() :]
        words = rest.split()
        if (
            len(words) >= _TICKER_SENTENCE_MIN_WORDS
            and _final(rest)
            and any(word.strip(CLOSERS + "„,;:").lower() in german for word in words)
        ):
            found[index] = rest
    return found


def _features_without(page: PageAnalysis, replaced: dict[int, str]) -> np.ndarray:
    """The page's features with the texts of some blocks replaced (the rules' hits as they
    were)."""
    texts = list(page.texts)
    blocks = list(page.blocks)
    for index, text in replaced.items():
        texts[index] = text
        blocks[index] = blocks[index]._replace(text=text)
    return page_features(
        blocks,
        {name: page.hits[name] for name in RULE_FEATURES},
        texts,
        [len(text.split()) for text in texts],
        repeat_keys(texts),
    )


def _flags(count: int, members: Iterable[int]) -> tuple[bool, ...]:
    flags = [False] * count
    for index in members:
        flags[index] = True
    return tuple(flags)


def _has_digit(line: str) -> bool:
    return any(ch.isdigit() for ch in line)


def _is_headline(line: str) -> bool:
    # The mark before closing quotes or brackets: a quoted sentence, "„Wir werden das Gesetz
    # nicht mehr ändern.“", opening a plain-text article is its first paragraph, no headline
    # (it was taken for one, where the same sentence without quotes stayed the text's ¶1).
    return _HEADLINE_MIN_WORDS <= _words(line) <= _HEADLINE_MAX_WORDS and not _ends_with_mark(
        line, (".", ":", ",")
    )


def _is_body(line: str) -> bool:
    return _words(line) >= _BODY_MIN_WORDS and _sentence_end(line)


def find_headline(
    lines: Sequence[str],
    eligible: Sequence[bool] | None = None,
    *,
    titled: bool = False,
    opens: bool = False,
    positions: Sequence[int] | None = None,
) -> int | None:
    """Index of the headline among the lines, or None when the article has none.

    A headline stands right above the article: the candidates are the headline-shaped lines
    above the first line that reads as body text, and the one closest to it wins. Menus,
    teasers and site slogans above the article are headline-shaped too, and the first of them
    was the brief's title on most real pages ("Zu den Angeboten", "Wer wir sind"). Between the
    headline and the text often stands a subtitle or a photo caption: of two candidates in the
    last two lines above the text, the upper one is the headline, when it stands close above
    the lower (with a menu between them, the lower). A date line (a byline, a dateline) stands
    under the headline: a candidate right above the lowest date line among the last lines
    above the text is the headline, a candidate under it a subtitle or a caption ("Headline",
    "17. Februar 2020 …", "Subtitle", text). A page without a line of body text keeps the
    first candidate among the first lines.

    Section labels, kickers and breadcrumbs ("Politik", "Nordkorea") are too short to qualify,
    and so are links such as "← Vorherige Nächste →": only words with a letter count towards
    the four. ``eligible``: which lines may be the headline (an HTML page's: those its
    main-text extraction took). ``titled``: the first line is the page's title from its
    metadata, so the first candidate near the top is the headline, as the title heads the page.
    ``opens``: the lines are an article file's, which opens with its headline: the first line
    near the top that may be one (a byline or link path there is none, as anywhere).
    ``positions``: each line's block index on the page (the lines are the kept ones, so
    dropped blocks stand between some); without them the lines are taken as adjacent."""

    def allowed(index: int) -> bool:
        return eligible is None or eligible[index]

    body = next((index for index, line in enumerate(lines) if _is_body(line)), None)
    top = min(len(lines) if body is None else body, _HEADLINE_SEARCH_LINES)
    if titled:
        # The title heads the page: the first headline-shaped line, whatever its separators
        # (the title's own "Headline - Site"); a line under it as any headline is (a link path,
        # "Home » Verein » Berichte", or a byline under an unshaped title became the title).
        return next(
            (
                i
                for i in range(top)
                if allowed(i)
                and (_headline_shaped(lines[i]) if i == 0 else _may_be_headline(lines[i]))
            ),
            None,
        )
    if body is None or opens:
        return next((i for i in range(top) if allowed(i) and _may_be_headline(lines[i])), None)
    place = range(len(lines)) if positions is None else positions
    candidates = [
        index for index in range(body) if allowed(index) and _may_be_headline(lines[index])
    ]
    date_line = next(
        (
            index
            for index in range(body - 1, max(body - _HEADLINE_LOOKBACK, 0) - 1, -1)
            if _DATE.search(lines[index])
        ),
        None,
    )
    if (
        date_line is not None
        and date_line - 1 in candidates
        and place[date_line] - place[date_line - 1] <= _DATE_LINE_MAX_BLOCKS
    ):
        return date_line - 1
    near = [index for index in candidates if body - index <= _HEADLINE_BODY_GAP]
    if len(near) == 2 and place[near[1]] - place[near[0]] > _HEADLINE_PAIR_MAX_BLOCKS:
        near = near[1:]
    if near:
        return near[0]
    return candidates[-1] if candidates else None


def _headline_shaped(line: str) -> bool:
    return _is_headline(line) and _lettered_words(line) >= _HEADLINE_MIN_WORDS


def _may_be_headline(line: str) -> bool:
    """Headline-shaped, and neither a path of links ("Home » Politik » Wahl") nor a byline
    ("By Jane Doe 10. Februar 2019 in Fashion"): both stand right above articles; nor code or
    an address (see _CODE_OR_ADDRESS), which a copied page can show anywhere."""
    return (
        _headline_shaped(line)
        and not _CODE_OR_ADDRESS.search(line)
        and len(_LINK_PATH_SEPARATOR.findall(_GUILLEMET_QUOTE.sub("", line))) < 2
        and not (_DATE.search(line) and _BYLINE.search(line))
        and not _NAMES_BYLINE.match(line)
    )


_DIGIT = re.compile(r"\d")


def _lettered_words(line: str) -> int:
    return sum(1 for word in line.split() if LETTER.search(word))


def _is_lead(lines: Sequence[str]) -> bool:
    return len(lines) >= 2 and _words(lines[0]) <= _LEAD_MAX_WORDS and bool(_final(lines[0]))


class _Classified(NamedTuple):
    """The classifier's verdict on a page: P(boilerplate) of each block, the first stage's P
    (the block read alone, without its neighbours' verdicts), and the threshold above which it
    drops one."""

    probability: np.ndarray
    first_probability: np.ndarray
    threshold: float


def block_decisions(
    page: PageAnalysis,
    options: CleanOptions,
    model: BlockClassifier | None = None,
    extracted: Sequence[bool] | None = None,
    *,
    titled: bool = False,
) -> list[str | None]:
    """The rule that drops each block, or None for a kept block.

    ``extracted``: for an HTML page, whether its main-text extraction holds each block; a block
    it left out is dropped (rule ``html_extraction``) unless the classifier finds it clearly
    text (see EXTRACTION_LEFT_OUT_MAX_PROBABILITY). Only with the classifier on.

    The phrase rules drop what they match. The blunter structural rules (``SOFT_RULES``) drop a
    block, with the classifier on, only when the classifier does not find it clearly text. A
    repeated block goes only when an earlier copy is kept, so a repeat never takes text away.

    ``titled``: the first block is the page's title from its metadata, which
    :func:`clean_text` keeps as the headline unless a phrase rule took it."""
    classified = _classify(page, options, model)
    probability = None if classified is None else classified.probability
    word_counts = page.word_counts or tuple(map(_words, page.texts))
    body_shape = [
        words >= _BODY_MIN_WORDS and _sentence_end(text)
        for text, words in zip(page.texts, word_counts, strict=True)
    ]
    decisions = _first_rule_decisions(page, options, probability)
    if options.active("not_german") and "not_german" not in page.hits:
        _claim_foreign_blocks(page.texts, decisions)
    if classified is not None:
        decisions = _classifier_decisions(decisions, classified, extracted)
        _give_back_the_page_end(decisions, classified, extracted)
        _give_back_headings(page.texts, decisions, word_counts, body_shape)
        _give_back_list_items(page.blocks, decisions)
    if options.active("header_labels"):
        _claim_header_labels(page.texts, decisions, word_counts, body_shape, probability)
    if options.active("duplicates"):
        _claim_repeats(page.duplicate_keys, decisions)
    if (
        probability is not None
        and extracted is None
        and not (titled and decisions[0] in (None, *_TITLE_KEEPABLE))
    ):
        # Not beside a known title: the line kept back became the brief's first paragraph.
        _keep_a_dropped_headline(page.texts, decisions)
    if probability is not None and all(decisions):
        _give_back_an_emptied_page(page.texts, decisions, probability)
    if options.active("no_article") and not _holds_an_article(page.texts, decisions):
        # Only short lines are left ("Wirtschaft", "Kultur": a page of menus and buttons):
        # no article to translate, and the run says so rather than summarizing a menu.
        decisions = [rule or "no_article" for rule in decisions]
    if extracted is not None and probability is not None:
        _list_the_extractions_leftovers(decisions, extracted, probability)
    return decisions


def _classify(
    page: PageAnalysis, options: CleanOptions, model: BlockClassifier | None
) -> _Classified | None:
    """The classifier's verdict on the page (None when it is off or the page is empty), a
    ticker's line judged by its sentence alone where that is more text-like."""
    if not (options.active(CLASSIFIER_RULE) and len(page.blocks)):
        return None
    model = model or options.classifier or packaged_model()
    first, probability = model.stage_probabilities(page.features)
    ticker = _ticker_sentences(page.texts)
    if ticker:
        # The time that opens a ticker's line does not make its sentence boilerplate: such
        # a line is judged as the sentence alone would be, where that is more text-like.
        rows = list(ticker)
        first_without, without_times = model.stage_probabilities(_features_without(page, ticker))
        first, probability = first.copy(), probability.copy()  # the model's own arrays stay
        first[rows] = np.minimum(first[rows], first_without[rows])
        probability[rows] = np.minimum(probability[rows], without_times[rows])
    threshold = model.threshold_probability if options.threshold is None else options.threshold
    return _Classified(probability, first, threshold)


def _first_rule_decisions(
    page: PageAnalysis, options: CleanOptions, probability: np.ndarray | None
) -> list[str | None]:
    """Each block's first active rule that fires (soft rules only where the classifier allows),
    in ``_BLOCK_RULES`` order, so the audit names one rule per block."""
    # not_german is asked only of blocks no earlier rule claims (_claim_foreign_blocks).
    n = len(page.blocks)
    checked = [name for name in _BLOCK_RULES if options.active(name) and name in page.hits]
    fires = np.zeros((len(checked) + 1, n), dtype=bool)
    fires[-1] = True  # the last row: no rule
    for row, name in enumerate(checked):
        fires[row] = page.hits[name]
        if name in SOFT_RULES and probability is not None:
            fires[row] &= probability >= (
                TAIL_MIN_PROBABILITY if name in _TAIL_RULES else SOFT_RULE_MIN_PROBABILITY
            )
    first = fires.argmax(axis=0).tolist()
    decisions: list[str | None] = [checked[row] if row < len(checked) else None for row in first]
    for index in compress(range(n), page.emptied_by):  # the few blocks a span rule emptied
        decisions[index] = page.emptied_by[index]
    return decisions


def _claim_foreign_blocks(texts: Sequence[str], decisions: list[str | None]) -> None:
    """Blocks no rule claimed that read as another language go (``not_german``), asked last:
    the language check is the slowest rule."""
    foreign: dict[str, bool] = {}  # a text repeated on the page is checked once
    for index, rule in enumerate(decisions):
        if rule is None:
            text = texts[index]
            verdict = foreign.get(text)
            if verdict is None:
                verdict = foreign[text] = is_foreign(text)
            if verdict:
                decisions[index] = "not_german"


def _classifier_decisions(
    decisions: Sequence[str | None], classified: _Classified, extracted: Sequence[bool] | None
) -> list[str | None]:
    """Blocks no rule claimed go where the classifier finds them boilerplate (``classifier``)."""
    threshold = classified.threshold
    # A block the extraction left out goes unless the classifier finds it clearly text.
    thresholds = (
        threshold
        if extracted is None
        else np.where(
            np.asarray(extracted, dtype=bool),
            threshold,
            min(threshold, EXTRACTION_LEFT_OUT_MAX_PROBABILITY),
        )
    )
    over = (classified.probability > thresholds).tolist()
    return [
        CLASSIFIER_RULE if rule is None and drop else rule
        for rule, drop in zip(decisions, over, strict=True)
    ]


def _give_back_the_page_end(
    decisions: list[str | None], classified: _Classified, extracted: Sequence[bool] | None
) -> None:
    """The blocks the classifier took in the page's last stretch of text stay where its first
    stage, reading each block alone, finds them text (P below ``PAGE_END_TEXT_MAX_PROBABILITY``).

    The pages it learnt from all end in footers, and its second stage counts the blocks past
    the page's end as boilerplate, so it learnt that the end of a page is boilerplate. An
    article pasted on its own ends the page with its last paragraphs, and those went ("Die
    Ermittlungen dauern an.": first stage 0.50, second 0.87; a 20-word paragraph above a kept
    one: 0.01 and 0.86). The walk goes up from the page's last block over the blocks that stay
    and stops at the first one it does not give back: a footer, a share line or any other
    rule's drop ends it, so a page that ends as web pages do keeps its verdicts (none of the 588
    development pages changed, in sample or out of fold)."""
    first = classified.first_probability
    for index in range(len(decisions) - 1, -1, -1):
        if decisions[index] is None:
            continue
        if (
            decisions[index] != CLASSIFIER_RULE
            or first[index] >= PAGE_END_TEXT_MAX_PROBABILITY
            or (extracted is not None and not extracted[index])
        ):
            return
        decisions[index] = None


def _claim_header_labels(
    texts: Sequence[str],
    decisions: list[str | None],
    word_counts: Sequence[int],
    body_shape: Sequence[bool],
    probability: np.ndarray | None,
) -> None:
    """Short lines above the first kept body block go (``header_labels``): section labels,
    kickers and breadcrumbs stand above the body text, never inside it."""
    body_start = next((i for i, rule in enumerate(decisions) if rule is None and body_shape[i]), 0)
    for index in range(body_start):
        line = texts[index]
        if (
            decisions[index] in (None, CLASSIFIER_RULE)
            and word_counts[index] <= _LABEL_MAX_WORDS
            and not _final(line)
            # a soft rule: only where the classifier (if on) allows
            and (probability is None or probability[index] >= SOFT_RULE_MIN_PROBABILITY)
        ):
            decisions[index] = "header_labels"


def _claim_repeats(keys: Sequence[str], decisions: list[str | None]) -> None:
    """A repeat of a kept block goes, and a copy the classifier took beside a kept one is listed
    as the repeat it is (``duplicates``): a repeat never takes text away."""
    kept_keys = {key for key, rule in zip(keys, decisions, strict=True) if rule is None}
    seen: set[str] = set()
    for index, (key, rule) in enumerate(zip(keys, decisions, strict=True)):
        if rule is None:
            if key in seen:
                decisions[index] = "duplicates"
            seen.add(key)
        elif rule == CLASSIFIER_RULE and key in kept_keys:
            decisions[index] = "duplicates"


def _give_back_an_emptied_page(
    texts: Sequence[str], decisions: list[str | None], probability: np.ndarray
) -> None:
    """A page of text is never emptied: its most text-like blocks of a few words stay."""
    # Only blocks of a few words qualify: a page of menu labels and buttons has no article to
    # give back (its one-word "Wirtschaft" would become a brief), and the run says so instead.
    candidates = [
        i
        for i, rule in enumerate(decisions)
        if rule == CLASSIFIER_RULE and _lettered_words(texts[i]) >= _RESCUE_MIN_WORDS
    ]
    if candidates:
        best = min(probability[i] for i in candidates)
        for i in candidates:
            if probability[i] <= best + _RESCUE_MARGIN:
                decisions[i] = None


def _holds_an_article(texts: Sequence[str], decisions: Sequence[str | None]) -> bool:
    """Whether a kept block has a few words with a letter: else the page is menus and buttons."""
    return any(
        rule is None and _article_words(text) >= _ARTICLE_MIN_WORDS
        for rule, text in zip(decisions, texts, strict=True)
    )


def _article_words(line: str) -> int:
    """Words with a letter, and numbers too in a line with a sentence's words (see
    _ARTICLE_NUMBERS_MIN_WORDS)."""
    lettered = _lettered_words(line)
    if lettered < _ARTICLE_NUMBERS_MIN_WORDS:
        return lettered
    return sum(1 for word in line.split() if LETTER.search(word) or _DIGIT.search(word))


def _list_the_extractions_leftovers(
    decisions: list[str | None], extracted: Sequence[bool], probability: np.ndarray
) -> None:
    """A dropped block the extraction left out is listed as the extraction's (whichever rule
    took it here) unless the classifier finds it clearly text."""
    for index, rule in enumerate(decisions):
        if (
            rule is not None
            and rule != "no_article"
            and not extracted[index]
            and probability[index] > EXTRACTION_LEFT_OUT_MAX_PROBABILITY
        ):
            decisions[index] = EXTRACTION_RULE


def _give_back_headings(
    texts: Sequence[str],
    decisions: list[str | None],
    word_counts: Sequence[int],
    body_shape: Sequence[bool],
) -> None:
    """The development set rarely labels headlines and sub-headings, so the classifier is unsure
    of them; the article needs them. A headline-shaped block just above the first body block
    and a heading-shaped block between two body blocks stay unless a phrase rule took them."""

    def body(index: int) -> bool:
        return 0 <= index < len(texts) and decisions[index] is None and body_shape[index]

    vetoable = (CLASSIFIER_RULE, *SOFT_RULES)
    first_body = next((i for i in range(len(texts)) if body(i)), None)
    if first_body is not None:
        for index in range(first_body - 1, max(first_body - _HEADLINE_LOOKBACK, 0) - 1, -1):
            if _is_headline(texts[index]) and decisions[index] in (None, *vetoable):
                decisions[index] = None
                break
    for index in range(len(texts)):
        if (
            decisions[index] in vetoable
            and word_counts[index] <= _SUBHEADING_MAX_WORDS
            and body(index - 1)
            and body(index + 1)
        ):
            decisions[index] = None


def _give_back_list_items(blocks: Sequence[Block], decisions: list[str | None]) -> None:
    """An item of a bulleted list goes with its list: the items are short lines without a full
    stop, as menu items are, so the classifier or a soft rule took one item ("- Mehr Geld für
    Familien") and kept the next two. Where more of a list's items (lines in a row with the same
    bullet) are kept than taken so, the others stay too; a phrase rule's verdict stands."""
    if not any(block.bullet for block in blocks):  # most pages: no list to look at
        return
    vetoable = (CLASSIFIER_RULE, *SOFT_RULES)
    start = 0
    while start < len(blocks):
        bullet = blocks[start].bullet
        end = start + 1
        while bullet and end < len(blocks) and blocks[end].bullet == bullet:
            end += 1
        items = range(start, end)
        kept = sum(decisions[i] is None for i in items)
        if kept >= 2 and kept > sum(decisions[i] in vetoable for i in items):
            for index in items:
                if decisions[index] in vetoable:
                    decisions[index] = None
        start = end


def _first_kept_body(texts: Sequence[str], decisions: Sequence[str | None]) -> int | None:
    """Index of the first kept block that reads as body text, or None."""
    return next(
        (i for i, rule in enumerate(decisions) if rule is None and _is_body(texts[i])), None
    )


def _is_article_file(texts: Sequence[str], decisions: Sequence[str | None]) -> bool:
    """Whether the cleaner took nothing from above the text but an article's own furniture (a
    section label, a byline): an article file, not a copied web page. Such a file starts with
    its headline (kicker, headline, subtitle, byline, text), where the line closest above the
    text is its subtitle."""
    body = _first_kept_body(texts, decisions)
    return body is not None and all(
        rule is None or rule in _ARTICLE_FURNITURE for rule in decisions[:body]
    )


def _keep_a_dropped_headline(texts: Sequence[str], decisions: list[str | None]) -> None:
    """A plain-text page whose kept lines above its first body block hold no line that may be
    its headline lost the headline on many real pages: headlines are short lines like the menu
    items beside them, so the classifier or a soft rule (with its consent) took them, and
    ``_give_back_headings`` stops at the closest headline-shaped line, often a byline or a
    link path. Of the lines so dropped up to ``_HEADLINE_LOOKBACK`` blocks above the body
    (farther up they were menus and slogans), the one :func:`find_headline` chooses, among the
    kept lines as they stand, is kept. Only then: where a kept line may be the headline, a
    dropped one put beside it was a wrong title more often than a right one (see README)."""
    body = _first_kept_body(texts, decisions)
    if body is None or any(
        decisions[i] is None and _may_be_headline(texts[i]) for i in range(body)
    ):
        return
    vetoable = (CLASSIFIER_RULE, *SOFT_RULES)
    above = [
        i
        for i in range(body)
        if decisions[i] is None
        or (
            body - i <= _HEADLINE_LOOKBACK
            and decisions[i] in vetoable
            and _may_be_headline(texts[i])
        )
    ]
    headline = find_headline([*(texts[i] for i in above), texts[body]], positions=[*above, body])
    if headline is not None and headline < len(above):
        decisions[above[headline]] = None


def clean_text(
    text: str,
    options: CleanOptions | None = None,
    *,
    extraction: str | None = None,
    headline: str | None = None,
    headline_declared: bool = False,
    author: str = "",
    date: str = "",
) -> CleanArticle:
    """Headline, body paragraphs and the record of everything removed, for one page of text.

    ``extraction``: for an HTML page (``text`` its whole visible text), the main text its
    extraction took; each block is then weighed with the extraction's verdict on it.
    ``headline``: the page's title from its metadata, when ``text`` starts with it: that first
    block stays unless a phrase rule takes it (on a whole page the classifier often took it
    for the site's name line, and a menu line became the brief's title). ``headline_declared``:
    the author's own title (a Markdown file's front matter or opening ``# heading``), not a web
    page's metadata, which is often the site's name: kept, it is the headline whatever its
    shape ("# Haushalt 2025": two words, and the subtitle under it was the title).
    ``author`` (names joined by "; "), ``date`` (ISO): the source's details, which the brief's
    source line gives; a line that says only these goes (rule ``byline``)."""
    options = options or CleanOptions()
    page = analyse(text, options)
    extracted = None
    if extraction is not None:
        extracted = extraction_flags([block.text for block in page.blocks], extraction)
    starts_with_title = bool(
        headline and page.texts and page.texts[0] == " ".join(normalize_line(headline).split())
    )
    decisions = block_decisions(page, options, extracted=extracted, titled=starts_with_title)
    # The author's own title is kept whatever its shape: "1984" (a book's) is no fragment.
    keepable = (*_TITLE_KEEPABLE, "fragments") if headline_declared else _TITLE_KEEPABLE
    if (
        starts_with_title
        and decisions[0] in keepable
        # Never the title alone: with nothing else of the page kept (the no_article rule took
        # a 404 page's last lines) the title became the brief's one paragraph ("Seite nicht
        # gefunden") instead of the "no article text left" failure.
        and any(
            decision is None and key != page.duplicate_keys[0]
            for decision, key in zip(decisions[1:], page.duplicate_keys[1:], strict=True)
        )
    ):
        decisions[0] = None
        if extracted is not None:
            extracted[0] = True  # the extraction's text starts with the title too
        if options.active("duplicates"):
            # The page's own copy of its headline (below the menus) is the repeat: the title
            # went as a "repeat" of it, and the brief had none, its headline in the body.
            key = page.duplicate_keys[0]
            for index in range(1, len(decisions)):
                if decisions[index] is None and page.duplicate_keys[index] == key:
                    decisions[index] = "duplicates"
    # The metadata title heads the kept lines: the headline is found from the top, as before,
    # not right above the body text (also when the title goes for its copy below).
    titled = bool(
        headline
        and decisions
        and decisions[0] is None
        and page.texts[0] == " ".join(normalize_line(headline).split())
    )
    if titled and options.active("duplicates"):
        _drop_the_site_names_copy(page, decisions, extracted)
    declared = titled and headline_declared and decisions[0] is None
    if options.active("byline"):
        _drop_known_bylines(page, decisions, author, date)
    return assemble(page, decisions, options, extracted, titled=titled, declared=declared)


# What joins a page title's headline and the site's name: "Headline - Site.de", "Site | Headline".
_SITE_SEPARATOR = re.compile(r"\s+[-|–—•›»·:⋆/]+\s+")
_SITE_BEFORE_HEADLINE = re.compile(_SITE_SEPARATOR.pattern + "$")
_SITE_NAME_MAX_WORDS = 6
# A page's metadata title of this many words with a letter heads the brief when no line of the
# page may be the headline ("Bee Simulator", "Wir sind NEOS": the brief had no title); a
# shorter one is a section's or site's name ("Aktuelles", "SLF").
_SHORT_TITLE_MIN_WORDS = 2


def _drop_the_site_names_copy(
    page: PageAnalysis, decisions: list[str | None], extracted: list[bool] | None
) -> None:
    """A metadata title kept as the headline often carries the site's name ("Headline -
    Aerobuzz.de") while the page shows the headline itself a few blocks below: the brief had
    the headline twice, the second as its first paragraph. Of the two whole blocks one goes,
    listed as ``duplicates``: the title, when the page's own copy would be the brief's
    headline in its place (no site name then); else the copy."""
    title = page.texts[0]
    for index in range(1, len(decisions)):
        text = page.texts[index]
        if decisions[index] is not None or text == title:
            continue
        if _is_body(text):
            return  # the copy stands above the article's text
        if not _is_headline(text):
            continue
        site = None
        if title.startswith(text) and (joint := _SITE_SEPARATOR.match(title, len(text))):
            site = title[joint.end() :]  # "Headline - Site"
        elif title.endswith(text) and (joint := _SITE_BEFORE_HEADLINE.search(title[: -len(text)])):
            site = title[: joint.start()]  # "Site | Headline"
        if not site or len(site.split()) > _SITE_NAME_MAX_WORDS:
            continue
        kept = [i for i, rule in enumerate(decisions) if rule is None and i != 0]
        eligible = [extracted is None or extracted[i] for i in kept]
        headline = find_headline([page.texts[i] for i in kept], eligible, titled=True)
        if headline is not None and kept[headline] == index:
            decisions[0] = "duplicates"  # the copy heads the brief, without the site's name
        else:
            decisions[index] = "duplicates"  # the title stays the headline; not twice
        return


# A byline's line holds the author's names and the date the source's details already give (the
# brief's source line shows them): "Von Anna Schmidt, 14.03.2025", "Von Anna Schmidt | 14.03.2025
# | 3 Min. Lesezeit". Such a line is read out piece by piece: the names, the date in the forms
# pages write it, then its labels, a clock time, a reading time and separators; a line with
# anything else left (a place, another date, a sentence) stays.
_BYLINE_FURNITURE = re.compile(
    r"\b\d+\s*(?:min\.?|minuten?)\s*(?:lesezeit|lesedauer|read)\b"
    r"|\b(?:lesezeit|lesedauer)\s*:?\s*\d+\s*(?:min\.?|minuten?)"
    r"|\b\d{1,2}[:.]\d{2}(?:\s*uhr)?|\b\d{1,2}\s*uhr\b"
    r"|\b(?:ein artikel von|von|by|autor(?:in)?|text|stand|veröffentlicht|publiziert|"
    r"erschienen|published|am|um|uhr|on|at|und|and|zuletzt (?:geändert|aktualisiert|bearbeitet))\b"
    # the comment count a blog's post line ends with ("(1 Kommentar)", "71 Kommentare",
    # "Kommentare4" where the page glues the count to its word)
    r"|\b(?:\d+|ein|keine|null)\s*(?:kommentare?|comments?)\b|\bkommentare?\s*\d+\b"
    r"|[|,·•–—/:;()-]",
    re.IGNORECASE,
)


def _date_forms(date: str) -> re.Pattern[str] | None:
    """The ways a page writes the ISO date ``date`` ("2025-03-14"): "14.03.2025", "14.3.25",
    "14. März 2025", "March 14, 2025", "14 March 2025", "2025-03-14"; None for no such date."""
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", date)
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    # The month's names as the checks read them (CLDR's, through babel); imported here, off
    # the path of a page without source details.
    from babel.dates import get_day_names, get_month_names

    german = str(get_month_names("wide", locale="de")[month])
    english = str(get_month_names("wide", locale="en")[month])
    day_forms = rf"0?{day}"
    years = rf"(?:{year}|{year % 100:02d})"
    forms = (
        rf"{day_forms}\.\s*0?{month}\.\s*{years}",
        rf"{day_forms}\.?\s+(?:{german}|{english}|{german[:3]}\.?|{english[:3]}\.?)\s+{year}",
        rf"(?:{english}|{german})\s+{day_forms},?\s+{year}",
        rf"{year}-{month:02d}-{day:02d}",
    )
    # The date's own weekday before it ("am Sonntag, 11.12.2022"), and the date written twice
    # without a break, as themes print the published and the modified date when they are the
    # same day ("22. Dezember 201922. Dezember 2019").
    try:
        weekday = datetime.date(year, month, day).weekday()  # Monday 0; babel's keys the same
    except ValueError:  # no such day: "2023-02-30" in a front matter failed the article
        weekdays = ""
    else:
        names = (str(get_day_names("wide", locale=locale)[weekday]) for locale in ("de", "en"))
        weekdays = rf"(?:{'|'.join(names)}),?\s+(?:den\s+)?"
    one = f"(?:{'|'.join(forms)})"
    return re.compile(
        rf"(?<![\d.])(?:{weekdays})?{one}(?:\s*{one})*(?![\d])",
        re.IGNORECASE,
    )


def _is_known_byline(
    line: str,
    authors: Sequence[str],
    date: re.Pattern[str] | None,
    single_names: re.Pattern[str] | None = None,
) -> bool:
    """Whether ``line`` says no more than who wrote the article and when, as the source's details
    do (``authors``, ``date``): at least one of them, then only labels, times and separators.
    ``single_names``: the authors known by one name ("Tobi", "Redaktion"), read out only
    beside the date: alone such a word is as likely the article's."""
    rest = line
    for author in authors:
        rest = rest.replace(author, " ")
    if date is not None:
        dated = date.sub(" ", rest)
        if single_names is not None and dated != rest:
            dated = single_names.sub(" ", dated)
        rest = dated
    if rest == line:
        return False  # neither the author nor the date
    return not _BYLINE_FURNITURE.sub(" ", rest).strip()


def _drop_known_bylines(
    page: PageAnalysis, decisions: list[str | None], author: str, date: str
) -> None:
    """A kept line that gives only the author and date the source's details hold goes whole as
    ``byline``: "Von Anna Schmidt, 14.03.2025" stood as the brief's first paragraph, was
    translated and summarised, under a source line "dated 2025-03-14 · by Anna Schmidt"."""
    authors = [name for name in author.split("; ") if len(name.split()) >= 2]
    single = [re.escape(name) for name in author.split("; ") if len(name.split()) == 1]
    # a site's software writes the account's name as it was registered ("von eseppelt")
    single_names = re.compile(rf"\b(?:{'|'.join(single)})\b", re.IGNORECASE) if single else None
    date_pattern = _date_forms(date)
    if not authors and date_pattern is None:
        return
    for index, line in enumerate(page.texts):
        if decisions[index] is None and _is_known_byline(line, authors, date_pattern, single_names):
            decisions[index] = "byline"


class _KeptBlocks(NamedTuple):
    """A page's kept lines, each with where it stands, and the audit of what was taken."""

    lines: list[str]
    positions: list[int]  # each kept block's index on the page
    eligible: list[bool]  # whether it may be the headline (an HTML page's: extracted)
    dropped: list[Dropped]


def assemble(
    page: PageAnalysis,
    decisions: Sequence[str | None],
    options: CleanOptions,
    extracted: Sequence[bool] | None = None,
    *,
    titled: bool = False,
    declared: bool = False,
) -> CleanArticle:
    """The article from a page and the decision for each block (see :func:`block_decisions`).

    ``extracted`` (an HTML page's whole text): the headline is one of the blocks the main-text
    extraction took, never a menu or date line the classifier kept at the top of the page.
    ``titled``: the page starts with its title from its metadata (see :func:`find_headline`;
    a title too short to be read as a headline is one only when no line below it may be);
    ``declared``: with its author's own title, kept: that first block is the headline."""
    kept = _kept_blocks(page, decisions, extracted)
    headline_index = _headline_index(page, decisions, kept, titled=titled, declared=declared)
    lines = kept.lines
    title: str | None = None
    if headline_index is not None:
        title = lines.pop(headline_index)
    return CleanArticle(
        title=title,
        paragraphs=tuple(lines),
        dropped=tuple(kept.dropped),
        # The lead is the paragraph under the headline: the first one only when no line the
        # cleaner kept stands above the headline ("Vielen Dank!" of a form was the lead).
        has_lead=headline_index == 0 and _is_lead(lines),
    )


def _kept_blocks(
    page: PageAnalysis, decisions: Sequence[str | None], extracted: Sequence[bool] | None
) -> _KeptBlocks:
    """The kept blocks' text, and every removal in page order: a dropped block whole (with its
    bullet), a kept one's bullet and span cuts, so the audit accounts for every character."""
    dropped: list[Dropped] = []
    kept: list[str] = []
    positions: list[int] = []
    eligible: list[bool] = []
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
        positions.append(index)
        eligible.append(extracted is None or extracted[index])
    return _KeptBlocks(kept, positions, eligible, dropped)


def _headline_index(
    page: PageAnalysis,
    decisions: Sequence[str | None],
    kept: _KeptBlocks,
    *,
    titled: bool,
    declared: bool,
) -> int | None:
    """Which kept line is the headline (see :func:`find_headline`), or None."""
    # A headline heads a body: an article of one line (a news flash, "Bundestag beschließt
    # Haushalt für 2025!") is that line's text, not a headline with nothing under it.
    if len(kept.lines) <= 1:
        return None
    if declared:
        return 0
    opens = _is_article_file(page.texts, decisions)
    headline_index = find_headline(
        kept.lines, kept.eligible, titled=titled, opens=opens, positions=kept.positions
    )
    if (
        headline_index is None
        and titled
        and decisions[0] is None  # the title, not its copy (_drop_the_site_names_copy)
        and _lettered_words(kept.lines[0]) >= _SHORT_TITLE_MIN_WORDS
        and not _SITE_SEPARATOR.search(kept.lines[0])
    ):
        # A short title is looked past for a headline-shaped line below it (a web page's
        # short title is often its site's name); with none, it is the headline, unless it
        # carries a site's name ("Wurmkiste | selbst.de").
        headline_index = 0
    return headline_index
