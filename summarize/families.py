"""Model families: what each seq2seq architecture needs besides its weights.

Multilingual translators (M2M100, NLLB-200, mBART-50) choose their languages by special tokens:
the tokenizer puts the source language's token into the encoder input (its ``src_lang``), and
generation must start with the target language's token (``forced_bos_token_id``); without it the
model answers in whatever language it likes. Prompted models (T5, flan-T5) read the task from a
text prefix. The family is detected from the model config and the tokenizer; the codes can be
overridden with ``source_lang`` / ``target_lang`` in the model's config section.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from summarize.errors import ConfigError

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase

logger = logging.getLogger("summarize")

Task = Literal["translation", "summarization"]


@dataclass(frozen=True)
class LanguageCodes:
    """A family's codes for the two languages this tool works with."""

    german: str
    english: str


@dataclass(frozen=True)
class Family:
    name: str  # as shown by `summarize models list`
    label: str  # as written in messages
    codes: LanguageCodes | None = None  # None: the model takes no language codes
    translation_prefix: str = ""  # used when neither the model nor the config names one
    summarization_prefix: str = ""
    window: int | None = None  # input tokens, when neither the tokenizer nor the config says
    # What the family's checkpoints are made for; a model used for the other task is warned of.
    tasks: frozenset[Task] = frozenset(("translation", "summarization"))

    def default_prefix(self, task: Task) -> str:
        return self.translation_prefix if task == "translation" else self.summarization_prefix


TRANSLATION: frozenset[Task] = frozenset(("translation",))
SUMMARIZATION: frozenset[Task] = frozenset(("summarization",))
M2M100 = Family("m2m100", "M2M100", LanguageCodes("de", "en"), tasks=TRANSLATION)
NLLB = Family("nllb", "NLLB-200", LanguageCodes("deu_Latn", "eng_Latn"), tasks=TRANSLATION)
MBART50 = Family("mbart-50", "mBART-50", LanguageCodes("de_DE", "en_XX"), tasks=TRANSLATION)
# mBART checkpoints are fine-tuned for translation and for (multilingual) summarization alike.
MBART = Family("mbart", "mBART", LanguageCodes("de_DE", "en_XX"))
# T5 was trained with task prefixes; flan-T5 follows instructions of the same shape.
T5 = Family("t5", "T5", None, "translate German to English: ", "summarize: ")
# OPUS-MT models with several target languages read the target from a token before the text.
MARIAN_MULTI_TARGET = Family(
    "marian", "MarianMT (multi-target)", None, ">>eng<< ", tasks=TRANSLATION
)
# MADLAD-400 (google/madlad400-3b-mt, ...) is a T5 that reads the language to write from a
# token before the text, as multi-target OPUS-MT does: "<2en>". It got T5's prompt "translate
# German to English: ", which names no target to it, and no word said so.
MADLAD = Family("madlad", "MADLAD-400", None, "<2en> ", tasks=TRANSLATION)
_T5_TYPES = frozenset(("t5", "mt5", "umt5"))
_BY_MODEL_TYPE = {
    "marian": Family("marian", "MarianMT", tasks=TRANSLATION),
    "bart": Family("bart", "BART", tasks=SUMMARIZATION),
    "pegasus": Family("pegasus", "PEGASUS", tasks=SUMMARIZATION),
    "pegasus_x": Family("pegasus-x", "PEGASUS-X", tasks=SUMMARIZATION),
    "led": Family("led", "LED", tasks=SUMMARIZATION),
    # Relative positions and T5 tokenizers without a limit: the window LongT5 was trained for.
    "longt5": Family("longt5", "LongT5", window=16384, tasks=SUMMARIZATION),
    "t5": T5,
    "mt5": T5,
    "umt5": T5,
}


# Text a family's checkpoints write between sentences, by family name: PEGASUS fine-tuned on
# CNN/DailyMail writes "<n>" (its training data's line breaks, kept as text), no word of the
# summary; it reached the brief as "\<n\>". Taken out of the outputs (batching.generate_texts).
SENTENCE_MARKS = {"pegasus": "<n>"}


@dataclass(frozen=True)
class Languages:
    """The language codes a model runs with, and the token ids they stand for."""

    source: str
    target: str
    source_token_id: int
    target_token_id: int


def detect_family(config: Any, tokenizer: PreTrainedTokenizerBase) -> Family:
    """The family of a model, from its config's model_type and its tokenizer's class."""
    model_type = str(getattr(config, "model_type", "") or "")
    tokenizer_class = type(tokenizer).__name__
    if tokenizer_class.startswith("Nllb"):
        return NLLB
    if tokenizer_class.startswith("M2M100"):
        return M2M100
    if tokenizer_class.startswith("MBart50"):
        return MBART50
    if model_type == "m2m_100":  # NLLB-200 is an M2M100 architecture with other codes
        return NLLB if _token_id(tokenizer, "eng_Latn") is not None else M2M100
    if model_type == "mbart":
        return MBART
    if model_type == "marian" and _token_id(tokenizer, ">>eng<<") is not None:
        return MARIAN_MULTI_TARGET
    if model_type in _T5_TYPES and _token_id(tokenizer, "<2en>") is not None:
        return MADLAD
    return _BY_MODEL_TYPE.get(model_type) or Family(model_type or "unknown", model_type or "?")


# Families made for each task, as named in the warning for a model set for the other one.
_FOR_TASK: dict[Task, tuple[str, str]] = {
    "translation": ("translate", "MarianMT, M2M100, NLLB-200, mBART-50, MADLAD-400 or T5"),
    "summarization": ("summarize", "BART, DistilBART, PEGASUS, LED, LongT5 or T5"),
}


def families_for(task: Task) -> str:
    """The families made for ``task``, as messages name them."""
    return _FOR_TASK[task][1]


def task_mismatch(task: Task, model: str, family: Family) -> str | None:
    """A warning when ``family`` is made for the other task only (a summarizer set as the
    translator, or the reverse); None when it fits or the family is not known. Not an error:
    such a model still runs, but what it writes is not what the task asks for."""
    if task in family.tasks:
        return None
    (other,) = family.tasks
    verb, families = _FOR_TASK[task]
    return (
        f"the {task} model {model!r} is a {family.label} model, made for {other}: it was not "
        f"trained to {verb}. Set {task}.model to a {task} model, e.g. {families}"
    )


# Codes OPUS-MT tokenizers write in tokenizer_config.json (source_lang / target_lang): ISO 639-1
# or 639-2/3. A three-letter code may also name a group (gmw, mul): groups are not judged.
_GERMAN_CODES = frozenset(("de", "deu", "ger"))
_ENGLISH_CODES = frozenset(("en", "eng"))
# The groups: ISO 639-5's language families and groups, which OPUS-MT's multilingual models
# name (gmw, gem, roa, zle, ...), and ISO 639-2's "mul". Any other three-letter code is one
# language: an opus-mt-tc-big de-es folder (deu to spa) ran without a word, as only deu and eng
# were read as languages, and wrote Spanish where English belongs.
_LANGUAGE_GROUPS = frozenset(
    """mul aav afa alg alv apa aqa aql art ath auf aus awd azc bad bai bat ber bih bnt btk
    cai cau cba ccn ccs cdc cdd cel cmc cpe cpf cpp crp csu cus day dmn dra egx esx euq fiu fox
    gem gme gmq gmw grk hmx hok hyx iir ijo inc ine ira iro itc jpx kar kdo khi kro map mkh mno
    mun myn nah nai ngf nic nub omq omv oto paa phi plf poz pqe pqw pra qwe roa sai sal sdv sem
    sgn sio sit sla smi son sqj ssa syd tai tbq trk tup tut tuw urj wak wen xgn xnd ypk zhx zle
    zls zlw znd""".split()
)


def direction_mismatch(
    task: Task,
    model: str,
    family: Family,
    tokenizer: PreTrainedTokenizerBase,
    languages: Languages | None = None,
) -> str | None:
    """A warning when the translator's tokenizer names the language pair it was made for
    (OPUS-MT's source_lang / target_lang) and that pair is not German to English: an opus-mt
    en-de folder given for de-en ran without a word and wrote German where English belongs.
    So for a multilingual family's codes (``languages``, as :func:`resolve_languages` set them)
    that are not its German and English ones: "--set translation.source_lang=eng_Latn --set
    translation.target_lang=deu_Latn" on NLLB, swapped by mistake, wrote German briefs unsaid.
    None for a pair that fits, a group code (mul, gmw), a model that names no pair, and a family
    without codes of its own."""
    if task != "translation":
        return None
    if takes_language_codes(family, tokenizer):
        codes = family.codes
        if languages is None or codes is None:
            return None
        if (languages.source, languages.target) == (codes.german, codes.english):
            return None
        return (
            f"the translation model {model!r} ({family.label}) is set to translate "
            f"{languages.source} to {languages.target} (translation.source_lang / target_lang), "
            f"not German to English ({codes.german} to {codes.english}): the briefs need the "
            "German articles read and English written. Remove the two settings, or set them to "
            "those codes"
        )
    # OPUS-MT names its pair source_lang / target_lang, FSMT (facebook/wmt19-*) src_lang /
    # tgt_lang: wmt19-en-de given for de-en ran without a word.
    source, target = (
        next((str(value).lower() for name in names if (value := getattr(tokenizer, name, ""))), "")
        for names in (("source_lang", "src_lang"), ("target_lang", "tgt_lang"))
    )

    def is_language(code: str) -> bool:  # one language, not a group of them
        return len(code) == 2 or (len(code) == 3 and code not in _LANGUAGE_GROUPS)

    wrong_target = is_language(target) and target not in _ENGLISH_CODES
    wrong_source = is_language(source) and source not in _GERMAN_CODES
    if not (wrong_target or wrong_source):
        return None
    return (
        f"the translation model {model!r} ({family.label}) translates {source or '?'} to "
        f"{target or '?'} (its tokenizer's language pair), not German to English: "
        "what it writes is not the English the briefs need. Set translation.model to a "
        "German-to-English model, e.g. Helsinki-NLP/opus-mt-de-en"
    )


def takes_language_codes(family: Family, tokenizer: PreTrainedTokenizerBase) -> bool:
    """A known multilingual family, or a tokenizer with a ``src_lang`` switch of its own."""
    return family.codes is not None or isinstance(
        getattr(type(tokenizer), "src_lang", None), property
    )


def _token_for_code(tokenizer: PreTrainedTokenizerBase, code: str) -> str:
    # M2M100 writes the code "de" as the token "__de__"; NLLB and mBART use the code itself.
    mapping = getattr(tokenizer, "lang_code_to_token", None)
    if isinstance(mapping, dict) and code in mapping:
        return str(mapping[code])
    return code


def _code_named(tokenizer: PreTrainedTokenizerBase, code: str) -> str:
    """The code that ``code`` names: M2M100's language token "__de__", as tokenizer_config.json
    lists it, is the code "de" (its tokenizer's src_lang takes the code alone, and the token
    form was refused as having no language token)."""
    mapping = getattr(tokenizer, "lang_code_to_token", None)
    if not isinstance(mapping, dict) or code in mapping:
        return code
    return next((known for known, token in mapping.items() if token == code), code)


def _token_id(tokenizer: PreTrainedTokenizerBase, token: str) -> int | None:
    """The id of ``token`` when the tokenizer knows it as a whole token, else None."""
    token_id = tokenizer.convert_tokens_to_ids(token)
    if not isinstance(token_id, int) or token_id == tokenizer.unk_token_id:
        return None
    if tokenizer.convert_ids_to_tokens(token_id) == token:
        return token_id
    # An OPUS-MT tokenizer with separate vocabularies reads ids back through the target one:
    # a multi-target model's ">>eng<<" of its source vocabulary was not found, and it ran
    # without the token that names the language to write.
    return token_id if tokenizer.get_vocab().get(token) == token_id else None


_LANGUAGE_TABLES = ("lang_code_to_token", "lang_code_to_id", "lang_token_to_id")


def _language_token_id(tokenizer: PreTrainedTokenizerBase, code: str) -> int | None:
    """The id of the language token for ``code``. Language tokens are special (added) tokens:
    a code that is only an ordinary piece of the vocabulary (NLLB-200's "de" in "Sude") would
    go into every input as a word, and the model would not know the language."""
    token = _token_for_code(tokenizer, code)
    # M2M100's tokenizer keeps its language tokens in tables of its own, which need not list
    # them among its special tokens.
    tables = [getattr(tokenizer, name, None) for name in _LANGUAGE_TABLES]
    listed = any(isinstance(table, dict) and (code in table or token in table) for table in tables)
    if not listed and token not in {*tokenizer.all_special_tokens, *tokenizer.get_added_vocab()}:
        return None
    return _token_id(tokenizer, token)


def resolve_languages(
    task: Task,
    model: str,
    family: Family,
    tokenizer: PreTrainedTokenizerBase,
    source_lang: str | None,
    target_lang: str | None,
) -> Languages | None:
    """Set the tokenizer's source language and return the codes and token ids to generate with.

    None for a model that takes no language codes. Raises ConfigError when the model needs codes
    that cannot be found, or when codes are set for a model that takes none."""
    if not takes_language_codes(family, tokenizer):
        if source_lang or target_lang:
            raise ConfigError(
                f"{task}.source_lang / {task}.target_lang are set, but the {task} model "
                f"{model!r} ({family.label}) takes no language codes: remove them from the "
                f"[{task}] section."
            )
        return None
    # A family with no codes of its own (PLBart's tokenizer has a src_lang switch) takes them
    # from the config, else the message below says which to set.
    german, english = (family.codes.german, family.codes.english) if family.codes else (None, None)
    default_source = german if task == "translation" else english
    source = source_lang or default_source
    target = target_lang or english
    source = _code_named(tokenizer, source) if source else source
    target = _code_named(tokenizer, target) if target else target
    source_id = _language_token_id(tokenizer, source) if source else None
    target_id = _language_token_id(tokenizer, target) if target else None
    if source is None or target is None or source_id is None or target_id is None:
        raise ConfigError(_missing_codes_message(task, model, family, source, target, source_id))
    try:
        tokenizer.src_lang = source  # type: ignore[attr-defined]
        tokenizer.tgt_lang = target  # type: ignore[attr-defined]
    except (KeyError, ValueError, AttributeError):
        raise ConfigError(
            _missing_codes_message(task, model, family, source, target, None)
        ) from None
    if source_id not in tokenizer("a", add_special_tokens=True)["input_ids"]:
        raise ConfigError(
            f"The {task} model {model!r} ({family.label}): setting the tokenizer's source "
            f"language to {source!r} does not put its token into the input, so the model would "
            "not know the source language. Use the tokenizer files that came with the model."
        )
    logger.debug("%s model %s: source language %s, target %s (forced token id %d)",
                 task, model, source, target, target_id)  # fmt: skip
    return Languages(source, target, source_id, target_id)


def _missing_codes_message(
    task: Task,
    model: str,
    family: Family,
    source: str | None,
    target: str | None,
    source_id: int | None,
) -> str:
    if source is None or target is None:
        found = "no language codes are known for it"
    else:
        missing = target if source_id is not None else source
        found = f"its tokenizer has no language token for the code {missing!r}"
    example = family.codes or LanguageCodes("<code>", "<code>")
    return (
        f"The {task} model {model!r} ({family.label}) chooses its languages by special tokens, "
        f"but {found}. Add the codes this model's tokenizer uses (its language tokens, listed "
        f"in tokenizer_config.json) to the [{task}] section: source_lang for the input "
        f"language and target_lang for English, e.g. --set {task}.source_lang={example.german} "
        f"--set {task}.target_lang={example.english}. Codes by family: M2M100 de/en, "
        "NLLB-200 deu_Latn/eng_Latn, mBART-50 de_DE/en_XX."
    )


def family_generation(languages: Languages | None) -> dict[str, Any]:
    """generate() settings a family needs: over the model's own settings (which may force
    another language), under the user's [*.generation] table."""
    if languages is None:
        return {}
    return {"forced_bos_token_id": languages.target_token_id}
