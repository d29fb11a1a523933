"""What a source says of itself: its address, date, author and site, as its metadata gives them
(an HTML page's, read by trafilatura; a Markdown file's front matter). The brief shows them as
the page's own words, so a reader can cite the article and date what it calls "Friday"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# A value longer than this is no address, date, author or site name of a page.
_MOST_CHARACTERS = 300
_WEB_ADDRESS = re.compile(r"https?://[^\s/]+\S*\Z", re.IGNORECASE)
_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A copyright notice, which pages give as their site's name or author (a <meta name="copyright">
# read as the site: "Copyright © 2001-2009", "(C) 2020 By Vinos Y Tapas"; trafilatura joins
# authors with "; "). "U.S. Copyright Office" is a name.
_COPYRIGHT_NOTICE = re.compile(
    r"(?:^|;\s*)(?:copyright\b|©|\(c\)(?=\s*\d))|\ball rights reserved\b|"
    r"\balle rechte vorbehalten\b",
    re.IGNORECASE,
)


# What joins a page title's headline and its site's name ("Headline - Site.de", "Site | Headline");
# not a colon, which a headline's own label takes ("Berlin: Senat beschließt …").
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—•·⋆›»/]+\s+")
# A site's name written as its address or with its short form ("www.Site.de", "Site (ejw)").
_SITE_NAME_DRESS = re.compile(
    r"^(?:https?://)?(?:www\.)?|\.(?:[a-z]{2}|com|net|org|info|eu)$|\s*\([^()]*\)$", re.IGNORECASE
)
# Not a number's ("1. FC Köln", "1. FSV Mainz 05": a club's name as its og:site_name gives it).
_SENTENCE_DOT = re.compile(r"(?<!\d)\.\s")
# A part left of fewer words is not read as a headline by the cleaner (its own minimum): "Streit
# ums Feuerholz", "Interabled Sex Education" without their site's names gave way to a teaser or a
# kicker below them as the brief's headline, and stood as its first paragraph; so is one ending
# with a full stop, a colon or a comma.
_HEADLINE_MIN_WORDS = 4


@dataclass(frozen=True)
class SourceDetails:
    """ "" where the source says nothing (or something that is no such value)."""

    url: str = ""
    date: str = ""
    author: str = ""
    site: str = ""

    def __bool__(self) -> bool:
        return any((self.url, self.date, self.author, self.site))

    def parts(self) -> tuple[str, ...]:
        """The details as the brief's source line gives them, those the source gives:
        "Tagesblatt", "https://…", "dated 2025-03-14", "by Anna Schmidt"."""
        return (
            *([self.site] if self.site else []),
            *([self.url] if self.url else []),
            *([f"dated {self.date}"] if self.date else []),
            *([f"by {self.author}"] if self.author else []),
        )


def one_line(value: Any) -> str:
    """A metadata value as one line of text; "" for none, a list joined by commas (authors),
    and anything longer than a page's value would be."""
    if isinstance(value, list | tuple):
        # One level: a list in a list is no author's name, and YAML's aliases build lists that
        # hold themselves ("a: &a [*a]": RecursionError, the article lost as a defect) or nest
        # nine lists of nine many times over (minutes to join, for a value of 300 characters).
        names = (one_line(item) for item in value if not isinstance(item, list | tuple))
        value = ", ".join(name for name in names if name)
    if value is None or isinstance(value, dict | bool):
        return ""
    text = " ".join(_CONTROL.sub(" ", str(value)).split())  # the view shows it as it is
    return text if len(text) <= _MOST_CHARACTERS else ""


def source_name(value: Any) -> str:
    """An author's or a site's name as one line (:func:`one_line`); "" for a copyright notice,
    which is neither: the brief said "Source (as the page says): Copyright 2003 - 2019 by
    speicherguide.de GbR …", a page's ``<meta name="copyright">`` taken for its site's name."""
    text = one_line(value)
    return "" if _COPYRIGHT_NOTICE.search(text) else text


# A company's legal form after its name ("St.Galler Tagblatt AG", "Homify GmbH", "… e. V.").
_LEGAL_FORM = re.compile(
    r",?\s+(?:g?gmbh(?:\s*&\s*co\.?\s*kg)?|mbh|ag|se|kg|eg|e\.\s?v\.?|ltd\.?|inc\.?)$",
    re.IGNORECASE,
)
# How a web address writes a German name's letters ("sueddeutsche.de" for "Süddeutsche").
_ADDRESS_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _site_key(name: str) -> str:
    """``name`` as a site's name compares: without its address's dress, its short form in
    brackets or its legal form, in lower case, umlauts as an address writes them, letters and
    digits only ("Süddeutsche.de", "www.sueddeutsche.de", "St.Galler Tagblatt AG")."""
    text = _LEGAL_FORM.sub("", _SITE_NAME_DRESS.sub("", " ".join(name.split())))
    text = _SITE_NAME_DRESS.sub("", text)  # the domain before a legal form: "Site.de GmbH"
    return re.sub(r"[\W_]+", "", text.casefold().translate(_ADDRESS_LETTERS))


def _host_names(url: str) -> tuple[str, ...]:
    """The names of ``url``'s host: the host, and its domain's name ("wien.orf.at", "orf")."""
    host = re.sub(r"^https?://([^/:?#]+).*", r"\1", url, flags=re.IGNORECASE) if url else ""
    labels = host.removeprefix("www.").split(".")
    return (host, labels[-2]) if len(labels) >= 2 else (host,) if host else ()


def title_without_site_name(title: str, site: str, url: str = "") -> str:
    """A page's title without the site's name its metadata gives, where the title carries that
    name before or after its headline ("Kondenswasser am Fenster verhindern - hausinfo", site
    "hausinfo"; "BMAS - Änderung der Anforderungen an …"): trafilatura takes a ``<title>``'s
    part without a dot for its headline, and keeps an og:title whole, so on 31 of the 588
    development pages the brief's headline ended "- Battery-News.de", "| HR JOURNAL", the name
    its source line gives. ``title`` as it is where no part of it is the site's name, or the
    part left has no more words than the name (which part is the headline is not clear).

    The site's names are ``site``, its first part ("SW1.News" of "SW1.News - Nachrichten der
    Region …") and the names of ``url``'s host, each as :func:`_site_key` compares them: a
    title's "| St.Galler Tagblatt", "- BLINKER", "– Süddeutsche.de", "| hejfish.com" stayed
    where the site was "St.Galler Tagblatt AG", "Blinker - Europas große Anglerzeitschrift",
    "Süddeutsche Zeitung" at sueddeutsche.de, "Fishing & Outdoor Apps GmbH" at hejfish.com."""
    # trafilatura names the site after a part of the <title> with a dot where the page names
    # none: a headline's part ("Sehnsucht von R. K. Lilley"), which is no site's name to drop.
    sites = () if _SENTENCE_DOT.search(site) else (site, _TITLE_SEPARATOR.split(site)[0])
    keys = {_site_key(name) for name in (*sites, *_host_names(url))} - {""}
    if not keys:
        return title
    for joint in _TITLE_SEPARATOR.finditer(title):
        for headline, name in (
            (title[: joint.start()], title[joint.end() :]),
            (title[joint.end() :], title[: joint.start()]),
        ):
            words = len(headline.split())
            if (
                _site_key(name) in keys
                and words >= _HEADLINE_MIN_WORDS
                and words > len(name.split())
                and not headline.rstrip().endswith((".", ":", ","))
            ):
                return headline.strip()
    return title


def title_parts(title: str) -> list[str]:
    """The parts of a page's title that its separators part ("Headline | Site" gives
    "Headline" and "Site"), each stripped; the title alone where it has none."""
    return [part.strip() for part in _TITLE_SEPARATOR.split(title)]


# Where a site's name joins its description ("RS Ingenieure: Bauingenieurbüro | Beratende …").
_SITE_NAME_JOINT = re.compile(rf"{_TITLE_SEPARATOR.pattern}|:\s+")


def headline_for_site_name(title: str, page_title: str, site: str, url: str) -> str:
    """``title`` (trafilatura's reading), or the rest of the page's ``<title>`` where ``title``
    is the site's name that ``<title>`` carries beside the headline: trafilatura takes a
    single ``<h1>`` (a site's logo) or the ``<title>``'s first part without a full stop, and
    "BMJV | Transparenz bei Preisanpassungen", "Internet-Law » Verstößt der Ausschluss von
    Pseudonymen bei Google+ gegen deutsches Recht?" headed the brief as "BMJV" and
    "Internet-Law", the site's name its source line gives. The site's name is the ``site``
    its metadata gives (or that name's first part), or the name of ``url``'s host."""
    key = _site_key(title)
    host = re.sub(r"^https?://([^/:?#]+).*", r"\1", url, flags=re.IGNORECASE) if url else ""
    names = {_site_key(part) for part in (site, host, *_SITE_NAME_JOINT.split(site)) if part}
    if not key or key not in names:
        return title
    for joint in _TITLE_SEPARATOR.finditer(page_title):
        before, after = page_title[: joint.start()].strip(), page_title[joint.end() :].strip()
        for name, headline in ((before, after), (after, before)):
            if _site_key(name) == key and _site_key(headline) not in names | {""}:
                return headline
    return title


# The words a German or English byline puts before its author's name, which trafilatura keeps
# where they are no "von" or "by" alone ("Autor: john", "Zeige alle Beiträge von Petra Ruland").
_BYLINE_LABEL = re.compile(
    r"^(?:(?:zeige |mehr )?alle beiträge von|zum profil von|(?:ein )?(?:beitrag|artikel|text|"
    r"rezept|bericht) von|(?:geschrieben|verfasst|veröffentlicht|erstellt) von|vom|"
    r"autor(?:in|innen|en)?|author|text|interview|fotos?)\s+(?=\w)",
    re.IGNORECASE,
)
_SPLIT_GENDERED_LABEL = re.compile(r"^autor(?:en)?; in(?:nen)?\s+(?=\w)", re.IGNORECASE)
# A name written twice, as a profile link's image and its text give it ("jesusfreak jesusfreak").
_TWICE = re.compile(r"(.+?)\s+\1", re.IGNORECASE)


# What a page or a front matter gives for an author it does not name: a CMS's default account
# ("admin"), a template's empty field ("null", "unknown"). No reader is told who wrote the
# article by it; "Redaktion" ("editorial staff") does tell, and stays.
_PLACEHOLDER_NAMES = frozenset(
    "admin administrator webmaster root user guest gast unknown unbekannt anonymous anonym "
    "null none undefined nan n/a author autor autorin default".split()
) | {"unknown author", "unbekannter autor", "site admin", "super user"}
# A byline's or a widget's word that trafilatura takes for a name when it stands alone in the
# element it reads ("Posted", a "Follow" button, a "Datum:" label) or is split from a label
# ("Text und Interview: Harald Willenbrock" gave "Text; Interview Harald Willenbrock").
_LABEL_WORDS = frozenset(
    "posted follow folgen datum date text texte interview interviews foto fotos".split()
)


def without_placeholder_names(author: str, joint: str = "; ") -> str:
    """``author`` (names joined by ``joint``) without the names that name nobody (an "admin"
    account, a template's "null" or "unknown", a label's word): trafilatura drops a meta
    tag's one-word value, but keeps a byline's and a JSON-LD's, and the brief said "by
    Admin", "by Null", "by Unknown Author", "by Posted", "by Follow", "by Datum"."""
    names = author.split(joint)
    no_names = _PLACEHOLDER_NAMES | _LABEL_WORDS
    return joint.join(name for name in names if name.strip().casefold() not in no_names)


def without_byline_labels(author: str) -> str:
    """``author`` (names joined by "; ") without the label a byline puts before a name, and a
    name written twice once: trafilatura took a page's byline element whole where the page
    has no author tag, and the brief said "by Zeige alle Beiträge von Petra Ruland" ("show
    all posts by"), "by Artikel von hausinfo", "by Autor john", "by Zum Profil von jesusfreak
    jesusfreak" (8 of the 588 development pages; "Beitrag von r23" names none now)."""
    # trafilatura splits a gendered label at its slash ("Autor/in: Korinna Hennig" gave
    # "Autor; In Korinna Hennig"), and keeps "Autor*in", "Autor:in" as "Autorin".
    author = _SPLIT_GENDERED_LABEL.sub("", author)
    names = (_BYLINE_LABEL.sub("", name) for name in author.split("; "))
    names = (twice[1] if (twice := _TWICE.fullmatch(name)) else name for name in names)
    # A letter alone names nobody: "Beitrag von r23", whose digits trafilatura cuts off.
    return "; ".join(name for name in names if len(name.strip()) > 1)


def site_name(value: Any) -> str:
    """A site's name as :func:`source_name` reads it; "" for a web address, which names no site:
    trafilatura takes a page's ``article:publisher``, its Facebook page, for the site's name,
    and the brief said "Source (as the page says): https://www.facebook.com/DERFARANG/" (3 of
    the 588 development pages: a Facebook or Twitter profile, or the site's own address)."""
    text = source_name(value)
    return "" if _SCHEME.match(text) else text


def web_address(value: Any) -> str:
    """An http(s) address, else "" (a "javascript:" or relative one is no source to cite)."""
    text = one_line(value)
    return text if _WEB_ADDRESS.match(text) else ""


# The front matter keys of an article's date, the first with a value counting.
_DATE_KEYS = ("date", "published", "publishdate", "pubdate")
# The front matter keys of its authors' and its site's names.
_NAME_KEYS = ("author", "authors", "site", "publisher")
# An Obsidian wiki link, "[[Anna Schmidt]]" or "[[Anna Schmidt|A. Schmidt]]": (its target, the
# text it shows).
_WIKI_LINK = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")


def _without_wiki_links(name: str) -> str:
    """``name`` with each wiki link as the text Obsidian shows for it: its Web Clipper writes a
    page's authors as links to their notes ("author: [[Anna Schmidt]]"), and the brief said
    "by [[Anna Schmidt]]"."""
    return _WIKI_LINK.sub(lambda link: (link[2] or link[1]).strip(), name)


def _is_unquoted_wiki_link(value: Any) -> bool:
    """Whether ``value`` is what YAML reads of an unquoted wiki link: "[[Anna Schmidt]]" is a
    list holding a list holding the name (``[["Anna Schmidt"]]``)."""
    return (
        isinstance(value, list)
        and len(value) == 1
        and isinstance(value[0], list)
        and len(value[0]) == 1
        and isinstance(value[0][0], str)
    )


def _with_wiki_links_as_written(value: Any) -> Any:
    """A front matter's name with its unquoted wiki links as written ("[[Anna Schmidt]]"), for
    :func:`_without_wiki_links`: "author: [[Anna Schmidt]]" is a list in a list to YAML, which
    :func:`one_line` leaves out, and the brief gave no author. Only that shape, as the value or
    as an item of its list, is read: nothing walks deeper into nested lists (YAML aliases)."""
    if _is_unquoted_wiki_link(value):
        return f"[[{value[0][0]}]]"
    if isinstance(value, list):
        return [f"[[{item[0][0]}]]" if _is_unquoted_wiki_link(item) else item for item in value]
    return value


def front_matter_details(meta: Mapping[str, Any]) -> SourceDetails:
    """A Markdown file's front matter as Hugo, Jekyll and Obsidian write it."""
    # The first key with a value of its kind: Hugo's "url" is a path on the site, and an empty
    # "author" hid "authors".
    url = next(filter(None, (web_address(meta.get(key)) for key in ("url", "link", "source"))), "")
    names = {key: _with_wiki_links_as_written(meta.get(key)) for key in _NAME_KEYS}
    authors = (
        without_placeholder_names(_without_wiki_links(source_name(names[key])), ", ")
        for key in ("author", "authors")
    )
    author = next(filter(None, authors), "")
    site = next(filter(None, (site_name(names[key]) for key in ("site", "publisher"))), "")
    site = _without_wiki_links(site)
    # Obsidian's Web Clipper writes the article's date as "published" ("created" is the day it
    # was clipped), Hugo's and Astro's themes as "publishDate", "pubDate" (keys in lower case).
    date = next((meta[key] for key in _DATE_KEYS if meta.get(key) not in (None, "")), None)
    return SourceDetails(
        url=url,
        date=date.isoformat() if hasattr(date, "isoformat") else one_line(date),
        author=author,
        site=site,
    )


NO_DETAILS = SourceDetails()  # a source that says nothing of itself (a plain text file)
