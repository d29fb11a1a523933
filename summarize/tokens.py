"""The token ids a model reads for article text: text stays text.

A tokenizer matches its special tokens' strings wherever they stand. ``split_special_tokens``
stops that for the tokens it adds itself, but sentencepiece vocabularies (T5, FLAN-T5,
PEGASUS, mBART) hold ``</s>``, ``<pad>`` or ``<mask_1>`` as ordinary pieces, and mBART-50's
language codes were matched as well: "</s>" in an article ended T5's input in mid-text and
"de_DE" switched mBART-50's language. Such a piece matched in the text is read here as the
pieces of its characters (a character the vocabulary lacks as its unknown token, as
everywhere else in the text).

MarianTokenizer reads a text that starts with ">>" as a target-language code up to its first
"<<" (">>fra<<"), one token, whatever stands between: a web page's ">> Mehr lesen: … <<" or
">>> Jetzt bestellen! <<<" was one unknown token, and the translator saw nothing of the
sentence. Such a "code" that is no token of the vocabulary is read here as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase


# MADLAD-400's target-language tags, "<2en>", "<2fr>", "<2zh_Latn>": tokens of its vocabulary
# that are not special, so its tokenizer matched them inside the text too. "<2fr>" in a German
# article told the model to write French from there on.
_TARGET_TAG = re.compile(r"<2[A-Za-z_-]+>")

# verbose=False: a text longer than the model's window is what the pipeline splits or chunks
# before the model reads it, yet the tokenizer warned that "Running this sequence through the
# model will result in indexing errors" on a library user's stderr (the command line quiets it).
_TEXT_OPTIONS = {"add_special_tokens": True, "split_special_tokens": True, "verbose": False}


@dataclass(frozen=True)
class TextEncoder:
    """Input ids for texts, the tokenizer's own special tokens added around each."""

    tokenizer: PreTrainedTokenizerBase
    controls: Mapping[int, str]  # special token id -> its string
    # Target-language tags (MADLAD-400's "<2en>") id -> string: text, except where one starts
    # the input (the prefix that names the language to write).
    tags: Mapping[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, tokenizer: PreTrainedTokenizerBase) -> TextEncoder:
        # Listed once: T5's hundred sentinels take 30 µs to list, as long as a sentence's tokens.
        if not getattr(tokenizer, "is_fast", False):  # python tokenizers split at them first
            return cls(tokenizer, {})
        tags = {
            token_id: token
            for token, token_id in tokenizer.get_added_vocab().items()
            if _TARGET_TAG.fullmatch(token)
        }
        return cls(
            tokenizer,
            dict(zip(tokenizer.all_special_ids, tokenizer.all_special_tokens, strict=True)),
            MappingProxyType(tags),
        )

    def __call__(self, texts: list[str]) -> list[list[int]]:
        texts = [without_false_code(self.tokenizer, text) for text in texts]
        if not self.controls and not self.tags:
            return self.tokenizer(texts, **_TEXT_OPTIONS)["input_ids"]
        encoded = self.tokenizer(texts, **_TEXT_OPTIONS, return_offsets_mapping=True)
        return [
            self._as_text(text, ids, offsets)
            for text, ids, offsets in zip(
                texts, encoded["input_ids"], encoded["offset_mapping"], strict=True
            )
        ]

    def _as_text(self, text: str, ids: list[int], offsets: list[tuple[int, int]]) -> list[int]:
        # The tokens the tokenizer adds (its start, end and language tokens) cover no text.
        matched = [
            (token in self.controls and text[start:end] == self.controls[token])
            or (start > 0 and token in self.tags and text[start:end] == self.tags[token])
            for token, (start, end) in zip(ids, offsets, strict=True)
        ]
        if not any(matched):
            return ids
        read: list[int] = []
        for token, (start, end), in_text in zip(ids, offsets, matched, strict=True):
            read.extend(self._character_ids(text[start:end]) if in_text else [token])
        return read

    def _character_ids(self, written: str) -> list[int]:
        """One piece per character, inside a word (the word's start, "▁", was its own piece)."""
        unknown = self.tokenizer.unk_token_id
        ids = self.tokenizer.convert_tokens_to_ids(list(written))
        return [unknown if token is None else token for token in ids]


def without_false_code(tokenizer: PreTrainedTokenizerBase, text: str) -> str:
    """The text with a space before a leading ">>…<<" that MarianTokenizer would read as a
    language code and that is no token of its vocabulary (then the unknown token).
    Sentencepiece drops the space, so the text reads as the same pieces as elsewhere."""
    if not text.startswith(">>") or not hasattr(tokenizer, "remove_language_code"):
        return text
    code, _ = tokenizer.remove_language_code(text)
    if not code or tokenizer.convert_tokens_to_ids(code[0]) != tokenizer.unk_token_id:
        return text  # no code, or a real one (a multi-target model's ">>eng<< " prefix)
    return " " + text


def unknown_text(tokenizer: PreTrainedTokenizerBase, text: str) -> list[str]:
    """The parts of ``text`` the tokenizer reads as its unknown token, in order: what its model
    sees nothing of. Read from the tokenizer itself (the offsets of a fast one, the pieces of a
    sentencepiece one), not guessed from character classes."""
    unknown = getattr(tokenizer, "unk_token_id", None)
    if unknown is None:
        return []
    if getattr(tokenizer, "is_fast", False):
        encoded = tokenizer(
            text, add_special_tokens=False, split_special_tokens=True, return_offsets_mapping=True
        )
        pairs = zip(encoded["input_ids"], encoded["offset_mapping"], strict=True)
        # A written "<unk>" matched as the token is read as its characters (TextEncoder).
        spans = [text[start:end] for token, (start, end) in pairs if token == unknown]
        return [span for span in spans if span != tokenizer.unk_token]
    pieces = tokenizer.tokenize(without_false_code(tokenizer, text), split_special_tokens=True)
    ids = tokenizer.convert_tokens_to_ids(pieces)
    # A sentencepiece piece the vocabulary lacks is its text, after the word-start mark.
    return [piece.lstrip("▁") for piece, token in zip(pieces, ids, strict=True) if token == unknown]


# The punctuation OPUS-MT rewrote before SentencePiece, in its training data (Moses'
# replace-unicode-punctuation.perl: Helsinki-NLP/OPUS-MT-train lib/config.mk:425 "PRE ?= simple",
# lib/preprocess.mk:291-318) and in the text it translates (scripts/preprocess-spm.sh:19-54,
# shipped with each model as preprocess.sh). So the opus-mt-de-en vocabulary holds no “ ” ’,
# which that rewrote, and does hold „ ‚ ‘ – « », which it left; MarianTokenizer rewrites nothing
# (its Moses normaliser is never called when it encodes), and each “ ” ’ was its unknown token:
# 3,355 on the 588 dev pages. The single characters of sacremoses'
# MosesPunctNormalizer.REPLACE_UNICODE_PUNCTUATION, the script's copy (a test compares them),
# listed here because importing sacremoses costs 0.34 s of CPU (models.defer_marian_normalizer).
TRAINING_PUNCTUATION: Mapping[str, str] = MappingProxyType(
    {
        "，": ",", "、": ",", "”": '"', "“": '"', "∶": ":", "：": ":", "？": "?", "《": '"',
        "》": '"', "）": ")", "！": "!", "（": "(", "；": ";", "」": '"', "「": '"', "０": "0",
        "１": "1", "２": "2", "３": "3", "４": "4", "５": "5", "６": "6", "７": "7", "８": "8",
        "９": "9", "～": "~", "’": "'", "…": "...", "━": "-", "〈": "<", "〉": ">", "【": "[",
        "】": "]", "％": "%",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Respelled:
    """A text as a model reads it, and the characters it was given in another spelling."""

    text: str
    replaced: tuple[str, ...] = ()  # the characters replaced, each time, in order


class UnknownCharacters:
    """Which characters one tokenizer reads as its unknown token, and, for those, an equal
    spelling it reads: the character's NFKC form, else its rewriting in OPUS-MT's preprocessing
    (:data:`TRAINING_PUNCTUATION`). Each character is asked of the tokenizer once."""

    def __init__(self, tokenizer: PreTrainedTokenizerBase) -> None:
        self.tokenizer = tokenizer
        self._unknown: dict[str, bool] = {}
        self._spelling: dict[str, str | None] = {}

    def unknown(self, character: str) -> bool:
        """Whether the tokenizer reads ``character`` alone as its unknown token."""
        known = self._unknown.get(character)
        if known is None:
            known = self._unknown[character] = bool(unknown_text(self.tokenizer, character))
        return known

    def in_text(self, text: str) -> list[str]:
        """The characters of ``text`` the tokenizer reads as its unknown token, each once."""
        if getattr(self.tokenizer, "unk_token_id", None) is None:
            return []
        return [character for character in dict.fromkeys(text) if self.unknown(character)]

    def readable_spelling(self, character: str) -> str | None:
        """What stands for ``character`` (one the tokenizer cannot read) in a spelling it can
        read and that says the same; None when there is none."""
        if character not in self._spelling:
            candidates = (
                unicodedata.normalize("NFKC", character),
                TRAINING_PUNCTUATION.get(character, character),
            )
            self._spelling[character] = next(
                (
                    spelling
                    for spelling in candidates
                    if spelling != character and not any(self.unknown(other) for other in spelling)
                ),
                None,
            )
        return self._spelling[character]

    def respelled(self, text: str) -> Respelled:
        """``text`` with each character the tokenizer cannot read, and that has a spelling it
        reads (:meth:`readable_spelling`), in that spelling: opus-mt read the “ ” and ’ of
        „Wir haben’s geschafft“ as unknown tokens, where its training data had " and '."""
        spellings = {
            character: spelling
            for character in self.in_text(text)
            if (spelling := self.readable_spelling(character)) is not None
        }
        if not spellings:
            return Respelled(text)
        replaced = tuple(character for character in text if character in spellings)
        return Respelled("".join(spellings.get(c, c) for c in text), replaced)
