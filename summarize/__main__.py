"""``python -m summarize`` and the ``summarize`` console script.

Kept small, and the package's ``__init__`` imports nothing heavy, so that a Ctrl-C while the
command line's own modules are imported (typer, rich, pydantic: a fraction of a second, more on a
busy machine) ends with one line and exit 130, as later in a run, not a traceback."""

import os
import sys

# What a Ctrl-C before the command began says (summarize.cli too, while typer builds it).
INTERRUPTED_AT_START = "interrupted before any work; nothing was written"


def main() -> None:
    try:
        from summarize.cli import main as run_command
    except KeyboardInterrupt:
        print(INTERRUPTED_AT_START, file=sys.stderr, flush=True)
        os._exit(130)
    run_command()


if __name__ == "__main__":
    main()
