"""Pages: whole lines into a pipe; on a terminal, wrapped to its width (Korean counted as two cells) with
wrapped rows indented under their text, and styled unless NO_COLOR."""

import io
import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from salescoach.render.page import Page, cells, show, write
from salescoach.render.terminal import visible

SGR = re.compile(r"\x1b\[[0-9;]*m")
SAY = "김민준 사장님, 지난번에 말씀하신 금리 비교표를 정리해 왔습니다. " * 3


def sample() -> Page:
    page = Page()
    page.line(("Follow-up for 2026-11-25", "bold"))
    page.line(("김민준 사장님", "bold"), (" · visit", ""), lead="f12  ")
    page.bullet("Say", SAY, "green", lead="     ")
    page.heading("At risk")
    page.bullet(None, "[bold]Kim[/bold] \x1b[31m", lead="  • ")
    page.line(("salescoach customer add '" + "x" * 60 + "'", "bold"), lead="  ", wrap=False)
    return page


def text_of(page: Page, **options) -> str:
    out = io.StringIO()
    write(page, out, **options)
    return out.getvalue()


def test_into_a_pipe_lines_are_whole_and_unstyled():
    lines = text_of(sample()).splitlines()
    assert lines[0] == "Follow-up for 2026-11-25"
    assert lines[1] == "f12  김민준 사장님 · visit"
    assert lines[2] == "     Say: " + SAY.rstrip()
    assert lines[3:5] == ["", "At risk"]
    assert lines[5] == "  • [bold]Kim[/bold] \\x1b[31m"
    assert len(lines) == 7


def test_a_note_on_several_lines_stays_under_its_label():
    page = Page()
    page.bullet("About", "first\nsecond", lead="    ")
    assert text_of(page) == "    About: first\n    second\n"
    assert text_of(page, width=40) == "    About: first\n    second\n"


def test_on_a_terminal_rows_fit_the_width_and_wrapped_rows_are_indented():
    lines = text_of(sample(), width=40).splitlines()
    say = next(index for index, line in enumerate(lines) if line.startswith("     Say:"))
    assert all(line.startswith("     ") and line.strip() for line in lines[say + 1 : say + 4])
    wrapped = [line for line in lines if "salescoach customer add" not in line]
    assert all(cell_len(line) <= 40 for line in wrapped), [cell_len(line) for line in wrapped]
    assert max(cell_len(line) for line in wrapped) > 30  # rows are filled, not cut short
    assert all(line == line.rstrip() for line in wrapped)  # the space where a row breaks is dropped
    assert any(cell_len(line) > 40 for line in lines if "salescoach customer add" in line)  # a command stays whole


def test_styles_are_sgr_codes_around_the_text_only_when_asked():
    styled = text_of(sample(), width=40, styled=True)
    assert "\x1b[1mFollow-up for 2026-11-25\x1b[0m" in styled
    assert "\x1b[32m" in styled and "\x1b[1;4mAt risk\x1b[0m" in styled
    assert SGR.sub("", styled) == text_of(sample(), width=40)
    assert "\x1b" not in text_of(sample(), width=40)


def test_a_word_longer_than_the_row_is_folded():
    page = Page()
    page.bullet("Say", "가" * 50, lead="  ")
    lines = text_of(page, width=30).splitlines()
    assert all(cell_len(line) <= 30 for line in lines) and "".join(lines).count("가") == 50


def test_tabs_become_spaces_and_a_lead_as_wide_as_the_window_still_wraps():
    page = Page()
    page.bullet("Say", "\t".join("abcdefghijklm"), lead="")
    assert all(cell_len(line) <= 12 for line in text_of(page, width=12).splitlines())
    page = Page()
    page.line(("word " * 10, ""), lead="x" * 10)
    lines = text_of(page, width=10).splitlines()
    assert len(lines) > 1 and lines[0].startswith("x" * 10)


def test_blank_lines_of_a_note_carry_no_trailing_spaces():
    page = Page()
    page.bullet("About", "a\n\nb", lead="    ")
    assert text_of(page, width=40) == "    About: a\n\n    b\n"
    page = Page()
    page.line(("", ""), lead="  • ")
    assert text_of(page) == "  •\n"


def test_cells_counts_like_rich():
    for text in ("abc", "김민준", "e\u0301", "a가b나", "🙂", "a\u200bb", "\u2764\ufe0f"):
        assert cells(text) == cell_len(text), text


def test_decomposed_hangul_and_skin_tones_take_the_cells_they_show_in():
    import unicodedata

    assert cells(unicodedata.normalize("NFD", "김민준")) == 6  # macOS file names and pasted text come decomposed
    assert cells("👍🏽") == 2


@given(st.text(max_size=300), st.integers(min_value=1, max_value=120))
def test_any_text_prints_literally_at_any_width(text, width):
    page = Page()
    page.bullet("Say", text, "green", lead="    ")
    whole, wrapped = text_of(page), text_of(page, width=width, styled=True)
    assert "\x1b" not in whole and "\x1b" not in SGR.sub("", wrapped)
    assert "".join(whole.split()) == "".join(SGR.sub("", wrapped).split())


def test_show_wraps_and_styles_only_on_a_terminal(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.delenv("NO_COLOR", raising=False)
    show(sample())
    assert out.getvalue() == text_of(sample())
    monkeypatch.setattr(out, "isatty", lambda: True, raising=False)
    out.seek(0), out.truncate()
    show(sample())
    assert out.getvalue() == text_of(sample(), width=40, styled=True)
    monkeypatch.setenv("NO_COLOR", "1")
    out.seek(0), out.truncate()
    show(sample())
    assert out.getvalue() == text_of(sample(), width=40)


def test_columns_line_up_by_terminal_cells_and_keep_each_row_on_one_line():
    page = Page()
    page.columns(("Id", "Name", "Tier"), [(1, "김민준", "hot"), (12, "[b]Kim[/b]\nLee\t\x1b[31m", "warm")])
    header, first, second = text_of(page, width=20, styled=True).splitlines()
    assert SGR.sub("", header) == "Id  Name" + " " * 21 + "Tier"  # the widest name is 23 cells
    assert first == "1   김민준" + " " * 19 + "hot"  # 김민준 is 6 cells
    assert second == "12  [b]Kim[/b] Lee \\x1b[31m  warm"
    assert header.startswith("\x1b[1m") and "\x1b" not in first


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=12)), min_size=1, max_size=5))
def test_columns_give_each_row_one_line_whatever_the_text(rows):
    page = Page()
    page.columns(("A", "B"), rows)
    header, *lines = text_of(page, width=10).split("\n")[:-1]
    assert len(lines) == len(rows)
    second = cells(header) - 1  # where column B starts, in cells
    for line, (first, _) in zip(lines, rows, strict=True):
        shown = visible(first).replace("\t", " ").replace("\n", " ")
        assert line.startswith(shown.rstrip()) and cells(line) <= second + cells(visible(_)) + 1
