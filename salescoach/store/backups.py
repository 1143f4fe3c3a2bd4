"""Backup files: written whole or not at all, and read back only after a full check.

A backup is one self-contained SQLite file (no ``-wal`` beside it), written to a scratch file in the target's
folder and linked into place, so a crash never leaves half a backup under the name and an existing file is never
overwritten. A restore first copies the file into a private scratch store and checks everything there: that it
is an intact SQLite file, that its records agree with each other, that it is a salescoach book (the migrations it
records are ours), that this version can read it, and, once its schema is brought up to date, that it has exactly
the tables and columns of a new store. Only then is the current book touched
(:meth:`~salescoach.store.sqlite.SqliteStore.replace_book`).

Every file is handed to SQLite as an absolute path: this SQLite reads a name starting ``file:`` as a URI even
unasked, and a URI would read ``#`` or ``%`` in a path as something else. The one URI (read-only, for a backup)
is built by :meth:`pathlib.Path.as_uri`, which quotes every such character.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from salescoach.errors import InvalidInput, StoreUnavailable
from salescoach.i18n import _
from salescoach.store.connection import migrate, sqlite_path
from salescoach.store.migrations import MIGRATIONS


def write_copy(connection: sqlite3.Connection, target: Path) -> None:
    """Copy the database of ``connection`` into the new file ``target`` (owner-only), or leave no ``target``."""
    target = Path(target).absolute()
    _sweep(target.parent, "backup")
    scratch = _scratch(target.parent, f"backup-{os.getpid()}")
    try:
        with closing(sqlite3.connect(sqlite_path(scratch))) as copy:
            connection.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, readable on its own
        _flush(scratch)
        _link(scratch, target)
    except sqlite3.Error as error:
        raise StoreUnavailable(_("the backup to {path} failed: {error}").format(path=target, error=error)) from error
    finally:
        _remove(scratch)


@contextmanager
def staged(source: Path, folder: Path) -> Iterator[Path]:
    """``source`` copied into a private scratch store in ``folder``, fully checked and migrated; removed at the end.

    Every refusal says that nothing was restored, which is true: the current book is not opened here.
    """
    if not source.is_file():
        raise StoreUnavailable(_("no backup file at {path}").format(path=source))
    with open(source, "rb"):  # one the system will not let us read is said as such (exit 1), not as "not a store"
        pass
    _sweep(folder, "restore")
    scratch = _scratch(folder, f"restore-{os.getpid()}")
    try:
        with closing(sqlite3.connect(sqlite_path(scratch), isolation_level=None)) as copy:
            try:
                with closing(_read_only(source)) as origin:
                    origin.backup(copy)
                _check(copy, source)
            except sqlite3.DatabaseError as error:
                raise _not_a_book(source, error) from error
            try:
                migrate(copy, scratch)
            except StoreUnavailable as error:
                raise _not_a_book(source, error.message) from error
            if _shape(copy) != _new_store_shape():
                raise StoreUnavailable(_("{path} is not a salescoach store; nothing was restored").format(path=source))
        yield scratch
    finally:
        _remove(scratch)


def _check(copy: sqlite3.Connection, source: Path) -> None:
    """Refuse a damaged file, one of another program, and one of a newer salescoach, before anything changes."""
    if copy.execute("PRAGMA integrity_check(1)").fetchone()[0] != "ok":
        raise StoreUnavailable(
            _("{path} is damaged (integrity check failed); nothing was restored").format(path=source)
        )
    version = copy.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise StoreUnavailable(_("{path} was written by a newer salescoach; nothing was restored").format(path=source))
    tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if version < 1 or "migrations" not in tables or _recorded(copy) != [name for name, _sql in MIGRATIONS[:version]]:
        raise StoreUnavailable(_("{path} is not a salescoach store; nothing was restored").format(path=source))
    if copy.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise StoreUnavailable(
            _("{path} is damaged (some records point at records it lacks); nothing was restored").format(path=source)
        )


def _recorded(copy: sqlite3.Connection) -> list[str]:
    """The migrations a store says it has had: a salescoach book has exactly ours, in order."""
    return [row[0] for row in copy.execute("SELECT name FROM migrations ORDER BY rowid")]


def _not_a_book(source: Path, error: object) -> StoreUnavailable:
    if "malformed" in str(error):  # SQLite's word for a damaged or truncated file
        return StoreUnavailable(
            _("{path} is damaged (integrity check failed); nothing was restored").format(path=source)
        )
    return StoreUnavailable(
        _("{path} is not a salescoach store ({error}); nothing was restored").format(path=source, error=error)
    )


def _shape(connection: sqlite3.Connection) -> set[tuple]:
    """The schema as a set: every table, index and trigger, and every table's columns with their types."""
    entries = connection.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    columns = {
        (table, *column[1:])
        for kind, table, _table in entries
        if kind == "table"
        for column in connection.execute(f'PRAGMA table_info("{table}")')
    }
    return set(entries) | columns


def _new_store_shape() -> set[tuple]:
    with closing(sqlite3.connect(":memory:", isolation_level=None)) as reference:
        migrate(reference, Path(":memory:"))
        return _shape(reference)


def _read_only(path: Path) -> sqlite3.Connection:
    """``path`` opened read-only. Without a ``-wal`` beside it the file is all there is, and ``immutable`` stops
    SQLite leaving ``-wal`` and ``-shm`` files next to the rep's backup."""
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _scratch(folder: Path, label: str) -> Path:
    """A new empty owner-only file in ``folder`` for work in progress (named so that it is clearly not a book)."""
    descriptor, name = tempfile.mkstemp(prefix=f".{label}-", suffix=".partial", dir=folder)
    os.close(descriptor)
    return Path(name)


def _sweep(folder: Path, work: str) -> None:
    """Remove the scratch copies (each a whole book) that killed backups or restores (``work``) left in
    ``folder``: those whose process is gone. A backup's is swept by the next backup into the same folder."""
    if os.name != "posix":  # elsewhere os.kill(pid, 0) is no question but a signal
        return
    for scratch in folder.glob(f".{work}-*-*.partial"):
        pid = scratch.name.split("-")[1]
        if not (pid.isascii() and pid.isdigit() and len(pid) <= 9):
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            _remove(scratch)
        except OSError:  # alive, someone else's
            continue


def _flush(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _link(scratch: Path, target: Path) -> None:
    """Put the finished scratch file under ``target``'s name; never over an existing file (or symlink)."""
    try:
        os.link(scratch, target)
    except FileExistsError:
        raise InvalidInput(_("{path} exists already; choose a new file name").format(path=target)) from None
    except OSError:  # a file system without hard links: rename, having looked first
        if os.path.lexists(target):
            raise InvalidInput(_("{path} exists already; choose a new file name").format(path=target)) from None
        os.replace(scratch, target)


def _remove(path: Path) -> None:
    for file in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        try:
            file.unlink()
        except FileNotFoundError:
            continue
