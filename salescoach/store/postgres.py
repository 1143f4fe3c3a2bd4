"""The team store: the same book on a shared PostgreSQL server, where each rep's rows are their own.

:class:`PostgresStore` is composed of the same parts as :class:`~salescoach.store.sqlite.SqliteStore`, so every
command runs unchanged; what differs is said here. The rep connects as their own login role; row-level security
(:mod:`salescoach.store.pg_schema`) decides which rows each statement sees, so no query of ours needs a ``WHERE
rep = ...`` to be safe. A transaction first locks the rep's own row of ``rep_locks``: like SQLite's write lock on
a rep's own file, it makes the checks a command's writes depend on (already done, a duplicate) hold until its
commit, while eight reps of a team write at once, and no rep can take another's lock.

The schema is the administrator's (``salescoach team init``): a rep's command never changes it, and refuses a
database whose schema is older or newer than this salescoach knows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from salescoach.errors import StoreUnavailable
from salescoach.i18n import _
from salescoach.store.agenda import AgendaQueries
from salescoach.store.connection import committing
from salescoach.store.customers import CustomerQueries
from salescoach.store.exchange import ExchangeQueries
from salescoach.store.pg_connection import connect, server_errors, translated
from salescoach.store.pg_schema import LOCK_MY_BOOK, MIGRATIONS, UNBOUND_ROLE
from salescoach.store.stats import StatsQueries
from salescoach.store.visits import VisitQueries


class PostgresStore(CustomerQueries, VisitQueries, AgendaQueries, StatsQueries, ExchangeQueries):
    """A rep's book on the team's server. Open it with :func:`salescoach.store.open_store`."""

    OWNED = "rep, "
    NEWEST_FIRST = "rep DESC, "
    _LOCK = LOCK_MY_BOOK
    """The statement a transaction starts with, holding what its checks read until it commits."""

    def __init__(self, url: str, check_schema: bool = True) -> None:
        self.url = url
        self._connection = connect(url)
        self._in_transaction = False
        if check_schema:  # a rep's book (the team commands check what they need themselves)
            self._check_schema()
            self._refuse_unbound_role()

    def close(self) -> None:
        import psycopg

        with suppress(psycopg.Error):
            self._connection.close()

    @property
    def role(self) -> str:
        """The login role this store connects as: the rep whose book it is."""
        return self._read("SELECT current_user")[0][0]

    @contextmanager
    def transaction(self) -> Iterator[PostgresStore]:
        """All writes of one command: committed together when the block ends, rolled back if it raises."""
        if self._in_transaction:
            yield self
            return
        with server_errors():
            self._connection.execute("BEGIN")
        self._in_transaction = True
        try:
            self._execute(self._LOCK)
            yield self
        except BaseException:
            self._rollback()
            raise
        else:
            with committing(), server_errors():
                self._connection.execute("COMMIT")
        finally:
            self._in_transaction = False

    def _rollback(self) -> None:
        """Undo the open transaction; on a connection the server has dropped there is nothing to undo, and the
        error that ended the command is the one to tell."""
        import psycopg

        with suppress(psycopg.Error):
            self._connection.rollback()

    def _execute(self, sql: str, parameters: Sequence = ()):
        with server_errors():
            return self._connection.execute(translated(sql), parameters)

    def _execute_many(self, sql: str, rows: list[tuple]) -> None:
        if rows:
            with server_errors(), self._connection.cursor() as cursor:
                cursor.executemany(translated(sql), rows)

    def _insert(self, sql: str, parameters: Sequence = ()) -> int:
        self._require_transaction()
        return self._read(sql + " RETURNING id", parameters)[0][0]

    def _insert_many(self, sql: str, rows: list[tuple]) -> list[int]:
        self._require_transaction()
        ids = []
        if rows:
            with server_errors(), self._connection.cursor() as cursor:
                cursor.executemany(translated(sql + " RETURNING id"), rows, returning=True)
                ids.append(cursor.fetchone()[0])
                while cursor.nextset():
                    ids.append(cursor.fetchone()[0])
        return ids

    @contextmanager
    def _batched(self) -> Iterator[None]:
        """psycopg's pipeline: statements are sent without waiting, and a failure is raised where the next result
        is read (by then inside that statement's own :func:`server_errors`) or when the block ends."""
        with server_errors(), self._connection.pipeline():
            yield

    def _read(self, sql: str, parameters: Sequence = ()) -> list[tuple]:
        with server_errors():
            return self._connection.execute(translated(sql), parameters).fetchall()

    def _check_schema(self) -> None:
        """Refuse a database without our schema, or at another version than this salescoach's."""
        import psycopg
        from psycopg import errors as pg_errors

        try:
            names = [row[0] for row in self._connection.execute("SELECT name FROM migrations ORDER BY name")]
        except pg_errors.UndefinedTable:
            raise StoreUnavailable(
                _("the team database has no salescoach book yet"),
                hint=_("an administrator runs `salescoach team init` first"),
            ) from None
        except psycopg.Error:  # any other refusal of the server, said as one line
            with server_errors():
                raise
        refuse_newer(names)
        known = [name for name, _script in MIGRATIONS]
        if len(names) < len(known):
            raise StoreUnavailable(
                _("the team database is at schema {version}; this salescoach needs {known}").format(
                    version=len(names), known=len(known)
                ),
                hint=_("an administrator runs `salescoach team init` to upgrade it"),
            )

    def _refuse_unbound_role(self) -> None:
        """Refuse to run a rep's commands as a role row-level security does not bind (a superuser, a role that
        bypasses it, the tables' owner or a member of the owner): it would read every rep's book as its own and
        write rows no rep owns."""
        role, unbound = self._read(UNBOUND_ROLE, (None,))[0]
        if unbound:
            raise StoreUnavailable(
                _("{role} administers the team database; a rep's book is opened as the rep").format(role=role),
                hint=_("connect as a rep (`salescoach team rep list`); the administrator runs only `salescoach team`"),
            )

    # -- backups ---------------------------------------------------------------------------------------------

    def backup_to(self, target: Path) -> None:
        raise _not_here()

    def restorable(self) -> None:
        raise _not_here()

    def replace_book(self, staged: Path, keep: Path) -> None:
        raise _not_here()


def refuse_newer(names: list[str]) -> None:
    """Refuse a database whose recorded migrations are not a start of this salescoach's (a newer one made it)."""
    known = [name for name, _script in MIGRATIONS]
    if names != known[: len(names)]:
        raise StoreUnavailable(
            _("the team database was set up by a newer salescoach (schema {version}, this one knows {known})").format(
                version=len(names), known=len(known)
            ),
            hint=_("upgrade salescoach; the database was not changed"),
        )


def _not_here() -> StoreUnavailable:
    return StoreUnavailable(
        _("backup and restore copy a book in a file; a team database is backed up on its server"),
        hint=_("use pg_dump on the server, or `salescoach export --format json` for your own book"),
    )
