"""User text reaches the terminal as text: markup, ANSI and OSC 8 escapes and BIDI controls are shown, never
obeyed, by every command that prints it; NO_COLOR (or a pipe) means no escape sequence at all."""

import contextlib
import io
import json
import os
import pty
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import installed_script
from salescoach.playbook.loader import shipped_folder
from salescoach.render.terminal import styled, visible

HOSTILE = "[red]Evil[/red] \x1b[31mRED\x1b]8;;http://x.example\x07link\x1b]8;;\x07 \u202eesrever\u2066 :smile: \x9b2J"
PLAYBOOK_TITLE = "evil [red]\x1b[31m\u202e"  # a user playbook's title (a file name must be a plain name)
OURS = re.compile(r"\x1b\[[0-9;]*m")  # the SGR styles salescoach itself writes on a terminal
COMMANDS = [
    ["customer", "list"],
    ["customer", "show", "1"],
    ["prep", "1"],
    ["history", "1"],
    ["followup"],
    ["playbook", "list"],
    ["profile"],
    ["stats"],
    ["customer", "show", HOSTILE + "?"],  # not found: the name is in the error line
]


@pytest.fixture
def hostile_book(cli, isolated):
    cli("customer", "add", HOSTILE, "--company", HOSTILE, "--city", HOSTILE, "--tag", HOSTILE)
    cli("customer", "note", "1", "family", HOSTILE)
    cli("followup", "add", "1", "--on", "today", "--note", HOSTILE)
    cli("profile", "set", "--name", HOSTILE, "--company", HOSTILE)
    (isolated / "playbooks").mkdir()
    bank = (shipped_folder() / "bank.yaml").read_text(encoding="utf-8")
    bank = bank.replace('title: "Relationship banking"', "title: " + json.dumps(PLAYBOOK_TITLE))
    (isolated / "playbooks" / "evil.yaml").write_text(bank, encoding="utf-8")
    (isolated / "playbooks" / "evil.[red].yaml").write_text(bank, encoding="utf-8")  # no playbook's name: not listed


class Screen(io.StringIO):
    """Stands in for a terminal: what salescoach asks of one is ``isatty``; the width comes from COLUMNS."""

    def isatty(self) -> bool:
        return True


def on_a_screen(cli, args: list[str], **env: str) -> str:
    """What ``salescoach ARGS`` writes (stdout and stderr) to a terminal, run in-process (fast)."""
    screen = Screen()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("NO_COLOR")
        for key, value in {"TERM": "xterm-256color", "COLUMNS": "400", **env}.items():
            patch.setenv(key, value)
        patch.setattr(sys, "stdout", screen)
        patch.setattr(sys, "stderr", screen)
        try:
            code = cli.app(args, standalone_mode=False)
        except SystemExit as done:
            code = done.code
    assert code in (0, 1, None), screen.getvalue()
    return screen.getvalue()


def on_a_terminal(args: list[str], **env: str) -> str:
    """What the installed ``salescoach ARGS`` writes (stdout and stderr) to a real pseudo-terminal."""
    controller, terminal = pty.openpty()
    base = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    process = subprocess.Popen(
        [installed_script(), *args],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env={**base, "TERM": "xterm-256color", "COLUMNS": "400", **env},
    )
    os.close(terminal)
    shown = b""
    with contextlib.suppress(OSError):  # the terminal closes with the process
        while chunk := os.read(controller, 65536):
            shown += chunk
    os.close(controller)
    assert process.wait(timeout=60) == 0, shown
    return shown.decode("utf-8")


def assert_inert(shown: str, names: bool = True) -> None:
    """Only salescoach's own styles are escape sequences; the user's text is there, made visible."""
    text = OURS.sub("", shown)
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text, repr(text)
    assert "\u202e" not in text and "\u2066" not in text, repr(text)
    if names:
        assert "[red]" in text and "\\x1b[31m" in text, repr(text)


def test_user_text_is_shown_not_obeyed_on_a_styled_terminal(cli, hostile_book):
    for args in COMMANDS:
        shown = on_a_screen(cli, args)
        assert OURS.search(shown) or args == ["profile"] or shown.startswith("Error"), f"{args}: no styles"
        assert_inert(shown, names=args[0] != "stats")  # stats shows counts, no names


def test_no_color_on_a_terminal_means_no_escape_sequence_at_all(cli, hostile_book):
    for args in COMMANDS:
        shown = on_a_screen(cli, args, NO_COLOR="1")
        assert "\x1b" not in shown and "\x9b" not in shown, (args, shown)


@pytest.mark.parametrize("args", [["customer", "show", "1"], ["followup"]], ids=["rich", "page"])
def test_the_same_on_a_real_terminal(hostile_book, args):
    styled_run = on_a_terminal(args)
    assert OURS.search(styled_run)
    assert_inert(styled_run)
    plain = on_a_terminal(args, NO_COLOR="1")
    assert "\x1b" not in plain and OURS.sub("", styled_run) == plain


def test_into_a_pipe_nothing_is_styled_and_the_text_is_literal(cli, hostile_book):
    for args in COMMANDS:
        result = cli.runner.invoke(cli.app, args, env={"NO_COLOR": None, "FORCE_COLOR": "1", "TERM": "xterm"})
        assert result.exit_code in (0, 1), result.output
        for out in (result.stdout, result.stderr):
            assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, (args, out)
        if args[0] != "stats":
            assert "[red]" in result.stdout + result.stderr, args


@given(st.text())
def test_visible_text_holds_nothing_a_terminal_obeys(text):
    shown = visible(text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]", shown)
    assert visible(shown) == shown  # idempotent: escaping twice shows the same thing


def test_styles_only_on_a_terminal_without_no_color(monkeypatch):
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm")
    assert styled(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not styled(Terminal())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not styled(Terminal())
    monkeypatch.setenv("TERM", "xterm")
    assert not styled(object()) and not styled(open(os.devnull))


def test_json_output_is_exact_and_holds_nothing_a_terminal_obeys(cli, hostile_book):
    for args, name in (
        (["customer", "show", "1"], lambda data: data["customer"]["name"]),
        (["customer", "list"], lambda data: data[0]["name"]),
        (["followup"], lambda data: data["items"][0]["customer"]),
    ):
        out = cli(*args, "--json").stdout
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), (args, out)
        assert name(json.loads(out)) == HOSTILE
