"""``python -m summarize`` and the ``summarize`` console script.

Kept small, and the package's ``__init__`` imports nothing heavy, so that a Ctrl-C while the
command line's own modules are imported (typer, rich, pydantic: a fraction of a second, more on a
busy machine) ends with one line and exit 130, as later in a run, not a traceback."""

import os
import signal
import sys

# What a Ctrl-C before the command began says (summarize.cli too, while typer builds it).
INTERRUPTED_AT_START = "interrupted before any work; nothing was written"


def _interrupted() -> None:
    print(INTERRUPTED_AT_START, file=sys.stderr, flush=True)
    os._exit(130)


def main() -> None:
    # SIGTERM (a scheduler) or SIGHUP (not ignored: no nohup) while the command line is
    # imported stopped the process silently, killed by the signal (exit 143), where a Ctrl-C
    # said so with exit 130: the command takes them over only once it begins.
    taken = [signal.SIGTERM]
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        taken.append(signal.SIGINT)
    if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:
        taken.append(signal.SIGHUP)
    stops: list[int] = []

    def stop(signum: int, frame: object) -> None:
        stops.append(signum)
        raise KeyboardInterrupt

    # A stop that lands while a finalizer runs (the garbage collector calling a __del__ during
    # an import) is reported as "Exception ignored", not raised: the command then began as if
    # nothing had happened. It is still a stop.
    hook = sys.unraisablehook

    def stop_in_finalizer(unraisable: "sys.UnraisableHookArgs") -> None:
        if not (stops and issubclass(unraisable.exc_type, KeyboardInterrupt)):
            hook(unraisable)

    previous = {number: signal.signal(number, stop) for number in taken}
    sys.unraisablehook = stop_in_finalizer
    try:
        from summarize.cli import main as run_command
    except KeyboardInterrupt:
        _interrupted()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        sys.unraisablehook = hook
    if stops:
        _interrupted()
    run_command()


if __name__ == "__main__":
    main()
