"""A Markdown file's text without its markup (markdown-it-py: CommonMark and tables), its title,
and what a reader never sees of it (front matter, link definitions, image descriptions, hidden
HTML) for the audit."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import ArticleError, shown
from summarize.ingest.details import SourceDetails, front_matter_details
from summarize.ingest.html import (
    BLOCK_TAGS,
    INVISIBLE_TAGS,
    NO_HTML_LINE_BREAK,
    is_html_element,
    parse_html,
    read_blocks,
    script_of_digits,
    scripts_as_characters,
)

MARKDOWN_SUFFIXES = (".md", ".markdown")
# The audit's names for what a reader never sees of a Markdown file. Its images' descriptions:
MARKDOWN_IMAGE = "markdown_image"
# A Markdown file's YAML front matter: metadata, not text (its title is the headline).
MARKDOWN_FRONT_MATTER = "markdown_front_matter"
# A Markdown link reference definition ("[1]: https://… "Titel"", and so a footnote written
# "[^1]: Quelle" where no footnote extension is read): markup that renders as nothing.
MARKDOWN_LINK_DEFINITION = "markdown_link_definition"
# The text of a Markdown file's HTML that a browser never shows: comments, <script>, <style>
# and the other invisible elements (markup, not article text, but every character of the file
# is in the brief or its audit).
MARKDOWN_HIDDEN_HTML = "markdown_hidden_html"
# A heading's attributes, as Hugo, Jekyll (kramdown) and Pandoc read them at its end
# ("## Die Lage {#lage}", "{.wichtig}", "{id=\"lage\"}", Pandoc's "{-}" for ".unnumbered"):
# markup a reader never sees, which reached the translator (and the brief's title) as words.
MARKDOWN_HEADING_ATTRIBUTES = "markdown_heading_attributes"
_HEADING_ATTRIBUTE = r"(?:-|[#.][^\W\d][\w:-]*|[^\W\d][\w:-]*=(?:\"[^\"]*\"|'[^']*'|[^\s}\"']+))"
_HEADING_ATTRIBUTES = re.compile(
    rf"[ \t]+(\{{:?[ \t]*{_HEADING_ATTRIBUTE}(?:[ \t]+{_HEADING_ATTRIBUTE})*[ \t]*\}})[ \t]*$"
)
# The type mark of a quote that opens with it, GitHub's alerts ("> [!NOTE]") and Obsidian's
# callouts ("> [!info]- Hintergrund"): each renders as a box with an icon and its title (the
# words after the mark, else its type's name), the mark never shown; it reached the translator
# (and the brief) as "[!info]". A folding sign after it ("+", "-") is markup too.
MARKDOWN_CALLOUT = "markdown_callout"
_CALLOUT = re.compile(r"\[![A-Za-z][\w-]*\][+-]?(?=[ \t\n]|\Z)[ \t]*")
# Obsidian's comments ("%%noch prüfen%%", or over lines and paragraphs): hidden from a reader, they
# reached the translator as sentences of the article. Removed as a template tag is. A "%%" after
# a number is a per cent sign typed twice ("um 5 %% steigen", printf's "5%%"), which opens no
# comment (it may close one: "%%geprüft am 12.03.2024%%"); and only a comment that opens its
# line goes on past its paragraph: a stray "%%" in one paragraph and another in a later one
# took the text between, and left the first paragraph's start joined to the last one's end.
MARKDOWN_COMMENT = "markdown_comment"
_COMMENT_OPENS = r"(?<!\d)(?<!\d[ \u00a0\u202f])%%"
_OBSIDIAN_COMMENT = re.compile(
    rf"(?:(?<=\n)|\A)[ \t]*{_COMMENT_OPENS}.{{0,20000}}?%%"
    rf"|{_COMMENT_OPENS}(?:[^\n]|\n(?![ \t]*\n)){{0,20000}}?%%",
    re.DOTALL,
)
# Obsidian's wiki links: "[[Debatte im Bundestag|langer Debatte]]" shows "langer Debatte",
# "[[Mieter]]" shows "Mieter"; the brackets, and a link's target beside the words it shows,
# reached the translator as text. An embed ("![[Foto Bundestag.jpg]]") shows the file, not its
# name: listed in the audit.
MARKDOWN_EMBED = "markdown_embed"
_WIKI_LINK = re.compile(r"(!?)\[\[([^\[\]\n]+?)\]\]")
# A link's target and the words it shows, split at its first "|" ("\\|" in a table's cell).
_WIKI_ALIAS = re.compile(r"\\?\|")
# A site generator's template tags in an article's Markdown: Hugo's shortcodes ("{{< figure
# src=… >}}", "{{% notice %}}"), Jekyll's Liquid ("{% include … %}", "{{ page.title }}", a
# "{% comment %}" with its text) and kramdown's block attributes and extensions alone on a line
# ("{: .lead}", "{::comment}…{:/comment}"). The generator replaces or removes them, a reader
# never sees them as typed; they reached the translator (and the brief) as words. A paired
# shortcode's text ("{{% notice %}}Text{{% /notice %}}") is the reader's and stays; Liquid's
# names are in lower case ("{{ Mengen }}" in a sentence stays as typed).
MARKDOWN_TEMPLATE_TAG = "markdown_template_tag"
# A tag's parameters may go on over lines, not over a blank line (a paragraph's end).
_IN_A_TAG = r"(?:(?!\n[ \t]*\n).){0,2000}?"
_TEMPLATE_TAG = re.compile(
    r"\{%-?[ \t]*comment[ \t]*-?%\}.{0,20000}?\{%-?[ \t]*endcomment[ \t]*-?%\}"
    r"|\{::comment\}.{0,20000}?\{:/comment\}"
    rf"|\{{\{{<[ \t\n]*/?[ \t]*[A-Za-z_][\w./-]*{_IN_A_TAG}>\}}\}}"
    rf"|\{{\{{%[ \t\n]*/?[ \t]*[A-Za-z_][\w./-]*{_IN_A_TAG}%\}}\}}"
    rf"|\{{%-?[ \t\n]*[a-z_]\w*{_IN_A_TAG}-?%\}}"
    r"|\{\{-?[ \t]*[a-z_][\w.]*(?:\[[^\]\n]*\])*(?:[ \t]*\|[^{}\n]*)?[ \t]*-?\}\}"
    r"|(?m:^[ \t]*\{::?[^}\n]*\}[ \t]*$)",
    re.DOTALL,
)
# How deep markdown-it reads nested blocks (a quote is one level, a list item two: its list and
# itself). Its CommonMark preset stops at 20 and drops the rest of the quote or list without an
# error: an e-mail thread quoted 20 times, or a list nested 10 deep, lost its innermost text
# from the translation, listed in the audit as a link definition. markdown-it's own default
# preset reads 100, well within Python's recursion limit; past that, the article is refused.
MAX_NESTING = 100
# The blocks whose content markdown-it reads one level deeper.
_CONTAINERS = frozenset(("blockquote_open", "bullet_list_open", "ordered_list_open",
                         "list_item_open"))  # fmt: skip


def markdown_text(markdown: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A Markdown file's text without its markup (``# ``, link targets, image syntax, quote
    marks ``>``, code fences): each block (heading, paragraph, list item, table row, code) a
    paragraph of its own, its line breaks kept, a row's cells joined by " | " (a cell alone,
    such as a number, would read as a fragment); and its images' descriptions, which are not
    article text. Parsed by markdown-it-py (CommonMark and tables)."""
    text, left_out, _ = markdown_article(markdown)
    return text, left_out


def markdown_article(
    markdown: str, path: Path | None = None
) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """:func:`markdown_text`, and the file's title ("" when none): its front matter's, else the
    text of the ``# heading`` (level 1) the file opens with. Both are the first line of the
    text; the cleaner takes it for the headline as it takes an HTML page's title, where on its
    shape alone a subtitle or byline under it was the brief's title.

    Raises ArticleError (naming ``path``) for quotes and lists nested too deep to read."""
    front_matter, title, markdown = _split_front_matter(markdown)
    markdown, template_tags = _without_template_tags(markdown)
    markdown, comments = _without_template_tags(markdown, _OBSIDIAN_COMMENT, MARKDOWN_COMMENT)
    parser = _parser()
    tokens = parser.parse(markdown)
    _refuse_deep_nesting(tokens, path)
    # The source's lines as markdown-it numbers them: str.splitlines() also parts them at
    # U+2028, form feeds and other separators, and every later line was another's.
    lines = _MARKDOWN_NEWLINE.split(markdown)
    reader = _TokenReader(parser, lines, title, [title] if title else [])
    for token in tokens:
        reader.read(token)
    text = "\n\n".join(block.strip("\n") for block in reader.blocks if block.strip())
    # Word's line break (U+000B), a form feed, U+2028 and the like inside a line: no line end to
    # markdown-it, and a browser shows the rendered paragraph on one line (NO_HTML_LINE_BREAK);
    # kept, they parted the paragraph for the segmenter (str.splitlines), a sentence in two.
    text = NO_HTML_LINE_BREAK.sub(" ", text)
    title = NO_HTML_LINE_BREAK.sub(" ", reader.title)
    # An empty heading is never the title of the text under it.
    title = title if text.startswith(title) else ""
    front = tuple(
        (MARKDOWN_FRONT_MATTER, line.strip()) for line in front_matter.splitlines() if line.strip()
    )
    definitions = tuple(
        (MARKDOWN_LINK_DEFINITION, line.strip()) for line in _lines_of_no_block(tokens, lines)
    )
    left_out = front + template_tags + comments + definitions + tuple(reader.left_out)
    return text, left_out, title


def markdown_details(markdown: str) -> SourceDetails:
    """What a Markdown file's front matter says of the source (``url``, ``date``, ``author``,
    ``site``), :class:`SourceDetails` with nothing when it has none."""
    meta = _front_matter_mapping(markdown)
    return front_matter_details(meta) if meta else SourceDetails()


def _without_template_tags(
    markdown: str, tag: re.Pattern[str] | None = None, rule: str = MARKDOWN_TEMPLATE_TAG
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``markdown`` without its template tags (``tag``, :data:`_TEMPLATE_TAG` unless given), and
    the tags for the audit under ``rule``. A tag between words leaves one space; a line that
    held tags alone is left empty (a paragraph's end, as the generator's output would be a
    block of its own)."""
    tags: list[tuple[str, str]] = []
    parts: list[str] = []
    end = 0
    for match in (tag or _TEMPLATE_TAG).finditer(markdown):
        tags.append((rule, " ".join(match.group().split())))
        before, after = markdown[end : match.start()], markdown[match.end() : match.end() + 1]
        end = match.end()
        if after in (" ", "\t"):
            before = before.rstrip(" \t")  # one space between the words either side, not two
        elif before[-1:] not in ("", " ", "\t", "\n") and after not in ("", "\n"):
            before += " "
        parts.append(before)
    if not tags:
        return markdown, ()
    parts.append(markdown[end:])
    # A line left blank but for the spaces around its tags is empty.
    text = re.sub(r"(?m)^[ \t]+$", "", "".join(parts))
    return text, tuple(tags)


def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Emphasis stays as typed: in German text a star is as often content (Bürger*innen, *lach*)
    # as markup, and the translator does no harm to a bold **word**.
    parser = MarkdownIt("commonmark").enable("table").disable("emphasis")
    # markdown-it reads nothing inside a block that opens at its limit's level: one more than
    # ours, so a file nested exactly MAX_NESTING deep is read whole.
    parser.options["maxNesting"] = MAX_NESTING + 1
    parser.block.ruler.at(
        "html_block", _html_block_that_closes, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    parser.inline.ruler.before("entity", "windows_1252_reference", _windows_1252_reference)
    parser.inline.ruler.before("link", "wiki_link", _wiki_link)
    return parser


# A numeric character reference to a C1 control that windows-1252 puts a character at
# ("&#132;", "&#x93;"), in decimal or hex.
_C1_REFERENCE = re.compile(r"&#(?:0*(12[89]|1[3-5][0-9])|[xX]0*([89][0-9a-fA-F]));")


def _wiki_link(state: Any, silent: bool) -> bool:
    """An Obsidian wiki link read as the words it shows (:data:`_WIKI_LINK`), an embed as a
    token of its own for the audit."""
    # Not when a link's label is measured (silent): a token that opens with "[" there is a
    # nested link, and "[Bericht [[Wahl]]](https://…)" lost its link.
    match = None if silent else _WIKI_LINK.match(state.src, state.pos)
    target, _, shown = _WIKI_ALIAS.sub("|", match[2]).partition("|") if match else ("", "", "")
    if match is None or not (shown.strip() or target.strip()):
        return False  # "[[ ]]" is no link: as typed
    if match[1]:
        token = state.push("wiki_embed", "", 0)
        token.content = target.strip()
    else:
        token = state.push("text_special", "", 0)
        token.content, token.markup = (shown or target).strip(), match[0]
    state.pos += len(match[0])
    return True


def _windows_1252_reference(state: Any, silent: bool) -> bool:
    """A numeric character reference to a C1 control read as the character windows-1252 has
    there, as browsers (HTML) and the HTML path read it: "&#132;Zitat&#147;", "5&#128;" and
    "&#150;" (pages written on Windows, converted to Markdown with their references) are
    „Zitat“, 5€ and –, where markdown-it made each the replacement character U+FFFD ("Berlin �
    Der Minister sagte: �Wir …"). The five bytes windows-1252 leaves undefined stay
    markdown-it's."""
    match = _C1_REFERENCE.match(state.src, state.pos)
    if match is None:
        return False
    code = int(match[1]) if match[1] else int(match[2], 16)
    try:
        character = bytes([code]).decode("cp1252")
    except (ValueError, UnicodeDecodeError):
        return False
    if not silent:
        token = state.push("text_special", "", 0)
        token.content, token.markup, token.info = character, match[0], "entity"
    state.pos += len(match[0])
    return True


def _refuse_deep_nesting(tokens: Sequence[Any], path: Path | None) -> None:
    # The parser read nothing inside such a block: refused, as an HTML page nested past its limit.
    if any(token.type in _CONTAINERS and token.level >= MAX_NESTING for token in tokens):
        where = f"{shown(path)}: the" if path is not None else "The"
        raise ArticleError(
            f"{where} Markdown nests its quotes and lists more than {MAX_NESTING} levels "
            "deep (a list item counts two); the text past that depth cannot be read"
        )


@dataclass
class _TokenReader:
    """One file's blocks of text, read from its tokens in order."""

    parser: Any
    lines: Sequence[str]  # the source's lines, as markdown-it numbers them
    title: str
    blocks: list[str]
    # What a reader never sees: images' descriptions, hidden HTML's text.
    left_out: list[tuple[str, str]] = field(default_factory=list)
    # A list item keeps its marker: "1. Mai: …" may be a date, "+ 2 Mio." a plus; bullets are
    # stripped (and recorded) by the cleaner's rule, as in plain text.
    marker: str = ""
    opening_heading: bool = False  # the file opens with a level-1 heading: its text is the title
    row: list[str] | None = None  # the cells of the table row being read
    row_line: str = ""  # its line of the source, and its cells as typed
    raw_row: list[str] = field(default_factory=list)
    heading: bool = False  # the inline token read next is a heading's
    quote_opens: bool = False  # the inline token read next is a quote's first paragraph's

    def read(self, token: Any) -> None:
        if token.type in ("heading_open", "heading_close"):
            self.heading = token.type == "heading_open"
        if token.type == "blockquote_open":
            self.quote_opens = True
        elif token.type not in ("paragraph_open", "inline"):
            self.quote_opens = False
        if token.type == "tr_open":
            self.row, self.raw_row = [], []
            self.row_line = self.lines[token.map[0]] if token.map else ""
        elif token.type == "tr_close" and self.row is not None:
            self._close_row(self.row)
        elif token.type == "list_item_open":
            # Added to, not replaced: an item that opens a list of its own ("- 1. Mai: …")
            # has both markers before its text, and the outer one was lost unrecorded.
            self.marker += f"{token.info}{token.markup} "
        elif token.type == "list_item_close" and self.marker:  # an empty item: its marker alone
            self.blocks.append(self.marker.strip())
            self.marker = ""
        # Opens with it: after nothing that shows (a comment alone is an empty block), and
        # not in a list item (its marker would head the title).
        elif (
            token.type == "heading_open"
            and token.tag == "h1"
            and not self.marker
            and not any(block.strip() for block in self.blocks)
        ):
            self.opening_heading = True
        elif token.type == "inline":
            self._inline(token)
        # An item that opens with code or HTML: its marker goes before it, not to the next text
        # (a sub-item's, which got both markers).
        elif token.type in ("fence", "code_block"):
            self.blocks.append(self.marker + token.content)
            self.marker = ""
        elif token.type == "html_block":
            self._html_block(token)

    def _close_row(self, row: list[str]) -> None:
        # A row with more cells than the table's header: markdown-it leaves the others out
        # (as GFM renders the table), and their text was lost unrecorded.
        for cell in _excess_cells(self.row_line, self.raw_row):
            children = self.parser.parseInline(cell)[0].children or []
            row.append(_inline_text(children, self.left_out))
        # One line, as an HTML page's row: a cell set on two lines ("CDU<br>Union") mixed the
        # row's cells across lines, and the cleaner dropped a cell's last line as a fragment.
        self.blocks.append(" | ".join(" ".join(map(str.strip, cell.splitlines())) for cell in row))
        self.row = None

    def _inline(self, token: Any) -> None:
        if self.row is not None:
            self.raw_row.append(token.content)
        text = self.marker + _inline_text(token.children or [], self.left_out)
        self.marker = ""
        if self.quote_opens and (callout := _CALLOUT.match(text)):
            self.left_out.append((MARKDOWN_CALLOUT, callout.group().strip()))
            text = text[callout.end() :]
        self.quote_opens = False
        if self.heading and (attributes := _HEADING_ATTRIBUTES.search(text)):
            self.left_out.append((MARKDOWN_HEADING_ATTRIBUTES, attributes.group(1)))
            text = text[: attributes.start()]
        if self.heading:
            # One line, as a browser shows it: the cleaner read a setext heading's two
            # lines ("Haushalt\n2025\n===") as two blocks, neither of them the title; and
            # one set on two lines by a <br> ("## Die Grünen<br>legen zu") as a heading and a
            # fragment it dropped, as an HTML page's before its headings were one line.
            text = " ".join(text.splitlines())
        if self.opening_heading:
            # As the text holds it: with its white space made single ("# Haushalt  2025",
            # a tab, a no-break space) the text no longer started with the title, which
            # was dropped, and the subtitle under it was the headline. The cleaner compares
            # it with the first block, white space made single.
            self.title, self.opening_heading = text, False
        (self.row if self.row is not None else self.blocks).append(text)

    def _html_block(self, token: Any) -> None:
        # In a <div>: a block of a comment alone is an "empty document" to lxml, and a
        # comment before the first element no part of its tree. Left open (lxml closes it):
        # a comment or <script> the block never closes took a closing "</div>" as its own
        # text, and the audit listed markup the file does not hold.
        # A superscript of digits as the characters a reader sees, as in an HTML page.
        root = parse_html(f"<div>{scripts_as_characters(token.content)}")
        visible, hidden = read_blocks(root)
        # A block that opens with the closing tag of an element opened blocks above it
        # ("</details>." after a blank line) glues its punctuation to the block before.
        # Not to the title, which would no longer head the text.
        earlier = self.blocks if not self.marker and self.blocks[-1:] != [self.title] else []
        visible = _punctuation_on_the_line_before(visible, token.content, earlier)
        self.blocks.append(self.marker + "\n".join(visible))
        self.left_out += ((MARKDOWN_HIDDEN_HTML, text) for text in hidden)
        self.left_out += _image_descriptions(root)
        self.marker = ""


# Punctuation that ends a phrase, glued to what comes before it ("</details>." "</div>),").
_GLUED_PUNCTUATION = re.compile(r"[.,;:!?…)\]}]+(?=\s|$)")


def _punctuation_on_the_line_before(blocks: list[str], html: str, earlier: list[str]) -> list[str]:
    """The visible blocks of a Markdown file's HTML block, each that opens with punctuation
    typed right after a closing tag ("<details>…</details>.") without it, the punctuation at
    the end of the block before (the first block's: at the end of the last of ``earlier``, the
    file's blocks read so far, changed in place): a block of a full stop alone was dropped by
    the cleaner as a fragment, and the article lost its character. White space alone moves."""
    kept: list[str] = []
    for block in blocks:
        punctuation = _GLUED_PUNCTUATION.match(block)
        before = kept or [block for block in earlier if block.strip()][-1:]
        if (
            before
            and punctuation
            and re.search(rf"</[A-Za-z][\w-]*\s*>{re.escape(punctuation.group())}", html)
        ):
            if kept:
                kept[-1] += punctuation.group()
            else:
                last = max(i for i, block in enumerate(earlier) if block.strip())
                earlier[last] = earlier[last].rstrip() + punctuation.group()
            block = block[punctuation.end() :].lstrip()
        if block:
            kept.append(block)
    return kept


def _html_block_that_closes(state: Any, start: int, end: int, silent: bool) -> bool:
    """markdown-it's HTML block rule, but for a block that would hide typed text: a line that
    opens with ``<script>``, ``<style>``, ``<pre>``, ``<textarea>``, ``<!--``, ``<?`` or ``<!``
    never closed after it (CommonMark then takes the rest of the article for raw HTML: a line
    "<script> ist ein HTML-Element, …" lost every paragraph after it, unrecorded); one that
    opens an invisible element (``<title>``, ``<head>``) not closed in its block; and a tag that
    names no HTML element ("<Die Linke>" alone on a line). Such a line is read as a paragraph,
    where such a tag stays as typed (:func:`_inline_text`)."""
    from markdown_it.rules_block.html_block import html_block

    position = state.bMarks[start] + state.tShift[start]
    first = state.src[position : state.eMarks[start]]
    for opening, closing in _RAW_HTML_BLOCKS:
        if opening.match(first):
            if _last_match(state, closing) < position:
                return False
            break
    if (tag := _INLINE_TAG.match(first)) and not is_html_element(tag.group(2)):
        return False
    if not (tag and tag.group(2).lower() in INVISIBLE_TAGS and not tag.group(1)):
        return html_block(state, start, end, silent)
    count, line = len(state.tokens), state.line
    if not html_block(state, start, end, False):
        return False
    block = state.tokens[-1].content.lower()
    if f"</{tag.group(2).lower()}" in block and not silent:
        return True
    del state.tokens[count:]
    state.line = line
    return f"</{tag.group(2).lower()}" in block and html_block(state, start, end, True)


# The raw HTML blocks of CommonMark that end only at a closing sequence (its types 1 to 5):
# what opens one, and what closes it.
_RAW_HTML_BLOCKS = (
    (
        re.compile(r"<(script|pre|style|textarea)(?=[\s>]|$)", re.I),
        re.compile(r"</(script|pre|style|textarea)>", re.I),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
)


def _last_match(state: Any, pattern: re.Pattern[str]) -> int:
    """Where in the Markdown source ``pattern`` last matches (-1: nowhere), found once a parse:
    a search from each line that opens a raw HTML block to the end of the source would make an
    article of many such lines quadratic."""
    found = state.env.setdefault("summarize_last_match", {})
    if pattern not in found:
        found[pattern] = max((match.start() for match in pattern.finditer(state.src)), default=-1)
    return found[pattern]


# A line break as markdown-it reads one (its normalize rule).
_MARKDOWN_NEWLINE = re.compile(r"\r\n?|\n")


# What a line that no block token covers may hold besides a link reference definition: the
# marks of an empty list item or quote ("-", "2.", ">").
_ONLY_MARKS = re.compile(r"[\s>*+\-\d.)]*")


def _lines_of_no_block(tokens: Sequence[Any], lines: Sequence[str]) -> list[str]:
    """The source lines that no leaf block (paragraph, heading, code, HTML, rule, table)
    covers: link reference definitions, which markdown-it reads and renders as nothing. Their
    text (a footnote's "[^1]: Quelle", a title that took the quoted sentence below it) was lost
    unrecorded."""
    covered = [False] * len(lines)
    for token in tokens:
        if token.map and token.type in _LEAF_BLOCKS:
            for number in range(token.map[0], min(token.map[1], len(lines))):
                covered[number] = True
    return [
        line
        for line, is_covered in zip(lines, covered, strict=True)
        if not is_covered and not _ONLY_MARKS.fullmatch(line)
    ]


_LEAF_BLOCKS = frozenset(
    ("paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open")
)


def _inline_text(children: Sequence[Any], left_out: list[tuple[str, str]]) -> str:
    """The text of a Markdown block's inline tokens; its images' descriptions, and the text of
    its comments and invisible elements (``<script>…</script>``), go to ``left_out``."""
    parts: list[str] = []
    hidden = 0  # inside inline <script>, <style>, …: what a browser never shows
    hidden_parts: list[str] = []  # their text, for the audit
    scripts = _scripts_of_digits(children)
    last_closing = _last_closing_tags(children)
    after_script = 0  # the children up to here belong to the script of digits just read
    closed_block = False  # the child before was a block's closing tag ("</details>")
    for index, child in enumerate(children):
        glued, closed_block = closed_block, False
        if index < after_script:
            continue
        if index in scripts and not hidden:
            characters, after_script = scripts[index]
            parts.append(characters)
        elif child.type == "html_inline" and (tag := _INLINE_TAG.match(child.content)):
            if not is_html_element(tag.group(2)):
                # "<Die Linke>", "<hallo welt>": CommonMark reads a tag, a browser shows
                # nothing, and the words were lost unrecorded; no element of that name is HTML.
                (hidden_parts if hidden else parts).append(child.content)
            elif tag.group(2).lower() in INVISIBLE_TAGS and not tag.group(3):
                # An opening tag hides only up to its closing tag in the paragraph: one named
                # in the text ("per <script> eingeschleust") hid the rest of it.
                if tag.group(1) or last_closing.get(tag.group(2).lower(), -1) > index:
                    hidden = max(0, hidden + (-1 if tag.group(1) else 1))
                    if not hidden:
                        _add_hidden(left_out, "".join(hidden_parts))
                        hidden_parts.clear()
                elif not hidden:
                    parts.append(child.content)
            elif not hidden and tag.group(2).lower() == "img":
                left_out += _image_descriptions(parse_html(child.content))
            elif not hidden and tag.group(2).lower() in BLOCK_TAGS:
                parts.append("\n")  # a <br> (or a <div>) ends a line, as in a browser
                closed_block = bool(tag.group(1))
        elif hidden:
            hidden_parts.append(child.content if child.content else " ")
        elif child.type == "html_inline" and (comment := _INLINE_COMMENT.fullmatch(child.content)):
            _add_hidden(left_out, comment.group(1))  # a comment, <?…?> or <![CDATA[…]]>
        elif child.type == "wiki_embed":
            left_out.append((MARKDOWN_EMBED, child.content))
        elif (
            child.type == "text"
            and glued
            and (punctuation := _GLUED_PUNCTUATION.match(child.content))
        ):
            # "… hieß es <details>…</details>." The full stop, a line of its own as a browser
            # shows it, was dropped by the cleaner as a fragment: it stays on the line before.
            parts.insert(len(parts) - 1, punctuation.group())
            parts.append(child.content[punctuation.end() :].lstrip(" \t"))
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")  # the cleaner reads lines, and joins wrapped ones
        elif child.type == "image" and child.content.strip():
            left_out.append((MARKDOWN_IMAGE, child.content))
    _add_hidden(left_out, "".join(hidden_parts))  # an element its paragraph never closed
    return "".join(parts)


def _scripts_of_digits(children: Sequence[Any]) -> dict[int, tuple[str, int]]:
    """Where a paragraph's inline tokens hold a superscript or subscript of digits (``<sup>6
    </sup>``, perhaps in a link: a footnote's mark): by its first token, the characters a
    reader sees ("⁶") and the index after its last token. Read as text between two tags, "10
    <sup>6</sup> Kilowattstunden" reached the translator as "106 Kilowattstunden", a number
    the file does not give (an HTML page's are read so: :func:`scripts_as_characters`)."""
    found: dict[int, tuple[str, int]] = {}
    for index, child in enumerate(children):
        if child.type != "html_inline" or not _SCRIPT_OPENING.match(child.content):
            continue
        for end in (index + 3, index + 5):  # <sup>6</sup>, <sup><a …>1</a></sup>
            run = children[index:end]
            if len(run) < end - index or any(c.type not in ("html_inline", "text") for c in run):
                break
            if (characters := script_of_digits("".join(c.content for c in run))) is not None:
                found[index] = characters, end
                break
    return found


_SCRIPT_OPENING = re.compile(r"<su[bp]\b", re.IGNORECASE)


def _image_descriptions(root: Any) -> list[tuple[str, str]]:
    """The descriptions (``alt``) of the images of a Markdown file's HTML, as its Markdown
    images' are listed: ``<img alt="…">`` is what ``![…](…)`` renders."""
    if root is None:
        return []
    described = (" ".join(image.get("alt", "").split()) for image in root.iter("img"))
    return [(MARKDOWN_IMAGE, alt) for alt in described if alt]


# An inline comment, processing instruction or CDATA section: (its text). A declaration
# ("<!DOCTYPE html>") is markup alone.
_INLINE_COMMENT = re.compile(r"<(?:!--|\?|!\[CDATA\[)(.*?)(?:-->|\?>|\]\]>)", re.S)


def _add_hidden(left_out: list[tuple[str, str]], text: str) -> None:
    """List ``text``, HTML a browser never shows, in the audit (white space collapsed)."""
    if text := " ".join(text.split()):
        left_out.append((MARKDOWN_HIDDEN_HTML, text))


def _excess_cells(line: str, cells: Sequence[str]) -> list[str]:
    """The cells of a table row's source ``line`` after its ``cells`` as markdown-it read them
    (as many as the header has): split as markdown-it splits a row (an escaped pipe ``\\|`` is
    none), found after whatever quote or list marks the line starts with."""
    from markdown_it.rules_block.table import escapedSplit

    split = escapedSplit(line)
    if split and not split[-1].strip():
        split.pop()
    typed = [cell.strip() for cell in split]
    for start in range(len(typed) - len(cells) + 1):
        if typed[start : start + len(cells)] == [cell.strip() for cell in cells]:
            return [cell for cell in typed[start + len(cells) :] if cell]
    return []


def _last_closing_tags(children: Sequence[Any]) -> dict[str, int]:
    """Where a paragraph's inline tokens last close each element, by its name in lower case: an
    opening tag is closed later in the paragraph where its name's last closing tag comes after
    it. Found once a paragraph: a search from each opening tag to the paragraph's end made a
    long paragraph that names "<script>" on many lines quadratic (4,000 lines: 7 s)."""
    last: dict[str, int] = {}
    for index, child in enumerate(children):
        tag = _INLINE_TAG.match(child.content) if child.type == "html_inline" else None
        if tag and tag.group(1):
            last[tag.group(2).lower()] = index
    return last


# YAML front matter, as Hugo, Jekyll and Obsidian write it: "---" on the first line, closed by
# "---" or "..." alone on a line. Lines end as CommonMark ends them: "\n", "\r\n" or a lone
# "\r" (an old Mac file's front matter was read as article text).
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*(?:\r\n?|\n)(.*?)(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)", re.S
)
# TOML front matter, as Hugo writes it: "+++" on the first line, closed by "+++" alone on a line.
_TOML_FRONT_MATTER = re.compile(
    r"\A\+\+\+[ \t]*(?:\r\n?|\n)(.*?)(?<=[\r\n])\+\+\+[ \t]*(?:\r\n?|\n|\Z)", re.S
)


def _front_matter_match(markdown: str) -> tuple[re.Match[str] | None, bool]:
    """The front matter block that opens ``markdown`` (None when none), and whether it is TOML."""
    match = _FRONT_MATTER.match(markdown)
    if match is not None:
        return match, False
    match = _TOML_FRONT_MATTER.match(markdown)
    return match, match is not None


def _split_front_matter(markdown: str) -> tuple[str, str, str]:
    """A Markdown file's YAML front matter (or ""), the title it gives (or ""), and the rest.

    CommonMark reads front matter as a thematic break and a heading, so its fields
    ("title: … date: 2021-05-03 author: Redaktion") became the article's headline and were
    translated. Only a block that YAML reads as a mapping counts: an article may open with a
    "---" rule of its own."""
    match, _ = _front_matter_match(markdown)
    meta = _front_matter_mapping(markdown)
    if match is None or meta is None:
        return "", "", markdown
    title = meta.get("title")
    if title is not None and not isinstance(title, str | list | dict):
        # YAML reads "title: 1984" as a number ("title: Off" as false, "title: 1.10" as 1.1):
        # the title is the text as written.
        written = [line.strip().strip("\"'") for line in _TITLE_LINE.findall(match.group(1))]
        # The last, as YAML reads a key written twice; a value on the next line, a tag
        # ("!!int 42") or an alias ("*a"): as YAML read it.
        last = written[-1] if written else ""
        title = last if last and not last.startswith(("!", "*", "&")) else str(title)
    title = " ".join(title.split()) if isinstance(title, str) else ""
    return match.group(1).strip(), title, markdown[match.end() :]


def _front_matter_mapping(markdown: str) -> dict[str, Any] | None:
    """A Markdown file's front matter as YAML (or, between "+++" lines, TOML) reads it, if it
    opens with one that is a mapping with a front matter's key."""
    match, toml = _front_matter_match(markdown)
    if match is None:
        return None
    block = match.group(1)
    meta = _toml_mapping(block) if toml else _yaml_mapping(block)
    if not isinstance(meta, dict) or not _has_a_front_matter_key(meta):
        return None
    return _by_lower_case_key(meta)


def _by_lower_case_key(meta: dict[Any, Any]) -> dict[Any, Any]:
    """``meta`` with its keys in lower case: a front matter written "Title:", "Author:",
    "Date:" (by hand, or by an exporter) was read as metadata, its lines left out of the text,
    but its title, author and date were never read, and the article lost its headline. A key
    written in lower case wins over the same name in another case."""
    other_case: dict[Any, Any] = {}
    for key, value in meta.items():
        other_case.setdefault(key.lower() if isinstance(key, str) else key, value)
    return other_case | {key: value for key, value in meta.items() if key in other_case}


def _toml_mapping(block: str) -> Any:
    # Hugo's "+++" block: CommonMark reads it as a paragraph, and its 'title = "…"' lines were
    # the article's first sentences.
    try:
        return tomllib.loads(block.replace("\r\n", "\n").replace("\r", "\n"))
    except (tomllib.TOMLDecodeError, RecursionError):  # nested past what it reads: no TOML here
        return None


def _yaml_mapping(block: str) -> Any:
    try:
        return _surrogates_paired(_yaml_block(block))
    except RecursionError:
        # Lists or mappings nested past what PyYAML reads (it goes down them by recursion): the
        # article was lost as "a defect"; read as a block YAML cannot read is.
        return _key_value_lines(block)


def _surrogates_paired(value: Any, done: dict[int, Any] | None = None) -> Any:
    """``value`` (YAML's reading) with the UTF-16 escapes of a double-quoted string read as
    the characters they write: PyYAML makes each half of ``"\\ud83d\\ude00"`` a character of
    its own, a lone surrogate, which no UTF-8 holds; one in a title (``"\\ud800"``, or an
    emoji's half left by a cut) ended the whole run with a Rust panic in the checks. A half
    without its other half is U+FFFD, as the HTML parser makes a reference to one. Each list or
    mapping is read once (``done``): YAML aliases share one among many (read down every path,
    nine levels of ten took minutes), and one that holds itself keeps itself inside."""
    if isinstance(value, str):
        if not _SURROGATE.search(value):
            return value
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    if not isinstance(value, list | dict):
        return value
    if done is None:
        done = {}
    if id(value) in done:
        return done[id(value)]
    done[id(value)] = value  # inside itself, as it was
    paired: Any
    if isinstance(value, list):
        paired = [_surrogates_paired(item, done) for item in value]
    else:
        paired = {
            _surrogates_paired(key, done): _surrogates_paired(item, done)
            for key, item in value.items()
        }
    done[id(value)] = paired
    return paired


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _yaml_block(block: str) -> Any:
    import yaml

    try:
        return yaml.safe_load(block)
    except yaml.YAMLError:
        # "title: Merz: Wir handeln jetzt" is no YAML (a colon in a value needs quotes), and the
        # block became the article's opening: 'title: Merz: …' its headline, the date and the
        # author translated. A block of plain "key: value" lines is read line by line.
        return _key_value_lines(block)
    except ValueError:
        # A date YAML reads as one but no calendar has ("date: 2024-02-30", "2024-01-01
        # 25:00"): PyYAML raises ValueError, not a YAMLError, and the whole article was lost as
        # "a defect" for a typo in its metadata. Read again with dates as the text written.
        try:
            return yaml.load(block, Loader=_dates_as_written())  # a SafeLoader
        except (yaml.YAMLError, ValueError):
            return None


# A front matter's line "key: value" (the value as written, quotes around it left out). A front
# matter has a key in lower case ("title", "cssclass") or one of the usual ones in any case
# ("Title"); an article's own "---" rule around "Fazit: …" lines has neither.
_KEY_VALUE_LINE = re.compile(r"([A-Za-z_][\w-]*):(?:[ \t]+(.*?))?[ \t]*")
_LOWER_CASE_KEY = re.compile(r"[a-z_][a-z0-9_-]*")
_FRONT_MATTER_KEYS = frozenset(
    {"title", "date", "author", "authors", "tags", "categories", "url", "slug", "draft",
     "description", "summary", "lang", "layout", "image", "lastmod", "keywords", "aliases"}
)  # fmt: skip


def _has_a_front_matter_key(meta: dict[Any, Any]) -> bool:
    return any(
        isinstance(key, str)
        and (_LOWER_CASE_KEY.fullmatch(key) is not None or key.lower() in _FRONT_MATTER_KEYS)
        for key in meta
    )


def _key_value_lines(block: str) -> dict[str, Any] | None:
    """``block`` read as "key: value" lines, where YAML could not read it: None unless every
    line is one (an indented line or a "- " item belongs to the key above and is left out)."""
    meta: dict[str, Any] = {}
    # The file's lines: str.splitlines() also parts them at a vertical tab (Word's line break in
    # a title), a form feed or U+2028, and no such part is a "key: value" line.
    for line in _MARKDOWN_NEWLINE.split(block):
        if not line.strip() or line.lstrip().startswith(("#", "- ")) or line[:1] in " \t":
            continue
        found = _KEY_VALUE_LINE.fullmatch(line)
        if found is None:
            return None
        value = (found.group(2) or "").strip()
        if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[found.group(1)] = value  # the last, as YAML reads a key written twice
    return meta or None


def _dates_as_written() -> Any:
    """A YAML SafeLoader that reads a timestamp as the string written."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return Loader


# A front matter's title line as written, up to a comment.
_TITLE_LINE = re.compile(r"^title:[ \t]*(.*?)(?:[ \t]+#.*)?$", re.MULTILINE | re.IGNORECASE)


# An inline HTML tag of a Markdown paragraph: (closing "/", name, self-closing "/").
_INLINE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
