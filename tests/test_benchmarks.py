"""The benchmarks as a reviewer runs them from a clone: what they need from outside it
(../shared, an optional extra) is named in one line before any work, not in a traceback."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(path.name for path in (REPO / "benchmarks").glob("*.py"))
RUNNABLE = [name for name in SCRIPTS if name != "prerequisites.py"]  # the others' helper


def _run_benchmark(clone: Path, script: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """``benchmarks/<script>`` of ``clone`` run as a user runs it, from the clone's root."""
    return subprocess.run(
        [sys.executable, str(clone / "benchmarks" / script), *arguments],
        cwd=clone,
        env={**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def clone_without_shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmarks in a folder with no ../shared beside it, the package from this checkout."""
    clone = tmp_path_factory.mktemp("clone") / "summarize"
    shutil.copytree(REPO / "benchmarks", clone / "benchmarks", ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(REPO / "seeds", clone / "seeds")
    assert not (clone.parent / "shared").exists()
    return clone


@pytest.mark.parametrize("script", RUNNABLE)
def test_a_benchmark_without_shared_beside_the_clone_names_it_in_one_line(
    clone_without_shared: Path, script: str
) -> None:
    """Seven of the eight stopped with a traceback: FileNotFoundError, or transformers' "Repo id
    must be in the form 'repo_name'" for the tokenizer folder speed.py and scale.py build from."""
    done = _run_benchmark(clone_without_shared, script)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert str(clone_without_shared.parent / "shared") in line


@pytest.mark.parametrize("script", RUNNABLE)
def test_a_benchmark_reads_its_own_clones_package_not_an_installed_one(
    tmp_path: Path, script: str
) -> None:
    """encodings.py alone did not put its clone first on the path: beside a ``summarize``
    installed from another checkout (an editable install, a release) it imported and measured
    that one, silently."""
    installed = tmp_path / "site" / "summarize"
    installed.mkdir(parents=True)
    (installed / "__init__.py").write_text('raise SystemExit("the installed copy")\n')
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), "--help"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "site"), "HF_HUB_OFFLINE": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "the installed copy" not in done.stderr
    assert "usage:" in done.stdout


def test_a_missing_extra_is_named_with_its_install_command() -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from prerequisites import require_modules
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    with pytest.raises(SystemExit) as stopped:
        require_modules("bench", "json", "no_such_module_for_the_test")
    assert str(stopped.value.code) == (
        "this benchmark needs no_such_module_for_the_test, which is not installed: "
        'pip install -e ".[bench]"'
    )


@pytest.mark.parametrize(
    ("script", "override"),
    [("speed.py", "nonsense"), ("scale.py", "runtime.worker=1")],
)
def test_a_wrong_set_override_is_a_usage_error_before_any_work(
    clone_without_shared: Path, script: str, override: str
) -> None:
    """Read only by the worker process of each mode: speed.py ran its naive mode (minutes),
    scale.py the whole local engine, before a worker stopped with a ConfigError traceback and
    the benchmark with another (CalledProcessError). Found first, as a usage error (exit 2);
    here even before ../shared is looked for."""
    done = _run_benchmark(clone_without_shared, script, "--set", override)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"--set {override}" in done.stderr or f"--set '{override}'" in done.stderr


@pytest.mark.parametrize(
    ("script", "option", "value", "said"),
    [("speed.py", "--mt-tokens", "0", "must be at least 2, not 0"),
     ("speed.py", "--mt-tokens", "1", "must be at least 2, not 1 (the last token is the forced"),
     ("speed.py", "--small-mt-tokens", "1", "must be at least 2, not 1"),
     ("scale.py", "--mt-tokens", "1", "must be at least 2, not 1"),
     ("speed.py", "--small-summary-tokens", "-1", "must be at least 1, not -1"),
     ("speed.py", "--repeat", "0", "must be at least 1, not 0"),
     ("speed.py", "--naive-articles", "1,3", "no small run of 3 article(s); choose from 1, 2"),
     ("speed.py", "--naive-articles", "two", "no small run of two article(s)"),
     ("scale.py", "--summary-tokens", "0", "must be at least 1, not 0"),
     ("speed.py", "--modes", ",", "--modes names no mode; choose from naive, default")],
)  # fmt: skip
def test_a_count_option_out_of_range_is_a_usage_error_before_any_work(
    clone_without_shared: Path, script: str, option: str, value: str, said: str
) -> None:
    """Forced lengths of 0 were refused only by a mode's worker (a ConfigError traceback after
    the modes before it had run, minutes); --repeat 0 stopped with a KeyError after the table;
    --naive-articles 3 left the naive script out without a word, "two" a ValueError traceback;
    --modes with no mode a StopIteration traceback once the models were built. One token per
    sentence is the translator's forced end of sentence alone: every translation empty, the
    pipeline's modes stopped on "the article has no English text" after the naive mode's run."""
    done = _run_benchmark(clone_without_shared, script, f"{option}={value}")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert said in done.stderr


@pytest.mark.parametrize("count", ["0", "-3"])
def test_overhead_with_no_articles_is_a_usage_error(clone_without_shared: Path, count: str) -> None:
    """Past the checks, ``--articles 0`` (or less) made no article and the run stopped with a
    traceback (UsageError: no articles to process)."""
    done = _run_benchmark(clone_without_shared, "overhead.py", "--articles", count)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert f"--articles must be at least 1, not {count}" in done.stderr


@pytest.mark.parametrize(
    ("content", "said"),
    [("# A README\n", "data.jsonl:1: not a JSON object"),
     ('{"id": "a", "article": "A.", "reference": "B."}\n', "data.jsonl:1: no 'reference_detok'"),
     ("", "data.jsonl holds no pairs"), ("\n\n", "data.jsonl holds no pairs")],
)  # fmt: skip
def test_checks_data_not_in_its_form_is_named_in_one_line(
    clone_without_shared: Path, tmp_path: Path, content: str, said: str
) -> None:
    """Another file given as --data (not JSON Lines, or records without "reference_detok")
    stopped checks.py with a JSONDecodeError or KeyError traceback; an empty one with a
    ZeroDivisionError."""
    (tmp_path / "data.jsonl").write_text(content, encoding="utf-8")
    done = _run_benchmark(clone_without_shared, "checks.py", "--data", str(tmp_path / "data.jsonl"))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert said in line


def test_checks_data_given_as_a_folder_is_named_in_one_line(
    clone_without_shared: Path, tmp_path: Path
) -> None:
    """``--data ../shared/eval/summ``, the set's folder for its file, stopped checks.py with an
    IsADirectoryError traceback."""
    done = _run_benchmark(clone_without_shared, "checks.py", "--data", str(tmp_path))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    [line] = done.stderr.strip().splitlines()
    assert f"{tmp_path} is a folder; --data needs JSON lines" in line


def _benchmark_module(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` as a module of its own name (encodings.py is no stdlib
    ``encodings``), its imports of the other benchmarks (prerequisites) found."""
    spec = importlib.util.spec_from_file_location(
        f"benchmark_{name}", REPO / "benchmarks" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return module


def test_a_model_build_interrupted_is_built_again_on_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """speed.py and scale.py build the full-size models once, 1.5 GB of weights. Interrupted
    after the weights were written but before the generation settings (or while the weights
    were written), the folder held a model.safetensors, so the next run took it as built and
    measured a model without its generation settings (or stopped on the half-written file)."""
    import summarize.testing

    speed = _benchmark_module("speed")
    for real in ("Helsinki-NLP__opus-mt-de-en", "sshleifer__distilbart-cnn-12-6"):
        (tmp_path / "shared" / "hub" / real).mkdir(parents=True)
        (tmp_path / "shared" / "hub" / real / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(speed, "MODELS", tmp_path / "models")
    monkeypatch.setattr(speed, "SHARED", tmp_path / "shared")
    built: list[str] = []

    def interrupted(destination: Path, **_: object) -> Path:
        destination.mkdir(parents=True)
        (destination / "model.safetensors").write_bytes(b"half")
        raise KeyboardInterrupt

    def whole(destination: Path, **_: object) -> Path:
        destination.mkdir(parents=True)
        (destination / "model.safetensors").write_bytes(b"weights")
        (destination / "generation_config.json").write_text("{}", encoding="utf-8")
        built.append(destination.name)
        return destination

    monkeypatch.setattr(summarize.testing, "build_marian", interrupted)
    with pytest.raises(KeyboardInterrupt):
        speed.build_models()
    monkeypatch.setattr(summarize.testing, "build_marian", whole)
    monkeypatch.setattr(summarize.testing, "build_bart", whole)
    marian, bart = speed.build_models()
    assert len(built) == 2
    assert (marian / "model.safetensors").read_bytes() == b"weights"
    assert (bart / "generation_config.json").is_file()
    speed.build_models()  # both complete now: nothing is built again
    assert len(built) == 2


def test_a_mode_whose_process_fails_ends_the_benchmark_in_one_line(tmp_path: Path) -> None:
    """A mode's worker that stopped (here on a model file that is no model) was followed by the
    benchmark's own CalledProcessError traceback, which buried the worker's reason."""
    clone = tmp_path / "summarize"
    shutil.copytree(REPO / "benchmarks", clone / "benchmarks", ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(REPO / "seeds", clone / "seeds")
    for name in ("opus-mt-de-en", "distilbart-cnn-12-6"):  # "built": no build is started
        model = clone / "benchmarks" / ".models" / name
        model.mkdir(parents=True)
        (model / "model.safetensors").write_bytes(b"not a model")
        (model / "generation_config.json").write_text("{}", encoding="utf-8")
    done = _run_benchmark(clone, "speed.py", "--quick", "--modes", "default", "--no-small")
    assert done.returncode == 1, done.stderr
    assert "CalledProcessError" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("default failed (exit status 1, its output is above)")
    assert str(clone / "benchmarks" / ".results") in last


def _annotated_page(folder: Path) -> None:
    folder.mkdir(parents=True)
    article = (
        "Die Stadt hat am Montag beschlossen, den Hafen bis zum Jahr 2030 umzubauen. "
        "Der Rat stimmte mit großer Mehrheit für den Plan, der neue Wohnungen vorsieht.\n\n"
        "Nach Angaben der Verwaltung sollen die Arbeiten im kommenden Frühjahr beginnen. "
        "Die Kosten werden auf rund vierzig Millionen Euro geschätzt, sagte der Bürgermeister."
    )
    (folder / "hafen.txt").write_text(f"Impressum\n\n{article}\n", encoding="utf-8")
    annotations = {
        "id": "hafen",
        "url": "https://example.org/hafen",
        "must_keep": ["Der Rat stimmte mit großer Mehrheit für den Plan"],
        "must_drop": ["Impressum"],
    }
    (folder / "hafen.json").write_text(json.dumps(annotations), encoding="utf-8")


@pytest.mark.parametrize("given", ["the set", "its pages folder"])
def test_cleaning_score_on_the_development_set_says_it_is_in_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    """``score --pages ../shared/eval/clean/pages`` (the README: a folder "or its pages/
    folder") scored the packaged model on the very pages it was fitted on without saying so:
    only the set's root was recognised."""
    cleaning = _benchmark_module("cleaning")
    dev_set = tmp_path / "shared" / "eval" / "clean"
    _annotated_page(dev_set / "pages")
    _annotated_page(tmp_path / "other" / "pages")
    monkeypatch.setattr(cleaning, "DEV_SET", dev_set)
    root = dev_set if given == "the set" else dev_set / "pages"
    assert cleaning.held_out(root, None, None) is None
    assert "(fitted on these very pages: in-sample, optimistic)" in capsys.readouterr().out
    assert cleaning.held_out(tmp_path / "other" / "pages", None, None) is None
    assert "in-sample" not in capsys.readouterr().out


def test_encodings_out_in_a_folder_not_there_yet_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out results/rows.json`` with no results/ yet stopped with a FileNotFoundError
    traceback once every file had been read, before the table was printed: the run was lost."""
    encodings = _benchmark_module("encodings")
    for name in ("clean/pages", "mt/newstest2019-dev.de", "mt/newstest2021-docs-dev.jsonl"):
        (tmp_path / "eval" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "eval" / name).touch()  # present: the rows below stand in for the reading
    rows = [{"variant": "utf-8", "bucket": "short", "result": "ok"}]
    monkeypatch.setattr(encodings, "EVAL", tmp_path / "eval")
    monkeypatch.setattr(encodings, "round_trips", lambda offset, work: rows)
    out = tmp_path / "results" / "rows.json"
    monkeypatch.setattr(sys, "argv", ["encodings.py", "--out", str(out)])
    encodings.main()
    assert json.loads(out.read_text(encoding="utf-8")) == rows
    assert "utf-8" in capsys.readouterr().out


def test_segmentation_keeps_a_headline_ending_in_a_quotation_on_its_own_line() -> None:
    """A WMT headline that ends with its quotation and no stop (`… spricht von "Feigenblatt"`)
    is a heading like any other: joined on one line with the article's first sentence, its
    boundary counted as a miss that no text signals and no candidate can find."""
    segmentation = _benchmark_module("segmentation")
    segments = [
        'Kalbitz-Rauswurf bestätigt - FDP spricht von "Feigenblatt"',
        "Der Ausschluss ist bestätigt.",
        'Er sagte: "So eine bittere Niederlage".',
        "Dann ging er.",
    ]
    assert segmentation.join_article(segments).split("\n") == [
        segments[0],
        " ".join(segments[1:]),
    ]


def test_the_small_runs_time_a_rerun_with_every_brief_up_to_date(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """After each of our small runs the same command runs again into the same folder without
    --force, and its row is measured against the same naive baseline: what a rerun that has
    nothing to do costs (start-up and imports) was in no row."""
    import argparse
    import time

    speed = _benchmark_module("speed")
    commands: list[list[str]] = []

    def timed_process(command: list[str], scratch: Path) -> tuple[float, float, str]:
        commands.append(command)
        articles = sum(1 for part in command if part.endswith(".txt"))
        if "--naive-run" in command:
            return 10.0, 20.0, f"launched {time.time()}\n"
        if "--force" in command:
            return 5.0, 8.0, f"launched {time.time()}\n{articles} written, 0 up to date"
        return 2.0, 4.0, f"launched {time.time()}\n0 written, {articles} up to date"

    monkeypatch.setattr(speed, "timed_process", timed_process)
    args = argparse.Namespace(
        small_mt_tokens=24, small_summary_tokens=60, set=[], repeat=1, naive_articles={2}
    )
    speed.small_runs(["default", "naive"], args)
    ours = [command for command in commands if "--naive-run" not in command]
    assert len(ours) == 4  # one and two articles, each run and rerun
    for first, again in zip(ours[::2], ours[1::2], strict=True):
        assert "--force" in first and "--force" not in again
        assert again == [part for part in first if part != "--force"]  # the same folder
    table = capsys.readouterr().out
    assert "| 2 article(s) | default, up to date | 2.0 | 5.0 | 4.0 | 5.0 |" in table
    assert "| 1 article(s) | default, up to date | 2.0 | - |" in table


def test_checks_wmt_reads_the_second_reference_as_the_text_checked() -> None:
    """The WMT21 rows checked only refA's sentences, so a false alarm on the other translator's
    English ("Division 2" for "Zweitliga", "the Lions" for "Löwen") was not measured; refB's
    sentences are now checked against the German alone and against refA + German."""
    checks_wmt = _benchmark_module("checks_wmt")
    doc = {
        "docid": "d",
        "de": ["Die Löwen gewinnen.", "Zweitliga."],
        "en_refA": ["The 1860 side win.", "Second division."],
        "en_refB": ["The Lions win.", "Division 2."],
    }
    sets = checks_wmt.false_alarm_sets([("Hello.", "Hallo.")], [doc])
    german = "Die Löwen gewinnen. Zweitliga."
    assert sets["D5 2021 refB sent vs de only"] == [
        ("d#B0", "The Lions win.", "", german),
        ("d#B1", "Division 2.", "", german),
    ]
    assert sets["D6 2021 refB sent vs refA+de"] == [
        ("d#B0", "The Lions win.", "The 1860 side win. Second division.", german),
        ("d#B1", "Division 2.", "The 1860 side win. Second division.", german),
    ]
    # the refA rows as they were
    assert sets["D4 2021 refA sent vs de only"][0] == ("d#0", "The 1860 side win.", "", german)
    assert list(sets)[:6] == [
        "S1 2019 sentence vs own en+de",
        "S2 2019 sentence vs de only",
        "D1 2021 refA sent vs refA+de",
        "D2 2021 refA sent vs refB+de",
        "D3 2021 refA 3-sent para vs refB+de",
        "D4 2021 refA sent vs de only",
    ]
