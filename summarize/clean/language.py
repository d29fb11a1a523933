"""Language checks: the article as a whole, single lines, and translations."""

from __future__ import annotations

import itertools
import re
import tempfile
import threading
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from summarize.clean.blocks import LETTER, language_function_words
from summarize.errors import ArticleError, ModelLoadError, shown

_LATIN_LETTER = re.compile(r"[A-Za-zÀ-ɏ]")
# A character LETTER counts and _LATIN_LETTER does not. A line without one is not mostly in another
# script (its Latin letters are at least as many as its letters). One character class: a fast scan.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-zÀ-ɏ]")
_LANGUAGE_MIN_WORDS = 5
_FUNCTION_WORDS_MIN = 2
# German function words (not also English ones) that make a German sentence of a block's part.
_GERMAN_SENTENCE_MIN_WORDS = 3
_FUNCTION_WORDS_PREFIX = 80  # characters of a line searched first (median long line: 77)
_WORD_EDGES = "\"'“”„«»‚‘’()[]{}.,;:!?…–-"
_ELLIPSES = ("...", "…")  # a line ending in one (spaces after it aside) is cut off
_LANGUAGE_MIN_PROBABILITY = 0.95
_LANGUAGES = ("de", "en", "fr", "it", "es", "nl", "pl", "ru", "tr", "uk", "pt", "cs", "sv", "da")
_DOCUMENT_MIN_PROBABILITY = 0.99
_DOCUMENT_SAMPLE_CHARS = 5000
# German and English are the languages an article here may quote at length.
_ARTICLE_LANGUAGES = ("de", "en")


# A warm-up thread may be reading the model (0.5 s) when an article needs it: wait, don't
# read it twice.
_IDENTIFIER_LOADING = threading.Lock()


def _language_identifier():  # type: ignore[no-untyped-def]
    with _IDENTIFIER_LOADING:
        return _load_language_identifier()


def warm_up() -> None:
    """Read the language identifier's model now (see :func:`summarize.stages.warm_up`)."""
    _language_identifier()


@lru_cache(maxsize=1)
def _load_language_identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except OSError as error:
        raise ModelLoadError(_unreadable_identifier(error)) from None
    identifier.set_languages(list(_LANGUAGES))
    return identifier


def _unreadable_identifier(error: OSError) -> str:
    """Why py3langid's model could not be read, and what to do. py3langid unpacks the model
    (68 MB) into a temp file: a temp folder short of space (a small tmpfs as TMPDIR) ended the
    run with a traceback from inside py3langid."""
    reason = error.strerror or str(error)
    if error.filename is None:  # writing the temp file (reading the model names its file)
        return (
            f"cannot read the language identifier's model (py3langid): {reason} while "
            f"unpacking it (70 MB) into the temp folder {shown(tempfile.gettempdir())}; free "
            "space there or set TMPDIR to a folder with room"
        )
    return (
        f"cannot read the language identifier's model (py3langid): {reason} "
        f"({shown(error.filename)}); reinstall py3langid"
    )


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    german, english = language_function_words()
    return german | english


def _has_function_words(line: str) -> bool:
    """Two or more German or English function words (one "a" or "in" is no evidence)."""
    # Most lines show two in their first words: the whole words of a long line's start (the
    # last one may be cut) are tried before the whole line.
    start = line[:_FUNCTION_WORDS_PREFIX]
    if len(line) > len(start) and _enough_function_words(start.lower().split()[:-1]):
        return True
    return _enough_function_words(line.lower().split())


def _enough_function_words(words: list[str]) -> bool:
    stripped = map(str.strip, words, itertools.repeat(_WORD_EDGES))
    found = filter(_function_words().__contains__, stripped)
    return any(True for _ in itertools.islice(found, _FUNCTION_WORDS_MIN - 1, _FUNCTION_WORDS_MIN))


def mostly_other_script(line: str) -> bool:
    """True for a line written mostly in a non-Latin script (Cyrillic, Greek, CJK, Arabic ...)."""
    if line.isascii() or not _NON_LATIN_LETTER.search(line):
        return False
    letters = len(LETTER.findall(line))
    return letters >= 10 and len(_LATIN_LETTER.findall(line)) < letters / 2


def is_foreign(line: str) -> bool:
    """True only when a line is not German and not an English text the article quotes.

    An English quotation or paragraph inside a German article is article text (the classifier
    judges English boilerplate like any other block). An English snippet cut off with an ellipsis
    is not: it is a teaser or an agency caption ("... on Wednes ..."). A line with German or
    English function words is not sent to the language identifier."""
    if mostly_other_script(line):
        return True
    if line.count(" ") < _LANGUAGE_MIN_WORDS - 1:
        return False
    cut_off = line.rstrip().endswith(_ELLIPSES)
    if not cut_off and _has_function_words(line):
        return False  # the usual case, decided without the language identifier
    words = [w.strip(_WORD_EDGES).lower() for w in line.split()]
    if len(words) < _LANGUAGE_MIN_WORDS:
        return False
    german, english = language_function_words()
    n_german = sum(w in german for w in words)
    n_english = sum(w in english for w in words)
    if n_english > n_german and n_english >= 2:
        # A German sentence before an English quotation cut off with an ellipsis ("…
        # veröffentlicht. I would like to share the sad news with you all, …") is text: German
        # words that English does not share ("in" is both) say there is one.
        only_german = sum(w in german and w not in english for w in words)
        return cut_off and only_german < _GERMAN_SENTENCE_MIN_WORDS
    if n_german + n_english >= _FUNCTION_WORDS_MIN:
        return False
    language, probability = _language_identifier().classify(line)
    return language not in _ARTICLE_LANGUAGES and probability >= _LANGUAGE_MIN_PROBABILITY


def reads_as_german(text: str) -> bool:
    """True when a text (a translation, say) is confidently German."""
    return _reads_as(text, "de")


def reads_as_english(text: str) -> bool:
    """True when a text (an English quotation in a German article, say) is confidently English."""
    return _reads_as(text, "en")


def _reads_as(text: str, wanted: str) -> bool:
    if len(text.split()) < _LANGUAGE_MIN_WORDS:
        return False
    language, probability = _language_identifier().classify(text)
    return language == wanted and probability >= _LANGUAGE_MIN_PROBABILITY


class NotGermanError(ArticleError):
    """The article is not in German; skipped unless the user forces the language."""


def document_language(text: str) -> str | None:
    """The language a text is confidently in, as :func:`check_language` judges an article;
    None when it is too short to judge or no language is certain enough."""
    sample = " ".join(text[:_DOCUMENT_SAMPLE_CHARS].split())
    if len(sample.split()) < _LANGUAGE_MIN_WORDS:
        return None
    language, probability = _language_identifier().classify(sample)
    return str(language) if probability >= _DOCUMENT_MIN_PROBABILITY else None


def other_script(text: str) -> str | None:
    """The script most of a text's letters are written in ("CJK", "Hangul", "Arabic"), where
    that is not the Latin script; None for a text mostly in Latin letters."""
    sample = text[:_DOCUMENT_SAMPLE_CHARS]
    others = _NON_LATIN_LETTER.findall(sample)
    if not others or len(others) * 2 <= len(LETTER.findall(sample)):
        return None
    letter = Counter(others).most_common(1)[0][0]
    return unicodedata.name(letter, "other").split()[0].capitalize().replace("Cjk", "CJK")


def check_language(text: str, source: Path) -> None:
    """Raise NotGermanError when the article as a whole is confidently in another language
    (too little text to judge, or no language certain enough: it is kept), or mostly written
    in another script: the identifier knows none of Chinese, Japanese, Korean, Arabic, …, and
    a Chinese page it called Swedish with 0.47 was translated as German."""
    language = document_language(text)
    if language is None and (script := other_script(text)) is not None:
        language = f"{script} script"
    if language is not None and language != "de":
        raise NotGermanError(
            f"{shown(source)}: the article is in another language ({language}), not German; "
            # Said to library callers too (the run report, index.md): the setting first.
            "skipped (set input.force_language, or --force-language, to translate it anyway)"
        )
