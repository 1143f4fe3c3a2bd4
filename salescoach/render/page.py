"""A page of styled lines: how the commands a rep runs between meetings (``followup``, ``prep``) print.

Plain output (not a terminal, or ``NO_COLOR``) is written as it is, a line per line and no wrapping, so it
pipes and greps well and never imports Rich, which would be a third of the start-up time of ``followup``. On a
terminal the same lines go through Rich: styles, and wrapping at the window's width with the wrapped rows
indented under the text, so a long script reads as a paragraph beside its label.
"""

from __future__ import annotations

from typing import NamedTuple

from salescoach.render.output import visible


class Line(NamedTuple):
    spans: tuple[tuple[str, str], ...]  # (text, Rich style) pairs
    lead: str = ""  # printed before the first row; rows that wrap, and lines of a note, are indented by its width
    wrap: bool = True  # False for a command to copy: a terminal breaks it where it must, without a newline


class Page:
    """Lines to print. Every text is passed through :func:`visible`, so user text is shown, never obeyed."""

    def __init__(self) -> None:
        self.lines: list[Line] = []

    def line(self, *spans: tuple[object, str], lead: str = "", wrap: bool = True) -> None:
        self.lines.append(Line(tuple((visible(text), style) for text, style in spans), lead, wrap))

    def heading(self, title: str) -> None:
        self.lines.append(Line(()))
        self.line((title, "bold underline"))

    def bullet(self, label: str | None, body: object, style: str = "", lead: str = "  • ") -> None:
        """``  • label: body``; wrapped rows are indented under the label."""
        self.line(*(((label, "bold"), (": ", "")) if label else ()), (body, style), lead=lead)


def write_plain(page: Page, stream) -> None:
    for line in page.lines:
        text = "".join(text for text, _ in line.spans)
        stream.write(line.lead + text.replace("\n", "\n" + " " * len(line.lead)) + "\n")


def write_rich(page: Page, console) -> None:
    """Styles and wrapping at ``console.width``, wrapped rows indented by the lead's width (in terminal cells)."""
    from rich.cells import cell_len
    from rich.text import Text

    for line in page.lines:
        body = Text()
        for text, style in line.spans:
            body.append(text, style=style)
        if not line.wrap:
            console.print(Text(line.lead) + body, soft_wrap=True)
            continue
        indent = cell_len(line.lead)
        rows = body.wrap(console, max(console.width - indent, 20), overflow="fold")
        for number, row in enumerate(rows):
            console.print(Text(line.lead if number == 0 else " " * indent) + row, soft_wrap=True)
