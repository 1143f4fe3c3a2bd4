"""The store: where the rep's book lives. All SQL is in this package; the rest of salescoach sees typed records.

:func:`open_store` is the one way in. Today it returns the embedded SQLite store; a shared backend for teams
(PostgreSQL) would be a second class composed of the same parts (:mod:`salescoach.store.base`) with its own
connection, transactions and backups, chosen here, so no use case changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from salescoach.errors import StoreUnavailable
from salescoach.i18n import _
from salescoach.paths import Locations, ensure_private_dir
from salescoach.store.sqlite import SqliteStore


def open_store(where: Locations) -> SqliteStore:
    """Open the store of a data location, creating it (owner-only) and migrating its schema as needed."""
    try:
        ensure_private_dir(where.home)
    except OSError as error:
        raise StoreUnavailable(
            _("cannot use the data folder {path}: {reason}").format(path=where.home, reason=error.strerror or error)
        ) from None
    return SqliteStore(where.database)


@contextmanager
def opened(where: Locations) -> Iterator[SqliteStore]:
    """The store, closed again when the block ends."""
    store = open_store(where)
    try:
        yield store
    finally:
        store.close()
