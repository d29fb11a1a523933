"""What a benchmark needs from outside the clone, checked before it does any work.

The benchmarks read ../shared beside the clone (the evaluation data in ``eval/``, the real
tokenizers and configs in ``hub/``) and some need an optional extra. Without them each stopped
with a traceback: a ``FileNotFoundError``, transformers' "Repo id must be in the form ..." for a
missing tokenizer folder, or a ``ModuleNotFoundError`` after minutes of measuring (``checks.py
--ablations`` without wordfreq, ``scale.py`` without Ray once the local engine had run).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def require_paths(*paths: Path) -> None:
    """Exit (status 1) with one line naming the first missing file or folder of ``paths``."""
    for path in paths:
        if not path.exists():
            beside = " (../shared beside the clone, see the README)" if _in_shared(path) else ""
            sys.exit(f"this benchmark needs {path}, which is missing{beside}")


def require_modules(extra: str, *modules: str) -> None:
    """Exit (status 1) with one line naming the modules of ``extra`` that are not installed."""
    missing = [name for name in modules if importlib.util.find_spec(name) is None]
    if missing:
        sys.exit(
            f"this benchmark needs {' and '.join(missing)}, which is not installed: "
            f'pip install -e ".[{extra}]"'
        )


def require_overrides(parser: argparse.ArgumentParser, overrides: list[str]) -> None:
    """Stop with a usage error (status 2) when the ``--set`` overrides are no valid config:
    read first by a mode's worker process, a typo stopped the benchmark with a traceback after
    the modes before it had run (minutes)."""
    from summarize.config import load_config
    from summarize.errors import ConfigError

    try:
        load_config(overrides=overrides, project_file=None)
    except ConfigError as error:
        parser.error(str(error))


def at_least_one(text: str) -> int:
    """An option's count (forced tokens, repeats), for argparse's ``type``: 0 or less stopped
    a benchmark with a traceback only once a worker read it, after the modes before it had run."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {count}")
    return count


def _in_shared(path: Path) -> bool:
    return path.resolve().is_relative_to(SHARED.resolve())
