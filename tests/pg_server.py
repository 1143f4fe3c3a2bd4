"""A real PostgreSQL server for the tests, started by them: its own cluster in a temporary folder, reached only
through a Unix socket there, stopped when the session ends.

initdb and pg_ctl refuse to run as root, so under root (as in CI) the cluster belongs to the ``postgres`` user
the Debian package creates, and the commands run as that user. Where PostgreSQL is not installed, the tests that
need it skip and say why; with ``CI=true`` they fail instead, so CI can never pass without them.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ADMIN = "team_admin"
"""The administrator the tests run `team init` as: a login role with CREATEROLE owning the database, not a
superuser, as a branch's administrator would be."""


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing(reason: str) -> None:
    """Skip, or fail under CI (where a skipped PostgreSQL test would let a broken team store pass)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true, and {reason}", pytrace=False)
    pytest.skip(reason)


class Server:
    """A running cluster: connect with :meth:`url`, as any role (local connections are trusted: the socket is
    in a folder only its owner can enter)."""

    def __init__(self) -> None:
        self.bin = _binaries()
        if self.bin is None:
            missing("PostgreSQL is not installed (apt-get install -y postgresql)")
        self.as_postgres = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="salescoach-pg-"))
        if self.as_postgres:
            shutil.chown(self.folder, "postgres", "postgres")
        self.data = self.folder / "data"
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-k {self.folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=60"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-o", options, "-w", "start")

    def _run(self, program: str, *arguments: str) -> None:
        command = [str(self.bin / program), *arguments]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=self.folder)
        if result.returncode:
            pytest.fail(f"{program} failed: {result.stderr or result.stdout}", pytrace=False)

    def url(self, role: str = "postgres", database: str = "postgres") -> str:
        return f"postgresql://{role}@/{database}?host={self.folder}"

    def sql(self, *statements: str, database: str = "postgres", role: str = "postgres") -> list[tuple]:
        """Run statements as ``role`` (the superuser by default), returning the last one's rows."""
        import psycopg

        with psycopg.connect(self.url(role, database), autocommit=True) as connection:
            rows: list[tuple] = []
            for statement in statements:
                cursor = connection.execute(statement)
                rows = cursor.fetchall() if cursor.description else []
            return rows

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)


class TeamDatabase:
    """A database of the server set up as a team's book: `team init` by :data:`ADMIN`, reps alice and bob managed
    by boss."""

    REPS = (("alice", "boss"), ("bob", "boss"))

    def __init__(self, server: Server, name: str) -> None:
        from datetime import date

        from salescoach.store.team import TeamStore

        self.server, self.name = server, name
        self._admin = None
        admin = TeamStore(self.url(ADMIN))
        try:
            admin.init()
            for rep, manager in self.REPS:
                admin.add_rep(rep, manager, date(2026, 11, 1))
        finally:
            admin.close()

    def url(self, role: str) -> str:
        return self.server.url(role, self.name)

    def sql(self, *statements: str, role: str = ADMIN) -> list[tuple]:
        return self.server.sql(*statements, database=self.name, role=role)

    def empty(self) -> None:
        """Every rep's book emptied, ids counted from 1 again; the team's members stay. (DELETE on a book this
        small is a hundred times faster than TRUNCATE, which the property tests pay once per example.)"""
        import psycopg

        from salescoach.store.pg_schema import OWNED_TABLES

        if self._admin is None:
            self._admin = psycopg.connect(self.url(ADMIN), autocommit=True)
        deletes = "; ".join(f"DELETE FROM {table}" for table in reversed(OWNED_TABLES))
        restarts = "; ".join(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1, false)"
            for table in OWNED_TABLES
            if table not in ("customer_tags", "profile", "drill_cards")
        )
        self._admin.execute(f"{deletes}; {restarts}")
