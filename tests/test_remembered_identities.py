"""A rerun whose every brief is current answers from the models' remembered identities
(summarize.identities): the fingerprint it computes is the one a full read of the models
computes, it imports neither torch nor transformers, and any change a full read would see
still redoes the briefs."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, write_config
from typer.testing import CliRunner

from summarize import identities
from summarize.cli import app
from summarize.config import Config, load_config
from summarize.engines.local import Pipeline, remembered_identities

SEED_COUNT = 2


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:SEED_COUNT]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def _config_file(tmp_path: Path, marian: Path, summarizer: Path, extra: str = "") -> Path:
    """The models, short generation, and the digests (and so the identities) in ``tmp_path``."""
    digests = json.dumps(str(tmp_path / "cache" / "model-digests.json"))
    return write_config(
        tmp_path / "my.toml",
        marian,
        summarizer,
        f"[runtime]\nmodel_digests = {digests}\ncache = false\n{extra}",
    )


def _run(config: Path, articles: Path, output: Path, *options: str) -> str:
    result = CliRunner().invoke(
        app, ["run", str(articles), "-c", str(config), "-o", str(output), *options]
    )
    assert result.exit_code == 0, result.output
    return result.output


def _load(config: Path, *overrides: str) -> Config:
    return load_config(config, overrides=list(overrides), project_file=None)


def _remembered_fingerprint(config: Config) -> str:
    entries = remembered_identities(config)
    assert entries is not None, "the identities are not remembered"
    return Pipeline(config)._fingerprint_as_remembered(entries)


@pytest.mark.parametrize("model_set", ["self-contained", "shared-hub", "t5"])
def test_the_remembered_fingerprint_is_the_one_read_from_the_models(
    request: pytest.FixtureRequest, tmp_path: Path, model_set: str
) -> None:
    if model_set == "t5":
        marian = request.getfixturevalue("self_contained_models").marian
        summarizer = request.getfixturevalue("t5_model")
    else:
        fixture = "self_contained_models" if model_set == "self-contained" else "shared_hub_models"
        models = request.getfixturevalue(fixture)
        marian, summarizer = models.marian, models.bart
    config = _load(_config_file(tmp_path, marian, summarizer))
    assert remembered_identities(config) is None  # nothing read yet
    read = Pipeline(config).fingerprint()  # reads both models, and remembers them
    assert _remembered_fingerprint(config) == read
    # A new pipeline (a new process) reads the models again to the same fingerprint.
    assert Pipeline(config).fingerprint() == read


def test_an_up_to_date_rerun_imports_neither_torch_nor_transformers(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    config = _config_file(tmp_path, self_contained_models.marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    assert f"{SEED_COUNT} written, 0 up to date" in _run(config, articles, output)
    script = (
        "import json, sys\n"
        "from summarize.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "print(json.dumps([code, 'torch' in sys.modules, 'transformers' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "run", str(articles), "-c", str(config), "-o", str(output)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert f"0 written, {SEED_COUNT} up to date" in done.stderr, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [0, False, False], done.stderr


def _edit_generation(marian: Path, config: Path) -> list[str]:
    return ["--set", "translation.generation.num_beams=3"]


def _rewrite_tokenizer_file(marian: Path, config: Path) -> list[str]:
    # The same vocabulary written otherwise: the folder's content, and so its weights' digest,
    # is new, which a full read counts.
    vocabulary = marian / "vocab.json"
    vocabulary.write_text(json.dumps(json.loads(vocabulary.read_text("utf-8")), indent=1), "utf-8")
    return []


def _edit_models_generation_file(marian: Path, config: Path) -> list[str]:
    settings_file = marian / "generation_config.json"
    settings = json.loads(settings_file.read_text("utf-8"))
    settings["repetition_penalty"] = 1.5
    settings_file.write_text(json.dumps(settings), "utf-8")
    return []


@pytest.mark.parametrize(
    "change", [_edit_generation, _rewrite_tokenizer_file, _edit_models_generation_file]
)
def test_a_changed_setting_or_model_file_still_redoes_the_briefs(
    self_contained_models, tmp_path: Path, articles: Path, change
) -> None:
    marian = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    config = _config_file(tmp_path, marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    _run(config, articles, output)
    assert f"0 written, {SEED_COUNT} up to date" in _run(config, articles, output)
    options = change(marian, config)
    assert f"{SEED_COUNT} written, 0 up to date" in _run(config, articles, output, *options)
    # ... and what it then read is remembered for the next rerun.
    assert f"0 written, {SEED_COUNT} up to date" in _run(config, articles, output, *options)


def test_a_model_file_touched_but_unchanged_keeps_the_briefs(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    marian = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    config = _config_file(tmp_path, marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    _run(config, articles, output)
    (marian / "vocab.json").write_bytes((marian / "vocab.json").read_bytes())  # a new stat
    assert remembered_identities(_load(config)) is None
    assert f"0 written, {SEED_COUNT} up to date" in _run(config, articles, output)
    assert remembered_identities(_load(config)) is not None


def test_a_remembered_read_says_its_warnings_again(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    config = _config_file(tmp_path, self_contained_models.marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    warning = "translation.revision = 'v1' is ignored"
    revision = ("--set", "translation.revision='v1'")
    assert warning in _run(config, articles, output, *revision)
    rerun = _run(config, articles, output, *revision)
    assert remembered_identities(_load(config, "translation.revision='v1'")) is not None
    assert f"0 written, {SEED_COUNT} up to date" in rerun
    assert warning in rerun


def test_identities_read_in_a_quieter_run_are_not_taken_by_a_more_talkative_one(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    config = _config_file(tmp_path, self_contained_models.marian, self_contained_models.bart)
    _run(config, articles, tmp_path / "briefs", "--quiet")
    summarize_logger = logging.getLogger("summarize")
    assert remembered_identities(_load(config)) is not None  # for another quiet run
    # Its messages below warnings were never logged, so not remembered either.
    summarize_logger.setLevel(logging.INFO)
    assert remembered_identities(_load(config)) is None


def test_a_device_torch_must_pick_is_read_as_before(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert identities.device_without_torch("cpu") == "cpu"
    assert identities.device_without_torch("cuda") is None
    assert identities.device_without_torch("mps") is None
    monkeypatch.setattr(identities, "_torch_has_no_gpu_build", lambda: False)
    assert identities.device_without_torch("auto") is None
    config = _load(_config_file(tmp_path, self_contained_models.marian, self_contained_models.bart))
    Pipeline(config).fingerprint()
    assert remembered_identities(config) is None


def test_a_misspelt_generate_keyword_unset_is_refused_as_by_a_full_load(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    # Unsetting a key changes nothing where it is misspelt, so the identities remembered match:
    # the run answered "up to date", exit 0, where a full load refuses the key (exit 2).
    config = _config_file(tmp_path, self_contained_models.marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    _run(config, articles, output)
    assert remembered_identities(_load(config)) is not None
    unset_misspelt = "translation.generation.num_beam="
    result = CliRunner().invoke(
        app,
        ["run", str(articles), "-c", str(config), "-o", str(output), "--set", unset_misspelt],
    )
    assert result.exit_code == 2, result.output
    assert "unknown generate() setting (did you mean num_beams?)" in result.output


def test_identities_read_on_a_machine_with_more_memory_are_not_taken(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The read refuses beams that cannot fit the machine's memory: a memo shared with a larger
    # machine (a home folder on a network disk) would skip that refusal.
    config = _load(_config_file(tmp_path, self_contained_models.marian, self_contained_models.bart))
    Pipeline(config).fingerprint()
    assert remembered_identities(config) is not None
    sysconf = os.sysconf

    def smaller_machine(name: str | int) -> int:
        pages = sysconf(name)
        return pages // 2 if name == "SC_PHYS_PAGES" else pages

    monkeypatch.setattr(os, "sysconf", smaller_machine)
    assert remembered_identities(config) is None


def test_a_config_given_as_a_pipe_is_read_once(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    # "--config <(…)": the first load looks for remembered identities, finds none, and a
    # second load read the pipe empty, so the run went on with the default models.
    config = _config_file(tmp_path, self_contained_models.marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    reading, writing = os.pipe()
    os.write(writing, config.read_bytes())
    os.close(writing)
    command = [sys.executable, "-m", "summarize", "run", str(articles), "-o", str(output)]
    try:
        done = subprocess.run(
            [*command, "-c", f"/dev/fd/{reading}"],
            capture_output=True,
            text=True,
            pass_fds=(reading,),
            cwd=tmp_path,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            timeout=300,
        )
    finally:
        os.close(reading)
    assert done.returncode == 0, done.stderr
    assert f"{SEED_COUNT} written, 0 up to date" in done.stderr


def test_a_warning_is_said_once_when_a_new_article_has_the_models_read_after_all(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    # The remembered fingerprint says the read's warnings again; a new article beside the
    # current briefs then has the models read, which said them a second time.
    config = _config_file(tmp_path, self_contained_models.marian, self_contained_models.bart)
    output = tmp_path / "briefs"
    warning = "translation.revision = 'v1' is ignored"
    revision = ("--set", "translation.revision='v1'")
    _run(config, articles, output, *revision)
    new = sorted(SEEDS.glob("*.txt"))[SEED_COUNT]
    (articles / new.name).write_bytes(new.read_bytes())
    rerun = _run(config, articles, output, *revision)
    assert f"1 written, {SEED_COUNT} up to date" in rerun
    assert rerun.count(warning) == 1, rerun
    # What the read logged is still remembered with it.
    again = _run(config, articles, output, *revision)
    assert f"0 written, {SEED_COUNT + 1} up to date" in again
    assert again.count(warning) == 1, again


def _hub_cache(tmp_path: Path, models) -> tuple[Path, dict[str, Path]]:
    """A Hugging Face cache holding both models at main's commit (as a download leaves it)."""
    cache = tmp_path / "hub"
    snapshots = {}
    made = (("org/mt", models.marian, "a" * 40), ("org/sum", models.bart, "b" * 40))
    for repo_id, folder, commit in made:
        repo = cache / f"models--{repo_id.replace('/', '--')}"
        snapshots[repo_id] = Path(shutil.copytree(folder, repo / "snapshots" / commit))
        (repo / "refs").mkdir()
        (repo / "refs" / "main").write_text(commit, encoding="utf-8")
    return cache, snapshots


def _hub_config_file(tmp_path: Path) -> Path:
    store = json.dumps(str(tmp_path / "store"))
    return _config_file(tmp_path, Path("org/mt"), Path("org/sum"), f"models_dir = {store}\n")


def test_hub_ids_read_offline_are_remembered_by_their_cached_snapshot(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A hub id read from the Hugging Face cache offline was read in full on every rerun
    (torch and transformers imported: 3.7-4.2 s of CPU where a folder's took 0.7 s); what the
    read takes is the snapshot its revision resolves to in the cache, which the key now covers."""
    import huggingface_hub.constants

    cache, snapshots = _hub_cache(tmp_path, self_contained_models)
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    config = _load(_hub_config_file(tmp_path))
    assert remembered_identities(config) is None  # nothing read yet
    read = Pipeline(config).fingerprint()
    assert _remembered_fingerprint(config) == read
    # Online the hub may hold a newer main, which a full read fetches: read as before.
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)
    assert remembered_identities(config) is None
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    # A newer commit downloaded into the cache (main moved): its snapshot is another key, and
    # the full read's fingerprint another.
    repo = snapshots["org/mt"].parent.parent
    newer = shutil.copytree(snapshots["org/mt"], repo / "snapshots" / ("c" * 40))
    settings = json.loads((newer / "generation_config.json").read_text("utf-8"))
    settings["repetition_penalty"] = 1.5
    (newer / "generation_config.json").write_text(json.dumps(settings), "utf-8")
    (repo / "refs" / "main").write_text("c" * 40, encoding="utf-8")
    assert remembered_identities(config) is None
    newer_read = Pipeline(config).fingerprint()
    assert newer_read != read and _remembered_fingerprint(config) == newer_read
    # A file of the snapshot edited in place is another key too.
    (newer / "vocab.json").write_bytes((newer / "vocab.json").read_bytes())
    assert remembered_identities(config) is None


def test_an_up_to_date_rerun_with_hub_ids_offline_imports_neither_torch_nor_transformers(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    cache, _ = _hub_cache(tmp_path, self_contained_models)
    config = _hub_config_file(tmp_path)
    output = tmp_path / "briefs"
    env = {**os.environ, "HF_HUB_CACHE": str(cache), "HF_HUB_OFFLINE": "1"}
    script = (
        "import json, sys\n"
        "from summarize.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "print(json.dumps([code, 'torch' in sys.modules, 'transformers' in sys.modules]))\n"
    )
    command = [sys.executable, "-c", script, "run", str(articles), "-c", str(config)]
    first = subprocess.run([*command, "-o", str(output)], capture_output=True, text=True, env=env)
    assert f"{SEED_COUNT} written, 0 up to date" in first.stderr, first.stderr
    done = subprocess.run([*command, "-o", str(output)], capture_output=True, text=True, env=env)
    assert f"0 written, {SEED_COUNT} up to date" in done.stderr, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [0, False, False], done.stderr


_ON_CTRANSLATE2 = ("translation.backend=ctranslate2", "summarization.backend=ctranslate2")


def test_an_up_to_date_rerun_on_ctranslate2_imports_neither_torch_nor_transformers(
    self_contained_models, tmp_path: Path, articles: Path
) -> None:
    """Both models on CTranslate2 were read in full on every rerun, transformers imported for
    their tokenizers (2.0-2.1 s of user CPU where the torch backend's rerun took 0.6-0.7 s)."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    marian = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    config = _config_file(tmp_path, marian, self_contained_models.bart)
    options = [option for setting in _ON_CTRANSLATE2 for option in ("--set", setting)]
    output = tmp_path / "briefs"
    assert f"{SEED_COUNT} written, 0 up to date" in _run(config, articles, output, *options)
    script = (
        "import json, sys\n"
        "from summarize.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:])\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        "print(json.dumps([code, 'torch' in sys.modules, 'transformers' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "run", str(articles), "-c", str(config), "-o", str(output),
         *options],
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    assert f"0 written, {SEED_COUNT} up to date" in done.stderr, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == [0, False, False], done.stderr
    assert remembered_identities(_load(config, *_ON_CTRANSLATE2)) is not None
    # Its conversion gone, the model is read again (which checks where a new one would go).
    (conversion,) = tmp_path.glob("marian.ct2-*")
    shutil.rmtree(conversion)
    assert remembered_identities(_load(config, *_ON_CTRANSLATE2)) is None


@pytest.mark.parametrize("damage", ["{", "[1, 2]", '{"k": ' + "[" * 100_000 + "]" * 100_000 + "}"])
def test_a_damaged_identities_memo_is_a_full_read_and_is_written_anew(
    tmp_path: Path, damage: str
) -> None:
    """The identities memo beside the model digests, cut short, of another shape, or nested
    past what json reads (by recursion: RecursionError, no ValueError, which ended the command
    in a traceback): nothing is remembered, so the models are read in full, and the entry
    read then is remembered in a whole memo."""
    memo = tmp_path / identities.IDENTITIES_FILENAME
    memo.write_text(damage, encoding="utf-8")
    assert identities.remembered("k", memo) is None
    identities.remember("k", memo, {"model": "m"}, [], logging.WARNING)
    entry = identities.remembered("k", memo)
    assert entry is not None and entry["identity"] == {"model": "m"}
