"""Loading, generation settings, translation and summarization on random-weight models."""

from __future__ import annotations

import itertools
import json
import logging
import os
import re
import shutil
import threading
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import (
    BART_HUB,
    MARIAN_HUB,
    SHARED_HUB,
    ModelSet,
    require_shared_hub,
    seed_texts,
    write_config,
)
from pydantic import ValidationError

from summarize.backends import Generated
from summarize.batching import (
    GenerationFailed,
    even_chunks,
    generate_texts,
    pack,
    plan_batches,
    split_to_window,
    window_pieces,
)
from summarize.cache import TranslationCache
from summarize.config import SummarizationSettings, TranslationSettings
from summarize.errors import ArticleError, ConfigError, ModelLoadError
from summarize.models import LoadedModel, Task, WeightsNotLoaded, load_model, resolve_spec
from summarize.segment import split_english_sentences, split_sentences
from summarize.summarization import Summarizer
from summarize.testing import EchoBackend, WordTokenizer, echo_model, echo_text
from summarize.translation import Translator, needs_model

EVAL = SHARED_HUB.parent / "eval"
SHORT_TRANSLATION = {"max_new_tokens": 6, "num_beams": 2}
SHORT_SUMMARY = {"max_length": 12, "min_length": 2, "num_beams": 2}


def _translator(path: Path, **settings) -> Translator:
    options = TranslationSettings(model=str(path), generation=SHORT_TRANSLATION, **settings)
    return Translator(load_model("translation", options, Path("models")), options)


def _summarizer(path: Path, **settings) -> Summarizer:
    options = SummarizationSettings(model=str(path), generation=SHORT_SUMMARY, **settings)
    return Summarizer(load_model("summarization", options, Path("models")), options)


class Recorder:
    """Wraps generate_batch to record every text the model receives."""

    def __init__(self, stage) -> None:
        self.inputs: list[str] = []
        original = stage.generate_batch

        def recording(texts, *args, **kwargs):
            self.inputs.extend(texts)
            return original(texts, *args, **kwargs)

        stage.generate_batch = recording


def test_plan_batches_respects_limits_and_covers_every_index() -> None:
    lengths = [5, 40, 7, 40, 3, 12, 90, 1]
    batches = plan_batches(lengths, batch_size=3, max_batch_tokens=100)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        assert len(batch) <= 3
        longest = max(lengths[i] for i in batch)
        assert longest * len(batch) <= 100 or len(batch) == 1
        # length-sorted: each batch is in descending order of length
        assert [lengths[i] for i in batch] == sorted((lengths[i] for i in batch), reverse=True)


@pytest.mark.parametrize(
    ("count", "batch_size", "parallel", "sizes"),
    [
        (10, 4, 1, [3, 3, 4]),  # three batches of even size, not 4 + 4 + 2
        (10, 4, 2, [2, 2, 3, 3]),  # a multiple of the workers
        (4, 4, 2, [2, 2]),  # one batch would leave a worker idle
        (3, 8, 4, [1, 1, 1]),  # never more batches than rows
        (97, 32, 1, [24, 24, 24, 25]),
    ],
)
def test_plan_batches_splits_evenly_for_the_workers(
    count: int, batch_size: int, parallel: int, sizes: list[int]
) -> None:
    lengths = list(range(count, 0, -1))
    batches = plan_batches(lengths, batch_size, max_batch_tokens=10_000, parallel=parallel)
    assert [len(batch) for batch in batches] == sizes
    assert [i for batch in batches for i in batch] == list(range(count))  # longest first


def test_plan_batches_splits_an_even_batch_over_the_token_budget() -> None:
    lengths = [100, 90, 10, 10]
    batches = plan_batches(lengths, batch_size=4, max_batch_tokens=150)
    assert batches == [[0], [1], [2, 3]]


@pytest.mark.parametrize("text", ["", "   ", "…", "– – –", "***", "12.000", "(3)", "§ 4"])
def test_pieces_without_letters_need_no_model(text: str) -> None:
    assert not needs_model(text)


def test_split_to_window_keeps_every_word_in_order() -> None:
    words = [f"wort{i}" for i in range(300)]
    text = " ".join(words[:100]) + ", " + " ".join(words[100:200]) + "; " + " ".join(words[200:])
    pieces = split_to_window(text, lambda piece: len(piece.split()) <= 40)
    assert all(len(piece.split()) <= 40 for piece in pieces)
    assert " ".join(pieces).split() == text.split()
    assert len(pieces) >= 8


def test_split_to_window_cuts_a_long_quotation_at_its_sentence_ends_first() -> None:
    """The segmenter keeps a quotation of several sentences whole (a development page quotes a
    book for 2,280 characters). Longer than the window, it was cut at its commas, each
    sentence's clauses translated apart, though its full stops were free."""
    sentences = [
        "„Der Kapitalismus basiert auf der Ausbeutung von Menschen.",
        "Auch in den führenden Staaten gibt es die Spaltung in Klassen, zwischen Ausgebeuteten "
        "und Ausbeutern.",
        "Diese Staaten beuten ebenso Neokolonien, sogenannte Entwicklungsländer, aus.",
        "Teil davon ist es, Wissenschaftler, Spezialisten, Ingenieure abzuwerben.“",
    ]
    text = " ".join(sentences)
    pieces = split_to_window(text, lambda piece: len(piece.split()) <= 16)
    # Whole sentences, packed (the last two fit together), in order.
    assert pieces == [*sentences[:2], " ".join(sentences[2:])]
    # A title's full stop before a name ends no sentence: no piece ends there.
    assert split_to_window(
        "Es war kalt. Dann kam Dr. Müller und ging.", lambda piece: len(piece.split()) <= 6
    ) == ["Es war kalt.", "Dann kam Dr. Müller und ging."]
    # Nor does one the segmenter knows never ends a sentence ("geb.", "gem.").
    pieces = split_to_window(
        "Es war kalt. Dann kam Anna geb. Schmidt, und sie ging.",
        lambda piece: len(piece.split()) <= 6,
    )
    assert pieces == ["Es war kalt.", "Dann kam Anna geb. Schmidt,", "und sie ging."]


@pytest.mark.parametrize(
    "sentence",
    [
        # Found on the development pages, cut there for a 48-token window.
        "Auf dem Foto steht er mit VMRO-DPMNE Parteichef Hristjan Mickoski links und dem stv. "
        "VMRO-DPMNE Vorsitzenden Aleksandar Nikoloski rechts vor dem Parteibüro in Skopje.",
        "Schreiben Sie uns einfach zwecks Reisetermin, Anzahl der Personen und evt. "
        "Sonderwünschen und wir bringen Sie in Verbindung mit unseren Partnern vor Ort.",
        # The cleaner's list too: a born name, a street.
        "Die Witwe Anna Müller geb. Schmidt wohnte bis zu ihrem Tod in der Hauptstr. "
        "Nummer fünf am Rand der Altstadt von Ulm.",
    ],
    ids=["stv.", "evt.", "geb. and Hauptstr."],
)
def test_split_to_window_never_cuts_after_an_abbreviation_the_segmenter_reads_on(
    sentence: str,
) -> None:
    """The segmenter keeps "dem stv. Vorsitzenden" in one sentence ("stv." never ends one),
    but the window splitter took "stv." before a capital for a sentence end and sent "… und
    dem stv." and "VMRO-DPMNE Vorsitzenden …" to the translator apart (its own list of
    abbreviations lacked the segmenter's)."""
    assert split_sentences(sentence) == [sentence]  # one sentence, as the segmenter reads it
    pieces = split_to_window(sentence, lambda piece: len(piece.split()) <= 16)
    assert " ".join(pieces) == sentence
    for piece in pieces[:-1]:
        assert piece.split()[-1] not in {"stv.", "evt.", "geb.", "Hauptstr."}, pieces


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Die Busse fuhren noch etliche Jahre nach dem 2. Weltkrieg durch die Stadt und das "
         "ganze Land.", 9),
        ("Das Heft vom 13. Dezember 2022 erschien als PDF im Netz.", 4),
        # A range's dash after a day is no clause break (development page, a 40-token window).
        ("Die Jugendlichen trafen sich zusammen mit dem Landesjugendring vom 6. - 7. März 2020 "
         "zum Aktionsworkshop in der Stadt.", 9),
    ],
    ids=["2. Weltkrieg", "13. Dezember", "6. - 7. März"],
)  # fmt: skip
def test_split_to_window_never_cuts_after_an_ordinal_or_a_dates_day(
    sentence: str, words: int
) -> None:
    """A sentence longer than the window was cut between an ordinal or a date's day and its
    noun or month: "… nach dem 2." and "Weltkrieg …", "vom 13." and "Dezember 2022", "vom 6."
    and "- 7. März 2020" went to the translator apart (5 such cuts of 16,000 sentences of the
    development pages at a 40-token opus-mt window). The number goes with what it numbers."""
    pieces = split_to_window(sentence, lambda piece: len(piece.split()) <= words)
    assert " ".join(pieces) == sentence and len(pieces) > 1
    assert all(len(piece.split()) <= words for piece in pieces)
    for piece in pieces[:-1]:
        assert not re.fullmatch(r"\d+\.", piece.split()[-1]), pieces


def test_split_to_window_keeps_a_companys_co_kg_together() -> None:
    """ "Co." before a capital was a sentence end to the window splitter: "… GmbH & Co." and
    "KG, Postfach …" went to the translator apart (8 cuts of 16,000 sentences of the
    development pages at a 40-token opus-mt window). "Co." still ends a sentence elsewhere."""
    fits = lambda piece: len(piece.split()) <= 8  # noqa: E731
    for sentence in (
        "Unternehmeradresse: Schlumberger GmbH & Co. KG, Postfach 11 20, 53333 Meckenheim.",
        "Hersteller ist die DHU-Arzneimittel GmbH & Co. KG in Karlsruhe, die das Mittel seit "
        "Jahren vertreibt.",
    ):
        pieces = split_to_window(sentence, fits)
        assert " ".join(pieces) == sentence and all(fits(piece) for piece in pieces)
        assert not [piece for piece in pieces if piece.endswith("Co.")], pieces
    assert split_to_window(
        "Es gab Pudding & Co. Ob als Blechkuchen oder als Torte, alles.", fits
    ) == [
        "Es gab Pudding & Co.",
        "Ob als Blechkuchen oder als Torte, alles.",
    ]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        # a quotation of two sentences, kept whole by the segmenter, cut at its sentence end
        ("„Der Regionalzug nach Köln hatte am Morgen wieder 20 Min. Verspätung wegen einer "
         "Störung. Die Fahrgäste warteten lange am Bahnsteig.“", 12),
        # one sentence, cut between words
        ("Zeugen sahen den Regionalzug nach Köln, der am Morgen wieder mehr als 20 Min. "
         "Verspätung hatte, an dem kleinen Bahnhof langsam vorbeifahren.", 11),
    ],
    ids=["quotation", "words"],
)  # fmt: skip
def test_split_to_window_reads_a_unit_on_as_the_segmenter_does(sentence: str, words: int) -> None:
    """The segmenter reads "20 Min. Verspätung" as one sentence (a unit after a number goes on
    to its noun), but the window splitter kept a list of its own without "Min.": it cut a long
    quotation after "… wieder 20 Min." and sent "Verspätung wegen einer Störung." to the
    translator apart, and packing words ended a piece with "20 Min." too. Both now ask the
    segmenter's rules (segment.sentence_goes_on)."""
    assert split_sentences(sentence) == [sentence]
    pieces = split_to_window(sentence, lambda piece: len(piece.split()) <= words)
    assert " ".join(pieces) == sentence and len(pieces) > 1
    assert all(len(piece.split()) <= words for piece in pieces)
    assert not [piece for piece in pieces[:-1] if piece.endswith("Min.")], pieces


def test_split_to_window_cuts_no_piece_after_an_abbreviation_before_the_last_two() -> None:
    """Only the last two pieces were cut with the abbreviations in mind: a sentence split in
    three or more pieces ended its first after "stv." (on the development pages, "Dr.", "St.",
    "inkl." before a name or a number), and the title went to the translator without its name."""
    sentence = (
        "Auf dem Foto steht er links neben dem stv. Vorsitzenden Aleksandar Nikoloski rechts "
        "vor dem Parteibüro in Skopje und neben ihm stehen noch viele weitere Leute aus der "
        "Partei."
    )
    pieces = split_to_window(sentence, lambda piece: len(piece.split()) <= 9)
    assert len(pieces) > 2 and " ".join(pieces) == sentence
    assert all(len(piece.split()) <= 9 for piece in pieces)
    assert not [piece for piece in pieces[:-1] if piece.split()[-1] == "stv."], pieces


def test_split_to_window_cuts_an_unbroken_token_without_losing_characters() -> None:
    blob = "x" * 1000
    pieces = split_to_window(blob, lambda piece: len(piece) <= 64)
    assert "".join(pieces) == blob and all(len(piece) <= 64 for piece in pieces)


def test_split_to_window_cuts_a_long_word_between_grapheme_clusters() -> None:
    """Halving an over-long word at a code point split a family emoji at its joiners and a
    letter from its combining accent: the model read a lone U+200D or U+0301."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    for blob in (family * 20, "Cafe\u0301" * 40, "x" + "e\u0301\u0323" * 30):
        pieces = split_to_window(blob, lambda piece: len(piece) <= 16)
        assert "".join(pieces) == blob and len(pieces) > 1
        assert not [p for p in pieces if p[0] in "\u200d\u0301\u0323" or p[-1] == "\u200d"]


def test_split_to_window_reads_a_long_run_without_spaces_in_one_pass() -> None:
    """The sentence-end search tried a leading "\\S*" at every character of a run without a
    space (text extracted without its spaces, a long URL), and each such try read to the run's
    end: 32,000 characters took a minute, this one half an hour. No time is measured here; the
    old search does not finish. The sentence ends around the run still cut, the title's not."""
    run = "Abc" * 40_000 + "."
    text = f"Es war kalt. Dann kam Dr. Müller: {run} Danach ging er."
    pieces = split_to_window(text, lambda piece: len(piece) <= 600)
    # Every character kept, in order (the run is cut inside, where no space was).
    assert "".join("".join(pieces).split()) == "".join(text.split())
    assert all(len(piece) <= 600 for piece in pieces)
    # the short sentence before the split clause shares its piece; no cut after "Dr."
    assert pieces[0] == "Es war kalt. Dann kam Dr. Müller:"
    assert pieces[-1] == "Danach ging er."


@pytest.mark.parametrize("length", [210, 1_000, 4_321])
def test_a_long_run_without_spaces_is_cut_into_as_few_even_pieces_as_fit(length: int) -> None:
    """A run without a space longer than the window (a URL, text extracted without its
    spaces) was cut into halves again and again: 2.1 windows made four pieces, not three, a
    URL of 19 windows' worth of opus-mt tokens 32. As many pieces as the window needs, each
    character once and in order, of even length."""
    run = "".join(chr(ord("a") + i % 26) for i in range(length))
    pieces = split_to_window(run, lambda piece: len(piece) <= 100)
    assert "".join(pieces) == run
    assert len(pieces) == -(-length // 100)
    assert max(len(piece) for piece in pieces) <= 100
    assert max(map(len, pieces)) - min(map(len, pieces)) <= 1
    # Pieces of uneven density: filled greedily, with no scrap at the end.
    dense = "W" * 150 + "i" * 300  # a "W" costs three of the window's hundred, an "i" one

    def fits(piece: str) -> bool:
        return 3 * piece.count("W") + piece.count("i") <= 100

    pieces = split_to_window(dense, fits)
    assert "".join(pieces) == dense and all(fits(piece) for piece in pieces)
    assert len(pieces) == 8  # 750 of the window's units: greedy filling needs eight
    assert len(pieces[-1]) >= 70, pieces  # greedy: 100 and 54 "i" last; now 77 and 77


@pytest.mark.parametrize(
    ("before", "after"),
    [("Er sagte,", ""), ("", ", sagte er."), ("", "; verletzt wurde niemand.")],
)
def test_a_short_clause_beside_a_clause_split_for_the_window_shares_its_piece(
    before: str, after: str
) -> None:
    """A clause too long for the window closed the piece before it and left the clause after
    it a piece of its own: "sagte er." went to the translator alone, three inputs where two
    hold the sentence (opus-mt's tokenizer, 512 tokens: "Er sagte, <590 tokens>." was cut 4 +
    294 + 294). The short clause joins the split's piece next to it where the two fit."""
    words = " ".join(f"wort{i}" for i in range(16))
    text = f"{before} {words}{after}".strip()

    def fits(piece: str) -> bool:
        return len(piece.split()) <= 11

    pieces = split_to_window(text, fits)  # the 16 words are cut 8 + 8
    assert " ".join(pieces) == text
    assert all(fits(piece) for piece in pieces)
    assert len(pieces) == 2, pieces


def test_a_long_sentence_is_packed_without_counting_it_word_by_word() -> None:
    """Packing asked the tokenizer whether the piece fit after every word: a sentence of 8,000
    words without a clause mark (a list, text without its punctuation) cost 8,000 counts of up
    to a window's text, 19 s with DistilBART's tokenizer, and its English as much again. The
    pieces are as they were: whole words, in order, each as full as the window allows but for
    the last two, evened out."""
    words = [f"w{i}" for i in range(20_000)]
    counted: list[str] = []

    def fits(piece: str) -> bool:
        counted.append(piece)
        return len(piece.split()) <= 1_000

    pieces = split_to_window(" ".join(words), fits)
    assert " ".join(pieces).split() == words
    assert [len(piece.split()) for piece in pieces] == [1_000] * 20
    assert len(counted) < 2_000  # a tenth of the words: counted once each, it was 20,000
    # A few words at a time (a short sentence's clauses) are packed as before.
    assert pack(["a b", "c", "d e f", "g"], lambda piece: len(piece.split()) <= 3) == [
        "a b c",
        "d e f",
        "g",
    ]


def test_translator_sends_each_distinct_sentence_once_in_order() -> None:
    backend = EchoBackend()
    translator = Translator(echo_model(backend=backend), TranslationSettings(batch_size=2))
    sentences = ["Das ist gut.", "–", "Der Hund bellt laut.", "Das ist gut.", "", "Ja.", "Nein."]
    results = translator.translate(sentences)
    assert [item.source for item in results] == sentences
    assert sorted(backend.inputs) == sorted(
        {"Das ist gut.", "Der Hund bellt laut.", "Ja.", "Nein."}
    )
    # Each output is its own input's (the batches were length-sorted, then put back in order);
    # pieces with nothing to translate are copied, never sent.
    expected = [echo_text(s) if needs_model(s) else s for s in sentences]
    assert [item.text for item in results] == expected
    assert [item.pieces for item in results] == [1, 0, 1, 1, 0, 1, 1]


def _fails_on(marker: str, error: BaseException) -> EchoBackend:
    """An echo backend whose generation raises ``error`` for any batch holding ``marker``."""

    def transform(text: str) -> str:
        if marker in text:
            raise error
        return echo_text(text)

    return EchoBackend(transform)


def test_a_batch_that_fails_is_halved_until_the_input_that_fails_alone_is_found() -> None:
    """One input that makes generate() raise (out of memory in a beam search) costs only its
    own output: its batch is retried in halves, every other input gets its own output."""
    oom = RuntimeError("DefaultCPUAllocator: can't allocate memory: you tried to allocate 9 GB")
    backend = _fails_on("BOOM", oom)
    texts = [f"Satz {n} ist da." for n in range(9)]
    texts[5] = "Satz BOOM ist da."
    done: list[int] = []
    outputs = generate_texts(echo_model(backend=backend), texts, 4, 10_000, done.append)
    assert [o.text for o in outputs if isinstance(o, Generated)] == [
        echo_text(text) for text in texts if "BOOM" not in text
    ]
    failed = outputs[5]
    assert isinstance(failed, GenerationFailed)
    assert "translation model echo ran out of memory" in failed.reason
    assert "can't allocate memory" in failed.reason and "num_beams" in failed.reason
    assert "\n" not in failed.reason
    assert sum(done) == len(texts)  # progress counts every input once
    assert ["Satz BOOM ist da."] in backend.batches  # tried alone


class PanicException(BaseException):
    """What pyo3 raises where a library's Rust code (a fast tokenizer's) panics: a
    BaseException, not an Exception, of a module that cannot be imported."""


PanicException.__module__ = "pyo3_runtime"


def test_a_librarys_panic_on_one_input_costs_only_its_output() -> None:
    """A Rust panic in generation (a fast tokenizer's, raised by pyo3 as a BaseException) went
    past the retry, which caught Exception: the whole run ended. It fails that input alone, as
    any other error of the model's does."""
    backend = _fails_on("BOOM", PanicException("byte index 3 is not a char boundary"))
    texts = ["Ein Satz.", "BOOM da.", "Noch einer."]
    outputs = generate_texts(echo_model(backend=backend), texts, 4, 10_000)
    assert [o.text for o in outputs if isinstance(o, Generated)] == [
        echo_text(texts[0]),
        echo_text(texts[2]),
    ]
    failed = outputs[1]
    assert isinstance(failed, GenerationFailed)
    assert "PanicException: byte index 3 is not a char boundary" in failed.reason


@pytest.mark.parametrize("error", [KeyboardInterrupt(), ConfigError("a setting of ours")])
def test_a_stop_or_our_own_error_during_generation_is_not_taken_for_a_bad_input(
    error: BaseException,
) -> None:
    backend = _fails_on("BOOM", error)
    with pytest.raises(type(error)):
        generate_texts(echo_model(backend=backend), ["Ein Satz.", "BOOM da."], 4, 10_000)
    assert len(backend.batches) == 1  # not retried


def test_a_sentence_the_model_fails_on_has_no_english_and_is_not_cached(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    backend = _fails_on("BOOM", ValueError("index out of range in self"))
    translator = Translator(echo_model(backend=backend), TranslationSettings(batch_size=4), cache)
    sentences = ["Der Hund bellt.", "Die BOOM Katze.", "Ja."]
    results = translator.translate(sentences)
    assert [r.text for r in results] == [echo_text(sentences[0]), "", echo_text(sentences[2])]
    assert [r.failed is None for r in results] == [True, False, True]
    assert "failed generating for one input" in (results[1].failed or "")
    assert "ValueError: index out of range in self" in (results[1].failed or "")
    again = Translator(echo_model(), TranslationSettings(batch_size=4), cache)
    assert again.translate(sentences)[1].text == echo_text(sentences[1])  # not cached as failed
    cache.close()


def test_a_summary_input_the_model_fails_on_costs_only_its_own_article() -> None:
    backend = _fails_on("BOOM", RuntimeError("CUDA out of memory. Tried to allocate 2 GiB"))
    summarizer = Summarizer(
        echo_model("summarization", backend=backend), SummarizationSettings(batch_size=8)
    )
    results = summarizer.summarize_many([["Ein Text."], ["Ein BOOM Text."], ["Noch einer."]])
    assert not isinstance(results[0], ArticleError) and not isinstance(results[2], ArticleError)
    assert results[0].text == echo_text("Ein Text.")
    assert isinstance(results[1], ArticleError)
    assert "summarization model echo ran out of memory" in str(results[1])


def test_soft_hyphens_of_web_pages_do_not_reach_the_model() -> None:
    """Copied pages hide soft hyphens inside words; the tokenizer would cut the word at each
    one. The model reads the word whole, and the sentence's German stays as it was."""
    backend = EchoBackend()
    translator = Translator(echo_model(backend=backend), TranslationSettings())
    sentence = "Das Ge\u00adschäfts\u00adkun\u00adden\u00adpor\u00adtal ist offen."
    (result,) = translator.translate([sentence])
    assert backend.inputs == ["Das Geschäftskundenportal ist offen."]
    assert result.source == sentence
    assert result.text == echo_text("Das Geschäftskundenportal ist offen.")


def test_other_marks_of_no_width_inside_words_do_not_reach_the_model() -> None:
    """A word joiner (U+2060) or a zero-width joiner or non-joiner between letters, which text
    from the web or a word processor carries, is as invisible as a soft hyphen: Marian's
    tokenizer made it an unknown token ("Auf<unk>lage") or a word break. An emoji sequence
    keeps its joiners; the German stays as it was."""
    backend = EchoBackend()
    translator = Translator(echo_model(backend=backend), TranslationSettings())
    sentences = [
        "Die Auf\u2060lage ist ver\u200dgriffen.",
        "Die Auf\u200clage ist neu.",
        "Familie \U0001f468\u200d\U0001f469\u200d\U0001f467 ist da.",
    ]
    results = translator.translate(sentences)
    assert sorted(backend.inputs) == sorted(
        [
            "Die Auflage ist vergriffen.",
            "Die Auflage ist neu.",
            "Familie \U0001f468\u200d\U0001f469\u200d\U0001f467 ist da.",
        ]
    )
    assert [result.source for result in results] == sentences


def test_translation_cache_returns_each_input_its_own_translation(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    sentences = [f"Satz Nummer {n} ist da." for n in range(7)]
    first = Translator(echo_model(), TranslationSettings(batch_size=3), cache)
    assert [r.text for r in first.translate(sentences)] == [echo_text(s) for s in sentences]
    backend = EchoBackend(lambda text: "not from the cache")
    again = Translator(echo_model(backend=backend), TranslationSettings(batch_size=3), cache)
    shuffled = [*sentences[::-1], "Ein neuer Satz."]
    results = again.translate(shuffled)
    assert backend.inputs == ["Ein neuer Satz."]
    assert [r.text for r in results[:-1]] == [echo_text(s) for s in shuffled[:-1]]
    cache.close()


def test_the_translation_cache_serves_a_run_in_another_thread(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A library user runs the pipeline in a worker thread and closes it in the main one: the
    close raised (SQLite's same-thread check), and a second run from another thread took the
    cache for a damaged file, said to delete it, and translated everything again."""
    cache = TranslationCache(tmp_path)
    sentences = ["Der Hund bellt laut.", "Die Katze schläft."]

    def translate(backend: EchoBackend) -> None:
        Translator(echo_model(backend=backend), TranslationSettings(), cache).translate(sentences)

    first, second = EchoBackend(), EchoBackend()
    for backend in (first, second):
        worker = threading.Thread(target=translate, args=(backend,))
        worker.start()
        worker.join()
    assert first.inputs == sentences and second.inputs == []  # the second, from the cache
    assert "cannot be read" not in caplog.text
    cache.close()


def test_a_split_off_piece_without_letters_is_copied_not_sent() -> None:
    backend = EchoBackend()
    loaded = echo_model(window=5, backend=backend)  # four words and the end token
    sentence = "Die Zahlen lauten so: 1.000, 2.000, 3.000, 4.000, 5.000, 6.000, 7.000, 8.000"
    (result,) = Translator(loaded, TranslationSettings()).translate([sentence])
    pieces = split_to_window(sentence, loaded.fits)
    assert [piece for piece in pieces if not needs_model(piece)]  # the case under test
    assert backend.inputs and all(needs_model(text) for text in backend.inputs)
    expected = [echo_text(piece) if needs_model(piece) else piece for piece in pieces]
    assert result.text == " ".join(expected) and result.pieces == len(pieces)


def test_the_cache_keeps_the_scores_so_warnings_do_not_depend_on_it(tmp_path: Path) -> None:
    """A brief made from cached translations must show the same low-confidence warnings as
    one made by the model (the CTranslate2 backend reports scores)."""

    class Scoring(EchoBackend):
        def generate_batches(self, batches):
            for outputs in super().generate_batches(batches):
                yield [Generated(output.text, -3.0) for output in outputs]

    cache = TranslationCache(tmp_path)
    sentences = ["Der Hund bellt laut.", "Die Katze schläft."]
    fresh = Translator(echo_model(backend=Scoring()), TranslationSettings(), cache)
    first = fresh.translate(sentences)
    backend = Scoring()
    again = Translator(echo_model(backend=backend), TranslationSettings(), cache)
    second = again.translate(sentences)
    cache.close()
    assert backend.inputs == []  # all from the cache
    assert [item.logprob for item in first] == [-3.0, -3.0]
    assert second == first


def test_an_english_at_the_limit_in_tokens_written_is_warned_of_also_from_the_cache(
    tmp_path: Path,
) -> None:
    """The limit was judged by encoding the English again: a model that wrote `<unk>` pieces
    up to its limit decodes to little text, which encodes in a few tokens, and the cut
    translation went unflagged. The tokens the backend wrote count, and the cache keeps them."""
    from transformers import GenerationConfig

    class WritesUnknowns(EchoBackend):
        def generate_batches(self, batches):
            for texts in batches:
                self.batches.append(list(texts))
                yield [Generated("x", tokens=8 if "lang" in text else 2) for text in texts]

    cache = TranslationCache(tmp_path)
    sentences = ["Ein langer Satz.", "Ein kurzer Satz."]
    limited = GenerationConfig(max_new_tokens=8)
    first = Translator(
        replace(echo_model(backend=WritesUnknowns()), generation_config=limited),
        TranslationSettings(),
        cache,
    ).translate(sentences)
    assert [item.reached_limit for item in first] == [8, None]
    backend = WritesUnknowns()
    again = Translator(
        replace(echo_model(backend=backend), generation_config=limited),
        TranslationSettings(),
        cache,
    ).translate(sentences)
    cache.close()
    assert backend.inputs == []  # all from the cache
    assert again == first


def test_a_translator_loads_its_weights_only_for_an_input_not_in_the_cache(
    tmp_path: Path,
) -> None:
    """The pipeline's translator starts without weights (a rerun that finds every sentence in
    the cache loads none); an input the cache lacks loads them, before the progress starts.
    From the cache, a split sentence has the same pieces and English as when translated, and
    a sentence found whole is not tokenized again."""
    cache = TranslationCache(tmp_path)
    short = echo_model(window=6)  # five words and the end token
    split = "eins zwei drei, vier fünf sechs sieben, acht neun zehn elf zwölf dreizehn."
    sentences = ["Der Hund bellt.", split, "1.000"]
    first = Translator(short, TranslationSettings(), cache).translate(sentences)
    assert first[1].pieces > 1
    backend = EchoBackend()
    events: list[str] = []

    def weights():
        events.append("weights")
        return replace(short, backend=backend)

    class Counting(WordTokenizer):
        def words(self, text: str) -> list[str]:
            events.append(f"tokenized {text}")
            return super().words(text)

    unloaded = replace(short, tokenizer=Counting(), backend=WeightsNotLoaded(TranslationSettings()))
    pending = Translator(unloaded, TranslationSettings(), cache, weights=weights)
    assert not pending.needs_weights(sentences)
    assert pending.translate(sentences) == first
    assert "weights" not in events and "tokenized Der Hund bellt." not in events
    assert pending.needs_weights(["Die Katze schläft."])
    pending.translate(["Die Katze schläft."], on_start=lambda count: events.append("started"))
    assert events[-2:] == ["weights", "started"] and backend.inputs == ["Die Katze schläft."]
    cache.close()


def test_split_sentences_are_translated_piece_by_piece_and_joined_in_order() -> None:
    backend = EchoBackend()
    loaded = echo_model(window=6, backend=backend)  # five words and the end token
    sentence = "eins zwei drei, vier fünf sechs sieben, acht neun zehn elf zwölf dreizehn."
    (result,) = Translator(loaded, TranslationSettings()).translate([sentence])
    pieces = split_to_window(sentence, loaded.fits)
    assert result.pieces == len(pieces) > 2 and all(loaded.fits(piece) for piece in pieces)
    assert sorted(backend.inputs) == sorted(pieces)
    assert result.text == " ".join(echo_text(piece) for piece in pieces)
    assert " ".join(pieces).split() == sentence.split()


@pytest.mark.parametrize("answer", ["", "."])
def test_a_piece_of_a_split_sentence_that_comes_back_without_a_word_is_warned_of(
    answer: str,
) -> None:
    """One piece's English empty (or only punctuation, "." for "im Bahnhof warteten viele,")
    and the others' there: the sentence's English lacked that piece's text with no warning (the
    length ratio stays in range past two pieces); an empty one left a double space where it
    was."""
    from summarize.stages import _warnings_of

    backend = EchoBackend(lambda text: answer if "Bahnhof" in text else echo_text(text))
    loaded = echo_model(window=6, backend=backend)  # five words and the end token
    sentence = (
        "Der Zug kam aus Berlin, im Bahnhof warteten viele, dann stiegen alle Fahrgäste aus, "
        "und sie gingen nach Hause."
    )
    (result,) = Translator(loaded, TranslationSettings()).translate([sentence])
    pieces = split_to_window(sentence, loaded.fits)
    kept = [echo_text(piece) if "Bahnhof" not in piece else answer for piece in pieces]
    assert result.pieces == len(pieces) > 3 and result.empty_pieces == 1
    assert result.text == " ".join(text for text in kept if text)
    details = [warning.detail for warning in _warnings_of(result)]
    assert f"no English came back for 1 of the {len(pieces)} pieces" in " ".join(details)
    # A sentence whose English came back whole is not warned of so.
    (whole,) = Translator(echo_model(window=6), TranslationSettings()).translate([sentence])
    assert whole.empty_pieces == 0
    assert not [w for w in _warnings_of(whole) if "no English came back" in w.detail]
    # Every piece so: the sentence has no English at all, said once, as for one piece.
    nothing = echo_model(window=6, backend=EchoBackend(lambda text: answer))
    (none,) = Translator(nothing, TranslationSettings()).translate([sentence])
    assert none.empty_pieces == 0
    said = [w.detail for w in _warnings_of(none)]
    assert said == [
        f"no English came back, only “{none.text}”" if answer else "no English came back"
    ]


def test_a_piece_copied_for_want_of_a_letter_is_no_empty_piece() -> None:
    """A piece copied, not translated (no letter in it), holds no word and is no loss."""
    numbers = "eins zwei drei vier fünf, 1.000, 2.000, 3.000, 4.000, 5.000, 6.000, 7.000"
    (copied,) = Translator(echo_model(window=6), TranslationSettings()).translate([numbers])
    assert copied.pieces > 1 and copied.empty_pieces == 0


def test_a_prefix_that_fills_the_window_is_a_clear_error_not_endless_splitting() -> None:
    """A clear error for that sentence's article (the start-up check refuses such a prefix
    before any article; this is what is left when a character costs more than it tried)."""
    with pytest.raises(ArticleError, match="window cannot hold"):
        split_to_window("Ein Satz, der nicht passt.", lambda piece: False)
    loaded = echo_model(window=4, prefix="translate German to English please: ")
    (result,) = Translator(loaded, TranslationSettings()).translate(["Der Hund bellt."])
    assert result.text == "" and result.failed is not None and "prefix" in result.failed


def test_a_split_sentence_ends_in_no_scrap() -> None:
    """Filled greedily, the last piece of a split sentence was what was left over: the final
    verb of "... haben die Gemeinderäte ... beschlossen" translated on its own. The last two
    pieces are cut where they are closest in length, both still fitting."""
    loaded = echo_model(window=6)  # five words and the end token
    words = "Am Montag haben die Räte der Stadt den neuen Plan beschlossen".split()
    pieces = split_to_window(" ".join(words), loaded.fits)
    assert " ".join(pieces) == " ".join(words) and all(loaded.fits(p) for p in pieces)
    assert len(pieces) == 3 and len(pieces[-1].split()) > 1  # greedy: 5, 5 and 1 word
    longest = max(len(word) for word in words)
    assert abs(len(pieces[-1]) - len(pieces[-2])) <= longest


def test_sentence_longer_than_the_window_is_split_not_cut(models) -> None:
    translator = _translator(models.marian_short_window)
    assert translator.loaded.window == 48
    long_sentence = (
        ", ".join(
            f"der Soldat {name} kam am Montag in die Stadt"
            for name in [
                "Anton",
                "Berta",
                "Cäsar",
                "Dora",
                "Emil",
                "Friedrich",
                "Gustav",
                "Heinrich",
            ]
        )
        + "."
    )
    assert not translator.loaded.fits(long_sentence)
    recorder = Recorder(translator)
    (result,) = translator.translate([long_sentence])
    assert result.pieces == len(recorder.inputs) > 1
    assert all(translator.loaded.fits(piece) for piece in recorder.inputs)
    in_sentence_order = sorted(recorder.inputs, key=long_sentence.index)
    assert " ".join(in_sentence_order).split() == long_sentence.split()


def test_summary_of_text_within_the_window_is_direct(models) -> None:
    summarizer = _summarizer(models.bart)
    summary = summarizer.summarize(["The soldiers arrived on Monday.", "They left on Friday."])
    assert summary.path == "direct" and summary.map_rounds == 0 and summary.chunks == 1


def test_a_text_no_longer_than_the_summarys_minimum_is_summarized_without_it(
    models, monkeypatch
) -> None:
    """DistilBART's min_length of 56 over a two-sentence news item made the model write at
    least 55 tokens, more than the item says: such a text is summarized without the minimum,
    in a batch of its own, and the note says so; a longer one keeps it."""
    import summarize.summarization as summarization

    settings = SummarizationSettings(model=str(models.bart))  # the model's own min_length 56
    summarizer = Summarizer(load_model("summarization", settings, Path("models")), settings)
    assert summarizer.loaded.output_minimum() == 55
    minimums: dict[str, int] = {}
    original = summarization.generate_texts

    def recording(model, texts, *rest):
        minimums.update(dict.fromkeys(texts, model.output_minimum()))
        return original(model, texts, *rest)

    monkeypatch.setattr(summarization, "generate_texts", recording)
    short = ["The train left on Monday.", "Nobody was hurt."]
    long = [f"Sentence {i} says that the troops moved near Kursk again." for i in range(8)]
    brief, full = summarizer.summarize_many([short, long])

    assert summarizer.loaded.count_tokens(" ".join(short)) <= 55
    assert summarizer.loaded.count_tokens(" ".join(long)) > 55
    assert minimums == {" ".join(short): 0, " ".join(long): 55}
    assert brief.note is not None and "minimum length (55 tokens)" in brief.note
    assert full.note is None or "minimum" not in full.note


def test_text_longer_than_the_window_takes_map_reduce(models) -> None:
    summarizer = _summarizer(models.bart_short_window)
    assert summarizer.loaded.window == 96
    sentences = [
        f"Sentence number {i} reports that troops moved near Kursk again." for i in range(40)
    ]
    recorder = Recorder(summarizer)
    summary = summarizer.summarize(sentences)
    assert summary.path == "map-reduce"
    assert summary.chunks > 1 and summary.map_rounds >= 1
    assert summary.input_tokens > summarizer.loaded.window
    assert all(summarizer.loaded.fits(text) for text in recorder.inputs)
    # Every sentence went into exactly one first-round chunk, in order.
    first_round = " ".join(recorder.inputs[: summary.chunks])
    assert first_round.split() == " ".join(sentences).split()


def test_chunks_hold_whole_sentences() -> None:
    sentences = [f"s{i} " + "w " * (i % 5) + "end." for i in range(30)]
    chunks = pack(
        window_pieces(sentences, lambda text: len(text.split()) <= 12),
        lambda text: len(text.split()) <= 12,
    )
    assert " ".join(chunks).split() == " ".join(sentences).split()
    for chunk in chunks:
        assert chunk.endswith("end.")


def test_even_chunks_need_no_more_chunks_and_even_out_the_tail() -> None:
    def words(text: str) -> int:
        return len(text.split())

    def fits(text: str) -> bool:
        return words(text) <= 40

    sentences = [f"s{i} " + "w " * (i % 7) + "end." for i in range(50)]
    greedy = pack(window_pieces(sentences, fits), fits)
    even = even_chunks(sentences, fits, words)
    assert len(even) == len(greedy) > 1
    assert " ".join(even).split() == " ".join(sentences).split()  # each sentence once, in order
    assert all(fits(chunk) and chunk.endswith("end.") for chunk in even)
    sizes = [words(chunk) for chunk in even]
    greedy_sizes = [words(chunk) for chunk in greedy]
    assert max(sizes) - min(sizes) < max(greedy_sizes) - min(greedy_sizes)
    assert max(sizes) - min(sizes) <= 2 * max(words(sentence) for sentence in sentences)


@pytest.mark.parametrize(
    ("sizes", "evened"),
    [
        ([10, 3, 7, 2], [10, 3, 9]),  # packed to the least largest chunk: [10, 10, 2]
        ([8, 6, 2, 5], [8, 6, 7]),  # [8, 8, 5]
        ([2, 9, 9, 1, 1, 9], [11, 10, 10]),  # [11, 11, 9]
    ],
)
def test_even_chunks_leave_no_shorter_tail_than_greedy_packing(
    sizes: list[int], evened: list[int]
) -> None:
    """The even chunks were packed front first at the least budget that needs no more chunks
    than greedy packing: where one long sentence sets that budget, the chunks before the tail
    filled up to it and the tail was left shorter than greedy packing leaves it (with
    DistilBART's tokenizer and a 256-token window, a CNN/DM article in 247, 243 and 45 tokens
    where greedy packing gave 247, 226 and 62). Neighbouring chunks are evened out."""

    def count(text: str) -> int:
        return len(text.split()) + 1  # the end token

    def fits(text: str) -> bool:
        return count(text) <= 12

    sentences = [" ".join(f"s{i}w{j}" for j in range(size)) for i, size in enumerate(sizes)]
    chunks = even_chunks(sentences, fits, count)
    assert " ".join(chunks).split() == " ".join(sentences).split()
    assert all(fits(chunk) for chunk in chunks)
    assert [count(chunk) - 1 for chunk in chunks] == evened


@pytest.mark.parametrize("tail", [[], ["And a tail."]])
def test_a_sentence_longer_than_the_window_shares_its_chunks_with_its_neighbours(
    tail: list[str],
) -> None:
    """A sentence longer than the window was cut into pieces as full as the window before the
    chunks were packed: its first piece began a chunk of its own, so the short sentence before
    it was summarized alone (2, 98, 71 and 71 words of a 98-word room: four chunks where three
    hold the text). Parts of it now fill the chunks on either side; each word once, in order."""

    def count(text: str) -> int:
        return len(text.split()) + 2  # the special tokens

    def fits(text: str) -> bool:
        return count(text) <= 100

    long_sentence = " ".join(f"w{i}" for i in range(240)) + "."
    sentences = ["Short one.", long_sentence, *tail]
    chunks = even_chunks(sentences, fits, count)
    assert " ".join(chunks).split() == " ".join(sentences).split()
    assert all(fits(chunk) for chunk in chunks)
    assert len(chunks) == 3
    sizes = [len(chunk.split()) for chunk in chunks]
    assert min(sizes) >= max(sizes) // 2, sizes


def test_a_long_word_in_a_sentence_longer_than_the_window_stays_whole() -> None:
    """A sentence longer than the window is packed in parts of an eighth of it; a word longer
    than such a part (a compound, a URL) but well inside the window was cut between its
    characters, so the model read "Kreislaufwirtschaftsg" and "esetzgebungsverfahren", in two
    chunks. Each word now reaches a chunk whole."""

    def count(text: str) -> int:  # a token per 4 characters of each word, and 2 special ones
        return sum(-(-len(word) // 4) for word in text.split()) + 2

    def fits(text: str) -> bool:
        return count(text) <= 100

    long_word = "Kreislaufwirtschaftsgesetzgebungsverfahrensbeschleunigung"  # 15; a part: 12
    long_sentence = " ".join(f"{long_word} w{i}" for i in range(20)) + "."
    sentences = ["Short one.", long_sentence, "And a tail."]
    chunks = even_chunks(sentences, fits, count)
    assert all(fits(chunk) for chunk in chunks)
    assert " ".join(chunks).split() == " ".join(sentences).split()
    assert sum(chunk.split().count(long_word) for chunk in chunks) == 20


def _with_real_tokenizer(
    task: Task, folder: Path, window: int, backend: EchoBackend
) -> LoadedModel:
    """An echo model (no weights) that counts its window with a real model's tokenizer."""
    from transformers import AutoTokenizer

    return replace(echo_model(task, window=window, backend=backend),
                   tokenizer=AutoTokenizer.from_pretrained(folder))  # fmt: skip


def _real_articles(count: int) -> list[str]:
    lines = (EVAL / "summ" / "cnndm-dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["article"] for line in lines[:count]]


def test_long_real_articles_reach_the_summarizer_whole_once_and_in_order() -> None:
    """CNN/DailyMail articles run together (about 15,000 of DistilBART's tokens, a few hundred
    sentences) at its real 1024-token window: every first-round chunk fits, the chunks hold
    every sentence once and in order, a sentence that fits is never cut between two chunks,
    and each later round reads the chunk summaries before it whole and in order."""
    require_shared_hub()
    backend = EchoBackend(lambda text: " ".join(text.split()[:60]))
    loaded = _with_real_tokenizer("summarization", BART_HUB, 1024, backend)
    summarizer = Summarizer(loaded, SummarizationSettings())
    passes: list[list[str]] = []  # each pass's inputs, in the order the summarizer gave them
    original = summarizer.generate_batch
    summarizer.generate_batch = lambda texts, *kinds: (
        passes.append(list(texts)) or original(texts, *kinds)
    )
    sentences = [s for article in _real_articles(20) for s in split_english_sentences(article)]

    summary = summarizer.summarize(sentences)

    assert summary.path == "map-reduce" and summary.map_rounds >= 2 and len(sentences) > 300
    assert summary.input_tokens == loaded.count_tokens(" ".join(sentences))
    assert len(passes) == summary.map_rounds + 1 and len(passes[0]) == summary.chunks
    assert all(loaded.fits(text) for text in backend.inputs)
    assert " ".join(passes[0]).split() == " ".join(sentences).split()
    ends = list(itertools.accumulate(len(chunk.split()) for chunk in passes[0]))
    start = 0
    for sentence in sentences:
        words = len(sentence.split())
        if loaded.fits(sentence):
            assert not any(start < end < start + words for end in ends), sentence
        start += words
    for before, after in itertools.pairwise(passes):
        written = " ".join(backend.transform(text) for text in before)
        assert " ".join(after).split() == written.split()


def test_a_long_real_article_and_a_3000_word_sentence_are_translated_whole_and_in_order() -> None:
    """Hundreds of WMT21 sentences and one German sentence of some 3,000 words at opus-mt's
    real 512-token window: every sentence's English is its pieces' English in order, the
    pieces give back its words in order, each fits the window, and each distinct input goes
    to the model once."""
    require_shared_hub()
    backend = EchoBackend(lambda text: f"⟦{text}⟧")
    loaded = _with_real_tokenizer("translation", MARIAN_HUB, 512, backend)
    lines = (EVAL / "mt" / "newstest2021-docs-dev.jsonl").read_text(encoding="utf-8")
    sentences = [s for line in lines.splitlines() for s in json.loads(line)["de"]]
    german = (EVAL / "mt" / "newstest2019-dev.de").read_text(encoding="utf-8").splitlines()
    long_sentence = ", ".join(line.rstrip(".!?") for line in german[:220]) + "."
    sentences = [*sentences[:200], long_sentence, *sentences[200:], sentences[5]]

    results = Translator(loaded, TranslationSettings()).translate(sentences)

    assert len(long_sentence.split()) > 3000 and len(sentences) > 400
    assert [result.source for result in results] == sentences
    for result in results:
        pieces = re.findall("⟦(.*?)⟧", result.text)
        assert result.text == " ".join(f"⟦{piece}⟧" for piece in pieces)
        assert len(pieces) == result.pieces >= 1
        assert " ".join(pieces).split() == result.source.split()
    assert results[200].pieces > 1
    assert all(loaded.fits(text) for text in backend.inputs)
    assert len(backend.inputs) == len(set(backend.inputs))


def test_many_documents_share_each_pass(models) -> None:
    """Direct and map-reduce documents go through the model together, one call per pass."""
    summarizer = _summarizer(models.bart_short_window)
    long_text = [f"Sentence number {i} reports that troops moved near Kursk." for i in range(30)]
    documents = [["The soldiers arrived on Monday."], long_text, [], ["They left on Friday."]]
    calls: list[list[str]] = []
    original = summarizer.generate_batch
    summarizer.generate_batch = lambda texts, *kinds: (
        calls.append(list(texts)) or original(texts, *kinds)
    )

    results = summarizer.summarize_many(documents)

    assert [type(result).__name__ for result in results] == [
        "Summary", "Summary", "ArticleError", "Summary"
    ]  # fmt: skip
    assert isinstance(results[2], ArticleError)
    direct, long, _, other = results
    assert direct.path == other.path == "direct" and long.path == "map-reduce"
    # pass 1: both direct texts and every chunk of the long one; then one pass per reduce round
    assert len(calls) == 1 + long.map_rounds
    assert "The soldiers arrived on Monday." in calls[0] and "They left on Friday." in calls[0]
    assert len(calls[0]) == 2 + long.chunks
    chunks = [text for text in calls[0] if "Kursk" in text]
    assert " ".join(chunks).split() == " ".join(long_text).split()


def _first_word(text: str) -> str:
    return f"<{text.split()[0]}>"


def test_map_reduce_summarizes_the_chunk_summaries_in_chunk_order() -> None:
    loaded = echo_model("summarization", window=12, backend=EchoBackend(_first_word))
    summarizer = Summarizer(loaded, SummarizationSettings(batch_size=3))
    passes: list[list[str]] = []
    original = summarizer.generate_batch
    summarizer.generate_batch = lambda texts, *rest: (
        passes.append(list(texts)) or original(texts, *rest)
    )
    sentences = [f"S{i} troops moved near Kursk again." for i in range(9)]
    long, short, other = summarizer.summarize_many([sentences, ["Short one."], ["Alone here."]])
    assert (short.text, other.text) == ("<Short>", "<Alone>")  # each its own, in order
    assert long.path == "map-reduce" and long.map_rounds == 1 and long.chunks > 1
    assert len(passes) == 2 and len(passes[0]) == long.chunks + 2
    chunks = passes[0][: long.chunks]  # the long document's chunks, in order
    assert " ".join(chunks).split() == " ".join(sentences).split()
    assert passes[1] == [" ".join(_first_word(chunk) for chunk in chunks)]
    assert long.text == _first_word(passes[1][0])


def test_each_map_reduce_round_logs_the_length_of_what_it_reads(caplog) -> None:
    """Round 2 reads the chunk summaries, not the article: its log line says their length."""
    backend = EchoBackend(lambda text: " ".join(text.split()[1:]))  # one word shorter each
    summarizer = Summarizer(echo_model("summarization", window=12, backend=backend),
                            SummarizationSettings(max_reduce_rounds=2))  # fmt: skip
    sentences = [f"S{i} troops moved near Kursk again." for i in range(9)]
    with caplog.at_level("INFO", logger="summarize"):
        (result,) = summarizer.summarize_many([sentences])
    assert isinstance(result, ArticleError)  # still too long after two rounds
    rounds = [r.getMessage() for r in caplog.records if "map-reduce round" in r.getMessage()]
    first, second = (int(re.search(r"text of (\d+) tokens", m).group(1)) for m in rounds)
    assert first == summarizer.loaded.count_tokens(" ".join(sentences))
    inputs = [text for batch in backend.batches for text in batch]
    words = len(" ".join(sentences).split())
    first_round = next(
        inputs[:n] for n in range(1, len(inputs)) if len(" ".join(inputs[:n]).split()) == words
    )
    chunk_summaries = " ".join(backend.transform(chunk) for chunk in first_round)
    assert second == summarizer.loaded.count_tokens(chunk_summaries) < first


def test_a_tokenizer_defect_on_a_chunk_summary_costs_its_article_alone(monkeypatch) -> None:
    """8f96dfb made a tokenizer's failure where an article's English is measured that article's
    alone, but left the map-reduce round's measuring unguarded as "text already measured whole":
    the chunk summaries are the model's new text, measured there first, so a tokenizer that
    raised on one ended every article of the run (here the other two had their summaries)."""
    backend = EchoBackend(lambda text: "Odd 9999 output." if "Kursk" in text else text)
    loaded = echo_model("summarization", window=12, backend=backend)
    real = LoadedModel.count_tokens

    def count_tokens(self: LoadedModel, text: str) -> int:
        if "9999" in text:
            raise ValueError("a tokenizer's own failure")
        return real(self, text)

    monkeypatch.setattr(LoadedModel, "count_tokens", count_tokens)
    summarizer = Summarizer(loaded, SummarizationSettings())
    sentences = [f"S{i} troops moved near Kursk again." for i in range(9)]
    long, short, other = summarizer.summarize_many([sentences, ["Short one."], ["Alone here."]])
    assert isinstance(long, ArticleError), long
    assert "the summarization model's tokenizer failed on this text (ValueError" in str(long)
    assert (short.text, other.text) == ("Short one.", "Alone here.")


@pytest.mark.parametrize(
    ("rounds", "said"), [(1, "1 map-reduce round;"), (2, "2 map-reduce rounds;")]
)
def test_the_rounds_given_up_after_are_counted_in_plain_english(rounds: int, said: str) -> None:
    """max_reduce_rounds = 1 failed an article "after 1 map-reduce rounds"."""
    backend = EchoBackend(lambda text: " ".join(text.split()[1:]))  # one word shorter each
    summarizer = Summarizer(echo_model("summarization", window=12, backend=backend),
                            SummarizationSettings(max_reduce_rounds=rounds))  # fmt: skip
    sentences = [f"S{i} troops moved near Kursk again." for i in range(9)]
    (result,) = summarizer.summarize_many([sentences])
    assert isinstance(result, ArticleError)
    assert f"window after {said}" in str(result), str(result)


def test_all_empty_chunk_summaries_fall_back_to_the_lead_and_say_so(caplog) -> None:
    backend = EchoBackend(lambda text: "  ")
    summarizer = Summarizer(echo_model("summarization", window=12, backend=backend),
                            SummarizationSettings())  # fmt: skip
    sentences = [f"S{i} troops moved near Kursk again." for i in range(9)]
    summary = summarizer.summarize(sentences)
    # The first round's chunks were all the model saw: no reduce pass over an empty text.
    assert " ".join(backend.inputs).split() == " ".join(sentences).split()
    assert summary.text == " ".join(sentences[:3])
    assert summary.note and "empty" in summary.note and "empty" in caplog.text
    assert not summary.final_summary  # the brief must not say a final summary was made


def test_a_one_sentence_lead_standing_in_is_said_in_plain_english() -> None:
    """The note of a lead of one sentence read "the article's first 1 sentence(s)"."""
    summarizer = Summarizer(echo_model("summarization", backend=EchoBackend(lambda text: "")),
                            SummarizationSettings())  # fmt: skip
    summary = summarizer.summarize(["Troops moved near Kursk again."])
    assert summary.text == "Troops moved near Kursk again."
    assert summary.note and summary.note.endswith("the summary is the article's first sentence")


def test_the_lead_that_stands_in_is_no_longer_than_a_summary_may_be(caplog) -> None:
    """The lead had no bound: a page without full stops (a list, text extracted without its
    punctuation) is one sentence of thousands of words, and all of it stood in as the
    "summary". The lead is as long as the summarizer's output limit at most (max_length 20
    here: 19 words with the end token); a first sentence longer than that is cut between
    words with "…", and the note says so."""
    from transformers import GenerationConfig

    loaded = replace(echo_model("summarization", backend=EchoBackend(lambda text: "")),
                     generation_config=GenerationConfig(max_length=20))  # fmt: skip
    summarizer = Summarizer(loaded, SummarizationSettings())
    limit = summarizer.loaded.output_limit()
    assert limit == 19
    words = [f"w{i}" for i in range(3_000)]
    with caplog.at_level("WARNING", logger="summarize"):
        summary = summarizer.summarize([" ".join(words) + ".", "Second sentence here."])
    assert not summary.final_summary
    assert summary.text.endswith(" …")
    kept = summary.text.removesuffix(" …").split()
    assert kept == words[: len(kept)] and len(kept) >= limit - 3  # whole words, from the start
    assert len(summary.text.split()) + 1 <= limit  # the end token
    assert summary.note and "cut at the summarizer's output limit" in summary.note
    assert f"({len(kept)} of its 3000 words)" in summary.note
    assert "cut at the summarizer's output limit" in caplog.text
    # Whole sentences where the first fits: as many of the three as fit together.
    sentences = [" ".join(words[:8]) + ".", " ".join(words[8:20]) + ".", "Third one."]
    summary = summarizer.summarize(sentences)
    assert summary.text == sentences[0]
    assert summary.note and summary.note.endswith("the summary is the article's first sentence")


@pytest.mark.parametrize("window", [512, 12])  # the direct path, and map-reduce's last round
@pytest.mark.parametrize("empty", ["  ", "\u200b \u2800\x07"])  # or only what shows nothing
def test_an_empty_summary_falls_back_to_the_lead_and_says_so(
    caplog, window: int, empty: str
) -> None:
    """A summary that came back empty was written as it came: the brief said "(empty
    summary)", with no note and no line in the log. The article's lead stands in, as where
    every chunk summary came back empty, and the note and the log say so. So for a summary of
    characters that show nothing (a zero-width space, a blank braille cell, a bell): it was
    kept, an empty Summary section."""
    # direct: nothing back; map-reduce: each chunk summary its first word, the final one empty
    backend = EchoBackend(
        lambda text: text.split()[0] if window == 12 and "troops" in text else empty
    )
    summarizer = Summarizer(echo_model("summarization", window=window, backend=backend),
                            SummarizationSettings())  # fmt: skip
    sentences = [f"S{i} troops moved near Kursk again." for i in range(4)]
    with caplog.at_level("WARNING", logger="summarize"):
        summary = summarizer.summarize(sentences)
    assert summary.text == " ".join(sentences[:3])
    assert summary.note and "the summary came back empty" in summary.note
    assert "the summary is the article's first 3 sentences" in caplog.text
    assert not summary.final_summary
    assert summary.path == ("direct" if window > 12 else "map-reduce")


def test_an_article_of_characters_that_show_nothing_has_nothing_to_summarize() -> None:
    """English sentences of zero-width spaces and controls were summarized, and the lead that
    stood in for the empty summary was those characters: an empty Summary section again."""
    backend = EchoBackend(lambda text: "\u200b")
    summarizer = Summarizer(echo_model("summarization", window=512, backend=backend),
                            SummarizationSettings())  # fmt: skip
    [result] = summarizer.summarize_many([["\u200b", "\u2800", "\x07"]])
    assert isinstance(result, ArticleError)
    assert "nothing to summarize" in str(result)
    assert backend.inputs == []  # the model was not asked


def test_the_lead_that_stands_in_leaves_out_a_subheading() -> None:
    """The lead joined a subheading to the sentences after it without a stop ("The situation
    in Kyiv S1 troops moved …"): it takes the sentences, where the article has any."""
    backend = EchoBackend(lambda text: "  ")
    summarizer = Summarizer(echo_model("summarization", window=512, backend=backend),
                            SummarizationSettings())  # fmt: skip
    sentences = ["The situation in Kyiv", *(f"S{i} troops moved near Kursk." for i in range(3)),
                 '"We stay," he said.']  # fmt: skip
    summary = summarizer.summarize(sentences)
    assert summary.text == " ".join(sentences[1:4])
    only_headings = summarizer.summarize(["The situation in Kyiv", "Troops near Kursk"])
    assert only_headings.text == "The situation in Kyiv Troops near Kursk"  # nothing else


def test_an_empty_chunk_summary_is_said_in_the_summarys_note(caplog) -> None:
    """A chunk whose summary came back empty is missing from the reduce step: the brief says
    so, where it said nothing and counted the chunk as summarized."""
    backend = EchoBackend(lambda text: "" if "Zeta" in text else _first_word(text))
    summarizer = Summarizer(echo_model("summarization", window=12, backend=backend),
                            SummarizationSettings())  # fmt: skip
    sentences = [f"{name} troops moved near Kursk again today."  # one chunk each
                 for name in ("Alpha", "Zeta", "Gamma")]  # fmt: skip
    with caplog.at_level("WARNING", logger="summarize"):
        summary = summarizer.summarize(sentences)
    assert summary.path == "map-reduce" and summary.chunks == 3
    assert summary.text == "<<Alpha>>"  # the reduce step read "<Alpha> <Gamma>"
    assert summary.note is not None
    assert "1 of 3 chunk summaries of map-reduce round 1 came back empty" in summary.note
    assert "came back empty" in caplog.text
    # No empty chunk summary: no note.
    backend.transform = _first_word
    assert summarizer.summarize(sentences).note is None


def test_empty_chunk_summaries_leave_no_gap_in_the_next_rounds_text() -> None:
    """The next round reads the chunk summaries that hold text, joined by single spaces: the
    empty ones joined in put double and trailing spaces into its chunks ("A b  C d "), each a
    token of its own for BART's tokenizer, and into the length its log line gave."""
    backend = EchoBackend(lambda text: "" if "Zeta" in text else " ".join(text.split()[:3]))
    summarizer = Summarizer(echo_model("summarization", window=12, backend=backend),
                            SummarizationSettings())  # fmt: skip
    sentences = [f"{'Zeta' if i % 2 else 'Alpha'}{i} moved near Kursk again today."
                 for i in range(12)]  # fmt: skip
    summary = summarizer.summarize(sentences)
    assert summary.path == "map-reduce" and summary.chunks == 12 and summary.map_rounds == 2
    second_round = backend.inputs[12:-1]  # after the 12 chunks, before the final summary
    assert len(second_round) > 1
    written = [backend.transform(sentence) for sentence in sentences]
    assert " ".join(second_round) == " ".join(text for text in written if text)
    assert all(text == " ".join(text.split()) for text in backend.inputs)


def test_a_summary_as_long_as_the_output_limit_is_said_in_its_note() -> None:
    """Generation stops at max_new_tokens (max_length), mid-sentence: a summary that long may
    be cut, and the brief said nothing of it (a translation that long is warned of)."""
    backend = EchoBackend(lambda text: " ".join(["word"] * (9 if "long" in text else 3)))
    _only_the_long_summary_is_at_the_limit(backend)


def test_the_output_limit_note_counts_the_tokens_the_backend_wrote() -> None:
    """A backend that says how many tokens it wrote is believed over the text encoded again,
    which may count fewer (special tokens the text leaves out, pieces that merge)."""
    backend = EchoBackend()
    backend.generate_batches = lambda batches: (  # type: ignore[method-assign]
        [Generated("w w", tokens=8 if "long" in text else 3) for text in batch] for batch in batches
    )
    _only_the_long_summary_is_at_the_limit(backend)


def _only_the_long_summary_is_at_the_limit(backend: EchoBackend) -> None:
    from transformers import GenerationConfig

    loaded = replace(
        echo_model("summarization", backend=backend),
        generation_config=GenerationConfig(max_new_tokens=8),
    )
    summarizer = Summarizer(loaded, SummarizationSettings())
    assert summarizer.summarize(["A short text."]).note is None
    assert summarizer.summarize(["A long text."]).note == (
        "the summary reached the summarizer's output limit "
        "(summarization.generation.max_new_tokens = 8) and may be cut off; raise it for a "
        "longer one"
    )


@pytest.mark.parametrize("num_beams", [1, 2])
def test_a_summary_the_model_wrote_up_to_max_length_is_said_to_be(models, num_beams) -> None:
    """Whether the model wrote as many tokens as max_length allows is read off what it wrote:
    DistilBART's tokenizer encodes the text of a summary cut at max_length = 9 (a random
    BART writes <s> twice, and the text leaves it out) in fewer tokens than the limit, and the
    brief did not say the summary may be cut."""
    settings = SummarizationSettings(
        model=str(models.bart),
        generation={"max_length": 9, "min_length": 0, "num_beams": num_beams},
    )
    summarizer = Summarizer(load_model("summarization", settings, Path("models")), settings)
    backend = summarizer.loaded.backend
    pad = summarizer.loaded.generation_config.pad_token_id
    rows: list[list[int]] = []
    original = backend._generate

    def recording(inputs, stop=None):
        generated = original(inputs, stop)
        rows.extend(generated.tolist())
        return generated

    backend._generate = recording
    for text in ("The soldiers arrived on Monday.", "They left on Friday.", "Kursk."):
        rows.clear()
        summary = summarizer.summarize([text])
        (row,) = rows
        at_limit = len(row) == 9 and row[-1] != pad  # not padded: written to the end
        assert (summary.note is not None) == at_limit, (row, summary)
        # The setting as set: not "the 8-token limit" (the tokens after the start token).
        assert summary.note is None or "(summarization.generation.max_length = 9)" in summary.note


def test_chunk_summaries_as_long_as_the_output_limit_are_said_in_the_note() -> None:
    """A map step's summary cut at the limit goes into the reduce step as it is: say so."""
    from transformers import GenerationConfig

    backend = EchoBackend(lambda text: "w w w" if "Kursk" in text else "done")
    loaded = replace(
        echo_model("summarization", window=12, backend=backend),
        generation_config=GenerationConfig(max_new_tokens=4),  # "w w w" + end token
    )
    summarizer = Summarizer(loaded, SummarizationSettings())
    sentences = [f"{name} troops moved near Kursk again." for name in ("Alpha", "Beta", "Gamma")]
    summary = summarizer.summarize(sentences)
    assert summary.path == "map-reduce" and summary.chunks == 3 and summary.text == "done"
    assert summary.note == (
        "3 of 3 chunk summaries of map-reduce round 1 reached the output limit "
        "(summarization.chunk_generation.max_new_tokens = 4) and may be cut off"
    )


def test_a_map_steps_length_taken_from_the_generation_table_is_said_to_come_from_it() -> None:
    """A config setting only summarization.generation.max_length = 30 was told of the chunk
    summaries' limit as "summarization.chunk_generation.max_length = 30", a setting it never
    held; the value is said to come from the table that holds it."""
    from transformers import GenerationConfig

    backend = EchoBackend(lambda text: "w w w" if "Kursk" in text else "done")
    loaded = replace(
        echo_model("summarization", window=12, backend=backend),
        generation_config=GenerationConfig(max_new_tokens=4),  # "w w w" + end token
    )
    sentences = [f"{name} troops moved near Kursk again." for name in ("Alpha", "Beta", "Gamma")]
    inherited = Summarizer(loaded, SummarizationSettings(generation={"max_new_tokens": 4}))
    assert inherited.summarize(sentences).note == (
        "3 of 3 chunk summaries of map-reduce round 1 reached the output limit "
        "(summarization.chunk_generation.max_new_tokens = 4, from "
        "summarization.generation.max_new_tokens) and may be cut off"
    )
    growing = EchoBackend(lambda text: text + " more")
    loaded = replace(
        echo_model("summarization", window=12, backend=growing),
        generation_config=GenerationConfig(max_length=24),
    )
    summarizer = Summarizer(loaded, SummarizationSettings(generation={"max_length": 24}))
    (result,) = summarizer.summarize_many([[f"S{i} moved near Kursk again." for i in range(9)]])
    assert (
        "lower summarization.chunk_generation.max_length (now 24, from "
        "summarization.generation.max_length) and min_length"
    ) in str(result)


def test_the_summarizers_log_lines_name_their_article(caplog) -> None:
    """With many articles summarized together, "the summary reached the summarizer's output
    limit" and "map-reduce round 1 over 3 chunks" were logged without saying of which article:
    a run of thousands printed a stream of identical lines."""
    from transformers import GenerationConfig

    backend = EchoBackend(lambda text: "w w w")
    loaded = replace(
        echo_model("summarization", window=12, backend=backend),
        generation_config=GenerationConfig(max_new_tokens=4),  # "w w w" + end token
    )
    summarizer = Summarizer(loaded, SummarizationSettings())
    long = [f"{name} troops moved near Kursk again." for name in ("Alpha", "Beta", "Gamma")]
    with caplog.at_level(logging.INFO, logger="summarize"):
        summarizer.summarize_many([["Kurz."], long], ["kurz.txt", "lang.txt"])
    lines = [record.getMessage() for record in caplog.records]
    assert any("lang.txt: text of" in line and "over 3 chunks" in line for line in lines)
    assert any(line.startswith("summarizer: kurz.txt: the summary reached") for line in lines)
    assert any(line.startswith("summarizer: lang.txt: 3 of 3 chunk summaries") for line in lines)
    assert all("kurz.txt" in line or "lang.txt" in line for line in lines), lines
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="summarize"):
        summarizer.summarize_many([["Kurz."]])  # no names given (a library caller): none said
    assert [r.getMessage() for r in caplog.records] == [
        "summarizer: the summary reached the summarizer's output limit "
        "(summarization.generation.max_new_tokens = 4) and may be cut off; raise it for a "
        "longer one"
    ]


def test_a_map_reduce_round_that_does_not_shorten_the_text_ends_the_article_at_once() -> None:
    """Chunk summaries as long as their chunks (a small window, a min_length near it): each
    round read as much text or more, in as many chunks or more (a 96-token window doubled them
    every round, 136 to 1,088 chunks over 3 minutes), and after max_reduce_rounds the article
    failed telling the user to raise max_reduce_rounds, which only makes it last longer."""
    backend = EchoBackend(lambda text: text + " more")
    summarizer = Summarizer(echo_model("summarization", window=12, backend=backend),
                            SummarizationSettings(max_reduce_rounds=4))  # fmt: skip
    sentences = [f"S{i} troops moved near Kursk again." for i in range(9)]
    (result,) = summarizer.summarize_many([sentences])
    assert isinstance(result, ArticleError)
    assert str(result).startswith("map-reduce round 1 did not shorten the text (")
    assert "summarization.chunk_generation.max_length" in str(result)
    assert "max_reduce_rounds" not in str(result)
    # One round: the model read the article's chunks, and nothing after them.
    assert " ".join(backend.inputs).split() == " ".join(sentences).split()


@pytest.mark.parametrize("key", ["max_length", "max_new_tokens"])
def test_a_round_that_does_not_shorten_the_text_names_the_lengths_value(key: str) -> None:
    """The setting to lower is named with its own value: max_length = 24 was said to be "now
    23 tokens" (the output limit, less the start token), a value no setting held."""
    from transformers import GenerationConfig

    backend = EchoBackend(lambda text: text + " more")
    loaded = replace(
        echo_model("summarization", window=12, backend=backend),
        generation_config=GenerationConfig(**{key: 24}),
    )
    summarizer = Summarizer(loaded, SummarizationSettings())
    (result,) = summarizer.summarize_many([[f"S{i} moved near Kursk again." for i in range(9)]])
    assert isinstance(result, ArticleError)
    assert f"lower summarization.chunk_generation.{key} (now 24) and min_length" in str(result)


def test_distilbart_settings_are_honoured_unless_overridden(shared_hub_models) -> None:
    options = SummarizationSettings(model=str(shared_hub_models.bart))
    loaded = load_model("summarization", options, Path("models"))
    # task_specific_params["summarization"] of the real DistilBART config
    assert loaded.generation_config.min_length == 56
    assert loaded.generation_config.max_length == 142
    assert loaded.generation_config.no_repeat_ngram_size == 3
    assert loaded.generation_config.length_penalty == 2.0
    options = SummarizationSettings(
        model=str(shared_hub_models.bart), generation={"min_length": 5, "num_beams": 2}
    )
    loaded = load_model("summarization", options, Path("models"))
    assert loaded.generation_config.min_length == 5 and loaded.generation_config.num_beams == 2
    assert loaded.generation_config.max_length == 142
    assert loaded.generation_settings["min_length"] == 5


def test_marian_generation_config_is_honoured(shared_hub_models) -> None:
    options = TranslationSettings(model=str(shared_hub_models.marian))
    loaded = load_model("translation", options, Path("models"))
    assert loaded.generation_config.num_beams == 4
    assert loaded.generation_config.bad_words_ids == [[58100]]
    assert loaded.window == 512 and loaded.prefix == ""


def test_t5_gets_its_summarize_prefix(t5_model: Path) -> None:
    options = SummarizationSettings(model=str(t5_model), generation=SHORT_SUMMARY)
    summarizer = Summarizer(load_model("summarization", options, Path("models")), options)
    assert summarizer.loaded.prefix == "summarize: "
    assert summarizer.loaded.generation_config.no_repeat_ngram_size == 3
    assert summarizer.summarize(["The troops arrived."]).path == "direct"
    overridden = SummarizationSettings(model=str(t5_model), prefix="")
    assert load_model("summarization", overridden, Path("models")).prefix == ""


@pytest.mark.parametrize("vocabulary", ["self-contained", "t5-small"])
def test_letters_the_summarizer_cannot_read_are_named(
    vocabulary: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """T5's vocabulary lacks "Ö", "ñ", "ğ" (28 characters of the 1,852 WMT English
    references): it read each as its unknown token and the brief said nothing, where the
    translator's own are warned of (``unreadable``). The summary's note names them, with a
    word they stand in; a symbol alone ("★") is not named, nor a text it reads whole."""
    from summarize.testing import build_t5
    from summarize.tokens import unknown_text

    model = (
        request.getfixturevalue("t5_model")  # skips without ../shared/hub (a plain clone)
        if vocabulary == "t5-small"
        else build_t5(tmp_path / "t5", texts=seed_texts())  # a unigram model of the seeds
    )
    options = SummarizationSettings(model=str(model), generation=SHORT_SUMMARY)
    summarizer = Summarizer(load_model("summarization", options, tmp_path / "models"), options)
    tokenizer = summarizer.loaded.tokenizer
    sentences = ["Mesut Özil met Señor Muñoz in Ankara.", "Rated ★★★ by Reuters."]
    lacked = [
        c for c in dict.fromkeys("".join(sentences)) if unknown_text(tokenizer, c) and c.isalnum()
    ]
    assert "ñ" in lacked and unknown_text(tokenizer, "★")
    note = summarizer.summarize(sentences).note or ""
    named = re.findall(r"“(.)” \(in “([^”]+)”\)", note)
    assert [character for character, _ in named] == lacked, note
    assert ("ñ", "Señor") in named and "★" not in note
    assert "the summarizer cannot read" in note and "the summary cannot say" in note
    plain = summarizer.summarize(["The troops arrived in Ankara."]).note or ""
    assert "cannot read" not in plain


def test_unknown_generation_key_is_a_config_error(self_contained_models) -> None:
    model, typo = str(self_contained_models.marian), {"num_beam": 2}
    with pytest.raises(ValidationError, match="num_beam"):  # refused with the config
        TranslationSettings(model=model, generation=typo)
    # The model load refuses it too (settings built without validation).
    options = TranslationSettings.model_construct(model=model, generation=typo)
    with pytest.raises(ConfigError, match="num_beam"):
        load_model("translation", options, Path("models"))


def test_greedy_summaries_leave_the_models_beam_settings_alone(shared_hub_models) -> None:
    # DistilBART's early_stopping and length_penalty only matter to beam search; under the
    # user's num_beams = 1 generate() ignores them (they used to make the load fail).
    options = SummarizationSettings(
        model=str(shared_hub_models.bart),
        generation={"num_beams": 1, "max_length": 12, "min_length": 2},
        chunk_generation={"max_length": 8},
    )
    summarizer = Summarizer(load_model("summarization", options, Path("models")), options)
    assert summarizer.loaded.generation_config.num_beams == 1
    assert summarizer.chunk_model.generation_config.max_length == 8
    assert summarizer.summarize(["The troops arrived."]).path == "direct"
    # A pairing the user wrote both halves of is still refused, naming the flag.
    options = SummarizationSettings(
        model=str(shared_hub_models.bart), generation={"num_beams": 1, "length_penalty": 1.5}
    )
    with pytest.raises(ConfigError, match=r"(?s)summarization\.generation.*length_penalty"):
        resolve_spec("summarization", options, Path("models"))


@pytest.mark.parametrize(
    "beam_flags", [{"length_penalty": 1.5}, {"num_beams": 4, "early_stopping": True}]
)
def test_greedy_map_steps_under_a_beam_searched_summary_are_not_refused(
    self_contained_models, beam_flags: dict[str, object]
) -> None:
    """[summarization.generation]'s beam search flags (for the final summary) beside
    chunk_generation num_beams = 1 (fast map steps): the map steps ignore them, as they do the
    model's own, yet the load was refused as "[summarization.chunk_generation]: ... unset
    length_penalty", a key that table never set."""
    options = SummarizationSettings(
        model=str(self_contained_models.bart),
        generation={**beam_flags, "max_length": 12, "min_length": 2},
        chunk_generation={"num_beams": 1},
    )
    summarizer = Summarizer(load_model("summarization", options, Path("models")), options)
    assert summarizer.chunk_model.generation_config.num_beams == 1
    assert summarizer.loaded.generation_config.num_beams == beam_flags.get("num_beams", 4)
    # A beam flag the map steps' own table sets beside its greedy search is still refused.
    options = SummarizationSettings(
        model=str(self_contained_models.bart),
        chunk_generation={"num_beams": 1, "length_penalty": 1.5},
    )
    with pytest.raises(
        ConfigError, match=r"(?s)\[summarization\.chunk_generation\].*length_penalty"
    ):
        resolve_spec("summarization", options, Path("models"))


@pytest.mark.parametrize("table", [{}, {"max_new_tokens": 8}, {"num_beams": 1}])
def test_a_models_own_flags_its_greedy_search_ignores_do_not_refuse_it(
    self_contained_models, tmp_path: Path, table: dict[str, int]
) -> None:
    """A model's own generation_config.json with beam and sampling flags beside greedy search
    (transformers only warns, and generate() ignores them) loads, whatever the table sets: it
    was refused as "[translation.generation]: GenerationConfig is invalid", a table left empty."""
    folder = tmp_path / "marian"
    shutil.copytree(self_contained_models.marian, folder)
    own_file = folder / "generation_config.json"
    own = json.loads(own_file.read_text(encoding="utf-8"))
    flags = {"early_stopping": True, "length_penalty": 1.5, "temperature": 0.7}
    own_file.write_text(json.dumps({**own, "num_beams": 1, **flags}), encoding="utf-8")
    options = TranslationSettings(model=str(folder), generation=table)
    spec = resolve_spec("translation", options, tmp_path / "models")
    assert spec.generation_config.num_beams == 1
    assert {key: getattr(spec.generation_config, key) for key in flags} == flags
    # A flag the table sets itself beside greedy search is still refused, naming it.
    options = TranslationSettings(model=str(folder), generation={"top_k": 5})
    with pytest.raises(ConfigError, match=r"(?s)\[translation\.generation\].*top_k"):
        resolve_spec("translation", options, tmp_path / "models")


@pytest.mark.parametrize("table", ["generation", "chunk_generation"])
def test_settings_invalid_only_with_the_models_own_are_refused_at_load(
    self_contained_models, table: str
) -> None:
    # The table alone is fine; merged over the model's forced_eos_token_id (2) it would
    # suppress the token generation must end with: refused before any article, no traceback.
    options = SummarizationSettings(
        model=str(self_contained_models.bart), **{table: {"suppress_tokens": [2]}}
    )
    with pytest.raises(ConfigError, match=rf"(?s)\[summarization\.{table}\].*suppress_tokens"):
        resolve_spec("summarization", options, Path("models"))


@pytest.mark.parametrize(
    ("table", "key", "value"),
    [
        ("generation", "bad_words_ids", [[3], [99_999_999]]),
        ("generation", "forced_bos_token_id", 99_999_999),
        ("chunk_generation", "suppress_tokens", [5, -1]),
        ("generation", "sequence_bias", [[[5], 2.0], [[99_999_999], -1.0]]),
    ],
)
def test_token_ids_outside_the_vocabulary_are_refused_at_load(
    self_contained_models, table: str, key: str, value: object
) -> None:
    # They failed inside generate() (IndexError, ValueError), after translating, with a
    # traceback; the vocabulary is known once the model's config is read.
    options = SummarizationSettings(model=str(self_contained_models.bart), **{table: {key: value}})
    with pytest.raises(
        ConfigError, match=rf"\[summarization\.{table}\] {key}: token id -?\d+ is not"
    ):
        resolve_spec("summarization", options, Path("models"))
    inside = SummarizationSettings(
        model=str(self_contained_models.bart),
        **{
            table: {
                key: {
                    "bad_words_ids": [[3]],
                    "suppress_tokens": [5],
                    "sequence_bias": [[[5], 2.0]],
                }.get(key, 5)
            }
        },
    )
    assert resolve_spec("summarization", inside, Path("models")).window > 0


def test_a_sequence_bias_written_whole_reaches_generate(self_contained_models) -> None:
    """TOML's sequence_bias = [[[5], -5]] holds a whole number, which transformers' logits
    processor refuses (a float only): every input failed inside generate(), after translating."""
    table = tomllib.loads("sequence_bias = [[[5], -5], [[6, 7], 3]]")
    options = TranslationSettings(
        model=str(self_contained_models.marian),
        generation={**table, "max_new_tokens": 4, "num_beams": 1},
    )
    loaded = load_model("translation", options, Path("models"))
    assert loaded.generation_config.sequence_bias == [[[5], -5.0], [[6, 7], 3.0]]
    ((output,),) = loaded.backend.generate_batches([["Die Regierung tagte am Montag."]])
    assert output.tokens == 4


@pytest.mark.parametrize(
    ("key", "value"), [("bad_words_ids", [[99_999_999]]), ("forced_bos_token_id", 99_999_999)]
)
def test_the_models_own_token_ids_outside_its_vocabulary_are_refused_at_load(
    self_contained_models, tmp_path: Path, key: str, value: object
) -> None:
    """Not only the tables' ids: the model's own generation_config.json naming an id past its
    vocabulary failed every article inside generate(), after all of them were translated."""
    import shutil

    folder = tmp_path / "bart"
    shutil.copytree(self_contained_models.bart, folder)
    own_file = folder / "generation_config.json"
    own = json.loads(own_file.read_text(encoding="utf-8"))
    own_file.write_text(json.dumps({**own, key: value}), encoding="utf-8")
    options = SummarizationSettings(model=str(folder))
    with pytest.raises(ModelLoadError, match=rf"its own generation settings name {key} token id"):
        resolve_spec("summarization", options, tmp_path / "models")
    # An id of the vocabulary set in the table instead is what the run uses.
    fixed = SummarizationSettings(
        model=str(folder), generation={key: {"bad_words_ids": [[3]]}.get(key, 0)}
    )
    assert resolve_spec("summarization", fixed, tmp_path / "models").window > 0


def _pickled_copy(tmp_path: Path, self_contained_models) -> Path:
    """The tiny Marian model with its weights as pytorch_model.bin only."""
    import shutil

    import torch
    from safetensors.torch import load_file

    folder = tmp_path / "pickled"
    shutil.copytree(self_contained_models.marian, folder)
    weights = load_file(folder / "model.safetensors")
    torch.save(weights, folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    return folder


def test_pickle_weights_are_refused_by_default(tmp_path: Path, self_contained_models) -> None:
    options = TranslationSettings(model=str(_pickled_copy(tmp_path, self_contained_models)))
    with pytest.raises(ModelLoadError, match="allow_pickle"):
        load_model("translation", options, Path("models"))


def test_pickle_weights_are_refused_by_the_ctranslate2_backend_too(
    tmp_path: Path, self_contained_models
) -> None:
    """Its converter reads the weights with from_pretrained, which unpickles a .bin file."""
    pytest.importorskip("ctranslate2")
    folder = _pickled_copy(tmp_path, self_contained_models)
    options = TranslationSettings(model=str(folder), backend="ctranslate2")
    with pytest.raises(ModelLoadError, match="allow_pickle"):
        load_model("translation", options, Path("models"))
    assert not list(tmp_path.glob("pickled.ct2-*")), "nothing was converted"


def test_damaged_safetensors_weights_are_a_model_error(
    tmp_path: Path, self_contained_models
) -> None:
    """A weights file cut short (a copy stopped midway): safetensors raises its own error, not
    an OSError, which ended the run with a traceback and exit 1 (on Ray after retrying the
    actor) instead of the model error's one line and exit 2."""
    import shutil

    folder = tmp_path / "damaged"
    shutil.copytree(self_contained_models.marian, folder)
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    options = TranslationSettings(model=str(folder))
    with pytest.raises(ModelLoadError, match="safetensors weights are damaged") as raised:
        load_model("translation", options, Path("models"))
    assert raised.value.exit_code == 2 and str(folder) in str(raised.value)


@pytest.mark.parametrize("command", ["resolve", "list"])
def test_a_config_json_value_of_the_wrong_type_is_a_model_error(
    tmp_path: Path, self_contained_models, command: str
) -> None:
    """A config.json edited by hand ("d_model": "512"): transformers' typed config raised its
    own error, none that the reading of a folder catches, and `run` and `models list` ended
    with a traceback instead of one line naming the folder and the field."""
    import json
    import shutil

    from summarize.models import resolve_spec

    folder = tmp_path / "edited"
    shutil.copytree(self_contained_models.marian, folder)
    config_file = folder / "config.json"
    config = json.loads(config_file.read_text(encoding="utf-8"))
    config["d_model"] = str(config["d_model"])
    config_file.write_text(json.dumps(config), encoding="utf-8")
    if command == "resolve":  # what a run does before any article
        options = TranslationSettings(model=str(folder))
        with pytest.raises(ModelLoadError, match=r"config\.json holds a value") as raised:
            resolve_spec("translation", options, tmp_path / "models")
        assert raised.value.exit_code == 2
        said = str(raised.value)
        assert "\n" not in said  # one line
    else:
        from typer.testing import CliRunner

        from summarize.cli import app

        args = ["models", "list", "--set", f"translation.model={str(folder)!r}",
                "--set", f"summarization.model={str(self_contained_models.bart)!r}"]  # fmt: skip
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        said = " ".join(result.output.split())
    assert str(folder) in said and "'d_model'" in said


class _RunsCode:
    """An object whose unpickling runs code: it writes the file ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
@pytest.mark.parametrize("damage", ["code", "cut", "escape"])
def test_pickle_weights_torch_will_not_read_are_a_model_error(
    tmp_path: Path, self_contained_models, damage: str, backend: str
) -> None:
    """With allow_pickle, a pytorch_model.bin cut short, or one holding an object whose
    unpickling runs code (which torch's weights_only reading refuses), ended the run with a
    traceback and exit 1; now the model error's one line and exit 2, and the code never runs.
    The refused object's name is the file's: a terminal escape sequence in it is not printed.
    The CTranslate2 conversion printed torch's first line in terminal bold, with its advice to
    load the file unsafely."""
    import torch

    folder = _pickled_copy(tmp_path, self_contained_models)
    weights = folder / "pytorch_model.bin"
    marker = tmp_path / "code-ran"
    if damage == "code":
        state = torch.load(weights, weights_only=True)
        torch.save({**state, "extra": _RunsCode(marker)}, weights)
        said = "objects other than tensors"
    elif damage == "escape":  # a global named with a terminal title and a screen clear
        weights.write_bytes(b"\x80\x02cmod\x1b]0;title\x07\x1b[2J\nname\n.")
        said = "objects other than tensors"
    else:
        weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
        said = "pickle weights could not be read"
    options = TranslationSettings(model=str(folder), allow_pickle=True, backend=backend)
    with pytest.raises(ModelLoadError, match=said) as raised:
        load_model("translation", options, tmp_path / "models")
    assert raised.value.exit_code == 2 and str(folder) in str(raised.value)
    assert "\n" not in str(raised.value) and "\x1b" not in str(raised.value)
    assert "weights_only=False" not in str(raised.value)
    assert not marker.exists()


def _unfit_copy(tmp_path: Path, marian: Path, unfit: str) -> Path:
    """The tiny Marian with weights that do not fit its config.json: ``shape`` (d_model edited
    after saving), ``missing`` (a tensor dropped) or ``unexpected`` (a tensor of a layer the
    config does not have)."""
    import json
    import shutil

    import torch
    from safetensors.torch import load_file, save_file

    folder = tmp_path / f"unfit-{unfit}"
    shutil.copytree(marian, folder)
    config = json.loads((folder / "config.json").read_text())
    weights = load_file(folder / "model.safetensors")
    if unfit == "shape":
        config["d_model"] *= 2
    elif unfit == "missing":
        del weights["model.decoder.layers.0.fc1.weight"]
    else:
        weights["model.encoder.layers.7.fc1.weight"] = torch.zeros(2, 2)
    (folder / "config.json").write_text(json.dumps(config))
    save_file(weights, folder / "model.safetensors", metadata={"format": "pt"})
    return folder


@pytest.mark.parametrize(
    ("unfit", "said"),
    [
        ("shape", "tensor(s) of another shape, e.g. "),
        ("missing", "1 tensor(s) missing, e.g. model.decoder.layers.0.fc1.weight"),
    ],
)
@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_weights_that_do_not_fit_the_config_are_a_model_error(
    tmp_path: Path, self_contained_models, unfit: str, said: str, backend: str
) -> None:
    """Other shapes ended the run with transformers' bare RuntimeError ("look at the above
    report", a report the run silences) and exit 1; a missing tensor was filled at random
    without a word (CTranslate2 converted it so): a model that is not the folder's. Each is
    one line naming the folder and what does not fit, exit 2."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    folder = _unfit_copy(tmp_path, self_contained_models.marian, unfit)
    options = TranslationSettings(model=str(folder), backend=backend)
    with pytest.raises(ModelLoadError, match=r"weights do not fit its config\.json") as raised:
        load_model("translation", options, Path("models"))
    message = str(raised.value)
    assert raised.value.exit_code == 2 and str(folder) in message and said in message
    assert "\n" not in message
    assert not list(tmp_path.glob("unfit-*.ct2-*")), "nothing was converted"


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_weights_the_config_has_no_place_for_are_said_not_refused(
    tmp_path: Path, self_contained_models, backend: str, caplog: pytest.LogCaptureFixture
) -> None:
    """A tensor the config has no place for was dropped without a word. The model is whole,
    so it loads (a checkpoint with a buffer a later release no longer keeps must not stop
    every run), and the log names the folder and the tensor."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    folder = _unfit_copy(tmp_path, self_contained_models.marian, "unexpected")
    options = TranslationSettings(model=str(folder), backend=backend)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        loaded = load_model("translation", options, Path("models"))
    assert loaded.backend.name == backend
    said = [r.getMessage() for r in caplog.records if "left unused" in r.getMessage()]
    assert len(said) == 1 and str(folder) in said[0]
    assert "model.encoder.layers.7.fc1.weight" in said[0]


@pytest.mark.parametrize("command", ["list", "pull"])
def test_models_list_and_pull_say_pickle_only_weights_would_not_load(
    tmp_path: Path, self_contained_models, command: str
) -> None:
    """Both exit 1 naming the reason and the allow_pickle hint (pull used to say "already
    available (local folder)" and exit 0 where list exits 1); with allow_pickle both pass."""
    from typer.testing import CliRunner

    from summarize.cli import app

    folder = _pickled_copy(tmp_path, self_contained_models)
    args = ["models", command, "--set", f"translation.model={str(folder)!r}",
            "--set", f"summarization.model={str(self_contained_models.bart)!r}"]  # fmt: skip
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1, refused.output
    assert "allow_pickle" in refused.output
    if command == "pull":
        said = " ".join(refused.output.split())  # as one line, however the console wrapped it
        translation, summarization = said.split(" summarization: ")
        assert "would not load" in translation and "already available" not in translation
        assert "already available (local folder)" in summarization
    allowed = CliRunner().invoke(app, [*args, "--set", "translation.allow_pickle=true"])
    assert allowed.exit_code == 0, allowed.output
    assert "would not load" not in allowed.output


@pytest.mark.parametrize("command", ["list", "pull"])
@pytest.mark.parametrize(
    "damage", ["no weights", "weights cut short", "a shard missing", "the shards' index missing"]
)
def test_models_list_and_pull_say_a_folder_without_whole_weights_would_not_load(
    tmp_path: Path, self_contained_models, command: str, damage: str
) -> None:
    """A folder without its weights file, or with one cut short (a copy stopped midway), was
    "available" to `models list` (exit 0) and "already available" to `models pull`, where a
    run refused it (exit 2). Both now exit 1 saying why, the same as the run; the other model
    is still said to be fine."""
    from typer.testing import CliRunner

    from summarize.cli import app

    folder = tmp_path / "marian"
    shutil.copytree(self_contained_models.marian, folder)
    weights = folder / "model.safetensors"
    if damage == "no weights":
        weights.unlink()
    elif damage == "weights cut short":
        os.truncate(weights, weights.stat().st_size // 2)
    else:  # sharded weights, the last shard not copied: models list said available, exit 0
        _save_in_shards(folder)
        shards = sorted(folder.glob("model-*-of-*.safetensors"))
        assert len(shards) > 1 and not weights.exists()
        if damage == "a shard missing":
            shards[-1].unlink()
        else:  # `cp model-*.safetensors`: models list said available, the run "set allow_pickle"
            (folder / "model.safetensors.index.json").unlink()
    expected = {
        "no weights": "no weights",
        "weights cut short": "weights are damaged",
        "a shard missing": "shards that are not there",
        "the shards' index missing": "nor the model.safetensors.index.json that names the shards",
    }[damage]
    args = ["models", command, "--set", f"translation.model={str(folder)!r}",
            "--set", f"summarization.model={str(self_contained_models.bart)!r}"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert expected in said, said
    assert "copy or pull the model again" in said
    if command == "pull":
        translation, summarization = said.split(" summarization: ")
        assert "would not load" in translation and "already available" not in translation
        assert "already available (local folder)" in summarization
    else:  # as JSON: not "available", which a script may read alone
        listed = CliRunner().invoke(app, [*args, "--json"])
        translation, summarization = (json.loads(line) for line in listed.stdout.splitlines())
        assert translation["problem"] and translation["available"] is False
        assert summarization["problem"] is None and summarization["available"] is True
    config = write_config(tmp_path / "c.toml", folder, self_contained_models.bart)
    article = tmp_path / "a.txt"
    article.write_text(seed_texts()[0], encoding="utf-8")
    run = CliRunner().invoke(
        app, ["run", str(article), "-c", str(config), "-o", str(tmp_path / "o")]
    )
    assert run.exit_code == 2, run.output  # what a run says of the same folder
    assert expected in " ".join(run.output.split())


def _save_in_shards(folder: Path) -> None:
    """The model in ``folder`` saved again as sharded safetensors with their index."""
    from transformers import AutoModelForSeq2SeqLM

    model = AutoModelForSeq2SeqLM.from_pretrained(folder)
    (folder / "model.safetensors").unlink()
    model.save_pretrained(folder, max_shard_size="20KB")


def test_models_pull_names_a_missing_model_folder_and_pulls_the_other(
    tmp_path: Path, self_contained_models
) -> None:
    """A model setting that is a folder which does not exist is no hub id: the pull tried to
    download the path itself ("Repo id must be in the form ...; check the network"), into
    the path joined to the store, and stopped there (exit 2) before the other model."""
    from typer.testing import CliRunner

    from summarize.cli import app

    missing = tmp_path / "gone" / "opus-mt"
    args = ["models", "pull", "--set", f"translation.model={str(missing)!r}",
            "--set", f"summarization.model={str(self_contained_models.bart)!r}",
            "--set", f"runtime.models_dir={str(tmp_path / 'store')!r}"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert "model folder" in said and "does not exist" in said and "Repo id" not in said, said
    assert "summarization:" in said and "already available (local folder)" in said, said
    assert not (tmp_path / "gone").exists()


def test_models_pull_names_each_model_on_one_line_in_a_log(
    tmp_path: Path, self_contained_models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a pipe or a log (80 columns), "summarization: <a long folder> already available" was
    folded into lines, the folder's path cut in the middle of a name: each model is one line,
    as every other message."""
    from rich.console import Console
    from typer.testing import CliRunner

    from summarize.cli import app

    long_folder = tmp_path / ("models-of-a-project-with-a-long-name-" * 2) / "bart"
    shutil.copytree(self_contained_models.bart, long_folder)
    log = Console(stderr=True, emoji=False, width=80, color_system=None)
    monkeypatch.setattr("summarize.cli.stderr", log)
    args = ["models", "pull", "--set", f"translation.model={str(self_contained_models.marian)!r}",
            "--set", f"summarization.model={str(long_folder)!r}",
            "--set", f"runtime.models_dir={str(tmp_path / 'store')!r}"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert f"summarization: {long_folder} already available (local folder)\n" in result.output


def _pull_a_missing_and_a_local_model(tmp_path: Path, models: ModelSet) -> list[str]:
    """`models pull`'s arguments for a hub model that is not there (offline) and a local one."""
    return ["models", "pull", "--set", "translation.model='example-org/no-such-model'",
            "--set", f"summarization.model={str(models.bart)!r}",
            "--set", f"runtime.models_dir={str(tmp_path / 'store')!r}"]  # fmt: skip


def test_a_stopped_models_pull_says_so_and_exits_130(
    tmp_path: Path, self_contained_models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during a download ended `models pull` without a word (exit 130), where a run, an
    evaluation and a view say they were stopped and what is kept."""
    from typer.testing import CliRunner

    import summarize.store as store
    from summarize.cli import app

    def stopped(settings, models_dir):
        raise KeyboardInterrupt  # Ctrl-C during the download

    monkeypatch.setattr(store, "pull", stopped)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = CliRunner().invoke(
        app, _pull_a_missing_and_a_local_model(tmp_path, self_contained_models)
    )
    said = " ".join(result.output.split())
    assert result.exit_code == 130, said
    assert "interrupted: the models pulled so far are in place" in said, said


def test_models_pull_goes_on_to_the_other_model_when_a_download_fails(
    tmp_path: Path, self_contained_models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A download that failed (here: no hub, offline) ended the command before the other
    model was looked at; it is said on its model's line and the other model is still seen to,
    the exit the failed download's."""
    from typer.testing import CliRunner

    from summarize.cli import app

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = CliRunner().invoke(
        app, _pull_a_missing_and_a_local_model(tmp_path, self_contained_models)
    )
    said = " ".join(result.output.split())
    assert result.exit_code == 2, said
    assert "translation: " in said and "example-org/no-such-model" in said, said
    assert "summarization:" in said and "already available (local folder)" in said, said
    assert "Traceback" not in said


@pytest.mark.parametrize(
    ("tables", "said"),
    [
        # within the table in order, above the model's own max_length (142)
        ({"generation": {"min_length": 150}}, "[summarization.generation] min_length = 150 is "
         "above max_length = 142"),
        # each table in order alone; the map steps' merged over the final's
        ({"generation": {"max_length": 100}, "chunk_generation": {"min_length": 120}},
         "[summarization.chunk_generation] min_length = 120 is above max_length = 100"),
        ({"generation": {"max_new_tokens": 40}, "chunk_generation": {"min_new_tokens": 50}},
         "[summarization.chunk_generation] min_new_tokens = 50 is above max_new_tokens = 40"),
        # min_length counts the start token, max_new_tokens not: 42 is past 40 + 1 (generate()
        # warned "Unfeasible length constraints" past --quiet on every batch)
        ({"generation": {"min_length": 42}, "chunk_generation": {"max_new_tokens": 40}},
         "[summarization.chunk_generation] min_length = 42 is above max_new_tokens = 40 (+ 1"),
        # max_length counts the start token, min_new_tokens not: 142 is past the model's own
        # 142 - 1 (generate() warned twice on every batch, past --quiet)
        ({"generation": {"min_new_tokens": 142}},
         "[summarization.generation] min_new_tokens = 142 is above max_length = 142 (- 1"),
    ],
)  # fmt: skip
def test_a_minimum_above_the_maximum_as_the_settings_merge_is_refused(
    self_contained_models, tables: dict, said: str
) -> None:
    """Each table was checked alone: a min_length above the model's own max_length, or a map
    steps' minimum above the final table's maximum, passed, and generate() only warned (past
    --quiet) and stopped at the maximum. Refused before any article, naming the table."""
    options = SummarizationSettings(model=str(self_contained_models.bart), **tables)
    with pytest.raises(ConfigError) as raised:
        resolve_spec("summarization", options, Path("models"))
    assert said in str(raised.value), raised.value
    # max_new_tokens bounds the output: a min_length above the model's max_length is not compared
    fine = {"generation": {"max_new_tokens": 200, "min_length": 150}}
    bart = str(self_contained_models.bart)
    resolve_spec("summarization", SummarizationSettings(model=bart, **fine), Path("models"))


def test_chunk_generation_applies_to_map_steps_only(models) -> None:
    """[summarization.chunk_generation] shapes the chunk summaries; the final one keeps its own."""
    plain = _summarizer(models.bart_short_window)
    assert plain.chunk_model is plain.loaded  # unset: one model, batches shared as before
    summarizer = _summarizer(
        models.bart_short_window, chunk_generation={"max_length": 5, "min_length": 2}
    )
    assert summarizer.chunk_model.backend.generation_config.max_length == 5
    assert summarizer.loaded.generation_config.max_length != 5
    seen: dict[str, list[str]] = {"chunk": [], "final": []}
    for kind, model in (("chunk", summarizer.chunk_model), ("final", summarizer.loaded)):
        original = model.backend.generate_batches

        def recording(batches, original=original, kind=kind):
            seen[kind].extend(text for batch in batches for text in batch)
            if kind == "final":
                return original(batches)
            # Random weights may write only what shows nothing ("\x07\x07"), an empty chunk
            # summary: the reduce step this test watches needs one with a word.
            return ([out._replace(text=f"troops {out.text}") for out in batch]
                    for batch in original(batches))  # fmt: skip

        object.__setattr__(model.backend, "generate_batches", recording)
    long_text = [f"Sentence number {i} reports that troops moved near Kursk." for i in range(30)]

    direct, long = summarizer.summarize_many([["The soldiers arrived on Monday."], long_text])

    assert direct.path == "direct" and long.path == "map-reduce"
    assert len(seen["chunk"]) >= long.chunks >= 2
    assert all("Kursk" in text for text in seen["chunk"][: long.chunks])
    assert any("The soldiers arrived on Monday." in text for text in seen["final"])
    assert not any("The soldiers arrived on Monday." in text for text in seen["chunk"])
    assert len(seen["final"]) == 2  # the direct text and the reduce step


def test_chunk_generation_with_an_unknown_key_is_a_config_error(models) -> None:
    with pytest.raises(ValidationError, match=r"chunk_generation(?s:.*)num_beamz"):  # config
        _summarizer(models.bart_short_window, chunk_generation={"num_beamz": 2})
    # The model load refuses it too (settings built without validation).
    options = SummarizationSettings.model_construct(
        model=str(models.bart_short_window),
        generation=SHORT_SUMMARY,
        chunk_generation={"num_beamz": 2},
    )
    with pytest.raises(ConfigError, match=r"summarization\.chunk_generation.*num_beamz"):
        load_model("summarization", options, Path("models"))


def test_an_output_length_past_the_decoder_positions_is_refused(
    self_contained_models, tmp_path: Path
) -> None:
    """BART's decoder reads 1024 learned positions: a longer output failed inside generate()
    with an IndexError and a traceback, after every article was translated."""
    from conftest import SEEDS, write_config
    from typer.testing import CliRunner

    from summarize.cli import app

    bart = str(self_contained_models.bart)
    fits = SummarizationSettings(model=bart, generation={"max_length": 1024})
    assert resolve_spec("summarization", fits, Path("models")).window == 1024
    for table, key, value in (
        ("generation", "max_length", 1025),
        ("chunk_generation", "max_new_tokens", 1024),
    ):
        options = SummarizationSettings(model=bart, **{table: {key: value}})
        with pytest.raises(ConfigError, match=rf"\[summarization\.{table}\] {key} = {value}"):
            resolve_spec("summarization", options, Path("models"))
    config = write_config(tmp_path / "c.toml", self_contained_models.marian, Path(bart))
    result = CliRunner().invoke(
        app,
        ["run", str(SEEDS), "-c", str(config), "-o", str(tmp_path / "out"), "--no-cache",
         "--set", "summarization.generation.min_length=1030",
         "--set", "summarization.generation.max_length=1040"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "max_length = 1040" in result.output and "Traceback" not in result.output
    assert not list((tmp_path / "out").glob("*.md"))


@pytest.mark.parametrize(
    ("task", "table", "key", "value", "least"),
    [
        # opus-mt forces its end token at the limit: one token is that end token alone
        ("translation", "translation.generation", "max_new_tokens", 1, 2),
        ("translation", "translation.generation", "max_length", 2, 3),
        # DistilBART forces its start token first and its end token last
        ("summarization", "summarization.generation", "max_new_tokens", 2, 3),
        ("summarization", "summarization.chunk_generation", "max_length", 3, 4),
    ],
)
def test_an_output_length_that_holds_only_the_forced_tokens_is_refused(
    self_contained_models, task: Task, table: str, key: str, value: int, least: int
) -> None:
    """A model that forces its first or last token (forced_bos_token_id, forced_eos_token_id)
    wrote those alone where the output length held no more: with translation.generation
    max_new_tokens = 1 every sentence's English came back empty, and each article failed as
    "nothing to summarize: the article has no English text"; with summarization max_new_tokens =
    2 every summary was empty and "0 of its 5 words" of the lead stood in. Refused before any
    article, naming the table, the key and the least length that writes a token of the text's."""
    model = self_contained_models.marian if task == "translation" else self_contained_models.bart
    settings_class = TranslationSettings if task == "translation" else SummarizationSettings
    name = table.split(".")[1]
    lengths = {key: value, "min_length": 0}

    def options(lengths: dict[str, int]) -> TranslationSettings | SummarizationSettings:
        return settings_class(model=str(model), **{name: lengths})

    with pytest.raises(ConfigError) as refused:
        resolve_spec(task, options(lengths), Path("models"))
    message = str(refused.value)
    assert f"[{table}] {key} = {value}" in message, message
    assert f"at least {least}" in message, message
    resolve_spec(task, options({**lengths, key: least}), Path("models"))  # room for one: fine


@pytest.mark.parametrize(
    "model_type",
    ["plbart", "mvp", "bigbird_pegasus", "blenderbot", "blenderbot-small", "prophetnet"],
)
def test_other_families_output_length_past_their_decoder_positions_is_refused(
    model_type: str,
) -> None:
    """Like BART's, these decoders read a fixed table of learned positions (Blenderbot's 128):
    a longer output failed inside generate() with an IndexError, after translating."""
    from transformers import AutoConfig

    from summarize.generation import _check_output_length

    config = AutoConfig.for_model(model_type, max_position_embeddings=128)
    fits = SummarizationSettings(model="org/model", generation={"max_length": 128})
    _check_output_length("summarization", fits, config)
    too_long = SummarizationSettings(model="org/model", generation={"max_new_tokens": 128})
    with pytest.raises(ConfigError, match=r"its decoder reads 128 positions"):
        _check_output_length("summarization", too_long, config)


def test_beam_search_that_cannot_fit_one_input_is_refused_before_any_article(
    self_contained_models, t5_model: Path, tmp_path: Path, monkeypatch
) -> None:
    """T5 has no position table to bound its output: max_new_tokens = 10**9 with 2 beams asked
    for 45 GiB of beam tables; a num_beams far past any vocabulary's scores fits no machine."""
    from conftest import SEEDS, write_config
    from typer.testing import CliRunner

    import summarize.generation
    from summarize.cli import app

    monkeypatch.setattr(summarize.generation, "device_memory", lambda device: 16 * 2**30)
    huge = {"max_new_tokens": 10**9}
    greedy = SummarizationSettings(model=str(t5_model), generation={**huge, "num_beams": 1})
    resolve_spec("summarization", greedy, Path("models"))  # nothing held per beam
    for table in ("generation", "chunk_generation"):
        beams = SummarizationSettings(model=str(t5_model), **{table: {**huge, "num_beams": 2}})
        with pytest.raises(ConfigError) as refused:
            resolve_spec("summarization", beams, Path("models"))
        assert str(refused.value).startswith(
            f"[summarization.{table}] num_beams = 2 with max_new_tokens = 1000000000: beam "
            "search needs at least 44.7 GiB for one input alone"
        )
        assert "16.0 GiB of memory of this machine's cpu; lower num_beams or max_new_tokens" in (
            str(refused.value)
        )
    config = write_config(tmp_path / "c.toml", self_contained_models.marian, t5_model)
    result = CliRunner().invoke(
        app,
        ["run", str(SEEDS), "-c", str(config), "-o", str(tmp_path / "out"), "--no-cache",
         "--set", "translation.generation.num_beams=100000000"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "[translation.generation] num_beams = 100000000 with max_new_tokens = 12" in " ".join(
        result.output.split()
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_ctranslate2_beam_search_that_cannot_fit_one_input_is_refused_before_any_article(
    self_contained_models, monkeypatch
) -> None:
    """The torch backend's beam memory check left CTranslate2 out: num_beams = 10**8 went to
    the conversion and then to every sentence, each failing alone ("mkl_malloc: failed to
    allocate memory") or the process killed for memory, where torch stopped before any article."""
    pytest.importorskip("ctranslate2")
    import summarize.generation

    monkeypatch.setattr(summarize.generation, "device_memory", lambda device: 16 * 2**30)
    marian = str(self_contained_models.marian)
    greedy = TranslationSettings(
        model=marian, backend="ctranslate2", device="cpu", generation={"num_beams": 1}
    )
    resolve_spec("translation", greedy, Path("models"))  # nothing held per beam
    beams = TranslationSettings(
        model=marian, backend="ctranslate2", device="cpu", generation={"num_beams": 10**8}
    )
    with pytest.raises(ConfigError) as refused:
        resolve_spec("translation", beams, Path("models"))
    message = str(refused.value)
    assert message.startswith("[translation.generation] num_beams = 100000000: beam search needs")
    assert message.endswith("16.0 GiB of memory of this machine's cpu; lower num_beams")


def test_a_model_with_code_of_its_own_is_refused_without_running_it(
    self_contained_models, tmp_path: Path
) -> None:
    """A folder whose model type only its own Python files define: never imported, and the
    message names no trust_remote_code=True the user cannot set."""
    import json
    import shutil

    folder = tmp_path / "custom"
    shutil.copytree(self_contained_models.bart, folder)
    marker = tmp_path / "ran"
    config = json.loads((folder / "config.json").read_text())
    config["model_type"] = "custom_bart"
    config["auto_map"] = {"AutoConfig": "custom.Config", "AutoModelForSeq2SeqLM": "custom.Model"}
    (folder / "config.json").write_text(json.dumps(config))
    (folder / "custom.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    options = SummarizationSettings(model=str(folder))
    with pytest.raises(ModelLoadError) as refused:
        resolve_spec("summarization", options, Path("models"))
    assert "trust_remote_code is off" in str(refused.value)
    assert "trust_remote_code=True" not in str(refused.value)
    assert not marker.exists()


def test_a_tokenizer_with_code_of_its_own_is_refused_without_running_it(
    self_contained_models, tmp_path: Path
) -> None:
    """A tokenizer class that only the folder's own Python file defines (tokenizer_config.json's
    auto_map): never imported, and the message says so; it told the user to install
    sentencepiece or tiktoken, which would not have helped."""
    import json
    import shutil

    folder = tmp_path / "custom-tokenizer"
    shutil.copytree(self_contained_models.marian, folder)
    marker = tmp_path / "ran"
    settings = json.loads((folder / "tokenizer_config.json").read_text())
    settings["tokenizer_class"] = "CustomTokenizer"
    settings["auto_map"] = {"AutoTokenizer": ["custom.CustomTokenizer", None]}
    (folder / "tokenizer_config.json").write_text(json.dumps(settings))
    (folder / "custom.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n")
    options = TranslationSettings(model=str(folder))
    with pytest.raises(ModelLoadError) as refused:
        resolve_spec("translation", options, Path("models"))
    assert "trust_remote_code is off" in str(refused.value)
    assert "sentencepiece" not in str(refused.value)
    assert not marker.exists()


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
@pytest.mark.parametrize("key", ["attn_implementation", "_attn_implementation"])
def test_attention_code_from_the_hub_is_refused(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, key: str
) -> None:
    """A config.json whose attention implementation names a kernel repository on the hub:
    transformers downloads and runs its code when it loads the weights (with the kernels
    package installed; without it the run ended with an ImportError's traceback, exit 1).
    transformers 5.25 no longer reads "_attn_implementation" from config.json: there the
    model loads with an attention of its own, nothing fetched."""
    import json
    import shutil

    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    folder = tmp_path / "kernel"
    shutil.copytree(self_contained_models.marian, folder)
    config = json.loads((folder / "config.json").read_text())
    config[key] = "kernels-community/flash-attn"
    (folder / "config.json").write_text(json.dumps(config))
    options = TranslationSettings(model=str(folder), backend=backend)
    if (
        backend == "torch"
        and key == "_attn_implementation"
        and not _transformers_reads(folder, key)
    ):
        _no_attention_from_the_hub(monkeypatch, kernels_installed=True)
        loaded = load_model("translation", options, tmp_path / "models")
        assert loaded.backend.model.config._attn_implementation in {"eager", "sdpa"}
        return
    with pytest.raises(ModelLoadError, match="kernels-community/flash-attn") as refused:
        resolve_spec("translation", options, Path("models"))
    assert refused.value.exit_code == 2 and "code from elsewhere" in str(refused.value)


def _transformers_reads(folder: Path, key: str) -> bool:
    """Whether this transformers takes ``key`` of the folder's config.json onto its config."""
    from transformers import AutoConfig

    return getattr(AutoConfig.from_pretrained(folder), key, None) is not None


def _marian_asking_for(marian: Path, tmp_path: Path, key: str, value: object) -> Path:
    """A copy of the tiny Marian whose config.json sets ``key`` (an attention setting)."""
    import json
    import shutil

    folder = tmp_path / "attention"
    shutil.copytree(marian, folder)
    config = json.loads((folder / "config.json").read_text())
    config[key] = value
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def _no_attention_from_the_hub(monkeypatch: pytest.MonkeyPatch, kernels_installed: bool) -> None:
    """transformers told the kernels package is (or is not) installed; fetching attention code
    from the hub fails the test."""
    import transformers.integrations.hub_kernels as hub_kernels
    import transformers.modeling_utils as modeling_utils

    def fetched(*args: object, **kwargs: object) -> None:
        raise AssertionError("attention code was fetched from the hub")

    monkeypatch.setattr(modeling_utils, "is_kernels_available", lambda: kernels_installed)
    monkeypatch.setattr(modeling_utils, "lazy_import_flash_attention", fetched)
    monkeypatch.setattr(hub_kernels, "get_kernel", fetched, raising=False)


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
@pytest.mark.parametrize("kernels_installed", [False, True])
def test_a_flash_attention_this_machine_cannot_use_is_read_as_eager(
    self_contained_models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    backend: str,
    kernels_installed: bool,
) -> None:
    """A config.json saved where flash attention ran (attn_implementation = flash_attention_2)
    read where its package is missing: transformers ended the run with an ImportError's
    traceback (exit 1), and with the kernels package installed it would fetch a build of
    flash attention from the hub and run that code. Read with eager attention, and said."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    folder = _marian_asking_for(
        self_contained_models.marian, tmp_path, "attn_implementation", "flash_attention_2"
    )
    _no_attention_from_the_hub(monkeypatch, kernels_installed)
    options = TranslationSettings(model=str(folder), backend=backend)
    with caplog.at_level(logging.INFO, logger="summarize"):
        translator = Translator(load_model("translation", options, tmp_path / "models"), options)
    assert "asks for flash_attention_2 attention" in caplog.text
    assert "its package is missing, or no GPU for it" in caplog.text
    assert "read with eager attention" in caplog.text
    assert len(translator.translate(["Der Rat tagte am Montag."])) == 1


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_no_layer_is_swapped_for_a_kernel_from_the_hub(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    """transformers 5.25 kernelizes every model from_pretrained loads unless told not to:
    layers replaced by builds fetched from hub kernel repositories (code from elsewhere), and
    where its kernels check failed it stopped the load ("Kernels are not available"). Both
    backends load (CTranslate2 converts) with kernels off."""
    import transformers.modeling_utils as modeling_utils

    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")

    def kernelize(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was kernelized")

    _no_attention_from_the_hub(monkeypatch, kernels_installed=True)
    monkeypatch.setattr(modeling_utils, "kernelize", kernelize, raising=False)
    options = TranslationSettings(model=str(self_contained_models.marian), backend=backend)
    translator = Translator(load_model("translation", options, tmp_path / "models"), options)
    assert len(translator.translate(["Der Rat tagte am Montag."])) == 1


@pytest.mark.parametrize("value", ["5", "paged|eager"])
def test_an_attention_transformers_does_not_have_is_said_as_such(
    self_contained_models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    value: str,
) -> None:
    """An attn_implementation that is no attention of transformers' is read as eager too; the
    log gave the flash attention's reason for it (its package missing, or no GPU), which sent
    the user looking for a package."""
    folder = _marian_asking_for(
        self_contained_models.marian, tmp_path, "attn_implementation", value
    )
    _no_attention_from_the_hub(monkeypatch, kernels_installed=False)
    options = TranslationSettings(model=str(folder))
    with caplog.at_level(logging.INFO, logger="summarize"):
        translator = Translator(load_model("translation", options, tmp_path / "models"), options)
    assert f"asks for {value} attention" in caplog.text
    assert "not one of transformers' attentions" in caplog.text
    assert "package is missing" not in caplog.text
    assert "read with eager attention" in caplog.text
    assert len(translator.translate(["Der Rat tagte am Montag."])) == 1


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("_attn_implementation", "flash_attention_2"),  # the key transformers sets last
        ("attn_implementation", ["eager"]),  # a list: unhashable
        ("attn_implementation", {"": ["flash_attention_2"]}),
    ],
    ids=["_attn_implementation", "list", "dict of a list"],
)
def test_an_attention_asked_for_in_another_form_is_read_as_eager(
    self_contained_models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    key: str,
    value: object,
    backend: str,
) -> None:
    """config.json's "_attn_implementation" = "flash_attention_2" on torch: transformers sets
    that key on the config after from_pretrained's attn_implementation keyword, so the eager
    attention the log announced was not used (an ImportError's traceback; with the kernels
    package, a build of flash attention fetched from the hub). A list there ended the run with
    a TypeError's traceback (unhashable) on both backends, before any weights were read."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    folder = _marian_asking_for(self_contained_models.marian, tmp_path, key, value)
    _no_attention_from_the_hub(monkeypatch, kernels_installed=True)
    options = TranslationSettings(model=str(folder), backend=backend)
    loaded = load_model("translation", options, tmp_path / "models")
    translator = Translator(loaded, options)
    assert len(translator.translate(["Der Rat tagte am Montag."])) == 1
    if backend == "torch":
        read = loaded.backend.model.config._attn_implementation
        if key != "_attn_implementation" or _transformers_reads(folder, key):
            assert read == "eager"
        else:  # transformers 5.25 leaves "_attn_implementation" of config.json unread
            assert read in {"eager", "sdpa"}


def test_a_length_set_in_a_later_table_wins_in_either_form(self_contained_models) -> None:
    """generate() lets max_new_tokens win over max_length, and applies min_length and
    min_new_tokens both: a chunk max_length under a final max_new_tokens (or a min_new_tokens
    over the model's min_length) was silently ignored."""
    options = SummarizationSettings(
        model=str(self_contained_models.bart),
        generation={"max_new_tokens": 60, "min_new_tokens": 2, "num_beams": 1},
        chunk_generation={"max_length": 8},
    )
    summarizer = Summarizer(load_model("summarization", options, Path("models")), options)
    final, chunk = summarizer.loaded, summarizer.chunk_model
    assert final.generation_config.min_length is None  # the model's 56 is replaced
    assert final.generation_settings["max_new_tokens"] == 60
    assert chunk.generation_config.max_new_tokens is None
    assert chunk.generation_settings["max_length"] == 8
    text = "The mayor opened the new bridge on Monday, and many people came to see it. " * 8
    backend = chunk.backend
    generated = backend._generate(backend._encode([text]))  # type: ignore[attr-defined]
    assert generated.shape[1] <= 8  # max_length counts the decoder start token


@pytest.mark.parametrize("builder", ["marian", "bart"])
def test_a_shrunken_position_table_bounds_the_builders_output_length(
    tmp_path: Path, builder: str
) -> None:
    """build_marian / build_bart with max_position_embeddings kept the model's output length
    (512 / 142): an output running past the table failed with an IndexError."""
    from conftest import seed_texts

    from summarize.testing import build_bart, build_marian

    build = build_marian if builder == "marian" else build_bart
    folder = build(tmp_path / builder, texts=seed_texts(), max_position_embeddings=32)
    task = "translation" if builder == "marian" else "summarization"
    section = TranslationSettings if builder == "marian" else SummarizationSettings
    # The output runs to the bounded length (a minimum above it is refused as out of order).
    options = section(model=str(folder), generation={"min_length": 32, "num_beams": 1})
    loaded = load_model(task, options, Path("models"))  # type: ignore[arg-type]
    assert loaded.generation_config.max_length == 32
    (output,) = loaded.backend.generate(["Die Brücke."])
    assert isinstance(output.text, str)


def test_a_model_folders_own_output_length_past_its_positions_is_bounded(
    self_contained_models, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder whose own settings (config.json's task_specific_params, generation_config.json)
    ask for 10**9 tokens: beam search allocated max_length up front (32 GB) and the run crashed
    with a traceback after translating; no output can be longer than the decoder's 1024
    positions, so that is what is used, with a warning naming the key."""
    import json
    import shutil

    folder = tmp_path / "absurd"
    shutil.copytree(self_contained_models.bart, folder)
    config = json.loads((folder / "config.json").read_text())
    config["task_specific_params"]["summarization"].update(max_length=10**9, min_length=10**9)
    (folder / "config.json").write_text(json.dumps(config))
    own = json.loads((folder / "generation_config.json").read_text())
    own.update(max_length=10**9, min_length=10**9)  # the file's own win over config.json's
    (folder / "generation_config.json").write_text(json.dumps(own))
    spec = resolve_spec("summarization", SummarizationSettings(model=str(folder)), Path("models"))
    assert spec.generation_config.max_length == spec.generation_config.min_length == 1024
    assert spec.generation_settings["max_length"] == 1024
    assert "sets max_length = 1000000000" in caplog.text
    assert "summarization.generation.max_length" in caplog.text
    # What the user's table sets is theirs: kept (and refused when too long, as above).
    mine = SummarizationSettings(model=str(folder), generation={"max_length": 60})
    spec = resolve_spec("summarization", mine, Path("models"))
    assert spec.generation_config.max_length == 60
    # the folder's min_length (bounded to 1024) is lowered to the maximum set here
    assert spec.generation_config.min_length == 60
    # The map steps' table merges over the bounded settings, as the summarizer's does: merged
    # over the folder's own 10**9, beams there were refused for 44 GiB the run never needed.
    from summarize.families import detect_family
    from summarize.generation import load_generation_config, resolve_generation

    beams = SummarizationSettings(model=str(folder), chunk_generation={"num_beams": 2})
    spec = resolve_spec("summarization", beams, Path("models"))
    own = load_generation_config(str(folder), spec.config, {"revision": None})
    family = detect_family(spec.config, spec.tokenizer)
    generation = resolve_generation("summarization", beams, own, spec.config, family, None)
    assert generation.chunk_config is not None
    assert generation.chunk_config.max_length == 1024
    assert generation.chunk_config.num_beams == 2


def test_a_models_own_generation_config_wins_over_its_task_specific_params(
    self_contained_models, tmp_path: Path
) -> None:
    """A fine-tune of bart-large-cnn or t5 keeps its base's task_specific_params in config.json
    (transformers 5 no longer reads them): the settings its author saved in
    generation_config.json (num_beams = 1, max_length = 64) lost to them without a word. What
    the file does not name still comes from them, and a file derived from the config
    (``_from_model_config``, DistilBART's) does not count as the author's."""
    import json
    import shutil

    folder = tmp_path / "fine-tune"
    shutil.copytree(self_contained_models.bart, folder)
    config = json.loads((folder / "config.json").read_text())
    task = config["task_specific_params"]["summarization"]
    task.update(num_beams=4, max_length=142, min_length=56, no_repeat_ngram_size=3)
    (folder / "config.json").write_text(json.dumps(config))
    own_file = folder / "generation_config.json"
    own = json.loads(own_file.read_text()) if own_file.exists() else {}
    own.update(num_beams=1, max_length=64, min_length=5, _from_model_config=False)
    own_file.write_text(json.dumps(own))
    settings = SummarizationSettings(model=str(folder))
    generation = resolve_spec("summarization", settings, Path("models")).generation_config
    assert (generation.num_beams, generation.max_length, generation.min_length) == (1, 64, 5)
    assert generation.no_repeat_ngram_size == 3  # not in the file: task_specific_params'
    # derived from the config: task_specific_params win, as transformers 4 had it
    own_file.write_text(json.dumps({**own, "_from_model_config": True}))
    generation = resolve_spec("summarization", settings, Path("models")).generation_config
    assert (generation.num_beams, generation.max_length, generation.min_length) == (4, 142, 56)


@pytest.mark.parametrize("form", ["length", "new_tokens"])
def test_a_maximum_below_the_models_own_minimum_lowers_that_minimum(
    form: str, recwarn: pytest.WarningsRecorder
) -> None:
    """max_length = 30 on DistilBART (its own min_length 56): generate() warned "Unfeasible
    length constraints" past --quiet and stopped at 30 anyway. The minimum is lowered to the
    maximum; a minimum the user sets is left alone (the config check compares the two)."""
    from transformers import GenerationConfig

    from summarize.generation import merged_generation

    low, high = f"min_{form}", f"max_{form}"
    model_own = GenerationConfig(**{low: 56, high: 142})
    merged, effective = merged_generation(model_own, {high: 30}, "summarization.generation")
    assert (getattr(merged, low), getattr(merged, high)) == (30, 30)
    assert (effective[low], effective[high]) == (30, 30)
    assert getattr(model_own, low) == 56  # the model's own settings are not changed
    assert not [w for w in recwarn if "length" in str(w.message).lower()]
    kept, _ = merged_generation(model_own, {high: 100}, "summarization.generation")
    assert getattr(kept, low) == 56
    both, _ = merged_generation(model_own, {high: 30}, "t", user_set={low: 40})
    assert getattr(both, low) == 56  # set by the user in the table below: not touched here


@pytest.mark.parametrize("table", ["summarization.generation", "summarization.chunk_generation"])
def test_max_new_tokens_below_the_models_own_min_length_lowers_that_minimum(
    table: str, recwarn: pytest.WarningsRecorder
) -> None:
    """max_new_tokens = 20 on DistilBART (its own min_length 56, the other form): generate()
    warned "Unfeasible length constraints: `min_length` (56) is larger than the maximum possible
    length (21)" past --quiet on every batch, and the run record said min_length 56 beside it.
    min_length counts the decoder's start token, max_new_tokens does not: the longest output is
    max_new_tokens + 1 of min_length's count, and the minimum is lowered to that."""
    from transformers import GenerationConfig

    from summarize.generation import merged_generation

    model_own = GenerationConfig(min_length=56, max_length=142)
    merged, effective = merged_generation(model_own, {"max_new_tokens": 20}, table)
    assert (merged.min_length, merged.max_new_tokens) == (21, 20)
    assert (effective["min_length"], effective["max_new_tokens"]) == (21, 20)
    assert not [w for w in recwarn if "length" in str(w.message).lower()]
    kept, _ = merged_generation(model_own, {"max_new_tokens": 100}, table)
    assert kept.min_length == 56  # within reach: left as it is
    users, _ = merged_generation(model_own, {"max_new_tokens": 20}, table, user_set={"min_length"})
    assert users.min_length == 56  # the user's own minimum is not changed


def test_ctranslate2_never_converts_pickle_weights_of_a_hub_model(
    tmp_path: Path, self_contained_models, monkeypatch
) -> None:
    """A hub model whose cached snapshot holds pickle weights only (pytorch_model.bin): the
    torch backend refuses it, and the CTranslate2 converter, which reads the weights with
    from_pretrained, must not unpickle them either (it converted them without a word)."""
    pytest.importorskip("ctranslate2")
    import shutil

    import huggingface_hub.constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--acme--pickled-mt"
    shutil.copytree(_pickled_copy(tmp_path, self_contained_models), repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    models_dir = tmp_path / "models"
    for backend in ("torch", "ctranslate2"):
        options = TranslationSettings(model="acme/pickled-mt", backend=backend)
        with pytest.raises(ModelLoadError, match="allow_pickle"):
            load_model("translation", options, models_dir)
    assert not list(models_dir.glob("acme/pickled-mt.ct2-*/model.bin")), "nothing was converted"
    allowed = TranslationSettings(model="acme/pickled-mt", backend="ctranslate2", allow_pickle=True)
    assert load_model("translation", allowed, models_dir).backend.name == "ctranslate2"


@pytest.mark.parametrize("main", ["none cached", "another model"])
def test_ctranslate2_converts_a_hub_model_at_its_revision(
    tmp_path: Path, self_contained_models, monkeypatch, main: str
) -> None:
    """translation.revision pins a hub model: CTranslate2's converter read config.json and the
    tokenizer without the revision (the main branch), so with only the pinned snapshot in the
    cache the conversion failed offline where torch ran, and with main another model it read
    main's config beside the revision's weights. Both backends now write the same English."""
    pytest.importorskip("ctranslate2")
    import huggingface_hub.constants

    pinned, other = "0123456789abcdef0123456789abcdef01234567", "f" * 40
    repo = tmp_path / "hub" / "models--acme--pinned-mt"
    shutil.copytree(self_contained_models.marian, repo / "snapshots" / pinned)
    (repo / "refs").mkdir()
    (repo / "refs" / "v1").write_text(pinned)
    if main == "another model":  # a later release: wider layers than the pinned weights
        shutil.copytree(self_contained_models.marian, repo / "snapshots" / other)
        config_file = repo / "snapshots" / other / "config.json"
        config = json.loads(config_file.read_text(encoding="utf-8"))
        config_file.write_text(json.dumps({**config, "d_model": 2 * config["d_model"]}))
        (repo / "refs" / "main").write_text(other)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    sentences = ["Nordkorea hat Russland Soldaten geschickt.", "Der Kreml schwieg."]
    english = {}
    for backend in ("torch", "ctranslate2"):
        settings = TranslationSettings(
            model="acme/pinned-mt",
            revision="v1",
            backend=backend,
            generation={"max_new_tokens": 6, "num_beams": 2},
        )
        loaded = load_model("translation", settings, tmp_path / "models")
        english[backend] = [output.text for output in loaded.backend.generate(sentences)]
    assert english["ctranslate2"] == english["torch"]


@pytest.mark.parametrize(
    ("table", "generation"),
    [
        ("generation", {"num_beams": 2, "num_beam_groups": 2, "diversity_penalty": 0.5}),
        ("generation", {"num_beams": 2, "force_words_ids": [[5]]}),
        ("generation", {"num_beams": 1, "dola_layers": "low"}),
        # top_k unset: generate() fills in 50, and penalty_alpha makes that contrastive search
        ("generation", {"num_beams": 1, "penalty_alpha": 0.6}),
        ("chunk_generation", {"num_beams": 2, "num_beam_groups": 2, "diversity_penalty": 0.5}),
    ],
)
def test_decoding_modes_that_run_hub_code_are_refused_before_any_article(
    self_contained_models, table: str, generation: dict
) -> None:
    """transformers moved group beam search, constrained beam search and DoLa into code on the
    hub, which generate() runs only with trust_remote_code=True: every input failed inside
    generate(), after the articles were translated."""
    settings = SummarizationSettings(model=str(self_contained_models.bart), **{table: generation})
    with pytest.raises(ConfigError, match=rf"\[summarization\.{table}\].*trust_remote_code is off"):
        resolve_spec("summarization", settings, Path("models"))


@pytest.mark.parametrize(("key", "value"), [("max_time", 0.01), ("stop_strings", ["."])])
def test_a_models_own_time_limit_or_stop_strings_are_refused_before_any_article(
    self_contained_models, tmp_path: Path, key: str, value: object
) -> None:
    """The config refuses max_time (an output cut at the clock reads as finished) and
    stop_strings; a model's own generation_config.json carrying one went through to generate()
    on torch, which cut every summary at 10 ms with no word."""
    import json
    import shutil

    folder = tmp_path / "own-limit"
    shutil.copytree(self_contained_models.bart, folder)
    path = folder / "generation_config.json"
    path.write_text(json.dumps({**json.loads(path.read_text()), key: value}))
    settings = SummarizationSettings(model=str(folder))
    with pytest.raises(ConfigError, match=rf"\[summarization\.generation\] {key} .*not supported"):
        resolve_spec("summarization", settings, Path("models"))


def test_the_decoding_mode_check_leaves_generate_code_unimported(self_contained_models) -> None:
    """Greedy, beam and sampling settings need no look-up in transformers' mapping of modes
    to hub code: importing it (transformers.generation.utils, which pulls in torch.distributed
    and torch._dynamo) took 2 s of a run whose briefs were all current and loaded no model."""
    import json
    import subprocess
    import sys

    tables = [
        {},
        {"num_beams": 2},
        {"do_sample": True, "top_k": 5},
        {"num_beams": 2, "do_sample": True},
    ]
    script = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from summarize.config import SummarizationSettings\n"
        "from summarize.models import resolve_spec\n"
        f"for table in {tables!r}:\n"
        f"    settings = SummarizationSettings(model={str(self_contained_models.bart)!r}, "
        "generation=table)\n"
        "    resolve_spec('summarization', settings, Path('models'))\n"
        "print(json.dumps('transformers.generation.utils' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.splitlines()[-1]) is False


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_reading_a_marian_translator_leaves_sacremoses_unimported(
    self_contained_models, backend: str
) -> None:
    """Reading opus-mt's tokenizer (every run, a rerun whose briefs are all current too) does
    not import sacremoses: MarianTokenizer set up its punctuation normaliser when made, and the
    import (its tokenizer's regular expressions compiled) cost 0.3-0.4 s of CPU for a normaliser
    that encoding never calls. Its ``normalize`` still gives sacremoses' output, pickled too."""
    import json
    import subprocess
    import sys

    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    text = "„Das ist – so sagt er – gut“ , oder?"
    script = (
        "import json, pickle, sys\n"
        "from pathlib import Path\n"
        "from summarize.config import TranslationSettings\n"
        "from summarize.models import resolve_spec\n"
        f"settings = TranslationSettings(model={str(self_contained_models.marian)!r}, "
        f"backend={backend!r})\n"
        "spec = resolve_spec('translation', settings, Path('models'))\n"
        "unimported = 'sacremoses' not in sys.modules\n"
        "spec.tokenizer('Guten Tag.')\n"
        "encoded = 'sacremoses' not in sys.modules\n"
        f"text = {text!r}\n"
        "from sacremoses import MosesPunctNormalizer\n"
        "expected = MosesPunctNormalizer(spec.tokenizer.source_lang).normalize(text)\n"
        "copy = pickle.loads(pickle.dumps(spec.tokenizer))\n"
        "print(json.dumps([unimported, encoded, expected, spec.tokenizer.normalize(text),\n"
        "                  copy.normalize(text)]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    unimported, encoded, expected, normalized, copied = json.loads(done.stdout.splitlines()[-1])
    assert (unimported, encoded) == (True, True)
    assert normalized == copied == expected != text


def test_a_translator_that_writes_less_than_it_reads_is_said_to(
    tmp_path: Path, self_contained_models, caplog: pytest.LogCaptureFixture
) -> None:
    """A translator whose own settings let it write fewer tokens than its window reads (NLLB-200
    and M2M100: 1,024 in, 200 out): a long sentence that fits the window is cut at the limit
    and nothing said so. The run now warns and names the setting that splits such sentences; a
    short limit the user's table sets (for speed) goes to the debug log only."""
    import json
    import shutil

    folder = tmp_path / "writes-less"
    shutil.copytree(self_contained_models.marian, folder)
    generation_file = folder / "generation_config.json"
    generation = json.loads(generation_file.read_text(encoding="utf-8"))
    generation_file.write_text(json.dumps({**generation, "max_length": 40}), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize"):
        loaded = resolve_spec("translation", TranslationSettings(model=str(folder)), Path("m"))
    assert loaded.window > 40
    warned = [r for r in caplog.records if "writes at most 40 tokens" in r.getMessage()]
    assert [r.levelno for r in warned] == [logging.WARNING], caplog.text
    assert "translation.max_input_tokens = 40" in warned[0].getMessage()
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="summarize"):
        resolve_spec(
            "translation",
            TranslationSettings(model=str(folder), generation={"max_new_tokens": 12}),
            Path("m"),
        )
    chosen = [r for r in caplog.records if "writes at most 12 tokens" in r.getMessage()]
    # Not on every run's console (it was at INFO, against the README): -v shows it.
    assert [r.levelno for r in chosen] == [logging.DEBUG], caplog.text
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="summarize"):
        resolve_spec("translation", TranslationSettings(model=str(folder), max_input_tokens=40),
                      Path("m"))  # fmt: skip
    assert "writes at most" not in caplog.text


def test_a_prefix_that_fills_the_window_is_refused_when_the_model_is_read(
    self_contained_models,
) -> None:
    """A prefix that leaves no room for text stopped the run at the first sentence split, after
    the articles were read, with "the model's input window" (which of the two?)."""
    model = str(self_contained_models.marian_short_window)  # 48 positions
    settings = TranslationSettings(model=model, prefix="Wort " * 60)
    with pytest.raises(ConfigError, match=r"the translation model .* reads 48 tokens") as error:
        resolve_spec("translation", settings, Path("m"))
    assert "shorten translation.prefix" in str(error.value)
    assert "max_input_tokens" not in str(error.value)  # 48 is the position table's own
    settings = TranslationSettings(model=model, prefix="Wort " * 10, max_input_tokens=8)
    with pytest.raises(ConfigError, match=r"or raise translation\.max_input_tokens"):
        resolve_spec("translation", settings, Path("m"))
    resolve_spec("translation", TranslationSettings(model=model, prefix="Wort "), Path("m"))


def test_a_prefix_that_leaves_too_little_room_for_a_word_is_refused(t5_model: Path) -> None:
    """T5 writes even one letter after a prefix as two tokens ("▁", "h"): a prefix that left one
    token of the window free passed, and the run stopped at its first sentence with "cannot
    hold even 'h'", naming neither the model nor the setting."""
    prefix = "translate German to English now: "  # 7 tokens with </s>; 9 with a letter
    settings = TranslationSettings(model=str(t5_model), prefix=prefix, max_input_tokens=8)
    with pytest.raises(ConfigError, match=r"leaving no room for text") as error:
        resolve_spec("translation", settings, Path("m"))
    assert "shorten translation.prefix or raise translation.max_input_tokens" in str(error.value)
    settings = TranslationSettings(model=str(t5_model), prefix=prefix, max_input_tokens=9)
    resolve_spec("translation", settings, Path("m"))


def test_a_prefix_is_tried_with_the_costliest_single_characters(shared_hub_models) -> None:
    """opus-mt writes "a" after the prefix as one token and "n" as two: a window that held the
    prefix and "a" passed the start-up check, and the first "n" standing alone stopped the run
    mid-way. Every character a sentence may be cut down to must fit."""
    from transformers import AutoTokenizer

    model = str(shared_hub_models.marian)
    prefix = "translate German to English now: "
    tokenizer = AutoTokenizer.from_pretrained(model)
    costs = {c: len(tokenizer(prefix + c)["input_ids"]) for c in ("a", "n", "\U0001f600")}
    assert costs["a"] < max(costs.values())  # the case under test
    for window in range(costs["a"], max(costs.values())):
        settings = TranslationSettings(model=model, prefix=prefix, max_input_tokens=window)
        with pytest.raises(ConfigError, match="leaving no room for text"):
            resolve_spec("translation", settings, Path("m"))
    settings = TranslationSettings(model=model, prefix=prefix, max_input_tokens=max(costs.values()))
    resolve_spec("translation", settings, Path("m"))


def test_a_summary_input_the_window_cannot_hold_fails_that_article_only() -> None:
    """The summarizer splits a long English down to single characters where it must: one that
    does not fit beside the prefix raised out of summarize_many, and no article of the batch
    got a summary."""

    class Expanding(WordTokenizer):  # U+FDFA as NFKC writes it: four words
        def words(self, text: str) -> list[str]:
            return super().words(text.replace("\ufdfa", " w w w w "))

    loaded = replace(echo_model("summarization", window=4), tokenizer=Expanding())
    summarizer = Summarizer(loaded, SummarizationSettings())
    unfit, fine = summarizer.summarize_many([["Er sagte \ufdfa dazu."], ["Ein Text."]])
    assert isinstance(unfit, ArticleError) and "cannot hold even" in str(unfit)
    assert not isinstance(fine, ArticleError) and fine.text


def test_an_english_as_long_as_the_output_limit_is_warned_of() -> None:
    """Generation stops at max_new_tokens: an English that long may be cut, and nothing said
    so (a sentence that fits the window can need more English than the limit allows). Counted
    by the model's target tokenizer; the warning names the limit and the settings to change."""
    from dataclasses import replace

    from transformers import GenerationConfig

    from summarize.stages import sentence_warnings

    loaded = replace(echo_model(), generation_config=GenerationConfig(max_new_tokens=8))
    translator = Translator(loaded, TranslationSettings(batch_size=2))
    long = " ".join(["Wort"] * 12) + "."
    short, cut = translator.translate(["Ein kurzer Satz.", long])
    assert short.reached_limit is None and cut.reached_limit == 8
    kinds = [w.kind for w in sentence_warnings(long, cut.text, None, cut.reached_limit)]
    assert "output_limit" in kinds
    assert "output_limit" not in [w.kind for w in sentence_warnings("Ein kurzer Satz.", short.text)]
    no_limit = Translator(echo_model(), TranslationSettings(batch_size=2))
    assert no_limit.translate([long])[0].reached_limit is None


def test_assisted_generation_gets_its_inputs_one_at_a_time(
    self_contained_models, caplog: pytest.LogCaptureFixture
) -> None:
    """transformers' assisted generation takes one input per generate() call: a batch of more
    raised, and every batch was retried in halves down to single inputs (31 calls for 16)."""
    options = TranslationSettings(
        model=str(self_contained_models.marian),
        generation={"max_new_tokens": 6, "num_beams": 1, "prompt_lookup_num_tokens": 3},
    )
    with caplog.at_level(logging.INFO, logger="summarize"):
        translator = Translator(load_model("translation", options, Path("models")), options)
    assert "assisted generation takes one input per generate() call" in caplog.text
    backend = translator.loaded.backend
    sizes: list[int] = []
    real = backend.generate_batches

    def counted(batches):
        sizes.extend(len(batch) for batch in batches)
        return real(batches)

    backend.generate_batches = counted
    sentences = [f"Das ist der Satz Nummer {n} im Test." for n in range(6)]
    translated = translator.translate(sentences)
    assert [t.source for t in translated] == sentences
    assert all(t.failed is None for t in translated)
    assert sizes == [1] * len(sentences)


def test_assisted_generation_beside_beam_search_is_refused(self_contained_models) -> None:
    """generate() runs the beam search and ignores prompt_lookup_num_tokens (its warning is
    silenced): refused as temperature without sampling is, naming the table and the key."""
    options = TranslationSettings(
        model=str(self_contained_models.marian),
        generation={"max_new_tokens": 6, "num_beams": 2, "prompt_lookup_num_tokens": 3},
    )
    with pytest.raises(
        ConfigError, match=r"\[translation.generation\] prompt_lookup_num_tokens = 3"
    ):
        load_model("translation", options, Path("models"))


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"num_assistant_tokens": 5}, "num_assistant_tokens = 5"),
        ({"assistant_confidence_threshold": 0.3}, "assistant_confidence_threshold = 0.3"),
        ({"max_matching_ngram_size": 3}, "max_matching_ngram_size = 3"),
        ({"assistant_lookbehind": 4, "prompt_lookup_num_tokens": 3}, "assistant_lookbehind = 4"),
        # early exit reads the draft count, prompt lookup does not
        ({"prompt_lookup_num_tokens": 3, "num_assistant_tokens": 5}, "num_assistant_tokens = 5"),
        # failed inside generate() on every input, after the articles were translated
        (
            {"prompt_lookup_num_tokens": 3, "assistant_ensemble_weight": 0.5},
            "assistant_ensemble_weight = 0.5.*fails on every input",
        ),
    ],
)
def test_a_setting_of_assisted_generation_not_run_is_refused(
    self_contained_models, settings: dict[str, object], named: str
) -> None:
    """generate() reads an assisted generation's tuning only where that kind runs: without it
    the setting changed nothing, unsaid (or, assistant_ensemble_weight beside prompt lookup,
    failed every input late). Refused before any article, naming the table and the key."""
    options = TranslationSettings(
        model=str(self_contained_models.marian),
        generation={"max_new_tokens": 6, "num_beams": 1, **settings},
    )
    with pytest.raises(ConfigError, match=rf"\[translation.generation\] {named}"):
        load_model("translation", options, Path("models"))


@pytest.mark.parametrize(
    "settings",
    [
        {"prompt_lookup_num_tokens": 3, "max_matching_ngram_size": 3},
        {"assistant_early_exit": 1, "num_assistant_tokens": 3},
        {"assistant_early_exit": 1, "assistant_confidence_threshold": 0.2},
    ],
)
def test_a_setting_of_the_assisted_generation_run_is_taken(
    self_contained_models, settings: dict[str, object]
) -> None:
    options = TranslationSettings(
        model=str(self_contained_models.marian),
        generation={"max_new_tokens": 6, "num_beams": 1, **settings},
    )
    loaded = load_model("translation", options, Path("models"))
    (output,) = loaded.backend.generate(["Der Hund bellt laut im Garten."])
    assert output.tokens


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
@pytest.mark.parametrize("layout", ["as converted", "with the tokenizer", "without config.json"])
def test_a_ctranslate2_conversion_given_as_the_model_is_named_as_one(
    self_contained_models, tmp_path: Path, backend: str, layout: str
) -> None:
    """A CTranslate2 conversion (model.bin, its vocabulary, CTranslate2's own config.json; this
    tool's `<model>.ct2-int8-<key>` or one from the hub) set as the model: the run stopped
    saying sentencepiece or tiktoken must be installed (they are), that config.json has no
    `model_type`, or that the folder has no config.json (is it the folder above?); it says
    what the folder is and which model to name instead."""
    folder = tmp_path / "opus-mt-de-en-ct2"
    folder.mkdir()
    (folder / "model.bin").write_bytes(b"\x06\x00\x00\x00" + bytes(64))
    (folder / "shared_vocabulary.json").write_text('["<unk>", "</s>", "▁Haus"]', encoding="utf-8")
    if layout != "without config.json":
        own = {"add_source_bos": False, "decoder_start_token": "</s>", "eos_token": "</s>"}
        (folder / "config.json").write_text(json.dumps(own), encoding="utf-8")
    if layout == "with the tokenizer":
        for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
            shutil.copy(self_contained_models.marian / name, folder / name)
    options = TranslationSettings(model=str(folder), backend=backend)
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("translation", options, tmp_path / "models")
    said = str(caught.value)
    assert f"folder {folder} is a CTranslate2 conversion" in said, said
    assert "converted from" in said and "sentencepiece" not in said and "\n" not in said, said


def test_chunk_summaries_no_longer_than_the_summarys_minimum_are_summarized_without_it(
    models, monkeypatch
) -> None:
    """Short map steps (chunk_generation.max_length = 8) gave a final summary's input of a
    few dozen tokens, which the model's min_length of 56 made it write past, as over a short
    article: that input is summarized without the minimum too, and the note says so."""
    import summarize.summarization as summarization

    settings = SummarizationSettings(
        model=str(models.bart_short_window), chunk_generation={"max_length": 8}
    )
    summarizer = Summarizer(load_model("summarization", settings, Path("models")), settings)
    minimum = summarizer.loaded.output_minimum()
    assert minimum == 55
    calls: list[tuple[list[str], int]] = []
    original = summarization.generate_texts

    def recording(model, texts, *rest):
        calls.append((list(texts), model.output_minimum()))
        return original(model, texts, *rest)

    monkeypatch.setattr(summarization, "generate_texts", recording)
    sentences = [f"Sentence {i} says that the troops moved near Kursk again." for i in range(9)]
    summary = summarizer.summarize(sentences)

    assert summary.path == "map-reduce"
    (final,), final_minimum = calls[-1]
    assert summarizer.loaded.count_tokens(final) <= minimum
    assert final_minimum == 0
    assert summary.note is not None and f"minimum length ({minimum} tokens)" in summary.note


def test_a_sentence_longer_than_the_summarizers_window_is_said_to_be_split(models, caplog) -> None:
    """A sentence the window does not hold is split between chunks, each summarized apart:
    the log says so, as the translator's does, where it named only the chunks."""
    summarizer = _summarizer(models.bart_short_window)
    long_sentence = " ".join(f"the troops moved near village {i}" for i in range(40)) + "."
    assert not summarizer.loaded.fits(long_sentence)
    with caplog.at_level(logging.INFO, logger="summarize"):
        summary = summarizer.summarize(["The soldiers arrived on Monday.", long_sentence])
    assert summary.path == "map-reduce"
    rounds = [r.getMessage() for r in caplog.records if "map-reduce round 1 over" in r.getMessage()]
    assert len(rounds) == 1
    assert "1 sentence longer than the window was split between chunks" in rounds[0]
    assert summary.sentences_split == 1  # for the brief, which says so too


def test_a_chunk_summary_longer_than_the_window_is_said_to_be_split() -> None:
    """A later round splits a chunk summary longer than the window between its chunks, as
    the first round splits a long sentence: only the log said so, and the brief's note (the
    run record's summary.note) said nothing of a summary read in parts."""
    window = 20
    long_summary = " ".join(f"word{i}" for i in range(30))  # 31 tokens: over the window

    def summarize(text: str) -> str:
        return long_summary if "s0" in text.split() else "short."

    backend = EchoBackend(summarize)
    summarizer = Summarizer(
        echo_model("summarization", window=window, backend=backend), SummarizationSettings()
    )
    summary = summarizer.summarize([f"s{i} a b c d e f g." for i in range(20)])

    assert summary.map_rounds == 2
    # Round 2 read the long summary in parts, every part in the window, none lost.
    second_round = backend.inputs[10:-1]  # after round 1's 10 chunks, before the final
    assert all(summarizer.loaded.fits(text) for text in second_round)
    assert all(f"word{i}" in " ".join(second_round).split() for i in range(30))
    assert summary.note is not None
    assert (
        "1 chunk summary of map-reduce round 1 was longer than the summarizer's 20-token "
        "window, so it was split between the chunks of round 2"
    ) in summary.note


@pytest.mark.parametrize("weights_file", ["flax_model.msgpack", "tf_model.h5"])
def test_a_folder_with_tensorflow_or_flax_weights_only_is_told_so(
    tmp_path: Path, self_contained_models, weights_file: str
) -> None:
    """Weights transformers 5 does not read (an older fine-tune pushed from Keras or JAX) were
    called no weights at all, with advice to copy or pull the model again: a copy holds the
    same files."""
    folder = shutil.copytree(self_contained_models.bart, tmp_path / "bart")
    (folder / "model.safetensors").rename(folder / weights_file)
    options = SummarizationSettings(model=str(folder))
    with pytest.raises(ModelLoadError) as raised:
        load_model("summarization", options, tmp_path / "models")
    message = str(raised.value)
    assert f"TensorFlow or Flax weights only ({weights_file})" in message
    assert "model.safetensors" in message
    assert "copy or pull the model again" not in message
