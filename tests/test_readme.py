"""The repository's Markdown documents link to what exists: a file, and a heading in it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    REPO / "README.md",
    REPO / "models" / "README.md",
    *sorted(REPO.glob("benchmarks/*.md")),
]
# [text](target): a target without white space, as these documents write their links.
_LINK = re.compile(r"\]\(([^)\s]+)\)")
# `code` spans and fenced blocks hold Markdown as text ("und ![Bild](…)"), never a link.
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(document: Path) -> set[str]:
    text = _CODE.sub("", document.read_text(encoding="utf-8"))
    return {_anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


def _relative_links(document: Path) -> list[str]:
    text = _CODE.sub("", document.read_text(encoding="utf-8"))
    return [link for link in _LINK.findall(text) if not re.match(r"[a-z]+:", link)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_relative_links_reach_a_file_and_heading(document: Path) -> None:
    for link in _relative_links(document):
        path, _, anchor = link.partition("#")
        target = (document.parent / path).resolve() if path else document
        assert target.exists(), (document.name, link)
        if anchor:
            assert anchor in _anchors(target), (document.name, link)


def test_the_link_reader_finds_the_readmes_links() -> None:
    links = _relative_links(REPO / "README.md")
    assert any("#" in link for link in links) and any(link.endswith(".png") for link in links)
