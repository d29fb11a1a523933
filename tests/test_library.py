"""summarize as a library: a Pipeline kept for several runs, as a notebook or a service keeps it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import write_config
from test_scale_inputs import _damaged_past_its_header

from summarize import Pipeline, load_config
from summarize.cache import CACHE_FILENAME, CACHE_FOLDER_NAME

ARTICLE = "Der Stadtrat hat am Montag über den neuen Haushalt beraten.\n"


@pytest.fixture
def library_config(self_contained_models, tmp_path: Path):
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    overrides = [f"output.folder={str(tmp_path / 'out')!r}", "input.force_language=true"]
    return load_config(config, overrides=overrides, project_file=None)


def _cached_rows(cache: Path) -> int:
    db = sqlite3.connect(cache)
    try:
        return db.execute("SELECT count(*) FROM translations").fetchone()[0]
    finally:
        db.close()


def test_a_damaged_cache_is_set_aside_when_the_run_ends_and_the_next_run_keeps_a_new_one(
    library_config, tmp_path: Path
) -> None:
    """The warning says a damaged cache "is set aside when the run ends"; a pipeline kept for
    more runs set it aside only when closed, and its every later run went without a cache."""
    cache_folder = tmp_path / "out" / CACHE_FOLDER_NAME
    _damaged_past_its_header(cache_folder)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    pipeline = Pipeline(library_config)
    assert pipeline.run([article]).summary_line().startswith("1 written")
    assert len(list(cache_folder.glob(f"{CACHE_FILENAME}.damaged-*"))) == 1
    assert pipeline.run([article], force=True).summary_line().startswith("1 written")
    assert _cached_rows(cache_folder / CACHE_FILENAME) > 0  # the second run kept a new cache
    pipeline.close()


def test_one_override_given_as_a_str_is_one_assignment() -> None:
    """A str is an Iterable[str], so a type checker passes it: it was read letter by letter,
    and refused as "--set 't': expected section.key=value"."""
    config = load_config(overrides="translation.batch_size=8", project_file=None)
    assert config.translation.batch_size == 8
