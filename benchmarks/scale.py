"""The Ray engine against the local engine on this machine: same workload, same models.

    python benchmarks/scale.py            # seeds + 30 WMT21 articles (35)
    python benchmarks/scale.py --quick    # the five seeds only
    python benchmarks/scale.py --quick --set ray.cpus_per_actor=2 --reuse  # an ablation;
                                           # --reuse: the local run of the same workload is kept

Models and workload are those of benchmarks/speed.py: full-size random-weight opus-mt-de-en and
distilbart-cnn-12-6 built from the real configs and tokenizers in ../shared/hub, forced output
lengths (``--mt-tokens`` per sentence, ``--summary-tokens`` per summary), translation cache
off, default config otherwise (``runtime.threads = 2``).

Each engine runs in its own process, one after the other:
- local: ``Pipeline`` loads both models, then ``run`` (read, clean, translate, summarize, check,
  write each brief and the index); wall time = loading + run.
- ray: ``start_local_instance()`` (what the engine does without an address) starts a local
  Ray instance (its start-up is reported on its own), then ``RayEngine.run`` over the same
  files; its wall time includes the actors loading the models, which is where the local
  engine's loading time goes, so the two wall times compare directly.
Reported: wall seconds, articles per minute, peak memory (PSS of the engine's process and every
process it started, sampled every 0.5 s: Ray's workers, raylet and object store included), Ray's
start-up, Ray's overhead (ray wall / local wall - 1; the target is at most 20%), and whether the
briefs' article and summary text are identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from prerequisites import MT_TOKENS, at_least  # noqa: E402  (benchmarks/prerequisites.py)

THREADS = 2


def _children(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(parents.get(current, []))
    return tree


def _pss_mib(pids: list[int]) -> float:
    """Proportional set size: shared pages (libraries, the object store) counted once in all."""
    total_kib = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kib += int(line.split()[1])
                    break
        except OSError:
            continue
    return total_kib / 1024


class PeakMemory:
    """Samples the PSS of this process tree in a thread; ``peak_mib`` after ``stop``."""

    def __init__(self, interval: float = 0.5) -> None:
        self.peak_mib = 0.0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_mib = max(self.peak_mib, _pss_mib(_children(os.getpid())))
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_mib = max(self.peak_mib, _pss_mib(_children(os.getpid())))


def _config(models: Path, output: str, args: argparse.Namespace):
    from summarize.config import load_config

    overrides = [
        f"translation.model={json.dumps(str(models / 'opus-mt-de-en'))}",
        f"summarization.model={json.dumps(str(models / 'distilbart-cnn-12-6'))}",
        f"translation.generation.min_new_tokens={args.mt_tokens}",
        f"translation.generation.max_new_tokens={args.mt_tokens}",
        f"summarization.generation.min_new_tokens={args.summary_tokens}",
        f"summarization.generation.max_new_tokens={args.summary_tokens}",
        f"runtime.threads={THREADS}",
        "runtime.cache=false",
        f"output.folder={json.dumps(output)}",
        *args.set,
    ]
    return load_config(overrides=overrides, project_file=None)


def _texts(folder: Path) -> dict[str, str]:
    """Each brief's body (title, summary, article, checks): everything but the front matter."""
    return {
        path.name: path.read_text(encoding="utf-8").split("---\n", 2)[2]
        for path in sorted(folder.glob("*.md"))
        if path.name != "index.md"
    }


def worker(args: argparse.Namespace) -> None:
    files = [Path(line) for line in Path(args.files).read_text().splitlines()]
    result: dict[str, object] = {}
    with PeakMemory() as memory:
        config = _config(Path(args.models), args.output, args)
        if args.worker == "local":
            from summarize.engines.local import Pipeline
            from summarize.process import configure_process

            start = time.perf_counter()
            pipeline = Pipeline(config, configure_process(config.runtime))
            pipeline.load()
            result["load_seconds"] = time.perf_counter() - start
            report = pipeline.run(files)
        else:
            from summarize.engines.ray import RayEngine
            from summarize.engines.ray_session import start_local_instance

            start = time.perf_counter()
            start_local_instance(log_to_driver=False)
            result["startup_seconds"] = time.perf_counter() - start
            start = time.perf_counter()
            report = RayEngine(config, quiet=True).run(files)
        result["wall_seconds"] = time.perf_counter() - start
        result["summary_line"] = report.summary_line()
    result["peak_pss_mib"] = memory.peak_mib
    if report.without_brief:
        raise SystemExit(f"{args.worker}: {[o.reason for o in report.without_brief]}")
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="the five seeds only")
    parser.add_argument(
        "--mt-tokens", type=MT_TOKENS, default=32, help="forced tokens per sentence"
    )
    parser.add_argument(
        "--summary-tokens", type=at_least(1), default=96, help="forced summary tokens"
    )
    parser.add_argument(
        "--models", default=None, help="folder of the built models (default: speed.py's)"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="reuse saved results of runs already measured"
    )
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=VALUE",
        help="config override for both engines (repeatable), e.g. ray.cpus_per_actor=2",
    )  # fmt: skip
    for hidden in ("--worker", "--files", "--result", "--output"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return

    import speed
    from prerequisites import require_overrides, require_paths

    from summarize.engines.ray import require_ray
    from summarize.errors import ConfigError

    require_overrides(parser, args.set)
    try:  # found now, not after the local engine's run
        require_ray()
    except ConfigError as error:
        sys.exit(f"this benchmark compares the Ray engine: {error}")
    if args.models is not None:
        models = Path(args.models)
        require_paths(models / "opus-mt-de-en", models / "distilbart-cnn-12-6")
    os.environ["HF_HUB_OFFLINE"] = "1"
    if args.models is None:
        speed.build_models()
        args.models = str(speed.MODELS)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as scratch:
        files = speed.write_workload(Path(scratch), args.quick)
        listing = Path(scratch) / "files.txt"
        listing.write_text("\n".join(str(path) for path in files))
        speed.RESULTS.mkdir(parents=True, exist_ok=True)
        workload = (
            f"scale-{'quick' if args.quick else 'full'}-{args.mt_tokens}-{args.summary_tokens}"
        )
        for engine in ("local", "ray"):
            # The local engine ignores [ray]: its saved run stands for any [ray] ablation.
            own = [o for o in args.set if engine == "ray" or not o.startswith("ray.")]
            key = hashlib.sha256("\n".join(own).encode()).hexdigest()[:8]
            saved = speed.RESULTS / f"{workload}-{key}-{engine}.json"
            if args.reuse and saved.is_file():
                results[engine] = json.loads(saved.read_text())
                continue
            output = Path(scratch) / f"out-{engine}"
            result_path = Path(scratch) / f"{engine}.json"
            command = [sys.executable, __file__, "--worker", engine, "--files", str(listing),
                       "--result", str(result_path), "--output", str(output),
                       "--models", args.models, "--mt-tokens", str(args.mt_tokens),
                       "--summary-tokens", str(args.summary_tokens),
                       *(f"--set={override}" for override in args.set)]  # fmt: skip
            print(f"running {engine} ...", file=sys.stderr, flush=True)
            # Ray's workers import this checkout's package too, not another installed copy.
            path = os.pathsep.join(filter(None, [str(HERE.parent), os.environ.get("PYTHONPATH")]))
            speed.run_worker(command, engine, env={**os.environ, "PYTHONPATH": path})
            results[engine] = json.loads(result_path.read_text())
            results[engine]["texts"] = _texts(output)
            saved.write_text(json.dumps(results[engine]))

    articles = len(files)
    local, on_ray = results["local"], results["ray"]
    print(f"workload: {articles} articles; forced lengths {args.mt_tokens} tokens per sentence, "
          f"{args.summary_tokens} per summary; {THREADS} threads; {os.cpu_count()} CPUs"
          + (f"; overrides: {' '.join(args.set)}" if args.set else "") + "\n")  # fmt: skip
    print("| engine | wall s | articles/min | peak PSS MiB | start-up s |")
    print("|---|---|---|---|---|")
    for engine, result in results.items():
        startup = result.get("startup_seconds")
        print(f"| {engine} | {result['wall_seconds']:.1f} "
              f"| {articles * 60 / result['wall_seconds']:.2f} "
              f"| {result['peak_pss_mib']:,.0f} "
              f"| {'-' if startup is None else f'{startup:.1f}'} |")  # fmt: skip
    overhead = on_ray["wall_seconds"] / local["wall_seconds"] - 1
    print(f"\nlocal: models loaded in {local['load_seconds']:.1f} s (inside the wall time)")
    print(
        f"Ray overhead (start-up excluded): {overhead:+.0%} of the local wall time "
        f"(target: at most +20%) {'met' if overhead <= 0.20 else 'NOT met'}"
    )
    same = local["texts"] == on_ray["texts"]
    print(
        f"briefs (all but the front matter) identical: {same} "
        f"({len(on_ray['texts'])} of {len(local['texts'])} briefs)"
    )


if __name__ == "__main__":
    main()
