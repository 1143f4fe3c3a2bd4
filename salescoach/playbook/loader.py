"""Finding, merging, validating and caching playbooks.

Where a playbook comes from: a file ``NAME.yaml`` (English) or ``NAME.LANG.yaml`` in the user's playbook folder
(``salescoach paths`` shows it) wins over the one shipped inside the package. A playbook in another language falls
back to the English one when it has no translation.

How ``extends`` merges (the rule is :func:`merge`): the extending playbook is laid over the one it names. Mappings
merge key by key, all the way down, so a pack can override one refusal response or add one deepening area and keep
the rest; a list or a single value in the pack replaces the parent's whole. Chains work (a user playbook may extend
``bank``, which extends ``core``); a cycle is an error. The merged result must be a complete playbook.

Validated playbooks are cached as JSON next to the store, keyed by every source file's size and time, so the daily
commands read one small file instead of importing a YAML parser and a validator.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import NamedTuple

from salescoach import __version__
from salescoach.core.vocabulary import LANGUAGES
from salescoach.errors import NotFound
from salescoach.files import UnsafeTarget, write_private
from salescoach.i18n import _
from salescoach.paths import Locations, ensure_private_dir

DEFAULT_PLAYBOOK = "core"
PLAIN_NAME = re.compile(r"[^\W][\w-]{0,63}")
RENAMED = {("topics", "followup", "event"): "topics.followup.dates, a label and templates for each kind of date"}
"""Fields a playbook of an earlier version may still have, and where their content goes now."""
SHIPPED = "shipped"
USER = "user"


class Source(NamedTuple):
    """Where one playbook file was found."""

    name: str
    language: str
    path: Path
    origin: str  # SHIPPED or USER


def shipped_folder() -> Path:
    """The playbooks installed with the package (``salescoach.playbooks`` is package data).

    Found through the package's own ``__file__``: ``importlib.resources`` would cost more to import than the
    whole lookup is worth on every start.
    """
    import salescoach.playbooks

    return Path(salescoach.playbooks.__file__).parent


def _file_names(name: str, language: str) -> list[str]:
    return [f"{name}.{language}.yaml", f"{name}.yaml"] if language != "en" else [f"{name}.yaml"]


def find_source(name: str, language: str, where: Locations) -> Source:
    """The file that defines playbook ``name`` in ``language`` (a translation first, then English).

    Only a plain name (letters, digits, ``_`` and ``-``) names a playbook: a name comes from customers' records and
    imported spreadsheets, and must never reach a file outside the playbook folders or pick a translation.
    """
    for file_name in _file_names(name, language) if PLAIN_NAME.fullmatch(name) else ():
        for folder, origin in ((where.playbooks, USER), (shipped_folder(), SHIPPED)):
            path = folder / file_name
            if path.is_file():
                file_language = language if file_name.count(".") == 2 else "en"
                return Source(name=name, language=file_language, path=path, origin=origin)
    raise _missing(name)


def _missing(name: str) -> NotFound:
    return NotFound(
        _("no playbook named {name!r}").format(name=name),
        hint=_("`salescoach playbook list` shows the playbooks there are"),
    )


def all_sources(where: Locations) -> list[Source]:
    """Every playbook file, user files shadowing shipped ones of the same file name."""
    found: dict[str, Source] = {}
    for folder, origin in ((shipped_folder(), SHIPPED), (where.playbooks, USER)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            parts = path.name.split(".")
            name, language = parts[0], (parts[1] if len(parts) == 3 else "en")
            if len(parts) > 3 or not PLAIN_NAME.fullmatch(name) or language not in LANGUAGES:
                continue  # not a playbook's file name (``evil.[red].yaml``): no playbook could be asked for by it
            found[path.name] = Source(name=name, language=language, path=path, origin=origin)
    return sorted(found.values(), key=lambda source: (source.name, source.language))


def merge(parent: dict, child: dict) -> dict:
    """Lay ``child`` over ``parent``: mappings merge key by key; lists and single values replace."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load(name: str, language: str, where: Locations) -> dict:
    """The validated, merged playbook as plain data (see :class:`~salescoach.playbook.models.Playbook`).

    Served from the cache when no source file has changed; otherwise parsed, merged, validated and cached.
    """
    if not PLAIN_NAME.fullmatch(name):  # before the name makes a cache path
        raise _missing(name)
    cache_path = where.cache / "playbooks" / f"{name}.{language}.json"
    cached = _read_cache(cache_path, where)
    if cached is not None:
        return cached
    chain = _chain(name, language, where)
    data = validate_chain([document for _, document in chain]).model_dump(mode="json")
    _write_cache(cache_path, [source for source, _ in chain], language, data)
    return data


def load_model(name: str, language: str, where: Locations):
    """The merged playbook as a validated :class:`~salescoach.playbook.models.Playbook`."""
    if not PLAIN_NAME.fullmatch(name):  # '' would be a chain of nothing
        raise _missing(name)
    return validate_chain([document for _, document in _chain(name, language, where)])


def validate_file(path: Path, where: Locations):
    """Validate one playbook file as it would be used: merged with what it extends."""
    from salescoach.documents import read_document

    document = read_document(path)
    chain = [document]
    language = str(document.data.get("language", "en"))
    parent = document.data.get("extends")
    if parent:
        parents = _chain(str(parent), language, where, seen={path.name.split(".")[0]})
        chain = [parent_document for _, parent_document in parents] + chain
    return validate_chain(chain)


def _chain(name: str, language: str, where: Locations, seen: set[str] | None = None) -> list:
    """The (source, document) pairs to merge for ``name``, root first, following ``extends``."""
    from salescoach.documents import PlaybookInvalid, read_document

    seen = set() if seen is None else seen
    chain: list = []
    while name:
        if name in seen:
            start = chain[0][0].path if chain else name
            raise PlaybookInvalid([_("{start}: extends forms a cycle through {name!r}").format(start=start, name=name)])
        seen.add(name)
        source = find_source(name, language, where)
        document = read_document(source.path)
        chain.insert(0, (source, document))
        parent = document.data.get("extends")
        name = str(parent) if parent else ""
    return chain


def validate_chain(documents: list):
    """Merge documents (root first) and validate the result, naming file, line and field of each problem."""
    from pydantic import ValidationError

    from salescoach.documents import PlaybookInvalid
    from salescoach.playbook.models import Playbook

    merged: dict = {}
    for document in documents:
        merged = merge(merged, document.data)
    merged["extends"] = documents[-1].data.get("extends")
    try:
        return Playbook.model_validate(merged)
    except ValidationError as error:
        raise PlaybookInvalid([_problem(item, documents) for item in error.errors()]) from None


def _problem(item: dict, documents: list) -> str:
    """One ``file:line: field.path: message`` line for one pydantic error."""
    from salescoach.documents import format_path

    location = tuple(part for part in item["loc"] if part != "[key]")
    message = item["msg"].removeprefix("Value error, ")
    if message.startswith("[") and "] " in message:  # a template list names the item at fault
        index, message = message[1:].split("] ", 1)
        location = (*location, int(index))
    if item["type"] == "missing":
        message = _("required but missing")
    elif item["type"] == "extra_forbidden" and location in RENAMED:
        message = _("unknown field (now {where})").format(where=RENAMED[location])
    elif item["type"] == "extra_forbidden":
        message = _("unknown field")
    best, best_depth = documents[-1], -1
    for document in reversed(documents):
        depth = next((end for end in range(len(location), -1, -1) if location[:end] in document.lines), -1)
        if depth > best_depth:
            best, best_depth = document, depth
    line = best.line_of(location)
    return f"{best.path}:{line}: {format_path(location) or '(top)'}: {message}"


def _signature(chain_paths: list[str]) -> list:
    models = Path(__file__).with_name("models.py")
    stamp = [__version__, models.stat().st_mtime_ns]
    for path in chain_paths:
        status = os.stat(path)
        stamp.append([path, status.st_mtime_ns, status.st_size])
    return stamp


def _read_cache(cache_path: Path, where: Locations) -> dict | None:
    """The cached playbook if every file it came from is still the one that would be used, unchanged."""
    try:
        cached = json.loads(cache_path.read_text(encoding="utf-8"))
        language = cached["language"]
        paths = [str(find_source(name, language, where).path) for name in cached["names"]]
        if cached["signature"] != _signature(paths):
            return None
        return cached["data"]
    except (OSError, ValueError, KeyError, TypeError, NotFound):
        return None


def _write_cache(cache_path: Path, sources: list[Source], language: str, data: dict) -> None:
    """Best effort: a store folder we cannot write to only costs speed."""
    try:
        ensure_private_dir(cache_path.parent.parent)
        ensure_private_dir(cache_path.parent)
        payload = {
            "names": [source.name for source in sources],
            "language": language,
            "signature": _signature([str(source.path) for source in sources]),
            "data": data,
        }
        write_private(cache_path, json.dumps(payload, ensure_ascii=False))
    except (OSError, UnsafeTarget):
        pass
