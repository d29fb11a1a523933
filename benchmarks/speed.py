"""Speed and memory: our pipeline against the hand-written transformers script, same run.

    python benchmarks/speed.py                 # seeds + 30 WMT21 articles, all modes
    python benchmarks/speed.py --quick         # the five seeds only
    python benchmarks/speed.py --modes naive,default,ct2-int8
    python benchmarks/speed.py --quick --modes naive,default --set runtime.workers=1  # ablation
    python benchmarks/speed.py --small         # only the whole-process runs on one and two seeds

Full-size random-weight models are built once from the real configs and tokenizers in
../shared/hub (opus-mt-de-en 74M, distilbart-cnn-12-6 306M; seed 0) under benchmarks/.models.
Random weights would emit arbitrary lengths, so every side is forced to the same output lengths:
``--mt-tokens`` new tokens per sentence and ``--summary-tokens`` per summary
(min_new_tokens = max_new_tokens), with each model's own settings otherwise (beam 4, ...).

Each mode runs in its own process (so peak RSS is its own) over the same workload: the cleaned
German sentences of every article (headline included), then a summary per article.
- naive: what the model cards show: one generate() per sentence; one per article with the
  English text truncated to the window; fp32; torch.set_num_threads(2).
- default / int8 / ct2 / ct2-int8: ``Pipeline.run`` over the files, as ``summarize run`` does
  (read, clean, translate, summarize, check, write each brief and the index) with the default
  config, ``runtime.threads = 2``, the backend / quantization of the mode for both models, and
  the translation cache off.
Reported: translation output tokens/s, summarization seconds per article, end-to-end seconds
(everything after the models are loaded), model load seconds, peak RSS, the ratios against
naive, and the share of sentences / summaries identical to the default (fp32 torch) path.

Small runs as whole processes (``--small`` alone, or after the table): one article (seed 000) and
two articles (seeds 000 and 003), each a fresh ``summarize run -v`` process (start-up, imports and
model loading included; forced 24 tokens per sentence and 60 per summary unless given) against the
naive script run as a process the same way (``speed.py --naive-run``: load both models, translate
sentence by sentence, summarize the truncated text, write one Markdown file per article), on two
threads and on one; the ratios are taken against the faster of the two. Modes
are interleaved and repeated (``--repeat``); the fastest repeat counts. Reported per run: wall
seconds, the process's CPU seconds (this machine is shared: CPU time is steadier than wall time),
the ratio against naive, the time to the first brief written, and a breakdown read from the
timestamps of the run's own debug log: start-up (interpreter and CLI imports), configure (torch
and the libraries' logging), models (tokenizers, configs, weights; overlapping the reading and
preparing of the articles), translate, summarize, checks, write, exit. "before generate" is
everything before the first model input: the start-up overhead. After each of our runs the same
command runs again without ``--force`` ("up to date": every brief current, no model loaded), timed
the same way against the same naive baseline: what a rerun costs that has nothing to do.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from prerequisites import (  # noqa: E402
    MT_TOKENS,
    SHARED,
    at_least,
    require_modules,
    require_overrides,
    require_paths,
)

MODELS = REPO / "benchmarks" / ".models"
RESULTS = REPO / "benchmarks" / ".results"  # per-mode JSON, so a long run is never lost
THREADS = 2
MODES = {
    "naive": None,
    "default": ("torch", "none"),
    "int8": ("torch", "int8"),
    "ct2": ("ctranslate2", "none"),
    "ct2-int8": ("ctranslate2", "int8"),
}


def build_models() -> tuple[Path, Path]:
    from summarize import testing

    marian, bart = MODELS / "opus-mt-de-en", MODELS / "distilbart-cnn-12-6"
    hub = SHARED / "hub"
    builds = (
        (marian, "Helsinki-NLP__opus-mt-de-en", testing.build_marian),
        (bart, "sshleifer__distilbart-cnn-12-6", testing.build_bart),
    )
    for built, real, _ in builds:
        if not _is_built(built):
            require_paths(hub / real / "config.json")
    for built, real, build in builds:
        if not _is_built(built):
            _build_whole(built, build, hub / real)
    return marian, bart


def _is_built(folder: Path) -> bool:
    # generation_config.json is the last file a build writes (a folder from before builds
    # were renamed into place may be one an interrupted build left).
    return (folder / "model.safetensors").is_file() and (
        folder / "generation_config.json"
    ).is_file()


def _build_whole(folder: Path, build: Callable[..., Path], tokenizer_dir: Path) -> None:
    """Build into a folder beside ``folder`` and rename it into place once complete: a build
    interrupted (Ctrl-C while 1.5 GB of weights are saved) left a folder without its generation
    settings, or a half-written model, that the next run took as built and measured, or stopped
    on with a traceback."""
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    build(partial, tokenizer_dir=tokenizer_dir, tiny=False)
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)


def write_workload(folder: Path, quick: bool) -> list[Path]:
    """The seeds, plus the WMT21 articles as files (headline line, then the segments)."""
    paths = sorted((REPO / "seeds").glob("*.txt"))
    if not quick:
        require_paths(SHARED / "eval" / "mt" / "newstest2021-docs-dev.jsonl")
        with (SHARED / "eval" / "mt" / "newstest2021-docs-dev.jsonl").open(encoding="utf-8") as f:
            for number, line in enumerate(f):
                doc = json.loads(line)
                path = folder / f"wmt21-{number:02d}.txt"
                path.write_text("\n\n".join(doc["de"]) + "\n", encoding="utf-8")
                paths.append(path)
    return paths


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def naive_sentences(files: list[Path]) -> list[list[str]]:
    """The same cleaned sentences our pipeline translates (headline first), one list per file."""
    from summarize.ingest import read_article
    from summarize.stages import prepare_text

    articles = []
    for path in files:
        _, segmented = prepare_text(read_article(path).text)
        title = [segmented.title] if segmented.title else []
        articles.append(title + segmented.sentences)
    return articles


def naive_run(files: list[Path], output: Path, args: argparse.Namespace) -> None:
    """The naive script as a whole process: load, translate, summarize, one Markdown file each."""
    marian, bart = MODELS / "opus-mt-de-en", MODELS / "distilbart-cnn-12-6"
    result = run_naive(marian, bart, naive_sentences(files), args)
    output.mkdir(parents=True, exist_ok=True)
    for path, english, summary in zip(files, result["translations"], result["summaries"],
                                      strict=True):  # fmt: skip
        text = f"# {english[0]}\n\n## Summary\n\n{summary}\n\n## Article\n\n" + " ".join(english)
        (output / f"{path.stem}.md").write_text(text + "\n", encoding="utf-8")


def run_naive(marian: Path, bart: Path, articles: list[list[str]], args: argparse.Namespace):
    import torch
    import transformers
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    transformers.utils.logging.set_verbosity_error()  # one warning per generate() call
    torch.set_num_threads(getattr(args, "naive_threads", None) or THREADS)
    start = time.perf_counter()
    mt_tokenizer = AutoTokenizer.from_pretrained(marian)
    mt_model = AutoModelForSeq2SeqLM.from_pretrained(marian)
    sum_tokenizer = AutoTokenizer.from_pretrained(bart)
    sum_model = AutoModelForSeq2SeqLM.from_pretrained(bart)
    summary_params = dict(sum_model.config.task_specific_params["summarization"])
    load_seconds = time.perf_counter() - start

    translations, summaries, summary_work = [], [], []
    translate_seconds = summarize_seconds = 0.0
    start_all = time.perf_counter()
    for sentences in articles:
        start = time.perf_counter()
        english = []
        for sentence in sentences:
            batch = mt_tokenizer([sentence], return_tensors="pt")
            output = mt_model.generate(
                **batch, min_new_tokens=args.mt_tokens, max_new_tokens=args.mt_tokens
            )
            english.append(mt_tokenizer.decode(output[0], skip_special_tokens=True))
        translate_seconds += time.perf_counter() - start
        translations.append(english)
        start = time.perf_counter()
        batch = sum_tokenizer(
            [" ".join(english[1:] if len(english) > 1 else english)],
            truncation=True, max_length=1024, return_tensors="pt",
        )  # fmt: skip
        summary_work.append([int(batch["input_ids"].shape[1]), 1])
        params = {**summary_params, "min_length": None, "max_length": None}
        output = sum_model.generate(
            **batch, **params, min_new_tokens=args.summary_tokens,
            max_new_tokens=args.summary_tokens,
        )  # fmt: skip
        summaries.append(sum_tokenizer.decode(output[0], skip_special_tokens=True))
        summarize_seconds += time.perf_counter() - start
    return {
        "load_seconds": load_seconds,
        "end_to_end_seconds": time.perf_counter() - start_all,
        "translate_seconds": translate_seconds,
        "summarize_seconds": summarize_seconds,
        "translations": translations,
        "summaries": summaries,
        "summary_paths": ["truncated"] * len(summaries),
        "summary_work": summary_work,  # per article: [input tokens, generate() inputs]
    }


def pipeline_overrides(
    mode: str, mt_tokens: int, summary_tokens: int, extra: list[str]
) -> list[str]:
    """The config of a pipeline mode: the benchmark's models, forced lengths, threads, no cache."""
    backend, quantization = MODES[mode]
    overrides = [
        f"translation.model={json.dumps(str(MODELS / 'opus-mt-de-en'))}",
        f"summarization.model={json.dumps(str(MODELS / 'distilbart-cnn-12-6'))}",
        f"translation.generation.min_new_tokens={mt_tokens}",
        f"translation.generation.max_new_tokens={mt_tokens}",
        f"summarization.generation.min_new_tokens={summary_tokens}",
        f"summarization.generation.max_new_tokens={summary_tokens}",
        f"runtime.threads={THREADS}",
        "runtime.cache=false",
    ]
    for section in ("translation", "summarization"):
        overrides += [f"{section}.backend={backend}", f"{section}.quantization={quantization}"]
    return overrides + extra  # ablations come last, so they win


def run_pipeline(marian: Path, bart: Path, files: list[Path], mode: str, args: argparse.Namespace):
    from summarize.config import load_config
    from summarize.engines.local import Pipeline
    from summarize.process import configure_process
    from summarize.render import Brief

    class RecordingPipeline(Pipeline):
        """The real pipeline; keeps the briefs it makes so the texts can be compared."""

        def __init__(self, config) -> None:
            super().__init__(config, configure_process(config.runtime))
            self.briefs: list[Brief] = []

        def make_briefs(self, articles, progress=None):
            results = super().make_briefs(articles, progress)
            self.briefs.extend(result for result in results if isinstance(result, Brief))
            return results

    overrides = pipeline_overrides(mode, args.mt_tokens, args.summary_tokens, args.set)
    with tempfile.TemporaryDirectory() as output:
        config = load_config(
            overrides=[*overrides, f"output.folder={json.dumps(output)}"], project_file=None
        )
        start = time.perf_counter()
        pipeline = RecordingPipeline(config)
        pipeline.load()
        load_seconds = time.perf_counter() - start
        start_all = time.perf_counter()
        report = pipeline.run(files)  # what `summarize run` does: read, brief, write, index
        end_to_end = time.perf_counter() - start_all
    if report.without_brief:
        raise SystemExit(f"{mode}: {[outcome.reason for outcome in report.without_brief]}")
    by_source = {Path(brief.source).resolve(): brief for brief in pipeline.briefs}
    briefs = [by_source[path.resolve()] for path in files]
    translations = [
        ([brief.title_en] if brief.title_en is not None else [])
        + [text for pair in brief.paragraphs for text in pair.english]
        for brief in briefs
    ]
    return {
        "load_seconds": load_seconds,
        "end_to_end_seconds": end_to_end,
        "translate_seconds": sum(brief.seconds["translate"] for brief in briefs),
        "summarize_seconds": sum(brief.seconds["summarize"] for brief in briefs),
        "translations": translations,
        "summaries": [brief.summary.text for brief in briefs],
        "summary_paths": [brief.summary.path for brief in briefs],
        "summary_work": [
            [brief.summary.input_tokens, brief.summary.chunks + brief.summary.map_rounds]
            for brief in briefs
        ],
    }


def worker(args: argparse.Namespace) -> None:
    marian, bart = MODELS / "opus-mt-de-en", MODELS / "distilbart-cnn-12-6"
    files = [Path(line) for line in Path(args.files).read_text().splitlines()]
    if args.worker == "naive":
        result = run_naive(marian, bart, naive_sentences(files), args)
    else:
        result = run_pipeline(marian, bart, files, args.worker, args)
    result["peak_rss_mib"] = _peak_rss_mib()
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


SMALL_RUNS = {1: ("000",), 2: ("000", "003")}  # articles: seeds
# Lines of `summarize run -v` whose timestamps mark the stages (the first match of each counts).
MILESTONES = {
    "started": re.compile(r"DEBUG run started"),
    "configured": re.compile(r"DEBUG \d+ worker\(s\) x"),
    "translator": re.compile(r"INFO loaded translation model"),
    "summarizer": re.compile(r"INFO loaded summarization model"),
    "generate": re.compile(r"DEBUG translating \d+ sentence"),
    "translated": re.compile(r"DEBUG translated \d+ article"),
    "summarized": re.compile(r"DEBUG summarized \d+ article"),
    "checked": re.compile(r"DEBUG checked \d+ article"),
    "written": re.compile(r"DEBUG wrote \d+ brief"),
}
_LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) ")


def summarize_command() -> list[str]:
    """`summarize` as a user runs it: the venv's console script (the worktree's code first)."""
    script = Path(sys.executable).with_name("summarize")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "from summarize.cli import main; main()"]


def milestones(log: str, launched: float) -> dict[str, float]:
    """Seconds from the process launch to the first log line of each milestone."""
    found: dict[str, float] = {}
    for line in log.splitlines():
        stamp = _LOG_TIME.match(line)
        if not stamp:
            continue
        for name, pattern in MILESTONES.items():
            if name not in found and pattern.search(line):
                moment = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp()
                found[name] = moment - launched
    return found


def timed_process(command: list[str], scratch: Path) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system) and stderr of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1"}
    start = time.perf_counter()
    launched = time.time()
    done = subprocess.run(command, cwd=scratch, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, f"launched {launched}\n{done.stderr}"


# The naive script's rows in the small runs: torch on the benchmark's threads, and on one. On a
# busy 2-core machine two threads wait on each other (one run of two articles took 181 s against
# 76-81 s), so the faster of the two is the baseline the ratios are taken against.
NAIVE_SMALL = {f"naive ({THREADS} threads)": THREADS, "naive (1 thread)": 1}


# The row of a mode's rerun with every brief up to date.
UP_TO_DATE = ", up to date"


def small_run(
    mode: str, files: list[Path], scratch: Path, args: argparse.Namespace, rerun: bool = False
) -> dict:
    """One whole process over ``files``: wall and CPU seconds, milestones, summary work.
    ``rerun``: our run again into the folder of the one before it, without ``--force``."""
    output = scratch / f"out-{mode}"
    if not rerun:
        shutil.rmtree(output, ignore_errors=True)
    if mode in NAIVE_SMALL:
        command = [sys.executable, __file__, "--naive-run", str(output),
                   "--naive-threads", str(NAIVE_SMALL[mode]),
                   "--mt-tokens", str(args.small_mt_tokens),
                   "--summary-tokens", str(args.small_summary_tokens),
                   *(str(path) for path in files)]  # fmt: skip
    else:
        command = [*summarize_command(), "run", *(str(path) for path in files), "-v",
                   *([] if rerun else ["--force"]), "--output", str(output)]  # fmt: skip
        for override in pipeline_overrides(mode, args.small_mt_tokens, args.small_summary_tokens,
                                           args.set):  # fmt: skip
            command += ["--set", override]
    wall, cpu, log = timed_process(command, scratch)
    launched = float(log.splitlines()[0].split()[1])
    result = {
        "wall": wall,
        "cpu": cpu,
        "marks": milestones(log, launched),
        "briefs": [],
        "log": log,
    }
    for brief in sorted(output.glob("*.md")):
        if brief.name == "index.md":
            continue
        record = brief.with_suffix(".json")  # our run record (the naive script writes none)
        if record.is_file():
            summary = json.loads(record.read_text(encoding="utf-8"))["summary"]
            result["briefs"].append([summary["chunks"], summary["map_rounds"]])
    return result


def generated_tokens(chunks: int, rounds: int, args: argparse.Namespace) -> int:
    """Summary tokens generated for one article at the forced lengths (one map round or none)."""
    map_tokens = args.small_summary_tokens
    for override in args.set:
        key, _, value = override.partition("=")
        if key.strip() == "summarization.chunk_generation.max_new_tokens":
            map_tokens = int(value)
    return args.small_summary_tokens + (chunks * map_tokens if rounds else 0)


def small_runs(modes: list[str], args: argparse.Namespace) -> None:
    """Whole processes on one and two seeds, modes interleaved, each repeated."""
    seeds = {path.name[:3]: path for path in sorted((REPO / "seeds").glob("*.txt"))}
    modes = [name for mode in modes for name in (NAIVE_SMALL if mode == "naive" else [mode])]
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for mode in modes:  # convert once, untimed (as a first run on a machine would)
            if mode.startswith("ct2"):
                small_run(mode, [seeds["000"]], scratch, args)
        naive_articles = args.naive_articles
        runs: dict[tuple[int, str], list[dict]] = {}
        for repeat in range(args.repeat):
            for articles, numbers in SMALL_RUNS.items():
                for mode in modes:
                    if mode in NAIVE_SMALL and articles not in naive_articles:
                        continue
                    print(f"small run {repeat + 1}/{args.repeat}: {articles} article(s), {mode}",
                          file=sys.stderr, flush=True)  # fmt: skip
                    files = [seeds[n] for n in numbers]
                    result = small_run(mode, files, scratch, args)
                    runs.setdefault((articles, mode), []).append(result)
                    if mode not in NAIVE_SMALL:
                        rerun = small_run(mode, files, scratch, args, rerun=True)
                        if f"0 written, {len(files)} up to date" not in rerun["log"]:
                            raise SystemExit(f"{mode}: the rerun was not up to date")
                        runs.setdefault((articles, mode + UP_TO_DATE), []).append(rerun)
    load = os.getloadavg()
    print("\nsmall runs as whole processes: "
        + "; ".join(f"{count} article(s) = seed(s) {', '.join(seeds)}"
                    for count, seeds in SMALL_RUNS.items())
        + f"; forced lengths "
          f"{args.small_mt_tokens} tokens per sentence, {args.small_summary_tokens} per summary; "
          f"{THREADS} threads; best of {args.repeat} interleaved repeats; load average "
          f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end"
          + (f"; overrides: {' '.join(args.set)}" if args.set else "") + "\n")  # fmt: skip
    print(
        "| run | mode | wall s | × naive | CPU s | × naive | first brief s | before generate s "
        "| imports s | translate s | summarize s | checks s | write s | all walls s |"
    )
    print("|---" * 14 + "|")
    for articles in SMALL_RUNS:
        naive_runs = [run for mode in NAIVE_SMALL for run in runs.get((articles, mode), [])]
        naive = min(naive_runs, key=lambda r: r["wall"]) if naive_runs else None
        for mode in [row for listed in modes for row in (listed, listed + UP_TO_DATE)]:
            if (articles, mode) not in runs:
                continue
            name = f"{articles} article(s)"
            best = min(runs[(articles, mode)], key=lambda r: r["wall"])
            marks = best["marks"]

            def between(first: str, last: str, marks: dict = marks) -> str:
                if first in marks and last in marks:
                    return f"{marks[last] - marks[first]:.1f}"
                return "-"

            row = [name, mode, f"{best['wall']:.1f}",
                   f"{naive['wall'] / best['wall']:.1f}" if naive else "-",
                   f"{best['cpu']:.1f}", f"{naive['cpu'] / best['cpu']:.1f}" if naive else "-",
                   f"{marks['written']:.1f}" if "written" in marks else "-",
                   f"{marks['generate']:.1f}" if "generate" in marks else "-",
                   f"{marks['configured']:.1f}" if "configured" in marks else "-",
                   between("generate", "translated"), between("translated", "summarized"),
                   between("summarized", "checked"), between("checked", "written"),
                   " ".join(f"{run['wall']:.1f}" for run in runs[(articles, mode)])]  # fmt: skip
            print("| " + " | ".join(row) + " |")
    print("\nmilestones of the best run (seconds after launch):")
    for (articles, mode), results in runs.items():
        if mode in NAIVE_SMALL:
            continue
        name = f"{articles} article(s)"
        marks = min(results, key=lambda r: r["wall"])["marks"]
        listed = ", ".join(
            f"{key} {value:.2f}" for key, value in sorted(marks.items(), key=lambda kv: kv[1])
        )
        print(f"- {name}, {mode}: {listed}")
    if "default" in modes:
        briefs = min(runs[(2, "default")], key=lambda r: r["wall"])["briefs"]
        ours = [generated_tokens(chunks, rounds, args) for chunks, rounds in briefs]
        print(f"\nsummary tokens generated per article (seeds 000, 003): ours "
              f"{', '.join(map(str, ours))} (map steps and the final summary); naive "
              f"{', '.join(str(args.small_summary_tokens) for _ in ours)} (one summary of the "
              "text truncated to the window).")  # fmt: skip


def _article_counts(text: str) -> set[int]:
    """``--naive-articles``: small runs by their article count. Checked before any work: "3"
    left the naive script out without a word, "two" stopped with a traceback after the table."""
    counts = {count.strip() for count in text.split(",") if count.strip()}
    unknown = counts - {str(count) for count in SMALL_RUNS}
    if unknown:
        raise argparse.ArgumentTypeError(
            f"no small run of {', '.join(sorted(unknown))} article(s); "
            f"choose from {', '.join(map(str, SMALL_RUNS))}"
        )
    return {int(count) for count in counts}


def run_worker(command: list[str], what: str, env: dict[str, str] | None = None) -> None:
    """One mode's process; when it fails, one line after its own output, not a
    CalledProcessError traceback that buried it."""
    done = subprocess.run(command, env=env)
    if done.returncode != 0:
        sys.exit(
            f"{what} failed (exit status {done.returncode}, its output is above); the results "
            f"measured before it are saved in {RESULTS} (--reuse keeps them)"
        )


def identical_share(left: list, right: list) -> float:
    pairs = list(zip(left, right, strict=True))
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="the five seeds only")
    parser.add_argument(
        "--modes", default=",".join(MODES), help=f"comma-separated modes: {', '.join(MODES)}"
    )
    parser.add_argument(
        "--mt-tokens", type=MT_TOKENS, default=32, help="forced tokens per sentence"
    )
    parser.add_argument(
        "--summary-tokens", type=at_least(1), default=96, help="forced summary tokens"
    )
    parser.add_argument(
        "--small", action="store_true", help="only the whole-process runs on one and two seeds"
    )
    parser.add_argument(
        "--no-small", action="store_true", help="only the table, no whole-process runs"
    )
    parser.add_argument(
        "--small-mt-tokens", type=MT_TOKENS, default=24, help="small runs: per sentence"
    )
    parser.add_argument(
        "--small-summary-tokens", type=at_least(1), default=60, help="small runs: summary"
    )
    parser.add_argument(
        "--repeat", type=at_least(1), default=2, help="small runs: interleaved repeats"
    )
    parser.add_argument(
        "--naive-articles",
        type=_article_counts,
        default="1,2",
        help="small runs the naive script runs in (article counts; it is the slow one)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="reuse saved results of modes already measured"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="config override for every pipeline mode (repeatable), e.g. runtime.workers=1",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--naive-run", type=Path, help=argparse.SUPPRESS)  # output folder
    parser.add_argument("--naive-threads", type=int, help=argparse.SUPPRESS)
    parser.add_argument("naive_files", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    if args.naive_run:
        naive_run(args.naive_files, args.naive_run, args)
        return

    require_overrides(parser, args.set)
    os.environ["HF_HUB_OFFLINE"] = "1"
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    unknown = set(modes) - set(MODES)
    if not modes:  # nothing to measure: a StopIteration traceback once the models were built
        parser.error(f"--modes names no mode; choose from {', '.join(MODES)}")
    if unknown:
        parser.error(
            f"unknown mode(s) {', '.join(sorted(unknown))}; choose from {', '.join(MODES)}"
        )
    if any(mode.startswith("ct2") for mode in modes):
        require_modules("fast", "ctranslate2")
    if not args.quick and not args.small:  # found before the models are built, not after
        require_paths(SHARED / "eval" / "mt" / "newstest2021-docs-dev.jsonl")
    _marian, _bart = build_models()
    if args.small:
        small_runs(modes, args)
        return
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        files = write_workload(Path(scratch), args.quick)
        listing = Path(scratch) / "files.txt"
        listing.write_text("\n".join(str(path) for path in files))
        RESULTS.mkdir(parents=True, exist_ok=True)
        workload = f"{'quick' if args.quick else 'full'}-{args.mt_tokens}-{args.summary_tokens}"
        if args.set:  # results of an ablation never stand in for the plain run's
            workload += "-" + hashlib.sha256("\n".join(args.set).encode()).hexdigest()[:8]
        for mode in modes:
            saved = RESULTS / f"{workload}-{mode}.json"
            if args.reuse and saved.is_file():
                results[mode] = json.loads(saved.read_text())
                continue
            if mode.startswith("ct2"):  # convert before timing: conversion happens once
                first = Path(scratch) / "first.txt"
                first.write_text(str(files[0]))
                warmup = [sys.executable, __file__, "--worker", mode, "--files", str(first),
                          "--result", str(Path(scratch) / "warm.json")]  # fmt: skip
                run_worker(warmup, f"{mode} (converting its models)")
            result_path = Path(scratch) / f"{mode}.json"
            command = [sys.executable, __file__, "--worker", mode, "--files", str(listing),
                       "--result", str(result_path),
                       "--mt-tokens", str(args.mt_tokens),
                       "--summary-tokens", str(args.summary_tokens),
                       *(f"--set={override}" for override in args.set)]  # fmt: skip
            print(f"running {mode} ...", file=sys.stderr, flush=True)
            run_worker(command, mode)
            results[mode] = json.loads(result_path.read_text())
            saved.write_text(json.dumps(results[mode]))

    sentences = sum(len(article) for article in next(iter(results.values()))["translations"])
    articles = len(files)
    print(f"workload: {articles} articles, {sentences} sentences; forced lengths "
          f"{args.mt_tokens} tokens per sentence, {args.summary_tokens} per summary; "
          f"{THREADS} threads" + (f"; overrides: {' '.join(args.set)}" if args.set else "")
          + "\n")  # fmt: skip
    header = (
        "| mode | MT tokens/s | × naive | summary s/article | × naive | end-to-end s "
        "| × naive | load s | peak RSS MiB | sentences = default | summaries = default |"
    )
    print(header)
    print("|---" * 11 + "|")
    naive = results.get("naive")
    default = results.get("default")
    for mode, result in results.items():
        tokens_per_s = sentences * args.mt_tokens / result["translate_seconds"]
        per_article = result["summarize_seconds"] / articles
        row = [mode, f"{tokens_per_s:,.0f}"]
        row.append(f"{tokens_per_s / (sentences * args.mt_tokens / naive['translate_seconds']):.1f}"
                   if naive else "-")  # fmt: skip
        row.append(f"{per_article:.2f}")
        row.append(f"{naive['summarize_seconds'] / result['summarize_seconds']:.1f}"
                   if naive else "-")  # fmt: skip
        row.append(f"{result['end_to_end_seconds']:.1f}")
        row.append(f"{naive['end_to_end_seconds'] / result['end_to_end_seconds']:.1f}"
                   if naive else "-")  # fmt: skip
        row += [f"{result['load_seconds']:.1f}", f"{result['peak_rss_mib']:,.0f}"]
        if default:
            flat = [s for article in result["translations"] for s in article]
            reference = [s for article in default["translations"] for s in article]
            row.append(f"{identical_share(flat, reference):.0%}")
            row.append(f"{identical_share(result['summaries'], default['summaries']):.0%}")
        else:
            row += ["-", "-"]
        print("| " + " | ".join(row) + " |")
    if default:
        map_reduce = sum(path == "map-reduce" for path in default["summary_paths"])
        print(f"\nour pipeline summarized {map_reduce} of {articles} articles by map-reduce "
              "(longer than the window); naive truncates them instead.")  # fmt: skip
        if naive and "summary_work" in default and "summary_work" in naive:
            ours = [sum(column) for column in zip(*default["summary_work"], strict=True)]
            theirs = [sum(column) for column in zip(*naive["summary_work"], strict=True)]
            print(f"summarizer input: ours {ours[0]:,} English tokens, {ours[1]} generate() "
                  f"inputs (chunks + reduce steps); naive {theirs[0]:,} tokens after "
                  f"truncation, {theirs[1]} inputs.")  # fmt: skip

    if not args.no_small:
        small_runs(modes, args)


if __name__ == "__main__":
    main()
