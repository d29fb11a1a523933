"""Stop signals: Ctrl-C (SIGINT), SIGTERM and SIGHUP, which the command line turns into a
graceful stop, and holding them while a brief's two files are written.

Only the standard library: the command line imports this at start-up.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# SIGHUP: the terminal closed (an ssh session dropped). It killed a run at once, with no index
# of the briefs written so far and possibly between a brief's two files. Not on Windows.
HANGUP: tuple[signal.Signals, ...] = (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, *HANGUP)


@contextmanager
def stop_signals_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT), SIGTERM and SIGHUP until the block is done, then deliver them as they
    would have been (the CLI turns each into KeyboardInterrupt): a graceful stop never lands
    between a brief's two files (:func:`summarize.outputs.write_brief`), which would leave a new
    record beside the old Markdown, a pair that no longer matches. Only the main thread
    receives signals; elsewhere the block runs as it is. SIGKILL cannot be held: the next run
    redoes such a brief."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        held.append(signum)

    # A handler set outside Python (getsignal gives None) could not be put back: not held.
    previous = {
        number: signal.signal(number, hold)
        for number in STOP_SIGNALS
        if signal.getsignal(number) is not None
    }
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(held):  # each once, in the order they came
            signal.raise_signal(number)  # its own handler now: KeyboardInterrupt, or the default
