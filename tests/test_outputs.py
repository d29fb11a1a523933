"""The output folder: brief names that depend on their input alone, file modes, durable writes."""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

import pytest

from summarize.errors import UsageError, shown
from summarize.outputs import (
    LOCK_FILENAME,
    brief_name,
    make_folder,
    no_run_writing,
    not_current_briefs,
    output_lock,
    plan_briefs,
    remove_stale_temp_files,
    write_atomic,
)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("in/a.txt", "a.md"),
        ("in/a.TXT", "a.md"),
        ("in/a.md", "a.md.md"),
        ("in/page.html", "page.html.md"),
        ("in/page.htm", "page.htm.md"),
        ("in/index.txt", "index.txt.md"),  # never the index's own name
        ("in/index", "index.article.md"),
        ("in/artikel", "artikel.article.md"),  # apart from artikel.txt's brief
        ("in/.hidden.txt", "hidden.md"),
        ("in/a:b?.txt", "a_b_.md"),
        ("in/A\u0308rger.txt", "\u00c4rger.md"),  # macOS spells "Ä" as "A" and a combining mark
    ],
)
def test_brief_name_comes_from_the_file_name(source: str, name: str) -> None:
    assert brief_name(Path(source)) == name


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("in/CON.txt", "CON_.md"),
        ("in/nul.md", "nul_.md.md"),
        ("in/COM1.html", "COM1_.html.md"),
        ("in/aux.txt", "aux_.md"),
        ("in/Lpt9.TXT", "Lpt9_.md"),
        ("in/prn .txt", "prn_.md"),  # Windows ignores the spaces before the dot
        ("in/com\u00b9.txt", "com\u00b9_.md"),
        # Names that only start like a device's keep theirs: no brief of a run before changes.
        ("in/CONSOLE.txt", "CONSOLE.md"),
        ("in/com10.txt", "com10.md"),
        ("in/Con_.txt", "Con_.md"),
        ("in/aux-bericht.txt", "aux-bericht.md"),
    ],
)
def test_a_brief_name_windows_keeps_for_a_device_gets_an_underscore(source: str, name: str) -> None:
    """Windows takes "CON", "NUL", "COM1" … for a device whatever extension follows: the brief
    "CON.md" of "CON.txt" cannot be created there (nor opened from a share), and its article
    failed on every run."""
    assert brief_name(Path(source)) == name


@pytest.mark.parametrize("stem", ["ä" * 120, "a" * 250, "中" * 80, "ä" * 60 + "a" * 130])
def test_every_file_made_from_a_long_name_fits_a_file_system(tmp_path: Path, stem: str) -> None:
    """A legal input name (at most 255 bytes) gives a brief whose run record's temp file, the
    longest name made from it, is legal too: an umlaut takes two bytes, a CJK character three."""
    source = tmp_path / f"{stem}.txt"
    source.write_text("Text", encoding="utf-8")
    name = brief_name(source)
    start, _, digest = name[:-3].rpartition("-")  # cut: the name's start and its digest
    assert name.endswith(".md") and stem.startswith(start) and len(digest) == 8
    longest = f".{name[:-3]}.json.0123456789ab.tmp"
    assert len(longest.encode("utf-8")) <= 255
    (tmp_path / longest).write_text("{}", encoding="utf-8")  # the file system takes it


def test_long_names_that_differ_past_the_cut_get_briefs_of_their_own(tmp_path: Path) -> None:
    """A scraper's file names (a long slug, then what tells the articles apart) were cut to one
    brief name, and the second article was refused as "the same file name"."""
    slug = "bundesregierung-beschliesst-massnahmenpaket-zur-staerkung-der-wirtschaft-" * 2
    sources = [tmp_path / f"{slug}teil-{number}.txt" for number in (1, 2)]
    for source in sources:
        source.write_text("Text", encoding="utf-8")
    plan = plan_briefs(sources)
    assert plan.clashes == ()
    first, second = (name for _, name in plan.jobs)
    assert first != second and first.startswith(slug[:100]) and second.startswith(slug[:100])
    assert brief_name(sources[0]) == first  # still a function of the name alone
    # A name that fits keeps it whole, as every brief of a run before had it.
    assert brief_name(tmp_path / f"{slug[:140]}.txt") == f"{slug[:140]}.md"


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("one/a.txt", "two/a.txt", "(same file name)"),
        ("a-b.txt", "A-B.txt", "(brief names that differ only in case, one file on Windows"),
        ("a:b.txt", "a_b.txt", "(both file names make the brief name a_b.md)"),
        ("a.md.txt", "a.md", "(both file names make the brief name a.md.md)"),
    ],
)
def test_inputs_refused_for_one_brief_name_are_told_why_they_share_it(
    tmp_path: Path, first: str, second: str, why: str
) -> None:
    """Two inputs whose names plainly differ ("a:b.txt" and "a_b.txt", "a-b.txt" and
    "A-B.txt") were refused as "(same file name)", which sent the user looking for a duplicate."""
    sources = [tmp_path / first, tmp_path / second]
    for source in sources:
        source.parent.mkdir(exist_ok=True)
        source.write_text("Die Regierung hat beschlossen.\n", encoding="utf-8")
    [(refused, message)] = plan_briefs(sources).clashes
    assert refused == sources[1]
    assert why in message and message.endswith("rename one or run it with another --output folder")


def test_a_brief_name_does_not_depend_on_the_other_inputs(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
    for path in (one / "a.txt", one / "a.md", two / "a.txt", one / "b.txt"):
        path.write_text("Text", encoding="utf-8")
    alone = dict(plan_briefs([one / "a.txt"]).jobs)
    crowded = plan_briefs([one / "a.md", one / "b.txt", one / "a.txt", two / "a.txt"])
    assert alone == {one / "a.txt": "a.md"}
    assert dict(crowded.jobs) == {one / "a.md": "a.md.md", one / "b.txt": "b.md", **alone}
    # The same name from another folder is refused, naming both, never given a brief of its own
    # whose name would depend on what else the run holds.
    ((refused, reason),) = crowded.clashes
    assert refused == two / "a.txt" and str(one / "a.txt") in reason and "a.md" in reason


def test_the_same_file_given_twice_is_processed_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("Text", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(article)
    spellings = [article, folder / "." / "a.txt", tmp_path / "in" / ".." / "in" / "a.txt"]
    plan = plan_briefs([*spellings, tmp_path / "link.txt"])
    assert plan.jobs == ((article, "a.md"),) and plan.clashes == ()


def test_a_path_spelt_twice_is_not_said_to_be_the_same_file_as_itself(tmp_path, caplog) -> None:
    """``run in ./in/a.txt`` said "in/a.txt is the same file as in/a.txt"."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Text", encoding="utf-8")
    with caplog.at_level("INFO", logger="summarize"):
        plan = plan_briefs([folder / "a.txt", folder / "." / "a.txt"])
    assert plan.jobs == ((folder / "a.txt", "a.md"),)
    assert "same file" not in caplog.text


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_briefs_follow_the_umask(tmp_path: Path, umask: int) -> None:
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "brief.md", "text")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o666 & ~umask


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch) -> None:
    synced: list[tuple[bool, bool]] = []  # (a folder?, the new name already there?)
    real_fsync = os.fsync

    def recording(handle: int) -> None:
        is_folder = stat.S_ISDIR(os.fstat(handle).st_mode)
        synced.append((is_folder, (tmp_path / "brief.md").exists()))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", recording)
    write_atomic(tmp_path / "brief.md", "text")
    assert synced == [(False, False), (True, True)]


def test_only_our_own_leftover_temp_files_are_removed(tmp_path: Path, monkeypatch) -> None:
    """A run killed mid-write leaves a temp file that the next run removes; a user's own
    ``.notes.tmp`` in the output folder stays."""

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", killed)
        patched.setattr(Path, "unlink", lambda *_, **__: None)  # the kill leaves it behind
        with pytest.raises(KeyboardInterrupt):
            write_atomic(tmp_path / "brief.md", "text")
    leftovers = [p.name for p in tmp_path.iterdir()]
    assert len(leftovers) == 1 and leftovers[0].endswith(".tmp")
    for name in (".notes.tmp", ".brief.md.tmp", ".brief.md.backup.tmp"):
        (tmp_path / name).write_text("mine", encoding="utf-8")
    remove_stale_temp_files(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".brief.md.backup.tmp",
        ".brief.md.tmp",
        ".notes.tmp",
    ]


def test_a_failure_from_any_stage_names_its_article() -> None:
    from summarize.errors import ArticleError
    from summarize.report import outcome_of_error

    source = Path("in/a.txt")
    late = ArticleError("the chunk summaries still exceed the summarizer's 96-token window")
    assert outcome_of_error(source, late).reason == f"{source}: {late}"
    early = ArticleError(f"{source}: empty file")
    assert outcome_of_error(source, early).reason == f"{source}: empty file"  # not twice


def test_a_run_report_lists_its_outcomes_by_status() -> None:
    # The README's library example reads report.written and report.failed.
    from summarize.report import ArticleOutcome, RunReport

    written = ArticleOutcome(Path("a.txt"), "written", Path("out/a.md"))
    current = ArticleOutcome(Path("b.txt"), "up-to-date", Path("out/b.md"))
    skipped = ArticleOutcome(Path("c.txt"), "skipped", reason="c.txt: not German")
    failed = ArticleOutcome(Path("d.txt"), "failed", reason="d.txt: empty file")
    report = RunReport((written, current, skipped, failed), None)
    assert report.written == [written]
    assert report.skipped == [skipped]
    assert report.failed == [failed]
    assert [outcome.error for outcome in report.failed] == ["d.txt: empty file"]
    assert report.without_brief == [skipped, failed]


def test_a_refused_brief_is_replaced_once_deleted_as_the_refusal_says(tmp_path: Path) -> None:
    """The brief of another existing file is kept, and the refusal says to delete the brief to
    replace it: deleting ``a.md`` left its run record ``a.json``, which kept refusing."""
    import dataclasses
    import hashlib

    from test_render import make_brief

    from summarize.outputs import replacing_what, write_brief

    first, second, out = tmp_path / "day1" / "a.txt", tmp_path / "day2" / "a.txt", tmp_path / "o"
    for path, text in ((first, b"Tag eins"), (second, b"Tag zwei")):
        path.parent.mkdir()
        path.write_bytes(text)
    brief = make_brief(1)
    write_brief(
        out / "a.md",
        dataclasses.replace(
            brief, source=str(first), source_sha256=hashlib.sha256(b"Tag eins").hexdigest()
        ),
    )
    problem = replacing_what(out / "a.md", second)
    assert problem is not None and f"delete {out / 'a.md'} to replace it" in problem
    (out / "a.md").unlink()
    assert replacing_what(out / "a.md", second) is None


def test_a_folder_still_not_found_once_its_parent_is_there_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdir answering "No such file or directory" although the parent exists (/proc/name):
    making the parent and trying again recursed without end, a RecursionError's traceback of
    thousands of lines (exit 1) for `run -o`, `eval -o` and `view --to`."""
    target = tmp_path / "new" / "folder"
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self == target:
            raise FileNotFoundError(2, "No such file or directory", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(UsageError, match=r"cannot create the output folder .*No such file"):
        make_folder(target, "the output folder")
    assert (tmp_path / "new").is_dir()  # its parent was made, as Path.mkdir(parents=True) does


def test_a_file_where_the_output_or_cache_folder_goes_is_named_as_a_file(
    tmp_path: Path,
) -> None:
    """`--set output.folder=notes.md` (or a folder under it; or runtime.cache_dir) naming a
    file said only "File exists" or "Not a directory" (`-o` names it "a file, not a folder"
    before any work)."""
    from summarize.cache import TranslationCache

    notes = tmp_path / "notes.md"
    notes.write_text("mine", encoding="utf-8")
    for folder in (notes, notes / "briefs", notes / "briefs" / "today"):
        with pytest.raises(UsageError) as refused:
            make_folder(folder, "the output folder")
        assert str(refused.value) == (
            f"cannot create the output folder {shown(folder)}: {shown(notes)} is a file, not a "
            "folder"
        )
        with pytest.raises(UsageError, match=f"{re.escape(shown(notes))} is a file, not a folder"):
            TranslationCache(folder)
    assert notes.read_text(encoding="utf-8") == "mine"


def test_a_link_or_special_file_where_the_output_folder_goes_is_named_for_what_it_is(
    tmp_path: Path,
) -> None:
    """An output folder (or a folder above it) that is a link to a folder that is not there (a
    drive not mounted), a link in a loop, or a FIFO or device (`-o /dev/null`) said only
    "File exists": of a link to nothing, the opposite of what is wrong."""
    from summarize.cache import TranslationCache

    gone = tmp_path / "drive" / "briefs"
    dangling = tmp_path / "briefs"
    dangling.symlink_to(gone)
    loop_a, loop_b = tmp_path / "loop-a", tmp_path / "loop-b"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    said_of = {
        dangling: f"{shown(dangling)} is a symbolic link to {shown(gone)}, which does not exist",
        loop_a: f"{shown(loop_a)} is a symbolic link in a loop",
        fifo: f"{shown(fifo)} is not a folder (a FIFO, device or socket)",
    }
    if Path("/dev/null").is_char_device():
        said_of[Path("/dev/null")] = "/dev/null is not a folder (a FIFO, device or socket)"
    for where, reason in said_of.items():
        for folder in (where, where / "today"):
            with pytest.raises(UsageError) as refused:
                make_folder(folder, "the output folder")
            assert str(refused.value) == (
                f"cannot create the output folder {shown(folder)}: {reason}"
            ), folder
            with pytest.raises(UsageError, match=re.escape(reason)):
                TranslationCache(folder)
    assert not gone.parent.exists()  # nothing made where the link points


def test_a_link_that_cannot_be_followed_is_not_called_a_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link whose target cannot be looked at (a folder on the way this user may not search,
    an I/O error of a network drive) is not a link in a loop: following it raised
    PermissionError, an OSError as a loop is from Python 3.13 on, and both were said "is a
    symbolic link in a loop". (As root no folder is closed to the test: Path.resolve is made
    to answer as it does for another user.)"""
    from summarize.fileio import folder_error_reason

    target = tmp_path / "locked" / "briefs"
    link = tmp_path / "briefs"
    link.symlink_to(target)
    resolve = Path.resolve

    def closed(self: Path, strict: bool = False) -> Path:
        if strict and self == link:
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return resolve(self, strict=strict)

    monkeypatch.setattr(Path, "resolve", closed)
    reason = folder_error_reason(FileExistsError(errno.EEXIST, "File exists"), link)
    assert "loop" not in reason
    assert reason == (
        f"{shown(link)} is a symbolic link to {shown(target)}, which cannot be followed: "
        "Permission denied"
    )


@pytest.mark.parametrize("kind", ["fifo", "folder", "link"])
def test_a_lock_file_that_is_no_file_is_named_by_a_run_and_a_view(
    tmp_path: Path, kind: str
) -> None:
    """A `.summarize.lock` that is a FIFO, a folder or a symbolic link (a folder synced or
    copied with its links): `summarize view` waited forever on a FIFO (opened for reading, it
    waits for a writer), and a run said "cannot write to the output folder …: Is a directory"
    or "…: Too many levels of symbolic links" of a folder that takes writes. Both name the
    lock file and what it is, and nothing is written where a link points."""
    import threading

    folder = tmp_path / "briefs"
    folder.mkdir()
    lock = folder / LOCK_FILENAME
    target = tmp_path / "elsewhere.lock"
    what = {"fifo": "a FIFO, device or socket", "folder": "a folder", "link": "a symbolic link"}
    if kind == "fifo":
        os.mkfifo(lock)
    elif kind == "folder":
        lock.mkdir()
    else:
        lock.symlink_to(target)
    said = f"the lock file {shown(lock)} is {what[kind]}, not a file summarize made; remove it"
    with pytest.raises(UsageError, match=re.escape(said)), output_lock(folder):
        pass
    outcome: list[BaseException | None] = []

    def view_takes_the_lock() -> None:
        try:
            with no_run_writing(folder):
                outcome.append(None)
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    reader = threading.Thread(target=view_takes_the_lock, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # let the FIFO's reader go
        with open(os.open(lock, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
        pytest.fail("the view waited on the lock file")
    assert len(outcome) == 1 and isinstance(outcome[0], UsageError), outcome
    assert said in str(outcome[0])
    assert not target.exists()


def test_the_index_so_far_says_nothing_of_a_brief_a_worker_is_replacing(
    tmp_path: Path, caplog
) -> None:
    """A worker replaces a brief as the record, then the Markdown; a Ray run's index of its
    briefs so far, read between the two, logged "cut short, damaged or from another run" of a
    sound brief, and a damaged brief of an earlier run was said again every 30 s (a review's
    find). The run's own index at its end still says it."""
    import logging

    from test_render import make_brief

    from summarize.outputs import write_brief, write_progress_index

    path = tmp_path / "article-0.md"
    write_brief(path, make_brief(0))
    newer = make_brief(0).record().model_copy(update={"generated_at": "2026-12-01T00:00:00+00:00"})
    (tmp_path / "article-0.json").write_text(newer.to_json(), encoding="utf-8")  # mid-write
    with caplog.at_level(logging.WARNING, logger="summarize"):
        for _ in range(3):
            write_progress_index(tmp_path, "0 written, 0 up to date, 0 skipped, 0 failed")
    assert not [r for r in caplog.records if "left out of index.md" in r.getMessage()]


@pytest.mark.parametrize(
    ("number", "remedy"),
    [(errno.ENOSPC, "make room"), (errno.EACCES, "fix that"), (errno.EROFS, "fix that")],
)
def test_an_index_that_cannot_be_written_says_what_to_do_about_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, remedy: str
) -> None:
    """A read-only output folder was told to "make room" (only a full disk needs room)."""
    from summarize import outputs
    from summarize.errors import OutputError

    def refused(*args, **kwargs):
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(outputs, "write_index", refused)
    with pytest.raises(OutputError) as raised:
        outputs.write_run_index(tmp_path, "1 written")
    assert f"({remedy} and run the same command again" in str(raised.value)


@pytest.mark.parametrize("line_end", ["  ", " \\"])
def test_an_index_marks_not_current_briefs_whichever_line_break_it_was_written_with(
    tmp_path: Path, line_end: str
) -> None:
    """Entries break their lines at two spaces (kramdown showed the backslash that an index of
    an earlier version ends them with); either index still tells which briefs are not current."""
    (tmp_path / "index.md").write_text(
        "# Briefs\n\n"
        f"- **[Titel](<a b.md>)**{line_end}\n  *in/a.txt · 2026-12-04*{line_end}\n"
        "  **Not current:** a later run failed on this article.\n"
        f"- **[Titel](<c.md>)**{line_end}\n  *in/c.txt · 2026-12-04*\n",
        encoding="utf-8",
    )
    assert not_current_briefs(tmp_path) == {"a b.md": "a later run failed on this article."}


def test_an_input_that_is_no_article_claims_no_brief_name(tmp_path: Path) -> None:
    """An empty d1/a.txt (a failed download) took the name a.md, and d2/a.txt, an article, was
    refused as overwriting its brief: neither got one. The file that is no article fails for
    what it is, and the article gets the name."""
    for folder in ("d1", "d2", "d3"):
        (tmp_path / folder).mkdir()
    (tmp_path / "d1" / "a.txt").write_bytes(b"")
    (tmp_path / "d2" / "a.txt").write_text("Der Bundestag hat beschlossen.\n", encoding="utf-8")
    (tmp_path / "d3" / "A.txt").write_bytes(b"%PDF-1.7 ...")
    sources = [tmp_path / "d1" / "a.txt", tmp_path / "d3" / "A.txt", tmp_path / "d2" / "a.txt"]
    plan = plan_briefs(sources, tmp_path / "out")
    assert plan.jobs == ((tmp_path / "d2" / "a.txt", "a.md"),)
    reasons = dict(plan.clashes)
    assert reasons[tmp_path / "d1" / "a.txt"].endswith("empty file")
    assert "a PDF" in reasons[tmp_path / "d3" / "A.txt"]
