"""The pipeline: ingest → clean → segment → translate → summarize → render.

``Pipeline`` loads each model once and then turns articles into briefs, a batch of articles
(``runtime.articles_per_batch``) at a time: the batch's sentences are translated together and its
summaries share model batches, so generation steps are paid per batch, not per article. One
article failing (unreadable, nothing left to translate) never costs the others their briefs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, Protocol

from summarize.allocator import keep_freed_memory
from summarize.cache import TranslationCache, default_cache_dir
from summarize.checks import key_facts, translation_warnings, unsupported_facts
from summarize.clean import (
    CleanArticle,
    CleanOptions,
    NotGermanError,
    check_language,
    clean_text,
    reads_as_german,
)
from summarize.config import Config
from summarize.errors import ArticleError, UsageError
from summarize.ingest import Article, find_articles, read_article
from summarize.models import LoadedModel, Task, load_model
from summarize.render import (
    INDEX_FILENAME,
    LOCK_FILENAME,
    Brief,
    ParagraphPair,
    read_front_matter,
    read_index_entry,
    render_brief,
    render_index,
    write_atomic,
)
from summarize.segment import SegmentedArticle, segment_article
from summarize.summarizer import Summarizer, Summary
from summarize.translate import TranslatedSentence, Translator

logger = logging.getLogger("summarize")


class ProgressListener(Protocol):
    """What a front end hears while a run goes on. Every method is optional to act on."""

    def run_started(self, articles: int) -> None: ...
    def article_started(self, source: Path) -> None: ...
    def translation_started(self, inputs: int) -> None: ...
    def translated(self, inputs: int) -> None: ...
    def article_finished(self, outcome: ArticleOutcome) -> None: ...


class SilentProgress:
    def run_started(self, articles: int) -> None: ...
    def article_started(self, source: Path) -> None: ...
    def translation_started(self, inputs: int) -> None: ...
    def translated(self, inputs: int) -> None: ...
    def article_finished(self, outcome: ArticleOutcome) -> None: ...


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
    def failed(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def exit_code(self) -> int:
        """0: every article has a current brief; 1: some were skipped or failed."""
        return 0 if not self.failed else 1

    def summary_line(self) -> str:
        counts = Counter(outcome.status for outcome in self.outcomes)
        return (
            f"{counts['written']} written, {counts['up-to-date']} up to date, "
            f"{counts['skipped']} skipped, {counts['failed']} failed"
        )


@dataclass
class _StageClock:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def prepare_text(
    text: str, options: CleanOptions | None = None
) -> tuple[CleanArticle, SegmentedArticle]:
    """The text stages alone (no model): what the cleaner dropped, what the translator receives."""
    cleaned = clean_text(text, options)
    return cleaned, segment_article(cleaned)


@dataclass(frozen=True)
class _Prepared:
    """An article cleaned and segmented, waiting for the models."""

    article: Article
    cleaned: CleanArticle
    segmented: SegmentedArticle
    sentences: tuple[str, ...]  # what the translator receives: headline first, then the body
    seconds: dict[str, float]


def _pair_paragraphs(
    item: _Prepared, translated: Sequence[TranslatedSentence]
) -> tuple[str | None, list[ParagraphPair]]:
    """The English headline and the German/English paragraph pairs, sentence for sentence."""
    has_title = bool(item.segmented.title)
    title_en = translated[0].text if has_title else None
    body = translated[1:] if has_title else translated
    pairs: list[ParagraphPair] = []
    position = 0
    for paragraph in item.segmented.paragraphs:
        sentences = body[position : position + len(paragraph)]
        warnings = tuple(
            (number, warning)
            for number, sentence in enumerate(sentences, start=1)
            if sentence.pieces
            for warning in translation_warnings(
                sentence.source, sentence.text, sentence.logprob, is_german=reads_as_german
            )
        )
        english = tuple(sentence.text for sentence in sentences)
        pairs.append(ParagraphPair(german=paragraph, english=english, warnings=warnings))
        position += len(paragraph)
    return title_en, pairs


class Pipeline:
    """Turns German articles into bilingual briefs with the configured models."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._translator: Translator | None = None
        self._summarizer: Summarizer | None = None
        self._threads_and_workers: tuple[int, int] | None = None

    def load(self) -> None:
        """Load both models (once). Raises ModelNotFoundError / ConfigError before any work."""
        self._load_translator()
        self._load_summarizer()

    def _tune_process(self) -> tuple[int, int]:
        """Apply the runtime settings that belong to the process, once.

        Returns (threads per worker, workers): the CPU threads are shared out among the
        batches decoded at the same time."""
        if self._threads_and_workers is None:
            import torch

            runtime = self.config.runtime
            if runtime.keep_freed_memory:
                keep_freed_memory()
            threads = runtime.threads or torch.get_num_threads()
            workers = min(runtime.workers or (2 if threads >= 2 else 1), threads)
            per_worker = max(1, threads // workers)
            torch.set_num_threads(per_worker)
            self._threads_and_workers = (per_worker, workers)
            logger.debug("%d worker(s) x %d thread(s)", workers, per_worker)
        return self._threads_and_workers

    def _load_model(self, task: Task) -> LoadedModel:
        settings = self.config.translation if task == "translation" else self.config.summarization
        return load_model(task, settings, self.config.runtime.models_dir, *self._tune_process())

    def _load_translator(self) -> Translator:
        if self._translator is None:
            loaded = self._load_model("translation")
            cache = None
            if self.config.runtime.cache:
                folder = self.config.runtime.cache_dir or default_cache_dir(
                    self.config.output.folder
                )
                cache = TranslationCache(folder.expanduser())
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

    def _models_front_matter(self) -> dict[str, dict[str, object]]:
        return {
            "translation": self.translator.loaded.describe(),
            "summarization": self.summarizer.loaded.describe(),
        }

    def make_brief(
        self,
        article: Article,
        progress: ProgressListener | None = None,
        fingerprint: str | None = None,
    ) -> Brief:
        """The brief of one article; raises ArticleError (NotGermanError) when there is none."""
        (result,) = self.make_briefs([article], progress, fingerprint)
        if isinstance(result, ArticleError):
            raise result
        return result

    def make_briefs(
        self,
        articles: Sequence[Article],
        progress: ProgressListener | None = None,
        fingerprint: str | None = None,
    ) -> list[Brief | ArticleError]:
        """A brief per article, in order, or the ArticleError that stopped it.

        The articles' sentences go to the translator together and their summaries share
        model batches: generation steps are paid once per batch, not once per article."""
        progress = progress or SilentProgress()
        fingerprint = fingerprint or self.fingerprint()
        prepared: list[_Prepared | ArticleError] = []
        for article in articles:
            try:
                prepared.append(self._prepare(article))
            except ArticleError as error:
                prepared.append(error)
        ready = [item for item in prepared if isinstance(item, _Prepared)]

        start = time.perf_counter()
        inputs = [sentence for item in ready for sentence in item.sentences]
        translated = self.translator.translate(
            inputs, on_start=progress.translation_started, on_batch=progress.translated
        )
        translate_seconds = time.perf_counter() - start
        translations = []
        position = 0
        for item in ready:
            translations.append(translated[position : position + len(item.sentences)])
            position += len(item.sentences)

        bodies = [
            _pair_paragraphs(item, sentences)
            for item, sentences in zip(ready, translations, strict=True)
        ]
        start = time.perf_counter()
        summaries = self.summarizer.summarize_many(
            [[text for pair in pairs for text in pair.english] for _, pairs in bodies]
        )
        summarize_seconds = time.perf_counter() - start

        # Batched stages are shared out by each article's part of the work.
        summary_tokens = sum(s.input_tokens for s in summaries if not isinstance(s, ArticleError))
        finished: list[Brief | ArticleError] = []  # one per ready article, in order
        for item, sentences, (title_en, pairs), summary in zip(
            ready, translations, bodies, summaries, strict=True
        ):
            if isinstance(summary, ArticleError):
                finished.append(summary)
                continue
            seconds = dict(item.seconds)
            seconds["translate"] = translate_seconds * len(sentences) / max(len(inputs), 1)
            seconds["summarize"] = summarize_seconds * summary.input_tokens / max(summary_tokens, 1)
            finished.append(
                self._finish(item, sentences, title_en, pairs, summary, seconds, fingerprint)
            )
        in_order = iter(finished)
        return [item if isinstance(item, ArticleError) else next(in_order) for item in prepared]

    def _prepare(self, article: Article) -> _Prepared:
        """Clean and segment one article: everything before the models."""
        clock = _StageClock()
        with clock.stage("clean"):
            options = self.config.clean.options()
            if not self.config.input.force_language:
                check_language(article.text, article.source)
            else:
                options = CleanOptions(options.enabled, options.disabled | {"not_german"})
            cleaned = clean_text(article.text, options)
        with clock.stage("segment"):
            segmented = segment_article(cleaned)
        if not segmented.paragraphs:
            raise ArticleError(f"{article.source}: no article text left after cleaning")
        sentences = ([segmented.title] if segmented.title else []) + segmented.sentences
        return _Prepared(article, cleaned, segmented, tuple(sentences), clock.seconds)

    def _finish(
        self,
        item: _Prepared,
        translated: Sequence[TranslatedSentence],
        title_en: str | None,
        pairs: list[ParagraphPair],
        summary: Summary,
        seconds: dict[str, float],
        fingerprint: str,
    ) -> Brief:
        segmented = item.segmented
        start = time.perf_counter()
        english_text = "\n".join(" ".join(pair.english) for pair in pairs)
        german_text = "\n".join(" ".join(pair.german) for pair in pairs)
        if segmented.title and title_en:
            english_text = f"{title_en}\n{english_text}"
            german_text = f"{segmented.title}\n{german_text}"
        flags = unsupported_facts(summary.text, english_text, german_text)
        facts = key_facts([" ".join(pair.english) for pair in pairs])
        seconds["check"] = time.perf_counter() - start
        return Brief(
            source=str(item.article.source),
            source_sha256=item.article.sha256,
            stem=item.article.stem,
            title_de=segmented.title,
            title_en=title_en,
            paragraphs=tuple(pairs),
            summary=summary,
            models=self._models_front_matter(),
            generation={
                "translation": self.translator.loaded.generation_settings,
                "summarization": self.summarizer.loaded.generation_settings,
            },
            generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
            seconds=seconds,
            sentences_split=sum(1 for sentence in translated if sentence.pieces > 1),
            dropped=item.cleaned.dropped,
            has_lead=item.cleaned.has_lead,
            fingerprint=fingerprint,
            flags=tuple(flags),
            key_facts=tuple(facts),
        )

    def fingerprint(self) -> str:
        """Everything besides the source that changes a brief: models, settings, our version."""
        from summarize import __version__

        settings = {
            "version": __version__,
            "models": self._models_front_matter(),
            "generation": {
                "translation": self.translator.loaded.generation_settings,
                "summarization": self.summarizer.loaded.generation_settings,
            },
            "prefix": [self.translator.loaded.prefix, self.summarizer.loaded.prefix],
            "clean": self.config.clean.model_dump(mode="json"),
            "max_reduce_rounds": self.config.summarization.max_reduce_rounds,
        }
        encoded = json.dumps(settings, sort_keys=True, default=str).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()[:16]

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
        with output_lock(folder):
            remove_stale_temp_files(folder)
            progress.run_started(len(sources))
            paths = [folder / name for name in brief_names(sources)]
            jobs = list(zip(sources, paths, strict=True))
            size = self.config.runtime.articles_per_batch
            for start in range(0, len(jobs), size):
                group = jobs[start : start + size]
                outcomes += self._run_group(group, fingerprint, force, progress)
            index_path = write_index(folder) if any(o.ok for o in outcomes) else None
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
                outcomes[source] = _failed(source, error)
                continue
            if not force and brief_is_current(brief_path, article.sha256, fingerprint):
                outcomes[source] = ArticleOutcome(source, "up-to-date", brief_path)
            else:
                todo.append((article, brief_path))
        results = self.make_briefs([article for article, _ in todo], progress, fingerprint)
        for (article, brief_path), result in zip(todo, results, strict=True):
            if isinstance(result, ArticleError):
                outcomes[article.source] = _failed(article.source, result)
                continue
            write_atomic(brief_path, render_brief(result))
            outcomes[article.source] = ArticleOutcome(article.source, "written", brief_path)
        ordered = [outcomes[source] for source, _ in jobs]
        for outcome in ordered:
            progress.article_finished(outcome)
        return ordered


def _failed(source: Path, error: ArticleError) -> ArticleOutcome:
    status = "skipped" if isinstance(error, NotGermanError) else "failed"
    return ArticleOutcome(source, status, reason=str(error))


_UNSAFE_NAME = re.compile(r"[^\w .,()+-]", re.UNICODE)


def brief_names(sources: list[Path]) -> list[str]:
    """One brief file name per source, from the file name only (never from article text).

    Unsafe characters become "_", a leading dot is dropped (no hidden briefs), and sources that
    would collide ("a.txt" and "a.md", or same names in two folders) get a short hash of their
    path appended, so no input overwrites another's brief."""
    wanted = []
    for source in sources:
        stem = _UNSAFE_NAME.sub("_", source.stem).strip().lstrip(".") or "article"
        wanted.append(stem[:150])
    counts = Counter(name.casefold() for name in wanted)
    names = []
    for source, stem in zip(sources, wanted, strict=True):
        if counts[stem.casefold()] > 1 or stem.casefold() == INDEX_FILENAME[:-3]:
            digest = hashlib.sha256(str(source.resolve()).encode("utf-8")).hexdigest()[:8]
            stem = f"{stem}-{digest}"
        names.append(f"{stem}.md")
    return names


def brief_is_current(brief_path: Path, source_sha256: str, fingerprint: str) -> bool:
    meta = read_front_matter(brief_path)
    return bool(
        meta
        and meta.get("source_sha256") == source_sha256
        and meta.get("fingerprint") == fingerprint
    )


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """One run per output folder: a second one stops with a clear message instead of racing."""
    from filelock import FileLock, Timeout

    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / LOCK_FILENAME
    lock = FileLock(lock_path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError(
            f"another summarize run is writing to {folder} (lock {lock_path} is held); "
            "wait for it to finish or use another --output folder"
        ) from None
    try:
        yield
    finally:
        lock.release()


def remove_stale_temp_files(folder: Path) -> None:
    """Temp files left by a run that was killed mid-write (we hold the lock: none is live)."""
    for leftover in folder.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def write_index(folder: Path) -> Path:
    """(Re)write ``index.md`` from every brief in the folder, earlier runs' included."""
    entries = [
        entry
        for path in sorted(folder.glob("*.md"))
        if path.name != INDEX_FILENAME and (entry := read_index_entry(path)) is not None
    ]
    index_path = folder / INDEX_FILENAME
    write_atomic(index_path, render_index(entries))
    return index_path
