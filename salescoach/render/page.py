"""A page of styled lines: how the commands a rep runs between meetings (``prep``, ``followup``, ``debrief``) print.

These commands write their pages themselves rather than through Rich: importing Rich's console costs about as
much as everything else ``followup`` does, and a page needs only two things from a terminal library, a handful
of styles (SGR codes) and wrapping that counts Korean characters as two cells. Into a pipe or a file a page is
written a line per line, no wrapping and no styles, so it greps well; on a terminal each line wraps at the
window's width with wrapped rows indented under the text, so a long script reads as a paragraph beside its
label; ``NO_COLOR`` (or ``TERM=dumb``) keeps the wrapping and drops the styles.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple
from unicodedata import category, east_asian_width

from salescoach.render.terminal import styled, visible

STYLES = {"bold": "1", "dim": "2", "underline": "4", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}
"""The styles pages use, as SGR codes; a span's style is any of these separated by spaces ("bold green")."""

_TOKENS = re.compile(r"\n|[^\S\n]+|\S+")


class Line(NamedTuple):
    spans: tuple[tuple[str, str], ...]  # (text, style) pairs
    lead: str = ""  # printed before the first row; rows that wrap, and lines of a note, are indented by its width
    wrap: bool = True  # False for a command to copy: a terminal breaks it where it must, without a newline


class Page:
    """Lines to print. Every text is passed through :func:`visible`, so user text is shown, never obeyed."""

    def __init__(self) -> None:
        self.lines: list[Line] = []

    def line(self, *spans: tuple[object, str], lead: str = "", wrap: bool = True) -> None:
        spans = tuple((visible(text).replace("\t", " "), style) for text, style in spans)  # a tab's width is unknown
        self.lines.append(Line(spans, visible(lead), wrap))

    def heading(self, title: str) -> None:
        self.lines.append(Line(()))
        self.line((title, "bold underline"))

    def bullet(self, label: str | None, body: object, style: str = "", lead: str = "  • ") -> None:
        """``  • label: body``; wrapped rows are indented under the label."""
        self.line(*(((label, "bold"), (": ", "")) if label else ()), (body, style), lead=lead)

    def height(self, width: int) -> int:
        """How many rows the page takes on a terminal ``width`` cells wide, as :func:`write` wraps it (a line that
        does not wrap is broken by the terminal)."""
        rows = 0
        for line in self.lines:
            if line.wrap:
                rows += len(_wrap(line.spans, max(width - cells(line.lead), 1)))
            else:
                rows += max(1, -(-cells(line.lead + "".join(text for text, _ in line.spans)) // width))
        return rows

    def columns(self, header: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:
        """A table without borders, each column as wide as its widest cell in terminal cells; rows never wrap.

        Cheap enough for a whole book: measuring and drawing a bordered Rich table of 10,000 customers took 9 s.
        """
        texts = [header, *(tuple(visible(cell).replace("\t", " ").replace("\n", " ") for cell in row) for row in rows)]
        sizes = [[cells(cell) for cell in row] for row in texts]
        widths = [max(row[column] for row in sizes) for column in range(len(header))]
        for number, (row, size) in enumerate(zip(texts, sizes, strict=True)):
            padded = "  ".join(cell + " " * (width - used) for cell, used, width in zip(row, size, widths, strict=True))
            self.lines.append(Line(((padded.rstrip(), "bold" if number == 0 else ""),), wrap=False))


def show(page: Page) -> None:
    """Write ``page`` to stdout as the place it goes calls for (see the module's docstring)."""
    terminal = sys.stdout.isatty()
    # Windows consoles show SGR codes only once asked to (Rich does that, we do not): wrapped but unstyled there.
    width = shutil.get_terminal_size().columns if terminal else None
    write(page, sys.stdout, width, styled(sys.stdout) and os.name != "nt")


def write(page: Page, stream, width: int | None = None, styled: bool = False) -> None:
    """Each line wrapped to ``width`` terminal cells (None: never wrapped), with SGR styles when ``styled``."""
    for line in page.lines:
        indent = " " * cells(line.lead)
        rows = _wrap(line.spans, max(width - len(indent), 1) if width is not None and line.wrap else None)
        for number, row in enumerate(rows):
            runs = ((style, "".join(text for text, _ in run)) for style, run in groupby(row, key=itemgetter(1)))
            pieces = "".join(_styled(text, style) if styled else text for style, text in runs)
            start = line.lead if number == 0 else indent
            stream.write((start + pieces if pieces else start.rstrip()) + "\n")


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide (e.g. Hangul) characters two; combining marks, zero-width
    format characters, decomposed Hangul's vowels and finals, and skin tones none; an emoji variation selector
    widens the symbol before it (❤️) to two."""
    if text.isascii():  # the common case; control characters never get here (see :func:`visible`)
        return len(text)
    return sum(_cell(char) for char in text)


def _cell(char: str) -> int:
    if char == "\ufe0f":
        return 1
    if category(char) in ("Mn", "Me", "Cf") or "\u1160" <= char <= "\u11ff" or "\ud7b0" <= char <= "\ud7ff":
        return 0  # marks, format characters, and the vowels and finals of decomposed Hangul (as macOS writes it)
    if "\U0001f3fb" <= char <= "\U0001f3ff":
        return 0  # a skin tone joins the emoji before it
    return 2 if east_asian_width(char) in "WF" else 1


def _styled(text: str, style: str) -> str:
    codes = ";".join(STYLES[name] for name in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text


def _wrap(spans: tuple[tuple[str, str], ...], width: int | None) -> list[list[tuple[str, str]]]:
    """The spans cut into rows at spaces and newlines, each at most ``width`` cells (None: no limit); a word
    longer than a row is folded. Spaces where a row breaks, or at the end, are dropped."""
    if width is None:  # into a pipe: rows break only at newlines, and no widths need counting
        lines: list[list[tuple[str, str]]] = [[]]
        for text, style in spans:
            first, *others = text.split("\n")
            lines[-1].append((first, style))
            lines += [[(other, style)] for other in others]
        return [_without_trailing_space(line) for line in lines]
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0

    def new_row() -> None:
        nonlocal used
        rows[-1] = _without_trailing_space(rows[-1])
        rows.append([])
        used = 0

    for text, style in spans:
        for token in _TOKENS.findall(text):
            size = cells(token)
            if token == "\n":
                new_row()
            elif used + size <= width:
                rows[-1].append((token, style))
                used += size
            elif token.isspace():
                new_row()
            else:
                if used:
                    new_row()
                for piece in _fold(token, width):
                    if used:
                        new_row()
                    rows[-1].append((piece, style))
                    used = cells(piece)
    new_row()
    return rows[:-1]


def _without_trailing_space(row: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A row without the spaces at its end (invisible, and they would make a terminal wrap early)."""
    row = list(row)
    while row and not row[-1][0].rstrip():
        row.pop()
    if row:
        row[-1] = (row[-1][0].rstrip(), row[-1][1])
    return row


def _fold(word: str, width: int) -> list[str]:
    """A word cut into pieces of at most ``width`` cells."""
    pieces: list[str] = []
    piece: list[str] = []
    used = 0
    for char in word:
        size = cells(char)
        if piece and used + size > width:
            pieces.append("".join(piece))
            piece, used = [], 0
        piece.append(char)
        used += size
    return [*pieces, "".join(piece)]
