"""Text stages: cleaning rules, headline and lead, HTML input, German segmentation, inspect."""

from __future__ import annotations

import codecs
import gzip
import json
import lzma
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from conftest import REPO, SEEDS
from typer.testing import CliRunner

from summarize.clean import RULE_NAMES, CleanOptions, clean_text, normalize_line
from summarize.cli import app
from summarize.config import load_config
from summarize.errors import ArticleError, ConfigError
from summarize.ingest import (
    extraction_flags,
    markdown_article,
    markdown_text,
    page_text,
    read_article,
)
from summarize.ingest.files import Article
from summarize.ingest.html import parse_html, visible_blocks
from summarize.segment import split_sentences
from summarize.stages import prepare

# Hand labels (tests/data/seed_labels.json, shared with benchmarks/cleaning.py): 1-based line
# numbers of boilerplate. Every other non-blank line is article text and must survive.
_LABELS = json.loads((Path(__file__).parent / "data" / "seed_labels.json").read_text())
BOILERPLATE_LINES = {name: set(lines) for name, lines in _LABELS["boilerplate_lines"].items()}
MIXED_LINES = {(name, n) for name, lines in _LABELS["mixed_lines"].items() for n in lines}

BOILERPLATE_MARKERS = [
    "Artikel teilen", "Empfohlener redaktioneller Inhalt", "Externen Inhalt anzeigen",
    "Ich bin damit einverstanden", "Bild:", "©", "IMAGO", "picture alliance", "Startseite",
    "Lesen Sie außerdem", "Weitere aktuelle Schlagzeilen", "könnte dich auch noch interessieren",
    "Folgen Sie News.de", "Tagesspiegel-App", "CHF", "registriert", "Melden", "Zum Kommentar",
    "Kommentare", "Информация", "Russian President", "Verwendete Quellen", "Mehr «International»",
    "/news.de/dpa", "Tobias Schibilla", "journalistischen Standards", "Zur Story",
]  # fmt: skip


def _received_text(name: str, options: CleanOptions | None = None) -> tuple[str | None, list[str]]:
    cleaned = clean_text((SEEDS / name).read_text(encoding="utf-8"), options)
    return cleaned.title, list(cleaned.paragraphs)


@pytest.mark.parametrize("name", sorted(BOILERPLATE_LINES))
def test_seed_boilerplate_is_gone_and_every_article_line_is_kept(name: str) -> None:
    title, paragraphs = _received_text(name)
    received = "\n".join(([title] if title else []) + paragraphs)
    for marker in BOILERPLATE_MARKERS:
        assert marker not in received, f"{marker!r} reached the translator"
    raw_lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    for number, raw in enumerate(raw_lines, start=1):
        line = normalize_line(raw)
        if not line or (name, number) in MIXED_LINES:
            continue
        head = line[:40]
        if number in BOILERPLATE_LINES[name]:
            assert line not in paragraphs, f"line {number} kept: {line}"
        else:
            assert head in received, f"article line {number} lost: {line}"


def test_mixed_line_keeps_its_article_part() -> None:
    _, paragraphs = _received_text("001_50aac4cd65089cc5.txt")
    assert "Singende Nordkoreaner im Video" in paragraphs


def test_every_dropped_item_is_recorded_with_its_rule() -> None:
    text = (SEEDS / "002_b4d41754e5c68a6e.txt").read_text(encoding="utf-8")
    cleaned = clean_text(text)
    counts = cleaned.dropped_counts()
    assert set(counts) <= set(RULE_NAMES)
    assert counts["tail"] >= 40 and counts["header_labels"] == 2
    # Nothing vanishes unrecorded: every raw line is kept, dropped, or the headline.
    kept = "\n".join([cleaned.title or "", *cleaned.paragraphs])
    dropped = "\n".join(item.text for item in cleaned.dropped)
    for raw in text.splitlines():
        line = normalize_line(raw)
        if line:
            assert line[:25] in kept or line[:25] in dropped, line


def test_rules_can_be_switched_off_one_by_one() -> None:
    name = "002_b4d41754e5c68a6e.txt"
    # With the classifier off too: on its own it also recognises the related story as boilerplate.
    _, without_tail = _received_text(name, CleanOptions(disabled=frozenset({"tail", "classifier"})))
    joined = "\n".join(without_tail)
    # The donation, comment and byline rules still catch their lines on their own ...
    for marker in ["5 CHF", "Zum Kommentar", "registriert Oktober", "Verwendete Quellen"]:
        assert marker not in joined
    # Reader comments go as whole blocks: user name, date line, text, votes.
    for comment in ["Mondblüemli", "Der Imperialismus kommt von Putin", "Loch öffnen zur Hölle"]:
        assert comment not in joined
    # ... but the related story after the article is only recognised as the tail.
    assert any(p.startswith("Gefängnis Saidnaya") for p in without_tail)

    _, without_consent = _received_text(
        "001_50aac4cd65089cc5.txt", CleanOptions(disabled=frozenset({"consent"}))
    )
    assert "Externen Inhalt anzeigen" in without_consent

    raw = clean_text((SEEDS / name).read_text(encoding="utf-8"), CleanOptions(enabled=False))
    assert raw.dropped == () and "5 CHF" in raw.paragraphs


def test_unknown_rule_in_config_is_rejected() -> None:
    with pytest.raises(ConfigError, match="unknown rule"):
        load_config(overrides=['clean.disable=["teasers"]'], project_file=None)
    config = load_config(overrides=['clean.disable=["tail", "teaser"]'], project_file=None)
    assert config.clean.options().disabled == {"tail", "teaser"}


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("000_64f4d420a1ff7ac2.txt", "Kim Jong-un räumt Verluste ein:"),
        ("001_50aac4cd65089cc5.txt", None),
        ("002_b4d41754e5c68a6e.txt", "Nordkoreas Hilfe für Russland"),
        ("003_6d29e0b4accf03c7.txt", "Tausende seiner Soldaten bereits tot"),
        ("004_4153c0ff2f4fab2a.txt", "„Blut, Leben und Tod“"),
    ],
)
def test_headline_is_the_real_one_not_a_section_label(name: str, title: str | None) -> None:
    found, _ = _received_text(name)
    if title is None:
        assert found is None  # no headline line: none is invented
    else:
        assert found is not None and found.startswith(title)


def test_a_link_line_of_arrows_is_not_taken_for_the_headline() -> None:
    """A blog's "← Vorherige Nächste →" is four tokens but two words: not a headline."""
    body = (
        "Am 14. Juni 2005 hielt Steve Jobs eine vielbeachtete Rede vor den Absolventen der "
        "Stanford University. Den Zuhörern erzählte er drei Geschichten aus seinem Leben."
    )
    cleaned = clean_text(f"← Vorherige Nächste →\n\n{body}\n", CleanOptions(enabled=False))
    assert cleaned.title is None
    assert cleaned.paragraphs == ("← Vorherige Nächste →", body)
    titled = clean_text(
        f"Was Innovation wirklich ausmacht →\n\n{body}\n", CleanOptions(enabled=False)
    )
    assert titled.title == "Was Innovation wirklich ausmacht →"


def test_lead_under_the_headline_is_recognised() -> None:
    cleaned = clean_text((SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8"))
    assert cleaned.has_lead and cleaned.paragraphs[0].startswith("Nordkorea hat Russland")
    assert not clean_text("Eine Zeile ohne Titel, aber mit einem Punkt am Ende.").has_lead


def test_hard_wrapped_paragraphs_are_joined_but_web_lines_are_not() -> None:
    text = (
        "Der Minister sagte am Montag in Berlin, dass die Lage an der\n"
        "ukrainischen Grenze weiter angespannt sei.\n\n"
        "Die beliebtesten Kommentare\navatar\n"
    )
    cleaned = clean_text(text, CleanOptions(enabled=False))
    assert cleaned.paragraphs[0].endswith("an der ukrainischen Grenze weiter angespannt sei.")
    assert "avatar" in cleaned.paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Am 3. Juni kam er an. Das war gut.", ["Am 3. Juni kam er an.", "Das war gut."]),
        ("Im 19. Jahrhundert wuchs die Stadt.", ["Im 19. Jahrhundert wuchs die Stadt."]),
        ("Er kam z. B. mit Dr. Weber. Sie nicht.", ["Er kam z. B. mit Dr. Weber.", "Sie nicht."]),
        ("Sie sprach u. a. mit der Stadt bzw. dem Land.",
         ["Sie sprach u. a. mit der Stadt bzw. dem Land."]),
        ("Es kamen ca. 14.000 Menschen nach St. Gallen, Nr. 5 blieb.",
         ["Es kamen ca. 14.000 Menschen nach St. Gallen, Nr. 5 blieb."]),
        ("Der Etat beträgt 5,8 Mio. Euro. Er steigt.",
         ["Der Etat beträgt 5,8 Mio. Euro.", "Er steigt."]),
        ("Er sagte: „Wir kommen.“ Dann ging er.", ["Er sagte: „Wir kommen.“", "Dann ging er."]),
        ("«So ist es», sagte sie. Er nickte.", ["«So ist es», sagte sie.", "Er nickte."]),
        # Straight quotes (common in copied web text): the closing mark stays with its sentence.
        ('Er sagte: "Wir kommen." Dann ging er.', ['Er sagte: "Wir kommen."', "Dann ging er."]),
        ('Es hieß: "Gut. Wir treffen uns im Mai." Ein Termin fehlt.',
         ['Es hieß: "Gut.', 'Wir treffen uns im Mai."', "Ein Termin fehlt."]),
        ("Er rief: 'Halt.' Sie blieb.", ["Er rief: 'Halt.'", "Sie blieb."]),
        # Swiss quotation marks close with "»" (pysbd keeps «…» whole), and single ones too.
        ("«Wir kommen.» Dann ging er.", ["«Wir kommen.»", "Dann ging er."]),
        ("Er sagte: «Wir kommen. Wir gehen.» Dann ging er.",
         ["Er sagte: «Wir kommen. Wir gehen.»", "Dann ging er."]),
        ("Sie fragte: «Wann?» und ging.", ["Sie fragte: «Wann?» und ging."]),
        ("Er sagte: ‹Gut.› Dann ging er.", ["Er sagte: ‹Gut.›", "Dann ging er."]),
        ("Und dann... Nichts. Wirklich?", ["Und dann...", "Nichts.", "Wirklich?"]),
        ("Er ging zur Inspektion 29. Gegen ihn wird ermittelt.",
         ["Er ging zur Inspektion 29.", "Gegen ihn wird ermittelt."]),
        ("Vom 7. bis 9. Mai 2021 war Fest.", ["Vom 7. bis 9. Mai 2021 war Fest."]),
    ],
)  # fmt: skip
def test_german_sentence_boundaries(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert " ".join(sentences) == text  # nothing lost or reordered
    assert sentences == expected


HTML_PAGE = """<!doctype html><html><head>
<title>Nordkorea schickt Soldaten | Beispiel-Zeitung</title>
<meta property="og:title" content="Nordkorea schickt weitere Soldaten nach Russland"></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<div class="cookie">Wir verwenden Cookies. <button>Alle akzeptieren</button></div>
<article><h1>Nordkorea schickt weitere Soldaten nach Russland</h1>
<p>Nordkorea hat nach Angaben aus Seoul weitere Soldaten nach Russland geschickt. Die Truppen
sollen in der Grenzregion Kursk eingesetzt werden, berichtete der Geheimdienst am Montag.</p>
<p>Bereits im vergangenen Jahr waren rund 11.000 nordkoreanische Soldaten in die Region verlegt
worden. Viele von ihnen wurden nach ukrainischen Angaben bei den Kämpfen getötet oder verletzt.</p>
<p>Der Kreml äußerte sich zunächst nicht zu dem Bericht. Beobachter rechnen damit, dass die
Zusammenarbeit beider Länder in den kommenden Monaten weiter wachsen wird.</p></article>
<footer>Impressum · Datenschutz · Kontakt © Beispiel-Zeitung 2025</footer></body></html>"""


def test_html_article_goes_through_the_same_stages(tmp_path: Path) -> None:
    page = tmp_path / "seite.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    cleaned = clean_text(read_article(page).text)
    assert cleaned.title == "Nordkorea schickt weitere Soldaten nach Russland"
    body = " ".join(cleaned.paragraphs)
    assert "11.000 nordkoreanische Soldaten" in body and "Kreml" in body
    for boilerplate in ["Impressum", "Cookies", "Startseite", "akzeptieren"]:
        assert boilerplate not in body


def _inspected(path: Path, text: str, *options: str) -> dict:
    """``summarize inspect --json`` of one article file written with ``text``."""
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(path), "--json", *options])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _sentences_both_ways(path: Path, page: str) -> Iterator[tuple[list[str], dict, list[str]]]:
    """For the page read cleaned and uncleaned (``--no-clean``): the options, the record and
    its sentences."""
    for options in ([], ["--no-clean"]):
        record = _inspected(path, page, *options)
        yield options, record, [s for paragraph in record["paragraphs"] for s in paragraph]


def _assert_reads_whole(path: Path, page: str, lines: list[str]) -> None:
    """Cleaned and uncleaned (``--no-clean``), the page's paragraphs read as ``lines``, and
    nothing is dropped."""
    for options in ([], ["--no-clean"]):
        record = _inspected(path, page, *options)
        assert [" ".join(paragraph) for paragraph in record["paragraphs"]] == lines, options
        assert record["dropped"] == [], options


def test_a_short_pages_headings_are_lines_of_their_own_uncleaned_too(tmp_path: Path) -> None:
    """On a short page trafilatura falls back to the text of the whole page as one paragraph,
    and the heading was joined to the sentence under it: uncleaned (`inspect --no-clean`,
    ``clean.enabled = false``) the translator got "Brücke eröffnet Der Bürgermeister hat …"
    and "Feier Viele Menschen kamen." as sentences. Each block of the page is a line."""
    page = (
        '<!DOCTYPE html>\n<html lang="de">\n<head><meta charset="utf-8"></head>\n<body>\n'
        "<h1>Brücke eröffnet</h1>\n<p>Der Bürgermeister hat die Brücke eröffnet.</p>\n"
        "<h2>Feier</h2>\n<p>Viele Menschen kamen.</p>\n</body>\n</html>\n"
    )
    blocks = ["Brücke eröffnet", "Der Bürgermeister hat die Brücke eröffnet.", "Feier"]
    blocks.append("Viele Menschen kamen.")
    path = tmp_path / "seite.html"
    for options in ([], ["--no-clean"]):
        record = _inspected(path, page, *options)
        sentences = ([record["title"]] if record["title"] else []) + [
            sentence for paragraph in record["paragraphs"] for sentence in paragraph
        ]
        assert sentences == blocks, (options, sentences)


def test_what_the_html_extraction_leaves_out_is_in_the_audit(tmp_path: Path) -> None:
    """Brief and `inspect` list the page's visible text that the main-text extraction left out,
    as they list what the cleaner drops; the article text is not among it."""
    dropped = _inspected(tmp_path / "seite.html", HTML_PAGE)["dropped"]
    left_out = [item["text"] for item in dropped if item["rule"] == "html_extraction"]
    # The blocks as a copied page reads them (a button stands on its text's line).
    assert "Startseite Politik" in left_out
    assert "Wir verwenden Cookies. Alle akzeptieren" in left_out
    assert any("Impressum" in text for text in left_out)
    assert not [text for text in left_out if "Soldaten" in text or "Kreml" in text]


def test_an_xhtml_page_with_an_xml_declaration_has_its_audit(tmp_path: Path) -> None:
    """lxml refuses a str that starts with <?xml … encoding="…"?>, so the page's own blocks were
    not read: the extraction still found the article, but what it left out (the menu, the
    cookie notice, the footer) was missing from the audit, and a <pre> lost its lines."""
    page = HTML_PAGE.replace("<!doctype html>", '<?xml version="1.0" encoding="utf-8"?>\n', 1)
    page = page.replace("</article>", "<pre>Redaktion\nMusterstraße 1</pre></article>")
    article = _read_page(tmp_path, page)
    left_out = [text for rule, text in article.left_out if rule == "html_extraction"]
    assert "Startseite Politik" in left_out and "Wir verwenden Cookies." in left_out
    assert "Redaktion\nMusterstraße 1" in article.text


def test_a_page_that_closes_its_document_before_the_body_keeps_its_article(
    tmp_path: Path,
) -> None:
    """A browser reads on past a ``</html>`` or ``</body>``; lxml dropped everything after a
    ``</html>`` (a theme closing the document after its head: the whole article lost, "no
    article text found") and left what follows a ``</body>`` out of the page's text."""
    early = HTML_PAGE.replace("</head>", "</head></html>", 1)
    path = tmp_path / "seite.html"
    path.write_text(early, encoding="utf-8")
    article = read_article(path)
    assert "11.000 nordkoreanische Soldaten" in article.text
    assert "Startseite Politik" in [text for _, text in article.left_out]
    late = HTML_PAGE.replace("</body></html>", "</body><p>Anmelden zum Newsletter</p></html>")
    path.write_text(late, encoding="utf-8")
    assert "Anmelden zum Newsletter" in read_article(path).page_text


def test_words_the_html_extraction_glues_together_keep_the_pages_space(tmp_path: Path) -> None:
    """Where trafilatura falls back to jusText (here: text in a sidebar), the white space
    between two inline elements was dropped ("<strong>die</strong> <em>Opposition</em>":
    "dieOpposition"): the translator got a word that is not German. The page's own spaces are
    put back."""
    paragraphs = "".join(
        f"<div>Der Stadtrat hat am {day} nach einer langen Debatte den Haushalt beschlossen. Vor "
        "allem <strong>die</strong> <em>Opposition</em> kritisierte die hohen Ausgaben für den "
        "Straßenbau, während die Mehrheit auf die Investitionen in die Schulen verwies.</div>"
        for day in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
    )
    path = tmp_path / "seite.html"
    path.write_text(
        f'<html><head><title>Haushalt</title></head><body><div class="sidebar">{paragraphs}'
        "</div></body></html>",
        encoding="utf-8",
    )
    text = read_article(path).text
    assert text.count("allem die Opposition kritisierte") == 5, text
    assert "dieOpposition" not in text


def test_an_extracted_line_is_spaced_as_the_page_only_where_the_page_holds_it() -> None:
    """A list item ("- …") and a line that runs into the page's next block ("16 von 17Nimm")
    get the page's spaces; a line the page does not hold stays as extracted, and no space goes
    before a comma where the page's source only broke its line ("Müller\n</span>, Meier")."""
    from summarize.ingest.html import spaced_as_the_page

    page = [
        "16 von 17",
        "Nimm die Brösel.",
        "Du kannst das Video sehen.",
        "Gib alles in die Schüssel.",
    ]
    extracted = "16 von 17Nimm dieBrösel.\n- Du kannst das Video sehen.Gib alles in die Schüssel."
    assert spaced_as_the_page(extracted + "\nNimm dieBrösel nicht.", page) == (
        "16 von 17 Nimm die Brösel.\n- Du kannst das Video sehen. Gib alles in die Schüssel."
        "\nNimm dieBrösel nicht."
    )
    assert spaced_as_the_page(
        "Müller, Meier und Schulze (Hg.)", ["Müller , Meier und Schulze ( Hg. )"]
    ) == ("Müller, Meier und Schulze (Hg.)")


def test_an_xhtml_file_is_read_as_html_alone_and_in_a_folder(tmp_path: Path) -> None:
    """A `.xhtml` file given by path was read as plain text (its markup translated as one
    sentence), and one in a folder was skipped without a word."""
    from summarize.ingest import find_articles

    page = HTML_PAGE.replace("<!doctype html>", '<?xml version="1.0" encoding="utf-8"?>\n', 1)
    path = tmp_path / "seite.xhtml"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    as_html = tmp_path / "html" / "seite.html"
    as_html.parent.mkdir()
    as_html.write_text(page, encoding="utf-8")
    assert article.text == read_article(as_html).text  # the page's text, not its markup
    assert "<" not in article.text
    assert find_articles([tmp_path]) == ([path], [])


@pytest.mark.parametrize("name", ["artikel.php", "index.aspx", "news.shtml", "seite"])
def test_a_web_page_named_with_a_servers_suffix_is_read_as_html(tmp_path: Path, name: str) -> None:
    """A page saved under its server's name and given by path was read as plain text: its tags
    and scripts went to the translator. It starts as a page (a comment before the doctype
    here), so it is read as one; a text file with another suffix stays text."""
    page = HTML_PAGE.replace("<!doctype html>", "<!-- gespeichert -->\n<!DOCTYPE html>", 1)
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    as_html = tmp_path / "seite.html"
    as_html.write_text(page, encoding="utf-8")
    assert read_article(path).text == read_article(as_html).text
    assert "<" not in read_article(path).text
    text = tmp_path / "notiz.text"
    text.write_text("Der Rat tagt am Montag. <b>Fett</b> bleibt, wie es geschrieben ist.", "utf-8")
    assert "<b>" in read_article(text).text
    # a fragment of a page (no doctype, <html> or <head>) is one too
    fragment = tmp_path / f"teil-{name}"
    fragment.write_text(
        '<div class="artikel"><h1>Der Rat tagt</h1><p>Der Rat der Stadt tagt am Montag in '
        "der Halle.</p></div>",
        encoding="utf-8",
    )
    assert (
        "<" not in read_article(fragment).text
        and "Der Rat der Stadt" in read_article(fragment).text
    )


def test_a_web_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    """A page saved as ``artikel.txt`` (``curl … > artikel.txt``, a scraper) was read as plain
    text: "<!doctype html><html><head>", its menu's links and its scripts each a paragraph to
    translate, nothing of it dropped. It starts as a page, so it is read as one; a text file
    that names a tag after its first words stays text, its tag as typed."""
    path = tmp_path / "artikel.txt"
    path.write_text(HTML_PAGE, encoding="utf-8")
    as_html = tmp_path / "seite.html"
    as_html.write_text(HTML_PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.text == read_article(as_html).text
    assert "<" not in article.text and article.page_text == read_article(as_html).page_text
    text = tmp_path / "notiz.txt"
    text.write_text(
        "Der Rat tagt am Montag. <p>Absatz</p> bleibt, wie es geschrieben ist.", "utf-8"
    )
    assert "<p>" in read_article(text).text


def test_superscript_and_subscript_digits_keep_their_place(tmp_path: Path) -> None:
    """The page's text lost the raising of <sup> and <sub>: "10<sup>6</sup> Kilowattstunden"
    read "106 Kilowattstunden", a number the page does not give, "m<sup>2</sup>" "m2" and a
    footnote's mark stuck to its word ("Einwohner1"). They are the characters a reader sees."""
    page = tmp_path / "seite.html"
    page.write_text(
        "<!doctype html><html><head><title>Neue Wohnungen in Ulm</title></head><body><article>"
        "<h1>Neue Wohnungen in Ulm</h1><p>Die Stadt baut Wohnungen mit 85 m<sup>2</sup> Fläche. "
        "Der Ausstoß von CO<sub>2</sub> soll sinken, teilte die Stadt am Montag mit.</p><p>Die "
        "Anlage speichert 10<SUP>6</SUP> Kilowattstunden im Jahr. Ulm hat 126.000 Einwohner"
        '<sup><a href="#fn1">1</a></sup> und wächst. Es gibt 10<sup>-3</sup> Fehler.</p><p>Der '
        "1<sup>st</sup> Platz und <sup>[2]</sup> bleiben, wie sie sind.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    for text in (article.text, article.page_text):
        assert "85 m² Fläche" in text and "CO₂ soll" in text
        assert "10⁶ Kilowattstunden" in text and "Einwohner¹ und" in text
        assert "10⁻³ Fehler" in text
        assert "1st Platz und [2] bleiben" in text  # no digits alone: as before
        assert "106" not in text and "Einwohner1" not in text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_web_page_in_utf16_named_with_a_servers_suffix_is_read_as_html(
    tmp_path: Path, encoding: str
) -> None:
    """A page saved as "Unicode" under its server's name was told by its raw bytes, where a NUL
    stands beside each letter of "<!DOCTYPE html>": it was read as plain text, its tags went
    to the translator."""
    path = tmp_path / "artikel.php"
    path.write_bytes(HTML_PAGE.encode(encoding))
    as_html = tmp_path / "seite.html"
    as_html.write_text(HTML_PAGE, encoding="utf-8")
    assert "<" not in read_article(path).text
    assert read_article(path).text == read_article(as_html).text
    text = tmp_path / "notiz.text"  # a text file in UTF-16 stays text
    text.write_bytes("Der Rat tagt am Montag. <b>Fett</b> bleibt so.".encode(encoding))
    assert "<b>" in read_article(text).text


@pytest.mark.parametrize(
    "markup",
    [
        "<p>{}</p>",
        "<div><p>{}</p></div>",
        '<article class="beitrag">{}</article>',
        "<!-- gespeichert -->\n<body><p>{}</p></body>",
    ],
)
@pytest.mark.parametrize("name", ["teil.html", "teil"])
def test_a_fragment_of_one_block_is_read_as_a_page(tmp_path: Path, markup: str, name: str) -> None:
    """trafilatura takes markup that parses to one element, without "html" in its first 50
    characters, for no HTML at all: a fragment of one paragraph or one container (an
    ``<article>`` copied from a page) was "no article text found in the HTML"."""
    sentence = "Der Rat der Stadt tagt am Montag in der Halle und berät über den Haushalt."
    path = tmp_path / name
    path.write_text(markup.format(sentence) + "\n", encoding="utf-8")
    assert read_article(path).text == sentence


@pytest.mark.parametrize(
    "markup",
    [
        "<!-- Der Rat tagt am Montag in der Halle. -->",
        "<!DOCTYPE html>",
        '<?xml version="1.0" encoding="utf-8"?>',
    ],
)
@pytest.mark.parametrize("name", ["seite.html", "seite.xhtml"])
def test_a_page_of_no_element_has_no_article_text(tmp_path: Path, markup: str, name: str) -> None:
    """A page of a comment, a doctype or an XML declaration alone (a page saved before it
    loaded) has no element for lxml to make a document of: it raised, and the page failed as
    "a defect of summarize … please report it" instead of as a page without text."""
    path = tmp_path / name
    path.write_text(markup + "\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="no article text found in the HTML") as error:
        read_article(path)
    assert "defect" not in str(error.value)


@pytest.mark.parametrize(
    ("page", "said"),
    [
        (
            '<html><head><meta http-equiv="Refresh" content="0; URL=\'https://example.org/a\'">'
            "</head><body></body></html>",
            "; the page only redirects (meta refresh) to https://example.org/a: save that page",
        ),
        (
            '<html><frameset cols="20%,80%"><frame src="nav.html"><frame src="artikel.html">'
            "<noframes><p>Ihr Browser kann leider keine Frames anzeigen.</p></noframes>"
            "</frameset></html>",
            "; the page only shows other pages in frames (nav.html, artikel.html): save those",
        ),
        (
            '<html><body><div id="root"></div><script src="/app.js"></script></body></html>',
            "; the page shows no text without its scripts",
        ),
        ("<html><head><title>Leer</title></head><body></body></html>", None),
    ],
)
def test_a_page_without_article_text_says_what_it_is_instead(
    tmp_path: Path, page: str, said: str | None
) -> None:
    """A scraper saves what a server sends: a redirect, a frameset, a page its scripts fill in.
    Each failed as "no article text found in the HTML", the page to fetch instead unsaid."""
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ArticleError) as error:
        read_article(path)
    message = str(error.value)
    assert message.startswith(f"{path}: no article text found in the HTML"), message
    if said is None:
        assert message.endswith("no article text found in the HTML"), message
    else:
        assert said in message, message


@pytest.mark.parametrize(
    ("start", "kind"),
    [(b"PK\x03\x04", "zip archive"), (b"%PDF-1.7\n", "PDF"), (b"{\\rtf1\\ansi ", "RTF")],
)
def test_a_document_that_is_no_text_is_said_as_such(
    tmp_path: Path, start: bytes, kind: str
) -> None:
    """A Word file, a PDF or an RTF document given as an article was "no article text left
    after cleaning" (or its markup translated): it is refused for what it is."""
    path = tmp_path / "bericht.txt"
    path.write_bytes(start + b"Der Rat tagt am Montag in der Halle der Stadt." * 20)
    with pytest.raises(ArticleError, match=kind):
        read_article(path)


@pytest.mark.parametrize(
    ("compress", "said"),
    [
        (gzip.compress, "gzip-compressed, not text"),
        (lzma.compress, "xz-compressed, not text"),
        (lambda data: b"\x28\xb5\x2f\xfd\x24\x00" + data, "zstd-compressed, not text"),
    ],
)
@pytest.mark.parametrize("name", ["seite.html", "artikel.txt"])
def test_a_compressed_page_is_said_as_such(
    tmp_path: Path, compress: Callable[[bytes], bytes], said: str, name: str
) -> None:
    """A page a scraper saved as its server sent it, gzip-compressed (curl without
    --compressed), was "binary file (contains NUL bytes)": what it was, and what to do about
    it, unsaid."""
    path = tmp_path / name
    path.write_bytes(compress(b"<p>Der Rat tagt am Montag in der Halle.</p>" * 20))
    with pytest.raises(ArticleError, match=said) as error:
        read_article(path)
    assert "decompress it first" in str(error.value)


@pytest.mark.parametrize(
    "head",
    [
        # Chrome's and Edge's "Webpage, Single File" (.mhtml)
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.example.de/rat\r\n"
        "Subject: Der Rat tagt\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x----"\r\n',
        # Internet Explorer's .mht, its type on a line of its own
        "From: <Saved by Windows Internet Explorer 8>\r\nSubject: Der Rat tagt\r\n"
        'MIME-Version: 1.0\r\nContent-Type:\r\n\tmultipart/related; type="text/html"\r\n',
    ],
    ids=["mhtml", "mht"],
)
def test_a_web_archive_is_said_to_be_one(tmp_path: Path, head: str) -> None:
    """A page a browser saved as one file (MHTML) given as an article was read as plain text:
    its MIME headers and its page's quoted-printable HTML ("<p>Der Rat tagt am Montag =C3=BCber
    …") were translated as the article. It is refused for what it is; a text that opens with
    lines of "key: value" is still an article."""
    part = (
        "\r\n------MultipartBoundary--x----\r\nContent-Type: text/html\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        "<html><body><p>Der Rat tagt am Montag =C3=BCber den Haushalt der Stadt.</p></body>"
        "</html>\r\n------MultipartBoundary--x------\r\n"
    )
    archive = tmp_path / "seite.mhtml"
    archive.write_bytes((head + part).encode("ascii"))
    with pytest.raises(ArticleError, match=r"a web archive \(MHTML"):
        read_article(archive)
    article = tmp_path / "seite.txt"
    article.write_text(
        "Ort: Rathaus\nZeit: 18 Uhr\nContent-Type: Sitzung\n\n" + ARTICLE_PARAGRAPHS[0] + "\n",
        encoding="utf-8",
    )
    assert ARTICLE_PARAGRAPHS[0] in read_article(article).text


ARTICLE_PARAGRAPHS = (
    "Der Gemeinderat von Merklingen hat am Dienstagabend beschlossen, die marode Brücke über die "
    "Lauter im kommenden Frühjahr abzureißen und durch einen Neubau zu ersetzen.",
    "Die Kosten für das Vorhaben schätzt die Verwaltung auf rund 2,4 Millionen Euro, von denen "
    "das Land nach Angaben des Bürgermeisters etwa die Hälfte übernehmen wird.",
    "Während der Bauzeit sollen Fußgänger und Radfahrer eine Behelfsbrücke nutzen können, für "
    "Autos wird eine Umleitung über die Ortsmitte ausgeschildert, hieß es in der Sitzung.",
    "Anwohner hatten sich seit Jahren über den Zustand der Brücke beklagt, bei der letzten "
    "Prüfung im Herbst waren tiefe Risse im Beton und rostende Bewehrung festgestellt worden.",
)


def test_article_text_the_html_extraction_leaves_out_is_kept(tmp_path: Path) -> None:
    """trafilatura drops a paragraph of the article that stands in a container it takes for
    boilerplate (here a "social-share" div); the brief lost it. The page is cleaned whole, each
    block weighed with the extraction's verdict: a block the extraction left out stays when the
    classifier finds it clearly text, and the menu and footer it left out are in the audit as
    before, with every visible character of the page accounted for."""
    first, second, *rest = ARTICLE_PARAGRAPHS
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        "<nav><ul><li>Startseite</li><li>Politik</li><li>Kultur</li></ul></nav><article>"
        f"<h1>Merklingen reißt die Lauterbrücke ab</h1><p>{first}</p>"
        f'<div class="social-share"><p>{second}</p></div>'
        + "".join(f"<p>{paragraph}</p>" for paragraph in rest)
        + "</article><footer>Impressum · Datenschutz</footer></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert second not in article.text  # the extraction leaves it out
    shown_json = _inspected(path, page)
    assert shown_json["title"] == "Merklingen reißt die Lauterbrücke ab"
    kept = " ".join(" ".join(paragraph) for paragraph in shown_json["paragraphs"])
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in kept
    assert shown_json["dropped"] == [
        {"rule": "html_extraction", "text": text} for text in ("Startseite", "Politik", "Kultur")
    ] + [
        # The page's <h1> repeats its title, the brief's headline: once, not in the body too.
        {"rule": "duplicates", "text": "Merklingen reißt die Lauterbrücke ab"},
        {"rule": "html_extraction", "text": "Impressum · Datenschutz"},
    ]
    assert "Merklingen reißt die Lauterbrücke ab" not in kept
    options = load_config().clean.options()
    cleaned = clean_text(article.page_text, options, extraction=article.text)
    assert not cleaned.unaccounted_characters(article.page_text)
    # Without the classifier the extraction decides alone, as before.
    without = _inspected(path, page, "--set", 'clean.disable=["classifier"]')
    assert second not in " ".join(" ".join(p) for p in without["paragraphs"])
    assert {"rule": "html_extraction", "text": second} in without["dropped"]


@pytest.mark.parametrize(
    ("container", "deeper"),
    [(name, False) for name in ("div", "font", "span", "section")]
    + [("div", True), ("section", True)],
)
def test_the_text_a_container_holds_before_its_paragraphs_is_article_text(
    tmp_path: Path, container: str, deeper: bool
) -> None:
    """``<div>Lead …<p>…</p><p>…</p></div>``: a browser shows the lead as the article's first
    paragraph, but trafilatura drops a container's own text before its first block unless the
    container is its frame (an <article>), and the lead reached only the audit, as
    "html_extraction", never the translator. ``deeper``: the paragraphs stand one level down,
    in the container's first block (``<div>Lead …<div><p>…</p></div></div>``), lost the same
    way. It is extracted as the paragraphs beside it are, cleaned or not."""
    lead, *rest = ARTICLE_PARAGRAPHS
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in rest)
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        f"<{container}>{lead}"
        + (f"<div>{paragraphs}</div>" if deeper else paragraphs)
        + f"</{container}></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.text.splitlines()[2:] == list(ARTICLE_PARAGRAPHS)
    assert article.left_out == ()
    first_sentence = split_sentences(lead)[0]
    for options, record, sentences in _sentences_both_ways(path, page):
        assert first_sentence in sentences, options
        assert not [dropped for dropped in record["dropped"] if dropped["text"] == lead], options


@pytest.mark.parametrize("inline", ["", "font"])
def test_line_broken_text_between_two_paragraphs_is_article_text(
    tmp_path: Path, inline: str
) -> None:
    """``<p>…</p>Satz eins.<br><br>Satz zwei.<p>…</p>`` in a ``<div>`` (perhaps in a
    ``<font>``): outside an ``<article>``, trafilatura took the text after the first paragraph
    but dropped what follows the ``<br>``, and the third paragraph reached only the audit
    ("html_extraction"), never the translator. The text between the paragraphs is extracted
    as they are, each line a line, cleaned or not."""
    first, second, third, fourth = ARTICLE_PARAGRAPHS
    between = f"{second}<br><br>{third}"
    if inline:
        between = f"<{inline}>{between}</{inline}>"
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        f"<div><p>{first}</p>{between}<p>{fourth}</p></div></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.text.splitlines()[2:] == list(ARTICLE_PARAGRAPHS)
    assert article.left_out == ()
    for options, record, sentences in _sentences_both_ways(path, page):
        assert split_sentences(third)[0] in sentences, options
        assert not [dropped for dropped in record["dropped"] if dropped["text"] == third], options


@pytest.mark.parametrize(("list_tag", "markers"), [("ul", ("-", "-")), ("ol", ("- 1.", "- 2."))])
def test_a_list_of_prose_between_two_paragraphs_is_article_text(
    tmp_path: Path, list_tag: str, markers: tuple[str, str]
) -> None:
    """``<div><p>…</p><ul><li>…</li><li>…</li></ul><p>…</p></div>``: outside an ``<article>``,
    trafilatura took the paragraphs but not the list between them, whose items reached only
    the audit ("html_extraction") and, with ``--no-clean``, never the translator. The items
    are extracted as lines of the list, in place, cleaned or not."""
    first, second, third, fourth = ARTICLE_PARAGRAPHS
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        f"<div><p>{first}</p><{list_tag}><li>{second}</li><li>{third}</li></{list_tag}>"
        f"<p>{fourth}</p></div></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    items = [f"{marker} {item}" for marker, item in zip(markers, (second, third), strict=True)]
    assert article.text.splitlines()[2:] == [first, *items, fourth]
    assert article.left_out == ()
    for options, record, sentences in _sentences_both_ways(path, page):
        # Uncleaned, an item's sentence keeps its marker, as a list in an <article> does.
        for item in (second, third):
            assert [sentence for sentence in sentences if sentence.endswith(item)], options
        assert not [d for d in record["dropped"] if d["text"].endswith(third)], options


@pytest.mark.parametrize(
    "lead_markup",
    [
        '<div class="teaser-text" itemprop="description"><p>{lead}</p></div>',
        '<div class="font-bold" itemprop="description"><div>{lead}</div></div>',
        '<p class="intro" itemprop="description">{lead}</p>',
    ],
)
def test_the_lead_the_microdata_names_before_the_article_body_is_article_text(
    tmp_path: Path, lead_markup: str
) -> None:
    """``<div itemprop="description">Lead</div><div itemprop="articleBody"><p>…</p></div>`` in
    an article's microdata item (TYPO3's news pages): trafilatura took the ``articleBody``
    element alone, and the lead the page shows under the headline reached only the audit
    ("html_extraction"), never the translator. It is the article's first paragraph, cleaned or
    not; the description of the author (an item of its own) stays out of the article."""
    lead, *rest = ARTICLE_PARAGRAPHS
    author = "Anna Schmidt schreibt seit vielen Jahren für das Tagesblatt über Kommunalpolitik."
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        "<nav><ul><li><a href='/'>Startseite</a></li><li><a href='/p'>Politik</a></li></ul></nav>"
        '<div class="article" itemscope itemtype="http://schema.org/Article">'
        '<h1 itemprop="headline">Merklingen reißt die Lauterbrücke ab</h1>'
        '<div itemprop="author" itemscope itemtype="http://schema.org/Person">'
        f'<span itemprop="name">Anna Schmidt</span><p itemprop="description">{author}</p></div>'
        + lead_markup.format(lead=lead)
        + '<div class="news-text-wrap" itemprop="articleBody">'
        + "".join(f"<p>{paragraph}</p>" for paragraph in rest)
        + "</div></div><footer>Impressum · Datenschutz</footer></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.text.splitlines()[2:] == list(ARTICLE_PARAGRAPHS)
    assert ("html_extraction", author) in article.left_out
    for options, record, sentences in _sentences_both_ways(path, page):
        assert split_sentences(lead)[0] in sentences, options
        assert not [dropped for dropped in record["dropped"] if dropped["text"] == lead], options


# More of the article of ARTICLE_PARAGRAPHS: a body of the length of an article's.
MORE_ARTICLE_PARAGRAPHS = (
    "Die Behelfsbrücke soll bereits im Februar aufgebaut werden, damit der Schulweg der Kinder "
    "aus dem Neubaugebiet während der gesamten Bauzeit sicher bleibt.",
    "Der Bürgermeister kündigte an, die Bürgerinnen und Bürger im Januar bei einer "
    "Informationsveranstaltung in der Festhalle über den genauen Ablauf zu unterrichten.",
    "Mit der Fertigstellung der neuen Brücke rechnet die Verwaltung im Herbst des "
    "übernächsten Jahres, sofern das Wetter mitspielt und die Fördermittel rechtzeitig fließen.",
    "Die alte Brücke war im Jahr 1962 gebaut worden und hatte seither nur kleinere Reparaturen "
    "erhalten, zuletzt wurde vor zwölf Jahren der Belag der Fahrbahn erneuert.",
)


def _page_with_a_lead_before_the_body(before_body: str, lead: str) -> str:
    """An article page: a menu, the headline and ``before_body`` in the article's header,
    then its body (every paragraph of ARTICLE_PARAGRAPHS and MORE_ARTICLE_PARAGRAPHS but
    ``lead``), classes alone."""
    paragraphs = [p for p in ARTICLE_PARAGRAPHS + MORE_ARTICLE_PARAGRAPHS if p != lead]
    return (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        "<nav><ul><li><a href='/'>Startseite</a></li><li><a href='/p'>Politik</a></li></ul></nav>"
        '<div class="article"><div class="article-header">'
        "<h1>Merklingen reißt die Lauterbrücke ab</h1>"
        + before_body
        + '<p class="byline">Von Anna Schmidt, 12.03.2024</p></div>'
        + '<div class="article-body">'
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</div></div><footer>Impressum · Datenschutz</footer></body></html>"
    )


@pytest.mark.parametrize(
    "lead_markup",
    [
        '<p class="lead">{lead}</p>',
        '<div class="teaser-text">{lead}</div>',
        '<div class="article__intro"><p>{lead}</p></div>',
        # a utility class naming a type size, and a layout's state around the lead, name no
        # caption and no sidebar (eurosport's and erneuerbareenergien.de's leads were lost so)
        '<p class="ArticleHeroBlack__teaser--light mb-5 caption-s5-fx">{lead}</p>',
        '<div class="content-wrapper has-sidebar"><div class="article--teaser-body">'
        "<p>{lead}</p></div></div>",
    ],
)
def test_the_lead_a_class_marks_before_the_article_body_is_article_text(
    tmp_path: Path, lead_markup: str
) -> None:
    """``<p class="lead">Lead</p>…<div class="article-body"><p>…</p></div>``: trafilatura took
    the body element alone (and prunes a class naming a "teaser"), and the lead the page shows
    under the headline reached only the audit ("html_extraction"), never the translator. It is
    the article's first paragraph, cleaned or not."""
    lead = ARTICLE_PARAGRAPHS[0]
    page = _page_with_a_lead_before_the_body(lead_markup.format(lead=lead), lead)
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]
    for options, record, sentences in _sentences_both_ways(path, page):
        assert split_sentences(lead)[0] in sentences, options
        assert not [dropped for dropped in record["dropped"] if dropped["text"] == lead], options


@pytest.mark.parametrize(
    "header",
    [
        '<div class="article-header"><h1>Merklingen reißt die Lauterbrücke ab</h1><p>{lead}</p>'
        '<p class="byline">Von Anna Schmidt, 12.03.2024</p></div>',
        "<header><hgroup><h3>Merklingen</h3><h1>Merklingen reißt die Lauterbrücke ab</h1>"
        "<h2>{lead}</h2></hgroup></header>",
    ],
    ids=["paragraph", "subheading"],
)
def test_the_standfirst_right_under_the_headline_is_article_text(
    tmp_path: Path, header: str
) -> None:
    """``<h1>Headline</h1><p>Lead</p>…<div class="article-body"><p>…</p></div>`` (or the lead
    as the ``<h2>`` of the headline's ``<hgroup>``), no class marking it: trafilatura took the
    body element alone, and the standfirst under the headline reached only the audit
    (die-tagespost.de's, finanzmarktwelt.de's, fluter.de's; cnet.de's and zdnet.de's came
    back by the cleaner alone). It is the article's first paragraph, cleaned or not."""
    lead = ARTICLE_PARAGRAPHS[0]
    paragraphs = [*ARTICLE_PARAGRAPHS[1:], *MORE_ARTICLE_PARAGRAPHS]
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab | Tagesblatt</title></head>"
        "<body><nav><ul><li><a href='/'>Startseite</a></li><li><a href='/p'>Politik</a></li>"
        "</ul></nav><div class='article'>"
        + header.format(lead=lead)
        + '<div class="article-body">'
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</div></div><footer>Impressum · Datenschutz</footer></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]
    for options, record, sentences in _sentences_both_ways(path, page):
        assert split_sentences(lead)[0] in sentences, options
        assert not [dropped for dropped in record["dropped"] if dropped["text"] == lead], options


def test_a_sites_tagline_under_its_name_stays_out_of_the_article(tmp_path: Path) -> None:
    """``<h1>Merklinger Tagesblatt</h1><p>Tagline.</p>`` above the article: the ``<h1>`` is the
    site's name, not the headline (the ``<title>`` does not hold it), and the sentence under
    it is the site's tagline, no lead; it stays in the audit."""
    tagline = (
        "Nachrichten aus Merklingen und der Region, jeden Tag neu und unabhängig recherchiert."
    )
    page = _page_with_a_lead_before_the_body("", "").replace(
        "<h1>Merklingen reißt die Lauterbrücke ab</h1>",
        f"<h1>Merklinger Tagesblatt</h1><p>{tagline}</p>",
    )
    article = _read_page(tmp_path, page)
    assert tagline not in article.text
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]


@pytest.mark.parametrize(
    "article",
    [
        "<div class='article'><h2>Merklingen reißt die Lauterbrücke ab</h2>"
        "<div class='article-body'>{paragraphs}</div></div>",
        "<article><h1>Merklingen reißt die Lauterbrücke ab</h1>{paragraphs}</article>",
    ],
    ids=["headline-h2", "headline-h1-in-the-body"],
)
def test_a_sites_tagline_under_its_name_the_title_gives_stays_out(
    tmp_path: Path, article: str
) -> None:
    """``<h1>Merklinger Tagesblatt</h1><p>Tagline.</p>`` above an article whose headline is an
    ``<h2>`` or an ``<h1>`` inside its body, the ``<title>`` "Headline | Merklinger
    Tagesblatt" (as most titles give the site's name): the site's ``<h1>`` was taken for the
    headline, as the title holds its words, and the tagline stood as the article's first
    paragraph. A whole part of the title beside a longer one is the site's name."""
    tagline = (
        "Nachrichten aus Merklingen und der Region, jeden Tag neu und unabhängig recherchiert."
    )
    paragraphs = [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab | Merklinger Tagesblatt"
        f"</title></head><body><header><h1>Merklinger Tagesblatt</h1><p>{tagline}</p></header>"
        + article.format(paragraphs="".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))
        + "</body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    text = read_article(path).text
    assert tagline not in text
    assert paragraphs[0] in text.splitlines()
    sentences = [s for p in _inspected(path, page, "--no-clean")["paragraphs"] for s in p]
    assert tagline not in sentences
    assert split_sentences(paragraphs[0])[0] in sentences


@pytest.mark.parametrize(
    "under_the_headline",
    [
        '<p class="article__byline">Von Anna Schmidt und Peter Müller, aktualisiert am 12.03.2024 '
        "um 14.30 Uhr.</p>",
        '<p class="article-meta">Von Anna Schmidt und Peter Müller, aktualisiert am 12.03.2024 '
        "um 14.30 Uhr.</p>",
        '<p class="date">Veröffentlicht am Dienstag, 12. März 2024, zuletzt aktualisiert um '
        "14.30 Uhr.</p>",
    ],
    ids=["byline", "meta", "date"],
)
def test_a_byline_or_date_line_under_the_headline_is_no_standfirst(
    tmp_path: Path, under_the_headline: str
) -> None:
    """``<h1>Headline</h1><p class="byline">Von …, aktualisiert am … um 14.30 Uhr.</p>`` over
    the body: prose of 50 characters or more ending as a sentence right under the headline,
    it was taken for the standfirst and stood as the article's first paragraph. A class that
    names a byline or a date line marks no lead; the block stays out of the article."""
    page = _page_with_a_lead_before_the_body("", "").replace(
        "<h1>Merklingen reißt die Lauterbrücke ab</h1>",
        f"<h1>Merklingen reißt die Lauterbrücke ab</h1>{under_the_headline}",
    )
    article = _read_page(tmp_path, page)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]


@pytest.mark.parametrize("lead_tag", ["<p>", '<p class="lead">'])
@pytest.mark.parametrize(
    ("header_copy", "body_copy"),
    [
        ("{lead}", "{lead_with_a_break}"),
        ("{lead_hyphenated}", "{lead}"),
        ("{lead}", "{lead_hyphenated}"),
    ],
    ids=["break-in-the-body", "soft-hyphen-in-the-header", "soft-hyphen-in-the-body"],
)
def test_a_lead_the_body_repeats_but_for_a_break_or_soft_hyphen_is_read_once(
    tmp_path: Path, lead_tag: str, header_copy: str, body_copy: str
) -> None:
    """A standfirst under the headline (or a ``<p class="lead">``) that the body's first
    paragraph repeats with a ``<br>`` in it ("beschlossen,<br>die marode Brücke …", whose
    words the body's text joins) or a soft hyphen in one copy ("Brü&shy;cke"): the body's copy
    was not found, the lead was moved to the body's start and the article read it twice (the
    translator too, uncleaned). It stays out; the body's copy is the article's."""
    lead = ARTICLE_PARAGRAPHS[0]
    copies = {
        "lead": lead,
        "lead_with_a_break": lead.replace(", ", ",<br>", 1),
        "lead_hyphenated": lead.replace("Brücke", "Brü&shy;cke", 1),
    }
    page = _page_with_a_lead_before_the_body(
        lead_tag + header_copy.format(**copies) + "</p>", lead
    ).replace(
        '<div class="article-body">',
        f'<div class="article-body"><p>{body_copy.format(**copies)}</p>',
        1,
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    text = read_article(path).text.replace("\N{SOFT HYPHEN}", "")
    assert text.count(lead.split(", ")[0]) == 1, text


RELATED_TEASER = (
    "Der Kreistag hat den Haushalt für das kommende Jahr verabschiedet, die Kreisumlage steigt "
    "um zwei Prozentpunkte."
)


@pytest.mark.parametrize(
    "teasers",
    [
        # A list of related articles' teasers.
        '<ul class="related"><li><a href="/a">Haushalt</a><p class="teaser-text">{teaser}</p>'
        '</li><li><a href="/b">Schule</a><p class="teaser-text">{teaser}</p></li></ul>',
        # Teasers of one class, side by side.
        '<div class="teaser"><h3>Haushalt</h3><p>{teaser}</p></div>'
        '<div class="teaser"><h3>Schule</h3><p>{teaser}</p></div>',
        # A teaser that is a link to its article.
        '<a href="/a"><span class="teaser-intro">{teaser}</span></a>',
        # One teaser under its own heading, linked or a box's: moved in as the lead with its
        # heading, another article opened this one
        '<div class="teaser"><h3><a href="/a">Haushalt beschlossen</a></h3><p>{teaser}</p></div>',
        '<div class="teaser"><h2>Das könnte Sie auch interessieren</h2><p>{teaser}</p></div>',
    ],
    ids=["list", "class of several", "link", "under its heading", "under a box's heading"],
)
def test_a_related_articles_teaser_before_the_body_stays_out_of_the_article(
    tmp_path: Path, teasers: str
) -> None:
    """A teaser of another article between the headline and the body, in a list, one of a
    kind of several, a link of its own or under its own heading, is not the article's lead: it
    stays in the audit."""
    page = _page_with_a_lead_before_the_body(teasers.format(teaser=RELATED_TEASER), "")
    article = _read_page(tmp_path, page)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]
    assert RELATED_TEASER not in article.text


NOT_ARTICLE_TEXT = {
    "cookie notice": "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Wenn "
    "Sie die Seite weiter nutzen, stimmen Sie der Verwendung zu.",
    "newsletter box": "Abonnieren Sie unseren kostenlosen Newsletter und erhalten Sie jeden "
    "Morgen die wichtigsten Nachrichten aus der Region.",
    "caption": "Die alte Lauterbrücke in Merklingen wird im kommenden Frühjahr abgerissen und "
    "durch einen Neubau ersetzt.",
}


@pytest.mark.parametrize(
    ("kind", "markup"),
    [
        ("cookie notice", '<div class="cookie-notice__intro">{text}</div>'),
        ("cookie notice", '<p class="consent-summary">{text}</p>'),
        ("newsletter box", '<div class="newsletter-teaser"><p>{text}</p></div>'),
        # a figure in a cookie notice's or a newsletter box's class is a version or a slot
        # number, not a type size: the box still holds no article text
        ("cookie notice", '<div class="cookie-banner-2"><p class="intro">{text}</p></div>'),
        ("newsletter box", '<div class="newsletter_v2"><p class="teaser">{text}</p></div>'),
        (
            "caption",
            '<figure><img src="a.jpg"><figcaption class="caption-intro">{text}</figcaption>'
            "</figure>",
        ),
    ],
)
@pytest.mark.parametrize("with_the_lead", [False, True])
def test_a_cookie_notice_newsletter_box_or_caption_classed_as_a_lead_stays_out(
    tmp_path: Path, kind: str, markup: str, with_the_lead: bool
) -> None:
    """A cookie notice, a newsletter box or a picture's caption whose class names an "intro",
    a "summary" or a "teaser", just before the body, opened the article as its lead, and
    after the page's real ``<p class="lead">`` it took that lead's place."""
    lead = ARTICLE_PARAGRAPHS[0] if with_the_lead else ""
    before_body = (f'<p class="lead">{lead}</p>' if lead else "") + markup.format(
        text=NOT_ARTICLE_TEXT[kind]
    )
    path = tmp_path / "seite.html"
    path.write_text(_page_with_a_lead_before_the_body(before_body, lead), encoding="utf-8")
    article = read_article(path)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]


@pytest.mark.parametrize(
    "lead_markup",
    ['<p class="lead teasertext">{lead}</p>', '<div class="teaser"><p>{lead}</p></div>'],
)
def test_the_lead_the_body_starts_with_is_article_text_though_its_class_names_a_teaser(
    tmp_path: Path, lead_markup: str
) -> None:
    """``<div class="article-body"><p class="lead teasertext">Lead</p><p>…</p>``: trafilatura
    prunes any element whose class names a "teaser", the lead at the body's start too, and it
    reached only the audit. It is the article's first paragraph; a related article's teaser
    further down the body stays out."""
    lead = ARTICLE_PARAGRAPHS[0]
    paragraphs = [*ARTICLE_PARAGRAPHS[1:], *MORE_ARTICLE_PARAGRAPHS]
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        "<h1>Merklingen reißt die Lauterbrücke ab</h1><div class='article-body'>"
        + lead_markup.format(lead=lead)
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs[:3])
        + f'<div class="related-teaser"><p>{RELATED_TEASER}</p></div>'
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs[3:])
        + "</div><footer>Impressum · Datenschutz</footer></body></html>"
    )
    article = _read_page(tmp_path, page)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]
    assert RELATED_TEASER not in article.text


@pytest.mark.parametrize(
    "lead_markup",
    [
        '<header><h1>Merklingen reißt die Lauterbrücke ab</h1><div class="leadtext">{lead}'
        '</div><div class="metainfo">Anna Schmidt, 12.03.2024</div></header>',
        '<h1>Merklingen reißt die Lauterbrücke ab</h1><div class="content__intro">{lead}</div>',
        '<div class="contentHeader"><h1>Merklingen reißt die Lauterbrücke ab</h1>'
        '<div class="contentHeaderHeader__abstract">{lead}</div></div>',
    ],
)
def test_the_lead_the_body_starts_with_is_article_text_though_a_div_of_text_alone(
    tmp_path: Path, lead_markup: str
) -> None:
    """``<article class="content"><header><h1>…</h1><div class="leadtext">Lead</div></header>
    <p>…</p>``: trafilatura reads a ``<div>`` of text alone as no paragraph of a body that has
    ``<p>`` paragraphs, and the lead under the headline (CH Media's "leadtext", spektrum.de's
    "content__intro", zfk.de's "contentHeaderHeader__abstract") reached only the audit. It is
    the article's first paragraph, cleaned or not; a related article's teaser, a ``<div>`` of
    text alone further down the body, stays out."""
    lead = ARTICLE_PARAGRAPHS[0]
    paragraphs = [*ARTICLE_PARAGRAPHS[1:], *MORE_ARTICLE_PARAGRAPHS]
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        "<nav><ul><li><a href='/'>Startseite</a></li><li><a href='/p'>Politik</a></li></ul></nav>"
        '<article class="content">'
        + lead_markup.format(lead=lead)
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs[:3])
        + f'<div class="related-intro">{RELATED_TEASER}</div>'
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs[3:])
        + "</article><footer>Impressum · Datenschutz</footer></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    article = read_article(path)
    # The headline stands in the body trafilatura takes: the text's first line, no blank below.
    assert article.text.splitlines() == [
        "Merklingen reißt die Lauterbrücke ab",
        *ARTICLE_PARAGRAPHS,
        *MORE_ARTICLE_PARAGRAPHS,
    ]
    assert RELATED_TEASER not in article.text
    for options, record, sentences in _sentences_both_ways(path, page):
        assert split_sentences(lead)[0] in sentences, options
        assert not [dropped for dropped in record["dropped"] if dropped["text"] == lead], options


def test_a_linked_teaser_the_body_starts_with_stays_out_of_the_article(tmp_path: Path) -> None:
    """``<div class="article-body"><div class="teaser">Lesen Sie auch: <a>…</a></div><p>…``:
    a related article's teaser, mostly a link, at the body's start is no lead; it stays out."""
    teaser = f'Lesen Sie auch: <a href="/kreistag">{RELATED_TEASER}</a>'
    page = (
        "<html><head><title>Merklingen reißt die Lauterbrücke ab</title></head><body>"
        "<h1>Merklingen reißt die Lauterbrücke ab</h1><div class='article-body'>"
        f'<div class="teaser">{teaser}</div>'
        + "".join(f"<p>{p}</p>" for p in [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS])
        + "</div><footer>Impressum · Datenschutz</footer></body></html>"
    )
    article = _read_page(tmp_path, page)
    assert article.text.splitlines()[2:] == [*ARTICLE_PARAGRAPHS, *MORE_ARTICLE_PARAGRAPHS]
    assert RELATED_TEASER not in article.text


def test_an_html_page_without_article_text_is_refused_not_a_brief_of_its_title(
    tmp_path: Path,
) -> None:
    """A page with nothing but its title, a menu and a short error line (a 404 page): the
    rules drop every block, and the page's metadata title, which stays the headline when the
    classifier takes it, must not come back as the brief's one paragraph; the page fails as
    any page without article text does."""
    page = (
        "<html><head><title>Seite nicht gefunden</title></head><body>"
        "<nav>Startseite | Kontakt</nav><p>Fehler 404</p></body></html>"
    )
    path = tmp_path / "fehlt.html"
    path.write_text(page, encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(path), "--json"])
    assert result.exit_code == 1, result.output
    assert "no article text left after cleaning" in result.output


@pytest.mark.parametrize("reference", ["&#27;", "&#x1B;", "&#8", "&#xFFFF;"])
def test_a_reference_to_a_character_xml_cannot_hold_costs_an_html_page_nothing(
    tmp_path: Path, reference: str
) -> None:
    """A control character kept by a CMS as a numeric reference (an escape, a backspace from a
    pasted text) became that character in lxml's tree, and trafilatura's extraction, refused it
    by lxml, gave up on the page: the whole article was "no article text found in the HTML".
    The reference is left out, as the parser leaves out such a character written as it is."""
    lines = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    path = tmp_path / "seite.html"
    path.write_text(
        f"<html><body><article><p>Der Rat tagt{reference} heute.</p>{body}</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(path)
    assert "Der Rat tagt heute." in article.text.splitlines()
    assert lines[-1] in article.text.splitlines()


@pytest.mark.parametrize("character", ["&#11;", "&#x0B;", "&#12;", "&#xc;", "\x0b", "\x0c"])
def test_a_vertical_tab_or_form_feed_in_an_html_page_is_a_space(
    tmp_path: Path, character: str
) -> None:
    """Word's line break (U+000B) or a form feed, kept by a CMS as a numeric reference, became
    that character in lxml's tree, which XML cannot hold: trafilatura's extraction gave up on
    the page, and the whole article was "no article text found in the HTML" (the reference was
    kept as white space the parser reads, which these two are not). Written as they are in the
    <title>, the extraction's metadata left them out and glued the words either side
    ("Haushalt in Ulmbeschlossen worden"). A browser shows each between two words (the test of
    U+000B in a paragraph above); both are a space, in the paragraph and in the title."""
    lines = [  # a short article: a long one's extraction took another way, and was read
        "Der Rat tagt heute.",
        "Der Stadtrat von Ulm hat den Haushalt für das kommende Jahr beschlossen. Die Mehrheit "
        "war knapp, wie die Sprecherin sagte.",
        "Die Opposition kritisierte die Pläne scharf und kündigte Widerstand im Gemeinderat an.",
    ]
    body = "".join(f"<p>{line.replace(' ', character, 3)}</p>" for line in lines)
    path = tmp_path / "seite.html"
    path.write_text(
        f"<html><head><title>Haushalt in Ulm{character}beschlossen worden</title></head><body>"
        f"<article>{body}</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.text.splitlines()[-3:] == lines
    assert article.page_title == "Haushalt in Ulm beschlossen worden"


@pytest.mark.parametrize("character", ["\x0b", "\x0c", "\x1b", "\x01"])
@pytest.mark.parametrize("wrapper", ["<article>{}</article>", "{}"])
def test_a_fragment_whose_lead_holds_a_character_xml_cannot_hold_is_read(
    tmp_path: Path, character: str, wrapper: str
) -> None:
    """A fragment of a page (an <article> copied from one, a .txt that starts as HTML) is
    parsed again as a whole document when trafilatura reads no article from it; that parse
    kept the characters trafilatura's own leaves out, and moving the text before the first
    <p> into a paragraph of its own (a lead) raised in lxml: Word's line break (U+000B) in the
    lead failed the article as "a defect of summarize"."""
    lead = f"Der Vorspann des Artikels steht hier,{character}mit einem Umbruch aus Word."
    path = tmp_path / "fragment.html"
    page = f"{lead}<p>Die Regierung hat am Mittwoch neue Regeln beschlossen.</p>"
    path.write_text(wrapper.format(page), encoding="utf-8")
    lines = read_article(path).text.splitlines()
    assert "Die Regierung hat am Mittwoch neue Regeln beschlossen." in lines
    assert any(line.startswith("Der Vorspann des Artikels steht hier,") for line in lines)


def test_an_article_the_cleaner_empties_names_the_rule_and_how_to_keep_it(
    tmp_path: Path,
) -> None:
    """ "no article text left after cleaning" said nothing of which rule took the text, nor of
    the setting that keeps it: a user with a one-line article was left guessing."""
    path = tmp_path / "kurz.txt"
    path.write_text("Die Polizei ermittelt.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(path)])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "(blocks dropped by rule: no_article 1;" in said, said
    setting = 'clean.disable=["no_article"]'
    assert f"--set '{setting}' keeps what no_article drops)" in said, said
    kept = CliRunner().invoke(app, ["inspect", str(path), "--set", setting])
    assert kept.exit_code == 0 and "Die Polizei ermittelt." in kept.output, kept.output


@pytest.mark.parametrize(
    ("markdown", "setting"),
    [
        # the front matter's lines outnumber the title no_article drops
        ("---\ntitle: Nur Titel\ndate: 2024-05-03\nauthor: Redaktion\n---\n", "no_article"),
        ("<!-- nur ein Kommentar -->\n", None),
        ("[1]: https://example.org/quelle\n", None),
    ],
)
def test_an_emptied_markdown_file_names_only_a_setting_that_exists(
    tmp_path: Path, markdown: str, setting: str | None
) -> None:
    """What reading a Markdown file left out (its front matter, a comment, a link definition)
    is listed under a rule of its own, which no setting disables: the failure advised
    ``--set 'clean.disable=["markdown_front_matter"]'``, and that was refused as an unknown
    rule. The advice names the cleaner's rule that dropped most, or none."""
    path = tmp_path / "leer.md"
    path.write_text(markdown, encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(path)])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "no article text left after cleaning (blocks dropped by rule: markdown_" in said, said
    if setting is None:
        assert "clean.disable" not in said, said
        return
    option = f'clean.disable=["{setting}"]'
    assert f"--set '{option}' keeps what {setting} drops)" in said, said
    assert CliRunner().invoke(app, ["inspect", str(path), "--set", option]).exit_code == 0


@pytest.mark.parametrize("options", [[], ["--no-clean"]])
def test_the_numbers_of_an_html_pages_ordered_list_reach_the_translator(
    tmp_path: Path, options: list[str]
) -> None:
    """A reader sees the numbers of an ordered list, and a Markdown list written as dates
    ("3. Oktober: …") becomes ``<ol start="3"><li>Oktober: …`` in HTML: the number was no
    character of the page, and the translator got "Oktober: …" without its day."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    page = (
        '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"></head><body><article>'
        f"<h1>Feiern zum Tag der Einheit</h1><p>{body}</p>"
        '<ol start="3"><li>Oktober: Feier der Einheit in Berlin am Brandenburger Tor.</li>'
        "<li>Oktober: Aufräumen nach der großen Feier in der ganzen Stadt.</li></ol>"
        '<ol type="a"><li>Erster Punkt der zweiten Liste mit vielen Worten.</li>'
        '<li value="4">Vierter Punkt der zweiten Liste mit vielen Worten.</li></ol>'
        f"<p>{body}</p></article></body></html>"
    )
    record = _inspected(tmp_path / "seite.html", page, *options)
    sentences = [sentence.removeprefix("- ") for p in record["paragraphs"] for sentence in p]
    assert "3. Oktober: Feier der Einheit in Berlin am Brandenburger Tor." in sentences
    assert "4. Oktober: Aufräumen nach der großen Feier in der ganzen Stadt." in sentences
    assert "a. Erster Punkt der zweiten Liste mit vielen Worten." in sentences
    assert "d. Vierter Punkt der zweiten Liste mit vielen Worten." in sentences


def test_an_ordered_list_item_gets_no_number_of_a_list_the_extraction_left_out(
    tmp_path: Path,
) -> None:
    """The extraction's items are matched to the page's by text: a menu's list the extraction
    left out, with the same item numbered 7, gave the article's "3. Oktober" the 7th."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    item = "<li>Oktober: Feier der Einheit in Berlin am Brandenburger Tor.</li>"
    page = (
        f'<html><body><nav><ol start="7">{item}</ol></nav><article>'
        f'<h1>Feiern zum Tag der Einheit</h1><p>{body}</p><ol start="3">{item}</ol>'
        f"<p>{body}</p></article></body></html>"
    )
    record = _inspected(tmp_path / "seite.html", page, "--no-clean")
    sentences = [sentence for p in record["paragraphs"] for sentence in p if "Oktober" in sentence]
    assert sentences
    assert not any("7. Oktober" in sentence for sentence in sentences)


def test_ordered_list_items_of_the_same_text_keep_their_numbers(tmp_path: Path) -> None:
    """Items of one text ("Ja" three times) the extraction took all of get the page's numbers
    each: counted as they were taken, the second and third lost theirs."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    item = "<li>Ja, die Abstimmung im Landtag war knapp.</li>"
    page = (
        f"<html><body><article><h1>Abstimmung im Landtag</h1><p>{body}</p>"
        f'<ol start="4">{item * 3}</ol><p>{body}</p></article></body></html>'
    )
    record = _inspected(tmp_path / "seite.html", page, "--no-clean")
    sentences = [sentence for p in record["paragraphs"] for sentence in p if "Ja," in sentence]
    assert [sentence.split()[1] for sentence in sentences] == ["4.", "5.", "6."]


def test_an_ordered_lists_number_past_what_a_browser_counts_is_none() -> None:
    """A start or value of thousands of digits: int() refused it, and the page stopped the
    command with a traceback. A browser keeps list numbers in 32 bits; past them the attribute
    counts as none."""
    page = (
        f'<html><body><ol start="{"9" * 5000}"><li>Erster Punkt</li>'
        f'<li value="2147483648">Zweiter Punkt</li><li value="-7">Dritter Punkt</li></ol>'
        "</body></html>"
    )
    assert page_text(parse_html(page)) == "1. Erster Punkt\n2. Zweiter Punkt\n-7. Dritter Punkt"


def test_an_ordered_lists_number_in_other_digits_is_none() -> None:
    """HTML reads ASCII digits only: ``start="٣"`` (an Arabic-Indic three) starts at 1 in a
    browser, and int() read it as 3."""
    page = '<html><body><ol start="\u0663"><li>Erster Punkt</li><li>Zweiter Punkt</li></ol>'
    assert page_text(parse_html(page)) == "1. Erster Punkt\n2. Zweiter Punkt"


def test_an_html_pages_whole_text_reads_as_a_copied_page() -> None:
    """The page text the cleaner weighs: a line per block, a blank line around paragraphs, no
    script or style, a <pre>'s own lines (stripped), inline elements on their line, no soft
    hyphens."""
    html = (
        "<html><head><title>T</title><style>p {}</style></head><body>"
        "<nav><a href='/'>Start</a> <a href='/p'>Politik</a></nav><script>var x;</script>"
        "<p>Ein   Absatz\nüber zwei Zeilen <b>mit</b> <i>Auszeichnung</i>.</p>"
        "<div>Wir verwenden Cookies. <button>OK</button></div>"
        "<pre>Zeile 1\n  Zeile 2</pre><!-- Kommentar -->Nachsatz<br>Land&shy;straße"
        "</body></html>"
    )
    assert page_text(parse_html(html)) == (
        "Start Politik\n\nEin Absatz über zwei Zeilen mit Auszeichnung.\n\n"
        "Wir verwenden Cookies. OK\nZeile 1\nZeile 2\nNachsatz\nLandstraße"
    )


# The characters str.splitlines() ends a line at that HTML does not: Word's line break (U+000B),
# the information separators and the Unicode line and paragraph separators (NEL, U+0085, the
# reader takes for windows-1252's "…" stored as a control character).
_NO_HTML_LINE_BREAKS = ["\x0b", "\x1c", "\x1d", "\x1e", "\u2028", "\u2029"]


@pytest.mark.parametrize("character", [*_NO_HTML_LINE_BREAKS, "\x0c"])
def test_a_character_that_breaks_no_line_in_html_keeps_a_paragraph_whole(
    tmp_path: Path, character: str
) -> None:
    """Word's line break (U+000B) pasted into a CMS's <p>: a browser (Chromium) shows the
    paragraph on one line, the character as a box between two words (U+2028 and U+2029 as a
    space); a form feed was read as a space, but the page text parted the paragraph at the
    others (str.splitlines() does) and the sentence reached the translator in two halves, each
    a paragraph of its own. Each is white space between the words; in a <pre> too."""
    sentence = "Der Stadtrat hat den neuen Haushalt für 2025{}Mit knapper Mehrheit beschlossen."
    html = (
        "<html><head><meta charset='utf-8'><title>Haushalt in Ulm beschlossen worden</title>"
        "</head><body><article><h1>Haushalt in Ulm beschlossen worden</h1>"
        f"<p>{sentence.format(character)} Die Sprecherin der Stadt sagte das am Abend.</p>"
        "<p>Die Opposition kritisierte die Pläne scharf, wie es am Montag im Rathaus hieß.</p>"
        f"<pre>Zeile{character}eins\nZeile zwei</pre></article></body></html>"
    )
    assert page_text(parse_html(html)).splitlines()[2:5] == [
        f"{sentence.format(' ')} Die Sprecherin der Stadt sagte das am Abend.",
        "",
        "Die Opposition kritisierte die Pläne scharf, wie es am Montag im Rathaus hieß.",
    ]
    assert page_text(parse_html(html)).splitlines()[-2:] == ["Zeile eins", "Zeile zwei"]
    path = tmp_path / "seite.html"
    path.write_text(html, encoding="utf-8")
    prepared = prepare(read_article(path), load_config())
    first = " ".join(prepared.segmented.paragraphs[0])
    assert sentence.format(" ") in first, prepared.segmented.paragraphs


@pytest.mark.parametrize("character", [*_NO_HTML_LINE_BREAKS, "\x0c"])
def test_a_character_that_breaks_no_markdown_line_keeps_a_paragraph_whole(
    tmp_path: Path, character: str
) -> None:
    """markdown-it ends a line at a line feed or carriage return alone: Word's line break
    (U+000B), a form feed, U+2028 and the others inside a line stay inside its paragraph, and
    a browser shows the rendered <p> on one line (the test above), the character between two
    words. The reader kept the character, the segmenter parted the paragraph there
    (str.splitlines() does) and the sentence reached the translator in two halves. In the
    text each is one space, in a heading, a table cell and a code block too."""
    sentence = "Der Stadtrat hat den neuen Haushalt für 2025{}Mit knapper Mehrheit beschlossen."
    markdown = (
        f"# Haushalt in{character}Ulm beschlossen worden\n\n"
        f"{sentence.format(character)} Die Sprecherin der Stadt sagte das am Abend.\n\n"
        "Die Opposition kritisierte die Pläne scharf, wie es am Montag im Rathaus hieß.\n\n"
        f"| Partei | Stimmen |\n|---|---|\n| Freie{character}Wähler | 12 |\n\n"
        f"```\nZeile{character}eins\nZeile zwei\n```\n"
    )
    text, _, title = markdown_article(markdown)
    assert title == "Haushalt in Ulm beschlossen worden"
    assert text.split("\n\n") == [
        title,
        f"{sentence.format(' ')} Die Sprecherin der Stadt sagte das am Abend.",
        "Die Opposition kritisierte die Pläne scharf, wie es am Montag im Rathaus hieß.",
        "Partei | Stimmen",
        "Freie Wähler | 12",
        "Zeile eins\nZeile zwei",
    ]
    path = tmp_path / "artikel.md"
    path.write_text(markdown, encoding="utf-8")
    prepared = prepare(read_article(path), load_config())
    assert prepared.segmented.title == title
    first = " ".join(prepared.segmented.paragraphs[0])
    assert sentence.format(" ") in first, prepared.segmented.paragraphs


def test_left_out_menu_items_are_in_the_audit_when_the_article_uses_the_same_words(
    tmp_path: Path,
) -> None:
    """A menu item such as "Fußball" is left out even when the article says "Fußball" too: the
    audit lists every visible block the extraction did not take, not only those whose text
    appears nowhere in the article (list items and table cells are taken, not listed)."""
    page = """<html><head><title>Grindel will über die 50+1-Regel diskutieren</title></head>
<body><nav><ul><li><a href="/">Bundesliga</a></li><li><a href="/f">Fußball</a></li>
<li><a href="/r">Regel</a></li></ul></nav>
<article><h1>Grindel will über die 50+1-Regel diskutieren</h1>
<p>Der frühere DFB-Präsident Reinhard Grindel hat empfohlen, über die Abschaffung der
50+1-Regel im deutschen Fußball nachzudenken, bevor die EU-Kommission Tatsachen schafft.</p>
<p>Für die Vereine, die in der Bundesliga am ehesten Bayern und Dortmund gefährlich werden
können, wirke die Regel ohnehin nicht, sagte Grindel der Zeitung am Sonntag.</p>
<ul><li>Bayern München macht 750 Millionen Euro Umsatz im Jahr.</li><li>Dortmund</li></ul>
<table><tr><td>Verein</td><td>Umsatz</td></tr><tr><td>Leipzig</td><td>300</td></tr></table>
</article><footer><p>Sonntag</p></footer></body></html>"""
    dropped = _inspected(tmp_path / "seite.html", page)["dropped"]
    left_out = [item["text"] for item in dropped if item["rule"] == "html_extraction"]
    assert left_out == ["Bundesliga", "Fußball", "Regel", "Sonntag"]


def test_a_table_row_of_an_html_page_is_one_line_and_kept(tmp_path: Path) -> None:
    """The page's whole text had a line per table cell: prices and grades became short lines
    that the rules took ("140 €" as a donation, "nein" and "2,1" as fragments). A row is one
    line, its cells parted as the extraction parts them, and the table stays."""
    rows = [
        ("Hersteller/Modell", "Preis", "Isofix", "Note"),
        ("Maxi-Cosi Cabriofix", "140 €", "nein", "2,1"),
        ("Hauck Comfort Fix", "120 €", "nein", "2,4"),
        ("Joie i-Level", "300 €", "ja", "1,7"),
    ]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = (
        "<html><head><title>Kindersitze im Test</title></head><body><nav>Startseite</nav>"
        "<article><h1>Kindersitze im Test</h1><p>Der ADAC hat in seinem aktuellen Test "
        "insgesamt zwölf Babyschalen und Kindersitze geprüft und dabei auf Sicherheit, "
        "Bedienung und Schadstoffe geachtet.</p><p>Die meisten Modelle schneiden gut ab, einige "
        "wenige fallen wegen zu hoher Schadstoffbelastung im Bezugsstoff jedoch deutlich "
        f"zurück.</p><table>{table}</table></article></body></html>"
    )
    shown_json = _inspected(tmp_path / "test.html", page)
    kept = [" ".join(paragraph) for paragraph in shown_json["paragraphs"]]
    for row in rows:
        assert " | ".join(row) in kept
    assert [
        item["text"] for item in shown_json["dropped"] if item["text"] != "Kindersitze im Test"
    ] == ["Startseite"]


def test_an_html_block_written_over_several_source_lines_is_one_line(tmp_path: Path) -> None:
    """The HTML source's own line breaks inside a <p>, a heading or a list item are white space,
    as in a browser: each block is one line (it was a paragraph per source line: "Mitte Januar
    2022 hat" / "Strava" / "ein Update ...", and the repeated "Denn" lines were then dropped as
    duplicates). A <br> still ends a line and a <pre> keeps its lines."""
    page = """<html><head><title>Strava bringt neue Karten</title></head><body>
<nav><a href="/">Startseite</a> <a href="/rad">Radsport</a></nav><article>
<h1>Strava bringt
  neue Karten</h1>
<p>Mitte Januar 2022 hat
    <a href="/tag/strava">Strava</a>
 ein Update für sein Routen-Tool ausgerollt, das die Karten der Plattform betrifft.</p>
<p>Die Nutzer bekommen damit neue Funktionen für die Planung ihrer Touren.<br><br>Denn
 die beliebtesten Orte der Community werden nun als Points of Interest angezeigt.</p>
<p>Das Update ist ab sofort für alle Mitglieder verfügbar.<br>Denn
 es wurde lange getestet und von vielen Nutzern in der Community gewünscht.</p>
<ul><li>Startpunkte
  und Gipfel</li><li>Cafés und
  Fahrradläden</li></ul>
<blockquote>„Wir wollen die Planung
  einfacher machen“, sagte ein Sprecher des Unternehmens.</blockquote>
<pre>Strava GmbH
Musterstraße 1
10115 Berlin</pre>
</article><footer>Impressum</footer></body></html>"""
    article = _read_page(tmp_path, page)
    assert article.text.splitlines() == [
        "Strava bringt neue Karten",
        "Mitte Januar 2022 hat Strava ein Update für sein Routen-Tool ausgerollt, das die Karten "
        "der Plattform betrifft.",
        "Die Nutzer bekommen damit neue Funktionen für die Planung ihrer Touren.",
        "Denn die beliebtesten Orte der Community werden nun als Points of Interest angezeigt.",
        "Das Update ist ab sofort für alle Mitglieder verfügbar.",
        "Denn es wurde lange getestet und von vielen Nutzern in der Community gewünscht.",
        "- Startpunkte und Gipfel",
        "- Cafés und Fahrradläden",
        "„Wir wollen die Planung einfacher machen“, sagte ein Sprecher des Unternehmens.",
        "Strava GmbH",
        "Musterstraße 1",
        "10115 Berlin",
    ]
    assert article.left_out == (
        ("html_extraction", "Startseite Radsport"),
        ("html_extraction", "Impressum"),
    )
    cleaned = clean_text(article.text)
    assert cleaned.title == "Strava bringt neue Karten"
    assert cleaned.paragraphs[:5] == tuple(article.text.splitlines()[1:6])
    assert not [item for item in cleaned.dropped if item.rule == "duplicates"]


def _page_sharing_a_paragraph(number: int, shared: str) -> str:
    own = "".join(
        f"<p>Absatz {n} von Artikel {number}: Die Lage an der Grenze bleibt nach Angaben der "
        "Behörden angespannt, während Beobachter weitere Truppenbewegungen erwarten.</p>\n"
        for n in range(8)
    )
    return (
        f"<html><head><title>Artikel {number}</title></head><body><article>"
        f"<h1>Überschrift {number}</h1>{own}<p>{shared}</p></article></body></html>"
    )


def test_a_paragraph_seen_in_other_pages_is_kept_in_each(tmp_path: Path) -> None:
    """trafilatura's deduplication remembers text across documents: a paragraph that several
    pages share (an agency line, a standard note) must stay in every one of them."""
    shared = (
        "Der Kreml äußerte sich zunächst nicht zu dem Bericht, den der südkoreanische "
        "Geheimdienst am Montag in Seoul vorgelegt hatte, und ließ alle Fragen offen."
    )
    for number in range(5):
        page = tmp_path / f"seite-{number}.html"
        page.write_text(_page_sharing_a_paragraph(number, shared), encoding="utf-8")
        assert shared in read_article(page).text, number


def test_a_paragraph_repeated_within_one_page_is_dropped_and_recorded(tmp_path: Path) -> None:
    repeated = "Die Regierung kündigte für Dienstag eine Sondersitzung des Kabinetts in Berlin an."
    page = tmp_path / "seite.html"
    html = _page_sharing_a_paragraph(0, repeated).replace("<p>", f"<p>{repeated}</p><p>", 1)
    page.write_text(html, "utf-8")
    cleaned = clean_text(read_article(page).text)
    assert sum(paragraph.count(repeated) for paragraph in cleaned.paragraphs) == 1
    assert [d.text for d in cleaned.dropped if d.rule == "duplicates"] == [repeated]


def test_inspect_json_shows_what_the_translator_receives(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["inspect", str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == sorted(p.name for p in SEEDS.glob("*.txt"))
    for record in records:
        assert set(record) >= {"source", "title", "paragraphs", "dropped"}
        assert all(isinstance(s, str) and s for p in record["paragraphs"] for s in p)
        assert all(set(d) == {"rule", "text"} for d in record["dropped"])
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["001_50aac4cd65089cc5.txt"]["title"] is None
    rules = {d["rule"] for d in by_name["002_b4d41754e5c68a6e.txt"]["dropped"]}
    assert {"tail", "duplicates", "not_german", "header_labels", "credit"} <= rules

    raw = CliRunner().invoke(
        app, ["inspect", str(SEEDS / "002_b4d41754e5c68a6e.txt"), "--json", "--no-clean"]
    )
    (record,) = [json.loads(line) for line in raw.stdout.splitlines()]
    assert record["dropped"] == []
    assert any("5 CHF" in s for p in record["paragraphs"] for s in p)


def test_inspect_loads_no_model_library() -> None:
    code = (
        "import sys\nfrom summarize.cli import app\n"
        # a generation table is checked without transformers too
        "argv = ['inspect', 'seeds', '--json', '--set', 'translation.generation.num_beams=2']\n"
        "try:\n    app(argv, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Molière-Abend im Stadttheater begeistert das Publikum\nDie Inszenierung von "
            "Molières Komödie hat für ausverkaufte Ränge gesorgt. Im Foyer gab es Crème brûlée "
            "und Getränke à la carte.\n",
            "latin-1",
        ),
        ("„Wir sind bereit“, sagte Müller – und lächelte. Crème brûlée kostet 5 €.\n", "cp1252"),
        # Not German, and the detector tells it apart: its own encoding still wins.
        (
            "Warszawa jest stolicą Polski. Miasto liczy prawie dwa miliony mieszkańców, "
            "powiedział Łukasz.\n",
            "cp1250",
        ),
    ],
)
def test_legacy_encodings_are_read_as_written(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    assert read_article(path).text.strip() == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "Grüne und SPD gaben der Staatsregierung Mitverantwortung.\n",  # was cp775: "Gr³ne"
        "Auch ein 18 Jahre alter Fußgänger stirbt.\n",  # was Big5: "Fu罭鄚ger"
        "Über Abschaffung der 50+1-Regel diskutieren\n",  # was Big5
        # Soft hyphens, as copied from many German sites: the detector gave up ("not text in
        # any encoding we can detect") and the article was refused.
        "Die Mineral\xadöl\xaddaten für die Bundes\xadrepublik werden monat\xadlich "
        "ver\xadöffent\xadlicht. Sie enthalten Angaben über Einfuhr und Ver\xadbrauch.\n",
    ],
)
def test_german_windows_1252_text_is_not_read_in_a_stranger_code_page(
    tmp_path: Path, text: str
) -> None:
    """The detector chose code pages nobody writes German in for German windows-1252 text
    (24 of the 588 development pages saved as windows-1252 came back garbled): the
    windows-1252 reading wins when it holds more German letters."""
    path = tmp_path / "artikel.txt"
    path.write_bytes(text.encode("cp1252"))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        # DOS (cp850): was cp1250 ("sch„rfster", "Auáenminister"), Shift-JIS ("f〉").
        (
            'Der "Trump Brasiliens" gibt sich als Anti-System-Kandidat. Sein schärfster '
            "Konkurrent ist Fernando Haddad.\n",
            "cp850",
        ),
        ("Trendsport sorgt am Wochenende für Besucherrekord in Braunschweig\n", "cp850"),
        ("Die Außenminister Mazedoniens und Griechenlands haben sich geeinigt.\n", "cp850"),
        ('Die Anfangsphase "haben wir verschlafen", ärgerte sich der Trainer.\n', "cp850"),
        # Classic Mac OS (mac_roman): was cp1250 ("Au§enminister"), cp1258 ("ăwie").
        ("Die Außenminister Mazedoniens und Griechenlands haben sich geeinigt.\n", "mac_roman"),
        (
            "Sie habe sich die Liebe damals „wie im Film vorgestellt. Ich bin viel zu naiv an "
            "die Liebe herangegangen“.\n",
            "mac_roman",
        ),
        # No German letter at all: a dash (was cp850 "û", Mac's was windows-1252 "Ð"), a euro
        # sign of ISO-8859-15 (was cp1250 "¤").
        ("Scharf bewacht – der Parteitag der Tories\n", "cp1252"),
        ("Scharf bewacht – der Parteitag der Tories\n", "mac_roman"),
        ("Die Karte kostet im Vorverkauf 25 €, an der Abendkasse 30 €.\n", "iso8859_15"),
    ],
)
def test_german_text_in_dos_mac_and_latin_9_code_pages_is_read_as_written(
    tmp_path: Path, text: str, encoding: str
) -> None:
    """Short German files from DOS, classic Mac OS or ISO-8859-15 were read, with only an info
    line, in whatever code page the detector guessed: an umlaut became „ or §, a dash û, the
    euro sign ¤. Of the code pages German is written in, the reading with nothing out of
    place in German text (and the most German letters) wins."""
    path = tmp_path / "meldung.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("declared", "encoding", "name"),
    [("windows-1250", "cp1250", "Dvořák"), ("windows-1254", "cp1254", "Erdoğan")],
)
def test_a_pages_declared_charset_reads_what_german_letters_cannot_tell(
    tmp_path: Path, declared: str, encoding: str, name: str
) -> None:
    """German text with a Czech or Turkish name reads as well in windows-1252 ("Dvoøák",
    "Erdoðan"): a page's declared charset decides, where the bytes fit it."""
    text = f"{name} wurde in München gefeiert, schrieb die Zeitung über den Abend."
    for meta in (
        f'<meta charset="{declared}">',
        f'<meta http-equiv="Content-Type" content="text/html; charset={declared}">',
    ):
        path = tmp_path / "seite.html"
        page = f"<html><head>{meta}<title>Abend</title></head><body><p>{text}</p></body></html>"
        path.write_bytes(page.encode(encoding))
        article = read_article(path)
        assert (text in article.page_text, article.encoding) == (True, encoding)
    # A declaration the bytes do not fit is passed over: UTF-8 declared, windows-1252 saved.
    path.write_bytes(
        f'<meta charset="utf-8"><p>{text.replace(name, "Müller")}</p>'.encode("cp1252")
    )
    assert read_article(path).encoding == "cp1252"


@pytest.mark.parametrize(
    "text",
    [
        "Der Komponist Antonín Dvořák wurde in Prag gefeiert.",
        "Leoš Janáček und Bedřich Smetana: Die Philharmonie spielte am Samstag in Brünn.",
    ],
)
def test_a_page_declared_in_a_central_european_code_page_keeps_its_names(
    tmp_path: Path, text: str
) -> None:
    """DOS reads windows-1250's "á" as "ß" and "š" as "Ü": a page declared windows-1250 with
    more Czech letters than umlauts lost its declaration to DOS's German letters and came back
    as windows-1252, "Dvoøák", "Janáèek", without a word. Only a page declared in a code page
    German is written in (windows-1252 saved in DOS) loses it for more German letters; another
    one only where it reads German out of place ("sch„rfster")."""
    page = f'<html><head><meta charset="windows-1250"></head><body><p>{text}</p></body></html>'
    path = tmp_path / "seite.html"
    path.write_bytes(page.encode("cp1250"))
    article = read_article(path)
    assert (text in article.page_text, article.encoding) == (True, "cp1250")
    # DOS saved, windows-1250 declared: "sch„rfster" in the declared code page, DOS wins.
    dos = "Sein schärfster Konkurrent hörte zu, sagte Müller."
    path.write_bytes(page.replace(text, dos).encode("cp850"))
    article = read_article(path)
    assert (dos in article.page_text, article.encoding) == (True, "cp850")


@pytest.mark.parametrize(
    ("declared", "text"),
    [
        ("windows-1250", "Der Käse aus der Großstraße schmeckt würzig, sagte Müller."),
        ("windows-1250", "Über die Straße kam am Montag niemand, so groß war der Ärger."),
        ("iso-8859-2", "Die Straße ist gesperrt, sagte der Sprecher am Montag."),
    ],
)
def test_a_german_page_declared_central_european_but_saved_on_a_mac_keeps_its_umlauts(
    tmp_path: Path, declared: str, text: str
) -> None:
    """Mac's "ä", "ß", "Ä" and "Ü" are windows-1250's "Š", "§", "€" and "†" (ISO-8859-2's "ß"
    is "§"), none German out of place by the rules for DOS: such a page came back as "KŠse"
    and "Stra§e" (166 of the 305 pages of eval/clean that Mac Roman can hold, declared
    windows-1250), where it was read as Mac before."""
    saved = "mac_roman"
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    path = tmp_path / "seite.html"
    path.write_bytes(page.encode(saved))
    article = read_article(path)
    assert (text in article.page_text, article.encoding) == (True, saved)


@pytest.mark.parametrize(
    ("declared", "encoding", "text"),
    [
        ("windows-1251", "cp1251", "Владимир Путин заявил в понедельник, что налоги снизят."),
        ("koi8-r", "koi8_r", "Владимир Путин заявил в понедельник, что налоги снизят."),
        ("iso-8859-7", "iso8859_7", "Ο πρωθυπουργός δήλωσε τη Δευτέρα ότι θα μειώσει φόρους."),
    ],
)
def test_a_page_declared_in_a_code_page_without_umlauts_is_read_in_it(
    tmp_path: Path, declared: str, encoding: str, text: str
) -> None:
    """windows-1252 reads a Cyrillic or Greek page's letters as umlauts ("д" is 0xE4 in
    windows-1251, "ä"), and its declared charset lost to that: the page came back as
    "Âëàäèìèð Ïóòèí" without a word. A code page without German's letters declares no German
    page."""
    page = f'<html><head><meta charset="{declared}"></head><body><p>{text}</p></body></html>'
    path = tmp_path / "seite.html"
    path.write_bytes(page.encode(encoding))
    article = read_article(path)
    assert (text in article.page_text, codecs.lookup(article.encoding).name) == (
        True,
        codecs.lookup(encoding).name,
    )


def test_utf8_saved_twice_is_read_as_first_written_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """UTF-8 read as windows-1252 and saved as UTF-8 again ("FÃ¼r die StraÃŸe", as old CMS
    exports hold it) is valid UTF-8: the brief quoted the mojibake and the run said nothing.
    A file that is all such text is read as first written, one that mixes it with correct
    umlauts as it is; each with a warning naming the file."""
    text = "Für die Straße gibt es „neue“ Pläne – sie kosten 5 € mehr, sagte der Bürgermeister.\n"
    twice = text.encode("utf-8").decode("cp1252")
    path = tmp_path / "archiv.txt"
    path.write_text(twice, encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        assert read_article(path).text == text
    assert any("archiv.txt: UTF-8 read as windows-1252" in r.getMessage() for r in caplog.records)
    caplog.clear()
    path.write_text(text + twice, encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        assert read_article(path).text == text + twice
    assert any("not all of it: read as it is" in r.getMessage() for r in caplog.records)


def test_mojibake_in_an_html_pages_markup_alone_gets_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An HTML page whose text is right but whose markup holds UTF-8 read as windows-1252 (a
    link's address, "info=Britax+RÃ¶mer", an image's alt text, as on adac.de and
    sueddeutsche.de) or a windows-1252 control character (an alt text's "\x80") is read as it
    is without a warning: its reader and its brief never see them, and the run warned of
    mojibake in 3 of 70 real German pages whose briefs held none. The same in the page's text
    or in a <meta> tag's value (an og:title heads the brief) is still warned of."""
    text = "Der Kindersitz von Britax Römer fällt im Test durch, sagte der Prüfer am Montag."
    hidden = (
        '<a href="/test?info=Britax+RÃ¶mer">Zum Test</a>'
        '<img src="sitz.jpg" alt="SprÃ¼hregen\x80, Foto">'
        "<!-- Ã¼ \x84 -->"
    )
    page = '<html><head><meta charset="utf-8"></head><body><p>{}</p>{}</body></html>'
    path = tmp_path / "seite.html"
    path.write_text(page.format(text, hidden), encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        article = read_article(path)
    assert (text in article.page_text, [r.getMessage() for r in caplog.records]) == (True, [])
    caplog.clear()
    shown_text = text.replace("Römer", "RÃ¶mer").replace("Montag.", "Montag\x85")
    path.write_text(page.format(shown_text, hidden), encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        read_article(path)
    messages = [r.getMessage() for r in caplog.records]
    assert any("seite.html: holds UTF-8 read as windows-1252 ('Ã¶'" in m for m in messages)
    assert any("seite.html: 1 character(s) of windows-1252" in m for m in messages)
    caplog.clear()
    # a <meta>'s value is shown: an og:title heads the brief
    head = '<meta property="og:title" content="Britax RÃ¶mer fÃ¤llt durch">'
    path.write_text(page.replace("<head>", f"<head>{head}").format(text, ""), encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        read_article(path)
    assert any("holds UTF-8 read as windows-1252" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
    ],
)
def test_windows_1252_converted_as_latin_1_keeps_its_quotes_dashes_and_euros(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encode: Callable[[str], bytes]
) -> None:
    """Windows-1252 text converted to UTF-8 as if it were ISO-8859-1 (PHP's utf8_encode,
    ``iconv -f latin1``) holds „, “, –, … and € as the C1 control characters of their bytes:
    the cleaner dropped them as controls without a word, and "5 € pro Monat" reached the
    translator as "5 pro Monat". They are read as the windows-1252 characters, with a warning."""
    text = "Er sagte: „Wir handeln jetzt“ – das koste 5 € pro Monat… für jeden Bürger.\n"
    path = tmp_path / "export.txt"
    path.write_bytes(encode(text.encode("cp1252").decode("latin-1")))
    with caplog.at_level("WARNING", logger="summarize"):
        assert read_article(path).text == text
    assert any(
        "export.txt: 5 character(s) of windows-1252" in r.getMessage() for r in caplog.records
    )
    prepared = prepare(read_article(path), load_config(project_file=None))
    assert list(prepared.segmented.sentences) == [text.strip()]


def _read_as_windows_1252_by_a_browser(data: bytes) -> str:
    """``data`` read as browsers and Windows read windows-1252: the five bytes it leaves
    undefined as the control characters of the same number."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.encode("utf-16-le"),
    ],
)
def test_utf8_saved_twice_with_a_bom_is_read_as_first_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, encode: Callable[[str], bytes]
) -> None:
    """Notepad saves "UTF-8" with a BOM, and "Unicode" as UTF-16: text read as windows-1252
    and saved so ("FÃ¼r die StraÃŸe") went to the brief as mojibake, without the warning the
    same text without a BOM gets."""
    text = "Für die Straße gibt es „neue“ Pläne – sie kosten 5 € mehr, sagte der Bürgermeister.\n"
    path = tmp_path / "archiv.txt"
    path.write_bytes(encode(text.encode("utf-8").decode("cp1252")))
    with caplog.at_level("WARNING", logger="summarize"):
        assert read_article(path).text == text
    assert any("archiv.txt: UTF-8 read as windows-1252" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "read", [_read_as_windows_1252_by_a_browser, lambda data: data.decode("latin-1")]
)
def test_utf8_saved_twice_with_a_byte_windows_1252_leaves_undefined_is_repaired(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, read: Callable[[bytes], str]
) -> None:
    """The letters "Á", "č" and "Đ" end in a byte windows-1252 leaves undefined (0x81, 0x8D,
    0x90), which a browser or Windows reads as a control character, and UTF-8 read as
    ISO-8859-1 holds one for each dash and quotation mark: such a file was read as
    "JanÃ¡Ä\x8dek" and "MÃ¼nchen", with a warning that it could not be undone."""
    text = "Leoš Janáček, Novak Đoković und Ádám Szabó kamen nach München – „gut“, sagte er.\n"
    path = tmp_path / "archiv.txt"
    path.write_text(read(text.encode("utf-8")), encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        assert read_article(path).text == text
    assert any("read as first written" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "text",
    [
        "Nach einer knappen Stunde legte Rebic quer auf De Guzmán, der den Ball ins Tor schob.\n",
        "Das Leben, der Meister und ich…\n",
        "Alles Neue macht der Mai… | Bibliothek 2.0 und mehr\n",
    ],
)
def test_short_windows_1252_text_without_umlauts_is_not_read_as_dos_or_mac(
    tmp_path: Path, text: str
) -> None:
    """A sentence without an umlaut read in DOS or Mac gains one: "á" is DOS "ß" ("Guzmßn"),
    "…" Mac "Ö" ("ichÖ"). German writes ß only after a vowel and no capital umlaut after a
    small letter: windows-1252, which reads the bytes with nothing out of place, is kept."""
    path = tmp_path / "meldung.txt"
    path.write_bytes(text.encode("cp1252"))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, "cp1252")


def test_utf8_with_a_few_damaged_bytes_keeps_its_umlauts(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A UTF-8 file with two invalid bytes (a stray Latin-1 byte, a cut character) was read in a
    legacy encoding as a whole, and every umlaut became two wrong letters ("Landstraße" as
    "LandstraĂźe"), with only an info line. It is read as UTF-8, each damaged place shown as
    U+FFFD, and a warning names the file."""
    text = (
        "Am Freitagabend ereignete sich auf der Landstraße zwischen Machtolsheim und Merklingen "
        "ein Verkehrsunfall. Größere Schäden blieben aus, die Fahrerin übersah den Biker.\n"
    )
    raw = text.encode("utf-8")
    raw = raw.replace(b"Freitagabend", b"Freitag\xfcabend").replace(b"Biker", b"Bi\xc3ker")
    path = tmp_path / "artikel.txt"
    path.write_bytes(raw)
    with caplog.at_level("WARNING", logger="summarize"):
        article = read_article(path)
    assert article.text == text.replace("Freitagabend", "Freitag\ufffdabend").replace(
        "Biker", "Bi\ufffdker"
    )
    assert article.encoding == "utf-8"
    messages = [record.getMessage() for record in caplog.records]
    assert any("artikel.txt" in m and "not valid UTF-8 in 2 place(s)" in m for m in messages)
    # Legacy text (each umlaut an invalid sequence) is still read as written.
    legacy = "Größere Schäden an der Straße, sagte Müller. Über die Brücke fuhr niemand.\n"
    path.write_bytes(legacy.encode("cp1252"))
    assert read_article(path).text == legacy


@pytest.mark.parametrize(
    ("encoding", "damage"),
    [
        ("utf-16", lambda raw: raw[:-1]),  # cut short at an odd byte
        ("utf-16-be", lambda raw: raw[:-1]),
        ("utf-32", lambda raw: raw[:-2]),
        # half of a surrogate pair (an emoji cut in two) in place of the "k" of "Biker"
        (
            "utf-16",
            lambda raw: raw.replace(
                "Biker".encode("utf-16-le"), "Bi\ud83der".encode("utf-16-le", "surrogatepass")
            ),
        ),
    ],
)
def test_utf16_or_utf32_with_a_bom_and_a_damaged_character_is_read(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    encoding: str,
    damage: Callable[[bytes], bytes],
) -> None:
    """A UTF-16 or UTF-32 file cut short in its last character (a download broken off at an
    odd byte), or holding half of a surrogate pair, was refused whole: "starts with a utf-16
    BOM but does not decode", where a UTF-8 file cut in a character is read. The BOM names the
    encoding: the file is read, the damaged place shown as U+FFFD, and a warning names it."""
    text = (
        "Am Freitagabend ereignete sich auf der Landstraße zwischen Machtolsheim und Merklingen "
        "ein Verkehrsunfall. Größere Schäden blieben aus, die Fahrerin übersah den Biker.\n"
    )
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    path = tmp_path / "artikel.txt"
    path.write_bytes(damage(raw))
    with caplog.at_level("WARNING", logger="summarize"):
        article = read_article(path)
    assert article.text.startswith("Am Freitagabend ereignete sich auf der Landstraße")
    assert "\ufffd" in article.text
    messages = [record.getMessage() for record in caplog.records]
    assert any("artikel.txt: not valid UTF-" in message for message in messages), messages
    # Bytes that are no such text, after the same BOM, are refused as before.
    path.write_bytes(codecs.BOM_UTF16_LE + b"\x00\xdc" * 400)
    with pytest.raises(ArticleError, match="BOM but does not decode"):
        read_article(path)


def test_utf8_with_as_many_damaged_bytes_as_umlauts_is_still_utf8(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Three stray bytes in a short UTF-8 article with four umlauts: twice as many valid
    characters as damaged ones were asked for, so the file was read as cp1250 with only an
    info line, and the brief quoted "BĂĽrgermeister" and "BrĂĽcke". It is UTF-8, with a
    warning; the stray bytes, each a German letter or mark in Windows-1252, read as those."""
    text = (
        "Der Bürgermeister hat am Montag die neue Brücke über den Fluss eröffnet. "
        "Viele Menschen kamen zur Feier, sagte ein Sprecher der Stadt am Abend.\n"
    )
    raw = text.encode("utf-8")
    for word, damaged in (
        (b"Montag", b"Mon\xe4tag"),
        (b"Feier", b"Fei\x96er"),
        (b"Abend", b"Ab\xfcend"),
    ):
        raw = raw.replace(word, damaged)
    path = tmp_path / "bericht.txt"
    path.write_bytes(raw)
    with caplog.at_level("WARNING", logger="summarize"):
        article = read_article(path)
    assert article.encoding == "utf-8"
    assert article.text == text.replace("Montag", "Monätag").replace("Feier", "Fei–er").replace(
        "Abend", "Abüend"
    )
    assert any("3 byte(s) of Windows-1252" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_a_windows_1252_quotation_pasted_into_utf8_reads_as_written(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, bom: bytes
) -> None:
    """A quotation copied from an old Windows-1252 page into a UTF-8 file: with fewer valid
    UTF-8 umlauts than pasted bytes, the whole file was read as Windows-1252 ("für" as "fÃ¼r");
    with a BOM it was refused, the article lost. Each pasted byte reads as the letter or mark
    it stands for, and the run says so."""
    first = (
        "Der Bundestag hat am Montag ein neues Gesetz für Bürger beschlossen. Die Opposition "
        "kritisierte das Vorhaben scharf.\n"
    )
    quotation = "Zitat: „Wir müssen handeln“, sagte er.\n"
    path = tmp_path / "artikel.txt"
    path.write_bytes(bom + first.encode("utf-8") + quotation.encode("cp1252"))
    with caplog.at_level("WARNING", logger="summarize"):
        article = read_article(path)
    assert article.text == first + quotation
    assert any("3 byte(s) of Windows-1252" in r.getMessage() for r in caplog.records)


def test_windows_1252_text_with_accidental_utf8_sequences_is_read_as_written(
    tmp_path: Path,
) -> None:
    """In Windows-1252, "ß" before a soft hyphen or a closing quotation mark is a valid UTF-8
    sequence by accident (an N'Ko letter): a short article with three of them and one opening
    quotation mark was read as damaged UTF-8, "Fu߭ball" and "�groߓ". Those characters are
    evidence of nothing; the file is read as Windows-1252."""
    text = "Der Fuß\xadball war „groß“, der Spaß\xadfaktor hoch, sagte der Trainer am Abend.\n"
    path = tmp_path / "sport.txt"
    path.write_bytes(text.encode("cp1252"))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, "cp1252")


@pytest.mark.parametrize(
    ("mark", "word"),
    [("Land&shy;straße", "Landstraße"), ("Bi&#8203;ker", "Biker"), ("Bru\u0308cke", "Brücke")],
)
def test_invisible_characters_do_not_put_kept_paragraphs_in_the_audit(
    tmp_path: Path, mark: str, word: str
) -> None:
    """trafilatura drops soft hyphens and zero-width characters (German sites put them inside
    long words) and writes NFC (an umlaut as one character); the page's blocks kept them, so
    every paragraph holding one was listed as left out by the extraction although the article
    holds it."""
    paragraphs = [
        f"Am Freitagabend ereignete sich auf der {mark} bei Merklingen ein schwerer Unfall.",
        f"Der {mark} wurde nach Angaben der Polizei nur leicht verletzt und kam in eine Klinik.",
        "Die Autofahrerin hatte ihn beim Einbiegen in die Landesstraße übersehen, hieß es.",
    ]
    page = (
        "<html><head><title>Unfall bei Merklingen glimpflich ausgegangen</title></head><body>"
        "<nav><ul><li>Startseite</li><li>Politik</li></ul></nav><article>"
        "<h1>Unfall bei Merklingen glimpflich ausgegangen</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</article></body></html>"
    )
    shown_json = _inspected(tmp_path / "seite.html", page)
    sentences = [sentence for paragraph in shown_json["paragraphs"] for sentence in paragraph]
    assert sum(word in sentence for sentence in sentences) == 2
    # The page's own headline below its menu repeats its title, the brief's headline.
    assert shown_json["dropped"] == [
        {"rule": "html_extraction", "text": "Startseite"},
        {"rule": "html_extraction", "text": "Politik"},
        {"rule": "duplicates", "text": "Unfall bei Merklingen glimpflich ausgegangen"},
    ]


def test_a_page_nested_past_the_parsers_limit_loses_no_paragraph(tmp_path: Path) -> None:
    """lxml stops at 256 nested elements and drops the rest of the page silently: a legacy
    page that opens a <font> in every paragraph and never closes it lost its last paragraphs,
    with nothing in the audit. It is read with the parser's higher limit; a page nested deeper
    still is refused with its reason, never cut short."""
    paragraphs = [
        f"Absatz {number}: Die Gemeinde hat am Montag beschlossen, die Straße zu sanieren, "
        "sagte der Bürgermeister."
        for number in range(300)
    ]
    page = (
        "<html><head><title>Gemeinderat beschließt Sanierung</title></head><body>"
        + "".join(f'<p><font face="Arial">{paragraph}' for paragraph in paragraphs)
        + "</body></html>"
    )
    path = tmp_path / "alt.html"
    path.write_text(page, encoding="utf-8")
    text = read_article(path).text
    assert all(paragraph in text for paragraph in paragraphs)
    path.write_text(
        "<html><body>" + "<div>" * 3000 + f"<p>{paragraphs[0]}</p>" + "</div>" * 3000
        + "</body></html>",
        encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(ArticleError, match="nests its elements more than 2048 deep"):
        read_article(path)


@pytest.mark.parametrize(
    "line",
    [
        "Eilmeldung: Der Bundestag hat am Freitag den Haushalt für 2025 beschlossen",
        "Der Bundestag hat am Freitag den Haushalt für 2025 beschlossen!",
    ],
)
def test_an_article_of_one_headline_shaped_line_is_its_text(tmp_path: Path, line: str) -> None:
    """A news flash of one line without a full stop read as a headline with no body under it,
    and the article failed with "no article text left after cleaning" although the cleaner
    had dropped nothing. The line is the article's text."""
    shown = _inspected(tmp_path / "eilmeldung.txt", line + "\n")
    assert shown["title"] is None
    assert shown["paragraphs"] == [[line]]
    assert shown["dropped"] == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_markdown_front_matter_is_metadata_not_the_headline(tmp_path: Path, newline: str) -> None:
    """Hugo, Jekyll and Obsidian put YAML front matter first; CommonMark reads it as a rule and
    a heading, so "title: … date: … author: …" became the headline and was translated. Its
    title is the headline, its lines are in the audit; a "---" rule that opens an article
    without front matter is left alone. With any of CommonMark's line endings (an old Mac
    file's lone "\r": the front matter was dropped as fragments, no title)."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    shown = _inspected(
        tmp_path / "artikel.md",
        (
            '---\ntitle: "Neue Radwege für die Innenstadt geplant"\n'
            "date: 2025-05-03T10:00:00+02:00\nauthor: Redaktion\ntags: [Verkehr, Stadt]\n---\n\n"
            "Die Stadt will bis 2027 insgesamt zwölf Kilometer neue Radwege bauen, teilte die "
            f"Verkehrsdezernentin am Montag mit.\n\n{body}\n"
        ).replace("\n", newline),
    )
    assert shown["title"] == "Neue Radwege für die Innenstadt geplant"
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    assert "author" not in text and "2025-05-03" not in text
    assert [
        item["text"] for item in shown["dropped"] if item["rule"] == "markdown_front_matter"
    ] == [
        'title: "Neue Radwege für die Innenstadt geplant"',
        "date: 2025-05-03T10:00:00+02:00",
        "author: Redaktion",
        "tags: [Verkehr, Stadt]",
    ]
    opening_rule = _inspected(
        tmp_path / "regel.md",
        f"---\nDie Stadt will bis 2027 neue Radwege bauen, sagte die Dezernentin.\n---\n\n{body}\n",
    )
    first = "Die Stadt will bis 2027 neue Radwege bauen, sagte die Dezernentin."
    assert opening_rule["paragraphs"][0] == [first]
    assert not opening_rule["dropped"]


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_line_end_of_two_carriage_returns_is_one_line_end(tmp_path: Path, suffix: str) -> None:
    """A file whose CRLF line ends were made CRLF again ("\r\r\n": written in text mode on
    Windows, an FTP transfer) reads as written first: the lone CR was a line end of its own,
    a blank line after each, and every line of a hard-wrapped paragraph was a paragraph, its
    sentences cut in two for the translator ("Der Bundestag muss noch" / "zustimmen, …")."""
    page = (
        "Regierung beschließt neue Mietpreisbremse für Städte\n\n"
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz\n"
        "beschlossen, das die Mieten in den großen Städten\n"
        "Deutschlands begrenzen soll. Der Bundestag muss noch\n"
        "zustimmen, was im Herbst erwartet wird, sagte ein Sprecher\n"
        "des Ministeriums in Berlin.\n\n"
        "Kritiker sagen, das Gesetz komme zu spät und helfe den\n"
        "Mietern in München, Hamburg und Frankfurt nicht genug. Die\n"
        "Opposition kündigte Widerstand im Parlament an.\n"
    )
    written = _inspected(tmp_path / f"erst{suffix}", page)
    assert len(written["paragraphs"]) == 2
    assert written["paragraphs"][0][1].startswith("Der Bundestag muss noch zustimmen, was")
    doubled = _inspected(tmp_path / f"doppelt{suffix}", page.replace("\n", "\r\r\n"))
    assert {**doubled, "source": ""} == {**written, "source": ""}


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_page_break_is_no_paragraphs_end(tmp_path: Path, suffix: str) -> None:
    """pdftotext puts a form feed before each page's first line: read as a line end of its own,
    it made a blank line, and a sentence that went on over the page was cut into two
    paragraphs for the translator ("… ein neues Gesetz" / "beschlossen, das …"). A form
    feed alone on its line still ends a paragraph."""
    page = (
        "Regierung beschließt neue Mietpreisbremse für Städte\n\n"
        "Die Bundesregierung hat am Mittwoch ein neues Gesetz\n"
        "beschlossen, das die Mieten in den großen Städten\n"
        "Deutschlands begrenzen soll. Der Bundestag muss noch\n"
        "zustimmen, was im Herbst erwartet wird, sagte ein Sprecher\n"
        "des Ministeriums in Berlin.\n\n"
        "Kritiker sagen, das Gesetz komme zu spät und helfe den\n"
        "Mietern in München, Hamburg und Frankfurt nicht genug. Die\n"
        "Opposition kündigte Widerstand im Parlament an.\n"
    )
    written = _inspected(tmp_path / f"ohne{suffix}", page)
    assert len(written["paragraphs"]) == 2
    over_a_page = page.replace("Gesetz\nbeschlossen", "Gesetz\n\fbeschlossen").replace(
        "Berlin.\n\n", "Berlin.\n\f\n"
    )
    paged = _inspected(tmp_path / f"seiten{suffix}", over_a_page)
    assert {**paged, "source": ""} == {**written, "source": ""}


def test_a_front_matter_yaml_cannot_read_is_read_line_by_line(tmp_path: Path) -> None:
    """A colon in an unquoted title ("title: Merz: Wir handeln jetzt") is no YAML, and the
    block became the article's opening: "title: Merz: …" the headline, the date and the author
    translated. Plain "key: value" lines with a front matter's key are read one by one; a "---"
    rule around lines of the article ("Fazit: …") is still the article's."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    path = tmp_path / "artikel.md"
    front = ["title: Merz: Wir handeln jetzt", "date: 2025-05-03", 'author: "Redaktion"']
    shown = _inspected(path, "\n".join(["---", *front, "tags:", "  - Politik", "---", "", body]))
    assert shown["title"] == "Merz: Wir handeln jetzt"
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    assert "Redaktion" not in text and "2025-05-03" not in text and "title" not in text
    details = read_article(path).details
    assert (details.date, details.author) == ("2025-05-03", "Redaktion")
    rule = "---\nFazit: Die Stadt hat gut geplant, sagte die Dezernentin.\n---\n\n"
    shown = _inspected(tmp_path / "regel.md", rule + body + "\n")
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    assert "Fazit: Die Stadt hat gut geplant" in text


@pytest.mark.parametrize(
    ("fence", "nested"),
    [
        ("---", "tags: " + "[" * 5000 + "]" * 5000),
        ("---", "tags: " + "{a: " * 3000 + "1" + "}" * 3000),
        ("+++", "tags = " + "[" * 5000 + "]" * 5000),
    ],
    ids=["yaml lists", "yaml mappings", "toml lists"],
)
def test_a_front_matter_nested_past_the_readers_depth_costs_no_article(
    tmp_path: Path, fence: str, nested: str
) -> None:
    """YAML's and TOML's readers go down nested lists and tables by recursion: a front matter
    nested thousands deep (a few KB) raised RecursionError, and the article was lost as "a
    defect of summarize … please report it". It is read as a block they cannot read is."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    title = 'title: "Radwege"' if fence == "---" else 'title = "Radwege"'
    shown = _inspected(tmp_path / "artikel.md", f"{fence}\n{title}\n{nested}\n{fence}\n\n{body}\n")
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    assert body.split(".")[0] in text


@pytest.mark.parametrize("character", ["\x0b", "\x0c", "\x1c"])
def test_a_front_matter_with_words_word_broke_is_metadata(tmp_path: Path, character: str) -> None:
    """YAML refuses a vertical tab (Word's line break), a form feed or another control
    character in a value, and the line-by-line reading of such a block parted its lines where
    str.splitlines() does: 'beschlossen worden"' was no "key: value" line, the front matter
    was the article's text, "title: …" its headline, the date and the author translated. Its
    lines are the file's lines; the title is read with the character as a space."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    path = tmp_path / "artikel.md"
    front = [f'title: "Haushalt in Ulm{character}beschlossen worden"', "date: 2025-05-03"]
    shown = _inspected(path, "\n".join(["---", *front, "author: Redaktion", "---", "", body]))
    assert shown["title"] == "Haushalt in Ulm beschlossen worden"
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    assert "Redaktion" not in text and "2025-05-03" not in text and "title" not in text
    details = read_article(path).details
    assert (details.date, details.author) == ("2025-05-03", "Redaktion")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_hugos_toml_front_matter_is_metadata_too(tmp_path: Path, newline: str) -> None:
    """Hugo also writes its front matter as TOML between "+++" lines. CommonMark reads that as
    a paragraph, so 'title = "…" date = … author = "…"' opened the article and was translated.
    It is read as YAML front matter is: its title the headline, its lines in the audit, its
    date and author the source's; a "+++" block that is no TOML stays text."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    path = tmp_path / "artikel.md"
    front = [
        'title = "Neue Radwege für die Innenstadt geplant"',
        "date = 2025-05-03T10:00:00+02:00",
        'author = "Redaktion"',
        'tags = ["Verkehr", "Stadt"]',
    ]
    shown = _inspected(
        path,
        newline.join(["+++", *front, "+++", "", body, ""]),
    )
    assert shown["title"] == "Neue Radwege für die Innenstadt geplant"
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    assert "Redaktion" not in text and "2025-05-03" not in text and "+++" not in text
    dropped = [item["text"] for item in shown["dropped"] if item["rule"] == "markdown_front_matter"]
    assert dropped == front
    details = read_article(path).details
    assert (details.date, details.author) == ("2025-05-03T10:00:00+02:00", "Redaktion")
    first = "Die Stadt will bis 2027 neue Radwege bauen, sagte die Dezernentin."
    not_toml = _inspected(tmp_path / "plus.md", f"+++\n{first}\n+++\n\n{body}\n")
    assert first in " ".join(s for paragraph in not_toml["paragraphs"] for s in paragraph)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("1984", "1984"),
        ("1.10", "1.10"),
        ("Off", "Off"),
        ("2025-05-03", "2025-05-03"),
        ("\n  1984", "1984"),  # the value on the next line
        ("!!int 42", "42"),
        ("1984 # the book", "1984"),
    ],
)
def test_a_front_matter_title_yaml_reads_as_another_type_is_the_title_as_written(
    tmp_path: Path, written: str, title: str
) -> None:
    """YAML reads "title: 1984" as a number (and "Off" as false): the title was dropped, and the
    brief said no headline was found."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    shown = _inspected(tmp_path / "artikel.md", f"---\ntitle: {written}\n---\n\n{body}\n")
    assert shown["title"] == title


def test_a_markdown_files_title_is_its_headline_above_a_subtitle_and_byline(
    tmp_path: Path,
) -> None:
    """The title a Markdown file gives (its opening ``# heading``, its front matter's) is the
    headline, as an HTML page's is: read on its shape alone, the subtitle under it, the line
    closest to the text, was the brief's title and the headline its first paragraph."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    headline = "Nordkorea schickt weitere Soldaten an die Front"
    subtitle = "Pjöngjang reagiert auf hohe Verluste in der Region Kursk"
    byline = "Von Anna Müller und Peter Schmidt, Seoul"
    for name, opening in (("h1.md", f"# {headline}"), ("front.md", f"---\ntitle: {headline}\n---")):
        shown = _inspected(tmp_path / name, f"{opening}\n\n{subtitle}\n\n{byline}\n\n{body}\n")
        assert shown["title"] == headline, name
        assert shown["paragraphs"][:2] == [[subtitle], [byline]], name
    assert read_article(tmp_path / "h1.md").page_title == headline
    # A heading further down is no title: the text does not start with it.
    (tmp_path / "later.md").write_text(f"Politik\n\n# {headline}\n\n{body}\n", encoding="utf-8")
    assert read_article(tmp_path / "later.md").page_title == ""


def test_a_markdown_files_short_title_is_its_headline(tmp_path: Path) -> None:
    """A title the file's author gave is the headline whatever its length: "# Haushalt 2025"
    has two words, fewer than a headline read on its shape needs, and the subtitle under it
    was the brief's title. A web page's metadata title is no author's: short, it is often the
    site's or section's name, and the headline is looked for below it as before."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    subtitle = "Pjöngjang reagiert auf hohe Verluste in der Region Kursk"
    for name, opening in (("h1.md", "# Haushalt 2025"), ("front.md", "---\ntitle: Kursk\n---")):
        shown = _inspected(tmp_path / name, f"{opening}\n\n{subtitle}\n\n{body}\n")
        assert shown["title"] == ("Haushalt 2025" if name == "h1.md" else "Kursk"), name
        assert shown["paragraphs"][0] == [subtitle], name
    page = f"Startseite\n\n{subtitle}\n\n{body}\n"
    assert clean_text(page, headline="Startseite").title == subtitle


def test_a_markdown_headings_attributes_are_markup_listed_in_the_audit() -> None:
    """Hugo, Jekyll and Pandoc read "{#id}" or "{.class key=value}" at a heading's end as its
    attributes, which a reader never sees: they reached the translator (and the title) as
    words. Braces that hold words, or that stand in a paragraph, stay as typed."""
    markdown = (
        "# Haushalt 2025 {#haushalt .wichtig}\n\n"
        "## Die Lage im Bund {: #lage}\n\n"
        "Der Bundestag hat am Donnerstag {#nicht} beschlossen.\n\n"
        "## Kosten {in Euro}\n\n"
        'Lage {id="setext"}\n---\n'
    )
    text, left_out, title = markdown_article(markdown)
    assert title == "Haushalt 2025"
    assert text.split("\n\n") == [
        "Haushalt 2025",
        "Die Lage im Bund",
        "Der Bundestag hat am Donnerstag {#nicht} beschlossen.",
        "Kosten {in Euro}",
        "Lage",
    ]
    assert [entry for entry in left_out if entry[0] == "markdown_heading_attributes"] == [
        ("markdown_heading_attributes", "{#haushalt .wichtig}"),
        ("markdown_heading_attributes", "{: #lage}"),
        ("markdown_heading_attributes", '{id="setext"}'),
    ]


def test_a_quotes_callout_mark_is_markup_listed_in_the_audit() -> None:
    """GitHub's alerts ("> [!NOTE]") and Obsidian's callouts ("> [!info]- Hintergrund") render
    as a box with a title, the mark never shown: it reached the translator as "[!info]". The
    words after it stay; a mark that opens no quote, or a quote's "[!]", stays as typed."""
    markdown = (
        "> [!NOTE]\n> Die Wahl findet am Sonntag statt.\n\n"
        "> [!info]- Hintergrund zur Wahl\n> Der Bundestag wird neu gewählt.\n\n"
        "Im Text steht [!note] als Wort.\n\n"
        "> Er sagte: [!] nein.\n"
    )
    text, left_out, _ = markdown_article(markdown)
    assert text.split("\n\n") == [
        "Die Wahl findet am Sonntag statt.",
        "Hintergrund zur Wahl\nDer Bundestag wird neu gewählt.",
        "Im Text steht [!note] als Wort.",
        "Er sagte: [!] nein.",
    ]
    assert left_out == (("markdown_callout", "[!NOTE]"), ("markdown_callout", "[!info]-"))


def test_an_obsidian_wiki_link_is_the_words_it_shows() -> None:
    """ "[[Debatte im Bundestag|langer Debatte]]" shows "langer Debatte", "[[Mieter]]" shows
    "Mieter": the brackets and the link's target reached the translator as words. An embed
    shows its file, never its name: listed in the audit. A wiki link in a link's words keeps
    that link; "[[ ]]" is no link and stays as typed."""
    markdown = (
        "Der Bundestag hat nach [[Debatte im Bundestag|langer Debatte]] ein Gesetz für "
        "[[Mieter]] beschlossen.\n\n![[Foto Bundestag.jpg]]\n\n"
        "| Partei | Stimmen |\n|---|---|\n| [[CDU\\|Union]] | 30 |\n\n"
        "Siehe [den Bericht zur [[Wahl]]](https://a.example) und [[ ]].\n"
    )
    text, left_out, _ = markdown_article(markdown)
    assert text.split("\n\n") == [
        "Der Bundestag hat nach langer Debatte ein Gesetz für Mieter beschlossen.",
        "Partei | Stimmen",
        "Union | 30",
        "Siehe den Bericht zur Wahl und [[ ]].",
    ]
    assert left_out == (("markdown_embed", "Foto Bundestag.jpg"),)


def test_an_obsidian_comment_is_hidden_text_listed_in_the_audit() -> None:
    """Obsidian hides "%%…%%" from a reader, on one line or over paragraphs: its text reached
    the translator as sentences of the article. A per cent sign alone stays as typed."""
    markdown = (
        "Der Bundestag hat das Gesetz beschlossen.%%Zahlen noch prüfen%% Es gilt ab Mai.\n\n"
        "%%\nNotiz an mich:\n\nQuelle suchen\n%%\n\nDie Zinsen steigen um 5 % bis 3 %.\n"
    )
    text, left_out, _ = markdown_article(markdown)
    assert text.split("\n\n") == [
        "Der Bundestag hat das Gesetz beschlossen. Es gilt ab Mai.",
        "Die Zinsen steigen um 5 % bis 3 %.",
    ]
    assert left_out == (
        ("markdown_comment", "%%Zahlen noch prüfen%%"),
        ("markdown_comment", "%% Notiz an mich: Quelle suchen %%"),
    )


def test_a_doubled_per_cent_sign_or_a_stray_mark_hides_no_text_across_paragraphs() -> None:
    """A "%%" after a number is a per cent sign typed twice (or printf's "%%"), and a "%%" in
    one paragraph with another in a later one is no comment over them: the text between was
    left out, the first paragraph's start joined to the last one's end ("Der Etat soll um 5 im
    nächsten Jahr.")."""
    markdown = (
        "Der Etat soll um 5 %% steigen, sagte der Minister.\n\n"
        "Die Opposition kritisierte den Plan.\n\n"
        "Die Steuern steigen um 3%% im nächsten Jahr.\n\n"
        "Er sagte, %%dass es reicht.\n\n"
        "Sie widersprach%% sofort.\n\n"
        "Das Gesetz gilt ab Mai.%%geprüft am 12.03.2024%%\n"
    )
    text, left_out, _ = markdown_article(markdown)
    assert text.split("\n\n") == [
        "Der Etat soll um 5 %% steigen, sagte der Minister.",
        "Die Opposition kritisierte den Plan.",
        "Die Steuern steigen um 3%% im nächsten Jahr.",
        "Er sagte, %%dass es reicht.",
        "Sie widersprach%% sofort.",
        "Das Gesetz gilt ab Mai.",
    ]
    assert left_out == (("markdown_comment", "%%geprüft am 12.03.2024%%"),)


def test_a_site_generators_template_tags_are_markup_listed_in_the_audit() -> None:
    """Hugo's shortcodes, Jekyll's Liquid tags and kramdown's block attributes are replaced or
    removed by the site generator, never shown as typed: they reached the translator as words.
    A paired shortcode's text stays, a tag between words leaves one space, and braces that a
    generator would not read stay as typed."""
    markdown = (
        "# Haushalt 2025\n\n"
        '{{< figure src="/bild.jpg"\n  caption="Lindner im Bundestag" >}}\n\n'
        'Die Opposition kritisierte die Pläne. {{< ref "x.md" >}} Details{{< fn 1 >}} folgen.\n\n'
        "{{% notice info %}}\nDer Artikel wird aktualisiert.\n{{% /notice %}}\n\n"
        "Ein Absatz mit Klasse.\n{: .lead}\n\n"
        "{% include anzeige.html %}\n{% comment %}\nQuelle anonym.\n{% endcomment %}\n"
        "Mengen {{ Klammern }} und {in Euro}, {% offen\n\nbleibt 5 %}.\n"
    )
    text, left_out, title = markdown_article(markdown)
    assert title == "Haushalt 2025"
    assert text.split("\n\n") == [
        "Haushalt 2025",
        "Die Opposition kritisierte die Pläne. Details folgen.",
        "Der Artikel wird aktualisiert.",
        "Ein Absatz mit Klasse.",
        "Mengen {{ Klammern }} und {in Euro}, {% offen",
        "bleibt 5 %}.",
    ]
    assert [entry[1] for entry in left_out if entry[0] == "markdown_template_tag"] == [
        '{{< figure src="/bild.jpg" caption="Lindner im Bundestag" >}}',
        '{{< ref "x.md" >}}',
        "{{< fn 1 >}}",
        "{{% notice info %}}",
        "{{% /notice %}}",
        "{: .lead}",
        "{% include anzeige.html %}",
        "{% comment %} Quelle anonym. {% endcomment %}",
    ]


def test_pandocs_unnumbered_mark_is_a_headings_attribute() -> None:
    """Pandoc (and so R Markdown, bookdown) reads "{-}" at a heading's end as ".unnumbered",
    alone or among other attributes: it reached the translator and the title as a word
    ("Anhang {-}"). A hyphen that is part of a word in braces stays."""
    markdown = "# Anhang {-}\n\n## Quellen {- #quellen}\n\n## Bilanz {-x}\n\nText.\n"
    text, left_out, title = markdown_article(markdown)
    assert title == "Anhang"
    assert text.split("\n\n") == ["Anhang", "Quellen", "Bilanz {-x}", "Text."]
    assert [entry for entry in left_out if entry[0] == "markdown_heading_attributes"] == [
        ("markdown_heading_attributes", "{-}"),
        ("markdown_heading_attributes", "{- #quellen}"),
    ]


@pytest.mark.parametrize(
    "opening",
    ["# Haushalt  2025", "# Haushalt\t2025", "# Haushalt\u00a02025", "Haushalt\n2025\n===="],
)
def test_a_markdown_files_title_with_odd_white_space_is_its_headline(
    tmp_path: Path, opening: str
) -> None:
    """The title was made single-spaced and then no longer opened the text ("Haushalt  2025":
    two spaces, a tab, a no-break space), or a setext heading's two lines were two blocks:
    the title was lost, the cleaner dropped the heading as a label, and the subtitle under it
    was the brief's title."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    subtitle = "Pjöngjang reagiert auf hohe Verluste in der Region Kursk"
    shown = _inspected(tmp_path / "h1.md", f"{opening}\n\n{subtitle}\n\n{body}\n")
    assert shown["title"] == "Haushalt 2025"
    assert shown["paragraphs"][0] == [subtitle]
    assert not shown["dropped"]
    assert read_article(tmp_path / "h1.md").page_title != ""


def test_inspect_reports_what_run_would(tmp_path: Path) -> None:
    """The same text stages as `run`: an English article is skipped, an all-boilerplate one
    fails, and a link (or a hard link) to a file of the folder is shown once."""
    german = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8")
    english = (
        "North Korea sent thousands of soldiers to Russia last year, officials in Seoul said on "
        "Monday. The troops were deployed in the Kursk region, where many of them were killed.\n"
    ) * 3
    (tmp_path / "a.txt").write_text(german, encoding="utf-8")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "c.txt").hardlink_to(tmp_path / "a.txt")  # run: "the same file", one brief
    (tmp_path / "english.txt").write_text(english, encoding="utf-8")
    (tmp_path / "menu.txt").write_text("Artikel teilen:\nExternen Inhalt anzeigen\n", "utf-8")
    result = CliRunner().invoke(app, ["inspect", str(tmp_path), "--json"])
    assert result.exit_code == 1
    records = {json.loads(line)["source"]: json.loads(line) for line in result.stdout.splitlines()}
    assert list(records) == [str(tmp_path / "a.txt"), str(tmp_path / "menu.txt")]
    assert "failed" not in records[str(tmp_path / "a.txt")]
    # The emptied article's audit is what its user asks for: each block and the rule that took it.
    emptied = records[str(tmp_path / "menu.txt")]
    assert emptied["paragraphs"] == [] and emptied["title"] is None
    assert {d["text"] for d in emptied["dropped"]} == {
        "Artikel teilen:",
        "Externen Inhalt anzeigen",
    }
    assert all(d["rule"] for d in emptied["dropped"])
    assert "no article text left" in emptied["failed"]
    assert "not German" in result.stderr and "no article text left" in result.stderr
    text = CliRunner().invoke(app, ["inspect", str(tmp_path / "menu.txt")])
    assert text.exit_code == 1
    assert "no article text left" in text.stdout and "Externen Inhalt anzeigen" in text.stdout
    # Said with run's words: an English article is skipped, the others failed.
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["inspect", str(tmp_path), "--json"])
    lines = result.stderr.splitlines()
    assert any(line.startswith("skipped:") and "english.txt" in line for line in lines)
    assert any(line.startswith("failed:") and "menu.txt" in line for line in lines)
    assert any(line.startswith("failed:") and "empty.txt: empty file" in line for line in lines)


def test_inspect_shows_emoji_codes_and_markup_of_the_text_as_text(tmp_path: Path) -> None:
    """rich turned ":smile:" of an article, or of a file name in a failure line, into 😄."""
    german = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8")
    line = "Die Zeitung schrieb :smile: und [bold]fett[/bold] in den Text [/] hinein."
    (tmp_path / "a.txt").write_text(f"{line}\n\n{german}", encoding="utf-8")
    (tmp_path / ":warning:.txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["inspect", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert f"• {line}" in result.stdout
    assert ":warning:.txt: empty file" in result.stderr
    assert "\U0001f604" not in result.output and "\u26a0" not in result.output


def test_a_markdown_article_reaches_the_translator_without_its_markup(tmp_path: Path) -> None:
    """`.md` is read as Markdown: heading marks and link targets are markup, not text; an
    image's description is listed in the audit; list markers and stars stay (a date, a plus, a
    gender star). (The short lines stand before the long paragraph, so that this tests the
    Markdown reading, not the classifier: as the page's last block, the "+ 2 Mio." sentence is
    taken by the bagged model of e814d57, P(boilerplate) 0.92 > 0.85, where the single model
    before it gave 0.69 and kept it. An article's short last sentence is a known loss.)"""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    shown = _inspected(
        tmp_path / "artikel.md",
        "# Neue Radwege für die Innenstadt geplant\n\n"
        "Die Stadt will bis 2027 insgesamt **zwölf Kilometer** neue Radwege bauen. Das teilte "
        "die [Verkehrsdezernentin](https://example.de/team) am Montag mit.\n\n"
        "## Kritik vom Einzelhandel\n\n"
        "1. Mai: Die Gewerkschaften rufen zu einer Kundgebung für bessere Radwege auf.\n\n"
        "+ 2 Mio. Euro mehr wollen die Bürger*innen, sagen die Initiator*innen der Kampagne.\n\n"
        f"{body}\n\n"
        "![Ein Radweg in der Innenstadt](radweg.jpg)\n",
    )
    assert shown["title"] == "Neue Radwege für die Innenstadt geplant"
    sentences = [sentence for paragraph in shown["paragraphs"] for sentence in paragraph]
    text = " ".join(sentences)
    assert "**zwölf Kilometer** neue Radwege" in text and "die Verkehrsdezernentin am" in text
    assert not any(mark in text for mark in ("](", "https://", "#", "!["))
    assert any(sentence.startswith("1. Mai: Die Gewerkschaften") for sentence in sentences)
    assert any(sentence.startswith("+ 2 Mio. Euro mehr wollen die Bürger*innen, sagen die "
                                   "Initiator*innen") for sentence in sentences)  # fmt: skip
    assert {"rule": "markdown_image", "text": "Ein Radweg in der Innenstadt"} in shown["dropped"]


def test_markdown_link_definitions_and_footnotes_are_listed_in_the_audit(tmp_path: Path) -> None:
    """A link reference definition renders as nothing, and so does a footnote written as one
    ("[^1]: Quelle", read without a footnote extension); a definition's title took the quoted
    sentence on the line below it. Their text left the article with nothing in the audit."""
    definitions = [
        "[^1]: https://www.destatis.de/bericht-2018",
        "[^a]: Landesamt",
        "[1]: https://example.org/bericht",
        '"Der Minister sprach am Abend von einem Erfolg für alle Beteiligten."',
    ]
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    shown = _inspected(
        tmp_path / "bericht.md",
        f"# Neue Zahlen zur Lage der Kommunen im Land\n\n{body}[^1][^a] [Mehr][1]\n\n"
        + "\n".join(definitions)
        + f"\n\n- \n- zweiter Punkt der Liste hier\n\n> \n> {body}\n",
    )
    listed = [
        item["text"] for item in shown["dropped"] if item["rule"] == "markdown_link_definition"
    ]
    assert listed == definitions  # and nothing else: an empty item's or quote's marks are none


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x1c", "\x85", "\x0b"])
def test_a_line_separator_inside_a_markdown_line_moves_no_line_of_the_audit(
    separator: str,
) -> None:
    """markdown-it parts lines at line feeds and carriage returns only; str.splitlines() at
    U+2028, form feeds and others too, and every later line was another's: the article's text
    was listed as a link definition, a definition missed, and a table row's extra cells lost."""
    text, left_out = markdown_text(
        f'Ein Absatz{separator}mit Trenner.\n\n[1]: https://quelle.de "Quelle"\n'
        "Der Text geht weiter.\n\n| Partei | Stimmen |\n|---|---|\n| CDU | 32,9 % | plus 2,1 |\n"
    )
    assert text.endswith("Der Text geht weiter.\n\nPartei | Stimmen\n\nCDU | 32,9 % | plus 2,1")
    assert left_out == (("markdown_link_definition", '[1]: https://quelle.de "Quelle"'),)


def test_angle_brackets_around_words_no_html_element_has_stay_as_typed() -> None:
    """CommonMark reads "<Die Linke>" as an HTML tag (name "Die", attribute "Linke"), which a
    browser shows as nothing: the words were lost unrecorded. A tag is markup only when HTML
    has an element of that name (or a custom element's, with a hyphen)."""
    text, left_out = markdown_text(
        "Die Partei <Die Linke> tagte, und er schrieb <hallo welt> dazu. Der Rat "
        "<span class=x>tagt</span> heute, ein <my-widget>Text</my-widget> steht dort.\n"
    )
    assert text == (
        "Die Partei <Die Linke> tagte, und er schrieb <hallo welt> dazu. Der Rat tagt heute, "
        "ein Text steht dort."
    )
    assert left_out == ()


def test_a_markdown_table_row_stays_one_paragraph(tmp_path: Path) -> None:
    """A table's row reaches the translator whole: a cell on its own (a vote count, a share)
    read as a fragment, and the cleaner took the table's numbers out of the article."""
    shown = _inspected(
        tmp_path / "wahl.md",
        "# Wahlergebnisse im Landkreis liegen nun offiziell vor\n\n"
        "Die Ergebnisse der Kreistagswahl wurden am Sonntagabend vom Kreiswahlleiter im "
        "Landratsamt bekannt gegeben. Die Wahlbeteiligung lag mit 61 Prozent höher als vor fünf "
        "Jahren.\n\n"
        "| Partei | Stimmen | Anteil |\n|---|---|---|\n"
        "| CDU | 12.345 | 31,2 % |\n| SPD | 10.111 | 25,6 % |\n| Grüne | | 20,2 % |\n\n"
        "Der Kreiswahlleiter zeigte sich mit dem Ablauf der Wahl am Sonntag sehr zufrieden. Er "
        "dankte allen Helferinnen und Helfern in den Wahllokalen des Landkreises.\n",
    )
    paragraphs = [" ".join(paragraph) for paragraph in shown["paragraphs"]]
    assert paragraphs[1:5] == [
        "Partei | Stimmen | Anteil",
        "CDU | 12.345 | 31,2 %",
        "SPD | 10.111 | 25,6 %",
        "Grüne | | 20,2 %",
    ]
    assert shown["dropped"] == []


def test_a_markdown_table_row_with_more_cells_than_its_header_keeps_them() -> None:
    """markdown-it leaves a row's cells past the header's count out (as GFM renders the
    table): "plus 2,1 Punkte" was lost, in the audit nowhere."""
    text, left_out = markdown_text(
        "| Partei | Stimmen |\n|---|---|\n| CDU \\| CSU | 32,9 % | plus **2,1** [Punkte](x) |\n"
        "| SPD | 20,5 % |\n\n> | Land | Quote |\n> |---|---|\n> | Bayern | 3,1 % | 2,9 % |\n"
    )
    assert text.split("\n\n") == [
        "Partei | Stimmen",
        "CDU | CSU | 32,9 % | plus **2,1** Punkte",
        "SPD | 20,5 %",
        "Land | Quote",
        "Bayern | 3,1 % | 2,9 %",
    ]
    assert left_out == ()


def test_inline_scripts_of_a_markdown_file_are_not_article_text() -> None:
    """A browser never shows what an inline <script> or <style> holds; other inline tags lose
    only their markup."""
    text, _ = markdown_text(
        "Der Rat tagt <script>alert(2)</script>am Montag <b>öffentlich</b>.\n\n"
        "Die <style>p { color: red }</style>Sitzung beginnt<br/> um neun Uhr.\n"
    )
    assert "alert" not in text and "color" not in text
    assert "öffentlich" in text and "um neun Uhr" in text
    assert " ".join(text.split()) == (
        "Der Rat tagt am Montag öffentlich. Die Sitzung beginnt um neun Uhr."
    )


def test_a_script_tag_named_in_a_markdown_paragraph_hides_nothing() -> None:
    """An opening <script>, <style> or <title> without its closing tag in the paragraph is a
    tag the article names, not an element: it hid the rest of the paragraph, lost unrecorded."""
    text, left_out = markdown_text(
        "Angreifer schleusen per <script> eigenen Code ein, warnt das BSI am Montag. "
        "Das <title>-Element der Seite bleibt dabei unverändert.\n"
    )
    assert text == (
        "Angreifer schleusen per <script> eigenen Code ein, warnt das BSI am Montag. "
        "Das <title>-Element der Seite bleibt dabei unverändert."
    )
    assert left_out == ()
    closed, _ = markdown_text(
        "Der Rat <script>alert(2)</script>tagt. Mehr <style>p{}</style>dazu.\n"
    )
    assert closed == "Der Rat tagt. Mehr dazu."


@pytest.mark.parametrize(
    ("before", "after", "tail"),
    [
        ("Die Kosten liegen bei zwölf Millionen Euro, hieß es ", "", "."),  # in a paragraph
        ("", "", "."),  # an HTML block
        ("", "\n", "."),  # an HTML block over lines
        ("", "\n\n", ". Danach ging es weiter."),  # its closing tag a block of its own
        ("Die Kosten liegen bei zwölf Millionen Euro, hieß es ", "\n\n", "."),
        ("Die Kosten liegen bei zwölf Millionen Euro", "", ", hieß es."),
        ("", "", "). Danach ging es weiter."),
    ],
)
def test_punctuation_right_after_a_closing_block_tag_in_markdown_is_kept(
    tmp_path: Path, before: str, after: str, tail: str
) -> None:
    """A full stop typed right after an inline <details>…</details> ("… hieß es
    <details>…</details>.") was read as a line of its own, as a browser shows it below the
    box, and the cleaner's fragments rule dropped it: the article's text lost its character.
    Punctuation glued to a block's closing tag stays on the line before (the line break goes
    after it, white space alone moved); the text after it stays a line of its own."""
    details = (
        f"<details>{after}<summary>Quelle</summary>{after}Haushaltsplan der Stadt{after}</details>"
    )
    shown = _inspected(
        tmp_path / "haushalt.md",
        "# Haushalt in Ulm beschlossen worden\n\n"
        "Der Stadtrat von Ulm hat am Montag den Haushalt für das kommende Jahr beschlossen. "
        "Die Mehrheit war knapp, wie die Sprecherin sagte.\n\n"
        f"{before}{details}{tail}\n\n"
        "Die Opposition kritisierte die Pläne scharf und kündigte Widerstand an.\n",
    )
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    punctuation = tail.split(" ")[0]
    assert f"Haushaltsplan der Stadt{punctuation}" in text, text
    if rest := tail[len(punctuation) :].strip():
        assert rest in text
    assert not shown["dropped"], shown["dropped"]


@pytest.mark.parametrize(
    ("before", "element", "tail"),
    [
        ("Die Kosten liegen bei zwölf Millionen Euro, hieß es ", "details", "."),
        ("", "details", ". Danach ging es weiter im Rathaus."),
        ("Die Kosten liegen bei zwölf Millionen Euro", "div", ", hieß es."),
    ],
)
def test_punctuation_right_after_a_closing_block_tag_in_html_is_kept(
    tmp_path: Path, before: str, element: str, tail: str
) -> None:
    """The HTML page's side of the test above: "… hieß es <details>…</details>.</p>" left the
    full stop, the <details> element's tail, out of the extraction (the audit listed "." as
    html_extraction), and the article lost its character. Punctuation glued to a block's
    closing tag is read at the end of that block."""
    inner = (
        "<summary>Quelle</summary>Haushaltsplan der Stadt"
        if element == "details"
        else "Haushaltsplan der Stadt"
    )
    shown = _inspected(
        tmp_path / "haushalt.html",
        "<html><head><meta charset='utf-8'><title>Haushalt in Ulm beschlossen worden</title>"
        "</head><body><article><h1>Haushalt in Ulm beschlossen worden</h1>"
        "<p>Der Stadtrat von Ulm hat am Montag den Haushalt für das kommende Jahr beschlossen. "
        "Die Mehrheit war knapp, wie die Sprecherin sagte.</p>"
        f"<p>{before}<{element}>{inner}</{element}>{tail}</p>"
        "<p>Die Opposition kritisierte die Pläne scharf und kündigte Widerstand an.</p>"
        "</article></body></html>",
    )
    text = " ".join(sentence for paragraph in shown["paragraphs"] for sentence in paragraph)
    punctuation = tail.split(" ")[0]
    assert f"Haushaltsplan der Stadt{punctuation}" in text, text
    if rest := tail[len(punctuation) :].strip():
        assert rest in text
    assert not shown["dropped"], shown["dropped"]


def test_what_a_markdown_files_html_hides_is_listed_in_the_audit(tmp_path: Path) -> None:
    """A comment, a <script> or <style> (as a block or inside a paragraph) and an HTML image's
    description render as nothing, but their text left the article with no line in the audit
    (a Markdown image's description has one); and the text after a comment inside an HTML
    block ("… <!-- Notiz --> weiter") was lost with it."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    shown = _inspected(
        tmp_path / "bericht.md",
        "# Neue Zahlen zur Lage der Kommunen im Land\n\n"
        f"{body}\n\n"
        "<!-- Redaktion: Zahl bis Montag prüfen -->\n\n"
        "<script>\nvar quelle = 'Statistisches Landesamt';\n</script>\n\n"
        "<div>\nDer Rat tagt <!-- Raum 12 --> am Montag öffentlich über den Haushalt.\n</div>\n\n"
        "Die Sitzung <style>p { color: red }</style>beginnt <!-- pünktlich? -->um neun Uhr "
        'im Rathaus <img alt="Das Rathaus am Markt" src="rathaus.jpg">der Stadt.\n',
    )
    sentences = [sentence for paragraph in shown["paragraphs"] for sentence in paragraph]
    text = " ".join(sentences)
    assert "Der Rat tagt am Montag öffentlich über den Haushalt." in text
    assert "Die Sitzung beginnt um neun Uhr im Rathaus der Stadt." in text
    listed = [item["text"] for item in shown["dropped"] if item["rule"] == "markdown_hidden_html"]
    assert listed == [
        "Redaktion: Zahl bis Montag prüfen",
        "var quelle = 'Statistisches Landesamt';",
        "Raum 12",
        "p { color: red }",
        "pünktlich?",
    ]
    assert {"rule": "markdown_image", "text": "Das Rathaus am Markt"} in shown["dropped"]


@pytest.mark.parametrize(
    "line",
    [
        "<script> ist das HTML-Element, mit dem Angreifer eigenen Code in die Seite bringen.",
        "<style> und <title> heißen die Elemente, die das BSI in seinem Bericht nennt.",
        "<!-- Diese Zeile beginnt wie ein Kommentar, der nie geschlossen wird.",
        "<Die Linke>",
        "<title> Die Überschrift steht in diesem Element, sagt der Bericht.",
    ],
)
def test_a_markdown_line_opening_html_that_never_closes_hides_nothing(line: str) -> None:
    """CommonMark reads a line that opens with <script>, <style>, <pre>, <textarea> or <!--
    as raw HTML up to its closing sequence, and without one up to the end of the file: every
    paragraph after "<script> ist das HTML-Element, …" was lost, unrecorded (a line opening
    with a tag no HTML element has, "<Die Linke>", alone). Without its closing the line is
    text, as such a tag inside a paragraph is."""
    text, left_out = markdown_text(
        f"Der erste Absatz bleibt.\n\n{line}\n\nDer Rest des Artikels ist wichtig.\n"
    )
    assert text == f"Der erste Absatz bleibt.\n\n{line}\n\nDer Rest des Artikels ist wichtig."
    assert left_out == ()
    closed, left_out = markdown_text("Erst.\n\n<script>\nalert(1)\n</script>\n\nDann.\n")
    assert (closed, left_out) == ("Erst.\n\nDann.", (("markdown_hidden_html", "alert(1)"),))


def test_a_long_markdown_paragraph_naming_script_on_many_lines_reads_whole() -> None:
    """Each inline ``<script>`` of a paragraph was searched for its closing tag from there to
    the paragraph's end: a hard-wrapped article on attacks that names the element on each of
    8,000 lines (600 KB, well under input.max_bytes) took 10 s of CPU, 2 MB minutes. (Its time
    is `python benchmarks/cleaning.py speed`'s, against ordinary text of the same length.)"""
    line = "Der Angreifer brachte den Code per <script> in die Seite der Stadtwerke ein."
    lines = [line] * 8000
    text, left_out = markdown_text("\n".join(lines) + "\n")
    assert (text, left_out) == ("\n".join(lines), ())
    # A closing tag later in the paragraph still hides what stands between.
    closed, left_out = markdown_text(f"{line}\nalert(1)</script> Danach.\n")
    assert closed == "Der Angreifer brachte den Code per  Danach."
    assert left_out == (("markdown_hidden_html", "in die Seite der Stadtwerke ein. alert(1)"),)


@pytest.mark.parametrize(
    ("markdown", "hidden"),
    [
        ("<div>Der Rat tagt <!-- Raum 12 offen\n\n", "Raum 12 offen"),
        ("<div><script>var quelle = 1;\n\n", "var quelle = 1;"),
        ("> <!-- Notiz der Redaktion\n> Zitat im Kasten\n\nSchluss -->\n\n",
         "Notiz der Redaktion Zitat im Kasten"),
    ],
)  # fmt: skip
def test_html_a_markdown_block_leaves_open_is_listed_as_the_file_holds_it(
    markdown: str, hidden: str
) -> None:
    """An HTML block's comment or <script> that the block never closes hides its text to the
    block's end (listed in the audit), and no more than the file holds: the audit listed
    "Raum 12 offen </div>", a closing tag of the wrapper the block is read in."""
    _, left_out = markdown_text(f"Erst.\n\n{markdown}Dann.\n")
    assert left_out == (("markdown_hidden_html", hidden),)


def test_an_inline_br_of_a_markdown_file_ends_a_line() -> None:
    """A <br> in a Markdown paragraph is a line break, as a browser shows it and as the HTML
    path reads it: the tag was dropped and glued the words around it ("beschlossen.Ab")."""
    text, _ = markdown_text(
        "Die Stadt hat neue Tarife beschlossen.<br>Ab Januar kostet das Ticket drei Euro.<br/>"
        "Das Monatsticket wird günstiger.\n"
    )
    assert text.split("\n") == [
        "Die Stadt hat neue Tarife beschlossen.",
        "Ab Januar kostet das Ticket drei Euro.",
        "Das Monatsticket wird günstiger.",
    ]


def test_a_markdown_files_references_to_windows_1252_characters_are_those_characters() -> None:
    """A numeric reference to a C1 control ("&#132;", "&#x93;": pages written on Windows,
    converted to Markdown with their references) is the character windows-1252 has there, as a
    browser and the HTML path read it: markdown-it made each U+FFFD, and quotation marks,
    dashes and the euro sign reached the translator as "�" ("5� pro Kopf"). In code it stays
    as typed; one windows-1252 leaves undefined (&#129;) stays U+FFFD."""
    text, _ = markdown_text(
        "# Berlin &#150; neuer Haushalt\n\nDer Minister sagte: &#132;Wir müssen handeln&#x93;, "
        "und nannte 5&#128; pro Kopf&#0133; Als Code: `&#150;`; undefiniert: &#129;.\n"
    )
    assert text.split("\n\n") == [
        "Berlin – neuer Haushalt",
        "Der Minister sagte: „Wir müssen handeln“, und nannte 5€ pro Kopf… Als Code: &#150;; "
        "undefiniert: \ufffd.",
    ]


def test_a_markdown_files_superscripts_of_digits_keep_their_raising() -> None:
    """Inline HTML's "10<sup>6</sup> Kilowattstunden" in a Markdown paragraph reached the
    translator as "106 Kilowattstunden", a number the file does not give (and "m<sup>2</sup>"
    as "m2", a footnote's mark glued to its word), where an HTML page's read "10⁶"; in code it
    stays as typed, and a superscript of words is its words."""
    text, _ = markdown_text(
        "Der Speicher fasst 10<sup>6</sup> Kilowattstunden auf 85 m<sup> 2 </sup> und spart "
        'CO<sub>2</sub>, so die Stadt<sup><a href="#fn1">1</a></sup>. Als Code: `10<sup>6</sup>`; '
        "der 1<sup>st</sup> Platz.\n\n<div>Im Block: 10<sup>-3</sup> Fehler.</div>\n"
    )
    assert text.split("\n\n") == [
        "Der Speicher fasst 10⁶ Kilowattstunden auf 85 m² und spart CO₂, so die Stadt¹. Als "
        "Code: 10<sup>6</sup>; der 1st Platz.",
        "Im Block: 10⁻³ Fehler.",
    ]


def test_a_markdown_list_item_keeps_every_marker_it_opens_with() -> None:
    """An item that opens with a nested list's marker ("- 1. Mai: …": CommonMark reads a list
    in a list) keeps both: the inner marker replaced the outer, and the bullet was lost before
    the cleaner, with no audit line, where plain text records it under `bullets`."""
    items = "- 1. Mai: Kundgebung der Gewerkschaften am Rathaus\n\n- - Zweiter Punkt der Liste"
    text, _ = markdown_text(items.replace("\n\n", "\n") + "\n")
    assert text == items
    markdown_kept, plain_kept = clean_text(text), clean_text(items + "\n")
    assert markdown_kept.paragraphs == plain_kept.paragraphs
    assert markdown_kept.dropped == plain_kept.dropped
    assert [item.rule for item in markdown_kept.dropped].count("bullets") == 2


@pytest.mark.parametrize(
    "nest",
    [lambda depth: "> " * depth, lambda depth: "  " * (depth - 1) + "- "],
    ids=["quote", "list"],
)
def test_markdown_nested_deep_loses_no_text(tmp_path: Path, nest: Callable[[int], str]) -> None:
    """markdown-it's CommonMark preset reads 20 levels of nesting and drops what is deeper
    without an error: an e-mail thread quoted 20 times, or a list nested 10 deep (a list item
    counts two), lost its innermost text from the translation, listed in the audit as a link
    definition. Read to 100 levels; deeper still, the article is refused with its reason."""

    def nested(depth: int) -> str:
        sentence = "Die Gemeinde hat am Montag beschlossen, die Straße zu sanieren, Ebene"
        return "".join(f"{nest(level)}{sentence} {level}.\n" for level in range(1, depth + 1))

    for depth in (10, 20, 30):
        text, left_out = markdown_text(nested(depth))
        assert f"Ebene {depth}." in text and not left_out, depth
    path = tmp_path / "tief.md"
    path.write_text(nested(120), encoding="utf-8")
    with pytest.raises(ArticleError, match="nests its quotes and lists more than 100 levels"):
        read_article(path)


@pytest.mark.parametrize(
    ("nest", "levels_per_step"),
    [(lambda step: "> " * step, 1), (lambda step: "  " * (step - 1) + "- ", 2)],
    ids=["quote", "list"],
)
def test_markdown_nested_100_levels_deep_is_read_and_101_refused(
    tmp_path: Path, nest: Callable[[int], str], levels_per_step: int
) -> None:
    """Read to 100 levels, as the README and the refusal ("more than 100 levels deep") say: a
    file nested exactly 100 deep (100 quotes, or 50 lists, a list item counting two) was
    refused, markdown-it's limit of 100 leaving nothing read inside the 100th level."""

    def nested(steps: int) -> str:
        sentence = "Die Gemeinde hat am Montag beschlossen, die Straße zu sanieren, Ebene"
        return "".join(f"{nest(step)}{sentence} {step}.\n" for step in range(1, steps + 1))

    steps = 100 // levels_per_step
    text, left_out = markdown_text(nested(steps))
    assert f"Ebene {steps}." in text and not left_out
    path = tmp_path / "tief.md"
    path.write_text(nested(steps + 1), encoding="utf-8")
    with pytest.raises(ArticleError, match="nests its quotes and lists more than 100 levels"):
        read_article(path)


def test_a_markdown_list_items_marker_stays_with_its_code_block() -> None:
    """An item that opens with a code block: its marker goes with the code, as a bullet before
    the code's first line (and is cut and recorded as in plain text). It waited for the next
    text, and since markers add up, a sub-item got both ("- - Unterpunkt"): a dash in the
    article's text where plain text has a bullet alone."""
    markdown = "- ```\n  Code im Punkt\n  ```\n  - Unterpunkt nach dem Code\n"
    text, _ = markdown_text(markdown)
    assert text == "- Code im Punkt\n\n- Unterpunkt nach dem Code"
    plain = "- Code im Punkt\n  - Unterpunkt nach dem Code\n"
    markdown_kept, plain_kept = clean_text(text), clean_text(plain)
    assert markdown_kept.paragraphs == plain_kept.paragraphs
    assert markdown_kept.dropped == plain_kept.dropped
    assert not markdown_kept.unaccounted_characters(text)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text_and_binary_data_is_not(tmp_path: Path, encoding: str) -> None:
    """UTF-16 written without a BOM was refused as "binary file (contains NUL bytes)"."""
    text = SEEDS.joinpath("003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8")
    path = tmp_path / "artikel.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, encoding)
    # Binary data with NULs in every other byte and elsewhere too is still refused.
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ArticleError, match="binary file"):
        read_article(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_may_hold_a_character_ending_in_a_nul_byte(
    tmp_path: Path, encoding: str
) -> None:
    """A character whose UTF-16 code unit ends in a NUL byte ("😀" is D83D DE00, "Ā" 0100)
    near the start of a page written as UTF-16 without a BOM: the page was refused as a
    binary file (3 of 196 development pages written so, each for one emoji)."""
    seed = SEEDS.joinpath("003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8")
    text = seed.replace("\n\n", " 😀\n\n", 2).replace("\n\n", " Ā\n\n", 1)
    path = tmp_path / "artikel.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_with_emoji_is_text(tmp_path: Path, encoding: str) -> None:
    """An emoji (😀 is D83D DE00) puts a NUL where UTF-16 text without a BOM had none: one of
    the 588 development pages, and any short post with a smiley, was refused as binary."""
    text = "Gut gemacht 😀 schrieb der Trainer am Abend. Die Mannschaft feierte 😀.\n"
    path = tmp_path / "beitrag.txt"
    path.write_bytes(text.encode(encoding))
    article = read_article(path)
    assert (article.text, article.encoding) == (text, encoding)


@pytest.mark.parametrize("name", ["artikel.txt", "artikel.md", "artikel"])
def test_utf8_text_with_a_stray_nul_byte_is_read_without_it(tmp_path: Path, name: str) -> None:
    """One NUL byte in a 2 kB UTF-8 article (a paste out of a PDF, a damaged save) had it
    refused as "binary file (contains NUL bytes), not text", while a NUL past the first 8 kB
    was read; a Markdown file would show it as "�". The stray NUL is left out."""
    seed = SEEDS.joinpath("003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(seed.replace("\n\n", "\x00\n\n", 1).encode("utf-8"))
    article = read_article(path)
    assert "\x00" not in article.text and "\ufffd" not in article.text
    assert article.text == read_article(_written(tmp_path / f"clean-{name}", seed)).text
    # A file of bytes that are not UTF-8, or of many NULs, is still no text.
    for data in [b"GIF89a\x00\x01binary\x00" * 40, seed.encode("utf-8").replace(b" ", b"\x00")]:
        path.write_bytes(data)
        with pytest.raises(ArticleError, match="binary file"):
            read_article(path)


def _read_page(tmp_path: Path, page: str) -> Article:
    """The article of the HTML ``page``, saved as ``seite.html`` in ``tmp_path``."""
    return read_article(_written(tmp_path / "seite.html", page))


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_comment_inside_a_left_out_block_keeps_the_rest_of_it_in_the_audit(
    tmp_path: Path,
) -> None:
    """lxml's walk of the page passes over comments, and with them their tail: a menu block
    "Startseite <!-- Menü --> Politik Sport" was listed as "Startseite" alone."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    page = tmp_path / "seite.html"
    page.write_text(
        "<html><body><nav><div>Startseite <!-- Menü --> Politik Sport Wetter</div></nav>"
        f"<article><h1>Neue Zahlen zur Lage der Kommunen</h1><p>{body}</p></article>"
        "<footer><p>Impressum <!-- x --> Datenschutz Kontakt</p></footer></body></html>",
        encoding="utf-8",
    )
    assert read_article(page).left_out == (
        ("html_extraction", "Startseite Politik Sport Wetter"),
        ("html_extraction", "Impressum Datenschutz Kontakt"),
    )


def test_the_cdata_sections_of_an_xhtml_page_are_its_text(tmp_path: Path) -> None:
    """A browser reads an .xhtml file as XML and shows a CDATA section's text; the HTML parsers
    took it for a comment, and "tagt & berät" left the article with nothing in the audit."""
    body = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()[2]
    page = tmp_path / "seite.xhtml"
    page.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        "<head><script>//<![CDATA[\nvar a = 1 < 2;\n//]]></script></head><body>"
        f"<h1>Neue Zahlen zur Lage der Kommunen</h1><p>{body}</p>"
        "<p>Der Rat <![CDATA[tagt & berät]]> heute über den Haushalt der Stadt und die neuen "
        "Schulen.</p></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    sentence = "Der Rat tagt & berät heute über den Haushalt der Stadt und die neuen Schulen."
    assert sentence in article.text.splitlines()
    assert sentence in article.page_text.splitlines()
    assert "var a" not in article.page_text


def test_cdata_openings_never_closed_take_an_xhtml_page_no_longer_to_read() -> None:
    """A regular expression tried every "<![CDATA[" never closed to the end of the page: an
    .xhtml page of 200 KB of them (well under input.max_bytes) took 14 s, 1 MB minutes."""
    import time

    from summarize.ingest.html import _cdata_as_text

    page = "<p>Der Rat <![CDATA[tagt & berät]]> heute.</p>" + "<p><![CDATA[ offen</p>" * 8000
    start = time.process_time()
    text = _cdata_as_text(page)
    assert time.process_time() - start < 1.0
    assert text == "<p>Der Rat tagt &amp; berät heute.</p>" + "<p><![CDATA[ offen</p>" * 8000


def test_text_a_browser_does_not_show_stays_out_of_an_html_pages_text() -> None:
    """An element with the ``hidden`` attribute, a select's option list, an iframe's fallback
    text and an SVG's tooltip title are no text of the page: the cleaner kept a hidden
    paragraph the classifier found clearly text, and it was translated into the brief."""
    hidden = "Dieser versteckte Absatz erscheint nie im Browser"
    html = (
        "<html><body><p>Sichtbar.</p>"
        f"<div hidden><p>{hidden} (hidden).</p></div>"
        "<form><select><option>Landkreis A</option><option>Landkreis B</option></select></form>"
        "<iframe src='x.html'>Ihr Browser kann keine Frames anzeigen</iframe>"
        "<svg><title>Symbol</title></svg>"
        "<div>Auch sichtbar.</div></body></html>"
    )
    assert page_text(parse_html(html)) == "Sichtbar.\n\nAuch sichtbar."


def _json_ld_page(headline: str, body: Sequence[str], shown: str = "") -> str:
    """A page that shows its headline (and ``shown``: a teaser's markup) and holds the article
    only in its JSON-LD ``articleBody``, the ``body`` paragraphs parted by blank lines."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "articleBody": "\n\n".join(body),
    }
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{headline}</title>"
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
        f"</head><body><article><h1>{headline}</h1>{shown}"
        '<div id="app"></div><p>Weiterlesen mit Abo</p></article></body></html>'
    )


def _assert_read_as(tmp_path: Path, page: str, paragraphs: list[str], case: object = None) -> None:
    """The page's article is read as ``paragraphs``, cleaned and uncleaned."""
    for options in ([], ["--no-clean"]):
        record = _inspected(tmp_path / "seite.html", page, *options)
        read = [" ".join(paragraph) for paragraph in record["paragraphs"]]
        assert read == paragraphs, (case, options)


def _seed_headline_and_paragraphs() -> tuple[str, list[str]]:
    lines = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8").splitlines()
    return lines[0], [lines[2], lines[3], lines[5]]


def test_an_article_only_a_pages_json_ld_holds_is_read_paragraph_by_paragraph(
    tmp_path: Path,
) -> None:
    """A page that shows little more than its headline (its scripts fill in the article, or a
    paywall hides it) holds the article in its JSON-LD ``articleBody``, and trafilatura takes
    it from there as one paragraph. Cleaned, the paragraphs the page does not show were lost
    without a line in the audit ("no article text left after cleaning"); uncleaned, the article
    was one paragraph. Each paragraph of the ``articleBody`` is one of the article."""
    headline, paragraphs = _seed_headline_and_paragraphs()
    _assert_read_as(tmp_path, _json_ld_page(headline, paragraphs), paragraphs)


def test_a_json_ld_article_with_links_in_its_paragraphs_is_read_paragraph_by_paragraph(
    tmp_path: Path,
) -> None:
    """An ``articleBody`` whose paragraphs are its lines and whose markup is inline only (a
    link, a bold word) is read at its lines, as one without markup is: its lines, tags and
    all, matched no paragraph of the extraction, and cleaned the article was lost ("no article
    text left after cleaning"), uncleaned it was one paragraph."""
    headline, paragraphs = _seed_headline_and_paragraphs()
    marked = [
        paragraphs[0].replace("Nordkorea", "<b>Nordkorea</b>", 1),
        paragraphs[1].replace("Putin", '<a href="/thema/putin">Putin</a>', 1),
        paragraphs[2],
    ]
    assert marked[:2] != paragraphs[:2]
    _assert_read_as(tmp_path, _json_ld_page(headline, marked), paragraphs)


def test_a_json_ld_article_that_writes_words_in_angle_brackets_is_read_paragraph_by_paragraph(
    tmp_path: Path,
) -> None:
    """An ``articleBody`` of plain lines that writes a word in angle brackets ("List<String>",
    a mail merge's "<Vorname>"), which are no HTML tags: read as HTML, its line lost those words
    and matched no paragraph of the extraction, which keeps them; cleaned the article was lost
    ("no article text left after cleaning"), uncleaned it was one paragraph."""
    paragraphs = [
        "Generische Typen wie List<String> oder Map<Integer, String> machen den Code in Java "
        "sicherer, erklärt die Autorin im Gespräch mit unserer Redaktion.",
        "Im Serienbrief ersetzt das Programm die Platzhalter <Vorname> und <Nachname> durch die "
        "Daten aus der Adressliste, bevor es die Briefe druckt.",
        "Die Umstellung hat das Team im vergangenen Jahr geplant und dann in drei Monaten "
        "umgesetzt, ohne dass die Kunden etwas davon bemerkten.",
    ]
    page = _json_ld_page("Neue Werkzeuge für Entwickler", paragraphs)
    _assert_read_as(tmp_path, page, paragraphs)


def test_a_pages_teaser_of_a_paragraph_only_its_json_ld_holds_is_not_read_twice(
    tmp_path: Path,
) -> None:
    """A paywalled page shows the start of the article's first paragraph (cut with "…", or its
    first sentence) above "read on", and holds the whole article in its JSON-LD
    ``articleBody``. Cleaned, the brief read that start and then the whole paragraph: the
    teaser stood in the page's text beside the paragraph read from the JSON-LD, and the
    classifier kept both. The paragraph is read once, in full."""
    headline, paragraphs = _seed_headline_and_paragraphs()
    first_sentence = paragraphs[0][: paragraphs[0].index(". ") + 1]
    for teaser in (f"{paragraphs[0][:80]} …", f"{paragraphs[0][:80]}...", first_sentence):
        page = _json_ld_page(headline, paragraphs, f'<p class="lead">{teaser}</p>')
        _assert_read_as(tmp_path, page, paragraphs, teaser)


def test_a_date_in_a_sentence_of_an_html_page_stays_in_it(tmp_path: Path) -> None:
    """trafilatura deletes every <time> element with its text, as it would a dateline: "am
    <time>14. März</time> um 18 Uhr" reached the translator as "am um 18 Uhr", and with the
    classifier on the page's paragraph no longer matched the extraction and was dropped whole
    as left out. The page's date is still read from its markup."""
    sentence = (
        'Die Sitzung des Stadtrats beginnt am <time datetime="2024-03-14">14. März 2024</time> '
        "um 18 Uhr im Rathaus der Stadt."
    )
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Stadtrat tagt</title></head><body><article>"
        "<h1>Stadtrat berät über den Haushalt</h1>"
        '<div class="meta"><time datetime="2024-03-10">10.03.2024</time></div>'
        f"<p>{sentence}</p>"
        "<p>Der Bürgermeister sagte, die Lage der Finanzen sei angespannt, und die Schulden "
        "stiegen weiter an.</p>"
        '<p>Der Entwurf liegt seit dem <a href="/termine"><time>1. März</time></a> im Rathaus '
        "aus, wie die Verwaltung mitteilte.</p>"
        "<p><strong><time>Musterstadt, 14. März</time></strong> – Der Kämmerer warnte vor neuen "
        "Schulden der Stadt.</p>"
        "<p><time>Am Freitag</time> entscheidet der Rat dann über die Zuschüsse für die "
        "Vereine der Stadt.</p></article></body></html>"
    )
    path = tmp_path / "seite.html"
    for options, record, sentences in _sentences_both_ways(path, page):
        assert (
            sentences[0]
            == "Die Sitzung des Stadtrats beginnt am 14. März 2024 um 18 Uhr im Rathaus der Stadt."
        ), options
        assert sentences[-1].startswith("Am Freitag entscheidet der Rat"), options
        assert (
            "Der Entwurf liegt seit dem 1. März im Rathaus aus, wie die Verwaltung mitteilte."
            in sentences
        ), options
        assert (
            "Musterstadt, 14. März – Der Kämmerer warnte vor neuen Schulden der Stadt." in sentences
        ), options
        dropped = [item["text"] for item in record["dropped"]]
        assert not [text for text in dropped if "Sitzung" in text], options
    assert read_article(path).details.date == "2024-03-10"


def test_a_custom_time_element_before_a_date_in_a_sentence_costs_it_no_text(
    tmp_path: Path,
) -> None:
    """A custom element whose name begins with "time-" (<time-ago>, as GitHub's time elements
    write a relative date) is no <time>: taken for one, its </time-ago> closed nothing, the
    <time> after it in the sentence lost its closing tag, and the sentence ended before the
    date ("Aktualisiert vor 2 Tagen. Am")."""
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Stadtrat tagt</title></head><body><article>"
        "<h1>Stadtrat berät über den Haushalt</h1>"
        '<p>Aktualisiert <time-ago datetime="2024-03-12">vor 2 Tagen</time-ago>. Am '
        '<time datetime="2024-03-14">14. März</time> um 18 Uhr tagte der Rat im Rathaus.</p>'
        "<p>Der Bürgermeister sagte, die Lage der Finanzen sei angespannt, und die Schulden "
        "stiegen weiter an.</p>"
        "<p>Der Gemeinderat hat in seiner Sitzung lange über den Haushalt beraten.</p>"
        "<p>Am Ende hat er ihn mit großer Mehrheit beschlossen.</p></article></body></html>"
    )
    for options, _, sentences in _sentences_both_ways(tmp_path / "seite.html", page):
        assert "Am 14. März um 18 Uhr tagte der Rat im Rathaus." in sentences, (
            options,
            sentences,
        )


@pytest.mark.parametrize("options", [["--no-clean"], ["--set", 'clean.disable=["classifier"]']])
def test_text_a_browser_never_shows_stays_out_of_the_extracted_text(
    tmp_path: Path, options: list[str]
) -> None:
    """A <template>'s content and a ``hidden`` element are no text of the page, but
    trafilatura's extraction keeps them: with the classifier off (or uncleaned) a hidden
    paragraph and a template's text reached the translator."""
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Rat</title></head>'
        "<body><article><h1>Der Stadtrat berät über den Haushalt</h1>"
        "<p>Der Stadtrat hat am Montag über den neuen Haushalt der Stadt beraten.</p>"
        "<p hidden>Dieser versteckte Absatz erscheint nie im Browser und nie im Text.</p>"
        "<template><p>Diese Vorlage eines Absatzes zeigt erst ein Skript auf der Seite an.</p>"
        "</template>"
        "<p>Die Abstimmung über den Haushalt ist für die kommende Woche geplant.</p>"
        "</article></body></html>"
    )
    record = _inspected(tmp_path / "seite.html", page, *options)
    sentences = [sentence for paragraph in record["paragraphs"] for sentence in paragraph]
    assert sentences == [
        "Der Stadtrat hat am Montag über den neuen Haushalt der Stadt beraten.",
        "Die Abstimmung über den Haushalt ist für die kommende Woche geplant.",
    ]


@pytest.mark.parametrize("options", [[], ["--no-clean"], ["--set", 'clean.disable=["classifier"]']])
def test_text_hidden_until_found_is_text_of_the_page(tmp_path: Path, options: list[str]) -> None:
    """hidden="until-found" collapses text that a search in the page (or a link to it) shows:
    an FAQ's answers, an accordion's sections. Read as hidden, they were left out of the brief."""
    answer = "Die Grundsteuer steigt im kommenden Jahr für alle Eigentümer um zehn Prozent."
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Rat</title></head>'
        "<body><article><h1>Der Stadtrat berät über den Haushalt</h1>"
        "<p>Der Stadtrat hat am Montag über den neuen Haushalt der Stadt beraten.</p>"
        "<h2>Was ändert sich für Eigentümer?</h2>"
        f'<div hidden="until-found"><p>{answer}</p></div>'
        "<p>Die Abstimmung über den Haushalt ist für die kommende Woche geplant.</p>"
        "</article></body></html>"
    )
    record = _inspected(tmp_path / "seite.html", page, *options)
    sentences = [sentence for paragraph in record["paragraphs"] for sentence in paragraph]
    assert answer in sentences, sentences


def test_a_heading_set_on_two_lines_is_one_line(tmp_path: Path) -> None:
    """A ``<br>`` in a heading sets it on two lines, but it is one heading: read as two lines,
    the cleaner took the second for a fragment, and the brief showed "Die Ergebnisse" and
    "Die Grünen" for "Die Ergebnisse der Kommunalwahl" and "Die Grünen legen zu". A ``<br>``
    in a paragraph still ends a line."""
    page = (
        '<html lang="de"><head><meta charset="utf-8">'
        '<meta property="og:title" content="Kommunalwahl: So hat Musterstadt gewählt"></head>'
        "<body><article><h1>Die Ergebnisse<br>der Kommunalwahl</h1>"
        "<p>Die CDU ist bei der Kommunalwahl in Musterstadt stärkste Kraft geworden.<br>"
        "Das teilte der Wahlleiter am Montag mit.</p>"
        "<h2>Die Grünen<br/>legen zu</h2>"
        "<p>Die Grünen konnten deutlich zulegen und stellen künftig sechs Mitglieder im "
        "Stadtrat.</p></article></body></html>"
    )
    lines = [
        "Die Ergebnisse der Kommunalwahl",
        "Die CDU ist bei der Kommunalwahl in Musterstadt stärkste Kraft geworden.",
        "Das teilte der Wahlleiter am Montag mit.",
        "Die Grünen legen zu",
        "Die Grünen konnten deutlich zulegen und stellen künftig sechs Mitglieder im Stadtrat.",
    ]
    _assert_reads_whole(tmp_path / "seite.html", page, lines)
    assert visible_blocks(page) == lines
    assert page_text(parse_html(page)).split("\n\n") == [
        lines[0],
        "\n".join(lines[1:3]),
        *lines[3:],
    ]


def test_a_markdown_heading_set_on_two_lines_is_one_line(tmp_path: Path) -> None:
    """The Markdown side of the test above: "## Die Grünen<br>legen zu" was two lines, and the
    cleaner dropped "legen zu" as a fragment (listed in the audit, but the heading's words),
    the brief showing "Die Grünen" alone. A heading is one line, as the HTML page's and the
    file's opening heading are; a <br> in a paragraph still ends a line."""
    page = (
        "# Die Ergebnisse<br>der Kommunalwahl\n\n"
        "Die CDU ist bei der Kommunalwahl in Musterstadt stärkste Kraft geworden.<br>"
        "Das teilte der Wahlleiter am Montag mit.\n\n"
        "## Die Grünen<br/>legen zu\n\n"
        "Die Grünen konnten deutlich zulegen und stellen künftig sechs Mitglieder im "
        "Stadtrat.\n\n"
        "Die Linke<br>\nverliert\n---\n\n"
        "Die Linke verlor zwei ihrer Sitze im Stadtrat, wie der Wahlleiter mitteilte.\n"
    )
    _assert_reads_whole(
        tmp_path / "wahl.md",
        page,
        [  # the opening heading is the title (one line already)
            "Die CDU ist bei der Kommunalwahl in Musterstadt stärkste Kraft geworden.",
            "Das teilte der Wahlleiter am Montag mit.",
            "Die Grünen legen zu",
            "Die Grünen konnten deutlich zulegen und stellen künftig sechs Mitglieder im Stadtrat.",
            "Die Linke verliert",
            "Die Linke verlor zwei ihrer Sitze im Stadtrat, wie der Wahlleiter mitteilte.",
        ],
    )


def test_a_markdown_table_cell_set_on_two_lines_keeps_its_row_one_line(tmp_path: Path) -> None:
    """ "| CDU<br>Union | 32,9 %<br>plus 2 |" was read as the lines "CDU", "Union | 32,9 %" and
    "plus 2": the row's cells mixed across lines, and the cleaner dropped "plus 2" as a
    fragment. A row is one line (as an HTML page's), each cell's lines joined by a space."""
    page = (
        "# Wahl in Ulm: die Ergebnisse im Überblick\n\n"
        "Der Stadtrat von Ulm wurde am Sonntag neu gewählt, die Beteiligung lag bei 61 Prozent. "
        "Die Auszählung dauerte bis in die Nacht, wie der Wahlleiter sagte.\n\n"
        "| Partei | Stimmen |\n|---|---|\n| CDU<br>Union | 32,9 %<br>plus 2 |\n"
        "| SPD | 20,1 % |\n\n"
        "Die Opposition kritisierte das Ergebnis und kündigte Widerstand im Gemeinderat an.\n"
    )
    _assert_reads_whole(
        tmp_path / "wahl.md",
        page,
        [
            "Der Stadtrat von Ulm wurde am Sonntag neu gewählt, die Beteiligung lag bei 61 "
            "Prozent. Die Auszählung dauerte bis in die Nacht, wie der Wahlleiter sagte.",
            "Partei | Stimmen",
            "CDU Union | 32,9 % plus 2",
            "SPD | 20,1 %",
            "Die Opposition kritisierte das Ergebnis und kündigte Widerstand im Gemeinderat an.",
        ],
    )


def test_a_quotation_marked_up_as_q_keeps_its_quotation_marks(tmp_path: Path) -> None:
    """A browser shows a <q> element between quotation marks that are no characters of the
    page: "die Bahn habe <q>kein Angebot</q> vorgelegt" reached the translator as a paraphrase,
    without them. A quotation that carries its own marks gets no second pair, written as
    characters or as references ("&bdquo;")."""
    page = (
        '<html lang="de"><head><meta charset="utf-8"><title>Bahnstreik</title></head><body>'
        "<article><h1>GDL kündigt neuen Streik an</h1>"
        "<p>GDL-Chef Claus Weselsky sagte, die Bahn habe <q>kein verhandlungsfähiges Angebot</q> "
        "vorgelegt.</p>"
        "<p>Ein Sprecher nannte das <q>eine <q>Nebelkerze</q> der Gewerkschaft</q>, hieß es.</p>"
        "<p>Der Fahrgastverband sprach von einem <q>„Desaster für Pendler“</q> in der Stadt.</p>"
        "<p>Die Pendler selbst nannten es <q>&bdquo;ein Chaos ohne Ende&ldquo;</q> am Morgen.</p>"
        "</article></body></html>"
    )
    expected = [
        "GDL-Chef Claus Weselsky sagte, die Bahn habe „kein verhandlungsfähiges Angebot“ "
        "vorgelegt.",
        "Ein Sprecher nannte das „eine ‚Nebelkerze‘ der Gewerkschaft“, hieß es.",
        "Der Fahrgastverband sprach von einem „Desaster für Pendler“ in der Stadt.",
        "Die Pendler selbst nannten es „ein Chaos ohne Ende“ am Morgen.",
    ]
    _assert_reads_whole(tmp_path / "seite.html", page, expected)


def test_a_page_laid_out_with_a_table_is_read_as_its_blocks(tmp_path: Path) -> None:
    """Old regional pages lay themselves out with a table: a menu column and the article's
    column, its paragraphs parted by <br><br>. Read as a table row, the menu and every
    paragraph were one line ("| Startseite Lokales Sport | Neue Umgehungsstraße …"), and the
    cleaned brief's headline was "Sport | Neue Umgehungsstraße freigegeben". A data table's
    row, a value perhaps on two lines, stays one line."""
    paragraphs = [
        "Nach dreijähriger Bauzeit ist die neue Umgehungsstraße am Freitag für den Verkehr "
        "freigegeben worden. Landrat Müller durchschnitt das Band.",
        "Die Straße soll den Ortskern vom Durchgangsverkehr entlasten. Bisher fuhren täglich "
        "rund 12.000 Fahrzeuge durch die Innenstadt.",
        "Die Kosten beliefen sich auf 14 Millionen Euro, den Großteil trug das Land.",
    ]
    page = (
        '<HTML><HEAD><META charset="utf-8"><TITLE>Kreisblatt Online</TITLE></HEAD><BODY>'
        '<TABLE WIDTH="100%"><TR><TD WIDTH="150"><A HREF="/">Startseite</A><BR>'
        '<A HREF="lokal.htm">Lokales</A><BR><A HREF="sport.htm">Sport</A></TD>'
        "<TD><B>Neue Umgehungsstraße freigegeben</B><BR><BR>"
        + "<BR><BR>\n".join(paragraphs)
        + "</TD></TR></TABLE></BODY></HTML>"
    )
    path = tmp_path / "seite.htm"
    uncleaned = _inspected(path, page, "--no-clean")
    lines = [" ".join(paragraph) for paragraph in uncleaned["paragraphs"]]
    menu = ["Startseite", "Lokales", "Sport"]
    assert lines == [*menu, "Neue Umgehungsstraße freigegeben", *paragraphs]
    cleaned = _inspected(path, page)
    kept = [cleaned["title"]] + [" ".join(paragraph) for paragraph in cleaned["paragraphs"]]
    assert "Neue Umgehungsstraße freigegeben" in kept and kept[-3:] == paragraphs
    assert not [line for line in kept if "|" in line]
    data = "<tr><th>Posten</th><th>Betrag</th></tr><tr><td>Straßen</td><td>3<br>Mio. €</td></tr>"
    assert page_text(parse_html(f"<html><body><table>{data}</table></body></html>")) == (
        "Posten | Betrag\nStraßen | 3\nMio. €"
    )


@pytest.mark.parametrize("options", [[], ["--no-clean"], ["--set", 'clean.disable=["classifier"]']])
def test_a_data_tables_value_on_three_lines_keeps_its_row(
    tmp_path: Path, options: list[str]
) -> None:
    """A data table's cell set on three lines (an address: two <br>) is a value, not a column
    of the page's layout: taken for one, every cell of the table was a line of its own, the
    cleaner dropped "CDU" as a short line, and the brief gave "41,2 Prozent" without its party."""
    row = "<tr><td>{}</td><td>{} Prozent</td><td>{}<br>12345 Musterstadt<br>Telefon {}</td></tr>"
    page = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Wahl</title></head>'
        "<body><article><h1>Ergebnisse der Wahl im Kreis</h1>"
        "<p>Die Wahl im Kreis hat am Sonntag ein klares Ergebnis gebracht, wie der Wahlleiter "
        "mitteilte.</p><table><tr><th>Partei</th><th>Stimmen</th><th>Kontakt</th></tr>"
        + row.format("CDU", "41,2", "Hauptstraße 1", "0123 4567")
        + row.format("SPD", "30,5", "Marktplatz 3", "0123 9876")
        + "</table><p>Die Beteiligung lag bei gut sechzig Prozent und damit höher als bei der "
        "letzten Wahl.</p><p>Der Landrat dankte allen Helfern, die den Tag möglich gemacht "
        "hatten.</p></article></body></html>"
    )
    record = _inspected(tmp_path / "wahl.html", page, *options)
    lines = [" ".join(paragraph) for paragraph in record["paragraphs"]]
    for party, share in (("CDU", "41,2 Prozent"), ("SPD", "30,5 Prozent")):
        assert [line for line in lines if party in line and share in line], (party, lines)


def test_the_audit_aligns_a_page_of_repeated_blocks_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A page of comments ("Antworten", "Melden" under each) and a long "Ja | n" table: difflib
    paired each repeated block with every place the extraction holds it, and 40,000 blocks took
    11 s (minutes for a 4 MB page). The pairs difflib's own search looks at stay in proportion
    to the page, and the alignment is difflib's, on this page and on random ones."""
    import difflib
    import random

    pairs = []
    search = difflib.SequenceMatcher.find_longest_match

    def counted(self, alo=0, ahi=None, blo=0, bhi=None):  # type: ignore[no-untyped-def]
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        counts = Counter(self.b[blo:bhi])
        pairs.append(sum(counts[element] for element in self.a[alo:ahi]))
        return search(self, alo, ahi, blo, bhi)

    blocks = ["Ein Artikel über das Wetter am Wochenende in Berlin und Brandenburg."]
    for number in range(2_000):
        blocks += [f"Kommentar {number}", "Antworten", "Melden"]
    blocks += [cell for number in range(2_000) for cell in ("Ja", str(number % 7))]
    # The extraction leaves the comments out, as trafilatura does.
    text = "\n".join([blocks[0], *(f"| Ja | {n % 7} |" for n in range(2_000))])
    expected = extraction_flags(blocks, text)
    monkeypatch.setattr(difflib.SequenceMatcher, "find_longest_match", counted)
    assert extraction_flags(blocks, text) == expected
    assert expected[:4] == [True, False, False, False]
    assert all(expected[6_001:])
    assert sum(pairs) <= 20 * len(blocks)
    monkeypatch.undo()
    from summarize.ingest.html import _Alignment

    draw = random.Random(5)
    for _ in range(2_000):
        a = [draw.choice("abc") for _ in range(draw.randint(0, 30))]
        b = [draw.choice("abcd") for _ in range(draw.randint(0, 30))]
        plain = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        assert _Alignment(None, a, b, autojunk=False).get_opcodes() == plain


def test_the_audit_aligns_a_long_page_whose_paragraphs_alternate_with_left_out_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A live ticker's 3,000 entries, each with "Teilen" under it that the extraction leaves
    out: difflib finds one entry per search and searches the rest of the page again, so the
    places it looked at grew with the square of the entries (12 s for this page). They stay in
    proportion to the page now, every entry is taken and every "Teilen" left out; on a long
    page of random blocks the matches are true ones, in order, none adjacent to the next."""
    import difflib
    import itertools
    import random

    from summarize.ingest.html import _Alignment

    looked_at = []
    search = _Alignment.find_longest_match

    def counted(self, alo=0, ahi=None, blo=0, bhi=None):  # type: ignore[no-untyped-def]
        ahi = len(self.a) if ahi is None else ahi
        bhi = len(self.b) if bhi is None else bhi
        looked_at.append(ahi - alo + bhi - blo)
        return search(self, alo, ahi, blo, bhi)

    entries = [
        f"{number // 60}:{number % 60:02} Uhr: Meldung Nummer {number}." for number in range(3_000)
    ]
    blocks = [piece for entry in entries for piece in (entry, "Teilen")]
    monkeypatch.setattr(_Alignment, "find_longest_match", counted)
    flags = extraction_flags(blocks, "\n".join(entries))
    assert flags == [True, False] * len(entries)
    assert sum(looked_at) <= 10 * len(blocks)
    monkeypatch.undo()

    draw = random.Random(7)
    for _ in range(20):
        a = [draw.choice("abcdefgh") + str(draw.randint(0, 900)) for _ in range(1_500)]
        b = [x for x in a if draw.random() < 0.8] + [draw.choice("abc") for _ in range(200)]
        b = b[100:300] + b[:100] + b[300:]  # a stretch the extraction moved
        blocks_ = _Alignment(None, a, b, autojunk=False).get_matching_blocks()
        assert blocks_[-1] == (len(a), len(b), 0)
        for (i, j, k), (i2, j2, _) in itertools.pairwise(blocks_):
            assert k > 0 and a[i : i + k] == b[j : j + k]
            assert i + k <= i2 and j + k <= j2 and (i + k, j + k) != (i2, j2)
        same = difflib.SequenceMatcher(None, a, b, autojunk=False)
        matched = sum(k for _, _, k in blocks_)
        assert matched >= 0.95 * sum(k for _, _, k in same.get_matching_blocks())


def test_a_block_the_extraction_took_with_other_spacing_counts_as_taken() -> None:
    """trafilatura writes "Butter(weich)" where the page reads "Butter (weich)" (white space
    between inline elements): the recipe's steps were taken for blocks the extraction left out
    and dropped from the brief (backen.de, 5 of its steps)."""
    step = "Zuletzt fehlen 125 g Butter (weich) und 4 Eier (Größe M)."
    blocks = ["Startseite Rezepte", "Schritt 5 von 17", step, "Impressum"]
    text = "Schritt 5 von 17\nZuletzt fehlen 125 g Butter(weich) und 4 Eier (Größe M)."
    assert extraction_flags(blocks, text) == [False, True, True, False]
    # A short block still counts as taken where the extraction holds it with its spaces.
    cells = ["Startseite", "Maße HxB", "155 x 96", "Impressum"]
    assert extraction_flags(cells, "| Maße HxB | 155 x 96 |") == [False, True, True, False]


@pytest.mark.parametrize(
    ("title", "heading", "shown"),
    [
        # the page's own headline heads the brief, without the site's name
        ("Nordkorea schickt weitere Soldaten nach Russland - Beispiel-Zeitung.de",
         "Nordkorea schickt weitere Soldaten nach Russland",
         "Nordkorea schickt weitere Soldaten nach Russland"),
        ("Beispiel-Zeitung | Nordkorea schickt weitere Soldaten nach Russland",
         "Nordkorea schickt weitere Soldaten nach Russland",
         "Nordkorea schickt weitere Soldaten nach Russland"),
        # a line above the copy would head the brief in the title's place: the title stays
        # the headline, and the copy goes
        ("Nordkorea schickt weitere Soldaten nach Russland - Beispiel-Zeitung.de",
         "Analyse der Lage an der Front im Osten\n\n"
         "Nordkorea schickt weitere Soldaten nach Russland",
         "Nordkorea schickt weitere Soldaten nach Russland - Beispiel-Zeitung.de"),
    ],
)  # fmt: skip
def test_a_title_with_the_sites_name_is_not_the_headline_twice(
    title: str, heading: str, shown: str
) -> None:
    """A page title that carries the site's name ("Headline - Site.de"; the HTML path passes
    it as ``headline``, the page's text starting with it) stayed the headline and the page's
    own headline came second, as the brief's first paragraph: the headline twice. One of the
    two whole blocks goes, listed as a repeat (on the 588 development pages' HTML: 51 titles
    lost the site's name; a title's copy as the first paragraph went from 69 pages to 15)."""
    body = [
        "Nordkorea hat nach Angaben aus Seoul weitere Soldaten nach Russland geschickt. Die "
        "Truppen sollen in der Grenzregion Kursk eingesetzt werden, berichtete der Geheimdienst.",
        "Bereits im vergangenen Jahr waren rund 11.000 nordkoreanische Soldaten in die Region "
        "verlegt worden. Viele von ihnen wurden nach ukrainischen Angaben getötet.",
    ]
    text = "\n\n".join([title, "Startseite\nPolitik", heading, *body]) + "\n"
    cleaned = clean_text(text, headline=title)
    copy = heading.split("\n\n")[-1]
    assert cleaned.title == shown
    assert copy not in cleaned.paragraphs and body[0] in cleaned.paragraphs
    repeats = [item.text for item in cleaned.dropped if item.rule == "duplicates"]
    assert repeats == [title if shown == copy else copy]


@pytest.mark.parametrize(
    ("markdown", "title"),
    [
        # A comment above the heading shows nothing: the file still opens with the heading.
        ("<!-- Entwurf, nicht veröffentlichen -->\n\n# {headline}", "{headline}"),
        ("<!-- Entwurf -->\n# {headline}", "{headline}"),
        # A heading in a list item is no title: its marker was the title's first word.
        ("- # {headline}", ""),
    ],
)
def test_a_markdown_files_opening_heading_is_its_title(markdown: str, title: str) -> None:
    headline = "Nordkorea schickt weitere Soldaten an die Front"
    body = "Die Regierung in Seoul bestätigte die Berichte am Mittwoch."
    text, _, found = markdown_article(f"{markdown.format(headline=headline)}\n\n{body}\n")
    assert found == title.format(headline=headline)
    assert text.startswith(found)


def test_a_comment_forms_heading_is_not_the_pages_title(tmp_path: Path) -> None:
    """Without an og:title or a single <h1>, trafilatura's metadata title can be a heading
    with "title" in its class: a WordPress comment form's ("Write a Reply or Comment") headed
    the brief, and the page's own headline stood under it as its lead. A heading found only in
    the comment sections the extraction leaves out is no title of the page's."""
    headline = "Alles Neue macht der Mai im kleinen Stadtgarten"
    body = (
        "Nachdem der Garten zwei Jahre lang vernachlässigt wurde, beginnt nun die neue Saison. "
        "Die Nachbarn haben Beete angelegt und einen Kompost gebaut."
    )
    comment_form = (
        '<div id="respond" class="comment-respond"><h3 id="reply-title" '
        'class="comment-reply-title">Write a Reply or Comment</h3><form><p>Name</p></form></div>'
    )
    page = tmp_path / "mai.html"
    page.write_text(
        f"<html><head><title>{headline} | Gartenblog</title></head><body><h2>{headline}</h2>"
        f"<p>{body}</p>"
        f"<p>{body.replace('Saison', 'Zeit')}</p>{comment_form}</body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.page_title == headline  # the <title>'s part, as without the comment form
    config = load_config(project_file=None, overrides=[])
    cleaned = prepare(article, config).cleaned
    assert cleaned.title == headline
    assert "Write a Reply or Comment" not in cleaned.paragraphs


@pytest.mark.parametrize("head", ["", "<title>Meinung | Tageblatt</title>"])
def test_an_opinion_pieces_headline_is_its_title(tmp_path: Path, head: str) -> None:
    """An opinion piece (German "Kommentar") whose header's class is "comment-header" matches
    the pattern of the comment sections trafilatura leaves out; but with no form beside its
    headline it is no comment form: the headline was dropped, the title the site's "Meinung"
    or none at all."""
    headline = "Die Koalition hat endlich geliefert"
    body = "".join(
        f"<p>Die Koalition hat sich am Montag nach langen Verhandlungen auf einen Haushalt für "
        f"das kommende Jahr geeinigt, Absatz {number}. Die Opposition kritisierte den Plan.</p>"
        for number in range(6)
    )
    page = tmp_path / "kommentar.html"
    page.write_text(
        f'<html><head>{head}</head><body><div class="comment-header"><h1>{headline}</h1></div>'
        f"<article>{body}</article></body></html>",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.page_title == headline
    assert article.text.startswith(f"{headline}\n")


def test_a_table_row_with_an_empty_cell_is_one_the_extraction_took() -> None:
    """The row "Anzahlung | | 5000" of a table the extraction took was listed as left out:
    replacing the " | " separators left a "|" of the empty cell."""
    text = "Der Vergleich zeigt es.\n| Posten | Leasing | Kredit |\n| Anzahlung | | 5000 |"
    blocks = ["Menü", "Der Vergleich zeigt es.", "Posten | Leasing | Kredit", "Anzahlung | | 5000"]
    assert extraction_flags(blocks, text) == [False, True, True, True]
