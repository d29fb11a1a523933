"""The local model store: where each configured model resolves, and pulling hub models into it."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from summarize.config import Config, ModelSettings
from summarize.errors import ModelNotFoundError
from summarize.models import Task, resolve_model

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

    @property
    def available(self) -> bool:
        return self.location is not None


def configured_models(config: Config) -> list[tuple[Task, ModelSettings]]:
    return [("translation", config.translation), ("summarization", config.summarization)]


def _folder_size(folder: Path) -> int:
    # Hub cache snapshots are symlinks into blobs/: count what they point at.
    return sum(path.resolve().stat().st_size for path in folder.rglob("*") if path.is_file())


def locate(task: Task, settings: ModelSettings, models_dir: Path) -> StoredModel:
    """Where ``settings.model`` resolves without asking the network."""
    try:
        source = resolve_model(settings.model, models_dir)
    except ModelNotFoundError:
        return StoredModel(task, settings.model, settings.revision, None, "missing folder", 0)
    if source.is_local:
        folder = Path(source.location)
        return StoredModel(
            task, settings.model, None, str(folder), "local folder", _folder_size(folder)
        )
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
            f"{destination}: {str(error).splitlines()[0]}. Check the model id and the network "
            "(HF_HUB_OFFLINE must be unset), or copy the folder there by hand."
        ) from None
    if destination.exists():
        shutil.rmtree(destination)
    partial.rename(destination)
    return destination
