"""Long paragraphs: pysbd sees them in windows (its time grows with the square of its input)."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, SHARED_MT, require_shared_hub

from summarize import segment
from summarize.clean import clean_text
from summarize.segment import split_sentences


def _seed_paragraphs() -> list[str]:
    return [
        paragraph
        for path in sorted(SEEDS.glob("*.txt"))
        for paragraph in clean_text(path.read_text(encoding="utf-8")).paragraphs
    ]


def _normalized(text: str) -> str:
    return " ".join(text.split())


class _SpyingSegmenter:
    """Records the length of every text handed to pysbd."""

    def __init__(self, real: Any, lengths: list[int]) -> None:
        self._real = real
        self._lengths = lengths

    def segment(self, text: str) -> Any:
        self._lengths.append(len(text))
        return self._real.segment(text)


@pytest.fixture
def pysbd_input_lengths(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    lengths: list[int] = []
    real = segment._segmenter

    def spying(*args: Any, **kwargs: Any) -> _SpyingSegmenter:
        return _SpyingSegmenter(real(*args, **kwargs), lengths)

    monkeypatch.setattr(segment, "_segmenter", spying)
    return lengths


def test_a_long_paragraph_reaches_pysbd_in_windows_and_keeps_every_character(
    pysbd_input_lengths: list[int],
) -> None:
    # Five real articles as one paragraph, less the paragraphs with straight double quotes: pysbd
    # can move such a closing quote to the next sentence ('essenziell." Die' gives
    # '... essenziell.', '" Die ...'), with or without windows.
    paragraph = " ".join(p for p in _seed_paragraphs() if '"' not in p)
    assert len(paragraph) > 5 * segment._PYSBD_WINDOW
    sentences = split_sentences(paragraph)
    assert max(pysbd_input_lengths) <= segment._PYSBD_WINDOW
    assert " ".join(sentences) == _normalized(paragraph)  # nothing lost, added or reordered
    assert len(sentences) > 100


def test_windows_give_the_sentences_of_the_whole_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = [p for p in _seed_paragraphs() if len(p) > 400]
    whole = [split_sentences(paragraph) for paragraph in paragraphs]
    monkeypatch.setattr(segment, "_PYSBD_WINDOW", 300)  # every one of them needs windows now
    assert [split_sentences(paragraph) for paragraph in paragraphs] == whole


def test_no_window_is_cut_inside_a_quotation(monkeypatch: pytest.MonkeyPatch) -> None:
    before = " ".join(f"Der Rat tagte am Montag zum {n}-ten Mal in der Stadt." for n in range(40))
    quotation = "„" + " ".join(f"Wir bleiben im Amt. Das ist Satz {n} der Rede." for n in range(40))
    paragraph = f"{before} Er sagte: {quotation}“ Dann ging er. Sie blieb noch."
    monkeypatch.setattr(segment, "_PYSBD_WINDOW", 10 * len(paragraph))
    whole = split_sentences(paragraph)
    assert any(sentence.startswith("Er sagte: „Wir bleiben") for sentence in whole)
    # The first window ends inside the quotation, whose inner full stops pysbd does not split at.
    monkeypatch.setattr(segment, "_PYSBD_WINDOW", len(before) + len(quotation) // 2)
    assert split_sentences(paragraph) == whole


def test_a_paragraph_without_sentence_ends_is_cut_at_spaces_and_says_so(
    pysbd_input_lengths: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    paragraph = " ".join(f"die Stadt plant Weg {n}, dann" for n in range(2000))
    with caplog.at_level(logging.INFO, logger="summarize"):
        sentences = split_sentences(paragraph)
    assert sentences == [paragraph]  # the halves of each cut are joined again, text unchanged
    assert max(pysbd_input_lengths) <= segment._PYSBD_WINDOW
    assert "no plain sentence end" in caplog.text


def test_the_log_line_of_a_paragraph_cut_at_spaces_names_its_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A run prepares a batch of articles before it translates them (its log says "[1/16] …
    [16/16] …" first): the line on a paragraph without sentence ends named no article, and the
    reader of a run's log could not tell which one it was."""
    from summarize.config import load_config
    from summarize.ingest import read_article
    from summarize.stages import prepare

    source = tmp_path / "langer-absatz.txt"
    run_on = " ".join(f"die Stadt plant Weg {n}, dann" for n in range(2000))
    source.write_text(
        "Die Stadt plant neue Wege\n\nDie Stadt hat am Montag ihre Pläne für neue Radwege "
        f"vorgestellt. Sie sollen bis 2030 fertig sein.\n\n{run_on}\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.INFO, logger="summarize"):
        prepare(read_article(source), load_config(library_checks=False))
    [line] = [record.getMessage() for record in caplog.records if "sentence end" in record.msg]
    assert "langer-absatz.txt" in line


def test_windows_start_with_the_space_before_their_first_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pysbd takes a text's first "V..." for its abbreviation "v" and then joins every sentence
    # ending in "...V." to the next; inside the paragraph, "Viele" follows a space and does not.
    sentences = [
        "Verwiesen wird auf § 6a PAngV." if n % 2 else f"Viele kamen zum {n}-ten Mal in die Stadt."
        for n in range(30)
    ]
    paragraph = "Der Rat tagte. " + " ".join(sentences)  # every window starts with a "V"
    whole = split_sentences(paragraph)
    assert whole.count("Verwiesen wird auf § 6a PAngV.") == 15
    monkeypatch.setattr(segment, "_PYSBD_WINDOW", 400)
    assert split_sentences(paragraph) == whole


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        # pysbd ends sentences where no space follows; joined again by a space, the German
        # shown in the brief would read "und ! [Bild]" and "gut! Wirklich".
        (
            "Er kam und ![Bild](x.png) ging. Dann ja.",
            ["Er kam und ![Bild](x.png) ging.", "Dann ja."],
        ),
        ("Das ist gut!Wirklich gut. Ja.", ["Das ist gut!Wirklich gut.", "Ja."]),
        # A closing mark pysbd moved to the next sentence goes back with the space before it.
        ("Sonne. Brutal. »", ["Sonne.", "Brutal. »"]),
        # pysbd uses "♬" as a placeholder of its own and drops the text around it.
        ("Vorher ♪♬ nachher.", ["Vorher ♪♬ nachher."]),
        ("Erst. ♪♬ Dann ging er. Ja.", ["Erst.", "♪♬ Dann ging er. Ja."]),
        ("Spring is in the Air. ♪♬", ["Spring is in the Air. ♪♬"]),
        # ... and then a quote mark after it: the mark was lost ("vorbei.♬ Danke!«"), as the
        # closers of the piece after the skipped text were taken to start it.
        (
            "Das Konzert ist vorbei.♬»Danke!« schrieb sie.",
            ["Das Konzert ist vorbei.♬»Danke!« schrieb sie."],
        ),
        ("Ende.☄'Neu.' Weiter.", ["Ende.☄'Neu.' Weiter."]),
        ("„Gute Nacht!ȸ“ Die Fans jubeln.", ["„Gute Nacht!ȸ“ Die Fans jubeln."]),
        # a quotation or parenthesis without a stop ends no sentence (German nouns are
        # capitalised); "St." after a slash and "jr." end none either
        (
            '"Offene" Fragen gibt es viele. Dann mehr.',
            ['"Offene" Fragen gibt es viele.', "Dann mehr."],
        ),
        ("(hpd) Bundesweit ist das bekannt. Ja.", ["(hpd) Bundesweit ist das bekannt.", "Ja."]),
        ("Von Wien/St. Pölten nach Linz. Ja.", ["Von Wien/St. Pölten nach Linz.", "Ja."]),
        (
            "Carlos Sainz jr. (ESP) wurde Zweiter. Ja.",
            ["Carlos Sainz jr. (ESP) wurde Zweiter.", "Ja."],
        ),
    ],
)
def test_sentences_joined_by_a_space_read_as_the_paragraph(
    paragraph: str, sentences: list[str]
) -> None:
    assert split_sentences(paragraph) == sentences


def test_no_character_of_the_seeds_is_lost_or_moved_by_segmentation() -> None:
    for path in SEEDS.glob("*.txt"):
        for paragraph in path.read_text(encoding="utf-8").splitlines():
            if paragraph.strip():
                joined = " ".join(split_sentences(paragraph))
                assert joined.split() == paragraph.split(), paragraph


def _cut_from(paragraph: str, sentences: list[str]) -> bool:
    """Whether ``sentences`` stand in ``paragraph`` as they are, in order, with nothing but white
    space between and around them."""
    position = 0
    for sentence in sentences:
        found = paragraph.find(sentence, position)
        if found == -1 or paragraph[position:found].strip():
            return False
        position = found + len(sentence)
    return not paragraph[position:].strip()


@pytest.mark.parametrize(
    "paragraph",
    [
        # pysbd splits after each full stop; the sentence joined again kept one space for the
        # writer's two (or a no-break space)
        "Das war die Feier zum 130.  Geburtstag des Vereins. Ja.",
        "Wir sehen uns am 24.12.\u00a0nach der Messe. Ja.",
        "Sie fuhr im Okt.\tnach Berlin. Ja.",
    ],
)
def test_a_sentence_joined_again_keeps_the_white_space_inside_it(paragraph: str) -> None:
    sentences = split_sentences(paragraph)
    assert sentences == [paragraph[: paragraph.rindex(" Ja.")], "Ja."]
    assert _cut_from(paragraph, sentences)


def test_every_wmt_sentence_is_cut_from_its_paragraph_as_it_stands() -> None:
    """The WMT German news (../shared/eval/mt: 30 whole WMT21 articles, 1,000 WMT19 sentences in
    runs of 20), each document one paragraph with one or two spaces between its segments: every
    character comes back, in order, only the white space between sentences left out."""
    require_shared_hub(SHARED_MT)
    lines = (SHARED_MT / "newstest2019-dev.de").read_text(encoding="utf-8").splitlines()
    with (SHARED_MT / "newstest2021-docs-dev.jsonl").open(encoding="utf-8") as handle:
        documents = [json.loads(line)["de"] for line in handle if line.strip()]
    documents += [lines[i : i + 20] for i in range(0, len(lines), 20)]
    for separator in (" ", "  "):
        for document in documents:
            paragraph = separator.join(document)
            assert _cut_from(paragraph, split_sentences(paragraph)), document[0]


def test_english_sentences_for_eval_lose_no_text_either() -> None:
    from summarize.segment import split_english_sentences

    text = "Spring is in the Air. ♪♬ Then the sun came out.\nIt was great!Really. Yes."
    sentences = split_english_sentences(text)
    assert " ".join(sentences).split() == text.split()
    assert sentences[-2:] == ["It was great!Really.", "Yes."]


def test_threads_segmenting_at_once_each_get_their_own_sentences(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two pipelines side by side in threads: pysbd's segmenter keeps the text it segments on
    itself, and one shared by both found the first thread's sentences in the second's text (the
    paragraph came back as one sentence)."""
    import pysbd

    first = "Der Rat tagte am Montag. Er beschloss nichts. Dann ging er nach Hause."
    second = "In Hamburg regnete es den ganzen Tag. Verletzt wurde niemand."
    expected = {"first": split_sentences(first), "second": split_sentences(second)}
    inside, second_done = threading.Event(), threading.Event()
    real_processor = pysbd.Segmenter.processor

    def processor(self: Any, text: str) -> Any:  # the first thread waits inside segment()
        if threading.current_thread().name == "first":
            inside.set()
            second_done.wait(10)
        return real_processor(self, text)

    monkeypatch.setattr(pysbd.Segmenter, "processor", processor)
    results: dict[str, list[str]] = {}
    thread = threading.Thread(
        target=lambda: results.update(first=split_sentences(first)), name="first"
    )
    thread.start()
    assert inside.wait(10)
    results["second"] = split_sentences(second)
    second_done.set()
    thread.join(10)
    assert results == expected
    assert len(expected["first"]) == 3


def test_a_street_abbreviation_does_not_end_a_sentence() -> None:
    """ "Hauptstr. 5": the street's "str." ends a compound word, and the house number was cut
    off into a sentence of its own ("5 in Berlin.")."""
    assert split_sentences("Sie wohnt in der Hauptstr. 5 in Berlin. Dort ist es ruhig.") == [
        "Sie wohnt in der Hauptstr. 5 in Berlin.",
        "Dort ist es ruhig.",
    ]
    assert split_sentences("Das Büro liegt in der Bahnhof-Str. 12a. Es ist neu.") == [
        "Das Büro liegt in der Bahnhof-Str. 12a.",
        "Es ist neu.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Am 24.12. ist in vielen Bundesländern kein Feiertag.",
        "Vom 24.12. bis zum 6.1. bleibt das Amt geschlossen.",
        "Seit dem 1.1. 2020 gilt das Gesetz.",
        "Termine: 12.5. – 14.5. in Berlin.",
        "Die Aktion läuft vom 9.1. -10.2.2023 in Steinheim.",
        "Termine: 12.5. –14.5. in Berlin.",
        "Die Entscheidung fällt am 6.2. auf der Schanze.",
        "Er kam im Okt. nach Berlin zurück.",
        "Sie lief 100 m in 11,2 Sek. und gewann.",
        "Im Jan. 2024 begann der Bau.",
        "Am Mo. 5. Mai ist Sitzung.",
        "Details stehen in Kap. 3 der Studie.",
        "Das Gericht verhandelt unter Az. 112 KLs 5/24 erneut.",
        "Laut Ziff. 4 lit. b der Satzung ist das erlaubt.",
        "Das steht in Rn. 12 des Urteils.",
        "Er ist Jg. 1985 und stammt aus Kiel.",
        "Der Gipfel ist 2.962 m ü. NN hoch.",
        "Das Büro ist Mo.–Fr. 9–17 Uhr geöffnet.",
        "Die Abt. Verkehr prüft den Antrag.",
        "Die Freiw. Feuerwehr rückte mit drei Fahrzeugen aus.",
        "Laut Dr.[2] Müller ist das erlaubt.",
        # a review's: a mark inside a quotation or parenthesis, a day's number before its mark
        "„Das ist toll!!! Aber teuer“, sagte er.",
        "Er rief „Hilfe!!! Hilfe!!!“ und rannte weg.",
        "Die Firma (Motto: „Wow!! Super!!“) wächst.",
        "Das Gesetz (gültig seit 2020.[1] Es wurde geändert) bleibt.",
        "Das war am 3.[2] Oktober 2020 so.",
    ],
)
def test_a_date_or_abbreviation_does_not_end_the_sentence(sentence: str) -> None:
    """German writes a date without its year as "24.12.", and pysbd ended the sentence at its
    stop: "ist in vielen Bundesländern ..." went to the translator as a sentence of its own; so
    at an abbreviation it does not know ("Okt.", "Sek.")."""
    assert split_sentences(f"{sentence} Danach kam der Winter.") == [
        sentence,
        "Danach kam der Winter.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Gesetz gilt seit 2020.[1]",
        "Das Gesetz gilt seit 2020.¹",
        "Das ist wirklich toll!!!",
        "Wer hat das entschieden?!",
        "Das Gesetz gilt seit 2020.[12]",
        # several sources cited together, as a copied encyclopedia page has them
        "Das Gesetz gilt seit 2020.[12][13]",
        "Das Gesetz gilt seit 2020.[4][7][9]",
        # an ellipsis of one character, as "..." (three stops) ended the sentence
        "Er wurde am Ende nur Zweiter…",
    ],
)
def test_a_footnote_mark_or_an_emphatic_end_still_ends_the_sentence(sentence: str) -> None:
    """pysbd read past a sentence end with a footnote mark after it (a page copied with its
    references), a run of "!" or "?" or an ellipsis "…": the next sentence went to the
    translator with it."""
    assert split_sentences(f"{sentence} Danach kam der Winter.") == [
        sentence,
        "Danach kam der Winter.",
    ]
    assert split_sentences(f"{sentence} „Danach kam der Winter.“")[0] == sentence


@pytest.mark.parametrize(
    "text",
    [
        "Und dann… ach, egal, sagte sie.",  # a lowercase word goes on
        "Er wurde Zweiter … Das war knapp.",  # a spaced ellipsis: an omission as often
        "„Wir wissen nicht… Wer zahlt?“, fragte er.",  # inside a quotation
    ],
)
def test_an_ellipsis_inside_a_sentence_ends_none(text: str) -> None:
    assert split_sentences(text) == [text]


def test_a_sentence_after_a_date_or_number_still_starts_its_own() -> None:
    assert split_sentences(
        "Er kam am 3.10. Dann ging er. Er wurde 1990 geboren. 1991 zog er um."
    ) == [
        "Er kam am 3.10.",
        "Dann ging er.",
        "Er wurde 1990 geboren.",
        "1991 zog er um.",
    ]
    # A word with a capital inside starts a sentence in lowercase: it is left alone.
    assert split_sentences("Er siegte mit 3:1. iPhones gab es als Preis.") == [
        "Er siegte mit 3:1.",
        "iPhones gab es als Preis.",
    ]
    assert split_sentences("Er kam aus Ulm. 2024 zog er weg.") == [
        "Er kam aus Ulm.",
        "2024 zog er weg.",
    ]
    # A writer who starts sentences in lowercase (a reader's comment) keeps their sentences.
    assert split_sentences("danke für den link. dann liegt es ja an apple. egal.") == [
        "danke für den link.",
        "dann liegt es ja an apple.",
        "egal.",
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("1. Die Regierung begrenzt die Mieten.", ["1. Die Regierung begrenzt die Mieten."]),
        ("10. Im Sommer kommt die Reform.", ["10. Im Sommer kommt die Reform."]),
        # A list kept as one paragraph: each item is a sentence with its number.
        ("Drei Punkte sind neu. 1. Die Mieten sinken. 2. Der Bund zahlt.",
         ["Drei Punkte sind neu.", "1. Die Mieten sinken.", "2. Der Bund zahlt."]),
        # A number after words still ends the sentence.
        ("Er ging zur Inspektion 29. Gegen ihn wird ermittelt.",
         ["Er ging zur Inspektion 29.", "Gegen ihn wird ermittelt."]),
    ],
)  # fmt: skip
def test_a_list_items_number_stays_with_its_sentence(paragraph: str, expected: list[str]) -> None:
    """A numbered list item that opens with an article or pronoun ("1. Die Regierung …"): the
    rule that ends a sentence at "29. Gegen …" made "1." a sentence of its own, translated
    alone, and the item's text another ("3. Baugenehmigungen …" stayed whole)."""
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Das Team landete auf Platz 4. Haben das die Fahrer verdient?",
         ["Das Team landete auf Platz 4.", "Haben das die Fahrer verdient?"]),
        ("Podcasts sind Trend-Medium Nummer 1. Immer mehr Beiträge handeln vom Radfahren.",
         ["Podcasts sind Trend-Medium Nummer 1.",
          "Immer mehr Beiträge handeln vom Radfahren."]),
        ("Der Peak kommt in der Nacht vom 13. auf den 14. Während der Nacht schneit es.",
         ["Der Peak kommt in der Nacht vom 13. auf den 14.", "Während der Nacht schneit es."]),
        # An ordinal's noun, or a word that only starts like a function word, goes on.
        ("Das war im Zeitalter der 4. Macht im Staat.",
         ["Das war im Zeitalter der 4. Macht im Staat."]),
        ("Am 3. Über\xadgang warten die Helfer.", ["Am 3. Über\xadgang warten die Helfer."]),
        ("Am 3. Oktober kam er. Der 2. Weltkrieg endete 1945.",
         ["Am 3. Oktober kam er.", "Der 2. Weltkrieg endete 1945."]),
    ],
)  # fmt: skip
def test_a_function_word_after_a_number_starts_a_sentence(
    paragraph: str, expected: list[str]
) -> None:
    """A number's full stop before a capitalised function word ends the sentence, as German
    capitalises one only there (an ordinal is followed by its noun): only the few words of a
    fixed list did, and "… auf Platz 4. Haben das die Fahrer verdient?" went to the translator
    as one sentence (4 lines of the 588 development pages)."""
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "Das Fach\xadkunde\xadbuch in der 30. Auf\xadlage liegt vor.",  # a development page's
        "Das ist die 3. Auf\xadlage des Buches.",
        "Am 3. Ein\xadsatz\xadtag kam er.",
        "Er ist der 1. Ich-Erzähler im Buch.",
        "Das Buch 30. Die-Hard-Edition kam.",
    ],
)
def test_a_starter_word_that_goes_on_past_a_hyphen_after_a_number_ends_no_sentence(
    paragraph: str,
) -> None:
    """A number's full stop before a word of the starters' list ("Auf", "Ein", "Ich", "Die")
    ended the sentence even where the word went on past a soft hyphen or a hyphen, as the
    start of a longer one ("30. Auf\xadlage", "1. Ich-Erzähler"): the number and its noun went
    to the translator apart. Only function words outside the list were read so. On the 588
    development pages one sentence of 47,777 changes, the first here."""
    assert split_sentences(paragraph) == [paragraph]
    # A starter standing alone still opens the next sentence.
    assert split_sentences("Er lief auf Platz 4. Ich war da.") == [
        "Er lief auf Platz 4.",
        "Ich war da.",
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Das Gericht verurteilte Sebastian K. Er muss für drei Jahre in Haft.",
         ["Das Gericht verurteilte Sebastian K.", "Er muss für drei Jahre in Haft."]),
        ("Oft fehlt Vitamin D. Wer zu wenig davon hat, ist müde.",
         ["Oft fehlt Vitamin D.", "Wer zu wenig davon hat, ist müde."]),
        # A name's initial, a lettered list's letter, the "B." of "z. B." go on.
        ("Das sagte Peter M. Müller am Montag.", ["Das sagte Peter M. Müller am Montag."]),
        ("Das Buch von J. D. Salinger ist alt.", ["Das Buch von J. D. Salinger ist alt."]),
        ("Die Punkte: A. Die Steuer, B. Die Rente.", ["Die Punkte: A. Die Steuer, B. Die Rente."]),
        ("A. Die Regierung tritt zurück.", ["A. Die Regierung tritt zurück."]),
        ("Er nannte z. B. Die Zeit.", ["Er nannte z. B. Die Zeit."]),
    ],
)  # fmt: skip
def test_a_function_word_after_a_capital_letter_alone_starts_a_sentence(
    paragraph: str, expected: list[str]
) -> None:
    """pysbd reads a capital letter and a full stop after a word as a name's initial and never
    ends a sentence there: a name shortened as the German press does ("Sebastian K.") or a
    letter naming something ("Vitamin D.") before "Er …", "Wer …" went to the translator with
    the next sentence as one (6 paragraphs of the 588 development pages)."""
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # An ordinal after an opening quotation mark opens the quotation.
        ('"3. Liga ist kein Abstieg, sondern eine Chance", sagte der Präsident.',
         ['"3. Liga ist kein Abstieg, sondern eine Chance", sagte der Präsident.']),
        ("»2. Bundesliga ist hart«, sagte er. Dann ging er.",
         ["»2. Bundesliga ist hart«, sagte er.", "Dann ging er."]),
        ("‚1. FC Köln bleibt erstklassig‘, sagte er.",
         ["‚1. FC Köln bleibt erstklassig‘, sagte er."]),
        ('Der Trainer sagte "3. Liga" und nicht "Regionalliga".',
         ['Der Trainer sagte "3. Liga" und nicht "Regionalliga".']),
        # A section's Roman numeral at the paragraph's start heads its text.
        ("III. Die Rolle der Kommunen bei der Unterbringung von Geflüchteten",
         ["III. Die Rolle der Kommunen bei der Unterbringung von Geflüchteten"]),
        ("II. Die Länder zahlen mehr. Der Bund zahlt weniger.",
         ["II. Die Länder zahlen mehr.", "Der Bund zahlt weniger."]),
        # A quoted number that closes its quotation still ends the sentence.
        ('Er rief "Platz 3." Dann ging er.', ['Er rief "Platz 3."', "Dann ging er."]),
    ],
)  # fmt: skip
def test_a_number_that_opens_a_quotation_or_a_section_stays_with_its_text(
    paragraph: str, expected: list[str]
) -> None:
    """pysbd ends a sentence after an ordinal that follows an opening straight quote, guillemet
    or low single quote ('"3. | Liga ist kein Abstieg …"', "»2. | Bundesliga …«"), and after a
    section's Roman numeral ("III. | Die Rolle der Kommunen …"): '"3.' and "III." went to the
    translator as sentences of their own."""
    assert split_sentences(paragraph) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # WMT21 and WMT19 (their reference segments are cut here too) and the development pages.
        "Das war fast eine kleine Jubiläumsfeier zum 130. Geburtstag des Gmünder Kunstvereins.",
        "Er schaffte es bei der Eröffnung der 185. Münchener Wies'n mit zwei Schlägen.",
        "Jedenfalls fand heute vor 3 Jahren die 213. Sitzung des Deutschen Bundestages statt.",
        "Diese Abgaben werden erst auf den 161. Euro fällig.",
        "Die Raiffeisenbank Beuerberg-Eurasburg feiert 125. Geburtstag.",
        "Er lud zusammen mit dem Landesjugendring vom 6. - 7. März 2020 zum Workshop ein.",
    ],
)
def test_an_ordinal_does_not_end_the_sentence(sentence: str) -> None:
    """pysbd ends a sentence after a number of three digits and a full stop: "Geburtstag des
    Gmünder Kunstvereins." went to the translator as a sentence of its own. After an article
    or a contraction, or before an anniversary, the number is an ordinal."""
    assert split_sentences(f"{sentence} Danach kam der Winter.") == [
        sentence,
        "Danach kam der Winter.",
    ]


def test_a_number_at_the_end_of_a_sentence_still_ends_it() -> None:
    paragraph = (
        "Tottenham liegt auf Rang 105. Einen starken Eindruck hinterlässt Wolverhampton. "
        "Sie gaben ihr 500. Danach ging sie. Der Verein wurde 100. Die Feier war groß."
    )
    assert split_sentences(paragraph) == [
        "Tottenham liegt auf Rang 105.",
        "Einen starken Eindruck hinterlässt Wolverhampton.",
        "Sie gaben ihr 500.",
        "Danach ging sie.",
        "Der Verein wurde 100.",
        "Die Feier war groß.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # Each from the development pages, where pysbd ended a sentence at the abbreviation.
        "Ein Arbeitnehmer erwirbt keinen Urlaubsanspruch gem. § 3 BUrlG.",
        "Der Blasiussegen wird am Gedenktag des hl. Blasius am 3. Februar gespendet.",
        "Es gibt Live-Übertragungen der Hl. Messe an Sonntagen.",
        "Auskunft gibt Frau Althaus unter Tel. 02382 59743.",
        "Das Blockhaus bietet Platz für bis zu max. 6 Personen.",
        "Lasse ihn auf dem Rost mind. 1 Std. auskühlen.",
        "Es ist die ehemalige Mechanische Werkstatt der Fa. Krupp.",
        "Das Fett kostet 4,92 € zzgl. MwSt (21%): 5,95 € Inkl. MwSt (21%) im Shop.",
        "Es geht um Systeme wie bspw. IBM Watson.",
        "Sie schrieb eine Beschreibung der dt. Sprache.",
        "Sie ist jetzt stv. Direktorin von Princeton UP.",
        "Er war ehem. Mediensekretär von ver.di.",
        "Niedrigere Raten ggü. Ratenkauf mit gleicher Laufzeit.",
        "Die Kredite sind 35,7% günstiger beim eff. Jahreszins.",
        "Er verkaufte seinen Besitz dem Ing. Dr. Klotzner von Meran.",
        "Im Revier Krausenbach im Kgl. Bayerischen Forstamt war es so.",
        "Die Spritze kam auf Büssing-NAG 500, Metz, Bauj. 1939, nach Leipzig.",
        "Dies konnte nach Arbeiten durch Baal et al. (1994) ausgeschlossen werden.",
        "Die Studie erschien in: Science; Vol. 371, Issue 6526, pp. 260 - 264.",
    ],
)
def test_an_abbreviation_that_never_ends_a_sentence_does_not(sentence: str) -> None:
    """pysbd does not know these abbreviations and ended the sentence at them: "§ 3 BUrlG."
    and "Blasius am 3. Februar gespendet." went to the translator as sentences."""
    assert split_sentences(f"{sentence} Danach kam der Winter.") == [
        sentence,
        "Danach kam der Winter.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # before a place's or a member's name
        "Wir trafen uns am Bhf. Zoo in Berlin.",
        "Er wohnt im Landkr. Rosenheim am Inn.",
        "Der Abg. Müller stimmte dagegen.",
        # a lowercase word no German word ends like (development pages)
        "Sie übernehmen Prüf- und Diagnosearbeiten an elektr. Dieselsystemen.",
        "Alle Preise verstehen sich inkl. gesetzl. Mehrwertsteuer.",
        "Es gibt einen Extra-Newsletter an Mitglieder bezügl. Mitgliederbeitrag.",
        "Die Seite setzt Cookies für verschiedene Zwecke, insb. Statistik und Werbung.",
        "Es geht um die Harmonisierung der gesundheitl. Bewertung von Stoffen.",
        "Die Rate beträgt mtl. 14,99 Euro.",
    ],
)
def test_a_shortened_word_pysbd_does_not_know_ends_no_sentence(sentence: str) -> None:
    """pysbd ended a sentence at "Bhf.", "Landkr.", "Abg." before a name and at lowercase words
    shortened so that no German word ends like them ("elektr.", "gesetzl.", "bezügl.",
    "insb."): "Dieselsystemen." and "Rosenheim am Inn." went to the translator as sentences
    of their own (28 places on 15 of the development pages)."""
    assert split_sentences(f"{sentence} Danach kam der Winter.") == [
        sentence,
        "Danach kam der Winter.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Er fuhr ins Dorf.",  # a vowel: a word
        "Das Brett war 5 cm.",  # a unit after a number ends sentences
        "Sie nahmen den Weg.",
        "Er trank ein Hendl.",  # "-dl", a Bavarian word's ending
        "Er sagte: Wir kommen mit.",
    ],
)
def test_a_lowercase_word_spelt_in_full_still_ends_a_sentence(sentence: str) -> None:
    """The rule for shortened lowercase words reads the word's letters; a German word (a
    vowel, an ending German has) or a unit after a number ends the sentence as before."""
    assert split_sentences(f"{sentence} Kritiker sahen das anders.") == [
        sentence,
        "Kritiker sahen das anders.",
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Prof. Dr.-Ing.",  # development pages: "Prof. Dr.-Ing. Andreas Reuter, Leiter des …"
        "Dr.-Ing. E. h.",
        "Dr. phil.",
        "Prof. Dr. rer. nat.",
        "Dr. med. vet.",
        "Dr. phil. habil.",
        "Dipl.-Psych.",
        "OStR Dipl.-Päd.",
        "Priv.-Doz. Dr.",
        "Prof. em. Dr.",
    ],
)
def test_an_academic_title_before_a_name_ends_no_sentence(title: str) -> None:
    """pysbd ended a sentence at a degree after "Dr." or at a hyphenated title: the title went
    to the translator as a sentence of its own and the name opened the next."""
    sentence = f"Das sagte {title} Anna Berg im Interview."
    assert split_sentences(
        f"{sentence} Sie ist Ingenieurin. Er wurde 1990 Dr. phil. Danach ging er."
    ) == [
        sentence,
        "Sie ist Ingenieurin.",
        "Er wurde 1990 Dr. phil.",
        "Danach ging er.",
    ]


@pytest.mark.parametrize("initials", ["H.-W.", "K.-H.", "Hans-L.", "Karl-H."])
def test_a_double_first_names_initial_ends_no_sentence(initials: str) -> None:
    """pysbd ended a sentence at "H.-W." of "H.-W. Sinn" (development pages): the surname went
    to the translator as the start of a sentence of its own."""
    sentence = f"Im Dezember hat {initials} Sinn das kritisiert."
    assert split_sentences(f"{sentence} Andere nicht. Er traf K.-H. Danach ging er.") == [
        sentence,
        "Andere nicht.",
        "Er traf K.-H.",
        "Danach ging er.",
    ]


def test_a_year_before_christ_ends_the_sentence_before_a_sentence_start() -> None:
    """pysbd never ends a sentence at the "Chr." of "v. Chr." or "n. Chr.": two sentences went
    to the translator as one."""
    assert split_sentences(
        "Das war im 5. Jh. v. Chr. Dort lebten damals Kelten. Augustus starb 14 n. Chr. in "
        "Nola. Er regierte bis 14 n. Chr. Nach ihm kam Tiberius."
    ) == [
        "Das war im 5. Jh. v. Chr.",
        "Dort lebten damals Kelten.",
        "Augustus starb 14 n. Chr. in Nola.",
        "Er regierte bis 14 n. Chr.",
        "Nach ihm kam Tiberius.",
    ]


def test_a_list_closed_by_etc_ends_the_sentence_before_a_sentence_start() -> None:
    """pysbd never ends a sentence at "etc." or "usw.": two sentences went to the translator as
    one (development pages)."""
    assert split_sentences(
        "Daten fallen an in der Politik, in der Bildung etc. Die Datenmengen wachsen. "
        "Die Haare glänzen usw. Ihr kennt die Theorie. Er kaufte Obst, Gemüse usw. beim Bauern."
    ) == [
        "Daten fallen an in der Politik, in der Bildung etc.",
        "Die Datenmengen wachsen.",
        "Die Haare glänzen usw.",
        "Ihr kennt die Theorie.",
        "Er kaufte Obst, Gemüse usw. beim Bauern.",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # development pages
        ("Den Anfang machte das US-Unternehmen Merck & Co.", "Mit einem Präparat kam er."),
        ("Es gibt es online bei Amazon, eBay und Co.", "Aber auch im Fachhandel."),
        ("Das steht auf S. 5 ff.", "Die Regierung widerspricht."),
        ("Das regeln die §§ 823 f.", "Der Richter sah das anders."),
        ("Er lebte im 19. Jh.", "Seine Werke sind bekannt."),
        ("Sie leitet den Verein Tafel e. V.", "Die Helfer sind ehrenamtlich."),
        ("Sie leitet den Verein Tafel e.V.", "Die Helfer sind ehrenamtlich."),
    ],
)
def test_an_abbreviation_that_may_close_a_sentence_ends_it_before_a_sentence_start(
    first: str, second: str
) -> None:
    """pysbd never ends a sentence at "& Co.", a reference's "ff." or "f.", "Jh." or "e. V.":
    two sentences went to the translator as one. Before a noun or a name the sentence goes
    on."""
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Müller GmbH & Co. KG meldet Insolvenz an.",
        "Das regeln die §§ 5 ff. BGB und das Grundgesetz.",
        "Näheres steht auf S. 5 ff. und im Anhang.",
        "Er zeigte im 19. Jh. Bilder aus Paris.",
        "Dagegen stimmten u. a. Die Linke und die AfD.",
        "Der Verbraucherzentrale Sachsen e.V. Pressestelle liegt in Leipzig.",
    ],
)
def test_an_abbreviation_that_may_close_a_sentence_before_a_noun_ends_none(sentence: str) -> None:
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Bahn hatte 20 Min. Verspätung wegen eines Defekts.",
        "Er hatte 3 Sek. Vorsprung auf den Zweiten.",
        "Der Bund hat 2 Bio. Euro Schulden.",
        "Das kostet 3 Mill. Euro im Jahr.",
        "Er hat 12 Pkt. Vorsprung in der Tabelle.",
        "Er brauchte 2 Std. Fahrzeit bis Berlin.",
    ],
)
def test_a_unit_after_a_number_ends_no_sentence_before_its_noun(sentence: str) -> None:
    """pysbd ended the sentence at the unit ("20 Min. | Verspätung wegen eines Defekts."): the
    rest went to the translator as a sentence of its own."""
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Die Verspätung betrug 20 Min.", "Die Fahrgäste warteten."),
        ("Er zahlt 3 Mill.", "Mehr hat er nicht."),
        ("Er lief die Strecke in 9,8 Sek.", "„Das ist Weltrekord“, sagte er."),
        ("Lesezeit 5 Min.", "1. November 2023"),
        # pysbd ends none at "Std." itself (as it does at "Min."): one sentence before
        ("Die Fahrt dauerte 3 Std.", "Danach kam er an."),
        ("Sie brauchte nur 2 Std.", "Die anderen kamen später."),
    ],
)
def test_a_unit_after_a_number_still_ends_a_sentence_before_a_sentence_start(
    first: str, second: str
) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Papst Benedikt XVI. Er starb 2022.", ["Papst Benedikt XVI.", "Er starb 2022."]),
        (
            "Heinrich VIII. Seine Frauen lebten gefährlich.",
            ["Heinrich VIII.", "Seine Frauen lebten gefährlich."],
        ),
        ("Ludwig XIV. war König. Er regierte.", ["Ludwig XIV. war König.", "Er regierte."]),
        ("Kaiser Wilhelm II. Bismarck ging.", ["Kaiser Wilhelm II. Bismarck ging."]),
        ("Das war im II. Weltkrieg. Er floh.", ["Das war im II. Weltkrieg.", "Er floh."]),
    ],
)
def test_a_rulers_numeral_ends_a_sentence_before_a_sentence_start(
    text: str, sentences: list[str]
) -> None:
    """pysbd never ends a sentence after a Roman numeral of two letters or more: "Papst
    Benedikt XVI. Er starb 2022." went to the translator as one sentence. Before a lowercase
    word, a noun or a name it goes on."""
    assert split_sentences(text) == sentences


def test_a_quotation_in_german_order_marks_starts_its_own_sentence() -> None:
    """»…« read as Swiss «…»: pysbd paired the "«" closing one quotation with the "»" opening
    the next and kept everything between in one sentence (development pages)."""
    assert split_sentences(
        "»Hat Leben sich durch seinen Tod erworben«, heißt es. »Mühe und Arbeit war ihr "
        "Leben.« Bei den Männern Schulterzucken. »Welche Blumen könnten Ihrer Frau gefallen?«"
    ) == [
        "»Hat Leben sich durch seinen Tod erworben«, heißt es.",
        "»Mühe und Arbeit war ihr Leben.«",
        "Bei den Männern Schulterzucken.",
        "»Welche Blumen könnten Ihrer Frau gefallen?«",
    ]
    # Swiss marks are read as before.
    assert split_sentences("«Wir kommen.» Dann ging er. Er sagte: «Ja.»") == [
        "«Wir kommen.»",
        "Dann ging er.",
        "Er sagte: «Ja.»",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "»Watt jibt’s n hier zu lachen?« ist eine Formulierung, bei der Neulinge verstummen.",
        "Gianni fragt Aaron: „Darf ich dich küssen?” und Aron lacht.",
        "»Wie geht es?« fragte er leise.",
        "Die Sendung »Wer wird Millionär?« läuft seit 1999.",
        "Er rief ›Hilfe!‹ und rannte weg.",
    ],
)
def test_a_quoted_question_before_a_lowercase_word_ends_no_sentence(sentence: str) -> None:
    """pysbd ended the sentence after a question or exclamation quoted in marks it does not
    pair (»…?«, a „…?” closed by the English mark): "ist eine Formulierung, …" went to the
    translator as a sentence of its own (development pages)."""
    assert split_sentences(f"{sentence} Sie lachte. »Warum?« Er schwieg.") == [
        sentence,
        "Sie lachte.",
        "»Warum?«",
        "Er schwieg.",
    ]
    # A writer who starts sentences in lowercase starts one there too.
    assert split_sentences("er fragte »wieso?« sie schwieg.") == [
        "er fragte »wieso?«",
        "sie schwieg.",
    ]


def test_the_sentences_between_two_german_order_quotations_are_split() -> None:
    """pysbd paired the "«" closing one »…« with the "»" opening the next as one Swiss «…» and
    kept every sentence between in one: six sentences went to the translator as one
    (development pages). Swiss marks still keep theirs."""
    assert split_sentences(
        "»Da redet der Mund dahin«, lautet eine Weisheit aus Prenzlau. Smalltalk beherrscht "
        "fast niemand. Das Ideal heißt: wortloses Verstehen. Er las den »Spiegel«. Dann die "
        "»Zeit«. Dann ging sie."
    ) == [
        "»Da redet der Mund dahin«, lautet eine Weisheit aus Prenzlau.",
        "Smalltalk beherrscht fast niemand.",
        "Das Ideal heißt: wortloses Verstehen.",
        "Er las den »Spiegel«.",
        "Dann die »Zeit«.",
        "Dann ging sie.",
    ]
    assert split_sentences("Er sagte: «Wir kommen. Wir bleiben.» Dann ging er.") == [
        "Er sagte: «Wir kommen. Wir bleiben.»",
        "Dann ging er.",
    ]


def test_a_paragraph_closing_an_earlier_quotation_is_read_in_german_order() -> None:
    """A paragraph that starts by closing a quotation the one before opened ("… verstellt«,
    wie sie erklärt") was read as quoting in Swiss marks: pysbd paired that "«" with the next
    opening "»" and the paragraph went to the translator as one sentence of four (WMT19
    newstest sentences in German-order marks). A Swiss «…» opening first still keeps its own."""
    assert split_sentences(
        "Ich habe mich verstellt«, wie sie erklärt. Sie habe das Gefühl gehabt, »nicht gut "
        "genug zu sein«. Auch die Ehe scheiterte. Keller habe sich die Liebe »wie im Film "
        "vorgestellt«."
    ) == [
        "Ich habe mich verstellt«, wie sie erklärt.",
        "Sie habe das Gefühl gehabt, »nicht gut genug zu sein«.",
        "Auch die Ehe scheiterte.",
        "Keller habe sich die Liebe »wie im Film vorgestellt«.",
    ]
    assert split_sentences("Er sagte: «Wir kommen. Wir bleiben.» Dann las er »Die Zeit«.") == [
        "Er sagte: «Wir kommen. Wir bleiben.»",
        "Dann las er »Die Zeit«.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Aktivisten der sog. »Letzten Generation« blockierten die Straße.",
        "Er las die Zeitschrift bzw. »Die Zeit« jeden Tag.",
        "Der Verein (vgl. »Die Chronik«, S. 3) wurde 1900 gegründet.",
        "Die Gruppe nennt sich ca. »Freie Bürger« und demonstriert.",
    ],
)
def test_a_german_order_quotation_after_an_abbreviation_goes_on_the_sentence(
    sentence: str,
) -> None:
    """The full stop of an abbreviation that never ends a sentence ("sog.", "bzw.", "vgl.")
    before a »…« was read as a sentence end, and the sentence went to the translator in two
    halves ("Die Aktivisten der sog." / "»Letzten Generation« blockierten …")."""
    assert split_sentences(sentence) == [sentence]
    # After a sentence end the quotation still starts a sentence of its own.
    assert split_sentences(f"Es war spät. {sentence}") == ["Es war spät.", sentence]


@pytest.mark.parametrize(
    "line",
    [
        "Geschlossen sind die Ämter an folgenden Tagen: 24. und 25. Dezember.",
        "Seminartermin: 22. & 23. August 2015",
        "Die Gewinner: 1. Anna Müller, 2. Peter Schmidt, 3. Lisa Meier.",
    ],
)
def test_a_date_or_rank_after_a_colon_stays_in_its_sentence(line: str) -> None:
    """pysbd took "24." after a colon for a list's number: the date went to the translator
    apart from its sentence, once a bare "22." alone."""
    assert split_sentences(line) == [line]


def test_a_sentence_after_a_colon_and_a_number_still_starts_anew() -> None:
    assert split_sentences("Termin: 22. Die Sitzung beginnt um 9 Uhr.") == [
        "Termin: 22.",
        "Die Sitzung beginnt um 9 Uhr.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [("Costs were ca. 5 million euros. Yes.", ["Costs were ca. 5 million euros.", "Yes."]),
     ("It rose by approx. 20 percent, incl. VAT. Yes.",
      ["It rose by approx. 20 percent, incl. VAT.", "Yes."]),
     ("He plays in the 2. Bundesliga. He is 31.", ["He plays in the 2. Bundesliga.", "He is 31."]),
     ("He came on 3. The crowd cheered.", ["He came on 3.", "The crowd cheered."]),
     ("The team finished 2. Fans left.", ["The team finished 2.", "Fans left."]),
     ("The death toll rose to 12. Rescuers search.", ["The death toll rose to 12.",
                                                       "Rescuers search."]),
     ("Bayern won 4 to 0. Kane scored.", ["Bayern won 4 to 0.", "Kane scored."]),
     ("He lives in Los Angeles, CA. He is 31.", ["He lives in Los Angeles, CA.", "He is 31."]),
     ("He was arrested on 3. October. He denies it.",
      ["He was arrested on 3. October.", "He denies it."]),
     ("The toll rose to 12. May brought more.", ["The toll rose to 12.", "May brought more."]),
     # pysbd's list items inside a line: "The | 2. Bundesliga starts on | 3. August."
     ("The 2. Bundesliga starts on 3. August. Fans wait.",
      ["The 2. Bundesliga starts on 3. August.", "Fans wait."]),
     ("Sales rose in the 2. quarter. Costs fell.", ["Sales rose in the 2. quarter.",
                                                    "Costs fell."]),
     ("Two things count, 1. money and 2. time. Fine.",
      ["Two things count, 1. money and 2. time.", "Fine."]),
     # an abbreviation pysbd does not know, before a word in lowercase: no sentence starts so
     ("Shares fell 2 pct. on Monday. Yes.", ["Shares fell 2 pct. on Monday.", "Yes."]),
     ("Prices rose 5 pct. The bank said so.", ["Prices rose 5 pct.", "The bank said so."])],
)  # fmt: skip
def test_english_sentences_go_on_past_approx_and_a_german_ordinal(
    text: str, sentences: list[str]
) -> None:
    from summarize.segment import split_english_sentences

    assert split_english_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Die Forderungen der Gewerkschaft: 1. Die Löhne steigen um 8 Prozent. 2. Die "
            "Arbeitszeit sinkt.",
            [
                "Die Forderungen der Gewerkschaft: 1. Die Löhne steigen um 8 Prozent.",
                "2. Die Arbeitszeit sinkt.",
            ],
        ),
        (
            "Die Ergebnisse: 1. Die Grünen 25 Prozent, 2. Die CDU 22 Prozent.",
            ["Die Ergebnisse: 1. Die Grünen 25 Prozent, 2. Die CDU 22 Prozent."],
        ),
        (
            "Er wurde am Sonntag 40. Die Feier war groß.",
            ["Er wurde am Sonntag 40.", "Die Feier war groß."],
        ),
    ],
)
def test_a_list_number_after_a_colon_or_comma_stays_with_its_item(
    text: str, sentences: list[str]
) -> None:
    """ "Die Ergebnisse: 1. Die Grünen …" went to the translator as "Die Ergebnisse: 1." and
    "Die Grünen 25 Prozent, 2.": the item's number with the sentence before it."""
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "Das Museum begrüßte am Freitag den 10.000. Besucher.",
        "Das 2.000. Mitglied kam am Montag.",
        "Der Deutsche startet am Sonntag zu seinem bereits 150. Grand Prix in der Königsklasse.",
        "Es war sein insgesamt 100. Länderspiel für Deutschland.",
    ],
)
def test_an_ordinal_in_thousands_or_after_an_adverb_ends_no_sentence(sentence: str) -> None:
    """pysbd ended a sentence after "den 10.000." ("… den 10.000." | "Besucher.") and after
    "seinem bereits 150." (two such sentences of 10kGNAD's test articles); an ordinal right
    after an article already went on."""
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Die Zahl der Toten stieg auf 150.", "Rettungskräfte suchen weiter."),
        ("Sein Rekord liegt bei den jetzt 150.", "Niemand kam ihm nahe."),
        ("Er las Kapitel 3.", "Danach schlief er ein."),
        ("Organisationen, Geheimdienste usw.", "Alle diese Akteure nutzen Daten."),
        # a year after a preposition is no ordinal, whatever opens the next sentence
        ("Die Regierung erwartet das für 2025.", "Kritiker halten das für unrealistisch."),
        ("Die Stadt plant das bis 2030.", "Wann genau, ist offen."),
        # a development page's: a count after two words after "im"
        (
            "Der Unterschied betrug im ersten 7.915 Stimmen, im zweiten jedoch 28.077.",
            "Gleichwohl war dies der Startschuss.",
        ),
    ],
)
def test_a_count_still_ends_its_sentence(first: str, second: str) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize("language", ["de", "en"])
def test_sentence_spans_are_pysbds_own(language: str) -> None:
    """pysbd compiled a pattern of each sentence to find where it stands (a fifth of a short
    article's time outside the models); ours finds it with str.find: the same spans, repeated
    sentences, white space of every kind and a text's start and end included."""
    import pysbd

    theirs = pysbd.Segmenter(language=language, clean=False, char_span=True)
    ours = segment._segmenter(language, char_span=True)
    texts = [
        *_seed_paragraphs(),
        "Er kam. Er kam. Er kam.",
        "  Er kam.  Sie ging.\u00a0 Er kam. ",
        "Ja. Ja.\u2003Ja.\n\nJa.",
        "Dr. Müller kam um 10.30 Uhr. Er sagte: „Wir kommen.“ Dann ging er.",
        "x",
    ]
    for text in texts:
        expected = [(span.sent, span.start, span.end) for span in theirs.segment(text)]
        assert [(span.sent, span.start, span.end) for span in ours.segment(text)] == expected


def test_the_first_span_after_a_position_is_where_pysbd_finds_it() -> None:
    assert segment.first_span_after("Ja. Ja.  Ja.", "Ja.", 0) == (0, 4)
    assert segment.first_span_after("Ja. Ja.  Ja.", "Ja.", 4) == (4, 9)
    assert segment.first_span_after("Ja. Ja.  Ja.", "Ja.", 9) == (9, 12)
    assert segment.first_span_after("Ja. Ja.  Ja.", "Ja.", 12) is None
    assert segment.first_span_after("Ja. Nein.", "Vielleicht.", 0) is None
    # An empty sentence: pysbd's pattern is white space alone; the first match ending after 0.
    assert segment.first_span_after("a  b", "", 0) == (1, 3)


def test_a_long_english_line_reaches_pysbd_in_windows_with_the_sentences_of_the_whole(
    pysbd_input_lengths: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`eval summary` reads a record's article as one line (JSON Lines data sets have no line
    breaks): pysbd's time grows with the square of its input, and a record of 50,000
    characters took 2 s, one of 200,000 half a minute, where a German paragraph goes in
    windows. The English line goes in windows too, with the sentences it has whole."""
    from summarize.segment import split_english_sentences

    line = " ".join(
        f"The council met for the {n}th time on Monday. Dr. Smith said: 'We won't stop. It's "
        f"our town.' The vote was {n} to 3 on Jan. 5."
        for n in range(200)
    )
    assert len(line) > 5 * segment._PYSBD_WINDOW
    sentences = split_english_sentences(line)
    assert max(pysbd_input_lengths) <= segment._PYSBD_WINDOW
    # a line with no sentence end is cut at spaces for pysbd, and is one sentence still
    run_on = " ".join(f"the city plans road {n}, then" for n in range(2000))
    assert split_english_sentences(run_on) == [run_on]
    assert max(pysbd_input_lengths) <= segment._PYSBD_WINDOW
    monkeypatch.setattr(segment, "_PYSBD_WINDOW", 10 * len(line))
    assert split_english_sentences(line) == sentences


def test_no_window_is_cut_inside_an_english_single_quoted_quotation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pysbd's English rules keep a 'quotation' of several sentences whole (an apostrophe
    inside it, "won't", read as one): a window cut inside one, after one of its sentences,
    split it where the whole line does not."""
    from summarize.segment import split_english_sentences

    before = " ".join(
        f"The council met for the {n}th time on Monday in the hall." for n in range(40)
    )
    for opening, closing in (("'", "'"), ("‘", "’")):
        quotation = opening + " ".join(
            f"We won{closing}t give up. It{closing}s sentence {n} of the speech." for n in range(40)
        )
        line = f"{before} He said: {quotation}{closing} Then he left. She stayed."
        monkeypatch.setattr(segment, "_PYSBD_WINDOW", 10 * len(line))
        whole = split_english_sentences(line)
        assert any(sentence.startswith(f"He said: {opening}We won") for sentence in whole)
        monkeypatch.setattr(segment, "_PYSBD_WINDOW", len(before) + len(quotation) // 2)
        assert split_english_sentences(line) == whole


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the verb "mag" (pysbd's list holds "mag" for the title "Mag.")
        ("Er isst die Dinge, die er besonders gerne mag.", "Das führt zu Heißhunger."),
        ("So hoch man Traditionen auch bewerten mag.", "Beim Gesetz geht es um mehr."),
        # the noun "Art" (pysbd's list holds "art" for a law's "Art.")
        ("Es ist die bedeutendste Bibliothek ihrer Art.", "Außerdem hat sie ein Museum."),
        ("Sie mochte ihn auf eine Art.", "Nur seine Eitelkeit störte."),
        # millimetres after a number, as "cm." ends one
        ("Der Radstand beträgt 4.700 mm.", "Eingebaut wurde ein Sechszylinder."),
        ("Es fielen 12 mm.", "(Das ist wenig.)"),
        # pysbd reads its list in any case: "xi" is the numeral XI, "bart" the English Baronet
        ("Das schafft Platz für Wachstum, sagte Xi.", "Die Führungsgruppe hat Richtlinien."),
        ("Er zeigt sich in seinem kurzgeschnittenen Bart.", "Seit er gelobt wurde, ist er froh."),
    ],
)
def test_a_word_pysbd_reads_as_an_abbreviation_ends_its_sentence(first: str, second: str) -> None:
    paragraph = f"{first} {second}"
    assert split_sentences(paragraph) == [first, second]


@pytest.mark.parametrize(
    "sentence",
    [
        "Das regelt Art. 5 GG für alle.",
        "Das regelt Art. II des Vertrags.",
        # an item's "Art." (Artikel) before its "Nr."
        "Der Händler führt das Modell unter Art. Nr. 4711 im Katalog.",
        "Frau Mag. Huber leitet die Schule.",
        "Er sagte: „Was ich mag. Das ist gut“, und ging.",
        "Das Rohr misst 12 mm im Durchmesser.",
    ],
)
def test_a_law_article_a_title_and_a_quotation_stay_whole(sentence: str) -> None:
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Es gibt Spiele, Lieder etc.", "Zu\xaddem gibt es Musik."),
        ("Er landete auf Platz 4.", "Da\xadnach ging er nach Hause."),
        ("Die Fahrt dauerte 20 Min.", "Da\xadnach ging es weiter."),
    ],
)
def test_a_sentence_starter_with_soft_hyphens_starts_a_sentence(first: str, second: str) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sie erschien in der 3. Auf\xadlage des Buches.",
        "Er kam am 3. Ein\xadsatz\xadtag zurück.",
        "Der Zug hatte 20 Min. Ver\xadspätung heute.",
    ],
)
def test_a_noun_with_soft_hyphens_after_an_ordinal_stays_in_its_sentence(sentence: str) -> None:
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Es gab Obst, Gemüse usw.", "Weder das eine noch das andere half."),
        ("Es ging um Mord, Verfall etc.", "Zumal gelten die Südstaatler als religiös."),
        ("Er landete auf Platz 4.", "Dennoch war er zufrieden."),
        ("Die Kosten lagen bei 3 Mio.", "Somit ist das Budget erschöpft."),
    ],
)
def test_a_conjunction_or_adverb_opening_a_sentence_ends_the_one_before(
    first: str, second: str
) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


def test_usf_closing_a_list_ends_the_sentence_before_a_function_word() -> None:
    first, second = "Die neuen Sender sind inhaltslos usw. usf.", "Die Teenies sehen sie nicht."
    assert split_sentences(f"{first} {second}") == [first, second]
    assert split_sentences("Er las Briefe, Akten usf. Dutzende am Tag.") == [
        "Er las Briefe, Akten usf. Dutzende am Tag."
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # WMT news tests: pysbd read past the gap between two quotations
        ("Dazu der Titel: „Würden Sie das akzeptieren?“", "„Boeing schlägt Sitze vor.“"),
        ('Er sagte: "Wir haben zu danken, Trainer!"', '"Das war sehr emotional", meinte er.'),
        ("„Putin ist am stärksten, wenn er nicht angreift.“", "„Das Militär setzt Rost an.“"),
        ("He said: “We won.”", "“Then we left.”"),
    ],
)
def test_a_quotation_that_ends_a_sentence_before_the_next_one_ends_it(
    first: str, second: str
) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    "sentence",
    [
        # inside a quotation or a parenthesis, which pysbd keeps whole
        'Er sagte: "Sie rief „Halt!“ „Stehen bleiben!“ und lief weg."',
        "(Sie rief „Halt!“ „Stehen bleiben!“ und lief weg.)",
        # no sentence mark inside the first quotation
        "Er las „Faust“ „Die Räuber“ und noch mehr.",
    ],
)
def test_two_quotations_inside_a_quotation_or_without_a_stop_stay_one_sentence(
    sentence: str,
) -> None:
    assert split_sentences(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        # WMT news tests, as translated news writes a statement quoted before its speaker
        '"Ich habe keine Ahnung." sagte sie.',
        '"Nach Monaten von Ermittlungen ist so viel klar." sagte der Abgeordnete.',
        "„Wir kommen.“ schrieb er.",
        'Mit einem Klick auf "Ich bin einverstanden." geben Sie Ihre Erlaubnis.',
    ],
)
def test_a_quoted_statement_before_a_lowercase_word_ends_no_sentence(sentence: str) -> None:
    assert split_sentences(f"{sentence} Sie lachte.") == [sentence, "Sie lachte."]
    # A writer who starts sentences in lowercase starts one there too.
    assert split_sentences('er sagte "nein." sie schwieg.') == ['er sagte "nein."', "sie schwieg."]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # WMT news tests: a sentence-starting word that opens a quotation
        ("Das sagte die Chefökonomin bei Stifel Nicolaus & Co.", '"Aber ich denke anders."'),
        ("Gefährlich waren Konoplyanka und Amine Harit 62.", '"Dann wäre es klar gewesen."'),
        ("Viele handeln, als gäbe es einen Planeten B.", "„Was auf dem Meer passiert, bleibt.“"),
        ("So sagt es der Vorstand der Stiftung Jugend forscht e. V.", "„Wir freuen uns sehr.“"),
    ],
)
def test_a_sentence_starter_that_opens_a_quotation_starts_a_sentence(
    first: str, second: str
) -> None:
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    "sentence",
    [
        "Er kam am 3. „Tag der offenen Tür“ vorbei.",
        "Die Firma Müller & Co. „Baustoffe“ liefert.",
        "Er las Peter M. „Müllers“ Buch.",
        # a title the ordinal counts, opening with an article or pronoun: split at the number
        # since 6ffa0a5, "ihr 7." and "„Wir sind Helden“-Konzert …" went to the translator apart
        "Die Band spielte ihr 7. „Wir sind Helden“-Konzert in Berlin.",
        "Er las die 3. „Die Zeit“-Ausgabe des Jahres.",
        'Das war sein 2. "Der Pate"-Film.',
        "Sie gewann beim 1. „Die Höhle der Löwen“-Preis.",
    ],
)
def test_a_noun_that_opens_a_quotation_after_a_number_stays_in_its_sentence(
    sentence: str,
) -> None:
    assert split_sentences(sentence) == [sentence]
