"""Errors a user can act on. Each carries the exit code the CLI returns for it."""

from __future__ import annotations

import re
import unicodedata

# Characters that break a line or act unseen: C0 and C1 controls (a newline, a tab, an escape
# sequence) and Unicode line and paragraph separators (which str.split() takes for spaces).
LINE_BREAKING = r"\x00-\x1f\x7f-\x9f\u2028\u2029"
# White space a reader cannot tell from one space where a terminal or a renderer shows it: a
# no-break or ideographic space ("a\xa0b.txt"), a space at either end or after another
# ("a  b.txt", " a.txt"). Shown as typed, each read as another file's name.
UNCLEAR_SPACE = r"[^\S ]|^ | $|(?<= ) "
# Those, and what would fake another line of a message: the directional overrides and isolates
# that reorder what a terminal shows, and lone surrogates.
_UNSAFE = re.compile(rf"[{LINE_BREAKING}\u202a-\u202e\u2066-\u2069\ud800-\udfff]|{UNCLEAR_SPACE}")


# Letters that show nothing: the Hangul fillers and the blank braille pattern.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def shows_text(text: str | None) -> bool:
    """Whether ``text`` shows a reader anything: a character that is neither white space nor
    a control or format character (a headline translated as "   ", "\a\a" or a zero-width
    space was an empty title, and an index link without text)."""
    if not text:
        return False
    return any(
        not char.isspace()
        and unicodedata.category(char) not in ("Cc", "Cf")
        and char not in _BLANK_LETTERS
        for char in text
    )


def holds_word(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit that shows: English of punctuation alone
    ("." or "“ ”" for "Danke!") shows text but says nothing of a German word."""
    return any(char.isalnum() and char not in _BLANK_LETTERS for char in text)


def escaped(text: str, characters: re.Pattern[str]) -> str:
    """``text`` with each of ``characters`` written as repr() writes it (``\\n``, ``\\x1b``),
    a plain space as ``\\x20``."""
    return characters.sub(_written_out, text)


def _written_out(match: re.Match[str]) -> str:
    character = match.group()
    return "\\x20" if character == " " else repr(character)[1:-1]


def shown(path: object) -> str:
    """A path as messages and log lines name it: on one line, each character from
    ``_UNSAFE`` written as repr() writes it (``\\n``, ``\\t``, ``\\x1b``, ``\\xa0``; a space at
    either end or after another as ``\\x20``); everything else, ordinary Unicode and single
    spaces included, as is. In a name that is not NFC the combining marks are written out too
    (``ba\\u0308r.txt``): "bär" typed as "a" and a combining diaeresis is another file's name
    than "bär", and a message naming both showed the same name twice."""
    text = escaped(str(path), _UNSAFE)
    if unicodedata.is_normalized("NFC", text):
        return text
    return "".join(f"\\u{ord(c):04x}" if unicodedata.combining(c) else c for c in text)


# What the command line exits with, and why: `summarize run --help` and the README's "Exit codes"
# say these, and the errors below and the run's report (RunReport.exit_code) return them.
EXIT_OK = 0
EXIT_WITHOUT_SOME_BRIEFS = 1
EXIT_STOPPED_BY_AN_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "every article has a current brief",
    EXIT_WITHOUT_SOME_BRIEFS: (
        "some article was skipped or failed (each reason printed, the others written), or the "
        "run stopped part-way (the output folder stopped taking writes; on Ray, a run that "
        "stalled or that Ray failed): the briefs written are complete"
    ),
    EXIT_STOPPED_BY_AN_ERROR: "a usage, config or model error stopped the command",
    EXIT_INTERRUPTED: "stopped by Ctrl-C, SIGTERM or SIGHUP (the briefs written are complete)",
}


class SummarizeError(Exception):
    """Base class: the message is meant for the user, no traceback needed."""

    exit_code = EXIT_STOPPED_BY_AN_ERROR


class ConfigError(SummarizeError):
    """A config file, ``--set`` value or generation setting is invalid."""


class ModelNotFoundError(SummarizeError):
    """A configured model could not be found locally, in the cache, or on the hub."""


class ModelLoadError(SummarizeError):
    """A model folder exists but cannot be loaded (unsafe or broken files)."""


class StoreError(SummarizeError):
    """A pulled model cannot be put into the model store (a read-only or full folder,
    something in the way)."""


class UsageError(SummarizeError):
    """The command line names nothing to work on (missing path, empty folder)."""


class ArticleError(SummarizeError):
    """One article cannot be processed; the others go on."""

    exit_code = EXIT_WITHOUT_SOME_BRIEFS


def is_article_defect(error: BaseException) -> bool:
    """Whether ``error``, raised on one article's text where nothing was expected to fail, is a
    defect that should cost that article alone: any Exception, and the panic of a library's Rust
    code. pyo3 raises a panic as ``PanicException``, a BaseException (of a module, pyo3_runtime,
    that cannot be imported, so it is known by its name): caught as an Exception it was not, and
    one article's panic ended the whole run, the articles after it without a brief and no index
    written. Ctrl-C, SystemExit and the like are no defect."""
    if isinstance(error, Exception):
        return True
    return any(kind.__name__ == "PanicException" for kind in type(error).__mro__)


def defect_on_article(path: object, what: str, error: BaseException) -> ArticleError:
    """The failure of one article that an unexpected exception (a defect of ours or of a library
    we call) raised while ``what`` ("reading", "preparing", "the checks"): that article fails
    with a line to report, the run's others go on. The caller logs the traceback."""
    return ArticleError(
        f"{shown(path)}: {what} failed on this article ({type(error).__name__}: {error}); a "
        "defect of summarize or of a library it uses, please report it with the article"
    )


class OutputError(SummarizeError):
    """The output folder stopped taking writes mid-run (disk full, gone read-only): the run
    stops; every brief written before is complete and listed in the index."""

    exit_code = 1
