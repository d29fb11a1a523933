"""How read_article decodes German articles saved in every encoding newsroom archives hold.

    python benchmarks/encodings.py [--offset 0] [--out rows.json] [--time]

Each article is written as .txt in UTF-8 (with and without a BOM), UTF-16 LE/BE (with and
without a BOM), windows-1252, ISO-8859-1, ISO-8859-15, DOS cp850 and mac_roman, and as .html
with no, a right and a wrong declared charset; read_article must give back the text as written
(for HTML: every paragraph in the page's text). A table counts the round trips per encoding and
length; --time reads the 588 pages as UTF-8 and as windows-1252 .txt files.

Corpus (150 articles, ../shared/eval): 60 short (1-3 sentences of newstest2019-dev.de), the 30
WMT21 documents (headline, blank line, a sentence a line), 60 of the 588 pages of clean/pages
(every 9th from --offset; the rules were tuned on offset 0, offset 4 was held out).
WMT text has ASCII quotes: "…" becomes „…“, " - " becomes " – ", "N Euro" becomes "N €"
(newsroom typography). Characters an encoding lacks are written as ASCII stand-ins, and the
expected text is what was written.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# This clone's package, as the other benchmarks read it: not a copy installed from elsewhere.
sys.path.insert(0, str(REPO))
EVAL = REPO.parent / "shared" / "eval"

from prerequisites import require_paths  # noqa: E402  (benchmarks/prerequisites.py)

from summarize.errors import ArticleError  # noqa: E402
from summarize.ingest import read_article  # noqa: E402


def typographic(text: str) -> str:
    text = re.sub(r'"([^"\n]{1,200}?)"', "„\\1“", text)
    text = text.replace(" - ", " – ")
    return re.sub(r"(\d) Euro\b", "\\1 €", text)


def corpus(offset: int) -> list[tuple[str, str, str]]:
    """(bucket, name, text)."""
    items: list[tuple[str, str, str]] = []
    lines = (EVAL / "mt/newstest2019-dev.de").read_text(encoding="utf-8").splitlines()
    i, k = offset, 1
    while len([x for x in items if x[0] == "short"]) < 60 and i < len(lines):
        text = typographic(" ".join(lines[i : i + k])) + "\n"
        if any(ord(ch) > 127 for ch in text):
            items.append(("short", f"s{i:04d}_{k}", text))
        i += k + 7
        k = k % 3 + 1
    for n, line in enumerate((EVAL / "mt/newstest2021-docs-dev.jsonl").open(encoding="utf-8")):
        doc = json.loads(line)
        segs = [typographic(s) for s in doc["de"]]
        items.append(("wmt_doc", f"w{n:02d}", segs[0] + "\n\n" + "\n".join(segs[1:]) + "\n"))
    pages = sorted((EVAL / "clean/pages").glob("*.txt"))
    for page in pages[offset::9][:60]:
        items.append(("page", page.stem[:40], page.read_text(encoding="utf-8")))
    return items


STAND_INS = {
    "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "–": "-", "—": "-",
    "€": "EUR", "…": "...", "\u00a0": " ", "«": '"', "»": '"', "‹": "'", "›": "'",
}  # fmt: skip


def encodable(text: str, encoding: str) -> str:
    out = []
    for ch in text:
        try:
            ch.encode(encoding)
            out.append(ch)
        except UnicodeEncodeError:
            sub = STAND_INS.get(ch, "?")
            try:
                sub.encode(encoding)
            except UnicodeEncodeError:
                sub = "?"
            out.append(sub)
    return "".join(out)


# (variant, suffix, python codec for the bytes, BOM bytes, meta charset or None)
TXT_VARIANTS = [
    ("utf-8", "utf-8", b""),
    ("utf-8-bom", "utf-8", b"\xef\xbb\xbf"),
    ("utf-16le-bom", "utf-16-le", b"\xff\xfe"),
    ("utf-16be-bom", "utf-16-be", b"\xfe\xff"),
    ("utf-16le", "utf-16-le", b""),
    ("utf-16be", "utf-16-be", b""),
    ("cp1252", "cp1252", b""),
    ("iso-8859-1", "iso-8859-1", b""),
    ("iso-8859-15", "iso-8859-15", b""),
    ("cp850", "cp850", b""),
    ("mac_roman", "mac_roman", b""),
]
# (variant, codec of the bytes, declared charset or None, meta form)
HTML_VARIANTS = [
    ("html utf-8 no meta", "utf-8", None),
    ("html utf-8 meta utf-8", "utf-8", "utf-8"),
    ("html utf-8 meta WRONG iso-8859-1", "utf-8", "iso-8859-1"),
    ("html cp1252 no meta", "cp1252", None),
    ("html cp1252 meta windows-1252", "cp1252", "windows-1252"),
    ("html cp1252 meta WRONG utf-8", "cp1252", "utf-8"),
    ("html iso-8859-15 meta iso-8859-15", "iso-8859-15", "iso-8859-15"),
    ("html mac_roman meta macintosh", "mac_roman", "macintosh"),
]


def paragraphs(text: str) -> list[str]:
    parts = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(parts) == 1:
        parts = [p for p in text.splitlines() if p.strip()]
    return parts


def html_page(text: str, charset: str | None, http_equiv: bool) -> str:
    paras = paragraphs(text)
    head = ""
    if charset:
        head = (
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            if http_equiv
            else f'<meta charset="{charset}">'
        )
    body = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in paras)
    return (
        f'<!DOCTYPE html>\n<html lang="de"><head>{head}<title>{html.escape(paras[0][:80])}'
        f"</title></head>\n<body><article>\n{body}</article></body></html>\n"
    )


def flat(text: str) -> str:
    text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    return " ".join(unicodedata.normalize("NFC", text).split())


class Catch(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


MOJIBAKE = re.compile("Ã|Â|â€|\ufffd|ÔÇ|Ô|Ä\u0178|Ã¤|[\x80-\x9f]|³|Ř|¤")


def round_trips(offset: int, work: Path) -> list[dict]:
    catch = Catch()
    logging.getLogger("summarize").addHandler(catch)
    logging.getLogger("summarize").setLevel(logging.INFO)
    rows = []
    for bucket, name, text in corpus(offset):
        for variant, codec, bom in TXT_VARIANTS:
            expected = encodable(text, codec)
            path = work / f"{name}.{variant}.txt"
            path.write_bytes(bom + expected.encode(codec))
            rows.append(check(path, bucket, variant, expected, False, catch))
        for n, (variant, codec, charset) in enumerate(HTML_VARIANTS):
            expected = encodable(text, codec)
            page = html_page(expected, charset, http_equiv=n % 2 == 1)
            path = work / f"{name}.{variant.replace(' ', '_')}.html"
            path.write_bytes(page.encode(codec))
            rows.append(check(path, bucket, variant, expected, True, catch))
    return rows


def timing(work: Path) -> None:
    pages = sorted((EVAL / "clean/pages").glob("*.txt"))
    for codec in ("utf-8", "cp1252"):
        paths = []
        for page in pages:
            path = work / f"{page.stem}.{codec}.txt"
            path.write_bytes(encodable(page.read_text(encoding="utf-8"), codec).encode(codec))
            paths.append(path)
        start = time.process_time()
        for path in paths:
            read_article(path, 5_000_000)
        print(f"{codec}: {len(paths)} pages in {time.process_time() - start:.2f} s CPU")


def check(path: Path, bucket: str, variant: str, expected: str, is_html: bool, catch: Catch):
    catch.messages.clear()
    row = {"file": str(path), "bucket": bucket, "variant": variant}
    try:
        article = read_article(path, 5_000_000)
    except ArticleError as error:
        message = str(error)
        row.update(result="error", message=message, named=path.name in message)
        return row
    except Exception as error:  # a crash is a result to count
        row.update(result="crash", message=f"{type(error).__name__}: {error}")
        return row
    row["encoding"] = article.encoding
    if is_html:
        got = flat(article.page_text)
        ok = all(flat(p) in got for p in paragraphs(expected))
        wrong = "" if ok else got[:300]
    else:
        ok = article.text == expected
        wrong = "" if ok else article.text[:300]
    warned = bool(catch.messages)
    row.update(
        result="ok" if ok else ("warned" if warned else "silent"),
        sample=wrong,
        warnings=list(catch.messages),
        mojibake=bool(MOJIBAKE.search(article.page_text if is_html else article.text))
        and not MOJIBAKE.search(expected),
    )
    return row


def table(rows: list[dict]) -> None:
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    variants: list[str] = []
    for row in rows:
        counts[row["variant"], row["bucket"]][row["result"]] += 1
        if row["variant"] not in variants:
            variants.append(row["variant"])
    buckets = ["short", "wmt_doc", "page"]
    print(f"{'variant':36} " + " ".join(f"{b:>22}" for b in buckets))
    for variant in variants:
        cells = []
        for bucket in buckets:
            c = counts[variant, bucket]
            total = sum(c.values())
            bad = " ".join(f"{k[0]}{v}" for k, v in sorted(c.items()) if k != "ok")
            cells.append(f"{c['ok']}/{total} {bad}".rjust(22))
        print(f"{variant:36} " + " ".join(cells))
    print("(o=ok; s=silent misdecoding; w=wrong with a warning; e=ArticleError; c=crash)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--offset", type=int, default=0, help="first page (every 9th)")
    parser.add_argument("--out", type=Path, help="write each file's result as JSON")
    parser.add_argument("--time", action="store_true", help="time reading the 588 pages")
    args = parser.parse_args()
    require_paths(EVAL / "clean" / "pages")
    if not args.time:
        mt = EVAL / "mt"
        require_paths(mt / "newstest2019-dev.de", mt / "newstest2021-docs-dev.jsonl")
    with tempfile.TemporaryDirectory() as folder:
        if args.time:
            timing(Path(folder))
            return
        rows = round_trips(args.offset, Path(folder))
    table(rows)
    if args.out:  # a folder not there yet is made, as checks.py makes its report's
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main()
