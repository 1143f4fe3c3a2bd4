"""The team database's schema: upgraded by `team init` from the previous version with every record kept, refused
when newer, and never changed by a rep's command."""

import json

import pytest

from salescoach.errors import StoreUnavailable
from salescoach.store.pg_schema import MIGRATIONS, team_access
from salescoach.store.postgres import PostgresStore
from salescoach.store.team import TeamStore

PREVIOUS = len(MIGRATIONS) - 1


@pytest.fixture
def old_database(pg_server, pg_team):
    """A team database as the previous salescoach left it: its migrations run, alice's book in it."""
    from pg_server import ADMIN

    name = "previous_version"
    pg_server.sql(f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name} OWNER {ADMIN}")
    statements = ['CREATE TABLE migrations (name TEXT COLLATE "C" PRIMARY KEY, applied TEXT NOT NULL)']
    for migration, script in MIGRATIONS[:PREVIOUS]:
        statements += [script, f"INSERT INTO migrations VALUES ('{migration}', '2026-06-01')"]
    statements += [s for s in team_access(name) if "drill_" not in s]  # its grants and policies then
    statements += [
        f"GRANT CONNECT ON DATABASE {name} TO alice",
        "INSERT INTO team_members (rep, added) VALUES ('alice', '2026-06-01')",
        "INSERT INTO customers (rep, name, name_key, created, tier) VALUES ('alice', 'Park Sora', 'park sora',"
        " '2026-06-01T09:00:00', 'hot')",
        "INSERT INTO notes (rep, customer_id, kind, text, noted_on, say) VALUES ('alice', 1, 'family',"
        " 'Her son starts university in March.', '2026-06-01', 'your son starting university')",
        "INSERT INTO visits (rep, customer_id, date, channel, checks, score) VALUES ('alice', 1, '2026-06-02',"
        """ 'visit', '{"opener": true}', 80)""",
        "INSERT INTO followups (rep, customer_id, visit_id, due, channel, type) VALUES ('alice', 1, 1,"
        " '2026-06-09', 'phone', 'care')",
    ]
    pg_server.sql(*statements, database=name, role=ADMIN)
    return name


def test_init_upgrades_the_previous_version_keeping_every_record(pg_server, old_database, cli, monkeypatch):
    from pg_server import ADMIN

    url = pg_server.url(ADMIN, old_database)
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", pg_server.url("alice", old_database))
    with pytest.raises(StoreUnavailable, match=f"schema {PREVIOUS}"):
        PostgresStore(pg_server.url(ADMIN, old_database))
    assert "team init" in cli("followup", code=1).stderr  # a rep is told who upgrades it, nothing changes

    admin = TeamStore(url)
    assert admin.init() == (1, len(MIGRATIONS))
    admin.close()
    shown = cli.json("customer", "show", "Park Sora")
    assert shown["customer"]["tier"] == "hot"
    assert [note["say"] for note in shown["notes"]] == ["your son starting university"]
    [customer] = json.loads(cli("export", "--format", "json").stdout)["customers"]
    assert [(visit["score"], visit["checks"]) for visit in customer["visits"]] == [(80, {"opener": True})]
    assert [followup["visit"] for followup in customer["followups"]] == [0]
    assert pg_server.sql("SELECT count(*) FROM migrations", database=old_database)[0][0] == len(MIGRATIONS)


def test_init_twice_changes_nothing_and_a_newer_database_is_refused(team, pg_server):
    from pg_server import ADMIN

    admin = TeamStore(team.url(ADMIN))
    try:
        assert admin.init() == (0, len(MIGRATIONS))
        team.sql("INSERT INTO migrations VALUES ('m999_from_the_future', '2027-01-01')")
        with pytest.raises(StoreUnavailable, match="newer salescoach"):
            admin.init()
        with pytest.raises(StoreUnavailable, match="newer salescoach"):
            PostgresStore(team.url("alice"))
    finally:
        team.sql("DELETE FROM migrations WHERE name = 'm999_from_the_future'")
        admin.close()


def test_a_reps_command_refuses_a_role_row_security_does_not_bind(team, pg_server, cli, monkeypatch):
    """The administrator owns the tables and the superuser bypasses row security: as either, a rep's command would
    see every rep's book as its own, so it refuses in one line."""
    from pg_server import ADMIN

    for role in (ADMIN, "postgres"):
        monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url(role))
        result = cli("followup", code=1)
        assert "administers the team database" in result.stderr and "Traceback" not in result.stderr
