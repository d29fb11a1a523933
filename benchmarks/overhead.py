"""Where a run's time goes outside the models: echo models (no weights), thousands of articles.

    python benchmarks/overhead.py                  # 3,000 short articles
    python benchmarks/overhead.py --articles 500   # quicker
    python benchmarks/overhead.py --profile out.prof  # cProfile of the rerun (pstats to read)

Articles are made in a temp folder from the WMT dev sentences in ../shared/eval/mt (a headline
and two paragraphs of three sentences each). Both models are echo backends
(:mod:`summarize.testing`), so what is timed is reading, cleaning, segmenting, the checks,
writing the briefs and the index: a first run, a rerun with every brief current, and
``summarize view``. Reported: wall seconds and milliseconds per article, and the peak resident
memory of this process.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
MT = HERE.parent.parent / "shared" / "eval" / "mt"

from prerequisites import require_paths  # noqa: E402  (benchmarks/prerequisites.py)


def write_articles(folder: Path, count: int) -> list[Path]:
    sentences = [s.strip() for s in (MT / "newstest2019-dev.de").read_text("utf-8").splitlines()]
    for line in (MT / "newstest2021-docs-dev.jsonl").read_text("utf-8").splitlines():
        sentences += json.loads(line)["de"]
    sentences = [s for s in sentences if s.strip()]
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        pick = [sentences[(number * 7 + k) % len(sentences)] for k in range(7)]
        title = f"Bericht {number}: " + " ".join(pick[0].split()[:6]).rstrip(".")
        body = " ".join(pick[1:4]) + "\n\n" + " ".join(pick[4:7])
        (folder / f"artikel-{number:05d}.txt").write_text(f"{title}\n\n{body}\n", "utf-8")
    return sorted(folder.glob("*.txt"))


def echo_models() -> None:
    """Both models replaced by echo backends, as tests/test_cli.py does."""
    import summarize.engines.local as local
    from summarize.testing import echo_model

    def spec(task, settings, *args, **kwargs):
        loaded = echo_model(task)
        return SimpleNamespace(
            task=task,
            settings=settings,
            generation_config=loaded.generation_config,
            identity=lambda: loaded.identity,
            task_warning=None,
            device="cpu",
        )

    local.resolve_spec = spec
    local.load_weights = lambda spec, *args, **kwargs: echo_model(spec.task)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--profile", help="write a cProfile of the rerun here")
    args = parser.parse_args()
    if args.articles < 1:  # none is no workload: the run stopped with a UsageError traceback
        parser.error(f"--articles must be at least 1, not {args.articles}")
    require_paths(MT / "newstest2019-dev.de", MT / "newstest2021-docs-dev.jsonl")
    os.environ["HF_HUB_OFFLINE"] = "1"
    from summarize.config import load_config
    from summarize.engines.local import Pipeline
    from summarize.view import build_site

    echo_models()
    with tempfile.TemporaryDirectory() as scratch:
        files = write_articles(Path(scratch) / "in", args.articles)
        output = Path(scratch) / "out"
        overrides = [f"output.folder={json.dumps(str(output))}", "runtime.cache=false"]
        config = load_config(overrides=overrides, project_file=None)
        rows = []
        for label in ("first run", "rerun, all current", "view"):
            profile = cProfile.Profile() if args.profile and label.startswith("rerun") else None
            start = time.perf_counter()
            if profile:
                profile.enable()
            if label == "view":
                build_site(output, Path(scratch) / "html")
                outcome = f"{args.articles} pages"
            else:
                outcome = Pipeline(config).run(files).summary_line()
            if profile:
                profile.disable()
                profile.dump_stats(args.profile)
            seconds = time.perf_counter() - start
            rows.append((label, seconds, outcome))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.articles} articles, echo models; peak RSS {peak:,.0f} MiB\n")
    print("| step | wall s | ms per article | outcome |\n|---|---|---|---|")
    for label, seconds, outcome in rows:
        print(f"| {label} | {seconds:.1f} | {seconds * 1000 / args.articles:.2f} | {outcome} |")


if __name__ == "__main__":
    main()
