"""Translation: German sentences to English, order and paragraphs preserved.

Each distinct sentence goes to the model once. Pieces with nothing to translate (blank,
punctuation or digits only) are copied as they are: opus-mt invents text for them. A sentence
longer than the model's window is split at the sentence ends inside it, then at clause marks,
then between words (:func:`summarize.batching.split_to_window`), and the English pieces are
joined again; nothing is cut.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from summarize.backends import Generated
from summarize.batching import (
    GenerationFailed,
    WindowTooSmall,
    generate_texts,
    split_to_window,
    tokenizer_failure,
)
from summarize.cache import TranslationCache
from summarize.config import ModelSettings
from summarize.errors import SummarizeError, holds_word, is_article_defect, shows_text
from summarize.models import LoadedModel
from summarize.tokens import Respelled, UnknownCharacters, unknown_text

logger = logging.getLogger("summarize")

_MIN_CACHE_CHUNK = 64
_HAS_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
# Marks with no width that text copied from the web or a word processor carries inside words:
# the soft hyphen (U+00AD), the word joiner and invisible operators (U+2060-U+2064, U+180E)
# anywhere, and a zero-width (non-)joiner between two letters (one between emoji joins them into
# one and stays).
# Marian's tokenizer made each an unknown token or a word break ("Auf<unk>lage", "Auf lage").
_INVISIBLE_IN_WORDS = re.compile(
    r"\u00ad|[\u2060-\u2064\u180e]|(?<=[^\W\d_])[\u200c\u200d](?=[^\W\d_])"
)


@dataclass(frozen=True)
class TranslatedSentence:
    source: str
    text: str
    pieces: int  # model inputs the sentence was split into; 0 = copied, not translated
    logprob: float | None = None  # mean token log-probability, when the backend reports it
    failed: str | None = None  # why the model gave no English for it (then ``text`` is empty)
    # The translator's output limit in tokens when the English of a piece reached it: that
    # English may be cut (the brief warns). None when no piece did.
    reached_limit: int | None = None
    # Pieces of a sentence split for the window whose English came back empty: their text is
    # missing from the sentence's English (the brief warns).
    empty_pieces: int = 0
    # Words or figures of the sentence its tokenizer reads as the unknown token (characters
    # its vocabulary lacks: "PHỞ", a Korean name): the model saw nothing of them (the brief
    # warns). A stray symbol alone (| or an emoji) is not listed: no words are lost.
    unreadable: tuple[str, ...] = ()
    # Characters its tokenizer reads as the unknown token that the model was given in a
    # spelling it reads (“ ” as ", ’ as ': UnknownCharacters.respelled), each time. The brief
    # shows the German as it stands.
    respelled: int = 0


def model_input(sentence: str) -> str:
    """What the model reads of a sentence: without soft hyphens (U+00AD) and the other marks
    of no width that sit inside words (_INVISIBLE_IN_WORDS). Copied web pages carry them
    ("Ge\u00adschäfts\u00adkun\u00adden") where they are invisible, and the tokenizer cut such
    a word at every one. The brief shows the German as it stands."""
    return _INVISIBLE_IN_WORDS.sub("", sentence)


def needs_model(text: str) -> bool:
    """True when the text holds at least one letter: only then is there anything to translate."""
    return bool(_HAS_WORD.search(text))


class Translator:
    """Translates batches of sentences with one loaded model (and an optional disk cache)."""

    def __init__(
        self,
        loaded: LoadedModel,
        settings: ModelSettings,
        cache: TranslationCache | None = None,
        weights: Callable[[], LoadedModel] | None = None,
    ) -> None:
        """``weights``: given when ``loaded`` is the model without its weights
        (:func:`summarize.models.without_weights`), what loads them; called the first time an
        input is not in the cache, so a run that finds every sentence there loads none."""
        self.loaded = loaded
        self.settings = settings
        self.cache = cache
        self._weights = weights
        # Whether a character is a letter or digit the tokenizer reads as its unknown token: a
        # sentence is read again whole only when it holds one (3 of the 117,689 lines of the
        # dev pages and WMT dev set with opus-mt; a rerun that finds every sentence cached
        # tokenizes the others not again).
        self._unreadable_character: dict[str, bool] = {}
        self._unknown_characters = UnknownCharacters(loaded.tokenizer)

    def ensure_weights(self) -> None:
        """Load the weights now, when they were left for later (``weights``)."""
        if self._weights is not None:
            self.loaded = self._weights()
            self._weights = None

    def needs_weights(self, sentences: Sequence[str]) -> bool:
        """Whether translating ``sentences`` needs the model: some input is not in the cache."""
        _, inputs, output_of, _ = self._lookup(sentences)
        return any(piece not in output_of for piece in inputs)

    def output_limit(self) -> int | None:
        """The most tokens the translator writes for one input; None if unset."""
        return self.loaded.output_limit()

    def reached_limit(self, output: Generated, limit: int | None) -> bool:
        """Whether an output is as long as the limit allows (generation may have stopped there
        rather than at the end of the sentence). Counted by the tokens written where the
        backend or the cache says: the English encoded again counts fewer when the model wrote
        pieces its tokenizer drops (`<unk>`), and such an output cut at the limit passed."""
        return bool(limit) and self.loaded.reached_output_limit(
            output.text, limit, tokens=output.tokens
        )

    def fingerprint(self) -> str:
        """Everything that changes this translator's output for a given input."""
        encoded = json.dumps(self.loaded.identity, sort_keys=True, default=str).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()

    def generate_batch(
        self, texts: list[str], on_batch: Callable[[int], None] | None = None
    ) -> list[Generated | GenerationFailed]:
        """The only place model inputs leave this stage (tests instrument it)."""
        self.ensure_weights()
        return generate_texts(
            self.loaded, texts, self.settings.batch_size, self.settings.max_batch_tokens, on_batch
        )

    def translate(
        self,
        sentences: Sequence[str],
        on_start: Callable[[int], None] | None = None,
        on_batch: Callable[[int], None] | None = None,
        warn_split: bool = True,
    ) -> list[TranslatedSentence]:
        """English for each sentence, in order. ``on_start`` gets the number of model inputs,
        ``on_batch`` the number done by each batch (for progress bars). Sentences split for the
        window are warned of unless ``warn_split`` is false (a caller that knows which articles
        they come from says so itself, naming them)."""
        pieces_of, inputs, output_of, unfit = self._lookup(sentences)
        split_count = sum(1 for pieces in pieces_of.values() if len(pieces) > 1)
        if split_count and warn_split:
            logger.warning(
                "%d sentence(s) longer than the translator's %d-token window were split",
                split_count,
                self.loaded.window,
            )
        fingerprint = self.fingerprint()
        # Longest first, in chunks: similar lengths batch well, and each finished chunk is
        # cached at once, so a killed run keeps its work.
        missing = sorted((p for p in inputs if p not in output_of), key=len, reverse=True)
        if missing:  # before the progress starts: a model that cannot load stops the run here
            self.ensure_weights()
        if on_start is not None:
            on_start(len(missing))
        chunk_size = max(4 * self.settings.batch_size, _MIN_CACHE_CHUNK)
        failed: dict[str, str] = {}  # pieces the model failed on even alone: why (not cached)
        for start in range(0, len(missing), chunk_size):
            chunk = missing[start : start + chunk_size]
            translated: dict[str, Generated] = {}
            for piece, output in zip(chunk, self.generate_batch(chunk, on_batch), strict=True):
                if isinstance(output, GenerationFailed):
                    failed[piece] = output.reason
                else:
                    translated[piece] = output
            output_of.update(translated)
            if self.cache is not None:
                self.cache.put_many(fingerprint, translated)
        limit = self.output_limit()
        at_limit = {
            piece for piece, output in output_of.items() if self.reached_limit(output, limit)
        }
        results = []
        for sentence in sentences:
            if sentence not in pieces_of:
                results.append(TranslatedSentence(sentence, sentence, 0))
                continue
            pieces = pieces_of[sentence]
            if sentence in unfit:
                results.append(TranslatedSentence(sentence, "", 1, failed=unfit[sentence]))
                continue
            reasons = [failed[piece] for piece in pieces if piece in failed]
            if reasons:  # no English rather than part of it
                results.append(TranslatedSentence(sentence, "", len(pieces), failed=reasons[0]))
                continue
            read = self._model_input(sentence)
            outputs = [output_of.get(piece, Generated(piece)) for piece in pieces]
            # An empty piece joined in left a double space where its text was missing.
            joined = " ".join(output.text for output in outputs if shows_text(output.text))
            # A piece with words whose English holds none ("." for "im Bahnhof warteten
            # viele,") lost its text as an empty one did; a piece copied (no letter) lost none.
            empty = sum(
                1
                for piece, output in zip(pieces, outputs, strict=True)
                if needs_model(piece) and not holds_word(output.text)
            )
            scores = [output.logprob for output in outputs if output.logprob is not None]
            logprob = sum(scores) / len(scores) if scores else None  # type: ignore[arg-type]
            reached = limit if any(piece in at_limit for piece in pieces) else None
            results.append(
                TranslatedSentence(
                    sentence,
                    joined,
                    len(pieces),
                    logprob,
                    None,
                    reached,
                    empty if holds_word(joined) else 0,  # else no English at all: said so
                    self.unreadable(read.text),
                    len(read.replaced),
                )
            )
        self._log_respelled(results)
        return results

    @staticmethod
    def _log_respelled(results: Sequence[TranslatedSentence]) -> None:
        respelled = sum(sentence.respelled for sentence in results)
        if respelled:  # a fact of the model's input, nothing to act on: for -v
            logger.debug(
                "translator: %d character(s) its vocabulary lacks were given in a spelling it "
                "reads (“ ” as \", ’ as ', as OPUS-MT's preprocessing writes them)",
                respelled,
            )

    def _model_input(self, sentence: str) -> Respelled:
        """What the model reads of a sentence: :func:`model_input`, with the characters its
        tokenizer cannot read and that have a spelling it reads in that spelling (opus-mt's
        training data had " for “ ”, ' for ’: 3,355 unknown tokens on the 588 dev pages)."""
        return self._unknown_characters.respelled(model_input(sentence))

    def unreadable(self, text: str) -> tuple[str, ...]:
        """The words or figures of ``text`` the translator's tokenizer reads as its unknown
        token, each once, in order (:attr:`TranslatedSentence.unreadable`)."""
        tokenizer = self.loaded.tokenizer
        if getattr(tokenizer, "unk_token_id", None) is None:  # none, or reads every character
            return ()
        unreadable = self._unreadable_character
        for character in set(text) - unreadable.keys():
            unreadable[character] = holds_word(character) and bool(
                unknown_text(tokenizer, character)
            )
        if not any(unreadable[character] for character in text):
            return ()
        return tuple(
            dict.fromkeys(part for part in unknown_text(tokenizer, text) if holds_word(part))
        )

    def _lookup(
        self, sentences: Sequence[str]
    ) -> tuple[dict[str, list[str]], list[str], dict[str, Generated], dict[str, str]]:
        """The pieces (model inputs) of each distinct sentence that needs the model, every
        input once, the outputs the cache holds for them, with their scores (a brief's
        translation warnings do not depend on whether its sentences were translated before),
        and why a sentence with a character the window cannot hold has no pieces.

        A sentence the cache holds whole is one piece (every input cached fit the window) and
        is not tokenized: with opus-mt's tokenizer that is 60 µs a sentence, seconds of a rerun
        over thousands of articles that finds them all there."""
        fingerprint = self.fingerprint()
        whole = {
            sentence: self._model_input(sentence).text
            for sentence in sentences
            if needs_model(sentence)
        }
        output_of = self._cached(fingerprint, whole.values())
        pieces_of: dict[str, list[str]] = {}
        unfit: dict[str, str] = {}
        for sentence, text in whole.items():
            try:
                pieces_of[sentence] = (
                    [text] if text in output_of else split_to_window(text, self.loaded.fits)
                )
            except WindowTooSmall as error:  # that sentence gets no English; the run goes on
                unfit[sentence] = f"translation: {error}"
                pieces_of[sentence] = []
            except SummarizeError:
                raise
            except BaseException as error:
                # The tokenizer's defect on this sentence (an exception, a Rust panic): every
                # article's sentences are measured here before any is translated, so it ended
                # the run with no brief; it costs the sentence's article alone.
                if not is_article_defect(error):
                    raise
                logger.debug("measuring a sentence for the window failed", exc_info=error)
                unfit[sentence] = f"translation: {tokenizer_failure(self.loaded, error)}"
                pieces_of[sentence] = []
        # A piece split off a long sentence may hold no letter either ("1.000, 2.000,"): it is
        # copied like such a sentence, never sent.
        inputs = list(
            dict.fromkeys(
                piece for pieces in pieces_of.values() for piece in pieces if needs_model(piece)
            )
        )
        looked_up = set(whole.values())
        output_of.update(self._cached(fingerprint, (p for p in inputs if p not in looked_up)))
        return pieces_of, inputs, output_of, unfit

    def _cached(self, fingerprint: str, inputs: Iterable[str]) -> dict[str, Generated]:
        return self.cache.get_many(fingerprint, inputs) if self.cache is not None else {}
