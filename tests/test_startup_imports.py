"""Commands that do little import little: ``--help`` and ``--version`` answer without the
config's pydantic models. Each is run in a fresh interpreter, as a user runs it, and the
modules it imported are looked at."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence

import pytest

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
