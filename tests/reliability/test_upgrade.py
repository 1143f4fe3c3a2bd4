"""Stores written by earlier schema versions open, migrate and keep every record.

Each fixture was made by the salescoach of its version (v2 is v1's store opened and added to by that version;
v3 is v2's, given a one-off renewal and a yearly anniversary; v4 is v3's, given phones, an e-mail and a handled
anniversary; v6 is v4's migrated by the first six migrations, given a note's phrase and a second phone).
"""

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from salescoach.store.migrations import MIGRATIONS

FIXTURES = Path(__file__).parent / "fixtures"


TABLES = ("customers", "notes", "visits", "promises", "followups", "purchases", "important_dates")


def columns(path) -> dict[str, list[str]]:
    """The columns of each table a store has; a later version may add columns, never drop or rename one."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            for table in TABLES
            if connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        }
    finally:
        connection.close()


def dump(path, kept: dict[str, list[str]]):
    """Every row of the ``kept`` columns: what an older version stored, to compare after the upgrade."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY id").fetchall()
            for table, names in kept.items()
        }
    finally:
        connection.close()


@pytest.mark.parametrize("version", [1, 2, 3, 4, 6])
def test_earlier_version_store_migrates_and_keeps_every_record(cli, isolated, version):
    fixture = FIXTURES / f"schema-v{version}.db"
    isolated.mkdir(mode=0o700)
    shutil.copy(fixture, isolated / "salescoach.db")
    os.chmod(isolated / "salescoach.db", 0o644)  # as a copy made by hand would often be
    kept = columns(isolated / "salescoach.db")
    before = dump(isolated / "salescoach.db", kept)
    assert sqlite3.connect(fixture).execute("PRAGMA user_version").fetchone()[0] == version

    listed = cli.json("customer", "list")
    assert [c["name"] for c in listed] == ["[bold]Kim[/bold]", "이서연"]
    connection = sqlite3.connect(isolated / "salescoach.db")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY name")] == [
        name for name, _ in MIGRATIONS
    ]
    connection.close()
    assert dump(isolated / "salescoach.db", kept) == before
    assert stat.S_IMODE((isolated / "salescoach.db").stat().st_mode) == 0o600  # the copy was 0644
    history = cli.json("history", "이서")
    assert history["balance"] == -1  # the promise due 2026-10-08 is still open
    assert cli.json("profile")["name"] == "Kim Minsu"
    agenda = cli.json("followup", "--days", "120")
    assert {item["kind"] for item in agenda["items"]} >= (
        {"promise", "followup", "date"} if version >= 2 else {"promise"}
    )
    assert cli.json("coach")["visits"] == 0  # visits debriefed before the scorecard are not scored
    assert cli.json("drill", "list") and cli.json("drill", "stats")["practised"] == 0


def test_a_one_off_date_without_a_year_becomes_yearly(cli, isolated):
    """Only an old import could store one; it was shown every year, and the upgrade keeps it so."""
    isolated.mkdir(mode=0o700)
    shutil.copy(FIXTURES / "schema-v3.db", isolated / "salescoach.db")
    connection = sqlite3.connect(isolated / "salescoach.db")
    connection.execute(
        "INSERT INTO important_dates (customer_id, kind, month, day, year, yearly, lead_days)"
        " VALUES (1, 'renewal', 11, 30, NULL, 0, 10)"
    )
    connection.commit()
    connection.close()
    due = cli.json("followup", "--days", "7")["items"]
    assert ("renewal", "2026-11-30") in [(item["note"], item["due"]) for item in due if item["kind"] == "date"]
    yearly = sqlite3.connect(isolated / "salescoach.db").execute("SELECT yearly FROM important_dates WHERE id = 4")
    assert yearly.fetchone() == (1,)
