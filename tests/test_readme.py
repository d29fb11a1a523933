"""The repository's Markdown documents link to what exists: a file, and a heading in it; the
README's table of options names what each command's --help does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    REPO / "README.md",
    REPO / "models" / "README.md",
    *sorted(REPO.glob("benchmarks/*.md")),
]
# [text](target): a target without white space, as these documents write their links.
_LINK = re.compile(r"\]\(([^)\s]+)\)")
# `code` spans and fenced blocks hold Markdown as text ("und ![Bild](…)"), never a link.
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(document: Path) -> set[str]:
    text = _CODE.sub("", document.read_text(encoding="utf-8"))
    return {_anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


def _relative_links(document: Path) -> list[str]:
    text = _CODE.sub("", document.read_text(encoding="utf-8"))
    return [link for link in _LINK.findall(text) if not re.match(r"[a-z]+:", link)]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(REPO)))
def test_relative_links_reach_a_file_and_heading(document: Path) -> None:
    for link in _relative_links(document):
        path, _, anchor = link.partition("#")
        target = (document.parent / path).resolve() if path else document
        assert target.exists(), (document.name, link)
        if anchor:
            assert anchor in _anchors(target), (document.name, link)


def test_the_link_reader_finds_the_readmes_links() -> None:
    links = _relative_links(REPO / "README.md")
    assert any("#" in link for link in links) and any(link.endswith(".png") for link in links)


def _option_table() -> dict[str, dict[str, str | None]]:
    """The README's table of options: each command (``eval summary``) with each of its long
    options and the value it shows (``--output``/``-o DIR``: DIR; a flag, or a value left out
    as in ``--config``/``-c``: None)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("Every option, by command", 1)[1].split("\n\n", 2)[1]
    commands: dict[str, dict[str, str | None]] = {}
    for row in table.splitlines()[2:]:
        command_cell, options_cell = row.strip("|").split(" | ", 1)
        command = " ".join(
            word for word in command_cell.strip("` ").split() if not word[0].isupper()
        )
        options: dict[str, str | None] = {}
        last = ""
        for span in re.findall(r"`([^`]*)`", options_cell):
            name, _, value = span.replace("\\|", "|").partition(" ")
            if name.startswith("--"):
                last = name
                options[last] = value or None
            elif re.fullmatch(r"-[a-z]", name) and value:  # `--output`/`-o DIR`
                options[last] = value
        commands[command] = options
    return commands


def test_the_option_table_names_each_option_and_value_as_help_does() -> None:
    """The table says "`summarize COMMAND --help` says the same": it named --ray-address's
    value ADDRESS where --help says auto|HOST:PORT."""
    import typer.main

    from summarize.cli import app

    def commands(group: Any, prefix: str = "") -> dict[str, Any]:
        found = {}
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                found.update(commands(command, f"{prefix}{name} "))
            else:
                found[prefix + name] = command
        return found

    table = _option_table()
    cli = commands(typer.main.get_command(app))
    assert table.keys() == cli.keys()
    for name, command in cli.items():
        values = {
            param.opts[0]: param.metavar
            for param in command.params
            if param.param_type_name == "option"
        }
        assert table[name].keys() == values.keys(), name
        for option, value in table[name].items():
            assert value in (None, values[option]), (name, option, value, values[option])


# "X" is article text, "Y" (and "Z") is (are) not: the README's examples of what a phrase rule
# of the cleaner takes (summarize/data/boilerplate.toml) and what it leaves to the article.
_RULE_EXAMPLES = re.compile(
    r'"([^"]+)" is article text, ((?:"[^"]+"(?:,| and| or)? ?)+) (?:is|are) not\b'
)


def test_the_phrase_rules_take_the_notices_the_readme_names_and_not_its_article_text() -> None:
    """The README said "Die Plattform muss ihre Datenschutzerklärung überarbeiten, entschied
    die Kammer." is article text: at 9 words it is under the 12 that make a sentence-shaped
    line, and `consent` took it; its notice, "Wenn Sie bleiben, verwenden wir Cookies.", no
    rule took (the verb comes before "Cookies")."""
    from summarize.clean.blocks import phrase_rules

    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    examples = _RULE_EXAMPLES.findall(text)
    assert len(examples) >= 2
    rules = phrase_rules().values()
    for article, notices in examples:
        assert not [rule.name for rule in rules if rule.matches(article)], article
        for notice in re.findall(r'"([^"]+)"', notices):
            assert any(rule.matches(notice) for rule in rules), notice


def _readme_keys_after(marker: str) -> list[str]:
    """The keys the README lists in the first braces after ``marker``, as `{"a", "b" (a note),
    "c": "value"}`: the quoted words at their top level, not a value after a colon nor the words
    in a note's parentheses or in a nested object."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    start = text.index("{", text.index(marker)) + 1
    keys: list[str] = []
    depth, word, value_next = 0, None, False
    for char in text[start:]:
        if word is not None:  # inside a quoted word
            if char != '"':
                word += char
                continue
            if not value_next:
                keys.append(word)
            word, value_next = None, False
        elif char in "({":
            depth += 1
        elif char == ")" or (char == "}" and depth > 0):
            depth -= 1
        elif char == "}":
            return keys
        elif char == ":" and depth == 0:
            value_next = True
        elif char == "," and depth == 0:  # a value not quoted (`true`) ends here
            value_next = False
        elif char == '"' and depth == 0:
            word = ""
    raise AssertionError(f"no end to the keys after {marker!r} in the README")


def test_the_eval_outputs_hold_the_keys_the_readme_lists(tmp_path: Path) -> None:
    """The README lists each key of metrics.json (both commands, rouge_settings too) and of a
    summaries.jsonl line: a key added, renamed or reordered in the code and not there is a
    claim that drifted."""
    import json

    from summarize.config import SummarizationSettings, TranslationSettings
    from summarize.evaluate import evaluate_summaries, evaluate_translation
    from summarize.summarization import Summarizer
    from summarize.testing import EchoBackend, echo_model
    from summarize.translation import Translator

    (tmp_path / "src.de").write_text("Kurz hier.\nKurz dort.\n", encoding="utf-8")
    (tmp_path / "ref.en").write_text("Short here.\nShort there.\n", encoding="utf-8")
    translator = Translator(echo_model(window=12), TranslationSettings())
    evaluate_translation(translator, tmp_path / "src.de", tmp_path / "ref.en", tmp_path / "mt")
    translation_metrics = json.loads((tmp_path / "mt" / "metrics.json").read_text())
    assert list(translation_metrics) == _readme_keys_after("eval/mt/metrics.json")

    # One article within the 12-token window, one past it (map-reduce: "chunks"), with ids.
    records = [
        {"id": "calm", "article": "A calm text.", "reference": "Calm."},
        {"id": "long", "article": " ".join(f"S{i} moved on." for i in range(9)),
         "reference": "Moved."},
    ]  # fmt: skip
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    summarizer = Summarizer(
        echo_model("summarization", window=12, backend=EchoBackend(lambda text: "Moved.")),
        SummarizationSettings(),
    )
    evaluate_summaries(summarizer, data, tmp_path / "sum")
    summary_metrics = json.loads((tmp_path / "sum" / "metrics.json").read_text())
    assert list(summary_metrics) == _readme_keys_after("eval/sum/metrics.json")
    rouge_settings = _readme_keys_after('"rouge_settings" (')
    assert sorted(summary_metrics["rouge_settings"]) == sorted(rouge_settings)
    # A summaries.jsonl line: "id" and "summary", then "note" and "chunks" where they apply.
    assert _readme_keys_after("eval/sum/summaries.jsonl") == ["id", "summary"]
    lines = [json.loads(line) for line in (tmp_path / "sum" / "summaries.jsonl").open()]
    assert [list(line) for line in lines] == [["id", "summary"], ["id", "summary", "chunks"]]
