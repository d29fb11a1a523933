from __future__ import annotations

import codecs
import json
import os
import pwd
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from summarize.config import (
    Config,
    SummarizationSettings,
    TranslationSettings,
    load_config,
    parse_override,
    read_toml,
)
from summarize.digests import default_digests_file
from summarize.errors import ConfigError, ModelNotFoundError
from summarize.models import Task, resolve_model

REPO = Path(__file__).resolve().parent.parent


def test_repo_summarize_toml_equals_builtin_defaults() -> None:
    from_file = load_config(project_file=REPO / "summarize.toml")
    assert from_file == Config()
    assert from_file.translation.model == "Helsinki-NLP/opus-mt-de-en"
    assert from_file.summarization.model == "sshleifer/distilbart-cnn-12-6"


def test_a_layer_changes_only_the_keys_it_names(tmp_path: Path) -> None:
    layer = tmp_path / "mine.toml"
    layer.write_text("[translation]\nbatch_size = 3\n[translation.generation]\nnum_beams = 2\n")
    config = load_config(layer, project_file=None)
    assert config.translation.batch_size == 3
    assert config.translation.generation == {"num_beams": 2}
    assert config.translation.model == Config().translation.model
    assert config.summarization == Config().summarization


def test_later_layers_and_set_win(tmp_path: Path) -> None:
    first = tmp_path / "a.toml"
    first.write_text("[translation.generation]\nnum_beams = 2\nmax_new_tokens = 9\n")
    second = tmp_path / "b.toml"
    second.write_text("[translation.generation]\nnum_beams = 3\n")
    config = load_config(
        first,
        second,
        overrides=["translation.generation.max_new_tokens=20", "output.folder=briefs"],
        project_file=None,
    )
    assert config.translation.generation == {"num_beams": 3, "max_new_tokens": 20}
    assert config.output.folder == Path("briefs")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("translation.batch_size=8", {"translation": {"batch_size": 8}}),
        ("summarization.model=org/name", {"summarization": {"model": "org/name"}}),
        (
            "summarization.generation.length_penalty=1.5",
            {"summarization": {"generation": {"length_penalty": 1.5}}},
        ),
        ('translation.prefix="summarize: "', {"translation": {"prefix": "summarize: "}}),
        # Unquoted, as the README writes the prompt: the space before the text stays.
        (
            "translation.prefix=translate German to English: ",
            {"translation": {"prefix": "translate German to English: "}},
        ),
        ("summarization.model= org/name ", {"summarization": {"model": "org/name"}}),
        ("translation.allow_pickle=true", {"translation": {"allow_pickle": True}}),
    ],
)
def test_parse_override(text: str, expected: dict) -> None:
    assert parse_override(text) == expected


@pytest.mark.parametrize("text", ["batch_size=8", "translation.batch_size", ".x=1", "a..b=1"])
def test_malformed_override_is_rejected(text: str) -> None:
    with pytest.raises(ConfigError, match=r"section\.key=value"):
        parse_override(text)


def test_unknown_key_names_the_key_and_the_allowed_ones(tmp_path: Path) -> None:
    layer = tmp_path / "typo.toml"
    layer.write_text("[translation]\nbatchsize = 3\n")
    with pytest.raises(ConfigError) as caught:
        load_config(layer, project_file=None)
    message = str(caught.value)
    assert "translation.batchsize" in message
    assert "unknown key" in message and "batch_size" in message
    assert str(layer) in message


@pytest.mark.parametrize(
    ("override", "said"),
    [
        ('clean.disable=["tial"]', "clean.disable: unknown rule(s) tial; rules are: "),
        ('output.folder=""', "output.folder: an empty path; give a folder or file name"),
        ("ray.gpus_per_actor=1.5", "ray.gpus_per_actor: Ray reserves a fraction of one GPU"),
    ],
)
def test_a_validators_message_is_its_own_words(override: str, said: str) -> None:
    """A check of the config's own said its message after pydantic's "Value error, "
    ("clean.disable: Value error, unknown rule(s) tial"), words no other line of the message
    has, and no reader needs."""
    with pytest.raises(ConfigError) as caught:
        load_config(overrides=[override], project_file=None)
    assert said in str(caught.value)
    assert "Value error" not in str(caught.value)


def test_unknown_section_is_rejected() -> None:
    with pytest.raises(ConfigError, match=r"translator: unknown key .*translation"):
        load_config(overrides=["translator.model=x"], project_file=None)


@pytest.mark.parametrize(
    ("override", "fragment"),
    [
        ("translation.batch_size=0", "translation.batch_size"),
        ("translation.device=gpu", "translation.device"),
        ("runtime.threads=-2", "runtime.threads"),
        ("summarization.max_batch_tokens=abc", "summarization.max_batch_tokens"),
        ('translation.model=""', "translation.model"),
    ],
)
def test_bad_value_names_the_key(override: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=fragment):
        load_config(overrides=[override], project_file=None)


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[translation\nmodel=")
    with pytest.raises(ConfigError, match="not valid TOML"):
        read_toml(broken)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "absent.toml", project_file=None)
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes("[clean]\n# Café\nenabled = true\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(latin1, project_file=None)


@pytest.mark.parametrize(
    "nested",
    ["[" * 5000 + "]" * 5000, "{ a = " * 3000 + "1" + " }" * 3000],
    ids=["lists", "inline tables"],
)
def test_a_config_nested_past_the_toml_readers_depth_is_refused_with_a_message(
    tmp_path: Path, nested: str
) -> None:
    """tomllib reads nested lists and tables by recursion and raises RecursionError past
    Python's limit, no TOMLDecodeError: `config show -c deep.toml` (or any command) ended in a
    traceback of 2,984 lines, exit 1. Refused as TOML it cannot read, naming the file, as any
    broken config is; so is such a --set value."""
    deep = tmp_path / "deep.toml"
    deep.write_text(f"[translation.generation]\nsuppress_tokens = {nested}\n")
    with pytest.raises(
        ConfigError, match=r"deep\.toml: not valid TOML: lists or tables nested too deeply"
    ):
        load_config(deep, project_file=None)
    with pytest.raises(
        ConfigError, match=r"the value is not valid TOML \(lists or tables nested too deeply\)"
    ):
        load_config(
            overrides=[f"translation.generation.suppress_tokens={nested}"], project_file=None
        )


def test_a_config_saved_with_a_utf8_byte_order_mark_is_read(tmp_path: Path) -> None:
    """Notepad and PowerShell 5 write UTF-8 with a BOM: it was "not valid TOML: Invalid
    statement (at line 1, column 1)", a line that looks right."""
    with_bom = tmp_path / "notepad.toml"
    with_bom.write_bytes(b"\xef\xbb\xbf[translation]\r\nbatch_size = 8\r\n")
    assert load_config(with_bom, project_file=None).translation.batch_size == 8
    latin1 = tmp_path / "latin1.toml"  # the byte is counted in the file as it is
    latin1.write_bytes(b"\xef\xbb\xbf# Caf\xe9\n")
    with pytest.raises(ConfigError, match=r"not UTF-8 text \(byte 8\)"):
        load_config(latin1, project_file=None)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_config_saved_as_utf16_or_utf32_with_a_byte_order_mark_is_read(
    tmp_path: Path, encoding: str
) -> None:
    """PowerShell 5's `summarize config show > my.toml` writes UTF-16 with a BOM: the file
    was refused as "not valid TOML: not UTF-8 text (byte 0)", though its mark says how to
    read it."""
    config = tmp_path / "powershell.toml"
    text = '[translation]\r\nbatch_size = 8\r\nprefix = "Übersetze: "\r\n'
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    config.write_bytes(bom + text.encode(encoding))
    loaded = load_config(config, project_file=None).translation
    assert (loaded.batch_size, loaded.prefix) == (8, "Übersetze: ")
    config.write_bytes("[clean]\n".encode("utf-16") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(ConfigError, match=r"not UTF-16 text \(byte 18\); save it as UTF-8"):
        load_config(config, project_file=None)


def test_project_file_in_working_directory_is_layered(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "summarize.toml").write_text("[runtime]\nthreads = 2\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().runtime.threads == 2


def test_a_project_file_that_cannot_be_read_is_named(tmp_path: Path, monkeypatch) -> None:
    """A broken link or a folder as ./summarize.toml was passed over without a word: the run
    went on with the defaults, not the project's settings."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "summarize.toml").symlink_to(tmp_path / "moved" / "summarize.toml")
    with pytest.raises(ConfigError, match=r"summarize\.toml: a link to .*moved.*does not exist"):
        load_config()
    (tmp_path / "summarize.toml").unlink()
    (tmp_path / "summarize.toml").mkdir()
    with pytest.raises(ConfigError, match=r"summarize\.toml: cannot read: Is a directory"):
        load_config()
    (tmp_path / "summarize.toml").rmdir()
    if hasattr(os, "mkfifo"):  # a named pipe: reading it waited for a writer, for ever
        os.mkfifo(tmp_path / "summarize.toml")
        with pytest.raises(ConfigError, match=r"summarize\.toml: not a regular file"):
            load_config()
    assert load_config(project_file=None).runtime == Config().runtime


def test_model_setting_resolves_local_folders_before_hub_ids(tmp_path: Path, monkeypatch) -> None:
    models_dir = tmp_path / "models"
    (models_dir / "org" / "local-model").mkdir(parents=True)
    absolute = tmp_path / "elsewhere"
    absolute.mkdir()
    monkeypatch.chdir(tmp_path)

    in_store = resolve_model("org/local-model", models_dir, "translation")
    assert (
        in_store.is_local and Path(in_store.location) == (models_dir / "org/local-model").resolve()
    )

    direct = resolve_model(str(absolute), models_dir, "translation")
    assert direct.is_local and Path(direct.location) == absolute.resolve()

    hub = resolve_model("Helsinki-NLP/opus-mt-de-en", models_dir, "translation")
    assert not hub.is_local and hub.location == "Helsinki-NLP/opus-mt-de-en"
    assert str(models_dir / "Helsinki-NLP/opus-mt-de-en") in hub.searched


def test_a_model_path_spelt_from_the_working_directory_is_never_the_stores(
    tmp_path: Path, monkeypatch
) -> None:
    """``./mt`` found the store's ``models/mt`` first when both existed: the brief named
    ``./mt`` and was made with another model. A path spelt from here is that folder only; a
    bare name still looks in the store first."""
    models_dir = tmp_path / "models"
    (models_dir / "mt").mkdir(parents=True)
    (tmp_path / "work" / "mt").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work")
    for spelt in ("./mt", "../work/mt"):
        here = resolve_model(spelt, models_dir, "translation")
        assert Path(here.location) == (tmp_path / "work" / "mt").resolve(), spelt
    assert (
        Path(resolve_model("mt", models_dir, "translation").location)
        == (models_dir / "mt").resolve()
    )
    (tmp_path / "work" / "mt").rmdir()
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model("./mt", models_dir, "translation")


def test_missing_local_folder_is_a_model_not_found_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model(str(tmp_path / "nope"), tmp_path / "models", "translation")


@pytest.mark.parametrize("task", ["translation", "summarization"])
def test_missing_model_folder_message_names_the_setting_of_its_task(
    tmp_path: Path, task: Task
) -> None:
    """The example in the message was always --set translation.model=…, also when the
    summarization model was the one missing."""
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_model(str(tmp_path / "nope"), tmp_path / "models", task)
    message = str(caught.value)
    assert message.startswith(f"The {task} model folder"), message
    assert f"--set {task}.model=" in message, message


@pytest.mark.parametrize("setting", ["../my.toml", "my.toml"])
def test_a_model_setting_naming_a_file_says_it_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str
) -> None:
    """A config file given as the model: a path was said "does not exist", and a bare name
    went to transformers, which read the TOML as a config.json ("not a valid JSON file") and
    was reported as "no such folder"."""
    (tmp_path / "my.toml").write_text("[translation]\n", encoding="utf-8")
    work = tmp_path / "work" if setting.startswith("..") else tmp_path
    work.mkdir(exist_ok=True)
    monkeypatch.chdir(work)
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_model(setting, tmp_path / "models", "summarization")
    message = str(caught.value)
    assert "is a file" in message and "not a model folder" in message, message
    assert "does not exist" not in message and "--set summarization.model=" in message, message


def test_a_hub_model_missing_offline_is_not_said_to_have_failed_to_connect(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With HF_HUB_OFFLINE set the message said "the hub was not asked" and then, in
    transformers' words, "We couldn't connect to 'https://huggingface.co'"."""
    from summarize.models import resolve_spec

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    settings = TranslationSettings(model="nobody-here/no-such-model-for-this-test")
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_spec("translation", settings, tmp_path / "models")
    message = str(caught.value)
    assert "the hub was not asked (HF_HUB_OFFLINE is set)" in message, message
    assert "connect" not in message.lower(), message


def test_a_model_folder_linked_to_one_that_is_gone_is_said_to_be_a_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store entry (or a folder given by path) that is a link to a folder on a disk not
    mounted, or moved: the message said "looked in: models/org/mt (no such folder)", where
    the user listing the store saw it."""
    from summarize.models import resolve_spec

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    models_dir = tmp_path / "models"
    (models_dir / "org").mkdir(parents=True)
    gone = tmp_path / "unmounted" / "mt"
    (models_dir / "org" / "mt").symlink_to(gone)
    (tmp_path / "mine").symlink_to(gone)
    link = f"(a link to {gone}, which does not exist)"
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_spec("translation", TranslationSettings(model="org/mt"), models_dir)
    assert f"Looked in: {models_dir / 'org' / 'mt'} {link}, org/mt (no such folder)" in str(
        caught.value
    ), caught.value
    with pytest.raises(ModelNotFoundError) as caught:
        resolve_model(str(tmp_path / "mine"), models_dir, "translation")
    assert f"(looked in: {tmp_path / 'mine'} {link})" in str(caught.value), caught.value


def test_a_hub_model_out_of_reach_online_says_how_to_skip_the_hub(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a network (HF_HUB_OFFLINE unset) the hub's client retries for a minute or more before
    the error; the message says how to skip that. No hub is asked here: the reason is given."""
    from summarize.models import _not_found

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    source = resolve_model("org/model", tmp_path / "models", "translation")
    settings = TranslationSettings(model="org/model")
    unreached = "We couldn't connect to 'https://huggingface.co' to load the files, and ..."
    message = _not_found("translation", source, settings, unreached)
    assert "the hub (We couldn't connect" in message, message
    assert message.endswith("without a network, set HF_HUB_OFFLINE=1 so that the hub is not asked.")
    other = _not_found("translation", source, settings, "org/model is not a valid model id")
    assert "HF_HUB_OFFLINE" not in other and "the hub (org/model is not a valid" in other, other
    assert "the hub." in _not_found("translation", source, settings, ""), "an empty reason"


# generate() values that used to pass the config and fail inside generate(), after the models
# loaded and articles were translated (ZeroDivisionError, TypeError, ValueError tracebacks).
@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        (["summarization.generation.num_beams=0"], "summarization.generation.num_beams"),
        (['summarization.generation.num_beams="four"'], "summarization.generation.num_beams"),
        (["summarization.generation.num_beams=2.5"], "summarization.generation.num_beams"),
        (["translation.generation.num_beams=true"], "translation.generation.num_beams"),
        (["translation.generation.max_new_tokens=-5"], "translation.generation.max_new_tokens"),
        (
            ["summarization.generation.do_sample=true", "summarization.generation.temperature=-1"],
            "summarization.generation.temperature",
        ),
        (
            [
                "summarization.generation.num_beams=1",
                "summarization.generation.num_return_sequences=3",
            ],
            "summarization.generation.num_return_sequences",
        ),
        (
            [
                "summarization.generation.num_beams=4",
                "summarization.generation.num_return_sequences=2",
            ],
            "summarization.generation.num_return_sequences",
        ),
        (
            ["summarization.chunk_generation.num_beams=0"],
            "summarization.chunk_generation.num_beams",
        ),
        (["translation.generation.do_sample=1"], "translation.generation.do_sample"),
        (["translation.generation.top_p=1.5"], "translation.generation.top_p"),
        (["translation.generation.temperature=nan"], "translation.generation.temperature"),
        (
            ["translation.generation.no_repeat_ngram_size=-1"],
            "translation.generation.no_repeat_ngram_size",
        ),
        # transformers' own GenerationConfig validation, on the table's keys alone
        (["translation.generation.early_stopping=3"], "translation.generation.early_stopping"),
        # 1 == True passed transformers' check, but beam search asks `is True`: decoded as false
        (["translation.generation.early_stopping=1"], "translation.generation.early_stopping"),
        (["translation.generation.early_stopping=0"], "translation.generation.early_stopping"),
        (
            [
                "translation.generation.forced_eos_token_id=2",
                "translation.generation.suppress_tokens=[2]",
            ],
            "translation.generation.forced_eos_token_id",
        ),
        (["translation.generation.num_beam=2"], "translation.generation.num_beam"),
        # What the pipeline cannot honour: generate() returned an object, not the tokens, or
        # needed the tokenizer; both crashed the run with a traceback after translating.
        (
            ["translation.generation.return_dict_in_generate=true"],
            "translation.generation.return_dict_in_generate",
        ),
        (["summarization.generation.output_scores=true"], "summarization.generation.output_scores"),
        (["translation.generation.stop_strings=x"], "translation.generation.stop_strings"),
        (
            ['summarization.chunk_generation.stop_strings=["."]'],
            "summarization.chunk_generation.stop_strings",
        ),
        # max_length counts the start token: 1 failed every article inside generate()
        (["translation.generation.max_length=1"], "translation.generation.max_length"),
        # generate() stopped at the clock and returned a cut output as if it were finished.
        (["translation.generation.max_time=0.5"], "translation.generation.max_time"),
        (["summarization.chunk_generation.max_time=2"], "summarization.chunk_generation.max_time"),
        (["translation.generation.to_dict=2"], "translation.generation.to_dict"),  # a method
        # generate() features that failed on every input, after the translation
        (["translation.generation.token_healing=true"], "translation.generation.token_healing"),
        (
            ["summarization.generation.guidance_scale=1.5"],
            "summarization.generation.guidance_scale",
        ),
        (["translation.generation.is_assistant=true"], "translation.generation.is_assistant"),
        (["translation.generation.is_assistant=1"], "translation.generation.is_assistant"),
        (["translation.generation.low_memory=true"], "translation.generation.low_memory"),
        # compared with 0 when the model loads: a traceback (TypeError), exit 1
        (["translation.generation.penalty_alpha=x"], "translation.generation.penalty_alpha"),
        (["translation.generation.penalty_alpha=[1]"], "translation.generation.penalty_alpha"),
        # Token ids of the wrong shape: every article failed inside generate(), or (5.5) was
        # decoded with 5 and recorded as 5.5.
        (["translation.generation.bad_words_ids=[1, 2]"], "translation.generation.bad_words_ids"),
        # empty: generate() refused it ("has to be a non-empty list") for every sentence, each
        # batch retried in halves down to single inputs first, and every article failed
        (["translation.generation.bad_words_ids=[]"], "translation.generation.bad_words_ids"),
        (
            ['translation.generation.suppress_tokens="abc"'],
            "translation.generation.suppress_tokens",
        ),
        (
            ["summarization.generation.decoder_start_token_id=5.5"],
            "summarization.generation.decoder_start_token_id",
        ),
        (["translation.generation.pad_token_id=true"], "translation.generation.pad_token_id"),
        # one id per row of a batch: every batch of another size failed inside generate()
        (
            ["translation.generation.decoder_start_token_id=[58100]"],
            "translation.generation.decoder_start_token_id",
        ),
        # Passed, and failed every input inside generate(): ValueError, IndexError.
        (['translation.generation.sequence_bias="x"'], "translation.generation.sequence_bias"),
        (
            ["translation.generation.sequence_bias=[[5, 1.0]]"],
            "translation.generation.sequence_bias",
        ),
        (
            ["translation.generation.exponential_decay_length_penalty=[5]"],
            "translation.generation.exponential_decay_length_penalty",
        ),
        (
            ['summarization.generation.exponential_decay_length_penalty=[5, "x"]'],
            "summarization.generation.exponential_decay_length_penalty",
        ),
        (
            ['summarization.chunk_generation.cache_implementation="static"'],
            "summarization.chunk_generation.cache_implementation",
        ),
    ],
)
def test_bad_generation_value_is_a_config_error_naming_the_key(
    overrides: list[str], key: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(overrides=overrides, project_file=None)
    message = str(caught.value)
    assert f"\n  {key}: " in message, message
    assert message.count("\n") == 1, message  # one problem, one line
    assert f"--set {overrides[-1]}" in message  # the layer that broke it


@pytest.mark.parametrize("key", ["epsilon_cutoff", "eta_cutoff"])
def test_a_sampling_cutoff_inside_its_range_is_taken_and_one_outside_refused(key: str) -> None:
    """The range [0, 1) was checked upside down: 3e-4 (the value the paper suggests) was refused
    as "must be a number in [0, 1) (got 0.0003)", and 1.5 passed."""
    sampling = "translation.generation.do_sample=true"
    for value in (0.0003, 0.5):
        config = load_config(
            overrides=[sampling, f"translation.generation.{key}={value}"], project_file=None
        )
        assert config.translation.generation[key] == value
    for value in (1.0, 1.5):
        with pytest.raises(ConfigError, match=rf"translation\.generation\.{key}: must be"):
            load_config(
                overrides=[sampling, f"translation.generation.{key}={value}"], project_file=None
            )


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("num_beam", "num_beams"),
        ("max_new_token", "max_new_tokens"),
        ("lenght_penalty", "length_penalty"),
    ],
)
def test_a_misspelt_generation_setting_names_the_one_meant(typo: str, meant: str) -> None:
    """A [*.generation] table takes some seventy keys, too many to list: the message named the
    typo and five examples, and one had to find the setting meant in transformers' docs."""
    with pytest.raises(
        ConfigError, match=rf"{typo}: unknown generate\(\) setting \(did you mean {meant}\?\)"
    ):
        load_config(overrides=[f"summarization.generation.{typo}=2"], project_file=None)


@pytest.mark.parametrize(
    ("override", "setting"),
    [
        ("translation.generation.src_lang=deu_Latn", "translation.source_lang"),
        ("translation.generation.tgt_lang=eng_Latn", "translation.target_lang"),
        ("translation.generation.target_lang=eng_Latn", "translation.target_lang"),
        ("translation.generation.forced_bos_token_id=eng_Latn", "translation.target_lang"),
        ("summarization.generation.src_lang=en_XX", "summarization.source_lang"),
    ],
)
def test_language_codes_in_a_generation_table_name_the_sections_setting(
    override: str, setting: str
) -> None:
    """transformers' own NLLB and M2M100 examples pass src_lang / tgt_lang and
    forced_bos_token_id = the target's token: written into [translation.generation] so, the
    message named generate()'s fields, or wanted an integer, not the setting that takes the
    code."""
    with pytest.raises(ConfigError) as refused:
        load_config(overrides=[override], project_file=None)
    assert f"{setting} = " in str(refused.value)


@pytest.mark.parametrize(
    ("override", "key"),
    [
        # TOML has types: pydantic's lax mode turned these into other values without a word
        ("translation.batch_size=true", "translation.batch_size"),  # was 1
        ('translation.batch_size="8"', "translation.batch_size"),
        ("summarization.max_batch_tokens=4096.0", "summarization.max_batch_tokens"),
        ("input.max_bytes=1e6", "input.max_bytes"),
        ('clean.enabled="no"', "clean.enabled"),  # was false
        ("clean.enabled=no", "clean.enabled"),  # a bare word is the string "no"
        ("runtime.cache=0", "runtime.cache"),  # was false
        ('translation.allow_pickle="yes"', "translation.allow_pickle"),  # was true
        ('input.force_language="false"', "input.force_language"),
        ('clean.threshold="0.5"', "clean.threshold"),
        ("runtime.workers=true", "runtime.workers"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_not_converted(override: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(overrides=[override], project_file=None)
    message = str(caught.value)
    assert f"\n  {key}: " in message, message
    assert message.count("\n") == 1, message


@pytest.mark.parametrize("value", ["nan", "-nan"])
def test_a_threshold_that_is_no_number_is_said_to_be_none(value: str) -> None:
    """clean.threshold = nan was refused as "Input should be less than 1 (got nan)"."""
    with pytest.raises(ConfigError, match=r"clean\.threshold: Input should be a finite number"):
        load_config(overrides=[f"clean.threshold={value}"], project_file=None)


# The settings that hold a path.
_PATH_KEYS = [
    "output.folder",
    "runtime.models_dir",
    "runtime.cache_dir",
    "runtime.model_digests",
    "clean.model",
]


@pytest.mark.parametrize("key", _PATH_KEYS)
@pytest.mark.parametrize("value", ['""', '" "'])
def test_an_empty_path_is_refused_not_read_as_the_working_directory(key: str, value: str) -> None:
    """Path("") is "." (an unset shell variable in --set output.folder="$OUT" put briefs,
    index and lock into the working directory)."""
    with pytest.raises(ConfigError, match=rf"\n  {key}: .*an empty path"):
        load_config(overrides=[f"{key}={value}"], project_file=None)
    if key != "clean.model":  # a file to read, not a folder to use
        section, name = key.split(".")
        here = load_config(overrides=[f'{key}="."'], project_file=None)
        assert getattr(getattr(here, section), name) == Path(".")  # said so, it is fine


@pytest.mark.parametrize("key", _PATH_KEYS)
def test_a_path_holding_a_nul_character_is_a_config_error(key: str) -> None:
    """No file system takes a NUL ("\\u0000" in a TOML string): the run ended with a traceback
    (ValueError: embedded null byte) when it first made the folder, exit 1."""
    with pytest.raises(ConfigError, match=rf"\n  {key}: .*NUL character"):
        load_config(overrides=[f'{key}="briefs\\u0000x"'], project_file=None)


@pytest.mark.parametrize(
    "key", ["output.folder", "runtime.models_dir", "runtime.cache_dir", "runtime.model_digests"]
)
def test_a_path_that_starts_with_a_tilde_is_in_the_home_folder(
    key: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No shell reads a TOML file's paths: output.folder = "~/briefs" wrote the briefs into a
    folder named "~" in the working directory (the cache, expanded, into the real one), and
    runtime.models_dir = "~/models" found no model there."""
    monkeypatch.setenv("HOME", str(tmp_path))
    section, name = key.split(".")
    config = load_config(overrides=[f'{key}="~/briefs"'], project_file=None)
    assert getattr(getattr(config, section), name) == tmp_path / "briefs"
    with pytest.raises(ConfigError, match=rf"\n  {key}: .*cannot tell whose home"):
        load_config(overrides=[f'{key}="~no-such-user-here/briefs"'], project_file=None)


def test_a_model_folder_spelt_with_a_tilde_after_dot_slash_is_a_folder_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """translation.model = "./~name" is the folder "~name" here, as the config's other paths
    read it: Path("./~name").expanduser() looked in the home folder of the user 'name'."""
    user = pwd.getpwuid(os.getuid()).pw_name  # a user whose home folder is known
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"~{user}" / "mt").mkdir(parents=True)
    found = resolve_model(f"./~{user}/mt", tmp_path / "models", "translation")
    assert found.is_local and Path(found.location) == (tmp_path / f"~{user}" / "mt").resolve()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "mt").mkdir(parents=True)
    found = resolve_model("~/mt", tmp_path / "models", "translation")
    assert Path(found.location) == (tmp_path / "home" / "mt").resolve()


@pytest.mark.parametrize(
    "key", ["output.folder", "runtime.models_dir", "runtime.cache_dir", "runtime.model_digests"]
)
def test_a_tilde_after_dot_slash_is_a_name_here_not_a_home_folder(key: str) -> None:
    """A shell reads "./~backup" as the folder "~backup" here; Path() drops the "./", and the
    config read it as the home of the user 'backup' (/var/backups on Debian), where the briefs
    went. ``config show`` writes it so that it reads back the same."""
    user = pwd.getpwuid(os.getuid()).pw_name  # a user whose home folder is known
    section, name = key.split(".")
    config = load_config(overrides=[f'{key}="./~{user}/briefs"'], project_file=None)
    assert getattr(getattr(config, section), name) == Path(f"~{user}") / "briefs"
    shown_again = tomllib.loads(config.to_toml())[section][name]
    again = load_config(overrides=[f"{key}={json.dumps(shown_again)}"], project_file=None)
    assert getattr(getattr(again, section), name) == Path(f"~{user}") / "briefs"


@pytest.mark.parametrize(
    "key", ["output.folder", "runtime.models_dir", "runtime.cache_dir", "runtime.model_digests"]
)
def test_a_config_validated_from_its_dump_is_the_same_config(key: str) -> None:
    """Config.model_validate(config.model_dump()), a config changed in code, read the Path
    "~backup" that "./~backup" is as the home of the user 'backup' (/var/backups): the briefs
    went there. A Path is taken as it is; text still has its leading ~ read."""
    user = pwd.getpwuid(os.getuid()).pw_name  # a user whose home folder is known
    section, name = key.split(".")
    config = load_config(overrides=[f'{key}="./~{user}/briefs"'], project_file=None)
    assert Config.model_validate(config.model_dump()) == config
    home = Config.model_validate({section: {name: f"~{user}/briefs"}})
    assert getattr(getattr(home, section), name) == Path(f"~{user}").expanduser() / "briefs"


def test_a_settings_copy_checks_the_values_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sections are frozen: code changes a setting with model_copy(update=...), which
    pydantic does not check. batch_size = 0 failed mid-run (ZeroDivisionError, after the models
    had loaded), a folder given as text with "'str' object has no attribute 'is_dir'", and a
    misspelt key was ignored."""
    monkeypatch.setenv("HOME", str(tmp_path))
    config = load_config(project_file=None)
    with pytest.raises(ValidationError, match="batch_size"):
        config.translation.model_copy(update={"batch_size": 0})
    with pytest.raises(ValidationError, match="batchsize"):
        config.translation.model_copy(update={"batchsize": 8})
    with pytest.raises(ValidationError, match="num_beams"):
        config.summarization.model_copy(update={"generation": {"num_beams": 0}})
    with pytest.raises(ValidationError, match="articles_per_batch"):
        config.runtime.model_copy(update={"articles_per_batch": 0})
    assert config.output.model_copy(update={"folder": "~/briefs"}).folder == tmp_path / "briefs"
    translation = config.translation.model_copy(update={"batch_size": 8})
    changed = config.model_copy(update={"translation": translation})
    assert changed.translation.batch_size == 8
    assert changed.model_copy() == changed


def test_a_config_file_given_to_load_config_as_text_may_start_with_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_config("~/my.toml") was "config file not found: ~/my.toml", where the command line's
    --config=~/my.toml and run("~/articles") read the home folder; a list of files or None was
    "expected str, bytes or os.PathLike object, not list"."""
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "my.toml").write_text("[translation]\nbatch_size = 8\n", encoding="utf-8")
    assert load_config("~/my.toml", project_file=None).translation.batch_size == 8
    assert load_config(project_file="~/my.toml").translation.batch_size == 8
    for wrong in (["~/my.toml"], None):
        with pytest.raises(TypeError, match=r"each config file as an argument of its own"):
            load_config(wrong, project_file=None)  # type: ignore[arg-type]
    # as --config "" is refused: it read the folder "." ("cannot read: Is a directory")
    with pytest.raises(ConfigError, match=r"^an empty path \(''\); give a TOML file's name"):
        load_config("", project_file=None)
    with pytest.raises(ConfigError, match=r"^an empty path"):
        load_config(project_file=" ")


def test_the_cache_and_the_digests_of_a_dot_slash_tilde_path_stay_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """output.folder = "./~backup" put the briefs into the folder "~backup" here, but the
    translation cache inside it into the home of the user 'backup' (/var/backups/.summarize-cache),
    and runtime.model_digests = "./~backup/d.json" was written there too: each read the ~ again."""
    from summarize import digests
    from summarize.engines.local import translation_cache_folder

    user = pwd.getpwuid(os.getuid()).pw_name  # a user whose home folder is known
    config = load_config(
        overrides=[
            f'output.folder="./~{user}/briefs"',
            f'runtime.model_digests="./~{user}/digests.json"',
        ],
        project_file=None,
    )
    assert translation_cache_folder(config) == Path(f"~{user}", "briefs", ".summarize-cache")
    written: list[Path] = []  # where the digests went (not written: the home is not the test's)
    monkeypatch.setattr(digests, "_write_digests", lambda path, _known: written.append(path))
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    digests.folder_digest(model, config.runtime.model_digests)
    assert written == [Path(f"~{user}", "digests.json")]


def test_min_new_tokens_over_max_length_less_its_start_token_is_refused() -> None:
    """max_length counts the decoder's start token, min_new_tokens not: min_new_tokens = 30
    beside max_length = 30 passed, and generate() warned "Unfeasible length constraints" past
    --quiet on every batch and stopped every output at the maximum."""
    table = "summarization.generation"
    with pytest.raises(ConfigError) as caught:
        load_config(overrides=[f"{table}.max_length=30", f"{table}.min_new_tokens=30"])
    message = str(caught.value)
    assert f"{table}.min_new_tokens: must not exceed max_length - 1 (29: max_length" in message
    load_config(overrides=[f"{table}.max_length=30", f"{table}.min_new_tokens=29"])


def test_paths_and_whole_numbers_for_floats_are_still_read(tmp_path: Path) -> None:
    layer = tmp_path / "layer.toml"
    layer.write_text(
        '[runtime]\nmodels_dir = "store"\ncache_dir = "cache"\n'
        '[output]\nfolder = "briefs"\n[ray]\ngpus_per_actor = 1\nno_progress_timeout_s = 60\n'
    )
    config = load_config(layer, project_file=None)
    assert config.runtime.models_dir == Path("store")
    assert config.runtime.cache_dir == Path("cache")
    assert config.output.folder == Path("briefs")
    assert config.ray.gpus_per_actor == 1.0 and isinstance(config.ray.gpus_per_actor, float)
    assert config.ray.no_progress_timeout_s == 60.0


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        (["min_length=31", "max_length=30"], "min_length"),
        (["max_new_tokens=5", "min_new_tokens=6"], "min_new_tokens"),
    ],
)
@pytest.mark.parametrize("table", ["translation.generation", "summarization.chunk_generation"])
def test_a_minimum_length_over_the_maximum_of_its_table_is_refused(
    overrides: list[str], key: str, table: str
) -> None:
    """generate() only warned (a UserWarning, past --quiet) and stopped at the maximum."""
    with pytest.raises(ConfigError) as caught:
        load_config(overrides=[f"{table}.{item}" for item in overrides], project_file=None)
    message = str(caught.value)
    assert f"\n  {table}.{key}: must not exceed max_" in message, message
    assert f"(--set {table}.{overrides[-1]})" in message  # the layer that set the pair last
    assert message.count("\n") == 1, message
    equal = [f"{table}.{item.split('=')[0]}=30" for item in overrides]
    load_config(overrides=equal, project_file=None)  # as long as allowed: fine


def test_lengths_are_compared_once_every_layer_is_merged(tmp_path: Path) -> None:
    """A layer may raise the minimum before the next raises the maximum."""
    layer = tmp_path / "layer.toml"
    layer.write_text("[summarization.generation]\nmax_length = 24\nmin_length = 4\n")
    table = "summarization.generation"
    raised = [f"{table}.min_length=1030", f"{table}.max_length=1040"]
    config = load_config(layer, overrides=raised, project_file=None)
    assert config.summarization.generation == {"max_length": 1040, "min_length": 1030}
    with pytest.raises(ConfigError, match=rf"\(--set {table}\.min_length=1030\)"):
        load_config(layer, overrides=[raised[0], "clean.enabled=true"], project_file=None)
    # a later layer that unsets a whole table is no layer that set the pair
    chunks = tmp_path / "chunks.toml"
    chunks.write_text("[summarization.chunk_generation]\nmax_length = 8\nmin_length = 9\n")
    with pytest.raises(ConfigError, match=r"\(.*chunks\.toml\):\n  summarization\.chunk_gen"):
        load_config(chunks, overrides=[f"{table}="], project_file=None)


@pytest.mark.parametrize("table", ["translation.generation", "summarization.chunk_generation"])
def test_a_length_set_in_one_form_replaces_a_lower_layers_other_form(
    tmp_path: Path, table: str
) -> None:
    """--set max_length=60 over a file's max_new_tokens = 100 kept both, and generate() let
    max_new_tokens win: the setting on the command line was silently ignored. As over the
    model's own settings, the form set last replaces the other (each --set is a layer); a layer
    that sets both keeps both."""
    section, name = table.split(".")
    layer = tmp_path / "layer.toml"
    layer.write_text(f"[{table}]\nmax_new_tokens = 100\nmin_length = 5\nnum_beams = 2\n")

    def merged(*overrides: str) -> dict[str, Any]:
        config = load_config(layer, overrides=[f"{table}.{o}" for o in overrides],
                             project_file=None)  # fmt: skip
        return getattr(getattr(config, section), name)

    assert merged("max_length=60", "min_new_tokens=3") == {
        "max_length": 60, "min_new_tokens": 3, "num_beams": 2
    }  # fmt: skip
    assert merged("max_length=60", "max_new_tokens=50") == {
        "max_new_tokens": 50, "min_length": 5, "num_beams": 2
    }  # fmt: skip
    assert merged("max_length=") == {"max_new_tokens": 100, "min_length": 5, "num_beams": 2}
    layer.write_text(f"[{table}]\nmax_new_tokens = 100\nmax_length = 60\n")  # both: both stay
    assert merged() == {"max_new_tokens": 100, "max_length": 60}


def test_a_layer_that_sets_a_length_in_both_summarization_tables_replaces_both(
    tmp_path: Path,
) -> None:
    """The second table's replacement was built on the layer as read, dropping the first's: a
    file setting max_length in [summarization.generation] and [summarization.chunk_generation]
    kept the lower layer's generation max_new_tokens, which generate() let win."""
    low, high = tmp_path / "low.toml", tmp_path / "high.toml"
    low.write_text(
        "[summarization.generation]\nmax_new_tokens = 100\nmin_length = 5\n"
        "[summarization.chunk_generation]\nmax_new_tokens = 50\n"
    )
    high.write_text(
        "[summarization.generation]\nmax_length = 60\nmin_new_tokens = 3\n"
        "[summarization.chunk_generation]\nmax_length = 30\n"
    )
    config = load_config(low, high, project_file=None)
    assert config.summarization.generation == {"max_length": 60, "min_new_tokens": 3}
    assert config.summarization.chunk_generation == {"max_length": 30}


def _translation_built(table: dict[str, Any]) -> Config:
    return Config(translation=TranslationSettings(generation=table["generation"]))


@pytest.mark.parametrize(
    ("build", "name"),
    [
        (lambda table: Config(summarization=SummarizationSettings(**table)), "generation"),
        (lambda table: Config(summarization=SummarizationSettings(**table)), "chunk_generation"),
        (lambda table: Config.model_validate({"summarization": table}), "chunk_generation"),
        (_translation_built, "generation"),
    ],
)
def test_a_config_built_in_code_refuses_a_minimum_over_its_maximum(build, name: str) -> None:
    """load_config alone compared them: a Config built in code ran with min_length = 50 and
    max_length = 10, and generate() stopped at the maximum with only a UserWarning."""
    with pytest.raises(ValidationError, match=r"min_length = 50 must not exceed max_length \(10\)"):
        build({"generation": {}, name: {"min_length": 50, "max_length": 10}})
    build({"generation": {}, name: {"min_length": 10, "max_length": 10}})  # as long: fine


def test_ray_actor_ranges_are_compared_once_every_layer_is_merged(tmp_path: Path) -> None:
    """Scaling down with --set max=2 --set min=2 over a file of min 6, max 8 was refused at the
    first --set (min 6 over max 2), though the layers together are a valid range."""
    cluster = tmp_path / "cluster.toml"
    cluster.write_text("[ray]\ntranslation_min_actors = 6\ntranslation_max_actors = 8\n")
    lower = ["ray.translation_max_actors=2", "ray.translation_min_actors=2"]
    config = load_config(cluster, overrides=lower, project_file=None)
    assert (config.ray.translation_min_actors, config.ray.translation_max_actors) == (2, 2)
    raised = ["ray.summarization_min_actors=6", "ray.summarization_max_actors=8"]
    assert load_config(overrides=raised, project_file=None).ray.summarization_min_actors == 6
    # still refused when the layers together are not a range, naming the last layer to set one
    with pytest.raises(ConfigError, match=r"\(--set ray\.translation_max_actors=2\):\n  ray: "):
        load_config(cluster, overrides=[lower[0], "clean.enabled=true"], project_file=None)
    # ... that set this task's range: a later layer that set the other task's is not blamed
    broken = tmp_path / "broken.toml"
    broken.write_text("[ray]\ntranslation_min_actors = 4\ntranslation_max_actors = 2\n")
    with pytest.raises(ConfigError, match=r"\(.*broken\.toml\):\n  ray: .*translation_min"):
        load_config(broken, overrides=["ray.summarization_max_actors=8"], project_file=None)


@pytest.mark.parametrize(
    ("override", "quoted"),
    [
        ("output.folder=2024-05-01", "--set 'output.folder=\"2024-05-01\"'"),
        ("runtime.cache_dir = 2024", "--set 'runtime.cache_dir=\"2024\"'"),
        ("translation.revision=2024", "--set 'translation.revision=\"2024\"'"),
    ],
)
def test_text_that_toml_reads_as_a_date_or_number_says_how_to_quote_it(
    override: str, quoted: str
) -> None:
    """A daily folder set as --set output.folder=2024-05-01 is a TOML date: the message said
    "Input is not a valid path for <class 'pathlib.Path'>" and not how to give the text."""
    with pytest.raises(ConfigError, match="quote it to give text") as caught:
        load_config(overrides=[override], project_file=None)
    assert quoted in str(caught.value)
    text = quoted.removeprefix("--set ").strip("'")
    load_config(overrides=[text], project_file=None)  # as the message says: fine
    with pytest.raises(ConfigError) as caught:  # a number for a number key: no such advice
        load_config(overrides=["translation.batch_size=x"], project_file=None)
    assert "quote" not in str(caught.value)


@pytest.mark.parametrize(
    "override", ["clean.disable=tail", "clean.disable=[tail, classifier]", "clean.disable=tail,x"]
)
def test_a_list_typed_as_text_on_the_command_line_says_how_to_write_it(override: str) -> None:
    """``--set clean.disable=[tail]`` (a bare word in brackets is no TOML) is text: the message
    said "Input should be a valid list" of what the user had typed as one, and not how."""
    with pytest.raises(
        ConfigError, match="a list is in brackets and each text in quotes"
    ) as caught:
        load_config(overrides=[override], project_file=None)
    suggested = re.search(r"\(--set '(.+?)'\)", str(caught.value))
    assert suggested is not None, str(caught.value)
    words = re.split(r"[\s,]+", override.partition("=")[2].strip("[]"))
    assert suggested.group(1) == f"clean.disable={json.dumps(words)}"
    try:  # as the message says: a list, refused (if at all) for its rule names alone
        load_config(overrides=[suggested.group(1)], project_file=None)
    except ConfigError as error:
        assert "unknown rule(s) x" in str(error)


def test_a_key_under_one_that_takes_a_value_is_not_told_to_quote() -> None:
    """``--set translation.model.x=1`` was told to quote its value, and the quoted command
    failed the same way (the hint growing each time): the key has no keys under it."""
    with pytest.raises(ConfigError) as caught:
        load_config(overrides=["translation.model.x=1"], project_file=None)
    message = str(caught.value)
    assert "quote" not in message
    assert "translation.model takes a value, not keys under it" in message


def test_generation_checks_without_the_library_still_catch_bad_values() -> None:
    # `summarize inspect` loads no model library: type and range checks still apply.
    with pytest.raises(ConfigError, match=r"translation\.generation\.num_beams: must be"):
        load_config(
            overrides=["translation.generation.num_beams=0"],
            project_file=None,
            library_checks=False,
        )
    config = load_config(
        overrides=["translation.generation.num_beam=2"], project_file=None, library_checks=False
    )
    assert config.translation.generation == {"num_beam": 2}  # the run refuses it, at load


def test_float_only_generation_values_are_given_as_floats() -> None:
    # TOML's `temperature = 2` is an int, which transformers' temperature warper refuses.
    config = load_config(
        overrides=[
            "summarization.generation.do_sample=true",
            "summarization.generation.temperature=2",
            "translation.generation.repetition_penalty=1",
        ],
        project_file=None,
    )
    assert config.summarization.generation["temperature"] == 2.0
    assert isinstance(config.summarization.generation["temperature"], float)
    assert isinstance(config.translation.generation["repetition_penalty"], float)


def _readme_toml_blocks() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [block.split("```", 1)[0] for block in text.split("```toml\n")[1:]]


@pytest.mark.parametrize(
    "overrides",
    [
        ["summarization.generation.num_beams=2"],  # README
        ["summarization.chunk_generation.max_length=80"],  # README
        ["summarization.generation.length_penalty=1.5"],  # beams from the model's own settings
        ["summarization.generation.num_beams=1"],  # greedy, whatever the model's beams
        ["summarization.generation.temperature=0.7"],  # sampling may be the model's own
        ['translation.generation.early_stopping="never"', "translation.generation.top_k=0"],
        [  # benchmarks/speed.py, scale.py
            "translation.generation.min_new_tokens=20",
            "translation.generation.max_new_tokens=20",
            "summarization.generation.min_new_tokens=60",
            "summarization.generation.max_new_tokens=60",
        ],
    ],
)
def test_valid_generation_settings_load(overrides: list[str]) -> None:
    load_config(overrides=overrides, project_file=None)


def test_readme_and_repo_generation_tables_load(tmp_path: Path) -> None:
    blocks = _readme_toml_blocks()
    assert blocks and any("generation]" in block for block in blocks)
    for number, block in enumerate(blocks):
        layer = tmp_path / f"readme{number}.toml"
        layer.write_text(block, encoding="utf-8")
        load_config(layer, project_file=REPO / "summarize.toml")


def test_the_shared_hub_models_own_generation_settings_pass_as_tables() -> None:
    """Real models' generation_config.json values, given as a [*.generation] table."""
    from conftest import SHARED_HUB, require_shared_hub

    require_shared_hub()
    files = sorted(SHARED_HUB.glob("*/generation_config.json"))
    assert files
    for path in files:
        table = {
            key: value
            for key, value in json.loads(path.read_text(encoding="utf-8")).items()
            if not key.startswith("_") and key != "transformers_version"
        }
        for section in (TranslationSettings, SummarizationSettings):
            assert section(generation=table).generation == table, path
        assert SummarizationSettings(chunk_generation=table).chunk_generation == table


def test_an_empty_set_value_unsets_the_key_back_to_its_default(tmp_path: Path) -> None:
    layer = tmp_path / "layer.toml"
    layer.write_text(
        "[clean]\nthreshold = 0.8\n[summarization.generation]\nnum_beams = 2\nmin_length = 5\n"
    )
    config = load_config(layer, project_file=None)
    assert config.clean.threshold == 0.8
    unset = load_config(
        layer,
        overrides=["clean.threshold=", "summarization.generation.num_beams="],
        project_file=None,
    )
    assert unset.clean.threshold == load_config(project_file=None).clean.threshold
    # only the named generation key goes: the rest of the table stays
    assert unset.summarization.generation == {"min_length": 5}
    # a key no layer set is left as it is
    alone = load_config(overrides=["summarization.generation.num_beams="], project_file=None)
    assert alone.summarization.generation == {}


def test_unsetting_an_unknown_key_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"clean\.treshold: unknown key"):
        load_config(overrides=["clean.treshold="], project_file=None)
    with pytest.raises(ConfigError, match=r"nosuch: unknown key"):
        parse_override("nosuch.key=")


def test_a_misspelt_key_is_named_with_the_key_it_is_closest_to(tmp_path: Path) -> None:
    """As a misspelt generate() keyword is: a section's keys were only listed, and the one meant
    ("model_dir" for models_dir, among ten) was left to be found in the list."""
    layer = tmp_path / "mine.toml"
    layer.write_text('[runtime]\nmodel_dir = "m"\n[translaton]\nbatch_size = 3\n')
    with pytest.raises(ConfigError) as raised:
        load_config(layer, project_file=None)
    assert "runtime.model_dir: unknown key (did you mean models_dir?" in str(raised.value)
    with pytest.raises(ConfigError, match=r"clean\.treshold: unknown key \(did you mean threshold"):
        load_config(overrides=["clean.treshold="], project_file=None)
    with pytest.raises(ConfigError) as raised:
        load_config(overrides=["clean.zzz=1"], project_file=None)
    assert "did you mean" not in str(raised.value)  # nothing close: the list alone


def test_a_key_in_the_wrong_section_is_named_with_the_section_it_belongs_in(
    tmp_path: Path,
) -> None:
    """A generate() keyword straight under [summarization], or [runtime] batch_size: the message
    listed the section's keys alone, none of them the one meant."""
    layer = tmp_path / "mine.toml"
    layer.write_text("[summarization]\nmax_length = 80\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(layer, project_file=None)
    assert "(did you mean summarization.generation.max_length?" in str(raised.value)
    for assignment, meant in (
        ("runtime.batch_size=8", "translation.batch_size or summarization.batch_size"),
        ("runtime.folder=briefs", "output.folder"),
        ("translation.num_beams=", "translation.generation.num_beams"),  # unset too
    ):
        with pytest.raises(ConfigError) as raised:
            load_config(overrides=[assignment], project_file=None)
        assert f"(did you mean {meant}?" in str(raised.value), assignment


def test_a_generate_keyword_under_a_section_of_no_model_is_named_with_both_models_tables(
    tmp_path: Path,
) -> None:
    """`--set runtime.num_beams=2` listed [runtime]'s keys alone, where the same key under
    [summarization] was named with summarization.generation.num_beams."""
    both = "did you mean translation.generation.num_beams or summarization.generation.num_beams?"
    layer = tmp_path / "mine.toml"
    layer.write_text("[runtime]\nnum_beams = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(layer, project_file=None)
    assert f"runtime.num_beams: unknown key ({both}" in str(raised.value)
    with pytest.raises(ConfigError) as raised:
        load_config(overrides=["output.num_beams=2"], project_file=None)
    assert f"output.num_beams: unknown key ({both}" in str(raised.value)
    with pytest.raises(ConfigError) as raised:  # a closer key of the section's own comes first
        load_config(overrides=["runtime.thread=2"], project_file=None)
    assert "(did you mean threads?" in str(raised.value)


def test_a_config_setting_under_a_generation_table_is_named_with_where_it_belongs(
    tmp_path: Path,
) -> None:
    """The reverse of a generate() keyword under [summarization]: `max_input_tokens` under
    [translation.generation] was answered "did you mean max_new_tokens?", the output's length
    for the input's window, and `batch_size` or `max_reduce_rounds` there got no hint at all."""
    layer = tmp_path / "mine.toml"
    layer.write_text("[summarization.generation]\nmax_reduce_rounds = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(layer, project_file=None)
    assert str(raised.value).endswith(
        "summarization.generation.max_reduce_rounds: not a generate() setting; did you mean "
        "summarization.max_reduce_rounds?"
    )
    for assignment, meant in (
        ("translation.generation.max_input_tokens=256", "translation.max_input_tokens"),
        ("summarization.chunk_generation.batch_size=2", "summarization.batch_size"),
        ("translation.generation.max_reduce_rounds=2", "summarization.max_reduce_rounds"),
        ("translation.generation.threads=2", "runtime.threads"),
        ("translation.generation.max_input_tokens=", "translation.max_input_tokens"),  # unset
    ):
        with pytest.raises(ConfigError) as raised:
            load_config(overrides=[assignment], project_file=None)
        assert f"; did you mean {meant}?" in str(raised.value), assignment
        assert "max_new_tokens?" not in str(raised.value), assignment


def test_an_empty_ray_address_is_refused() -> None:
    """``ray_address = ""`` (an unset variable in a script's --set) passed, no probe read it,
    and Ray refused it only when it was joined, after every input had been read."""
    for value in ('""', '"  "'):
        with pytest.raises(ConfigError, match=r"runtime\.ray_address: .*an empty address"):
            load_config(overrides=[f"runtime.ray_address={value}"], project_file=None)
    assert load_config(overrides=["runtime.ray_address=auto"], project_file=None).runtime


def test_unsetting_an_unknown_generate_setting_is_refused(tmp_path: Path) -> None:
    """A misspelt generate() keyword unset on the command line removed nothing: the file's
    num_beams stayed, exit 0, as if the line had done what it said."""
    layer = tmp_path / "mine.toml"
    layer.write_text("[summarization.generation]\nnum_beams = 2\n")
    for table in ("summarization.generation", "summarization.chunk_generation"):
        with pytest.raises(ConfigError, match=rf"{table}\.num_beam: .*did you mean num_beams"):
            load_config(layer, overrides=[f"{table}.num_beam="], project_file=None)
    unset = load_config(
        layer,
        overrides=["summarization.generation.num_beams=", "translation.generation.max_length="],
        project_file=None,
    )
    assert unset.summarization.generation == {}


def test_a_config_files_path_is_named_on_one_line(tmp_path: Path) -> None:
    """A config path holding a newline or an escape sequence was printed raw: a message over
    two lines, or a terminal acting on the escape. Shown as repr() writes it, as elsewhere."""
    from summarize.config import read_toml

    for name in ("gone\n.toml", "bad\x1b[2J.toml"):
        if "bad" in name:
            (tmp_path / name).write_text("[translation\n", encoding="utf-8")
        with pytest.raises(ConfigError) as refused:
            read_toml(tmp_path / name)
        said = str(refused.value)
        assert "\n" not in said and "\x1b" not in said, said
        assert ("gone\\n.toml" in said) or ("bad\\x1b[2J.toml" in said), said


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ('"out\\2024"', "Unescaped '\\'"),  # \2 is no TOML escape: a Windows-style path
        ('"summarize: ', "Unterminated string"),
        ("'literal", "Expected"),
    ],
)
def test_a_set_value_that_begins_as_toml_but_is_none_is_refused_not_read_as_text(
    value: str, problem: str
) -> None:
    """Text that opens a TOML string was taken whole as a bare word when TOML refused it:
    '--set output.folder="out\\2024"' wrote into a folder named with the quotes and the
    backslash, and an unclosed prefix got a quote in front of every input."""
    with pytest.raises(ConfigError, match="the value is not valid TOML") as refused:
        parse_override(f"translation.prefix={value}")
    said = str(refused.value)
    assert problem in said and "column" not in said, said  # no position counted behind "v = "
    # As typed: backslashes not doubled (a space at the end shown as \x20, as in any message).
    typed = value.removesuffix(" ") + ("\\x20" if value.endswith(" ") else "")
    assert f"--set translation.prefix={typed}:" in said


@pytest.mark.parametrize(
    "assignment",
    [
        "translation.generation.suppress_tokens=[1,2",
        "summarization.generation.bad_words_ids=[[1,2]",
        "summarization.chunk_generation.sequence_bias={x=1",
    ],
)
def test_a_broken_list_or_table_for_a_generate_keyword_is_refused(assignment: str) -> None:
    """A bracket-opened value that is no TOML is read as text since bare words open so too, and
    a setting's own check refuses text where a list belongs; but no check of ours knows the
    types of generate()'s keywords: "[1,2" was taken as text, the models loaded and every
    article failed in generate() (exit 1). Refused as not TOML, before any model loads."""
    with pytest.raises(ConfigError, match="the value is not valid TOML"):
        load_config(overrides=[assignment], project_file=None)


def test_a_min_length_past_max_new_tokens_is_refused() -> None:
    """min_length = 30 beside max_new_tokens = 10 in one table passed (only min_length against
    max_length was compared), and generate() warned "Unfeasible length constraints: min_length
    (30) is larger than the maximum possible length (11)" past --quiet on every batch. The
    longest output is max_new_tokens + 1 of min_length's count (the start token)."""
    table = "summarization.generation"
    with pytest.raises(ConfigError, match=r"min_length: must not exceed max_new_tokens \+ 1"):
        load_config(
            overrides=[f"{table}.min_length=30", f"{table}.max_new_tokens=10"], project_file=None
        )
    reachable = [f"{table}.min_length=30", f"{table}.max_new_tokens=29"]
    assert load_config(overrides=reachable, project_file=None).summarization.generation == {
        "min_length": 30,
        "max_new_tokens": 29,
    }


def test_bare_words_and_valid_toml_are_still_read() -> None:
    assert parse_override("translation.model=org/name-1.2") == {
        "translation": {"model": "org/name-1.2"}
    }
    assert parse_override("output.folder='C:\\out\\2024'") == {
        "output": {"folder": "C:\\out\\2024"}
    }
    assert parse_override('translation.prefix="a\\\\b"') == {"translation": {"prefix": "a\\b"}}
    # Bare words open with brackets too (an IPv6 address, a folder's name): read as text.
    assert parse_override("runtime.ray_address=[::1]:6379") == {
        "runtime": {"ray_address": "[::1]:6379"}
    }
    assert parse_override("output.folder=[draft] briefs") == {
        "output": {"folder": "[draft] briefs"}
    }
    # Where a list or table belongs, such text is refused by the setting's own check.
    for broken in ('clean.disable=["share",', "translation.generation={num_beams = 2,}"):
        with pytest.raises(ConfigError, match=broken.partition("=")[0].rpartition(".")[2]):
            load_config(overrides=[broken], project_file=None)


@pytest.mark.parametrize(
    "name", ["out\x7fdel", 'say "hi"', "back\\slash", "tab\tnew\nline", "emoji😀", "byte\udcff"]
)
def test_a_command_line_folder_reaches_the_config_as_named(name: str) -> None:
    """--output goes into the config as a --set layer: a name holding DEL (U+007F), which JSON
    leaves as it is and TOML refuses in a string, was read as plain text, and the briefs went
    into a folder named with the quotes ('"out\\x7fdel"')."""
    from summarize.cli import _toml_string

    folder = Path("runs") / name
    overrides = [f"output.folder={_toml_string(folder)}"]
    assert load_config(overrides=overrides, project_file=None).output.folder == folder


@pytest.mark.parametrize(
    ("override", "said"),
    [
        ("clean.disable=['caf{byte}']", "unknown rule(s) caf\\udce9"),
        ("clean.model=/no/caf{byte}.json", "cannot read the cleaner model /no/caf\\udce9"),
        ("translation.generation.early_stopping=caf{byte}", "early_stopping"),
    ],
)
def test_a_value_holding_a_byte_that_is_not_utf8_is_a_config_error(
    override: str, said: str
) -> None:
    """Python reads a command-line byte that is not UTF-8 (a Latin-1 file name) as a lone
    surrogate, which pydantic cannot carry in a message: a check that quoted such a value ended
    the command in a traceback (UnicodeEncodeError) instead of saying what was wrong."""
    byte = os.fsdecode(b"\xe9")
    with pytest.raises(ConfigError) as refused:
        load_config(overrides=[override.format(byte=byte)], project_file=None)
    assert said in str(refused.value), str(refused.value)


@pytest.mark.parametrize(
    "overrides",
    [
        [],
        ['translation.prefix="line\\u0007\\n\\"quoted\\"\\\\"', "output.folder='C:\\out'"],
        ["translation.generation.bad_words_ids=[[5, 6]]", "clean.threshold=0.5",
         "summarization.chunk_generation.temperature=2", "ray.no_progress_timeout_s=inf",
         "output.folder=briefs\U0001f600"],
    ],
)  # fmt: skip
def test_config_show_text_loads_to_the_same_config(overrides: list[str], tmp_path: Path) -> None:
    config = load_config(overrides=overrides, project_file=None)
    (tmp_path / "shown.toml").write_text(config.to_toml(), encoding="utf-8")
    assert load_config(tmp_path / "shown.toml", project_file=None) == config


def test_config_show_says_a_value_toml_cannot_hold_in_one_line() -> None:
    """A folder named with a byte that is not UTF-8 (which `run` writes into) has no TOML text:
    `config show` printed it raw, which is no TOML, or ended in a traceback (UnicodeEncodeError)
    where the output is strict UTF-8."""
    from typer.testing import CliRunner

    from summarize.cli import app

    name = os.fsdecode(b"caf\xe9")
    result = CliRunner().invoke(app, ["config", "show", "--set", f"output.folder={name}"])
    assert result.exit_code == 2, result.output
    assert "output.folder holds a byte that is not UTF-8" in result.output
    assert "caf\\udce9" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("key", ["translation.revision", "summarization.revision"])
def test_an_empty_revision_is_refused_naming_the_key(key: str) -> None:
    """``revision = ""`` loaded the default branch under an identity of its own: a switch to
    leaving it unset redid every brief, and a store copy pulled one way was "a copy of another
    revision" the other. Unset (``--set key=``) is the default branch."""
    with pytest.raises(ConfigError, match=rf"{key}: String should have at least 1 character"):
        load_config(overrides=[f'{key}=""'], project_file=None)
    section = getattr(load_config(overrides=[f"{key}="], project_file=None), key.split(".")[0])
    assert section.revision is None


# The defaults the README's tables state in words, not as TOML values.
_README_DEFAULTS_IN_WORDS: dict[str, Any] = {"runtime.model_digests": "user cache folder"}


def _readme_key_tables() -> dict[str, str]:
    """The README's tables of config keys ("Configuration reference" and the Ray engine's
    "Sizing" table of `[ray]`): dotted key -> the default it states, as written."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    reference = text.split("\n## Configuration reference\n", 1)[1].split("\n## ", 1)[0]
    sizing = text.split("**Sizing** (the `[ray]` section):", 1)[1].split("\n\n", 2)[1]
    defaults: dict[str, str] = {}
    for table, section in ((reference, ""), (sizing, "ray.")):
        for row in table.splitlines():
            cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
            if len(cells) < 3 or not cells[0].startswith("`"):
                continue
            keys = re.findall(r"`([\w.*]+)`", cells[0])
            values = cells[1].split(", ") if len(keys) > 1 else [cells[1]]
            for key, value in zip(keys, values, strict=True):
                if not key.startswith("*."):
                    defaults[section + key] = value
                    continue
                parts = value.split(" / ")  # translation's / summarization's
                if len(parts) == 1:
                    parts *= 2  # one default for both
                for task, part in zip(("translation", "summarization"), parts, strict=True):
                    defaults[key.replace("*", task)] = part
    return defaults


def _value_of(config: Config, key: str) -> Any:
    value: Any = config
    for part in key.split("."):
        value = getattr(value, part)
    return str(value) if isinstance(value, Path) else value


def _stated_default(written: str) -> Any:
    """A default as the README writes it: a TOML value (`"auto"`, `false`, 32, `{}`), or words
    for a key that is unset by default ("unset", "the model's", "auto", "<output>/...")."""
    try:
        return tomllib.loads(f"value = {written.strip('`')}")["value"]
    except tomllib.TOMLDecodeError:
        return None


def test_readme_config_tables_name_every_key_with_its_default() -> None:
    """The README's configuration reference (and its `[ray]` table) against config.py: every key
    there is the config's, every key of the config is there, and each default is the one the
    config has (README 32 / 4 for translation / summarization)."""
    stated = _readme_key_tables()
    config = Config()
    keys = {
        f"{section}.{key}" for section, settings in config for key in type(settings).model_fields
    }
    assert set(stated) == keys, sorted(set(stated) ^ keys)
    for key, written in stated.items():
        if key in _README_DEFAULTS_IN_WORDS:
            assert written == _README_DEFAULTS_IN_WORDS[key], key
            assert _value_of(config, key) == str(default_digests_file()), key
            continue
        assert _value_of(config, key) == _stated_default(written), (key, written)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("[output]\nfolder = 5\n", "output.folder"),
        ('[runtime]\nmodels_dir = ["models"]\n', "runtime.models_dir"),
        ("[clean]\nmodel = false\n", "clean.model"),
    ],
)
def test_a_path_given_no_text_in_a_file_says_how_to_write_one(
    tmp_path: Path, toml: str, key: str
) -> None:
    """`folder = 5` in a config file was "Input is not a valid path for <class
    'pathlib.Path'>": Python's name for the type, and no word that a path is text in quotes."""
    config_file = tmp_path / "my.toml"
    config_file.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(config_file, project_file=None)
    message = str(caught.value)
    assert f"{key}: Input should be a path, written as text in quotes (got " in message
    assert "pathlib" not in message and "<class" not in message
