"""The store: where the rep's book lives. All SQL is in this package; the rest of salescoach sees typed records.

:func:`open_store` is the one way in, and the one place that knows which backend holds the book: the embedded
SQLite file in the data location (the default), or a team's PostgreSQL server when ``SALESCOACH_DATABASE_URL``
or the ``database.url`` setting names one. Both are composed of the same parts (:mod:`salescoach.store.base`), so
no use case, core or command knows which it has.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from salescoach.errors import StoreUnavailable
from salescoach.i18n import _
from salescoach.paths import Locations, ensure_private_dir


def open_store(where: Locations):
    """Open the book in force: the team database if one is set, else the SQLite store of the data location
    (created owner-only and migrated as needed)."""
    url = database_url(where)
    if url:
        from salescoach.store.postgres import PostgresStore

        return PostgresStore(url)
    from salescoach.store.sqlite import SqliteStore

    try:
        ensure_private_dir(where.home)
    except OSError as error:
        raise StoreUnavailable(
            _("cannot use the data folder {path}: {reason}").format(path=where.home, reason=error.strerror or error)
        ) from None
    return SqliteStore(where.database)


DATABASE_ENV = "SALESCOACH_DATABASE_URL"


def database_url(where: Locations) -> str | None:
    """The team database in force: ``SALESCOACH_DATABASE_URL``, else the ``database.url`` setting; None for the
    rep's own book in the data location. Both go through the one rule for the field."""
    import os

    from salescoach import settings
    from salescoach.core.fields import database_url as checked

    if DATABASE_ENV in os.environ:
        return checked(os.environ[DATABASE_ENV] or None, DATABASE_ENV)
    return checked(settings.read(where.config).get("database.url"))


@contextmanager
def opened(where: Locations) -> Iterator:
    """The store, closed again when the block ends."""
    store = open_store(where)
    try:
        yield store
    finally:
        store.close()
