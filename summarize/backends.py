"""Generation backends: plain torch (fp32, dynamic int8, fp16/bf16) and CTranslate2.

A backend turns batches of input texts into output texts with the model's effective
generation settings; batching, ordering and windows are decided by the caller. On CPU a backend
decodes up to ``workers`` batches at the same time, each on its share of the threads: small
decoding steps keep two cores busier as two single-threaded batches than as one batch on two
threads.
"""

from __future__ import annotations

import collections
import copy
import functools
import itertools
import json
import logging
import os
import pickle
import re
import shutil
import tempfile
import threading
import traceback
import warnings
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from summarize.errors import ConfigError, ModelLoadError, shown
from summarize.tokens import TextEncoder

if TYPE_CHECKING:
    import torch
    from transformers import GenerationConfig, PreTrainedModel, PreTrainedTokenizerBase

    from summarize.models import CTranslate2Device

logger = logging.getLogger("summarize")

# generate() settings the CTranslate2 backend maps to its own options; it refuses the rest
# rather than silently producing different output.
# ``from_pretrained`` switches process-wide torch state while it runs (default dtype, meta-device
# initialisation), so two at once in one process corrupt each other: two CTranslate2 conversions
# side by side failed with "aten::equal ... Meta tensors". Every torch model read (a torch load or
# a conversion) in this process takes this lock; the state it guards is process-wide too.
TORCH_MODEL_READ = threading.Lock()

_CT2_IGNORED = {
    "bos_token_id", "pad_token_id", "decoder_start_token_id",
    "forced_eos_token_id", "early_stopping", "renormalize_logits", "use_cache",
    "num_return_sequences", "output_scores", "return_dict_in_generate",
    # Set to false by GenerationConfig.from_model_config (a model without
    # generation_config.json); the config refuses them true.
    "output_attentions", "output_hidden_states",
}  # fmt: skip
# Of those, the tokens a CTranslate2 conversion fixes as the model's own (the decoder's start
# token, the forced end token) and generate() reads from the settings: a value of the user's
# other than the model's changed torch's output only (decoder_start_token_id = 5 on Marian
# wrote another translation; pad_token_id is what a batch's finished outputs are padded with,
# in the text where it is a word; bos_token_id starts the decoder where nothing else does).
_CT2_MODEL_TOKENS = ("bos_token_id", "pad_token_id", "decoder_start_token_id",
                     "forced_eos_token_id")  # fmt: skip
# And the beam search settings CTranslate2 runs one way only: it stops once num_beams outputs
# have ended (early_stopping = true) and takes the log-softmax after its masks
# (renormalize_logits = true). Greedy search and sampling read neither. use_cache changes only
# the speed; the others the config refuses unless they are generate()'s defaults.
_CT2_BEAM_SEARCH = {"early_stopping": True, "renormalize_logits": True}
# What transformers' generate() samples from when top_k is unset
# (GenerationConfig._get_default_generation_params).
_TRANSFORMERS_TOP_K = 50


def beam_search_bytes(beams: int, output_length: int, vocabulary: int) -> int:
    """A lower bound on the memory transformers' beam search holds for one input at its first
    step: the running and finished sequences (int64) and their beam indices (int32), each
    beams x output length, filled before the first step, and the step's scores over the
    vocabulary for every beam (float32 logits and their log-probabilities). The encoder's output
    copied for every beam, the cache and the model come on top."""
    return beams * (output_length * (2 * 8 + 2 * 4) + vocabulary * 2 * 4)


def ct2_beam_search_bytes(beams: int, vocabulary: int) -> int:
    """A lower bound on the memory CTranslate2's beam search holds for one input at a step: the
    step's float32 scores over the vocabulary for every beam (its sequences grow step by step)."""
    return beams * vocabulary * 4


def device_memory(device: str) -> int | None:
    """The total memory of ``device`` in bytes ("cuda": the GPU's; else the machine's RAM), or
    None when it cannot be told."""
    try:
        if device.startswith("cuda"):
            import torch

            return int(torch.cuda.get_device_properties(torch.device(device)).total_memory)
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError, RuntimeError, AssertionError):
        return None


class Generated(NamedTuple):
    text: str
    logprob: float | None = None  # mean token log-probability, where the backend gives it
    # Tokens written after the decoder's start token, a forced first and the end token
    # included (what max_new_tokens bounds), where the backend says: the text, encoded again,
    # may count fewer (special tokens it dropped, pieces that merge), and an output cut at the
    # limit was not said to be.
    tokens: int | None = None


class Backend(Protocol):
    name: str
    quantization: str
    workers: int  # batches decoded at the same time

    def generate_batches(self, batches: Sequence[list[str]]) -> Iterator[list[Generated]]:
        """Outputs batch by batch, in the order of ``batches``."""
        ...

    def with_generation(self, generation_config: GenerationConfig) -> Backend:
        """The same loaded weights with other generation settings (e.g. for map steps)."""
        ...


# warnings.catch_warnings() swaps the process's one list of warning filters and puts back the list
# it found: two overlapping in two threads (the two models load side by side, pipelines run in
# threads) put back each other's, and its "ignore" filter stayed for good, hiding a library
# user's own DeprecationWarning and UserWarning from then on. One at a time, then.
_WARNINGS_QUIETED = threading.Lock()


def int8_linear_layers(model: PreTrainedModel) -> PreTrainedModel:
    """``model`` with its Linear layers dynamically quantized to int8 (CPU), in place: a copy
    would keep the fp32 weights alive beside the int8 ones."""
    import torch

    with _WARNINGS_QUIETED, warnings.catch_warnings():
        # torch marks its eager quantization API deprecated; it is still what runs dynamic int8
        # Linear layers on CPU without another dependency.
        warnings.simplefilter("ignore", (DeprecationWarning, UserWarning))
        return torch.ao.quantization.quantize_dynamic(
            model, {torch.nn.Linear}, torch.qint8, inplace=True
        )


class TorchBackend:
    """transformers' generate(); int8 = dynamic quantization of the Linear layers."""

    name = "torch"

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        generation_config: GenerationConfig,
        device: torch.device,
        quantization: str,
        workers: int = 1,
    ) -> None:
        import torch

        self.quantization = quantization
        self.workers = workers if device.type == "cpu" else 1
        model.eval()
        if quantization == "int8":
            if device.type != "cpu":
                raise ConfigError("quantization = 'int8' with the torch backend runs on CPU only")
            model = int8_linear_layers(model)
        elif quantization in ("float16", "bfloat16"):
            model = model.to(getattr(torch, quantization))
        self.model = model.to(device)
        # generate() fills the fields left unset (None) in the config it is given from the
        # model's own generation_config, so a length form the config had replaced came back:
        # a max_length set in the config lost to the model's own max_new_tokens, and a
        # max_new_tokens set there met the model's own max_length (generate() warned "Both
        # max_new_tokens and max_length" on every batch of a library user's run), as a
        # min_new_tokens met DistilBART's own min_length. The config given already holds the
        # model's settings, so the model's own need not add any: every length form is cleared.
        own = copy.deepcopy(model.generation_config)
        own.max_new_tokens = None
        own.min_new_tokens = None
        own.max_length = None
        own.min_length = None
        self.model.generation_config = own
        self.tokenizer = tokenizer
        self.text_ids = TextEncoder.of(tokenizer)
        # A tokenizer saved without a pad token refused to pad: every article failed, even
        # alone ("Asking to pad but the tokenizer does not have a padding token").
        self.pad_id = _pad_id(tokenizer, model.config, generation_config)
        self.generation_config = generation_config
        self.device = device
        # The forced first token (a multilingual model's target language) is not text, even
        # where the tokenizer does not list it among its special tokens.
        forced = generation_config.forced_bos_token_id
        self.forced_ids = frozenset() if forced is None else frozenset({int(forced)})
        # LED reads the whole text with local attention; its summarizers were trained with
        # global attention on the first token.
        self.global_first_token = getattr(model.config, "model_type", "") == "led"

    def generate(self, texts: list[str]) -> list[Generated]:
        return next(self.generate_batches([texts]))

    def with_generation(self, generation_config: GenerationConfig) -> TorchBackend:
        variant = copy.copy(self)  # shares the model
        variant.generation_config = generation_config
        return variant

    def generate_batches(self, batches: Sequence[list[str]]) -> Iterator[list[Generated]]:
        # Tokenizing and decoding stay on the calling thread (a fast tokenizer must not be
        # shared across threads); only generate() runs in the workers. Each worker runs on
        # torch's thread setting, which the caller divides by the number of workers.
        encoded = [self._encode(texts) for texts in batches]
        if self.workers == 1:
            for inputs in encoded:
                yield self._decode(self._generate(inputs))
            return
        if len(encoded) == 1:  # nothing to run beside it: give the lone batch every thread
            with _threads_of_all_workers(self.workers):
                generated = self._generate(encoded[0])
            yield self._decode(generated)
            return
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="summarize-generate")
        stop = threading.Event()
        try:
            futures = [pool.submit(self._generate, inputs, stop) for inputs in encoded]
            for future in futures:
                yield self._decode(future.result())
        finally:
            # A stop (Ctrl-C, SIGTERM) or a caller that leaves early: the generate() calls under
            # way end at their next step, so the stop does not wait for whole batches (tens of
            # seconds for long summaries on CPU).
            stop.set()
            pool.shutdown(wait=True, cancel_futures=True)

    def _encode(self, texts: list[str]) -> Any:
        # After the text, whatever the folder's tokenizer_config.json says: the encoder's
        # positions count left padding (a "left" kept from decoder-only use), and a short
        # input batched with a long one was read at other positions than alone. Never cut:
        # callers split long inputs first.
        inputs = _padded_on_the_right(self.text_ids(texts), self.pad_id)
        if self.global_first_token:
            import torch

            global_attention = torch.zeros_like(inputs["input_ids"])
            global_attention[:, 0] = 1
            inputs["global_attention_mask"] = global_attention
        return inputs.to(self.device)

    def _generate(self, inputs: Any, stop: threading.Event | None = None) -> torch.Tensor:
        import torch

        extra: dict[str, Any] = {}
        if stop is not None:
            extra["stopping_criteria"] = _stopping_when(stop)
        if (
            self.model.config.is_encoder_decoder
            and (self.generation_config.num_beams or 1) > 1
            # use_cache = false: generate() recomputes every step from the whole sequence; a
            # cache passed in anyway shifted the decoder's positions (other tokens, or an
            # IndexError past a small position table).
            and self.generation_config.use_cache is not False
        ):
            extra[_cache_keyword()] = beam_search_cache(self.model.config)
        with torch.inference_mode():  # thread-local: entered in the worker that generates
            return self.model.generate(**inputs, generation_config=self.generation_config, **extra)

    def _decode(self, generated: torch.Tensor) -> list[Generated]:
        # No scores: asking generate() for them stores a vocabulary-sized tensor per step.
        rows = generated.tolist()
        # Each row starts with the decoder's start token; shorter ones are padded after their end.
        ends = _end_ids(self.generation_config)
        written = [_written(row[1:], ends) for row in rows]
        if self.forced_ids:
            rows = [[token for token in row if token not in self.forced_ids] for row in rows]
        decoded = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
        return [
            Generated(text.strip(), tokens=count)
            for text, count in zip(decoded, written, strict=True)
        ]


def _pad_id(
    tokenizer: PreTrainedTokenizerBase, model_config: Any, generation_config: GenerationConfig
) -> int:
    """The id that pads a batch's shorter inputs: the tokenizer's pad token, else the model's
    (its config's, its generation settings'), else its end token. The attention mask hides
    padding; the model's own id also keeps the positions M2M100 counts from the ids."""
    candidates = (
        tokenizer.pad_token_id,
        getattr(model_config, "pad_token_id", None),
        generation_config.pad_token_id,
        *sorted(_end_ids(generation_config)),
        tokenizer.eos_token_id,
    )
    return next((int(c) for c in candidates if isinstance(c, int) and not isinstance(c, bool)), 0)


def _padded_on_the_right(rows: list[list[int]], pad_id: int) -> Any:
    """``rows`` of input ids as one batch of tensors, the shorter padded after their text."""
    from transformers import BatchEncoding

    longest = max(len(row) for row in rows)
    return BatchEncoding(
        {
            "input_ids": [row + [pad_id] * (longest - len(row)) for row in rows],
            "attention_mask": [[1] * len(row) + [0] * (longest - len(row)) for row in rows],
        },
        tensor_type="pt",
    )


def _end_ids(generation_config: GenerationConfig) -> frozenset[int]:
    """The token ids that end an output (``eos_token_id`` may be one id or a list)."""
    ids: set[int] = set()
    for value in (generation_config.eos_token_id, generation_config.forced_eos_token_id):
        if isinstance(value, int):
            ids.add(value)
        elif value is not None:
            ids.update(int(item) for item in value)
    return frozenset(ids)


def _written(tokens: list[int], ends: frozenset[int]) -> int:
    """How many of ``tokens`` (a row after its start token) generate() wrote: up to and with
    the first end token; the padding after it was not written."""
    for position, token in enumerate(tokens):
        if token in ends:
            return position + 1
    return len(tokens)


def _stopping_when(stop: threading.Event) -> Any:
    """A generate() stopping criterion: every sequence ends once ``stop`` is set."""
    import torch
    from transformers import StoppingCriteria, StoppingCriteriaList

    class StopWhenSet(StoppingCriteria):
        def __call__(self, input_ids: torch.LongTensor, scores: Any, **_: Any) -> torch.Tensor:
            return torch.full(
                (input_ids.shape[0],), stop.is_set(), dtype=torch.bool, device=input_ids.device
            )

    return StoppingCriteriaList([StopWhenSet()])


# torch's thread count is the process's; lone batches of pipelines run side by side in threads
# raise it together: each took the count it found (another's raised one) as its own share and put
# that back, leaving the process on twice its threads after each such overlap (2 -> 4 -> 8).
_LONE_BATCHES = threading.Lock()
_lone_batches = 0  # lone batches under way
_per_worker = 0  # the count the first of them found: what each puts back


@contextmanager
def _threads_of_all_workers(workers: int) -> Iterator[None]:
    """torch is set to each worker's share of the threads; a lone batch may use them all."""
    import torch

    global _lone_batches, _per_worker
    with _LONE_BATCHES:
        if _lone_batches == 0:
            _per_worker = torch.get_num_threads()
        _lone_batches += 1
        per_worker = _per_worker
        torch.set_num_threads(per_worker * workers)
    try:
        yield
    finally:
        with _LONE_BATCHES:
            _lone_batches -= 1
            # Always: torch's count is per thread too, and this thread's must not stay raised.
            torch.set_num_threads(per_worker)


def _cache_keyword() -> str:
    """generate()'s name for a cache passed in: transformers 5.x renamed ``past_key_values`` to
    ``cache`` (warning on the old name); its list of cache names starts with the current one."""
    from transformers.generation import utils

    names = getattr(utils, "ALL_CACHE_NAMES", None)
    return names[0] if names else "past_key_values"


def beam_search_cache(config: Any) -> Any:
    """An encoder-decoder cache for beam search that leaves the cross-attention states in place.

    After every step transformers reorders the whole cache by the surviving beams. The
    cross-attention keys/values are computed from the encoder output, which is the same for all
    beams of one input, and beams never move between inputs, so reordering them changes nothing
    but costs a copy of (batch x beams x input length) states per layer per step: with
    1024-token inputs that copy was a third of DistilBART's decoding time. Output is unchanged
    token for token (tests/test_backends.py)."""
    from transformers import DynamicCache, EncoderDecoderCache

    class BeamSearchCache(EncoderDecoderCache):
        def reorder_cache(self, beam_idx: torch.LongTensor) -> None:
            self.self_attention_cache.reorder_cache(beam_idx)

    decoder_config = config.get_text_config(decoder=True)
    return BeamSearchCache(DynamicCache(config=decoder_config), DynamicCache(config=decoder_config))


def ct2_options(
    generation: GenerationConfig,
    tokenizer: PreTrainedTokenizerBase,
    table: str | None = None,
    *,
    model_config: GenerationConfig | None = None,
    user_set: Collection[str] = (),
) -> dict[str, Any]:
    """transformers generation settings as CTranslate2 translate_batch() options; a
    ConfigError for settings it cannot honour, naming ``table`` (e.g. ``translation.generation``)
    where given. With ``model_config`` (the model's own settings) and ``user_set`` (the keys
    the user's tables set), a setting CTranslate2 keeps as the model's own (see
    :data:`_CT2_MODEL_TOKENS`) that the user set otherwise is refused too.

    Lengths: transformers counts the decoder start token in max_length / min_length;
    CTranslate2 does not. Both count every generated token, a forced first token and the end
    token included, but at the maximum transformers puts the model's forced end token
    (``forced_eos_token_id``: Marian, BART, PEGASUS, mBART) in place of the last one, which is
    not text, so CTranslate2 stops one token earlier for those models only (a model without
    one, such as T5 or M2M100, otherwise lost its last token at the limit)."""
    options = {
        "beam_size": int(generation.num_beams or 1),
        **_ct2_lengths(generation),
        **_ct2_penalties(generation),
        **_ct2_tokens(generation, tokenizer),
        **_ct2_sampling(generation),
    }
    where, backend = "", "backend"
    if table is not None:
        where, backend = f"[{table}]: ", f"{table.partition('.')[0]}.backend"
    if unsupported := _ct2_unsupported(generation):
        own = [key for key in unsupported if model_config is not None and key not in user_set]
        raise ConfigError(
            f"{where}backend = 'ctranslate2' cannot honour the generation setting(s) "
            f"{', '.join(unsupported)}; "
            + (
                _model_own_remedy(generation, unsupported, own, table, backend)
                if own and table is not None
                else f"remove them or set {backend} = 'torch'"
            )
        )
    # Settings CTranslate2 would apply otherwise than generate(), each with the values it takes.
    for problem_of, remedy in (
        (_ct2_beam_sampling_problem, "do_sample = false or num_beams = 1"),
        (_ct2_repetition_penalty_problem, "repetition_penalty = 1.0"),
        (_ct2_unigram_problem, "no_repeat_ngram_size = 0 (or 2 and more)"),
    ):
        if problem := problem_of(generation):
            raise ConfigError(
                f"{where}backend = 'ctranslate2' cannot honour {problem}; set {remedy}, or "
                f"{backend} = 'torch'"
            )
    if model_config is not None and (
        overridden := _overridden_model_settings(generation, model_config, user_set)
    ):
        raise ConfigError(
            f"{where}backend = 'ctranslate2' cannot honour {'; '.join(overridden)}; remove "
            f"{'it' if len(overridden) == 1 else 'them'} or set {backend} = 'torch'"
        )
    return options


def _model_own_remedy(
    generation: GenerationConfig, unsupported: list[str], own: list[str], table: str, backend: str
) -> str:
    """What to do about ``unsupported`` settings where ``own`` of them are the model's own (its
    generation_config.json or config.json), not the table's: "remove them" sent the user to a
    table that did not hold them. The table turns one off with transformers' default for it."""
    defaults = transformers_defaults(generation)
    yours = [key for key in unsupported if key not in own]
    fixed = [key for key in own if defaults.get(key) is None]
    named = ", ".join(f"{key} = {_as_written(getattr(generation, key))}" for key in own)
    if fixed:
        return (
            f"{named} {'is' if len(own) == 1 else 'are'} the model's own (its "
            f"generation_config.json or config.json), and no value in [{table}] turns "
            f"{', '.join(fixed)} off; set {backend} = 'torch'"
        )
    steps = [f"remove {', '.join(yours)}"] if yours else []
    steps += [
        f"set {table}.{key} = {_as_written(defaults[key])} (the model's own is "
        f"{_as_written(getattr(generation, key))})"
        for key in own
    ]
    return f"{', '.join(steps)}, or set {backend} = 'torch'"


# The generation settings ct2_options turns into CTranslate2's options.
_CT2_HANDLED = frozenset((
    "num_beams", "max_new_tokens", "max_length", "min_new_tokens", "min_length",
    "length_penalty", "no_repeat_ngram_size", "repetition_penalty", "bad_words_ids",
    "eos_token_id",
    "do_sample", "top_k", "temperature", "forced_bos_token_id",
))  # fmt: skip


def _ct2_lengths(generation: GenerationConfig) -> dict[str, int]:
    """max_decoding_length and min_decoding_length (see :func:`ct2_options` on counting)."""
    lengths: dict[str, int] = {}
    forced_end = 0 if generation.forced_eos_token_id is None else 1
    if generation.max_new_tokens is not None:
        lengths["max_decoding_length"] = max(1, generation.max_new_tokens - forced_end)
    elif generation.max_length is not None:
        lengths["max_decoding_length"] = max(1, generation.max_length - 1 - forced_end)
    # CTranslate2's own minimum is 1, where generate() may end at the first step (an empty
    # output): it wrote a token the model did not choose instead.
    minimum = 0
    if generation.min_new_tokens is not None:
        minimum = generation.min_new_tokens
    elif generation.min_length:
        minimum = max(0, generation.min_length - 1)
    # transformers lets the maximum win when both are equal; so must CTranslate2.
    lengths["min_decoding_length"] = min(minimum, lengths.get("max_decoding_length", minimum))
    return lengths


def _ct2_tokens(
    generation: GenerationConfig, tokenizer: PreTrainedTokenizerBase
) -> dict[str, list[Any]]:
    """The end tokens and suppressed sequences, as tokens (CTranslate2 takes no ids)."""
    tokens: dict[str, list[Any]] = {}
    if generation.eos_token_id is not None:
        # Ignored, an end token set in [*.generation] (a list too) left CTranslate2 writing on
        # to its own; the model's own is the converter's end token anyway.
        ends = generation.eos_token_id
        ends = [ends] if isinstance(ends, int) else list(ends)
        tokens["end_token"] = tokenizer.convert_ids_to_tokens([int(end) for end in ends])
    if generation.bad_words_ids:
        tokens["suppress_sequences"] = [
            tokenizer.convert_ids_to_tokens(ids) for ids in generation.bad_words_ids
        ]
    return tokens


def _ct2_penalties(generation: GenerationConfig) -> dict[str, float | int]:
    penalties: dict[str, float | int] = {}
    if generation.length_penalty is not None:
        penalties["length_penalty"] = float(generation.length_penalty)
    if generation.no_repeat_ngram_size:
        penalties["no_repeat_ngram_size"] = int(generation.no_repeat_ngram_size)
    if generation.repetition_penalty not in (None, 1.0):
        penalties["repetition_penalty"] = float(generation.repetition_penalty)
    return penalties


def _ct2_beam_sampling_problem(generation: GenerationConfig) -> str | None:
    """Why CTranslate2 would not sample with beam search as generate() does, else None. Its
    beam search draws the candidates from the top_k of all beams' summed scores together, where
    transformers' keeps each beam's top_k of its next word; and CTranslate2 4.8 crashed the
    process (a segmentation fault: no message, no index) where top_k lies between 1 and twice
    num_beams (num_beams = 4 with top_k = 2 to 7; transformers' own 50 from num_beams = 26)."""
    beams = int(generation.num_beams or 1)
    if not generation.do_sample or beams < 2:
        return None
    return (
        f"do_sample = true with beam search (num_beams = {beams}): CTranslate2 draws the beams' "
        "next words from the top_k of all beams together, where transformers keeps each beam's "
        "top_k, and it can crash the process"
    )


def _ct2_repetition_penalty_problem(generation: GenerationConfig) -> str | None:
    """Why CTranslate2 would not apply ``repetition_penalty`` as generate() does, else None.
    Its beam search penalizes a written token's logit before the log-softmax, where
    transformers' multiplies its log-probability after it: a penalty of another size, and other
    words (a random-weight Marian at 1.2 with 2 beams wrote "entziehen entziehen" where torch
    wrote no word twice). And it does not count the decoder's start token as written, where
    generate() penalizes it too: BART starts with its end token </s>, and greedy summaries
    ended at once on CTranslate2 where torch wrote on. A start token the model cannot write
    (Marian's <pad>, a bad word) is no matter."""
    penalty = generation.repetition_penalty
    if penalty is None or penalty == 1.0:
        return None
    if int(generation.num_beams or 1) > 1:
        return (
            f"repetition_penalty = {penalty} with beam search (CTranslate2 penalizes a word's "
            "logit before it is normalized, transformers' beam search its log-probability "
            "after: a penalty of another size, and other words)"
        )
    if _start_token_written(generation):
        start = _in_use("decoder_start_token_id", generation)
        return (
            f"repetition_penalty = {penalty} with a decoder start token the model may write "
            f"(id {_as_written(start)}): transformers penalizes it as written, CTranslate2 "
            "does not, so outputs end elsewhere"
        )
    return None


def _ct2_unigram_problem(generation: GenerationConfig) -> str | None:
    """Why CTranslate2 would not apply ``no_repeat_ngram_size = 1`` as generate() does, else
    None: generate() counts the decoder's start token among the words written and never writes
    it again, CTranslate2 does; BART starts with its end token </s>, so no torch summary ended
    before its maximum, where CTranslate2's ended as the model chose. A longer n-gram that holds
    the start token is banned only where the start token comes again, which an end token never
    does."""
    if generation.no_repeat_ngram_size != 1 or not _start_token_written(generation):
        return None
    start = _in_use("decoder_start_token_id", generation)
    return (
        f"no_repeat_ngram_size = 1 with a decoder start token the model may write (id "
        f"{_as_written(start)}): transformers never writes it after the start, CTranslate2 does, "
        "so outputs end elsewhere"
    )


def ct2_beam_renormalization_note(generation: GenerationConfig) -> str | None:
    """How CTranslate2's beam search ranks beams otherwise than generate() under
    ``generation``, else None. CTranslate2 takes the log-softmax after its masks (the words
    no_repeat_ngram_size, a minimum length or bad_words_ids remove), so the words left share
    the whole probability; transformers' beam search, unless renormalize_logits = true, keeps
    the removed words' share out of each beam's score. Beams that lost more to a mask rank
    lower on torch: a tiny random BART with DistilBART's no_repeat_ngram_size = 3, 3 beams and
    length_penalty = 0 (so that no length scoring differs) wrote other words than torch for 3
    of 16 inputs, and for none with renormalize_logits = true, which CTranslate2 runs anyway.
    Greedy search and sampling rank no beams. A bad word that is the decoder's start token
    (Marian's <pad>) is left out of the conversion's vocabulary: no share of it either way."""
    if int(generation.num_beams or 1) < 2 or _in_use("renormalize_logits", generation) is True:
        return None
    start = _in_use("decoder_start_token_id", generation)
    masks = [
        f"{key} = {_as_written(getattr(generation, key))}"
        for key, masking in (
            ("no_repeat_ngram_size", bool(generation.no_repeat_ngram_size)),
            ("min_new_tokens", bool(generation.min_new_tokens)),
            ("min_length", generation.min_new_tokens is None and (generation.min_length or 0) > 1),
            ("bad_words_ids", any(ids != [start] for ids in generation.bad_words_ids or [])),
        )
        if masking
    ]
    if not masks:
        return None
    return (
        f"with beam search (num_beams = {generation.num_beams}), CTranslate2 shares out the "
        f"probability of the words {', '.join(masks)} remove among the others, where torch "
        "leaves it out of each beam's score (renormalize_logits = false): beams can rank "
        "otherwise and some outputs differ from torch's; renormalize_logits = true gives torch "
        "CTranslate2's ranking"
    )


def _start_token_written(generation: GenerationConfig) -> bool:
    """Whether the decoder's start token, which generate() counts among the tokens written, is
    one the model may write (or unknown): not where it is a bad word of its own (Marian's
    <pad>)."""
    start = _in_use("decoder_start_token_id", generation)
    return start is None or [start] not in (generation.bad_words_ids or [])


def _ct2_sampling(generation: GenerationConfig) -> dict[str, float | int]:
    if not generation.do_sample:
        return {}
    # An unset top_k samples from the 50 likeliest tokens in generate(), and 0 from them all,
    # as CTranslate2's 0 does; its 1 is greedy search, which "or 1" made of both.
    top_k = _TRANSFORMERS_TOP_K if generation.top_k is None else int(generation.top_k)
    return {"sampling_topk": top_k, "sampling_temperature": float(generation.temperature or 1.0)}


def _ct2_unsupported(generation: GenerationConfig) -> list[str]:
    """The settings, other than transformers' defaults, that CTranslate2 cannot honour. A
    default is the value generate() runs with where the setting is unset (top_p 1.0,
    num_beam_groups 1): transformers 5 leaves every field None in a new GenerationConfig, and a
    config.json saved before generation_config.json (which spelt out every default) or a table
    that wrote one out (top_p = 1.0) was refused, though it changes nothing."""
    defaults = {**type(generation)().to_dict(), **transformers_defaults(generation)}
    return sorted(
        key
        for key, value in generation.to_diff_dict().items()
        if key not in _CT2_HANDLED
        and key not in _CT2_IGNORED
        and not key.startswith("_")
        and key != "transformers_version"
        and value != defaults.get(key)
    )


def transformers_defaults(generation: GenerationConfig) -> dict[str, Any]:
    """What generate() runs with for the settings left unset (transformers 5: its
    ``_get_default_generation_params``; empty where this transformers has none)."""
    defaults = getattr(type(generation), "_get_default_generation_params", None)
    try:
        found = defaults() if callable(defaults) else {}
    except (TypeError, ValueError, AttributeError):  # a private helper that changed
        return {}
    return found if isinstance(found, dict) else {}


def _overridden_model_settings(
    generation: GenerationConfig, model_config: GenerationConfig, user_set: Collection[str]
) -> list[str]:
    """The settings of ``user_set`` that change generate()'s output from the model's own
    (``model_config``) where CTranslate2 keeps the model's own, each as ``key = value (...)``.
    A value equal to the model's own (a generation_config.json copied into the table) is not
    among them."""
    found = []
    for key in _CT2_MODEL_TOKENS:
        if key in user_set and _in_use(key, generation) != _in_use(key, model_config):
            found.append(
                f"{key} = {_as_written(getattr(generation, key))} (the model's own, which its "
                f"conversion keeps: {_as_written(getattr(model_config, key))})"
            )
    if int(generation.num_beams or 1) > 1:
        for key, honoured in _CT2_BEAM_SEARCH.items():
            value = _in_use(key, generation)
            if key in user_set and value not in (_in_use(key, model_config), honoured):
                found.append(
                    f"{key} = {_as_written(value)} with beam search (it runs as with {key} = true)"
                )
    return found


def _in_use(key: str, generation: GenerationConfig) -> Any:
    """The value generate() uses for ``key`` under ``generation``: the decoder starts with
    bos_token_id where decoder_start_token_id is unset, an unset pad token is the first end
    token, and the beam search flags are false unset."""
    if key in _CT2_BEAM_SEARCH:
        flag = getattr(generation, key, None)
        return False if flag is None else flag
    if key in ("bos_token_id", "decoder_start_token_id"):
        start = generation.decoder_start_token_id
        return generation.bos_token_id if start is None else start
    value = getattr(generation, key, None)
    if key == "pad_token_id" and value is None:
        ends = generation.eos_token_id
        value = ends[0] if isinstance(ends, list | tuple) and ends else ends
    return value


def _as_written(value: Any) -> str:
    """A setting's value as the config file writes it (false, "never"; unset for None)."""
    return "unset" if value is None else json.dumps(value)


def raised_reading_pickle(error: BaseException) -> bool:
    """Whether ``error`` came out of reading a pickle checkpoint (``torch.load``, pickle)."""
    if isinstance(error, pickle.UnpicklingError):
        return True
    return any(
        Path(frame.f_code.co_filename).name == "serialization.py"
        and "torch" in Path(frame.f_code.co_filename).parts
        for frame, _ in traceback.walk_tb(error.__traceback__)
    )


# Terminal styles (torch bolds a line of its message), then any other control character: the
# refused object's name comes from the file, and an escape sequence in it would reach the terminal.
_TERMINAL_STYLE = re.compile(r"\x1b\[[0-9;]*m")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def pickle_problem(error: BaseException) -> str:
    """What is wrong with pickle weights torch would not read, in words, on one line (torch's
    own message for a refused object runs over several lines, in terminal bold, and advises
    loading it with weights_only=False, which runs whatever code the file holds)."""
    text = _TERMINAL_STYLE.sub("", str(error))
    lines = [" ".join(_CONTROL.sub(" ", line).split()) for line in text.splitlines()]
    for line in lines:
        _, marker, refused = line.partition("WeightsUnpickler error: ")
        if marker:
            return (
                f"hold objects other than tensors, which are not read ({refused.split('. ')[0]}): "
                "such a file may run code when loaded; use the model's safetensors weights"
            )
    damage = next((line for line in lines if line), type(error).__name__)
    return f"could not be read ({damage}); copy or pull the model again"


class CTranslate2Backend:
    """A CTranslate2 translator over a converted copy of the model (int8 or float32)."""

    name = "ctranslate2"

    def __init__(
        self,
        model_dir: Path,
        tokenizer: PreTrainedTokenizerBase,
        generation_config: GenerationConfig,
        device: torch.device | CTranslate2Device,
        quantization: str,
        threads: int,
        workers: int = 1,
    ) -> None:
        import ctranslate2

        self.quantization = quantization
        self.workers = workers if device.type == "cpu" else 1
        compute_type = {"none": "default", "int8": "int8"}.get(quantization, quantization)
        load = functools.partial(
            ctranslate2.Translator,
            str(model_dir),
            device="cuda" if device.type == "cuda" else "cpu",
            compute_type=compute_type,
        )
        try:  # replicas share the weights; each runs on ``threads``
            self.translator = load(inter_threads=self.workers, intra_threads=threads)
        except (RuntimeError, ValueError, OSError) as error:  # e.g. a model.bin cut short
            raise ModelLoadError(
                f"could not load the CTranslate2 conversion at {model_dir} "
                f"({str(error).splitlines()[0] if str(error) else type(error).__name__}); "
                "if that folder was damaged (a copy cut short, a file edited), delete it and "
                "the next run converts the model again"
            ) from None
        self._lone: Future[Any] | None = None
        if self.workers > 1:
            # A lone batch (one article's summary, the last step of a map-reduce) would run on
            # one worker's threads while the others idle, and CTranslate2 fixes threads at load:
            # a second instance with every thread serves lone batches. It costs one more copy of
            # the weights in memory and loads in the background, off the first batch's path.
            pool = ThreadPoolExecutor(1, thread_name_prefix="summarize-load")
            self._lone = pool.submit(load, inter_threads=1, intra_threads=threads * self.workers)
            pool.shutdown(wait=False)
        self.tokenizer = tokenizer
        self.text_ids = TextEncoder.of(tokenizer)
        self.model_dir = model_dir
        self._apply_generation(generation_config)

    def _apply_generation(self, generation_config: GenerationConfig) -> None:
        self.options = ct2_options(generation_config, self.tokenizer)
        if "suppress_sequences" in self.options or "end_token" in self.options:
            # The converter leaves some special tokens (Marian's <pad>) out of the vocabulary;
            # the model cannot produce those anyway.
            vocabulary = _ct2_vocabulary(self.model_dir)
            suppressed = self.options.get("suppress_sequences") or []
            kept = [seq for seq in suppressed if set(seq) <= vocabulary]
            self.options["suppress_sequences"] = kept or None
            ends = [end for end in self.options.get("end_token") or [] if end in vocabulary]
            self.options["end_token"] = ends or None  # None: the model's own
        top_k = self.options.get("sampling_topk") or 0
        if top_k > 1 and top_k >= len(_ct2_vocabulary_tokens(self.model_dir)) > 0:
            # generate() samples from the whole vocabulary where top_k reaches past it, as
            # CTranslate2's 0 does; CTranslate2 refused a top_k past its own vocabulary (which
            # may lack a token of the model's: Marian's <pad>), and every input failed.
            self.options["sampling_topk"] = 0
        # At the length limit CTranslate2 stops one token before transformers puts the forced
        # end token (see ct2_options): counted, an output that long reads as at the limit.
        self.forced_end = 0 if generation_config.forced_eos_token_id is None else 1
        start = generation_config.forced_bos_token_id
        if start is None and not _ct2_has_decoder_start(self.model_dir):
            # mBART-cc25's conversion has no decoder start token: the language code its decoder
            # starts with (decoder_start_token_id, not forced again) is the target prefix. It
            # then starts the decoder, as transformers' start token does: CTranslate2 neither
            # returns nor counts it (_output strips a prefix only where the hypothesis has it).
            start = generation_config.decoder_start_token_id
        self.target_prefix = (
            self.tokenizer.convert_ids_to_tokens([start]) if start is not None else None
        )

    def with_generation(self, generation_config: GenerationConfig) -> CTranslate2Backend:
        variant = copy.copy(self)  # shares the translator (weights and worker threads)
        variant._apply_generation(generation_config)
        return variant

    def generate(self, texts: list[str]) -> list[Generated]:
        return next(self.generate_batches([texts]))

    def generate_batches(self, batches: Sequence[list[str]]) -> Iterator[list[Generated]]:
        # CTranslate2 runs up to ``workers`` batches in parallel; two per worker are queued at
        # a time, one running and one waiting, and each batch taken out makes room for the
        # next. Queued all at once, the submission blocked once CTranslate2's own queue was full
        # (four per worker), so no batch came back (nor a progress bar moved) until all but
        # the last few were done, and a stop left those few running on: CTranslate2 finishes
        # every queued batch, even as the process exits.
        translator = self._lone_translator() if len(batches) == 1 else self.translator
        waiting = iter(batches)
        in_flight = collections.deque(
            self._submit(translator, texts) for texts in itertools.islice(waiting, 2 * self.workers)
        )
        while in_flight:
            job = in_flight.popleft()
            outputs = [self._output(result.result()) for result in job]
            for texts in itertools.islice(waiting, 1):
                in_flight.append(self._submit(translator, texts))
            yield outputs

    def _lone_translator(self) -> Any:
        if self._lone is None:
            return self.translator
        try:
            return self._lone.result()
        except Exception as error:  # e.g. no memory for a second copy: one worker's threads
            logger.warning("lone batches run on one worker's threads: %s", error)
            self._lone = None
            return self.translator

    def _submit(self, translator: Any, texts: list[str]) -> list[Any]:
        sources = [self.tokenizer.convert_ids_to_tokens(ids) for ids in self.text_ids(texts)]
        prefixes = [self.target_prefix] * len(texts) if self.target_prefix else None
        return translator.translate_batch(
            sources,
            target_prefix=prefixes,
            max_batch_size=len(texts),
            return_scores=True,
            return_end_token=True,  # so the score's length is the hypothesis' length
            # CTranslate2 cuts every input after 1024 tokens by default, without a word; the
            # callers split inputs to the model's window first, which may be longer (T5 with
            # max_input_tokens), so nothing is cut here.
            max_input_length=0,
            asynchronous=True,
            **self.options,
        )

    def _output(self, result: Any) -> Generated:
        tokens = result.hypotheses[0]  # the forced prefix and, when generated, the end token
        # The hypothesis starts with the target prefix (the forced language token): not text.
        # Not where the prefix started the decoder (mBART-cc25): stripped there, it took the
        # first word of every translation.
        prefix = self.target_prefix or []
        prefixed = len(prefix) if tokens[: len(prefix)] == prefix else 0
        text_tokens = tokens[prefixed:]
        text = self.tokenizer.decode(
            self.tokenizer.convert_tokens_to_ids(text_tokens), skip_special_tokens=True
        ).strip()
        score = result.scores[0] if result.scores else None
        ends = self.options.get("end_token") or [self.tokenizer.eos_token]
        ended = bool(tokens) and tokens[-1] in ends
        return Generated(
            text,
            None if score is None else self._mean_logprob(score, len(tokens), prefixed),
            tokens=len(tokens) + (0 if ended else self.forced_end),
        )

    def _mean_logprob(self, score: float, length: int, prefixed: int) -> float:
        """CTranslate2's score is the summed log-probability of the generated tokens (the end
        token included, the forced prefix not) divided by length ** length_penalty, where length
        counts every returned token, the ``prefixed`` tokens of the prefix and the end token
        included."""
        total = score * length ** self.options.get("length_penalty", 1.0)
        return total / max(length - prefixed, 1)


def _ct2_has_decoder_start(model_dir: Path) -> bool:
    """Whether the converted model names its decoder's start token (all but mBART-cc25's)."""
    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return True  # as converted before: the prefix stays the forced token alone
    return config.get("decoder_start_token") is not None


def _ct2_vocabulary(model_dir: Path) -> set[str]:
    return set(_ct2_vocabulary_tokens(model_dir))


def _ct2_vocabulary_tokens(model_dir: Path) -> list[str]:
    """The converted model's output vocabulary, in order (empty where it cannot be read)."""
    for name in ("target_vocabulary.json", "shared_vocabulary.json"):
        path = model_dir / name
        if path.is_file():
            return list(json.loads(path.read_text(encoding="utf-8")))
    for name in ("target_vocabulary.txt", "shared_vocabulary.txt"):
        path = model_dir / name
        if path.is_file():
            return path.read_text(encoding="utf-8").splitlines()
    return []


# Python's words for a module that is not installed (ModuleNotFoundError names it too).
_NOT_INSTALLED = "No module named 'ctranslate2'"


def require_ctranslate2(setting: str = "backend") -> None:
    """A ConfigError, naming ``setting`` (``translation.backend``), where CTranslate2 cannot be
    imported: not installed, or installed and failing to load (a library of its own missing,
    a dependency absent), which was told to install the extra it had."""
    try:
        import ctranslate2  # noqa: F401
    except (ImportError, OSError) as error:
        if getattr(error, "name", None) == "ctranslate2" or str(error) == _NOT_INSTALLED:
            raise ConfigError(
                f"{setting} = 'ctranslate2' needs the optional CTranslate2 package: "
                f"pip install \"summarize[fast]\", or set {setting} = 'torch'"
            ) from None
        reason = next(iter(str(error).splitlines()), "") or type(error).__name__
        raise ConfigError(
            f"{setting} = 'ctranslate2': the CTranslate2 package is installed but does not load "
            f"({shown(reason)}); reinstall it (pip install --force-reinstall ctranslate2), or "
            f"set {setting} = 'torch'"
        ) from None


def converted_model_dir(
    location: str, is_local: bool, models_dir: Path, quantization: str, key: str
) -> Path:
    """Where the CTranslate2 conversion of a model is kept: beside a local model folder, or
    under the models folder for a hub model. ``key`` (a digest of the weights' identity: model,
    revision, content, quantization, library versions) is part of the name, so new weights or a
    new revision never reuse an old conversion."""
    suffix = f".ct2-{'float32' if quantization == 'none' else quantization}-{key[:12]}"
    if is_local:
        folder = Path(location)
        return folder.with_name(folder.name + suffix)
    return models_dir / f"{location}{suffix}"


def ensure_converted(
    location: str,
    target: Path,
    quantization: str,
    revision: str | None,
    allow_pickle: bool = False,
    attention: str | None = None,
) -> Path:
    """Convert once and reuse the conversion afterwards. The converter reads safetensors
    weights only, unless ``allow_pickle``, with ``attention`` (see :func:`attention_override`)
    where given.

    Under a file lock (two runs at once wait for one conversion instead of deleting each
    other's work), into a fresh temp folder that is renamed into place when complete."""
    from filelock import FileLock

    if (target / "model.bin").is_file():
        logger.info("using the CTranslate2 conversion at %s", target)
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(target.with_name(f".{target.name}.lock")):
            if (target / "model.bin").is_file():  # converted by another run while we waited
                logger.info("using the CTranslate2 conversion at %s", target)
                return target
            _remove_stale_conversions(target)
            _convert(location, target, quantization, revision, allow_pickle, attention)
    except OSError as error:  # a read-only or full folder, no permission
        raise ModelLoadError(unwritable_conversion(location, target, error)) from None
    return target


def unwritable_conversion(
    location: str, target: Path, error: OSError | str, setting: str = "backend"
) -> str:
    """The message for a conversion that cannot be written where it is kept."""
    reason = error if isinstance(error, str) else (error.strerror or str(error))
    return (
        f"could not write the CTranslate2 conversion of {location} at {target} ({reason}): "
        f"make {target.parent} writable, or set {setting} = 'torch'"
    )


# The attention implementations of transformers' own, which need no package of their own.
_BUILT_IN_ATTENTION = frozenset((None, "eager", "sdpa", "flex_attention"))
_FLASH_VERSION = re.compile(r"flash_attention_(\d+)$")


def requested_attention(config: Any) -> tuple[Any, ...]:
    """The attention implementations a model's config asks for, None among them where unset: a
    transformers config's (one, or one per sub-model in a dict), or config.json's as read
    without torch."""
    return tuple(
        value
        for key in ("_attn_implementation", "attn_implementation")
        for requested in [getattr(config, key, None)]
        for value in (requested.values() if isinstance(requested, dict) else [requested])
    )


def attention_override(config: Any) -> str | None:
    """The attention implementation to read the model with in place of the one its config.json
    asks for (None: the config's own). A flash attention whose package is not usable here
    (flash-attn missing, or no GPU for it): transformers ended the run with an ImportError's
    traceback (exit 1), or, with the kernels package installed, fetched a build of it from the
    hub and ran that code. Read with transformers' eager attention instead: the same model."""
    if all(_built_in(value) or _flash_usable(value) for value in requested_attention(config)):
        return None
    return "eager"


def unusable_attention_reason(config: Any) -> str:
    """Why :func:`attention_override` reads the model with another attention than its config
    asks for, as the log says it: a flash attention's package missing or without a GPU, or a
    value that is no attention transformers has here ("5", "paged|eager"), which the log gave
    the flash attention's reason too."""
    unusable = [
        value
        for value in requested_attention(config)
        if not (_built_in(value) or _flash_usable(value))
    ]
    if all(isinstance(value, str) and _FLASH_VERSION.match(value) for value in unusable):
        return "its package is missing, or no GPU for it"
    return "not one of transformers' attentions, nor a flash attention usable here"


def _built_in(implementation: Any) -> bool:
    """Whether ``implementation`` is one of transformers' own attentions (or unset). Tested by
    type first: a config.json's list (["eager"]) is unhashable, and a set lookup of it ended the
    run with a TypeError's traceback."""
    return (implementation is None or isinstance(implementation, str)) and (
        implementation in _BUILT_IN_ATTENTION
    )


def _flash_usable(implementation: Any) -> bool:
    """Whether ``implementation`` is a flash attention whose own package transformers can use
    here (never a build from the hub)."""
    match = _FLASH_VERSION.match(implementation) if isinstance(implementation, str) else None
    if match is None:
        return False
    try:
        from transformers.modeling_flash_attention_utils import (
            FLASH_ATTENTION_COMPATIBILITY_MATRIX,
        )

        check = FLASH_ATTENTION_COMPATIBILITY_MATRIX[int(match.group(1))]
        return bool(check["general_availability_check"]())
    except (ImportError, KeyError, TypeError):  # moved or renamed: not used rather than guessed
        return False


# from_pretrained arguments that report how the weights fit the config instead of acting on it
# alone: transformers 5 reinitialises missing tensors at random (a warning, silenced here) and
# raises a bare RuntimeError for tensors of another shape ("look at the above report").
FIT_REPORT: dict[str, Any] = {"output_loading_info": True, "ignore_mismatched_sizes": True}

# transformers 5.25 kernelizes every model it loads by default (use_kernels None -> True): layers
# swapped for builds fetched from hub kernel repositories, code from elsewhere, which models never
# run here; and with its kernels check false it stopped loading ("Kernels are not available").
# Off, as before 5.25 (5.24 takes the keyword, default False).
NO_HUB_KERNELS: dict[str, Any] = {"use_kernels": False}


def unfit_weights(loading: dict[str, Any]) -> str | None:
    """Why weights read with :data:`FIT_REPORT` do not fit the model's config.json (tensors of
    another shape, or missing: a model that would run partly on random weights), else None.
    One line, the first tensor of each kind named."""
    mismatched = sorted(loading.get("mismatched_keys") or [], key=lambda item: str(item[0]))
    missing = sorted(str(key) for key in loading.get("missing_keys") or [])
    kinds = []
    if mismatched:
        key, stored, expected = mismatched[0]
        kinds.append(
            f"{len(mismatched)} tensor(s) of another shape, e.g. {shown(key)}: "
            f"{list(stored)} in the weights, {list(expected)} for the config"
        )
    if missing:
        kinds.append(f"{len(missing)} tensor(s) missing, e.g. {shown(missing[0])}")
    if not kinds:
        return None
    return (
        f"its weights do not fit its config.json ({'; '.join(kinds)}); restore the config.json "
        "that came with these weights, or copy the model again"
    )


def unused_weights(loading: dict[str, Any], location: str) -> str | None:
    """A warning for tensors of the weights the config has no place for (left unused), else
    None. Said, not refused: the model is whole, and a checkpoint a library release saved
    with an extra buffer would otherwise stop every run; but a config with fewer layers than
    the weights, say, runs a smaller model than the folder holds."""
    unexpected = sorted(str(key) for key in loading.get("unexpected_keys") or [])
    if not unexpected:
        return None
    return (
        f"{shown(location)}: {len(unexpected)} tensor(s) of the weights have no place in its "
        f"config.json and are left unused, e.g. {shown(unexpected[0])}; if the config.json was "
        "edited, restore the one that came with these weights"
    )


def _remove_stale_conversions(target: Path) -> None:
    """Temp folders of conversions that were killed midway (a SIGKILL, a power cut): only a
    converter holding the target's lock writes one, and the caller holds it now."""
    import glob

    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        logger.info("removing %s, left by a conversion that was stopped midway", stale)
        shutil.rmtree(stale, ignore_errors=True)


def unconvertible_config(config: Any) -> str | None:
    """The name of ``config``'s class (e.g. ``LEDConfig``) when CTranslate2's converter has no
    loader for it, else None (None too when that cannot be told). Imports the converter, and
    with it torch: call it only when a conversion is due."""
    name = type(config).__name__
    if name == "PlainConfig":  # read without transformers' Auto classes: name it as they would
        from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

        name = CONFIG_MAPPING_NAMES.get(str(getattr(config, "model_type", "")), "")
    try:
        from ctranslate2.converters import transformers as converters
    except ImportError:
        return None
    loaders = getattr(converters, "_MODEL_LOADERS", None)
    if not name or not isinstance(loaders, dict) or name in loaders:
        return None
    return name


# Model types whose conversion this code changed, by the version of the change: part of their
# CTranslate2 key, so a folder converted before is not reused (nor translations cached from it).
# Other types keep their key, conversions and cache. 2: the T5 family's decoder output scaling
# as transformers runs it (_t5_output_scaling_as_run); mBART-50's decoder start token where its
# config does not name its tokenizer (_mbart50_named). 3: the model's own decoder start token
# where the converter takes another whatever the model says (_decoder_start_as_run).
_CONVERSION_RECIPES = {"t5": 2, "mt5": 2, "umt5": 2, "mbart": 3, "pegasus": 3}


def conversion_recipe(config: Any) -> int | None:
    """The version of this code's conversion of ``config``'s model type, where it changed."""
    return _CONVERSION_RECIPES.get(getattr(config, "model_type", None) or "")


def _t5_output_scaling_as_run(model: Any) -> None:
    """Tell CTranslate2's T5 converter whether the decoder output is scaled as transformers
    runs the model. transformers 5 sets ``tie_word_embeddings = True`` on every T5-family config
    and keeps the scaling apart (``scale_decoder_outputs``: false for T5 v1.1 and flan-T5, whose
    config.json says ``tie_word_embeddings: false``; mT5 never scales), but the converter scales
    by ``d_model ** -0.5`` whenever ``tie_word_embeddings`` is true: a flan-T5 or mT5 conversion
    computed other probabilities than torch (other beams, mean log-probabilities near
    -log(vocabulary), a low-confidence warning on every sentence)."""
    config = getattr(model, "config", None)
    if getattr(config, "model_type", None) in ("t5", "mt5", "umt5"):
        config.tie_word_embeddings = bool(getattr(config, "scale_decoder_outputs", False))


def _mbart50_named(model: Any, tokenizer: Any) -> None:
    """Name an mBART-50 model's tokenizer in its config where the config does not: CTranslate2's
    converter tells mBART-50 from cc25 by ``config.tokenizer_class`` alone, and a fine-tune
    saved from a bare MBartConfig was converted as cc25 (no "</s>" to start its decoder): it
    wrote other text than torch. This code tells them apart by the tokenizer (families.py)."""
    config = getattr(model, "config", None)
    if (
        getattr(config, "model_type", None) == "mbart"
        and not getattr(config, "tokenizer_class", None)
        and type(tokenizer).__name__.startswith("MBart50")
    ):
        config.tokenizer_class = "MBart50Tokenizer"


def _decoder_start_as_run(config_file: Path, model: Any, tokenizer: Any) -> None:
    """Start the converted decoder with the token generate() starts it with: the model's
    ``decoder_start_token_id`` (its generation_config.json, else config.json; else its
    ``bos_token_id``). CTranslate2's converter takes PEGASUS's pad token and mBART's end token
    whatever the model says (and the config.json's, not generation_config.json's, for the
    rest): a PEGASUS or mBART-50 fine-tune that starts its decoder otherwise (mBART-50 with the
    target language's code, a cc25 fine-tune with "</s>" before a forced code) wrote other text
    on CTranslate2 than on torch, unsaid. Not MarianMT, whose conversion starts from a zero
    embedding in place of its pad token; nor an mBART-cc25 conversion without a start token
    whose model starts with a language code (the backend's target prefix starts it)."""
    config = getattr(model, "config", None)
    generation = getattr(model, "generation_config", None)
    if tokenizer is None or config is None or getattr(config, "model_type", None) == "marian":
        return
    start = getattr(generation, "decoder_start_token_id", None)
    if start is None:
        start = getattr(config, "decoder_start_token_id", None)
    if start is None:
        start = getattr(generation, "bos_token_id", None)
    if not isinstance(start, int):
        return
    token = tokenizer.convert_ids_to_tokens(start)
    converted = json.loads(config_file.read_text(encoding="utf-8"))
    written = converted.get("decoder_start_token")
    codes = getattr(tokenizer, "lang_code_to_id", None) or {}
    if written == token or (written is None and start in codes.values()):
        return
    logger.info(
        "the CTranslate2 converter starts the decoder with %s; the model starts it with %s "
        "(id %d), which the conversion keeps", written, token, start,
    )  # fmt: skip
    converted["decoder_start_token"] = token
    config_file.write_text(json.dumps(converted, indent=2), encoding="utf-8")


def _hub_snapshot_folder(repo_id: str, revision: str) -> Path | None:
    """The Hugging Face cache's folder of ``repo_id`` at ``revision`` (named by its commit),
    where reading the model's settings put its config.json; None where it holds none."""
    from huggingface_hub import try_to_load_from_cache

    found = try_to_load_from_cache(repo_id, "config.json", revision=revision)
    return Path(found).parent if isinstance(found, str) else None


def _convert(
    location: str,
    target: Path,
    quantization: str,
    revision: str | None,
    allow_pickle: bool = False,
    attention: str | None = None,
) -> None:
    import ctranslate2

    logger.info("converting %s to CTranslate2 (%s) at %s; kept for later runs", location,
                quantization, target)  # fmt: skip
    partial = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    snapshot = None if revision is None else _hub_snapshot_folder(location, revision)

    class Converter(ctranslate2.converters.TransformersConverter):  # type: ignore[misc]
        # The converter reads the weights with from_pretrained, which falls back to a pickle
        # checkpoint (pytorch_model.bin): a hub cache snapshot of pickle weights only, or a
        # folder whose safetensors are not the model's, was converted from pickle although the
        # section did not allow it. Safetensors only, as the torch backend reads them.
        def load_model(self, model_class: Any, model_name_or_path: str, **kwargs: Any) -> Any:
            if snapshot is not None:
                # The weights of the snapshot whose config.json and tokenizer are converted,
                # fetched through the hub where they are not there yet.
                model_name_or_path = location
                kwargs["revision"] = snapshot.name
            if not allow_pickle:
                kwargs["use_safetensors"] = True
            if attention is not None:
                kwargs["attn_implementation"] = attention
                if kwargs.get("config") is not None:  # the converter's own read of config.json,
                    kwargs["config"]._attn_implementation = attention  # which would win
            # Weights that do not fit the config were converted with random tensors in place
            # of the missing ones: refused, as the torch backend refuses them.
            model, loading = super().load_model(
                model_class, model_name_or_path, **kwargs, **FIT_REPORT, **NO_HUB_KERNELS
            )
            problem = unfit_weights(loading)
            if problem is not None:
                raise ModelLoadError(problem)
            if unused := unused_weights(loading, model_name_or_path):
                logger.warning(unused)
            _t5_output_scaling_as_run(model)
            self._loaded = model
            return model

        def load_tokenizer(
            self, tokenizer_class: Any, model_name_or_path: str, **kwargs: Any
        ) -> Any:
            tokenizer = super().load_tokenizer(tokenizer_class, model_name_or_path, **kwargs)
            _mbart50_named(getattr(self, "_loaded", None), tokenizer)
            self._tokenizer = tokenizer
            return tokenizer

    # A hub model at a revision of its own is read from the cache's snapshot of that revision:
    # the converter reads config.json and the tokenizer without the revision (the main branch),
    # so a pinned model was converted with main's config and vocabulary beside the revision's
    # weights, and failed offline where the cache held the revision alone.
    reads = location if snapshot is None else str(snapshot)
    converter = Converter(reads, revision=revision, trust_remote_code=False)
    try:
        with TORCH_MODEL_READ:
            converter.convert(
                str(partial),
                quantization=None if quantization == "none" else quantization,
                force=True,
            )
        _decoder_start_as_run(
            partial / "config.json",
            getattr(converter, "_loaded", None),
            getattr(converter, "_tokenizer", None),
        )
        if target.exists():  # an incomplete folder (no model.bin) from an older version
            shutil.rmtree(target)
        partial.rename(target)
    except Exception as error:  # the converter raises many kinds; all mean "cannot convert"
        if allow_pickle and raised_reading_pickle(error):
            raise ModelLoadError(
                f"could not convert {location} to CTranslate2: its pickle weights "
                f"{pickle_problem(error)}"
            ) from None
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        if not allow_pickle and "safetensors" in message.lower():
            message += (
                " (weights are read from safetensors only; set allow_pickle = true in the "
                "model's section to accept a pickle checkpoint you trust)"
            )
        raise ModelLoadError(f"could not convert {location} to CTranslate2: {message}") from None
    finally:
        shutil.rmtree(partial, ignore_errors=True)
