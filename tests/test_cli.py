"""End to end through the CLI, on random-weight models (structure and invariants only)."""

from __future__ import annotations

import json
import os
import pwd
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from conftest import SEEDS, seed_texts, write_config
from markdown_it import MarkdownIt
from typer.testing import CliRunner, Result

from summarize import __version__
from summarize.cli import app
from summarize.outputs import read_brief_record
from summarize.render import escape_markdown
from summarize.signals import HANGUP
from summarize.stages import prepare_text
from summarize.testing import EchoBackend, echo_model, echo_text
from summarize.translation import Translator, needs_model

FRONT_MATTER_KEYS = {
    "title",
    "title_de",
    "source",
    "date",
    "lang",
    "summary",
    "summary_note",
    "translation_model",
    "translation_revision",
    "summarization_model",
    "summarization_revision",
    "unsupported",
    "translation_warnings",
    "record",
    "record_id",
}


def read_brief(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def read_record(brief_path: Path) -> dict:
    """The brief's run record (the sidecar JSON), checked to belong to the brief."""
    from summarize.record import parse_record

    meta, _ = read_brief(brief_path)
    text = brief_path.with_suffix(".json").read_text(encoding="utf-8")
    assert meta["record"] == brief_path.with_suffix(".json").name
    assert meta["record_id"] == parse_record(text).record_id
    return json.loads(text)


def article_paragraphs(body: str) -> tuple[list[str], list[str]]:
    """(German, English) paragraphs of the brief's Article section."""
    section = body.split("\n## Article\n", 1)[1].split("\n## ", 1)[0]
    blocks = [block.strip() for block in section.split("\n\n") if block.strip()]
    blocks = blocks[1:]  # the reading note
    blocks = [block for block in blocks if not block.startswith("*Translation warning")]
    german = [block for block in blocks if block.startswith("> ")]
    english = [block for block in blocks if not block.startswith("> ")]
    return german, english


@pytest.fixture
def recorded_inputs(monkeypatch) -> list[str]:
    inputs: list[str] = []
    original = Translator.generate_batch

    def recording(self, texts, *args, **kwargs):
        inputs.extend(texts)
        return original(self, texts, *args, **kwargs)

    monkeypatch.setattr(Translator, "generate_batch", recording)
    return inputs


def test_run_writes_five_complete_briefs_and_an_index(
    models, tmp_path: Path, recorded_inputs: list[str]
) -> None:
    config = write_config(tmp_path / "my.toml", models.marian, models.bart)
    output = tmp_path / "briefs"
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "--config", str(config), "--output", str(output), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    seeds = sorted(SEEDS.glob("*.txt"))
    # Not a terminal: one plain log line per article instead of a progress bar.
    assert all(f"[{i}/{len(seeds)}]" in result.output for i in range(1, len(seeds) + 1))
    assert "5 written, 0 up to date, 0 skipped, 0 failed" in result.output
    assert sorted(p.name for p in output.glob("*.md")) == sorted(
        [f"{p.stem}.md" for p in seeds] + ["index.md"]
    )

    expected_inputs: list[str] = []
    for seed in seeds:
        meta, body = read_brief(output / f"{seed.stem}.md")
        record = read_record(output / f"{seed.stem}.md")
        assert set(meta) == FRONT_MATTER_KEYS
        assert meta["source"] == record["source"] == str(seed)
        assert len(record["source_sha256"]) == 64
        assert meta["translation_model"] == record["models"]["translation"]["model"]
        assert meta["summarization_model"] == record["models"]["summarization"]["model"]
        assert record["models"]["translation"]["model"] == str(models.marian)
        assert record["models"]["summarization"]["model"] == str(models.bart)
        for task in ("translation", "summarization"):  # what reproduces it, not only a hash
            described = record["models"][task]
            assert len(described["weights"]) == 64, described  # the local folder's content
            assert described["libraries"].startswith("transformers "), described
            assert isinstance(described["prefix"], str), described  # " " for DistilBART
        assert record["generation"]["translation"]["max_new_tokens"] == 12
        assert record["generation"]["summarization"]["max_length"] == 24
        # The other settings that change a brief, readable (the fingerprint only hashes them).
        assert record["settings"]["version"] == __version__
        assert record["settings"]["clean"]["enabled"] is True
        assert record["settings"]["force_language"] is False
        assert set(record["seconds"]) >= {"clean", "segment", "translate", "summarize"}
        assert record["summary"]["path"] in {"direct", "map-reduce"}
        assert meta["summary"] == record["summary"]["text"]
        # how many facts of each kind the article holds, listed or not (all, up to 12)
        found = record["key_facts_found"]
        assert set(found) == {"number", "date", "name"}, found
        for kind, count in found.items():
            listed = [fact for fact in record["key_facts"] if fact["kind"] == kind]
            assert len(listed) == min(count, 12), (kind, count, listed)

        _, prepared = prepare_text(seed.read_text(encoding="utf-8"))
        german, english = article_paragraphs(body)
        assert (
            len(german)
            == len(english)
            == len(prepared.paragraphs)
            == record["counts"]["paragraphs"]
            == len(record["paragraphs"])
        )
        assert record["counts"]["sentences_de"] == len(prepared.sentences)
        assert [s["de"] for p in record["paragraphs"] for s in p["sentences"]] == list(
            prepared.sentences
        )
        assert meta["title_de"] == record["title_de"] == prepared.title
        lines = (output / f"{seed.stem}.md").read_text(encoding="utf-8").splitlines()
        assert lines.index(f"# {escape_markdown(record['title'])}") < 25  # within 25 lines
        assert body.lstrip().startswith("# ")
        assert "## Summary" in body
        if prepared.title:
            expected_inputs.append(prepared.title)
        expected_inputs.extend(s for s in prepared.sentences if needs_model(s))

    # Every German sentence that needs the model reached the translator exactly once (the
    # batches are length-sorted, so their order says nothing; order is checked by content in
    # test_each_brief_holds_its_own_articles_english_in_order). Each as the model reads it:
    # punctuation its vocabulary lacks in the spelling it knows (opus-mt's “ as ").
    from transformers import AutoTokenizer

    from summarize.tokens import UnknownCharacters
    from summarize.translation import model_input

    readable = UnknownCharacters(AutoTokenizer.from_pretrained(models.marian))
    read = {readable.respelled(model_input(text)).text for text in expected_inputs}
    assert sorted(recorded_inputs) == sorted(read)

    index = (output / "index.md").read_text(encoding="utf-8")
    rows = [line for line in index.splitlines() if line.startswith("- **[")]
    assert len(rows) == len(seeds)
    for seed, row in zip(seeds, rows, strict=True):  # file-name order
        assert row.endswith(f"](<{seed.stem}.md>)**  ")
    assert "Latest run: 5 written, 0 up to date, 0 skipped, 0 failed." in index


def _summary_of(text: str) -> str:
    return "SUMMARY(" + " ".join(text.split()[:4]) + ")"


def _echo_models(
    monkeypatch,
    translate: Callable[[str], str] = echo_text,
    summarize: Callable[[str], str] = _summary_of,
) -> None:
    """Both models replaced by echo backends (outputs known from inputs, no weights)."""

    def echo(task):
        backend = EchoBackend(translate if task == "translation" else summarize)
        return echo_model(task, backend=backend)

    def spec(task, settings, *args, **kwargs):
        loaded = echo(task)  # what the pipeline reads before the weights: no model folder
        return SimpleNamespace(
            task=task,
            settings=settings,
            generation_config=loaded.generation_config,
            identity=lambda: loaded.identity,
            generation_settings={},  # as the echo model's, whatever the config says
            task_warning=None,  # echo models fit their task
            device="cpu",
            # what describes the model as a brief's record does (a rerun names what changed)
            source=loaded.source,
            revision=None,
            tokenizer=loaded.tokenizer,
            window=loaded.window,
            prefix=loaded.prefix,
            family=loaded.family,
            languages=None,
        )

    monkeypatch.setattr("summarize.engines.local.resolve_spec", spec)
    monkeypatch.setattr("summarize.engines.local.load_weights", lambda s, *a, **k: echo(s.task))


@pytest.mark.parametrize("name", ["briefs-\N{GRINNING FACE}", os.fsdecode(b"caf\xe9")])
def test_an_output_folder_named_outside_the_basic_plane_or_not_in_utf8_is_that_folder(
    tmp_path: Path, monkeypatch, name: str
) -> None:
    """--output reached the config as a JSON string, whose escapes of an emoji (a surrogate
    pair) or of a name's undecodable byte TOML refuses: read as plain text instead, the
    briefs went into a folder named '"/…/briefs-\\ud83d\\ude00"' under the working directory."""
    _echo_models(monkeypatch)
    monkeypatch.chdir(tmp_path)  # where the name read as text went
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    result = CliRunner().invoke(
        app, ["run", "--output", str(tmp_path / name), "--no-cache", "-q", str(folder)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["in", name])
    assert (tmp_path / name / "a.md").is_file()


def test_a_run_in_a_folder_whose_name_is_not_utf8_writes_its_briefs(
    tmp_path: Path, monkeypatch
) -> None:
    """The record keeps the source's absolute path, which held the working folder's undecodable
    byte as a lone surrogate: JSON cannot, and a run of "in/a.txt" started there stopped with a
    traceback at its first brief. The record names the source as given then."""
    _echo_models(monkeypatch)
    working = tmp_path / os.fsdecode(b"caf\xe9")
    (working / "in").mkdir(parents=True)
    (working / "in" / "a.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    monkeypatch.chdir(working)
    command = ["run", "--output", "out", "--no-cache", "-q", "in"]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    record = read_record(working / "out" / "a.md")
    assert (record["source"], record["source_path"]) == (str(Path("in/a.txt")), None)
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "0 written, 1 up to date" in result.stderr


def _run_an_article_and_an_empty_file(tmp_path: Path) -> Result:
    """`summarize run` of a folder holding a seed article and an empty file."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "artikel.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    (folder / "leer.txt").write_text("", encoding="utf-8")
    return CliRunner().invoke(
        app, ["run", "--output", str(tmp_path / "briefs"), "--no-cache", str(folder)]
    )


@pytest.mark.parametrize("terminal", [True, False])
def test_each_problem_gets_one_line_on_a_terminal_and_in_the_log(
    tmp_path: Path, monkeypatch, terminal: bool
) -> None:
    """On a terminal the progress display showed a failed article's line, and the run printed
    it again after the bars (in log mode it was printed once, as the README says)."""
    from rich.console import Console

    _echo_models(monkeypatch)
    # CliRunner's stderr is no terminal: the console is told it is one (wide, no colours).
    console = Console(
        stderr=True, emoji=False, force_terminal=terminal, color_system=None, width=1000
    )
    monkeypatch.setattr("summarize.cli.stderr", console)
    result = _run_an_article_and_an_empty_file(tmp_path)
    assert result.exit_code == 1, result.output
    assert result.stderr.count("leer.txt: empty file") == 1, result.stderr
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in result.stderr


def test_a_log_line_on_a_terminal_is_one_line_however_long(tmp_path: Path, monkeypatch) -> None:
    """Rich's log handler folded a message at the terminal's width, so an article's path in a
    log line was cut in two ("…/ein-se" / "hr-langer-…"), no path to copy; as the log's and
    the failures' lines, it is one line the terminal wraps."""
    from rich.console import Console

    _echo_models(monkeypatch)
    console = Console(stderr=True, emoji=False, force_terminal=True, color_system=None, width=60)
    monkeypatch.setattr("summarize.cli.stderr", console)
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "ein-langer-name-eines-artikels-ueber-den-haushalt-und-die-folgen.txt"
    article.write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    result = CliRunner().invoke(
        app, ["run", "--output", str(tmp_path / "briefs"), "--no-cache", str(folder)]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "INFO" in line]
    assert any(f"{article}: text of" in line for line in lines), result.stderr


def test_force_color_into_a_log_file_keeps_the_log_lines(tmp_path: Path, monkeypatch) -> None:
    """FORCE_COLOR (set in CI jobs for coloured output) made rich take a log file for a
    terminal: the progress bars' redraws and cursor codes went into the log, and its lines had
    no time stamps. A run logged so writes the log's lines, in colour where asked."""
    _echo_models(monkeypatch)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    result = _run_an_article_and_an_empty_file(tmp_path)
    assert result.exit_code == 1, result.output
    assert "\x1b[?25l" not in result.stderr  # the bars hide the cursor while they redraw
    log_line = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} "
    assert re.search(log_line + r"INFO \[1/2\] ", result.stderr, re.MULTILINE), result.stderr
    assert re.search(log_line + r"ERROR failed: .*leer.txt: empty file", result.stderr, re.M)


@pytest.mark.skipif(not HANGUP, reason="no SIGHUP on this platform (Windows)")
@pytest.mark.parametrize(
    ("hangup", "exit_code", "latest_run"),
    [
        ("default", 130, "interrupted after: 1 written, 0 up to date"),
        ("ignored", 0, "Latest run: 3 written, 0 up to date, 0 skipped, 0 failed."),
    ],
)
def test_a_closed_terminal_stops_the_run_as_ctrl_c_does(
    tmp_path: Path, monkeypatch, hangup: str, exit_code: int, latest_run: str
) -> None:
    """SIGHUP from a terminal that closed (an ssh session dropped), which then fails every
    write (EIO): the run stops with the index of the briefs written so far and exit 130. The
    progress bars' last refresh raised OSError into the stop: exit 1, with a traceback. A run
    started to outlive its terminal (SIGHUP ignored: `trap '' HUP`, a disowned job) writes
    every brief and the index; its summary line met the dead terminal and it ended with a
    traceback and exit 1, where a complete run exits 0."""
    import errno
    import signal
    from io import StringIO

    from rich.console import Console

    from summarize import cli, outputs

    class Terminal(StringIO):
        closed = False

        def write(self, text: str) -> int:
            if self.closed:
                raise OSError(errno.EIO, "Input/output error")
            return super().write(text)

    terminal = Terminal()
    monkeypatch.setattr(cli, "stderr", Console(file=terminal, force_terminal=True, width=100))
    _echo_models(monkeypatch)
    real_write_atomic = outputs.write_atomic

    def closed_after_a_brief(path: Path, content: str) -> None:
        real_write_atomic(path, content)
        if path.suffix == ".md" and path.name != "index.md" and not terminal.closed:
            terminal.closed = True
            signal.raise_signal(signal.SIGHUP)

    monkeypatch.setattr(outputs, "write_atomic", closed_after_a_brief)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    for number, text in enumerate(seed_texts()[:3]):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    # SIGHUP as in a terminal: `nohup pytest` ignores it, and a run then leaves it so.
    handler = signal.SIG_DFL if hangup == "default" else signal.SIG_IGN
    previous = signal.signal(signal.SIGHUP, handler)
    try:
        result = CliRunner().invoke(app, ["run", str(folder), "-o", str(output), "--no-cache"])
    finally:
        signal.signal(signal.SIGHUP, previous)
    assert result.exit_code == exit_code, (result.exception, result.output)
    assert latest_run in (output / "index.md").read_text(encoding="utf-8")


def test_run_and_eval_work_in_a_host_programs_thread(tmp_path: Path, monkeypatch) -> None:
    """The app run by a host program off its main thread (a worker of a job queue): `eval`
    ended with a traceback (ValueError: signal only works in main thread) before it read its
    inputs, and so did `run`; each does its work (or says what is wrong, exit 2) and leaves the
    host's signal handlers as they were."""
    import signal
    import threading

    _echo_models(monkeypatch)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "0.txt").write_text(seed_texts()[0], encoding="utf-8")
    commands = {
        "run": ["run", str(folder), "-o", str(tmp_path / "briefs"), "--no-cache"],
        "eval": ["eval", "translation", str(tmp_path / "none.de"), str(tmp_path / "none.en"),
                 "-o", str(tmp_path / "ev")],
    }  # fmt: skip
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    results = {}

    def invoke(name: str) -> None:
        results[name] = CliRunner().invoke(app, commands[name])

    for name in commands:
        worker = threading.Thread(target=invoke, args=(name,))
        worker.start()
        worker.join()
    assert results["run"].exit_code == 0, (results["run"].exception, results["run"].output)
    assert (tmp_path / "briefs" / "0.md").is_file()
    assert results["eval"].exit_code == 2, (results["eval"].exception, results["eval"].output)
    assert "cannot read" in results["eval"].output
    assert {number: signal.getsignal(number) for number in handlers} == handlers


def test_the_bars_redraw_on_a_closed_terminal_ends_no_thread_with_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run that outlives its terminal (SIGHUP ignored) goes on; the bars' redraw thread met
    the dead terminal's EIO and ended with an uncaught exception (a traceback on stderr)."""
    import errno
    import threading
    from io import StringIO

    from rich.console import Console

    from summarize.progress import RichProgress

    class Terminal(StringIO):
        closed_at: int | None = None
        writes = 0

        def write(self, text: str) -> int:
            self.writes += 1
            if self.closed_at is not None:
                raise OSError(errno.EIO, "Input/output error")
            return super().write(text)

    uncaught: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: uncaught.append(args.exc_value))
    terminal = Terminal()
    with RichProgress(Console(file=terminal, force_terminal=True, width=80)) as progress:
        progress.run_started(3)
        terminal.closed_at = terminal.writes
        waited = threading.Event()
        # The redraw thread writes ten times a second: two tries on the dead terminal come in
        # a fifth of a second, or the thread's end (uncaught); five seconds' wait, on a busy
        # machine, could end before either.
        deadline = time.monotonic() + 120
        while terminal.writes < terminal.closed_at + 2 and not uncaught:
            assert time.monotonic() < deadline, "the redraw thread wrote nothing in 120 s"
            waited.wait(0.1)
        assert terminal.writes > terminal.closed_at  # it tried to draw on the dead terminal
    assert uncaught == []


def test_the_sentence_bar_shows_only_when_sentences_are_translated_here() -> None:
    """A run that translates nothing on this machine (every brief current; on Ray the workers
    translate; every sentence in the translation cache) showed an empty sentence bar for its
    whole length."""
    from io import StringIO

    from rich.console import Console

    from summarize.progress import RichProgress
    from summarize.report import ArticleOutcome

    def shown(translate: bool, inputs: int = 5) -> str:
        screen = StringIO()
        console = Console(file=screen, force_terminal=True, color_system=None, width=100)
        with RichProgress(console) as progress:
            progress.run_started(2)
            for number in range(2):
                if translate:
                    progress.translation_started(inputs)
                    progress.translated(inputs)
                progress.article_finished(ArticleOutcome(Path(f"{number}.txt"), "written"))
        return screen.getvalue()

    assert "sentences" not in shown(translate=False)
    assert "sentences" not in shown(translate=True, inputs=0)  # all from the cache
    assert re.search(r"sentences\b.*\b5/5\b", shown(translate=True))


def test_an_article_that_fails_under_the_bars_is_said_in_one_line() -> None:
    """On a terminal, an article's failure was folded at the terminal's width, as no other
    message of the CLI is: a long path was cut in two, and copied it named no file."""
    from io import StringIO

    from rich.console import Console

    from summarize.progress import RichProgress
    from summarize.report import ArticleOutcome

    screen = StringIO()
    console = Console(file=screen, force_terminal=True, color_system=None, width=60)
    source = Path("eingang/2026-12-06/bundesregierung-plant-neues-gesetz-zum-klimaschutz.txt")
    reason = f"{source}: empty file"
    with RichProgress(console) as progress:
        progress.run_started(1)
        progress.article_finished(ArticleOutcome(source, "failed", reason=reason))
    assert f"failed: {reason}\n" in screen.getvalue().replace("\r", "\n")


def test_a_rerun_with_only_articles_that_fail_again_loads_no_model(
    tmp_path: Path, monkeypatch
) -> None:
    """A daily rerun over a folder whose briefs are all current, but which also holds an article
    that is not German (it is skipped again) and one that is all menu labels (it fails again),
    reads no model weights: those articles stop before any model, as a current brief does.
    Loading them cost seconds and gigabytes of memory per run with the real models."""
    _echo_models(monkeypatch)
    loads: list[str] = []
    load_weights = sys.modules["summarize.engines.local"].load_weights

    def counted(spec, *args, **kwargs):
        loads.append(spec.task)
        return load_weights(spec, *args, **kwargs)

    monkeypatch.setattr("summarize.engines.local.load_weights", counted)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    (folder / "a.txt").write_bytes(
        (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_bytes()
    )
    (folder / "english.txt").write_text(
        "The government said on Monday that taxes would rise next year. The opposition "
        "criticised the plan and announced that it would vote against it in parliament.\n",
        encoding="utf-8",
    )
    (folder / "menu.txt").write_text("Politik\nSport\nKultur\nWetter\n", encoding="utf-8")
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    first = CliRunner().invoke(app, run)
    assert "1 written, 0 up to date, 1 skipped, 1 failed" in first.output, first.output
    assert sorted(loads) == ["summarization", "translation"]
    loads.clear()
    rerun = CliRunner().invoke(app, run)
    assert rerun.exit_code == 1, rerun.output
    assert "0 written, 1 up to date, 1 skipped, 1 failed" in rerun.output
    assert "english.txt: the article is in another language (en)" in rerun.output
    assert "menu.txt: no article text left after cleaning" in rerun.output
    assert loads == []


def test_a_rerun_checks_current_briefs_without_reading_the_pages_again(
    tmp_path: Path, monkeypatch
) -> None:
    """Whether a brief is current is known from the source's bytes (their SHA-256): a rerun
    does not extract an HTML page's text again (about 45 ms a page, minutes a rerun over a
    folder of thousands of pages) nor parse a Markdown file, for articles that need nothing."""
    from summarize.ingest import files  # where read_article looks them up

    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    for number, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        paragraphs = seed.read_text(encoding="utf-8").splitlines()
        body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        (folder / f"page{number}.html").write_text(
            f"<html><body><article>{body}</article></body></html>", encoding="utf-8"
        )
        (folder / f"note{number}.md").write_text(seed.read_text(encoding="utf-8"), "utf-8")
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    first = CliRunner().invoke(app, run)
    assert "6 written, 0 up to date" in first.output, first.output
    reads: list[str] = []
    for name in ("extract_html", "markdown_article", "decode_text"):
        original = getattr(files, name)

        def counted(*args, _original=original, _name=name, **keywords):
            reads.append(_name)
            return _original(*args, **keywords)

        monkeypatch.setattr(files, name, counted)
    rerun = CliRunner().invoke(app, run)
    assert rerun.exit_code == 0, rerun.output
    assert "0 written, 6 up to date" in rerun.output
    assert reads == []
    changed = folder / "page1.html"  # an edited page is read again, alone, and redone
    changed.write_text(changed.read_text(encoding="utf-8") + "<p>Neu.</p>", encoding="utf-8")
    again = CliRunner().invoke(app, run)
    assert "1 written, 5 up to date" in again.output, again.output
    assert reads == ["decode_text", "extract_html"]


def test_a_rerun_that_redoes_briefs_for_a_changed_setting_says_which(
    tmp_path: Path, monkeypatch
) -> None:
    """A rerun after a change of settings redid every brief ("3 written, 0 up to date") without
    a word of why: over thousands of articles, hours of work a stray --set or config started
    unseen. It says once which setting changed; an edited article is redone as before, unsaid."""
    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    for number, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        (folder / f"a{number}.txt").write_bytes(seed.read_bytes())
    run = ["run", str(folder), "--output", str(output), "--no-cache"]
    assert CliRunner().invoke(app, run).exit_code == 0
    changed = CliRunner().invoke(app, [*run, "--set", "summarization.max_reduce_rounds=3"])
    assert "3 written, 0 up to date" in changed.output, changed.output
    said = [line for line in changed.output.splitlines() if "made with other settings" in line]
    assert len(said) == 1, changed.output
    assert "summarization.max_reduce_rounds" in said[0]
    assert "clean" not in said[0]  # only what changed
    edited = folder / "a1.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNeu.", encoding="utf-8")
    again = CliRunner().invoke(app, [*run, "--set", "summarization.max_reduce_rounds=3"])
    assert "1 written, 2 up to date" in again.output, again.output
    assert "made with other settings" not in again.output


def test_a_rerun_says_which_setting_of_a_model_redid_its_briefs(
    self_contained_models, tmp_path: Path
) -> None:
    """A model setting that is no generation setting (a prefix) redid every brief with
    "changed: the models (their files, device, backend or window)": it is named."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    article = tmp_path / "a.txt"
    article.write_bytes(sorted(SEEDS.glob("*.txt"))[1].read_bytes())
    run = ["run", str(article), "--config", str(config), "--output", str(tmp_path / "out")]
    assert CliRunner().invoke(app, run).exit_code == 0
    prefixed = CliRunner().invoke(app, [*run, "--set", "translation.prefix=>>eng<< "])
    assert "1 written, 0 up to date" in prefixed.output, prefixed.output
    said = [line for line in prefixed.output.splitlines() if "made with other settings" in line]
    assert len(said) == 1 and "(changed: translation.prefix)" in said[0], prefixed.output


def test_an_earlier_runs_brief_of_an_article_the_latest_run_failed_on_says_so(
    tmp_path: Path, monkeypatch
) -> None:
    """An article edited into one the run refuses keeps its earlier brief (nothing is deleted),
    and the index listed that brief as any other: a reader took it for the article as it is."""
    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for name, seed in (("kept.txt", seeds[0]), ("edited.txt", seeds[1]), ("german.txt", seeds[2])):
        (folder / name).write_bytes(seed.read_bytes())
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    assert CliRunner().invoke(app, run).exit_code == 0
    (folder / "edited.txt").write_text("", encoding="utf-8")
    (folder / "german.txt").write_text(
        "The government announced a new plan on Monday. Critics said it lacked funding and "
        "that the opposition would demand a vote in parliament next week.\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(app, run).exit_code == 1
    index = (output / "index.md").read_text(encoding="utf-8")
    entries = dict(re.findall(r"\]\(<([^>]+)>\)\*\*  \n(.*?)(?=\n- \*\*\[|\Z)", index, re.S))
    assert sorted(entries) == ["edited.md", "german.md", "kept.md"]
    assert "**Not current:** a later run failed on this article" in entries["edited.md"]
    assert "**Not current:** a later run skipped this article" in entries["german.md"]
    assert "Not current" not in entries["kept.md"]
    html = MarkdownIt("gfm-like").render(index)  # the note is a line of its entry's item
    assert re.search(r"<li>(?:(?!</li>).)*edited\.md(?:(?!</li>).)*Not current", html, re.S)

    def marked() -> dict[str, bool]:
        index = (output / "index.md").read_text(encoding="utf-8")
        entries = re.findall(r"\]\(<([^>]+)>\)\*\*  \n(.*?)(?=\n- \*\*\[|\Z)", index, re.S)
        return {name: "**Not current:**" in entry for name, entry in entries}

    # A run of another file alone keeps the marks (it cleared them: the stale briefs read as
    # current again); a run that redoes the article clears its own.
    only_kept = ["run", str(folder / "kept.txt"), "--output", str(output), "--no-cache", "-q"]
    assert CliRunner().invoke(app, only_kept).exit_code == 0
    assert marked() == {"edited.md": True, "german.md": True, "kept.md": False}
    (folder / "edited.txt").write_bytes(seeds[3].read_bytes())
    assert CliRunner().invoke(app, run).exit_code == 1  # german.txt is still English
    assert marked() == {"edited.md": False, "german.md": True, "kept.md": False}


def test_a_brief_whose_source_file_is_gone_says_so_until_it_is_back(
    tmp_path: Path, monkeypatch
) -> None:
    """A renamed or deleted article left its brief in the index as if current: a reader could
    not tell it from the brief of a file still there."""
    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    (folder / "kept.txt").write_bytes(seeds[0].read_bytes())
    (folder / "old.txt").write_bytes(seeds[1].read_bytes())
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    assert CliRunner().invoke(app, run).exit_code == 0

    def marks() -> dict[str, str]:
        index = (output / "index.md").read_text(encoding="utf-8")
        entries = re.findall(r"\]\(<([^>]+)>\)\*\*  \n(.*?)(?=\n- \*\*\[|\Z)", index, re.S)
        return {name: entry.split("**Not current:** ")[-1] for name, entry in entries}

    (folder / "old.txt").rename(folder / "new.txt")
    assert CliRunner().invoke(app, run).exit_code == 0
    said = marks()
    assert sorted(said) == ["kept.md", "new.md", "old.md"]
    assert said["old.md"].startswith("its source file is no longer where")
    assert "source file" not in said["kept.md"] and "source file" not in said["new.md"]
    (folder / "new.txt").rename(folder / "old.txt")  # back: a run of another file clears it
    only_kept = ["run", str(folder / "kept.txt"), "--output", str(output), "--no-cache", "-q"]
    assert CliRunner().invoke(app, only_kept).exit_code == 0
    said = marks()
    assert "source file" not in said["old.md"] and said["new.md"].startswith("its source file")


def test_a_brief_of_another_file_is_not_said_to_be_one_the_latest_run_failed_on(
    tmp_path: Path, monkeypatch
) -> None:
    """Daily folders that reuse file names: today's ``a.txt`` is refused, its brief name
    holding yesterday's ``a.txt``'s brief, and that brief, of a file the run never read and
    still current, was marked as an article the latest run failed on."""
    _echo_models(monkeypatch)
    seeds = sorted(SEEDS.glob("*.txt"))
    monday, tuesday, output = tmp_path / "mon", tmp_path / "tue", tmp_path / "briefs"
    for folder, seed in ((monday, seeds[0]), (tuesday, seeds[1])):
        folder.mkdir()
        (folder / "a.txt").write_bytes(seed.read_bytes())
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    assert CliRunner().invoke(app, [*run, str(monday)]).exit_code == 0
    result = CliRunner().invoke(app, [*run, str(tuesday)])
    assert result.exit_code == 1
    assert "another file that still exists" in result.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "mon/a.txt" in index
    assert "Not current" not in index


def test_a_stopped_runs_index_says_which_briefs_are_not_current(
    tmp_path: Path, monkeypatch
) -> None:
    """A run stopped (Ctrl-C) after it failed on an edited article: the index it leaves
    listed that article's earlier brief as current, as the index of a finished run did before.
    It said "1 failed" and named no input either: the finished run's list of them ("failed:
    in/a-edited.txt: empty file") was left out, and an analyst who reads the index (and its
    page in the view), not the run's terminal, could not tell which article it was."""
    from summarize.view import build_site

    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for name, seed in (("a-edited.txt", seeds[0]), ("b-kept.txt", seeds[1])):
        (folder / name).write_bytes(seed.read_bytes())
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    assert CliRunner().invoke(app, run).exit_code == 0
    (folder / "a-edited.txt").write_text("", encoding="utf-8")
    (folder / "c-new.txt").write_bytes(seeds[2].read_bytes())

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C as the new article's models load

    monkeypatch.setattr("summarize.engines.local.load_weights", stopped)
    assert CliRunner().invoke(app, run).exit_code == 130
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "interrupted after: 0 written, 1 up to date, 0 skipped, 1 failed" in index
    entries = dict(re.findall(r"\]\(<([^>]+)>\)\*\*  \n(.*?)(?=\n- \*\*\[|\Z)", index, re.S))
    assert sorted(entries) == ["a-edited.md", "b-kept.md"]
    assert "**Not current:** a later run failed on this article" in entries["a-edited.md"]
    assert "Not current" not in entries["b-kept.md"]
    assert "**No brief from the latest run** (1):" in index
    assert f"* failed: {escape_markdown(str(folder / 'a-edited.txt'))}: empty file" in index
    front_page = (build_site(output, tmp_path / "site").index).read_text(encoding="utf-8")
    assert "a-edited.txt: empty file" in front_page


def _one_name_in_two_folders(tmp_path: Path, first: str, second: str) -> Path:
    """Two folders of one article each, both named a.txt (two seeds); the output folder."""
    seeds = sorted(SEEDS.glob("*.txt"))
    for folder, seed in ((first, seeds[0]), (second, seeds[1])):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_bytes(seed.read_bytes())
    return tmp_path / "briefs"


def test_the_brief_of_an_emptied_article_whose_name_another_input_has_is_not_current(
    tmp_path: Path, monkeypatch
) -> None:
    """d1/a.txt has the brief a.md, d2/a.txt is refused for the same name. Emptied, d1/a.txt
    claims no name and fails; d2/a.txt fails as a.md is d1's: the index listed a.md as current,
    as it says of an emptied article's brief without a clash that it is not."""
    _echo_models(monkeypatch)
    output = _one_name_in_two_folders(tmp_path, "d1", "d2")
    run = ["run", str(tmp_path / "d1"), str(tmp_path / "d2"), "--output", str(output)]
    run += ["--no-cache", "--quiet"]
    first = CliRunner().invoke(app, run)
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in first.output, first.output
    (tmp_path / "d1" / "a.txt").write_text("", encoding="utf-8")
    rerun = CliRunner().invoke(app, run)
    assert "0 written, 0 up to date, 0 skipped, 2 failed" in rerun.output, rerun.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "**Not current:** a later run failed on this article" in index, index


def test_a_brief_stays_not_current_after_a_run_that_refused_another_file_of_its_name(
    tmp_path: Path, monkeypatch
) -> None:
    """day1/a.txt emptied: its brief a.md is marked not current. A run of day2, whose a.txt is
    refused as a.md is still day1/a.txt's, cleared the mark: a.md read as current again."""
    _echo_models(monkeypatch)
    output = _one_name_in_two_folders(tmp_path, "day1", "day2")
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    assert CliRunner().invoke(app, [*run, str(tmp_path / "day1")]).exit_code == 0
    (tmp_path / "day1" / "a.txt").write_text("", encoding="utf-8")
    assert CliRunner().invoke(app, [*run, str(tmp_path / "day1")]).exit_code == 1
    marked = "**Not current:** a later run failed on this article"
    assert marked in (output / "index.md").read_text(encoding="utf-8")
    refused = CliRunner().invoke(app, [*run, str(tmp_path / "day2")])
    assert "is the brief of" in refused.output and refused.exit_code == 1, refused.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert marked in index, index


def test_a_current_brief_names_where_its_source_is_now(tmp_path: Path, monkeypatch) -> None:
    """A folder of articles renamed and run again: its briefs are current (same bytes, same
    settings), and the index, the brief and the view named the old folder, which is gone. They
    name the new place; nothing else of the brief changes, and a second rerun writes nothing."""
    from summarize.view import build_site

    _echo_models(monkeypatch)
    old, new, output = tmp_path / "april", tmp_path / "archiv", tmp_path / "briefs"
    old.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        (old / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    assert "2 written" in CliRunner().invoke(app, [*run, str(old)]).output
    before = {p.name: read_record(p) for p in output.glob("0*.md")}
    old.rename(new)
    rerun = CliRunner().invoke(app, [*run, str(new)])
    assert rerun.exit_code == 0 and "0 written, 2 up to date" in rerun.output, rerun.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "april" not in index and index.count("archiv/") == 2, index
    for name, record in before.items():
        meta, _ = read_brief(output / name)
        now = read_record(output / name)
        assert meta["source"] == now["source"] == str(new / name.replace(".md", ".txt"))
        assert now["source_path"] == str((new / name.replace(".md", ".txt")).absolute())
        moved = {"source": record["source"], "source_path": record["source_path"]}
        assert {**now, **moved} == record  # the same brief (record_id included)
    site = build_site(output, tmp_path / "site")
    assert "april" not in site.index.read_text(encoding="utf-8")
    stamps = {p.name: p.stat().st_mtime_ns for p in output.glob("0*")}
    assert "0 written, 2 up to date" in CliRunner().invoke(app, [*run, str(new)]).output
    assert {p.name: p.stat().st_mtime_ns for p in output.glob("0*")} == stamps


def _a_brief_of_a_folder_to_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path, Path, list[str]]:
    """A brief of "april/a.txt" written into "briefs" (echo models): the folder, the name it is
    to get, the output folder and the run's command without its input."""
    _echo_models(monkeypatch)
    old, new, output = tmp_path / "april", tmp_path / "archiv", tmp_path / "briefs"
    old.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (old / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    assert "1 written" in CliRunner().invoke(app, [*run, str(old)]).output
    return old, new, output, run


def test_a_current_brief_named_for_its_new_place_keeps_a_readers_note(
    tmp_path: Path, monkeypatch
) -> None:
    """A brief whose folder of articles was renamed is current, and written again only to name
    the new place: it was rendered anew from its record, and a reader's note after its audit
    (which keeps a brief current), an edit of its text and a property added to its front
    matter were lost, the run saying "up to date"."""
    old, new, output, run = _a_brief_of_a_folder_to_rename(tmp_path, monkeypatch)
    brief = output / "a.md"
    text = brief.read_text(encoding="utf-8")
    text = text.replace("\nlang: en\n", "\nlang: en\ntags:\n- geprüft\n", 1)
    text = text.replace("\n## Summary\n", "\n## Summary\n\nRückfrage beim Ministerium.\n", 1)
    brief.write_text(text + "\n## Meine Notizen\n\nQuelle bestätigt.\n", encoding="utf-8")
    old.rename(new)
    rerun = CliRunner().invoke(app, [*run, str(new)])
    assert rerun.exit_code == 0 and "0 written, 1 up to date" in rerun.output, rerun.output
    meta, body = read_brief(brief)
    assert meta["source"] == str(new / "a.txt") and meta["tags"] == ["geprüft"]
    assert "Rückfrage beim Ministerium." in body and body.endswith("\nQuelle bestätigt.\n")
    assert read_brief_record(brief) is not None  # still current and listed
    assert "](<a.md>)" in (output / "index.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "typed",
    [
        "reviewed: no  # noch offen\nchecked: 10:30\nzip: 01234\nnotes: |\n  Zeile eins\n",
        # a comment line above a property is the reader's too: it went with our entry before it
        "# Redaktion, bitte prüfen\nreviewed: no\n\n# Stand Montag\nnotes: |\n  Zeile eins\n",
    ],
)
def test_a_readers_properties_stay_as_typed_when_the_brief_names_its_new_place(
    tmp_path: Path, monkeypatch, typed: str
) -> None:
    """The front matter of a brief whose folder of articles was renamed is written again: the
    properties a reader added to it were read by YAML and written again, so "checked: 10:30"
    became "checked: 630" (YAML 1.1's base 60), "zip: 01234" "zip: 668" (octal) and
    "reviewed: no" "reviewed: false", for Obsidian (YAML 1.2) too, and their comments went."""
    old, new, output, run = _a_brief_of_a_folder_to_rename(tmp_path, monkeypatch)
    brief = output / "a.md"
    text = brief.read_text(encoding="utf-8").replace("\nlang: en\n", f"\nlang: en\n{typed}", 1)
    brief.write_text(text, encoding="utf-8")
    old.rename(new)
    rerun = CliRunner().invoke(app, [*run, str(new)])
    assert rerun.exit_code == 0 and "0 written, 1 up to date" in rerun.output, rerun.output
    text = brief.read_text(encoding="utf-8")
    assert typed in text.split("\n---\n")[0] + "\n"
    meta, _ = read_brief(brief)
    assert meta["source"] == str(new / "a.txt") and meta["notes"] == "Zeile eins\n"
    assert read_brief_record(brief) is not None  # still current and listed


@pytest.mark.parametrize("failing", ["a.md", "a.json"])
def test_a_brief_renamed_for_its_new_place_but_not_written_is_renamed_next_run(
    tmp_path: Path, monkeypatch, failing: str
) -> None:
    """The record and the brief of an article whose folder moved are written again naming its
    new place, with the same record_id: when the brief's write failed after the record's (a
    disk full, a kill on Ray), the two still read as one brief, and every later run kept the
    Markdown naming the folder that is gone. Whichever of the two writes fails, the next run
    names the new place in both."""
    import errno

    from summarize import outputs

    _echo_models(monkeypatch)
    old, new, output = tmp_path / "april", tmp_path / "archiv", tmp_path / "briefs"
    old.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (old / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    assert "1 written" in CliRunner().invoke(app, [*run, str(old)]).output
    old.rename(new)
    write_atomic = outputs.write_atomic

    def disk_full_for_briefs(path: Path, content: str) -> None:
        if path.name == failing:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        write_atomic(path, content)

    monkeypatch.setattr(outputs, "write_atomic", disk_full_for_briefs)
    assert CliRunner().invoke(app, [*run, str(new)]).exit_code == 1
    monkeypatch.setattr(outputs, "write_atomic", write_atomic)
    CliRunner().invoke(app, [*run, str(new)])
    meta, _ = read_brief(output / "a.md")
    assert meta["source"] == read_record(output / "a.md")["source"] == str(new / "a.txt")


def _short_file_names_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The output folder's file system takes file names of at most 143 bytes (eCryptfs, an
    encrypted home), as summarize's writes see it."""
    import errno

    from summarize import fileio

    real_open = os.open

    def short_names_only(path: Any, *args: Any, **kwargs: Any) -> int:
        if len(os.fsencode(os.path.basename(path))) > 143:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(fileio.os, "open", short_names_only)


def test_a_brief_name_too_long_for_the_output_file_system_costs_only_its_article(
    tmp_path: Path, monkeypatch
) -> None:
    """An output folder whose file system takes shorter names than a brief's (an encrypted
    home or share: eCryptfs takes 143 bytes) fails the article of the long name with a line
    saying so, and the run's other articles get their briefs: it stopped the run there, "the
    run stopped ... run the same command again", and every rerun stopped at the same article,
    so the articles after it never got a brief."""
    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    long_name = "wahl-" + "ergebnis-" * 14 + "berlin.txt"  # a scraper's slug of 141 bytes
    for name in ("a.txt", long_name, "z.txt"):
        (folder / name).write_text(seed, encoding="utf-8")
    _short_file_names_only(monkeypatch)
    result = CliRunner().invoke(app, ["run", "--output", str(output), "--no-cache", str(folder)])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "1 failed" in said and "2 written" in said, result.output
    assert f"{folder / long_name}: cannot write its brief" in said, result.output
    assert "File name too long" in said and "shorter file name" in said, result.output
    assert "the run stopped" not in said and "Traceback" not in said, result.output
    assert read_brief_record(output / "a.md") and read_brief_record(output / "z.md")
    assert not list(output.glob(".*.tmp")) and not list(output.glob("wahl-*"))
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "(<a.md>)" in index and "(<z.md>)" in index and "File name too long" in index


def _briefs_of_articles_since_moved(tmp_path: Path, run: list[str]) -> tuple[Path, str]:
    """Briefs made by ``run`` of "a.txt" and an article with a long name, whose folder was then
    moved: the folder they are in now, and the long name (its brief's name: 140 bytes)."""
    before, after = tmp_path / "in", tmp_path / "moved"
    before.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    long_name = "wahl-" + "ergebnis-" * 14 + "berlin.txt"
    for name in ("a.txt", long_name):
        (before / name).write_text(seed, encoding="utf-8")
    assert CliRunner().invoke(app, [*run, str(before)]).exit_code == 0
    before.rename(after)
    return after, long_name


def test_a_current_brief_whose_new_place_is_a_name_too_long_costs_only_its_article(
    tmp_path: Path, monkeypatch
) -> None:
    """A current brief whose article moved is written again naming its new place; where the
    output folder's file system cannot take its record's temp file's name (briefs and articles
    moved together into an encrypted home: eCryptfs takes 143 bytes), that article fails with
    a line saying so and the run goes on: the error stopped the run at that article ("cannot
    write its brief", exit 1), on every rerun, so no article after it got its brief."""
    _echo_models(monkeypatch)
    output = tmp_path / "briefs"
    run = ["run", "--output", str(output), "--no-cache"]
    after, long_name = _briefs_of_articles_since_moved(tmp_path, run)
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    (after / "z.txt").write_text(seed.replace(".", "!", 1), encoding="utf-8")
    _short_file_names_only(monkeypatch)
    result = CliRunner().invoke(app, [*run, str(after)])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "1 written, 1 up to date" in said and "1 failed" in said, result.output
    assert f"{after / long_name}: cannot write its brief" in said, result.output
    assert "the run stopped" not in said and "Traceback" not in said, result.output
    assert read_brief_record(output / "z.md") is not None
    assert read_record(output / "a.md")["source"] == str(after / "a.txt")
    assert not list(output.glob(".*.tmp"))
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "(<a.md>)" in index and "(<z.md>)" in index and "File name too long" in index


def test_a_current_brief_whose_new_place_is_a_name_too_long_fails_alone_on_ray(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """As above on the Ray engine, whose driver renews a moved current brief before Ray
    starts (none does here: every brief is current): the error stopped the run there."""
    config = write_config(
        tmp_path / "my.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = tmp_path / "briefs"
    run = ["run", "--output", str(output), "--no-cache", "--config", str(config)]
    after, long_name = _briefs_of_articles_since_moved(tmp_path, run)
    _short_file_names_only(monkeypatch)
    result = CliRunner().invoke(app, [*run, "--engine", "ray", str(after)])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "0 written, 1 up to date" in said and "1 failed" in said, result.output
    assert f"{after / long_name}: cannot write its brief" in said, result.output
    assert "the run stopped" not in said and "Traceback" not in said, result.output
    assert read_record(output / "a.md")["source"] == str(after / "a.txt")
    assert not list(output.glob(".*.tmp"))
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "(<a.md>)" in index and "File name too long" in index


def test_a_run_ended_without_a_word_leaves_the_index_of_its_briefs_so_far(
    tmp_path: Path, monkeypatch
) -> None:
    """A run the system ends where no code of it runs (killed for memory, SIGKILL, a power cut)
    leaves an index of the briefs written so far, saying it had not finished, as a run on Ray
    does: the index of the run before stayed, listing none of the new briefs and telling of
    that run as the latest. Here the end comes as an exception nothing of the run catches, at
    the fourth brief's write."""
    from summarize import outputs
    from summarize.config import load_config
    from summarize.engines import common
    from summarize.engines.local import Pipeline

    class Killed(BaseException):
        pass

    _echo_models(monkeypatch)
    monkeypatch.setattr(common, "CHECKPOINT_S", 0.0)  # due after every batch
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    (folder / "a.txt").write_text(seed, encoding="utf-8")
    config = load_config(
        overrides=[f"output.folder={str(output)!r}", "runtime.cache=false"], project_file=None
    )
    Pipeline(config).run([folder])  # the run before: an index of one brief
    for number in range(1, 6):
        (folder / f"b{number}.txt").write_text(f"{seed}\nNachtrag {number}.\n", "utf-8")
    write_brief = outputs.write_brief
    writes = []

    def killed_at_the_fourth(*args: Any, **kwargs: Any) -> Any:
        writes.append(args[0])
        if len(writes) == 4:
            raise Killed
        return write_brief(*args, **kwargs)

    monkeypatch.setattr(outputs, "write_brief", killed_at_the_fourth)
    config = load_config(
        overrides=[
            f"output.folder={str(output)!r}",
            "runtime.cache=false",
            "runtime.articles_per_batch=1",
        ],
        project_file=None,
    )
    with pytest.raises(Killed):
        Pipeline(config).run([folder])
    index = (output / "index.md").read_text(encoding="utf-8")
    said = re.search(r"Latest run: not finished at [\d-]+ [\d:]+ UTC: (\d) written", index)
    assert said and 1 <= int(said[1]) <= 3, index
    listed = re.findall(r"\(<([^>]+\.md)>\)", index)
    assert "a.md" in listed and len(listed) >= 1 + int(said[1]), index


def test_the_index_names_each_article_the_latest_run_left_without_a_brief(
    tmp_path: Path, monkeypatch
) -> None:
    """An analyst reads index.md, not the run's terminal: it said "1 skipped, 1 failed" without
    which articles or why; and a run that failed on every article left the index as it was,
    its "Latest run" line telling of the run before."""
    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    (folder / "artikel.txt").write_bytes(sorted(SEEDS.glob("*.txt"))[0].read_bytes())
    (folder / "leer.txt").write_text("", encoding="utf-8")
    (folder / "english.txt").write_text(
        "The government announced a new plan on Monday. Critics said it lacked funding and "
        "that the opposition would demand a vote in parliament next week.\n",
        encoding="utf-8",
    )
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    first = CliRunner().invoke(app, [*run, str(folder)])
    assert first.exit_code == 1, first.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "Latest run: 1 written, 0 up to date, 1 skipped, 1 failed." in index
    html = MarkdownIt("gfm-like").render(index)
    lists = re.findall(r"<ul>(.*?)</ul>", html, re.DOTALL)
    assert len(lists) == 2  # the articles without a brief, then the briefs: not one list
    problems = re.findall(r"<li>(.*?)</li>", lists[0])
    assert problems == [
        f"skipped: {folder / 'english.txt'}: the article is in another language (en), not "
        "German; skipped (set input.force_language, or --force-language, to translate it "
        "anyway)",
        f"failed: {folder / 'leer.txt'}: empty file",
    ]
    assert "artikel.md" in lists[1]
    # A later run that fails on every article still says so, and lists the briefs as before.
    second = CliRunner().invoke(app, [*run, str(folder / "leer.txt")])
    assert second.exit_code == 1, second.output
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "Latest run: 0 written, 0 up to date, 0 skipped, 1 failed." in index
    assert "* " + escape_markdown(f"failed: {folder / 'leer.txt'}: empty file") in index
    assert "english.txt" not in index and "](<artikel.md>)" in index
    # Without an index yet, a run without a brief writes none (a folder of no briefs).
    third = CliRunner().invoke(
        app, ["run", "--output", str(tmp_path / "new"), "--quiet", str(folder / "leer.txt")]
    )
    assert third.exit_code == 1 and not (tmp_path / "new" / "index.md").exists()


def test_each_brief_holds_its_own_articles_english_in_order(tmp_path: Path, monkeypatch) -> None:
    """The articles' sentences share translation batches (length-sorted); each brief must still
    get its own sentences' English, in the article's order."""
    _echo_models(monkeypatch)
    output = tmp_path / "briefs"
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--output", str(output), "--no-cache"])
    assert result.exit_code == 0, result.output
    for seed in sorted(SEEDS.glob("*.txt")):
        meta, body = read_brief(output / f"{seed.stem}.md")
        _, prepared = prepare_text(seed.read_text(encoding="utf-8"))
        _, english = article_paragraphs(body)
        expected = [
            f"**¶{number}** "
            + escape_markdown(" ".join(echo_text(s) if needs_model(s) else s for s in paragraph))
            for number, paragraph in enumerate(prepared.paragraphs, start=1)
        ]
        assert english == expected, seed.name
        record = read_record(output / f"{seed.stem}.md")
        if prepared.title:
            assert record["title_en"] == echo_text(prepared.title)
        body_english = " ".join(echo_text(s) if needs_model(s) else s for s in prepared.sentences)
        assert meta["summary"] == record["summary"]["text"]
        assert meta["summary"].startswith("SUMMARY(")
        if record["summary"]["path"] == "direct":
            assert meta["summary"] == "SUMMARY(" + " ".join(body_english.split()[:4]) + ")"


def test_a_rerun_reads_each_brief_once_and_writes_the_same_index(
    tmp_path: Path, monkeypatch
) -> None:
    """The index lists the briefs the run wrote or found current from what the run already
    knows (reading a brief's front matter takes milliseconds: minutes over 50,000 briefs); only
    briefs of earlier runs are read for it. The index is the one a full read of the folder
    gives, earlier runs' briefs included."""
    from summarize import outputs

    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    first = CliRunner().invoke(app, run)
    assert first.exit_code == 0, first.output
    for seed in seeds[:2]:  # briefs of an earlier run: listed, but not inputs of this one
        (folder / seed.name).unlink()
    changed = folder / seeds[2].name
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n\nAm Montag sagte der Minister nichts.\n",
        encoding="utf-8",
    )
    reads: dict[str, int] = {}
    read_markdown = outputs.read_markdown

    def counted(path: Path):
        reads[path.name] = reads.get(path.name, 0) + 1
        return read_markdown(path)

    monkeypatch.setattr(outputs, "read_markdown", counted)
    rerun = CliRunner().invoke(app, run)
    assert rerun.exit_code == 0, rerun.output
    assert "1 written, 2 up to date, 0 skipped, 0 failed" in rerun.output
    # Each brief at most once: a current one for the check, an earlier run's for the index,
    # the rewritten one not at all (its record already says the source changed).
    assert reads == {f"{seed.stem}.md": 1 for seed in (*seeds[:2], *seeds[3:])}
    index = (output / "index.md").read_bytes()
    monkeypatch.setattr(outputs, "read_markdown", read_markdown)
    outputs.write_index(output, "1 written, 2 up to date, 0 skipped, 0 failed")
    assert (output / "index.md").read_bytes() == index  # as a full read of the folder gives
    assert index.count(b"\n- **[") == len(seeds)


def test_a_brief_keeps_its_name_whatever_else_the_run_holds(tmp_path: Path, monkeypatch) -> None:
    _echo_models(monkeypatch)
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    article = (SEEDS / "001_50aac4cd65089cc5.txt").read_text(encoding="utf-8")
    for path in (one / "a.txt", one / "a.md", two / "a.txt"):
        path.write_text(article, encoding="utf-8")
    output = tmp_path / "briefs"
    run = ["run", "--output", str(output), "--no-cache", "--quiet"]
    alone = CliRunner().invoke(app, [*run, str(one / "a.txt")])
    assert alone.exit_code == 0, alone.output
    crowded = CliRunner().invoke(app, [*run, str(one), str(one / "a.txt"), str(two / "a.txt")])
    assert crowded.exit_code == 1, crowded.output  # two/a.txt would overwrite one/a.txt's brief
    assert "would overwrite the brief of" in crowded.output
    assert sorted(p.name for p in output.glob("*.md")) == ["a.md", "a.md.md", "index.md"]
    assert read_brief(output / "a.md")[0]["source"] == str(one / "a.txt")
    index = (output / "index.md").read_text(encoding="utf-8")
    assert len([line for line in index.splitlines() if line.startswith("- **[")]) == 2


@pytest.mark.parametrize(
    ("first", "second", "moved"),
    [("a_b.txt", "a:b.txt", False), ("a.txt", "A.txt", False), ("a_b.txt", "a:b.txt", True)],
)
def test_a_new_file_with_a_taken_brief_name_is_refused_not_the_brief_s_own(
    tmp_path: Path, monkeypatch, first: str, second: str, moved: bool
) -> None:
    """A new input whose brief name is that of an existing brief's article ("a:b.txt" beside
    "a_b.txt", "A.txt" beside "a.txt") took the name because it sorted first, and the article
    that owned it was refused on every later run; the two messages said opposite things. So
    too after the input folder was moved (its briefs are kept then)."""
    _echo_models(monkeypatch)
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    texts = seed_texts()
    (folder / first).write_text(texts[0], encoding="utf-8")
    alone = CliRunner().invoke(app, ["run", str(folder), "-o", str(output), "--no-cache", "-q"])
    assert alone.exit_code == 0, alone.output
    if moved:
        folder = folder.rename(tmp_path / "moved")
    run = ["run", str(folder), "--output", str(output), "--no-cache", "--quiet"]
    (folder / second).write_text(texts[1], encoding="utf-8")
    for _ in range(2):  # and so on every later run
        both = CliRunner().invoke(app, run)
        assert both.exit_code == 1, both.output
        said = " ".join(both.output.split())
        assert "0 written, 1 up to date, 0 skipped, 1 failed" in said, said
        assert f"{second}: its brief" in said and f"{first}: its brief" not in said, said
    brief = output / f"{Path(first).stem}.md"
    assert read_brief(brief)[0]["source"] == str(folder / first)


def test_long_sentences_and_documents_are_split_not_truncated(
    models, tmp_path: Path, recorded_inputs: list[str]
) -> None:
    article = tmp_path / "in" / "long.txt"
    article.parent.mkdir()
    long_sentence = ", ".join(f"und dann kam der Zug Nummer {i} in den Bahnhof" for i in range(40))
    article.write_text(
        "Ein sehr langer Satz im Test für das Fenster\n\n"
        + long_sentence
        + ".\n\n"
        + "\n\n".join(f"Am Montag sagte der Minister Satz {i} über die Lage." for i in range(30)),
        encoding="utf-8",
    )
    config = write_config(tmp_path / "c.toml", models.marian_short_window, models.bart_short_window)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(article), "-c", str(config), "-o", str(output), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    record = read_record(output / "long.md")
    assert record["counts"]["sentences_split_for_window"] >= 1
    assert record["summary"]["path"] == "map-reduce"
    assert record["summary"]["input_tokens"] > record["summary"]["window_tokens"] == 96
    pieces = [
        text
        for text in recorded_inputs
        if text.startswith(("und dann", "Zug", "in den")) or "Zug Nummer" in text
    ]
    # Pieces are batched longest first; put back in sentence order they give the whole sentence.
    pieces.sort(key=(long_sentence + ".").index)
    assert " ".join(pieces).split() == (long_sentence + ".").split()
    # The record says which sentence was split (the brief counted it, and named none).
    split = [
        (number, sentence["de"], sentence["split_into"])
        for number, paragraph in enumerate(record["paragraphs"], start=1)
        for sentence in paragraph["sentences"]
        if sentence["split_into"]
    ]
    assert [(number, german) for number, german, _ in split] == [(1, long_sentence + ".")]
    assert split[0][2] > 1 and record["title_split_into"] == 0
    assert "1 sentence of the article (¶1 sentence 1) was longer than the translator's" in (
        output / "long.md"
    ).read_text(encoding="utf-8")


def test_a_sentence_split_for_the_summarizers_window_is_said_in_the_brief(
    self_contained_models, tmp_path: Path
) -> None:
    """An English sentence longer than the summarizer's window goes to two chunks or more, each
    summarized apart: the brief, its record and the view say so, as they say the translator's
    splits (only the log said it, and the brief read as if every sentence was read whole)."""
    from summarize.view import build_site

    article = tmp_path / "in" / "long.txt"
    article.parent.mkdir()
    long_sentence = ", ".join(f"und dann kam der Zug Nummer {i} in den Bahnhof" for i in range(40))
    article.write_text(f"Ein Titel\n\n{long_sentence}.\n", encoding="utf-8")
    config = write_config(
        tmp_path / "c.toml",
        self_contained_models.marian_short_window,
        self_contained_models.bart_short_window,
    )
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(article), "-c", str(config), "-o", str(output), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    record = read_record(output / "long.md")
    # The translator's pieces joined: one English sentence of far more than 96 tokens.
    assert record["summary"]["path"] == "map-reduce"
    assert record["summary"]["sentences_split_for_window"] == 1
    said = (
        "1 sentence of the English was longer than the summarizer's window (96 tokens), so it "
        "was split between chunks and its parts summarized apart."
    )
    assert said in " ".join((output / "long.md").read_text(encoding="utf-8").split())
    build_site(output, tmp_path / "site")
    page = (tmp_path / "site" / "long.html").read_text(encoding="utf-8")
    assert said in " ".join(page.split())


def test_the_run_warning_of_split_sentences_names_the_articles(
    self_contained_models, tmp_path: Path
) -> None:
    """One warning for the batch, naming the articles whose sentences were split (the first
    three, then how many more), never an article that had none; each brief says its own count."""
    folder = tmp_path / "in"
    folder.mkdir()
    long_sentence = ", ".join(f"und dann kam der Zug Nummer {i} in den Bahnhof" for i in range(8))
    for name in ["a", "b", "c", "d"]:
        (folder / f"{name}.txt").write_text(
            f"Ein Titel {name}\n\n{long_sentence} {name}.\n\nDer Minister sagte das.\n", "utf-8"
        )
    (folder / "short.txt").write_text("Ein Titel\n\nDer Minister sagte das heute.\n", "utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian_short_window, self_contained_models.bart
    )
    result = CliRunner().invoke(
        app, ["run", str(folder), "-c", str(config), "-o", str(tmp_path / "out"), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # as one line, however the console wrapped it
    warning = re.search(r"4 sentence\(s\) longer than the translator's 48-token window were "
                        r"split, in (.*?) \(each brief says", said)  # fmt: skip
    assert warning is not None, result.output
    shown = [str(folder / f"{name}.txt") for name in ["a", "b", "c"]]
    assert warning.group(1) == f"{', '.join(shown)} and 1 more"
    assert "short.txt" not in warning.group(1)


def test_the_summarizers_log_lines_name_the_article(self_contained_models, tmp_path: Path) -> None:
    """The run passes each article's file to the summarizer's log lines: "text of 180 tokens
    exceeds the summarizer's window: map-reduce round 1" said nothing of which article."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = " ".join(f"Der Zug Nummer {i} kam am Montag in den Bahnhof." for i in range(30))
    (folder / "lang.txt").write_text(f"Ein Titel\n\n{body}\n", "utf-8")
    (folder / "kurz.txt").write_text("Ein Titel\n\nDer Minister sagte das heute.\n", "utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart_short_window
    )
    result = CliRunner().invoke(
        app, ["run", str(folder), "-c", str(config), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert f"summarizer: {folder / 'lang.txt'}: text of " in said, result.output
    assert "kurz.txt: text of" not in said


def test_the_headlines_translation_is_checked_as_every_sentence_is(
    self_contained_models, tmp_path: Path
) -> None:
    """The headline is the first model input, but only the body's sentences were checked: a
    headline cut at the output limit went into the brief, its record and the counts without a
    word while the body's sentences, cut the same way, were warned of."""
    (tmp_path / "a.txt").write_text(
        "Bürgermeister eröffnet das neue Schwimmbad im Norden der Stadt\n\n"
        "Am Montag kamen Hunderte Besucher zur Eröffnung. Der Eintritt war an diesem Tag frei.\n",
        "utf-8",
    )
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    result = CliRunner().invoke(
        app,
        ["run", str(tmp_path / "a.txt"), "-c", str(config), "-o", str(tmp_path / "out"), "-q",
         "--set", "translation.generation.max_new_tokens=4"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "out" / "a.json").read_text("utf-8"))
    body = [w for p in record["paragraphs"] for s in p["sentences"] for w in s["warnings"]]
    assert "output_limit" in [warning["kind"] for warning in body]
    assert record["title_from"] == "headline", record["title_de"]
    assert "output_limit" in [warning["kind"] for warning in record["title_warnings"]]
    assert record["counts"]["translation_warnings"] == len(body) + len(record["title_warnings"])
    brief = (tmp_path / "out" / "a.md").read_text("utf-8")
    head = brief.split("## Summary", 1)[0]
    assert "*Headline translation warning" in head and "output limit" in head
    assert "under the headline and at their paragraphs" in brief


def test_a_character_the_window_cannot_hold_beside_the_prefix_costs_only_its_article(
    self_contained_models, tmp_path: Path
) -> None:
    """U+FDFA is one character that the tokenizer's NFKC writes as 18 letters: with a prefix
    that leaves room for any ordinary character, it cannot be cut small enough, and the
    ConfigError this raised mid-run stopped it: no article got a brief. Now that sentence has
    no English, so its article fails with that reason (a translation is never partial), and
    the run's other articles get their briefs."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Der Besuch in der Stadt\n\nDer Gast sagte \ufdfa und ging. Der Tag war lang.\n", "utf-8"
    )
    (tmp_path / "in" / "b.txt").write_text(
        "Das neue Schwimmbad\n\nAm Montag kamen Hunderte Besucher. Der Eintritt war frei.\n",
        "utf-8",
    )
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    result = CliRunner().invoke(
        app,
        ["run", str(tmp_path / "in"), "-c", str(config), "-o", str(tmp_path / "out"), "-q",
         "--set", 'translation.prefix="Wort Wort Wort "', "--set",
         "translation.max_input_tokens=12"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert (tmp_path / "out" / "b.md").is_file(), result.output
    assert not (tmp_path / "out" / "a.md").exists()
    said = " ".join(result.output.split())
    assert "a.txt: translation: the model's input window cannot hold even" in said, said
    assert "Traceback" not in result.output


def test_version_is_printed() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"summarize {__version__}\n"
    assert "Usage" in CliRunner().invoke(app, []).output  # no command: the help, as before


def test_config_show_prints_the_effective_config(tmp_path: Path) -> None:
    layer = tmp_path / "l.toml"
    layer.write_text('[summarization]\nmodel = "my/summarizer"\n')
    result = CliRunner().invoke(
        app, ["config", "show", "-c", str(layer), "--set", "translation.batch_size=7"]
    )
    assert result.exit_code == 0, result.output
    assert 'model = "my/summarizer"' in result.stdout
    assert "batch_size = 7" in result.stdout
    assert 'model = "Helsinki-NLP/opus-mt-de-en"' in result.stdout


def test_bad_config_exits_2_with_the_key_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--set", "translation.beams=4"])
    assert result.exit_code == 2
    assert "translation.beams" in result.output and "Traceback" not in result.output


def _run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "summarize.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_console_script_says_everything_before_its_quick_exit(tmp_path: Path) -> None:
    """main() ends with os._exit (no interpreter teardown): buffered output must not be lost."""
    in_process = CliRunner().invoke(app, ["config", "show"])
    result = _run_cli(["config", "show"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == in_process.stdout and "[translation]" in result.stdout
    failed = _run_cli(["config", "show", "--set", "translation.beams=4"], cwd=tmp_path)
    assert failed.returncode == 2 and "translation.beams" in failed.stderr


def test_a_run_that_wrote_nothing_names_no_output_folder(tmp_path: Path, monkeypatch) -> None:
    """Every article failed: the run takes away the output folder it made, and its summary line
    still pointed at it ("… 1 failed → out")."""
    _echo_models(monkeypatch)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("", encoding="utf-8")
    run = ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-cache", "-q"]
    result = CliRunner().invoke(app, run)
    assert result.exit_code == 1 and not (tmp_path / "out").exists(), result.output
    assert "1 failed (no output folder: none written)" in result.output, result.output
    assert "→" not in result.output
    (tmp_path / "out").mkdir()  # a folder that was there stays, and is named
    result = CliRunner().invoke(app, run)
    assert f"1 failed → {tmp_path / 'out'}" in " ".join(result.output.split()), result.output


def test_missing_hub_model_exits_2_naming_it_without_traceback(tmp_path: Path) -> None:
    result = _run_cli(["run", str(SEEDS), "--output", str(tmp_path / "out")], cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Helsinki-NLP/opus-mt-de-en" in result.stderr
    assert "summarize models pull" in result.stderr and "models" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


def test_missing_local_model_folder_exits_2(tmp_path: Path, self_contained_models) -> None:
    result = _run_cli(
        [
            "run",
            str(SEEDS),
            "--set",
            f"summarization.model={tmp_path / 'gone'}",
            "--set",
            f"translation.model={self_contained_models.marian}",
        ],
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert str(tmp_path / "gone") in result.stderr
    assert "Traceback" not in result.stderr


def _run_with_models(models, tmp_path: Path, *overrides: str) -> subprocess.CompletedProcess[str]:
    sets = [f"translation.model={models.marian}", f"summarization.model={models.bart}"]
    sets += overrides
    args = ["run", str(SEEDS), "--output", str(tmp_path / "out"), "--no-cache"]
    return _run_cli([*args, *(arg for value in sets for arg in ("--set", value))], cwd=tmp_path)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        # Used to pass the config and stop mid-run (after translating) with a ZeroDivisionError.
        (
            "summarization.generation.num_beams=0",
            "summarization.generation.num_beams: must be an integer >= 1 (got 0)",
        ),
        # Fine as a table; merged over the Marian model's forced_eos_token_id (0) it is not.
        ("translation.generation.suppress_tokens=[0]", "[translation.generation]"),
    ],
)
def test_a_bad_generation_setting_exits_2_before_any_article(
    tmp_path: Path, self_contained_models, setting: str, message: str
) -> None:
    result = _run_with_models(self_contained_models, tmp_path, setting)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and setting.split(".")[-1].split("=")[0] in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("raised", "message"),
    [
        (
            "ModuleNotFoundError(\"No module named 'ctranslate2'\", name='ctranslate2')",
            "translation.backend = 'ctranslate2' needs the optional CTranslate2 package: "
            "pip install \"summarize[fast]\", or set translation.backend = 'torch'",
        ),
        (
            "ImportError('libctranslate2.so.4: cannot open shared object file')",
            "translation.backend = 'ctranslate2': the CTranslate2 package is installed but does "
            "not load (libctranslate2.so.4: cannot open shared object file); reinstall it",
        ),
    ],
    ids=["not-installed", "does-not-load"],
)
def test_a_ctranslate2_that_cannot_be_imported_names_the_section_and_why(
    tmp_path: Path, self_contained_models, monkeypatch, raised: str, message: str
) -> None:
    """With one section on CTranslate2 the line said "backend = 'ctranslate2' needs the
    optional CTranslate2 package", naming neither section; and a CTranslate2 installed but
    failing to load (a library of its own missing) was told to install it."""
    fake = tmp_path / "fake" / "ctranslate2"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f"raise {raised}\n", encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(fake.parent), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", path)
    result = _run_with_models(self_contained_models, tmp_path, "translation.backend=ctranslate2")
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists()


def test_config_show_refuses_a_bad_generation_value() -> None:
    result = CliRunner().invoke(
        app, ["config", "show", "--set", "translation.generation.num_beams=true"]
    )
    assert result.exit_code == 2, result.output
    assert "translation.generation.num_beams: must be an integer" in result.output
    assert "num_beams = true" not in result.output


def test_missing_input_path_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["run", str(tmp_path / "nothing-here")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_a_dash_for_standard_input_says_articles_are_read_from_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`curl … | summarize run -` said only "-: no such file or folder"."""
    monkeypatch.chdir(tmp_path)  # no file named "-" here
    result = CliRunner().invoke(app, ["run", "-"])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        "Error: no articles to process: -: reading an article from standard input is not "
        "supported; save it to a file"
    )


GERMAN = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text(encoding="utf-8")
ENGLISH = (
    "North Korea sent thousands of soldiers to Russia last year, officials in Seoul said on "
    "Monday. The troops were deployed in the Kursk region, where many of them were killed. "
    "Analysts expect the cooperation between both countries to grow in the coming months.\n"
) * 3


# Quiet, and in log mode (a pipe, CI): each problem gets its line in both, including those
# found before any article starts (a missing path, a link out of its folder).
@pytest.mark.parametrize(("articles_per_batch", "quiet"), [(16, True), (3, False)])
def test_hostile_inputs_cost_only_their_own_briefs(
    self_contained_models, tmp_path: Path, articles_per_batch: int, quiet: bool
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(GERMAN, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(GERMAN.encode("latin-1", errors="replace"))
    (folder / "utf16.txt").write_bytes(GERMAN.encode("utf-16"))  # with BOM
    (folder / "utf8bom.txt").write_bytes(b"\xef\xbb\xbf" + GERMAN.encode("utf-8"))
    (folder / "boilerplate.txt").write_text(
        "Artikel teilen:\nEmpfohlener redaktioneller Inhalt\nExternen Inhalt anzeigen\n5 CHF\n",
        encoding="utf-8",
    )
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "huge.txt").write_text(GERMAN * 40, encoding="utf-8")
    (folder / "run-on.txt").write_text(" ".join(["wort"] * 5000), encoding="utf-8")
    (folder / "name with spaces ä.txt").write_text(GERMAN, encoding="utf-8")
    (folder / ".hidden.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "twin.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "twin.md").write_text(GERMAN, encoding="utf-8")
    (folder / "link-out.txt").symlink_to(outside)
    (folder / "sub.txt").mkdir()
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "run",
            str(folder),
            str(tmp_path / "missing.txt"),
            "-c",
            str(config),
            "-o",
            str(output),
            "--set",
            "input.max_bytes=40000",
            "--set",
            f"runtime.articles_per_batch={articles_per_batch}",
            *(["--quiet"] if quiet else []),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    written = {p.name for p in output.glob("*.md")} - {"index.md"}
    assert {
        "good.md",
        "latin1.md",
        "utf16.md",
        "utf8bom.md",
        "run-on.md",
        "name with spaces ä.md",
        "hidden.md",
    } <= written
    # Names depend on the input alone: a .txt keeps its stem, other inputs their extension too.
    assert {"twin.md", "twin.md.md"} <= written
    for name in ["empty", "blank", "binary", "boilerplate", "english", "huge", "link-out"]:
        assert f"{name}.md" not in written
    messages = {
        "empty.txt": "empty file",
        "blank.txt": "only whitespace",
        "binary.txt": "binary",
        "boilerplate.txt": "no article text left",
        "english.txt": "not German",
        "huge.txt": "max_bytes",
        "link-out.txt": "symbolic link",
        "missing.txt": "no such file",
    }
    for name, message in messages.items():
        lines = result.output.splitlines()
        assert any(name in line and message in line for line in lines), (name, result.output)
    if not quiet:  # the log's lines: a skipped article is an error, as its exit status 1
        assert re.search(r" ERROR skipped: \S*english\.txt: ", result.output), result.output
        assert re.search(r" ERROR failed: \S*empty\.txt: ", result.output), result.output
    assert "9 written, 0 up to date, 1 skipped, 7 failed" in result.output
    assert not [p for p in output.iterdir() if p.name.endswith(".tmp")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.toml", "in", "out", "outside.txt"]
    # The run-on "sentence" was split for the translator's window, not cut.
    record = read_record(output / "run-on.md")
    assert record["counts"]["words_de"] == 5000
    assert record["counts"]["sentences_split_for_window"] == 1


def test_a_missing_path_is_an_error_line_of_the_log_when_found(
    self_contained_models, tmp_path: Path
) -> None:
    """In a log (a pipe, CI) a path named on the command line that does not exist was said only
    after the run, as a bare "failed: …" line, where every other failure is a time-stamped
    ERROR line said as it is found."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    args = ["run", str(folder), str(tmp_path / "missing.txt"), "-c", str(config)]
    result = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    stamp = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}"
    missing = [
        number
        for number, line in enumerate(lines)
        if re.fullmatch(rf"{stamp} ERROR failed: \S*missing\.txt: no such file or folder", line)
    ]
    first_article = next(number for number, line in enumerate(lines) if " INFO [1/1] " in line)
    assert len(missing) == 1 and missing[0] < first_article, result.output
    assert not [line for line in lines if line.startswith("failed:")], result.output


def test_articles_in_a_batch_share_model_calls(
    self_contained_models, tmp_path: Path, recorded_inputs: list[str], monkeypatch
) -> None:
    """Five articles at once: each distinct sentence reaches the translator once, and the
    summaries need one model call per pass instead of one per article and pass."""
    from summarize.summarization import Summarizer

    summary_calls: list[int] = []
    original = Summarizer.generate_batch

    def counting(self, texts, *kinds):
        summary_calls.append(len(texts))
        return original(self, texts, *kinds)

    monkeypatch.setattr(Summarizer, "generate_batch", counting)
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    seeds = sorted(SEEDS.glob("*.txt"))
    calls = {}
    for size in (1, 5):
        summary_calls.clear()
        recorded_inputs.clear()
        output = tmp_path / f"out-{size}"
        result = CliRunner().invoke(
            app,
            ["run", str(SEEDS), "-c", str(config), "-o", str(output), "--no-cache", "-q",
             "--set", f"runtime.articles_per_batch={size}"],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert len(list(output.glob("*.md"))) == len(seeds) + 1
        calls[size] = len(summary_calls)
        if size == 5:
            passes = 1 + max(read_record(output / f"{s.stem}.md")["summary"]["map_rounds"]
                             for s in seeds)  # fmt: skip
            assert calls[5] == passes and sum(summary_calls) >= len(seeds)
            expected = set()
            for seed in seeds:
                _, segmented = prepare_text(seed.read_text(encoding="utf-8"))
                title = [segmented.title] if segmented.title else []
                expected |= {s for s in title + segmented.sentences if needs_model(s)}
            assert sorted(recorded_inputs) == sorted(expected)  # each distinct sentence once
    assert calls[1] >= len(seeds) > calls[5]


def test_forced_language_is_translated(self_contained_models, tmp_path: Path) -> None:
    article = tmp_path / "english.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    args = ["run", str(article), "-c", str(config), "-o", str(tmp_path / "o"), "-q"]
    assert CliRunner().invoke(app, args).exit_code == 1
    assert CliRunner().invoke(app, [*args, "--force-language"]).exit_code == 0
    assert (tmp_path / "o" / "english.md").is_file()


def test_unchanged_articles_are_not_redone(
    self_contained_models, tmp_path: Path, recorded_inputs: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "b.txt").write_text(GERMAN.replace("Pjöngjang", "Pjöngjang (Nordkorea)"))
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    args = ["run", str(folder), "-c", str(config), "-o", str(tmp_path / "o"), "-q"]
    assert CliRunner().invoke(app, args).exit_code == 0
    first = (tmp_path / "o" / "a.md").read_text(encoding="utf-8")
    recorded_inputs.clear()
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "0 written, 2 up to date" in again.output
    assert recorded_inputs == [] and (tmp_path / "o" / "a.md").read_text() == first
    # The run closed its cache: SQLite folded the write-ahead log back into the one file.
    cache_files = sorted(p.name for p in (tmp_path / "o" / ".summarize-cache").iterdir())
    assert cache_files == ["translations.sqlite"]
    (folder / "a.txt").write_text(GERMAN + "\nEin neuer Absatz am Ende des Artikels.\n")
    recorded_inputs.clear()
    edited = CliRunner().invoke(app, args)
    assert "1 written, 1 up to date" in edited.output
    # Only the new paragraph reached the model: the rest came from the translation cache.
    assert recorded_inputs == ["Ein neuer Absatz am Ende des Artikels."]
    changed_settings = CliRunner().invoke(app, [*args, "--set", "clean.disable=['tail']"])
    assert "2 written" in changed_settings.output
    forced = CliRunner().invoke(app, [*args, "--set", "clean.disable=['tail']", "--force"])
    assert "2 written" in forced.output


def test_a_rerun_that_translates_nothing_loads_no_translator(
    self_contained_models, tmp_path: Path, monkeypatch, recorded_inputs: list[str]
) -> None:
    """After a change to the summarization settings alone every sentence is in the translation
    cache: the rerun summarizes again without reading the translator's weights (seconds with
    opus-mt, for "translating 0 sentence(s)"), and its briefs say the same of the translator
    and hold the same English. A sentence not in the cache loads the translator again."""
    local = sys.modules["summarize.engines.local"]
    loads: list[str] = []
    load_weights = local.load_weights

    def counted(spec, *args, **kwargs):
        loads.append(spec.task)
        return load_weights(spec, *args, **kwargs)

    monkeypatch.setattr(local, "load_weights", counted)
    folder, output = tmp_path / "in", tmp_path / "o"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    args = ["run", str(folder), "-c", str(config), "-o", str(output), "-q"]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert sorted(loads) == ["summarization", "translation"]
    before = read_record(output / "a.md")
    loads.clear()
    recorded_inputs.clear()
    args += ["--set", "summarization.generation.num_beams=1"]
    rerun = CliRunner().invoke(app, args)
    assert rerun.exit_code == 0 and "1 written" in rerun.output, rerun.output
    assert loads == ["summarization"] and recorded_inputs == []
    after = read_record(output / "a.md")
    assert after["generation"]["summarization"] != before["generation"]["summarization"]
    assert after["models"]["translation"] == before["models"]["translation"]
    assert after["generation"]["translation"] == before["generation"]["translation"]
    assert after["paragraphs"] == before["paragraphs"]  # English and its warnings alike
    (folder / "a.txt").write_text(GERMAN + "\nEin neuer Absatz am Ende des Artikels.\n")
    loads.clear()
    edited = CliRunner().invoke(app, args)
    assert "1 written" in edited.output, edited.output
    assert sorted(loads) == ["summarization", "translation"]
    assert recorded_inputs == ["Ein neuer Absatz am Ende des Artikels."]


def test_brief_escapes_hostile_article_text(self_contained_models, tmp_path: Path) -> None:
    article = tmp_path / "evil.txt"
    article.write_text(
        # A line holding a web address or an HTML tag is no headline (09bf771): the headline's
        # Markdown is tested here, the address and the script in the text.
        "Eine Schlagzeile mit [Link](evil.example) und *Sternen* und `Code`\n\n"
        "Ein Absatz mit [Link](http://evil.example) und <script>alert(1)</script>.\n\n"
        "# Keine Überschrift | a | b | und ein ![Bild](x.png) mit *Sternen* und `Code`.\n\n"
        "---\nfake: front matter\n",
        encoding="utf-8",
    )
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    result = CliRunner().invoke(
        app, ["run", str(article), "-c", str(config), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    meta, body = read_brief(tmp_path / "o" / "evil.md")
    assert meta["title_de"].startswith("Eine Schlagzeile")
    # Parse the brief as CommonMark (markdown-it, rich's own parser): the article's text must
    # come out as plain text: no link, image, raw HTML, emphasis, code or extra heading.
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    inline = [child for token in tokens for child in (token.children or [])]
    assert not {child.type for child in inline} & {
        "link_open",
        "image",
        "html_inline",
        "code_inline",
    }
    emphasized = [
        inline[i + 1].content for i, child in enumerate(inline) if child.type == "em_open"
    ]
    assert "Sternen" not in emphasized  # only the brief's own notes and title are italic
    assert not {token.type for token in tokens} & {"table_open", "hr"}
    html = [token.content.strip() for token in tokens if token.type == "html_block"]
    assert all(
        block.startswith("<details>\n<summary>") and block.endswith("</details>") for block in html
    )  # ours only
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == ["Summary", "Checks", "Article", "Removed by the cleaner"]
    shown = "".join(child.content for child in inline if child.type == "text")
    assert "<script>alert(1)</script>" in shown and "*Sternen*" in shown  # shown, not dropped
    assert "fake" not in meta


def test_models_list_shows_where_each_model_resolves(self_contained_models, tmp_path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "models",
            "list",
            "--json",
            "--set",
            f"translation.model={self_contained_models.marian}",
            "--set",
            "runtime.models_dir=" + str(tmp_path / "store"),
        ],
    )
    # The default summarizer is not in this store nor in the cache: listed, exit 1.
    assert result.exit_code == 1
    translation, summarization = (json.loads(line) for line in result.stdout.splitlines())
    assert translation["where"] == "local folder" and translation["available"]
    assert translation["location"] == str(self_contained_models.marian.resolve())
    assert translation["size_bytes"] > 100_000
    assert summarization["requested"] == "sshleifer/distilbart-cnn-12-6"
    assert summarization["where"] == "not available offline" and not summarization["available"]


def test_models_list_and_pull_hash_weights_once_like_a_run(
    self_contained_models, tmp_path, monkeypatch
) -> None:
    """A listing names a local folder's weights by their digest, as a run does: remembered in
    runtime.model_digests, not read whole again on every listing (1.5 GB for the defaults)."""
    import summarize.digests

    hashed: list[str] = []
    real_sha256 = summarize.digests.file_sha256

    def counting_sha256(path: Path) -> str:
        hashed.append(path.name)
        return real_sha256(path)

    monkeypatch.setattr(summarize.digests, "file_sha256", counting_sha256)
    options = [
        "--set", f"translation.model={json.dumps(str(self_contained_models.marian))}",
        "--set", f"summarization.model={json.dumps(str(self_contained_models.bart))}",
        "--set", f"runtime.models_dir={json.dumps(str(tmp_path / 'store'))}",
        "--set", f"runtime.model_digests={json.dumps(str(tmp_path / 'digests.json'))}",
    ]  # fmt: skip
    first = CliRunner().invoke(app, ["models", "list", "--json", *options])
    assert first.exit_code == 0, first.output
    assert hashed.count("model.safetensors") == 2  # each folder's weights, once
    hashed.clear()
    for command in (["models", "list"], ["models", "list", "--json"], ["models", "pull"]):
        again = CliRunner().invoke(app, [*command, *options])
        assert again.exit_code == 0, again.output
    assert hashed == []


def test_models_list_on_a_narrow_terminal_is_a_block_per_model(self_contained_models) -> None:
    """On a terminal narrower than the table (80 columns), each model is a block of "setting:
    value" lines, its folder whole: the table folded every cell and heading mid-word there
    ("transl" / "ation", "offlin" / "e"), a folder's path cut into pieces of six letters."""
    models = self_contained_models

    def listed(columns: int) -> Result:
        return CliRunner().invoke(
            app,
            ["models", "list",
             "--set", f"translation.model={json.dumps(str(models.marian))}",
             "--set", f"summarization.model={json.dumps(str(models.bart))}"],
            env={"TTY_COMPATIBLE": "1", "COLUMNS": str(columns), "NO_COLOR": "1"},
        )  # fmt: skip

    result = listed(80)
    assert result.exit_code == 0, result.output
    lines = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout).splitlines()  # bold, with NO_COLOR
    for task, folder, family in (
        ("translation", models.marian, "marian"),
        ("summarization", models.bart, "bart"),
    ):
        block = lines[lines.index(task) :]
        assert f"  resolves to: {folder.resolve()}" in block
        assert "  offline: yes" in block and f"  family: {family}" in block
    # A terminal wide enough still shows the table.
    wide = listed(1000)
    assert wide.exit_code == 0, wide.output
    assert any(
        "translation" in row and str(models.marian.resolve()) in row and "marian" in row
        for row in wide.stdout.splitlines()
    )


def test_models_list_says_each_problem_on_one_line(self_contained_models, tmp_path: Path) -> None:
    """Piped or logged, the console is 200 columns (80 without COLUMNS): the problem of a model
    was folded over lines there, unlike every other message."""
    folder = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    (folder / "model.safetensors").rename(folder / "pytorch_model.bin")  # pickle weights only
    result = _run_cli(
        ["models", "list", "--set", f"translation.model={folder}",
         "--set", f"summarization.model={self_contained_models.bart}"],
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("translation:")]
    assert line.endswith("to accept a pickle checkpoint you trust).") and len(line) > 200


def _models_list_of_a_hub_model_found_nowhere(
    models: Any, store: Path, cwd: Path
) -> tuple[subprocess.CompletedProcess[str], str]:
    """`models list` with a hub id found nowhere as the translation model and ``store`` as the
    model store: it exits 1; the run and its one line on the translation model."""
    result = _run_cli(
        ["models", "list", "--set", "translation.model=nobody/no-such-model-here",
         "--set", f"summarization.model={models.bart}",
         "--set", f"runtime.models_dir={store}"],
        cwd=cwd,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("translation:")]
    return result, line


def test_models_list_says_what_to_do_about_a_hub_model_found_nowhere_offline(
    self_contained_models, tmp_path: Path
) -> None:
    """A hub id in neither the store nor the Hugging Face cache: the table said "not available
    offline" and the command exited 1 without a line of why or what to do."""
    store = tmp_path / "store"
    result, line = _models_list_of_a_hub_model_found_nowhere(self_contained_models, store, tmp_path)
    assert "'nobody/no-such-model-here'" in line and str(store) in line, line
    assert "summarize models pull" in line and "translation.model" in line, line
    assert not [line for line in result.stderr.splitlines() if line.startswith("summarization:")]


def test_models_list_says_the_model_store_is_a_file(self_contained_models, tmp_path: Path) -> None:
    """runtime.models_dir naming a file (or a path through one): `models list` said the hub
    model was "neither in the model store (notes.txt) nor …" and to "copy its folder into the
    store", which cannot be done; a run and `models pull` say the store is a file."""
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    for store in (notes, notes / "models"):
        _, line = _models_list_of_a_hub_model_found_nowhere(self_contained_models, store, tmp_path)
        assert f"runs through {notes}, which is a file, not a folder" in line, line
        assert "set runtime.models_dir to a folder" in line, line
    assert notes.read_text(encoding="utf-8") == "mine"


def test_models_pull_offline_fails_clearly_and_leaves_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = _run_cli(["models", "pull", "--set", f"runtime.models_dir={store}"], cwd=tmp_path)
    assert result.returncode == 2
    assert "Helsinki-NLP/opus-mt-de-en" in result.stderr and "Traceback" not in result.stderr
    assert ".. " not in result.stderr  # the library's sentence and ours join with one full stop
    assert not store.exists() or not any(store.rglob("*"))


def test_an_output_or_cache_folder_that_cannot_be_made_exits_2(
    self_contained_models, tmp_path: Path
) -> None:
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder", encoding="utf-8")
    runs = {
        "the output folder": ["-o", str(a_file / "sub")],
        "the translation cache": [
            "-o", str(tmp_path / "out"), "--set", f"runtime.cache_dir={json.dumps(str(a_file))}",
        ],
    }  # fmt: skip
    for what, options in runs.items():
        arguments = ["run", str(SEEDS / "003_6d29e0b4accf03c7.txt"), "-c", str(config), "-q"]
        result = CliRunner().invoke(app, [*arguments, *options])
        assert result.exit_code == 2, result.output
        assert f"cannot create {what}" in result.output or f"cannot use {what}" in result.output
        assert "Traceback" not in result.output
    assert not list((tmp_path / "out").glob("*.md"))


def test_a_run_refused_once_the_models_load_leaves_no_folder_with_the_cache_on(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model refused when its weights load (weights that do not fit its config.json) stops
    the run with exit 2: the output folder it made went only with the cache off. With the
    cache on (the default) the folder stayed, holding the lock and an empty cache."""
    import summarize.engines.local
    from summarize.errors import ConfigError

    def refused(*_args: object, **_kwargs: object) -> None:
        raise ConfigError("the weights do not fit config.json")

    monkeypatch.setattr(summarize.engines.local, "load_weights", refused)
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    out = tmp_path / "new" / "out"
    result = CliRunner().invoke(
        app, ["run", str(SEEDS / "003_6d29e0b4accf03c7.txt"), "-c", str(config), "-q", "-o",
              str(out)],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "do not fit" in result.output
    assert not (tmp_path / "new").exists(), sorted(map(str, (tmp_path / "new").rglob("*")))


@pytest.mark.parametrize("task", ["translation", "summarization"])
def test_half_precision_on_a_cpu_is_refused_before_any_article(
    self_contained_models, tmp_path: Path, task: str
) -> None:
    """float16 on a CPU was refused when the weights loaded; the summarizer's load is waited for
    only once the first articles are translated, so the run translated them all, then stopped
    with exit 2 (the folder left with its cache); `models list` called the model fine."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["run", str(SEEDS / "003_6d29e0b4accf03c7.txt"), "-c", str(config), "-q", "-o", str(out),
         "--set", f"{task}.device=cpu", "--set", f"{task}.quantization=float16"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert f"{task}.quantization = 'float16' needs a GPU" in result.output
    assert not out.exists()
    listed = CliRunner().invoke(
        app, ["models", "list", "--json", "-c", str(config), "--set", f"{task}.device=cpu",
              "--set", f"{task}.quantization=float16"],
    )  # fmt: skip
    assert listed.exit_code == 1, listed.output  # it would not load as configured
    problems = [json.loads(line)["problem"] for line in listed.stdout.splitlines()]
    assert any("needs a GPU" in (problem or "") for problem in problems), problems


def test_torch_int8_off_the_cpu_is_refused_before_any_article(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """torch's int8 runs on CPU only, and device = "auto" picks a GPU or a Mac's MPS where
    there is one: the summarizer's backend refused it when its weights loaded, after every
    article was translated, in a message that named neither the section nor the device (exit
    2, the folder left with its cache)."""
    import torch

    monkeypatch.setattr(torch.backends.mps, "is_available", lambda: True)  # "auto" picks MPS
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    out = tmp_path / "out"
    settings = ["--set", "translation.device=cpu", "--set", "summarization.quantization=int8"]
    result = CliRunner().invoke(
        app,
        ["run", str(SEEDS / "003_6d29e0b4accf03c7.txt"), "-c", str(config), "-q", "-o", str(out),
         *settings],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "summarization.quantization = 'int8'" in result.output
    assert "'mps'" in result.output and "summarization.device = 'cpu'" in result.output
    assert not out.exists()
    listed = CliRunner().invoke(app, ["models", "list", "--json", "-c", str(config), *settings])
    problems = [json.loads(line)["problem"] for line in listed.stdout.splitlines()]
    assert any("runs on CPU only" in (problem or "") for problem in problems), problems


def test_only_an_empty_cache_of_the_runs_own_is_removed(tmp_path: Path) -> None:
    """A cache with translations, or one an earlier run made, stays whatever the run did."""
    from summarize.backends import Generated
    from summarize.cache import TranslationCache

    folder = tmp_path / "cache"
    TranslationCache(folder).close_and_remove_if_unused()  # made now, holding nothing
    assert not folder.exists()
    cache = TranslationCache(folder)
    cache.put_many("f", {"Ein Satz.": Generated("A sentence.", None)})
    cache.close_and_remove_if_unused()  # made now, holding a translation
    TranslationCache(folder).close_and_remove_if_unused()  # an earlier run's
    cache = TranslationCache(folder)
    assert cache.get_many("f", ["Ein Satz."]) == {"Ein Satz.": Generated("A sentence.", None)}
    cache.close()


@pytest.mark.parametrize("names", [["index.md"], ["a.txt", "a.md"]])
def test_an_article_in_the_output_folder_is_never_written_over(
    self_contained_models, tmp_path: Path, names: list[str]
) -> None:
    """An article given as a file whose folder is the output folder, under a name the run
    writes: the index (a Hugo page bundle's ``index.md``) or the brief of another input
    replaced the article itself. Refused before any work, and the article is as it was."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    folder = tmp_path / "same"
    folder.mkdir()
    for name in names:
        (folder / name).write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["run", *(str(folder / name) for name in names), "-c", str(config), "-q",
              "-o", str(folder)]
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "the article would be overwritten" in result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert all((folder / name).read_text(encoding="utf-8") == GERMAN for name in names)


def test_the_output_folder_is_not_read_as_an_input_folder(
    self_contained_models, tmp_path: Path
) -> None:
    """With -o naming the input folder, a second run would read its own briefs and index as
    articles: refused before any work. A dangling link in a folder gets its line."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    folder = tmp_path / "same"
    folder.mkdir()
    (folder / "a.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    (folder / "notes.tmp").write_text("mine", encoding="utf-8")
    arguments = ["run", str(folder), "-c", str(config), "-q", "-o"]
    result = CliRunner().invoke(app, [*arguments, str(folder)])
    assert result.exit_code == 2, result.output
    assert "both an input folder and the output folder" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "gone.txt", "notes.tmp"]

    result = CliRunner().invoke(app, [*arguments, str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert any("gone.txt" in line and "broken symbolic link" in line for line in
               result.output.splitlines()), result.output  # fmt: skip
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in result.output


def test_a_run_never_replaces_a_file_it_did_not_write(
    self_contained_models, tmp_path: Path
) -> None:
    """An output folder that holds the user's own files: a note named like a brief
    (``bericht.md`` for ``bericht.txt``) was replaced without a word, and so was a site's own
    ``index.md``. The article is refused (its line names the file); the other gets its brief."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    articles, out = tmp_path / "in", tmp_path / "docs"
    articles.mkdir()
    out.mkdir()
    for name in ("bericht.txt", "other.txt"):
        (articles / name).write_text(GERMAN, encoding="utf-8")
    (out / "bericht.md").write_text("# Meine Notizen\n", encoding="utf-8")
    arguments = ["run", str(articles), "-c", str(config), "-q", "-o", str(out)]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1, result.output
    assert "not a file that summarize wrote" in result.output
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in result.output
    assert (out / "bericht.md").read_text(encoding="utf-8") == "# Meine Notizen\n"
    assert not (out / "bericht.json").exists() and (out / "other.md").is_file()

    (out / "bericht.md").unlink()
    (out / "bericht.json").write_text("{}", encoding="utf-8")  # a record that is not one
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 1 and "bericht.json" in result.output, result.output
    assert (out / "bericht.json").read_text(encoding="utf-8") == "{}"

    # A folder at the brief's name (or its record's): that article is refused, the run goes
    # on; the write failed and stopped the run, and every rerun at the same place.
    (out / "bericht.json").unlink()
    (out / "other.md").unlink()
    for name in ("bericht.md", "bericht.json"):
        (out / name).mkdir()
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 1, result.output
        assert "is a folder" in result.output and name in result.output, result.output
        assert "1 written, 0 up to date, 0 skipped, 1 failed" in result.output
        assert (out / "other.md").is_file() and (out / name).is_dir()
        assert not any((out / other).is_file() for other in ("bericht.md", "bericht.json"))
        (out / name).rmdir()
        (out / "other.md").unlink()

    (out / "index.md").write_text("# Unsere Seite\n", encoding="utf-8")
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 2, result.output
    assert "is not an index that summarize wrote" in result.output
    assert (out / "index.md").read_text(encoding="utf-8") == "# Unsere Seite\n"
    assert not (out / "bericht.md").exists()


def test_a_brief_of_another_file_is_not_replaced(self_contained_models, tmp_path: Path) -> None:
    """Daily folders that reuse file names, written to one output folder: the second day's
    ``a.txt`` replaced the first day's brief and the run said "1 written". Refused while the
    first file exists and differs; the same article in another file is up to date; once the
    first file is gone, its brief is replaced as a moved file's is."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    out = tmp_path / "out"
    days = [tmp_path / "day1", tmp_path / "day2", tmp_path / "day3"]
    other = GERMAN.replace("Kim Jong-un", "Kim Yo-jong")
    for day, text in zip(days, (GERMAN, other, GERMAN), strict=True):
        day.mkdir()
        (day / "a.txt").write_text(text, encoding="utf-8")

    def run(day: Path):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(app, ["run", str(day), "-c", str(config), "-q", "-o", str(out)])

    assert run(days[0]).exit_code == 0
    first = (out / "a.md").read_bytes()
    result = run(days[1])
    assert result.exit_code == 1, result.output
    assert "is the brief of" in result.output and "day1" in result.output, result.output
    assert (out / "a.md").read_bytes() == first
    result = run(days[2])  # the same text as day 1's
    assert result.exit_code == 0 and "0 written, 1 up to date" in result.output, result.output
    (days[0] / "a.txt").unlink()
    (days[2] / "a.txt").unlink()
    result = run(days[1])
    assert result.exit_code == 0 and "1 written" in result.output, result.output
    assert (out / "a.md").read_bytes() != first


def test_whose_brief_it_is_does_not_depend_on_the_working_directory(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record names its source as typed ("a.txt"): read from another working directory that
    named another file. Day 2's "a.txt" run in its own folder replaced day 1's brief, and day 1's
    own file, corrected and run from day 2's folder, was refused as another file's. The record
    also keeps the absolute path, which decides."""
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    out = tmp_path / "out"
    day1, day2 = tmp_path / "day1", tmp_path / "day2"
    for day, text in ((day1, GERMAN), (day2, GERMAN.replace("Kim Jong-un", "Kim Yo-jong"))):
        day.mkdir()
        (day / "a.txt").write_text(text, encoding="utf-8")

    def run(source: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(app, ["run", source, "-c", str(config), "-q", "-o", str(out)])

    monkeypatch.chdir(day1)
    assert run("a.txt").exit_code == 0
    record = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert record["source"] == "a.txt" and record["source_path"] == str(day1 / "a.txt")
    first = (out / "a.md").read_bytes()
    monkeypatch.chdir(day2)
    result = run("a.txt")
    assert result.exit_code == 1 and "is the brief of" in result.output, result.output
    assert (out / "a.md").read_bytes() == first
    (day1 / "a.txt").write_text(GERMAN + "\nEin Satz mehr.\n", encoding="utf-8")
    result = run("../day1/a.txt")  # its own brief, from another folder
    assert result.exit_code == 0 and "1 written" in result.output, result.output


def test_a_ray_address_with_the_local_engine_is_said_to_be_ignored(
    self_contained_models, tmp_path: Path
) -> None:
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    arguments = ["run", str(SEEDS / "003_6d29e0b4accf03c7.txt"), "-c", str(config), "-q"]
    result = CliRunner().invoke(
        app, [*arguments, "-o", str(tmp_path / "out"), "--ray-address", "127.0.0.1:1"]
    )
    assert result.exit_code == 0, result.output
    assert "--ray-address) is ignored: the engine is local" in result.output


def test_control_characters_in_file_names_stay_on_their_line(
    self_contained_models, tmp_path: Path
) -> None:
    """A newline, tab or escape sequence in a file name is shown escaped (as repr() writes it),
    so each message stays one line and no name can fake or colour another; ordinary names,
    non-ASCII letters and spaces included, are shown as they are."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname.txt").write_text(
        "Artikel teilen:\nEmpfohlener redaktioneller Inhalt\nExternen Inhalt anzeigen\n",
        encoding="utf-8",
    )
    (folder / "esc\x1b[31mred.txt").write_bytes(b"")
    (folder / "tab\there.txt").write_text(" \n", encoding="utf-8")
    (folder / "Grüße aus Köln.txt").write_text(
        "Der Stadtrat hat am Montag einen neuen Haushalt beschlossen. Die Opposition "
        "kritisierte die Pläne für den Nahverkehr scharf.\n",
        encoding="utf-8",
    )
    (folder / "link\nloop.txt").symlink_to(folder / "gone.txt")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    result = CliRunner().invoke(
        app,
        ["run", str(folder), str(tmp_path / "miss\ning.txt"), "-c", str(config),
         "-o", str(tmp_path / "out"), "--no-cache"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output
    whole_line = re.compile(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ [A-Z]+ |(failed|skipped): |\d+ written"
    )
    assert all(whole_line.match(line) for line in result.output.splitlines()), result.output
    for message in [
        r"bad\nname.txt: no article text left",
        r"esc\x1b[31mred.txt: empty file",
        r"tab\there.txt: only whitespace",
        r"link\nloop.txt: broken symbolic link",
        r"miss\ning.txt: no such file",
    ]:
        assert message in result.output, (message, result.output)
        named = [line for line in result.output.splitlines() if message.split(":")[0] in line]
        assert all(line.count(message.split(":")[0]) == 1 for line in named)  # named once
    assert f"{folder / 'Grüße aus Köln.txt'}\n" in result.output  # its [i/n] line, as it is
    assert "1 written, 0 up to date, 0 skipped, 5 failed" in result.output


def test_an_unknown_engine_is_named_as_typed(tmp_path: Path) -> None:
    """The error named `--set runtime.engine="foo"`, an option the user never typed."""
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "-o", str(tmp_path / "out"), "--engine", "foo"]
    )
    assert result.exit_code == 2, result.output
    assert "--engine 'foo': choose local (this process) or ray" in result.output
    assert "--set" not in result.output and not (tmp_path / "out").exists()


def test_quiet_and_verbose_together_are_refused_not_one_of_them_ignored(tmp_path: Path) -> None:
    """`run -q -v` logged as -q alone, and nothing said so."""
    result = CliRunner().invoke(app, ["run", str(SEEDS), "-o", str(tmp_path / "out"), "-q", "-v"])
    assert result.exit_code == 2, result.output
    assert "--quiet and --verbose" in result.output and not (tmp_path / "out").exists()


def test_an_empty_output_folder_on_the_command_line_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`-o "$OUT"` with OUT unset: Path("") is the working directory, where the briefs, the
    index and the lock went. Refused (exit 2) before anything is read or written."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file.txt").write_text("x", encoding="utf-8")
    for arguments in (
        ["run", str(SEEDS), "-o", ""],
        ["run", str(SEEDS), "-o", "a-file.txt"],
        ["view", ""],
        ["view", str(tmp_path), "--to", "  "],
        ["eval", "translation", "a-file.txt", "a-file.txt", "-o", ""],
    ):
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 2, (arguments, result.output)
        said = " ".join(result.output.replace("│", " ").split())  # a usage error is boxed
        assert "an empty path" in said or "is a file, not a folder" in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file.txt"]


def test_an_empty_input_path_is_refused_not_read_as_this_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`run "$IN"` with IN unset: Path("") is the working directory, whose articles were
    summarized (exit 0); `inspect ""` listed them, `eval translation "" ref` said "cannot read
    .". Refused (exit 2) before anything is read or written."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(sorted(SEEDS.glob("*.txt"))[0], tmp_path / "artikel.txt")
    output = tmp_path / "out"
    for arguments in (
        ["run", "", "-o", str(output)],
        ["run", str(SEEDS), " ", "-o", str(output)],
        ["inspect", ""],
        ["eval", "translation", "", "artikel.txt", "-o", str(output)],
        ["eval", "translation", "artikel.txt", "", "-o", str(output)],
        ["eval", "summary", "", "-o", str(output)],
    ):
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 2, (arguments, result.output)
        said = " ".join(result.output.replace("│", " ").split())  # a usage error is boxed
        assert "an empty path; give a file or folder name" in said, said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["artikel.txt"]


def test_the_packages_modules_are_reached_from_it_as_before() -> None:
    """The package imports its public names when first used; its modules are still reached
    from it (`import summarize`, then `summarize.checks.unsupported_facts(...)`, as the README
    names the library call), as when the package imported them all (they raised
    AttributeError)."""
    code = (
        "import summarize\n"
        "assert callable(summarize.checks.unsupported_facts)\n"
        "assert callable(summarize.record.record_schema)\n"
        "assert summarize.Pipeline.__module__ == 'summarize.engines.local'\n"
        "assert not hasattr(summarize, 'no_such_module')\n"
        "assert not hasattr(summarize, 'no_such_module.part')\n"  # not ModuleNotFoundError
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def _readme_options_table() -> dict[str, set[str]]:
    """The README's "Every option, by command" table: command words -> the options it names."""
    text = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    table = text.split("Every option, by command", 1)[1].split("\n\n", 2)[1]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines()[2:]:
        command, options = line.strip("|").split("|", 1)
        words = tuple(w for w in command.strip(" `").split() if re.fullmatch(r"[a-z]+", w))
        rows[" ".join(words)] = set(re.findall(r"(?<![\w-])--?[a-z][a-z-]*", options))
    return rows


def test_readme_options_table_names_every_option_of_every_command() -> None:
    """The README says `summarize COMMAND --help` says the same as its table: every option of
    each command is in its row and every option of a row is the command's."""
    rows = _readme_options_table()
    commands = _leaf_commands()
    assert set(rows) == set(commands), sorted(set(rows) ^ set(commands))
    for name, command in commands.items():
        options = {
            opt
            for param in command.params  # type: ignore[attr-defined]
            for opt in (*param.opts, *param.secondary_opts)
            if opt.startswith("-") and opt != "--help"
        }
        assert rows[name] == options, (name, sorted(rows[name] ^ options))


def _leaf_commands() -> dict[str, Any]:
    import typer.main

    leaves: dict[str, Any] = {}
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        sub = getattr(command, "commands", None)
        for sub_name, leaf in (sub or {name: command}).items():
            leaves[f"{name} {sub_name}" if sub else name] = leaf
    return leaves


def test_help_shows_no_python_types_for_options() -> None:
    """Typer 0.29 writes each option's Python type beside it in --help: "--force <bool>" read as
    an option that takes a value, "-c <list[Path]>" as one that takes a list. A flag's column is
    empty and an option that takes a value names it (FILE, DIR, KEY=VALUE). Typer's own --help
    is a flag too, on every command and group; an argument shows its name alone, as the README
    writes it (PATH..., OUTPUT), not "paths... <list[Path]>" and "{paths}..." in the usage."""
    for name, command in {
        "": None,
        **_leaf_commands(),
        "config": None,
        "models": None,
        "eval": None,
    }.items():
        for param in command.params if command else ():
            if not param.opts[0].startswith("--"):
                continue  # an argument
            flag = getattr(param, "is_flag", False)
            assert param.metavar == ("" if flag else param.metavar or None), (name, param.opts)
            assert flag or param.metavar, (name, param.opts)
        shown = subprocess.run(
            [sys.executable, "-m", "summarize", *name.split(), "--help"],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
            timeout=60,
        ).stdout
        rows = [line for line in shown.splitlines() if "--" in line]
        assert any("--help" in row for row in rows), shown
        # nor beside an argument, whose name says what to give, in the usage line too
        assert not re.search(r"<(bool|str|list\[\w+\]|Path)>", shown), shown
        usage = next(line for line in shown.splitlines() if "Usage:" in line)
        assert "{" not in usage and re.search(r"\[OPTIONS\]( [A-Z.[\]]+)*\s*$", usage), usage


def test_help_paragraphs_are_wrapped_by_the_terminal_not_the_source() -> None:
    """Typer 0.29 kept a docstring's source line breaks in --help: on an 80-column terminal
    "… would not load as configured; a model" / "whose family …" broke mid-line, and on a wide
    one every paragraph still broke at the source's 100 columns."""
    for name, command in _leaf_commands().items():
        for paragraph in (command.help or "").split("\n\n"):
            assert "\n" not in paragraph, (name, paragraph)
    shown = subprocess.run(
        [sys.executable, "-m", "summarize", "view", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "600", "NO_COLOR": "1"},
        timeout=60,
    ).stdout
    assert re.search(r"One page per brief .* no JavaScript, nothing loaded .* complete\)\.", shown)


@pytest.mark.parametrize("command", ["run", "inspect"])
def test_paths_help_says_a_named_file_of_any_suffix_is_read(command: str) -> None:
    """The README: a file named on the command line with another suffix (artikel.php) or none
    is read as text or HTML; the paths' help named only the folder suffixes, as if it were not."""
    import typer.main

    leaf = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    (paths,) = [param for param in leaf.params if param.name == "paths"]
    assert "another suffix, or none, is read as text" in paths.help


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [["config", "show"], ["inspect", "--json"], ["inspect"]])
def test_a_standard_output_without_room_is_one_line(command: list[str]) -> None:
    """The standard output on a full disk (``> /dev/full``) ended in a traceback: one line and
    exit 1, as any write that fails."""
    if command[0] == "inspect":
        command = [*command, str(next(SEEDS.glob("*.txt")))]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "summarize", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            timeout=120,
        )
    assert result.returncode == 1
    assert result.stderr == "cannot write the output: No space left on device\n"


def test_a_closed_pipe_on_standard_error_keeps_the_exit_code(tmp_path: Path) -> None:
    """With standard error piped to a reader that went away (``2>&1 | head -0``, a log
    shipper that died), rich ended the process with exit 1 at its first message: a usage
    error (2), a run that wrote every brief (0) and an interrupt (130) all said 1."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody reads: the first write fails with EPIPE
    try:
        result = subprocess.run(
            [sys.executable, "-m", "summarize", "run", str(tmp_path / "missing")],
            stdout=write_end,
            stderr=write_end,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            cwd=tmp_path,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 2


@pytest.mark.parametrize(
    ("command", "exit_code"), [(["--version"], 0), (["run", "missing-folder"], 2)]
)
def test_a_closed_standard_output_is_no_traceback(
    tmp_path: Path, command: list[str], exit_code: int
) -> None:
    """Started with the standard output closed (``>&-``, a daemon's launcher), Python has no
    ``sys.stdout`` at all: the exit's flush of it was an AttributeError traceback and exit 1,
    whatever the command did."""
    result = subprocess.run(
        [sys.executable, "-m", "summarize", *command],
        preexec_fn=lambda: os.close(1),  # in the child, before Python starts
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
        cwd=tmp_path,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == exit_code, result.stderr


def _into_a_closed_pipe(tmp_path: Path, arguments: list[str]) -> tuple[int, bytes]:
    """The exit code and standard error of ``summarize <arguments>`` writing into a pipe whose
    reader is gone (``| head -1`` that has read its line)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "summarize", *arguments],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
            cwd=tmp_path,
            timeout=120,
        )
    finally:
        os.close(write_end)
    return result.returncode, result.stderr


def test_inspect_into_a_pipe_closed_early_ends_quietly(tmp_path: Path) -> None:
    """`summarize inspect seeds/ | head -1`: rich ended it with exit 1 at the first write."""
    assert _into_a_closed_pipe(tmp_path, ["inspect", str(SEEDS)]) == (0, b"")


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["config", "--help"]])
def test_help_into_a_pipe_closed_early_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    """`summarize --help | head -3`: Typer's own rich console ended it with exit 1 (where
    `inspect | head` exits 0)."""
    assert _into_a_closed_pipe(tmp_path, command) == (0, b"")


@pytest.mark.parametrize("command", [["inspect"], ["inspect", "--json"], ["config", "show"]])
def test_a_standard_output_in_a_code_page_escapes_what_it_cannot_hold(
    tmp_path: Path, command: list[str]
) -> None:
    """Redirected where the standard output's encoding is a code page (Windows' cp1252,
    ``> preview.txt``), an article's "Erdoğan" or an emoji ended `inspect` with a traceback, and
    a folder's name `config show`: each is written as its escape, and the JSON and the TOML
    still read as the text."""
    folder = tmp_path / "Erdoğan 😀"
    folder.mkdir()
    text = "Präsident Erdoğan 😀 sprach am Montag in Ankara über die Wirtschaft des Landes.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    named = [str(folder)] if command[0] == "inspect" else ["-s", f"output.folder='{folder}'"]
    result = subprocess.run(
        [sys.executable, "-m", "summarize", *command, *named],
        capture_output=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONIOENCODING": "cp1252"},
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode("cp1252")
    shown = result.stdout.decode("cp1252")
    if command == ["inspect", "--json"]:
        assert json.loads(shown)["paragraphs"] == [[text.strip()]]
    elif command == ["inspect"]:
        assert "Erdo\\u011fan \\U0001f600 sprach" in shown
    else:
        assert tomllib.loads(shown)["output"]["folder"] == str(folder)


def test_inspect_names_an_article_whose_path_is_longer_than_its_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule that heads an article (the one line that names it) cut a path longer than the
    line short with "…" (80 columns in a pipe): which article it was could not be told, and
    two of one long folder read the same. Emptied, it is headed so too."""
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "eingang-der-redaktion-am-montag"
    folder.mkdir()
    kept = folder / "bundesministerium-fuer-arbeit-und-soziales-aenderung-der-anforderungen.txt"
    kept.write_text(
        "Neue Regeln ab Montag\n\nDas Ministerium hat am Montag neue Regeln für die "
        "Grundsicherung vorgestellt. Sie gelten ab dem ersten März.\n",
        encoding="utf-8",
    )
    emptied = folder / "bundesministerium-fuer-arbeit-und-soziales-alle-pressemitteilungen.txt"
    emptied.write_text("Startseite\n\nImpressum\n\nDatenschutz\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["inspect", str(kept), str(emptied)])
    assert str(kept) in result.stdout.splitlines(), result.stdout
    assert str(emptied) in result.stdout.splitlines(), result.stdout
    assert "…" not in result.stdout
    short = CliRunner().invoke(app, ["inspect", str(SEEDS / "003_6d29e0b4accf03c7.txt")])
    assert re.match(r"─+ .*003_6d29e0b4accf03c7\.txt ─+$", short.stdout.splitlines()[0])


def test_inspect_takes_the_force_language_its_skip_line_names(tmp_path: Path) -> None:
    """The line of an article not in German says "set input.force_language, or
    --force-language": inspect refused --force-language ("No such option", exit 2), so the
    advice it printed could not be followed there."""
    english = tmp_path / "weather.txt"
    english.write_text(
        "It rained all day in London on Monday. The city council closed two parks and asked "
        "people to stay at home until the storm had passed over the river.\n",
        encoding="utf-8",
    )
    skipped = CliRunner().invoke(app, ["inspect", "--json", str(english)])
    assert skipped.exit_code == 1 and "--force-language" in skipped.stderr, skipped.output
    for form in (["--force-language"], ["--set", "input.force_language=true"]):
        taken = CliRunner().invoke(app, ["inspect", "--json", *form, str(english)])
        assert taken.exit_code == 0, taken.output
        (line,) = taken.stdout.splitlines()
        sentences = [s for paragraph in json.loads(line)["paragraphs"] for s in paragraph]
        assert sentences[0] == "It rained all day in London on Monday.", sentences


def test_a_config_file_given_as_config_equals_tilde_is_in_the_home_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--config=~/my.toml``: no shell expands a ``~`` after ``=``, and the file in the home
    folder was "not found"; the config reads its own paths so (``output.folder = "~/x"``)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "my.toml").write_text('[output]\nfolder = "briefs-of-mine"\n', encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["config", "show", "--config=~/my.toml"])
    assert result.exit_code == 0, result.output
    assert 'folder = "briefs-of-mine"' in result.output


def test_a_config_file_or_folder_given_as_dot_slash_tilde_is_the_one_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shell reads "./~draft.toml" as the file "~draft.toml" here. Path() drops the "./": the
    config file was "cannot tell whose home ~ is", and "view ./~USER" showed USER's home."""
    user = pwd.getpwuid(os.getuid()).pw_name  # a user whose home folder is known
    monkeypatch.chdir(tmp_path)
    (tmp_path / "~draft.toml").write_text("[runtime]\nthreads = 3\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["config", "show", "--config", "./~draft.toml"])
    assert result.exit_code == 0, result.output
    assert "threads = 3" in result.output
    (tmp_path / f"~{user}").mkdir()
    view = CliRunner().invoke(app, ["view", f"./~{user}"])
    assert view.exit_code != 0
    assert f"~{user}: no brief records" in view.output, view.output


def test_an_empty_config_name_or_a_folder_is_said_to_be_what_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--config "$CFG"`` with CFG unset was "file '' is a directory", and ``--config=~/conf``
    (a folder in the home folder) was read and refused as "cannot read: Is a directory"."""
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    empty = CliRunner().invoke(app, ["config", "show", "--config", ""])
    assert empty.exit_code == 2
    assert "an empty path" in empty.output and "directory" not in empty.output
    folder = CliRunner().invoke(app, ["config", "show", "--config=~/conf"])
    assert folder.exit_code == 2
    assert "is a folder, not a config file" in folder.output, folder.output


def test_an_empty_ray_address_is_said_of_the_option(tmp_path: Path) -> None:
    """``--ray-address "$HEAD"`` with HEAD unset: refused at once, naming the option typed."""
    result = CliRunner().invoke(
        app, ["run", str(SEEDS), "--engine", "ray", "--ray-address", "", "-o", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "--ray-address: an empty address" in result.output, result.output


def _run_a_serial_number_and_a_seed(tmp_path: Path) -> tuple[Result, Path]:
    """A run of two articles, a.txt (with "Seriennummer … 7777", which the tests' checks fail
    on) and b.txt (a seed): the run exits 1, with b's brief and none of a's."""
    folder, output = tmp_path / "in", tmp_path / "briefs"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Rund 512 Menschen kamen am Samstag auf den Festplatz in Ulm.\n\n"
        "Die Seriennummer des Geräts lautet 7777 und ist bekannt.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(seed_texts()[0], encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(output), "--no-cache", "-q"])
    assert result.exit_code == 1, (result.exception, result.output)
    assert (output / "b.md").is_file() and not (output / "a.md").exists()
    return result, output


def test_checks_that_fail_on_one_article_cost_only_its_brief(tmp_path: Path, monkeypatch) -> None:
    """A defect of the checks (an OverflowError on a 320-digit number, once) ended the whole run
    with a traceback: no brief and no index for the other articles. It now fails that article
    alone, with a line that names it and the error."""
    from summarize import checks

    _echo_models(monkeypatch)
    real_check = checks.unsupported_facts

    def check(summary: str, english: str, german: str | None = None) -> list:
        if "Seriennummer" in (german or ""):
            raise OverflowError("int too large to convert to float")
        return real_check(summary, english, german)

    # summarize.stages imports the checks where it runs them.
    monkeypatch.setattr(checks, "unsupported_facts", check)
    result, output = _run_a_serial_number_and_a_seed(tmp_path)
    said = " ".join(result.output.split())
    assert "a.txt: the checks failed on this article (OverflowError" in said, said
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in index


def test_a_number_check_that_fails_in_the_translation_warnings_costs_only_its_brief(
    tmp_path: Path, monkeypatch
) -> None:
    """The translation warning "numbers" runs the fact checks' find_quantities/is_supported in
    the translate stage, outside stages.finish's guard: a defect there ended the whole run."""
    import importlib

    module = importlib.import_module("summarize.checks.translation_warnings")

    _echo_models(monkeypatch)
    real = module.is_supported

    def is_supported(quantity, source):
        if any("7777" in other.text for other in source):
            raise OverflowError("int too large to convert to float")
        return real(quantity, source)

    monkeypatch.setattr(module, "is_supported", is_supported)
    result, _ = _run_a_serial_number_and_a_seed(tmp_path)
    assert "a.txt: " in result.output and "OverflowError" in result.output


class PanicException(BaseException):
    """What pyo3 raises where a library's Rust code panics: a BaseException, not an Exception,
    of a module (pyo3_runtime) that cannot be imported."""


PanicException.__module__ = "pyo3_runtime"


@pytest.mark.parametrize("error", [AssertionError, PanicException])
@pytest.mark.parametrize(
    ("module_name", "attribute", "what"),
    [
        ("summarize.ingest.files", "decode_text", "reading"),
        ("summarize.segment", "segment_article", "preparing"),
        ("summarize.checks.translation_warnings", "is_supported", "the checks"),
        ("summarize.checks", "unsupported_facts", "the checks"),
        ("summarize.outputs", "render_brief", "rendering"),
    ],
)
def test_a_defect_on_one_article_costs_only_its_brief(
    tmp_path: Path, monkeypatch, module_name: str, attribute: str, what: str, error: type
) -> None:
    """An HTML fragment that opens with an unclosed <video> made htmldate fail an lxml
    assertion while reading it: the run ended with a traceback, no index and none of the other
    articles' briefs, and every rerun stopped on the same file. Any exception in reading,
    preparing or checking an article now fails that article alone, with a line to report; so
    does a Rust library's panic (pyo3's PanicException, a BaseException), which went past the
    guards that caught Exception (a front matter title with a lone surrogate did it through a
    Rust number parser)."""
    import importlib

    module = importlib.import_module(module_name)
    _echo_models(monkeypatch)
    real = getattr(module, attribute)

    def defective(*args, **kwargs):  # the bytes read, the cleaned article, or what is checked
        if "Seriennummer" in str(args) or any("7777" in str(arg) for arg in args):
            raise error("a library's own assertion")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, attribute, defective)
    result, output = _run_a_serial_number_and_a_seed(tmp_path)
    said = " ".join(result.output.split())
    assert f"a.txt: {what} failed on this article ({error.__name__}" in said, said
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in index


@pytest.mark.parametrize("error", [ValueError, PanicException])
@pytest.mark.parametrize("task", ["translation", "summarization"])
def test_a_tokenizer_defect_on_one_article_costs_only_its_brief(
    tmp_path: Path, monkeypatch, task: str, error: type
) -> None:
    """A model's tokenizer that raised on one article's text (an exception, or a fast
    tokenizer's Rust panic) while its sentences or its English were measured for the window
    ended the whole run: the sentences of every article are measured before any is
    translated, so no article got a brief and no index was written. It now fails that article
    alone, as a defect in generating for it does."""
    from summarize import models

    _echo_models(monkeypatch)
    real = models.LoadedModel.count_tokens

    def count_tokens(self, text: str) -> int:
        if self.task == task and "7777" in text:
            raise error("a tokenizer's own failure")
        return real(self, text)

    monkeypatch.setattr(models.LoadedModel, "count_tokens", count_tokens)
    result, output = _run_a_serial_number_and_a_seed(tmp_path)
    said = " ".join(result.output.split())
    assert f"the {task} model's tokenizer failed on this text ({error.__name__}" in said, said
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "1 written, 0 up to date, 0 skipped, 1 failed" in index


@pytest.mark.parametrize(
    ("error", "defect"),
    [
        (ValueError("x"), True),
        (PanicException("x"), True),
        (KeyboardInterrupt(), False),
        (SystemExit(1), False),
        (GeneratorExit(), False),
    ],
)
def test_only_exceptions_and_library_panics_are_an_articles_defect(
    error: BaseException, defect: bool
) -> None:
    from summarize.errors import is_article_defect

    assert is_article_defect(error) is defect


def test_an_html_fragment_that_fails_its_metadata_is_read_without_a_title(tmp_path: Path) -> None:
    from summarize.ingest import read_article

    page = tmp_path / "a.html"
    page.write_text(
        "<video controls><p>Ein Notarztwagen steht stark beschädigt neben einer Straße in Ulm. "
        "Die genauen Umstände zum Unfall sind noch nicht geklärt.</p><p>Die Polizei sucht "
        "Zeugen.</p>\n",
        encoding="utf-8",
    )
    article = read_article(page)
    assert article.page_title == ""
    assert article.text.splitlines() == [
        "Ein Notarztwagen steht stark beschädigt neben einer Straße in Ulm. Die genauen "
        "Umstände zum Unfall sind noch nicht geklärt.",
        "Die Polizei sucht Zeugen.",
    ]


def _two_articles(tmp_path: Path) -> Path:
    """A folder of two seed articles, a.txt and b.txt (briefs a.md and b.md)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in zip(("a.txt", "b.txt"), seed_texts(), strict=False):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("error", [RuntimeError, PanicException])
def test_a_run_ended_by_a_defect_still_indexes_the_briefs_it_wrote(
    tmp_path: Path, monkeypatch, error: type
) -> None:
    """An exception no stage turns into an article's failure ended the run with no index: the
    briefs written were in none, and an earlier run's index stood as the latest. So did a
    library's Rust panic (pyo3's PanicException, a BaseException) past the engine's guard for
    defects, which caught Exception."""
    from summarize import outputs

    _echo_models(monkeypatch)
    folder, output = _two_articles(tmp_path), tmp_path / "briefs"
    real_write = outputs.write_brief

    def write_brief(path: Path, brief, **options):
        if path.name == "b.md":
            raise error("a defect")
        return real_write(path, brief, **options)

    monkeypatch.setattr(outputs, "write_brief", write_brief)
    arguments = ["run", str(folder), "-o", str(output), "--no-cache", "-q"]
    if issubclass(error, Exception):
        assert isinstance(CliRunner().invoke(app, arguments).exception, error)
    else:
        with pytest.raises(error):  # CliRunner catches Exception only
            CliRunner().invoke(app, arguments)
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "stopped after: 1 written" in index, index
    assert "a.md" in index and "b.md" not in index


def test_an_output_folder_removed_under_the_run_stops_it_and_is_not_made_again(
    tmp_path: Path, monkeypatch
) -> None:
    """The output folder removed while the run writes (or, on Ray, not mounted on a node):
    each write made it anew, the run said "2 written" and exit 0 with one brief gone, and on a
    node without the shared folder the briefs went to that node's own disk."""
    from summarize import outputs

    _echo_models(monkeypatch)
    folder, output = _two_articles(tmp_path), tmp_path / "briefs"
    real_write = outputs.write_brief

    def removed_after_the_first_brief(path: Path, brief, **options):
        record = real_write(path, brief, **options)
        shutil.rmtree(output)
        return record

    monkeypatch.setattr(outputs, "write_brief", removed_after_the_first_brief)
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(output), "--no-cache", "-q"])
    assert result.exit_code == 1, result.output
    assert f"the output folder {output} is gone" in " ".join(result.output.split())
    assert "2 written" not in result.output
    assert not output.exists()  # neither a brief nor an index of none in a folder made anew


def test_a_number_only_the_translation_states_backs_no_summary_and_no_key_fact(
    tmp_path: Path, monkeypatch
) -> None:
    """The translator's "25 million … Thursday" for "2,5 Millionen … Dienstag" backed the
    summary that repeated it ("every number … is found in the article") and was listed among the
    key facts; the sentence's "numbers" warning alone said otherwise."""
    english_of = {
        "Die Regierung in Berlin hat am Dienstag ein Hilfspaket über 2,5 Millionen Euro "
        "beschlossen.": "The government in Berlin approved an aid package of 25 million euros "
        "on Thursday.",
        "Das Geld soll an 300 Vereine gehen, sagte die Ministerin.": "The money is to go to 300 "
        "clubs, the minister said.",
        # b.txt: the headline's number, and a quotation the summary copies
        "Hilfspaket über 2,5 Millionen Euro beschlossen": "Aid package of 25 million euros "
        "approved",
        "Der Minister sagte am Abend in Berlin: „Wir geben 2,5 Millionen Euro für die Vereine "
        "aus.“": 'The minister said in Berlin in the evening: "We are spending 25 million euros '
        'on the clubs."',
    }
    summary = "The government in Berlin approved 25 million euros on Thursday for 300 clubs."
    quoting = 'The minister said: "We are spending 25 million euros on the clubs."'

    _echo_models(
        monkeypatch,
        lambda text: english_of.get(text, text),
        lambda text: quoting if "spending" in text else summary,
    )
    folder = tmp_path / "in"
    folder.mkdir()
    german = list(english_of)
    (folder / "a.txt").write_text("\n\n".join(german[:2]) + "\n", "utf-8")
    (folder / "b.txt").write_text("\n\n".join(german[2:]) + "\n", "utf-8")
    output = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(output), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    record = json.loads((output / "a.json").read_text(encoding="utf-8"))
    flags = {(flag["text"], flag["reason"]) for flag in record["flags"]}
    assert flags == {
        ("25 million", "only in the translation: its German sentence does not state it"),
        ("Thursday", "only in the translation: its German sentence does not state it"),
    }
    assert [fact["text"] for fact in record["key_facts"] if fact["kind"] == "number"] == ["300"]
    brief = (output / "a.md").read_text(encoding="utf-8")
    assert "- number: 25 million (only in the translation" in brief
    assert "or only in its translation; treat them as unverified" in brief
    # The headline's number too; the quotation the English states as written is not flagged
    # for the number in it (a review's finds: "not in the article", and flagged twice).
    other = json.loads((output / "b.json").read_text(encoding="utf-8"))
    assert other["title_en"] == "Aid package of 25 million euros approved"
    assert [(flag["kind"], flag["text"], flag["reason"]) for flag in other["flags"]] == [
        ("number", "25 million", "only in the translation: its German sentence does not state it")
    ]


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_both_models_missing_are_said_in_one_run(tmp_path: Path, engine: str) -> None:
    """A newcomer whose two models are both missing was told of the translation model only,
    fixed it, and learnt of the summarization model on the next run: both are said, exit 2,
    before any article (no Ray is started: the driver finds the models first)."""
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "run", str(SEEDS), "-o", str(output), "--no-cache", "--engine", engine,
            "--set", f"translation.model={str(tmp_path / 'no-marian')!r}",
            "--set", f"summarization.model={str(tmp_path / 'no-bart')!r}",
        ],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"The translation model folder {str(tmp_path / 'no-marian')!r} does not exist" in said
    assert f"The summarization model folder {str(tmp_path / 'no-bart')!r} does not exist" in said
    assert not output.exists()


def test_a_skipped_article_is_logged_as_an_error_as_its_exit_status_says(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An article skipped as not German leaves the run with exit status 1, as a failed one does:
    its log line was a WARNING, and a log watcher that pages on ERROR lines was not told why
    the run failed."""
    import logging

    from summarize.progress import LogProgress
    from summarize.report import ArticleOutcome, RunReport

    skipped = ArticleOutcome(
        Path("english.txt"), "skipped", reason="english.txt: the article is not German"
    )
    assert RunReport((skipped,), None).exit_code == 1
    with caplog.at_level(logging.INFO, logger="summarize"):
        LogProgress().article_finished(skipped)
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.ERROR, "skipped: english.txt: the article is not German")
    ]


def _subclasses(cls: type) -> list[type]:
    return [cls, *(found for sub in cls.__subclasses__() for found in _subclasses(sub))]


def test_run_help_and_readme_list_the_exit_codes_the_code_returns() -> None:
    """`summarize run --help` named no exit code, and the README's "Exit codes" said nothing of
    130 (a stop) or of 1 for a run stopped part-way (OutputError, a Ray run that stalled): the
    codes documented are the ones the errors, the run's report and a stop return."""
    import summarize.engines.ray  # noqa: F401 -- its errors (RunStalledError) among the codes
    from summarize.errors import EXIT_CODES, EXIT_INTERRUPTED, SummarizeError
    from summarize.report import ArticleOutcome, RunReport

    returned = {error.exit_code for error in _subclasses(SummarizeError)}
    failed = ArticleOutcome(Path("a.txt"), "failed", reason="a.txt: empty file")
    returned |= {
        RunReport((), None).exit_code,
        RunReport((failed,), None).exit_code,
        EXIT_INTERRUPTED,
    }
    assert set(EXIT_CODES) == returned == {0, 1, 2, 130}
    shown = subprocess.run(
        [sys.executable, "-m", "summarize", "run", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        timeout=60,
    ).stdout
    epilog = " ".join(shown.split("Exit codes:", 1)[1].split())
    assert epilog == " ".join(f"{code}: {why}." for code, why in EXIT_CODES.items()), shown
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    said = " ".join(readme.split("\nExit codes", 1)[1].split("\n\n", 1)[0].split())
    assert [int(code) for code in re.findall(r"`(\d+)`", said)] == list(EXIT_CODES)


def test_inspect_shows_what_the_source_says_of_itself(tmp_path: Path) -> None:
    """inspect, where a page's reading is checked, shows the source line the brief will have
    (its site, address, date, author), in the text and in the JSON as the run record names
    them: they were seen only in a run's briefs."""
    page = tmp_path / "haushalt.html"
    page.write_text(
        '<html><head><title>Haushalt 2025 - Tagesblatt</title><link rel="canonical" '
        'href="https://www.tagesblatt.example/haushalt.html"><meta property="article:published_'
        'time" content="2025-03-14T09:30:00+01:00"><meta name="author" content="Anna Schmidt">'
        '<meta property="og:site_name" content="Tagesblatt"></head><body><article><h1>Haushalt '
        "2025</h1><p>Der Bundestag hat am Freitag den Haushalt für das kommende Jahr "
        "beschlossen, wie die Regierung in Berlin mitteilte.</p></article></body></html>",
        encoding="utf-8",
    )
    shown = CliRunner().invoke(app, ["inspect", str(page)])
    assert (
        "source: Tagesblatt · https://www.tagesblatt.example/haushalt.html · dated 2025-03-14 · "
        "by Anna Schmidt"
    ) in shown.stdout.splitlines(), shown.stdout
    record = json.loads(CliRunner().invoke(app, ["inspect", "--json", str(page)]).stdout)
    assert (record["source_site"], record["source_date"], record["source_author"]) == (
        "Tagesblatt",
        "2025-03-14",
        "Anna Schmidt",
    )
    text = tmp_path / "notiz.txt"
    text.write_text("Der Bundestag hat am Freitag den Haushalt beschlossen.\n", encoding="utf-8")
    plain = CliRunner().invoke(app, ["inspect", str(text)])
    assert "source:" not in plain.stdout
