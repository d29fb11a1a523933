"""Speed modes: torch int8 and CTranslate2 on the same random weights as the fp32 path."""

from __future__ import annotations

import builtins
import json
import logging
import re
import shutil
import threading
from pathlib import Path

import pytest
from conftest import MARIAN_HUB, require_shared_hub

from summarize.backends import _cache_keyword
from summarize.config import SummarizationSettings, TranslationSettings
from summarize.errors import ConfigError
from summarize.models import load_model
from summarize.summarization import Summarizer
from summarize.translation import Translator

SENTENCES = [
    "Nordkorea hat Russland tausende Soldaten zur Verfügung gestellt.",
    "Viele sind bei den Kämpfen umgekommen.",
    "Jetzt schickt Pjöngjang Verstärkung.",
    "Der Kreml äußerte sich zunächst nicht zu dem Bericht.",
]
FORCED = {"min_new_tokens": 6, "max_new_tokens": 6, "num_beams": 2}


def _translate(model: Path, **options) -> list[str]:
    settings = TranslationSettings(model=str(model), generation=FORCED, **options)
    translator = Translator(load_model("translation", settings, Path("models")), settings)
    return [item.text for item in translator.translate(SENTENCES)]


def test_ctranslate2_matches_torch_on_the_same_weights(models, caplog) -> None:
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    reference = _translate(models.marian)
    caplog.set_level(logging.INFO, logger="summarize")
    converted = _translate(models.marian, backend="ctranslate2")
    assert converted == reference
    (kept,) = models.marian.parent.glob(models.marian.name + ".ct2-float32-*")
    assert (kept / "model.bin").is_file()  # conversion kept beside the local model
    assert "converting" in caplog.text or "using the CTranslate2 conversion" in caplog.text
    caplog.clear()
    assert _translate(models.marian, backend="ctranslate2") == reference
    assert "using the CTranslate2 conversion" in caplog.text and "converting" not in caplog.text


def test_ctranslate2_summarizer_keeps_the_forced_bos_and_lengths(models) -> None:
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    generation = {"min_new_tokens": 8, "max_new_tokens": 8, "num_beams": 2}
    outputs = []
    for backend in ("torch", "ctranslate2"):
        settings = SummarizationSettings(
            model=str(models.bart), generation=generation, backend=backend
        )
        summarizer = Summarizer(load_model("summarization", settings, Path("models")), settings)
        outputs.append(summarizer.summarize(["The soldiers arrived on Monday."]).text)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize(
    "generation",
    [{"max_new_tokens": 8, "num_beams": 2}, {"max_length": 9, "min_length": 0, "num_beams": 1}],
)
def test_ctranslate2_counts_the_tokens_it_wrote_as_torch_does(models, generation) -> None:
    """The output-limit notes read how many tokens the backend wrote: at the limit CTranslate2
    stops one token before the end token transformers forces there, and counts as torch."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    texts = ["The soldiers arrived on Monday.", "Kursk."]
    counts = []
    for backend in ("torch", "ctranslate2"):
        settings = SummarizationSettings(
            model=str(models.bart), generation=generation, backend=backend
        )
        loaded = load_model("summarization", settings, Path("models"))
        (outputs,) = loaded.backend.generate_batches([texts])
        counts.append([output.tokens for output in outputs])
    assert counts[0] == counts[1]
    assert all(isinstance(count, int) and count > 0 for count in counts[0])


def test_int8_modes_run_and_keep_order(self_contained_models) -> None:
    """Random weights say the same thing whatever the input, so order is made observable: torch
    is pushed to copy its input (encoder_repetition_penalty), CTranslate2 is compared by the
    score of each sentence, which depends on the sentence."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    modes = {
        "torch": ({"quantization": "int8"}, {"encoder_repetition_penalty": 50.0}),
        "ctranslate2": ({"backend": "ctranslate2", "quantization": "int8"}, {}),
    }
    for name, (options, extra) in modes.items():
        settings = TranslationSettings(
            model=str(self_contained_models.marian),
            generation={**FORCED, **extra},
            batch_size=2,
            **options,
        )
        translator = Translator(load_model("translation", settings, Path("models")), settings)

        def signature(sentences: list[str], _name: str = name, _t: Translator = translator):
            results = _t.translate(sentences)
            return [r.text if _name == "torch" else r.logprob for r in results]

        outputs = signature(SENTENCES)
        assert len(set(outputs)) == len(SENTENCES), outputs  # distinct: order is observable
        # Reversed input, reversed output: each result stays with its own sentence.
        assert signature(SENTENCES[::-1]) == outputs[::-1], name
    assert any(
        (folder / "model.bin").is_file()
        for folder in self_contained_models.marian.parent.glob("marian.ct2-int8-*")
    )


@pytest.mark.parametrize(
    "options",
    [{}, {"backend": "ctranslate2"}, {"backend": "ctranslate2", "quantization": "int8"}],
    ids=["torch", "ctranslate2", "ctranslate2-int8"],
)
def test_a_sentence_gets_the_same_output_alone_or_in_any_batch(
    self_contained_models, options: dict[str, str]
) -> None:
    """What the README promises of these modes (a resumed run, a warm cache, another batch size
    or the Ray engine give the same briefs) needs each sentence's output to be its own, not the
    batch's. torch int8 does not keep it (dynamic quantization scales a whole batch's
    activations at once) and is documented so."""
    if options.get("backend") == "ctranslate2":
        pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    extra = (
        {} if options.get("backend") else {"encoder_repetition_penalty": 50.0}
    )  # torch: copy the input

    def outputs(sentences: list[str], batch_size: int) -> list[tuple[str, float]]:
        settings = TranslationSettings(
            model=str(self_contained_models.marian),
            generation={**FORCED, **extra},
            batch_size=batch_size,
            **options,
        )
        translator = Translator(load_model("translation", settings, Path("models")), settings)
        return [(r.text, r.logprob) for r in translator.translate(sentences)]

    together = outputs(SENTENCES, batch_size=len(SENTENCES))
    # Each its own output (torch copies its input; CTranslate2's scores follow the input).
    assert len(
        {text if not options.get("backend") else logprob for text, logprob in together}
    ) == len(SENTENCES)
    for sentence, (text, logprob) in zip(SENTENCES, together, strict=True):
        ((alone_text, alone_logprob),) = outputs([sentence], batch_size=1)
        assert alone_text == text
        assert alone_logprob == (None if logprob is None else pytest.approx(logprob, abs=1e-4))


def test_gpu_precisions_are_refused_on_cpu(self_contained_models) -> None:
    settings = TranslationSettings(
        model=str(self_contained_models.marian), device="cpu", quantization="float16"
    )
    with pytest.raises(ConfigError, match="needs a GPU"):
        load_model("translation", settings, Path("models"))


def test_missing_ctranslate2_names_the_extra(self_contained_models, monkeypatch) -> None:
    real_import = builtins.__import__

    def without_ctranslate2(name: str, *args, **kwargs):
        if name == "ctranslate2":
            raise ImportError("No module named 'ctranslate2'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_ctranslate2)
    settings = TranslationSettings(model=str(self_contained_models.marian), backend="ctranslate2")
    with pytest.raises(ConfigError, match=r"summarize\[fast\]"):
        load_model("translation", settings, Path("models"))


def test_generation_settings_ctranslate2_cannot_honour_are_refused(self_contained_models) -> None:
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    settings = TranslationSettings(
        model=str(self_contained_models.marian),
        backend="ctranslate2",
        generation={"diversity_penalty": 0.5, "num_beam_groups": 2, "num_beams": 4},
    )
    with pytest.raises(ConfigError, match="diversity_penalty"):
        load_model("translation", settings, Path("models"))


@pytest.mark.parametrize("table", ["generation", "chunk_generation"])
def test_settings_ctranslate2_cannot_honour_are_refused_before_the_conversion(
    self_contained_models, tmp_path: Path, table: str
) -> None:
    """Refused only when the weights loaded, such a setting stopped the run after the articles
    were read and the model converted, and `models list` called the model fine."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    folder = shutil.copytree(self_contained_models.bart, tmp_path / "bart")
    settings = SummarizationSettings(
        model=str(folder), backend="ctranslate2", **{table: {"do_sample": True, "top_p": 0.9}}
    )
    expected = (
        rf"\[summarization\.{table}\]: backend = 'ctranslate2' cannot honour the generation "
        r"setting\(s\) top_p; remove them or set summarization\.backend = 'torch'"
    )
    _refused_as_read(settings, expected, tmp_path / "models")
    assert not list(tmp_path.glob("bart.ct2-*"))  # nothing converted


# transformers' own defaults, as a config.json saved before generation_config.json spelt them
# out, or a table copied from such a file: each changes nothing generate() does.
SPELT_OUT_DEFAULTS = {
    "top_p": 1.0,
    "typical_p": 1.0,
    "epsilon_cutoff": 0.0,
    "eta_cutoff": 0.0,
    "diversity_penalty": 0.0,
    "num_beam_groups": 1,
    "encoder_no_repeat_ngram_size": 0,
    "encoder_repetition_penalty": 1.0,
    "remove_invalid_values": False,
}


@pytest.mark.parametrize("where", ["table", "config.json"])
def test_transformers_defaults_spelt_out_are_no_setting_ctranslate2_refuses(
    self_contained_models, tmp_path: Path, where: str
) -> None:
    """A GenerationConfig of transformers 5 leaves every field unset (None), and each of these
    was compared with None: an older checkpoint whose config.json names top_p 1.0 or
    num_beam_groups 1, or a table that wrote them out, was refused on CTranslate2 ("cannot
    honour ... top_p, typical_p; remove them"), settings the user never set."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from transformers import GenerationConfig

    from summarize.backends import ct2_options
    from summarize.models import resolve_spec

    folder = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    generation: dict = {}
    if where == "table":
        generation = SPELT_OUT_DEFAULTS
    else:
        own = json.loads((folder / "generation_config.json").read_text())
        (folder / "generation_config.json").unlink()
        config = json.loads((folder / "config.json").read_text())
        kept = {key: value for key, value in own.items() if key != "transformers_version"}
        (folder / "config.json").write_text(json.dumps({**config, **kept, **SPELT_OUT_DEFAULTS}))
    settings = TranslationSettings(model=str(folder), backend="ctranslate2", generation=generation)
    spec = resolve_spec("translation", settings, tmp_path / "models")
    plain = {key: value for key, value in spec.generation_config.to_dict().items()
             if key not in SPELT_OUT_DEFAULTS}  # fmt: skip
    assert ct2_options(spec.generation_config, spec.tokenizer) == ct2_options(
        GenerationConfig(**plain), spec.tokenizer
    )
    # A value other than the default is still refused.
    refused = TranslationSettings(
        model=str(folder), backend="ctranslate2", generation={"do_sample": True, "typical_p": 0.9}
    )
    with pytest.raises(ConfigError, match=r"cannot honour the generation setting\(s\) typical_p;"):
        resolve_spec("translation", refused, tmp_path / "models")


def test_a_setting_of_the_models_own_ctranslate2_cannot_honour_is_named_as_the_models(
    self_contained_models, tmp_path: Path
) -> None:
    """One from the model's generation_config.json was refused as "[translation.generation]:
    ... cannot honour encoder_no_repeat_ngram_size; remove them", a table that did not hold it;
    transformers' default in the table turns it off."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.models import resolve_spec

    folder = Path(shutil.copytree(self_contained_models.marian, tmp_path / "marian"))
    own_file = folder / "generation_config.json"
    own_file.write_text(
        json.dumps({**json.loads(own_file.read_text()), "encoder_no_repeat_ngram_size": 3})
    )
    models_dir = tmp_path / "models"
    settings = TranslationSettings(model=str(folder), backend="ctranslate2")
    expected = (
        "[translation.generation]: backend = 'ctranslate2' cannot honour the generation "
        "setting(s) encoder_no_repeat_ngram_size; set "
        "translation.generation.encoder_no_repeat_ngram_size = 0 (the model's own is 3), or set "
        "translation.backend = 'torch'"
    )
    with pytest.raises(ConfigError, match=re.escape(expected)):
        resolve_spec("translation", settings, models_dir)
    turned_off = TranslationSettings(
        model=str(folder), backend="ctranslate2", generation={"encoder_no_repeat_ngram_size": 0}
    )
    resolve_spec("translation", turned_off, models_dir)
    # One no table value turns off: the other backend is all there is.
    own_file.write_text(json.dumps({**json.loads(own_file.read_text()), "suppress_tokens": [5]}))
    with pytest.raises(ConfigError, match=r"no value in \[translation\.generation\] turns "
                       r"suppress_tokens off; set translation\.backend = 'torch'$"):  # fmt: skip
        resolve_spec("translation", turned_off, models_dir)


def _refused_as_read(settings: SummarizationSettings, expected: str, models_dir: Path) -> None:
    """Refused when the model's settings are read (before any article), and `models list` says
    the same of it."""
    from summarize.models import resolve_spec
    from summarize.store import locate

    with pytest.raises(ConfigError, match=expected):
        resolve_spec("summarization", settings, models_dir)
    assert re.search(expected, locate("summarization", settings, models_dir).problem)


# The tiny BART's own settings (DistilBART's): decoder_start_token_id 2, forced_eos_token_id 2,
# pad_token_id 1, bos_token_id 0, early_stopping true with 4 beams.
@pytest.mark.parametrize("table", ["generation", "chunk_generation"])
@pytest.mark.parametrize(
    ("setting", "named"),
    [
        ({"decoder_start_token_id": 5}, "decoder_start_token_id = 5 (the model's own, which "
                                        "its conversion keeps: 2)"),
        ({"forced_eos_token_id": 5}, "forced_eos_token_id = 5 (the model's own, which its "
                                     "conversion keeps: 2)"),
        ({"pad_token_id": 5}, "pad_token_id = 5 (the model's own, which its conversion keeps: 1)"),
        ({"early_stopping": "never"}, 'early_stopping = "never" with beam search (it runs as '
                                      "with early_stopping = true)"),
        ({"early_stopping": False}, "early_stopping = false with beam search"),
    ],
    ids=["decoder_start", "forced_eos", "pad", "early_stopping_never", "early_stopping_false"],
)  # fmt: skip
def test_a_model_setting_ctranslate2_keeps_is_refused_where_yours_differs(
    self_contained_models, tmp_path: Path, table: str, setting: dict, named: str
) -> None:
    """The conversion keeps the model's own start and end tokens, and CTranslate2's beam search
    stops as early_stopping = true: another value of these changed torch's output only (see
    the next test), and CTranslate2 ignored it without a word."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    settings = SummarizationSettings(
        model=str(self_contained_models.bart), backend="ctranslate2", **{table: setting}
    )
    expected = (
        rf"\[summarization\.{table}\]: backend = 'ctranslate2' cannot honour {re.escape(named)}"
        r".*; remove it or set summarization\.backend = 'torch'"
    )
    _refused_as_read(settings, expected, tmp_path / "models")


@pytest.mark.parametrize("setting", [{"decoder_start_token_id": 5}, {"forced_eos_token_id": 5}])
def test_torch_output_changes_with_a_start_or_end_token_not_the_models_own(
    self_contained_models, setting: dict
) -> None:
    """What the refusal above keeps from happening unsaid: torch writes another output."""
    model = str(self_contained_models.marian)
    outputs = []
    for generation in (FORCED, {**FORCED, **setting}):
        settings = TranslationSettings(model=model, generation=generation)
        loaded = load_model("translation", settings, Path("models"))
        outputs.append([item.text for item in loaded.backend.generate(SENTENCES[:1])])
    assert outputs[0] != outputs[1]


@pytest.mark.parametrize(
    ("model", "setting"),
    [
        # The model's own, copied into the table.
        ("bart", {"decoder_start_token_id": 2, "forced_eos_token_id": 2, "pad_token_id": 1,
                  "bos_token_id": 0, "early_stopping": True}),
        # The decoder starts with decoder_start_token_id: bos_token_id is not read.
        ("bart", {"bos_token_id": 5}),
        # use_cache changes only the speed.
        ("bart", {"use_cache": False}),
        # Not the model's own (unset: false), but how CTranslate2's beam search runs anyway.
        ("marian", {"num_beams": 4, "early_stopping": True, "renormalize_logits": True}),
    ],
    ids=["models_own", "bos_unread", "use_cache", "as_ctranslate2_runs"],
)  # fmt: skip
def test_model_settings_ctranslate2_keeps_are_accepted_where_they_change_nothing(
    self_contained_models, tmp_path: Path, model: str, setting: dict
) -> None:
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.models import resolve_spec

    folder = str(getattr(self_contained_models, model))
    if model == "bart":
        settings = SummarizationSettings(model=folder, backend="ctranslate2", generation=setting)
        resolve_spec("summarization", settings, tmp_path / "models")
    else:
        translation = TranslationSettings(model=folder, backend="ctranslate2", generation=setting)
        resolve_spec("translation", translation, tmp_path / "models")


@pytest.mark.parametrize(
    ("task", "generation", "said"),
    [
        ("summarization", {}, ["num_beams = 4", "no_repeat_ngram_size = 3", "min_length = 56"]),
        ("summarization", {"renormalize_logits": True}, []),
        ("summarization", {"num_beams": 1}, []),
        ("translation", {}, []),  # its one bad word, <pad>, is not in the conversion
        ("translation", {"bad_words_ids": [[5]]}, ["bad_words_ids = [[5]]"]),
    ],
    ids=["distilbart_own", "renormalized", "greedy", "opus_mt_own", "bad_word"],
)  # fmt: skip
def test_a_beam_search_ctranslate2_ranks_otherwise_is_said(
    self_contained_models, tmp_path: Path, caplog, task: str, generation: dict, said: list[str]
) -> None:
    """CTranslate2 takes the log-softmax after its masks; torch's beam search, unless
    renormalize_logits = true, leaves the masked words' share out of each beam's score, so the
    two backends rank beams otherwise (DistilBART's own no_repeat_ngram_size = 3 with beams
    wrote other summaries on CTranslate2): the log says so, with the setting that aligns them."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.models import resolve_spec

    model = self_contained_models.bart if task == "summarization" else self_contained_models.marian
    section = SummarizationSettings if task == "summarization" else TranslationSettings
    settings = section(model=str(model), backend="ctranslate2", generation=generation)
    caplog.set_level(logging.INFO, logger="summarize")
    resolve_spec(task, settings, tmp_path / "models")
    notes = [
        r.getMessage() for r in caplog.records if "renormalize_logits = true" in r.getMessage()
    ]
    if not said:
        assert notes == []
        return
    (note,) = notes
    assert note.startswith(f"[{task}.generation]: with beam search")
    assert all(setting in note for setting in said)


def test_a_start_token_edited_in_generation_config_json_gets_a_conversion_of_its_own(
    self_contained_models, tmp_path: Path
) -> None:
    """The conversion starts the decoder with generation_config.json's start token; an edit of
    it (BART's 2, "</s>", to 0, "<s>") reused the conversion that starts with "</s>", and
    CTranslate2 wrote other summaries than torch, unsaid."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    model = tmp_path / "bart"
    shutil.copytree(self_contained_models.bart, model)
    settings = SummarizationSettings(model=str(model), backend="ctranslate2")
    starts = []
    for start in (None, 0):
        if start is not None:
            generation_file = model / "generation_config.json"
            generation = json.loads(generation_file.read_text(encoding="utf-8"))
            generation["decoder_start_token_id"] = start
            generation_file.write_text(json.dumps(generation), encoding="utf-8")
        loaded = load_model("summarization", settings, tmp_path / "models")
        converted = json.loads((loaded.backend.model_dir / "config.json").read_text("utf-8"))
        starts.append(converted["decoder_start_token"])
    assert starts == ["</s>", "<s>"]


@pytest.mark.parametrize("first", [False, True])
def test_an_end_token_of_your_own_ends_the_output_on_ctranslate2_too(
    self_contained_models, first: bool
) -> None:
    """CTranslate2 ignored an eos_token_id set in [*.generation] and wrote on to the model's
    own end token, where generate() stops at it; and it never ended at the first step (its
    minimum length is 1, generate()'s 0), writing a token the model did not choose instead."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    generation = {"num_beams": 1, "max_new_tokens": 12}
    model = str(self_contained_models.marian)
    plain = load_model("translation", TranslationSettings(model=model, generation=generation),
                       Path("models"))  # fmt: skip
    encoded = plain.backend._encode(SENTENCES[:1])
    _start, *generated = plain.backend._generate(encoded)[0].tolist()  # the decoder start first
    end = generated[0] if first else next(t for t in generated if t != generated[0])
    outputs = {}
    for backend in ("torch", "ctranslate2"):
        settings = TranslationSettings(
            model=model, backend=backend, generation={**generation, "eos_token_id": end}
        )
        loaded = load_model("translation", settings, Path("models"))
        outputs[backend] = [item.text for item in loaded.backend.generate(SENTENCES[:1])]
    assert outputs["ctranslate2"] == outputs["torch"]
    ended = plain.tokenizer(text_target=outputs["torch"][0], add_special_tokens=False)
    assert len(ended["input_ids"]) < len(generated) - 1  # it did end early


@pytest.mark.parametrize(("top_k", "sampled_from"), [(None, 50), (0, 0), (10, 10)])
def test_ctranslate2_samples_from_as_many_tokens_as_transformers(
    top_k: int | None, sampled_from: int
) -> None:
    """``do_sample`` with top_k unset samples from the 50 likeliest tokens in generate(), and
    with 0 from all of them (CTranslate2's 0 too). Both reached CTranslate2 as 1: greedy
    search, without a word."""
    from transformers import GenerationConfig

    from summarize.backends import ct2_options

    options = ct2_options(GenerationConfig(do_sample=True, top_k=top_k), tokenizer=None)
    assert options["sampling_topk"] == sampled_from


@pytest.mark.parametrize(
    ("model", "generation", "named"),
    [
        ("marian", {"num_beams": 2, "repetition_penalty": 1.2},
         "repetition_penalty = 1.2 with beam search"),
        ("bart", {"num_beams": 1, "repetition_penalty": 1.2},
         "repetition_penalty = 1.2 with a decoder start token the model may write (id 2)"),
    ],
    ids=["beam_search", "start_token_written"],
)  # fmt: skip
def test_a_repetition_penalty_ctranslate2_applies_otherwise_is_refused(
    self_contained_models, tmp_path: Path, model: str, generation: dict, named: str
) -> None:
    """CTranslate2's beam search penalizes a repeated token's score before the log-softmax,
    transformers' its log-probability after; and CTranslate2 does not count the decoder's start
    token as written (BART's </s>, its end token), where generate() penalizes it. Both were
    accepted: with 2 beams Marian wrote words twice that torch wrote once, and greedy BART
    summaries ended at once where torch's wrote on."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from summarize.models import resolve_spec

    task, kind = (
        ("translation", TranslationSettings)
        if model == "marian"
        else ("summarization", SummarizationSettings)
    )
    settings = kind(
        model=str(getattr(self_contained_models, model)),
        backend="ctranslate2",
        generation=generation,
    )
    expected = (
        rf"\[{task}\.generation\]: backend = 'ctranslate2' cannot honour {re.escape(named)}"
        rf".*; set repetition_penalty = 1\.0, or {task}\.backend = 'torch'"
    )
    with pytest.raises(ConfigError, match=expected):
        resolve_spec(task, settings, tmp_path / "models")


@pytest.mark.parametrize("table", ["generation", "chunk_generation"])
def test_no_repeated_word_at_all_is_refused_where_ctranslate2_would_end_otherwise(
    self_contained_models, tmp_path: Path, table: str
) -> None:
    """generate() counts the decoder's start token among the words written: BART's is its end
    token </s>, so with no_repeat_ngram_size = 1 a torch summary never ends before its maximum,
    while CTranslate2's ended where the model chose."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    settings = SummarizationSettings(
        model=str(self_contained_models.bart),
        backend="ctranslate2",
        **{table: {"no_repeat_ngram_size": 1}},
    )
    expected = (
        rf"\[summarization\.{table}\]: backend = 'ctranslate2' cannot honour "
        r"no_repeat_ngram_size = 1 with a decoder start token the model may write \(id 2\).*; "
        r"set no_repeat_ngram_size = 0 \(or 2 and more\), or summarization\.backend = 'torch'"
    )
    _refused_as_read(settings, expected, tmp_path / "models")


def test_no_repeated_word_at_all_translates_as_torch_does_on_ctranslate2(models) -> None:
    """Marian starts with <pad>, a bad word it never writes: the same output on both."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    generation = {**FORCED, "no_repeat_ngram_size": 1}
    outputs = []
    for backend in ("torch", "ctranslate2"):
        settings = TranslationSettings(
            model=str(models.marian), backend=backend, generation=generation
        )
        loaded = load_model("translation", settings, Path("models"))
        outputs.append([item.text for item in loaded.backend.generate(SENTENCES)])
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("table", ["generation", "chunk_generation"])
@pytest.mark.parametrize("top_k", [2, None])
def test_sampling_with_beam_search_is_refused_on_ctranslate2(
    self_contained_models, tmp_path: Path, table: str, top_k: int | None
) -> None:
    """CTranslate2's beam search samples from the top_k of all beams together, transformers'
    from each beam's; and CTranslate2 4.8 ended the process with a segmentation fault where
    top_k is over 1 and under twice num_beams (no message, no index): 4 beams with top_k = 2,
    and 26 beams with transformers' own 50."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    beams = 4 if top_k else 26
    setting = {"do_sample": True, "num_beams": beams, "max_new_tokens": 8}
    if top_k is not None:
        setting["top_k"] = top_k
    settings = SummarizationSettings(
        model=str(self_contained_models.bart), backend="ctranslate2", **{table: setting}
    )
    expected = (
        rf"\[summarization\.{table}\]: backend = 'ctranslate2' cannot honour do_sample = true "
        rf"with beam search \(num_beams = {beams}\).*; set do_sample = false or num_beams = 1, "
        r"or summarization\.backend = 'torch'"
    )
    _refused_as_read(settings, expected, tmp_path / "models")


@pytest.mark.parametrize("top_k", [2, 10**6], ids=["within", "past_the_vocabulary"])
def test_sampling_without_beam_search_translates_every_sentence_on_ctranslate2(
    models, top_k: int
) -> None:
    """A top_k past the vocabulary samples from all of it in generate(); CTranslate2 refused it
    ("sampling_topk option (1000000) is greater than the vocabulary size"), for every input,
    and every article failed after the models had loaded."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    generation = {"do_sample": True, "num_beams": 1, "top_k": top_k, "max_new_tokens": 4}
    settings = TranslationSettings(
        model=str(models.marian), backend="ctranslate2", generation=generation
    )
    translator = Translator(load_model("translation", settings, Path("models")), settings)
    results = translator.translate(SENTENCES)
    assert [result.failed for result in results] == [None] * len(SENTENCES)


def test_a_repetition_penalty_greedy_search_applies_as_torch_does_is_kept(models) -> None:
    """Greedy search penalizes the scores before the log-softmax on both backends, and Marian's
    decoder starts with <pad>, which it never writes: the same output as torch."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    plain = {"num_beams": 1, "min_new_tokens": 16, "max_new_tokens": 16}
    penalized = {**plain, "repetition_penalty": 2.0}
    outputs = {}
    for name, backend, generation in [
        ("plain", "torch", plain),
        ("torch", "torch", penalized),
        ("ctranslate2", "ctranslate2", penalized),
    ]:
        settings = TranslationSettings(
            model=str(models.marian), backend=backend, generation=generation
        )
        loaded = load_model("translation", settings, Path("models"))
        outputs[name] = [item.text for item in loaded.backend.generate(SENTENCES)]
    assert outputs["torch"] != outputs["plain"]  # the penalty changes the output
    assert outputs["ctranslate2"] == outputs["torch"]


def test_ctranslate2_runs_a_model_without_generation_config_json(tmp_path: Path) -> None:
    """transformers derives its settings from the model config, with output_attentions and
    output_hidden_states false: the defaults' behaviour, not settings CTranslate2 lacks."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from conftest import seed_texts

    from summarize.testing import build_t5

    folder = build_t5(tmp_path / "t5", texts=seed_texts())
    (folder / "generation_config.json").unlink()  # as google-t5/t5-small ships
    settings = TranslationSettings(
        model=str(folder), backend="ctranslate2", generation={"max_new_tokens": 4}
    )
    loaded = load_model("translation", settings, tmp_path / "models")
    (output,) = loaded.backend.generate(["Ein Satz."])
    assert isinstance(output.text, str)


@pytest.mark.parametrize("task", ["translation", "summarization"])
def test_beam_search_cache_changes_no_token(models, task) -> None:
    """Our cache skips reordering the cross-attention states: same tokens as transformers' own."""
    import torch
    from transformers import DynamicCache, EncoderDecoderCache

    from summarize.backends import beam_search_cache

    class NeverReordered(EncoderDecoderCache):  # the bug the test must be able to see
        def reorder_cache(self, beam_idx: torch.Tensor) -> None: ...

    settings_type = TranslationSettings if task == "translation" else SummarizationSettings
    folder = models.marian if task == "translation" else models.bart
    generation = {"min_new_tokens": 24, "max_new_tokens": 24, "num_beams": 4}
    loaded = load_model(task, settings_type(model=str(folder), generation=generation), Path("m"))
    model = loaded.backend.model
    with torch.no_grad():  # random small weights barely look back; sharpen the decoder so they do
        for name, weight in model.named_parameters():
            if name.startswith("model.decoder.layers.") and weight.dim() == 2:
                weight.mul_(20)
    texts = SENTENCES if task == "translation" else [" ".join(SENTENCES), "Kurz."]
    inputs = loaded.tokenizer(texts, return_tensors="pt", padding=True)
    assert inputs["attention_mask"].min() == 0  # rows of unequal length: padding is exercised

    def generate(cache: EncoderDecoderCache | None) -> torch.Tensor:
        extra = {_cache_keyword(): cache} if cache is not None else {}  # as the backend names it
        with torch.inference_mode():
            return model.generate(**inputs, generation_config=loaded.generation_config, **extra)

    plain = generate(None)
    wrong = NeverReordered(DynamicCache(config=model.config), DynamicCache(config=model.config))
    assert not torch.equal(plain, generate(wrong))  # beams really were reordered here
    assert torch.equal(plain, generate(beam_search_cache(model.config)))


def test_beam_search_without_cache_is_transformers_own(self_contained_models) -> None:
    """use_cache = false with beams: generate() recomputes each step from the whole sequence, so
    a cache passed in anyway shifted the decoder's positions: other tokens than transformers'
    own, or an IndexError past a small position table (every article failed)."""
    import torch

    generation = {"num_beams": 3, "use_cache": False, "min_new_tokens": 20, "max_new_tokens": 20}
    settings = TranslationSettings(
        model=str(self_contained_models.marian_short_window), generation=generation
    )
    loaded = load_model("translation", settings, Path("models"))
    backend = loaded.backend
    inputs = loaded.tokenizer(SENTENCES[:2], return_tensors="pt", padding=True)
    with torch.inference_mode():
        plain = backend.model.generate(**inputs, generation_config=loaded.generation_config)
    assert backend.generate(SENTENCES[:2]) == backend._decode(plain)


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_parallel_workers_change_no_output(models, backend) -> None:
    """Two batches decoded at a time give the same sentences, in order, as one at a time."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    sentences = [f"{sentence} Meldung {n}." for n in range(3) for sentence in SENTENCES]
    settings = TranslationSettings(
        model=str(models.marian), generation=FORCED, backend=backend, batch_size=2
    )
    outputs, lone = {}, {}
    for workers in (1, 2):
        loaded = load_model("translation", settings, Path("models"), threads=1, workers=workers)
        assert loaded.backend.workers == workers
        translator = Translator(loaded, settings)
        outputs[workers] = [item.text for item in translator.translate(sentences)]
        # One sentence is a lone batch: with two workers it gets both threads (CTranslate2:
        # from a second instance loaded with every thread), and the same output.
        lone[workers] = [item.text for item in translator.translate(sentences[:1])]
    assert len(outputs[1]) == len(sentences)
    assert outputs[2] == outputs[1]
    assert lone[2] == lone[1] == outputs[1][:1]
    if backend == "ctranslate2":
        two_threads = loaded.backend._lone_translator()
        assert two_threads is not loaded.backend.translator and two_threads.num_translators == 1


def test_torch_workers_generate_in_parallel_and_tokenize_on_the_calling_thread(models) -> None:
    import threading

    settings = TranslationSettings(model=str(models.marian), generation=FORCED, batch_size=2)
    backend = load_model("translation", settings, Path("models"), threads=1, workers=2).backend
    threads: dict[str, set[str]] = {"encode": set(), "generate": set(), "decode": set()}
    for step in threads:
        original = getattr(backend, f"_{step}")

        def recorded(*args, _step=step, _original=original):
            threads[_step].add(threading.current_thread().name)
            return _original(*args)

        setattr(backend, f"_{step}", recorded)
    batches = [[sentence] for sentence in SENTENCES]
    outputs = list(backend.generate_batches(batches))
    assert len(outputs) == len(batches) and all(len(batch) == 1 for batch in outputs)
    caller = threading.current_thread().name
    assert threads["encode"] == threads["decode"] == {caller}  # tokenizers are not thread-safe
    assert len(threads["generate"]) == 2 and caller not in threads["generate"]


def test_a_lone_batch_gets_the_threads_of_every_worker(models) -> None:
    import torch

    settings = TranslationSettings(model=str(models.marian), generation=FORCED)
    backend = load_model("translation", settings, Path("models"), threads=1, workers=2).backend
    seen: list[int] = []
    original = backend._generate

    def recorded(inputs):
        seen.append(torch.get_num_threads())
        return original(inputs)

    backend._generate = recorded
    before = torch.get_num_threads()
    try:
        torch.set_num_threads(1)  # what the pipeline sets for two workers on two threads
        assert len(backend.generate(SENTENCES[:1])) == 1
        assert seen == [2]
        assert torch.get_num_threads() == 1  # restored for the next parallel batches
    finally:
        torch.set_num_threads(before)


def test_lone_batches_side_by_side_leave_torch_threads_as_found() -> None:
    """Two pipelines in threads: the second lone batch took the first's raised count for its
    share and put it back after the first had restored: each overlap doubled the process's
    torch threads (2, 4, 8 in a new thread)."""
    import torch

    from summarize.backends import _threads_of_all_workers

    def in_new_thread() -> int:
        seen: list[int] = []
        thread = threading.Thread(target=lambda: seen.append(torch.get_num_threads()))
        thread.start()
        thread.join()
        return seen[0]

    before = torch.get_num_threads()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with _threads_of_all_workers(2):
            first_in.set()
            second_in.wait(10)
        first_out.set()

    def second() -> None:
        first_in.wait(10)
        with _threads_of_all_workers(2):
            second_in.set()
            first_out.wait(10)  # the first one leaves while this one is still under way

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert torch.get_num_threads() == before
        assert in_new_thread() == before
    finally:
        torch.set_num_threads(before)


def test_ctranslate2_logprob_is_a_mean_whatever_the_length_penalty(self_contained_models) -> None:
    """CTranslate2 divides its score by length ** length_penalty: undone, whatever the penalty."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    means = {}
    for penalty in (0.5, 1.0, 2.0):
        # Forced lengths: every hypothesis is equally long, so the penalty picks the same one.
        generation = {**FORCED, "length_penalty": penalty}
        settings = TranslationSettings(
            model=str(self_contained_models.marian), generation=generation, backend="ctranslate2"
        )
        backend = load_model("translation", settings, Path("models")).backend
        means[penalty] = backend.generate(SENTENCES[:2])
    assert [g.text for g in means[2.0]] == [g.text for g in means[1.0]]
    # The per-token log-probabilities of the same tokens, scored separately.
    tokens = [
        backend.tokenizer.convert_ids_to_tokens(backend.tokenizer.encode(s)) for s in SENTENCES[:2]
    ]
    hypotheses = [
        result.hypotheses[0]
        for result in backend.translator.translate_batch(tokens, **backend.options)
    ]
    scored = backend.translator.score_batch(tokens, hypotheses)
    for index, result in enumerate(scored):
        expected = sum(result.log_probs[: len(hypotheses[index])]) / len(hypotheses[index])
        for penalty, generated in means.items():
            assert generated[index].logprob == pytest.approx(expected, rel=1e-3), penalty


@pytest.mark.parametrize("num_beams", [1, 2])
def test_concurrent_generate_calls_on_one_torch_model_match_one_at_a_time(
    self_contained_models, num_beams: int
) -> None:
    """transformers does not promise that one model may run generate() in several threads at
    once: many concurrent batches of unequal length must give exactly the one-at-a-time tokens."""
    settings = TranslationSettings(
        model=str(self_contained_models.marian),
        generation={"max_new_tokens": 8, "num_beams": num_beams},
    )
    words = " ".join(SENTENCES).split()
    texts = [" ".join(words[n % 7 : n % 7 + 2 + n % 11]) for n in range(40)]
    batches = [texts[start : start + 1 + start % 3] for start in range(0, 40, 3)]  # 14
    outputs = {}
    for workers in (1, 4):
        backend = load_model(
            "translation", settings, Path("models"), threads=1, workers=workers
        ).backend
        assert backend.workers == workers
        outputs[workers] = [[g.text for g in batch] for batch in backend.generate_batches(batches)]
    assert len(outputs[1]) == len(batches)
    assert outputs[4] == outputs[1]


def test_a_max_length_set_in_the_config_replaces_the_models_own_max_new_tokens(
    self_contained_models, tmp_path: Path
) -> None:
    """README: a length set in one form replaces the layer below's length in the other. generate()
    fills what the given config leaves unset from the model's own generation_config, where the
    model's max_new_tokens came back and won over the max_length set here."""
    folder = tmp_path / "bart"
    shutil.copytree(self_contained_models.bart, folder)
    path = folder / "generation_config.json"
    own = json.loads(path.read_text())
    own.pop("max_length", None)
    own["max_new_tokens"] = 4
    path.write_text(json.dumps(own))
    generation = {"max_length": 12, "min_length": 12, "num_beams": 1}
    settings = SummarizationSettings(model=str(folder), generation=generation)
    loaded = load_model("summarization", settings, Path("models"))
    model = loaded.backend.model
    lengths: list[int] = []
    original = model.generate

    def spy(*args, **kwargs):
        output = original(*args, **kwargs)
        lengths.append(output.shape[-1])
        return output

    model.generate = spy
    loaded.backend.generate(["Die Soldaten kamen am Montag an."])
    assert lengths == [12]  # the decoder start token and 11 generated; it was 1 + 4


def test_a_stop_ends_the_batches_under_way_at_their_next_step(models) -> None:
    """A caller that leaves early (Ctrl-C, SIGTERM) no longer waits for the other workers'
    whole batches: their generate() calls end at the next step, short of the forced length."""
    forced = {"min_new_tokens": 200, "max_new_tokens": 200, "num_beams": 1}
    settings = TranslationSettings(model=str(models.marian), generation=forced, batch_size=1)
    backend = load_model("translation", settings, Path("models"), threads=1, workers=2).backend
    lengths: list[int] = []
    original = backend._generate

    def recorded(*args):
        generated = original(*args)
        lengths.append(generated.shape[1])
        return generated

    backend._generate = recorded
    batches = backend.generate_batches([[sentence] for sentence in SENTENCES])
    next(batches)  # the first batch, whole
    batches.close()  # the caller stops: the pool is shut down
    full = max(lengths)
    assert full > 200  # the forced length, and the start token
    assert len(lengths) >= 2 and min(lengths) < 200  # another was under way and ended early


def test_ctranslate2_queues_two_batches_per_worker_and_a_stop_queues_no_more(
    self_contained_models,
) -> None:
    """All batches were queued at the first one asked for: CTranslate2's queue holds four per
    worker and blocks the rest, so no batch came back (nor a progress bar moved) until all but
    the last few were done, and a stop left every queued batch to run on (CTranslate2 finishes
    its queue, even as the process exits)."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    settings = TranslationSettings(
        model=str(self_contained_models.marian), generation=FORCED, backend="ctranslate2"
    )
    backend = load_model("translation", settings, Path("models"), threads=1, workers=2).backend
    submitted: list[list[str]] = []
    translator = backend.translator

    class Counting:
        def translate_batch(self, sources, **options):
            submitted.append(sources)
            return translator.translate_batch(sources, **options)

    backend.translator = Counting()
    batches = [[sentence] for sentence in SENTENCES * 5]  # 20
    (alone,) = backend.generate_batches(batches[:1])  # a lone batch: the other instance
    stream = backend.generate_batches(batches)
    first = next(stream)
    assert len(submitted) <= 2 * backend.workers + 1  # in flight, and the one after the first
    assert first == alone
    stream.close()  # the caller stops
    assert len(submitted) <= 2 * backend.workers + 1
    submitted.clear()
    outputs = list(backend.generate_batches(batches))  # all of them, in order, once each
    assert len(submitted) == len(batches) and len(outputs) == len(batches)
    assert [sources[0] for sources in submitted] == [
        backend.tokenizer.convert_ids_to_tokens(ids)
        for ids in backend.text_ids([batch[0] for batch in batches])
    ]


@pytest.fixture(scope="module")
def seed_t5(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A T5 without a forced end token and without a window of its own (flan-T5-like)."""
    from conftest import seed_texts

    from summarize.testing import build_t5

    return build_t5(tmp_path_factory.mktemp("t5") / "t5", texts=seed_texts())


@pytest.mark.parametrize("length", [{"max_new_tokens": 8}, {"max_length": 9}])
def test_ctranslate2_stops_where_torch_does_without_a_forced_end_token(
    seed_t5: Path, length: dict[str, int]
) -> None:
    """transformers ends an output at the limit with the forced end token only where the model
    has one (Marian, BART); a T5 keeps its last text token there, and CTranslate2 cut it."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    generation = {**length, "num_beams": 1}
    outputs = {}
    for backend in ("torch", "ctranslate2"):
        settings = SummarizationSettings(model=str(seed_t5), backend=backend, generation=generation)
        loaded = load_model("summarization", settings, Path("models"))
        assert loaded.generation_config.forced_eos_token_id is None
        outputs[backend] = [item.text for item in loaded.backend.generate(SENTENCES)]
        at_limit = [
            text
            for text in outputs[backend]
            if len(loaded.tokenizer.encode(text, add_special_tokens=False)) == 8
        ]
        assert at_limit, outputs  # random weights run to the limit here
    assert outputs["ctranslate2"] == outputs["torch"]


def test_ctranslate2_reads_an_input_longer_than_1024_tokens_whole(
    seed_t5: Path, tmp_path: Path
) -> None:
    """CTranslate2 cuts every input after 1024 tokens unless told otherwise; a window set
    longer (T5 with max_input_tokens) must reach the model whole, as it does with torch."""
    pytest.importorskip("ctranslate2", reason="optional extra: pip install 'summarize[fast]'")
    from conftest import seed_texts

    folder = seed_t5
    settings = SummarizationSettings(
        model=str(folder),
        backend="ctranslate2",
        max_input_tokens=3000,
        generation={"max_new_tokens": 4, "num_beams": 1},
    )
    loaded = load_model("summarization", settings, tmp_path)
    assert loaded.window == 3000
    # Two inputs that differ only after their first 1100 tokens: cut after 1024, the model
    # would read the same thing twice.
    words = " ".join(seed_texts()).split()
    start = next(
        n for n in range(100, len(words), 100) if loaded.count_tokens(" ".join(words[:n])) > 1100
    )
    shared = " ".join(words[:start])
    texts = [f"{shared} Der Hund bellt laut im Garten.", f"{shared} Die Katze schläft."]
    assert all(1100 < loaded.count_tokens(text) <= loaded.window for text in texts)
    first, second = loaded.backend.generate(texts)
    # The encoder attends over the whole input: the last words change the scores.
    assert first.logprob != second.logprob


def test_a_max_new_tokens_set_meets_no_max_length_of_the_models_own(
    self_contained_models, caplog
) -> None:
    """generate() fills what the config it is given leaves unset from the model's own
    generation_config: a max_new_tokens set in the config met opus-mt's own max_length 512, and
    transformers warned "Both `max_new_tokens` and `max_length`" on every batch of a library
    user's run (the CLI silences transformers' logs). The output's length is the one set."""
    settings = TranslationSettings(
        model=str(self_contained_models.marian), generation={"max_new_tokens": 5, "num_beams": 1}
    )
    loaded = load_model("translation", settings, Path("models"))
    with caplog.at_level(logging.WARNING, logger="transformers"):
        outputs = loaded.backend.generate(SENTENCES[:2])
    assert not [r for r in caplog.records if "max_new_tokens" in r.getMessage()], caplog.text
    assert all(0 < output.tokens <= 5 for output in outputs), outputs


def test_a_min_new_tokens_set_meets_no_min_length_of_the_models_own(
    self_contained_models, caplog
) -> None:
    """As for the maximum: a min_new_tokens set in the config replaces DistilBART's own
    min_length 56 (README), yet generate() took that min_length back from the model's own
    generation_config and warned "Both `min_new_tokens` and `min_length`" on every batch of a
    library user's run."""
    settings = SummarizationSettings(
        model=str(self_contained_models.bart),
        generation={"min_new_tokens": 2, "max_new_tokens": 8, "num_beams": 1},
    )
    loaded = load_model("summarization", settings, Path("models"))
    with caplog.at_level(logging.WARNING, logger="transformers"):
        outputs = loaded.backend.generate(SENTENCES[:2])
    assert not [r for r in caplog.records if "min_new_tokens" in r.getMessage()], caplog.text
    assert all(0 < output.tokens <= 8 for output in outputs), outputs


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_special_tokens_written_in_article_text_are_text(
    models, tmp_path: Path, backend: str
) -> None:
    """The tokenizers read "<mask>", "</s>" or "<pad>" in article text as their control tokens:
    DistilBART's "<mask>" (50264) lies past its embeddings and the article lost its brief (an
    IndexError), and a "</s>" ended the model's input in the middle of the text."""
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    settings = SummarizationSettings(
        model=str(models.bart),
        backend=backend,
        generation={"max_length": 20, "min_length": 4, "num_beams": 1},
    )
    loaded = load_model("summarization", settings, tmp_path / "models")
    tokenizer = loaded.tokenizer
    text = "BERT replaces a word with the <mask> token. Then </s> and <pad> follow <unk>."
    plain = text.replace("<", "[").replace(">", "]")
    assert loaded.count_tokens(text) >= loaded.count_tokens(plain) - 2
    if backend == "torch":
        ids = loaded.backend._encode([text])["input_ids"][0].tolist()
        specials = {tokenizer.mask_token_id, tokenizer.pad_token_id, tokenizer.unk_token_id}
        assert not specials & set(ids) and ids.count(tokenizer.eos_token_id) == 1
    summary = Summarizer(loaded, settings).summarize([text, "Another sentence follows here."])
    assert summary.text.strip()


@pytest.mark.parametrize(
    "text",
    [
        ">> Mehr lesen: Erfahrt mehr über die Therme der Ruhe! <<",
        ">>> Jetzt die aktuelle Ausgabe bestellen! <<<",
        ">> Hinweis: Der Bericht wurde am Montag aktualisiert. Siehe << oben",
    ],
)
def test_a_sentence_between_angle_marks_is_read_whole_by_opus_mt(
    models, tmp_path: Path, text: str
) -> None:
    """MarianTokenizer read a text starting with ">>" up to its first "<<" as a target-language
    code, one token: such a headline or link of a web page (5 of the 125,000 lines of the 588
    dev pages) was a single unknown token, and the translator saw nothing of it."""
    settings = TranslationSettings(model=str(models.marian), generation=FORCED)
    loaded = load_model("translation", settings, tmp_path / "models")
    tokenizer = loaded.tokenizer
    (ids,) = loaded.text_ids([text])
    words = text.strip("<> ").split("<<")[0].strip()
    words_ids = tokenizer(words, add_special_tokens=False)["input_ids"]
    assert len(words_ids) >= 5
    starts = range(len(ids) - len(words_ids) + 1)
    assert any(ids[start : start + len(words_ids)] == words_ids for start in starts), ids
    assert loaded.count_tokens(text) == len(ids) > len(words_ids)


def test_words_the_translator_cannot_read_are_warned_of(models, tmp_path: Path) -> None:
    """Letters opus-mt's vocabulary lacks (a Korean name, the "Ở" of "PHỞ") are its unknown
    token: the model saw nothing of them and the brief said nothing. A symbol alone that it
    reads so (“ | ’, an emoji: 3,096 of 117,689 dev lines) loses no word and is not warned of."""
    from summarize.record import SentenceWarning
    from summarize.stages import _warnings_of
    from summarize.translation import model_input

    settings = TranslationSettings(model=str(models.marian), generation=FORCED)
    loaded = load_model("translation", settings, tmp_path / "models")
    unknown = loaded.tokenizer.unk_token_id
    name = "Der Mathematiker 퀘 스 너 틸 로 wohnt jetzt in Augsburg."
    symbols = "Er sagt: „Das ist gut“ 🚲 | mehr."
    translated = Translator(loaded, settings).translate([name, symbols, SENTENCES[0]])
    for sentence in translated:
        read = loaded.text_ids([model_input(sentence.source)])[0]
        assert bool(sentence.unreadable) <= (unknown in read)  # only what the model cannot read
        assert all(part in sentence.source for part in sentence.unreadable)
    with_name, with_symbols, plain = translated
    assert {"퀘", "틸"} <= set("".join(with_name.unreadable))
    (warning,) = [w for w in _warnings_of(with_name) if w.kind == "unreadable"]
    assert "“퀘”" in warning.detail and "the translator cannot read" in warning.detail
    SentenceWarning(kind=warning.kind, detail=warning.detail)  # a brief's record holds it
    assert unknown in loaded.text_ids([symbols])[0] and not with_symbols.unreadable
    assert not plain.unreadable
    assert not [
        w for w in _warnings_of(with_symbols) + _warnings_of(plain) if w.kind == "unreadable"
    ]


def test_punctuation_the_translator_lacks_is_given_as_its_training_data_had(
    models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OPUS-MT rewrote “ ” as " and ’ as ' before SentencePiece (Moses'
    replace-unicode-punctuation), so opus-mt-de-en's vocabulary lacks them: each was the unknown
    token, 3,355 on the 588 dev pages. A character the tokenizer lacks goes to the model in
    that spelling; one it reads stays ("„", and "“" with the self-contained vocabulary, whose
    seeds hold it); the sentence the brief shows stays as written."""
    from summarize.tokens import TRAINING_PUNCTUATION, unknown_text
    from summarize.translation import model_input

    settings = TranslationSettings(model=str(models.marian), generation=FORCED)
    loaded = load_model("translation", settings, tmp_path / "models")
    tokenizer = loaded.tokenizer
    sentence = "Sie sagte: „Wir haben’s geschafft“, und „das war’s”."
    lacked = [c for c in sentence if c in TRAINING_PUNCTUATION and unknown_text(tokenizer, c)]
    assert {"’", "”"} <= set(lacked)  # both vocabularies lack them; the real one “ too
    assert tokenizer.unk_token_id in loaded.text_ids([model_input(sentence)])[0]
    sent: list[str] = []
    generate = Translator.generate_batch
    monkeypatch.setattr(
        Translator,
        "generate_batch",
        lambda self, texts, on_batch=None: sent.extend(texts) or generate(self, texts, on_batch),
    )
    (translated,) = Translator(loaded, settings).translate([sentence])
    expected = "".join(TRAINING_PUNCTUATION[c] if c in lacked else c for c in sentence)
    assert sent == [expected]
    assert tokenizer.unk_token_id not in loaded.text_ids(sent)[0]
    assert translated.source == sentence and translated.respelled == len(lacked)


def test_the_opus_mt_vocabulary_reads_respelled_punctuation() -> None:
    """With the real opus-mt-de-en vocabulary: “ ” ’ are given as " and ', „ ‚ ‘ – « », which
    its training data kept, stay; an emoji and "|", which have no other spelling, stay unknown."""
    from transformers import AutoTokenizer

    from summarize.tokens import Respelled, UnknownCharacters

    require_shared_hub(MARIAN_HUB)
    characters = UnknownCharacters(AutoTokenizer.from_pretrained(MARIAN_HUB))
    text = "„Wir“ ‚sie‘ – «er» “ihr” haben’s … 🚲 | weiter"
    respelled = characters.respelled(text)
    assert respelled == Respelled(
        '„Wir" ‚sie‘ – «er» "ihr" haben\'s … 🚲 | weiter', ("“", "“", "”", "’")
    )
    assert characters.in_text(respelled.text) == ["🚲", "|"]


def test_the_training_punctuation_is_that_of_sacremoses() -> None:
    """The map is the single characters of Moses' replace-unicode-punctuation as sacremoses
    writes it (copied: importing sacremoses costs 0.34 s of CPU)."""
    from sacremoses import MosesPunctNormalizer

    from summarize.tokens import TRAINING_PUNCTUATION

    single = {
        written: spelling
        for written, spelling in MosesPunctNormalizer.REPLACE_UNICODE_PUNCTUATION
        if len(written) == 1
    }
    assert dict(TRAINING_PUNCTUATION) == single


def test_a_tokenizer_that_pads_on_the_left_changes_no_output(
    self_contained_models, tmp_path: Path
) -> None:
    """A model folder whose tokenizer_config.json says padding_side = "left" (set for
    decoder-only use, kept in many fine-tuned checkpoints): the encoder's positions counted the
    padding, so a short sentence batched with a long one was read at other positions than
    alone, and its output depended on its batch (and the cache kept whichever came first)."""
    import torch

    folder = tmp_path / "marian-left"
    shutil.copytree(self_contained_models.marian, folder)
    settings_file = folder / "tokenizer_config.json"
    tokenizer_settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings_file.write_text(json.dumps({**tokenizer_settings, "padding_side": "left"}), "utf-8")
    settings = TranslationSettings(model=str(folder), generation=FORCED)
    loaded = load_model("translation", settings, Path("models"))
    assert loaded.tokenizer.padding_side == "left"
    backend = loaded.backend
    short, long = SENTENCES[2], SENTENCES[0]
    with torch.inference_mode():
        batch = backend._encode([short, long])
        alone = backend._encode([short])
        encoder = backend.model.get_encoder()
        in_batch = encoder(**batch).last_hidden_state[0][batch["attention_mask"][0].bool()]
        by_itself = encoder(**alone).last_hidden_state[0]
    assert torch.allclose(in_batch, by_itself, atol=1e-5)


def test_a_tokenizer_without_a_pad_token_pads_with_the_models_own(
    self_contained_models, tmp_path: Path
) -> None:
    """A tokenizer saved without a pad token refused to pad a batch ("Asking to pad but the
    tokenizer does not have a padding token"): every article failed, even alone, exit 1. The
    batch is padded with the model's own pad id: the outputs are those of the folder whose
    tokenizer names it."""
    folder = tmp_path / "bart-no-pad"
    shutil.copytree(self_contained_models.bart, folder)
    settings_file = folder / "tokenizer_config.json"
    tokenizer_settings = json.loads(settings_file.read_text(encoding="utf-8"))
    settings_file.write_text(json.dumps({**tokenizer_settings, "pad_token": None}), "utf-8")
    texts = [SENTENCES[0], SENTENCES[1] + " " + SENTENCES[3]]  # of two lengths: one padded

    def outputs(model: Path) -> tuple[list[str], object]:
        settings = SummarizationSettings(model=str(model), generation=FORCED)
        loaded = load_model("summarization", settings, Path("models"))
        return [out.text for out in loaded.backend.generate(texts)], loaded.tokenizer.pad_token

    without_pad, pad_token = outputs(folder)
    assert pad_token is None
    assert without_pad == outputs(self_contained_models.bart)[0]
