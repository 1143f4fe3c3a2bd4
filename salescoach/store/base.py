"""What every part of the store stands on: running SQL, and the rule that writes happen inside a transaction.

The store is one class composed of parts by what they hold (:mod:`~salescoach.store.customers`,
:mod:`~salescoach.store.visits`, :mod:`~salescoach.store.agenda`, :mod:`~salescoach.store.stats`,
:mod:`~salescoach.store.exchange`). The parts are mixins over this base rather than objects of their own because
their methods are the store's public interface (``store.add_visit``, ``store.ranked_due``) and they call each
other freely (an import merges customers, a visit reads back as a record): one ``self`` keeps every caller and
every part unchanged, while each module holds one subject. The parts hold only SQL; a backend (today
:class:`~salescoach.store.sqlite.SqliteStore`) supplies the connection through :meth:`_execute`,
:meth:`_execute_many` and :meth:`_read`, so a second backend reuses the parts. Their SQL is SQLite's today;
what another dialect says differently (``?`` placeholders, ``julianday`` in the agenda, ``INSERT OR IGNORE``,
``json_group_array`` in :mod:`~salescoach.store.rows`, an insert's ``lastrowid``) is in those few places.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from salescoach.errors import NotFound
from salescoach.i18n import _

Record = TypeVar("Record")


class StoreBase:
    """The primitives the parts run their SQL with."""

    _in_transaction = False

    def _execute(self, sql: str, parameters: Sequence = ()) -> Any:
        """Run one statement and return its cursor (``lastrowid`` of an insert); the backend's own failures as
        :class:`~salescoach.errors.StoreUnavailable`."""
        raise NotImplementedError

    def _execute_many(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def _read(self, sql: str, parameters: Sequence = ()) -> list[tuple]:
        """Every row a query gives."""
        raise NotImplementedError

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
