"""On-disk cache of translations, so an interrupted or repeated run translates only what changed.

One SQLite file (stdlib, safe across processes). A key is the hash of the translator's
fingerprint (model, revision, backend, every setting that changes output) and one model input.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from summarize.errors import UsageError

CACHE_FILENAME = "translations.sqlite"


CACHE_FOLDER_NAME = ".summarize-cache"


def default_cache_dir(output_folder: Path) -> Path:
    """Inside the output folder: a run writes nowhere else, and the cache travels with it."""
    return output_folder / CACHE_FOLDER_NAME


class TranslationCache:
    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_FILENAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Autocommit: every put lands at once, so a killed run keeps what it finished.
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, text TEXT NOT NULL)"
            )
        except (OSError, sqlite3.Error) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise UsageError(
                f"cannot use the translation cache {self.path}: {reason} "
                "(set runtime.cache_dir elsewhere, or runtime.cache = false)"
            ) from None

    @staticmethod
    def _key(fingerprint: str, source: str) -> str:
        return hashlib.sha256(f"{fingerprint}\x00{source}".encode()).hexdigest()

    def get_many(self, fingerprint: str, sources: Iterable[str]) -> dict[str, str]:
        """Cached translations of ``sources`` made with the translator ``fingerprint``."""
        keys = {self._key(fingerprint, source): source for source in sources}
        found: dict[str, str] = {}
        items = list(keys.items())
        for start in range(0, len(items), 500):  # SQLite caps the number of parameters
            chunk = dict(items[start : start + 500])
            marks = ",".join("?" * len(chunk))
            # Only "?" placeholders are formatted in; the keys travel as parameters.
            query = f"SELECT key, text FROM translations WHERE key IN ({marks})"
            for key, text in self._db.execute(query, list(chunk)):
                found[chunk[key]] = text
        return found

    def put_many(self, fingerprint: str, translations: Mapping[str, str]) -> None:
        rows = [(self._key(fingerprint, source), text) for source, text in translations.items()]
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?)", rows)
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()
