"""The team CLI tests' database of their own, `fresh`: a fixture the modules that need it import by name (a
conftest.py here would stand in for tests/conftest.py where a test module imports from ``conftest``)."""

from __future__ import annotations

import itertools

import pytest

_databases = itertools.count()


@pytest.fixture(name="fresh")
def fresh_database(pg_team, monkeypatch):
    """An empty database owned by the administrator (made by ``pg_team``), not set up yet, in force for the
    test's commands."""
    from pg_server import ADMIN

    pg_server = pg_team.server
    name = f"team_cli_{next(_databases)}"
    pg_server.sql(f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name} OWNER {ADMIN}")
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", pg_server.url(ADMIN, name))

    class Fresh:
        def url(self, role: str) -> str:
            return pg_server.url(role, name)

        def sql(self, *statements: str, role: str = ADMIN) -> list[tuple]:
            return pg_server.sql(*statements, database=name, role=role)

    return Fresh()
