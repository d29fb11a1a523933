"""Summarization: English text to a summary, never truncating the input.

Text that fits the model's window is summarized directly. Longer text is split at sentence
boundaries into chunks of even size, each chunk is summarized, and the joined chunk summaries are
summarized again (map-reduce), for as many rounds as needed to fit. The chunk summaries may use
their own generate() settings (``[summarization.chunk_generation]``, e.g. shorter), merged over
the final summary's; by default they are the same.

Many documents are summarized together: each pass sends the model inputs of every document that
still needs one (direct texts, chunks, joined chunk summaries) through one length-sorted batched
call, so decoding steps are shared between articles instead of run once per article.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from summarize.backends import Generated
from summarize.batching import (
    GenerationFailed,
    WindowTooSmall,
    even_chunks,
    generate_texts,
    tokenizer_failure,
)
from summarize.config import SummarizationSettings
from summarize.errors import ArticleError, SummarizeError, is_article_defect, shows_text
from summarize.models import LoadedModel, with_generation
from summarize.tokens import UnknownCharacters

logger = logging.getLogger("summarize")

# Which generation settings a model input takes (see Summarizer.generate_batch).
InputKind = Literal["chunk", "final", "unpadded"]

_LEAD_SENTENCES = 3  # a news article's lead: what stands in when the model gives nothing
# A sentence's end: its mark, maybe inside closing quotes or a bracket.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'“”«»’)\]]*$")


@dataclass(frozen=True)
class Summary:
    text: str
    path: Literal["direct", "map-reduce"]
    input_tokens: int
    chunks: int  # chunks in the first map round (1 on the direct path)
    map_rounds: int  # map rounds before the final summary (0 on the direct path)
    note: str | None = None  # for the reader: a fallback, empty or possibly cut outputs
    # False where the article's lead stands in: every chunk summary of the last round was empty.
    final_summary: bool = True
    # The article's English sentences longer than the window, each split between chunks and
    # summarized in parts (0 on the direct path): the brief says so, as it says the translator's.
    sentences_split: int = 0


@dataclass
class _Document:
    """One document's progress through the passes."""

    index: int
    input_tokens: int
    units: list[str]  # sentences, then chunk summaries
    sentences: tuple[str, ...] = ()  # the article's own, for the fallback
    final_input: str | None = None  # set once the text to summarize last fits the window
    round_tokens: int = 0  # tokens of the text this map round reads
    first_chunks: int = 0
    map_rounds: int = 0
    sentences_split: int = 0  # the article's sentences longer than the window (first round)
    inputs: list[str] = field(default_factory=list)  # this pass's model inputs
    notes: list[str] = field(default_factory=list)  # what the reader must be told, in order
    # The article as the log names it: with thousands in a run, "the summary reached the
    # output limit" said nothing of which one.
    name: str | None = None
    # No longer than the summary's minimum length: summarized without that minimum.
    unpadded: bool = False

    def log(self, level: int, message: str) -> None:
        logger.log(level, "summarizer: %s%s", f"{self.name}: " if self.name else "", message)

    def add_note(self, note: str, level: int) -> None:
        """Keep ``note`` for the reader (the summary's note) and log it."""
        self.log(level, note)
        self.notes.append(note)


class Summarizer:
    def __init__(
        self,
        loaded: LoadedModel,
        settings: SummarizationSettings,
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        """``on_batch``: told the number of inputs of each model batch done (a Ray actor tells
        its run that the work on a long article is going on)."""
        self.loaded = loaded
        self.settings = settings
        self.on_batch = on_batch
        # Map steps (chunk summaries) may generate differently: [summarization.chunk_generation].
        self.chunk_model = with_generation(
            loaded,
            settings.chunk_generation,
            "summarization.chunk_generation",
            user_set=settings.generation,
        )
        # A text no longer than the summary's minimum length (DistilBART's min_length 56 over
        # a two-sentence news item) made the model write on past all it had to say, repeating
        # or adding to it: such a text is summarized without the minimum, and the brief says so.
        self.minimum_tokens = loaded.output_minimum()
        self.unknown_characters = UnknownCharacters(loaded.tokenizer)
        self.unpadded_model = (
            with_generation(
                loaded, {"min_length": 0}, "summarization.generation", settings.generation
            )
            if self.minimum_tokens
            else loaded
        )

    def generate_batch(
        self, texts: list[str], kinds: Sequence[InputKind] | None = None
    ) -> list[Generated | GenerationFailed]:
        """Outputs in input order; ``kinds[i]`` says which generation settings input ``i``
        takes: a map step's (chunk summary), a final summary's, or a final summary's without
        the minimum length (a text no longer than it). Default: all final."""
        kinds = list(kinds) if kinds is not None else ["final"] * len(texts)
        models = {"chunk": self.chunk_model, "final": self.loaded, "unpadded": self.unpadded_model}
        # Inputs with other generation settings go in separate batches.
        groups: dict[int, tuple[LoadedModel, list[int]]] = {}
        for index, kind in enumerate(kinds):
            model = models[kind]
            groups.setdefault(id(model), (model, []))[1].append(index)
        outputs: list[Generated | GenerationFailed] = [Generated("")] * len(texts)
        for model, indices in groups.values():
            if not indices:
                continue
            generated = generate_texts(
                model,
                [texts[i] for i in indices],
                self.settings.batch_size,
                self.settings.max_batch_tokens,
                self.on_batch,
            )
            for index, output in zip(indices, generated, strict=True):
                outputs[index] = output
        return outputs

    def summarize(self, sentences: Sequence[str]) -> Summary:
        result = self.summarize_many([sentences])[0]
        if isinstance(result, ArticleError):
            raise result
        return result

    def summarize_many(
        self, documents: Sequence[Sequence[str]], names: Sequence[str] | None = None
    ) -> list[Summary | ArticleError]:
        """A summary (or the reason there is none) per document, in order. ``names``: each
        document as the log names it (an article's file), where the caller knows them."""
        results: list[Summary | ArticleError | None] = [None] * len(documents)
        pending: list[_Document] = []
        for index, sentences in enumerate(documents):
            # Sentences that show something: a lead of zero-width spaces stood in for a summary.
            units = [sentence for sentence in sentences if shows_text(sentence)]
            if not units:
                results[index] = ArticleError(
                    "nothing to summarize: the article has no English text"
                )
                continue
            text = " ".join(units)
            try:
                tokens = self.loaded.count_tokens(text)
            except SummarizeError:
                raise
            except BaseException as error:  # the tokenizer's defect: this article's alone
                results[index] = self._tokenizer_failed(error)
                continue
            document = _Document(index, tokens, units, tuple(units))
            document.name = names[index] if names is not None else None
            if document.input_tokens <= self.loaded.window:
                document.final_input = text
            self._note_unreadable(document, text)
            # The text's own tokens: T5's prefix "summarize: " and end token are no words the
            # summary could repeat (a 28-token text read as 31 kept t5-small's minimum of 29).
            text_tokens = document.input_tokens - self.loaded.fixed_tokens
            if text_tokens <= self.minimum_tokens:
                document.unpadded = True
                document.add_note(
                    f"the English text ({text_tokens} tokens) is no longer than the "
                    f"summary's minimum length ({self.minimum_tokens} tokens), so it was "
                    "summarized without that minimum: with it, the model must write at least "
                    "as much as the article says",
                    logging.INFO,
                )
            pending.append(document)

        while pending:
            for document in list(pending):
                try:
                    document.inputs = self._inputs_for(document)
                except WindowTooSmall as error:  # that article gets no summary; the rest go on
                    results[document.index] = ArticleError(f"summarization: {error}")
                    pending.remove(document)
                except SummarizeError:
                    raise
                except BaseException as error:  # measuring a chunk summary: the model's text
                    results[document.index] = self._tokenizer_failed(error)
                    pending.remove(document)
            if not pending:
                break
            outputs = iter(
                self.generate_batch(
                    [text for d in pending for text in d.inputs],
                    [self._input_kind(d) for d in pending for _ in d.inputs],
                )
            )
            still_pending = []
            for document in pending:
                returned = [next(outputs) for _ in document.inputs]
                failures = [out.reason for out in returned if isinstance(out, GenerationFailed)]
                if failures:
                    results[document.index] = ArticleError(failures[0])
                    continue
                generated = [out for out in returned if isinstance(out, Generated)]
                if document.final_input is not None:
                    # Written as it came, without a word; or only characters that show nothing
                    # (a zero-width space, a control character): an empty Summary section.
                    if not shows_text(generated[0].text):
                        results[document.index] = self._lead_fallback(
                            document, "the summary came back empty"
                        )
                        continue
                    self._note_output_limit(document, generated[0])
                    results[document.index] = Summary(
                        generated[0].text,
                        "map-reduce" if document.map_rounds else "direct",
                        document.input_tokens,
                        document.first_chunks or 1,
                        document.map_rounds,
                        note="; ".join(document.notes) or None,
                        sentences_split=document.sentences_split,
                    )
                    continue
                document.map_rounds += 1
                # The next round reads the chunk summaries that hold text: an empty one joined
                # in left a double space in its chunks (and its log line's token count), a
                # token of its own for BART's tokenizer, which the model then read.
                document.units = [out.text for out in generated if shows_text(out.text)]
                joined = " ".join(document.units)
                if not joined:
                    results[document.index] = self._lead_fallback(
                        document,
                        f"every chunk summary of map-reduce round {document.map_rounds} was empty",
                    )
                    continue
                self._note_empty_chunks(document, generated)
                self._note_chunks_at_limit(document, generated)
                try:  # the chunk summaries are the model's new text, not measured before
                    joined_tokens = self.loaded.count_tokens(joined)
                except SummarizeError:
                    raise
                except BaseException as error:
                    results[document.index] = self._tokenizer_failed(error)
                    continue
                if joined_tokens <= self.loaded.window:
                    document.final_input = joined
                    self._unpad_short_summaries(document, joined_tokens)
                elif joined_tokens >= document.round_tokens:
                    # Chunk summaries as long as their chunks: every further round would read
                    # as much text in as many chunks or more (each round doubled the chunks
                    # with a 96-token window and min_length 56), to fail after
                    # max_reduce_rounds rounds all the same.
                    results[document.index] = ArticleError(
                        self._no_progress(document, joined_tokens)
                    )
                    continue
                elif document.map_rounds >= self.settings.max_reduce_rounds:
                    rounds = self.settings.max_reduce_rounds
                    results[document.index] = ArticleError(
                        f"the chunk summaries still exceed the summarizer's "
                        f"{self.loaded.window}-token window after {rounds} map-reduce "
                        f"{'round' if rounds == 1 else 'rounds'}; raise "
                        "summarization.max_reduce_rounds or lower the chunk summaries' length, "
                        f"summarization.chunk_generation.{_length_key(self.chunk_model)}"
                    )
                    continue
                still_pending.append(document)
            pending = still_pending
        done = [result for result in results if result is not None]
        assert len(done) == len(documents), "every document ends with a summary or an error"
        return done

    def _tokenizer_failed(self, error: BaseException) -> ArticleError:
        """The article's error where the tokenizer raised on its text (an exception, a Rust
        panic) while it was measured for the window: its English, or in a map-reduce round the
        chunk summaries the model wrote for it, which no earlier step measured. Anything else
        (Ctrl-C, a stop) is raised again."""
        if not is_article_defect(error):
            raise error
        logger.debug("measuring a text for the window failed", exc_info=error)
        return ArticleError(f"summarization: {tokenizer_failure(self.loaded, error)}")

    def _note_unreadable(self, document: _Document, text: str) -> None:
        """The letters or figures of the English the summarizer's tokenizer reads as its
        unknown token (T5's vocabulary lacks "Ö", "ñ", "ğ": 28 characters of the 1,852 WMT
        English references): the model sees nothing of them, and a name it writes from them
        cannot be right; say which, as the translator's ``unreadable`` warning does. A symbol
        alone loses no word and is not named."""
        unreadable = [
            character for character in self.unknown_characters.in_text(text) if character.isalnum()
        ]
        if not unreadable:
            return
        words = text.split()
        shown = ", ".join(
            f"“{character}” (in “{next(w for w in words if character in w)}”)"
            for character in unreadable
        )
        document.add_note(
            f"the summarizer cannot read {shown}: its vocabulary lacks the "
            f"{'character' if len(unreadable) == 1 else 'characters'}, and the summary cannot "
            "say what stood there",
            logging.WARNING,
        )

    def _unpad_short_summaries(self, document: _Document, joined_tokens: int) -> None:
        """The chunk summaries the final summary reads are no longer than its minimum length
        (short map steps, chunks whose summaries came back empty): summarized with it, the
        model wrote on past all they say, as over a short article; without it, and said."""
        text_tokens = joined_tokens - self.loaded.fixed_tokens  # without prefix, end token
        if document.unpadded or text_tokens > self.minimum_tokens:
            return
        document.unpadded = True
        document.add_note(
            f"the chunk summaries ({text_tokens} tokens) are no longer than the summary's "
            f"minimum length ({self.minimum_tokens} tokens), so the summary of them was made "
            "without that minimum: with it, the model must write at least as much as they say",
            logging.INFO,
        )

    def _lead_fallback(self, document: _Document, why: str) -> Summary:
        """The summary, or every chunk summary, came back empty: summarizing an empty text
        would only invent one, so the article's lead stands in, and the summary says so."""
        lead, described = self._lead(document.sentences)
        note = f"{why}; the summary is {described}"
        document.log(logging.WARNING, note)
        return Summary(
            lead,
            "map-reduce" if document.map_rounds else "direct",
            document.input_tokens,
            document.first_chunks or 1,
            document.map_rounds,
            note="; ".join([*document.notes, note]),
            final_summary=False,
            sentences_split=document.sentences_split,
        )

    def _lead(self, sentences: Sequence[str]) -> tuple[str, str]:
        """The article's lead, as long as a summary may be, and what it is, for the note.

        Up to three sentences, no longer together than the summarizer's output limit (where
        it has one): the lead
        had no bound, and the first sentences of a page without full stops (a list, text
        extracted without its punctuation) stood in whole, an article's worth of "summary".
        Where the first sentence alone is longer, it is cut between words with "…", and the
        note says so."""
        # Sentences, not a subheading or a label between them ("Die Lage in Kiew" joined
        # to the next sentence without a stop): those that end as sentences do, where any do.
        ending = [text for text in sentences if _ENDS_SENTENCE.search(text)]
        candidates = (ending or list(sentences))[:_LEAD_SENTENCES]
        limit = self.loaded.output_limit()  # None: the summarizer's own length is unbounded
        lead: list[str] = []
        for sentence in candidates:
            if limit and self._written_tokens(" ".join([*lead, sentence])) > limit:
                break
            lead.append(sentence)
        if lead or not limit:
            count = "sentence" if len(lead) == 1 else f"{len(lead)} sentences"
            return " ".join(lead), f"the article's first {count}"
        first = candidates[0]
        kept = self._longest_start(first, limit)
        words = len(first.split())
        return f"{kept} …" if kept else "…", (
            f"the start of the article's first sentence ({len(kept.split())} of its {words} "
            f"words), cut at the summarizer's output limit "
            f"({_length_setting('generation', self.loaded)})"
        )

    def _written_tokens(self, text: str) -> int:
        """Tokens of ``text`` as the summarizer writes them (its target tokenizer, end token
        included), as reached_output_limit counts an output."""
        # verbose=False: a lead longer than the window is no error here (see tokens.py).
        return len(self.loaded.tokenizer(text_target=text, verbose=False)["input_ids"])

    def _longest_start(self, sentence: str, limit: int) -> str:
        """The longest start of ``sentence`` that, with " …", takes no more than ``limit``
        written tokens, cut between words where it has any (else between characters); found in
        doubling steps, then halving, so no count reads much more than twice the limit."""

        def fits(end: int) -> bool:
            return self._written_tokens(f"{sentence[:end].rstrip()} …") <= limit

        low, high, step = 0, len(sentence), 1  # the start of length ``low`` fits
        while low < high:
            probe = min(low + step, high)
            if not fits(probe):
                high = probe - 1
                break
            low, step = probe, step * 2
        while low < high:
            middle = (low + high + 1) // 2
            if fits(middle):
                low = middle
            else:
                high = middle - 1
        kept = sentence[:low]
        if low < len(sentence) and not sentence[low].isspace() and " " in kept.strip():
            kept = kept.rstrip().rsplit(None, 1)[0]  # no word cut in two
        return kept.rstrip()

    @staticmethod
    def _note_empty_chunks(document: _Document, generated: list[Generated]) -> None:
        """Some (not all) chunk summaries came back empty: the next pass reads only the others,
        so the part of the text those chunks held is missing from the summary; say so."""
        empty = sum(1 for out in generated if not shows_text(out.text))
        if not empty:
            return
        note = (
            f"{empty} of {len(generated)} chunk summaries of map-reduce round "
            f"{document.map_rounds} came back empty, so the summary leaves out "
            f"the text {'that chunk' if empty == 1 else 'those chunks'} held"
        )
        document.add_note(note, logging.WARNING)

    def _note_output_limit(self, document: _Document, summary: Generated) -> None:
        """The final summary is as long as the summarizer may write: generation may have
        stopped there, mid-sentence; say so, with the setting that allows more."""
        if not self.loaded.reached_output_limit(summary.text, tokens=summary.tokens):
            return
        note = (
            f"the summary reached the summarizer's output limit "
            f"({_length_setting('generation', self.loaded)}) and may be cut off; raise it for "
            "a longer one"
        )
        document.add_note(note, logging.INFO)

    def _note_chunks_at_limit(self, document: _Document, generated: list[Generated]) -> None:
        """Chunk summaries as long as the map steps may write may be cut: the next pass reads
        them as they are; say how many."""
        cut = sum(
            1
            for out in generated
            if self.chunk_model.reached_output_limit(out.text, tokens=out.tokens)
        )
        if not cut:
            return
        note = (
            f"{cut} of {len(generated)} chunk summaries of map-reduce round "
            f"{document.map_rounds} reached the output limit "
            f"({self._chunk_length_setting()}) and may be cut off"
        )
        document.add_note(note, logging.INFO)

    def _no_progress(self, document: _Document, joined_tokens: int) -> str:
        """Why an article's map-reduce stops: a round did not shorten its text."""
        key = _length_key(self.chunk_model)
        # The setting's own value: output_limit() is max_length less the start token, and
        # "max_length (now 141 tokens)" named a value that no setting of DistilBART's holds.
        value = getattr(self.chunk_model.generation_config, key)
        now = f" (now {value}{self._taken_from_generation(key)})" if value else ""
        return (
            f"map-reduce round {document.map_rounds} did not shorten the text "
            f"({document.round_tokens} tokens read, {joined_tokens} tokens of chunk summaries "
            f"written): the chunk summaries are as long as the chunks of the summarizer's "
            f"{self.loaded.window}-token window, so more rounds would only add to it; lower "
            f"summarization.chunk_generation.{key}{now} and min_length"
        )

    def _taken_from_generation(self, key: str) -> str:
        """Where the map steps take their length ``key`` from [summarization.generation], that
        table's setting said as its source: a config setting only generation.max_length = 30
        was told of "summarization.chunk_generation.max_length = 30", a setting it never held."""
        if key in self.settings.chunk_generation or key not in self.settings.generation:
            return ""
        return f", from summarization.generation.{key}"

    def _chunk_length_setting(self) -> str:
        """The setting that bounds the map steps' outputs, with its value and, where it is
        [summarization.generation]'s, that source (see :meth:`_taken_from_generation`)."""
        key = _length_key(self.chunk_model)
        value = getattr(self.chunk_model.generation_config, key)
        return f"summarization.chunk_generation.{key} = {value}{self._taken_from_generation(key)}"

    @staticmethod
    def _input_kind(document: _Document) -> InputKind:
        if document.final_input is None:
            return "chunk"
        return "unpadded" if document.unpadded else "final"

    def _inputs_for(self, document: _Document) -> list[str]:
        if document.final_input is not None:
            return [document.final_input]
        chunks = even_chunks(document.units, self.loaded.fits, self.loaded.count_tokens)
        document.first_chunks = document.first_chunks or len(chunks)
        # Later rounds read the chunk summaries, not the article: say their length.
        tokens = (
            self.loaded.count_tokens(" ".join(document.units))
            if document.map_rounds
            else document.input_tokens
        )
        document.round_tokens = tokens
        # A sentence longer than the window goes to two chunks or more, each summarized apart:
        # said as the translator says its own (the log named only the chunks).
        split = sum(1 for unit in document.units if not self.loaded.fits(unit))
        split_note = ""
        if not document.map_rounds:
            document.sentences_split = split
            if split:
                split_note = (
                    f"; {split} {'sentence' if split == 1 else 'sentences'} longer than the "
                    f"window {'was' if split == 1 else 'were'} split between chunks"
                )
        elif split:
            # A chunk summary longer than the window (map steps that may write more than the
            # window reads) is split the same way, never cut: only the log said so, and a
            # brief whose 31-token chunk summary a 20-token window read in two parts said
            # nothing of it.
            was, each = ("was", "it") if split == 1 else ("were", "each")
            document.add_note(
                f"{split} {'chunk summary' if split == 1 else 'chunk summaries'} of map-reduce "
                f"round {document.map_rounds} {was} longer than the summarizer's "
                f"{self.loaded.window}-token window, so {each} was split between the chunks "
                f"of round {document.map_rounds + 1} and its parts summarized apart",
                logging.INFO,
            )
        document.log(
            logging.INFO,
            f"text of {tokens} tokens exceeds the summarizer's {self.loaded.window}-token "
            f"window: map-reduce round {document.map_rounds + 1} over {len(chunks)} chunks"
            f"{split_note}",
        )
        return chunks


def _length_setting(table: str, loaded: LoadedModel) -> str:
    """The setting that bounds ``loaded``'s outputs with its value, as the user would set it
    ("summarization.generation.max_length = 142"): output_limit() counts the tokens written
    after the start token, one fewer than max_length, a number no setting holds."""
    key = _length_key(loaded)
    return f"summarization.{table}.{key} = {getattr(loaded.generation_config, key)}"


def _length_key(loaded: LoadedModel) -> str:
    """The generation setting that bounds ``loaded``'s outputs, as the user would set it."""
    return "max_new_tokens" if loaded.generation_config.max_new_tokens else "max_length"
