"""Finding, loading and configuring the seq2seq models (one load per run).

A model setting is a hub id or a local folder. Local folders win: an absolute path, a path relative
to the models folder (``models/``), or a path relative to the working directory. Anything else is
treated as a hub id and goes to ``from_pretrained``, which uses the Hugging Face cache and, when
online, the hub. Remote code is never run and weights load from safetensors unless a model section
says ``allow_pickle = true``. The generation settings a spec holds are
:mod:`summarize.generation`'s.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import functools
import hashlib
import json
import logging
import os
import pickle
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from summarize.backends import (
    FIT_REPORT,
    NO_HUB_KERNELS,
    TORCH_MODEL_READ,
    Backend,
    CTranslate2Backend,
    Generated,
    TorchBackend,
    attention_override,
    conversion_recipe,
    converted_model_dir,
    ct2_beam_renormalization_note,
    ct2_options,
    ensure_converted,
    pickle_problem,
    raised_reading_pickle,
    requested_attention,
    require_ctranslate2,
    unconvertible_config,
    unfit_weights,
    unusable_attention_reason,
    unused_weights,
    unwritable_conversion,
)
from summarize.config import (
    ModelSettings,
    SummarizationSettings,
    default_revision_unset,
    import_transformers,
)
from summarize.digests import folder_digest, hub_snapshot, model_files
from summarize.errors import ConfigError, ModelLoadError, ModelNotFoundError, shown
from summarize.families import (
    Family,
    Languages,
    Task,
    detect_family,
    direction_mismatch,
    families_for,
    resolve_languages,
    task_mismatch,
)
from summarize.fileio import expand_home
from summarize.generation import (
    ModelGeneration,
    check_beam_memory,
    load_generation_config,
    merged_generation,
    own_generation_keys,
    refuse_hub_code_mode,
    refuse_idle_assistant_settings,
    refuse_ignored_assistance,
    refuse_unsafe_stops,
    resolve_generation,
    takes_one_input_per_call,
)
from summarize.process import default_threads
from summarize.tokens import TextEncoder

if TYPE_CHECKING:
    import torch
    from transformers import GenerationConfig, PreTrainedTokenizerBase

logger = logging.getLogger("summarize")


# Above this a tokenizer's model_max_length is transformers' "no limit" sentinel, not a window.
_NO_LIMIT = 1_000_000
_FALLBACK_WINDOW = 512


@dataclass(frozen=True)
class ModelSource:
    """Where a model setting points: a local folder or a hub id."""

    requested: str
    location: str
    is_local: bool
    searched: tuple[str, ...]


@dataclass(frozen=True)
class ModelSpec:
    """Everything about a model that shapes its output, known before its weights are loaded.

    Cheap to build (tokenizer and configs only), so a run can compute its fingerprint, or a
    driver plan work for other machines, without holding the weights."""

    task: Task
    settings: ModelSettings
    source: ModelSource
    revision: str | None
    tokenizer: PreTrainedTokenizerBase
    config: Any
    window: int
    prefix: str
    generation_config: GenerationConfig
    generation_settings: dict[str, Any] = field(default_factory=dict)
    device: str = "cpu"  # resolved: never "auto"
    weights: str | None = None  # content digest of a local folder, or the hub snapshot commit
    family: str = "unknown"
    languages: Languages | None = None  # source/target codes of a multilingual model
    # Set when the model's family is made for the other task; the engine logs it once a run.
    task_warning: str | None = None

    def weights_identity(self) -> dict[str, Any]:
        """What the weights are and how they are stored: keys the CTranslate2 conversion. Not
        the setting as typed: a relative and an absolute spelling of one folder each got a
        conversion, a full copy of the weights. A local folder is named by its content alone
        (its conversion lies beside it): one moved with its conversion converted again."""
        identity = {
            "location": self.source.location,
            # Where the weights are named (a hub snapshot's commit, a folder's content), not
            # the revision that found them: revision = its commit, or a tag on main's, is the
            # same snapshot, yet it redid every brief, cached translation and conversion.
            "revision": None if self.weights else self.revision,
            "weights": self.weights,
            "backend": self.settings.backend,
            "backend_version": _backend_version(self.settings.backend),
            "quantization": self.settings.quantization,
            **self._conversion(),
        }
        if self.source.is_local and self.weights:
            del identity["location"]
        return identity

    def _conversion(self) -> dict[str, Any]:
        if self.settings.backend != "ctranslate2":
            return {}
        conversion: dict[str, Any] = {}
        if (recipe := conversion_recipe(self.config)) is not None:
            conversion["conversion"] = recipe
        # The conversion starts the decoder with generation_config.json's start token, a file
        # left out of the weights' digest: where it differs from config.json's, it keys the
        # conversion (a BART whose generation_config.json was edited from 2 to 0 kept the
        # conversion that starts with 2, and wrote other summaries than torch, unsaid). Other
        # models keep their key. MarianMT's conversion starts from its own zero embedding.
        start = self.generation_config.decoder_start_token_id
        if (
            getattr(self.config, "model_type", None) != "marian"
            and start is not None
            and start != getattr(self.config, "decoder_start_token_id", None)
        ):
            conversion["decoder_start_token_id"] = start
        return conversion

    def identity(self) -> dict[str, Any]:
        """What changes this model's output for a given input: the one definition used by the
        translation cache key, the run fingerprint and (its weights part) the conversion.

        A local folder is named by its content alone: the same files copied or moved to
        another folder (another disk, another project's models folder) redid
        every brief and cached translation. A hub model by its id and snapshot."""
        weights = self.weights_identity()
        if self.source.is_local and self.weights:
            return {**weights, **self._output_settings()}
        return {
            # As typed, but for how the path is spelt: the same folder with a trailing "/" (a
            # shell's completion) or "./" redid every brief and translation.
            "model": posixpath.normpath(self.source.requested),
            **weights,
            **self._output_settings(),
        }

    def _output_settings(self) -> dict[str, Any]:
        return {
            "decoding": DECODING_REVISION,
            "device": self.device,
            "prefix": self.prefix,
            "generation": self.generation_settings,
            "window": self.window,
            # The source language token is part of every input (the target is in generation).
            "source_lang": self.languages.source if self.languages else None,
            "tokenizer_libraries": _tokenizer_libraries(self.tokenizer),
        }


# Our own part of how a model's output comes about for the same settings (the lengths mapped
# onto CTranslate2, the input's prefix and splitting): bumped by a change of ours that alters
# that output. The translation cache is kept across releases (a release redoes the briefs, not
# every translation), so a fix there would otherwise leave the old outputs in use.
# 2: special tokens' strings in the text are text on every backend and family ("</s>" ended a
# CTranslate2 or T5 input midway), inputs are padded on the right whatever the tokenizer says,
# and mBART-cc25 on CTranslate2 keeps its first word: each changed outputs for the same input.
# 3: a text starting with ">>" and holding "<<" is read as text by opus-mt (">> Mehr lesen: … <<"
# was one unknown token): its cached English was made from nothing of it.
DECODING_REVISION = 3


def _backend_version(backend: str) -> str:
    """The libraries that compute the output: a new release may decode differently."""
    packages = ("transformers", "torch") if backend == "torch" else ("transformers", backend)
    return package_versions(packages)


def _tokenizer_libraries(tokenizer: PreTrainedTokenizerBase) -> str:
    """The library that splits the text into the model's ids, besides transformers (named by
    the backend's versions): a new release may split otherwise, and the translations cached
    with the old ids were kept. A fast tokenizer is ``tokenizers``'; a slow one reads a
    sentencepiece model (opus-mt's MarianTokenizer) or is transformers' own Python. Not part
    of the weights' identity: a tokenizer's release is no reason to convert the weights again."""
    if tokenizer.is_fast:
        return package_versions(("tokenizers",))
    sentencepiece = any(
        type(value).__module__.partition(".")[0] == "sentencepiece"
        for value in vars(tokenizer).values()
    )
    return package_versions(("sentencepiece",)) if sentencepiece else ""


def package_versions(packages: Sequence[str]) -> str:
    """ "name version" of each installed distribution, "name ?" where it is not installed."""
    found = ((package, installed_version(package)) for package in packages)
    return ", ".join(f"{package} {'?' if number is None else number}" for package, number in found)


@functools.cache
def installed_version(package: str) -> str | None:
    """The installed distribution's version, None where it is not installed.

    Looked up once per process: each lookup searches every folder of ``sys.path`` for the
    distribution's metadata, and a one-article run asked 139 times for 22 packages (the run's
    fingerprint, each model's identity and its key, each record), 60-70 ms of CPU. An install
    while the process runs changes none of the modules it imported either."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return None


def identity_digest(identity: dict[str, Any]) -> str:
    """A stable hash of an identity (sorted JSON)."""
    encoded = json.dumps(identity, sort_keys=True, default=str).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


@dataclass(frozen=True)
class LoadedModel:
    """A model ready for generate(): tokenizer, weights and the settings that shape its output."""

    task: Task
    source: ModelSource
    revision: str | None
    tokenizer: PreTrainedTokenizerBase
    backend: Backend
    device: torch.device | CTranslate2Device
    window: int
    prefix: str
    generation_config: GenerationConfig
    generation_settings: dict[str, Any] = field(default_factory=dict)
    identity: dict[str, Any] = field(default_factory=dict)
    family: str = "unknown"
    languages: Languages | None = None  # source/target codes of a multilingual model

    @functools.cached_property
    def text_ids(self) -> TextEncoder:
        """Input ids for texts, as the backend makes them (special tokens' strings as text)."""
        return TextEncoder.of(self.tokenizer)

    @functools.cached_property
    def one_input_per_call(self) -> bool:
        """Whether generate() takes one input at a time with these settings (torch's assisted
        generation; see :func:`takes_one_input_per_call`)."""
        return self.backend.name == "torch" and takes_one_input_per_call(self.generation_config)

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for ``text`` (prefix and special tokens included)."""
        return len(self.text_ids([self.prefix + text])[0])

    @functools.cached_property
    def fixed_tokens(self) -> int:
        """Tokens the model reads around every text: the prefix and the special tokens (T5's
        "summarize: " and its end token are three, BART's start and end tokens two); what
        :meth:`count_tokens` gives less this is the text's own."""
        return self.count_tokens("")

    def fits(self, text: str) -> bool:
        """True when ``text`` (with the prefix) fits the model's input window."""
        return self.count_tokens(text) <= self.window

    def output_limit(self) -> int | None:
        """The most tokens the model writes for one input (``max_new_tokens``, else
        ``max_length`` less the decoder's start token), end token included; None if unset."""
        generation = self.generation_config
        if generation.max_new_tokens:
            return int(generation.max_new_tokens)
        return int(generation.max_length) - 1 if generation.max_length else None

    def output_minimum(self) -> int:
        """The fewest tokens the model must write for one input (``min_new_tokens``, else
        ``min_length`` less the decoder's start token); 0 if unset."""
        generation = self.generation_config
        if generation.min_new_tokens is not None:
            return int(generation.min_new_tokens)
        return max(0, int(generation.min_length or 0) - 1)

    def reached_output_limit(
        self, output: str, limit: int | None = None, tokens: int | None = None
    ) -> bool:
        """Whether ``output`` is as long as ``limit`` (default: :meth:`output_limit`) allows:
        generation may have stopped there rather than at the end of the text. Counted by
        ``tokens``, the tokens the backend wrote, where it says (:class:`Generated`), else by
        the model's own target tokenizer (the same pieces as generated, give or take one)."""
        limit = self.output_limit() if limit is None else limit
        if not limit or not output:
            return False
        if tokens is not None:
            return tokens >= limit
        # verbose=False: an output longer than the window is no error here (see tokens.py).
        return len(self.tokenizer(text_target=output, verbose=False)["input_ids"]) >= limit

    def describe(self) -> dict[str, Any]:
        return {
            "model": self.source.requested,
            "location": self.source.location,
            "revision": self.revision,
            # Which weights and which libraries made the brief: "revision" is unset for most
            # models (a local folder, the hub cache's main), and the fingerprint only hashes them.
            "weights": self.identity.get("weights"),
            "libraries": self.identity.get("backend_version"),
            "device": str(self.device),
            "backend": self.backend.name,
            "quantization": self.backend.quantization,
            "window_tokens": self.window,
            "prefix": self.prefix,
            "family": self.family,
            "source_lang": self.languages.source if self.languages else None,
            "target_lang": self.languages.target if self.languages else None,
        }


# Names the files of sharded safetensors weights.
SAFETENSORS_INDEX = "model.safetensors.index.json"


# Written by `summarize models pull` into each copy it makes: which hub model, at which revision.
PULLED_FILE = ".summarize-pulled.json"


class PulledCopy(NamedTuple):
    """A model folder `models pull` made, and the revision it fetched (None: the default)."""

    revision: str | None


def pulled_copy(folder: Path) -> PulledCopy | None:
    """What `models pull` recorded in ``folder``; None for a folder it did not make (copied by
    hand, or pulled before it kept this record)."""
    return read_pull_record(folder / PULLED_FILE)


def read_pull_record(record: Path) -> PulledCopy | None:
    """The revision a pull's ``record`` names; None where there is none to be read."""
    try:
        recorded = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    revision = recorded.get("revision") if isinstance(recorded, dict) else 0
    if revision is None or isinstance(revision, str):  # "main", as a pull before wrote it: unset
        return PulledCopy(default_revision_unset(revision))
    return None


def is_store_entry(requested: str, models_dir: Path, source: ModelSource) -> bool:
    """Whether ``source`` is the model store's folder for the model setting ``requested`` (a
    hub id found there), not a folder given by path, which holds one version, its own."""
    return (
        source.is_local
        and not _expanded(requested).is_absolute()
        and source.searched[0] == str(models_dir / requested)
    )


def _expanded(requested: str) -> Path:
    """The model setting's path, a leading ``~`` the home folder as the config's other paths
    read it (``./~x`` the folder ~x here: Path("./~x").expanduser() read the home of user 'x');
    "~nobody/model", of no user, as written (looked for, and not found)."""
    try:
        return expand_home(requested)
    except ValueError:
        return Path(requested)


def resolve_model(requested: str, models_dir: Path, task: Task) -> ModelSource:
    """Map the ``task`` model setting to a local folder when one exists, else to a hub id."""
    expanded = _expanded(requested)
    # A path spelt from here ("./mt", "../models/mt", "~/mt") is that folder only: "./mt" found
    # the store's models/mt first, and the brief named a folder it was not made with.
    from_here = requested in (".", "..") or requested.startswith(
        ("./", "../", "~", *((".\\", "..\\") if os.sep != "/" else ()))
    )
    candidates = (
        [expanded] if expanded.is_absolute() or from_here else [models_dir / requested, expanded]
    )
    for candidate in candidates:
        if candidate.is_dir():
            return ModelSource(requested, str(candidate.resolve()), True, (str(candidate),))
    searched = tuple(str(candidate) for candidate in candidates)
    example = f"--set {task}.model=/path/to/model"
    # A file (a config or weights file given for its folder) was said not to exist, or, as a
    # bare name, read by transformers as a config.json and called "no such folder".
    if files := [candidate for candidate in candidates if candidate.is_file()]:
        if len(candidates) > 1 and files[0] == candidates[0]:
            # A file in the store where a hub id's folder goes: the advice to set the model to a
            # folder (and `models pull`'s, to set it to a hub id) missed the file in the way.
            raise ModelNotFoundError(
                f"The {task} model {requested!r} is a file in the model store "
                f"({shown(files[0])}), where its folder goes. Move the file away: a hub id is "
                "then fetched by `summarize models pull`; or point the model setting at a "
                f"model folder, e.g. {example}."
            )
        where = f" ({shown(files[0])})" if str(files[0]) != requested else ""
        raise ModelNotFoundError(
            f"The {task} model {requested!r} is a file{where}, not a model folder. "
            "Point the model setting at the folder holding config.json, the tokenizer files "
            f"and the weights, e.g. {example}."
        )
    looks_like_path = (
        expanded.is_absolute()
        or requested.startswith((".", "~"))
        or requested.count("/") > 1
        or (os.sep != "/" and os.sep in requested)
    )
    if looks_like_path:
        raise ModelNotFoundError(
            f"The {task} model folder {requested!r} does not exist (looked in: "
            f"{_looked_in(searched)}). Point the model setting at a folder holding config.json, "
            f"the tokenizer files and the weights, e.g. {example}."
        )
    return ModelSource(requested, requested, False, searched)


def _looked_in(searched: Sequence[str]) -> str:
    """The places a model was looked for, for a message; a link there to a folder that is not
    (a disk not mounted, a folder moved) is said to be one: "looked in: models/org/mt (no such
    folder)" named what the user saw in the store."""
    said = []
    for place in searched:
        try:
            target = os.readlink(place) if not os.path.exists(place) else None
        except OSError:  # no link
            target = None
        said.append(
            place
            if target is None
            else f"{place} (a link to {shown(target)}, which does not exist)"
        )
    return ", ".join(said)


class CTranslate2Device(NamedTuple):
    """Where a CTranslate2 model runs ("cpu" or "cuda"): read like a ``torch.device``, without
    importing torch."""

    type: str

    def __str__(self) -> str:
        return self.type


def pick_device(requested: str, backend: str = "torch") -> torch.device | CTranslate2Device:
    """The device a model runs on; "auto" picks what the backend can use."""
    if backend == "ctranslate2":
        return _ctranslate2_device(requested)
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if torch.backends.mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if requested == "cuda" and not torch.cuda.is_available():
        raise ConfigError("device = 'cuda' but torch sees no CUDA device; use 'auto' or 'cpu'.")
    if requested == "mps" and not torch.backends.mps.is_available():
        raise ConfigError("device = 'mps' but torch sees no MPS device; use 'auto' or 'cpu'.")
    return torch.device(requested)


def _ctranslate2_device(requested: str) -> CTranslate2Device:
    import ctranslate2

    if requested == "mps":
        raise ConfigError("backend = 'ctranslate2' cannot run on 'mps'; use 'cpu' or 'auto'.")
    if requested in ("auto", "cuda"):
        if ctranslate2.get_cuda_device_count() > 0:
            return CTranslate2Device("cuda")
        if requested == "cuda":
            raise ConfigError(
                "device = 'cuda' but CTranslate2 sees no CUDA device; use 'auto' or 'cpu'."
            )
    return CTranslate2Device("cpu")


# What transformers and huggingface_hub say when the hub was not reached (offline or no network).
_HUB_UNREACHED = ("couldn't connect", "outgoing traffic has been disabled")


def _not_found(task: Task, source: ModelSource, settings: ModelSettings, reason: str) -> str:
    revision = f" at revision {settings.revision!r}" if settings.revision else ""
    offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}
    detail = next((line.strip() for line in reason.splitlines() if line.strip()), "")
    unreached = any(phrase in detail.lower() for phrase in _HUB_UNREACHED)
    if offline:
        # transformers' own reason then says it "couldn't connect", which read as if the hub
        # had been asked after all.
        hub_note = "the hub was not asked (HF_HUB_OFFLINE is set)"
        if detail and not unreached:
            hub_note += f" ({detail})"
    else:
        hub_note = f"the hub ({detail})" if detail else "the hub"
    # Without a network the hub's client retries for a minute or more before this message.
    offline_hint = (
        "; without a network, set HF_HUB_OFFLINE=1 so that the hub is not asked"
        if unreached and not offline
        else ""
    )
    store_file = _file_in_the_way(source)
    if store_file is not None:
        # The store (runtime.models_dir) is a file: the advice to copy the model folder under
        # it, or to pull into it, could not be followed, and nothing said why.
        return (
            f"The {task} model {source.requested!r}{revision} could not be found. "
            f"Looked in: {_looked_in(source.searched)}, the Hugging Face cache, and {hub_note}; "
            f"the model store's path runs through {shown(store_file)}, which is a file, not a "
            "folder. To fix: set runtime.models_dir to a folder (the default is models), then "
            f"run `summarize models pull` on a machine with internet access or copy the model "
            f"folder there; or set [{task}] model to a local folder holding config.json, the "
            f"tokenizer files and the weights (e.g. --set {task}.model=/path/to/model)"
            f"{offline_hint}."
        )
    return (
        f"The {task} model {source.requested!r}{revision} could not be found. "
        f"Looked in: {_looked_in(source.searched)} (no such folder), the Hugging Face cache, "
        f"and {hub_note}. "
        f"To fix: on a machine with internet access run `summarize models pull`, or copy the "
        f"model folder to {source.searched[0]}, or set [{task}] model to a local folder "
        f"holding config.json, the tokenizer files and the weights "
        f"(e.g. --set {task}.model=/path/to/model){offline_hint}."
    )


def _file_in_the_way(source: ModelSource) -> Path | None:
    """The file where the model store (runtime.models_dir), or a folder above it, should be
    a folder, when the store was searched for ``source`` (a hub id); else None."""
    if source.is_local or len(source.searched) < 2:  # a path of its own: no store searched
        return None
    store = Path(source.searched[0])
    for _ in Path(source.requested).parts:  # the store's own path, without the model's
        store = store.parent
    for folder in (store, *store.parents):
        with contextlib.suppress(OSError):
            if folder.is_file():
                return folder
    return None


def _window(
    tokenizer: PreTrainedTokenizerBase,
    config: Any,
    override: int | None,
    fallback: int = _FALLBACK_WINDOW,
    task: str = "model",
) -> int:
    """min(tokenizer limit, position table); ``fallback`` when neither says (relative
    positions and a tokenizer without a limit)."""
    limits = []
    if 0 < (tokenizer.model_max_length or 0) < _NO_LIMIT:
        limits.append(int(tokenizer.model_max_length))
    positions = _encoder_positions(config)
    if positions:
        limits.append(int(positions))
    window = min(limits) if limits else fallback
    if override is not None:
        # Learned position tables cannot be read past their end; relative ones (T5) can.
        window = min(override, int(positions)) if positions else override
        if window < override:
            logger.warning(
                "%s.max_input_tokens = %d is more than the model's position table holds: "
                "%d tokens are used",
                task,
                override,
                window,
            )
    return window


def _encoder_positions(config: Any) -> int | None:
    """The size of the encoder's position table, where the config names one."""
    # LED names its encoder's table apart from the decoder's. An EncoderDecoderModel
    # (bert2bert) keeps it in its encoder's config alone: the window was the tokenizer's
    # (1,024), and every text past the encoder's 512 positions failed inside generate().
    for holder in (config, getattr(config, "encoder", None)):
        positions = getattr(holder, "max_position_embeddings", None) or getattr(
            holder, "max_encoder_position_embeddings", None
        )
        if positions:
            return int(positions)
    return None


def _warn_of_a_short_output_limit(
    task: Task, window: int, generation_config: GenerationConfig, chosen: bool = False
) -> None:
    """Say so when a translator may write fewer tokens than it reads: a sentence that fits its
    window but needs more English than ``max_new_tokens`` (else ``max_length``) allows is cut
    at that limit (NLLB-200 and M2M100 read 1,024 tokens and write 200 by their own settings).
    ``max_input_tokens`` at the limit splits such sentences instead. A warning when the limit is
    the model's own; in the debug log when the user's table set it (``chosen``: a short limit
    for speed, as the tests set)."""
    limit = generation_config.max_new_tokens or generation_config.max_length
    if task == "translation" and limit and int(limit) < window:
        logger.log(
            logging.DEBUG if chosen else logging.WARNING,
            "the translator writes at most %d tokens but reads sentences of up to %d: the "
            "English of a longer sentence may be cut at %d tokens; set "
            "translation.max_input_tokens = %d to split such sentences instead",
            limit,
            window,
            limit,
            limit,
        )


# Model types whose tokenizer and config a CTranslate2 run reads without transformers' Auto
# classes (whose modules import torch, a second of start-up), with the config.json keys that must
# be present: a missing one would take its config class's default. For these types and tokenizer
# classes AutoTokenizer builds the class tokenizer_config.json names (tests/test_families.py
# compares the two readings for every family).
_PLAIN_CONFIG_KEYS: dict[str, tuple[str, ...]] = {
    "marian": ("max_position_embeddings",),
    "bart": ("max_position_embeddings",),
    "mbart": ("max_position_embeddings",),
    "pegasus": ("max_position_embeddings",),
    "m2m_100": ("max_position_embeddings",),
    "led": ("max_encoder_position_embeddings",),
    "t5": (),  # relative positions: no table
    "longt5": (),
}
_PLAIN_TOKENIZERS = frozenset(
    name + fast
    for name in (
        "MarianTokenizer", "BartTokenizer", "MBartTokenizer", "MBart50Tokenizer",
        "PegasusTokenizer", "M2M100Tokenizer", "NllbTokenizer", "LEDTokenizer", "T5Tokenizer",
    )
    for fast in ("", "Fast")
)  # fmt: skip


class PlainConfig:
    """A model's config.json as plain values, read by attribute like a transformers config:
    what a spec reads of it (model_type, the position table, task_specific_params, prefix)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def __getattr__(self, name: str) -> Any:
        values = self.__dict__.get("values", {})  # pickle asks before __init__ ran
        if name in values:
            return values[name]
        raise AttributeError(name)


def _read_without_torch(
    location: str, revision: str | None
) -> tuple[PreTrainedTokenizerBase, PlainConfig] | None:
    """The tokenizer and config of a model of a known seq2seq type, read without importing
    torch; None for any other model (then AutoTokenizer and AutoConfig read it)."""
    import transformers
    from transformers.utils import cached_file

    def locate(name: str) -> str | None:
        return cached_file(
            location, name, revision=revision, _raise_exceptions_for_missing_entries=False
        )

    def read_json(name: str) -> dict[str, Any] | None:
        path = locate(name)
        loaded = json.loads(Path(path).read_text(encoding="utf-8")) if path else None
        # not an object ("[1, 2]"): the full path reads it, and says what is wrong
        return loaded if isinstance(loaded, dict) else None

    config = read_json("config.json")
    tokenizer_config = read_json("tokenizer_config.json")
    if not config or not tokenizer_config or "auto_map" in config or "auto_map" in tokenizer_config:
        return None
    keys = _PLAIN_CONFIG_KEYS.get(str(config.get("model_type")))
    class_name = tokenizer_config.get("tokenizer_class")
    if keys is None or class_name not in _PLAIN_TOKENIZERS or any(k not in config for k in keys):
        return None
    if locate("generation_config.json") is None:
        return None  # transformers derives one from the config class: take the full path
    tokenizer_class = getattr(transformers, class_name, None)
    if tokenizer_class is None:
        return None
    tokenizer = tokenizer_class.from_pretrained(location, revision=revision)
    return tokenizer, PlainConfig(config)


def quiet_libraries() -> None:
    """Progress bars and retry chatter from the libraries would bury our own messages."""
    import_transformers()
    import transformers
    from huggingface_hub.utils import logging as hub_logging

    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    hub_logging.set_verbosity_error()


def each_found(resolvers: Sequence[Callable[[], ModelSpec]]) -> list[ModelSpec]:
    """Each model's spec, in order; the models that cannot be found are said together, one
    paragraph each: with both missing, a newcomer fixed the translation model only to be told
    of the summarization model on the next run."""
    specs: list[ModelSpec] = []
    missing: list[ModelNotFoundError] = []
    for resolve in resolvers:
        try:
            specs.append(resolve())
        except ModelNotFoundError as error:
            missing.append(error)
    if len(missing) == 1:
        raise missing[0]
    if missing:
        raise ModelNotFoundError("\n\n".join(str(error) for error in missing))
    return specs


def resolve_spec(
    task: Task,
    settings: ModelSettings,
    models_dir: Path,
    digests_file: Path | None = None,
    *,
    runs_here: bool = True,
) -> ModelSpec:
    """Find the model and read its tokenizer and configs (no weights): what shapes its output.

    ``digests_file`` remembers the local weights' content digests between runs
    (see :mod:`summarize.digests`); without it they are hashed every time. ``runs_here=False``
    (a Ray driver, whose nodes run the model): ``device = "cuda"`` is taken as asked, not
    checked against this machine, which may have no GPU where the nodes do."""
    import_transformers()  # two pipelines' first specs, read side by side in threads
    # Each step may refuse the model or warn: their order is the order a user hears of its
    # problems (a model not found before a setting it cannot take).
    source = _resolve_source(task, settings, models_dir)
    revision = None if source.is_local else settings.revision  # what from_pretrained reads
    named_revision = _named_revision(task, settings, models_dir, source)
    if source.is_local:
        _check_readable(task, Path(source.location))
    tokenizer, config = _read_tokenizer_and_config(task, settings, source, revision)
    if source.is_local:
        _check_tokenizer_files(task, Path(source.location), tokenizer)
    _check_seq2seq(task, source, config)
    _check_tokenizer_fits(task, source, tokenizer, config)
    _check_attention(task, source, config)
    family = detect_family(config, tokenizer)
    languages = resolve_languages(
        task, settings.model, family, tokenizer, settings.source_lang, settings.target_lang
    )
    common = _pretrained_options(revision)
    own = load_generation_config(source.location, config, common)
    own_keys = own_generation_keys(source.location, common)
    generation = resolve_generation(task, settings, own, config, family, languages, own_keys)
    device = _checked_device(task, settings, config, generation, tokenizer, runs_here)
    window = _model_window(task, settings, tokenizer, config, family, generation)
    return ModelSpec(
        task=task,
        settings=settings,
        source=source,
        revision=named_revision,  # a folder's weights are its content, named by their digest
        tokenizer=tokenizer,
        config=config,
        window=window,
        prefix=generation.prefix,
        generation_config=generation.config,
        generation_settings=generation.effective,
        device=device,
        weights=_weights_digest(source, revision, digests_file),
        family=family.name,
        languages=languages,
        task_warning=task_mismatch(task, settings.model, family)
        or direction_mismatch(task, settings.model, family, tokenizer, languages),
    )


def _resolve_source(task: Task, settings: ModelSettings, models_dir: Path) -> ModelSource:
    """Where the model is, and (CTranslate2) that the backend is installed: both before any
    file of the model is read."""
    source = resolve_model(settings.model, models_dir, task)
    if settings.backend == "ctranslate2":
        require_ctranslate2(f"{task}.backend")
    return source


def _named_revision(
    task: Task, settings: ModelSettings, models_dir: Path, source: ModelSource
) -> str | None:
    """The revision that names the model's weights in its identity (None for a folder given by
    path), with a warning where the configured revision is not the one used."""
    # A hub id found in the model store is the copy `models pull` made at the configured
    # revision: that revision names it. A folder given by path holds one version, its own.
    in_store = is_store_entry(settings.model, models_dir, source)
    named_revision = settings.revision if in_store or not source.is_local else None
    if settings.revision and named_revision is None:
        logger.warning(
            "%s.revision = %r is ignored: the %s model is the folder %s",
            task, settings.revision, task, source.location,
        )  # fmt: skip
    pulled = pulled_copy(Path(source.location)) if in_store else None
    if in_store and pulled is None and settings.revision:
        # Copied into the store by hand (or by a pull before copies recorded their revision):
        # what it holds is unknown, and the brief stamped with the configured revision claimed
        # weights that were never fetched at it (`models list` said none).
        logger.warning(
            "%s.revision = %r is ignored: the store folder %s was not made by `summarize "
            "models pull`, so which revision it holds is unknown; to use %r, remove the folder "
            "and run `summarize models pull`",
            task, settings.revision, source.location, settings.revision,
        )  # fmt: skip
        return None
    if pulled is not None and pulled.revision != settings.revision:
        # The copy is what it was pulled as; the brief says so, and the user how to change it.
        logger.warning(
            "%s.revision = %r, but the store copy %s was pulled at %r and is used as it is; "
            "run `summarize models pull` to fetch the configured revision",
            task, settings.revision, source.location, pulled.revision,
        )  # fmt: skip
        named_revision = pulled.revision
    return named_revision


def _pretrained_options(revision: str | None) -> dict[str, Any]:
    """The keywords of every from_pretrained here: remote code never runs."""
    return {"revision": revision, "trust_remote_code": False}


def defer_marian_normalizer() -> None:
    """Make a MarianTokenizer set up its punctuation normaliser (sacremoses') when it is first
    used, not when the tokenizer is made. Importing sacremoses compiles its own tokenizer's
    large regular expressions: 0.3-0.4 s of CPU on the critical path of every run with opus-mt
    (a rerun whose briefs are all current too), for a normaliser that encoding never calls
    (only ``MarianTokenizer.normalize`` does, which gives the same as before). Idempotent."""
    from transformers.models.marian import tokenization_marian

    marian = tokenization_marian.MarianTokenizer
    setup = marian.__dict__.get("_setup_normalizer")
    if setup is None or getattr(setup, "deferred", False):
        return

    def deferred(tokenizer: Any) -> None:
        def first_use(text: str) -> str:
            setup(tokenizer)  # sets tokenizer.punc_normalizer to the normaliser itself
            return tokenizer.punc_normalizer(text)

        tokenizer.punc_normalizer = first_use

    deferred.deferred = True  # type: ignore[attr-defined]
    marian._setup_normalizer = deferred


def _read_tokenizer_and_config(
    task: Task, settings: ModelSettings, source: ModelSource, revision: str | None
) -> tuple[PreTrainedTokenizerBase, Any]:
    """The model's tokenizer and config (a :class:`PlainConfig` where read without torch), or
    a :class:`ModelLoadError` saying what is wrong with a local folder, or a
    :class:`ModelNotFoundError` for a hub id."""
    import transformers
    from huggingface_hub.errors import StrictDataclassError

    defer_marian_normalizer()
    common = _pretrained_options(revision)
    try:
        read = (
            _read_without_torch(source.location, revision) if settings.backend != "torch" else None
        )
        if read is None:
            tokenizer = transformers.AutoTokenizer.from_pretrained(source.location, **common)
            config = transformers.AutoConfig.from_pretrained(source.location, **common)
        else:
            tokenizer, config = read
    except (OSError, ValueError, TypeError, AssertionError) as error:
        # TypeError / AssertionError: a tokenizer class whose files are missing (MarianTokenizer
        # asserts on its .spm files and fails on None before that) -- an incomplete copy.
        if source.is_local:
            raise ModelLoadError(_unusable_folder(task, Path(source.location), error)) from None
        raise ModelNotFoundError(_not_found(task, source, settings, str(error))) from None
    except StrictDataclassError as error:
        # transformers' typed configs refuse a value of the wrong type (a config.json edited by
        # hand, "d_model": "512") with an error none of the above: it ended in a traceback.
        raise ModelLoadError(
            f"The {task} model at {source.location} has no usable config: its config.json holds "
            f"a value of the wrong type ({' '.join(str(error).split())}); correct it, or copy "
            "or pull the model again"
        ) from None
    except RuntimeError:
        # sentencepiece's "could not parse ModelProto" for a file cut inside a piece: a traceback
        folder = Path(source.location)
        if source.is_local and (
            cut := _sentencepiece_cut_short(folder, _named_tokenizer_class(folder))
        ):
            raise ModelLoadError(_sentencepiece_cut_message(task, folder, cut)) from None
        raise
    except Exception as error:
        # The tokenizers library raises a bare Exception for a vocabulary it cannot parse (a
        # vocab.json or merges.txt cut short by a copy stopped part-way): it was a traceback.
        if type(error) is not Exception or not source.is_local:
            raise
        raise ModelLoadError(_unusable_folder(task, Path(source.location), error)) from None
    return tokenizer, config


def _check_readable(task: Task, folder: Path) -> None:
    """Refuse a local model folder with a file this user may not read: the weights' digest
    and the tokenizers library (a bare Exception for vocab.json) ended the run with a
    traceback."""
    try:
        for path in model_files(folder):
            with path.open("rb"):
                pass
    except OSError as error:
        what = shown(error.filename or folder)
        hint = "; give this user read access to it" if isinstance(error, PermissionError) else ""
        raise ModelLoadError(
            f"The {task} model folder {shown(folder)} cannot be used: {what} cannot be read "
            f"({error.strerror or error}){hint}"
        ) from None


def _check_tokenizer_files(task: Task, folder: Path, tokenizer: PreTrainedTokenizerBase) -> None:
    """Refuse a local folder whose tokenizer loaded without its vocabulary files: transformers 5
    builds a tokenizer of the special tokens alone when vocab.json and merges.txt (or
    spiece.model, and tokenizer.json) are all missing, and every text became unknown tokens
    while the run went on without a word (exit 0). The class is the loaded one's, as the folder
    need not name it (no tokenizer_config.json: the model type's)."""
    if missing := _missing_tokenizer_files(folder, type(tokenizer)):
        raise ModelLoadError(
            f"The {task} model folder {folder} has no usable tokenizer or config: "
            f"{_lacks_tokenizer_files(missing)}"
        )
    if cut := _sentencepiece_cut_short(folder, type(tokenizer)):
        raise ModelLoadError(_sentencepiece_cut_message(task, folder, cut))


def _sentencepiece_cut_message(task: Task, folder: Path, name: str) -> str:
    return (
        f"The {task} model folder {folder} has no usable tokenizer or config: its {name} is "
        "cut short (a copy stopped part-way?); copy or pull the model again"
    )


def _sentencepiece_cut_short(folder: Path, tokenizer_class: Any) -> str | None:
    """The sentencepiece file the tokenizer reads (Marian's source.spm, T5's spiece.model
    without a tokenizer.json) that is cut short: sentencepiece read such a file as the pieces
    before the cut (76 of Marian's 800), and every text was split into other pieces, mostly
    single letters, without a word (or, cut inside a piece, refused it with a traceback). With
    no class (None), each sentencepiece file in the folder."""
    files = getattr(tokenizer_class, "vocab_files_names", None)
    if tokenizer_class is None:  # a tokenizer that failed to load, its class not named
        files = {path.name: path.name for path in model_files(folder)}
    elif not isinstance(files, dict):
        return None
    elif "tokenizer_file" in files and (folder / files["tokenizer_file"]).is_file():
        return None  # read instead of the sentencepiece file
    for name in files.values():
        if not str(name).endswith((".spm", ".model")):
            continue
        try:
            data = (folder / name).read_bytes()
        except OSError:
            continue  # absent (optional), or said by the check of what this user may read
        if _sentencepiece_model_cut_short(data):
            return str(name)
    return None


def _sentencepiece_model_cut_short(data: bytes) -> bool:
    """Whether the sentencepiece model ``data`` is cut short: its protocol buffer does not
    parse (a field runs past the end), or it ends among its pieces, without the trainer and
    normalizer settings that sentencepiece writes after them (which sentencepiece then reads
    as a model of fewer pieces). Parsed with sentencepiece's own message type, or where the
    protobuf installed cannot load it (older than the one it was generated with: VersionError
    on import, and pyproject takes protobuf 4 and later), read field by field here."""
    from google.protobuf.message import DecodeError

    try:
        from sentencepiece import sentencepiece_model_pb2
    except Exception:  # VersionError, ImportError: judged without it
        return _protocol_buffer_cut_short(data)
    model = sentencepiece_model_pb2.ModelProto()
    try:
        model.ParseFromString(data)
    except DecodeError:
        return True
    return not (model.HasField("trainer_spec") or model.HasField("normalizer_spec"))


def _protocol_buffer_cut_short(data: bytes) -> bool:
    """:func:`_sentencepiece_model_cut_short` without sentencepiece's message type: a field
    that runs past the end, or no trainer (2) or normalizer (3) settings after the pieces (1)."""
    at = 0

    def varint() -> int:
        nonlocal at
        value = shift = 0
        while at < len(data) and shift < 64:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value
        raise ValueError("cut inside a number")

    fields = set()
    try:
        while at < len(data):
            tag = varint()
            fields.add(tag >> 3)
            wire_type = tag & 7
            if wire_type == 0:
                varint()
            elif wire_type == 2:
                length = varint()  # read before `at` moves on (at += varint() would not)
                at += length
            elif wire_type in (1, 5):
                at += 8 if wire_type == 1 else 4
            else:
                return True  # no field of a sentencepiece model
    except ValueError:
        return True
    return at != len(data) or not fields & {2, 3}


def _check_seq2seq(task: Task, source: ModelSource, config: Any) -> None:
    """A model type AutoModelForSeq2SeqLM cannot load (a decoder-only GPT-2 or Llama given by
    mistake) is refused before any article: on torch it failed at loading, after the other
    model had loaded, with a hint about pickle weights; CTranslate2 first converted it to disk,
    then called the conversion damaged."""
    _check_writes_text(task, source, config)
    if isinstance(config, PlainConfig):
        return  # read as one of the seq2seq types _PLAIN_CONFIG_KEYS lists
    # The Auto classes have read this config, and imported torch with them.
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_CAUSAL_LM_MAPPING_NAMES as CAUSAL_TYPES,
    )
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_MASKED_LM_MAPPING_NAMES as MASKED_TYPES,
    )
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_SEQ_TO_SEQ_CAUSAL_LM_MAPPING_NAMES as SEQ2SEQ_TYPES,
    )
    from transformers.models.auto.modeling_auto import (
        MODEL_FOR_SPEECH_SEQ_2_SEQ_MAPPING_NAMES as SPEECH_TYPES,
    )

    model_type = str(getattr(config, "model_type", "") or "")
    # transformers lists language models that also read audio (Qwen2-Audio, Voxtral) among its
    # seq2seq types; their configs say they are no encoder-decoders. They loaded, and every
    # article failed ("Input length of input_ids is 680, but `max_length` is set to 24"), or,
    # with max_new_tokens, generate() handed back the prompt: the article's English as summary.
    if model_type in SEQ2SEQ_TYPES:
        if getattr(config, "is_encoder_decoder", True) is not False:
            return
        kind = "a decoder-only language model, "
    # Whisper has a causal head too (its decoder alone), but reads audio: it was called a
    # decoder-only language model. BERT has one too, but is an encoder: not decoder-only.
    elif model_type in SPEECH_TYPES:
        kind = "a speech-to-text model, which reads audio, "
    elif model_type in CAUSAL_TYPES and model_type not in MASKED_TYPES:
        kind = "a decoder-only language model, "
    else:
        kind = ""
    raise ModelLoadError(
        f"The {task} model at {source.location} cannot be used: its model type {model_type!r} "
        f"is {kind}not a text-to-text "
        "(sequence-to-sequence, encoder-decoder) model, which is what this tool runs. "
        f"Set {task}.model to one, e.g. {families_for(task)}"
    )


# Checkpoints of a text-to-text type saved with a head that writes no text, by the suffix of
# the class their config.json names: what that makes them, and why it writes no brief.
_NO_TEXT_HEADS = {
    "EncoderModel": ("an encoder-only model", "without the decoder that writes text"),
    "ForSequenceClassification": ("a classifier", "trained to choose labels, not to write text"),
    "ForTokenClassification": ("a token classifier", "trained to label words, not to write text"),
    "ForQuestionAnswering": ("a question-answering model", "trained to point at an answer in "
                             "the text, not to write text"),
}  # fmt: skip


def _check_writes_text(task: Task, source: ModelSource, config: Any) -> None:
    """A seq2seq model type saved without its decoder (T5EncoderModel: the text encoder of a
    diffusion pipeline, or an embedding model) is refused before any article: it failed once
    the articles were under way, saying its config.json did not fit its weights (and to restore
    the config), and `models list` called it available. So is one saved with a classifier's
    head (facebook/bart-large-mnli): it loaded, its brief's summary was whatever the bare
    language model wrote, and the one warning said to restore the config.json."""
    architectures = getattr(config, "architectures", None)
    if not isinstance(architectures, list) or not architectures:
        return
    names = [str(name) for name in architectures]
    for suffix, (what, why) in _NO_TEXT_HEADS.items():
        if all(name.endswith(suffix) for name in names):
            raise ModelLoadError(
                f"The {task} model at {source.location} cannot be used: it is {what} (its "
                f"config.json names {', '.join(names)}), {why}. Set {task}.model to a "
                f"text-to-text model, e.g. {families_for(task)}"
            )


def _check_tokenizer_fits(
    task: Task, source: ModelSource, tokenizer: PreTrainedTokenizerBase, config: Any
) -> None:
    """Refuse a tokenizer whose word pieces have ids past the model's embeddings (another
    model's tokenizer files copied into the folder): every article failed, even alone, with
    "IndexError: index out of range in self", and `models list` said available. Added and
    special tokens are left out: DistilBART's <mask> (50264) lies past its 50264 embeddings,
    and special tokens' strings in a text are read as text (summarize.tokens)."""
    embeddings = getattr(config, "vocab_size", None)
    if not isinstance(embeddings, int) or isinstance(embeddings, bool) or embeddings <= 0:
        return
    added = tokenizer.get_added_vocab()
    largest = max(
        (token_id for piece, token_id in tokenizer.get_vocab().items() if piece not in added),
        default=-1,
    )
    if largest >= embeddings:
        raise ModelLoadError(
            f"The {task} model at {source.location} cannot be used: its tokenizer writes token "
            f"ids up to {largest}, but the model reads {embeddings} (config.json vocab_size); "
            "the tokenizer files are another model's. Use the tokenizer files that came with "
            "the model's weights"
        )


def _check_attention(task: Task, source: ModelSource, config: Any) -> None:
    """A config.json whose attention implementation names a kernel repository on the hub
    ("kernels-community/flash-attn"): transformers downloads and runs that code when it loads
    the weights (with the kernels package; without it, the run ended with an ImportError's
    traceback, exit 1). Models never run code from elsewhere here: refused before any article."""
    for value in requested_attention(config):  # a dict's values too, one per sub-model
        if isinstance(value, str) and "/" in value:
            raise ModelLoadError(
                f"The {task} model at {source.location} cannot be used: its config.json sets "
                f"attn_implementation = {value!r}, attention code to fetch from the hub, and "
                "models never run code from elsewhere here (trust_remote_code is off); remove "
                "the setting from its config.json"
            )


def _unusable_folder(task: Task, folder: Path, error: Exception) -> str:
    """The message for a local model folder whose tokenizer or config failed to load."""
    if _is_ct2_conversion(folder):
        # The libraries said sentencepiece or tiktoken must be installed, that config.json has
        # no model_type, or (no config.json) that this might be the folder above the model's.
        return (
            f"The {task} model folder {folder} is a CTranslate2 conversion (model.bin and its "
            f"vocabulary), which is not read as a model here: set {task}.model to the "
            "transformers model it was converted from (a hub id, or a folder with config.json, "
            "the tokenizer files and the weights); with backend = 'ctranslate2' that model is "
            "converted on first use and the conversion kept beside it"
        )
    return (
        f"The {task} model folder {folder} has no usable tokenizer or config: "
        f"{_unusable_folder_detail(folder, error)}"
    )


# The vocabulary files a CTranslate2 conversion keeps beside its model.bin.
_CT2_VOCABULARIES = tuple(
    f"{side}_vocabulary.{kind}"
    for side in ("shared", "source", "target")
    for kind in ("json", "txt")
)


def _is_ct2_conversion(folder: Path) -> bool:
    """Whether ``folder`` holds a CTranslate2 conversion rather than a transformers model: its
    model.bin beside a vocabulary of CTranslate2's, and a config.json (where there is one, as
    CTranslate2 before 3.0 wrote none) that names no transformers model type."""
    if not (folder / "model.bin").is_file():
        return False
    if not any((folder / name).is_file() for name in _CT2_VOCABULARIES):
        return False
    try:
        config = json.loads((folder / "config.json").read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return isinstance(config, dict) and "model_type" not in config


def _unusable_folder_detail(folder: Path, error: Exception) -> str:
    """What is wrong with a local model folder whose tokenizer or config failed to load, in
    words that say what to fix rather than the library's traceback."""
    if not (folder / "config.json").is_file():
        return (
            "it has no config.json (a model folder holds config.json, the tokenizer "
            "files and the weights; is this the folder above it?)"
        )
    if missing := _missing_tokenizer_files(folder):
        # BART's said only "`vocab` and `merges` must be both be from memory or both filenames".
        return _lacks_tokenizer_files(missing)
    if damaged := _damaged_json(folder):
        # The parser's words alone ("Expecting ':' delimiter: line 27 column 20 (char 500)",
        # "'utf-8' codec can't decode byte 0xe2"), with no word of which file.
        return damaged
    if isinstance(error, TypeError | AssertionError):
        return (
            f"its tokenizer could not be read ({' '.join(str(error).split())}); are all "
            "the tokenizer files (tokenizer_config.json and the vocabulary files) there?"
        )
    # transformers asks for trust_remote_code=True, a setting this tool never offers; for a
    # tokenizer class that only the folder's own code defines (its tokenizer_config.json's
    # auto_map) it asked instead for sentencepiece or tiktoken to be installed.
    if "trust_remote_code" in str(error) or _names_code_of_its_own(folder):
        return (
            "it needs code of its own to load (a model type or tokenizer class transformers "
            "does not know, with an auto_map naming the model's own Python files), and models "
            "never run code of their own here (trust_remote_code is off); use a model of a "
            "family transformers supports"
        )
    if type(error) is Exception:  # the tokenizers library's, on a vocabulary it cannot parse
        return (
            f"its tokenizer files could not be read ({' '.join(str(error).split())}); copy or "
            "pull the model again"
        )
    # The libraries' message, on one line (some run over several).
    return " ".join(str(error).split())


# The JSON files a model's config and any tokenizer read, besides its class's vocabulary files.
_READ_JSON_FILES = (
    "config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
    "added_tokens.json",
)  # fmt: skip


def _damaged_json(folder: Path) -> str | None:
    """Which of the JSON files a model folder's config and tokenizer are read from is no JSON,
    in words; None where each is (or none is there). A fine-tune's other files
    (trainer_state.json) are not judged."""
    vocabularies = getattr(_named_tokenizer_class(folder), "vocab_files_names", None)
    names = {*_READ_JSON_FILES, *(vocabularies.values() if isinstance(vocabularies, dict) else ())}
    for path in model_files(folder):
        if path.name not in names or path.suffix.lower() != ".json":
            continue
        try:
            json.loads(path.read_bytes().decode("utf-8"))
        except OSError:
            continue  # said by the check of what this user may read
        except UnicodeDecodeError as error:
            reason = f"byte {error.object[error.start]:#04x} at position {error.start} is not UTF-8"
        except json.JSONDecodeError as error:
            reason = f"{error.msg} at line {error.lineno}, column {error.colno}"
        else:
            continue
        return (
            f"its {path.name} is damaged (not JSON: {reason}; cut short by a copy stopped "
            "part-way?); copy or pull the model again"
        )
    return None


# Files a tokenizer class names that a folder may do without: tokenizer.json (the others hold
# what it holds), Marian's target_vocab.json (only for separate vocabularies), the settings.
_OPTIONAL_TOKENIZER_FILES = ("tokenizer_file", "target_vocab_file", "tokenizer_config_file")


def _lacks_tokenizer_files(missing: list[str]) -> str:
    return (
        f"it lacks its tokenizer's {', '.join(missing)} (a copy stopped part-way?); copy "
        "or pull the model again"
    )


def _missing_tokenizer_files(folder: Path, tokenizer_class: Any = None) -> list[str]:
    """The files the folder's tokenizer class (``tokenizer_class``, else its
    tokenizer_config.json's) reads that are not there; none where the class is unknown or the
    folder's tokenizer.json stands in for them."""
    if tokenizer_class is None:
        tokenizer_class = _named_tokenizer_class(folder)
    files = getattr(tokenizer_class, "vocab_files_names", None)
    if not isinstance(files, dict):
        return []
    if "tokenizer_file" in files and (folder / files["tokenizer_file"]).is_file():
        return []
    return [
        file_name
        for key, file_name in files.items()
        if key not in _OPTIONAL_TOKENIZER_FILES and not (folder / file_name).is_file()
    ]


def _named_tokenizer_class(folder: Path) -> Any:
    """The transformers class the folder's tokenizer_config.json names; None where it names
    none that transformers defines."""
    import transformers

    try:
        settings = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = settings.get("tokenizer_class") if isinstance(settings, dict) else None
    return getattr(transformers, name, None) if isinstance(name, str) else None


def _names_code_of_its_own(folder: Path) -> bool:
    """Whether the folder's tokenizer_config.json names a tokenizer class that transformers does
    not define, with an ``auto_map`` to the folder's Python files (never imported here)."""
    import transformers

    try:
        settings = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(settings, dict) or "auto_map" not in settings:
        return False
    name = settings.get("tokenizer_class")
    return not (isinstance(name, str) and hasattr(transformers, name))


def _checked_device(
    task: Task,
    settings: ModelSettings,
    config: Any,
    generation: ModelGeneration,
    tokenizer: PreTrainedTokenizerBase,
    runs_here: bool = True,
) -> str:
    """The device the model runs on, resolved (never "auto"), with the generation tables checked
    against the backend: on torch no hub code modes and beams that fit the device's memory; on
    CTranslate2 only settings it can honour (refused when the weights loaded, such a setting
    stopped the run after the model was converted, and `models list` called the model fine),
    and of those its conversion keeps as the model's own, none the user set otherwise."""
    elsewhere = not runs_here and settings.device == "cuda"
    device = "cuda" if elsewhere else str(pick_device(settings.device, settings.backend))
    tables = {f"{task}.generation": generation.config}
    user_set = {f"{task}.generation": set(settings.generation)}
    if generation.chunk_config is not None and isinstance(settings, SummarizationSettings):
        tables["summarization.chunk_generation"] = generation.chunk_config
        user_set["summarization.chunk_generation"] = {
            *settings.generation,
            *settings.chunk_generation,
        }
    if settings.backend == "torch":
        for table, generation_config in tables.items():
            refuse_unsafe_stops(generation_config, table)
            refuse_hub_code_mode(generation_config, table)
            refuse_ignored_assistance(generation_config, table)
            refuse_idle_assistant_settings(generation_config, table, user_set[table])
            if runs_here and takes_one_input_per_call(generation_config):
                logger.info(
                    "[%s]: assisted generation takes one input per generate() call, so its "
                    "inputs go one at a time (batch_size 1)",
                    table,
                )
        if not elsewhere:  # a node's GPU memory is not known here (each actor loads it there)
            check_beam_memory(tables, config, device)
    else:
        for table, generation_config in tables.items():
            ct2_options(
                generation_config,
                tokenizer,
                table,
                model_config=generation.model_config,
                user_set=user_set[table],
            )
            if runs_here and (note := ct2_beam_renormalization_note(generation_config)):
                logger.info("[%s]: %s", table, note)
        if device == "cpu":  # a GPU's memory is told by torch, which a CTranslate2 run leaves out
            check_beam_memory(tables, config, device, backend="ctranslate2")
    return device


def half_precision_problem(task: Task, settings: ModelSettings, device: str) -> str | None:
    """Why the model would not load on ``device`` (resolved): float16 and bfloat16 are settings
    for a GPU (see Speed modes in the README), and torch's int8 runs on CPU only; None
    otherwise."""
    if settings.quantization in ("float16", "bfloat16") and device == "cpu":
        return (
            f"{task}.quantization = {settings.quantization!r} needs a GPU; "
            "on CPU use 'int8' or 'none'"
        )
    # Refused by the backend only when the weights loaded: the summarizer's after every
    # article was translated, in a message that named neither the section nor the device
    # ("auto" picks a GPU or a Mac's MPS where there is one).
    if settings.quantization == "int8" and settings.backend == "torch" and device != "cpu":
        return (
            f"{task}.quantization = 'int8' with {task}.backend = 'torch' runs on CPU only, and "
            f"the model runs on {device!r}; set {task}.device = 'cpu', or use "
            f"{task}.backend = 'ctranslate2' or another quantization"
        )
    return None


# Single characters as costly as any to a tokenizer: a letter alone, one that merges into
# the word-start piece or not, and a four-byte character (byte fallback writes four tokens).
_LEAST_TEXTS = ("a", "n", "x", "\U0001f600")


def _model_window(
    task: Task,
    settings: ModelSettings,
    tokenizer: PreTrainedTokenizerBase,
    config: Any,
    family: Family,
    generation: ModelGeneration,
) -> int:
    """How many tokens the model reads at once, with a word where it may write fewer. A prefix
    that leaves no room in it is refused here, before any article: the first sentence to be
    split stopped the run mid-way with "the model's input window", not saying whose."""
    window = _window(
        tokenizer, config, settings.max_input_tokens, family.window or _FALLBACK_WINDOW, task
    )
    taken = len(tokenizer(generation.prefix, add_special_tokens=True)["input_ids"])
    # The least text there is, one character: a prefix that left one token free passed, and
    # the first sentence stopped the run ("cannot hold even 'h'"), naming no model. Characters
    # differ: "n" merges with T5's "▁" where "a" does not, and an emoji is four byte tokens
    # where the tokenizer falls back to bytes.
    least = max(
        len(tokenizer(generation.prefix + character, add_special_tokens=True)["input_ids"])
        for character in _LEAST_TEXTS
    )
    if max(taken + 1, least) > window:
        raise ConfigError(
            f"the {task} model {shown(settings.model)} reads {window} tokens at once, and its "
            f"prefix {generation.prefix!r} with the special tokens takes {taken} of them, leaving "
            f"no room for text (one character takes up to {max(1, least - taken)}); shorten "
            f"{task}.prefix"
            + (f" or raise {task}.max_input_tokens" if window == settings.max_input_tokens else "")
        )
    _warn_of_a_short_output_limit(
        task,
        window,
        generation.config,
        chosen=bool({"max_new_tokens", "max_length"} & set(settings.generation)),
    )
    return window


def _weights_digest(
    source: ModelSource, revision: str | None, digests_file: Path | None
) -> str | None:
    """What names the weights: a local folder's content digest, or the hub snapshot commit."""
    if source.is_local:
        return folder_digest(Path(source.location), digests_file)
    return hub_snapshot(source.location, revision)


def conversion_target(spec: ModelSpec, models_dir: Path) -> Path:
    """Where the CTranslate2 conversion of ``spec``'s weights is kept."""
    return converted_model_dir(
        spec.source.location,
        spec.source.is_local,
        models_dir,
        spec.settings.quantization,
        identity_digest(spec.weights_identity()),
    )


def ctranslate2_problem(spec: ModelSpec, models_dir: Path, folder: bool = True) -> str | None:
    """Why ``spec``'s model would not run on the CTranslate2 backend, known before any article:
    a model type CTranslate2 cannot convert (LED, LongT5), or (``folder``) a conversion due in a
    folder that takes no writes. None when it would run, or when it runs on torch."""
    if spec.settings.backend != "ctranslate2":
        return None
    target = conversion_target(spec, models_dir)
    if (target / "model.bin").is_file():  # converted before: nothing to check
        return None
    unconvertible = unconvertible_config(spec.config)
    if unconvertible is not None:
        from importlib.metadata import version

        return (
            f"The {spec.task} model {spec.source.location} cannot run on {spec.task}.backend = "
            f"'ctranslate2': CTranslate2 {version('ctranslate2')} cannot convert its model type "
            f"({unconvertible}); set {spec.task}.backend = 'torch'"
        )
    if separate_vocabularies(spec.config):
        from importlib.metadata import version

        return (
            f"The {spec.task} model {spec.source.location} cannot run on {spec.task}.backend = "
            f"'ctranslate2': CTranslate2 {version('ctranslate2')} converts a Marian model with "
            "one vocabulary only, and this one has separate source and target vocabularies "
            f"(share_encoder_decoder_embeddings = false); set {spec.task}.backend = 'torch'"
        )
    existing = next((folder for folder in target.parents if folder.exists()), None)
    if folder and existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        reason = "read-only file system" if _read_only(existing) else "no write permission"
        return unwritable_conversion(spec.source.location, target, reason, f"{spec.task}.backend")
    return None


def separate_vocabularies(config: Any) -> bool:
    """Whether ``config`` is an OPUS-MT (Marian) model with separate source and target
    vocabularies: CTranslate2's converter writes the source one for both, and the model read
    wrong tokens and wrote others, with no error."""
    return getattr(config, "model_type", None) == "marian" and not getattr(
        config, "share_encoder_decoder_embeddings", True
    )


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        return False


def pickle_only_problem(task: Task, source: ModelSource, settings: ModelSettings) -> str | None:
    """Why a local model folder would not load as configured because its weights are pickle
    files only (``pytorch_model.bin``) and the section does not allow them; None otherwise."""
    if settings.allow_pickle or not source.is_local:
        return None
    folder = Path(source.location)
    if any(folder.glob("*.safetensors")) or not any(folder.glob("*.bin")):
        return None
    return (
        f"The {task} model at {source.location} could not be loaded: its weights are pickle "
        f"files only (*.bin), no *.safetensors {_pickle_hint(task)}."
    )


def weights_problem(task: Task, source: ModelSource) -> str | None:
    """Why a local model folder's weights would not load, read without loading them: none at
    all (no ``*.safetensors`` or ``*.bin``), safetensors files transformers does not read (shards
    without their index), or a safetensors file whose header does not fit it (a copy cut
    short); None otherwise. ``models list`` said such a folder was available
    (exit 0) where a run refused it (exit 2)."""
    if not source.is_local:
        return None
    folder = Path(source.location)
    weights = sorted(folder.glob("*.safetensors"))
    if not weights:
        if any(folder.glob("*.bin")):
            return None  # pickle weights: pickle_only_problem says whether they may be read
        if other := _other_framework_weights(folder):
            # TensorFlow or Flax weights alone (an older fine-tune pushed from Keras or JAX):
            # "has no weights; copy or pull the model again" sent the user after a copy that
            # would hold the same files, as transformers 5 reads neither format.
            from importlib.metadata import version

            return (
                f"The {task} model at {source.location} has no weights transformers can read: "
                f"it holds TensorFlow or Flax weights only ({', '.join(other)}), which "
                f"transformers {version('transformers')} does not load; use a copy of the "
                "model with safetensors weights (model.safetensors)"
            )
        return (
            f"The {task} model at {source.location} has no weights (no *.safetensors file); "
            "copy or pull the model again"
        )
    if not _safetensors_entry(folder) and not any(folder.glob("pytorch_model*.bin")):
        # Shards copied without their index, or an adapter's weights alone: `models list`
        # called the folder available, and the run said to set allow_pickle.
        held = ", ".join(path.name for path in weights[:3])
        more = f" and {len(weights) - 3} more" if len(weights) > 3 else ""
        return (
            f"The {task} model at {source.location} could not be loaded: it has no "
            f"model.safetensors, nor the {SAFETENSORS_INDEX} that names the shards of its "
            f"weights (it holds {held}{more}); copy or pull the model again"
        )
    from safetensors import SafetensorError, safe_open

    for path in weights:
        try:
            with safe_open(str(path), framework="numpy"):
                pass  # reads and checks the header only
        except (SafetensorError, OSError) as error:
            return _damaged_safetensors(task, source, f"{path.name}: {_first_line(error)}")
    if absent := _absent_shards(folder):
        return (
            f"The {task} model at {source.location} could not be loaded: its weights index "
            f"names shards that are not there ({', '.join(absent)}); copy or pull the model again"
        )
    return None


# Weights files of TensorFlow (Keras h5) and Flax, single or sharded, as transformers 4 wrote them.
_OTHER_FRAMEWORK_WEIGHTS = ("tf_model*.h5", "flax_model*.msgpack")


def _other_framework_weights(folder: Path) -> list[str]:
    """The TensorFlow or Flax weights files in ``folder``, by name (none: an empty list)."""
    return sorted(
        path.name for pattern in _OTHER_FRAMEWORK_WEIGHTS for path in folder.glob(pattern)
    )


def _safetensors_entry(folder: Path) -> bool:
    """Whether ``folder`` holds the safetensors file transformers reads a model's weights from:
    ``model.safetensors``, or the index naming its shards."""
    return (folder / "model.safetensors").is_file() or (folder / SAFETENSORS_INDEX).is_file()


def _absent_shards(folder: Path) -> list[str]:
    """The shards ``model.safetensors.index.json`` names that the folder lacks (a copy
    stopped part-way): the run refused the folder, and `models list` called it available."""
    try:
        weight_map = json.loads((folder / SAFETENSORS_INDEX).read_text(encoding="utf-8"))
        shards = set(weight_map["weight_map"].values())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []  # no index (one file), or one the load itself says is unreadable
    return sorted(str(shard) for shard in shards if not (folder / str(shard)).is_file())


def _first_line(error: BaseException) -> str:
    return next(iter(str(error).splitlines()), "unreadable")


def _damaged_safetensors(task: Task, source: ModelSource, damage: str) -> str:
    """What a run and ``models list`` say of safetensors weights cut short or damaged."""
    return (
        f"The {task} model at {source.location} could not be loaded: its safetensors "
        f"weights are damaged ({damage}); copy or pull the model again"
    )


def _pickle_hint(task: Task) -> str:
    return (
        "(weights are read from safetensors only; set "
        f"{task}.allow_pickle = true to accept a pickle checkpoint you trust)"
    )


def load_model(
    task: Task,
    settings: ModelSettings,
    models_dir: Path,
    threads: int = 0,
    workers: int = 1,
    digests_file: Path | None = None,
) -> LoadedModel:
    """Load tokenizer and weights once, with the effective generation settings and backend.

    ``workers`` batches are decoded at the same time on CPU, each with ``threads`` threads
    (0: torch's setting)."""
    spec = resolve_spec(task, settings, models_dir, digests_file)
    return load_weights(spec, models_dir, threads, workers)


def refuse_unreadable_weights(spec: ModelSpec) -> None:
    """Raise :class:`ModelLoadError` where a local model folder's weights would not load as
    configured, read from its files without loading them (:func:`pickle_only_problem`,
    :func:`weights_problem`): the load itself, and the engines before any model loads."""
    problem = pickle_only_problem(spec.task, spec.source, spec.settings) or weights_problem(
        spec.task, spec.source
    )
    if problem is not None:
        raise ModelLoadError(problem)


def load_weights(
    spec: ModelSpec, models_dir: Path, threads: int = 0, workers: int = 1
) -> LoadedModel:
    """The weights for ``spec`` on the configured device and backend."""
    task, settings, source = spec.task, spec.settings, spec.source
    device = pick_device(settings.device, settings.backend)
    if (problem := half_precision_problem(task, settings, device.type)) is not None:
        raise ConfigError(problem)
    # Both backends read the weights with from_pretrained (CTranslate2's converter too), which
    # falls back to a pickle checkpoint: a local folder of pickle weights only is refused here,
    # and one without its weights (a shard missing) as `models list` says it.
    refuse_unreadable_weights(spec)
    revision = None if source.is_local else settings.revision
    backend: Backend
    if settings.backend == "ctranslate2":
        converted = ensure_converted(
            source.location,
            conversion_target(spec, models_dir),
            settings.quantization,
            revision,
            settings.allow_pickle,
            _attention(spec),
        )
        backend = CTranslate2Backend(
            converted, spec.tokenizer, spec.generation_config, device, settings.quantization,
            threads or default_threads(torch_in_use=False),
            workers,
        )  # fmt: skip
    else:
        backend = TorchBackend(
            _torch_model(spec, revision),
            spec.tokenizer,
            spec.generation_config,
            device,
            settings.quantization,
            workers,
        )
    logger.info(
        "loaded %s model %s (%s, %s, %s/%s, window %d tokens)",
        task, source.location, spec.family, device, backend.name, settings.quantization,
        spec.window,
    )  # fmt: skip
    return _model_of(spec, backend, device)


def _attention(spec: ModelSpec) -> str | None:
    """:func:`attention_override` for the model, said in the log where it applies."""
    attention = attention_override(spec.config)
    if attention is not None:
        asked = {str(value) for value in requested_attention(spec.config)} - {"None"}
        logger.info(
            "the %s model's config.json asks for %s attention, which cannot be used here (%s); "
            "it is read with %s attention (the same model; slower on a GPU)",
            spec.task,
            " / ".join(sorted(asked)),
            unusable_attention_reason(spec.config),
            attention,
        )  # fmt: skip
    return attention


def _attention_options(spec: ModelSpec) -> dict[str, Any]:
    """from_pretrained's keywords that read the model with :func:`_attention` (none where its
    config's own applies). The keyword alone lost to a config.json's "_attn_implementation" key,
    which transformers sets on the config after the keyword: a flash attention asked for so
    still ended the run with an ImportError's traceback, or, with the kernels package, was
    fetched from the hub. A copy of the config read, with the attention set on it, wins."""
    import transformers

    attention = _attention(spec)
    if attention is None:
        return {}
    if not isinstance(spec.config, transformers.PreTrainedConfig):
        return {"attn_implementation": attention}
    config = copy.deepcopy(spec.config)  # the spec's own is shared: never changed
    config._attn_implementation = attention
    return {"attn_implementation": attention, "config": config}


def _torch_model(spec: ModelSpec, revision: str | None) -> Any:
    """The model's transformers weights, every way of failing to read them said as a model
    error."""
    import transformers
    from safetensors import SafetensorError

    task, settings, source = spec.task, spec.settings, spec.source
    try:
        with TORCH_MODEL_READ:
            model, loading = transformers.AutoModelForSeq2SeqLM.from_pretrained(
                source.location,
                use_safetensors=None if settings.allow_pickle else True,
                **_attention_options(spec),
                **_pretrained_options(revision),
                **FIT_REPORT,
                **NO_HUB_KERNELS,
            )
    except SafetensorError as error:
        # A weights file cut short (a copy or download stopped midway) or otherwise damaged:
        # not an OSError, so it ended the run with a traceback (exit 1), on Ray after Ray
        # had retried the actor, instead of as the model error it is (exit 2).
        raise ModelLoadError(_damaged_safetensors(task, source, _first_line(error))) from None
    except (pickle.UnpicklingError, EOFError, RuntimeError) as error:
        # Pickle weights (allow_pickle) that torch will not read: cut short, or holding
        # objects other than tensors (code to run, refused by torch.load's weights_only).
        # Not OSErrors, so they ended the run with a traceback (exit 1).
        if not raised_reading_pickle(error):
            raise
        raise ModelLoadError(
            f"The {task} model at {source.location} could not be loaded: its pickle "
            f"weights {pickle_problem(error)}"
        ) from None
    except (OSError, ValueError) as error:
        message = str(error).splitlines()[0]
        if source.is_local or "safetensors" in message.lower():
            raise ModelLoadError(
                f"The {task} model at {source.location} could not be loaded: {message} "
                f"{_pickle_hint(task)}."
            ) from None
        raise ModelNotFoundError(_not_found(task, source, settings, message)) from None
    # Weights of another model, or a config.json edited after them (another d_model or
    # vocab_size): transformers raised a bare RuntimeError for other shapes, and loaded
    # missing tensors at random without a word that reached the user.
    unfit = unfit_weights(loading)
    if unfit is not None:
        raise ModelLoadError(f"The {task} model at {source.location} could not be loaded: {unfit}")
    if unused := unused_weights(loading, source.location):
        logger.warning(unused)
    return model


class WeightsNotLoaded:
    """The backend of a model whose weights are not loaded: it names the backend and
    quantization the weights load with (what a brief's record shows), and generates nothing."""

    workers = 1

    def __init__(self, settings: ModelSettings) -> None:
        self.name = settings.backend
        self.quantization = settings.quantization

    def generate_batches(self, batches: Sequence[list[str]]) -> Iterator[list[Generated]]:
        raise RuntimeError("the model's weights are not loaded")  # a caller's bug

    def with_generation(self, generation_config: GenerationConfig) -> Backend:
        return self


def without_weights(spec: ModelSpec) -> LoadedModel:
    """The model of ``spec`` as :func:`load_weights` gives it, but without reading its weights:
    tokenizer, window, identity and description, for work that needs no generation (a
    translation whose every input is in the cache)."""
    device = pick_device(spec.settings.device, spec.settings.backend)
    return _model_of(spec, WeightsNotLoaded(spec.settings), device)


def _model_of(
    spec: ModelSpec, backend: Backend, device: torch.device | CTranslate2Device
) -> LoadedModel:
    return LoadedModel(
        task=spec.task,
        source=spec.source,
        revision=spec.revision,
        tokenizer=spec.tokenizer,
        backend=backend,
        device=device,
        window=spec.window,
        prefix=spec.prefix,
        generation_config=spec.generation_config,
        generation_settings=spec.generation_settings,
        identity=spec.identity(),
        family=spec.family,
        languages=spec.languages,
    )


def with_generation(
    loaded: LoadedModel, overrides: dict[str, Any], table: str, user_set: Iterable[str] = ()
) -> LoadedModel:
    """The same weights with ``overrides`` merged over the generation settings (``user_set``:
    as for :func:`merged_generation`)."""
    if not overrides:
        return loaded
    generation_config, effective = merged_generation(
        loaded.generation_config, overrides, table, user_set
    )
    return dataclasses.replace(
        loaded,
        backend=loaded.backend.with_generation(generation_config),
        generation_config=generation_config,
        generation_settings=effective,
        identity={**loaded.identity, "generation": effective},
    )
