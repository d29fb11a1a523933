"""A model's generation settings: its own (``generation_config.json``, the config's
``task_specific_params``, the family's forced target language) merged with the config's
``[*.generation]`` tables, checked against the model (token ids, output lengths, the decoder's
position table) and the backend (decoding modes, beam memory) before any article, and as the
identities hold them."""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from summarize.backends import (
    beam_search_bytes,
    ct2_beam_search_bytes,
    device_memory,
    transformers_defaults,
)
from summarize.config import (
    LENGTH_BOUNDS,
    REAL_SETTINGS,
    UNSAFE_STOPS,
    ModelSettings,
    SummarizationSettings,
    replaced_length_forms,
)
from summarize.errors import ConfigError, ModelLoadError, shown
from summarize.families import Family, Languages, Task, family_generation

if TYPE_CHECKING:
    from transformers import GenerationConfig

logger = logging.getLogger("summarize")


# Output length when neither the model nor the config names one (transformers' default is 20;
# opus-mt's own setting is 512). A max_length, so that a max_new_tokens set for the map steps
# alone still takes precedence.
DEFAULT_MAX_LENGTH = 512
# transformers' own default, which configs saved before generation_config.json spelt out.
_LEGACY_DEFAULT_MAX_LENGTH = 20


class _Layers(NamedTuple):
    merged: GenerationConfig  # the model's own settings with the user's table over them
    model: GenerationConfig  # the model's own settings alone
    prefix: str
    effective: dict[str, Any]


def _merged_layers(
    task: Task,
    config: Any,
    base: GenerationConfig,
    settings: ModelSettings,
    family: Family,
    languages: Languages | None = None,
    own_keys: frozenset[str] = frozenset(),
) -> _Layers:
    """Model generation config < task_specific_params[task] < the family's needs (the forced
    target language) < the user's [*.generation] table; but a setting the model's own
    generation_config.json names (``own_keys``, see :func:`own_generation_keys`) is not
    taken from task_specific_params."""
    model_config = copy.deepcopy(base)
    task_params = dict(task_specific_params(config, task))
    task_params.pop("prefix", None)
    for key in own_keys:
        # A fine-tune of t5 or bart-large-cnn inherits its base's task_specific_params in
        # config.json, which transformers 5 no longer reads: the settings its author saved in
        # generation_config.json (num_beams = 1, max_length = 64) lost to them unsaid.
        task_params.pop(key, None)
    prefix = _resolve_prefix(task, config, settings, family)
    try:
        model_config.update(**task_params)
    except (ValueError, TypeError) as error:  # its validation refused one: a traceback before
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ModelLoadError(
            f"the {task} model {settings.model!r}: its config.json's "
            f"task_specific_params[{task!r}] holds a generation setting transformers refuses "
            f"({reason}); correct it there"
        ) from None
    family_settings = family_generation(languages)
    if languages is not None and model_config.decoder_start_token_id == languages.target_token_id:
        # The decoder starts with the target language already (mBART-cc25 fine-tunes such as
        # mbart-large-en-ro: decoder_start_token_id = the target's code): forced again, every
        # output began with the code twice, a sequence the model was never trained on.
        family_settings = {}
    model_config.update(**family_settings)
    _check_forced_language(task, settings, languages, family_settings.get("forced_bos_token_id"))
    generation_config, effective = merged_generation(
        model_config, settings.generation, f"{task}.generation"
    )
    if generation_config.max_length is None and generation_config.max_new_tokens is None:
        # Nothing names an output length (T5 and LongT5 checkpoints, whose settings derive from
        # the model config): generate() would stop every output at its model-agnostic 20
        # tokens, cutting translations and summaries short without a word.
        logger.info(
            "%s model %s sets no output length: outputs are limited to %d tokens "
            "(set %s.generation.max_new_tokens to change it)",
            task, settings.model, DEFAULT_MAX_LENGTH, task,
        )  # fmt: skip
        generation_config.max_length = DEFAULT_MAX_LENGTH
        effective = {**effective, "max_length": DEFAULT_MAX_LENGTH}
    return _Layers(generation_config, model_config, prefix, effective)


# Generation settings that name token ids: an id past the model's vocabulary failed inside
# generate() (IndexError, ValueError) after the articles were translated, with a traceback.
_TOKEN_ID_SETTINGS = (
    "bad_words_ids", "force_words_ids", "suppress_tokens", "begin_suppress_tokens",
    "forced_bos_token_id", "forced_eos_token_id", "eos_token_id", "pad_token_id",
    "bos_token_id", "decoder_start_token_id", "sequence_bias",
)  # fmt: skip


def _token_ids(value: Any) -> Iterator[int]:
    # (sequence_bias's biases are floats, config.check_generation: no ids)
    if isinstance(value, int) and not isinstance(value, bool):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _token_ids(item)


def _generation_tables(task: Task, settings: ModelSettings) -> dict[str, dict[str, Any]]:
    """A section's generation tables by their config name."""
    tables = {f"{task}.generation": settings.generation}
    if isinstance(settings, SummarizationSettings):
        tables["summarization.chunk_generation"] = settings.chunk_generation
    return tables


def _output_vocabulary(config: Any) -> int | None:
    """How many token ids the model's decoder can write, where its config says."""
    vocabulary = getattr(config, "decoder_vocab_size", None) or getattr(config, "vocab_size", None)
    return vocabulary if isinstance(vocabulary, int) and vocabulary > 0 else None


def _first_id_outside(setting: Callable[[str], Any], vocabulary: int) -> tuple[str, int] | None:
    """The first token-id setting (by ``setting(key)``) naming an id past ``vocabulary``, with
    that id."""
    for key in _TOKEN_ID_SETTINGS:
        for token_id in _token_ids(setting(key)):
            if not 0 <= token_id < vocabulary:
                return key, token_id
    return None


def _check_token_ids(task: Task, settings: ModelSettings, config: Any) -> None:
    """The token ids a [*.generation] table names are ids of the model's output vocabulary
    (ConfigError naming the table and key, before any article)."""
    vocabulary = _output_vocabulary(config)
    if vocabulary is None:
        return
    for table, values in _generation_tables(task, settings).items():
        if outside := _first_id_outside(values.get, vocabulary):
            key, token_id = outside
            raise ConfigError(
                f"[{table}] {key}: token id {token_id} is not in the vocabulary of the "
                f"{task} model {settings.model!r} (ids 0 to {vocabulary - 1})"
            )


def _check_forced_language(
    task: Task, settings: ModelSettings, languages: Languages | None, forced: int | None
) -> None:
    """A forced first token set in a [*.generation] table of a model that picks its languages
    by tokens (NLLB, M2M100, mBART) is the one the family forces (``forced``, the target
    language's; None where the decoder starts with it already): ConfigError naming
    target_lang otherwise. NLLB with forced_bos_token_id = fra_Latn's id wrote French, while
    the log and the run record said eng_Latn and no warning was given."""
    if languages is None:
        return
    for table, values in _generation_tables(task, settings).items():
        value = values.get("forced_bos_token_id")
        if value is None or value == forced:
            continue
        if forced is None:
            why = (
                f"its decoder starts with the target language {languages.target} already "
                f"(decoder_start_token_id = {languages.target_token_id}), so no token is forced"
            )
        else:
            why = (
                f"the forced first token names the target language, {languages.target} "
                f"(token id {languages.target_token_id}), as {task}.target_lang sets it"
            )
        raise ConfigError(
            f"[{table}] forced_bos_token_id = {value} is not the token the {task} model "
            f"{settings.model!r} is forced: {why}. Remove forced_bos_token_id, and set the "
            f"language by its code with {task}.target_lang"
        )


def _check_own_token_ids(
    task: Task, settings: ModelSettings, config: Any, generation_config: GenerationConfig
) -> None:
    """The token ids of the model's own generation settings (generation_config.json, else
    config.json, task_specific_params) are ids of its output vocabulary too, as the tables'
    are (:func:`_check_token_ids`, run first): one past it (a fine-tune whose vocabulary was cut
    and whose settings were not) failed every article inside generate(), after translating."""
    vocabulary = _output_vocabulary(config)
    if vocabulary is None:
        return
    if outside := _first_id_outside(lambda key: getattr(generation_config, key, None), vocabulary):
        key, token_id = outside
        raise ModelLoadError(
            f"the {task} model {settings.model!r}: its own generation settings name {key} "
            f"token id {token_id}, which is not in its vocabulary (ids 0 to "
            f"{vocabulary - 1}), so generate() would fail on every input; correct the "
            f"model's generation_config.json, or set {task}.generation.{key}"
        )


# Model types whose decoder reads positions from a table of fixed size (learned, or sinusoidal
# but not extended): a longer output fails inside generate() with an IndexError.
# The model types whose decoder has a position table of a fixed size (learned, or Pegasus's
# sinusoids made once): past it generate() fails with an IndexError. M2M100 (NLLB), FSMT and
# PEGASUS-X make their sinusoids as long as the output; T5 has relative positions.
_FIXED_DECODER_POSITIONS = frozenset(
    ("bart", "mbart", "marian", "pegasus", "led", "plbart", "mvp", "bigbird_pegasus",
     "blenderbot", "blenderbot-small", "prophetnet")
)  # fmt: skip


def _decoder_positions(config: Any) -> int | None:
    """The size of the decoder's position table, for the model types that have a fixed one."""
    if getattr(config, "model_type", None) not in _FIXED_DECODER_POSITIONS:
        return None
    positions = getattr(config, "max_decoder_position_embeddings", None) or getattr(
        config, "max_position_embeddings", None
    )
    return positions if isinstance(positions, int) and positions > 0 else None


def _check_output_length(task: Task, settings: ModelSettings, config: Any) -> None:
    """An output length set in a [*.generation] table fits the decoder's position table
    (ConfigError naming the table and key, before any article): past it, generate() failed
    with an IndexError and a traceback, after the articles were translated."""
    positions = _decoder_positions(config)
    if positions is None:
        return
    for table, values in _generation_tables(task, settings).items():
        # The decoder start token takes a position too: max_length counts it, max_new_tokens not.
        for key, limit in (("max_length", positions), ("max_new_tokens", positions - 1)):
            value = values.get(key)
            if isinstance(value, int) and value > limit:
                raise ConfigError(
                    f"[{table}] {key} = {value} is more than the {task} model "
                    f"{settings.model!r} can generate: its decoder reads {positions} positions, "
                    f"so {key} can be at most {limit}"
                )


def check_beam_memory(
    tables: dict[str, GenerationConfig], config: Any, device: str, backend: str = "torch"
) -> None:
    """Beam search that cannot fit one input alone in all the memory of the device it runs on,
    by :func:`summarize.backends.beam_search_bytes` (torch: its sequences, beam indices and
    first step's scores) or :func:`summarize.backends.ct2_beam_search_bytes` (CTranslate2: a
    step's scores), lower bounds: ConfigError naming the table, before any article.
    num_beams = 10**6 on opus-mt asked for over 400 GiB on torch (on CTranslate2 every sentence
    failed, "mkl_malloc: failed to allocate memory", after the model was converted, or the
    process was killed for memory); on a model with relative positions (T5) no table bounds the
    length, and max_new_tokens = 10**9 with 2 beams asked for 45 GiB on torch."""
    memory = device_memory(device)
    vocabulary = getattr(config, "decoder_vocab_size", None) or getattr(config, "vocab_size", 0)
    if memory is None:
        return
    for table, generation in tables.items():
        beams = int(generation.num_beams or 1)
        if beams < 2:
            continue  # greedy and sampling hold nothing per beam
        if generation.max_new_tokens is not None:  # and the decoder start token
            key, value, length = "max_new_tokens", generation.max_new_tokens, 1
        else:
            key, value, length = "max_length", generation.max_length or 0, 0
        if backend == "torch":
            need = beam_search_bytes(beams, length + value, int(vocabulary or 0))
            held, lower = "its sequences and each step's scores", f"num_beams or {key}"
            setting = f"num_beams = {beams} with {key} = {value}"
        else:
            need = ct2_beam_search_bytes(beams, int(vocabulary or 0))
            held, lower, setting = "each step's scores", "num_beams", f"num_beams = {beams}"
        if need > memory:
            raise ConfigError(
                f"[{table}] {setting}: beam search needs at least {need / 2**30:,.1f} GiB for "
                f"one input alone ({held}, per beam), more than the {memory / 2**30:,.1f} GiB "
                f"of memory of this machine's {device}; lower {lower}"
            )


def _bound_model_output_length(
    task: Task,
    settings: ModelSettings,
    config: Any,
    generation_config: GenerationConfig,
    effective: dict[str, Any],
) -> tuple[GenerationConfig, dict[str, Any]]:
    """A length the model folder itself names (generation_config.json, config.json's
    task_specific_params) past its decoder's position table, cut to the table with a warning: no
    output can be longer, and beam search allocates max_length up front (a folder's
    max_length = 10**9 asked for 32 GB and crashed with a traceback after the translation).
    What the user's table sets is :func:`_check_output_length`'s to refuse."""
    positions = _decoder_positions(config)
    if positions is None:
        return generation_config, effective
    bounded: dict[str, int] = {}
    for key, limit in (
        ("max_length", positions),
        ("max_new_tokens", positions - 1),
        ("min_length", positions),
        ("min_new_tokens", positions - 1),
    ):
        value = getattr(generation_config, key, None)
        if key not in settings.generation and isinstance(value, int) and value > limit:
            bounded[key] = limit
            logger.warning(
                "%s model %s sets %s = %d, more than its decoder reads (%d positions): %d is "
                "used (set %s.generation.%s to change it)",
                task, settings.model, key, value, positions, limit, task, key,
            )  # fmt: skip
    if not bounded:
        return generation_config, effective
    generation_config = copy.deepcopy(generation_config)
    for key, limit in bounded.items():
        setattr(generation_config, key, limit)
    return generation_config, {**effective, **bounded}


# The task_specific_params keys of each task, first found wins: transformers' translation
# pipeline reads "translation_de_to_en" for German to English (t5-base names its directions so,
# "translation_en_to_de"); a de-en fine-tune's prompt and settings saved there were not read, and
# it got T5's default prompt "translate German to English: " in place of its own.
_TASK_PARAMS_KEYS: dict[Task, tuple[str, ...]] = {
    "translation": ("translation_de_to_en", "translation"),
    "summarization": ("summarization",),
}


def task_specific_params(config: Any, task: Task) -> dict[str, Any]:
    """The settings a model's config.json keeps for ``task`` (task_specific_params)."""
    params = getattr(config, "task_specific_params", None) or {}
    return next((dict(params[key]) for key in _TASK_PARAMS_KEYS[task] if key in params), {})


def _resolve_prefix(task: Task, config: Any, settings: ModelSettings, family: Family) -> str:
    """The user's prefix < task_specific_params[task] < config.prefix; the family's (T5) when
    none of them names one."""
    if settings.prefix is not None:
        return settings.prefix
    task_params = task_specific_params(config, task)
    prefix = task_params.get("prefix", getattr(config, "prefix", None))
    if prefix is None:
        prefix = family.default_prefix(task)
        if prefix:
            logger.info("%s model %s: using the %s prefix %r (set %s.prefix to change it)",
                        task, settings.model, family.label, prefix, task)  # fmt: skip
    return str(prefix)


def load_generation_config(location: str, config: Any, common: dict[str, Any]) -> GenerationConfig:
    from transformers import GenerationConfig

    try:
        # Only the revision: other keywords would be stored as generation settings.
        return GenerationConfig.from_pretrained(location, revision=common["revision"])
    except (ValueError, TypeError) as error:  # read, but a value its validation refuses
        raise _refused_settings(location, "generation_config.json", error) from None
    except OSError as error:
        own_file = Path(location) / "generation_config.json"
        if Path(location).is_dir() and own_file.exists():
            # Damaged (a copy cut short) or unreadable: derived from the model config instead,
            # the model's own settings (Marian's 4 beams, its bad_words_ids) were dropped unsaid.
            reason = error.strerror or " ".join(str(error).split())
            raise ModelLoadError(
                f"the model's {shown(own_file)} cannot be read ({reason}); copy the model "
                "again, or delete the file to use the settings its config.json implies"
            ) from None
        # No generation_config.json: derived from the model's config.json, as transformers'
        # from_pretrained does. The config object read here has no generation settings left (a
        # transformers 5 config pops them as it is built), so a checkpoint saved before
        # generation_config.json existed lost its own (num_beams, min/max_length,
        # bad_words_ids) here while torch's generate() took some of them back from the model.
        try:
            legacy = GenerationConfig.from_pretrained(
                location,
                config_file_name="config.json",
                _from_model_config=True,
                revision=common["revision"],
            )
        except OSError:
            return GenerationConfig.from_model_config(config)
        except (ValueError, TypeError) as error:
            raise _refused_settings(location, "config.json", error) from None
        if legacy.max_length == _LEGACY_DEFAULT_MAX_LENGTH:
            # transformers 2.x wrote every config default out, and every EncoderDecoder config
            # holds its decoder's: 20 there is no length the model chose, and cut each output.
            legacy.max_length = None  # DEFAULT_MAX_LENGTH applies, as before
        return legacy


def own_generation_keys(location: str, common: dict[str, Any]) -> frozenset[str]:
    """The settings a model's generation_config.json names itself: none where it has no such
    file, or the file was derived from its config.json (``_from_model_config``, as transformers
    4 wrote it for checkpoints such as DistilBART: the config's values, not an author's)."""
    import json

    from transformers.utils import cached_file

    try:
        path = cached_file(
            location,
            "generation_config.json",
            revision=common["revision"],
            _raise_exceptions_for_missing_entries=False,
        )
        values = json.loads(Path(path).read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return frozenset()  # load_generation_config says what is wrong with it
    if not isinstance(values, dict) or values.get("_from_model_config"):
        return frozenset()
    return frozenset(key for key in values if not key.startswith("_"))


def _refused_settings(location: str, file_name: str, error: Exception) -> ModelLoadError:
    """A model file whose generation settings transformers' own validation refuses (an
    ``early_stopping = "sometimes"``, a ``max_new_tokens`` of 0, edited by hand), or which holds
    no table of them (``[]``): the run ended with a traceback, and ``models list`` with it. The
    file and the reason, in one line."""
    reason = " ".join(str(error).split()) or type(error).__name__
    own_file = Path(location) / file_name
    advice = "correct it or copy the model again"
    if file_name == "generation_config.json":
        advice += ", or delete the file to use the settings its config.json implies"
    return ModelLoadError(
        f"the model's {shown(own_file) if Path(location).is_dir() else file_name} is refused "
        f"({reason}); {advice}"
    )


class ModelGeneration(NamedTuple):
    """A model's generation settings as a spec records them, with the map steps' table."""

    config: GenerationConfig
    prefix: str
    effective: dict[str, Any]  # what the identity records: the settings that differ
    chunk_config: GenerationConfig | None  # summarization.chunk_generation merged, when set
    # The model's own settings before the user's tables: what a CTranslate2 conversion keeps of
    # the settings it fixes (the decoder's start token, the forced end token).
    model_config: GenerationConfig


def resolve_generation(
    task: Task,
    settings: ModelSettings,
    own: GenerationConfig,
    config: Any,
    family: Family,
    languages: Languages | None,
    own_keys: frozenset[str] = frozenset(),
) -> ModelGeneration:
    """The model's generation settings (``own``: its folder's, see :func:`load_generation_config`)
    merged with the user's tables, checked against the model (token ids, output lengths) and
    bounded to its decoder: a bad setting is refused before any article."""
    generation_config, model_config, prefix, effective = _merged_layers(
        task, config, own, settings, family, languages, own_keys
    )
    _check_token_ids(task, settings, config)
    _check_own_token_ids(task, settings, config, generation_config)
    _check_output_length(task, settings, config)
    generation_config, effective = _bound_model_output_length(
        task, settings, config, generation_config, effective
    )
    chunk_config = None
    if isinstance(settings, SummarizationSettings) and settings.chunk_generation:
        # The map steps' table merged too, over the settings as bounded (as Summarizer merges
        # it): a bad combination shows before any article, on every engine, not when the
        # summarizer is built after translating. Merged over the unbounded ones, a folder's
        # max_length = 10**9 was checked for beam memory (and named) in place of the 1024 used.
        chunk_config, _ = merged_generation(
            generation_config,
            settings.chunk_generation,
            "summarization.chunk_generation",
            user_set=settings.generation,
        )
    _check_lengths_in_order(task, settings, f"{task}.generation", generation_config)
    _check_room_to_write(task, settings, f"{task}.generation", generation_config)
    if chunk_config is not None:
        _check_lengths_in_order(task, settings, "summarization.chunk_generation", chunk_config)
        _check_room_to_write(task, settings, "summarization.chunk_generation", chunk_config)
    return ModelGeneration(generation_config, prefix, effective, chunk_config, model_config)


def _check_lengths_in_order(
    task: Task, settings: ModelSettings, table: str, generation_config: GenerationConfig
) -> None:
    """A minimum output length above the maximum in the settings as merged (the model's own,
    [*.generation], for the map steps [summarization.chunk_generation] over both): each table
    alone may be in order, as a min_length of 150 against DistilBART's own max_length of 142;
    generate() only warned (a UserWarning, past --quiet) and stopped at the maximum."""
    for low, high, start in LENGTH_BOUNDS:  # min_length against max_new_tokens too
        if high == "max_length" and generation_config.max_new_tokens is not None:
            continue  # max_new_tokens bounds the output, not max_length
        least, most = getattr(generation_config, low, None), getattr(generation_config, high, None)
        if isinstance(least, int) and isinstance(most, int) and least > most + start:
            counted = (
                f" (+ 1: {low} counts the start token)"
                if start > 0
                else f" (- 1: {high} counts the start token)"
                if start < 0
                else ""
            )
            raise ConfigError(
                f"[{table}] {low} = {least} is above {high} = {most}{counted} of the {task} model "
                f"{settings.model!r} as its own settings and yours merge; set {low} lower or "
                f"{high} higher in [{table}]"
            )


# The tokens generate() writes in place of the model's choice: the first (mBART-50's and NLLB's
# target language, BART's start token) and the last, at the output limit (opus-mt's and BART's
# end token).
_FORCED_TOKENS = ("forced_bos_token_id", "forced_eos_token_id")


def _check_room_to_write(
    task: Task, settings: ModelSettings, table: str, generation_config: GenerationConfig
) -> None:
    """An output length, as the settings merge, that holds no token beside the ones generate()
    forces (:data:`_FORCED_TOKENS`): every output was those alone, empty. opus-mt with
    translation.generation max_new_tokens = 1 gave every sentence empty English, and each
    article failed as "nothing to summarize: the article has no English text"; DistilBART with
    max_new_tokens = 2 wrote every summary empty. ConfigError naming the table, the key and
    the least length that writes one token of the text's, before any article."""
    forced = [key for key in _FORCED_TOKENS if getattr(generation_config, key, None) is not None]
    if not forced:
        return
    if generation_config.max_new_tokens is not None:
        key, value, start = "max_new_tokens", generation_config.max_new_tokens, 0
    elif generation_config.max_length is not None:  # it counts the decoder's start token
        key, value, start = "max_length", generation_config.max_length, 1
    else:
        return
    if not isinstance(value, int) or value - start > len(forced):
        return
    tokens = "its forced first and last tokens" if len(forced) == 2 else "its forced token"
    raise ConfigError(
        f"[{table}] {key} = {value} leaves the {task} model {settings.model!r} no token to "
        f"write beside {tokens} ({', '.join(forced)}), so every output would be empty; set "
        f"{key} to at least {len(forced) + start + 1} in [{table}]"
    )


# The settings that choose the decoding mode, whose ignored flags validate() names.
_MODE_SETTINGS = frozenset({"do_sample", "num_beams"})


def merged_generation(
    base: GenerationConfig, overrides: dict[str, Any], table: str, user_set: Iterable[str] = ()
) -> tuple[GenerationConfig, dict[str, Any]]:
    """``overrides`` (the ``[table]`` config table) merged over ``base``: the generation config
    and its effective settings. ``user_set``: keys of ``base`` the user set too (the
    [summarization.generation] table under chunk_generation). Raises ConfigError naming the
    table."""
    generation_config = copy.deepcopy(base)
    try:
        unknown = generation_config.update(**overrides)
    except (ValueError, TypeError, AttributeError) as error:  # its validate() rejected a value
        raise ConfigError(f"[{table}]: {error}") from None
    # A length in one form replaces the earlier layer's length in the other: generate() lets
    # max_new_tokens win over max_length, and applies min_length and min_new_tokens both, so
    # the model's max_new_tokens (or the final summary's, under [summarization.chunk_generation])
    # silently overrode a max_length set here.
    for other in replaced_length_forms(overrides):
        setattr(generation_config, other, None)
    user_keys = {*overrides, *user_set}
    # A maximum set here below the model's own minimum (max_length = 30 on DistilBART, whose
    # min_length is 56) lowers that minimum to it: generate() stopped at the maximum anyway,
    # with a raw UserWarning past --quiet. A minimum set here too is the config check's to refuse.
    # LENGTH_BOUNDS: max_new_tokens = 20 on DistilBART (min_length 56, the other form) made
    # generate() warn "min_length (56) is larger than the maximum possible length (21)" past
    # --quiet on every batch, as max_length = 20 did before it was lowered.
    for low, high, start in LENGTH_BOUNDS:
        least, most = getattr(generation_config, low, None), getattr(generation_config, high, None)
        if (
            high in overrides
            and low not in user_keys
            and isinstance(least, int)
            and isinstance(most, int)
            and least > most + start
        ):
            logger.info(
                "[%s] %s = %d is below the model's own %s = %d: the minimum is lowered to it",
                table, high, most, low, least,
            )  # fmt: skip
            setattr(generation_config, low, most + start)
    if unknown:
        raise ConfigError(
            f"[{table}]: unknown generate() setting(s) {', '.join(sorted(unknown))}; "
            "allowed are the fields of transformers.GenerationConfig "
            "(e.g. num_beams, max_new_tokens, min_length, length_penalty, no_repeat_ngram_size)."
        )
    try:
        # Strict only about what the table sets: a flag the model's own settings pair with
        # it (length_penalty = 2.0 of DistilBART under num_beams = 1) is ignored by generate().
        # validate() also names a flag the decoding mode ignores where neither was set here, so
        # the modes count as set: a model's own early_stopping = true beside its num_beams = 1
        # (which transformers only warns of) refused the model, blamed on a table left empty.
        # Not ``user_set``: [summarization.generation]'s length_penalty = 1.5 for the final
        # summary's beams, under greedy map steps (chunk_generation num_beams = 1), refused the
        # model as "[summarization.chunk_generation]: ... unset length_penalty", a key that
        # table never set; the map steps ignore it as they do the model's own.
        generation_config.validate(strict=True, user_set_attributes={*overrides} | _MODE_SETTINGS)
    except (ValueError, TypeError) as error:
        raise ConfigError(f"[{table}]: {error}") from None
    effective = generation_identity(
        {
            key: value
            for key, value in generation_config.to_diff_dict().items()
            if not key.startswith("_") and key != "transformers_version"
        }
    )
    # A setting the table spells out as generate()'s own default where the layer below leaves
    # it unset changes no output: do_sample = false or repetition_penalty = 1.0 keyed another
    # fingerprint (every brief redone) and another translation cache. Not max_length: an unset
    # one is DEFAULT_MAX_LENGTH here, not transformers' 20.
    defaults = transformers_defaults(generation_config)
    for key in overrides:
        if (
            key != "max_length"
            and key in effective
            and key in defaults
            and getattr(base, key, None) is None
            and _same_value(effective[key], generation_identity({key: defaults[key]})[key])
        ):
            del effective[key]
    return generation_config, effective


def _same_value(value: Any, default: Any) -> bool:
    """Whether a setting's ``value`` is ``default`` (false is not 0, nor true 1)."""
    return isinstance(value, bool) == isinstance(default, bool) and value == default


def generation_identity(settings: dict[str, Any]) -> dict[str, Any]:
    """A generation table as an identity holds it (see :func:`_as_float_setting`)."""
    return {key: _as_float_setting(key, value) for key, value in settings.items()}


def _as_float_setting(key: str, value: Any) -> Any:
    """``value`` of the setting ``key`` as the identity holds it: length_penalty = 2 is the 2.0
    of DistilBART's own settings, yet it keyed another fingerprint (every brief redone) and, for
    the translator, another translation cache."""
    # Every real-valued setting the config checks: a list of its own here left out
    # guidance_scale, top_h and max_time (guidance_scale = 2 and 2.0 keyed two fingerprints).
    if key in REAL_SETTINGS and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


# Decoding modes generate() runs with its own code in every transformers that has the hub
# mapping: only the others are looked up in it.
_BUILT_IN_MODES = frozenset({"GREEDY_SEARCH", "SAMPLE", "BEAM_SEARCH", "BEAM_SAMPLE"})


# The settings that choose each decoding mode transformers moved out of the library into code
# on the hub (custom_generate repos, run only with trust_remote_code=True).
_HUB_CODE_MODE_SETTINGS = {
    "GROUP_BEAM_SEARCH": "num_beam_groups > 1",
    "CONSTRAINED_BEAM_SEARCH": "force_words_ids / constraints",
    "CONTRASTIVE_SEARCH": "penalty_alpha with top_k > 1",
    "DOLA_GENERATION": "dola_layers",
}


def _as_generate_runs_it(generation_config: GenerationConfig) -> GenerationConfig:
    """The settings with generate()'s own defaults for what they leave unset: `penalty_alpha`
    alone reads as greedy search until generate() fills in `top_k = 50`, which makes it
    contrastive search (and every article failed)."""
    defaults = getattr(type(generation_config), "_get_default_generation_params", None)
    if defaults is None:  # a transformers without it: the settings as they are
        return generation_config
    filled = copy.deepcopy(generation_config)
    for key, value in defaults().items():
        if getattr(filled, key, None) is None:
            setattr(filled, key, value)
    return filled


# The settings that make generate() assist greedy search or sampling with drafted tokens.
_ASSISTING_SETTINGS = ("prompt_lookup_num_tokens", "assistant_early_exit")


def _mode_name(generation_config: GenerationConfig) -> str | None:
    try:
        mode = _as_generate_runs_it(generation_config).get_generation_mode()
    except (AttributeError, ValueError):
        return None
    return getattr(mode, "name", None)


def takes_one_input_per_call(generation_config: GenerationConfig) -> bool:
    """Whether generate() takes one input per call with these settings: assisted generation
    (``prompt_lookup_num_tokens``, ``assistant_early_exit`` over greedy search or sampling)
    raises for a batch of more, and each batch failed and was retried in halves down to
    single inputs, the encoder run again at each step."""
    return _mode_name(generation_config) == "ASSISTED_GENERATION"


def refuse_ignored_assistance(generation_config: GenerationConfig, table: str) -> None:
    """Assisted generation asked beside beam search: generate() runs the beam search and
    ignores the assisting setting, saying so only in a warning (silenced here), as it does
    for temperature without sampling, which the strict validation refuses. ConfigError
    naming the table, before any article. For the torch backend."""
    asked = [
        key for key in _ASSISTING_SETTINGS if getattr(generation_config, key, None) is not None
    ]
    mode = _mode_name(generation_config)
    if not asked or mode in (None, "ASSISTED_GENERATION"):
        return
    beams = getattr(generation_config, "num_beams", None)
    raise ConfigError(
        f"[{table}] {asked[0]} = {getattr(generation_config, asked[0])!r}: assisted generation "
        f"runs with greedy search or sampling only, and with num_beams = {beams} generate() "
        "ignores it; set num_beams = 1 or remove it"
    )


# The settings that tune assisted generation, and what reads each: "early exit" drafts with the
# model's own first layers (assistant_early_exit), "prompt lookup" copies drafts from the input
# (prompt_lookup_num_tokens); the lookbehinds serve an assistant model with a tokenizer of its
# own, which this tool never passes to generate().
_ASSISTANT_TUNING: dict[str, str] = {
    "num_assistant_tokens": "early exit",
    "num_assistant_tokens_schedule": "early exit",
    "assistant_confidence_threshold": "early exit",
    "assistant_ensemble_weight": "early exit with sampling",
    "max_matching_ngram_size": "prompt lookup",
    "assistant_lookbehind": "an assistant model with another tokenizer",
    "target_lookbehind": "an assistant model with another tokenizer",
}


def _assistance_run(generation_config: GenerationConfig) -> str | None:
    """The kind of assisted generation generate() runs with these settings (the names of
    :data:`_ASSISTANT_TUNING`), None where it runs none."""
    if _mode_name(generation_config) != "ASSISTED_GENERATION":
        return None
    if generation_config.assistant_early_exit is not None:  # generate() picks it first
        return "early exit with sampling" if generation_config.do_sample else "early exit"
    return "prompt lookup"


def refuse_idle_assistant_settings(
    generation_config: GenerationConfig, table: str, user_set: Collection[str]
) -> None:
    """A setting of the user's that tunes a kind of assisted generation these settings do not
    run: num_assistant_tokens = 5 or max_matching_ngram_size = 3 without the assisting setting
    it tunes changed nothing, unsaid (generate() ignores it), and assistant_ensemble_weight
    beside prompt_lookup_num_tokens failed every input after the articles were translated
    ("requires candidate logits from the assistant model"). ConfigError naming the table and
    the setting, before any article. For the torch backend; CTranslate2 refuses them all."""
    run = _assistance_run(generation_config)
    for key, reader in _ASSISTANT_TUNING.items():
        value = getattr(generation_config, key, None)
        if key not in user_set or value is None or (run is not None and run.startswith(reader)):
            continue
        running = f"runs {run}" if run else "runs no assisted generation"
        fails = key == "assistant_ensemble_weight" and run == "prompt lookup"
        raise ConfigError(
            f"[{table}] {key} = {value!r} tunes assisted generation by {reader} only, and the "
            f"table as merged {running}, so generate() "
            f"{'fails on every input' if fails else 'ignores it'}; remove it (assisted "
            "generation runs with prompt_lookup_num_tokens or assistant_early_exit, under "
            "greedy search or sampling)"
        )


def refuse_unsafe_stops(generation_config: GenerationConfig, table: str) -> None:
    """A model's own generation settings with max_time or stop_strings (a config table is
    refused them already, see ``config.UNSAFE_STOPS``): ConfigError naming the table, before
    any article. For the torch backend; CTranslate2 refuses every setting it cannot honour."""
    for key, instead in UNSAFE_STOPS.items():
        value = getattr(generation_config, key, None)
        if value is not None:
            raise ConfigError(
                f"[{table}] {key} = {value!r} comes from the model's own "
                f"generation_config.json and is not supported ({instead}); remove it there"
            )


def refuse_hub_code_mode(generation_config: GenerationConfig, table: str) -> None:
    """A decoding mode whose code transformers now loads from the hub (group beam search,
    constrained beam search, contrastive search, DoLa) needs trust_remote_code=True, which this
    tool never sets: generate() raised for every input, after the articles were translated
    (each batch retried in halves first). ConfigError naming the table, before any article.
    For the torch backend; CTranslate2 refuses the settings it cannot honour itself."""
    try:
        mode = _as_generate_runs_it(generation_config).get_generation_mode()
    except (AttributeError, ValueError):
        return
    if getattr(mode, "name", None) in _BUILT_IN_MODES:
        return
    try:
        # Its import pulls in torch.distributed and torch._dynamo: 2 s of a run whose briefs
        # are all current, which loads no model, for settings that decode as they always did.
        from transformers.generation.utils import GENERATION_MODES_MAPPING
    except ImportError:  # a transformers without the mapping
        return
    repo = GENERATION_MODES_MAPPING.get(mode)
    if not isinstance(repo, str) or "/" not in repo:
        return
    name = getattr(mode, "name", str(mode))
    setting = _HUB_CODE_MODE_SETTINGS.get(name, "its settings")
    raise ConfigError(
        f"[{table}]: {name.replace('_', ' ').lower()} ({setting}) is not supported: transformers "
        f"runs it only as code from the hub ({repo}), and models never run code of their own "
        "here (trust_remote_code is off); use num_beams, sampling or greedy decoding"
    )
