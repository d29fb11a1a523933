"""One definition of what changes a brief: the model identity behind the translation cache key,
the run fingerprint and the CTranslate2 conversion folder."""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import json
import logging
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import summarize
from summarize import models as models_module
from summarize import package_data, stages
from summarize.backends import converted_model_dir
from summarize.cache import TranslationCache
from summarize.config import REAL_SETTINGS, Config, load_config
from summarize.digests import DIGESTS_FILENAME, hub_snapshot
from summarize.engines.local import Pipeline
from summarize.errors import ModelNotFoundError, StoreError
from summarize.generation import generation_identity
from summarize.models import PULLED_FILE, load_model, resolve_spec
from summarize.stages import run_fingerprint
from summarize.translation import Translator

SENTENCES = ["Der Hund bellt laut.", "Nordkorea hat Russland Soldaten geschickt."]
BASE = ["translation.generation.max_new_tokens=6", "translation.generation.num_beams=2"]


def _config(translation: Path | str, summarization: Path, *overrides: str) -> Config:
    return load_config(
        project_file=None,
        overrides=[
            f"translation.model={translation}",
            f"summarization.model={summarization}",
            *BASE,
            *overrides,
        ],
    )


def _identities(config: Config, digests: Path | None = None) -> tuple[dict, str]:
    """The translation model's identity and the run fingerprint, without loading weights."""
    models_dir = config.runtime.models_dir
    translation = resolve_spec("translation", config.translation, models_dir, digests).identity()
    summarization = resolve_spec(
        "summarization", config.summarization, models_dir, digests
    ).identity()
    return translation, run_fingerprint(config, translation, summarization)


def _store_config(marian: Path, bart: Path, store: Path, revision: str) -> Config:
    """The translation model as the hub id org/marian, looked for in ``store`` at ``revision``."""
    return _config(
        marian,
        bart,
        f"runtime.models_dir={str(store)!r}",
        "translation.model='org/marian'",
        f"translation.revision={revision}",
    )


def _rewrite_weights(folder: Path) -> None:
    from safetensors.torch import load_file, save_file

    weights = folder / "model.safetensors"
    tensors = load_file(weights)
    name = next(iter(tensors))
    tensors[name] = tensors[name] + 0.5
    save_file(tensors, weights, metadata={"format": "pt"})


@pytest.fixture
def marian_copy(self_contained_models, tmp_path: Path) -> Path:
    return Path(shutil.copytree(self_contained_models.marian, tmp_path / "models" / "marian"))


def _flip_weights(marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    _rewrite_weights(marian)  # same folder, same names, new content
    return []


def _flip_device(marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import torch

    monkeypatch.setattr(models_module, "pick_device", lambda *_: torch.device("cuda"))
    return []


def _flip_version(marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(summarize, "__version__", "99.0")
    return []


def _fake_version(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    """``package`` as if a new release were installed (versions are looked up once per
    process, so the lookup is what is replaced)."""
    real = models_module.installed_version
    fake = lambda name: "99.0" if name == package else real(name)  # noqa: E731
    monkeypatch.setattr(models_module, "installed_version", fake)


def _flip_library(marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    _fake_version(monkeypatch, "transformers")
    return []


def _flip_tokenizer_library(
    marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    # opus-mt's MarianTokenizer splits with sentencepiece: a new release may split otherwise,
    # and the translations cached with the old ids were kept.
    _fake_version(monkeypatch, "sentencepiece")
    return []


def _edit_packaged_data(monkeypatch: pytest.MonkeyPatch, name: str, addition: bytes) -> None:
    """``data/<name>`` as if ``addition`` were appended to it, read afresh (the digest of the
    packaged data is read once a process: the test's own, put back afterwards)."""
    real = package_data.packaged_bytes

    def edited(each: str) -> bytes:
        return real(each) + (addition if each == name else b"")

    monkeypatch.setattr(package_data, "packaged_bytes", edited)
    fresh = functools.lru_cache(maxsize=1)(package_data.brief_data_sha256.__wrapped__)
    monkeypatch.setattr(stages, "brief_data_sha256", fresh)


def _flip_phrase_rules(marian: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    # A phrase added to the packaged rules, as the README asks: the briefs it cleans change.
    _edit_packaged_data(monkeypatch, "boilerplate.toml", b"\n[added]\nline = ['^neu$']\n")
    return []


Flip = Callable[[Path, Path, pytest.MonkeyPatch], list[str]]
# What changes a translation: both the cache key (model identity) and the fingerprint change.
MODEL_FLIPS: dict[str, list[str] | Flip] = {
    "weights": _flip_weights,
    "backend": ["translation.backend=ctranslate2"],
    "quantization": ["translation.quantization=int8"],
    "device": _flip_device,
    "prefix": ["translation.prefix=>>eng<< "],
    "generation": ["translation.generation.num_beams=3"],
    "window": ["translation.max_input_tokens=64"],
    "library version": _flip_library,
    "tokenizer library version": _flip_tokenizer_library,
}
# What changes a brief but not a translation: only the fingerprint changes.
RUN_FLIPS: dict[str, list[str] | Flip] = {
    "cleaning": ["clean.disable=['tail']"],
    "force_language": ["input.force_language=true"],
    "max_reduce_rounds": ["summarization.max_reduce_rounds=2"],
    "package version": _flip_version,
    "packaged phrase rules": _flip_phrase_rules,
}


@pytest.mark.parametrize("flip", [*MODEL_FLIPS, *RUN_FLIPS])
def test_every_setting_that_changes_the_output_changes_the_key(
    flip: str, marian_copy: Path, self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    if flip == "backend":
        pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    base = _config(marian_copy, self_contained_models.bart)
    identity, fingerprint = _identities(base)
    change = MODEL_FLIPS.get(flip) or RUN_FLIPS[flip]
    overrides = change(marian_copy, tmp_path, monkeypatch) if callable(change) else change
    flipped_identity, flipped_fingerprint = _identities(
        _config(marian_copy, self_contained_models.bart, *overrides)
    )
    assert flipped_fingerprint != fingerprint
    if flip in MODEL_FLIPS:
        assert flipped_identity != identity
    else:
        assert flipped_identity == identity  # translations stay valid


def test_the_order_and_repeats_of_disabled_rules_do_not_change_the_fingerprint() -> None:
    def fingerprint(disable: str) -> str:
        config = load_config(project_file=None, overrides=[f"clean.disable={disable}"])
        return run_fingerprint(config, {}, {})

    assert fingerprint('["tail", "classifier"]') == fingerprint('["classifier", "tail", "tail"]')
    assert fingerprint('["tail"]') != fingerprint('["classifier"]')


# The cutoffs take no whole number: (0, 1) once GenerationConfig has checked them.
@pytest.mark.parametrize("key", sorted(REAL_SETTINGS - {"epsilon_cutoff", "eta_cutoff"}))
def test_every_real_valued_setting_written_whole_is_that_number(key: str) -> None:
    """The identities' own list of real-valued settings left out three the config checks as
    numbers: guidance_scale = 2 and 2.0 (top_h = 1, max_time alike) keyed two fingerprints."""

    def fingerprint(value: str) -> str:
        table = f"summarization.chunk_generation.{key}={value}"
        return run_fingerprint(load_config(project_file=None, overrides=[table]), {}, {})

    assert fingerprint("1") == fingerprint("1.0")
    assert generation_identity({key: 1}) == {key: 1.0}


def test_a_comment_in_the_packaged_data_does_not_change_the_fingerprint(monkeypatch) -> None:
    config = load_config(project_file=None, overrides=[])
    fingerprint = run_fingerprint(config, {}, {})
    _edit_packaged_data(monkeypatch, "boilerplate.toml", b"\n# a comment\n")
    assert run_fingerprint(config, {}, {}) == fingerprint


def test_a_whole_number_for_a_real_valued_setting_is_that_number(
    marian_copy: Path, self_contained_models
) -> None:
    """length_penalty = 2 is length_penalty = 2.0: the same translations and briefs."""
    for table in ("translation.generation", "summarization.chunk_generation"):
        whole = _config(marian_copy, self_contained_models.bart, f"{table}.length_penalty=2")
        real = _config(marian_copy, self_contained_models.bart, f"{table}.length_penalty=2.0")
        assert _identities(whole) == _identities(real)


@pytest.mark.parametrize(
    "setting",
    ["do_sample=false", "repetition_penalty=1", "num_beam_groups=1", "top_k=50", "temperature=1.0"],
)
def test_a_generate_default_spelt_out_keeps_the_key(
    setting: str, marian_copy: Path, self_contained_models
) -> None:
    """A table that spells out what generate() runs with where the model leaves it unset
    (do_sample = false) changes no output: it keyed another fingerprint and translation cache.
    The same value against a model's own other one is a change."""
    base = _identities(_config(marian_copy, self_contained_models.bart))
    for table in ("translation.generation", "summarization.generation"):
        spelt = _config(marian_copy, self_contained_models.bart, f"{table}.{setting}")
        assert _identities(spelt) == base
    # The models' own: Marian's num_beams = 4 (under BASE's 2), DistilBART's length_penalty = 2.0.
    for changed in (
        "translation.generation.num_beams=1",
        "summarization.generation.length_penalty=1",
    ):
        config = _config(marian_copy, self_contained_models.bart, changed)
        assert _identities(config)[1] != base[1]


@pytest.mark.parametrize("spelling", ["{folder}/", "{parent}/./{name}", "{parent}//{name}/"])
def test_the_same_model_folder_spelt_another_way_keeps_the_key(
    spelling: str, marian_copy: Path, self_contained_models
) -> None:
    """A shell's completion adds "/" to a folder: its briefs, translations and CTranslate2
    conversion are the same model's, not redone."""
    spelt = spelling.format(folder=marian_copy, parent=marian_copy.parent, name=marian_copy.name)
    base = _identities(_config(marian_copy, self_contained_models.bart))
    config = _config(spelt, self_contained_models.bart)  # a Path would tidy the spelling
    assert _identities(config) == base
    spec = resolve_spec("translation", config.translation, config.runtime.models_dir)
    assert spec.source.requested == spelt  # shown as typed


def test_a_model_folder_copied_or_moved_keeps_its_briefs_and_translations(
    marian_copy: Path, self_contained_models, tmp_path: Path
) -> None:
    """The same files in another folder (copied to another disk, moved with the project) are
    the same model: every brief and cached translation was redone. Other files are not."""
    base = _identities(_config(marian_copy, self_contained_models.bart))
    moved = tmp_path / "elsewhere" / "opus-mt"
    shutil.copytree(marian_copy, moved)
    assert _identities(_config(moved, self_contained_models.bart)) == base
    config = json.loads((moved / "config.json").read_text(encoding="utf-8"))
    config["dropout"] = 0.5  # another file: another model
    (moved / "config.json").write_text(json.dumps(config), encoding="utf-8")
    assert _identities(_config(moved, self_contained_models.bart)) != base


def test_a_model_folder_typed_relative_or_absolute_shares_one_conversion(
    marian_copy: Path, self_contained_models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder and its content name the weights: a run from another folder, or a config
    that types the path relative where `--set` typed it absolute, converted the same weights
    again (a full copy of them each time, the old one kept)."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    monkeypatch.chdir(marian_copy.parent)
    targets = set()
    for spelt in (str(marian_copy), marian_copy.name, f"../{marian_copy.parent.name}/marian"):
        config = _config(spelt, self_contained_models.bart, "translation.backend=ctranslate2")
        spec = resolve_spec("translation", config.translation, config.runtime.models_dir)
        targets.add(models_module.conversion_target(spec, config.runtime.models_dir))
    assert len(targets) == 1, targets


def test_a_change_of_our_decoding_is_a_new_translation_cache_key(
    marian_copy: Path, self_contained_models, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache outlives releases: a fix of how a model's output comes about (the lengths
    mapped onto CTranslate2 cut the last token) left the old, cut translations in use after an
    upgrade. The revision of our decoding is part of every model's identity."""
    config = _config(marian_copy, self_contained_models.bart)
    base, fingerprint = _identities(config)
    monkeypatch.setattr(models_module, "DECODING_REVISION", models_module.DECODING_REVISION + 1)
    bumped, bumped_fingerprint = _identities(config)
    assert bumped != base and bumped_fingerprint != fingerprint


# What the translator's input ids are for inputs a revision of our decoding changed, with the
# real opus-mt tokenizer: sha256 of the JSON of TextEncoder's ids for _PROBES, by the
# DECODING_REVISION that reads them so. 2: ">> Mehr lesen: Kursk <<" was [<unk>, </s>].
_PROBES = [
    "Der Zug kam am Montag an.",
    ">> Mehr lesen: Kursk <<",
    "Ein </s> mitten im Satz.",
    "Zahl 1.000,5 € und „Zitat“.",
]
_PROBE_IDS_BY_REVISION = {2: "0359754b4659ea55", 3: "7f30412711f910eb"}


def test_inputs_read_otherwise_come_with_a_new_decoding_revision() -> None:
    """The cache is keyed by the model's identity and the input's text: opus-mt's reading of
    ">> Mehr lesen: … <<" as text (it was one unknown token) came without a new revision, so
    the English a cache held for such a line, made from nothing of it, was still served."""
    import hashlib

    from conftest import MARIAN_HUB, require_shared_hub
    from transformers import AutoTokenizer

    from summarize.tokens import TextEncoder

    require_shared_hub(MARIAN_HUB)
    ids = TextEncoder.of(AutoTokenizer.from_pretrained(MARIAN_HUB))(_PROBES)
    digest = hashlib.sha256(json.dumps(ids).encode()).hexdigest()[:16]
    assert _PROBE_IDS_BY_REVISION.get(models_module.DECODING_REVISION) == digest, (
        f"the inputs are read otherwise ({digest}): raise DECODING_REVISION and add its digest"
    )


def test_a_model_folder_moved_with_its_conversion_keeps_it(
    marian_copy: Path, self_contained_models, tmp_path: Path
) -> None:
    """The conversion lies beside the folder, named by the weights' content: a models folder
    moved (another disk, a remount) with its conversions converted every model again, a second
    full copy of the weights beside the unused first."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")

    def target(folder: Path) -> Path:
        config = _config(folder, self_contained_models.bart, "translation.backend=ctranslate2")
        spec = resolve_spec("translation", config.translation, config.runtime.models_dir)
        return models_module.conversion_target(spec, config.runtime.models_dir)

    moved = tmp_path / "elsewhere" / marian_copy.name
    shutil.copytree(marian_copy, moved)
    assert target(moved).parent == moved.parent
    assert target(moved).name == target(marian_copy).name
    (moved / "config.json").write_text(  # other weights: another conversion
        (moved / "config.json").read_text(encoding="utf-8").replace("{", '{"dropout": 0.5, ', 1),
        encoding="utf-8",
    )
    assert target(moved).name != target(marian_copy).name


def test_a_revision_is_ignored_for_a_local_folder_and_said_to_be(
    marian_copy: Path, self_contained_models, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder holds one version (its weights count by their digest): a revision changes
    neither the cache key nor the fingerprint, and the brief shows none. On the hub a revision
    picks another snapshot (test_a_hub_model_is_identified_by_its_snapshot_commit)."""
    identity, fingerprint = _identities(_config(marian_copy, self_contained_models.bart))
    caplog.set_level(logging.WARNING, logger="summarize")
    config = _config(marian_copy, self_contained_models.bart, "translation.revision=v2")
    assert _identities(config) == (identity, fingerprint)
    assert "translation.revision = 'v2' is ignored" in caplog.text
    spec = resolve_spec("translation", config.translation, config.runtime.models_dir)
    assert spec.revision is None and spec.identity()["revision"] is None
    # A hub id found in the model store is the copy `models pull` made at that revision (one
    # copied there by hand: test_a_store_folder_copied_by_hand_is_not_named_by_the_configured_…).
    store = tmp_path / "store"
    shutil.copytree(marian_copy, store / "org" / "marian")
    (store / "org" / "marian" / PULLED_FILE).write_text(
        json.dumps({"model": "org/marian", "revision": "v2"}), encoding="utf-8"
    )
    caplog.clear()
    pulled = _config(
        marian_copy,
        self_contained_models.bart,
        f"runtime.models_dir={str(store)!r}",
        "translation.model='org/marian'",
        "translation.revision=v2",
    )
    spec = resolve_spec("translation", pulled.translation, pulled.runtime.models_dir)
    assert spec.source.is_local and spec.revision == "v2"
    assert "is ignored" not in caplog.text


def test_with_cleaning_off_its_rule_settings_do_not_change_the_fingerprint() -> None:
    def fingerprint(*overrides: str) -> str:
        return run_fingerprint(load_config(project_file=None, overrides=list(overrides)), {}, {})

    off = fingerprint("clean.enabled=false")
    assert off == fingerprint("clean.enabled=false", 'clean.disable=["tail"]')
    assert off == fingerprint("clean.enabled=false", "clean.threshold=0.5")
    assert off != fingerprint()
    assert fingerprint('clean.disable=["tail"]') != fingerprint()


def test_with_the_classifier_off_its_threshold_does_not_change_the_fingerprint() -> None:
    """Nothing reads the threshold without the classifier: a brief made so is not redone for
    another one (a threshold left in a shared config, --set on one run only)."""

    def fingerprint(*overrides: str) -> str:
        return run_fingerprint(load_config(project_file=None, overrides=list(overrides)), {}, {})

    off = fingerprint('clean.disable=["classifier"]')
    assert off == fingerprint('clean.disable=["classifier"]', "clean.threshold=0.5")
    assert fingerprint('clean.disable=["classifier", "tail"]', "clean.threshold=0.5") == (
        fingerprint('clean.disable=["tail", "classifier"]', "clean.threshold=0.6")
    )
    assert fingerprint("clean.threshold=0.5") != fingerprint()  # with the classifier it counts


def test_the_identity_holds_the_resolved_device_not_auto(marian_copy, self_contained_models):
    import torch

    if torch.cuda.is_available() or torch.backends.mps.is_available():
        pytest.skip("only on a CPU-only machine do 'auto' and 'cpu' mean the same device")
    auto, _ = _identities(_config(marian_copy, self_contained_models.bart))
    cpu, _ = _identities(_config(marian_copy, self_contained_models.bart, "translation.device=cpu"))
    assert auto == cpu and auto["device"] == "cpu"


def test_weight_digests_are_remembered_by_file_status(marian_copy, self_contained_models, caplog):
    caplog.set_level(logging.INFO, logger="summarize")
    config = _config(marian_copy, self_contained_models.bart)
    digests = marian_copy.parent / DIGESTS_FILENAME
    first, _ = _identities(config, digests)
    assert "hashed" in caplog.text and digests.is_file()
    caplog.clear()
    assert _identities(config, digests)[0] == first
    assert "hashed" not in caplog.text  # unchanged files are only stat()ed
    _rewrite_weights(marian_copy)
    changed, _ = _identities(config, digests)
    assert changed["weights"] != first["weights"] and "model.safetensors" in caplog.text


def test_runs_share_the_user_level_digests_whatever_their_output_and_cache(
    marian_copy: Path, self_contained_models, tmp_path: Path, caplog
) -> None:
    """The memo lives in the user cache folder, not in an output folder's cache: a run with
    the cache off and a new output folder must not hash unchanged weights again."""
    caplog.set_level(logging.INFO, logger="summarize")
    digests = tmp_path / "user-cache" / DIGESTS_FILENAME
    fingerprints = []
    for run, output in enumerate(("first", "second")):
        config = _config(
            marian_copy,
            self_contained_models.bart,
            "runtime.cache=false",
            f"output.folder={json.dumps(str(tmp_path / output))}",
            f"runtime.model_digests={json.dumps(str(digests))}",
        )
        caplog.clear()
        fingerprints.append(Pipeline(config).fingerprint())
        assert ("hashed" in caplog.text) == (run == 0)
    assert digests.is_file() and fingerprints[0] == fingerprints[1]
    assert not (tmp_path / "first" / ".summarize-cache").exists()


def test_the_default_digests_file_is_in_the_user_cache_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    config = load_config(project_file=None, overrides=[])
    assert config.runtime.model_digests == tmp_path / "summarize" / DIGESTS_FILENAME


def test_a_user_without_a_home_is_told_to_name_the_digests_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No HOME and a user the password database does not know (a container run as an arbitrary
    uid): platformdirs raised, and every command ended with its traceback."""
    import pwd

    from summarize.errors import ConfigError

    def unknown_user(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown_user)
    with pytest.raises(ConfigError, match=r"set HOME or XDG_CACHE_HOME, or set runtime\.model_"):
        load_config(project_file=None, overrides=["runtime.threads=1"])
    digests = tmp_path / DIGESTS_FILENAME
    named = load_config(
        project_file=None,
        overrides=["runtime.threads=1", f"runtime.model_digests={json.dumps(str(digests))}"],
    )  # a later layer names it: the earlier one is not refused for lacking it
    assert named.runtime.model_digests == digests


def test_switching_to_ctranslate2_int8_misses_the_torch_translations(
    marian_copy: Path, tmp_path: Path
) -> None:
    """The same cache folder: int8 must translate again, not return the fp32 text."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    cache = TranslationCache(tmp_path / "cache")
    sent: dict[str, list[str]] = {}
    for name, options in {
        "torch": [],
        "again": [],
        "ct2-int8": ["translation.backend=ctranslate2", "translation.quantization=int8"],
        "torch-int8": ["translation.quantization=int8"],
    }.items():
        config = _config(marian_copy, marian_copy, *options)
        loaded = load_model("translation", config.translation, tmp_path)
        translator = Translator(loaded, config.translation, cache)
        sent[name] = []
        original = translator.generate_batch

        def recording(texts, *args, _sent=sent[name], _original=original, **kwargs):
            _sent.extend(texts)
            return _original(texts, *args, **kwargs)

        translator.generate_batch = recording
        translator.translate(SENTENCES)
    cache.close()
    assert sorted(sent["torch"]) == sorted(SENTENCES)
    assert sent["again"] == []  # the cache works
    assert sorted(sent["ct2-int8"]) == sorted(sent["torch-int8"]) == sorted(SENTENCES)


def test_new_weights_get_a_new_ctranslate2_conversion(marian_copy: Path, tmp_path: Path) -> None:
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    config = _config(marian_copy, marian_copy, "translation.backend=ctranslate2")
    load_model("translation", config.translation, tmp_path)
    (first,) = marian_copy.parent.glob("marian.ct2-float32-*")
    _rewrite_weights(marian_copy)
    load_model("translation", config.translation, tmp_path)
    conversions = sorted(marian_copy.parent.glob("marian.ct2-float32-*"))
    assert len(conversions) == 2 and first in conversions


def test_new_generation_settings_in_the_folder_reuse_the_conversion(
    marian_copy: Path, tmp_path: Path
) -> None:
    """The folder's generation_config.json was hashed with the weights: an edit of it (n-grams,
    lengths) keyed a new conversion, a full copy of the weights, and the old one stayed. The
    converter writes the same conversion whatever it says; the output's identity still
    changes, by its generation settings."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    config = _config(marian_copy, marian_copy, "translation.backend=ctranslate2")
    before, fingerprint = _identities(config)
    load_model("translation", config.translation, tmp_path)
    (first,) = marian_copy.parent.glob("marian.ct2-float32-*")
    generation_file = marian_copy / "generation_config.json"
    generation = json.loads(generation_file.read_text(encoding="utf-8"))
    generation_file.write_text(
        json.dumps({**generation, "no_repeat_ngram_size": 2}), encoding="utf-8"
    )
    after, new_fingerprint = _identities(config)
    assert after["generation"]["no_repeat_ngram_size"] == 2 and new_fingerprint != fingerprint
    assert after["weights"] == before["weights"]
    load_model("translation", config.translation, tmp_path)
    assert list(marian_copy.parent.glob("marian.ct2-float32-*")) == [first]


def test_two_conversions_at_once_neither_deletes_the_others_work(
    marian_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    ctranslate2 = pytest.importorskip(
        "ctranslate2", reason="optional extra: pip install 'summarize[fast]'"
    )
    converter = ctranslate2.converters.TransformersConverter
    original = converter.convert
    both_started = threading.Barrier(2, timeout=2)
    calls: list[str] = []

    def slow_convert(self, output_dir, *args, **kwargs):
        calls.append(output_dir)
        # Without the lock both convert at once; with it, the second finds the result.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_started.wait()
        return original(self, output_dir, *args, **kwargs)

    monkeypatch.setattr(converter, "convert", slow_convert)
    config = _config(marian_copy, marian_copy, "translation.backend=ctranslate2")
    spec = resolve_spec("translation", config.translation, tmp_path)
    errors: list[BaseException] = []

    def load() -> None:
        try:
            translator = Translator(models_module.load_weights(spec, tmp_path), config.translation)
            assert len(translator.translate(SENTENCES)) == len(SENTENCES)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=load) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(calls) == 1  # one conversion; the other run waited and reused it
    (conversion,) = marian_copy.parent.glob("marian.ct2-float32-*")
    assert (conversion / "model.bin").is_file()
    assert not [p for p in marian_copy.parent.iterdir() if p.name.endswith(".tmp")]


def test_two_models_converted_at_once_take_turns(
    marian_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """``from_pretrained`` swaps process-wide torch state; two conversions side by side (as the
    engine's parallel loads start them) failed with "Meta tensors". They must take turns."""
    ctranslate2 = pytest.importorskip(
        "ctranslate2", reason="optional extra: pip install 'summarize[fast]'"
    )
    other = Path(shutil.copytree(marian_copy, marian_copy.parent / "marian-two"))
    converter = ctranslate2.converters.TransformersConverter
    original = converter.convert
    inside = threading.Semaphore(0)
    overlaps: list[int] = []
    active = [0]
    count_lock = threading.Lock()

    def watched_convert(self, output_dir, *args, **kwargs):
        with count_lock:
            active[0] += 1
            overlaps.append(active[0])
        inside.release()
        try:
            return original(self, output_dir, *args, **kwargs)
        finally:
            with count_lock:
                active[0] -= 1

    monkeypatch.setattr(converter, "convert", watched_convert)
    errors: list[BaseException] = []

    def load(model: Path) -> None:
        try:
            config = _config(model, model, "translation.backend=ctranslate2")
            spec = resolve_spec("translation", config.translation, tmp_path)
            translator = Translator(models_module.load_weights(spec, tmp_path), config.translation)
            assert len(translator.translate(SENTENCES)) == len(SENTENCES)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=load, args=(model,)) for model in (marian_copy, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(overlaps) == 2 and max(overlaps) == 1  # two conversions, never at once
    for model in (marian_copy, other):
        (conversion,) = model.parent.glob(f"{model.name}.ct2-float32-*")
        assert (conversion / "model.bin").is_file()


def test_a_hub_model_is_identified_by_its_snapshot_commit(tmp_path: Path) -> None:
    repo = tmp_path / "models--org--model"
    for commit, ref in (("a" * 40, "main"), ("b" * 40, "v2")):
        (repo / "snapshots" / commit).mkdir(parents=True)
        (repo / "snapshots" / commit / "config.json").write_text("{}")
        (repo / "refs").mkdir(exist_ok=True)
        (repo / "refs" / ref).write_text(commit)
    assert hub_snapshot("org/model", None, tmp_path) == "a" * 40
    assert hub_snapshot("org/model", "v2", tmp_path) == "b" * 40
    assert hub_snapshot("org/other", None, tmp_path) is None


@pytest.mark.parametrize("revision", ["v1", "0123456789abcdef0123456789abcdef01234567"])
def test_a_revision_naming_the_snapshot_in_use_keeps_the_key(
    revision: str, marian_copy: Path, self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """A hub model pinned to the commit its default branch resolves to (or a tag on it) is the
    same snapshot: every brief, cached translation and CTranslate2 conversion was redone."""
    import huggingface_hub.constants

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--org--marian"
    shutil.copytree(marian_copy, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    for ref in ("main", "v1"):
        (repo / "refs" / ref).write_text(commit, encoding="utf-8")
    shutil.copytree(marian_copy, repo / "snapshots" / ("f" * 40))  # another snapshot, v2's
    (repo / "refs" / "v2").write_text("f" * 40, encoding="utf-8")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    hub = ["translation.model='org/marian'", f"runtime.models_dir={str(tmp_path / 'store')!r}"]

    def spec(*revision: str) -> models_module.ModelSpec:
        config = _config(marian_copy, self_contained_models.bart, *hub, *revision)
        return resolve_spec("translation", config.translation, config.runtime.models_dir)

    unpinned = spec()
    pinned = spec(f"translation.revision={revision!r}")
    assert pinned.identity() == unpinned.identity()
    assert pinned.weights_identity() == unpinned.weights_identity()
    assert pinned.revision == revision  # named as configured
    v2 = spec("translation.revision=v2").weights_identity()
    assert v2 != unpinned.weights_identity()


@pytest.mark.parametrize(
    "tokenizer",
    [
        "MarianTokenizer", "BartTokenizer", "PegasusTokenizer", "LEDTokenizer", "T5Tokenizer",
        "M2M100Tokenizer", "NllbTokenizer", "MBartTokenizer", "MBart50Tokenizer",
        "ProphetNetTokenizer", "BigBirdTokenizer", "BlenderbotTokenizer",
        "BlenderbotSmallTokenizer", "PLBartTokenizer", "MvpTokenizer", "FSMTTokenizer",
    ],
)  # fmt: skip
def test_every_vocabulary_file_of_a_seq2seq_tokenizer_is_in_the_folder_digest(
    tmp_path: Path, tokenizer: str
) -> None:
    """A folder's digest names its content: a vocabulary file it left out (ProphetNet's
    prophetnet.tokenizer) could be replaced and every brief and translation made with the old
    one stayed current."""
    import transformers

    from summarize.digests import folder_digest, model_files

    names = set(getattr(transformers, tokenizer).vocab_files_names.values())
    for name in names:
        (tmp_path / name).write_bytes(b"vocabulary")
    assert {path.name for path in model_files(tmp_path)} == names
    before = folder_digest(tmp_path)
    for name in names:
        (tmp_path / name).write_bytes(b"another vocabulary")
        assert folder_digest(tmp_path) != before
        before = folder_digest(tmp_path)


def test_a_damaged_digests_entry_is_hashed_again_not_a_crash(tmp_path: Path) -> None:
    from summarize.digests import folder_digest

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    digests = tmp_path / DIGESTS_FILENAME
    fresh = folder_digest(folder, digests)
    known = json.loads(digests.read_text(encoding="utf-8"))
    for entry in known.values():
        del entry["sha256"]  # the stat still matches
    digests.write_text(json.dumps(known), encoding="utf-8")
    assert folder_digest(folder, digests) == fresh


@pytest.mark.parametrize(
    "contents",
    [
        b'[model]\nname = "mine"\n',
        b'{"name": "mine"}',
        b'{"compilerOptions": {"target": "es2020"}}',
        b"\xff\xfe notes",
        # Nested past what json reads (by recursion: RecursionError, no ValueError), with the
        # memo's own words in it: whole, so not one of ours cut short.
        b'{"sha256": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    ],
)
def test_a_digests_file_that_holds_something_else_is_left_as_it_is(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, contents: bytes
) -> None:
    """runtime.model_digests pointed at a config, another program's JSON or a notes file: the
    run replaced it with the digests, unsaid. It is left as it is, and the log says why the
    digests are not remembered; the model's digest is the same."""
    from summarize.digests import folder_digest

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    fresh = folder_digest(folder, tmp_path / DIGESTS_FILENAME)
    precious = tmp_path / "precious.toml"
    precious.write_bytes(contents)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        assert folder_digest(folder, precious) == fresh
    assert precious.read_bytes() == contents
    assert "holds something else" in caplog.text and str(precious) in caplog.text


def test_a_digests_file_that_is_a_folder_is_said_not_to_remember(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """runtime.model_digests naming a folder (the cache folder, where its file was meant):
    the digests were not remembered and every run read the weights whole again (1.5 GB for
    the defaults), without a word, as for /dev/null, which turns the memo off on purpose."""
    from summarize.digests import folder_digest

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    fresh = folder_digest(folder, tmp_path / DIGESTS_FILENAME)
    meant = tmp_path / "cache"
    meant.mkdir()
    with caplog.at_level(logging.WARNING, logger="summarize"):
        assert folder_digest(folder, meant) == fresh
    assert list(meant.iterdir()) == []
    assert f"model digests not remembered: {meant} is a folder" in caplog.text
    assert "runtime.model_digests" in caplog.text


@pytest.mark.parametrize("left", ["", '{\n "/models/x/model.safetensors": {\n  "sha256": "ab'])
def test_an_empty_or_cut_short_digests_memo_is_written_anew(tmp_path: Path, left: str) -> None:
    """A memo of ours left empty or cut short (a crash, a full disk) is no foreign file: it is
    replaced by a whole one, not warned about on every run."""
    from summarize.digests import folder_digest

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    digests = tmp_path / DIGESTS_FILENAME
    digests.write_text(left, encoding="utf-8")
    folder_digest(folder, digests)
    assert str((folder / "model.safetensors").resolve()) in json.loads(digests.read_text())


def test_a_pull_whose_last_rename_fails_leaves_the_model_that_was_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub

    from summarize.config import TranslationSettings
    from summarize.store import pull

    def download(repo_id: str, revision: str | None, local_dir: Path, **kwargs: object) -> None:
        Path(local_dir).mkdir(parents=True, exist_ok=True)  # resumes, as the hub does
        (Path(local_dir) / "config.json").write_text('{"new": true}', encoding="utf-8")
        (Path(local_dir) / "model.safetensors").write_bytes(b"weights")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", download)
    settings = TranslationSettings(model="org/model")
    old = tmp_path / "org" / "model"
    old.mkdir(parents=True)
    (old / "config.json").write_text('{"old": true}', encoding="utf-8")
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self.name.endswith(".partial"):
            raise OSError(28, "No space left on device")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(StoreError, match="No space left on device") as raised:
        pull(settings, tmp_path)  # one line and exit 2, no traceback
    assert raised.value.exit_code == 2 and ".model.partial and the store as it was" in str(
        raised.value
    )
    assert (old / "config.json").read_text(encoding="utf-8") == '{"old": true}'
    monkeypatch.setattr(Path, "rename", real_rename)
    assert pull(settings, tmp_path) == old
    assert (old / "config.json").read_text(encoding="utf-8") == '{"new": true}'
    assert sorted(p.name for p in (tmp_path / "org").iterdir()) == ["model"]


def _download_tiny(repo_id: str, revision: str | None, local_dir: Path, **_: object) -> None:
    Path(local_dir).mkdir(parents=True, exist_ok=True)
    (Path(local_dir) / "config.json").write_text('{"new": true}', encoding="utf-8")
    (Path(local_dir) / "model.safetensors").write_bytes(b"weights")


def test_a_pull_into_a_store_that_takes_no_writes_is_one_line_and_leaves_it_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing the pull's record into a read-only or full store ended in a traceback (exit 1)."""
    import huggingface_hub

    from summarize.config import TranslationSettings
    from summarize.models import PULLED_FILE
    from summarize.store import pull

    monkeypatch.setattr(huggingface_hub, "snapshot_download", _download_tiny)
    real_write_text = Path.write_text

    def read_only(self: Path, *args: object, **kwargs: object) -> int:
        if self.name == PULLED_FILE:
            raise OSError(30, "Read-only file system", str(self))
        return real_write_text(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", read_only)
    with pytest.raises(StoreError, match="Read-only file system") as raised:
        pull(TranslationSettings(model="org/model"), tmp_path)
    assert raised.value.exit_code == 2 and "\n" not in str(raised.value)
    # the download kept, with the record of what it fetches
    assert sorted(p.name for p in (tmp_path / "org").iterdir()) == [
        ".model.partial",
        ".model.partial.json",
    ]


@pytest.mark.parametrize("in_the_way", ["store", "org"])
def test_a_pull_into_a_store_with_a_file_in_a_folders_place_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_the_way: str
) -> None:
    """runtime.models_dir naming a file, or a file where the model's org folder goes: the pull
    said "Not a directory (…/store/org)" and to make that folder writable or free space there."""
    import huggingface_hub

    from summarize.config import TranslationSettings
    from summarize.store import pull

    monkeypatch.setattr(huggingface_hub, "snapshot_download", _download_tiny)
    store = tmp_path / "store"
    if in_the_way == "org":
        store.mkdir()
    file = store if in_the_way == "store" else store / "org"
    file.write_text("notes", encoding="utf-8")
    with pytest.raises(StoreError) as raised:
        pull(TranslationSettings(model="org/model"), store)
    said = str(raised.value)
    assert f"into {store / 'org' / 'model'}: {file} is a file, not a folder; move it" in said, said
    assert "writable" not in said and raised.value.exit_code == 2, said
    assert file.read_text(encoding="utf-8") == "notes"


def test_a_pull_replaces_a_store_entry_linked_elsewhere_and_leaves_the_linked_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rmtree refused the link moved aside ("Cannot call rmtree on a symbolic link"): the pull
    ended in a traceback after the new copy was in place, and every later pull on the link's
    leftover, before downloading anything. A file where the folder goes is never replaced."""
    import huggingface_hub

    from summarize.config import TranslationSettings
    from summarize.store import pull

    monkeypatch.setattr(huggingface_hub, "snapshot_download", _download_tiny)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "config.json").write_text('{"old": true}', encoding="utf-8")
    store = tmp_path / "store"
    (store / "org").mkdir(parents=True)
    (store / "org" / "model").symlink_to(elsewhere)
    settings = TranslationSettings(model="org/model")
    assert pull(settings, store) == store / "org" / "model"
    assert not (store / "org" / "model").is_symlink()
    assert (store / "org" / "model" / "config.json").read_text(encoding="utf-8") == '{"new": true}'
    assert sorted(p.name for p in (store / "org").iterdir()) == ["model"]
    assert (elsewhere / "config.json").read_text(encoding="utf-8") == '{"old": true}'

    notes = store / "org" / "notes"
    notes.write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="a file is in the way"):
        pull(TranslationSettings(model="org/notes"), store)
    assert notes.read_text(encoding="utf-8") == "mine"


def test_a_window_beyond_the_position_table_is_cut_and_said_to_be(
    marian_copy: Path, self_contained_models, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="summarize")
    config = _config(marian_copy, self_contained_models.bart, "translation.max_input_tokens=100000")
    spec = resolve_spec("translation", config.translation, config.runtime.models_dir)
    assert spec.window < 100000
    assert "translation.max_input_tokens = 100000 is more than" in caplog.text
    assert f"{spec.window} tokens are used" in caplog.text


def test_a_store_copy_knows_the_revision_it_was_pulled_at(
    marian_copy: Path,
    self_contained_models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A run names the revision the copy holds, says when the config asks for another, and
    `models pull` fetches that one (it said "already available")."""
    import huggingface_hub
    from typer.testing import CliRunner

    from summarize.cli import app
    from summarize.store import locate

    def download(repo_id: str, revision: str | None, local_dir: Path, **kwargs: object) -> None:
        shutil.copytree(marian_copy, local_dir, dirs_exist_ok=True)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", download)
    store = tmp_path / "store"

    def config(revision: str) -> Config:
        return _store_config(marian_copy, self_contained_models.bart, store, revision)

    pull_v1 = ["models", "pull", "--set", f"runtime.models_dir={str(store)!r}"]
    pull_v1 += ["--set", "translation.model='org/marian'", "--set", "translation.revision=v1"]
    pull_v1 += ["--set", f"summarization.model={str(self_contained_models.bart)!r}"]
    pulled = CliRunner().invoke(app, pull_v1)
    assert pulled.exit_code == 0, pulled.output
    caplog.set_level(logging.WARNING, logger="summarize")
    spec = resolve_spec("translation", config("v1").translation, store)
    assert spec.revision == "v1" and "pulled at" not in caplog.text
    spec = resolve_spec("translation", config("v2").translation, store)
    assert spec.revision == "v1"  # what the copy is, not what the config hopes
    assert "was pulled at 'v1'" in caplog.text and "models pull" in caplog.text
    assert locate("translation", config("v2").translation, store).where == (
        "store copy of another revision"
    )
    pull_v2 = [*pull_v1[:7], "translation.revision=v2", *pull_v1[8:]]
    result = CliRunner().invoke(app, pull_v2)
    assert result.exit_code == 0 and "already available" not in result.output.split("\n")[0]
    caplog.clear()
    assert resolve_spec("translation", config("v2").translation, store).revision == "v2"
    assert "pulled at" not in caplog.text


@pytest.mark.parametrize(("pulled_at", "configured"), [(None, "main"), ("main", None)])
def test_the_revision_main_is_the_default_revision(
    marian_copy: Path,
    self_contained_models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    pulled_at: str | None,
    configured: str | None,
) -> None:
    """revision = "main" names the files an unset revision does (the hub's default branch): a
    copy pulled with one and run with the other was "pulled at None … run `summarize models
    pull`" and listed as a store copy of another revision, and a hub model's briefs and cached
    translations were keyed apart for the same weights."""
    import huggingface_hub
    from typer.testing import CliRunner

    from summarize.cli import app
    from summarize.store import locate

    def download(repo_id: str, revision: str | None, local_dir: Path, **kwargs: object) -> None:
        shutil.copytree(marian_copy, local_dir, dirs_exist_ok=True)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", download)
    store = tmp_path / "store"
    pull = ["models", "pull", "--set", f"runtime.models_dir={str(store)!r}"]
    pull += ["--set", "translation.model='org/marian'"]
    pull += ["--set", f"summarization.model={str(self_contained_models.bart)!r}"]
    if pulled_at is not None:
        pull += ["--set", f"translation.revision={pulled_at!r}"]
    pulled = CliRunner().invoke(app, pull)
    assert pulled.exit_code == 0, pulled.output

    def config(revision: str | None) -> Config:
        at = [] if revision is None else [f"translation.revision={revision!r}"]
        store_setting = f"runtime.models_dir={str(store)!r}"
        bart = self_contained_models.bart
        return _config(marian_copy, bart, store_setting, "translation.model='org/marian'", *at)

    caplog.set_level(logging.WARNING, logger="summarize")
    spec = resolve_spec("translation", config(configured).translation, store)
    assert "pulled at" not in caplog.text
    assert locate("translation", config(configured).translation, store).where == "local folder"
    # Keyed alike: the same briefs and cached translations either way (a hub model's identity
    # is its settings' revision and snapshot).
    assert config("main").translation == config(None).translation
    assert (
        spec.identity()
        == resolve_spec("translation", config(pulled_at).translation, store).identity()
    )


def test_a_pulled_copy_given_by_path_is_a_local_folder_not_one_to_pull_again(
    marian_copy: Path,
    self_contained_models,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A copy `models pull` made at v1, given by its path (the store moved, a config naming
    the folder): a run uses it as it is, the revision ignored. `models list` called it a
    "store copy of another revision", and `models pull` took the path for a hub id to
    download ("Repo id must be in the form ...", exit 2)."""
    import huggingface_hub
    from typer.testing import CliRunner

    from summarize.cli import app
    from summarize.store import locate

    def no_download(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a folder given by path is never downloaded")

    monkeypatch.setattr(huggingface_hub, "snapshot_download", no_download)
    (marian_copy / PULLED_FILE).write_text(
        json.dumps({"model": "org/marian", "revision": "v1"}), encoding="utf-8"
    )
    store = tmp_path / "store"
    spelt_from_here = f"./{os.path.relpath(marian_copy)}"
    for model in (str(marian_copy), spelt_from_here):
        config = _config(model, self_contained_models.bart, f"runtime.models_dir={str(store)!r}")
        assert locate("translation", config.translation, store).where == "local folder"
    pulled = CliRunner().invoke(
        app,
        [
            "models", "pull",
            "--set", f"runtime.models_dir={str(store)!r}",
            "--set", f"translation.model={str(marian_copy)!r}",
            "--set", f"summarization.model={str(self_contained_models.bart)!r}",
        ],
    )  # fmt: skip
    assert pulled.exit_code == 0, pulled.output
    assert "already available (local folder)" in pulled.output


def test_a_store_folder_copied_by_hand_is_not_named_by_the_configured_revision(
    marian_copy: Path,
    self_contained_models,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A model copied into the store by hand (no record of a pull): the brief named it by
    whatever translation.revision said ("v1", though nothing was ever fetched at v1; "v2"
    redid every brief with the same weights), while `models list` said no revision. Its
    revision is unknown: ignored, and said so, as for a folder given by path."""
    from summarize.store import locate

    store = tmp_path / "store"
    shutil.copytree(marian_copy, store / "org" / "marian")

    def config(revision: str) -> Config:
        return _store_config(marian_copy, self_contained_models.bart, store, revision)

    caplog.set_level(logging.WARNING, logger="summarize")
    specs = [resolve_spec("translation", config(r).translation, store) for r in ("v1", "v2")]
    assert [spec.revision for spec in specs] == [None, None]
    assert "revision = 'v1' is ignored" in caplog.text and "not made by" in caplog.text
    assert locate("translation", config("v1").translation, store).revision is None
    assert _identities(config("v1"))[1] == _identities(config("v2"))[1]


@pytest.mark.parametrize("stop", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_digests_file_that_cannot_be_written_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException
) -> None:
    """The digests live in the user's cache folder, which no run cleans up: a write stopped by
    a full disk (warned, the run goes on) or by Ctrl-C (the run stops) leaves no temp file."""
    from summarize import digests as digests_module
    from summarize import fileio

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    cache = tmp_path / "user-cache"
    digests = cache / DIGESTS_FILENAME

    def interrupted_sync(*_args: object, **_kwargs: object) -> None:
        raise stop

    # the temp file written, not yet renamed (fileio.write_atomic)
    monkeypatch.setattr(fileio.os, "fsync", interrupted_sync)
    if isinstance(stop, OSError):
        assert digests_module.folder_digest(folder, digests)
    else:
        with pytest.raises(KeyboardInterrupt):
            digests_module.folder_digest(folder, digests)
    assert list(cache.iterdir()) == []


def test_digests_that_cannot_be_written_are_not_said_to_be_remembered(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """With HOME or XDG_CACHE_HOME on a read-only or full disk, each model's "hashed ...;
    remembered in <file>" was followed by "could not remember model digests in <file>"."""
    from summarize import digests as digests_module

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model.safetensors").write_bytes(b"weights")
    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("a file where the cache folder would be", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="summarize"):
        digests_module.folder_digest(folder, not_a_folder / ".cache" / DIGESTS_FILENAME)
    said = [record.getMessage() for record in caplog.records]
    # said in words, not as "[Errno 20] Not a directory: '…/home/.cache'"
    memo = not_a_folder / ".cache" / DIGESTS_FILENAME
    reason = f"{not_a_folder} is a file, not a folder"
    assert f"could not remember model digests in {memo}: {reason}" in said, said
    assert not any("Errno" in line for line in said), said
    assert any(line.startswith("hashed model.safetensors in") for line in said), said
    assert not any("remembered in" in line for line in said), said


def test_the_remains_of_an_interrupted_pull_never_become_the_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull stopped midway leaves its hidden ``.partial`` folder (config and tokenizer files,
    no weights yet). Pulled again offline or with the hub out of reach, snapshot_download hands
    that folder back as it is: the pull fails naming what is missing and keeps the files, and
    the model that was in the store stays (before, the half-filled folder replaced it)."""
    import huggingface_hub

    from summarize.config import TranslationSettings
    from summarize.errors import ModelNotFoundError
    from summarize.store import pull

    def hub_out_of_reach(repo_id: str, revision: str | None, local_dir: Path, **_: object) -> str:
        return str(local_dir)  # "Returning existing local_dir ... cannot be accessed"

    monkeypatch.setattr(huggingface_hub, "snapshot_download", hub_out_of_reach)
    old = tmp_path / "org" / "model"
    old.mkdir(parents=True)
    (old / "config.json").write_text('{"old": true}', encoding="utf-8")
    partial = tmp_path / "org" / ".model.partial"
    partial.mkdir()
    (partial / "config.json").write_text('{"new": true}', encoding="utf-8")
    weights = r"incomplete \(the weights \(model\.safetensors or the model\.safetensors\.index"
    with pytest.raises(ModelNotFoundError, match=weights):
        pull(TranslationSettings(model="org/model"), tmp_path)
    assert (old / "config.json").read_text(encoding="utf-8") == '{"old": true}'
    assert (partial / "config.json").is_file()  # kept for the next pull to resume

    # a shard fetched before the index that names the others: it was installed as the model
    (partial / "model-1.safetensors").write_bytes(b"first shard")
    with pytest.raises(ModelNotFoundError, match=weights):
        pull(TranslationSettings(model="org/model"), tmp_path)
    assert (old / "config.json").read_text(encoding="utf-8") == '{"old": true}'
    (partial / "model.safetensors.index.json").write_text(
        json.dumps({"weight_map": {"a": "model-1.safetensors", "b": "model-2.safetensors"}}),
        encoding="utf-8",
    )
    with pytest.raises(ModelNotFoundError, match=r"\(model-2\.safetensors missing"):
        pull(TranslationSettings(model="org/model"), tmp_path)
    (partial / "model-2.safetensors").write_bytes(b"second shard")
    assert pull(TranslationSettings(model="org/model"), tmp_path) == old
    assert (old / "config.json").read_text(encoding="utf-8") == '{"new": true}'


def test_an_unfinished_pull_of_another_revision_never_becomes_part_of_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull of v1 stopped midway (Ctrl-C) or refused at the end (a file in the way) leaves
    its hidden folder; a pull of v2 resumed into it. Online the hub's client added v2's files
    beside v1's, which stayed (a tokenizer.json v2 has not); offline it handed v1's folder back
    as it was, installed and recorded as v2. The other revision's folder is removed first."""
    import huggingface_hub
    from huggingface_hub.errors import LocalEntryNotFoundError

    from summarize.config import TranslationSettings
    from summarize.errors import ModelNotFoundError
    from summarize.models import pulled_copy
    from summarize.store import pull

    revisions = {
        "v1": {"config.json": '{"v": 1}', "tokenizer.json": "v1", "model.safetensors": "v1"},
        "v2": {"config.json": '{"v": 2}', "model.safetensors": "v2"},
    }
    hub = {"reachable": True, "stop_after": None}

    def download(repo_id: str, revision: str, local_dir: Path, **_: object) -> str:
        folder = Path(local_dir)
        if not hub["reachable"]:  # as the hub's client does: a folder there is handed back
            if folder.is_dir() and any(folder.iterdir()):
                return str(folder)
            raise LocalEntryNotFoundError("the hub cannot be reached")
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in revisions[revision].items():
            (folder / name).write_text(text, encoding="utf-8")
            if name == hub["stop_after"]:
                raise KeyboardInterrupt
        return str(folder)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", download)
    copy = tmp_path / "org" / "model"
    hub["stop_after"] = "tokenizer.json"
    with pytest.raises(KeyboardInterrupt):
        pull(TranslationSettings(model="org/model", revision="v1"), tmp_path)
    hub["stop_after"] = None
    assert pull(TranslationSettings(model="org/model", revision="v2"), tmp_path) == copy
    assert sorted(path.name for path in copy.iterdir()) == sorted([*revisions["v2"], PULLED_FILE])
    assert pulled_copy(copy) == ("v2",)

    other = tmp_path / "other"
    (other / "org").mkdir(parents=True)
    (other / "org" / "model").write_text("a file in the way", encoding="utf-8")
    with pytest.raises(StoreError, match="a file is in the way"):
        pull(TranslationSettings(model="org/model", revision="v1"), other)
    (other / "org" / "model").unlink()
    hub["reachable"] = False
    with pytest.raises(ModelNotFoundError, match="the hub cannot be reached"):
        pull(TranslationSettings(model="org/model", revision="v2"), other)
    assert list((other / "org").iterdir()) == []  # v1's files are no copy of v2


def test_a_pull_for_a_section_that_accepts_pickle_fetches_and_accepts_pickle_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model without safetensors (many older hub checkpoints) can be pulled when its section
    says ``allow_pickle = true``: the pull asks for its ``pytorch_model.bin`` and takes it as
    the weights; without the setting it asks for safetensors only and says none came."""
    import huggingface_hub

    from summarize.config import TranslationSettings
    from summarize.errors import ModelNotFoundError
    from summarize.store import pull

    asked: list[list[str]] = []

    def pickle_only_repo(
        repo_id: str, revision: str | None, local_dir: Path, allow_patterns: list[str], **_: object
    ) -> str:
        asked.append(allow_patterns)
        Path(local_dir).mkdir(parents=True, exist_ok=True)
        (Path(local_dir) / "config.json").write_text("{}", encoding="utf-8")
        if any(fnmatch.fnmatch("pytorch_model.bin", pattern) for pattern in allow_patterns):
            (Path(local_dir) / "pytorch_model.bin").write_bytes(b"pickle")
        return str(local_dir)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", pickle_only_repo)
    with pytest.raises(ModelNotFoundError, match=r"the weights \(model\.safetensors or the "):
        pull(TranslationSettings(model="org/old"), tmp_path)
    pulled = pull(TranslationSettings(model="org/old", allow_pickle=True), tmp_path)
    assert (pulled / "pytorch_model.bin").is_file()
    assert not any(fnmatch.fnmatch("pytorch_model.bin", p) for p in asked[0])


def test_a_pull_fetches_prophetnets_vocabulary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ProphetNet's vocabulary is ``prophetnet.tokenizer``, which no pattern of the pull
    matched: the copy put in the store had no vocabulary, and neither a run nor `models list`
    could load it (a model folder's digest counts the file already)."""
    import huggingface_hub
    from transformers import ProphetNetTokenizer

    from summarize.config import SummarizationSettings
    from summarize.store import pull

    names = set(ProphetNetTokenizer.vocab_files_names.values())
    assert names == {"prophetnet.tokenizer"}
    repo = sorted(names | {"config.json", "model.safetensors", "flax_model.msgpack"})

    def hub(
        repo_id: str, revision: str | None, local_dir: Path, allow_patterns: list[str], **_: object
    ) -> str:
        Path(local_dir).mkdir(parents=True, exist_ok=True)
        for name in repo:  # as the hub's client filters a repository's files
            if any(fnmatch.fnmatch(name, pattern) for pattern in allow_patterns):
                (Path(local_dir) / name).write_bytes(b"x")
        return str(local_dir)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", hub)
    pulled = pull(SummarizationSettings(model="microsoft/prophetnet-large-uncased-cnndm"), tmp_path)
    assert sorted(names - {p.name for p in pulled.iterdir()}) == []
    assert not (pulled / "flax_model.msgpack").exists()


def test_a_hub_cache_entry_without_weights_is_not_available_and_a_pull_fetches_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Hugging Face cache holding a model's config and tokenizer alone (read by other code,
    or a download cut short): `models list` said it was available offline and `models pull`
    that it was already there, fetching nothing, while a run offline stopped at the weights."""
    import huggingface_hub
    import huggingface_hub.constants

    from summarize.cli import _pull_models
    from summarize.store import locate

    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hub" / "models--org--model"
    (repo / "snapshots" / commit).mkdir(parents=True)
    (repo / "snapshots" / commit / "config.json").write_text("{}", encoding="utf-8")
    (repo / "snapshots" / commit / "tokenizer_config.json").write_text("{}", encoding="utf-8")
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(tmp_path / "hub"))
    monkeypatch.setattr(huggingface_hub, "snapshot_download", _download_tiny)
    store = tmp_path / "store"
    config = load_config(
        project_file=None,
        overrides=[
            "translation.model=org/model",
            "summarization.model=org/other",
            f"runtime.models_dir={json.dumps(str(store))}",
            f"runtime.model_digests={json.dumps(str(tmp_path / 'digests.json'))}",
        ],
        library_checks=False,
    )
    stored = locate("translation", config.translation, store)
    assert (stored.available, stored.where) == (False, "not available offline")
    assert "without the weights" in (stored.problem or "")
    assert _pull_models(config, pull_all=False) == 0
    assert (store / "org" / "model" / "model.safetensors").is_file()


def test_a_file_in_the_store_where_a_hub_ids_folder_goes_is_said_to_be_in_the_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`models pull` said to set the model to a hub id, such as the one it was set to, and the
    run to point it at a folder: neither named the file in the way."""
    from summarize.cli import _pull_models

    store = tmp_path / "store"
    (store / "org").mkdir(parents=True)
    (store / "org" / "model").write_text("notes", encoding="utf-8")
    config = load_config(
        project_file=None,
        overrides=[
            "translation.model=org/model",
            f"summarization.model={json.dumps(str(tmp_path))}",
            f"runtime.models_dir={json.dumps(str(store))}",
        ],
        library_checks=False,
    )
    with pytest.raises(ModelNotFoundError, match=r"is a file in the model store .*Move the file"):
        resolve_spec("translation", config.translation, store)
    capsys.readouterr()
    assert _pull_models(config, pull_all=False) == 1
    said = capsys.readouterr().err
    assert "Move the file away" in said and "downloads hub ids only" not in said


def test_a_model_store_that_is_a_file_is_named_when_a_hub_model_is_not_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """runtime.models_dir set to a file (a config file's name, say): the run said the model
    could not be found and advised copying its folder to <file>/org/model, which cannot be
    done, without saying that the store is a file."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache: the hub id is nowhere
    store = tmp_path / "models.toml"
    store.write_text("notes", encoding="utf-8")
    config = load_config(
        project_file=None,
        overrides=["translation.model=org/model", f"runtime.models_dir={json.dumps(str(store))}"],
        library_checks=False,
    )
    with pytest.raises(ModelNotFoundError) as raised:
        resolve_spec("translation", config.translation, store)
    said = str(raised.value)
    assert f"{store}, which is a file, not a folder" in said
    assert "set runtime.models_dir to a folder" in said
    assert f"copy the model folder to {store}" not in said


def test_a_conversion_killed_midway_is_cleared_and_redone(
    marian_copy: Path, tmp_path: Path, caplog
) -> None:
    """A conversion killed midway (SIGKILL, a power cut) leaves its temp folder, as large as
    the weights written so far; the next conversion of that model removes it and says so."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    config = _config(marian_copy, marian_copy, "translation.backend=ctranslate2")
    spec = resolve_spec("translation", config.translation, tmp_path)
    target = converted_model_dir(
        str(marian_copy),
        True,
        tmp_path,
        "none",
        models_module.identity_digest(spec.weights_identity()),
    )
    stale = target.with_name(f".{target.name}.k1ll3d.tmp")
    stale.mkdir()
    (stale / "model.bin").write_bytes(b"\0" * 4096)  # half written
    other = target.with_name(f".{target.name}x.k1ll3d.tmp")  # another model's: not ours
    other.mkdir()
    caplog.set_level(logging.INFO, logger="summarize")
    loaded = models_module.load_weights(spec, tmp_path)
    assert len(Translator(loaded, config.translation).translate(SENTENCES)) == len(SENTENCES)
    assert (target / "model.bin").is_file()
    assert not stale.exists() and other.exists()
    assert f"removing {stale}, left by a conversion that was stopped midway" in caplog.text


def test_a_conversion_folder_that_takes_no_writes_is_named(
    marian_copy: Path, tmp_path: Path, monkeypatch
) -> None:
    """A model folder on a read-only mount: the conversion beside it cannot be written. The run
    says so before any article (it ended in a traceback after the other model's work), and a
    folder that stops taking writes during the conversion gets a message, not a traceback."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.backends import ensure_converted
    from summarize.errors import ModelLoadError

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ModelLoadError, match="could not write the CTranslate2 conversion"):
        ensure_converted(str(marian_copy), blocked / "marian.ct2-float32-0", "none", None)

    config = _config(marian_copy, marian_copy, "translation.backend=ctranslate2")
    spec = resolve_spec("translation", config.translation, tmp_path)
    target = models_module.conversion_target(spec, tmp_path)
    assert models_module.ctranslate2_problem(spec, tmp_path) is None
    monkeypatch.setattr(models_module.os, "access", lambda *args, **kwargs: False)
    problem = models_module.ctranslate2_problem(spec, tmp_path)
    assert problem is not None
    assert f"could not write the CTranslate2 conversion of {marian_copy} at {target}" in problem
    assert f"make {target.parent} writable, or set translation.backend = 'torch'" in problem


def test_a_damaged_conversion_is_named_with_what_to_do(marian_copy: Path, tmp_path: Path) -> None:
    """A conversion cut short outside our control (a copy, a full disk while syncing): the run
    names the folder and how to get a new one, instead of a traceback."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.errors import ModelLoadError

    config = _config(marian_copy, marian_copy, "translation.backend=ctranslate2")
    spec = resolve_spec("translation", config.translation, tmp_path)
    models_module.load_weights(spec, tmp_path)
    (conversion,) = marian_copy.parent.glob("marian.ct2-float32-*")
    weights = conversion / "model.bin"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    with pytest.raises(ModelLoadError, match="delete it and the next run converts") as raised:
        models_module.load_weights(spec, tmp_path)
    assert f"could not load the CTranslate2 conversion at {conversion}" in str(raised.value)


@pytest.mark.parametrize("package", ["trafilatura", "pysbd", "py3langid", "sentencepiece"])
def test_a_new_release_of_a_text_library_makes_briefs_stale(monkeypatch, package: str) -> None:
    """A new trafilatura extracts a page otherwise, a new pysbd splits it otherwise: the
    fingerprint counted our version and the model libraries only, so briefs made with the old
    release counted as current."""
    config = load_config(project_file=None)
    before = stages.run_fingerprint(config, {}, {})
    real_version = models_module.installed_version

    def version(name: str) -> str | None:
        return "999.0" if name == package else real_version(name)

    monkeypatch.setattr(models_module, "installed_version", version)
    assert stages.run_fingerprint(config, {}, {}) != before


def test_each_librarys_version_is_looked_up_once_per_process(monkeypatch) -> None:
    """The run's fingerprint, each model's identity and its key name the libraries' versions:
    a one-article run looked their metadata up 139 times for 22 packages, each lookup a search
    of every sys.path folder. Versions are looked up once; an uninstalled one still reads "?"."""
    import importlib.metadata

    looked_up: list[str] = []
    real_version = importlib.metadata.version

    def version(name: str) -> str:
        looked_up.append(name)
        return real_version(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    models_module.installed_version.cache_clear()  # what this process looked up before
    config = load_config(project_file=None)
    first = stages.run_fingerprint(config, {}, {})
    assert stages.run_fingerprint(config, {}, {}) == first
    assert sorted(looked_up) == sorted(set(stages.TEXT_LIBRARIES))
    packages = ("torch", "no-such-distribution-here")
    assert models_module.package_versions(packages) == (
        f"torch {real_version('torch')}, no-such-distribution-here ?"
    )


def test_changed_settings_names_what_a_rerun_redoes_briefs_for() -> None:
    """What a rerun says redid a brief: the settings that differ from its record's, each model's
    generation settings, "the models" where neither differs, and for a record from before
    settings were kept, the version that wrote it."""
    config = load_config(overrides=["summarization.max_reduce_rounds=3"])
    kept = json.loads(json.dumps(stages.run_settings(config), default=str))
    generation = {"translation": {"num_beams": 4}, "summarization": {"num_beams": 4}}
    assert stages.changed_settings(config, kept, generation, generation) == [
        "the models (their files, device, backend or window)"
    ]
    other = {**kept, "max_reduce_rounds": 4, "force_language": True}
    assert stages.changed_settings(config, other, generation, generation) == [
        "input.force_language",
        "summarization.max_reduce_rounds",
    ]
    now = {**generation, "summarization": {"num_beams": 2}}
    assert stages.changed_settings(config, kept, generation, now) == ["summarization.generation"]
    assert stages.changed_settings(config, {}, {}, now) == ["the summarize version"]


def test_changed_settings_names_the_clean_setting_that_changed() -> None:
    """A brief redone for a change to the [clean] table names the key that changed, and a
    classifier switched off with cleaning is not said to have changed: clean.enabled = false
    was said as "the clean settings, the cleaning classifier", as if the classifier's file had
    changed, and which clean setting changed was left to guess."""
    generation = {"translation": {}, "summarization": {}}

    def said(before: list[str], after: list[str]) -> list[str]:
        kept = json.loads(json.dumps(stages.run_settings(load_config(overrides=before))))
        return stages.changed_settings(load_config(overrides=after), kept, generation, generation)

    assert said([], ["clean.enabled=false"]) == ["clean.enabled"]
    assert said(["clean.enabled=false"], []) == ["clean.enabled"]
    assert said([], ["clean.disable=['tail']"]) == ["clean.disable"]
    assert said([], ["clean.threshold=0.5"]) == ["clean.threshold"]


def test_changed_settings_names_the_part_of_a_model_that_changed() -> None:
    """A new transformers, a prefix, a quantization or a model's files redid every brief with
    "changed: the models (their files, device, backend or window)", which named what had not
    changed and not what had: each is named now, from the models the record describes."""
    config = load_config()
    kept = json.loads(json.dumps(stages.run_settings(config), default=str))
    generation = {"translation": {"num_beams": 4}, "summarization": {"num_beams": 4}}
    described = {
        "model": "models/opus",
        "location": "/data/models/opus",
        "revision": None,
        "weights": "aaa",
        "libraries": "transformers 4.57.0, torch 2.8.0",
        "device": "cpu",
        "backend": "torch",
        "quantization": "none",
        "window_tokens": 512,
        "prefix": "",
        "family": "marian",
        "source_lang": None,
        "target_lang": None,
    }
    record = {"translation": described, "summarization": {**described, "weights": "bbb"}}

    def said(translation: dict, summarization: dict | None = None) -> list[str]:
        now = {
            "translation": translation,
            "summarization": summarization or record["summarization"],
        }
        return stages.changed_settings(config, kept, generation, generation, record, now)

    assert said(described) == ["the models (their files, device, backend or window)"]
    newer = {**described, "libraries": "transformers 5.0.0, torch 2.8.0"}
    assert said(newer) == ["the translation model's libraries"]
    assert said({**described, "prefix": ">>eng<< ", "quantization": "int8"}) == [
        "translation.quantization",
        "translation.prefix",
    ]
    # Other files in the same folder, or another model: its window and prefix come with them.
    refilled = {**described, "weights": "ccc", "window_tokens": 1024}
    assert said(refilled) == ["the translation model's files"]
    other = {**refilled, "model": "Helsinki-NLP/opus-mt-de-en", "location": "Helsinki-NLP/x"}
    assert said(other) == ["translation.model"]
    # The same files typed another way, or copied to another folder: no change of the model.
    elsewhere = {**described, "model": "/data/models/opus", "location": "/copy/opus"}
    assert said(elsewhere, {**record["summarization"], "device": "cuda:0"}) == [
        "summarization.device"
    ]
