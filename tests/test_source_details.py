"""What a source says of itself (its address, date, author, site) reaches the brief and the view:
an analyst could not cite a web page's brief, nor date what it calls "Friday"."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_render import make_brief, split_front_matter

from summarize.clean import clean_text
from summarize.config import load_config
from summarize.ingest import extract_html, read_article
from summarize.ingest.details import SourceDetails, front_matter_details
from summarize.outputs import write_brief
from summarize.record import parse_record
from summarize.render import render_brief
from summarize.stages import prepare
from summarize.view import build_site

PAGE = """<html><head><title>Haushalt 2025 - Tagesblatt</title>
<link rel="canonical" href="https://www.tagesblatt.example/politik/haushalt-2025-123.html">
<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">
<meta name="author" content="Anna Schmidt"><meta property="og:site_name" content="Tagesblatt">
</head><body><article><h1>Haushalt 2025</h1>
<p>Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen, wie die
Regierung in Berlin mitteilte.</p></article></body></html>"""

DETAILS = SourceDetails(
    url="https://www.tagesblatt.example/politik/haushalt-2025-123.html",
    date="2025-03-14",
    author="Anna Schmidt",
    site="Tagesblatt",
)


SENTENCE = "<p>Der Bundestag hat beschlossen, was er wollte, wie gesagt wurde.</p>"
LONGER_SENTENCE = "<p>Der Bundestag hat beschlossen, was er wollte, wie gesagt wurde, heißt es.</p>"


def _details_of(tmp_path: Path, head: str = "", body: str = SENTENCE) -> SourceDetails:
    """What ``read_article`` reads of a page with ``head`` and ``body``."""
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    return read_article(tmp_path / "seite.html").details


def test_a_web_pages_metadata_is_read(tmp_path: Path) -> None:
    (tmp_path / "seite.html").write_text(PAGE, encoding="utf-8")
    assert read_article(tmp_path / "seite.html").details == DETAILS


def test_a_markdown_files_front_matter_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Haushalt\ndate: 2025-03-14\nauthor: [Anna Schmidt, Bernd Meier]\n"
        "url: https://x.example/a\n---\n\nDer Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    details = read_article(tmp_path / "a.md").details
    assert details == SourceDetails(
        "https://x.example/a", "2025-03-14", "Anna Schmidt, Bernd Meier"
    )


def test_an_obsidian_web_clippings_author_and_date_are_read(tmp_path: Path) -> None:
    """Obsidian's Web Clipper writes the authors as wiki links and the article's date as
    "published" ("created" is the day it was clipped): the brief said "by [[Anna Schmidt]]"
    and gave no date; Hugo's "publishDate" was not read either."""
    (tmp_path / "a.md").write_text(
        '---\ntitle: "Haushalt 2025"\nsource: "https://www.tagesblatt.example/haushalt"\n'
        'author:\n  - "[[Anna Schmidt]]"\n  - "[[Bernd Meier|B. Meier]]"\n'
        "published: 2025-03-14\ncreated: 2025-03-20\n---\n"
        "Der Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    assert read_article(tmp_path / "a.md").details == SourceDetails(
        "https://www.tagesblatt.example/haushalt", "2025-03-14", "Anna Schmidt, B. Meier"
    )
    (tmp_path / "b.md").write_text(
        "+++\ntitle = 'Haushalt'\npublishDate = 2025-03-14\n+++\nDer Bundestag beschloss.\n",
        encoding="utf-8",
    )
    assert read_article(tmp_path / "b.md").details.date == "2025-03-14"
    # "date" is the article's own where a front matter gives both.
    assert front_matter_details({"date": "2025-03-01", "published": "2025-03-14"}).date == (
        "2025-03-01"
    )


@pytest.mark.parametrize(
    ("names", "author", "site"),
    [
        ("author: [[Anna Schmidt]]", "Anna Schmidt", ""),
        ("author: [[Anna Schmidt|A. Schmidt]]\nsite: [[Tagesblatt]]", "A. Schmidt", "Tagesblatt"),
        (
            "author:\n  - [[Anna Schmidt]]\n  - [[Bernd Meier|B. Meier]]",
            "Anna Schmidt, B. Meier",
            "",
        ),
        # a list in a list that is no wiki link is still left out
        ("author: [[Anna Schmidt, Bernd Meier]]", "", ""),
    ],
)
def test_an_unquoted_wiki_link_is_an_authors_name(
    tmp_path: Path, names: str, author: str, site: str
) -> None:
    """YAML reads an unquoted wiki link ("author: [[Anna Schmidt]]") as a list in a list
    ([["Anna Schmidt"]]), which is left out as no name (against YAML aliases): the brief gave
    no author, where the quoted link gave "by Anna Schmidt"."""
    (tmp_path / "a.md").write_text(
        f"---\ntitle: Haushalt\n{names}\n---\n\nDer Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    assert read_article(tmp_path / "a.md").details == SourceDetails(author=author, site=site)


@pytest.mark.parametrize(
    "front_matter",
    [
        "---\nTitle: Haushalt 2025\nAuthor: Anna Schmidt\nDate: 2025-03-14\n---\n",
        '+++\nTitle = "Haushalt 2025"\nAuthor = "Anna Schmidt"\nDate = 2025-03-14\n+++\n',
    ],
)
def test_a_front_matters_keys_are_read_in_any_case(tmp_path: Path, front_matter: str) -> None:
    """ "Title:" made the block front matter (its lines left out of the text), but its title,
    author and date were never read: the article lost its headline, the brief its source."""
    (tmp_path / "a.md").write_text(
        f"{front_matter}\nDer Bundestag hat am Freitag beschlossen.\n", encoding="utf-8"
    )
    article = read_article(tmp_path / "a.md")
    assert article.page_title == "Haushalt 2025"
    assert article.text.startswith("Haushalt 2025\n\nDer Bundestag")
    assert (article.details.author, article.details.date) == ("Anna Schmidt", "2025-03-14")
    # The key written in lower case is the front matter's own where both are given.
    (tmp_path / "b.md").write_text(
        "---\ntitle: Haushalt\nTitle: Etwas anderes\n---\n\nDer Bundestag hat beschlossen.\n",
        encoding="utf-8",
    )
    assert read_article(tmp_path / "b.md").page_title == "Haushalt"


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="javascript:alert(1)">',
        '<meta property="og:url" content="/relativ/seite.html">',
        f'<meta name="author" content="{"Anna " * 100}">',
    ],
)
def test_metadata_that_is_no_such_value_is_left_out(tmp_path: Path, head: str) -> None:
    details = _details_of(tmp_path, head)
    assert not details.url and not details.author


@pytest.mark.parametrize(
    ("head", "site", "author"),
    [
        (
            '<meta name="copyright" content="Copyright 2003 - 2019 by speicherguide.de GbR '
            'Karl Fröhlich, Ulrike Haak">',
            "",
            "",
        ),
        ('<meta name="copyright" content="Copyright © 2001-2009">', "", ""),
        ('<meta name="copyright" content="(C) 2020 By Vinos Y Tapas">', "", ""),
        ('<meta name="author" content="Anna Schmidt; Copyright Tagesblatt GmbH">', "", ""),
        # a name that holds the word is a name
        (
            '<meta property="og:site_name" content="U.S. Copyright Office">'
            '<meta name="author" content="Anna Schmidt">',
            "U.S. Copyright Office",
            "Anna Schmidt",
        ),
    ],
)
def test_a_copyright_notice_is_no_site_name_nor_author(
    tmp_path: Path, head: str, site: str, author: str
) -> None:
    """A page's copyright notice (its ``<meta name="copyright">``, which trafilatura reads as
    the site's name where no og:site_name is given) is left out: the brief said "Source (as the
    page says): Copyright 2003 - 2019 by speicherguide.de GbR Karl Fröhlich, Ulrike Haak", on
    4 real pages of about 700 (trafilatura's test cache and the development pages' HTML)."""
    details = _details_of(tmp_path, head)
    assert (details.site, details.author) == (site, author)
    meta = {"publisher": "Copyright © 2024 Tagesblatt", "site": "", "author": "© Anna Schmidt"}
    assert (front_matter_details(meta).site, front_matter_details(meta).author) == ("", "")


HEADLINE = "Streit ums Feuerholz im Stadtwald"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # og:title is taken whole; of a <title>, the part without a dot is the headline.
        (f'<meta property="og:title" content="{HEADLINE} - Waldblatt">', HEADLINE),
        (f"<title>{HEADLINE} | www.Waldblatt.de</title>", HEADLINE),
        (f'<meta property="og:title" content="Waldblatt - {HEADLINE}">', HEADLINE),
        (f'<meta property="og:title" content="{HEADLINE} | WALDBLATT.de">', HEADLINE),
        # What is left is no headline by itself (the cleaner's: four words, no full stop), or
        # no more the headline than the name: the title stays whole.
        ('<meta property="og:title" content="Streit ums Feuerholz - Waldblatt">', ""),
        ('<meta property="og:title" content="Der Wald ist leer. - Waldblatt">', ""),
        ('<meta property="og:title" content="Neu im Waldblatt - Feuerholz">', ""),
    ],
)
def test_a_titles_site_name_the_page_names_is_no_part_of_the_headline(
    tmp_path: Path, head: str, title: str
) -> None:
    """A page's title that carries its site's name, as the page's metadata names the site, heads
    the brief without it: "Ultium Cells erhöht Gigafactory-Kapazität - Battery-News.de", "… |
    HR JOURNAL" were the headlines of development pages, the site's name in the source line
    too. ``title`` "": the title stays whole."""
    body = (
        "<p>Der Streit um das Brennholz aus dem Stadtwald geht weiter, wie der Förster am Montag "
        "im Rathaus sagte.</p><p>Die Stadt will die Preise für die Bürger im kommenden Winter "
        "nicht erhöhen, sagte der Bürgermeister am Abend.</p>"
    )
    site = '<meta property="og:site_name" content="Waldblatt">'
    page = f"<html><head>{head}{site}</head><body><article>{body}</article></body></html>"
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "seite.html")
    whole = head.split('content="')[-1].split('"')[0]
    assert (article.page_title, article.details.site) == (title or whole, "Waldblatt")
    if title:
        prepared = prepare(article, load_config(project_file=None))
        assert prepared.segmented.title == title


@pytest.mark.parametrize(
    ("written", "author"),
    [
        (
            "Bundesministerium für Wirtschaft und Klimaschutz",
            "Bundesministerium für Wirtschaft und Klimaschutz",
        ),
        (
            "Eidgenössisches Departement für Wirtschaft, Bildung und Forschung WBF",
            "Eidgenössisches Departement für Wirtschaft, Bildung und Forschung WBF",
        ),
        ("Kirche und Leben, Münster", "Kirche und Leben, Münster"),
        ("Anna Schmidt", "Anna Schmidt"),
    ],
)
def test_an_author_is_named_as_the_pages_author_tag_writes_it(
    tmp_path: Path, written: str, author: str
) -> None:
    """trafilatura splits an author tag's value at "und" and commas, as a list of people: the
    brief said "by Bundesministerium für Wirtschaft; Klimaschutz", a ministry's name changed,
    and "Kirche; Leben; Münster" for the newspaper "Kirche und Leben"."""
    head = f'<meta name="author" content="{written}">'
    assert _details_of(tmp_path, head).author == author


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:publisher" content="https://www.facebook.com/Tagesblatt/">',
        '<meta name="publisher" content="https://www.tagesblatt.example">',
    ],
)
def test_a_web_address_is_no_site_name(tmp_path: Path, head: str) -> None:
    """A page's publisher given as a web address (its Facebook page, its own address), which
    trafilatura reads as the site's name, is left out: the brief said "Source (as the page
    says): https://www.facebook.com/DERFARANG/"."""
    assert _details_of(tmp_path, head).site == ""
    meta = {"publisher": "https://www.facebook.com/Tagesblatt/"}
    assert front_matter_details(meta).site == ""
    assert front_matter_details({"site": "", "publisher": "Tagesblatt"}).site == "Tagesblatt"


@pytest.mark.parametrize(
    ("written", "author"),
    [
        # what follows the last name, which trafilatura leaves out, stays out
        (
            "Landesanstalt für Wald und Forstwirtschaft - LWF",
            "Landesanstalt für Wald und Forstwirtschaft",
        ),
        # a comma with no space after it gets one
        ("Kirche und Leben,Münster", "Kirche und Leben, Münster"),
        ("Harm,Robert", "Harm, Robert"),
        # people, as trafilatura lists them: no German "und" in the English brief, no two
        # names read as one
        ("Anna Schmidt und Peter Müller (Fotos: dpa)", "Anna Schmidt; Peter Müller"),
        ("Ursula von der Leyen und Peter Müller", "Ursula von der Leyen; Peter Müller"),
        ("Sadhbh O'Sullivan,Elisabeth Kochan", "Sadhbh O'Sullivan; Elisabeth Kochan"),
        ("Anna Schmidt;Peter Müller", "Anna Schmidt; Peter Müller"),
    ],
)
def test_an_author_tag_read_as_written_holds_its_names_alone(
    tmp_path: Path, written: str, author: str
) -> None:
    """An author tag read as it writes an organisation's name holds the names and their joints
    alone: since 67a2c52 the brief said "by … Forstwirtschaft - LWF" (what trafilatura had left
    out came back), "by Sadhbh O'Sullivan,Elisabeth Kochan" (two people as one name, a
    development page) and "by Anna Schmidt und Peter Müller" (a German "und" in the English
    brief), where trafilatura's list of people was right."""
    head = f'<meta name="author" content="{written}">'
    assert _details_of(tmp_path, head).author == author


@pytest.mark.parametrize(
    ("written", "author"),
    [
        ("speicherguide.de", "speicherguide.de"),
        ("Bund der Energieverbraucher e.V.", "Bund der Energieverbraucher e.V."),
        ("Dr. Sebastian Brüggemann", "Dr. Sebastian Brüggemann"),
        ("wegewerk GmbH", "wegewerk GmbH"),
        ("Bündnis 90/Die Grünen Bundestagsfraktion", "Bündnis 90/Die Grünen Bundestagsfraktion"),
        ("GIROMATCH, Frankfurt a. M., Germany", "GIROMATCH, Frankfurt a. M., Germany"),
        ("Anna Schmidt und Peter M. Müller", "Anna Schmidt; Peter M. Müller"),
        # a user's name reads as the person's, as trafilatura writes it
        ("michael.andrusio", "Michael Andrusio"),
        ("gabor_munier", "Gabor Munier"),
    ],
)
def test_an_authors_name_keeps_its_full_stops_and_capitals(
    tmp_path: Path, written: str, author: str
) -> None:
    """trafilatura writes an author's full stops as spaces, capitalises a name written in lower
    case and cuts a part at its first digit: the brief said "by Speicherguide De", "by Bund der
    Energieverbraucher e V", "by Wegewerk Gmbh", "by Bündnis ; Die Grünen Bundestagsfraktion"
    (26 of the 588 development pages)."""
    head = f'<meta name="author" content="{written}">'
    assert _details_of(tmp_path, head).author == author


@pytest.mark.parametrize(
    ("head", "site"),
    [
        ("<title>Protokoll der Vorstandssitzung vom 10. Oktober 2019 – TALENT Schweiz</title>", ""),
        ("<title>Festspiel-Reisen kosteten 57.000 Euro | Exxpress</title>", ""),
        ("<title>Weltweit | Autonome Waffensysteme | 02.11.2021</title>", ""),
        # a domain's full stop, and a site's name the page gives, stay
        ("<title>Neue Umgehungsstraße im Ort freigegeben - sat1.de</title>", "sat1.de"),
        (
            '<title>Spieltag - 1. FC Köln</title><meta property="og:site_name" '
            'content="1. FC Köln">',
            "1. FC Köln",
        ),
    ],
)
def test_a_title_part_with_a_numbers_full_stop_is_no_site_name(
    tmp_path: Path, head: str, site: str
) -> None:
    """trafilatura names a page without a site's name after its ``<title>``'s first part with a
    full stop, taken for a domain ("Headline - Site.de"): a headline's or a date's number made
    the source line say "Source (as the page says): Protokoll der Vorstandssitzung vom 10.
    Oktober 2019", "02.11.2021" (7 of the 588 development pages)."""
    assert _details_of(tmp_path, head).site == site


MODIFIED = '<meta property="article:modified_time" content="2020-09-30T09:13:31+00:00">'
JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"WebPage", "datePublished": "2017-04-25T14:07:03+00:00", "dateModified": '
    '"2020-09-30T09:13:31+00:00"}</script>'
)


@pytest.mark.parametrize(
    ("head", "date"),
    [
        (MODIFIED + JSON_LD, "2017-04-25"),
        (MODIFIED, "2020-09-30"),
        # a tag that gives the publication wins, as htmldate reads it
        (
            '<meta property="article:published_time" content="2020-09-30T08:00:00+00:00">'
            + MODIFIED
            + JSON_LD,
            "2020-09-30",
        ),
    ],
)
def test_a_page_is_dated_at_its_publication_not_its_last_change(
    tmp_path: Path, head: str, date: str
) -> None:
    """A page whose meta tags give only its last change, and whose JSON-LD its publication (a
    WordPress page's Yoast tags), is dated at its publication: htmldate reads the meta tags
    first, and a lexicon page published in 2017 was "dated 2020-09-30" (3 of the 588
    development pages)."""
    assert _details_of(tmp_path, head).date == date


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<span class="author">Autor: john</span>', "john"),
        ('<a rel="author">Zeige alle Beiträge von Petra Ruland</a>', "Petra Ruland"),
        ('<a rel="author">Artikel von hausinfo</a>', "hausinfo"),
        ('<div class="author">Zum Profil von jesusfreak jesusfreak</div>', "jesusfreak"),
        ('<p class="author">Beitrag von r23 » 21.01.2009, 05:42</p>', ""),
        ('<span class="author">Ursula von der Leyen</span>', "Ursula von der Leyen"),
        # gendered labels (NDR: "Autor/in: Korinna Hennig" gave "Autor; In Korinna Hennig")
        ('<span itemprop="author">Autor/in: Korinna Hennig</span>', "Korinna Hennig"),
        ('<span class="author">Autor*in: Korinna Hennig</span>', "Korinna Hennig"),
        # "Text und Interview:", "Interview:" (brand eins, fluter)
        (
            '<div class="article-author">Text und Interview: Harald Willenbrock</div>',
            "Harald Willenbrock",
        ),
        ('<a class="author-link">Interview: Julia Lauter</a>', "Julia Lauter"),
        (
            '<span class="author">Autorinnen: Anna Schmidt, Petra Ruland</span>',
            "Anna Schmidt; Petra Ruland",
        ),
        ('<span class="author">Anna Schmidt</span>', "Anna Schmidt"),
    ],
)
def test_a_bylines_label_is_no_part_of_the_authors_name(
    tmp_path: Path, byline: str, author: str
) -> None:
    """A byline's words before the author's name, which trafilatura keeps where they are no
    "von" or "by" alone, are left out: the brief said "by Zeige alle Beiträge von Petra Ruland"
    ("show all posts by"), "by Autor john" (8 of the 588 development pages)."""
    body = f"<article>{byline}{LONGER_SENTENCE}</article>"
    assert _details_of(tmp_path, body=body).author == author


BYLINE = '<p class="byline">von <span class="author">Anna Schmidt</span></p>'
COMMENT_FORM = (
    '<div id="respond"><form id="commentform"><p class="comment-form-author">'
    '<label for="author">Name</label><input id="author" name="author"></p></form></div>'
)
COMMENTS = (
    '<ol class="commentlist"><li class="comment"><div class="comment-author vcard">'
    "stephangoeldi said, on August 3, 2019</div><p>Schöner Beitrag!</p></li></ol>"
)


@pytest.mark.parametrize(
    ("before", "after", "author"),
    [
        ("", COMMENT_FORM, ""),
        ("", COMMENTS, ""),
        (COMMENT_FORM, BYLINE, "Anna Schmidt"),
        (BYLINE, COMMENT_FORM, "Anna Schmidt"),
        # a form inside the byline (an article's rating) gives it no words
        (
            '<div class="author"><form class="rating"><select><option>Eine realistische '
            "Interpretation des Multiplikators</option></select></form> <a>Georg Quaas</a>, "
            "21. Jan. 2015</div>",
            "",
            "Georg Quaas",
        ),
        # a theme's credit in the footer, a share widget: no byline
        (
            "",
            '<div class="powered"><span class="theme-name">Theme: Catch Evolution by </span>'
            '<span class="theme-author"><a href="http://catchthemes.com/">Catch Themes</a>'
            "</span></div>",
            "",
        ),
        (
            '<div class="author_share"><span>so</span><ul><li>Artikel empfehlen:</li></ul></div>',
            "",
            "",
        ),
        (BYLINE, '<li class="theme-author">Theme: Pirate Rogue von xwolf</li>', "Anna Schmidt"),
        # an article's credits are its byline
        (
            '<section class="c-article__credits"><div>Text: <span class="c-article-card__author">'
            "Anna Schmidt</span></div></section>",
            "",
            "Anna Schmidt",
        ),
        # an opinion piece's own section, named as a comment: its byline stays
        ('<div class="comment"><h1>Ein Kommentar</h1>' + BYLINE + "</div>", "", "Anna Schmidt"),
    ],
)
def test_no_author_is_read_from_a_form_or_a_reader_comment(
    tmp_path: Path, before: str, after: str, author: str
) -> None:
    """A page without an author tag is not credited to a comment form's "Name" field or a
    reader's comment, which trafilatura took for its byline: the brief said "by Name" (4 of the
    588 development pages), "by Stephangoeldi Said; On August 3"; nor to a theme's credit or a
    share widget, whose classes name an author: "by Catch Themes", "by So Artikel Empfehlen"
    (trafilatura's tests/cache shingon-reiki.de, sonntag-sachsen.de)."""
    body = f"{before}<article>{LONGER_SENTENCE}</article>{after}"
    assert _details_of(tmp_path, body=body).author == author


def test_a_plain_text_file_says_nothing_of_itself(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Der Bundestag hat beschlossen.\n", encoding="utf-8")
    assert not read_article(tmp_path / "a.txt").details


def test_the_brief_and_the_view_show_what_the_source_says(tmp_path: Path) -> None:
    brief = dataclasses.replace(make_brief(), details=DETAILS)
    record = brief.record()
    text = render_brief(record, "a.json")
    meta, body = split_front_matter(text)
    assert (meta["source_url"], meta["source_date"]) == (DETAILS.url, DETAILS.date)
    assert (meta["source_author"], meta["source_site"]) == (DETAILS.author, DETAILS.site)
    head = body.split("## Summary", 1)[0]
    assert "Source (as the page says):" in head
    html = MarkdownIt("gfm-like").render(head)
    # said as text, not a link: the article's file gave it
    assert "<a " not in html and "tagesblatt.example/politik" in html
    assert "dated 2025-03-14" in html and "by Anna Schmidt" in html
    (tmp_path / "briefs").mkdir()
    write_brief(tmp_path / "briefs" / "a.md", brief)
    site = build_site(tmp_path / "briefs", tmp_path / "site")
    header = (site.index.parent / "a.html").read_text(encoding="utf-8").split("</header>", 1)[0]
    assert "Source (as the page says):" in header and "dated 2025-03-14" in header
    assert "brief written" in header
    older = json.loads(record.to_json())
    for key in ("source_url", "source_date", "source_author", "source_site"):
        del older[key]
    assert parse_record(json.dumps(older)).source_url is None  # records written before them


def test_a_brief_of_a_source_that_says_nothing_has_no_source_line() -> None:
    text = render_brief(make_brief().record(), "a.json")
    meta, body = split_front_matter(text)
    assert "Source (as the page says)" not in body and "source_url" not in meta


@pytest.mark.parametrize(
    "body",
    [
        "<p>Das Gericht hatte am 14.03.2019 entschieden, wie die Sprecherin sagte.</p>"
        "<p>Die Berufung wurde am 2. Mai 2021 verhandelt.</p>",
        "<p>Das Gericht entschied, wie die Sprecherin sagte.</p><footer>© 2017 Zeitung</footer>",
    ],
)
def test_a_date_is_the_pages_own_not_one_found_in_its_text(tmp_path: Path, body: str) -> None:
    """htmldate's extensive search gave an event's date in the text (2021-05-02) or made one of
    a copyright line (2017-01-01): the brief said "dated" what the page never says it is."""
    (tmp_path / "a.html").write_text(f"<html><body><article>{body}</article></body></html>")
    assert read_article(tmp_path / "a.html").details.date == ""


def test_a_bidi_control_in_one_value_acts_on_that_value_alone(tmp_path: Path) -> None:
    """A right-to-left override in the site's name turned the address, date and author after
    it around; and the view showed a NUL and a BEL of the metadata."""
    details = SourceDetails(
        url="https://news.example/a", date="2025-03-14", author="An\x00na", site="Evil\u202e\x07"
    )
    record = dataclasses.replace(make_brief(), details=details).record()
    line = next(
        line for line in render_brief(record, "a.json").splitlines() if line.startswith("*Source")
    )
    assert "\u2068Evil\u202e\u202c\u2069 · https" in line  # the override closed inside its isolate
    (tmp_path / "briefs").mkdir()
    write_brief(tmp_path / "briefs" / "a.md", dataclasses.replace(make_brief(), details=details))
    site = build_site(tmp_path / "briefs", tmp_path / "site")
    page = (site.index.parent / "a.html").read_text(encoding="utf-8")
    assert "<bdi>Evil\u202e</bdi> · <bdi>https://news.example/a</bdi>" in page
    assert "\x00" not in page and "\x07" not in page


def test_a_front_matter_key_without_a_value_of_its_kind_gives_way_to_the_next() -> None:
    """Hugo's "url" is a path on the site: it hid "source"; an empty "author" hid "authors"."""
    details = front_matter_details(
        {"url": "/politik/haushalt/", "source": "https://t.example/a.html", "author": "",
         "authors": ["Anna", "Bernd"]}
    )  # fmt: skip
    assert (details.url, details.author) == ("https://t.example/a.html", "Anna, Bernd")


@pytest.mark.parametrize("date", ["2024-02-30", "2024-01-01 25:00:00"])
def test_a_front_matter_date_no_calendar_has_costs_no_article(tmp_path: Path, date: str) -> None:
    """PyYAML reads "2024-02-30" as a date and raises ValueError (no YAMLError): the article
    was lost as "reading failed … a defect" for a typo in its metadata. The front matter is
    metadata all the same, its date the text as written."""
    (tmp_path / "a.md").write_text(
        f"---\ntitle: Haushalt\ndate: {date}\nauthor: Anna Schmidt\n---\n\n"
        "Der Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    article = read_article(tmp_path / "a.md")
    assert article.details == SourceDetails(date=date, author="Anna Schmidt")
    assert article.text == "Haushalt\n\nDer Bundestag hat am Freitag beschlossen."
    assert ("markdown_front_matter", f"date: {date}") in article.left_out


def test_a_front_matter_list_holding_itself_costs_no_article(tmp_path: Path) -> None:
    """YAML aliases build a list that holds itself ("author: &a [*a]"): joining its names
    recursed until RecursionError, and the article was lost as "reading failed … a defect"."""
    (tmp_path / "a.md").write_text(
        "---\ntitle: Haushalt\nauthor: &a [Anna Schmidt, *a]\n---\n\n"
        "Der Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    article = read_article(tmp_path / "a.md")
    assert article.details == SourceDetails(author="Anna Schmidt")
    assert article.text == "Haushalt\n\nDer Bundestag hat am Freitag beschlossen."


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<span class="author">admin</span>', ""),
        ('<span class="author">Unknown</span>', ""),
        ('<span class="author">null</span>', ""),
        ('<span class="author">Unknown Author</span>', ""),
        ('<span class="author">von admin</span>', ""),
        ('<span class="author">Anna Schmidt, admin</span>', "Anna Schmidt"),
        # a label's or a button's word alone
        ('<span class="author">Posted</span>', ""),
        ('<span class="author">Follow</span>', ""),
        # the editorial staff is who wrote it
        ('<span class="author">Redaktion</span>', "Redaktion"),
    ],
)
def test_a_placeholder_is_no_authors_name(tmp_path: Path, byline: str, author: str) -> None:
    """A byline's or a JSON-LD's "admin", "null" or "unknown" (a CMS's default account, a
    template's empty field) names nobody: trafilatura drops such a meta tag's value, but the
    brief said "by Admin", "by Null", "by Unknown Author" where a byline or a JSON-LD gave it."""
    body = f"<article>{byline}{LONGER_SENTENCE}</article>"
    assert _details_of(tmp_path, body=body).author == author
    name = byline.split(">")[1].split("<")[0].removeprefix("von ")
    article = {"@context": "https://schema.org", "@type": "NewsArticle"}
    ld = json.dumps({**article, "author": {"@type": "Person", "name": name}})
    head = f'<script type="application/ld+json">{ld}</script>'
    assert _details_of(tmp_path, head, LONGER_SENTENCE).author == author
    assert front_matter_details({"author": name}).author == author.replace("; ", ", ")


@pytest.mark.parametrize(
    ("head", "body", "author"),
    [
        ('<meta name="author" content="www.facebook.com/anna.schmidt">', "", ""),
        ('<meta name="author" content="facebook.com/anna.schmidt">', "", ""),
        ("", '<span class="author">www.facebook.com/anna.schmidt</span>', ""),
        ('<meta name="creator" content="Medianotions, www.medianotions.de">', "", ""),
        # the page names the author outside the address too, or the address is the site's name
        (
            '<meta property="article:author" content="https://www.facebook.com/anna.schmidt">',
            '<span class="author">Anna Schmidt</span>',
            "Anna Schmidt",
        ),
        ('<meta name="author" content="speicherguide.de">', "", "speicherguide.de"),
        # a minified JSON-LD (no spaces) holds addresses beside the name, not around it
        (
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":'
            '"NewsArticle","author":{"@type":"Person","name":"Redaktion","url":'
            '"https://www.tagesblatt.example/autoren/redaktion"}}</script>',
            "",
            "Redaktion",
        ),
    ],
)
def test_a_web_address_is_no_authors_name(
    tmp_path: Path, head: str, body: str, author: str
) -> None:
    """An author tag or byline that gives a web address (the author's Facebook profile, a web
    agency's "Medianotions, www.medianotions.de") names no author: trafilatura reads its
    parts as names, and the brief said "by Www Facebook Com; Anna Schmidt", "by Www
    Medianotions De" (trafilatura's tests/cache/rs-ingenieure.de.tragwerksplanung.html)."""
    assert _details_of(tmp_path, head, f"<article>{body}{LONGER_SENTENCE}</article>").author == (
        author
    )


def test_a_long_run_of_letters_takes_the_author_no_longer_to_read() -> None:
    """The search for web addresses around an author's name tried a domain from each letter of
    a run with no address in it (a script's data): a real page of 380 KB (trafilatura's
    tests/eval chemietechnik.de) took minutes to read."""
    import time

    import lxml.html

    from summarize.ingest.html import _without_names_from_addresses

    run = "a" * 20_000
    root = lxml.html.fromstring(
        f"<html><body><script>{run}.{run}</script><p>Anna Schmidt</p></body></html>"
    )
    start = time.process_time()
    author = _without_names_from_addresses(root, "Anna Schmidt")
    assert time.process_time() - start < 1.0
    assert author == "Anna Schmidt"


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        # the <title>'s first part, the site's name its metadata gives
        (
            '<title>BMJV | Transparenz bei Preisanpassungen</title><meta property="og:site_name" '
            'content="BMJV">',
            "",
            "Transparenz bei Preisanpassungen",
        ),
        # the site's logo, the page's single <h1>; the site named by the page's address
        (
            "<title>Internet-Law » Verstößt der Ausschluss von Pseudonymen gegen Recht?</title>"
            '<link rel="canonical" href="https://www.internet-law.de/2011/07/pseudonyme.html">',
            "<h1>Internet-Law</h1>",
            "Verstößt der Ausschluss von Pseudonymen gegen Recht?",
        ),
        # the first part of a site's name that describes the site too
        (
            '<title>Tragwerksplanung | RS Ingenieure</title><meta name="publisher" '
            'content="RS Ingenieure: Bauingenieurbüro | Beratende Ingenieure VBI">',
            "<h1>RS Ingenieure</h1>",
            "Tragwerksplanung",
        ),
        # the page's og:title, or a <title>'s part with a full stop that no tag names the site
        # with (trafilatura's guess at the site's name), stays
        (
            '<title>ICON • ICON Magazine</title><meta property="og:title" content="ICON Magazine">'
            '<meta property="og:site_name" content="ICON Magazine">',
            "",
            "ICON Magazine",
        ),
        ("<title>»frag.jetzt« – ARSnova</title>", "<h1>»frag.jetzt«</h1>", "»frag.jetzt«"),
        # the site's name alone, or a headline that is no site's name, stays
        ('<title>Tagesblatt</title><meta property="og:site_name" content="Tagesblatt">', "", ""),
        (
            '<title>Tagesblatt | Feuerholz knapp</title><meta property="og:site_name" '
            'content="Waldblatt">',
            "",
            "Tagesblatt",
        ),
    ],
)
def test_a_sites_name_is_no_headline(tmp_path: Path, head: str, body: str, title: str) -> None:
    """A page whose ``<title>`` gives its site's name beside the headline is headed by the
    headline, not the name: trafilatura takes a single ``<h1>`` (the site's logo) or the
    ``<title>``'s first part, and the brief was headed "BMJV", "Internet-Law", "RS Ingenieure"
    (3 of the 65 German pages of trafilatura's tests/cache), the name its source line gave
    too. ``title`` "": the page's title stays what trafilatura read."""
    page = (
        f"<html><head>{head}</head><body>{body}<article>{LONGER_SENTENCE}</article></body></html>"
    )
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "seite.html")
    assert article.page_title == (title or "Tagesblatt")


CANONICAL = '<link rel="canonical" href="https://www.achgut.com/artikel/coronalage">'


@pytest.mark.parametrize(
    ("head", "site"),
    [
        ('<meta name="twitter:site" content="@achgut_com">' + CANONICAL, "achgut.com"),
        ('<meta name="twitter:site" content="@ndr">' + CANONICAL, "achgut.com"),
        ('<meta name="twitter:site" content="@achgut_com">', ""),
        (
            "<title>Impfstoffe | NDR.de - Nachrichten</title>"
            '<meta name="twitter:site" content="@ndr">',
            "NDR",
        ),
        # the page's other tags name the site
        (
            '<meta name="twitter:site" content="@bafa_bund"><script type="application/ld+json">'
            '{"@context": "https://schema.org", "@type": "NewsArticle", "publisher": '
            '{"@type": "Organization", "name": "Bundesamt für Wirtschaft"}}</script>',
            "Bundesamt für Wirtschaft",
        ),
        (
            '<meta name="twitter:site" content="@computerbase">'
            '<meta property="og:site_name" content="ComputerBase">',
            "ComputerBase",
        ),
    ],
)
def test_a_twitter_handle_is_no_site_name(tmp_path: Path, head: str, site: str) -> None:
    """A page's Twitter handle (its ``<meta name="twitter:site">``), which trafilatura takes for
    the site's name where no other tag names it, is not the site's name: the brief's source
    line said "Achgut_com", "Bafa_Bund", "Handelsblatt_De", "Ndr" (25 of the 688 German pages
    of trafilatura's tests/cache and tests/eval). The page's address names the site then, or
    the ``<title>``'s writing of the handle ("NDR")."""
    assert _details_of(tmp_path, head).site == site


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        (
            "<title>BDZV: Olafur Eliasson gestaltet Titelseite für die Zeitungen</title>"
            '<meta property="og:title" content="Pressemitteilungen">',
            "",
            "BDZV: Olafur Eliasson gestaltet Titelseite für die Zeitungen",
        ),
        (
            "<title>ADAC Kindersitz-Test 2018 im Herbst | ADAC</title>"
            '<meta property="og:title" content="adac-kindersitztest-herbst-2018">'
            '<meta property="og:site_name" content="ADAC">',
            "",
            "ADAC Kindersitz-Test 2018 im Herbst",
        ),
        # one word the <title> or an <h1> holds, or a <title> no longer, stays
        (
            "<title>Ausflugtipps Niederrhein und Ruhrgebiet</title>",
            "<h1>Essen-Westviertel</h1>",
            "Essen-Westviertel",
        ),
        (
            "<title>Gaspreise | energieverbraucher.de</title>"
            '<meta property="og:title" content="Gaspreise">',
            "",
            "Gaspreise",
        ),
        (
            '<title>Kurz gesagt</title><meta property="og:title" content="Pressemitteilungen">',
            "",
            "Pressemitteilungen",
        ),
    ],
)
def test_a_sections_label_is_no_headline(tmp_path: Path, head: str, body: str, title: str) -> None:
    """A page's title of one word that neither its ``<title>`` nor an ``<h1>`` holds (a
    section's label its og:title gives, an address's slug) gives way to the ``<title>``: the
    brief was headed "Pressemitteilungen", "Ansprechpartner", "adac-kindersitztest-herbst-2018"
    (8 of the 688 German pages of trafilatura's tests/cache and tests/eval)."""
    page = (
        f"<html><head>{head}</head><body>{body}<article>{LONGER_SENTENCE}</article></body></html>"
    )
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    assert read_article(tmp_path / "seite.html").page_title == title


JSON_LD_PEOPLE = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
    '"NewsArticle", "author": [{"@type": "Person", "name": "Benjamin Fischer"}, '
    '{"@type": "Person", "name": "Marcus Theurer"}]}</script>'
)


@pytest.mark.parametrize(
    ("head", "author"),
    [
        (
            '<meta name="author" content="Frankfurter Allgemeine Zeitung GmbH">'
            '<meta property="og:site_name" content="Frankfurter Allgemeine Zeitung">'
            + JSON_LD_PEOPLE,
            "Benjamin Fischer; Marcus Theurer",
        ),
        (
            '<title>Lithium aus dem Schredder | heise online</title><meta name="author" '
            'content="Denis Dilba"><meta name="dc.creator" content="heise online">',
            "Denis Dilba",
        ),
        # the site alone is the author; a person's name is no site's
        (
            '<meta name="author" content="Tagesblatt GmbH">'
            '<meta property="og:site_name" content="Tagesblatt">',
            "Tagesblatt GmbH",
        ),
        (
            '<meta name="author" content="Anna Schmidt und Peter Müller">'
            '<meta property="og:site_name" content="Tagesblatt">',
            "Anna Schmidt; Peter Müller",
        ),
    ],
)
def test_the_sites_name_is_no_co_author(tmp_path: Path, head: str, author: str) -> None:
    """The site's or publisher's name beside the people who wrote the article is left out:
    trafilatura reads a meta author tag that pages fill with their publisher and a JSON-LD's
    persons alike, and the brief said "by Frankfurter Allgemeine Zeitung GmbH; Benjamin
    Fischer; Marcus Theurer", "by Denis Dilba; heise online" (trafilatura's tests/cache)."""
    assert _details_of(tmp_path, head).author == author


@pytest.mark.parametrize(
    ("headline", "site"),
    [
        ("Spieltag gegen Bayern verloren", "1. FC Köln"),
        # (a headline of more words than the name's, whose four words leave it unclear)
        ("Zweiter Spieltag gegen Bayern verloren", "1. FSV Mainz 05"),
    ],
)
def test_a_site_name_with_a_numbers_full_stop_is_no_part_of_the_headline(
    tmp_path: Path, headline: str, site: str
) -> None:
    """A site's name that holds a number's full stop ("1. FC Köln"), as its og:site_name gives
    it, is left out of the headline as any other is: a full stop followed by a space was taken
    for a sentence's, the mark of a headline's part that trafilatura took for the site's name,
    and the brief was headed "Spieltag gegen Bayern verloren - 1. FC Köln"."""
    head = (
        f'<meta property="og:title" content="{headline} - {site}">'
        f'<meta property="og:site_name" content="{site}">'
    )
    page = f"<html><head>{head}</head><body><article>{LONGER_SENTENCE}</article></body></html>"
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "seite.html")
    assert (article.page_title, article.details.site) == (headline, site)


SITE_AS_AUTHOR = (
    '<meta name="author" content="Die FURCHE"><meta property="og:site_name" content="Die FURCHE">'
)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<p class="byline">von <span class="author">Ursula Baatz</span></p>', "Ursula Baatz"),
        ('<div class="author">Text und Fotos: Ivan Valetny</div>', "Ivan Valetny"),
        # no person's name in the byline: the site stays the author
        ('<div class="author">Stand: 12.05.2020</div>', "Die FURCHE"),
        ('<div class="author">Jan Fleischhauer, Kolumnist</div>', "Die FURCHE"),
        ('<div class="author">Die Furche Redaktion</div>', "Die FURCHE"),
        ("", "Die FURCHE"),
    ],
)
def test_a_byline_names_the_author_where_the_author_tag_names_the_site(
    tmp_path: Path, byline: str, author: str
) -> None:
    """Where the page's author tag gives only the site's own name (a publisher's default), the
    article's byline names its author: trafilatura reads the tag before the byline, and the
    brief said "by Die FURCHE" over Ursula Baatz's article, "by Auto Illustrierte" over Ivan
    Valetny's (2 of the 709 German pages of trafilatura's tests/cache and tests/eval)."""
    body = f"<article>{byline}{LONGER_SENTENCE}</article>"
    assert _details_of(tmp_path, SITE_AS_AUTHOR, body).author == author


TAGBLATT_HEADLINE = "Tanz in der Lokremise: Mit allen Wassern gewaschen"


@pytest.mark.parametrize(
    ("title", "site", "url"),
    [
        # the site's name without its legal form, its first part, its address's host
        ("{} | St.Galler Tagblatt", "St.Galler Tagblatt AG", ""),
        ("{} - OnlineMarketing.de", "OnlineMarketing.de GmbH", ""),
        ("{} - BLINKER", "Blinker - Europas große Anglerzeitschrift", ""),
        ("{} – Süddeutsche.de", "Süddeutsche Zeitung", "https://www.sueddeutsche.de/kultur/1"),
        ("{} | hejfish.com", "Fishing & Outdoor Apps GmbH", "https://www.hejfish.com/news/1"),
        ("{} | ORF", "", "https://wien.orf.at/stories/1"),
    ],
)
def test_a_titles_site_name_written_otherwise_is_no_part_of_the_headline(
    tmp_path: Path, title: str, site: str, url: str
) -> None:
    """A title's site's name written otherwise than the page's metadata names the site, but as
    its name without its legal form, its first part, or its address's host, is left out of the
    headline too: "… | St.Galler Tagblatt" (site "St.Galler Tagblatt AG"), "… - BLINKER"
    ("Blinker - Europas große Anglerzeitschrift"), "… | hejfish.com" headed the brief (22 of
    the 709 German pages of trafilatura's tests/cache and tests/eval)."""
    head = f'<meta property="og:title" content="{title.format(TAGBLATT_HEADLINE)}">'
    head += f'<meta property="og:site_name" content="{site}">' if site else ""
    head += f'<link rel="canonical" href="{url}">' if url else ""
    page = f"<html><head>{head}</head><body><article>{LONGER_SENTENCE}</article></body></html>"
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    assert read_article(tmp_path / "seite.html").page_title == TAGBLATT_HEADLINE


def test_a_title_left_without_its_site_name_is_no_sites_name() -> None:
    """What a title holds besides the site's name is its headline, though trafilatura names the
    site after the whole title: its headline was taken for that name's part, and the brief was
    headed by the rest of the ``<title>``, the blog's address twice."""
    page = (
        '<html><head><title>"Welches Europa wir wollen" - http://www.tafelblog.com'
        "http://www.tafelblog.com</title>"
        '<meta property="og:title" content="&quot;Welches Europa wir wollen&quot; - '
        'http://www.tafelblog.com"><meta property="og:site_name" content="http://www.tafelblog.com">'
        '<meta property="og:url" content="https://www.tafelblog.de/welches-europa-wir-wollen/">'
        f"</head><body><article>{LONGER_SENTENCE}</article></body></html>"
    )
    title, _, _, _, _ = extract_html(page, Path("seite.html"))
    assert title.splitlines()[0] == '"Welches Europa wir wollen"'


@pytest.mark.parametrize(
    ("tag", "byline", "author"),
    [
        ("Lüder Hoppe info@buero-hoppe.de", "", "Lüder Hoppe"),
        ("Anna Schmidt, anna.schmidt@tagesblatt.example", "", "Anna Schmidt"),
        # an address hidden from harvesters; a tag of addresses alone gives way to the byline
        ("cipha[at]cipha.net", "", ""),
        ("redaktion (at) tagesblatt (dot) example", BYLINE, "Anna Schmidt"),
    ],
)
def test_an_email_address_in_the_author_tag_is_no_authors_name(
    tmp_path: Path, tag: str, byline: str, author: str
) -> None:
    """An e-mail address in a page's author tag gives no names: trafilatura reads its parts as
    names where the tag holds more than the address, or the address is written to hide it, and
    the brief said "by Lüder Hoppe info-hoppe de", "by Ciphacipha Net" (2 of the 709 German
    pages of trafilatura's tests/cache and tests/eval)."""
    head = f'<meta name="author" content="{tag}">'
    body = f"<article>{byline}{LONGER_SENTENCE}</article>"
    assert _details_of(tmp_path, head, body).author == author


@pytest.mark.parametrize(
    ("tag", "author"),
    [
        ("Anna Schmidt (https://twitter.com/anna)", "Anna Schmidt"),
        ("Anna Schmidt http://tagesblatt.example/autoren/anna", "Anna Schmidt"),
        ("Anna *Schmidt* [x](http://evil.example)", "Anna Schmidt"),
        ("Anna Schmidt, www.anna.example", "Anna Schmidt"),
        # a bracket holding more than the address stays whole: taken with the address, "(Fotos:"
        # was left open and read as a name's part, "Anna Schmidt Fotos"
        ("Anna Schmidt (Fotos: www.anna.example)", "Anna Schmidt"),
    ],
)
def test_a_web_address_in_the_author_tag_is_no_part_of_a_name(
    tmp_path: Path, tag: str, author: str
) -> None:
    """A web address beside the name in a page's author tag gives no part of it: trafilatura
    splits the address at its "/", keeps its scheme with the name before it, and the brief said
    "by Anna Schmidt https" for "Anna Schmidt (https://twitter.com/anna)"."""
    head = f'<meta name="author" content="{tag}">'
    assert _details_of(tmp_path, head, f"<article>{LONGER_SENTENCE}</article>").author == author


@pytest.mark.parametrize(
    ("body", "author"),
    [
        ('<p class="byline">von <span class="author">happyface313</span></p>', "happyface313"),
        # the page writes the name without digits too: it stays as trafilatura reads it
        (
            '<p class="byline">von <span class="author">Anna23</span></p><p>Anna lädt ein.</p>',
            "Anna",
        ),
    ],
)
def test_a_user_names_digits_are_part_of_it(tmp_path: Path, body: str, author: str) -> None:
    """A one-word name that the page writes only with digits after it, a user's handle, keeps
    them: trafilatura cuts a name at its first digit, and the brief said "by Happyface" for
    the blogger "happyface313" (trafilatura's tests/cache)."""
    assert (
        _details_of(tmp_path, body=f"<article>{body}{LONGER_SENTENCE}</article>").author == author
    )


@pytest.mark.parametrize(
    ("published", "date"),
    [
        ("2022-11-06T23:00:00.000Z", "2022-11-07"),  # midnight in Berlin in winter
        ("2021-06-30T22:00Z", "2021-07-01"),  # and in summer
        # a time of its own, not midnight there, is the page's date as UTC gives it
        ("2019-12-26T23:07:45+00:00", "2019-12-26"),
        ("2022-11-06T23:00:00+01:00", "2022-11-06"),
    ],
)
def test_a_date_written_as_central_european_midnight_in_utc_is_that_day(
    tmp_path: Path, published: str, date: str
) -> None:
    """A page that stores the day it was published as midnight and writes it in UTC is dated
    that day, as it shows it: "2022-11-06T23:00:00.000Z" was "dated 2022-11-06", the page
    saying 7 November (trafilatura's tests/eval beige.de, kas.de)."""
    head = f'<meta property="article:published_time" content="{published}">'
    assert _details_of(tmp_path, head).date == date


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        (
            '<div class="author-info"><span>Sara Zinnecker</span> <span>Stand: 05. Februar 2020'
            "</span></div>",
            "Sara Zinnecker",
        ),
        (
            '<div class="author-info"><a>Anna Schmidt</a><span>vor 5 Stunden</span></div>',
            "Anna Schmidt",
        ),
    ],
)
def test_a_dates_label_in_the_byline_is_no_part_of_the_authors_name(
    tmp_path: Path, byline: str, author: str
) -> None:
    """The label of a date after the author's name in a byline ("Stand:", "vor") is no part
    of the name: trafilatura cuts the byline at the date's first digit, and the brief said "by
    Sara Zinnecker Stand", "by Houzz Deutschland vor" (trafilatura's tests/cache finanztip.de,
    houzz.de)."""
    body = f"<article>{byline}{LONGER_SENTENCE}</article>"
    assert _details_of(tmp_path, body=body).author == author


@pytest.mark.parametrize(
    "head",
    [
        # published in the evening of the 6th in Berlin's time; modified at midnight after it
        '<meta property="article:published_time" content="2022-11-06T18:00:00+01:00">'
        '<meta property="article:modified_time" content="2022-11-06T23:00:00Z">',
        # the day as a date of its own beside a UTC time at midnight in Berlin
        '<meta name="date" content="2022-11-06">'
        '<meta property="article:modified_time" content="2022-11-06T23:00:00Z">',
    ],
)
def test_a_date_the_page_also_writes_otherwise_is_not_moved_to_the_next_day(
    tmp_path: Path, head: str
) -> None:
    """A UTC time at midnight in Berlin moves the date a day on only where the page writes
    that day in UTC alone: a page published "2022-11-06T18:00:00+01:00" and modified at
    "2022-11-06T23:00:00Z" was "dated 2022-11-07", a day late."""
    assert _details_of(tmp_path, head).date == "2022-11-06"


def test_a_date_in_the_pages_address_leaves_a_utc_midnight_its_next_day(tmp_path: Path) -> None:
    """A date in a web address ("…/2022-11-06/…") is no writing of the page's date."""
    head = (
        '<meta property="og:url" content="https://x.example/2022-11-06/gesetz">'
        '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">'
    )
    assert _details_of(tmp_path, head).date == "2022-11-07"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ('<div class="byline">Stand: 12.05.2020</div>', ""),
        ('<div class="byline">Aktualisiert am 12.03.2024</div>', ""),
        ('<div class="byline">Anna Schmidt, aktualisiert am 12.03.2024</div>', "Anna Schmidt"),
        ('<div class="byline">Anna Schmidt Aktualisiert am 12.03.2024</div>', "Anna Schmidt"),
    ],
)
def test_a_dates_label_alone_or_before_am_names_nobody(
    tmp_path: Path, byline: str, author: str
) -> None:
    """A date's label that trafilatura reads as a name of its own ("Stand" of "Stand:
    12.05.2020") or that an "am" parts from the date ("Aktualisiert am 12.03.2024") is no
    author: the brief said "by Stand", "by Aktualisiert", "by Anna Schmidt; Aktualisiert"."""
    body = f"<article>{byline}{LONGER_SENTENCE}</article>"
    assert _details_of(tmp_path, body=body).author == author


ARTICLE_TEXT = (
    "<p>Der Stadtrat hat am Donnerstag mit großer Mehrheit den Bau eines neuen Radwegs "
    "beschlossen. Die Arbeiten sollen im Sommer beginnen.</p>"
    "<p>Nach Angaben der Verwaltung kostet das Projekt rund zwei Millionen Euro, wie ein "
    "Sprecher mitteilte.</p>"
)


@pytest.mark.parametrize(
    ("byline", "dropped"),
    [
        ("<p>Von Anna Schmidt, 14.03.2025</p>", True),
        ('<div class="byline">Von Anna Schmidt | 14.03.2025 | 3 Min. Lesezeit</div>', True),
        (
            '<div class="byline"><span class="author">Von Anna Schmidt</span> | '
            '<span class="date">14. März 2025, 09:30 Uhr</span></div>',
            True,
        ),
        ("<p>Anna Schmidt</p>", True),
        # more than the source line says: a place, another date, a sentence
        ("<p>Von Anna Schmidt, Berlin</p>", False),
        ("<p>Von Anna Schmidt, aktualisiert am 20.03.2025</p>", False),
        ("<p>Anna Schmidt berichtet seit 2010 aus dem Rathaus.</p>", False),
    ],
)
def test_a_byline_the_source_line_gives_is_no_paragraph(
    tmp_path: Path, byline: str, dropped: bool
) -> None:
    """A byline line that says only the author and date the source's details hold goes whole,
    listed as ``byline``: "Von Anna Schmidt, 14.03.2025" was the brief's first paragraph,
    translated and summarised under the source line "dated 2025-03-14 · by Anna Schmidt". A
    line that says more stays as it is."""
    head = (
        '<meta name="author" content="Anna Schmidt">'
        '<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">'
    )
    page = f"<html><head>{head}</head><body><article>{byline}{ARTICLE_TEXT}</article></body></html>"
    (tmp_path / "seite.html").write_text(page, encoding="utf-8")
    article = read_article(tmp_path / "seite.html")
    assert (article.details.author, article.details.date) == ("Anna Schmidt", "2025-03-14")
    prepared = prepare(article, load_config(project_file=None))
    bylines = [item.text for item in prepared.cleaned.dropped if item.rule == "byline"]
    first = prepared.cleaned.paragraphs[0]
    if dropped:
        assert first.startswith("Der Stadtrat hat am Donnerstag")
        assert len(bylines) == 1 and "Anna Schmidt" in bylines[0]
    else:
        assert "Anna Schmidt" in first
        assert not any("Anna Schmidt" in text for text in bylines)
    assert len(prepared.cleaned.paragraphs) == 2 + (not dropped)


@pytest.mark.parametrize(
    ("author", "line", "dropped"),
    [
        # the date's weekday and the comment count a blog's post line gives
        ("Anna Schmidt", "Anna Schmidt, am Freitag, 14.03.2025 - 09:30 (1 Kommentar)", True),
        # the published and the modified date, the same day, printed without a break
        ("Anna Schmidt", "14. März 202514. März 2025 von Anna Schmidt", True),
        # an author known by one name, beside the date, as the site's software writes the account
        ("Tobi", "14. März 2025, 09:30 · von tobi", True),
        ("Redaktion", "Redaktion - 14. März 2025", True),
        # not another weekday; not a one-word name alone or in a sentence
        ("Anna Schmidt", "Anna Schmidt, am Montag, 14.03.2025", False),
        ("Tobi", "Tobi", False),
        ("Redaktion", "Am 14. März 2025 tagte die Redaktion", False),
    ],
)
def test_a_post_line_of_the_known_author_and_date_is_no_paragraph(
    author: str, line: str, dropped: bool
) -> None:
    """A blog's post line that names the source's author and date with its weekday, its comment
    count, the date twice or an author known by one name goes as ``byline``: "Amelie Siekmann,
    am Sonntag, 11.12.2022 - 05:00 (1 Kommentar)", "29. Juni 2017, 23:39 · von Tobi" were the
    brief's first paragraph on 13 of trafilatura's 709 German test pages."""
    text = (
        "Neuer Radweg für die Innenstadt beschlossen\n\n"
        f"{line}\n\n"
        "Der Stadtrat hat am Donnerstag mit großer Mehrheit den Bau eines neuen Radwegs "
        "beschlossen. Die Arbeiten sollen im Sommer beginnen.\n\n"
        "Nach Angaben der Verwaltung kostet das Projekt rund zwei Millionen Euro, wie ein "
        "Sprecher mitteilte.\n"
    )
    cleaned = clean_text(text, author=author, date="2025-03-14")
    assert cleaned.paragraphs[-1].startswith("Nach Angaben der Verwaltung")
    assert (("byline", line) in cleaned.dropped) == dropped


@pytest.mark.parametrize("date", ["2023-02-30", "2023-04-31"])
def test_a_date_no_calendar_has_still_reads_out_its_byline(date: str) -> None:
    """A source date of no such day (a hand-written front matter's "2023-02-30") has no weekday
    to read out before it: looking one up failed the article ("preparing failed on this article
    (ValueError: day is out of range for month)"); its byline goes as before weekdays were read."""
    day, month, year = date[8:], date[5:7], date[:4]
    line = f"Von Anna Schmidt, {day}.{month}.{year}"
    text = (
        "Neuer Radweg für die Innenstadt beschlossen\n\n"
        f"{line}\n\n"
        "Der Stadtrat hat am Donnerstag mit großer Mehrheit den Bau eines neuen Radwegs "
        "beschlossen. Die Arbeiten sollen im Sommer beginnen.\n"
    )
    cleaned = clean_text(text, author="Anna Schmidt", date=date)
    assert cleaned.paragraphs[-1].startswith("Der Stadtrat hat am Donnerstag")
    assert ("byline", line) in cleaned.dropped


# A sidebar's list of seminars, as a WordPress events plugin writes it into the page (the
# escaped line break in its description is one trafilatura's JSON reading fails on, and reads
# the names of the block's "Person" items instead).
_EVENTS_JSON_LD = (
    '<script type="application/ld+json">[{"@context":"http://schema.org","@type":"Event",'
    '"name":"Kutterseminar","description":"&lt;p&gt;Ein Tag auf See.&lt;/p&gt;\\\\n",'
    '"startDate":"2022-03-05T08:00:00+01:00","organizer":{"@type":"Person",'
    '"name":"Fisch &amp; Fang Seminare","url":"https://fischundfang.example/"}}]</script>'
)


@pytest.mark.parametrize(
    ("author_tags", "author"),
    [
        # the article's author in the site's JSON-LD graph
        (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
            '[{"@type": "WebSite", "name": "Tagesblatt"}, {"@type": "Person", '
            '"name": "Anna Schmidt"}]}</script>',
            "Anna Schmidt",
        ),
        ("", ""),  # none: the organizer is no author either
    ],
)
def test_an_events_organizer_is_no_author(tmp_path: Path, author_tags: str, author: str) -> None:
    """A person the page's JSON-LD gives as an event's organizer is not the article's author:
    trafilatura takes each JSON-LD "Person" for one, and the brief said "by Fisch; Fang
    Seminare" for an article by "tkalweit" that a list of seminars stood beside (2 of the 588
    development pages)."""
    details = _details_of(tmp_path, author_tags + _EVENTS_JSON_LD, LONGER_SENTENCE)
    assert details.author == author


@pytest.mark.parametrize("kind", ["Festival", "EventSeries", "CourseInstance", "Hackathon"])
def test_the_organizer_of_an_event_by_another_type_name_is_no_author(
    tmp_path: Path, kind: str
) -> None:
    """schema.org's Event types whose names do not end in "Event" (a "Festival", a seminar's
    "CourseInstance") are events too: the page was read a second time without them only where
    it held 'Event"', and the brief said "by Fisch; Fang Seminare" for a festival's organizer."""
    events = _EVENTS_JSON_LD.replace('"@type":"Event"', f'"@type":"{kind}"')
    assert f'"@type":"{kind}"' in events
    assert _details_of(tmp_path, events, LONGER_SENTENCE).author == ""


def test_a_front_matter_escape_of_a_surrogate_costs_no_run(tmp_path: Path) -> None:
    """PyYAML reads a double-quoted "\\ud83d\\ude00" as two characters, each a lone surrogate,
    which no UTF-8 holds: such a title (an emoji's half left where a tool cut the text, or an
    escape of one) ended the whole run with a Rust panic in the checks (PanicException, no
    Exception: no brief, no index). A pair is its character, a lone half U+FFFD."""
    (tmp_path / "a.md").write_text(
        '---\ntitle: "Haushalt \\ud83d\\ude00 beschlossen \\ud800"\nauthor: "Anna \\udc00"\n---\n\n'
        "Der Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    article = read_article(tmp_path / "a.md")
    assert article.page_title == "Haushalt \N{GRINNING FACE} beschlossen \ufffd"
    assert article.details == SourceDetails(author="Anna \ufffd")
    article.text.encode("utf-8")  # every character one UTF-8 holds


def test_a_front_matters_aliases_are_read_once_each(tmp_path: Path, monkeypatch) -> None:
    """YAML aliases share a list among many (``b: &b [*a, *a, …]``): PyYAML reads each once,
    but pairing the surrogates went down every path to every string, ten times more for each
    level, and a front matter of 600 bytes (nine levels of ten, 10⁹ paths) took minutes to
    read, where it took 0.2 s before. Each list is read once, its strings paired alike."""
    import summarize.ingest.markdown as markdown

    searched: list[str] = []
    pattern = markdown._SURROGATE

    class Counting:
        def search(self, text: str):
            searched.append(text)
            return pattern.search(text)

    monkeypatch.setattr(markdown, "_SURROGATE", Counting())
    lines = ['a0: &a0 ["Ulm", "\\ud83d\\ude00", "\\ud800"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 6)]
    (tmp_path / "a.md").write_text(
        "---\n" + "\n".join(lines) + '\ntitle: "Haushalt \\ud83d\\ude00"\n---\n\n'
        "Der Bundestag hat am Freitag beschlossen.\n",
        encoding="utf-8",
    )
    article = read_article(tmp_path / "a.md")
    assert article.page_title == "Haushalt \N{GRINNING FACE}"
    assert len(searched) < 100, len(searched)  # down every path: 666,682 times
    meta = markdown._yaml_mapping("\n".join(lines))
    assert meta["a0"] == ["Ulm", "\N{GRINNING FACE}", "\ufffd"]
    assert meta["a2"][9][9] == meta["a0"]
