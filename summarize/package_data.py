"""The data files the package ships in ``summarize/data/`` (word lists, phrase rules, name
tables), read as the installed package holds them."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def packaged_toml(name: str) -> dict[str, Any]:
    """``summarize/data/<name>`` read as TOML."""
    return tomllib.loads(
        resources.files("summarize").joinpath(f"data/{name}").read_text(encoding="utf-8")
    )
