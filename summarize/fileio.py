"""Reading the files a run keeps in its output folder (records, briefs, the index) and the digests
memo: each must be a regular file; and writing them atomically (:func:`write_atomic`).

A FIFO in such a file's place made the read wait for a writer forever (a run hung, and a stop
signal's index rewrite read it again, so only SIGKILL ended it); a device such as /dev/zero never
ends. Opened without blocking, anything but a regular file is refused at once, as an OSError whose
``strerror`` says what it is. (A file the user names, a config or eval's input, is read as it is:
``--config <(…)`` is a pipe.)
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import secrets
import stat
from pathlib import Path
from typing import IO, Any, Literal

from summarize.errors import shown

# Opening a FIFO for reading waits for a writer unless non-blocking (no such flag on Windows,
# which has no FIFOs in the file system, and where a descriptor opened without O_BINARY reads
# CRLF as LF and stops at a Ctrl-Z byte).
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotARegularFile(OSError):
    """A folder, FIFO, device or socket where a regular file was to be read."""


def open_regular(path: Path, mode: Literal["rb", "r"] = "rb", **text_options: Any) -> IO[Any]:
    """``path`` (links followed) opened for reading as ``open(path, mode, **text_options)``
    would, once it is known to be a regular file; NotARegularFile otherwise, at once."""
    descriptor = os.open(path, _FLAGS)
    try:
        kind = stat.S_IFMT(os.fstat(descriptor).st_mode)
        if kind != stat.S_IFREG:
            what = (
                "is a folder"
                if kind == stat.S_IFDIR
                else "not a regular file (a FIFO, device or socket)"
            )
            raise NotARegularFile(errno.EINVAL, what, str(path))
        if _FLAGS & getattr(os, "O_NONBLOCK", 0):  # a regular file reads alike; plain again
            os.set_blocking(descriptor, True)
        raw = io.FileIO(descriptor, "rb", closefd=True)
    except BaseException:
        os.close(descriptor)
        raise
    try:  # the raw file owns the descriptor now: closing it closes that, once
        buffered = io.BufferedReader(raw)
        return buffered if mode == "rb" else io.TextIOWrapper(buffered, **text_options)
    except BaseException:
        raw.close()
        raise


def read_regular_bytes(path: Path) -> bytes:
    """The bytes of the regular file at ``path``; NotARegularFile for anything else."""
    with open_regular(path) as stream:
        data: bytes = stream.read()
    return data


def read_regular_text(path: Path) -> str:
    """The UTF-8 text of the regular file at ``path``, its line ends read as ``Path.read_text``
    reads them ("\\r\\n" is "\\n": a brief saved by a Windows editor or git's autocrlf is still
    the brief), and a byte order mark at its start left out (Notepad, PowerShell's
    ``-Encoding UTF8``: the front matter then no longer opened the file, and the brief was left
    out of the index and written over by the next run, its reader's edits lost);
    NotARegularFile for anything else, UnicodeDecodeError for other bytes."""
    with open_regular(path, "r", encoding="utf-8-sig") as stream:
        text: str = stream.read()
    return text


def write_atomic(path: Path, content: str) -> None:
    """Write via a temp file in the same folder and rename: readers see old or new, never half.

    The temp file is created like any other file (mode 0666 less the umask, not mkstemp's 0600),
    and the folder is synced after the rename so the new name survives a crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp_path = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            handle = os.open(temp_path, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_path, path)
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows cannot open a folder to sync it)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def folder_error_reason(error: OSError, folder: Path) -> str:
    """Why ``folder`` could not be made or opened, for a message: a file where it, or a folder
    above it, goes (``output.folder`` or ``runtime.cache_dir`` naming a file) is named, where
    the system said only "File exists" or "Not a directory"; so are a symbolic link to nothing
    (a drive not mounted: "File exists", of a folder that is not there), a link in a loop and a
    FIFO or device (``-o /dev/null``); otherwise the system's words."""
    if isinstance(error, FileExistsError | NotADirectoryError) or error.errno == errno.ELOOP:
        for path in (folder, *folder.parents):
            with contextlib.suppress(OSError):
                if (reason := _not_a_folder(path)) is not None:
                    return reason
    return error.strerror or str(error)


def _not_a_folder(path: Path) -> str | None:
    """What ``path`` is where a folder goes, or None where it is a folder or nothing."""
    if path.is_symlink():
        try:
            path.resolve(strict=True)
        except FileNotFoundError:
            target = Path(os.path.realpath(path))
            return f"{shown(path)} is a symbolic link to {shown(target)}, which does not exist"
        except RuntimeError:  # a loop, in Python 3.11 and 3.12
            return f"{shown(path)} is a symbolic link in a loop"
        except OSError as error:  # a loop is ELOOP from 3.13 on; else it cannot be looked at
            if error.errno == errno.ELOOP:
                return f"{shown(path)} is a symbolic link in a loop"
            target = Path(os.path.realpath(path))
            return (
                f"{shown(path)} is a symbolic link to {shown(target)}, which cannot be "
                f"followed: {error.strerror or error}"
            )
    if path.is_file():
        return f"{shown(path)} is a file, not a folder"
    if path.exists() and not path.is_dir():
        return f"{shown(path)} is not a folder (a FIFO, device or socket)"
    return None


def expand_home(path: str | os.PathLike[str]) -> Path:
    """``path`` with a leading ``~`` (or ``~user``) read as the home folder, as a shell reads
    it: no shell reads the paths of a TOML file or a quoted --set, and ``folder = "~/briefs"``
    wrote the briefs into a folder named "~" in the working directory (the cache, expanded,
    into the real one), and ``models_dir = "~/models"`` found no model there. Only a ``~`` that
    leads the text as written: give the text, not a Path of it, which drops a leading ``./``
    ("./~backup", the folder "~backup" here, was the home of the user 'backup')."""
    text = os.fspath(path)
    if not text.startswith("~"):
        return Path(text)
    try:
        return Path(text).expanduser()
    except RuntimeError as error:  # "~nobody/x": no such user, so no home folder
        raise ValueError(f"cannot tell whose home ~ is in {str(path)!r} ({error})") from None
