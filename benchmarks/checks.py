"""Faithfulness checks: false alarms on real summaries, planted errors caught, flag precision.

    python benchmarks/checks.py [--data ../shared/eval/summ/cnndm-dev.jsonl] [--seed 13]

On human-written CNN/DailyMail highlights and their own articles (the article is passed as the
English source, the German source left empty):
(a) the references as they are: share of summaries with at least one flag; every flag is written
    to benchmarks/.results/checks-flags.md with the pair id so it can be read;
(b) planted errors, one per summary and kind, made with a fixed seed by this file's own reading
    (not the checker's): a number changed to one the article never states, a name swapped for a
    name from another article, a date (weekday, month, year) changed to one the article never
    states, a quotation altered by one word (the reference's own quotation, or one of the
    article's added to the summary when the reference quotes nothing). A plant is caught when a
    flag covers the changed span;
(c) precision: of all flags raised on the planted summaries, the share that point at the plant;
(d) the same (a) and (c) per source (CNN, Daily Mail), to see how far a change carries over;
(e) false alarms across translations, closer to this tool's own use: each sentence of one
    professional translation of a German article (WMT21 newstest, reference A) checked against
    the other translation (reference B) and the German text. Every number, date and name is in
    the German text, so a flag on one is a false alarm; quotations are counted apart, since two
    translators word a quotation differently. Numbers and dates are planted in these sentences as
    in (b) and must still be caught.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prerequisites import require_modules, require_paths  # noqa: E402

from summarize.checks import Flag, quantities, unsupported_facts, words  # noqa: E402

RESULTS = REPO / "benchmarks" / ".results"
KINDS = ("number", "name", "date", "quote")
Checker = Callable[[str, str], list[Flag]]

_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_NUMBER_WORD_VALUES = dict(
    zip(_NUMBER_WORDS, [*range(2, 21), 30, 40, 50, 60, 70, 80, 90], strict=True)
)
_DIGITS = re.compile(r"(?<![\w.,£$€-])\d{1,3}(?:,\d{3})+(?![\d,]*\d)|(?<![\w.,£$€-])\d+(?![\w])")
_WORD = re.compile(r"[A-Za-z][a-z]+")
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)?(?:\s+[A-Z][a-z]+(?:['’-][A-Za-z]+)?)*")
_QUOTED = re.compile(
    r"(?:(?<=\s)|^)(?:`|'|‘|\"|“)\s?([A-Za-z][^`'‘’\"“”]{8,160}?[a-z,.!?])\s?(?:'|’|\"|”)(?=[\s,.;:]|$)"
)


@dataclass(frozen=True)
class Pair:
    id: str
    article: str
    summary: str


@dataclass(frozen=True)
class Plant:
    kind: str
    summary: str
    span: tuple[int, int]  # where the changed text stands in ``summary``
    before: str
    after: str


def load_pairs(path: Path) -> list[Pair]:
    """The pairs of a JSON Lines file in cnndm-dev.jsonl's form; a line that is not (another
    file given as --data) stops the benchmark with one line naming it, not a traceback."""
    form = (
        '--data needs JSON lines with "id", "article" and "reference_detok", as cnndm-dev.jsonl has'
    )
    if path.is_dir():  # the set's folder given for its file: an IsADirectoryError traceback
        sys.exit(f"{path} is a folder; {form}")
    pairs = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                pairs.append(Pair(row["id"], row["article"], row["reference_detok"]))
            except (ValueError, KeyError, TypeError) as error:  # not JSON, or a field missing
                what = f"no {error} field" if isinstance(error, KeyError) else "not a JSON object"
                sys.exit(f"{path}:{number}: {what}; {form}")
    if not pairs:  # every share below is over the pairs: a ZeroDivisionError traceback
        sys.exit(f"{path} holds no pairs; {form}")
    return pairs


def _replace(text: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return text[:start] + new + text[end:], (start, start + len(new))


def _states_number(article: str, value: int) -> bool:
    forms = {str(value), f"{value:,}"}
    forms |= {word for word, number in _NUMBER_WORD_VALUES.items() if number == value}
    return any(
        re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d]|,\d)", article, re.I) for form in forms
    )


def plant_number(pair: Pair, rng: random.Random) -> Plant | None:
    spots = []
    for match in _DIGITS.finditer(pair.summary):
        value = int(match.group(0).replace(",", ""))
        if 1900 <= value <= 2100 and "," not in match.group(0):
            continue  # a year: planted as a date
        spots.append((match.start(), match.end(), value, "digits"))
    for match in re.finditer(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", pair.summary, re.I):
        spots.append(
            (match.start(), match.end(), _NUMBER_WORD_VALUES[match.group(1).lower()], "word")
        )
    rng.shuffle(spots)
    for start, end, value, form in spots:
        if form == "word":
            options = [w for w, v in _NUMBER_WORD_VALUES.items() if v != value]
            rng.shuffle(options)
            for word in options:
                if not _states_number(pair.article, _NUMBER_WORD_VALUES[word]):
                    if pair.summary[start].isupper():
                        word = word.capitalize()
                    summary, span = _replace(pair.summary, start, end, word)
                    return Plant("number", summary, span, pair.summary[start:end], word)
            continue
        options = [value + step for step in (1, 2, 3, 5, 7, 10, -1, -2, -3)] + [
            value * 2,
            value * 3,
        ]
        rng.shuffle(options)
        for new in options:
            if new > 0 and not _states_number(pair.article, new):
                text = f"{new:,}" if "," in pair.summary[start:end] or new >= 10000 else str(new)
                summary, span = _replace(pair.summary, start, end, text)
                return Plant("number", summary, span, pair.summary[start:end], text)
    return None


def lowercase_words(articles: Sequence[str]) -> set[str]:
    """Words written in lower case somewhere in the articles: such a word is not a name."""
    return {word for article in articles for word in re.findall(r"\b[a-z][a-z'-]+\b", article)}


def names_in(text: str, common: set[str]) -> list[tuple[int, int, str]]:
    """Runs of capitalised words none of which is ever written in lower case in the articles."""
    found = []
    for match in _CAPITALISED.finditer(text):
        words = match.group(0).split()
        offset = match.start()
        # Trim words that are ordinary words, months or weekdays (they are not names).
        run: list[tuple[int, str]] = []
        position = offset
        for word in words:
            at = text.index(word, position)
            position = at + len(word)
            bare = re.sub(r"['’]s$", "", word)
            if bare.lower() in common or bare in _WEEKDAYS or bare in _MONTHS or len(bare) < 3:
                if run:
                    found.append(_span(text, run))
                run = []
            else:
                run.append((at, bare))
        if run:
            found.append(_span(text, run))
    return found


def _span(text: str, run: list[tuple[int, str]]) -> tuple[int, int, str]:
    start, end = run[0][0], run[-1][0] + len(run[-1][1])
    return start, end, text[start:end]


def plant_name(pair: Pair, pool: list[str], common: set[str], rng: random.Random) -> Plant | None:
    article_words = {word.lower() for word in re.findall(r"[A-Za-z]+", pair.article)}
    spots = [spot for spot in names_in(pair.summary, common) if spot[2] in pair.article]
    rng.shuffle(spots)
    for start, end, name in spots:
        size = len(name.split())
        options = [
            other
            for other in pool
            if len(other.split()) == min(size, 2)
            and not any(part.lower() in article_words for part in re.findall(r"[A-Za-z]+", other))
        ]
        if options:
            new = rng.choice(options)
            summary, span = _replace(pair.summary, start, end, new)
            return Plant("name", summary, span, name, new)
    return None


def plant_date(pair: Pair, rng: random.Random) -> Plant | None:
    spots = []
    for names in (_WEEKDAYS, _MONTHS):
        for match in re.finditer(r"\b(" + "|".join(names) + r")\b", pair.summary):
            if match.group(0) == "May" and not re.match(r"\s+\d", pair.summary[match.end() :]):
                continue  # "May" the verb
            options = [name for name in names if not re.search(rf"\b{name}\b", pair.article)]
            spots.append((match.start(), match.end(), options))
    for match in re.finditer(r"(?<![\d,.])(19\d\d|20\d\d)(?![\d])", pair.summary):
        year = int(match.group(0))
        options = [
            str(year + step)
            for step in (-3, -2, -1, 1, 2, 3)
            if str(year + step) not in pair.article and year + step <= 2030
        ]
        spots.append((match.start(), match.end(), options))
    rng.shuffle(spots)
    for start, end, options in spots:
        if options:
            new = rng.choice(options)
            summary, span = _replace(pair.summary, start, end, new)
            return Plant("date", summary, span, pair.summary[start:end], new)
    return None


def plant_quote(pair: Pair, vocabulary: list[str], rng: random.Random) -> Plant | None:
    """Change one word of a quotation: the summary's own, or one of the article's added to it."""
    article_words = {word.lower() for word in re.findall(r"[A-Za-z]+", pair.article)}
    own = [m for m in _QUOTED.finditer(pair.summary) if len(m.group(1).split()) >= 3]
    summary, quote_start = pair.summary, None
    if own:
        chosen = rng.choice(own)
        quote_start, quote = chosen.start(1), chosen.group(1)
    else:
        quotes = [
            m.group(1) for m in _QUOTED.finditer(pair.article) if 4 <= len(m.group(1).split()) <= 30
        ]
        if not quotes:
            return None
        quote = rng.choice(quotes)
        summary = f"{pair.summary.rstrip()} One of them said: '{quote}'"
        quote_start = summary.rindex(quote)
    words = [m for m in _WORD.finditer(quote) if len(m.group(0)) >= 3]
    if not words:
        return None
    word = rng.choice(words)
    options = [w for w in vocabulary if w not in article_words]
    new = rng.choice(options)
    start, end = quote_start + word.start(), quote_start + word.end()
    summary, span = _replace(summary, start, end, new)
    return Plant("quote", summary, span, word.group(0), new)


def make_plants(pairs: Sequence[Pair], seed: int) -> list[tuple[Pair, Plant]]:
    rng = random.Random(seed)
    common = lowercase_words([pair.article for pair in pairs])
    names_by_pair = {
        pair.id: sorted({name for _, _, name in names_in(pair.article, common)}) for pair in pairs
    }
    vocabulary = sorted(common)
    plants = []
    for pair in pairs:
        pool = [
            name for other, names in names_by_pair.items() if other != pair.id for name in names
        ]
        for kind in KINDS:
            if kind == "number":
                plant = plant_number(pair, rng)
            elif kind == "name":
                plant = plant_name(pair, pool, common, rng)
            elif kind == "date":
                plant = plant_date(pair, rng)
            else:
                plant = plant_quote(pair, vocabulary, rng)
            if plant is not None:
                plants.append((pair, plant))
    return plants


def flag_spans(summary: str, flag: Flag) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(flag.text), summary)]


def hits(plant: Plant, flag: Flag) -> bool:
    start, end = plant.span
    return any(s < end and start < e for s, e in flag_spans(plant.summary, flag))


@dataclass(frozen=True)
class Scores:
    clean_flagged: float
    caught: dict[str, tuple[int, int]]
    precision: float
    clean_flags: list[tuple[Pair, list[Flag]]]
    missed: list[tuple[Pair, Plant, list[Flag]]]


def score(pairs: Sequence[Pair], plants: Sequence[tuple[Pair, Plant]], check: Checker) -> Scores:
    clean = [(pair, check(pair.summary, pair.article)) for pair in pairs]
    flagged = sum(bool(flags) for _, flags in clean)
    caught: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    true_flags = all_flags = 0
    missed = []
    for pair, plant in plants:
        flags = check(plant.summary, pair.article)
        hit = [flag for flag in flags if hits(plant, flag)]
        caught[plant.kind][1] += 1
        caught[plant.kind][0] += bool(hit)
        true_flags += len(hit)
        all_flags += len(flags)
        if not hit:
            missed.append((pair, plant, flags))
    return Scores(
        flagged / len(pairs),
        {kind: (caught[kind][0], caught[kind][1]) for kind in KINDS},
        true_flags / all_flags if all_flags else 1.0,
        clean,
        missed,
    )


def checker(summary: str, article: str) -> list[Flag]:
    return unsupported_facts(summary, article, None)


def verbatim_in_article(pair: Pair, flag: Flag) -> bool:
    """A flag whose exact text the article contains is a false alarm for certain."""
    pattern = rf"(?<![\w.,]){re.escape(flag.text)}(?!\w|[.,]\d)"
    return re.search(pattern, pair.article, re.I) is not None


@contextmanager
def variant(name: str) -> Iterator[None]:
    """The checker with one library swapped out (ablation); "lemminflect" is the shipped one."""
    saved_common, saved_words = words.is_common_word, quantities._number_words
    if name.startswith("wordfreq"):
        from wordfreq import zipf_frequency

        threshold = float(name.split(">=")[1])

        def by_frequency(word: str) -> bool:
            folded = words.fold(word)
            return words.is_function_word(folded) or zipf_frequency(folded, "en") >= threshold

        words.is_common_word = by_frequency  # type: ignore[assignment]
    elif name == "no lexicon":
        words.is_common_word = words.is_function_word  # type: ignore[assignment]
    elif name == "no text2num":
        quantities._number_words = lambda text, language: []  # type: ignore[assignment]
    try:
        yield
    finally:
        words.is_common_word, quantities._number_words = saved_common, saved_words


def per_pair(pairs: Sequence[Pair], plants: Sequence[tuple[Pair, Plant]]) -> dict[str, dict]:
    """For each pair: flagged when clean, per kind (caught, planted), and flags on its plants
    (those that point at the plant, all)."""
    results: dict[str, dict] = {
        pair.id: {"flagged": bool(checker(pair.summary, pair.article)), "flags": [0, 0]}
        for pair in pairs
    }
    for pair, plant in plants:
        flags = checker(plant.summary, pair.article)
        hit = [flag for flag in flags if hits(plant, flag)]
        results[pair.id].setdefault(plant.kind, []).append(bool(hit))
        results[pair.id]["flags"][0] += len(hit)
        results[pair.id]["flags"][1] += len(flags)
    return results


def summarise(results: dict[str, dict], ids: Sequence[str]) -> dict[str, Any]:
    """Shares over ``ids``; the key "<measure> n" holds its count as (hits, total)."""
    flagged = sum(results[i]["flagged"] for i in ids)
    row: dict[str, Any] = {
        "clean flagged": flagged / len(ids),
        "clean flagged n": (flagged, len(ids)),
    }
    for kind in KINDS:
        outcomes = [hit for i in ids for hit in results[i].get(kind, [])]
        row[kind] = sum(outcomes) / max(len(outcomes), 1)
        row[f"{kind} n"] = (sum(outcomes), len(outcomes))
    true_flags = sum(results[i]["flags"][0] for i in ids)
    all_flags = sum(results[i]["flags"][1] for i in ids)
    row["precision"] = true_flags / all_flags if all_flags else 1.0
    return row


def by_source(pairs: Sequence[Pair]) -> dict[str, list[str]]:
    """Pair ids grouped by their source (the id's prefix: "cnn", "dm")."""
    groups: dict[str, list[str]] = defaultdict(list)
    for pair in pairs:
        groups[pair.id.split("-")[0]].append(pair.id)
    return dict(sorted(groups.items()))


def cross_validated_threshold(
    results_by_threshold: dict[float, dict[str, dict]], ids: list[str], folds: int, seed: int
) -> dict[str, Any]:
    """Pick the wordfreq threshold on k-1 folds of pairs (most names caught minus clean pairs
    flagged), measure it on the fold left out; pooled over the folds."""
    order = ids[:]
    random.Random(seed).shuffle(order)
    held_out: dict[str, dict] = {}
    for fold in range(folds):
        test = set(order[fold::folds])
        train = [i for i in order if i not in test]

        def gain(threshold: float, train: list[str] = train) -> float:
            row = summarise(results_by_threshold[threshold], train)
            return row["name"] - row["clean flagged"]

        best = max(results_by_threshold, key=gain)
        held_out |= {i: results_by_threshold[best][i] for i in test}
    return summarise(held_out, ids)


def write_report(scores: Scores, path: Path) -> None:
    lines = ["# Flags on clean references\n"]
    for pair, flags in scores.clean_flags:
        if flags:
            lines.append(f"## {pair.id}\n\n> {pair.summary}\n")
            lines += [
                f"- {flag.kind}: `{flag.text}` ({flag.reason})"
                + (
                    " — the article has this text verbatim"
                    if verbatim_in_article(pair, flag)
                    else ""
                )
                for flag in flags
            ]
            lines.append("")
    lines.append("# Planted errors missed\n")
    for pair, plant, flags in scores.missed:
        lines.append(f"## {pair.id}: {plant.kind} `{plant.before}` → `{plant.after}`\n")
        lines.append(f"> {plant.summary}\n")
        lines += [f"- other flag {flag.kind}: `{flag.text}`" for flag in flags]
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=REPO.parent / "shared" / "eval" / "summ" / "cnndm-dev.jsonl"
    )
    parser.add_argument(
        "--translations",
        type=Path,
        default=REPO.parent / "shared" / "eval" / "mt" / "newstest2021-docs-dev.jsonl",
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--report", type=Path, default=RESULTS / "checks-flags.md")
    parser.add_argument(
        "--ablations", action="store_true", help="also measure each library swapped out"
    )
    args = parser.parse_args()
    require_paths(args.data)
    if args.ablations:  # found now, not after the tables above them
        require_modules("bench", "wordfreq")
    pairs = load_pairs(args.data)
    plants = make_plants(pairs, args.seed)
    scores = score(pairs, plants, checker)
    write_report(scores, args.report)
    clean_flags = [(pair, flag) for pair, flags in scores.clean_flags for flag in flags]
    verbatim = sum(verbatim_in_article(pair, flag) for pair, flag in clean_flags)
    flag_kinds = Counter(flag.kind for _, flag in clean_flags)
    print(
        f"{len(pairs)} pairs ({args.data.name}), {len(plants)} planted errors, seed {args.seed}\n"
    )
    print("| measure | value |")
    print("|---|---|")
    print(f"| clean references with >= 1 flag | {scores.clean_flagged:.1%} |")
    for kind in KINDS:
        hit, total = scores.caught[kind]
        print(f"| planted {kind}s caught | {hit / max(total, 1):.1%} ({hit}/{total}) |")
    print(f"| precision of flags on planted summaries | {scores.precision:.1%} |")
    print(
        f"\n{len(clean_flags)} flags on clean references {dict(flag_kinds)}, {verbatim} of them "
        f"on text the article has verbatim; every flag: {args.report}"
    )
    results = per_pair(pairs, plants)
    print("\n| source | pairs | clean flagged | numbers | names | dates | quotes | precision |")
    print("|---|---|---|---|---|---|---|---|")
    for source, ids in by_source(pairs).items():
        _print_row(f"{source} | {len(ids)}", summarise(results, ids), counts=True)
    if args.translations.exists():
        print_translation_alarms(args.translations, args.seed)
    else:  # a table left out is said, not silently missing
        print(f"\n(no false alarms across translations: {args.translations} is missing)")
    if not args.ablations:
        return
    ids = [pair.id for pair in pairs]
    print("\n| variant | clean flagged | numbers | names | dates | quotes | precision |")
    print("|---|---|---|---|---|---|---|")
    thresholds = (3.0, 3.5, 4.0, 4.5, 5.0, 5.5)
    by_threshold = {}
    for name in (
        "lemminflect",
        "no lexicon",
        "no text2num",
        *(f"wordfreq>={t}" for t in thresholds),
    ):
        with variant(name):
            results = per_pair(pairs, plants)
        if name.startswith("wordfreq"):
            by_threshold[float(name.split(">=")[1])] = results
        _print_row(name, summarise(results, ids))
    _print_row(
        "wordfreq, threshold picked by 5-fold CV over pairs",
        cross_validated_threshold(by_threshold, ids, 5, args.seed),
    )


def print_translation_alarms(path: Path, seed: int) -> None:
    """Sentences of reference translation A flagged against reference B and the German text,
    and numbers and dates planted in them caught."""
    with path.open(encoding="utf-8") as handle:
        documents = [json.loads(line) for line in handle if line.strip()]
    rng = random.Random(seed)
    sentences = 0
    flagged: Counter[str] = Counter()
    caught: dict[str, list[int]] = {"number": [0, 0], "date": [0, 0]}
    for document in documents:
        other, german = " ".join(document["en_refB"]), " ".join(document["de"])
        for sentence in document["en_refA"]:
            sentences += 1
            kinds = {flag.kind for flag in unsupported_facts(sentence, other, german)}
            flagged.update(kinds)
            flagged["number or name"] += bool(kinds & {"number", "name"})
            # The planter must not reuse a number or date either source states.
            pair = Pair(document["docid"], f"{other}\n{german}", sentence)
            for plant in (plant_number(pair, rng), plant_date(pair, rng)):
                if plant is not None:
                    flags = unsupported_facts(plant.summary, other, german)
                    caught[plant.kind][0] += any(hits(plant, flag) for flag in flags)
                    caught[plant.kind][1] += 1
    print(
        f"\n{sentences} sentences of {len(documents)} articles ({path.name}), reference A "
        "against reference B and the German text:\n"
    )
    print("| sentences flagged for | share |")
    print("|---|---|")
    for kind in ("number or name", "number", "name", "quote"):
        print(f"| {kind} | {flagged[kind] / sentences:.1%} ({flagged[kind]}/{sentences}) |")
    for kind, (hit, total) in caught.items():
        print(f"| planted {kind}s caught | {hit / max(total, 1):.1%} ({hit}/{total}) |")


def _print_row(name: str, row: dict[str, Any], counts: bool = False) -> None:
    cells = " | ".join(
        f"{row[key]:.1%}" + (" ({}/{})".format(*row[f"{key} n"]) if counts else "")
        if key != "precision"
        else f"{row[key]:.1%}"
        for key in ("clean flagged", *KINDS, "precision")
    )
    print(f"| {name} | {cells} |")


if __name__ == "__main__":
    main()
