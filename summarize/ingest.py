"""Ingest: find article files and read them as text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import ArticleError, UsageError

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Article:
    source: Path
    text: str
    sha256: str

    @property
    def stem(self) -> str:
        return self.source.stem


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their article files (sorted); keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.iterdir()
                    if child.is_file() and child.suffix.lower() in ARTICLE_SUFFIXES
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    if not found:
        names = ", ".join(str(path) for path in paths)
        raise UsageError(
            f"no articles found in {names} (looked for {', '.join(ARTICLE_SUFFIXES)} files)"
        )
    return found


def read_article(path: Path) -> Article:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path}: cannot read: {error.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")  # a BOM is not part of the article
    except UnicodeDecodeError as error:
        raise ArticleError(f"{path}: not valid UTF-8 (byte {error.start})") from None
    if not text.strip():
        raise ArticleError(f"{path}: empty file")
    if path.suffix.lower() in HTML_SUFFIXES:
        text = extract_html(text, path)
    return Article(source=path, text=text, sha256=hashlib.sha256(raw).hexdigest())


def extract_html(html: str, path: Path) -> str:
    """Main content of a web page as text (trafilatura), headline first, comments left out."""
    import trafilatura

    body = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=True,
    )
    if not body or not body.strip():
        raise ArticleError(f"{path}: no article text found in the HTML")
    metadata = trafilatura.extract_metadata(html)
    title = (metadata.title or "").strip() if metadata is not None else ""
    # A blank line after the title keeps it a line of its own for headline detection.
    return f"{title}\n\n{body}" if title and not body.startswith(title) else body
