"""Number normalisation and faithfulness checks on real German and English news phrasing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.checks import (
    find_names,
    key_facts,
    translation_warnings,
    unsupported_facts,
)
from summarize.checks.quantities import find_quantities, is_supported, parse_digits
from summarize.checks.translation_warnings import numbers_not_in_german
from summarize.stages import sentence_warnings


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
        ("0.042", "en", {0.042}),  # a gap in seconds, never 42
        ("0,042", "de", {0.042}),
        ("0.042", "de", {0.042}),
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


def test_low_confidence_says_what_it_means_and_keeps_the_figure() -> None:
    """The low-confidence warning read "mean token log-probability -4.20", which tells a
    newsroom reader neither what happened nor what to do; it says both, the figure after it."""
    german = "Nordkorea hat Russland im Ukraine-Krieg tausende Soldaten zur Verfügung gestellt."
    (low,) = translation_warnings(
        german, "North Korea gave Russia many soldiers for the war.", -4.2
    )
    assert low.detail == (
        "the translator was unsure of this sentence, so check its English against the German "
        "(mean token log-probability -4.20)"
    )
    # one warning of the paragraph's list: no "; " (which parts its warnings) inside it
    assert ";" not in low.detail


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Ich will keinen Streit, ich will keine Bitterkeit, ich will keine Spaltung.",
            "I don't want a quarrel, I don't want bitterness, I don't want division.",
        ),
        (
            "Nie wart ihr müder, nie wart ihr ratloser, nie wart ihr stolzer.",
            "Never were you more tired, never were you more helpless, never were you prouder.",
        ),
        ("Er rief: Tor, Tor, Tor, Tor!", "He shouted: goal, goal, goal, goal!"),
    ],
)
def test_a_repetition_the_german_says_is_no_loop(german: str, english: str) -> None:
    """A speech's anaphora, translated as it stands, was warned of as the translator's loop."""
    assert [w for w in translation_warnings(german, english) if w.kind == "repetition"] == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die Menschen in der Stadt feiern das Fest.",
            "The people in the city celebrate the people in the city celebrate the people in "
            "the city celebrate the festival.",
        ),
        ("Er rief: Tor, Tor!", "He shouted: goal, goal, goal, goal!"),
        # the German repeats a phrase, less often than the English does
        (
            "Ich will keinen Streit, ich will keine Spaltung.",
            "I don't want a quarrel, I don't want a quarrel, I don't want a quarrel.",
        ),
        # the German repeats two words, the English a phrase back to back
        (
            "Man werde in der Stadt, in der Region und in der Welt handeln.",
            "Action would be taken in the city in the city in the city.",
        ),
        (
            "Die Regierung will die Steuern senken, die Regierung will die Renten erhöhen "
            "und die Regierung will sparen.",
            "The government wants to cut taxes, the government wants to cut taxes, the "
            "government wants to cut taxes.",
        ),
    ],
)
def test_a_loop_the_german_does_not_repeat_is_warned_of(german: str, english: str) -> None:
    assert "repetition" in {w.kind for w in translation_warnings(german, english)}


@pytest.mark.parametrize("german", ["Nordkorea hat Russland Soldaten geschickt.", "Danke!"])
def test_an_empty_translation_is_said_as_none(german: str) -> None:
    """A sentence the model gave no English for: "English is 0.0× the German length" read as a
    ratio to weigh, and a short sentence, which the ratio leaves out, got no warning at all
    while the brief showed "(no translation)" in its place."""
    assert [(w.kind, w.detail) for w in translation_warnings(german, " ")] == [
        ("length_ratio", "no English came back")
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [("Danke!", "!"), ("Nordkorea hat viele Soldaten nach Russland geschickt.", "- - .")],
)
def test_an_english_of_punctuation_only_is_said_as_none(german: str, english: str) -> None:
    """A translator that gave only punctuation for a sentence's words gave no English for it:
    a short sentence passed without a warning (the ratio leaves it out), a longer one read as
    "English is 0.1× the German length", a ratio to weigh."""
    assert [(w.kind, w.detail) for w in translation_warnings(german, english)] == [
        ("length_ratio", f"no English came back, only “{english}”")
    ]
    # A figure is English a reader can use ("5." for "Nummer fünf."): no such warning.
    assert "length_ratio" not in {w.kind for w in translation_warnings("Nummer fünf.", "5.")}


def test_an_english_sentence_passed_through_is_not_german_left_untranslated() -> None:
    """An English paragraph is article text (the cleaner keeps it): a translator that passes it
    through unchanged left no German behind. A German sentence passed through still warns."""
    english = "Reviewing the causes of bee deaths on silver linden trees in the city."
    assert sentence_warnings(english, english) == []
    german = "Nordkorea hat Russland im Ukraine-Krieg tausende Soldaten zur Verfügung gestellt."
    assert [w.kind for w in sentence_warnings(german, german)] == ["untranslated"]
    assert [w.kind for w in sentence_warnings("Gruß", "Gruß")] == ["untranslated"]


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


# --- false alarms and misses seen on real news summaries (issue 13) -----------------------------

CEASEFIRE_EN = (
    "A ceasefire between the two armies held on Tuesday, according to the United Nations. "
    "Troops were sent to the border near Goma after fighting broke out there. A man was arrested "
    "after a fire at a warehouse in Leeds. Young people are leaving the city."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Experts say the ceasefire held.",
        "Reinforcements were sent to the border near Goma.",
        "Teens and young adults are leaving the city.",
        "Suddenly the fighting broke out near Goma.",
        "Man Arrested After Fire At Leeds Warehouse",  # a headline, not one long name
        "CLICK HERE for the latest news from Goma.",
        "The UN says the ceasefire held.",  # an acronym of a name the article spells out
    ],
)
def test_ordinary_words_with_a_capital_are_not_names(summary: str) -> None:
    assert unsupported_facts(summary, CEASEFIRE_EN) == []


@pytest.mark.parametrize(
    ("summary", "name"),
    [
        ("Kabila says the ceasefire held.", "Kabila"),  # a name still counts at sentence start
        ("Suspects Jean Mbeki and Paul Kagame were arrested in Goma.", "Jean Mbeki"),
        ("Troops from Rwanda were sent to the border.", "Rwanda"),
    ],
)
def test_names_at_the_start_of_a_sentence_are_still_checked(summary: str, name: str) -> None:
    flagged = [
        flag.text for flag in unsupported_facts(summary, CEASEFIRE_EN) if flag.kind == "name"
    ]
    assert name in flagged


def test_a_possessive_ends_a_name() -> None:
    source = "Newcastle manager John Carver is not happy with the criticism."
    assert unsupported_facts("John Carver's Newcastle side lost again.", source) == []
    assert [name for name, _ in find_names("John Carver's Newcastle side")] == [
        "John Carver",
        "Newcastle",
    ]


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        # a rank or office abbreviated before a name is its title spelt out, no name of its own
        ("Gov. Andrew Cuomo met Sen. Ted Cruz and Rep. Nancy Pelosi.", []),
        ("Lt. Col. John Smith and Det Sgt Jane Doe spoke.", []),
        ("The Rev. Al Sharpton thanked Cllr Jane Doe.", []),
        # the name after it is still checked
        ("Gov. Jerry Brown met Sen. Ted Jones.", ["Jerry Brown", "Ted Jones"]),
    ],
)
def test_an_abbreviated_title_is_no_name(summary: str, flagged: list[str]) -> None:
    article = (
        "Governor Andrew Cuomo met Senator Ted Cruz and Representative Nancy Pelosi. Lieutenant "
        "Colonel John Smith and Detective Sergeant Jane Doe spoke, and Reverend Al Sharpton "
        "thanked Councillor Jane Doe."
    )
    assert [flag.text for flag in unsupported_facts(summary, article)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        # two names joined by a hyphen into one word are two names, each stated
        ("The US-China talks resumed.", []),
        ("The U.S.-China talks and the EU-China summit.", []),
        ("The UK-China talks resumed.", []),
        # each is still checked
        ("The US-Japan talks resumed.", ["US-Japan"]),
        # nor other names ("Jean-Pierre" from a Jean and a Pierre, "Dupont-Valjean")
        ("The Saint-Germain club and Jean-Pierre Dupont.", ["Saint-Germain", "Jean-Pierre Dupont"]),
        ("The Dupont-Valjean deal.", ["Dupont-Valjean"]),
    ],
)
def test_two_names_joined_by_a_hyphen_are_each_checked(summary: str, flagged: list[str]) -> None:
    article = (
        "Talks between China and the United States resumed in Britain. The European Union said "
        "so. Jean Valjean met Pierre Dupont and a saint."
    )
    assert [flag.text for flag in unsupported_facts(summary, article)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        # ordinary words after a name's hyphen say what the name is to the noun after it
        ("The London-based charity said Kate Smith-led talks failed.", []),
        ("The Cardiff-born singer moved to the Kremlin-backed channel.", []),
        ("The Oxford-educated singer joined the London-based Guardian.", []),
        # the name before them is still checked, alone
        ("The Leeds-based charity said Kate Jones-led talks failed.", ["Leeds", "Kate Jones"]),
        # a name's own small part is kept: "Jong-un", "Stoke-on-Trent"
        ("Kim Jong-un visited Stoke-on-Trent.", ["Kim Jong-un", "Stoke-on-Trent"]),
    ],
)
def test_ordinary_words_after_a_hyphen_are_no_part_of_a_name(
    summary: str, flagged: list[str]
) -> None:
    article = (
        "A charity in London said talks led by Kate Smith had failed. The singer, who was born "
        "in Cardiff and studied at Oxford, moved to a channel backed by the Kremlin and wrote "
        "for the Guardian."
    )
    assert [flag.text for flag in unsupported_facts(summary, article)] == flagged


@pytest.mark.parametrize(
    "text", ["After 3 decades in office", "5 separate attacks on 2 markets", "the 2 may help"]
)
def test_month_names_do_not_match_inside_words(text: str) -> None:
    assert all(quantity.kind != "date" for quantity in find_quantities(text, "en"))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("thirteen soldiers", 13.0),
        ("nineteen soldiers", 19.0),
        ("forty soldiers", 40.0),
        ("ninety soldiers", 90.0),
        ("forty-two soldiers", 42.0),
        ("a thousand soldiers", 1000.0),
        ("fourteen thousand soldiers", 14000.0),
        ("vierzehntausend Soldaten", 14000.0),
    ],
)
def test_number_words_are_read(text: str, value: float) -> None:
    language = "de" if "Soldaten" in text else "en"
    assert _values(text, language) == [("number", {value})]


def test_fourteen_thousand_is_checked_against_the_article() -> None:
    summary = "Kim deployed fourteen thousand soldiers."
    assert unsupported_facts(summary, SOURCE_EN, SOURCE_DE) == []
    flags = unsupported_facts(summary, SOURCE_EN.replace("14,000", "15,000"), None)
    assert [(flag.kind, flag.text) for flag in flags] == [("number", "fourteen thousand")]


@pytest.mark.parametrize(
    ("summary", "source", "flagged"),
    [
        ("Barcelona beat PSG 4-2 in Paris.", "Barcelona won 4-2 against PSG in Paris.", []),
        ("Barcelona beat PSG 4-2 in Paris.", "Barcelona lost 2-4 to PSG in Paris.", []),
        ("Barcelona beat PSG 4-2 in Paris.", "Barcelona won 4-1 against PSG in Paris.", ["4-2"]),
        ("Barcelona and PSG played a 1-1 draw.", "It ended 1-1 between Barcelona and PSG.", []),
        ("Barcelona and PSG played a 1-1 draw.", "Barcelona beat PSG 2-1 after 1 goal.", ["1-1"]),
        ("He fell 10-12ft into the pit.", "He fell between 10 and 12ft into the pit.", []),
    ],
)
def test_a_score_line_is_one_fact(summary: str, source: str, flagged: list[str]) -> None:
    assert [flag.text for flag in unsupported_facts(summary, source)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("The ceasefire held on Tuesday.", []),
        ("The ceasefire held on Friday.", ["Friday"]),
        ("The ceasefire held in early April.", []),
        ("The ceasefire held in early June.", ["June"]),
    ],
)
def test_weekdays_and_months_are_dates(summary: str, flagged: list[str]) -> None:
    source = CEASEFIRE_EN + " Talks began in April."
    assert [flag.text for flag in unsupported_facts(summary, source)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Boase said: 'My intention is never to drink again.'", []),
        ("Boase said: ` My intention is never to drink again '", []),
        ("Boase said his intention is ` never to drink again '", []),
        ("Boase said: 'My intention is never to drink wine again.'", True),
        ("Boase said: ` My plan is never to drink again '", True),
        ("Boase's lawyer said the players' wages were paid.", []),  # apostrophes, no quotation
    ],
)
def test_quotations_in_news_forms_are_checked(summary: str, flagged: object) -> None:
    source = "Boase, who has two convictions, said: 'My intention is never to drink again.'"
    quotes = [flag for flag in unsupported_facts(summary, source) if flag.kind == "quote"]
    assert bool(quotes) == bool(flagged)


def test_a_quotation_may_drop_a_function_word_but_not_change_one() -> None:
    source = "'The modern audience might not be getting the same education in school,' he said."
    assert unsupported_facts("He said ` modern audience might not be getting same education '",
                             source) == []  # fmt: skip
    flags = unsupported_facts("He said ` modern audience might be getting same education '", source)
    assert [flag.kind for flag in flags] == ["quote"]


def test_a_fact_the_translation_garbled_is_backed_by_the_german_source() -> None:
    garbled_en = "Kim sent 14 soldiers to the front on 1 June. Shoigu visited Pyongyang."
    german = "Kim schickte am 1. Januar 14.000 Soldaten an die Front. Schoigu besuchte Pjöngjang."
    summary = "Kim sent 14,000 soldiers to the front on January 1."
    assert unsupported_facts(summary, garbled_en, german) == []
    assert {flag.text for flag in unsupported_facts(summary, garbled_en, None)} == {
        "14,000",
        "January 1",
    }
    # A number neither source states is still flagged.
    flags = unsupported_facts("Kim sent 15,000 soldiers.", garbled_en, german)
    assert [flag.text for flag in flags] == ["15,000"]


def test_names_keep_their_own_words_and_drop_roles() -> None:
    text = (
        "'Must be nice,' she wrote. I'm out here, she said. He met Prime Minister David Cameron, "
        "President Vladimir Putin, the International Monetary Fund and the New York Times."
    )
    assert [name for name, _ in find_names(text)] == [
        "Prime Minister David Cameron",
        "Vladimir Putin",
        "International Monetary Fund",
        "New York Times",
    ]


# --- times of day, ordinal dates and ranks (issue 13, second pass) ------------------------------


@pytest.mark.parametrize(
    ("summary", "source", "flagged"),
    [
        ("The fire broke out at 6pm.", "Das Feuer brach um 18 Uhr aus.", []),
        ("The fire broke out at 6 p.m. on Friday.", "Feuer am Freitag um 18.00 Uhr.", []),
        ("The fight broke out at 4:15pm.", "Die Schlägerei begann um 16:15h.", []),
        ("The crash happened around 21:30.", "Der Unfall geschah gegen 21.30 Uhr.", []),
        ("The crash happened around 9.30pm.", "Der Unfall geschah gegen 21.30 Uhr.", []),
        ("Shortly before 6 on Sunday, a driver called.", "Kurz vor 6 Uhr am Sonntag.", []),
        # a planted time is still caught, digits or clock word changed
        ("The fire broke out at 7pm.", "Das Feuer brach um 18 Uhr aus.", ["7pm"]),
        ("The fire broke out at 6am.", "Das Feuer brach um 18 Uhr aus.", ["6am"]),
        ("The crash happened around 21:45.", "Der Unfall geschah gegen 21.30 Uhr.", ["21:45"]),
    ],
)
def test_a_time_of_day_is_one_fact_in_any_clock(
    summary: str, source: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", source)] == flagged


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Rosberg's lap of 1:42.091", ["number", "number"]),  # a lap time, not 1:42 o'clock
        ("Frankfurt verlor 0:3 gegen Basel.", ["score"]),  # a German score
        ("In phase 2: 300 jobs will go.", ["number", "number"]),  # a label's colon, a space
        ("Sales rose 5.30 percent.", ["percent"]),  # a decimal, not half past five
        ("a 24h strike", ["number"]),
    ],
)
def test_numbers_with_colons_or_dots_are_not_all_times(text: str, kinds: list[str]) -> None:
    assert [quantity.kind for quantity in find_quantities(text, "en")] == kinds


def test_a_german_score_with_a_colon_backs_the_english_score_line() -> None:
    assert unsupported_facts("Kiel won 24-22.", "", "Kiel gewann 24:22.") == []
    assert [
        flag.text for flag in unsupported_facts("Kiel won 25-22.", "", "Kiel gewann 24:22.")
    ] == ["25-22"]


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        ("Eintracht won the DFB Cup.", "Eintracht won the DFB-Pokal.",
         "Die Eintracht gewann den DFB-Pokal.", []),
        ("The Gmünd Association met.", "The Gmünder Kunstverein met.",
         "Der Gmünder Kunstverein tagte.", []),
        ("Eintracht won the DFB Cup.", "Eintracht won the league.",
         "Die Eintracht gewann die Liga.", ["DFB Cup"]),  # no cup in the article
        ("Eintracht won the UEFA Cup.", "Eintracht won the DFB-Pokal.",
         "Die Eintracht gewann den DFB-Pokal.", ["UEFA Cup"]),  # another cup's name
        # the kind's word in the name's own word, or away from the name: no backing
        ("Hamburg Castle opened.", "Hamburg opened its doors.", "Hamburg öffnete.",
         ["Hamburg Castle"]),
        ("The Tschentscher Prize rose.", "Tschentscher said the electricity price rose.",
         "Tschentscher sagte, der Strompreis steige.", ["Tschentscher Prize"]),
        # a landmark by its city's -er word and its kind, the city named in German or English
        ("Crowds met at the Brandenburg Gate.", "",
         "Tausende trafen sich am Brandenburger Tor.", []),
        ("Crowds met at Cologne Cathedral.", "", "Tausende trafen sich am Kölner Dom.", []),
        ("Crowds met at Berlin Cathedral.", "", "Tausende trafen sich am Berliner Dom.", []),
        ("The Berlin Wall fell.", "", "Die Berliner Mauer fiel.", []),
        ("Crowds met at Ulm Minster.", "", "Tausende trafen sich im Ulmer Münster.", []),
        # a name of ordinary words only, its kind in one German compound with it
        ("The National Police came.", "", "Die Nationalpolizei kam.", []),
        ("The National Police came.", "", "Die Bundespolizei kam.", ["National Police"]),
        # another city's landmark, or a word that only ends in the kind's short word
        ("Crowds met at Cologne Cathedral.", "", "Tausende trafen sich am Münchner Dom.",
         ["Cologne Cathedral"]),
        ("Crowds met at the Brandenburg Gate.", "", "Tausende trafen sich am Berliner Tor.",
         ["Brandenburg Gate"]),
        ("Crowds met at the Brandenburg Gate.", "", "Der Brandenburger Autor las vor.",
         ["Brandenburg Gate"]),
        ("The Berlin Wall fell.", "", "Die Kölner Stadtmauer fiel.", ["Berlin Wall"]),
    ],
)  # fmt: skip
def test_the_translators_word_for_an_institutions_kind_is_backed_by_the_german(
    summary: str, english: str, german: str, flagged: list[str]
) -> None:
    """A name kept and its kind put in English ("DFB-Pokal" as "DFB Cup"): two thirds of the
    name alarms on a second translator's sentences (WMT21). The German word for the kind, as a
    word or a compound's end, backs it; the name's own parts must still be stated."""
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT19 s819: "the DFB Cup winners" for "den DFB-Pokalsieger" was flagged
        ("They scored for the DFB Cup winners.", "Sie trafen für den DFB-Pokalsieger.", []),
        ("Before the DFB Cup final they won.", "Vor dem DFB-Pokalfinale gewannen sie.", []),
        ("The Nobel Prize winner spoke.", "Der Nobel-Preisträger sprach.", []),
        # another kind or name still flags, and a short kind's word begins other words
        ("Before the DFB Cup final they won.", "Vor dem DFB-Ligafinale gewannen sie.", ["DFB Cup"]),
        (
            "Before the UEFA Cup final they won.",
            "Vor dem DFB-Pokalfinale gewannen sie.",
            ["UEFA Cup"],
        ),
        (
            "The Windberg Festival was cancelled.",
            "Die Windberg-Festnahme wurde abgesagt.",
            ["Windberg Festival"],
        ),
    ],
)
def test_a_compound_beginning_with_the_kind_after_the_name_backs_the_kind(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The Wolves stayed unbeaten in the League.",
         "Die Wolves blieben in der Liga ungeschlagen.", []),
        ("The gothic Cathedral of Nantes burned.",
         "Die gotische Sankt-Peter-und-Paul-Kathedrale in Nantes brannte.", []),
        ("Eintracht went out of the Cup.", "Die Eintracht schied im Pokal aus.", []),
        # no such kind in the German, or only at a compound's end
        ("The Wolves stayed unbeaten in the League.", "Die Wolves blieben ungeschlagen.",
         ["League"]),
        ("He won the Prize.", "Der Strompreis stieg.", ["Prize"]),
        ("They visited the Castle.", "Sie besuchten Hamburg.", ["Castle"]),
    ],
)  # fmt: skip
def test_a_kind_of_institution_alone_is_backed_by_its_german_word(
    summary: str, german: str, flagged: list[str]
) -> None:
    """A translator's "the League" for "die Liga", "the Cathedral" for "…-Kathedrale": a kind of
    institution written with a capital, alone, was a name no source stated, on the German text
    alone (the check of a brief whose English is garbled)."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("Seehofer asked the Minister of Justice Christine Lambrecht.",
         "Seehofer bat Justizministerin Christine Lambrecht.", []),
        ("It was raised by the Minister of Transport Kerstin Schreyer.",
         "Es sprach Verkehrsministerin Kerstin Schreyer.", []),
        ("The Minister came.", "Die Ministerin kam.", []),
        ("The Festival was cancelled.", "Das Filmfestival wurde abgesagt.", []),
        # another word, or the word inside one: no role
        ("The Minister came.", "Der Präsident kam.", ["Minister"]),
        ("The Minister came.", "Das Ministerium kam.", ["Minister"]),
    ],
)  # fmt: skip
def test_an_english_role_is_backed_by_the_german_compound_it_ends(
    summary: str, german: str, flagged: list[str]
) -> None:
    """A translator's "the Minister of Justice" for "Justizministerin": the role written with a
    capital, alone, was a name the German did not state (it says it as a compound's end)."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        ("The Covid-19 crisis hit the club.", "The ongoing corona crisis hit the club.",
         "Die anhaltende Corona-Krise traf den Verein.", []),
        ("The coronavirus hit the club.", "Covid-19 hit the club.",
         "Covid-19 traf den Verein.", []),
        ("The Covid-19 crisis hit the club.", "The crisis hit the club.",
         "Die Krise traf den Verein.", ["Covid-19"]),  # no pandemic in the article
        ("The Covid-21 crisis hit 19 clubs.", "The Covid-19 crisis hit 21 clubs.",
         "Die Covid-19-Krise traf 21 Vereine.", ["19", "Covid-21"]),

        ("Covid hit the ceremony.", "The coronation of King Charles.",
         "Die Krönung von König Charles.", ["Covid"]),  # no pandemic: a coronation
    ],
)  # fmt: skip
def test_the_pandemic_is_one_name_and_its_digits_no_count(
    summary: str, english: str, german: str, flagged: list[str]
) -> None:
    """A summary's "Covid-19" beside the article's "Corona-Krise" was two false alarms: the name
    and a number 19. The pandemic's names back one another, and "-19" is part of the name."""
    assert sorted(flag.text for flag in unsupported_facts(summary, english, german)) == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Capacity is to rise to 17 GW by 2030.", []),
        ("Capacity is to rise to 18 GW by 2030.", ["18"]),  # the number is still checked
        ("GW Energie will build it.", ["GW Energie"]),  # a name that starts with the letters
        ("He won at the 2030 GB trials.", ["GB"]),  # after a year: a name (here, Britain's)
    ],
)
def test_a_unit_symbol_after_a_number_is_no_name(summary: str, flagged: list[str]) -> None:
    """ "17 GW" was flagged as a name the article lacks (it says "17 Gigawatt"): a unit symbol
    written with capitals, right after a number, is the number's unit."""
    english = "Capacity should increase to 17 gigawatt by 2030."
    german = "Bis 2030 soll die Kapazität auf 17 Gigawatt steigen."
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("More than 500 harvesters are in quarantine.", ["500"]),
        ("Over 500 harvesters are in quarantine.", ["500"]),
        ("Almost 500 harvesters are in quarantine.", []),
        ("About 500 harvesters are in quarantine.", []),
        ("500 harvesters are in quarantine.", []),
        ("The county took over 500 harvesters' care.", []),  # a verb's "over": no hedge
    ],
)
def test_a_hedge_on_the_other_side_of_the_same_number_is_not_backed(
    summary: str, flagged: list[str]
) -> None:
    """ "more than 500" for "fast 500" (almost) was backed by the value alone: the summary turned
    "under" into "over". A hedge near the number, or none, still goes with either."""
    english = "Almost 500 harvesters are in quarantine."
    german = "Fast 500 Erntehelfer stehen unter Quarantäne."
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("german", "english", "flagged"),
    [
        ("Er wartete über 40 Minuten.", "He waited less than 40 minutes.", True),
        ("Das Haus ist über 100 Jahre alt.", "The house is less than 100 years old.", True),
        ("Er wartete über 40 Minuten.", "He waited more than 40 minutes.", False),
        ("Die Strecke ist fast 6 km lang.", "The route is almost 6,000 metres long.", False),
    ],
)
def test_a_hedge_on_the_other_side_of_a_measure_is_a_warning(
    german: str, english: str, flagged: bool
) -> None:
    """The two sides of one number were told apart for counts only: "less than 40 minutes" for
    "über 40 Minuten" passed, as did WMT19's "after more than 30 years" for "nach fast 30
    Jahren", because a measure in a unit was matched by its value in the base unit alone."""
    assert bool(translation_warnings(german, english)) == flagged


@pytest.mark.parametrize(
    "english",
    [
        "Coach Martin O'Neill praised his team on Monday.",
        "Coach Martin O'Brien praised his team at the O2 Arena on Monday.",
    ],
)
def test_the_letter_o_is_no_zero(english: str) -> None:
    """text2num reads a lone "o" as zero ("nineteen o five"): every O'Neill and O'Brien was a
    figure "O" the German did not state, a key fact and a flag in a summary."""
    german = english.replace("Coach", "Trainer").replace("praised his team", "lobte sein Team")
    german = german.replace("on Monday", "am Montag").replace("at the", "in der")
    assert translation_warnings(german, english) == []
    assert [fact for fact in key_facts([english]) if fact.kind == "number"] == []
    assert unsupported_facts(english, english, german) == []
    assert translation_warnings("Um 14 Uhr beginnt es.", "It starts at two o'clock.") == []


def test_a_vulgar_fraction_after_a_number_is_part_of_it() -> None:
    """ "3½" was read as 3: the translator's "3 years" dropped the half unseen, and a right "3.5"
    was a figure the German did not state."""
    german = "Die Töchter sind 3½ und 1½ Jahre alt."
    assert translation_warnings(german, "The daughters are 3.5 and 1.5 years old.") == []
    assert translation_warnings(german, "The daughters are three and a half and 1½.") == []
    assert translation_warnings(german, "The daughters are 3 1/2 and 1 1/2 years old.") == []
    dropped = translation_warnings("Das Kind ist 3½ Jahre alt.", "The child is 3 years old.")
    assert [w.kind for w in dropped] == ["numbers", "missing_numbers"]


def test_may_opening_a_sentence_is_the_month() -> None:
    """ "May" is read as the month only after a word that makes it one ("in May"), and that word
    was read in lower case only: "In May the board …" for "Im Juni …" passed."""
    warnings = translation_warnings("Im Juni warf der Vorstand ihn raus.", "In May the board …")
    assert [w.detail for w in warnings if w.kind == "numbers"] == ["“May” not in the German"]
    assert translation_warnings("Im Mai warf der Vorstand ihn raus.", "In May the board …") == []
    assert translation_warnings("Theresa May sprach.", "Theresa May spoke.") == []


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Frankfurt lost 0:2 to Basel.", ["0:2"]),
        ("Frankfurt lost 0-2 to Basel.", ["0-2"]),
        ("Frankfurt lost 0:3 to Basel.", []),
        ("Basel beat Frankfurt 3-0.", []),
    ],
)
def test_a_score_with_a_colon_is_one_fact(summary: str, flagged: list[str]) -> None:
    """German writes a score with a colon, and the translator keeps it: "0:2" was two numbers,
    each backed by any 0 and 2 of the article, so a summary's wrong score passed."""
    english = "Frankfurt lost 0:3 to Basel in March. Two players were injured."
    german = "Frankfurt verlor im März 0:3 gegen Basel. Zwei Spieler wurden verletzt."
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("He will visit on the 1st of August.", []),
        ("The race runs from the 5th to the 9th of August.", []),
        ("He will visit on 6th August.", []),
        ("He will visit on the 2nd of August.", ["2nd of August"]),
        ("He will visit on the 1st of September.", ["1st of September"]),
    ],
)
def test_a_date_with_an_ordinal_day_is_a_date(summary: str, flagged: list[str]) -> None:
    source = "Er kommt am 1. August, das Rennen läuft vom 5. bis 9. August, Rückspiel am 6. August."
    assert [flag.text for flag in unsupported_facts(summary, "", source)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Russia No 1 Igor Akinfeev was hit by a flare.", []),  # a rank ("first"), not a count
        ("The world No. 1 lost in Paris.", []),
        ("The world No 4 lost in Paris.", ["No 4"]),  # a rank the article does not state
        ("The world No 3 lost in Paris.", []),
    ],
)
def test_a_rank_is_read_as_a_rank(summary: str, flagged: list[str]) -> None:
    source = "Goalkeeper Igor Akinfeev was hit by a flare in Paris, where the third seed lost."
    texts = [flag.text for flag in unsupported_facts(summary, source) if flag.kind == "number"]
    assert texts == flagged


def test_a_percentage_with_a_plus_is_a_percentage() -> None:
    assert unsupported_facts("The wind parks deliver 21+ percent more power.", "",
                             "Die Windparks liefern gut 21 Prozent mehr Strom.") == []  # fmt: skip
    flags = unsupported_facts("The wind parks deliver 21+ percent more power.", "",
                              "Die Windparks liefern 21 Megawatt mehr.")  # fmt: skip
    assert [flag.text for flag in flags] == ["21+ percent"]


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("The match kicks off at 6pm.", []),
        ("Doors open at 7.30pm.", []),
        ("The match kicks off at 8pm.", ["8pm"]),
    ],
)
def test_an_hour_written_as_a_bare_number_backs_a_time(summary: str, flagged: list[str]) -> None:
    source = "The match kicks off at 6 in the evening, and doors open at 7.30 in the evening."
    assert [flag.text for flag in unsupported_facts(summary, source)] == flagged


def test_key_facts_list_a_time_of_day_as_a_date() -> None:
    facts = key_facts(["Die Feuerwehr kam um 18.30 Uhr.", "The fire started at 6.30pm."])
    assert [(fact.kind, fact.text, fact.paragraphs) for fact in facts if fact.kind == "date"] == [
        ("date", "18.30 Uhr", (1, 2))
    ]


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("The economy may shrink by nine percent.", []),
        ("The economy may shrink by ten percent.", ["ten percent"]),  # the article's 10 is a count
        ("The economy may shrink by 9%.", []),
    ],
)
def test_a_number_word_before_percent_is_a_percentage(summary: str, flagged: list[str]) -> None:
    source = "Die Wirtschaft schrumpft um neun Prozent, sagen 10 Experten."
    assert [flag.text for flag in unsupported_facts(summary, "", source)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Twenty people died in the fire.", []),  # a number word opening a sentence is no name
        ("Fifty-five houses burned.", []),
        ("Thirty people died in the fire.", [("number", "Thirty")]),  # a count, not a name
        ("Tennessee firefighters came.", [("name", "Tennessee")]),  # a name still is one
    ],
)
def test_number_words_are_not_names(summary: str, flagged: list[tuple[str, str]]) -> None:
    source = "20 people died when 55 houses burned in Ohio."
    assert [(flag.kind, flag.text) for flag in unsupported_facts(summary, source)] == flagged


@pytest.mark.parametrize(
    ("summary", "source", "flagged"),
    [
        ("He lived there in the 1990s.", "He moved there in 1995.", []),
        ("He lived there in the '90s.", "He moved there in March 1995.", []),
        ("A man in his 50s was hurt.", "A man, 54, was hurt.", []),  # an age, not years
        ("He lived there in the 1980s.", "He moved there in 1995.", ["1980s"]),
        ("A man in his 60s was hurt.", "A man, 54, was hurt.", ["60s"]),
    ],
)
def test_a_decade_is_backed_by_a_year_or_an_age_in_it(
    summary: str, source: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, source)] == flagged


@pytest.mark.parametrize(
    ("summary", "source", "flagged"),
    [
        ("In 2018, 300 people died.", "Im Jahr 2018 starben 300 Menschen.", []),
        ("The 2018 season cost 300 lives.", "Im Jahr 2018 starben 300 Menschen.", []),
        # a thousands separator makes a count, which the year does not back
        ("In 2018, 2,018 people died.", "Im Jahr 2018 starben 300 Menschen.", ["2,018"]),
        ("In 2018, 2.018 people died.", "Im Jahr 2018 starben 300 Menschen.", ["2.018"]),
        ("2,018 people died.", "Seit 2018 starben 300 Menschen.", ["2,018"]),
        # a German count of four digits is often written without one: it still backs the count
        ("About 2,000 people came.", "Rund 2000 Menschen kamen.", []),
        ("2,000 people came.", "Es kamen 2000 Menschen.", []),
        ("It cost 2,000 euros.", "Es kostete 2000 Euro.", []),
    ],
)
def test_a_year_does_not_back_a_grouped_count(
    summary: str, source: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", source)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        ("The city hired 2,000 new teachers.", "", "Die Stadt stellte 2000 neue Lehrer ein.", []),
        ("It created 2,000 extra jobs.", "", "Sie schuf 2000 zusätzliche Stellen.", []),
        ("We need 2,000 more staff.", "We need 2000 more staff.", None, []),
        ("They sent 1,800 young soldiers.", "They sent 1800 young soldiers.", None, []),
        # a year still backs no grouped count
        ("2,018 people died.", "", "2018 starben in der Stadt viele Menschen.", ["2,018"]),
        ("2,018 people died.", "In 2018 the new rules came.", None, ["2,018"]),
        # a verb or article after a year is none of a count's adjectives
        ("2,018 people died.", "", "Im Jahr 2018 wurde die Stadt getroffen.", ["2,018"]),
        ("2,018 people died.", "", "Seit 2018 hatte der Verein viele Mitglieder.", ["2,018"]),
        ("2,018 people died.", "", "2018 wurde Merkel wieder Kanzlerin.", ["2,018"]),
        ("2,018 people died.", "In 2018 more people died than ever.", None, ["2,018"]),
        ("2,018 people died.", "", "Seit 2018 neue Regeln gelten, sterben weniger.", ["2,018"]),
    ],
)
def test_a_count_of_four_digits_with_an_adjective_before_its_noun_backs_the_grouped_count(
    summary: str, english: str, german: str | None, flagged: list[str]
) -> None:
    """ "2000 neue Lehrer", "2000 more staff": a count, as "2000 Lehrer" is; read as a year, for
    the adjective after the figure, it backed no "2,000 new teachers", which was flagged."""
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Two-thirds of voters agree.", []),  # a fraction, not a count of two
        ("About 66 percent of voters agree.", []),  # the same share, rounded
        ("A quarter of the babies weigh less than 1,500 grams.", []),
        ("A fourth of the babies weigh less than 1,500 grams.", []),
        ("One in five restaurants serves it.", []),
        ("1 in 5 restaurants serves it.", []),
        ("20 per cent of restaurants serve it.", []),
        ("Three-quarters of voters agree.", ["Three-quarters"]),  # a share nobody states
        ("A third of the babies weigh less than 1,500 grams.", ["A third"]),
        ("One in three restaurants serves it.", ["One in three"]),
        ("Three-fifths of restaurants serve it.", ["Three-fifths"]),
    ],
)
def test_a_fraction_is_read_as_a_share(summary: str, flagged: list[str]) -> None:
    source = (
        "Zwei Drittel der Wähler stimmen zu, sagen drei Forscher. Ein Viertel der Babys wiegt "
        "weniger als 1.500 Gramm. Jedes fünfte Restaurant serviert sie."
    )
    assert [flag.text for flag in unsupported_facts(summary, "", source)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        # the same measure in another metric unit, in either source
        ("The kite is 6 km long.", "a kite of 6,000 metres (3.7 miles)", "", []),
        ("The kite is 6 km long.", "the 6,000-metre-long kite", "", []),
        ("The kite is 6 km long.", "", "ein 6.000 Meter langer Drachen", []),
        ("They brought 20kg of fins.", "", "20 Kilogramm Flossen", []),
        ("They brought 20,000 grams of fins.", "20kg of fins", "", []),
        # another measure, another dimension, or no unit at all is not backed
        ("The kite is 9 km long.", "a kite of 6,000 metres", "", ["9"]),
        ("The kite weighs 6 kg.", "a kite of 6,000 metres", "", ["6"]),
        ("It took 6 months.", "a kite of 6,000 metres", "", ["6"]),
        ("The kite is 6 km long.", "6,000 people watched", "", ["6"]),
    ],
)
def test_a_metric_measure_is_backed_in_another_metric_unit(
    summary: str, english: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        # a translator's word for an administrative division, or an elided article
        ("A rider was hit near Schönthal (Cham County).", "", "bei Schönthal (Landkreis Cham)", []),
        (
            "Nearly 50 new infections: Hof County misses lockdown",
            "",
            "Fast 50 Neuinfektionen: Landkreis Hof knapp",
            [],
        ),
        ("He returns at the Tour de l’Ain.", "", "bei der Tour de l'Ain (5. bis 9. August)", []),
        # the place itself must still be stated, and a club or team is no division
        (
            "A rider was hit near Schönthal (Roth County).",
            "",
            "bei Schönthal (Landkreis Cham)",
            ["Roth County"],
        ),
        ("Manchester City won again.", "Manchester United won again.", "", ["Manchester City"]),
        ("He returns at the Tour de l’Ain.", "", "bei der Tour de France", ["Ain"]),
    ],
)
def test_a_division_word_or_elided_article_does_not_make_another_name(
    summary: str, english: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("He lived there in the 1990s.", "Er lebte in den 90er Jahren dort.", []),
        ("He lived there in the 1990s.", "Er lebte in den 1990er-Jahren dort.", []),
        ("He lived there in the 1990s.", "Er lebte in den 90ern dort.", []),
        ("A man in his 50s was hurt.", "Ein Mann in seinen 50ern wurde verletzt.", []),
        ("He lived there in the 1980s.", "Er lebte in den 90er Jahren dort.", ["1980s"]),
        ("He lived there in 1990.", "Er lebte in den 1990er-Jahren dort.", ["1990"]),
        ("He paid with a 50 euro note.", "Er zahlte mit einem 50er.", []),  # a note, not a decade
    ],
)
def test_a_german_decade_backs_the_english_decade(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        # a range of percentages is two shares, not a score line
        ("Prices rose by 10 to 12 percent.", "Prices rose 10-12%.", "", []),
        ("Prices rose by 10 to 12 percent.", "", "Die Preise stiegen um 10-12 Prozent.", []),
        (
            "Prices rose by 10 to 13 percent.",
            "",
            "Die Preise stiegen um 10-12 Prozent.",
            ["13 percent"],
        ),
        # a span of years or a season names its second year in two digits
        ("He led it from 2010 to 2015.", "He led it in 2010-15.", "", []),
        ("He scored 12 goals in 2022.", "", "Er schoss in der Saison 2021/22 12 Tore.", []),
        ("He scored 12 goals in 2023.", "", "Er schoss in der Saison 2021/22 12 Tore.", ["2023"]),
        # "1.5m" without a currency sign: news English for millions (or metres)
        ("The firm has 1.5m customers.", "", "Die Firma hat 1,5 Millionen Kunden.", []),
        ("The firm has 1.5 million customers.", "The firm has 1.5m customers.", "", []),
        ("The firm has 2.5m customers.", "", "Die Firma hat 1,5 Millionen Kunden.", ["2.5"]),
    ],
)
def test_ranges_seasons_and_millions_as_news_writes_them(
    summary: str, english: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a German number with thousands dots ending a sentence is one number, not an ordinal
        ("The number rose to 2936.", "Die Zahl stieg auf 2.936. Das meldete das Amt.", []),
        ("The number rose to 2937.", "Die Zahl stieg auf 2.936. Das meldete das Amt.", ["2937"]),
        # a German date without a space after the day's dot
        ("She left on 1 January 2018.", "Sie ging am 01.Januar 2018 von Bord.", []),
        ("She left on 2 January 2018.", "Sie ging am 01.Januar 2018 von Bord.", ["2 January 2018"]),
        # a date with slashes reads day/month or month/day
        ("updated on 04/05/2018", "aktualisiert am 04.05.2018", []),
        ("updated on 05/04/2018", "aktualisiert am 04.05.2018", []),
        ("updated on 06/05/2018", "aktualisiert am 04.05.2018", ["06/05/2018"]),
        # a range of days in one month: both days are dates of that month
        ("It runs from October 4 to 14.", "Sie läuft vom 4. bis zum 14. Oktober.", []),
        ("It runs from 4 to 14 October.", "Sie läuft vom 4. bis 14. Oktober.", []),
        ("It runs from October 4 to 15.", "Sie läuft vom 4. bis zum 14. Oktober.", ["15"]),
        ("It runs from October 5 to 14.", "Sie läuft vom 4. bis zum 14. Oktober.", ["October 5"]),
        # percentage points in any German case
        ("It rose 2.5 percentage points.", "Es stieg um 2,5 Prozentpunkte.", []),
        ("It rose by 2.5 percentage points.", "Ein Plus von 2,5 Prozentpunkten.", []),
        ("It rose by 2.5 percent.", "Ein Plus von 2 Prozentpunkten.", ["2.5 percent"]),
        # "mid-May" is the month (not the verb)
        ("It happened in mid-May.", "Es geschah Mitte Mai.", []),
        ("It happened in mid-May.", "Es geschah Mitte September.", ["May"]),
        # a time of day written as a decimal ("At 14.13") is the time "14.13 Uhr"
        ("At 14.13 the brigade came.", "Um 14.13 Uhr kam die Feuerwehr.", []),
        ("At 14.14 the brigade came.", "Um 14.13 Uhr kam die Feuerwehr.", ["14.14"]),
    ],
)
def test_german_numbers_and_dates_as_news_writes_them(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT references write "In Mid-May", "Mid-March" with a capital: flagged as names
        ("In Mid-May the club won.", "Mitte Mai gewann der Verein.", []),
        ("The club won in Mid-March.", "Der Verein gewann Mitte März.", []),
        ("From Late-May on, the club won.", "Ab Ende Mai gewann der Verein.", []),
        ("In Mid-2019 the club won.", "Mitte 2019 gewann der Verein.", []),
        # the date is still checked, and a name that begins so is still a name
        ("In Mid-May the club won.", "Mitte September gewann der Verein.", ["May"]),
        ("The club won in Mid-March.", "Der Verein gewann Mitte Mai.", ["March"]),
        ("She lives in Mid-Glamorgan.", "Sie lebt in Wales.", ["Mid-Glamorgan"]),
    ],
)
def test_a_capitalised_part_of_a_month_is_a_date_not_a_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a weekday as the first part of a German compound, or as an adverb
        ("It happened on Friday evening.", "Es geschah am Freitagabend.", []),
        ("It happened early on Sunday morning.", "Es geschah am frühen Sonntagmorgen.", []),
        ("She walked on Saturdays and Sundays.", "Sie lief samstags und sonntags.", []),
        ("It happened on Saturday evening.", "Es geschah am Freitagabend.", ["Saturday"]),
        # a number word as the first part of a German numeral adjective
        ("The three-day festival was cancelled.", "Das dreitägige Fest wurde abgesagt.", []),
        ("The seven-time champion.", "Der siebenmalige Meister.", []),
        ("It marked its ten-year anniversary.", "Aus Anlass ihres zehnjährigen Bestehens.", []),
        ("A three-storey store.", "Ein dreigeschossiges Warenhaus.", []),
        ("The four-day festival was cancelled.", "Das dreitägige Fest wurde abgesagt.", ["four"]),
        # "beide" is two; "jeder Zweite" is one in two
        ("The two groups never met.", "Die beiden Gruppen trafen sich nicht.", []),
        ("The three groups never met.", "Die beiden Gruppen trafen sich nicht.", ["three"]),
        ("Only one in two wants it.", "Nur jeder Zweite will es.", []),
        ("Only one in three wants it.", "Nur jeder Zweite will es.", ["one in three"]),
        # "Hunderte", "Tausende": the English "hundreds", "thousands"
        ("Hundreds gathered on the beach.", "Hunderte versammelten sich am Strand.", []),
        ("Thousands took to the streets.", "Tausende gingen auf die Straße.", []),
        ("Thousands took to the streets.", "Hunderte gingen auf die Straße.", ["Thousands"]),
    ],
)
def test_german_compounds_and_collective_numbers_back_the_english(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The party presented a 10-point plan.", "Die Partei legte einen Zehnpunkteplan vor.", []),
        ("It is a two-party system.", "Es ist ein Zweiparteiensystem.", []),
        ("They stayed in a five-star hotel.", "Sie wohnten in einem Fünfsternehotel.", []),
        ("She rents a three-room flat.", "Sie mietet eine Dreizimmerwohnung.", []),
        ("It has a four-cylinder engine.", "Er hat einen Vierzylindermotor.", []),
        # another number is flagged; words that only begin like a number word are none
        (
            "The party presented a 12-point plan.",
            "Die Partei legte einen Zehnpunkteplan vor.",
            ["12"],
        ),
        ("They stayed in a four-star hotel.", "Sie wohnten in einem Fünfsternehotel.", ["four"]),
        ("He booked two single rooms.", "Er buchte ein Einzelzimmer.", ["two"]),
    ],
)
def test_a_number_word_before_the_plural_it_counts_in_a_german_compound_backs_it(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "10-point plan" for "Zehnpunkteplan" and "two-party system" for "Zweiparteiensystem"
    were flagged as numbers the German lacks: the number word fused to what it counts was read
    only before an adjective's head ("dreitägig") or "rad" ("Zweirad")."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # "tens of thousands" is one rough number, as "Zehntausende" is (not ten and thousands)
        ("Tens of thousands of people came.", "Zehntausende kamen auf das Gelände.", []),
        ("Hundreds of thousands of people fled.", "Hunderttausende Menschen flohen.", []),
        (
            "Tens of thousands of people came.",
            "Hunderte kamen auf das Gelände.",
            ["Tens of thousands"],
        ),
        # ... and not thousands: a source's "1.000" or "Tausende" backs no tenfold of it
        (
            "Tens of thousands of people came.",
            "Mehr als 1.000 Menschen kamen.",
            ["Tens of thousands"],
        ),
        (
            "Hundreds of thousands of people fled.",
            "Tausende Menschen flohen.",
            ["Hundreds of thousands"],
        ),
        ("Hundreds of millions were lost.", "Hunderte Millionen Euro gingen verloren.", []),
        ("Tens of billions were lost.", "Dutzende Milliarden Euro gingen verloren.", []),
        ("Millions of euros were lost.", "Hunderte Millionen Euro gingen verloren.", []),
        # a German compound that carries a scale: "Millionenpublikum", "milliardenschwer"
        (
            "He opened it in front of millions of viewers.",
            "Er eröffnete vor Millionenpublikum.",
            [],
        ),
        ("The billion dollar firm fired him.", "Die milliardenschwere Firma entließ ihn.", []),
        (
            "The billion dollar firm fired him.",
            "Die millionenschwere Firma entließ ihn.",
            ["billion"],
        ),
        # football: "Achtelfinale" is the last 16, "Startelf" the starting eleven
        ("They lost in the last 16 in March.", "Sie verloren im März im Achtelfinale.", []),
        ("He made his starting eleven debut.", "Er gab sein Startelfdebüt.", []),
        (
            "They lost in the last eight in March.",
            "Sie verloren im März im Achtelfinale.",
            ["eight"],
        ),
        # an ordinal as the first part of a German compound: "Drittletzte", "drittgrößte"
        ("The third last of the league lost again.", "Der Drittletzte der Liga verlor erneut.", []),
        ("It is the third-largest city.", "Es ist die drittgrößte Stadt.", []),
        ("It is the fourth-largest city.", "Es ist die drittgrößte Stadt.", ["fourth"]),
        # a time of day in words: "halb drei" is half past two, "Viertel vor vier" 3.45
        ("The round comes at half past two.", "Die Runde kommt um halb drei.", []),
        ("The train left at 2.30pm.", "Der Zug fuhr um halb drei ab.", []),
        ("The train left at a quarter to four.", "Der Zug fuhr um Viertel vor vier ab.", []),
        (
            "The round comes at half past three.",
            "Die Runde kommt um halb drei.",
            ["half past three"],
        ),
        ("The round comes at three.", "Die Runde kommt um halb drei.", ["three"]),
        # a German date without its year: "am 17.4.", "ab dem 20.08."; "um 9.05." is a time
        ("The ban applies from April 27.", "Die Pflicht gilt ab 27.4. im Nahverkehr.", []),
        (
            "The ban applies from April 27.",
            "Die Pflicht gilt ab 27.5. im Nahverkehr.",
            ["April 27"],
        ),
        ("The train left at 9.05.", "Der Zug fuhr um 9.05. ab.", []),
        ("It was updated to version 2.1.", "Es wurde auf Version 2.1. aktualisiert.", []),
        # a decade in German words: "die Siebzigerjahre", "in den Neunzigern"
        ("It was founded in the 1970s.", "Sie wurde in den Siebzigerjahren gegründet.", []),
        ("It was founded in the '90s.", "Sie wurde in den Neunzigern gegründet.", []),
        ("It was founded in the 1960s.", "Sie wurde in den Siebzigerjahren gegründet.", ["1960s"]),
        # a number and a half: "zweieinhalb Millionen", "anderthalb", "two and a half"
        ("About 2.5 million people live there.", "Dort leben zweieinhalb Millionen Menschen.", []),
        ("It took two and a half years.", "Es dauerte zweieinhalb Jahre.", []),
        ("It took 1.5 years.", "Es dauerte anderthalb Jahre.", []),
        ("It took three and a half years.", "Es dauerte zweieinhalb Jahre.", ["three and a half"]),
        # "a million and a half" is 1.5 million (not a million and 0.5)
        ("A million and a half people came.", "Anderthalb Millionen Menschen kamen.", []),
        ("A thousand and a half euros went.", "1.500 Euro gingen verloren.", []),
        (
            "A million and a half people came.",
            "Eine Million Menschen kamen.",
            ["A million and a half"],
        ),
        # "siebente" is the longer form of the ordinal "siebte"
        ("It was their seventh win in a row.", "Es war ihr siebenter Sieg in Folge.", []),
        ("It was their eighth win in a row.", "Es war ihr siebenter Sieg in Folge.", ["eighth"]),
    ],
)
def test_german_number_idioms_back_their_english_translation(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT21 refB: "promoted to Division 2" for "Zweitliga-Aufsteiger" flagged "2", where
        # "Division 3" for "Drittliga" passed: the stem "zweit" was not read ("Division", the
        # translator's word for the league, is backed by "-liga")
        (
            "Würzburg, promoted to Division 2, won.",
            "Zweitliga-Aufsteiger Würzburg gewann.",
            [],
        ),
        (
            "Würzburg, promoted to Division 4, won.",
            "Zweitliga-Aufsteiger Würzburg gewann.",
            ["4"],
        ),
        ("It is the 2nd-largest city.", "Es ist die zweitgrößte Stadt.", []),
        ("It is the fourth-largest city.", "Es ist die zweitgrößte Stadt.", ["fourth"]),
        # "zweitausend" is 2,000, "zweitägig" two days, as before
        ("2,000 people came.", "Zweitausend Menschen kamen.", []),
        ("2 people came.", "Zweitausend Menschen kamen.", ["2"]),
        ("The trip took two weeks.", "Die Reise war zweitägig.", ["two"]),
        # a rank fused to a word backs a rank or a label's number, never a count: "Drittligist"
        # backed "three days" and "three goals" (a number changed to 3 passed unflagged)
        ("The club waited three days.", "Der Drittligist wartete fünf Tage.", ["three"]),
        ("The club scored 3 goals.", "Der Drittligist gewann 1:0.", ["3"]),
        ("The club waited two days.", "Der Zweitligist wartete fünf Tage.", ["two"]),
        ("Before the Division 3 season began.", "Vor dem Drittliga-Start.", []),
        # "zweitens", "drittens" (secondly, thirdly) number the writer's points, no rank: read
        # as one, "Zweitens" backed "Two" where the article says three were injured
        ("Two were injured.", "Zweitens gab es drei Verletzte.", ["Two"]),
        ("Three were injured.", "Und drittens gab es vier Verletzte.", ["Three"]),
        ("Three were injured.", "Zweitens gab es drei Verletzte.", []),
    ],
)
def test_a_german_rank_in_a_word_backs_a_rank_not_a_count(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # the same thing counted, in the English words for it
        ("The four-part series starts.", "Die vierteilige Serie startet.", []),
        ("The series has four episodes.", "Die vierteilige Serie startet.", []),
        ("A family of three lives here.", "Eine dreiköpfige Familie wohnt hier.", []),
        ("Three people live here.", "Eine dreiköpfige Familie wohnt hier.", []),
        ("The five-storey house burned.", "Das fünfstöckige Haus brannte.", []),
        ("A three-storey store.", "Ein dreigeschossiges Warenhaus.", []),
        ("The two-part documentary airs.", "Die zweiteilige Doku läuft.", []),
        # a count of something else, planted: "vierteilige" backed "four days" and
        # "zweiteilige" backed "two weeks", so the changed number passed unflagged
        ("It took four days.", "Die vierteilige Serie startet.", ["four"]),
        ("It lasted two weeks.", "Die zweiteilige Doku läuft.", ["two"]),
        ("Four people died.", "Die vierteilige Serie startet.", ["Four"]),
        ("The house burned for five hours.", "Das fünfstöckige Haus brannte.", ["five"]),
        ("Three children were rescued.", "Das dreistöckige Haus brannte.", ["Three"]),
    ],
)
def test_a_german_number_fused_to_what_it_counts_backs_only_that_count(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "vierteilige Serie" (a four-part series) backed any "four": "It took four days" passed
    unflagged. The head of the numeral names what it counts; only an English number of that
    ("four-part", "four episodes", "a family of three", "five-storey") matches it."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("A group of three was arrested.", "Eine dreiköpfige Gruppe wurde festgenommen.", []),
        ("A team of five runs it.", "Ein fünfköpfiges Team leitet es.", []),
        ("A jury of seven decided.", "Eine siebenköpfige Jury entschied.", []),
        ("A committee of five was set up.", "Ein fünfköpfiges Gremium wurde gebildet.", []),
        ("A four-piece band played.", "Die vierköpfige Band spielte.", []),
        # animals counted by the head: a pack, a herd, a flock
        ("A pack of five wolves was seen.", "Ein fünfköpfiges Wolfsrudel wurde gesichtet.", []),
        ("A herd of twenty cows escaped.", "Eine zwanzigköpfige Herde entlief.", []),
        ("A cabinet of ten was sworn in.", "Ein zehnköpfiges Kabinett wurde vereidigt.", []),
        ("A council of nine decides.", "Ein neunköpfiger Rat entscheidet.", []),
        # still a count of members only
        ("It took three days.", "Eine dreiköpfige Gruppe wurde festgenommen.", ["three"]),
    ],
)
def test_a_german_head_count_backs_the_members_of_any_group(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "-köpfig" counts the members of a group of any kind: "dreiköpfige Gruppe" backed "a
    family of three" but flagged "a group of three", "a jury of seven", "a four-piece band"."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        # WMT21 refB (abendzeitung-muenchen.de.275242): "TSV 1860" shortened to its number was
        # flagged as a year the article lacks
        ("If Würzburg reach the final, 1860 would already qualify.", []),
        ("Munich 1860’s potential opponent is known.", ["Munich"]),
        ("1860 lost 2-1 to Aue on Friday.", ["2-1", "Friday", "Aue"]),
        # a year, a count or another club's number is still checked
        ("The club was founded in 1860.", ["1860"]),
        ("The year 1860 was hard.", ["1860"]),
        ("1860 fans came.", ["1860"]),
        ("1848 lost on Friday.", ["1848", "Friday"]),
        ("Sterling (1860) scored.", ["1860"]),
        # a capitalised word before it that is no place or kind of the club's: a year
        ("It was founded at Christmas 1860.", ["1860", "Christmas"]),
        ("The club has existed since Easter 1860.", ["1860", "Easter"]),
    ],
)
def test_a_club_named_by_its_number_alone_is_the_sources_club(
    summary: str, flagged: list[str]
) -> None:
    german = "Der TSV 1860 steht im Finale. Erreicht Würzburg das Finale, ist Sechzig dabei."
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


def test_one_in_two_is_a_share() -> None:
    assert _values("one in two", "en") == [("fraction", {0.5})]


@pytest.mark.parametrize(
    ("summary", "article", "flagged"),
    [
        # a number and a half with hyphens, as British news writes it, is the same number
        ("He was jailed for 6.5 years.", "He was jailed for six-and-a-half years.", []),
        ("He was jailed for six-and-a-half years.", "He was jailed for 6.5 years.", []),
        ("It took two-and-a-half hours.", "It took two and a half hours.", []),
        ("It took 18 months.", "It took a year-and-a-half in all.", []),
        ("One-and-a-half million people came.", "Some 1.5 million people came.", []),
        # and not the whole number alone: the half is a fact of its own
        (
            "He was jailed for six-and-a-half years.",
            "He was jailed for six years.",
            ["six-and-a-half"],
        ),
        (
            "One-and-a-half million people came.",
            "One million people came.",
            ["One-and-a-half million"],
        ),
    ],
)
def test_a_hyphenated_number_and_a_half_is_read_whole(
    summary: str, article: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, article)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a German adjective of a place ("Berliner", "New Yorker", "Ingolstädter") names it
        ("Berlin won clearly.", "Die Berliner gewannen deutlich.", []),
        ("The New York police calmed the crowd.", "Die New Yorker Polizei beruhigte sie.", []),
        ("The firm is based in Ingolstadt.", "Die Ingolstädter Firma.", []),
        ("Hamburg won clearly.", "Die Berliner gewannen deutlich.", ["Hamburg"]),
        # a place in "-en" drops it for the "-er" or "-ner"; a short one keeps its letters
        ("The Geisingen parish met.", "Die Geisinger Pfarrei traf sich.", []),
        ("Firemen from Hildburghausen came.", "Die Hildburghäuser Feuerwehr kam.", []),
        ("The Dresden bank grew.", "Die Dresdner Bank wuchs.", []),
        ("A home in Neu-Ulm opened.", "Ein Heim in der Neu-Ulmer Straße.", []),
        ("She married Harald from Zug.", "Sie heiratete den Zuger Harald.", []),
        ("The Tübingen parish met.", "Die Geisinger Pfarrei traf sich.", ["Tübingen"]),
        ("A home in Bremen opened.", "Ein Heim in der Neu-Ulmer Straße.", ["Bremen"]),
        ("She married Harald from Zug.", "Sie heiratete den Suhler Harald.", ["Zug"]),
    ],
)
def test_a_german_place_adjective_backs_the_place(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a one-word name at the start of a German compound noun is stated there
        ("He showed the police a Hitler salute.", "Er zeigte der Polizei den Hitlergruß.", []),
        ("Wimbledon winner Kerber won.", "Wimbledonsiegerin Kerber gewann.", []),
        ("The Bundestag election.", "Die Bundestagswahl.", []),
        (
            "He showed the police a Stalin salute.",
            "Er zeigte der Polizei den Hitlergruß.",
            ["Stalin"],
        ),
        # not a name of four letters ("Hans" in "Hansestadt"), nor one with no word after it
        ("Hans came to town.", "Er kam in die Hansestadt.", ["Hans"]),
        ("Richter spoke.", "Die Richterin sprach.", ["Richter"]),
        # nor a part of a name of two words
        ("Adolf Hitler spoke.", "Der Hitlergruß.", ["Adolf Hitler"]),
    ],
)
def test_a_name_at_the_start_of_a_german_compound_is_stated(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a German point of the compass, as a word or before a country or its people, backs
        # the English one, and the country after it its English name
        ("East Germans earn less.", "Ostdeutsche verdienen weniger.", []),
        ("Wages in Western Germany rose.", "Die Löhne in Westdeutschland stiegen.", []),
        ("A province in Northern Greece.", "Eine Provinz in Nord-Griechenland.", []),
        ("Differences between East and West.", "Unterschiede zwischen Ost und West.", []),
        ("The gift came from the North.", "Das Geschenk kam aus dem Norden.", []),
        (
            "Wages in Eastern Austria rose.",
            "Die Löhne in Ostdeutschland stiegen.",
            ["Eastern Austria"],
        ),
        ("The gift came from the East.", "Das Geschenk kam zu Ostern.", ["East"]),
    ],
)
def test_a_german_point_of_the_compass_backs_the_english_one(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a German region in "Ober-", "Unter-", "Nieder-" backs its English "Upper", "Lower"
        (
            "She worked in Babenhausen in Lower Allgäu.",
            "Sie war in Babenhausen im Unterallgäu.",
            [],
        ),
        ("She worked in Upper Allgäu.", "Sie arbeitete im Oberallgäu.", []),
        ("A farm in Mamming, Lower Bavaria.", "Ein Hof im niederbayerischen Mamming.", []),
        ("A farm in Lower Bavaria.", "Ein Hof in Niederbayern.", []),
        ("She worked in Lower Allgäu.", "Sie arbeitete im Oberallgäu.", ["Lower Allgäu"]),
    ],
)
def test_a_german_region_in_ober_or_unter_backs_upper_or_lower(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a German adjective in "-isch" backs the English one in "-ic", "-ical", "-ian", with
        # the Latin letters English keeps (k: c, z: c, f: ph)
        (
            "He spoke with his Democratic colleague.",
            "Er sprach mit dem demokratischen Kollegen.",
            [],
        ),
        ("The Catholic choir sang.", "Der katholische Kirchenchor sang.", []),
        ("The Evangelical pastor came.", "Der evangelische Pfarrer kam.", []),
        ("The Westphalian team won.", "Die westfälische Mannschaft gewann.", []),
        ("The Photographic exhibition opened.", "Die fotografische Ausstellung öffnete.", []),
        ("A Socialist mayor.", "Ein sozialistischer Bürgermeister.", []),
        ("The Catholic choir sang.", "Der evangelische Kirchenchor sang.", ["Catholic"]),
        (
            "He spoke with his Republican colleague.",
            "Er sprach mit dem demokratischen Kollegen.",
            ["Republican"],
        ),
    ],
)
def test_a_german_adjective_in_isch_backs_the_english_one(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a country or language named in German (CLDR names, by babel) backs its English name
        ("Germany won the match.", "Deutschland gewann das Spiel.", []),
        ("The Turkish president came.", "Der türkische Präsident kam.", []),
        ("Argentina is in a crisis.", "Argentinien steckt in einer Krise.", []),
        ("The United States objected.", "Die Vereinigte Staaten widersprachen.", []),
        ("Spain won the match.", "Deutschland gewann das Spiel.", ["Spain"]),
        # a people or adjective in German begins as its country: Brasilien, Brasilianer
        (
            "Currently the post is held by the Brazilian Cacau and by nobody else.",
            "Derzeit hat das Amt der gebürtige Brasilianer Cacau inne.",
            [],
        ),
        ("The Mexican club won on the day.", "Der mexikanische Club gewann.", []),
        ("The player came from Spain after all.", "Die Spanierin kam.", []),
        ("The Mexican club won on the day.", "Der spanische Club gewann.", ["Mexican"]),
        (
            "Currently the post is held by the Mexican Cacau and by nobody else.",
            "Derzeit hat das Amt der gebürtige Brasilianer Cacau inne.",
            ["Mexican Cacau"],
        ),
        # a word that begins with a longer country's name names that one, not the shorter
        (
            "The talks were held in Niger this week.",
            "Die Gespräche fanden in Nigeria statt.",
            ["Niger"],
        ),
        ("The talks were held in Niger this week.", "Nigerianische Diplomaten kamen.", ["Niger"]),
        ("The talks were held in Nigeria this week.", "Nigerianische Diplomaten kamen.", []),
        ("The talks were held in Niger this week.", "Die Gespräche fanden in Niger statt.", []),
        # nor does an ending join a word to a shorter country's name: "Nigerian" is Nigeria's
        ("A Nigerian man won the race.", "Ein Mann aus Niger gewann.", ["Nigerian"]),
        ("A man from Niger won the race.", "Ein Nigerianer gewann.", ["Niger"]),
        ("A Nigerian man won the race.", "Ein Nigerianer gewann.", []),
        ("A man from Niger won the race.", "Ein Nigrer gewann.", []),
        ("The Korean team won the race.", "Die Mannschaft aus Korea gewann.", []),
        # a German word that only begins as a country is none ("den Armen", the poor)
        ("Armenians were helped on Monday.", "Den Armen wurde am Montag geholfen.", ["Armenians"]),
        ("Armenians were helped on Monday.", "Armenier wurden am Montag unterstützt.", []),
        ("The German exports rose this week.", "Deutschlands Exporte stiegen.", []),
    ],
)
def test_a_country_or_language_named_in_german_backs_its_english_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


def test_a_very_long_german_word_is_checked_in_little_memory() -> None:
    """Every beginning of every German word was kept to look up country names in: a pasted
    blob of 100,000 letters without a space took 5 GB (the square of its length), and a longer
    one could have the run killed for memory. A name in a long word still counts."""
    import tracemalloc

    blob = "Nigerianische" + "x" * 20_000
    tracemalloc.start()
    try:
        flags = unsupported_facts("Diplomats from Nigeria came.", "", f"Es kamen {blob}.")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert flags == []  # the word begins with "Nigeria": it backs the name
    assert peak < 20_000_000, f"{peak:,} bytes"


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT21 faz.79601 (both references): "In Austin, Texas" for "Im texanischen Austin"
        ("In Austin, Texas a man died.", "Im texanischen Austin starb ein Mann.", []),
        ("In Miami, Florida a man died.", "Im floridianischen Miami starb ein Mann.", []),
        ("In Honolulu, Hawaii a man died.", "Im hawaiianischen Honolulu starb ein Mann.", []),
        # another state still flags
        ("In Austin, Texas a man died.", "Im kalifornischen Austin starb ein Mann.", ["Texas"]),
        ("In Austin, Florida a man died.", "Im texanischen Austin starb ein Mann.", ["Florida"]),
    ],
)
def test_a_us_states_german_adjective_backs_the_state(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a place named in German backs its English name: a city, its -er word, its genitive
        ("Police in Munich said so on Monday.", "Die Münchner Polizei sagte das am Montag.", []),
        ("The mayor of Cologne spoke.", "Die Kölner Oberbürgermeisterin sprach.", []),
        ("The mayor of Vienna spoke.", "Wiens Bürgermeister sprach.", []),
        ("The train left Kyiv at night.", "Der Zug verließ Kiew nachts.", []),
        ("The train left Kiev at night.", "Der Zug verließ Kiew nachts.", []),
        # a state or region, and its adjective in -isch
        ("The vote in Bavaria was close.", "Die Wahl in Bayern war knapp.", []),
        ("The Bavarian government met.", "Die bayerische Regierung tagte.", []),
        ("Floods hit Lower Austria again.", "Hochwasser traf Niederösterreich erneut.", []),
        ("The vote in Catalonia was close.", "Die Abstimmung in Katalonien war knapp.", []),
        ("Fires raged in California.", "In Kalifornien wüteten Brände.", []),
        # a region's people, whose English name no ending joins to the region's
        ("On Sunday the Catalans voted on it.", "Am Sonntag stimmten die Katalanen ab.", []),
        ("On Sunday a Catalan man voted on it.", "Am Sonntag stimmte ein Katalane ab.", []),
        ("On Sunday the Basques voted on it.", "Am Sonntag stimmten die Basken ab.", []),
        (
            "On Sunday the Basques voted on it.",
            "Am Sonntag stimmten die Katalanen ab.",
            ["Basques"],
        ),
        ("On Sunday the Catalans voted on it.", "Am Sonntag stimmten die Basken ab.", ["Catalans"]),
        ("The new plant is in Franconia.", "Das neue Werk steht im fränkischen Erlangen.", []),
        # a sea, a lake, a river: the whole English name, and a German name in its cases
        ("The ships sailed across the North Sea.", "Die Schiffe fuhren über die Nordsee.", []),
        ("The ships sailed on the Black Sea.", "Die Schiffe fuhren auf dem Schwarzen Meer.", []),
        ("The boys swam in Lake Constance.", "Die Jungen schwammen im Bodensee.", []),
        ("The water of the Rhine rose.", "Das Wasser des Rheins stieg.", []),
        ("The boys swam near Constance.", "Die Jungen schwammen im Bodensee.", ["Constance"]),
        # the English name inside a longer name: the German place and its adjective
        ("The wind farms of the German North Sea grew.", "Die deutsche Nordsee hat Windparks.", []),
        ("The Thuringia AfD met.", "Die Thüringer AfD tagte.", []),
        ("The Thuringia AfD met.", "Die Kölner AfD tagte.", ["Thuringia AfD"]),
        (
            "The wind farms of the German Baltic Sea grew.",
            "Die deutsche Nordsee hat Windparks.",
            ["German Baltic Sea"],
        ),
        # another place still flags, and an invented one
        (
            "Police in Munich said so on Monday.",
            "Die Kölner Polizei sagte das am Montag.",
            ["Munich"],
        ),
        (
            "Talks were held in Lower Zealand.",
            "Gespräche fanden in Niederösterreich statt.",
            ["Lower Zealand"],
        ),
        # a German common word, verb or first name is no place, whatever letters it shares
        ("Police in Dubai said nothing.", "Dabei sagte die Polizei nichts.", ["Dubai"]),
        ("He was in Vienna for four days.", "Er war wieder da, vier Tage lang.", ["Vienna"]),
        ("The states met in London.", "Die Länder trafen sich.", ["London"]),
        ("The doors in Turin were shut.", "Die Türen waren zu.", ["Turin"]),
        ("He wrote it in Rome.", "Er schrieb einen Roman.", ["Rome"]),
        ("They pose for photos in Poznan.", "Sie posen für Fotos.", ["Poznan"]),
        ("The models posed in Poznan.", "Die Models zeigten ihre Posen.", ["Poznan"]),
        (
            "The price in Franconia is 20 euros.",
            "Der Preis liegt bei 20 Franken.",
            ["20", "Franconia"],
        ),  # 20 francs are no 20 euros
        ("Nils sailed on the Nile.", "Nils segelte auf dem See.", ["Nile"]),
        ("They climbed in the Andes.", "Anders als sie kletterten wir.", ["Andes"]),
        ("The files were copied in Rome.", "Die Dateien kamen auf eine CD-ROM.", ["Rome"]),
        ("He spoke in Rome.", "ROM (dpa) - Er sprach am Montag.", []),
    ],
)
def test_a_place_named_in_german_backs_its_english_exonym(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a party, in its cases
        ("The Greens gained ground.", "Die Grünen legten zu.", []),
        ("Green politician Cem Özdemir spoke.", "Grünen-Politiker Cem Özdemir sprach.", []),
        ("The Left Party lost votes.", "Die Linke verlor Stimmen.", []),
        ("He left the Left.", "Er verließ die Linken.", []),
        ("The Freedom Party won.", "Die Freiheitliche Partei Österreichs gewann.", []),
        # a party by its abbreviation, written out in English
        ("The Social Democrats lost.", "Die SPD verlor.", []),
        ("The Christian Democrats won.", "Die CDU gewann.", []),
        ("The Free Democrats left the coalition.", "Die FDP verließ die Koalition.", []),
        ("The Alternative for Germany gained.", "Die AfD legte zu.", []),
        ("The Social Democrats and Greens agreed.", "SPD und Grüne einigten sich.", []),
        ("The Freedom Party won.", "Die FPÖ gewann.", []),
        # a name a possessive divides, read as the brief's check reads it, in runs
        (
            "On Sunday, the Swiss People's Party won most of the votes.",
            "Am Sonntag gewann die Schweizerische Volkspartei die meisten Stimmen.",
            [],
        ),
        (
            "On Sunday, the Austrian People's Party won most of the votes.",
            "Am Sonntag gewann die ÖVP die meisten Stimmen.",
            [],
        ),
        (
            "On Sunday, the Public Prosecutor's Office charged the man.",
            "Am Sonntag klagte die Staatsanwaltschaft den Mann an.",
            [],
        ),
        # an international body, a news agency, a court, a market, a university
        ("The United Nations warned.", "Die Vereinten Nationen warnten.", []),
        ("The head of the United Nations spoke.", "Der Chef der Vereinten Nationen sprach.", []),
        ("The German Press Agency reported it.", "Das berichtete die Deutsche Presse-Agentur.", []),
        ("The German Press Agency reported it.", "Das berichtete die dpa.", []),
        (
            "The Federal Constitutional Court ruled.",
            "Das Bundesverfassungsgericht entschied.",
            [],
        ),
        ("A ruling of the Constitutional Court.", "Ein Urteil des Bundesverfassungsgerichts.", []),
        ("Rules for the European Single Market.", "Regeln für den EU-Binnenmarkt.", []),
        (
            "She studied at the Technical University of Munich.",
            "Sie studierte an der Technischen Universität München.",
            [],
        ),
        # small words of a name in any case, its capitalised words capitalised
        (
            "The Federal Office for the Protection of the Constitution warned.",
            "Das Bundesamt für Verfassungsschutz warnte.",
            [],
        ),
        ("The Finance Ministry said so.", "Das Finanzministerium teilte das mit.", []),
        # another institution still flags
        ("The United Nations warned.", "Die Weltbank warnte.", ["United Nations"]),
        ("The Supreme Court ruled.", "Das Bundesverfassungsgericht entschied.", ["Supreme Court"]),
        ("The Left Party lost votes.", "Die Grünen verloren Stimmen.", ["Left Party"]),
        ("The Social Democrats lost.", "Die CDU verlor.", ["Social Democrats"]),
        ("The Christian Democrats won.", "Die SPD gewann.", ["Christian Democrats"]),
        ("The Free Democrats lost.", "Die AfD verlor.", ["Free Democrats"]),
        ("The Freedom Party won.", "Die ÖVP gewann.", ["Freedom Party"]),
        (
            "On Sunday, the Swiss People's Party won most of the votes.",
            "Am Sonntag gewann die ÖVP die meisten Stimmen.",
            ["Swiss People"],
        ),
        (
            "On Sunday, the Federal Prosecutor's Office charged the man.",
            "Am Sonntag klagte die Staatsanwaltschaft den Mann an.",
            ["Federal Prosecutor"],
        ),
        (
            "The Interior Ministry said so.",
            "Das Finanzministerium teilte das mit.",
            ["Interior Ministry"],
        ),
        # a common word is no name: not written capitalised, or only inside another word
        ("The Greens met.", "Sie trafen sich im grünen Park.", ["Greens"]),
        ("The Left Party met.", "Sie trafen sich links vom Park.", ["Left Party"]),
        ("The United Nations met.", "Die vereinten Kräfte trafen sich.", ["United Nations"]),
        ("The Security Council met.", "Der Rat tagte sicher.", ["Security Council"]),
        ("The Left Party met.", "Die Partei traf sich links.", ["Left Party"]),
        ("Rules for the Single Market.", "Regeln für den Markt.", ["Single Market"]),
        # an adjective capitalised as a sentence's first word is no party
        ("The Left Party met.", "Linke Gruppen demonstrierten.", ["Left Party"]),
        ("The Conservatives won.", "Konservative Wähler blieben zu Hause.", ["Conservatives"]),
        ("The Freedom Party won.", "Freiheitliche Ideen gewannen.", ["Freedom Party"]),
        ("The Pirate Party won.", "Piraten überfielen ein Schiff.", ["Pirate Party"]),
        # a party's or ministry's one common word is no part of an invented person's name
        ("John Green spoke.", "Die Grünen legten zu. John sprach.", ["John Green"]),
        ("Tom Left spoke.", "Die Linke sprach. Tom sagte nichts.", ["Tom Left"]),
        (
            "Justice Smith ruled.",
            "Das Justizministerium teilte das mit. Smith sagte nichts.",
            ["Justice Smith"],
        ),
        ("The Ministry of Justice said so.", "Das Justizministerium teilte das mit.", []),
        ("The Left said so.", "Die Linke teilte das mit.", []),
    ],
)
def test_an_institution_named_in_german_backs_its_english_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # the table writes an adjective strong ("Roter Halbmond"); after an article it is weak
        # (WMT21 euronews-de.199228: "der Rote Halbmond" did not back "Red Crescent")
        ("The Red Crescent helped.", "Der Rote Halbmond half.", []),
        ("The European Council met.", "Der Europäische Rat tagte.", []),
        ("The Supreme Court ruled.", "Das Oberste Gericht entschied.", []),
        # a weak noun's -en (WMT21 refB morgenpost.de.276358: "des Präsidenten") and the
        # dative plural's -n (paz-online.de.95211: "bei den Republikanern")
        ("He is the son of the President.", "Er ist der Sohn des Präsidenten.", []),
        ("He did not tell the Republicans.", "Er hat es den Republikanern nicht gesagt.", []),
        # another body or office still flags
        ("He is the son of the Chancellor.", "Er ist der Sohn des Präsidenten.", ["Chancellor"]),
        (
            "He did not tell the Democrats.",
            "Er hat es den Republikanern nicht gesagt.",
            ["Democrats"],
        ),
        ("The Supreme Court ruled.", "Das Oberste Landgericht entschied.", ["Supreme Court"]),
        ("The European Council met.", "Der Europäische Gerichtshof tagte.", ["European Council"]),
    ],
)
def test_an_institutions_german_name_is_read_with_its_inflections(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # a minister named by the office alone (WMT21 refB landeszeitung.de.13223: "the Federal
        # Minister of the Interior, Horst Seehofer," for "Bundesinnenminister Horst Seehofer"
        # flagged "Interior"; WMT19 s60: "Prime Minister, Theresa May")
        ("The Foreign Minister said no.", "Der Außenminister sagte nein.", []),
        ("The Minister of Health said no.", "Die Gesundheitsministerin sagte nein.", []),
        ("He met the Finance Minister.", "Er traf den Finanzminister.", []),
        (
            "The Federal Minister of the Interior, Horst Seehofer, wants more.",
            "Bundesinnenminister Horst Seehofer will mehr.",
            [],
        ),
        (
            "The Prime Minister, Theresa May, said no.",
            "Premierministerin Theresa May sagte nein.",
            [],
        ),
        # another office still flags, and the ministry's word is no part of a person's name
        ("The Defence Minister said no.", "Der Innenminister sagte nein.", ["Defence Minister"]),
        ("The Minister of Finance said no.", "Der Innenminister sagte nein.", ["Finance"]),
        ("Health Smith said no.", "Die Gesundheitsministerin sagte nein.", ["Health Smith"]),
    ],
)
def test_a_minister_is_backed_by_the_german_office(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT21 refA (abendzeitung-muenchen.de.275242): "the Lions" for TSV 1860's "Löwen"
        # was flagged as a name the German lacks
        (
            "Should TSV 1860 qualify, the Lions would play Frankfurt.",
            "Sollte sich der TSV 1860 qualifizieren, würden die Löwen gegen Frankfurt spielen.",
            [],
        ),
        ("The Foals beat the Red Devils.", "Die Fohlen schlugen die Roten Teufel.", []),
        # only the nickname the German says, and only as a name of its own
        ("The Eagles beat the Lions.", "Die Löwen verloren.", ["Eagles"]),
        ("The Lions won.", "Der Verein gewann.", ["Lions"]),
        ("Tom Lions won.", "Die Löwen gewannen.", ["Tom Lions"]),
    ],
)
def test_a_clubs_nickname_in_german_backs_its_english_translation(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        # British and older function words the lexicon does not list are no names
        ("Whilst the union agreed, the party did not.", []),
        ("Amongst the guests was a minister.", []),
        ("Albeit late, the union agreed.", []),
        ("Whilst Smith agreed, the party did not.", ["Smith"]),
    ],
)
def test_function_words_the_lexicon_lacks_are_not_names(summary: str, flagged: list[str]) -> None:
    source = "The union agreed, the party did not. A minister was a guest. It was late."
    assert [flag.text for flag in unsupported_facts(summary, source)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german"),
    [
        # rounded to the summary's own last digit
        ("Turnout was 60 percent.", "", "Die Wahlbeteiligung lag bei 60,3 Prozent."),
        ("2 million people live there.", "", "Dort leben 1,96 Millionen Menschen."),
        ("Two million people live there.", "", "Dort leben 1,96 Millionen Menschen."),
        ("The deal is worth £1.5bn.", "The deal is worth £1.48 billion.", ""),
        ("Turnout was 60.3 percent.", "", "Die Wahlbeteiligung lag bei 60,27 Prozent."),
        # a hedge, within a tenth on its side
        ("About 2 million people live there.", "", "Dort leben 1,96 Millionen Menschen."),
        ("Nearly 2 million people live there.", "", "Dort leben 1,96 Millionen Menschen."),
        ("More than 300 people died.", "", "312 Menschen starben."),
        ("Over 300 people died.", "312 people died.", ""),
        ("Some 40 people were hurt.", "", "41 Menschen wurden verletzt."),
        ("Fewer than 50 people came.", "", "47 Menschen kamen."),
        ("Around 1,000 people came.", "", "Es kamen 1.040 Menschen."),
        ("Nearly a third of voters backed him.", "", "31 Prozent der Wähler stimmten für ihn."),
        ("Roughly 32 percent of voters backed him.", "", "Ein Drittel der Wähler stimmte zu."),
    ],
)
def test_a_rounded_or_hedged_number_is_backed_by_the_value_it_rounds(
    summary: str, english: str, german: str
) -> None:
    assert unsupported_facts(summary, english, german) == []


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        # another value, however it is rounded
        ("Turnout was 60 percent.", "", "Die Wahlbeteiligung lag bei 40 Prozent.", "60 percent"),
        ("2 million people live there.", "", "Dort leben 1,2 Millionen Menschen.", "2 million"),
        ("Turnout was 60.0 percent.", "", "Die Wahlbeteiligung lag bei 60,3 Prozent.",
         "60.0 percent"),
        # zeros before the point are written digits: without a hedge, 300 is not 312
        ("300 people died.", "", "312 Menschen starben.", "300"),
        # rounding to one digit moves no further than 5 percent: 2 million is not 1.6 million
        ("2 million people live there.", "", "Dort leben 1,6 Millionen Menschen.", "2 million"),
        ("He scored 3 goals.", "He scores 2.5 goals a game.", "", "3"),
        # "0.042" is no 42, so the lap time 1:42.091 does not back it rounded
        ("Rosberg was 0.042 secs slower.", "Rosberg's lap was 1:42.091.", "", "0.042"),
        # a hedge on the wrong side, too far, or about another kind of number
        ("More than 300 people died.", "", "280 Menschen starben.", "300"),
        ("Nearly 2 million people live there.", "", "Dort leben 2,3 Millionen Menschen.",
         "2 million"),
        ("About 2 million people live there.", "", "Dort leben 1,7 Millionen Menschen.",
         "2 million"),
        ("About 60 percent were killed.", "", "Rund 40 Prozent fielen.", "60 percent"),
        # a hedge goes with a rounder number than the one stated, not a more precise one
        ("About 3,307 people live there.", "", "Dort leben rund 3300 Menschen.", "3,307"),
        ("Nearly 48 new infections were counted.", "", "Fast 50 Neuinfektionen.", "48"),
        ("About 505 million dollars were owed.", "", "rund 503 Millionen Dollar", "505 million"),
        ("About 40 people were hurt.", "", "41 Prozent wurden verletzt.", "40"),
        ("Nearly a third of voters backed him.", "", "25 Prozent der Wähler stimmten zu.",
         "a third"),
    ],
)  # fmt: skip
def test_an_invented_number_is_flagged_however_it_is_hedged(
    summary: str, english: str, german: str, flagged: str
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, english, german)] == [flagged]


@pytest.mark.parametrize(
    ("text", "language", "hedge"),
    [
        ("about 2 million", "en", "near"),
        ("more than  300", "en", "above"),
        ("up to 40 percent", "en", "below"),
        ("knapp 2 Millionen", "de", "below"),
        ("mehr als 300", "de", "above"),
        ("rund 40 Prozent", "de", "near"),
        ("2 million", "en", None),
        ("the 300 who came", "en", None),
        ("Hanover 69 won", "en", None),  # "over" only as a word of its own ("Hanover 96" a club)
    ],
)
def test_a_hedge_before_a_number_is_read(text: str, language: str, hedge: str | None) -> None:
    assert [quantity.hedge for quantity in find_quantities(text, language)] == [hedge]  # type: ignore[arg-type]


# --- review on unfamiliar text: names of two people, hours that are counts ------------------------


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("Angela Merkel met Olaf Scholz.", []),
        ("George Bush met Recep Erdogan.", []),  # a middle name left out
        ("Alex Scholz spoke.", []),  # "Alex" for "Alexander"
        ("Angela Scholz said no.", ["Angela Scholz"]),  # the parts of two people's names
        ("Olaf Merkel said no.", ["Olaf Merkel"]),
        ("Tim Scholz said no.", ["Tim Scholz"]),  # "Tim" is not backed by "timely"
        ("Alex Merkel said no.", ["Alex Merkel"]),  # "Alex" of Alexander Scholz, not Merkel
    ],
)
def test_a_name_made_of_two_peoples_names_is_flagged(summary: str, flagged: list[str]) -> None:
    source = (
        "Angela Merkel and Olaf Scholz met George W. Bush and Recep Tayyip Erdogan. "
        "Alexander Scholz called the talks timely."
    )
    assert [flag.text for flag in unsupported_facts(summary, source)] == flagged
    german = (
        "Angela Merkel und Olaf Scholz trafen George W. Bush und Recep Tayyip Erdogan. "
        "Alexander Scholz nannte das Treffen zeitgemäß, the timely talks."
    )
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("The 16-year-old fled the scene.", ["16"]),  # an age, not the hour of 16.15 Uhr
        ("Four people were hurt, 21 were questioned.", ["21"]),  # not 9pm
        ("Shortly before 6 on Sunday, a driver called.", []),  # an hour
        ("The guest arrives on the 1st of August (18h).", []),
        ("The boy was hurt at 4.15pm.", []),
    ],
)
def test_a_time_of_day_backs_an_hour_not_a_count(summary: str, flagged: list[str]) -> None:
    source = "Four people were hurt at 9pm; the boy was pushed at 16.15 Uhr."
    german = "Kurz vor 6 Uhr am Sonntag. Der Gast kommt am 1. August um 18.00 Uhr."
    assert [flag.text for flag in unsupported_facts(summary, source, german)] == flagged


def test_a_german_billion_is_an_english_trillion() -> None:
    """German "Billion" is 10^12 (its plural "Billionen" was read so, the singular as 10^9):
    "1 billion" passed for "1 Billion Euro", and "1 trillion" was flagged."""
    german = "Die Schulden erreichten 1 Billion Euro."
    assert [flag.text for flag in unsupported_facts("Debt hit 1 billion euros.", "", german)] == [
        "1 billion"
    ]
    assert unsupported_facts("Debt hit 1 trillion euros.", "", german) == []
    assert unsupported_facts("Debt hit 1 billion dollars.", "Debt hit 1 billion dollars.") == []


@pytest.mark.parametrize(
    ("summary", "source"),
    [
        ("Anna Müller was hurt.", "Das Ehepaar Anna und Peter Müller wurde verletzt."),
        ("Hans Schmidt spoke.", "Hans and Maria Schmidt spoke."),
    ],
)
def test_a_family_name_two_given_names_share_backs_each(summary: str, source: str) -> None:
    """Two given names before one family name ("Anna und Peter Müller", a couple, siblings):
    each with the family name is a name the source states, not the parts of two names."""
    assert unsupported_facts(summary, source, source) == []
    other = "Maria Schmidt met Anna und Peter Müller."  # "Schmidt" is no shared name here
    assert [flag.text for flag in unsupported_facts("Maria Müller spoke.", other)] == [
        "Maria Müller"
    ]


@pytest.mark.parametrize(
    "summary",
    ["The shop opened at around 9.", "The shop opened at about 9.", "It has applied since 7."],
)
def test_an_hour_with_a_hedge_or_since_is_an_hour(summary: str) -> None:
    """An hour said "at around 9" is one as "at 9" is (the hedge stood between the clock word
    and the number, so a source's "um 9 Uhr" no longer backed it)."""
    german = "Der Laden öffnete um 9 Uhr. Seit 7 Uhr gilt die Sperre."
    assert unsupported_facts(summary, "", german) == []


def test_the_per_word_lookups_are_remembered_boundedly() -> None:
    """A run of thousands of articles meets ever new words, names and numbers: the checks'
    per-word caches have a size limit (they had none, and grew with every word seen)."""
    from summarize.checks import quantities, words

    for lookup in (words.is_common_word, words.is_number_word, words.word_forms,
                   quantities._resolution):  # fmt: skip
        assert lookup.cache_info().maxsize is not None, lookup.__name__


# --- a role inside a name, and a country's people in German ---------------------------------------

_ROLE_GERMAN = (
    "Am Montag traf sie den türkischen Präsidenten Recep Tayyip Erdogan, den "
    "südkoreanischen Präsidenten Moon Jae In und danach Bundeskanzlerin Angela Merkel. "
    "Der CSU-Verkehrsminister Scheuer und Machthaber Kim Jong Un kamen nicht."
)


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        # the role between a people's adjective and a name is the translator's word for it
        ("On Monday she met the Turkish President Recep Tayyip Erdogan in the city.", []),
        ("On Monday she met the South Korean President Moon Jae In in the city.", []),
        ("In the morning, CSU Transport Minister Scheuer stayed away from them all.", []),
        # the adjective and the name must still stand together: a swapped nationality, a name
        # of another person, the adjective of another person
        (
            "On Monday she met the French President Recep Tayyip Erdogan in the city.",
            ["French President Recep Tayyip Erdogan"],
        ),
        (
            "On Monday she met the Turkish President Angela Merkel in the city.",
            ["Turkish President Angela Merkel"],
        ),
        (
            "On Monday she met the South Korean President Kim Jong Un in the city.",
            ["South Korean President Kim Jong Un"],
        ),
        (
            "On Monday she met the Turkish President Olaf Scholz in the city.",
            ["Turkish President Olaf Scholz"],
        ),
    ],
)
def test_a_role_inside_a_name_may_be_worded_otherwise(summary: str, flagged: list[str]) -> None:
    """ "Turkish President Recep Tayyip Erdogan" for "dem türkischen Präsidenten Recep Tayyip
    Erdogan" was flagged whole, the role's word being German there (5 of the 166 WMT19
    sentences with a name flag checked against the German alone)."""
    assert [flag.text for flag in unsupported_facts(summary, "", _ROLE_GERMAN)] == flagged


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("On Monday she met the Turkish President Recep Tayyip Erdogan in the city.", []),
        (
            "On Monday she met the Turkish Opposition Leader Recep Tayyip Erdogan in the city.",
            ["Turkish Opposition Leader Recep Tayyip Erdogan"],
        ),
        ("In the morning, CSU Transport Minister Scheuer stayed away from them all.", []),
        (
            "In the morning, CSU Interior Minister Scheuer stayed away from them all.",
            ["CSU Interior Minister Scheuer"],
        ),
    ],
)
def test_a_role_the_english_source_words_otherwise_is_the_summarys_own(
    summary: str, flagged: list[str]
) -> None:
    """The role is left out only where the English source does not name the person: where it
    does, the summary was written from it, and a role it does not state was invented there
    ("Opposition Leader" for the translation's "President" passed as the German's word)."""
    english = (
        "On Monday she met Turkish President Recep Tayyip Erdogan, South Korean President Moon "
        "Jae In and then Chancellor Angela Merkel. CSU Transport Minister Scheuer and ruler Kim "
        "Jong Un did not come."
    )
    assert [flag.text for flag in unsupported_facts(summary, english, _ROLE_GERMAN)] == flagged


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 40)), max_size=30),
    st.integers(0, 300),
    st.integers(0, 40),
)
def test_taken_spans_overlap_as_a_scan_of_them_all_says(
    spans: list[tuple[int, int]], start: int, length: int
) -> None:
    from summarize.checks.quantities import _Spans

    taken = _Spans()
    kept = [(first, first + size) for first, size in spans]
    for span in kept:
        taken.append(span)
    query = (start, start + length)
    assert taken.overlaps(query) == any(query[0] < end and first < query[1] for first, end in kept)


# The review of stop 50 (a helper's measurement of misses on WMT references): numbers the translator
# changed, currencies, percentage points, units, ranges, and a number past a float's range.
def test_a_number_past_a_floats_range_in_the_article_is_no_crash() -> None:
    """A hedged number of the summary was compared with a 320-digit number of the article:
    OverflowError in quantities._place, and the whole run ended without a brief."""
    article = "Rund 512 Menschen kamen. Die Seriennummer lautet " + "7" * 320 + "."
    flags = unsupported_facts("About 900 people came.", article, article)
    assert [flag.text for flag in flags] == ["900"]
    assert unsupported_facts("About 500 people came.", article, article) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Stadt gibt 2,5 Millionen Euro aus.", "The city is spending 25 million euros."),
        ("Die Stadt gibt 2,5 Millionen Euro aus.", "The city is spending 2.5 billion euros."),
        ("Der Unfall geschah am Dienstag.", "The accident happened on Thursday."),
        ("Das Spiel beginnt um 20.15 Uhr.", "The game starts at 8.15am."),
        (
            "Am 3. Oktober 1990 wurde Deutschland vereinigt.",
            "Germany was unified on 3 November 1990.",
        ),
    ],
)
def test_a_number_the_translator_changed_is_warned_of(german: str, english: str) -> None:
    """The summary's check takes the translation as a source: a summary that repeats the
    translator's wrong number passes it. The sentence's own warning must say it."""
    assert unsupported_facts(english, english, german) == []  # what the brief's check sees
    kinds = [warning.kind for warning in translation_warnings(german, english)]
    assert "numbers" in kinds


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Stadt gibt 2,5 Millionen Euro aus.", "The city is spending €2.5m."),
        ("Das Spiel beginnt um 20.15 Uhr.", "The game kicks off at 8.15pm."),
        ("Zwei Drittel der Befragten sind dagegen.", "Two-thirds of respondents oppose it."),
        ("Rund 500 Menschen kamen am Samstag.", "Around 500 people came on Saturday."),
        ("Bayern gewann 3:1 gegen Dortmund.", "Bayern beat Dortmund 3-1."),
    ],
)
def test_a_faithful_translation_has_no_number_warning(german: str, english: str) -> None:
    assert [w for w in translation_warnings(german, english) if w.kind == "numbers"] == []


def _missing_warned(german: str, english: str) -> list[str]:
    return [w.detail for w in translation_warnings(german, english) if w.kind == "missing_numbers"]


@pytest.mark.parametrize(
    ("german", "english", "detail"),
    [
        (
            "Am 14. März beschloss der Bundestag Ausgaben von 480 Milliarden Euro, sagte Lindner.",
            "The Bundestag decided on spending, said Lindner.",
            "“14. März”, “480 Milliarden” not in the English",
        ),
        (
            "Eine 18 Jahre alte Fahrerin wurde am Samstag erfasst.",
            "On Sunday, an 18-year-old rider was hit.",
            "“Samstag” not in the English",
        ),
        ("Den gut 3300 Bewohnern wird geholfen.", "The almost 3,300 residents get help.", None),
        ("Eine 44jährige Autofahrerin bog ab.", "A driver turned.", "“44” not in the English"),
        ("Das Fest ist vom 7. bis 9. Mai 2021.", "The festival is in spring.", None),
        ("Bis zum 31.12. ist es erledigt.", "It is done by the end of the year.", None),
        ("Er spielte zum 2. Mal.", "He played for the third time.", "“2.” not in the English"),
    ],
)
def test_a_figure_the_translator_left_out_is_warned_of(
    german: str, english: str, detail: str | None
) -> None:
    """A date, amount or weekday the English lost showed nowhere: the checks and the key facts
    read the English, and its length was in range (a review's find)."""
    warned = _missing_warned(german, english)
    assert warned == [detail] if detail else len(warned) == 1


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Stadt gibt 2,5 Millionen Euro aus.", "The city is spending €2.5m."),
        ("Das Spiel beginnt um 20.15 Uhr.", "The game kicks off at 8.15pm."),
        ("Rund 500 Menschen kamen am Samstag.", "Around 500 people came on Saturday."),
        ("Bayern gewann 3:1 gegen Dortmund.", "Bayern beat Dortmund 3-1."),
        ("Vor einem Jahr trafen sich beide zweimal.", "A year ago the two met twice."),
        ("Das sagte er der Frankfurter Allgemeinen Sonntagszeitung.", "He told the newspaper."),
        (
            "Er lag in der Nacht zum Sonntag auf der Straße.",
            "He lay on the road on Saturday night.",
        ),
        ("Er liebt die Musik der 20er-Jahre.", "He loves the music of the Twenties."),
        ("Eine 44jährige Autofahrerin bog ab.", "A 44-year-old driver turned."),
        ("David Ernst glich zum 15:15 aus.", "David Ernst equalized for 15-15."),
        ("Am 3. Oktober 1990 wurde Deutschland vereinigt.", "Germany was unified on 3 Oct 1990."),
        ("Der 1. FC Köln spielt in der 2. Bundesliga.", "1. FC Köln plays in the 2nd Bundesliga."),
        ("Die Partei kommt auf 25,3 Prozent.", "The party has 25.3%."),
        # a review's: a short date is also read as a decimal number; ordinals in words; a
        # range's or comparison's first end
        ("Die Frist endet am 30.6.", "The deadline ends on June 30."),
        ("Am 24.12. ist Heiligabend.", "Christmas Eve is on 24 December."),
        ("Er spielte zum 2. Mal.", "He played for the second time."),
        ("Der Verein steigt in die 2. Bundesliga ab.", "The club goes down to the second tier."),
        ("Die Geschäfte sind von 9 bis 18 Uhr geöffnet.", "Shops are open from 9 a.m. to 6 p.m."),
        ("Zwischen 22 und 6 Uhr gilt ein Fahrverbot.", "A ban applies between 10 p.m. and 6 a.m."),
        ("Er gewann mit 52 zu 48 Prozent.", "He won 52% to 48%."),
    ],
)
def test_a_faithful_translation_leaves_out_no_figure(german: str, english: str) -> None:
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die Sitzung beginnt um 12 Uhr im Rathaus.",
            "The meeting starts at noon in the town hall.",
        ),
        ("Bis 12.00 Uhr gilt die Sperre.", "The closure applies until midday."),
        ("Das Feuerwerk beginnt um 0 Uhr.", "The fireworks start at midnight."),
        ("Die Frist endet am Freitag um 24 Uhr.", "The deadline ends at midnight on Friday."),
    ],
)
def test_noon_and_midnight_state_12_and_24_uhr(german: str, english: str) -> None:
    """English names these two times in a word: "um 24 Uhr" as "at midnight" was warned of as
    a figure the translation left out."""
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Sitzung beginnt um 12 Uhr.", "The meeting starts at midnight."),
        ("Die Sitzung beginnt um 0 Uhr.", "The meeting starts at noon."),
        ("Die Sitzung beginnt um 12.30 Uhr.", "The meeting starts at noon."),
    ],
)
def test_noon_and_midnight_state_no_other_time(german: str, english: str) -> None:
    assert len(_missing_warned(german, english)) == 1


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die Frau ist Mitte 40 und lebt in Köln.",
            "The woman is in her mid-40s and lives in Cologne.",
        ),
        ("Der Täter soll Ende 20 sein.", "The culprit is said to be in his late twenties."),
        ("Anfang 30 zog er nach Berlin.", "In his early 30s he moved to Berlin."),
        # set off by commas, as police reports write it
        ("Ein Mann, Mitte 40, wurde festgenommen.", "A man in his mid-40s was arrested."),
        ("Der Täter, Ende 20, floh.", "The culprit, in his late twenties, fled."),
    ],
)
def test_an_age_in_decades_is_stated_by_the_english_decade(german: str, english: str) -> None:
    """ "Mitte 40" is an age in the mid-40s, as English says it: it was the number 40, which
    "in her mid-40s" did not state."""
    assert _number_warnings(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Frau ist Mitte 40.", "The woman is in her mid-50s."),
        ("Die Frau ist Mitte 40.", "The woman is 40."),
    ],
)
def test_an_age_in_decades_is_no_other_age(german: str, english: str) -> None:
    assert "numbers" in _number_warnings(german, english)


def test_end_of_a_year_or_a_time_is_no_age() -> None:
    assert (
        _number_warnings("Ende 2020 kam er um 20 Uhr.", "At the end of 2020 he came at 8pm.") == []
    )


def test_a_decimal_after_mitte_is_no_age() -> None:
    assert "numbers" in _number_warnings("Der Wert lag Mitte 40,5 Punkte.", "The value was 45.")


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Am Ende 20 Punkte Vorsprung.", "In the end a 20-point lead."),
        ("Zu Beginn 30 Sekunden Vorsprung.", "At the start a 30-second lead."),
        ("Bis Ende 90 Minuten lang kein Tor.", "No goal until the end for 90 minutes."),
        ("Der Sieger hatte Ende 20 Meter Vorsprung.", "The winner had a 20-metre lead at the end."),
    ],
)
def test_a_count_after_ende_or_beginn_is_no_age(german: str, english: str) -> None:
    """ "Am Ende 20 Punkte" (at the end, 20 points), "zu Beginn 30 Sekunden": a count, not an
    age in decades, which the faithful "20-point lead" did not state ("20" not in the German)."""
    assert _number_warnings(german, english) == []


def test_a_wrong_count_after_am_ende_is_warned_of() -> None:
    assert _number_warnings("Am Ende 50 Euro weniger.", "In the end, 55 euros less.") == [
        "numbers",
        "missing_numbers",
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Staatsschulden liegen bei 2 Bio. Euro.", "The national debt is 2 trillion euros."),
        ("Der Fonds verwaltet 1,5 Bio. Dollar.", "The fund manages $1.5tn."),
    ],
)
def test_bio_is_the_german_abbreviation_of_billionen(german: str, english: str) -> None:
    """ "Bio." is to "Billionen" what "Mio." and "Mrd." are to "Millionen" and "Milliarden": a
    faithful "2 trillion euros" was warned of as a number the German lacks, and "2" as one the
    English lost."""
    assert _number_warnings(german, english) == []


def test_bio_is_no_english_billion_nor_a_word_of_its_own() -> None:
    assert _number_warnings("Die Schulden: 2 Bio. Euro.", "The debt: 2 billion euros.") == [
        "numbers",
        "missing_numbers",
    ]
    assert _number_warnings("Er verkauft 5 Bio-Produkte.", "He sells 5 organic products.") == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Der Hof wirtschaftet seit 2019 Bio.", "The farm has been organic since 2019."),
        ("Seit 1995 Bio. Das zahlt sich aus.", "Organic since 1995. That pays off."),
    ],
)
def test_bio_after_a_year_is_no_scale(german: str, english: str) -> None:
    """A thousand trillions is a "Billiarde": "seit 2019 Bio." is organic since 2019, and its
    faithful English was warned of both ways ("2019" not in the German, "2019 Bio." not in the
    English)."""
    assert _number_warnings(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Stadt feiert ihr 100-jähriges Bestehen.", "The town celebrates its centennial."),
        ("Der Chor feiert 100 Jahre Gesang.", "The choir celebrates a centenary of singing."),
        ("Zum 200. Geburtstag gab es ein Fest.", "There was a party for the bicentenary."),
        ("Die Uni feiert ihr 150-jähriges Jubiläum.", "The university marks its sesquicentennial."),
    ],
)
def test_a_centenary_states_its_count_of_years(german: str, english: str) -> None:
    """ "centennial" is English for "100-jähriges Bestehen": the 100 was warned of as a figure
    the translation left out."""
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Stadt feiert ihr 50-jähriges Bestehen.", "The town celebrates its centennial."),
        ("Der Verein hat 100 Mitglieder.", "The club celebrates its centenary."),
    ],
)
def test_a_centenary_states_no_other_count(german: str, english: str) -> None:
    assert len(_missing_warned(german, english)) == 1


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Läuferin belegte Platz 2 hinter der Siegerin.", "The runner finished second."),
        ("Er kam auf Rang 2 ins Ziel.", "He crossed the line in second place."),
        ("Der Verein steht auf Tabellenplatz 1.", "The club is first in the table."),
    ],
)
def test_a_rank_is_stated_by_its_ordinal_word(german: str, english: str) -> None:
    """ "Platz 2" is "second place": "second", which the English reading leaves out (it is
    also a unit), was no statement of the 2, and the rank was warned of as left out."""
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Läuferin belegte Platz 2 hinter der Siegerin.", "The runner finished third."),
        ("Er schoss 2 Tore.", "He scored for the second time."),  # a count, no rank
        # an address, no rank
        (
            "Das Café am Marktplatz 2 öffnet erneut.",
            "The café on the market square opens a second time.",
        ),
    ],
)
def test_an_ordinal_word_states_no_other_rank_nor_a_count(german: str, english: str) -> None:
    assert len(_missing_warned(german, english)) == 1


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Der Stau auf der A 7 reicht bis Hamburg.", "The jam on the A7 reaches Hamburg."),
        ("Die B 27 ist nach dem Unfall gesperrt.", "The B27 is closed after the crash."),
        ("Der G-20-Gipfel beginnt am Freitag.", "The G20 summit begins on Friday."),
    ],
)
def test_a_label_s_figure_written_apart_is_stated_together(german: str, english: str) -> None:
    """German writes a road's number apart from its letter ("A 7"), English together ("A7"):
    the 7 was warned of as a figure the translation left out."""
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    "english", ["The jam on the A8 reaches Hamburg.", "The jam on the motorway reaches Hamburg."]
)
def test_a_label_s_figure_is_stated_by_its_own_label_only(english: str) -> None:
    assert _missing_warned("Der Stau auf der A 7 reicht bis Hamburg.", english) == [
        "“7” not in the English"
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Sie war 2-mal Europameisterin.", "She was European champion twice."),
        ("Er gewann 3 Mal in Folge.", "He won three times in a row."),
        ("Die Miete stieg auf das 3-Fache.", "The rent tripled."),
        ("Die Kosten sind 2fach so hoch.", "The costs have doubled."),
        ("Der Wert stieg 10-fach.", "The value rose tenfold."),
    ],
)
def test_a_count_of_times_in_figures_is_stated_in_one_word(german: str, english: str) -> None:
    """ "2-mal" is "twice", "das 3-Fache" "tripled": the figure was warned of as left out."""
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Kamera hat einen 10-fach-Zoom.", "The camera has a tenfold zoom."),
        ("Die 3-fach-Impfung schützt besser.", "The triple vaccination protects better."),
    ],
)
def test_a_multiple_in_figures_before_a_hyphen_is_stated_in_one_word(
    german: str, english: str
) -> None:
    """ "10-fach-Zoom" is a compound of the multiple "10-fach" ("tenfold zoom"): only a word
    going on ("2 Maler", "3 Fachbücher") makes the figure a count, not a hyphen."""
    assert _missing_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Sie war 3-mal Europameisterin.", "She was European champion twice."),
        ("Sie hat 2 Kinder.", "She has twice as many children."),  # a count, no times
        ("Es kamen 2 Maler.", "Painters came twice."),  # painters, no "2 Mal"
        ("Er hat 3 Fachbücher geschrieben.", "He tripled his specialist books."),
    ],
)
def test_a_word_of_times_states_no_other_figure(german: str, english: str) -> None:
    assert len(_missing_warned(german, english)) == 1


@pytest.mark.parametrize(
    "english",
    [
        "The derby ended in a goalless draw.",
        "The derby ended scoreless.",
        "The derby finished nil-nil.",
    ],
)
def test_a_score_of_nothing_each_is_stated_in_words(english: str) -> None:
    """ "0:0" is "a goalless draw": the score was warned of as left out."""
    assert _missing_warned("Das Derby endete 0:0.", english) == []


def test_goalless_states_no_other_score() -> None:
    assert _missing_warned("Das Derby endete 1:1.", "The derby ended goalless.") == [
        "“1:1” not in the English"
    ]


def test_german_left_untranslated_is_warned_of_once() -> None:
    german = "Am 14. März kamen 480 Menschen."
    kinds = [warning.kind for warning in translation_warnings(german, german)]
    assert kinds == ["untranslated"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das Ticket kostet 15 Franken.", "The ticket costs 15 euros."),
        ("Das Ticket kostet 15 Franken.", "The ticket costs €15."),
        ("Der Verein zahlte 100 Millionen Pfund.", "The club paid €100 million."),
        ("Der Konzern machte 3,5 Milliarden Dollar Gewinn.", "The group made a €3.5bn profit."),
        ("Die Firma machte 1,4 Milliarden Euro Verlust.", "The firm lost 1.4 billion dollars."),
    ],
)
def test_an_amount_in_another_currency_is_flagged(german: str, english: str) -> None:
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das Ticket kostet 15 Euro.", "The ticket costs €15."),
        ("Das Ticket kostet 15,50 €.", "The ticket costs 15.50 euros."),
        ("Die Busse beträgt 2,5 Millionen Franken.", "The fine is 2.5 million francs."),
        ("Der Verein zahlte 100 Mio. Pfund.", "The club paid £100m."),
        ("Der Konzern machte 3,5 Mrd. US-Dollar Gewinn.", "The group made a $3.5bn profit."),
        (
            "Der Konzern machte 3,5 Mrd. US-Dollar Gewinn.",
            "The group made a profit of 3.5 billion dollars.",
        ),
        ("Der Schaden: 250.000 Euro.", "The damage: EUR 250,000."),
        ("Er zahlte 15 Euro und 15 Franken.", "He paid 15 francs."),
        ("Es kamen 15 Menschen.", "It cost 15 euros."),  # no currency in the source: not judged
    ],
)
def test_the_same_amount_in_its_currency_is_not_flagged(german: str, english: str) -> None:
    assert [f for f in unsupported_facts(english, "", german) if f.kind == "number"] == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Strecke ist 42 Kilometer lang.", "The course is 42 miles long."),
        ("Der Turm ist 120 Meter hoch.", "The tower is 120 feet tall."),
        ("Er wog 90 Kilogramm.", "He weighed 90 pounds."),
        ("Es fielen zehn Zentimeter Schnee.", "Ten inches of snow fell."),
    ],
)
def test_a_measure_in_another_unit_with_the_same_number_is_flagged(
    german: str, english: str
) -> None:
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Strecke ist 42 Kilometer lang.", "The course is 42km long."),
        ("Der Turm ist 120 Meter hoch.", "The 120-metre tower."),
        ("Er lief 16 Kilometer (zehn Meilen).", "He ran ten miles."),
        ("Das Paket wiegt 90 Pfund.", "The parcel weighs 90 pounds."),
    ],
)
def test_a_measure_in_its_unit_is_not_flagged(german: str, english: str) -> None:
    assert [f for f in unsupported_facts(english, "", german) if f.kind == "number"] == []


@pytest.mark.parametrize(
    ("german", "english", "flagged"),
    [
        (
            "Die Quote sank um 0,3 Prozentpunkte auf 5,1 Prozent.",
            "The rate fell by 0.3 percent to 5.1 percent.",
            "0.3 percent",
        ),
        (
            "Die Quote sank um 0,3 Prozentpunkte auf 5,1 Prozent.",
            "The rate fell by 0.3 percentage points to 5.1 percentage points.",
            "5.1 percentage points",
        ),
        (
            "Die Umfrage sieht die AfD bei 17 Prozent.",
            "The poll puts the AfD at 17 percentage points.",
            "17 percentage points",
        ),
    ],
)
def test_percent_and_percentage_points_are_not_one_another(
    german: str, english: str, flagged: str
) -> None:
    assert [flag.text for flag in unsupported_facts(english, "", german)] == [flagged]


def test_percentage_points_as_translated_are_not_flagged() -> None:
    german = "Die Quote sank um 0,3 Prozentpunkte auf 5,1 Prozent."
    english = "The rate fell by 0.3 percentage points to 5.1 percent."
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Kosten liegen bei 3 bis 4 Millionen Euro.", "The costs are €3m to €4m."),
        (
            "Die Kosten liegen bei 3 bis 4 Millionen Euro.",
            "The costs are between 3 million and 4 million euros.",
        ),
        (
            "Die Kosten liegen bei 3 Millionen bis 4 Millionen Euro.",
            "The costs are 3 to 4 million euros.",
        ),
        (
            "Die Kosten liegen zwischen 2 und 3 Milliarden Euro.",
            "The costs are between 2bn and 3bn euros.",
        ),
        ("Die Quote liegt bei 10 bis 15 Prozent.", "The rate is between 10% and 15%."),
        ("Die Quote liegt bei 10 Prozent bis 15 Prozent.", "The rate is 10 to 15 percent."),
    ],
)
def test_a_range_shares_its_scale_and_percent(german: str, english: str) -> None:
    assert [f for f in unsupported_facts(english, "", german) if f.kind == "number"] == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Kosten liegen bei 3 bis 4 Millionen Euro.", "The costs are €5m to €6m."),
        (
            "Die Kosten liegen bei 3 bis 4 Millionen Euro und 3 Prozent.",
            "The costs rose 30 percent.",
        ),
        ("Es kamen 500 bis 3 Millionen Menschen.", "500 million people came."),
    ],
)
def test_a_range_backs_no_other_number(german: str, english: str) -> None:
    assert [f.kind for f in unsupported_facts(english, "", german)] != []


# A review of the checks commits of stop 50: points written after the sign, a range whose ends
# read differently, "dreimal", "in der Nacht zum Sonntag", an absurd hedged number.


def _numbers_warned(german: str, english: str) -> list[str]:
    return [w.detail for w in translation_warnings(german, english) if w.kind == "numbers"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Quote sank um 0,3 %-Punkte.", "The rate fell by 0.3 percentage points."),
        ("Die Quote sank um 0,3 Prozent-Punkte.", "The rate fell by 0.3 percentage points."),
        ("Die Quote sank um 0,3 Prozentpunkte.", "The rate fell by 0.3 percent points."),
        ("Die Quote sank um 0,3 Prozentpunkte.", "The rate fell by 0.3 per cent points."),
        ("Die Quote sank um 0,3 Prozentpunkte.", "The rate fell by 0.3 % points."),
        ("Die Quote sank um 0,3 Prozentpunkte.", "The rate fell by 0.3 percentage-points."),
    ],
)
def test_points_written_after_the_percent_are_points(german: str, english: str) -> None:
    assert unsupported_facts(english, "", german) == []
    assert _numbers_warned(german, english) == []


def test_points_after_the_percent_are_still_no_percent() -> None:
    flags = unsupported_facts(
        "The rate fell by 0.3 percent.", "", "Die Quote sank um 0,3 %-Punkte."
    )
    assert [flag.text for flag in flags] == ["0.3 percent"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die EZB hob den Zins um 0,25 Prozentpunkte an.",
            "The ECB raised rates by 25 basis points.",
        ),
        (
            "Die EZB hob den Zins um 25 Basispunkte an.",
            "The ECB raised rates by 0.25 percentage points.",
        ),
        ("Die EZB hob den Zins um 25 Basispunkte an.", "The ECB raised rates by 25 basis points."),
        ("Die EZB hob den Zins um 0,5 Prozentpunkte an.", "The ECB made a 50-basis-point rise."),
        ("Die EZB hob den Zins um 0,25 Prozentpunkte an.", "The ECB raised rates by 25bp."),
    ],
)
def test_basis_points_are_hundredths_of_a_percentage_point(german: str, english: str) -> None:
    """ "25 basis points" for "0,25 Prozentpunkte" was flagged as a number not in the article,
    and warned of as one the German does not state."""
    assert unsupported_facts(english, "", german) == []
    assert _numbers_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die EZB hob den Zins um 0,25 Prozentpunkte an.",
            "The ECB raised rates by 30 basis points.",
        ),
        (
            "Die EZB hob den Zins um 25 Prozentpunkte an.",
            "The ECB raised rates by 25 basis points.",
        ),
        ("Die EZB hob den Zins um 0,25 Prozent an.", "The ECB raised rates by 25 basis points."),
        ("Die EZB hob den Zins um 25 Basispunkte an.", "The ECB raised rates by 0.25 percent."),
    ],
)
def test_basis_points_must_be_the_same_points(german: str, english: str) -> None:
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Quote stieg von 5 auf 7 Prozent.", "The rate rose from 5 to 7 percent."),
        ("Die Quote stieg um 2 auf 7 Prozent.", "The rate rose by 2 to 7 percent."),
        ("Die Kosten stiegen von 3 auf 4 Millionen Euro.", "Costs rose from 3 to 4 million euros."),
    ],
)
def test_a_range_end_read_as_percent_is_backed_by_the_same_number(
    german: str, english: str
) -> None:
    assert unsupported_facts(english, "", german) == []
    assert _numbers_warned(german, english) == []


def test_a_range_end_is_still_no_other_number() -> None:
    german = "Die Quote stieg von 5 auf 7 Prozent."
    assert [f.text for f in unsupported_facts("It rose from 6 to 7 percent.", "", german)] == ["6"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er wurde dreimal verurteilt.", "He was convicted three times."),
        ("Sie hat das Turnier zehnmal gewonnen.", "She has won the tournament ten times."),
        ("Sie klingelten zweimal.", "They rang two times."),
    ],
)
def test_a_german_times_adverb_states_its_number(german: str, english: str) -> None:
    assert _numbers_warned(german, english) == []


def test_a_times_adverb_backs_no_other_number() -> None:
    assert _numbers_warned("Er wurde dreimal verurteilt.", "He was convicted four times.")


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("In der Nacht zum Sonntag brannte ein Haus.", "On Saturday night a house burned."),
        ("In der Nacht zum Sonntag brannte ein Haus.", "In the night to Sunday a house burned."),
        ("In der Nacht zu Montag brannte ein Haus.", "On Sunday night a house burned."),
    ],
)
def test_the_night_to_a_day_is_the_night_of_the_day_before(german: str, english: str) -> None:
    assert _numbers_warned(german, english) == []
    assert unsupported_facts(english, "", german) == []


def test_the_night_to_sunday_is_no_friday_and_sunday_alone_no_saturday() -> None:
    assert _numbers_warned("In der Nacht zum Sonntag brannte es.", "On Friday night it burned.")
    assert _numbers_warned("Am Sonntag brannte es.", "On Saturday it burned.")


# Faithful renderings that warned (stop 50's list of remaining false alarms): a count in a word
# of its own ("Dutzend", "halbe Million"), a duration in another unit, power in another prefix,
# "€1.2tn", "Nummer eins", "Zweitliga", "Anfangsformation", the world wars by another name.


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Eine halbe Million Menschen demonstrierten.", "500,000 people demonstrated."),
        ("Eine halbe Million Menschen demonstrierten.", "Half a million people demonstrated."),
        ("Es geht um eine halbe Milliarde Euro.", "It is about 500 million euros."),
        ("Ein Dutzend Häuser brannten.", "12 houses burned."),
        ("Es kamen zwei Dutzend Gäste.", "24 guests came."),
        ("Es kamen 24 Gäste.", "Two dozen guests came."),
        ("Es kamen 6 Gäste.", "Half a dozen guests came."),
        ("Die Sitzung dauerte eineinhalb Stunden.", "The meeting lasted 90 minutes."),
        ("Die Sitzung dauerte 90 Minuten.", "The meeting lasted an hour and a half."),
        ("Die Sitzung dauerte eine halbe Stunde.", "The meeting lasted 30 minutes."),
        ("Die Sitzung dauerte 30 Minuten.", "The meeting lasted half an hour."),
        ("Er wartete eine Viertelstunde.", "He waited 15 minutes."),
        ("Er wartete eine Dreiviertelstunde.", "He waited 45 minutes."),
        ("Er wartete 15 Minuten.", "He waited a quarter of an hour."),
        ("Das dauerte ein halbes Jahr.", "That took six months."),
        ("Das dauerte 18 Monate.", "That took one and a half years."),
        ("Im ersten Halbjahr stieg der Umsatz.", "In the first six months, sales rose."),
        ("Das dauerte eine halbe Stunde.", "That took a half-hour."),
        ("Es geht um eine halbe Million.", "It is about a half million."),
        ("Die Frist beträgt zwei Wochen.", "The deadline is 14 days."),
        ("Der Akku hielt 48 Stunden.", "The battery lasted two days."),
        ("Das Kraftwerk hat 1.400 Megawatt.", "The power plant has 1.4 gigawatts."),
        ("Sie verbrauchen 2.500 Kilowattstunden.", "They use 2.5 megawatt hours."),
        ("Die Schulden betragen 1,2 Billionen Euro.", "Debts amount to €1.2tn."),
        ("Er ist die Nummer eins.", "He is number 1."),
        ("Zweieinhalb Millionen Menschen kamen.", "Two and a half million people came."),
        ("Eineinhalb Milliarden Euro fehlen.", "One and a half billion euros are missing."),
        ("Eine zweieinhalbstündige Fahrt.", "A two and a half-hour drive."),
        ("Zum 30. Jahrestag gab es Feiern.", "There were celebrations to mark 30 years."),
        ("Er feierte seinen 80. Geburtstag.", "He turned 80 years old."),
        ("Es war eine halbstündige Sitzung.", "It was a half-hour meeting."),
        ("Die Sitzung dauerte knapp 29 Minuten.", "The meeting lasted almost half an hour."),
        ("Es geht um eine halbe Billion Euro.", "It is about half a trillion euros."),
        ("Er wartete einen Tag.", "He waited 24 hours."),
        ("Sie war ein Jahr lang krank.", "She was ill for 12 months."),
        ("Er stand in der Anfangsformation.", "He was in the starting eleven."),
    ],
)
def test_a_number_in_other_words_or_units_is_backed(german: str, english: str) -> None:
    assert _numbers_warned(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Ein Dutzend Häuser brannten.", "20 houses burned."),
        ("Es kamen zwei Dutzend Gäste.", "12 guests came."),
        ("Eine halbe Million Menschen demonstrierten.", "5 million people demonstrated."),
        ("Die Sitzung dauerte eine halbe Stunde.", "The meeting lasted 45 minutes."),
        ("Die Sitzung dauerte zwei Stunden.", "The meeting lasted 2 minutes."),
        ("Das dauerte ein halbes Jahr.", "That took six weeks."),
        ("Das dauerte zwei Jahre.", "That took a half-year."),
        ("Das Kraftwerk hat 1.400 Megawatt.", "The power plant has 1.4 megawatts."),
        ("Die Schulden betragen 1,2 Milliarden Euro.", "Debts amount to €1.2tn."),
        # a measure is a count: the sixth day is not six days
        ("Bis zum sechsten Tag gab es kein Handtuch.", "For six days there was no towel."),
        ("Der Zweitligist wartete fünf Tage.", "The second-division club waited two days."),
        ("Der Zweitligist gewann 1:0.", "The club scored two goals."),
        ("Die Sitzung dauerte knapp 20 Minuten.", "The meeting lasted almost half an hour."),
    ],
)
def test_a_number_in_other_words_or_units_backs_no_other(german: str, english: str) -> None:
    assert _numbers_warned(german, english)
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er arbeitet zehn Stunden pro Tag.", "He works ten hours a week."),
        ("Er arbeitet zehn Stunden täglich.", "He works ten hours a month."),
        ("Er wurde nach einem Tag freigelassen.", "He was released after a week."),
        ("Nach einer knappen Stunde traf Rebic.", "After just under a day Rebic scored."),
        ("Das kostet 500 Euro im Monat.", "That costs 500 euros per year."),
        ("Eine Woche vor dem Start.", "One month before the start."),
        ("Der einjährige Hund kam an.", "The one-month-old dog arrived."),
        # a unit of energy, charge or speed, a parliament, a sitting: no hour, no day
        ("Die Anlage lief einen Tag und erzeugte 300 Kilowattstunden.",
         "The plant ran for an hour and produced 300 kilowatt hours."),
        ("Der Akku hielt einen Tag, er hat 5 Amperestunden.",
         "The battery lasted an hour; it has 5 amp hours."),
        ("Er fuhr eine Woche mit 100 Stundenkilometern.", "He drove at 100 km/h for an hour."),
        ("Der Bundestag debattierte eine Stunde.", "The Bundestag debated for a day."),
        ("Der Rat tagte eine Stunde.", "The council sat for a day."),
    ],
)  # fmt: skip
def test_one_of_a_unit_in_words_swapped_is_flagged(german: str, english: str) -> None:
    """ "a day", "per year", "one week" were no quantity in English: "a week" for "pro Tag" or
    "nach einem Tag" passed both checks (a review swapped the unit of 16 WMT sentences; 14
    passed). And "Kilowattstunden", "Bundestag" read as an hour and a day backed the swap."""
    assert _numbers_warned(german, english)
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er arbeitet zehn Stunden pro Tag.", "He works ten hours a day."),
        ("Er arbeitet zehn Stunden pro Tag.", "He works ten hours per day."),
        ("Er arbeitet zehn Stunden pro Tag.", "He works ten hours daily."),
        ("Er arbeitet zehn Stunden täglich.", "He works ten hours a day."),
        ("Er arbeitet zehn Stunden täglich.", "He works ten hours per day."),
        ("Er arbeitet zehn Stunden täglich.", "He works ten hours daily."),
        ("Sie treffen sich zweimal im Jahr.", "They meet twice a year."),
        ("Das Fest findet alljährlich statt.", "The festival is held once a year."),
        ("Sie trainieren je Woche drei Mal.", "They train three times a week."),
        ("Er wurde nach einem Tag freigelassen.", "He was released after one day."),
        ("Er wurde nach einem Tag freigelassen.", "He was released after 24 hours."),
        ("Nach einer knappen Stunde traf Rebic.", "After just under an hour Rebic scored."),
        ("Seit mehr als einem Jahr wird ermittelt.", "For more than a year, police have probed."),
        ("Eine Woche vor dem Start.", "One week before the start."),
        ("Er fuhr 100 Stundenkilometer.", "He drove at 100 kilometres per hour."),
        ("Der einjährige Hund kam an.", "The one-year-old dog arrived."),
        # A unit the German names inside a word, or an idiom where it names none (a review's)
        ("Der Umsatz stieg um 5 Prozent gegenüber dem Vorjahr.",
         "Sales rose 5 percent from a year earlier."),
        ("Die Monatsmiete beträgt 800 Euro.", "The rent is 800 euros a month."),
        ("Am nächsten Tag trat der Minister zurück.", "A day later, the minister resigned."),
        ("Tags darauf kam er zurück.", "A day later he came back."),
        ("Es gab eine Schweigeminute.", "There was a minute of silence."),
        ("Er bekommt 20 Euro Stundenlohn.", "He gets 20 euros per hour."),
        # hours of work are hours ("man-hours", "an hour of work"), unlike a kilowatt hour
        ("Jede Arbeitsstunde kostet 50 Euro.", "Each hour of work costs 50 euros."),
        ("Er kam in den Morgenstunden.", "He came in the early hours."),
        ("Irgendwann, hofft er, kommt sie zurück.", "One day, he hopes, she will return."),
    ],
)  # fmt: skip
def test_one_of_a_unit_in_words_is_backed(german: str, english: str) -> None:
    """The same: read on both sides, "a day", "per day" and "after one day" must still be
    backed by "pro Tag", "täglich" or "nach einem Tag", and "per hour" of a speed is no hour.
    So must "a year earlier" for "Vorjahr", "a month" for "Monatsmiete" (the unit inside a
    word), and "One day" for "Irgendwann" (no unit of time to swap): each was flagged, as a
    translation warning and in the summary."""
    assert _numbers_warned(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er unterschrieb einen Zweijahresvertrag.", "He signed a two-year contract."),
        (
            "Die Regierung legte einen Fünfjahresplan vor.",
            "The government set out a five-year plan.",
        ),
        ("Es gilt eine Dreimonatsfrist.", "A three-month deadline applies."),
        ("Das Zweitagesturnier beginnt.", "The two-day tournament begins."),
        ("Die Siebentagesinzidenz sank.", "The seven-day incidence fell."),
        ("Die Busse fahren im Zehnminutentakt.", "The buses run every ten minutes."),
    ],
)
def test_a_number_word_before_a_unit_of_time_in_a_german_compound_backs_it(
    german: str, english: str
) -> None:
    """ "two-year contract" for "Zweijahresvertrag" was flagged as a number the German lacks,
    which read only the unit ("jahres": one year); as "zweijährig" does, the compound's number
    word now counts its unit."""
    assert _numbers_warned(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er unterschrieb einen Zweijahresvertrag.", "He signed a three-year contract."),
        ("Er unterschrieb einen Zweijahresvertrag.", "He signed a two-month contract."),
        ("Die Siebentagesinzidenz sank.", "The five-day incidence fell."),
    ],
)
def test_a_changed_number_or_unit_of_a_german_time_compound_is_flagged(
    german: str, english: str
) -> None:
    assert _numbers_warned(german, english)
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er erhielt eine fünfjährige Haftstrafe.", "He received a five-month prison sentence."),
        ("Er erhielt eine 5-jährige Haftstrafe.", "He received a five-month prison sentence."),
        ("Das dreitägige Fest wurde abgesagt.", "The three-week festival was cancelled."),
        ("Es gilt eine zweiwöchige Frist.", "A two-month deadline applies."),
        ("Die sechsmonatige Probezeit endet.", "The six-year probation ends."),
        ("Nach einer 24-stündigen Pause.", "After a 24-day break."),
        ("Der 48-Jährige wurde festgenommen.", "The 48-month-old was arrested."),
        ("Eine 44jährige Autofahrerin bog ab.", "A 44-week-old driver turned."),
    ],
)
def test_a_german_duration_or_age_adjective_keeps_its_unit(german: str, english: str) -> None:
    """ "fünfjährige", "3-tägig", "48-Jährige" carried the number and no unit: "five-month
    sentence" for "fünfjährige Haftstrafe" passed (56 of 57 such swaps did, a review found)."""
    assert _numbers_warned(german, english)
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Er erhielt eine fünfjährige Haftstrafe.", "He received a five-year prison sentence."),
        ("Er erhielt eine fünfjährige Haftstrafe.", "He was jailed for five years."),
        ("Er erhielt eine 5-jährige Haftstrafe.", "He received a 5-year prison sentence."),
        ("Das dreitägige Fest wurde abgesagt.", "The three-day festival was cancelled."),
        ("Es gilt eine zweiwöchige Frist.", "A 14-day deadline applies."),
        ("Die sechsmonatige Probezeit endet.", "The six-month probation ends."),
        ("Die sechsmonatige Probezeit endet.", "The half-year probation ends."),
        ("Nach einer 24-stündigen Pause.", "After a 24-hour break."),
        ("Der 48-Jährige wurde festgenommen.", "The 48-year-old was arrested."),
        ("Der 48-Jährige wurde festgenommen.", "The man, 48, was arrested."),
        ("Die 48-Jährige wurde festgenommen.", "The woman, aged 48, was arrested."),
        ("Eine 44jährige Autofahrerin bog ab.", "A 44-year-old driver turned."),
        ("Er starb im Dreißigjährigen Krieg.", "He died in the Thirty Years' War."),
    ],
)
def test_a_german_duration_or_age_adjective_backs_its_translation(
    german: str, english: str
) -> None:
    """The same: with its unit the adjective still backs "five-year", "48-year-old" or the
    number alone."""
    assert _numbers_warned(german, english) == []
    assert _missing_warned(german, english) == []
    assert [f for f in unsupported_facts(english, "", german) if f.kind == "number"] == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es gilt eine Grenze von 5 pro Tag.", "There is a weekly limit of 5."),
        ("Er arbeitet zehn Stunden täglich.", "He works ten hours weekly."),
        ("Die Zeitung erscheint wöchentlich.", "The paper appears daily."),
        ("Das Fest findet jährlich statt.", "The festival is held monthly."),
        ("Die Miete wird monatlich gezahlt.", "The rent is paid yearly."),
        ("Der Bus fährt stündlich.", "The bus runs daily."),
        ("Er zahlt 500 Euro im Monat.", "He pays 500 euros annually."),
        ("Die Zinsen betragen 5 Prozent pro Monat.", "Interest is 5 percent per annum."),
    ],
)
def test_an_adverb_of_one_unit_swapped_is_flagged(german: str, english: str) -> None:
    """ "daily", "weekly", "annual" were no quantity in English: "weekly" for "täglich" or "pro
    Tag" passed both checks."""
    assert _numbers_warned(german, english)
    assert [flag.kind for flag in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es gilt eine Grenze von 5 pro Tag.", "There is a daily limit of 5."),
        ("Die Zeitung erscheint wöchentlich.", "The paper appears weekly."),
        ("Das Fest findet jährlich statt.", "The festival is held annually."),
        ("Das Fest findet jährlich statt.", "The annual festival is held."),
        ("Die Miete wird monatlich gezahlt.", "The rent is paid monthly."),
        ("Der Bus fährt stündlich.", "The bus runs hourly."),
        ("Er zahlt 500 Euro im Monat.", "He pays 500 euros monthly."),
        ("Die Zinsen betragen 5 Prozent pro Jahr.", "Interest is 5 percent per annum."),
        ("Er las die Tageszeitung.", "He read the daily newspaper."),
        ("Er nimmt die Tablette zweimal täglich.", "He takes the pill twice daily."),
        # no unit of time in the German to swap; a name's or a publication's word
        ("Das Treffen fand statt.", "The annual meeting took place."),
        ("Das berichtete die Daily Mail vor drei Tagen.",
         "The Daily Mail reported it three days ago."),
        ("Das sagte sie vor einem Jahr dem Magazin Stylist.",
         "She told a weekly fashion magazine a year ago."),
        ("Die Zeitung berichtete am Tag danach.", "The weekly reported it a day later."),
    ],
)  # fmt: skip
def test_an_adverb_of_one_unit_is_backed(german: str, english: str) -> None:
    """The same: "daily" is backed by "pro Tag", "täglich" or "Tageszeitung", "annually" by
    "jährlich"; "Daily Mail" and "a weekly magazine" name no rate."""
    assert _numbers_warned(german, english) == []
    assert unsupported_facts(english, "", german) == []


def test_one_of_a_unit_in_words_is_no_key_fact() -> None:
    """ "twice a day", "per year" are read (so a swapped unit is caught) but are no number a
    reader looks up: they filled the key facts beside the article's figures."""
    facts = key_facts(["He takes it twice a day and pays $5 per year. It took an hour and a half."])
    assert [fact.text for fact in facts] == ["$5", "an hour and a half"]


@pytest.mark.parametrize(
    ("summary", "english", "german"),
    [
        ("After World War II, it was rebuilt.", "After the Second World War, it was rebuilt.", ""),
        ("After World War II, it was rebuilt.", "", "Nach dem Zweiten Weltkrieg wurde es gebaut."),
        ("World War Two ended in 1945.", "", "Der 2. Weltkrieg endete 1945."),
        ("The First World War began in 1914.", "World War I began in 1914.", ""),
        ("The Great War began in 1914.", "", "Der Erste Weltkrieg begann 1914."),
        ("They fought in World War I and World War II.", "", "Im Ersten und Zweiten Weltkrieg …"),
        ("They fought in WWI and WWII.", "", "Sie kämpften in beiden Weltkriegen."),
        ("After the 2nd World War, it was rebuilt.", "", "Nach dem II. Weltkrieg …"),
    ],
)
def test_a_world_war_by_another_of_its_names_is_backed(
    summary: str, english: str, german: str
) -> None:
    assert unsupported_facts(summary, english, german or None) == []


@pytest.mark.parametrize(
    ("summary", "german", "war"),
    [
        ("After World War II, it was rebuilt.", "Nach dem Ersten Weltkrieg …", "World War II"),
        ("World War Two ended in 1918.", "Der Erste Weltkrieg endete 1918.", "World War Two"),
        ("After World War II, it was rebuilt.", "Nach dem Krieg wurde es gebaut.", "World War II"),
        ("The First World War ended.", "Der Zweite Weltkrieg endete.", "First World War"),
        ("The National WWI Museum opened.", "Das Museum zum 2. Weltkrieg …", "WWI"),
    ],
)
def test_a_world_war_the_article_does_not_name_is_flagged(
    summary: str, german: str, war: str
) -> None:
    flags = unsupported_facts(summary, "", german)
    assert [(flag.kind, flag.text) for flag in flags] == [("name", war)]


def test_the_number_of_a_world_war_is_no_count() -> None:
    """ "2. Weltkrieg" backed any 2 of the summary: the war's number is the name's."""
    german = "Nach dem 2. Weltkrieg kamen 3 Menschen."
    flags = unsupported_facts("After World War 2, 2 people came.", "", german)
    assert [(flag.kind, flag.text) for flag in flags] == [("number", "2")]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Sie zahlte 3.201,38 Euro brutto.", "She paid 3.201,38 euros gross."),
        ("Sie zahlte 3.201,38 Euro brutto.", "She paid 3,201.38 euros gross."),
        ("Etwa 4.000 150-jährige Eichen.", "About 4.000 150-year-old oaks are used."),
        ("Etwa 4.000 150-jährige Eichen.", "About 4,000 oaks, each 150 years old."),
    ],
)
def test_a_german_number_copied_into_the_english_is_read_not_a_crash(
    german: str, english: str
) -> None:
    """The translator copies "3.201,38" through: the checks raised ValueError on it, and 8 of
    the 588 development pages got no brief. "4.000 150" was read as one number, 4000150."""
    assert _numbers_warned(german, english) == []
    assert unsupported_facts(english, english, german) == []
    assert [f.text for f in unsupported_facts("About 4,150 oaks.", "", german)] != []


def test_key_facts_leave_out_footnote_marks_and_law_sections() -> None:
    """ "[1]", "[^2]" and "§ 219a" were listed among a brief's key numbers."""
    from summarize.checks.key_facts import key_facts

    facts = key_facts(["The law [1] and § 219a are cited [^2]; 500 people came in 2019."])
    assert [(fact.kind, fact.text) for fact in facts] == [("number", "500"), ("date", "2019")]


def test_key_facts_leave_out_a_translated_law_section_and_keep_a_numbers_unit() -> None:
    """The translator writes "§ 219a" as "Section 219a" (listed as the number 219), and "5km"
    was listed as "5", its unit dropped; "5 km" and "5 minutes" are two facts."""
    facts = key_facts(
        ["Section 219a and Article 5 were cited. It is 5km away, 5 minutes by car, 5 minutes."]
    )
    numbers = [(fact.text, fact.paragraphs) for fact in facts if fact.kind == "number"]
    assert sorted(numbers) == [("5 minutes", (1,)), ("5km", (1,))]


@pytest.mark.parametrize(
    ("english", "listed"),
    [
        ("It was -5C in the night, 23F by day.", ["-5C", "23F"]),
        ("Temperatures of 20C to 25C are due.", ["20C", "25C"]),
        ("It was -5°C at night.", ["-5°C"]),
        ("Group 5 C met.", ["5"]),  # after a space, the letter is no scale
    ],
)
def test_key_facts_keep_a_temperatures_scale_letter(english: str, listed: list[str]) -> None:
    """A temperature written as news English writes it, "-5C" (read as degrees), was listed as a
    bare "-5", its scale dropped as "5km"'s unit was."""
    facts = key_facts([english])
    assert [fact.text for fact in facts if fact.kind == "number"] == listed


@pytest.mark.parametrize(
    ("english", "german"),
    [
        ("The USA sent soldiers.", "Die USA schickten Soldaten."),
        ("The United States sent soldiers.", "Die Vereinigten Staaten schickten Soldaten."),
        ("The U.S. sent soldiers.", None),
        ("The US sent soldiers.", None),
    ],
)
def test_a_dotted_abbreviation_is_one_name(english: str, german: str | None) -> None:
    """DistilBART (trained on CNN) writes "U.S.": it was read as the names "U" and "S", both
    flagged where the article says "USA", and listed so among the key facts."""
    summary = "The U.S. sent 14,000 soldiers, the U.N. said."
    source = english + " The UN said 14,000 soldiers were sent."
    assert unsupported_facts(summary, source, german) == []
    flags = unsupported_facts(summary, "The government sent 14,000 soldiers.", None)
    assert [(flag.kind, flag.text) for flag in flags] == [("name", "U.S."), ("name", "U.N.")]
    names = [fact.text for fact in key_facts([summary]) if fact.kind == "name"]
    assert names == ["U.S.", "U.N."]
    assert [name for name, _ in find_names("U.S.-led forces met E.U. leaders.")] == ["U.S.", "E.U."]


def test_a_names_initials_are_part_of_it() -> None:
    """A name with initials was cut at them, the dot read as a sentence's end: "Guard J.R.
    Smith" was listed among the key facts as "J.R.", "George W. Bush" as "George W" and "B.B.
    King" as "B.B.", the surname dropped as an ordinary word at a sentence's start. A
    country's abbreviation before a sentence still ends it."""
    facts = key_facts([
        "Guard J.R. Smith scored 20 points. B.B. King was born in Mississippi.",
        "He met George W. Bush. They went to the U.S. Merkel stayed.",
    ])  # fmt: skip
    names = [fact.text for fact in facts if fact.kind == "name"]
    assert names == ["J.R. Smith", "B.B. King", "Mississippi", "George W. Bush", "U.S.", "Merkel"]
    assert unsupported_facts("J.R. Smith scored.", "Cleveland guard J.R. Smith scored.") == []
    flags = unsupported_facts("J.R. Smith scored.", "Cleveland guard Smith scored.")
    assert [flag.text for flag in flags] == ["J.R. Smith"]


def test_a_name_with_two_particles_is_one_name() -> None:
    """ "Ursula von der Leyen" was the names "Ursula" and "Leyen" (one particle only joined a
    name's words, "Ludwig van Beethoven"), in the key facts and the summary's check, as were
    "Steven van de Velde" and "José de la Cruz"."""
    facts = key_facts([
        "Commission chief Ursula von der Leyen spoke. He met Steven van de Velde there.",
        "Then José de la Cruz scored. They went from Berlin to Paris.",
    ])  # fmt: skip
    names = [fact.text for fact in facts if fact.kind == "name"]
    assert names == [
        "Ursula von der Leyen", "Steven van de Velde", "José de la Cruz", "Berlin", "Paris"
    ]  # fmt: skip
    flags = unsupported_facts("Ursula von der Leyen spoke.", "Ursula Gertrud von der Leyen spoke.")
    assert flags == []


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The long-time Number 1 retired.", "Die langjährige Nummer 1 trat zurück.", []),
        ("The club's Number 7 scored.", "Die Nummer 7 des Vereins traf.", []),
        # the rank's numeral is still checked
        ("The long-time Number 2 retired.", "Die langjährige Nummer 1 trat zurück.", ["2"]),
    ],
)
def test_number_before_a_numeral_is_no_name(summary: str, german: str, flagged: list[str]) -> None:
    """ "The long-time Number 1" for "Die langjährige Nummer 1" (WMT19, Serena Williams) was
    flagged as a name "Number" the German lacks: the capital was read as a name's."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


def test_a_letters_dot_that_ends_a_sentence_ends_the_name() -> None:
    """A letter's dot at a sentence's end ("Group E.", "Plan B.") is no initial when no name
    goes on after it: since initials joined a name, "Group E. Robert Lewandowski" was one
    name, a key fact of its own and the name flagged, where the article said "Lewandowski"."""
    facts = key_facts(["Bayern topped Group E. Robert Lewandowski scored twice."])
    names = [fact.text for fact in facts if fact.kind == "name"]
    assert names == ["Bayern", "Group E", "Robert Lewandowski"]
    assert [name for name, _ in find_names("They chose Plan B. Merkel agreed.")] == [
        "Plan B",
        "Merkel",
    ]
    flags = unsupported_facts(
        "Bayern topped Group E. Robert Lewandowski scored twice.",
        "Bayern won Group E. Lewandowski scored twice.",
    )
    assert [flag.text for flag in flags] == ["Robert Lewandowski"]


def test_a_lone_initial_before_a_surname_stays_with_it() -> None:
    """A lone initial opens a name ("- N. Rehberg,", "26th minute L. Rehberg)", a WMT line-up;
    "from J. Smith"): since a letter's dot that ends a sentence ended the name, each was split
    into a letter and a surname. A label after its ordinary word still ends there ("chose plan
    B. Merkel agreed", "labelled C. Adult females are")."""
    lineup = "VfL: Hallas - N. Rehberg, Quabeck, J. Schroer - Frerichs (26th minute L. Rehberg)."
    assert [name for name, _ in find_names(lineup)] == [
        "VfL",
        "Hallas",
        "N. Rehberg",
        "Quabeck",
        "J. Schroer",
        "Frerichs",
        "L. Rehberg",
    ]
    assert [name for name, _ in find_names("The goal came from J. Smith in the end.")] == [
        "J. Smith"
    ]
    assert [name for name, _ in find_names("They chose plan B. Merkel agreed.")] == [
        "B",
        "Merkel",
    ]
    assert [name for name, _ in find_names("The juvenile is labelled C. Adult females are.")] == [
        "C"
    ]


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("Judge J. Brown ruled on Monday.", "Richter J. Brown entschied am Montag.", []),
        ("Judge J. Brown ruled on Monday.", "Richter John Brown entschied am Montag.", []),
        ("He met Judge J. Brown on Monday.", "Er traf Richter J. Brown am Montag.", []),
        ("Coach K. White resigned.", "Trainer K. White trat zurück.", []),
        # another surname is flagged
        ("Judge J. Brown ruled on Monday.", "Richter J. Braun entschied am Montag.", ["J. Brown"]),
        (
            "He met Judge J. Brown on Monday.",
            "Er traf Richter J. Braun am Montag.",
            ["Judge J. Brown"],
        ),
        ("Coach K. White resigned.", "Trainer K. Weiß trat zurück.", ["K. White"]),
        # a label's letter still ends its sentence
        (
            "They chose Plan B. Young people agreed.",
            "Sie wählten Plan B. Junge Leute stimmten zu.",
            [],
        ),
        (
            "They met at Gate B. Officials said so.",
            "Sie trafen sich an Gate B. Beamte sagten das.",
            [],
        ),
        # nor before a noun or pronoun that opens a sentence: a label's word is no office
        (
            "Germany won Group F. Victory was sweet.",
            "Deutschland gewann Gruppe F. Der Sieg war süß.",
            [],
        ),
        ("They took Plan B. Water was scarce.", "Sie nahmen Plan B. Wasser war knapp.", []),
        ("He joined Team B. Nothing changed.", "Er wechselte ins Team B. Nichts änderte sich.", []),
        # after a given name the surname that is a word stays a name
        ("Michael J. Fox starred in it.", "Michael J. Fuchs spielte darin.", ["Michael J. Fox"]),
        ("Siemens CEO J. Brown resigned.", "Siemens-Chef J. Braun trat zurück.", ["J. Brown"]),
    ],
)
def test_an_initial_after_a_capitalised_word_keeps_a_surname_that_is_a_word(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Judge J. Brown ruled" was read as the name "J" and a sentence opening with "Brown", an
    ordinary word, dropped: "J. Braun" in the German passed, "John Brown" flagged "J"."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


def test_a_source_with_a_dotted_abbreviation_backs_it_spelt_either_way() -> None:
    """A CNN reference's "B.B King" for its article's "B.B. King": read as letters too."""
    source = "B.B. King was born in Mississippi. J.R.R. Tolkien wrote books."
    for summary in ("B.B King left hospital.", "B. B. King left hospital.", "B.B. King left."):
        assert unsupported_facts(summary, source, None) == [], summary


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("Economist H.-W. Sinn warned.", "Der Ökonom Hans-Werner Sinn warnte.", []),
        ("Economist H.-W. Sinn warned.", "Der Ökonom H.-W. Sinn warnte.", []),
        ("Bayern chief K.-H. Rummenigge spoke.", "Bayern-Chef Karl-Heinz Rummenigge sprach.", []),
        # initials of another given name: the name flagged, its initials as one word
        ("Economist H.-W. Sinn warned.", "Der Ökonom Peter Sinn warnte.", ["H.-W. Sinn"]),
    ],
)
def test_a_double_given_names_initials_are_one_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "H.-W. Sinn" for "Hans-Werner Sinn", as German writes a double given name short: the
    initials were read as the one-letter names "H" and "W", both flagged where the article
    writes the name out, as "H.W." is not."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged
    assert all(len(name.strip(".")) > 1 for name, _ in find_names(summary))  # no "H", "W"


def test_a_quotation_of_one_or_two_words_is_checked() -> None:
    """Only quotations of three words or more were looked up, and the brief then said every
    quotation was found ("treason"), or that the summary had none to check ("a disaster")."""
    from summarize.checks.facts import checkable_facts

    source = "Olaf Scholz criticised the plan on Monday. It was a failure, a spokesman said."
    for summary, quoted in (
        ('Olaf Scholz called the plan "treason".', "treason"),
        ("The plan is “a disaster”, it said.", "a disaster"),
    ):
        flags = unsupported_facts(summary, source, None)
        assert [(flag.kind, flag.text) for flag in flags] == [("quote", quoted)]
        assert checkable_facts(summary) >= 1
    assert unsupported_facts('Scholz criticised the "plan".', source, None) == []
    assert unsupported_facts("It was “a failure”, he said.", source, None) == []


def test_a_dotted_abbreviation_ends_a_sentence_and_needs_its_capitals() -> None:
    """A review's finds: the dot of "U.S." that ends a sentence joined the next sentence's name
    to it ("U.S. Merkel", whose "U.S." then went unchecked), and the pronoun "us" ("told us")
    backed an invented "U.S."; "Bank of America" and "32 GB" backed "U.S." and "U.K."."""
    flags = unsupported_facts(
        "Scholz flew to the U.S. Merkel stayed in Berlin.",
        "Scholz flew to Canada. Merkel stayed in Berlin.",
        "Scholz flog nach Kanada. Merkel blieb in Berlin.",
    )
    assert [(flag.kind, flag.text) for flag in flags] == [("name", "U.S.")]
    for source in ("The mayor told us the soldiers came.", "Bank of America sent soldiers."):
        flags = unsupported_facts("U.S. soldiers came.", source, None)
        assert [flag.text for flag in flags] == ["U.S."], source
    assert [f.text for f in unsupported_facts("The U.K. sent 32 GB.", "It sent 32 GB.")] == ["U.K."]
    assert [fact.text for fact in key_facts(["The vote is at 8 P.M. Monday."])] == ["8 P.M."]


def test_a_quotation_flagged_as_a_name_or_number_is_flagged_once() -> None:
    flags = unsupported_facts("The ‘Brazilian Trump’ won “zero percent”.", "Bolsonaro won.")
    assert sorted((flag.kind, flag.text) for flag in flags) == [
        ("name", "Brazilian Trump"),
        ("number", "zero percent"),
    ]


def test_key_facts_show_only_a_unit_word_and_merge_what_reads_alike() -> None:
    """A review's finds: the word after a unit the number's text holds ("half an hour
    before"), an age's "17-year" beside "17", and a lower-case "article 2 times" or "chapter 3
    people" taken for a law's part."""
    facts = key_facts(
        ["She waited half an hour before leaving. The 17-year-old and 17 others came."
         " He read the article 2 times. In this chapter 3 people die."]
    )  # fmt: skip
    numbers = sorted(fact.text for fact in facts if fact.kind == "number")
    assert numbers == ["17", "2", "3", "half an hour"]


def test_key_facts_list_a_surname_in_its_full_names_row() -> None:
    """News name a person in full once, then by the surname (a headline often by it alone):
    the key facts listed "Reinhard Grindel (¶2)" and "Grindel (¶1, ¶3)", two rows of one
    person, on 12 of 30 WMT21 articles and most CNN ones. A surname two full names end in,
    a city beside its club, and a party's abbreviation stay apart."""
    facts = key_facts([
        "Grindel resigns.",
        "DFB president Reinhard Grindel took a watch. Eintracht Frankfurt lost in Frankfurt.",
        "Grindel said sorry. Eintracht fans were angry.",
        "Serena Williams beat Venus Williams. Williams cried.",
        "The Thuringia AfD met. The AfD left.",
    ])  # fmt: skip
    names = {fact.text: fact.paragraphs for fact in facts if fact.kind == "name"}
    assert names["Reinhard Grindel"] == (1, 2, 3)
    assert "Grindel" not in names
    assert names["Frankfurt"] == (2,)
    assert names["Williams"] == (4,)
    assert names["AfD"] == (5,)


def test_key_facts_list_a_place_in_the_row_of_its_name_with_its_river() -> None:
    """News name a German city with its river once ("Frankfurt am Main"), then without it: the
    key facts listed "Frankfurt am Main (¶1)" and "Frankfurt (¶2, ¶3)", two rows of one city.
    A city two such names begin with stays apart."""
    facts = key_facts([
        "The fair opened in Frankfurt am Main on Monday.",
        "Frankfurt is busy. Halle an der Saale is quiet.",
        "Visitors left Frankfurt. Halle stayed calm.",
    ])  # fmt: skip
    names = {fact.text: fact.paragraphs for fact in facts if fact.kind == "name"}
    assert names == {"Frankfurt am Main": (1, 2, 3), "Halle an der Saale": (2, 3)}
    facts = key_facts(["Frankfurt am Main and Frankfurt an der Oder met.", "Frankfurt won."])
    names = {fact.text: fact.paragraphs for fact in facts if fact.kind == "name"}
    assert names == {"Frankfurt am Main": (1,), "Frankfurt an der Oder": (1,), "Frankfurt": (2,)}


def test_key_facts_keep_apart_what_the_numbers_count() -> None:
    """One row "$3.50" listed the paragraphs of "3.50 euros", of a bare "3.5" and of "3.5
    percent"; "0.3 percent" those of "0.3 percentage points". A currency without a sign is shown
    with its word, and the same sum in another spelling ("CHF 15") stays one fact."""
    facts = key_facts(
        ["The ticket costs $3.50 now.", "In Berlin it costs 3.50 euros.",
         "Turnout was 3.5 and 3.5 percent.", "Unemployment rose 0.3 percent.",
         "The party lost 0.3 percentage points.", "A fee of 15 Swiss francs, or CHF 15."]
    )  # fmt: skip
    rows = {fact.text: fact.paragraphs for fact in facts if fact.kind == "number"}
    assert rows == {
        "$3.50": (1,), "3.50 euros": (2,), "3.5": (3,), "3.5 percent": (3,),
        "0.3 percent": (4,), "0.3 percentage points": (5,), "15 Swiss francs": (6,),
    }  # fmt: skip


def test_a_name_made_across_a_sentence_end_is_flagged() -> None:
    """The parts of a name stood together across a sentence's end ("… an Hans. Schmidt
    protestierte."): "Hans Schmidt" passed, one person made of two. An initial or "St." ends
    no sentence there ("George W. Bush", "St. Louis")."""
    german = "Der Preis ging an Hans. Schmidt protestierte dagegen."
    english = "The award went to Hans. Schmidt protested against it."
    assert [f.text for f in unsupported_facts("Hans Schmidt won.", english, german)] == [
        "Hans Schmidt"
    ]
    assert unsupported_facts("George Bush spoke.", "George W. Bush spoke.") == []
    assert unsupported_facts("He flew to St. Louis.", "He flew to St. Louis on Monday.") == []
    assert unsupported_facts("Hans Schmidt won.", "Hans Schmidt won the award.") == []


@pytest.mark.parametrize(
    ("summary", "english", "flagged"),
    [
        ("The United States sent troops.", "The U.S. sent troops on Monday.", []),
        ("The United Nations met.", "The U.N. met on Monday.", []),
        ("The European Union met.", "E.U. leaders met on Monday.", []),
        # other initials, or the pronoun "us", abbreviate no such name
        ("The United Nations met.", "The U.S. met on Monday.", ["United Nations"]),
        ("The United States sent troops.", "They told us about troops.", ["United States"]),
        ("The Prime Minister spoke.", "He spoke at 8 P.M. on Monday.", ["Prime Minister"]),
    ],
)
def test_a_body_is_backed_by_its_dotted_initials(
    summary: str, english: str, flagged: list[str]
) -> None:
    """English news writes "U.S.", "U.N.", "E.U." (CNN's house style): a summary's "United States"
    was flagged as not in such an article, though "US", "UN" backed it."""
    assert [f.text for f in unsupported_facts(summary, english)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        ("The United States sent troops.", "", "Die USA schickten Truppen.", []),
        ("The United States sent troops.", "The USA sent troops.", None, []),
        ("The USA sent troops.", "The United States sent troops.", None, []),
        # another country's abbreviation backs neither
        ("The United States sent troops.", "", "Die UdSSR schickte Truppen.", ["United States"]),
        ("The USA sent troops.", "The UK sent troops.", None, ["USA"]),
    ],
)
def test_the_united_states_and_usa_back_one_another(
    summary: str, english: str, german: str | None, flagged: list[str]
) -> None:
    """German news writes "USA", and a translation may keep it: a summary's "United States" was
    flagged as not in such an article, though "US" and "U.S." backed it."""
    assert [f.text for f in unsupported_facts(summary, english, german)] == flagged


def test_a_dotted_abbreviation_is_backed_by_spaced_initials_and_by_america() -> None:
    """A second review's finds: German house style writes "J. K. Rowling" (the summary's
    "J.K." was flagged), and German news says "Amerika", "die Amerikaner" for the USA."""
    assert unsupported_facts("J.K. Rowling wrote a book.", "J. K. Rowling wrote a book.") == []
    assert unsupported_facts("They met in Washington, D.C.", "They met in Washington, D. C.") == []
    for english, german in (
        ("America withdrew its troops.", "Amerika zog seine Truppen ab."),
        ("The Americans withdrew.", "Die Amerikaner zogen ab."),
    ):
        assert unsupported_facts("U.S. troops left.", english, german) == [], english
    for english in ("Latin America saw troops leave.", "Bank of America said troops left."):
        assert [f.text for f in unsupported_facts("U.S. troops left.", english)] == ["U.S."]


def test_a_lower_case_law_label_is_no_key_fact_and_an_age_shows_no_unit() -> None:
    facts = key_facts(
        ["Britain triggered article 50. The ban under paragraph 219a was lifted."
         " A 44-year old driver and 44 others came. He read the article 2 times."]
    )  # fmt: skip
    assert sorted(fact.text for fact in facts if fact.kind == "number") == ["2", "44"]


def test_the_run_record_takes_every_kind_of_translation_warning() -> None:
    """The warning kinds are written twice, in the checks and in the record's schema (which does
    not import the checks, 44 ms of start-up): a kind added to one only would fail every brief
    that has such a warning."""
    from typing import get_args

    from summarize.checks.translation_warnings import WarningKind
    from summarize.record import SentenceWarning

    assert get_args(SentenceWarning.model_fields["kind"].annotation) == get_args(WarningKind)


def _negation_warned(german: str, english: str) -> list[str]:
    return [w.detail for w in translation_warnings(german, english) if w.kind == "negation"]


@pytest.mark.parametrize(
    ("german", "english", "word"),
    [
        (
            "Die Regierung wird die Steuern nicht erhöhen.",
            "The government will raise taxes.",
            "nicht",
        ),
        ("Es gab keine Verletzten.", "There were injured people.", "keine"),
        ("Er hat nie davon gewusst, sagte sie.", "He always knew about it, she said.", "nie"),
        ("Sie kam ohne Begleitung.", "She came with company.", "ohne"),
        # a negating word that negates nothing, or an "un-" verb, hid the loss (a review's)
        (
            "Er wollte sich nicht an Spekulationen beteiligen, ob der Plan gelingt.",
            "He did want to speculate whether or not the plan works.",
            "nicht",
        ),
        (
            "Wir werden nicht zulassen, dass sie unsere Bürger erschüttern.",
            "We will allow them to unsettle our citizens.",
            "nicht",
        ),
        ("Er war nicht nur müde, er kam nicht.", "He was not only tired, he came.", "nicht"),
        # "un-" words that say no "not" ("leider", "zweifellos", a verb's undoing, a place)
        (
            "Leider ist diese Lösung nicht möglich.",
            "Unfortunately, this solution is possible.",
            "nicht",
        ),
        ("Er ist zweifellos nicht der Täter.", "He is undoubtedly the culprit.", "nicht"),
        ("Das bricht uns nicht das Genick.", "That was our undoing.", "nicht"),
        ("Im Unterallgäu gibt es keine Fälle.", "In Unterallgäu there are cases.", "keine"),
        ("Sein Onkel kam nicht.", "His uncle came.", "nicht"),
        # the German says the prefixed word as it is, or the prefix negates nothing
        (
            "Die illegale Einreise wurde nicht bestraft.",
            "The illegal entry was punished.",
            "nicht",
        ),
        (
            "Der Einsatz wurde nicht sofort gestoppt.",
            "The operation was stopped immediately.",
            "nicht",
        ),
        ("Die Kämpfe waren nicht heftig.", "The fighting was intense.", "nicht"),
        # a German "-los" word says the "-less" word; "countless", "nevertheless" negate nothing
        (
            "Die Familie ist obdachlos und bekam keine Hilfe.",
            "The family is homeless and got help.",
            "keine",
        ),
        (
            "Die Möglichkeiten sind unendlich, aber er nutzte sie nicht.",
            "The possibilities are endless, but he used them.",
            "nicht",
        ),
        # a German compound that begins with a "-los" word says the "-less" word of it, the
        # German's "nicht" is the one the English lost
        (
            "Die Arbeitslosenquote ist im Mai nicht gestiegen.",
            "The jobless rate rose in May.",
            "nicht",
        ),
        (
            "Das Obdachlosenheim wird nicht geschlossen.",
            "The homeless shelter will be closed.",
            "nicht",
        ),
        ("Die Obdachlosen-Hilfe bekommt kein Geld.", "Homeless aid gets money.", "kein"),
        # a German "-los" or "-frei" word says the "un-" word of it as often as a "-less" one
        ("Die Arbeitslosigkeit ist im Mai nicht gestiegen.", "Unemployment rose in May.", "nicht"),
        (
            "Die Arbeitslosenquote ist nicht gestiegen.",
            "The unemployment rate has risen.",
            "nicht",
        ),
        (
            "Die Suche blieb erfolglos, die Polizei hat den Täter nicht gefunden.",
            "The search was unsuccessful, the police found the perpetrator.",
            "nicht",
        ),
        (
            "Das Benzin ist bleifrei, aber nicht billig.",
            "The petrol is unleaded but cheap.",
            "nicht",
        ),
        (
            "Der Stoff ist ungefährlich, aber die Firma hat ihn nicht geprüft.",
            "The substance is harmless, but the company tested it.",
            "nicht",
        ),
        (
            "Der Eingriff ist schmerzfrei, aber die Kasse zahlt ihn nicht.",
            "The procedure is painless, but the insurer pays for it.",
            "nicht",
        ),
        (
            "Die Software lief fehlerfrei, doch die Daten kamen nicht an.",
            "The software ran flawlessly, but the data arrived.",
            "nicht",
        ),
        # "wireless" and "stainless" name a technique, a material ("WLAN", "Edelstahl")
        (
            "Das WLAN im Zug funktioniert nicht.",
            "The wireless internet on the train works.",
            "nicht",
        ),
        (
            "Die Spüle aus Edelstahl ist nicht teuer.",
            "The stainless steel sink is expensive.",
            "nicht",
        ),
        ("Unzählige Menschen kamen nicht.", "Countless people came.", "nicht"),
        ("Er kam nicht, trotzdem feierten sie.", "He came, nevertheless they celebrated.", "nicht"),
    ],
)
def test_a_translation_that_lost_the_negation_is_warned_of(
    german: str, english: str, word: str
) -> None:
    """A translation that drops "nicht" says the opposite of the article, and no check saw it
    (the summary's check and the key facts read the English)."""
    assert _negation_warned(german, english) == [
        f"the German negates (“{word}”) and the English says no negation"
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Regierung wird die Steuern nicht erhöhen.", "The government won’t raise taxes."),
        ("Die Regierung wird die Steuern nicht erhöhen.", "The government will not raise taxes."),
        ("Es gab keine Verletzten.", "Nobody was injured."),
        ("Der Fahrer hatte die Vorfahrt nicht beachtet.", "The driver ignored the right of way."),
        ("Der Versuch blieb ohne Erfolg.", "The attempt was unsuccessful."),
        (
            "Infizierte wurden von nicht infizierten getrennt.",
            "Infected were kept from non-infected.",
        ),
        # phrases that state no negation
        (
            "Nicht nur die Stadt, sondern auch das Land zahlt.",
            "The city as well as the state pays.",
        ),
        ("Nicht wenige Gäste blieben lange.", "Quite a few guests stayed long."),
        (
            "Nicht zuletzt wegen des Wetters kamen viele.",
            "Many came, partly because of the weather.",
        ),
        ("Die Stadt baut ein neues Bad.", "The city builds a new pool."),  # no negation at all
        ("Es gilt, ob berechtigt oder nicht.", "It applies, whether justified or not."),
        # an adjective in "un-", "in-" translates the negation; an "un-" verb's "-ed" may be one
        ("Chelsea war nicht zu schlagen.", "Chelsea were unbeatable."),
        ("Das kann ich niemandem erklären.", "This is inexplicable."),
        ("Die Frage ist nicht geklärt.", "The question remains unsettled."),
        ("Die Arbeit wurde nicht erledigt.", "The work was left undone."),
        # "unclear" and "unclean" are no "uncle" ("nicht klar" is a common phrase in the news)
        (
            "Es ist noch nicht klar, wann die Arbeiten beginnen.",
            "It is still unclear when work begins.",
        ),
        ("Das Wasser war nicht sauber.", "The water was unclean."),
        # an adjective with a negative Latin prefix whose base is an adjective of its own
        ("Die Angaben waren nicht korrekt.", "The information was incorrect."),
        ("Das Geld ist nicht ausreichend.", "The money is insufficient."),
        ("Der Handel ist nicht legal.", "The trade is illegal."),
        ("Das ist für uns nicht relevant.", "That is irrelevant to us."),
        (
            "Er hatte das Formular nicht richtig ausgefüllt.",
            "He had filled in the form incorrectly.",
        ),
        ("Der Minister war nicht ehrlich.", "The minister was dishonest."),
        # "-less": "without" a noun or verb
        ("Er blieb ohne Worte.", "He was speechless."),
        ("Die Familie ist ohne Obdach.", "The family is homeless."),
        ("Sie gingen ohne Erbarmen vor.", "They acted mercilessly."),
        # a German "-los" word says no "-less" word where the English keeps it as a name or
        # says it as "free"
        ("Das Angebot von Carlos war nicht sinnvoll.", "Carlos's offer was pointless."),
        ("Der Kurs ist kostenlos, aber nicht sinnvoll.", "The course is free but pointless."),
        (
            "Das Brot ist glutenfrei, aber nicht sinnvoll.",
            "The bread is gluten-free but pointless.",
        ),
        ("Carlos war nicht erfolgreich.", "Carlos was unsuccessful."),
        ("Der Kurs ist kostenlos, aber nicht sinnvoll.", "The course is free but unhelpful."),
        ("Die Arbeitslosigkeit ist nicht gestiegen.", "Unemployment has not risen."),
        ("Er wollte sich nicht beteiligen, ob oder nicht.", "He did not want to, whether or not."),
    ],
)
def test_a_negation_the_english_keeps_or_the_german_lacks_is_not_warned_of(
    german: str, english: str
) -> None:
    assert _negation_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Der Bürgermeister ließ es sich nicht nehmen, die Gäste selbst zu begrüßen.",
            "The mayor insisted on welcoming the guests himself.",
        ),
        (
            "Die Fans wollen es sich auch in diesem Jahr nicht nehmen lassen, mitzufeiern.",
            "The fans are determined to join the celebrations again this year.",
        ),
        (
            "Das ließ sich die Trainerin nicht nehmen.",
            "The coach made a point of doing that.",
        ),
        # the subject between, the first person, "nicht mehr nehmen"
        (
            "Trotzdem ließ er es sich nicht nehmen, die Gäste zu begrüßen.",
            "Even so, he insisted on welcoming the guests.",
        ),
        ("Das lasse ich mir nicht nehmen.", "I insist on that."),
        ("Die Chance lassen wir uns nicht nehmen.", "We will seize the chance."),
        ("Das wollen wir uns auch heuer nicht nehmen lassen.", "We insist on it this year too."),
        ("Den Sieg ließen sie sich nicht mehr nehmen.", "They held on to the win."),
    ],
)
def test_es_sich_nicht_nehmen_lassen_states_no_negation(german: str, english: str) -> None:
    """ "es sich nicht nehmen lassen" is "to insist on", "to make a point of": English says it
    with no negation, and a faithful translation was warned of as one that lost it."""
    assert _negation_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Der Rat hat noch nicht entschieden.", "The council has yet to decide."),
        ("Der Täter ist noch nicht gefasst worden.", "The culprit is yet to be caught."),
        ("Die Zahlen liegen bisher nicht vor.", "The figures have yet to be published."),
        ("Das Gesetz ist noch nicht in Kraft.", "The law’s yet to take effect."),
    ],
)
def test_yet_to_says_the_negation_of_noch_nicht(german: str, english: str) -> None:
    """ "has yet to decide" is English for "hat noch nicht entschieden": it was warned of as a
    translation that lost the "nicht"."""
    assert _negation_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Wir haben noch nicht entschieden.", "We've yet to decide."),
        ("Sie haben sich noch nicht geäußert.", "They’re yet to comment."),
        ("Ich bin noch nicht fertig.", "I'm yet to finish."),
        ("Sie hatte noch nicht geantwortet.", "She'd yet to reply."),
    ],
)
def test_yet_to_after_a_short_form_says_the_negation_of_noch_nicht(
    german: str, english: str
) -> None:
    """ "We've yet to decide" is "we have yet to decide": only "'s" was read, and the faithful
    translation was warned of as one that lost the "nicht"."""
    assert _negation_warned(german, english) == []


def test_anymore_without_a_negation_is_no_negation() -> None:
    """ "anymore" says no negation of its own: "are allowed anymore to leave" for "dürfen … nicht
    mehr verlassen" was read as keeping the "nicht"."""
    german = "Fast 500 Menschen dürfen den Betrieb nicht mehr verlassen."
    assert _negation_warned(german, "Almost 500 people are allowed anymore to leave the farm.")
    assert not _negation_warned(german, "Almost 500 people are not allowed to leave anymore.")


def test_yet_without_to_is_no_negation() -> None:
    assert _negation_warned("Der Rat hat noch nicht entschieden.", "The council has decided yet.")


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es gibt keinen Zweifel, dass er schuldig ist.", "There is no doubt he is guilty."),
        ("Daran besteht kein Zweifel.", "There is no doubt about that."),
        ("Sie ließ keinen Zweifel an ihrem Plan.", "She left no doubt about her plan."),
    ],
)
def test_kein_zweifel_is_read_as_no_doubt_is(german: str, english: str) -> None:
    """English "no doubt" is no negation ("will no doubt come"), nor is "ohne Zweifel": "kein
    Zweifel" translated "no doubt" was warned of as a lost negation."""
    assert _negation_warned(german, english) == []


def test_a_negation_beside_kein_zweifel_is_still_warned_of() -> None:
    assert _negation_warned(
        "Es gibt keinen Zweifel, dass er nicht kommt.", "There is no doubt he will come."
    ) == ["the German negates (“nicht”) and the English says no negation"]


@pytest.mark.parametrize(
    ("german", "english", "word"),
    [
        (
            "Die Tipps sollten nicht zu schwer sein, sonst macht man es dem Team unnötig schwer.",
            "The clues should be too hard, otherwise you make it unnecessarily hard for the team.",
            "nicht",
        ),
        (
            "Es war ungewohnt für die Besucher: das Wochenende ohne das Fest.",
            "It was unusual for the visitors: the weekend with the festival.",
            "ohne",
        ),
        (
            "Kaum ein Interview, in dem die Ministerin die Reform nicht lobte.",
            "Hardly an interview in which the minister praised the reform.",
            "nicht",
        ),
    ],
)
def test_a_lost_negation_beside_an_un_word_the_german_says_too_is_warned_of(
    german: str, english: str, word: str
) -> None:
    """The English "unnecessarily" of "unnötig", "unusual" of "ungewohnt", "hardly" of
    "kaum" were read as the negation the English had kept: the lost "nicht" went unwarned."""
    assert _negation_warned(german, english) == [
        f"the German negates (“{word}”) and the English says no negation"
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die Tipps sollten nicht zu schwer sein, sonst macht man es dem Team unnötig schwer.",
            "The clues should not be too hard, otherwise you make it unnecessarily hard.",
        ),
        ("Beim Unfall wurde er nicht verletzt.", "He was uninjured in the accident."),
        ("Der ungefähre Wert ist nicht bekannt.", "The approximate value is unknown."),
        ("Es ist unklar, ob er nicht kommt.", "It is unclear whether he isn't coming."),
        # "unten" (below) and "ungarisch" (Hungarian) are no "un-" words of their own
        (
            "Das ist nicht möglich, wie die Zahlen unten zeigen.",
            "This is impossible, as the figures below show.",
        ),
        (
            "Die ungarische Regierung hält das nicht für möglich.",
            "The Hungarian government considers this impossible.",
        ),
        # the Latin "uni-" is no negation in German either, as in English ("universal")
        (
            "Die universitäre Forschung hält das nicht für möglich.",
            "University research considers this impossible.",
        ),
        (
            "Der uniformierte Beamte hielt das nicht für nötig.",
            "The uniformed officer considered this unnecessary.",
        ),
    ],
)
def test_an_un_word_beside_the_kept_negation_is_not_warned_of(german: str, english: str) -> None:
    assert _negation_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Die Polizei konnte ihm den Führerschein nicht nehmen.",
            "The police could take away his licence.",
        ),
        # "uns" as the one let take, not the one holding on
        ("Er ließ uns das Auto nicht nehmen.", "He let us take the car."),
    ],
)
def test_a_lost_negation_of_nehmen_outside_the_phrase_is_still_warned_of(
    german: str, english: str
) -> None:
    assert _negation_warned(german, english) == [
        "the German negates (“nicht”) and the English says no negation"
    ]


def _number_warnings(german: str, english: str) -> list[str]:
    """Both directions of the translation's number check: "numbers" and "missing_numbers"."""
    return [
        w.kind
        for w in translation_warnings(german, english)
        if w.kind in ("numbers", "missing_numbers")
    ]


@pytest.mark.parametrize(
    "summary",
    ["It began on Jan. 5.", "On Oct. 3 they met.", "It was voted on Sept. 12, 2021.",
     "It fell on Nov. 9, 1989.", "The deadline is 5 Jan."],
)  # fmt: skip
def test_an_abbreviated_month_with_its_dot_is_a_date_not_a_name(summary: str) -> None:
    """ "Jan. 5", "Sept. 12, 2021" were read as a date and also as the name "Jan", "Sept", "not
    in the article" (the wide names were calendar words, the short ones not)."""
    german = "Am 5. Januar, 3. Oktober, 12. September 2021 und am 9. November 1989."
    assert unsupported_facts(summary, "", german) == []


def test_an_abbreviated_month_of_another_date_or_a_given_name_is_still_flagged() -> None:
    german = "Am 5. Januar begann es."
    assert [f.kind for f in unsupported_facts("It began on Feb. 5.", "", german)] == ["number"]
    assert "Jan Ullrich" in [f.text for f in unsupported_facts("Jan Ullrich won.", "", german)]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die SPD verlor 2 Prozentpunkte.", "The SPD lost 2 points."),
        ("Die SPD verlor 2 Punkte.", "The SPD lost 2 percentage points."),
        ("Die SPD verlor 2 Punkte.", "The SPD lost 2 points."),
        ("Der Dax stieg um 120 Punkte.", "The Dax rose 120 points."),
    ],
)
def test_points_are_percentage_points_where_the_other_text_says_so(
    german: str, english: str
) -> None:
    """ "2 points" for "2 Prozentpunkte" was flagged both ways: a bare number against a
    percentage in points; news English shortens "percentage points" to "points"."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


def test_points_are_no_share_of_a_whole() -> None:
    # "2 points" is no "2 Prozent", nor another number of points
    assert _number_warnings("Die SPD verlor 2 Prozent.", "The SPD lost 2 points.") != []
    assert _number_warnings("Die SPD verlor 2 Prozentpunkte.", "The SPD lost 3 points.") != []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das kostet 1’000 Franken.", "That costs 1,000 francs."),
        ("Er zahlte 1'500 Franken.", "He paid 1,500 francs."),
        ("Es waren 12’345’678 Franken.", "It was 12,345,678 francs."),
    ],
)
def test_a_swiss_apostrophe_separates_thousands(german: str, english: str) -> None:
    """ "1’000" (a typographic apostrophe) was read as 1 and 000: "1,000" not in the German,
    "1", "000" not in the English."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


def test_a_swiss_apostrophe_number_still_needs_its_value() -> None:
    assert _number_warnings("Das kostet 1’000 Franken.", "That costs 1,500 francs.") != []
    assert parse_digits("1’000", "de") == {1000.0}


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Ende der 80er war das anders.", "In the late '80s that was different."),
        ("Anfang der 90er kam er.", "He came in the early 1990s."),
        ("In den 80er-Jahren war das anders.", "In the 1980s that was different."),
    ],
)
def test_a_decade_after_ende_der_is_a_decade(german: str, english: str) -> None:
    """ "Ende der 80er" was read as the number 80: "'80s" not in the German."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


def test_another_decade_than_ende_der_80er_is_flagged() -> None:
    assert _number_warnings("Ende der 80er war das anders.", "In the late '70s it was.") != []
    # "ein 50er" (a note), "die 30er Zone" and "in den 80er Bus" stay counts (a review's)
    for german in ("Er zahlte mit einem 50er.", "Die 30er Zone wird ausgeweitet.",
                   "Er stieg in den 80er Bus."):  # fmt: skip
        assert [q.kind for q in find_quantities(german, "de")] == ["number"], german


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Der 1. FC Köln gewann.", "FC Cologne won."),
        ("Der 1. FSV Mainz 05 gewann.", "FSV Mainz 05 won."),
        ("Der 1. FC Union Berlin gewann.", "Union Berlin won."),
        ("Der 1. FC Köln gewann.", "1. FC Köln won."),
    ],
)
def test_a_clubs_number_is_part_of_its_name(german: str, english: str) -> None:
    """ "1. FC Köln" as "FC Cologne" warned “1” not in the English: the club's number is a part
    of its name, not a figure the translator must keep."""
    assert _number_warnings(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Der FC Schalke 04 gewann.", "Schalke won."),
        ("Schalke gewann.", "Schalke 04 won."),
        ("Schalke 04 gewann.", "Schalke 04 won."),
        ("Mainz 05 verlor gegen Hannover 96.", "Mainz lost to Hanover."),
        ("Mainz verlor gegen Hannover.", "Mainz 05 lost to Hanover 96."),
        ("Der TSV 1860 München gewann.", "Munich won."),
        ("Der TSV 1860 München gewann.", "1860 Munich won."),
        ("Der SV Darmstadt 98 gewann 2:0.", "Darmstadt won 2-0."),
        ("Die TSG 1899 Hoffenheim gewann.", "Hoffenheim won."),
        ("Bayer 04 Leverkusen gewann.", "Bayer Leverkusen won."),
        ("Die Schalke-04-Fans jubelten.", "The Schalke fans cheered."),
        ("Werder Bremen schlug die Kickers Offenbach.", "Werder Bremen beat Kickers Offenbach."),
        # a count after a place is no club's number
        ("In Hannover 96 Menschen wurden verletzt.", "In Hanover, 96 people were injured."),
    ],
)
def test_a_clubs_number_in_its_name_is_no_figure(german: str, english: str) -> None:
    """ "Schalke won" for "FC Schalke 04 gewann" warned “04” not in the English, and "Munich
    won" for "TSV 1860 München" “1860”: the number is part of the club's name."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Schalke 04 gewann.", "Schalke 05 won."),
        ("In Hannover 96 Menschen wurden verletzt.", "In Hanover, 69 people were injured."),
        ("Hannover 96 gewann 2:0.", "Hanover 96 won 3-0."),
    ],
)
def test_another_clubs_number_or_a_count_after_a_place_is_still_flagged(
    german: str, english: str
) -> None:
    assert "numbers" in _number_warnings(german, english)
    assert [f.kind for f in unsupported_facts(english, "", german)] == ["number"]


def test_a_count_after_a_clubs_place_is_still_required() -> None:
    assert _missing_warned("In Hannover 96 Menschen wurden verletzt.", "In Hanover, people were.")


def test_an_ordinal_before_another_word_is_still_a_figure() -> None:
    assert _missing_warned("Der 1. Preis ging an Köln.", "The prize went to Cologne.") != []


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Es kostet 5 Schweizer Franken.", "It costs 5 Swiss francs."),
        ("Es kostet 5 Schweizer Franken.", "It costs CHF 5."),
        ("Die Schweizer Regierung tagte.", "The Swiss government met."),
        ("Die schweizerische Bank zahlte.", "The Swiss bank paid."),
        ("Es war 30 Grad warm.", "It was 30 degrees Celsius."),
    ],
)
def test_swiss_chf_and_celsius_are_backed_by_the_german(german: str, summary: str) -> None:
    """ "Swiss" for "Schweizer", "CHF" and "Celsius" by their numbers were flagged as names not
    in the article."""
    assert unsupported_facts(summary, "", german) == []


def test_another_nationality_currency_or_scale_is_still_flagged() -> None:
    german = "Es kostet 5 Schweizer Franken."
    flags = unsupported_facts("It costs 5 Austrian schillings.", "", german)
    assert "Austrian" in [f.text for f in flags]
    assert [f.kind for f in unsupported_facts("It costs CHF 5.", "", "Es kostet 5 Euro.")] == [
        "number"
    ]
    flags = unsupported_facts("It was 30 degrees Fahrenheit.", "", "Es war 30 Grad warm.")
    assert [f.kind for f in flags] == ["number"]
    flags = unsupported_facts("The Swiss bank paid.", "", "Die österreichische Bank zahlte.")
    assert [f.text for f in flags] == ["Swiss"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es war 30 Grad warm.", "It was 86 degrees Fahrenheit."),
        ("Es wurden 30 Grad Celsius gemessen.", "It reached 86F."),
        ("Es wurden 22 Grad gemessen.", "It reached 72F."),  # 71.6F, rounded as written
        ("Es wurden 22 Grad gemessen.", "It reached 71.6 degrees Fahrenheit."),
        ("Die Temperatur fiel auf minus 10 Grad.", "It fell to 14 degrees Fahrenheit."),
        ("In Texas waren es 86 Grad Fahrenheit.", "It was 30C in Texas."),
    ],
)
def test_a_temperature_is_backed_in_the_other_scale(german: str, english: str) -> None:
    """ "86F" for "30 Grad" was flagged as a number not in the article, and warned of as a
    number the German does not state."""
    assert unsupported_facts(english, "", german) == []
    assert numbers_not_in_german(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es wurden 22 Grad gemessen.", "It reached 70F."),  # 71.6F is not 70
        ("Es wurden 30 Grad gemessen.", "It reached 88F."),
        ("Die Temperatur fiel auf minus 10 Grad.", "It fell to 50 degrees Fahrenheit."),
        ("Es war 30 Grad warm.", "It was 30 degrees Fahrenheit."),
        ("Die Wende war 90 Grad.", "It turned by 194 degrees."),  # Celsius on both sides
    ],
)
def test_a_temperature_in_the_other_scale_must_convert(german: str, english: str) -> None:
    assert [f.kind for f in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das kostet 100 Rubel.", "That costs 100 roubles."),
        ("Das kostet 100 Rubel.", "That costs 100 rubles."),
        ("Das kostet 100 Kronen.", "That costs 100 kroner."),
        ("Das kostet 100 schwedische Kronen.", "That costs 100 Swedish crowns."),
        ("Das kostet 100 Zloty.", "That costs 100 zlotys."),
        ("Das kostet 100 Lira.", "That costs 100 lire."),
        ("Das kostet 100 Yuan.", "That costs 100 renminbi."),
        ("Er fuhr 100 km/h.", "He drove at 100 kilometres per hour."),
        ("Er fuhr 100 Stundenkilometer.", "He drove at 100 km/h."),
        ("Er fuhr 100 Kilometer pro Stunde.", "He drove at 100 kph."),
        ("Die Fläche ist 5 Quadratkilometer groß.", "The area is 5 square kilometres."),
        ("Die Fläche ist 5 km² groß.", "The area is 500 hectares."),
        ("Die Fläche ist 500 Hektar groß.", "The area is 500 hectares."),
        ("Der Speicher fasst 5 Gigabyte.", "The memory holds 5 GB."),
    ],
)
def test_roubles_crowns_speeds_areas_and_data_in_their_units(german: str, english: str) -> None:
    """These currencies and units were not read: a number with them was backed by the same
    number in any other currency or unit ("100 Rubel" by "100 euros", "100 km/h" by "100 mph")."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das kostet 100 Rubel.", "That costs 100 euros."),
        ("Das kostet 100 Kronen.", "That costs 100 zlotys."),
        ("Das kostet 100 Yuan.", "That costs 100 dollars."),
        ("Das kostet 100 Lira.", "That costs 100 roubles."),
        ("Er fuhr 100 km/h.", "He drove at 100 mph."),
        ("Er fuhr 100 Stundenkilometer.", "He drove at 100 miles per hour."),
        ("Er fuhr 100 km/h.", "He drove 100 kilometres."),
        ("Die Fläche ist 5 Quadratkilometer groß.", "The area is 5 kilometres."),
        ("Die Fläche ist 500 Hektar groß.", "The area is 500 acres."),
        ("Der Speicher fasst 5 Gigabyte.", "The memory holds 5 MB."),
    ],
)
def test_another_currency_or_unit_with_the_same_number_is_flagged(
    german: str, english: str
) -> None:
    assert "numbers" in _number_warnings(german, english)
    assert [f.kind for f in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das kostet 100 Yuan.", "That costs ¥100."),
        ("Das kostet 100 Renminbi.", "That costs ¥100."),
        ("Das kostet 100 Yen.", "That costs ¥100."),
        ("Der Kredit beträgt 5 Milliarden Yuan.", "The loan is ¥5bn."),
        ("Das kostet 100 Yuan.", "That costs CN¥100."),
        ("Das kostet 100 Yen.", "That costs JP¥100."),
    ],
)
def test_the_yen_sign_backs_yen_or_yuan(german: str, english: str) -> None:
    """ "¥" was read as the yen only: "¥100" for "100 Yuan" was flagged both ways, though the
    yuan is written with the same sign."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Das kostet 100 Yen.", "That costs 100 yuan."),
        ("Das kostet 100 Yuan.", "That costs 100 yen."),
        ("Das kostet 100 Renminbi.", "That costs 100 yen."),
        ("Das kostet 100 Euro.", "That costs ¥100."),
        ("Das kostet 100 Yen.", "That costs CN¥100."),
        ("Das kostet 100 Yuan.", "That costs ¥200."),
    ],
)
def test_yen_and_yuan_in_words_or_another_currency_are_still_told_apart(
    german: str, english: str
) -> None:
    assert "numbers" in _number_warnings(german, english)
    assert [f.kind for f in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es hatte -5 Grad.", "It was minus 5 degrees."),
        ("Es hatte minus 5 Grad.", "It was minus five degrees."),
        ("Es hatte −5 Grad.", "It was -5 degrees."),
        ("Es hatte minus 5 Grad.", "It was five degrees below zero."),
        ("Es waren 5-7 Grad.", "It was 5-7 degrees."),
        ("In der Saison 2019-2020 war es so.", "In the 2019-2020 season it was so."),
        ("Covid-19 breitet sich aus.", "Covid-19 is spreading."),
        ("Der Umsatz lag bei -5 Prozent.", "Sales fell 5 percent."),  # a fall, said in words
        ("Die Unsicherheit liegt bei plus/minus 2 Prozent.", "The margin is 2 percent."),
    ],
)
def test_a_sign_is_kept_with_its_value(german: str, english: str) -> None:
    """ "minus 5 Grad" was read as 5 and "-5" as either 5 or -5: "five degrees" passed for
    "-5 Grad", "minus 5 Grad" for "5 degrees"."""
    assert _number_warnings(german, english) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es hatte -5 Grad.", "It was 5 degrees."),
        ("Es hatte minus 5 Grad.", "It was five degrees."),
        ("Es hatte −5 Grad.", "It was 5 degrees."),
        ("Es hatte 5 Grad.", "It was minus 5 degrees."),
    ],
)
def test_a_lost_or_added_sign_is_flagged(german: str, english: str) -> None:
    assert _number_warnings(german, english) == ["numbers", "missing_numbers"]
    assert [f.kind for f in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es herrschten 5 Minusgrade.", "It was minus 5 degrees."),
        ("Es herrschten fünf Minusgrade.", "It was -5C."),
        ("Es herrschten zehn Minusgrade.", "It was ten degrees below freezing."),
        ("Bei 12 Minusgraden fror der See zu.", "At minus 12 degrees the lake froze."),
        ("Es hatte minus 5 Grad.", "It was -5C."),
        ("Es hatte -5 Grad.", "It was -5°C."),
        ("Es hatte fünf Grad unter null.", "It was minus 5 degrees."),
        ("Es hatte 5 Grad unter Null.", "It was -5C."),
        ("Es hatte 5 Grad minus.", "It was -5C."),
        ("Es war 30 Grad warm.", "It was 30C."),
        ("Es herrschten 5 Plusgrade.", "It was 5C."),
        ("Bei Minusgraden von bis zu 15 Grad.", "At temperatures as low as -15C."),
        ("Bei Minusgraden von bis zu 15 Grad.", "At frosts of up to 15 degrees."),
        ("In der Nacht gab es 15 Grad Frost.", "At night it was -15C."),
        ("In der Nacht gab es 15 Grad Frost.", "At night there were 15 degrees of frost."),
        ("Bei zehn Grad Kälte fror der See zu.", "At minus ten degrees the lake froze."),
    ],
)
def test_a_negative_temperature_in_words_keeps_its_sign(german: str, english: str) -> None:
    """ "5 Minusgrade" was 5 without a unit ("minus 5 degrees" flagged, "5 degrees" passed),
    "-5C" a number without one ("5 Grad" backed it) and the "C" of "-5°C" a name."""
    assert _number_warnings(german, english) == []
    assert unsupported_facts(english, "", german) == []


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Es herrschten 5 Minusgrade.", "It was 5 degrees."),
        ("Es herrschten 5 Minusgrade.", "It was 5C."),
        ("Es hatte 5 Grad.", "It was -5C."),
        ("Es hatte 5 Grad unter Null.", "It was 5 degrees."),
        ("Es hatte -5 Grad.", "It was 5C."),
        ("Es gab 15 Grad Frost.", "It was 15C."),
    ],
)
def test_a_lost_or_added_sign_of_a_temperature_in_words_is_flagged(
    german: str, english: str
) -> None:
    assert _number_warnings(german, english) == ["numbers", "missing_numbers"]
    assert [f.kind for f in unsupported_facts(english, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        # a hyphen before a number is a range's or a list's as often as a sign
        ("-5 Personen wurden verletzt.", "5 people were injured."),
        ("Der Verein startet mit -6 Punkten.", "The club starts with 6 points deducted."),
        # "m2", "km2" as typed without the superscript
        ("Die Wohnung hat 80 Quadratmeter.", "The flat is 80 m2."),
        ("Das Gebiet misst 80 km2.", "The area measures 80 square kilometres."),
    ],
)
def test_a_review_of_the_new_units_and_signs_finds_no_false_alarm(
    german: str, english: str
) -> None:
    """A review's finds: a sign took away the unsigned reading of any number ("-5 Personen",
    "mit -6 Punkten" flagged 5 and 6), and "m2" was read as metres."""
    assert "numbers" not in _number_warnings(german, english)
    assert [f.text for f in unsupported_facts(english, "", german) if f.kind == "number"] == []


def test_a_sign_still_parts_temperatures_and_the_club_rule_only_names() -> None:
    """A temperature keeps its sign ("-5 Grad" is no "5 degrees"); "Sek." is seconds and
    "Krone-Leser" a newspaper's readers, no crowns; only "1." before a club's kind and name is
    part of the name ("8. SC DHfK Leipzig" is a table's rank, "am 3. FC-Spieltag" a count)."""
    assert "numbers" in _number_warnings("Es waren -5 Grad.", "It was 5 degrees.")
    assert "numbers" not in _number_warnings("Es waren -5 Grad.", "It was minus 5 degrees.")
    # the minus after the unit, as German says it too
    assert "numbers" not in _number_warnings("Es waren 5 Grad minus.", "It was minus 5 degrees.")
    assert "numbers" in _number_warnings("Es waren 5 Grad minus.", "It was 5 degrees.")
    assert [q.currency for q in find_quantities("Er lief in 7,81 Sek. ins Ziel.", "de")] == [None]
    assert [q.currency for q in find_quantities("Das kostet 100 SEK.", "de")] == ["krone"]
    assert [q.currency for q in find_quantities("500 Krone-Leser", "de")] == [None]
    assert find_quantities("Der 1. FC Köln gewann.", "de") == []
    assert [q.values for q in find_quantities("8. SC DHfK Leipzig", "de")] == [{8.0}]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Thomas Müller schoss das Tor.", "Thomas Mueller scored the goal."),
        ("Die Rede Markus Söders war lang.", "Markus Soeder's speech was long."),
        ("Die Rede von Jürgen Klopp war lang.", "Juergen Klopp spoke for long."),
        ("Die Straße in Düsseldorf ist gesperrt.", "A road in Duesseldorf is closed."),
        ("Der Verein aus Gräfelfing siegte.", "The club from Graefelfing won."),
    ],
)
def test_a_german_names_umlauts_spelt_out_are_backed(german: str, summary: str) -> None:
    """English news writes "Mueller" for "Müller": only "Muller" was backed, and the rest
    flagged as names not in the article."""
    assert unsupported_facts(summary, "", german) == []


def test_an_umlaut_spelt_out_backs_no_other_name() -> None:
    german = "Thomas Müller schoss das Tor für Bayern."
    for summary in ("Thomas Meuller scored the goal.", "Thomas Mueler scored the goal."):
        assert [f.kind for f in unsupported_facts(summary, "", german)] == ["name"]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Wladimir Putin sprach.", "Vladimir Putin spoke."),
        ("Präsident Selenskyj sprach.", "President Zelensky spoke."),
        ("Wolodymyr Selenskyj sprach.", "Volodymyr Zelenskyy spoke."),
        ("Ein Konzert mit Werken von Tschaikowsky.", "A concert of Tchaikovsky's works."),
        ("Michail Gorbatschow starb.", "Mikhail Gorbachev died."),
        ("Michail Chodorkowski sprach.", "Mikhail Khodorkovsky spoke."),
        ("Jewgeni Prigoschin starb.", "Yevgeny Prigozhin died."),
        ("Alexej Nawalny starb.", "Alexei Navalny died."),
        ("Darja Kassatkina gewann.", "Daria Kasatkina won."),
    ],
)
def test_a_cyrillic_name_in_the_other_transliteration_is_backed(german: str, summary: str) -> None:
    """German writes Russian and Ukrainian names by German rules ("Wladimir", "Selenskyj"),
    English by its own ("Vladimir", "Zelensky"): they were flagged as names not in the
    article."""
    assert unsupported_facts(summary, "", german) == []


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Wladimir Putin sprach mit Vitali Klitschko.", "Vladimir Klitschko spoke."),
        ("Sergej Schoigu sprach.", "Sergei Lavrov spoke."),
        ("Putin traf Lawrow.", "Putin met Medvedev."),
        ("Olaf Scholz sprach.", "Olaf Shoigu spoke."),
    ],
)
def test_another_transliteration_backs_no_other_name(german: str, summary: str) -> None:
    assert [f.kind for f in unsupported_facts(summary, "", german)] == ["name"]


@pytest.mark.parametrize(
    "summary",
    ["He paid 5 Swiss francs.", "He paid 1.2 million Swiss francs.", "He paid 2 bn Swiss francs."],
)
def test_swiss_francs_are_backed_by_franken(summary: str) -> None:
    """ "Franken" is the Swiss franc, and "CHF 5" was backed by it; "5 Swiss francs" flagged
    "Swiss" as a name not in the article."""
    german = "Er zahlte 5 Franken, dann 1,2 Mio. Franken und 2 Mrd. Franken."
    assert unsupported_facts(summary, "", german) == []


def test_swiss_francs_for_euros_or_swiss_alone_are_still_flagged() -> None:
    flags = unsupported_facts("He paid 5 Swiss francs.", "", "Er zahlte 5 Euro.")
    assert [f.kind for f in flags] == ["number"]
    flags = unsupported_facts("The Swiss government paid 5 francs.", "", "Er zahlte 5 Franken.")
    assert [f.text for f in flags] == ["Swiss"]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Die Hälfte der Befragten war dagegen.", "50 percent of those surveyed were against."),
        ("Mehr als die Hälfte stimmte zu.", "More than 50% agreed."),
        ("Der Wert sank um die Hälfte.", "The value fell by half, or 50 per cent."),
    ],
)
def test_die_haelfte_is_a_share_of_a_half(german: str, summary: str) -> None:
    """ "ein Drittel" backed "33 percent" but "die Hälfte" backed no "50 percent": flagged."""
    assert unsupported_facts(summary, "", german) == []


def test_die_haelfte_backs_no_other_share_or_count() -> None:
    german = "Die Hälfte der Befragten war dagegen."
    for summary in ("60 percent were against.", "A third of them were against.", "2 were against."):
        assert [f.kind for f in unsupported_facts(summary, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Der Preis stieg um 5 Cent pro Liter.", "The price rose by 5 cents per litre."),
        ("Die Fahrt kostet 0,50 Euro.", "The ride costs 50 cents."),
        ("Die Fahrt kostet 50 Cent.", "The ride costs 0.50 euros."),
        ("Die Fahrt kostet 1,99 Euro.", "The ride costs 199 cents."),
    ],
)
def test_cents_are_backed_in_cents_or_hundredths(german: str, summary: str) -> None:
    """ "50 cents" for "0,50 Euro" was flagged: a cent was no currency, only a bare 50."""
    assert unsupported_facts(summary, "", german) == []


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Der Preis stieg um 5 Cent pro Liter.", "The price rose by 5 euros per litre."),
        ("Die Fahrt kostet 50 Euro.", "The ride costs 50 cents."),
        ("Die Fahrt kostet 0,50 Euro.", "The ride costs 60 cents."),
        ("Die Aktie stieg um 5 Prozent.", "The share rose by 5 cents."),
    ],
)
def test_cents_for_euros_are_flagged(german: str, summary: str) -> None:
    """ "5 euros per litre" for "5 Cent pro Liter", a hundredfold error, passed."""
    assert [f.kind for f in unsupported_facts(summary, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        (
            "sagte Tennet-Geschäftsführer Tim Meyerjürgens.",  # WMT21, reference B
            "says Tennet CEO Tim Meyerjürgens.",
        ),
        ("sagte der SPD-Abgeordnete Karl Lauterbach.", "said SPD MP Karl Lauterbach."),
        ("sagte der Vorstandschef.", "The CEO said."),
    ],
)
def test_a_role_written_as_an_acronym_is_no_name(german: str, summary: str) -> None:
    """ "CEO", "MP" were read as part of the name around them ("Tennet CEO Tim Meyerjürgens"),
    or as a name of their own, and flagged as not in the article."""
    assert unsupported_facts(summary, "", german) == []


def test_the_names_around_a_role_acronym_are_still_checked() -> None:
    german = "sagte Siemens-Chef Joe Kaeser."
    assert [f.text for f in unsupported_facts("said BMW CEO Joe Kaeser.", "", german)] == ["BMW"]
    flags = unsupported_facts("said Siemens CEO Jim Kaeser.", "", german)
    assert [f.text for f in flags] == ["Jim Kaeser"]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        # WMT19: "nach einem Anstieg um etwa 220 Höhenmeter"
        ("Der Anstieg beträgt etwa 220 Höhenmeter.", "The climb is about 220 kilometres."),
        ("Es flossen 5 Kubikmeter Wasser.", "5 litres of water flowed."),
        ("Er nahm 500 Milligramm.", "He took 500 grams."),
        ("Das Schiff war 20 Seemeilen entfernt.", "The ship was 20 kilometres away."),
    ],
)
def test_a_number_in_another_unit_than_a_german_compound_units_is_flagged(
    german: str, summary: str
) -> None:
    """ "Höhenmeter", "Kubikmeter", "Milligramm", "Seemeilen" were no units: the bare number
    backed the same number in any unit."""
    assert [f.kind for f in unsupported_facts(summary, "", german)] == ["number"]


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Der Anstieg beträgt etwa 220 Höhenmeter.", "The climb is about 220 metres."),
        ("Es flossen 5 Kubikmeter Wasser.", "5 cubic metres of water flowed."),
        ("Es flossen 5 Kubikmeter Wasser.", "5,000 litres of water flowed."),
        ("Er nahm 500 Milligramm.", "He took 500 mg."),
        ("Das Schiff war 20 Seemeilen entfernt.", "The ship was 20 nautical miles away."),
    ],
)
def test_german_compound_units_back_their_english_units(german: str, summary: str) -> None:
    assert unsupported_facts(summary, "", german) == []


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        ("Das Unternehmen beschäftigt 13.000 Mitarbeiter.", "The company employs 13k staff."),
        ("Rund 20.000 Läufer gingen an den Start.", "Around 20K runners took part."),
        ("Der Konzern streicht 1.500 Stellen.", "The group is cutting 1.5k jobs."),
        # a race's kilometres, no count of thousands
        ("Sie gewann den 5-Kilometer-Lauf.", "She won the 5k race."),
        ("Er lief 10 Kilometer in 40 Minuten.", "He ran a 10k in 40 minutes."),
    ],
)
def test_thousands_written_with_k_are_backed_by_the_german_count(german: str, summary: str) -> None:
    """ "13k staff" was read as 13 and flagged beside "13.000 Mitarbeiter"."""
    assert unsupported_facts(summary, "", german) == []
    assert [w.detail for w in translation_warnings(german, summary)] == []


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        (
            "Das Unternehmen beschäftigt 13.000 Mitarbeiter.",
            "The company employs 14k staff.",
            "14k",
        ),
        ("Das Unternehmen beschäftigt 13 Mitarbeiter.", "The company employs 13k staff.", "13k"),
        ("Sie gewann den 5-Kilometer-Lauf.", "She won the 10k race.", "10k"),
    ],
)
def test_a_wrong_number_written_with_k_is_flagged(german: str, summary: str, flagged: str) -> None:
    assert [f.text for f in unsupported_facts(summary, "", german)] == [flagged]


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        # English puts the winner's score first: either German order backs it
        ("Bayern gewann 2:1 gegen Dortmund.", "Bayern beat Dortmund 2-1.", []),
        ("Bayern verlor 1:2 gegen Dortmund.", "Bayern lost 2-1 to Dortmund.", []),
        ("Bayern verlor 1:2 gegen Dortmund.", "Bayern lost 1-2 to Dortmund.", []),
        ("Es dauert zwei bis drei Wochen.", "It takes 2-3 weeks.", []),
        # the lower score first is an order of the sides: the result turned around
        ("Bayern gewann 2:1 gegen Dortmund.", "Bayern beat Dortmund 1-2.", ["1-2"]),
        ("Bayern gewann 2:1 gegen Dortmund.", "Bayern lost 1-2 to Dortmund.", ["1-2"]),
        (
            "Bayern gewann am Samstag 2:1 gegen Dortmund.",
            "Bayern beat Dortmund 1-2 Saturday.",
            ["1-2"],
        ),
        # between the two sides, a fixture's notation: the home side first, whoever won
        ("Bayern gewann 2:1 in Dortmund.", "Dortmund 1-2 Bayern: a late winner.", []),
        ("Die Bayern gewannen mit 2:1 in Dortmund.", "It ended Dortmund 1-2 Bayern.", []),
    ],
)
def test_a_score_written_lower_first_needs_the_same_order(
    german: str, summary: str, flagged: list[str]
) -> None:
    """A reversed score ("1-2" for "gewann 2:1") passed: a score was read as its two numbers
    in any order."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


def test_a_german_score_written_lower_first_is_not_missing_from_the_winner_first_english() -> None:
    german, english = "Bayern verlor 1:2 gegen Dortmund.", "Bayern lost 2-1 to Dortmund."
    assert translation_warnings(german, english) == []


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        ("Die Mieten stiegen um knapp ein Drittel.", "Rents rose by almost a third.", []),
        ("Der Umsatz fiel 2020 um ein Viertel.", "Sales fell by a quarter in 2020.", []),
        ("Der Umsatz fiel um ein Viertel.", "Sales fell by a third.", ["a third"]),
        ("Die Mieten stiegen um ein Drittel.", "Rents rose by a quarter.", ["a quarter"]),
    ],
)
def test_a_change_by_a_fraction_is_a_share(german: str, summary: str, flagged: list[str]) -> None:
    """ "by almost a third" was read as the ordinal "third" and flagged beside "ein Drittel";
    "a third" was a fraction only with its "of"."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        ("Nur 1/4 aller Ackerflächen wäre nötig.", "Only a quarter of all farmland is needed.", []),
        ("2/3 der Bürger sind dafür.", "Two-thirds of citizens are in favour.", []),
        ("2/3 der Bürger sind dafür.", "67 percent of citizens are in favour.", []),
        ("Es braucht eine 2/3-Mehrheit.", "It needs a two-thirds majority.", []),
        ("Zwei Drittel der Bürger sind dafür.", "2/3 of citizens are in favour.", []),
        (
            "2/3 der Bürger sind dafür.",
            "Three quarters of citizens are in favour.",
            ["Three quarters"],
        ),
        (
            "Von 3 Parteien stimmten 2 zu, 3/4 der Abgeordneten waren dafür.",
            "2/3 of the deputies were in favour.",
            ["2/3"],
        ),
    ],
)
def test_a_fraction_in_digits_is_a_share(german: str, summary: str, flagged: list[str]) -> None:
    """ "2/3 der Bürger" is two thirds: it was the counts 2 and 3, so the translator's "two
    thirds" was flagged, and a summary's "2/3 of" was backed by any 2 and 3 of the article."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Am Karfreitag blieben die Geschäfte zu.", "On Good Friday the shops stayed closed."),
        ("Am Rosenmontag zogen die Narren durch die Stadt.", "On Rose Monday fools paraded."),
        (
            "Am Ostermontags-Gottesdienst nahmen 200 teil.",
            "200 attended the Easter Monday service.",
        ),
        ("Am Aschermittwoch ist alles vorbei.", "On Ash Wednesday it is all over."),
        # the feast begins a longer compound
        (
            "Das Karfreitagsabkommen beendete den Konflikt.",
            "The Good Friday Agreement ended the conflict.",
        ),
        ("Der Rosenmontagszug fiel aus.", "The Rose Monday parade was cancelled."),
        ("Am Ostermontagmorgen regnete es.", "On Easter Monday morning it rained."),
    ],
)
def test_a_feast_named_by_its_weekday_has_no_number_warning(german: str, english: str) -> None:
    """ "Karfreitag" translated "Good Friday" was warned of as "“Friday” not in the German": a
    weekday at a German compound's end was not read."""
    assert [w.detail for w in translation_warnings(german, english) if w.kind == "numbers"] == []


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The shops closed on Good Friday.", "Am Karfreitag schlossen die Geschäfte.", []),
        ("The shops closed on Easter Monday.", "Am Ostermontag schlossen die Geschäfte.", []),
        ("The shops closed on Sunday.", "Am Ostermontag schlossen die Geschäfte.", ["Sunday"]),
        ("Final assembly starts on Monday.", "Die Endmontage beginnt am Dienstag.", ["Monday"]),
        (
            "The Good Friday Agreement ended the conflict.",
            "Das Karfreitagsabkommen beendete den Konflikt.",
            [],
        ),
        (
            "The Good Friday Agreement ended the conflict.",
            "Das Karsamstagsabkommen beendete den Konflikt.",
            ["Friday"],
        ),
        ("Assembly starts on Monday.", "Die Demontagearbeiten beginnen am Dienstag.", ["Monday"]),
    ],
)
def test_a_weekday_ending_a_german_compound_is_that_weekday(
    summary: str, german: str, flagged: list[str]
) -> None:
    assert [f.text for f in unsupported_facts(summary, "", german) if f.kind == "number"] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The shops closed on Good Friday.", "Am Karfreitag schlossen die Geschäfte.", []),
        ("On Easter Monday the shops closed.", "Am Ostermontag schlossen die Geschäfte.", []),
        ("It is over on Ash Wednesday.", "Am Aschermittwoch ist alles vorbei.", []),
        # the feast's own weekday only, and a German compound only
        (
            "The shops closed on Easter Monday.",
            "Am Karfreitag schlossen die Geschäfte.",
            ["Easter"],
        ),
        ("The shops closed on Good Friday.", "Am Freitag schlossen die Geschäfte.", ["Good"]),
    ],
)
def test_a_feast_named_by_its_weekday_is_backed_by_its_german_compound(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Karfreitag" backed the summary's "Friday" of "Good Friday", but "Good" was flagged as
    a name not in the article: the word before the weekday is the feast's name, which the
    German says in one word with the weekday."""
    assert [f.text for f in unsupported_facts(summary, "", german) if f.kind == "name"] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The shops closed on Whit Monday.", "Am Ostermontag schlossen die Geschäfte.", ["Whit"]),
        ("The shops closed on Easter Monday.", "Am Pfingstmontag schlossen sie.", ["Easter"]),
        ("The shops closed on Easter Sunday.", "Am Palmsonntag schlossen sie.", ["Easter"]),
        ("The shops closed on Holy Thursday.", "Am Karfreitag schlossen sie.", ["Holy"]),
        # its own feast, and a compound of a feast not listed, still pass
        ("The shops closed on Whit Monday.", "Am Pfingstmontag schlossen sie.", []),
        ("The shops closed on Maundy Thursday.", "Am Gründonnerstag schlossen sie.", []),
        ("The shops closed on Shrove Tuesday.", "Am Faschingsdienstag schlossen sie.", []),
        ("They voted on Election Sunday.", "Sie wählten am Wahlsonntag.", []),
    ],
)
def test_a_feast_named_by_its_weekday_is_flagged_when_the_german_names_another_feast(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Whit Monday" for "Ostermontag" and "Easter Monday" for "Pfingstmontag" passed: the word
    before the weekday was taken as stated wherever any German compound ended in that weekday."""
    assert [f.text for f in unsupported_facts(summary, "", german) if f.kind == "name"] == flagged


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("2/3 der Bürger sind dafür.", "Two thirds of citizens are in favour."),
        ("Nur 1/4 aller Ackerflächen wäre nötig.", "Only a quarter of all farmland is needed."),
    ],
)
def test_a_fraction_in_digits_translated_in_words_has_no_warning(german: str, english: str) -> None:
    """The translation said "two thirds" for "2/3 der": warned of as "Two thirds" not in the
    German, and "2", "3" not in the English."""
    assert translation_warnings(german, english) == []


@pytest.mark.parametrize(
    ("text", "language", "kinds"),
    [
        ("Es waren 2/28 Fotos der Serie.", "de", ["number", "number"]),  # a page's count
        ("the 3 1/2 of the hours", "en", ["number"]),  # a mixed number
        ("Karten für 21/22 der Saison", "de", ["number", "number"]),  # no share
    ],
)
def test_digits_with_a_slash_that_are_no_share_stay_numbers(
    text: str, language: str, kinds: list[str]
) -> None:
    assert [q.kind for q in find_quantities(text, language)] == kinds  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["He won by a third goal.", "It was claimed by a third party."])
def test_by_a_third_before_a_noun_stays_an_ordinal(text: str) -> None:
    assert [q.kind for q in find_quantities(text, "en")] == ["ordinal"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        (
            "Er habe keinen Druck aufbauen wollen, aber das Gespräch sei bisher nicht zustande "
            "gekommen.",
            "He did not want to create any pressure, but the discussion did happen before.",
        ),
        (
            "Ziel war jemand, der gar nicht dort wohnte, und es wurden keine Drogen gefunden.",
            "The target was someone who did not even live there, and drugs were found.",
        ),
        ("Die Steuern steigen nicht, und niemand verliert.", "Taxes won't rise, and all lose."),
    ],
)
def test_one_of_two_negations_lost_is_warned_of(german: str, english: str) -> None:
    """With one negation kept, a lost second one ("did happen" for "nicht zustande gekommen")
    was not seen: the warning needed an English without any."""
    (detail,) = _negation_warned(german, english)
    assert detail.startswith("the German negates 2 times") and detail.endswith("the English 1 time")


@pytest.mark.parametrize(
    ("german", "english"),
    [
        # a negation repeated in a list, said once in English
        (
            "Bis zum sechsten Tag haben sie kein frisches Handtuch und kein Gel erhalten.",
            "Up to the sixth day they have not received a fresh towel or any gel.",
        ),
        ("Er wird nicht angequatscht, nicht begafft.", "He is not talked to or gaped at."),
        # an expletive "nicht" in an "ob" clause, a rhetorical "was … nicht alles"
        (
            "Man kommt um die Debatte nicht herum, ob es nicht geboten ist, Investoren zuzulassen.",
            "There is no getting around the debate as to whether to admit investors.",
        ),
        (
            "Was muss man sich nicht alles einfallen lassen, um nicht in Schleichwerbung zu "
            "verfallen.",
            "What do you have to come up with, so as not to fall into hidden advertising.",
        ),
        # both kept
        (
            "Aber nicht so klein, dass sie nicht bei Stimme wären.",
            "But not so small that they don't have a voice.",
        ),
    ],
)
def test_negations_english_says_once_are_not_warned_of(german: str, english: str) -> None:
    assert _negation_warned(german, english) == []


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        ("Der Anteil sank von 40 auf 35 Prozent.", "The share fell from 40% to 35%.", []),
        ("Der Umsatz stieg von 3 auf 4 Millionen Euro.", "Sales rose from €3m to €4m.", []),
        (
            "Der Umsatz sank von 4 auf 3,5 Millionen Euro.",
            "Sales fell from €4 million to €3.5 million.",
            [],
        ),
        ("Der Anteil sank von 40 auf 35 Prozent.", "The share fell from 45% to 35%.", ["45%"]),
        (
            "Der Umsatz sank von 4 auf 3,5 Millionen Euro.",
            "Sales fell from €5 million to €3.5 million.",
            ["€5 million"],
        ),
        # a change still goes no further than tenfold: "von 500 auf 3 Millionen" is 500
        (
            "Der Umsatz sank von 500 auf 3 Millionen.",
            "Sales fell from 500 million to 3 million.",
            ["500 million"],
        ),
        # "um 5 auf 35 Prozent" is no change from 5: its 5 stays a bare number
        ("Die Quote stieg um 5 auf 35 Prozent.", "The rate rose 5 percent.", ["5 percent"]),
    ],
)
def test_the_start_of_a_change_shares_its_percent_and_scale(
    german: str, summary: str, flagged: list[str]
) -> None:
    """ "von 40 auf 35 Prozent" read its 40 as a bare number, so "from 40% to 35%" was
    flagged: only a range's ends ("bis", "to") shared the percent or scale written once."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "summary"),
    [
        (
            "Frankreichs Präsident Emmanuel Macron sprach.",
            "French President Emmanuel Macron spoke.",
        ),
        ("Die Türkei wählt am Sonntag.", "Turkish voters go to the polls on Sunday."),
        ("Polens Regierung protestierte.", "The Polish government protested."),
    ],
)
def test_a_country_named_in_german_backs_its_english_adjective(german: str, summary: str) -> None:
    """ "Frankreichs Präsident" as "French President" flagged the name: only a German adjective
    ("französische") backed "French"."""
    assert unsupported_facts(summary, "", german) == []


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        # WMT21 (faz.79601): "in den Vereinigten Staaten" as "in the United States"
        ("Die Vereinigten Staaten schickten Truppen.", "The United States sent troops.", []),
        ("Proteste in den Vereinigten Staaten.", "Protests in the United States grew.", []),
        ("Truppen der Vereinigten Staaten gingen.", "U.S. troops left.", []),
        ("Sie lebt im Vereinigten Königreich.", "She lives in the United Kingdom.", []),
        ("Der Premier des Vereinigten Königreichs kam.", "The United Kingdom's premier came.", []),
        (
            "Urlaub in den Vereinigten Arabischen Emiraten.",
            "A holiday in the United Arab Emirates.",
            [],
        ),
        ("Wahl in der Dominikanischen Republik.", "An election in the Dominican Republic.", []),
        # another country's name, inflected alike, is still no backing
        (
            "Die Vereinigten Staaten schickten Truppen.",
            "The United Kingdom sent troops.",
            ["United Kingdom"],
        ),
        (
            "Wahl in der Tschechischen Republik.",
            "An election in the Dominican Republic.",
            ["Dominican Republic"],
        ),
    ],
)
def test_a_german_country_name_inflected_after_an_article_backs_its_english_name(
    german: str, summary: str, flagged: list[str]
) -> None:
    """CLDR writes a German name of several words as it stands alone ("Vereinigte Staaten"), and
    the news after an article: "die Vereinigten Staaten" backed no "United States"."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        ("Syrische Truppen griffen an.", "Syrian troops attacked.", []),
        ("Syrische Truppen griffen an.", "Syria attacked.", []),
        ("Die indische Polizei ermittelt.", "Indian police are investigating.", []),
        ("Die irakische Regierung protestierte.", "The Iraqi government protested.", []),
        ("Die iranische Regierung protestierte.", "Iran protested.", []),
        ("Tausende Syrer flohen.", "Thousands of Syrians fled.", []),
        ("Nordsyrische Milizen griffen an.", "Syrian militias attacked.", []),
        # another country's adjective, or a word that only begins as one, backs none
        ("Irakische Truppen griffen an.", "Syrian troops attacked.", ["Syrian"]),
        ("Die Industrie wuchs.", "India grew.", ["India"]),
    ],
)
def test_a_german_country_adjective_of_a_short_stem_backs_the_country(
    german: str, summary: str, flagged: list[str]
) -> None:
    """ "syrische", "indische", "irakische", "Syrer": a German country's adjective and its people
    in "-er" were read only where they begin with five letters of the country's name ("Syrien",
    "Indien", "Irak"), and "Syrian troops" for "Syrische Truppen" was flagged."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        # people in "-e", inflected
        ("Der Kroate traf zweimal.", "The Croatian player scored twice.", []),
        ("Drei Kroaten wurden festgenommen.", "Three Croatians were arrested.", []),
        ("Die Kroaten gewannen.", "Croatia won.", []),
        ("Ein Serbe wurde verhaftet.", "A Serb was arrested.", []),
        ("Die Französin gewann.", "The French player won.", []),
        ("Zwei Tschechen kamen.", "Two Czechs came.", []),
        ("Ein Däne siegte.", "A Danish rider won.", []),
        # an adjective or people whose letters change the country's name
        ("Die libanesische Regierung trat zurück.", "The Lebanese government resigned.", []),
        ("Ein Libanese gewann.", "A Lebanese man won.", []),
        ("Der peruanische Präsident trat zurück.", "The Peruvian president resigned.", []),
        ("Zwei Peruanerinnen gewannen.", "Two women from Peru won.", []),
        ("Die venezolanische Armee griff an.", "The Venezuelan army attacked.", []),
        ("Die libysche Küstenwache half.", "The Libyan coast guard helped.", []),
        ("Die malische Armee griff an.", "The Malian army attacked.", []),
        ("Die Palästinenser protestierten.", "Palestinian protesters gathered.", []),
        # another country's people back none
        ("Die peruanische Mannschaft gewann.", "The Lebanese team won.", ["Lebanese"]),
        ("Die Kroaten gewannen.", "The Serbs won.", ["Serbs"]),
        ("Zwei Slowenen gewannen.", "Two Slovaks won.", ["Slovaks"]),
    ],
)
def test_a_german_countrys_people_in_e_or_an_irregular_adjective_backs_the_country(
    german: str, summary: str, flagged: list[str]
) -> None:
    """ "Kroate", "Kroaten", "libanesisch", "peruanisch", "venezolanisch": people in "-e" were
    never read (as "den Armen", the poor, might be Armenians), and an adjective that changes the
    country's letters matched no stem of it, so "The Croatian player" for "Der Kroate" and "The
    Lebanese government" for "Die libanesische Regierung" were flagged as names the article
    lacks. Now a table of such words, by country, backs the country and its adjectives."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        ("Frankreichs Präsident sprach.", "The Russian president spoke.", "Russian"),
        # a country whose language is another's is no adjective of it
        ("Österreichs Kanzler sprach.", "The German chancellor spoke.", "German"),
        ("Brasiliens Präsident sprach.", "The Portuguese president spoke.", "Portuguese"),
    ],
)
def test_another_countrys_adjective_is_still_flagged(
    german: str, summary: str, flagged: str
) -> None:
    assert [f.text for f in unsupported_facts(summary, "", german)] == [flagged]


def test_a_scale_word_at_a_sentence_end_leaves_the_full_stop_out() -> None:
    """WMT21's "a revenue of 300 million." was listed as the key fact "300 million." (and so
    named in a warning or a flag): the dot after a scale word ends the sentence; only an
    abbreviation ("5,8 Mio.") takes its own."""
    facts = key_facts(["Leipzig had a revenue of 300 million.", "Sales were 2 billion. Then"])
    assert [fact.text for fact in facts if fact.kind == "number"] == ["300 million", "2 billion"]
    english = "The club earned 25 million."
    warnings = translation_warnings("Der Verein nahm 2,5 Millionen ein.", english)
    assert [w.detail for w in warnings if w.kind == "numbers"] == ["“25 million” not in the German"]
    assert [q.text for q in find_quantities("Das kostet 5,8 Mio. Euro.", "de")] == ["5,8 Mio."]


def test_a_figure_named_in_a_translation_warning_is_named_once() -> None:
    """A figure the English states twice and the German not at all (or the other way round)
    was listed twice: "“6 percent”, “6 percent” not in the German"."""
    english = "Sales rose by 6 percent in the first and by 6 percent in the second quarter."
    german = "Der Umsatz stieg im ersten und im zweiten Quartal um je fünf Prozent."
    warnings = translation_warnings(german, english)
    assert [w.detail for w in warnings if w.kind == "numbers"] == ["“6 percent” not in the German"]
    german = "Die Preise stiegen um 5 Prozent, die Löhne um 5 Prozent und die Mieten um 7 Prozent."
    warnings = translation_warnings(german, "Prices rose, and so did wages and rents.")
    assert [w.detail for w in warnings if w.kind == "missing_numbers"] == [
        "“5 Prozent”, “7 Prozent” not in the English"
    ]


def test_bn_at_a_sentence_end_leaves_the_full_stop_out_as_m_does() -> None:
    """English writes "bn" without a dot of its own, as it writes "m": "The deal was worth
    £3bn." was listed as the key fact "£3bn." beside "£15m" (and so named in a flag)."""
    facts = key_facts(["The deal was worth £3bn.", "He paid £15m.", "It made 2 bn. Then"])
    assert [fact.text for fact in facts if fact.kind == "number"] == ["£3bn", "£15m", "2 bn"]
    assert [
        f.text for f in unsupported_facts("The deal was worth £4bn.", "It was worth £3bn.")
    ] == ["£4bn"]


def test_key_facts_show_a_day_of_a_range_with_its_month() -> None:
    """WMT21's "the Tour de l'Ain (5th to 9th of August)" listed the dates "5" and "9th of
    August": a day that takes its month (and year) from the range's other end is shown with
    them, and is the same fact as that day written in full."""
    facts = key_facts(
        ["The tour (5th to 9th of August) starts.", "It ran from 4 to 14 October 2020.",
         "It ends on 5 August."]
    )  # fmt: skip
    dates = {fact.text: fact.paragraphs for fact in facts if fact.kind == "date"}
    assert dates == {
        "5 August": (1, 3), "9th of August": (1,), "4 October 2020": (2,),
        "14 October 2020": (2,),
    }  # fmt: skip


def test_an_ending_that_makes_a_word_of_a_units_symbol_is_no_unit() -> None:
    """CNN/DailyMail's "two men", "3 mines" and "the iPhone 6 has" were read as metres, minutes
    and hectares: "Two men" was the key fact of a wall two metres high, and "3 mines" that of
    "3 minutes". A unit's plural ("kms", "lbs", "kilos", "metres") is still the unit."""
    facts = key_facts(
        ["Two men were injured.", "A wall two metres high collapsed.", "Police found 3 mines.",
         "It took 3 minutes.", "The iPhone 6 has a camera."]
    )  # fmt: skip
    rows = {fact.text: fact.paragraphs for fact in facts if fact.kind == "number"}
    assert rows == {"Two": (1,), "two metres": (2,), "3": (3,), "3 minutes": (4,), "6": (5,)}
    units = [q.unit for q in find_quantities("5 kms, 5 lbs, 2 kilos, 4 metres", "en")]
    assert [unit[0] if unit else None for unit in units] == ["m", "g", "g", "m"]


@pytest.mark.parametrize("adverb", ["keineswegs", "keinesfalls", "mitnichten"])
def test_a_lost_negating_adverb_is_warned_of(adverb: str) -> None:
    """WMT19's "… und keinesfalls Verstöße … verkünden wollte" ("did not intend to convey …")
    negates with an adverb the check did not read: "did intend" passed without a warning."""
    german = f"Die Ministerin wollte {adverb} Verstöße gegen das Dienstrecht verkünden."
    lost = "The minister wanted to announce violations of the service law."
    assert [w.kind for w in translation_warnings(german, lost)] == ["negation"]
    kept = "The minister by no means wanted to announce violations of the service law."
    assert translation_warnings(german, kept) == []


def test_key_facts_show_a_seasons_second_year_in_full() -> None:
    """CNN/DailyMail's "the 2010-11 campaign", "Real Madrid (2006-09)" listed the dates "11"
    and "09": a two-digit year that ends a season is the year it stands for."""
    facts = key_facts(["Fans of the 2010-11 campaign cheered.", "He played there (2006-09)."])
    dates = [fact.text for fact in facts if fact.kind == "date"]
    assert dates == ["2010", "2011", "2006", "2009"]


def test_a_negated_auxiliary_is_no_name() -> None:
    """CNN/DailyMail's key facts listed the names "Don't" and "Shouldn't" (a sentence's first
    word), and a summary's "Don't expect miracles" was flagged as a name: "n't" words are
    auxiliaries, in any case and apostrophe."""
    english = "He said people should not expect miracles, and they cannot stop."
    for summary in ("Don't expect miracles.", "DON'T EXPECT MIRACLES.", "Can’t stop, he said."):
        assert unsupported_facts(summary, english) == [], summary
    facts = key_facts(["Didn't Merkel know? Isn't it odd? Shouldn't we go?"])
    assert [fact.text for fact in facts if fact.kind == "name"] == ["Merkel"]
    assert [f.text for f in unsupported_facts("Merkel didn't know.", "Scholz did not know.")] == [
        "Merkel"
    ]


@pytest.mark.parametrize(
    ("english_length", "shown"), [(47, "0.47"), (40, "0.4"), (224, "2.24"), (260, "2.6")]
)
def test_a_length_ratio_is_shown_outside_the_range_it_breaks(
    english_length: int, shown: str
) -> None:
    """WMT19's "After 33 minutes, David Ernst equalized for 15-15." was "English is 0.5× the
    German length", a ratio the range 0.5–2.2 allows: rounded to one decimal, 0.47 (and 2.24)
    landed inside it."""
    german = "Nach dreißig Minuten glich der Spieler zum Unentschieden aus, dann führte er."
    german = german + "x" * (100 - len(german))
    english = "y" * (english_length - 1) + "."
    details = [w.detail for w in translation_warnings(german, english) if w.kind == "length_ratio"]
    meaning = (  # test_a_length_ratio_says_what_it_means_for_the_reader
        "part of the sentence may be missing from the English"
        if english_length < 50
        else "the English may say what the German does not (added or repeated words)"
    )
    assert details == [f"English is {shown}× the German length, so {meaning}"]


@pytest.mark.parametrize(
    ("english_length", "meaning"),
    [
        (30, "part of the sentence may be missing from the English"),
        (260, "the English may say what the German does not (added or repeated words)"),
    ],
)
def test_a_length_ratio_says_what_it_means_for_the_reader(
    english_length: int, meaning: str
) -> None:
    """ "English is 0.3× the German length" left a reader to guess what that meant for the
    sentence; the warning says it: a short English may have lost part of the sentence, a long
    one may add to it."""
    german = "Nach dreißig Minuten glich der Spieler zum Unentschieden aus, dann führte er."
    german = german + "x" * (100 - len(german))
    english = "y" * (english_length - 1) + "."
    details = [w.detail for w in translation_warnings(german, english) if w.kind == "length_ratio"]
    shown = f"{english_length / 100:.1f}"
    assert details == [f"English is {shown}× the German length, so {meaning}"]


def test_a_season_into_a_new_century_ends_in_it() -> None:
    """ "Saison 1999/00" is the season 1999-2000, as "2009/10" is 2009-2010: its "00" was the
    number 0, so the translation's "1999/2000" was warned of as a figure the German lacks (and
    "00" as one the English lost), and the key facts listed the number "00"."""
    german = "In der Saison 1999/00 gewann er den Titel."
    english = "In the 1999/2000 season he won the title."
    assert [w.kind for w in translation_warnings(german, english)] == []
    assert [f.text for f in unsupported_facts("He won the title in 2000.", "", german)] == []
    facts = key_facts(["He won the title in the 1999-00 season."])
    assert [(fact.kind, fact.text) for fact in facts] == [("date", "1999"), ("date", "2000")]
    # A year and a month are no season: "1999-01" stays as it was read.
    assert [f.text for f in unsupported_facts("It happened in 2001.", "", "Seit 1999-01 ...")] == [
        "2001"
    ]


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("In the 2019-20 season he scored.", "In der Saison 19/20 traf er.", []),
        ("In the 1998-99 season he scored.", "In der Spielzeit 98/99 traf er.", []),
        ("In the 19/20 season he scored.", "In der Saison 2019/20 traf er.", []),
        # another season is still flagged
        ("In the 2018-19 season he scored.", "In der Saison 19/20 traf er.", ["2018"]),
        ("In the 2020-21 season he scored.", "In der Saison 19/20 traf er.", ["21"]),
        # two numbers that are not one year and the next are no season
        ("He scored in 2019 and 2021.", "In der Saison 19/21 traf er.", ["2019", "2021"]),
    ],
)
def test_a_season_in_two_digits_each_is_read_as_its_years(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "the 2019-20 season" for "die Saison 19/20" was flagged twice, as "2019" and "20" the
    article lacks, and warned of as a translation's figures: only a four-digit first year
    ("Saison 2019/20") was read as a season."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged
    if not flagged:
        assert translation_warnings(german, summary) == []


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        # the season's word on one side only: the same "19/20" either way
        ("It won in the 19/20 campaign.", "It won in the 19/20 season.", "Saison 19/20.", []),
        ("It won in the 19/20 season.", "It won in 19/20.", "Es gewann 19/20.", []),
        # a count is still no part of "2019/20" (its "20" alone is no pair)
        ("He scored 20 goals.", "18 goals in 2019/20.", "18 Tore in der Saison 2019/20.", ["20"]),
    ],
)
def test_a_season_in_two_digits_is_the_same_figures_without_its_word(
    summary: str, english: str, german: str, flagged: list[str]
) -> None:
    """ "the 19/20 campaign" for "die Saison 19/20" was flagged as "19" and "20" the article
    lacks, and the translation warned of both as missing from the German and from the English:
    with its word "19/20" is read as two years, without it as two numbers."""
    assert [f.text for f in unsupported_facts(summary, english, german)] == flagged
    german_sentence = "In der Saison 19/20 wurde der Verein zum dritten Mal Meister."
    english_sentence = "In the 19/20 campaign the club became champion for the third time."
    assert translation_warnings(german_sentence, english_sentence) == []


def test_key_facts_name_a_ranges_month_in_english_whatever_the_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """calendar.month_name follows the process's LC_TIME locale: a library user's program that
    had set a German one (locale.setlocale) listed the key fact "4 März 2020" in an English
    brief. Its names stand in here for such a locale's, which this machine may not have."""
    import calendar

    german = ["", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember"]  # fmt: skip
    monkeypatch.setattr(calendar, "month_name", german)
    facts = key_facts(["It ran from 4 to 14 March 2020."])
    assert [fact.text for fact in facts if fact.kind == "date"] == ["4 March 2020", "14 March 2020"]


@pytest.mark.parametrize(
    ("german", "summary", "flagged"),
    [
        ("Im Südsudan kam es zu Kämpfen.", "There was fighting in Sudan.", "Sudan"),
        ("In Südafrika kam es zu Protesten.", "There were protests in Africa.", "Africa"),
        ("Die südkoreanische Regierung protestierte.", "Korea's government protested.", "Korea"),
        ("Die Ostdeutschen protestierten.", "East Germans protested.", None),
        ("In Nord-Griechenland brannte es.", "Fires broke out in Northern Greece.", None),
    ],
)
def test_a_country_named_with_a_point_of_the_compass_backs_no_other_country(
    german: str, summary: str, flagged: str | None
) -> None:
    """A point of the compass before a country ("Ostdeutsche") backs the country, but not where
    it is part of a country's own name: "Südsudan" backed "Sudan", "Südafrika" "Africa"."""
    expected = [flagged] if flagged else []
    assert [f.text for f in unsupported_facts(summary, "", german)] == expected


@pytest.mark.parametrize(
    ("summary", "article"),
    [
        ("Striker Jack Brown scored twice.", "Jack Brown scored twice on Sunday."),
        ("Twelve-year-old Smith died in the fire.", "Smith, 12, died in the fire."),
        ("Goalkeeper Rice saved a penalty.", "Rice saved a penalty."),
        ("Teenager Will Young was hurt.", "Will Young, 16, was hurt."),
    ],
)
def test_a_name_of_ordinary_words_after_a_sentences_first_word_is_backed(
    summary: str, article: str
) -> None:
    # The first word's capital may be the sentence's; the words after it are capitalised
    # inside the sentence, so they are a name though each is an ordinary word.
    assert [flag for flag in unsupported_facts(summary, article) if flag.kind == "name"] == []


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("Like City, the clubs won 2:0.", "Wie City gewannen die Klubs 2:0.", []),
        ("Whether Union and SPD agree is open.", "Ob Union und SPD sich einigen, ist offen.", []),
        ("Why Union and SPD agree is open.", "Warum Union und SPD sich einigen, ist offen.", []),
        ("Like City, the clubs won 2:0.", "Wie Chelsea gewannen die Klubs 2:0.", ["City"]),
        (
            "Whether Union and SPD agree is open.",
            "Ob Grüne und SPD sich einigen, ist offen.",
            ["Union"],
        ),
    ],
)
def test_a_sentences_first_preposition_or_conjunction_is_no_part_of_the_name_after_it(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Like City, …" (WMT19 s746, "Wie City …"), "Whether Union and SPD …" (s901, "Ob Union
    und SPD …"): the first word was kept as a possible part of the name after it, as
    "Suspects" of "Suspects Adnan Farah", and the name of two ordinary words was flagged whole.
    No name begins with "Like" or "Whether"; the name after it is still checked."""
    names = [f.text for f in unsupported_facts(summary, "", german) if f.kind == "name"]
    assert names == flagged


@pytest.mark.parametrize(
    ("summary", "article"),
    [
        ("Striker Jack Brown scored twice.", "Chelsea's Jack Brown scored twice."),
        ("Striker Jack Brown scored twice.", "On Saturday Jack Brown scored twice."),
        ("Teenager Will Young was hurt.", "Yesterday Will Young was hurt."),
        ("Striker Jack Brown scored twice.", "Captain Jack Brown scored twice."),
    ],
)
def test_a_name_of_ordinary_words_after_a_possessive_day_or_ordinary_word_is_backed(
    summary: str, article: str
) -> None:
    """ "Chelsea's Jack Brown", "On Saturday Jack Brown": the capitalised word before the name
    is no part of it, as "Warner" is of "Warner Brothers"; read as one, the summary's "Striker
    Jack Brown" was flagged as a name the article lacks."""
    assert [flag for flag in unsupported_facts(summary, article) if flag.kind == "name"] == []


@pytest.mark.parametrize(
    ("summary", "article"),
    [
        ("Striker Jack Brown scored twice.", "Jack White scored twice on Sunday."),
        ("Striker Jack Brown scored twice.", "Jack scored twice. The brown shirt stood out."),
        ("Prime Minister resigned today.", "The minister resigned today."),
        ("Justice Smith ruled today.", "The Ministry of Justice said so. Smith said nothing."),
        ("Ministry Brothers made the film.", "Warner Brothers made the film."),
    ],
)
def test_a_name_of_ordinary_words_after_a_first_word_still_needs_the_source(
    summary: str, article: str
) -> None:
    assert [flag.kind for flag in unsupported_facts(summary, article)] == ["name"]


@pytest.mark.parametrize(
    ("summary", "german"),
    [
        ("Construction began in autumn 2018.", "Im Herbst 2018 begann der Bau."),
        ("Construction began in the spring.", "Im Frühjahr begann der Bau."),
        ("Construction began in the autumn.", "Im Oktober begann der Bau."),
        ("Work paused in the summer holidays.", "In den Sommerferien ruhte die Arbeit."),
        ("The fall of the Wall changed Berlin.", "Der Mauerfall veränderte Berlin."),
        ("He has a spring in his step.", "Er geht beschwingt."),
    ],
)
def test_a_season_is_backed_by_the_season_or_a_month_in_it(summary: str, german: str) -> None:
    assert [f for f in unsupported_facts(summary, "", german) if f.kind == "number"] == []


@pytest.mark.parametrize(
    ("summary", "german"),
    [
        ("Construction began in spring 2018.", "Im Herbst 2018 begann der Bau."),
        ("Construction began in the winter.", "Im Sommer begann der Bau."),
        ("Construction began last spring.", "Im Oktober begann der Bau."),
        ("Work paused in the winter holidays.", "In den Sommerferien ruhte die Arbeit."),
    ],
)
def test_a_changed_season_is_flagged(summary: str, german: str) -> None:
    """ "in spring 2018" for "im Herbst 2018" passed: a season was read as no fact at all."""
    assert [f.text for f in unsupported_facts(summary, "", german) if f.kind == "number"] == [
        re.search(r"spring|winter", summary).group(0)  # type: ignore[union-attr]
    ]


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("They drank water from the spring.", "Sie tranken Wasser aus der Quelle.", []),
        ("They met at the spring.", "Sie trafen sich an der Quelle.", []),
        ("He sold the spring water.", "Er verkaufte das Quellwasser.", []),
        # the season still, and still checked
        ("Work stopped until the spring.", "Die Arbeit ruhte bis zum Herbst.", ["spring"]),
        ("Work began in the spring.", "Im Herbst begann die Arbeit.", ["spring"]),
        ("They met at the spring of 2019.", "Sie trafen sich im Herbst 2019.", ["spring"]),
        # the season after the words a water source takes too: read from the German's words
        (
            "The vote was postponed to the spring.",
            "Die Wahl wurde auf den Herbst verschoben.",
            ["spring"],
        ),
        ("Prices rise from the spring.", "Die Preise steigen ab dem Herbst.", ["spring"]),
        ("They met at the spring meeting.", "Sie trafen sich bei der Herbsttagung.", ["spring"]),
        # a well is no spring; sources ("Quellen zufolge") back no season
        ("They drank water from the spring.", "Sie tranken Wasser aus dem Brunnen.", ["spring"]),
        ("Sources say it ends in the spring.", "Quellen zufolge endet es im Herbst.", ["spring"]),
        # a source ("laut einer Quelle") backs no season either
        (
            "A source says it ends in the spring.",
            "Laut einer Quelle endet es im Herbst.",
            ["spring"],
        ),
        (
            "Citing a source, he said talks resume this spring.",
            "Er nannte eine Quelle: Die Gespräche beginnen im Herbst.",
            ["spring"],
        ),
    ],
)
def test_the_spring_that_water_comes_from_is_no_season(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "water from the spring" for "Wasser aus der Quelle" was flagged as a season (spring)
    the German lacks: "the" before "spring" was read as "in the spring". The German's "Quelle"
    backs it; the English words around "the spring" say a season as often."""
    assert [f.text for f in unsupported_facts(summary, "", german) if f.kind == "number"] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        (
            "Buyers will think twice about it.",
            "Käufer werden es sich gut überlegen.",
            [],
        ),
        ("She thought twice before she signed.", "Sie zögerte, bevor sie unterschrieb.", []),
        ("He called once or twice a week.", "Er rief ein paar Mal pro Woche an.", []),
        # a count of two times still, and still checked
        ("He called twice a week.", "Er rief dreimal pro Woche an.", ["twice"]),
        ("She thought about it twice.", "Sie dachte dreimal darüber nach.", ["twice"]),
    ],
)
def test_twice_of_an_idiom_is_no_count(summary: str, german: str, flagged: list[str]) -> None:
    """ "think twice" (be careful) and "once or twice" (a few times) were flagged as a count of
    two times the German lacks, where it said "gut überlegen" and "ein paar Mal"."""
    assert [f.text for f in unsupported_facts(summary, "", german) if f.kind == "number"] == flagged


def test_a_season_is_no_key_fact() -> None:
    """ "in the autumn", like "on Friday", is context, not a figure a reader looks up."""
    facts = key_facts(["Work began in the autumn of 2018 and ended last spring."])
    assert [fact.text for fact in facts] == ["2018"]


@pytest.mark.parametrize(
    ("summary", "german"),
    [
        ("The rent doubled.", "Die Miete verdoppelte sich."),
        ("The rent has tripled.", "Die Miete hat sich verdreifacht."),
        ("Costs have risen tenfold.", "Die Kosten haben sich verzehnfacht."),
        ("He won the title twice.", "Er gewann den Titel zweimal."),
        ("He kept the police busy twice.", "Er beschäftigte die Polizei gleich doppelt."),
        ("Costs are twice as high.", "Die Kosten sind doppelt so hoch."),
        ("The hall doubled as a cinema.", "Die Halle diente auch als Kino."),
    ],
)
def test_a_multiple_said_in_a_word_is_backed_by_the_same_multiple(
    summary: str, german: str
) -> None:
    assert unsupported_facts(summary, "", german) == []


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The rent tripled.", "Die Miete verdoppelte sich.", "tripled"),
        ("The rent has doubled.", "Die Miete hat sich verdreifacht.", "doubled"),
        ("Costs have risen fivefold.", "Die Kosten haben sich verzehnfacht.", "fivefold"),
        ("He won the title twice.", "Er gewann den Titel dreimal.", "twice"),
        ("Costs quadrupled.", "Die Kosten verdoppelten sich.", "quadrupled"),
    ],
)
def test_a_multiple_said_in_a_word_is_flagged_when_the_source_says_another(
    summary: str, german: str, flagged: str
) -> None:
    """ "The rent tripled" for "Die Miete verdoppelte sich", "won the title twice" for
    "dreimal": neither side's word was read as a number, so the changed multiple passed."""
    assert [(f.kind, f.text) for f in unsupported_facts(summary, "", german)] == [
        ("number", flagged)
    ]


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The rent was halved.", "Die Miete wurde verdoppelt.", "halved"),
        ("The rent was halved.", "Die Miete sank um ein Drittel.", "halved"),
        ("The rent fell by half.", "Die Miete sank um ein Viertel.", "half"),
        ("Half of the voters stayed home.", "Ein Drittel der Wähler blieb zu Hause.", "Half"),
        ("A third of the voters stayed home.", "Die halbe Stadt blieb zu Hause.", "A third"),
    ],
)
def test_a_half_said_in_a_word_is_flagged_when_the_source_says_another_share(
    summary: str, german: str, flagged: str
) -> None:
    """ "halved", "by half" and a bare "half of" were read as no number, so "The rent was
    halved" passed for "verdoppelt" and "Half of the voters" for "Ein Drittel"."""
    assert [(f.kind, f.text) for f in unsupported_facts(summary, "", german)] == [
        ("number", flagged)
    ]


@pytest.mark.parametrize(
    ("summary", "german"),
    [
        ("The rent was halved.", "Die Miete wurde halbiert."),
        ("The rent was halved.", "Die Miete sank um die Hälfte."),
        ("The rent fell by half.", "Die Halbierung der Miete."),
        ("Almost half of the voters stayed home.", "Fast die Hälfte der Wähler blieb daheim."),
        ("Half of the town stayed home.", "Die halbe Stadt blieb zu Hause."),
        # one particular half is a time or a place, no share
        ("Sales rose in the first half of 2020.", "Der Umsatz stieg im ersten Halbjahr 2020."),
        ("The other half of the team stayed.", "Der Rest der Mannschaft blieb."),
        ("They scored in the second half.", "Sie trafen in der zweiten Halbzeit."),
    ],
)
def test_a_half_said_in_a_word_is_backed_by_a_german_half(summary: str, german: str) -> None:
    assert unsupported_facts(summary, "", german) == []


@pytest.mark.parametrize(
    ("german", "english", "missing"),
    [
        ("Die Zahl der Fälle ist um 50 Prozent gesunken.", "The number of cases has halved.", []),
        ("Die Kosten sind um 50 % gefallen.", "The costs have halved.", []),
        # another share is still missing from the English
        ("Die Zahl der Fälle ist um 30 Prozent gesunken.", "The number of cases has halved.", [
            "“30 Prozent” not in the English"
        ]),
    ],
)  # fmt: skip
def test_halved_states_a_german_half_in_figures(
    german: str, english: str, missing: list[str]
) -> None:
    """ "halved" for "um 50 Prozent gesunken" was warned of as "“50 Prozent” not in the
    English": the translation's check set English multiples in a word aside, the halving, a
    share the facts check reads as 50 percent, among them."""
    warnings = translation_warnings(german, english)
    assert [w.detail for w in warnings if w.kind == "missing_numbers"] == missing


@pytest.mark.parametrize(
    ("summary", "article", "german"),
    [
        ("Hundreds of fans gathered.", "More than 300 fans gathered outside.", None),
        ("Thousands of people marched.", "Some 5,000 people marched.", None),
        ("Tens of thousands marched.", "Some 50,000 people marched.", None),
        ("Millions of viewers watched.", "Some 5 million viewers watched.", None),
        ("Hundreds of fans gathered.", "", "Mehr als 300 Fans versammelten sich."),
    ],
)
def test_a_plural_scale_is_backed_by_a_figure_of_two_to_nine_of_it(
    summary: str, article: str, german: str | None
) -> None:
    assert unsupported_facts(summary, article, german) == []


@pytest.mark.parametrize(
    ("summary", "article"),
    [
        ("Hundreds of fans gathered.", "More than 30 fans gathered."),
        ("Hundreds of fans gathered.", "Some 3,000 fans gathered."),
        ("Tens of thousands marched.", "Some 5,000 people marched."),
        ("Thousands of people marched.", "Some 50,000 people marched."),
        ("Hundreds of fans gathered.", "They paid $300 each."),
    ],
)
def test_a_plural_scale_is_not_backed_by_a_figure_of_another_size_or_kind(
    summary: str, article: str
) -> None:
    assert [flag.kind for flag in unsupported_facts(summary, article)] == ["number"]


@pytest.mark.parametrize(
    ("summary", "article", "german"),
    [
        ("Millions of euros were lost.", "", "Es gingen 3 Millionen Euro verloren."),
        ("Thousands of euros were stolen.", "Some €5,000 was stolen.", None),
        ("Hundreds of millions of dollars were spent.", "It cost $400 million.", None),
        ("Hundreds of kilometres of roads were closed.", "Some 300 km of roads were shut.", None),
    ],
)
def test_a_plural_scale_of_a_currency_or_unit_is_backed_by_a_figure_of_it(
    summary: str, article: str, german: str | None
) -> None:
    """ "Millions of euros" for "3 Millionen Euro": the plural scale had no currency, the
    figure one, and the commonest way a summary rounds an amount was flagged."""
    assert unsupported_facts(summary, article, german) == []


@pytest.mark.parametrize(
    ("summary", "article", "german"),
    [
        ("Thousands of pounds were raised.", "More than £5,000 was raised.", None),
        ("Millions of pounds were lost.", "", "Es gingen 3 Millionen Pfund verloren."),
        ("Millions of euros were lost.", "", "Der Schaden beträgt 3 Millionen, sagte er."),
    ],
)
def test_a_plural_scale_of_a_currency_is_backed_as_a_figure_of_it_is(
    summary: str, article: str, german: str | None
) -> None:
    """A plural scale of a currency is backed by a figure of it as "3 million pounds" and "3
    million euros" are: by one in the same currency, or one that names none ("3 Millionen").
    "Pounds" is a weight too, and the plural scale's unit (a pound's weight) was asked of
    "£5,000" and "3 Millionen Pfund" as well; "millions of euros" was flagged beside "3
    Millionen", which "3 million euros" is not."""
    assert unsupported_facts(summary, article, german) == []
    assert unsupported_facts(summary.replace("Millions", "3 million"), article, german) == []


def test_a_plural_scale_of_a_currency_is_not_backed_by_another_currency() -> None:
    flags = unsupported_facts("Millions of euros were lost.", "The company lost $3 million.")
    assert [flag.kind for flag in flags] == ["number"]


@pytest.mark.parametrize(
    ("summary", "article"),
    [
        ("The United Nations condemned the attack.", "The UN condemned the attack."),
        ("He moved to the United States in 2010.", "He moved to the US in 2010."),
        ("The European Central Bank raised rates.", "The ECB raised rates."),
    ],
)
def test_a_name_of_ordinary_words_is_backed_by_its_initials(summary: str, article: str) -> None:
    assert unsupported_facts(summary, article) == []


@pytest.mark.parametrize(
    ("summary", "article"),
    [
        ("The United Nations condemned the attack.", "The EU condemned the attack."),
        ("He moved to the United States in 2010.", "He moved to the UK in 2010."),
        ("Bobby Robson was there.", "The BR chairman was there."),
        ("They drew with SC Champions.", "They drew with SC Paderborn."),
    ],
)
def test_a_name_of_ordinary_words_is_not_backed_by_other_initials(
    summary: str, article: str
) -> None:
    assert [flag.kind for flag in unsupported_facts(summary, article)] == ["name"]


def test_a_body_or_title_with_of_and_its_place_is_one_name() -> None:
    """ "Bank of England", "University of Cologne": one name, one key fact, not the two rows
    "Bank" and "England" (half the list's rows on an article about a central bank); a person
    "of" a party stays apart from it, as a title before a person's full name does."""
    facts = key_facts(
        [
            "The Bank of England raised rates, a professor at the University of Cologne said.",
            "The Bank of England's governor met the Chancellor of the Exchequer.",
        ]
    )
    names = [fact.text for fact in facts if fact.kind == "name"]
    assert names == ["Bank of England", "University of Cologne", "Chancellor of the Exchequer"]
    assert [name for name, _ in find_names("Angela Merkel of the CDU spoke.")] == [
        "Angela Merkel",
        "CDU",
    ]
    assert [name for name, _ in find_names("He met the Mayor of London Sadiq Khan.")] != [
        "Mayor of London Sadiq Khan"
    ]


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        (
            "The Bank of France cut its key rate on Monday.",
            "The Bank of England cut its key rate on Monday. Markets in France rose.",
            None,
            "Bank of France",
        ),
        (
            "Scientists from the Technical University of Hof helped the police.",
            "Scientists from the Technical University of Munich helped. The police of Hof "
            "have worked on the case since last year.",
            "Wissenschaftler der Technischen Universität München halfen. Die Kripo Hof "
            "arbeitet seit letztem Jahr an dem Fall.",
            "Technical University of Hof",
        ),
        (
            "The Duke of York opened the bridge.",
            "The Duke of Kent opened the bridge on his way to York.",
            None,
            "Duke of York",
        ),
    ],
)
def test_a_body_with_of_is_backed_by_its_own_place(
    summary: str, english: str, german: str | None, flagged: str
) -> None:
    """A body or title "of" a place is one name ("Bank of France"): a source that states the
    body of another place and this place elsewhere ("the Bank of England", "in France") backs
    each word, not the institution, which was not flagged."""
    flags = unsupported_facts(summary, english, german)
    assert [(flag.kind, flag.text) for flag in flags] == [("name", flagged)]


@pytest.mark.parametrize(
    ("summary", "english", "german"),
    [
        ("The Bank of England cut rates.", "The Bank of England cut rates in France.", None),
        ("The Bank of France cut rates.", "France's central bank cut rates.", None),
        ("The University of Cologne won.", "Cologne University won the prize.", None),
        (
            "The University of Cologne won.",
            "The university won.",
            "Die Universität zu Köln gewann.",
        ),
        (
            "The Governor of the Bank of England spoke.",
            "The governor of the Bank of England spoke.",
            None,
        ),
        ("The Bank of the Netherlands spoke.", "The bank of the Netherlands spoke.", None),
        (
            "The President of the European Commission spoke.",
            "European Commission President Ursula von der Leyen spoke.",
            None,
        ),
        # a country's adjective before the body is the country
        (
            "The President of France spoke.",
            "French President Emmanuel Macron spoke. Protests went on across France.",
            None,
        ),
        # … also where the article never writes the country's name
        ("The President of France spoke.", "French President Emmanuel Macron spoke.", None),
        ("The Prime Minister of Spain resigned.", "The Spanish Prime Minister resigned.", None),
    ],
)
def test_a_body_with_of_is_backed_by_its_place_in_any_wording(
    summary: str, english: str, german: str | None
) -> None:
    assert unsupported_facts(summary, english, german) == []


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        ("Belgian police made arrests.", "Police in Belgium made arrests.", None, []),
        ("Belgium made arrests.", "Belgian police made arrests.", None, []),
        ("Norway made arrests.", "Norwegian police made arrests.", None, []),
        ("Norwegian police made arrests.", "", "Norwegen meldete Festnahmen.", []),
        ("The Prime Minister of Norway spoke.", "The Norwegian Prime Minister spoke.", None, []),
        ("Kazakh police made arrests.", "Police in Kazakhstan made arrests.", None, []),
        # another country's adjective is still flagged
        ("Belgian police made arrests.", "Police in Norway made arrests.", None, ["Belgian"]),
    ],
)
def test_a_country_and_its_adjective_back_one_another_where_cldr_names_no_language_so(
    summary: str, english: str, german: str | None, flagged: list[str]
) -> None:
    """Belgium's language in CLDR is Dutch, Norway's "Norwegian Bokmål", Kazakhstan's Russian:
    "Belgian police" for "police in Belgium" was flagged, as no ending joins the two."""
    assert [f.text for f in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "article", "flagged"),
    [
        # a country's people, in a word no ending joins to it, back it and its adjective
        ("The Spaniard won the final.", "The player from Spain won the final.", []),
        ("Spanish striker Diego Costa scored.", "The Spaniard Diego Costa scored.", []),
        ("The Frenchman won the final.", "The French player won the final.", []),
        ("The Dutchman won the final.", "The player from the Netherlands won the final.", []),
        ("The Englishman won the Masters.", "The golfer from England won the Masters.", []),
        ("Britons voted in the poll.", "Voters in Britain took part in the poll.", []),
        ("Denmark won the final.", "The Danes won the final.", []),
        # a word of the language is none ("pole position" is not of Poland)
        ("Poland took pole position.", "Hamilton took pole position.", ["Poland"]),
        # another country's people are still flagged
        ("The Spaniard won the final.", "The player from Sweden won the final.", ["Spaniard"]),
        ("The Frenchman won the final.", "The Dutch player won the final.", ["Frenchman"]),
    ],
)
def test_a_countrys_people_back_the_country_and_its_adjective(
    summary: str, article: str, flagged: list[str]
) -> None:
    """ "The Spaniard" for "the player from Spain", "the Frenchman" for "the French player"
    were flagged as names the article lacks, no ending joining the two."""
    assert [f.text for f in unsupported_facts(summary, article)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "flagged"),
    [
        ("The Prime Minister of Britain spoke.", "British Prime Minister Theresa May", None),
        ("The President of the United States spoke.", "U.S. President Barack Obama", None),
        ("The President of the United States spoke.", "American President Joe Biden", None),
        ("The Prime Minister of the Netherlands spoke.", "Dutch Prime Minister Mark Rutte", None),
        ("The President of Turkey spoke.", "Turkish President Recep Tayyip Erdogan", None),
        ("The Prime Minister of Ireland spoke.", "Irish Prime Minister Leo Varadkar", None),
        ("The President of Mexico spoke.", "Mexican President Andres Manuel Lopez", None),
        # another country's adjective backs no body of this one
        (
            "The Prime Minister of Ireland spoke.",
            "British Prime Minister Theresa May",
            "Prime Minister of Ireland",
        ),
    ],
)
def test_a_countrys_irregular_adjective_before_a_body_is_the_country(
    summary: str, english: str, flagged: str | None
) -> None:
    """A country's adjective or abbreviation that is no language's name nor begins with the
    country's ("British", "U.S.", "Dutch", "Turkish": CLDR's English name is "Türkiye") backs
    the body "of" that country, as "French" does: the summary's "Prime Minister of Britain"
    was flagged as not in an article with "British Prime Minister" and "Britain" elsewhere."""
    country = summary.split(" of ")[1].removesuffix(" spoke.").removeprefix("the ")
    article = f"{english} spoke on Monday. Reporters in {country} asked questions."
    flags = unsupported_facts(summary, article)
    assert [(flag.kind, flag.text) for flag in flags] == ([("name", flagged)] if flagged else [])


@pytest.mark.parametrize(
    ("summary", "english"),
    [
        ("France sent troops.", "French troops arrived on Monday."),
        ("French troops arrived.", "Troops from France arrived on Monday."),
        ("Poland voted.", "Polish voters went to the polls."),
        ("The Greek government resigned.", "The government of Greece resigned."),
    ],
)
def test_a_country_and_its_adjective_back_one_another(summary: str, english: str) -> None:
    """A country and its adjective, which no ending joins (France and French, Poland and
    Polish, from CLDR as the German names are), are one name, as Korea and Korean are: the
    summary's "France" was flagged as not in an article that says "French troops"."""
    assert unsupported_facts(summary, english) == []
    # another country's adjective still backs nothing
    assert [flag.text for flag in unsupported_facts("Germany sent troops.", english)] == ["Germany"]
    # nor a country whose name begins with it ("French Guiana" is no France)
    assert [flag.text for flag in unsupported_facts("French Guiana voted.", english)] == [
        "French Guiana"
    ]
    # "English" is the language more often than England's: it backs no "England"
    interview = "The minister gave the interview in English on Monday."
    assert [flag.text for flag in unsupported_facts("England won.", interview)] == ["England"]
    # "U.S." folds to "us", which the pronoun does too: it backs no "American"
    told = "The general told us the troops arrived on Monday."
    assert [flag.text for flag in unsupported_facts("American troops arrived.", told)] == [
        "American"
    ]


@pytest.mark.parametrize(
    ("summary", "english"),
    [
        (
            "The Duke of Cambridge visited a school.",
            "The Duke and Duchess of Cambridge visited a school on Monday.",
        ),
        (
            "The University of Cambridge will cooperate.",
            "The universities of Oxford and Cambridge said they would cooperate.",
        ),
        (
            "The Bank of Scotland raised rates.",
            "The central banks of England, Wales or Scotland raised rates.",
        ),
    ],
)
def test_a_body_with_of_is_backed_by_a_pair_or_list(summary: str, english: str) -> None:
    """A body or place that is one of a pair or list joined by "of" backs each of its names:
    "the Duke and Duchess of Cambridge" was read as "Duke" and "Cambridge" apart, and a
    summary's "Duke of Cambridge" flagged as not in the article."""
    assert unsupported_facts(summary, english) == []


@pytest.mark.parametrize(
    ("summary", "english", "flagged"),
    [
        (
            "The Duke of York opened the bridge.",
            "The Duke and Duchess of Kent opened it in York.",
            "Duke of York",
        ),
        (
            "The Bank of France cut rates.",
            "The Bank of England cut rates. France and Spain rose.",
            "Bank of France",
        ),
    ],
)
def test_a_pair_joined_by_of_backs_only_its_own_names(
    summary: str, english: str, flagged: str
) -> None:
    assert [flag.text for flag in unsupported_facts(summary, english)] == [flagged]


def test_a_german_place_with_its_river_is_one_name() -> None:
    """ "Frankfurt am Main", as the translator keeps it, is one key fact: it was two rows,
    "Frankfurt" and "Main", the river listed as a name of the article."""
    facts = key_facts(["Flights from Frankfurt am Main and Halle an der Saale were cancelled."])
    names = [fact.text for fact in facts if fact.kind == "name"]
    assert names == ["Frankfurt am Main", "Halle an der Saale"]
    assert [name for name, _ in find_names("He met Merkel am Tuesday.")] == ["Merkel"]


@pytest.mark.parametrize(
    ("summary", "source", "flagged"),
    [
        ("King Charles II spoke on Monday.", "King Charles III spoke on Monday.", ["Charles II"]),
        ("Henry VIII ruled England.", "Henry VII ruled England.", ["Henry VIII"]),
        ("Henry VII ruled England.", "Henry VIII ruled England.", ["Henry VII"]),
        ("Henry VIII ruled England.", "Henry VIII ruled England.", []),
        ("Queen Elizabeth II died.", "The death of Queen Elizabeth II was announced.", []),
        ("The Israeli army came.", "Israel sent its army.", []),
    ],
)
def test_a_roman_number_after_a_name_is_no_ending_of_it(
    summary: str, source: str, flagged: list[str]
) -> None:
    """ "Charles II" for an article's "Charles III" passed: the transliteration that reads
    "Wladimir" as "Vladimir" let doubled letters fall together ("III" as "I"), and the "-i"
    that joins "Israeli" to "Israel" joined "II" to "III". Another ruler is another name."""
    assert [f.text for f in unsupported_facts(summary, source)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("King Charles III spoke on Monday.", "König Karl III. sprach am Montag.", []),
        ("Charles III spoke on Monday.", "Karl III. sprach am Montag.", []),
        ("Pope Francis spoke on Monday.", "Papst Franziskus sprach am Montag.", []),
        ("Pope Benedict XVI resigned.", "Papst Benedikt XVI. trat zurück.", []),
        ("Pope John Paul II died.", "Papst Johannes Paul II. starb.", []),
        ("Louis XIV built the palace.", "Ludwig XIV. baute das Schloss.", []),
        ("Queen Elizabeth II died.", "Königin Elisabeth II. starb.", []),
        ("The visit of Pope Francis ended.", "Der Besuch des Papstes Franziskus endete.", []),
        # another number, or a commoner's given name, is still no such name
        ("King Charles II spoke on Monday.", "König Karl III. sprach am Montag.", ["Charles II"]),
        (
            "Charles Lauterbach spoke on Monday.",
            "Karl Lauterbach sprach am Montag.",
            ["Charles Lauterbach"],
        ),
        ("Pope Gregory spoke on Monday.", "Papst Franziskus sprach am Montag.", ["Gregory"]),
    ],
)
def test_a_sovereigns_or_popes_german_given_name_backs_its_english_form(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Charles III" for "Karl III.", "Pope Francis" for "Papst Franziskus", "Benedict XVI" for
    "Benedikt XVI." were flagged as names the article lacks: German and English write these
    given names each in its own form. A table of them is read after a ruler's or pope's title
    or before a number, so a commoner's "Karl" stays Karl."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("german", "english", "warned"),
    [
        # an adverb with a negative prefix before an adjective says how much
        ("Er war nicht vorsichtig.", "He was incredibly careful.", True),
        ("Der Zug war nicht schnell.", "The train was unbelievably fast.", True),
        ("Der Winter war nicht warm.", "The winter was unusually warm.", True),
        ("Die neue Version ist nicht besser.", "The new version is infinitely better.", True),
        # the German says the degree too, or the adverb says how, or no degree at all
        ("Es ist unglaublich wichtig.", "It is incredibly important.", False),
        ("Er wurde nicht korrekt informiert.", "He was incorrectly informed.", False),
        ("Es wird wahrscheinlich nicht regnen.", "It is unlikely to rain.", False),
        ("Er handelte nicht angemessen und ging.", "He acted inappropriately and left.", False),
    ],
)
def test_an_adverb_of_degree_with_a_negative_prefix_is_no_negation(
    german: str, english: str, warned: bool
) -> None:
    """ "He was incredibly careful" for "Er war nicht vorsichtig" was not warned of: the
    "in-" of "incredibly" (as of "unusually", "infinitely") counted as the English's negation.
    Before an adjective or adverb such a word says how much, and negates nothing."""
    assert bool(_negation_warned(german, english)) is warned


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        ("John F. Kennedy spoke in Berlin.", "", "John Kennedy sprach in Berlin.", []),
        ("John F. Kennedy spoke in Berlin.", "John Kennedy spoke in Berlin.", None, []),
        ("President John F. Kennedy spoke.", "", "Präsident John Kennedy sprach.", []),
        # another initial, another surname, or the surname alone still flag
        (
            "John F. Kennedy spoke in Berlin.",
            "John G. Kennedy spoke in Berlin.",
            None,
            ["John F. Kennedy"],
        ),
        ("John F. Smith spoke in Berlin.", "", "John Kennedy sprach in Berlin.", ["John F. Smith"]),
        ("John F. Kennedy spoke in Berlin.", "", "Kennedy sprach in Berlin.", ["John F. Kennedy"]),
    ],
)
def test_a_middle_initial_the_article_leaves_out_is_no_other_name(
    summary: str, english: str, german: str | None, flagged: list[str]
) -> None:
    """ "John F. Kennedy" for the article's "John Kennedy" was flagged as a name the article
    lacks, though "John Kennedy" for its "John F. Kennedy" passed: the middle initial had to be
    stated. It may be left out now, unless a source gives the name another initial."""
    assert [f.text for f in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("He criticised him during the World Cup.", "Er kritisierte ihn während der WM.", []),
        ("The World Cup starts on Friday.", "Die Fußball-WM beginnt am Freitag.", []),
        ("The European Championship was awarded.", "Die EM wurde vergeben.", []),
        ("They competed at the Olympic Games.", "Sie traten bei den Olympischen Spielen an.", []),
        ("The festival took place at Pentecost.", "Das Fest fand an Pfingsten statt.", []),
        ("Merkel as Chancellor until 2021", "Merkel bis 2021 als Kanzlerin", []),
        ("The President spoke on Monday.", "Der DFB-Präsident sprach am Montag.", []),
        # another event, feast or office is still flagged
        ("The World Cup starts on Friday.", "Die EM beginnt am Freitag.", ["World Cup"]),
        ("He came at Christmas.", "Er kam zu Ostern.", ["Christmas"]),
        ("The Chancellor spoke on Monday.", "Der Präsident sprach am Montag.", ["Chancellor"]),
    ],
)
def test_a_german_sports_event_feast_or_office_backs_its_english_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "World Cup" for "WM", "Olympic Games" for "Olympischen Spielen", "Pentecost" for
    "Pfingsten", "Chancellor" for "Kanzlerin" were flagged as names the article lacks (WMT19's
    human translations of them were): German news writes them in words of its own."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("He came over the Easter holidays.", "Er kam in den Osterferien.", []),
        ("He came at Christmas time.", "Er kam in der Weihnachtszeit.", []),
        ("He visited the Christmas market.", "Er besuchte den Weihnachtsmarkt.", []),
        ("He came at Whitsun.", "Er kam am Pfingstwochenende.", []),
        ("He came on New Year's Eve.", "Er kam zur Silvesterparty.", []),
        ("He gave a New Year's speech.", "Er hielt eine Neujahrsansprache.", []),
        # another feast's compound, or a town's name, is no feast
        ("He came at Easter.", "Er kam in den Pfingstferien.", ["Easter"]),
        ("He came at Christmas.", "Er kam in den Osterferien.", ["Christmas"]),
        ("He came at Easter.", "Er kam nach Osterode.", ["Easter"]),
    ],
)
def test_a_feast_beginning_a_german_compound_backs_its_english_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "the Easter holidays" for "Osterferien", "Christmas time" for "Weihnachtszeit" were
    flagged as names the article lacks: the feast was read in "Ostern" and "Weihnachten" only,
    as whole words, while German writes most of its mentions as a compound's first part."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The shop closes on New Year's Eve.", "Der Laden schließt an Silvester.", []),
        ("Fireworks lit up New Year's Eve.", "Feuerwerk erhellte die Silvesternacht.", []),
        ("The shop closes on New Year's Day.", "Der Laden schließt an Neujahr.", []),
        # another feast is still flagged, whole
        ("The shop closes on New Year's Eve.", "Der Laden schließt an Heiligabend.",
         ["New Year's Eve"]),
        ("The shop closes on Christmas Eve.", "Der Laden schließt an Silvester.",
         ["Christmas Eve"]),
    ],
)  # fmt: skip
def test_a_feast_named_by_a_possessive_is_one_name_backed_by_its_german_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "New Year's Eve" for "Silvester" was flagged as two names, "New Year" and "Eve", and
    "New Year's Day" for "Neujahr" as "Day": the possessive split the feast's name in two."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("The shop closes on Christmas Day.", "Der Laden schließt an Weihnachten.", []),
        ("The shop closes on Christmas Day.", "Der Laden schließt am ersten Weihnachtsfeiertag.",
         []),
        ("The shop closes on Christmas Day.", "Der Laden schließt am 1. Weihnachtsfeiertag.", []),
        ("The shop closes on Boxing Day.", "Der Laden schließt am zweiten Weihnachtsfeiertag.",
         []),
        ("The shop closes on Boxing Day.", "Der Laden schließt am 2. Weihnachtsfeiertag.", []),
        ("Shops close on Christmas Day and Boxing Day.",
         "Am ersten und zweiten Weihnachtsfeiertag schließen die Läden.", []),
        ("The shop closes on Ascension Day.", "Der Laden schließt an Himmelfahrt.", []),
        ("The shop closes on Christmas Eve.", "Der Laden schließt am Heiligen Abend.", []),
        ("The shop closes during Carnival.", "Der Laden schließt an Fasching.", []),
        ("The shop closes during Carnival.", "Der Laden schließt an Karneval.", []),
        ("The shop closes during Carnival.", "Der Laden schließt an Fastnacht.", []),
        ("The Carnival parade was cancelled.", "Der Karnevalsumzug wurde abgesagt.", []),
        ("The shop closes on Reformation Day.", "Der Laden schließt am Reformationstag.", []),
        ("The shop closes on German Unity Day.",
         "Der Laden schließt am Tag der Deutschen Einheit.", []),
        ("The shop closes on the Day of German Unity.",
         "Der Laden schließt am Tag der deutschen Einheit.", []),
        # another feast, or the other Christmas day, is still flagged
        ("The shop closes on Boxing Day.", "Der Laden schließt an Heiligabend.", ["Boxing Day"]),
        ("The shop closes on Boxing Day.", "Der Laden schließt am ersten Weihnachtsfeiertag.",
         ["Boxing Day"]),
        ("The shop closes on Christmas Day.", "Der Laden schließt am 2. Weihnachtsfeiertag.",
         ["Christmas Day"]),
        ("The shop closes on Christmas Day.", "Über die Weihnachtsfeiertage ist er zu.",
         ["Christmas Day"]),
        ("The shop closes on Christmas Eve.", "Der Laden schließt an Weihnachten.",
         ["Christmas Eve"]),
        ("The shop closes on Ascension Day.", "Der Laden schließt an Mariä Himmelfahrt.",
         ["Ascension Day"]),
        ("The shop closes on Reformation Day.",
         "Der Laden schließt am Tag der Deutschen Einheit.", ["Reformation Day"]),
        ("The shop closes during Carnival.", "Der Laden schließt an Ostern.", ["Carnival"]),
    ],
)  # fmt: skip
def test_a_feast_named_in_german_words_of_its_own_backs_its_english_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Christmas Day" for "Weihnachten" or "1. Weihnachtsfeiertag", "Boxing Day" for "zweiter
    Weihnachtsfeiertag", "Ascension Day" for "Himmelfahrt", "Christmas Eve" for "Heiliger
    Abend", "Carnival" for "Fasching", "Reformation Day", "German Unity Day" were flagged as
    names the article lacks: institutions.toml had no German name for them."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("Christians in Geisingen celebrate.", "Geisinger Christen feiern.", []),
        ("Catholics in Geisingen celebrate.", "Die Geisinger Katholiken feiern.", []),
        ("A Christian motorcycle group came.", "Eine christliche Motorradgruppe kam.", []),
        ("A Jewish group came.", "Eine jüdische Gruppe kam.", []),
        ("They walked to the Church of the Holy Cross.", "Sie gingen zur Heilig-Kreuz-Kirche.", []),
        ("The Holy Spirit came.", "Der Heilige Geist kam.", []),
        # another faith or dedication is still flagged
        ("Jews celebrate.", "Christen feiern.", ["Jews"]),
        ("The Holy Family church opened.", "Die Heilig-Kreuz-Kirche öffnete.", ["Holy Family"]),
    ],
)
def test_a_german_faith_its_people_or_a_churchs_dedication_backs_its_english_name(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Christians" for "Christen", "Catholics" for "Katholiken", "Christian" for "christliche",
    "Holy Cross" for "Heilig-Kreuz-Kirche" were flagged as names the article lacks (WMT19's
    human translations of them were)."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("A Bundestag member spoke.", "Ein CDU-Bundestagsabgeordneter sprach.", []),
        ("The former Wimbledon winner came.", "Die Ex-Wimbledonsiegerin kam.", []),
        ("He showed a Hitler salute.", "Er zeigte den Nazi-Hitlergruß.", []),
        # another name, or a name shorter than five letters, is still flagged
        ("A Bundesrat member spoke.", "Ein CDU-Bundestagsabgeordneter sprach.", ["Bundesrat"]),
        ("Hans came to town.", "Die Ex-Hansestadt feierte.", ["Hans"]),
    ],
)
def test_a_name_at_the_start_of_a_hyphenated_compounds_last_part_is_stated(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Bundestag" for "CDU-Bundestagsabgeordneter" was flagged as a name the German lacks,
    though "Bundestagsabgeordneter" alone backed it: a compound's beginnings were read only
    where no hyphen stood before it."""
    assert [f.text for f in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT19 s616 and WMT21 freiepresse.de.254098#3, the human references
        (
            "Max Eberl from Bundesliga soccer team Borussia Mönchengladbach sees no rush.",
            "Max Eberl vom Fußball-Bundesligisten Borussia Mönchengladbach sieht keine Eile.",
            [],
        ),
        (
            "It is the only test for the Bundesliga club.",
            "Für den Bundesligisten ist es der einzige Test.",
            [],
        ),
        ("The Regionalliga side Aschaffenburg won.", "Regionalligist Aschaffenburg gewann.", []),
        # another league still flags
        (
            "The Premier League club Schalke won.",
            "Der Bundesligist Schalke gewann.",
            ["Premier League"],
        ),
        ("The Bundesliga club Schalke won.", "Der Zweitligist Schalke gewann.", ["Bundesliga"]),
    ],
)
def test_a_german_noun_in_ist_backs_its_name_in_a(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Bundesliga club" for "Bundesligist" was flagged as a name the German lacks: the club of
    a league ("Liga") is its "Ligist", the league's name with "-ist" for its "-a"."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # CLDR's English "Myanmar (Burma)": both names, from the German "Myanmar"
        ("Burma held elections in the spring.", "Myanmar hielt im Frühjahr Wahlen ab.", []),
        ("Myanmar held elections in the spring.", "Myanmar hielt im Frühjahr Wahlen ab.", []),
        # a former or other name, either way
        ("Myanmar held elections in the spring.", "Birma hielt im Frühjahr Wahlen ab.", []),
        ("Swaziland held elections in the spring.", "Eswatini hielt im Frühjahr Wahlen ab.", []),
        ("Eswatini held elections in the spring.", "Swasiland hielt im Frühjahr Wahlen ab.", []),
        ("East Timor held elections in the spring.", "Osttimor hielt im Frühjahr Wahlen ab.", []),
        ("Moldova held elections in the spring.", "Moldawien hielt im Frühjahr Wahlen ab.", []),
        ("He has lived in Holland for years.", "Er lebt seit Jahren in den Niederlanden.", []),
        ("The Netherlands held elections.", "Holland hielt Wahlen ab.", []),
        # another country still flags
        (
            "Burma held elections in the spring.",
            "Die Schweiz hielt im Frühjahr Wahlen ab.",
            ["Burma"],
        ),
        (
            "Swaziland held elections in the spring.",
            "Simbabwe hielt im Frühjahr Wahlen ab.",
            ["Swaziland"],
        ),
        (
            "Holland held elections in the spring.",
            "Belgien hielt im Frühjahr Wahlen ab.",
            ["Holland"],
        ),
    ],
)
def test_a_country_under_another_name_backs_the_country(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Burma" for the German "Myanmar", "Swaziland" for "Eswatini", "Holland" for "die
    Niederlande" were flagged as names the article lacks: CLDR's "Myanmar (Burma)" was read as
    one word that backed neither, and a country's former or other name as none of it."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "english", "german", "flagged"),
    [
        # other middle initials between the same given name and surname: another person
        (
            "Former president George W. Bush visited Berlin in May.",
            "",
            "Der frühere Präsident George H. W. Bush besuchte im Mai Berlin.",
            ["George W. Bush"],
        ),
        (
            "Former president George H. W. Bush visited Berlin in May.",
            "Former president George W. Bush visited Berlin in May.",
            None,
            ["George H. W. Bush"],
        ),
        # the same initials, written with or without a space, or none in the source, pass
        (
            "Former president George H.W. Bush visited Berlin in May.",
            "",
            "Der frühere Präsident George H. W. Bush besuchte im Mai Berlin.",
            [],
        ),
        (
            "Former president George W. Bush visited Berlin in May.",
            "",
            "Der frühere Präsident George Bush besuchte im Mai Berlin.",
            [],
        ),
        (
            "Former president George Bush visited Berlin in May.",
            "",
            "Der frühere Präsident George H. W. Bush besuchte im Mai Berlin.",
            [],
        ),
        # a source that names both backs either
        (
            "Former president George W. Bush visited Berlin in May.",
            "",
            "George H. W. Bush und sein Sohn George W. Bush besuchten im Mai Berlin.",
            [],
        ),
    ],
)
def test_other_middle_initials_are_another_person(
    summary: str, english: str, german: str | None, flagged: list[str]
) -> None:
    """ "George W. Bush" for the article's "George H. W. Bush" (his father) passed: each word
    was stated, one or two words apart, and only a source with as many initials was read as
    another initial. "George Bush" for it was flagged: its words stood three apart."""
    assert [f.text for f in unsupported_facts(summary, english, german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT21 dnn-online.de.39567#1, infranken.de.309607#8, faz.79601#23 (reference A)
        (
            "The Windberg Festival will not take place this year.",
            "Das Windbergfest findet in diesem Jahr nicht statt.",
            [],
        ),
        (
            "She has been visiting the Rakoczy Festival in Bad Kissingen for 25 years.",
            "Sie besucht seit 25 Jahren immer zum Rakoczy-Fest Bad Kissingen.",
            [],
        ),
        (
            "Demonstrators broke windows, reported Oakland Police late on Saturday evening.",
            "Demonstranten hätten Fenster eingeschlagen, teilte die Polizei von Oakland am "
            "späten Samstagabend mit.",
            [],
        ),
        # another name before the kind, or another kind, still flag
        (
            "The Windberg Festival will not take place this year.",
            "Das Winterbergfest findet in diesem Jahr nicht statt.",
            ["Windberg Festival"],
        ),
        (
            "The Windberg Festival will not take place this year.",
            "Das Windbergrennen findet in diesem Jahr nicht statt.",
            ["Windberg Festival"],
        ),
        (
            "Demonstrators broke windows, reported Oakland Police late on Saturday evening.",
            "Demonstranten hätten Fenster eingeschlagen, teilte die Feuerwehr von Oakland am "
            "späten Samstagabend mit.",
            ["Oakland Police"],
        ),
    ],
)
def test_a_kind_said_in_german_with_its_name_backs_the_translators_word(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Windberg Festival" for "Windbergfest" and "Oakland Police" for "die Polizei von
    Oakland" were flagged as names the German lacks: a festival's kind was read only as
    "Festival" or "Festspiele" and apart from the name, and a police force's not at all."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT21 abendzeitung-muenchen.de.275242#B9, augsburger-allgemeine.de.107103#B5 (ref. B)
        (
            "If Würzburg, who were recently promoted to Division 2, reach the final.",
            "Sollte Zweitliga-Aufsteiger Würzburg das Finale erreichen.",
            [],
        ),
        (
            "They were relegated to Division 3 last season.",
            "Sie stiegen vergangene Saison in die 3. Liga ab.",
            [],
        ),
        (
            "The German championships in early September on Timmendorf Beach.",
            "Die deutschen Meisterschaften Anfang September in Timmendorfer Strand.",
            [],
        ),
        # no league in the German, another place by the beach, another league: still flagged
        (
            "If Würzburg, who were recently promoted to Division 2, reach the final.",
            "Sollte Aufsteiger Würzburg das Finale erreichen. Der Strompreis steigt.",
            ["2", "Division"],
        ),
        (
            "The German championships in early September on Travemünde Beach.",
            "Die deutschen Meisterschaften Anfang September in Timmendorfer Strand.",
            ["Travemünde Beach"],
        ),
        (
            "A week before the Premier Division season begins.",
            "Eine Woche vor dem Drittliga-Start.",
            ["Premier Division"],
        ),
    ],
)
def test_a_league_or_beach_in_german_backs_the_translators_division_or_beach(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Division 2" for "Zweitliga" and "Timmendorf Beach" for "Timmendorfer Strand" were
    flagged as names the German lacks: no kind read "Division" or "Beach", and a league's
    "-liga" was read only as the word "Liga", not at a compound's end."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # the adjective or particle "fest" (firm, fixed) names no festival
        ("The Festival was cancelled.", "Der Termin steht fest.", ["Festival"]),
        (
            "The Salzburg Festival was cancelled.",
            "Die Absage für Salzburg steht fest.",
            ["Salzburg Festival"],
        ),
        ("The Festival was cancelled.", "Fest steht: der Termin steht nicht fest.", ["Festival"]),
        ("The Windberg Festival was cancelled.", "Windberg ist wetterfest.", ["Windberg Festival"]),
        # the noun "Fest", alone or a compound's end, still backs it
        ("The Festival was cancelled.", "Das Fest wurde abgesagt.", []),
        ("The Festival was cancelled.", "Fest abgesagt: Der Termin fällt aus.", []),
        ("The Festival was cancelled.", "Die Absage für das Fest steht fest.", []),
        ("The Salzburg Festival was cancelled.", "Das Salzburger Fest wurde abgesagt.", []),
        ("The Windberg Festival was cancelled.", "Das Windbergfest wurde abgesagt.", []),
    ],
)
def test_a_german_word_written_small_is_no_kind(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "Festival" was backed by the adjective "fest" of "Der Termin steht fest": a kind's
    German word was read in any case, though German writes every noun with a capital."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        # WMT21 np-coburg.de.105627#10, landeszeitung.de.13223#2, oe24.at.258757#2 (reference A)
        (
            "Greens and SPD blamed the State government for shared responsibility.",
            "Grüne und SPD gaben der Staatsregierung Mitverantwortung.",
            [],
        ),
        (
            "However, Federal Minister of the Interior Horst Seehofer is pushing for a "
            "lengthening of the retention period.",
            "Bundesinnenminister Horst Seehofer fordert allerdings eine Verlängerung der "
            "Speicherfrist.",
            [],
        ),
        (
            "The State health care department Vienna informs regularly.",
            "Die Landessanitätsdirektion Wien informiert regelmäßig.",
            [],
        ),
        ("The Federal Minister spoke.", "Die Bundesministerin sprach.", []),
        # the other level, or an adjective ("bundesweit": nationwide), still flag
        (
            "Greens and SPD blamed the Federal government for shared responsibility.",
            "Grüne und SPD gaben der Staatsregierung Mitverantwortung.",
            ["Federal"],
        ),
        ("The State Minister spoke.", "Der Bundesminister sprach.", ["State Minister"]),
        (
            "The State Minister spoke.",
            "Der Bundesminister sprach mit der Landesregierung.",
            ["State Minister"],
        ),
        ("The Federal Minister spoke.", "Der Landesminister sprach.", ["Federal Minister"]),
        (
            "Greens and SPD blamed the State government.",
            "Grüne und SPD gaben der Regierung bundesweit und landesweit Mitverantwortung.",
            ["State"],
        ),
    ],
)
def test_federal_and_state_begin_a_german_compound(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "State government" for "Staatsregierung" and "Federal Minister" for
    "Bundesinnenminister" were flagged as names the German lacks: German says the federation
    ("Bundes-") or a state ("Landes-", "Staats-") as the beginning of one noun."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "source", "flagged"),
    [
        ("J. Smith said so.", "John Smith sagte das.", []),
        ("J. R. Smith said so.", "John Robert Smith sagte das.", []),
        # an initial after an ordinary word, read as a sentence's end ("chose plan B. Merkel")
        ("Tesla boss E. Musk caused nervousness.", "Tesla-Chef Elon Musk sorgte für Unruhe.", []),
        # a full given name the source does not write, other given names, or a given name
        # and a surname apart, still flag
        ("John Smith said so.", "J. Smith sagte das.", ["John Smith"]),
        ("J. Smith said so.", "Mark Smith sagte das.", ["J. Smith"]),
        ("J.R. Smith said so.", "John Mark Smith sagte das.", ["J.R. Smith"]),
        ("J. Smith said so.", "John Brown und Mary Smith sagten das.", ["J. Smith"]),
        (
            "Tesla boss Q. Musk caused nervousness.",
            "Tesla-Chef Elon Musk sorgte für Unruhe.",
            ["Q"],
        ),
    ],
)
def test_an_initial_stands_for_the_given_name_it_begins(
    summary: str, source: str, flagged: list[str]
) -> None:
    """ "J. Smith" for the article's "John Smith" was flagged as a name the article lacks: a
    given name backed only a longer one of three letters or more ("Alex" for "Alexander")."""
    assert [flag.text for flag in unsupported_facts(summary, "", source)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("It grew 0.5 percent.", "Es wuchs um ein halbes Prozent.", []),
        ("It grew half a percent.", "Es wuchs um 0,5 Prozent.", []),
        (
            "Rates rose 0.5 percentage points.",
            "Die Zinsen stiegen um einen halben Prozentpunkt.",
            [],
        ),
        ("Rates rose half a percentage point.", "Die Zinsen stiegen um 0,5 Prozentpunkte.", []),
        # another share, or a share for points, still flags
        ("It grew 1.5 percent.", "Es wuchs um ein halbes Prozent.", ["1.5 percent"]),
        ("It grew half a percent.", "Es wuchs um fünf Prozent.", ["half a percent"]),
        (
            "Rates rose half a percentage point.",
            "Die Zinsen stiegen um einen Prozentpunkt.",
            ["half a percentage point"],
        ),
        (
            "Rates rose 0.5 percent.",
            "Die Zinsen stiegen um einen halben Prozentpunkt.",
            ["0.5 percent"],
        ),
    ],
)
def test_half_a_percent_in_words_is_a_share(summary: str, german: str, flagged: list[str]) -> None:
    """ "0.5 percent" for "ein halbes Prozent" was flagged, and "half a percent(age point)" was
    no share at all, so that "half a percent" for "fünf Prozent" passed: a half was read before
    a scale word ("eine halbe Million") or a unit of time, not before the percent."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


@pytest.mark.parametrize(
    ("summary", "german", "flagged"),
    [
        ("It ran on March 3, 2020.", "Es lief am dritten März 2020.", []),
        ("It ran on May 1.", "Es lief am ersten Mai.", []),
        ("It ran on the third of March.", "Es lief am 3. März.", []),
        ("It ran on the twenty-first of May.", "Es lief am 21. Mai.", []),
        # another day or year still flags
        ("It ran on March 4, 2020.", "Es lief am dritten März 2020.", ["March 4, 2020"]),
        ("It ran on March 3, 2021.", "Es lief am dritten März 2020.", ["March 3, 2021"]),
        ("It ran on the fourth of March.", "Es lief am 3. März.", ["fourth of March"]),
    ],
)
def test_a_day_in_words_before_its_month_is_a_date(
    summary: str, german: str, flagged: list[str]
) -> None:
    """ "March 3, 2020" for "am dritten März 2020" was flagged: the day in words was read as an
    ordinal and the month with its year as another date, so no date of that day was stated;
    and "the fourth of March" for "am 3. März" was read as an ordinal and a month."""
    assert [flag.text for flag in unsupported_facts(summary, "", german)] == flagged


def _longest_run_by_every_start(words: list[str], size: int) -> int:
    """How often a phrase of ``size`` words is said in a row, counted from every word anew."""
    longest = 0
    for start in range(len(words) - size + 1):
        run = 1
        while words[start + run * size : start + (run + 1) * size] == words[start : start + size]:
            run += 1
        longest = max(longest, run)
    return longest


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["in", "der", "Stadt", "die"]), max_size=40), st.integers(1, 8))
def test_the_longest_run_of_a_phrase_is_counted_as_from_every_word(
    words: list[str], size: int
) -> None:
    from summarize.checks.translation_warnings import _longest_run

    assert _longest_run(words, size) == _longest_run_by_every_start(words, size)


def test_the_longest_run_of_a_phrase_takes_time_in_the_text_s_length() -> None:
    """Counted from every word anew, a run took time in the square of a repetitive text's
    length: a 250 KB line of one clause said over and over spent 118 of its run's 147 s in
    the loop check (`summarize run` of "Das ist ein Satz ohne Ende und " × 8,000)."""
    import time

    from summarize.checks.translation_warnings import _longest_run

    words = "Das ist ein Satz ohne Ende und".split() * 3_000
    started = time.perf_counter()
    assert _longest_run(words, 7) == 3_000
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Die Wirtschaft wuchs um 0,3 Prozent.", "The economy grew .3 percent."),
        ("Die Wirtschaft wuchs um 0,3 Prozent.", "The economy grew .3%."),
        ("Er schoss mit einer Waffe vom Kaliber 0,22.", "He fired a .22 caliber gun."),
    ],
)
def test_a_decimal_without_its_leading_zero_is_less_than_one(german: str, english: str) -> None:
    """American news writes ".3 percent" for 0.3 percent: the figure after the dot was read
    alone, as 3, so the correct figure was flagged and "3 Prozent" backed it, ten times over."""
    assert unsupported_facts(english, "", german) == []
    assert numbers_not_in_german(german, english) == []
    wrong = german.replace("0,", "")
    assert [flag.kind for flag in unsupported_facts(english, "", wrong)] == ["number"]
    assert {value for q in find_quantities(english, "en") for value in q.values} <= {0.3, 0.22}


@pytest.mark.parametrize(
    ("german", "english", "wrong"),
    [
        ("Er regierte seit mehr als 20 Jahren.", "He ruled for more than two decades.", "three"),
        ("Er regierte 30 Jahre lang.", "He ruled for three decades.", "four decades"),
        ("Er regierte drei Jahrzehnte lang.", "He ruled for 30 years.", "3 years"),
        ("Er regierte zwei Jahrzehnte lang.", "He ruled for two decades.", "two years"),
        ("Das Haus ist über 200 Jahre alt.", "The house is over two centuries old.", "20"),
        ("Das Haus ist zwei Jahrhunderte alt.", "The house is 200 years old.", "two decades"),
        ("Er regierte ein Jahrzehnt.", "He ruled for a decade.", "a year"),
        ("Er regierte 10 Jahre.", "He ruled for a decade.", "two decades"),
        ("Sie regierten ein Jahrhundert.", "They ruled for a century.", "a year"),
    ],
)
def test_decades_and_centuries_are_units_of_time(german: str, english: str, wrong: str) -> None:
    """ "two decades" is 20 years, "a century" 100: the decade was no unit, so "two decades"
    for "20 Jahren" flagged "two", and "Jahrzehnt" and "Jahrhundert" read as one year each,
    so "a year" for "ein Jahrzehnt" passed, as did "3 years" for "drei Jahrzehnte"."""
    assert unsupported_facts(english, "", german) == []
    assert numbers_not_in_german(german, english) == []
    span = re.search(r"(?:two|three|a|30|10|200) (?:decades?|centur(?:y|ies)|years)", english)
    assert span is not None
    if " " not in wrong:  # the count alone changed: "three decades"
        wrong = wrong + " " + span.group(0).split()[-1]
    changed = english[: span.start()] + wrong + english[span.end() :]
    assert unsupported_facts(changed, "", german) != [], changed


@pytest.mark.parametrize(
    ("german", "english", "wrong"),
    [
        ("Er regierte 25 Jahre lang.", "He ruled for a quarter of a century.", "20 Jahre"),
        ("Er regierte 75 Jahre lang.", "He ruled for three quarters of a century.", "25 Jahre"),
        ("Er regierte ein Vierteljahrhundert.", "He ruled for a quarter of a century.", None),
    ],
)
def test_a_quarter_of_a_century_is_25_years(german: str, english: str, wrong: str | None) -> None:
    """Read as a unit since "a century" is 100 years, "a quarter of a century" was the share
    "a quarter" and "a century" (each flagged against "25 Jahre"), as "a quarter of an hour"
    is 15 minutes."""
    assert unsupported_facts(english, "", german) == []
    if wrong is not None:
        changed = re.sub(r"\d+ Jahre", wrong, german)
        assert [flag.kind for flag in unsupported_facts(english, "", changed)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Im 19. Jahrhundert wuchs die Stadt.", "In the 19th century the city grew."),
        ("Im 19. Jahrhundert wuchs die Stadt.", "In the nineteenth century the city grew."),
        ("Seit Jahrzehnten wächst die Stadt.", "The city has been growing for decades."),
        ("Die Jahrhundertflut kam 2002.", "The flood of the century came in 2002."),
        ("Er regierte ein halbes Jahrhundert.", "He ruled for half a century."),
    ],
)
def test_a_named_century_or_decade_stays_as_it_was(german: str, english: str) -> None:
    assert unsupported_facts(english, "", german) == []
    assert numbers_not_in_german(german, english) == []


def _stated_whole_by_every_run(parts: list[str], segment: list[int], grams: set[str]) -> set[int]:
    from summarize.checks.facts import _is_stated_part

    stated: set[int] = set()
    for size in range(len(segment), 1, -1):
        for start in range(len(segment) - size + 1):
            run = segment[start : start + size]
            if (
                not stated.intersection(run)
                and not all(_is_stated_part(parts[index], grams) for index in run)
                and _is_stated_part("".join(parts[index] for index in run), grams)
            ):
                stated.update(run)
    return stated


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["north", "sea", "south", "korean", "new", "york", "s"]), max_size=12),
    st.sets(st.sampled_from(["northsea", "southkorea", "newyork", "sea", "yorks", "korean"])),
)
def test_a_name_s_words_stated_together_are_found_as_from_every_run(
    parts: list[str], grams: set[str]
) -> None:
    from summarize.checks.facts import _stated_whole

    segment = list(range(len(parts)))
    assert _stated_whole(parts, segment, grams) == _stated_whole_by_every_run(parts, segment, grams)


def test_a_long_run_of_capitalised_words_takes_time_in_its_length() -> None:
    """Every stretch of a run of capitalised words was joined and looked up, each word again
    for every stretch: a summary of 400 capitalised words in a row took 9 s, of 3,000 the
    check did not end in 13 minutes (a model's output that repeats itself, a title-case list).
    A stretch longer than any of the sources' words could be is not looked up."""
    import time

    summary = " ".join(f"Name{index}" for index in range(1_500))
    started = time.perf_counter()
    flags = unsupported_facts(summary, "Name1 was here.", "Name2 war da.")
    assert time.perf_counter() - started < 10.0
    assert [flag.kind for flag in flags] == ["name"]


@pytest.mark.parametrize(
    ("german", "english", "wrong"),
    [
        ("Der Konzern verdiente 5 Mill. Euro.", "The group earned 5 million euros.", "billion"),
        ("Die Bank verlor 4,5 Mia. Franken.", "The bank lost 4.5 billion francs.", "million"),
        ("Der Bund zahlt 2 Md. Euro.", "The federal government pays 2 billion euros.", "million"),
    ],
)
def test_the_other_abbreviations_of_a_scale_are_read(german: str, english: str, wrong: str) -> None:
    """ "Mill." (Millionen), "Mia." (Milliarden, as Swiss news writes it) and "Md." (Duden's
    other abbreviation of Milliarde) were no scale: "5 Mill. Euro" was 5 euros, so "5 million
    euros" was flagged and "5 billion" as well."""
    assert unsupported_facts(english, "", german) == []
    assert numbers_not_in_german(german, english) == []
    changed = re.sub(r"million|billion", wrong, english)
    assert [flag.kind for flag in unsupported_facts(changed, "", german)] == ["number"]


def test_a_name_after_a_number_is_no_scale() -> None:
    """Only with its dot: "Mia" is a given name ("mit 5 Mia und Tom")."""
    assert unsupported_facts("Mia was 5 years old.", "", "Mia war 5 Jahre alt.") == []
    assert find_quantities("Die Gruppe hatte 5 Mia als Gast.", "de")[0].values == {5.0}


@pytest.mark.parametrize(
    "english",
    ["Shares rose 12 pct, the bank said.", "Shares rose 12pc.", "Shares rose 12.5pc."],
)
def test_percent_abbreviated_as_news_english_writes_it_is_a_share(english: str) -> None:
    """Reuters writes "12 pct", British papers "12pc": the figure was read as a bare count, so
    "12 Prozent" did not back it, and "12 Punkte" did."""
    figure = re.search(r"[\d.]+", english).group(0).replace(".", ",")  # type: ignore[union-attr]
    german = f"Die Aktien stiegen um {figure} Prozent."
    assert unsupported_facts(english, "", german) == []
    assert numbers_not_in_german(german, english) == []
    points = german.replace("Prozent", "Punkte")
    assert [flag.kind for flag in unsupported_facts(english, "", points)] == ["number"]


def test_a_pc_in_capitals_is_no_percent() -> None:
    assert find_quantities("He bought 5 PC games.", "en")[0].kind == "number"


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Knapp ein Drittel ist dafür.", "Almost a third are in favour."),
        ("Fast ein Viertel stimmte zu.", "Nearly a quarter agreed."),
        ("Mehr als ein Fünftel kam.", "More than a fifth came."),
        ("Rund ein Drittel der Befragten ist dafür.", "About a third said yes."),
    ],
)
def test_a_hedged_part_of_a_whole_is_a_share_without_of(german: str, english: str) -> None:
    """ "Almost a third are in favour": only "a third of" was a share, so without the "of" the
    "third" was an ordinal, flagged against "ein Drittel" and never compared with it; a hedge
    goes with no ordinal ("nearly a third goal")."""
    assert unsupported_facts(english, "", german) == []
    other = re.sub(r"Drittel|Viertel|Fünftel", "Zehntel", german)
    assert [flag.kind for flag in unsupported_facts(english, "", other)] == ["number"]


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Experten warnen vor einer dritten Welle.", "Experts are worried about a third wave."),
        ("Er könnte eine dritte Amtszeit antreten.", "He could serve up to a third term."),
        ("Das Team steht vor einem dritten Titel.", "The team is close to a third title."),
        ("Sie sprachen über ein viertes Kind.", "They talked about a fourth child."),
        (
            "Es wäre mindestens ein dritter Sieg in Folge.",
            "It would be at least a third straight win.",
        ),
    ],
)
def test_an_ordinal_after_a_hedge_that_is_also_a_preposition_stays_one(
    german: str, english: str
) -> None:
    """ "about", "up to", "close to" are prepositions too: "worried about a third wave" is the
    ordinal of "einer dritten Welle", not a share of a third (flagged as one, unbacked); an
    ordinal goes before a noun or an adjective, a share before a verb or a stop."""
    assert unsupported_facts(english, "", german) == []
    assert [q.kind for q in find_quantities(english, "en")] == ["ordinal"]


def test_an_ordinal_after_an_article_stays_one() -> None:
    assert [q.kind for q in find_quantities("He scored a third goal.", "en")] == ["ordinal"]
    assert [q.kind for q in find_quantities("It fell by almost a third.", "en")] == ["fraction"]
