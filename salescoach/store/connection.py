"""The SQLite file itself: opening it, keeping it private, bringing its schema up to date, and committing.

Everything here is about the connection, not the records: the settings every command relies on (WAL so a reader
never blocks a writer, foreign keys on, a busy timeout so two commands at once both succeed), owner-only files,
the named migrations, and turning SQLite's own failures into one clear error. The store's parts
(:mod:`salescoach.store.customers` and its siblings) never see a connection; :mod:`salescoach.store.backups`
shares the path rule and the migrations, which is why they live here and not in the store class.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from salescoach.errors import StoreUnavailable
from salescoach.i18n import _
from salescoach.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 30_000

commits = 0
"""Transactions this process has committed: after one, an interrupted command must not say nothing was saved."""


def sqlite_path(path: Path) -> str:
    """The name to give SQLite for ``path``: absolute, so it is always a path and never a URI (this SQLite reads a
    name starting ``file:`` as a URI, in which ``#`` and ``%`` mean other things)."""
    return os.fspath(Path(path).absolute())


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating owner-only if new) the database file with the settings every command relies on."""
    if not path.exists():
        _create_private(path)
    else:
        _keep_private(path)
    try:
        connection = sqlite3.connect(sqlite_path(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreUnavailable(_("cannot open the store at {path}: {error}").format(path=path, error=error)) from error
    execute(connection, f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    execute(connection, "PRAGMA foreign_keys = ON")
    if execute(connection, "PRAGMA journal_mode").fetchone()[0] != "wal":
        execute(connection, "PRAGMA journal_mode = WAL")
    execute(connection, "PRAGMA synchronous = NORMAL")
    return connection


def reader(path: Path) -> sqlite3.Connection:
    """A second, plain connection to the store file (for copying it while the first holds the write lock)."""
    return sqlite3.connect(sqlite_path(path), timeout=BUSY_TIMEOUT_MS / 1000)


def execute(connection: sqlite3.Connection, sql: str, parameters: Sequence = ()) -> sqlite3.Cursor:
    """Run SQL, turning the database's own failures into one clear error for the rep."""
    with store_errors():
        return connection.execute(sql, parameters)


@contextmanager
def store_errors() -> Iterator[None]:
    """The database's own failures as one clear error: running a statement, and reading its rows (a damaged page
    is often met only there)."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreUnavailable(
                _("the store is busy: another salescoach command held it for {seconds} seconds").format(
                    seconds=BUSY_TIMEOUT_MS // 1000
                ),
                hint=_("nothing was saved; try again when the other command has finished"),
            ) from error
        raise StoreUnavailable(_("the store could not be used: {error}").format(error=error)) from error
    except sqlite3.DatabaseError as error:
        raise StoreUnavailable(
            _("the store is damaged or not a salescoach database: {error}").format(error=error),
            hint=_("restore a backup with `salescoach restore PATH`; the file was left as it is"),
        ) from error


def commit(connection: sqlite3.Connection) -> None:
    """Commit and count it in :data:`commits`, with Ctrl-C ignored in between: an interrupt raised between the
    two would be reported as "nothing was saved" over a book that was changed."""
    with committing():
        execute(connection, "COMMIT")


@contextmanager
def committing() -> Iterator[None]:
    """Around a backend's COMMIT: Ctrl-C ignored, and the commit counted in :data:`commits` once it is made."""
    global commits
    with uninterrupted():
        yield
        commits += 1


@contextmanager
def uninterrupted() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)


def _create_private(path: Path) -> None:
    """Create an empty owner-only file, so SQLite (and its -wal and -shm files) inherit 0600."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    except FileExistsError:
        os.chmod(path, 0o600)
    except OSError as error:
        raise StoreUnavailable(_("cannot create {path}: {reason}").format(path=path, reason=error.strerror)) from error


def _keep_private(path: Path) -> None:
    """Make a store that others can read owner-only again: one copied in by hand or from another machine keeps
    the copy's permissions. Checked at every open (a stat or three); where the system refuses, the command
    still runs."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except OSError:
            continue


def schema_version(connection: sqlite3.Connection) -> int:
    return execute(connection, "PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date, each migration in its own recorded transaction; refuse newer stores."""
    version = schema_version(connection)
    if version > len(MIGRATIONS):
        raise StoreUnavailable(
            _(
                "the store at {path} was written by a newer salescoach (schema {version}, this one knows {known})"
            ).format(path=path, version=version, known=len(MIGRATIONS)),
            hint=_("upgrade salescoach; the store was not changed"),
        )
    if version == len(MIGRATIONS):
        return
    execute(connection, "BEGIN IMMEDIATE")
    try:
        execute(connection, "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
        version = schema_version(connection)
        for name, script in MIGRATIONS[version:]:
            for statement in _statements(script):
                execute(connection, statement)
            execute(connection, "INSERT INTO migrations (name, applied) VALUES (?, datetime('now'))", (name,))
        execute(connection, f"PRAGMA user_version = {len(MIGRATIONS)}")
        execute(connection, "COMMIT")
    except BaseException:
        connection.rollback()
        raise


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``executescript`` would commit our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [statement for statement in statements if statement]
