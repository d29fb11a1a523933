"""On-disk cache of translations, so an interrupted or repeated run translates only what changed.

One SQLite file (stdlib, safe across processes). A key is the hash of the translator's
fingerprint (model, revision, backend, every setting that changes output) and one model input;
the value is the translation, its mean token log-probability (when the backend gives one) and
the number of tokens written, so a brief made from the cache has the same translation warnings
as one made by the model.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from summarize.backends import Generated
from summarize.errors import UsageError, shown
from summarize.fileio import folder_error_reason

CACHE_FILENAME = "translations.sqlite"
logger = logging.getLogger("summarize")


CACHE_FOLDER_NAME = ".summarize-cache"


def default_cache_dir(output_folder: Path) -> Path:
    """Inside the output folder: a run writes nowhere else, and the cache travels with it."""
    return output_folder / CACHE_FOLDER_NAME


class TranslationCache:
    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_FILENAME
        self._lock = threading.Lock()
        self._write_failed = False
        self._read_failed = False
        # The damaged file's (device, inode), found in use: set aside when closed (only that
        # file: another run sharing the folder may have started a new cache at the name since).
        self._damaged: tuple[int, int] | None = None
        # What this cache made, so that a run that stops before it translated anything takes
        # it away again (close_and_remove_if_unused).
        self._made_folder = not folder.exists()
        self._made_file = not self.path.exists()
        self._open(folder)

    def _open(self, folder: Path, damaged_before: bool = False) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Autocommit: every put lands at once, so a killed run keeps what it finished.
            # Any thread may use it, one call at a time (the lock): a pipeline run in a worker
            # thread and closed in another raised at the close, and a second run from another
            # thread took the cache for a damaged file and went on without it.
            self._db = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS translations "
                "(key TEXT PRIMARY KEY, text TEXT NOT NULL, logprob REAL, tokens INTEGER)"
            )
            if not self._has_logprob():  # a cache written before scores were kept
                self._add_scores()
            if not self._has_column("tokens"):  # written before token counts were kept
                self._add_token_counts()
        except (OSError, sqlite3.Error) as error:
            if (db := getattr(self, "_db", None)) is not None:
                db.close()
            if _is_damaged(error):  # a copy cut short, a file written over
                # Set aside, and a new cache started: left in place, every later run paid for
                # the translations again until someone deleted the file.
                damaged = _file_identity(self.path)
                if not damaged_before and damaged is None:  # another run set it aside now
                    self._open(folder, damaged_before=True)
                    return
                if not damaged_before and (aside := self._set_aside()) is not None:
                    logger.warning(
                        "translation cache %s cannot be read (%s): set aside as %s, and a new "
                        "one started",
                        shown(self.path),
                        error,
                        shown(aside.name),
                    )
                    self._made_file = True
                    self._open(folder, damaged_before=True)
                    return
                self._stop_reading(error)
                return
            if isinstance(error, sqlite3.Error):
                reason = _said(error, folder)
            else:
                reason = folder_error_reason(error, folder)
            full = _disk_full(error, folder)
            self._remove_own_files()  # a full disk left a cache made only in part
            raise UsageError(
                f"cannot use the translation cache {shown(self.path)}: {reason} "
                f"({'free space there, ' if full else ''}set runtime.cache_dir elsewhere, "
                "or runtime.cache = false)"
            ) from None

    def _has_logprob(self) -> bool:
        return self._has_column("logprob")

    def _has_column(self, name: str) -> bool:
        return any(row[1] == name for row in self._db.execute("PRAGMA table_info(translations)"))

    def _add_token_counts(self) -> None:
        """Give a cache written before token counts were kept their column; its rows stay (a
        count it lacks is taken by encoding the English again, as before)."""
        self._db.execute("BEGIN IMMEDIATE")  # two runs opening it at once: one adds the column
        try:
            if not self._has_column("tokens"):
                self._db.execute("ALTER TABLE translations ADD COLUMN tokens INTEGER")
            self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    def _add_scores(self) -> None:
        """Give a cache written before scores were kept its score column, and drop its rows:
        served without their scores, the briefs made from them would lack the low-confidence
        warnings of the same English made by the model (and nothing tells those rows from a
        scoreless backend's). Each is translated again once."""
        self._db.execute("BEGIN IMMEDIATE")  # two runs opening it at once: one adds the column
        try:
            if not self._has_logprob():
                self._db.execute("ALTER TABLE translations ADD COLUMN logprob REAL")
                dropped = self._db.execute("DELETE FROM translations").rowcount
                logger.info(
                    "translation cache %s was written before translations kept their scores: "
                    "its %d translation(s) are dropped and made again",
                    shown(self.path),
                    dropped,
                )
            self._db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            raise

    def _stop_reading(self, error: sqlite3.Error, doing: str = "read") -> None:
        """Said once; the cache is neither read nor written again: the run translates instead,
        as with ``--no-cache``. A damaged file is set aside when the cache is closed, so the
        next run starts a new one (each run paid for it until someone deleted the file).
        ``doing``: what found the damage ("read", "written")."""
        self._read_failed = self._write_failed = True
        self._damaged = _file_identity(self.path) if _is_damaged(error) else None
        logger.warning(
            "translation cache %s cannot be %s (%s): this run goes on without it%s",
            shown(self.path),
            doing,
            error,
            " (it is set aside when the run ends)" if self._damaged else "",
        )

    def _set_aside(self) -> Path | None:
        """Move the cache file (and its -wal and -shm) aside, kept for a look, as
        ``translations.sqlite.damaged-<UTC time>``; None when it cannot be moved. The caller
        knows the file there is the damaged one."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            os.replace(self.path, aside)
        except OSError as error:
            logger.debug("could not set aside %s: %s", shown(self.path), error)
            return None
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
        return aside

    @staticmethod
    def _key(fingerprint: str, source: str) -> str:
        return hashlib.sha256(f"{fingerprint}\x00{source}".encode()).hexdigest()

    def get_many(self, fingerprint: str, sources: Iterable[str]) -> dict[str, Generated]:
        """Cached translations of ``sources`` made with the translator ``fingerprint``.

        A cache that cannot be read (its file damaged past the header: "database disk image
        is malformed") is said once and left alone, neither read nor written again: the run
        translates instead, as with ``--no-cache``."""
        if self._read_failed:
            return {}
        keys = {self._key(fingerprint, source): source for source in sources}
        found: dict[str, Generated] = {}
        items = list(keys.items())
        try:
            with self._lock:
                for start in range(0, len(items), 500):  # SQLite caps the number of parameters
                    chunk = dict(items[start : start + 500])
                    marks = ",".join("?" * len(chunk))
                    # Only "?" placeholders are formatted in; the keys travel as parameters.
                    query = (
                        "SELECT key, text, logprob, tokens FROM translations "
                        f"WHERE key IN ({marks})"
                    )
                    for key, text, logprob, tokens in self._db.execute(query, list(chunk)):
                        found[chunk[key]] = Generated(text, logprob, tokens)
        except sqlite3.Error as error:
            self._stop_reading(error)
            return {}
        return found

    def put_many(self, fingerprint: str, translations: Mapping[str, Generated]) -> None:
        """Remember ``translations``; a cache that stops taking writes (disk full) is said once
        and left alone: the translations are in hand, the briefs need no cache. One whose file
        a write finds damaged is neither read nor written again, and set aside when closed."""
        if self._write_failed:
            return
        rows = [
            (self._key(fingerprint, source), output.text, output.logprob, output.tokens)
            for source, output in translations.items()
        ]
        with self._lock:
            try:
                self._db.execute("BEGIN")
                self._db.executemany(
                    "INSERT OR REPLACE INTO translations (key, text, logprob, tokens) "
                    "VALUES (?, ?, ?, ?)",
                    rows,
                )
                self._db.execute("COMMIT")
            except sqlite3.Error as error:
                self._write_failed = True
                if self._db.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self._db.execute("ROLLBACK")
                if _is_damaged(error):
                    # Pages only a write reaches (its free list) damaged: the rows still read,
                    # so the file was never set aside, and every later run said this again
                    # and cached nothing.
                    self._stop_reading(error, "written")
                    return
                logger.warning(
                    "translation cache %s takes no more writes (%s): this run goes on without "
                    "adding to it",
                    shown(self.path),
                    _said(error, self.path.parent),
                )

    def close(self) -> None:
        with self._lock:
            self._db.close()  # closing a closed connection (a damaged file's) does nothing
            self._set_aside_if_damaged()

    def _set_aside_if_damaged(self) -> None:
        if self._damaged is None:
            return
        damaged, self._damaged = self._damaged, None
        if _file_identity(self.path) != damaged:
            return  # set aside by another run already (a new cache may stand at the name)
        if (aside := self._set_aside()) is not None:
            logger.info("the damaged translation cache is set aside as %s", shown(aside))
        else:
            logger.warning(
                "the damaged translation cache %s could not be set aside: delete it to start "
                "a new one",
                shown(self.path),
            )

    def close_and_remove_if_unused(self) -> None:
        """Close the cache, and remove its file (and its folder) when they are this cache's own
        and hold nothing: a run stopped before it translated anything (a setting refused once
        the weights load) left an empty cache in the output folder it made, which kept that
        folder from being removed with the run's lock."""
        with self._lock:
            unused = self._made_file and not self._read_failed and self._is_empty()
            self._db.close()  # the last connection: SQLite removes the -wal and -shm files
            self._set_aside_if_damaged()
        if not unused:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
            if self._made_folder:
                self.path.parent.rmdir()  # only when empty: nothing else of anyone's goes

    def _remove_own_files(self) -> None:
        """Remove the file this cache made (its -wal and -shm too), and its folder if it made
        that: a cache that failed to open would otherwise stay in the output folder."""
        if not self._made_file:
            return
        with contextlib.suppress(OSError):
            for suffix in ("", "-wal", "-shm"):
                self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
            if self._made_folder:
                self.path.parent.rmdir()

    def _is_empty(self) -> bool:
        try:
            return self._db.execute("SELECT 1 FROM translations LIMIT 1").fetchone() is None
        except sqlite3.Error:
            return False  # unknown: kept


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _is_damaged(error: OSError | sqlite3.Error) -> bool:
    """Whether ``error`` says the file is damaged ("file is not a database", "database disk
    image is malformed"), not that it cannot be opened or written (permissions, a full disk)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


# Free space under which a write failure is taken for a full disk.
_NEARLY_FULL_BYTES = 1 << 20


def _disk_full(error: OSError | sqlite3.Error, folder: Path) -> bool:
    """Whether ``error`` comes from a full disk (or a quota reached)."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return False
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return True
    try:
        return code & 0xFF == sqlite3.SQLITE_IOERR and (
            shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
        )
    except OSError:
        return False


def _said(error: sqlite3.Error, folder: Path) -> str:
    """SQLite's message, and the full disk behind its "disk I/O error": growing the -shm file
    of write-ahead logging on a full disk says only that, which sends a user looking for a
    failing disk."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR and _disk_full(error, folder):
        return f"no space left on its disk (SQLite: {error})"
    return str(error)
