"""The local engine: the stages composed in this process.

``Pipeline`` loads each model once and then turns articles into briefs, a batch of articles
(``runtime.articles_per_batch``) at a time: the batch's sentences are translated together and its
summaries share model batches, so generation steps are paid per batch, not per article. One
article failing (unreadable, nothing left to translate) never costs the others their briefs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

from summarize import outputs, stages
from summarize.cache import TranslationCache, default_cache_dir
from summarize.config import Config
from summarize.digests import DIGESTS_FILENAME
from summarize.errors import ArticleError, UsageError
from summarize.ingest import Article, find_articles, read_article
from summarize.models import LoadedModel, Task, load_model
from summarize.process import ThreadPlan, plan_threads
from summarize.render import Brief
from summarize.report import (
    ArticleOutcome,
    ProgressListener,
    RunReport,
    SilentProgress,
    outcome_of_error,
)
from summarize.summarization import Summarizer
from summarize.translation import Translator

logger = logging.getLogger("summarize")


class Pipeline:
    """Turns German articles into bilingual briefs with the configured models.

    ``threads`` is how CPU threads are shared out among batches decoded at once (the plan
    :func:`summarize.process.configure_process` applied); by default it is derived from the
    config without touching process settings."""

    def __init__(self, config: Config, threads: ThreadPlan | None = None) -> None:
        self.config = config
        self.threads = threads or plan_threads(config.runtime)
        self._translator: Translator | None = None
        self._summarizer: Summarizer | None = None
        self._run_info: stages.RunInfo | None = None

    def load(self) -> None:
        """Load both models (once). Raises ModelNotFoundError / ConfigError before any work."""
        self._load_translator()
        self._load_summarizer()

    def _cache_folder(self) -> Path | None:
        if not self.config.runtime.cache:
            return None
        folder = self.config.runtime.cache_dir or default_cache_dir(self.config.output.folder)
        return folder.expanduser()

    def _load_model(self, task: Task) -> LoadedModel:
        settings = self.config.translation if task == "translation" else self.config.summarization
        cache_folder = self._cache_folder()
        digests = cache_folder / DIGESTS_FILENAME if cache_folder is not None else None
        return load_model(
            task, settings, self.config.runtime.models_dir, *self.threads, digests_file=digests
        )

    def _load_translator(self) -> Translator:
        if self._translator is None:
            loaded = self._load_model("translation")
            cache_folder = self._cache_folder()
            cache = TranslationCache(cache_folder) if cache_folder is not None else None
            self._translator = Translator(loaded, self.config.translation, cache)
        return self._translator

    def _load_summarizer(self) -> Summarizer:
        if self._summarizer is None:
            loaded = self._load_model("summarization")
            self._summarizer = Summarizer(loaded, self.config.summarization)
        return self._summarizer

    @property
    def translator(self) -> Translator:
        return self._load_translator()

    @property
    def summarizer(self) -> Summarizer:
        return self._load_summarizer()

    @property
    def run_info(self) -> stages.RunInfo:
        if self._run_info is None:
            self._run_info = stages.run_info(self.translator, self.summarizer, self.config)
        return self._run_info

    def fingerprint(self) -> str:
        """Everything besides the source that changes a brief: models, settings, our version."""
        return self.run_info.fingerprint

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
        model batches: generation steps are paid once per batch, not once per article."""
        progress = progress or SilentProgress()
        prepared: list[stages.Prepared | ArticleError] = []
        for article in articles:
            try:
                prepared.append(stages.prepare(article, self.config))
            except ArticleError as error:
                prepared.append(error)
        ready = [item for item in prepared if isinstance(item, stages.Prepared)]
        bilinguals = stages.translate_articles(
            self.translator, ready, progress.translation_started, progress.translated
        )
        summaries = stages.summarize_articles(self.summarizer, bilinguals)
        finished: list[Brief | ArticleError] = []  # one per ready article, in order
        for item, bilingual, (summary, seconds) in zip(ready, bilinguals, summaries, strict=True):
            if isinstance(summary, ArticleError):
                finished.append(summary)
            else:
                finished.append(stages.finish(item, bilingual, summary, self.run_info, seconds))
        in_order = iter(finished)
        return [item if isinstance(item, ArticleError) else next(in_order) for item in prepared]

    def run(
        self,
        paths: Iterable[Path],
        progress: ProgressListener | None = None,
        force: bool = False,
    ) -> RunReport:
        """Write one brief per article and the index.

        Usage, config and model errors raise before any article; a bad article only costs its
        own brief. Briefs whose source and settings are unchanged are kept unless ``force``."""
        progress = progress or SilentProgress()
        folder = self.config.output.folder
        sources, problems = find_articles(list(paths))
        if not sources:
            raise UsageError(
                "no articles to process: "
                + "; ".join(f"{problem.path}: {problem.reason}" for problem in problems)
            )
        self.load()
        fingerprint = self.fingerprint()
        outcomes = [
            ArticleOutcome(p.path, "failed", reason=f"{p.path}: {p.reason}") for p in problems
        ]
        with outputs.output_lock(folder):
            outputs.remove_stale_temp_files(folder)
            plan = outputs.plan_briefs(sources)
            progress.run_started(len(plan.jobs))
            outcomes += [
                ArticleOutcome(source, "failed", reason=reason) for source, reason in plan.clashes
            ]
            jobs = [(source, folder / name) for source, name in plan.jobs]
            size = self.config.runtime.articles_per_batch
            for start in range(0, len(jobs), size):
                group = jobs[start : start + size]
                outcomes += self._run_group(group, fingerprint, force, progress)
            latest_run = RunReport(tuple(outcomes), None).summary_line()
            index_path = (
                outputs.write_index(folder, latest_run) if any(o.ok for o in outcomes) else None
            )
        return RunReport(tuple(outcomes), index_path)

    def _run_group(
        self,
        jobs: list[tuple[Path, Path]],
        fingerprint: str,
        force: bool,
        progress: ProgressListener,
    ) -> list[ArticleOutcome]:
        """Briefs for a group of (source, brief path) jobs; one bad article costs only its own."""
        outcomes: dict[Path, ArticleOutcome] = {}
        todo: list[tuple[Article, Path]] = []
        for source, brief_path in jobs:
            progress.article_started(source)
            try:
                article = read_article(source, self.config.input.max_bytes)
            except ArticleError as error:
                outcomes[source] = outcome_of_error(source, error)
                continue
            if not force and outputs.brief_is_current(brief_path, article.sha256, fingerprint):
                outcomes[source] = ArticleOutcome(source, "up-to-date", brief_path)
            else:
                todo.append((article, brief_path))
        results = self.make_briefs([article for article, _ in todo], progress)
        for (article, brief_path), result in zip(todo, results, strict=True):
            if isinstance(result, ArticleError):
                outcomes[article.source] = outcome_of_error(article.source, result)
                continue
            outputs.write_brief(brief_path, result)
            outcomes[article.source] = ArticleOutcome(article.source, "written", brief_path)
        ordered = [outcomes[source] for source, _ in jobs]
        for outcome in ordered:
            progress.article_finished(outcome)
        return ordered
