"""The cleaner's own classifier and threshold as settings: `clean.model` (a model fitted on your
own annotated pages with `benchmarks/cleaning.py train --pages`) and `clean.threshold`."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from conftest import seed_texts

from summarize import stages
from summarize.clean import CleanArticle, CleanOptions, analyse, clean_text
from summarize.clean.model import (
    MODEL_FILE,
    ClassifierFile,
    load_classifier,
    packaged_model,
    packaged_model_file,
)
from summarize.config import ConfigError, load_config
from summarize.stages import run_fingerprint, run_settings

REPO = Path(__file__).resolve().parent.parent
HEADER = ["Startseite", "Politik", "Wirtschaft", "Newsletter abonnieren", "Anmelden"]
FOOTER = ["Mehr zum Thema", "Teilen auf Facebook", "Impressum", "Datenschutz", "Kontakt"]


def _annotated_pages(folder: Path, sites: int, flat: bool = False) -> Path:
    """One page per site: a seed article between menus, annotated as the development set is
    (in ``pages/``, or in the folder itself when ``flat``)."""
    pages = folder if flat else folder / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    seeds = seed_texts()
    for number in range(sites):
        article = seeds[number % len(seeds)].strip()
        paragraphs = [line for line in article.splitlines() if len(line.split()) >= 12]
        footer = [*FOOTER, f"© 2024 Verlag {number}"]
        text = "\n\n".join([*HEADER, article, *footer]) + "\n"
        (pages / f"page{number}.txt").write_text(text, encoding="utf-8")
        expect = {
            "id": f"page{number}",
            "url": f"https://site{number}.example/artikel",
            "must_keep": [line[:60] for line in paragraphs[:3]],
            "must_drop": [*HEADER, *footer],
            "must_drop_comments": [],
        }
        (pages / f"page{number}.json").write_text(json.dumps(expect), encoding="utf-8")
    return folder


def _benchmark(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "cleaning.py"), *arguments],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _train(*arguments: str) -> subprocess.CompletedProcess[str]:
    return _benchmark("train", *arguments)


def _fingerprint(*overrides: str) -> str:
    return run_fingerprint(load_config(project_file=None, overrides=overrides), {}, {})


@pytest.fixture(scope="module")
def own_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("sklearn", reason="fitting the classifier needs scikit-learn")
    folder = _annotated_pages(tmp_path_factory.mktemp("annotated"), sites=10)
    target = folder / "out" / "clean_model.json"
    done = _train("--pages", str(folder), "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout
    return target


def test_a_model_fitted_on_your_own_pages_is_used_through_the_config(own_model: Path) -> None:
    model = load_classifier(own_model)
    assert model.second is not None and 0.0 < model.threshold_probability < 1.0
    assert "10 annotated pages of 10 sites" in json.loads(own_model.read_text())["about"]
    assert not list(own_model.parent.glob("*.partial"))

    options = load_config(project_file=None, overrides=[f'clean.model="{own_model}"']).clean
    text = seed_texts()[0]
    features = analyse(text, CleanOptions()).features
    # A model of its own: it scores blocks differently from the packaged one.
    assert (model.drop_probability(features) != packaged_model().drop_probability(features)).any()
    assert clean_text(text, options.options()) == clean_text(text, CleanOptions(classifier=model))


def test_the_fingerprint_follows_the_model_file_content(own_model: Path, tmp_path: Path) -> None:
    copy = tmp_path / "model.json"
    copy.write_bytes(own_model.read_bytes())
    setting = f'clean.model="{copy}"'
    before = _fingerprint(setting)
    assert before != _fingerprint()  # another model than the packaged one
    assert before == _fingerprint(f'clean.model="{own_model}"')  # moved: the same model
    data = json.loads(copy.read_text())
    data["threshold_probability"] = 0.5 if data["threshold_probability"] != 0.5 else 0.6
    copy.write_text(json.dumps(data))
    assert _fingerprint(setting) != before  # same path, new content: briefs are redone
    # With the classifier off the model shapes no brief: its file does not count.
    off = 'clean.disable=["classifier"]'
    assert _fingerprint(setting, off) == _fingerprint(f'clean.model="{own_model}"', off)
    assert _fingerprint(setting, off) == _fingerprint(off)


def test_a_retrained_packaged_model_makes_the_briefs_it_cleans_out_of_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Briefs cleaned by an earlier packaged classifier are redone after an upgrade; with the
    classifier or cleaning off the packaged model changes no brief, and its fingerprint stays."""
    import hashlib

    shipped = (REPO / "summarize" / "data" / "clean_model.json").read_bytes()
    assert run_settings(load_config(project_file=None))["clean_model_sha256"] == (
        hashlib.sha256(shipped).hexdigest()
    )
    without = ('clean.disable=["classifier"]', "clean.enabled=false")
    before = {overrides: _fingerprint(*overrides) for overrides in ((), *[(o,) for o in without])}
    retrained = ClassifierFile(packaged_model_file().classifier, "0" * 64)
    monkeypatch.setattr(stages, "packaged_model_file", lambda: retrained)
    assert _fingerprint() != before[()]
    for override in without:
        assert _fingerprint(override) == before[(override,)]
        assert "clean_model_sha256" not in run_settings(
            load_config(project_file=None, overrides=[override])
        )


def test_the_model_file_is_read_once_when_the_config_is_loaded(
    own_model: Path, tmp_path: Path
) -> None:
    """A run cleans every article with the model its fingerprint counts, even when the file is
    rewritten or removed meanwhile, and a config shipped to another process (as Ray ships it to
    the nodes of a cluster) brings the model with it."""
    copy = tmp_path / "model.json"
    copy.write_bytes(own_model.read_bytes())
    config = load_config(project_file=None, overrides=[f'clean.model="{copy}"'])
    fingerprint = run_fingerprint(config, {}, {})
    text = seed_texts()[0]
    expected = clean_text(text, CleanOptions(classifier=load_classifier(own_model)))

    # Rewritten with another model that drops far more.
    data = json.loads((REPO / "summarize" / "data" / "clean_model.json").read_text())
    data["threshold_probability"] = 0.01
    copy.write_text(json.dumps(data))
    assert clean_text(text, CleanOptions(classifier=load_classifier(copy))) != expected
    assert clean_text(text, config.clean.options()) == expected
    assert run_fingerprint(config, {}, {}) == fingerprint

    copy.unlink()
    shipped = pickle.loads(pickle.dumps(config))
    assert clean_text(text, shipped.clean.options()) == expected
    assert run_fingerprint(shipped, {}, {}) == fingerprint


def test_a_flat_folder_of_pages_can_hold_its_model(own_model: Path, tmp_path: Path) -> None:
    """Pages and their annotations in the folder itself, beside a model fitted on them before
    (a JSON file that is no page's annotations): fitting again reads the pages, not the model."""
    folder = _annotated_pages(tmp_path / "flat", sites=10, flat=True)
    target = folder / "my_clean_model.json"
    target.write_bytes(own_model.read_bytes())
    done = _train("--pages", str(folder), "--out", str(target))
    assert done.returncode == 0, done.stderr
    assert "analysed 10 pages" in done.stdout
    assert load_classifier(target).second is not None


def _fails(*arguments: str) -> str:
    done = _train(*arguments)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    return done.stderr


def test_training_says_what_is_wrong_with_the_pages(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="fitting the classifier needs scikit-learn")
    target = tmp_path / "model.json"
    few = _annotated_pages(tmp_path / "few", sites=4)
    assert "at least 10 such sites" in _fails("--pages", str(few), "--out", str(target))
    one_sided = _annotated_pages(tmp_path / "one-sided", sites=12)
    for number in range(3, 12):  # must_drop strings on three sites only (absent or empty)
        annotations = one_sided / "pages" / f"page{number}.json"
        expect = json.loads(annotations.read_text())
        if number % 2:
            del expect["must_drop"]
        else:
            expect["must_drop"] = []
        annotations.write_text(json.dumps(expect))
    assert "3 of them with pages where both" in _fails(
        "--pages", str(one_sided), "--out", str(target)
    )
    assert "no such folder" in _fails("--pages", str(tmp_path / "nowhere"), "--out", str(target))
    assert "needs --out" in _fails("--pages", str(few))
    assert "name a file, not a folder" in _fails("--pages", str(few), "--out", str(tmp_path))
    broken = _annotated_pages(tmp_path / "broken", sites=10)
    (broken / "pages" / "page3.json").write_text("{not json", encoding="utf-8")
    assert "page3.json" in _fails("--pages", str(broken), "--out", str(target))
    (broken / "pages" / "page3.json").unlink()
    assert "page3.json: missing" in _fails("--pages", str(broken), "--out", str(target))
    assert not target.exists() and not list(tmp_path.glob("*.partial"))


def test_a_model_setting_that_cannot_serve_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"clean\.model"):
        load_config(project_file=None, overrides=[f'clean.model="{tmp_path / "none.json"}"'])
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read the cleaner model"):
        load_config(project_file=None, overrides=[f'clean.model="{broken}"'])
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"first": {"features": ["x"]}, "threshold_probability": 0.5}))
    with pytest.raises(ConfigError, match="retrain"):
        load_config(project_file=None, overrides=[f'clean.model="{other}"'])
    a_list = tmp_path / "list.json"
    a_list.write_text("[1, 2]")
    with pytest.raises(ConfigError, match="not a cleaner model"):
        load_config(project_file=None, overrides=[f'clean.model="{a_list}"'])


@pytest.mark.parametrize(
    "content",
    [b"[clean]\nthreshold = 0.8\n", b"\x80\x04\x95sklearn", b""],
    ids=["toml", "pickle", "empty"],
)
def test_a_model_file_that_is_not_json_is_said_so(tmp_path: Path, content: bytes) -> None:
    """clean.model naming a config, a pickled scikit-learn model or an empty file: the message
    was the parser's own, "Expecting value: line 1 column 1 (char 0)" or "'utf-8' codec can't
    decode byte 0x80 in position 0", with no word of what the file should be."""
    model = tmp_path / "model.file"
    model.write_bytes(content)
    with pytest.raises(ConfigError) as raised:
        load_config(project_file=None, overrides=[f'clean.model="{model}"'])
    message = str(raised.value)
    assert f"cannot read the cleaner model {model}: it is not JSON (" in message
    assert "written by benchmarks/cleaning.py train" in message
    assert "char 0" not in message and "codec" not in message


def test_a_model_file_nested_past_the_json_readers_depth_is_said_so(tmp_path: Path) -> None:
    """clean.model naming a JSON file of lists nested 100,000 deep (200 KB): json raises
    RecursionError, no JSONDecodeError, and `summarize inspect -s clean.model=…` ended in a
    traceback, exit 1."""
    model = tmp_path / "deep.json"
    model.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(project_file=None, overrides=[f'clean.model="{model}"'])
    message = str(raised.value)
    assert f"cannot read the cleaner model {model}: it is not JSON (nested too deeply)" in message
    assert "written by benchmarks/cleaning.py train" in message


def _edited_packaged_model(edit: str) -> dict[str, Any]:
    data = json.loads((REPO / "summarize" / MODEL_FILE).read_text(encoding="utf-8"))
    if edit == "no trees":
        data["second"]["trees"] = []
    elif edit == "deep":
        data["first"]["depth"] = 40
    elif edit == "negative feature":
        tree = data["first"]["trees"][0]
        tree["feature"][next(i for i, left in enumerate(tree["left"]) if left >= 0)] = -3
    elif edit == "threshold not finite":  # a split that sends every block right
        tree = data["second"]["trees"][0]
        split = next(i for i, left in enumerate(tree["left"]) if left >= 0)
        tree["threshold"][split] = float("nan")
    else:
        data["first"]["learning_rate"] = float("nan")
    return data


@pytest.mark.parametrize(
    "edit", ["no trees", "deep", "negative feature", "not finite", "threshold not finite"]
)
def test_a_model_file_that_would_fail_on_the_first_page_is_a_config_error(
    tmp_path: Path, edit: str
) -> None:
    """A model file edited by hand or written by another tool: without trees, or deeper than
    any fitting makes, it was read and the run ended on its first page with a traceback (or a
    numpy MemoryError); a negative feature index or a NaN was used silently (numpy counts the
    index from the end; NaN log-odds drop nothing)."""
    model = tmp_path / "edited.json"
    model.write_text(json.dumps(_edited_packaged_model(edit)), encoding="utf-8")
    with pytest.raises(ConfigError, match="not a cleaner model written by"):
        load_config(project_file=None, overrides=[f'clean.model="{model}"'])


def test_a_model_path_may_start_at_home(
    own_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "m.json").write_bytes(own_model.read_bytes())
    config = load_config(project_file=None, overrides=['clean.model="~/m.json"'])
    assert config.clean.model == tmp_path / "m.json"


@pytest.mark.parametrize("threshold", ["0", "1", "1.5", "-0.2"])
def test_the_threshold_lies_strictly_between_0_and_1(threshold: str) -> None:
    with pytest.raises(ConfigError, match=r"clean\.threshold"):
        load_config(project_file=None, overrides=[f"clean.threshold={threshold}"])


def test_a_lower_threshold_drops_more_and_changes_the_fingerprint() -> None:
    text = seed_texts()[1]
    dropped = {}
    for threshold in (0.05, 0.5, 0.99):
        config = load_config(project_file=None, overrides=[f"clean.threshold={threshold}"])
        article = clean_text(text, config.clean.options())
        dropped[threshold] = article.dropped_counts().get("classifier", 0)
    assert dropped[0.05] > dropped[0.99]
    assert dropped[0.05] >= dropped[0.5] >= dropped[0.99]
    assert _fingerprint("clean.threshold=0.5") != _fingerprint()
    own = packaged_model().threshold_probability  # the default spelt out: briefs stay current
    assert _fingerprint(f"clean.threshold={own}") == _fingerprint()
    # and the run record says which threshold made a brief
    config = load_config(project_file=None, overrides=["clean.threshold=0.5"])
    assert run_settings(config)["clean"]["threshold"] == 0.5
    assert "threshold" not in run_settings(load_config(project_file=None))["clean"]


ENGLISH_PAGE = (
    "Home\nNews\n\nThe city council approved the new budget on Monday after a long debate "
    "about schools and roads.\n\nThe mayor said that the plan would be reviewed again in the "
    "spring, when the new figures are known.\n\nContact\n"
)


def test_the_score_command_cleans_pages_as_a_run_does_and_scores_them(tmp_path: Path) -> None:
    """``score --pages DIR``: your own annotated pages (held out from the packaged model),
    each read and cleaned as a run does, the language check included (an English page is
    refused, so its output is empty); the first row is the set's rule applied to the outputs
    it writes, which ``score.py`` can read."""
    root = _annotated_pages(tmp_path / "set", sites=6)
    (root / "pages" / "page5.txt").write_text(ENGLISH_PAGE, encoding="utf-8")
    english = {"id": "page5", "url": "https://site5.example/a", "must_drop": ["Contact"],
               "must_keep": ["The city council approved the new budget"]}  # fmt: skip
    (root / "pages" / "page5.json").write_text(json.dumps(english), encoding="utf-8")
    out = tmp_path / "out"
    done = _benchmark("score", "--pages", str(root), "--out", str(out))
    assert done.returncode == 0, done.stderr
    outputs = {path.stem: path.read_text(encoding="utf-8") for path in out.glob("*.txt")}
    assert sorted(outputs) == [f"page{number}" for number in range(6)]
    assert outputs["page5"] == ""
    assert "refused by a run (not German; counted as emptied): page5" in done.stdout

    kept = keep_total = dropped = drop_total = 0
    for number in range(6):
        expect = json.loads((root / "pages" / f"page{number}.json").read_text(encoding="utf-8"))
        output = " ".join(outputs[f"page{number}"].split())
        keep_total += len(expect["must_keep"])
        kept += sum(" ".join(text.split()) in output for text in expect["must_keep"])
        drop_total += len(expect["must_drop"])
        dropped += sum(" ".join(text.split()) not in output for text in expect["must_drop"])
    assert 0 < kept < keep_total and dropped > 0  # the English page's string is lost
    row = next(line for line in done.stdout.splitlines() if line.startswith("| rules + class"))
    assert f"| {kept / keep_total:.3f} | {dropped / drop_total:.3f} |" in row, done.stdout


def test_the_score_command_says_what_is_wrong(tmp_path: Path) -> None:
    root = _annotated_pages(tmp_path / "set", sites=2)
    for arguments, message in (
        (["--pages", str(root), "--model", str(tmp_path / "none.json")], "cannot read"),
        (["--pages", str(tmp_path / "nowhere")], "no such folder"),
        ([], "score needs one --pages DIR"),
    ):
        done = _benchmark("score", *arguments)
        assert done.returncode != 0 and message in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("mistake", "message"),
    [
        ({"mustkeep": ["Startseite"]}, "unknown key(s) mustkeep"),
        ({"must_keep": ["Dieser Satz steht auf keiner Seite."]}, "a must_keep string is not in"),
        ({"must_drop": ["Startseite", "Impresum"]}, "a must_drop string is not in"),
        ({"id": 5}, "id 5 is not the file's name"),
        ({"id": "../../escaped"}, "is not the file's name"),
        ({"url": 7}, "url must be a string or null"),
    ],
)
def test_annotations_that_would_label_nothing_are_refused(
    tmp_path: Path, mistake: dict[str, object], message: str
) -> None:
    """A misspelt key or a string the page does not hold labelled nothing, silently: the page
    counted as emptied or lost a string whatever the cleaner did, and a model was fitted on
    fewer labels. An id that is not the file's name put ``score --out``'s file elsewhere (or
    outside the folder); a number for the url was a traceback."""
    root = _annotated_pages(tmp_path / "set", sites=2)
    annotations = root / "pages" / "page1.json"
    annotations.write_text(json.dumps({**json.loads(annotations.read_text()), **mistake}))
    out = tmp_path / "deep" / "out"
    done = _benchmark("score", "--pages", str(root), "--out", str(out))
    assert done.returncode != 0 and message in done.stderr, done.stderr
    assert "page1.json" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() and not list(tmp_path.rglob("escaped*"))
    (root / "pages" / "page1.txt").write_bytes("Grüße aus Köln".encode("latin-1"))
    annotations.write_text(json.dumps({"must_keep": [], "must_drop": []}))
    done = _benchmark("score", "--pages", str(root))
    assert done.returncode != 0 and "page1.txt" in done.stderr and "UTF-8" in done.stderr


def test_a_page_annotated_with_boilerplate_alone_is_never_emptied(tmp_path: Path) -> None:
    """A page of boilerplate alone (a cookie wall) has no must_keep string to lose: it counted
    as emptied in every row, keeping everything too."""
    root = _annotated_pages(tmp_path / "set", sites=3)
    annotations = root / "pages" / "page2.json"
    annotations.write_text(json.dumps({**json.loads(annotations.read_text()), "must_keep": []}))
    done = _benchmark("score", "--pages", str(root))
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("| keep every"))
    assert row.endswith("| 0 |"), done.stdout


def test_the_benchmark_puts_number_led_lines_into_pages_and_counts_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The benchmark's check of lines that start with a number, a date or an ordinal: each one,
    put into a page after an article string, comes through whole, as its control does; a line
    that comes through cut is counted as changed."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import cleaning

    pages = cleaning.load_pages(_annotated_pages(tmp_path, sites=6))
    models = [(np.arange(len(pages)), packaged_model())]
    contexts, kept, controls, changed = cleaning.number_led_lines(pages, models)
    assert contexts >= 3  # pages whose article string (not a bulleted one) the cleaner keeps
    assert kept == controls == contexts and changed == 0

    line = "3. Oktober ist der Tag der Deutschen Einheit, an dem die Stadt wie jedes Jahr feiert."
    monkeypatch.setattr(cleaning, "NUMBER_LED_LINES", ((f"• {line}", line),))
    assert cleaning.number_led_lines(pages, models) == (contexts, 0, contexts, contexts)


def _titles_benchmark() -> Any:
    sys.path.insert(0, str(REPO / "benchmarks"))
    import cleaning

    return cleaning


HEADLINE = "Neue Brücke über den Rhein nach zwei Jahren eröffnet"
PAGE_LINES = (
    "Startseite Politik Wirtschaft",
    "Rheinzeitung",
    "Lokales",
    f"Lokales: {HEADLINE}",
    "Die Stadt hat am Samstag die neue Brücke über den Rhein für den Verkehr freigegeben.",
)


def _html(head: str, body: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("html", "reference"),
    [
        # og:title without the site's name: only a block that shows exactly that part
        (_html(f'<meta property="og:title" content="{HEADLINE} | Rheinzeitung">'), None),
        (_html(f'<meta property="og:title" content="Lokales: {HEADLINE} | Rheinzeitung">'), 3),
        # no og:title: the <h1> that is not the site's logo, the one inside <title> first
        (_html("<title>Lokales</title>", f"<h1>Rheinzeitung</h1><h1>Lokales: {HEADLINE}</h1>"), 3),
        # a <title> whose block holds it as most of its length (a kicker joined to it)
        (_html(f"<title>{HEADLINE}</title>"), 3),
        # one word, a <title> the page does not show, no head at all: no reference
        (_html("<title>Lokales</title>"), None),
        (_html("<title>Ganz andere Worte als auf der Seite</title>"), None),
        (b"<html><body><p>Die Stadt</p></body></html>", None),
        (b"", None),
        (b"<!-- nur ein Kommentar -->", None),
        # a page declaring another charset that is UTF-8; a soft hyphen in the block
        (
            f'<?xml version="1.0" encoding="iso-8859-1"?><html><head><meta property='
            f'"og:title" content="Lokales: {HEADLINE}"></head></html>'.encode(),
            3,
        ),
    ],
)
def test_the_titles_benchmark_takes_the_pages_own_headline_from_its_html(
    html: bytes, reference: int | None
) -> None:
    """`benchmarks/cleaning.py titles`: the reference headline is the block of the page's plain
    text that shows og:title (a site part beside " | " tried away), an <h1> or <title>."""
    cleaning = _titles_benchmark()
    texts = list(PAGE_LINES)
    texts[3] = texts[3].replace("Brücke", "Brü\xadcke")  # soft hyphens: as the set's strings
    found = cleaning.reference_headline(html, texts, "wwwrheinzeitungde")
    assert found == (None if reference is None else " ".join(PAGE_LINES[reference].split()))
    # og:title's part left of the site's name matches a block showing only the headline
    texts[3] = HEADLINE
    html = _html(f'<meta property="og:title" content="{HEADLINE} - Rheinzeitung">')
    assert cleaning.reference_headline(html, texts, "wwwrheinzeitungde") == HEADLINE


def test_the_titles_benchmark_counts_each_outcome() -> None:
    cleaning = _titles_benchmark()
    body = (PAGE_LINES[-1],)
    outcomes = [
        cleaning.title_outcome(CleanArticle(title, paragraphs), HEADLINE)
        for title, paragraphs in (
            (HEADLINE, body),
            ("Startseite Politik Wirtschaft", (HEADLINE, *body)),
            (None, (HEADLINE, *body)),
            ("Startseite Politik Wirtschaft", body),
        )
    ]
    assert outcomes == ["correct", "wrong", "missed", "unreachable"]


def test_the_titles_command_reads_each_pages_html_and_prints_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each page's HTML is read from the checkout named by ``--html-source``, and the table
    counts the pages by half (sorted by id) and in all; a missing file is named."""
    cleaning = _titles_benchmark()
    root = _annotated_pages(tmp_path / "set", sites=5)
    source = tmp_path / "checkout"
    (source / "tests" / "eval").mkdir(parents=True)
    for json_file in sorted((root / "pages").glob("*.json")):
        expect = json.loads(json_file.read_text(encoding="utf-8"))
        expect["source"] = {"path": f"tests/eval/{expect['id']}.html"}
        json_file.write_text(json.dumps(expect), encoding="utf-8")
        text = json_file.with_suffix(".txt").read_text(encoding="utf-8")
        headline = next(line for line in text.splitlines() if len(line.split()) >= 6)
        if expect["id"] == "page4":
            headline = "Eine Schlagzeile, die auf der Seite nicht steht"
        head = f'<meta property="og:title" content="{headline} | Verlag">'
        (source / expect["source"]["path"]).write_bytes(_html(head))
    pages = cleaning.load_pages(root)
    cleaning.titles_table(pages, source)
    table = capsys.readouterr().out
    assert "1 of 5 pages have none" in table
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:]
    counts = [[int(cell) for cell in row.strip("| ").split(" | ")[1:]] for row in rows]
    assert [row[0] for row in counts] == [2, 2, 4]  # page0, 2 (4 has none); page1, 3
    assert all(sum(row[1:]) == row[0] for row in counts)
    assert counts[2] == [a + b for a, b in zip(counts[0], counts[1], strict=True)]

    (source / "tests" / "eval" / "page2.html").unlink()
    with pytest.raises(SystemExit, match=r"1 of 5 pages' HTML missing .* tests/eval/page2\.html"):
        cleaning.titles_table(pages, source)


def test_the_titles_command_needs_the_pages_html() -> None:
    done = _benchmark("titles")
    assert done.returncode != 0 and "need --html-source" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
