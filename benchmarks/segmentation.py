"""German sentence segmentation: boundary precision / recall / F1 and speed per candidate.

    python benchmarks/segmentation.py [--data ../shared/eval/mt]

Two workloads from ../shared/eval/mt:
- whole articles: the 30 WMT21 documents (newstest2021-docs-dev.jsonl). A segment that does not
  end with a sentence mark (closing quotes after it or not: '… spricht von "Feigenblatt"' has
  none) is a heading and stays on its own line; the others are joined by spaces.
- running sentences: newstest2019-dev.de, 1000 sentences in runs of 20, joined the same way
  (headlines without closing punctuation on their own line, the rest by spaces).
Every candidate splits lines first (as the pipeline does), then sentences inside each line.
A boundary is the position (in non-space characters) where a gold segment ends.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prerequisites import require_paths  # noqa: E402  (benchmarks/prerequisites.py)

_CLOSING = re.compile(r"[.!?…:;][\"“”»«’)']*\s*$")
Splitter = Callable[[str], list[str]]


def load_articles(data: Path) -> list[list[str]]:
    with (data / "newstest2021-docs-dev.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line)["de"] for line in handle if line.strip()]


def load_running(data: Path, run: int = 20) -> list[list[str]]:
    sentences = (data / "newstest2019-dev.de").read_text(encoding="utf-8").splitlines()
    return [sentences[i : i + run] for i in range(0, len(sentences), run)]


def join_article(segments: list[str]) -> str:
    lines: list[str] = []
    current: list[str] = []
    for segment in segments:
        if _CLOSING.search(segment):
            current.append(segment)
            continue
        if current:
            lines.append(" ".join(current))
            current = []
        lines.append(segment)  # a heading stays on its own line
    if current:
        lines.append(" ".join(current))
    return "\n".join(lines)


def boundaries(segments: list[str]) -> set[int]:
    positions, total = set(), 0
    for segment in segments:
        total += len("".join(segment.split()))
        positions.add(total)
    positions.discard(total)  # the end of the text is not a decision
    return positions


def split_text(splitter: Splitter, text: str) -> list[str]:
    return [sentence for line in text.split("\n") if line.strip() for sentence in splitter(line)]


def candidates() -> dict[str, Splitter]:
    import pysbd

    from summarize.segment import split_sentences

    segmenter = pysbd.Segmenter(language="de", clean=False)
    found: dict[str, Splitter] = {
        "pysbd 0.3 (de)": lambda text: [s for s in segmenter.segment(text) if s.strip()],
        "summarize (pysbd + German rules)": split_sentences,
    }
    try:
        import syntok.segmenter
    except ImportError:
        print("(syntok not installed: pip install -e '.[bench]' to compare it too)\n")
        return found

    def syntok_split(text: str) -> list[str]:
        return [
            "".join(token.spacing + token.value for token in sentence).strip()
            for paragraph in syntok.segmenter.analyze(text)
            for sentence in paragraph
        ]

    return {**found, "syntok": syntok_split}


def score(splitter: Splitter, documents: list[list[str]], join: Callable) -> dict[str, float]:
    true_positive = predicted = gold = 0
    characters = 0
    start = time.perf_counter()
    for segments in documents:
        text = join(segments)
        characters += len(text)
        found = boundaries(split_text(splitter, text))
        expected = boundaries(segments)
        true_positive += len(found & expected)
        predicted += len(found)
        gold += len(expected)
    elapsed = time.perf_counter() - start
    precision = true_positive / predicted if predicted else 0.0
    recall = true_positive / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    sentences = sum(len(segments) for segments in documents)
    return {"precision": precision, "recall": recall, "f1": f1, "sent_per_s": sentences / elapsed}


def paragraphs_read_otherwise(data: Path) -> tuple[int, int]:
    """(paragraphs, those whose sentences joined by a space do not give the paragraph word for
    word): the WMT21 documents and WMT19 sentences, the cleaning pages' lines
    (``data/../clean/pages`` when there) and the seeds. Each one is text lost or moved."""
    from summarize.segment import split_sentences

    texts = [
        line for document in load_articles(data) for line in join_article(document).split("\n")
    ]
    texts += (data / "newstest2019-dev.de").read_text(encoding="utf-8").splitlines()
    for path in [
        *sorted((data.parent / "clean" / "pages").glob("*.txt")),
        *REPO.glob("seeds/*.txt"),
    ]:
        texts += path.read_text(encoding="utf-8").splitlines()
    texts = [text for text in texts if text.strip()]
    changed = sum(" ".join(split_sentences(text)).split() != text.split() for text in texts)
    return len(texts), changed


# An ordinal inside a sentence ("die 2. Bundesliga"), not a decimal's or a time's last digits.
_ORDINAL = re.compile(r"(?<![\w.,:/])\d{1,3}\. \w")


def sentences_in_pieces_when_wrapped(data: Path) -> tuple[int, int, int, int]:
    """(sentences, those not inside one block, sentences with an ordinal, those of them not
    inside one block) when the WMT documents, in paragraphs of three sentences, are hard-wrapped
    at widths 40 to 100 (steps of 3) and split into blocks as the cleaner splits a page: a
    sentence in two blocks reaches the translator in pieces."""
    import textwrap

    from summarize.clean.blocks import split_blocks

    documents = load_articles(data) + load_running(data, run=25)
    sentences = in_pieces = with_ordinal = ordinal_in_pieces = 0
    for width in range(40, 101, 3):
        for document in documents:
            paragraphs = [" ".join(document[i : i + 3]) for i in range(0, len(document), 3)]
            page = "\n\n".join(
                textwrap.fill(paragraph, width, break_on_hyphens=False) for paragraph in paragraphs
            )
            blocks = [block.text for block in split_blocks(page)]
            for sentence in document:
                whole = any(sentence in block for block in blocks)
                sentences += 1
                in_pieces += not whole
                if _ORDINAL.search(sentence):
                    with_ordinal += 1
                    ordinal_in_pieces += not whole
    return sentences, in_pieces, with_ordinal, ordinal_in_pieces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "eval" / "mt")
    args = parser.parse_args()
    require_paths(args.data / "newstest2021-docs-dev.jsonl", args.data / "newstest2019-dev.de")
    workloads = {
        "whole articles (WMT21, 30 docs)": (load_articles(args.data), join_article),
        "running sentences (WMT19, 1000)": (load_running(args.data), join_article),
    }
    print("| candidate | workload | precision | recall | F1 | sentences/s |")
    print("|---|---|---|---|---|---|")
    for name, splitter in candidates().items():
        for workload, (documents, join) in workloads.items():
            result = score(splitter, documents, join)
            print(
                f"| {name} | {workload} | {result['precision']:.4f} | {result['recall']:.4f} "
                f"| {result['f1']:.4f} | {result['sent_per_s']:,.0f} |"
            )
    total, changed = paragraphs_read_otherwise(args.data)
    print(
        f"\nsummarize: of {total:,} paragraphs, {changed:,} read otherwise when their sentences "
        "are joined by a space (text lost or moved)"
    )
    sentences, in_pieces, with_ordinal, ordinal_in_pieces = sentences_in_pieces_when_wrapped(
        args.data
    )
    print(
        f"hard-wrapped at 40-100: of {sentences:,} sentences {in_pieces:,} reach the translator "
        f"in pieces; of the {with_ordinal:,} with an ordinal, {ordinal_in_pieces:,}"
    )


if __name__ == "__main__":
    main()
