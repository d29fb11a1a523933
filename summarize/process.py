"""Process-wide settings, applied once by the command line (or by a library user who wants them).

Only this module changes process state for good (the command line aside: its log handler, its
Ctrl-C and SIGTERM handlers): :func:`configure_process` sets torch's thread count (when a model
runs on torch; a run on CTranslate2 alone never imports torch, which saves a second of start-up),
keeps freed memory for reuse (glibc) and quiets the libraries' own logging. Library code only
reads :func:`plan_threads` to know how many batches to decode at once. Elsewhere process state
changes only for a while, and is put back: a lone batch runs on all of torch's threads
(:mod:`summarize.backends`); the stop signals wait while a brief's two files are written
(:mod:`summarize.signals`); a Ray run leaves Ray again if it connected, puts back the SIGTERM
handler Ray's start-up replaces and Ray Data's log levels (:mod:`summarize.engines.ray_session`;
a Ray worker, a process of Ray's, works from the driver's folder: :mod:`summarize.engines.ray`);
transformers' warnings are silenced while a generation table is checked (:mod:`summarize.config`).

Why keep freed memory: every beam-search step allocates and frees vocabulary-sized tensors: for a
batch of 32 sentences, 128 rows x 58,101 logits, 30 MB each. With its default thresholds glibc maps
such blocks fresh from the OS and unmaps or trims them when they are freed, so the next step
page-faults the same memory in again, 4 KiB at a time. On CPU that costs about 15% of translation
time. Raising the mmap and trim thresholds makes glibc keep the blocks in its heap and hand them out
again, which is what jemalloc or tcmalloc would do.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import os
import platform
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from summarize.config import RuntimeSettings

logger = logging.getLogger("summarize")

# mallopt(3) parameter numbers from glibc's malloc.h.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3

# Blocks below this come from the heap; above it (whole weight matrices) still mmap.
MMAP_THRESHOLD_BYTES = 64 * 1024 * 1024
# Older glibc caps the mmap threshold at 32 MiB on 64-bit systems.
_FALLBACK_MMAP_THRESHOLD_BYTES = 32 * 1024 * 1024
# Free memory at the top of the heap up to this size stays in the process.
TRIM_THRESHOLD_BYTES = 1024 * 1024 * 1024


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds for this process; False where not glibc.

    Process-wide and idempotent. Freed memory stays mapped for reuse, so the resident size
    does not shrink after a large batch; it does not grow the peak.
    """
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        logger.debug("allocator left alone: not glibc")
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        logger.debug("allocator left alone: libc.so.6 not found")
        return False
    mmap_set = libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1 or (
        libc.mallopt(_M_MMAP_THRESHOLD, _FALLBACK_MMAP_THRESHOLD_BYTES) == 1
    )
    trim_set = libc.mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1
    logger.debug("glibc keeps freed memory for reuse: mmap=%s trim=%s", mmap_set, trim_set)
    return mmap_set and trim_set


class ThreadPlan(NamedTuple):
    """How the CPU threads are shared out: ``workers`` batches decoded at once, each on
    ``threads_per_worker`` threads."""

    threads_per_worker: int
    workers: int


@functools.cache
def default_threads(torch_in_use: bool) -> int:
    """torch's thread count as the process started (before configure_process divides it) when
    a model runs on torch; otherwise the CPUs this process may run on, without importing torch."""
    if not torch_in_use:
        return (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1
        )
    import torch

    return torch.get_num_threads()


def plan_threads(runtime: RuntimeSettings, torch_in_use: bool = True) -> ThreadPlan:
    """The thread plan for ``runtime`` (no side effects)."""
    threads = runtime.threads or default_threads(torch_in_use)
    workers = min(runtime.workers or (2 if threads >= 2 else 1), threads)
    return ThreadPlan(max(1, threads // workers), workers)


def configure_process(runtime: RuntimeSettings, torch_in_use: bool = True) -> ThreadPlan:
    """Apply the runtime settings that belong to the whole process; returns the thread plan.

    Call once, before loading models: torch's thread count (only when ``torch_in_use``: a model
    runs on the torch backend; see :meth:`summarize.config.Config.uses_torch`), the allocator
    setting, and quiet library logging. The command line does; library users may."""
    from summarize.config import RuntimeSettings
    from summarize.models import quiet_libraries

    if not isinstance(runtime, RuntimeSettings):
        # The whole config (configure_process(config)) failed as "'Config' object has no
        # attribute 'threads'".
        raise TypeError(
            "configure_process takes a config's runtime settings, configure_process("
            f"config.runtime), not {type(runtime).__name__} ({runtime!r:.60})"
        )
    plan = plan_threads(runtime, torch_in_use)
    if runtime.keep_freed_memory:
        keep_freed_memory()
    if torch_in_use:
        import torch

        # Remembered before it is changed: a later config without runtime.threads (another
        # pipeline in this process) shares out the process's threads, not this config's.
        default_threads(torch_in_use)
        torch.set_num_threads(plan.threads_per_worker)
    quiet_libraries()
    logger.debug("%d worker(s) x %d thread(s)", plan.workers, plan.threads_per_worker)
    return plan
