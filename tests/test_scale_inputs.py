"""What an engineer meets on a big run: link loops, odd file names, a folder that stops taking
writes, an incomplete model copy. Each costs at most its own brief and says so in one line."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from conftest import SEEDS, write_config
from typer.testing import CliRunner

from summarize import outputs
from summarize.backends import Generated
from summarize.cache import TranslationCache
from summarize.cli import app
from summarize.errors import ArticleError, ModelLoadError, OutputError, UsageError
from summarize.ingest import find_articles

SEED = SEEDS / "003_6d29e0b4accf03c7.txt"


def _reasons(problems: list) -> dict[str, str]:
    return {problem.path.name: problem.reason for problem in problems}


def test_a_symbolic_link_loop_in_a_folder_costs_only_itself(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Text", encoding="utf-8")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    found, problems = find_articles([folder, folder / "self.txt"])
    assert found == [folder / "good.txt"]
    reasons = _reasons(problems)
    assert set(reasons) == {"loop-a.txt", "loop-b.txt", "self.txt"}
    assert all("symbolic link loop" in reason for reason in reasons.values())


def test_macos_metadata_and_editor_locks_beside_articles_are_not_articles(tmp_path: Path) -> None:
    """AppleDouble files ("._a.txt", binary) and Emacs lock links (".#a.txt", dangling) failed
    as "binary file" and "broken symbolic link", so every run of such a folder exited 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Text", encoding="utf-8")
    (folder / "._a.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (folder / ".#a.txt").symlink_to("root@host.1234:1700000000")
    (folder / ".notes.txt").write_text("Text", encoding="utf-8")  # hidden, still an article
    found, problems = find_articles([folder])
    assert (found, problems) == ([folder / ".notes.txt", folder / "a.txt"], [])


def test_a_folder_of_subfolders_says_they_are_not_read(tmp_path: Path) -> None:
    (tmp_path / "in" / "2024-05-01").mkdir(parents=True)
    (tmp_path / "in" / "2024-05-01" / "a.txt").write_text("Text", encoding="utf-8")
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "notes.pdf").write_bytes(b"%PDF")
    _, problems = find_articles([tmp_path / "in", tmp_path / "flat"])
    reasons = _reasons(problems)
    assert reasons["in"].endswith("; its subfolders are not read")
    assert "subfolders" not in reasons["flat"]


def test_a_folder_without_articles_names_the_kinds_of_files_it_holds(tmp_path: Path) -> None:
    """A folder of pages saved compressed (curl without --compressed) or of PDFs was said to
    hold "no articles" alone; the log line that names other files by their extension is given
    only beside articles, so nothing named the .gz files to unpack."""
    folder = tmp_path / "pages"
    (folder / "2024").mkdir(parents=True)
    for name in ("a.html.gz", "b.html.gz", "c.pdf", ".DS_Store"):
        (folder / name).write_bytes(b"\x1f\x8b\x08")
    found, problems = find_articles([folder])
    assert found == []
    assert _reasons(problems)["pages"] == (
        "folder holds no articles (.txt, .md, .markdown, .html, .htm, .xhtml files); it holds "
        "3 file(s) that are not articles by their extension (.gz, .pdf); its subfolders are "
        "not read"
    )


def test_what_a_folder_holds_besides_articles_is_said_in_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Other files of an input folder (notes.docx, a file without an extension) and its
    subfolders were skipped without a word, even with --verbose; a .markdown file, Markdown
    as much as a .md one, too. It is read, and one line names what was not; hidden files are
    left unsaid."""
    folder = tmp_path / "in"
    (folder / "2024").mkdir(parents=True)
    for name in ("a.txt", "a.md", "a.markdown", "notes.docx", "LIESMICH", ".DS_Store"):
        (folder / name).write_text("Text", encoding="utf-8")
    with caplog.at_level("INFO", logger="summarize"):
        found, problems = find_articles([folder])
    assert (found, problems) == ([folder / name for name in ("a.markdown", "a.md", "a.txt")], [])
    said = [record.getMessage() for record in caplog.records]
    assert said == [
        f"{folder}: not read: 2 file(s) that are not articles by their extension (.docx, no "
        "extension); 1 subfolder(s) (folders are read one level deep)"
    ]
    # Each its own brief, none another's.
    assert {outputs.brief_name(path) for path in found} == {"a.markdown.md", "a.md.md", "a.md"}
    caplog.clear()
    with caplog.at_level("INFO", logger="summarize"):
        find_articles([folder / "a.txt"])  # a file given alone: nothing to say
    assert caplog.records == []


def test_a_markdown_file_is_read_as_markdown(tmp_path: Path) -> None:
    from summarize.ingest import read_article

    path = tmp_path / "bericht.markdown"
    path.write_text(
        "# Neue Brücke in Ulm eröffnet\n\nDer [Bürgermeister](/x) sprach.\n", encoding="utf-8"
    )
    assert read_article(path).text == "Neue Brücke in Ulm eröffnet\n\nDer Bürgermeister sprach."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_is_named_for_what_it_is(tmp_path: Path) -> None:
    """A FIFO or device given as an input was "no such file or folder", and a link to one in a
    folder a "broken symbolic link": both are there, and neither is read (a read would block)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Text", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "to-pipe.txt").symlink_to(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    found, problems = find_articles([folder, folder / "pipe.txt", Path("/dev/null"), folder / "x"])
    assert found == [folder / "good.txt"]
    assert [(problem.path.name, problem.reason) for problem in problems] == [
        ("gone.txt", "broken symbolic link"),
        ("pipe.txt", "not a regular file (it is a FIFO, device or socket)"),
        ("to-pipe.txt",
         "not a regular file (symbolic link to something that is a FIFO, device or socket)"),
        ("pipe.txt", "not a regular file (it is a FIFO, device or socket)"),
        ("null", "not a regular file (it is a FIFO, device or socket)"),
        ("x", "no such file or folder"),
    ]  # fmt: skip


def test_a_run_takes_its_paths_as_str_or_path_one_or_many(tmp_path: Path) -> None:
    """Pipeline.run / RayEngine.run("in") read the letters "i" and "n" as two paths, and a str
    in a list failed with an AttributeError: the library takes str like load_config does."""
    from summarize.stages import find_inputs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Text", encoding="utf-8")
    (folder / "b.txt").write_text("Text", encoding="utf-8")
    expected = [folder / "a.txt", folder / "b.txt"]
    for inputs in (str(folder), folder, [str(folder)], (str(folder / "a.txt"), folder / "b.txt")):
        found, failed = find_inputs(inputs)
        assert sorted(found) == expected, inputs
        assert failed == [], inputs


def test_a_path_given_twice_that_is_no_article_fails_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file given twice is processed once; a missing one given twice (in two spellings too),
    or a folder given twice with a link out of it, failed once for each time: "3 failed" and
    three lines for one missing file."""
    from summarize.stages import find_inputs

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Text", encoding="utf-8")
    (tmp_path / "outside.txt").write_text("Text", encoding="utf-8")
    (folder / "link.txt").symlink_to(tmp_path / "outside.txt")
    monkeypatch.chdir(tmp_path)
    missing = ["in/nope.txt", "./in/nope.txt", str(folder / "nope.txt"), "in/../in/nope.txt"]
    found, failed = find_inputs([*missing, "in", str(folder)])
    assert found == [Path("in/a.txt"), folder / "a.txt"]  # (processed once: plan_briefs)
    assert [outcome.source.name for outcome in failed] == ["nope.txt", "link.txt"]
    with pytest.raises(UsageError) as raised:
        find_inputs(missing)
    assert str(raised.value).count("nope.txt") == 1, raised.value


@pytest.mark.parametrize("inputs", [[], ()])
def test_a_run_given_no_paths_says_so(inputs: list[Path]) -> None:
    """Pipeline.run([]) from code said "no articles to process: " and stopped there."""
    from summarize.stages import find_inputs

    with pytest.raises(UsageError, match=r"^no articles to process: no input path given$"):
        find_inputs(inputs)


@pytest.mark.parametrize(
    "invisible", ["\u200b\u200b\n", "\ufeff\u200b \u00a0\n\u2060", "\u00ad\u200d\r\n"]
)
def test_a_file_of_invisible_characters_is_said_to_show_nothing(
    tmp_path: Path, invisible: str
) -> None:
    """A file of zero-width spaces, joiners and soft hyphens failed as "no article text left
    after cleaning", its audit empty: the user looked for the rule that took the article."""
    from summarize.ingest import read_article

    source = tmp_path / "invisible.txt"
    source.write_text(invisible, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"invisible.txt: no visible text \(only white space"):
        read_article(source)
    (tmp_path / "visible.txt").write_text("\u200bText\u200b\n", encoding="utf-8")
    assert read_article(tmp_path / "visible.txt").text.strip("\u200b\n") == "Text"


@pytest.mark.parametrize(
    ("name", "text", "said"),
    [
        ("link.txt", "https://www.spiegel.de/politik/artikel-a-123.html\n", "only a web address"),
        ("links.md", "<https://zeit.de/x>\n\nwww.faz.net/y 2024\n", "only a web address"),
        ("figures.txt", "12.345 67,8 %\n2024 – 3/4\n", "no words, only digits and signs"),
        ("figures.md", "# 2024\n\n1. 12\n2. 34\n", "no words, only digits and signs"),
    ],
)
def test_a_file_of_web_addresses_or_figures_alone_is_said_to_hold_no_article(
    tmp_path: Path, name: str, text: str, said: str
) -> None:
    """A saved link or a column of figures failed as "no article text left after cleaning
    (blocks dropped by rule: fragments 1; --set 'clean.disable=["fragments"]' keeps what
    fragments drops)": that advice only sent the address or the digits to the translator."""
    from summarize.ingest import read_article

    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    with pytest.raises(ArticleError) as raised:
        read_article(source)
    assert str(raised.value).startswith(f"{source}: {said}"), raised.value
    assert "\n" not in str(raised.value)
    # A word beside the address or the figures is text to read.
    (tmp_path / "worded.txt").write_text("Mehr unter https://zeit.de/x: 12 %\n", encoding="utf-8")
    assert read_article(tmp_path / "worded.txt").text.startswith("Mehr unter")


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="APFS refuses names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_refused_with_a_readable_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Text", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"lat\xe9.txt"), "wb") as stream:
            stream.write(b"Text")
    except OSError as error:  # a file system that insists on UTF-8 names
        pytest.skip(f"cannot make the name here: {error}")
    found, problems = find_articles([folder])
    assert found == [folder / "good.txt"]
    assert [(p.path.name, p.reason) for p in problems] == [
        ("lat\\xe9.txt", "file name is not valid UTF-8; rename the file to read it")
    ]
    str(problems[0].path).encode("utf-8")  # printable and storable as it is


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="APFS refuses names that are not UTF-8")
def test_a_folder_name_that_is_not_utf8_is_named_not_its_files(tmp_path: Path) -> None:
    """A folder whose name is not UTF-8 (an old archive's "Aktuelle_Ausgabe_M\xe4rz"): each of
    its files was refused as "file name is not valid UTF-8; rename the file to read it", one
    line a file, of names that are valid: renaming them changed nothing. The folder is named,
    once, given as an input or as the folder of a file given."""
    try:
        folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"M\xe4rz")))
        folder.mkdir()
    except OSError as error:  # a file system that insists on UTF-8 names
        pytest.skip(f"cannot make the name here: {error}")
    for name in ("a.txt", "b.txt", "c.md"):
        (folder / name).write_text("Text", encoding="utf-8")
    shown_folder = f"{tmp_path}/M\\xe4rz"
    found, problems = find_articles([folder])
    assert found == []
    assert [(str(p.path), p.reason) for p in problems] == [
        (shown_folder, "folder name is not valid UTF-8; rename the folder to read its articles")
    ]
    found, problems = find_articles([folder / "a.txt"])
    assert found == []
    assert [(str(p.path), p.reason) for p in problems] == [
        (
            f"{shown_folder}/a.txt",
            f"the name of its folder {shown_folder} is not valid UTF-8; rename that folder to "
            "read it",
        )
    ]
    for problem in problems:
        str(problem.path).encode("utf-8")  # printable and storable as it is


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="APFS refuses names that are not UTF-8")
def test_a_folder_whose_only_article_is_refused_is_not_said_to_hold_none(tmp_path: Path) -> None:
    """A folder whose one article has a name that is not UTF-8 got a second line, "folder holds
    no articles", beside the one naming the file: false, and it sent the user looking for a
    wrong extension."""
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), b"lat\xe9.txt"), "wb") as stream:
            stream.write(b"Text")
    except OSError as error:  # a file system that insists on UTF-8 names
        pytest.skip(f"cannot make the name here: {error}")
    (tmp_path / "empty").mkdir()
    found, problems = find_articles([folder, tmp_path / "empty"])
    assert found == []
    assert [(p.path.name, p.reason) for p in problems] == [
        ("lat\\xe9.txt", "file name is not valid UTF-8; rename the file to read it"),
        ("empty", "folder holds no articles (.txt, .md, .markdown, .html, .htm, .xhtml files)"),
    ]


def _deny(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """Permission bits as a user without root meets them (root ignores them): the files and
    folders ``denied`` (mode 000) cannot be read or listed, and nothing inside a denied folder
    can be looked at, where Python 3.11's is_dir() and is_file() raise."""
    shut = [path.absolute() for path in denied]

    def refuse(path: str | os.PathLike[str], itself: bool) -> None:
        for where in (Path(path).absolute(), Path(os.path.realpath(path))):
            if any(gone in where.parents or (itself and where == gone) for gone in shut):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    real_stat, real_iterdir, real_read = Path.stat, Path.iterdir, Path.read_bytes
    real_access = os.access

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if follow_symlinks:
            refuse(self, itself=False)
        return real_stat(self, follow_symlinks=follow_symlinks)

    def iterdir(self: Path) -> Iterator[Path]:
        refuse(self, itself=True)
        return real_iterdir(self)

    def read_bytes(self: Path) -> bytes:
        refuse(self, itself=True)
        return real_read(self)

    def access(path: str | os.PathLike[str], mode: int, **kwargs: bool) -> bool:
        try:
            refuse(path, itself=True)
        except PermissionError:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    monkeypatch.setattr(Path, "iterdir", iterdir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(os, "access", access)


def test_folders_and_files_we_may_not_read_cost_only_themselves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder we may not list, and a file in a folder we may not enter (given by name, or
    through a link in a folder), stopped the run with a PermissionError traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Text", encoding="utf-8")
    (folder / "private").mkdir()
    (folder / "private" / "a.txt").write_text("Text", encoding="utf-8")
    (folder / "link.txt").symlink_to(folder / "private" / "a.txt")
    (tmp_path / "locked").mkdir()
    _deny(monkeypatch, folder / "private", tmp_path / "locked")
    found, problems = find_articles(
        [folder, tmp_path / "locked", folder / "private" / "a.txt", tmp_path / "gone.txt"]
    )
    assert found == [folder / "good.txt"]
    assert [(problem.path.name, problem.reason) for problem in problems] == [
        ("link.txt", "cannot read: Permission denied"),
        ("locked", "cannot read the folder: Permission denied"),
        ("a.txt", "cannot read: Permission denied"),
        ("gone.txt", "no such file or folder"),
    ]


def test_a_folder_we_may_list_but_not_enter_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder of mode r-- (``chmod -R 644`` leaves one so) lists its names, but nothing in it
    can be looked at, not even as a link (lstat): Python 3.11's is_symlink() raised and the run
    stopped with a PermissionError traceback, the other inputs unread."""
    shut = tmp_path / "shut"
    shut.mkdir()
    (shut / "a.txt").write_text("Text", encoding="utf-8")
    (shut / "sub").mkdir()
    (tmp_path / "good.txt").write_text("Text", encoding="utf-8")
    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if shut.absolute() in self.absolute().parents:  # lstat too: the folder has no x bit
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    found, problems = find_articles([shut, tmp_path / "good.txt"])
    assert found == [tmp_path / "good.txt"]
    assert [(problem.path.name, problem.reason) for problem in problems] == [
        ("a.txt", "cannot read: Permission denied"),  # and not "shut: holds no articles"
    ]


def test_a_path_whose_name_is_too_long_costs_only_itself(tmp_path: Path) -> None:
    """A name longer than the file system allows (255 bytes) is no article: is_dir() raised
    "File name too long" and the run stopped with a traceback, the other inputs unread."""
    (tmp_path / "good.txt").write_text("Text", encoding="utf-8")
    long = tmp_path / f"{'a' * 300}.txt"
    found, problems = find_articles([long, tmp_path / "good.txt", tmp_path / "gone.txt"])
    assert found == [tmp_path / "good.txt"]
    assert [(problem.path, problem.reason) for problem in problems] == [
        (long, "cannot read: File name too long"),
        (tmp_path / "gone.txt", "no such file or folder"),
    ]


def test_an_unreadable_path_on_the_command_line_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Click refused the whole command (exit 2, "is not readable") for one unreadable path among
    many (``summarize run *.txt``), where the same file in a folder cost only its own brief."""
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "private.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "locked").mkdir()
    _deny(monkeypatch, tmp_path / "private.txt", tmp_path / "locked")
    paths = [tmp_path / "private.txt", tmp_path / "locked" / "a.txt", tmp_path / "good.txt"]
    result = CliRunner().invoke(app, ["inspect", "--json", *map(str, paths)])
    assert result.exit_code == 1, result.output
    assert "private.txt: cannot read: Permission denied" in result.stderr
    assert "a.txt: cannot read: Permission denied" in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [
        str(tmp_path / "good.txt")
    ]


def test_an_output_folder_that_cannot_take_the_lock_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only file system (root ignores permission bits, so the error is simulated)."""
    from filelock import FileLock

    def read_only(self: FileLock, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self.lock_file))

    monkeypatch.setattr(FileLock, "acquire", read_only)
    with (
        pytest.raises(UsageError, match=r"cannot write to the output folder .*: Read-only"),
        outputs.output_lock(tmp_path / "out"),
    ):
        pass


def test_a_lock_file_another_users_run_left_is_named_when_it_refuses_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A team's output folder that both users may write to, holding the lock file of the other
    user's run (0644 by that user's umask): the run said "cannot write to the output folder …
    Permission denied", sending the user to the folder's permissions, which allow the write.
    Simulated (root may write any file); a folder with no lock file yet, which refuses one, is
    said of the folder as before. This user's own lock file, made read-only, was said to be
    another user's, whom to ask for "chmod g+w or a+w"."""
    from filelock import FileLock

    def not_for_this_user(self: FileLock, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self.lock_file))

    monkeypatch.setattr(FileLock, "acquire", not_for_this_user)
    folder = tmp_path / "team"
    folder.mkdir()
    with (
        pytest.raises(UsageError, match=r"cannot write to the output folder .*: Permission"),
        outputs.output_lock(folder),
    ):
        pass
    (folder / outputs.LOCK_FILENAME).touch()
    with pytest.raises(UsageError) as refused, outputs.output_lock(folder):
        pass
    said = str(refused.value)
    assert f"cannot open the lock file {folder / outputs.LOCK_FILENAME}: Permission" in said
    assert "this user's own" in said and "chmod u+w" in said and "another user" not in said
    # the same file of another user
    monkeypatch.setattr(os, "geteuid", lambda: (folder / outputs.LOCK_FILENAME).stat().st_uid + 1)
    with pytest.raises(UsageError) as refused, outputs.output_lock(folder):
        pass
    said = str(refused.value)
    assert f"cannot open the lock file {folder / outputs.LOCK_FILENAME}: Permission" in said
    assert "another user" in said and "chmod" in said and "another --output folder" in said


def test_a_brief_that_cannot_be_written_stops_the_run_in_one_line(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full after the first brief: the run stops with exit 1 and one line, the first brief
    stays complete and is in the index, no temp file is left."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    real_write = outputs.write_atomic
    written: list[Path] = []

    def fills_up(path: Path, content: str) -> None:
        if path.suffix == ".md" and path.name != "index.md" and written:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, content)
        if path.suffix == ".md" and path.name != "index.md":
            written.append(path)

    monkeypatch.setattr(outputs, "write_atomic", fills_up)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(folder), "-c", str(config), "-o", str(output), "-q"]
    )
    assert result.exit_code == OutputError.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "cannot write the brief" in result.output
    assert "No space left on device" in result.output
    assert [p.name for p in written] == ["a.md"]
    index = (output / "index.md").read_text(encoding="utf-8")
    assert "(<a.md>)" in index
    assert "stopped after: 1 written" in index  # the brief of the group under way counts
    assert not list(output.glob(".*.tmp"))


def test_an_index_that_cannot_be_written_at_the_end_is_one_line(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Disk full after the last brief: every brief is complete; the run ends with exit 1 and the
    one line of OutputError about the index, not an OSError traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    config = write_config(
        tmp_path / "c.toml", self_contained_models.marian, self_contained_models.bart
    )
    real_write = outputs.write_atomic

    def full_at_the_index(path: Path, content: str) -> None:
        if path.name == outputs.INDEX_FILENAME:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, content)

    monkeypatch.setattr(outputs, "write_atomic", full_at_the_index)
    output = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["run", str(folder), "-c", str(config), "-o", str(output), "-q", "--no-cache"]
    )
    assert result.exit_code == OutputError.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert f"cannot write the index {output / 'index.md'}: No space left" in result.output
    assert sorted(p.name for p in output.glob("*.md")) == ["a.md", "b.md"]
    assert not list(output.glob(".*.tmp"))


def test_a_cache_that_stops_taking_writes_is_warned_about_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = TranslationCache(tmp_path / "cache")
    cache.put_many("f", {"eins": Generated("one")})

    class FullDisk:
        """Stands in for the connection once the disk is full."""

        in_transaction = False

        def __init__(self, real: sqlite3.Connection) -> None:
            self.real = real

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if sql == "COMMIT":
                self.in_transaction = True
                raise sqlite3.OperationalError("database or disk is full")
            return self.real.execute(sql, *args)

        def executemany(self, sql: str, rows: object) -> sqlite3.Cursor:
            return self.real.executemany(sql, rows)  # type: ignore[arg-type]

    real = cache._db
    cache._db = FullDisk(real)  # type: ignore[assignment]
    cache.put_many("f", {"zwei": Generated("two")})
    cache.put_many("f", {"drei": Generated("three")})
    cache._db = real
    warnings = [r for r in caplog.records if "takes no more writes" in r.getMessage()]
    assert len(warnings) == 1
    assert cache.get_many("f", ["eins", "zwei", "drei"]) == {"eins": Generated("one")}


def test_a_cache_opened_on_a_full_disk_says_so_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a full disk SQLite could not grow the write-ahead log's -shm file and said only
    "disk I/O error" (a failing disk?), and the half-made cache stayed in the output folder."""
    import shutil

    real_connect = sqlite3.connect

    class ShmCannotGrow:
        """The connection on a full disk: switching to write-ahead logging fails."""

        def __init__(self, real: sqlite3.Connection) -> None:
            self.real = real

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if sql.startswith("PRAGMA journal_mode"):
                error = sqlite3.OperationalError("disk I/O error")
                error.sqlite_errorcode = sqlite3.SQLITE_IOERR_SHMSIZE  # type: ignore[attr-defined]
                raise error
            return self.real.execute(sql, *args)

        def close(self) -> None:
            self.real.close()

    def connect(*args: object, **kwargs: object) -> ShmCannotGrow:
        return ShmCannotGrow(real_connect(*args, **kwargs))  # type: ignore[arg-type]

    class NoRoom:
        free = 4096

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: NoRoom())
    folder = tmp_path / "out" / ".summarize-cache"
    with pytest.raises(UsageError) as raised:
        TranslationCache(folder)
    message = str(raised.value)
    assert "no space left on its disk (SQLite: disk I/O error)" in message
    assert "(free space there, set runtime.cache_dir elsewhere" in message
    assert not folder.exists()  # the file the cache made, and its folder, are gone


def _damaged_past_its_header(folder: Path) -> None:
    """A cache file in ``folder`` whose header and schema read but whose pages do not."""
    cache = TranslationCache(folder)
    cache.put_many("f", {f"Satz {n}": Generated("x" * 300) for n in range(200)})
    cache.close()
    db = sqlite3.connect(cache.path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    data = bytearray(cache.path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size:] = b"A" * (len(data) - page_size)  # every page after the schema's
    cache.path.write_bytes(bytes(data))


def test_a_damaged_cache_sets_aside_only_its_own_file(tmp_path: Path) -> None:
    """Two runs sharing runtime.cache_dir: the one that found the damage must not set aside,
    when it ends, the new cache another run has started at the name since."""
    folder = tmp_path / "cache"
    _damaged_past_its_header(folder)
    first = TranslationCache(folder)
    assert first.get_many("f", ["Satz 1"]) == {}  # finds the damage
    (folder / "translations.sqlite").rename(folder / "elsewhere.sqlite")  # set aside by another
    second = TranslationCache(folder)
    second.put_many("f", {"Satz 3": Generated("three")})
    first.close()
    assert not list(folder.glob("translations.sqlite.damaged-*"))
    assert second.get_many("f", ["Satz 3"]) == {"Satz 3": Generated("three")}
    second.close()


def test_a_cache_damaged_past_its_header_is_warned_about_and_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A cache file whose header and schema read but whose pages do not ("database disk image
    is malformed"): the run translates without it instead of stopping with a traceback."""
    folder = tmp_path / "cache"
    _damaged_past_its_header(folder)
    damaged = TranslationCache(folder)  # header and schema still read
    assert damaged.get_many("f", ["Satz 1", "Satz 2"]) == {}
    damaged.put_many("f", {"Satz 3": Generated("three")})
    assert damaged.get_many("f", ["Satz 3"]) == {}
    warnings = [r for r in caplog.records if "cannot be read" in r.getMessage()]
    assert len(warnings) == 1
    assert "malformed" in warnings[0].getMessage()
    # Set aside when closed: the next run starts a new cache (each run paid for it before).
    damaged.close()
    assert len(list(folder.glob("translations.sqlite.damaged-*"))) == 1
    again = TranslationCache(folder)
    again.put_many("f", {"Satz 3": Generated("three")})
    assert again.get_many("f", ["Satz 3"]) == {"Satz 3": Generated("three")}
    again.close()


def _damaged_free_list(folder: Path) -> None:
    """A cache file in ``folder`` whose rows all read but whose free list (the pages a write
    takes first; a cache emptied of old rows has one) is damaged."""
    cache = TranslationCache(folder)
    cache.put_many("f", {f"Satz {n}": Generated("x" * 3000) for n in range(200)})
    cache._db.execute("DELETE FROM translations WHERE rowid % 2 = 0")
    cache.close()  # the write-ahead log folded back: one file
    data = bytearray(cache.path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    trunk = int.from_bytes(data[32:36], "big")  # the free list's first page
    assert trunk
    data[(trunk - 1) * page_size : (trunk - 1) * page_size + 8] = b"\xff" * 8
    cache.path.write_bytes(bytes(data))


def test_a_cache_a_write_finds_damaged_is_set_aside(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Damage only a write reaches ("database disk image is malformed" on an insert): the
    cache was said to take no more writes, and left in place, so every later run said so
    again and cached nothing. It is set aside when closed, as a file a read finds damaged."""
    folder = tmp_path / "cache"
    _damaged_free_list(folder)
    damaged = TranslationCache(folder)
    assert len(damaged.get_many("f", [f"Satz {n}" for n in range(200)])) == 100  # rows read
    damaged.put_many("f", {f"neu {n}": Generated("y" * 3000) for n in range(50)})
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "cannot be written" in warnings[0] and "malformed" in warnings[0]
    assert "set aside when the run ends" in warnings[0]
    damaged.close()
    assert len(list(folder.glob("translations.sqlite.damaged-*"))) == 1
    again = TranslationCache(folder)  # the next run: a new cache that takes writes
    again.put_many("f", {"neu 1": Generated("one")})
    assert again.get_many("f", ["neu 1"]) == {"neu 1": Generated("one")}
    again.close()


def _cut_short(path: Path) -> None:
    """The cache file as a copy cut short leaves it: its first two pages."""
    data = path.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: 2 * page_size])


def _garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 20)


@pytest.mark.parametrize(
    ("damage", "said"), [(_cut_short, "malformed"), (_garbage, "file is not a database")]
)
def test_a_cache_file_damaged_before_its_schema_is_set_aside_and_a_new_one_started(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage, said: str
) -> None:
    """Damage that shows when the cache is opened (a copy cut short, a file written over)
    stopped the whole run (exit 2) once; then every run translated without the cache until
    someone deleted the file. It is set aside now, kept for a look, and a new cache starts."""
    folder = tmp_path / "cache"
    cache = TranslationCache(folder)
    cache.put_many("f", {f"Satz {n}": Generated("x" * 300) for n in range(200)})
    cache.close()  # the write-ahead log folded back: one file
    damage(cache.path)
    damaged_bytes = cache.path.read_bytes()

    fresh = TranslationCache(folder)
    assert fresh.get_many("f", ["Satz 1"]) == {}
    fresh.put_many("f", {"Satz 3": Generated("three")})
    assert fresh.get_many("f", ["Satz 3"]) == {"Satz 3": Generated("three")}
    fresh.close()
    (aside,) = folder.glob("translations.sqlite.damaged-*")
    assert aside.read_bytes() == damaged_bytes
    warnings = [r for r in caplog.records if "cannot be read" in r.getMessage()]
    assert len(warnings) == 1
    assert said in warnings[0].getMessage() and aside.name in warnings[0].getMessage()


def test_a_cache_written_before_scores_were_kept_serves_none_without_its_score(
    tmp_path: Path,
) -> None:
    """Such a cache's rows hold no score: served, a CTranslate2 brief made from them lacked the
    low-confidence warnings of the same English made by the model. They are translated again."""
    folder = tmp_path / "cache"
    folder.mkdir()
    db = sqlite3.connect(folder / "translations.sqlite")
    db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, text TEXT NOT NULL)")
    db.execute(
        "INSERT INTO translations VALUES (?, ?)", (TranslationCache._key("f", "eins"), "one")
    )
    db.commit()
    db.close()

    cache = TranslationCache(folder)
    assert cache.get_many("f", ["eins"]) == {}
    cache.put_many("f", {"eins": Generated("one", -3.0)})
    cache.close()
    again = TranslationCache(folder)  # opened again: nothing more is dropped
    assert again.get_many("f", ["eins"]) == {"eins": Generated("one", -3.0)}
    again.close()


def test_a_cache_written_before_token_counts_were_kept_keeps_its_rows(tmp_path: Path) -> None:
    """Token counts came later than scores: a cache without them gains the column and serves
    its rows (a count it lacks is taken from the English, as before), and keeps new counts."""
    folder = tmp_path / "cache"
    folder.mkdir()
    db = sqlite3.connect(folder / "translations.sqlite")
    db.execute("CREATE TABLE translations (key TEXT PRIMARY KEY, text TEXT NOT NULL, logprob REAL)")
    db.execute(
        "INSERT INTO translations VALUES (?, ?, ?)",
        (TranslationCache._key("f", "eins"), "one", -1.0),
    )
    db.commit()
    db.close()

    cache = TranslationCache(folder)
    assert cache.get_many("f", ["eins"]) == {"eins": Generated("one", -1.0)}
    cache.put_many("f", {"zwei": Generated("two", -2.0, tokens=3)})
    cache.close()
    again = TranslationCache(folder)
    assert again.get_many("f", ["eins", "zwei"]) == {
        "eins": Generated("one", -1.0),
        "zwei": Generated("two", -2.0, tokens=3),
    }
    again.close()


def test_a_model_folder_without_its_tokenizer_files_is_one_line(
    self_contained_models, tmp_path: Path
) -> None:
    from summarize.config import load_config
    from summarize.models import resolve_spec

    incomplete = tmp_path / "marian-copy"
    incomplete.mkdir()
    source = Path(self_contained_models.marian)
    for name in ("config.json", "generation_config.json", "model.safetensors"):
        (incomplete / name).write_bytes((source / name).read_bytes())
    config = load_config(overrides=[f'translation.model="{incomplete}"'])
    with pytest.raises(ModelLoadError, match="are all the tokenizer files"):
        resolve_spec("translation", config.translation, tmp_path)
    not_a_model = tmp_path / "articles"
    not_a_model.mkdir()
    config = load_config(overrides=[f'translation.model="{not_a_model}"'])
    with pytest.raises(ModelLoadError, match=r"it has no config\.json") as caught:
        resolve_spec("translation", config.translation, tmp_path)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("task", "file_name"), [("translation", "source.spm"), ("summarization", "vocab.json")]
)
def test_a_model_folder_missing_one_tokenizer_file_names_it(
    self_contained_models, tmp_path: Path, task: str, file_name: str
) -> None:
    """A copy that lacks one tokenizer file: BART's said only "`vocab` and `merges` must be both
    be from memory or both filenames", Marian's asked whether all the files were there."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    source = self_contained_models.marian if task == "translation" else self_contained_models.bart
    incomplete = tmp_path / "copy"
    shutil.copytree(source, incomplete)
    (incomplete / file_name).unlink()
    config = load_config(overrides=[f"{task}.model={json.dumps(str(incomplete))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec(task, getattr(config, task), tmp_path)
    assert f"it lacks its tokenizer's {file_name} (a copy stopped part-way?)" in str(caught.value)


@pytest.mark.parametrize(
    ("task", "file_name"),
    [
        ("summarization", "vocab.json"),  # a traceback: the tokenizers library's bare Exception
        ("summarization", "merges.txt"),  # the same
        ("translation", "vocab.json"),
        ("summarization", "tokenizer_config.json"),
        ("summarization", "config.json"),
    ],
)
def test_a_model_folder_with_a_tokenizer_or_config_file_cut_short_names_it(
    self_contained_models, tmp_path: Path, task: str, file_name: str
) -> None:
    """A copy stopped part-way through a file: BART's vocab.json or merges.txt ended the run
    and `models list` in a traceback ("Exception: Error while initializing BPE"), a JSON file
    was the parser's words alone ("Expecting ':' delimiter: line 27 column 20 (char 500)"),
    naming no file."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    source = self_contained_models.marian if task == "translation" else self_contained_models.bart
    damaged = tmp_path / "copy"
    shutil.copytree(source, damaged)
    if file_name == "merges.txt":
        (damaged / file_name).write_text("#version: 0.2\nĠ\n", encoding="utf-8")
    else:
        os.truncate(damaged / file_name, (damaged / file_name).stat().st_size // 2)
    config = load_config(overrides=[f"{task}.model={json.dumps(str(damaged))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec(task, getattr(config, task), tmp_path)
    said = str(caught.value)
    assert said.startswith(f"The {task} model folder {damaged} has no usable tokenizer"), said
    if file_name == "merges.txt":
        assert "its tokenizer files could not be read (" in said, said
    else:
        assert f"its {file_name} is damaged (not JSON: " in said, said
    assert said.endswith("copy or pull the model again") and "\n" not in said, said


def test_a_sentencepiece_file_cut_short_is_refused_not_read_as_fewer_pieces(
    self_contained_models, tmp_path: Path
) -> None:
    """Marian's source.spm cut short by a copy stopped part-way: sentencepiece read it as the
    pieces before the cut, every text was split into other pieces (mostly single letters),
    `models list` said available and the run wrote its briefs, exit 0. Cut inside a piece or
    right after one, it is refused; the whole file is read as before."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    whole = (Path(self_contained_models.marian) / "source.spm").read_bytes()
    copy = tmp_path / "copy"
    shutil.copytree(self_contained_models.marian, copy)
    config = load_config(overrides=[f"translation.model={json.dumps(str(copy))}"])
    # at a piece's end: its length is the byte after the first tag (0x0a, field 1)
    assert whole[0] == 0x0A and whole[1] < 0x80
    for cut in (len(whole) // 2, 2 + whole[1]):
        (copy / "source.spm").write_bytes(whole[:cut])
        with pytest.raises(ModelLoadError) as caught:
            resolve_spec("translation", config.translation, tmp_path)
        said = str(caught.value)
        assert f"folder {copy} has no usable tokenizer or config: its source.spm is cut short" in (
            said
        ), said
    (copy / "source.spm").write_bytes(whole)
    assert resolve_spec("translation", config.translation, tmp_path).family == "marian"


def test_a_sentencepiece_file_is_judged_whatever_protobuf_is_installed(
    self_contained_models, tmp_path: Path, monkeypatch
) -> None:
    """pyproject takes protobuf 4 and later, and sentencepiece's own generated message module
    refuses a protobuf runtime older than the one it was generated with (VersionError on
    import): judged with it, every opus-mt model, whole or not, ended the run in that
    traceback. Here a runtime older than any generated code."""
    import shutil
    import sys

    import google.protobuf.runtime_version as runtime
    import sentencepiece

    from summarize.config import load_config
    from summarize.models import resolve_spec

    monkeypatch.setattr(runtime, "MAJOR", 4)
    monkeypatch.setattr(runtime, "MINOR", 21)
    monkeypatch.setattr(runtime, "PATCH", 0)
    monkeypatch.delitem(sys.modules, "sentencepiece.sentencepiece_model_pb2", raising=False)
    monkeypatch.delattr(sentencepiece, "sentencepiece_model_pb2", raising=False)
    copy = tmp_path / "copy"
    shutil.copytree(self_contained_models.marian, copy)
    config = load_config(overrides=[f"translation.model={json.dumps(str(copy))}"])
    assert resolve_spec("translation", config.translation, tmp_path).family == "marian"
    whole = (copy / "source.spm").read_bytes()
    (copy / "source.spm").write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ModelLoadError, match=r"its source\.spm is cut short"):
        resolve_spec("translation", config.translation, tmp_path)


@pytest.mark.parametrize(
    "removed",
    [("vocab.json", "merges.txt"), ("vocab.json", "merges.txt", "tokenizer_config.json")],
    ids=["vocabulary", "vocabulary-and-settings"],
)
def test_a_model_folder_without_any_vocabulary_file_is_refused_not_read_as_unknown_tokens(
    self_contained_models, tmp_path: Path, removed: tuple[str, ...]
) -> None:
    """With every vocabulary file gone (and tokenizer_config.json too: the model type names the
    class), transformers built a tokenizer of the special tokens alone: every text was unknown
    tokens, `models list` said available and the run wrote briefs, exit 0."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    incomplete = tmp_path / "copy"
    shutil.copytree(self_contained_models.bart, incomplete)
    for name in removed:
        (incomplete / name).unlink()
    config = load_config(overrides=[f"summarization.model={json.dumps(str(incomplete))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("summarization", config.summarization, tmp_path)
    assert "it lacks its tokenizer's vocab.json, merges.txt (a copy stopped" in str(caught.value)


def test_a_model_folder_with_another_models_tokenizer_is_refused_before_any_article(
    self_contained_models, tmp_path: Path
) -> None:
    """The tokenizer files of a model with a larger vocabulary copied into a folder: every
    article failed, even alone, with "IndexError: index out of range in self" (exit 1), and
    `models list` said available."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    mixed = tmp_path / "bart-with-marian-tokenizer"
    shutil.copytree(self_contained_models.bart, mixed)
    (mixed / "merges.txt").unlink()
    marian = Path(self_contained_models.marian)
    for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
        shutil.copy(marian / name, mixed / name)
    pieces = len(json.loads((marian / "vocab.json").read_text(encoding="utf-8")))
    embeddings = json.loads((mixed / "config.json").read_text(encoding="utf-8"))["vocab_size"]
    assert pieces > embeddings + 2  # more than the special tokens past the embeddings
    config = load_config(overrides=[f"summarization.model={json.dumps(str(mixed))}"])
    with pytest.raises(ModelLoadError, match="the tokenizer files are another model's") as caught:
        resolve_spec("summarization", config.summarization, tmp_path)
    assert f"the model reads {embeddings} (config.json vocab_size)" in str(caught.value)
    # The folder's own tokenizer (DistilBART's <mask> past its embeddings, as in the real one).
    config = load_config(
        overrides=[f"summarization.model={json.dumps(str(self_contained_models.bart))}"]
    )
    assert resolve_spec("summarization", config.summarization, tmp_path).family == "bart"


def test_a_damaged_generation_config_is_refused_not_dropped_unsaid(
    self_contained_models, tmp_path: Path
) -> None:
    """A generation_config.json cut short (or unreadable) was taken for a missing one: the run
    went on with greedy search instead of the model's 4 beams, and without its bad_words_ids."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    folder = tmp_path / "marian-copy"
    shutil.copytree(self_contained_models.marian, folder)
    own_file = folder / "generation_config.json"
    own_file.write_bytes(own_file.read_bytes()[:60])
    config = load_config(overrides=[f"translation.model={json.dumps(str(folder))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("translation", config.translation, tmp_path)
    message = str(caught.value)
    assert f"{own_file} cannot be read" in message
    assert "copy the model again, or delete the file" in message
    own_file.unlink()  # no file at all: the config's settings, as transformers does
    assert resolve_spec("translation", config.translation, tmp_path).generation_config


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[]", "'list' object is not a mapping"),
        ('"4 beams"', "'str' object is not a mapping"),
        ('{"early_stopping": "x"}', "`early_stopping` must be a boolean or 'never'"),
    ],
)
def test_a_generation_config_holding_no_settings_table_is_a_model_error(
    self_contained_models, tmp_path: Path, content: str, reason: str
) -> None:
    """JSON, but no table of generate() settings, or a value GenerationConfig refuses: its
    TypeError or ValueError ended the run (and `models list`) with a traceback."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    folder = tmp_path / "marian-copy"
    shutil.copytree(self_contained_models.marian, folder)
    own_file = folder / "generation_config.json"
    own_file.write_text(content, encoding="utf-8")
    config = load_config(overrides=[f"translation.model={json.dumps(str(folder))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("translation", config.translation, tmp_path)
    message = str(caught.value)
    assert f"{own_file} is refused" in message and reason in message
    assert caught.value.exit_code == 2 and "\n" not in message


@pytest.mark.parametrize("file_name", ["generation_config.json", "config.json"])
def test_generation_settings_transformers_refuses_are_one_line_naming_the_file(
    self_contained_models, tmp_path: Path, file_name: str
) -> None:
    """A model's own generation settings that transformers' validation refuses (a value edited
    by hand, in generation_config.json or, for a checkpoint without one, in config.json) ended
    `run` and `models list` with a ValueError's traceback."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    folder = tmp_path / "marian-copy"
    shutil.copytree(self_contained_models.marian, folder)
    if file_name == "config.json":
        (folder / "generation_config.json").unlink()
    own_file = folder / file_name
    settings = json.loads(own_file.read_text(encoding="utf-8"))
    own_file.write_text(json.dumps({**settings, "early_stopping": "sometimes"}), encoding="utf-8")
    config = load_config(overrides=[f"translation.model={json.dumps(str(folder))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("translation", config.translation, tmp_path)
    message = str(caught.value)
    assert f"{own_file} is refused" in message
    assert "`early_stopping` must be a boolean or 'never', but is sometimes" in message


def test_task_specific_settings_transformers_refuses_are_one_line(
    self_contained_models, tmp_path: Path
) -> None:
    """config.json's task_specific_params["summarization"] (DistilBART's own lengths and beams)
    with a value transformers' validation refuses ended the run with a ValueError's traceback."""
    import shutil

    from summarize.config import load_config
    from summarize.models import resolve_spec

    folder = tmp_path / "bart-copy"
    shutil.copytree(self_contained_models.bart, folder)
    config_file = folder / "config.json"
    settings = json.loads(config_file.read_text(encoding="utf-8"))
    settings["task_specific_params"] = {"summarization": {"max_new_tokens": 0}}
    config_file.write_text(json.dumps(settings), encoding="utf-8")
    config = load_config(overrides=[f"summarization.model={json.dumps(str(folder))}"])
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("summarization", config.summarization, tmp_path)
    message = str(caught.value)
    assert "task_specific_params['summarization'] holds a generation setting" in message
    assert "`max_new_tokens` must be greater than 0" in message


def test_a_model_file_this_user_may_not_read_is_one_line(
    self_contained_models, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Weights this user may not read (mode 0600, another owner) ended the run with the
    PermissionError of their digest; an unreadable vocab.json with the tokenizers library's bare
    Exception. (Simulated: the tests may run as root, who reads any file.)"""
    from summarize.config import load_config
    from summarize.models import resolve_spec

    weights = Path(self_contained_models.marian) / "model.safetensors"
    real_open = Path.open

    def open_as_another_user(path: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if path == weights:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_as_another_user)
    config = load_config(
        overrides=[f"translation.model={json.dumps(str(self_contained_models.marian))}"]
    )
    with pytest.raises(ModelLoadError) as caught:
        resolve_spec("translation", config.translation, tmp_path)
    assert f"{weights} cannot be read (Permission denied); give this user read access" in str(
        caught.value
    )


def test_a_run_that_takes_the_lock_as_another_ends_keeps_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that created the output folder removes it when it holds only the lock; a second run
    that takes the lock the moment the first lets it go (before the first looked in the folder)
    keeps its folder and lock file, or stops: it never holds the lock of a file that is gone."""
    import filelock

    folder = tmp_path / "out"
    lock_path = folder / outputs.LOCK_FILENAME
    second = filelock.FileLock(lock_path, timeout=0)

    class FirstRunsLock(filelock.FileLock):
        def release(self, force: bool = False) -> None:
            super().release(force=force)
            outputs.make_folder(folder, "the output folder")  # the second run starts
            with suppress(OSError):  # the folder went first: it stops with a clear message
                second.acquire()

    monkeypatch.setattr(filelock, "FileLock", FirstRunsLock)
    with outputs.output_lock(folder):
        pass
    try:
        assert not second.is_locked or lock_path.exists()
    finally:
        second.release()


def test_a_failed_run_removes_the_folders_it_made_and_nothing_else(tmp_path: Path) -> None:
    """The output folder and the parents the run made for it go when it wrote nothing; a
    folder that existed, or holds anything, stays."""
    with outputs.output_lock(tmp_path / "a" / "b" / "out"):
        pass
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "a").mkdir()
    with outputs.output_lock(tmp_path / "a" / "b" / "out"):
        (tmp_path / "a" / "note.txt").write_text("x", encoding="utf-8")
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["a", "note.txt"]
    with outputs.output_lock(tmp_path / "a" / "out"):
        (tmp_path / "a" / "out" / "index.md").write_text("x", encoding="utf-8")
    assert (tmp_path / "a" / "out" / "index.md").exists()
    # a folder the user made stays, without the lock the run left in it
    (tmp_path / "briefs").mkdir()
    with outputs.output_lock(tmp_path / "briefs"):
        pass
    assert (tmp_path / "briefs").is_dir() and list((tmp_path / "briefs").iterdir()) == []


def test_a_failed_run_keeps_an_empty_folder_it_reached_through_a_new_one(tmp_path: Path) -> None:
    """The path "new/../kept" does not exist while "new" does not: told by that, the user's
    empty "kept" was taken for the run's own and removed, and the "new" it made was left."""
    (tmp_path / "kept").mkdir()
    with outputs.output_lock(tmp_path / "new" / ".." / "kept"):
        pass
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["kept"]


def test_names_that_differ_in_normalisation_are_shown_apart(tmp_path: Path) -> None:
    """Two inputs "bär.txt", one typed as "ä" (NFC) and one as "a" and a combining diaeresis
    (NFD), have one brief name: the second is refused, and its message named the same file
    twice ("names/bär.txt: its brief bär.md would overwrite the brief of names/bär.txt")."""
    from summarize.outputs import plan_briefs

    folder = tmp_path / "names"
    folder.mkdir()
    composed, decomposed = folder / "b\u00e4r.txt", folder / "ba\u0308r.txt"
    for path in (composed, decomposed):
        path.write_text("Ein Artikel.\n", encoding="utf-8")
    if len(list(folder.iterdir())) < 2:
        pytest.skip("this file system stores one normal form of a name (both are one file)")
    plan = plan_briefs([composed, decomposed])
    [(_, message)] = plan.clashes
    assert "ba\\u0308r.txt" in message and "b\u00e4r.txt" in message, message
