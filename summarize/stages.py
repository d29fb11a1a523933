"""The pipeline's stages as plain functions, composed by every engine (local, Ray).

prepare (clean + segment one article) → translate (the sentences of many articles at once) →
summarize (many articles' English at once) → finish (checks, key facts: the brief record).
Reading inputs and writing briefs is :mod:`summarize.ingest` and :mod:`summarize.outputs`.
No stage knows which engine runs it; data flows between them as immutable records.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from summarize.clean import (
    RULE_NAMES,
    CleanArticle,
    CleanOptions,
    Dropped,
    check_language,
    clean_text,
    reads_as_english,
    reads_as_german,
)
from summarize.clean.cleaner import CLASSIFIER_RULE
from summarize.clean.model import packaged_model, packaged_model_file
from summarize.config import Config, is_path, path_in_code
from summarize.errors import (
    ArticleError,
    SummarizeError,
    UsageError,
    defect_on_article,
    is_article_defect,
    shown,
)
from summarize.generation import generation_identity
from summarize.ingest import Article, InputProblem, find_articles, is_folder
from summarize.models import package_versions
from summarize.package_data import brief_data_sha256
from summarize.record import absolute_source_path
from summarize.report import ArticleOutcome

if TYPE_CHECKING:
    from summarize.checks import Flag, TranslationWarning
    from summarize.models import ModelSpec
    from summarize.render import Brief, ParagraphPair
    from summarize.segment import SegmentedArticle
    from summarize.summarization import Summarizer, Summary
    from summarize.translation import TranslatedSentence, Translator

# The checks, the segmenter and the brief's renderer are imported by the functions that use
# them: a rerun whose every brief is current reads this module (for the run's fingerprint and
# its folder) and needs none of them (0.2 s of imports, python -X importtime).

logger = logging.getLogger("summarize")


@dataclass(frozen=True)
class Prepared:
    """An article cleaned and segmented, waiting for the models."""

    article: Article
    cleaned: CleanArticle
    segmented: SegmentedArticle
    sentences: tuple[str, ...]  # what the translator receives: headline first, then the body
    seconds: Mapping[str, float]


@dataclass(frozen=True)
class Bilingual:
    """One article's English beside its German, paragraph by paragraph."""

    title_en: str | None
    paragraphs: tuple[ParagraphPair, ...]
    translated: tuple[TranslatedSentence, ...]  # every model input of the article, in order
    seconds: float  # the article's share of the translation batch
    failed: str | None = None  # why the model gave no English for a sentence: no brief
    # the headline's translation warnings (cut at the output limit, untranslated, ...)
    title_warnings: tuple[TranslationWarning, ...] = ()

    @property
    def english_sentences(self) -> list[str]:
        """The body's English sentences: what the summarizer reads."""
        return [text for pair in self.paragraphs for text in pair.english]


@dataclass(frozen=True)
class RunInfo:
    """What every brief of one run shares: the models and the fingerprint of the settings."""

    models: dict[str, dict[str, Any]]
    generation: dict[str, dict[str, Any]]
    fingerprint: str
    settings: dict[str, Any] = field(default_factory=dict)  # see run_settings


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


# The distributions of the text stages and the brief, besides the models' (whose identities
# name their own: transformers, torch or CTranslate2); the tokenizers' libraries shape what the
# models read.
TEXT_LIBRARIES = (
    "trafilatura", "lxml", "lxml_html_clean", "charset-normalizer", "markdown-it-py",
    "linkify-it-py", "pysbd", "py3langid", "numpy", "text2num", "babel", "lemminflect",
    "PyYAML", "sentencepiece", "tokenizers", "sacremoses",
)  # fmt: skip


def run_fingerprint(
    config: Config, translation: Mapping[str, Any], summarization: Mapping[str, Any]
) -> str:
    """Everything besides the source that changes a brief: both models' identities (see
    :meth:`summarize.models.ModelSpec.identity`) and :func:`run_settings`."""
    settings = {**run_settings(config), "translation": translation, "summarization": summarization}
    encoded = json.dumps(settings, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:16]


def run_settings(config: Config) -> dict[str, Any]:
    """The settings besides the models' own that change a brief, as its run record shows them
    (a brief made with clean.threshold = 0.5 says so): our version, cleaning, input, map-reduce."""
    from summarize import __version__

    settings: dict[str, Any] = {
        "version": __version__,
        # An unset threshold is left out: briefs made before it existed stay current.
        "clean": _clean_settings(config),
        "force_language": config.input.force_language,
        "max_reduce_rounds": config.summarization.max_reduce_rounds,
        # The packaged phrase rules, word lists and name tables, by what they say: a phrase
        # added to data/boilerplate.toml left every brief it would clean otherwise current.
        "data_sha256": brief_data_sha256(),
        # The libraries that read, clean, split and check the text and write the brief: a new
        # trafilatura extracts a page otherwise, a new pysbd splits it otherwise, and briefs
        # made with the old ones counted as current.
        "text_libraries": package_versions(TEXT_LIBRARIES),
    }
    # The classifier counts by its file's content, not by where it lies; the packaged one too,
    # so briefs cleaned by an earlier packaged model are redone. With the classifier off (or
    # cleaning off) no model file shapes a brief, your own no more than the packaged one.
    if config.clean.options().active(CLASSIFIER_RULE):
        settings["clean_model_sha256"] = config.clean.model_sha256 or packaged_model_file().sha256
    if config.summarization.chunk_generation:  # absent when unset: older briefs stay current
        settings["chunk_generation"] = generation_identity(config.summarization.chunk_generation)
    return settings


def _clean_settings(config: Config) -> dict[str, Any]:
    """The cleaning settings as they change briefs: a threshold equal to the model's own is the
    default spelt out, so it counts as unset, and so is any threshold with the classifier off
    (nothing reads it); the rules switched off are a set (their order and repeats change
    nothing). With cleaning off, which rules and which threshold would have been used changes
    nothing either."""
    settings = config.clean.model_dump(mode="json", exclude_none=True, exclude={"model"})
    if not config.clean.enabled:
        return {"enabled": False}
    settings["disable"] = sorted(set(settings["disable"]))
    options = config.clean.options()
    classifier = options.classifier or packaged_model()
    if (
        not options.active(CLASSIFIER_RULE)
        or settings.get("threshold") == classifier.threshold_probability
    ):
        settings.pop("threshold", None)
    return settings


# Where a user changes each of run_settings' entries: a rerun names those that redo its briefs.
_SETTING_NAMES = {
    "version": "the summarize version",
    "clean": "the clean settings",
    "force_language": "input.force_language",
    "max_reduce_rounds": "summarization.max_reduce_rounds",
    "data_sha256": "summarize's packaged rules (summarize/data)",
    "text_libraries": "the versions of the text libraries",
    "clean_model_sha256": "the cleaning classifier",
    "chunk_generation": "summarization.chunk_generation",
}


def say_if_settings_changed(
    config: Config,
    brief_path: Path,
    source: Path,
    fingerprint: str,
    said: set[str],
    specs: Callable[[], Mapping[str, ModelSpec]],
    comparable: Callable[[Mapping[str, Any]], Mapping[str, Any]] = dict,
) -> None:
    """Say which settings changed when the brief of ``source`` is redone only for them, once
    for each set of settings the folder's briefs were made with (``said``, which this adds
    to): a rerun after a change (a setting, a model, an upgrade) redid thousands of briefs
    without a word of why. Both engines say it so. ``specs``: the run's models, asked only
    for a brief so redone; ``comparable``: a model's description (as this run gives it and
    as the record keeps it) less what the engine does not compare (Ray's driver may plan for
    devices it lacks)."""
    from summarize.models import without_weights
    from summarize.outputs import made_with_other_settings

    record = made_with_other_settings(brief_path, source, config.input.max_bytes, fingerprint, said)
    if record is None:
        return
    said.add(record.fingerprint)
    models = specs()
    now = {task: spec.generation_settings for task, spec in models.items()}
    # Described as a brief's record describes them, without their weights.
    described = {
        task: comparable(without_weights(spec).describe()) for task, spec in models.items()
    }
    before = {
        task: comparable(old) for task, old in record.models.items() if isinstance(old, Mapping)
    }
    changed = changed_settings(config, record.settings, record.generation, now, before, described)
    logger.info(
        "%s was made with other settings (changed: %s): it is redone, as is every brief "
        "made with them",
        shown(brief_path),
        ", ".join(changed),
    )


def changed_settings(
    config: Config,
    settings: Mapping[str, Any],
    generation: Mapping[str, Mapping[str, Any]],
    now: Mapping[str, Mapping[str, Any]],
    models: Mapping[str, Mapping[str, Any]] | None = None,
    now_models: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[str]:
    """What differs between the settings a brief was made with (its record's ``settings``,
    ``generation`` and ``models``) and this run's (``config``, and ``now`` and ``now_models``:
    each model's generation settings and description), as a user would name it; "the models"
    where the difference lies in none of them. A rerun that redid every brief after a change
    did not say why."""

    def same(old: Any, new: Any) -> bool:  # as the record keeps them: through JSON
        return json.dumps(old, sort_keys=True, default=str) == json.dumps(
            new, sort_keys=True, default=str
        )

    current = run_settings(config)
    # A record without them was written by a version before they were kept.
    changed = [_SETTING_NAMES["version"]] if not settings else []
    for key in sorted(current.keys() | settings.keys()) if settings else ():
        old, new = settings.get(key), current.get(key)
        if same(old, new):
            continue
        if key == "clean" and isinstance(old, Mapping) and isinstance(new, Mapping):
            # The key of the table that changed: "the clean settings" left the user to guess
            # which. Cleaning switched on or off is clean.enabled alone (nothing else of the
            # table is kept while it is off).
            parts = (
                ["enabled"]
                if old.get("enabled", True) != new.get("enabled", True)
                else [
                    p for p in sorted(old.keys() | new.keys()) if not same(old.get(p), new.get(p))
                ]
            )
            changed += [f"clean.{part}" for part in parts] or [_SETTING_NAMES[key]]
        elif key == "clean_model_sha256" and (old is None or new is None):
            # The classifier switched on or off by the clean settings, named above: "the
            # cleaning classifier" read as if its file had changed.
            continue
        else:
            changed.append(_SETTING_NAMES.get(key, key))
    changed += [
        f"{task}.generation"
        for task in ("translation", "summarization")
        if generation and not same(generation.get(task), now.get(task))
    ]
    changed += _changed_in_models(models or {}, now_models or {}, same)
    return changed or ["the models (their files, device, backend or window)"]


# The parts of a model's description (LoadedModel.describe, a record's "models") that its
# identity holds, by the name a user knows each by ("{task}" is the section). A new transformers
# or a changed prefix was said to be "the models (their files, device, backend or window)".
_MODEL_PARTS = {
    "revision": "{task}.revision",
    "libraries": "the {task} model's libraries",
    "backend": "{task}.backend",
    "quantization": "{task}.quantization",
    "device": "{task}.device",
}
# The parts a model's own files set unless a setting does: named only where the files are the
# same (other files bring their own window and prefix).
_SETTING_OR_FILES = {
    "window_tokens": "{task}.max_input_tokens",
    "prefix": "{task}.prefix",
    "source_lang": "{task}.source_lang",
    "target_lang": "{task}.target_lang",
}


def _changed_in_models(
    models: Mapping[str, Mapping[str, Any]],
    now: Mapping[str, Mapping[str, Any]],
    same: Callable[[Any, Any], bool],
) -> list[str]:
    """Each part of each model's description that differs between a record's ``models`` and
    this run's (``now``), as a user names it; none where either is missing. Other weights are
    "{task}.model" where the model is another folder or hub id, else its files; the same
    weights under another spelling or in another folder are no change."""
    changed: list[str] = []
    for task in ("translation", "summarization"):
        old, new = models.get(task), now.get(task)
        if not isinstance(old, Mapping) or not isinstance(new, Mapping):
            continue

        def differs(key: str, old: Mapping[str, Any] = old, new: Mapping[str, Any] = new) -> bool:
            return key in old and key in new and not same(old[key], new[key])

        other_files = differs("weights")
        if other_files:
            moved = differs("location")
            changed.append(f"{task}.model" if moved else f"the {task} model's files")
        parts = _MODEL_PARTS if other_files else {**_MODEL_PARTS, **_SETTING_OR_FILES}
        changed += [name.format(task=task) for key, name in parts.items() if differs(key)]
    return changed


def run_info(translator: Translator, summarizer: Summarizer, config: Config) -> RunInfo:
    return RunInfo(
        models={
            "translation": translator.loaded.describe(),
            "summarization": summarizer.loaded.describe(),
        },
        generation={
            "translation": translator.loaded.generation_settings,
            "summarization": summarizer.loaded.generation_settings,
        },
        fingerprint=run_fingerprint(config, translator.loaded.identity, summarizer.loaded.identity),
        settings=run_settings(config),
    )


def warm_up() -> None:
    """Read the language identifier's model (about 0.5 s) before the first article needs it.
    Meant for a background thread during start-up, beside reading the models' tokenizers: most
    of the read is LZMA decompression, which runs without the GIL. (The English lemma tables the
    checks need are pure-Python parsing: read there, they would slow every import beside them,
    so the checks read them when first used.) A failure here is left for the real use to
    report."""
    from summarize.clean.language import warm_up as warm_up_language

    try:
        warm_up_language()
    except Exception as error:  # only a head start; the real use raises
        logger.debug("warm-up: %s", error)


InputPaths: TypeAlias = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
"""What an engine's ``run`` reads: one path or several, as ``str`` or ``Path``."""


def find_inputs(
    inputs: InputPaths, output_folder: Path | None = None
) -> tuple[list[Path], list[ArticleOutcome]]:
    """The article files among ``inputs``, and a failed outcome for each path that is not one.
    Raises UsageError when there is no article at all, or when a folder to read is the output
    folder (its briefs and index would be read as articles): the run stops before any work."""
    paths = input_paths(inputs)
    if output_folder is not None and is_folder(output_folder):
        for path in paths:
            if is_folder(path) and path.resolve() == output_folder.resolve():
                raise UsageError(
                    f"{shown(path)} is both an input folder and the output folder: its briefs and "
                    "index would be read as articles; write the briefs elsewhere (--output)"
                )
    sources, problems = find_articles(paths)
    problems = _each_path_once(problems)
    if not sources:
        raise UsageError(
            "no articles to process: "
            + (
                "; ".join(f"{shown(problem.path)}: {problem.reason}" for problem in problems)
                or "no input path given"  # run([]) from code: the message ended in ": "
            )
        )
    if output_folder is not None and is_folder(output_folder):
        _refuse_to_write_over_inputs(sources, output_folder)
    failed = [
        ArticleOutcome(p.path, "failed", reason=f"{shown(p.path)}: {p.reason}") for p in problems
    ]
    return sources, failed


def input_paths(inputs: InputPaths) -> list[Path]:
    """``inputs`` as paths. Raises UsageError for an empty one: Path("") is the working
    directory, and ``run("")`` (an unset variable) summarized whatever articles stood in it,
    where the command line and the config refuse an empty path. Raises TypeError, naming what
    it got, for what is no path (None, a number, bytes): it failed deep inside, "'NoneType'
    object is not iterable", "expected str, bytes or os.PathLike object, not int"."""
    # One str is one path, not an iterable of one-letter paths ("in" was "i" and "n"), and a
    # str in a list is a path too (it failed with an AttributeError).
    if isinstance(inputs, str | os.PathLike):
        return [_input_path(inputs)]
    if isinstance(inputs, bytes | bytearray) or not isinstance(inputs, Iterable):
        raise TypeError(_not_paths(inputs))
    return [_input_path(path) for path in inputs]


def _input_path(path: object) -> Path:
    if not is_path(path):
        raise TypeError(_not_paths(path))
    if isinstance(path, str) and not path.strip():
        raise UsageError(
            f"an empty path ({path!r}); give a file or folder name (. for this folder)"
        )
    # A leading ~ is the home folder, as for the command line and the config's paths: run("~/x")
    # read a folder named "~" in the working directory ("./~x" is the name ~x here).
    return path_in_code(path)  # type: ignore[arg-type]


def _not_paths(given: object) -> str:
    return (
        "the articles to read are a path or paths (str or pathlib.Path, one or an iterable of "
        f"them), not {type(given).__name__} ({given!r:.60})"
    )


def _each_path_once(problems: Iterable[InputProblem]) -> list[InputProblem]:
    """The first problem of each path: a missing file (or a folder's bad link) given twice, in
    two spellings too, is one input, as a file given twice is processed once; it counted as a
    failed article each time. Links are not followed: two links to one place are two inputs."""
    seen: set[str] = set()
    once: list[InputProblem] = []
    for problem in problems:
        where = os.path.abspath(problem.path)
        if where not in seen:
            seen.add(where)
            once.append(problem)
    return once


def _refuse_to_write_over_inputs(sources: Sequence[Path], output_folder: Path) -> None:
    """An article given as a file may lie in the output folder under a name the run writes
    (``index.md``, or ``a.md`` beside ``a.txt``): the brief or the index would replace the
    article itself. Refused before any work, as an input folder that is the output folder is."""
    from summarize.outputs import INDEX_FILENAME, brief_name, record_path

    written = {INDEX_FILENAME.casefold()}  # case-insensitive file systems too
    for source in sources:
        name = brief_name(source)
        written |= {name.casefold(), record_path(Path(name)).name.casefold()}
    folder = output_folder.resolve()
    for source in sources:
        real = source.resolve()
        if real.parent == folder and real.name.casefold() in written:
            raise UsageError(
                f"{shown(source)} is in the output folder, where the run writes a file of that "
                "name: the article would be overwritten; write the briefs elsewhere (--output)"
            )


def prepare_text(
    text: str, options: CleanOptions | None = None
) -> tuple[CleanArticle, SegmentedArticle]:
    """The text stages alone (no model): what the cleaner dropped, what the translator receives."""
    if not isinstance(text, str):  # None: "'NoneType' object has no attribute 'splitlines'"
        raise TypeError(
            f"prepare_text takes the article's text as a str, not {type(text).__name__} "
            f"({text!r:.60})"
        )
    from summarize.segment import segment_article

    cleaned = clean_text(text, options)
    return cleaned, segment_article(cleaned)


def prepare(article: Article, config: Config, options: CleanOptions | None = None) -> Prepared:
    """Clean and segment one article: everything before the models. Raises ArticleError.

    ``options``: the cleaner's, when not the config's (``summarize inspect --no-clean``). Any
    other exception from the text stages is a defect, and fails this article alone."""
    try:
        return _prepare(article, config, options)
    except SummarizeError:
        raise  # the article's (ArticleError), or the run's (the language model unreadable)
    except BaseException as error:
        if not is_article_defect(error):
            raise
        logger.debug("preparing %s failed", shown(article.source), exc_info=error)
        raise defect_on_article(article.source, "preparing", error) from error


def _prepare(article: Article, config: Config, options: CleanOptions | None) -> Prepared:
    from summarize.segment import segment_article

    clock = _StageClock()
    with clock.stage("clean"):
        options = options or config.clean.options()
        if not config.input.force_language:
            check_language(article.text, article.source)
        else:
            options = replace(options, disabled=options.disabled | {"not_german"})
        if article.page_text and options.active(CLASSIFIER_RULE):
            # An HTML page is cleaned whole, each block weighed with the extraction's verdict;
            # every block the cleaner drops is in its audit, what the extraction left out too.
            cleaned = clean_text(
                article.page_text,
                options,
                extraction=article.text,
                headline=article.page_title or None,
                author=article.details.author,
                date=article.details.date,
            )
        else:
            # A Markdown file's title (front matter, its opening "# heading") heads the text,
            # its author's own, unlike an HTML page's metadata title (HTML has a page text).
            cleaned = clean_text(
                article.text,
                options,
                headline=article.page_title or None,
                headline_declared=not article.page_text,
                author=article.details.author,
                date=article.details.date,
            )
            if article.left_out:  # what reading the file left out is in the audit too
                left_out = tuple(Dropped(rule, text) for rule, text in article.left_out)
                cleaned = replace(cleaned, dropped=left_out + cleaned.dropped)
    with clock.stage("segment"):
        segmented = segment_article(cleaned, article.source)
    if not segmented.paragraphs:
        raise EmptiedArticle(
            f"{shown(article.source)}: no article text left after cleaning{_what_took_it(cleaned)}",
            cleaned,
        )
    sentences = ([segmented.title] if segmented.title else []) + segmented.sentences
    return Prepared(article, cleaned, segmented, tuple(sentences), clock.seconds)


class EmptiedArticle(ArticleError):
    """An article the cleaner left no text of; ``cleaned`` holds its audit (``summarize inspect``
    shows what each rule took, the page's whole text)."""

    def __init__(self, message: str, cleaned: CleanArticle) -> None:
        super().__init__(message)
        self.cleaned = cleaned

    def __reduce__(self) -> tuple[Any, ...]:  # crosses process boundaries (Ray) whole
        return (type(self), (str(self), self.cleaned))


def _what_took_it(cleaned: CleanArticle) -> str:
    """Which rules dropped the text of an article the cleaner emptied, and how to keep it: the
    user sees the rule, not only that nothing was left."""
    counts = Counter(item.rule for item in cleaned.dropped)
    if not counts:
        return ""
    rules = ", ".join(f"{rule} {count}" for rule, count in counts.most_common())
    # Only the cleaner's rules can be disabled: what reading the file left out (a Markdown
    # file's front matter, an HTML page's blocks the extraction did not take) is no setting,
    # and the advice to disable it was refused as an unknown rule.
    rule = next((rule for rule, _ in counts.most_common() if rule in RULE_NAMES), None)
    if rule is None:
        return f" (blocks dropped by rule: {rules})"
    return (
        f" (blocks dropped by rule: {rules}; --set 'clean.disable=[\"{rule}\"]' keeps what "
        f"{rule} drops)"
    )


def translate_articles(
    translator: Translator,
    articles: Sequence[Prepared],
    on_start: Callable[[int], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> list[Bilingual]:
    """Translate the sentences of many articles in one call (shared batches), then pair each
    article's English with its German. ``on_start``/``on_batch`` report model inputs."""
    start = time.perf_counter()
    inputs = [sentence for item in articles for sentence in item.sentences]
    translated = translator.translate(
        inputs, on_start=on_start, on_batch=on_batch, warn_split=False
    )
    seconds = time.perf_counter() - start
    results = []
    position = 0
    split: set[str] = set()  # distinct sentences split for the window, as the translator counts
    split_in: list[Path] = []  # the articles that hold one
    for item in articles:
        own = translated[position : position + len(item.sentences)]
        position += len(item.sentences)
        share = seconds * len(own) / max(len(inputs), 1)
        failed = next((sentence.failed for sentence in own if sentence.failed), None)
        if failed is not None:  # the article gets no brief: a failed outcome with the reason
            results.append(Bilingual(None, (), tuple(own), share, failed))
            continue
        try:  # the translation warnings read numbers with the checks' code
            results.append(pair_paragraphs(item, own, share))
        except BaseException as error:  # a defect of the checks costs this brief, not the others
            if not is_article_defect(error):
                raise
            results.append(Bilingual(None, (), tuple(own), share, _checks_failed(item, error)))
            continue
        long = {sentence.source for sentence in own if sentence.pieces > 1}
        if long:
            split |= long
            split_in.append(item.article.source)
    if split:
        logger.warning(
            "%d sentence(s) longer than the translator's %d-token window were split, in %s "
            "(each brief says how many of its own)",
            len(split),
            translator.loaded.window,
            named_few(split_in),
        )
    return results


def named_few(sources: Sequence[Path], shown_at_most: int = 3) -> str:
    """The first few sources as messages name them, and how many more: "a.txt, b.txt, c.txt
    and 2 more"."""
    names = [shown(source) for source in sources[:shown_at_most]]
    rest = len(sources) - len(names)
    if rest:
        return f"{', '.join(names)} and {rest} more"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def sentence_warnings(
    german: str,
    english: str,
    mean_logprob: float | None = None,
    reached_limit: int | None = None,
) -> list[TranslationWarning]:
    """The translation warnings of one sentence, with the language checks the pipeline uses."""
    from summarize.checks import translation_warnings

    return translation_warnings(
        german,
        english,
        mean_logprob,
        is_german=reads_as_german,
        is_english=reads_as_english,
        reached_limit=reached_limit,
    )


def _warnings_of(sentence: TranslatedSentence) -> list[TranslationWarning]:
    """A translated sentence's warnings; none for one copied, not translated (no pieces)."""
    from summarize.checks import TranslationWarning

    if not sentence.pieces:
        return []
    warnings = sentence_warnings(
        sentence.source, sentence.text, sentence.logprob, sentence.reached_limit
    )
    if sentence.unreadable:  # no other check sees it: the model read an unknown token there
        shown_parts = ", ".join(f"“{part}”" for part in sentence.unreadable)
        warnings.append(
            TranslationWarning(
                "unreadable",
                f"the translator cannot read {shown_parts}: its vocabulary lacks the characters, "
                "and the English cannot say what stood there",
            )
        )
    if sentence.empty_pieces:  # the rest came back: no check above sees the part missing
        warnings.append(
            TranslationWarning(
                "length_ratio",
                f"no English came back for {sentence.empty_pieces} of the {sentence.pieces} "
                "pieces it was split in for the translator's window: their text is missing",
            )
        )
    return warnings


def _checks_failed(item: Prepared, error: BaseException) -> str:
    """The reason of an article the checks failed on (a defect of ours, logged in full)."""
    logger.debug("the checks failed on %s", shown(item.article.source), exc_info=error)
    return str(defect_on_article(item.article.source, "the checks", error))


def pair_paragraphs(
    item: Prepared, translated: Sequence[TranslatedSentence], seconds: float = 0.0
) -> Bilingual:
    """The English headline and the German/English paragraph pairs, sentence for sentence."""
    from summarize.render import ParagraphPair

    has_title = bool(item.segmented.title)
    title_en = translated[0].text if has_title else None
    # The headline is checked as every sentence of the body is.
    title_warnings = tuple(_warnings_of(translated[0])) if has_title else ()
    body = translated[1:] if has_title else translated
    pairs: list[ParagraphPair] = []
    position = 0
    for paragraph in item.segmented.paragraphs:
        sentences = body[position : position + len(paragraph)]
        warnings = tuple(
            (number, warning)
            for number, sentence in enumerate(sentences, start=1)
            for warning in _warnings_of(sentence)
        )
        english = tuple(sentence.text for sentence in sentences)
        split = tuple(
            (number, sentence.pieces)
            for number, sentence in enumerate(sentences, start=1)
            if sentence.pieces > 1
        )
        pairs.append(ParagraphPair(paragraph, english, warnings, split))
        position += len(paragraph)
    return Bilingual(
        title_en, tuple(pairs), tuple(translated), seconds, title_warnings=title_warnings
    )


def summarize_articles(
    summarizer: Summarizer, articles: Sequence[Bilingual], sources: Sequence[Path] | None = None
) -> list[tuple[Summary | ArticleError, float]]:
    """A summary (or the reason there is none) per article, in order, with the article's share
    of the summarizer's time (by input tokens). Articles share model batches; an article whose
    translation failed is not summarized (its error stands in for the summary). ``sources``:
    the articles' files, for the log's lines about one of them."""
    start = time.perf_counter()
    kept = [index for index, article in enumerate(articles) if article.failed is None]
    summarized = iter(
        summarizer.summarize_many(
            [articles[index].english_sentences for index in kept],
            [shown(sources[index]) for index in kept] if sources is not None else None,
        )
    )
    summaries = [
        ArticleError(article.failed) if article.failed is not None else next(summarized)
        for article in articles
    ]
    seconds = time.perf_counter() - start
    tokens = sum(s.input_tokens for s in summaries if not isinstance(s, ArticleError))
    return [
        (s, 0.0 if isinstance(s, ArticleError) else seconds * s.input_tokens / max(tokens, 1))
        for s in summaries
    ]


def finish(
    item: Prepared,
    bilingual: Bilingual,
    summary: Summary,
    run: RunInfo,
    summarize_seconds: float = 0.0,
) -> Brief:
    """Checks and key facts: the brief record of one article. Raises ArticleError when the
    checks fail on it (an OverflowError on a 320-digit number ended the whole run once)."""
    from summarize.checks import find_key_facts
    from summarize.render import Brief

    segmented = item.segmented
    pairs = bilingual.paragraphs
    seconds = dict(item.seconds)
    seconds["translate"] = bilingual.seconds
    seconds["summarize"] = summarize_seconds
    start = time.perf_counter()
    # The English as a source of numbers only where its German backs them: a translator's
    # "25 million" for "2,5 Millionen" (the sentence's "numbers" warning) backed the summary
    # that repeated it, and was listed among the key facts.
    backed = [" ".join(_backed_english(pair)) for pair in pairs]
    english_text = "\n".join(" ".join(pair.english) for pair in pairs)
    backed_text = "\n".join(backed)
    german_text = "\n".join(" ".join(pair.german) for pair in pairs)
    if segmented.title and bilingual.title_en:
        title_en = _backed(segmented.title, bilingual.title_en, bilingual.title_warnings)
        english_text = f"{bilingual.title_en}\n{english_text}"
        backed_text = f"{title_en}\n{backed_text}"
        german_text = f"{segmented.title}\n{german_text}"
    try:
        flags = _summary_flags(summary.text, backed_text, english_text, german_text)
        facts, facts_found = find_key_facts(backed)
    except BaseException as error:  # a defect of the checks costs this brief, not the others
        if not is_article_defect(error):
            raise
        raise ArticleError(_checks_failed(item, error)) from error
    seconds["check"] = time.perf_counter() - start
    return Brief(
        source=str(item.article.source),
        source_path=absolute_source_path(Path(item.article.source)),
        source_sha256=item.article.sha256,
        stem=item.article.stem,
        title_de=segmented.title,
        title_en=bilingual.title_en,
        paragraphs=pairs,
        summary=summary,
        # Copies: the run's own are every later brief's too, and a caller that changed one
        # brief's (``Pipeline.make_brief``) rewrote what the later records said of the models.
        models=copy.deepcopy(run.models),
        generation=copy.deepcopy(run.generation),
        settings=copy.deepcopy(run.settings),
        generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
        seconds=seconds,
        sentences_split=sum(1 for sentence in bilingual.translated if sentence.pieces > 1),
        title_split_into=_title_pieces(segmented.title, bilingual.translated),
        title_warnings=bilingual.title_warnings,
        details=item.article.details,
        dropped=item.cleaned.dropped,
        has_lead=item.cleaned.has_lead,
        fingerprint=run.fingerprint,
        flags=tuple(flags),
        key_facts=tuple(facts),
        key_facts_found=facts_found,
    )


def _backed(german: str, english: str, warnings: Iterable[TranslationWarning]) -> str:
    """A sentence's English with the numbers its "numbers" warning names blanked."""
    from summarize.checks.translation_warnings import without_numbers_not_in_german

    if any(warning.kind == "numbers" for warning in warnings):
        return without_numbers_not_in_german(german, english)
    return english


def _backed_english(pair: ParagraphPair) -> list[str]:
    """A paragraph's English sentences, each as :func:`_backed` gives it."""
    return [
        _backed(german, english, (w for at, w in pair.warnings if at == number))
        for number, (german, english) in enumerate(
            zip(pair.german, pair.english, strict=True), start=1
        )
    ]


def _summary_flags(summary: str, backed: str, english: str, german: str) -> list[Flag]:
    """The summary's flags against the English where its German backs its numbers
    (``backed``): a number only the translation states is flagged and said to be; a quotation
    or name the English states as written is not flagged for the number in it (flagged once)."""
    from summarize.checks import unsupported_facts
    from summarize.checks.translation_warnings import ONLY_IN_TRANSLATION

    flags = unsupported_facts(summary, backed, german)
    if backed == english:
        return flags

    def mention(flag: Flag) -> tuple[str, str, int | None]:
        # by mention: of "42 miles … 42 kilograms" only the miles' 42 may be the translation's
        return flag.kind, flag.text, flag.start

    as_written = {mention(flag) for flag in unsupported_facts(summary, english, german)}
    return [
        flag if mention(flag) in as_written else replace(flag, reason=ONLY_IN_TRANSLATION)
        for flag in flags
        if mention(flag) in as_written or flag.kind == "number"
    ]


def _title_pieces(title: str | None, translated: Sequence[TranslatedSentence]) -> int:
    """The pieces the headline (the article's first model input) was translated in, when it
    was split for the translator's window; else 0."""
    if not title or not translated or translated[0].pieces < 2:
        return 0
    return translated[0].pieces
