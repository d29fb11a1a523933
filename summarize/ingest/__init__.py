"""Ingest: find article files and read them as text (:mod:`.files`); an HTML page's main text
and whole visible text (:mod:`.html`); a Markdown file's text without its markup
(:mod:`.markdown`). What reading a file left out is kept with the article for the audit."""

from summarize.ingest.files import (
    ARTICLE_SUFFIXES,
    Article,
    InputProblem,
    find_articles,
    is_folder,
    read_article,
    read_source_bytes,
    source_sha256,
)
from summarize.ingest.html import (
    HTML_EXTRACTION,
    HTML_SUFFIXES,
    extract_html,
    extraction_flags,
    left_out_blocks,
    page_text,
    visible_blocks,
)
from summarize.ingest.markdown import (
    MARKDOWN_CALLOUT,
    MARKDOWN_COMMENT,
    MARKDOWN_EMBED,
    MARKDOWN_FRONT_MATTER,
    MARKDOWN_HEADING_ATTRIBUTES,
    MARKDOWN_HIDDEN_HTML,
    MARKDOWN_IMAGE,
    MARKDOWN_LINK_DEFINITION,
    MARKDOWN_SUFFIXES,
    MARKDOWN_TEMPLATE_TAG,
    markdown_article,
    markdown_text,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "HTML_EXTRACTION",
    "HTML_SUFFIXES",
    "MARKDOWN_CALLOUT",
    "MARKDOWN_COMMENT",
    "MARKDOWN_EMBED",
    "MARKDOWN_FRONT_MATTER",
    "MARKDOWN_HEADING_ATTRIBUTES",
    "MARKDOWN_HIDDEN_HTML",
    "MARKDOWN_IMAGE",
    "MARKDOWN_LINK_DEFINITION",
    "MARKDOWN_SUFFIXES",
    "MARKDOWN_TEMPLATE_TAG",
    "Article",
    "InputProblem",
    "extract_html",
    "extraction_flags",
    "find_articles",
    "is_folder",
    "left_out_blocks",
    "markdown_article",
    "markdown_text",
    "page_text",
    "read_article",
    "read_source_bytes",
    "source_sha256",
    "visible_blocks",
]
