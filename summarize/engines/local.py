"""The local engine: the stages composed in this process.

``Pipeline`` loads each model once and then turns articles into briefs, a batch of articles
(``runtime.articles_per_batch``) at a time: the batch's sentences are translated together and its
summaries share model batches, so generation steps are paid per batch, not per article. One
article failing (unreadable, nothing left to translate) never costs the others their briefs.

Start-up: both models' tokenizers and configs are read first (what the run's fingerprint needs,
and where a missing model or bad setting shows); when some article needs a brief, the weights
load in the background while the articles are cleaned and segmented, and each stage waits only
for the model it uses. A run whose briefs are all current loads no weights, nor does one whose
every sentence is in the translation cache load the translator's (a rerun after a change to
the summarization settings).
"""

from __future__ import annotations

import copy
import functools
import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize import identities, outputs, stages
from summarize.cache import TranslationCache, default_cache_dir
from summarize.config import MOST_THREADS, MOST_WORKERS, Config, ModelSettings
from summarize.engines.common import Checkpoints, FolderRun, brief_run
from summarize.errors import ArticleError, ConfigError
from summarize.ingest import Article, read_article
from summarize.models import (
    LoadedModel,
    ModelSpec,
    Task,
    conversion_target,
    ctranslate2_problem,
    each_found,
    half_precision_problem,
    load_weights,
    refuse_unreadable_weights,
    resolve_spec,
    without_weights,
)
from summarize.process import ThreadPlan, plan_threads
from summarize.record import BriefRecord
from summarize.report import (
    ArticleOutcome,
    ProgressListener,
    RunReport,
    SilentProgress,
    outcome_of_error,
    reason_naming,
)
from summarize.signals import stop_signals_held

if TYPE_CHECKING:
    from summarize.render import Brief
    from summarize.summarization import Summarizer
    from summarize.translation import Translator

logger = logging.getLogger("summarize")


def translation_cache_folder(config: Config) -> Path | None:
    """Where a pipeline of ``config`` keeps its translation cache; None when it keeps none.

    As the config has it: its paths' leading ``~`` is read when it is loaded, and what is left
    names a folder here (``output.folder = "./~backup"``: the cache went into the home of the
    user 'backup', the briefs into the folder ``~backup``)."""
    if not config.runtime.cache:
        return None
    return config.runtime.cache_dir or default_cache_dir(config.output.folder)


def checked_thread_plan(threads: ThreadPlan) -> ThreadPlan:
    """A thread plan given in code, checked as runtime.threads and runtime.workers are: a
    ThreadPlan of 0 workers (0 is the config's "default") divided by zero once the models had
    loaded, a traceback mid-run. Raises ConfigError before any work, also for no pair at all
    (``threads=4``: "cannot unpack non-iterable int object")."""
    try:
        per_worker, workers = threads
    except (TypeError, ValueError):
        per_worker = workers = None
    if not all(
        isinstance(count, int) and not isinstance(count, bool) and 1 <= count <= most
        for count, most in ((per_worker, MOST_THREADS), (workers, MOST_WORKERS))
    ):
        # Shown as written: (1, 0), not ThreadPlan(threads_per_worker=1, workers=0).
        plan = tuple(threads) if isinstance(threads, tuple) else threads
        raise ConfigError(
            f"threads={plan!r}: a thread plan is (threads_per_worker, workers), whole "
            f"numbers from 1 to {MOST_THREADS} and from 1 to {MOST_WORKERS}; for the default "
            "leave it out (runtime.threads and runtime.workers = 0)"
        )
    return ThreadPlan(per_worker, workers)


_TASKS: tuple[Task, Task] = ("translation", "summarization")


def remembered_identities(config: Config) -> list[dict[str, Any]] | None:
    """Both models' remembered entries (see :mod:`summarize.identities`), in task order, where
    each is known without reading the models; None otherwise."""
    memo = identities.identities_file(config.runtime.model_digests)
    entries = []
    for task in _TASKS:
        settings = config.translation if task == "translation" else config.summarization
        key = identities.identity_key(task, settings, config.runtime.models_dir)
        entry = identities.remembered(key, memo)
        if entry is None:
            return None
        entries.append(entry)
    return entries


def _start_warm_up() -> None:
    """Read the language identifier in the background (:func:`stages.warm_up`): for a run with
    articles to read, not one whose every brief is current."""
    threading.Thread(target=stages.warm_up, name="summarize-warm-up", daemon=True).start()


class Pipeline:
    """Turns German articles into bilingual briefs with the configured models.

    ``threads`` is how CPU threads are shared out among batches decoded at once (the plan
    :func:`summarize.process.configure_process` applied); by default it is derived from the
    config without touching process settings, when first needed (a run whose briefs are all
    current needs none, and imports no torch for it). ``setup``: instead of ``threads``, what
    sets the process up and gives the plan (:func:`summarize.process.configure_process`), called
    once, before the first model is read: what the command line passes.

    Where both models' identities are remembered (:mod:`summarize.identities`) a run takes its
    fingerprint from them, and reads the models only when some brief is not current."""

    def __init__(
        self,
        config: Config,
        threads: ThreadPlan | None = None,
        *,
        setup: Callable[[], ThreadPlan] | None = None,
    ) -> None:
        if not isinstance(config, Config):
            # A config file's path or None failed at the first use, "'str' object has no
            # attribute 'runtime'".
            raise TypeError(
                "Pipeline takes a summarize.Config (summarize.load_config(path) reads one), "
                f"not {type(config).__name__} ({config!r:.60})"
            )
        self.config = config
        self._threads = None if threads is None else checked_thread_plan(threads)
        self._setup = setup
        self._setting_up = threading.Lock()
        self._specs: dict[Task, ModelSpec] = {}
        self._weights: dict[Task, Future[LoadedModel]] = {}
        self._translator: Translator | None = None
        self._summarizer: Summarizer | None = None
        self._run_info: stages.RunInfo | None = None
        self._cache: TranslationCache | None = None
        # The fingerprints of briefs a run redid for their settings alone, said once each.
        self._settings_said: set[str] = set()
        # One call at a time (run, make_briefs, close) from however many threads: a run ends
        # by closing the translation cache, which a make_brief beside it was translating with
        # (sqlite3.ProgrammingError: "Cannot operate on a closed database"), and a second run
        # was refused as "another summarize run is writing to" the folder the first held.
        self._turn = threading.RLock()
        # Starting the weights' loads, which the translator's first untranslated sentence does
        # too: two threads calling load() at once each started their own, each model read twice.
        self._starting = threading.Lock()
        # Reading the models' specs (tokenizers and configs), which fingerprint() does without
        # waiting its turn: it waited for a run in another thread to end, minutes or hours.
        self._reading_specs = threading.RLock()

    @property
    def threads(self) -> ThreadPlan:
        """How CPU threads are shared out among batches (see the class docstring)."""
        with self._setting_up:
            if self._threads is None:
                self._threads = (
                    self._setup()
                    if self._setup is not None
                    else plan_threads(self.config.runtime, self.config.uses_torch())
                )
            return self._threads

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self, *, remove_unused_cache: bool = False) -> None:
        """Close the translation cache: SQLite folds its write-ahead log back into the file and
        removes the ``-wal``/``-shm`` files beside it. The models stay loaded; a later call
        opens the cache again.

        ``remove_unused_cache``: remove it too where this pipeline made it in the output folder
        and added nothing (work that stopped before any translation), so that a folder made for
        that work holds nothing of it. A cache elsewhere (``runtime.cache_dir``) may be another
        run's too, so it stays."""
        with self._turn:
            self._close(remove_unused_cache)

    def _close(self, remove_unused_cache: bool) -> None:
        if self._cache is not None:
            if remove_unused_cache and self.config.runtime.cache_dir is None:
                self._cache.close_and_remove_if_unused()
            else:
                self._cache.close()
            self._cache = None
            self._translator = None

    def load(self) -> None:
        """Load both models (once). Raises ModelNotFoundError / ConfigError before any work.
        Calls from several threads take turns, with each other and with runs."""
        with self._turn:
            self._load_translator()
            self._load_summarizer()

    def _cache_folder(self) -> Path | None:
        return translation_cache_folder(self.config)

    def start_loading(self, tasks: Sequence[Task] = ("translation", "summarization")) -> None:
        """Read the models' tokenizers and configs (a missing model or bad setting raises here),
        then load the weights in the background; :attr:`translator` / :attr:`summarizer` wait.

        The loads run side by side: reading CTranslate2 models is native code, off the
        interpreter lock; torch reads and CTranslate2 conversions take
        :data:`summarize.backends.TORCH_MODEL_READ` in turn, because ``from_pretrained`` swaps
        process-wide torch settings while it runs."""
        with self._starting:
            self._start_loading(tasks)

    def _start_loading(self, tasks: Sequence[Task]) -> None:
        specs = dict(
            zip(tasks, each_found([functools.partial(self._spec, t) for t in tasks]), strict=True)
        )
        pending = [task for task in tasks if task not in self._weights]
        if not pending:
            return
        pool = ThreadPoolExecutor(len(pending), thread_name_prefix="summarize-load")
        for task in pending:
            self._weights[task] = pool.submit(
                load_weights, specs[task], self.config.runtime.models_dir, *self.threads
            )
        pool.shutdown(wait=False)  # the loads go on; the pool takes no more work

    def _spec(self, task: Task) -> ModelSpec:
        with self._reading_specs:
            return self._read_spec(task)

    def _read_spec(self, task: Task) -> ModelSpec:
        if task not in self._specs:
            self.threads  # noqa: B018 -- the process set up (quiet libraries) before any read
            settings = (
                self.config.translation if task == "translation" else self.config.summarization
            )
            # The key from the files as they were before the read: a file changed meanwhile
            # leaves an entry no later key matches.
            key = identities.identity_key(task, settings, self.config.runtime.models_dir)
            with identities.captured_messages() as logged:
                spec = self._checked_spec(task, settings)
            # (A spec a test or a host put in resolve_spec's place names no model folder.)
            if isinstance(spec, ModelSpec) and spec.device == identities.device_without_torch(
                settings.device, settings.backend
            ):
                identities.remember(
                    key,
                    identities.identities_file(self.config.runtime.model_digests),
                    spec.identity(),
                    logged,
                    logger.getEffectiveLevel(),
                    conversion_target(spec, self.config.runtime.models_dir)
                    if settings.backend == "ctranslate2"
                    else None,
                )
            self._specs[task] = spec
        return self._specs[task]

    def _checked_spec(self, task: Task, settings: ModelSettings) -> ModelSpec:
        """The model's spec, read and checked, its warning said."""
        spec = resolve_spec(
            task,
            settings,
            self.config.runtime.models_dir,
            digests_file=self.config.runtime.model_digests,
        )
        # Before any article: a model CTranslate2 cannot convert failed only after the
        # other model's work (translating every sentence before the summarizer's error).
        # float16 on this CPU is refused when the weights load too, but the summarizer's
        # load is waited for only once the first articles are translated. (Not on a Ray
        # driver, whose "auto" may be a CPU where the workers have GPUs.)
        # A folder without its weights (or with pickle weights that may not be read) is
        # refused here, by its files, before any model loads: found by the load, a translation
        # model without weights was said only after the summarization model had loaded (20 s).
        refuse_unreadable_weights(spec)
        problem = ctranslate2_problem(spec, self.config.runtime.models_dir)
        problem = problem or half_precision_problem(task, spec.settings, spec.device)
        if problem is not None:
            raise ConfigError(problem)
        if spec.task_warning is not None:  # once: the spec is read once a pipeline
            logger.warning("%s", spec.task_warning)
        return spec

    def _load_model(self, task: Task) -> LoadedModel:
        # The load's future taken under the lock that starts loads: another thread forgetting
        # a failed load in between made this one's error a KeyError.
        with self._starting:
            self._start_loading((task,))
            loading = self._weights[task]
        start = time.perf_counter()
        try:
            loaded = loading.result()
        except BaseException:
            wait(list(self._weights.values()))  # leave no load running behind the error
            with self._starting:
                self._forget_failed_loads()
            raise
        logger.debug("%s model ready (waited %.2f s)", task, time.perf_counter() - start)
        return loaded

    def _forget_failed_loads(self) -> None:
        """Forget each load that failed, and the model's spec read with it: the next call reads
        the model again. A pipeline kept for more runs said the weights were damaged ("copy or
        pull the model again") on every run after they had been copied again."""
        for task, future in list(self._weights.items()):
            if future.done() and not future.cancelled() and future.exception() is not None:
                del self._weights[task]
                with self._reading_specs:
                    self._specs.pop(task, None)

    def _translation_cache(self) -> TranslationCache | None:
        if self._cache is None and (folder := self._cache_folder()) is not None:
            self._cache = TranslationCache(folder)
        return self._cache

    def _pending_translator(self) -> Translator:
        """The translator; with a translation cache, its weights load only when an input is
        not in the cache (:meth:`Translator.ensure_weights`). Without one, with its weights."""
        # Imported here, as the summarizer is: a rerun whose every brief is current needs neither.
        from summarize.translation import Translator

        if self._translator is None:
            cache = self._translation_cache()
            if cache is None:
                loaded = self._load_model("translation")
                self._translator = Translator(loaded, self.config.translation)
            else:
                self._translator = Translator(
                    without_weights(self._spec("translation")),
                    self.config.translation,
                    cache,
                    weights=functools.partial(self._load_model, "translation"),
                )
        return self._translator

    def _load_translator(self) -> Translator:
        translator = self._pending_translator()
        translator.ensure_weights()
        return translator

    def _load_summarizer(self) -> Summarizer:
        from summarize.summarization import Summarizer

        if self._summarizer is None:
            loaded = self._load_model("summarization")
            self._summarizer = Summarizer(loaded, self.config.summarization)
        return self._summarizer

    @property
    def translator(self) -> Translator:
        with self._turn:
            return self._load_translator()

    @property
    def summarizer(self) -> Summarizer:
        with self._turn:
            return self._load_summarizer()

    @property
    def run_info(self) -> stages.RunInfo:
        """What every brief of this pipeline records of the run (models, generation,
        settings): a copy, the caller's to change. The pipeline's own was handed out, and a
        caller that changed it (max_new_tokens = 1) changed what every later brief's record
        said of the run, while the models worked as before."""
        with self._turn:
            return copy.deepcopy(self._own_run_info())

    def _own_run_info(self) -> stages.RunInfo:
        if self._run_info is None:
            # The translator as it stands: its weights are not needed to describe it.
            self._run_info = stages.run_info(
                self._pending_translator(), self.summarizer, self.config
            )
        return self._run_info

    def fingerprint(self) -> str:
        """Everything besides the source that changes a brief: models, settings, our version.

        Known from the tokenizers and configs alone, before the weights are loaded; a run in
        another thread is not waited for."""
        translation, summarization = each_found(
            [
                functools.partial(self._spec, "translation"),
                functools.partial(self._spec, "summarization"),
            ]
        )
        return stages.run_fingerprint(self.config, translation.identity(), summarization.identity())

    def make_brief(self, article: Article, progress: ProgressListener | None = None) -> Brief:
        """The brief of one article; raises ArticleError (NotGermanError) when there is none."""
        (result,) = self.make_briefs([article], progress)
        if isinstance(result, ArticleError):
            raise result
        return result

    def make_briefs(
        self, articles: Sequence[Article], progress: ProgressListener | None = None
    ) -> list[Brief | ArticleError]:
        """A brief per article, in order, or the ArticleError that stopped it.

        The articles' sentences go to the translator together and their summaries share
        model batches: generation steps are paid once per batch, not once per article. Calls
        from several threads take turns."""
        with self._turn:
            return self._make_briefs(articles, progress)

    def _make_briefs(
        self, articles: Sequence[Article], progress: ProgressListener | None
    ) -> list[Brief | ArticleError]:
        progress = progress or SilentProgress()
        if isinstance(articles, str | bytes | Article) or not isinstance(articles, Iterable):
            raise TypeError(
                "make_briefs takes a list of articles (make_brief takes one), not "
                f"{type(articles).__name__} ({articles!r:.60})"
            )
        articles = list(articles)
        for article in articles:
            if not isinstance(article, Article):
                # A path or the text itself failed deep in the cleaning, "'PosixPath' object
                # has no attribute 'source'".
                raise TypeError(
                    "an article to make a brief of is a summarize.ingest.Article "
                    "(summarize.ingest.read_article(path) reads one), not "
                    f"{type(article).__name__} ({article!r:.60})"
                )
        prepared: list[stages.Prepared | ArticleError] = []
        for article in articles:
            try:
                item = stages.prepare(article, self.config)
            except ArticleError as error:
                prepared.append(error)
                continue
            prepared.append(item)
            # The weights load while the other articles are prepared; only once some article
            # has text to translate: a rerun whose briefs are all current but for an article
            # that is not German or all boilerplate (it fails again) loads no model.
            if "translation" in self._weights or self._needs_translator(item):
                self.start_loading()  # the translator's first: torch reads take turns
        ready = [item for item in prepared if isinstance(item, stages.Prepared)]
        if not ready:  # every article failed before the models (or there were none)
            return [item for item in prepared if isinstance(item, ArticleError)]
        self.start_loading(("summarization",))  # when every sentence was in the cache
        translator = self._pending_translator()
        if "translation" in self._weights:  # some sentence is not cached (or no cache is kept)
            translator.ensure_weights()  # waited for here, outside the translation's time
        start = time.perf_counter()
        bilinguals = stages.translate_articles(
            translator, ready, progress.translation_started, progress.translated
        )
        logger.debug("translated %d article(s) in %.2f s", len(ready), time.perf_counter() - start)
        summarizer = self.summarizer
        start = time.perf_counter()
        summaries = stages.summarize_articles(
            summarizer, bilinguals, [item.article.source for item in ready]
        )
        logger.debug("summarized %d article(s) in %.2f s", len(ready), time.perf_counter() - start)
        start = time.perf_counter()
        finished: list[Brief | ArticleError] = []  # one per ready article, in order
        for item, bilingual, (summary, seconds) in zip(ready, bilinguals, summaries, strict=True):
            if isinstance(summary, ArticleError):
                # The model stages' reasons name no article ("summarization: ..."): a run's
                # outcome adds its name, make_brief raised them as they were.
                reason = reason_naming(item.article.source, summary)
                if reason != str(summary):
                    summary = ArticleError(reason)
                finished.append(summary)
                continue
            try:
                finished.append(
                    stages.finish(item, bilingual, summary, self._own_run_info(), seconds)
                )
            except ArticleError as error:
                finished.append(error)
        logger.debug("checked %d article(s) in %.2f s", len(ready), time.perf_counter() - start)
        in_order = iter(finished)
        return [item if isinstance(item, ArticleError) else next(in_order) for item in prepared]

    def _needs_translator(self, item: stages.Prepared) -> bool:
        """Whether translating ``item`` needs the translator's weights: some sentence of it is
        not in the translation cache (or no cache is kept). A rerun after a change to the
        summarization settings translates nothing; reading opus-mt's weights took 1.5 s of it
        on the 2-core dev VM. (A sentence found whole in the cache is not tokenized for this.)

        Until one does, the summarizer's weights wait too (to the end of the preparation):
        started first, their read would hold up the translator's, which is needed first."""
        if self._translation_cache() is None:
            return True
        return self._pending_translator().needs_weights(item.sentences)

    def run(
        self,
        paths: stages.InputPaths,
        progress: ProgressListener | None = None,
        force: bool = False,
    ) -> RunReport:
        """Write one brief per article and the index.

        Usage, config and model errors raise before any brief is written; a bad article only
        costs its own brief. Briefs whose source and settings are unchanged are kept unless
        ``force``. Calls from several threads take turns."""
        with self._turn:
            return self._run(paths, progress, force)

    def _run(
        self, paths: stages.InputPaths, progress: ProgressListener | None, force: bool
    ) -> RunReport:
        progress = progress or SilentProgress()
        remembered = None if force else remembered_identities(self.config)
        if remembered is None:
            _start_warm_up()
        folder = self.config.output.folder
        try:
            # The fingerprint from the tokenizers and configs only (or as remembered); the
            # weights load on demand.
            fingerprint = (
                self.fingerprint
                if remembered is None
                else functools.partial(self._fingerprint_as_remembered, remembered)
            )
            with brief_run(folder, paths, progress, fingerprint) as run:
                current = (
                    {}
                    if remembered is None
                    else self._current_as_remembered(run, remembered, progress)
                )
                size = self.config.runtime.articles_per_batch
                checkpoints = Checkpoints()
                try:
                    for start in range(0, len(run.jobs), size):
                        jobs = run.jobs[start : start + size]
                        self._run_group(jobs, force, progress, run, current)
                        checkpoints.write_when_due(run)
                except BaseException:
                    # Before the folder's lock is let go: a folder the run made and left
                    # holding nothing else is removed with it, and an empty cache is nothing.
                    self.close(remove_unused_cache=True)
                    raise
                # Each run ends with the cache closed, as the command line's one run does, while
                # the folder is still this run's: a damaged cache file is set aside now, as its
                # warning says, not when the pipeline is closed, and the next run on this
                # pipeline opens the cache afresh (it went on without one, unsaid, for good).
                self.close()
        finally:
            # A load still running (the other model failed) must not overlap the next
            # pipeline's: torch loads are not safe side by side.
            wait(list(self._weights.values()))
        return run.report()

    def _fingerprint_as_remembered(self, entries: list[dict[str, Any]]) -> str:
        """The run's fingerprint from both models' remembered identities, the messages their
        read logged said again."""
        for entry in entries:
            identities.say_again(entry["logged"])
        translation, summarization = (entry["identity"] for entry in entries)
        return stages.run_fingerprint(self.config, translation, summarization)

    def _current_as_remembered(
        self, run: FolderRun, remembered: list[dict[str, Any]], progress: ProgressListener
    ) -> dict[Path, BriefRecord]:
        """The record of each job's current brief, by source, with ``run``'s fingerprint taken
        from the remembered identities. At the first job with work to do, the models are read
        (as a run without them remembered does) and the fingerprint made from them; were it
        another, every brief is judged anew by it."""
        found: dict[Path, BriefRecord] = {}
        for source, brief_path in run.jobs:
            try:
                record = outputs.current_record_of_source(
                    brief_path, source, self.config.input.max_bytes, run.fingerprint
                )
            except KeyboardInterrupt:
                # Ctrl-C (or SIGTERM) while thousands of briefs are checked: those found current
                # are settled as such, as a run that reads the models settles each as it checks
                # it, so the stopped index tells what this run did, not the earlier run's tale.
                done = [(source, path) for source, path in run.jobs if source in found]
                self._run_group(done, False, progress, run, found)
                raise
            if record is None:
                _start_warm_up()
                with identities.not_said_twice(remembered):  # said with the fingerprint
                    read = self.fingerprint()
                if read != run.fingerprint:
                    logger.debug("remembered model identities out of date: briefs judged anew")
                    run.fingerprint = read
                    return {}
                return found
            found[source] = record
        return found

    def _run_group(
        self,
        jobs: Sequence[tuple[Path, Path]],
        force: bool,
        progress: ProgressListener,
        run: FolderRun,
        known_current: dict[Path, BriefRecord] | None = None,
    ) -> None:
        """Briefs for a group of (source, brief path) jobs; one bad article costs only its own.
        Each job is settled on ``run`` as it is done (what a run stopped midway did), with the
        record of each brief written or kept. ``known_current``: the records of current briefs
        already read, by source."""
        todo: list[tuple[Article, Path]] = []
        for source, brief_path in jobs:
            progress.article_started(source)
            current = (
                None
                if force
                else (known_current or {}).get(source)
                or outputs.current_record_of_source(
                    brief_path, source, self.config.input.max_bytes, run.fingerprint
                )
            )
            if current is not None:
                try:
                    current = outputs.keep_current(brief_path, current, source)
                except ArticleError as error:  # its new place is a name too long to write
                    run.settle(outcome_of_error(source, error))
                    continue
                run.settle(ArticleOutcome(source, "up-to-date", brief_path), current)
                continue
            if not force:
                stages.say_if_settings_changed(
                    self.config,
                    brief_path,
                    source,
                    run.fingerprint,
                    self._settings_said,
                    # Those read so far: fingerprint() may read a spec meanwhile.
                    lambda: {task: self._spec(task) for task in tuple(self._specs)},
                )
            if problem := outputs.replacing_what(brief_path, source):
                run.settle(ArticleOutcome(source, "failed", reason=problem))
                continue
            try:
                article = read_article(source, self.config.input.max_bytes)
            except ArticleError as error:
                run.settle(outcome_of_error(source, error))
                continue
            todo.append((article, brief_path))
        results = self.make_briefs([article for article, _ in todo], progress)
        start = time.perf_counter()
        for (article, brief_path), result in zip(todo, results, strict=True):
            if isinstance(result, ArticleError):
                run.settle(outcome_of_error(article.source, result))
                continue
            # A Ctrl-C or SIGTERM waits for both files of the brief, and for its outcome, so
            # the stopped run's index lists and counts it.
            with stop_signals_held():
                try:
                    record = outputs.write_brief(brief_path, result, make_folder=False)
                except ArticleError as error:  # a name the folder's file system cannot take
                    run.settle(outcome_of_error(article.source, error))
                    continue
                run.settle(ArticleOutcome(article.source, "written", brief_path), record)
        ordered = [run.settled[source] for source, _ in jobs]
        written = sum(outcome.status == "written" for outcome in ordered)
        logger.debug("wrote %d brief(s) in %.2f s", written, time.perf_counter() - start)
        for outcome in ordered:
            progress.article_finished(outcome)
