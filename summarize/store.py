"""The local model store: where each configured model resolves, and pulling hub models into it."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from summarize.config import Config, ModelSettings
from summarize.errors import ModelNotFoundError, StoreError, SummarizeError, shown
from summarize.fileio import folder_error_reason
from summarize.models import (
    PULLED_FILE,
    Task,
    ctranslate2_problem,
    half_precision_problem,
    is_store_entry,
    pickle_only_problem,
    pulled_copy,
    read_pull_record,
    resolve_model,
    resolve_spec,
    weights_problem,
)

# What a model folder needs; TF, Flax and ONNX weights are never fetched, pickle weights only
# for a section with allow_pickle (PICKLE_PATTERNS).
PULL_PATTERNS = (
    "*.json",
    "*.safetensors",
    "*.spm",
    "*.model",
    "*.txt",
    "tokenizer*",
    # ProphetNet's vocabulary (prophetnet.tokenizer): the pulled copy had none, and every run
    # of it stopped at its tokenizer
    "*.tokenizer",
)
PICKLE_PATTERNS = ("pytorch_model*.bin",)

logger = logging.getLogger("summarize")


@dataclass(frozen=True)
class StoredModel:
    task: Task
    requested: str
    revision: str | None
    location: str | None  # folder that will be loaded, when known offline
    # "local folder", "store copy of another revision", "hub cache", "not available offline"
    # or "missing folder" (a path that does not exist, or a file: ``problem`` says which)
    where: str
    size_bytes: int
    # Read from the tokenizer and config when the model is available:
    family: str | None = None
    window: int | None = None  # input tokens
    prefix: str | None = None
    source_lang: str | None = None  # language codes of a multilingual model
    target_lang: str | None = None
    problem: str | None = None  # why it would not load (e.g. language codes not found)
    warning: str | None = None  # loads, but its family is made for the other task

    @property
    def available(self) -> bool:
        return self.location is not None


def configured_models(config: Config) -> list[tuple[Task, ModelSettings]]:
    return [("translation", config.translation), ("summarization", config.summarization)]


def _folder_size(folder: Path) -> int:
    # Hub cache snapshots are symlinks into blobs/: count what they point at.
    return sum(path.resolve().stat().st_size for path in folder.rglob("*") if path.is_file())


def locate(
    task: Task, settings: ModelSettings, models_dir: Path, digests_file: Path | None = None
) -> StoredModel:
    """Where ``settings.model`` resolves without asking the network, and, when it is there,
    its family, window and language codes.

    ``digests_file`` is the run's ``runtime.model_digests``: a local folder's weights are
    named by their digest (the CTranslate2 conversion check needs it), and without the
    remembered digests every listing read all of them (1.5 GB for the default models)."""
    stored = _where(task, settings, models_dir)
    if stored.location is None:
        return stored
    # Read from the folder found above (never the network), as a run would set it up.
    local = settings.model_copy(update={"model": stored.location, "revision": None})
    try:
        spec = resolve_spec(task, local, models_dir, digests_file)
    except SummarizeError as error:
        return dataclasses.replace(stored, problem=str(error))
    languages = spec.languages
    return dataclasses.replace(
        stored,
        problem=(
            # A hub cache snapshot without its weights is not available (_where): only a
            # folder of the user's or the store's is read for damaged weights here.
            (weights_problem(task, spec.source) if stored.where != "hub cache" else None)
            or pickle_only_problem(task, spec.source, settings)
            # A hub cache snapshot is read here by its folder; a run converts it into the
            # models folder, not beside the snapshot: only the model type is checked then.
            or ctranslate2_problem(spec, models_dir, folder=stored.where != "hub cache")
            or half_precision_problem(task, settings, spec.device)
        ),
        family=spec.family,
        window=spec.window,
        prefix=spec.prefix,
        source_lang=languages.source if languages else None,
        target_lang=languages.target if languages else None,
        warning=spec.task_warning,
    )


def _where(task: Task, settings: ModelSettings, models_dir: Path) -> StoredModel:
    try:
        source = resolve_model(settings.model, models_dir, task)
    except ModelNotFoundError as error:  # why: a path that does not exist, or a file
        return _not_loadable(task, settings, "missing folder", str(error))
    if source.is_local:
        folder = Path(source.location)
        pulled = pulled_copy(folder)
        revision = pulled.revision if pulled is not None else None
        # A copy `models pull` made of another revision than the configured one: pull again.
        # Not a folder given by path: a run uses it as it is, and a pull would take the path
        # for a hub id.
        stale = (
            pulled is not None
            and pulled.revision != settings.revision
            and is_store_entry(settings.model, models_dir, source)
        )
        where = "store copy of another revision" if stale else "local folder"
        return StoredModel(task, settings.model, revision, str(folder), where, _folder_size(folder))
    from huggingface_hub import try_to_load_from_cache

    try:
        cached = try_to_load_from_cache(
            settings.model, "config.json", revision=settings.revision or "main"
        )
    except ValueError as error:  # HFValidationError: "my model" is no folder and no hub id
        return _not_loadable(
            task,
            settings,
            "missing folder",
            f"The {task} model {settings.model!r} is no local folder, nor a hub id: "
            f"{str(error).splitlines()[0]}",
        )
    if isinstance(cached, str):
        snapshot = Path(cached).parent
        # pickle weights count: without allow_pickle, locate says why they are not read
        missing = _missing_model_files(snapshot, allow_pickle=True)
        if missing is not None:
            # Its config and tokenizer alone (read from the hub by other code, or a download
            # cut short): said to be available offline, and `models pull` fetched nothing
            # ("already available"), while a run offline stopped at the weights.
            return _not_loadable(
                task,
                settings,
                "not available offline",
                f"The {task} model {settings.model!r} is in the Hugging Face cache without "
                f"{missing}; run `summarize models pull` to fetch it into the model store.",
            )
        return StoredModel(
            task,
            settings.model,
            settings.revision,
            str(snapshot),
            "hub cache",
            _folder_size(snapshot),
        )
    return StoredModel(task, settings.model, settings.revision, None, "not available offline", 0)


def _not_loadable(task: Task, settings: ModelSettings, where: str, problem: str) -> StoredModel:
    """A model that is not there to load (no folder, nothing offline), and why."""
    return StoredModel(
        task, settings.model, settings.revision, None, where, 0, problem=problem
    )  # fmt: skip


def pull(settings: ModelSettings, models_dir: Path) -> Path:
    """Download a hub model (at its configured revision) into ``models_dir/<hub id>``."""
    destination = models_dir / settings.model
    # Download beside the destination and rename at the end: an interrupted pull never leaves
    # a half-filled folder that later runs would take for the model.
    partial = destination.with_name(f".{destination.name}.partial")
    made = [folder for folder in partial.parents if not folder.exists()]  # innermost first
    try:
        _start_partial(partial, settings)
    except (FileExistsError, NotADirectoryError) as error:
        # runtime.models_dir naming a file (or a file where the model's org folder goes): it was
        # "Not a directory" and advice to make the folder writable or free space there
        raise StoreError(
            f"Could not pull {settings.model!r} into {destination}: "
            f"{folder_error_reason(error, partial.parent)}; move it (or set runtime.models_dir "
            "to a folder) and pull again."
        ) from None
    except OSError as error:  # a read-only or full store: said before anything is fetched
        raise StoreError(
            f"Could not pull {settings.model!r} into {destination}: "
            f"{error.strerror or error}{f' ({shown(error.filename)})' if error.filename else ''}. "
            f"Make {destination.parent} writable (or free space there) and pull again."
        ) from None
    try:
        _download(settings, partial, destination)
    except ModelNotFoundError:
        _forget_unfetched(partial, made)
        raise
    if destination.is_file():  # a file (or a link to one) where the folder goes: never replaced
        raise StoreError(
            f"Could not put {settings.model!r} into {destination}: a file is in the way there; "
            f"move it and pull again (the download stays in {partial})."
        )
    try:
        # What was pulled, so that a run can tell a copy of another revision (models.pulled_copy).
        _record_pull(partial / PULLED_FILE, settings)
        _install(partial, destination)
    except OSError as error:  # a read-only or full store, no permission: was a traceback
        raise StoreError(
            f"Could not put {settings.model!r} into {destination}: "
            f"{error.strerror or error}{f' ({shown(error.filename)})' if error.filename else ''}. "
            f"The download stays in {partial} and the store as it was; make "
            f"{destination.parent} writable (or free space there) and pull again."
        ) from None
    with contextlib.suppress(OSError):  # the copy is in place: a stray record misleads no one
        _partial_record(partial).unlink(missing_ok=True)
    return destination


def _download(settings: ModelSettings, partial: Path, destination: Path) -> None:
    """The model's files fetched into ``partial``; ModelNotFoundError when they are not all
    there."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    try:
        snapshot_download(
            repo_id=settings.model,
            revision=settings.revision,
            local_dir=partial,
            # pickle weights only for a section that accepts them (they are loaded then too)
            allow_patterns=[*PULL_PATTERNS, *(PICKLE_PATTERNS if settings.allow_pickle else ())],
        )
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError, ValueError) as error:
        raise ModelNotFoundError(
            f"Could not download {settings.model!r}"
            f"{f' at revision {settings.revision!r}' if settings.revision else ''} into "
            f"{destination}: {str(error).splitlines()[0].rstrip('.')}. Check the model id and the "
            "network (HF_HUB_OFFLINE must be unset), or copy the folder there by hand."
        ) from None
    # Offline or with the hub out of reach, snapshot_download returns a folder it finds at
    # local_dir as it is (with a warning): the remains of an interrupted pull must not become
    # the model.
    missing = _missing_model_files(partial, settings.allow_pickle)
    if missing:
        raise ModelNotFoundError(
            f"Could not download {settings.model!r}"
            f"{f' at revision {settings.revision!r}' if settings.revision else ''} into "
            f"{destination}: the download is incomplete ({missing} missing; the hub could not be "
            "reached, or the model has no safetensors weights). Run `summarize models pull` "
            f"again with the network (HF_HUB_OFFLINE must be unset); what it has fetched so far "
            f"stays in {partial}."
        )


def _partial_record(partial: Path) -> Path:
    """Beside the hidden download folder (inside, the hub's client would take it for a
    download), what a pull fetches into it."""
    return partial.with_name(f"{partial.name}.json")


def _start_partial(partial: Path, settings: ModelSettings) -> None:
    """Record what a pull fetches into ``partial``, which it resumes. One that a pull of another
    revision left is removed first: the hub's client adds the new revision's files beside the
    old ones, which stayed (a tokenizer file, weights the new revision has in shards), and
    offline hands the folder back as it is: the copy held the other revision's files while its
    record named the configured one. One left without a record (a pull before records) is kept."""
    record = _partial_record(partial)
    left = read_pull_record(record)
    if left is not None and left.revision != settings.revision and partial.exists():
        logger.info(
            "removing %s: an unfinished pull of %s at revision %r, not %r",
            shown(partial), settings.model, left.revision, settings.revision,
        )  # fmt: skip
        _remove(partial)
    partial.parent.mkdir(parents=True, exist_ok=True)
    _record_pull(record, settings)


def _record_pull(record: Path, settings: ModelSettings) -> None:
    record.write_text(
        json.dumps({"model": settings.model, "revision": settings.revision}), encoding="utf-8"
    )


def _forget_unfetched(partial: Path, made: list[Path]) -> None:
    """Take away the record of a pull that fetched nothing, and the folders made for it."""
    if partial.exists():
        return  # what was fetched is kept, and its record, for the next pull to resume
    with contextlib.suppress(OSError):
        _partial_record(partial).unlink(missing_ok=True)
        for folder in made:
            folder.rmdir()


def _install(partial: Path, destination: Path) -> None:
    """``partial`` renamed to ``destination``. The copy there before is moved aside, not
    deleted, until the new one is in place: a failed rename leaves the model that was there."""
    previous = destination.with_name(f".{destination.name}.previous")
    _remove(previous)  # left by a pull stopped between the two renames
    if destination.exists() or destination.is_symlink():
        destination.rename(previous)
    try:
        partial.rename(destination)
    except OSError:
        if previous.exists() or previous.is_symlink():
            previous.rename(destination)
        raise
    try:
        _remove(previous)
    except OSError as error:  # the new copy is in place: the pull is done all the same
        logger.warning("could not remove the old copy at %s: %s", shown(previous),
                       error.strerror or error)  # fmt: skip


def _remove(path: Path) -> None:
    """Remove a folder, or a link or file in its place (a store entry linked to a folder
    elsewhere loses the link, never the folder it points at: rmtree refused a link)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _missing_model_files(folder: Path, allow_pickle: bool = False) -> str | None:
    """What a pulled folder lacks to be a model (its config, its safetensors weights, a shard
    its weights index names), or None when it has them. With ``allow_pickle`` a complete
    pickle checkpoint (``pytorch_model.bin`` or its shards) counts as weights too."""
    if not (folder / "config.json").is_file():
        return "config.json"
    # The file transformers reads, or the index naming its shards: shards fetched before the
    # index (a pull stopped midway, resumed offline) were installed as the model.
    kinds = [("model.safetensors.index.json", "model.safetensors")]
    if allow_pickle:
        kinds.append(("pytorch_model.bin.index.json", "pytorch_model.bin"))
    found: list[str | None] = []
    for index_name, name in kinds:
        index = folder / index_name
        if index.is_file():
            try:
                weight_map = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
                shards = set(weight_map.values())
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                found.append(f"a readable {index.name}")
                continue
            absent = sorted(shard for shard in shards if not (folder / shard).is_file())
            found.append(", ".join(absent) or None)
        elif (folder / name).is_file():
            found.append(None)
    if None in found:
        return None
    if found:
        return found[0]
    wanted = (f"{name} or the {index_name} of its shards" for index_name, name in kinds)
    return f"the weights ({' or '.join(wanted)})"
