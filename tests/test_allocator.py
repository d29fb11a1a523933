import platform
import resource

import pytest

from summarize import pipeline
from summarize.allocator import keep_freed_memory
from summarize.config import load_config

glibc_only = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="the allocator tuning applies to glibc only",
)


def _minor_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


@glibc_only
def test_freed_blocks_are_reused_without_page_faults() -> None:
    assert keep_freed_memory()
    # 40 MiB is above glibc's default mmap ceiling (32 MiB): untuned, every allocation
    # would be mapped fresh and fault in all of its 10,240 pages again.
    size = 40 * 1024 * 1024
    pages = size // 4096
    block = bytearray(size)
    del block
    before = _minor_faults()
    for _ in range(5):
        block = bytearray(size)
        del block
    assert _minor_faults() - before < pages // 2


@pytest.mark.parametrize("enabled", [True, False])
def test_pipeline_tunes_the_allocator_only_when_configured(
    monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    calls: list[bool] = []
    monkeypatch.setattr(pipeline, "keep_freed_memory", lambda: calls.append(True) or True)
    config = load_config(overrides=[f"runtime.keep_freed_memory={str(enabled).lower()}"])
    pipeline.Pipeline(config)._tune_process()
    assert calls == ([True] if enabled else [])
