"""Command line: a thin layer over the engines, :mod:`summarize.config` and the library.

Exit codes: 0 every article got its brief; 1 some article was skipped or failed; 2 a usage,
config or model error stopped the run before any article.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from inspect import cleandoc
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

from summarize.errors import EXIT_CODES, EXIT_INTERRUPTED, SummarizeError, shown
from summarize.fileio import expand_home
from summarize.signals import STOP_SIGNALS

if TYPE_CHECKING:
    from summarize.clean import CleanArticle
    from summarize.config import Config
    from summarize.engines.local import Pipeline
    from summarize.engines.ray import RayEngine
    from summarize.evaluate import EvalResult, TranslationListener
    from summarize.ingest.details import SourceDetails
    from summarize.report import RunReport
    from summarize.store import StoredModel

# A flag's column in --help left empty: Typer 0.29 writes each option's Python type there, and
# "--force <bool>" reads as an option that takes a value. Options that take one name it
# (FILE, DIR, KEY=VALUE), not "<list[Path]>".
_FLAG = ""


def _without_type(help_option: TyperOption | None) -> TyperOption | None:
    """Typer's own --help, made by Click, is a flag too: "--help <bool>" on every screen."""
    if help_option is not None:
        help_option.metavar = _FLAG
    return help_option


def _help_into_a_closed_pipe_is_no_error(format_help: Callable[[], None]) -> None:
    """``summarize --help | head -3``: Typer prints help through a rich console of its own,
    and rich ends the process with SystemExit(1) when the reader goes away (it has pointed
    stdout at the null device by then); help that was read as far as wanted is no failure, so
    it exits 0, as ``inspect | head`` does. Printing help raises no other SystemExit."""
    try:
        format_help()
    except SystemExit as stopped:
        if stopped.code != 1:
            raise


class _Group(TyperGroup):
    def get_help_option(self, ctx: Any) -> TyperOption | None:
        return _without_type(super().get_help_option(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _help_into_a_closed_pipe_is_no_error(
            lambda: super(_Group, self).format_help(ctx, formatter)
        )


class _Argument(TyperArgument):
    """An argument shown by its name alone (PATH..., OUTPUT), as the README writes it: Typer 0.29
    wrote its Python type beside it ("paths... <list[Path]>") and "{paths}..." in the usage
    line."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        return self.display_name_raw


def _reflowed(help_text: str) -> str:
    """A docstring's paragraphs each as one line, for the terminal to wrap: Typer 0.29 keeps
    their source line breaks, and an 80-column terminal showed "… exit 1 when a model is not
    available offline or would not load as configured; a model" / "whose family …"."""
    paragraphs = cleandoc(help_text).split("\n\n")
    return "\n\n".join(" ".join(paragraph.split("\n")) for paragraph in paragraphs)


class _Command(TyperCommand):
    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        if self.help:
            self.help = _reflowed(self.help)
        for param in self.params:
            if type(param) is TyperArgument:  # as Typer made it from the annotation
                param.__class__ = _Argument

    def get_help_option(self, ctx: Any) -> TyperOption | None:
        return _without_type(super().get_help_option(ctx))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _help_into_a_closed_pipe_is_no_error(
            lambda: super(_Command, self).format_help(ctx, formatter)
        )


class _Typer(typer.Typer):
    """A Typer whose groups and commands show --help as the flag it is."""

    def __init__(self, **options: Any) -> None:
        super().__init__(cls=_Group, **options)

    def command(
        self, *args: Any, **options: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(*args, cls=_Command, **options)


app = _Typer(
    name="summarize",
    help="Turn German news articles into bilingual English briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
config_app = _Typer(help="Inspect the configuration.", no_args_is_help=True)
app.add_typer(config_app, name="config")
models_app = _Typer(help="The local model store (models/).", no_args_is_help=True)
app.add_typer(models_app, name="models")
eval_app = _Typer(
    help="Score the configured models on reference data (compare configs).", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

logger = logging.getLogger("summarize")


def _print_version(wanted: bool) -> None:
    if wanted:
        from summarize import __version__

        print(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def _commands(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            metavar=_FLAG,
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Turn German news articles into bilingual English briefs."""


class _Console(Console):
    """rich's Console, but one whose reader went away (``| head``, a log shipper that died)
    falls silent instead of ending the process: rich raised SystemExit(1) there, and a run
    that wrote every brief, a usage error (2) and an interrupt (130) all ended with 1."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        _to_null_device(self.file)


def _to_null_device(stream: Any) -> None:
    """Later writes to a stream whose reader went away (a log line, Python's own) would raise
    again: point it at the null device. rich does so for stdout whichever stream broke."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def _echo(text: str, nl: bool = True, console: Console | None = None) -> None:
    """``typer.echo`` to stdout, but a reader that went away (``inspect --json | head``) falls
    silent, as the consoles do: Click ended the process with 1, the code of a failed article.
    ``console``: the command's console on stdout, made quiet then too, as its own broken pipe
    makes it, so that the command stops where it stops for no reader."""
    try:
        typer.echo(text, nl=nl)
    except BrokenPipeError:
        _to_null_device(sys.stdout)
        if console is not None:
            console.quiet = True


# emoji=False: rich would show an article's or a file name's ":smile:" as an emoji (escape()
# covers its markup only).
stderr = _Console(stderr=True, emoji=False)


# Shared option aliases, so every command spells them the same way.
def _folder(value: str) -> Path:
    """A folder named on the command line: never empty (Path("") is the working directory, so
    an unset shell variable in ``-o "$OUT"`` wrote the briefs there), never a file; a leading
    ``~`` is the home folder, as the config reads its paths: no shell expands one after ``=``
    (``--to=~/site``), and the view wrote its pages into a folder named "~" here, its last line
    naming "~/site/index.html"."""
    return _path_of_kind(
        value, "a folder name (. for this folder)", Path.is_file, "a file, not a folder"
    )


def _input_path(value: str) -> Path:
    """A file or folder to read: never empty (Path("") is the working directory, so an unset
    shell variable in ``run "$IN"`` summarized whatever articles stood in it, exit 0)."""
    return _named_path(value, "a file or folder name")


def _named_path(value: str, wanted: str) -> Path:
    """``value`` as a path, refused when it names nothing (empty or white space)."""
    if not value.strip():
        raise typer.BadParameter(f"an empty path; give {wanted} (. for this folder)")
    return Path(value)


def _toml_string(path: Path | str) -> str:
    """``path`` (or any text: --ray-address) as a TOML string for a --set layer. Not ASCII-only
    JSON: the escapes of an emoji (a surrogate pair) or of an undecodable byte of a file name (a
    lone surrogate) are no TOML, and the layer was read as plain text, quotes and backslashes in
    the folder's name. JSON leaves DEL (U+007F) unescaped, which TOML refuses in a string:
    "-o $'out\\x7f'" wrote into a folder named with the quotes."""
    text = str(path)
    if isinstance(path, PurePath) and text.startswith("~"):
        # A Path's "~" is a name (its "./" dropped; a home folder was read by the option's
        # parser): the layer reads a leading "~" as the home folder.
        text = f"./{text}"
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _config_file(value: str) -> Path:
    """A config file named on the command line: never empty (an unset shell variable in
    ``--config "$CFG"`` was "file '' is a directory"), never a folder, a leading ``~`` the home
    folder (``--config=~/my.toml``, which no shell expands: "config file not found")."""
    return _path_of_kind(value, "a TOML file's name", Path.is_dir, "a folder, not a config file")


def _path_of_kind(
    value: str, wanted: str, is_other_kind: Callable[[Path], bool], other_kind: str
) -> Path:
    """``value`` as typed, a leading ``~`` the home folder ("./~x" is the name "~x" here),
    refused when empty (``wanted``: what to give instead) or when ``is_other_kind``."""
    if not value.strip():
        raise typer.BadParameter(f"an empty path; give {wanted}")
    try:
        path = expand_home(value)
    except ValueError as error:  # "~nobody": no such user
        raise typer.BadParameter(str(error)) from None
    try:
        wrong = is_other_kind(path)
    except OSError:  # in a folder we may not enter (Python 3.11 raises): said when it is used
        wrong = False
    if wrong:
        raise typer.BadParameter(f"{shown(value)} is {other_kind}")
    return path


ConfigFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--config",
        "-c",
        metavar="FILE",
        help="TOML file layered over the defaults (repeatable; later files win).",
        parser=_config_file,
    ),
]
SetOverrides = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        "-s",
        metavar="KEY=VALUE",
        help="Override one key, e.g. --set translation.batch_size=8 (repeatable); "
        "--set clean.threshold= (nothing after =) unsets it.",
    ),
]


# readable=False: Click refused the whole command (exit 2, no article done) when one path it was
# given could not be read; the run says so of that input alone, as of one inside a folder.
InputPaths = Annotated[
    list[Path],
    typer.Argument(
        help=(
            "Articles (.txt, .md, .markdown, .html, .htm, .xhtml) or folders of them (not "
            "recursive); a file named here with another suffix, or none, is read as text, or "
            "as HTML when it starts as a page."
        ),
        metavar="PATH...",
        readable=False,
        parser=_input_path,
    ),
]


def fail(error: SummarizeError | str, exit_code: int = 2) -> NoReturn:
    """The one error formatter: a short message, no traceback."""
    message = str(error)
    code = error.exit_code if isinstance(error, SummarizeError) else exit_code
    with contextlib.suppress(OSError):  # the terminal closed: the exit code still says why
        stderr.print(f"[bold red]Error:[/] {escape(message)}", soft_wrap=True, highlight=False)
    raise typer.Exit(code)


def _interrupted(what_now: str) -> NoReturn:
    """A command stopped by Ctrl-C, SIGTERM or SIGHUP: say so (and what now), exit 130."""
    with contextlib.suppress(OSError):  # the terminal closed (SIGHUP): no one to tell
        stderr.print(f"interrupted: {what_now}", soft_wrap=True)
    raise typer.Exit(EXIT_INTERRUPTED) from None


def _on_a_terminal() -> bool:
    """Whether standard error is a terminal someone watches: bars that redraw, log lines without
    time stamps. FORCE_COLOR (set in CI jobs for coloured output) makes rich take a pipe or a
    log file for a terminal: the bars' redraws and cursor codes filled the log, its lines had
    no time stamps. The colours it asks for stay; TTY_COMPATIBLE=1 says it is a terminal."""
    if not stderr.is_terminal:
        return False
    if os.environ.get("FORCE_COLOR") and os.environ.get("TTY_COMPATIBLE") != "1":
        try:
            return stderr.file.isatty()
        except (AttributeError, ValueError):  # no such method, or the stream closed
            return False
    return True


class _OneLineRichHandler(RichHandler):
    """Rich's coloured level names, each record on one line as the log's are: Rich's table
    folded a long message at the terminal's width, cutting a path in it in two (copied from
    the terminal, it named no file)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = Text.assemble(self.get_level_text(record), " ", self.format(record))
            self.console.print(line, soft_wrap=True, highlight=False)
        except Exception:
            self.handleError(record)


def _configure_logging(quiet: bool, verbose: bool, interactive: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    handler: logging.Handler
    if interactive:
        handler = _OneLineRichHandler(console=stderr, markup=False)
        handler.setFormatter(logging.Formatter("%(message)s"))
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.handlers[:] = [handler]
    logger.setLevel(level)
    logger.propagate = False


def _load(
    config_files: list[Path] | None, overrides: list[str] | None, library_checks: bool = True
) -> Config:
    # Each file's leading "~" is read by the option's parser (_config_file), as typed: read
    # again here, "./~draft.toml" (a Path: "~draft.toml") was the home of a user "draft.toml".
    from summarize.config import load_config  # pydantic: not for --help or --version

    try:
        return load_config(
            *(config_files or []), overrides=overrides or [], library_checks=library_checks
        )
    except SummarizeError as error:
        fail(error)


def _exit_codes_help() -> str:
    """The exit codes for a command's --help, one paragraph (a line there) each."""
    return "\n\n".join(["Exit codes:", *(f"{code}: {why}." for code, why in EXIT_CODES.items())])


@app.command(epilog=_exit_codes_help())
def run(
    paths: InputPaths,
    config_files: ConfigFiles = None,
    overrides: SetOverrides = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Output folder (default: output.folder).",
            parser=_folder,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", metavar=_FLAG, help="Redo briefs whose source and settings are unchanged."
        ),
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", metavar=_FLAG, help="Neither read nor write the translation cache."
        ),
    ] = False,
    force_language: Annotated[
        bool,
        typer.Option(
            "--force-language", metavar=_FLAG, help="Translate articles detected as not German too."
        ),
    ] = False,
    engine: Annotated[
        str | None,
        typer.Option(
            "--engine",
            metavar="local|ray",
            help="local (this process) or ray (a Ray cluster; default: runtime.engine).",
        ),
    ] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address",
            metavar="auto|HOST:PORT",
            help="Ray engine: auto or HOST:PORT (default: a local Ray instance).",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", metavar=_FLAG, help="Only warnings, errors and the summary line."
        ),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", metavar=_FLAG, help="Debug logging.")
    ] = False,
) -> None:
    """Translate and summarize every article; write one brief each and an index."""
    # SIGTERM (a scheduler, `kill`) stops the run the way Ctrl-C does: the briefs written so far
    # are listed in the index, and the exit says so. From the start: reading the config and
    # setting up the engine take seconds (the model libraries' imports), and a stop then is
    # said the same way. Ctrl-C too goes through the handler (unless the shell ignores it, as in
    # a background job, or a host program handles it), so that pressed again it is ignored.
    # SIGHUP (the terminal closed) as well, unless the run was started to outlive it (nohup).
    previous = _take_stop_signals()
    try:
        if quiet and verbose:  # else one of them would lose, unsaid
            fail("--quiet and --verbose ask for opposite logging; give one of them")
        interactive = _on_a_terminal() and not quiet
        _configure_logging(quiet, verbose, interactive)
        logger.debug("run started")  # benchmarks/speed.py times the start-up up to this line
        extra = [
            *(overrides or []),
            *_run_options(output, force_language, no_cache, engine, ray_address),
        ]
        config, remembered = _config_of_a_run(config_files, extra, force)
        # Closed on the way out, a stop included: the translation cache's write-ahead log is
        # folded back into its file (the exit below skips Python's own clean-up).
        with contextlib.closing(_engine(config, quiet, defer_setup=remembered)) as pipeline:
            report, shown_already = _run_with_progress(pipeline, paths, force, interactive, quiet)
        # With the stop signals still taken: a stop while the failures and the summary line are
        # printed (seconds for thousands of failures) is said as any other, not a silent end.
        _say_how_the_run_went(report, shown_already, config.output.folder)
    except SummarizeError as error:
        fail(error)
    except KeyboardInterrupt:
        _interrupted(
            "every brief written so far is complete; run the same command again to do the rest"
        )
    finally:
        _give_back(previous)
    raise typer.Exit(report.exit_code)


def _say_how_the_run_went(
    report: RunReport, shown_already: set[tuple[str, str]], folder: Path
) -> None:
    """The articles without a brief that the progress did not show, and the summary line."""
    # A run that outlived its terminal (SIGHUP ignored, a disowned job) has no one to tell: its
    # briefs and index are written, and the exit code still says how it went (not EIO's 1).
    with contextlib.suppress(OSError):
        for outcome in report.without_brief:
            if (str(outcome.source), str(outcome.reason)) not in shown_already:
                stderr.print(
                    f"[yellow]{outcome.status}:[/] {escape(str(outcome.reason))}", soft_wrap=True
                )
        # The summary line is printed even with --quiet: scripts and logs need the outcome. A
        # folder the run made and took away again (every article failed) is named as gone.
        where = (
            f"→ {escape(shown(folder))}" if folder.is_dir() else "(no output folder: none written)"
        )
        stderr.print(
            f"{report.summary_line()} {where}",
            highlight=False,
            soft_wrap=True,
        )


def _run_options(
    output: Path | None,
    force_language: bool,
    no_cache: bool,
    engine: str | None,
    ray_address: str | None,
) -> list[str]:
    """``run``'s own options as the config settings they stand for (after the --set ones)."""
    extra = []
    if output is not None:
        extra.append(f"output.folder={_toml_string(output)}")
    if force_language:
        extra.append("input.force_language=true")
    if no_cache:
        extra.append("runtime.cache=false")
    if engine is not None:
        if engine not in ("local", "ray"):  # else the config error names a --set never typed
            fail(f"--engine {engine!r}: choose local (this process) or ray (a Ray cluster)")
        extra.append(f"runtime.engine={json.dumps(engine)}")
    if ray_address is not None:
        if not ray_address.strip():  # else the config error names a --set never typed
            fail("--ray-address: an empty address; give auto or HOST:PORT, or leave it out")
        extra.append(f"runtime.ray_address={_toml_string(ray_address)}")
    return extra


def _run_with_progress(
    pipeline: Pipeline | RayEngine, paths: list[Path], force: bool, interactive: bool, quiet: bool
) -> tuple[RunReport, set[tuple[str, str]]]:
    """The run's report, and the problems the progress display already showed, on a terminal
    or in the log: not printed again after the run (each problem gets one line)."""
    from summarize.progress import LogProgress, RichProgress

    if interactive:
        with RichProgress(stderr) as progress:
            report = pipeline.run(paths, progress, force=force)
        return report, progress.logged
    log = None if quiet else LogProgress()
    report = pipeline.run(paths, log, force=force)
    return report, log.logged if log is not None else set()


def _take_stop_signals() -> dict[int | str, Any]:
    """The stop signals a command takes over (see :func:`_stops_the_run`), with the handlers
    they had, for :func:`_give_back` (and the unraisable-exception hook under the key
    ``"unraisablehook"``, see :func:`_stop_again_if_swallowed`). None off the main thread (a
    host program's worker running the command): only the main thread may set a handler, and it
    is the host's to stop."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous: dict[int | str, Any] = {
        number: signal.signal(number, _raise_keyboard_interrupt)
        for number in STOP_SIGNALS
        if _stops_the_run(number)
    }
    previous["unraisablehook"] = sys.unraisablehook
    sys.unraisablehook = functools.partial(_stop_again_if_swallowed, sys.unraisablehook)
    return previous


def _give_back(previous: dict[int | str, Any]) -> None:
    for number, handler in previous.items():
        if number == "unraisablehook":
            sys.unraisablehook = handler
        else:
            signal.signal(number, handler)


def _stops_the_run(number: int) -> bool:
    """Whether the run takes ``number`` over as a graceful stop: SIGTERM always; Ctrl-C unless
    the shell or a host program handles it; SIGHUP unless it is ignored (``nohup``)."""
    handler = signal.getsignal(number)
    if number == signal.SIGTERM:
        return True
    if number == signal.SIGINT:
        return handler is signal.default_int_handler
    return handler is signal.SIG_DFL


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    """The first Ctrl-C, SIGTERM or SIGHUP of a run stops it (KeyboardInterrupt); the ones after
    it are ignored while the stop is under way: Ctrl-C pressed again (three times, quickly) broke
    into the rewrite of the index or the exit's clean-up, with a traceback or "Exception
    ignored"."""
    for number in STOP_SIGNALS:
        if signal.getsignal(number) is _raise_keyboard_interrupt:
            signal.signal(number, _stop_under_way)
    raise KeyboardInterrupt


def _stop_again_if_swallowed(previous_hook: Callable[[Any], object], unraisable: Any) -> None:
    """A stop's KeyboardInterrupt raised while a finalizer ran (the garbage collector calling a
    ``__del__`` during ``import torch``) is not raised but handed here, and the run went on to
    its end, exit 0, every later stop signal ignored as "under way". Here the stop is taken up
    again: its handlers put back and the signal delivered anew a moment later from another
    thread, so that the main thread takes it after the finalizer (in one, it comes back here and
    goes round again)."""
    under_way = [n for n in STOP_SIGNALS if signal.getsignal(n) is _stop_under_way]
    if unraisable.exc_type is KeyboardInterrupt and under_way:
        import _thread

        for number in under_way:
            signal.signal(number, _raise_keyboard_interrupt)

        def deliver() -> None:
            # Not once the command has given the signals back (a host's handler is not ours).
            if signal.getsignal(signal.SIGTERM) is _raise_keyboard_interrupt:
                _thread.interrupt_main(signal.SIGTERM)

        threading.Timer(0.05, deliver).start()
        return
    previous_hook(unraisable)


def _stop_under_way(signum: int, frame: object) -> None:
    """Ignores a stop signal while the run stops (not SIG_IGN, which a process started
    meanwhile would inherit)."""


def _exit_at_once(signum: int, frame: object) -> None:
    import os

    os._exit(EXIT_INTERRUPTED)


def _config_of_a_run(
    config_files: list[Path] | None, overrides: list[str], force: bool
) -> tuple[Config, bool]:
    """The run's config, and whether the local engine knows both models' identities without
    reading them (:mod:`summarize.identities`). Such a run, whose briefs are then likely all
    current, answers without importing transformers or torch (2.5 s of CPU): its config is
    taken without transformers' own checks of the generation tables, as the models were read
    with these very tables (and a model read checks them again, merged with the model's own).
    Any other run's config is loaded with them, and refused as before."""
    from summarize.config import load_config, unsets_a_generate_keyword

    # An unset generate() keyword is known only by transformers: unset misspelt
    # ("--set translation.generation.num_beam="), it changed nothing, so the identities
    # remembered matched and the run answered "up to date", exit 0, not refused (exit 2).
    # And a --config that is no regular file ("--config <(…)", a pipe) is read once: read again
    # after the first load found nothing remembered, it was empty, and the run went on with the
    # default models.
    if (
        not force
        and not any(unsets_a_generate_keyword(text) for text in overrides)
        and all(_is_regular_file(path) for path in config_files or [])
    ):
        try:
            config = load_config(*(config_files or []), overrides=overrides, library_checks=False)
        except SummarizeError:
            pass  # said by the full load, in the order of its checks
        else:
            if config.runtime.engine == "local":
                from summarize.engines.local import remembered_identities

                if remembered_identities(config) is not None:
                    return config, True
    return _load(config_files, overrides), False


def _is_regular_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # said by the load
        return False


def _engine(config: Config, quiet: bool, defer_setup: bool = False) -> Pipeline | RayEngine:
    """The configured engine; the Ray one needs its extra (exit 2 naming it). ``defer_setup``:
    the local engine sets the process up (torch's threads, quiet libraries) only when it reads
    a model."""
    if config.runtime.engine == "ray":
        from summarize.engines.ray import RayEngine, require_ray

        try:
            require_ray()
        except SummarizeError as error:
            fail(error)
        return RayEngine(config, quiet=quiet)
    if config.runtime.ray_address is not None:
        logger.warning(
            "runtime.ray_address (--ray-address) is ignored: the engine is local "
            "(use --engine ray to run on that cluster)"
        )
    from summarize.engines.local import Pipeline
    from summarize.process import configure_process

    setup = functools.partial(configure_process, config.runtime, config.uses_torch())
    if defer_setup:
        return Pipeline(config, setup=setup)
    return Pipeline(config, setup())


@app.command()
def inspect(
    paths: InputPaths,
    as_json: Annotated[
        bool, typer.Option("--json", metavar=_FLAG, help="One JSON object per article per line.")
    ] = False,
    no_clean: Annotated[
        bool,
        typer.Option("--no-clean", metavar=_FLAG, help="Show the text without the cleaning rules."),
    ] = False,
    force_language: Annotated[
        bool,
        typer.Option(
            "--force-language",
            metavar=_FLAG,
            help="Show articles detected as not German too, as run --force-language reads them.",
        ),
    ] = False,
    config_files: ConfigFiles = None,
    overrides: SetOverrides = None,
) -> None:
    """Show what the translator would receive: headline, sentences, and what each rule dropped.

    Runs only the text stages (no model is loaded), so it is fast: use it to tune the cleaner."""
    from summarize.clean import CleanOptions
    from summarize.errors import ArticleError
    from summarize.ingest import find_articles, read_article
    from summarize.outputs import file_key
    from summarize.report import outcome_of_error
    from summarize.stages import EmptiedArticle, prepare

    # The skip line of an article not in German names --force-language: the preview takes it
    # as run does (it was "No such option" here, where only --set input.force_language worked).
    if force_language:
        overrides = [*(overrides or []), "input.force_language=true"]
    config = _load(config_files, overrides, library_checks=False)  # loads no model library
    options = CleanOptions(enabled=False) if no_clean else config.clean.options()
    sources, problems = find_articles(paths)
    for problem in problems:
        message = escape(f"{shown(problem.path)}: {problem.reason}")
        stderr.print(f"[yellow]failed:[/] {message}", soft_wrap=True)  # as run says
    if not sources:
        fail("no articles to inspect")
    out = _Console(highlight=False, soft_wrap=True, emoji=False)
    failures = len(problems)
    seen: set[tuple[int, int] | str] = set()
    for source in sources:
        if out.quiet:  # its reader went away (`| head`): nothing more to show anyone
            break
        # The same file twice (a link, a hard link): run makes one brief (plan_briefs).
        if file_key(source) in seen:
            continue
        seen.add(file_key(source))
        try:
            article = read_article(source, config.input.max_bytes)
            # The run's own text stages: the same language check and "no article text" failure.
            prepared = prepare(article, config, options)
            cleaned, segmented = prepared.cleaned, prepared.segmented
        except ArticleError as error:
            failures += 1
            outcome = outcome_of_error(source, error)  # "skipped" or "failed", as run says
            if isinstance(error, EmptiedArticle):  # what each rule took is the question
                _show_drops(out, source, error.cleaned, as_json=as_json, failed=outcome.reason)
            stderr.print(f"[yellow]{outcome.status}:[/] {escape(outcome.reason)}", soft_wrap=True)
            continue
        except SummarizeError as error:  # not the article's (the language model unreadable)
            fail(error)
        if as_json:
            paragraphs = [list(paragraph) for paragraph in segmented.paragraphs]
            _echo_inspected(
                out, source, segmented.title, cleaned.has_lead, paragraphs, cleaned, article.details
            )
            continue
        _heading(out, source)
        out.print(f"[bold]title:[/] {escape(segmented.title or '(none)')}")
        # What the brief's source line will say (a page's date, author, site): inspect is where
        # a page's reading is checked, and these were seen only in a run's briefs.
        if article.details:
            out.print(f"[bold]source:[/] {escape(' · '.join(article.details.parts()))}")
        for number, paragraph in enumerate(segmented.paragraphs, start=1):
            label = "lead" if number == 1 and cleaned.has_lead else f"¶{number}"
            out.print(f"[cyan]{label}[/]")
            for sentence in paragraph:
                out.print(f"  • {escape(sentence)}")
        _print_drops(out, cleaned)
    raise typer.Exit(1 if failures else 0)


def _echo_inspected(
    out: Console,
    source: Path,
    title: str | None,
    lead: bool,
    paragraphs: list[list[str]],
    cleaned: CleanArticle,
    details: SourceDetails | None = None,
    failed: str | None = None,
) -> None:
    """One article's `inspect --json` line (``details``: what the source says of itself, as the
    run record's ``source_*`` fields; ``failed``: why it has no text, when it has none);
    ``out`` is made quiet when the reader went away (``| head``): the command read and cleaned
    every other article for no one (minutes for thousands), where the text form stops."""
    record = {
        "source": str(source),
        "title": title,
        "lead": lead,
        "paragraphs": paragraphs,
        "dropped": [{"rule": item.rule, "text": item.text} for item in cleaned.dropped],
        **(
            {
                "source_url": details.url or None,
                "source_date": details.date or None,
                "source_author": details.author or None,
                "source_site": details.site or None,
            }
            if details is not None
            else {}
        ),
        **({"failed": failed} if failed is not None else {}),
    }
    line = json.dumps(record, ensure_ascii=False)
    if not _stdout_encodes(line):  # JSON's own escapes: the line stays JSON, and says the same
        line = json.dumps(record)
    _echo(line, console=out)


def _stdout_encodes(text: str) -> bool:
    """Whether the standard output's encoding holds every character of ``text``."""
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except UnicodeEncodeError:
        return False
    except LookupError:  # an encoding Python does not know: let the write say so
        return True
    return True


def _heading(out: Console, source: Path) -> None:
    """The rule that heads an article in `inspect`, its path in it; a path too long for the
    rule (a line of 80 columns in a pipe) on the line under it, whole: in the rule, rich cut it
    short ("…"), and the only line that names the article did not say which one it was."""
    name = shown(source)
    if cell_len(name) + 4 <= out.width:  # " name " and a dash on either side
        out.rule(escape(name))
    else:
        out.rule()
        out.print(escape(name))


def _print_drops(out: Console, cleaned: CleanArticle) -> None:
    for rule, count in cleaned.dropped_counts().items():
        out.print(f"[red]dropped by {rule}[/] ({count})")
        for item in cleaned.dropped:
            if item.rule == rule:
                out.print(f"  - {escape(item.text)}", style="dim")


def _show_drops(
    out: Console, source: Path, cleaned: CleanArticle, *, as_json: bool, failed: str
) -> None:
    """What the cleaner took from an article it emptied: the audit that says why, in the
    same form as a kept article's (``failed``: the reason, also in the JSON record)."""
    if as_json:
        _echo_inspected(out, source, None, False, [], cleaned, failed=failed)
        return
    _heading(out, source)
    out.print("[bold]title:[/] (none)")
    out.print("[yellow]no article text left[/]")
    _print_drops(out, cleaned)


def _why_no_folder(path: Path) -> str:
    """Why ``path`` is no folder to read: a path that does not exist was called "not a
    folder", as if something else stood there."""
    try:
        path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such folder"
    except OSError as error:
        return f"cannot read: {error.strerror}"
    return "not a folder"


@app.command()
def view(
    output: Annotated[
        Path,
        typer.Argument(
            metavar="OUTPUT", help="An output folder of `summarize run`.", parser=_folder
        ),
    ],
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            metavar="DIR",
            help="Folder for the HTML site (default: OUTPUT/html).",
            parser=_folder,
        ),
    ] = None,
) -> None:
    """Write OUTPUT's briefs as a static HTML site: English and German side by side.

    One page per brief and an index, from the briefs' run records (<name>.json); no JavaScript,
    nothing loaded from outside the folder. Exit 1 when a record could not be read; exit 2
    when OUTPUT holds no records, while a run writes to it (no run starts into it while the
    view reads), or when --to holds pages that are not the view's; exit 130 on Ctrl-C,
    SIGTERM or SIGHUP (the pages written so far are complete)."""
    from summarize.ingest import is_folder
    from summarize.view import build_site

    if not is_folder(output):
        fail(f"{shown(output)}: {_why_no_folder(output)}")
    # SIGTERM and SIGHUP stop it as Ctrl-C does: they killed it at once, unsaid (exit 143), and
    # one that came while a page was written left its temp file in the site for good.
    previous = _take_stop_signals()
    try:
        report = build_site(output, to or output / "html")
        # With the stop signals still taken: a stop while the skipped records and the summary
        # line are printed is said as any other, not a silent end.
        for problem in report.problems:
            stderr.print(f"[yellow]skipped:[/] {escape(problem)}", soft_wrap=True)
        stderr.print(
            f"{len(report.pages)} brief page(s) → {escape(shown(report.index))}",
            highlight=False,
            soft_wrap=True,
        )
    except SummarizeError as error:
        fail(error)
    except KeyboardInterrupt:  # as a run's stop: said, exit 130 (click's "Aborted!", exit 1)
        _interrupted(
            "the pages written so far are complete; run the same command again for the rest"
        )
    finally:
        _give_back(previous)
    raise typer.Exit(1 if report.problems else 0)


OnlyTable = Annotated[
    bool, typer.Option("--quiet", "-q", metavar=_FLAG, help="Only the table and warnings.")
]
OutputFolder = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        metavar="DIR",
        help="Folder for the outputs and metrics.json.",
        parser=_folder,
    ),
]


_Data = TypeVar("_Data")  # what an eval command reads from its input files


def _run_eval(
    config_files: list[Path] | None,
    overrides: list[str] | None,
    quiet: bool,
    output: Path,
    read: Callable[[Path], _Data],
    evaluate: Callable[[Pipeline, _Data, Path, TranslationListener | None], EvalResult],
    translates: bool = True,
) -> None:
    """Shared by the eval commands: config, the inputs read and checked, one pipeline, errors,
    the metrics table. ``evaluate`` writes into the folder it is given: ``output`` as the config
    reads it. ``translates``: whether its work is kept in the translation cache (summaries are
    kept nowhere)."""
    _configure_logging(quiet, False, _on_a_terminal())
    # SIGTERM and SIGHUP stop it as Ctrl-C does (they killed it at once, the translation cache
    # unclosed), and a stop is said, as a run says it.
    previous = _take_stop_signals()
    try:
        _evaluate(config_files, overrides, output, read, evaluate, translates and not quiet)
    except KeyboardInterrupt as stop:
        if not translates:  # a cache there is an earlier translation evaluation's, no help here
            _interrupted("no scores written, and no summaries kept: the same command starts over")
        if not isinstance(stop, _StoppedEvaluating):  # while the configuration was read
            _interrupted("no scores written")
        if stop.kept_in is None:
            _interrupted("no scores written, and no translations kept to go on from")
        _interrupted(
            f"no scores written; translations done so far are kept in {stop.kept_in}, and the "
            "same command again goes on from there"
        )
    finally:
        _give_back(previous)


class _StoppedEvaluating(KeyboardInterrupt):
    """An evaluation stopped once its configuration was read. ``kept_in``: the translation
    cache that holds the translations done so far, in words ("the output folder's cache"); None
    where there is none (none made yet, or the cache off), where "translations done so far are
    kept in the output folder's cache" was untrue, as it was of runtime.cache_dir's cache."""

    def __init__(self, kept_in: str | None) -> None:
        super().__init__()
        self.kept_in = kept_in


def _evaluate(
    config_files: list[Path] | None,
    overrides: list[str] | None,
    output: Path,
    read: Callable[[Path], _Data],
    evaluate: Callable[[Pipeline, _Data, Path, TranslationListener | None], EvalResult],
    shows_progress: bool,
) -> None:
    from summarize.cache import CACHE_FILENAME, default_cache_dir
    from summarize.engines.local import Pipeline, translation_cache_folder
    from summarize.evaluate import metrics_table, require_eval_extra
    from summarize.outputs import output_lock, remove_stale_temp_files
    from summarize.process import configure_process

    # An evaluation writes into its own folder only (the translation cache included).
    folder = f"output.folder={_toml_string(output)}"
    config = _load(config_files, [*(overrides or []), folder])
    # The folder as the config reads it (a leading "~" the home folder): the outputs and the
    # translation cache in one place. "--output=~/eval" (no shell expands a ~ after "=") wrote
    # the outputs into a folder named "~" here and the cache into the home folder's "eval".
    output = config.output.folder
    cache = translation_cache_folder(config)
    try:
        try:
            require_eval_extra()
            # A missing, unreadable or misaligned input, one the outputs would replace, or an
            # output folder that cannot be made, is found before any model loads.
            data = read(output)
            # One evaluation (or run) per output folder, as `run` takes it: two at once wrote
            # each other's hypotheses.txt and metrics.json, the one's metrics (its model, its
            # scores) left beside the other's outputs. A folder it made for the outputs is
            # removed again when a model is not found or refused (only empty folders go).
            with output_lock(output):
                # An evaluation killed mid-write left its temp file (".metrics.json.<hex>.tmp")
                # for good: removed, as a run removes its own.
                remove_stale_temp_files(output)
                # Inside: a stop while torch is imported here left the folder made, empty.
                threads = configure_process(config.runtime, config.uses_torch())
                with Pipeline(config, threads) as pipeline:
                    try:
                        result = _evaluate_with_progress(
                            evaluate, pipeline, data, output, shows_progress
                        )
                    except BaseException:
                        pipeline.close(remove_unused_cache=True)
                        raise
        except KeyboardInterrupt:  # where the translations done so far are, if anywhere
            if cache is None or not (cache / CACHE_FILENAME).exists():
                raise _StoppedEvaluating(None) from None
            if cache == default_cache_dir(output):
                raise _StoppedEvaluating("the output folder's cache") from None
            raise _StoppedEvaluating(f"the translation cache {shown(cache)}") from None
    except SummarizeError as error:
        fail(error)
    _echo(metrics_table(result))


def _evaluate_with_progress(
    evaluate: Callable[[Pipeline, _Data, Path, TranslationListener | None], EvalResult],
    pipeline: Pipeline,
    data: _Data,
    output: Path,
    shows_progress: bool,
) -> EvalResult:
    """``evaluate``, its translation shown as a run's is (``shows_progress``: not --quiet, and
    a translation): a bar on a terminal, a log line at each tenth elsewhere."""
    from summarize.progress import LogTranslationProgress, RichProgress

    if not shows_progress:
        return evaluate(pipeline, data, output, None)
    if _on_a_terminal():
        with RichProgress(stderr) as bars:
            return evaluate(pipeline, data, output, bars)
    return evaluate(pipeline, data, output, LogTranslationProgress())


@eval_app.command("translation")
def eval_translation(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="SOURCE", help="German text, one segment per line.", parser=_input_path
        ),
    ],
    reference: Annotated[
        Path,
        typer.Argument(
            metavar="REFERENCE", help="English reference, aligned by line.", parser=_input_path
        ),
    ],
    output: OutputFolder,
    config_files: ConfigFiles = None,
    overrides: SetOverrides = None,
    quiet: OnlyTable = False,
) -> None:
    """Translate SOURCE as `run` would; write hypotheses.txt and metrics.json (BLEU, chrF)."""
    from summarize.evaluate import evaluate_translation, read_translation_pairs

    _run_eval(
        config_files,
        overrides,
        quiet,
        output,
        lambda folder: read_translation_pairs(source, reference, folder),
        lambda pipeline, pairs, folder, progress: evaluate_translation(
            pipeline.translator, source, reference, folder, pairs, progress
        ),
    )


@eval_app.command("summary")
def eval_summary(
    data: Annotated[
        Path,
        typer.Argument(
            metavar="DATA", help="JSON lines with an article and a reference.", parser=_input_path
        ),
    ],
    output: OutputFolder,
    text_field: Annotated[
        str, typer.Option(metavar="FIELD", help="Field holding the English article.")
    ] = "article",
    reference_field: Annotated[
        str, typer.Option(metavar="FIELD", help="Field holding the reference summary.")
    ] = "reference",
    config_files: ConfigFiles = None,
    overrides: SetOverrides = None,
    quiet: OnlyTable = False,
) -> None:
    """Summarize each article as `run` would; write summaries.jsonl and metrics.json (ROUGE)."""
    from summarize.evaluate import evaluate_summaries, read_summary_records

    _run_eval(
        config_files,
        overrides,
        quiet,
        output,
        lambda folder: read_summary_records(data, text_field, reference_field, folder),
        lambda pipeline, records, folder, _progress: evaluate_summaries(
            pipeline.summarizer,
            data,
            folder,
            text_field,
            reference_field,
            pipeline.config.runtime.articles_per_batch,
            records,
        ),
        translates=False,
    )


@config_app.command("show")
def config_show(config_files: ConfigFiles = None, overrides: SetOverrides = None) -> None:
    """Print the effective configuration (defaults + files + --set) as TOML."""
    config = _load(config_files, overrides)
    try:
        text = config.to_toml()
    except SummarizeError as error:
        fail(error)
    _echo(text, nl=False)


@models_app.command("list")
def models_list(
    config_files: ConfigFiles = None,
    overrides: SetOverrides = None,
    as_json: Annotated[
        bool, typer.Option("--json", metavar=_FLAG, help="One JSON object per model.")
    ] = False,
) -> None:
    """Show each configured model: where it resolves, offline or not, family, window, languages.

    The family, input window and language codes are shown when the model is there.
    Exits 1 when a model is not available offline or would not load as configured; a model
    whose family is made for the other task (a summarizer as translator) is warned of."""
    import dataclasses

    from rich.table import Table

    from summarize.store import configured_models, locate

    config = _load(config_files, overrides)
    runtime = config.runtime
    located = [
        locate(task, settings, runtime.models_dir, runtime.model_digests)
        for task, settings in configured_models(config)
    ]
    failing = sum(not stored.available or stored.problem is not None for stored in located)
    if as_json:
        for stored in located:
            # "available": it would load as configured (a folder found without its weights
            # said true beside its problem, and a script reading only this took it as usable).
            loads = stored.available and stored.problem is None
            _echo(json.dumps({**dataclasses.asdict(stored), "available": loads}))
        raise typer.Exit(1 if failing else 0)
    headers = (
        "task", "model", "revision", "resolves to", "offline", "size", "family", "window",
        "languages",
    )  # fmt: skip
    rows = []
    for stored in located:
        languages = f"{stored.source_lang} → {stored.target_lang}" if stored.source_lang else "-"
        row = (
            stored.task,
            escape(stored.requested),
            escape(stored.revision or "-"),
            escape(stored.location or stored.where),
            "yes" if stored.available else "[red]no[/]",
            f"{stored.size_bytes / 1e6:.1f} MB" if stored.available else "-",
            escape(stored.family or "-"),
            f"{stored.window} tokens" if stored.window else "-",
            escape(languages),
        )
        rows.append(row)
    table = Table(*headers)
    for column in table.columns:
        column.overflow = "fold"  # a cut path is useless
    for row in rows:
        table.add_row(*row)
    out = _Console(emoji=False)
    # The room the table's cells need, each on one line.
    width = Console(width=10_000, emoji=False).measure(table).maximum
    if not out.is_terminal:
        # Piped or logged, the console has no width of its own (80): give the table the room
        # its cells need, so a path is not folded letter by letter.
        out = _Console(width=width, emoji=False)
        out.print(table)
    elif width > out.width:
        # A terminal narrower than the table (80 columns): each model a block of "setting:
        # value" lines, a long path wrapped by the terminal. Folded into the terminal's width,
        # every cell and heading was cut mid-word ("transl" / "ation", "offlin" / "e").
        for task, *values in rows:
            out.print(f"[bold]{task}[/]", highlight=False)
            for header, value in zip(headers[1:], values, strict=True):
                out.print(f"  {header}: {value}", highlight=False, soft_wrap=True)
    else:
        out.print(table)
    for stored in located:
        # One line each, as every other message (folded at 80 columns in a pipe or a log).
        if stored.problem is not None:
            stderr.print(
                f"[red]{stored.task}:[/] {escape(stored.problem)}", highlight=False, soft_wrap=True
            )
        elif not stored.available:  # a hub id found nowhere offline: exit 1 said nothing
            stderr.print(
                f"[red]{stored.task}:[/] {escape(_not_offline(stored, runtime.models_dir))}",
                highlight=False,
                soft_wrap=True,
            )
        elif stored.warning is not None:  # it loads: a warning, not a failure
            stderr.print(
                f"[yellow]{stored.task}:[/] {escape(stored.warning)}",
                highlight=False,
                soft_wrap=True,
            )
    raise typer.Exit(1 if failing else 0)


def _not_offline(stored: StoredModel, models_dir: Path) -> str:
    """What to do about a hub model in neither the store nor the Hugging Face cache."""
    at = f" at revision {stored.revision!r}" if stored.revision else ""
    for folder in (models_dir, *models_dir.parents):
        with contextlib.suppress(OSError):
            if folder.is_file():
                # "copy its folder into the store" could not be done, and nothing said why.
                return (
                    f"{stored.requested!r}{at} is not in the Hugging Face cache, and the model "
                    f"store's path ({shown(models_dir)}) runs through {shown(folder)}, which is "
                    "a file, not a folder: set runtime.models_dir to a folder (the default is "
                    "models), then `summarize models pull` downloads it there; or point "
                    f"{stored.task}.model at a local folder"
                )
    return (
        f"{stored.requested!r}{at} is neither in the model store ({shown(models_dir)}) nor in "
        f"the Hugging Face cache: `summarize models pull` downloads it into the store (a run "
        f"with a network, into the cache); without a network, copy its folder into the store "
        f"or point {stored.task}.model at a local folder"
    )


@models_app.command("pull")
def models_pull(
    config_files: ConfigFiles = None,
    overrides: SetOverrides = None,
    pull_all: Annotated[
        bool,
        typer.Option(
            "--all",
            metavar=_FLAG,
            help="Also download hub models in the Hugging Face cache (not those in the store).",
        ),
    ] = False,
) -> None:
    """Download the configured hub models (at their revision) into the model store.

    Exits 1 when a model already here would not load as configured (as `models list` says),
    2 when a download fails."""
    config = _load(config_files, overrides)
    # A stop is said, as a run's (Ctrl-C ended it without a word). The stop signals are not
    # taken over as a run takes them: a Ctrl-C pressed again must still break into the wait for
    # the downloads under way (the hub's threads), which the run's handler would ignore.
    try:
        exit_code = _pull_models(config, pull_all)
    except KeyboardInterrupt:
        _interrupted(
            "the models pulled so far are in place; a download cut short is kept in its hidden "
            "folder (.<name>.partial), and the same command goes on from there"
        )
    raise typer.Exit(exit_code)


def _pull_models(config: Config, pull_all: bool) -> int:
    """`models pull`'s work: each configured model said on its line; the exit code."""
    from summarize.store import configured_models, locate, pull

    failing = 0
    exit_code = 0  # the worst of the models' (a download that failed: its error's code)
    for task, settings in configured_models(config):
        stored = locate(task, settings, config.runtime.models_dir, config.runtime.model_digests)
        if stored.where == "missing folder":  # a path, not a hub id: there is nothing to fetch
            failing += 1
            in_the_way = (config.runtime.models_dir / settings.model).is_file()  # said so
            advice = (
                ""
                if in_the_way
                else f" A pull downloads hub ids only (or set {task}.model to one, such as "
                "Helsinki-NLP/opus-mt-de-en)."
            )
            stderr.print(
                f"[red]{task}:[/] {escape(stored.problem or '')}{escape(advice)}",
                highlight=False,
                soft_wrap=True,
            )
            continue
        if stored.where == "local folder" or (stored.where == "hub cache" and not pull_all):
            if stored.problem is not None:  # here, but a run could not load it
                failing += 1
                stderr.print(
                    f"[red]{task}:[/] {escape(settings.model)} is here ({stored.where}) but "
                    f"would not load: {escape(stored.problem)}",
                    highlight=False,
                    soft_wrap=True,
                )
                continue
            stderr.print(
                f"{task}: {escape(settings.model)} already available ({stored.where})",
                highlight=False,
                soft_wrap=True,  # one line, as every other: a path folded at 80 columns is cut
            )
            continue
        try:
            destination = pull(settings, config.runtime.models_dir)
        except SummarizeError as error:
            # Said, and the other model still pulled: a hub id that does not exist (or a store
            # that takes no writes) for one model says nothing about the other.
            exit_code = max(exit_code, error.exit_code)
            stderr.print(f"[red]{task}:[/] {escape(str(error))}", highlight=False, soft_wrap=True)
            continue
        stderr.print(
            f"{task}: {escape(settings.model)} → {escape(str(destination))}",
            highlight=False,
            soft_wrap=True,
        )
    return exit_code or (1 if failing else 0)


def main() -> None:
    """The console script: the command, then a quick exit.

    With torch and the models loaded, the interpreter's teardown (freeing every module and
    object one by one) took 0.7-0.8 s of a small run's wall time and does nothing a user
    needs: briefs are written and closed by then. So the exit handlers run, non-daemon
    threads are joined, the streams flushed, and the process ends with ``os._exit``."""
    _escape_what_stdout_cannot_encode()
    try:
        app()
    except SystemExit as finished:
        code = finished.code
    except KeyboardInterrupt:  # before the command began (typer builds it): said as the import's
        from summarize.__main__ import INTERRUPTED_AT_START

        print(INTERRUPTED_AT_START, file=sys.stderr)
        code = EXIT_INTERRUPTED
    except OSError as error:
        # A write that found no room (the standard output on a full disk, `> /dev/full`) was a
        # traceback; the commands say their own files' errors, and any other error of the kind
        # still is a traceback (a defect to see).
        if error.errno not in _NO_ROOM:
            raise
        print(f"cannot write the output: {error.strerror or error}", file=sys.stderr)
        code = 1
    else:
        code = 0
    if isinstance(code, str):  # sys.exit("message") prints the message and exits 1
        print(code, file=sys.stderr)
    _exit_now(code if isinstance(code, int) else 0 if code is None else 1)


_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _escape_what_stdout_cannot_encode() -> None:
    """A character the standard output's encoding cannot hold is written as its escape
    (``\\u011f``), as Python writes it to standard error: redirected where that encoding is a
    code page (Windows' cp1252, ``> preview.txt``), an article's "Erdoğan" or an emoji ended
    `inspect` (and a path's, `config show`) with a traceback. In `config show`'s TOML strings
    the escape reads as the character."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)  # None: closed (`>&-`), or replaced
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")


def _exit_now(status: int) -> NoReturn:
    import atexit
    import os
    import threading

    # The command is done, and said so: a Ctrl-C or SIGTERM now (pressed again after a stop,
    # or while a Ray instance shuts down) ends the process at once, quietly, not with a
    # traceback from the clean-up it broke into ("Exception ignored in atexit callback").
    for number in STOP_SIGNALS:
        if signal.getsignal(number) not in (signal.SIG_IGN, None):
            signal.signal(number, _exit_at_once)
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()  # e.g. a model load or conversion still finishing its files
    logging.shutdown()
    atexit._run_exitfuncs()  # what a normal exit runs first (Ray's shutdown, temp folders)
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with that descriptor closed (`>&-`): Python made it None
            continue
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    main()
