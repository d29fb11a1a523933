"""Segment: split German paragraphs into sentences.

pysbd (German rules) does the first pass; rules on top fix what it gets wrong on news text
(measured by ``benchmarks/segmentation.py``):
- a split where the left side has no sentence-final mark is undone ("vom 7. | bis 9. Mai");
- a split after an abbreviation that never ends a sentence ("Dr.", "z. B.", "gem.") or after an
  ordinal ("zum 130. | Geburtstag") is undone;
- "29. Gegen den ..." is split: a number (or "Mio.", "Mrd.") with a full stop followed by a word
  that only starts sentences (article, pronoun, preposition) ends a sentence, where an ordinal
  would be followed by a noun or a month ("am 3. Juni"); not a list item's number that opens the
  sentence ("1. Die Regierung …"); so is "etc. Die …", "usw. Ihr …", "& Co. Mit …", "S. 5 ff.
  Die …" (and "Jh.", "e. V." before such a word), and a capital letter
  alone after a word, which pysbd reads as an initial ("Sebastian K. Er …", "Vitamin D. Wer …");
- a word pysbd's list holds as an abbreviation ends a sentence before a capitalised word where
  it is a German word or a unit ("… gerne mag. Das …", "… ihrer Art. Außerdem …", "805 mm. Die …");
- a German-order quotation "»…«" after a sentence end starts a sentence (pysbd pairs its "«"
  with the next "»" as Swiss marks), and so does one after a quotation that closes with a
  sentence end ("… akzeptieren?“ „Boeing …“").

pysbd's time grows with the square of its input, so a paragraph longer than ``_PYSBD_WINDOW``
characters goes to it in windows, each cut where pysbd ended a plain sentence (see
``_pysbd_pieces``); paragraphs of real articles are shorter and go to it whole. So does a line
of English (:func:`split_english_sentences`: an article of a JSON Lines data set is one line).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from summarize.clean import CleanArticle
from summarize.clean.blocks import (
    LETTER,
    SOFT_HYPHEN,
    ends_with_abbreviation,
    language_function_words,
)
from summarize.errors import shown

logger = logging.getLogger("summarize")

_ENDS_CLAUSE = re.compile(r"[.!?…:;][\"'“”«»„‚‘’)\]]*$")
_SENTENCE_STARTERS = frozenset(
    [
        "Der",
        "Die",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Einen",
        "Einem",
        "Er",
        "Sie",
        "Es",
        "Wir",
        "Ich",
        "Ihr",
        "Man",
        "Dies",
        "Diese",
        "Dieser",
        "Dieses",
        "Doch",
        "Aber",
        "Und",
        "Auch",
        "Am",
        "Im",
        "In",
        "Bei",
        "Nach",
        "Gegen",
        "Mit",
        "Seit",
        "Auf",
        "Für",
        "Von",
        "Vor",
        "Zum",
        "Zur",
        "Als",
        "Wie",
        "Wenn",
        "Weil",
        "Dann",
        "Damit",
        "So",
        "Da",
        "Dort",
        "Hier",
        "Nun",
        "Jetzt",
        "Noch",
        "Nur",
        "Laut",
        # pronouns and adverbs that open sentences (a review's "… auf 12. Danach …", "… bei
        # den jetzt 150. Niemand …")
        "Niemand",
        "Keiner",
        "Alle",
        "Viele",
        "Danach",
        "Dabei",
        "Deshalb",
        "Daher",
        "Zudem",
        "Außerdem",
        "Allerdings",
        "Trotzdem",
        "Inzwischen",
        "Gleichwohl",
        "Später",
        "Zuvor",
        # conjunctions and adverbs that German capitalises only to open a sentence, missing
        # from the function words ("Obst, Gemüse usw. Weder können wir …", "Mord, Verfall von
        # Familien etc. Zumal gelten …", development pages)
        "Weder",
        "Zumal",
        "Somit",
        "Hingegen",
        "Dennoch",
        "Ebenfalls",
        "Gestern",
    ]
)
# German function words that are nouns too, capitalised ("die 4. Macht", "das Sein").
_FUNCTION_WORD_NOUNS = frozenset(["Macht", "Sein", "Nichts", "Etwas"])
# A unit or amount after a number (see _ENDS_NUMBER_UNIT) closes a sentence before a function
# word as "Mio." does: pysbd ended none at "Std." ("Die Fahrt dauerte 3 Std. Danach …" went to
# the translator as one sentence), where it ended one at "Min." and the rest.
_NUMBER_UNITS = ("Min", "Sek", "Std", "Bio", "Mill", "Pkt")
# "etc.", "usw." and "usf." close a list, often at the end of a sentence; pysbd never ends one
# there ("Bildung etc. Die Datenmengen …", "… sind inhaltslos usw usf. Die Teenies …" went to the
# translator as one sentence); nor at the "Chr."
# of a year's "v. Chr." or "n. Chr." ("im 5. Jh. v. Chr. Dort lebten damals Kelten."); nor
# after a capital letter alone after a word, which it reads as a name's initial: a name
# shortened as the German press does ("verurteilte Sebastian K. Er muss …"), a letter that
# names something ("Vitamin D. Wer …", "von A nach B. Wenn …"). An initial is followed by
# a name, never by a function word ("Peter M. Müller"). Nor at other abbreviations that close a
# sentence as often as they stand inside one: a company's "& Co." ("Merck & Co. Mit einem
# Präparat …", "bei Amazon, eBay und Co. Aber auch …", development pages), a page or section
# reference's "ff." and "f." ("steht auf S. 5 ff. Die Regierung …"), a century's "Jh." and a
# club's "e. V." ("Tafel e. V. Die Helfer …"); each is followed inside a sentence by a noun or a
# name ("& Co. KG", "§§ 5 ff. BGB", "e. V. Pressestelle"), not a function word. Not "u. a.",
# which far more often means "unter anderem" than "und andere", before a party or a paper's name
# too ("stimmten u. a. Die Linke und …"). Nor at a ruler's or pope's numeral after the name
# ("Papst Benedikt XVI. Er war …"; one letter, "Karl V. Er …", is the initial's rule), which is
# followed inside a sentence by a lowercase word ("Ludwig XIV. war König").
_NUMBER_STOP_STARTER = re.compile(
    r"(?:(?<=\d\.)|(?<=\sMio\.)|(?<=\sMrd\.)|(?<=\sTsd\.)|(?<=\setc\.)|(?<=\susw\.)|(?<=\susf\.)"
    + "".join(rf"|(?<=\d\s{unit}\.)" for unit in _NUMBER_UNITS)
    + r"|(?<=\s[vn]\.\sChr\.)|(?<=[^\W\d_]\s[A-ZÄÖÜ]\.)"
    r"|(?<=\sCo\.)|(?<=\d\sff\.)|(?<=\d\sf\.)|(?<=\sJh\.)|(?<=\sJhd\.)"
    r"|(?<=\se\.\sV\.)|(?<=\se\.V\.)"
    r"|(?<=[^\W\d_]\s[IVX]{2}\.)|(?<=[^\W\d_]\s[IVX]{3}\.)|(?<=[^\W\d_]\s[IVX]{4}\.))"
    # the word after, read across soft hyphens ("Zu\xaddem"), also where it opens a quotation
    # ('… Stifel Nicolaus & Co. "Aber ich denke …', '… oder Amine Harit 62. "Dann wäre …', '…
    # als gäbe es einen Planeten B. "Was auf dem Meer …': 3 line ends of the WMT news tests)
    r"\s+(?=[„\"»«“‚]?(\w[\w\xad]*))"
)
# A list item's or a rank's number after a colon, comma or semicolon: "Die Ergebnisse: 1. Die …".
_OPENS_ITEM = re.compile(r"([:;,])\s*(\d{1,3})\.$")
# pysbd ends a sentence after a number of three or more digits with a full stop ("zum 130. |
# Geburtstag des Vereins", "die 213. | Sitzung", "der 185. | Münchener Wies'n"; it leaves
# "am 3. Oktober" alone). After an article, a contraction or a possessive such a number is an
# ordinal, and so is one before an anniversary ("feiert 125. Geburtstag"): the sentence goes on.
_PREPOSITIONS = (
    "für", "bis", "seit", "ab", "nach", "vor", "um", "auf", "über", "unter", "gegen", "in", "an",
    "bei", "mit", "zu", "von", "aus", "als", "wie",
)  # fmt: skip
_ENDS_ORDINAL = re.compile(
    r"(?:^|[\s(„\"])(?:[Dd](?:er|ie|as|en|em|es)|[Zz]um|[Zz]ur|[Vv]om|[Aa]m|[Ii]m|[Bb]eim|[Ii]ns"
    r"|(?:[MmDdSs]ein|[Uu]nser)(?:e|em|en|er|es)?|(?:[Ii]hr|[Ee]ur|[Dd]ies|[Jj]ed)(?:e|em|en|er|es))"
    # a lowercase word between ("seinem bereits 150. Grand Prix"), or in thousands ("den 10.000.
    # Besucher"); not both ("im zweiten jedoch 28.077. Gleichwohl …" ends a sentence). Not a
    # preposition between: "das für 2025. Kritiker …" and "das bis 2030. Wann …" end sentences.
    r"(?:(?:\s+(?!(?:"
    + "|".join(_PREPOSITIONS)
    + r")\s)[a-zäöüß]+)?\s+\d+|\s+\d{1,3}(?:\.\d{3})+)\.$"
)
_ENDS_NUMBER = re.compile(r"(?:^|\s)\d+\.$")
# "ihr" before an ordinal (her or their 7th), which _ENDS_ORDINAL leaves out as the pronoun "ihr";
# read only before a quoted title ("ihr 7. „Wir sind Helden“-Konzert").
_ENDS_HER_ORDINAL = re.compile(r"(?:^|\s)[Ii]hr\s+\d+\.$")
# pysbd takes a number with a full stop after a colon for a list's ("an folgenden Tagen: | 24.
# und 25. Dezember", "Seminartermin: | 22. | & 23. August 2015"): a date or a rank of the same
# sentence, as it is without the colon ("am 24. und 25. Dezember").
_ENDS_COLON = re.compile(r":[\"'“”«»„‚‘’)\]]*$")
_STARTS_ORDINAL = re.compile(r"\d{1,3}\.(?:\s|$)")
_ENDS_NUMBER_AFTER_COLON = re.compile(r":\s+\d{1,3}\.$")
# pysbd ends a sentence after an ordinal that opens a quotation (a straight quote, a guillemet,
# a low single quote: '"3. | Liga ist kein Abstieg …"', "»2. | Bundesliga …«"; it leaves
# "„3. Liga …“" alone), and after a section's Roman numeral ("III. | Die Rolle der Kommunen"):
# "'"3.'" and "III." went to the translator alone. A quotation still open after the number,
# or the numeral alone, ends no sentence ('Er rief "Platz 3." Dann …' closes its quotation).
_NUMBER_OPENS = re.compile(
    r"(?:^|\s)[„\"»«‚‘'(]+\d{1,3}\.$|^[„\"»«‚‘'(]*(?:\d{1,3}|[IVXLC]{1,6})\.$"
)
_STARTS_ANNIVERSARY = re.compile(r"(?:Geburtstag|Jahrestag|Todestag|Jubiläum)")
# The rejoin rules read only the end of a sentence; the longest they match (an abbreviation after
# a space, a mark and its closing quotes) is far shorter than this. Testing the whole merged text
# instead would make a long run of merges quadratic.
_TAIL_CHARS = 64

# pysbd re-reads the whole text once per abbreviation it meets and once per sentence it returns,
# so its time grows with the square of its input: a 1 MB paragraph took minutes. Longer paragraphs
# go to it in windows of this many characters; up to this size its cost per character is flat.
_PYSBD_WINDOW = 4000
# A window is only cut where pysbd ended a sentence in its first three quarters: the window's end
# cuts its last sentences short, and the rules after a cut see whole sentences on both sides.
_CUT_ZONE = 0.75
# pysbd keeps the text between these marks in one sentence however long it is ("„[^“]*“" and the
# like; a straight-quoted '"..."' before a capital is one match of its sentence pattern), so no
# window is cut inside one: that window would show pysbd an opening mark without its closing one.
# Parentheses are paired innermost first, as its "\([^()]*\)" does.
_QUOTE_PAIRS = (
    ("„", "“"), (",,", "“"), ("«", "»"), ("“", "”"), ("‘", "’"), ("[", "]"), ('"', '"'),
)  # fmt: skip
_PARENTHESIS = re.compile(r"[()]")
# pysbd's English rules keep a single-quoted stretch whole too, an apostrophe inside it ("'I'd
# go,' he said"): a quotation of several sentences in British news, longer than a window.
_ENGLISH_QUOTES = (
    (re.compile(r"(?<=\s)'(?:[^']|'[a-zA-Z])*'"), "'"),
    (re.compile(r"(?<=\s)‘(?:[^’]|’[a-zA-Z])*’"), "’"),
)
# A plain sentence end: a full stop, "!" or "?" (maybe closing quotes) after two letters. pysbd's
# reading of a full stop after a number or a single letter depends on the whole text (it looks for
# numbered and lettered lists), so a window is never cut there.
_PLAIN_END = re.compile(r"[^\W\d_]{2}[.!?][\"“”»«’)]*$")
_OPENING_MARKS = '"„“»«‚‘('
# With no plain sentence end in reach, a window is cut at a space, best after a letter, digit or
# comma: the left side then has no final mark, so _rejoin_false_splits joins the halves again.
_JOINS = re.compile(r"[\w,]")
# Quote marks at the start of a piece, then white space (or nothing): they closed the sentence
# before it.
_LEADING_CLOSERS = re.compile(r"([\"'“”»«’›‹]+)(?:\s+|$)")
# Swiss quotation marks close with "»" (and "›"): pysbd reads «…» as one span, so "«Wir kommen.»
# Dann ging er." stays one sentence. A sentence end just inside such a mark, then a capital after
# the space, ends the sentence. ("»…«", the German order, opens with "»" after a space.)
_SWISS_CLOSE = re.compile(r"(?<=[^\W\d_]{2}[.!?][»›])\s+(?=[„\"«‹]?[A-ZÄÖÜ])")
# German quotation marks the other way round, »…«, read as Swiss ones: pysbd pairs the "«" that
# closes one quotation with the "»" that opens the next and keeps all between in one sentence
# ("»…«, heißt es. »Mühe und Arbeit …«"). A "»" after a sentence end and a space, before a
# capital, opens a quotation there (a closing "»" follows no space), so the sentence ends;
# not after an abbreviation that never ends one ("die sog. »Letzte Generation«", "bzw. »Die
# Zeit«"), see _split_at_german_openings.
_GERMAN_OPEN = re.compile(r"(?<=[^\W\d_]{2}[.!?])\s+(?=[»›][A-ZÄÖÜ])")
# A quotation that closes with a sentence end right before the next one opens: pysbd reads
# past the gap between „…“ (or "…", “…”) pairs, so "Der Titel: „Würden Sie das akzeptieren?“
# „Boeing schlägt …“" and 'rief er: "Danke, Trainer!" "Das war sehr emotional", meinte …' went
# to the translator as one sentence (6 of the WMT news tests' line ends were missed so; it splits
# '"Wir kommen." "Dann …"' already). The opening mark after the space, before a capital, starts
# the next sentence; not inside a quotation or parenthesis, which pysbd keeps whole.
_QUOTATION_AFTER_QUOTATION = re.compile(r"(?<=[.!?][\"“”])\s+(?=[„\"“][A-ZÄÖÜ])")
# pysbd pairs guillemets in the Swiss order only, «…», and keeps the text between in one
# sentence; in a text quoting »…« it paired the "«" that closes one quotation with the "»" that
# opens the next: "»Da redet der Mund dahin …«, lautet eine Weisheit aus Prenzlau. Smalltalk
# beherrscht fast niemand. Das Ideal heißt: … hält ewig." went to the translator as one
# sentence of six (development pages; _GERMAN_OPEN only ends the sentence before the next "»").
# Such a paragraph goes to pysbd with single guillemets, "›" for "»" and "‹" for "«", which it
# pairs with nothing (see _as_pysbd_reads): it reads the quotations as it read a single one,
# and the sentences are cut from the paragraph as it stands.
_GERMAN_ORDER = re.compile(r"(?:^|(?<=[\s(\[/–—-]))»(?=[^\W_]|[„\"‚'…])")
# A Swiss quotation's opening "«", placed as _GERMAN_ORDER's "»" is: a "«" after a word ("…
# verstellt«, wie sie erklärt"; a quotation opened in the paragraph before) closes a German-order
# one and says nothing of a Swiss «…».
_SWISS_ORDER = re.compile(r"(?:^|(?<=[\s(\[/–—-]))«(?=[^\W_]|[„\"‚'…])")
_GERMAN_GUILLEMETS = str.maketrans("»«", "›‹")
_SPACE = re.compile(r"\s")
# Words pysbd's German rules hold as abbreviations (its list has "mag" for a Magister's "Mag.",
# "art" for a law's "Art." and "mm"), so they never end a sentence there, though each ends one
# as a German word or a unit: the verb "mag" ("… mit den Dingen, die man besonders gerne mag. Das
# führt …"), the noun "Art" ("die bedeutendste Bibliothek ihrer Art. Außerdem …") and millimetres
# after a number ("Die Sitzhöhe beträgt 805 mm. Praktisch …", where "805 cm. Praktisch" ends
# one): on the development pages 10 such sentence ends went to the translator with the next
# sentence. Before a capitalised word that goes on in lowercase: the title is "Mag." with its
# capital, before a name, and the law's "Art." comes before its number ("Art. 5 GG", "Art. II"),
# as an article's "Art." (Artikel) before its "Nr." ("unter Art. Nr. 4711 bestellen").
# pysbd matches its list in any case, so two more names and nouns never ended a sentence: "Xi"
# (its "xi" is the numeral XI, written in capitals: "sagte Xi. Die Führungsgruppe …") and
# "Bart" (its "bart" is the English Baronet: "… seinem kurzgeschnittenen Bart. Seit er …"); in
# the WMT news tests 2014-2021 both went to the translator with the next sentence.
_WORD_END_PYSBD_HOLDS_ABBREVIATION = re.compile(
    r"(?:(?<=[^\W\d_]\smag\.)|(?<=[^\W\d_]\sArt\.)(?!\s+Nr\.)|(?<=\d\smm\.)"
    r"|(?<=[^\W\d_]\sXi\.)|(?<=[^\W\d_]\sBart\.))"
    r"\s+(?=[„\"»‚(]?[A-ZÄÖÜ][a-zäöüß])"
)
# Sentence ends pysbd reads past: a footnote mark after the full stop ("seit 2020.[1] Es wurde
# …", "seit 2020.¹ Es wurde …", as copied from a page with references; several sources cited
# together, "seit 2020.[1][2] Es wurde …"), an emphatic run of marks ("Das ist toll!!! Aber
# teuer.") and an ellipsis written as one character right after a word ("Er wurde Zweiter… Das
# war knapp.": pysbd ends the sentence after "..." there, and on the development pages such an
# ellipsis before a capital ends one far more often than not). The space after them, before a
# capital (maybe after an opening quotation mark), ends the sentence.
_ENDS_SHORT_NUMBER = re.compile(r"(?<![\d.])\d{1,2}\.$")
_MARKED_END = re.compile(
    r"(?:[.!?](?:(?:\[\d{1,3}\])+|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})|(?<=[^\W\d_])(?:[!?]{2,}|…))(\s+)(?=[„\"»«]?[A-ZÄÖÜ])"
)
# pysbd ends a sentence at many a full stop that German writes inside one: after a date without
# its year ("Am 24.12. ist ...", "vom 1.3. bis 31.3."), after an abbreviation it does not know
# ("im Okt. nach Berlin", "in 11,2 Sek. und"). A German sentence starts with a capital, so after a
# full stop a piece that starts with a lowercase word goes on the sentence ("iPhone" and its
# like, a capital inside, are left alone); after a day and month, so does a year ("1.1. 2020") or
# a dash, a space after it or not ("12.5. – 14.5.", "vom 9.1. -10.2.2023" on the development
# pages), and after a month's or a weekday's short form a number ("Jan. 2024", "Mo. 5. Mai").
_ENDS_FULL_STOP = re.compile(r"[^.]\.$")
# A question or exclamation quoted inside a sentence: pysbd keeps „…?“ and «…?» whole, but ended
# the sentence after »…?« and after marks it pairs with nothing ("»Watt jibt's n hier zu
# lachen?« | ist eine Formulierung …", "fragt Aaron: „Darf ich dich küssen?” | und Aron lacht",
# development pages); a lowercase word after it goes on the sentence.
# So did a statement quoted with its full stop before a lowercase verb of saying, as
# translated news writes it ('"Ich habe keine Ahnung." sagte sie.', '"… vorhanden war." schrieb
# er.': 4 false splits in the WMT news tests 2014-2021).
_ENDS_QUOTED_QUESTION = re.compile(r"[.?!][\"“”»«‹›’‘']+$")
_ENDS_DAY_MONTH = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.$")
_ENDS_DATE_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:Jan|Feb|Febr|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez"
    r"|Mo|Di|Mi|Do|Fr|Sa|So|Kap|Bd|Abb|Tab)\.$"
)
# A unit or amount that pysbd ends a sentence at after a number ("20 Min. | Verspätung", "3 Sek.
# | Vorsprung", "2 Bio. | Euro Schulden", "3 Mill. | Euro", "12 Pkt. | Vorsprung"): the noun
# after it went to the translator as a sentence of its own. As after "Mio." (see
# _NUMBER_STOP_STARTER), a function word after it starts a sentence ("… von 20 Min. Die
# Fahrgäste …"); any other word goes on.
_ENDS_NUMBER_UNIT = re.compile(rf"\d\s(?:{'|'.join(_NUMBER_UNITS)})\.$")
_FIRST_WORD_AND_AFTER = re.compile(r"[„\"»«‚‘(]*([^\W\d_][\w\xad]*)")
_STARTS_LOWERCASE_WORD = re.compile(r"[^\W\d_A-ZÄÖÜ]\w*")
_STARTS_YEAR_OR_DASH = re.compile(r"(?:\d{4}(?!\w)|[–—-](?:\s|\d))")
_STARTS_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class SegmentedArticle:
    title: str | None
    paragraphs: tuple[tuple[str, ...], ...]

    @property
    def sentences(self) -> list[str]:
        return [sentence for paragraph in self.paragraphs for sentence in paragraph]


# One pysbd segmenter per thread and kind: its segment() keeps the text it is given on the
# segmenter and finds the sentences' spans in it at the end, so two threads sharing one (two
# pipelines side by side) got spans looked up in the other's text: a paragraph came back as
# one sentence.
_PER_THREAD = threading.local()


def _segmenter(language: str = "de", char_span: bool = False):  # type: ignore[no-untyped-def]
    segmenters = _PER_THREAD.__dict__.setdefault("segmenters", {})
    if (language, char_span) not in segmenters:
        segmenters[language, char_span] = _segmenter_class()(
            language=language, clean=False, char_span=char_span
        )
    return segmenters[language, char_span]


_WHITE_SPACE_RUN = re.compile(r"\s*")


def _segmenter_class() -> type:
    """pysbd's Segmenter, its sentences' spans found with ``str.find``: pysbd compiles a
    pattern of each sentence it returns to find where the sentence stands, so every sentence
    missed the ``re`` module's cache; that took about a fifth of a short article's time outside
    the models (``benchmarks/overhead.py``). The spans are pysbd's own (see
    :func:`first_span_after`)."""
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        def sentences_with_char_spans(self, sentences: list[str]) -> list[Any]:
            spans = []
            prior_end = 0
            for sentence in sentences:
                found = first_span_after(self.original_text, sentence, prior_end)
                if found is not None:
                    spans.append(TextSpan(self.original_text[found[0] : found[1]], *found))
                    prior_end = found[1]
            return spans

    return Segmenter


def first_span_after(text: str, sentence: str, prior_end: int) -> tuple[int, int] | None:
    """Where pysbd places ``sentence`` in ``text``: of the places it stands with the white space
    after it, taken one after another from the start without overlapping (as ``re.finditer``
    finds them), the first that ends after ``prior_end``; None when none does."""
    if not sentence:  # pysbd's pattern is then white space alone, which matches anywhere
        return next((m.span() for m in re.finditer(r"\s*", text) if m.end() > prior_end), None)
    position = 0
    while (start := text.find(sentence, position)) != -1:
        end = _WHITE_SPACE_RUN.match(text, start + len(sentence)).end()  # type: ignore[union-attr]
        if end > prior_end:
            return start, end
        position = end
    return None


# English abbreviations that never end a sentence and that pysbd's English rules end one at
# ("The fire broke out at approx. | 3 a.m.", "Costs were ca. | 5 million"): a summary's title was
# cut there, and its index line began in the middle of the sentence.
# (In lowercase, or capitalised at a sentence's start: "CA." is California's.)
_ENGLISH_NON_FINAL = re.compile(
    r"(?:^|[\s(\"“])(?:[Aa]pprox|[Cc]a|[Ii]ncl|[Ee]xcl|[Ee]st|[Ee]sp|[Rr]esp|[Cc]f|vs)\.$"
)
# A German ordinal the translator left as it stands: after an article or a possessive ("in the
# 2. | Bundesliga", "his 3. | Tour"), before a word that is no function word (one starts a new
# sentence: "… the 2. | The …"); or before a month ("arrested on 3. | October"). After a
# preposition alone the number is a count or a score that ends its sentence ("The death toll
# rose to 12. | Rescuers …", "won 4 to 0. | Kane …").
_ENGLISH_ENDS_ORDINAL = re.compile(r"(?:^|\s)(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+\d{1,2}\.$")
_ENDS_DAY_NUMBER = re.compile(r"(?:^|\s)\d{1,2}\.$")
# A day before a month ("on 3. | October"); not a count ("rose to 12. | May …").
_BEFORE_A_DATE = re.compile(
    r"(?:^|\s)(?:[Oo]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]y|[Tt]he)\s+\d{1,2}\.$"
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Januar Februar März Mai Juni Juli Oktober Dezember".split()
)
_FIRST_WORD = re.compile(r"[^\W\d_][\w-]*")
# A full stop right after a word's letter ("pct.", "approx.", "e.g."): before a word in lowercase
# (no sentence starts so) it is an abbreviation's. pysbd's English rules know only some ("pct."
# not): a title "Unemployment rose 0.3 pct. to 5.2 percent." was cut at "pct.".
_ENDS_WORD_STOP = re.compile(r"[^\W\d_]\.$")
# pysbd's English rules read a number's full stop inside a line as a list item's and end a
# sentence before it, also where nothing can end one ("The | 2. Bundesliga starts on | 3.
# August."): after an article, a possessive, a preposition or a conjunction, or a comma, the
# sentence goes on. (Not after any word: a page's list run into one line, "… favourite snacks |
# 2. Ramen noodle soup …", is better read item by item.)
_CANNOT_END_A_SENTENCE = re.compile(
    r"(?:[,;]|(?:^|\s)(?:[Tt]he|an?|his|her|its|their|our|my|your|of|in|on|at|to|from|by|with|"
    r"for|into|than|and|or|but))$"
)


def ends_with_english_non_final(sentence: str) -> bool:
    """Whether ``sentence`` ends with an English abbreviation that never ends one ("approx.")."""
    return _ENGLISH_NON_FINAL.search(sentence[-_TAIL_CHARS:]) is not None


def _english_goes_on(sentence: str, piece: str) -> bool:
    """Whether pysbd's English rules ended ``sentence`` too early, before ``piece``."""
    if ends_with_english_non_final(sentence) or _CANNOT_END_A_SENTENCE.search(sentence):
        return True
    tail = sentence[-_TAIL_CHARS:]
    first = _FIRST_WORD.match(piece)
    if first is not None and first.group().islower() and _ENDS_WORD_STOP.search(tail):
        return True  # "rose 0.3 pct. | to 5.2 percent": an abbreviation the rules do not know
    if first is None or not _ENDS_DAY_NUMBER.search(tail):
        return False
    if first.group()[:1].islower():  # "rose in the 2. | quarter"
        return True
    if first.group() in _MONTHS:
        return _BEFORE_A_DATE.search(tail) is not None
    return (
        _ENGLISH_ENDS_ORDINAL.search(tail) is not None
        and first.group()[:1].isupper()
        and first.group().lower() not in language_function_words()[1]
    )


def split_english_sentences(text: str) -> list[str]:
    """English sentences (pysbd's English rules, joined again after an abbreviation that never
    ends one or a German ordinal), for summarizing English text directly and for a title."""
    sentences: list[str] = []
    for line in text.splitlines():
        # in windows, as a German paragraph: an article of one line (JSON Lines data sets) of
        # 50,000 characters took pysbd 2 s whole, one of 200,000 half a minute
        pieces = [p.strip() for p in _pysbd_pieces(line, _PYSBD_WINDOW, language="en") if p.strip()]
        found = [s.strip() for s in _sentences_as_they_stand(line, pieces) if s.strip()]
        # joined as they stand in the line (each is a slice of it, in order)
        spans: list[list[int]] = []
        position = 0
        for sentence in found:
            start = line.index(sentence, position)
            position = start + len(sentence)
            # the rules read a sentence's end only: a long run of joins copies no more of it
            if spans and _english_goes_on(
                line[max(spans[-1][0], spans[-1][1] - _TAIL_CHARS) : spans[-1][1]], sentence
            ):
                spans[-1][1] = position
            else:
                spans.append([start, position])
        sentences += [line[start:end] for start, end in spans]
    return sentences


def _starts_sentence(piece: str) -> bool:
    first_word = piece.split(maxsplit=1)[0].strip("„“\"»«'(")
    return first_word in _SENTENCE_STARTERS


def _starts_lowercase(text: str) -> bool:
    first_word = _STARTS_LOWERCASE_WORD.match(text)
    return first_word is not None and first_word.group().islower()


def _goes_on_past_stop(sentence_start: str, tail: str, piece: str) -> bool:
    """Whether ``piece`` goes on the sentence that pysbd ended at the full stop of ``tail``
    (the sentence begins with ``sentence_start``): a lowercase word, a year or dash after a
    day and month, a number after a month's short form, and what follows an ordinal (see
    _ENDS_ORDINAL) unless it starts a sentence. Where the sentence itself starts in
    lowercase, the writer does not capitalise (a reader's comment), and a lowercase piece is
    left to start its own. So does a lowercase word after a quoted question or exclamation
    (_ENDS_QUOTED_QUESTION)."""
    if _ENDS_QUOTED_QUESTION.search(tail):
        return _starts_lowercase(piece) and not _starts_lowercase(
            sentence_start.lstrip(_OPENING_MARKS)
        )
    if not _ENDS_FULL_STOP.search(tail):
        return False
    if _starts_lowercase(piece):
        return not _starts_lowercase(sentence_start.lstrip(_OPENING_MARKS))
    if _ENDS_DAY_MONTH.search(tail):
        return bool(_STARTS_YEAR_OR_DASH.match(piece))
    if _ENDS_ORDINAL.search(tail):
        return not _starts_sentence(piece)
    if _ENDS_NUMBER.search(tail) and _STARTS_ANNIVERSARY.match(piece):
        return True
    if _ENDS_NUMBER_UNIT.search(tail):
        first = _FIRST_WORD_AND_AFTER.match(piece)
        return first is not None and not _starts_after_number(first.group(1), piece[first.end() :])
    return bool(_ENDS_DATE_ABBREVIATION.search(tail) and _STARTS_NUMBER.match(piece))


def _rejoin_false_splits(paragraph: str, pieces: list[str]) -> list[str]:
    """``pieces`` (slices of ``paragraph``, in order) joined where pysbd ended a sentence too
    early; each sentence is cut from the paragraph, so the white space between two joined pieces
    stays as it stands there ("zum 130.  Geburtstag", "am 24.12.\u00a0nach")."""
    spans: list[list[int]] = []  # [start, end) of each merged sentence in the paragraph
    first = ""  # the first piece of the last sentence
    position = 0
    tail = ""  # the last _TAIL_CHARS characters of the last sentence's pieces joined by spaces
    for piece in pieces:
        start = paragraph.index(piece, position)
        position = start + len(piece)
        if spans and _goes_on(first, tail, piece):
            spans[-1][1] = position
            tail = f"{tail} {piece[-_TAIL_CHARS:]}"[-_TAIL_CHARS:]
        else:
            spans.append([start, position])
            first = piece
            tail = piece[-_TAIL_CHARS:]
    return [paragraph[start:end] for start, end in spans]


def _goes_on(sentence_start: str, tail: str, piece: str) -> bool:
    """Whether the sentence that begins with ``sentence_start`` and ends with ``tail`` (its last
    _TAIL_CHARS characters at most) goes on into ``piece``, where pysbd ended it."""
    return bool(
        not _ENDS_CLAUSE.search(tail)
        or (ends_with_abbreviation(tail) and not _starts_sentence(piece))
        or _goes_on_past_stop(sentence_start, tail, piece)
        or (_ENDS_COLON.search(tail) and _STARTS_ORDINAL.match(piece))
        or (_ENDS_NUMBER_AFTER_COLON.search(tail) and not _starts_sentence(piece))
        or _NUMBER_OPENS.search(tail)
    )


def sentence_goes_on(before: str, after: str) -> bool:
    """Whether a sentence reads on from ``before`` (the text since the last sentence end) into
    ``after``, by the rules that join pysbd's pieces again ("20 Min. | Verspätung", "Abs. |
    Satz", "dem 2. | Weltkrieg"). The window splitter (batching) cuts a sentence too long for
    the window at the sentence ends inside it by these same rules, so the two never disagree:
    with a list of its own it cut "… 20 Min." from "Verspätung …", which this module joins."""
    if not before.strip() or not after.strip():
        return False
    return _goes_on(before.lstrip(), before[-_TAIL_CHARS:].rstrip(), after.lstrip())


def _starts_after_number(word: str, after: str) -> bool:
    """Whether ``word``, capitalised after a number's full stop, starts a sentence (``after``:
    the text after it): one of _SENTENCE_STARTERS, or a German function word standing alone
    ("Haben", "Immer", "Während"; not "Über" of "Über­gang" or "Über-Ich"): an ordinal is
    followed by its noun or a lowercase adjective ("am 3. Oktober", "der 2. große Sieg"), never
    by an article, pronoun, verb or adverb, which German capitalises only to open a sentence
    ("… auf Platz 4. Haben das die Frankfurter …", development pages). Not those that are nouns
    too ("im Zeitalter der 4. Macht"). Nor a word that goes on past a hyphen or a soft hyphen,
    the start of a longer word, starter or not ("die 3. Auf\xadlage", "der 1. Ich-Erzähler",
    "am 3. Ein\xadsatz\xadtag": the number and its noun went to the translator apart). The word
    is read without its soft hyphens, which a page's hyphenator puts into starters too ("etc.
    Zu\xaddem …", "Platz 4. Da\xadnach …" went to the translator as one sentence)."""
    if after.startswith(("\xad", "-")):
        return False
    word = word.replace(SOFT_HYPHEN, "")
    if word in _SENTENCE_STARTERS:
        return True
    return (
        word[:1].isupper()
        and word not in _FUNCTION_WORD_NOUNS
        and word.lower() in language_function_words()[0]
    )


def _split_after_numbers(sentence: str) -> list[str]:
    parts: list[str] = []
    start = 0
    items: set[int] = set()  # the numbers of the list items opened in this sentence
    for match in _NUMBER_STOP_STARTER.finditer(sentence):
        # A number with no word before it in the sentence numbers a list item ("1. Die
        # Regierung …", "Drei Punkte. 2. Der Bund …"): it ends no sentence. Split there, "1."
        # went to the translator alone, and the item's text as a sentence of its own. So does
        # a list's first number after a colon, and its next after a comma or semicolon ("Die
        # Ergebnisse: 1. Die Grünen 25 Prozent, 2. Die CDU …"); "Termin: 22. Die Sitzung …"
        # ends a sentence.
        opening = _OPENS_ITEM.search(sentence, max(start, match.start() - 8), match.start())
        if opening:
            number = int(opening.group(2))
            if (opening.group(1) == ":" and number == 1) or number - 1 in items:
                items.add(number)
                continue
        # A quotation after an ordinal is a title the ordinal counts, its article its own:
        # "ihr 7. „Wir sind Helden“-Konzert", "die 3. „Die Zeit“-Ausgabe"; after a number no
        # article or possessive makes an ordinal, it opens a sentence ("Harit 62. "Dann …").
        before = sentence[: match.start()]
        if match.start(1) > match.end() and (
            _ENDS_ORDINAL.search(before) or _ENDS_HER_ORDINAL.search(before)
        ):
            continue
        if _starts_after_number(match.group(1), sentence[match.end(1) :]) and LETTER.search(
            sentence, start, match.start()
        ):
            parts.append(sentence[start : match.start()])
            start = match.end()
    parts.append(sentence[start:])
    return parts


def _split_at_german_openings(sentence: str) -> list[str]:
    """``sentence`` cut where a German-order quotation opens after a sentence end
    (_GERMAN_OPEN), but not after an abbreviation that never ends a sentence."""
    parts: list[str] = []
    start = 0
    for match in _GERMAN_OPEN.finditer(sentence):
        # The end before the match only, as the rejoin rules read it: the whole text before
        # each match would make a paragraph of many quotations quadratic.
        if ends_with_abbreviation(
            sentence[max(start, match.start() - _TAIL_CHARS) : match.start()]
        ):
            continue
        parts.append(sentence[start : match.start()])
        start = match.end()
    parts.append(sentence[start:])
    return parts


def _split_at_marked_ends(sentence: str) -> list[str]:
    """``sentence`` cut after a footnote mark, an emphatic run of marks or an ellipsis that ends
    a sentence (_MARKED_END), but not after an abbreviation that never ends one ("Dr.[1]
    Müller")."""
    parts: list[str] = []
    start = 0
    inside: bytearray | None = None
    for match in _MARKED_END.finditer(sentence):
        mark_end = match.start(1)
        full_stop = sentence.rfind(".", match.start(), mark_end)
        if full_stop != -1:
            before = sentence[max(start, full_stop + 1 - _TAIL_CHARS) : full_stop + 1]
            # an abbreviation, or a day's or rank's number ("am 3.[2] Oktober")
            if ends_with_abbreviation(before) or _ENDS_SHORT_NUMBER.search(before):
                continue
        inside = inside if inside is not None else _protected(sentence)
        if inside[mark_end]:
            continue  # inside a quotation or parenthesis: „Toll!!! Aber teuer“, sagte er.
        parts.append(sentence[start:mark_end])
        start = match.end(1)
    parts.append(sentence[start:])
    return parts


def _split_at_word_ends(sentence: str) -> list[str]:
    """``sentence`` cut after a word or unit that pysbd reads as an abbreviation where it ends a
    sentence (_WORD_END_PYSBD_HOLDS_ABBREVIATION), but not inside a quotation or parenthesis,
    which pysbd keeps whole ("„Was ich mag. Das ist gut“, sagte er.")."""
    return _split_outside_quotations(sentence, _WORD_END_PYSBD_HOLDS_ABBREVIATION)


def _split_between_quotations(sentence: str) -> list[str]:
    """``sentence`` cut where a quotation that ends a sentence is followed by the next one
    (_QUOTATION_AFTER_QUOTATION), but not inside a quotation or parenthesis."""
    return _split_outside_quotations(sentence, _QUOTATION_AFTER_QUOTATION)


def _split_outside_quotations(sentence: str, gap: re.Pattern[str]) -> list[str]:
    """``sentence`` cut at each match of ``gap`` (white space, dropped) that lies outside the
    quotations and parentheses pysbd keeps whole (_protected)."""
    parts: list[str] = []
    start = 0
    inside: bytearray | None = None
    for match in gap.finditer(sentence):
        inside = inside if inside is not None else _protected(sentence)
        if inside[match.start()]:
            continue
        parts.append(sentence[start : match.start()])
        start = match.end()
    parts.append(sentence[start:])
    return parts


def _protected(paragraph: str, language: str = "de") -> bytearray:
    """1 at each offset that lies inside a pair of marks pysbd never splits between (_QUOTE_PAIRS;
    with its English rules, _ENGLISH_QUOTES too).

    Linear: each pair is found with str.find from where the last one closed, and once an opening
    mark has no closing mark after it, no later one has either.
    """
    inside = bytearray(len(paragraph) + 1)

    def mark(opening_at: int, closing_at: int) -> None:
        inside[opening_at + 1 : closing_at + 1] = b"\x01" * (closing_at - opening_at)

    for opening, closing in _QUOTE_PAIRS:
        position = 0
        while (opening_at := paragraph.find(opening, position)) != -1:
            closing_at = paragraph.find(closing, opening_at + len(opening))
            if closing_at == -1:
                break
            mark(opening_at, closing_at)
            position = closing_at + 1
    opening_at = -1
    for match in _PARENTHESIS.finditer(paragraph):
        if match.group() == "(":
            opening_at = match.start()
        elif opening_at != -1:
            mark(opening_at, match.start())
            opening_at = -1
    for quotation, closing in _ENGLISH_QUOTES if language == "en" else ():
        # searched up to the last closing mark: an opening one after it is tried at each later
        # place to the paragraph's end, and thousands of them took seconds
        end, position = paragraph.rfind(closing) + 1, 0
        while (found := quotation.search(paragraph, position, end)) is not None:
            mark(found.start(), found.end() - 1)
            position = found.end()
    return inside


def _plain_cut(window_start: int, spans: Sequence[Any], limit: int, protected: bytearray) -> int:
    """Offset of the last sentence start pysbd found in a window, up to ``limit``, that follows a
    plain sentence end outside quotes and brackets and starts with a capital; -1 if none does."""
    for left, right in reversed(list(pairwise(spans))):
        cut = window_start + right.start
        if not window_start < cut <= limit or protected[cut]:
            continue
        ending = left.sent.rstrip()
        if (
            left.sent[-1:].isspace()
            and _PLAIN_END.search(ending)
            and not ends_with_abbreviation(ending)
            and right.sent.lstrip().lstrip(_OPENING_MARKS)[:1].isupper()
        ):
            return cut
    return -1


def _forced_cut(paragraph: str, start: int, limit: int, protected: bytearray) -> int:
    """Where to cut a window with no plain sentence end: the last space up to ``limit``, one
    outside quotes and brackets and after a letter, digit or comma if there is one; else the first
    space after ``limit`` (without spaces pysbd's work is linear: its abbreviations need a space
    before them); else the paragraph's end."""
    spaces = [match.start() for match in _SPACE.finditer(paragraph, start + 1, limit + 1)]
    if spaces:
        return max(
            spaces,
            key=lambda at: (not protected[at], bool(_JOINS.match(paragraph, at - 1)), at),
        )
    after = _SPACE.search(paragraph, limit + 1)
    return after.start() if after else len(paragraph)


def _pysbd_pieces(
    paragraph: str, window: int, source: Path | None = None, language: str = "de"
) -> list[str]:
    """pysbd's sentences of ``paragraph`` (its ``language`` rules), found window by window when
    it is longer than ``window``.

    Each window starts where pysbd began a sentence in the last one, after a plain sentence end
    (_plain_cut); pysbd's rules read only a few characters around a full stop, and the marks it
    pairs over longer stretches are kept whole (_protected), so the pieces are the ones it finds in
    the whole paragraph. A window without such a start is cut at a space (_forced_cut), which is
    logged (naming ``source``, the article's file, where given); no character is dropped either
    way (the German rules join the halves again, _rejoin_false_splits; with the English ones
    they are one piece here). A window starts with the space before its first sentence, as that
    sentence stands in the paragraph: pysbd reads a text's first word apart
    (its abbreviation pass takes "V" of "Vergleichen" at the start for the abbreviation "v" and
    then joins every sentence that ends in "...V.", such as "§ 6a PAngV.", to the next).
    """
    segment = _segmenter(language, char_span=True).segment
    if len(paragraph) <= window:
        return [span.sent for span in segment(paragraph)]
    protected = _protected(paragraph, language)
    spans: list[list[int]] = []  # [start, end) of each piece in the paragraph
    start = forced = 0
    joins = language != "de"  # the halves of a forced cut, one piece
    half = False  # the last piece ends at a forced cut

    def add(found: Sequence[Any], offset: int, before: int | None = None) -> None:
        nonlocal half
        for number, span in enumerate(found):
            if before is not None and offset + span.start >= before:
                break
            if half and number == 0:
                spans[-1][1] = offset + span.end
            else:
                spans.append([offset + span.start, offset + span.end])
        half = False

    while len(paragraph) - start > window:
        found = segment(paragraph[start : start + window])
        limit = start + int(window * _CUT_ZONE)
        cut = _plain_cut(start, found, limit, protected)
        if cut != -1:
            add(found, start, before=cut)
            cut -= 1  # the next window starts with the space before its first sentence
        else:
            forced += 1
            cut = _forced_cut(paragraph, start, limit, protected)
            add(segment(paragraph[start:cut]), start)
            half = joins and bool(spans)
        start = cut
    add(segment(paragraph[start:]), start)
    if forced:  # informational: the halves are joined again, so no sentence changes
        logger.info(
            "segment: %sa paragraph of %d characters had no plain sentence end in %d "
            "stretch(es) of %d characters; each was cut at a space for the sentence splitter "
            "(no text lost)",
            f"{shown(source)}: " if source is not None else "",
            len(paragraph), forced, int(window * _CUT_ZONE),
        )  # fmt: skip
    return [paragraph[begin:end] for begin, end in spans]


def _sentences_as_they_stand(paragraph: str, pieces: list[str]) -> list[str]:
    """pysbd's pieces (trimmed, in order) joined back where it ended a sentence too early, each
    sentence cut from the paragraph itself, so that sentences joined by a space read as the
    paragraph does:
    - closing quote marks at the start of a piece, then a space, end the sentence before
      (pysbd's German rules split '"Wir kommen." Dann' into '"Wir kommen.' and '" Dann'; an
      opening mark is never followed by a space);
    - a sentence ends only where white space follows ("gut!Wirklich", "und ![Bild](…)", a URL);
    - text pysbd left out ("Spring is in the Air. ♪♬" comes back without "♪♬") is kept, with
      the sentence after it or, at the end, the last one. No character is lost.
    """
    spans: list[list[int]] = []  # [start, end) of each sentence in the paragraph
    position = 0
    for piece in pieces:
        found = paragraph.find(piece, position)
        if found == -1:  # not the paragraph's text (never seen): the paragraph, whole
            return [paragraph.strip()]
        start, end = found, found + len(piece)
        if paragraph[position:found].strip():  # skipped over: it leads this piece
            skipped = paragraph[position:found]
            start = position + len(skipped) - len(skipped.lstrip())
        position = end
        if spans:
            # a piece's leading closers end the sentence before only where nothing skipped
            # stands before them ("vorbei.♬»Danke!«": pysbd leaves out "♬»Danke!")
            if start == found and (closers := _LEADING_CLOSERS.match(piece)):
                spans[-1][1] = start + closers.end(1)
                start += closers.end()
                if start >= end:
                    continue
            elif not paragraph[start - 1].isspace():
                spans[-1][1] = end
                continue
        spans.append([start, end])
    rest = paragraph[position:].rstrip()
    if rest.strip():
        end = position + len(rest)
        if spans:
            spans[-1][1] = end
        else:
            spans.append([end - len(rest.lstrip()), end])
    return [paragraph[start:end] for start, end in spans]


def _as_pysbd_reads(paragraph: str) -> str:
    """``paragraph`` as it goes to pysbd: where its quotations are in German-order guillemets
    (the first opens with "»" after a space, the paragraph's start or a bracket, before a word;
    a "«" follows; no Swiss «…» opens before it, _SWISS_ORDER), each "»" as "›" and each "«" as
    "‹", which pysbd pairs with nothing (see _GERMAN_ORDER); else the paragraph itself. One
    character for one: the offsets stay."""
    opening = _GERMAN_ORDER.search(paragraph)
    if opening is None or "«" not in paragraph[opening.end() :]:
        return paragraph
    swiss = _SWISS_ORDER.search(paragraph, 0, opening.start())
    if swiss is not None:  # a Swiss «…» came first
        return paragraph
    return paragraph.translate(_GERMAN_GUILLEMETS)


def _same_places(paragraph: str, seen: str, sentences: list[str]) -> list[str]:
    """The slices of ``paragraph`` at the places of ``sentences``, slices of ``seen`` in order
    (``seen`` is ``paragraph`` with characters replaced one for one)."""
    found: list[str] = []
    position = 0
    for sentence in sentences:
        start = seen.index(sentence, position)
        position = start + len(sentence)
        found.append(paragraph[start:position])
    return found


def split_sentences(paragraph: str, source: Path | None = None) -> list[str]:
    """Sentences of one paragraph, whitespace-trimmed, none empty; ``source``: the article's
    file, which a log line about the paragraph names (among a batch's articles, a run's log
    could not tell which one it was)."""
    seen = _as_pysbd_reads(paragraph)
    pieces = _pysbd_pieces(seen, _PYSBD_WINDOW, source)
    pieces = [piece.strip() for piece in pieces if piece.strip()]
    pieces = _sentences_as_they_stand(seen, pieces)
    if seen is not paragraph:
        pieces = _same_places(paragraph, seen, pieces)
    sentences = [
        part
        for piece in _rejoin_false_splits(paragraph, pieces)
        for numbered in _split_after_numbers(piece)
        for quoted in _SWISS_CLOSE.split(numbered)
        for opened in _split_at_german_openings(quoted)
        for marked in _split_at_marked_ends(opened)
        for worded in _split_at_word_ends(marked)
        for part in _split_between_quotations(worded)
    ]
    return [sentence.strip() for sentence in sentences if sentence.strip()]


def segment_paragraphs(
    paragraphs: Sequence[str], source: Path | None = None
) -> tuple[tuple[str, ...], ...]:
    segmented = (tuple(split_sentences(paragraph, source)) for paragraph in paragraphs)
    return tuple(sentences for sentences in segmented if sentences)


def segment_article(article: CleanArticle, source: Path | None = None) -> SegmentedArticle:
    """The article's sentences, paragraph by paragraph (``source``: :func:`split_sentences`)."""
    return SegmentedArticle(
        title=article.title, paragraphs=segment_paragraphs(article.paragraphs, source)
    )
