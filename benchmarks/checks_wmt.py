"""Fact checks on WMT German-English news (not the CNN/DM set they were tuned on).

    python benchmarks/checks_wmt.py [--seed 7] [--out F]

The checks were developed on CNN/DailyMail (benchmarks/checks.py); this reads them on WMT news
(../shared/eval/mt), where the German source is the article, as in this tool's own use.

False alarms (every fact is in the sources, so every flag is a false alarm):
  S1  2019 sentence pairs: English reference vs its own English + German sentence (self check)
  S2  2019 sentence pairs: English reference vs the German sentence only (cross-lingual)
  D1  2021 docs: each refA sentence vs the refA document + German document (self check)
  D2  2021 docs: each refA sentence vs the refB document + German document
  D3  2021 docs: refA paragraphs of 3 sentences vs refB + German (as a summary reads)
  D4  2021 docs: each refA sentence vs German document only (cross-lingual)
  D5  2021 docs: each refB sentence vs German document only (cross-lingual, the other translator)
  D6  2021 docs: each refB sentence vs the refA document + German document
Misses: plants (number, name, date, quote) into refA sentences, checked against refB + German
  (2021) and into 2019 English sentences checked against the German sentence only.
Translation warnings on numbers, each human translation read as a translator's output of its
German sentence: "numbers" (a figure the English states and the German does not) and
"missing_numbers" (a figure or weekday of the German the English does not state), both false
alarms but where the translator erred; and, planted, each English mention of a German figure
deleted in turn, which "missing_numbers" must catch. And "negation" (the German negates, the
English says no negation): false alarms on the human translations, and, planted, the one
negation of an English sentence whose German negates deleted ("did not go" as "did go", "won't"
as "will"), which it must catch; and each negation in turn of an English sentence with two or
more whose German negates as often, one deleted while the others stay. And units of time
swapped (day→week, week→month, month→year, year→month, hour→day, minute→hour) in English
sentences that state one with a count ("a day", "five-year", "48-year-old", "three days"), the
first in each: the number checks against the German sentence must flag the swapped sentence
(counted where the sentence as translated had no such flag).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import checks as bench  # noqa: E402  (benchmarks/checks.py: its planters)
from prerequisites import require_paths  # noqa: E402

from summarize.checks import unsupported_facts  # noqa: E402
from summarize.checks.quantities import find_quantities, is_supported  # noqa: E402
from summarize.checks.translation_warnings import (  # noqa: E402
    german_negations,
    negation_warning,
    numbers_not_in_english,
    numbers_not_in_german,
    translation_warnings,
)

MT = REPO.parent / "shared" / "eval" / "mt"
RESULTS = REPO / "benchmarks" / ".results"


def load() -> tuple[list[tuple[str, str]], list[dict]]:
    de = (MT / "newstest2019-dev.de").read_text(encoding="utf-8").splitlines()
    en = (MT / "newstest2019-dev.en").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in (MT / "newstest2021-docs-dev.jsonl").open()]
    return list(zip(en, de, strict=True)), docs


def alarms(name: str, cases: list[tuple[str, str, str, str]], out: list[str]) -> str:
    """cases: (id, summary, source_en, source_de)."""
    n = flagged = 0
    kinds: Counter[str] = Counter()
    flags_by_kind: Counter[str] = Counter()
    lines = [f"## {name}\n"]
    for cid, summary, en, de in cases:
        n += 1
        flags = unsupported_facts(summary, en, de)
        flagged += bool(flags)
        for kind in {f.kind for f in flags}:
            kinds[kind] += 1
        for f in flags:
            flags_by_kind[f.kind] += 1
            lines.append(f"- {cid} {f.kind}: `{f.text}` | {summary[:160]}")
    row = f"| {name} | {n} | {flagged / n:.1%} ({flagged}) | " + " | ".join(
        f"{kinds[k] / n:.1%} ({kinds[k]})" for k in ("number", "name", "quote")
    )
    out.extend([*lines, ""])
    return row + " |"


def misses(
    name: str,
    cases: list[tuple[str, str, str, str]],
    pool: list[tuple[str, str]],
    common: set[str],
    vocabulary: list[str],
    seed: int,
    out: list[str],
) -> str:
    """Plants into summaries; cases: (id, summary, source_en, source_de)."""
    rng = random.Random(seed)
    caught: dict[str, list[int]] = {k: [0, 0] for k in bench.KINDS}
    lines = [f"## misses {name}\n"]
    for cid, summary, en, de in cases:
        pair = bench.Pair(cid, f"{en}\n{de}", summary)
        others = [p for p in pool if p[0] != cid.split("#")[0]]
        names = [n for _, n in others]
        for kind in bench.KINDS:
            if kind == "number":
                plant = bench.plant_number(pair, rng)
            elif kind == "name":
                plant = bench.plant_name(pair, names, common, rng)
            elif kind == "date":
                plant = bench.plant_date(pair, rng)
            else:
                plant = bench.plant_quote(pair, vocabulary, rng)
            if plant is None or plant.before == plant.after:
                # the planter reads only English and digits: against a German-only source it
                # may "change" a weekday to itself, which is no error
                continue
            flags = unsupported_facts(plant.summary, en, de)
            hit = any(bench.hits(plant, f) for f in flags)
            caught[kind][0] += hit
            caught[kind][1] += 1
            if not hit:
                lines.append(
                    f"- {cid} {kind} `{plant.before}` -> `{plant.after}` | {plant.summary[:200]}"
                )
    out.extend([*lines, ""])
    return (
        f"| {name} | "
        + " | ".join(f"{h / max(t, 1):.1%} ({h}/{t})" for h, t in caught.values())
        + " |"
    )


def number_warnings(name: str, pairs: list[tuple[str, str, str]], out: list[str]) -> str:
    """pairs: (id, German sentence, its English). Sentences with each number warning, and the
    English mentions of German figures deleted one at a time that ``missing_numbers`` names."""
    fired: Counter[str] = Counter()
    planted = caught = 0
    lines = [f"## number warnings: {name}\n"]
    for cid, de, en in pairs:
        for warning in translation_warnings(de, en):
            if warning.kind in ("numbers", "missing_numbers"):
                fired[warning.kind] += 1
                lines.append(f"- {cid} {warning.kind}: {warning.detail} | {de} | {en}")
        german = [q for q in find_quantities(de, "de") if any(c.isdigit() for c in q.text)]
        for mention in find_quantities(en, "en"):
            backs = [q for q in german if is_supported(q, [mention])]
            if not backs or not any(c.isdigit() for c in mention.text):
                continue
            planted += 1
            without = en[: mention.start] + en[mention.end :]
            lost = {q.text for q in numbers_not_in_english(de, without)}
            caught += any(q.text in lost for q in backs)
            if not any(q.text in lost for q in backs):
                lines.append(f"- {cid} missed deleting {mention.text!r}: {de} | {without}")
    out.extend(lines)
    n = len(pairs)
    return (
        f"| {name} | {n} | {fired['numbers'] / n:.1%} ({fired['numbers']}) | "
        f"{fired['missing_numbers'] / n:.1%} ({fired['missing_numbers']}) | "
        f"{caught / max(planted, 1):.1%} ({caught}/{planted}) |"
    )


# One English negation, to delete: "not", "never", "no", "n't" (with the verb made whole).
_ONE_NEGATION = re.compile(r"\s*\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)
_SHORT_VERBS = {"ca": "can", "wo": "will", "sha": "shall"}


def _without(english: str, cut: re.Match[str]) -> str:
    """``english`` with the negation ``cut`` deleted ("won't" made "will")."""
    without = english[: cut.start()] + english[cut.end() :]
    if cut.group(0).lower() in ("n't", "n’t"):
        head, _, tail = english[: cut.start()].rpartition(" ")
        verb = _SHORT_VERBS.get(tail.lower(), tail)
        without = f"{head} {verb}".lstrip() + english[cut.end() :]
    return without


def negation_warnings(name: str, pairs: list[tuple[str, str, str]], out: list[str]) -> str:
    """pairs: (id, German sentence, its English). Sentences the "negation" warning fires on
    (false alarms); English sentences with one negation whose German negates, the negation
    deleted, that it catches; and English sentences with two or more whose German negates as
    often, one deleted in turn, that it catches."""
    fired = planted = caught = planted_of_two = caught_of_two = 0
    lines = [f"## negation warnings: {name}\n"]
    for cid, de, en in pairs:
        if negation_warning(de, en) is not None:
            fired += 1
            lines.append(f"- {cid} negation: {de} | {en}")
        found = list(_ONE_NEGATION.finditer(en))
        if negation_warning(de, "") is None or not found:
            continue
        if len(found) == 1:
            planted += 1
            without = _without(en, found[0])
            if negation_warning(de, without) is not None:
                caught += 1
            else:
                lines.append(f"- {cid} missed deleting {found[0].group(0)!r}: {de} | {without}")
            continue
        if len(german_negations(de)) < len(found):
            continue  # an English negation the German does not say apart
        for cut in found:
            planted_of_two += 1
            without = _without(en, cut)
            if negation_warning(de, without) is not None:
                caught_of_two += 1
            else:
                lines.append(f"- {cid} missed deleting one {cut.group(0)!r}: {de} | {without}")
    out.extend(lines)
    n = len(pairs)
    return (
        f"| {name} | {n} | {fired / n:.1%} ({fired}) | "
        f"{caught / max(planted, 1):.1%} ({caught}/{planted}) | "
        f"{caught_of_two / max(planted_of_two, 1):.1%} ({caught_of_two}/{planted_of_two}) |"
    )


_SWAPPED_UNIT = {"day": "week", "week": "month", "month": "year", "year": "month",
                 "hour": "day", "minute": "hour"}  # fmt: skip
_COUNT = (
    r"\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|sixty|hundred"
)
_TIME_UNIT = r"(?P<unit>day|week|month|year|hour|minute)s?(?!\w)"
# How an English sentence states a count of a unit of time, the first form that matches.
_UNIT_FORMS = {
    "a/one/per": re.compile(rf"\b(?:an?|one|per)\s+{_TIME_UNIT}", re.IGNORECASE),
    "compound": re.compile(rf"\b(?:{_COUNT})-{_TIME_UNIT}", re.IGNORECASE),
    "count": re.compile(rf"\b(?:{_COUNT})\s+{_TIME_UNIT}", re.IGNORECASE),
}


def unit_swaps(pairs: list[tuple[str, str, str]], out: list[str]) -> str:
    """pairs: (id, German sentence, its English). Per form, the swaps of a unit of time that
    the number checks against the German catch, of the sentences they did not flag as they
    stand."""

    def flagged(german: str, english: str) -> bool:
        return bool(numbers_not_in_german(german, english)) or any(
            flag.kind == "number" for flag in unsupported_facts(english, "", german)
        )

    caught: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    lines = ["## units of time swapped\n"]
    for cid, de, en in pairs:
        for form, pattern in _UNIT_FORMS.items():
            if (match := pattern.search(en)) is None:
                continue
            if flagged(de, en):
                break  # no clean sentence to plant into
            unit = match.group("unit")
            new = _SWAPPED_UNIT[unit.lower()]
            new = new.capitalize() if unit[0].isupper() else new
            swapped = en[: match.start("unit")] + new + en[match.end("unit") :]
            tried[form] += 1
            if flagged(de, swapped):
                caught[form] += 1
            else:
                lines.append(f"- {cid} {form} missed {unit!r}→{new!r}: {de} | {swapped}")
            break
    out.extend(lines)
    cells = [f"{caught[form]}/{tried[form]}" for form in _UNIT_FORMS]
    return f"| {len(pairs)} | {' | '.join(cells)} | {sum(caught.values())}/{sum(tried.values())} |"


Case = tuple[str, str, str, str]  # (id, summary, source_en, source_de)
S2 = "S2 2019 sentence vs de only"
D2 = "D2 2021 refA sent vs refB+de"


def false_alarm_sets(sentences: list[tuple[str, str]], docs: list[dict]) -> dict[str, list[Case]]:
    """The rows of the false-alarm table, by name, in the order printed."""
    s1 = [(f"s{i}", en, en, de) for i, (en, de) in enumerate(sentences)]
    s2 = [(f"s{i}", en, "", de) for i, (en, de) in enumerate(sentences)]
    d1: list[Case] = []
    d2: list[Case] = []
    d3: list[Case] = []
    d4: list[Case] = []
    d5: list[Case] = []
    d6: list[Case] = []
    for doc in docs:
        a, b, de = " ".join(doc["en_refA"]), " ".join(doc["en_refB"]), " ".join(doc["de"])
        for i, sentence in enumerate(doc["en_refA"]):
            d1.append((f"{doc['docid']}#{i}", sentence, a, de))
            d2.append((f"{doc['docid']}#{i}", sentence, b, de))
            d4.append((f"{doc['docid']}#{i}", sentence, "", de))
        # The second translator's English as the text checked: its renderings ("Division 2" for
        # "Zweitliga", "the Lions" for "Löwen") differ from refA's and would go unmeasured.
        for i, sentence in enumerate(doc["en_refB"]):
            d5.append((f"{doc['docid']}#B{i}", sentence, "", de))
            d6.append((f"{doc['docid']}#B{i}", sentence, a, de))
        for i in range(0, len(doc["en_refA"]), 3):
            d3.append((f"{doc['docid']}#p{i}", " ".join(doc["en_refA"][i : i + 3]), b, de))
    return {
        "S1 2019 sentence vs own en+de": s1,
        S2: s2,
        "D1 2021 refA sent vs refA+de": d1,
        D2: d2,
        "D3 2021 refA 3-sent para vs refB+de": d3,
        "D4 2021 refA sent vs de only": d4,
        "D5 2021 refB sent vs de only": d5,
        "D6 2021 refB sent vs refA+de": d6,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS / "checks-wmt-flags.md")
    args = parser.parse_args()
    require_paths(*(MT / name for name in ("newstest2019-dev.de", "newstest2019-dev.en",
                                           "newstest2021-docs-dev.jsonl")))  # fmt: skip
    sentences, docs = load()
    out: list[str] = []
    sets = false_alarm_sets(sentences, docs)
    print("| set | cases | any flag | number | name | quote |")
    print("|---|---|---|---|---|---|")
    for name, cases in sets.items():
        print(alarms(name, cases, out), flush=True)

    # Misses. Name pool: names of other documents (their own reading), as the CNN/DM benchmark.
    articles = [" ".join(d["en_refA"]) for d in docs]
    common = bench.lowercase_words(articles + [en for en, _ in sentences])
    vocabulary = sorted(common)
    pool21 = [
        (d["docid"], n)
        for d in docs
        for n in sorted({n for _, _, n in bench.names_in(" ".join(d["en_refB"]), common)})
    ]
    pool19 = [
        (f"s{i}", n)
        for i, (en, _) in enumerate(sentences)
        for n in sorted({n for _, _, n in bench.names_in(en, common)})
    ]
    print("\n| plants into | numbers | names | dates | quotes |")
    print("|---|---|---|---|---|")
    print(misses("2021 refA sent vs refB+de", sets[D2], pool21, common, vocabulary, args.seed, out))
    print(misses("2019 en sent vs de only", sets[S2], pool19, common, vocabulary, args.seed, out))
    print("\n| translations | sentences | numbers | missing_numbers | deleted figures caught |")
    print("|---|---|---|---|---|")
    print(number_warnings("2019", [(f"s{i}", de, en) for i, (en, de) in enumerate(sentences)], out))
    for ref in ("en_refA", "en_refB"):
        pairs = [
            (f"{doc['docid']}#{i}", de, en)
            for doc in docs
            for i, (de, en) in enumerate(zip(doc["de"], doc[ref], strict=True))
        ]
        print(number_warnings(f"2021 {ref}", pairs, out))
    print(
        "\n| translations | sentences | negation | deleted negations caught "
        "| one of several deleted caught |"
    )
    print("|---|---|---|---|---|")
    print(
        negation_warnings("2019", [(f"s{i}", de, en) for i, (en, de) in enumerate(sentences)], out)
    )
    for ref in ("en_refA", "en_refB"):
        pairs = [
            (f"{doc['docid']}#{i}", de, en)
            for doc in docs
            for i, (de, en) in enumerate(zip(doc["de"], doc[ref], strict=True))
        ]
        print(negation_warnings(f"2021 {ref}", pairs, out))
    every = [(f"s{i}", de, en) for i, (en, de) in enumerate(sentences)] + [
        (f"{doc['docid']}#{ref[-1]}{i}", de, en)
        for ref in ("en_refA", "en_refB")
        for doc in docs
        for i, (de, en) in enumerate(zip(doc["de"], doc[ref], strict=True))
    ]
    print("\n| units of time swapped, 2019 + 2021 refA/refB | a/one/per | compound | count | all |")
    print("|---|---|---|---|---|")
    print(unit_swaps(every, out))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(out), encoding="utf-8")
    print(f"\nevery flag and miss: {args.out}")


if __name__ == "__main__":
    main()
