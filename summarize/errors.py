"""Errors a user can act on. Each carries the exit code the CLI returns for it."""

from __future__ import annotations


class SummarizeError(Exception):
    """Base class: the message is meant for the user, no traceback needed."""

    exit_code = 2


class ConfigError(SummarizeError):
    """A config file, ``--set`` value or generation setting is invalid."""


class ModelNotFoundError(SummarizeError):
    """A configured model could not be found locally, in the cache, or on the hub."""


class ModelLoadError(SummarizeError):
    """A model folder exists but cannot be loaded (unsafe or broken files)."""


class UsageError(SummarizeError):
    """The command line names nothing to work on (missing path, empty folder)."""


class ArticleError(SummarizeError):
    """One article cannot be processed; the others go on."""

    exit_code = 1


class OutputError(SummarizeError):
    """The output folder stopped taking writes mid-run (disk full, gone read-only): the run
    stops; every brief written before is complete and listed in the index."""

    exit_code = 1
