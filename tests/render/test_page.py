"""Pages: plain lines when output is plain, Rich wrapping with hanging indents on a terminal."""

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from salescoach.render.output import Output
from salescoach.render.page import Page, write_plain, write_rich


def sample() -> Page:
    page = Page()
    page.line(("Follow-up for 2026-11-25", "bold"))
    page.line(("김민준 사장님", "bold"), (" · visit", ""), lead="f12  ")
    page.bullet("Say", "김민준 사장님, 지난번에 말씀하신 금리 비교표를 정리해 왔습니다. " * 3, "green", lead="     ")
    page.heading("At risk")
    page.bullet(None, "[bold]Kim[/bold] \x1b[31m", lead="  • ")
    return page


def test_plain_pages_are_lines_as_written_without_wrapping():
    out = io.StringIO()
    write_plain(sample(), out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Follow-up for 2026-11-25"
    assert lines[1] == "f12  김민준 사장님 · visit"
    assert lines[2].startswith("     Say: 김민준 사장님") and len(lines) == 6
    assert lines[3:5] == ["", "At risk"]
    assert lines[5] == "  • [bold]Kim[/bold] \\x1b[31m"


def test_a_note_on_several_lines_stays_under_its_label():
    page = Page()
    page.bullet("About", "first\nsecond", lead="    ")
    out = io.StringIO()
    write_plain(page, out)
    assert out.getvalue() == "    About: first\n    second\n"


def test_on_a_terminal_wrapped_rows_fit_the_width_and_are_indented_by_the_lead(monkeypatch):
    monkeypatch.setenv("TERM", "xterm")  # Rich lays out a dumb terminal at 80 columns whatever it is told
    console = Console(file=io.StringIO(), width=40, force_terminal=True, color_system=None)
    write_rich(sample(), console)
    lines = console.file.getvalue().splitlines()
    say = [index for index, line in enumerate(lines) if line.startswith("     Say:")][0]
    assert lines[say + 1].startswith("     ") and lines[say + 1].strip()
    assert all(cell_len(line) <= 40 for line in lines), [cell_len(line) for line in lines]
    assert "[bold]Kim[/bold] \\x1b[31m" in console.file.getvalue()


@given(st.text(max_size=300))
def test_any_text_prints_literally_in_both_modes(text):
    page = Page()
    page.bullet("Say", text, "green", lead="    ")
    plain = io.StringIO()
    write_plain(page, plain)
    console = Console(file=io.StringIO(), width=50, force_terminal=True, color_system=None)
    write_rich(page, console)
    assert "\x1b" not in plain.getvalue() and "\x1b" not in console.file.getvalue()
    shown = lambda value: "".join(value.split())  # noqa: E731 - whitespace differs: plain never wraps
    assert shown(plain.getvalue()) == shown(console.file.getvalue())


def test_output_is_plain_without_a_terminal_or_with_no_color(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert Output().plain
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert not Output().plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert Output().plain
