"""Commands that do little import little: ``--help`` and ``--version`` answer without the
config's pydantic models, and a rerun whose every brief is current without the checks, the
segmenter and the model stages (nor torch: tests/test_remembered_identities.py). Each is run
in a fresh interpreter, as a user runs it, and the modules it imported are looked at."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from conftest import SEEDS, write_config

# Runs the command line as the console script does (summarize.__main__), then says which of
# the watched modules were imported.
_SCRIPT = """\
import json, sys
from summarize.cli import app
watched = json.loads(sys.argv.pop(1))
try:
    app(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print(json.dumps([code, sorted(name for name in watched if name in sys.modules)]))
"""


def imported_by(arguments: Sequence[str], watched: Sequence[str]) -> tuple[int, list[str], str]:
    """The exit code of the command line run with ``arguments`` in a new interpreter, those of
    ``watched`` it imported, and what it wrote to stderr."""
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, json.dumps(list(watched)), *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    code, imported = json.loads(done.stdout.splitlines()[-1])
    return code, imported, done.stderr


@pytest.mark.parametrize("arguments", [["--help"], ["--version"]])
def test_help_and_version_do_not_import_the_config_models(arguments: list[str]) -> None:
    code, imported, stderr = imported_by(arguments, ["pydantic", "summarize.config"])
    assert code in (0, None), stderr
    assert imported == [], stderr


# What only a brief that is written needs: an up-to-date rerun renders the index and reads
# the briefs' records, and checks, splits, translates and summarizes nothing.
WRITING_ONLY = [
    "summarize.checks",
    "summarize.segment",
    "summarize.summarization",
    "summarize.translation",
]


def test_an_up_to_date_rerun_imports_only_what_keeping_the_briefs_needs(
    self_contained_models, tmp_path: Path
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, articles / seed.name)
    digests = json.dumps(str(tmp_path / "cache" / "model-digests.json"))
    config = write_config(
        tmp_path / "my.toml",
        self_contained_models.marian,
        self_contained_models.bart,
        f"[runtime]\nmodel_digests = {digests}\ncache = false\n",
    )
    run = ["run", str(articles), "-c", str(config), "-o", str(tmp_path / "briefs")]
    code, imported, stderr = imported_by(run, ["summarize.checks"])
    assert code in (0, None) and "2 written, 0 up to date" in stderr, stderr
    assert imported == ["summarize.checks"]  # a run that writes briefs does check them

    code, imported, stderr = imported_by(run, [*WRITING_ONLY, "torch", "transformers"])
    assert code in (0, None) and "0 written, 2 up to date" in stderr, stderr
    assert imported == [], stderr
