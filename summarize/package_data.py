"""The data files the package ships in ``summarize/data/`` (word lists, phrase rules, name
tables), read as the installed package holds them."""

from __future__ import annotations

import hashlib
import json
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

# The data files whose content shapes a brief: the cleaner's phrase rules (where the README asks
# for phrases to be added) and word lists, the checks' name tables. The cleaner's model,
# clean_model.json, counts on its own (only while the classifier is on).
BRIEF_DATA_FILES = (
    "boilerplate.toml",
    "clean_words.toml",
    "exonyms.toml",
    "institutions.toml",
    "clubs.toml",
)


def packaged_bytes(name: str) -> bytes:
    """``summarize/data/<name>`` as stored."""
    return resources.files("summarize").joinpath(f"data/{name}").read_bytes()


def packaged_toml(name: str) -> dict[str, Any]:
    """``summarize/data/<name>`` read as TOML."""
    return tomllib.loads(packaged_bytes(name).decode("utf-8"))


@lru_cache(maxsize=1)
def brief_data_sha256() -> str:
    """One sha256 over what :data:`BRIEF_DATA_FILES` say, read once a process as the rules are:
    the run's fingerprint counts it, so a phrase added to the rules redoes the briefs they
    cleaned (they were kept as current). Their values are hashed, not their bytes: a comment
    or a line break changes no brief."""
    values = {name: packaged_toml(name) for name in BRIEF_DATA_FILES}
    encoded = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
