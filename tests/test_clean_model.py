"""The classifier's second stage: where a block stands relative to the page's article text, and
the end-marker rule that the classifier can overrule."""

from __future__ import annotations

import numpy as np

from summarize.clean import CleanOptions, clean_text
from summarize.clean.features import (
    FEATURE_NAMES,
    TEXT_RUN_FEATURES,
    _best_run,
    text_run_features,
)
from summarize.clean.model import BlockClassifier


def _brute_force_best_sum(score: np.ndarray) -> float:
    return max(
        float(score[start : end + 1].sum())
        for start in range(len(score))
        for end in range(start, len(score))
    )


def test_best_run_is_the_maximum_sum_run() -> None:
    rng = np.random.default_rng(0)
    for _ in range(200):
        score = rng.normal(size=int(rng.integers(1, 25)))
        start, end = _best_run(score)
        assert 0 <= start <= end < len(score)
        assert float(score[start : end + 1].sum()) == _brute_force_best_sum(score)


def test_text_run_features_place_blocks_around_the_article() -> None:
    # menu, two text blocks, a teaser and a footer (as the first stage sees them)
    probability = np.asarray([0.9, 0.1, 0.2, 0.8, 0.95])
    words = np.asarray([2.0, 60.0, 40.0, 30.0, 3.0])
    columns = dict(
        zip(TEXT_RUN_FEATURES, text_run_features(probability, np.log1p(words)).T, strict=True)
    )
    assert columns["in_text_run"].tolist() == [0.0, 1.0, 1.0, 0.0, 0.0]
    assert columns["blocks_before_text_run"].tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert columns["blocks_after_text_run"].tolist() == [0.0, 0.0, 0.0, 1.0, 2.0]
    # text before the block grows down the page, text after it shrinks
    assert np.all(np.diff(columns["text_words_before"]) >= 0)
    assert np.all(np.diff(columns["text_words_after"]) <= 0)
    assert columns["p_rank"].tolist() == [0.75, 0.0, 0.25, 0.5, 1.0]
    assert text_run_features(np.zeros(0), np.zeros(0)).shape == (0, len(TEXT_RUN_FEATURES))


def _constant_model(log_odds: float) -> BlockClassifier:
    """One leaf for every block: P(boilerplate) = sigmoid(log_odds)."""
    tree = {"feature": [-2], "threshold": [-2.0], "left": [-1], "right": [-1], "value": [log_odds]}
    first = {
        "features": list(FEATURE_NAMES),
        "init": 0.0,
        "learning_rate": 1.0,
        "depth": 0,
        "trees": [tree],
    }
    return BlockClassifier.from_dict({"first": first, "threshold_probability": 0.8})


PAGE = """Wie wir in diesem Jahr unseren Garten winterfest gemacht haben

Im Herbst haben wir die Beete abgeräumt, den Kompost umgesetzt und die empfindlichen Pflanzen \
in den Keller gebracht, bevor der erste Frost kam.

Danach haben wir die Wasserleitungen entleert und die Gartenmöbel unter das Vordach gestellt, \
damit sie den Winter gut überstehen.

Verwendete Quellen:
Ein Gartenbuch aus der Stadtbibliothek und die Tipps unserer Nachbarn.
"""


def test_tail_needs_the_classifier_not_to_call_a_block_text() -> None:
    source = "Ein Gartenbuch aus der Stadtbibliothek und die Tipps unserer Nachbarn."
    # P = 0.62: not clearly text
    doubtful = clean_text(PAGE, CleanOptions(classifier=_constant_model(0.5)))
    assert source not in doubtful.paragraphs
    assert any(d.rule == "tail" and d.text == source for d in doubtful.dropped)
    text = clean_text(PAGE, CleanOptions(classifier=_constant_model(0.0)))  # P = 0.5
    assert source in text.paragraphs
    rules_only = clean_text(PAGE, CleanOptions(disabled=frozenset({"classifier"})))
    assert source not in rules_only.paragraphs


def test_a_tail_marker_above_every_sentence_is_a_menu_heading() -> None:
    # "Themen" heads the site's topic menu; the article follows it. Rules alone (no classifier
    # to overrule a soft rule) and a classifier unsure of every block must both keep it.
    # (a long menu: the marker then stands in the last half of the page's words)
    menu = "\n".join(f"Rubrik {name}{number}" for name in "ABCDEFGHIJ" for number in range(6))
    page = f"Startseite\n{menu}\n\nThemen\n\n{PAGE}"
    article = PAGE.split("\n\n")[1].replace("\\\n", "").replace("\n", " ")
    for options in (
        CleanOptions(disabled=frozenset({"classifier"})),
        CleanOptions(classifier=_constant_model(0.5)),
    ):
        cleaned = clean_text(page, options)
        assert article in cleaned.paragraphs
        assert ("tail", "Themen") not in {(d.rule, d.text) for d in cleaned.dropped}
    # The real end marker below the article still starts the tail.
    rules_only = clean_text(page, CleanOptions(disabled=frozenset({"classifier"})))
    assert ("tail", "Verwendete Quellen:") in {(d.rule, d.text) for d in rules_only.dropped}


def test_a_one_word_marker_over_an_articles_paragraph_is_a_breadcrumb() -> None:
    # ekbo.de: a site menu whose items carry sentence-shaped descriptions and hold half the
    # page's words, then the breadcrumb "Themen" right above the article's headline, date and
    # paragraphs. Rules alone dropped the whole article as `tail` from "Themen" on.
    menu = "\n".join(
        f"Angebot {name}{number}: Alles über das Angebot {name}{number} unserer Landeskirche "
        "in Berlin und Brandenburg, mit Terminen und Ansprechpartnern vor Ort."
        for name in "ABCDE"
        for number in range(4)
    )
    paragraph = (
        "Auf der Tagung der Landessynode hat der Bischof am Freitag sein Wort an die Synodalen "
        "gerichtet und dabei über den Gottesdienst als Wesensmerkmal der Kirche gesprochen. "
        "Er erinnerte an die Erfahrungen der vergangenen Monate, in denen viele Gemeinden neue "
        "Formen gefunden hätten, und dankte den Ehrenamtlichen für ihren Einsatz in der Krise. "
        "Die Kirche bleibe eine Kirche mit Geflüchteten, sagte er unter dem Beifall der Synode."
    )
    related = ["Ähnliche Nachrichten", "Synodentagung wird fortgesetzt", "Livestream der Synode"]
    article = f"Wort des Bischofs zur Synode\n11.11.2021\n\n{paragraph}\n\n{paragraph}"
    page = f"Startseite\n{menu}\n\nThemen\n\n{article}\n\n" + "\n".join(related) + "\n"
    rules_only = CleanOptions(disabled=frozenset({"classifier"}))
    cleaned = clean_text(page, rules_only)
    assert paragraph in cleaned.paragraphs
    assert "Themen" not in [d.text for d in cleaned.dropped if d.rule == "tail"]
    # The list of related stories below the article still goes.
    dropped = {d.text for d in cleaned.dropped}
    assert set(related) <= dropped
    # Over a list of tags (a run of short lines), the same word ends the article, even with a
    # long notice further down.
    tags = "\n".join(["Themen", "Synode", "Gottesdienst", "Landeskirche", "Ehrenamt"])
    notice = paragraph.replace("Synode.", "Synode. Diese Seite nutzt Cookies.")
    tagged = f"Startseite\n{menu}\n\n{article}\n\n{tags}\n\n{notice}\n"
    cleaned = clean_text(tagged, rules_only)
    assert "Themen" in [d.text for d in cleaned.dropped if d.rule == "tail"]
    assert notice not in cleaned.paragraphs
