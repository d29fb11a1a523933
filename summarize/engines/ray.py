"""The Ray engine: the stages of :mod:`summarize.stages` as a Ray Data plan on a cluster.

The plan: a dataset of groups of articles (``ray.articles_per_batch``, by default the local
engine's ``runtime.articles_per_batch``, so model batches hold the same sentences and briefs come
out identical) → prepare: read, skip-unchanged, clean, segment (tasks) → translate (an
autoscaling pool of actors, each loading the translator once) → summarize (its own pool) →
finish: checks, render, atomic write (tasks). The driver lists the inputs, computes the run's
fingerprint from the models' configs (no weights), holds the output folder's lock, collects an
outcome per article and writes the index, as the local engine does (both run inside
:func:`summarize.engines.common.brief_run`); the connection to Ray is
:mod:`summarize.engines.ray_session`'s.

Failures: Ray retries tasks lost with a node and restarts lost actors (which load their model
again); every write is a whole brief renamed into place, so work done twice writes the same
brief twice, and a stopped run lets no brief be written after it has listed those written (see
:func:`_fence_writes`). Work whose worker process keeps dying (an article that crashes native
code or is killed for memory) is not retried without end: its group is then done one article at
a time, and the article that kills the process fails alone (see :class:`_Watch`). A
configuration or model error on a worker stops the run with the same message and exit code as
locally; a bad article costs only its own brief; a run in which nothing moves for
``ray.no_progress_timeout_s`` stops with exit 1. The translation cache is not used: see README,
"Running on a cluster".
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import math
import os
import pickle
import re
import secrets
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize import outputs, stages
from summarize.config import Config, RaySettings, RuntimeSettings
from summarize.engines.common import Checkpoints, FolderRun, brief_run
from summarize.engines.ray_session import check_reachable, ray_session, unreachable
from summarize.errors import (
    EXIT_WITHOUT_SOME_BRIEFS,
    ArticleError,
    ConfigError,
    ModelLoadError,
    ModelNotFoundError,
    OutputError,
    SummarizeError,
    is_article_defect,
    shown,
)
from summarize.ingest import read_article, read_source_bytes
from summarize.record import BriefRecord
from summarize.report import (
    ArticleOutcome,
    ProgressListener,
    RunReport,
    SilentProgress,
    outcome_of_error,
)

if TYPE_CHECKING:
    import numpy as np

    from summarize.models import LoadedModel, ModelSpec, Task
    from summarize.render import Brief
    from summarize.summarization import Summarizer, Summary
    from summarize.translation import Translator

logger = logging.getLogger("summarize")

RAY_EXTRA = 'pip install "summarize[ray]"'
_PAYLOAD = "payload"  # the one column of every row: a pickled _Group


def require_ray() -> None:
    """Ray Data is an optional extra: say which one before any work."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError(f"the Ray engine needs Ray Data: {RAY_EXTRA}") from None


class RunStalledError(SummarizeError):
    """Nothing moved for ``ray.no_progress_timeout_s``: the run stops instead of hanging.
    ``written``: the briefs this run wrote (kept); ``under_way``: the work begun and not done
    then, each as "stage: article, …" (none when no work could start); ``batches_counted``:
    whether a model batch done counted as progress (the run's own watch), or only a group's
    work started or ended (Ray Data's watchdog, where Ray Data lacks the watch's hooks);
    ``lost``: the work begun on a node that has left the cluster and not begun again since,
    as ``under_way``."""

    exit_code = EXIT_WITHOUT_SOME_BRIEFS

    def __init__(
        self,
        timeout_s: float,
        written: int,
        under_way: tuple[str, ...] = (),
        batches_counted: bool = True,
        lost: tuple[str, ...] = (),
    ) -> None:
        if under_way:
            step = "one model batch of these" if batches_counted else "the work on one of these"
            # Work that began and gave no sign since: a model batch that takes longer than the
            # setting, or a worker that hangs; not a cluster without room.
            why = (
                f"; work under way then: {'; '.join(under_way)}. Raise "
                f"ray.no_progress_timeout_s if {step} takes longer, or see "
                "Ray's log for a worker that hangs."
            )
        elif lost:
            # Its node is gone and no actor took the work up again: nothing hangs, and a longer
            # timeout only waits longer (it was named as work under way, with that advice).
            why = (
                f"; work lost with a node that left the cluster, not begun again: "
                f"{'; '.join(lost)}. The nodes left have no room for an actor of each pool: "
                "add nodes or lower ray.cpus_per_actor, or raise ray.no_progress_timeout_s if "
                "a node that replaces the lost one takes longer to join."
            )
        else:
            why = (
                ". Check that the cluster has room for an actor of each pool and that its "
                "workers are not killed as they start (out of memory: see Ray's log), or raise "
                "ray.no_progress_timeout_s if an actor's start takes longer."
            )
        super().__init__(
            f"the Ray run made no progress for {timeout_s:g} s "
            f"(ray.no_progress_timeout_s = {timeout_s:g}): no stage started or ended a group "
            f"of articles{' and no model batch was done' if batches_counted else ''}; "
            f"{written} brief(s) were finished and are kept{why}"
        )
        self.timeout_s = timeout_s
        self.under_way = under_way
        self.batches_counted = batches_counted
        self.lost = lost


class RayFailedError(SummarizeError):
    """Ray itself failed under the run (the raylet of the driver's node died, killed for memory;
    an object lost for good), where it cannot retry: one line and the index of the briefs
    written, not Ray's traceback (or nothing but it). ``written``: the briefs this run wrote."""

    exit_code = EXIT_WITHOUT_SOME_BRIEFS

    def __init__(self, reason: str, written: int) -> None:
        super().__init__(
            f"Ray failed under the run ({reason}); {written} brief(s) were finished and are "
            "kept: run the same command again to do the rest (see Ray's log for the cause)"
        )
        self.reason = reason


@contextlib.contextmanager
def _failures_of_ray() -> Iterator[None]:
    """A failure of Ray's own that reaches the driver as :class:`RayFailedError`; an exception
    our code raised on a worker (a RayTaskError) is left as it is."""
    import ray

    try:
        yield
    except ray.exceptions.RayTaskError:
        raise
    except ray.exceptions.RayError as error:
        lines = str(error).strip().splitlines()
        raise RayFailedError(lines[0] if lines else type(error).__name__, 0) from None


class _CarriedError(Exception):
    """A run-stopping error raised on a worker (a model that cannot load there), carried to the
    driver intact: Ray rewrites the message of the exception it transports, so the original
    travels as an attribute (exceptions pickle their ``__dict__``)."""

    def __init__(self, message: str, error: SummarizeError | None = None) -> None:
        super().__init__(message)
        self.error = error


@dataclass(frozen=True)
class RayRunReport(RunReport):
    """The run's report plus what Ray redid: units of work run again (tasks retried after a
    lost worker or node) and model actors restarted; None when the counts were lost."""

    retried: int | None = None
    restarted: int | None = None
    started: bool = True  # False: every article was settled before Ray (current, or failed)

    def summary_line(self) -> str:
        if not self.started:  # "Ray: 0 retried, 0 actor(s) restarted" read as if Ray had run
            return f"{super().summary_line()}; Ray not started: no article needed the models"
        if self.retried is None or self.restarted is None:
            return f"{super().summary_line()}; Ray: retries not counted"
        return (
            f"{super().summary_line()}; Ray: {self.retried} retried, "
            f"{self.restarted} actor(s) restarted"
        )


@dataclass(frozen=True)
class _Job:
    position: int  # among the run's sources, to report outcomes in input order
    source: Path
    brief_path: Path
    # The file at brief_path before the run (_file_stamp): another one there was written by it.
    brief_before: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class _Group:
    """A group of articles moving through the plan; each stage fills in its part."""

    number: int
    jobs: tuple[_Job, ...]
    settled: tuple[tuple[int, ArticleOutcome], ...] = ()  # positions done before the models
    ready: tuple[tuple[_Job, stages.Prepared], ...] = ()
    bilinguals: tuple[stages.Bilingual, ...] = ()
    summaries: tuple[tuple[Summary | ArticleError, float], ...] = ()
    models: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    generation: Mapping[str, dict[str, Any]] = field(default_factory=dict)


def _pack(group: _Group) -> bytes:
    return pickle.dumps(group, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(payload: bytes) -> _Group:
    group = pickle.loads(payload)
    assert isinstance(group, _Group)
    return group


@dataclass(frozen=True)
class _PoolShape:
    """How the model actors are laid out for this run (``ray.model_pools`` resolved)."""

    combined: bool  # one pool of actors holding both models, or a pool per model
    cpus_per_actor: float  # what Ray reserves per actor; its threads too (at least 1)


@dataclass(frozen=True)
class _Context:
    """What every stage on every node needs, sent once with the plan."""

    config: Config
    fingerprint: str
    settings: dict[str, Any]  # stages.run_settings, for every brief's record
    force: bool
    cwd: str  # the driver's working directory: relative paths mean the same on every node
    ledger: Any  # a _RunLedger actor handle
    pools: _PoolShape
    # how often a group's, then an article's, model work may kill its worker process
    deaths: tuple[int, int]
    # each model's identity as the driver resolved it (the fingerprint's): what an actor loads
    # must be the same model, or its briefs would carry a fingerprint that is not theirs
    identities: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # the driver's level of the summarize logger: what the workers' lines are shown at
    log_level: int = logging.WARNING


def _enter(context: _Context) -> None:
    """Relative input, output and model paths are the driver's: work from its folder (on a
    shared filesystem it exists on every node; a local Ray instance starts there anyway). The
    worker logs as the driver does (:func:`_log_as_the_driver`)."""
    _log_as_the_driver(context.log_level)
    if os.getcwd() != context.cwd and os.path.isdir(context.cwd):
        os.chdir(context.cwd)


def _log_as_the_driver(level: int) -> None:
    """A Ray worker's summarize lines at the driver's level, on its stderr, which Ray prints on
    the driver's console, "(MapWorker(…) pid=…) INFO …". The worker's logger had no handler:
    its warnings reached Python's last resort, without their level, and its info lines none,
    which the local engine shows (an article cut for the sentence splitter, read as
    Windows-1252, a summary that reached the output limit). Once per worker process; not in
    the driver's (a test calling a stage), whose logger is the caller's."""
    import ray

    if logger.handlers or not ray.is_initialized():
        return
    try:
        in_a_worker = ray.get_runtime_context().worker.mode == ray.WORKER_MODE
    except AttributeError:  # Ray's runtime context has changed: its last resort stays
        return
    if not in_a_worker:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False  # not twice where Ray gave the root logger a handler


_Unit = tuple[str, int] | tuple[str, int, int]  # (stage, group) or (stage, group, position)


@dataclass
class _Attempt:
    node: str | None
    done: bool = False


class _RunLedger:
    """Counts, on the driver's node, how often each unit of work ran and which actors were
    restarted, so the summary line can say what Ray redid (best effort: a restart's count can
    be lost with the worker that sent it), and how often a unit's worker process died under it,
    so that work that keeps killing its process stops being retried (see :class:`_Watch`).

    A unit is a group's work in a stage, or (careful) one article's; each attempt at it is
    noted when it starts and when it is done. When a unit starts again, each earlier attempt
    that was not done died, and it died of its work where it is run again on the same node;
    run on another node, its node may be gone (a lost node takes the work in flight with it,
    and the cluster says so only seconds later), so that costs the group's allowance of node
    losses first. A group's attempt that was done and is run again rebuilds the output of a
    lost node (Ray does so): on another node it spends that allowance as well, on the same one
    it is a death (its process died before handing the output over). Counted as deaths, three
    node losses under a one-article group failed that healthy article as one that kills its
    process."""

    def __init__(self, limits: tuple[int, int] = (3, 2), node_losses: int = 5) -> None:
        self._runs: Counter[tuple[str, int]] = Counter()
        self._restarts = 0
        self._limits = limits  # a group's, an article's deaths before it is given up
        self._node_losses_allowed = node_losses
        self._attempts: dict[_Unit, dict[str, _Attempt]] = {}  # by the attempt's token
        self._deaths: Counter[_Unit] = Counter()
        self._node_losses: Counter[tuple[str, int]] = Counter()  # a group's, its articles' too
        # Each sign that the run's work moves: a unit started or done, a model batch done
        # within one (see _StallWatch), an actor loaded.
        self._activity = 0
        # The run's model actors (Ray's actor ids, hex), which end with the run (_end_actors).
        self._actors: set[str] = set()
        # The write fence (:func:`_fence_writes`): each brief being written, by (group,
        # position, attempt's token), with its writer's node, and its writer's process (Ray's
        # worker id, its pid) where known; closed, no write begins.
        self._writing: dict[tuple[int, int, str], str | None] = {}
        self._writers: dict[tuple[int, int, str], tuple[str, int | None]] = {}
        self._closed = False

    def started(self, stages: tuple[str, ...], group: int, node: str | None, token: str) -> int:
        """A stage starts a group's work on ``node``: how often that work killed its process.
        ``stages``: the stages that work runs (both models' in the combined pool), one unit of
        work: counted once (the summary line said "2 retried" for one group run again)."""
        self._runs[(stages[0], group)] += 1
        if stages[0] == "finish":
            # Ray runs a group's finish work again only once the attempt before is over: its
            # worker process died (or its node left), maybe between may_write and wrote. Its
            # write is over too; waited for, a completed run waited 10 s at its end and warned
            # of a brief that was written and in its index.
            for key in [key for key in self._writing if key[0] == group and key[2] != token]:
                self.wrote(*key)
        return self._start((stages[0], group), node, token, self._limits[0])

    def finished(self, stage: str, group: int, token: str) -> None:
        """The group's work in ``stage`` is done (its output may still be lost with its node)."""
        self._done((stage, group), token)

    def begin(self, stage: str, group: int, position: int, node: str | None, token: str) -> int:
        """An article of ``group`` starts alone: how often its work killed its process (not
        noted as started when that is too often: it is not run)."""
        return self._start((stage, group, position), node, token, self._limits[1])

    def end(self, stage: str, group: int, position: int, token: str) -> None:
        self._done((stage, group, position), token)

    def _start(self, unit: _Unit, node: str | None, token: str, limit: int) -> int:
        self._activity += 1
        group = (unit[0], unit[1])
        for attempt in self._attempts.pop(unit, {}).values():
            if attempt.done and len(unit) == 3:
                continue  # an article done, run again because its group died later
            # On another node (or none known), the attempt's node may be lost: the group's
            # allowance of node losses first, then deaths.
            elsewhere = node is None or attempt.node != node
            if elsewhere and self._node_losses[group] < self._node_losses_allowed:
                self._node_losses[group] += 1
                continue
            self._deaths[unit] += 1
        died = self._deaths[unit]
        if died < limit or len(unit) == 2:
            self._attempts.setdefault(unit, {})[token] = _Attempt(node)
        return died

    def _done(self, unit: _Unit, token: str) -> None:
        self._activity += 1
        attempt = self._attempts.get(unit, {}).get(token)
        if attempt is not None:
            attempt.done = True

    def restarted(self) -> None:
        self._restarts += 1

    def placed(self, actor: str) -> None:
        """A model actor of the run started (its models load next), ``actor`` its id."""
        self._actors.add(actor)
        self._activity += 1

    def actors(self) -> list[str]:
        """The ids of the model actors the run started."""
        return sorted(self._actors)

    def worked(self) -> None:
        """A worker's sign of work within a unit (a model batch done, an actor loaded)."""
        self._activity += 1

    def activity(self) -> int:
        """How many signs of work the run has given: unchanged while nothing moves."""
        return self._activity

    def under_way(
        self, alive: Container[str]
    ) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """Each (stage, group) whose work has begun and is not done: those with an attempt on
        a node in ``alive`` (or on no known node), and those whose every such attempt was on
        a node that has left the cluster (lost with it: no worker does it)."""
        begun: list[tuple[str, int]] = []
        lost: list[tuple[str, int]] = []
        for unit, attempts in self._attempts.items():
            nodes = [attempt.node for attempt in attempts.values() if not attempt.done]
            if len(unit) != 2 or not nodes:
                continue
            if any(node is None or node in alive for node in nodes):
                begun.append((unit[0], unit[1]))
            else:
                lost.append((unit[0], unit[1]))
        return sorted(begun), sorted(lost)

    def totals(self) -> tuple[int, int]:
        retried = sum(count - 1 for count in self._runs.values() if count > 1)
        return retried, self._restarts

    def may_write(
        self,
        group: int,
        position: int,
        node: str | None,
        token: str,
        worker: str | None = None,
        pid: int | None = None,
    ) -> bool:
        """Whether a brief may be written now (noted as being written until :meth:`wrote`):
        not once the run has stopped (:meth:`close`), which lists the briefs of a stopped run
        from what it finds written then. ``worker``, ``pid``: the writer's process (Ray's worker
        id, hex), so that a write whose process died is waited for no more (:meth:`writers`)."""
        if self._closed:
            return False
        self._writing[(group, position, token)] = node
        if worker is not None:
            self._writers[(group, position, token)] = (worker, pid)
        return True

    def wrote(self, group: int, position: int, token: str) -> None:
        """A brief's write is over (written, or given up: its temp file removed)."""
        self._writing.pop((group, position, token), None)
        self._writers.pop((group, position, token), None)

    def writers(self) -> list[tuple[str, int | None, str | None]]:
        """The processes writing a brief now, (worker id, pid, node): those known."""
        return sorted(
            {(worker, pid, self._writing[key]) for key, (worker, pid) in self._writers.items()},
            key=lambda writer: writer[0],
        )

    def died(self, workers: Collection[str]) -> None:
        """The processes ``workers`` (worker ids) have died: their writes are over too (killed
        outright, by SIGKILL or for memory, a writer never says it is done; waited for, a stopped
        run waited its 10 s and warned of a brief that would never appear)."""
        gone = set(workers)
        for key in [key for key, (worker, _) in self._writers.items() if worker in gone]:
            self.wrote(*key)

    def close(self) -> list[tuple[int, str | None]]:
        """No brief's write begins from now on: the briefs being written, (position, node)."""
        self._closed = True
        return self.writing()

    def writing(self) -> list[tuple[int, str | None]]:
        """The briefs being written, (position, node), in the run's order of its articles (the
        warning names the first few; sorted as text, position 10 came before 2)."""
        writes = ((key[1], node) for key, node in self._writing.items())
        return sorted(writes, key=lambda write: (write[0], write[1] or ""))


def _this_node() -> str | None:
    import ray

    try:
        return str(ray.get_runtime_context().get_node_id())
    except Exception:  # not in a Ray worker (a test calling a stage directly)
        return None


def _this_worker() -> str | None:
    """This process's id as Ray knows it (hex), for the write fence: None where unknown."""
    import ray

    try:
        return str(ray.get_runtime_context().get_worker_id())
    except Exception:  # not connected to Ray (a test calling a stage directly)
        return None


# A group's work in a stage may kill its worker process this many times before its articles
# are done one at a time; an article done alone may kill it this many times before it fails:
# one article that crashes the process (a segfault, an OOM kill) costs only its own brief, where
# Ray retried its group without end. A lost node kills the work in flight on it without its
# fault: a group's work run again on another node costs this allowance first (see _RunLedger).
# Sent with the plan (_Context) and to the ledger.
_GROUP_DEATHS = 3
_ARTICLE_DEATHS = 2
_NODE_LOSSES = 5


# How Ray says that an actor died with the process that owns it (for the run's ledger, the
# driver): its GCS's ActorDiedErrorContext message.
_OWNER_DIED = "because its owner has died"


class _Watch:
    """One attempt at a group's work in a stage, as the run's ledger counts them: Ray runs the
    work again when its worker process dies (a task anew, an actor restarted), without end.
    After ``_GROUP_DEATHS`` deaths the stage works ``careful``: each article alone, noted in
    the ledger before (:meth:`begin`) and after (:meth:`end`). :meth:`finished` when the
    group's work is done."""

    def __init__(self, context: _Context, stages: tuple[str, ...], group: int) -> None:
        import ray

        self._context, self._stage, self._group = context, stages[0], group
        self._node = _this_node()
        self._worker = _this_worker()
        self._token = secrets.token_hex(8)  # this attempt's, in the ledger
        try:
            self.died = int(
                ray.get(context.ledger.started.remote(stages, group, self._node, self._token))
            )
        except ray.exceptions.RayError as error:  # the driver's node is gone: so is the run
            logger.debug("the run's ledger is lost, attempts not counted: %s", error)
            self.died = 0
        self.careful = self.died >= context.deaths[0]

    def begin(self, job: _Job) -> tuple[int, ArticleOutcome] | None:
        """Before ``job``'s work when careful: its failure, when its work killed the process
        too often, else None (go on, then :meth:`end`). A ledger that does not answer counts no
        more: the article's work goes on uncounted, as a group's does (:meth:`__init__`); a
        raised RayError failed the whole group's task, and Ray's error ended the run with a live
        driver (its ledger's actor killed for memory). A ledger gone with its driver, its owner
        (:meth:`may_write`): the run is gone, no work begins (its brief would not be written)."""
        import ray

        if not self.careful:
            return None
        ledger = self._context.ledger
        try:
            died = ray.get(
                ledger.begin.remote(self._stage, self._group, job.position, self._node, self._token)
            )
        except ray.exceptions.RayError as error:
            if _OWNER_DIED in str(error):
                logger.debug("the run's ledger is gone with its driver, no work: %s", error)
                return job.position, ArticleOutcome(job.source, "failed", reason=_NOT_WRITTEN)
            logger.debug("the run's ledger is lost, the article's work goes uncounted: %s", error)
            return None
        group_deaths, article_deaths = self._context.deaths
        # The group's deaths before it went careful, and this article's since (a careful
        # attempt that dies counts for both: said once).
        return _crashed(job, group_deaths + died) if died >= article_deaths else None

    def end(self, job: _Job) -> None:
        """After ``job``'s work when careful (:meth:`begin`); a lost ledger notes nothing."""
        import ray

        if self.careful:
            ledger = self._context.ledger
            try:
                ray.get(ledger.end.remote(self._stage, self._group, job.position, self._token))
            except ray.exceptions.RayError as error:
                logger.debug("the run's ledger is lost: %s", error)

    def finished(self) -> None:
        import ray

        try:
            ray.get(self._context.ledger.finished.remote(self._stage, self._group, self._token))
        except ray.exceptions.RayError as error:
            logger.debug("the run's ledger is lost: %s", error)

    def may_write(self, job: _Job) -> bool:
        """Whether ``job``'s brief may be written now (the write fence, :func:`_fence_writes`):
        not once the run has stopped. Then :meth:`wrote`, whatever came. A ledger that does not
        answer fences nothing: the brief is written, as before the fence (with the driver alive,
        the ledger's actor killed for memory, every later brief of the run failed as "not
        written: the run stopped"). But a ledger gone with its driver, its owner, fences all: a
        stopped run's driver closed it, listed the briefs written and left, and on a cluster a
        worker outlives it for a while; its brief would be on disk and in no index."""
        import ray

        ledger = self._context.ledger
        writer = (self._node, self._token, self._worker, os.getpid())
        try:
            return bool(ray.get(ledger.may_write.remote(self._group, job.position, *writer)))
        except ray.exceptions.RayError as error:
            if _OWNER_DIED in str(error):
                logger.debug("the run's ledger is gone with its driver, no write: %s", error)
                return False
            logger.debug("the run's ledger is lost, the brief is written unfenced: %s", error)
            return True

    def wrote(self, job: _Job) -> None:
        with contextlib.suppress(Exception):  # a lost ledger waits for no write
            self._context.ledger.wrote.remote(self._group, job.position, self._token)


def _crashed(job: _Job, deaths: int) -> tuple[int, ArticleOutcome]:
    """The outcome of an article whose work killed its worker process ``deaths`` times."""
    error = ArticleError(
        f"{shown(job.source)}: its worker process died {deaths} times while processing it "
        "(a crash in native code, or killed, e.g. for lack of memory); the other articles "
        "went on"
    )
    return job.position, outcome_of_error(job.source, error)


# How often a worker tells the run's ledger, at most, that its model work goes on (see _Beat).
_BEAT_S = 1.0


class _Beat:
    """Tells the run's ledger that a model batch is done (at most every ``_BEAT_S``): the sign
    that the work on a group goes on, which Ray Data does not see until the group's work ends
    (see :class:`_StallWatch`)."""

    def __init__(self, ledger: Any, clock: Callable[[], float] = time.monotonic) -> None:
        self._ledger = ledger
        self._clock = clock
        self._last = -_BEAT_S

    def __call__(self, _inputs: int = 0) -> None:
        import ray

        now = self._clock()
        if now - self._last < _BEAT_S:
            return
        self._last = now
        try:
            self._ledger.worked.remote()
        except ray.exceptions.RayError as error:  # the driver's node is gone: so is the run
            logger.debug("the run's ledger is lost: %s", error)


class _StallWatch:
    """The run's stall watchdog, asked at each step of Ray Data's execution loop: it raises
    ExecutionTimeoutError once the run's ledger has heard of no work for ``timeout_s``: no
    unit started or done, no model batch done within one. Ray Data's own watchdog counts only
    blocks that move between stages, which a group's work holds until it is done: one article
    whose translation and summaries took longer than ``ray.no_progress_timeout_s`` (a long
    page in map-reduce on a CPU) stopped the run as stalled while its model worked on it."""

    def __init__(
        self, ledger: Any, timeout_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ledger = ledger
        self._timeout_s = timeout_s
        self._clock = clock
        self._activity: int | None = None
        self._since = clock()  # when the activity last changed
        self._asked = -_BEAT_S  # when the ledger was last asked

    def check(self) -> None:
        import ray
        from ray.data.exceptions import ExecutionTimeoutError

        now = self._clock()
        if now - self._asked < _BEAT_S:
            return
        self._asked = now
        try:
            activity = int(ray.get(self._ledger.activity.remote(), timeout=_BEAT_S * 5))
        except (ray.exceptions.RayError, TimeoutError) as error:
            logger.debug("the run's ledger did not answer: %s", error)
            activity = self._activity
        if activity != self._activity:
            self._activity, self._since = activity, now
        elif now - self._since >= self._timeout_s:
            raise ExecutionTimeoutError(f"no work for {now - self._since:.0f} s")


# Ray Data's logger of the line that says a dataset's execution ended well.
_EXECUTOR_LOGGER = "ray.data._internal.execution.streaming_executor"


class _FinishedSaidOnceRead(logging.Filter):
    """Holds Ray Data's "✔️  Dataset … execution finished in 9.62 seconds" until the driver has
    read the whole plan, and drops it where the driver stops reading (Ctrl-C, SIGTERM, an
    output folder that takes no more writes): Ray Data says it as it lets the execution go,
    stopped or not, and a stopped run said "execution finished" just before "interrupted".
    Ray Data says it as its last output is made, before the driver reads it: held, it comes
    after the last article's line."""

    def __init__(self) -> None:
        super().__init__()
        self._read = False
        self._held: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if self._read or "execution finished" not in record.getMessage():
            return True
        self._held.append(record)
        return False

    @contextlib.contextmanager
    def attached(self) -> Iterator[None]:
        """On Ray Data's logger while the driver reads the plan's rows in the block: the line
        once the block ends, none where it raises (the stopped execution is let go, and said
        finished, as the exception leaves the loop, within the block)."""
        executor_logger = logging.getLogger(_EXECUTOR_LOGGER)
        executor_logger.addFilter(self)
        try:
            yield
            self._read = True
            for record in self._held:
                executor_logger.handle(record)
        finally:
            executor_logger.removeFilter(self)


def _stall_watch_callback(watch: _StallWatch) -> type | None:
    """A Ray Data execution callback class (Ray Data makes one for each execution) that asks
    ``watch`` at each step; None where Ray Data has no such hook (its watchdog is used then)."""
    try:
        from ray.data._internal.execution.execution_callback import ExecutionCallback
    except ImportError:
        return None
    # An internal of ray 2.60: a Ray Data that calls its steps otherwise would never ask the
    # watch, and with its own watchdog turned off a stalled run would wait for ever.
    if not callable(getattr(ExecutionCallback, "on_execution_step", None)):
        return None

    class _WatchesForStalls(ExecutionCallback):
        def on_execution_step(self, executor: Any) -> None:
            watch.check()

    return _WatchesForStalls


# Stages. Each one is a thin adapter: unpack the group, call the shared stage functions, pack.


def _prepare_group(row: dict[str, Any], context: _Context) -> dict[str, Any]:
    """Read each article, keep current briefs, clean and segment the rest (CPU task)."""
    _enter(context)
    _check_node(context)
    group = _unpack(row[_PAYLOAD])
    watch = _Watch(context, ("prepare",), group.number)
    settled: list[tuple[int, ArticleOutcome]] = []
    ready: list[tuple[_Job, stages.Prepared]] = []
    for job in group.jobs:
        if (crashed := watch.begin(job)) is not None:
            settled.append(crashed)
            continue
        prepared = _prepare_one(job, context)
        watch.end(job)
        if isinstance(prepared, ArticleOutcome):
            settled.append((job.position, prepared))
        else:
            ready.append((job, prepared))
    watch.finished()
    return {_PAYLOAD: _pack(replace(group, settled=tuple(settled), ready=tuple(ready)))}


def _check_node(context: _Context) -> None:
    """:func:`_check_same_settings` in a task: its refusal is the run's error, carried whole."""
    try:
        _check_same_settings(context)
    except ConfigError as error:
        raise _CarriedError(str(error), error) from None


def _prepare_one(job: _Job, context: _Context) -> stages.Prepared | ArticleOutcome:
    """One article read, cleaned and segmented, or its outcome (up to date, failed)."""
    config = context.config
    try:
        article = read_article(job.source, config.input.max_bytes)
    except ArticleError as error:
        _refuse_inputs_not_here(job.source, context)
        return outcome_of_error(job.source, error)
    # The driver's check (outputs.current_record, in RayEngine._settled_before_ray) left
    # this job pending; the same rule is asked again here of the bytes just read, which are
    # the ones cleaned: the source may have changed since the driver hashed it, and a rerun of
    # this task (Ray re-executes one whose output was lost with its worker or node) may find
    # the brief this run already wrote. Either way the brief on disk is kept, not rewritten.
    if not context.force and outputs.brief_is_current(
        job.brief_path, article.sha256, context.fingerprint
    ):
        return ArticleOutcome(job.source, "up-to-date", job.brief_path)
    try:
        return stages.prepare(article, config)
    except ArticleError as error:
        return outcome_of_error(job.source, error)
    except SummarizeError as error:
        # The run's, not the article's (the language identifier's model cannot be read): the
        # local engine's line on the driver, not the worker's traceback in Ray's message.
        raise _CarriedError(str(error), error) from None


def _refuse_inputs_not_here(source: Path, context: _Context) -> None:
    """ConfigError, carried, when the input the driver listed (and read) cannot be there on this
    node: its folder is not, or, for a relative path, the driver's working folder is not (see
    :func:`_enter`). The node does not mount the inputs where the driver does: each article it
    got failed as "cannot read: No such file or directory" while the file lay where the driver
    read it, and every such run did the same. A file gone from a folder that is there (deleted
    since the driver listed it) stays that article's failure alone."""
    import ray

    if os.path.lexists(source):
        return
    if not source.is_absolute() and not os.path.isdir(context.cwd):
        missing = f"the driver's working folder {shown(Path(context.cwd))}"
        advice = "relative input paths are read from it; absolute paths avoid the question"
    elif not source.parent.is_dir():
        missing = f"the input folder {shown(source.parent)}"
        advice = "a filesystem every node mounts"
    else:
        return
    error = ConfigError(
        f"{missing} is not on node {ray.util.get_node_ip_address()}, where {shown(source)} was "
        f"to be read: every node needs the inputs at the driver's path ({advice})"
    )
    raise _CarriedError(str(error), error)


def _load_in_actor(context: _Context, tasks: tuple[Task, ...]) -> dict[Task, LoadedModel]:
    """The local engine's loading code, with this actor's share of the node's CPUs: the
    process is configured once, then each model is loaded."""
    from summarize.models import load_model
    from summarize.process import configure_process

    _enter(context)
    config = context.config
    threads = max(1, int(context.pools.cpus_per_actor))
    plan = configure_process(
        config.runtime.model_copy(update={"threads": threads}), config.uses_torch()
    )
    sections = {"translation": config.translation, "summarization": config.summarization}
    try:
        return {
            task: load_model(
                task, sections[task], config.runtime.models_dir, *plan, config.runtime.model_digests
            )
            for task in tasks
        }
    except _MODEL_PROBLEMS as error:
        # Each node loads its own copy (its folder, its hub cache, its GPU), and a driver may
        # plan with a folder that holds no weights: the local engine's words said what could
        # not load, not where, and the user searched every node of the cluster for it.
        import ray

        raise type(error)(f"{error} (on node {ray.util.get_node_ip_address()})") from None


class _ModelActor:
    """Loads its model(s) once. A model that cannot load is reported at the first batch (as the
    run's error, exit 2) rather than by dying in ``__init__``, which Ray would count as an actor
    crash and, after a lost node, could retry without end."""

    tasks: tuple[Task, ...]

    def __init__(self, context: _Context) -> None:
        import ray

        self._context = context
        self._error: SummarizeError | None = None
        self._beat = _Beat(context.ledger)  # each model batch done, to the stall watchdog
        # Placed, its models load next; the run ends it when it ends (_end_actors).
        context.ledger.placed.remote(ray.get_runtime_context().get_actor_id())
        with warnings.catch_warnings():  # Ray's own property calls a deprecated one of Ray's
            warnings.simplefilter("ignore")
            reconstructed = ray.get_runtime_context().was_current_actor_reconstructed
        if reconstructed:
            context.ledger.restarted.remote()
        try:
            _enter(context)
            _check_same_settings(context)  # the models' code is summarize's too
            loaded = _load_in_actor(context, self.tasks)
            for task in self.tasks:
                _check_same_model(task, loaded[task], context.identities.get(task))
            self._setup(loaded)
        except SummarizeError as error:
            self._error = error
        context.ledger.worked.remote()  # loaded: minutes for a large model

    def _setup(self, loaded: Mapping[Task, LoadedModel]) -> None:
        raise NotImplementedError

    def _work(self, group: _Group) -> _Group:
        raise NotImplementedError

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        import numpy as np

        if self._error is not None:
            raise _CarriedError(str(self._error), self._error)
        done = []
        for payload in batch[_PAYLOAD]:
            group = _unpack(payload)
            watch = _Watch(self._context, self.tasks, group.number)
            done.append(
                _pack(self._work_one_by_one(group, watch) if watch.careful else self._work(group))
            )
            watch.finished()
        return {_PAYLOAD: np.array(done, dtype=object)}

    def _work_one_by_one(self, group: _Group, watch: _Watch) -> _Group:
        """A group whose work killed its worker process too often, one article at a time: the
        one that kills the process alone fails, the others are done."""
        done: list[_Group] = []
        failed: list[tuple[int, ArticleOutcome]] = []
        for index, (job, _) in enumerate(group.ready):
            if (crashed := watch.begin(job)) is not None:
                failed.append(crashed)
                continue
            done.append(self._work(_one_article(group, index)))
            watch.end(job)
        merged = replace(
            group,
            settled=(*group.settled, *failed),
            ready=tuple(item for part in done for item in part.ready),
            bilinguals=tuple(item for part in done for item in part.bilinguals),
            summaries=tuple(item for part in done for item in part.summaries),
        )
        for part in done:
            merged = replace(
                merged,
                models={**merged.models, **part.models},
                generation={**merged.generation, **part.generation},
            )
        return merged


def _one_article(group: _Group, index: int) -> _Group:
    """The ``index``-th article of ``group`` still to be done, as a group of its own."""
    return replace(
        group,
        ready=group.ready[index : index + 1],
        bilinguals=group.bilinguals[index : index + 1],
        summaries=group.summaries[index : index + 1],
    )


# Where the actor's model may differ from the driver's: the resolved device ("auto" is cuda on a
# node with a GPU, cpu on a head without one), which the same weights decode on either way, and
# the folder they were read from (each node's own Hugging Face cache): the weights themselves
# are compared by their snapshot or content digest.
_NODE_OWN = frozenset({"device", "location"})
# A library release's local version label: the build for the node's device, which may differ
# with the device ("torch 2.3.0+cu121" on a GPU node, "2.3.0+cpu" on a head without one).
_LOCAL_VERSION_LABEL = re.compile(r"\+[\w.]+")


def _compared(key: str, value: Any) -> Any:
    """An identity value as the nodes must agree on it: library versions without their builds."""
    if key == "backend_version" and isinstance(value, str):
        return _LOCAL_VERSION_LABEL.sub("", value)
    return value


def _compared_on_nodes(spec: ModelSpec) -> dict[str, Any]:
    """What each actor compares with the model it loads: the driver's identity of it, less the
    weights' digest of a model folder that holds no weights here (a driver may plan a run with
    the tokenizer and config alone; the nodes' weights cannot be compared with its own then)."""
    identity = spec.identity()
    if spec.source.is_local and spec.source.location and not _holds_weights(spec.source.location):
        del identity["weights"]
        logger.info(
            "the %s model folder %s holds no weights on this machine: the nodes' weights are "
            "not compared with the driver's (the run's fingerprint names its tokenizer and "
            "config)",
            spec.task,
            shown(spec.source.location),
        )
    return identity


def _as_on_every_node(described: Mapping[str, Any]) -> dict[str, Any]:
    """A model's description (a brief's record's ``models``) less what its node decides: the
    device, and the build label of its libraries' versions (see :data:`_NODE_OWN`)."""
    return {
        key: _compared("backend_version", value) if key == "libraries" else value
        for key, value in described.items()
        if key != "device"
    }


def _holds_weights(folder: str) -> bool:
    return any(any(Path(folder).glob(pattern)) for pattern in ("*.safetensors", "*.bin"))


def _check_same_model(task: Task, loaded: LoadedModel, expected: Mapping[str, Any] | None) -> None:
    """Refuse a model that is not the one the run's fingerprint names: a node whose Hugging Face
    cache holds another snapshot, or another folder or library version at the same path, wrote
    briefs of other weights under the driver's fingerprint, which a rerun then kept as current."""
    if expected is None:
        return
    # What the driver states is compared (both sides build the identity with the same code):
    # a driver without a model folder's weights leaves their digest out (_compared_on_nodes).
    differs = sorted(
        key
        for key in set(expected) - _NODE_OWN
        if _compared(key, expected[key]) != _compared(key, loaded.identity.get(key))
    )
    if not differs:
        return
    node, shown_keys = _node_and_differences(differs, loaded.identity, expected, ", ")
    raise ConfigError(
        f"the {task} model on node {node} is not the one the driver planned the run with "
        f"({shown_keys}): every node needs the same model files at the same path (or the same "
        "hub snapshot) and the same library versions"
    )


def _node_and_differences(
    keys: Sequence[str], here: Mapping[str, Any], driver: Mapping[str, Any], separator: str
) -> tuple[str, str]:
    """This node's address, and each of ``keys`` as it is here and on the driver."""
    import ray

    shown_keys = separator.join(
        f"{key} {here.get(key)!r} there, {driver.get(key)!r} on the driver" for key in keys
    )
    return ray.util.get_node_ip_address(), shown_keys


# The runs whose settings this worker process found its own (by fingerprint): checked once.
_SETTINGS_CHECKED: set[str] = set()


def _check_same_settings(context: _Context) -> None:
    """Refuse to work on a node whose own code and data would make other briefs than the
    driver's settings say (``stages.run_settings``: summarize's release, its packaged rules,
    the text libraries): a node left on an older release or trafilatura cleaned and rendered
    briefs otherwise, under the driver's fingerprint, and every rerun kept them as current."""
    if context.fingerprint in _SETTINGS_CHECKED:
        return
    here = stages.run_settings(context.config)
    differs = sorted(key for key in set(here) | set(context.settings)
                     if here.get(key) != context.settings.get(key))  # fmt: skip
    if differs:
        node, shown_keys = _node_and_differences(differs, here, context.settings, "; ")
        raise ConfigError(
            f"node {node} does not make the briefs the driver planned the run with "
            f"({shown_keys}): every node needs the same release of summarize and the same "
            "library versions"
        )
    _SETTINGS_CHECKED.add(context.fingerprint)


def _translate(
    translator: Translator, group: _Group, on_batch: Callable[[int], None] | None = None
) -> _Group:
    loaded = translator.loaded
    items = [item for _, item in group.ready]
    bilinguals = stages.translate_articles(translator, items, on_batch=on_batch)
    return replace(
        group,
        bilinguals=tuple(bilinguals),
        models={**group.models, "translation": loaded.describe()},
        generation={**group.generation, "translation": loaded.generation_settings},
    )


def _summarize(summarizer: Summarizer, group: _Group) -> _Group:
    loaded = summarizer.loaded
    sources = [item.article.source for _, item in group.ready]
    summaries = stages.summarize_articles(summarizer, group.bilinguals, sources)
    return replace(
        group,
        summaries=tuple(summaries),
        models={**group.models, "summarization": loaded.describe()},
        generation={**group.generation, "summarization": loaded.generation_settings},
    )


def _translator(context: _Context, loaded: LoadedModel) -> Translator:
    from summarize.translation import Translator

    # No cache: see the module docstring and README ("Running on a cluster").
    return Translator(loaded, context.config.translation, cache=None)


def _summarizer(context: _Context, loaded: LoadedModel) -> Summarizer:
    from summarize.summarization import Summarizer

    return Summarizer(loaded, context.config.summarization, on_batch=_Beat(context.ledger))


class _TranslateActor(_ModelActor):
    tasks: tuple[Task, ...] = ("translation",)

    def _setup(self, loaded: Mapping[Task, LoadedModel]) -> None:
        self._translator = _translator(self._context, loaded["translation"])

    def _work(self, group: _Group) -> _Group:
        return _translate(self._translator, group, self._beat)


class _SummarizeActor(_ModelActor):
    tasks: tuple[Task, ...] = ("summarization",)

    def _setup(self, loaded: Mapping[Task, LoadedModel]) -> None:
        self._summarizer = _summarizer(self._context, loaded["summarization"])

    def _work(self, group: _Group) -> _Group:
        return _summarize(self._summarizer, group)


class _BothModelsActor(_ModelActor):
    """The combined pool: a group's translation, then its summaries, in one actor."""

    tasks: tuple[Task, ...] = ("translation", "summarization")

    def _setup(self, loaded: Mapping[Task, LoadedModel]) -> None:
        self._translator = _translator(self._context, loaded["translation"])
        self._summarizer = _summarizer(self._context, loaded["summarization"])

    def _work(self, group: _Group) -> _Group:
        return _summarize(self._summarizer, _translate(self._translator, group, self._beat))


def _this_runs_brief(job: _Job, sha256: str, context: _Context) -> BriefRecord | None:
    """The record of ``job``'s brief when this run has written it already, whole, from this
    source and with these settings; None otherwise. Without ``--force`` a current brief at this
    step is this run's (the prepare step found none, and the lock keeps other runs out); with
    it, the one there before the run (``brief_before``) is current too, and is replaced."""
    if context.force and _file_stamp(job.brief_path) == job.brief_before:
        return None
    return outputs.current_record(job.brief_path, sha256, context.fingerprint)


def _finish_group(row: dict[str, Any], context: _Context) -> dict[str, Any]:
    """Checks, render and the atomic write of each brief (CPU task): the group's outcomes, each
    with what the index shows of the brief's record (None when it wrote none), so that the
    driver's index does not read the brief again."""
    _enter(context)
    _check_node(context)
    group = _unpack(row[_PAYLOAD])
    watch = _Watch(context, ("finish",), group.number)
    run = stages.RunInfo(
        dict(group.models), dict(group.generation), context.fingerprint, context.settings
    )
    settled: list[tuple[ArticleOutcome, BriefRecord | None]] = [
        (outcome, None) for _, outcome in group.settled
    ]
    for (job, item), bilingual, (summary, seconds) in zip(
        group.ready, group.bilinguals, group.summaries, strict=True
    ):
        if isinstance(summary, ArticleError):
            settled.append((outcome_of_error(job.source, summary), None))
            continue
        if (kept := _this_runs_brief(job, item.article.sha256, context)) is not None:
            # This step run again (its process died, or its node was lost, after the brief was
            # in place): the whole brief is kept. Written anew, it became another file (another
            # record_id and date), and a death between its two files left a pair that no
            # longer belonged together, which counted as no brief.
            written = ArticleOutcome(job.source, "written", job.brief_path)
            settled.append((written, outputs.index_record(kept)))
            continue
        if (crashed := watch.begin(job)) is not None:
            settled.append((crashed[1], None))
            continue
        try:
            brief = stages.finish(item, bilingual, summary, run, seconds)
        except ArticleError as error:
            watch.end(job)
            settled.append((outcome_of_error(job.source, error), None))
            continue
        try:
            record = _write_fenced(job, brief, watch)
        except OutputError as error:  # the folder takes no more writes: the run stops
            raise _CarriedError(str(error), error) from None
        except ArticleError as error:  # a name the folder's file system cannot take
            watch.end(job)
            settled.append((outcome_of_error(job.source, error), None))
            continue
        watch.end(job)
        if record is None:  # the run has stopped: its index is being written without it
            settled.append((ArticleOutcome(job.source, "failed", reason=_NOT_WRITTEN), None))
            continue
        written = ArticleOutcome(job.source, "written", job.brief_path)
        settled.append((written, outputs.index_record(record)))
    watch.finished()
    return {_PAYLOAD: pickle.dumps(settled, protocol=pickle.HIGHEST_PROTOCOL)}


_NOT_WRITTEN = "its brief was not written: the run stopped"


def _write_fenced(job: _Job, brief: Brief, watch: _Watch) -> BriefRecord | None:
    """Write ``job``'s brief inside the run's write fence (:func:`_fence_writes`): its record,
    or None when the run has stopped (nothing written). The fence is left whatever happens,
    also when Ray cancels the task (a simulated Ctrl-C) during the question or the write."""
    try:
        if not watch.may_write(job):
            return None
        return outputs.write_brief(job.brief_path, brief, make_folder=False)
    finally:
        watch.wrote(job)


# What a model actor raises about its model (the driver's own checks passed): the run stops.
_MODEL_PROBLEMS = (ConfigError, ModelLoadError, ModelNotFoundError)

# Ray's colour codes in the messages it builds, and a line of a traceback that names an exception.
_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
_EXCEPTION_LINE = re.compile(r"^\s*((?:\w+\.)*\w+): (\S.*)$", re.MULTILINE)
_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})


def _code_missing_on_node(error: Exception) -> ConfigError | None:
    """The run's error when a worker could not import summarize's code (summarize, or a library
    it needs, not installed on its node: the run's settings and groups are summarize's objects,
    unpickled there), naming the node and the import error; None for any other failure. It was
    Ray's traceback of the task, exit 1, or of an actor's constructor "Ray failed under the run
    (The actor died because of an error raised in its creation task, …)": run the same command
    again."""
    text = _COLOUR.sub("", str(error))
    found = [
        (kind, message)
        for kind, message in _EXCEPTION_LINE.findall(text)
        if kind.endswith(("Error", "Exception"))
    ]
    if not found or found[-1][0].rsplit(".", 1)[-1] not in _IMPORT_ERRORS:
        return None
    kind, message = found[-1]
    node = getattr(error, "ip", None) or (
        where.group(1) if (where := re.search(r"\bip=([\w.:]+)", text)) else "?"
    )
    return ConfigError(
        f"a Ray worker on node {node} cannot import summarize's code ({kind}: {message}): "
        f"every node needs summarize installed, the driver's release with its extras ({RAY_EXTRA})"
    )


class RayEngine:
    """Runs the stages as a Ray Data plan; the same briefs, outcomes and exit codes as
    :class:`summarize.engines.local.Pipeline`."""

    def __init__(self, config: Config, quiet: bool = False) -> None:
        self.config = config
        self.quiet = quiet
        self._resolved: dict[Task, ModelSpec] | None = None

    def close(self) -> None:
        """Nothing to release: the cluster's actors end with each run, and no cache is kept."""

    def fingerprint(self) -> str:
        """The run fingerprint from the models' tokenizers and configs, without weights."""
        specs = self._specs()
        return stages.run_fingerprint(
            self.config, specs["translation"].identity(), specs["summarization"].identity()
        )

    def _specs(self) -> dict[Task, ModelSpec]:
        """Each model as the driver finds it, from its tokenizer and config (once, here: the
        actors check that they loaded the same)."""
        if self._resolved is None:
            self._resolved = self._resolve_specs()
        return self._resolved

    def _resolve_specs(self) -> dict[Task, ModelSpec]:
        from summarize.models import (
            ctranslate2_problem,
            each_found,
            refuse_unreadable_weights,
            resolve_spec,
        )

        config = self.config
        models_dir = config.runtime.models_dir
        digests = config.runtime.model_digests
        # The nodes run the models: a head without a GPU plans a run for nodes with them.
        translation, summarization = each_found(
            [
                functools.partial(
                    resolve_spec, task, settings, models_dir, digests, runs_here=False
                )
                for task, settings in (
                    ("translation", config.translation),
                    ("summarization", config.summarization),
                )
            ]
        )
        # The actors of an instance this run starts load the driver's own folders: one without
        # weights it can read is refused here by its files, as by the local engine. It was said
        # by the first actor, after Ray had started and the summarization model loaded (46 s
        # where the local engine takes 0.1 s). A cluster's nodes may hold the weights a driver
        # planning with the tokenizer and config alone lacks: they say what they cannot load.
        starts_own_instance = _starts_own_instance(config.runtime.ray_address)
        for spec in (translation, summarization):  # here, once: not again in every actor
            if starts_own_instance:
                refuse_unreadable_weights(spec)
            problem = ctranslate2_problem(spec, models_dir)
            if problem is not None:  # before any article, as on the local engine
                raise ConfigError(problem)
            if spec.task_warning is not None:
                logger.warning("%s", spec.task_warning)
        return {"translation": translation, "summarization": summarization}

    def run(
        self,
        paths: stages.InputPaths,
        progress: ProgressListener | None = None,
        force: bool = False,
    ) -> RayRunReport:
        """Write one brief per article and the index, on Ray.

        Usage, config and model errors raise (exit 2) before any article is written, or as soon
        as a worker finds its model missing; a bad article only costs its own brief."""
        require_ray()
        address = self.config.runtime.ray_address
        if address is not None:
            # Before any input is read: the driver reads every article once to settle what
            # needs no model (minutes for thousands on a shared filesystem), and a mistyped
            # address was said only then, the index rewritten as of a run "stopped after: 0
            # written, …". A probe, not Ray's start: nothing is started for current briefs.
            try:
                check_reachable(address)
            except ConnectionError as error:
                raise unreachable(address, error) from None
        progress = progress or SilentProgress()
        folder = self.config.output.folder
        retried: int | None = 0  # nothing ran on Ray: nothing was redone
        restarted: int | None = 0
        stops = (RunStalledError, RayFailedError)
        with brief_run(folder, paths, progress, self.fingerprint, stops) as run:
            jobs = [
                _Job(position, source, brief_path)
                for position, (source, brief_path) in enumerate(run.jobs)
            ]
            # Briefs already current, and sources no article can be read from (empty, unreadable,
            # too large), are settled here: a resume with nothing (or little) to do starts no
            # Ray instance and loads no model for them.
            for _, outcome, record in self._settled_before_ray(jobs, run.fingerprint, force):
                run.settle(outcome, record)
                progress.article_started(outcome.source)
                progress.article_finished(outcome)
            _refuse_replacing(jobs, run, progress)
            pending = [job for job in jobs if job.source not in run.settled]
            # The briefs on disk before Ray starts: a run stopped midway counts those it wrote
            # (a group's outcomes reach the driver only when its last brief is written), and a
            # step that Ray runs again keeps them (_this_runs_brief).
            before = {job.position: _file_stamp(job.brief_path) for job in pending}
            size = self.config.ray.articles_per_batch or self.config.runtime.articles_per_batch
            stamped = [replace(job, brief_before=before.get(job.position)) for job in jobs]
            groups = _groups(stamped, run.settled, size)
            try:
                if groups:
                    address = self.config.runtime.ray_address
                    with _failures_of_ray(), ray_session(address, self.quiet) as local:
                        expected = {
                            task: _compared_on_nodes(spec) for task, spec in self._specs().items()
                        }
                        retried, restarted = self._execute(
                            groups, run, force, progress, local, expected, before
                        )
                # A group Ray ran again (its outcomes lost with a node) found the briefs it
                # had written current: written by this run, not up to date before it.
                for outcome, record in _written_in_this_run(pending, run, before):
                    run.settle(outcome, record)
            except (KeyboardInterrupt, OutputError, RunStalledError, RayFailedError) as stop:
                _settle_stopped(run, pending, before)
                # What this run wrote, as the index says.
                written = sum(1 for o in run.settled.values() if o.status == "written")
                if isinstance(stop, RunStalledError):
                    raise RunStalledError(
                        stop.timeout_s, written, stop.under_way, stop.batches_counted, stop.lost
                    ) from None
                if isinstance(stop, RayFailedError):
                    raise RayFailedError(stop.reason, written) from None
                raise
            except _MODEL_PROBLEMS as problem:
                # A node that cannot load a model (no GPU for 'cuda', another snapshot, its
                # folder gone) after other actors wrote briefs: those are complete. The index
                # listed only the groups whose outcomes had reached the driver, and the message
                # did not say any were kept.
                _settle_stopped(run, pending, before)
                written = sum(1 for o in run.settled.values() if o.status == "written")
                if not written:
                    raise
                raise type(problem)(
                    f"{problem} ({written} brief(s) were finished before it and are kept)"
                ) from None
            except BaseException as error:
                # Any other end (a defect of ours or a library's, a Rust panic too): the briefs
                # written so far are complete, and brief_run's index lists them (it listed only
                # the groups whose outcomes had reached the driver; in a new folder, none).
                # SystemExit and the like pass as they are (is_article_defect).
                if is_article_defect(error):
                    _settle_stopped(run, pending, before)
                raise
            # A writer killed with its node leaves its temp file; every writer is done now.
            outputs.remove_stale_temp_files(folder)
        return RayRunReport(
            run.outcomes(), run.index_path, retried, restarted, started=bool(groups)
        )

    def _settled_before_ray(
        self, jobs: list[_Job], fingerprint: str, force: bool
    ) -> Iterator[tuple[_Job, ArticleOutcome, BriefRecord | None]]:
        """The jobs settled from their source's bytes alone, each read once, as they are
        found: a brief that matches them and this run's settings (up to date, unless
        ``force``; with its record), or a source that holds no article (empty, only white
        space, unreadable, over input.max_bytes: failed, in the words a worker would use). A
        rerun whose only new inputs were such files started a Ray instance and loaded both
        models for nothing. What is not a regular file (a FIFO would block the read) is left to
        the run to report. A current brief names where its source is now
        (outputs.keep_current)."""
        max_bytes = self.config.input.max_bytes
        said: set[str] = set()  # the fingerprints of briefs said to be redone for them
        for job in jobs:
            if not job.source.is_file():
                continue
            try:
                raw = read_source_bytes(job.source, max_bytes)
            except ArticleError as error:
                # As the local engine says it: a brief that would replace what is not its own
                # first, then the source.
                if problem := outputs.replacing_what(job.brief_path, job.source):
                    yield job, ArticleOutcome(job.source, "failed", reason=problem), None
                else:
                    yield job, outcome_of_error(job.source, error), None
                continue
            sha256 = hashlib.sha256(raw).hexdigest()
            record = None if force else outputs.current_record(job.brief_path, sha256, fingerprint)
            if record is None and not force:
                # Not compared: the parts of a model's description that may differ from
                # node to node (the driver may plan for GPUs it lacks).
                stages.say_if_settings_changed(
                    self.config,
                    job.brief_path,
                    job.source,
                    fingerprint,
                    said,
                    self._specs,
                    comparable=_as_on_every_node,
                )
            if record is not None:
                try:
                    record = outputs.keep_current(job.brief_path, record, job.source)
                except ArticleError as error:  # its new place is a name too long to write
                    yield job, outcome_of_error(job.source, error), None
                    continue
                yield job, ArticleOutcome(job.source, "up-to-date", job.brief_path), record

    def _execute(
        self,
        groups: list[_Group],
        run: FolderRun,
        force: bool,
        progress: ProgressListener,
        local: bool = False,
        identities: Mapping[str, Mapping[str, Any]] | None = None,
        before: Mapping[int, tuple[int, int, int] | None] | None = None,
    ) -> tuple[int | None, int | None]:
        """Run ``groups`` on the connected Ray, settling each article on ``run`` as its outcome
        comes (what a run stopped midway has done), with the record of each brief written;
        returns what Ray redid (retried, restarted). ``local``: on an instance this run
        started, which will never grow a node. ``identities``: the models' identities behind
        the run's fingerprint, which the actors check. ``before``: each job's brief as it stood
        before the run (:func:`_file_stamp`), to tell the briefs this run wrote."""
        import ray
        from ray.data.exceptions import ExecutionTimeoutError
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        pools = _pool_shape(self.config.ray)
        _check_room(pools, local, self.config.ray.no_progress_timeout_s)
        _check_gpu_room(self.config, pools, local)
        driver_node = ray.get_runtime_context().get_node_id()
        ledger = (
            ray.remote(_RunLedger)
            .options(
                num_cpus=0,
                scheduling_strategy=NodeAffinitySchedulingStrategy(driver_node, soft=False),
            )
            .remote((_GROUP_DEATHS, _ARTICLE_DEATHS), _NODE_LOSSES)
        )
        logger.info(
            "Ray: %s, %g CPU(s) per actor",
            "one pool of actors holding both models" if pools.combined else "a pool per model",
            pools.cpus_per_actor,
        )
        deaths = (_GROUP_DEATHS, _ARTICLE_DEATHS)
        settings = stages.run_settings(self.config)
        context = _Context(
            self.config, run.fingerprint, settings, force, os.getcwd(), ledger, pools, deaths,
            identities or {}, logger.getEffectiveLevel(),
        )  # fmt: skip
        _warn_if_tight(self.config.ray, pools)
        _warn_if_threads_unused(self.config.runtime, pools)
        dataset = self._plan(groups, context)
        timeout = self.config.ray.no_progress_timeout_s
        checkpoints = Checkpoints()
        jobs = {job.source: job for group in groups for job in group.jobs}
        try:
            with _FinishedSaidOnceRead().attached():
                for row in dataset.iter_rows():
                    for said, record_said in pickle.loads(row[_PAYLOAD]):
                        outcome, record = _as_this_run_left_it(
                            said, record_said, jobs.get(said.source), run, before or {}
                        )
                        run.settle(outcome, record)
                        # The driver learns of an article when it is done: its "[n/N]" line of a
                        # logged run comes then (locally, when it starts).
                        progress.article_started(outcome.source)
                        progress.article_finished(outcome)
                    checkpoints.write_when_due(run)
            totals = _totals(ledger)
        except ExecutionTimeoutError:
            # The briefs written are counted once the run has looked at the folder (a group's
            # outcomes reach the driver only after its last brief is written).
            # Model batches count only where the run's own watch replaced Ray Data's (_plan).
            batches_counted = dataset.context.execution_no_progress_timeout_s < 0
            under_way, lost = _under_way(ledger, groups)
            raise RunStalledError(timeout, 0, under_way, batches_counted, lost) from None
        except ray.exceptions.RayTaskError as error:
            carried = error.cause
            if isinstance(carried, _CarriedError) and carried.error is not None:
                raise carried.error from None
            if (missing := _code_missing_on_node(error)) is not None:
                raise missing from None
            raise
        except ray.exceptions.RayActorError as error:
            # A model actor that died in its constructor, where Ray Data gives up after a few.
            if error.actor_init_failed and (missing := _code_missing_on_node(error)) is not None:
                raise missing from None
            raise
        finally:
            try:
                _fence_writes(ledger, {job.position: job for job in jobs.values()})
            finally:
                _end_actors(ledger)
        return totals

    def _plan(self, groups: list[_Group], context: _Context) -> Any:
        """The Ray Data plan: prepare → translate (actor pool) → summarize (actor pool) →
        finish; one group per block and per model call."""
        import ray
        from ray.data import TaskPoolStrategy

        settings = self.config.ray
        cpus = ray.cluster_resources().get("CPU", 1.0)
        # Reading, cleaning, checks and writing are light next to the models: they reserve no
        # CPU, so they never wait behind the actors (which could leave no room after a node is
        # lost), and they run at most one per CPU of the cluster.
        tasks = TaskPoolStrategy(size=max(1, min(int(cpus), len(groups))))
        rows = [{_PAYLOAD: _pack(group)} for group in groups]
        dataset = ray.data.from_items(rows, override_num_blocks=len(rows)).map(
            _prepare_group, fn_kwargs={"context": context}, num_cpus=0, compute=tasks
        )
        if context.pools.combined:
            dataset = dataset.map_batches(_BothModelsActor, **self._actor_pool(None, context))
        else:
            dataset = dataset.map_batches(
                _TranslateActor, **self._actor_pool("translation", context)
            ).map_batches(_SummarizeActor, **self._actor_pool("summarization", context))
        dataset = dataset.map(
            _finish_group, fn_kwargs={"context": context}, num_cpus=0, compute=tasks
        )
        data_context = dataset.context
        watching = _stall_watch_callback(
            _StallWatch(context.ledger, settings.no_progress_timeout_s)
        )
        # Both are Ray Data's internals (ray 2.60): without them, Ray Data's own watchdog.
        if watching is not None and hasattr(data_context, "custom_execution_callback_classes"):
            data_context.execution_no_progress_timeout_s = -1
            data_context.custom_execution_callback_classes = [
                *data_context.custom_execution_callback_classes,
                watching,
            ]
        else:
            data_context.execution_no_progress_timeout_s = settings.no_progress_timeout_s
        data_context.max_errored_blocks = 0  # a block that fails for good fails the run
        data_context.raise_original_map_exception = True  # our errors reach the driver whole
        # A crash while loading (not a missing model: that is reported, not raised) may be a
        # lost node; a few in a row mean the actor cannot start at all.
        data_context.max_consecutive_actor_init_deaths = 3
        data_context.enable_progress_bars = False  # the command line shows its own progress
        data_context.print_on_execution_start = not self.quiet
        return dataset

    def _actor_pool(self, task: Task | None, context: _Context) -> dict[str, Any]:
        """``map_batches`` arguments of one autoscaling actor pool (one group a call): a
        model's pool, or with ``task=None`` the combined pool (sized by the larger bounds)."""
        import ray
        from ray.data import ActorPoolStrategy

        ray_settings = self.config.ray
        tasks: tuple[Task, ...] = ("translation", "summarization") if task is None else (task,)
        device_sections = [
            self.config.translation if name == "translation" else self.config.summarization
            for name in tasks
        ]
        has_gpus = ray.cluster_resources().get("GPU", 0.0) > 0
        gpus = [
            _gpus(section.device, ray_settings.gpus_per_actor, has_gpus)
            for section in device_sections
        ]
        return {
            "batch_size": 1,
            "fn_constructor_kwargs": {"context": context},
            "compute": ActorPoolStrategy(
                min_size=max(getattr(ray_settings, f"{name}_min_actors") for name in tasks),
                max_size=max(getattr(ray_settings, f"{name}_max_actors") for name in tasks),
            ),
            "num_cpus": context.pools.cpus_per_actor,
            "num_gpus": max((g for g in gpus if g is not None), default=None),
        }


def _totals(ledger: Any) -> tuple[int | None, int | None]:
    """What Ray redid (retried, restarted), as the run's ledger counted it; None when lost."""
    import ray

    try:
        retried, restarted = ray.get(ledger.totals.remote(), timeout=30)
    except (ray.exceptions.RayError, TimeoutError) as error:
        logger.debug("the run's ledger is lost, retries not counted: %s", error)
        return None, None
    return retried, restarted


# How long a stopped run waits for the briefs being written as it stopped (a write is a few
# milliseconds; a stalled file system may hold one for ever).
_WRITE_FENCE_S = 10.0
# How often the fence looks whether a writer's node or process is gone (each look asks Ray's
# GCS, about a millisecond).
_FENCE_LOOK_S = 0.25


def _fence_writes(ledger: Any, jobs: Mapping[int, _Job], wait_s: float | None = None) -> None:
    """No brief is written after this, as the run ends (stopped or not): the run's ledger lets
    no write begin any more (:meth:`_Watch.may_write`), and those under way are waited for, up to
    ``wait_s`` (``_WRITE_FENCE_S``), or until their node has left the cluster or their process
    has died (:func:`_dead_writers`). A stopped run
    lists the briefs it finds written then (:func:`_settle_stopped`); before, a writer went on
    after it and wrote a whole brief that was on the disk and not in the index: Ray Data
    cancels its tasks as the driver stops reading without waiting for them (a simulated Ctrl-C
    reaches a worker when it next runs Python code, and on a cluster workers outlive the
    driver's leaving it for a while). The writes are waited for rather than their processes
    killed: a kill may fall between a brief's two files. Where the wait runs out, a warning
    names the briefs that may still appear. A ledger that does not answer fences no write
    (:meth:`_Watch.may_write`)."""
    import ray

    wait_s = _WRITE_FENCE_S if wait_s is None else wait_s
    start = time.monotonic()
    deadline = start + wait_s
    try:
        writing = ray.get(ledger.close.remote(), timeout=wait_s)
    except (ray.exceptions.RayError, TimeoutError) as error:
        logger.debug("the run's ledger did not answer, so no write is fenced: %s", error)
        return
    looked = start
    gcs_answers = True  # a GCS that did not answer a look is not asked again
    try:
        while writing and (now := time.monotonic()) < deadline:
            time.sleep(0.01)
            writing = ray.get(ledger.writing.remote(), timeout=max(0.1, deadline - now))
            if writing and gcs_answers and now - looked > _FENCE_LOOK_S:
                looked = now
                # A process killed outright (SIGKILL, for memory) never says its write is over.
                writers = ray.get(ledger.writers.remote(), timeout=max(0.1, deadline - now))
                try:
                    dead = _within(deadline - time.monotonic(), _dead_writers, writers)
                    # A lost node takes its writers with it.
                    nodes = _within(deadline - time.monotonic(), ray.nodes)
                except TimeoutError as error:
                    logger.debug("Ray's GCS did not answer the write fence: %s", error)
                    gcs_answers = False
                    continue
                if dead:
                    ray.get(ledger.died.remote(dead), timeout=max(0.1, deadline - now))
                    writing = ray.get(ledger.writing.remote(), timeout=max(0.1, deadline - now))
                alive = {str(node["NodeID"]) for node in nodes if node.get("Alive")}
                writing = [(at, node) for at, node in writing if node is None or node in alive]
    except (ray.exceptions.RayError, TimeoutError) as error:  # those under way stay unknown
        logger.debug("the run's ledger did not answer: %s", error)
    logger.debug("write fence: %.3f s", time.monotonic() - start)
    if writing:
        named = [jobs[at] for at, _ in writing if at in jobs]
        logger.warning(
            "%d brief(s) still being written as the run ended, after %g s: %s; each may still "
            "appear, whole, without being in the index (a rerun finds it current)",
            len(writing),
            wait_s,
            _some_articles(named),
        )


def _within(seconds: float, ask: Callable[..., Any], *args: Any) -> Any:
    """``ask(*args)``'s answer, or TimeoutError where it has none within ``seconds`` (at least
    0.1 s; the call is left to end in a daemon thread). Ray's GCS calls (``ray.nodes()``, its
    worker table) wait for the GCS without a limit: with the GCS held stopped, a look of the
    write fence was still waiting after 25 s, and the fence with it, past its bound."""
    answer: list[Any] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(ask(*args))
        except BaseException as error:  # raised in the caller's thread below
            failed.append(error)

    thread = threading.Thread(target=run, name="summarize-fence-look", daemon=True)
    thread.start()
    thread.join(max(0.1, seconds))
    if thread.is_alive():
        raise TimeoutError(f"no answer within {max(0.1, seconds):.1f} s")
    if failed:
        raise failed[0]
    return answer[0]


def _dead_writers(writers: Sequence[tuple[str, int | None, str | None]]) -> list[str]:
    """The worker ids of ``writers`` (worker id, pid, node) whose process Ray's GCS says has
    died (its worker table notes a worker's death as its raylet sees its process go, within a
    fraction of a second of a SIGKILL). Where the GCS does not say (a Ray whose internals have
    changed), a writer on this node whose pid is gone has died; else none is known dead, and the
    fence waits for its write as before."""
    import ray

    try:
        from ray.core.generated import gcs_pb2

        accessor = ray._private.state.state._connect_and_get_accessor()
    except Exception as error:  # Ray's internals have changed
        logger.debug("Ray's worker table cannot be read: %s", error)
        accessor = None
    here = _this_node()
    dead = []
    for worker, pid, node in writers:
        alive: bool | None = None
        if accessor is not None:
            try:
                found = accessor.get_worker_info(ray.WorkerID.from_hex(worker))
                if found is not None:
                    alive = bool(gcs_pb2.WorkerTableData.FromString(found).is_alive)
            except Exception as error:
                logger.debug("Ray's worker table does not say of %s: %s", worker, error)
        if alive is None and pid is not None and node is not None and node == here:
            alive = _process_exists(pid)
        if alive is False:
            dead.append(worker)
    return dead


def _process_exists(pid: int) -> bool:
    """Whether a process ``pid`` exists on this machine (one that cannot be signalled does)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's, or a system that cannot tell: taken as there
        return True
    return True


def _end_actors(ledger: Any) -> None:
    """Ends the run's model actors as the run ends, stopped or not. Ray Data
    only drops its handles to the actors, and Ray lets an actor without a handle finish the
    work it has begun (ray-project/ray#24711): an actor of a run stopped by an error, or by a
    batch that hangs, kept its CPUs (and GPUs) for that batch, minutes or for ever, and the
    next run in the same process (or on the same cluster) found no room for an actor."""
    import ray

    try:
        actors = ray.get(ledger.actors.remote(), timeout=30)
    except (ray.exceptions.RayError, TimeoutError) as error:
        logger.debug("the run's ledger is lost, its actors are left to Ray: %s", error)
        actors = []
    # ray.kill takes a handle, which Ray Data keeps to itself; this is what it calls.
    core_worker = getattr(ray._private.worker.global_worker, "core_worker", None)
    kill_actor = getattr(core_worker, "kill_actor", None)
    for actor in actors if kill_actor is not None else ():
        try:
            kill_actor(ray.ActorID.from_hex(actor), True)  # no restart
        except Exception as error:  # gone already, or Ray's internals have changed
            logger.debug("the run's actor %s was not ended: %s", actor, error)


def _under_way(ledger: Any, groups: Sequence[_Group]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The work the run's ledger has begun and not done, as "stage: article, …" (the articles of
    each group): that on the nodes still in the cluster, and that lost with a node that left
    it (a run that stalls after it, its actor without room to start again elsewhere, named it
    as work under way: raise the timeout, or a worker hangs); none when the ledger does not
    answer."""
    import ray

    try:
        alive = [str(node["NodeID"]) for node in ray.nodes() if node.get("Alive")]
        begun, lost = ray.get(ledger.under_way.remote(alive), timeout=10)
    except (ray.exceptions.RayError, TimeoutError) as error:
        logger.debug("the run's ledger did not answer: %s", error)
        return (), ()
    by_number = {group.number: group for group in groups}

    def named(units: list[tuple[str, int]]) -> tuple[str, ...]:
        return tuple(
            f"{stage}: {_some_articles(by_number[number].jobs)}"
            for stage, number in units
            if number in by_number
        )

    return named(begun), named(lost)


def _some_articles(jobs: Sequence[_Job], most: int = 5) -> str:
    """The articles of ``jobs``, the first ``most`` of a larger group named: a line, not a page."""
    named = ", ".join(shown(job.source) for job in jobs[:most])
    return named if len(jobs) <= most else f"{named} and {len(jobs) - most} more"


def _file_stamp(path: Path) -> tuple[int, int, int] | None:
    """Which file stands at ``path`` (inode, modification time, size), or None when none: every
    write of a brief renames a new file into place, so a rewrite changes its stamp."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_ino, status.st_mtime_ns, status.st_size)


def _groups(jobs: Sequence[_Job], settled: Container[Path], size: int) -> list[_Group]:
    """The local engine's batches: the run's jobs in slices of ``size``, less those ``settled``
    (grouped from the pending alone, one empty file first shifted every later group, and a
    batch-dependent setting such as torch int8 could word sentences otherwise)."""
    slices = (jobs[start : start + size] for start in range(0, len(jobs), size))
    left = (tuple(job for job in part if job.source not in settled) for part in slices)
    return [_Group(number, part) for number, part in enumerate(part for part in left if part)]


def _refuse_replacing(jobs: list[_Job], run: FolderRun, progress: ProgressListener) -> None:
    """Settles, as failed, each job whose brief would replace what is not its own to replace."""
    for job in jobs:
        if job.source in run.settled:
            continue
        if problem := outputs.replacing_what(job.brief_path, job.source):
            refused = ArticleOutcome(job.source, "failed", reason=problem)
            run.settle(refused)
            progress.article_started(refused.source)
            progress.article_finished(refused)


def _settle_stopped(
    run: FolderRun, pending: list[_Job], before: Mapping[int, tuple[int, int, int] | None]
) -> None:
    """A stopped run's briefs: those written so far are complete, and the stopped run's index
    (brief_run's) lists them, counting the briefs of groups still under way."""
    for outcome, record in _written_in_this_run(pending, run, before):
        run.settle(outcome, record)
    with contextlib.suppress(OSError):
        outputs.remove_stale_temp_files(run.folder)  # of writers Ray stopped mid-write


def _written_in_this_run(
    jobs: list[_Job],
    run: FolderRun,
    before: Mapping[int, tuple[int, int, int] | None],
) -> list[tuple[ArticleOutcome, BriefRecord]]:
    """The briefs of ``jobs`` that ``run`` wrote, not yet settled as written, with their
    records: not settled at all (a run stopped midway), found current by a group that Ray
    ran again, or failed by a later attempt (a process killed after the brief's atomic write,
    before it said so, until the article's deaths were spent: the brief is whole); a different
    file than before the run (the lock keeps other runs out), whose record and Markdown belong
    together and carry this run's fingerprint."""
    written: list[tuple[ArticleOutcome, BriefRecord]] = []
    for job in jobs:
        settled = run.settled.get(job.source)
        if settled is not None and settled.status == "written":
            continue
        if _file_stamp(job.brief_path) == before.get(job.position):
            continue
        record = outputs.read_brief_record(job.brief_path)
        if record is not None and record.fingerprint == run.fingerprint:
            written.append((ArticleOutcome(job.source, "written", job.brief_path), record))
    return written


def _as_this_run_left_it(
    outcome: ArticleOutcome,
    record: BriefRecord | None,
    job: _Job | None,
    run: FolderRun,
    before: Mapping[int, tuple[int, int, int] | None],
) -> tuple[ArticleOutcome, BriefRecord | None]:
    """A worker's outcome of ``job``, "written" where this run wrote its brief whole
    (:func:`_written_in_this_run`): a group Ray ran again from its first step, after a node
    took its outcomes, finds the briefs of its first attempt current. Settled as the workers
    said it until the run's end, the log said "up to date: out/a.md" of a brief the summary
    line then counted as written, and the index written every 30 s counted it up to date."""
    if job is None or outcome.status == "written":
        return outcome, record
    found = _written_in_this_run([job], run, before)
    return found[0] if found else (outcome, record)


def _starts_own_instance(address: str | None) -> bool:
    """Whether a run starts a Ray instance of its own on this machine (as ``ray_session`` does:
    no address, or Ray's word ``local``, and no connection the caller made)."""
    import ray

    return address in (None, "local") and not ray.is_initialized()


def _pool_shape(settings: RaySettings) -> _PoolShape:
    """``ray.model_pools`` and ``ray.cpus_per_actor`` resolved against the cluster: on one node
    the two pools would only take turns on the same cores, so ``auto`` combines them there and
    gives the one actor the node's CPUs, as the local engine uses them."""
    import ray

    alive = [node for node in ray.nodes() if node.get("Alive")]
    cpu_nodes = [node for node in alive if node["Resources"].get("CPU", 0.0) > 0]
    one_node = len(cpu_nodes) == 1
    combined = settings.model_pools == "combined" or (settings.model_pools == "auto" and one_node)
    if settings.cpus_per_actor is not None:
        cpus = settings.cpus_per_actor
    elif combined and one_node:
        cpus = cpu_nodes[0]["Resources"]["CPU"]
    else:
        cpus = 1.0
    return _PoolShape(combined, cpus)


def _gpus(device: str, gpus_per_actor: float, cluster_has_gpus: bool) -> float | None:
    """``device = "cuda"`` asks Ray for GPUs, and so does ``"auto"`` (the default) on a cluster
    with GPUs: an actor that asks for none still sees every GPU of its node (Ray leaves
    CUDA_VISIBLE_DEVICES alone then), and "auto" put each one on the first GPU, unreserved, as
    many actors as the node had CPUs for, while its other GPUs stayed idle. Anything else runs
    where Ray gave none."""
    asks = device == "cuda" or (device == "auto" and cluster_has_gpus)
    return gpus_per_actor if asks and gpus_per_actor > 0 else None


def _stall_end(timeout_s: float, *, would: bool = False) -> str:
    """How a run ends that no actor can serve: after ``ray.no_progress_timeout_s``, or with
    ``inf`` never (the warnings said "the run stops after ray.no_progress_timeout_s" there too,
    where it waits for good)."""
    if math.isinf(timeout_s):
        verb = "would wait" if would else "waits"
        return f"the run {verb} for good (ray.no_progress_timeout_s = inf)"
    verb = "would stop" if would else "stops"
    return f"the run {verb} after ray.no_progress_timeout_s ({timeout_s:g} s)"


def _check_room(pools: _PoolShape, local: bool, timeout_s: float) -> None:
    """An actor larger than every node never starts, and the run would wait for
    ``ray.no_progress_timeout_s`` to say so: refuse at once on an instance this run started
    (it never grows), and warn on a cluster (its autoscaler may still add such a node)."""
    import ray

    largest = max(
        (node["Resources"].get("CPU", 0.0) for node in ray.nodes() if node.get("Alive")),
        default=0.0,
    )
    if pools.cpus_per_actor <= largest:
        return
    message = (
        f"ray.cpus_per_actor = {pools.cpus_per_actor:g}, but the largest node has "
        f"{largest:g} CPU(s): no model actor can start"
    )
    if local:
        raise ConfigError(f"{message} on this machine; lower ray.cpus_per_actor")
    logger.warning(
        "%s unless the cluster adds a larger node; otherwise %s", message, _stall_end(timeout_s)
    )


def _check_gpu_room(config: Config, pools: _PoolShape, local: bool) -> None:
    """The GPUs a model actor asks for (``device = "cuda"``, or "auto" on a cluster with GPUs)
    that no node has beside the actor's CPUs: as :func:`_check_room`, refused on an instance
    this run started and warned of on a cluster. The driver does not look for a GPU of its own
    (a head often has none), so this is where ``cuda`` without any GPU is said."""
    import ray

    alive = [node["Resources"] for node in ray.nodes() if node.get("Alive")]
    # One node must hold both: 16 CPUs on one and a GPU on another start no actor of 8 CPUs.
    roomy = [resources for resources in alive if resources.get("CPU", 0.0) >= pools.cpus_per_actor]
    largest = max((resources.get("GPU", 0.0) for resources in roomy), default=0.0)
    has_gpus = ray.cluster_resources().get("GPU", 0.0) > 0
    for task in ("translation", "summarization"):
        device = getattr(config, task).device
        asked = _gpus(device, config.ray.gpus_per_actor, has_gpus)
        if device == "cuda" and not has_gpus:
            message = f"{task}.device = 'cuda', but no node of the cluster has a GPU"
            advice = f"use 'auto' or 'cpu' for {task}.device"
        elif asked is not None and asked > largest:
            message = (
                f"ray.gpus_per_actor = {asked:g}, but a node with the actor's "
                f"{pools.cpus_per_actor:g} CPU(s) has at most {largest:g} GPU(s): no {task} "
                "actor can start"
            )
            advice = "lower ray.gpus_per_actor"
        else:
            continue
        if local:
            raise ConfigError(f"{message} (the Ray instance this run started); {advice}")
        logger.warning(
            "%s unless the cluster adds one; otherwise %s",
            message,
            _stall_end(config.ray.no_progress_timeout_s),
        )


def _warn_if_threads_unused(runtime: RuntimeSettings, pools: _PoolShape) -> None:
    """``runtime.threads`` bounds the local engine's threads; an actor's are its
    ``ray.cpus_per_actor``: a user who set ``threads = 1`` to spare a shared machine got every
    core of it on Ray, without a word."""
    threads = max(1, int(pools.cpus_per_actor))
    if runtime.threads and runtime.threads != threads:
        logger.warning(
            "runtime.threads = %d is not used by the Ray engine: each actor runs on its "
            "ray.cpus_per_actor (%g) CPU(s); set ray.cpus_per_actor to bound them",
            runtime.threads,
            pools.cpus_per_actor,
        )


def _warn_if_tight(settings: RaySettings, pools: _PoolShape) -> None:
    """A pool whose actors cannot restart after a node is lost stalls the run: say so up front.
    An actor takes all its CPUs on one node, so each node left holds as many whole actors as
    its CPUs allow: summed as CPUs, four one-CPU nodes held the minimum of two actors of two
    CPUs, and the warning was not given."""
    import ray

    if pools.combined:
        actors = max(settings.translation_min_actors, settings.summarization_min_actors)
    else:
        actors = settings.translation_min_actors + settings.summarization_min_actors
    # Nodes without CPUs hold no actor: a head started with --num-cpus=0 beside one worker
    # node made the warning come on every run, though a cluster of one node with CPUs has
    # nothing to keep when it loses that node (as a local instance, which is never warned of),
    # and lowering ray.cpus_per_actor, as it advised, could never help.
    cpus_of_nodes = (node["Resources"].get("CPU", 0.0) for node in ray.nodes() if node.get("Alive"))
    per_node = sorted(cpus for cpus in cpus_of_nodes if cpus > 0)
    # Ray counts CPUs in units of 0.0001: a share that divides a node's CPUs fits whole.
    left = sum(int(cpus / pools.cpus_per_actor + 1e-6) for cpus in per_node[:-1])
    if len(per_node) > 1 and left < actors:
        logger.warning(
            "if the largest node is lost, the other nodes (%g CPU(s)) hold no more than %d of "
            "the actor pools' minimum of %d actor(s) of %g CPU(s): %s; lower "
            "ray.cpus_per_actor or add nodes",
            sum(per_node[:-1]),
            left,
            actors,
            pools.cpus_per_actor,
            _stall_end(settings.no_progress_timeout_s, would=True),
        )
