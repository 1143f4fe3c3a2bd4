"""Results as plain data: what a JSON export holds and what ``--json`` prints.

In the core because both sides need it: use cases build exports from it and the renderer prints ``--json`` with
it, and a use case must never import the renderer.
"""

from __future__ import annotations

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
