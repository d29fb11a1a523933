"""Number normalisation and faithfulness checks on real German and English news phrasing."""

from __future__ import annotations

import pytest

from summarize.checks import (
    find_names,
    key_facts,
    translation_warnings,
    unsupported_facts,
)
from summarize.numbers import find_quantities, is_supported, parse_digits


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("14.000", "de", {14000.0}),
        ("14,000", "en", {14000.0}),
        ("14 000", "de", {14000.0}),
        ("650'000", "de", {650000.0}),
        ("5,8", "de", {5.8}),
        ("5.8", "en", {5.8}),
        ("1.234.567", "de", {1234567.0}),
        ("1,234,567", "en", {1234567.0}),
        ("1.234,5", "de", {1234.5}),
        ("1,234.5", "en", {1234.5}),
        ("1.500", "en", {1500.0, 1.5}),  # ambiguous in English text: both readings
        ("2024", "de", {2024.0}),
    ],
)
def test_parse_digits(text: str, language: str, expected: set[float]) -> None:
    assert parse_digits(text, language) == expected  # type: ignore[arg-type]


def _values(text: str, language: str) -> list[tuple[str, set]]:
    return [(q.kind, set(q.values)) for q in find_quantities(text, language)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Kim schickte 14.000 Soldaten.", "Kim sent 14,000 soldiers."),
        ("bis zu 14 000 Mann", "up to 14,000 men"),
        ("5,8 Millionen Artilleriegranaten", "5.8 million artillery shells"),
        ("rund 5,8 Mio. Granaten", "around 5.8 million shells"),
        ("1,5 Milliarden Euro", "1.5 billion euros"),
        ("2,3 Mrd. Dollar", "$2.3bn"),
        ("40 Prozent der Soldaten", "40 percent of the soldiers"),
        ("40 Prozent der Soldaten", "40% of the soldiers"),
        ("ein Plus von 3,5 Prozent", "an increase of 3.5 per cent"),
        ("am 24. Februar 2022", "on February 24, 2022"),
        ("am 24. Februar 2022", "on 24 February 2022"),
        ("am 24.02.2022", "on February 24, 2022"),
        ("im Juni 2024", "in June 2024"),
        ("am 3. Juni", "on June 3"),
        ("seit Oktober 2024", "since October 2024"),
        ("im Sommer 2024", "in the summer of 2024"),
        ("zwei Soldaten", "two soldiers"),
        ("zum dritten Mal", "for the third time"),
        ("mehr als 650'000 Soldaten", "more than 650,000 soldiers"),
    ],
)
def test_the_same_quantity_in_german_and_english_is_supported(german: str, english: str) -> None:
    source = find_quantities(german, "de")
    summary = find_quantities(english, "en")
    assert summary, english
    for quantity in summary:
        assert is_supported(quantity, source), (quantity, source)


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Kim schickte 14.000 Soldaten.", "Kim sent 15,000 soldiers."),
        ("5,8 Millionen Granaten", "5.8 billion shells"),
        ("40 Prozent der Soldaten", "40 soldiers died"),
        ("am 24. Februar 2022", "on February 25, 2022"),
        ("am 24. Februar 2022", "on February 24, 2023"),
        ("im Jahr 2023", "in 2024"),
        ("zwei Soldaten", "three soldiers"),
    ],
)
def test_a_different_quantity_is_not_supported(german: str, english: str) -> None:
    source = find_quantities(german, "de")
    summary = find_quantities(english, "en")
    assert any(not is_supported(q, source) for q in summary), (summary, source)


def test_metres_are_not_millions_and_articles_are_not_counts() -> None:
    assert _values("Die Brücke ist 100 m lang.", "de") == [("number", {100.0})]
    assert _values("Ein Soldat und eine Frau.", "de") == []


SOURCE_EN = (
    "North Korean leader Kim Jong-un has sent 14,000 soldiers to the Ukraine front. "
    "Russian President Vladimir Putin thanked him in a New Year's message on January 1, 2025. "
    '"We share blood, life and death in the same trench", the KCNA agency quoted Kim as saying. '
    "According to Ukrainian figures, around 40 percent of them were killed in Kursk."
)
SOURCE_DE = (
    "Nordkoreas Machthaber Kim Jong-un hat 14.000 Soldaten an die Ukraine-Front geschickt. "
    "Der russische Präsident Wladimir Putin dankte ihm am 1. Januar 2025. "
    "Laut ukrainischen Angaben fielen rund 40 Prozent von ihnen in Kursk."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Kim Jong Un sent 14 000 troops to Ukraine. Putin thanked him on 1 January 2025.",
        "KIM JONG-UN deployed fourteen thousand soldiers; 40% died in Kursk, Ukraine says.",
        'Kim told KCNA: "we share blood, life and death in the same trench."',
        "In 2025, Vladimir Putin thanked North Korea's leader.",
        "The soldiers fought near Kursk.",
    ],
)
def test_faithful_summaries_written_differently_raise_no_flag(summary: str) -> None:
    assert unsupported_facts(summary, SOURCE_EN, SOURCE_DE) == []


@pytest.mark.parametrize(
    ("summary", "kind", "text"),
    [
        ("Kim sent 15,000 soldiers to Ukraine.", "number", "15,000"),
        ("Putin thanked Kim on January 2, 2025.", "number", "January 2, 2025"),
        ("Putin thanked Kim in 2024.", "number", "2024"),
        ("About 60 percent were killed in Kursk.", "number", "60 percent"),
        ("Xi Jinping praised Kim's soldiers.", "name", "Xi Jinping"),
        ("Kim met Lukashenko in Kursk.", "name", "Lukashenko"),
        ('Kim said: "our soldiers will never retreat from Kursk".', "quote",
         "our soldiers will never retreat from Kursk"),
    ],
)  # fmt: skip
def test_planted_errors_are_flagged_with_their_text(summary: str, kind: str, text: str) -> None:
    flags = unsupported_facts(summary, SOURCE_EN, SOURCE_DE)
    assert [(flag.kind, flag.text) for flag in flags] == [(kind, text)]


def test_a_name_in_the_german_source_only_is_supported() -> None:
    assert unsupported_facts("Schoigu visited Pyongyang.", "He visited the capital.",
                             "Schoigu besuchte Pjöngjang. Pyongyang") == []  # fmt: skip


def test_names_are_found_without_sentence_words() -> None:
    names = [name for name, _ in find_names(
        "The Kremlin said President Vladimir Putin met Kim Jong-un in Pyongyang on Monday. "
        "However, the United Nations objected."
    )]  # fmt: skip
    assert names == ["Kremlin", "Vladimir Putin", "Kim Jong-un", "Pyongyang", "United Nations"]


def test_translation_warnings() -> None:
    german = "Nordkorea hat Russland im Ukraine-Krieg tausende Soldaten zur Verfügung gestellt."
    assert translation_warnings(german, "North Korea has provided Russia with thousands of "
                                "soldiers in the Ukraine war.") == []  # fmt: skip
    kinds = {w.kind for w in translation_warnings(german, "North Korea.")}
    assert kinds == {"length_ratio"}
    looped = "North Korea has has has has has provided soldiers soldiers to Russia in the war."
    assert {w.kind for w in translation_warnings(german, looped)} == {"repetition"}
    assert {w.kind for w in translation_warnings(german, german)} >= {"untranslated"}
    low = translation_warnings(german, "North Korea gave Russia many soldiers for the war.", -4.2)
    assert [w.kind for w in low] == ["low_confidence"]


def test_key_facts_list_where_each_fact_occurs() -> None:
    facts = key_facts([
        "Kim Jong-un sent 14,000 soldiers in 2024.",
        "Putin thanked Kim Jong-un on June 3.",
        "The 14,000 troops fought in Kursk.",
    ])  # fmt: skip
    as_pairs = {(fact.kind, fact.text): fact.paragraphs for fact in facts}
    assert as_pairs[("number", "14,000")] == (1, 3)
    assert as_pairs[("name", "Kim Jong-un")] == (1, 2)
    assert as_pairs[("date", "June 3")] == (2,)
    assert ("name", "Kursk") in as_pairs
