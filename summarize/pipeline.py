"""The pipeline: ingest → clean → segment → translate → summarize → render.

``Pipeline`` loads each model once and then turns articles into briefs. One article failing
(unreadable, nothing left to translate) never costs the others their briefs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from summarize.clean import CleanArticle, CleanOptions, clean_text
from summarize.config import Config
from summarize.errors import ArticleError
from summarize.ingest import Article, find_articles, read_article
from summarize.models import load_model
from summarize.render import (
    INDEX_FILENAME,
    Brief,
    ParagraphPair,
    read_index_entry,
    render_brief,
    render_index,
    write_atomic,
)
from summarize.segment import SegmentedArticle, segment_article
from summarize.summarizer import Summarizer
from summarize.translate import Translator

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
    source: Path
    brief_path: Path | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class RunReport:
    outcomes: tuple[ArticleOutcome, ...]
    index_path: Path | None

    @property
    def written(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if outcome.ok]

    @property
    def failed(self) -> list[ArticleOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    @property
    def exit_code(self) -> int:
        return 0 if not self.failed else 1


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


class Pipeline:
    """Turns German articles into bilingual briefs with the configured models."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._translator: Translator | None = None
        self._summarizer: Summarizer | None = None

    def load(self) -> None:
        """Load both models (once). Raises ModelNotFoundError / ConfigError before any work."""
        if self._translator is not None and self._summarizer is not None:
            return
        if self.config.runtime.threads:
            import torch

            torch.set_num_threads(self.config.runtime.threads)
        models_dir = self.config.runtime.models_dir
        translation = load_model("translation", self.config.translation, models_dir)
        summarization = load_model("summarization", self.config.summarization, models_dir)
        self._translator = Translator(translation, self.config.translation)
        self._summarizer = Summarizer(summarization, self.config.summarization)

    @property
    def translator(self) -> Translator:
        self.load()
        assert self._translator is not None
        return self._translator

    @property
    def summarizer(self) -> Summarizer:
        self.load()
        assert self._summarizer is not None
        return self._summarizer

    def _models_front_matter(self) -> dict[str, dict[str, object]]:
        return {
            "translation": self.translator.loaded.describe(),
            "summarization": self.summarizer.loaded.describe(),
        }

    def make_brief(self, article: Article, progress: ProgressListener | None = None) -> Brief:
        progress = progress or SilentProgress()
        clock = _StageClock()
        with clock.stage("clean"):
            cleaned = clean_text(article.text, self.config.clean.options())
        with clock.stage("segment"):
            segmented = segment_article(cleaned)
        if not segmented.paragraphs:
            raise ArticleError(f"{article.source}: no article text left after cleaning")

        sentences = ([segmented.title] if segmented.title else []) + segmented.sentences
        with clock.stage("translate"):
            translated = self.translator.translate(
                sentences, on_start=progress.translation_started, on_batch=progress.translated
            )
        title_en = translated[0].text if segmented.title else None
        body = translated[1:] if segmented.title else translated
        pairs: list[ParagraphPair] = []
        position = 0
        for paragraph in segmented.paragraphs:
            english = tuple(item.text for item in body[position : position + len(paragraph)])
            pairs.append(ParagraphPair(german=paragraph, english=english))
            position += len(paragraph)

        with clock.stage("summarize"):
            summary = self.summarizer.summarize([item.text for item in body])
        return Brief(
            source=str(article.source),
            source_sha256=article.sha256,
            stem=article.stem,
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
            seconds=clock.seconds,
            sentences_split=sum(1 for item in translated if item.pieces > 1),
            dropped=cleaned.dropped,
            has_lead=cleaned.has_lead,
        )

    def run(
        self,
        paths: Iterable[Path],
        progress: ProgressListener | None = None,
        output_folder: Path | None = None,
    ) -> RunReport:
        """Write one brief per article and the index. Model errors raise before any article."""
        progress = progress or SilentProgress()
        folder = output_folder or self.config.output.folder
        sources = find_articles(list(paths))
        self.load()
        progress.run_started(len(sources))
        outcomes: list[ArticleOutcome] = []
        claimed: dict[str, Path] = {}
        for source in sources:
            progress.article_started(source)
            outcome = self._run_one(source, folder, claimed, progress)
            outcomes.append(outcome)
            progress.article_finished(outcome)
        index_path = write_index(folder) if any(o.ok for o in outcomes) else None
        return RunReport(tuple(outcomes), index_path)

    def _run_one(
        self,
        source: Path,
        folder: Path,
        claimed: dict[str, Path],
        progress: ProgressListener,
    ) -> ArticleOutcome:
        # The brief's name comes from the file name, never from article text.
        brief_name = f"{source.stem}.md"
        if brief_name == INDEX_FILENAME or brief_name in claimed:
            other = claimed.get(brief_name, "the index")
            return ArticleOutcome(
                source, None, f"{source}: its brief name {brief_name} is taken by {other}"
            )
        claimed[brief_name] = source
        try:
            article = read_article(source)
            brief = self.make_brief(article, progress)
            brief_path = folder / brief_name
            write_atomic(brief_path, render_brief(brief))
        except ArticleError as error:
            return ArticleOutcome(source, None, str(error))
        return ArticleOutcome(source, brief_path, None)


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


def run_paths(
    config: Config, paths: Iterable[Path], progress: ProgressListener | None = None
) -> RunReport:
    """One-call convenience: ``Pipeline(config).run(paths)``."""
    return Pipeline(config).run(paths, progress)
