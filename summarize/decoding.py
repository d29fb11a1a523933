"""Decoding: an article file's bytes as text, in whatever encoding it was saved.

A BOM decides, then UTF-8 (and UTF-16 without a BOM, told by its NUL bytes), then an HTML page's
declared charset where the bytes fit it, then detection with charset-normalizer weighed against
the code pages German is written in. Text that was UTF-8 read as windows-1252 and saved again is
read as first written, with a warning. ``benchmarks/encodings.py`` measures it.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from summarize.errors import ArticleError, shown

logger = logging.getLogger("summarize")

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# How much of a file is looked at for NUL bytes and control characters.
BINARY_SAMPLE = 8192


def refuse_binary(raw: bytes, path: Path) -> None:
    """ArticleError for bytes that are no text by their NUL bytes: no BOM, a NUL in the first
    BINARY_SAMPLE bytes, not UTF-16 written without a BOM, nor UTF-8 text with a stray NUL."""
    if any(raw.startswith(bom) for bom, _ in BOMS) or b"\x00" not in raw[:BINARY_SAMPLE]:
        return
    if _utf16_without_bom(raw) is None and not stray_nuls(raw):
        raise ArticleError(_binary(path))


def stray_nuls(raw: bytes) -> bool:
    """Whether the NUL bytes in ``raw`` are strays in UTF-8 text (a paste out of a PDF, a
    damaged save): at most _STRAY_NUL of its first BINARY_SAMPLE bytes, and the whole decodes as
    UTF-8, which a binary file's bytes do not. A 2 kB article with one NUL was refused as a
    binary file, while one past its first 8 kB was read (and left out by the cleaner)."""
    sample = raw[:BINARY_SAMPLE]
    if sample.count(0) > max(1, len(sample) * _STRAY_NUL):
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Most NUL bytes UTF-8 text may hold as strays, as a share of its first bytes: UTF-16 Latin text
# has one in every other byte, a binary file of bytes that happen to be UTF-8 far more.
_STRAY_NUL = 0.01


def _binary(path: Path) -> str:
    return f"{shown(path)}: binary file (contains NUL bytes), not text"


def decode_text(
    raw: bytes, path: Path, declared: str | None = None, *, markup: bool = False
) -> tuple[str, str]:
    """Text and the encoding it was read with: a BOM wins, then UTF-8, then the page's
    ``declared`` charset (:func:`declared_charset`), then detection. ``markup``: the file is an
    HTML page; a warning of mojibake in it is given only for what its reader sees."""
    # Text read as windows-1252 and saved again (_undoubled) is as often saved with a BOM
    # (Notepad's "UTF-8" and "Unicode") as without one.
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return _readable(raw.decode(encoding), path, markup), encoding
            except UnicodeDecodeError:
                # A UTF-8 file with a BOM and a few damaged bytes reads as one without the BOM
                # does (it was refused, the article lost, where the same bytes without the BOM
                # were read).
                body = raw[len(bom) :]
                if encoding == "utf-8-sig" and (text := _damaged_utf8(body, path)) is not None:
                    return _c1_as_windows_1252(text, path, markup), encoding
                if encoding != "utf-8-sig" and (text := _damaged_wide(raw, encoding, path)):
                    return _readable(text, path, markup), encoding
                raise ArticleError(
                    f"{shown(path)}: starts with a {encoding} BOM but does not decode"
                ) from None
    if b"\x00" in raw[:BINARY_SAMPLE]:
        if (utf16 := _utf16_without_bom(raw)) is not None:
            return _readable(utf16[0], path, markup), utf16[1]
        if not stray_nuls(raw):
            raise ArticleError(_binary(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if nuls := text.count("\x00"):  # no character: a reader shows none, Markdown a "�"
            logger.info(
                "%s: %s left out", shown(path), "a NUL byte" if nuls == 1 else f"{nuls} NUL bytes"
            )
            text = text.replace("\x00", "")
        return _readable(text, path, markup), "utf-8"
    if (text := _damaged_utf8(raw, path)) is not None:
        return _c1_as_windows_1252(text, path, markup), "utf-8"
    if declared is not None and (page := _declared_reading(raw, declared)) is not None:
        logger.info("%s: not UTF-8, read as %s (its declared charset)", shown(path), page[1])
        return page
    from charset_normalizer import from_bytes

    matches = from_bytes(raw)
    best = matches.best()
    detected = None if best is None or best.encoding is None else (str(best), best.encoding)
    # The detector cannot tell Western from Central European single-byte text when both read
    # equally well (é or è in cp1250 are é and č); German legacy text is windows-1252, as
    # browsers in German-speaking locales assume, so that reading wins a tie.
    western = next((match for match in matches if match.encoding == "cp1252"), None)
    if (
        detected is not None
        and western is not None
        and (western.chaos, -western.coherence) <= (best.chaos, -best.coherence)
    ):
        detected = str(western), "cp1252"
    if (german := _german_reading(raw, detected)) is not None:
        text, encoding = german
    elif detected is not None:
        text, encoding = detected
    else:
        raise ArticleError(f"{shown(path)}: not text in any encoding we can detect")
    logger.info("%s: not UTF-8, read as %s", shown(path), encoding)
    return text, encoding


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (``<meta charset>``, the
    ``http-equiv`` Content-Type, an XML declaration), as Python names the codec; None where it
    declares none or one Python does not know. ISO-8859-1 and ASCII are windows-1252, as
    browsers read them."""
    match = _CHARSET_DECLARATION.search(raw[:_DECLARATION_SAMPLE])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


# Where a browser looks for the declaration (1024 bytes; pages with long <head>s put it later).
_DECLARATION_SAMPLE = 4096
_CHARSET_DECLARATION = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)"""
    rb"""|<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9._:-]+)""",
    re.I,
)


def _declared_reading(raw: bytes, declared: str) -> tuple[str, str] | None:
    """The page in its declared charset, when that reads it without control characters and,
    for a code page German is written in, no other one of them reads more German letters (a
    page declared windows-1252 but saved in DOS); another language's code page loses only
    where its reading puts German out of place (a page saved in DOS or on a Mac). Only the
    declaration tells windows-1250 ("Dvořák") from windows-1252 ("Dvoøák"), which the German
    reading would otherwise prefer.
    None for a declaration the bytes do not fit (UTF-8 declared on a windows-1252 page, which
    real pages do) and for multi-byte ones."""
    if declared.startswith("utf") or not _single_byte(declared):
        return None
    if not (text := _decoded(raw, declared)) or _C1_CONTROLS.search(text):
        return None  # C1 controls: windows-1252 quotation marks on a page declared ISO-8859-15
    if not _writes_german(declared):
        # No German page declared wrong: windows-1252 reads Cyrillic "д" (0xE4 in
        # windows-1251) and Greek "δ" (ISO-8859-7) as "ä", and the page came back as that.
        return text, declared
    if codecs.lookup(declared).name not in _GERMAN_CODE_PAGE_NAMES and not (
        _MISPLACED.search(text) or _MAC_UMLAUTS.search(text)
    ):
        # Another language's code page with German's letters (windows-1250): DOS reads its
        # "á" as "ß" and "š" as "Ü", and a page of Czech names with few umlauts came back as
        # windows-1252 ("Dvoøák", "Janáèek"). It loses only where it reads German out of place
        # ("sch„rfster": saved in DOS; "KŠse", "Stra§e": saved on a Mac).
        return text, declared
    letters = _german_letters(text)
    sketch = _PLAIN_BYTES.sub(b"", raw)
    if any(_german_letters(_decoded(sketch, name)) > letters for name in _GERMAN_CODE_PAGES):
        return None
    return text, declared


_C1_CONTROLS = re.compile("[\x80-\x9f]")
# Mac's "ä", "ß", "Ä", "Ö" and "Ü" as windows-1250 (ISO-8859-2: "ß") reads them, where no
# language of that code page writes those: Š after a small letter ("KŠse"), § inside a word
# ("Stra§e"), €, … or † opening one ("€rger", "…sterreich", "†ber"). Its "ö" and "ü" are
# windows-1250's "š" and "ź", which Czech and Polish write ("Leoš", "Łódź").
_MAC_UMLAUTS = re.compile(
    r"(?<=[a-zß-öø-ÿ])Š|(?<=[^\W\d_])§(?=[^\W\d_])|(?<![^\W\d_])[€…†](?=[a-zß-öø-ÿ]{2})"
)


def _writes_german(encoding: str) -> bool:
    """Whether the code page ``encoding`` has the letters German is written with."""
    try:
        "äöüßÄÖÜ".encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _single_byte(encoding: str) -> bool:
    """Whether ``encoding`` is a single-byte code page (the only ones a declaration may decide:
    a wrong multi-byte one reads almost any bytes)."""
    try:
        return len(bytes(range(128, 256)).decode(encoding, errors="replace")) == 128
    except LookupError:
        return False


# The code pages German text is written in, in the order a tie goes: windows-1252 (browsers
# in German-speaking locales assume it, and it reads ISO-8859-1), ISO-8859-15 (€ at 0xA4),
# DOS (cp850) and classic Mac OS (mac_roman).
_GERMAN_CODE_PAGES = ("cp1252", "iso8859_15", "cp850", "mac_roman")
_GERMAN_CODE_PAGE_NAMES = frozenset(codecs.lookup(name).name for name in _GERMAN_CODE_PAGES)


def _german_reading(raw: bytes, detected: tuple[str, str] | None) -> tuple[str, str] | None:
    """The reading of legacy bytes as German text, when one of the code pages German is
    written in reads them with fewer out-of-place characters, or as few and more German
    letters, than the detector's choice (``detected``; None where it gave up); else None.

    On German text the detector often prefers a code page none of it was written in (DOS
    Baltic cp775, cp1250, ISO-8859-10, HP Roman-8, even Big5 or Shift-JIS on a sentence or
    two: "Gr³ne" for "Grüne", "f〉" for "für"), and it read DOS and Mac files as
    windows-1252 or cp1250 ("sch„rfster", "Stra§e"). Text without German letters (Polish in
    cp1250) keeps the detector's reading."""
    # Weighed on a sketch of the text: each run of printable ASCII cut to its first and last
    # character, the same in every reading and all the rules look at beside a non-ASCII one
    # (weighing the whole text five times made reading legacy pages five times slower).
    sketch = _PLAIN_BYTES.sub(b"", raw)
    readings = [(_decoded(sketch, name), name) for name in _GERMAN_CODE_PAGES]
    if detected is not None:
        readings.append((_PLAIN_TEXT.sub("", detected[0]), detected[1]))
    # Ties go to the first: windows-1252, ISO-8859-15, DOS, Mac, and last the detector.
    best, encoding = min(
        (reading for reading in readings if reading[0]),
        key=lambda reading: _german_score(reading[0]),
        default=("", ""),
    )
    if detected is not None and encoding == detected[1]:
        return None
    text = raw.decode(encoding)
    if detected is not None and text == detected[0]:
        return text, encoding  # the same text: named by the code page German is written in
    # A reading with German letters wins; one without (a sentence with a dash, a €) only with
    # nothing out of place where the detector's reading has something (or it gave up and the
    # reading has € or a „quotation“): Polish in cp1250 keeps the detector's reading.
    out_of_place, evidence = _german_score(best)
    clear = bool(evidence) if detected is None else bool(_out_of_place(readings[-1][0]))
    if _german_letters(best) or (clear and not out_of_place):
        return text, encoding
    return None


# The inside of a run of printable ASCII, cut from the sketch a reading is weighed on (the
# run's first and last characters stay).
_PLAIN_BYTES = re.compile(rb"(?<=[\x20-\x7e])[\x20-\x7e]+(?=[\x20-\x7e])")
_PLAIN_TEXT = re.compile(r"(?<=[\x20-\x7e])[\x20-\x7e]+(?=[\x20-\x7e])")


def _decoded(raw: bytes, encoding: str) -> str:
    """``raw`` in ``encoding``, or "" where it does not decode."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return ""


def _german_score(text: str) -> tuple[int, int]:
    """How badly ``text`` reads as German (out-of-place characters, then fewer German
    letters, euro signs and quotation marks where German puts them): lower is better."""
    return _out_of_place(text), -len(_GERMAN_EVIDENCE.findall(text))


def _out_of_place(text: str) -> int:
    """Characters that German text read in the right code page does not hold: control
    characters, letters and signs of other alphabets (¤ for €, Ÿ for ü, 〉), an opening
    quotation mark after a letter ("sch„rfster": a DOS ä read as windows-1252), and a closing
    one, ™, a superscript or a capital letter inside a word ("h”rte", "Gr³ne", "JosÚ"), and
    a small letter of Latin-1 before a capital ("äMascotô": „Mascot“ in windows-1252 read as
    DOS), one standing alone as a word ("Berlin û ALBA": a dash), but for French "à", and ô
    or û ending a word ("Filmô": a closing quotation mark read as DOS); a capital letter of
    Latin-1 after a small letter ("SucheÖ": "Suche…" read as Mac), and ß after a consonant,
    which German never writes ("Guzmßn": "Guzmán" read as DOS)."""
    return len(_FOREIGN.findall(text)) + len(_MISPLACED.findall(text))


# What German text holds beyond ASCII: Latin-1's letters (names: José, Sánchez; not the
# Icelandic ones, which Mac's Icelandic code page makes of ›), windows-1252's typography,
# and common signs. Anything else, control characters included, is out of place.
_GERMAN_CHARACTERS = "".join(chr(c) for c in range(0xC0, 0x100) if chr(c) not in "ÐðÞþÝý") + (
    "ŠšŽžŒœ„“”‚‘’«»‹›–—…•·€§°±²³µ¼½¾×÷©®™£¥¢¡¿´\u00a0\u00ad"
)
_FOREIGN = re.compile("[^\t\n\r\f\x20-\x7e" + re.escape(_GERMAN_CHARACTERS) + "]")
_MISPLACED = re.compile(
    r"(?<=[^\W\d_])[„‚]|(?<=[^\W\d_])[“”™²³À-ÖØ-Þ](?=[a-zß-öø-ÿ])|[ß-öø-ÿ](?=[A-ZÀ-ÖØ-Þ])"
    r"|(?<!\w)[À-ÖØ-ßá-öø-ÿ](?!\w)|(?<=[^\W\d_])[ôû](?!\w)"
    r"|(?<=[a-zß-öø-ÿ])[À-ÖØ-Þ](?![a-zß-öø-ÿ])|(?<=[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ])ß"
)
# German letters, €, and a „quotation“ as German marks it (one that opens and closes).
_GERMAN_EVIDENCE = re.compile(r"[äöüÄÖÜß€]|(?<![^\W\d_])„(?=\w)[^„“\n]*“")


def _readable(text: str, path: Path, markup: bool = False) -> str:
    """Unicode text (UTF-8, UTF-16, UTF-32) as first written: :func:`_undoubled`, then
    :func:`_c1_as_windows_1252`."""
    return _c1_as_windows_1252(_undoubled(text, path, markup), path, markup)


# An HTML tag with its attributes (a link's address, an image's alt text) or a comment: markup a
# reader of the page never sees as text. A "<" that opens no tag ("a < b") is text, and so is a
# <meta> tag: its og:title, author or site name heads the brief or stands in its source line.
_MARKUP = re.compile(r"<!--.*?-->|<(?!meta\b)[A-Za-z/!?][^>]*>", re.S | re.I)


def _shown(pattern: re.Pattern[str], text: str, markup: bool) -> list[re.Match[str]]:
    """The matches of ``pattern`` in ``text``; in an HTML page's (``markup``) only those outside
    its tags and comments. A page's mojibake in a link's address alone ("info=Britax+RÃ¶mer")
    or an image's alt text got a warning, though its reader and its brief never see it."""
    if not markup:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    start = 0
    for tag in _MARKUP.finditer(text):
        found += pattern.finditer(text, start, tag.start())
        start = tag.end()
    return found + list(pattern.finditer(text, start))


def _c1_as_windows_1252(text: str, path: Path, markup: bool = False) -> str:
    """``text`` with each C1 control character (U+0080-U+009F) that windows-1252 puts a
    character at read as that character, with a warning naming the file. Windows-1252 text
    converted as ISO-8859-1 (PHP's utf8_encode, ``iconv -f latin1``: old CMS exports) holds its
    „quotation marks“, dashes, € and … as these controls, which no text holds as such: the
    cleaner dropped them without a word, and "5 € pro Monat" reached the brief as "5 pro
    Monat". The five bytes windows-1252 leaves undefined stay controls. ``markup``: warned of
    only where a reader of the HTML page sees such a character (see :func:`_shown`)."""
    if not _C1_PRINTED.search(text):
        return text
    found = [match.group() for match in _shown(_C1_PRINTED, text, markup)]
    if not found:
        return text.translate(_C1_AS_WINDOWS_1252)
    logger.warning(
        "%s: %d character(s) of windows-1252 stored as control characters (windows-1252 text "
        "converted as ISO-8859-1); read as windows-1252 (%r for %r)",
        shown(path), len(found), found[0], found[0].translate(_C1_AS_WINDOWS_1252),
    )  # fmt: skip
    return text.translate(_C1_AS_WINDOWS_1252)


def _undoubled(text: str, path: Path, markup: bool = False) -> str:
    """UTF-8 text as first written, where the whole file is UTF-8 that was read as
    windows-1252 and saved as UTF-8 again ("FÃ¼r die StraÃŸe" for "Für die Straße", as old
    CMS exports and copied pages hold it); each such file gets a warning. Text that holds such
    sequences beside correct umlauts cannot be undone: it is read as it is, with the warning
    where a reader sees one (``markup``: an HTML page, see :func:`_shown`)."""
    if (found := _DOUBLE_ENCODED.search(text)) is None:
        return text
    try:
        first = _read_bytes(text).decode("utf-8")
    except UnicodeError:
        shown_ones = _shown(_DOUBLE_ENCODED, text, markup)
        if not shown_ones:
            return text
        found = shown_ones[0]
        logger.warning(
            "%s: holds UTF-8 read as windows-1252 (%r, the first at character %d), not all of "
            "it: read as it is",
            shown(path), found.group(), found.start(),
        )  # fmt: skip
        return text
    logger.warning(
        "%s: UTF-8 read as windows-1252 and saved again (%r for %r): read as first written",
        shown(path), found.group(), _read_bytes(found.group()).decode("utf-8", "replace"),
    )  # fmt: skip
    return first


def _read_bytes(text: str) -> bytes:
    """The bytes that ``text`` was read from in windows-1252: its characters past Latin-1 ("€",
    "„") as windows-1252 bytes, all others as Latin-1 ones. Browsers and Windows read the five
    bytes windows-1252 leaves undefined as the control characters U+0081, U+008D, U+008F,
    U+0090 and U+009D, and UTF-8 read as ISO-8859-1 holds all of U+0080-U+009F: "Á", "č" and
    "Đ" end in such a byte, and a file with one was left unrepaired."""
    return text.translate(_WINDOWS_1252_BYTES).encode("latin-1")


_WINDOWS_1252_BYTES = {
    ord(character): byte
    for byte in range(0x80, 0xA0)
    if (character := bytes([byte]).decode("cp1252", errors="ignore"))
}
# The C1 control characters that stand for a character of windows-1252 (see
# _c1_as_windows_1252), and that character.
_C1_AS_WINDOWS_1252 = {byte: character for character, byte in _WINDOWS_1252_BYTES.items()}
_C1_PRINTED = re.compile(f"[{''.join(map(chr, _C1_AS_WINDOWS_1252))}]")


# A character of Latin-1 or windows-1252 as its UTF-8 bytes read in windows-1252 (or
# ISO-8859-1: a control character for 0x80-0x9F): Ã or Â and a continuation byte ("Ã¼" for ü,
# "Â´" for ´), or â€ (the first two bytes of –, „, “, €).
_DOUBLE_ENCODED = re.compile(
    "[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â[€\u0080]"
)


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 text written without a BOM (some Windows tools): Latin text puts a NUL in every
    other byte, the high byte of each character, and almost never in the others. It was
    refused as a binary file."""
    sample = raw[: BINARY_SAMPLE - BINARY_SAMPLE % 2]
    if len(raw) % 2 or len(sample) < 2:
        return None
    half = len(sample) // 2
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        high_nul = sample[high::2].count(0) / half
        low_nul = sample[1 - high :: 2].count(0)
        if high_nul >= _UTF16_HIGH_NUL and low_nul <= max(1, half * _UTF16_LOW_NUL):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return (text, encoding) if "\x00" not in text else None
    return None


# Share of NUL high bytes at which bytes read as UTF-16 without a BOM: German text has a few
# characters past U+00FF (typographic quotes and dashes, €), a binary file NULs in both halves.
_UTF16_HIGH_NUL = 0.8
# Share of NUL low bytes still read as UTF-16 (one always is): a character U+xx00 puts one
# there (the emoji 😀 is D83D DE00, Ā is U+0100), and a page with one was refused as a binary
# file. The text must still decode and hold no NUL.
_UTF16_LOW_NUL = 0.05


_GERMAN_LETTERS = re.compile("[äöüÄÖÜß]")


def _german_letters(text: str) -> int:
    return len(_GERMAN_LETTERS.findall(text))


_REPLACEMENT_UTF8 = "\ufffd".encode()


def _damaged_utf8(raw: bytes, path: Path) -> str | None:
    """The text of UTF-8 bytes with a few that are not (None where the bytes read as another
    encoding), said in the run's log. Read in a legacy encoding, every umlaut of the UTF-8 would
    turn into two wrong letters ("Straße" as "StraĂźe"). Windows-1252 bytes pasted into it (a
    quotation copied from an old page: "„Wir müssen handeln“") are read as Windows-1252, each
    byte the German letter or mark it stands for; other damage (a cut multi-byte character)
    shows as U+FFFD (:func:`_mostly_utf8`)."""
    if (mixed := _utf8_with_cp1252(raw)) is not None:
        text, pasted = mixed
        logger.warning(
            "%s: UTF-8 with %d byte(s) of Windows-1252 pasted in; read each as Windows-1252",
            shown(path), pasted,
        )  # fmt: skip
        return text
    if (mostly_utf8 := _mostly_utf8(raw)) is None:
        return None
    text, invalid = mostly_utf8
    logger.warning(
        "%s: not valid UTF-8 in %d place(s) (the first at character %d); read as UTF-8, each "
        "shown as the replacement character U+FFFD",
        shown(path), invalid, text.index("\ufffd"),
    )  # fmt: skip
    return text


def _damaged_wide(raw: bytes, encoding: str, path: Path) -> str | None:
    """The text of UTF-16 or UTF-32 bytes after their BOM with a few that do not decode (a
    file cut short at an odd byte, half of a surrogate pair), each shown as U+FFFD and said in
    the run's log; None where more than one character in a hundred is damaged. The BOM names
    the encoding, and such a file was refused whole ("starts with a utf-16 BOM but does not
    decode"), where a UTF-8 file cut in a character is read."""
    text = raw.decode(encoding, errors="replace")
    undamaged = raw.decode(encoding, errors="ignore")
    invalid = len(text) - len(undamaged)
    if not invalid or invalid > max(1, len(text) // 100):
        return None
    # Where the two readings part (the undamaged one is shorter).
    pairs = zip(text, undamaged, strict=False)
    first = next((at for at, (read, kept) in enumerate(pairs) if read != kept), len(undamaged))
    logger.warning(
        "%s: not valid %s in %d place(s) (the first at character %d); read as %s, each shown "
        "as the replacement character U+FFFD",
        shown(path), encoding.upper(), invalid, first, encoding.upper(),
    )  # fmt: skip
    return text


# What a Windows-1252 byte pasted into German UTF-8 text stands for: letters and marks of German
# text, not "Ã" or "Â" (the lead byte of a cut UTF-8 character reads as those).
_PASTED_CP1252 = frozenset("äöüÄÖÜß„“”‚‘’–—…€«»°§éèáàÉ·´")


def _utf8_with_cp1252(raw: bytes) -> tuple[str, int] | None:
    """UTF-8 text with single Windows-1252 bytes in it, each a German letter or mark
    (_PASTED_CP1252), and how many; None where the file has no valid multi-byte UTF-8 character
    but by accident (text in a legacy encoding alone, _ACCIDENTAL_UTF8) or another invalid
    byte."""
    pasted = 0
    parts: list[str] = []
    position = 0
    while True:
        try:
            parts.append(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            bad = error.start
            parts.append(raw[position : position + bad].decode("utf-8"))
            char = raw[position + bad : position + bad + 1].decode("cp1252", errors="replace")
            if char not in _PASTED_CP1252:
                return None
            parts.append(char)
            pasted += 1
            position += bad + 1
    text = "".join(parts)
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - pasted - len(_ACCIDENTAL_UTF8.findall(text))
    return (text, pasted) if pasted and valid > 0 else None


def _mostly_utf8(raw: bytes) -> tuple[str, int] | None:
    """The text of bytes that are UTF-8 but for a few invalid sequences (each becomes U+FFFD),
    and how many there are; None when the file reads as another encoding.

    Each non-ASCII character of the file is either a valid UTF-8 sequence or an invalid one,
    and the reading that more of them fit wins (a tie goes to UTF-8, which shows what it could
    not read). Legacy German text (Latin-1, Windows-1252) holds almost no valid multi-byte
    sequence, since each of its umlauts is an invalid one; the few it forms by accident (ß, Ö
    or Ü before a quotation mark, dash or soft hyphen: "groß“" is U+07D3) do not count. A
    UTF-8 file holds its umlauts as valid ones: one with three damaged bytes and four umlauts
    was read as cp1250, every umlaut two wrong letters, when twice as many valid ones as
    damaged ones were asked for."""
    text = raw.decode("utf-8", errors="replace")
    present = raw.count(_REPLACEMENT_UTF8)  # U+FFFD written in the file itself
    invalid = text.count("\ufffd") - present
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    valid = non_ascii - text.count("\ufffd") - len(_ACCIDENTAL_UTF8.findall(text))
    if invalid and valid >= invalid:
        return text, invalid
    return None


# The characters a Windows-1252 letter of German text forms as valid UTF-8 with the
# punctuation byte after it (Ö U+0580-U+05BF, Ü U+0700-U+073F, ß U+07C0-U+07FF; Â before a
# quotation mark or dash gives a C1 control): evidence of nothing.
_ACCIDENTAL_UTF8 = re.compile("[\x80-\x9f\u0580-\u05bf\u0700-\u073f\u07c0-\u07ff]")
