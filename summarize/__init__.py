"""summarize: German news articles in, bilingual English briefs out.

from pathlib import Path
from summarize import Pipeline, configure_process, load_config
config = load_config()
configure_process(config.runtime)  # optional: threads, allocator, quiet libraries
with Pipeline(config) as pipeline:
    report = pipeline.run([Path("seeds")])
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summarize.config import Config, load_config
    from summarize.engines.local import Pipeline
    from summarize.errors import SummarizeError
    from summarize.process import configure_process
    from summarize.report import RunReport
    from summarize.stages import prepare_text

__all__ = [
    "Config",
    "Pipeline",
    "RunReport",
    "SummarizeError",
    "configure_process",
    "load_config",
    "prepare_text",
]
__version__ = "0.2.0"

# Each name is imported when first used, not with the package: `summarize` and
# `python -m summarize` import the package before any code of theirs runs, and its imports
# (numpy, pydantic, the pipeline: half a second) could not be told apart from a crash when
# Ctrl-C came during them (a traceback, not "interrupted").
_HOMES = {
    "Config": "summarize.config",
    "load_config": "summarize.config",
    "Pipeline": "summarize.engines.local",
    "SummarizeError": "summarize.errors",
    "configure_process": "summarize.process",
    "RunReport": "summarize.report",
    "prepare_text": "summarize.stages",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        # A module of the package, as the eager imports made every one the pipeline uses
        # (`import summarize` then `summarize.checks.unsupported_facts(...)`, as documented).
        # A dotted name is none (find_spec would import its first part, or raise for it).
        if (
            name.isidentifier()
            and not name.startswith("_")
            and importlib.util.find_spec(f"{__name__}.{name}")
        ):
            return importlib.import_module(f"{__name__}.{name}")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    # A name looked up once is in globals() too: listed once.
    return sorted({*globals(), *_HOMES})
