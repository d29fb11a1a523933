"""summarize as a library: a Pipeline kept for several runs or run in threads, and what the
process around it is left with (warning filters, library logging)."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import write_config
from test_scale_inputs import _damaged_past_its_header

from summarize import Pipeline, load_config
from summarize.cache import CACHE_FILENAME, CACHE_FOLDER_NAME
from summarize.errors import ConfigError, ModelLoadError, UsageError
from summarize.process import ThreadPlan
from summarize.record import read_record

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "Der Stadtrat hat am Montag über den neuen Haushalt beraten.\n"


@pytest.fixture
def library_config(self_contained_models, tmp_path: Path):
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    overrides = [f"output.folder={str(tmp_path / 'out')!r}", "input.force_language=true"]
    return load_config(config, overrides=overrides, project_file=None)


def _cached_rows(cache: Path) -> int:
    db = sqlite3.connect(cache)
    try:
        return db.execute("SELECT count(*) FROM translations").fetchone()[0]
    finally:
        db.close()


def test_a_damaged_cache_is_set_aside_when_the_run_ends_and_the_next_run_keeps_a_new_one(
    library_config, tmp_path: Path
) -> None:
    """The warning says a damaged cache "is set aside when the run ends"; a pipeline kept for
    more runs set it aside only when closed, and its every later run went without a cache."""
    cache_folder = tmp_path / "out" / CACHE_FOLDER_NAME
    _damaged_past_its_header(cache_folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    pipeline = Pipeline(library_config)
    assert pipeline.run([article]).summary_line().startswith("1 written")
    assert len(list(cache_folder.glob(f"{CACHE_FILENAME}.damaged-*"))) == 1
    assert pipeline.run([article], force=True).summary_line().startswith("1 written")
    assert _cached_rows(cache_folder / CACHE_FILENAME) > 0  # the second run kept a new cache
    pipeline.close()


def test_one_override_given_as_a_str_is_one_assignment() -> None:
    """A str is an Iterable[str], so a type checker passes it: it was read letter by letter,
    and refused as "--set 't': expected section.key=value"."""
    config = load_config(overrides="translation.batch_size=8", project_file=None)
    assert config.translation.batch_size == 8


def _call_twice_overlapping(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str, call: Callable[[], object]
) -> None:
    """``call()`` in two threads, ``owner.name`` replaced by a stand-in that holds the first
    thread inside it until the second has come in (or for a second, where a lock keeps the
    second out), then returns its first argument: what ``call`` does around ``owner.name``
    overlaps unless something makes it take turns."""
    first_in, second_in = threading.Event(), threading.Event()

    def stand_in(*args: object, **_kwargs: object) -> object:
        if not first_in.is_set():
            first_in.set()
            second_in.wait(timeout=1)  # the second comes in now, unless it must wait its turn
        else:
            second_in.set()
            time.sleep(0.2)  # the first one puts back what it found meanwhile
        return args[0] if args else None

    monkeypatch.setattr(owner, name, stand_in)
    threads = [threading.Thread(target=call) for _ in range(2)]
    threads[0].start()
    first_in.wait()
    threads[1].start()
    for thread in threads:
        thread.join()


def test_int8_loads_side_by_side_leave_the_warning_filters_as_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The two models load in threads, each quantized with torch's deprecation warnings
    quieted: two quietings overlapping put back each other's filters, and one "ignore" filter
    stayed in the process for good."""
    import torch

    from summarize.backends import int8_linear_layers

    before = list(warnings.filters)
    _call_twice_overlapping(
        monkeypatch,
        torch.ao.quantization,
        "quantize_dynamic",
        lambda: int8_linear_layers(object()),  # type: ignore[arg-type]
    )
    assert warnings.filters == before


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.mark.parametrize("model", ["marian", "bart"])  # a python tokenizer and a fast one
def test_an_article_longer_than_the_window_is_read_without_the_tokenizers_warning(
    self_contained_models, model: str
) -> None:
    """The pipeline splits or chunks what is longer than a model's window; the tokenizer still
    told a library user's stderr that running it "will result in indexing errors"."""
    from transformers import AutoTokenizer
    from transformers.utils import logging as transformers_logging

    from summarize.models import LoadedModel
    from summarize.tokens import TextEncoder

    tokenizer = AutoTokenizer.from_pretrained(getattr(self_contained_models, model))
    heard = _Records()
    transformers_logger = logging.getLogger("transformers")
    verbosity = transformers_logging.get_verbosity()
    transformers_logging.set_verbosity_warning()  # as in a process that never quieted it
    transformers_logger.addHandler(heard)
    # A backend that says no count of its tokens: the output counted by the tokenizer.
    counting = SimpleNamespace(tokenizer=tokenizer, output_limit=lambda: 50)
    try:
        (ids,) = TextEncoder.of(tokenizer)(["Der Rat tagt. " * 600])
        assert LoadedModel.reached_output_limit(counting, "The council meets. " * 600)  # type: ignore[arg-type]
    finally:
        transformers_logger.removeHandler(heard)
        transformers_logging.set_verbosity(verbosity)
    assert len(ids) > tokenizer.model_max_length  # read whole: the caller splits it
    assert not [message for message in heard.messages if "sequence length" in message]


@pytest.mark.parametrize("threads", [(1, 0), (0, 0), (0, 2), (-1, 2), (1.5, 2), (True, 1)])
def test_a_thread_plan_given_in_code_is_checked_before_any_work(
    library_config, tmp_path: Path, threads: tuple
) -> None:
    """Workers = 0 (the config's "default") divided by zero once the models had loaded: a
    ZeroDivisionError's traceback mid-run."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ConfigError, match="thread plan"):
        Pipeline(library_config, threads=ThreadPlan(*threads)).run([article])
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("threads", [4, (2, 1, 1), "2,1", "21"])
def test_a_thread_plan_that_is_no_pair_is_refused_as_one(library_config, threads: object) -> None:
    """``Pipeline(config, threads=4)`` (a count where the plan is a pair) ended in a TypeError
    ("cannot unpack non-iterable int object"), not the message naming what a plan is."""
    with pytest.raises(ConfigError, match="a thread plan is"):
        Pipeline(library_config, threads=threads)  # type: ignore[arg-type]


def test_a_valid_thread_plan_given_in_code_is_kept(library_config) -> None:
    assert Pipeline(library_config, threads=ThreadPlan(2, 1)).threads == (2, 1)


def test_a_model_whose_weights_failed_to_load_is_read_again_by_the_next_run(
    self_contained_models, tmp_path: Path
) -> None:
    """The error asks to copy or pull the damaged weights again; a pipeline kept for more runs
    remembered the failed load and said the same on every run after they had been."""
    bart = shutil.copytree(self_contained_models.bart, tmp_path / "bart")
    weights = bart / "model.safetensors"
    good = weights.read_bytes()
    weights.write_bytes(good[:1000])  # a copy cut short
    config = write_config(tmp_path / "c.toml", self_contained_models.marian, bart)
    overrides = [f"output.folder={str(tmp_path / 'out')!r}", "input.force_language=true"]
    pipeline = Pipeline(load_config(config, overrides=overrides, project_file=None))
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ModelLoadError, match="damaged"):
        pipeline.run([article])
    weights.write_bytes(good)  # copied again, as the message asks
    assert pipeline.run([article]).summary_line().startswith("1 written")
    pipeline.close()
    # Made with the weights as they are now, as a new pipeline would make it.
    fresh = Pipeline(load_config(config, overrides=overrides, project_file=None))
    assert read_record(tmp_path / "out" / "a.json").fingerprint == fresh.fingerprint()


def test_a_model_folder_without_weights_is_refused_before_any_model_loads(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A translation model folder without its weights stopped the run (exit 2) only after the
    summarization model had loaded (20 s for DistilBART): its files are checked first."""
    import summarize.engines.local as local

    marian = shutil.copytree(self_contained_models.marian, tmp_path / "marian")
    (marian / "model.safetensors").unlink()
    config = write_config(tmp_path / "c.toml", marian, self_contained_models.bart)
    overrides = [f"output.folder={str(tmp_path / 'out')!r}", "input.force_language=true"]
    loaded: list[str] = []

    def recorded_load(spec, *args, **kwargs):
        loaded.append(spec.task)
        return load_weights(spec, *args, **kwargs)

    load_weights = local.load_weights
    monkeypatch.setattr(local, "load_weights", recorded_load)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with (
        Pipeline(load_config(config, overrides=overrides, project_file=None)) as pipeline,
        pytest.raises(ModelLoadError, match=r"translation model .* has no weights"),
    ):
        pipeline.run([article])
    assert loaded == []
    assert not (tmp_path / "out").exists()


def test_configs_loaded_side_by_side_leave_transformers_verbosity_as_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A generation table is checked with transformers' warnings quieted: two checks
    overlapping in two threads left transformers on "errors only" for good."""
    import transformers
    from transformers.utils import logging as transformers_logging

    from summarize.config import check_generation

    check_generation({"num_beams": 2})  # transformers' settings listed once, with the real class
    verbosity = transformers_logging.get_verbosity()
    transformers_logging.set_verbosity_warning()
    try:
        _call_twice_overlapping(
            monkeypatch,
            transformers,
            "GenerationConfig",
            lambda: check_generation({"num_beams": 2}),
        )
        assert transformers_logging.get_verbosity() == logging.WARNING
    finally:
        transformers_logging.set_verbosity(verbosity)


def test_changing_one_brief_leaves_what_later_briefs_record_of_the_run(
    library_config, tmp_path: Path
) -> None:
    """A brief's models, generation and settings were the pipeline's own: a caller that changed
    those of one brief (``make_brief``) changed what every later brief's record said of the
    run (another model, max_new_tokens = 1), while the models worked as before."""
    from summarize.ingest import read_article

    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with Pipeline(library_config) as pipeline:
        first = pipeline.make_brief(read_article(source))
        before = first.record().model_dump(include={"models", "generation", "settings"})
        first.models["translation"]["model"] = "someone/else"
        first.generation["translation"]["max_new_tokens"] = 1
        first.settings["clean"]["enabled"] = "changed"
        second = pipeline.make_brief(read_article(source)).record()
    assert second.model_dump(include={"models", "generation", "settings"}) == before


def test_a_run_beside_a_make_brief_in_another_thread_waits_its_turn(
    library_config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run ends by closing the translation cache: one that ended while another thread's
    make_brief was translating closed the cache under it, and the make_brief ended in
    sqlite3.ProgrammingError ("Cannot operate on a closed database"), naming no article."""
    from summarize.cache import TranslationCache
    from summarize.ingest import read_article

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("Die Feuerwehr löschte am Dienstag einen Brand.\n", encoding="utf-8")
    pipeline = Pipeline(library_config)
    assert pipeline.run([second]).summary_line().startswith("1 written")
    other_run: list[object] = []
    done = threading.Event()

    def run_second() -> None:
        try:
            other_run.append(pipeline.run([second]).summary_line())
        except Exception as error:
            other_run.append(error)
        finally:
            done.set()

    real = TranslationCache.put_many
    thread = threading.Thread(target=run_second)

    def put_while_another_thread_runs(self: TranslationCache, *args: object) -> None:
        if not thread.is_alive() and not done.is_set():
            thread.start()
            done.wait(timeout=5)  # the run ends now, unless it must wait its turn
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(TranslationCache, "put_many", put_while_another_thread_runs)
    brief = pipeline.make_brief(read_article(first))
    thread.join()
    pipeline.close()
    assert brief.record().counts.sentences_en == 1
    assert other_run == ["0 written, 1 up to date, 0 skipped, 0 failed"]


def test_a_pipelines_fingerprint_is_read_while_another_thread_runs(
    library_config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fingerprint() needs the models' tokenizers and configs alone: a service that asked it
    (is this brief current?) while another thread's run was under way waited for that run to
    end, minutes or hours, where the answer was known at once."""
    from summarize.cache import TranslationCache

    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    pipeline = Pipeline(library_config)
    before = pipeline.fingerprint()
    running, read = threading.Event(), threading.Event()
    fingerprints: list[str] = []
    read_during_the_run: list[bool] = []
    real = TranslationCache.put_many

    def put_while_a_fingerprint_is_asked(self: TranslationCache, *args: object) -> None:
        running.set()
        # the run goes on once the fingerprint is read (or never was, where it waits its turn)
        read_during_the_run.append(read.wait(timeout=60))
        real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(TranslationCache, "put_many", put_while_a_fingerprint_is_asked)

    def ask() -> None:
        running.wait()
        fingerprints.append(pipeline.fingerprint())
        read.set()

    asking = threading.Thread(target=ask)
    asking.start()
    report = pipeline.run([article])
    asking.join()
    pipeline.close()
    assert report.summary_line().startswith("1 written")
    assert read_during_the_run == [True] and fingerprints == [before]
    # the one the run's brief records
    brief = report.written[0].brief_path
    assert brief is not None and read_record(brief.with_suffix(".json")).fingerprint == before


# Four threads do WORK at once, in a process that has not imported transformers yet.
_SIDE_BY_SIDE = """
import sys, threading
from summarize import Pipeline, load_config
assert "transformers" not in sys.modules
errors = []
start = threading.Barrier(4)
def work():
    start.wait()
    try:
        WORK
    except Exception as error:
        errors.append(repr(error))
threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(errors)
"""


@pytest.mark.parametrize(
    "work",
    [
        "load_config(sys.argv[1], project_file=None)",
        "Pipeline(load_config(sys.argv[2], project_file=None)).fingerprint()",
    ],
)
def test_configs_and_pipelines_made_side_by_side_in_threads_find_transformers_whole(
    self_contained_models, tmp_path: Path, work: str
) -> None:
    """transformers 5 puts a lazy module in its own place as its first import ends: of two
    threads that read a generation table or a model's spec first, one got it half imported
    ("cannot import name 'GenerationConfig' from 'transformers'", "module 'transformers' has
    no attribute 'AutoTokenizer'")."""
    with_tables = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    models_only = tmp_path / "m.toml"
    models_only.write_text(
        f"[translation]\nmodel = {str(self_contained_models.marian)!r}\n"
        f"[summarization]\nmodel = {str(self_contained_models.bart)!r}\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-c", _SIDE_BY_SIDE.replace("WORK", work), with_tables, models_only],
        cwd=tmp_path,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_an_article_the_summarizer_gives_no_summary_is_named_in_make_briefs_error(
    library_config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run's outcome named the article; make_brief raised the model stage's reason alone
    ("summarization: ..."), and a caller of make_briefs with many articles saw no name."""
    from summarize.errors import ArticleError
    from summarize.ingest import read_article
    from summarize.summarization import Summarizer

    def no_summaries(self: Summarizer, documents: list, names: object = None) -> list:
        return [ArticleError("summarization: no summary") for _ in documents]

    monkeypatch.setattr(Summarizer, "summarize_many", no_summaries)
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with Pipeline(library_config) as pipeline:
        with pytest.raises(ArticleError) as raised:
            pipeline.make_brief(read_article(source))
        report = pipeline.run([source])
    assert str(raised.value) == f"{source}: summarization: no summary"
    assert [outcome.reason for outcome in report.failed] == [str(raised.value)]


def test_the_package_lists_each_name_once_after_it_was_used() -> None:
    """A name looked up once is held in the package's globals too: dir(summarize) listed
    load_config and configure_process twice."""
    import summarize

    assert summarize.load_config and summarize.configure_process
    names = dir(summarize)
    assert len(names) == len(set(names))
    assert {"Pipeline", "load_config", "configure_process"} <= set(names)


def test_the_errors_the_readme_names_are_the_users_errors() -> None:
    """The README's library section names what a run raises: each is a SummarizeError with the
    exit code the command line uses, and NotGermanError an ArticleError."""
    from summarize import errors
    from summarize.clean.language import NotGermanError

    named = ["ConfigError", "ModelNotFoundError", "ModelLoadError", "UsageError", "OutputError",
             "StoreError", "ArticleError"]  # fmt: skip
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in named:
        assert f"`{name}`" in readme, name
        assert issubclass(getattr(errors, name), errors.SummarizeError), name
    assert issubclass(NotGermanError, errors.ArticleError)
    assert (errors.ArticleError.exit_code, errors.OutputError.exit_code) == (1, 1)
    assert errors.ConfigError.exit_code == errors.UsageError.exit_code == 2
    assert "`TypeError`" in readme


def test_a_config_error_is_the_lines_the_readme_says(tmp_path: Path) -> None:
    """The README's library section: a ConfigError for the settings one layer breaks is a line
    naming the layer, then a line per setting (it said every message is one line)."""
    layer = tmp_path / "bad.toml"
    layer.write_text('[clean]\nthreshold = "x"\n[translation]\nbatch_size = 0\n')
    with pytest.raises(ConfigError) as raised:
        load_config(layer, project_file=None)
    first, *settings = str(raised.value).splitlines()
    assert "bad.toml" in first
    assert sorted(line.split(":")[0] for line in settings) == [
        "  clean.threshold",
        "  translation.batch_size",
    ]


@pytest.mark.parametrize("paths", ["", " ", [""], ["a.txt", ""]])
def test_an_empty_path_to_run_is_refused_not_read_as_the_working_directory(
    library_config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paths: object
) -> None:
    """Path("") is "."; ``run("")`` (an unset variable) summarized every article in the working
    directory, where the command line and the config refuse an empty path."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with Pipeline(library_config) as pipeline, pytest.raises(UsageError, match="an empty path"):
        pipeline.run(paths)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


def test_read_article_takes_its_file_as_text_as_run_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """read_article("a.txt"), as the TypeError of make_brief suggests it, failed the article as
    "a defect of summarize … ('str' object has no attribute 'stat')", and None the same way."""
    from summarize.errors import ArticleError
    from summarize.ingest import read_article

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert read_article("a.txt").text == read_article(Path("a.txt")).text == ARTICLE
    assert read_article("~/a.txt").source == tmp_path / "a.txt"
    with pytest.raises(ArticleError, match=r"^missing\.txt: cannot read"):
        read_article("missing.txt")
    for wrong in (None, 5):
        with pytest.raises(TypeError, match=r"a str or pathlib\.Path"):
            read_article(wrong)  # type: ignore[arg-type]
    # as run("") is refused: it read the folder "." ("cannot read: Is a directory")
    for empty in ("", "  "):
        with pytest.raises(UsageError, match=r"^an empty path \('\s*'\); give the article's"):
            read_article(empty)


def test_a_leading_tilde_in_a_path_to_run_is_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``run("~/articles")`` read a folder named "~" in the working directory, where the
    command line and the config's paths read the home folder; "./~x" stays the name ~x here,
    and a Path is taken as it is (its "./" is gone)."""
    from summarize.stages import input_paths

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert input_paths("~/articles") == [tmp_path / "home" / "articles"]
    assert input_paths(["~", "./~x"]) == [tmp_path / "home", Path("~x")]
    assert input_paths(Path("~x")) == [Path("~x")]
    # "~name" of no user: the name as typed, as a shell leaves it (Word's "~$Bericht.docx" in
    # a folder read with glob("*") stopped the whole run).
    assert input_paths(["~no-such-user-here/a.txt", "~$Bericht.docx"]) == [
        Path("~no-such-user-here/a.txt"), Path("~$Bericht.docx")
    ]  # fmt: skip


@pytest.mark.parametrize("config", [None, "my.toml", {"output": {"folder": "out"}}])
def test_a_pipeline_given_no_config_says_what_it_takes(config: object) -> None:
    """A config file's path or None failed at the first use: "'str' object has no attribute
    'runtime'"."""
    with pytest.raises(TypeError, match=r"Pipeline takes a summarize\.Config .*not "):
        Pipeline(config)  # type: ignore[arg-type]


@pytest.mark.parametrize("paths", [None, 5, [5], [None], b"in", [b"in"]])
def test_a_run_given_no_path_says_what_it_takes(
    library_config, tmp_path: Path, paths: object
) -> None:
    """What is no path failed deep inside: "'NoneType' object is not iterable", "expected str,
    bytes or os.PathLike object, not int" (b"in" too, read as its bytes)."""
    with Pipeline(library_config) as pipeline, pytest.raises(TypeError, match="a path or paths"):
        pipeline.run(paths)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("article", [None, "Der Rat tagt.", Path("a.txt")])
def test_make_brief_given_no_article_says_what_it_takes(library_config, article: object) -> None:
    """A path or the text itself failed deep in the cleaning: "'PosixPath' object has no
    attribute 'source'"."""
    with Pipeline(library_config) as pipeline:
        with pytest.raises(TypeError, match=r"summarize\.ingest\.read_article"):
            pipeline.make_brief(article)  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="a list of articles"):
            pipeline.make_briefs(article)  # type: ignore[arg-type]


@pytest.mark.parametrize("overrides", [None, [5], ["translation.batch_size=8", None]])
def test_overrides_that_are_no_strings_are_refused_as_such(overrides: object) -> None:
    """None failed as "'NoneType' object is not iterable", a number in the list as "'int' object
    has no attribute 'partition'"."""
    with pytest.raises(TypeError, match=r"overrides are 'section\.key=value' strings"):
        load_config(overrides=overrides, project_file=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [None, b"Der Rat tagt.", ["Der Rat tagt."]])
def test_prepare_text_given_no_text_says_what_it_takes(text: object) -> None:
    """None or a list failed deep in the cleaner: "'NoneType' object has no attribute
    'splitlines'"."""
    from summarize import prepare_text

    with pytest.raises(TypeError, match="prepare_text takes the article's text as a str"):
        prepare_text(text)  # type: ignore[arg-type]


@pytest.mark.parametrize("settings", ["config", None])
def test_configure_process_given_no_runtime_settings_says_what_it_takes(
    settings: str | None,
) -> None:
    """The whole config, as a caller may well pass it, failed as "'Config' object has no
    attribute 'threads'", having changed nothing yet."""
    from summarize import configure_process

    given = load_config(project_file=None) if settings == "config" else None
    with pytest.raises(TypeError, match=r"configure_process\(config\.runtime\)"):
        configure_process(given)  # type: ignore[arg-type]


def test_changing_the_pipelines_run_info_leaves_what_its_briefs_record(
    library_config, tmp_path: Path
) -> None:
    """``Pipeline.run_info`` handed out the pipeline's own: a caller that changed its models,
    generation or settings changed what every later brief's record said of the run."""
    from summarize.ingest import read_article

    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with Pipeline(library_config) as pipeline:
        info = pipeline.run_info
        before = (info.models["translation"]["model"], dict(info.generation["translation"]))
        info.models["translation"]["model"] = "someone/else"
        info.generation["translation"]["max_new_tokens"] = 1
        info.settings["clean"]["enabled"] = "changed"
        record = pipeline.make_brief(read_article(source)).record()
        assert pipeline.run_info.models["translation"]["model"] == before[0]
    assert (record.models["translation"]["model"], record.generation["translation"]) == before
    assert record.settings["clean"]["enabled"] is True


def test_two_threads_loading_one_pipeline_load_each_model_once(
    library_config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load() from two threads at once (a service warming up) read each model's weights twice:
    both threads found no load started and each started its own, two copies in memory."""
    import summarize.engines.local as local

    both_starting = threading.Barrier(2, timeout=2)
    each_found, load_weights = local.each_found, local.load_weights
    loads: list[str] = []

    def found_side_by_side(resolvers):  # type: ignore[no-untyped-def]
        specs = each_found(resolvers)
        # Both threads about to start the loads; one at a time, the other waits for them.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_starting.wait()
        return specs

    def counted(spec, *args: object) -> object:  # type: ignore[no-untyped-def]
        loads.append(spec.task)
        return load_weights(spec, *args)

    monkeypatch.setattr(local, "each_found", found_side_by_side)
    monkeypatch.setattr(local, "load_weights", counted)
    with Pipeline(library_config) as pipeline:
        threads = [threading.Thread(target=pipeline.load) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(loads) == ["summarization", "translation"]
        assert pipeline.translator.loaded is not None
