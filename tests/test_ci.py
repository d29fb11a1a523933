"""The CI's install of the programs some tests run (.ci/install-tools), with apt-get and the
programs replaced by stand-ins: what it asks apt for, and that it never fails the CI."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

INSTALL_TOOLS = Path(__file__).resolve().parent.parent / ".ci" / "install-tools"
BASH = "/bin/bash"


def stand_in(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!{BASH}\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def install(
    tmp_path: Path, present: dict[str, str], failing: tuple[str, ...] = (), update_fails=False
) -> tuple[subprocess.CompletedProcess[str], list[list[str]]]:
    """Runs install-tools with only ``present`` on its PATH (name: its script's body) and an
    apt-get that records each call, fails an install naming one of ``failing`` and, with
    ``update_fails``, its update (no root, apt locked, offline); returns the run and the calls."""
    folder = tmp_path / "bin"
    folder.mkdir()
    log = tmp_path / "apt-calls"
    log.touch()
    refused = " ".join(failing)
    stand_in(
        folder,
        "apt-get",
        f'echo "$*" >> {log}\n'
        f'if [ "$1" = update ]; then exit {100 if update_fails else 0}; fi\n'
        f'for package in "$@"; do for no in {refused}; do\n'
        f'  [ "$package" = "$no" ] && echo "E: Unable to locate package $no" >&2 && exit 100\n'
        "done; done; exit 0",
    )
    for name, body in present.items():
        stand_in(folder, name, body)
    done = subprocess.run(
        [BASH, str(INSTALL_TOOLS)],
        env={"PATH": str(folder)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    calls = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    return done, calls


def installed(calls: list[list[str]]) -> list[list[str]]:
    """Each install call's packages."""
    return [
        [a for a in call[1:] if not a.startswith("-")] for call in calls if call[0] == "install"
    ]


ALL_THERE = {"chromium": "exit 0", "pandoc": "exit 0", "ruby": "exit 0"}


def test_nothing_is_asked_of_apt_where_every_program_is_there(tmp_path: Path) -> None:
    done, calls = install(tmp_path, ALL_THERE)
    assert (done.returncode, calls) == (0, [])


def test_a_package_that_cannot_be_installed_keeps_out_none_of_the_others(tmp_path: Path) -> None:
    """All in one apt-get install, a package apt could not install (no such package on this
    system, no room for Chromium) left pandoc and kramdown out too, and their 65 tests skipped."""
    done, calls = install(tmp_path, {}, failing=("chromium",))
    assert done.returncode == 0
    packages = installed(calls)
    assert ["pandoc"] in packages
    assert ["ruby-kramdown", "ruby-kramdown-parser-gfm"] in packages
    assert "chromium" in done.stdout and "pandoc" not in done.stdout


def test_kramdown_is_installed_where_ruby_is_but_kramdown_is_not(tmp_path: Path) -> None:
    """The tests need kramdown and its GFM parser, not Ruby alone: a machine with Ruby and
    without them was left so, and kramdown's 32 tests skipped."""
    no_kramdown = {**ALL_THERE, "ruby": "exit 1"}  # require "kramdown" fails
    done, calls = install(tmp_path, no_kramdown)
    assert done.returncode == 0
    assert installed(calls) == [["ruby-kramdown", "ruby-kramdown-parser-gfm"]]


def test_chromium_browser_is_chromium(tmp_path: Path) -> None:
    """The screenshot tests run "chromium" or "chromium-browser" (Ubuntu's name)."""
    there = {**ALL_THERE, "chromium-browser": "exit 0"}
    del there["chromium"]
    done, calls = install(tmp_path, there)
    assert (done.returncode, calls) == (0, [])


@pytest.mark.parametrize("failing", [(), ("chromium", "pandoc", "ruby-kramdown")])
def test_apt_that_cannot_update_or_install_fails_no_ci(
    tmp_path: Path, failing: tuple[str, ...]
) -> None:
    """Without root, with apt locked or offline, nothing is installed, the run says which
    programs are missing (their tests skip, each saying why) and exits 0."""
    done, calls = install(tmp_path, {}, failing=failing, update_fails=not failing)
    assert done.returncode == 0
    for name in ("chromium", "pandoc", "kramdown"):
        assert name in done.stdout
    if not failing:
        assert installed(calls) == []
