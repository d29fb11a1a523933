"""Finding article files and reading them as text, whatever their encoding (the decoding is
:mod:`summarize.decoding`); an HTML page's or a Markdown file's text is read by
:mod:`summarize.ingest.html` and :mod:`summarize.ingest.markdown`.

Problems with one input (missing, binary, too large, undecodable, a link out of its folder) are
reported as :class:`InputProblem` / :class:`ArticleError` and never stop the other articles.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarize.decoding import (
    BINARY_SAMPLE,
    BOMS,
    declared_charset,
    decode_text,
    refuse_binary,
    stray_nuls,
)
from summarize.errors import (
    ArticleError,
    SummarizeError,
    UsageError,
    defect_on_article,
    is_article_defect,
    shown,
    shows_text,
)
from summarize.ingest.details import NO_DETAILS, SourceDetails
from summarize.ingest.html import HTML_SUFFIXES, extract_html
from summarize.ingest.markdown import MARKDOWN_SUFFIXES, markdown_article, markdown_details

logger = logging.getLogger("summarize")

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml")
# A file named on the command line with another suffix is read as plain text, unless it is a web
# page saved under its server's name ("artikel.php", "index.aspx", "news.shtml", no suffix),
# or a fragment of one ("<div class=…>"): its tags and scripts went to the translator as text.
# So is a ".txt" file that starts as a page (a scraper's or a shell's `curl … > artikel.txt`):
# every line of its markup was a paragraph to translate, "<!DOCTYPE html>" the first. Told by
# how it starts (a byte order mark, white space and comments before the first tag).
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|(?:html|head|body|meta|title|div|p|article|section|main|header|table"
    rb"|h[1-6])[\s>/])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_SNIFF_BYTES = 4096
# Formats that are no text at all, by their first bytes: said as such (a Word file was "no
# article text left after cleaning").
_DOCUMENT_MAGIC = {
    b"PK\x03\x04": "a zip archive (a Word or OpenDocument file?)",
    b"%PDF-": "a PDF",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}
# Compressed files, by their first bytes, and the tool that decompresses each: a page a scraper
# saved as its server sent it ("Content-Encoding: gzip") was "binary file (contains NUL bytes)",
# which told nothing of what to do.
_COMPRESSED_MAGIC = {
    b"\x1f\x8b": ("gzip", "gunzip"),
    b"\xfd7zXZ\x00": ("xz", "unxz"),
    b"\x28\xb5\x2f\xfd": ("zstd", "unzstd"),
}
# A web archive (MHTML: what Chrome and Edge save as "Webpage, Single File", .mhtml or .mht),
# by its MIME header lines up to a multipart/related type: read as plain text, its headers and
# its page's quoted-printable HTML ("<p>Der Bundestag hat am Donnerstag =C3=BCber …") were
# translated as the article.
_WEB_ARCHIVE = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
    rb"content-type:[ \t]*(?:\r?\n[ \t]+)?multipart/related\b",
    re.IGNORECASE,
)
_WEB_ARCHIVE_SNIFF_BYTES = 8192
# A line end written CR CR LF ("\r\r\n"): a file's CRLF turned into CRLF again (written in text
# mode on Windows, an FTP "ASCII" transfer, git's autocrlf on a file already CRLF). Python and
# CommonMark read the lone CR as a line end of its own, a blank line after every line: in a
# text or Markdown file each line was a paragraph, a hard-wrapped sentence cut in two for the
# translator ("Der Bundestag muss noch" / "zustimmen, was …"). One line end, as written first.
_DOUBLED_CR = re.compile(r"\r+\r\n")
# A form feed that opens a line: a page break, as pdftotext writes one before each page's first
# line ("… ein neues Gesetz\n\fbeschlossen, das …"). Python and the cleaner read it as a line
# end of its own, a blank line after the page's last: a sentence that went on over the page was
# cut into two paragraphs for the translator. The page's first line follows the last one's
# line end; a form feed alone on its line leaves that line blank, a paragraph's end as before.
_PAGE_BREAK = re.compile(r"(?<=[\r\n])\f+")


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
    # What the page's metadata or the file's front matter says of the source: its address,
    # date, author and site ("" each where it says nothing); the brief shows them.
    details: SourceDetails = NO_DETAILS

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


def _name_problem(path: Path, folder: bool = False) -> InputProblem | None:
    """A file name that is not valid UTF-8 (a Latin-1 name from an old archive) cannot be
    written into the brief, its run record or the index: refused with a line of its own. Where
    the name is a folder's (``folder``, or one that holds the file), that folder is named: each
    file of one was refused as "file name is not valid UTF-8; rename the file", of names that
    were valid, one line a file."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return None
    bad = next(part for part in (*reversed(path.parents), path) if not _utf8_name(part))
    what = "its articles" if folder else "it"
    if bad != path:
        reason = (
            f"the name of its folder {_readable(bad)} is not valid UTF-8; rename that folder "
            f"to read {what}"
        )
    elif folder:
        reason = "folder name is not valid UTF-8; rename the folder to read its articles"
    else:
        reason = "file name is not valid UTF-8; rename the file to read it"
    return InputProblem(Path(_readable(path)), reason)


def _utf8_name(path: Path) -> bool:
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _readable(path: Path) -> str:
    """A path whose bytes are not UTF-8, each such byte written as Python's ``\\xe9``."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


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
            if (problem := _name_problem(path, folder=True)) is not None:
                problems.append(problem)
                continue
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
            refused = len(problems)  # problems found before this folder's files
            briefs: list[Path] = []  # the files this tool wrote (briefs, indexes, view pages)
            own: Counter[str] = Counter()  # of them, how many of each kind
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
                    if kind := _written_by_summarize(child):
                        briefs.append(child)
                        own[kind] += 1
                    else:
                        articles.append(child)
                else:
                    problems.append(InputProblem(child, _not_a_file(child)))
            if articles and (note := _not_read(entries, children)):
                logger.info("%s: not read: %s", shown(path), note)
            if briefs:
                # An output folder of an earlier run given as input: its briefs were summarized
                # again ("nested.md.md"), its index.md skipped as English.
                what = [f"{own[kind]} {kind}" for kind in _OWN_OUTPUTS if own[kind]]
                logger.warning(
                    "%s: not read: %s of summarize's own (%s)",
                    shown(path), " and ".join(what), ", ".join(shown(brief) for brief in briefs[:3])
                    + (" …" if len(briefs) > 3 else ""),
                )  # fmt: skip
            if not articles and len(problems) == refused:
                # Folders are read one level deep: say so when the articles may be further down.
                # A folder whose article files were each refused with a line of their own (a
                # name not UTF-8, a link out of it) holds articles: "holds no articles" was false.
                # What it holds instead, by extension, as the log says beside articles: a
                # folder of .gz pages or .pdf files was said to hold "no articles" alone.
                others = _other_files(entries, children)
                beside = f"; it holds {others}" if others else ""
                deeper = "; its subfolders are not read" if any(map(is_folder, entries)) else ""
                problems.append(
                    InputProblem(
                        path,
                        f"folder holds no articles ({', '.join(ARTICLE_SUFFIXES)} files)"
                        f"{beside}{deeper}",
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


def _written_by_summarize(path: Path) -> str | None:
    """Whether ``path`` is a brief (its front matter names its ``record_id``), the index of a
    run of this tool or a page of ``summarize view`` (its generator), by its first lines: a
    kind of ``_OWN_OUTPUTS``, or None for anything else."""
    suffix = path.suffix.lower()
    if suffix != ".md" and suffix not in HTML_SUFFIXES:
        return None
    from summarize.render import INDEX_TITLE  # render reads ingest's records: imported here

    try:
        with path.open("rb") as handle:
            head = handle.read(_OWN_OUTPUT_SNIFF_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return None
    if suffix != ".md":
        # A site written into an input folder (`view --to`) was read as articles by the next run.
        return "view page(s)" if _VIEW_GENERATOR in head else None
    # A brief checked out with git's autocrlf or saved by a Windows editor is still one (its
    # "---\r\n" front matter was read as an article's, and the brief summarized again).
    head = head.replace("\r\n", "\n")
    if head.splitlines()[:1] == [INDEX_TITLE]:
        return "index(es)"
    front = head.split("\n---", 1)[0] if head.startswith("---\n") else ""
    return "brief(s)" if "\nrecord_id: " in front and "\nrecord: " in front else None


_OWN_OUTPUTS = ("brief(s)", "index(es)", "view page(s)")
# What every page of `summarize view` carries (templates/base.html.j2).
_VIEW_GENERATOR = '<meta name="generator" content="summarize '


# How much of a Markdown file is read to tell a brief of this tool (its front matter, about 1 KB).
_OWN_OUTPUT_SNIFF_BYTES = 16384


def _not_read(entries: Sequence[Path], articles: Sequence[Path]) -> str | None:
    """What of a folder's entries a run does not read, for a line of the log: other files
    (notes.docx, a file without an extension) and subfolders were skipped without a word, even
    with --verbose. Hidden files (.DS_Store) are left unsaid, as ``ls`` leaves them."""
    parts = []
    if files := _other_files(entries, articles):
        parts.append(files)
    if folders := sum(1 for entry in _unread(entries, articles) if is_folder(entry)):
        parts.append(f"{folders} subfolder(s) (folders are read one level deep)")
    return "; ".join(parts) or None


def _unread(entries: Sequence[Path], articles: Sequence[Path]) -> list[Path]:
    """A folder's entries that are not its articles, hidden ones (.DS_Store) left out."""
    taken = set(articles)
    return [e for e in entries if e not in taken and not e.name.startswith(".")]


def _other_files(entries: Sequence[Path], articles: Sequence[Path]) -> str | None:
    """How many of a folder's files are not articles by their extension, and which extensions
    ("2 file(s) that are not articles by their extension (.gz, .pdf)"), or None."""
    files = [entry for entry in _unread(entries, articles) if not is_folder(entry)]
    if not files:
        return None
    kinds = sorted({_extension(entry) for entry in files})
    shown_kinds = ", ".join(kinds[:_KINDS_SHOWN])
    if len(kinds) > _KINDS_SHOWN:
        shown_kinds += f" and {len(kinds) - _KINDS_SHOWN} more"
    return f"{len(files)} file(s) that are not articles by their extension ({shown_kinds})"


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


# The name that stands for standard input in most Unix tools; no file of that name is there.
STANDARD_INPUT = "-"


def _not_a_file(path: Path) -> str:
    """Why ``path``, no regular file, is no article: a FIFO or device (/dev/zero) was called
    "no such file or folder", and a link to one "broken symbolic link"."""
    if path.exists():  # follows links: what is there is no regular file
        what = "symbolic link to something that is" if path.is_symlink() else "it is"
        return f"not a regular file ({what} a FIFO, device or socket)"
    if path.is_symlink():
        return "broken symbolic link"
    if str(path) == STANDARD_INPUT:  # the Unix convention: `curl … | summarize run -`
        return "reading an article from standard input is not supported; save it to a file"
    return "no such file or folder"


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
    (unreadable, over ``max_bytes``, empty or ASCII white space only, a PDF or Word document,
    a binary file), without decoding it: the Ray engine's driver tells these before it starts
    Ray, with :func:`read_article`'s words (a rerun whose one new input was a binary file
    started Ray and loaded both models to say so)."""
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
    for magic, kind in _DOCUMENT_MAGIC.items():
        if raw.startswith(magic):
            raise ArticleError(f"{shown(path)}: {kind}, not text; save the article as .txt")
    for magic, (kind, tool) in _COMPRESSED_MAGIC.items():
        if raw.startswith(magic):
            raise ArticleError(
                f"{shown(path)}: {kind}-compressed, not text (a page saved as its server sent "
                f"it, such as by curl without --compressed?); decompress it first ({tool})"
            )
    if _WEB_ARCHIVE.match(raw[:_WEB_ARCHIVE_SNIFF_BYTES]):
        raise ArticleError(
            f"{shown(path)}: a web archive (MHTML, a page saved as one file), not text; save "
            "the page as HTML only (.html)"
        )
    refuse_binary(raw, path)
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


def _reads_as_html(path: Path, raw: bytes) -> bool:
    """Whether ``path`` is read as an HTML page: by its suffix, or for a ``.txt`` file or one
    with none of the article suffixes, by its start (see _HTML_START). A Markdown file's HTML
    is Markdown's to read."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return True
    if suffix in MARKDOWN_SUFFIXES or _HTML_START.match(_start_as_utf8(raw)) is None:
        return False
    logger.info("%s: read as an HTML page (it starts as one)", shown(path))
    return True


def _start_as_utf8(raw: bytes) -> bytes:
    """The start of ``raw`` (_HTML_SNIFF_BYTES) as UTF-8 bytes, for _HTML_START: a page saved
    in UTF-16 or UTF-32 ("Unicode" in Windows editors; with a BOM or, as UTF-16, without one)
    has a NUL beside each of its ASCII letters, and was read as plain text, its tags and
    scripts sent to the translator. Bytes :func:`read_source_bytes` let through with a NUL in
    them and no BOM are UTF-16 without one."""
    head = raw[:_HTML_SNIFF_BYTES]
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            if encoding == "utf-8-sig":
                return head
            return head.decode(encoding, errors="ignore").encode("utf-8")
    if b"\x00" not in head or stray_nuls(raw):
        return head
    # Latin text in UTF-16 puts its NULs in the high bytes: odd positions in little-endian.
    little = head[1::2].count(0) >= head[::2].count(0)
    return head.decode("utf-16-le" if little else "utf-16-be", errors="ignore").encode("utf-8")


def read_article(path: str | os.PathLike[str], max_bytes: int | None = None) -> Article:
    """The article in ``path``, read as its kind (text, Markdown, HTML). Raises ArticleError,
    also for an exception a defect raised in reading it (an HTML fragment made lxml fail an
    assertion, and the whole run ended on it).

    ``path`` as ``Pipeline.run`` takes one: a str's leading ``~`` is the home folder, a Path is
    taken as it is. A str failed as "a defect of summarize … ('str' object has no attribute
    'stat')"; what is no path (None, a number) raises TypeError."""
    path = _article_path(path)
    try:
        return _read_article(path, max_bytes)
    except SummarizeError:
        raise
    except BaseException as error:
        if not is_article_defect(error):
            raise
        logger.debug("reading %s failed", shown(path), exc_info=error)
        raise defect_on_article(path, "reading", error) from error


# A web address as a line of text holds it: "https://…" or "www.…" up to the next white space.
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)


def _refuse_without_words(path: Path, text: str) -> None:
    """Refuse a text or Markdown file that holds no letter outside web addresses: a saved link
    (``https://www.spiegel.de/…``) or a column of figures. Such a file failed as "no article
    text left after cleaning" with advice to disable the ``fragments`` rule, which would only
    have sent the address or the digits to the translator."""
    without_addresses = _WEB_ADDRESS.sub(" ", text)
    if any(char.isalpha() for char in without_addresses):
        return
    if without_addresses != text:
        raise ArticleError(
            f"{shown(path)}: only a web address, no article text; summarize downloads nothing: "
            "save the page (e.g. curl -o artikel.html URL) and give that file"
        )
    raise ArticleError(f"{shown(path)}: no words, only digits and signs; no article text")


def _article_path(path: object) -> Path:
    from summarize.config import is_path, path_in_code  # pydantic: only where one is given

    if not is_path(path):
        raise TypeError(
            "read_article takes the article's file as a str or pathlib.Path, not "
            f"{type(path).__name__} ({path!r:.60})"
        )
    # As run() refuses one: read_article("") read the folder "." and said ".: cannot read: Is a
    # directory", naming no article.
    if isinstance(path, str) and not path.strip():
        raise UsageError(f"an empty path ({path!r}); give the article's file name")
    return path_in_code(path)  # type: ignore[arg-type]


def _read_article(path: Path, max_bytes: int | None = None) -> Article:
    raw = read_source_bytes(path, max_bytes)
    html = _reads_as_html(path, raw)
    text, encoding = decode_text(raw, path, declared_charset(raw) if html else None, markup=html)
    if not text.strip():
        raise ArticleError(
            f"{shown(path)}: empty file" if not raw else f"{shown(path)}: only whitespace"
        )
    if not shows_text(text):
        # Zero-width spaces and joiners, soft hyphens, a BOM: nothing a reader sees. Such a
        # file failed as "no article text left after cleaning", its audit empty: the user
        # looked for a cleaning rule that had taken the article.
        raise ArticleError(
            f"{shown(path)}: no visible text (only white space and invisible characters "
            "such as zero-width spaces)"
        )
    control = sum(1 for ch in text[:BINARY_SAMPLE] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > len(text[:BINARY_SAMPLE]) * 0.05:
        raise ArticleError(f"{shown(path)}: looks binary (control characters), not text")
    left_out: tuple[tuple[str, str], ...] = ()
    whole_page = page_title = ""
    details = SourceDetails()
    if html:
        text, left_out, whole_page, page_title, details = extract_html(text, path)
    else:
        text = _PAGE_BREAK.sub("", _DOUBLED_CR.sub("\r\n", text))
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            details = markdown_details(text)
            text, left_out, page_title = markdown_article(text, path)
    if not html and shows_text(text):  # (Markdown that shows nothing: its audit says why)
        _refuse_without_words(path, f"{page_title}\n{text}")
    return Article(
        source=path,
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        left_out=left_out,
        page_text=whole_page,
        page_title=page_title,
        details=details,
    )
