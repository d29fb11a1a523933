"""Cleaner quality on hand-labelled plain-text copies of news pages.

    python benchmarks/cleaning.py

For every labelled file (tests/data/seed_labels.json: the five seeds, copied from news sites as
text) it reports the share of article lines kept and of boilerplate lines dropped, and the same
per rule left switched off (how much each rule contributes). Lines holding both (an app promo
glued to a subheading) are left out of both counts. The rules were written while reading the
seeds, so those numbers are not held out. The held-out check: the 30 WMT21 articles of
../shared/eval/mt (pure article text, headline first, sub-headings on their own lines) go through
the cleaner, and every segment it drops is a false drop.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from summarize.clean import RULE_NAMES, CleanOptions, clean_text, normalize_line  # noqa: E402

LABELS = REPO / "tests" / "data" / "seed_labels.json"


def measure(options: CleanOptions) -> tuple[float, float, int, int]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    article_kept = article_total = boilerplate_dropped = boilerplate_total = 0
    for name, boilerplate in labels["boilerplate_lines"].items():
        mixed = set(labels["mixed_lines"].get(name, []))
        text = (REPO / "seeds" / name).read_text(encoding="utf-8")
        cleaned = clean_text(text, options)
        kept = [cleaned.title or "", *cleaned.paragraphs]
        for number, raw in enumerate(text.splitlines(), start=1):
            line = normalize_line(raw)
            if not line or number in mixed:
                continue
            survived = any(line[:40] in paragraph for paragraph in kept)
            if number in boilerplate:
                boilerplate_total += 1
                boilerplate_dropped += line not in cleaned.paragraphs
            else:
                article_total += 1
                article_kept += survived
    return (
        article_kept / article_total,
        boilerplate_dropped / boilerplate_total,
        article_total,
        boilerplate_total,
    )


def held_out_kept(data: Path) -> tuple[float, int, list[tuple[str, str]]]:
    """Share of WMT21 article segments that survive cleaning, and the ones that did not."""
    total = kept = 0
    lost: list[tuple[str, str]] = []
    with (data / "newstest2021-docs-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            segments = json.loads(line)["de"]
            cleaned = clean_text("\n\n".join(segments))
            survived = "\n".join([cleaned.title or "", *cleaned.paragraphs])
            for segment in segments:
                total += 1
                if normalize_line(segment) in survived:
                    kept += 1
                else:
                    rules = [d.rule for d in cleaned.dropped if normalize_line(segment) in d.text]
                    lost.append((rules[0] if rules else "?", segment))
    return kept / total, total, lost


def main() -> None:
    kept, dropped, articles, boilerplate = measure(CleanOptions())
    print(f"labelled lines: {articles} article, {boilerplate} boilerplate ({LABELS.name})\n")
    print("| cleaner | article lines kept | boilerplate lines dropped |")
    print("|---|---|---|")
    print(f"| all rules | {kept:.1%} | {dropped:.1%} |")
    no_kept, no_dropped, _, _ = measure(CleanOptions(enabled=False))
    print(f"| no cleaning | {no_kept:.1%} | {no_dropped:.1%} |")
    for rule in RULE_NAMES:
        rule_kept, rule_dropped, _, _ = measure(CleanOptions(disabled=frozenset({rule})))
        print(f"| without `{rule}` | {rule_kept:.1%} | {rule_dropped:.1%} |")
    data = REPO.parent / "shared" / "eval" / "mt"
    if data.is_dir():
        share, total, lost = held_out_kept(data)
        print(f"\nheld out, WMT21 articles (no boilerplate): {share:.1%} of {total} segments kept")
        for rule, segment in lost:
            print(f"  dropped by {rule}: {segment}")


if __name__ == "__main__":
    main()
