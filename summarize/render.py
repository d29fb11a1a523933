"""Render: the bilingual Markdown brief and the index, as text (:mod:`summarize.outputs` writes).

Article text is data: every piece of it goes through :func:`escape_markdown`, and the front matter
is written by a YAML emitter, so no article can break the document's structure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from summarize.checks import Flag, KeyFact, TranslationWarning
from summarize.clean import Dropped
from summarize.summarization import Summary

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TITLE_MAX_WORDS = 20
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)")


def escape_markdown(text: str) -> str:
    """Make ``text`` render as itself in CommonMark/GFM: no links, HTML, emphasis or tables."""
    text = " ".join(_CONTROL.sub("", text).split())  # one line: a newline could start a heading
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + _escape_start(m.group(2)), text)


def _escape_start(marker: str) -> str:
    if marker[0].isdigit():
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def first_sentence(text: str) -> str:
    """The first sentence, at most 20 words (a run-on summary must not become a huge title)."""
    match = _FIRST_SENTENCE.match(text.strip())
    sentence = match.group(1) if match else text.strip()
    words = sentence.split()
    return sentence if len(words) <= _TITLE_MAX_WORDS else " ".join(words[:_TITLE_MAX_WORDS]) + " …"


@dataclass(frozen=True)
class ParagraphPair:
    german: tuple[str, ...]
    english: tuple[str, ...]
    # (1-based sentence number in the paragraph, warning) for suspicious translations
    warnings: tuple[tuple[int, TranslationWarning], ...] = ()


@dataclass(frozen=True)
class Brief:
    """Everything a brief shows; built by the pipeline, turned into Markdown here."""

    source: str
    source_sha256: str
    stem: str
    title_de: str | None
    title_en: str | None
    paragraphs: tuple[ParagraphPair, ...]
    summary: Summary
    models: dict[str, Any]
    generation: dict[str, Any]
    generated_at: str
    seconds: dict[str, float]
    sentences_split: int
    dropped: tuple[Dropped, ...] = ()
    has_lead: bool = False
    fingerprint: str = ""
    flags: tuple[Flag, ...] = ()
    key_facts: tuple[KeyFact, ...] = ()

    @property
    def display_title(self) -> str:
        return self.title_en or first_sentence(self.summary.text) or self.stem

    def front_matter(self) -> dict[str, Any]:
        german_sentences = [s for p in self.paragraphs for s in p.german]
        english_sentences = [s for p in self.paragraphs for s in p.english]
        return {
            "source": self.source,
            "source_sha256": self.source_sha256,
            "title_de": self.title_de,
            "title_en": self.title_en,
            "title_from": "headline" if self.title_en else "summary",
            "summary": self.summary.text,
            "models": self.models,
            "generation": self.generation,
            "generated_at": self.generated_at,
            "fingerprint": self.fingerprint,
            "seconds": {stage: round(value, 3) for stage, value in self.seconds.items()},
            "counts": {
                "paragraphs": len(self.paragraphs),
                "sentences_de": len(german_sentences),
                "sentences_en": len(english_sentences),
                "words_de": sum(len(s.split()) for s in german_sentences),
                "words_en": sum(len(s.split()) for s in english_sentences),
                "words_summary": len(self.summary.text.split()),
                "sentences_split_for_window": self.sentences_split,
            },
            "checks": {
                "unsupported": len(self.flags),
                "by_kind": dict(Counter(flag.kind for flag in self.flags)),
                "items": [{"kind": flag.kind, "text": flag.text} for flag in self.flags],
            },
            "translation_warnings": {
                "total": sum(len(pair.warnings) for pair in self.paragraphs),
                "by_kind": dict(
                    Counter(w.kind for pair in self.paragraphs for _, w in pair.warnings)
                ),
            },
            "cleaning": {
                "dropped": sum(Counter(item.rule for item in self.dropped).values()),
                "by_rule": dict(Counter(item.rule for item in self.dropped)),
                "lead": self.has_lead,
            },
            "chunking": {
                "path": self.summary.path,
                "input_tokens": self.summary.input_tokens,
                "window_tokens": self.models["summarization"]["window_tokens"],
                "chunks": self.summary.chunks,
                "rounds": self.summary.map_rounds,
            },
        }


def render_brief(brief: Brief) -> str:
    front = yaml.safe_dump(brief.front_matter(), allow_unicode=True, sort_keys=False, width=100_000)
    lines = ["---", front.rstrip("\n"), "---", "", f"# {escape_markdown(brief.display_title)}", ""]
    if brief.title_en and brief.title_de:
        lines += [f"*{escape_markdown(brief.title_de)}*", ""]
    elif not brief.title_en:
        lines += ["*The source has no headline; this title is the summary's first sentence.*", ""]
    lines += ["## Summary", "", escape_markdown(brief.summary.text) or "*(empty summary)*", ""]
    lines += render_key_facts(brief.key_facts)
    if brief.summary.path == "map-reduce":
        lines += [
            f"*The English text ({brief.summary.input_tokens} tokens) was longer than the "
            f"summarizer's window, so it was summarized in {brief.summary.chunks} chunks and "
            f"{brief.summary.map_rounds} reduce round(s).*",
            "",
        ]
    lines += render_checks(brief.flags)
    lines += [
        "## Article",
        "",
        "*Each English paragraph is followed by its German original, quoted.*",
        "",
    ]
    for pair in brief.paragraphs:
        lines += [escape_markdown(" ".join(pair.english)) or "*(no translation)*", ""]
        if pair.warnings:
            notes = "; ".join(
                f"sentence {number}: {escape_markdown(warning.detail)}"
                for number, warning in pair.warnings
            )
            lines += [f"*Translation warnings: {notes}.*", ""]
        lines += [f"> {escape_markdown(' '.join(pair.german))}", ""]
    lines += render_dropped(brief.dropped)
    return "\n".join(lines)


def render_key_facts(facts: Sequence[KeyFact]) -> list[str]:
    """Numbers, dates and names of the article with their paragraphs, to check at a glance."""
    if not facts:
        return []
    lines = ["**Key facts** (¶ = paragraph of the article below)", ""]
    for kind, label in (("number", "Numbers"), ("date", "Dates"), ("name", "Names")):
        items = [fact for fact in facts if fact.kind == kind]
        if items:
            listed = ", ".join(
                f"{escape_markdown(fact.text)} (¶{', ¶'.join(map(str, fact.paragraphs))})"
                for fact in items
            )
            lines.append(f"- {label}: {listed}")
    return [*lines, ""]


def render_checks(flags: Sequence[Flag]) -> list[str]:
    lines = ["## Checks", ""]
    if not flags:
        return [
            *lines,
            "Every number, name and quotation in the summary is found in the article.",
            "",
        ]
    lines += [
        f"{len(flags)} item(s) in the summary are not found in the article (German or English); "
        "treat them as unverified:",
        "",
    ]
    lines += [f"- {flag.kind}: {escape_markdown(flag.text)}" for flag in flags]
    return [*lines, ""]


def render_dropped(dropped: Sequence[Dropped]) -> list[str]:
    """The cleaner's audit trail: every removed line, grouped by rule, folded away."""
    if not dropped:
        return ["## Removed by the cleaner", "", "*Nothing was removed.*", ""]
    by_rule: dict[str, list[str]] = {}
    for item in dropped:
        by_rule.setdefault(item.rule, []).append(item.text)
    lines = [
        "## Removed by the cleaner",
        "",
        "<details>",
        f"<summary>{len(dropped)} line(s) or span(s) removed by {len(by_rule)} rule(s)</summary>",
        "",
    ]
    for rule, texts in by_rule.items():
        lines += [f"**{rule}** ({len(texts)})", ""]
        lines += [f"- {escape_markdown(text)}" for text in texts]
        lines.append("")
    lines += ["</details>", ""]
    return lines


@dataclass(frozen=True)
class IndexEntry:
    filename: str
    title: str
    summary_first_sentence: str


def render_index(entries: Sequence[IndexEntry]) -> str:
    lines = ["# Briefs", "", "| Brief | Title | Summary |", "| --- | --- | --- |"]
    for entry in sorted(entries, key=lambda item: item.filename):
        link = f"[{escape_markdown(entry.filename)}](<{entry.filename}>)"
        lines.append(
            f"| {link} | {escape_markdown(entry.title)} | "
            f"{escape_markdown(entry.summary_first_sentence)} |"
        )
    return "\n".join(lines) + "\n"
