"""`summarize eval`: outputs aligned with the inputs, metrics equal to the libraries' own."""

from __future__ import annotations

import codecs
import json
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sacrebleu
from conftest import SEEDS, SHARED_HUB, require_shared_hub, write_config
from rouge_score import rouge_scorer
from typer.testing import CliRunner

from summarize.cli import app
from summarize.summarization import Summarizer

EVAL = SHARED_HUB.parent / "eval"


def _slice_lines(source: Path, target: Path, count: int) -> Path:
    target.write_text("\n".join(source.read_text(encoding="utf-8").splitlines()[:count]) + "\n")
    return target


def _translation_data(tmp_path: Path, shared: bool) -> tuple[Path, Path]:
    if shared:
        require_shared_hub()
        return (
            _slice_lines(EVAL / "mt" / "newstest2019-dev.de", tmp_path / "src.de", 12),
            _slice_lines(EVAL / "mt" / "newstest2019-dev.en", tmp_path / "ref.en", 12),
        )
    # Plain clone: seed sentences as source, English sentences as a stand-in reference (one
    # that reads as German is refused).
    lines = [line for line in (SEEDS / "003_6d29e0b4accf03c7.txt").read_text().splitlines() if line]
    (tmp_path / "src.de").write_text("\n".join(lines[:8]) + "\n\n")  # a blank line too
    (tmp_path / "ref.en").write_text("\n".join(_ENGLISH_STAND_IN) + "\n\n")
    return tmp_path / "src.de", tmp_path / "ref.en"


_ENGLISH_STAND_IN = (
    "After a long debate, the city council passed the new budget on Wednesday.",
    "The opposition said that the funds for the schools would not be sufficient.",
    "The mayor defended the plan and promised more money for the libraries next year.",
    "Several hundred people had gathered in front of the town hall before the vote.",
    "The police reported that the protest remained peaceful throughout the evening.",
    "A spokesman for the teachers' union called the decision a missed opportunity.",
    "The regional government is expected to approve the budget within a month.",
    "Construction work on the new bridge is due to begin in the spring.",
)


def _english(count: int) -> list[str]:
    """``count`` lines of English, a stand-in reference aligned with as many German lines."""
    return [_ENGLISH_STAND_IN[number % len(_ENGLISH_STAND_IN)] for number in range(count)]


@pytest.mark.parametrize("shared", [False, True], ids=["plain-clone", "wmt19"])
def test_eval_translation_writes_aligned_hypotheses_and_true_metrics(
    self_contained_models, tmp_path: Path, shared: bool
) -> None:
    source, reference = _translation_data(tmp_path, shared)
    config = write_config(tmp_path / "c.toml", self_contained_models.marian,
                          self_contained_models.bart)  # fmt: skip
    output = tmp_path / "eval-mt"
    result = CliRunner().invoke(
        app, ["eval", "translation", str(source), str(reference), "-o", str(output),
              "-c", str(config), "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    hypotheses = (output / "hypotheses.txt").read_text(encoding="utf-8").split("\n")[:-1]
    references = reference.read_text(encoding="utf-8").splitlines()
    sources = source.read_text(encoding="utf-8").splitlines()
    assert len(hypotheses) == len(sources) == len(references)
    for src, hyp in zip(sources, hypotheses, strict=True):
        assert (hyp == "") == (src.strip() == "")
    metrics = json.loads((output / "metrics.json").read_text())
    assert metrics["bleu"] == pytest.approx(
        sacrebleu.corpus_bleu(hypotheses, [references]).score, abs=1e-3
    )
    assert metrics["chrf"] == pytest.approx(
        sacrebleu.corpus_chrf(hypotheses, [references]).score, abs=1e-3
    )
    assert "| bleu | chrf | n |" in result.stdout
    # Which model and settings scored so: two configs' scores told apart.
    assert metrics["model"]["model"] == str(self_contained_models.marian)
    assert metrics["model"]["weights"] and metrics["generation"]["num_beams"] >= 1


def test_eval_outputs_and_cache_share_a_folder_named_with_a_tilde(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No shell expands the ~ of "--output=~/eval": the outputs went into a folder named "~" in
    the working directory and the translation cache, read from the config's output.folder
    (where ~ is the home folder), into the home folder's "eval", as `run` writes its briefs."""
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    source, reference = _translation_data(work, shared=False)
    config = write_config(work / "c.toml", self_contained_models.marian,
                          self_contained_models.bart)  # fmt: skip
    result = CliRunner().invoke(
        app, ["eval", "translation", source.name, reference.name, "--output=~/eval",
              "-c", str(config), "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert not (work / "~").exists()
    assert {path.name for path in (home / "eval").iterdir()} == {
        "hypotheses.txt", "metrics.json", ".summarize-cache", ".summarize.lock"
    }  # fmt: skip


def test_eval_translation_needs_aligned_files(self_contained_models, tmp_path: Path) -> None:
    (tmp_path / "a").write_text("eins\nzwei\n")
    (tmp_path / "b").write_text("one\n")
    result = CliRunner().invoke(
        app, ["eval", "translation", str(tmp_path / "a"), str(tmp_path / "b"), "-o",
              str(tmp_path / "o"), "--set", f"translation.model={self_contained_models.marian}"],
    )  # fmt: skip
    assert result.exit_code == 2 and "aligned" in result.output
    # Empty files, and an output folder that is a file: one line each, exit 2, no traceback.
    (tmp_path / "empty.de").write_text("")
    (tmp_path / "empty.en").write_text("")
    (tmp_path / "a-file").write_text("x")
    model = f"translation.model={self_contained_models.marian}"
    cases = {
        "has no text to translate": ["empty.de", "empty.en", "o"],
        "is a file, not a folder": ["a", "a", "a-file"],  # refused as the options are read
    }
    for message, (source, reference, output) in cases.items():
        result = CliRunner().invoke(
            app, ["eval", "translation", str(tmp_path / source), str(tmp_path / reference),
                  "-o", str(tmp_path / output), "--set", model],
        )  # fmt: skip
        said = " ".join(result.output.replace("│", " ").split())  # a usage error is boxed
        assert result.exit_code == 2 and message in said, result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize("shared", [False, True], ids=["plain-clone", "cnndm"])
def test_eval_summary_writes_one_summary_per_article_and_true_rouge(
    self_contained_models, tmp_path: Path, shared: bool
) -> None:
    data = tmp_path / "data.jsonl"
    if shared:
        require_shared_hub()
        _slice_lines(EVAL / "summ" / "cnndm-dev.jsonl", data, 3)
    else:
        # English stand-ins (German articles are refused): the seeds' tokenizers read them too
        records = [
            {"id": f"stand-in-{i}", "article": " ".join(_english(8 + i)), "reference": line}
            for i, line in enumerate(_ENGLISH_STAND_IN[:2])
        ]
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    config = write_config(tmp_path / "c.toml", self_contained_models.marian,
                          self_contained_models.bart_short_window)  # fmt: skip
    output = tmp_path / "eval-sum"
    result = CliRunner().invoke(
        app, ["eval", "summary", str(data), "-o", str(output), "-c", str(config), "-q"]
    )
    assert result.exit_code == 0, result.output
    inputs = [json.loads(line) for line in data.read_text().splitlines()]
    outputs = [json.loads(line) for line in (output / "summaries.jsonl").read_text().splitlines()]
    assert [o["id"] for o in outputs] == [i["id"] for i in inputs]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    metrics = json.loads((output / "metrics.json").read_text())
    for name in ("rouge1", "rouge2", "rougeL"):
        expected = sum(
            scorer.score(i["reference"], o["summary"])[name].fmeasure
            for i, o in zip(inputs, outputs, strict=True)
        ) / len(inputs)
        assert metrics[name] == pytest.approx(100 * expected, abs=1e-3)
    assert metrics["model"]["model"] == str(self_contained_models.bart_short_window)
    assert "max_length" in metrics["generation"] or "max_new_tokens" in metrics["generation"]


def test_eval_summary_metrics_tell_map_step_settings_apart(
    self_contained_models, tmp_path: Path
) -> None:
    """Two configs that differ only in the map steps' table or in max_reduce_rounds (both
    change every summary of an article longer than the window): their metrics.json named the
    same model and generation settings, so their scores could not be told apart."""
    data = tmp_path / "data.jsonl"
    text = " ".join(_english(24))  # longer than the 96-token window: summarized in chunks
    data.write_text(json.dumps({"article": text, "reference": _ENGLISH_STAND_IN[0]}) + "\n")
    config = write_config(tmp_path / "c.toml", self_contained_models.marian,
                          self_contained_models.bart_short_window)  # fmt: skip
    made_by = {}
    for name, setting in (
        ("plain", []),
        ("beams", ["--set", "summarization.chunk_generation.num_beams=2"]),
        ("rounds", ["--set", "summarization.max_reduce_rounds=7"]),
    ):
        output = tmp_path / name
        result = CliRunner().invoke(
            app, ["eval", "summary", str(data), "-o", str(output), "-c", str(config), "-q",
                  *setting],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        metrics = json.loads((output / "metrics.json").read_text())
        made_by[name] = {key: metrics.get(key) for key in ("model", "generation", "settings")}
    assert made_by["beams"]["settings"]["chunk_generation"] == {"num_beams": 2}
    assert "chunk_generation" not in made_by["plain"]["settings"]
    assert made_by["rounds"]["settings"]["max_reduce_rounds"] == 7
    assert made_by["plain"] != made_by["beams"] and made_by["plain"] != made_by["rounds"]


def test_eval_summary_names_a_missing_field(self_contained_models, tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text('{"text": "An article."}\n')
    result = CliRunner().invoke(
        app, ["eval", "summary", str(data), "-o", str(tmp_path / "o"),
              "--set", f"summarization.model={self_contained_models.bart}"],
    )  # fmt: skip
    assert result.exit_code == 2 and "'article'" in result.output
    # An empty article is found before any summary is made, with its line.
    data.write_text('{"article": "An article.", "reference": "A."}\n'
                    '{"article": "  ", "reference": "B."}\n')  # fmt: skip
    result = CliRunner().invoke(
        app, ["eval", "summary", str(data), "-o", str(tmp_path / "o"),
              "--set", f"summarization.model={self_contained_models.bart}"],
    )  # fmt: skip
    assert result.exit_code == 2 and "d.jsonl:2: the 'article' field is empty" in result.output


def test_eval_checks_every_input_file_before_any_model_loads(tmp_path: Path) -> None:
    """The models named here do not exist, so reaching them is an error of its own: each input
    problem must be the one reported, found before any model is looked for or loaded."""
    (tmp_path / "src.de").write_text("eins\nzwei\n")
    (tmp_path / "ref.en").write_text("one\ntwo\n")
    (tmp_path / "short.en").write_text("one\n")
    (tmp_path / "data.jsonl").write_text('{"article": "An article.", "reference": "A."}\n')
    (tmp_path / "no-field.jsonl").write_text('{"article": "An article."}\n')
    (tmp_path / "not-json.jsonl").write_text("{\n")
    # A field present but not text was reported as missing; NaN (which Python's json reads) was
    # written back into summaries.jsonl, which is then no JSON.
    (tmp_path / "number.jsonl").write_text('{"article": "An article.", "reference": 5}\n')
    (tmp_path / "nan.jsonl").write_text(
        '{"id": NaN, "article": "An article.", "reference": "A."}\n'
    )
    (tmp_path / "latin1.de").write_bytes("Grüße\n".encode("latin-1"))
    # A reference of blank lines (aligned by count: a script that wrote only newlines), or a
    # record whose reference is empty, scored 0 against any model with exit 0.
    (tmp_path / "blank.en").write_text("\n \n")
    (tmp_path / "no-ref.jsonl").write_text(
        '{"article": "An article.", "reference": "A."}\n'
        '{"article": "Another article.", "reference": " "}\n'
    )
    missing = ["--set", f"translation.model={tmp_path / 'no-model'}",
               "--set", f"summarization.model={tmp_path / 'no-model'}"]  # fmt: skip
    cases = {
        ("translation", "src.de", "missing.en"): "cannot read",
        ("translation", "missing.de", "ref.en"): "cannot read",
        ("translation", "src.de", "short.en"): "aligned line by line",
        ("translation", "latin1.de", "latin1.de"): "cannot read",
        ("translation", "src.de", "."): "cannot read",  # a folder, not a file
        ("summary", "missing.jsonl"): "cannot read",
        ("summary", "no-field.jsonl"): "no reference field 'reference'",
        ("summary", "not-json.jsonl"): "not JSON",
        ("summary", "number.jsonl"): "number.jsonl:1: the 'reference' field is a number, not text",
        ("summary", "nan.jsonl"): "nan.jsonl:1: not JSON (NaN is no JSON value)",
        ("translation", "src.de", "blank.en"): "blank.en has no reference text",
        ("summary", "no-ref.jsonl"): "no-ref.jsonl:2: the 'reference' field is empty",
        ("translation", "src.de", "ref.en"): "no-model' does not exist",  # inputs fine: the model
        ("summary", "data.jsonl"): "no-model' does not exist",
    }
    for (command, *files), message in cases.items():
        output = tmp_path / f"out-{len(files)}"
        result = CliRunner().invoke(
            app, ["eval", command, *(str(tmp_path / name) for name in files),
                  "-o", str(output), *missing],
        )  # fmt: skip
        assert result.exit_code == 2, (files, result.output)
        assert message in result.output, (files, result.output)
        assert "Traceback" not in result.output
        # A bad input leaves no output folder behind, and nor does a model not found (the
        # folder was left holding an empty translation cache).
        assert not output.exists(), (files, sorted(output.rglob("*")))


def test_text_that_shows_nothing_is_refused_as_empty_text_is(tmp_path: Path) -> None:
    """Zero-width spaces passed the emptiness checks (they are no white space to strip()): an
    article of them stopped the evaluation with exit 1 once the models had loaded and every
    record before it was summarized, and a reference of them scored 0 whatever the output."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_summary_records, read_translation_pairs

    invisible = "\u200b\u200b\ufeff"
    for field in ("article", "reference"):
        record = {"article": "An article.", "reference": "A.", field: invisible}
        data = tmp_path / f"{field}.jsonl"
        data.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(UsageError, match=f"the '{field}' field is empty"):
            read_summary_records(data)
    (tmp_path / "src.de").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text(invisible + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match="has no reference text"):
        read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en")
    with pytest.raises(UsageError, match="has no text to translate"):
        read_translation_pairs(tmp_path / "ref.en", tmp_path / "src.de")


def test_eval_lines_end_at_newlines_only(tmp_path: Path) -> None:
    """A line separator (U+2028), NEL or lone carriage return inside a line is text, as JSON
    and ``wc -l`` read it: a JSON Lines record holding one unescaped was refused as "not JSON",
    and a sentence file holding one counted a line more than its reference."""
    from summarize.evaluate import read_summary_records, read_translation_pairs

    record = {"article": "Erster Satz.\u2028Zweiter Satz.\x85Dritter.", "reference": "One."}
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(record, ensure_ascii=False) + "\r\n", encoding="utf-8")
    assert read_summary_records(data) == [record]
    source = "Der Rat tagte.\u2028Er beschloss.\rSo war es.\nEnde.\n"
    (tmp_path / "src.de").write_bytes(source.encode())
    (tmp_path / "ref.en").write_text("The council met. It decided.\nEnd.", encoding="utf-8")
    sources, references = read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en")
    assert sources == ["Der Rat tagte.\u2028Er beschloss.\rSo war es.", "Ende."]
    assert references == ["The council met. It decided.", "End."]


def test_eval_output_that_takes_no_writes_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    """An output folder where the hypotheses cannot be written (disk full, read-only, a folder
    in the file's place) is an OutputError (one line, exit 1), as in ``run``: the OSError
    reached the user as a traceback."""
    from summarize.config import TranslationSettings
    from summarize.errors import OutputError
    from summarize.evaluate import evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The council met.\n", encoding="utf-8")
    output = tmp_path / "out"
    (output / "hypotheses.txt").mkdir(parents=True)
    translator = Translator(echo_model(), TranslationSettings())
    with pytest.raises(OutputError, match=r"cannot write .*hypotheses\.txt"):
        evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", output)


def test_an_input_the_model_fails_on_is_named_by_its_line_or_record(tmp_path: Path) -> None:
    """A model failure stops the evaluation (a score without that output would mislead); the
    message names the line or record, where it named neither among hundreds."""
    from summarize.config import SummarizationSettings, TranslationSettings
    from summarize.errors import ArticleError
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import EchoBackend, echo_model, echo_text
    from summarize.translation import Translator

    def fails_on_boom(text: str) -> str:
        if "BOOM" in text:
            raise RuntimeError("index out of range in self")
        return echo_text(text)

    (tmp_path / "src.de").write_text("Erster Satz.\n\nDritter Satz. Ein BOOM Satz.\nEnde.\n")
    (tmp_path / "ref.en").write_text("First.\n\nThird. A sentence.\nEnd.\n")
    translator = Translator(echo_model(backend=EchoBackend(fails_on_boom)), TranslationSettings())
    with pytest.raises(ArticleError, match=r"src\.de:3: the translation model echo failed"):
        evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "o")
    records = [
        {"id": "a", "article": "A calm text.", "reference": "Calm."},
        {"article": "Another calm text.", "reference": "Calm."},
        {"id": "c", "article": "A BOOM text.", "reference": "Loud."},
    ]
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(record) + "\n" for record in records))
    summarizer = Summarizer(
        echo_model("summarization", backend=EchoBackend(fails_on_boom)), SummarizationSettings()
    )
    with pytest.raises(ArticleError, match=r"data\.jsonl: record 3 \(id c\): the summarization"):
        evaluate_summaries(summarizer, data, tmp_path / "o", articles_per_batch=2)
    assert not (tmp_path / "o").exists()  # nothing written for a failed evaluation


def test_eval_files_with_a_byte_order_mark_read_as_their_text(tmp_path: Path) -> None:
    """Editors on Windows save UTF-8 with a BOM: it is not part of the first line (a perfect
    hypothesis scored 72 BLEU against such a reference, and a JSON Lines file was refused)."""
    from summarize.evaluate import read_summary_records, read_translation_pairs

    bom = b"\xef\xbb\xbf"
    (tmp_path / "src.de").write_bytes(bom + b"Hallo Welt heute.\nZweite Zeile hier.\n")
    (tmp_path / "ref.en").write_bytes(bom + b"Hello world today.\nSecond line here.\n")
    sources, references = read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en")
    assert sources[0] == "Hallo Welt heute." and references[0] == "Hello world today."
    assert sacrebleu.corpus_bleu(references, [references]).score == pytest.approx(100)
    record = {"article": "A text.", "reference": "A."}
    (tmp_path / "data.jsonl").write_bytes(bom + json.dumps(record).encode() + b"\n")
    assert read_summary_records(tmp_path / "data.jsonl") == [record]


def test_files_joined_with_cat_keep_no_byte_order_mark_inside(tmp_path: Path) -> None:
    """`cat a.en b.en > ref.en` of files saved with a BOM keeps the second one's mark at the
    start of a line: that file's first word was a mismatch for every hypothesis (its source
    line went to the translator with it), and a JSON Lines record was refused as not JSON."""
    from summarize.evaluate import read_summary_records, read_translation_pairs

    bom = b"\xef\xbb\xbf"
    (tmp_path / "src.de").write_bytes(bom + b"Hallo Welt.\r\n" + bom + b"Zweite Zeile.\r\n")
    (tmp_path / "ref.en").write_bytes(bom + b"Hello world.\n" + bom + b"Second line.\n")
    sources, references = read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en")
    assert sources == ["Hallo Welt.", "Zweite Zeile."]
    assert references == ["Hello world.", "Second line."]
    record = {"article": "A text.", "reference": "A."}
    line = json.dumps(record).encode() + b"\n"
    (tmp_path / "data.jsonl").write_bytes(bom + line + bom + line)
    assert read_summary_records(tmp_path / "data.jsonl") == [record, record]


def _calm_and_long_records(tmp_path: Path, sentence: str) -> Path:
    """A JSON Lines file of a short article ("calm") and one of nine sentences ("long")."""
    records = [
        {"id": "calm", "article": "A calm text.", "reference": "Calm."},
        {"id": "long", "article": " ".join(f"S{i} {sentence}" for i in range(9)),
         "reference": "Moved."},
    ]  # fmt: skip
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(record) + "\n" for record in records))
    return data


def _echo_summarizer(answer: Callable[[str], str]) -> Summarizer:
    """A summarizer of a 12-token window that answers every input with ``answer(input)``."""
    from summarize.config import SummarizationSettings
    from summarize.testing import EchoBackend, echo_model

    backend = EchoBackend(answer)
    return Summarizer(
        echo_model("summarization", window=12, backend=backend), SummarizationSettings()
    )


def test_eval_says_which_outputs_may_be_cut_or_are_not_the_models_own(tmp_path: Path) -> None:
    """A translation at the output limit, a summary the article's lead stands in for: each was
    scored as the model's own whole output, and nothing in the results said so (the lead of a
    news article scores well in ROUGE)."""
    from dataclasses import replace

    from transformers import GenerationConfig

    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Kurz.\n" + "Wort " * 12 + "Ende.\nKurz.\n")
    (tmp_path / "ref.en").write_text("Short.\nWords.\nShort.\n")
    translator = Translator(
        replace(echo_model(), generation_config=GenerationConfig(max_new_tokens=8)),
        TranslationSettings(),
    )
    evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "mt")
    assert json.loads((tmp_path / "mt" / "metrics.json").read_text())["lines_at_output_limit"] == 1

    data = _calm_and_long_records(tmp_path, "moved near Kursk.")
    # empty chunk summaries
    summarizer = _echo_summarizer(lambda text: "" if "Kursk" in text else "Calm.")
    evaluate_summaries(summarizer, data, tmp_path / "sum")
    lines = [
        json.loads(line) for line in (tmp_path / "sum" / "summaries.jsonl").read_text().splitlines()
    ]
    assert lines[0] == {"id": "calm", "summary": "Calm."}  # the model's own: as before
    assert lines[1]["summary"].startswith("S0 moved near Kursk.")  # the lead stands in
    assert "the summary is the article's first 3 sentences" in lines[1]["note"]
    assert json.loads((tmp_path / "sum" / "metrics.json").read_text())["summaries_with_notes"] == 1


def test_eval_records_which_inputs_were_split_for_the_window(tmp_path: Path, caplog) -> None:
    """A sentence longer than the translator's window, an article longer than the
    summarizer's: each was split and scored, and only a log line (which -q hides) said so, with
    no line number, so a score could not be told from one where everything fit."""
    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    long = " ".join(f"Wort{i}" for i in range(30)) + "."
    (tmp_path / "src.de").write_text(f"Kurz hier.\n{long}\nKurz dort.\n")
    (tmp_path / "ref.en").write_text("Short.\nWords.\nShort.\n")
    translator = Translator(echo_model(window=12), TranslationSettings())
    with caplog.at_level(logging.WARNING, logger="summarize"):
        evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "mt")
    metrics = json.loads((tmp_path / "mt" / "metrics.json").read_text())
    assert metrics["lines_split_for_window"] == [2]
    assert "translated in pieces (line 2;" in caplog.text

    data = _calm_and_long_records(tmp_path, "moved on.")
    summarizer = _echo_summarizer(lambda text: "Moved.")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        evaluate_summaries(summarizer, data, tmp_path / "sum")
    # Said as the translation's split is (a warning, which -q shows): only metrics.json said it.
    assert "1 of 2 articles were longer than the summarizer's window" in caplog.text
    assert "(record 2 (id long);" in caplog.text
    lines = [
        json.loads(line) for line in (tmp_path / "sum" / "summaries.jsonl").read_text().splitlines()
    ]
    assert "chunks" not in lines[0] and lines[1]["chunks"] >= 2
    assert json.loads((tmp_path / "sum" / "metrics.json").read_text())["summaries_in_chunks"] == 1


def test_an_eval_leaves_no_output_of_another_kind_of_eval_in_its_folder(tmp_path: Path) -> None:
    """A translation evaluation, then a summary evaluation into the same folder: the first's
    hypotheses.txt stayed beside the second's metrics.json and summaries.jsonl, read as its
    outputs. Each evaluation's folder holds its own files alone; an input is never removed."""
    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Hund bellt.\n")
    (tmp_path / "ref.en").write_text("The dog barks.\n")
    translator = Translator(echo_model(), TranslationSettings())
    output = tmp_path / "out"
    evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", output)
    assert (output / "hypotheses.txt").is_file()

    data = _calm_and_long_records(tmp_path, "moved on.")
    evaluate_summaries(_echo_summarizer(lambda text: "Moved."), data, output)
    assert (output / "summaries.jsonl").is_file() and (output / "metrics.json").is_file()
    assert not (output / "hypotheses.txt").exists()

    # And back: the summaries go; a source that lies there by the other's name stays.
    (output / "summaries.jsonl").rename(tmp_path / "kept.jsonl")
    (output / "summaries.jsonl").write_text("Der Hund bellt.\n")
    evaluate_translation(translator, output / "summaries.jsonl", tmp_path / "ref.en", output)
    assert (output / "summaries.jsonl").read_text() == "Der Hund bellt.\n"
    assert (output / "hypotheses.txt").is_file()
    (output / "summaries.jsonl").rename(tmp_path / "src2.de")
    (tmp_path / "kept.jsonl").rename(output / "summaries.jsonl")
    evaluate_translation(translator, tmp_path / "src2.de", tmp_path / "ref.en", output)
    assert not (output / "summaries.jsonl").exists()


def test_eval_metrics_say_how_the_scores_were_computed(tmp_path: Path) -> None:
    """A BLEU is comparable only with one of the same tokenizer, casing, smoothing and
    sacrebleu version, a ROUGE only with one of the same library, stemmer and type: metrics.json
    gave the numbers alone, so two files could not be told comparable or not."""
    from sacrebleu.metrics import BLEU, CHRF

    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Hund bellt.\nDie Katze schläft.\n")
    (tmp_path / "ref.en").write_text("The dog barks.\nThe cat sleeps.\n")
    translator = Translator(echo_model(), TranslationSettings())
    evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "mt")
    metrics = json.loads((tmp_path / "mt" / "metrics.json").read_text())
    hypotheses = (tmp_path / "mt" / "hypotheses.txt").read_text().splitlines()
    references = [(tmp_path / "ref.en").read_text().splitlines()]
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF())):
        assert metrics[name] == pytest.approx(
            metric.corpus_score(hypotheses, references).score, abs=1e-3
        )
        assert metrics[f"{name}_signature"] == str(metric.get_signature())
    assert "tok:13a" in metrics["bleu_signature"] and "case:mixed" in metrics["bleu_signature"]
    assert f"version:{sacrebleu.__version__}" in metrics["chrf_signature"]

    data = _calm_and_long_records(tmp_path, "moved on.")
    evaluate_summaries(_echo_summarizer(lambda text: "Moved."), data, tmp_path / "sum")
    settings = json.loads((tmp_path / "sum" / "metrics.json").read_text())["rouge_settings"]
    assert settings["library"] == "rouge-score" and settings["version"]
    assert settings["types"] == ["rouge1", "rouge2", "rougeL", "rougeLsum"]
    assert settings["use_stemmer"] is True


@pytest.mark.parametrize("stop", ["SIGTERM", *(["SIGHUP"] if hasattr(signal, "SIGHUP") else [])])
def test_a_stopped_eval_says_so_and_the_same_command_goes_on(
    self_contained_models, tmp_path: Path, stop: str
) -> None:
    """SIGTERM (a scheduler) or SIGHUP (the terminal closed) killed `eval` at once, unsaid: it
    stops as Ctrl-C does, exit 130 with a line saying so, no scores written, and the command
    run again completes."""
    lines = [
        line
        for seed in sorted(SEEDS.glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    (tmp_path / "src.de").write_text("\n".join(lines * 2) + "\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("\n".join(_english(len(lines) * 2)) + "\n", encoding="utf-8")
    config = write_config(tmp_path / "c.toml", self_contained_models.marian,
                          self_contained_models.bart)  # fmt: skip
    output = tmp_path / "ev"
    command = [sys.executable, "-m", "summarize.cli", "eval", "translation",
               str(tmp_path / "src.de"), str(tmp_path / "ref.en"), "-o", str(output),
               "-c", str(config), "--set", "translation.batch_size=1"]  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    # The signals as in a terminal: `nohup pytest` ignores SIGHUP, and eval then leaves it so.
    process = subprocess.Popen(
        command,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(getattr(signal, stop), signal.SIG_DFL),
    )
    assert process.stderr is not None
    # A tenth of the lines translated: the stop comes while the translation is under way.
    # After "translating" and a second's wait, a machine fast enough to translate the lines in
    # that second would have finished first (exit 0, the scores written).
    for line in process.stderr:
        if " INFO translated " in line:  # "… INFO translated 33 of 326 sentence(s)"
            break
    process.send_signal(getattr(signal, stop))
    _, rest = process.communicate(timeout=120)
    assert process.returncode == 130, rest
    assert "interrupted: no scores written" in rest and "Traceback" not in rest
    assert not (output / "metrics.json").exists() and not (output / "hypotheses.txt").exists()
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert json.loads((output / "metrics.json").read_text())["segments"] == len(lines) * 2


def test_an_eval_stopped_before_translating_leaves_no_folder_and_says_so(
    tmp_path: Path, monkeypatch
) -> None:
    """A stop while the model libraries are imported (after the output folder was made) left
    that folder behind, empty, and said "translations done so far are kept in the output
    folder's cache" where there was none."""
    import summarize.process
    from summarize.cache import CACHE_FILENAME, default_cache_dir

    output = tmp_path / "made" / "ev"
    with_cache = False

    def stopped(*_args: object) -> None:
        if with_cache:  # an earlier evaluation's translations, where the pipeline keeps them
            default_cache_dir(output).mkdir(parents=True)
            (default_cache_dir(output) / CACHE_FILENAME).write_bytes(b"")
        raise KeyboardInterrupt

    monkeypatch.setattr(summarize.process, "configure_process", stopped)
    (tmp_path / "src.de").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The council met.\n", encoding="utf-8")
    command = ["eval", "translation", str(tmp_path / "src.de"), str(tmp_path / "ref.en"),
               "-o", str(output)]  # fmt: skip
    result = CliRunner().invoke(app, command)
    said = " ".join(result.output.split())
    assert result.exit_code == 130, said
    assert "no translations kept" in said and "kept in the output folder" not in said
    assert not (tmp_path / "made").exists()
    with_cache = True
    result = CliRunner().invoke(app, command)
    said = " ".join(result.output.split())
    assert result.exit_code == 130, said
    assert "kept in the output folder's cache" in said and "no translations kept" not in said


def test_a_stopped_eval_names_the_cache_that_keeps_its_translations(
    tmp_path: Path, monkeypatch
) -> None:
    """With runtime.cache_dir set, a stopped evaluation said its translations were "kept in the
    output folder's cache", which held none; and stopped while its inputs were read, before any
    translation or output folder, it said the same."""
    import summarize.evaluate
    import summarize.process
    from summarize.cache import CACHE_FILENAME

    shared = tmp_path / "shared-cache"

    def stopped(*_args: object) -> None:  # an earlier evaluation's translations, kept there
        shared.mkdir(exist_ok=True)
        (shared / CACHE_FILENAME).write_bytes(b"")
        raise KeyboardInterrupt

    monkeypatch.setattr(summarize.process, "configure_process", stopped)
    (tmp_path / "src.de").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The council met.\n", encoding="utf-8")
    output = tmp_path / "ev"
    command = ["eval", "translation", str(tmp_path / "src.de"), str(tmp_path / "ref.en"),
               "-o", str(output), "--set", f"runtime.cache_dir={shared}"]  # fmt: skip
    result = CliRunner().invoke(app, command)
    said = " ".join(result.output.split())
    assert result.exit_code == 130, said
    assert f"kept in the translation cache {shared}" in said, said
    assert "output folder" not in said and "no translations kept" not in said

    def stopped_reading(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(summarize.evaluate, "read_translation_pairs", stopped_reading)
    result = CliRunner().invoke(app, command[:-2])  # the cache in the output folder: none yet
    said = " ".join(result.output.split())
    assert result.exit_code == 130, said
    assert "no translations kept" in said and "kept in" not in said, said
    assert not output.exists()


def test_a_stopped_summary_eval_never_says_it_goes_on_from_a_cache(
    tmp_path: Path, monkeypatch
) -> None:
    """Summaries are kept nowhere: `eval summary` stopped in a folder holding an earlier
    `eval translation`'s cache said "translations done so far are kept in the output folder's
    cache, and the same command again goes on from there", and run again it started over."""
    import summarize.process
    from summarize.cache import CACHE_FILENAME, default_cache_dir

    output = tmp_path / "ev"
    default_cache_dir(output).mkdir(parents=True)  # the translation evaluation's, before
    (default_cache_dir(output) / CACHE_FILENAME).write_bytes(b"")

    def stopped(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(summarize.process, "configure_process", stopped)
    (tmp_path / "data.jsonl").write_text('{"article": "An article.", "reference": "A."}\n')
    result = CliRunner().invoke(app, ["eval", "summary", str(tmp_path / "data.jsonl"),
                                      "-o", str(output)])  # fmt: skip
    said = " ".join(result.output.split())
    assert result.exit_code == 130, said
    assert "no scores written" in said and "starts over" in said
    assert "goes on" not in said and "translations" not in said


def test_an_input_the_outputs_would_replace_is_refused_before_any_model_loads(
    tmp_path: Path,
) -> None:
    """An input that is one of the files the evaluation writes into its folder: the summaries
    replaced the reference data (``eval summary out/summaries.jsonl -o out``), the metrics a
    reference named metrics.json, without a word. Refused with exit 2, before the models (which
    do not exist here) are looked for, the input left as it was."""
    out = tmp_path / "out"
    out.mkdir()
    record = json.dumps({"article": "An article.", "reference": "A."}) + "\n"
    (out / "summaries.jsonl").write_text(record)
    (out / "hypotheses.txt").write_text("Der Rat tagte.\n")
    (out / "metrics.json").write_text("The council met.\n")
    (tmp_path / "src.de").write_text("Der Rat tagte.\n")
    (tmp_path / "ref.en").write_text("The council met.\n")
    missing = ["--set", f"translation.model={tmp_path / 'no-model'}",
               "--set", f"summarization.model={tmp_path / 'no-model'}"]  # fmt: skip
    cases = {
        ("translation", "out/hypotheses.txt", "ref.en"): "hypotheses.txt",
        ("translation", "src.de", "out/metrics.json"): "metrics.json",
        ("summary", "out/summaries.jsonl"): "summaries.jsonl",
    }
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    for (command, *files), written in cases.items():
        # The folder named otherwise than the input's ("out/." and "out"): the same files.
        result = CliRunner().invoke(
            app, ["eval", command, *(str(tmp_path / name) for name in files),
                  "-o", str(out / "."), *missing],
        )  # fmt: skip
        assert result.exit_code == 2, (files, result.output)
        assert f"would be overwritten: this evaluation writes its {written}" in result.output
        assert "Traceback" not in result.output
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_a_folder_where_an_output_goes_is_found_before_any_model_loads(tmp_path: Path) -> None:
    """A folder named metrics.json in the output folder was found only after every line was
    translated (exit 1); the models named here do not exist, so reaching them fails apart."""
    (tmp_path / "src.de").write_text("Der Rat tagte.\n")
    (tmp_path / "ref.en").write_text("The council met.\n")
    (tmp_path / "out" / "metrics.json").mkdir(parents=True)
    result = CliRunner().invoke(
        app, ["eval", "translation", str(tmp_path / "src.de"), str(tmp_path / "ref.en"),
              "-o", str(tmp_path / "out"),
              "--set", f"translation.model={tmp_path / 'no-model'}"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output  # an output error, as when writing it failed
    assert "metrics.json: a folder of that name is in the way" in result.output
    assert "does not exist" not in result.output  # found before the model is looked for


def test_the_library_evaluations_spare_their_inputs_too(tmp_path: Path) -> None:
    from summarize.config import SummarizationSettings, TranslationSettings
    from summarize.errors import UsageError
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    source = tmp_path / "hypotheses.txt"
    source.write_text("Der Rat tagte.\n")
    (tmp_path / "ref.en").write_text("The council met.\n")
    translator = Translator(echo_model(), TranslationSettings())
    with pytest.raises(UsageError, match="would be overwritten"):
        evaluate_translation(translator, source, tmp_path / "ref.en", tmp_path)
    assert source.read_text() == "Der Rat tagte.\n"
    data = tmp_path / "summaries.jsonl"
    data.write_text(json.dumps({"article": "A calm text.", "reference": "Calm."}) + "\n")
    summarizer = Summarizer(echo_model("summarization"), SummarizationSettings())
    with pytest.raises(UsageError, match="would be overwritten"):
        evaluate_summaries(summarizer, data, tmp_path)
    assert "A calm text." in data.read_text()


def test_outputs_written_without_their_metrics_leave_no_earlier_metrics_beside_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same -o again with other settings, and metrics.json could not be written (disk full,
    a file size limit): the new hypotheses stood beside the earlier run's metrics.json, which
    named that run's model, settings and scores as theirs."""
    import errno

    import summarize.evaluate
    from summarize.config import TranslationSettings
    from summarize.errors import OutputError
    from summarize.evaluate import evaluate_translation
    from summarize.testing import echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The council met.\n", encoding="utf-8")
    output = tmp_path / "out"
    translator = Translator(echo_model(), TranslationSettings())
    evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", output)
    assert (output / "metrics.json").is_file()
    first = (output / "hypotheses.txt").read_text(encoding="utf-8")
    write_atomic = summarize.evaluate.write_atomic

    def full_at_metrics(path: Path, content: str) -> None:
        if path.name == "metrics.json":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write_atomic(path, content)

    monkeypatch.setattr(summarize.evaluate, "write_atomic", full_at_metrics)
    (tmp_path / "src.de").write_text("Die Sitzung endete.\n", encoding="utf-8")
    with pytest.raises(OutputError, match=r"cannot write .*metrics\.json"):
        evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", output)
    assert (output / "hypotheses.txt").read_text(encoding="utf-8") != first  # the new ones
    assert not (output / "metrics.json").exists()


def test_a_number_past_a_floats_range_is_refused_as_nan_is(tmp_path: Path) -> None:
    """1e999 is JSON's syntax, but Python reads it as infinity: a record id 1e999 went back
    into summaries.jsonl as Infinity, which other JSON readers refuse (as NaN did)."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_summary_records

    data = tmp_path / "big.jsonl"
    for number in ("1e999", "-1e999"):
        data.write_text(f'{{"id": {number}, "article": "An article.", "reference": "A."}}\n')
        with pytest.raises(UsageError, match=f"big.jsonl:1: not JSON \\({number} is too large"):
            read_summary_records(data)
    data.write_text('{"id": 1.5e300, "article": "An article.", "reference": "A."}\n')
    assert read_summary_records(data)[0]["id"] == 1.5e300  # a large number that fits is read


def test_records_written_as_one_json_document_are_told_from_no_json(tmp_path: Path) -> None:
    """Records saved with json.dump (a list on one line, or indented over many) are no JSON
    Lines: the list was refused as having "no text field 'article'", which it held, and the
    indented file as "not JSON", which it is."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_summary_records

    records = [{"article": "A calm text.", "reference": "Calm."}] * 2
    data = tmp_path / "data.json"
    data.write_text(json.dumps(records) + "\n")
    with pytest.raises(UsageError) as caught:
        read_summary_records(data)
    assert "data.json:1: a list, not a record" in str(caught.value)
    assert "no text field" not in str(caught.value)
    assert "one record (a JSON object) a line" in str(caught.value)
    data.write_text(json.dumps(records, indent=2) + "\n")
    lines = len(data.read_text().splitlines())
    said = rf"data\.json:1: not JSON \(.*\): the file is one JSON document of {lines} lines"
    with pytest.raises(UsageError, match=said + ", and eval summary reads JSON Lines"):
        read_summary_records(data)
    # A line that is no JSON in a file that is none either is said to be no JSON alone.
    data.write_text('{"article": "A calm text.", "reference": "Calm."}\n{"article": \n')
    with pytest.raises(UsageError, match=r"data\.json:2: not JSON \([^)]*\)$"):
        read_summary_records(data)


def test_half_a_character_is_refused_before_any_model_loads(tmp_path: Path) -> None:
    """JSON's "\\ud83d" without its other half is read as a lone surrogate, which no UTF-8 file
    holds: a record with one in its id or text stopped `eval summary` with a traceback once
    every record was summarized, writing summaries.jsonl."""
    from summarize.errors import UsageError
    from summarize.evaluate import evaluate_summaries, read_summary_records

    data = tmp_path / "cut.jsonl"
    cases = {
        "id": '{"id": "a\\ud83d", "article": "A calm text.", "reference": "Calm."}',
        "article": '{"article": "A calm \\udc00 text.", "reference": "Calm."}',
        "reference": '{"article": "A calm text.", "reference": "Calm \\ud83d."}',
    }
    for field, line in cases.items():
        data.write_text('{"article": "Fine.", "reference": "Fine."}\n' + line + "\n")
        with pytest.raises(UsageError, match=rf"cut.jsonl:2: the '{field}' field holds \\ud"):
            read_summary_records(data)
    # through the command: one line, exit 2, no model loaded and no folder made
    result = CliRunner().invoke(app, ["eval", "summary", str(data), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "lone surrogate" in result.output, result.output
    assert not (tmp_path / "o").exists()
    # a whole emoji, escaped as its two halves, is text: summarized and written back
    data.write_text('{"id": "\\ud83d\\ude00", "article": "A calm text.", "reference": "Calm."}\n')
    evaluate_summaries(_echo_summarizer(lambda text: text), data, tmp_path / "sum")
    written = json.loads((tmp_path / "sum" / "summaries.jsonl").read_text(encoding="utf-8"))
    assert written["id"] == "\U0001f600"


def test_an_input_that_cannot_be_read_is_named_in_one_plain_line(tmp_path: Path) -> None:
    """A folder or a missing file where an input file goes printed Python's errno wording
    ("cannot read in: [Errno 21] Is a directory: 'in'"), and a file not UTF-8 the codec's:
    one line naming the file and the reason, as the other input errors read."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_summary_records, read_translation_pairs

    (tmp_path / "src.de").write_text("Der Rat tagte.\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "latin1.en").write_bytes(codecs.BOM_UTF8 + "Grüße\n".encode("latin-1"))
    expected = {
        "folder": "folder: cannot read: a folder, not a file",
        "missing.en": "missing.en: cannot read: No such file or directory",
        "latin1.en": "latin1.en: cannot read: not UTF-8 text (byte 5); save it as UTF-8",
    }
    for name, message in expected.items():
        with pytest.raises(UsageError) as caught:
            read_translation_pairs(tmp_path / "src.de", tmp_path / name)
        assert str(caught.value) == f"{tmp_path}/{message}"
        assert "Errno" not in str(caught.value) and "codec" not in str(caught.value)
    with pytest.raises(UsageError, match=r"folder: cannot read: a folder, not a file$"):
        read_summary_records(tmp_path / "folder")


def test_a_test_set_in_wmt_markup_is_refused_not_scored_with_its_markup(tmp_path: Path) -> None:
    """WMT's test sets come as SGML (.sgm) and XML, a <seg> a line: read as plain text, the
    markup was translated and scored against the reference's, and a system that copied its input
    scored far above one that copied the plain text (exit 0)."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_translation_pairs

    def marked(root: str, lines: list[str]) -> str:
        segments = [f'<seg id="{number}">{line}</seg>' for number, line in enumerate(lines, 1)]
        return "\n".join([f'<{root} setid="newstest2019" srclang="any">',
                          '<doc sysid="ref" docid="a.1" genre="news" origlang="de">', "<p>",
                          *segments, "</p>", "</doc>", f"</{root}>"]) + "\n"  # fmt: skip

    (tmp_path / "src.de.sgm").write_text(
        marked("srcset", ["Der Rat tagte.", "Er beschloss."]), encoding="utf-8"
    )
    (tmp_path / "ref.en.sgm").write_text(
        marked("refset", ["The council met.", "It decided."]), encoding="utf-8"
    )
    with pytest.raises(UsageError, match=r"src\.de\.sgm:4: a segment in markup \(<seg"):
        read_translation_pairs(tmp_path / "src.de.sgm", tmp_path / "ref.en.sgm")
    (tmp_path / "src.de").write_text("\n".join(["Der Rat tagte."] * 8) + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"ref\.en\.sgm:4: a segment in markup"):
        read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en.sgm")
    # a sentence that speaks of tags is text
    (tmp_path / "tags.de").write_text("Das Tag <seg> steht vor </seg>.\n", encoding="utf-8")
    (tmp_path / "tags.en").write_text("The tag <seg> stands before </seg>.\n", encoding="utf-8")
    assert read_translation_pairs(tmp_path / "tags.de", tmp_path / "tags.en")[0] == [
        "Das Tag <seg> steht vor </seg>."
    ]


def test_a_compressed_input_is_said_to_be_one(tmp_path: Path) -> None:
    """sacrebleu's command reads newstest2019.de.gz as its text, and data sets come as
    .jsonl.gz: such a file was refused as "not UTF-8 text (byte 1); save it as UTF-8"."""
    import bz2
    import gzip
    import lzma

    from summarize.errors import UsageError
    from summarize.evaluate import read_summary_records, read_translation_pairs

    (tmp_path / "ref.en").write_text("The council met.\n", encoding="utf-8")
    text = b"Der Rat tagte.\n"
    for name, packed in (("gzip", gzip.compress), ("bzip2", bz2.compress), ("xz", lzma.compress)):
        (tmp_path / "src.de.packed").write_bytes(packed(text))
        with pytest.raises(UsageError) as caught:
            read_translation_pairs(tmp_path / "src.de.packed", tmp_path / "ref.en")
        said = str(caught.value)
        assert f"src.de.packed: cannot read: compressed ({name}), not text; unpack it" in said
        assert "save it as UTF-8" not in said
    record = json.dumps({"article": "A calm text.", "reference": "Calm."}) + "\n"
    (tmp_path / "data.jsonl.gz").write_bytes(gzip.compress(record.encode()))
    with pytest.raises(UsageError, match=r"data\.jsonl\.gz: cannot read: compressed \(gzip\)"):
        read_summary_records(tmp_path / "data.jsonl.gz")


def test_a_line_with_text_on_one_side_only_is_refused_as_misaligned(tmp_path: Path) -> None:
    """A source line with text where the reference's is blank, or the other way round, is no
    pair to score: a blank line one file has and the other has not a few lines further on
    (counts equal, the lines between shifted by one) was scored with exit 0, its translation
    against nothing and nothing against its reference, as if the model had failed them."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_translation_pairs

    (tmp_path / "src.de").write_text("Der Rat tagte.\n\nEr beschloss.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The council met.\nIt decided.\n\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en")
    said = str(caught.value)
    assert "src.de:2 is blank where" in said and "ref.en:2 has text" in said, said
    assert "2 lines" in said and "aligned line by line" in said, said
    with pytest.raises(UsageError, match=r"ref\.en:2 has text where .*src\.de:2 is blank"):
        read_translation_pairs(tmp_path / "ref.en", tmp_path / "src.de")
    # through the command: one line, exit 2, before any model loads or folder is made
    result = CliRunner().invoke(
        app, ["eval", "translation", str(tmp_path / "src.de"), str(tmp_path / "ref.en"),
              "-o", str(tmp_path / "o")],
    )  # fmt: skip
    assert result.exit_code == 2 and "aligned line by line" in result.output, result.output
    assert not (tmp_path / "o").exists()
    # blank on both sides (a paragraph break in both files) is aligned, kept as a blank line
    (tmp_path / "both.de").write_text("Der Rat tagte.\n\u200b\nEr beschloss.\n", encoding="utf-8")
    (tmp_path / "both.en").write_text("The council met.\n \nIt decided.\n", encoding="utf-8")
    sources, references = read_translation_pairs(tmp_path / "both.de", tmp_path / "both.en")
    assert len(sources) == len(references) == 3


def test_english_holding_a_line_break_stays_on_its_source_line(tmp_path: Path) -> None:
    """A translation model whose English holds a line break (a byte-level tokenizer writes
    one) wrote it into hypotheses.txt as it was: the file had more lines than the source, and
    sacrebleu run on it refused it or scored each line against another line's reference."""
    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_translation
    from summarize.testing import EchoBackend, echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Hund bellt.\nDie Katze schläft.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The dog barks.\nThe cat sleeps.\n", encoding="utf-8")
    backend = EchoBackend(lambda text: "The dog\nbarks." if "Hund" in text else "The\r\ncat.")
    translator = Translator(echo_model(backend=backend), TranslationSettings())
    output = tmp_path / "mt"
    evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", output)
    # read as sacrebleu's command reads it: lines end at "\n" only
    with (output / "hypotheses.txt").open(encoding="utf-8", newline="\n") as file:
        hypotheses = [line.removesuffix("\n") for line in file]
    assert hypotheses == ["The dog barks.", "The cat."]
    metrics = json.loads((output / "metrics.json").read_text())
    references = [["The dog barks.", "The cat sleeps."]]
    assert metrics["bleu"] == pytest.approx(
        sacrebleu.corpus_bleu(hypotheses, references).score, abs=1e-3
    )
    assert metrics["chrf"] == pytest.approx(
        sacrebleu.corpus_chrf(hypotheses, references).score, abs=1e-3
    )


# Two lines of a German source and their English, each confidently in its language.
_BUDGET_DE = (
    "Der Stadtrat hat am Mittwoch nach einer langen Debatte den neuen Haushalt beschlossen.\n"
    "Die Opposition kritisierte, dass die Mittel für die Schulen nicht ausreichen würden.\n"
)
_BUDGET_EN = (
    "After a long debate, the city council passed the new budget on Wednesday.\n"
    "The opposition criticised that the funds for the schools would not be sufficient.\n"
)


def test_source_and_reference_given_the_wrong_way_round_are_refused(tmp_path: Path) -> None:
    """English given as the source and German as the reference (the two paths swapped) was
    translated and scored with exit 0, a score that means nothing."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_translation_pairs

    german, english = _BUDGET_DE, _BUDGET_EN
    (tmp_path / "src.de").write_text(german, encoding="utf-8")
    (tmp_path / "ref.en").write_text(english, encoding="utf-8")
    sources, references = read_translation_pairs(tmp_path / "src.de", tmp_path / "ref.en")
    assert (sources, references) == (german.splitlines(), english.splitlines())
    with pytest.raises(UsageError, match=r"ref\.en reads as English .*src\.de as German"):
        read_translation_pairs(tmp_path / "ref.en", tmp_path / "src.de")


def test_a_source_in_english_or_a_reference_in_german_is_refused(tmp_path: Path) -> None:
    """One file given twice ("x.de x.de", "x.en x.en": a slip of tab completion) was translated
    and scored with exit 0: German scored against German, or English fed to the German
    translator (which copies much of it) and scored against itself, a score that means
    nothing. A source that reads as English, or a reference that reads as German, is refused."""
    from summarize.errors import UsageError
    from summarize.evaluate import read_translation_pairs

    german, english = _BUDGET_DE, _BUDGET_EN
    (tmp_path / "src.de").write_text(german, encoding="utf-8")
    (tmp_path / "ref.en").write_text(english, encoding="utf-8")
    (tmp_path / "other.en").write_text(english, encoding="utf-8")
    source, reference = tmp_path / "src.de", tmp_path / "ref.en"
    with pytest.raises(UsageError, match=r"src\.de reads as German: .* given twice\?\)"):
        read_translation_pairs(source, source)
    with pytest.raises(UsageError, match=r"ref\.en reads as English: .* given twice\?\)"):
        read_translation_pairs(reference, reference)
    with pytest.raises(UsageError, match=r"other\.en reads as English: [^(]*$"):
        read_translation_pairs(tmp_path / "other.en", reference)
    assert read_translation_pairs(source, reference) == (german.splitlines(), english.splitlines())


def test_summary_data_of_german_articles_or_summaries_is_refused(tmp_path: Path) -> None:
    """The summarizer summarizes English (a brief's summary is of the article's translation):
    German articles (the run's own input, with English summaries to score against) were
    summarized by it and scored with exit 0, a score that means nothing, as German references
    were. Either is refused before any model loads, as a translation test set's wrong language."""

    def record(article: str, reference: str) -> str:
        return json.dumps({"article": article, "reference": reference}, ensure_ascii=False)

    german, english = " ".join(_BUDGET_DE.split("\n")), " ".join(_BUDGET_EN.split("\n"))
    (tmp_path / "de.jsonl").write_text(record(german, english) + "\n", encoding="utf-8")
    (tmp_path / "de-ref.jsonl").write_text(record(english, german) + "\n", encoding="utf-8")
    (tmp_path / "en.jsonl").write_text(record(english, english) + "\n", encoding="utf-8")
    missing = ["--set", f"summarization.model={tmp_path / 'no-model'}"]
    for name, message in (
        ("de.jsonl", "de.jsonl: the 'article' field reads as German, not English"),
        ("de-ref.jsonl", "de-ref.jsonl: the 'reference' field reads as German, not English"),
        ("en.jsonl", "no-model' does not exist"),  # English: on to the model
    ):
        result = CliRunner().invoke(
            app, ["eval", "summary", str(tmp_path / name), "-o", str(tmp_path / "o"), *missing]
        )
        said = " ".join(result.output.split())
        assert result.exit_code == 2 and message in said, said
        assert not (tmp_path / "o").exists()


def test_a_missing_field_is_named_as_text_or_reference_with_its_option_and_the_fields_there(
    tmp_path: Path,
) -> None:
    """CNN/DM as the hub's dataset writes it ("article", "highlights"): the missing reference
    was called "no text field 'reference'", the name of the other option, and neither the
    option to set nor the fields the record has were said."""
    data = tmp_path / "cnndm.jsonl"
    data.write_text(json.dumps({"article": "An article.", "highlights": "A.", "id": "x"}) + "\n")
    no_model = ["--set", f"summarization.model={tmp_path / 'no-model'}"]
    cases = {
        (): ("no reference field 'reference'", "--reference-field"),
        ("--text-field", "body", "--reference-field", "highlights"): (
            "no text field 'body'", "--text-field"),
    }  # fmt: skip
    for fields, (missing, option) in cases.items():
        result = CliRunner().invoke(
            app, ["eval", "summary", str(data), "-o", str(tmp_path / "o"), *fields, *no_model]
        )
        said = " ".join(result.output.split())
        assert result.exit_code == 2, said
        assert f"cnndm.jsonl:1: {missing}" in said and option in said, said
        assert "'article', 'highlights', 'id'" in said, said
        assert not (tmp_path / "o").exists()
    # A record of many fields is named in one line, with how many more it holds.
    wide = {f"field{number}": "x" for number in range(30)}
    data.write_text(json.dumps({"article": "An article.", **wide}) + "\n")
    result = CliRunner().invoke(app, ["eval", "summary", str(data), "-o", str(tmp_path / "o")])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and "and 19 more" in said and "'field10'" in said, said


def test_one_field_given_as_both_text_and_reference_is_refused(tmp_path: Path) -> None:
    """A slip of the option, "--reference-field article" for the summaries' field, scored each
    summary against its own article with exit 0: a score of how much of the article a summary
    holds, which means nothing as a summary's quality."""
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"article": " ".join(_english(3)), "reference": "A."}) + "\n")
    for fields in (["--reference-field", "article"], ["--text-field", "reference"]):
        result = CliRunner().invoke(
            app, ["eval", "summary", str(data), "-o", str(tmp_path / "o"), *fields,
                  "--set", f"summarization.model={tmp_path / 'no-model'}"],
        )  # fmt: skip
        said = " ".join(result.output.split())
        assert result.exit_code == 2 and "reference field are both" in said, said
        assert not (tmp_path / "o").exists()


def test_a_second_eval_into_a_folder_in_use_is_refused_before_any_model_loads(
    self_contained_models, tmp_path: Path
) -> None:
    """Two evaluations into one --output folder at once (two terminals) wrote each other's
    hypotheses.txt and metrics.json: the one's metrics, naming its model and scores, were left
    beside the other's outputs. The second stops as a second `run` into a folder does."""
    from summarize.outputs import LOCK_FILENAME, output_lock

    source, reference = _translation_data(tmp_path, shared=False)
    config = write_config(tmp_path / "c.toml", self_contained_models.marian,
                          self_contained_models.bart)  # fmt: skip
    output = tmp_path / "eval-mt"
    command = ["eval", "translation", str(source), str(reference), "-o", str(output),
               "-c", str(config), "-q"]  # fmt: skip
    with output_lock(output):  # the first evaluation, under way
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2, result.output
        assert "another summarize run or eval is writing to" in " ".join(result.output.split())
        assert not (output / "hypotheses.txt").exists()
        assert not (output / "metrics.json").exists()
    # What an evaluation killed mid-write leaves (write_atomic's temp file) goes, as after a run.
    output.mkdir(exist_ok=True)
    (output / ".metrics.json.0123456789ab.tmp").write_text("{", encoding="utf-8")
    result = CliRunner().invoke(app, command)  # the folder free again
    assert result.exit_code == 0, result.output
    assert {path.name for path in output.iterdir()} == {
        "hypotheses.txt", "metrics.json", ".summarize-cache", LOCK_FILENAME
    }  # fmt: skip


def test_eval_translation_says_how_far_it_has_come(self_contained_models, tmp_path: Path) -> None:
    """A long test set (newstest2019-dev: 1,000 lines) was one "translating" line, then nothing
    for the minutes a real model takes: a log line says each tenth of the sentences translated,
    the last all of them; --quiet keeps to the table and the warnings."""
    import re

    lines = [
        line
        for seed in sorted(SEEDS.glob("*.txt"))[:2]
        for line in seed.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    (tmp_path / "src.de").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("\n".join(_english(len(lines))) + "\n", encoding="utf-8")
    config = write_config(tmp_path / "c.toml", self_contained_models.marian,
                          self_contained_models.bart)  # fmt: skip
    command = ["eval", "translation", str(tmp_path / "src.de"), str(tmp_path / "ref.en"),
               "-c", str(config), "--set", "translation.batch_size=1"]  # fmt: skip
    result = CliRunner().invoke(app, [*command, "-o", str(tmp_path / "ev")])
    assert result.exit_code == 0, result.output
    said = [
        (int(done), int(total))
        for done, total in re.findall(r"translated (\d+) of (\d+) sentence", result.output)
    ]
    assert len(said) >= 2, result.output  # on the way, not only at the end
    assert len({total for _, total in said}) == 1 and said[-1][0] == said[-1][1] >= len(lines)
    assert [done for done, _ in said] == sorted({done for done, _ in said})  # each once, rising
    quiet = CliRunner().invoke(app, [*command, "-o", str(tmp_path / "ev-q"), "-q"])
    assert quiet.exit_code == 0, quiet.output
    assert not re.search(r"translated \d+ of", quiet.output)


def test_a_line_that_shows_no_text_is_not_translated(tmp_path: Path) -> None:
    """A source line of a zero-width space is blank to the alignment check (its reference line
    must be blank too), yet went to the translator: the model's English for it was scored
    against the empty reference line, lowering BLEU as if it had added words to a real line."""
    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_translation
    from summarize.testing import EchoBackend, echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Hund bellt.\n\u200b\n\u2060\t\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The dog barks.\n\n\n", encoding="utf-8")
    backend = EchoBackend(lambda text: "The dog barks." if "Hund" in text else "Invented words.")
    translator = Translator(echo_model(backend=backend), TranslationSettings())
    output = tmp_path / "mt"
    result = evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", output)
    hypotheses = (output / "hypotheses.txt").read_text(encoding="utf-8").split("\n")[:-1]
    assert hypotheses == ["The dog barks.", "", ""]
    assert result.metrics["bleu"] == pytest.approx(
        sacrebleu.corpus_bleu(hypotheses, [["The dog barks.", "", ""]]).score, abs=1e-3
    )


def test_eval_summary_reports_rougelsum_over_sentences_as_cnndm_papers_do(tmp_path: Path) -> None:
    """CNN/DailyMail papers (and ../shared/eval's Lead-3 baseline, ROUGE-Lsum 37.1) quote
    ROUGE-L over sentences one a line; only rougeL over the whole text was reported (Lead-3 on
    the 125 dev articles: rougeL 25.87, rougeLsum 36.23), so no published figure compared."""
    from summarize.evaluate import evaluate_summaries

    reference = "The council passed the budget. Schools get more money. Libraries wait a year."
    summary = "Libraries wait a year. The council passed the budget. Schools get more money."
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"id": "budget", "article": "A calm text.", "reference": reference}))
    evaluate_summaries(_echo_summarizer(lambda text: summary), data, tmp_path / "sum")
    metrics = json.loads((tmp_path / "sum" / "metrics.json").read_text())
    scorer = rouge_scorer.RougeScorer(["rougeL", "rougeLsum"], use_stemmer=True)
    lines = [sentence + "." for sentence in summary.removesuffix(".").split(". ")]
    reference_lines = [sentence + "." for sentence in reference.removesuffix(".").split(". ")]
    expected = scorer.score("\n".join(reference_lines), "\n".join(lines))
    assert metrics["rougeLsum"] == pytest.approx(100 * expected["rougeLsum"].fmeasure, abs=1e-3)
    assert metrics["rougeL"] == pytest.approx(100 * expected["rougeL"].fmeasure, abs=1e-3)
    assert metrics["rougeLsum"] == pytest.approx(100.0) and metrics["rougeL"] < 80


def test_the_printed_scores_say_how_they_were_computed(tmp_path: Path) -> None:
    """sacrebleu prints its signature beside a BLEU; the printed table gave the numbers alone,
    so a score copied from the screen said not which tokenizer, casing or version made it."""
    from sacrebleu.metrics import BLEU, CHRF

    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation, metrics_table
    from summarize.testing import echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Hund bellt.\nDie Katze schläft.\n")
    (tmp_path / "ref.en").write_text("The dog barks.\nThe cat sleeps.\n")
    translator = Translator(echo_model(), TranslationSettings())
    result = evaluate_translation(
        translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "mt"
    )
    printed = metrics_table(result).splitlines()
    assert printed[0] == "| bleu | chrf | n |"
    hypotheses = (tmp_path / "mt" / "hypotheses.txt").read_text().splitlines()
    references = [["The dog barks.", "The cat sleeps."]]
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF())):
        metric.corpus_score(hypotheses, references)
        assert f"{name}: {metric.get_signature()}" in printed
    assert any(line.startswith("bleu: nrefs:1|case:mixed|") for line in printed)

    data = _calm_and_long_records(tmp_path, "moved on.")
    result = evaluate_summaries(_echo_summarizer(lambda text: "Moved."), data, tmp_path / "sum")
    printed = metrics_table(result)
    assert "rouge: rouge-score 0." in printed and "stemmed" in printed


@pytest.mark.parametrize("nothing", ["", "."])
def test_a_line_the_translator_gave_no_english_for_is_said(
    tmp_path: Path, caplog, nothing: str
) -> None:
    """A sentence whose English came back empty was scored as empty with exit 0, and neither
    a warning nor metrics.json said so (a run warns of it): 'The dog barks.' and nothing for
    'Die Katze schläft.' scored BLEU 36.79, a low score with no word why. So for punctuation
    alone ("."), which holds no English either."""
    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_translation
    from summarize.testing import EchoBackend, echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Der Hund bellt.\nDie Katze schläft.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("The dog barks.\nThe cat sleeps.\n", encoding="utf-8")
    backend = EchoBackend(lambda text: "The dog barks." if "Hund" in text else nothing)
    translator = Translator(echo_model(backend=backend), TranslationSettings())
    with caplog.at_level(logging.WARNING, logger="summarize"):
        evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "mt")
    metrics = json.loads((tmp_path / "mt" / "metrics.json").read_text())
    assert metrics["lines_missing_english"] == [2]
    assert "gave no English for, scored without it (line 2;" in caplog.text


def test_one_output_for_every_input_is_said_to_be_the_models_not_the_tasks(
    tmp_path: Path, caplog
) -> None:
    """A random-weight model gives one output whatever its input: every line of newstest2019
    got "ownownanfanganfanganfang labyrinth labyrinth", every CNN/DailyMail article one summary,
    and the evaluation printed BLEU 0.00 and ROUGE 0.00 with no word that the model ignores its
    input. A model whose outputs follow its inputs gets no such warning."""
    from summarize.config import TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.testing import EchoBackend, echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text(
        "Der Hund bellt.\nDie Katze schläft.\n\nDer Vogel singt.\nDas Pferd läuft.\n",
        encoding="utf-8",
    )
    (tmp_path / "ref.en").write_text(
        "The dog barks.\nThe cat sleeps.\n\nThe bird sings.\nThe horse runs.\n", encoding="utf-8"
    )
    blind = EchoBackend(lambda text: "labyrinth labyrinth")
    with caplog.at_level(logging.WARNING, logger="summarize"):
        evaluate_translation(
            Translator(echo_model(backend=blind), TranslationSettings()),
            tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "blind",
        )  # fmt: skip
    assert (
        json.loads((tmp_path / "blind" / "metrics.json").read_text())["most_repeated_output"] == 4
    )
    assert '4 of 4 lines of different text got the same English ("labyrinth labyrinth")' in (
        caplog.text
    )

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        evaluate_translation(
            Translator(echo_model(), TranslationSettings()),
            tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "echo",
        )  # fmt: skip
    assert json.loads((tmp_path / "echo" / "metrics.json").read_text())["most_repeated_output"] == 1
    assert "most_repeated_output" not in caplog.text

    records = [
        {"article": f"A short text {word}.", "reference": f"Text {word}."}
        for word in ("one", "two", "three")
    ]
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(record) + "\n" for record in records))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        evaluate_summaries(_echo_summarizer(lambda text: "Moved."), data, tmp_path / "sum")
    assert json.loads((tmp_path / "sum" / "metrics.json").read_text())["most_repeated_output"] == 3
    assert '3 of 3 articles of different text got the same summary ("Moved.")' in caplog.text
