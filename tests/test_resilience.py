"""Never lose work: atomic writes, a killed run, the output lock, arbitrary text."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import (
    SEEDS,
    ctrl_c_at_the_summary_line,
    invoke_as_in_a_terminal,
    seed_texts,
    write_config,
)
from filelock import FileLock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from summarize.cli import app
from summarize.config import load_config
from summarize.engines.local import Pipeline
from summarize.errors import ArticleError
from summarize.ingest import Article
from summarize.outputs import LOCK_FILENAME, read_brief_record, write_atomic, write_run_index
from summarize.record import parse_record
from summarize.render import front_matter, render_brief
from summarize.report import SilentProgress
from summarize.signals import HANGUP


def _complete_brief(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    return "record_id" in meta and "## Removed by the cleaner" in body


def _complete_records(folder: Path) -> bool:
    """Every run record parses (a killed run may leave a new record beside an old brief)."""
    return all(parse_record(path.read_bytes()) for path in folder.glob("*.json"))


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old brief", encoding="utf-8")

    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "new brief")
    assert target.read_text(encoding="utf-8") == "old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_a_run_killed_at_any_moment_leaves_no_half_brief(
    self_contained_models, tmp_path: Path
) -> None:
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = tmp_path / "out"
    command = [sys.executable, "-m", "summarize.cli", "run", str(SEEDS), "-c", str(config),
               "-o", str(output), "--no-cache", "-q"]  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    seeds = sorted(SEEDS.glob("*.txt"))
    kills = 0
    for delay_after_first_brief in (0.0, 0.15, 0.4):
        for brief in [*output.glob("*.md"), *output.glob("*.json")]:
            brief.unlink()  # every round starts from nothing written
        process = subprocess.Popen(command, cwd=tmp_path, env=env)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if any(p.name != "index.md" for p in output.glob("*.md")):
                time.sleep(delay_after_first_brief)
                break
            time.sleep(0.005)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        for brief in output.glob("*.md"):
            if brief.name != "index.md":
                assert _complete_brief(brief), f"half-written {brief.name}"
                assert brief.with_suffix(".json").is_file()  # the record is written first
        assert _complete_records(output)
    assert kills >= 1, "the run always finished before it could be killed"

    rerun = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=300)  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in output.glob("*.md")) == sorted(
        [f"{seed.stem}.md" for seed in seeds] + ["index.md"]
    )
    assert all(_complete_brief(output / f"{seed.stem}.md") for seed in seeds)
    assert all(read_brief_record(output / f"{seed.stem}.md") for seed in seeds)  # they agree
    assert not [p for p in output.iterdir() if p.name.endswith(".tmp")]


def test_a_stopped_run_lists_its_briefs_and_says_so(self_contained_models, tmp_path) -> None:
    """SIGTERM (as Ctrl-C) mid-run: exit 130 with a line saying what to do, and the index lists
    the briefs finished so far; the next run does the rest."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(2):
        for number, text in enumerate(seed_texts()):
            (folder / f"{copy}-{number}.txt").write_text(f"{text}\n\nKopie {copy}.\n", "utf-8")
    output = tmp_path / "out"
    command = [sys.executable, "-m", "summarize.cli", "run", str(folder), "-c", str(config),
               "-o", str(output), "--no-cache", "-q",
               "--set", "runtime.articles_per_batch=1"]  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not [p for p in output.glob("*.md") if p.stem != "index"]:
        time.sleep(0.01)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    briefs = sorted(p.name for p in output.glob("*.md") if p.name != "index.md")
    assert 1 <= len(briefs) < 10
    index = (output / "index.md").read_text(encoding="utf-8")
    assert all(name in index for name in briefs) and "interrupted" in index

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{10 - len(briefs)} written, {len(briefs)} up to date" in rerun.stderr


def test_a_second_run_on_the_same_folder_is_refused(self_contained_models, tmp_path) -> None:
    output = tmp_path / "out"
    output.mkdir()
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    with FileLock(output / LOCK_FILENAME):
        result = CliRunner().invoke(
            app, ["run", str(SEEDS), "-c", str(config), "-o", str(output), "-q"]
        )
    assert result.exit_code == 2
    assert "another summarize run or eval is writing to" in result.output
    assert not list(output.glob("*.md"))


@pytest.mark.parametrize("command", ["run", "inspect"])
def test_a_temp_folder_too_full_for_the_language_model_is_one_line(
    self_contained_models, tmp_path: Path, monkeypatch, command: str
) -> None:
    """py3langid unpacks its 68 MB model into a temp file; with TMPDIR on a small, nearly full
    file system that write failed, and the command ended with py3langid's traceback."""
    import errno

    import py3langid.langid

    from summarize.clean import language

    def temp_folder_full(path: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # a write names no file

    monkeypatch.setattr(py3langid.langid, "_load_model_file", temp_folder_full)
    with language._IDENTIFIER_LOADING:  # an earlier run's warm-up thread may be reading it
        language._load_language_identifier.cache_clear()
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = tmp_path / "out"
    arguments = [command, str(SEEDS / "003_6d29e0b4accf03c7.txt"), "-c", str(config)]
    if command == "run":
        arguments += ["-o", str(output), "-q"]
    try:
        result = CliRunner().invoke(app, arguments)
    finally:
        language._load_language_identifier.cache_clear()  # the real model for later tests
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    message = " ".join(result.output.split())
    assert "No space left on device while unpacking it (70 MB) into the temp folder" in message
    assert "set TMPDIR to a folder with room" in message
    assert not output.exists()  # nothing was written: the run made the folder and took it away


@pytest.fixture(scope="module")
def tiny_pipeline(self_contained_models) -> Pipeline:
    config = load_config(
        write_config(
            Path(os.environ["XDG_CACHE_HOME"]) / "property.toml",
            self_contained_models.marian,
            self_contained_models.bart,
        ),
        overrides=["runtime.cache=false", "input.force_language=true"],
        project_file=None,
    )
    pipeline = Pipeline(config)
    pipeline.load()
    return pipeline


_SEED_LINES = [line for text in seed_texts() for line in text.splitlines()]
_ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs", "Cc"), exclude_characters="\x00"
)
_ARTICLE_TEXT = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=400),
    st.lists(
        st.one_of(
            st.sampled_from(_SEED_LINES),
            st.text(alphabet=_ALPHABET, max_size=80),
            st.sampled_from(["", "# Titel", "> Zitat", "- Liste", "| a | b |", "<b>x</b>", "---",
                             "[link](http://x)", "```", "***", "1. eins", "\\", "<details>"]),
        ),
        max_size=12,
    ).map("\n".join),
)  # fmt: skip


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_ARTICLE_TEXT)
def test_any_text_gives_a_valid_brief_or_a_clear_error(tiny_pipeline: Pipeline, text: str) -> None:
    article = Article(Path("property.txt"), text, hashlib.sha256(text.encode()).hexdigest())
    try:
        brief = tiny_pipeline.make_brief(article)
    except ArticleError as error:
        assert str(error)  # a message for the user, never a crash
        return
    record = brief.record()
    assert parse_record(record.to_json()) == record
    rendered = render_brief(record, "property.json")
    _, front, body = rendered.split("---\n", 2)
    expected = yaml.safe_load(yaml.safe_dump(front_matter(record, "property.json")))
    assert yaml.safe_load(front) == expected
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == ["Summary", "Checks", "Article", "Removed by the cleaner"]
    assert not [t for t in tokens if t.type in {"table_open", "fence", "code_block", "hr"}]
    html = [t.content.strip() for t in tokens if t.type == "html_block"]
    # at most the cleaner's audit, whole, with its own tags only
    assert len(html) <= 1
    assert all(b.startswith("<details>\n") and b.endswith("\n</details>") for b in html)
    assert all(
        set(re.findall(r"</?([a-z]+)", b)) <= {"details", "summary", "p", "strong", "ul", "li"}
        for b in html
    )
    assert len(brief.paragraphs) == sum(1 for t in tokens if t.type == "blockquote_open")


class _StopAtFirstArticle(SilentProgress):
    def article_started(self, source: Path) -> None:
        raise KeyboardInterrupt  # Ctrl-C or SIGTERM before the first brief is written


def test_a_stop_before_any_brief_leaves_no_index_in_a_new_folder(
    self_contained_models, tmp_path: Path
) -> None:
    """A Ctrl-C before the first brief wrote an index of no briefs into the folder the run had
    just made (and so kept it); an index already there is still brought up to date."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    article = tmp_path / "a.txt"
    article.write_text("Ein Satz über die Stadt.\n", encoding="utf-8")

    def stopped_run(folder: Path) -> None:
        settings = [f"output.folder={str(folder)!r}", "runtime.cache=false"]
        pipeline = Pipeline(load_config(config, overrides=settings, project_file=None))
        with pytest.raises(KeyboardInterrupt):
            pipeline.run([article], _StopAtFirstArticle())

    new = tmp_path / "new"
    stopped_run(new)
    assert not new.exists()  # nothing written: the run took away the folder it made
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    write_run_index(earlier, "an earlier run's line")
    stopped_run(earlier)
    index = (earlier / "index.md").read_text(encoding="utf-8")
    assert "an earlier run's line" not in index and "interrupted" in index.lower()


def test_a_stop_while_the_run_sets_up_is_said_like_any_other(tmp_path: Path, monkeypatch) -> None:
    """Ctrl-C or SIGTERM while the config loads (seconds: the model libraries are imported
    then): exit 130 and the same line as a stop mid-run, not a silent exit (Ctrl-C) or death
    by the signal (SIGTERM)."""
    import summarize.cli
    import summarize.config

    handlers: list[object] = []

    def stopped_while_loading(*_args: object, **_kwargs: object) -> None:
        handlers.append(signal.getsignal(signal.SIGTERM))
        raise KeyboardInterrupt

    # The command line imports the config when a command needs it.
    monkeypatch.setattr(summarize.config, "load_config", stopped_while_loading)
    before = signal.getsignal(signal.SIGTERM)
    article = tmp_path / "a.txt"
    article.write_text("Ein Satz.", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(article), "-o", str(tmp_path / "out")])
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output
    assert handlers == [summarize.cli._raise_keyboard_interrupt]  # SIGTERM is Ctrl-C already
    assert signal.getsignal(signal.SIGTERM) == before
    assert not (tmp_path / "out").exists()


def test_a_stop_that_lands_in_a_finalizer_still_stops_the_run(tmp_path: Path, monkeypatch) -> None:
    """A SIGTERM whose KeyboardInterrupt is raised while a finalizer runs (the garbage collector
    calling a ``__del__`` during ``import torch``) is not raised but reported as "Exception
    ignored": the run went on to exit 0, writing every brief, and ignored every later SIGTERM
    as a stop under way. Now it stops as any stop does; the unraisable hook is given back."""
    import summarize.cli
    import summarize.config

    class SignalledWhileCollected:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            sum(range(10_000))  # the handler runs here, inside the finalizer

    def loading(*_args: object, **_kwargs: object) -> None:
        SignalledWhileCollected()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            time.sleep(0.01)
        raise AssertionError("the stop was lost")

    # The command line imports the config when a command needs it.
    monkeypatch.setattr(summarize.config, "load_config", loading)
    hook = sys.unraisablehook
    article = tmp_path / "a.txt"
    article.write_text("Ein Satz.", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(article), "-o", str(tmp_path / "out")])
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output
    assert sys.unraisablehook is hook


def test_other_unraisable_exceptions_still_reach_the_hook_that_was_there(monkeypatch) -> None:
    """The stop's unraisable hook passes everything else to the hook it replaced (pytest's, a
    host program's), not to Python's default, and is given back with the signals."""
    import summarize.cli

    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: seen.append(unraisable.exc_type))

    class FailsWhileCollected:
        def __del__(self) -> None:
            raise ValueError("not a stop")

    previous = summarize.cli._take_stop_signals()
    try:
        FailsWhileCollected()
    finally:
        summarize.cli._give_back(previous)
    assert seen == [ValueError]
    assert signal.getsignal(signal.SIGTERM) is not summarize.cli._raise_keyboard_interrupt


# Started by the tests below through sitecustomize (before any code of summarize): the named
# import, or an exit handler, says so in a file and then waits, so that a stop lands in it.
_SLOW_START = """
import atexit, importlib.abc, os, sys, time

ready, wait_in = os.environ["SLOW_READY"], os.environ["SLOW_IN"]


def wait() -> None:
    open(ready, "w").close()
    time.sleep(60)


class Slow(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == wait_in:
            sys.meta_path.remove(self)
            wait()
        return None


if wait_in == "atexit":
    atexit.register(wait)
else:
    sys.meta_path.insert(0, Slow())
"""


def _stopped_at(
    tmp_path: Path, wait_in: str, *args: str, stop: int = signal.SIGINT
) -> subprocess.CompletedProcess[str]:
    """``python -m summarize ARGS``, sent Ctrl-C (or ``stop``) while it waits in ``wait_in``
    (an import, or "atexit": the clean-up of the exit)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_SLOW_START, encoding="utf-8")
    ready = tmp_path / "ready"
    paths = [str(hook), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([*paths, str(Path(__file__).parents[1])]),
        "SLOW_READY": str(ready),
        "SLOW_IN": wait_in,
        "HF_HUB_OFFLINE": "1",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "summarize", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C (SIGHUP) as in a terminal, also when pytest runs as a background job (SIGINT
        # ignored) or under nohup (SIGHUP ignored).
        preexec_fn=lambda: signal.signal(stop, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 120
        while not ready.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), process.communicate()
        process.send_signal(stop)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.parametrize(
    "stop", [signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
)
def test_a_stop_while_the_command_line_is_imported_is_one_line(tmp_path: Path, stop: int) -> None:
    """Ctrl-C in the first second of ``summarize run`` (the package and the command line being
    imported): exit 130 and one line, as a stop later on; it was a traceback of the import.
    SIGTERM or SIGHUP then killed it silently (exit 143, 129): a scheduler saw no stop."""
    result = _stopped_at(
        tmp_path, "typer", "run", str(SEEDS), "-o", str(tmp_path / "out"), stop=stop
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr == "interrupted before any work; nothing was written\n"
    assert not (tmp_path / "out").exists()


STOPPED_IN_A_FINALIZER_AT_IMPORT = """
import importlib.abc, os, signal, sys

class SignalledWhileCollected:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
        sum(range(100_000))  # the handler runs here, inside the finalizer

class Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "summarize.cli":  # a finalizer while the command line is imported
            SignalledWhileCollected()
        return None

sys.meta_path.insert(0, Finder())
sys.argv = ["summarize", "--help"]
from summarize.__main__ import main
main()
"""


def test_a_stop_in_a_finalizer_while_the_command_line_is_imported_still_stops(
    tmp_path: Path,
) -> None:
    """A SIGTERM whose KeyboardInterrupt is raised while a finalizer runs during the command
    line's import is only "Exception ignored": the command then ran as if nothing had happened
    (exit 0). It ends as a stop at that moment does: one line, exit 130."""
    result = subprocess.run(
        [sys.executable, "-c", STOPPED_IN_A_FINALIZER_AT_IMPORT],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr == "interrupted before any work; nothing was written\n"
    assert "Usage" not in result.stdout


def test_ctrl_c_pressed_again_in_the_exits_clean_up_ends_it_quietly(tmp_path: Path) -> None:
    """Ctrl-C pressed again while the process cleans up on its way out (Ray's shutdown, torch's
    exit handlers): it ends at once, exit 130, no "Exception ignored in atexit callback"."""
    result = _stopped_at(tmp_path, "atexit", "config", "show")
    assert result.returncode == 130, result.stderr
    assert result.stderr == "" and "[translation]" in result.stdout


def test_ctrl_c_pressed_again_while_a_run_stops_is_ignored(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl-C three times, quickly: the first stops the run, the next two land while the
    stopped run rewrites the index, which they broke off (the index stayed the last run's)."""
    from summarize import outputs

    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    real_write_index = outputs.write_index
    real_write_brief = outputs.write_brief

    def stopped_after_the_brief(*args: object, **kwargs: object) -> object:
        record = real_write_brief(*args, **kwargs)
        signal.raise_signal(signal.SIGINT)  # held until the brief's two files are written
        return record

    def pressed_again(*args: object, **kwargs: object) -> Path:
        signal.raise_signal(signal.SIGINT)
        signal.raise_signal(signal.SIGINT)
        return real_write_index(*args, **kwargs)

    monkeypatch.setattr(outputs, "write_brief", stopped_after_the_brief)
    monkeypatch.setattr(outputs, "write_index", pressed_again)
    output = tmp_path / "out"
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = invoke_as_in_a_terminal(
        ["run", str(seed), "-c", str(config), "-o", str(output), "-q", "--no-cache"]
    )
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output and "Traceback" not in result.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert f"(<{seed.stem}.md>)" in index
    assert "interrupted after: 1 written, 0 up to date" in index


def test_a_stop_while_the_last_index_is_written_still_leaves_the_index(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl-C or SIGTERM while the index is rebuilt at the end (it reads every brief's record:
    seconds for thousands of briefs): exit 130, and the index lists the run's briefs and says it
    was interrupted, as a stop mid-run does; it used to stay the previous run's."""
    from summarize import outputs

    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    real_write_index = outputs.write_index
    calls: list[str | None] = []

    def stopped_once(
        folder: Path,
        latest_run: str | None = None,
        known=None,
        without_brief=(),
        not_current=None,
        quiet: bool = False,
    ) -> Path:
        # A run slower than CHECKPOINT_S (a busy machine) writes a progress index first
        # (quiet): that one is not the index this test stops; stopped, the run wrote none.
        if not quiet:
            calls.append(latest_run)
            if len(calls) == 1:
                raise KeyboardInterrupt  # Ctrl-C while the records are read
        return real_write_index(folder, latest_run, known, without_brief, not_current, quiet)

    monkeypatch.setattr(outputs, "write_index", stopped_once)
    output = tmp_path / "out"
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = CliRunner().invoke(
        app, ["run", str(seed), "-c", str(config), "-o", str(output), "-q", "--no-cache"]
    )
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert f"(<{seed.stem}.md>)" in index
    assert "interrupted after: 1 written, 0 up to date" in index


def test_a_stop_while_the_run_says_how_it_went_is_said_as_any_other(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl-C (or SIGTERM) once every brief and the index are written, while the run prints its
    failures and summary line (seconds for thousands of failures on a slow terminal): exit 130
    and the line saying what is kept, as a stop a moment before. The command had given the
    signals back: Ctrl-C ended it with click's "Aborted." and exit 1, SIGTERM killed it unsaid."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    ctrl_c_at_the_summary_line(monkeypatch)
    output = tmp_path / "out"
    seed = sorted(SEEDS.glob("*.txt"))[0]
    result = invoke_as_in_a_terminal(
        ["run", str(seed), "-c", str(config), "-o", str(output), "-q", "--no-cache"]
    )
    assert result.exit_code == 130, result.output
    assert "interrupted: every brief written so far is complete" in result.output
    assert (output / f"{seed.stem}.md").is_file() and (output / "index.md").is_file()


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM, *HANGUP])
def test_a_stop_between_a_briefs_two_files_waits_for_the_second(
    self_contained_models, tmp_path: Path, monkeypatch, stop: signal.Signals
) -> None:
    """Ctrl-C, SIGTERM or SIGHUP just after a brief's record (.json) is written, before its
    Markdown: the stop waits for the Markdown, so the pair matches and the index lists and
    counts the brief. It used to leave the new record beside the old Markdown, a brief no index
    listed. SIGHUP (the terminal closed) killed the run there, without an index."""
    from summarize import outputs

    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = tmp_path / "out"
    seed = sorted(SEEDS.glob("*.txt"))[0]
    command = ["run", str(seed), "-c", str(config), "-o", str(output), "-q", "--no-cache"]
    first = CliRunner().invoke(app, command)
    assert first.exit_code == 0, first.output
    brief = output / f"{seed.stem}.md"
    assert read_brief_record(brief) is not None
    old_markdown = brief.stat().st_ino  # every write renames a new file into place

    real_write_atomic = outputs.write_atomic

    def stopped_after_the_record(path: Path, content: str) -> None:
        real_write_atomic(path, content)
        if path.suffix == ".json":
            signal.raise_signal(stop)  # a stop delivered between the two files

    monkeypatch.setattr(outputs, "write_atomic", stopped_after_the_record)
    # Ctrl-C as in a terminal: a shell starts a background job with SIGINT ignored, and Python
    # then leaves it so (this test failed under `pytest &`, never in a terminal).
    # SIGHUP as in a terminal too: `nohup pytest` ignores it, and a run then leaves it so.
    defaults = {signal.SIGINT: signal.default_int_handler, **dict.fromkeys(HANGUP, signal.SIG_DFL)}
    previous = {number: signal.signal(number, handler) for number, handler in defaults.items()}
    try:
        result = CliRunner().invoke(app, [*command, "--force"])
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output
    assert brief.stat().st_ino != old_markdown, "the stop did not wait for the Markdown"
    assert read_brief_record(brief) is not None, "the two files no longer belong together"
    index = (output / "index.md").read_text(encoding="utf-8")
    assert f"(<{seed.stem}.md>)" in index
    assert "interrupted after: 1 written, 0 up to date" in index


@pytest.mark.skipif(not HANGUP, reason="no SIGHUP on this platform (Windows)")
def test_a_run_started_to_outlive_its_terminal_leaves_sighup_ignored() -> None:
    """`nohup summarize run …` ignores SIGHUP: the run keeps it so, and a closed terminal does
    not stop it; where SIGHUP would kill it, it stops the run as Ctrl-C does."""
    from summarize.cli import _stops_the_run

    (hangup,) = HANGUP
    previous = signal.signal(hangup, signal.SIG_IGN)
    try:
        assert not _stops_the_run(hangup)
        signal.signal(hangup, signal.SIG_DFL)
        assert _stops_the_run(hangup)
    finally:
        signal.signal(hangup, previous)


def test_a_model_that_fails_on_one_article_costs_only_that_articles_brief(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """generate() raising for one batch (out of memory in a large beam search) ends no run: the
    batch is retried in halves, the article whose sentence fails even alone gets a failed outcome
    naming the model and the error, the others their briefs and the index, exit 1."""
    from summarize.backends import TorchBackend

    original = TorchBackend.generate_batches
    oom = "DefaultCPUAllocator: can't allocate memory: you tried to allocate 27000000000 bytes"

    def failing(self, batches):
        for batch in batches:
            if any("Zauberwort" in text for text in batch):
                raise RuntimeError(oom)
            yield from original(self, [batch])

    monkeypatch.setattr(TorchBackend, "generate_batches", failing)
    folder = tmp_path / "in"
    folder.mkdir()
    texts = seed_texts()
    for number, text in enumerate(texts[:2]):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    paragraphs = texts[2].split("\n\n")
    paragraphs[1] += " Das Zauberwort blieb bis zuletzt geheim."
    (folder / "bad.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(folder), "-c", str(config), "-o", str(output), "--no-cache", "-q"]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "2 written, 0 up to date, 0 skipped, 1 failed" in result.output
    reason = " ".join(result.output.split())
    assert f"bad.txt: the translation model {self_contained_models.marian}" in reason
    assert f"ran out of memory generating for one input, even alone (RuntimeError: {oom})" in reason
    assert sorted(p.name for p in output.glob("*.md")) == ["0.md", "1.md", "index.md"]
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "0.md" in index and "1.md" in index


def _two_briefs(self_contained_models, tmp_path: Path) -> tuple[list[str], Path]:
    """Two seeds run into ``tmp_path / "out"``: the run's arguments and the output folder."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    folder = tmp_path / "in"
    folder.mkdir()
    for number, text in enumerate(seed_texts()[:2]):
        (folder / f"{number}.txt").write_text(text, "utf-8")
    output = tmp_path / "out"
    run = ["run", str(folder), "-c", str(config), "-o", str(output), "--no-cache"]
    first = CliRunner().invoke(app, run)
    assert first.exit_code == 0, first.output
    return run, output


@pytest.mark.parametrize("kept", ["front matter", "half", "all but the audit's last line"])
def test_a_brief_cut_short_is_not_current(self_contained_models, tmp_path, kept: str) -> None:
    """A copy of the output folder stopped part-way leaves a brief cut short: its front matter
    (the record's ``record_id``) whole, its article or audit not. It counted as up to date on
    every later run, and the index listed it; it is redone, and the rest kept."""
    run, output = _two_briefs(self_contained_models, tmp_path)
    brief = output / "0.md"
    whole = brief.read_text(encoding="utf-8")
    if kept == "front matter":
        cut = whole[: whole.index("\n---\n") + len("\n---\n")]
    elif kept == "half":
        cut = whole[: len(whole) // 2]
    else:
        cut = whole[: whole.rstrip("\n").rindex("\n") + 1]
    assert read_brief_record(brief) is not None
    brief.write_text(cut, encoding="utf-8")
    assert read_brief_record(brief) is None  # the index leaves it out

    rerun = CliRunner().invoke(app, run)
    assert rerun.exit_code == 0, rerun.output
    assert "1 written, 1 up to date" in rerun.output
    redone = brief.read_text(encoding="utf-8")
    assert redone.split("\n---\n", 1)[1] == whole.split("\n---\n", 1)[1]  # the same brief
    assert read_brief_record(brief) is not None


def test_a_note_added_after_a_briefs_audit_keeps_it_current_and_listed(
    self_contained_models, tmp_path
) -> None:
    """A reader's note appended to a brief (an editor, Obsidian) read as a brief cut short: it
    left the index and the view, and the next run wrote over it, the note lost unsaid."""
    run, output = _two_briefs(self_contained_models, tmp_path)
    brief = output / "0.md"
    noted = brief.read_text(encoding="utf-8") + "\n## Meine Notizen\n\nRückfrage bei dpa!\n"
    brief.write_text(noted, encoding="utf-8")
    assert read_brief_record(brief) is not None  # listed in the index and the view

    rerun = CliRunner().invoke(app, run)
    assert rerun.exit_code == 0, rerun.output
    assert "0 written, 2 up to date" in rerun.output
    assert brief.read_text(encoding="utf-8") == noted
    assert "0.md" in (output / "index.md").read_text(encoding="utf-8")


def test_a_brief_saved_with_a_byte_order_mark_keeps_its_note_and_listing(
    self_contained_models, tmp_path
) -> None:
    """An editor that saves UTF-8 with a byte order mark (Notepad, PowerShell's -Encoding
    UTF8), CRLF line ends too: the front matter no longer opened the file, so the brief was left
    out of the index without a word and the next run wrote over it, the reader's note lost. So
    was an index.md saved so taken for a file of the user's, and every run refused."""
    run, output = _two_briefs(self_contained_models, tmp_path)
    brief = output / "0.md"
    noted = brief.read_text(encoding="utf-8") + "\n## Meine Notizen\n\nRückfrage bei dpa!\n"
    saved = "\ufeff" + noted.replace("\n", "\r\n")
    brief.write_bytes(saved.encode("utf-8"))
    assert read_brief_record(brief) is not None  # listed in the index and the view
    index = output / "index.md"
    index.write_bytes(b"\xef\xbb\xbf" + index.read_bytes())

    rerun = CliRunner().invoke(app, run)
    assert rerun.exit_code == 0, rerun.output
    assert "0 written, 2 up to date" in rerun.output
    assert brief.read_bytes() == saved.encode("utf-8")
    assert "](<0.md>)" in index.read_text(encoding="utf-8")


def test_a_brief_whose_audit_an_earlier_version_wrote_otherwise_still_counts(
    self_contained_models, tmp_path
) -> None:
    """Whole is told by the audit's heading and last line, not by this version's escaping of
    every removed line: a brief of an earlier version stays listed in the index and the view."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Startseite\n\nNewsletter abonnieren\n\n" + seed_texts()[0], "utf-8"
    )
    output = tmp_path / "out"
    run = ["run", str(folder), "-c", str(config), "-o", str(output), "--no-cache", "-q"]
    assert CliRunner().invoke(app, run).exit_code == 0
    brief = output / "a.md"
    text = brief.read_text(encoding="utf-8")
    assert "\n<li>Startseite</li>\n" in text  # the audit lists it
    brief.write_text(text.replace("<li>Startseite</li>", "<li>Startseite (removed)</li>"), "utf-8")
    assert read_brief_record(brief) is not None
    # The audit as versions before stop 72 wrote it: a Markdown list in <details markdown="1">.
    head, audit = text.split("\n<details>\n", 1)
    summary = audit.split("\n", 1)[0]
    earlier = (
        f'{head}\n<details markdown="1">\n{summary}\n\n**nav** (1)\n\n- Startseite\n\n</details>\n'
    )
    brief.write_text(earlier, "utf-8")
    assert read_brief_record(brief) is not None
    brief.write_text(earlier.removesuffix("</details>\n"), "utf-8")  # cut short: not whole
    assert read_brief_record(brief) is None
