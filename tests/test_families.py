"""Every supported seq2seq family, end to end on tiny random-weight models of its architecture.

Checks the settings generate() actually receives (the forced English token, the source language
token in the encoder input, the task prefix) and what comes out of it (the first generated token,
complete briefs), never the quality of random weights.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import SEEDS, ModelSet, seed_texts, write_config
from transformers import AutoConfig, AutoTokenizer
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import SummarizationSettings, TranslationSettings, load_config
from summarize.errors import ConfigError
from summarize.families import detect_family
from summarize.models import LoadedModel, load_model, resolve_spec
from summarize.outputs import read_brief_record
from summarize.stages import prepare_text
from summarize.summarization import Summarizer
from summarize.testing import (
    TINY_LAYERS,
    build_bart,
    build_led,
    build_longt5,
    build_m2m100,
    build_marian,
    build_mbart50,
    build_mbart_cc25,
    build_nllb,
    build_pegasus,
    build_t5,
    train_bart_tokenizer,
)
from summarize.translation import Translator

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHORT_TRANSLATION = {"max_new_tokens": 6, "num_beams": 2}
SHORT_SUMMARY = {"max_length": 12, "min_length": 2, "num_beams": 2}
T5_TRANSLATION_PREFIX = "translate German to English: "
# family -> (German token, English token) as the tokenizer spells them
LANGUAGE_TOKENS = {
    "m2m100": ("__de__", "__en__"),
    "nllb": ("deu_Latn", "eng_Latn"),
    "mbart-50": ("de_DE", "en_XX"),
}


@dataclass(frozen=True)
class Families:
    m2m100: Path
    m2m100_unlisted: Path  # language tokens not among the tokenizer's special tokens
    nllb: Path
    mbart50: Path
    t5: Path
    pegasus: Path
    led: Path
    longt5: Path

    def path(self, family: str) -> Path:
        return {"m2m100": self.m2m100, "nllb": self.nllb, "mbart-50": self.mbart50}[family]


@pytest.fixture(scope="module")
def families(tmp_path_factory: pytest.TempPathFactory) -> Families:
    root = tmp_path_factory.mktemp("families")
    texts = seed_texts()
    return Families(
        m2m100=build_m2m100(root / "m2m100", texts=texts),
        m2m100_unlisted=build_m2m100(root / "m2m100-bare", texts=texts, list_language_tokens=False),
        nllb=build_nllb(root / "nllb", texts=texts),
        mbart50=build_mbart50(root / "mbart50", texts=texts),
        t5=build_t5(root / "t5", texts=texts),
        pegasus=build_pegasus(root / "pegasus", texts=texts),
        led=build_led(root / "led", texts=texts),
        longt5=build_longt5(root / "longt5", texts=texts),
    )


@dataclass(frozen=True)
class Call:
    model_type: str
    input_ids: list[list[int]]  # without padding
    generation: Any
    output: list[list[int]]
    global_attention: bool


class GenerateRecorder:
    """Records every model.generate() call: its real inputs, settings and output ids."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._lock = threading.Lock()

    def of(self, model_type: str) -> list[Call]:
        return [call for call in self.calls if call.model_type == model_type]

    def wrap(self, original: Any) -> Any:
        recorder = self

        def generate(model: Any, *args: Any, **kwargs: Any) -> Any:
            output = original(model, *args, **kwargs)
            ids, mask = kwargs["input_ids"], kwargs["attention_mask"]
            rows = [
                row[: int(row_mask.sum())].tolist() for row, row_mask in zip(ids, mask, strict=True)
            ]
            call = Call(
                model.config.model_type,
                rows,
                kwargs.get("generation_config"),
                output.tolist(),
                "global_attention_mask" in kwargs,
            )
            with recorder._lock:
                recorder.calls.append(call)
            return output

        return generate


@pytest.fixture
def generate_calls(monkeypatch: pytest.MonkeyPatch) -> GenerateRecorder:
    from transformers.generation.utils import GenerationMixin

    recorder = GenerateRecorder()
    monkeypatch.setattr(GenerationMixin, "generate", recorder.wrap(GenerationMixin.generate))
    return recorder


def _translation(path: Path, **settings: Any) -> LoadedModel:
    options = TranslationSettings(model=str(path), generation=SHORT_TRANSLATION, **settings)
    return load_model("translation", options, Path("models"))


def _summarizer(path: Path, **settings: Any) -> Summarizer:
    options = SummarizationSettings(model=str(path), generation=SHORT_SUMMARY, **settings)
    return Summarizer(load_model("summarization", options, Path("models")), options)


def _english_id(tokenizer: Any, family: str) -> int:
    return int(tokenizer.convert_tokens_to_ids(LANGUAGE_TOKENS[family][1]))


def _assert_languages_used(calls: list[Call], tokenizer: Any, family: str) -> None:
    """German token in every encoder input; English forced and generated first, every row."""
    german_id = tokenizer.convert_tokens_to_ids(LANGUAGE_TOKENS[family][0])
    english_id = _english_id(tokenizer, family)
    assert calls, "the model was never called"
    for call in calls:
        assert call.generation.forced_bos_token_id == english_id
        assert all(german_id in row for row in call.input_ids)
        # output = decoder start token, then the forced language token
        assert {row[1] for row in call.output} == {english_id}


@pytest.mark.parametrize("family", ["m2m100", "nllb", "mbart-50"])
def test_multilingual_translator_is_told_german_to_english(
    families: Families, family: str, generate_calls: GenerateRecorder
) -> None:
    loaded = _translation(families.path(family))
    german, english = LANGUAGE_TOKENS[family]
    assert loaded.family == family
    assert loaded.languages is not None
    assert loaded.languages.target_token_id == loaded.tokenizer.convert_tokens_to_ids(english)
    assert loaded.generation_settings["forced_bos_token_id"] == _english_id(
        loaded.tokenizer, family
    )
    assert loaded.describe()["source_lang"] == german.strip("_")
    outputs = Translator(loaded, TranslationSettings(model="x")).generate_batch(
        ["Der Hund bellt laut.", "Ja."]
    )
    _assert_languages_used(generate_calls.calls, loaded.tokenizer, family)
    assert not any(english in output.text for output in outputs)


def test_language_tokens_never_reach_the_text(
    families: Families, generate_calls: GenerateRecorder
) -> None:
    """A tokenizer that does not list its language tokens as special still yields clean text."""
    loaded = _translation(families.m2m100_unlisted)
    assert "__en__" not in loaded.tokenizer.all_special_tokens  # the case under test
    outputs = Translator(loaded, TranslationSettings(model="x")).generate_batch(["Guten Tag."])
    _assert_languages_used(generate_calls.calls, loaded.tokenizer, "m2m100")
    assert "__en__" not in outputs[0].text


def test_language_codes_from_the_config_override_the_family_defaults(families: Families) -> None:
    settings = TranslationSettings(model=str(families.nllb), source_lang="fra_Latn")
    spec = resolve_spec("translation", settings, Path("models"))
    assert spec.languages is not None and spec.languages.source == "fra_Latn"
    assert spec.tokenizer("Bonjour")["input_ids"][0] == (
        spec.tokenizer.convert_tokens_to_ids("fra_Latn")
    )
    # Another source language is another input: translations cached for one are not reused.
    default = resolve_spec("translation", TranslationSettings(model=str(families.nllb)), Path("m"))
    assert spec.identity() != default.identity()


@pytest.mark.parametrize("bare", [False, True])
def test_m2m100_takes_its_language_tokens_as_the_codes_they_wrap(
    families: Families, bare: bool
) -> None:
    """tokenizer_config.json lists M2M100's languages as tokens ("__de__"), and the message
    for a missing code points there: source_lang="__de__" was refused as "no language token
    for the code '__de__'", and target_lang="__en__" was warned of as not English."""
    path = families.m2m100_unlisted if bare else families.m2m100
    default = resolve_spec("translation", TranslationSettings(model=str(path)), Path("m"))
    settings = TranslationSettings(model=str(path), source_lang="__de__", target_lang="__en__")
    spec = resolve_spec("translation", settings, Path("m"))
    assert spec.languages == default.languages
    assert spec.languages is not None and (spec.languages.source, spec.languages.target) == (
        "de",
        "en",
    )
    assert spec.tokenizer("Guten Tag.")["input_ids"][0] == (
        spec.tokenizer.convert_tokens_to_ids("__de__")
    )
    assert spec.task_warning is None  # German to English, as the family's own codes
    assert spec.identity() == default.identity()  # the same translations, cached as one


@pytest.mark.parametrize(
    ("setting", "value"), [("target_lang", "klingon"), ("source_lang", "deu_Latn")]
)
def test_unknown_language_code_exits_2_naming_the_setting(
    families: Families, tmp_path: Path, setting: str, value: str
) -> None:
    """M2M100 has no token for the NLLB code "deu_Latn", nor for "klingon"."""
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(SEEDS / "004_4153c0ff2f4fab2a.txt", source)
    result = CliRunner().invoke(
        app,
        [
            "run", str(source), "--output", str(tmp_path / "out"),
            "--set", f"translation.model={families.m2m100}",
            "--set", f"translation.{setting}={value}",
        ],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    message = " ".join(result.output.split())
    assert "translation.source_lang" in message and "translation.target_lang" in message
    assert repr(value) in message and "Traceback" not in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.md"))


@pytest.mark.parametrize(
    ("family", "setting"), [("nllb", "source_lang"), ("mbart-50", "target_lang")]
)
def test_a_code_that_is_only_an_ordinary_vocabulary_piece_is_refused(
    families: Families, family: str, setting: str
) -> None:
    """M2M100's code "de" given to NLLB-200 or mBART-50: their vocabularies hold "de" as a
    word piece, which went into every input (or was forced as the first English token) in
    place of a language token, without a word."""
    settings = TranslationSettings(model=str(families.path(family)), **{setting: "de"})
    tokenizer = resolve_spec("translation", TranslationSettings(model=str(families.path(family))),
                             Path("models")).tokenizer  # fmt: skip
    assert tokenizer.convert_ids_to_tokens(tokenizer.convert_tokens_to_ids("de")) == "de"
    with pytest.raises(ConfigError, match=rf"(?s)no language token for the code 'de'.*{setting}"):
        resolve_spec("translation", settings, Path("models"))


@pytest.mark.parametrize("family", ["m2m100", "nllb"])
def test_a_forced_first_token_other_than_the_target_languages_is_refused(
    families: Families, family: str
) -> None:
    """forced_bos_token_id set to French's token won over the English the family forces:
    the model was told to write French, while the log and the run record said English."""
    path = families.path(family)
    tokenizer = AutoTokenizer.from_pretrained(path)
    french = {"m2m100": "__fr__", "nllb": "fra_Latn"}[family]
    french_id = tokenizer.convert_tokens_to_ids(french)

    def load(forced: int) -> LoadedModel:
        generation = {**SHORT_TRANSLATION, "forced_bos_token_id": forced}
        options = TranslationSettings(model=str(path), generation=generation)
        return load_model("translation", options, Path("models"))

    with pytest.raises(ConfigError) as caught:
        load(french_id)
    said = str(caught.value)
    assert f"[translation.generation] forced_bos_token_id = {french_id}" in said, said
    assert "translation.target_lang" in said, said
    # English's own id, as transformers' examples set it, is what the family forces anyway.
    english_id = _english_id(tokenizer, family)
    loaded = load(english_id)
    assert loaded.generation_config.forced_bos_token_id == english_id


def test_language_codes_on_a_model_without_them_are_refused(
    self_contained_models: ModelSet,
) -> None:
    with pytest.raises(ConfigError, match="takes no language codes"):
        _translation(self_contained_models.marian, target_lang="en")


def test_an_unknown_family_with_a_language_switch_is_told_which_codes_to_set() -> None:
    """A tokenizer with a ``src_lang`` switch (PLBart, SeamlessM4T) in a family with no known
    codes: the translator was met with AttributeError ('NoneType' has no attribute 'german'),
    a traceback, instead of the message naming source_lang and target_lang."""
    from summarize.families import Family, resolve_languages

    class SwitchTokenizer:
        @property
        def src_lang(self) -> str | None:
            return None

    family = Family("plbart", "plbart")
    tokenizer: Any = SwitchTokenizer()
    for task in ("translation", "summarization"):
        with pytest.raises(ConfigError, match="no language codes are known for it"):
            resolve_languages(task, "some/plbart", family, tokenizer, None, None)


def test_prefix_is_sent_and_counted_inside_the_window(
    families: Families, generate_calls: GenerateRecorder
) -> None:
    loaded = _translation(families.t5)
    assert loaded.family == "t5" and loaded.prefix == T5_TRANSLATION_PREFIX
    tokenizer = loaded.tokenizer
    text = "Der Hund bellt laut."
    assert loaded.count_tokens(text) == len(tokenizer(T5_TRANSLATION_PREFIX + text)["input_ids"])
    assert loaded.count_tokens(text) > len(tokenizer(text)["input_ids"])

    # A window the sentence fits without the prefix, but not with it: it must be split.
    long_sentence = ", ".join(f"der Soldat {n} kam am Montag" for n in ["Anton", "Berta", "Carl"])
    loaded = dataclasses.replace(loaded, window=len(tokenizer(long_sentence)["input_ids"]) + 1)
    assert loaded.count_tokens(long_sentence) > loaded.window
    translator = Translator(loaded, TranslationSettings(model="x", generation=SHORT_TRANSLATION))
    result = translator.translate([long_sentence])
    assert result[0].pieces > 1
    prefix_ids = tokenizer(T5_TRANSLATION_PREFIX, add_special_tokens=False)["input_ids"]
    rows = [row for call in generate_calls.of("t5") for row in call.input_ids]
    assert len(rows) == result[0].pieces
    assert all(row[: len(prefix_ids)] == prefix_ids for row in rows)
    assert all(len(row) <= loaded.window for row in rows)


def test_multi_target_opus_mt_is_told_the_target_language(
    tmp_path: Path, generate_calls: GenerateRecorder
) -> None:
    path = build_marian(
        tmp_path / "opus-mt-gmw-gmw", texts=seed_texts(), target_languages=("deu", "eng", "nld")
    )
    loaded = _translation(path)
    assert loaded.prefix == ">>eng<< "
    Translator(loaded, TranslationSettings(model="x")).generate_batch(["Guten Tag."])
    english_token = loaded.tokenizer.convert_tokens_to_ids(">>eng<<")
    ((row,),) = [call.input_ids for call in generate_calls.of("marian")]
    assert row[0] == english_token and len(row) == loaded.count_tokens("Guten Tag.")


def test_a_madlad_translator_is_told_the_target_language(
    tmp_path: Path, generate_calls: GenerateRecorder
) -> None:
    """MADLAD-400 (google/madlad400-3b-mt) is a T5 that reads the language to write from a
    token before the text, "<2en>": T5's prompt "translate German to English: " named none."""
    path = build_t5(
        tmp_path / "madlad400", texts=seed_texts(), language_tags=("<2de>", "<2en>", "<2fr>")
    )
    loaded = _translation(path)
    assert (loaded.family, loaded.prefix) == ("madlad", "<2en> ")
    Translator(loaded, TranslationSettings(model="x")).generate_batch(["Guten Tag."])
    english_tag = loaded.tokenizer.convert_tokens_to_ids("<2en>")
    ((row,),) = [call.input_ids for call in generate_calls.of("t5")]
    assert row[0] == english_tag and len(row) == loaded.count_tokens("Guten Tag.")
    # Made for translation: set as the summarizer, it is warned of.
    spec = resolve_spec("summarization", SummarizationSettings(model=str(path)), tmp_path)
    assert spec.prefix == "" and "MADLAD-400 model, made for translation" in str(spec.task_warning)


def test_a_madlad_target_tag_written_in_the_german_is_read_as_text(
    tmp_path: Path, generate_calls: GenerateRecorder
) -> None:
    """MADLAD-400's tags are tokens of its vocabulary that are not special: "<2fr>" in a German
    sentence was read as the tag that tells the model to write French. The prefix's "<2en>"
    stays the tag."""
    path = build_t5(
        tmp_path / "madlad400", texts=seed_texts(), language_tags=("<2de>", "<2en>", "<2fr>")
    )
    loaded = _translation(path)
    Translator(loaded, TranslationSettings(model="x")).generate_batch(
        ["Die Taste <2fr> drücken.", "<2de> steht am Anfang."]
    )
    tag_ids = {loaded.tokenizer.convert_tokens_to_ids(tag) for tag in ("<2de>", "<2fr>")}
    english_tag = loaded.tokenizer.convert_tokens_to_ids("<2en>")
    rows = [row for call in generate_calls.of("t5") for row in call.input_ids]
    assert len(rows) == 2
    for row in rows:
        assert row[0] == english_tag and english_tag not in row[1:]
        assert not tag_ids & set(row), loaded.tokenizer.convert_ids_to_tokens(row)


def test_a_multi_target_opus_mt_with_separate_vocabularies_is_told_the_target_too(
    tmp_path: Path, generate_calls: GenerateRecorder
) -> None:
    """Its tokenizer reads ids back through the target vocabulary: the ">>eng<<" of the source
    one was not found, and the model ran without the token that names its output language."""
    path = build_marian(
        tmp_path / "opus-mt-sep",
        texts=seed_texts(),
        target_languages=("deu", "eng", "nld"),
        separate_vocabularies=True,
    )
    loaded = _translation(path)
    assert loaded.prefix == ">>eng<< "
    Translator(loaded, TranslationSettings(model="x")).generate_batch(["Guten Tag."])
    ((row,),) = [call.input_ids for call in generate_calls.of("marian")]
    assert row[0] == loaded.tokenizer.get_vocab()[">>eng<<"]


def test_an_opus_mt_with_separate_vocabularies_is_refused_on_ctranslate2(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """CTranslate2's converter writes the source vocabulary for both sides: the model read
    other tokens than the tokenizer made and wrote others again, and the run went on."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    path = build_marian(tmp_path / "opus-mt-sep", texts=seed_texts(), separate_vocabularies=True)
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    options = ["--set", f"translation.model={path}", "--set", "translation.backend=ctranslate2"]
    listed = CliRunner().invoke(app, ["models", "list", "--json", "-c", str(config), *options])
    assert listed.exit_code == 1, listed.output
    rows = {row["task"]: row for row in map(json.loads, listed.stdout.splitlines())}
    assert "separate source and target vocabularies" in rows["translation"]["problem"]
    assert "set translation.backend = 'torch'" in rows["translation"]["problem"]
    assert not list(tmp_path.glob("opus-mt-sep.ct2-*"))


def test_a_t5_translators_own_german_to_english_settings_are_read(tmp_path: Path) -> None:
    """transformers' translation pipeline reads task_specific_params["translation_de_to_en"]
    (t5-base names its directions so): a de-en fine-tune's own prompt and beams saved there were
    not read, and it got T5's "translate German to English: " and the model's other settings."""
    path = build_t5(tmp_path / "t5-de-en", texts=seed_texts())
    config_file = path / "config.json"
    config = json.loads(config_file.read_text(encoding="utf-8"))
    config["task_specific_params"] = {
        "translation_de_to_en": {"prefix": "Deutsch nach Englisch: ", "num_beams": 3},
        "translation_en_to_de": {"prefix": "translate English to German: ", "num_beams": 5},
    }
    config_file.write_text(json.dumps(config), encoding="utf-8")
    options = TranslationSettings(model=str(path), generation={"max_new_tokens": 6})
    loaded = load_model("translation", options, Path("models"))
    assert loaded.prefix == "Deutsch nach Englisch: "
    assert loaded.generation_config.num_beams == 3


def test_configured_prefix_replaces_the_family_default(families: Families) -> None:
    loaded = _translation(families.t5, prefix="Translate to English: ")
    assert loaded.prefix == "Translate to English: "
    summarizer = _summarizer(families.t5)
    assert summarizer.loaded.prefix == "summarize: "


def test_t5s_prefix_is_not_counted_as_text_against_the_summarys_minimum(
    t5_model: Path, generate_calls: GenerateRecorder
) -> None:
    """t5-small's summary must be 29 tokens at least (min_length 30). A 28-token text was
    counted as 31 with the prefix "summarize: " and the end token, so the model had to write
    more than the text says; it is summarized without the minimum, as any text that short."""
    options = SummarizationSettings(model=str(t5_model), generation={"num_beams": 1})
    summarizer = Summarizer(load_model("summarization", options, Path("models")), options)
    assert summarizer.loaded.prefix == "summarize: "
    assert summarizer.loaded.output_minimum() == 29
    sentences = [
        "The train to Berlin left on Monday morning.",
        "Nobody was hurt, the police said on Tuesday.",
        "The line opened again at noon on Wednesday.",
    ]
    text = " ".join(sentences)
    assert summarizer.loaded.count_tokens(text) == 31
    summary = summarizer.summarize(sentences)
    (call,) = generate_calls.of("t5")
    assert call.generation.min_length == 0
    assert summary.note is not None
    assert "English text (28 tokens) is no longer than the summary's minimum length" in summary.note


@pytest.mark.parametrize("family", ["led", "longt5"])
def test_long_window_summarizer_reads_a_long_text_directly(
    families: Families, generate_calls: GenerateRecorder, family: str
) -> None:
    _, prepared = prepare_text(max(seed_texts(), key=len))
    summarizer = _summarizer(getattr(families, family))
    # LED's window comes from its position table, LongT5's (relative positions, a tokenizer
    # without a limit) from its family.
    assert summarizer.loaded.family == family and summarizer.loaded.window == 16384
    summary = summarizer.summarize(prepared.sentences)
    assert summary.path == "direct" and summary.map_rounds == 0
    assert summary.input_tokens > 1024  # beyond BART's or PEGASUS's window
    (call,) = generate_calls.of(family)
    assert len(call.input_ids) == 1 and len(call.input_ids[0]) == summary.input_tokens
    # LED summarizers were trained with global attention on the first token.
    assert call.global_attention == (family == "led")


def test_led_window_comes_from_its_encoder_positions(tmp_path: Path) -> None:
    path = build_led(tmp_path / "led", texts=seed_texts(), tokenizer_states_window=False)
    spec = resolve_spec("summarization", SummarizationSettings(model=str(path)), tmp_path)
    assert spec.tokenizer.model_max_length > 16384  # the tokenizer says nothing
    assert spec.window == 16384


def _build_bert2bert(folder: Path, positions: int) -> Path:
    """A tiny random-weight EncoderDecoderModel (bert2bert) whose encoder reads ``positions``
    tokens, with a byte-level BPE tokenizer that states a longer window (1,024)."""
    from transformers import BertConfig, EncoderDecoderConfig, EncoderDecoderModel, GenerationConfig

    vocab_size = train_bart_tokenizer(seed_texts(), folder)
    layers = {"hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
              "intermediate_size": 64, "max_position_embeddings": positions}  # fmt: skip
    config = EncoderDecoderConfig.from_encoder_decoder_configs(
        BertConfig(vocab_size=vocab_size, **layers),
        BertConfig(vocab_size=vocab_size, is_decoder=True, add_cross_attention=True, **layers),
    )
    config.decoder_start_token_id, config.pad_token_id, config.eos_token_id = 0, 1, 2
    EncoderDecoderModel(config=config).save_pretrained(folder)
    GenerationConfig(decoder_start_token_id=0, pad_token_id=1, eos_token_id=2).save_pretrained(
        folder
    )
    return folder


def test_an_encoder_decoder_models_window_is_its_encoders_position_table(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A bert2bert (EncoderDecoderModel) keeps its position table in its encoder's config:
    the window was the tokenizer's 1,024 tokens, and every article longer than the encoder's
    128 positions failed inside generate() ("The expanded size of the tensor ... must match"),
    even alone; `summarization.max_input_tokens` past the table was taken as it was."""
    bert2bert = _build_bert2bert(tmp_path / "bert2bert", positions=128)
    spec = resolve_spec("summarization", SummarizationSettings(model=str(bert2bert)), tmp_path)
    assert spec.tokenizer.model_max_length == 1024 and spec.window == 128
    too_long = SummarizationSettings(model=str(bert2bert), max_input_tokens=1024)
    assert resolve_spec("summarization", too_long, tmp_path).window == 128
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[1], source / "a.txt")
    config = write_config(tmp_path / "c.toml", self_contained_models.marian, bert2bert)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(source), "-c", str(config), "-o", str(output), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    record = read_brief_record(output / "a.md")
    assert record is not None
    meta = record.model_dump(mode="json")
    assert meta["models"]["summarization"]["window_tokens"] == 128
    assert meta["summary"]


def test_long_window_summarizer_map_reduces_only_beyond_its_window(
    families: Families, generate_calls: GenerateRecorder
) -> None:
    _, prepared = prepare_text(max(seed_texts(), key=len))
    summarizer = _summarizer(families.led, max_input_tokens=256)
    summary = summarizer.summarize(prepared.sentences)
    assert summary.path == "map-reduce" and summary.chunks > 1
    rows = [row for call in generate_calls.of("led") for row in call.input_ids]
    assert all(len(row) <= 256 for row in rows)


@pytest.mark.parametrize(
    ("translator", "summarizer"),
    [("m2m100", "pegasus"), ("nllb", "led"), ("mbart50", "t5"), ("t5", "bart")],
)
def test_brief_is_complete_with_each_family(
    families: Families,
    self_contained_models: ModelSet,
    generate_calls: GenerateRecorder,
    tmp_path: Path,
    translator: str,
    summarizer: str,
) -> None:
    paths = {
        "m2m100": families.m2m100, "nllb": families.nllb, "mbart50": families.mbart50,
        "t5": families.t5, "pegasus": families.pegasus, "led": families.led,
        "bart": self_contained_models.bart,
    }  # fmt: skip
    seed = SEEDS / "004_4153c0ff2f4fab2a.txt"
    source = tmp_path / "in"
    source.mkdir()
    shutil.copy(seed, source)
    config = write_config(tmp_path / "my.toml", paths[translator], paths[summarizer])
    output = tmp_path / "briefs"
    # Random weights may end a translation at once; the summarizer needs some English.
    result = CliRunner().invoke(
        app,
        [
            "run", str(source), "--config", str(config), "--output", str(output), "--no-cache",
            "--set", "translation.generation.min_new_tokens=3",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    brief_path = output / f"{seed.stem}.md"
    _, _, body = brief_path.read_text(encoding="utf-8").split("---\n", 2)
    record = read_brief_record(brief_path)  # the full run record, beside the brief
    assert record is not None
    meta = record.model_dump(mode="json")
    _, prepared = prepare_text(seed.read_text(encoding="utf-8"))
    assert meta["counts"]["paragraphs"] == len(prepared.paragraphs)
    assert meta["counts"]["sentences_de"] == len(prepared.sentences)
    assert "## Summary" in body and meta["summary"]["path"] == "direct"

    # What generate() really got, against the tokenizers' own ids (each pair is two
    # architectures, so the calls tell the two models apart by model type).
    tokenizer = AutoTokenizer.from_pretrained(paths[translator])
    config = AutoConfig.from_pretrained(paths[translator])
    family = detect_family(config, tokenizer).name
    translation_calls = generate_calls.of(config.model_type)
    assert meta["models"]["translation"]["family"] == family
    if family in LANGUAGE_TOKENS:
        english_id = _english_id(tokenizer, family)
        assert meta["generation"]["translation"]["forced_bos_token_id"] == english_id
        _assert_languages_used(translation_calls, tokenizer, family)
    if family == "t5":
        prefix_ids = tokenizer(T5_TRANSLATION_PREFIX, add_special_tokens=False)["input_ids"]
        rows = [row for call in translation_calls for row in call.input_ids]
        assert rows and all(row[: len(prefix_ids)] == prefix_ids for row in rows)
    if summarizer == "t5":
        t5_tokenizer = AutoTokenizer.from_pretrained(paths["t5"])
        prefix_ids = t5_tokenizer("summarize: ", add_special_tokens=False)["input_ids"]
        (summary_call,) = generate_calls.of("t5")
        assert summary_call.input_ids[0][: len(prefix_ids)] == prefix_ids


def test_the_pegasus_builder_converts_to_ctranslate2(families: Families, tmp_path: Path) -> None:
    """build_pegasus writes the config fields CTranslate2's converter reads (as the real
    checkpoints carry them): without them PEGASUS could not be tested on that backend."""
    pytest.importorskip("ctranslate2", reason="the optional CTranslate2 extra is not installed")
    folder = tmp_path / "pegasus"
    shutil.copytree(families.pegasus, folder)
    summarizer = _summarizer(folder, backend="ctranslate2")
    assert summarizer.loaded.backend.name == "ctranslate2"
    summary = summarizer.summarize(["The mayor opened the new bridge on Monday."])
    assert summary.path == "direct"


def test_ctranslate2_gets_the_language_tokens(families: Families) -> None:
    pytest.importorskip("ctranslate2", reason="the optional CTranslate2 extra is not installed")
    loaded = _translation(families.m2m100, backend="ctranslate2")
    backend: Any = loaded.backend
    assert backend.target_prefix == ["__en__"]
    submitted: list[Any] = []
    original = backend.translator.translate_batch

    def recording(sources: Any, **options: Any) -> Any:
        submitted.append((sources, options["target_prefix"]))
        return original(sources, **options)

    backend.translator = type("Recorder", (), {"translate_batch": staticmethod(recording)})()
    outputs = backend.generate(["Der Hund bellt laut."])
    ((sources, prefixes),) = submitted
    assert "__de__" in sources[0] and prefixes == [["__en__"]]
    assert "__en__" not in outputs[0].text


# Strings of the special tokens of T5 (with its sentinels), PEGASUS and mBART-50.
TOKEN_STRINGS_IN_TEXT = (
    'Im Quelltext stand "</s>", dann "<pad>", "<unk>", "<mask>", "<mask_1>", "<extra_id_0>" '
    'und "de_DE" vor dem Ende.'
)


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
@pytest.mark.parametrize("family", ["t5", "t5-small", "pegasus", "mbart-50"])
def test_special_token_strings_in_article_text_are_read_as_text(
    families: Families, t5_model: Path, family: str, backend: str
) -> None:
    """The sentencepiece vocabularies of T5, PEGASUS and mBART hold "</s>", "<pad>" or
    "<mask_1>" as pieces, and mBART-50 matched "de_DE" as its language token: such a string in
    an article reached the model as its end, padding, mask or language token in mid-input."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2", reason="the optional CTranslate2 extra is not installed")
    path = {"t5": families.t5, "t5-small": t5_model, "pegasus": families.pegasus}.get(
        family, families.mbart50
    )
    if family == "mbart-50":
        loaded = _translation(path, backend=backend)
    else:
        loaded = _summarizer(path, backend=backend).loaded
    tokenizer = loaded.tokenizer
    controls = set(tokenizer.all_special_ids) - {tokenizer.unk_token_id}

    def read_by_the_model(text: str) -> list[int]:
        if backend == "torch":
            return loaded.backend._encode([loaded.prefix + text])["input_ids"][0].tolist()
        backend_: Any = loaded.backend
        submitted: list[Any] = []
        original = backend_.translator.translate_batch

        def recording(sources: Any, **options: Any) -> Any:
            submitted.extend(sources)
            return original(sources, **options)

        backend_.translator = type("Recorder", (), {"translate_batch": staticmethod(recording)})()
        assert backend_.generate([loaded.prefix + text])
        backend_.translator = type("Translator", (), {"translate_batch": staticmethod(original)})()
        return list(tokenizer.convert_tokens_to_ids(submitted[0]))

    ids = read_by_the_model(TOKEN_STRINGS_IN_TEXT)
    plain = read_by_the_model("Im Quelltext stand nichts vor dem Ende.")
    # The same start, end and language tokens as any text has, where any text has them.
    assert [token for token in ids if token in controls] == [
        token for token in plain if token in controls
    ]
    assert [index for index, token in enumerate(ids) if token in controls][-1] == len(ids) - 1
    assert loaded.count_tokens(TOKEN_STRINGS_IN_TEXT) == len(ids)
    if backend == "torch":
        assert loaded.backend.generate([loaded.prefix + TOKEN_STRINGS_IN_TEXT])


def test_models_list_shows_family_window_and_language_codes(
    families: Families, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "models", "list", "--json",
            "--set", f"translation.model={families.nllb}",
            "--set", f"summarization.model={families.led}",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    translation, summarization = (json.loads(line) for line in result.stdout.splitlines())
    assert translation["family"] == "nllb" and translation["window"] == 1024
    assert (translation["source_lang"], translation["target_lang"]) == ("deu_Latn", "eng_Latn")
    assert summarization["family"] == "led" and summarization["window"] == 16384
    assert summarization["source_lang"] is None

    # The table, piped: each model's folder whole on its row, not folded into an 80-column box.
    result = CliRunner().invoke(
        app,
        ["models", "list",
         "--set", f"translation.model={families.nllb}",
         "--set", f"summarization.model={families.led}"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert any("translation" in row and str(families.nllb) in row and "nllb" in row for row in rows)


def test_a_model_made_for_the_other_task_is_warned_of_once_a_run(
    families: Families, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A summarizer set as the translator, and a translator as the summarizer: each still runs
    (a warning, not an error), named once a run with its family and the setting to change."""
    source = tmp_path / "in"
    source.mkdir()
    for name in ("a", "b"):  # two articles, one warning per model
        (source / f"{name}.txt").write_text("Der Hund bellt laut im Garten.\n", encoding="utf-8")
    models = self_contained_models
    config = write_config(tmp_path / "c.toml", models.bart, models.marian)
    result = CliRunner().invoke(
        app, ["run", str(source), "-c", str(config), "-o", str(tmp_path / "out"), "--no-cache",
              "--set", "translation.generation.min_new_tokens=3"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if " WARNING " in line]
    assert len(warnings) == 2, result.output
    translation, summarization = warnings
    assert f"translation model '{models.bart}' is a BART model" in translation
    assert "made for summarization" in translation and "Set translation.model" in translation
    assert f"summarization model '{models.marian}' is a MarianMT model" in summarization
    assert "Set summarization.model" in summarization
    # The Ray engine says it on the driver, which reads both specs for the fingerprint (its
    # actors read them again, silently).
    from summarize.engines.ray import RayEngine

    heard: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: heard.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("summarize").addHandler(handler)
    try:
        RayEngine(load_config(config)).fingerprint()
    finally:
        logging.getLogger("summarize").removeHandler(handler)
    assert [message.split(" is a ")[1].split(",")[0] for message in heard] == [
        "BART model",
        "MarianMT model",
    ]

    # `models list` says the same, still exit 0 (the models load); fitting models get no warning.
    cases = [
        (models.marian, families.nllb, [None, "is a NLLB-200 model, made for translation"]),
        (families.pegasus, families.t5, ["is a PEGASUS model, made for summarization", None]),
        (families.t5, families.led, [None, None]),
        (families.m2m100, models.bart, [None, None]),
    ]
    for translator, summarizer, expected in cases:
        result = CliRunner().invoke(
            app, ["models", "list", "--json", "--set", f"translation.model={translator}",
                  "--set", f"summarization.model={summarizer}"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        listed = [json.loads(line)["warning"] for line in result.stdout.splitlines()]
        assert len(listed) == len(expected) == 2
        for warning, part in zip(listed, expected, strict=True):
            assert warning is None if part is None else part in warning, listed


EXAMPLE_MODELS = {
    "nllb-200-distilled-600M.toml": ("translation", "facebook/nllb-200-distilled-600M"),
    "m2m100_418M.toml": ("translation", "facebook/m2m100_418M"),
    "opus-mt-tc-big.toml": ("translation", "Helsinki-NLP/opus-mt-tc-big-gmw-gmw"),
    "bart-large-cnn.toml": ("summarization", "facebook/bart-large-cnn"),
    "pegasus-cnn_dailymail.toml": ("summarization", "google/pegasus-cnn_dailymail"),
    "flan-t5-base.toml": ("translation", "google/flan-t5-base"),
    "led-large-16384.toml": ("summarization", "allenai/led-large-16384-arxiv"),
}


def test_every_example_config_loads(tmp_path: Path) -> None:
    assert {path.name for path in EXAMPLES.glob("*.toml")} == set(EXAMPLE_MODELS)
    for name, (task, model) in EXAMPLE_MODELS.items():
        result = CliRunner().invoke(app, ["config", "show", "--config", str(EXAMPLES / name)])
        assert result.exit_code == 0, f"{name}: {result.output}"
        assert f'model = "{model}"' in result.stdout.split(f"[{task}]", 1)[1]


def _family_paths(families: Families, models: ModelSet) -> dict[str, tuple[str, Path]]:
    return {
        "marian": ("translation", models.marian),
        "bart": ("summarization", models.bart),
        "m2m100": ("translation", families.m2m100),
        "nllb": ("translation", families.nllb),
        "mbart-50": ("translation", families.mbart50),
        "t5": ("summarization", families.t5),
        "pegasus": ("summarization", families.pegasus),
        "led": ("summarization", families.led),
        "longt5": ("summarization", families.longt5),
    }


@pytest.mark.parametrize(
    "family", ["marian", "bart", "m2m100", "nllb", "mbart-50", "t5", "pegasus", "led", "longt5"]
)
def test_a_ctranslate2_spec_reads_what_the_auto_classes_read(
    families: Families, self_contained_models: ModelSet, family: str
) -> None:
    """A CTranslate2 run reads tokenizer and config without transformers' Auto classes (their
    modules import torch): the same tokenizer class, tokens and settings as AutoTokenizer and
    AutoConfig give."""
    _assert_same_spec_both_ways(*_family_paths(families, self_contained_models)[family])


@pytest.mark.parametrize("task", ["translation", "summarization"])
def test_the_default_models_real_tokenizers_read_the_same_without_torch(
    shared_hub_models: ModelSet, task: str
) -> None:
    """The same with the real tokenizer files and generation configs of the default models."""
    path = shared_hub_models.marian if task == "translation" else shared_hub_models.bart
    _assert_same_spec_both_ways(task, path)


def _assert_same_spec_both_ways(task: str, path: Path) -> None:
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    section = TranslationSettings if task == "translation" else SummarizationSettings
    fast = resolve_spec(task, section(model=str(path), backend="ctranslate2"), Path("models"))
    full = resolve_spec(task, section(model=str(path), backend="torch"), Path("models"))
    assert type(fast.config).__name__ == "PlainConfig"  # the torch-free path was taken
    assert type(full.config).__name__ != "PlainConfig"
    reference = full.tokenizer  # AutoTokenizer's, with the source language set
    assert type(fast.tokenizer) is type(reference)
    text = "Der 1. FC Köln gewann am 3. Oktober „überraschend“ mit 2:1 – sagte Müller."
    assert fast.tokenizer(text)["input_ids"] == reference(text)["input_ids"]
    assert fast.tokenizer.all_special_tokens == reference.all_special_tokens
    assert (fast.window, fast.prefix, fast.family, fast.languages) == (
        full.window,
        full.prefix,
        full.family,
        full.languages,
    )
    assert fast.generation_config.to_dict() == full.generation_config.to_dict()
    assert fast.generation_settings == full.generation_settings
    assert fast.config.model_type == AutoConfig.from_pretrained(str(path)).model_type


def test_a_model_outside_the_known_types_takes_the_auto_classes(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """An unknown tokenizer class (or one without a generation config) is read by
    AutoTokenizer/AutoConfig as before."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    copy = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    (copy / "generation_config.json").unlink()
    spec = resolve_spec(
        "translation", TranslationSettings(model=str(copy), backend="ctranslate2"), Path("models")
    )
    assert type(spec.config).__name__ != "PlainConfig"
    assert type(spec.tokenizer) is type(AutoTokenizer.from_pretrained(str(copy)))


@pytest.mark.parametrize("task", ["translation", "summarization"])
def test_a_model_without_an_output_length_is_not_cut_at_20_tokens(
    families: Families, generate_calls: GenerateRecorder, task: str
) -> None:
    """T5 and LongT5 checkpoints name no max_length: generate() would stop every output at its
    model-agnostic 20 tokens, a silently cut translation or summary."""
    path = families.t5 if task == "translation" else families.longt5
    section = TranslationSettings if task == "translation" else SummarizationSettings
    # Random weights may end an output at once: make them run past 20 tokens.
    options = section(model=str(path), generation={"min_new_tokens": 30})
    loaded = load_model(task, options, Path("models"))  # type: ignore[arg-type]
    assert loaded.generation_settings["max_length"] == 512
    loaded.backend.generate(["Der Bürgermeister eröffnete am Montag die neue Brücke."])
    (call,) = generate_calls.calls
    assert all(len(row) > 30 for row in call.output)


@pytest.mark.parametrize(("family", "task"), [("led", "summarization"), ("longt5", "translation")])
def test_a_model_ctranslate2_cannot_convert_is_refused_before_any_article(
    families: Families, self_contained_models: ModelSet, tmp_path: Path, family: str, task: str
) -> None:
    """CTranslate2 has no converter for LED or LongT5: the run stops before any work (it
    translated every sentence first, then failed on the summarizer's conversion with the
    converter's list of 50 classes), naming the setting to change; `models list` says so too."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.engines.ray import RayEngine

    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Der Hund bellt laut im Garten.\n", encoding="utf-8")
    models = self_contained_models
    config = write_config(tmp_path / "c.toml", models.marian, models.bart)
    path = families.led if family == "led" else families.longt5
    options = [
        "--set", f"{task}.model={path}",
        "--set", "translation.backend=ctranslate2",
        "--set", "summarization.backend=ctranslate2",
    ]  # fmt: skip
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(source), "-c", str(config), "-o", str(out), *options]
    )
    assert result.exit_code == 2, result.output
    config_class = {"led": "LEDConfig", "longt5": "LongT5Config"}[family]
    assert f"cannot convert its model type ({config_class})" in result.output
    assert f"set {task}.backend = 'torch'" in result.output
    assert not out.exists()  # no sentence translated, no cache written
    assert not list(path.parent.glob(f"{path.name}.ct2-*"))

    listed = CliRunner().invoke(app, ["models", "list", "--json", "-c", str(config), *options])
    assert listed.exit_code == 1, listed.output
    rows = {row["task"]: row for row in map(json.loads, listed.stdout.splitlines())}
    assert f"set {task}.backend = 'torch'" in rows[task]["problem"]

    overrides = [option for option in options if option != "--set"]
    with pytest.raises(ConfigError, match=f"set {task}.backend = 'torch'"):
        RayEngine(load_config(config, overrides=overrides)).fingerprint()


def _build_gpt2(folder: Path) -> Path:
    """A tiny random-weight GPT-2: a decoder-only model, given as a model by mistake."""
    from transformers import GPT2Config, GPT2LMHeadModel

    vocab_size = train_bart_tokenizer(seed_texts(), folder)
    (folder / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "GPT2Tokenizer"}))
    config = GPT2Config(vocab_size=vocab_size, n_embd=32, n_layer=1, n_head=2, n_positions=256)
    GPT2LMHeadModel(config).save_pretrained(folder)
    return folder


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_a_decoder_only_model_is_refused_before_any_article(
    backend: str, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A GPT-2 folder set as a model: exit 2 before any article, one message naming it
    decoder-only and the setting to change. It failed on torch only once loaded, with a hint
    about pickle weights, and CTranslate2 converted it to disk first, then called the
    conversion damaged."""
    gpt2 = _build_gpt2(tmp_path / "models" / "gpt2")
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Der Hund bellt laut im Garten.\n", encoding="utf-8")
    models = self_contained_models
    for task, config in (
        ("translation", write_config(tmp_path / "t.toml", gpt2, models.bart)),
        ("summarization", write_config(tmp_path / "s.toml", models.marian, gpt2)),
    ):
        output = tmp_path / f"out-{task}"
        result = CliRunner().invoke(
            app, ["run", str(source), "-c", str(config), "-o", str(output), "--no-cache",
                  "--set", f"{task}.backend={backend}"],
        )  # fmt: skip
        assert result.exit_code == 2, result.output
        assert f"The {task} model at {gpt2} cannot be used" in result.output
        assert "'gpt2' is a decoder-only language model" in result.output
        assert f"Set {task}.model to one" in result.output
        assert "processing" not in result.output  # before any article
        assert not list(output.glob("*.md"))
        assert [path.name for path in gpt2.parent.iterdir()] == ["gpt2"]  # nothing converted
        listed = CliRunner().invoke(
            app,
            ["models", "list", "--json", "-c", str(config), "--set", f"{task}.backend={backend}"],
        )
        assert listed.exit_code == 1, listed.output
        problems = [json.loads(line)["problem"] for line in listed.stdout.splitlines()]
        assert sum("decoder-only" in (problem or "") for problem in problems) == 1, problems


def _build_t5_encoder(folder: Path) -> Path:
    """A T5 folder holding the encoder alone (T5EncoderModel, as a diffusion pipeline's text
    encoder is saved): a model type this tool runs, without the decoder that writes text."""
    from transformers import AutoConfig, T5EncoderModel

    build_t5(folder, texts=seed_texts())
    config = AutoConfig.from_pretrained(folder)
    for weights in folder.glob("*.safetensors"):
        weights.unlink()
    T5EncoderModel(config).save_pretrained(folder)
    return folder


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_an_encoder_only_checkpoint_is_refused_before_any_article(
    backend: str, self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """A T5EncoderModel folder set as the summarizer: exit 2 before any article, naming it
    encoder-only. It failed once the run was under way, saying its config.json did not fit its
    weights and to restore it, and `models list` called it available (exit 0)."""
    encoder = _build_t5_encoder(tmp_path / "models" / "t5-encoder")
    backend_option = ["--set", f"summarization.backend={backend}"]
    result, said, output = _run_with_summarizer(
        self_contained_models, encoder, tmp_path, *backend_option
    )
    assert result.exit_code == 2, result.output
    assert "is an encoder-only model (its config.json names T5EncoderModel)" in said
    assert "Set summarization.model to a text-to-text model" in said
    assert "restore the config.json" not in said
    assert "processing" not in result.output  # before any article
    assert not output.exists()
    assert [path.name for path in encoder.parent.iterdir()] == ["t5-encoder"]  # nothing converted
    listed = CliRunner().invoke(
        app, ["models", "list", "--json", "-c", str(tmp_path / "s.toml"), *backend_option]
    )
    assert listed.exit_code == 1, listed.output
    problems = [json.loads(line)["problem"] for line in listed.stdout.splitlines()]
    assert sum("encoder-only" in (problem or "") for problem in problems) == 1, problems


def _build_bart_classifier(folder: Path) -> Path:
    """A BART folder saved with a classifier's head (as facebook/bart-large-mnli is): its
    encoder and decoder whole, its language-model head tied to the embeddings."""
    from transformers import AutoConfig, BartForSequenceClassification

    build_bart(folder, texts=seed_texts())
    config = AutoConfig.from_pretrained(folder)
    config.num_labels = 3
    config.architectures = None  # save_pretrained names the class it saves
    for weights in folder.glob("*.safetensors"):
        weights.unlink()
    BartForSequenceClassification(config).save_pretrained(folder)
    return folder


def _build_whisper(folder: Path) -> Path:
    """A tiny random-weight Whisper: a speech-to-text model, given as a model by mistake."""
    from transformers import WhisperConfig, WhisperForConditionalGeneration

    vocab_size = train_bart_tokenizer(seed_texts(), folder)
    (folder / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "GPT2Tokenizer"}))
    config = WhisperConfig(
        vocab_size=vocab_size, d_model=32, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64,
        decoder_ffn_dim=64, pad_token_id=1, bos_token_id=0, eos_token_id=2,
        decoder_start_token_id=2,
    )  # fmt: skip
    WhisperForConditionalGeneration(config).save_pretrained(folder)
    return folder


def _build_qwen2_audio(folder: Path) -> Path:
    """A tiny random-weight Qwen2-Audio: a language model that reads audio too, listed among
    transformers' seq2seq types, though its config says it is no encoder-decoder."""
    from transformers import Qwen2AudioConfig, Qwen2AudioForConditionalGeneration

    vocab_size = train_bart_tokenizer(seed_texts(), folder)
    (folder / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "GPT2Tokenizer"}))
    audio = {"model_type": "qwen2_audio_encoder", "d_model": 32, "encoder_layers": 1,
             "encoder_attention_heads": 2, "encoder_ffn_dim": 64, "num_mel_bins": 8}  # fmt: skip
    text = {"model_type": "qwen2", "vocab_size": vocab_size, "hidden_size": 32,
            "intermediate_size": 64, "num_hidden_layers": 1, "num_attention_heads": 2,
            "num_key_value_heads": 1}  # fmt: skip
    config = Qwen2AudioConfig(
        audio_config=audio, text_config=text, audio_token_index=vocab_size + 1
    )
    Qwen2AudioForConditionalGeneration(config).save_pretrained(folder)
    return folder


def _run_with_summarizer(
    models: ModelSet, summarizer: Path, tmp_path: Path, *options: str
) -> tuple[Result, str, Path]:
    """`summarize run` of one article with ``summarizer``: the result, its output on one line
    (as a terminal of any width shows it) and the output folder."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Der Hund bellt laut im Garten.\n", encoding="utf-8")
    config = write_config(tmp_path / "s.toml", models.marian, summarizer)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(source), "-c", str(config), "-o", str(output), "--no-cache", *options]
    )
    return result, " ".join(result.output.split()), output


@pytest.mark.parametrize(
    ("build", "what_it_is"),
    [
        # bart-large-mnli: it ran, its summaries whatever the bare language model wrote, with
        # one warning saying to restore its config.json.
        (_build_bart_classifier, "is a classifier (its config.json names "
         "BartForSequenceClassification), trained to choose labels, not to write text"),
        # Whisper's decoder alone has a causal-LM class: it was called "a decoder-only language
        # model", and the user looked for the wrong mistake.
        (_build_whisper, "'whisper' is a speech-to-text model, which reads audio, not a "
         "text-to-text"),
        # Qwen2-Audio's type is among transformers' seq2seq ones, though its config is no
        # encoder-decoder: it loaded, and every article failed in generate() (its input counted
        # against max_length); with max_new_tokens the "summary" was the article's English,
        # handed back as the prompt.
        (_build_qwen2_audio, "'qwen2_audio' is a decoder-only language model, not a "
         "text-to-text"),
    ],
    ids=["classifier", "speech-to-text", "audio-language-model"],
)  # fmt: skip
def test_a_model_that_writes_no_text_from_text_is_refused_as_what_it_is(
    build: Callable[[Path], Path],
    what_it_is: str,
    self_contained_models: ModelSet,
    tmp_path: Path,
) -> None:
    """Set as the summarizer: exit 2 before any article, one message saying what the model
    is and the setting to change."""
    model = build(tmp_path / "models" / "model")
    result, said, output = _run_with_summarizer(self_contained_models, model, tmp_path)
    assert result.exit_code == 2, result.output
    assert what_it_is in said
    assert "Set summarization.model to" in said
    assert "restore the config.json" not in said
    assert "processing" not in result.output  # before any article
    assert not output.exists()


def test_a_translator_for_another_language_pair_is_warned_of(
    self_contained_models: ModelSet, tmp_path: Path
) -> None:
    """An OPUS-MT folder whose tokenizer names another pair (en-de given for de-en) still runs,
    but `models list` and the run say which pair it translates and what to set; a group code
    (a multi-target gmw model) and the de-en pair are not judged."""
    pairs = {"en-de": ("en", "de"), "de-fr": ("de", "fr"), "gmw-gmw": ("gmw", "gmw")}
    pairs |= {"de-en": ("de", "en"), "deu-eng": ("deu", "eng")}
    folders = {}
    for name, (source_lang, target_lang) in pairs.items():
        folder = tmp_path / name
        shutil.copytree(self_contained_models.marian, folder)
        tokenizer_config = json.loads((folder / "tokenizer_config.json").read_text())
        tokenizer_config |= {"source_lang": source_lang, "target_lang": target_lang}
        (folder / "tokenizer_config.json").write_text(json.dumps(tokenizer_config))
        folders[name] = folder
    warnings = {}
    for name, folder in folders.items():
        result = CliRunner().invoke(
            app, ["models", "list", "--json", "--set", f"translation.model={folder}",
                  "--set", f"summarization.model={self_contained_models.bart}"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        warnings[name] = json.loads(result.stdout.splitlines()[0])["warning"]
    assert "(MarianMT) translates en to de" in warnings["en-de"]
    assert "not German to English" in warnings["en-de"]
    assert "Set translation.model to a German-to-English model" in warnings["en-de"]
    assert "translates de to fr" in warnings["de-fr"]
    assert warnings["gmw-gmw"] is None and warnings["de-en"] is None
    assert warnings["deu-eng"] is None
    # A run says it once, and still writes the brief.
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("Der Hund bellt laut im Garten.\n", encoding="utf-8")
    config = write_config(tmp_path / "c.toml", folders["en-de"], self_contained_models.bart)
    result = CliRunner().invoke(
        app, ["run", str(source), "-c", str(config), "-o", str(tmp_path / "out"), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if " WARNING " in line] == [
        line for line in result.output.splitlines() if "translates en to de" in line
    ]
    assert result.output.count("translates en to de") == 1


@pytest.mark.parametrize(
    ("pair", "warned"),
    [
        (("deu", "spa"), "translates deu to spa"),
        (("fra", "eng"), "translates fra to eng"),
        (("deu", "nld"), "translates deu to nld"),
        (("deu", "eng"), None),
        (("ger", "eng"), None),
        (("gmw", "gmw"), None),
        (("mul", "eng"), None),
        (("deu", "zle"), None),
    ],
)
def test_a_three_letter_code_of_one_language_is_judged(
    pair: tuple[str, str], warned: str | None
) -> None:
    """OPUS-MT's tc-big models name their pair in three letters (opus-mt-tc-big-de-es: deu to
    spa): a language other than German or English was taken for a group (gmw, mul), and a
    de-es folder given for de-en wrote Spanish briefs without a word. Groups stay unjudged."""
    from types import SimpleNamespace

    from summarize.families import Family, direction_mismatch

    tokenizer: Any = SimpleNamespace(source_lang=pair[0], target_lang=pair[1])
    family = Family("marian", "MarianMT")
    warning = direction_mismatch("translation", "opus-mt-x", family, tokenizer)
    if warned is None:
        assert warning is None
    else:
        assert warning is not None and warned in warning, warning


@pytest.mark.parametrize(("langs", "warned"), [(["en", "de"], True), (["de", "en"], False)])
def test_an_fsmt_translator_for_another_pair_is_warned_of(
    tmp_path: Path, langs: list[str], warned: bool
) -> None:
    """FSMT (facebook/wmt19-en-de and its kin) names its pair src_lang / tgt_lang, not OPUS-MT's
    source_lang / target_lang: wmt19-en-de given for de-en ran without a word."""
    from transformers import FSMTConfig, FSMTTokenizer

    from summarize.families import direction_mismatch

    vocabulary = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "a</w>": 4}
    for name in ("source.json", "target.json"):
        (tmp_path / name).write_text(json.dumps(vocabulary), encoding="utf-8")
    (tmp_path / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
    tokenizer = FSMTTokenizer(
        langs=langs,
        src_vocab_file=str(tmp_path / "source.json"),
        tgt_vocab_file=str(tmp_path / "target.json"),
        merges_file=str(tmp_path / "merges.txt"),
    )
    config = FSMTConfig(langs=langs, src_vocab_size=5, tgt_vocab_size=5)
    family = detect_family(config, tokenizer)
    warning = direction_mismatch("translation", "facebook/wmt19-x", family, tokenizer)
    if warned:
        assert warning is not None and "translates en to de" in warning, warning
    else:
        assert warning is None


# A checkpoint saved before generation_config.json existed (many BART, Marian, Pegasus and mBART
# fine-tunes) keeps its generation settings in config.json.
LEGACY_OWN = {"num_beams": 4, "max_length": 142, "min_length": 56, "no_repeat_ngram_size": 3}


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_generation_settings_in_config_json_are_the_models_own(
    tmp_path: Path, backend: str
) -> None:
    """A transformers 5 config object drops them as it is built, so the run read none: torch's
    generate() took some back from the model (4 beams and min_length 56 under a user's
    max_length 40, which the record did not name), CTranslate2 ran greedy, and the two briefs
    differed. They are read from config.json as transformers' own from_pretrained reads them."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    folder = build_bart(tmp_path / "bart", texts=seed_texts())
    (folder / "generation_config.json").unlink()
    config = json.loads((folder / "config.json").read_text())
    config.pop("task_specific_params", None)
    (folder / "config.json").write_text(json.dumps({**config, **LEGACY_OWN}))
    from transformers import AutoModelForSeq2SeqLM

    transformers_own = AutoModelForSeq2SeqLM.from_pretrained(folder).generation_config
    assert {key: getattr(transformers_own, key) for key in LEGACY_OWN} == LEGACY_OWN
    settings = SummarizationSettings(model=str(folder), backend=backend)
    spec = resolve_spec("summarization", settings, tmp_path / "models")
    assert {key: spec.generation_settings.get(key) for key in LEGACY_OWN} == LEGACY_OWN


@pytest.mark.parametrize("tied_in_config_json", [False, None])
def test_a_flan_t5_conversion_scores_as_torch_does(
    tmp_path: Path, tied_in_config_json: bool | None
) -> None:
    """transformers 5 sets tie_word_embeddings on every T5-family config and keeps the decoder's
    output scaling apart (scale_decoder_outputs: off for T5 v1.1, flan-T5, whose config.json
    says tie_word_embeddings false); CTranslate2's converter scaled whenever the embeddings were
    tied, so a flan-T5 conversion computed other probabilities (other beams) than torch."""
    pytest.importorskip("ctranslate2")
    import torch

    folder = build_t5(tmp_path / "flan", texts=seed_texts())
    config_path = folder / "config.json"
    config = json.loads(config_path.read_text())
    if tied_in_config_json is False:  # as google/flan-t5-* write it
        config["tie_word_embeddings"] = False
        config.pop("scale_decoder_outputs", None)
        config_path.write_text(json.dumps(config))
    settings = {"model": str(folder), "generation": {"max_new_tokens": 8, "num_beams": 1}}
    torch_model = load_model("translation", TranslationSettings(**settings), tmp_path / "models")
    assert torch_model.backend.model.config.scale_decoder_outputs is False
    ct2_model = load_model(
        "translation", TranslationSettings(**settings, backend="ctranslate2"), tmp_path / "models"
    )
    tokenizer = torch_model.tokenizer
    source = tokenizer(torch_model.prefix + "Der Hund bellt laut im Garten.", return_tensors="pt")
    target = tokenizer(text_target="The dog barks in the garden.", return_tensors="pt").input_ids
    with torch.no_grad():
        logits = torch_model.backend.model(**source, labels=target).logits
    expected = torch.log_softmax(logits, -1).gather(-1, target[..., None])[0, :, 0].tolist()
    (scored,) = ct2_model.backend.translator.score_batch(
        [tokenizer.convert_ids_to_tokens(source.input_ids[0])],
        [tokenizer.convert_ids_to_tokens(target[0])],
    )
    # CTranslate2 scores the end token once more after the target's own </s>.
    assert scored.log_probs[: len(expected)] == pytest.approx(expected, abs=1e-3)


def test_a_decoder_that_starts_with_english_is_not_forced_english_again(tmp_path: Path) -> None:
    """An mBART (cc25) fine-tune starts its decoder with the target's code; forced again as
    mBART-50's first token, every output began with the code twice, a sequence the model was
    never trained on."""
    folder = build_mbart_cc25(tmp_path / "mbart-de-en", texts=seed_texts())
    settings = TranslationSettings(
        model=str(folder), generation={"max_new_tokens": 4, "num_beams": 1}
    )
    loaded = load_model("translation", settings, tmp_path / "models")
    english = loaded.tokenizer.convert_tokens_to_ids("en_XX")
    assert loaded.languages is not None and loaded.languages.target_token_id == english
    inputs = loaded.tokenizer(["Der Hund bellt."], return_tensors="pt")
    (row,) = loaded.backend._generate(inputs).tolist()
    assert row[0] == english and row[1] != english  # the model's own start, once


@pytest.mark.parametrize(
    ("family", "codes", "warned"),
    [
        ("nllb", ("eng_Latn", "deu_Latn"), True),  # swapped by mistake
        ("nllb", ("deu_Latn", "fra_Latn"), True),
        ("nllb", ("deu_Latn", "eng_Latn"), False),  # the family's own, spelt out
        ("m2m100", ("en", "de"), True),
        ("mbart-50", ("de_DE", "en_XX"), False),
    ],
)
def test_a_multilingual_translator_set_to_another_pair_is_warned_of(
    families: Families, tmp_path: Path, family: str, codes: tuple[str, str], warned: bool
) -> None:
    """Codes that are not the family's German and English (source_lang / target_lang swapped on
    NLLB) ran without a word and wrote the briefs in German; the OPUS-MT folder for another
    pair was already warned of."""
    source_lang, target_lang = codes
    settings = TranslationSettings(
        model=str(families.path(family)), source_lang=source_lang, target_lang=target_lang
    )
    warning = resolve_spec("translation", settings, tmp_path / "models").task_warning
    if warned:
        assert warning is not None and f"translate {source_lang} to {target_lang}" in warning
        assert "not German to English" in warning
    else:
        assert warning is None


def test_a_legacy_config_jsons_default_max_length_does_not_cut_outputs(tmp_path: Path) -> None:
    """transformers 2.x wrote every default into config.json (max_length 20), and every
    EncoderDecoder config holds its decoder's: read as the model's own, every output stopped
    at 20 tokens, where the run's own default applied before."""
    from summarize.generation import DEFAULT_MAX_LENGTH

    folder = build_bart(tmp_path / "bart", texts=seed_texts())
    (folder / "generation_config.json").unlink()
    config = json.loads((folder / "config.json").read_text())
    config.pop("task_specific_params", None)
    (folder / "config.json").write_text(json.dumps({**config, "max_length": 20, "min_length": 0}))
    spec = resolve_spec("summarization", SummarizationSettings(model=str(folder)), tmp_path / "m")
    assert spec.generation_settings["max_length"] == DEFAULT_MAX_LENGTH


def test_an_mbart_cc25_fine_tune_translates_on_ctranslate2(tmp_path: Path) -> None:
    """Its conversion has no decoder start token (CTranslate2 takes the language code as the
    target prefix): with English no longer forced, every batch raised "One input has no
    decoder start token" (a review's find)."""
    pytest.importorskip("ctranslate2")
    folder = build_mbart_cc25(tmp_path / "mbart-de-en", texts=seed_texts())
    settings = TranslationSettings(
        model=str(folder), backend="ctranslate2", generation={"max_new_tokens": 4, "num_beams": 1}
    )
    loaded = load_model("translation", settings, tmp_path / "models")
    (output,) = loaded.backend.generate(["Der Hund bellt laut im Garten."])
    assert output.tokens > 0
    assert loaded.backend.target_prefix == ["en_XX"]


@pytest.mark.parametrize(
    ("builder", "max_new_tokens"),
    [(build_mbart_cc25, 3), (build_mbart_cc25, 8), (build_mbart50, 8)],
)
def test_an_mbart_fine_tune_writes_the_same_on_both_backends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builder: Any, max_new_tokens: int
) -> None:
    """cc25: the target prefix (the language code transformers' decoder starts with) starts
    CTranslate2's decoder too, which neither returns nor counts it: stripped from the output
    anyway, it took the first word of every translation. mBART-50 without ``tokenizer_class``
    in its config was converted as cc25, its decoder started without "</s>": other text. (A
    review's find, with weights random enough that the output depends on the input; the usual
    tiny ones repeat one token.)"""
    pytest.importorskip("ctranslate2")
    monkeypatch.setitem(TINY_LAYERS, "d_model", 64)
    monkeypatch.setitem(TINY_LAYERS, "init_std", 0.3)
    folder = builder(tmp_path / "mbart-de-en", texts=seed_texts())
    sentences = [
        "Viele sind bei den Kämpfen umgekommen, sagte die Polizei am Abend.",
        "Der Kanzler sprach mit der Presse.",
    ]
    outputs = {}
    for backend in ("torch", "ctranslate2"):
        settings = TranslationSettings(
            model=str(folder),
            backend=backend,
            generation={"max_new_tokens": max_new_tokens, "num_beams": 1},
        )
        loaded = load_model("translation", settings, tmp_path / "models")
        outputs[backend] = [(out.text, out.tokens) for out in loaded.backend.generate(sentences)]
    assert len({text for text, _ in outputs["torch"]}) == 2  # the weights read the input
    assert outputs["ctranslate2"] == outputs["torch"]


def _start_decoder_with(folder: Path, token: str) -> int:
    """Make ``folder``'s model start its decoder with ``token`` (config.json and
    generation_config.json, as a fine-tune saves them); its id."""
    start = int(AutoTokenizer.from_pretrained(folder).convert_tokens_to_ids(token))
    for name in ("config.json", "generation_config.json"):
        settings = json.loads((folder / name).read_text())
        settings["decoder_start_token_id"] = start
        (folder / name).write_text(json.dumps(settings))
    return start


@pytest.mark.parametrize(
    ("task", "builder", "start"),
    [
        # mBART-50 fine-tuned to start with the target's code (as cc25 fine-tunes do)
        ("translation", build_mbart50, "en_XX"),
        # a cc25 fine-tune trained mBART-50's way: "</s>", then the forced code
        ("translation", build_mbart_cc25, "</s>"),
        ("summarization", build_pegasus, "</s>"),
    ],
)
def test_ctranslate2_starts_the_decoder_with_the_models_own_start_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, task: str, builder: Any, start: str
) -> None:
    """CTranslate2's converter starts PEGASUS's decoder with its pad token and mBART's with
    "</s>" (or, for a config without tokenizer_class, with nothing), whatever the model's
    decoder_start_token_id says: such a fine-tune wrote other text on CTranslate2 than on
    torch, unsaid. The conversion now keeps the model's own start token."""
    pytest.importorskip("ctranslate2")
    monkeypatch.setitem(TINY_LAYERS, "d_model", 64)
    monkeypatch.setitem(TINY_LAYERS, "init_std", 0.3)
    folder = builder(tmp_path / "model", texts=seed_texts())
    _start_decoder_with(folder, start)
    inputs = (
        ["Viele sind bei den Kämpfen umgekommen, sagte die Polizei am Abend.",
         "Der Kanzler sprach mit der Presse."]
        if task == "translation"
        else ["Many people died in the fighting, the police said. The chancellor spoke.",
              "The dog barked loudly in the garden while the children were playing."]
    )  # fmt: skip
    settings_of = TranslationSettings if task == "translation" else SummarizationSettings
    outputs = {}
    for backend in ("torch", "ctranslate2"):
        settings = settings_of(
            model=str(folder), backend=backend, generation={"max_new_tokens": 8, "num_beams": 1}
        )
        loaded = load_model(task, settings, tmp_path / "models")  # type: ignore[arg-type]
        outputs[backend] = [(out.text, out.tokens) for out in loaded.backend.generate(inputs)]
    assert len({text for text, _ in outputs["torch"]}) == 2  # the weights read the input
    assert outputs["ctranslate2"] == outputs["torch"]


@pytest.mark.parametrize("model_type", ["t5", "marian"])
def test_only_a_changed_conversion_is_keyed_anew(
    self_contained_models: ModelSet, tmp_path: Path, model_type: str
) -> None:
    """The T5 family's conversion changed (its output scaling): its key names the recipe, so an
    earlier conversion is not reused. A Marian model's key stays, with its conversion and the
    translations cached from it."""
    pytest.importorskip("ctranslate2")
    from summarize.backends import conversion_recipe

    if model_type == "t5":
        folder = build_t5(tmp_path / "t5", texts=seed_texts())
    else:
        folder = self_contained_models.marian
    keys = {}
    for backend in ("torch", "ctranslate2"):
        settings = TranslationSettings(model=str(folder), backend=backend)
        spec = resolve_spec("translation", settings, tmp_path / "models")
        keys[backend] = spec.weights_identity()
    recipe = conversion_recipe(spec.config)
    assert keys["ctranslate2"].get("conversion") == recipe
    assert (recipe is not None) == (model_type == "t5")
    assert "conversion" not in keys["torch"]


def test_pegasus_sentence_marks_are_no_words_of_the_summary() -> None:
    """PEGASUS fine-tuned on CNN/DailyMail writes "<n>" between sentences: it reached the
    brief as "\\<n\\>". Another family's "<n>" is its text."""
    from dataclasses import replace

    from summarize.batching import generate_texts
    from summarize.testing import EchoBackend, echo_model

    backend = EchoBackend(lambda text: "Kim sent troops.<n>Many died. <n> Seoul said so.")
    echo = echo_model("summarization", backend=backend)
    (pegasus,) = generate_texts(replace(echo, family="pegasus"), ["Text."], 4, 4096)
    assert pegasus.text == "Kim sent troops. Many died. Seoul said so."
    (bart,) = generate_texts(replace(echo, family="bart"), ["Text."], 4, 4096)
    assert bart.text == "Kim sent troops.<n>Many died. <n> Seoul said so."
