"""What a run meets in place of its own files and settings: a FIFO or a device where a record,
a brief, the index or the digests memo is read, a model setting that is no hub id, limits past
any machine, a JSON nesting past Python's recursion limit, a reader that goes away. Each is
one clear line (or is passed over), never a hang or a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, write_config

from summarize.errors import UsageError

needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def _returns_within(seconds: float, call: Callable[[], Any]) -> Any:
    """``call()``'s result, or a failure when it has not returned in ``seconds`` (a read of a
    FIFO waits for a writer forever; the thread is left behind, a daemon)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # handed to the test
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still waiting after {seconds} s"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@needs_fifos
def test_a_fifo_in_place_of_a_record_a_brief_or_the_index_is_not_read(tmp_path: Path) -> None:
    """A FIFO in the output folder hung `run` in its open(): the record read, every ``*.md``
    read for the index, the index's first line; a stop signal's index rewrite opened it again."""
    from summarize.outputs import _check_index_is_ours, read_markdown, write_index
    from summarize.record import RecordError, read_record

    os.mkfifo(tmp_path / "a.json")
    os.mkfifo(tmp_path / "zz.md")
    with pytest.raises(RecordError, match="not a regular file"):
        _returns_within(10, lambda: read_record(tmp_path / "a.json"))
    assert _returns_within(10, lambda: read_markdown(tmp_path / "zz.md")) is None
    assert _returns_within(10, lambda: write_index(tmp_path, quiet=True)).is_file()
    index = tmp_path / "other" / "index.md"
    index.parent.mkdir()
    os.mkfifo(index)
    with pytest.raises(UsageError, match="not an index that summarize wrote"):
        _returns_within(10, lambda: _check_index_is_ours(index))


@needs_fifos
def test_a_run_with_a_fifo_among_its_briefs_ends(tmp_path: Path, self_contained_models) -> None:
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    inputs, output = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    output.mkdir()
    (inputs / "a.txt").write_text((SEEDS / "003_6d29e0b4accf03c7.txt").read_text("utf-8"))
    os.mkfifo(output / "a.json")
    os.mkfifo(output / "zz.md")
    command = [sys.executable, "-m", "summarize", "run", str(inputs), "-c", str(config)]
    command += ["-o", str(output), "-q"]
    environment = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, env=environment)
    # a.json is no record of ours: the brief is not written over it, and the run says so
    assert done.returncode == 1, done.stderr
    assert "a.json is a FIFO, device or socket, not a file" in done.stderr
    assert (output / "a.json").is_fifo()


@needs_fifos
def test_a_digests_memo_that_is_no_regular_file_turns_the_memo_off(tmp_path: Path, caplog) -> None:
    """runtime.model_digests at /dev/null, to turn the memo off, was replaced by a JSON file
    when run as root (a device reads as empty: "our memo"); a FIFO there hung the run. Neither
    is "a file that holds something else" to be warned about (and removed, the warning said)."""
    import logging

    from summarize.digests import folder_digest

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"weights")
    memo = tmp_path / "memo"
    os.mkfifo(memo)
    with caplog.at_level(logging.INFO, logger="summarize"):
        digest = _returns_within(10, lambda: folder_digest(folder, memo))
        assert folder_digest(folder, Path(os.devnull)) == digest == folder_digest(folder)
    assert memo.is_fifo() and Path(os.devnull).is_char_device()
    assert "not remembered" not in caplog.text and "remembered in" not in caplog.text


def test_a_brief_with_windows_line_ends_is_still_current(tmp_path: Path) -> None:
    """A brief saved by a Windows editor or git's autocrlf (CRLF) is read as the brief, as
    Path.read_text read it: decoded bytes kept the CR, and the brief counted as cut short."""
    from test_render import make_brief

    from summarize import outputs

    brief = tmp_path / "article-0.md"
    outputs.write_brief(brief, make_brief(0))
    brief.write_bytes(brief.read_bytes().replace(b"\n", b"\r\n"))
    assert outputs.read_brief_record(brief) is not None


@needs_fifos
def test_a_config_the_user_names_may_be_a_pipe(tmp_path: Path) -> None:
    """`--config <(…)` is a pipe: read as it is (only the run's own files must be regular)."""
    from summarize.config import read_toml

    pipe = tmp_path / "config.toml"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("w", encoding="utf-8") as stream:
            stream.write("[runtime]\nthreads = 2\n")

    threading.Thread(target=write, daemon=True).start()
    assert _returns_within(10, lambda: read_toml(pipe)) == {"runtime": {"threads": 2}}


def test_a_bad_text_option_is_its_own_error_and_closes_the_file_once(tmp_path: Path) -> None:
    from summarize.fileio import open_regular

    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(LookupError):
        open_regular(path, "r", encoding="no-such-encoding")


def test_a_model_setting_that_is_no_folder_and_no_hub_id_is_one_line(tmp_path: Path) -> None:
    """`models list` and `models pull` ended in a traceback (HFValidationError) for a setting
    such as "my model"; a run said it in one line."""
    from typer.testing import CliRunner

    from summarize.cli import app

    store = f"runtime.models_dir={str(tmp_path)!r}"
    for command in ("list", "pull"):
        result = CliRunner().invoke(
            app,
            ["models", command, "--set", "translation.model='my model'", "--set", store],
        )
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "'my model' is no local folder, nor a hub id" in result.output


@pytest.mark.parametrize(
    ("setting", "said"),
    [("runtime.threads=99999999999999999999", "less than or equal to 4096"),
     ("runtime.workers=100000", "less than or equal to 256"),
     ("ray.gpus_per_actor=inf", "finite number"),
     ("ray.cpus_per_actor=inf", "finite number"),
     ("ray.cpus_per_actor=0.00001", "no less than 0.0001"),
     ("ray.gpus_per_actor=0.00001", "no less than 0.0001"),
     ("ray.gpus_per_actor=1.5", "or whole GPUs")],
)  # fmt: skip
def test_limits_past_any_machine_are_a_config_error(setting: str, said: str) -> None:
    """10**20 threads overflowed torch's C integer (a traceback), 100,000 workers ended in a
    segmentation fault; a share of a CPU or GPU finer than Ray counts, or 1.5 GPUs, was Ray's
    traceback when the first actor pool was made."""
    from summarize.config import load_config
    from summarize.errors import ConfigError

    with pytest.raises(ConfigError, match=said):
        load_config(overrides=[setting], project_file=None)


def test_eval_data_nested_past_the_recursion_limit_is_not_json(tmp_path: Path) -> None:
    from summarize.evaluate import read_summary_records

    data = tmp_path / "deep.jsonl"
    data.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"deep.jsonl:1: not JSON \(nested too deeply\)"):
        read_summary_records(data, "article", "highlights")


def test_eval_output_under_a_folder_it_cannot_search_is_one_line(tmp_path: Path, monkeypatch):
    """Python 3.11's Path.is_dir raises PermissionError there: a traceback, exit 1."""
    from summarize import evaluate
    from summarize.errors import OutputError

    def refused(self: Path) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_dir", refused)
    with pytest.raises(OutputError, match=r"cannot write into .*Permission denied"):
        evaluate.spare_inputs(tmp_path / "locked" / "sub", ("summaries.jsonl",), ())


def test_a_model_config_that_is_no_json_object_is_read_by_the_full_path(tmp_path: Path) -> None:
    """The path that reads a model without torch (CTranslate2's) took ``config.json`` holding
    "[1, 2]" for an object: AttributeError, a traceback."""
    from summarize.models import _read_without_torch

    (tmp_path / "config.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "tokenizer_config.json").write_text(
        json.dumps({"tokenizer_class": "MarianTokenizer"}), encoding="utf-8"
    )
    assert _read_without_torch(str(tmp_path), None) is None


def test_a_record_naming_a_path_with_a_nul_names_no_file() -> None:
    """An edited record's ``source_path`` with a NUL made stat() raise ValueError, which only
    OSError was caught for: a traceback ended the run."""
    from summarize.outputs import file_key

    assert file_key(Path("/x/gone\x00/a.txt")) != file_key(Path("/x/gone/a.txt"))


def test_inspect_json_stops_when_its_reader_went_away_as_the_text_form_does(
    tmp_path: Path,
) -> None:
    """`inspect --json pages/ | head -1` read and cleaned every other article for no reader
    (588 pages: minutes), and still said each failure after it; the text form stops. Both
    end with 0 (`inspect --json | head -c 100` exited 1, the code of an article that failed:
    Click's handler of a broken pipe)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = (SEEDS / "003_6d29e0b4accf03c7.txt").read_text("utf-8")
    for number in range(40):  # more than a pipe's buffer of JSON lines
        (inputs / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    (inputs / "zz-last.txt").write_text("", encoding="utf-8")  # fails, if it is ever read
    environment = {**os.environ, "HF_HUB_OFFLINE": "1"}
    for form in ([], ["--json"]):
        command = [sys.executable, "-m", "summarize", "inspect", str(inputs), *form]
        reader = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment
        )
        assert reader.stdout is not None and reader.stderr is not None
        assert reader.stdout.read(100)
        reader.stdout.close()  # the reader goes away
        stderr = reader.stderr.read()
        assert reader.wait(timeout=120) == 0, (form, stderr)
        assert b"zz-last.txt" not in stderr, form


def test_only_the_mention_the_translator_changed_is_only_in_the_translation() -> None:
    """The reason was decided by a number's text: "42 kilograms", not in the article at all,
    made the miles' 42, which only the translation states, "not in the article" too."""
    from summarize.checks.translation_warnings import (
        ONLY_IN_TRANSLATION,
        without_numbers_not_in_german,
    )
    from summarize.stages import _summary_flags

    summary = "He ran 42 miles in 10 hours and lifted 42 kilograms."
    english, german = "He ran 42 miles in 10 hours.", "Er lief 10 Stunden lang."
    backed = without_numbers_not_in_german(german, english)
    flags = _summary_flags(summary, backed, english, german)
    reasons = {flag.start: flag.reason for flag in flags if flag.text == "42"}
    assert reasons[7] == ONLY_IN_TRANSLATION
    assert reasons[39] != ONLY_IN_TRANSLATION


def test_briefs_of_an_earlier_run_in_an_input_folder_are_not_read_as_articles(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder of an earlier run's briefs given as input: each brief was summarized again
    ("nested.md.md") and its index.md skipped as English, the run's exit code 1."""
    from test_render import make_brief

    from summarize.ingest import find_articles
    from summarize.outputs import write_brief, write_index

    folder = tmp_path / "in"
    folder.mkdir()
    write_brief(folder / "nested.md", make_brief())
    write_index(folder)
    (folder / "notiz.md").write_text("---\ntitle: Notiz\n---\n\nEin Artikel.\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="summarize"):
        found, problems = find_articles([folder])
    assert found == [folder / "notiz.md"] and problems == []
    said = [r.getMessage() for r in caplog.records]
    assert any("not read: 1 brief(s) and 1 index(es) of summarize's own" in m for m in said)
    # An index alone is no brief (it was counted as one: "1 brief(s) and index").
    (folder / "nested.md").unlink()
    caplog.clear()
    with caplog.at_level("WARNING", logger="summarize"):
        find_articles([folder])
    said = [r.getMessage() for r in caplog.records]
    assert any("not read: 1 index(es) of summarize's own" in m for m in said), said


def test_a_view_written_into_an_input_folder_is_not_read_as_articles(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`summarize view OUT --to in/` writes its HTML pages into an input folder: the next run
    read each page (and the index page) as an article, and wrote briefs of briefs."""
    from test_render import make_brief

    from summarize.ingest import find_articles
    from summarize.outputs import write_brief
    from summarize.view import build_site

    output = tmp_path / "out"
    output.mkdir()
    write_brief(output / "nested.md", make_brief())
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "artikel.html").write_text(
        "<html><head><title>Stadtrat</title></head><body><p>Der Stadtrat tagt.</p></body></html>",
        encoding="utf-8",
    )
    build_site(output, folder)
    with caplog.at_level("WARNING", logger="summarize"):
        found, problems = find_articles([folder])
    assert found == [folder / "artikel.html"] and problems == []
    said = [r.getMessage() for r in caplog.records]
    assert any("not read: 2 view page(s) of summarize's own" in m for m in said), said


def test_a_brief_with_windows_line_ends_in_an_input_folder_is_not_read_as_an_article(
    tmp_path: Path,
) -> None:
    """A brief checked out with git's autocrlf (or saved by a Windows editor) has "---\\r\\n"
    around its front matter: it was taken for an article and summarized again."""
    from test_render import make_brief

    from summarize.ingest import find_articles
    from summarize.outputs import write_brief

    folder = tmp_path / "in"
    folder.mkdir()
    write_brief(folder / "nested.md", make_brief())
    brief = folder / "nested.md"
    brief.write_bytes(brief.read_bytes().replace(b"\n", b"\r\n"))
    (folder / "notiz.md").write_text("Ein Artikel.\n", encoding="utf-8")
    assert find_articles([folder]) == ([folder / "notiz.md"], [])


def test_a_markdown_file_whose_front_matter_nests_too_deep_costs_no_index(tmp_path: Path) -> None:
    """A Markdown file in the output folder (a reader's note, a brief edited by hand) whose
    front matter nests lists 5,000 deep (10 KB): PyYAML reads them by recursion and raised
    RecursionError, no YAMLError, out of the index every run writes at its end (its briefs
    written, the index not) and out of the view. A front matter that cannot be read is none:
    the file is no brief, and the index of the folder's briefs is written."""
    from test_render import make_brief

    from summarize.outputs import read_front_matter, write_brief, write_index

    write_brief(tmp_path / "kept.md", make_brief())
    deep = tmp_path / "deep.md"
    deep.write_text(
        "---\ntitle: x\ntags: " + "[" * 5000 + "]" * 5000 + "\n---\n\n# x\n", encoding="utf-8"
    )
    assert read_front_matter(deep) is None
    index = write_index(tmp_path).read_text(encoding="utf-8")
    assert "(<kept.md>)" in index and "deep.md" not in index
