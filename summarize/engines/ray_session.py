"""The Ray engine's connection to Ray: a local instance started for the run, or a cluster joined
at an address that is checked first (a form no Ray Data run can join, a port where nothing or no
Ray answers: one line, exit 2, where ``ray.init`` retried for minutes); Ray's SIGTERM handler and
Ray Data's log levels are put back when the run leaves."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from summarize.errors import UsageError
from summarize.signals import HANGUP

logger = logging.getLogger("summarize")


def start_local_instance(**options: Any) -> None:
    """Start a Ray instance on this machine for one run (``ray.init`` ``options`` added).

    ``address="local"``: a new instance even when this machine runs a cluster (a plain
    ``ray.init()`` joins the one ``ray start`` or another program started last). Workers at
    the driver's priority: Ray starts them at nice 15 so that its own services stay responsive
    on a busy node, but on a machine shared with other work that hands the models' CPU time to
    everything else (a 1-article run took 53 s instead of 30 s beside two low-priority jobs)."""
    import ray

    with _hangup_blocked(), _interrupt_not_ignored():
        ray.init(
            address="local",
            include_dashboard=False,
            _system_config={"worker_niceness": 0},
            **options,
        )


@contextmanager
def _hangup_blocked() -> Iterator[None]:
    """SIGHUP blocked while a local instance starts: its services (GCS, raylet, dashboard,
    monitors) run in this process's group, which a closed terminal sends SIGHUP to, and they
    keep the signal mask they start with. Unblocked, the hangup killed them at once: during
    ``ray.init`` the run ended with exit 1, one line of Ray's and no index ("Failed to register
    worker to Raylet"); later, the workers writing briefs died with them. Ray blocks Ctrl-C in
    them the same way. Here the hangup stops only the run (delivered when the block ends), which
    then shuts its instance down."""
    if not HANGUP or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HANGUP)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def _interrupt_not_ignored() -> Iterator[None]:
    """Ctrl-C (SIGINT) that this process ignores, as a script's job started with ``&`` does (the
    shell ignores it there), held at a handler that does nothing while a local instance starts:
    its services, and the workers they start, inherited SIG_IGN (a handler is not inherited).
    Ray stops a task it cancels (those left when a run stops: a full disk, a failed group) with
    a simulated Ctrl-C in its worker, which an ignoring worker let run on; one that came while
    the task's arguments were read raised "TypeError: 'Handlers' object is not callable" in
    Ray's deferral of it, which the driver printed with Ray's traceback as an unhandled error
    after the run's own line. Ray blocks Ctrl-C in its services itself: a Ctrl-C at the terminal
    stops only the run, as before. This process goes on ignoring it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        yield
        return
    signal.signal(signal.SIGINT, _ignore)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _ignore(signum: int, frame: object) -> None:
    """Ignores a signal, as SIG_IGN does, but is not inherited by the processes started."""


@contextmanager
def ray_session(address: str | None, quiet: bool) -> Iterator[bool]:
    """Connect to Ray for the run: reuse a connection the caller made, else start a local
    instance (no address) or join the cluster at ``address``, and leave it afterwards. Yields
    whether the run started the instance itself."""
    import ray

    unset = address is None  # not "local": RAY_ADDRESS may name the cluster meant
    if address == "local":
        # Ray's own word for a new local instance: the run's own, as when unset (ray.init
        # started it with workers at nice 15, and an actor too large for this machine waited
        # for ray.no_progress_timeout_s as on a cluster that may grow).
        address = None
    with _ray_data_logging(quiet):
        if ray.is_initialized():
            yield False
            return
        level = logging.WARNING if quiet else logging.INFO
        # Ray's core worker answers SIGTERM by aborting (a stack dump, exit 134): the handler
        # the command line set (stop like Ctrl-C) is put back once Ray is up.
        on_sigterm = signal.getsignal(signal.SIGTERM)
        # The workers' output reaches the driver even with --quiet: it is their warnings (a
        # sentence split for the translator's window, a summary that fell back to the lead),
        # which --quiet keeps; their info lines are not printed there in the first place.
        try:
            if address is None:
                if unset:
                    _say_ray_address_is_not_joined()
                try:
                    start_local_instance(log_to_driver=True, logging_level=level)
                except (OSError, ValueError, RuntimeError) as error:
                    with contextlib.suppress(Exception):
                        ray.shutdown()  # what it had started of the instance
                    raise cannot_start(error) from None
            else:
                try:
                    check_reachable(address)
                    ray.init(address=address, log_to_driver=True, logging_level=level)
                # A RayError here is the join's (a cluster with token authentication and no
                # token on this machine): it was said as Ray failing under the run, exit 1,
                # with "run the same command again to do the rest".
                except (
                    ConnectionError,
                    ValueError,
                    RuntimeError,
                    ray.exceptions.RayError,
                ) as error:
                    raise unreachable(address, error) from None
        except (SystemExit, KeyboardInterrupt):
            # A SIGTERM while Ray starts meets Ray's own handler, which exits the process (code
            # 15) and leaves a local instance's processes behind: stop as after Ray is up (and
            # after a Ctrl-C there, leave the instance too).
            with contextlib.suppress(Exception):
                ray.shutdown()
            raise KeyboardInterrupt from None
        finally:
            if threading.current_thread() is threading.main_thread() and callable(on_sigterm):
                signal.signal(signal.SIGTERM, on_sigterm)
        try:
            yield address is None
        finally:
            ray.shutdown()


def _say_ray_address_is_not_joined() -> None:
    """A warning when RAY_ADDRESS names a cluster that a run without an address does not join:
    ``ray job submit`` (and a KubeRay RayJob) sets it to the cluster's address for its command,
    where a plain ``ray.init()`` joins it; a run whose ``--ray-address auto`` was left out
    started an instance of its own on the head and did all the work there, without a word."""
    named = os.environ.get("RAY_ADDRESS", "").strip()
    if named and named != "local":
        logger.warning(
            "RAY_ADDRESS is set (%r), but not runtime.ray_address: the run starts a Ray "
            "instance of its own on this machine; --ray-address auto joins the cluster at "
            "RAY_ADDRESS (--ray-address local keeps the instance without this warning)",
            named,
        )


# What a Ray address answers first: Ray's GCS and its Ray Client server speak gRPC, whose
# server opens an HTTP/2 connection with a SETTINGS frame (the 9-byte frame header, type 4).
_HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])
_SETTINGS_FRAME_TYPE = 4


def unreachable(address: str, error: Exception) -> UsageError:
    reason = " ".join(str(error).split()) or type(error).__name__
    return UsageError(
        f"cannot reach Ray at {address!r} (runtime.ray_address / --ray-address): {reason}"
    )


def cannot_start(error: Exception) -> UsageError:
    """A local Ray instance that does not start (its temp folder, RAY_TMPDIR or /tmp/ray, not
    writable or full; too little shared memory for its object store): one line, not the
    traceback of Ray's start-up that ended the run with exit 1."""
    reason = " ".join(str(error).split()) or type(error).__name__
    return UsageError(
        f"cannot start a local Ray instance for the run: {reason} (Ray keeps its files in "
        "RAY_TMPDIR, /tmp/ray by default); or join a running cluster with --ray-address"
    )


def refuse_address_form(address: str) -> None:
    """ConnectionError for an address no Ray Data run can join, told from its form alone: the
    dashboard's http(s)://, Ray Client's ray://, a port without a host. Checked before the run
    takes its output folder, which such a run left behind, created and empty."""
    if address.startswith(("http://", "https://")):
        raise ConnectionError(
            "an http(s):// address is the dashboard's, for `ray job submit`; give the head's "
            "HOST:PORT (6379 unless `ray start --port` set another) or auto"
        )
    if address.startswith("ray://"):
        # Ray Data's streaming executor needs the driver's own core worker, which a Ray Client
        # connection does not have: it joined, then every run ended with a traceback, exit 1
        # ("'Worker' object has no attribute 'core_worker'"; ray-project/ray#41333).
        raise ConnectionError(
            "a ray:// address is Ray Client's, which Ray Data does not run over; run the "
            "command on a node of the cluster with --ray-address auto (or the head's "
            "HOST:PORT), or submit it with `ray job submit`"
        )
    host, separator, port = address.rpartition(":")
    if separator and port.isdigit() and not host:
        # Ray logged its own traceback for it before refusing it ("Malformed host").
        raise ConnectionError(f"no host before the port in {address!r}")


def check_reachable(address: str, timeout_s: float = 10.0) -> None:
    """Check that a ``host:port`` address answers as Ray does.

    ``ray.init`` keeps retrying an address where nothing answers for minutes, printing a
    warning every few seconds, and so it does with a port that accepts connections but is no
    Ray (a wrong port, the dashboard's): a refused or silent port, or one that does not open a
    gRPC connection, is reported at once instead. A Ray Client address (``ray://``) is refused:
    Ray Data's executor does not run over Ray Client. ``auto`` is checked where Ray would take
    it (:func:`_where_auto_leads`). A port that is not plain digits is refused too (Ray took
    "6379 " as 6379). Other forms (a bare host) are left to Ray; so is the protocol check on a
    cluster that uses TLS (``RAY_USE_TLS``)."""
    refuse_address_form(address)
    if address == "auto":
        address = _where_auto_leads()
        _refuse_where_auto_leads(address)
    host, separator, port = address.rpartition(":")
    if not separator or address.endswith("]"):  # no port, or an IPv6 address's alone
        return
    if not (port.isascii() and port.isdigit()):
        # Ray reads the port as Python's int() does: "6379 " (a space copied with the address),
        # "+6379" or " 6379" were joined as 6379, unprobed here, and retried for minutes where
        # nothing listened; "abc" it refused with an address of its own making.
        raise ConnectionError(f"the port in {address!r} is not a number")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s) as peer:
            if os.environ.get("RAY_USE_TLS", "0").lower() in ("1", "true"):
                return
            peer.sendall(_HTTP2_PREFACE)
            first = b""
            while len(first) < 4 and (more := peer.recv(9 - len(first))):
                first += more
    except TimeoutError:
        raise ConnectionError(f"nothing answered at {host}:{port} within {timeout_s:g} s") from None
    except OSError as error:
        raise ConnectionError(f"{host}:{port}: {error.strerror or error}") from None
    if len(first) < 4 or first[3] != _SETTINGS_FRAME_TYPE:
        raise ConnectionError(
            f"{host}:{port} is not a Ray cluster's address (it does not answer as Ray's GCS or "
            "Ray Client server does)"
        )


def _refuse_where_auto_leads(address: str) -> None:
    """``auto`` takes RAY_ADDRESS first, which may hold an address of a form no run joins: the
    dashboard's (``ray job submit`` reads RAY_ADDRESS too, so it is often set so) or Ray
    Client's. Said as such, naming RAY_ADDRESS: it was probed as a host "http://head" that
    could not be found ("Name or service not known")."""
    try:
        refuse_address_form(address)
    except ConnectionError as error:
        reason = str(error).split("; ")[0]  # its advice names auto, which led here
        raise ConnectionError(
            f"auto takes RAY_ADDRESS, {address!r}: {reason}; give --ray-address the head's "
            "HOST:PORT, or unset RAY_ADDRESS"
        ) from None


def _where_auto_leads() -> str:
    """The address ``auto`` joins, found as ``ray.init`` finds it: ``RAY_ADDRESS``, else the
    cluster this machine's last ``ray start`` joined (its address file outlives a head that was
    killed, not stopped). ``ray.init("auto")`` retried a dead one for minutes, a warning every
    few seconds. ConnectionError when there is none (Ray's own words); ``auto`` itself when
    Ray's lookup (not public API) has moved, to be left to Ray."""
    try:
        from ray._private.services import get_ray_address_from_environment
    except ImportError:
        return "auto"
    return get_ray_address_from_environment("auto", None) or "auto"


@contextmanager
def _ray_data_logging(quiet: bool) -> Iterator[None]:
    """Ray Data's log lines for this run: only warnings with ``--quiet``, never its notice that
    its progress bars are off (the command line shows its own), never its report of a failed
    task nor its traceback of each actor that died starting; with ``--quiet``, not Ray's notice
    that a local instance uses token authentication."""
    # Its error log of a failed task repeats, with Ray's tracebacks, the exception that ends the
    # run anyway: a carried error (a model that cannot load) becomes the local engine's one line,
    # anything else surfaces as itself.
    levels = {
        "ray.data._internal.progress": logging.ERROR,
        "ray.data._internal.execution.streaming_executor_state": logging.CRITICAL,
        "ray.data.exceptions": logging.CRITICAL,
        # Its warning of each model actor that died starting, with the traceback, before it
        # gives up (a node that cannot import summarize): the run's error says why, in a line.
        "ray.data._internal.execution.operators.actor_pool_map_operator": logging.ERROR,
    }
    if quiet:
        levels["ray.data"] = logging.WARNING
        # Ray's notice, on every local instance it starts, that token authentication is on
        # (its default, nothing for the user to do): not a warning about this run.
        levels["ray._private.authentication.authentication_token_setup"] = logging.ERROR
    saved = {name: logging.getLogger(name).level for name in levels}
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    try:
        with (
            _rays_lines_through_ours(),
            _workers_lines_plain_off_a_terminal(),
            _workers_lines_each_printed(),
        ):
            yield
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


class _ThroughOurHandlers(logging.Handler):
    """Hands a record of Ray's own loggers to the summarize logger's handlers, at the level of
    Ray's console handler it stands in for."""

    def __init__(self, handlers: list[logging.Handler], level: int) -> None:
        super().__init__(level)
        self._handlers = handlers

    def emit(self, record: logging.LogRecord) -> None:
        for handler in self._handlers:
            if record.levelno >= handler.level:
                handler.handle(record)


@contextmanager
def _rays_lines_through_ours() -> Iterator[None]:
    """Ray's and Ray Data's own log lines ("Started a local Ray instance.", "Starting execution
    of Dataset …") go through the handlers the summarize logger has (the command line's), not
    Ray's console handler: that one wrote to stderr past the terminal's progress display, which
    drew over the line's start ("-12-06 20:10:17,866 INFO worker.py:2038 -- Started …"), and
    in a log they were in Ray's format among the run's own. Ray's files keep their lines; where
    the summarize logger has no handler (a library user's), Ray's handlers stay."""
    ours = list(logging.getLogger("summarize").handlers)
    swapped: list[tuple[list[logging.Handler], logging.Handler, logging.Handler]] = []
    for name in ("ray", "ray.data") if ours else ():
        handlers = logging.getLogger(name).handlers
        for index, handler in enumerate(handlers):
            # Ray's own console handler (PlainRayHandler): not its files', nor one another
            # program added (pytest's capture, a host's own).
            console = isinstance(handler, logging.StreamHandler)
            rays = type(handler).__module__.partition(".")[0] == "ray"
            if not (console and rays) or isinstance(handler, logging.FileHandler):
                continue
            handlers[index] = _ThroughOurHandlers(ours, handler.level)
            swapped.append((handlers, handler, handlers[index]))
    try:
        yield
    finally:
        for handlers, handler, stand_in in swapped:
            if stand_in in handlers:  # in its place, as Ray's loggers had them
                handlers[handlers.index(stand_in)] = handler


@contextmanager
def _workers_lines_plain_off_a_terminal() -> Iterator[None]:
    """The workers' lines that Ray prints on the driver (their warnings, "(MapWorker(…) pid=…)
    …"; the raylet's) without Ray's colour codes where stderr is no terminal: a log file or a
    pipe got "\x1b[36m(MapWorker(MapBatches(_BothModelsActor)) pid=27139)\x1b[0m …" among the
    run's plain lines. Ray reads RAY_COLOR_PREFIX as it prints; one the user set is kept."""
    stream = sys.stderr
    terminal = stream is not None and hasattr(stream, "isatty") and stream.isatty()
    if terminal or "RAY_COLOR_PREFIX" in os.environ:
        yield
        return
    os.environ["RAY_COLOR_PREFIX"] = "0"
    try:
        yield
    finally:
        os.environ.pop("RAY_COLOR_PREFIX", None)


@contextmanager
def _workers_lines_each_printed() -> Iterator[None]:
    """Every line a worker prints reaches the driver as it was printed, for this run: Ray's log
    deduplication merged lines from different worker processes that differ only in words
    holding a digit into one "[repeated 5x across cluster]" line, the last one's. A warning
    names its article ("in/artikel-2.txt: UTF-8 with 3 byte(s) of Windows-1252 pasted in"),
    and article files are often numbered: of 8 such warnings on a local instance, 3 named their
    article and 5 were gone (the local engine says all 8); the merged line also carried colour
    codes where stderr is no terminal. Ray reads RAY_DEDUP_LOGS once, when it is imported; the
    flag it left is set off for the run, and one the user set is kept."""
    try:
        from ray._private import ray_logging
    except ImportError:  # Ray's private module has moved: its deduplication stays
        yield
        return
    if "RAY_DEDUP_LOGS" in os.environ or not hasattr(ray_logging, "RAY_DEDUP_LOGS"):
        yield
        return
    saved = ray_logging.RAY_DEDUP_LOGS
    ray_logging.RAY_DEDUP_LOGS = False
    try:
        yield
    finally:
        ray_logging.RAY_DEDUP_LOGS = saved
