"""What a run reports, whichever engine ran it: an outcome per input, what a front end hears."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from summarize.clean import NotGermanError
from summarize.errors import EXIT_OK, EXIT_WITHOUT_SOME_BRIEFS, ArticleError, shown


@dataclass(frozen=True)
class ArticleOutcome:
    """What became of one input: ``written``, ``up-to-date`` (brief already current),
    ``skipped`` (not processed on purpose, e.g. not German) or ``failed`` (bad input)."""

    source: Path
    status: Literal["written", "up-to-date", "skipped", "failed"]
    brief_path: Path | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("written", "up-to-date")

    @property
    def error(self) -> str | None:
        return None if self.ok else self.reason


def outcome_of_error(source: Path, error: ArticleError) -> ArticleOutcome:
    """An article that got no brief: skipped on purpose (not German) or failed."""
    status = "skipped" if isinstance(error, NotGermanError) else "failed"
    return ArticleOutcome(source, status, reason=reason_naming(source, error))


def reason_naming(source: Path, error: ArticleError) -> str:
    """The error's message, led by the article's file where it does not name it already (a
    later stage's error: "summarization: ...")."""
    reason = str(error)
    return reason if reason.startswith(shown(source)) else f"{shown(source)}: {reason}"


@dataclass(frozen=True)
class RunReport:
    outcomes: tuple[ArticleOutcome, ...]
    index_path: Path | None

    def with_status(self, status: str) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if outcome.status == status]

    @property
    def written(self) -> list[ArticleOutcome]:
        return self.with_status("written")

    @property
    def skipped(self) -> list[ArticleOutcome]:
        """Inputs not processed on purpose (not German)."""
        return self.with_status("skipped")

    @property
    def failed(self) -> list[ArticleOutcome]:
        """Inputs that could not be processed (bad input); each outcome's ``reason`` says why."""
        return self.with_status("failed")

    @property
    def without_brief(self) -> list[ArticleOutcome]:
        """Inputs that have no current brief: skipped or failed."""
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def exit_code(self) -> int:
        """0: every article has a current brief; 1: some were skipped or failed."""
        return EXIT_OK if not self.without_brief else EXIT_WITHOUT_SOME_BRIEFS

    def without_brief_lines(self) -> list[str]:
        """One line per input without a current brief, as the run prints it: "failed: a.txt:
        empty file"."""
        return [f"{outcome.status}: {outcome.reason}" for outcome in self.without_brief]

    def summary_line(self) -> str:
        counts = Counter(outcome.status for outcome in self.outcomes)
        return (
            f"{counts['written']} written, {counts['up-to-date']} up to date, "
            f"{counts['skipped']} skipped, {counts['failed']} failed"
        )


class ProgressListener(Protocol):
    """What a front end hears while a run goes on. Every method is optional to act on."""

    def run_started(self, articles: int) -> None: ...
    def article_started(self, source: Path) -> None: ...
    def translation_started(self, inputs: int) -> None: ...
    def translated(self, inputs: int) -> None: ...
    def article_finished(self, outcome: ArticleOutcome) -> None: ...
    def input_refused(self, outcome: ArticleOutcome) -> None:
        """An input that gets no brief, found before any article starts (not found, a link
        out of its folder, a brief name another input has): said with the articles' problems."""


class SilentProgress:
    def run_started(self, articles: int) -> None: ...
    def article_started(self, source: Path) -> None: ...
    def translation_started(self, inputs: int) -> None: ...
    def translated(self, inputs: int) -> None: ...
    def article_finished(self, outcome: ArticleOutcome) -> None: ...
    def input_refused(self, outcome: ArticleOutcome) -> None: ...
