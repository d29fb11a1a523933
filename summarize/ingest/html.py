"""An HTML page's text: the main text as trafilatura extracts it, the page's whole visible text
as a copied page reads (for the cleaner to weigh with the extraction's verdict), the visible
blocks the extraction left out (for the audit) and the page's title."""

from __future__ import annotations

import bisect
import copy
import dataclasses
import itertools
import json
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from difflib import Match, SequenceMatcher
from html import unescape
from pathlib import Path
from typing import Any

from summarize.errors import ArticleError, shown
from summarize.ingest.details import (
    SourceDetails,
    headline_for_site_name,
    one_line,
    site_name,
    source_name,
    title_parts,
    title_without_site_name,
    web_address,
    without_byline_labels,
    without_placeholder_names,
)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# The audit's name for what the extraction of an HTML page's main text left out.
HTML_EXTRACTION = "html_extraction"

logger = logging.getLogger("summarize")


def extract_html(
    html: str, path: Path
) -> tuple[str, tuple[tuple[str, str], ...], str, str, SourceDetails]:
    """Main content of a web page as text (trafilatura), headline first, comments left out;
    the page's visible text blocks that are not in it (for the audit); the page's whole
    visible text (:func:`page_text`), which the cleaner reads with the extraction's verdict;
    the page's title from its metadata ("" when none), the first line of both texts; and what
    its metadata says of it besides (address, date, author, site).

    Each block of the page (paragraph, heading, list item, table row) is one line, as a browser
    shows it: the line breaks and indentation of the HTML source inside a block are white space,
    collapsed to one space; a ``<br>`` starts a new line, and a ``<pre>`` keeps its own lines."""
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt

    if path.suffix.lower() == ".xhtml":
        html = _cdata_as_text(html)
    html = _without_references_xml_cannot_hold(_vertical_tabs_and_form_feeds_as_spaces(html))
    html = quotations_marked(scripts_as_characters(_without_document_end_tags(html)))
    html = punctuation_inside_closing_tags(html)
    root, too_deep = _parse_page(html)
    # The metadata reads the page as written (its <time> elements date it); the extraction
    # reads the <time> elements of running text as the text they are.
    markup = times_in_text_as_spans(html)
    page: Any = markup
    if too_deep:
        # lxml (libxml2) stops reading a page at 256 levels of nested elements and drops the
        # rest without an error: legacy pages that never close their <font> or <div> tags get
        # there, and their last paragraphs vanished from the brief. Such a page is read with
        # the parser's higher limit (2048), by the extraction too; past that, it is refused.
        root, too_deep = _parse_page(html, huge=True)
        if too_deep:
            raise ArticleError(
                f"{shown(path)}: the HTML nests its elements more than {_HUGE_DEPTH} deep; "
                "the text past that depth cannot be read"
            )
        page = _trafilatura_tree(markup)
    document = _bare_extraction(_with_leading_text_as_paragraphs(page))
    if document is None and isinstance(page, str):
        # trafilatura takes markup without "html" in its first 50 characters that parses to a
        # single element for no HTML at all: a fragment of one block ("<p>…</p>", "<div><p>…
        # </p></div>", an <article> copied from a page) was "no article text found in the
        # HTML", though such fragments are read as pages. Given the parsed document, it reads it.
        # Markup of no element at all (a comment, a doctype or an XML declaration alone) has no
        # document to give: lxml raised, and the page was "a defect of summarize".
        tree = _trafilatura_tree(markup, document=True)
        document = (
            _bare_extraction(_with_leading_text_as_paragraphs(tree)) if tree is not None else None
        )
    body = ""
    if document is not None and document.body is not None:
        # What trafilatura.extract(output_format="txt") returns, but for the source's white space.
        _join_heading_lines(document.body)
        _layout_tables_as_blocks(document.body)
        _collapse_source_white_space(document.body, _pre_texts(root))
        _number_extracted_items(document.body, ordered_list_markers(root))
        body = normalize_unicode(xmltotxt(document.body, include_formatting=False))
        # The spaces left at a block's ends, and lines of nothing else (white space between
        # blocks), are the source's layout too; trafilatura drops empty lines.
        body = "\n".join(filter(None, map(str.strip, body.splitlines())))
    if not body.strip():
        raise ArticleError(f"{shown(path)}: no article text found in the HTML{_why_no_text(root)}")
    whole = page_text(root)
    page_lines = whole.splitlines()
    body = split_at_page_lines(spaced_as_the_page(body, page_lines), page_lines)
    body, whole = with_embedded_text(body, whole, embedded_text_lines(root))
    whole_title, details = _page_metadata(html, path)
    title = title_without_site_name(whole_title, details.site, details.url)
    # What a title holds besides the site's name is its headline: no site's name to swap for
    # the <title>'s other part ('"Welches Europa wir wollen" - http://www.tafelblog.com',
    # whose site's name trafilatura gives as that whole title, headed the brief by its address).
    if title == whole_title:
        title = _headline_not_the_site_name(root, title, details)
    title = _headline_not_a_section_label(root, title, details)
    date = _date_at_central_european_midnight(root, _published_date(root, details.date))
    details = dataclasses.replace(details, date=date)
    if details.author:
        author = _cleaned_author(root, details.author, details)
        author = _byline_for_the_sites_name(root, author, details)
        details = dataclasses.replace(details, author=author)
    if title and _a_comment_forms_heading(root, title):
        title = _title_outside_comments(root, path)
    # A blank line after the title keeps it a line of its own for headline detection.
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    blocks = visible_blocks(root)
    left_out = tuple((HTML_EXTRACTION, block) for block in left_out_blocks(blocks, text))
    # The page's title (its metadata: <title>, og:title) stays the first line, as above: in
    # the page's own text the headline often stands below menus, teasers and author lines.
    if title and whole and not whole.startswith(title):
        whole = f"{title}\n\n{whole}"
    return text, left_out, whole, title, details


def _why_no_text(root: Any) -> str:
    """What a page without article text is instead, for its failure's line ("" when nothing
    tells): a scraper that saves what a server sends saves redirects, framesets and pages
    its scripts fill in, and each failed alike, "no article text found in the HTML", the page
    to fetch instead unsaid."""
    if root is None:
        return ""
    for content in root.xpath(_REFRESH_XPATH):
        if (target := _REFRESH_TARGET.search(content)) is not None:
            address = target["address"].strip().strip("'\"")[:_SHOWN_ADDRESS]
            return f"; the page only redirects (meta refresh) to {shown(address)}: save that page"
    # A frameset's <noframes> text ("Ihr Browser kann keine Frames anzeigen") is no article.
    if frames := _frame_sources(root, "//frame/@src"):
        return frames
    if visible_blocks(root):
        return ""
    if frames := _frame_sources(root, "//iframe/@src"):
        return frames
    if root.xpath("//script[@src or normalize-space()]"):
        return (
            "; the page shows no text without its scripts (they write it in a browser): save "
            "the page as a browser shows it"
        )
    return ""


def _frame_sources(root: Any, xpath: str) -> str:
    """The part of a failure's line that names the pages a page shows in its frames, or ""."""
    frames = [source.strip()[:_SHOWN_ADDRESS] for source in root.xpath(xpath) if source.strip()]
    if not frames:
        return ""
    named = ", ".join(shown(frame) for frame in frames[:3])
    more = f" and {len(frames) - 3} more" if len(frames) > 3 else ""
    return f"; the page only shows other pages in frames ({named}{more}): save those"


# A <meta http-equiv="refresh"> element's content ("0; url=https://…"), and the address in it.
_REFRESH_XPATH = (
    "//meta[translate(normalize-space(@http-equiv), 'REFSH', 'refsh') = 'refresh']/@content"
)
_REFRESH_TARGET = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(?P<address>\S.*)", re.I | re.S)
# How much of an address a failure's line shows.
_SHOWN_ADDRESS = 200


# A numeric character reference, decimal or hexadecimal (HTML ends one without its ";" too).
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
# The characters XML cannot hold that lxml makes of a reference: C0 controls but the white space
# the parser reads as such (tab, line feed, vertical tab, form feed, carriage return), U+FFFE
# and U+FFFF. (It makes U+FFFD of a reference to NUL, to a surrogate or past U+10FFFF.)
_XML_INCOMPATIBLE = frozenset([*range(0x01, 0x09), *range(0x0E, 0x20), 0xFFFE, 0xFFFF])


# Word's line break (U+000B) and a form feed, as characters or as numeric references ("&#11;",
# "&#x0C;").
_VERTICAL_TAB_OR_FORM_FEED = re.compile(r"[\v\f]|&#(?:0*1[12]|[xX]0*[bBcC])(?![0-9a-fA-F]);?")


def _vertical_tabs_and_form_feeds_as_spaces(html: str) -> str:
    """``html`` with each vertical tab and form feed a space. XML holds neither: written as a
    reference, lxml made it the character, and trafilatura's extraction gave up on the page
    ("no article text found in the HTML" for one "&#11;" a CMS kept of Word's line break in a
    short article); written as it is, the extraction's metadata left it out and glued the
    words either side of it in the page's title ("Haushalt in Ulmbeschlossen worden"). A
    browser shows each between two words (:data:`NO_HTML_LINE_BREAK`): white space."""
    if "\v" not in html and "\f" not in html and "&#" not in html:
        return html
    return _VERTICAL_TAB_OR_FORM_FEED.sub(" ", html)


def _without_references_xml_cannot_hold(html: str) -> str:
    """``html`` without its references to characters XML cannot hold, left out as the parser
    leaves out those characters written as they are: lxml made each such reference its
    character, and trafilatura's extraction, setting an element's text with it, raised a
    ValueError it took for "no article": one "&#27;" a CMS kept from a pasted text, and the
    whole page was "no article text found in the HTML"."""
    if "&#" not in html:
        return html
    return _NUMERIC_REFERENCE.sub(_unless_xml_cannot_hold, html)


def _unless_xml_cannot_hold(reference: re.Match[str]) -> str:
    hexadecimal, decimal = reference.groups()
    digits = (hexadecimal or decimal).lstrip("0")
    if len(digits) > 5:  # past U+FFFF (and past what int() reads, for thousands of digits)
        return reference[0]
    code = int(digits or "0", 16 if hexadecimal else 10)
    return "" if code in _XML_INCOMPATIBLE else reference[0]


# A superscript or subscript of digits ("10<sup>6</sup>", "m<sup>2</sup>", "CO<sub>2</sub>",
# a footnote's "Einwohner<sup><a href="#fn1">1</a></sup>"), perhaps inside one link or span.
_SCRIPT_OF_DIGITS = re.compile(
    r"<(sup|sub)\b[^>]*>\s*(?:<(a|span)\b[^>]*>\s*)?([0-9+\-−=()]{1,8})\s*(?:</\2\s*>\s*)?</\1\s*>",
    re.IGNORECASE,
)
_SUPERSCRIPT = str.maketrans("0123456789+-−=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
_SUBSCRIPT = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")


def scripts_as_characters(html: str) -> str:
    """``html`` with each superscript or subscript of digits written as the Unicode characters
    a reader sees: the page's text had lost the raising, so "10<sup>6</sup> Kilowattstunden"
    became "106 Kilowattstunden", a number the page does not give, and a footnote mark stuck to
    its word ("Einwohner1")."""
    if "<su" not in html and "<SU" not in html:
        return html
    return _SCRIPT_OF_DIGITS.sub(_script_characters, html)


# A block's closing tag with the punctuation typed right after it ("</details>." "</div>, hieß
# es"): not of a table or list, whose own text the parser moves elsewhere.
_PUNCTUATION_AFTER_CLOSING_TAG = re.compile(
    r"(</(?:address|article|aside|blockquote|dd|details|dialog|div|dt|fieldset|figcaption|"
    r"figure|footer|form|h[1-6]|header|li|main|nav|p|pre|section|summary)\s*>)"
    r"([.,;:!?…)\]}]+)(?=[\s<]|$)",
    re.IGNORECASE,
)


def punctuation_inside_closing_tags(html: str) -> str:
    """``html`` with punctuation typed right after a block's closing tag moved before it: "…
    hieß es <details><summary>Quelle</summary>Haushaltsplan</details>.</p>" has the full stop
    as the <details> element's tail, on a line of its own as a browser shows it, which the
    extraction left out (listed in the audit, as html_extraction "."): the article lost its
    character. Read at the end of the block, it stays in its place in the text."""
    if "</" not in html:
        return html
    return _PUNCTUATION_AFTER_CLOSING_TAG.sub(r"\2\1", html)


# A <q> element's tags (not those of a custom element <q-…>).
_QUOTATION_TAG = re.compile(r"<(/?)q(?=[\s/>])[^>]*>", re.IGNORECASE)
# The marks a browser shows around a German page's <q>, and around a <q> inside it.
_QUOTATION_MARKS = (("„", "“"), ("‚", "‘"))


def quotations_marked(html: str) -> str:
    """``html`` with the quotation marks a browser shows around each ``<q>`` element written
    out, German ones as a German page shows them: the marks are no characters of the page's
    text, and "die Bahn habe <q>kein Angebot</q> vorgelegt" reached the translator as the
    paraphrase "die Bahn habe kein Angebot vorgelegt". A ``<q>`` whose text starts with a
    quotation mark of its own (a page whose style sheet hides the browser's) gets none. Each
    ``<q>`` becomes a ``<span>``: trafilatura reads it as a block quotation, and a quotation
    inside another came out of order ("nannte das eine , hieß es. Nebelkerze der …")."""
    if "<q" not in html and "<Q" not in html:
        return html
    parts: list[str] = []
    done = 0  # html[:done] is in parts
    marked: list[bool] = []  # for each <q> open: whether its marks were written
    for tag in _QUOTATION_TAG.finditer(html):
        parts.append(html[done : tag.start()])
        done = tag.end()
        if tag[1]:  # a closing tag
            if not marked:  # closes no <q>: left as it is, for the parser to ignore
                parts.append(tag[0])
            elif marked.pop():
                parts += [_QUOTATION_MARKS[sum(marked) % 2][1], "</span>"]
            else:
                parts.append("</span>")
            continue
        # Written as characters or as references ("&bdquo;", "&#8222;", "&quot;"): the page's
        # own marks either way, and a second pair was added around the references.
        own = unescape(html[done : done + 40]).lstrip().startswith(tuple(_OWN_QUOTATION_MARKS))
        parts.append("<span" + tag[0][len("<q") :])
        if not own:
            parts.append(_QUOTATION_MARKS[sum(marked) % 2][0])
        marked.append(not own)
    return "".join(parts) + html[done:]


# Marks a quotation's text may start with, typed by its author.
_OWN_QUOTATION_MARKS = "„“”\"‚‘’'«»‹›"


def script_of_digits(markup: str) -> str | None:
    """The characters a reader sees of ``markup`` when it is one superscript or subscript of
    digits (``<sup>6</sup>``, as :func:`scripts_as_characters` finds them), else None."""
    match = _SCRIPT_OF_DIGITS.fullmatch(markup)
    return None if match is None else _script_characters(match)


def _script_characters(match: re.Match[str]) -> str:
    return match[3].translate(_SUPERSCRIPT if match[1].lower() == "sup" else _SUBSCRIPT)


# A <time> element's opening tag; trafilatura deletes the element with its text. Not a custom
# element's, <time-ago> (a "-" ends a word too): its </time-ago> closes no <time>, and the
# <time> after it in the sentence lost its closing tag and, with it, the rest of the sentence.
_TIME_OPENING = re.compile(r"<time(?=[\s/>])[^>]*>", re.IGNORECASE)
_TIME_CLOSING = re.compile(r"</time\s*>", re.IGNORECASE)


def times_in_text_as_spans(html: str) -> str:
    """``html`` with each ``<time>`` that stands in running text (text beside it, perhaps
    across a link's or emphasis's tags: "am <time>14. März</time> um 18 Uhr", "<p><b><time>
    Berlin, 14. März</time></b> – Der Rat …") written as a ``<span>``. trafilatura deletes
    every ``<time>`` with its text, as it would a dateline: the date was cut out of the
    sentence ("am um 18 Uhr"), and with the classifier on, the page's paragraph no longer
    matched the extraction and was dropped as left out. A dateline alone in its element
    stays a ``<time>``, for the extraction to leave out as before."""
    parts: list[str] = []
    done = 0  # html[:done] is in parts
    closing: re.Match[str] | None = None
    for opening in _TIME_OPENING.finditer(html):
        if opening.start() < done:  # inside a <time> taken already
            continue
        if closing is None or closing.start() < opening.end():
            # Searched again only past the last one found: openings never closed each
            # searched to the end of the page.
            closing = _TIME_CLOSING.search(html, opening.end())
        if closing is None:  # no <time> opened later closes either
            break
        if _text_before(html, opening.start()).strip() or _text_after(html, closing.end()).strip():
            parts += [
                html[done : opening.start()],
                "<span" + opening[0][len("<time") :],
                html[opening.end() : closing.start()],
                "</span>",
            ]
            done = closing.end()
    return "".join(parts) + html[done:]


# The tags of inline elements that may wrap a <time> in running text.
_INLINE_NAMES = r"(?:a|b|strong|i|em|span|small|mark|u|font|cite)"
_INLINE_OPENING = re.compile(rf"<{_INLINE_NAMES}\b[^<>]*>", re.IGNORECASE)
_INLINE_CLOSING = re.compile(rf"\s*</{_INLINE_NAMES}\s*>", re.IGNORECASE)


def _text_before(html: str, at: int) -> str:
    """The text right before ``html[at]``, back across inline elements' opening tags."""
    end = at
    while True:
        text_start = html.rfind(">", 0, end) + 1
        text = html[text_start:end]
        tag_start = html.rfind("<", 0, text_start)
        if (
            text.strip()
            or tag_start < 0
            or not _INLINE_OPENING.fullmatch(html, tag_start, text_start)
        ):
            return text
        end = tag_start


def _text_after(html: str, at: int) -> str:
    """The text right after ``html[:at]``, on across inline elements' closing tags."""
    start = at
    while True:
        tag_start = html.find("<", start)
        text = html[start : tag_start if tag_start >= 0 else len(html)]
        closing = None if tag_start < 0 else _INLINE_CLOSING.match(html, tag_start)
        if text.strip() or closing is None:
            return text
        start = closing.end()


# Elements a browser never shows: a <template>'s content and an element with the ``hidden``
# attribute (:func:`_hidden`).
# Not hidden="until-found": the browser shows such an element's text when a search in the page
# finds it or a link leads to it (a collapsed answer of an FAQ, a section of an accordion).
_NEVER_SHOWN_XPATHS = [
    "//template",
    "//*[@hidden and translate(normalize-space(@hidden), 'UNTILFOD', 'untilfod') != 'until-found']",
]


def _bare_extraction(page: Any) -> Any:
    """trafilatura's extraction of ``page`` (markup or a tree), None where it finds nothing."""
    import trafilatura

    return trafilatura.bare_extraction(
        page,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # What a browser never shows, as the page's text (page_text) leaves it out: trafilatura
        # keeps a <template>'s text and a hidden element's, and with the classifier off (or
        # `inspect --no-clean`) they reached the brief.
        prune_xpath=_NEVER_SHOWN_XPATHS,
        # trafilatura's deduplication remembers text across every document of the process, so a
        # paragraph seen in earlier inputs would vanish from this one. Repeats within the article
        # are dropped (and recorded) by the cleaning stage's "duplicates" rule instead.
        deduplicate=False,
        as_dict=False,
    )


# Containers whose own text before their first block trafilatura's extraction drops, where it
# reads them as neither its frame nor a paragraph.
_TEXT_CONTAINERS = ("body", "div", "section", "article", "main", "center", "font", "span")
# Shorter leading text is a label or a date: jusText, trafilatura's fallback, calls a paragraph
# under 50 characters short (its length_low as trafilatura sets it). Without this minimum, 12
# more of trafilatura's 709 German test pages gained such a line ("20.01.2022", "Rechtliche
# Hinweise:"), and one lost its article to a paywall box.
_SHORTEST_LEADING_TEXT = 50


def _with_leading_text_as_paragraphs(page: Any) -> Any:
    """``page`` (markup or a tree) as trafilatura reads it, but for the text a container with
    ``<p>`` children holds before its first block, which stands in a ``<p>`` of its own: a
    browser shows it as a paragraph, but trafilatura takes a ``<div>``'s, ``<section>``'s,
    ``<font>``'s or ``<span>``'s own text only where the element is its frame, and a
    ``<div>Lead …<p>…</p><p>…</p></div>`` lost its lead paragraph to the audit. As a ``<p>``,
    the text is judged as trafilatura judges the paragraphs beside it (its link density),
    and the cleaner keeps or drops it with them. Only beside ``<p>`` children, and only text
    of :data:`_SHORTEST_LEADING_TEXT` characters or more: read as paragraphs, the labels
    before a menu's list or a box's ``<div>`` changed which part of a page trafilatura took
    for the article (of trafilatura's 709 German test pages, 60 changed: 4 lost article
    paragraphs, most gained labels, dates and menu lines), and the text of a ``<body>`` whose
    paragraphs sit deeper was a server's PHP warnings on one. The paragraphs may stand one level
    deeper, in the container's first block (``<div>Lead …<div><p>…</p><p>…</p></div></div>``),
    but for a ``<body>``'s text.
    An article's lead that its markup names outside its body is moved into it first (see
    :func:`_article_leads_in_their_bodies` and :func:`_class_marked_lead_in_its_body`).
    A tree given is changed in place; markup is returned as it is where no container has such
    text and no lead moved (or trafilatura reads it as no HTML)."""
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return page
    wrapped = _article_leads_in_their_bodies(tree)
    wrapped = _class_marked_lead_in_its_body(tree) or wrapped
    for container in list(tree.iter(*_TEXT_CONTAINERS)):
        children = list(container)
        # The <p> children (or grandchildren) first: looking for a block below each child reads
        # whole subtrees.
        beside_paragraphs = any(child.tag == "p" for child in children)
        if beside_paragraphs and _line_broken_text_between_paragraphs_wrapped(container, children):
            wrapped = True
            children = list(container)
        if beside_paragraphs and _prose_lists_between_paragraphs_as_paragraphs(children):
            wrapped = True
            children = list(container)
        if not beside_paragraphs and (
            container.tag == "body"
            or not any(grandchild.tag == "p" for child in children for grandchild in child)
        ):
            continue
        first_block = next(at for at, child in enumerate(children) if _holds_a_block(child))
        if not beside_paragraphs and not any(
            grandchild.tag == "p" for grandchild in children[first_block]
        ):
            continue
        leading = children[:first_block]
        if len(" ".join(_shown_text(container.text, leading).split())) < _SHORTEST_LEADING_TEXT:
            continue
        paragraph = container.makeelement("p")
        paragraph.text, container.text = container.text, None
        # Appending moves each inline element into the paragraph, with the text after it.
        paragraph.extend(leading)
        container.insert(0, paragraph)
        wrapped = True
    return tree if wrapped else page


# schema.org microdata: the item an element's itemprop belongs to is its nearest ancestor with
# an itemscope; an item's description and its article body are the page's own labels.
_ITEMPROP_XPATH = "//body//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' {} ')]"


def _article_leads_in_their_bodies(tree: Any) -> bool:
    """Whether an article's lead, which its microdata marks as the article's ``description``
    and which stands before the element it marks as its ``articleBody`` (``<div
    itemprop="description">Lead …</div><div itemprop="articleBody"><p>…</p></div>``, TYPO3's
    news pages among others), was moved to the start of that body. trafilatura takes the
    ``articleBody`` element for the article and nothing outside it (nor anything whose class
    names a "teaser", as such leads' often does), and the lead reached only the audit: on
    trafilatura's 709 German test pages, 22 pages gain their lead (17 "with" snippets among
    them) and none a "without" snippet. Only a description of the body's own item
    (an author's or a photo's description inside the article is its own item's), not one the
    body repeats, and not mostly links; the nearest before each body. Its class and id are left
    behind (they named a teaser), and inline content alone becomes a ``<p>``."""
    bodies = tree.xpath(_ITEMPROP_XPATH.format("articleBody"))
    descriptions = tree.xpath(_ITEMPROP_XPATH.format("description"))
    if not bodies or not descriptions:
        return False
    position = {element: at for at, element in enumerate(tree.iter())}
    moved = False
    for body in bodies:
        item = _microdata_item(body)
        before = [
            description
            for description in descriptions
            if _microdata_item(description) is item
            and position[description] < position[body]
            and description not in body.iterancestors()
        ]
        if not before:
            continue
        lead = before[-1]
        lead_text = " ".join(_shown_text(lead.text, list(lead)).split())
        linked = sum(len(" ".join(link.text_content().split())) for link in lead.iter("a"))
        if not lead_text or linked > _MOST_LINK_TEXT * len(lead_text):
            continue
        if lead_text in " ".join(body.text_content().split()):
            continue
        _move_to_the_start(lead, body)
        descriptions.remove(lead)
        moved = True
    return moved


def _move_to_the_start(lead: Any, body: Any) -> None:
    """Move ``lead`` to the start of ``body``, as :func:`_as_paragraphs` makes it."""
    copied = copy.deepcopy(lead)
    copied.tail = None
    _as_paragraphs(copied)
    # The body's own text before its first child stays after the lead.
    copied.tail, body.text = body.text, None
    body.insert(0, copied)
    # lxml's drop_tree keeps the text after the lead where it stood.
    lead.drop_tree()


def _as_paragraphs(lead: Any) -> None:
    """``lead`` without its class and id (they named a teaser, which trafilatura prunes),
    inline content alone as a ``<p>``."""
    for name in ("class", "id"):
        lead.attrib.pop(name, None)
    # A <div> of text alone in it is a paragraph too: trafilatura drops such a <div> in
    # an article's body (the lead of "<div itemprop="description"><div>Lead …</div></div>").
    for inner in lead.iterdescendants("div"):
        if not any(_holds_a_block(child) for child in inner):
            inner.tag = "p"
    lead.tag = "div" if any(_holds_a_block(child) for child in lead) else "p"


# The words of a class or id by which pages mark an article's lead ("teaser-text",
# "article__intro", "p.lead", "af-chapo", "entry-excerpt", "abstract"); trafilatura prunes any
# naming a "teaser". Not "description": a site's tagline, a menu's or an author's as often.
_LEAD_CLASS_WORDS = frozenset(
    "lead leadtext teaser teasertext intro introtext excerpt abstract chapo standfirst "
    "summary vorspann".split()
)
# Words of a class that hides its element from the screen (Drupal's "element-invisible").
_HIDING_CLASS_WORDS = frozenset({"hidden", "invisible"})
# Words of a class (the element's or a box's around it) that name no article text: a cookie
# notice's "cookie-notice__intro", a newsletter box's "newsletter-teaser", a picture's
# "caption-intro" end as sentences too, and one just before the body opened the article. The
# words that name a cookie notice or a newsletter box never name a type size or a layout: a
# class with a figure naming them is still such a box ("cookie-banner-2", "newsletter_v2", a
# consent manager's versioned "cmp-layer-2021").
_CONSENT_OR_NEWSLETTER_CLASS_WORDS = frozenset(
    "cookie cookies consent cmp gdpr privacy datenschutz newsletter subscribe subscription "
    "paywall".split()
)
_NOT_ARTICLE_CLASS_WORDS = _CONSENT_OR_NEWSLETTER_CLASS_WORDS | frozenset(
    "banner modal popup overlay caption bildunterschrift credit promo sidebar".split()
)
# Boxes that hold no article lead: a picture's caption, a sidebar, a menu, a page's footer.
_NOT_ARTICLE_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "footer"})
# A class's words: split at "-", "_" and a camelCase capital ("articleTeaser").
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
# More text than this between a lead and the article's body is more than a headline, a byline
# and a picture's caption: a site's tagline, a login box, a menu's teaser, not the lead.
_MOST_TEXT_BEFORE_THE_BODY = 300
# What a lead does not hold: a picture's teaser, a menu's list, a table, a form.
_NOT_IN_A_LEAD = ("img", "picture", "figure", "video", "form", "ul", "ol", "table")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# The words of a class that trafilatura prunes from the body (its TEASER_DISCARD_XPATH), and
# the blocks a lead in the body that such a class marks may be.
_TEASER_WORDS = frozenset({"teaser", "teasertext"})
_TEASER_BLOCKS = ("p", "div", "section")
# A shorter body is too short for trafilatura to take for the article: it took the text from
# elsewhere, and a lead moved into such a box made it take the box (on trafilatura's German test
# pages a comparison portal lost its article's table and lists to its subtitle box).
_SHORTEST_BODY_FOR_A_LEAD = 1000
# The blocks a standfirst that no class marks stands in, right under the headline.
_STANDFIRST_TAGS = ("p", "h2")
# A class that names a byline or a date line marks the block under the headline as no lead
# ("<p class="byline">Von Anna Schmidt, aktualisiert am 12.03.2024 um 14.30 Uhr.</p>").
_BYLINE_CLASS_WORDS = frozenset(
    "byline author authors autor autoren date datum dateline meta published updated".split()
)
# A lead is prose: it ends as a sentence does (not "Titelliste", a player's menu, nor "Wählen
# Sie eine der beiden Login-Möglichkeiten aus", a login box's).
_SENTENCE_END = re.compile(r"[.!?…][\"“”»«’)]*$")
# What a lead and the body's copy of it may differ in: white space (a <br> in one copy joins
# its words in the body's text) and the invisible soft hyphen, zero-width space and joiners.
_NOT_COMPARED = re.compile(r"[\s\u00ad\u200b-\u200d\u2060\ufeff]+")


def _class_names(element: Any) -> list[str]:
    """The names in ``element``'s class and id ("article__intro", "has-sidebar")."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".split()


def _name_words(name: str) -> set[str]:
    """The words of a class or id name, in lower case ("articleTeaser": article, teaser)."""
    return {word.lower() for word in _CLASS_WORD.findall(name)}


def _class_words(element: Any) -> set[str]:
    """The words of ``element``'s class and id, in lower case."""
    return set().union(*map(_name_words, _class_names(element)))


def _class_marked_lead_in_its_body(tree: Any) -> bool:
    """Whether the lead a page marks by a class or id alone, before the element trafilatura
    takes for the article's body (``<p class="lead">Lead …</p>…<div class="article-body">
    <p>…</p></div>``, "teaser-text", "article__intro", "af-chapo", "entry-excerpt"), was moved
    to the start of that body: trafilatura takes the body and nothing before it (nor anything
    whose class names a "teaser"), and the lead reached only the audit. Only where it is
    plausibly the article's lead: the nearest such element before the body, prose of
    :data:`_SHORTEST_LEADING_TEXT` characters or more that ends as a sentence, at most
    :data:`_MOST_LINK_TEXT` of it in links, no picture, list, form or heading inside, its
    class the page's only one of the kind and outside any list or link (a list of related
    articles repeats its teasers' class), at most :data:`_MOST_TEXT_BEFORE_THE_BODY`
    characters of text between it and the body (a headline, a byline), a body of
    :data:`_SHORTEST_BODY_FOR_A_LEAD` characters or more, and not one the body repeats (but
    for white space and soft hyphens, :data:`_NOT_COMPARED`). Where
    no class marks one, the standfirst right under the headline is that lead
    (:func:`_standfirst_under_the_headline`). Where none is moved, a lead at the body's start
    that its class names a teaser keeps its place
    (:func:`_teaser_at_the_body_start_kept`)."""
    from trafilatura.xpaths import BODY_XPATH

    body = next(
        (found for expression in BODY_XPATH for found in expression(tree) if found is not None),
        None,
    )
    if body is None:
        return False
    body_text = " ".join(body.text_content().split())
    if len(body_text) < _SHORTEST_BODY_FOR_A_LEAD:
        return False
    above = set(body.iterancestors())
    class_count = Counter(element.get("class") for element in tree.iter() if element.get("class"))
    lead = None
    for element in tree.iter():
        if element is body:
            break
        if element not in above and _reads_as_a_lead(element, class_count):
            lead = element
    if lead is None:
        lead = _standfirst_under_the_headline(tree, body, class_count)
    if (
        lead is not None
        and _text_between(tree, lead, body) <= _MOST_TEXT_BEFORE_THE_BODY
        and _NOT_COMPARED.sub("", _shown_text(lead.text, list(lead)))
        not in _NOT_COMPARED.sub("", body_text)
    ):
        _move_to_the_start(lead, body)
        return True
    return _teaser_at_the_body_start_kept(body, class_count)


def _teaser_at_the_body_start_kept(body: Any, class_count: Counter[str]) -> bool:
    """Whether a lead at the start of ``body`` that trafilatura drops from the body was made a
    paragraph of it: one its class names a teaser (``<div class="article-body"><p class="lead
    teasertext">Lead …</p><p>…``), which trafilatura prunes, or a ``<div>`` of text alone
    that its class marks as a lead (``<header><h1>…</h1><div class="leadtext">Lead …</div>
    </header><p>…``), which trafilatura reads as no paragraph where the body has ``<p>``
    paragraphs. Only a lead as :func:`_reads_as_a_lead` reads it, with at most
    :data:`_MOST_TEXT_BEFORE_THE_BODY` characters of the body's text before it."""
    for element in body.iterdescendants(*_TEASER_BLOCKS):
        if not _class_words(element) & _TEASER_WORDS and not _a_lead_div_of_text_alone(element):
            continue
        if _text_in_before(body, element) > _MOST_TEXT_BEFORE_THE_BODY:
            return False
        if _reads_as_a_lead(element, class_count):
            _as_paragraphs(element)
            return True
    return False


def _a_lead_div_of_text_alone(element: Any) -> bool:
    """Whether ``element`` is a ``<div>`` of text and inline elements alone whose class or id
    marks a lead (``<div class="leadtext">``, "content__intro", "…Header__abstract")."""
    return (
        element.tag == "div"
        and bool(_class_words(element) & _LEAD_CLASS_WORDS)
        and not any(_holds_a_block(child) for child in element)
    )


def _text_in_before(container: Any, element: Any) -> int:
    """How many characters of shown text ``container`` holds before ``element`` starts."""
    above = set(element.iterancestors())
    before = len(" ".join((container.text or "").split()))
    for other in container.iterdescendants():
        if other is element:
            break
        if isinstance(other.tag, str) and other.tag not in INVISIBLE_TAGS:
            before += len(" ".join((other.text or "").split()))
        if other not in above:
            before += len(" ".join((other.tail or "").split()))
    return before


def _reads_as_a_lead(element: Any, class_count: Counter[str]) -> bool:
    """Whether ``element``'s class or id marks a lead and it reads as one
    (:func:`_reads_as_lead_prose`)."""
    if not isinstance(element.tag, str) or element.tag in ("a", "li"):
        return False
    return bool(_class_words(element) & _LEAD_CLASS_WORDS) and _reads_as_lead_prose(
        element, class_count
    )


def _standfirst_under_the_headline(tree: Any, body: Any, class_count: Counter[str]) -> Any:
    """The paragraph or subheading right under the page's headline, before ``body``, that
    reads as a lead (:func:`_reads_as_lead_prose`), None where there is none: a standfirst
    that no class marks (``<h1>Headline</h1><p>Lead …</p>`` in the article's header,
    ``<hgroup><h1>…</h1><h2>Lead …</h2></hgroup>``), its class naming no byline or date line
    (:data:`_BYLINE_CLASS_WORDS`). The headline is the last ``<h1>`` before the body and
    outside it, and the page's ``<title>`` holds its words, not as the site's name beside the
    headline (:func:`_names_the_site`): under a site's name in an ``<h1>`` stands the site's
    tagline, not a lead."""
    position = {element: at for at, element in enumerate(tree.iter())}
    # Before the body starts is outside it, too.
    headline = next(
        (h1 for h1 in reversed(tree.xpath("//body//h1")) if position[h1] < position[body]),
        None,
    )
    if headline is None:
        return None
    words = " ".join(headline.text_content().split()).casefold()
    title = _title_element_text(tree).casefold()
    if len(words.split()) < 2 or words not in title or _names_the_site(words, title):
        return None
    following = next((s for s in headline.itersiblings() if isinstance(s.tag, str)), None)
    if following is None or following.tag not in _STANDFIRST_TAGS:
        return None
    if _class_words(following) & _BYLINE_CLASS_WORDS:
        return None
    return following if _reads_as_lead_prose(following, class_count) else None


def _names_the_site(headline: str, title: str) -> bool:
    """Whether ``headline`` is a whole part of the page's ``title`` beside a part of more words:
    the site's name that the title gives beside its headline ("Merklingen reißt die
    Lauterbrücke ab | Merklinger Tagesblatt"), in an ``<h1>`` as a site's logo where the
    article's headline is no ``<h1>`` before its body (an ``<h2>``, or an ``<h1>`` inside it)."""
    parts = title_parts(title)
    return headline in parts and any(
        len(part.split()) > len(headline.split()) for part in parts if part != headline
    )


def _reads_as_lead_prose(element: Any, class_count: Counter[str]) -> bool:
    """Whether ``element`` reads as a lead: prose of :data:`_SHORTEST_LEADING_TEXT` characters
    or more that ends as a sentence, at most :data:`_MOST_LINK_TEXT` of it in links, no
    picture, list, form or heading inside, not hidden, its class the page's only one of the
    kind (``class_count``), outside any list or link and in no box of no article text."""
    if _class_words(element) & _HIDING_CLASS_WORDS:
        return False
    if class_count[element.get("class")] > 1 or _in_a_list_or_link(element):
        return False
    if _in_a_box_of_no_article_text(element):
        return False
    if next(element.iter(*_NOT_IN_A_LEAD), None) is not None:
        return False
    # A heading inside is another article's teaser ("<div class="teaser"><h3><a>Haushalt
    # beschlossen</a></h3><p>…</p></div>"), or a box's ("Das könnte Sie auch interessieren"); a
    # lead is a heading itself at most (eurosport's "<h2 class="… teaser …">").
    if next(element.iterdescendants(*_HEADINGS), None) is not None:
        return False
    shown = " ".join(_shown_text(element.text, list(element)).split())
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return bool(
        len(shown) >= _SHORTEST_LEADING_TEXT
        and linked <= _MOST_LINK_TEXT * len(shown)
        and _SENTENCE_END.search(shown)
    )


def _in_a_box_of_no_article_text(element: Any) -> bool:
    """Whether ``element`` or a box around it (below the page's ``<body>``, whose class often
    names the page's state, "cookie-consent-open") is a caption, a sidebar, a cookie notice or
    a newsletter box by its tag or class."""
    for box in itertools.chain([element], element.iterancestors()):
        if box.tag in ("body", "html"):
            return False
        if box.tag in _NOT_ARTICLE_TAGS or _names_a_box_of_no_article_text(box):
            return True
    return False


# A class of a layout's state ("has-sidebar", "is-open") or a utility class with a figure
# ("caption-s5-fx", a type size; "mb-5") says nothing of what the element holds: eurosport's
# lead is "ArticleHeroBlack__teaser--light … caption-s5-fx", and erneuerbareenergien.de's sits
# in "content-wrapper has-sidebar" (both lost their leads to the words "caption", "sidebar").
_STATE_CLASS = re.compile(r"^(?:has|is|with|no)[-_]")
_UTILITY_CLASS = re.compile(r"\d")


def _names_a_box_of_no_article_text(element: Any) -> bool:
    """Whether a class or the id of ``element`` names a cookie notice, a newsletter box, a
    caption or a sidebar (:data:`_NOT_ARTICLE_CLASS_WORDS`), not counting a layout's state or a
    utility class with a figure (:data:`_STATE_CLASS`, :data:`_UTILITY_CLASS`) but for
    the words of a cookie notice or a newsletter box."""
    for name in _class_names(element):
        if _STATE_CLASS.search(name):
            continue
        words = _name_words(name)
        # A figure makes "caption-s5-fx" a type size, never "cookie-banner-2" anything else.
        named = (
            _CONSENT_OR_NEWSLETTER_CLASS_WORDS
            if _UTILITY_CLASS.search(name)
            else _NOT_ARTICLE_CLASS_WORDS
        )
        if words & named:
            return True
    return False


def _in_a_list_or_link(element: Any) -> bool:
    """Whether ``element`` stands in a list item, a link or a form."""
    return any(ancestor.tag in ("li", "a", "form") for ancestor in element.iterancestors())


def _text_between(tree: Any, first: Any, last: Any) -> int:
    """How many characters of shown text stand after ``first`` ends and before ``last``
    starts (white space collapsed)."""
    inside = set(first.iter())
    between = 0
    started = False
    for element in tree.iter():
        if element is last:
            break
        if element is first:
            started = True
            between += len(" ".join((element.tail or "").split()))
            continue
        if not started or element in inside:
            continue
        if isinstance(element.tag, str) and element.tag not in INVISIBLE_TAGS:
            between += len(" ".join((element.text or "").split()))
        between += len(" ".join((element.tail or "").split()))
    return between


def _microdata_item(element: Any) -> Any:
    """The nearest ancestor of ``element`` that opens a microdata item (None outside any)."""
    return next((a for a in element.iterancestors() if a.get("itemscope") is not None), None)


def _line_broken_text_between_paragraphs_wrapped(container: Any, children: Sequence[Any]) -> bool:
    """Whether text and inline elements that stand between two ``<p>`` children of
    ``container`` and break a line (``<p>…</p>Satz eins.<br><br>Satz zwei.<p>…</p>``) were put
    in a ``<p>`` of their own. Outside an ``<article>`` or a frame its class names, trafilatura
    takes a paragraph's tail with it but drops the text after a ``<br>`` in it: "Satz zwei."
    reached only the audit. Only between two paragraphs, and only of
    :data:`_SHORTEST_LEADING_TEXT` characters or more: on trafilatura's 709 German test pages,
    none of the line-broken text the extraction left out stood between two paragraphs (it
    followed the last one or stood beside a box: notices, contact blocks, a licence line, a
    server's PHP warning), and wrapping such text after any block gave 3 pages a teaser, a
    PHP warning or a label (a "without" snippet among them) and no article text."""
    wrapped = False
    for at, child in enumerate(children):
        if child.tag != "p":
            continue
        run = list(
            itertools.takewhile(lambda sibling: not _holds_a_block(sibling), children[at + 1 :])
        )
        after = at + 1 + len(run)
        if after == len(children) or children[after].tag != "p" or not _breaks_a_line(run):
            continue
        if len(" ".join(_shown_text(child.tail, run).split())) < _SHORTEST_LEADING_TEXT:
            continue
        paragraph = container.makeelement("p")
        paragraph.text, child.tail = child.tail, None
        # Appending moves each inline element into the paragraph, with the text after it.
        paragraph.extend(run)
        child.addnext(paragraph)
        wrapped = True
    return wrapped


# More of a list item's text in links makes it a link list's (related articles, a menu), not
# prose: jusText's max_link_density as trafilatura sets it.
_MOST_LINK_TEXT = 0.25


def _prose_lists_between_paragraphs_as_paragraphs(children: Sequence[Any]) -> bool:
    """Whether a ``<ul>`` or ``<ol>`` that stands between two ``<p>`` children (``<p>…</p><ul>
    <li>Punkt eins …</li>…</ul><p>…</p>``) and holds prose was made one ``<p>`` per item, its
    marker ("- ", and the number the page shows) written before its text. Outside an
    ``<article>`` or a frame its class names, trafilatura's extraction takes the paragraphs but
    no list: the items reached only the audit. Only where each item is inline text (no block,
    no nested list) of :data:`_SHORTEST_LEADING_TEXT` characters or more, at most
    :data:`_MOST_LINK_TEXT` of it in links: lists of short items or of links are menus, tags
    and teasers."""
    changed = False
    for before, element, after in zip(children, children[1:], children[2:], strict=False):
        if element.tag not in ("ul", "ol") or before.tag != "p" or after.tag != "p":
            continue
        items = [child for child in element if isinstance(child.tag, str)]
        if not items or not all(item.tag == "li" and _is_prose_item(item) for item in items):
            continue
        markers = ordered_list_markers(element)
        for item in items:
            paragraph = element.makeelement("p")
            # As the extraction writes a list's items (and numbers an ordered list's).
            marker = " ".join(("-", markers[item])) if item in markers else "-"
            paragraph.text = f"{marker} {item.text or ''}"
            # Appending moves each inline element into the paragraph, with the text after it.
            paragraph.extend(item)
            paragraph.tail = element.tail if item is items[-1] else None
            element.addprevious(paragraph)
        element.getparent().remove(element)
        changed = True
    return changed


def _is_prose_item(item: Any) -> bool:
    """Whether the list ``item`` holds inline text only, of prose's length and not links."""
    if any(_holds_a_block(child) for child in item):
        return False
    shown = " ".join(_shown_text(item.text, list(item)).split())
    linked = sum(len(" ".join(link.text_content().split())) for link in item.iter("a"))
    return len(shown) >= _SHORTEST_LEADING_TEXT and linked <= _MOST_LINK_TEXT * len(shown)


def _breaks_a_line(inline: Sequence[Any]) -> bool:
    """Whether one of the ``inline`` elements is or holds a ``<br>``."""
    return any(
        isinstance(element.tag, str) and next(element.iter("br"), None) is not None
        for element in inline
    )


def _holds_a_block(element: Any) -> bool:
    """Whether ``element`` is or holds a block (an element, not a comment)."""
    if not isinstance(element.tag, str):
        return False
    # Its own tag and its children first: a search below each link or span between two
    # paragraphs took five times the rewrite's time on a page of 3000 paragraphs with links.
    return element.tag in _LEADING_TEXT_ENDS or (
        len(element) > 0 and next(element.iter(*_LEADING_TEXT_ENDS), None) is not None
    )


def _shown_text(text: str | None, inline: Sequence[Any]) -> str:
    """``text`` and the text of the ``inline`` elements after it, with their tails, but for
    what a browser never shows (scripts, styles)."""
    parts = [text or ""]
    for element in inline:
        if isinstance(element.tag, str) and element.tag not in INVISIBLE_TAGS:
            parts.append(element.text_content())
        parts.append(element.tail or "")
    return "".join(parts)


def _headline_not_the_site_name(root: Any, title: str, details: SourceDetails) -> str:
    """``title`` (trafilatura's reading), or the ``<title>``'s other part where it is the
    site's name (:func:`headline_for_site_name`). Not where the page's og:title gives it (the
    page's own title for it, "ICON Magazine"), nor by a site's name that trafilatura took from
    the ``<title>``, a part with a full stop, where no tag names the site: the page's ``<h1>``
    "»frag.jetzt«" (its headline) was that part, and gave way to "ARSnova"."""
    if root is None or title in map(str.strip, root.xpath("//meta[@property='og:title']/@content")):
        return title
    whole = _title_element_text(root)
    headline = headline_for_site_name(title, whole, details.site, details.url)
    if headline == title or details.site != _title_part_with_a_dot(root):  # read once mostly
        return headline
    return headline_for_site_name(title, whole, "", details.url)


def _headline_not_a_section_label(root: Any, title: str, details: SourceDetails) -> str:
    """``title`` (trafilatura's reading), or the page's ``<title>`` (without the site's
    name, :func:`title_without_site_name`) where ``title`` is one word that neither the
    ``<title>`` nor an ``<h1>`` holds: a section's or a menu's label that an og:title, a
    JSON-LD "name" or an element of class "title" gave ("Pressemitteilungen",
    "Medienmitteilungen", "Ansprechpartner", "Hauptmenü", "Aktuelles"), or an address's slug
    ("adac-kindersitztest-herbst-2018"), headed the brief; the page's ``<title>`` was "BDZV:
    Olafur Eliasson gestaltet Titelseite für die deutschen Zeitungen", "Auf den Spuren von
    Rafael Nadal" (8 of the 688 German pages of trafilatura's tests/cache and tests/eval). A
    ``<title>`` of fewer than three words is no better, and the title stays."""
    if root is None or not title or len(title.split()) != 1:
        return title
    whole = _title_element_text(root)
    headings = {" ".join(h1.text_content().split()).casefold() for h1 in root.iter("h1")}
    if title.casefold() in whole.casefold() or title.casefold() in headings:
        return title
    if len(whole.split()) < 3:
        return title
    return title_without_site_name(whole, details.site, details.url)


def _title_element_text(root: Any) -> str:
    """The text of the page's ``<title>`` (its head's, not an SVG's), white space collapsed."""
    if root is None:
        return ""
    found = root.find(".//head/title")
    found = found if found is not None else root.find(".//title")
    return " ".join((found.text_content() if found is not None else "").split())


def _a_comment_forms_heading(root: Any, title: str) -> bool:
    """Whether ``title`` is the text of headings only inside the page's comment sections (those
    trafilatura leaves out of the article as comments). Without an og:title or a single
    ``<h1>``, trafilatura's metadata title can be a heading with "title" in its class: a
    WordPress comment form's ("Write a Reply or Comment Antworten abbrechen") headed the brief,
    and the page's headline stood under it as its lead. A form's heading has the form beside it
    (WordPress's ``#respond``: the heading, then the form)."""
    from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

    if root is None:
        return False
    headings = [
        element
        for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6")
        if " ".join(element.text_content().split()) == title
    ]
    if not headings:
        return False
    sections = {section for xpath in REMOVE_COMMENTS_XPATH for section in xpath(root)}
    # Beside a form too: an opinion piece's header (German "Kommentar", class "comment-header")
    # matches the comment sections' pattern, and its headline was dropped for the site's title.
    return all(
        any(element in sections for element in (heading, *heading.iterancestors()))
        and (parent := heading.getparent()) is not None
        and next(parent.iter("form"), None) is not None
        for heading in headings
    )


def _page_metadata(page: Any, path: Path) -> tuple[str, SourceDetails]:
    """trafilatura's metadata title of a page (a string or a tree), "" when none, as it is
    (the site's name in it, :func:`title_without_site_name`), and the
    page's address (canonical or og:url), date (htmldate's reading of its markup: meta
    tags, ``<time>``, the address), author and site name;
    none of them when reading fails: htmldate failed an lxml assertion on a fragment that opens
    with an unclosed ``<video>``; the article is read without them then."""
    import trafilatura

    try:
        # Not htmldate's extensive search: it took a date of an event in the text ("am 2. Mai
        # 2021 verhandelt") or made one of a copyright line ("© 2017" as 2017-01-01).
        metadata = trafilatura.extract_metadata(page, extensive=False)
    except Exception as error:
        reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        logger.info("%s: nothing read from the page's metadata (%s)", shown(path), reason)
        return "", SourceDetails()
    if metadata is None:
        return "", SourceDetails()
    site = site_name(metadata.sitename)
    url = web_address(metadata.url)
    if site and (other := _site_named_besides_twitter(page, site, url)) is not None:
        site = other
    if _NUMBERS_DOT.search(site) and _title_part_with_a_dot(page) == site:
        site = ""
    author = source_name(metadata.author)
    if author:
        author = _author_besides_events(page, author)
    details = SourceDetails(url=url, date=one_line(metadata.date), author=author, site=site)
    return (metadata.title or "").strip(), details


def _author_besides_events(page: Any, author: str) -> str:
    """``author`` (trafilatura's reading of the page's metadata), or its reading of the page
    without the JSON-LD blocks that describe events alone: trafilatura takes each JSON-LD
    "Person" for an author, an event's organizer too, and the brief said "by Fisch; Fang
    Seminare", "by WILD; HUND aktiv" (a sidebar's list of seminars, "organizer": {"@type":
    "Person", "name": "Fisch &amp; Fang Seminare"}) for articles by "tkalweit" and "fhaacker"
    (2 of the 588 development pages)."""
    import trafilatura
    from trafilatura.utils import load_html

    if isinstance(page, str) and not _EVENT_TYPE_NAMED.search(page):  # no second parse for none
        return author
    tree = load_html(page) if isinstance(page, str) else copy.deepcopy(page)
    if tree is None:
        return author
    events = [script for script in tree.xpath(_JSON_LD_XPATH) if _describes_events_alone(script)]
    if not events:
        return author
    for script in events:
        if (parent := script.getparent()) is not None:
            parent.remove(script)
    try:
        metadata = trafilatura.extract_metadata(tree, extensive=False)
    except Exception:  # read as the whole page was: its author stands
        return author
    return source_name(metadata.author) if metadata is not None else author


# schema.org's Event types whose name does not end in "Event" ("MusicEvent", "SportsEvent"): a
# seminar's "CourseInstance", a "Festival"'s organizer was still read as the author (the check
# for a second reading looked for 'Event"' alone).
_EVENT_TYPES_BY_OTHER_NAMES = frozenset({"Festival", "EventSeries", "CourseInstance", "Hackathon"})
# Where a page may name one of those types (a quotation mark after it, as JSON writes a string).
_EVENT_TYPE_NAMED = re.compile(rf'(?:Event|{"|".join(sorted(_EVENT_TYPES_BY_OTHER_NAMES))})"')


def _describes_events_alone(script: Any) -> bool:
    """Whether the JSON-LD ``script`` holds items of schema.org's Event types alone
    ("Event", "MusicEvent", "Festival", "CourseInstance"; at the top, in a list or in its
    "@graph")."""
    try:
        data = json.loads(script.text or "", strict=False)
    except (ValueError, RecursionError):  # no JSON, or nested past what the parser reads
        return False
    if isinstance(data, dict):
        data = data.get("@graph", [data])
    items = data if isinstance(data, list) else []
    types = [
        kind
        for item in items
        if isinstance(item, dict)
        for kind in (
            item.get("@type") if isinstance(item.get("@type"), list) else [item.get("@type")]
        )
    ]
    return bool(types) and all(
        isinstance(kind, str) and (kind.endswith("Event") or kind in _EVENT_TYPES_BY_OTHER_NAMES)
        for kind in types
    )


_TWITTER_SITE_XPATH = ".//head/meta[translate(@name, 'TWIERS', 'twiers') = 'twitter:site']"
_NOT_A_HANDLES_CHARACTER = re.compile(r"[\W_]+")
_TWITTER_SITE = re.compile("twitter:site", re.IGNORECASE)


def _site_named_besides_twitter(page: Any, site: str, url: str) -> str | None:
    """The site's name as the page gives it besides its Twitter account's handle, where ``site``
    (trafilatura's reading) is that handle, else None: without an og:site_name or a publisher
    tag, trafilatura names the site after its ``<meta name="twitter:site">``, and the brief's
    source line said "Achgut_com", "Bafa_Bund", "Handelsblatt_De", "Futurezoneat", "Ndr",
    "LAOLA1Redaktion" (a handle, capitalised by trafilatura), on 25 of the 688 German pages of
    trafilatura's tests/cache and tests/eval. The site is named by the page's other tags or
    its JSON-LD publisher then, else by its address's host ("futurezone.at"), as trafilatura
    names a site no tag names ("" without an address); not by a part of its ``<title>``,
    which trafilatura takes where it has a full stop: a headline's "… in 12 Monaten."."""
    from trafilatura.metadata import META_URL, examine_meta, extract_meta_json
    from trafilatura.utils import load_html

    if isinstance(page, str) and not _TWITTER_SITE.search(page):  # no second parse for none
        return None
    tree = load_html(page) if isinstance(page, str) else copy.deepcopy(page)
    if tree is None:
        return None
    key = _NOT_A_HANDLES_CHARACTER.sub("", site).casefold()
    handles = tree.xpath(_TWITTER_SITE_XPATH)
    if all(
        _NOT_A_HANDLES_CHARACTER.sub("", h.get("content", "")).casefold() != key for h in handles
    ):
        return None
    title = _title_element_text(tree)
    if site in title:  # the page writes the handle as the site's name ("ComputerBase")
        return None
    # A handle the <title> writes as a word is the site's name as the page writes it ("NDR"
    # of "… | NDR.de - Nachrichten").
    for word in re.finditer(r"[\w@.&'-]+", title):
        if _NOT_A_HANDLES_CHARACTER.sub("", word[0]).casefold() == key:
            return source_name(word[0].strip(".-'"))
    for word in re.finditer(r"\w+", title):
        if word[0].casefold() == key:
            return source_name(word[0])
    for handle in handles:
        if (parent := handle.getparent()) is not None:
            parent.remove(handle)
    if named := site_name(extract_meta_json(tree, examine_meta(tree)).sitename):
        return named
    host = META_URL.match(url) if url else None
    return host[1] if host else ""


# The dates of the meta tags whose names hold "modified" ("article:modified_time", itemprop
# "dateModified": the page's last change) or "publish" ("article:published_time").
_DATE_TAGS_XPATH = (
    "//meta[contains(translate(concat(@property, ' ', @name, ' ', @itemprop), 'MODIFEDPUBLSH', "
    "'modifedpublsh'), '{}')]/@content"
)
_JSON_LD_XPATH = '//script[@type="application/ld+json"]'
_JSON_PUBLISHED = re.compile(r'"datePublished": ?"(\d{4}-\d{2}-\d{2})')


def _published_date(root: Any, date: str) -> str:
    """``date`` (htmldate's reading, YYYY-MM-DD), or the page's JSON-LD "datePublished" where
    that is earlier and ``date`` is the one a meta tag gives for the page's last change, not
    one that gives its publication: htmldate
    reads the meta tags before the JSON-LD and takes a modified_time where no tag gives the
    publication, though asked for the original date, and a lexicon page published in 2017 was
    "dated 2020-09-30" (a WordPress page's Yoast tags: 3 of the 588 development pages)."""
    if not date or root is None:
        return date
    modified, published = (
        {one_line(value)[:10] for value in root.xpath(_DATE_TAGS_XPATH.format(kind))}
        for kind in ("modified", "publish")
    )
    if date not in modified or date in published:
        return date
    for script in root.xpath(_JSON_LD_XPATH):
        if (published := _JSON_PUBLISHED.search(script.text or "")) is not None:
            return published[1] if published[1] < date else date
    return date


# A date, with its time and zone where given, as a page's tags or its JSON-LD give one
# ("2022-11-06T23:00:00.000Z", "2022-11-06T18:00:00+01:00", "2022-11-06"); group 3 is UTC's.
_PAGE_TIMESTAMP = re.compile(
    r"(?<![\w/-])(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*"
    r"(?:(Z|[+-]00:?00)|[+-]\d{2}:?\d{2})?)?(?![\d:])"
)
_PAGE_TIMES_XPATH = "//meta/@content | //time/@datetime | " + _JSON_LD_XPATH + "/text()"


def _date_at_central_european_midnight(root: Any, date: str) -> str:
    """``date`` (YYYY-MM-DD, as htmldate reads the page), or the day after it where each of the
    page's times in UTC on ``date`` is midnight in Central European time: a page that stores
    the day it was published as that midnight and writes it in UTC ("2022-11-06T23:00:00.000Z"
    in its published_time, "2021-11-04T23:00Z") shows 7 and 5 November, and the brief said
    "dated 2022-11-06", a day early (2 of the 709 German pages of trafilatura's tests/cache and
    tests/eval). A German page's reader is on Central European time; a time that is not
    midnight there ("23:07:45+00:00") is the page's own, as UTC gives it."""
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not date or root is None:
        return date
    on_date = [
        found
        for text in root.xpath(_PAGE_TIMES_XPATH)
        for found in _PAGE_TIMESTAMP.finditer(str(text))
        if found[1] == date
    ]
    # Only a page that writes the day in UTC alone: one that also gives it as a date or in
    # another zone ("2022-11-06T18:00:00+01:00" published, "…T23:00:00Z" modified) says
    # which day it means, and was dated the day after.
    if any(found[3] is None for found in on_date):
        return date
    times = [f"{found[1]}T{found[2]}+00:00" for found in on_date]
    try:
        zone = ZoneInfo("Europe/Berlin")
        local = [datetime.fromisoformat(utc).astimezone(zone) for utc in times]
    except (ValueError, ZoneInfoNotFoundError):  # no such time, or no time zone data
        return date
    day_after, midnight = (datetime.fromisoformat(date) + timedelta(days=1)).date(), time()
    if local and all(at.date() == day_after and at.time() == midnight for at in local):
        return day_after.isoformat()
    return date


# A number's full stop: "57.000", "02.11.2021", "10. Oktober" (not a domain's, "sat1.de").
_NUMBERS_DOT = re.compile(r"\d\.(?=\d|\s|$)")


def _title_part_with_a_dot(page: Any) -> str:
    """The part of the page's ``<title>`` that trafilatura names the site after where the page
    names none, "" when none: the first part with a full stop, taken for a domain ("Headline -
    Site.de"). Where that stop is a number's ("Illegale Migration …: Bereits 9.087
    Feststellungen", "Protokoll der Vorstandssitzung vom 10. Oktober 2019 – TALENT Schweiz",
    "Weltweit | … | 02.11.2021"), the part is the headline or a date, no site's name, and the
    brief's source line gave it as the site (7 of the 588 development pages)."""
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename
    from trafilatura.utils import load_html

    tree = load_html(page) if isinstance(page, str) else page
    if tree is None:
        return ""
    # Only where no meta tag nor JSON-LD names the site: "1. FC Köln" as og:site_name is one.
    if extract_meta_json(tree, examine_meta(tree)).sitename:
        return ""
    return site_name(extract_sitename(tree))


# The page's own author tags, as trafilatura reads them (its METANAME_AUTHOR and og:author).
_AUTHOR_TAGS_XPATH = (
    "//meta[translate(@name, 'AUTHOR', 'author') = 'author' or @property = 'author' or "
    "@property = 'article:author' or @name = 'dc.creator' or @name = 'DC.creator']/@content"
)
# What trafilatura splits authors at; only these may stand between the parts it gave.
_AUTHOR_JOINT = re.compile(r"\s*(?:,|;|&|/|\b(?:und|and|u\.)\b)\s*|\s+", re.IGNORECASE)
# A joint, perhaps after what trafilatura cut from a name at its first digit ("Bündnis 90/").
_AUTHOR_GAP = re.compile(rf"(?:\s*\d[^,;/&|]*?)?(?:{_AUTHOR_JOINT.pattern})", re.IGNORECASE)
_AUTHOR_LEAD = re.compile(r"^(?:von|by)\s+", re.IGNORECASE)


# The small words of a person's name written in lower case ("Ursula von der Leyen").
_NAME_PARTICLES = frozenset("von van der den de di da du del la le zu ter ten".split())


def _reads_as_a_persons_name(name: str) -> bool:
    """Two to four words, each capitalised or a name's particle: "Anna Schmidt", "Sadhbh
    O'Sullivan"; not "Bundesministerium für Wirtschaft", "Klimaschutz", "Leben"."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        word[:1].isupper() or word in _NAME_PARTICLES for word in words
    )


def _names_a_person(name: str) -> bool:
    """:func:`_reads_as_a_persons_name`, each word of two letters or more, or an initial
    with its full stop ("Boris T. Kaiser"; not "D E", a domain's letters)."""
    words = name.split()
    return _reads_as_a_persons_name(name) and all(len(w) > 1 for w in words)


def _author_as_written(root: Any, author: str) -> str:
    """``author`` (trafilatura's reading, its names joined by "; ") as the page's own author
    tag writes it, where trafilatura split one such value at its "und", "and" or commas: a
    ministry's name is no list of authors, and the brief said "by Bundesministerium für
    Wirtschaft; Klimaschutz" for "Bundesministerium für Wirtschaft und Klimaschutz", "Kirche;
    Leben; Münster; Germany" for the newspaper "Kirche und Leben" (10 of the 588 development
    pages read as written now). Where the names are not all in one tag's value, in order with
    only joints between them, each name stays apart. The value from the first name to the
    end of the last is the author: what follows it, which trafilatura left out ("(Fotos: dpa)",
    "- LWF"), names nobody. A comma or semicolon with no space after it gets one: "Sadhbh
    O'Sullivan,Elisabeth Kochan" read as one name.

    Each name is written as a tag writes it (:func:`_name_as_written`), where one does."""
    names = author.split("; ")
    if root is None:
        return author
    values = [_AUTHOR_LEAD.sub("", one_line(value)) for value in root.xpath(_AUTHOR_TAGS_XPATH)]
    # People ("Anna Schmidt und Peter Müller"): trafilatura's list is right, and the English
    # brief said "by Anna Schmidt und Peter Müller", a German "und" in it.
    if len(names) >= 2 and not all(map(_reads_as_a_persons_name, names)):
        for written in values:
            if together := _names_together(names, written):
                return together
    return "; ".join(_name_as_written(name, values) for name in names)


# A web address in a page's text or tags: with its scheme, "www." or a path after its domain.
# It ends where a quotation mark or a bracket does: a minified JSON-LD has no spaces. A domain
# starts where no word does: tried from each letter of a long run (a script's data), the search
# was quadratic, and a real page of 380 KB took minutes.
_ADDRESS_TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s\"'<>()\[\]{},;]+|"
    r"(?<![\w.-])[\w-]+(?:\.[\w-]+)+/[^\s\"'<>()\[\]{},;]*",
    re.IGNORECASE,
)


# What ends an address (as _ADDRESS_TOKEN reads it), and the run of characters it may hold.
_ADDRESS_ENDS = (
    " ",
    "\t",
    "\n",
    "\r",
    "\f",
    "\v",
    '"',
    "'",
    "<",
    ">",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
)
_ADDRESS_RUN = re.compile(r"[^\s\"'<>()\[\]{},;]*")
_ADDRESS_REACH = 2000


def _without_names_from_addresses(root: Any, author: str) -> str:
    """``author`` (names joined by "; ") without the names the page writes only as part of a
    web address: an author tag or byline that gives the author's Facebook profile or the
    site's address ("www.facebook.com/anna.schmidt", "Medianotions, www.medianotions.de"),
    which trafilatura reads as names ("Www Facebook Com; Anna Schmidt", "Www Medianotions
    De"), and the brief named a web address, or a name the page never gives, as the author. A
    name the page also writes outside an address (a byline, a JSON-LD "name") stays, and so
    does a domain alone ("speicherguide.de"), which names a site."""
    if root is None:
        return author
    tags = " ".join(
        map(one_line, root.xpath(_AUTHOR_TAGS_XPATH + " | //meta[@name='creator']/@content"))
    )
    written = f"{' '.join(root.itertext())} {tags}"

    def in_an_address(start: int, end: int) -> bool:
        # Searched in the run of characters an address may hold around the name (at most
        # _ADDRESS_REACH either side), not in the whole page for each name.
        reach = max(0, start - _ADDRESS_REACH)
        run_start = max(written.rfind(mark, reach, start) for mark in _ADDRESS_ENDS) + 1
        run_start = max(run_start, reach)
        after = _ADDRESS_RUN.match(written, end, end + _ADDRESS_REACH)
        run_end = after.end() if after else end
        return any(
            found.start() <= start and end <= found.end()
            for found in _ADDRESS_TOKEN.finditer(written, run_start, run_end)
        )

    def only_in_addresses(name: str) -> bool:
        # Digits after it too: trafilatura cuts a name at its first digit ("Happyface313").
        pattern = re.compile(
            rf"(?<!\w){_NAME_SPACE.join(map(re.escape, name.split()))}\d*(?!\w)", re.I
        )
        spans = [(found.start(), found.end()) for found in pattern.finditer(written)]
        return bool(spans) and all(in_an_address(*span) for span in spans)

    return "; ".join(name for name in author.split("; ") if not only_in_addresses(name))


# What a company's or a site's name carries besides its name: a legal form, a top-level domain.
_NAME_DRESS = re.compile(
    r"\b(?:gmbh|ag|se|kg|co|e\.?\s?v|ltd|inc|verlag)\b\.?|\.(?:[a-z]{2}|com|net|org|info|eu)$",
    re.IGNORECASE,
)


def _name_keys(name: str) -> set[str]:
    """``name`` as a site's name compares: letters and digits only, in lower case, with and
    without its legal form or domain ("wien.ORF.at" is trafilatura's "Wien Orf At")."""
    return {re.sub(r"[\W_]+", "", text).casefold() for text in (name, _NAME_DRESS.sub("", name))}


def _cleaned_author(root: Any, author: str, details: SourceDetails) -> str:
    """``author`` (trafilatura's reading, names joined by "; ") as the brief names it: from
    the article, not a comment; without a byline's labels, placeholders, names read from web
    addresses, and the site's name beside people's; each name as the page writes it."""
    author = _author_outside_comments(root, _author_without_addresses(root, author))
    author = _without_a_dates_label(root, _names_with_their_digits(root, author))
    author = _author_as_written(root, without_byline_labels(author))
    author = without_placeholder_names(_without_names_from_addresses(root, author))
    return _without_the_sites_name(root, author, details)


# The words a byline puts before its date ("Stand: 05. Februar 2020", "vor 5 Stunden").
_DATE_LABELS = (
    r"(?:stand|vor|am|um|aktualisiert|zuletzt aktualisiert|veröffentlicht|erschienen|datum|"
    r"updated|published|on)"
)


def _without_a_dates_label(root: Any, author: str) -> str:
    """``author`` (names joined by "; ") without the label of a date that follows a name in
    the page's byline: trafilatura reads the byline element whole and cuts it at the date's
    first digit, and the brief said "by Sara Zinnecker Stand" ("Sara Zinnecker Stand: 05.
    Februar 2020"), "by Houzz Deutschland vor" ("… vor 5 Stunden")."""
    if root is None:
        return author
    written = " ".join(root.itertext())

    def without_label(name: str) -> str:
        label = re.search(rf"(?:^|\s+){_DATE_LABELS}$", name, re.IGNORECASE)
        if label is None:
            return name
        # The label's "am"/"um" before the date, which trafilatura leaves out ("Anna Schmidt
        # Aktualisiert" of "Anna Schmidt Aktualisiert am 12.03.2024").
        words = _NAME_SPACE.join(map(re.escape, name.split()))
        pattern = rf"(?<!\w){words}(?:\s+(?:am|um|vom|on|at))?\W*\d"
        return name[: label.start()] if re.search(pattern, written, re.IGNORECASE) else name

    # A label alone ("Stand" of "Stand: 12.05.2020", "Aktualisiert" of "Anna Schmidt,
    # aktualisiert am 12.03.2024") names nobody: left out, as the brief said "by Stand".
    names = (without_label(name) for name in author.split("; "))
    return "; ".join(name for name in names if name)


def _names_with_their_digits(root: Any, author: str) -> str:
    """``author`` (names joined by "; ") with the digits trafilatura cut off a one-word name,
    a user's handle, where the page writes that name only with them, and alike each time:
    trafilatura cuts a name at its first digit and capitalises it, and the brief said "by
    Happyface" for the blogger "happyface313" (her JSON-LD's name)."""
    if root is None:
        return author
    # Not a style sheet's: its file names ("happyface-logo.jpg") name no one.
    texts = root.xpath("//text()[not(ancestor::style)]")
    written = " ".join([*texts, *map(one_line, root.xpath(_AUTHOR_TAGS_XPATH))])

    def with_digits(name: str) -> str:
        if not name or any(character.isspace() for character in name):
            return name
        found = re.finditer(rf"(?<!\w){re.escape(name)}(\d\w*)?(?!\w)", written, re.IGNORECASE)
        forms = Counter(match[0] if match[1] else "" for match in found)
        if forms and "" not in forms and len({form.casefold() for form in forms}) == 1:
            return forms.most_common(1)[0][0]  # as the page writes it most often
        return name

    return "; ".join(map(with_digits, author.split("; ")))


# An e-mail address, as written or as a page hides it from address harvesters
# ("cipha[at]cipha.net", "info (at) site (dot) de").
_EMAIL_ADDRESS = re.compile(
    r"[\w.%+-]+\s*(?:@|[\[({]\s*at\s*[\])}])\s*[\w-]+"
    r"(?:\s*(?:\.|[\[({]\s*dot\s*[\])}])\s*[\w-]+)+",
    re.IGNORECASE,
)


# A web address in an author tag, with the brackets around it where they hold it alone
# ("(https://twitter.com/anna)", a Markdown link's "(http://…)"): it ends where a space, a
# quotation mark or a bracket does. A bracket that holds more stays whole: taken with the
# address, "Anna Schmidt (Fotos: www.anna.example)" left "(Fotos:" open, read as "Anna Schmidt
# Fotos" (the bracket whole, trafilatura leaves it out).
_WEB_ADDRESS = r"(?:https?://|www\.)[^\s\"'<>()\[\]{}]+"
_WEB_ADDRESS_IN_NAME = re.compile(rf"\(\s*{_WEB_ADDRESS}\s*\)|{_WEB_ADDRESS}", re.IGNORECASE)


def _author_without_addresses(root: Any, author: str) -> str:
    """``author`` (trafilatura's reading), or its reading of the page's author tag without the
    e-mail and web addresses in it, where ``author`` is its reading of that tag: trafilatura reads
    an address's parts as names where the tag holds more than the address, or hides it, and the
    brief said "by Lüder Hoppe info-hoppe de" for "Lüder Hoppe info@buero-hoppe.de", "by
    Ciphacipha Net" for "cipha[at]cipha.net", "by Anna Schmidt https" for "Anna Schmidt
    (https://twitter.com/anna)" and "Anna Schmidt http" for "Anna *Schmidt* [x](http://evil)"
    (trafilatura splits an address at its "/", and the part before it keeps the scheme). A tag of
    nothing but addresses names nobody: the byline does then, as trafilatura reads a page
    without an author tag."""
    from trafilatura.metadata import extract_author, normalize_authors

    if root is None:
        return author
    for value in map(one_line, root.xpath(_AUTHOR_TAGS_XPATH)):
        without = _WEB_ADDRESS_IN_NAME.sub(" ", _EMAIL_ADDRESS.sub(" ", value)).strip(" ,;|-–")
        if without != value and source_name(normalize_authors(None, value)) == author:
            names = normalize_authors(None, without) if without else None
            return source_name(names) or source_name(extract_author(root))
    return author


def _byline_for_the_sites_name(root: Any, author: str, details: SourceDetails) -> str:
    """``author``, or the article's byline where every name of ``author`` is the site's own
    (:func:`_site_name_keys`): trafilatura reads an author tag, which a publisher fills with
    its own name, before the page's byline, and the brief said "by Die FURCHE" over Ursula
    Baatz's article, "by Auto Illustrierte" over Ivan Valetny's. The byline is trafilatura's
    reading of the page's byline elements, cleaned as the author is (:func:`_cleaned_author`);
    where it names nobody but the site either, the site stays the author."""
    from trafilatura.metadata import extract_author

    if root is None or not author:
        return author
    keys = _site_name_keys(root, details)
    if not all(_name_keys(name) & keys for name in author.split("; ")):
        return author
    byline = _cleaned_author(root, source_name(extract_author(root)), details)
    names = byline.split("; ")
    # People's names only: a byline element may hold a label ("Stand" of "Stand: 12.05.2020"),
    # a site's categories or an author box's words ("Deutscher Journalist; Kolumnist"); and
    # none that starts a name of the site's or that one starts ("DER SPIEGEL" of "… - DER
    # SPIEGEL 52/2018", "Die Furche Redaktion").
    if not byline or not all(map(_names_a_person, names)):
        return author
    site_words = [words for site in _site_names(root, details) if (words := _words(site))]
    for name in map(_words, names):
        if any(name[: len(site)] == site or site[: len(name)] == name for site in site_words):
            return author
    return byline


def _words(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", name.casefold()))


def _site_name_keys(root: Any, details: SourceDetails) -> set[str]:
    """The keys (:func:`_name_keys`) of the site's names (:func:`_site_names`)."""
    names = _site_names(root, details)
    return {key for name in names for key in _name_keys(name)} - {""}


def _site_names(root: Any, details: SourceDetails) -> list[str]:
    """The site's names: what its metadata names it, its publisher tag, its address's host and
    the parts of its ``<title>``; "" for none."""
    titles = _TITLE_PART_JOINT.split(_title_element_text(root))
    publishers = root.xpath(
        "//meta[translate(@name, 'PUBLISHER', 'publisher') = 'publisher']/@content"
    )
    host = re.sub(r"^https?://(?:www\.)?([^/:?#]+).*", r"\1", details.url, flags=re.IGNORECASE)
    site_names = (details.site, *_TITLE_PART_JOINT.split(details.site), host, *titles, *publishers)
    return [one_line(name) for name in site_names]


def _without_the_sites_name(root: Any, author: str, details: SourceDetails) -> str:
    """``author`` (names joined by "; ") without the site's or the publisher's name where it
    stands beside people's: trafilatura reads a meta author tag (which pages fill with their
    publisher) and a JSON-LD's or a byline's persons alike, and the brief said "by Frankfurter
    Allgemeine Zeitung GmbH; Benjamin Fischer; Marcus Theurer", "by Denis Dilba; heise
    online", "by Die Tagespost; Christoph von Ritter". The site's names are what its metadata
    names it, its publisher tag, its address's host and the parts of its ``<title>`` ("…
    | heise online"). Where every name is the site's, they stay: the site is the author."""
    names = author.split("; ")
    if root is None or len(names) < 2:
        return author
    keys = _site_name_keys(root, details)
    people = [name for name in names if not _name_keys(name) & keys]
    return "; ".join(people) if people else author


_TITLE_PART_JOINT = re.compile(r"\s+[-|–—•·⋆›»/]+\s+")


def _names_together(names: Sequence[str], written: str) -> str:
    """``names`` as ``written`` holds them, in order with only joints between them, from the
    first to the end of the last; "" where it does not."""
    at = 0
    parts: list[str] = []  # the names, and the joints between them
    for name in names:
        found = _written_name(name).search(written, at)
        if found is None:
            return ""
        joint = written[at : found.start()]
        if found.start() > at and not _AUTHOR_GAP.fullmatch(joint):
            return ""
        if parts:
            parts.append(f"{joint.strip()} " if joint.strip() in (",", ";") else joint)
        parts.append(found[0])
        at = found.end()
    return source_name("".join(parts))


def _name_as_written(name: str, values: Sequence[str]) -> str:
    """``name`` (one of trafilatura's) as the first author tag that holds it writes it, else
    as it is. trafilatura writes a name's full stops as spaces, capitalises a name written in
    lower case, and cuts a part at its first digit, so the brief said "by Speicherguide De" for
    "speicherguide.de", "Wegewerk Gmbh" for "wegewerk GmbH", "Bund der Energieverbraucher e V",
    "Dr Sebastian Brüggemann" (26 of the 588 development pages read as written now)."""
    for written in values:
        found = _written_name(name).search(written)
        # Not a web address's part, nor a user's name ("michael.andrusio", "admin"), which
        # trafilatura reads as the person's ("Michael Andrusio", "Admin").
        if found is None or _SCHEME.match(written) or _reads_as_a_user_name(found[0]):
            continue
        return source_name(found[0]) or name
    return name


_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_WEB_DOMAIN = re.compile(r"\.(?:[a-z]{2}|com|net|org|info|eu)\Z", re.IGNORECASE)


def _reads_as_a_user_name(text: str) -> bool:
    """One word in lower case ("admin", "gabor_munier"), or words joined by a full stop, "_" or
    "+" that are no web domain ("michael.andrusio"; not "speicherguide.de")."""
    if any(character.isspace() for character in text):
        return False
    if text == text.lower() and "." not in text:
        return True
    return bool(re.search(r"[._+]", text)) and not _WEB_DOMAIN.search(text)


# Where trafilatura reads a space in an author's name: its full stops, "_" and "+".
_NAME_SPACE = r"[\s._+]+"
# A name's last word of one or two letters is an abbreviation whose full stop it keeps ("e.V.").
_ABBREVIATION_END = r"(?:(?<=(?<!\w)\w)|(?<=(?<!\w)\w\w))\."


def _written_name(name: str) -> re.Pattern[str]:
    words = map(re.escape, name.split())
    return re.compile(
        rf"(?<!\w){_NAME_SPACE.join(words)}(?:{_ABBREVIATION_END})?(?!\w)", re.IGNORECASE
    )


def _author_outside_comments(root: Any, author: str) -> str:
    """``author`` (trafilatura's reading) where trafilatura found it in the page's metadata or in
    a byline of the article; where it took it from a form or a reader comment section (those
    trafilatura leaves out of the article as comments), the byline outside them, "" when none.
    Without an author tag, trafilatura reads the first element whose class names an author: a
    comment form's "Name" field ("comment-form-author"), a comment's "stephangoeldi said, on
    August 3, 2019", a comment box's "Unbenannt", and the brief said "by Name" (6 of the 588
    development pages; on a seventh a rating form inside the byline made it the headline). A
    section that holds an ``<h1>`` is the article's own: an opinion piece's ("Kommentar",
    class "comment")."""
    from trafilatura.metadata import extract_author

    if root is None or not any(map(_may_hold_a_byline, _sections_without_a_byline(root))):
        return author
    if source_name(extract_author(root)) != author:  # the page's metadata named the author
        return author
    tree = copy.deepcopy(root)
    for section in _sections_without_a_byline(tree):
        if (parent := section.getparent()) is not None:
            parent.remove(section)
    return source_name(extract_author(tree))


# What trafilatura's byline XPaths look for in an element's attributes (AUTHOR_XPATHS), in lower
# case: a section without any cannot have given the author, and is not copied to find out.
_BYLINE_MARKS = re.compile(
    r"author|byl|bbl|username|screenname|writer|channel-name|submitted-by|posted-by|"
    r"journalist-name|zuozhe|bianji|xiaobian|\bme\b"
)


def _may_hold_a_byline(section: Any) -> bool:
    """Whether ``section`` holds or lies in an element trafilatura may read a byline from (a
    rating form inside the byline gave its text to the author)."""
    return any(
        element.tag == "author"
        or _BYLINE_MARKS.search(" ".join(map(str, element.attrib.values())).lower())
        for element in itertools.chain(section.iter(), section.iterancestors())
        if isinstance(element.tag, str)
    )


# The classes of a theme's or a designer's credit ("Theme: Catch Evolution by Catch Themes",
# class "theme-author") and of a share widget (class "author_share": "so Artikel empfehlen:").
# Not an article's credits ("c-article__credits": "Text: Ursula Eggers"), its byline.
_CREDIT_OR_SHARING_CLASS = re.compile(
    r"(?:^|[\s_-])(?:theme-author|theme-credits?|wp-credits?|powered|designed-by|share)"
    r"(?=$|[\s_-])",
    re.IGNORECASE,
)


def _sections_without_a_byline(root: Any) -> list[Any]:
    """The page's forms and its comment sections, as trafilatura finds those, but for a
    section that holds an ``<h1>``; and its theme credits and share widgets, whose classes
    name an author ("theme-author", "author_share"): the brief said "by Catch Themes", "by
    Theme Pirate Rogue von xwolf" (a WordPress theme's footer), "by So Artikel Empfehlen"."""
    from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

    sections = [
        section
        for xpath in REMOVE_COMMENTS_XPATH
        for section in xpath(root)
        if next(section.iter("h1"), None) is None
    ]
    credits = [
        element
        for element in root.iterfind(".//*[@class]")
        if _CREDIT_OR_SHARING_CLASS.search(element.get("class", ""))
        and next(element.iter("h1"), None) is None
    ]
    return [*root.iter("form"), *sections, *credits]


def _metadata_title(page: Any, path: Path) -> str:
    title, details = _page_metadata(page, path)
    return title_without_site_name(title, details.site, details.url)


def _title_outside_comments(root: Any, path: Path) -> str:
    """trafilatura's metadata title of the page without its comment sections ("" when none):
    the ``<title>``'s headline part, say, where a comment form's heading was taken."""
    from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

    tree = copy.deepcopy(root)
    for xpath in REMOVE_COMMENTS_XPATH:
        for section in xpath(tree):
            if (parent := section.getparent()) is not None:
                parent.remove(section)
    return _metadata_title(tree, path)


def _cdata_as_text(xhtml: str) -> str:
    """An XHTML page with each CDATA section written as the text it holds: a browser reading
    the page as XML shows "<p>Der Rat <![CDATA[tagt & berät]]> heute.</p>" whole, but an HTML
    parser (lxml's, trafilatura's) takes the section for a comment, and "tagt & berät" was lost
    from the article, unrecorded. (Inside a <script>, where pages put most of them, the text
    stays hidden.) Found with str.find, not a regular expression: one tried again from every
    opening never closed, each to the end of the page (200 KB of them took 14 s)."""
    from html import escape

    parts: list[str] = []
    done = 0  # xhtml[:done] is in parts
    while (opening := xhtml.find("<![CDATA[", done)) >= 0:
        closing = xhtml.find("]]>", opening + 9)
        if closing < 0:  # no section opened later closes either
            break
        parts += [xhtml[done:opening], escape(xhtml[opening + 9 : closing], quote=False)]
        done = closing + 3
    return "".join(parts) + xhtml[done:]


def spaced_as_the_page(text: str, page_lines: Sequence[str]) -> str:
    """The extracted ``text`` with a space wherever the page (its :func:`page_text`) parts two
    characters that a line of the extraction joins. trafilatura's fallback (jusText) drops the
    white space between two inline elements ("<b>die</b> <b>Erdbeeren</b>" became
    "dieErdbeeren") and the break between blocks ("instructions.</span><div></div><span>Add"
    became one word "instructions.Add"): the translator got words that are not German. A line
    (a list item without its "- ") is re-spaced only where it starts a line of the page and the
    page goes on with its very characters (compared without white space); no space is put
    before a comma or closing bracket, or after an opening one."""
    flat, gaps, starts = _flat_page(page_lines)
    out: list[str] = []
    cursor = 0  # where the last line ended on the page: the extraction keeps the page's order
    for line in text.split("\n"):
        marker = len("- ") if line.startswith("- ") else 0
        offsets = [i for i, ch in enumerate(line) if i >= marker and not ch.isspace()]
        key = "".join(line[i] for i in offsets)
        at = _page_position(key, flat, starts, cursor) if len(key) >= _RESPACE_KEY else None
        if at is None:
            out.append(line)
            continue
        cursor = at + len(key)
        parts = [line[: offsets[0] + 1]]
        for k in range(1, len(offsets)):
            if (
                offsets[k - 1] == offsets[k] - 1
                and at + k in gaps
                and line[offsets[k]] not in _CLOSING
                and line[offsets[k - 1]] not in _OPENING
            ):
                parts.append(" ")
            parts.append(line[offsets[k - 1] + 1 : offsets[k] + 1])
        out.append("".join(parts) + line[offsets[-1] + 1 :])
    return "\n".join(out)


# Where the page's source has white space only as its layout ("Müller\n</span>, …"), which the
# extraction rightly drops: before a closing mark, after an opening one.
_CLOSING = frozenset(",.;:!?)]}")
_OPENING = frozenset("([{")
# How many characters (without white space) a line must have to be re-spaced, and how many of
# them find the lines of the page it may start: fewer match too much of a page.
_RESPACE_KEY = 8


def _flat_page(page_lines: Sequence[str]) -> tuple[str, set[int], dict[str, list[int]]]:
    """The page's text without white space, as the extraction writes its characters
    (:func:`_as_extracted`); the positions in it that white space or a line break precedes; and
    where its lines start, by the first characters from there."""
    parts: list[str] = []
    gaps: set[int] = set()
    line_starts: list[int] = []
    at = 0
    for line in page_lines:
        words = _as_extracted(line).split()
        if words:
            line_starts.append(at)
        for word in words:
            gaps.add(at)
            parts.append(word)
            at += len(word)
    flat = "".join(parts)
    starts: dict[str, list[int]] = {}
    for start in line_starts:
        starts.setdefault(flat[start : start + _RESPACE_KEY], []).append(start)
    return flat, gaps, starts


def _page_position(key: str, flat: str, starts: dict[str, list[int]], cursor: int) -> int | None:
    """Where on the page (``flat``) a line of the page starts that goes on with ``key``: the
    first such place from ``cursor`` on, else the first of all; None where there is none."""
    candidates = starts.get(key[:_RESPACE_KEY], [])
    first = bisect.bisect_left(candidates, cursor)
    for start in itertools.chain(candidates[first:], candidates[:first]):
        if flat.startswith(key, start):
            return start
    return None


# The schema.org properties whose text trafilatura takes for the article where the page's HTML
# holds little of it (a page its scripts fill in, a paywall's teaser).
_EMBEDDED_TEXT_KEYS = ("articleBody", "reviewBody", "text")
# Markup in such a text: its blocks are its lines.
_EMBEDDED_MARKUP = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b", re.IGNORECASE)
# A tag of an HTML element in such a text: closing, bare or with an attribute ("</b>", "<em>",
# "<a href=…>"), which trafilatura reads the text as HTML for; not the comparisons of prose
# ("a<b and c>d"), nor what prose writes in brackets ("List<String>", "<Vorname>"), which it
# keeps: read as HTML here, such a line lost its words and matched no line of the extraction.
_HTML_ELEMENTS = (
    "a|abbr|address|article|aside|b|blockquote|body|br|caption|cite|code|dd|del|div|dl|dt|em"
    "|figcaption|figure|footer|h[1-6]|head|header|hr|html|i|img|ins|kbd|li|main|mark|nav|ol|p"
    "|pre|q|quote|s|section|small|span|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead"
    "|time|title|tr|u|ul"
)
_EMBEDDED_TAG = re.compile(
    rf"</(?:{_HTML_ELEMENTS})\s*>|<(?:{_HTML_ELEMENTS})(?:\s[^<>]*=[^<>]*)?\s*/?>", re.IGNORECASE
)


def embedded_text_lines(root: Any) -> list[str]:
    """The lines of the article texts the page carries in its JSON-LD (``articleBody``, a
    review's, a step's or an answer's ``text``): each paragraph of one (its line, or its
    markup's block) a line. trafilatura writes such a text as one paragraph, its line breaks
    made spaces: where the page's HTML held little of the article, the whole article was one
    paragraph of the brief, though the text parts its paragraphs."""
    import json

    if root is None:
        return []
    lines: list[str] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except (ValueError, RecursionError):  # not JSON, or nested past Python's limit
            continue
        stack = [data]
        while stack:  # without recursion: JSON nests as deep as it likes
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                for key, value in node.items():
                    if key in _EMBEDDED_TEXT_KEYS and isinstance(value, str):
                        lines += _embedded_text_blocks(unescape(value))
                    else:
                        stack.append(value)
    return lines


def with_embedded_text(text: str, whole: str, embedded: Sequence[str]) -> tuple[str, str]:
    """The extracted ``text`` and the page's text (:func:`page_text`), where the extraction
    holds lines the page does not show that the page's JSON-LD holds (``embedded``,
    :func:`embedded_text_lines`): each such line split into the paragraphs of that text, and
    each paragraph put into the page's text, after the last line of the page the extraction
    holds before it (before the first, where none is before it; at the end, where it holds
    none). trafilatura writes such a text as one paragraph; and the cleaner reads the page's
    text with the extraction's verdict: an article its scripts fill in lost every paragraph
    the page does not show ("no article text left after cleaning"), none of them in the
    audit. Lines the page shows stay as they are, but for a paragraph's teaser
    (:func:`_teaser_lines`), which gives way to it."""
    if not embedded:
        return text, whole
    keys = {_flat_line(line) for line in embedded}
    lines = whole.split("\n")
    flat_page = "".join(map(_flat_line, lines))
    where: dict[str, int] = {}
    for index, line in enumerate(lines):
        where.setdefault(_flat_line(line), index)
    extracted: list[str] = []
    before: dict[int, list[str]] = {}  # page line -> the extraction's lines to put before it
    after: dict[int, list[str]] = {}  # and after it
    anchor = -1  # the last line of the page the extraction holds so far
    waiting: list[str] = []  # lines before the first such one
    for line in text.split("\n"):
        key = _flat_line(line)
        on_page = not key or key in where or key in flat_page
        for part in [line] if on_page else split_at_page_lines(line, embedded).split("\n"):
            extracted.append(part)
            key = _flat_line(part)
            if where.get(key, -1) > anchor:
                anchor = where[key]
                if waiting:
                    before[anchor], waiting = waiting, []
            elif not on_page and key in keys and key not in where and key not in flat_page:
                (waiting if anchor < 0 else after.setdefault(anchor, [])).append(part)
    if not (before or after or waiting):
        return "\n".join(extracted), whole
    teasers = _teaser_lines(
        lines, [*waiting, *itertools.chain(*before.values(), *after.values())], extracted
    )
    out: list[str] = []
    for index, line in enumerate(lines):
        for added in before.get(index, ()):
            out += ["", added, ""]
        if index not in teasers:
            out.append(line)
        for added in after.get(index, ()):
            out += ["", added, ""]
    for added in waiting:
        out += ["", added, ""]
    # One blank line between paragraphs, as page_text writes them.
    joined = "\n".join(line for i, line in enumerate(out) if line or (i and out[i - 1]))
    return "\n".join(extracted), joined.strip("\n")


# A teaser's end: an ellipsis, maybe bracketed, or a sentence's end (its first sentences).
_TEASER_END = re.compile(r"(?P<cut>[\[(]?(?:…|\.\.\.)[\])]?)$|[.!?][\"“”»«’)]?$")
# The least a teaser holds of its paragraph (its characters without white space).
_TEASER_MIN_CHARS = 20


def _teaser_lines(lines: Sequence[str], added: Sequence[str], extracted: Sequence[str]) -> set[int]:
    """The places of the ``lines`` of the page that show the start of a paragraph ``added``
    from its JSON-LD, and no more of it: its first sentences, or its start cut with an ellipsis
    (a paywall's "… im Uk …" above "Weiterlesen mit Abo"). Such a line leaves the page's text
    the cleaner reads, the whole paragraph being in it: the classifier kept the teaser beside
    the paragraph, and the brief read the paragraph's start twice. Not a line the extraction
    holds itself."""
    starts = [_flat_line(paragraph) for paragraph in added]
    added_keys = set(starts)
    held = [key for key in map(_flat_line, extracted) if key not in added_keys]
    teasers: set[int] = set()
    for index, line in enumerate(lines):
        flat = _flat_line(line)
        end = _TEASER_END.search(flat)
        if end is None:
            continue
        start = flat[: end.start()] if end.group("cut") else flat
        if len(start) < _TEASER_MIN_CHARS or not any(
            len(paragraph) > len(start) and paragraph.startswith(start) for paragraph in starts
        ):
            continue
        if not any(flat in line_held for line_held in held):
            teasers.add(index)
    return teasers


def _flat_line(line: str) -> str:
    return "".join(_as_extracted(line).split())


def _embedded_text_blocks(text: str) -> list[str]:
    """A JSON-LD text's paragraphs: its markup's blocks, else its lines, each read as HTML where
    the text has inline markup only (a link, a bold word): its lines, tags and all, matched no
    paragraph of the extraction, which trafilatura writes without them."""
    if _EMBEDDED_MARKUP.search(text):
        return page_text(parse_html(f"<div>{text}</div>")).splitlines()
    if _EMBEDDED_TAG.search(text):
        return [page_text(parse_html(f"<div>{line}</div>")) for line in text.splitlines()]
    return text.splitlines()


def split_at_page_lines(text: str, page_lines: Sequence[str]) -> str:
    """The extracted ``text`` with each line that holds several whole lines of the page (its
    :func:`page_text`) split where they meet, as a browser shows them.

    On a short page trafilatura falls back to the text of the whole page (or of its
    ``<article>``) as one paragraph: a heading, its paragraph and the next sub-heading became
    one line ("Titel Das ist ein deutscher Satz."), one sentence for the translator wherever
    the text is not cleaned as the whole page (``clean.enabled = false``, ``inspect
    --no-clean``). A line is split only where the page's lines cover it exactly (compared
    without white space); any other line stays as the extraction wrote it."""
    keys = ["".join(_as_extracted(line).split()) for line in page_lines]
    starts = _PageLineStarts(keys)
    known = set(keys)
    out: list[str] = []
    for line in text.split("\n"):
        offsets = [i for i, ch in enumerate(line) if not ch.isspace()]
        flat = "".join(line[i] for i in offsets)
        cuts = [] if not flat or flat in known else starts.cuts(flat)
        previous = 0
        for cut in cuts:
            out.append(line[previous : offsets[cut]].strip())
            previous = offsets[cut]
        out.append(line[previous:])
    return "\n".join(out)


class _PageLineStarts:
    """The page's lines (without white space) by their text, to find those an extracted line
    starts with: one look-up per distinct line length, not a scan of every line that shares
    its first letter (German lines start with "D" by the thousand)."""

    def __init__(self, keys: Sequence[str]) -> None:
        self.keys = keys
        self.at: dict[str, list[int]] = {}
        for index, key in enumerate(keys):
            if key:
                self.at.setdefault(key, []).append(index)
        self.lengths = sorted({len(key) for key in self.at})

    def cuts(self, flat: str) -> list[int]:
        """Where in ``flat`` (a line without white space) consecutive page lines meet, when two
        or more of them make up exactly ``flat``; else []."""
        for length in self.lengths:
            if length >= len(flat):
                break
            for first in self.at.get(flat[:length], ()):
                position, cuts = length, [length]
                for key in itertools.islice(self.keys, first + 1, None):
                    if not key:
                        continue
                    if not flat.startswith(key, position):
                        break
                    position += len(key)
                    if position == len(flat):
                        return cuts
                    cuts.append(position)
        return []


# HTML's white space (which a browser collapses outside <pre>) and the other characters that
# would end a line of the text (str.splitlines).
_SOURCE_WHITE_SPACE = re.compile("[ \t\n\r\f\v\x1c-\x1e\x85\u2028\u2029]+")


def _pre_texts(root: Any) -> frozenset[str]:
    """The text of the page's ``<pre>`` elements, white space collapsed: trafilatura turns them
    into the same element as a ``<blockquote>``, so their text is what tells them apart."""
    if root is None:
        return frozenset()
    return frozenset(
        _SOURCE_WHITE_SPACE.sub(" ", "".join(pre.itertext())).strip() for pre in root.iter("pre")
    )


def _join_heading_lines(body: Any) -> None:
    """In trafilatura's tree of the main text, each line break (``<br>``) of a heading becomes
    a space: a heading set on two lines ("Die Ergebnisse<br>der Kommunalwahl") is one
    heading, but as two lines the cleaner took its second for a fragment and the brief showed
    "Die Ergebnisse" alone."""
    import lxml.etree

    for heading in body.iter("head"):
        for line_break in heading.iter("lb"):
            line_break.tail = " " + (line_break.tail or "")
        lxml.etree.strip_tags(heading, "lb")


# trafilatura's elements of the main text that start a line of their own.
_EXTRACTED_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "table", "quote", "lb"})
# How many blocks (paragraphs, line breaks, tables, …) make a table cell a column of the page's
# layout: a data table's cell holds one value, perhaps in one paragraph or on two lines.
_LAYOUT_CELL_BLOCKS = 2
# And how much text: a column of the page holds its article or its menu, a data table's value
# set on three lines is short (an address, a name and its office). trafilatura makes each <br>
# of a cell a paragraph, so the two cannot be told by their blocks.
_LAYOUT_CELL_CHARACTERS = 200


def _is_layout_cell(cell: Any, block_tags: frozenset[str]) -> bool:
    """Whether the table ``cell`` holds blocks of text (:data:`_LAYOUT_CELL_BLOCKS` or more
    elements among ``block_tags``, :data:`_LAYOUT_CELL_CHARACTERS` or more characters), as the
    columns of a page laid out with a table do. By its blocks alone, a data table's row with an
    address on three lines was read as cells each on a line of its own, and the cleaner
    dropped the party's name before its vote as a short line."""
    blocks = (element for element in cell.iterdescendants() if element.tag in block_tags)
    if sum(1 for _ in itertools.islice(blocks, _LAYOUT_CELL_BLOCKS)) < _LAYOUT_CELL_BLOCKS:
        return False
    return len(" ".join("".join(cell.itertext()).split())) >= _LAYOUT_CELL_CHARACTERS


def _layout_tables_as_blocks(body: Any) -> None:
    """In trafilatura's tree of the main text, each table that lays out the page (a cell of it
    holds blocks of text: :func:`_is_layout_cell`) becomes its cells' blocks, each cell
    starting a line. Written as a table, an old page's menu column and its article's every
    paragraph were one line ("| Startseite Lokales Sport | Neue Umgehungsstraße freigegeben
    Kreisstadt (kb). Nach …"), the translator's sentences ran across them."""
    import lxml.etree

    for table in list(body.iter("table")):
        rows = _own_rows(table, "row")
        cells = [cell for row in rows for cell in row.iterchildren("cell")]
        if not any(_is_layout_cell(cell, _EXTRACTED_BLOCK_TAGS) for cell in cells):
            continue
        for cell in cells:
            cell.tag = "p"
        for element in (table, *rows):
            element.tag = "layout"
    lxml.etree.strip_tags(body, "layout")


def _own_rows(table: Any, row_tag: str) -> list[Any]:
    """The rows of ``table``, not of a table inside one of its cells."""
    return [
        row
        for row in table.iter(row_tag)
        if next(row.iterancestors(table.tag, "layout"), None) is table
    ]


def heading_line_breaks(root: Any) -> set[Any]:
    """The ``<br>`` elements inside the page's headings (``<h1>`` … ``<h6>``): each is a space
    of its heading's one line, as :func:`_join_heading_lines` reads the extraction's."""
    if root is None:
        return set()
    return {br for heading in root.iter(*_HEADING_TAGS) for br in heading.iter("br")}


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _collapse_source_white_space(body: Any, pre_texts: frozenset[str]) -> None:
    """In trafilatura's tree of the main text, each run of white space becomes one space, except
    inside code and preformatted text; its line-break elements (``<br>``) stay."""
    keep: set[Any] = set()
    for element in body.iter("code", "quote"):
        if element.tag == "code" or (
            _SOURCE_WHITE_SPACE.sub(" ", "".join(element.itertext())).strip() in pre_texts
        ):
            keep.update(element.iter())
    for element in body.iter():
        if element not in keep and element.text:
            element.text = _SOURCE_WHITE_SPACE.sub(" ", element.text)
        parent = element.getparent()
        if element.tail and parent is not None and parent not in keep:
            element.tail = _SOURCE_WHITE_SPACE.sub(" ", element.tail)


# A block of fewer words that the alignment leaves over is left out even where its words occur
# in the article ("Fußball" in a menu); a longer one is taken wherever the extraction holds it
# (the extraction may join, split or reorder the page's blocks).
_SHORT_BLOCK_WORDS = 5


def _extracted_units(text: str) -> list[str]:
    """The extraction's lines as the page's blocks read: white space collapsed, a list item
    without its "- ", a table row as its cells."""
    units: list[str] = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line.startswith("|"):
            units += [cell for cell in (" ".join(c.split()) for c in line.split("|")) if cell]
        elif line:
            units.append(line[2:] if line.startswith("- ") else line)
    return units


def left_out_blocks(blocks: Sequence[str], text: str) -> list[str]:
    """The page's visible blocks that the extracted ``text`` does not hold, in page order.

    Blocks and the extraction's lines are aligned in order (difflib), so a menu item is left
    out even when the article uses the same word ("Fußball" in the menu and in the text);
    where the two split the page differently, a block inside the lines it stands against
    counts as taken."""
    return [
        block
        for block, taken in zip(blocks, extraction_flags(blocks, text), strict=True)
        if not taken
    ]


def extraction_flags(blocks: Sequence[str], text: str) -> list[bool]:
    """For each of the page's ``blocks``, whether the extracted ``text`` holds it (the
    alignment of :func:`left_out_blocks`)."""
    units = _extracted_units(text)
    # Compared without white space: trafilatura drops the space between inline elements
    # ("Butter(weich)" where the page reads "Butter (weich)"), and a recipe's steps were taken
    # for blocks it left out.
    taken = "".join(text.split())
    # Each block as the extraction writes its text, for the comparison; the audit lists it
    # as the page has it.
    keys = [_as_extracted(block) for block in blocks]
    opcodes = _Alignment(None, keys, units, autojunk=False).get_opcodes()
    # Lines the alignment paired with no block (the extraction may reorder): a block equal to
    # one of them is taken.
    unpaired = Counter(
        unit for tag, _, _, j1, j2 in opcodes if tag != "equal" for unit in units[j1:j2]
    )
    flags = [True] * len(blocks)
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        facing = "".join("".join(units[j1:j2]).split())
        for index in range(i1, i2):
            key = keys[index]
            # A table row of the page text is one block, its cells parted as the extraction
            # parts them; the extraction's units are the cells.
            flat = _CELL_SEPARATORS.sub("", key).replace(" ", "")
            if unpaired[key] > 0:
                unpaired[key] -= 1
            elif flat not in facing and (
                key.count(" ") < _SHORT_BLOCK_WORDS - 1 or flat not in taken
            ):
                flags[index] = False
    return flags


class _Alignment(SequenceMatcher):
    """difflib's alignment (no junk, no autojunk) with each longest match found in time linear
    in the two ranges' lengths: difflib pairs every element of the one range with each place of
    the other that holds the same element, and a page of repeated blocks ("Antworten",
    "Melden", a table's "Ja" cells) took time growing with the square of their number (11 s at
    40,000 blocks). The match is difflib's: the longest, the first in ``a`` of those, the first
    in ``b`` of those.

    On a long page the alignment is cut at anchors first: blocks that stand once on the page
    and once in the extraction, the longest chain of them in the same order on both sides
    (patience diff's anchors). difflib finds one match per search and then searches the rest
    of the range again, so a page whose kept paragraphs alternate with blocks left out (a live
    ticker's "Teilen" under each entry) took time growing with the square of its paragraphs
    (3,000: 12 s); between anchors the ranges are short."""

    def get_matching_blocks(self) -> list[Match]:
        if self.matching_blocks is not None:
            return self.matching_blocks
        a, b = self.a, self.b
        if len(a) + len(b) <= _ALIGN_WHOLE_UP_TO:
            return super().get_matching_blocks()
        found: list[tuple[int, int, int]] = []
        alo = blo = 0
        for i, j in [*_anchors(a, b), (len(a), len(b))]:
            found.extend(self._matches_between(alo, i, blo, j))
            if i < len(a):
                found.append((i, j, 1))
            alo, blo = i + 1, j + 1
        found.sort()
        # Adjacent matches are one (difflib's promise to get_opcodes), the last a dummy.
        merged: list[list[int]] = []
        for i, j, k in found:
            if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
                merged[-1][2] += k
            else:
                merged.append([i, j, k])
        self.matching_blocks = [Match(i, j, k) for i, j, k in merged]
        self.matching_blocks.append(Match(len(a), len(b), 0))
        return self.matching_blocks

    def _matches_between(
        self, alo: int, ahi: int, blo: int, bhi: int
    ) -> list[tuple[int, int, int]]:
        """difflib's matches of a[alo:ahi] with b[blo:bhi] (its queue, as get_matching_blocks)."""
        found = []
        queue = [(alo, ahi, blo, bhi)] if alo < ahi and blo < bhi else []
        while queue:
            alo, ahi, blo, bhi = queue.pop()
            i, j, k = self.find_longest_match(alo, ahi, blo, bhi)
            if k:
                found.append((i, j, k))
                if alo < i and blo < j:
                    queue.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    queue.append((i + k, ahi, j + k, bhi))
        return found

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> Match:
        a, b = self.a, self.b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        # difflib's own search where its pairs are few (a short range, or rare elements).
        pairs = 0
        for i in range(alo, ahi):
            places = self.b2j.get(a[i], ())
            pairs += bisect.bisect_left(places, bhi) - bisect.bisect_left(places, blo)
        if pairs <= 4 * (ahi - alo + bhi - blo):
            return super().find_longest_match(alo, ahi, blo, bhi)
        # A suffix automaton of b[blo:bhi]: each state, the strings (of elements) with the
        # same end places in b; ``first`` the first of those end places.
        length, link, moves, first = [0], [-1], [{}], [-1]
        last = 0
        for j in range(blo, bhi):
            element = b[j]
            state = len(length)
            length.append(length[last] + 1)
            link.append(0)
            moves.append({})
            first.append(j)
            p = last
            while p != -1 and element not in moves[p]:
                moves[p][element] = state
                p = link[p]
            if p != -1:
                q = moves[p][element]
                if length[p] + 1 == length[q]:
                    link[state] = q
                else:
                    clone = len(length)
                    length.append(length[p] + 1)
                    link.append(link[q])
                    moves.append(dict(moves[q]))
                    first.append(first[q])
                    while p != -1 and moves[p].get(element) == q:
                        moves[p][element] = clone
                        p = link[p]
                    link[q] = clone
                    link[state] = clone
            last = state
        # a[alo:ahi] read through it: at each place, the longest run ending there that b holds.
        besti, bestj, bestsize = alo, blo, 0
        state, size = 0, 0
        for i in range(alo, ahi):
            element = a[i]
            while state and element not in moves[state]:
                state = link[state]
                size = length[state]
            if element in moves[state]:
                state = moves[state][element]
                size += 1
            if size > bestsize:
                besti, bestj, bestsize = i - size + 1, first[state] - size + 1, size
        return Match(besti, bestj, bestsize)


# Pages up to this many blocks and extracted lines together are aligned by difflib alone.
_ALIGN_WHOLE_UP_TO = 2_000


def _anchors(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """The places (i, j) where ``a[i] == b[j]`` is an element each holds once: the longest
    chain of them increasing in both i and j (patience sorting, n log n)."""
    once_in_a = {element for element, count in Counter(a).items() if count == 1}
    in_b = Counter(b)
    place_in_b = {element: j for j, element in enumerate(b) if in_b[element] == 1}
    pairs = [(i, place_in_b[x]) for i, x in enumerate(a) if x in once_in_a and x in place_in_b]
    # ends[n]: the pair ending the chain of n + 1 found so far whose last j is smallest.
    ends: list[int] = []
    end_js: list[int] = []
    before: list[int] = []
    for index, (_, j) in enumerate(pairs):
        n = bisect.bisect_left(end_js, j)
        before.append(ends[n - 1] if n else -1)
        if n == len(ends):
            ends.append(index)
            end_js.append(j)
        else:
            ends[n] = index
            end_js[n] = j
    chain = []
    index = ends[-1] if ends else -1
    while index != -1:
        chain.append(pairs[index])
        index = before[index]
    return chain[::-1]


def _as_extracted(block: str) -> str:
    """A block's text as trafilatura writes it: without the characters Python does not print
    (soft hyphens, zero-width spaces and joiners, direction marks; web pages put them inside
    words), in NFC (an umlaut as one character, as the extraction normalizes it), white space
    collapsed. Compared as the page has it, such a paragraph was listed as left out although
    the article holds it."""
    visible = "".join(ch for ch in block if ch.isprintable() or ch.isspace())
    return " ".join(unicodedata.normalize("NFC", visible).split())


# Elements a browser starts on a new line (HTML's block-level and table elements).
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "td th tr ul option label button".split()
)


INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})

# What ends a container's leading text: a block (a <br> is a line break within it).
_LEADING_TEXT_ENDS = (BLOCK_TAGS | {"center"}) - {"br"}


def is_html_element(name: str) -> bool:
    """Whether ``name`` names an element of HTML (lxml's lists of HTML 4 and 5 elements), or a
    custom element (``my-widget``: a hyphen in its name)."""
    from lxml.html import defs

    folded = name.lower()
    return (
        folded in defs.tags
        or folded in defs.html5_tags
        or folded in _NEWER_ELEMENTS
        or folded in BLOCK_TAGS
        or folded in INVISIBLE_TAGS
        or "-" in folded
    )


# Elements of today's HTML that lxml's lists (HTML 4, early HTML 5) do not name.
_NEWER_ELEMENTS = frozenset("main template dialog picture slot data search menu".split())


def parse_html(html: str) -> Any:
    """The page as lxml parses it, or None where it cannot."""
    return _parse_page(html)[0]


# How deep lxml (libxml2) nests elements with its huge_tree option; 256 without it.
_HUGE_DEPTH = 2048


def _parse_page(html: str, huge: bool = False) -> tuple[Any, bool]:
    """The page as lxml parses it (None where it cannot), and whether the parser stopped at its
    limit of nested elements (it then drops the rest of the page without raising)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=huge)
    try:
        root = lxml.html.document_fromstring(_without_xml_declaration(html), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, False
    return root, any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)


def _trafilatura_tree(html: str, document: bool = False) -> Any:
    """The page parsed as trafilatura parses it (trafilatura.utils.load_html), but with lxml's
    huge_tree option: a tree trafilatura can take instead of the markup. With ``document``, a
    whole document (``<html>`` and ``<body>`` around a fragment). None for markup of no
    element. Characters XML cannot hold are left out first, as load_html leaves them out: lxml
    keeps them in the tree, and setting an element's text with one raised (a fragment whose
    lead held Word's line break, U+000B, failed as "a defect of summarize")."""
    import lxml.etree
    import lxml.html
    from trafilatura.utils import INVALID_XML_CHARS

    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    parse = lxml.html.document_fromstring if document else lxml.html.fromstring
    try:
        return parse(_without_xml_declaration(INVALID_XML_CHARS.sub("", html)), parser=parser)
    except lxml.etree.ParserError:  # "Document is empty": no element to read
        return None


# The end tags of the document and its body. A browser reads on past them, into the body; lxml
# (libxml2) drops what follows a </html>, and puts what follows a </body> beside the body.
_DOCUMENT_END_TAG = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)


def _without_document_end_tags(html: str) -> str:
    """The page without its ``</html>`` and ``</body>`` tags (the parser closes both at the end
    of the page), read as a browser reads it: a theme that closes the document after its
    ``<head>`` ("</head></html><body>…") lost the whole article ("no article text found"),
    and what followed a ``</body>`` was missing from the page's text."""
    return _DOCUMENT_END_TAG.sub("", html)


# An XHTML page's first line, <?xml version="1.0" encoding="…"?>: lxml refuses a str that
# starts with an encoding declaration (ValueError), and the page is a str already decoded.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*\?>")


def _without_xml_declaration(html: str) -> str:
    """The page without its XML declaration, which lxml refuses in a str: the page's blocks
    were then not read at all, and what the extraction left out was missing from the audit."""
    return _XML_DECLARATION.sub("", html, count=1)


def visible_blocks(html: Any) -> list[str]:
    """The text a reader sees on the page (markup, or the tree :func:`parse_html` made of
    it), one entry per block (white space collapsed)."""
    return read_blocks(html)[0]


# The comment lxml makes of a processing instruction ("<?php …?>") or CDATA section: (its text).
_BOGUS_COMMENT = re.compile(r"\A\?(.*)\?\Z|\A\[CDATA\[(.*)\]\]\Z", re.S)


def read_blocks(html: Any) -> tuple[list[str], list[str]]:
    """:func:`visible_blocks`, and the text of the page a reader never sees (one entry per comment
    or invisible element: ``<script>``, ``<style>``, ``<title>``, …), in one walk without
    recursion: pages nest elements thousands deep."""
    import lxml.etree

    root = parse_html(html) if isinstance(html, str) else html
    if root is None:
        return [], []
    blocks: list[str] = []
    parts: list[str] = []
    hidden_blocks: list[str] = []
    hidden_parts: list[str] = []  # the text of the invisible element being walked
    hidden = 0  # depth inside invisible elements
    markers = ordered_list_markers(root)
    heading_breaks = heading_line_breaks(root)

    def flush(into: list[str], texts: list[str]) -> None:
        block = " ".join("".join(texts).split())
        if block:
            into.append(block)
        texts.clear()

    # Comments and processing instructions are walked too: their text is hidden, but the text
    # after one (its tail) is not ("Sichtbar <!-- Notiz --> weiter" lost its "weiter").
    for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = element.tag if isinstance(element.tag, str) else None  # None: comment, PI
        if event in ("comment", "pi"):
            if hidden:
                hidden_parts += [" ", element.text or "", " ", element.tail or ""]
            else:
                flush(hidden_blocks, [_BOGUS_COMMENT.sub(r"\1\2", element.text or "")])
                parts.append(element.tail or "")
            continue
        if event == "start":
            if tag in INVISIBLE_TAGS:
                hidden += 1
            elif element in heading_breaks:
                (hidden_parts if hidden else parts).append(" ")
            elif tag in BLOCK_TAGS and not hidden:
                flush(blocks, parts)
            if element in markers and not hidden:
                parts.append(f"{markers[element]} ")
            if tag and element.text:
                (hidden_parts if hidden else parts).append(element.text)
            continue
        if tag in INVISIBLE_TAGS:
            hidden -= 1
            if not hidden:
                flush(hidden_blocks, hidden_parts)
        elif tag in BLOCK_TAGS and not hidden and element not in heading_breaks:
            flush(blocks, parts)
        if element.tail and element is not root:
            (hidden_parts if hidden else parts).append(element.tail)
    flush(blocks, parts)
    return blocks, hidden_blocks


# Elements that start a line of a copied page, and <p>, which stands between blank lines (the
# development set's plain-text pages are written this way, and the classifier learnt on them).
_PAGE_BLOCK_TAGS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 br section article header footer nav aside tr table ul "
    "ol dl dt dd blockquote pre main form fieldset legend address details summary hr caption "
    "option textarea figure figcaption".split()
)


# Text no one sees: besides script and style, a select's option list (a browser shows one
# option, in a form control), an iframe's fallback text and an SVG's tooltip <title>.
# A table row is one line, its cells parted by " | " as the extraction writes them: a cell a
# line made its prices and figures short lines that the rules took ("140 €", "nein", "2,1").
_PAGE_CELL_TAGS = frozenset({"td", "th"})


_PAGE_CELL_SEPARATOR = " | "


def _layout_cells(root: Any) -> set[Any]:
    """The cells of the page's tables that lay it out: every cell of a table of which one cell
    holds blocks of text (:func:`_is_layout_cell`), as :func:`_layout_tables_as_blocks` reads
    the extraction's tables. Each starts a line of the page's text, not a cell of a row."""
    cells: set[Any] = set()
    for table in root.iter("table"):
        own = [cell for row in _own_rows(table, "tr") for cell in row.iterchildren("td", "th")]
        if any(_is_layout_cell(cell, _PAGE_BLOCK_TAGS) for cell in own):
            cells.update(own)
    return cells


# The separators of a row, an empty cell's included ("Anzahlung | | 5000": replacing " | " left
# a "|", and the row the extraction took was listed as left out).
_CELL_SEPARATORS = re.compile(r"(?: \|)+ ")


_PAGE_HIDDEN_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "select", "datalist", "iframe"}
)


def _hidden(element: Any) -> bool:
    """Whether the page hides ``element`` (its ``hidden`` attribute): the cleaner kept such a
    paragraph, and it reached the brief. Not ``display: none`` in a style or
    ``aria-hidden="true"``: a paywall, a tab or a dialog hides article text so until a script
    shows it, and the extraction takes it."""
    hidden = element.attrib.get("hidden")
    # hidden="until-found": text the browser shows when a search in the page finds it (a
    # collapsed FAQ answer); it was left out of the page's text and the extraction alike.
    return hidden is not None and hidden.strip().lower() != "until-found"


def page_text(root: Any) -> str:
    """The visible text of a parsed page (its ``<body>``) as a copied page reads: a line per
    block element, a blank line around each ``<p>``, white space collapsed except in
    ``<pre>``; no script, style or template text, and, as the extraction writes it, no soft
    hyphens or zero-width characters. Walked without recursion."""
    if root is None:
        return ""
    body = root.find("body")
    start = body if body is not None else root
    out: list[str | int] = []  # text, or a break: 1 a line break, 2 a blank line
    markers = ordered_list_markers(start)
    heading_breaks = heading_line_breaks(start)
    layout_cells = _layout_cells(start)

    def trim() -> None:
        while out and isinstance(out[-1], str) and not out[-1].strip():
            out.pop()  # white space between blocks (or cells) does not part them

    def brk(size: int) -> None:
        trim()
        if out and isinstance(out[-1], int):
            out[-1] = max(out[-1], size)
        else:
            out.append(size)

    def add(text: str | None, pre: bool) -> None:
        if text:
            # Without soft hyphens and zero-width characters, as the extraction writes text:
            # inside a word they would reach the translator.
            text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
            text = NO_HTML_LINE_BREAK.sub(" ", text)
            out.append(text if pre else _HTML_WHITE_SPACE.sub(" ", text))

    # (element, closing?, inside <pre>)
    stack: list[tuple[Any, bool, bool]] = [(start, False, False)]
    while stack:
        element, closing, pre = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        block = tag in _PAGE_BLOCK_TAGS and element not in heading_breaks
        if closing:
            if block:
                brk(2 if tag == "p" else 1)
            if element is not start:
                add(element.tail, pre)
            continue
        if tag is None or tag in _PAGE_HIDDEN_TAGS or _hidden(element):  # a comment, or hidden
            if element is not start:
                add(element.tail, pre)
            continue
        inner = pre or tag == "pre"
        if block:
            brk(2 if tag == "p" else 1)
        elif element in heading_breaks:
            add(" ", inner)
        elif tag in _PAGE_CELL_TAGS and element in layout_cells:
            brk(1)  # a column of the page's layout, not a value of a row
        elif tag in _PAGE_CELL_TAGS:
            trim()
            if out and isinstance(out[-1], str):  # a cell after another on its row
                out.append(_PAGE_CELL_SEPARATOR)
        stack.append((element, True, pre))
        stack.extend((child, False, inner) for child in reversed(element))
        if element in markers:
            out.append(f"{markers[element]} ")
        add(element.text, inner)
    parts: list[str] = []
    for item in out:
        if isinstance(item, int):
            parts.append("\n" * item)
            continue
        if item.startswith(" ") and parts and parts[-1].endswith((" ", "\n")):
            item = item[1:]  # spaces that meet across an inline element are one
        if item:
            parts.append(item)
    lines: list[str] = []
    for line in "".join(parts).split("\n"):
        line = line.strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")


# White space as HTML collapses it (not U+00A0).
_HTML_WHITE_SPACE = re.compile("[ \t\n\r\f]+")
# The characters str.splitlines() ends a line at that break no line in HTML, in a <pre> neither:
# Word's line break (U+000B) pasted into a CMS's paragraph, a form feed, the information
# separators, NEL, the Unicode line and paragraph separators. A browser (Chromium) shows each
# between the words of its line (the controls as a box, U+2028 and U+2029 as a space); the page
# text parted the paragraph there, and the sentence reached the translator in two halves. Each
# is white space: one space, as it reads.
NO_HTML_LINE_BREAK = re.compile("[\v\f\x1c-\x1e\x85\u2028\u2029]")


def ordered_list_markers(root: Any) -> dict[Any, str]:
    """The number a browser shows before each item of the page's ordered lists ("3."), by
    ``<li>`` element: ``start``, ``value`` and ``reversed`` as HTML counts them, in the list's
    ``type`` (1, a, A, i, I). The number is no character of the page's text, but a reader sees
    it: a Markdown list "3. Oktober: …" becomes ``<ol start="3"><li>Oktober: …``, and the date
    reached the translator as "Oktober: …"."""
    markers: dict[Any, str] = {}
    if root is None:
        return markers
    for ol in root.iter("ol"):
        items = [child for child in ol if isinstance(child.tag, str) and child.tag == "li"]
        reverse = "reversed" in ol.attrib
        number = _html_int(ol.get("start"), len(items) if reverse else 1)
        kind = (ol.get("type") or "1").strip()
        for item in items:
            number = _html_int(item.get("value"), number)
            markers[item] = f"{_counter(number, kind)}."
            number += -1 if reverse else 1
    return markers


def _html_int(value: str | None, default: int) -> int:
    """An attribute's integer as HTML reads it; one past 32 bits is none (a browser keeps
    list numbers in 32 bits, and int() refused a start of over 4,300 digits: the page failed
    with a traceback). Only ASCII white space and digits count, as HTML's rules for parsing
    integers read them (``start="٣"`` is none)."""
    match = re.match(r"[ \t\n\f\r]*([+-]?)0*([0-9]{1,11})(?![0-9])", value or "")
    if not match:
        return default
    number = int(match.group(1) + match.group(2))
    return number if -(2**31) <= number < 2**31 else default


def _counter(number: int, kind: str) -> str:
    """``number`` as a list of ``type`` ``kind`` counts it (decimal where it has no letter or
    numeral for it)."""
    if kind in ("a", "A") and number > 0:
        letters = ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 0 < number < 4000:
        numerals = ""
        for value, numeral in _ROMAN:
            count, number = divmod(number, value)
            numerals += numeral * count
        return numerals if kind == "I" else numerals.lower()
    return str(number)


_ROMAN = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        "M CM D CD C XC L XL X IX V IV I".split(),
        strict=True,
    )
)


def _number_extracted_items(body: Any, markers: dict[Any, str]) -> None:
    """Put the page's numbers before the items of the extraction's ordered lists (trafilatura
    writes each as "- …", whatever the page shows), matched to the page's items by their text
    in order. A text the page numbers differently in items the extraction did not all take
    (a menu's "7. Oktober: …" beside the article's "3. Oktober: …") gets no number: which one
    it is, is unknown, and the other's number changed the date."""
    if not markers:
        return
    by_text: dict[str, list[str]] = {}
    for item, marker in markers.items():
        by_text.setdefault(_flat_text(item), []).append(marker)
    items = [
        item
        for item in body.iter("item")
        if (parent := item.getparent()) is not None and parent.get("rend") == "ol"
    ]
    taken = Counter(_flat_text(item) for item in items)
    # Weighed before any number is taken: counted as they went, a text's second of three
    # items ("Ja", "Ja", "Ja") no longer matched and lost its number.
    numbered = {
        text: taken[text] == len(queue) or len(set(queue)) == 1 for text, queue in by_text.items()
    }
    for item in items:
        queue = by_text.get(text := _flat_text(item))
        if queue and numbered[text]:
            item.text = f"{queue.pop(0)} {item.text or ''}"


def _flat_text(element: Any) -> str:
    return "".join("".join(element.itertext()).split())
