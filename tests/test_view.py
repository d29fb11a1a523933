"""``summarize view``: the static HTML site, parsed as a browser would, and photographed."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

import pytest
from conftest import ctrl_c_at_the_summary_line, invoke_as_in_a_terminal
from filelock import FileLock
from test_render import HOSTILE, make_brief

from summarize.checks import KeyFact, TranslationWarning
from summarize.errors import UsageError
from summarize.ingest.details import SourceDetails
from summarize.outputs import LOCK_FILENAME, no_run_writing, output_lock, write_brief
from summarize.render import ParagraphPair, audit_ends_brief
from summarize.view import build_site, summary_segments

VOID = {"meta", "br", "img", "link", "input", "hr", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        found = []
        for child in self.children:
            if isinstance(child, Element):
                if (tag is None or child.tag == tag) and (cls is None or cls in child.classes):
                    found.append(child)
                found += child.find_all(tag, cls)
        return found


class TreeBuilder(HTMLParser):
    """A small DOM from html.parser; fails on a closing tag that does not match (broken nesting)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(path: Path) -> Element:
    return parse_html(path.read_text(encoding="utf-8"))


def parse_html(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, "unclosed elements"
    return builder.root


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    output = tmp_path / "briefs"
    output.mkdir()
    records = {
        f"article-{n}": write_brief(output / f"article-{n}.md", make_brief(n)) for n in (1, 0)
    }
    (output / "index.md").write_text("# not a record\n", encoding="utf-8")
    report = build_site(output, tmp_path / "site")
    assert report.problems == ()
    return tmp_path / "site", records


def test_each_brief_page_shows_the_article_side_by_side(site) -> None:
    folder, records = site
    assert sorted(p.name for p in folder.iterdir()) == [
        "article-0.html",
        "article-1.html",
        "index.html",
    ]
    record = records["article-0"]
    page = parse(folder / "article-0.html")
    (h1,) = page.find_all("h1")
    assert h1.text() == record.title
    assert [s.attrs.get("id") for s in page.find_all("section")] == [
        "summary",
        "checks",
        "article",
        "removed",
        "record",
    ]
    pairs = page.find_all("div", "pair")
    assert len(pairs) == len(record.paragraphs)
    for number, (pair, paragraph) in enumerate(zip(pairs, record.paragraphs, strict=True), 1):
        (english,) = pair.find_all("p", "en")
        (german,) = pair.find_all("p", "de")
        assert (english.attrs["lang"], german.attrs["lang"]) == ("en", "de")
        assert squash(english.text()) == squash(paragraph.english)
        assert squash(german.text()) == squash(paragraph.german)
        assert pair.attrs["id"] == f"p{number}"
    # The warned sentence is marked on both sides, in the first paragraph only.
    assert [squash(s.text()) for s in pairs[0].find_all("span", "warned")] == [
        "Many are dead.",
        "Viele sind tot.",
    ]
    assert not pairs[1].find_all("span", "warned")
    (summary,) = page.find_all("p", "summary")
    assert squash(summary.text()) == squash(record.summary.text)
    assert [mark.text() for mark in summary.find_all("mark", "flag")] == ["15,000"]
    details = page.find_all("details")
    assert [squash(d.find_all("summary")[0].text()) for d in details] == [
        "3 lines or spans removed by 2 rules",
        "Models, settings, timings and counts",
    ]
    removed = [squash(li.text()) for li in details[0].find_all("li")]
    assert removed == [
        "Teilen auf Facebook",
        "Twitter",
        "<details>Anzeige</details> www.ads.example",
    ]


def test_article_text_stays_text_and_nothing_leaves_the_folder(site) -> None:
    folder, _ = site
    for path in folder.iterdir():
        page = parse(path)
        tags = {element.tag for element in page.find_all()}
        assert not tags & {"script", "img", "iframe", "link", "object", "embed", "form"}
        assert len(page.find_all("style")) == 1  # inline CSS, no stylesheet to fetch
        for element in page.find_all():
            for name, value in element.attrs.items():
                assert "://" not in value and not value.startswith("//"), (name, value)
                assert not name.startswith("on"), name
        hrefs = [a.attrs["href"] for a in page.find_all("a")]
        allowed = re.compile(r"^(index\.html|article-\d\.html|#p\d+)$")
        assert hrefs and all(allowed.match(href) for href in hrefs), hrefs
    text = squash(parse(folder / "article-0.html").text())
    assert squash(HOSTILE.replace("Siehe", "See")) in text and squash(HOSTILE) in text


def test_the_record_section_shows_the_run_settings_of_the_brief(tmp_path: Path) -> None:
    """The run record's other settings (cleaning, version, map-reduce rounds) changed the brief
    as the models did; the page's "Models, settings, timings and counts" left them out."""
    output = tmp_path / "briefs"
    output.mkdir()
    settings = {"version": "9.9.9", "clean": {"threshold": 0.5}, "max_reduce_rounds": 3}
    write_brief(output / "a.md", dataclasses.replace(make_brief(), settings=settings))
    build_site(output, tmp_path / "site")
    (record,) = [
        d for d in parse(tmp_path / "site" / "a.html").find_all("details") if "Models" in d.text()
    ]
    rows = dict(
        zip(*(map(Element.text, record.find_all(tag)) for tag in ("dt", "dd")), strict=True)
    )
    assert rows["settings.version"] == "9.9.9"
    assert rows["settings.clean"] == '{"threshold": 0.5}'
    assert rows["settings.max_reduce_rounds"] == "3"


@pytest.mark.parametrize(
    ("clean", "note"),
    [
        (
            {"enabled": False},
            "Cleaning was off (`clean.enabled = false`): no cleaning rule ran, so the page's "
            "menus, ads or share lines may stand in the article.",
        ),
        (
            {"enabled": True, "disable": ["promo", "tail"]},
            "2 rules switched off (`clean.disable`): promo, tail.",
        ),
    ],
)
def test_the_audit_says_when_cleaning_or_a_rule_of_it_was_off(
    tmp_path: Path, clean: dict[str, object], note: str
) -> None:
    """A brief made with clean.enabled = false said "Nothing was removed." under "Removed by
    the cleaner", in the Markdown and on its page, as for a page the rules found clean: the
    "Teilen auf Facebook" and "Anzeige" lines left in its article read as the article's own.
    The audit says that cleaning was off (or which rules were), above what it lists."""
    output = tmp_path / "briefs"
    output.mkdir()
    brief = dataclasses.replace(make_brief(), settings={"clean": clean}, dropped=())
    record = write_brief(output / "a.md", brief)
    markdown = (output / "a.md").read_text(encoding="utf-8")
    audit = markdown.split("\n## Removed by the cleaner\n", 1)[1]
    assert audit.strip().split("\n\n") == [f"*{note}*", "*Nothing was removed.*"]
    assert audit_ends_brief(markdown, record)  # still read as a whole brief
    build_site(output, tmp_path / "site")
    page = parse(tmp_path / "site" / "a.html")
    (removed,) = [
        section for section in page.find_all("section") if section.attrs.get("id") == "removed"
    ]
    shown = [squash(paragraph.text()) for paragraph in removed.find_all("p")]
    assert shown == [note.replace("`", ""), "Nothing was removed."]


def test_the_front_page_lists_every_brief_in_order(site) -> None:
    folder, records = site
    page = parse(folder / "index.html")
    assert len(page.find_all("h1")) == 1
    items = page.find_all("ul", "briefs")[0].find_all("li")
    assert [item.find_all("a")[0].attrs["href"] for item in items] == [
        "article-0.html",
        "article-1.html",
    ]
    first = squash(items[0].text())
    assert records["article-0"].title in first and "in/article-0.txt" in first
    assert "North Korea sent 15,000 soldiers (see www.example.com)." in first
    assert "1 unsupported item" in first and "1 translation warning" in first
    assert squash(page.find_all("p", "totals")[0].text()).startswith("2 briefs · 2 unsupported")


def test_the_parts_of_a_meta_line_read_apart_in_the_pages_text(site) -> None:
    """The line under an index entry ran its date into the first count, with nothing between
    them in the page's text (a screen reader read "brief written 2026-11-301 unsupported item";
    the badge's border alone parted them on the screen), and the parts of the meta lines were
    parted by CSS alone: a copy and a text browser read "in/article-0.txtbrief written"."""
    folder, _ = site
    page = parse(folder / "index.html")
    for number, item in enumerate(page.find_all("ul", "briefs")[0].find_all("li")):
        meta = squash(item.find_all("p", "meta")[0].text())
        expected = rf"^in/article-{number}\.txt · brief written 2026-11-30 UTC \d+ unsupported item"
        assert re.search(expected, meta), meta
    metas = [squash(p.text()) for p in parse(folder / "article-0.html").find_all("p", "meta")]
    [meta] = [meta for meta in metas if "brief written" in meta]
    assert meta.startswith("in/article-0.txt · brief written 2026-11-30 13:00 UTC · translated by")
    assert " · summarized by sshleifer/distilbart-cnn-12-6" in meta


def test_the_front_page_lists_the_briefs_in_the_order_of_index_md(tmp_path: Path) -> None:
    """Both front pages sort by the brief's file name (the site sorted by the record's, so
    "bericht" and "bericht.kurz" came in another order there), and in a German reader's order:
    by code point, capitals came before small letters and "Ärger" after "Zoll"."""
    from summarize.outputs import write_index

    output = tmp_path / "briefs"
    output.mkdir()
    names = ("Zoll", "bericht.kurz", "straße", "Ärger", "teil-10", "bericht", "apfel", "Strasse")
    for name in (*names, "teil-2", "bericht-2", "Birne"):
        write_brief(output / f"{name}.md", make_brief(0))
    index_md = write_index(output).read_text(encoding="utf-8")
    in_markdown = re.findall(r"\]\(<(.+?)\.md>\)", index_md)
    assert in_markdown == [
        "apfel",
        "Ärger",
        "bericht",
        "bericht-2",
        "bericht.kurz",
        "Birne",
        "Strasse",  # equal to "straße" but for the letters themselves: by code point
        "straße",
        "teil-2",
        "teil-10",
        "Zoll",
    ]
    build_site(output, tmp_path / "site")
    page = parse(tmp_path / "site" / "index.html")
    hrefs = [unquote(a.attrs["href"]) for a in page.find_all("a", "title")]
    # "straße" and "Strasse" are one name on a Mac: the second in code point order gets its
    # page apart (test_briefs_named_apart_only_by_full_case_folding_get_pages_apart).
    assert [re.sub(r"-[0-9a-f]{8}(?=\.html$)", "", href) for href in hrefs] == [
        f"{name}.html" for name in in_markdown
    ]
    assert len({href.casefold() for href in hrefs}) == len(hrefs)


def test_the_front_page_says_what_the_latest_run_left_without_a_brief(tmp_path: Path) -> None:
    """index.md names each article the latest run failed on or skipped; the site's front page
    named none: a reader of the site met an article's brief of an earlier run (its source since
    emptied) with no word that the latest run failed on it, and 2 failed articles of 11 were
    nowhere to be seen. Its text is the run's escaped Markdown: it adds no HTML and no link."""
    from summarize.outputs import write_index

    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", make_brief(0))
    failed = ("failed: in/article-0.txt: empty file", f"skipped: in/{HOSTILE}.txt: English")
    write_index(output, "0 written, 0 up to date, 1 skipped, 1 failed", without_brief=failed)
    build_site(output, tmp_path / "site")
    page = parse(tmp_path / "site" / "index.html")
    latest = page.find_all("section", "latest-run")
    assert len(latest) == 1
    assert squash(latest[0].find_all("p")[0].text()) == (
        "Latest run: 0 written, 0 up to date, 1 skipped, 1 failed."
    )
    assert [squash(item.text()) for item in latest[0].find_all("li")] == list(failed)
    assert not page.find_all("script") and not latest[0].find_all("a")
    assert len(page.find_all("ul", "briefs")[0].find_all("li")) == 1
    # Nothing to add without a run's index (records copied alone, or a user's own index.md).
    for index in ("", "# My notes\n\nLatest run: yesterday\n"):
        (output / "index.md").write_text(index, encoding="utf-8")
        build_site(output, tmp_path / "site")
        assert not parse(tmp_path / "site" / "index.html").find_all("section", "latest-run")


def test_the_front_page_heads_the_briefs_with_their_count_as_index_md_does(
    tmp_path: Path,
) -> None:
    """index.md heads its entries "Briefs (N):" after the latest run's list of articles without
    a brief; the site's front page had no such heading, and its briefs read as more of that
    list (the articles the run failed on)."""
    from summarize.outputs import write_index

    output = tmp_path / "briefs"
    output.mkdir()
    for number in (0, 1):
        write_brief(output / f"article-{number}.md", make_brief(number))
    failed = ("failed: in/article-2.txt: empty file",)
    write_index(output, "2 written, 0 up to date, 0 skipped, 1 failed", without_brief=failed)
    assert "**Briefs** (2):" in (output / "index.md").read_text(encoding="utf-8")
    build_site(output, tmp_path / "site")
    page = parse(tmp_path / "site" / "index.html")
    main = page.find_all("main")[0]
    blocks = [child for child in main.children if isinstance(child, Element)]
    briefs = blocks.index(page.find_all("ul", "briefs")[0])
    assert blocks[briefs - 1].tag == "h2"
    assert squash(blocks[briefs - 1].text()) == "Briefs (2)"


def test_an_earlier_runs_brief_the_latest_run_failed_on_says_so_on_its_pages(
    tmp_path: Path,
) -> None:
    """index.md marks the entry of a brief whose article the latest run failed on or skipped;
    the site showed that brief, on the front page and its own page, as any other. A brief's
    file name with characters its link escapes ("100% #1.md") is found too."""
    from summarize.outputs import write_index

    output = tmp_path / "briefs"
    output.mkdir()
    names = ["article-0", "100% #1", "article-2"]
    for number, name in enumerate(names):
        write_brief(output / f"{name}.md", make_brief(number))
    stale = {
        "article-0.md": ("failed", Path("in/article-0.txt")),
        "100% #1.md": ("skipped", Path("in/100% #1.txt")),
    }
    write_index(output, "0 written, 1 up to date, 1 skipped, 1 failed", not_current=stale)
    build_site(output, tmp_path / "site")
    items = parse(tmp_path / "site" / "index.html").find_all("ul", "briefs")[0].find_all("li")
    said = {
        unquote(item.find_all("a", "title")[0].attrs["href"]): [
            squash(p.text()) for p in item.find_all("p", "warnings")
        ]
        for item in items
    }
    assert said == {
        "article-0.html": [
            "Not current: a later run failed on this article; this brief is an earlier run's."
        ],
        "100% #1.html": [
            "Not current: a later run skipped this article; this brief is an earlier run's."
        ],
        "article-2.html": [],
    }
    for name, expected in (("article-0", "failed on"), ("100% #1", "skipped"), ("article-2", "")):
        header = parse(tmp_path / "site" / f"{name}.html").find_all("header")[0]
        notes = [squash(p.text()) for p in header.find_all("p", "warnings")]
        assert [note for note in notes if note.startswith("Not current")] == (
            [f"Not current: a later run {expected} this article; this brief is an earlier "
             "run's."] if expected else []
        )  # fmt: skip


def test_a_brief_named_outside_utf8_is_linked_by_its_bytes_from_both_front_pages(
    tmp_path: Path,
) -> None:
    """A zip made on Windows and unpacked here names "Bürger.md" in code page 437, not UTF-8
    ("B\\x81rger.md"): index.md and index.html could not hold its name, and every run into the
    folder and every view of it stopped with a UnicodeEncodeError traceback. Both link it by its
    bytes, percent-encoded, and its "Not current" mark is read back from index.md."""
    from test_render import gfm

    from summarize.outputs import not_current_briefs, write_index

    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "a.md", make_brief(0))
    name = os.fsdecode(b"B\x81rger")
    for suffix in (".md", ".json"):
        (output / f"a{suffix}").rename(output / f"{name}{suffix}")
    write_brief(output / "b.md", make_brief(1))
    stale = {f"{name}.md": ("failed", Path("in/Bürger.txt"))}
    index = write_index(output, "0 written, 1 failed", not_current=stale)
    tokens = gfm().parse(index.read_text(encoding="utf-8"))
    hrefs = [c.attrs["href"] for t in tokens for c in (t.children or []) if c.type == "link_open"]
    assert [unquote_to_bytes(str(href)) for href in hrefs] == [b"b.md", b"B\x81rger.md"]
    assert list(not_current_briefs(output)) == [f"{name}.md"]
    site = tmp_path / "site"
    build_site(output, site)
    items = parse(site / "index.html").find_all("ul", "briefs")[0].find_all("li")
    hrefs = [item.find_all("a", "title")[0].attrs["href"] for item in items]
    pages = [site / os.fsdecode(unquote_to_bytes(href)) for href in hrefs]
    assert [page.name for page in pages] == ["b.html", f"{name}.html"]
    assert all(page.is_file() for page in pages)
    assert [bool(item.find_all("p", "warnings")) for item in items] == [False, True]


def test_the_front_page_says_a_summary_is_empty_as_index_md_does(tmp_path: Path) -> None:
    """A brief with an empty summary had no line under its title on the site's front page, as
    one whose summary had only the title's sentence: index.md says "(empty summary)"."""
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", make_brief(0, summary=""))
    write_brief(output / "article-1.md", make_brief(1, title=False, summary="Only a title."))
    build_site(output, tmp_path / "site")
    items = parse(tmp_path / "site" / "index.html").find_all("ul", "briefs")[0].find_all("li")
    assert [[squash(p.text()) for p in item.find_all("p", "lead")] for item in items] == [
        ["(empty summary)"],
        [],
    ]


def test_the_front_page_says_when_the_lead_stands_in_for_the_summary(tmp_path: Path) -> None:
    """As index.md: the date is the brief's ("brief written"), and a brief whose summary is the
    article's opening sentences says so (the front page showed them as the summary's)."""
    output = tmp_path / "briefs"
    output.mkdir()
    brief = make_brief(0)
    lead = dataclasses.replace(
        brief, summary=dataclasses.replace(brief.summary, final_summary=False)
    )
    write_brief(output / "article-0.md", lead)
    write_brief(output / "article-1.md", make_brief(1))
    build_site(output, tmp_path / "site")
    items = parse(tmp_path / "site" / "index.html").find_all("ul", "briefs")[0].find_all("li")
    metas = [squash(item.find_all("p", "meta")[0].text()) for item in items]
    assert all("brief written 2026-11-30 UTC" in meta for meta in metas), metas
    assert "opening sentences" in metas[0] and "opening sentences" not in metas[1], metas


def test_right_to_left_controls_in_a_value_stay_inside_it(tmp_path: Path) -> None:
    """A file name, key fact or flagged item holding a right-to-left override (U+202E, as in the
    spoofed "report\u202etxt.exe") is isolated (<bdi>): it must not reverse what follows it on
    the line, the date, the badges, the next fact or a flag's "(2 mentions)"."""
    from summarize.checks import Flag

    override = "\u202e"
    brief = dataclasses.replace(
        make_brief(),
        source=f"in/r{override}txt.exe.txt",
        key_facts=(
            KeyFact("name", f"Nord{override}korea", (1,)),
            KeyFact("number", "14,000", (1,)),
        ),
        flags=(Flag("name", f"Nord{override}korea", "name not in the article"),),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "spoof.md", brief)
    site = build_site(output, tmp_path / "site")
    for path in (site.index, *site.pages):
        holders = [
            element
            for element in parse(path).find_all()
            if any(isinstance(c, str) and override in c for c in element.children)
        ]
        assert holders, path.name
        for element in holders:
            assert element.tag == "bdi", (path.name, element.tag, element.text())


def test_a_source_named_with_a_control_character_is_not_another_files_name(
    tmp_path: Path,
) -> None:
    """A file "a<newline>b.txt" was listed as "in/a b.txt" in index.md (the newline made a
    space) and on the view's pages (a browser shows it as a space): the name of another file,
    which the folder may hold too. Its control characters are shown as messages show them."""
    from test_render import gfm

    from summarize.outputs import write_index

    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "a_b.md", dataclasses.replace(make_brief(), source="in/a\nb.txt"))
    write_brief(output / "a b.md", dataclasses.replace(make_brief(1), source="in/a b.txt"))
    # A line separator, which Python's str.split() takes for white space, as a newline.
    write_brief(output / "a_u.md", dataclasses.replace(make_brief(2), source="in/a\u2028b.txt"))
    index = gfm().render(write_index(output, "3 written").read_text(encoding="utf-8"))
    assert "in/a\\nb.txt · " in index and "in/a b.txt · " in index
    assert "in/a\\u2028b.txt · " in index
    site = build_site(output, tmp_path / "site")
    for path in (site.index, output.parent / "site" / "a_b.html"):
        shown = [element.text() for element in parse(path).find_all("bdi", "item")]
        assert "in/a\\nb.txt" in shown, (path.name, shown)
    for path in (site.index, output.parent / "site" / "a_u.html"):
        shown = [element.text() for element in parse(path).find_all("bdi", "item")]
        assert "in/a\\u2028b.txt" in shown, (path.name, shown)


def test_unreadable_records_are_reported_and_cost_only_themselves(tmp_path: Path) -> None:
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "good.md", make_brief())
    (output / "broken.json").write_text('{"schema_version": 99}', encoding="utf-8")
    # A record whose brief was never written (a run stopped between the two writes), and one
    # whose brief is from another run: index.md lists neither, so the site does not either.
    (output / "orphan.json").write_text(make_brief(2).record().to_json(), encoding="utf-8")
    write_brief(output / "stale.md", make_brief(3))
    (output / "stale.json").write_text(make_brief(4).record().to_json(), encoding="utf-8")
    report = build_site(output, tmp_path / "site")
    assert [path.name for path in report.pages] == ["good.html"]
    assert len(report.problems) == 3 and "broken.json" in report.problems[0]
    assert "orphan.md is missing" in report.problems[1]
    assert "stale.md is missing, cut short or from another run" in report.problems[2]
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match="no brief records"):
        build_site(empty, tmp_path / "site2")


def test_a_brief_whose_record_is_gone_is_named_not_left_out_unsaid(tmp_path: Path) -> None:
    """The site is built from the run records: a brief whose record was deleted was left out
    of it without a word (exit 0), while index.md still listed it and the next run warned of
    it. A Markdown file of the user's own (no record_id) is none of the view's business."""
    output = tmp_path / "briefs"
    output.mkdir()
    for number in (0, 1):
        write_brief(output / f"article-{number}.md", make_brief(number))
    (output / "article-1.json").unlink()
    (output / "notes.md").write_text("# My notes\n\nNothing here.\n", encoding="utf-8")
    report = build_site(output, tmp_path / "site")
    assert [page.name for page in report.pages] == ["article-0.html"]
    assert len(report.problems) == 1
    assert "article-1.md" in report.problems[0] and "article-1.json" in report.problems[0]
    assert "missing" in report.problems[0]


def test_view_messages_name_paths_on_one_line(tmp_path: Path) -> None:
    """A path in a view's message shows control characters as repr() writes them, as every
    message of a run does: a folder or record name holding a newline or an escape sequence
    printed it raw (two lines; a terminal acting on the escape)."""
    output = tmp_path / "brief\x1b[2Js"
    output.mkdir()
    write_brief(output / "good.md", make_brief())
    (output / "bro\nken.json").write_text('{"schema_version": 99}', encoding="utf-8")
    (output / "orph\nan.json").write_text(make_brief(2).record().to_json(), encoding="utf-8")
    report = build_site(output, tmp_path / "site")
    assert len(report.problems) == 2
    for problem in report.problems:
        assert "\n" not in problem and "\x1b" not in problem, problem
        assert "\\x1b[2J" in problem, problem
    empty = tmp_path / "emp\nty"
    empty.mkdir()
    with pytest.raises(UsageError) as refused:
        build_site(empty, tmp_path / "site2")
    assert "\n" not in str(refused.value) and "emp\\nty" in str(refused.value)


def test_a_second_view_rewrites_only_the_pages_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page is written (a temp file, two fsyncs) only when its content changed: a daily
    view of thousands of briefs with ten new ones writes those ten and the front page."""
    from summarize import view

    output, site = tmp_path / "briefs", tmp_path / "site"
    output.mkdir()
    for n in range(3):
        write_brief(output / f"article-{n}.md", make_brief(n))
    first = build_site(output, site)
    pages = {path.name: path.read_bytes() for path in (first.index, *first.pages)}
    written: list[str] = []
    write_atomic = view.write_atomic

    def counted(path: Path, content: str) -> None:
        written.append(path.name)
        write_atomic(path, content)

    monkeypatch.setattr(view, "write_atomic", counted)
    again = build_site(output, site)
    assert written == []
    assert {path.name: path.read_bytes() for path in (again.index, *again.pages)} == pages
    write_brief(output / "article-3.md", make_brief(3))
    (site / "article-1.html").write_bytes(
        pages["article-1.html"].replace(b"</body>", b"edited by hand</body>")
    )
    build_site(output, site)
    assert sorted(written) == ["article-1.html", "article-3.html", "index.html"]
    assert (site / "article-1.html").read_bytes() == pages["article-1.html"]


def test_a_view_removes_the_temp_files_a_killed_view_left_unless_another_writes_the_site(
    tmp_path: Path,
) -> None:
    """A view killed while it wrote a page (SIGKILL, a crash, a power cut) left the page's temp
    file in the site for good: no later view removed it, nor a run (the site, outputs/html by
    default, lies below the folder a run cleans), and it went wherever the site was copied.
    Not while another view writes the site: its temp file is its page in the making."""
    import fcntl

    output, site = tmp_path / "briefs", tmp_path / "site"
    output.mkdir()
    write_brief(output / "artikel.md", make_brief(1))
    build_site(output, site)
    leftover = site / ".artikel.html.0123456789ab.tmp"  # as write_atomic names them
    leftover.write_text("<!DOCTYPE html><html><body><p>Die Reg", encoding="utf-8")
    users_own = site / ".notizen.tmp"
    users_own.write_text("meine Notizen", encoding="utf-8")
    other_view = os.open(site, os.O_RDONLY)
    try:
        fcntl.flock(other_view, fcntl.LOCK_SH)  # as a view writing the site holds it
        build_site(output, site)
        assert leftover.is_file()
    finally:
        os.close(other_view)
    build_site(output, site)
    assert not leftover.exists()
    assert users_own.read_text(encoding="utf-8") == "meine Notizen"
    assert sorted(path.name for path in site.iterdir()) == [
        ".notizen.tmp",
        "artikel.html",
        "index.html",
    ]


def test_every_brief_gets_its_own_page_whatever_its_name(tmp_path: Path) -> None:
    """A brief named "index" has its page renamed (index-brief.html), clear of the front page:
    a brief named "index-brief" (a hand-made folder, or index-brief.txt's) then had the same
    page, the second written took the first's place and the front page linked both to it."""
    output, site = tmp_path / "briefs", tmp_path / "site"
    output.mkdir()
    names = ["index", "index-brief", "Index", "index-brief-brief"]
    for number, name in enumerate(names):
        write_brief(output / f"{name}.md", make_brief(number))
    report = build_site(output, site)
    assert len({page.name for page in report.pages}) == len(names)
    # Not Index.html either: the front page, where a file system ignores case (macOS, Windows).
    assert "index.html" not in {page.name.casefold() for page in report.pages}
    links = [a.attrs["href"] for a in parse(report.index).find_all("a")]
    assert len(links) == len(set(links)) == len(names)
    # Each link leads to its own brief's page (the summary says which brief it is).
    shown_briefs = {
        number
        for link in links
        for number in range(len(names))
        if f"Brief {number}." in parse(site / unquote(link)).text()
    }
    assert shown_briefs == set(range(len(names)))


def test_briefs_named_apart_only_by_case_get_pages_apart_where_case_is_ignored(
    tmp_path: Path,
) -> None:
    """Two runs left "Zoll.md" and "zoll.md" (two articles): their pages "Zoll.html" and
    "zoll.html" were one file on a file system that ignores case (a site copied to macOS or
    Windows, or zipped and opened there), and the index linked both briefs to it; so were
    "Index-brief.html" and "index-brief.html". Each page's name differs from the others' in
    more than case, and each link leads to its own brief."""
    output, site = tmp_path / "briefs", tmp_path / "site"
    output.mkdir()
    names = ["Zoll", "zoll", "ZOLL", "Index", "index", "zoll-2"]
    for number, name in enumerate(names):
        write_brief(output / f"{name}.md", make_brief(number))
    report = build_site(output, site)
    pages = [page.name.casefold() for page in report.pages]
    assert len(set(pages)) == len(names) and "index.html" not in pages
    links = [unquote(a.attrs["href"]) for a in parse(report.index).find_all("a")]
    assert sorted(links) == sorted(page.name for page in report.pages)
    for link in links:  # its own brief: the summary says which brief it is
        (number,) = [n for n in range(len(names)) if f"Brief {n}." in parse(site / link).text()]
        assert link.startswith(names[number])
    # A second view names each page as the first did.
    assert build_site(output, site).pages == report.pages


def test_briefs_named_apart_only_by_full_case_folding_get_pages_apart(tmp_path: Path) -> None:
    """APFS (macOS) compares names by full case folding: "straße.html" and "Strasse.html" are
    one file there, as "Zoll.html" and "zoll.html" are; a site copied to a Mac held one of the
    two pages and the index linked both briefs to it. NTFS's simple upper case ("ı" is "I" as
    "i" is) still counts too."""
    output = tmp_path / "briefs"
    output.mkdir()
    names = ["Strasse", "straße", "STRASSE", "dıe", "die"]
    for number, name in enumerate(names):
        write_brief(output / f"{name}.md", make_brief(number))
    report = build_site(output, tmp_path / "site")
    pages = [page.name for page in report.pages]
    folded = {"".join(c.upper() if len(c.upper()) == 1 else c for c in p).casefold() for p in pages}
    assert len(folded) == len(names), pages
    links = [unquote(a.attrs["href"]) for a in parse(report.index).find_all("a", "title")]
    assert sorted(links) == sorted(pages)
    for number, name in enumerate(names):  # each brief on a page of its own
        (page,) = [page for page in report.pages if f"Brief {number}." in parse(page).text()]
        assert page.name.startswith(name)


def test_briefs_named_apart_only_by_unicode_normal_form_get_pages_apart(tmp_path: Path) -> None:
    """APFS and HFS+ (macOS) take a name's composed and decomposed forms for one: "Müller.md"
    with its "ü" as one character (NFC, as most systems write it) and as "u" and a combining
    diaeresis (NFD, as a Mac's HFS+ wrote it) are two briefs on Linux, and both were given the
    page "Müller.html", one file on a Mac (so were "MÜLLER" in NFD and "Müller" in NFC); a site
    copied there held one page and the index linked both briefs to it."""
    output = tmp_path / "briefs"
    output.mkdir()
    names = [
        unicodedata.normalize("NFC", "Müller"),
        unicodedata.normalize("NFD", "Müller"),
        unicodedata.normalize("NFD", "MÜLLER"),
    ]
    for number, name in enumerate(names):
        write_brief(output / f"{name}.md", make_brief(number))
    report = build_site(output, tmp_path / "site")
    pages = [page.name for page in report.pages]
    assert len({unicodedata.normalize("NFD", page).casefold() for page in pages}) == 3, pages
    for number, name in enumerate(names):  # each brief on a page of its own
        (page,) = [page for page in report.pages if f"Brief {number}." in parse(page).text()]
        assert page.name.startswith(name)


def test_a_brief_named_as_another_briefs_case_page_keeps_a_page_apart(tmp_path: Path) -> None:
    """A brief "zoll" beside "Zoll" gets zoll-<8 hex digits>.html; a third brief named so
    ("zoll-fa3c8666", a page of an earlier view saved as a brief's name) was given the same
    page: one brief's page was written over the other's and the index linked both to it."""
    import hashlib

    output = tmp_path / "briefs"
    output.mkdir()
    names = ["Zoll", "zoll", f"zoll-{hashlib.sha256(b'zoll').hexdigest()[:8]}"]
    for number, name in enumerate(names):
        write_brief(output / f"{name}.md", make_brief(number))
    report = build_site(output, tmp_path / "site")
    assert len({page.name.casefold() for page in report.pages}) == len(names)
    for number, name in enumerate(names):  # each brief on a page of its own
        (page,) = [page for page in report.pages if f"Brief {number}." in parse(page).text()]
        assert page.name.startswith(name)


def test_a_view_never_writes_over_a_file_it_did_not_write(tmp_path: Path) -> None:
    """``--to`` a folder of the user's own pages (articles saved as HTML, a site's front page):
    a page whose name a brief's page has was overwritten without a word, though the view
    leaves every other file of the folder alone."""
    output, site = tmp_path / "briefs", tmp_path / "pages"
    output.mkdir()
    site.mkdir()
    write_brief(output / "artikel.md", make_brief(1))
    (site / "artikel.html").write_text("<p>Der Artikel selbst</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>Startseite</p>", encoding="utf-8")
    with pytest.raises(UsageError, match=r"artikel\.html, .*index\.html would be overwritten"):
        build_site(output, site)
    assert (site / "artikel.html").read_text(encoding="utf-8") == "<p>Der Artikel selbst</p>"
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>Startseite</p>"
    (site / "index.html").unlink()
    with pytest.raises(UsageError, match=r"artikel\.html would be overwritten and is not a page"):
        build_site(output, site)  # one file: said in the singular
    (site / "artikel.html").unlink()
    (output / "notizen.json").write_text("{}", encoding="utf-8")  # no record: not a page of ours
    (site / "notizen.html").write_text("<p>Notizen</p>", encoding="utf-8")
    first = build_site(output, site)  # its own pages it rewrites
    assert build_site(output, site).pages == first.pages
    assert (site / "notizen.html").read_text(encoding="utf-8") == "<p>Notizen</p>"


def test_a_view_waits_for_the_run_writing_to_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view built while a run writes showed briefs of two runs side by side: it stops with a
    clear message instead, and writes nothing. A folder it may not write to (an archive, a
    read-only mount: no lock file can be made) has no run writing to it, and is shown."""
    output, site = tmp_path / "briefs", tmp_path / "pages"
    output.mkdir()
    write_brief(output / "artikel.md", make_brief(1))
    with (
        FileLock(output / LOCK_FILENAME),
        pytest.raises(UsageError, match=r"a summarize run or eval is writing to .*briefs"),
    ):
        build_site(output, site)
    assert not site.exists()

    (output / LOCK_FILENAME).unlink()
    _refuse_writes(monkeypatch, output)
    assert [page.name for page in build_site(output, site).pages] == ["artikel.html"]


def _refuse_writes(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """From now on no file in ``folder`` may be created or opened for writing, as in a folder
    of another user's (or a read-only mount)."""
    real_open = os.open

    def read_only(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(path)).parent == folder and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)


def test_a_view_may_read_while_another_view_reads(tmp_path: Path) -> None:
    """Two views of one folder at once (two readers, a scheduled one and a person's): the
    second stopped with "a summarize run is writing", though no run was."""
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "artikel.md", make_brief(1))
    with no_run_writing(output):
        pages = build_site(output, tmp_path / "pages").pages
    assert [page.name for page in pages] == ["artikel.html"]


def test_a_run_refused_while_a_view_reads_says_a_view_may_hold_the_folder(
    tmp_path: Path,
) -> None:
    """A run into a folder that a view is reading is refused (the view holds the lock, shared):
    its message said only that another run was writing there, and the user looked for a run
    that did not exist."""
    output = tmp_path / "briefs"
    output.mkdir()
    with no_run_writing(output), pytest.raises(UsageError) as refused, output_lock(output):
        pass
    assert "another summarize run or eval is writing to" in str(refused.value)
    assert "summarize view" in str(refused.value)


def test_a_view_of_a_folder_it_may_not_write_to_still_sees_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run of another user (a service) writes to a folder the reader may only read: the view
    could not open the lock file for writing, took the folder for one no run writes to, and
    showed briefs of two runs. The lock is checked from a read-only handle."""
    output, site = tmp_path / "briefs", tmp_path / "pages"
    output.mkdir()
    write_brief(output / "artikel.md", make_brief(1))
    with FileLock(output / LOCK_FILENAME):
        _refuse_writes(monkeypatch, output)
        with pytest.raises(UsageError, match=r"a summarize run or eval is writing to .*briefs"):
            build_site(output, site)
    assert not site.exists()


def test_the_view_holds_one_article_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each record is read, its page written and its article let go before the next is read:
    the view of a folder of thousands of briefs held every article's text at once (150 MB at
    2,000 briefs, growing with each), where the front page needs a few fields of each."""
    import gc
    import weakref

    from summarize import view

    output = tmp_path / "briefs"
    output.mkdir()
    for n in range(5):
        write_brief(output / f"article-{n}.md", make_brief(n))
    read: list[weakref.ref] = []
    most_alive = 0
    read_record, render_brief_page = view.read_record, view.render_brief_page

    def tracked_read(path: Path):
        record = read_record(path)
        read.append(weakref.ref(record))
        return record

    def tracked_render(*args):
        nonlocal most_alive
        gc.collect()
        most_alive = max(most_alive, sum(ref() is not None for ref in read))
        return render_brief_page(*args)

    monkeypatch.setattr(view, "read_record", tracked_read)
    monkeypatch.setattr(view, "render_brief_page", tracked_render)
    report = build_site(output, tmp_path / "site")
    assert len(read) == len(report.pages) == 5
    assert most_alive == 1
    index = report.index.read_text(encoding="utf-8")
    assert all(f'href="article-{n}.html"' in index for n in range(5))


def test_summary_segments_mark_every_occurrence_longest_first() -> None:
    from summarize.record import FlagRecord

    flags = [FlagRecord(kind="number", text="14"), FlagRecord(kind="name", text="Kim Jong")]
    segments = summary_segments("Kim Jong sent 14 men; Kim Jong-un said 14.", flags)
    assert "".join(s.text for s in segments) == "Kim Jong sent 14 men; Kim Jong-un said 14."
    assert [(s.text, s.flag.kind) for s in segments if s.flag] == [
        ("Kim Jong", "name"),
        ("14", "number"),
        ("Kim Jong", "name"),
        ("14", "number"),
    ]


def test_summary_segments_mark_both_of_two_overlapping_flags() -> None:
    """ "5,8 Millionen" and "Millionen Euro" (German in the summary) overlap: the shorter was
    left unmarked, so an unsupported item showed as checked."""
    from summarize.record import FlagRecord

    flags = [FlagRecord(kind="number", text="5,8 Millionen"),
             FlagRecord(kind="name", text="Millionen Euro")]  # fmt: skip
    summary = "Es kostet 5,8 Millionen Euro."
    segments = summary_segments(summary, flags)
    assert "".join(s.text for s in segments) == summary
    assert [(s.text, s.flag.kind) for s in segments if s.flag] == [
        ("5,8 ", "number"),  # the longer took its overlap
        ("Millionen Euro", "name"),
    ]


def test_summary_segments_never_mark_part_of_a_longer_word_or_number() -> None:
    """An unsupported "14" is not the "14" of the year 2014 nor of "14,000" or "1.14", and an
    unsupported "Merkel" not the start of "Merkelson": the page marked those pieces as
    unverified, so a reader took a supported year or figure for one to check."""
    from summarize.record import FlagRecord

    flags = [FlagRecord(kind="number", text="14"), FlagRecord(kind="name", text="Merkel")]
    summary = 'In 2014, 14,000 or 1.14 met Merkelson; Merkel\'s 14 ("14") said 14.'
    segments = summary_segments(summary, flags)
    assert "".join(s.text for s in segments) == summary
    marked = [(len("".join(s.text for s in segments[:i])), s.text) for i, s in
              enumerate(segments) if s.flag]  # fmt: skip
    assert marked == [(39, "Merkel"), (48, "14"), (53, "14"), (63, "14")]


def test_summary_segments_mark_a_flagged_number_before_its_unit() -> None:
    """The checks read "5km" as the number 5 and flag "5": the page left it unmarked (the letter
    after it was taken for a longer word), so an unsupported distance or sum showed as checked.
    An ordinal or a decade ("14th", "1990s") is still no "14" or "1990"."""
    from summarize.checks.facts import unsupported_facts
    from summarize.record import FlagRecord

    summary = "The 5km road cost 20m euros."
    found = unsupported_facts(summary, "The 3 kilometre road cost 10 million euros.")
    flags = [FlagRecord(kind=flag.kind, text=flag.text) for flag in found]
    assert sorted(flag.text for flag in flags) == ["20", "5"]
    marked = [s.text for s in summary_segments(summary, flags) if s.flag]
    assert marked == ["5", "20"]
    flags = [FlagRecord(kind="number", text="14"), FlagRecord(kind="number", text="1990")]
    segments = summary_segments("In the 1990s, on the 14th, 14 of 1990 left.", flags)
    assert [s.text for s in segments if s.flag] == ["14", "1990"]


@pytest.mark.parametrize(
    ("summary", "german", "marked"),
    [("He ran 42 miles in 42 hours.", "Er lief 42 Kilometer in 42 Stunden.", [(7, "42")]),
     ("He paid 15 francs, not 15 euros.", "Er zahlte 15 Franken.", [(23, "15")])],
)  # fmt: skip
def test_only_the_flagged_mention_of_a_number_is_marked(
    summary: str, german: str, marked: list[tuple[int, str]]
) -> None:
    """The checks flag the miles' "42" (the article says kilometres), but the page marked every
    standalone "42", the backed hours' too: a reader took a checked number for an invented one."""
    from summarize.checks.facts import unsupported_facts

    brief = make_brief(summary=summary)
    record = dataclasses.replace(brief, flags=tuple(unsupported_facts(summary, german))).record()
    segments = summary_segments(record.summary.text, record.flags)
    starts = [sum(len(s.text) for s in segments[:i]) for i in range(len(segments))]
    assert [(at, s.text) for at, s in zip(starts, segments, strict=True) if s.flag] == marked


def chromium() -> str | None:
    return next(
        (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))),
        None,
    )


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
@pytest.mark.parametrize("width", [1200, 420])
def test_a_screenshot_of_the_view_is_not_blank(site, tmp_path: Path, width: int) -> None:
    from PIL import Image

    folder, _ = site
    shot = tmp_path / f"view-{width}.png"
    command = [str(chromium()), "--headless", "--no-sandbox", "--disable-gpu",
               "--hide-scrollbars", f"--window-size={width},900", f"--screenshot={shot}",
               (folder / "article-0.html").as_uri()]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    with Image.open(shot) as image:
        assert image.size == (width, 900)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16) or []
    # Text in several shades, the flag's yellow, the warning's red: a blank page has one colour.
    assert len(colours) > 20
    assert any(r > 200 and g > 180 and b < 160 for _, (r, g, b) in colours)  # the flag mark


LONG_WORD = "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung"
LONG_URL = (
    "https://www.landtag-mv.de/parlamentsdokumentation/drucksachen/wahlperiode-8/aufhebung.html"
)


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
@pytest.mark.parametrize("width", [1200, 390])
def test_a_long_word_or_url_never_widens_the_page_past_the_screen(
    tmp_path: Path, width: int
) -> None:
    """A German compound or a URL longer than a column breaks inside it. The page was as wide as
    its longest word: on a phone the title, summary and both columns ran off the screen, and on
    a desktop the German column of the paragraph holding the word was pushed past the edge.

    Measured in a screenshot: --dump-dom lays a page out at least 500 px wide, whatever
    --window-size says, so a phone's width was never measured (the 420 px case ran at 500 px);
    a screenshot is taken at the width asked for, after a resize event. The page's script
    paints a corner green when the page is no wider than the screen, red when it is."""
    from PIL import Image

    long = f"Der Landtag hat die {LONG_WORD} aufgehoben, siehe {LONG_URL}."
    brief = dataclasses.replace(
        make_brief(0, summary=long),
        title_en=f"{LONG_WORD} repealed",
        paragraphs=(ParagraphPair((long,), (long,)), *make_brief(0).paragraphs),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    site = build_site(output, tmp_path / "site").index.parent
    for page in ("article-0.html", "index.html"):
        # The pages have no script of their own: a copy with one paints the corner, with the
        # folded parts open (the run record's long values are in them).
        measured = tmp_path / f"measured-{page}"
        measure = (
            '<div id="fits" style="position: fixed; top: 0; left: 0; width: 20px; '
            'height: 20px"></div><script>function measure() { const page = '
            "document.documentElement; document.getElementById('fits').style.background = "
            "page.scrollWidth <= page.clientWidth ? 'rgb(0, 255, 0)' : 'rgb(255, 0, 0)' } "
            'addEventListener("resize", measure); measure()</script></body>'
        )
        html = (site / page).read_text(encoding="utf-8").replace("<details>", "<details open>")
        measured.write_text(html.replace("</body>", measure), encoding="utf-8")
        shot = tmp_path / f"{page}-{width}.png"
        command = [str(chromium()), "--headless", "--no-sandbox", "--disable-gpu",
                   "--hide-scrollbars", f"--window-size={width},900", f"--screenshot={shot}",
                   measured.as_uri()]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        with Image.open(shot) as image:
            assert image.size == (width, 900)
            corner = image.convert("RGB").getpixel((5, 5))
        assert corner == (0, 255, 0), (page, width, corner)  # red: wider than the screen


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
def test_the_run_records_values_take_a_phones_width(site, tmp_path: Path) -> None:
    """On a phone the run record's keys kept their column beside the values: the longest key set
    its width, and each value (a hash, a model's JSON) had about a third of the screen, a few
    characters to a line. Measured as the long-word test measures: a copy of the page with the
    record open and a script that paints a corner green where every value is at least 80% as
    wide as the list, red where one is narrower."""
    from PIL import Image

    folder, _ = site
    measure = (
        '<div id="fits" style="position: fixed; top: 0; left: 0; width: 20px; height: 20px">'
        "</div><script>function measure() { const list = document.querySelector('.record dl'); "
        "const wide = [...list.querySelectorAll('dd')].every(value => value.offsetWidth >= "
        "0.8 * list.clientWidth); document.getElementById('fits').style.background = wide ? "
        "'rgb(0, 255, 0)' : 'rgb(255, 0, 0)' } addEventListener('resize', measure); measure()"
        "</script></body>"
    )
    html = (folder / "article-0.html").read_text(encoding="utf-8")
    measured = tmp_path / "measured.html"
    measured.write_text(
        html.replace("<details>", "<details open>").replace("</body>", measure), encoding="utf-8"
    )
    shot = tmp_path / "record-390.png"
    command = [str(chromium()), "--headless", "--no-sandbox", "--disable-gpu",
               "--hide-scrollbars", "--window-size=390,900", f"--screenshot={shot}",
               measured.as_uri()]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    with Image.open(shot) as image:
        corner = image.convert("RGB").getpixel((5, 5))
    assert corner == (0, 255, 0), corner  # red: a value squeezed beside its key


def date_split_on_a_phone(
    page: Path, tmp_path: Path, meta: str, before: tuple[int, str, str], date: str
) -> bool:
    """Whether a date on ``page`` breaks over two lines at a phone's width (360 px). Where it
    falls depends on the length of what stands before it on its line: a copy of the page has a
    script that finds the ``.meta`` line holding ``meta``, sets its ``before[0]``-th ``<bdi>`` to
    ``before[1]``, 0 to 80 letters "a" and ``before[2]`` in turn, and each time checks that the
    text ``date`` (a JavaScript regular expression) matches stands on one line; it paints a
    corner green where it always did, red where not."""
    from PIL import Image

    position, head, tail = before
    measure = (
        '<div id="fits" style="position: fixed; top: 0; left: 0; width: 20px; height: 20px">'
        "</div><script>function measure() { const meta = [...document.querySelectorAll("
        f"'p.meta')].find(p => p.textContent.includes('{meta}')); const before = "
        f"meta.querySelectorAll('bdi')[{position}]; let whole = true; "
        "for (let n = 0; n <= 80; n++) { "
        f"before.textContent = '{head}' + 'a'.repeat(n) + '{tail}'; const walker = "
        "document.createTreeWalker(meta, NodeFilter.SHOW_TEXT); const range = "
        "document.createRange(); let node, found = null; while ((node = walker.nextNode())) { "
        f"const date = /{date}/.exec(node.data); "
        "if (date) { range.setStart(node, date.index); range.setEnd(node, date.index + "
        "date[0].length); found = date; break } } if (!found) { whole = false; break } "
        "const tops = new Set([...range.getClientRects()].map(rect => Math.round(rect.top))); "
        "if (tops.size !== 1) { whole = false; break } } "
        "document.getElementById('fits').style.background = whole ? 'rgb(0, 255, 0)' : "
        "'rgb(255, 0, 0)' } addEventListener('resize', measure); measure()</script></body>"
    )
    html = page.read_text(encoding="utf-8")
    measured = tmp_path / f"measured-{page.name}"
    measured.write_text(html.replace("</body>", measure), encoding="utf-8")
    shot = tmp_path / f"{page.name}-360.png"
    command = [str(chromium()), "--headless", "--no-sandbox", "--disable-gpu",
               "--hide-scrollbars", "--window-size=360,900", f"--screenshot={shot}",
               measured.as_uri()]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    with Image.open(shot) as image:
        corner = image.convert("RGB").getpixel((5, 5))
    assert corner in {(0, 255, 0), (255, 0, 0)}, corner  # the script ran
    return corner == (255, 0, 0)


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
@pytest.mark.parametrize("page", ["article-0.html", "index.html"])
def test_the_date_stays_in_one_piece_on_a_phone(site, tmp_path: Path, page: str) -> None:
    """At 360 px the brief's date broke after a hyphen where the line ended: "brief written
    2026-11-" on one line, "30 13:00 UTC" under it, wherever the source's name before it put
    the date at the line's end."""
    folder, _ = site
    before = (0, "in/", ".txt")  # the source's name
    date = r"\d{4}-\d\d-\d\d( \d\d:\d\d)? UTC"
    assert not date_split_on_a_phone(folder / page, tmp_path, "brief written", before, date)


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
def test_the_sources_own_date_stays_in_one_piece_on_a_phone(tmp_path: Path) -> None:
    """The date the page gives itself broke as the brief's did, "dated 2025-05-" at a line's
    end and "03T10:00:00+02:00" under it, wherever the page's address before it put it there."""
    details = SourceDetails(
        url="https://www.tagesblatt.de/", date="2025-05-03T10:00:00+02:00", site="Tagesblatt"
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", dataclasses.replace(make_brief(0), details=details))
    (page,) = build_site(output, tmp_path / "site").pages
    before = (1, "https://www.tagesblatt.de/", "")  # the page's address
    date = r"dated \d{4}-\d\d-\d\dT\S+"
    assert not date_split_on_a_phone(page, tmp_path, "as the page says", before, date)


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
@pytest.mark.parametrize(
    ("model", "before"),
    [
        (r"Helsinki-NLP\/opus-mt-de-en @ cf10909547", (0, "in/", ".txt")),  # the source's name
        (r"sshleifer\/distilbart-cnn-12-6", (1, "Helsinki-NLP/", "")),  # the translator's
    ],
)
def test_a_model_name_stays_in_one_piece_on_a_phone(
    site, tmp_path: Path, model: str, before: tuple[int, str, str]
) -> None:
    """At 360 px a model's name broke after one of its hyphens, "sshleifer/distilbart-" at a
    line's end and "cnn-12-6" under it (or its revision apart from it, "cf10909547" alone on
    the next line): a hyphen of the name read as one of line breaking, the name as a hyphenated
    word. Wherever what stands before it on its line put the name at the line's end."""
    folder, _ = site
    page = folder / "article-0.html"
    assert not date_split_on_a_phone(page, tmp_path, "translated by", before, model)


def test_german_text_outside_the_columns_is_marked_german(tmp_path: Path) -> None:
    """The cleaner's removals and a headline without a translation are the article's German:
    marked so (lang="de"), a screen reader read them with English rules on the English page."""
    brief = dataclasses.replace(make_brief(0), title_en=None)
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    page = parse(build_site(output, tmp_path / "site").pages[0])
    (subtitle,) = page.find_all("p", "subtitle")
    assert "lang" not in subtitle.attrs  # the note itself is English
    german = [e for e in subtitle.find_all() if e.attrs.get("lang") == "de"]
    assert [e.text() for e in german] == ["Tausende Soldaten: Kim schickt Nachschub"]
    (details, _) = page.find_all("details")
    lists = details.find_all("ul")
    assert lists and all(ul.attrs.get("lang") == "de" for ul in lists)
    assert len([li for ul in lists for li in ul.find_all("li")]) == 3


def test_english_that_reads_as_german_is_marked_german(tmp_path: Path) -> None:
    """A sentence (or headline) the checks found untranslated is German in the English column
    (or the title): marked so, a screen reader read it with English rules. Its warning (the
    span's title) stays English; the sentences beside it too."""
    german = "Der Stadtrat tagt heute bis spät in die Nacht."
    untranslated = TranslationWarning("untranslated", "the English reads as German")
    brief = dataclasses.replace(
        make_brief(0),
        title_en="Tausende Soldaten: Kim schickt Nachschub",
        title_warnings=(untranslated,),
        paragraphs=(
            ParagraphPair((german, "Er stimmt ab."), (german, "He votes."), ((1, untranslated),)),
            *make_brief(0).paragraphs,
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    report = build_site(output, tmp_path / "site")
    page = parse(report.pages[0])
    assert page.find_all("h1")[0].attrs.get("lang") == "de"
    english = page.find_all("p", "en")
    assert all(p.attrs["lang"] == "en" for p in english)
    (warned, *others) = english[0].find_all("span", "warned")
    assert "lang" not in warned.attrs and warned.attrs["title"] == untranslated.detail
    assert [(e.attrs.get("lang"), e.text()) for e in warned.find_all()] == [("de", german)]
    marked = [e for p in english for e in p.find_all() if e.attrs.get("lang")]
    assert [e.text() for e in marked] == [german]  # the sentence beside it stays English
    assert not [e for w in others for e in w.find_all()]
    (title,) = parse(report.index).find_all("a", "title")
    assert title.attrs.get("lang") == "de"
    # A title from the summary is English, whatever the headline's warnings.
    write_brief(output / "article-0.md", dataclasses.replace(brief, title_en=None))
    page = parse(build_site(output, tmp_path / "site").pages[0])
    assert "lang" not in page.find_all("h1")[0].attrs


def test_german_that_a_translation_warning_quotes_is_marked_german(tmp_path: Path) -> None:
    """A warning that quotes the German sentence ("“1.000” not in the English", "the German
    negates (“nicht”) …") stood in the English page as English: a screen reader read "1.000"
    as "one point zero zero zero", not a thousand. What it quotes of the German is marked so;
    what a warning quotes of the English ("repeats “people”") stays English."""
    from summarize.checks import translation_warnings

    german = ("Am Montag kamen 1.000 Menschen nicht zur Demo.", "Es kamen 100 Menschen.")
    english = ("Many people came to the demo.", "It was 25 million people people people people.")
    warnings = [translation_warnings(de, en) for de, en in zip(german, english, strict=True)]
    kinds = {warning.kind for found in warnings for warning in found}
    assert {"missing_numbers", "negation", "numbers", "repetition"} <= kinds
    headline = ("Tausende am Montag in Berlin", "Thousands in Berlin")
    brief = dataclasses.replace(
        make_brief(0),
        title_de=headline[0],
        title_en=headline[1],
        title_warnings=tuple(translation_warnings(*headline)),
        paragraphs=(
            ParagraphPair(
                german,
                english,
                tuple((number, w) for number, found in enumerate(warnings, 1) for w in found),
            ),
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    page = parse(build_site(output, tmp_path / "site").pages[0])
    (title_warnings, paragraph_warnings) = page.find_all("p", "warnings")
    for shown, germans in ((title_warnings, headline[:1]), (paragraph_warnings, german)):
        marked = [e.text() for e in shown.find_all() if e.attrs.get("lang") == "de"]
        assert marked and all(any(text in de for de in germans) for text in marked), marked
    marked = [e.text() for e in paragraph_warnings.find_all() if e.attrs.get("lang") == "de"]
    assert "1.000" in marked and "nicht" in marked and "Montag" in marked
    assert "people" not in marked and "25 million" not in marked  # the English's, quoted
    assert "“people”" in paragraph_warnings.text() and "“25 million”" in paragraph_warnings.text()
    assert "“1.000”" in paragraph_warnings.text()


def test_a_sentence_without_translation_says_so_where_it_stands(tmp_path: Path) -> None:
    """A sentence whose translation came back empty: the view's English column showed nothing
    for it (an empty span; a blank column for a paragraph of such sentences), and the Markdown
    left it out, so the paragraph read as translated whole. Both say so in its place."""
    from test_render import gfm, split_front_matter

    empty = TranslationWarning("length_ratio", "English is 0.0× the German length")
    brief = dataclasses.replace(
        make_brief(0),
        paragraphs=(
            ParagraphPair(
                ("Der Sturm kam.", "Die Feuerwehr rückte aus.", "Niemand wurde verletzt."),
                ("The storm came.", "", "Nobody was hurt."),
                ((2, empty),),
            ),
            ParagraphPair(("Die Bahn fiel aus.",), ("",), ((1, empty),)),
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    said = ["The storm came. (no translation) Nobody was hurt.", "(no translation)"]
    _, body = split_front_matter((output / "article-0.md").read_text(encoding="utf-8"))
    markdown = parse_html(gfm().render(body)).find_all("p")
    shown = [squash(p.text()) for p in markdown if p.text().startswith("¶")]
    assert shown == [f"¶{number} {text}" for number, text in enumerate(said, start=1)]
    page = parse(build_site(output, tmp_path / "site").pages[0])
    english = page.find_all("p", "en")
    assert [squash(p.text()) for p in english] == said
    for paragraph in english:  # in the warned sentence's place, marked as it is
        (warned,) = paragraph.find_all("span", "warned")
        assert [squash(e.text()) for e in warned.find_all("em")] == ["(no translation)"]


@pytest.mark.parametrize("headline", ["em", "e", "/", "Headline"])
def test_a_headline_found_in_the_notes_markup_is_marked_where_it_stands(
    tmp_path: Path, headline: str
) -> None:
    """The untranslated headline is marked German where it ends the note: searched for in the
    note's HTML, a headline "em" was found in the closing tag and the markup broken
    ("</<span lang="de">em</span>>"), the note's end shown as text."""
    brief = dataclasses.replace(make_brief(0), title_en=None, title_de=headline)
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    page = build_site(output, tmp_path / "site").pages[0]
    assert f'Headline: <span lang="de">{headline}</span></em></p>' in page.read_text("utf-8")
    (subtitle,) = parse(page).find_all("p", "subtitle")
    assert subtitle.text().endswith(f"Headline: {headline}")


def page_style(page: Path) -> str:
    (style,) = parse(page).find_all("style")
    return style.text()


def test_the_text_follows_the_readers_font_size(site) -> None:
    """A reader who sets a larger font in the browser gets it for the article too: with the
    body's size in px (16px) the article, the checks and the subtitle stayed at 16 px while
    headings, notes and badges (rem) grew, the notes then larger than the article."""
    folder, _ = site
    css = page_style(folder / "article-0.html")
    sizes = re.findall(r"font(?:-size)?:\s*([^;}]*)", css)
    assert sizes and not [size for size in sizes if re.search(r"\d(px|pt)\b", size)], sizes


def test_printing_keeps_the_marks_and_leaves_out_the_navigation(site) -> None:
    """Printed with the browsers' default (no background graphics) the flag's yellow and the
    badges' colours were gone; the link back to the index is no use on paper."""
    folder, _ = site
    css = page_style(folder / "article-0.html")
    found = re.search(r"@media print \{(.*?)\n\}", css, re.DOTALL)
    assert found, css
    rules = {
        selector.strip(): body
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", found.group(1))
    }
    assert "display: none" in rules["nav"]
    assert "print-color-adjust: exact" in rules["mark.flag, .warned, .badge"]


@pytest.mark.skipif(
    chromium() is None, reason="headless Chromium not installed (Debian: apt-get install chromium)"
)
def test_a_warned_sentence_stands_out_without_its_tint(site, tmp_path: Path) -> None:
    """Printed without background graphics, or in a high-contrast theme, the tint is gone: a
    sentence with a translation warning must still look different (it looked the same)."""
    from PIL import Image, ImageChops

    folder, _ = site
    html = (folder / "article-0.html").read_text(encoding="utf-8")
    no_backgrounds = "<style>* { background: none !important; }</style></head>"
    shots = []
    for name, page in (("warned", html), ("plain", html.replace('class="warned"', ""))):
        copy = tmp_path / f"{name}.html"
        copy.write_text(page.replace("</head>", no_backgrounds), encoding="utf-8")
        shot = tmp_path / f"{name}.png"
        command = [str(chromium()), "--headless", "--no-sandbox", "--disable-gpu",
                   "--hide-scrollbars", "--window-size=1200,1400", f"--screenshot={shot}",
                   copy.as_uri()]  # fmt: skip
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        with Image.open(shot) as image:
            shots.append(image.convert("RGB"))
    assert html.count('class="warned"') == 2
    assert ImageChops.difference(*shots).getbbox() is not None  # None: the same picture


@pytest.fixture(scope="module")
def run_output(self_contained_models, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real run (tiny random-weight models) over the seeds and a hostile article."""
    from conftest import SEEDS, write_config
    from typer.testing import CliRunner

    from summarize.cli import app

    folder = tmp_path_factory.mktemp("view-run")
    inputs = folder / "in"
    inputs.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, inputs / seed.name)
    (inputs / "hostile.txt").write_text(
        "Nordkorea schickt Soldaten nach <script>alert(1)</script>\n\n"
        f"{HOSTILE}\n\n"
        "Mehr auf www.example.com und https://example.com/ukraine, schreibt die Zeitung.\n",
        encoding="utf-8",
    )
    config = write_config(
        folder / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = folder / "out"
    result = CliRunner().invoke(
        app, ["run", str(inputs), "-c", str(config), "-o", str(output), "--no-cache", "-q"]
    )
    assert result.exit_code == 0, result.output
    return output


def test_every_brief_of_a_run_reads_well_in_a_gfm_renderer(run_output: Path) -> None:
    from markdown_it import MarkdownIt

    from summarize.outputs import read_brief_record

    briefs = sorted(p for p in run_output.glob("*.md") if p.name != "index.md")
    assert [p.stem for p in briefs] == sorted(p.stem for p in run_output.glob("*.json"))
    assert len(briefs) == 3
    from mdit_py_plugins.front_matter import front_matter_plugin

    # GFM with linkify (bare URLs would become links); the front matter is read as such, as
    # GitHub, VS Code, Obsidian, Jekyll and Hugo do.
    renderer = MarkdownIt("gfm-like").use(front_matter_plugin)
    for path in briefs:
        record = read_brief_record(path)
        assert record is not None, path
        tokens = renderer.parse(path.read_text(encoding="utf-8"))
        assert tokens[0].type == "front_matter"
        kinds = [t.tag for t in tokens if t.type == "heading_open"]
        assert kinds == ["h1", "h2", "h2", "h2", "h2"]
        links = [c for t in tokens for c in (t.children or []) if c.type == "link_open"]
        assert not links, path.name  # nothing in a brief links anywhere
        assert not [c for t in tokens for c in (t.children or []) if c.type == "html_inline"]
        html = [t.content.strip() for t in tokens if t.type == "html_block"]
        assert html == [] or (
            len(html) == 1 and html[0].startswith("<details>") and html[0].endswith("</details>")
        )
        quotes = [t for t in tokens if t.type == "blockquote_open" and t.level == 0]
        numbered = [
            t for t in tokens if t.type == "inline" and re.match(r"\*\*¶\d+\*\* ", t.content)
        ]
        assert len(quotes) == len(numbered) == len(record.paragraphs)
    hostile = renderer.render((run_output / "hostile.md").read_text(encoding="utf-8"))
    assert "<script>" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert "<a " not in hostile and "www.example.com" in hostile
    index = renderer.parse((run_output / "index.md").read_text(encoding="utf-8"))
    hrefs = [c.attrs["href"] for t in index for c in (t.children or []) if c.type == "link_open"]
    assert hrefs == [path.name for path in briefs]


def test_view_command_builds_the_site_of_a_run(run_output: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarize.cli import app

    site = tmp_path / "site"
    result = CliRunner().invoke(app, ["view", str(run_output), "--to", str(site)])
    assert result.exit_code == 0, result.output
    assert "3 brief page(s)" in result.output
    records = sorted(run_output.glob("*.json"))
    assert sorted(p.name for p in site.iterdir()) == sorted(
        [f"{p.stem}.html" for p in records] + ["index.html"]
    )
    page = parse(site / "hostile.html")
    assert not page.find_all("script")
    assert "<script>alert(1)</script>" in page.text()
    assert all(a.attrs["href"].startswith(("#p", "index.html")) for a in page.find_all("a"))
    # A record cut short is said, exit 1; another program's JSON file is none of the view's
    # business (it made the view exit 1 for good, though a run takes it as the user's own).
    record_text = sorted(run_output.glob("*.json"))[0].read_text(encoding="utf-8")
    (run_output / "notes.json").write_text('{"a": 1}', encoding="utf-8")
    ours = CliRunner().invoke(app, ["view", str(run_output), "--to", str(site)])
    assert ours.exit_code == 0 and "notes.json" not in ours.output, ours.output
    (run_output / "broken.json").write_text(record_text[: len(record_text) // 2], encoding="utf-8")
    again = CliRunner().invoke(app, ["view", str(run_output), "--to", str(site)])
    assert again.exit_code == 1 and "broken.json" in again.output
    assert "notes.json" not in again.output
    missing = CliRunner().invoke(app, ["view", str(tmp_path / "nothing")])
    assert missing.exit_code == 2
    # Said as what it is: "not a folder" read as if something else stood there.
    assert "nothing: no such folder" in missing.output, missing.output
    # A brief whose record is gone loses its page (the index no longer lists it); a file of
    # the user's own stays; a site folder that cannot be made is one line and exit 2.
    (site / "notes.html").write_text("<p>mine</p>", encoding="utf-8")
    kept = sorted(run_output.glob("*.json"))[0]
    moved = tmp_path / kept.name
    kept.rename(moved)
    try:
        third = CliRunner().invoke(app, ["view", str(run_output), "--to", str(site)])
    finally:
        moved.rename(kept)
    assert third.exit_code == 1, third.output
    assert not (site / f"{kept.stem}.html").exists() and (site / "notes.html").exists()
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    blocked = CliRunner().invoke(app, ["view", str(run_output), "--to", str(a_file / "site")])
    assert blocked.exit_code == 2 and "cannot create the site folder" in blocked.output
    assert "Traceback" not in blocked.output


def test_ctrl_c_during_a_view_is_said_and_exits_130_as_a_run_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the view writes its pages ended with click's "Aborted!" and exit 1, where
    every other command says it was interrupted and exits 130."""
    from typer.testing import CliRunner

    import summarize.view as view
    from summarize.cli import app

    output = tmp_path / "briefs"
    output.mkdir()
    for number in range(3):
        write_brief(output / f"article-{number}.md", make_brief(number))
    written: list[Path] = []
    write = view._write_if_changed

    def stopped_at_the_second(path: Path, text: str) -> None:
        if written:
            raise KeyboardInterrupt
        write(path, text)
        written.append(path)

    monkeypatch.setattr(view, "_write_if_changed", stopped_at_the_second)
    result = CliRunner().invoke(app, ["view", str(output), "--to", str(tmp_path / "site")])
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output and "Aborted" not in result.output
    assert [path.name for path in (tmp_path / "site").iterdir()] == [written[0].name]


def test_ctrl_c_while_a_view_says_how_it_went_is_said_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C once every page is written, while the view prints its skipped records and its
    summary line: the view had given the signals back, and it ended without a word."""
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", make_brief(0))
    ctrl_c_at_the_summary_line(monkeypatch)
    result = invoke_as_in_a_terminal(["view", str(output), "--to", str(tmp_path / "site")])
    assert result.exit_code == 130, result.output
    assert "interrupted: the pages written so far are complete" in result.output
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_site_folder_given_as_to_equals_tilde_is_in_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--to=~/site``: no shell expands a ``~`` after ``=``, and the view wrote its pages into a
    folder named "~" in the working directory, its last line naming "~/site/index.html"."""
    from typer.testing import CliRunner

    from summarize.cli import app

    home, here = tmp_path / "home", tmp_path / "here"
    home.mkdir()
    here.mkdir()
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", make_brief(0))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(here)
    result = CliRunner().invoke(app, ["view", str(output), "--to=~/site"])
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (home / "site").iterdir()) == [
        "article-0.html",
        "index.html",
    ]
    assert not any(here.iterdir())
    assert str(home / "site" / "index.html") in result.output


STOPPED_AT_THE_SECOND_PAGE = """
import os, signal, sys
import summarize.view as view

write = view._write_if_changed
written = []
stop = getattr(signal, sys.argv[1])

def stopped_at_the_second(path, text):
    if written:
        os.kill(os.getpid(), stop)
    write(path, text)
    written.append(path)

view._write_if_changed = stopped_at_the_second
sys.argv = ["summarize", "view", *sys.argv[2:]]
from summarize.__main__ import main
main()
"""


@pytest.mark.parametrize("stop", ["SIGTERM", *(["SIGHUP"] if hasattr(signal, "SIGHUP") else [])])
def test_a_view_stopped_by_sigterm_or_sighup_says_so_as_for_ctrl_c(
    tmp_path: Path, stop: str
) -> None:
    """SIGTERM (a scheduler, `timeout`) or SIGHUP (the terminal closed) killed a view at once,
    unsaid (exit 143, 129), and one that came while a page was written left its temp file in
    the site for good: it stops as Ctrl-C does, exit 130, the pages written so far complete."""
    output, site = tmp_path / "briefs", tmp_path / "site"
    output.mkdir()
    for number in range(3):
        write_brief(output / f"article-{number}.md", make_brief(number))
    result = subprocess.run(
        [sys.executable, "-c", STOPPED_AT_THE_SECOND_PAGE, stop, str(output), "--to", str(site)],
        capture_output=True,
        text=True,
        # The signals as in a terminal: `nohup pytest` ignores SIGHUP, and the view leaves it so.
        preexec_fn=lambda: signal.signal(getattr(signal, stop), signal.SIG_DFL),
        timeout=120,
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr.startswith("interrupted: the pages written so far are complete")
    assert [path.name for path in site.iterdir()] == ["article-0.html"]


def test_a_flag_only_the_translation_backs_says_so_in_the_view(tmp_path: Path) -> None:
    """The Markdown brief gives a flag's reason ("only in the translation: its German sentence
    does not state it"); the view showed the number alone, its mark's tooltip saying "not found
    in the article", while the reader saw it in the English column."""
    from summarize.checks import Flag
    from summarize.checks.translation_warnings import ONLY_IN_TRANSLATION

    output = tmp_path / "briefs"
    output.mkdir()
    flags = (
        Flag("number", "15,000", ONLY_IN_TRANSLATION),
        Flag("name", "Pyongyang", "name not in the article"),
    )
    brief = dataclasses.replace(make_brief(0), flags=flags)
    write_brief(output / "article-0.md", brief)
    build_site(output, tmp_path / "site")
    html = (tmp_path / "site" / "article-0.html").read_text(encoding="utf-8")
    assert f"15,000</bdi></mark> ({ONLY_IN_TRANSLATION})</li>" in html
    assert f'title="number {ONLY_IN_TRANSLATION}"' in html
    # any other reason is the list's heading's, as in the Markdown brief
    assert "Pyongyang</bdi></mark></li>" in html
    assert 'title="number number' not in html


def test_a_sentence_with_several_translation_warnings_is_named_once(tmp_path: Path) -> None:
    """A sentence with three warnings read "sentence 1: …; sentence 1: …; sentence 1: …" under
    its paragraph, in the brief and on its page: each sentence is named once, its warnings after
    it, the next sentence's after its own name."""
    warnings = (
        (1, TranslationWarning("repetition", "repeats “people”")),
        (1, TranslationWarning("missing_numbers", "“1.000” not in the English")),
        (2, TranslationWarning("length_ratio", "English is 3.1× the German length")),
    )
    brief = dataclasses.replace(
        make_brief(0),
        paragraphs=(
            ParagraphPair(
                ("Es kamen 1.000 Menschen.", "Alle blieben."),
                ("People people people came.", "All of them stayed there for a long time."),
                warnings,
            ),
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    said = (
        "Translation warnings: sentence 1: repeats “people”; “1.000” not in the English. "
        "Sentence 2: English is 3.1× the German length."
    )
    markdown = (output / "article-0.md").read_text(encoding="utf-8")
    assert f"*{said}*" in markdown.replace("\\", "")
    page = build_site(output, tmp_path / "site").pages[0].read_text(encoding="utf-8")
    assert said in re.sub(r"<[^>]+>", "", page)


def test_sentences_warnings_are_parted_by_a_full_stop(tmp_path: Path) -> None:
    """A paragraph's warnings used "; " between one sentence's warnings and between sentences
    alike: "sentence 1: …; …; sentence 2: …; sentence 3: …" read as one run-on list, where a
    reader looks for where one sentence's warnings end. A full stop ends each sentence's."""
    length = TranslationWarning("length_ratio", "English is 0.3× the German length")
    numbers = TranslationWarning("missing_numbers", "“1500” not in the English")
    brief = dataclasses.replace(
        make_brief(0),
        paragraphs=(
            ParagraphPair(
                ("Es kamen 1500 Menschen.", "Alle blieben.", "Dann gingen sie."),
                ("People came.", "All.", "Then."),
                ((1, length), (1, numbers), (2, length), (3, length)),
            ),
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    # The ratio the three sentences share is said once, after them all
    # (test_a_warning_of_several_sentences_is_said_once).
    said = (
        "Translation warnings: sentences 1, 2, 3: English is 0.3× the German length. "
        "Sentence 1: “1500” not in the English."
    )
    markdown = (output / "article-0.md").read_text(encoding="utf-8").replace("\\", "")
    page = build_site(output, tmp_path / "site").pages[0].read_text(encoding="utf-8")
    for shown in (markdown, re.sub(r"<[^>]+>", "", page)):
        assert said in shown
        assert "; sentence" not in shown


def test_a_warning_of_several_sentences_is_said_once(tmp_path: Path) -> None:
    """With a translation output limit too small for the article (12 tokens, tiny models on
    seed 001), "the English reached the translator's 12-token output limit and may be cut"
    stood after each sentence of nearly every paragraph, 47 times in one brief. A warning that
    sentences share is said once after their numbers ("sentences 1, 2, 4: …"), in the brief and
    on its page; each warned sentence stays marked on the page, and the record keeps every
    sentence's warnings and the count."""
    limit = TranslationWarning(
        "output_limit", "the English reached the translator's 12-token output limit and may be cut"
    )
    numbers = TranslationWarning("missing_numbers", "“1500” not in the English")
    brief = dataclasses.replace(
        make_brief(0),
        paragraphs=(
            ParagraphPair(
                ("Es kamen 1500 Menschen.", "Alle blieben.", "Dann gingen sie.", "Dann aßen sie."),
                ("People came.", "All.", "Then.", "Then they ate."),
                ((1, limit), (1, numbers), (2, limit), (4, limit)),
            ),
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    record = write_brief(output / "article-0.md", brief)
    said = (
        "Translation warnings: sentences 1, 2, 4: the English reached the translator's 12-token "
        "output limit and may be cut. Sentence 1: “1500” not in the English."
    )
    markdown = (output / "article-0.md").read_text(encoding="utf-8").replace("\\", "")
    page = build_site(output, tmp_path / "site").pages[0].read_text(encoding="utf-8")
    for shown in (markdown, unescape(re.sub(r"<[^>]+>", "", page))):
        assert said in shown
        assert shown.count("12-token output limit") == 1
    assert page.count('<span class="warned"') == 2 * 3  # English and German of sentences 1, 2, 4
    assert record.counts.translation_warnings == 4
    assert [len(sentence.warnings) for sentence in record.paragraphs[0].sentences] == [2, 1, 0, 1]


def test_one_translation_warning_is_labelled_as_one(tmp_path: Path) -> None:
    """A paragraph or headline with a single translation warning said "Translation warnings:"
    over it, in the brief and on its page, as if there were more."""
    one = TranslationWarning("length_ratio", "English is 3.1× the German length")
    brief = dataclasses.replace(
        make_brief(0),
        title_warnings=(one,),
        paragraphs=(
            ParagraphPair(("Alle blieben.",), ("All of them stayed there for long.",), ((1, one),)),
        ),
    )
    output = tmp_path / "briefs"
    output.mkdir()
    write_brief(output / "article-0.md", brief)
    markdown = (output / "article-0.md").read_text(encoding="utf-8").replace("\\", "")
    page = build_site(output, tmp_path / "site").pages[0].read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    for shown in (markdown, text):
        assert "Translation warning: sentence 1: English is 3.1× the German length." in shown
        assert "Headline translation warning: English is 3.1× the German length." in shown
        assert "Translation warnings:" not in shown
        assert "translation warnings:" not in shown.split("\n---\n", 1)[-1]
