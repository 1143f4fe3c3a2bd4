"""The connection to a team's PostgreSQL server: opening it as the rep, the placeholders the shared SQL is
written with, and the server's failures as one clear error.

psycopg is imported here and only here (and only when a command uses a team server), so a rep's own book starts
as fast as ever. The store's parts write ``?`` and ``:name`` placeholders, as SQLite reads them;
:func:`translated` turns them into psycopg's ``%s`` and ``%(name)s`` once per statement text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import psycopg
from psycopg import errors as pg_errors
from psycopg.types.numeric import FloatLoader

from salescoach.errors import StoreUnavailable
from salescoach.i18n import _
from salescoach.store.connection import BUSY_TIMEOUT_MS

_TOKENS = re.compile(r"'(?:[^']|'')*'|\?|(?<!:):([A-Za-z_]\w*)|%")


@lru_cache(maxsize=512)
def translated(sql: str) -> str:
    """``sql`` with SQLite's placeholders as psycopg's, and a literal ``%`` doubled; quoted text is kept."""

    def token(match: re.Match) -> str:
        text = match.group(0)
        if text.startswith("'"):
            return text.replace("%", "%%")
        if text == "?":
            return "%s"
        if text == "%":
            return "%%"
        return f"%({match.group(1)})s"

    return _TOKENS.sub(token, sql)


def connect(url: str) -> psycopg.Connection:
    """A connection as the rep the URL (or libpq's ``PG*`` variables, service file and ``~/.pgpass``) names, in
    autocommit, so that a transaction is exactly what :meth:`PostgresStore.transaction` opens."""
    try:
        connection = psycopg.connect(url, autocommit=True, application_name="salescoach")
    except psycopg.Error as error:
        if isinstance(said(error), KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise StoreUnavailable(
            _("cannot connect to the team database: {error}").format(error=first_line(error)),
            hint=_("check SALESCOACH_DATABASE_URL (or `salescoach config set database.url`) and that the server runs"),
        ) from None
    connection.adapters.register_loader("numeric", FloatLoader)
    with server_errors():  # the team's view is the report's, set for its transaction alone: never the session's,
        # even where the address's options set it, or a manager's own book would hold their reps' rows
        login, role = connection.execute(
            f"SELECT session_user, current_user; SET lock_timeout = {BUSY_TIMEOUT_MS}; SET salescoach.view = ''"
        ).fetchone()
    if role != login:  # row-level security reads current_user: as a group role, every member's shared book
        connection.close()
        raise StoreUnavailable(
            _("the address makes {login} act as {role}; the team database is used as the login role itself").format(
                login=login, role=role
            ),
            hint=_("take the role out of the address's options (or the role's own settings on the server)"),
        )
    return connection


def first_line(error: BaseException) -> str:
    return str(error).strip().split("\n")[0]


@contextmanager
def server_errors() -> Iterator[None]:
    """The server's failures as one clear error, as :func:`salescoach.store.connection.store_errors` says
    SQLite's: a lock waited for too long is "busy", a missing grant is "not in this team"."""
    try:
        yield
    except psycopg.Error as error:
        raise said(error) from None


def said(error: psycopg.Error) -> BaseException:
    """What ``error`` means to the rep: a Ctrl-C that psycopg turned into an error of its own while it was stopping
    (ending an ``executemany``'s pipeline, it raises "cannot exit pipeline mode while busy" in the interrupt's
    place) is the Ctrl-C, and the rest are one line each."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, KeyboardInterrupt):
            return KeyboardInterrupt()
        cause = cause.__context__
    if isinstance(error, pg_errors.LockNotAvailable):
        return StoreUnavailable(
            _("the store is busy: another salescoach command held it for {seconds} seconds").format(
                seconds=BUSY_TIMEOUT_MS // 1000
            ),
            hint=_("nothing was saved; try again when the other command has finished"),
        )
    if isinstance(error, pg_errors.InsufficientPrivilege):
        return StoreUnavailable(
            _("the team database refused this role: {error}").format(error=first_line(error)),
            hint=_("an administrator adds you with `salescoach team rep add NAME`"),
        )
    if isinstance(error, psycopg.OperationalError):
        return StoreUnavailable(_("the team database could not be used: {error}").format(error=first_line(error)))
    return StoreUnavailable(_("the store could not be used: {error}").format(error=first_line(error)))
