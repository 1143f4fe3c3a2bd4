"""Reading playbook YAML safely, remembering on which line each value stood.

Only plain YAML is accepted: the safe constructors, no anchors or aliases (they are how "billion laughs" bombs
work, and a playbook has no need of them), no tags beyond the standard ones, and files no larger than
``MAX_BYTES``. Every value's line is kept by its path, so a validation error can say ``core.yaml:212:``.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import yaml

from salescoach.errors import InvalidInput
from salescoach.i18n import _

MAX_BYTES = 1_000_000

ValuePath = tuple  # a value's path in the document: keys and list indexes, e.g. ("topics", "closing", "benefit", 1)

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: the pure-Python safe loader is just slower
    _Loader = yaml.SafeLoader

_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALARS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "timestamp")}


class PlaybookInvalid(InvalidInput):
    """A playbook that cannot be used; ``problems`` are ready-made ``file:line: path: message`` lines."""

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


def read_document(path: Path) -> Document:
    """Parse one playbook file, refusing anything but plain, reasonably sized YAML mappings."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PlaybookInvalid(
                [
                    _("{path}: the file is {size:,} bytes; a playbook may be at most {limit:,}").format(
                        path=path, size=size, limit=MAX_BYTES
                    )
                ]
            )
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PlaybookInvalid([_("{path}: not UTF-8 text").format(path=path)]) from None
    except OSError as error:
        raise PlaybookInvalid([_("{path}: cannot read: {reason}").format(path=path, reason=error.strerror)]) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None or node.tag != _MAP:
            raise PlaybookInvalid([_("{path}:1: a playbook must be a YAML mapping").format(path=path)])
        lines: dict[ValuePath, int] = {}
        data = _build(loader, node, (), lines, set(), path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(error, "problem", None) or str(error)
        raise PlaybookInvalid([f"{where}: {problem}"]) from None
    finally:
        loader.dispose()
    return Document(path=path, data=data, lines=lines)


def _build(loader, node, at: ValuePath, lines: dict, seen: set, path: Path):
    if id(node) in seen:
        raise PlaybookInvalid(
            [
                _("{path}:{line}: anchors and aliases are not allowed in a playbook").format(
                    path=path, line=node.start_mark.line + 1
                )
            ]
        )
    seen.add(id(node))
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP:
            raise PlaybookInvalid([_tag_refused(path, node)])
        result = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node))
            result[key] = _build(loader, value_node, (*at, key), lines, seen, path)
        return result
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise PlaybookInvalid([_tag_refused(path, node)])
        return [_build(loader, item, (*at, index), lines, seen, path) for index, item in enumerate(node.value)]
    if node.tag not in _SCALARS:
        raise PlaybookInvalid([_tag_refused(path, node)])
    return loader.construct_object(node)


def _tag_refused(path: Path, node) -> str:
    return _("{path}:{line}: tag {tag} is not allowed").format(path=path, line=node.start_mark.line + 1, tag=node.tag)


def format_path(path: ValuePath) -> str:
    """``("topics", "closing", "benefit", 1)`` → ``topics.closing.benefit[1]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
