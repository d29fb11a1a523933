"""Render: the brief's run record, the bilingual Markdown brief and the index, as text.

:mod:`summarize.outputs` writes them; :mod:`summarize.view` formats the same records as HTML.
Article text is data: every piece of it goes through :func:`escape_markdown`, and the front matter
is written by a YAML emitter, so no article can break the document's structure or add a link
(but for an e-mail address in GitHub's renderer, which no escape stops: see _AUTOLINK_TRIGGER).
"""

from __future__ import annotations

import itertools
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

import yaml
from linkify_it import LinkifyIt

from summarize.errors import LINE_BREAKING, UNCLEAR_SPACE, escaped, shows_text
from summarize.ingest.details import NO_DETAILS, SourceDetails, one_line
from summarize.record import (
    BriefRecord,
    Counts,
    DroppedRecord,
    FlagRecord,
    KeyFactRecord,
    Paragraph,
    SentencePair,
    SentenceWarning,
    SummaryRecord,
)

if TYPE_CHECKING:
    from summarize.checks import Flag, KeyFact, TranslationWarning
    from summarize.clean import Dropped
    from summarize.summarization import Summary

# The checks (0.15 s of imports) are imported by the functions that use them: the index and
# the front matter, all a rerun whose every brief is current renders, need none of them.

# Markup wherever it stands, in one renderer or another: "{" opens an attribute list in
# Python-Markdown (MkDocs), pandoc and kramdown ("Satz {onfocus=…}" set a script on the heading)
# and a template tag for Jekyll's Liquid and Hugo ("{{ site.title }}", "{%"); "^" superscript in
# pandoc and pymdown-extensions, "$" maths, "~" strike-through and subscript.
_INLINE_SPECIAL = frozenset("\\`*_[]<>|~$^{")
# An ampersand is markup only where it starts an entity or character reference ("&amp;",
# "&#65;", "&#x41;"); "H&M" needs no backslash, and kramdown (Jekyll's reader), which has no
# "\&" escape, showed one. A numeric reference without its ";" too: Python-Markdown (MkDocs)
# reads "&#65" and "&#x41" as references, and "Nr &#8222 x" showed "Nr „ x".
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;|#[0-9]|#[xX][0-9A-Fa-f])")
_LINK_SPECIAL = frozenset(".:")  # escaped inside anything a linkifier would turn into a link
# What starts a GFM autolink whatever follows (GFM checks no top-level domain, linkify-it does):
# "www." and a scheme's "://". Not the "@" of an e-mail address: GitHub's cmark-gfm links an
# address whatever its escapes, as it looks for them after reading them (cmark-gfm#278),
# markdown-it links none whose domain's "." is escaped, and kramdown (Jekyll's reader) has no
# "\@" escape: it showed "presse\@partei.de" and "@AgnesCallamard" with the backslash.
_AUTOLINK_TRIGGER = re.compile(r"(?i)(?<![a-z0-9])www(\.)|(:)//")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Markup of extensions made of a run of two: "==marked==" (pymdown-extensions, mistune, Obsidian),
# "++ctrl+alt++" (keys in pymdown-extensions) and "%%" (a comment in Obsidian: hidden up to the
# next "%%"; "um 50 %% erhöhen, sagte … %% Dieser" hid the words between). An emoji shortcode
# (":smile:" in GitHub, pandoc's gfm and pymdown-extensions) is parted at its first colon.
_MARKUP_RUN = re.compile(r"={2,}|\+{2,}|%{2,}")
_EMOJI_SHORTCODE = re.compile(r":(?=[a-z0-9_+-]+:)")
# A hashtag ("#MeToo", "#btw17", "(#at25eu"): a tag in Obsidian, which lists it in the vault's
# tags and styles it as one; 68 of the 588 development pages hold some. A "#" after a letter or
# digit ("C#") starts none, nor one after "&" (a character reference's, "&#8364;", escaped as such).
_HASHTAG = re.compile(r"(?<![\w&])#(?=[\w/-])")
# A citation in pandoc's Markdown (its default reader, "citations" on): "@" after anything but a
# letter or digit ("_" too) and before a word character ("@dpa", "-@dpa", "„@AgnesCallamard"),
# which `--citeproc` showed as "(dpa?)" (citation not found); without it, a key takes what follows
# raw ("@AT&amp;T" showed "@AT&amp;amp;T"). Not the "@" of an e-mail address, after a letter.
_CITATION = re.compile(r"(?<![^\W_])@(?=\w)")
_TITLE_MAX_WORDS = 20
# What makes a line a heading, quote, list item or (with the definition-list extension of
# markdown-it and kramdown) a definition.
# pandoc's fancy and example lists ("a) …", "(1) …", "iv. …", "(@) …") too, and an admonition
# ("!!! note" in Python-Markdown and markdown-it's admon, "??? note" a collapsible one in
# pymdown-extensions): the marker's last character is escaped. An example's marker may carry a
# label ("(@dpa) …"): pandoc made the line a numbered list and every "@dpa" of the brief its
# number. And a block of pymdown-extensions' blocks ("/// caption", "//// note"): a summary
# starting so became a figure's caption or a note; its first "/" is escaped.
_LINE_START_SPECIAL = re.compile(
    r"[#>+=:!?-]|\d+[.)]|\(?(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|@[\w-]*|#)[.)](?=\s|$)|/(?=//)"
)
# A heading's optional closing sequence: "#"s at the end after a space ("# Nummer #" shows
# "Nummer"), stripped from the text however the rest is escaped. pandoc's Markdown and
# Python-Markdown (MkDocs) strip them after any character, and the "#"s after an escaped one: a
# headline on "C#" lost its "#".
_CLOSING_HASHES = re.compile(r"(#+)$")
# A stop, and the closing marks after it ('… said: "We will manage it." The CDU …').
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?][\"'”’“‘»«›‹)\]]*)(?:\s|$)")
# A sentence's last word, of letters only (no initial, number or "U.S"), and its stop.
_LAST_WORD = re.compile(r"(?:^|\s)[\"'(„“‚‘»«]*([^\W\d_]{4,})([.!?])$")
# The same inside a quotation that closes there ('… said: "We will manage it."'): a word of two
# letters or more, as no abbreviation of one letter ("J.") closes a quotation.
_LAST_QUOTED_WORD = re.compile(r"(?:^|\s)[\"'„“‚‘»«]*([^\W\d_]{2,})([.!?])[\"'”’“‘»«›‹]+$")
# The words of a text the English sentence rules read first: its first sentence as far as a
# title shows it (20 words), and a little more; more where the sentence goes on past them.
_LEADING_WORDS = _TITLE_MAX_WORDS + 10
# The most words read so: the rules take time that grows faster than the text does (20,000
# "Dr." took half a minute), and no summary's first sentence is longer.
_MOST_WORDS_READ = _LEADING_WORDS * 16
_WORD = re.compile(r"\S+")
# Explicit bidi formatting (UAX #9): embeddings and overrides (LRE, RLE, LRO, RLO) end at a PDF,
# isolates (LRI, RLI, FSI) at a PDI, or all at the end of the paragraph.
_BIDI_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
_BIDI_ISOLATES = frozenset("\u2066\u2067\u2068")
_PDF, _FSI, _PDI = "\u202c", "\u2068", "\u2069"
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")

ARTICLE_NOTE = "Each English paragraph (¶) is followed by its German original, quoted."
# What stands for a sentence whose translation came back empty, in the brief and the view alike.
NO_TRANSLATION = "(no translation)"


# One linkify-it matcher per thread (it keeps match state, and building one takes ~1 ms).
_PER_THREAD = threading.local()


# The index's first line, always: a run replaces an index.md only when it starts so.
INDEX_TITLE = "# Briefs"
# The opening of the index's line on the latest run, and of each of its entries: the view reads
# what index.md says of the latest run (the one place it is kept) between the two.
LATEST_RUN = "Latest run: "
INDEX_ENTRY = "- **["
# The line before the entries where a list of the latest run's problems comes first.
BRIEFS_LIST = "**Briefs** ("
# The line before the list of the folder's briefs that the index cannot list.
LEFT_OUT = "**Briefs left out of this index** ("
# An index entry whose brief is an earlier run's: the latest run failed on its input or skipped it.
NOT_CURRENT = "**Not current:** "
NOT_CURRENT_BECAUSE = {
    "failed": "a later run failed on this article; this brief is an earlier run's.",
    "skipped": "a later run skipped this article; this brief is an earlier run's.",
    "gone": "its source file is no longer where this brief was made from (renamed, moved or "
    "deleted).",
}


def _linkifier() -> LinkifyIt:
    # linkify-it finds a superset of what GFM autolinks (http(s)://, www., e-mail) and what
    # markdown-it's linkify turns into links (bare domains such as zeit.de).
    if not hasattr(_PER_THREAD, "linkifier"):
        _PER_THREAD.linkifier = LinkifyIt()
    return _PER_THREAD.linkifier


def escape_markdown(text: str) -> str:
    """Make ``text`` render as itself in CommonMark/GFM and the common extended readers
    (kramdown, Python-Markdown, pandoc, pymdown-extensions): no links (bare URLs included),
    HTML, emphasis, headings, lists, tables, attributes or maths, nor template tags for a site
    generator (Liquid, Hugo). The text is made one line (control characters removed, runs of
    white space one space); otherwise only backslashes and character references are added,
    and text with bidi controls is isolated (:func:`bidi_isolation`)."""
    text, escape = _markup_characters(text)
    return "".join(_escaped(c) if flag else c for c, flag in zip(text, escape, strict=True))


def escape_html_block_text(text: str) -> str:
    """Make ``text`` render as itself inside a raw HTML block of the brief (the cleaner's audit),
    which most readers pass on as HTML (GitHub, VS Code, Obsidian, Python-Markdown without
    md_in_html) and a few read as Markdown (pandoc; kramdown and Python-Markdown where asked):
    what :func:`escape_markdown` escapes, and every "&", as character references, which read
    as the character either way. A backslash escape is no escape in HTML: there the audit
    showed "\\-" and "\\*". One line, as :func:`escape_markdown` makes it."""
    text, escape = _markup_characters(text)
    return "".join(
        f"&#{ord(c)};" if flag or c == "&" else c for c, flag in zip(text, escape, strict=True)
    )


def _markup_characters(text: str) -> tuple[str, list[bool]]:
    """``text`` as one line (bidi-isolated where it has bidi controls), and for each of its
    characters whether it must be escaped to read as itself (:func:`escape_markdown`)."""
    text = " ".join(_CONTROL.sub("", text).split())  # one line: a newline could start a heading
    escape = [char in _INLINE_SPECIAL for char in text]
    if start_marker := _LINE_START_SPECIAL.match(text):  # a heading, quote or list item
        escape[start_marker.end() - 1] = True
    if closing := _CLOSING_HASHES.search(text):  # in a heading, a closing sequence: each "#"
        escape[closing.start(1) : closing.end(1)] = [True] * len(closing.group(1))
    for trigger in _AUTOLINK_TRIGGER.finditer(text):
        escape[trigger.start(next(group for group in (1, 2) if trigger.group(group)))] = True
    for run in _MARKUP_RUN.finditer(text):
        escape[run.start() : run.end()] = [True] * (run.end() - run.start())
    for shortcode in _EMOJI_SHORTCODE.finditer(text):
        escape[shortcode.start()] = True
    for hashtag in _HASHTAG.finditer(text):
        escape[hashtag.start()] = True
    for citation in _CITATION.finditer(text):
        escape[citation.start()] = True
    for entity in _ENTITY_START.finditer(text):
        escape[entity.start()] = True
    # The isolate is part of the line a renderer reads, and linkify-it takes its controls for
    # letters: ".evil.com/x" with an RLO became a link to "http://xn--nxg.evil.com/x".
    before, after = bidi_isolation(text)
    text = before + text + after
    escape = [False] * len(before) + escape + [False] * len(after)
    # A renderer linkifies each run of text between escapes on its own, and a run can look like a
    # link where the whole text does not ("A.AL|" → "A.AL"): escape until no run looks like one.
    changed = True
    while changed:
        changed = False
        start = 0
        for end in [*(i for i, flag in enumerate(escape) if flag), len(text)]:
            for match in _linkifier().match(text[start:end]) or ():
                for position in range(start + match.index, start + match.last_index):
                    if text[position] in _LINK_SPECIAL and not escape[position]:
                        escape[position] = changed = True
            start = end + 1
    return text, escape


# What has no backslash escape in one renderer or another, which then shows the backslash: kramdown
# (Jekyll's reader) has none for "&" ("\&euro;" showed "\€"), "^" and "@"; Python-Markdown (MkDocs)
# none for "<", "$", "~", "|" (without its tables), ":", "=", "%", "/" and "^" ("\$5" showed "\$5"),
# and its raw HTML blocks (the audit's <details>) take "\<img …>" for a tag. And with
# pymdown-extensions' maths (arithmatex) "\[…\]" is a formula: "[^1]" showed as one. A character
# reference reads as the character in every renderer, and starts no markup in any.
_REFERENCES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "$": "&#36;",
    "~": "&#126;",
    "|": "&#124;",
    ":": "&#58;",
    "=": "&#61;",
    "%": "&#37;",
    "/": "&#47;",
    "^": "&#94;",
    "@": "&#64;",
    "{": "&#123;",
    "?": "&#63;",
    "[": "&#91;",
    "]": "&#93;",
}


def _escaped(char: str) -> str:
    return _REFERENCES.get(char) or f"\\{char}"


def bidi_isolation(text: str) -> tuple[str, str]:
    """What to put before and after ``text`` so that its bidi controls (a right-to-left override
    in a file name "report" RLO "txt.exe") act inside it alone: an isolate (FSI ... PDI, what
    ``<bdi>`` is in the HTML view), with the closers of whatever ``text`` leaves open. Without
    it the value reversed what follows it on the line in the Markdown (the index's date and
    counts). Nothing for text without bidi controls (nearly all)."""
    if not _BIDI_CONTROL.search(text):
        return "", ""
    open_: list[str] = []
    stray = 0  # PDIs closing nothing of the text's own: each would close an FSI put before it
    for char in text:
        if char in _BIDI_EMBEDDINGS:
            open_.append(_PDF)
        elif char in _BIDI_ISOLATES:
            open_.append(_PDI)
        elif char == _PDF and open_ and open_[-1] == _PDF:
            open_.pop()
        elif char == _PDI:
            if _PDI not in open_:
                stray += 1
                continue
            while open_.pop() != _PDI:  # it ends its isolate and what is open inside it
                pass
    return _FSI * (1 + stray), "".join(reversed(open_)) + _PDI * (1 + stray)


def first_sentence(text: str) -> str:
    """The first sentence, at most 20 words (a run-on summary must not become a huge title), in
    one line, as the brief's heading shows it: a line break in it stood in the record's and the
    front matter's title ("…troops\\nto Russia.")."""
    sentence = _LINE_BREAK.sub(" ", _first_sentence(text.strip()))
    words = sentence.split()
    return sentence if len(words) <= _TITLE_MAX_WORDS else " ".join(words[:_TITLE_MAX_WORDS]) + " …"


def _first_sentence(text: str) -> str:
    """The first sentence of ``text`` (stripped) as it stands there, its line breaks read as the
    spaces the brief and the view show them as: a summary "North Korea sent troops<newline>to
    Russia. Many are dead." was titled with all of it (up to 20 words, over sentences), and its
    index line, the sentence after the title, was empty. (:func:`_first_sentence_in_line`)"""
    in_line = _LINE_BREAK_CHARACTER.sub(" ", text)  # a space for each: every position stays
    return text[: len(_first_sentence_in_line(in_line))]


# What str.splitlines() breaks a line at; in a title, a break and the white space around it are
# one space (a no-break space stays: "5\xa0km" is no break).
_LINE_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_LINE_BREAK_CHARACTER = re.compile(f"[{_LINE_BREAKS}]")
_LINE_BREAK = re.compile(rf"[^\S{_LINE_BREAKS}]*[{_LINE_BREAKS}]\s*")


def _first_sentence_in_line(text: str) -> str:
    """The first sentence of ``text`` (stripped, in one line) as it stands there. A full stop
    followed by a space ended it, and a summary "U.S. President Biden met Scholz in Berlin. …"
    was titled "U.S." (so after "Dr.", "Mr.", "St. Pauli"), its index line cut there. Where the
    first stop may be an abbreviation's, the English sentence rules the summarizer's input is
    split by decide; a stop after a plain word ends the sentence without them (they take a
    millisecond a summary, and the index reads the line of every brief in the folder)."""
    candidate = _FIRST_SENTENCE.match(text)
    if candidate is None:  # no stop followed by a space: one sentence
        return text
    # (a lowercase word after it goes on with the sentence: 'He said "Yes." to the plan.')
    if _ends_plainly(candidate.group(1)) and not text[candidate.end() :].lstrip()[:1].islower():
        return candidate.group(1)
    from summarize.segment import split_english_sentences  # pysbd: loaded when first needed

    words = _LEADING_WORDS
    while True:
        head = _leading_words(text, words)
        sentences = split_english_sentences(head)
        if not sentences or not text.startswith(sentences[0]):
            return text
        if len(sentences) > 1 or len(head) == len(text) or words >= _MOST_WORDS_READ:
            return sentences[0]
        # No end within the words read: the sentence goes on past them. Taken as it stood, an
        # index line after a title from the summary began inside the first sentence, at its
        # 31st word. Read twice as far.
        words *= 2


def _leading_words(text: str, count: int) -> str:
    """The first ``count`` words of ``text`` (stripped) as they stand there; all of it where
    it has no more."""
    ends = (word.end() for word in _WORD.finditer(text))
    return text[: next(itertools.islice(ends, count - 1, None), len(text))]


def _ends_plainly(sentence: str) -> bool:
    """Whether ``sentence`` ends with a stop that no abbreviation makes: after a word of four
    or more letters, "!" or "?", or a full stop where the English sentence rules know the word
    as no abbreviation ("homes.", not "Prof." nor "Calif.")."""
    from pysbd.lang.english import English

    from summarize.segment import ends_with_english_non_final

    last = _LAST_WORD.search(sentence) or _LAST_QUOTED_WORD.search(sentence)
    if last is None:
        return False
    return last.group(2) != "." or (
        last.group(1).lower() not in English.Abbreviation.ABBREVIATIONS
        and not ends_with_english_non_final(sentence)
    )


def index_lead(record: BriefRecord) -> str:
    """The line under a brief's title in the indexes: the summary's first sentence, or, where
    that sentence is the title (the source had no headline), the sentence after it ("" when
    none), not the title twice."""
    text = record.summary.text.strip()
    if record.title_from == "summary":
        text = text[len(_first_sentence(text)) :].strip()
    return first_sentence(text) if text else ""


@dataclass(frozen=True)
class ParagraphPair:
    german: tuple[str, ...]
    english: tuple[str, ...]
    # (1-based sentence number in the paragraph, warning) for suspicious translations
    warnings: tuple[tuple[int, TranslationWarning], ...] = ()
    # (1-based sentence number in the paragraph, pieces) for sentences longer than the
    # translator's window, translated in pieces
    split: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Brief:
    """Everything a brief shows; built by the pipeline, recorded and formatted here."""

    source: str
    source_sha256: str
    stem: str
    title_de: str | None
    title_en: str | None
    paragraphs: tuple[ParagraphPair, ...]
    summary: Summary
    models: dict[str, Any]
    generation: dict[str, Any]
    generated_at: str
    seconds: dict[str, float]
    sentences_split: int
    dropped: tuple[Dropped, ...] = ()
    has_lead: bool = False
    fingerprint: str = ""
    flags: tuple[Flag, ...] = ()
    key_facts: tuple[KeyFact, ...] = ()
    key_facts_found: dict[str, int] = field(default_factory=dict)  # per kind, listed or not
    settings: dict[str, Any] = field(default_factory=dict)  # stages.run_settings
    source_path: str | None = None  # the source's absolute path (see BriefRecord)
    title_split_into: int = 0  # pieces of a headline longer than the translator's window
    title_warnings: tuple[TranslationWarning, ...] = ()  # the headline's translation warnings
    details: SourceDetails = NO_DETAILS  # what the source says of itself (ingest.details)

    def record(self) -> BriefRecord:
        """The run record: the sidecar's content, and what every view is formatted from."""
        title_from: Literal["headline", "summary", "file name"] = "headline"
        title = self.title_en if shows_text(self.title_en) else ""
        if not title:
            title_from, title = "summary", first_sentence(self.summary.text)
        if not shows_text(title):
            title_from, title = "file name", self.stem
        paragraphs = tuple(_paragraph_record(pair) for pair in self.paragraphs)
        german = [sentence.de for paragraph in paragraphs for sentence in paragraph.sentences]
        english = [sentence.en for paragraph in paragraphs for sentence in paragraph.sentences]
        return BriefRecord(
            source=self.source,
            source_path=self.source_path,
            source_sha256=self.source_sha256,
            # one line each, without control characters, however the details were made
            source_url=one_line(self.details.url) or None,
            source_date=one_line(self.details.date) or None,
            source_author=one_line(self.details.author) or None,
            source_site=one_line(self.details.site) or None,
            fingerprint=self.fingerprint,
            generated_at=self.generated_at,
            title=title,
            title_from=title_from,
            title_en=self.title_en,
            title_de=self.title_de,
            title_split_into=self.title_split_into,
            title_warnings=tuple(
                SentenceWarning(kind=warning.kind, detail=warning.detail)
                for warning in self.title_warnings
            ),
            has_lead=self.has_lead,
            summary=SummaryRecord(
                text=self.summary.text,
                path=self.summary.path,
                input_tokens=self.summary.input_tokens,
                window_tokens=self.models["summarization"]["window_tokens"],
                chunks=self.summary.chunks,
                map_rounds=self.summary.map_rounds,
                note=self.summary.note,
                final_summary=self.summary.final_summary,
                sentences_split_for_window=self.summary.sentences_split,
            ),
            flags=tuple(
                FlagRecord(kind=f.kind, text=f.text, reason=f.reason, start=f.start)
                for f in self.flags
            ),
            key_facts=tuple(
                KeyFactRecord(kind=fact.kind, text=fact.text, paragraphs=fact.paragraphs)
                for fact in self.key_facts
            ),
            key_facts_found=self.key_facts_found,
            paragraphs=paragraphs,
            dropped=tuple(DroppedRecord(rule=item.rule, text=item.text) for item in self.dropped),
            models=self.models,
            generation=self.generation,
            settings=self.settings,
            seconds={stage: round(value, 3) for stage, value in self.seconds.items()},
            counts=Counts(
                paragraphs=len(paragraphs),
                sentences_de=len(german),
                sentences_en=len(english),
                words_de=sum(len(s.split()) for s in german),
                words_en=sum(len(s.split()) for s in english),
                words_summary=len(self.summary.text.split()),
                sentences_split_for_window=self.sentences_split,
                unsupported=len(flagged_items(self.flags)),
                translation_warnings=len(self.title_warnings)
                + sum(len(pair.warnings) for pair in self.paragraphs),
                dropped=len(self.dropped),
            ),
        )


def _paragraph_record(pair: ParagraphPair) -> Paragraph:
    warnings: dict[int, list[SentenceWarning]] = {}
    for number, warning in pair.warnings:
        warnings.setdefault(number, []).append(
            SentenceWarning(kind=warning.kind, detail=warning.detail)
        )
    split = dict(pair.split)
    return Paragraph(
        sentences=tuple(
            SentencePair(
                de=german,
                en=english,
                warnings=tuple(warnings.get(number, ())),
                split_into=split.get(number, 0),
            )
            for number, (german, english) in enumerate(
                zip(pair.german, pair.english, strict=True), start=1
            )
        )
    )


def front_matter(record: BriefRecord, record_filename: str) -> dict[str, Any]:
    """What readers' tools show (Obsidian properties, Jekyll/Hugo page variables): short and
    flat; the run record in ``record_filename`` has the rest."""
    translation = record.models.get("translation", {})
    summarization = record.models.get("summarization", {})
    return {
        "title": record.title,
        "title_de": record.title_de,
        "source": record.source,
        # what the source says of itself, where it says it
        **{
            key: value
            for key, value in (
                ("source_url", record.source_url),
                ("source_date", record.source_date),
                ("source_author", record.source_author),
                ("source_site", record.source_site),
            )
            if value
        },
        "date": record.generated_at,
        "lang": "en",
        "summary": record.summary.text,
        # What the brief says under its summary: the lead standing in, a summary that may stop
        # at the output limit, chunks left out (the front matter said none of it).
        "summary_note": record.summary.note,
        "translation_model": translation.get("model"),
        "translation_revision": translation.get("revision"),
        "summarization_model": summarization.get("model"),
        "summarization_revision": summarization.get("revision"),
        "unsupported": unsupported_items(record),
        "translation_warnings": record.counts.translation_warnings,
        "record": record_filename,
        "record_id": record.record_id,
    }


def title_note(record: BriefRecord) -> str | None:
    """The line under the title (Markdown): the German headline, or where the title came from."""
    if record.title_from == "headline":
        return f"*{escape_markdown(record.title_de)}*" if record.title_de else None
    if record.title_de:  # a headline whose translation came back empty: show the German one
        source = (
            "the summary's first sentence"
            if record.title_from == "summary"
            else "the file name (the summary is empty too)"
        )
        return (
            f"*The German headline has no translation; this title is {source}. "
            f"Headline: {escape_markdown(record.title_de)}*"
        )
    # "found", not "the source has none": a short first line ("Sturm über Hamburg") is not
    # taken for a headline, and the brief must not deny what the reader sees as its ¶1.
    if record.title_from == "summary":
        return "*No headline was found in the source; this title is the summary's first sentence.*"
    return (
        "*No headline was found in the source and the summary is empty; this title is the file "
        "name.*"
    )


def source_line(record: BriefRecord) -> tuple[str, ...]:
    """What the source says of itself, as the parts of a line, each shown on its own (empty when
    it says nothing): "Tagesblatt", "https://…", "dated 2025-03-14", "by Anna Schmidt". The
    address is text, not a link: the article's file gave it."""
    return (
        *([record.source_site] if record.source_site else []),
        *([record.source_url] if record.source_url else []),
        *([f"dated {record.source_date}"] if record.source_date else []),
        *([f"by {record.source_author}"] if record.source_author else []),
    )


def chunking_note(record: BriefRecord) -> str | None:
    summary = record.summary
    notes = []
    if summary.path == "map-reduce":
        notes.append(
            f"*The English text ({summary.input_tokens} tokens) was longer than the summarizer's "
            f"window ({summary.window_tokens} tokens), so it was summarized in {summary.chunks} "
            f"chunks over {plural(summary.map_rounds, 'map round')}"
            f"{' and a final summary' if summary.final_summary else ''}.*"
        )
    if split := summary.sentences_split_for_window:
        # Said as the translator's splits are: the log alone said it.
        was, each = ("was", "it") if split == 1 else ("were", "each")
        notes.append(
            f"*{plural(split, 'sentence')} of the English {was} longer than the summarizer's "
            f"window ({summary.window_tokens} tokens), so {each} was split between chunks and "
            "its parts summarized apart.*"
        )
    if summary.note:
        notes.append(f"*{escape_markdown(as_sentence(summary.note))}*")
    if split := record.counts.sentences_split_for_window:
        window = record.models.get("translation", {}).get("window_tokens")
        limit = f" ({window} tokens)" if window else ""
        was, each = ("was", "it") if split == 1 else ("were", "each")
        where = split_places(record)
        notes.append(
            f"*{plural(split, 'sentence')} of the article{f' ({where})' if where else ''} {was} "
            f"longer than the translator's window{limit}, so {each} was translated in pieces, "
            "in order, and the English joined.*"
        )
    return " ".join(notes) or None


def as_sentence(note: str) -> str:
    """A note kept as a log line ("the summary came back empty; ...") as a sentence for the
    reader: its first letter upper case and a full stop at its end. Shown as logged, it stood
    in the brief and the view as a fragment starting in lower case."""
    note = note.strip()
    if not note:
        return note
    return note[0].upper() + note[1:] + ("" if note.endswith((".", "!", "?")) else ".")


def title_warnings_note(record: BriefRecord) -> str | None:
    """The headline's translation warnings (Markdown), as a paragraph's are shown under it."""
    if not record.title_warnings:
        return None
    details = "; ".join(escape_markdown(warning.detail) for warning in record.title_warnings)
    return f"*Headline {warnings_label(len(record.title_warnings)).lower()}: {details}.*"


def warnings_label(count: int) -> str:
    """The label before a paragraph's (or the headline's) translation warnings: "Translation
    warning" before one ("Translation warnings: sentence 2: …" said more than one)."""
    return "Translation warning" if count == 1 else "Translation warnings"


def sentence_label(numbers: Sequence[int], *, first: bool) -> str:
    """ "sentence 2" or "sentences 2, 3, 5" after a paragraph's warnings label, "Sentence 2" or
    "Sentences 2, 3, 5" where it opens a sentence of the note (after other sentences' warnings
    and a full stop)."""
    word = "sentence" if len(numbers) == 1 else "sentences"
    return f"{word if first else word.capitalize()} {', '.join(map(str, numbers))}"


def split_places(record: BriefRecord) -> str:
    """Where the sentences split for the translator's window stand ("the headline; ¶2
    sentence 3"), so a reader can find them; "" for a record older than that."""
    places = ["the headline"] if record.title_split_into else []
    places += [
        f"¶{paragraph} sentence {sentence}"
        for paragraph, item in enumerate(record.paragraphs, start=1)
        for sentence, _ in item.split
    ]
    return "; ".join(places)


def checks_note(record: BriefRecord) -> str:
    from summarize.checks import checkable_facts
    from summarize.checks.translation_warnings import ONLY_IN_TRANSLATION

    flags = len(flagged_items(record.flags))
    warnings = record.counts.translation_warnings
    if flags:
        where = "not found in the article (German or English)"
        if any(flag.reason == ONLY_IN_TRANSLATION for flag in record.flags):
            where += ", or only in its translation"
        one = flags == 1
        found = (
            f"{plural(flags, 'item')} in the summary {'is' if one else 'are'} {where}; treat "
            f"{'it' if one else 'them'} as unverified."
        )
    elif checkable_facts(record.summary.text):
        found = "Every number, name and quotation in the summary is found in the article."
    else:  # said as it is: a check with nothing to look up vouches for nothing
        found = "The summary has no number, name or quotation to check against the article."

    if not warnings:
        return found
    # Where they stand: a headline's warnings alone are not "at their paragraphs", and one
    # warning stands at its paragraph.
    at_paragraphs = sum(len(paragraph.warnings) for paragraph in record.paragraphs)
    places = [
        where
        for where, warned in (
            ("under the headline", bool(record.title_warnings)),
            ("at its paragraph" if at_paragraphs == 1 else "at their paragraphs", at_paragraphs),
        )
        if warned
    ]
    shown_at = " and ".join(places) or "at their paragraphs"
    said = f"{found} {plural(warnings, 'translation warning')}, shown {shown_at}."
    if cut := output_limit_places(record):
        # How far it goes, said once: a limit too small for the article cuts sentence after
        # sentence, and "Where the English reached …" read as if a few had.
        said += (
            f" The English of {cut} reached the translator's output limit and may be cut: raise "
            "translation.generation.max_new_tokens, or lower translation.max_input_tokens to "
            "split long sentences."
        )
    return said


def output_limit_places(record: BriefRecord) -> str:
    """Whose English reached the translator's output limit ("the headline and 44 sentences"),
    for the brief's checks; "" where none did."""
    sentences = sum(
        1
        for paragraph in record.paragraphs
        for sentence in paragraph.sentences
        if any(warning.kind == "output_limit" for warning in sentence.warnings)
    )
    places = [
        place
        for place, reached in (
            ("the headline", any(w.kind == "output_limit" for w in record.title_warnings)),
            (plural(sentences, "sentence"), sentences),
        )
        if reached
    ]
    return " and ".join(places)


class _FrontMatterDumper(yaml.SafeDumper):
    """``yaml.safe_dump``'s dumper, but a string holding U+0085 (NEL) is double-quoted: written
    raw, as allow_unicode writes it, YAML reads it back as a line break, folded to a space (a
    file name "a<NEL>b.txt" came back as "a b.txt"). Double quotes write it as ``\\N``. So is one
    holding U+2028, U+2029 or a line break (``_LINE_SEPARATORS``), and one holding a character
    of HTML or of a Markdown link (``<``, ``>``, ``&``, ``[``, ``]``),
    which :func:`render_brief` then writes as a ``\\u`` escape: a renderer that does not know
    front matter shows it as Markdown, and a headline's "<img onerror=…>" in ``title_de`` ran
    there as HTML, its "![x](http://…)" loaded an image."""


_MARKUP_CHARACTERS = "<>&[]"
# NEL, and the line and paragraph separators: written raw (with the indent PyYAML puts after
# them as after a line break), a YAML 1.2 reader (where only LF and CR break a line) reads that
# indent into the value. Double-quoted they are written as escapes (\N, \L, \P). And a line
# feed or carriage return: PyYAML wrote such a value over several lines, each after the first
# indented by two spaces, and a renderer that does not know front matter (CommonMark,
# Python-Markdown) read a line "  # sagte der Minister" of a summary as a heading, "  1. …" as a
# list. Double-quoted, the value stays on its key's line (\n, \r).
_LINE_SEPARATORS = "\x85\u2028\u2029\n\r"
# A value that is one double-quoted string, the rest of its line (as a key's or a list item's).
_DOUBLE_QUOTED = re.compile(r'(?m)^((?: *- | *[A-Za-z_][\w-]*: )+)("(?:[^"\\\n]|\\.)*")$')
_MARKUP_IN_FRONT_MATTER = str.maketrans(
    {char: f"\\u{ord(char):04x}" for char in _MARKUP_CHARACTERS}
)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A leading ":" too: Ruby's YAML reader (Jekyll's) reads a plain ":b" as a Symbol, which its
    # safe loading refuses.
    quoted = (
        any(char in value for char in _LINE_SEPARATORS)
        or value.startswith(":")
        or any(char in value for char in _MARKUP_CHARACTERS)
    )
    style = '"' if quoted else "'" if _READ_AS_NUMBER_ELSEWHERE.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


# Text that PyYAML (YAML 1.1) writes plain but other readers take for a number or a date: YAML 1.2
# (Obsidian's properties, Hugo) reads "1e5" as 100000 and "0o17" as 15, Ruby's reader (Jekyll's)
# "1,5" as 15 (its digits may be parted by commas), "2025-3-4" as a date and a time of day or a
# score with a leading zero as a number of base 60 ("09:30" as 34200, "0:1" as 1; PyYAML reads
# and quotes such a number only from "1:"). Quoted, as PyYAML quotes "2025", "1.5" and "9:30".
_READ_AS_NUMBER_ELSEWHERE = re.compile(
    r"[-+]?(?:0o[0-7]+|[0-9][0-9_,]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
)


_FrontMatterDumper.add_representer(str, _represent_str)


def _without_markup(value: re.Match[str]) -> str:
    return value.group(1) + value.group(2).translate(_MARKUP_IN_FRONT_MATTER)


def render_front_matter(values: Mapping[str, Any]) -> str:
    """The front matter block of a brief, ``---`` to ``---`` (no line end after it), holding
    ``values`` (:func:`front_matter`, and whatever keys a reader added to a brief's)."""
    front = yaml.dump(
        dict(values),
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
    )
    # Inside the double-quoted strings only: YAML writes an empty list as "[]".
    front = _DOUBLE_QUOTED.sub(_without_markup, front)
    return "\n".join(["---", front.rstrip("\n"), "---"])


def render_brief(record: BriefRecord, record_filename: str) -> str:
    """The brief as Markdown: short front matter, summary and checks, the bilingual article."""
    front = render_front_matter(front_matter(record, record_filename))
    lines = [front, "", f"# {escape_markdown(record.title)}", ""]
    if note := title_note(record):
        lines += [note, ""]
    if note := title_warnings_note(record):
        lines += [note, ""]
    if parts := source_line(record):
        # each part escaped (and isolated) alone: a bidi control in one reversed the others
        shown_parts = " · ".join(escape_markdown(part) for part in parts)
        lines += [f"*Source (as the page says): {shown_parts}*", ""]
    lines += ["## Summary", "", escape_markdown(record.summary.text) or "*(empty summary)*", ""]
    # Right under the summary, as the view has it: after the key facts, the word that the lead
    # stands in for the summary, or that it may be cut off, came after a list the reader had
    # taken it in by.
    if note := chunking_note(record):
        lines += [note, ""]
    lines += render_key_facts(record.key_facts, record.key_facts_found)
    lines += render_checks(record)
    lines += ["## Article", "", f"*{ARTICLE_NOTE}*", ""]
    for number, paragraph in enumerate(record.paragraphs, start=1):
        lines += [f"**¶{number}** {english_markdown(paragraph)}", ""]
        if paragraph.warnings:
            # "; " between one sentence's warnings, a full stop between sentences: with "; "
            # for both, "sentence 1: …; …; sentence 2: …" read as one run-on list. A warning
            # of several sentences is said once, after them all (Paragraph.warning_groups).
            notes = ". ".join(
                f"{sentence_label(numbers, first=index == 0)}: "
                + "; ".join(escape_markdown(warning.detail) for warning in warnings)
                for index, (numbers, warnings) in enumerate(paragraph.warning_groups)
            )
            lines += [f"*{warnings_label(len(paragraph.warnings))}: {notes}.*", ""]
        lines += [f"> {escape_markdown(paragraph.german)}", ""]
    lines += render_dropped(record)
    return "\n".join(lines)


def english_markdown(paragraph: Paragraph) -> str:
    """A paragraph's English as Markdown. A sentence whose translation came back empty is said to
    have none where it stands, as the view says it: left out, the paragraph read as whole, and
    its warning "sentence 2: English is 0.0× the German length" pointed at the wrong sentence."""
    if all(sentence.en.strip() for sentence in paragraph.sentences):
        # English of control characters only is no text once escaped: said as none, as before.
        return escape_markdown(paragraph.english) or f"*{NO_TRANSLATION}*"
    return " ".join(
        escape_markdown(sentence.en) or f"*{NO_TRANSLATION}*" for sentence in paragraph.sentences
    )


def render_key_facts(
    facts: Sequence[KeyFactRecord], found: Mapping[str, int] | None = None
) -> list[str]:
    """Numbers, dates and names of the article with their paragraphs, to check at a glance;
    ``found``: how many of each kind the article holds (the record's ``key_facts_found``)."""
    if not facts:
        return []
    lines = ["**Key facts** (¶ = paragraph of the article below)", ""]
    for kind, label in (("number", "Numbers"), ("date", "Dates"), ("name", "Names")):
        items = [fact for fact in facts if fact.kind == kind]
        if items:
            listed = ", ".join(
                f"{escape_markdown(fact.text)} (¶{', ¶'.join(map(str, fact.paragraphs))})"
                for fact in items
            )
            heading = key_facts_label(label, len(items), (found or {}).get(kind))
            lines.append(f"- {heading}: {listed}")
    return [*lines, ""]


def key_facts_label(label: str, count: int, found: int | None = None) -> str:
    """A kind's label, saying when its list is a selection: an article with 40 numbers listed
    12 of them as its numbers, and a reader looking for another took it for absent. ``found``:
    how many the article holds; a list of all of them (12 of 12) is none. Unknown (a record
    older than ``key_facts_found``): a full list may be one."""
    from summarize.checks.key_facts import KEY_FACTS_PER_KIND

    selection = count < found if found is not None else count >= KEY_FACTS_PER_KIND
    return f"{label} (the {count} most frequent)" if selection else label


def flagged_items(flags: Sequence[Flag | FlagRecord]) -> dict[tuple[str, str, str], int]:
    """The summary's unsupported items, each with its mentions: a number flagged at each
    place it stands ("7 people … 7 hurt") is one item (it was listed and counted twice)."""
    items: dict[tuple[str, str, str], int] = {}
    for flag in flags:
        key = (flag.kind, flag.text, flag.reason)
        items[key] = items.get(key, 0) + 1
    return items


def unsupported_items(record: BriefRecord) -> int:
    """The summary's unsupported items, as the checks list them: from the flags where the
    record holds them (one written before repeated mentions were one item counted each), else
    its count (the index reads records without their flags and article)."""
    return len(flagged_items(record.flags)) if record.flags else record.counts.unsupported


def render_checks(record: BriefRecord) -> list[str]:
    from summarize.checks.translation_warnings import ONLY_IN_TRANSLATION

    lines = ["## Checks", "", checks_note(record), ""]
    items = flagged_items(record.flags)
    for (kind, text, reason), mentions in items.items():
        notes = [ONLY_IN_TRANSLATION] if reason == ONLY_IN_TRANSLATION else []
        if mentions > 1:
            notes.append(f"{mentions} mentions")
        lines.append(
            f"- {kind}: {escape_markdown(text)}" + (f" ({'; '.join(notes)})" if notes else "")
        )
    if items:
        lines.append("")
    return lines


def dropped_summary(record: BriefRecord) -> str:
    rules = len(record.dropped_by_rule())
    removed = plural(len(record.dropped), "line or span", "lines or spans")
    return f"{removed} removed by {plural(rules, 'rule')}"


AUDIT_HEADING = "## Removed by the cleaner"
NOTHING_REMOVED = "*Nothing was removed.*"


def audit_ends_brief(text: str, record: BriefRecord) -> bool:
    """Whether the Markdown ``text`` holds the whole of the cleaner's audit of ``record``, which
    ends every brief (:func:`render_brief`): told by the audit's heading and last line, so a
    brief cut short reads as such while a brief whose audit an earlier version escaped
    otherwise still counts. A reader's note added after it (an editor, Obsidian) is no cut: the
    brief was left out of the index and the view as "cut short"."""
    last = "</details>" if record.dropped else NOTHING_REMOVED
    heading = text.find(f"\n{AUDIT_HEADING}\n")
    return heading >= 0 and (text.endswith(f"\n{last}\n") or f"\n{last}\n" in text[heading:])


def cleaning_note(record: BriefRecord) -> str | None:
    """What of the cleaner did not run for this brief (Markdown), from the record's settings:
    with cleaning off the audit said "Nothing was removed." as for a page the rules found clean,
    and a reader took the menus, ads and share lines left in the article for the article's own
    words; rules switched off are named. None where every rule ran (and in records older than
    the settings)."""
    clean = record.settings.get("clean")
    if not isinstance(clean, Mapping):
        return None
    if clean.get("enabled") is False:
        return (
            "*Cleaning was off (`clean.enabled = false`): no cleaning rule ran, so the page's "
            "menus, ads or share lines may stand in the article.*"
        )
    disabled = clean.get("disable")
    if isinstance(disabled, list) and disabled:
        rules = ", ".join(escape_markdown(str(rule)) for rule in disabled)
        return f"*{plural(len(disabled), 'rule')} switched off (`clean.disable`): {rules}.*"
    return None


def render_dropped(record: BriefRecord) -> list[str]:
    """The cleaner's audit trail: every removed line, grouped by rule, folded away; above it,
    what of the cleaner did not run (:func:`cleaning_note`)."""
    note = cleaning_note(record)
    noted = [note, ""] if note else []
    if not record.dropped:
        return [AUDIT_HEADING, "", *noted, NOTHING_REMOVED, ""]
    # HTML throughout, one HTML block (no blank line): Markdown inside <details> was shown as
    # written ("**teaser** (1)", "- \-") by every reader that passes an HTML block on as it is
    # (Python-Markdown without md_in_html, MkDocs' default; kramdown without markdown="1").
    lines = [
        AUDIT_HEADING,
        "",
        *noted,
        "<details>",
        f"<summary>{dropped_summary(record)}</summary>",
    ]
    for rule, texts in record.dropped_by_rule().items():
        lines.append(f"<p><strong>{escape_html_block_text(rule)}</strong> ({len(texts)})</p>")
        lines.append('<ul lang="de">')  # the article's German, as the view marks it
        lines += [f"<li>{escape_html_block_text(text)}</li>" for text in texts]
        lines.append("</ul>")
    lines += ["</details>", ""]
    return lines


@dataclass(frozen=True)
class IndexEntry:
    """One brief of the folder: its Markdown file name and its run record."""

    filename: str
    record: BriefRecord


_DIGITS = re.compile(r"(\d+)")


def reading_order(filename: str) -> tuple[tuple[str | int, ...], str]:
    """The key that puts briefs in a German reader's order by their file name, in both front
    pages (index.md and the view's): letters without case or accents ("Ärger" with "Arger",
    before "Zoll"; "ß" as "ss"), numbers by value ("teil-2" before "teil-10"), a name before
    its longer forms ("bericht" before "bericht-2"). Names equal by that key keep the order of
    their characters, so the order never depends on the order the files were found in."""
    stem = filename.removesuffix(".md")
    letters = "".join(
        char
        for char in unicodedata.normalize("NFKD", stem)
        if not unicodedata.combining(char)  # the marks of "Ä", "é": sorted with "A", "e"
    ).casefold()
    # Text and numbers alternate (text first, maybe empty): the parts compare by position.
    parts = tuple(
        int(part) if position % 2 else part for position, part in enumerate(_DIGITS.split(letters))
    )
    return parts, filename


def plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def folder_counts(records: Sequence[BriefRecord]) -> str:
    """One line of totals over the folder's briefs."""
    unsupported = sum(unsupported_items(record) for record in records)
    warnings = sum(record.counts.translation_warnings for record in records)
    flagged = sum(1 for record in records if unsupported_items(record))
    warned = sum(1 for record in records if record.counts.translation_warnings)
    # "(in 0 summaries)" after "0 unsupported items" said nothing.
    in_summaries = f" (in {plural(flagged, 'summary', 'summaries')})" if unsupported else ""
    in_articles = f" (in {plural(warned, 'article')})" if warnings else ""
    return (
        f"{plural(len(records), 'brief')} · {plural(unsupported, 'unsupported item')}"
        f"{in_summaries} · {plural(warnings, 'translation warning')}{in_articles} · "
        f"{plural(sum(record.counts.words_de for record in records), 'German word')}"
    )


# A control character of a file name: shown as Python's repr() writes it (a newline as "\n"), as
# messages show it (errors.shown). Left to the renderer, "a<newline>b.txt" read "a b.txt":
# another file's name (one the folder may hold too). So did a Unicode line or paragraph
# separator, which str.split() takes for white space ("a\u2028b.txt" read "a b.txt"), and so
# does white space a reader cannot tell from one space (errors.UNCLEAR_SPACE). Bidi controls
# stay: where a name is shown, it is isolated.
_UNCLEAR_IN_NAME = re.compile(rf"[{LINE_BREAKING}]|{UNCLEAR_SPACE}")


def source_shown(source: str) -> str:
    r"""A brief's source as the index and the view show it: its control characters, and white
    space that would show as another name's, written as escapes (as repr() writes them, and a
    plain space as ``\x20``); everything else as it is (bidi controls are isolated where it is
    shown)."""
    return escaped(source, _UNCLEAR_IN_NAME)


def written_day(record: BriefRecord) -> str:
    """The day the brief was written, as the indexes show it: "2026-11-30 UTC". The record's
    time is UTC, whose day is not the reader's for hours of every day (a brief written at 08:00
    in Tokyo on 1 December showed "2026-11-30"), unsaid where the view's brief says "UTC"."""
    return f"{record.generated_at[:10]} UTC"


def entry_meta(record: BriefRecord) -> str:
    """The line under an index entry (plain text, escape before use in Markdown)."""
    source = source_shown(record.source)
    before, after = bidi_isolation(source)
    # "brief written", as the view says: a bare date read as the article's.
    return (
        f"{before}{source}{after} · brief written {written_day(record)} · "
        f"{plural(unsupported_items(record), 'unsupported item')} · "
        f"{plural(record.counts.translation_warnings, 'translation warning')}"
        + (f" · {LEAD_STANDS_IN}" if not record.summary.final_summary else "")
    )


# An index entry's word for a brief whose summary is the article's lead, not the model's.
LEAD_STANDS_IN = "summary: the article's opening sentences (the model's came back empty)"


# What a link's target may not hold as typed: a URL's "%", "#" and "?" ("100%25.md" opened
# "100%.md", "a#b.md" opened "a"), the "<" and ">" around it, a backslash and line breaks. And
# ":": a relative target has none before its first "/", or what stands before it is a URL scheme
# ("Notiz: Haushalt.md" linked to "notiz:", which no browser opens as the file beside the index,
# and "javascript:…" was no link in markdown-it, a script in a renderer that lets it through).
# And "&": CommonMark reads an entity in a target ("R&amp;D.md" opened "R&D.md"). A name that
# is not UTF-8 (a zip made on Windows unpacked here: "Bürger.md" in code page 437) holds its
# bytes as lone surrogates, which no UTF-8 file can: the index was not written, and every run
# into the folder stopped with a UnicodeEncodeError traceback. Each is the byte it stands for,
# percent-encoded, as a URL names such a byte.
_LINK_TARGET_ESCAPES = {
    code: f"%{code:02X}" for code in [*map(ord, "%#?<>\\&:"), *range(0x20), 0x7F]
} | {code: f"%{code - 0xDC00:02X}" for code in range(0xDC80, 0xDD00)}


def link_target(filename: str) -> str:
    """A brief's file name as the target of a Markdown link (``[title](<target>)``) that opens
    that file. A run's names hold none of the characters escaped (a brief renamed by hand may);
    letters, umlauts and spaces stay as they are, readable in the Markdown."""
    target = filename.translate(_LINK_TARGET_ESCAPES)
    # markdown-it (and so MkDocs-like readers of it) strips a target's white space at its ends
    # (" Haushalt.md" linked to "Haushalt.md", another file or none): percent-encoded there.
    return _LINK_TARGET_END_SPACE.sub(lambda space: quote(space.group(), safe=""), target)


_LINK_TARGET_END_SPACE = re.compile(r"^\s+|\s+$")


def render_index(
    entries: Sequence[IndexEntry],
    latest_run: str | None = None,
    without_brief: Sequence[str] = (),
    not_current: Mapping[str, str] | None = None,
    left_out: Sequence[str] = (),
) -> str:
    """The folder's front page: totals (and what the latest run did, naming each input it left
    without a brief and why: ``without_brief``), then per brief the linked
    title, the summary's first sentence, source, date and the counts of check flags and
    translation warnings; the briefs in a reader's order of their file names
    (:func:`reading_order`). ``not_current``: the briefs (by file name) of inputs the latest
    run failed on or skipped, by what it did ("failed", "skipped"): an earlier run's brief, of
    the source as it was then, said so on its entry. ``left_out``: a line per brief of the
    folder the index cannot list (its run record missing, damaged or another run's), naming it
    and why."""
    not_current = not_current or {}
    ordered = sorted(entries, key=lambda entry: reading_order(entry.filename))
    lines = [INDEX_TITLE, "", folder_counts([entry.record for entry in ordered]), ""]
    if latest_run:
        lines += [f"{LATEST_RUN}{escape_markdown(latest_run)}.", ""]
    if without_brief:  # an analyst reads the index, not the terminal of the run
        lines += [f"**No brief from the latest run** ({len(without_brief)}):", ""]
        # "*", not the briefs' "-": a list of the same marker after it would join this one in
        # CommonMark; kramdown joins any two lists, so a line of text parts them.
        lines += [f"* {escape_markdown(problem)}" for problem in without_brief]
        lines += [""]
    if left_out:  # a brief the reader sees in the folder, missing here without a word
        lines += [f"{LEFT_OUT}{len(left_out)}):", ""]
        lines += [f"* {escape_markdown(problem)}" for problem in left_out]
        lines += [""]
    if without_brief or left_out:
        lines += [f"{BRIEFS_LIST}{len(ordered)}):", ""]
    # A line's end of two spaces: a hard line break in CommonMark and kramdown alike (kramdown
    # showed the backslash of CommonMark's other one).
    for entry in ordered:
        record = entry.record
        lead = escape_markdown(index_lead(record))
        if not shows_text(record.summary.text):
            lead = "*(empty summary)*"
        lines += [
            f"{INDEX_ENTRY}{escape_markdown(record.title)}](<{link_target(entry.filename)}>)**  ",
            *([f"  {lead}  "] if lead else []),
            f"  *{escape_markdown(entry_meta(record))}*"
            + ("  " if entry.filename in not_current else ""),
        ]
        if entry.filename in not_current:
            lines.append(f"  {NOT_CURRENT}{NOT_CURRENT_BECAUSE[not_current[entry.filename]]}")
    return "\n".join(lines) + "\n"
