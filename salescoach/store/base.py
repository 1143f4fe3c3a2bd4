"""What every part of the store stands on: running SQL, and the rule that writes happen inside a transaction.

The store is one class composed of parts by what they hold (:mod:`~salescoach.store.customers`,
:mod:`~salescoach.store.visits`, :mod:`~salescoach.store.agenda`, :mod:`~salescoach.store.stats`,
:mod:`~salescoach.store.exchange`). The parts are mixins over this base rather than objects of their own because
their methods are the store's public interface (``store.add_visit``, ``store.ranked_due``) and they call each
other freely (an import merges customers, a visit reads back as a record): one ``self`` keeps every caller and
every part unchanged, while each module holds one subject. The parts hold only SQL; a backend
(:class:`~salescoach.store.sqlite.SqliteStore`, :class:`~salescoach.store.postgres.PostgresStore`) supplies the
connection through :meth:`_execute`, :meth:`_execute_many`, :meth:`_insert` and :meth:`_read`, so both
backends run the same parts. Their SQL is written once, in what both dialects read alike (``count(*) FILTER``,
``CASE`` rather than arithmetic on truth values, ``ON CONFLICT``, :data:`NO_LIMIT`), with ``?`` and ``:name``
placeholders; the PostgreSQL backend translates those and supplies SQLite's ``julianday`` and
``json_group_array`` as functions of its schema (:mod:`salescoach.store.pg_schema`). What the dialects cannot
share stays in the backend: transactions, an insert's new id, the per-rep key (:attr:`StoreBase.OWNED`), backups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from salescoach.errors import NotFound
from salescoach.i18n import _

Record = TypeVar("Record")

NO_LIMIT = 2**63 - 1
"""A LIMIT that limits nothing, said the same in both dialects (SQLite's ``-1`` is an error in PostgreSQL). A
subquery with a LIMIT is also one the planner keeps whole, which the agenda's ranking relies on."""


class StoreBase:
    """The primitives the parts run their SQL with."""

    _in_transaction = False
    OWNED = ""
    """The columns that come before a table's own key in a per-rep key (``ON CONFLICT ({OWNED}key)``): none in a
    rep's own book; ``rep, `` on a team server, where every rep has a profile and drill cards of their own."""
    NEWEST_FIRST = ""
    """What a newest-first ORDER BY of the rep's rows starts with: nothing in a rep's own book; ``rep DESC, `` on
    a team server, whose planner does not take row-level security's ``rep = current_user`` for a constant and
    would otherwise sort the rep's whole year instead of reading the rep-leading index backwards."""

    def _execute(self, sql: str, parameters: Sequence = ()) -> Any:
        """Run one statement; the backend's own failures as :class:`~salescoach.errors.StoreUnavailable`."""
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _read(self, sql: str, parameters: Sequence = ()) -> list[tuple]:
        """Every row a query gives."""
        raise NotImplementedError

    def _insert(self, sql: str, parameters: Sequence = ()) -> int:
        """Run one INSERT of a row into a table with an ``id`` and return the id it was given."""
        raise NotImplementedError

    def _insert_many(self, sql: str, rows: list[tuple]) -> list[int]:
        """One INSERT for each of ``rows`` into a table with an ``id``: the ids they were given, in order."""
        return [self._insert(sql, row) for row in rows]

    @contextmanager
    def _batched(self) -> Iterator[None]:
        """A block of statements the backend may send together, waiting only where a result is read (a new id):
        nothing to gain in a file; on a server, a round trip per statement saved (a book's import)."""
        yield

    def _write(self, sql: str, parameters: Sequence = ()) -> Any:
        self._require_transaction()
        return self._execute(sql, parameters)

    def _many(self, sql: str, rows: list[tuple]) -> None:
        """One statement for many rows (bulk inserts)."""
        self._require_transaction()
        self._execute_many(sql, rows)

    def _one(self, sql: str, key: int, make: Callable[[Sequence], Record]) -> Record:
        """The record of id ``key``, or :class:`~salescoach.errors.NotFound`."""
        rows = self._read(sql, (key,))
        if not rows:
            raise NotFound(_("no record with id {id}").format(id=key))
        return make(rows[0])

    def _require_transaction(self) -> None:
        if not self._in_transaction:
            raise RuntimeError("store writes must run inside store.transaction()")
