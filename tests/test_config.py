from __future__ import annotations

from pathlib import Path

import pytest

from summarize.config import Config, load_config, parse_override, read_toml
from summarize.errors import ConfigError, ModelNotFoundError
from summarize.models import resolve_model

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


def test_project_file_in_working_directory_is_layered(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "summarize.toml").write_text("[runtime]\nthreads = 2\n")
    monkeypatch.chdir(tmp_path)
    assert load_config().runtime.threads == 2


def test_model_setting_resolves_local_folders_before_hub_ids(tmp_path: Path, monkeypatch) -> None:
    models_dir = tmp_path / "models"
    (models_dir / "org" / "local-model").mkdir(parents=True)
    absolute = tmp_path / "elsewhere"
    absolute.mkdir()
    monkeypatch.chdir(tmp_path)

    in_store = resolve_model("org/local-model", models_dir)
    assert (
        in_store.is_local and Path(in_store.location) == (models_dir / "org/local-model").resolve()
    )

    direct = resolve_model(str(absolute), models_dir)
    assert direct.is_local and Path(direct.location) == absolute.resolve()

    hub = resolve_model("Helsinki-NLP/opus-mt-de-en", models_dir)
    assert not hub.is_local and hub.location == "Helsinki-NLP/opus-mt-de-en"
    assert str(models_dir / "Helsinki-NLP/opus-mt-de-en") in hub.searched


def test_missing_local_folder_is_a_model_not_found_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model(str(tmp_path / "nope"), tmp_path / "models")
