"""Reading files that must be regular files: the run's records, briefs and index, its config,
the cleaner's model, the digests memo, eval's input.

A FIFO in such a file's place made the read wait for a writer forever (a run hung, and a stop
signal's index rewrite read it again, so only SIGKILL ended it); a device such as /dev/zero never
ends. Opened without blocking, anything but a regular file is refused at once, as an OSError whose
``strerror`` says what it is.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO, Any

# Opening a FIFO for reading waits for a writer unless non-blocking (no such flag on Windows,
# which has no FIFOs in the file system).
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)


class NotARegularFile(OSError):
    """A folder, FIFO, device or socket where a regular file was to be read."""


def open_regular(path: Path, mode: str = "rb", **options: Any) -> IO[Any]:
    """``open(path, mode, **options)`` for reading, once ``path`` (links followed) is known to
    be a regular file; NotARegularFile otherwise, at once."""
    descriptor = os.open(path, os.O_RDONLY | _NO_WAIT)
    try:
        kind = stat.S_IFMT(os.fstat(descriptor).st_mode)
        if kind != stat.S_IFREG:
            what = (
                "is a folder"
                if kind == stat.S_IFDIR
                else "not a regular file (a FIFO, device or socket)"
            )
            raise NotARegularFile(errno.EINVAL, what, str(path))
        if _NO_WAIT:  # a regular file reads alike either way; cleared for plain semantics
            os.set_blocking(descriptor, True)
        return open(descriptor, mode, **options)
    except BaseException:
        os.close(descriptor)
        raise


def read_regular_bytes(path: Path) -> bytes:
    """The bytes of the regular file at ``path``; NotARegularFile for anything else."""
    with open_regular(path) as stream:
        data: bytes = stream.read()
    return data
