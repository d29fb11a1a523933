"""``python -m summarize`` and the ``summarize`` console script.

Kept small, and the package's ``__init__`` imports nothing heavy, so that a Ctrl-C while the
command line's own modules are imported (typer, rich, pydantic: a fraction of a second, more on a
busy machine) ends with one line and exit 130, as later in a run, not a traceback."""

import os
import signal
import sys

# What a Ctrl-C before the command began says (summarize.cli too, while typer builds it).
INTERRUPTED_AT_START = "interrupted before any work; nothing was written"


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main() -> None:
    # SIGTERM (a scheduler) or SIGHUP (not ignored: no nohup) while the command line is
    # imported stopped the process silently, killed by the signal (exit 143), where a Ctrl-C
    # said so with exit 130: the command takes them over only once it begins.
    taken = [signal.SIGTERM]
    if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:
        taken.append(signal.SIGHUP)
    previous = {number: signal.signal(number, _stop) for number in taken}
    try:
        from summarize.cli import main as run_command
    except KeyboardInterrupt:
        print(INTERRUPTED_AT_START, file=sys.stderr, flush=True)
        os._exit(130)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    run_command()


if __name__ == "__main__":
    main()
