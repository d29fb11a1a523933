"""The Markdown brief, its run record and the index, read as a GFM reader sees them (no models)."""

from __future__ import annotations

import codecs
import dataclasses
import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin

from summarize.checks import Flag, KeyFact, TranslationWarning
from summarize.checks.key_facts import find_key_facts
from summarize.clean import Dropped
from summarize.errors import ArticleError
from summarize.record import SCHEMA_VERSION, RecordError, parse_record
from summarize.render import (
    Brief,
    IndexEntry,
    ParagraphPair,
    bidi_isolation,
    checks_note,
    dropped_summary,
    escape_markdown,
    first_sentence,
    folder_counts,
    index_lead,
    link_target,
    render_brief,
    render_index,
)
from summarize.report import RunReport, outcome_of_error
from summarize.summarization import Summary

HOSTILE = (
    "Siehe <script>alert(1)</script>, [x](http://evil) und ![Bild](x.png), "
    "https://example.com/a_b?c=d, www.example.com, WWW.EXAMPLE.ORG/x, kontakt@zeitung.de, "
    "zeit.de und **fett** | a | b | ~~weg~~ &amp; `code` $x$ [^1] :smile:"
)
LINK_TOKENS = {"link_open", "image", "html_inline", "code_inline", "s_open", "em_open"}
# The tags of the brief's one HTML block, the cleaner's audit.
AUDIT_TAGS = {"details", "summary", "p", "strong", "ul", "li"}

# Article text that an extended reader took for markup (attributes, raw HTML, maths, marks,
# superscripts, pandoc's lettered lists, admonitions and blocks, emoji), each as a headline,
# summary, sentence, quotation, name and dropped line.
EXTENDED_MARKUP = [
    "Merkel trifft Macron {tabindex=0 autofocus onfocus=alert(1)}",
    "Satz {.rot}",
    "Wahl 2025 {#ergebnis}",
    "{: .klasse}",
    "Datenschutz <img src=x onerror=alert(1)//>",
    "Preis: $5 bis $10 für <Premium>, Ziel ~3 %, a | b, mehr unter https://zeit.de/x",
    "$x$ und $$y$$ und \\(z\\)",
    "2^10^ Euro, a ^b^ c und 2^^10^^",
    "H~2~O und ~~weg~~",
    "a) Die Regierung plant Kürzungen.",
    "(1) Der Bundestag stimmt zu.",
    "iv. Viertens",
    "(@) Beispiel",
    "Das ist ==wichtig== und :smile: und :+1:",
    "a ++ctrl+alt++ b",
    "!!! danger",
    "??? note",
    "Fußnote [^1] und [[Link]]",
    "/// caption",
    "//// note",
    "/// details",
]


def unescaped(markdown: str) -> str:
    """What an escaped text reads as: its backslash escapes and character references undone."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def gfm() -> MarkdownIt:
    """A GitHub-flavoured renderer with bare-URL linkify on (markdown-it-py's gfm-like preset)."""
    return MarkdownIt("gfm-like")


def make_brief(number: int = 0, *, title: bool = True, summary: str | None = None) -> Brief:
    return Brief(
        source=f"in/article-{number}.txt",
        source_sha256=f"{number:02d}" * 32,
        stem=f"article-{number}",
        title_de="Tausende Soldaten: Kim schickt Nachschub" if title else None,
        title_en="Thousands of soldiers: Kim sends reinforcements" if title else None,
        paragraphs=(
            ParagraphPair(
                ("Nordkorea hat 14.000 Soldaten geschickt.", "Viele sind tot."),
                ("North Korea sent 14,000 soldiers.", "Many are dead."),
                ((2, TranslationWarning("length_ratio", "length ratio 0.31")),),
            ),
            ParagraphPair((HOSTILE,), (HOSTILE.replace("Siehe", "See"),)),
            ParagraphPair(("# Keine Überschrift", "1. Kein Listenpunkt"), ("# No heading", "- No")),
        ),
        summary=Summary(
            summary
            if summary is not None
            else f"North Korea sent 15,000 soldiers (see www.example.com). Brief {number}.",
            "map-reduce",
            1105,
            2,
            1,
        ),
        models={
            "translation": {"model": "Helsinki-NLP/opus-mt-de-en", "revision": "cf10909547"},
            "summarization": {"model": "sshleifer/distilbart-cnn-12-6", "window_tokens": 1024},
        },
        generation={"translation": {"num_beams": 4}, "summarization": {"num_beams": 4}},
        generated_at="2026-11-30T13:00:00+00:00",
        seconds={"clean": 0.0123456, "translate": 1.5},
        sentences_split=1,
        dropped=(
            Dropped("share", "Teilen auf Facebook"),
            Dropped("ad", "<details>Anzeige</details> www.ads.example"),
            Dropped("share", "Twitter"),
        ),
        fingerprint="f" * 16,
        flags=(Flag("number", "15,000"),),
        key_facts=(KeyFact("number", "14,000", (1,)), KeyFact("name", "North Korea", (1, 2))),
    )


def test_the_chunking_note_says_a_final_summary_only_where_one_was_made() -> None:
    """Where every chunk summary came back empty the article's lead stands in: the brief said
    it was summarized "in 2 chunks over 1 map round(s) and a final summary" all the same."""
    brief = make_brief()
    made = render_brief(brief.record(), "article-0.json")
    assert "summarized in 2 chunks over 1 map round and a final summary." in made
    lead = dataclasses.replace(
        brief,
        summary=dataclasses.replace(
            brief.summary, final_summary=False, note="the lead, 3 sentences"
        ),
    )
    record = lead.record()
    assert not record.summary.final_summary
    text = render_brief(record, "article-0.json")
    assert "summarized in 2 chunks over 1 map round.*" in text and "final summary" not in text
    # Records written before the field read as made (the only kind there was).
    data = json.loads(record.model_dump_json())
    del data["summary"]["final_summary"]
    assert parse_record(json.dumps(data)).summary.final_summary


def test_the_chunking_note_says_how_many_sentences_were_split_for_the_summarizers_window() -> None:
    """Sentences longer than the summarizer's window, split between chunks, are said as the
    translator's are; a record written before the count reads as none split."""
    brief = make_brief()
    assert "of the English" not in render_brief(brief.record(), "a.json")
    split = dataclasses.replace(
        brief, summary=dataclasses.replace(brief.summary, sentences_split=2)
    ).record()
    assert split.summary.sentences_split_for_window == 2
    assert (
        "2 sentences of the English were longer than the summarizer's window (1024 tokens), so "
        "each was split between chunks and its parts summarized apart."
    ) in " ".join(render_brief(split, "a.json").split())
    data = json.loads(split.model_dump_json())
    del data["summary"]["sentences_split_for_window"]
    assert parse_record(json.dumps(data)).summary.sentences_split_for_window == 0


def test_a_lead_standing_in_for_the_summary_is_said_in_the_index_and_front_matter() -> None:
    """The brief said the article's opening sentences stood in for an empty summary, but the
    index listed them as the summary's first sentence, under a bare date (read as the
    article's), and the front matter had the text without the note."""
    brief = make_brief()
    note = "the summary came back empty; the summary is the article's first 3 sentences"
    lead = dataclasses.replace(
        brief, summary=dataclasses.replace(brief.summary, final_summary=False, note=note)
    )
    entry = render_index([IndexEntry("a.md", lead.record())])
    assert "brief written 2026-11-30 UTC" in entry
    assert "the article's opening sentences (the model's came back empty)" in entry
    made = render_index([IndexEntry("a.md", brief.record())])
    assert "brief written 2026-11-30 UTC" in made and "opening sentences" not in made
    assert split_front_matter(render_brief(lead.record(), "a.json"))[0]["summary_note"] == note


def test_the_summary_note_stands_under_the_summary_as_a_sentence() -> None:
    """The note that the article's lead stands in for an empty summary (or that the summary may
    be cut off) came after the key facts, a list away from the summary it is about (the view
    has it right under the summary), and read as the log line it is: "*the summary came back
    empty; …sentence(s)*", in lower case and without a full stop."""
    brief = make_brief()
    note = "the summary came back empty; the summary is the article's first 3 sentences"
    lead = dataclasses.replace(
        brief, summary=dataclasses.replace(brief.summary, final_summary=False, note=note)
    )
    _, body = split_front_matter(render_brief(lead.record(), "a.json"))
    summary_section = body.split("## Summary\n\n", 1)[1].split("## Checks", 1)[0]
    blocks = summary_section.split("\n\n")
    assert blocks[0] == escape_markdown(lead.record().summary.text)
    assert escape_markdown("The summary came back empty; the summary is the article's first 3 "
                           "sentences.") in blocks[1]  # fmt: skip
    assert blocks[2].startswith("**Key facts**")
    # the front matter keeps the note as the record has it, for tools
    assert split_front_matter(render_brief(lead.record(), "a.json"))[0]["summary_note"] == note


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def inline_tokens(tokens: list[Token]) -> list[Token]:
    return [child for token in tokens for child in (token.children or [])]


def test_front_matter_is_short_and_says_what_readers_and_tools_need() -> None:
    record = make_brief().record()
    text = render_brief(record, "article-0.json")
    meta, _ = split_front_matter(text)
    title_line = text.splitlines().index(f"# {escape_markdown(record.title)}")
    assert title_line < 25
    assert meta == {
        "title": "Thousands of soldiers: Kim sends reinforcements",
        "title_de": "Tausende Soldaten: Kim schickt Nachschub",
        "source": "in/article-0.txt",
        "date": "2026-11-30T13:00:00+00:00",
        "lang": "en",
        "summary": record.summary.text,
        "summary_note": None,
        "translation_model": "Helsinki-NLP/opus-mt-de-en",
        "translation_revision": "cf10909547",
        "summarization_model": "sshleifer/distilbart-cnn-12-6",
        "summarization_revision": None,
        "unsupported": 1,
        "translation_warnings": 1,
        "record": "article-0.json",
        "record_id": record.record_id,
    }


def test_the_title_stands_on_the_line_the_readme_says() -> None:
    """The README says on which line a brief's "# title" comes (for a tool that reads the
    title without YAML); it said line 18 after the front matter had grown by summary_note."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    said = re.search(r"the `# title` line comes on line\s+(\d+)", readme)
    assert said is not None
    record = make_brief().record()  # one line per value, and no details of the source
    lines = render_brief(record, "article-0.json").splitlines()
    assert lines.index(f"# {escape_markdown(record.title)}") + 1 == int(said.group(1))


def test_the_brief_reads_as_a_gfm_document_with_one_quote_per_paragraph() -> None:
    record = make_brief().record()
    _, body = split_front_matter(render_brief(record, "article-0.json"))
    tokens = gfm().parse(body)
    headings = [
        (t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", record.title),
        ("h2", "Summary"),
        ("h2", "Checks"),
        ("h2", "Article"),
        ("h2", "Removed by the cleaner"),
    ]
    article = body.split("\n## Article\n", 1)[1].split("\n## ", 1)[0]
    article_tokens = gfm().parse(article)
    quotes = [t for t in article_tokens if t.type == "blockquote_open"]
    english = [
        article_tokens[i + 1].content
        for i, t in enumerate(article_tokens)
        if t.type == "paragraph_open" and t.level == 0
    ]
    english = [text for text in english if text.startswith("**¶")]
    assert len(quotes) == len(english) == len(record.paragraphs)
    # Each quote holds its own paragraph's German, in order.
    quoted = [
        article_tokens[i + 2].content
        for i, t in enumerate(article_tokens)
        if t.type == "blockquote_open"
    ]
    assert [unescaped(text) for text in quoted] == [p.german for p in record.paragraphs]
    assert not {child.type for child in inline_tokens(tokens)} & (LINK_TOKENS - {"em_open"})
    html_blocks = [t.content.strip() for t in tokens if t.type == "html_block"]
    (audit,) = html_blocks  # the cleaner's audit, one block; the article's stays text
    assert audit.startswith("<details>\n<summary>3 lines or spans") and audit.endswith("</details>")
    assert set(re.findall(r"</?([a-z]+)", audit)) == AUDIT_TAGS  # none from a removed "<details>"
    assert not {t.type for t in tokens} & {"table_open", "hr", "code_block", "fence"}


def test_no_html_or_link_comes_from_article_text() -> None:
    record = make_brief().record()
    _, body = split_front_matter(render_brief(record, "article-0.json"))
    html = gfm().render(body)
    assert "<a " not in html and "<script" not in html and "<img" not in html
    assert "<del>" not in html and "<s>" not in html and "<code>" not in html
    text = [c.content for c in inline_tokens(gfm().parse(body)) if c.type == "text"]
    shown = " ".join(text)
    planted = ["<script>alert(1)</script>", "https://example.com/a_b?c=d", "www.example.com",
               "kontakt@zeitung.de", "[x](http://evil)", "**fett**", "~~weg~~",
               "&amp;"]  # fmt: skip
    for text in planted:
        assert text in shown, text
    # the removed text, as text in the audit's HTML block (the one <details> is the audit's own)
    assert html.count("<details>") == 1
    assert "<details>Anzeige</details> www.ads.example" in shown_text(html)


def test_no_html_or_link_comes_from_a_hostile_headline() -> None:
    """A headline is article text too: in the title and the "Headline:" note it stays text.
    (The CLI test's headline lost its web address and script when such a line stopped being a
    headline; a title from a Markdown heading or a page's metadata can still hold them.)"""
    brief = dataclasses.replace(make_brief(), title_de=HOSTILE, title_en=HOSTILE)
    meta, body = split_front_matter(render_brief(brief.record(), "article-0.json"))
    assert meta["title_de"] == HOSTILE  # YAML keeps it whole
    head = body.split("## Summary")[0]  # the title and the headline note
    html = gfm().render(head)
    assert "<a " not in html and "<script" not in html and "<img" not in html
    shown = " ".join(c.content for c in inline_tokens(gfm().parse(head)) if c.type == "text")
    for planted in ["<script>alert(1)</script>", "[x](http://evil)", "https://example.com/a_b?c=d"]:
        assert planted in shown, planted


MARKDOWN_PIECES = ["https://", "http://", "ftp://", "mailto:", "www.", "WWW.", "@", ".de",
                   ".com", "example", "zeit", " ", "\n", "<", ">", "[", "](", ")", "!", "*", "_",
                   "`", "#", "1.", "2)", "-", "+", "=", "|", "~", ":", "//", "&", "amp;", "\\",
                   "$", "{", "%", "\u202e", "\u2069", "#65;", "#x41;", "x4", "1;", "nbsp",
                   ";"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
    | st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=25).map("".join)
)
def test_any_text_renders_as_itself_without_links(text: str) -> None:
    escaped = escape_markdown(text)
    assert not re.search(r"\{[{%:]", escaped)  # no template tag or kramdown extension
    # What the brief promises to show: the text on one line, control characters left out.
    expected = " ".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text).split())
    tokens = gfm().parse(escaped)
    inline = inline_tokens(tokens)
    assert not {child.type for child in inline} & LINK_TOKENS
    assert not {token.type for token in tokens} - {"paragraph_open", "inline", "paragraph_close"}
    shown = " ".join("".join(child.content for child in inline if child.type == "text").split())
    # The text itself; text with bidi controls inside an isolate (tested below).
    before, after = bidi_isolation(expected)
    assert shown == f"{before}{expected}{after}"


RLO, PDF, RLI, FSI, PDI = "\u202e", "\u202c", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        (f"in/report{RLO}txt.exe.txt", FSI, PDF + PDI),
        (f"a{RLO}b{PDF} c", FSI, PDI),  # balanced, but it still sets what follows it
        (f"{RLI}x{RLO}y", FSI, PDF + PDI + PDI),
        (f"{RLI}x{RLO}y{PDI} z", FSI, PDI),  # a PDI ends its isolate and what is open inside it
        (f"x{PDI}{RLO}y", FSI + FSI, PDF + PDI + PDI),  # a stray PDI closes an FSI of its own
        ("Nordkorea", "", ""),
    ],
)
def test_a_bidi_override_in_a_value_stays_inside_it(text: str, before: str, after: str) -> None:
    """A file name "report<RLO>txt.exe.txt" in the index's line under a brief reversed the
    date and counts after it (a browser showed "sgninraw noitalsnart 1 · 03-11-6202"); the HTML
    view isolates each value in <bdi>, the Markdown in FSI ... PDI."""
    assert unescaped(escape_markdown(text)) == f"{before}{text}{after}"
    record = dataclasses.replace(make_brief(), source=text).record()
    index = render_index([IndexEntry("a.md", record)])
    assert f"{escape_markdown(text)} · brief written 2026-11-30 UTC · 1 unsupported item" in index


@pytest.mark.parametrize(
    "text", [f".evil.com/login {RLO}", f".zeit.de/a{RLO}", f".de {PDI}", f"{RLI}.zeit.de"]
)
def test_the_isolate_around_a_bidi_control_makes_no_link(text: str) -> None:
    """linkify-it reads the FSI put before such a text as a letter of a domain: ".evil.com/login"
    with an RLO became a link to "http://xn--nxg.evil.com/login" (a host evil.com may name)."""
    escaped = escape_markdown(text)
    assert "<a " not in gfm().render(escaped)
    before, after = bidi_isolation(text)
    assert unescaped(escaped) == f"{before}{text}{after}"


@pytest.mark.parametrize(
    "text",
    ["{{ site.title }}", "{% include x.html %}", "{{% notice %}}", "{{< youtube x >}}", "{{{"],
)
def test_no_template_tag_comes_from_article_text(text: str) -> None:
    """Jekyll (GitHub Pages) runs Liquid over a page with front matter before its Markdown, and
    Hugo reads shortcodes: "{{ site.title }}" in an article showed the site's title, and
    "{% x %}" stopped the site's build. The text still renders as itself."""
    escaped = escape_markdown(f"Die Vorlage: {text} Ende")
    assert not re.search(r"\{[{%]", escaped), escaped
    shown = "".join(c.content for c in inline_tokens(gfm().parse(escaped)) if c.type == "text")
    assert shown == f"Die Vorlage: {text} Ende"


@pytest.mark.parametrize(
    "text",
    [
        "{::nomarkdown}<img src=x onerror=alert(1)>{:/}",
        "{::comment}scharf und laut{:/comment}",
        '{::options parse_block_html="true" /}',
        "{: .klasse #anker}",
        "{:toc}",
    ],
)
def test_no_kramdown_extension_comes_from_article_text(text: str) -> None:
    """kramdown, Jekyll's (and GitHub Pages') Markdown reader, read "{::nomarkdown}…{:/}" in an
    article as raw HTML (a reviewer's page ran its script), "{::comment}" hid the article's
    words and "{: …}" set a block's attributes. A backslash after the brace parts them: a
    kramdown escape and a CommonMark one, so the text still renders as itself."""
    escaped = escape_markdown(f"Er schrieb {text} dazu.")
    assert "{:" not in escaped, escaped
    shown = "".join(c.content for c in inline_tokens(gfm().parse(escaped)) if c.type == "text")
    assert shown == f"Er schrieb {text} dazu."


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("H&M und AT&T", "H&M und AT&T"),
        ("Müller & Söhne", "Müller & Söhne"),
        ("Preis &euro; und &#8364;", "Preis &amp;euro; und &amp;#8364;"),
        ("&#x20AC;", "&amp;#x20AC;"),
        ("R&D; Q&A", "R&amp;D; Q&A"),
    ],
)
def test_an_ampersand_is_escaped_only_where_it_starts_a_reference(text: str, escaped: str) -> None:
    """kramdown (Jekyll's reader) has no "\\&" escape and showed the backslash ("H\\&M"). An
    ampersand is markup only where a name or number and ";" follow it; there it still is."""
    assert escape_markdown(text) == escaped
    shown = "".join(c.content for c in inline_tokens(gfm().parse(escaped)) if c.type == "text")
    assert shown == text


@pytest.mark.parametrize("text", ["Preis &euro; und &#8364; und &#x20AC;", "R&D; Q&A", "H&M"])
def test_an_entity_like_ampersand_reads_as_itself_in_kramdown(text: str) -> None:
    """kramdown (Jekyll's reader) has no "\\&" escape: "\\&euro;" showed as "\\€" and "R\\&D;"
    with its backslash (a review's find). Needs Ruby's kramdown and its GFM parser."""
    assert shown_text(kramdown_html(escape_markdown(text))) == text


@pytest.mark.parametrize("text", ["Nr &#65 und &#x41 x", "&#8222Zitat&#8220 sagte er", "&#X20AC5"])
def test_a_numeric_reference_without_its_semicolon_reads_as_typed(text: str) -> None:
    """Python-Markdown (MkDocs' reader) reads "&#65" and "&#x41" as character references
    without their ";": a sentence "Nr &#65 x" showed as "Nr A x"; markdown-it showed it as
    typed. Each reader shows the text as written, in every place of the brief."""
    _, body = split_front_matter(render_brief(brief_of(text).record(), "article-0.json"))
    expected = shown_text(MarkdownIt("commonmark").render(body)).count(text)
    assert expected >= 7  # the audit's line too: HTML in every reader
    for reader in READERS.values():
        assert shown_text(python_markdown(body, reader)).count(text) == expected, reader


@pytest.mark.parametrize("text", [": Das ist die Sache.", ":Ende"])
def test_a_colon_that_starts_a_line_makes_no_definition(text: str) -> None:
    """markdown-it's definition lists and kramdown read a line starting with ": " under another
    as a definition: an index entry whose lead sentence started so became a <dl>, its colon
    lost."""
    escaped = escape_markdown(text)
    assert not escaped.startswith(":")
    html = MarkdownIt("commonmark").use(deflist_plugin).render(f"Titel\n{escaped}\n")
    assert "<dl>" not in html and text in html


def test_a_brief_read_without_front_matter_support_shows_no_html_from_the_article() -> None:
    """A renderer that does not know front matter (plain CommonMark, Python-Markdown, marked)
    reads its lines as Markdown: a headline "<img onerror=…>" in ``title_de`` ran there as HTML.
    Such a value is written double-quoted with ``\\u`` escapes, and reads back the same."""
    image = "Angriff <img src=x onerror=document.body.remove()> auf das Netz & mehr"
    brief = dataclasses.replace(make_brief(), title_de=image, title_en=HOSTILE, source="in/<a>.txt")
    text = render_brief(brief.record(), "article-0.json")
    html = MarkdownIt("commonmark").render(text)  # the front matter as Markdown
    assert "<img" not in html and "<script" not in html and "<a" not in html
    meta, _ = split_front_matter(text)
    assert (meta["title_de"], meta["source"]) == (image, "in/<a>.txt")


@pytest.mark.parametrize(
    "text",
    [
        "Die Lage ist ernst,\n# sagte der Minister",
        "Erstens:\n1. Die Steuern steigen.\n- Die Renten nicht.",
        "Er sagte:\n> Wir schaffen das\n\n    eingerückt",
        "Zeile\r\nZeile 2\r=== Ende",
    ],
)
def test_a_front_matter_value_with_a_line_break_stays_on_its_keys_line(text: str) -> None:
    """PyYAML wrote a value with a line break (a summary, headline or file name holding one)
    over several lines, each after the first indented by two spaces: a renderer that does not
    know front matter (CommonMark, Python-Markdown) read "  # sagte der Minister" as a heading
    and "  1. Die Steuern …" as a list. Written double-quoted, the break is a "\\n" on the
    key's line, and the value reads back the same."""
    from summarize.outputs import front_matter_of
    from summarize.render import front_matter

    brief = dataclasses.replace(make_brief(summary=text), source=text, title_de=text, title_en=text)
    record = brief.record()
    text_of_brief = render_brief(record, "x.json")
    front = text_of_brief.split("\n---\n", 1)[0].removeprefix("---\n")
    assert all(re.match(r"[A-Za-z_][\w-]*: ", line) for line in front.split("\n")), front
    assert front_matter_of(text_of_brief) == front_matter(record, "x.json")
    block = f"---\n{front}\n---\n"  # as such a renderer reads it: rules and paragraphs alone
    for rendered in (MarkdownIt("commonmark").render(block), python_markdown(block, [])):
        assert set(re.findall(r"<([a-z0-9]+)", rendered)) <= {"hr", "h2", "p"}, rendered


def test_a_front_matter_value_starting_with_a_colon_is_quoted() -> None:
    # Ruby's YAML reader (Jekyll's) reads a plain ":b" as a Symbol; its safe loading refuses it.
    brief = dataclasses.replace(make_brief(), title_de=":Auftakt", title_en=":Start")
    text = render_brief(brief.record(), "article-0.json")
    assert 'title_de: ":Auftakt"' in text and 'title: ":Start"' in text
    assert split_front_matter(text)[0]["title_de"] == ":Auftakt"


@pytest.mark.parametrize(
    "value",
    ["1e5", "0o17", "-2E3", "1,5", "1,000.5", "2025-3-4", "09:30", "0:1", "00:00"],
)
def test_a_front_matter_value_other_readers_take_for_a_number_or_date_is_quoted(value: str) -> None:
    """PyYAML (YAML 1.1) reads these as text and wrote them plain; YAML 1.2 (Obsidian's
    properties, Hugo) reads "1e5" as 100000 and "0o17" as 15, Ruby's reader (Jekyll's) "1,5" as
    the number 15, "2025-3-4" as a date and "09:30" as the number 34200 (base 60, as PyYAML
    reads "9:30", which it quotes)."""
    brief = dataclasses.replace(make_brief(), title_de=value, title_en=value)
    text = render_brief(brief.record(), "article-0.json")
    assert f"title_de: '{value}'" in text and f"title: '{value}'" in text
    assert split_front_matter(text)[0]["title_de"] == value


@pytest.mark.parametrize(
    "names",
    [
        ["in/a b.txt", "in/a  b.txt", "in/a\u00a0b.txt", "in/a\u3000b.txt", "in/a\u2003b.txt"],
        ["a.txt", " a.txt", "a.txt "],
    ],
)
def test_index_names_that_differ_in_white_space_are_shown_apart(names: list[str]) -> None:
    """A renderer shows a no-break space, an ideographic space and a run of spaces as one space:
    "failed: in/a b.txt" (a no-break space) stood beside another file's entry shown the same.
    Each is written as repr() writes it (a space that would not show as \\x20)."""
    shown = []
    for name in names:
        record = dataclasses.replace(make_brief(), source=name).record()
        index = render_index([IndexEntry("a.md", record)])
        text = [c.content for c in inline_tokens(gfm().parse(index)) if c.type == "text"]
        shown.append(next(line for line in text if "2026-11-30" in line))
    assert len(set(shown)) == len(names), shown


@pytest.mark.parametrize(
    "names",
    [
        ["in/a b.txt", "in/a  b.txt", "in/a\u00a0b.txt", "in/a\u3000b.txt", "in/a\u2003b.txt"],
        ["a.txt", " a.txt", "a.txt "],
    ],
)
def test_inputs_without_brief_that_differ_in_white_space_are_shown_apart(names: list[str]) -> None:
    """The index's "No brief from the latest run" lines name each input as the run's messages
    do (errors.shown): "failed: in/a b.txt: empty file" with a no-break space read as another
    input's line. Messages and log lines now write such white space as the index's entries do."""
    report = RunReport(
        tuple(outcome_of_error(Path(name), ArticleError("empty file")) for name in names), None
    )
    index = render_index([], without_brief=report.without_brief_lines())
    text = [c.content for c in inline_tokens(gfm().parse(index)) if c.type == "text"]
    shown = [line for line in text if line.startswith("failed: ")]
    assert len(shown) == len(set(shown)) == len(names), shown
    assert shown[0] == f"failed: {Path(names[0])}: empty file"  # a single space stays a space


def test_the_index_reads_the_same_in_kramdown() -> None:
    """kramdown (Jekyll's reader) showed the backslash of each entry's line break ("</strong>
    \\<br />") and joined the list of inputs without a brief with the briefs' list; the lines now
    break at two spaces and a line of text parts the lists, in both renderers."""
    report = RunReport((outcome_of_error(Path("in/leer.txt"), ArticleError("empty file")),), None)
    records = [make_brief(n).record() for n in (0, 1)]
    index = render_index(
        [IndexEntry(f"b{n}.md", record) for n, record in enumerate(records)],
        "2 written, 0 up to date, 0 skipped, 1 failed",
        without_brief=report.without_brief_lines(),
        not_current={"b1.md": "failed"},
    )
    for rendered in (kramdown_html(index), gfm().render(index)):
        lists = re.findall(r"<ul>(.*?)</ul>", rendered, re.S)
        assert len(lists) == 2, rendered
        assert "failed: in/leer.txt" in lists[0] and "b0.md" in lists[1]
        assert lists[1].count("<li>") == 2 and lists[1].count("<br") == 5
        assert "\\" not in shown_text(rendered)


def test_a_brief_without_headline_says_where_its_title_came_from() -> None:
    """Without a headline found, the brief says so, not that the source has none: a first line
    of three words ("Sturm über Hamburg") is read as text, and the brief denied a headline the
    reader saw as its first paragraph."""
    record = make_brief(title=False).record()
    assert record.title_from == "summary"
    assert record.title == first_sentence(record.summary.text)
    _, body = split_front_matter(render_brief(record, "x.json"))
    note = "*No headline was found in the source; this title is the summary's first sentence.*"
    assert note in body and "has no headline" not in body
    empty = make_brief(title=False, summary="").record()
    assert (empty.title, empty.title_from) == ("article-0", "file name")


@pytest.mark.parametrize("summary", [None, ""])
def test_a_headline_without_translation_is_not_called_missing(summary: str | None) -> None:
    """The source has a headline, but its translation came back empty: the brief must not say
    the source has none, and it shows the German headline."""
    record = dataclasses.replace(make_brief(summary=summary), title_en="").record()
    assert record.title_de == "Tausende Soldaten: Kim schickt Nachschub"
    _, body = split_front_matter(render_brief(record, "article-0.json"))
    html = gfm().render(body)
    assert "has no headline" not in html and "No headline was found" not in html
    assert record.title_de in html


def test_a_brief_says_when_a_sentence_was_translated_in_pieces() -> None:
    """Nothing is truncated silently: a sentence longer than the translator's window is split,
    and the brief (Markdown and, through the same note, the HTML view) says so."""
    split = make_brief()
    assert split.sentences_split == 1
    text = render_brief(split.record(), "article-0.json")
    assert (
        "*1 sentence of the article was longer than the translator's window, so it was "
        "translated in pieces, in order, and the English joined.*"
    ) in text
    whole = dataclasses.replace(make_brief(), sentences_split=0)
    assert "in pieces" not in render_brief(whole.record(), "article-0.json")


def test_the_record_says_which_sentences_were_split_and_older_records_still_load() -> None:
    """A sentence split for the translator's window was counted, not named: the record marks
    each (and the headline), the brief's note says where; a record written before the marks
    loads as one without splits named."""
    brief = make_brief()
    first = dataclasses.replace(brief.paragraphs[0], split=((2, 3),))
    split = dataclasses.replace(
        brief,
        paragraphs=(first, *brief.paragraphs[1:]),
        title_split_into=2,
        sentences_split=2,
    )
    record = split.record()
    assert parse_record(record.to_json()) == record
    assert record.title_split_into == 2
    assert [s.split_into for s in record.paragraphs[0].sentences] == [0, 3]
    assert record.paragraphs[0].split == ((2, 3),) and record.paragraphs[1].split == ()
    assert (
        "*2 sentences of the article (the headline; ¶1 sentence 2) were longer than the "
        "translator's window, so each was translated in pieces"
    ) in render_brief(record, "article-0.json")
    older = json.loads(record.to_json())
    del older["title_split_into"]
    for paragraph in older["paragraphs"]:
        for sentence in paragraph["sentences"]:
            del sentence["split_into"]
    loaded = parse_record(json.dumps(older))
    assert loaded.title_split_into == 0 and not any(p.split for p in loaded.paragraphs)
    assert loaded.record_id == record.record_id
    assert "*2 sentences of the article were longer" in render_brief(loaded, "article-0.json")


def test_the_record_round_trips_and_refuses_other_schemas() -> None:
    record = make_brief().record()
    again = parse_record(record.to_json())
    assert again == record and again.record_id == record.record_id
    assert record.counts.paragraphs == 3 and record.counts.sentences_de == 5
    assert record.counts.translation_warnings == 1 and record.counts.dropped == 3
    assert [s.warnings for s in record.paragraphs[0].sentences][1][0].kind == "length_ratio"
    assert list(record.dropped_by_rule()) == ["share", "ad"]
    data = json.loads(record.to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    for broken in ({**data, "schema_version": SCHEMA_VERSION + 1}, {**data, "surprise": 1}):
        with pytest.raises(RecordError, match="not a brief record"):
            parse_record(json.dumps(broken))
    moved = record.model_copy(update={"generated_at": "2026-12-01T00:00:00+00:00"})
    assert moved.record_id != record.record_id


def test_a_record_saved_with_a_byte_order_mark_is_the_same_record(tmp_path: Path) -> None:
    """A run record saved by Windows Notepad (UTF-8 with a byte order mark) was refused as "not
    a brief record (Invalid JSON: expected value at line 1 column 1)": the view left the brief
    out, as the brief's own Markdown is read with a mark too."""
    from summarize.outputs import write_brief
    from summarize.record import read_record
    from summarize.view import build_site

    output = tmp_path / "briefs"
    output.mkdir()
    brief = make_brief()
    write_brief(output / "a.md", brief)
    sidecar = output / "a.json"
    sidecar.write_bytes(codecs.BOM_UTF8 + sidecar.read_bytes())
    assert read_record(sidecar) == brief.record()
    assert [page.name for page in build_site(output, tmp_path / "site").pages] == ["a.html"]


def test_the_index_is_a_front_page_in_file_name_order() -> None:
    records = {f"b{n}.md": make_brief(n).record() for n in (2, 0, 1)}
    records["b1.md"] = make_brief(1, summary="Nothing to check here. At all.").record()
    records["b1.md"] = records["b1.md"].model_copy(
        update={
            "flags": (),
            "counts": records["b1.md"].counts.model_copy(update={"unsupported": 0}),
        }
    )
    text = render_index(
        [IndexEntry(name, record) for name, record in records.items()],
        "2 written, 1 up to date, 0 skipped, 1 failed",
    )
    tokens = gfm().parse(text)
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"]
    assert "3 briefs · 2 unsupported items (in 2 summaries)" in text
    assert "Latest run: 2 written, 1 up to date, 0 skipped, 1 failed." in text
    links = [c.attrs["href"] for c in inline_tokens(tokens) if c.type == "link_open"]
    assert links == ["b0.md", "b1.md", "b2.md"]  # ours only: nothing from summaries or sources
    items = text.split("\n- ")[1:]
    assert "Nothing to check here.  \n" in items[1] and "At all" not in items[1]
    assert "0 unsupported items · 1 translation warning" in items[1]
    assert "in/article-2.txt · brief written 2026-11-30 UTC · 1 unsupported item" in items[2]


def test_counts_read_as_english_one_or_many() -> None:
    """The brief said "1 item(s) in the summary are …", "1 translation warning(s)", "1 line(s)
    or span(s) removed by 1 rule(s)", and the index "0 unsupported items (in 0 summaries)"."""
    from summarize.checks import unsupported_facts

    summary = "7 people were hurt."
    flags = unsupported_facts(summary, "Two people were hurt in Berlin.")
    record = dataclasses.replace(make_brief(summary=summary), flags=tuple(flags)).record()
    checks = checks_note(record)
    assert checks.startswith("1 item in the summary is not found"), checks
    assert "treat it as unverified" in checks and "(s)" not in checks, checks
    assert "(s)" not in dropped_summary(record), dropped_summary(record)
    clean = record.model_copy(
        update={
            "flags": (),
            "counts": record.counts.model_copy(
                update={"unsupported": 0, "translation_warnings": 0}
            ),
        }
    )
    totals = folder_counts([clean])
    assert "0 unsupported items · 0 translation warnings · " in totals, totals
    assert "(in" not in totals, totals


@pytest.mark.parametrize(
    "name",
    [
        "100%25.md",
        "Teil #2.md",
        "frage?x=1.md",
        "a>b.md",
        "a\\b.md",
        "Ärger 2.md",
        "Notiz: Haushalt.md",
        "javascript:alert(1).md",
    ],
)
def test_an_index_link_opens_its_brief_whatever_its_name(name: str) -> None:
    """A run's brief names hold no "%", "#", "?" or ":", but a brief renamed by hand may, and the
    index lists it: its link opened "100%.md" for "100%25.md", "Teil " for "Teil #2.md",
    "a>b.md" was no link at all, and "Notiz: Haushalt.md" was a link to the URL scheme
    "notiz:", which no browser opens as the file beside the index (the view's links were
    right)."""
    from urllib.parse import unquote, urlsplit

    tokens = gfm().parse(render_index([IndexEntry(name, make_brief().record())]))
    links = [urlsplit(c.attrs["href"]) for c in inline_tokens(tokens) if c.type == "link_open"]
    shown = [(link.scheme, unquote(link.path), link.query, link.fragment) for link in links]
    assert shown == [("", name, "", "")]


def test_a_brief_counts_only_when_its_record_and_markdown_agree(tmp_path, caplog) -> None:
    """A brief counts only when its record and Markdown agree; one left out of the index is said
    (it left without a word, even with -v); a Markdown file of the user's is left out quietly."""
    from summarize.outputs import brief_is_current, read_brief_record, write_brief, write_index

    brief = make_brief()
    path = tmp_path / "article-0.md"
    record = write_brief(path, brief)
    assert read_brief_record(path) == record
    assert brief_is_current(path, brief.source_sha256, brief.fingerprint)
    assert not brief_is_current(path, "9" * 64, brief.fingerprint)  # the source changed
    assert not brief_is_current(path, brief.source_sha256, "other settings")
    index = write_index(tmp_path, "1 written").read_text(encoding="utf-8")
    assert "(<article-0.md>)" in index
    # A run killed between the two writes: a new record beside the old Markdown.
    newer = record.model_copy(update={"generated_at": "2026-12-01T00:00:00+00:00"})
    (tmp_path / "article-0.json").write_text(newer.to_json(), encoding="utf-8")
    assert read_brief_record(path) is None
    assert not brief_is_current(path, brief.source_sha256, brief.fingerprint)
    (tmp_path / "notizen.md").write_text("# Notizen\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        assert "(<article-0.md>)" not in write_index(tmp_path).read_text(encoding="utf-8")
    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 1 and "article-0.md" in said[0] and "left out of index.md" in said[0]
    (tmp_path / "article-0.json").unlink()
    assert read_brief_record(path) is None


def test_the_index_names_the_briefs_it_leaves_out_and_why(tmp_path) -> None:
    """A brief whose run record is missing or damaged was left out of index.md without a word
    there (only the run's log said it): the folder held 10 briefs, the index listed 9 and no
    reason, and its log line called a missing record "cut short, damaged or from another run".
    They are named in the entries' order ("ärger" before "Zoll")."""
    from summarize.outputs import write_brief, write_index
    from summarize.view import latest_run

    write_brief(tmp_path / "article-0.md", make_brief(0))
    write_brief(tmp_path / "Zoll.md", make_brief(1))
    write_brief(tmp_path / "ärger.md", make_brief(2))
    (tmp_path / "Zoll.json").unlink()
    (tmp_path / "ärger.json").write_text("{", encoding="utf-8")
    (tmp_path / "notizen.md").write_text("# Notizen\n", encoding="utf-8")  # the user's own
    index = write_index(tmp_path, "1 written").read_text(encoding="utf-8")
    tokens = gfm().parse(index)
    items = [
        "".join(child.content for child in token.children or () if child.type == "text")
        for token in tokens
        if token.type == "inline" and token.map and token.level == 3
    ]
    assert items[:2] == [
        "ärger.md: the brief or its run record ärger.json is cut short, damaged or from "
        "another run (run its article again to redo it)",
        "Zoll.md: its run record Zoll.json is missing (run its article again to redo it)",
    ]
    assert "**Briefs left out of this index** (2):" in index and "**Briefs** (1):" in index
    assert "(<article-0.md>)" in index and "(<Zoll.md>)" not in index
    assert "notizen" not in index
    # The view's front page shows what index.md says before its entries.
    assert "Zoll.json is missing" in str(latest_run(tmp_path))


def test_the_index_shows_the_same_from_the_records_without_their_article(tmp_path) -> None:
    """The index keeps only what it shows of each record (not every article's text at once):
    the page is the same as from the whole records."""
    from summarize.outputs import index_record, write_brief, write_index

    records = {f"article-{n}.md": make_brief(n).record() for n in (1, 0, 2)}
    slim = {name: index_record(record) for name, record in records.items()}
    assert all(not record.paragraphs and not record.flags for record in slim.values())
    whole = render_index([IndexEntry(n, r) for n, r in records.items()], "3 written")
    assert render_index([IndexEntry(n, r) for n, r in slim.items()], "3 written") == whole
    written = {name: write_brief(tmp_path / name, make_brief(int(name[8]))) for name in records}
    from_disk = write_index(tmp_path, "3 written").read_bytes()
    known = {"article-1.md": written["article-1.md"]}  # the others are read from disk
    assert write_index(tmp_path, "3 written", known).read_bytes() == from_disk
    (tmp_path / "article-2.md").unlink()  # a known brief whose file is gone is not listed
    known = {"article-2.md": written["article-2.md"]}
    assert "article-2.md" not in write_index(tmp_path, None, known).read_text(encoding="utf-8")


def test_the_index_keeps_no_copy_of_each_briefs_run_settings() -> None:
    """Each record holds its own copy of the models' descriptions and generation settings
    (about 7 KB with real models); the index keeps one slim record per brief of the folder and
    shows none of them, so it keeps none: 2,000 briefs held 18 MB, 50,000 would hold 450 MB."""
    from summarize.outputs import index_record

    settings = {f"setting_{n}": [n] * 20 for n in range(60)}  # a few KB, as the real ones
    records = {
        f"article-{n}.md": make_brief(n)
        .record()
        .model_copy(
            update={
                "models": {"translation": dict(settings), "summarization": dict(settings)},
                "generation": {"translation": dict(settings), "summarization": dict(settings)},
                "settings": dict(settings),
                "seconds": {f"stage_{n}": 1.0 for n in range(50)},
            }
        )
        for n in (1, 0)
    }
    slim = {name: index_record(record) for name, record in records.items()}
    whole = render_index([IndexEntry(n, r) for n, r in records.items()], "2 written")
    assert render_index([IndexEntry(n, r) for n, r in slim.items()], "2 written") == whole
    for name, record in slim.items():
        size = len(record.model_dump_json())
        assert size < 1500 < len(records[name].model_dump_json()) / 10, size


def test_a_front_matter_libyaml_refuses_is_read_as_before(tmp_path, monkeypatch) -> None:
    """The front matter is read by libyaml when PyYAML has it; what libyaml refuses goes to the
    pure-Python loader, so a brief never stops counting for the faster reader."""
    from summarize.outputs import brief_is_current, read_front_matter, write_brief

    class Refusing(yaml.SafeLoader):
        def get_single_data(self):
            raise yaml.YAMLError("refused")

    brief = make_brief()
    path = tmp_path / "article-0.md"
    record = write_brief(path, brief)
    expected = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert read_front_matter(path) == expected
    monkeypatch.setattr(yaml, "CSafeLoader", Refusing, raising=False)
    assert read_front_matter(path) == expected
    assert expected["record_id"] == record.record_id
    assert brief_is_current(path, brief.source_sha256, brief.fingerprint)


@pytest.mark.parametrize("title", ["Wir sind Nummer #", "Gewinner ##", "#", "Alles ### gut #"])
def test_a_title_ending_in_hash_marks_keeps_them_in_the_heading(title: str) -> None:
    # CommonMark strips a heading's closing "#" sequence ("# Nummer #" shows "Nummer").
    tokens = gfm().parse(f"# {escape_markdown(title)}")
    assert [token.type for token in tokens] == ["heading_open", "inline", "heading_close"]
    shown = "".join(child.content for child in inline_tokens(tokens) if child.type == "text")
    assert shown == title


@pytest.mark.parametrize("title", ["Microsoft bringt eine neue Version von C#", "F##"])
def test_a_title_ending_in_hash_marks_keeps_them_in_pandoc_and_python_markdown(title: str) -> None:
    """pandoc's Markdown and Python-Markdown (MkDocs) take a heading's last "#"s for its closing
    sequence with no space before them: "C#" showed as "C"."""
    heading = f"# {escape_markdown(title)}\n"
    assert shown_text(python_markdown(heading, [])) == title
    assert shown_text(gfm().render(heading)) == title
    assert shown_text(pandoc_html(heading)) == title


def test_a_summary_with_a_line_ending_in_dashes_keeps_its_brief_current(tmp_path) -> None:
    """YAML writes "---" of a multi-line value on a continuation line; the front matter ends
    only at a line that is "---" alone, so the brief still counts (and is indexed)."""
    from summarize.outputs import brief_is_current, read_brief_record, write_brief, write_index

    brief = make_brief(summary="Kim sends troops. Talks ---\nend here.")
    path = tmp_path / "article-0.md"
    record = write_brief(path, brief)
    assert read_brief_record(path) == record
    assert brief_is_current(path, brief.source_sha256, brief.fingerprint)
    assert "(<article-0.md>)" in write_index(tmp_path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "in/a\x85b.txt",
        "\x85",
        "a\n\x85---\x85\nb",
        "a\u2028---\u2029b",
        "x\r---\ry",
        "<&\\u003c>[]",
    ],
)
def test_the_front_matter_reads_back_as_written(tmp_path, text: str) -> None:
    """YAML reads a raw U+0085 (NEL) as a line break and folds it to a space: a file name
    "a<NEL>b.txt" stood in the front matter as "a b.txt", unlike its run record."""
    from summarize.outputs import read_front_matter
    from summarize.render import front_matter

    brief = dataclasses.replace(
        make_brief(summary=text), source=text, title_de=text, stem="x", title_en=text
    )
    record = brief.record()
    path = tmp_path / "x.md"
    path.write_text(render_brief(record, "x.json"), encoding="utf-8", newline="\n")
    meta = read_front_matter(path)
    assert meta == front_matter(record, "x.json")
    assert meta["source"] == meta["title_de"] == meta["summary"] == text
    # Escaped, not raw: a YAML 1.2 reader breaks no line at U+2028, and read the indent after it.
    front, _ = path.read_text(encoding="utf-8").split("\n---", 1)
    assert not set("\x85\u2028\u2029") & set(front), repr(front)


def test_an_item_the_summary_repeats_is_one_item_with_its_mentions() -> None:
    """A number flagged at each of its places ("7 people … 7 people") and a quotation the
    summary repeats were listed, and counted, once per mention: "4 item(s)" for two."""
    from summarize.checks import unsupported_facts

    summary = '7 people were hurt. "He ran away," police said. Later 7 people left. "He ran away."'
    flags = unsupported_facts(summary, "Two people were hurt in Berlin.")
    brief = dataclasses.replace(make_brief(summary=summary), flags=tuple(flags))
    record = brief.record()
    checks = render_brief(record, "a.json").split("## Checks", 1)[1].split("##", 1)[0]
    listed = [line for line in checks.splitlines() if line.startswith("- ")]
    assert listed == ["- number: 7 (2 mentions)", "- quote: He ran away,"], listed
    assert "2 items in the summary are not found" in checks
    assert record.counts.unsupported == 2
    assert split_front_matter(render_brief(record, "a.json"))[0]["unsupported"] == 2
    # A record written before counted each mention (3 here): the index counts its items.
    older = record.model_copy(
        update={"counts": record.counts.model_copy(update={"unsupported": 3})}
    )
    index = render_index([IndexEntry("a.md", older)])
    assert "2 unsupported items" in index and "3 unsupported" not in index, index


@pytest.mark.parametrize(
    ("summary", "said"),
    [
        ("The talks went on. Nobody knew more.", "has no number, name or quotation to check"),
        ("Kim Jong Un sent the soldiers. They went north.", "Every number, name and quotation"),
        ("North Korea sent 15,000 soldiers.", "not found in the article"),
    ],
)
def test_the_checks_note_says_when_there_was_nothing_to_check(summary: str, said: str) -> None:
    """ "Every number … is found" would vouch for a summary that has none."""
    from summarize.checks import unsupported_facts

    brief = make_brief(summary=summary)
    source_en = "Kim Jong Un sent 14,000 soldiers to the north."
    brief = dataclasses.replace(brief, flags=tuple(unsupported_facts(summary, source_en)))
    text = render_brief(brief.record(), "article-0.json")
    checks = text.split("## Checks", 1)[1].split("##", 1)[0]
    assert said in checks


def test_what_to_do_about_the_output_limit_is_said_once() -> None:
    """Each sentence whose English reached the translator's output limit is warned of; the
    settings that avoid it are said once, under Checks, not repeated at every sentence (a long
    article carried the same advice dozens of times)."""
    from summarize.checks import translation_warnings

    warning = translation_warnings("Ein Satz.", "A sentence.", reached_limit=8)[0]
    assert warning.kind == "output_limit" and "max_new_tokens" not in warning.detail
    brief = make_brief()
    limited = tuple(
        dataclasses.replace(pair, warnings=((1, warning),)) for pair in brief.paragraphs
    )
    text = render_brief(dataclasses.replace(brief, paragraphs=limited).record(), "a.json")
    assert text.count("max_new_tokens") == 1
    checks = text.split("## Checks", 1)[1].split("##", 1)[0]
    assert "raise translation.generation.max_new_tokens" in checks
    assert "max_new_tokens" not in render_brief(brief.record(), "a.json")


def test_the_checks_say_how_many_sentences_reached_the_output_limit() -> None:
    """With max_new_tokens = 12 and tiny models, 44 sentences of seed 001's brief reached the
    limit, and the checks said only "Where the English reached the translator's output limit,
    raise …", as if a few had: a reader could not tell a config too small for the article from
    a long sentence or two. The checks say how many, the headline too."""
    from summarize.checks import translation_warnings

    warning = translation_warnings("Ein Satz.", "A sentence.", reached_limit=8)[0]
    brief = make_brief()
    limited = tuple(
        dataclasses.replace(pair, warnings=((1, warning),)) for pair in brief.paragraphs
    )
    sentences = len(limited)
    record = dataclasses.replace(brief, paragraphs=limited).record()
    checks = render_brief(record, "a.json").split("## Checks", 1)[1].split("##", 1)[0]
    assert (
        f"The English of {sentences} sentences reached the translator's output limit and may be "
        "cut: raise translation.generation.max_new_tokens" in checks
    )
    headline = dataclasses.replace(brief, paragraphs=limited[:1], title_warnings=(warning,))
    checks = render_brief(headline.record(), "a.json").split("## Checks", 1)[1]
    assert "The English of the headline and 1 sentence reached" in checks


def test_the_headlines_translation_warnings_are_shown_and_counted(tmp_path) -> None:
    """A warned headline is said under it, in the brief and the view, counted with the body's
    warnings, and the output-limit advice is given for it too; an older record without the
    field loads as one whose headline was not warned of."""
    from summarize.checks import translation_warnings
    from summarize.outputs import write_brief
    from summarize.view import build_site

    cut = tuple(translation_warnings("Ein langer Titel.", "A long", reached_limit=8))
    assert [warning.kind for warning in cut] == ["output_limit"]
    brief = make_brief()
    paragraphs = tuple(dataclasses.replace(pair, warnings=()) for pair in brief.paragraphs)
    warned = dataclasses.replace(brief, paragraphs=paragraphs, title_warnings=cut)
    record = warned.record()
    assert record.counts.translation_warnings == 1
    assert [warning.kind for warning in record.title_warnings] == ["output_limit"]
    text = render_brief(record, "a.json")
    head = text.split("## Summary", 1)[0]
    assert f"*Headline translation warning: {cut[0].detail}.*" in head
    checks = text.split("## Checks", 1)[1].split("##", 1)[0]
    assert "shown under the headline" in checks and "max_new_tokens" in checks
    (tmp_path / "briefs").mkdir()
    write_brief(tmp_path / "briefs" / "a.md", warned)
    site = build_site(tmp_path / "briefs", tmp_path / "site")
    page = (site.index.parent / "a.html").read_text(encoding="utf-8")
    assert "Headline translation warning:" in page.split("</header>", 1)[0]
    older = json.loads(record.to_json())
    del older["title_warnings"]
    loaded = parse_record(json.dumps(older))
    assert loaded.title_warnings == () and loaded.record_id == record.record_id
    assert "Headline translation warning" not in render_brief(make_brief().record(), "a.json")


@pytest.mark.parametrize(
    ("headline", "body", "shown"),
    [
        (True, False, "shown under the headline."),
        (False, True, "1 translation warning, shown at its paragraph."),
        (True, True, "shown under the headline and at its paragraph."),
    ],
)
def test_the_checks_say_where_the_translation_warnings_stand(
    headline: bool, body: bool, shown: str
) -> None:
    """A brief whose only warning was its headline's said it stood "under the headline and at
    their paragraphs": a reader looked for warnings at paragraphs that had none. One warning
    at a paragraph stands "at its paragraph" (it was "1 translation warning, shown at their
    paragraphs")."""
    from summarize.checks import translation_warnings

    cut = tuple(translation_warnings("Ein langer Titel.", "A long", reached_limit=8))
    brief = make_brief()
    paragraphs = (
        brief.paragraphs
        if body
        else tuple(dataclasses.replace(pair, warnings=()) for pair in brief.paragraphs)
    )
    record = dataclasses.replace(
        brief, paragraphs=paragraphs, title_warnings=cut if headline else ()
    ).record()
    checks = render_brief(record, "a.json").split("## Checks", 1)[1].split("##", 1)[0]
    assert shown in checks


@pytest.mark.parametrize(
    ("summary", "lead"),
    [("Floods hit the south. Thousands left their homes.", "Thousands left their homes."),
     ("Floods hit the south.", None)],
)  # fmt: skip
def test_an_index_entry_titled_by_its_summary_does_not_repeat_the_title(
    tmp_path, summary: str, lead: str | None
) -> None:
    """Without a headline the title is the summary's first sentence; the line under it in both
    indexes was that same sentence again. It is the next sentence, or none."""
    from summarize.outputs import write_brief, write_index
    from summarize.view import build_site

    brief = make_brief(title=False, summary=summary)
    assert brief.record().title == "Floods hit the south."
    (tmp_path / "briefs").mkdir()
    write_brief(tmp_path / "briefs" / "a.md", brief)
    entry = write_index(tmp_path / "briefs").read_text(encoding="utf-8").split("\n- ", 1)[1]
    assert entry.count("Floods hit the south.") == 1
    assert (f"  {lead}  \n" in entry) if lead else len(entry.strip().splitlines()) == 2
    page = build_site(tmp_path / "briefs", tmp_path / "site").index.read_text(encoding="utf-8")
    assert page.count("Floods hit the south.") == 1
    assert (lead in page) if lead else 'class="lead"' not in page


@pytest.mark.parametrize(
    ("summary", "title", "lead"),
    [("U.S. President Joe Biden met Olaf Scholz in Berlin. They discussed aid.",
      "U.S. President Joe Biden met Olaf Scholz in Berlin.", "They discussed aid."),
     ("Dr. Anna Müller runs the clinic in St. Georg. Mr. Weber opened it.",
      "Dr. Anna Müller runs the clinic in St. Georg.", "Mr. Weber opened it."),
     ("Prof. Weber spoke. Floods hit the south. Thousands left.", "Prof. Weber spoke.",
      "Floods hit the south."),
     ("Floods hit the south. Thousands left their homes.", "Floods hit the south.",
      "Thousands left their homes.")],
)  # fmt: skip
def test_a_summarys_first_sentence_runs_past_an_abbreviation(
    summary: str, title: str, lead: str
) -> None:
    """A full stop and a space ended the first sentence wherever they stood: a summary starting
    "U.S. President …" was titled "U.S.", and every index showed "Dr." or "U.S." as the line
    of a brief with a headline. The title and both lines are whole sentences."""
    record = make_brief(title=False, summary=summary).record()
    assert (record.title, index_lead(record)) == (title, lead)
    assert index_lead(make_brief(summary=summary).record()) == title


def test_an_index_line_after_a_long_first_sentence_is_the_sentence_after_it() -> None:
    """A first sentence past an abbreviation was read to its 31st word only ("as far as a
    title shows it"): a longer one, titling a brief without a headline, left its own words
    from the 31st on as the brief's index line, which began inside the title's sentence."""
    words = " ".join(f"district{number}" for number in range(40))
    first = f"Dr. Anna Müller visited {words} with her team."
    record = make_brief(title=False, summary=f"{first} They discussed aid.").record()
    assert record.title == " ".join(first.split()[:20]) + " …"
    assert index_lead(record) == "They discussed aid."


@pytest.mark.parametrize(
    ("summary", "title", "lead"),
    [("North Korea sent troops\nto Russia. Many are dead.", "North Korea sent troops to Russia.",
      "Many are dead."),
     ("Dr. Anna Müller said\nthe plan works. They discussed aid.",
      "Dr. Anna Müller said the plan works.", "They discussed aid."),
     ("Floods hit the south.\nThousands left.", "Floods hit the south.", "Thousands left.")],
)  # fmt: skip
def test_a_line_break_in_the_summary_reads_as_the_space_the_brief_shows(
    summary: str, title: str, lead: str
) -> None:
    """A summarizer may write a line break (BART's byte-level vocabulary has one), which the
    brief and the view show as a space. Before a first sentence's stop it ended no match: the
    brief was titled with the summary's first 20 words over its sentences ("North Korea sent
    troops\\nto Russia. Many are dead."), the front matter's title held the line break, and
    the index line under it was empty; or, past an abbreviation, the title stopped at the
    line break ("Dr. Anna Müller said")."""
    record = make_brief(title=False, summary=summary).record()
    assert (record.title, index_lead(record)) == (title, lead)
    front, _ = split_front_matter(render_brief(record, "a.json"))
    assert front["title"] == title
    index = render_index([IndexEntry("a.md", record)])
    assert f"  {escape_markdown(lead)}  \n" in index


def test_english_of_control_characters_only_reads_as_no_translation() -> None:
    """English that escaping leaves empty (a control character, which str.strip() keeps) made
    the paragraph's line "**¶1** " with nothing after it; it said "(no translation)" before
    the sentence-by-sentence rendering."""
    from summarize.record import Paragraph, SentencePair
    from summarize.render import english_markdown

    paragraph = Paragraph(sentences=(SentencePair(de="Der Rat tagte.", en="\x07"),))
    assert english_markdown(paragraph) == "*(no translation)*"


def test_key_facts_say_when_they_are_a_selection() -> None:
    """Key facts list the 12 most frequent of each kind: an article with 40 numbers showed 12
    under "Numbers" as if they were all, and a number looked for there seemed absent."""
    paragraphs = [f"The city spent {100 + i} million euros on plan {i}." for i in range(20)]
    facts, found = find_key_facts(paragraphs)
    brief = dataclasses.replace(make_brief(), key_facts=tuple(facts), key_facts_found=found)
    text = render_brief(brief.record(), "article-0.json")
    numbers = next(line for line in text.splitlines() if line.startswith("- Numbers"))
    assert numbers.startswith("- Numbers (the 12 most frequent): ")
    assert numbers.count("(¶") == 12
    # A shorter list is every fact of its kind: no such words.
    assert "- Names: North Korea (¶1, ¶2)" in render_brief(make_brief().record(), "a.json")


@pytest.mark.parametrize(("written", "selection"), [(11, False), (12, False), (13, True)])
def test_key_facts_are_a_selection_only_where_more_were_found(
    written: int, selection: bool, tmp_path: Path
) -> None:
    """An article with exactly 12 numbers had them listed as "Numbers (the 12 most frequent)",
    though none was left out; the brief and the view say so only where more were found."""
    from test_view import parse

    from summarize.outputs import write_brief
    from summarize.view import build_site

    paragraphs = [f"The city spent {100 + i} euros on it." for i in range(written)]
    facts, found = find_key_facts(paragraphs)
    assert found["number"] == written and len(facts) == min(written, 12)
    brief = dataclasses.replace(make_brief(), key_facts=tuple(facts), key_facts_found=found)
    label = "- Numbers (the 12 most frequent): " if selection else "- Numbers: "
    assert label in render_brief(brief.record(), "a.json")
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "a.md", brief)
    page = parse(build_site(output, tmp_path / "site").pages[0]).text()
    assert ("most frequent" in page) is selection
    # A record from before key_facts_found: a full list may be a selection, and says so.
    older = brief.record().model_copy(update={"key_facts_found": {}})
    assert ("most frequent" in render_brief(older, "a.json")) is (written >= 12)


@pytest.mark.parametrize(
    ("summary", "title"),
    [("The fire broke out at approx. 3 a.m. on Sunday in Cologne. It spread fast.",
      "The fire broke out at approx. 3 a.m. on Sunday in Cologne."),
     ("He has played in the 2. Bundesliga since 2018. He is 31.",
      "He has played in the 2. Bundesliga since 2018."),
     ("Police arrested him on 3. October in Berlin. He denies it.",
      "Police arrested him on 3. October in Berlin."),
     ('Merkel said: "We will manage it." The CDU leader spoke in Berlin.',
      'Merkel said: "We will manage it."'),
     ("He came on 3. The crowd cheered.", "He came on 3."),
     ("The 2. Bundesliga starts on 3. August. Fans are glad.",
      "The 2. Bundesliga starts on 3. August."),
     ('He said "Yes." to the plan. Then he left.', 'He said "Yes." to the plan.'),
     ("Unemployment rose 0.3 pct. to 5.2 percent in May. The office said so.",
      "Unemployment rose 0.3 pct. to 5.2 percent in May."),
     ("Prices rose 5 pct. The bank expects more.", "Prices rose 5 pct.")],
)  # fmt: skip
def test_a_title_from_the_summary_is_its_whole_first_sentence(summary: str, title: str) -> None:
    """Titles were cut at "approx." and at a German ordinal the translator left ("the 2.
    Bundesliga"), the index line then starting inside the sentence; a sentence ending in a
    quotation ran on into the next. And at an abbreviation pysbd's English rules do not know,
    before a word in lowercase ("0.3 pct. | to 5.2 percent")."""
    record = make_brief(title=False, summary=summary).record()
    assert record.title == title
    assert index_lead(record) == summary[len(title) :].strip()


@pytest.mark.parametrize("english", ["   ", "\x07\x07", "\u200b", "\u200e ", "\u3164", "\u2800"])
def test_a_headline_translated_as_nothing_visible_takes_the_summarys_title(english: str) -> None:
    """A headline whose translation shows nothing (spaces, control or zero-width characters)
    made the brief's heading "# " and the index entry a link without text."""
    record = dataclasses.replace(make_brief(), title_en=english).record()
    assert record.title_from == "summary"
    assert record.title == first_sentence(record.summary.text)


def test_the_at_sign_of_a_handle_or_an_e_mail_address_has_no_backslash() -> None:
    """kramdown, Jekyll's reader, has no "\\@" escape and showed the backslash of every
    "@AgnesCallamard" and "presse\\@partei.de" (a handle's "@" is a character reference, as
    pandoc reads it as a citation); an address still makes no link in markdown-it, whose
    linkifier the escaped "." of its domain stops."""
    text = "@AgnesCallamard schrieb an kontakt@zeitung.de und presse@partei.de"
    escaped_text = escape_markdown(text)
    assert "\\@" not in escaped_text
    tokens = gfm().enable("linkify").parseInline(escaped_text)[0].children or []
    assert not [token for token in tokens if token.type in LINK_TOKENS]
    assert "".join(t.content for t in tokens if t.type == "text") == text


def kramdown_html(markdown: str) -> str:
    """``markdown`` as Ruby's kramdown with its GFM parser (Jekyll's reader) renders it; the
    test skips where they are not installed."""
    if shutil.which("ruby") is None:
        pytest.skip("Ruby is not installed: kramdown cannot be run here")
    ruby = (
        'begin; require "kramdown"; require "kramdown-parser-gfm"; rescue LoadError; exit 3; end;'
        'print Kramdown::Document.new(STDIN.read, input: "GFM").to_html'
    )
    done = subprocess.run(["ruby", "-e", ruby], input=markdown, text=True, capture_output=True)
    if done.returncode == 3:
        pytest.skip("Ruby's kramdown and kramdown-parser-gfm are not installed")
    return done.stdout


def shown_text(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()


@pytest.mark.parametrize(
    "text",
    [
        "Kontakt: presse@partei.de",
        "Bürger@innen",
        "Die Vorlage {% include x %} Ende",
        "{{ site.title }}",
        "Preis &euro; und &#8364;",
        "^",
        "Wahl 2025 {#ergebnis}",
        *EXTENDED_MARKUP,
    ],
)
def test_article_text_reads_as_itself_in_kramdown(text: str) -> None:
    """kramdown (Jekyll's reader) has no "\\@", "\\%" or "\\^" escape: it showed the backslash
    of "presse\\@partei.de" and "{\\%"; a quoted "^" alone ended the quote and showed nothing,
    and a heading's "{#ergebnis}" set its id and vanished. Shown the same in markdown-it."""
    escaped = escape_markdown(text)
    for markdown in (escaped, f"> {escaped}", f"# {escaped}"):
        assert shown_text(kramdown_html(markdown)) == text, markdown
        assert shown_text(gfm().render(markdown)) == text, markdown


# What such markup makes: a tag no article text may bring, or an event handler on any tag.
MARKUP_MADE = re.compile(
    r"<(sup|sub|mark|ins|del|kbd|ol|dl|img|script|math|figure)\b"
    r"|class=\"(admonition|arithmatex|emoji|tabbed)"
    r"|<[^>]*\son\w+="
)


def brief_of(text: str) -> Brief:
    return dataclasses.replace(
        make_brief(),
        title_de=text,
        title_en=text,
        paragraphs=(ParagraphPair((text,), (text,)),),
        summary=Summary(text, "direct", 10, 1, 0),
        dropped=(Dropped("consent", text),),
        flags=(Flag("name", text),),
        key_facts=(KeyFact("name", text, (1,)),),
    )


def python_markdown(markdown: str, extensions: list[str]) -> str:
    import markdown as python_markdown_package

    return python_markdown_package.markdown(markdown, extensions=extensions)


def pandoc_html(markdown: str, reader: str = "markdown") -> str:
    """``markdown`` as pandoc's ``reader`` renders it to HTML; the test skips without pandoc."""
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    done = subprocess.run(
        ["pandoc", "-f", reader, "-t", "html", "--wrap=none"],
        input=markdown,
        text=True,
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


PYMDOWN = [
    "pymdownx.mark",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.emoji",
    "pymdownx.keys",
    "pymdownx.arithmatex",
    "pymdownx.details",
    "pymdownx.critic",
]
READERS = {
    "Python-Markdown": [],
    "MkDocs-like": ["extra", "toc", "admonition", "attr_list", "md_in_html", "footnotes"],
    "pymdown-extensions": ["extra", "toc", "admonition", *PYMDOWN],
    # pymdown-extensions' newer generic blocks ("/// note", "/// caption"), which replace them
    "pymdown-extensions blocks": [
        "extra",
        "pymdownx.blocks.admonition",
        "pymdownx.blocks.details",
        "pymdownx.blocks.caption",
        "pymdownx.blocks.html",
        "pymdownx.blocks.tab",
    ],
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("text", EXTENDED_MARKUP)
def test_article_text_makes_no_markup_in_python_markdown(text: str, reader: str) -> None:
    """Python-Markdown (MkDocs' reader) and its common extensions read markup that CommonMark
    does not: "{onfocus=…}" after a headline set a script on the heading (attr_list), a dropped
    "<img onerror=…>" escaped as "\\<img" ran inside the audit's raw <details> block, "\\$5"
    showed its backslash, "2^10^" became a superscript, "a) …" a list. Each shows as written,
    as often as markdown-it's CommonMark shows it."""
    _, body = split_front_matter(render_brief(brief_of(text).record(), "article-0.json"))
    expected = shown_text(MarkdownIt("commonmark").render(body)).count(text)
    assert expected >= 8
    rendered = python_markdown(body, READERS[reader])
    assert not MARKUP_MADE.search(rendered), MARKUP_MADE.search(rendered)
    assert rendered.count("<details") == 1  # the audit's own
    assert shown_text(rendered).count(text) == expected  # the audit's line too, in every reader


AUDITED = [*EXTENDED_MARKUP, HOSTILE, "- Teilen", "**Anzeige**", "\\-", "Preis &copy 2024 &amp"]


@pytest.mark.parametrize("reader", ["commonmark", "gfm-like", *READERS])
def test_the_cleaners_audit_reads_as_itself_in_every_reader(reader: str) -> None:
    """The audit's Markdown list inside its <details> block showed as written in every reader
    that passes an HTML block on as it is (Python-Markdown without md_in_html, MkDocs' default
    setup): "**consent** (1)", "- \\- Teilen", backslashes before every escaped character.
    Its rules and removed lines read as themselves in each reader, as HTML of the audit's own
    tags, and a removed "&copy 2024" is no ©."""
    brief = dataclasses.replace(
        make_brief(), dropped=tuple(Dropped("consent", text) for text in AUDITED)
    )
    _, body = split_front_matter(render_brief(brief.record(), "article-0.json"))
    audit = body.split("\n## Removed by the cleaner\n", 1)[1]
    if reader in READERS:
        rendered = python_markdown(audit, READERS[reader])
    else:
        rendered = MarkdownIt(reader).render(audit)
    assert set(re.findall(r"</?([a-z]+)", rendered)) == AUDIT_TAGS, rendered
    assert not MARKUP_MADE.search(rendered)
    (listed,) = re.findall(r"<ul[^>]*>(.*?)</ul>", rendered, re.DOTALL)
    items = [shown_text(item) for item in re.findall(r"<li>(.*?)</li>", listed, re.DOTALL)]
    assert items == [" ".join(text.split()) for text in AUDITED]
    assert f"<strong>consent</strong> ({len(AUDITED)})" in rendered


# Obsidian's tag: "#" at a line's start or after white space, then letters, digits, "_", "-" or
# "/", at least one of them no digit (help.obsidian.md, Tags).
OBSIDIAN_TAG = re.compile(r"(?<!\S)#[\w/-]*[^\W\d][\w/-]*")


@pytest.mark.parametrize(
    "text",
    [
        "Unter dem Hashtag #MeToo berichteten Tausende.",
        "#Wahl2025 beginnt",
        "Die Tags #ikigai/leben und #3d_druck",
        "Der Aufruf (#at25eu) lief.",
    ],
)
def test_a_hashtag_in_article_text_makes_no_obsidian_tag(text: str) -> None:
    """Obsidian reads "#MeToo" in a line as a tag: styled as one and listed among the vault's
    tags, each brief adding the hashtags of its article (68 of the 588 development pages hold
    some). Escaped, as a heading's "#" is; every reader shows it as written."""
    _, body = split_front_matter(render_brief(brief_of(text).record(), "article-0.json"))
    assert not OBSIDIAN_TAG.search(body), OBSIDIAN_TAG.search(body)
    expected = shown_text(MarkdownIt("commonmark").render(body)).count(text)
    assert expected >= 8
    assert shown_text(gfm().render(body)).count(text) == expected
    for reader in READERS.values():
        assert shown_text(python_markdown(body, reader)).count(text) == expected, reader


@pytest.mark.parametrize(
    "text",
    [
        "Der Etat soll um 50 %% steigen, sagte der Minister. %% Dieser Satz ist wichtig.",
        "Der Kommentar lautet %%versteckt%% und dann geht es weiter.",
        "Ein Rest %%% am Ende %%",
    ],
)
def test_a_double_percent_in_article_text_makes_no_obsidian_comment(text: str) -> None:
    """Obsidian reads "%%" as a comment's start, and hides what follows up to the next "%%":
    "um 50 %% steigen, sagte … %% Dieser" hid the words between in the brief. Each "%" of such
    a run is a character reference (kramdown and Python-Markdown have no "\\%" escape); every
    reader shows the text as written, in the brief and the index alike."""
    record = brief_of(text).record()
    _, body = split_front_matter(render_brief(record, "article-0.json"))
    index = render_index([IndexEntry("article-0.md", record)])
    for markdown, least in ((body, 8), (index, 1)):
        assert "%%" not in markdown
        expected = shown_text(MarkdownIt("commonmark").render(markdown)).count(text)
        assert expected >= least
        assert shown_text(gfm().render(markdown)).count(text) == expected
        for reader in READERS.values():
            assert shown_text(python_markdown(markdown, reader)).count(text) == expected, reader
        assert shown_text(pandoc_html(markdown)).count(text) == expected
        assert shown_text(kramdown_html(markdown)).count(text) == expected


@pytest.mark.parametrize("text", EXTENDED_MARKUP)
def test_article_text_makes_no_markup_in_pandoc(text: str) -> None:
    """pandoc's Markdown reads attributes, superscripts, maths and lettered lists ("a) …",
    "(1) …", "(@) …"); the test skips where pandoc is not installed. Its typography ("smart":
    "--" as a dash, straight quotes curled) is left on; none of these texts has what it turns."""
    _, body = split_front_matter(render_brief(brief_of(text).record(), "article-0.json"))
    expected = shown_text(MarkdownIt("commonmark").render(body)).count(text)
    for reader in ("markdown", "commonmark_x", "gfm"):
        html = pandoc_html(body, reader)
        assert not MARKUP_MADE.search(html), (reader, MARKUP_MADE.search(html))
        assert html.count("<details") == 1  # the audit's own
        assert shown_text(html).count(text) == expected, reader


@pytest.mark.parametrize(
    "line", ["(@dpa) Die Regierung plant Kürzungen.", "@dpa) Die Regierung", "@dpa. Die"]
)
def test_a_labelled_example_marker_makes_no_list_in_pandoc(line: str) -> None:
    """pandoc reads "(@label)" (or "@label)", "@label.") at a line's start as an item of its
    numbered example list, and every "@label" elsewhere as that item's number: a German
    paragraph opening "(@dpa) …" became a list, and the summary's "@dpa" showed as "1"."""
    brief = dataclasses.replace(
        make_brief(),
        paragraphs=(ParagraphPair((line,), (line,)),),
        summary=Summary("The government, said @dpa, plans cuts.", "direct", 10, 1, 0),
    )
    _, body = split_front_matter(render_brief(brief.record(), "article-0.json"))
    html = pandoc_html(body)
    assert "<ol" not in html
    shown = shown_text(html)
    assert shown.count(line) == 2  # the English and the German
    assert "The government, said @dpa, plans cuts." in shown


@pytest.mark.parametrize(
    "text",
    [
        "Laut @dpa plant die Regierung Kürzungen.",
        "„@AgnesCallamard“ schrieb",
        "x_@dpa",
        "@AT&amp;T",
    ],
)
def test_a_handle_makes_no_citation_in_pandoc(text: str) -> None:
    """pandoc's Markdown (its default reader) reads "@dpa" after anything but a letter or digit
    as a citation: `--citeproc` showed each handle of the article as "(dpa?)", and without it
    the key took what follows as typed ("@AT&amp;T" showed "@AT&amp;amp;T"). An e-mail
    address's "@" is no citation and stays as typed."""
    _, body = split_front_matter(render_brief(brief_of(text).record(), "article-0.json"))
    expected = shown_text(MarkdownIt("commonmark").render(body)).count(text)
    assert expected >= 8
    html = pandoc_html(body)
    assert 'class="citation"' not in html
    assert shown_text(html).count(text) == expected
    assert shown_text(kramdown_html(body)).count(text) == expected
    assert "kontakt@zeitung\\.de" in escape_markdown("kontakt@zeitung.de")


def test_an_entity_in_a_briefs_file_name_is_not_read_in_its_link() -> None:
    target = link_target("R&amp;D.md")
    html = gfm().render(f"[x](<{target}>)")
    assert 'href="R%26amp;D.md"' in html


@pytest.mark.parametrize("filename", [" Haushalt.md", "Haushalt .md\u00a0", "\u2003a b.md"])
def test_white_space_at_a_briefs_file_names_ends_stays_in_its_link(filename: str) -> None:
    """markdown-it strips a link target's white space at its ends: " Haushalt.md" linked to
    "Haushalt.md", another brief or none."""
    html = gfm().render(f"[x](<{link_target(filename)}>)")
    href = re.search(r'href="([^"]*)"', html)
    assert href is not None and unquote(href.group(1)) == filename
