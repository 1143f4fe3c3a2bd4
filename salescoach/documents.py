"""Reading YAML safely, remembering on which line each value stood: every YAML file salescoach reads (playbooks,
debrief files, ``config.yaml``) is read by :func:`read_document`.

Only plain YAML is accepted: the safe constructors, no anchors or aliases (they are how "billion laughs" bombs
work, and none of our files has need of them), no tags beyond the standard ones, no key given twice (YAML would
keep the last silently), no ``.inf`` or ``.nan``, and files no larger than ``MAX_BYTES`` (read up to one byte
more, never sized first, so ``/dev/zero`` or a pipe cannot hang it). Dates are not recognised by the loader: a
``2026-13-45`` arrives as text and meets the one date rule (:mod:`salescoach.core.dates`) like a typed date. Every
value's line is kept by its path, so a validation error can say ``core.yaml:212:``.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import NamedTuple

import yaml

from salescoach.errors import InvalidInput
from salescoach.i18n import _

MAX_BYTES = 1_000_000

ValuePath = tuple  # a value's path in the document: keys and list indexes, e.g. ("topics", "closing", "benefit", 1)

MAX_DEPTH = 64
"""How deeply values may nest: far more than any of our files needs, far less than Python's recursion limit."""

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALARS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null")}


class PlainLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # pure Python without libyaml: just slower
    """The safe loader without implicit timestamps: an unquoted date is text, for the one date rule to read."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


class PlaybookInvalid(InvalidInput):
    """A YAML file (a playbook, a debrief file, ``config.yaml``) that cannot be used; ``problems`` are ready-made
    ``file:line: path: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        many = _("{count} problems:").format(count=len(problems))
        super().__init__(problems[0] if len(problems) == 1 else many + "\n" + "\n".join(problems))
        self.problems = problems


class Document(NamedTuple):
    """A parsed playbook file: its data and the line of every value in it."""

    path: Path
    data: dict
    lines: dict[ValuePath, int]

    def line_of(self, path: ValuePath) -> int | None:
        """The line of ``path``, or of the nearest enclosing value this file defines."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def read_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file the rep named, refusing more than ``limit``: at most ``limit + 1`` bytes are read, so a
    device (``/dev/zero``) or a pipe is refused as quickly as a large file. Opened without blocking, so a pipe
    with no writer reads as empty instead of waiting forever."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise PlaybookInvalid(
            [_("{path}: the file is too large (at most {limit:,} bytes)").format(path=path, limit=limit)]
        )
    return data


def read_document(path: Path) -> Document:
    """Parse one YAML file, refusing anything but plain, reasonably sized YAML mappings.

    A file that is missing or unreadable is a usage error (exit 2), like any other problem with a file the rep
    named.
    """
    try:
        text = read_limited(path).decode("utf-8")
    except UnicodeDecodeError:
        raise PlaybookInvalid([_("{path}: not UTF-8 text").format(path=path)]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise PlaybookInvalid([_("{path}: cannot read: {reason}").format(path=path, reason=reason)]) from None
    loader = PlainLoader(text)
    try:
        node = loader.get_single_node()
        if node is None or node.tag != _MAP:
            raise PlaybookInvalid([_("{path}:1: the file must be a YAML mapping (key: value)").format(path=path)])
        lines: dict[ValuePath, int] = {}
        data = _build(loader, node, (), lines, set(), path)
    except yaml.YAMLError as error:
        raise PlaybookInvalid([_yaml_problem(path, error)]) from None
    except RecursionError:
        raise PlaybookInvalid([_too_deep(path, 1)]) from None
    finally:
        loader.dispose()
    return Document(path=path, data=data, lines=lines)


def _yaml_problem(path: Path, error) -> str:
    """A syntax error on the line to fix: an unclosed bracket or quote is noticed only where the file stops making
    sense (often its end), so the line named is the one where it was opened."""
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None) or ""
    if context_mark is not None and context.startswith(_UNCLOSED):
        opened = _("{context} that starts here is not closed").format(context=context.removeprefix("while "))
        return f"{path}:{context_mark.line + 1}: {opened} ({problem})"
    mark = problem_mark or context_mark
    return f"{path}:{mark.line + 1}: {problem}" if mark else f"{path}: {problem}"


_UNCLOSED = ("while parsing a flow", "while scanning a quoted scalar")
"""The contexts of a syntax error whose cause is a bracket or quote opened earlier and never closed."""


def _too_deep(path: Path, line: int) -> str:
    return _("{path}:{line}: values nest more than {limit} levels deep").format(path=path, line=line, limit=MAX_DEPTH)


def _build(loader, node, at: ValuePath, lines: dict, seen: set, path: Path):
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise PlaybookInvalid([_("{path}:{line}: anchors and aliases are not allowed").format(path=path, line=line)])
    if len(at) > MAX_DEPTH:
        raise PlaybookInvalid([_too_deep(path, line)])
    seen.add(id(node))
    lines[at] = line
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise PlaybookInvalid([_tag_refused(path, node)])
        result = {}
        for key_node, value_node in node.value:
            if key_node.tag not in _SCALARS:
                raise PlaybookInvalid([_("{path}:{line}: a key must be plain text").format(path=path, line=line)])
            key = str(loader.construct_object(key_node))
            if key in result:
                raise PlaybookInvalid(
                    [
                        _("{path}:{line}: {key!r} is given twice (first on line {first})").format(
                            path=path, line=key_node.start_mark.line + 1, key=key, first=lines[(*at, key)]
                        )
                    ]
                )
            result[key] = _build(loader, value_node, (*at, key), lines, seen, path)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise PlaybookInvalid([_tag_refused(path, node)])
        return [_build(loader, item, (*at, index), lines, seen, path) for index, item in enumerate(node.value)]
    if node.tag not in _SCALARS:
        raise PlaybookInvalid([_tag_refused(path, node)])
    value = loader.construct_object(node)
    if isinstance(value, float) and not math.isfinite(value):
        raise PlaybookInvalid(
            [_("{path}:{line}: {value} is not a finite number").format(path=path, line=line, value=node.value)]
        )
    return value


def _tag_refused(path: Path, node) -> str:
    return _("{path}:{line}: tag {tag} is not allowed").format(path=path, line=node.start_mark.line + 1, tag=node.tag)


def format_path(path: ValuePath) -> str:
    """``("topics", "closing", "benefit", 1)`` → ``topics.closing.benefit[1]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
