"""Configuration: built-in defaults, layered TOML files and ``--set`` overrides.

Layers, lowest first: the defaults below, ``./summarize.toml`` (when present), each ``--config``
file, each ``--set section.key=value``. A file only needs the keys it changes. Validation is done by
pydantic with ``extra="forbid"`` so a typo is an error naming the key, never silently ignored.
"""

from __future__ import annotations

import codecs
import difflib
import functools
import json
import math
import os
import re
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from summarize.decoding import BOMS
from summarize.digests import default_digests_file
from summarize.errors import ConfigError, shown
from summarize.fileio import expand_home

if TYPE_CHECKING:
    from summarize.clean import CleanOptions
    from summarize.clean.model import ClassifierFile

DEFAULT_CONFIG_FILENAME = "summarize.toml"

Device = Literal["auto", "cpu", "cuda", "mps"]


def _not_empty(value: Any) -> Any:
    # Path("") is ".": an unset shell variable (--set output.folder="$OUT") put briefs, index
    # and lock into the working directory without a word.
    if isinstance(value, str) and not value.strip():
        raise ValueError("an empty path; give a folder or file name (. for this folder)")
    # No file system takes one ("\u0000" in a TOML string): the run ended with a traceback
    # (ValueError: embedded null byte) when it first made the folder, exit 1.
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("a path cannot hold a NUL character (\\u0000)")
    return value


def utf8_safe(text: str) -> str:
    """``text`` with each lone surrogate (how Python reads a byte of the command line or of a
    file name that is not UTF-8) written as its escape: pydantic cannot carry a message holding
    one, and load_config could not say what was wrong with the value."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def is_path(value: object) -> bool:
    """Whether ``value`` is a path a function of the library takes: a str or os.PathLike of
    text (not bytes)."""
    return isinstance(value, str | os.PathLike) and not isinstance(os.fspath(value), bytes)


def path_in_code(path: str | os.PathLike[str]) -> Path:
    """A path given in code (``run``, ``load_config``, ``read_article``): a str's leading ``~``
    is the home folder, as on the command line ("./~x" the name ~x here), and a "~name" of no
    user the name as typed, as a shell leaves it (``glob("*")`` gives Word's "~$Bericht.docx"
    beside the articles); a Path is taken as it is (its "./" is gone: a leading ~ cannot be
    told from a name)."""
    if not isinstance(path, str):
        return Path(path)
    try:
        return expand_home(path)
    except ValueError:
        return Path(path)


# A path read from TOML text; never empty nor holding a NUL, ``~`` the home folder.
def _toml_path(value: Any) -> Any:
    """A path's text checked (:func:`_not_empty`) and its leading ``~`` read as written: a
    ``~`` after ``./`` names a file or folder here, as in a shell. A Path is taken as it is, as
    ``Pipeline.run`` takes one: its ``./`` is gone, so its ``~`` cannot be told from a name, and
    ``Config.model_validate(config.model_dump())`` read "./~backup" (dumped as the Path
    "~backup") as the home of the user 'backup'."""
    value = _not_empty(value)
    return expand_home(value) if isinstance(value, str) else value


def _path_text(path: Path) -> str:
    """A path as TOML text that reads back to it (``config show``): a name that starts with
    ``~`` (given as "./~x") written so, or it read back as a home folder."""
    text = str(path)
    return f"./{text}" if text.startswith("~") else text


TomlPath = Annotated[
    Path, BeforeValidator(_toml_path), PlainSerializer(_path_text, when_used="json")
]


class _Section(BaseModel):
    # strict: TOML has types, so a value of the wrong one is a mistake, never converted
    # (batch_size = true was 1, enabled = "no" was false, cache_dir = 5 an error but
    # batch_size = "8" was 8); paths alone are read from strings (strict=False on them).
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with ``update``'s values checked as ``model_validate`` checks them (pydantic's
        ValidationError for a bad value or an unknown key). Pydantic's own checks nothing, and
        the sections are frozen, so it is how code changes a setting: ``batch_size = 0`` failed
        mid-run (ZeroDivisionError, after the models had loaded), a folder given as text failed
        with "'str' object has no attribute 'is_dir'", and a misspelt key was ignored."""
        copied = super().model_copy(update=update, deep=deep)
        if not update:
            return copied
        return self.model_validate(dict(copied))  # a section given whole is taken as it is


class GenerationSettingError(ValueError):
    """A bad value in a [*.generation] table; ``key`` lets the config error name it in full."""

    def __init__(
        self,
        key: str | None,
        value: Any,
        problem: str,
        show_value: bool = True,
        language_setting: str | None = None,
        config_setting: bool = False,
    ) -> None:
        super().__init__(problem)
        self.key = key
        self.value = value
        self.show_value = show_value  # False: the problem quotes it already
        # The model section's setting that takes what the key was meant for (a language code).
        self.language_setting = language_setting
        # The key is a setting of the config, not of generate() (`batch_size`, written under
        # the generation table): the error names where it belongs.
        self.config_setting = config_setting


@dataclass(frozen=True)
class _Number:
    """What one numeric generate() setting accepts (bool is never a number here)."""

    whole: bool  # an integer; else any finite int or float
    low: float | None = None
    high: float | None = None
    low_open: bool = False  # low itself excluded
    high_open: bool = False

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int if self.whole else (int, float)):
            return False
        if not math.isfinite(value):
            return False
        if self.low is not None and (value <= self.low if self.low_open else value < self.low):
            return False
        return self.high is None or (value < self.high if self.high_open else value <= self.high)

    def describe(self) -> str:
        kind = "an integer" if self.whole else "a number"
        if self.low is not None and self.high is not None:
            left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
            return f"{kind} in {left}{self.low:g}, {self.high:g}{right}"
        if self.low is not None:
            return f"{kind} {'>' if self.low_open else '>='} {self.low:g}"
        return kind


# transformers' GenerationConfig.validate() checks few values; the rest fail only inside
# generate(), after the models loaded and articles were translated (num_beams = 0:
# ZeroDivisionError; 2.5: TypeError; temperature = -1: ValueError). The bounds are those of the
# logits processors and of beam search; 0 switches top_k and the n-gram blockers off.
_NUMBERS: dict[str, _Number] = {
    **dict.fromkeys(("num_beams", "num_beam_groups", "max_new_tokens"), _Number(True, 1)),
    # max_length counts the decoder's start token: 1 leaves no token to write, and generate()
    # failed on every input, after the models loaded.
    "max_length": _Number(True, 2),
    **dict.fromkeys(
        (
            "min_length",
            "min_new_tokens",
            "no_repeat_ngram_size",
            "encoder_no_repeat_ngram_size",
            "top_k",
        ),
        _Number(True, 0),
    ),
    **dict.fromkeys(
        ("temperature", "repetition_penalty", "encoder_repetition_penalty"),
        _Number(False, 0, low_open=True),
    ),
    **dict.fromkeys(("top_p", "min_p"), _Number(False, 0, 1)),
    **dict.fromkeys(("top_h", "typical_p"), _Number(False, 0, 1, low_open=True)),
    **dict.fromkeys(("epsilon_cutoff", "eta_cutoff"), _Number(False, 0, 1, high_open=True)),
    **dict.fromkeys(("length_penalty", "diversity_penalty", "guidance_scale"), _Number(False)),
    # Compared with 0 to tell contrastive search (refused, generation.py): "x" was a traceback.
    "penalty_alpha": _Number(False, 0),
}
# The real-valued settings among them: a whole number written for one is that number, to the
# identities too (summarize.generation.generation_identity).
REAL_SETTINGS = frozenset(key for key, number in _NUMBERS.items() if not number.whole)
# Their logits processors refuse an int (temperature = 2 in TOML): given as floats.
_FLOAT_ONLY = frozenset({"temperature", "repetition_penalty", "encoder_repetition_penalty"})
_BOOLEANS = frozenset(
    {
        "do_sample", "use_cache", "renormalize_logits", "remove_invalid_values",
        "output_attentions", "output_hidden_states", "output_scores", "output_logits",
        "return_dict_in_generate", "token_healing", "disable_compile",
    }
)  # fmt: skip


def _is_id(value: Any) -> bool:
    # The range is the model's vocabulary, checked when it loads (generation._check_token_ids).
    return isinstance(value, int) and not isinstance(value, bool)


def _are_ids(value: Any) -> bool:
    return isinstance(value, list) and all(_is_id(item) for item in value)


def _are_id_lists(value: Any) -> bool:
    # Not empty: generate() refuses bad_words_ids = [] ("has to be a non-empty list") on every
    # input, after the models loaded.
    return (
        isinstance(value, list) and bool(value) and all(_are_ids(item) and item for item in value)
    )


def _is_real(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _are_biased_sequences(value: Any) -> bool:
    """sequence_bias as TOML gives it: ``[[ids, bias], ...]``, ids a non-empty list."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(pair, list)
            and len(pair) == 2
            and _are_ids(pair[0])
            and bool(pair[0])
            and _is_real(pair[1])
            for pair in value
        )
    )


def _is_decay(value: Any) -> bool:
    """exponential_decay_length_penalty: ``[start, factor]``, start an output length."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and _is_id(value[0])
        and value[0] >= 0
        and _is_real(value[1])
    )


# The shape of each setting that names token ids: a flat list for bad_words_ids (`[1, 2]`), a
# string for suppress_tokens or 5.5 for decoder_start_token_id passed every check, and every
# article then failed inside generate() (or, for 5.5, decoded with 5 and recorded 5.5). A
# list for decoder_start_token_id is one id per row of a batch, which no config can know.
_TOKEN_ID_SHAPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    **dict.fromkeys(
        ("pad_token_id", "bos_token_id", "forced_bos_token_id", "decoder_start_token_id"),
        (_is_id, "a token id (an integer)"),
    ),
    **dict.fromkeys(
        ("eos_token_id", "forced_eos_token_id"),
        (
            lambda value: _is_id(value) or (_are_ids(value) and bool(value)),
            "a token id (an integer) or a list of them",
        ),
    ),
    **dict.fromkeys(
        ("suppress_tokens", "begin_suppress_tokens"),
        (_are_ids, "a list of token ids (integers)"),
    ),
    "bad_words_ids": (
        _are_id_lists,
        "a non-empty list of token id lists, one per word (`[[12], [7, 9]]`)",
    ),
    "sequence_bias": (
        _are_biased_sequences,
        "a list of [token ids, bias] pairs (`[[[12], -5.0], [[7, 9], 2.5]]`)",
    ),
}


# The keys transformers' own NLLB, M2M100 and mBART-50 examples choose the languages with (the
# tokenizer's src_lang / tgt_lang; generate()'s forced_bos_token_id, the target's token), each
# with the model section's setting that takes the language's code here. Written into a
# [*.generation] table, src_lang was refused as no field of transformers.GenerationConfig and
# forced_bos_token_id = "eng_Latn" as no integer, neither naming translation.source_lang /
# target_lang.
_LANGUAGE_KEYS = {
    "src_lang": "source_lang",
    "source_lang": "source_lang",
    "tgt_lang": "target_lang",
    "target_lang": "target_lang",
    "forced_bos_token_id": "target_lang",
}


# Settings that end generate() in a way the pipeline cannot honour, with what to use instead;
# refused in a config table and in a model's own generation settings (generation.py).
UNSAFE_STOPS = {
    "stop_strings": "end outputs with eos_token_id or limit them with max_new_tokens",
    "max_time": "it cuts outputs at a time limit with no sign that they were cut; limit them "
    "with max_new_tokens",
}


# Features that failed inside generate() on every input, after the models
# loaded and the articles were translated: each setting with the one value that leaves it
# off, and why it must stay off.
_NOT_RUNNABLE: dict[str, tuple[Any, str]] = {
    "token_healing": (
        False,
        "generate() needs the tokenizer for it, which it is not given: every input fails",
    ),
    "guidance_scale": (
        1,
        "classifier-free guidance runs the decoder without its input, which an encoder-decoder "
        "model cannot: every input fails",
    ),
    "is_assistant": (False, "it marks the draft model of assisted generation: every input fails"),
    "low_memory": (
        False,
        "transformers' beam search refuses every input with it, other modes ignore it",
    ),
}


# What generate() returns besides the tokens: the pipeline decodes the tokens alone, so these
# would only cost memory (return_dict_in_generate = true crashed the run with a traceback).
_OUTPUT_EXTRAS = frozenset(
    {
        "return_dict_in_generate", "output_scores", "output_logits", "output_attentions",
        "output_hidden_states",
    }
)  # fmt: skip


# transformers 5 puts a lazy module in its own place in sys.modules as its first import ends:
# a thread that imported it meanwhile got the module half made ("cannot import name
# 'GenerationConfig' from 'transformers'", "module 'transformers' has no attribute
# 'AutoTokenizer'"), and of two pipelines or configs made side by side in threads, one failed.
_TRANSFORMERS_IMPORT = threading.Lock()


def import_transformers() -> None:
    """Import transformers whole, one thread at a time: called before the first use of it on
    each way in (a config's generation table, a model's spec), so that threads never see it
    half imported."""
    with _TRANSFORMERS_IMPORT:
        import transformers  # noqa: F401


@functools.cache
def _generation_fields() -> frozenset[str]:
    """The settings a GenerationConfig holds (its methods and bookkeeping are no settings)."""
    import_transformers()
    from transformers import GenerationConfig

    fields = vars(GenerationConfig())
    return frozenset(key for key in fields if not key.startswith("_")) - {"transformers_version"}


# Validation context key: False skips the checks that import transformers (0.9 s), for
# commands that load no model (inspect); the model load checks the same again, merged.
LIBRARY_CHECKS = "generation_library_checks"


# Validation context key: True while the layers are validated one by one (a setting that only
# holds together with another, which a later layer may set, is then left to the merged layers).
ONE_LAYER = "validating_one_layer"


def _library_checks(info: ValidationInfo) -> bool:
    return bool((info.context or {}).get(LIBRARY_CHECKS, True))


def check_generation(settings: dict[str, Any], library: bool = True) -> dict[str, Any]:
    """A [*.generation] table checked on its own, as far as the model's own settings (merged
    under it when the model loads, see ``generation.merged_generation``) cannot make it right:
    value types and ranges, then (``library``) known keys and transformers' own validation.
    Returns the table with the floats the library insists on; raises GenerationSettingError
    naming the key."""
    if not settings:
        return settings  # no transformers import for the common case
    unknown = sorted(set(settings) - _generation_fields()) if library else []
    if unknown and unknown[0] in _LANGUAGE_KEYS:
        raise GenerationSettingError(
            unknown[0],
            settings[unknown[0]],
            "not a generate() setting",
            language_setting=_LANGUAGE_KEYS[unknown[0]],
        )
    if unknown and unknown[0] in _config_settings():
        # A key of the config under the table (`batch_size`, `max_reduce_rounds`): difflib's
        # closest generate() field misled ("max_input_tokens": did you mean max_new_tokens?).
        raise GenerationSettingError(
            unknown[0], settings[unknown[0]], "not a generate() setting", config_setting=True
        )
    if unknown:
        # The fields are too many to list: a misspelt one (num_beam, max_new_token) is named
        # with the setting it is closest to.
        close = difflib.get_close_matches(unknown[0], sorted(_generation_fields()), n=1)
        raise GenerationSettingError(
            unknown[0],
            settings[unknown[0]],
            f"unknown generate() setting{f' (did you mean {close[0]}?)' if close else ''}; "
            "allowed are the fields of transformers.GenerationConfig "
            "(e.g. num_beams, max_new_tokens, min_length, length_penalty, no_repeat_ngram_size)",
        )
    checked = dict(settings)
    for key, value in settings.items():
        number = _NUMBERS.get(key)
        if number is not None and not number.accepts(value):
            raise GenerationSettingError(key, value, f"must be {number.describe()}")
        if key in _BOOLEANS and not isinstance(value, bool):
            raise GenerationSettingError(key, value, "must be true or false")
        if key == "early_stopping" and not (isinstance(value, bool) or value == "never"):
            # GenerationConfig takes 1 and 0 (1 == True), but beam search asks `is True`:
            # early_stopping = 1 decoded as false would, under another identity than true.
            raise GenerationSettingError(key, value, 'must be true, false or "never"')
        if key in _OUTPUT_EXTRAS and value:
            raise GenerationSettingError(
                key, value, "must be false: the pipeline keeps only the generated text"
            )
        if key == "stop_strings" and value is not None:
            # generate() needs the tokenizer for them, which is not thread-safe beside the
            # decoding workers: the run failed inside generate() after translating.
            raise GenerationSettingError(key, value, f"is not supported; {UNSAFE_STOPS[key]}")
        if key == "max_time" and value is not None:
            # generate() stops at the clock and returns what it has: a translation or summary
            # cut mid-sentence, with nothing to tell it from a finished one.
            raise GenerationSettingError(key, value, f"is not supported: {UNSAFE_STOPS[key]}")
        if key in _NOT_RUNNABLE and value is not None:
            off, reason = _NOT_RUNNABLE[key]
            if value != off or isinstance(value, bool) != isinstance(off, bool):  # 1 == True
                raise GenerationSettingError(
                    key, value, f"is not supported ({reason}); leave it {json.dumps(off)}"
                )
        if key in _TOKEN_ID_SHAPES and value is not None:
            shape, describe = _TOKEN_ID_SHAPES[key]
            if not shape(value):
                code = key in _LANGUAGE_KEYS and isinstance(value, str)
                raise GenerationSettingError(
                    key,
                    value,
                    f"must be {describe}",
                    language_setting=_LANGUAGE_KEYS[key] if code else None,
                )
        if key == "sequence_bias" and value is not None:
            # Its logits processor takes a float bias only: TOML's whole -5 failed every input.
            checked[key] = [[ids, float(bias)] for ids, bias in value]
        if key == "exponential_decay_length_penalty" and value is not None and not _is_decay(value):
            raise GenerationSettingError(
                key,
                value,
                "must be a pair [start, factor]: the output length (an integer >= 0) where the "
                "end token's score starts to grow, and the factor (a number) it grows by per token",
            )
        if key == "cache_implementation" and value is not None:
            # The backends pass the decoder's cache themselves: generate() refused every input.
            raise GenerationSettingError(
                key, value, "is not supported: the pipeline sets the decoder's cache itself"
            )
        if key in _FLOAT_ONLY:
            checked[key] = float(value)
    # The pipeline keeps one output per input; more would misalign the batch's outputs.
    count = checked.get("num_return_sequences", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count != 1:
        raise GenerationSettingError(
            "num_return_sequences", count, "must be 1: each input gets exactly one output"
        )
    if library:
        _library_validation(checked)
    return checked


# transformers' verbosity is the process's: two configs loaded at once in two threads each put
# back what they found, one of them the other's "errors only", which then stayed for good and
# hid transformers' warnings from the rest of a library user's process. One at a time, then.
_TRANSFORMERS_QUIETED = threading.Lock()


def _library_validation(settings: dict[str, Any]) -> None:
    """GenerationConfig's own checks (early_stopping, max_new_tokens, cache_implementation,
    forced tokens that are also suppressed, ...) on the table's keys alone.

    Not strict: its "minor issues" (length_penalty without num_beams > 1, temperature without
    do_sample) depend on the model's settings, which merged_generation checks strictly at
    load; here its warnings about them are silenced as premature."""
    from transformers import GenerationConfig
    from transformers.utils import logging as transformers_logging

    with _TRANSFORMERS_QUIETED:
        verbosity = transformers_logging.get_verbosity()
        transformers_logging.set_verbosity_error()
        try:
            GenerationConfig(**settings)
        except (ValueError, TypeError, AttributeError) as error:  # e.g. watermarking_config = 5
            message = utf8_safe(str(error))  # it may quote the value
            named = [key for key in re.findall(r"`(\w+)`", message) if key in settings]
            key = named[0] if named else None
            raise GenerationSettingError(key, None, message, show_value=False) from None
        finally:
            transformers_logging.set_verbosity(verbosity)


# A generation table's (minimum, maximum) of each length form.
LENGTH_PAIRS = (("min_length", "max_length"), ("min_new_tokens", "max_new_tokens"))
# The two forms of each output length. generate() lets max_new_tokens win over max_length and
# applies min_length and min_new_tokens both: a length set in one form replaces the other form
# below it (a lower config layer, the model's own settings).
LENGTH_FORMS = (("max_length", "max_new_tokens"), ("min_length", "min_new_tokens"))


def replaced_length_forms(settings: Mapping[str, Any]) -> list[str]:
    """The other form of each length that ``settings`` sets in one form only: the lengths it
    replaces below it (see LENGTH_FORMS)."""
    return [
        other
        for pair in LENGTH_FORMS
        for key, other in (pair, pair[::-1])
        if key in settings and settings[key] is not UNSET and other not in settings
    ]


_GENERATION_TABLES = (
    ("translation", "generation"),
    ("summarization", "generation"),
    ("summarization", "chunk_generation"),
)


# Each minimum with a maximum it must not exceed, 1 where the minimum counts the decoder's
# start token and the maximum does not, -1 where the maximum counts it and the minimum does
# not: min_length = 56 beside max_new_tokens = 20 in one table passed the check, and generate()
# warned "min_length (56) is larger than the maximum possible length (21)" past --quiet on every
# batch; so did min_new_tokens = 150 against DistilBART's own max_length of 142.
LENGTH_BOUNDS = (
    *((low, high, 0) for low, high in LENGTH_PAIRS),
    ("min_length", "max_new_tokens", 1),
    ("min_new_tokens", "max_length", -1),
)


def _length_above_maximum(settings: Mapping[str, Any]) -> tuple[str, str] | None:
    """The (minimum, maximum) keys of a table that asks for a longer minimum than its maximum:
    generate() only warned (a UserWarning, past --quiet) and stopped at the maximum."""
    for low, high, start in LENGTH_BOUNDS:
        least, most = settings.get(low), settings.get(high)
        if _NUMBERS[low].accepts(least) and _NUMBERS[high].accepts(most) and least > most + start:
            return low, high
    return None


def _maximum_said(settings: Mapping[str, Any], low: str, high: str) -> str:
    """The maximum that ``low`` exceeds, as the messages say it: max_new_tokens with the start
    token that min_length counts, max_length without the one it counts."""
    if (low, high, 1) in LENGTH_BOUNDS:
        return f"{high} + 1 ({settings[high] + 1}: {low} counts the start token)"
    if (low, high, -1) in LENGTH_BOUNDS:
        return f"{high} - 1 ({settings[high] - 1}: {high} counts the start token)"
    return f"{high} ({settings[high]})"


def _lengths_in_order(settings: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
    """A table built in code (``Config(...)``, ``model_validate``) is checked as load_config
    checks the merged layers: it passed with a minimum above its maximum."""
    if not (info.context or {}).get(ONE_LAYER) and (pair := _length_above_maximum(settings)):
        low, high = pair
        # The key in the message too: pydantic's own error names only the table.
        raise GenerationSettingError(
            low,
            settings[low],
            f"{low} = {settings[low]!r} must not exceed {_maximum_said(settings, low, high)}",
        )
    return settings


def _check_length_pairs(
    merged: Mapping[str, Any], layers: list[tuple[str, Mapping[str, Any]]]
) -> None:
    """:func:`_length_above_maximum` on the merged layers, as one layer may set the maximum that
    a later one raises; the message names the last layer that set either."""
    for section, table in _GENERATION_TABLES:
        part = merged.get(section)
        settings = part.get(table) if isinstance(part, Mapping) else None
        if not isinstance(settings, Mapping) or (pair := _length_above_maximum(settings)) is None:
            continue
        low, high = pair
        setters = [name for name, layer in layers if _sets(layer, section, table, low, high)]
        origin = setters[-1] if setters else "the layers together"
        raise ConfigError(
            f"invalid configuration ({origin}):\n  {section}.{table}.{low}: must not "
            f"exceed {_maximum_said(settings, low, high)} (got {settings[low]!r})"
        )


def _sets(layer: Mapping[str, Any], section: str, table: str, *keys: str) -> bool:
    """Whether ``layer`` names one of ``keys`` in its [section.table] (an unset is a mapping no
    more, so it sets nothing)."""
    part = layer.get(section)
    settings = part.get(table) if isinstance(part, Mapping) else None
    return isinstance(settings, Mapping) and any(key in settings for key in keys)


# The hub's default branch, which an unset revision loads (huggingface_hub's DEFAULT_REVISION).
HUB_DEFAULT_REVISION = "main"


def default_revision_unset(revision: str | None) -> str | None:
    """A revision as the settings keep it: the hub's default branch as unset, the files an unset
    revision loads. Written "main", a copy pulled without it was "pulled at None … run `summarize
    models pull`", one store copy of another revision, and a hub model's briefs and cached
    translations were keyed apart from the same weights' unset revision."""
    return None if revision == HUB_DEFAULT_REVISION else revision


class ModelSettings(_Section):
    """Settings shared by the translation and summarization stages."""

    model: str = Field(
        min_length=1,
        description=(
            "Hub id or local folder (absolute, or relative to the models folder or the working "
            "directory)."
        ),
    )
    # Not empty: "" loaded the default branch under an identity of its own (briefs redone on
    # a switch to unset, a store copy called "of another revision").
    revision: str | None = Field(
        default=None, min_length=1, description="Hub revision (branch, tag or commit) to load."
    )
    device: Device = Field(default="auto", description="Where the model runs.")
    batch_size: int = Field(default=16, ge=1, description="Most inputs per generate() call.")
    max_batch_tokens: int = Field(
        default=4096, ge=16, description="Token budget per batch: longest input x batch rows."
    )
    max_input_tokens: int | None = Field(
        default=None,
        ge=8,
        description="Input window in tokens; default: the model's own limit.",
    )
    prefix: str | None = Field(
        default=None, description="Text put before every input; default: the model's own (T5)."
    )
    source_lang: str | None = Field(
        default=None,
        min_length=1,
        description=(
            "Language code of the input, for multilingual models (M2M100 de, NLLB-200 deu_Latn, "
            "mBART-50 de_DE); default: German for translation, English for summarization."
        ),
    )
    target_lang: str | None = Field(
        default=None,
        min_length=1,
        description="Language code of the output (English) for multilingual models.",
    )
    backend: Literal["torch", "ctranslate2"] = Field(
        default="torch", description="torch, or ctranslate2 (pip install 'summarize[fast]')."
    )
    quantization: Literal["none", "int8", "float16", "bfloat16"] = Field(
        default="none", description="int8 on CPU; float16/bfloat16 on a GPU."
    )
    allow_pickle: bool = Field(
        default=False, description="Accept pickle (.bin) weights; safetensors only when false."
    )
    generation: dict[str, Any] = Field(
        default_factory=dict, description="generate() keywords; override the model's own settings."
    )

    @field_validator("generation")
    @classmethod
    def _valid_generation(cls, settings: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
        return _lengths_in_order(check_generation(settings, _library_checks(info)), info)

    @field_validator("revision")
    @classmethod
    def _default_revision_unset(cls, revision: str | None) -> str | None:
        return default_revision_unset(revision)


class TranslationSettings(ModelSettings):
    model: str = Field(default="Helsinki-NLP/opus-mt-de-en", min_length=1)
    batch_size: int = Field(default=32, ge=1)


class SummarizationSettings(ModelSettings):
    model: str = Field(default="sshleifer/distilbart-cnn-12-6", min_length=1)
    batch_size: int = Field(default=4, ge=1)
    max_batch_tokens: int = Field(default=8192, ge=16)
    max_reduce_rounds: int = Field(
        default=4, ge=1, description="Most map-reduce rounds before giving up on shrinking further."
    )
    chunk_generation: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "generate() keywords for the map steps of map-reduce (the chunk summaries), merged "
            "over [summarization.generation]; default: the same settings as the final summary."
        ),
    )

    @field_validator("chunk_generation")
    @classmethod
    def _valid_chunk_generation(
        cls, settings: dict[str, Any], info: ValidationInfo
    ) -> dict[str, Any]:
        return _lengths_in_order(check_generation(settings, _library_checks(info)), info)


class CleanSettings(_Section):
    enabled: bool = Field(default=True, description="Run the cleaning rules at all.")
    disable: list[str] = Field(
        default_factory=list, description="Names of cleaning rules to switch off."
    )
    model: TomlPath | None = Field(
        default=None,
        strict=False,
        description=(
            "The cleaner's block classifier: a JSON file written by `benchmarks/cleaning.py "
            "train` (e.g. fitted on your own annotated pages); default: the packaged one."
        ),
    )
    threshold: float | None = Field(
        default=None,
        gt=0.0,
        lt=1.0,
        # nan was refused as "Input should be less than 1 (got nan)", which it is not.
        allow_inf_nan=False,
        description=(
            "Drop a block when the classifier's P(boilerplate) exceeds this; lower removes more "
            "boilerplate and risks more article text; default: the model's own."
        ),
    )

    @field_validator("disable")
    @classmethod
    def _known_rules(cls, names: list[str]) -> list[str]:
        from summarize.clean import RULE_NAMES

        unknown = [name for name in names if name not in RULE_NAMES]
        if unknown:
            raise ValueError(
                f"unknown rule(s) {utf8_safe(', '.join(unknown))}; rules are: "
                f"{', '.join(RULE_NAMES)}"
            )
        return names

    # The model file as read once when the config is loaded: every article of a run is cleaned
    # by it, and the run's fingerprint counts its content, even if the file changes or vanishes
    # meanwhile (or is not there at all on another machine of a Ray cluster).
    _model_file: ClassifierFile | None = PrivateAttr(default=None)

    @field_validator("model")
    @classmethod
    def _readable_model(cls, path: Path | None) -> Path | None:
        if path is None:
            return None
        from summarize.clean.model import read_classifier

        try:
            read_classifier(path)  # a ValueError names the problem, and clean.model as the key
        except ValueError as error:  # it names the path
            raise ValueError(utf8_safe(str(error))) from None
        return path

    @model_validator(mode="after")
    def _read_model(self) -> CleanSettings:
        if self.model is not None:
            from summarize.clean.model import read_classifier

            self._model_file = read_classifier(self.model)
        return self

    @property
    def model_sha256(self) -> str | None:
        """The sha256 of the model file's content as read (None: the packaged model)."""
        return self._model_file.sha256 if self._model_file else None

    def options(self) -> CleanOptions:
        from summarize.clean import CleanOptions

        return CleanOptions(
            enabled=self.enabled,
            disabled=frozenset(self.disable),
            classifier=self._model_file.classifier if self._model_file else None,
            threshold=self.threshold,
        )


class InputSettings(_Section):
    max_bytes: int = Field(
        default=5_000_000,
        ge=1,
        description="A larger input file fails, naming the limit (news is far smaller).",
    )
    force_language: bool = Field(
        default=False, description="Process articles detected as not German."
    )


# The default of runtime.model_digests where the user cache folder is unknown.
_NO_USER_CACHE = Path("/nonexistent/summarize-user-cache-unknown/model-digests.json")


def _default_digests_file() -> Path:
    """The digests file in the user cache folder, or ``_NO_USER_CACHE`` where that is unknown
    (no HOME, a user the password database does not know: a container): platformdirs raised,
    and the run ended with its traceback before any check of the config."""
    try:
        return default_digests_file()
    except RuntimeError:
        return _NO_USER_CACHE


MOST_THREADS = 4096
MOST_WORKERS = 256


class RuntimeSettings(_Section):
    # Upper bounds far above any machine: 10**20 threads overflowed torch's C integer (a
    # traceback), and 100,000 workers ended the process in a segmentation fault.
    threads: int = Field(
        default=0,
        ge=0,
        le=MOST_THREADS,
        description="CPU threads in all, shared out among the workers; 0 = torch's default.",
    )
    workers: int = Field(
        default=0,
        ge=0,
        le=MOST_WORKERS,
        description=(
            "Batches decoded at the same time on CPU, each on threads/workers threads; "
            "0 = 2 when there are at least 2 threads, else 1."
        ),
    )
    keep_freed_memory: bool = Field(
        default=True,
        description=(
            "glibc: keep freed memory for reuse between decoding steps instead of "
            "page-faulting it in again (about 12% of CPU translation time with one worker)."
        ),
    )
    articles_per_batch: int = Field(
        default=16,
        ge=1,
        description="Articles translated and summarized together (shared model batches).",
    )
    models_dir: TomlPath = Field(
        default=Path("models"), strict=False, description="Local model store."
    )
    cache: bool = Field(default=True, description="Cache translations on disk.")
    cache_dir: TomlPath | None = Field(
        default=None,
        strict=False,
        description="Cache folder; default <output folder>/.summarize-cache.",
    )
    model_digests: TomlPath = Field(
        default_factory=_default_digests_file,
        strict=False,
        description=(
            "File remembering local model files' SHA-256 by size, mtime, ctime and inode, so "
            "unchanged weights are not hashed again every run; default in the user cache folder."
        ),
    )
    engine: Literal["local", "ray"] = Field(
        default="local",
        description="local: this process; ray: a Ray cluster (pip install 'summarize[ray]').",
    )
    ray_address: str | None = Field(
        default=None,
        description=(
            "Ray engine: unset starts a local Ray instance; 'auto' joins this machine's "
            "cluster; 'HOST:PORT' that cluster (not ray://: Ray Data does not run over Ray "
            "Client)."
        ),
    )

    @field_validator("ray_address")
    @classmethod
    def _an_address(cls, address: str | None) -> str | None:
        # An unset shell variable (--ray-address "$HEAD"): no probe read it, and Ray refused it
        # only when it was joined, after every input was read ("Invalid address format: ").
        if address is not None and not address.strip():
            raise ValueError(
                "an empty address; give auto or HOST:PORT, or leave it unset for a local Ray "
                "instance"
            )
        return address


# The smallest amount of a resource Ray reserves (its resource unit scaling is 10,000).
_RAY_RESOURCE_UNIT = 0.0001


class RaySettings(_Section):
    """The Ray engine: actor pools for the two models, the tasks around them, the watchdog."""

    translation_min_actors: int = Field(default=1, ge=1, description="Translator actors at least.")
    translation_max_actors: int = Field(
        default=4, ge=1, description="Translator actors at most (autoscaling between the two)."
    )
    summarization_min_actors: int = Field(
        default=1, ge=1, description="Summarizer actors at least."
    )
    summarization_max_actors: int = Field(
        default=4, ge=1, description="Summarizer actors at most (autoscaling between the two)."
    )
    model_pools: Literal["auto", "separate", "combined"] = Field(
        default="auto",
        description=(
            "separate: a translator pool and a summarizer pool, each scaling on its own (the "
            "shape for a cluster); combined: one pool whose actors hold both models and do a "
            "group's model work as the local engine does (on one machine two pools only take "
            "turns on the same cores); auto: combined on a one-node cluster, else separate."
        ),
    )
    cpus_per_actor: float | None = Field(
        default=None,
        gt=0,
        allow_inf_nan=False,
        description=(
            "CPUs Ray reserves per model actor; also its threads (at least 1). Default: a "
            "combined pool on one node takes the node's CPUs, other actors 1."
        ),
    )
    gpus_per_actor: float = Field(
        default=1.0,
        ge=0,
        allow_inf_nan=False,
        description=(
            "GPUs Ray reserves per model actor whose section says device = 'cuda', or 'auto' "
            "on a cluster that has GPUs when the run starts; other devices ask for none."
        ),
    )
    articles_per_batch: int | None = Field(
        default=None,
        ge=1,
        description=(
            "Articles per unit of work (one translation call, one summarization call); "
            "default runtime.articles_per_batch, which keeps briefs identical to the local engine."
        ),
    )
    no_progress_timeout_s: float = Field(
        default=600.0,
        gt=0,
        description=(
            "Stop the run (exit 1) when no work moves for this long (no stage starts or ends "
            "a group of articles, no model batch is done within one); must exceed the slowest "
            "model batch and an actor's start. inf: never (a stalled run waits for good)."
        ),
    )

    @field_validator("cpus_per_actor", "gpus_per_actor")
    @classmethod
    def _ray_can_reserve(cls, value: float | None, info: ValidationInfo) -> float | None:
        # Ray counts resources in units of 0.0001 and GPUs past one whole: anything else was
        # its ValueError traceback when the first actor pool was made, after the models' checks.
        if value is None or value == 0:
            return value
        if value < _RAY_RESOURCE_UNIT:
            raise ValueError(f"Ray reserves no less than {_RAY_RESOURCE_UNIT:g} of a resource")
        if info.field_name == "gpus_per_actor" and value > 1 and not value.is_integer():
            raise ValueError("Ray reserves a fraction of one GPU, or whole GPUs (1, 2, ...)")
        return value

    @model_validator(mode="after")
    def _min_within_max(self, info: ValidationInfo) -> RaySettings:
        if (info.context or {}).get(ONE_LAYER):
            return self  # a later layer may raise the maximum: compared on the merged layers
        for task in ("translation", "summarization"):
            low, high = getattr(self, f"{task}_min_actors"), getattr(self, f"{task}_max_actors")
            if low > high:
                raise ValueError(f"{task}_min_actors ({low}) exceeds {task}_max_actors ({high})")
        return self


class OutputSettings(_Section):
    folder: TomlPath = Field(
        default=Path("outputs"), strict=False, description="Where briefs and index.md go."
    )


class Config(_Section):
    translation: TranslationSettings = Field(default_factory=TranslationSettings)
    summarization: SummarizationSettings = Field(default_factory=SummarizationSettings)
    clean: CleanSettings = Field(default_factory=CleanSettings)
    input: InputSettings = Field(default_factory=InputSettings)
    runtime: RuntimeSettings = Field(default_factory=RuntimeSettings)
    output: OutputSettings = Field(default_factory=OutputSettings)
    ray: RaySettings = Field(default_factory=RaySettings)

    @model_validator(mode="after")
    def _digests_file_known(self, info: ValidationInfo) -> Config:
        if (info.context or {}).get(ONE_LAYER):
            return self  # a later layer may name the file: said of the merged layers
        if self.runtime.model_digests == _NO_USER_CACHE:
            raise ConfigError(
                "runtime.model_digests has no default: the user cache folder is unknown (HOME "
                "is not set and this user has no home directory); set HOME or XDG_CACHE_HOME, "
                "or set runtime.model_digests to a file"
            )
        return self

    def uses_torch(self) -> bool:
        """Whether a model runs on the torch backend (else the run never imports torch)."""
        return "torch" in (self.translation.backend, self.summarization.backend)

    def to_toml_dict(self) -> dict[str, Any]:
        """The effective config as plain TOML-compatible values (paths as strings, no None)."""
        return _drop_none(self.model_dump(mode="json"))

    def to_toml(self) -> str:
        """The effective config as TOML text (``config show``), which loads to this config.
        Raises ConfigError for a value no TOML text can hold: a file name's byte that is not
        UTF-8 (read from the command line as a lone surrogate) was printed as it is, which is
        no TOML, or crashed the print with a traceback (UnicodeEncodeError) where the output
        is strict UTF-8."""
        import tomli_w

        table = self.to_toml_dict()
        key = _key_holding_surrogates(table)
        if key is not None:
            raise ConfigError(
                f"{key} holds a byte that is not UTF-8 text (a file name's?), which TOML cannot "
                f"hold: {shown(_lookup(table, key))}"
            )
        return tomli_w.dumps(table)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    return value


# A code point that UTF-8 cannot encode: how Python reads a byte of the command line (or of a
# file name) that is not UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _key_holding_surrogates(value: Any, location: str = "") -> str | None:
    """The dotted key of the first key or string (in lists too) of ``value`` that holds one."""
    if isinstance(value, dict):
        for key, item in value.items():
            inner = f"{location}.{key}" if location else str(key)
            if _SURROGATE.search(str(key)):
                return inner
            if (found := _key_holding_surrogates(item, inner)) is not None:
                return found
    elif isinstance(value, list):
        for item in value:
            if (found := _key_holding_surrogates(item, location)) is not None:
                return found
    elif isinstance(value, str) and _SURROGATE.search(value):
        return location
    return None


def _lookup(table: Mapping[str, Any], key: str) -> Any:
    """The value at dotted ``key`` as far as it goes (a key holding one ends it)."""
    value: Any = table
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            break
        value = value[part]
    return value


class _Unset:
    """The value of ``--set section.key=`` (nothing after ``=``): the key goes back to its
    default, as if no earlier layer had set it (a generation key: back to the model's own)."""

    def __repr__(self) -> str:
        return "<unset>"


UNSET: Any = _Unset()


def _deep_merge(base: dict[str, Any], update: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in update.items():
        if value is UNSET:
            merged.pop(key, None)
        # generation tables merge key by key too: a layer changes only what it names.
        elif isinstance(value, Mapping):  # a new table is merged too, so no UNSET stays in it
            current = merged.get(key)
            merged[key] = _deep_merge(current if isinstance(current, dict) else {}, value)
        else:
            merged[key] = value
    return merged


def _replacing_lengths(layer: Mapping[str, Any]) -> Mapping[str, Any]:
    """``layer`` with the other form of each output length it sets unset below it: a length
    set in one form replaces the layer below's length in the other, as over the model's own
    settings. Before, ``--set summarization.generation.max_length=60`` over a file's
    ``max_new_tokens = 100`` kept both, and generate() let max_new_tokens win: the setting on
    the command line was silently ignored."""
    replaced: dict[str, Any] = dict(layer)
    for section, table in _GENERATION_TABLES:
        part = layer.get(section)
        settings = part.get(table) if isinstance(part, Mapping) else None
        if not isinstance(settings, Mapping):
            continue
        unset = dict.fromkeys(replaced_length_forms(settings), UNSET)
        if unset:  # on what an earlier table of the section replaced: both tables may set one
            replaced[section] = {**replaced[section], table: {**unset, **settings}}
    return replaced


def parse_override(assignment: str, library_checks: bool = True) -> dict[str, Any]:
    """``section.key=value`` as a nested dict; the value is read as TOML, else as a string.
    Nothing after ``=`` unsets the key (:data:`UNSET`), which must be a known one
    (``library_checks``: a generate() keyword too, as transformers names them)."""
    key_path, sep, raw_value = assignment.partition("=")
    keys = [part.strip() for part in key_path.split(".")]
    if not sep or len(keys) < 2 or not all(keys):
        raise ConfigError(
            f"--set {assignment!r}: expected section.key=value, e.g. --set translation.batch_size=8"
        )
    typed, raw_value = raw_value, raw_value.strip()
    value: Any
    if not raw_value:
        value = UNSET  # an empty string is never a useful setting; "" still gives one
    else:
        try:
            value = _loads_toml(f"v = {raw_value}")["v"]
        except tomllib.TOMLDecodeError as error:
            if raw_value.startswith(_toml_openers(keys)):
                raise ConfigError(_not_toml(assignment, raw_value, error)) from None
            value = raw_value  # bare words such as a model id need no quotes on the command line
            if keys[-1] in _SPACED_SETTINGS:
                value = typed.lstrip()  # "…English: ": the space that parts prefix and text
    if value is UNSET:
        _check_known_key(keys, assignment, library_checks)
    nested: dict[str, Any] = {keys[-1]: value}
    for key in reversed(keys[:-1]):
        nested = {key: nested}
    return nested


# Settings whose trailing white space is part of the value: '--set translation.prefix=translate
# German to English: ' lost its last space, and every input read "…English:Die …".
_SPACED_SETTINGS = frozenset({"prefix"})


# How a TOML string begins: a value that begins so and is no TOML is a mistake in it, never a
# bare word. '--set output.folder="out\2024"' (\2 is no TOML escape) and '--set
# translation.prefix="text' (unclosed) were taken as the text itself, the quotes included (a
# folder named "out\2024" with its quotes). Not "[" or "{": bare words open with them too
# ("--set runtime.ray_address=[::1]:6379", a folder "[draft] briefs"), and one where a list or
# table belongs is refused by that setting's own check.
_TOML_OPENERS = ('"', "'")
# And of a generate() keyword, where a list or table is no mistake to read as text: no check of
# ours knows their types ("suppress_tokens=[1,2" was taken as the text "[1,2", and every article
# failed in generate() after the models had loaded, exit 1).
_GENERATE_TOML_OPENERS = (*_TOML_OPENERS, "[", "{")


def _toml_openers(keys: list[str]) -> tuple[str, ...]:
    """How a value at ``keys`` may begin only as TOML: as a string anywhere, as a list or table
    too in a free table of generate() keywords (translation.generation.*)."""
    depth, _, known = _walk_sections(keys)  # an unknown key: its own check says so
    return _GENERATE_TOML_OPENERS if known and depth < len(keys) - 1 else _TOML_OPENERS


def _not_toml(assignment: str, raw_value: str, error: tomllib.TOMLDecodeError) -> str:
    """The message for a --set value that begins as TOML text and is none, with what TOML says
    is wrong (less its position, which counts the "v = " the value was read behind). The value
    as typed, not as repr() doubles its backslashes: they are what the message is about."""
    problem = re.sub(r" \(at (line \d+, column \d+|end of document)\)$", "", str(error))
    hint = ""
    if raw_value.startswith('"') and "\\" in raw_value:
        hint = (
            '; in "..." a backslash starts an escape: write \\\\ for one, or quote the text '
            "with '...' (no escapes)"
        )
    return f"--set {shown(assignment)}: the value is not valid TOML ({problem}){hint}"


def _check_known_key(keys: list[str], assignment: str, library_checks: bool = True) -> None:
    """Unsetting a misspelt key would pass silently (it is only removed): refuse it. So for a
    generate() keyword: ``--set summarization.generation.num_beam=`` left the num_beams a file
    set in place, exit 0 (a value set under that name is refused as unknown)."""
    depth, section, known = _walk_sections(keys)
    if not known:
        location = ".".join(keys[: depth + 1])
        top = keys[0] if depth == 1 else None  # a key of a top-level section
        raise ConfigError(
            f"--set {assignment!r}: {location}: "
            f"{_unknown_key(keys[depth], sorted(section.model_fields), top)}"
        )
    if library_checks and depth == 1 and tuple(keys[:2]) in _GENERATION_TABLES and len(keys) > 2:
        key = keys[2]
        if key not in _generation_fields() and key in _config_settings():
            cause = GenerationSettingError(
                key, None, "not a generate() setting", config_setting=True
            )
            raise ConfigError(
                f"--set {assignment!r}: {'.'.join(keys[:3])}: {cause}"
                f"{_setting_hint(cause, tuple(keys[:1]))}"
            )
        if key not in _generation_fields():
            close = difflib.get_close_matches(key, sorted(_generation_fields()), n=1)
            raise ConfigError(
                f"--set {assignment!r}: {'.'.join(keys[:3])}: unknown generate() setting"
                f"{f' (did you mean {close[0]}?)' if close else ''}"
            )


def unsets_a_generate_keyword(assignment: str) -> bool:
    """Whether ``--set assignment`` unsets a key of a generation table: one only the library
    checks tell known (see :func:`_check_known_key`), so a load without them takes a misspelt
    one silently."""
    key_path, sep, raw_value = assignment.partition("=")
    keys = [part.strip() for part in key_path.split(".")]
    return (
        bool(sep)
        and not raw_value.strip()
        and len(keys) > 2
        and tuple(keys[:2]) in _GENERATION_TABLES
    )


def _walk_sections(keys: list[str]) -> tuple[int, type[BaseModel], bool]:
    """How far ``keys`` go down the config's sections: (the depth where they stop, the section
    there, whether the key there is known). They stop at an unknown key, at a value or a free
    table (generation keywords: any key below it), or past the last key."""
    section: type[BaseModel] = Config
    for depth, key in enumerate(keys):
        field = section.model_fields.get(key)
        if field is None:
            return depth, section, False
        annotation = field.annotation
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return depth, section, True
        section = annotation
    return len(keys), section, True


def _loads_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, with lists or tables nested past what it reads refused as any TOML
    it cannot read: it reads them by recursion and raises RecursionError past Python's limit,
    no TOMLDecodeError, and a config file (or --set value) of 1,000 nested lists ended the
    command in a traceback of some 3,000 lines."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise _NestedTooDeeply from None


class _NestedTooDeeply(tomllib.TOMLDecodeError):
    def __init__(self) -> None:  # Python 3.14's TOMLDecodeError warns of a message alone
        ValueError.__init__(self, "lists or tables nested too deeply")


def read_toml(path: Path) -> dict[str, Any]:
    bom, encoding = 0, "utf-8"
    try:
        raw = path.read_bytes()
        # Notepad and PowerShell 5 save UTF-8 with a byte order mark, which tomllib refuses as
        # "Invalid statement (at line 1, column 1)": a line that reads as valid TOML. PowerShell
        # 5's `summarize config show > my.toml` writes UTF-16 with one, which was "not UTF-8
        # text (byte 0)": the mark says the encoding, as an article's does.
        marked = next((name for mark, name in BOMS if raw.startswith(mark)), None)
        if marked == "utf-8-sig":
            raw, bom = raw[len(codecs.BOM_UTF8) :], len(codecs.BOM_UTF8)
        elif marked is not None:  # UTF-16 or UTF-32: the codec reads the mark
            encoding = marked
        return _loads_toml(raw.decode(encoding))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {shown(path)}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{shown(path)}: not valid TOML: {error}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(
            f"{shown(path)}: not valid TOML: not {encoding.upper()} text (byte "
            f"{error.start + bom}); save it as UTF-8"
        ) from None
    except OSError as error:
        raise ConfigError(f"{shown(path)}: cannot read: {error.strerror}") from None


# A path key given no text (`folder = 5`, `models_dir = ["a"]`): pydantic's words are "Input is
# not a valid path for <class 'pathlib.Path'>", Python's name for the type and no word of how to
# write one.
_PATH_TYPE_MESSAGE = "Input should be a path, written as text in quotes"


def _describe_validation_error(error: ValidationError, origin: str) -> str:
    lines = []
    for item in error.errors():
        location = ".".join(str(part) for part in item["loc"])
        cause = item.get("ctx", {}).get("error")
        if item["type"] == "extra_forbidden":
            allowed = _allowed_keys(item["loc"][:-1])
            section = str(item["loc"][0]) if len(item["loc"]) == 2 else None
            lines.append(f"{location}: {_unknown_key(str(item['loc'][-1]), allowed, section)}")
        elif isinstance(cause, GenerationSettingError):  # name the key within the table
            if cause.key is not None:
                location = f"{location}.{cause.key}"
            hint = _language_hint(cause, item["loc"]) or _setting_hint(cause, item["loc"])
            given = f" (got {cause.value!r})" if cause.show_value and not hint else ""
            lines.append(f"{location}: {cause}{hint}{given}")
        else:
            given = item.get("input")
            # A validator's own words, without pydantic's "Value error, " before them.
            said = str(cause) if item["type"] == "value_error" and cause else item["msg"]
            if item["type"] == "path_type":  # pydantic's "for <class 'pathlib.Path'>" said not
                said = _PATH_TYPE_MESSAGE  # what to write (`folder = 5` in a file)
            lines.append(f"{location}: {said} (got {given!r}){_quote_hint(item, origin)}")
    return f"invalid configuration ({origin}):\n  " + "\n  ".join(lines)


def _language_hint(cause: GenerationSettingError, location: tuple[Any, ...]) -> str:
    """Where the language code given as ``cause``'s generate() setting belongs: the model
    section's ``source_lang`` / ``target_lang``; empty for any other problem."""
    if cause.language_setting is None:
        return ""
    setting = f"{location[0]}.{cause.language_setting}"
    code = json.dumps(cause.value, ensure_ascii=False) if isinstance(cause.value, str) else "…"
    return (
        f" (got {cause.value!r}); a multilingual model's languages are chosen by their codes "
        f"in the model's section: {setting} = {code} (`summarize models list` shows the "
        "codes in use)"
    )


def _unknown_key(key: str, allowed: list[str], section: str | None = None) -> str:
    """What to say of an unknown ``key``: the allowed keys, led by the one it is closest to, as
    for a generate() keyword (``treshold``: threshold; ``model_dir``: models_dir); else, for a
    key of the top-level ``section``, where a key of that name belongs."""
    close = difflib.get_close_matches(key, allowed, n=1)
    places = [] if close or section is None else _places_of(key, section)
    guess = f"did you mean {' or '.join(places or close)}? " if places or close else ""
    return f"unknown key ({guess}allowed here: {', '.join(allowed)})"


def _config_settings() -> set[str]:
    """The keys of the config's sections (``batch_size``, ``threads``), its tables aside."""
    return {
        key
        for field in Config.model_fields.values()
        if isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)
        for key in field.annotation.model_fields
    } - set(_GENERATION_TABLE_NAMES)


_GENERATION_TABLE_NAMES = ("generation", "chunk_generation")


def _setting_hint(cause: GenerationSettingError, location: tuple[Any, ...]) -> str:
    """Where the config setting given as ``cause``'s generate() setting belongs: the model
    section's own key (``translation.batch_size``) or another section's (``runtime.threads``);
    empty for any other problem."""
    if not cause.config_setting or cause.key is None:
        return ""
    section = str(location[0])
    field = Config.model_fields.get(section)
    own = field.annotation if field is not None else None
    if isinstance(own, type) and issubclass(own, BaseModel) and cause.key in own.model_fields:
        places = [f"{section}.{cause.key}"]
    else:
        places = _places_of(cause.key, section)
    return f"; did you mean {' or '.join(places)}?" if places else ""


def _places_of(key: str, section: str) -> list[str]:
    """Where ``key``, unknown in ``section``, belongs: another section's key of that name
    (``[runtime] batch_size``: translation.batch_size or summarization.batch_size), or a
    generate() keyword under the model's own table (``[summarization] max_length``: its
    generation table's), or under either model's from another section (``[runtime]
    num_beams``). The message listed the section's keys alone, none of them it."""
    places = [
        f"{name}.{key}"
        for name, field in Config.model_fields.items()
        if name != section
        and isinstance(field.annotation, type)
        and issubclass(field.annotation, BaseModel)
        and key in field.annotation.model_fields
    ]
    if not places and key in _generation_fields():
        models = [section] if section in _MODEL_SECTIONS else _MODEL_SECTIONS
        places = [f"{model}.generation.{key}" for model in models]
    return places


# The sections whose model takes generate() settings, in its [<section>.generation] table.
_MODEL_SECTIONS = ("translation", "summarization")


def _quote_hint(item: Mapping[str, Any], origin: str) -> str:
    """How to give text that TOML reads as something else: ``--set output.folder=2024-05-01``
    is a date and ``=2024`` a number, where the key wants a path or a string."""
    if origin.startswith("--set ") and item["type"] == "list_type":
        return _list_hint(item, origin)
    if not origin.startswith("--set ") or item["type"] not in ("path_type", "string_type"):
        return ""
    if isinstance(item.get("input"), dict):  # a key under one that takes a value: no quoting helps
        setting = ".".join(map(str, item["loc"]))
        return f"; {setting} takes a value, not keys under it: --set {setting}=VALUE"
    if isinstance(item.get("input"), str) or "=" not in origin:
        return ""
    key, _, value = origin.removeprefix("--set ").partition("=")
    quoted = value.strip().replace("\\", "\\\\").replace('"', '\\"')
    example = f"--set '{key.strip()}=\"{quoted}\"'"
    return f"; --set reads the value as TOML: quote it to give text ({example})"


def _list_hint(item: Mapping[str, Any], origin: str) -> str:
    """How to give a list of text: ``--set clean.disable=tail`` is text, and so is
    ``=[tail]`` (a bare word in brackets is no TOML), and the message said only "Input should
    be a valid list" of what the user had typed as one."""
    given = item.get("input")
    if not isinstance(given, str):
        return ""
    key = origin.removeprefix("--set ").partition("=")[0].strip()
    words = [word.strip("'\"") for word in re.split(r"[\s,]+", given.strip().strip("[]"))]
    listed = ", ".join(json.dumps(word, ensure_ascii=False) for word in words if word)
    return (
        "; --set reads the value as TOML, where a list is in brackets and each text in quotes "
        f"(--set '{key}=[{listed}]')"
    )


def _allowed_keys(location: tuple[Any, ...]) -> list[str]:
    model: type[BaseModel] = Config
    for part in location:
        field = model.model_fields.get(str(part))
        if field is None or not isinstance(field.annotation, type):
            break
        if not issubclass(field.annotation, BaseModel):
            break
        model = field.annotation
    return sorted(model.model_fields)


def load_config(
    *files: str | Path,
    overrides: Iterable[str] = (),
    project_file: str | Path | None = DEFAULT_CONFIG_FILENAME,
    library_checks: bool = True,
) -> Config:
    """Build the effective config: defaults < project file < ``files`` < ``overrides``.

    ``project_file`` (``./summarize.toml`` by default) is read only when it exists; pass ``None``
    to ignore it. ``overrides``: ``section.key=value`` assignments as ``--set`` takes them (a
    lone str is one). ``library_checks=False``: generation tables are checked without importing
    transformers (for commands that load no model). Raises :class:`ConfigError` naming the
    offending key.
    """
    context = {LIBRARY_CHECKS: library_checks}
    layers: list[tuple[str, Mapping[str, Any]]] = []
    paths = [_config_file_path(path) for path in files]
    if project_file is not None:
        project = _config_file_path(project_file)
        # A broken link or a folder where the project file goes: its settings were passed over
        # without a word, and the run went on with the defaults.
        if project.is_symlink() and not project.exists():
            raise ConfigError(
                f"{project}: a link to {os.readlink(project)}, which does not exist (the "
                "project's config file is read whenever it is there: mend the link, or remove it)"
            )
        if project.exists():
            # A named pipe or a device there: reading it waited for a writer, and the run hung
            # before a word (a --config file may be one: "--config <(…)" is the user's choice).
            if not project.is_file() and not project.is_dir():
                raise ConfigError(
                    f"{project}: not a regular file (the project's config file is read "
                    "whenever it is there: replace it with a file, or remove it)"
                )
            layers.append((str(project), read_toml(project)))
    layers.extend((str(path), read_toml(path)) for path in paths)
    # One str is one assignment, not an iterable of one-letter ones (a type checker passes it:
    # a str is an Iterable[str]): overrides="translation.batch_size=8" was refused as "--set 't'".
    if isinstance(overrides, str):
        overrides = (overrides,)
    elif not isinstance(overrides, Iterable):  # None: "'NoneType' object is not iterable"
        raise TypeError(_not_overrides(overrides))
    overrides = list(overrides)
    for text in overrides:  # 5: "'int' object has no attribute 'partition'"
        if not isinstance(text, str):
            raise TypeError(_not_overrides(text))
    layers.extend((f"--set {text}", parse_override(text, library_checks)) for text in overrides)

    merged: dict[str, Any] = {}
    for origin, layer in layers:
        merged = _deep_merge(merged, _replacing_lengths(layer))
        try:  # validate after each layer so the message names the layer that broke it
            Config.model_validate(merged, context={**context, ONE_LAYER: True})
        except ValidationError as error:
            raise ConfigError(_describe_validation_error(error, origin)) from None
    _check_length_pairs(merged, layers)  # before the merged validation: it names no layer
    try:
        config = Config.model_validate(merged, context=context)
    except ValidationError as error:  # what only the layers together hold: Ray's actor ranges
        origin = _actor_range_origin(layers, merged)
        raise ConfigError(_describe_validation_error(error, origin)) from None
    return config


def _config_file_path(path: object) -> Path:
    """A config file's path given to load_config: a str's leading ``~`` is the home folder, as
    on the command line and in ``Pipeline.run`` ("./~x" the file ~x here; a Path is taken as
    it is): load_config("~/my.toml") was "config file not found: ~/my.toml". Raises TypeError
    for what is no path: a list of files (load_config(["a.toml", "b.toml"])) or None was
    "expected str, bytes or os.PathLike object, not list"."""
    if not is_path(path):
        raise TypeError(
            "load_config takes each config file as an argument of its own "
            "(load_config('base.toml', 'more.toml')), a str or pathlib.Path, not "
            f"{type(path).__name__} ({path!r:.60})"
        )
    # As the command line refuses --config "": load_config("") read the folder ".", and said
    # ".: cannot read: Is a directory".
    if isinstance(path, str) and not path.strip():
        raise ConfigError(f"an empty path ({path!r}); give a TOML file's name")
    return path_in_code(path)  # type: ignore[arg-type]


def _not_overrides(given: object) -> str:
    return (
        "overrides are 'section.key=value' strings (one str, or an iterable of them), not "
        f"{type(given).__name__} ({given!r:.60})"
    )


def _actor_range_origin(
    layers: list[tuple[str, Mapping[str, Any]]], merged: Mapping[str, Any]
) -> str:
    """The last layer that set the minimum or maximum of a task whose [ray] actor range the
    layers together break (not one that set another task's: it was blamed for this one's)."""
    ray = RaySettings.model_validate(merged.get("ray", {}), context={ONE_LAYER: True})
    broken = {
        f"{task}_{end}_actors"
        for task in ("translation", "summarization")
        if getattr(ray, f"{task}_min_actors") > getattr(ray, f"{task}_max_actors")
        for end in ("min", "max")
    }
    setters = [
        origin
        for origin, layer in layers
        if isinstance(part := layer.get("ray"), Mapping) and broken & set(part)
    ]
    return setters[-1] if setters else "the layers together"
