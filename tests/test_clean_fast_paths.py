"""The cleaner's fast paths give exactly what the plain per-line code gives: page-wide feature
passes, gated phrase rules, whole-text tidying, the structural rules' page-wide passes, the
language check's shortcut and the padded tree layout with its shared splits are checked here
against straightforward per-block references on awkward text (case folding, other scripts,
hyphenated words, digits, bullets, span cuts)."""

from __future__ import annotations

import math
import random
import re
import sys
from itertools import pairwise

import numpy as np
import pytest
from conftest import SEEDS

from summarize.clean import CleanOptions, analyse, clean_text, split_blocks
from summarize.clean import cleaner as C
from summarize.clean import features as F
from summarize.clean import language as L
from summarize.clean.blocks import (
    _CONTROL,
    _SPACES,
    _SPACES_TO_CHANGE,
    GATE_LETTERS,
    LETTER,
    UNTIDIED_SPACE,
    Block,
    RuleMatcher,
    _tidy_lines,
    fold,
    phrase_rule,
    phrase_rules,
    rule_matcher,
    tidy_line,
)
from summarize.clean.model import TreeEnsemble

AWKWARD_LINES = [
    "Startseite",
    "  Politik\u00a0 \t Wirtschaft  ",
    "• Erster Punkt der Liste mit genug Wörtern",
    "- zweiter Punkt, klein geschrieben und ohne Satzende",
    "3. Oktober ist der Tag der Deutschen Einheit.",
    "12.03.2024, 14:30 Uhr",
    "Registriert seit März 2019",
    "REGİSTRİERT SEİT MAİ 2020",
    "DATENSCHUTZERKLÄRUNG und Cookie-Einstellungen",
    "Newſletter jetzt abonnieren",
    "Bild: picture alliance/dpa | Max Mustermann",
    "Die Stadt feierte (Foto: Archiv) bis spät in die Nacht.",
    "© IMAGO / Sven Simon",
    "Die Focus-App – hier gratis herunterladen.",
    "Folgen Sie uns bei WhatsApp und Instagram",
    "politik/ausland/europa",
    "dpa/afp",
    "Max Muster / dpa",
    "Lesen Sie auch: Der neue Haushalt …",
    "Mehr zum Thema",
    "Das könnte Sie auch interessieren",
    "13 Kommentare",
    "Antworten",
    "Melden",
    "1.234,56 €",
    "CHF 25",
    "Würdest du uns heute mit 5 Euro unterstützen?",
    "Kommentarfunktion geschlossen.",
    "Ein Ausflug nach Köln-Deutz, Rock'n'Roll und Jean-Pierre’s Bistro – a--b x'-y z-1.",
    "NATO-Gipfel: USA und EU einig über die Ziele | Politik » Ausland › Europa",
    "Он сказал, что всё будет хорошо, и ушёл домой поздно вечером.",
    "Ο πρωθυπουργός δήλωσε ότι η κυβέρνηση θα συνεχίσει τις μεταρρυθμίσεις.",
    '"We will not give up", she said in English at the start of the meeting.',
    "Kontakt: info@example.de oder #hashtag bei www.example.com",
    "ABC DEF G ÄÖÜ XY_Z 12AB µm ²³ Ⅳ Ⓐ ǅ",
    "Veröffentlicht am 1. Mai 2023 um 10.15 Uhr",
    "Text mit Zwei  Leerzeichen und\u2003Geviert",
    "e",
    "...",
    "Ende [...]",
    "Fortsetzung folgt …]",
    "„Wir haben es geschafft“, sagte die Trainerin.",
    " ".join(["Ein sehr langer Absatz ohne Ende"] * 200),  # over the log table's length
    "Die Stadt\u1680feierte (Foto: Archiv) bis spät – Bild: dpa",  # a space tidying leaves
    "ⓐ klein, ⅰ römisch und ǆ",
    "Politik Wirtschaft Sport Kultur Reise Auto Digital",
    "1.234 Kommentare",
    "12.03.2024, 14:30 Uhr",
    "Antworten",
    "Melden",
    "Mehr zum Thema",
    "Mehr zum Thema",
]


def _seed_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines += [block.text for block in split_blocks(path.read_text(encoding="utf-8"))]
    return lines


def _reference_local(block: Block, text: str) -> list[float]:
    """The per-block feature code the page-wide passes replace (as it was written first)."""
    function_words, page_words = F.word_lists()
    words = F._WORD.findall(text)
    lowered = list(map(str.lower, words))
    n_words = len(words) or 1
    n_chars = len(text) or 1
    digits = len(F._DIGIT.findall(text))
    link = F._LINK_LIKE if "@" in text or "#" in text else F._LINK_LIKE_PLAIN
    return [
        math.log1p(len(text)),
        math.log1p(len(text.split())),
        sum(map(function_words.__contains__, lowered)) / n_words,
        sum(map(page_words.__contains__, lowered)) / n_words,
        float(bool(F._FINAL.search(text))),
        float(text.endswith(":")),
        float(bool(F._TRUNCATED.search(text))),
        float(len(F._INNER_SENTENCE_END.findall(text))),
        text.count(",") / n_words,
        len(F._PUNCTUATION.findall(text)) / n_chars,
        digits / n_chars,
        sum(w[0].isupper() for w in words) / n_words,
        len(F._UPPER_WORD.findall(text)) / n_words,
        sum(map(len, words)) / n_words,
        float(text[0].islower()),
        float(bool(block.bullet)),
        float(len(F._SEPARATOR.findall(text))),
        float(bool(link.search(text))),
        float(bool(digits and F._DATE.search(text))),
        float(block.blank_before),
        float(block.blank_after),
    ]


@pytest.mark.parametrize("lines", [AWKWARD_LINES, "seeds"])
def test_page_wide_features_equal_the_per_block_reference(lines: list[str] | str) -> None:
    page = "\n".join(_seed_lines() if lines == "seeds" else AWKWARD_LINES)
    analysis = analyse(page, CleanOptions())
    local = analysis.features[:, : len(F.LOCAL_FEATURES) - 2]
    for row, (block, text) in enumerate(zip(analysis.blocks, analysis.texts, strict=True)):
        assert local[row].tolist() == _reference_local(block, text), text


def _assert_local_features_equal_the_reference(texts: list[str]) -> None:
    """page_features' local columns of ``texts`` (one block each) equal the per-block reference."""
    blocks = [Block(text) for text in texts]
    features = F.page_features(blocks, {name: [False] * len(blocks) for name in F.RULE_FEATURES})
    for row, (block, text) in enumerate(zip(blocks, texts, strict=True)):
        reference = _reference_local(block, text)
        assert features[row, : len(reference)].tolist() == reference, text


def test_word_starts_counted_from_classes_equal_the_word_pattern() -> None:
    rng = random.Random(0)
    alphabet = "aZäß-'’ 1_.é\u0301ǅⅣ²"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(400)]
    texts = [text for text in texts if text.strip()]
    _assert_local_features_equal_the_reference(texts)


def test_character_classes_agree_with_the_regex_classes() -> None:
    rng = random.Random(1)
    codes = list(range(0x300)) + [rng.randrange(0x300, sys.maxunicode + 1) for _ in range(20000)]
    patterns = {
        F._IS_WORD: re.compile(r"\w"),
        F._IS_DIGIT: re.compile(r"\d"),
        F._IS_SPACE: re.compile(r"\s"),
        F._IS_LETTER: re.compile(r"[^\W\d_]"),
        F._IS_CAPITAL_CLASS: re.compile(r"[^\W\d_a-zäöüß]"),
        F._IS_CONNECTOR: re.compile(r"[-'’]"),
    }
    for code in codes:
        char = chr(code)
        bits = F._text_bits(char)[0]
        for bit, pattern in patterns.items():
            assert bool(bits & bit) == bool(pattern.fullmatch(char)), (hex(code), bit)


def test_class_bits_of_a_text_equal_each_characters_bits() -> None:
    # one table lookup below 0x10000, the rest (emoji, rare scripts) computed
    rng = random.Random(10)
    edges = [0, 255, 256, 0xD800, 0xFFFF, 0x10000, 0x1F600, sys.maxunicode]
    codes = edges + [rng.randrange(sys.maxunicode + 1) for _ in range(20000)]
    text = "".join(map(chr, codes))
    assert F._text_bits(text).tolist() == [F._char_bits(chr(code)) for code in codes]
    assert F._text_bits("").tolist() == []


def test_gate_folding_covers_every_case_insensitive_match() -> None:
    """A gate compares folded text: every character that re.IGNORECASE matches with one of
    GATE_LETTERS must fold to that letter."""
    any_letter = re.compile(f"[{GATE_LETTERS}]", re.IGNORECASE)
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for char in set(any_letter.findall(everything.replace("\x00", ""))):
        folded = fold(char)
        assert folded in GATE_LETTERS and re.fullmatch(folded, char, re.IGNORECASE), hex(ord(char))


@pytest.mark.parametrize("lines", [AWKWARD_LINES, "seeds"])
def test_gated_phrase_rules_find_every_match(lines: list[str] | str) -> None:
    texts = _seed_lines() if lines == "seeds" else AWKWARD_LINES
    texts = [tidy_line(text) for text in texts if tidy_line(text)]
    folded = fold("\x00".join(texts)).split("\x00")
    hits = rule_matcher().hits(texts, folded)
    spans = rule_matcher().span_candidates(folded)
    for name, rule in phrase_rules().items():
        assert hits[name] == [rule.matches(text) for text in texts], name
        for text, candidate in zip(texts, spans, strict=True):
            assert candidate or not any(pattern.search(text) for pattern in rule.span), text


def test_a_line_holding_a_needle_is_tried_with_all_of_its_rules_patterns() -> None:
    """A pattern gated by its needles ("pdf") was tried on every line a rule's beginnings let
    through, which cost more than all other patterns; now only where the line holds a needle,
    and there with every pattern in order: the needle pattern's match of the line's start (a
    stated sentence goes on: no hit) decides, as the whole alternation's first match does, not
    the later pattern that takes the whole line."""
    rule = phrase_rule(
        "links", {"line": [r"^(\S+\s+){0,5}\S*pdf\b", r"^die studie\b.*$", r"^►\s*archiv \(\d+\)$"]}
    )
    assert rule.anchored_patterns[0][1] is None  # gated by its needle
    rare_start = rule.anchored_patterns[2][1]  # a rare first character gates it, not "("
    assert rare_start and all(start.startswith("►") for start in rare_start), rare_start
    lines = [
        "Die Studie liegt als PDF vor und zeigt, dass die Mieten stark gestiegen sind, sagte er.",
        "Die Studie zeigt, dass die Mieten stark gestiegen sind, sagte der Forscher am Montag.",
        "Bericht als PDF",
        "► Archiv (12)",
        "Die Mieten steigen.",
    ]
    matcher = RuleMatcher({"links": rule})
    hits = matcher.hits(lines, [fold(line) for line in lines])["links"]
    assert hits == [rule.matches(line) for line in lines] == [False, True, True, True, False]


def test_a_rule_works_out_each_anchored_patterns_gate_once(monkeypatch) -> None:
    """Making the phrase rules (every run that cleans an article) parses each anchored pattern
    for its gate once: it was worked out three times (its beginnings, its needles, and the
    pattern's own gate), 0.19 s of CPU where 0.11 s does. The gates are the same."""
    import summarize.clean.blocks as B

    table = {"line": [r"^(\S+\s+){0,5}\S*pdf\b", r"^die studie\b.*$", r"^►\s*archiv \(\d+\)$"]}
    before = phrase_rule("links", table)
    gated: list[str] = []
    pattern_gate = B._pattern_gate

    def counted(pattern: str):
        gated.append(pattern)
        return pattern_gate(pattern)

    monkeypatch.setattr(B, "_pattern_gate", counted)
    rule = phrase_rule("links", table)
    assert sorted(gated) == sorted(p[1:] for p in table["line"])
    assert (rule.anchored_prefixes, rule.anchored_needles, rule.anchored_patterns) == (
        before.anchored_prefixes,
        before.anchored_needles,
        before.anchored_patterns,
    )


def test_whole_text_tidying_equals_tidying_each_line() -> None:
    text = (
        "Erste Zeile\r\nzweite\u0301 Zeile\u2028dritte\tZeile\x0bvierte\u200b Zeile\x85"
        "\n\u0301Kombiniert am Anfang\n\n  \u00a0 \n• Punkt eins\n-  Punkt zwei\nEnde"
    )
    assert _tidy_lines(text) == [tidy_line(line) for line in text.splitlines()]
    assert "\u0301Kombiniert am Anfang" in [block.text for block in split_blocks(text)]


def test_a_leaf_above_the_last_level_is_padded() -> None:
    # root splits on feature 0 at 0.5; its left child is a leaf, its right child splits again
    data = {
        "features": ["a", "b"],
        "init": 0.25,
        "learning_rate": 0.5,
        "depth": 2,
        "trees": [
            {
                "feature": [0, -2, 1, -2, -2],
                "threshold": [0.5, -2.0, 1.5, -2.0, -2.0],
                "left": [1, -1, 3, -1, -1],
                "right": [2, -1, 4, -1, -1],
                "value": [0.0, -1.0, 0.0, 2.0, 3.0],
            }
        ],
    }
    model = TreeEnsemble.from_dict(data, ("a", "b"))
    features = np.array([[0.0, 9.0], [1.0, 1.0], [1.0, 2.0], [np.nan, 0.0]])
    expected = 0.25 + 0.5 * np.array([-1.0, 2.0, 3.0, 2.0])  # NaN goes right, as before
    assert np.array_equal(model.log_odds(features), expected)


@pytest.mark.parametrize("text", ["", "\n \n", "\x00\x00", "a\ud800b c d e f g", "-", "Ж" * 50])
def test_odd_pages_are_cleaned_without_error(text: str) -> None:
    cleaned = clean_text(text)
    kept = "".join([cleaned.title or "", *cleaned.paragraphs, *(d.text for d in cleaned.dropped)])
    letters = [char for char in text if char.isalnum()]
    assert sorted(char for char in kept if char.isalnum()) == sorted(letters)


def _random_texts(seed: int, alphabet: str, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_changing_only_the_space_runs_that_change_equals_replacing_every_run() -> None:
    texts = _random_texts(2, "ab  \t\u00a0\u2003\u3000\u202f.\n")
    for text in texts:
        assert _SPACES_TO_CHANGE.sub(" ", text) == _SPACES.sub(" ", text), repr(text)


def test_tidying_leaves_no_other_white_space() -> None:
    """A tidied line's words are its spaces plus one unless it holds UNTIDIED_SPACE."""
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    left = [space for space in spaces if tidy_line(f"a{space}{space}b") not in ("a b", "ab")]
    split_off = [space for space in spaces if len(f"a{space}b".splitlines()) > 1]
    assert set(left) - set(split_off) == {UNTIDIED_SPACE}
    assert not _CONTROL.search(UNTIDIED_SPACE)


def _seed_page() -> str:
    return "\n".join([*_seed_lines(), *AWKWARD_LINES, *_random_texts(3, "aB1 .,-–:\u1680ä")])


def _reference_structural_hits(
    texts: tuple[str, ...], bullets: tuple[str, ...]
) -> dict[str, list[bool]]:
    """The structural rules as first written, one block at a time."""
    words = [len(text.split()) for text in texts]
    short = [
        n <= C._SHORT_LINE_MAX_WORDS and not C._final(text)
        for text, n in zip(texts, words, strict=True)
    ]
    seen_words, tail_start = 0, None
    tail_hits = rule_matcher().hits(texts, [fold(text) for text in texts])["tail"]
    for index, n in enumerate(words):
        if seen_words >= C._TAIL_MIN_SHARE * (sum(words) or 1) and tail_hits[index]:
            tail_start = index
            break
        seen_words += n
    keys = [" ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split()) for text in texts]
    # and the line's figures as written, signs and separators kept
    figures = [re.findall(r"[-+−±]?\d[\d.,:/]*", text) for text in texts]
    keys = [
        f"{key}\n{' '.join(found)}" if found else key
        for key, found in zip(keys, figures, strict=True)
    ]
    runs, run = set(), []
    for index, is_short in enumerate([*short, False]):
        if is_short:
            run.append(index)
            continue
        if len(run) >= C._SHORT_RUN_MIN_LINES:
            runs.update(run)
        run = []
    return {
        "words": words,
        "keys": keys,
        "tail": [tail_start is not None and i >= tail_start for i in range(len(texts))],
        "duplicates": [key in keys[:i] for i, key in enumerate(keys)],
        "short_runs": [i in runs for i in range(len(texts))],
        "fragments": [
            True
            if not LETTER.search(text)
            else text[0].islower()
            and not C._SIGNATURE_START.match(text)  # gez. Thomas Maier
            # a name in lower case (iPhone, eBay) in a line of text, no label or call to act
            and not (
                C._NAME_START.match(text)
                and len(text.split()) >= 3
                and not text.rstrip().endswith((":", "*"))
                and not C._ENDS_INFINITIVE.search(text.rstrip())
            )
            and is_short
            # a list item, or a line going on from one ending in a comma, is no fragment
            and not (bullet or re.match(r"[a-z]\) ", text) or (i and texts[i - 1].endswith(",")))
            for i, (text, is_short, bullet) in enumerate(zip(texts, short, bullets, strict=True))
        ],
    }


@pytest.mark.parametrize(("bullets", "untidied"), [(True, True), (True, False), (False, True)])
def test_structural_rules_equal_the_per_block_reference(bullets: bool, untidied: bool) -> None:
    options = CleanOptions() if bullets else CleanOptions(disabled=frozenset({"bullets"}))
    page = analyse(_seed_page() if untidied else _seed_page().replace(UNTIDIED_SPACE, ""), options)
    assert (UNTIDIED_SPACE in "".join(page.texts)) == untidied
    assert any(text != block.text for text, block in zip(page.texts, page.blocks, strict=True))
    reference = _reference_structural_hits(page.texts, tuple(b.bullet for b in page.blocks))
    assert list(page.word_counts) == reference["words"]
    assert list(page.duplicate_keys) == reference["keys"]
    for name in ("tail", "duplicates", "short_runs", "fragments"):
        assert list(page.hits[name]) == reference[name], name
    assert any(page.hits["duplicates"]) and any(page.hits["fragments"])


def test_case_folding_adds_no_white_space() -> None:
    # analyse takes a tidied block's case-folded text as its repeat key (see repeat_keys)
    adding = [
        code
        for code in range(sys.maxunicode + 1)
        if not chr(code).isspace()
        and not chr(code).casefold().isspace()
        and any(char.isspace() for char in chr(code).casefold())
    ]
    assert adding == []


@pytest.mark.parametrize(("untidied", "cut"), [(True, True), (False, True), (False, False)])
def test_keys_and_words_from_the_page_analysis_equal_the_plain_features(
    untidied: bool, cut: bool
) -> None:
    # analyse hands page_features the page case-folded (repeat keys) and lower-cased (words,
    # only when no span was cut from a block); the reference computes both itself. "STRASSE"
    # repeats "Straße" only once case-folded.
    extra = [
        "Die Focus-App – hier gratis herunterladen. Ein Satz hier und mehr Text.",
        "Ein Satz hier und mehr Text.",
        "Straße und Weg",
        "STRASSE UND WEG",
    ]
    # Without a cut (a credit ends one line), and lower-cased char by char (no "İ" or "Σ"),
    # the words are taken from the lower-cased page.
    plain = [
        line
        for line in AWKWARD_LINES
        if "Bild: dpa" not in line and len(line.lower()) == len(line) and "Σ" not in line
    ]
    lines = [_seed_page(), *extra] if cut else [*plain, *extra[1:]]
    text = "\n".join(lines)
    page = analyse(text if untidied else text.replace(UNTIDIED_SPACE, ""), CleanOptions())
    assert (page.texts != tuple(block.text for block in page.blocks)) == cut
    hits = {name: page.hits[name] for name in F.RULE_FEATURES}
    expected = F.page_features(page.blocks, hits, page.texts, page.word_counts)
    assert page.features.tobytes() == expected.tobytes()
    later = page.features[:, F.FEATURE_NAMES.index("later_repeat")]
    assert later[-1] == 1.0 and later[-3] == float(cut)  # the case-folded and the cut repeat


def test_function_words_at_a_line_start_equal_those_of_the_whole_line() -> None:
    rng = random.Random(4)
    vocabulary = ["der", "Die", "und,", "(in", "the", "of.", "Haus", "Stadt", "x", "dieser", "—"]
    for _ in range(2000):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(1, 60))]
        line = rng.choice([" ", "  "]).join(words)
        tokens = [w.strip(L._WORD_EDGES) for w in line.lower().split()]
        expected = sum(token in L._function_words() for token in tokens) >= 2
        assert L._has_function_words(line) == expected, line


@pytest.mark.parametrize(
    "texts",
    [
        ["Ein Satz.", "Noch ein Satz", "EIN SATZ."],  # tidy: the split page is the keys
        ["Ein  Satz.", "ein Satz."],  # a double space
        [" Ein Satz.", "Ein Satz. "],  # spaces at a block's edge
        ["Ein\tSatz.", "Ein\u00a0Satz.", "Ein\u2009Satz."],  # other white space
        ["", "Straße", "STRASSE"],  # an empty block; case folding changes the length
    ],
)
def test_repeat_keys_equal_the_plain_definition(texts: list[str]) -> None:
    from summarize.clean.features import repeat_keys

    assert repeat_keys(texts) == [" ".join(text.casefold().split()) for text in texts]


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
def test_the_leaf_table_scores_as_the_walk_down_each_tree(depth: int) -> None:
    rng = np.random.default_rng(depth)
    nodes, features = 2**depth - 1, 4
    trees = []
    for _ in range(20):
        # heap-ordered trees (node k: children 2k+1, 2k+2), some inner nodes made leaves
        feature = rng.integers(0, features, nodes).tolist() + [-2] * (nodes + 1)
        threshold = rng.normal(size=nodes).astype(np.float32).tolist() + [-2.0] * (nodes + 1)
        left = [2 * k + 1 for k in range(nodes)] + [-1] * (nodes + 1)
        right = [2 * k + 2 for k in range(nodes)] + [-1] * (nodes + 1)
        for k in range(1, nodes):
            if rng.random() < 0.2 and left[(k - 1) // 2] >= 0:
                left[k] = right[k] = -1  # a leaf above the last level (its subtree unused)
        value = rng.normal(size=2 * nodes + 1).tolist()
        tree = {"feature": feature, "threshold": threshold, "left": left, "right": right}
        trees.append({**tree, "value": value})
    data = {"features": list("abcd"), "init": 0.1, "learning_rate": 0.3, "depth": depth}
    model = TreeEnsemble.from_dict({**data, "trees": trees}, tuple("abcd"))
    rows = rng.normal(size=(300, features))
    rows[rng.random(rows.shape) < 0.05] = np.nan
    rows[:10] = np.asarray(trees[0]["threshold"][:1] * features)  # exactly at a threshold
    assert model.log_odds(rows).tobytes() == model._log_odds_by_levels(rows).tobytes()


@pytest.mark.parametrize("float32", [True, False])
def test_splits_shared_by_many_nodes_score_as_the_walk_down_each_tree(float32: bool) -> None:
    # Each distinct (feature, threshold) pair is compared once and its answer copied to every
    # node that uses it: here pairs repeat across trees and levels, -0.0 and 0.0 among them.
    rng = np.random.default_rng(5)
    points = [-0.0, 0.0, 0.5, -1.25, 0.1 if not float32 else 0.25]
    nodes, features = 7, 3
    trees = []
    for _ in range(40):
        feature = rng.integers(0, features, nodes).tolist() + [-2] * (nodes + 1)
        threshold = [float(rng.choice(points)) for _ in range(nodes)] + [-2.0] * (nodes + 1)
        left = [2 * k + 1 for k in range(nodes)] + [-1] * (nodes + 1)
        right = [2 * k + 2 for k in range(nodes)] + [-1] * (nodes + 1)
        if rng.random() < 0.3:
            left[2] = right[2] = -1  # a leaf above the last level: padded with +inf splits
        value = rng.normal(size=2 * nodes + 1).tolist()
        tree = {"feature": feature, "threshold": threshold, "left": left, "right": right}
        trees.append({**tree, "value": value})
    data = {"features": list("abc"), "init": -0.2, "learning_rate": 0.1, "depth": 3}
    model = TreeEnsemble.from_dict({**data, "trees": trees}, tuple("abc"))
    assert model.threshold.dtype == (np.float32 if float32 else np.float64)
    split_feature, _, node_split = model._distinct_splits
    assert len(split_feature) < model.feature.size  # the test shares splits
    assert node_split.max() == len(split_feature) - 1
    rows = rng.choice([*points, -0.0, 1.0, -3.0, np.nan, np.inf], size=(500, features))
    rows[:100] += rng.normal(scale=0.3, size=(100, features))
    assert model.log_odds(rows).tobytes() == model._log_odds_by_levels(rows).tobytes()
    assert model.log_odds(rows[:1]).tobytes() == model._log_odds_by_levels(rows[:1]).tobytes()


def test_the_packaged_model_scores_as_the_walk_down_each_tree() -> None:
    from summarize.clean.model import packaged_model, second_stage_features

    model = packaged_model()
    page = analyse(_seed_page(), CleanOptions())
    first = model.first.drop_probability(page.features)
    second = second_stage_features(page.features, first)
    for stage, rows in ((model.first, page.features), (model.second, second)):
        assert stage is not None
        assert stage.log_odds(rows).tobytes() == stage._log_odds_by_levels(rows).tobytes()


def test_a_page_of_many_blocks_is_scored_in_bounded_memory_with_the_same_bits() -> None:
    # A file of one number a line is a block a line: scored all at once, with every node of
    # every tree per block, 320,000 blocks (2 MB) took 4.9 GB of memory and 20,000 took 250 MB.
    import tracemalloc

    from summarize.clean.model import packaged_model

    model = packaged_model().first
    rows = np.random.default_rng(3).normal(size=(20_000, len(F.FEATURE_NAMES)))
    rows[::7] = 0.0  # ties at the trees' zero thresholds
    tracemalloc.start()
    try:
        scored = model.log_odds(rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 80_000_000, f"{peak / 1e6:.0f} MB"
    # each block scored as it is alone or among a few others
    alone = [model.log_odds(rows[start : start + 999]) for start in range(0, len(rows), 999)]
    assert scored.tobytes() == np.concatenate(alone).tobytes()
    assert (
        scored[:5].tobytes()
        == np.concatenate([model.log_odds(row[None]) for row in rows[:5]]).tobytes()
    )


@pytest.mark.parametrize("values", ["spread", "ties", "zeros"])
def test_window_means_from_one_running_sum_equal_each_window_mean(values: str) -> None:
    rng = np.random.default_rng(11)
    for n in (1, 2, 3, 4, 7, 50, 51):
        probability = rng.random(n)
        if values == "ties":
            probability = np.round(probability, 1)
        elif values == "zeros":  # exp overflow gives P = 0.0 for sure text
            probability[rng.random(n) < 0.5] = 0.0
        columns = F.smoothing_features(probability)
        for radius in (2, 5, 10):
            column = columns[:, F.SMOOTHING_FEATURES.index(f"window{radius}_p")]
            assert column.tobytes() == F._window_mean(probability, radius).tobytes(), (radius, n)


def test_lowered_words_equal_the_word_pattern() -> None:
    texts = _random_texts(5, "aZäß-'’ 1_.é\u0301ǅⅣ²ΣσİẞK", count=2000)
    cut_by_case = 0
    for text in texts:
        in_word = np.zeros(len(text), dtype=bool)
        for match in F._WORD.finditer(text):
            in_word[match.start() : match.end()] = True
        words = F._lowered_words(text, in_word)
        if words is None:  # only where lower-casing the text is not char by char
            assert "Σ" in text or len(text.lower()) != len(text)
            cut_by_case += 1
            continue
        assert words == [word.lower() for word in F._WORD.findall(text)], text
    assert 0 < cut_by_case < len(texts)


def test_the_date_scan_finds_what_the_date_pattern_finds() -> None:
    pieces = ["1", "12", "2024", ".", ". ", ":", "-", " ", "a", "_", "x1", "Mai", "märz", "\x00"]
    rng = random.Random(6)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = [match.span() for match in F._DATE.finditer(text)]
        assert [match.span() for match in F._DATE_SCAN.finditer(text)] == expected, text


def test_the_linear_link_test_finds_what_the_link_pattern_finds() -> None:
    pieces = ["@", "#", ".", ".de", "a", "_", "1", " ", "\u00a0", "-", "x@y", "www.", "://", "ä"]
    rng = random.Random(8)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert F.link_like_with_marks(text) == bool(F._LINK_LIKE.search(text)), text


@pytest.mark.parametrize("run", [".@" * 1000, "@" * 2000, "kontakt@firma" * 150])
def test_a_long_run_with_at_signs_is_cleaned_and_accounted_for(run: str) -> None:
    """The link feature's e-mail pattern backtracked over every way to part a run of non-space
    characters holding "@" that it did not match: a line of ".@" 3,000 characters long took 79 s,
    and a longer one hung the run. (Its time is `python benchmarks/cleaning.py speed`'s, against
    ordinary text of the same length; the linear test's answers are checked above.)"""
    page = f"Die Stadt hat am Montag den neuen Haushalt beschlossen.\n{run}\nMehr dazu morgen."
    cleaned = clean_text(page)
    assert "Die Stadt hat am Montag den neuen Haushalt beschlossen." in cleaned.paragraphs
    assert not cleaned.unaccounted_characters(page)


@pytest.mark.parametrize("alphabet", [" -–.…]:\"'“”»)aB\t,", " - – . a", "…...]] :"])
def test_block_ends_and_spaced_dashes_equal_the_per_block_reference(alphabet: str) -> None:
    texts = [text for text in _random_texts(7, alphabet, count=1500) if text.strip()]
    _assert_local_features_equal_the_reference(texts)


def _duplicate_keys(lines: list[str]) -> list[str]:
    """Each line as compared for repeats (the lines never hold a line break)."""
    if not lines:
        return []
    return C._folded_duplicate_keys("\n".join(lines).casefold(), "\n")


def test_duplicate_keys_equal_the_pattern_substitution() -> None:
    lines = _random_texts(8, "aB1 _.,-\t\u00a0ßΣİ'’\u0301\ud800", count=1500)
    expected = C._NOT_WORD_RUN.sub(" ", "\n".join(lines).casefold()).split("\n")
    assert _duplicate_keys(lines) == [key.strip() for key in expected]
    assert _duplicate_keys([]) == []


def test_repeat_columns_equal_the_plain_counts() -> None:
    texts = ["Mehr", "Text eins.", "mehr", "Mehr", "Text zwei.", *["Teilen"] * 70]
    blocks = [Block(text) for text in texts]
    features = F.page_features(blocks, {name: [False] * len(blocks) for name in F.RULE_FEATURES})
    keys = F.repeat_keys(texts)
    repeats = features[:, F.FEATURE_NAMES.index("repeats")]
    later = features[:, F.FEATURE_NAMES.index("later_repeat")]
    assert repeats.tolist() == [math.log(keys.count(key)) for key in keys]
    assert later.tolist() == [float(key in keys[:i]) for i, key in enumerate(keys)]


def test_the_indent_check_finds_what_a_line_start_then_white_space_finds() -> None:
    from summarize.clean import blocks as B

    plain = re.compile(f"(?:^|[\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029]){B._SPACE_CLASS}")
    texts = _random_texts(10, "ab \t\u00a0\u3000\n\r\x1d\x85\u2028.", count=3000)
    found = [bool(B._INDENTED_START.match(text) or B._INDENTED.search(text)) for text in texts]
    assert found == [bool(plain.search(text)) for text in texts]
    assert any(found) and not all(found)


def test_figures_sought_only_in_texts_with_a_digit_equal_every_texts_figures() -> None:
    # signs with and without a digit after them, other scripts' digits (\d takes them too),
    # and superscripts (\d does not)
    texts = ["", *_random_texts(9, "a -+−±1٣.,:/ ²", count=2000)]
    keys = [f"key {index}" for index in range(len(texts))]
    expected = [
        f"{key}\n{' '.join(figures)}" if (figures := C._FIGURE.findall(text)) else key
        for key, text in zip(keys, texts, strict=True)
    ]
    assert C._with_figures(keys, texts) == expected


def _spared_table_rows_plain(texts: list[str], fragments: list[bool]) -> list[bool]:
    """_spare_table_rows as first written: every line split into its cells (at each bar with a
    space or the line's end either side, an empty cell counted)."""
    spared = list(fragments)
    header_cells = 0
    filled_by_row: dict[int, int] = {}
    for index, line in enumerate(texts):
        padded = f" {line} "
        bars = [
            i for i, ch in enumerate(padded) if ch == "|" and padded[i - 1] == padded[i + 1] == " "
        ]
        bounds = [-1, *bars, len(padded)]
        parts = [padded[start + 1 : end] for start, end in pairwise(bounds)]
        filled = sum(1 for part in parts if part.strip())
        cells = len(parts) if filled >= 2 else 0
        if cells < 2 or (header_cells and cells != header_cells):
            header_cells = 0
        if cells >= 2 and C.LETTER.search(line):
            header_cells = cells
        elif cells >= 2 and cells == header_cells and spared[index]:
            spared[index] = False
        filled_by_row[index] = filled if cells >= 2 else 0
        # a header of figures, its corner cell empty or left out, above a row with letters
        above = filled_by_row.get(index - 1, 0)
        letters_above = index > 0 and C.LETTER.search(texts[index - 1])
        if cells >= 2 and C.LETTER.search(line) and not letters_above and above == cells - 1:
            spared[index - 1] = False
    return spared


def test_table_rows_spared_skipping_lines_without_cells_equal_the_plain_loop() -> None:
    rng = random.Random(11)
    cells = ["Jahr", "2021", "1.200", "+3,1 %", "", " ", "|", "a|b"]
    for _ in range(300):
        texts = [" | ".join(rng.choice(cells) for _ in range(rng.randint(1, 4))) for _ in range(12)]
        fragments = [rng.random() < 0.7 for _ in texts]
        spared = list(fragments)
        C._spare_table_rows(texts, spared)
        assert spared == _spared_table_rows_plain(texts, fragments), texts


def _wrap_test_texts() -> list[list[str]]:
    """Tidied lines of texts wrapped at widths in and out of the wrap range, one-line paragraphs
    wider than any wrap, both mixed, with numbered items and table rows, and the seeds."""
    import textwrap

    rng = random.Random(7)
    words = "der die und Haushalt wurde am beschlossen 2. Mai 1. FC Stadt -".split()
    texts = []
    for width in (30, 40, 72, 120, 121, 400):
        for _ in range(12):
            paragraphs = [
                " ".join(rng.choice(words) for _ in range(rng.randint(3, 90)))
                for _ in range(rng.randint(1, 6))
            ]
            wrapped = [textwrap.fill(paragraph, width) for paragraph in paragraphs]
            if rng.random() < 0.3:  # a one-line paragraph among wrapped ones
                wrapped.insert(rng.randint(0, len(wrapped)), paragraphs[0])
            texts.append("\n\n".join(wrapped))
    # table rows, which are no prose however wide
    texts += ["\n".join(f"{row} | {'Stadt und Land ' * 10} | 2,5" for row in range(5))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return [_tidy_lines(text) for text in texts]


def test_wrap_width_skipping_text_with_prose_wider_than_any_wrap_equals_measuring_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from summarize.clean import blocks as B

    texts = _wrap_test_texts()
    fast = [B.wrap_width(lines) for lines in texts]
    skipped = [B._prose_wider_than_any_wrap(lines) for lines in texts]
    monkeypatch.setattr(B, "_prose_wider_than_any_wrap", lambda lines: False)
    assert fast == [B.wrap_width(lines) for lines in texts]
    assert any(skipped) and not all(skipped)
    assert any(width is not None for width in fast)


def test_author_boxes_found_on_gated_lines_equal_those_found_searching_every_line() -> None:
    # the boxes as themes print them, in capitals and with the characters whose
    # case-insensitive match str.lower misses ("ſ" for "s", "K" the Kelvin sign for "k")
    boxes = [
        "Über Simon Dückert",
        "Scholarch der Cogneon Akademie. Simon brennt für Lernende Organisationen.",
        "ZEIGE ALLE BEITRÄGE VON SIMON DÜCKERT →",
        "Tanja Karrasch",
        "Tanja ist seit 2023 Redakteurin bei OMR.",
        "Alle Arti\u212ael von Tanja Karrasch",
        "Jule Radeck",
        "Jule Radeck studierte Sportwissenschaften.",
        "VIEW ALL POſTS BY JULE RADECK",
        "Steffi Muster 1009 Beiträge",
        "Steffi schreibt über Reisen und Kultur.",
        "Life is not digital. Zeige alle BEITRÄGE von Cem Basman",
    ]
    # the boxes below the article's first body-shaped block, where the rule looks
    opening = "Die Stadt hat am Montag neue Regeln für den Verkehr in der Innenstadt beschlossen."
    texts = [opening, *AWKWARD_LINES, *boxes, *_seed_lines()]
    word_counts = [len(text.split()) for text in texts]
    every_line = [" ".join(C._AUTHOR_BOX_WORDS)] * len(texts)  # passes the gate
    found = C._author_box_members(texts, word_counts, [fold(text) for text in texts])
    assert found == C._author_box_members(texts, word_counts, every_line)
    assert {texts.index(line) for line in boxes} - found == set()


def test_the_stamp_search_with_its_lookahead_finds_what_the_plain_pattern_finds() -> None:
    # stamps in every date form, capitals, "ſ" (long s: matches "s" case-insensitively) and
    # other scripts' digits (\d takes them too), and random text around dates and month names
    plain = re.compile(C._STAMP_END.pattern.removeprefix(r"(?=[\djfmasond])"), re.IGNORECASE)
    assert plain.pattern != C._STAMP_END.pattern
    stamps = [
        "Aylin 20. November 2022 um 10:36 Uhr",
        "malte am 18. Oktober 2023 - 19:48 Permanenter Link",
        "März 7, 2018",
        "MÄRZ 7, 2018 AT 9:15 PM | REPLY",
        "RockyRider66, 26. Januar 2022 13:05",
        "Mathias Autor11. Dezember 2012 um 13:19",
        "Gaſt ſept 3, 2020",
        "Leser 2023-05-01 #12",
        "Nutzer ٢٠.١١.٢٠٢٢",
    ]
    texts = [
        *stamps,
        *AWKWARD_LINES,
        *_seed_lines(),
        *_random_texts(12, "aJfmsondD1 2.,:-ſ", count=3000),
    ]
    spans = [(m.span() if (m := C._STAMP_END.search(text)) else None) for text in texts]
    expected = [(m.span() if (m := plain.search(text)) else None) for text in texts]
    assert spans == expected
    assert all(spans[: len(stamps)]) and not all(spans)


def test_span_cuts_with_each_patterns_gate_equal_those_searching_every_pattern() -> None:
    # credits in capitals, with "©" alone, after a cut that bares another one, repeated past
    # the cap, and the promo line; each line cut by every span rule in turn, as analyse does
    credits = [
        "Die Stadt feierte bis spät in die Nacht. (FOTO: Archiv)",
        "Die Kanzlerin in Berlin. Bild: picture alliance/dpa | Max Mustermann",
        "… leben. (Symbolbild) Foto: pixabay",
        "© IMAGO / Sven Simon",
        "Copyright © 2024 Verlag. Alle Rechte vorbehalten.",
        "Grafik: ſtatista – Quelle: Destatis",
        "Die Focus-App – hier gratis herunterladen.",
        " (Foto: dpa)" * 12,
        "Ein Satz über das Foto: Es zeigt die Stadt im Winter.",
    ]
    texts = [*credits, *AWKWARD_LINES, *_seed_lines()]
    rules = phrase_rules()
    assert any(gate is not None for name in C.SPAN_RULES for gate in rules[name].span_gates)
    for text in texts:
        gated: list[C.Dropped] = []
        plain: list[C.Dropped] = []
        gated_line = plain_line = text
        for name in C.SPAN_RULES:
            rule = rules[name]
            gated_line = C._cut_spans(gated_line, name, rule.span, gated, rule.span_gates)
            plain_line = C._cut_spans(plain_line, name, rule.span, plain)
        assert (gated_line, gated) == (plain_line, plain), text
    assert any(C._cut_spans(text, "credit", rules["credit"].span, []) != text for text in credits)
