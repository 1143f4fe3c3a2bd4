"""Every test runs in its own data location, on a fixed day, with plain, fixed-width output."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import installed_script, store_dump
from salescoach.i18n import use_language

TODAY = "2026-11-25"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("SALESCOACH_HOME", str(home))
    monkeypatch.setenv("SALESCOACH_TODAY", TODAY)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")
    for variable in ("SALESCOACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    use_language("en")  # a Korean command earlier in this process must not make the next test's messages Korean
    return home


class Cli:
    """Runs salescoach commands in-process through Typer's CliRunner."""

    def __init__(self) -> None:
        from salescoach.cli import app

        self.app = app
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, code: int = 0, today: str | None = None):
        env = {"SALESCOACH_TODAY": today} if today else None
        result = self.runner.invoke(self.app, list(args), input=input, env=env)
        if result.exit_code != code:
            raise AssertionError(
                f"salescoach {' '.join(args)} exited {result.exit_code}, expected {code}\n"
                f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}\nexception: {result.exception!r}"
            )
        if code in (0, 1, 2, 130) and result.exception and not isinstance(result.exception, SystemExit):
            raise AssertionError(f"unexpected exception {result.exception!r}")
        return result

    def json(self, *args: str, today: str | None = None):
        return json.loads(self(*args, "--json", today=today).stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def dump():
    """The store's whole content as SQL text: equal dumps mean an unchanged store."""
    return store_dump


@pytest.fixture
def run():
    """Runs the installed `salescoach` script in a real subprocess, from an unrelated folder."""

    def invoke(*args: str, input: str | None = None, env: dict | None = None, cwd=None):
        return subprocess.run(
            [installed_script(), *args],
            input=input,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            cwd=cwd or Path(os.environ["SALESCOACH_HOME"]).parent,
            timeout=60,
        )

    return invoke


# -- the team store: a real PostgreSQL server (see pg_server.py) ---------------------------------------------------


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server of this test session (skipped where PostgreSQL is missing, failed under CI=true)."""
    from pg_server import Server

    server = Server()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_team(pg_server):
    """A team database set up by `team init` as its administrator, with reps alice and bob, managed by boss."""
    from pg_server import ADMIN, TeamDatabase

    pg_server.sql(f"CREATE ROLE {ADMIN} LOGIN CREATEROLE", f"CREATE DATABASE team OWNER {ADMIN}")
    return TeamDatabase(pg_server, "team")


@pytest.fixture
def team(pg_team):
    """The team database with every rep's book empty again (ids from 1), for one test."""
    pg_team.empty()
    return pg_team


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, monkeypatch) -> str:
    """Runs a test on both backends: the rep's own SQLite book, and alice's book on the team server (every
    command of the test then uses SALESCOACH_DATABASE_URL)."""
    if request.param == "postgres":
        team = request.getfixturevalue("team")
        monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("alice"))
    return request.param


@pytest.fixture
def fresh_book(backend, tmp_path_factory, request):
    """Makes an empty book on the test's backend, once per hypothesis example: the data location to open."""
    from salescoach.paths import Locations

    def make() -> Locations:
        if backend == "postgres":
            request.getfixturevalue("team").empty()
        return Locations(tmp_path_factory.mktemp("book"))

    return make


def pytest_collection_modifyitems(config, items):
    """A test marked ``sqlite_book`` reads the SQLite file itself or uses a second data location as a second book;
    under the contract (``backend``) it runs on SQLite only (tests/contract has its PostgreSQL counterparts)."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        on_postgres = params.get("backend") == "postgres"
        (dropped if on_postgres and item.get_closest_marker("sqlite_book") else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
