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
from collections.abc import Callable
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


def at_least(minimum: int, why: str = "") -> Callable[[str], int]:
    """An option's count (forced tokens, repeats) for argparse's ``type``: one below ``minimum``
    stopped a benchmark with a traceback only once a worker read it, after the modes before it
    had run."""

    def count(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            reason = f" ({why})" if why else ""
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, not {value}{reason}")
        return value

    return count


# The translator's last token is its end of sentence, forced (forced_eos_token_id): one token
# per sentence is that token alone, every translation empty, and the pipeline's modes stopped on
# "the article has no English text" after the naive mode had run (minutes).
MT_TOKENS = at_least(2, "the last token is the forced end of sentence: 1 translates to nothing")


def _in_shared(path: Path) -> bool:
    return path.resolve().is_relative_to(SHARED.resolve())
