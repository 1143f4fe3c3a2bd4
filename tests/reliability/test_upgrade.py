"""A store written by the previous schema version opens, migrates and keeps every record."""

import shutil
import sqlite3
from pathlib import Path

from salescoach.store.migrations import MIGRATIONS

FIXTURE = Path(__file__).parent / "fixtures" / "schema-v1.db"


def dump(path):
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("customers", "notes", "visits", "promises", "followups", "purchases")
        }
    finally:
        connection.close()


def test_previous_version_store_migrates_and_keeps_every_record(cli, isolated):
    isolated.mkdir(mode=0o700)
    shutil.copy(FIXTURE, isolated / "salescoach.db")
    before = dump(isolated / "salescoach.db")
    assert sqlite3.connect(FIXTURE).execute("PRAGMA user_version").fetchone()[0] == 1

    listed = cli.json("customer", "list")
    assert [c["name"] for c in listed] == ["[bold]Kim[/bold]", "이서연"]
    connection = sqlite3.connect(isolated / "salescoach.db")
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY name")] == [
        name for name, _ in MIGRATIONS
    ]
    connection.close()
    assert dump(isolated / "salescoach.db") == before
    history = cli.json("history", "이서")
    assert history["balance"] == -1  # the promise due 2026-10-08 is still open
    assert cli.json("profile")["name"] == "Kim Minsu"
