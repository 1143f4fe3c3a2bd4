"""One output object decides how a command's result is printed: Rich for people, JSON for scripts.

Data goes to stdout, status and errors to stderr. Output is plain (no colour, no styles) when stdout is not a
terminal or ``NO_COLOR`` is set: Rich detects both for the renderers that draw on its console, and pages
(:mod:`salescoach.render.page`, which do without Rich) do the same. Every piece of user text passes through
:func:`visible` and is given to Rich as ``Text``, never as markup, so a customer named ``[bold]Kim[/bold]``
prints literally and an escape sequence in a note cannot drive the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: object) -> str:
    """User text made safe to show: control characters and direction overrides become visible escapes."""
    return _UNSAFE.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), str(text))


_PLAIN = (str, int, float, type(None))


def jsonable(value: Any) -> Any:
    """Results (records, dates, tuples) as plain JSON data.

    Plain values are tested first: they are most of what a book holds, and at 100,000 customers the order of
    these tests is a second of the wait.
    """
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "_fields"):
        return {key: jsonable(item) for key, item in zip(value._fields, value, strict=True)}
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
"""Characters JSON keeps raw but line readers split on (Python's ``splitlines``, JavaScript): escaped, so one
item stays one line."""


def write_json(payload: Any) -> None:
    """Print ``payload`` as JSON: a list one item per line, anything else indented.

    A list is the whole book or a long listing: written item by item it never becomes one huge string, uses
    the fast C encoder (indenting makes :mod:`json` fall back to Python), and still reads and greps by line.
    """
    write = sys.stdout.write
    if not isinstance(payload, list):
        write(json.dumps(jsonable(payload), ensure_ascii=False, indent=2) + "\n")
        return
    for index, item in enumerate(payload):
        line = json.dumps(jsonable(item), ensure_ascii=False).translate(_LINE_BREAKS)
        write(("[\n  " if index == 0 else ",\n  ") + line)
    write("\n]\n" if payload else "[]\n")


class Output:
    """Prints a command's result as JSON (``--json``) or through a Rich renderer."""

    def __init__(self, as_json: bool = False) -> None:
        self.as_json = as_json
        self._console = None

    @property
    def console(self):
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False, soft_wrap=False)
            self._console.on_broken_pipe = _reader_left  # Rich would exit 1; the command's handler exits 0
        return self._console

    def result(self, payload: Any, render: Callable[[Any], None]) -> None:
        """JSON of ``payload`` when asked for, else ``render(console)``."""
        if self.as_json:
            write_json(payload)
        else:
            render(self.console)

    def page(self, payload: Any, build: Callable[[], Any]) -> None:
        """JSON of ``payload`` when asked for, else the :class:`~salescoach.render.page.Page` that ``build`` makes."""
        if self.as_json:
            write_json(payload)
        else:
            from salescoach.render.page import show

            show(build())

    def status(self, message: str) -> None:
        """A one-line status for people, on stderr (never mixed into data)."""
        sys.stderr.write(visible(message) + "\n")


def _reader_left() -> None:
    raise BrokenPipeError


def error_line(message: str, hint: str | None = None) -> str:
    from salescoach.i18n import _

    text = _("Error: {message}").format(message=visible(message))
    if hint:
        text += "\n" + _("Hint: {hint}").format(hint=visible(hint))
    return text
