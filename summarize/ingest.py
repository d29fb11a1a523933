"""Ingest: find article files and read them as text, whatever their encoding (the decoding is
:mod:`summarize.decoding`).

Problems with one input (missing, binary, too large, undecodable, a link out of its folder) are
reported as :class:`InputProblem` / :class:`ArticleError` and never stop the other articles.
"""

from __future__ import annotations

import copy
import errno
import hashlib
import itertools
import logging
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.decoding import BINARY_SAMPLE, BOMS, declared_charset, decode_text
from summarize.errors import ArticleError, shown

logger = logging.getLogger("summarize")

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
# The audit's names for what the extraction of an HTML page's main text left out, and for the
# image descriptions of a Markdown file.
HTML_EXTRACTION = "html_extraction"
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
MARKDOWN_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Article:
    source: Path
    text: str
    sha256: str
    encoding: str = "utf-8"
    # What reading the file as text left out, as (rule, text): an HTML page's visible text
    # blocks that its main-text extraction did not take (HTML_EXTRACTION), a Markdown file's
    # image descriptions (MARKDOWN_IMAGE). The cleaning audit lists them first.
    left_out: tuple[tuple[str, str], ...] = ()
    # An HTML page's whole visible text, one block a line (blank lines around paragraphs, as a
    # copied page has them), for the cleaner to weigh with the extraction's verdict (``text``
    # then holds the extraction); "" for other files.
    page_text: str = ""
    # An HTML page's title from its metadata (<title>, og:title): the first line of both texts.
    # A Markdown file's title (its front matter's, or the ``# heading`` it opens with): the first
    # line of ``text``.
    page_title: str = ""

    @property
    def stem(self) -> str:
        return self.source.stem


@dataclass(frozen=True)
class InputProblem:
    """An input that is not an article file; reported, never fatal unless nothing is left."""

    path: Path
    reason: str


def _is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _link_loops(path: Path) -> bool:
    """A symbolic link that leads back to itself (Python 3.11 raises RuntimeError, later
    versions OSError; either way it is no article and must not stop the run)."""
    try:
        path.resolve(strict=True)
    except (RuntimeError, OSError) as error:
        return isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP
    return False


def _name_problem(path: Path) -> InputProblem | None:
    """A file name that is not valid UTF-8 (a Latin-1 name from an old archive) cannot be
    written into the brief, its run record or the index: refused with a line of its own."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        readable = os.fsencode(path).decode("utf-8", errors="backslashreplace")
        return InputProblem(
            Path(readable), "file name is not valid UTF-8; rename the file to read it"
        )
    return None


# Files beside articles that are never articles: macOS's AppleDouble metadata ("._a.txt", on
# shares and USB sticks) and editors' lock links (Emacs's ".#a.txt", a dangling link).
_NOT_ARTICLE_PREFIXES = ("._", ".#")


def find_articles(paths: Iterable[Path]) -> tuple[list[Path], list[InputProblem]]:
    """Expand folders into their article files (sorted, not recursive); keep files as given.

    A symbolic link inside a folder is followed only when it stays inside that folder."""
    found: list[Path] = []
    problems: list[InputProblem] = []
    for path in paths:
        if (reason := _not_reachable(path)) is not None:
            problems.append(InputProblem(path, reason))
        elif path.is_dir():
            try:
                entries = list(path.iterdir())
            except OSError as error:  # a folder we may not list: it alone is lost
                problems.append(InputProblem(path, f"cannot read the folder: {error.strerror}"))
                continue
            children = sorted(
                child
                for child in entries
                if child.suffix.lower() in ARTICLE_SUFFIXES
                and not child.name.startswith(_NOT_ARTICLE_PREFIXES)
                and not is_folder(child)
            )
            articles = []
            for child in children:
                if (problem := _name_problem(child)) is not None:
                    problems.append(problem)
                elif _is_link(child) and _link_loops(child):
                    problems.append(InputProblem(child, "symbolic link loop, ignored"))
                elif _is_link(child) and not _is_inside(child, path):
                    problems.append(InputProblem(child, "symbolic link out of its folder, ignored"))
                elif (reason := _not_reachable(child)) is not None:
                    problems.append(InputProblem(child, reason))
                elif child.is_file():
                    articles.append(child)
                else:
                    problems.append(InputProblem(child, _not_a_file(child)))
            if articles and (note := _not_read(entries, children)):
                logger.info("%s: not read: %s", shown(path), note)
            if not articles:
                # Folders are read one level deep: say so when the articles may be further down.
                deeper = "; its subfolders are not read" if any(map(is_folder, entries)) else ""
                problems.append(
                    InputProblem(
                        path,
                        f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)} files){deeper}",
                    )
                )
            found.extend(articles)
        elif (problem := _name_problem(path)) is not None:
            problems.append(problem)
        elif path.is_file():
            found.append(path)
        elif path.is_symlink() and _link_loops(path):
            problems.append(InputProblem(path, "symbolic link loop"))
        else:
            problems.append(InputProblem(path, _not_a_file(path)))
    return found, problems


def _not_read(entries: Sequence[Path], articles: Sequence[Path]) -> str | None:
    """What of a folder's entries a run does not read, for a line of the log: other files
    (notes.docx, a file without an extension) and subfolders were skipped without a word, even
    with --verbose. Hidden files (.DS_Store) are left unsaid, as ``ls`` leaves them."""
    taken = set(articles)
    others = [e for e in entries if e not in taken and not e.name.startswith(".")]
    folders = sum(1 for entry in others if is_folder(entry))
    kinds = sorted({_extension(entry) for entry in others if not is_folder(entry)})
    files = len(others) - folders
    parts = []
    if files:
        shown_kinds = ", ".join(kinds[:_KINDS_SHOWN])
        if len(kinds) > _KINDS_SHOWN:
            shown_kinds += f" and {len(kinds) - _KINDS_SHOWN} more"
        parts.append(f"{files} file(s) that are not articles by their extension ({shown_kinds})")
    if folders:
        parts.append(f"{folders} subfolder(s) (folders are read one level deep)")
    return "; ".join(parts) or None


# Extensions named in the line of what a folder's files were not read.
_KINDS_SHOWN = 5


def _extension(path: Path) -> str:
    """A file's extension as a log line shows it (a name that is not valid UTF-8 may end in
    one that is not either)."""
    suffix = path.suffix.lower().encode("utf-8", "surrogateescape")
    return shown(suffix.decode("utf-8", "backslashreplace")) or "no extension"


def is_folder(path: Path) -> bool:
    """``path.is_dir()``, False when it cannot be looked at (see :func:`_not_reachable`)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _is_link(path: Path) -> bool:
    """``path.is_symlink()``, False when the entry cannot be looked at: in a folder we may list
    but not enter (mode r--, as ``chmod -R 644`` leaves one), Python 3.11 raises, and the run
    stopped with a traceback; :func:`_not_reachable` then says why it is no article."""
    try:
        return path.is_symlink()
    except OSError:
        return False


# Why a path cannot be looked at that the checks after :func:`_not_reachable` name themselves
# (Python 3.11's is_dir() and is_file() answer False for them): nothing there, a loop of links.
_SAID_LATER = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP})


def _not_reachable(path: Path) -> str | None:
    """Why ``path`` (or what its link leads to) cannot even be looked at: it lies in a folder
    we may not enter, or its name is too long for the file system. Python 3.11's ``is_dir()``
    and ``is_file()`` raise then, and a run stopped with a traceback; it costs that input
    alone, as an unreadable file does."""
    try:
        path.stat()
    except OSError as error:
        if error.errno not in _SAID_LATER:
            return f"cannot read: {error.strerror}"
    return None


def _not_a_file(path: Path) -> str:
    """Why ``path``, no regular file, is no article: a FIFO or device (/dev/zero) was called
    "no such file or folder", and a link to one "broken symbolic link"."""
    if path.exists():  # follows links: what is there is no regular file
        what = "symbolic link to something that is" if path.is_symlink() else "it is"
        return f"not a regular file ({what} a FIFO, device or socket)"
    return "broken symbolic link" if path.is_symlink() else "no such file or folder"


def source_sha256(path: Path, max_bytes: int) -> str | None:
    """The SHA-256 of an article file's bytes (what a brief records of its source), read
    without decoding or extracting it: whether its brief is current is known before the page
    is read. None for a file this cannot be told of (not a regular file: a FIFO would block the
    read; over ``max_bytes``; unreadable): :func:`read_article` reports those."""
    try:
        if not path.is_file() or path.stat().st_size > max_bytes:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def read_source_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """An article file's bytes; ArticleError for one that is no article from its bytes alone
    (unreadable, over ``max_bytes``, empty or ASCII white space only), without decoding it: the
    Ray engine's driver tells these before it starts Ray, with :func:`read_article`'s words."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ArticleError(
                f"{shown(path)}: {size:,} bytes is over the input.max_bytes limit of {max_bytes:,}"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{shown(path)}: cannot read: {error.strerror}") from None
    if _blank(raw):  # as the decoded text's check below words it
        raise ArticleError(
            f"{shown(path)}: empty file" if not raw else f"{shown(path)}: only whitespace"
        )
    return raw


def _blank(raw: bytes) -> bool:
    """Whether ``raw`` holds nothing but white space as :func:`read_article` reads it: ASCII
    white space (UTF-8 reads it first), or a BOM and white space in the BOM's encoding (an
    "empty" file an editor saved as UTF-8 with a BOM is its 3 bytes). Bytes a BOM's encoding
    does not decode are left to :func:`read_article` to name."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return not raw.decode(encoding).strip()
            except UnicodeDecodeError:
                return False
    return not raw.strip()


def read_article(path: Path, max_bytes: int | None = None) -> Article:
    raw = read_source_bytes(path, max_bytes)
    html = path.suffix.lower() in HTML_SUFFIXES
    text, encoding = decode_text(raw, path, declared_charset(raw) if html else None)
    if not text.strip():
        raise ArticleError(
            f"{shown(path)}: empty file" if not raw else f"{shown(path)}: only whitespace"
        )
    control = sum(1 for ch in text[:BINARY_SAMPLE] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:BINARY_SAMPLE]) * 0.05:
        raise ArticleError(f"{shown(path)}: looks binary (control characters), not text")
    left_out: tuple[tuple[str, str], ...] = ()
    whole_page = page_title = ""
    if html:
        text, left_out, whole_page, page_title = extract_html(text, path)
    elif path.suffix.lower() in MARKDOWN_SUFFIXES:
        text, left_out, page_title = markdown_article(text)
    return Article(
        source=path,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        left_out=left_out,
        page_text=whole_page,
        page_title=page_title,
    )


def extract_html(html: str, path: Path) -> tuple[str, tuple[tuple[str, str], ...], str, str]:
    """Main content of a web page as text (trafilatura), headline first, comments left out;
    the page's visible text blocks that are not in it (for the audit); the page's whole
    visible text (:func:`page_text`), which the cleaner reads with the extraction's verdict;
    and the page's title from its metadata ("" when none), the first line of both texts.

    Each block of the page (paragraph, heading, list item, table row) is one line, as a browser
    shows it: the line breaks and indentation of the HTML source inside a block are white space,
    collapsed to one space; a ``<br>`` starts a new line, and a ``<pre>`` keeps its own lines."""
    import trafilatura
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt

    if path.suffix.lower() == ".xhtml":
        html = _cdata_as_text(html)
    root, too_deep = _parse_page(html)
    page: Any = html
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
        page = _trafilatura_tree(html)
    document = trafilatura.bare_extraction(
        page,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        # trafilatura's deduplication remembers text across every document of the process, so a
        # paragraph seen in earlier inputs would vanish from this one. Repeats within the article
        # are dropped (and recorded) by the cleaning stage's "duplicates" rule instead.
        deduplicate=False,
        as_dict=False,
    )
    body = ""
    if document is not None and document.body is not None:
        # What trafilatura.extract(output_format="txt") returns, but for the source's white space.
        _collapse_source_white_space(document.body, _pre_texts(root))
        _number_extracted_items(document.body, ordered_list_markers(root))
        body = normalize_unicode(xmltotxt(document.body, include_formatting=False))
        # The spaces left at a block's ends, and lines of nothing else (white space between
        # blocks), are the source's layout too; trafilatura drops empty lines.
        body = "\n".join(filter(None, map(str.strip, body.splitlines())))
    if not body.strip():
        raise ArticleError(f"{shown(path)}: no article text found in the HTML")
    whole = page_text(root)
    body = split_at_page_lines(body, whole.splitlines())
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "").strip() if metadata is not None else ""
    if title and _a_comment_forms_heading(root, title):
        title = _title_outside_comments(root)
    # A blank line after the title keeps it a line of its own for headline detection.
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    blocks = visible_blocks(root)
    left_out = tuple((HTML_EXTRACTION, block) for block in left_out_blocks(blocks, text))
    # The page's title (its metadata: <title>, og:title) stays the first line, as above: in
    # the page's own text the headline often stands below menus, teasers and author lines.
    if title and whole and not whole.startswith(title):
        whole = f"{title}\n\n{whole}"
    return text, left_out, whole, title


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


def _title_outside_comments(root: Any) -> str:
    """trafilatura's metadata title of the page without its comment sections ("" when none):
    the ``<title>``'s headline part, say, where a comment form's heading was taken."""
    import trafilatura
    from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

    tree = copy.deepcopy(root)
    for xpath in REMOVE_COMMENTS_XPATH:
        for section in xpath(tree):
            if (parent := section.getparent()) is not None:
                parent.remove(section)
    metadata = trafilatura.extract_metadata(tree)
    return (metadata.title or "").strip() if metadata is not None else ""


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
    from difflib import SequenceMatcher

    units = _extracted_units(text)
    # Compared without white space: trafilatura drops the space between inline elements
    # ("Butter(weich)" where the page reads "Butter (weich)"), and a recipe's steps were taken
    # for blocks it left out.
    taken = "".join(text.split())
    # Each block as the extraction writes its text, for the comparison; the audit lists it
    # as the page has it.
    keys = [_as_extracted(block) for block in blocks]
    opcodes = SequenceMatcher(None, keys, units, autojunk=False).get_opcodes()
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
            flat = key.replace(_PAGE_CELL_SEPARATOR, "").replace(" ", "")
            if unpaired[key] > 0:
                unpaired[key] -= 1
            elif flat not in facing and (
                key.count(" ") < _SHORT_BLOCK_WORDS - 1 or flat not in taken
            ):
                flags[index] = False
    return flags


def _as_extracted(block: str) -> str:
    """A block's text as trafilatura writes it: without the characters Python does not print
    (soft hyphens, zero-width spaces and joiners, direction marks; web pages put them inside
    words), in NFC (an umlaut as one character, as the extraction normalizes it), white space
    collapsed. Compared as the page has it, such a paragraph was listed as left out although
    the article holds it."""
    visible = "".join(ch for ch in block if ch.isprintable() or ch.isspace())
    return " ".join(unicodedata.normalize("NFC", visible).split())


def markdown_text(markdown: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A Markdown file's text without its markup (``# ``, link targets, image syntax, quote
    marks ``>``, code fences): each block (heading, paragraph, list item, table row, code) a
    paragraph of its own, its line breaks kept, a row's cells joined by " | " (a cell alone,
    such as a number, would read as a fragment); and its images' descriptions, which are not
    article text. Parsed by markdown-it-py (CommonMark and tables)."""
    text, left_out, _ = markdown_article(markdown)
    return text, left_out


def markdown_article(markdown: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """:func:`markdown_text`, and the file's title ("" when none): its front matter's, else the
    text of the ``# heading`` (level 1) the file opens with. Both are the first line of the
    text; the cleaner takes it for the headline as it takes an HTML page's title, where on its
    shape alone a subtitle or byline under it was the brief's title."""
    from markdown_it import MarkdownIt

    front_matter, title, markdown = _split_front_matter(markdown)
    # Emphasis stays as typed: in German text a star is as often content (Bürger*innen, *lach*)
    # as markup, and the translator does no harm to a bold **word**.
    parser = MarkdownIt("commonmark").enable("table").disable("emphasis")
    parser.block.ruler.at(
        "html_block", _html_block_that_closes, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    tokens = parser.parse(markdown)
    blocks: list[str] = [title] if title else []
    opening_heading = False  # the file opens with a level-1 heading: its text is the title
    left_out: list[tuple[str, str]] = []  # images' descriptions, hidden HTML's text
    marker = ""  # a list item keeps its marker: "1. Mai: …" may be a date, "+ 2 Mio." a plus;
    # bullets are stripped (and recorded) by the cleaner's rule, as in plain text
    row: list[str] | None = None  # the cells of the table row being read
    row_line = ""  # its line of the source, and its cells as typed
    raw_row: list[str] = []
    # The source's lines as markdown-it numbers them: str.splitlines() also parts them at
    # U+2028, form feeds and other separators, and every later line was another's.
    lines = _MARKDOWN_NEWLINE.split(markdown)
    for token in tokens:
        if token.type == "tr_open":
            row, raw_row = [], []
            row_line = lines[token.map[0]] if token.map else ""
        elif token.type == "tr_close" and row is not None:
            # A row with more cells than the table's header: markdown-it leaves the others out
            # (as GFM renders the table), and their text was lost unrecorded.
            for cell in _excess_cells(row_line, raw_row):
                row.append(_inline_text(parser.parseInline(cell)[0].children or [], left_out))
            blocks.append(" | ".join(cell.strip() for cell in row))
            row = None
        elif token.type == "list_item_open":
            # Added to, not replaced: an item that opens a list of its own ("- 1. Mai: …")
            # has both markers before its text, and the outer one was lost unrecorded.
            marker += f"{token.info}{token.markup} "
        elif token.type == "list_item_close" and marker:  # an empty item: its marker alone
            blocks.append(marker.strip())
            marker = ""
        # Opens with it: after nothing that shows (a comment alone is an empty block), and
        # not in a list item (its marker would head the title).
        elif (
            token.type == "heading_open"
            and token.tag == "h1"
            and not marker
            and not any(block.strip() for block in blocks)
        ):
            opening_heading = True
        elif token.type == "inline":
            if row is not None:
                raw_row.append(token.content)
            text = marker + _inline_text(token.children or [], left_out)
            marker = ""
            if opening_heading:
                # One line, as a browser shows it: the cleaner read a setext heading's two
                # lines ("Haushalt\n2025\n===") as two blocks, neither of them the title.
                text = " ".join(text.splitlines())
                # As the text holds it: with its white space made single ("# Haushalt  2025",
                # a tab, a no-break space) the text no longer started with the title, which
                # was dropped, and the subtitle under it was the headline. The cleaner compares
                # it with the first block, white space made single.
                title, opening_heading = text, False
            (row if row is not None else blocks).append(text)
        # An item that opens with code or HTML: its marker goes before it, not to the next text
        # (a sub-item's, which got both markers).
        elif token.type in ("fence", "code_block"):
            blocks.append(marker + token.content)
            marker = ""
        elif token.type == "html_block":
            # In a <div>: a block of a comment alone is an "empty document" to lxml, and a
            # comment before the first element no part of its tree. Left open (lxml closes it):
            # a comment or <script> the block never closes took a closing "</div>" as its own
            # text, and the audit listed markup the file does not hold.
            root = _parse_html(f"<div>{token.content}")
            visible, hidden = _read_blocks(root)
            blocks.append(marker + "\n".join(visible))
            left_out += ((MARKDOWN_HIDDEN_HTML, text) for text in hidden)
            left_out += _image_descriptions(root)
            marker = ""
    text = "\n\n".join(block.strip("\n") for block in blocks if block.strip())
    if not text.startswith(title):
        title = ""  # an empty heading: never the title of the text under it
    front = tuple(
        (MARKDOWN_FRONT_MATTER, line.strip()) for line in front_matter.splitlines() if line.strip()
    )
    definitions = tuple(
        (MARKDOWN_LINK_DEFINITION, line.strip()) for line in _lines_of_no_block(tokens, lines)
    )
    return text, front + definitions + tuple(left_out), title


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
    if (tag := _INLINE_TAG.match(first)) and not _is_html_element(tag.group(2)):
        return False
    if not (tag and tag.group(2).lower() in _INVISIBLE_TAGS and not tag.group(1)):
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
    for index, child in enumerate(children):
        if child.type == "html_inline" and (tag := _INLINE_TAG.match(child.content)):
            if not _is_html_element(tag.group(2)):
                # "<Die Linke>", "<hallo welt>": CommonMark reads a tag, a browser shows
                # nothing, and the words were lost unrecorded; no element of that name is HTML.
                (hidden_parts if hidden else parts).append(child.content)
            elif tag.group(2).lower() in _INVISIBLE_TAGS and not tag.group(3):
                # An opening tag hides only up to its closing tag in the paragraph: one named
                # in the text ("per <script> eingeschleust") hid the rest of it.
                if tag.group(1) or _closed_later(children, index, tag.group(2)):
                    hidden = max(0, hidden + (-1 if tag.group(1) else 1))
                    if not hidden:
                        _add_hidden(left_out, "".join(hidden_parts))
                        hidden_parts.clear()
                elif not hidden:
                    parts.append(child.content)
            elif not hidden and tag.group(2).lower() == "img":
                left_out += _image_descriptions(_parse_html(child.content))
            elif not hidden and tag.group(2).lower() in _BLOCK_TAGS:
                parts.append("\n")  # a <br> (or a <div>) ends a line, as in a browser
        elif hidden:
            hidden_parts.append(child.content if child.content else " ")
        elif child.type == "html_inline" and (comment := _INLINE_COMMENT.fullmatch(child.content)):
            _add_hidden(left_out, comment.group(1))  # a comment, <?…?> or <![CDATA[…]]>
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")  # the cleaner reads lines, and joins wrapped ones
        elif child.type == "image" and child.content.strip():
            left_out.append((MARKDOWN_IMAGE, child.content))
    _add_hidden(left_out, "".join(hidden_parts))  # an element its paragraph never closed
    return "".join(parts)


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


def _closed_later(children: Sequence[Any], index: int, name: str) -> bool:
    """Whether the inline tag ``children[index]`` (an opening tag ``name``) has its closing tag
    later in the same paragraph."""
    closing = f"</{name.lower()}"
    return any(
        child.type == "html_inline" and child.content.lower().startswith(closing)
        for child in children[index + 1 :]
    )


# YAML front matter, as Hugo, Jekyll and Obsidian write it: "---" on the first line, closed by
# "---" or "..." alone on a line.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def _split_front_matter(markdown: str) -> tuple[str, str, str]:
    """A Markdown file's YAML front matter (or ""), the title it gives (or ""), and the rest.

    CommonMark reads front matter as a thematic break and a heading, so its fields
    ("title: … date: 2021-05-03 author: Redaktion") became the article's headline and were
    translated. Only a block that YAML reads as a mapping counts: an article may open with a
    "---" rule of its own."""
    import yaml

    match = _FRONT_MATTER.match(markdown)
    if match is None:
        return "", "", markdown
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return "", "", markdown
    if not isinstance(meta, dict):
        return "", "", markdown
    title = meta.get("title")
    title = " ".join(title.split()) if isinstance(title, str) else ""
    return match.group(1).strip(), title, markdown[match.end() :]


# Elements a browser starts on a new line (HTML's block-level and table elements).
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table "
    "td th tr ul option label button".split()
)
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})


def _is_html_element(name: str) -> bool:
    """Whether ``name`` names an element of HTML (lxml's lists of HTML 4 and 5 elements), or a
    custom element (``my-widget``: a hyphen in its name)."""
    from lxml.html import defs

    folded = name.lower()
    return (
        folded in defs.tags
        or folded in defs.html5_tags
        or folded in _NEWER_ELEMENTS
        or folded in _BLOCK_TAGS
        or folded in _INVISIBLE_TAGS
        or "-" in folded
    )


# Elements of today's HTML that lxml's lists (HTML 4, early HTML 5) do not name.
_NEWER_ELEMENTS = frozenset("main template dialog picture slot data search menu".split())


# An inline HTML tag of a Markdown paragraph: (closing "/", name, self-closing "/").
_INLINE_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")


def _parse_html(html: str) -> Any:
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


def _trafilatura_tree(html: str) -> Any:
    """The page parsed as trafilatura parses it (trafilatura.utils.load_html), but with lxml's
    huge_tree option: a tree trafilatura can take instead of the markup."""
    import lxml.html

    parser = lxml.html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    return lxml.html.fromstring(_without_xml_declaration(html), parser=parser)


# An XHTML page's first line, <?xml version="1.0" encoding="…"?>: lxml refuses a str that
# starts with an encoding declaration (ValueError), and the page is a str already decoded.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml\b[^>]*\?>")


def _without_xml_declaration(html: str) -> str:
    """The page without its XML declaration, which lxml refuses in a str: the page's blocks
    were then not read at all, and what the extraction left out was missing from the audit."""
    return _XML_DECLARATION.sub("", html, count=1)


def visible_blocks(html: Any) -> list[str]:
    """The text a reader sees on the page (markup, or the tree :func:`_parse_html` made of
    it), one entry per block (white space collapsed)."""
    return _read_blocks(html)[0]


# The comment lxml makes of a processing instruction ("<?php …?>") or CDATA section: (its text).
_BOGUS_COMMENT = re.compile(r"\A\?(.*)\?\Z|\A\[CDATA\[(.*)\]\]\Z", re.S)


def _read_blocks(html: Any) -> tuple[list[str], list[str]]:
    """:func:`visible_blocks`, and the text of the page a reader never sees (one entry per comment
    or invisible element: ``<script>``, ``<style>``, ``<title>``, …), in one walk without
    recursion: pages nest elements thousands deep."""
    import lxml.etree

    root = _parse_html(html) if isinstance(html, str) else html
    if root is None:
        return [], []
    blocks: list[str] = []
    parts: list[str] = []
    hidden_blocks: list[str] = []
    hidden_parts: list[str] = []  # the text of the invisible element being walked
    hidden = 0  # depth inside invisible elements
    markers = ordered_list_markers(root)

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
            if tag in _INVISIBLE_TAGS:
                hidden += 1
            elif tag in _BLOCK_TAGS and not hidden:
                flush(blocks, parts)
            if element in markers and not hidden:
                parts.append(f"{markers[element]} ")
            if tag and element.text:
                (hidden_parts if hidden else parts).append(element.text)
            continue
        if tag in _INVISIBLE_TAGS:
            hidden -= 1
            if not hidden:
                flush(hidden_blocks, hidden_parts)
        elif tag in _BLOCK_TAGS and not hidden:
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
_PAGE_HIDDEN_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "select", "datalist", "iframe"}
)


def _hidden(element: Any) -> bool:
    """Whether the page hides ``element`` (its ``hidden`` attribute): the cleaner kept such a
    paragraph, and it reached the brief. Not ``display: none`` in a style or
    ``aria-hidden="true"``: a paywall, a tab or a dialog hides article text so until a script
    shows it, and the extraction takes it."""
    attributes = element.attrib
    return "hidden" in attributes


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
            out.append(text if pre else _HTML_WHITE_SPACE.sub(" ", text))

    # (element, closing?, inside <pre>)
    stack: list[tuple[Any, bool, bool]] = [(start, False, False)]
    while stack:
        element, closing, pre = stack.pop()
        tag = element.tag.lower() if isinstance(element.tag, str) else None
        if closing:
            if tag in _PAGE_BLOCK_TAGS:
                brk(2 if tag == "p" else 1)
            if element is not start:
                add(element.tail, pre)
            continue
        if tag is None or tag in _PAGE_HIDDEN_TAGS or _hidden(element):  # a comment, or hidden
            if element is not start:
                add(element.tail, pre)
            continue
        inner = pre or tag == "pre"
        if tag in _PAGE_BLOCK_TAGS:
            brk(2 if tag == "p" else 1)
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
