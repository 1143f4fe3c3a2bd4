"""Every command and option, fed hostile values: a clean exit, never a traceback, and the store unchanged on failure.

The commands come from Click's own objects (``typer.main.get_command``), so a command or option added later is
walked too without this file changing.
"""

from __future__ import annotations

import functools
import os
import shutil

import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from helpers import store_dump

EXAMPLES = "SALESCOACH_TREE_EXAMPLES"
"""How many command lines each command meets (8; set it higher to hunt for more)."""
SKIPPED = {("demo",), ("restore",), ("backup",)}
"""Commands that legitimately write a whole book or replace it (demo, restore) or write backups."""

HOSTILE = [
    "²",
    "٣",
    "9" * 20,
    "9" * 5000,
    "9223372036854775808",
    "-9223372036854775809",
    "-1",
    "0",
    "1e308",
    "-1e308",
    "inf",
    "nan",
    "",
    " ",
    "\x00",
    "a\x00b",
    "x\udcffy",
    "\ud800",
    "[red]x[/red]",
    "[/]",
    "9999-12-31",
    "0000-01-01",
    "2026-13-45",
    "99999999999999999999-01-01",
    "+9999w",
    "-30d",
    "가나다",
    "1",
    "lee",
    "today",
    "core",
    "visit",
    "@",
    "x@",
    "f1",
    "p99999999999999999999",
]


def _commands(command, path=()) -> list[tuple[tuple[str, ...], object]]:
    """Every command of the tree with the words that name it: the leaves, and the groups that do something
    themselves (``followup`` lists the day, ``profile`` shows it)."""
    found = []
    for name, sub in getattr(command, "commands", {}).items():
        if (*path, name) in SKIPPED:
            continue
        if getattr(sub, "commands", None):
            if any(param.name != "help" for param in sub.params):
                found.append(((*path, name), sub))
            found += _commands(sub, (*path, name))
        else:
            found.append(((*path, name), sub))
    return found


@functools.cache
def _tree():
    """The app, its Click command (built once: Typer takes 40 ms to build it) and its commands."""
    from salescoach.cli import app

    command = typer.main.get_command(app)
    return app, command, _commands(command)


COMMANDS = [" ".join(path) for path, _ in _tree()[2]]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A small book, made once: two customers, a debrief with a promise and a next touch, an important date; and
    files with hostile names and contents."""
    home = tmp_path_factory.mktemp("template")
    runner = CliRunner()
    app = _tree()[0]
    env = {"SALESCOACH_HOME": str(home / "home"), "SALESCOACH_TODAY": "2026-11-25"}
    for arguments in (
        ["customer", "add", "Lee Jiwoo", "--email", "lee@example.com", "--tier", "warm"],
        ["customer", "add", "Park Minho", "--company", "Mirae"],
        ["debrief", "Lee Jiwoo", "--no-input", "--channel", "visit", "--feedback", "ok", "--promise", "rates@+3d"],
        ["customer", "date", "lee", "birthday", "11-27"],
    ):
        assert runner.invoke(app, arguments, env=env).exit_code == 0, arguments
    folder = home / FILES
    folder.mkdir()
    (folder / "visit #1 %d 한글.yaml").write_text("customer: Lee Jiwoo\nchannel: visit\ndate: 9999-12-31\n")
    (folder / "dup keys.yaml").write_text("customer: Lee Jiwoo\nchannel: visit\nchannel: phone\n")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "deep.yaml").write_text("a: " + "[" * 100_000)
    return home


@pytest.fixture
def book(template, isolated, tmp_path):
    """The template book copied into this test's data location, and a copy of the hostile files (a command may
    write where it is told to: `followup --ics`, `export --out`)."""
    shutil.copytree(template / "home", isolated)
    return shutil.copytree(template / FILES, tmp_path / FILES)


FILES = "files #% 한글 dir"
NAMES = ["visit #1 %d 한글.yaml", "dup keys.yaml", "deep.json", "deep.yaml", "missing #% 한.yaml"]


@pytest.mark.parametrize("name", COMMANDS)
@settings(max_examples=int(os.environ.get(EXAMPLES, "8")), deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_command_meets_hostile_values_cleanly(name, isolated, book, data, monkeypatch):
    app, click_command, commands = _tree()
    monkeypatch.setattr("typer.testing._get_command", lambda _: click_command)
    monkeypatch.chdir(book)  # a relative path a command writes to (`export --out 1`) lands among the test's files
    path, command = next((path, command) for path, command in commands if " ".join(path) == name)
    files = [str(book / name) for name in NAMES] + [str(book)]
    value = st.sampled_from(HOSTILE + files) | st.text(max_size=12)
    a_file = st.sampled_from(files) | value
    arguments = list(path)
    for param in command.params:
        kind = a_file if param.type.name == "path" else value
        if param.param_type_name == "argument":
            for _ in range(param.nargs if param.nargs > 0 else 1):
                arguments.append(data.draw(kind, label=param.name))
        elif param.name != "help" and data.draw(st.booleans(), label=f"use {param.name}"):
            arguments.append(param.opts[0])
            if not param.is_flag:
                arguments.append(data.draw(kind, label=param.name))
    store = isolated / "salescoach.db"
    before = store_dump(store)
    result = CliRunner().invoke(app, arguments, input="")
    shown = f"salescoach {arguments!r} -> {result.exit_code}\n{result.output}"
    assert result.exit_code in (0, 1, 2, 130), shown
    assert result.exception is None or isinstance(result.exception, SystemExit), (shown, result.exception)
    assert "Traceback" not in result.output, shown
    if result.exit_code != 0:
        assert store_dump(store) == before, shown


def test_no_help_shows_the_stores_bounds_as_an_options_range(cli):
    """An option with no range of its own is bounded by what the store holds, not documented by it."""
    for name in COMMANDS:
        out = cli(*name.split(), "--help").stdout
        assert "9223372036854775807" not in out, name
