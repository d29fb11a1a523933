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


def _save_random_model(
    config: Any, destination: Path, seed: int, never_generated: Iterable[int] = ()
) -> None:
    """Random weights; ``never_generated`` token ids get a large negative output bias (where the
    architecture has one), as a trained model never chooses them after the first token."""
    import torch
    from transformers import AutoModelForSeq2SeqLM

    torch.manual_seed(seed)
    model = AutoModelForSeq2SeqLM.from_config(config)
    banned = list(never_generated)
    if banned:
        with torch.no_grad():
            model.final_logits_bias[0, banned] = -100.0
    model.save_pretrained(destination)


def _write_corpus(texts: Iterable[str], path: Path) -> Path:
    path.write_text("\n".join(line for text in texts for line in text.splitlines() if line.strip()))
    return path


def train_marian_tokenizer(
    texts: Iterable[str],
    destination: Path,
    vocab_size: int = 800,
    target_languages: Iterable[str] = (),
) -> int:
    """Write source.spm/target.spm/vocab.json for a MarianTokenizer; returns the vocab size.

    ``target_languages`` (e.g. "eng", "nld") add the ``>>eng<<`` tokens of a multi-target model."""
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
    for piece in [*pieces, *(f">>{language}<<" for language in target_languages)]:
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


def _tiny(config: Any, tiny: bool, layers: dict[str, Any] = TINY_LAYERS) -> Any:
    if tiny:
        for key, value in layers.items():
            setattr(config, key, value)
    return config


def build_marian(
    destination: Path,
    *,
    tokenizer_dir: Path | None = None,
    texts: Iterable[str] = (),
    tiny: bool = True,
    max_position_embeddings: int | None = None,
    target_languages: Iterable[str] = (),
    seed: int = 0,
    separate_vocabularies: bool = False,
) -> Path:
    """A random-weight MarianMT model folder loadable with ``from_pretrained`` (multi-target
    when ``target_languages`` are given: its inputs start with a token such as ``>>eng<<``;
    with ``separate_vocabularies``, a target vocabulary of its own, in another order, as some
    OPUS-MT checkpoints have: ``separate_vocabs``)."""
    from transformers import GenerationConfig, MarianConfig

    destination.mkdir(parents=True, exist_ok=True)
    if tokenizer_dir is not None:
        config = MarianConfig.from_pretrained(tokenizer_dir)
        generation = GenerationConfig.from_pretrained(tokenizer_dir)
        _copy_tokenizer_files(tokenizer_dir, destination)
    else:
        vocab_size = train_marian_tokenizer(texts, destination, target_languages=target_languages)
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
        if separate_vocabularies:  # the config's pad_token_id stays the source's
            pad = _separate_target_vocabulary(destination)
            config.decoder_vocab_size = pad + 1
            config.share_encoder_decoder_embeddings = False
            config.decoder_start_token_id = pad
        generation = GenerationConfig(
            num_beams=4,
            max_length=512,
            bad_words_ids=[[pad]],
            pad_token_id=pad,
            eos_token_id=0,
            forced_eos_token_id=0,
            decoder_start_token_id=pad,
        )
    if max_position_embeddings is not None:
        _shrink_window(config, generation, max_position_embeddings)
    _save_random_model(_tiny(config, tiny), destination, seed)
    generation.save_pretrained(destination)
    return destination


def _separate_target_vocabulary(folder: Path) -> int:
    """Give the tokenizer in ``folder`` a target vocabulary of its own (the source pieces in
    reverse order, the end and unknown tokens first): the target's pad id."""
    source = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
    target = {"</s>": 0, "<unk>": 1}
    for piece in reversed([p for p in source if p not in ("</s>", "<unk>", "<pad>")]):
        target.setdefault(piece, len(target))
    target["<pad>"] = len(target)
    (folder / "target_vocab.json").write_text(json.dumps(target, ensure_ascii=False), "utf-8")
    settings_file = folder / "tokenizer_config.json"
    settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings["separate_vocabs"] = True
    settings_file.write_text(json.dumps(settings), encoding="utf-8")
    return target["<pad>"]


def _shrink_window(config: Any, generation: Any, max_position_embeddings: int) -> None:
    config.max_position_embeddings = max_position_embeddings
    # The decoder cannot read past its shrunken position table either: a longer output
    # (random weights rarely stop) failed inside generate() with an IndexError.
    generation.max_length = min(generation.max_length or max_position_embeddings,
                                max_position_embeddings)  # fmt: skip


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
    if max_position_embeddings is not None:
        _shrink_window(config, generation, max_position_embeddings)
        for params in (config.task_specific_params or {}).values():
            if params.get("max_length", 0) > max_position_embeddings:
                params["max_length"] = max_position_embeddings
    _save_random_model(_tiny(config, tiny), destination, seed)
    generation.save_pretrained(destination)
    if max_position_embeddings is not None:
        # The tokenizer's window must agree with the shrunken position table.
        config_path = destination / "tokenizer_config.json"
        tokenizer_config = json.loads(config_path.read_text())
        tokenizer_config["model_max_length"] = max_position_embeddings
        config_path.write_text(json.dumps(tokenizer_config, ensure_ascii=False, indent=2))
    return destination


def build_t5(
    destination: Path,
    *,
    tokenizer_dir: Path | None = None,
    texts: Iterable[str] = (),
    tiny: bool = True,
    seed: int = 0,
    language_tags: Sequence[str] = (),
) -> Path:
    """A random-weight T5 folder: a real T5 config and tokenizer (t5-small's config has the
    prefix 'summarize: ') or, without ``tokenizer_dir``, a flan-T5-like one trained on ``texts``
    (no task prefixes in its config). ``language_tags`` (``"<2en>"``, ...) are added to the
    trained tokenizer as whole tokens that are not special, as google/madlad400-*-mt's
    sentencepiece model holds its target-language tags (user-defined pieces)."""
    from transformers import GenerationConfig, T5Config, T5Tokenizer

    destination.mkdir(parents=True, exist_ok=True)
    if tokenizer_dir is not None:
        config = T5Config.from_pretrained(tokenizer_dir)
        _copy_tokenizer_files(tokenizer_dir, destination)
    else:
        # T5's sentencepiece order: <pad> 0, </s> 1, <unk> 2.
        pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), *_train_unigram(texts)[3:]]
        tokenizer = T5Tokenizer(vocab=pieces, extra_ids=0, model_max_length=512)
        tokenizer.add_tokens(list(language_tags))
        tokenizer.save_pretrained(destination)
        config = T5Config(
            vocab_size=len(tokenizer),
            pad_token_id=0,
            eos_token_id=1,
            decoder_start_token_id=0,
            feed_forward_proj="gated-gelu",
            tie_word_embeddings=False,
        )
    _save_random_model(_tiny(config, tiny, TINY_T5_LAYERS), destination, seed)
    generation = GenerationConfig.from_model_config(config)
    if tokenizer_dir is None:
        # Random weights repeat the decoder start token (<pad>), which decodes to nothing.
        generation.bad_words_ids = [[config.pad_token_id]]
    generation.save_pretrained(destination)
    return destination


def build_longt5(
    destination: Path, *, texts: Iterable[str], tiny: bool = True, seed: int = 0
) -> Path:
    """A random-weight LongT5 (transient-global attention) summarizer with a T5 tokenizer trained
    on ``texts`` that states no length limit, as google/long-t5-tglobal-base's does not."""
    from transformers import GenerationConfig, LongT5Config, T5Tokenizer

    destination.mkdir(parents=True, exist_ok=True)
    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), *_train_unigram(texts)[3:]]
    tokenizer = T5Tokenizer(vocab=pieces, extra_ids=0)
    tokenizer.save_pretrained(destination)
    config = LongT5Config(
        vocab_size=len(tokenizer),
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        encoder_attention_type="transient-global",
        local_radius=16,
        global_block_size=8,
        tie_word_embeddings=False,
    )
    _save_random_model(_tiny(config, tiny, TINY_T5_LAYERS), destination, seed)
    generation = GenerationConfig.from_model_config(config)
    generation.bad_words_ids = [[0]]  # random weights would repeat the start token, <pad>
    generation.save_pretrained(destination)
    return destination


def _train_unigram(texts: Iterable[str], vocab_size: int = 600) -> list[tuple[str, float]]:
    """(piece, score) of a sentencepiece unigram model trained on ``texts``, in id order
    (<unk>, <s>, </s> first)."""
    return [(piece, score) for piece, score in _train_sentencepiece(texts, vocab_size)[1]]


def _train_sentencepiece(
    texts: Iterable[str], vocab_size: int = 600
) -> tuple[bytes, list[tuple[str, float]]]:
    """A sentencepiece unigram model trained on ``texts``: its bytes and (piece, score) list."""
    import tempfile

    import sentencepiece as spm

    with tempfile.TemporaryDirectory(prefix="summarize-spm-") as folder:
        corpus = _write_corpus(texts, Path(folder) / "corpus.txt")
        prefix = Path(folder) / "spm"
        spm.SentencePieceTrainer.train(
            input=str(corpus),
            model_prefix=str(prefix),
            vocab_size=vocab_size,
            model_type="unigram",
            character_coverage=1.0,
            hard_vocab_limit=False,
            minloglevel=2,
        )
        model_bytes = Path(f"{prefix}.model").read_bytes()
    processor = spm.SentencePieceProcessor(model_proto=model_bytes)
    pieces = [
        (processor.id_to_piece(i), processor.get_score(i))
        for i in range(processor.get_piece_size())
    ]
    return model_bytes, pieces


def build_m2m100(
    destination: Path,
    *,
    texts: Iterable[str],
    tiny: bool = True,
    list_language_tokens: bool = True,
    seed: int = 0,
) -> Path:
    """A random-weight M2M100 translator with its own sentencepiece vocabulary (language tokens
    ``__de__``, ``__en__``, ... after the pieces, as in facebook/m2m100_418M).

    ``list_language_tokens=False`` leaves them out of the tokenizer's special tokens, as a
    hand-written tokenizer_config.json does: decoding then has to drop them itself."""
    from transformers import GenerationConfig
    from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES

    destination.mkdir(parents=True, exist_ok=True)
    model_bytes, pieces = _train_sentencepiece(texts)
    (destination / "sentencepiece.bpe.model").write_bytes(model_bytes)
    vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for piece, _ in pieces:
        vocab.setdefault(piece, len(vocab))
    (destination / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False))
    codes = FAIRSEQ_LANGUAGE_CODES["m2m100"]
    tokenizer_config: dict[str, Any] = {
        "tokenizer_class": "M2M100Tokenizer",
        "model_max_length": 1024,
        "num_madeup_words": 8,
    }
    if list_language_tokens:
        tokenizer_config["additional_special_tokens"] = [f"__{code}__" for code in codes]
    (destination / "tokenizer_config.json").write_text(json.dumps(tokenizer_config))
    config = _m2m100_config(len(vocab) + len(codes) + 8)  # pieces, language tokens, made-up words
    _save_random_model(_tiny(config, tiny), destination, seed)
    # facebook/m2m100_418M's generation settings: no forced language of its own.
    GenerationConfig(
        bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
        num_beams=5, max_length=200, early_stopping=True,
    ).save_pretrained(destination)  # fmt: skip
    return destination


def _m2m100_config(vocab_size: int) -> Any:
    """The M2M100 architecture's special-token layout (M2M100 and NLLB-200 share it)."""
    from transformers import M2M100Config

    return M2M100Config(
        vocab_size=vocab_size,
        max_position_embeddings=1024,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
    )


def build_nllb(
    destination: Path, *, texts: Iterable[str], tiny: bool = True, seed: int = 0
) -> Path:
    """A random-weight NLLB-200 translator (M2M100 architecture, NllbTokenizer with a BPE vocabulary
    trained on ``texts`` and the 202 FLORES codes such as ``deu_Latn``)."""
    from tokenizers import SentencePieceBPETokenizer
    from transformers import GenerationConfig, NllbTokenizer

    destination.mkdir(parents=True, exist_ok=True)
    trainer = SentencePieceBPETokenizer()
    trainer.train_from_iterator(
        [line for text in texts for line in text.splitlines() if line.strip()],
        vocab_size=600,
        min_frequency=1,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>"],
        show_progress=False,
    )
    trained = json.loads(trainer.to_str())["model"]
    merges = [tuple(m.split(" ")) if isinstance(m, str) else tuple(m) for m in trained["merges"]]
    tokenizer = NllbTokenizer(vocab=trained["vocab"], merges=merges, model_max_length=1024)
    tokenizer.save_pretrained(destination)
    config = _m2m100_config(len(tokenizer))
    _save_random_model(_tiny(config, tiny), destination, seed)
    GenerationConfig(
        bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1, max_length=200
    ).save_pretrained(destination)
    return destination


def build_mbart50(
    destination: Path, *, texts: Iterable[str], tiny: bool = True, seed: int = 0
) -> Path:
    """A random-weight mBART-50 many-to-many translator (codes ``de_DE``, ``en_XX``)."""
    from transformers import GenerationConfig, MBart50Tokenizer, MBartConfig

    destination.mkdir(parents=True, exist_ok=True)
    tokenizer = MBart50Tokenizer(
        vocab=_train_unigram(texts), bos_token="<s>", model_max_length=1024
    )
    tokenizer.save_pretrained(destination)
    config = MBartConfig(
        vocab_size=len(tokenizer),
        max_position_embeddings=1024,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
        forced_eos_token_id=2,
        scale_embedding=True,
        # Fields facebook/mbart-large-50's config.json carries (CTranslate2's converter reads them).
        normalize_before=True,
        add_final_layer_norm=True,
        normalize_embedding=True,
        static_position_embeddings=False,
        add_bias_logits=False,
    )
    # Random tied embeddings repeat the last token: the forced en_XX, which decodes to nothing.
    language_ids = list(tokenizer.lang_code_to_id.values())
    _save_random_model(_tiny(config, tiny), destination, seed, never_generated=language_ids)
    GenerationConfig(
        bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
        forced_eos_token_id=2, num_beams=5, max_length=200,
    ).save_pretrained(destination)  # fmt: skip
    return destination


def build_mbart_cc25(
    destination: Path, *, texts: Iterable[str], tiny: bool = True, seed: int = 0
) -> Path:
    """A random-weight mBART (cc25) translator into English, as the fine-tunes of
    facebook/mbart-large-cc25 are: an MBartTokenizer (codes ``de_DE``, ``en_XX``) and a decoder
    that starts with the target's code (``decoder_start_token_id``)."""
    from transformers import GenerationConfig, MBartConfig, MBartTokenizer

    destination.mkdir(parents=True, exist_ok=True)
    tokenizer = MBartTokenizer(vocab=_train_unigram(texts), model_max_length=1024)
    tokenizer.save_pretrained(destination)
    english = tokenizer.convert_tokens_to_ids("en_XX")
    config = MBartConfig(
        vocab_size=len(tokenizer), max_position_embeddings=1024, pad_token_id=1, bos_token_id=0,
        eos_token_id=2, decoder_start_token_id=english, forced_eos_token_id=2,
        # Fields facebook/mbart-large-cc25's config.json carries (CTranslate2's converter reads
        # them).
        normalize_before=True, add_final_layer_norm=True, normalize_embedding=True,
        static_position_embeddings=False, add_bias_logits=False, scale_embedding=True,
    )  # fmt: skip
    # Random tied embeddings repeat the last token: the start's en_XX, which decodes to nothing.
    language_ids = list(tokenizer.lang_code_to_id.values())
    _save_random_model(_tiny(config, tiny), destination, seed, never_generated=language_ids)
    GenerationConfig(
        bos_token_id=0, decoder_start_token_id=english, eos_token_id=2, pad_token_id=1,
        forced_eos_token_id=2, num_beams=5, max_length=200,
    ).save_pretrained(destination)  # fmt: skip
    return destination


def build_pegasus(
    destination: Path, *, texts: Iterable[str], tiny: bool = True, seed: int = 0
) -> Path:
    """A random-weight PEGASUS summarizer (google/pegasus-cnn_dailymail's layout and settings)."""
    from transformers import GenerationConfig, PegasusConfig, PegasusTokenizer

    destination.mkdir(parents=True, exist_ok=True)
    # PEGASUS ids: <pad> 0, </s> 1, <mask_1> 2, <mask_2> 3, <unk_2>..<unk_102>, then the pieces.
    reserved = [("<pad>", 0.0), ("</s>", 0.0), ("<mask_1>", 0.0), ("<mask_2>", 0.0)]
    reserved += [(f"<unk_{i}>", 0.0) for i in range(2, 103)] + [("<unk>", 0.0)]
    tokenizer = PegasusTokenizer(vocab=reserved + _train_unigram(texts)[3:], model_max_length=1024)
    tokenizer.save_pretrained(destination)
    summarization = {"length_penalty": 0.8, "max_length": 128, "min_length": 32, "num_beams": 8}
    config = PegasusConfig(
        vocab_size=len(tokenizer),
        max_position_embeddings=1024,
        pad_token_id=0,
        eos_token_id=1,
        decoder_start_token_id=0,
        forced_eos_token_id=1,
        task_specific_params={"summarization": summarization},
        # Fields google/pegasus-cnn_dailymail's config.json carries (CTranslate2's converter
        # reads them; without them it cannot convert the model).
        normalize_before=True,
        add_final_layer_norm=True,
        normalize_embedding=False,
        static_position_embeddings=True,
        add_bias_logits=False,
    )
    _save_random_model(_tiny(config, tiny), destination, seed)
    GenerationConfig(
        pad_token_id=0, eos_token_id=1, decoder_start_token_id=0, forced_eos_token_id=1,
        **summarization,
    ).save_pretrained(destination)  # fmt: skip
    return destination


def build_led(
    destination: Path,
    *,
    texts: Iterable[str],
    tiny: bool = True,
    window: int = 16384,
    attention_window: int = 16,
    tokenizer_states_window: bool = True,
    seed: int = 0,
) -> Path:
    """A random-weight LED summarizer with a ``window``-token encoder (allenai/led-large-16384's
    layout: BART's byte-level BPE, local attention over ``attention_window`` tokens).
    ``tokenizer_states_window=False``: the tokenizer gives no model_max_length."""
    from transformers import GenerationConfig, LEDConfig

    destination.mkdir(parents=True, exist_ok=True)
    vocab_size = train_bart_tokenizer(texts, destination)
    tokenizer_config: dict[str, Any] = {"tokenizer_class": "LEDTokenizer"}
    if tokenizer_states_window:
        tokenizer_config["model_max_length"] = window
    (destination / "tokenizer_config.json").write_text(json.dumps(tokenizer_config))
    layers = TINY_LAYERS["encoder_layers"] if tiny else 12
    config = LEDConfig(
        vocab_size=vocab_size,
        max_encoder_position_embeddings=window,
        max_decoder_position_embeddings=1024,
        attention_window=[attention_window] * layers,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        decoder_start_token_id=2,
    )
    _save_random_model(_tiny(config, tiny), destination, seed)
    GenerationConfig(
        bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
        num_beams=4, max_length=512, min_length=100, length_penalty=2.0, no_repeat_ngram_size=3,
        early_stopping=True,
    ).save_pretrained(destination)  # fmt: skip
    return destination


def echo_text(text: str) -> str:
    """The echo backend's output for ``text``: a known function of the input, so tests can
    check by content that every output went back to its own input."""
    return f"EN({text})"


class WordTokenizer:
    """Just enough of a tokenizer for :class:`summarize.models.LoadedModel`: one token per word
    plus an end token, so windows are easy to reason about in tests."""

    is_fast = False  # no offsets, and no special tokens to find in the text

    def __call__(
        self,
        text: str | list[str] = "",
        add_special_tokens: bool = True,
        text_target: str | None = None,
        split_special_tokens: bool = False,  # as real ones take it; no special tokens here
        verbose: bool = True,  # as real ones take it; nothing here to warn of
    ) -> dict[str, Any]:
        if isinstance(text, list):
            return {"input_ids": [self(one, add_special_tokens)["input_ids"] for one in text]}
        words = list(range(len(self.words(text_target if text_target is not None else text))))
        return {"input_ids": [*words, -1] if add_special_tokens else words}

    def words(self, text: str) -> list[str]:
        return text.split()


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
