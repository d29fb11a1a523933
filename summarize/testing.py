"""Random-weight models for tests and benchmarks (no download needed).

Real weights cannot be fetched everywhere, so tests build models with ``from_config`` and
``save_pretrained``. With ``tokenizer_dir`` (e.g. ``../shared/hub/Helsinki-NLP__opus-mt-de-en``)
the real tokenizer, config and generation settings are used; without it a tiny tokenizer is
trained on the given texts, so everything works in a plain clone.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.backends import Generated

if TYPE_CHECKING:
    from summarize.models import LoadedModel, Task

TINY_LAYERS: dict[str, Any] = {
    "d_model": 32,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
}
TINY_T5_LAYERS: dict[str, Any] = {
    "d_model": 32,
    "d_ff": 64,
    "d_kv": 16,
    "num_heads": 2,
    "num_layers": 1,
    "num_decoder_layers": 1,
}
_TOKENIZER_FILES = (
    "source.spm",
    "target.spm",
    "vocab.json",
    "merges.txt",
    "spiece.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
)


def _copy_tokenizer_files(source: Path, destination: Path) -> None:
    for name in _TOKENIZER_FILES:
        if (source / name).exists():
            shutil.copy(source / name, destination / name)


def _save_random_model(config: Any, destination: Path, seed: int) -> None:
    import torch
    from transformers import AutoModelForSeq2SeqLM

    torch.manual_seed(seed)
    model = AutoModelForSeq2SeqLM.from_config(config)
    model.save_pretrained(destination)


def _write_corpus(texts: Iterable[str], path: Path) -> Path:
    path.write_text("\n".join(line for text in texts for line in text.splitlines() if line.strip()))
    return path


def train_marian_tokenizer(texts: Iterable[str], destination: Path, vocab_size: int = 800) -> int:
    """Write source.spm/target.spm/vocab.json for a MarianTokenizer; returns the vocab size."""
    import sentencepiece as spm

    destination.mkdir(parents=True, exist_ok=True)
    corpus = _write_corpus(texts, destination / "corpus.txt")
    prefix = destination / "spm"
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=f"{prefix}.model")
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    vocab = {"</s>": 0, "<unk>": 1}
    for piece in pieces:
        vocab.setdefault(piece, len(vocab))
    vocab["<pad>"] = len(vocab)
    shutil.copy(f"{prefix}.model", destination / "source.spm")
    shutil.copy(f"{prefix}.model", destination / "target.spm")
    (destination / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False))
    (destination / "tokenizer_config.json").write_text(
        json.dumps(
            {
                "tokenizer_class": "MarianTokenizer",
                "source_lang": "de",
                "target_lang": "en",
                "model_max_length": 512,
                "eos_token": "</s>",
                "unk_token": "<unk>",
                "pad_token": "<pad>",
            }
        )
    )
    for leftover in (corpus, Path(f"{prefix}.model"), Path(f"{prefix}.vocab")):
        leftover.unlink(missing_ok=True)
    return len(vocab)


def train_bart_tokenizer(texts: Iterable[str], destination: Path, vocab_size: int = 600) -> int:
    """Write vocab.json/merges.txt for a byte-level BPE BartTokenizer; returns the vocab size."""
    from tokenizers import ByteLevelBPETokenizer

    destination.mkdir(parents=True, exist_ok=True)
    tokenizer = ByteLevelBPETokenizer()
    tokenizer.train_from_iterator(
        list(texts),
        vocab_size=vocab_size,
        min_frequency=1,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
    )
    tokenizer.save_model(str(destination))
    (destination / "tokenizer_config.json").write_text(
        json.dumps({"tokenizer_class": "BartTokenizer", "model_max_length": 1024})
    )
    return tokenizer.get_vocab_size()


def build_marian(
    destination: Path,
    *,
    tokenizer_dir: Path | None = None,
    texts: Iterable[str] = (),
    tiny: bool = True,
    max_position_embeddings: int | None = None,
    seed: int = 0,
) -> Path:
    """A random-weight MarianMT model folder loadable with ``from_pretrained``."""
    from transformers import GenerationConfig, MarianConfig

    destination.mkdir(parents=True, exist_ok=True)
    if tokenizer_dir is not None:
        config = MarianConfig.from_pretrained(tokenizer_dir)
        generation = GenerationConfig.from_pretrained(tokenizer_dir)
        _copy_tokenizer_files(tokenizer_dir, destination)
    else:
        vocab_size = train_marian_tokenizer(texts, destination)
        pad = vocab_size - 1
        config = MarianConfig(
            vocab_size=vocab_size,
            decoder_vocab_size=vocab_size,
            pad_token_id=pad,
            decoder_start_token_id=pad,
            eos_token_id=0,
            forced_eos_token_id=0,
            max_position_embeddings=512,
            share_encoder_decoder_embeddings=True,
        )
        generation = GenerationConfig(
            num_beams=4,
            max_length=512,
            bad_words_ids=[[pad]],
            pad_token_id=pad,
            eos_token_id=0,
            forced_eos_token_id=0,
            decoder_start_token_id=pad,
        )
    if tiny:
        for key, value in TINY_LAYERS.items():
            setattr(config, key, value)
    if max_position_embeddings is not None:
        config.max_position_embeddings = max_position_embeddings
    _save_random_model(config, destination, seed)
    generation.save_pretrained(destination)
    return destination


def build_bart(
    destination: Path,
    *,
    tokenizer_dir: Path | None = None,
    texts: Iterable[str] = (),
    tiny: bool = True,
    max_position_embeddings: int | None = None,
    seed: int = 0,
) -> Path:
    """A random-weight BART summarizer folder (DistilBART's settings when ``tokenizer_dir``)."""
    from transformers import BartConfig, GenerationConfig

    destination.mkdir(parents=True, exist_ok=True)
    if tokenizer_dir is not None:
        config = BartConfig.from_pretrained(tokenizer_dir)
        generation = GenerationConfig.from_pretrained(tokenizer_dir)
        _copy_tokenizer_files(tokenizer_dir, destination)
    else:
        vocab_size = train_bart_tokenizer(texts, destination)
        summarization = {
            "early_stopping": True,
            "length_penalty": 2.0,
            "max_length": 142,
            "min_length": 56,
            "no_repeat_ngram_size": 3,
            "num_beams": 4,
        }
        config = BartConfig(
            vocab_size=vocab_size,
            max_position_embeddings=1024,
            task_specific_params={"summarization": summarization},
            forced_bos_token_id=0,
            forced_eos_token_id=2,
            # Fields DistilBART's real config.json carries (CTranslate2's converter reads them).
            normalize_before=False,
            add_final_layer_norm=False,
            normalize_embedding=True,
            static_position_embeddings=False,
            add_bias_logits=False,
        )
        generation = GenerationConfig(
            bos_token_id=0,
            decoder_start_token_id=2,
            eos_token_id=2,
            pad_token_id=1,
            forced_bos_token_id=0,
            forced_eos_token_id=2,
            **summarization,
        )
    if tiny:
        for key, value in TINY_LAYERS.items():
            setattr(config, key, value)
    if max_position_embeddings is not None:
        config.max_position_embeddings = max_position_embeddings
    _save_random_model(config, destination, seed)
    generation.save_pretrained(destination)
    if max_position_embeddings is not None:
        # The tokenizer's window must agree with the shrunken position table.
        config_path = destination / "tokenizer_config.json"
        tokenizer_config = json.loads(config_path.read_text())
        tokenizer_config["model_max_length"] = max_position_embeddings
        config_path.write_text(json.dumps(tokenizer_config, ensure_ascii=False, indent=2))
    return destination


def build_t5(destination: Path, *, tokenizer_dir: Path, tiny: bool = True, seed: int = 0) -> Path:
    """A random-weight T5 folder from a real T5 config and tokenizer (prefix 'summarize: ')."""
    from transformers import GenerationConfig, T5Config

    destination.mkdir(parents=True, exist_ok=True)
    config = T5Config.from_pretrained(tokenizer_dir)
    _copy_tokenizer_files(tokenizer_dir, destination)
    if tiny:
        for key, value in TINY_T5_LAYERS.items():
            setattr(config, key, value)
    _save_random_model(config, destination, seed)
    GenerationConfig.from_model_config(config).save_pretrained(destination)
    return destination


def echo_text(text: str) -> str:
    """The echo backend's output for ``text``: a known function of the input, so tests can
    check by content that every output went back to its own input."""
    return f"EN({text})"


class WordTokenizer:
    """Just enough of a tokenizer for :class:`summarize.models.LoadedModel`: one token per word
    plus an end token, so windows are easy to reason about in tests."""

    def __call__(self, text: str, add_special_tokens: bool = True) -> dict[str, list[int]]:
        words = list(range(len(text.split())))
        return {"input_ids": [*words, -1] if add_special_tokens else words}


class EchoBackend:
    """A deterministic fake :class:`summarize.backends.Backend`: each output is
    ``transform(input)`` (default :func:`echo_text`), batch by batch, recording every batch."""

    name = "echo"
    quantization = "none"

    def __init__(self, transform: Callable[[str], str] = echo_text, workers: int = 1) -> None:
        self.transform = transform
        self.workers = workers
        self.batches: list[list[str]] = []

    def generate_batches(self, batches: Sequence[list[str]]) -> Iterator[list[Generated]]:
        for batch in batches:
            self.batches.append(list(batch))
            yield [Generated(self.transform(text)) for text in batch]

    @property
    def inputs(self) -> list[str]:
        return [text for batch in self.batches for text in batch]


def echo_model(
    task: Task = "translation",
    *,
    window: int = 512,
    prefix: str = "",
    backend: EchoBackend | None = None,
) -> LoadedModel:
    """A LoadedModel over an :class:`EchoBackend` and a :class:`WordTokenizer` (no weights)."""
    from transformers import GenerationConfig

    from summarize.models import LoadedModel, ModelSource

    backend = backend or EchoBackend()
    return LoadedModel(
        task=task,
        source=ModelSource("echo", "echo", False, ()),
        revision=None,
        tokenizer=WordTokenizer(),  # type: ignore[arg-type]
        backend=backend,
        device="cpu",  # type: ignore[arg-type]
        window=window,
        prefix=prefix,
        generation_config=GenerationConfig(),
        identity={"model": "echo", "window": window, "prefix": prefix},
    )
