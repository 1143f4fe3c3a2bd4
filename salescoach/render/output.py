"""One output object decides how a command's result is printed: Rich for people, JSON for scripts.

Data goes to stdout, status and errors to stderr. Output is plain (no escape sequence at all) when stdout is not
a terminal or ``NO_COLOR`` is set, and user text is shown, never obeyed: both rules are in
:mod:`salescoach.render.terminal`, for the Rich console here and for pages (:mod:`salescoach.render.page`, which
do without Rich) alike.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from salescoach.core.plain import inert_json, jsonable
from salescoach.render.page import show
from salescoach.render.terminal import console, visible


def write_json(payload: Any) -> None:
    """Print ``payload`` as JSON: a list one item per line, anything else indented.

    A list is the whole book or a long listing: written item by item it never becomes one huge string, uses
    the fast C encoder (indenting makes :mod:`json` fall back to Python), and still reads and greps by line.
    """
    write = sys.stdout.write
    if not isinstance(payload, list):
        write(inert_json(json.dumps(jsonable(payload), ensure_ascii=False, indent=2)) + "\n")
        return
    for index, item in enumerate(payload):
        line = inert_json(json.dumps(jsonable(item), ensure_ascii=False))
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
            self._console = console()
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
