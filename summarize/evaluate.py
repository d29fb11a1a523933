"""Evaluate the configured models on reference data, through the same code as ``run``.

Translation: each source line is segmented with the German rules, the sentences are translated
in length-sorted batches (split when longer than the window) and joined again per line; BLEU and
chrF are sacrebleu's corpus scores. Summaries: each article is split into sentences and
summarized directly or by map-reduce, as in a brief; ROUGE-1/2/L/Lsum are rouge-score F-measures
with stemming, averaged over articles. Scores are 0-100.
"""

from __future__ import annotations

import codecs
import json
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from summarize.errors import (
    ArticleError,
    ConfigError,
    OutputError,
    UsageError,
    holds_word,
    shown,
    shows_text,
)
from summarize.generation import generation_identity
from summarize.models import LoadedModel
from summarize.outputs import make_folder, write_atomic
from summarize.segment import split_english_sentences, split_sentences
from summarize.summarization import Summarizer
from summarize.translation import Translator

logger = logging.getLogger("summarize")

# What each evaluation writes into its output folder.
HYPOTHESES_FILE, SUMMARIES_FILE, METRICS_FILE = "hypotheses.txt", "summaries.jsonl", "metrics.json"
TRANSLATION_OUTPUTS = (HYPOTHESES_FILE, METRICS_FILE)
SUMMARY_OUTPUTS = (SUMMARIES_FILE, METRICS_FILE)


# The ROUGE of ``eval summary``: rouge-score's F-measures, stemmed, averaged over articles.
# rougeLsum (ROUGE-L over sentences, one a line) is the ROUGE-L that CNN/DailyMail papers and
# ../shared/eval's baselines quote; without it no figure of theirs could be set beside ours.
ROUGE_SETTINGS: dict[str, Any] = {
    "library": "rouge-score",
    "types": ["rouge1", "rouge2", "rougeL", "rougeLsum"],
    "use_stemmer": True,
    "score": "fmeasure, mean over articles",
    "rougeLsum_sentences": "summary and reference split one a line by the English splitter",
}


def _one_sentence_a_line(text: str) -> str:
    """``text`` as rougeLsum reads it: a sentence a line (the other types read a line break as
    a space, so their scores are unchanged)."""
    return "\n".join(split_english_sentences(text))


@dataclass(frozen=True)
class EvalResult:
    metrics: dict[str, float]
    count: int
    output: Path
    # How the scores were computed, printed under the table as sacrebleu prints its signature
    # beside a score: a BLEU copied from the screen said not which tokenizer or version.
    computed_as: tuple[str, ...] = ()


class RepeatedOutput(NamedTuple):
    """The one output that the most inputs of different text got: ``inputs`` of the ``of``
    inputs of different text that got any (``text``: that output)."""

    text: str
    inputs: int
    of: int

    def looks_input_blind(self) -> bool:
        """Whether most inputs got this one output: a model whose output does not follow its
        input (random or untrained weights, a broken checkpoint) does so, a working one never
        on different texts. Three at least: two short lines may well share a translation."""
        return self.inputs >= 3 and 2 * self.inputs >= self.of


def most_repeated_output(inputs: list[str], outputs: list[str]) -> RepeatedOutput:
    """The output most inputs of different text share (an empty one left out: it is said
    apart, as missing English or a note); an input given twice counts once."""
    inputs_by_output: dict[str, set[str]] = {}
    for text, output in zip(inputs, outputs, strict=True):
        if shows_text(output):
            inputs_by_output.setdefault(output, set()).add(text.strip())
    answered = {text for texts in inputs_by_output.values() for text in texts}
    if not inputs_by_output:
        return RepeatedOutput("", 0, 0)
    text, sharing = max(inputs_by_output.items(), key=lambda item: len(item[1]))
    return RepeatedOutput(text, len(sharing), len(answered))


def _warn_if_input_blind(repeated: RepeatedOutput, inputs: str, output: str) -> None:
    """Warn where most inputs got one output (see :meth:`RepeatedOutput.looks_input_blind`):
    with random weights every line of newstest2019 got "ownownanfang… labyrinth labyrinth" and
    every CNN/DailyMail article one summary, scored BLEU 0.00 and ROUGE 0.00 with no word that
    the model, not the translation or summary task, made the score."""
    if repeated.looks_input_blind():
        excerpt = " ".join(repeated.text.split())
        excerpt = excerpt if len(excerpt) <= 60 else f"{excerpt[:60]}…"
        logger.warning(
            "%d of %d %s of different text got the same %s (\"%s\"): the model's output does "
            "not follow its input, as with random or untrained weights, and the scores say "
            "nothing of its quality (metrics.json: most_repeated_output)",
            repeated.inputs, repeated.of, inputs, output, excerpt,
        )  # fmt: skip


def require_eval_extra() -> None:
    """The metrics come from the optional ``eval`` extra; say so before any model is loaded."""
    import importlib.util

    missing = [name for name in ("sacrebleu", "rouge_score") if not importlib.util.find_spec(name)]
    if missing:
        raise ConfigError(
            f'summarize eval needs {" and ".join(missing)}: pip install "summarize[eval]"'
        )


# Compressed files by their first bytes: sacrebleu's command reads a .gz file as its text, and
# data sets come as .jsonl.gz; each was refused as "not UTF-8 text (byte 1); save it as UTF-8".
_PACKED = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bzip2",
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
    b"PK\x03\x04": "zip",
}


def _read_lines(path: Path) -> list[str]:
    """The lines of ``path`` as ``wc -l`` and JSON Lines count them: ended by "\n" (or
    "\r\n") only. ``str.splitlines`` also ends a line at U+2028, U+0085 or a form feed, which
    JSON strings hold unescaped (``json.dumps(..., ensure_ascii=False)``) and web text holds.
    A UTF-8 byte order mark (Windows editors write one) is not text: in a reference it made the
    first word a mismatch, and a JSON Lines file was refused. So is one that starts a later
    line: files joined with ``cat`` keep each one's mark, where it is as invisible and made the
    first word of that file a mismatch (or its record not JSON). Read without universal
    newlines, which ended a line at a lone "\r" too (a file of 2 lines to ``wc -l`` had 3)."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise UsageError(f"{shown(path)}: cannot read: a folder, not a file") from None
    except OSError as error:  # one line, as ingest words it, not "[Errno 2] ...: 'path'"
        raise UsageError(f"{shown(path)}: cannot read: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        packed = next((name for magic, name in _PACKED.items() if raw.startswith(magic)), None)
        if packed is not None:  # "save it as UTF-8" is no help for newstest2019.de.gz
            raise UsageError(
                f"{shown(path)}: cannot read: compressed ({packed}), not text; unpack it first"
            ) from None
        bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0  # not counted
        raise UsageError(
            f"{shown(path)}: cannot read: not UTF-8 text (byte {error.start + bom}); save it as "
            "UTF-8"
        ) from None
    lines = text.split("\n")
    if lines[-1] == "":  # the newline that ends the last line
        lines.pop()
    return [line.removesuffix("\r").removeprefix("\ufeff") for line in lines]


def _same_file(path: Path, other: Path) -> bool:
    """Whether the two name one file (by device and inode: through a link, or a name spelt
    otherwise on a case-insensitive file system, too)."""
    try:
        return path.samefile(other)
    except OSError:  # either is missing (or unreadable): the reading says so, not this check
        return False


def spare_inputs(output: Path, written: tuple[str, ...], inputs: tuple[Path, ...]) -> None:
    """Refuse an input that is one of the files the evaluation writes into ``output``:
    ``eval summary out/summaries.jsonl -o out`` replaced the reference data with its summaries
    (and a source named hypotheses.txt with its translations), without a word. And a folder
    where an output goes: found only after every line was translated (exit 1)."""
    for name in written:
        try:
            in_the_way = (output / name).is_dir()
        except OSError as error:  # a folder above it that cannot be searched (Python 3.11 raises)
            raise OutputError(
                f"cannot write into {shown(output)}: {error.strerror or error}"
            ) from None
        if in_the_way:  # the error writing it would be, found before the models
            raise OutputError(
                f"cannot write {shown(output / name)}: a folder of that name is in the way; "
                "give another --output folder, or move it"
            )
    for path in inputs:
        clash = next((name for name in written if _same_file(path, output / name)), None)
        if clash is not None:
            raise UsageError(
                f"{shown(path)} would be overwritten: this evaluation writes its {clash} into "
                f"{shown(output)}; give another --output folder, or move the input"
            )


# A line break in a model's English (a byte-level tokenizer writes one): hypotheses.txt is one
# line per source line, and sacrebleu reads a line to each "\n" (a "\r" shows as one too).
_LINE_BREAK = re.compile(r"[ \t]*[\r\n]+[ \t]*")


class TranslationListener(Protocol):
    """What hears a test set's translation go on (a run's progress display is one): the model
    inputs to translate, then the number each batch did. A test set of 1,000 lines was one
    "translating" line, then nothing for the minutes a real model takes."""

    def translation_started(self, inputs: int) -> None: ...
    def translated(self, inputs: int) -> None: ...


class TranslatedLines(NamedTuple):
    english: list[str]  # one line per source line
    at_limit: int  # lines holding English as long as the output limit allows (maybe cut)
    split: list[int]  # the (1-based) lines with a sentence longer than the window, split
    missing: list[int]  # the (1-based) lines with a sentence (or piece) whose English was empty


def translate_lines(
    translator: Translator,
    lines: list[str],
    name: str,
    progress: TranslationListener | None = None,
) -> TranslatedLines:
    """One English line per German line, how many of them hold English as long as the
    translator's output limit allows (it may be cut there), and which had a sentence split for
    the window; all sentences of all lines batched together. A line the model fails on stops
    the evaluation, named as ``{name}:{number}`` (``name``: the file). ``progress`` hears how
    many model inputs there are to translate and how many each batch did, as a run's does."""
    # A line that shows no text (a zero-width space) is blank, as the alignment check reads it:
    # its reference line is blank too. Translated, its invisible character came back as the
    # line's English, a word scored against an empty reference (BLEU 91.9, not 100).
    sentences_per_line = [split_sentences(line) if shows_text(line) else [] for line in lines]
    flat = [sentence for sentences in sentences_per_line for sentence in sentences]
    translated = iter(
        translator.translate(
            flat,
            on_start=progress.translation_started if progress is not None else None,
            on_batch=progress.translated if progress is not None else None,
            warn_split=False,  # said below, by line
        )
    )
    english = []
    at_limit = 0
    split = []
    missing = []
    for number, sentences in enumerate(sentences_per_line, start=1):
        results = [next(translated) for _ in sentences]
        failed = next((item.failed for item in results if item.failed), None)
        if failed is not None:  # a score over a line without its English would mislead
            raise ArticleError(f"{name}:{number}: {failed}")
        # Scored as written: sacrebleu's tokenizers read a line break as a space.
        english.append(_LINE_BREAK.sub(" ", " ".join(item.text for item in results)))
        at_limit += any(item.reached_limit is not None for item in results)
        if any(item.pieces > 1 for item in results):
            split.append(number)
        # Scored as empty, as it came: a run warns of such a sentence, and this said nothing.
        # Punctuation alone ("." for "Danke!") is no English either (the run warns of it too).
        if any(
            item.empty_pieces or (item.pieces and not holds_word(item.text)) for item in results
        ):
            missing.append(number)
    _warn_of_lines(
        split,
        "%d line(s) of %s had a sentence longer than the translator's window, translated in "
        "pieces (line %s; metrics.json: lines_split_for_window)",
        name,
    )
    _warn_of_lines(
        missing,
        "%d line(s) of %s have a sentence the translator gave no English for, scored without "
        "it (line %s; metrics.json: lines_missing_english)",
        name,
    )
    return TranslatedLines(english, at_limit, split, missing)


def _warn_of_lines(numbers: list[int], message: str, name: str) -> None:
    """Warn of ``numbers`` (line numbers of ``name``, the first ten shown) with ``message``, a
    format of their count, the file's name and the lines; nothing where there are none."""
    if numbers:
        shown_lines = ", ".join(map(str, numbers[:10])) + (", …" if len(numbers) > 10 else "")
        logger.warning(message, len(numbers), name, shown_lines)


# A segment of WMT's SGML or XML test sets, one a line: read as plain text, the markup went to
# the translator and was scored against the reference's own (its ids and document lines alike),
# and a system that copied its input scored 38.6 BLEU on 20 such WMT19 lines, 2.7 on their text.
_MARKED_SEGMENT = re.compile(r"\s*<seg\b[^>]*>.*</seg>\s*$", re.IGNORECASE)


def read_translation_pairs(
    source: Path, reference: Path, output: Path | None = None
) -> tuple[list[str], list[str]]:
    """The source and reference lines, checked (readable, each with some text, aligned, not a
    file the evaluation writes into ``output`` when given): before any model loads, so that a
    wrong path costs no model load."""
    sources, references = _read_lines(source), _read_lines(reference)
    if output is not None:
        spare_inputs(output, TRANSLATION_OUTPUTS, (source, reference))
    for path, lines in ((source, sources), (reference, references)):
        number = next((n for n, line in enumerate(lines, 1) if _MARKED_SEGMENT.match(line)), 0)
        if number:
            raise UsageError(
                f"{shown(path)}:{number}: a segment in markup (<seg …>…</seg>, as WMT's .sgm and "
                ".xml test sets hold them), not plain text; give the segments' text one a line, "
                "without the markup"
            )
    # Text that shows nothing (white space, zero-width spaces) is none: blank lines, as many as
    # the source's, scored 0 against any model with exit 0.
    if not any(shows_text(line) for line in sources):
        raise UsageError(f"{shown(source)} has no text to translate")
    if not any(shows_text(line) for line in references):
        raise UsageError(f"{shown(reference)} has no reference text to score against")
    if len(sources) != len(references):
        raise UsageError(
            f"{shown(source)} has {len(sources)} lines but {shown(reference)} has "
            f"{len(references)}; they must be aligned line by line"
        )
    # A blank line one file has and the other has not a few lines on: the counts agree, the
    # lines between are shifted, and a translation scored against nothing (and nothing against
    # a reference) pulled the score down as if the model had failed them, with exit 0.
    one_sided = [
        number
        for number, (line, other) in enumerate(zip(sources, references, strict=True), start=1)
        if shows_text(line) != shows_text(other)
    ]
    if one_sided:
        number = one_sided[0]
        source_says, reference_says = (
            ("has text", "is blank")
            if shows_text(sources[number - 1])
            else ("is blank", "has text")
        )
        more = f" ({len(one_sided)} lines so)" if len(one_sided) > 1 else ""
        raise UsageError(
            f"{shown(source)}:{number} {source_says} where {shown(reference)}:{number} "
            f"{reference_says}{more}; they must be aligned line by line"
        )
    # English given as the source and German as the reference (the two paths swapped) was
    # translated and scored with exit 0: a score that means nothing, said nowhere. So was one
    # file given twice, or the other language's file in one place ("x.en x.en": English fed to
    # a German translator, which copies much of it, and scored against itself).
    source_english = _reads_confidently(sources, "en")
    reference_german = _reads_confidently(references, "de")
    if source_english and reference_german:
        raise UsageError(
            f"{shown(source)} reads as English and {shown(reference)} as German: the source "
            "comes first, then the reference (swapped?)"
        )
    twice = " (the same file given twice?)" if _same_file(source, reference) else ""
    if source_english:
        raise UsageError(
            f"{shown(source)} reads as English: the source is the German text to translate{twice}"
        )
    if reference_german:
        raise UsageError(
            f"{shown(reference)} reads as German: the reference is the English translation of "
            f"{shown(source)}{twice}"
        )
    return sources, references


def _reads_confidently(lines: list[str], language: str) -> bool:
    """True when the lines' start is confidently in ``language`` (as a run judges an article)."""
    return _language(lines) == language


def _language(texts: list[str]) -> str | None:
    """The language the texts' start is confidently in, as a run judges an article; None when
    too short to judge or no language is certain enough."""
    from summarize.clean.language import document_language

    return document_language(" ".join(texts))


def evaluate_translation(
    translator: Translator,
    source: Path,
    reference: Path,
    output: Path,
    pairs: tuple[list[str], list[str]] | None = None,
    progress: TranslationListener | None = None,
) -> EvalResult:
    """``pairs``: the lines as :func:`read_translation_pairs` read them (read here when None);
    ``progress``: hears the translation go on (see :class:`TranslationListener`)."""
    from sacrebleu.metrics import BLEU, CHRF

    spare_inputs(output, TRANSLATION_OUTPUTS, (source, reference))
    sources, references = pairs if pairs is not None else read_translation_pairs(source, reference)
    logger.info("translating %d lines of %s", len(sources), source)
    hypotheses, at_limit, split, missing = translate_lines(
        translator, sources, shown(source), progress
    )
    if at_limit:  # scored as they are: the score is the settings' as much as the model's
        logger.warning(
            "%d of %d lines hold English as long as the translator's %d-token output limit "
            "allows, which may be cut there (metrics.json: lines_at_output_limit); raise "
            "translation.generation.max_new_tokens or lower translation.max_input_tokens",
            at_limit, len(sources), translator.output_limit(),
        )  # fmt: skip
    repeated = most_repeated_output(sources, hypotheses)
    _warn_if_input_blind(repeated, "lines", "English")
    bleu, chrf = BLEU(), CHRF()
    metrics = {
        "bleu": round(bleu.corpus_score(hypotheses, [references]).score, 4),
        "chrf": round(chrf.corpus_score(hypotheses, [references]).score, 4),
    }
    about = {
        # sacrebleu's own signatures (tokenizer, casing, smoothing, version): a BLEU is
        # comparable only with one computed the same way, and the file said not which way.
        "bleu_signature": str(bleu.get_signature()),
        "chrf_signature": str(chrf.get_signature()),
        "source": str(source),
        "reference": str(reference),
        "segments": len(sources),
        "lines_at_output_limit": at_limit,
        # Scored as translated, in pieces: the score is the window's as much as the model's.
        "lines_split_for_window": split,
        # Scored without the English that came back empty: a low score, and no word why.
        "lines_missing_english": missing,
        # One English for most lines: the model's, not the task's, score (random weights).
        "most_repeated_output": repeated.inputs,
        **_made_by(translator.loaded),
    }
    _write_results(output, HYPOTHESES_FILE, hypotheses, metrics, about, (source, reference))
    signatures = (f"bleu: {about['bleu_signature']}", f"chrf: {about['chrf_signature']}")
    return EvalResult(metrics, len(sources), output, signatures)


def _no_constant(name: str) -> Any:
    """Python's json reads NaN and Infinity, which are no JSON: a record id NaN was written
    back into summaries.jsonl as NaN, a file other JSON readers refuse."""
    raise ValueError(f"{name} is no JSON value")


def _finite_number(text: str) -> float:
    """A number too large for a float (1e999) is read as infinity, which a record id then
    went back into summaries.jsonl as: Infinity, no JSON (see :func:`_no_constant`)."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large a number to be read")
    return value


def _json_kind(value: Any) -> str:
    """What a JSON value is, in words (a field present but not a string)."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def _lone_surrogate(value: Any) -> str | None:
    """The first lone surrogate in ``value`` (a JSON value), as its escape ("\\ud83d"): JSON's
    "\\ud83d" without its other half (an emoji cut in two) is read as one, which is half a
    character, no text. It stopped the evaluation with a traceback once every record was
    summarized, writing summaries.jsonl (a tokenizer refuses it too)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        return f"\\u{ord(error.object[error.start]):04x}"
    return None


_JSON_LINES = "eval summary reads JSON Lines: one record (a JSON object) a line"


def _one_document(lines: list[str], records: list[dict[str, Any]]) -> str:
    """What to say of a file whose first record is no JSON when the whole file is one JSON
    document (``json.dump(records, file, indent=2)``): it was called "not JSON" alone."""
    if records:
        return ""
    try:
        json.loads("\n".join(lines))
    except (ValueError, RecursionError):
        return ""
    return f": the file is one JSON document of {len(lines)} lines, and {_JSON_LINES}"


def _field_names(record: dict[str, Any], most: int = 12) -> str:
    """A record's keys for a message, the first ``most`` and how many more (a record of
    hundreds of keys stays one line; none is left out without saying so)."""
    names = [repr(name) for name in list(record)[:most]]
    if not names:
        return "none"
    more = len(record) - most
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def read_summary_records(
    data: Path,
    text_field: str = "article",
    reference_field: str = "reference",
    output: Path | None = None,
) -> list[dict[str, Any]]:
    """The records of ``data``, checked (readable, JSON, both fields, neither empty, not a
    file the evaluation writes into ``output`` when given): before any model loads, so that a
    wrong path or field costs no model load."""
    if text_field == reference_field:  # "--reference-field article": a slip of the option
        raise UsageError(
            f"the text field and the reference field are both {text_field!r}: each summary "
            "would be scored against its own article; the reference field names the summaries "
            "to score against (--reference-field)"
        )
    records: list[dict[str, Any]] = []
    lines = _read_lines(data)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line, parse_constant=_no_constant, parse_float=_finite_number)
        except json.JSONDecodeError as error:
            raise UsageError(
                f"{shown(data)}:{number}: not JSON ({error.msg}){_one_document(lines, records)}"
            ) from None
        except ValueError as error:  # NaN, Infinity or a number past a float's range
            raise UsageError(f"{shown(data)}:{number}: not JSON ({error})") from None
        except RecursionError:
            raise UsageError(f"{shown(data)}:{number}: not JSON (nested too deeply)") from None
        if not isinstance(record, dict):  # a list of records: "no text field" named one it held
            raise UsageError(
                f"{shown(data)}:{number}: {_json_kind(record)}, not a record; {_JSON_LINES}"
            )
        for field, role in ((text_field, "text"), (reference_field, "reference")):
            if field not in record:  # e.g. CNN/DM's "highlights": name the option and fields
                raise UsageError(
                    f"{shown(data)}:{number}: no {role} field {field!r}; the record's fields "
                    f"are {_field_names(record)}: name the {role} field with --{role}-field"
                )
            if not isinstance(record[field], str):
                raise UsageError(
                    f"{shown(data)}:{number}: the {field!r} field is "
                    f"{_json_kind(record[field])}, not text"
                )
        # Found now, not after summarizing the others; an empty reference scored 0 whatever
        # the summary, and pulled the average down as if the model had failed the article. One
        # of zero-width spaces is as empty: an article of them stopped the evaluation (exit 1)
        # once the models had loaded and the records before it were summarized.
        for field in (text_field, reference_field):
            if not shows_text(record[field]):
                raise UsageError(f"{shown(data)}:{number}: the {field!r} field is empty")
        for field in (text_field, reference_field, "id"):  # the id goes into summaries.jsonl
            if (surrogate := _lone_surrogate(record.get(field))) is not None:
                raise UsageError(
                    f"{shown(data)}:{number}: the {field!r} field holds {surrogate}, half of a "
                    "character (a lone surrogate), which is no text"
                )
        records.append(record)
    if not records:
        raise UsageError(f"{shown(data)} holds no records")
    # The summarizer summarizes English (a brief's summary is of the article's translation):
    # German articles (the run's own input) were summarized and scored with exit 0, a score
    # that means nothing, as a translation test set given the wrong way round would be.
    for field, what in ((text_field, "articles"), (reference_field, "summaries")):
        language = _language([record[field] for record in records])
        if language not in (None, "en"):
            named = "German" if language == "de" else f"another language ({language})"
            raise UsageError(
                f"{shown(data)}: the {field!r} field reads as {named}, not English: eval summary "
                f"scores the summarizer, which summarizes English text (a brief summarizes the "
                f"article's English translation); give English {what}"
            )
    if output is not None:
        spare_inputs(output, SUMMARY_OUTPUTS, (data,))
    return records


def evaluate_summaries(
    summarizer: Summarizer,
    data: Path,
    output: Path,
    text_field: str = "article",
    reference_field: str = "reference",
    articles_per_batch: int = 16,
    records: list[dict[str, Any]] | None = None,
) -> EvalResult:
    """``records``: as :func:`read_summary_records` read them (read here when None)."""
    from rouge_score import rouge_scorer

    spare_inputs(output, SUMMARY_OUTPUTS, (data,))
    if records is None:
        records = read_summary_records(data, text_field, reference_field)

    types, stemmed = ROUGE_SETTINGS["types"], ROUGE_SETTINGS["use_stemmer"]
    scorer = rouge_scorer.RougeScorer(types, use_stemmer=stemmed)
    totals = dict.fromkeys(types, 0.0)
    summaries: list[str] = []
    notes: list[str | None] = []  # a fallback, empty or possibly cut outputs: see Summary.note
    chunked: list[int | None] = []  # the first map round's chunks of a text over the window
    for start in range(0, len(records), articles_per_batch):  # shared model batches, as in `run`
        logger.info("summarizing %d-%d of %d", start + 1,
                    min(start + articles_per_batch, len(records)), len(records))  # fmt: skip
        group = records[start : start + articles_per_batch]
        results = summarizer.summarize_many(
            [split_english_sentences(record[text_field]) for record in group],
            [_record_name(record, number) for number, record in enumerate(group, start + 1)],
        )
        for number, (record, result) in enumerate(zip(group, results, strict=True), start + 1):
            if isinstance(result, ArticleError):  # which record: its number, and its id if any
                raise ArticleError(f"{shown(data)}: {_record_name(record, number)}: {result}")
            summaries.append(result.text)
            notes.append(result.note)
            chunked.append(result.chunks if result.path == "map-reduce" else None)
    noted = sum(note is not None for note in notes)
    if noted:  # scored like the others: the lead standing in scores well on news
        logger.warning(
            "%d of %d summaries are not the model's own whole output (the article's lead "
            "standing in, chunk summaries left out or cut, a summary at the output limit): "
            "each says why in summaries.jsonl (note)",
            noted, len(records),
        )  # fmt: skip
    in_chunks = [
        _record_name(record, number)
        for number, (record, chunks) in enumerate(zip(records, chunked, strict=True), start=1)
        if chunks is not None
    ]
    if in_chunks:  # said as a translation split for the window is: -q showed no word of it
        shown_records = ", ".join(in_chunks[:3]) + (", …" if len(in_chunks) > 3 else "")
        logger.warning(
            "%d of %d articles were longer than the summarizer's window, summarized in chunks "
            "(map-reduce), not cut at the window as published CNN/DailyMail scores usually "
            "are (%s; summaries.jsonl: chunks; metrics.json: summaries_in_chunks)",
            len(in_chunks), len(records), shown_records,
        )  # fmt: skip
    repeated = most_repeated_output([record[text_field] for record in records], summaries)
    _warn_if_input_blind(repeated, "articles", "summary")
    lines = []
    for record, summary, note, chunks in zip(records, summaries, notes, chunked, strict=True):
        scores = scorer.score(
            _one_sentence_a_line(record[reference_field]), _one_sentence_a_line(summary)
        )
        for name in totals:
            totals[name] += scores[name].fmeasure
        entry = {"id": record["id"]} if "id" in record else {}
        said = {"note": note} if note is not None else {}
        if chunks is not None:  # longer than the window: summarized in chunks (map-reduce)
            said["chunks"] = chunks
        lines.append(json.dumps({**entry, "summary": summary, **said}, ensure_ascii=False))
    metrics = {name: round(100 * total / len(records), 4) for name, total in totals.items()}
    about = {
        "data": str(data),
        "articles": len(records),
        "text_field": text_field,
        "reference_field": reference_field,
        "summaries_with_notes": noted,
        "summaries_in_chunks": len(in_chunks),
        "most_repeated_output": repeated.inputs,
        # How the scores were computed, as the translation's sacrebleu signatures say it: a
        # ROUGE differs with the library, the stemmer and rougeL against rougeLsum.
        "rouge_settings": {**ROUGE_SETTINGS, "version": _version("rouge-score")},
        **_made_by(summarizer.loaded),
        "settings": _map_reduce_settings(summarizer),
    }
    _write_results(output, SUMMARIES_FILE, lines, metrics, about, (data,))
    rouge = (
        f"rouge: rouge-score {about['rouge_settings']['version']}, stemmed, "
        f"{ROUGE_SETTINGS['score']}; rougeLsum over sentences one a line"
    )
    return EvalResult(metrics, len(records), output, (rouge,))


def _version(distribution: str) -> str | None:
    """An installed distribution's version (None where its metadata cannot be read)."""
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _record_name(record: dict[str, Any], number: int) -> str:
    """A record as an error names it: its number among the records, and its id if it has one."""
    if record.get("id") is None:
        return f"record {number}"
    return f"record {number} (id {shown(record['id'])})"


def _made_by(loaded: LoadedModel) -> dict[str, Any]:
    """Which model and settings the scores are of, as a brief's run record says it: the scores
    of two configs compared side by side could not be told apart."""
    return {"model": loaded.describe(), "generation": loaded.generation_settings}


def _map_reduce_settings(summarizer: Summarizer) -> dict[str, Any]:
    """What else shapes the summary of an article longer than the window, as a brief's run
    record has it (its ``settings``): the map steps' table (only when set) and the rounds."""
    settings: dict[str, Any] = {"max_reduce_rounds": summarizer.settings.max_reduce_rounds}
    if summarizer.settings.chunk_generation:
        settings["chunk_generation"] = generation_identity(summarizer.settings.chunk_generation)
    return settings


def _write_results(
    output: Path,
    name: str,
    lines: list[str],
    metrics: dict[str, float],
    about: dict[str, Any],
    inputs: tuple[Path, ...],
) -> None:
    """The outputs, one a line, into ``output / name``, then metrics.json with ``about`` them.
    A metrics.json of an earlier evaluation goes first: when the outputs were written and their
    metrics then were not (disk full, a stop), the old metrics stood beside the new outputs and
    named the other run's model, settings and scores as theirs. So does the other kind of
    evaluation's outputs (not an input of this one): a translation's hypotheses.txt stayed
    beside a later summary evaluation's metrics.json, as if they were its outputs."""
    make_folder(output, "the output folder")
    try:
        (output / METRICS_FILE).unlink(missing_ok=True)
    except OSError as error:  # a folder in its place, a read-only folder: it cannot be written
        raise OutputError(
            f"cannot write {shown(output / METRICS_FILE)}: {error.strerror}"
        ) from None
    for other in (HYPOTHESES_FILE, SUMMARIES_FILE):
        stale = output / other
        if other == name or not stale.is_file() or any(_same_file(p, stale) for p in inputs):
            continue
        try:
            stale.unlink()
        except OSError as error:
            raise OutputError(
                f"cannot remove {shown(stale)}, an earlier evaluation's output: {error.strerror}"
            ) from None
    _write(output / name, "".join(f"{line}\n" for line in lines))
    _write(output / METRICS_FILE, json.dumps({**metrics, **about}, indent=2) + "\n")


def _write(path: Path, content: str) -> None:
    """:func:`write_atomic`, with a folder that takes no writes (disk full, read-only, a folder
    where the file goes) said in one line (exit 1), as ``run`` says it, not as a traceback."""
    try:
        write_atomic(path, content)
    except OSError as error:
        raise OutputError(f"cannot write {shown(path)}: {error.strerror or error}") from None


def metrics_table(result: EvalResult) -> str:
    names = list(result.metrics)
    header = "| " + " | ".join(names) + " | n |"
    rule = "|" + "---|" * (len(names) + 1)
    values = "| " + " | ".join(f"{result.metrics[name]:.2f}" for name in names)
    return "\n".join([header, rule, f"{values} | {result.count} |", "", *result.computed_as])
