"""The SQLite store: the rep's book in one file, and the one class every caller uses.

:class:`SqliteStore` is composed of the store's parts by what they hold (customers, visits and what else is
recorded about a customer, the agenda's ranking, stats, exchange), each a mixin over
:class:`~salescoach.store.base.StoreBase` holding only SQL. What is SQLite's own stays here: the connection
(:mod:`salescoach.store.connection`), a transaction as ``BEGIN IMMEDIATE`` ... ``COMMIT``, and backing the book up
and replacing it from a checked backup. Writes happen only inside :meth:`SqliteStore.transaction`, which takes the
write lock up front and commits all of a command's writes or none of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

from salescoach.errors import StoreUnavailable
from salescoach.i18n import _
from salescoach.store.agenda import AgendaQueries
from salescoach.store.connection import commit, connect, execute, migrate, reader, sqlite_path, store_errors
from salescoach.store.customers import CustomerQueries
from salescoach.store.exchange import ExchangeQueries
from salescoach.store.stats import StatsQueries
from salescoach.store.visits import VisitQueries


class SqliteStore(CustomerQueries, VisitQueries, AgendaQueries, StatsQueries, ExchangeQueries):
    """The rep's book in one SQLite file. Open it with :func:`salescoach.store.open_store`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = connect(path)
        self._in_transaction = False
        migrate(self._connection, path)

    def close(self) -> None:
        self._connection.close()

    @contextmanager
    def transaction(self) -> Iterator[SqliteStore]:
        """All writes of one command: committed together when the block ends, rolled back if it raises."""
        if self._in_transaction:
            yield self
            return
        execute(self._connection, "BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield self
        except BaseException:
            self._connection.rollback()
            raise
        else:
            commit(self._connection)
        finally:
            self._in_transaction = False

    def _execute(self, sql: str, parameters: Sequence = ()) -> sqlite3.Cursor:
        return execute(self._connection, sql, parameters)

    def _execute_many(self, sql: str, rows: list[tuple]) -> None:
        try:
            self._connection.executemany(sql, rows)
        except sqlite3.Error as error:
            raise StoreUnavailable(_("the store could not be written: {error}").format(error=error)) from error

    def _insert(self, sql: str, parameters: Sequence = ()) -> int:
        return self._write(sql, parameters).lastrowid

    def _read(self, sql: str, parameters: Sequence = ()) -> list[tuple]:
        cursor = self._execute(sql, parameters)
        with store_errors():
            return cursor.fetchall()

    # -- backups ---------------------------------------------------------------------------------------------

    def backup_to(self, target: Path) -> None:
        """Copy the whole store to the new file ``target`` (owner-only) with SQLite's online backup: safe while
        others write, and whole or absent (see :mod:`salescoach.store.backups`)."""
        from salescoach.store.backups import write_copy

        write_copy(self._connection, target)

    def restorable(self) -> None:
        """A backup file can replace this book (a team database says it cannot, before any file is read)."""

    def replace_book(self, staged: Path, keep: Path) -> None:
        """Save the current book to ``keep``, then replace it with ``staged`` (a store that
        :func:`salescoach.store.backups.staged` has checked and migrated), in one transaction.

        The write lock is held from before the copy in ``keep`` until the commit, so a write of another command
        lands either before (and is in ``keep``) or after (on the restored book), never lost in between. A crash
        or Ctrl-C before the commit leaves the current book as it was (and no ``keep``).
        """
        from salescoach.store.backups import write_copy

        self._execute("ATTACH DATABASE ? AS restored", (sqlite_path(staged),))
        self._execute("PRAGMA foreign_keys = OFF")  # the staged store was checked; a table empties at once
        try:
            with self.transaction():
                try:
                    with closing(reader(self.path)) as copy:
                        write_copy(copy, keep)
                    for table in self._tables():
                        columns = ", ".join(f'"{name}"' for name in self._columns(table))
                        self._write(f'DELETE FROM main."{table}"')
                        self._write(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM restored."{table}"')
                except BaseException:
                    keep.unlink(missing_ok=True)
                    raise
        finally:
            self._execute("PRAGMA foreign_keys = ON")
            self._execute("DETACH DATABASE restored")

    def _tables(self) -> list[str]:
        rows = self._read("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return [row[0] for row in rows]

    def _columns(self, table: str) -> list[str]:
        return [row[1] for row in self._read(f'PRAGMA main.table_info("{table}")')]
