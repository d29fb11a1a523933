"""What both engines do around their own work on the articles, in one place so that they cannot
drift apart: find the inputs, then the run's fingerprint, hold the output folder, remove the
temp files of a killed run, plan which input gets which brief (and the clashes), and write the
index, of a run still going (:class:`Checkpoints`), that stops midway or at the end.

An engine works inside :func:`brief_run`, settling each planned brief on the :class:`FolderRun`
it yields; with the record of each brief written or found current, which the index then lists
without reading the brief again (milliseconds a brief: seconds over thousands).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from summarize import outputs, stages
from summarize.errors import OutputError, is_article_defect, shown
from summarize.record import BriefRecord
from summarize.report import ArticleOutcome, ProgressListener, RunReport


@dataclass
class FolderRun:
    """A run under way in its output folder, and what it has done so far.

    ``jobs``: the briefs it is to write, (source, brief path) in input order; ``unplanned``:
    the outcomes of the inputs that get none (not found, unreadable, clashes). The engine
    settles each job as it is done (:meth:`settle`): what the index of a stopped run counts."""

    folder: Path
    fingerprint: str
    jobs: tuple[tuple[Path, Path], ...]
    unplanned: tuple[ArticleOutcome, ...]
    settled: dict[Path, ArticleOutcome] = field(default_factory=dict)  # by source
    known: dict[str, BriefRecord] = field(default_factory=dict)  # by brief file name
    index_path: Path | None = None  # once the run's index is written
    # The brief each input refused for its name (a clash) would have had, by source.
    clash_briefs: dict[Path, Path] = field(default_factory=dict)

    def settle(self, outcome: ArticleOutcome, record: BriefRecord | None = None) -> None:
        """A job done; ``record``: the record of the brief it wrote or found current."""
        self.settled[outcome.source] = outcome
        if record is not None and outcome.brief_path is not None:
            self.known[outcome.brief_path.name] = outputs.index_record(record)

    def outcomes(self) -> tuple[ArticleOutcome, ...]:
        """Every input's outcome: those without a job, then each job's in input order. A job
        the engine never settled fails ("no outcome"): no article is skipped silently."""
        return (
            *self.unplanned,
            *(
                self.settled.get(source)
                or ArticleOutcome(source, "failed", reason=f"{shown(source)}: no outcome")
                for source, _ in self.jobs
            ),
        )

    def not_current(self, outcomes: Iterable[ArticleOutcome]) -> dict[str, tuple[str, Path]]:
        """What the run did (failed, skipped) to each input of ``outcomes`` left without a
        brief, with the input, by its brief's file name: an earlier run's brief there is said
        to be one (:func:`outputs.write_index`). Inputs refused for a name another input has
        (a clash) count too: an emptied d1/a.txt, whose brief a.md is, claims no name, and its
        brief was listed as current."""
        brief_of = {**self.clash_briefs, **dict(self.jobs)}
        said: dict[str, tuple[str, Path]] = {}
        for outcome in outcomes:
            if outcome.ok or outcome.source not in brief_of:
                continue
            brief_path = brief_of[outcome.source]
            earlier = said.get(brief_path.name)
            # Two inputs of one brief name failed: the one whose brief it is tells.
            if earlier is None or outputs.another_files_brief_at(brief_path, earlier[1]):
                said[brief_path.name] = (outcome.status, outcome.source)
        return said

    def so_far(self) -> str:
        """What the run has done, as its summary line: a stopped run's index says it."""
        return self._report_so_far().summary_line()

    def without_brief_so_far(self) -> list[str]:
        """A line per input the run has left without a brief so far and why, as the index of
        a finished run names them: a stopped run's index said "1 failed" and named none."""
        return self._report_so_far().without_brief_lines()

    def _report_so_far(self) -> RunReport:
        """The outcomes settled so far (a stopped run's), not those of every job."""
        return RunReport((*self.unplanned, *self.settled.values()), None)

    def report(self) -> RunReport:
        return RunReport(self.outcomes(), self.index_path)


# How often a run leaves an index of the briefs it has so far (see write_checkpoint).
CHECKPOINT_S = 30.0


class Checkpoints:
    """When a run writes the index of its briefs so far: every 30 s, and for no more than a
    tenth of the run's time. Each write reads every brief of earlier runs that the run has not
    settled yet (0.5 ms each: 25 s in a folder of 50,000, and the run does no work then)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.every = CHECKPOINT_S
        self.last = clock()

    def write_when_due(self, run: FolderRun) -> None:
        if self.clock() - self.last < self.every:
            return
        started = self.clock()
        write_checkpoint(run)
        self.last = self.clock()
        self.every = max(CHECKPOINT_S, 10 * (self.last - started))


def write_checkpoint(run: FolderRun) -> None:
    """The index of the briefs written so far, its "Latest run" line saying the run has not
    finished: what stays when the run is ended without a word, which no ``except`` sees (killed
    for memory by the system, SIGKILL, a power cut; on Ray, the cluster at runtime.ray_address
    stopped: 60 s later, exit 1; the raylet under the driver killed). The briefs were in no
    index, and an earlier run's index told of that run. The run's own index replaces it. Not in
    a folder without an index while the run has no brief there: such a run writes none
    (:func:`outputs.run_index_due`)."""
    if not outputs.run_index_due(run.folder, bool(run.known)):
        return
    outputs.write_progress_index(
        run.folder,
        run.so_far(),
        run.known,
        run.not_current((*run.unplanned, *run.settled.values())),
        run.without_brief_so_far(),
    )


def _write_stopped_index(run: FolderRun, interrupted: bool) -> None:
    outputs.write_stopped_index(
        run.folder,
        interrupted,
        run.so_far(),
        run.known,
        run.not_current((*run.unplanned, *run.settled.values())),
        run.without_brief_so_far(),
    )


@contextmanager
def brief_run(
    folder: Path,
    paths: stages.InputPaths,
    progress: ProgressListener,
    fingerprint: Callable[[], str],
    stops: tuple[type[BaseException], ...] = (),
) -> Iterator[FolderRun]:
    """The run of an engine into ``folder``: yields it planned, for the engine to settle its jobs.

    Usage errors (no input, the output folder among the inputs) raise before the fingerprint
    (a missing model, a bad setting), and both before the folder is taken. When the engine's
    work stops (Ctrl-C, SIGTERM, a folder that takes no more writes, or one of ``stops``) the
    index lists the briefs written so far and says what the run did, then the error goes on;
    when it ends, the run's index is written (when due: :func:`outputs.run_index_due`) and
    :attr:`FolderRun.index_path` names it."""
    stopping: tuple[type[BaseException], ...] = (KeyboardInterrupt, OutputError, *stops)
    sources, unplanned = stages.find_inputs(paths, folder)
    fingerprinted = fingerprint()  # the models' tokenizers and configs; no weights
    with outputs.output_lock(folder):
        outputs.remove_stale_temp_files(folder)
        plan = outputs.plan_briefs(sources, folder)
        progress.run_started(len(plan.jobs))
        clashes = [ArticleOutcome(source, "failed", reason=why) for source, why in plan.clashes]
        run = FolderRun(
            folder,
            fingerprinted,
            tuple((source, folder / name) for source, name in plan.jobs),
            (*unplanned, *clashes),
            clash_briefs={
                source: folder / outputs.brief_name(source) for source, _ in plan.clashes
            },
        )
        for outcome in run.unplanned:  # said as found, as the articles' problems are
            progress.input_refused(outcome)
        try:
            yield run
        except stopping as stop:
            # Ctrl-C, SIGTERM (the CLI turns it into KeyboardInterrupt), a folder that stopped
            # taking writes: the briefs written so far are complete; list them before stopping
            # (when the folder still takes the index). A stop before any brief, into a folder
            # without an index, leaves none: an index of no briefs in an empty folder told of a
            # run that had nothing to show.
            if outputs.run_index_due(folder, any(o.ok for o in run.settled.values())):
                _write_stopped_index(run, interrupted=isinstance(stop, KeyboardInterrupt))
            raise
        except BaseException as error:
            # A defect (ours or a library's, a Rust panic too) that ends the run: the briefs
            # written so far are complete too, and an earlier run's index must not stand as
            # this run's.
            if not is_article_defect(error):
                raise
            if outputs.run_index_due(folder, any(o.ok for o in run.settled.values())):
                _write_stopped_index(run, interrupted=False)
            raise
        report = run.report()
        if outputs.run_index_due(folder, any(outcome.ok for outcome in report.outcomes)):
            run.index_path = outputs.write_run_index(
                folder,
                report.summary_line(),
                run.known,
                report.without_brief_lines(),
                run.not_current(report.without_brief),
            )
