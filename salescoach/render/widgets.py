"""Small Rich building blocks shared by the renderers; every one takes user text as data, never as markup."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from salescoach.render.terminal import visible


def text(value: object, style: str = "") -> Text:
    """User or playbook text as a Rich ``Text`` (no markup is interpreted; control characters are shown)."""
    return Text("" if value is None else visible(value), style=style)


def heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def table(*columns: str, title: str | None = None, wide: dict[int, int] | None = None) -> Table:
    """A table; ``wide`` maps column indexes to their share of the spare width, the others fit their content."""
    wide = wide or {}
    grid = Table(title=title, title_justify="left", show_lines=False, expand=bool(wide), header_style="bold")
    for index, column in enumerate(columns):
        if index in wide:
            grid.add_column(column, overflow="fold", ratio=wide[index])
        else:
            grid.add_column(column, overflow="fold")
    return grid


def pairs(rows: list[tuple[str, object]]) -> Table:
    """A two-column label/value grid for one record."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        if value not in (None, "", ()):
            grid.add_row(label, text(value))
    return grid
