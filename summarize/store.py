"""The local model store: where each configured model resolves, and pulling hub models into it."""

from __future__ import annotations

import dataclasses
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from summarize.config import Config, ModelSettings
from summarize.errors import ModelNotFoundError, SummarizeError
from summarize.models import PULLED_FILE, Task, pulled_copy, resolve_model, resolve_spec

# What a model folder needs; pickle, TF, Flax and ONNX weights are never fetched.
PULL_PATTERNS = (
    "*.json",
    "*.safetensors",
    "*.spm",
    "*.model",
    "*.txt",
    "tokenizer*",
)


@dataclass(frozen=True)
class StoredModel:
    task: Task
    requested: str
    revision: str | None
    location: str | None  # folder that will be loaded, when known offline
    where: str  # "local folder", "hub cache" or "not available offline"
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


def locate(task: Task, settings: ModelSettings, models_dir: Path) -> StoredModel:
    """Where ``settings.model`` resolves without asking the network, and, when it is there,
    its family, window and language codes."""
    stored = _where(task, settings, models_dir)
    if stored.location is None:
        return stored
    # Read from the folder found above (never the network), as a run would set it up.
    local = settings.model_copy(update={"model": stored.location, "revision": None})
    try:
        spec = resolve_spec(task, local, models_dir)
    except SummarizeError as error:
        return dataclasses.replace(stored, problem=str(error))
    languages = spec.languages
    return dataclasses.replace(
        stored,
        family=spec.family,
        window=spec.window,
        prefix=spec.prefix,
        source_lang=languages.source if languages else None,
        target_lang=languages.target if languages else None,
        warning=spec.task_warning,
    )


def _where(task: Task, settings: ModelSettings, models_dir: Path) -> StoredModel:
    try:
        source = resolve_model(settings.model, models_dir)
    except ModelNotFoundError:
        return StoredModel(task, settings.model, settings.revision, None, "missing folder", 0)
    if source.is_local:
        folder = Path(source.location)
        pulled = pulled_copy(folder)
        revision = pulled.revision if pulled is not None else None
        # A copy `models pull` made of another revision than the configured one: pull again.
        stale = pulled is not None and pulled.revision != settings.revision
        where = "store copy of another revision" if stale else "local folder"
        return StoredModel(task, settings.model, revision, str(folder), where, _folder_size(folder))
    from huggingface_hub import try_to_load_from_cache

    cached = try_to_load_from_cache(
        settings.model, "config.json", revision=settings.revision or "main"
    )
    if isinstance(cached, str):
        snapshot = Path(cached).parent
        return StoredModel(
            task,
            settings.model,
            settings.revision,
            str(snapshot),
            "hub cache",
            _folder_size(snapshot),
        )
    return StoredModel(task, settings.model, settings.revision, None, "not available offline", 0)


def pull(settings: ModelSettings, models_dir: Path) -> Path:
    """Download a hub model (at its configured revision) into ``models_dir/<hub id>``."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    destination = models_dir / settings.model
    # Download beside the destination and rename at the end: an interrupted pull never leaves
    # a half-filled folder that later runs would take for the model.
    partial = destination.with_name(f".{destination.name}.partial")
    try:
        snapshot_download(
            repo_id=settings.model,
            revision=settings.revision,
            local_dir=partial,
            allow_patterns=list(PULL_PATTERNS),
        )
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError, ValueError) as error:
        raise ModelNotFoundError(
            f"Could not download {settings.model!r}"
            f"{f' at revision {settings.revision!r}' if settings.revision else ''} into "
            f"{destination}: {str(error).splitlines()[0].rstrip('.')}. Check the model id and the "
            "network (HF_HUB_OFFLINE must be unset), or copy the folder there by hand."
        ) from None
    # What was pulled, so that a run can tell a copy of another revision (models.pulled_copy).
    (partial / PULLED_FILE).write_text(
        json.dumps({"model": settings.model, "revision": settings.revision}), encoding="utf-8"
    )
    # The old copy is moved aside, not deleted, until the new one is in place: a failed rename
    # leaves the model that was there.
    previous = destination.with_name(f".{destination.name}.previous")
    if previous.exists():
        shutil.rmtree(previous)
    if destination.exists():
        destination.rename(previous)
    try:
        partial.rename(destination)
    except OSError:
        if previous.exists():
            previous.rename(destination)
        raise
    if previous.exists():
        shutil.rmtree(previous)
    return destination
