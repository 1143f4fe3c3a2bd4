"""A rep's book moves between their own SQLite file and the team server exactly, both ways, with the JSON export;
and what only one backend can do is said, not pretended."""

import json

import pytest

from salescoach.store.migrations import MIGRATIONS as SQLITE_MIGRATIONS
from salescoach.store.pg_schema import MIGRATIONS


def _export(cli, path):
    cli("export", "--format", "json", "--out", str(path))
    book = json.loads(path.read_text(encoding="utf-8"))
    book.pop("exported", None)
    return book


def test_a_personal_book_moves_to_the_team_server_and_back_exactly(team, cli, tmp_path, monkeypatch):
    cli("demo", "--customers", "25", "--seed", "4")
    cli(
        "customer",
        "note",
        "1",
        "family",
        "Her son starts university in March.",
        "--say",
        "your son starting university",
    )
    cli("customer", "date", "1", "renewal", "2027-01-15", "--lead", "30")
    cli("profile", "set", "--name", "Alice Kim")
    mine = _export(cli, tmp_path / "mine.json")

    monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("alice"))
    report = cli.json("import", str(tmp_path / "mine.json"))
    assert (report["added"], report["merged"], report["skipped"]) == (25, 0, 0)
    on_server = _export(cli, tmp_path / "server.json")
    assert on_server["customers"] == mine["customers"]
    assert cli.json("import", str(tmp_path / "mine.json"))["skipped"] == 25  # never doubled

    monkeypatch.delenv("SALESCOACH_DATABASE_URL")
    monkeypatch.setenv("SALESCOACH_HOME", str(tmp_path / "new-laptop"))
    assert cli.json("import", str(tmp_path / "server.json"))["added"] == 25
    assert _export(cli, tmp_path / "back.json")["customers"] == mine["customers"]


def test_the_team_schema_has_the_books_migrations_by_name():
    assert [name for name, _ in MIGRATIONS] == [name for name, _ in SQLITE_MIGRATIONS]


def test_backup_and_restore_on_a_team_server_point_to_pg_dump(team, cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("alice"))
    for command in (("backup", str(tmp_path / "b.db")), ("restore", str(tmp_path / "b.db"), "--yes")):
        result = cli(*command, code=1)
        assert "Traceback" not in result.stderr
    assert "pg_dump" in cli("backup", str(tmp_path / "b.db"), code=1).stderr
    assert not (tmp_path / "b.db").exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://alice:secret@localhost/team", "password"),
        ("mysql://localhost/team", "not a PostgreSQL address"),
        ("postgresql://alice@/team?host=/nonexistent-folder", "cannot connect to the team database"),
    ],
)
def test_a_bad_or_unreachable_team_database_is_one_line(cli, monkeypatch, url, says):
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", url)
    result = cli("followup", code=1 if "connect" in says else 2)
    assert says in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # the error, and what to do


def test_config_refuses_a_password_in_the_database_url(cli):
    result = cli("config", "set", "database.url", "postgresql://alice:secret@db.example/team", code=2)
    assert "password" in result.stderr
    cli("config", "set", "database.url", "postgresql://alice@db.example/team")
    assert "db.example" in cli("config", "get", "database.url").stdout


def test_a_server_that_goes_away_mid_command_is_one_line(team, cli, monkeypatch):
    """The server ends this rep's session between two statements: the command stops in one line, exit 1."""
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("alice"))
    cli("customer", "add", "Park Sora")
    from salescoach.store import postgres

    real = postgres.PostgresStore._read

    def dropped(self, sql, parameters=()):
        team.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'alice'", role="postgres")
        return real(self, sql, parameters)

    monkeypatch.setattr(postgres.PostgresStore, "_read", dropped)
    result = cli("customer", "add", "Kim Minsu", code=1)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 2
