"""Progress reporting for the CLI: a rich bar on a terminal, plain log lines elsewhere."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from summarize.errors import shown
from summarize.report import ArticleOutcome

logger = logging.getLogger("summarize")


class LogProgress:
    """One line per article: for logs, pipes and CI."""

    def __init__(self) -> None:
        self._total = 0
        self._started = 0
        # Problems it logged (those found before any article started too: missing paths,
        # links out of their folder, clashing brief names): the CLI prints only the others.
        self.logged: set[tuple[str, str]] = set()

    def run_started(self, articles: int) -> None:
        self._total = articles
        logger.info("processing %d article(s)", articles)

    def article_started(self, source: Path) -> None:
        self._started += 1
        logger.info("[%d/%d] %s", self._started, self._total, shown(source))

    def translation_started(self, inputs: int) -> None:
        logger.debug("translating %d sentence(s)", inputs)

    def translated(self, inputs: int) -> None: ...

    def article_finished(self, outcome: ArticleOutcome) -> None:
        if outcome.status == "written":
            logger.info("wrote %s", shown(outcome.brief_path))
        elif outcome.status == "up-to-date":
            logger.info("up to date: %s", shown(outcome.brief_path))
        else:
            self._say_problem(outcome)

    def input_refused(self, outcome: ArticleOutcome) -> None:
        # When found, as the articles' problems: a path not found was said once the run was
        # over, as a bare "failed: …" line among the time-stamped ones.
        self._say_problem(outcome)

    def _say_problem(self, outcome: ArticleOutcome) -> None:
        self.logged.add((str(outcome.source), str(outcome.reason)))
        # An ERROR line, skipped (not German) as failed: either leaves the article without
        # a brief and the run with exit status 1 (RunReport.exit_code), and a log watcher
        # that pages on ERROR lines was not told why the run failed.
        logger.error("%s: %s", outcome.status, outcome.reason)


class LogTranslationProgress:
    """A log line at each tenth of the model inputs translated, where no bar is drawn (a pipe,
    a log file): ``eval translation`` of a 1,000-line test set said "translating" once, then
    nothing until it was done, minutes on a real model."""

    def __init__(self) -> None:
        self._total = self._done = self._tenths = 0

    def translation_started(self, inputs: int) -> None:
        self._total, self._done, self._tenths = inputs, 0, 0

    def translated(self, inputs: int) -> None:
        self._done += inputs
        tenths = self._done * 10 // self._total if self._total else 10
        if tenths > self._tenths:
            self._tenths = tenths
            logger.info("translated %d of %d sentence(s)", self._done, self._total)


class RichProgress:
    """Two bars on a terminal: articles, and sentences of the batch of articles being translated."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        # The bars redraw from a thread of rich's: on a terminal that closed (a run that
        # outlives it, SIGHUP ignored) its write failed with EIO, and the thread ended with an
        # uncaught exception's traceback. There is no one to draw for: the redraw is left out.
        live, redraw = self._progress.live, self._progress.live.refresh

        def refresh() -> None:
            with contextlib.suppress(OSError):
                redraw()

        live.refresh = refresh  # type: ignore[method-assign]
        self._articles: TaskID | None = None
        self._sentences: TaskID | None = None
        self.logged: set[tuple[str, str]] = set()  # problems shown: as LogProgress.logged

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        # A terminal that closed (SIGHUP: an ssh session dropped) fails every write (EIO): the
        # bars' last refresh broke the stop under way, with exit 1 and a traceback, not 130.
        with contextlib.suppress(OSError):
            self._progress.stop()

    def run_started(self, articles: int) -> None:
        self._articles = self._progress.add_task("articles", total=articles)

    def article_started(self, source: Path) -> None: ...

    def translation_started(self, inputs: int) -> None:
        # The sentence bar comes with the first translation: a run that translates nothing here
        # (every brief current, every sentence cached, or on Ray, whose workers translate)
        # showed one empty all along.
        if self._sentences is None:
            if not inputs:
                return
            self._sentences = self._progress.add_task("sentences", total=inputs)
        else:
            self._progress.reset(self._sentences, total=inputs, completed=0)

    def translated(self, inputs: int) -> None:
        if self._sentences is not None:
            self._progress.advance(self._sentences, inputs)

    def article_finished(self, outcome: ArticleOutcome) -> None:
        if self._articles is not None:
            self._progress.advance(self._articles)
        if not outcome.ok:
            self._say_problem(outcome)

    def input_refused(self, outcome: ArticleOutcome) -> None:
        # Above the bars, when found, as the articles' problems: an input not found was said
        # only after the last article.
        self._say_problem(outcome)

    def _say_problem(self, outcome: ArticleOutcome) -> None:
        self.logged.add((str(outcome.source), str(outcome.reason)))
        # One line, as the CLI prints every message: folded at the terminal's width, a long
        # path was cut in two (copied, it named no file).
        self._progress.console.print(
            f"[yellow]{outcome.status}:[/] {escape(str(outcome.reason))}",
            soft_wrap=True,
            highlight=False,
        )
