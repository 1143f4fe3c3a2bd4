"""Results as plain data: what a JSON export holds and what ``--json`` prints.

In the core because both sides need it: use cases build exports from it and the renderer prints ``--json`` with
it, and a use case must never import the renderer.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

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


_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters :mod:`json` keeps raw that a terminal would obey (C1 controls, BIDI overrides) or a line reader
split on (Python's ``splitlines``, JavaScript): written as ``\\uXXXX`` escapes, the same JSON data, so ``--json``
on a terminal is as inert as the rest and one item stays one line."""


def inert_json(text: str) -> str:
    """JSON text with those characters escaped (the same data)."""
    return _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)
