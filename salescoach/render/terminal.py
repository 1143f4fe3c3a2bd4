"""Where user text meets the terminal: one rule for what is shown and one for whether it is styled.

Everything salescoach prints passes through here, by :class:`~salescoach.render.page.Page` (which writes its own
SGR codes) or by a Rich console made by :func:`console`:

- :func:`visible` turns every character a terminal would obey rather than show (C0 and C1 controls, so ESC and
  with it colours, cursor moves, OSC 8 links and window titles; BIDI overrides and isolates that reorder a line)
  into a visible escape such as ``\\x1b``. A name or a note can then neither drive the terminal nor disguise
  what is printed next to it;
- :func:`styled` says whether a stream gets styles at all: only a terminal, and not when ``NO_COLOR`` is set or
  ``TERM=dumb``. Rich's own ``NO_COLOR`` drops colours but keeps bold and underline, and ``FORCE_COLOR`` makes
  it style a pipe; here either way it is no escape sequence at all;
- a Rich console made by :func:`console` never reads markup or emoji codes in a string, so a playbook file
  named ``evil.[red].yaml`` or a customer called ``:smile:`` prints as it is written, and it passes every string
  it is given (printed, or a table cell, header or title) through :func:`visible`. Renderers still wrap user
  text in ``Text`` (:func:`salescoach.render.widgets.text`); a string that slips past them is caught here.
"""

from __future__ import annotations

import os
import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Controls but newline and tab (a note's lines are kept, a page turns tabs into spaces), the Arabic, left-to-right
and right-to-left marks, the line and paragraph separators, and the embeddings, overrides and isolates."""


def visible(text: object) -> str:
    """User text made safe to show: control characters and direction overrides become visible escapes."""
    return _UNSAFE.sub(lambda match: match.group(0).encode("unicode_escape").decode("ascii"), str(text))


def styled(stream) -> bool:
    """Whether output to ``stream`` may carry escape sequences (styles): a terminal, without NO_COLOR, not dumb."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def console(stderr: bool = False):
    """A Rich console for stdout (or stderr) that styles only when :func:`styled` says so and reads no markup."""
    import sys

    from rich.console import Console

    class SafeConsole(Console):
        def render_str(self, text: str, **options):
            return super().render_str(visible(text), **options)

    stream = sys.stderr if stderr else sys.stdout
    return SafeConsole(
        stderr=stderr,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
        color_system="auto" if styled(stream) else None,
    )
