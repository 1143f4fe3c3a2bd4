"""The rep's settings file (``config.yaml`` in the data location): interface language, default playbook, and the
team database when the book lives on a team's PostgreSQL server.

Language is chosen by ``--lang``, then ``SALESCOACH_LANG``, then this file's ``language``, then the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``), and is English otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from salescoach.errors import InvalidInput
from salescoach.files import write_private

KEYS = {
    "language": "interface and playbook language: en or ko",
    "playbook": "the playbook for customers who have none of their own (default: core)",
    "database.url": "a team's PostgreSQL book (postgresql://host/database); none: this machine's own book",
}

LANGUAGES = ("en", "ko")


def read(path: Path) -> dict[str, str]:
    """The settings in ``path`` (empty when there is no file). A damaged file is an error naming it.

    Read by the one YAML reader (:func:`salescoach.documents.read_document`: no key twice, no implicit
    dates), each value by its key's rule: an empty value is no setting, and a value that is not plain text is an
    error naming its line. Its errors (and :func:`choose_language`'s) stay English when they come before the
    interface language is known.
    """
    if not path.is_file():
        return {}
    from salescoach.documents import read_document

    document = read_document(path)
    unknown = set(document.data) - set(KEYS)
    if unknown:
        line = min(document.lines[(key,)] for key in unknown)
        raise InvalidInput(f"{path}:{line}: settings may only hold {', '.join(KEYS)}")
    settings = {}
    for key, value in document.data.items():
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise InvalidInput(f"{path}:{document.lines[(key,)]}: {key}: must be plain text")
        settings[key] = str(value)
    return settings


def write(path: Path, settings: dict[str, str]) -> None:
    import yaml

    write_private(path, yaml.safe_dump(settings, allow_unicode=True))


def locale_language() -> str | None:
    """``ko`` for a Korean locale such as ``ko_KR.UTF-8``; None when the locale says nothing we support."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else None
    return None


def choose_language(flag: str | None, settings: dict[str, str]) -> str:
    chosen = flag or os.environ.get("SALESCOACH_LANG") or settings.get("language") or locale_language() or "en"
    if chosen not in LANGUAGES:
        raise InvalidInput(f"unknown language {chosen!r}: use en or ko")
    return chosen


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the data folder locked while the settings are read, changed and written back: of two `config set` at
    once, each keeps the other's change (unlocked, both read the old file and the last write wins)."""
    try:
        import fcntl
    except ImportError:  # Windows has no flock; there, two config changes at the same instant may still race
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
