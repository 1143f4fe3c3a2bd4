"""Backups: a copy that restores the book exactly, taken safely while another command writes, under exactly the
name given; and a restore that checks the file fully before it asks and keeps the current book before it replaces
it."""

import shutil
import sqlite3
import subprocess
import time
from contextlib import closing
from pathlib import Path

import pytest

from helpers import installed_script
from salescoach.store.migrations import MIGRATIONS

FIXTURES = Path(__file__).parent / "fixtures"


def store(home):
    return home / "salescoach.db"


def test_backup_and_restore_round_trip(cli, isolated, tmp_path, dump):
    cli("demo", "--customers", "30", "--seed", "3")
    before = dump(store(isolated))
    copy = tmp_path / "copy.db"
    assert cli.json("backup", str(copy))["customers"] == 30
    assert cli("backup", str(copy), code=2).stderr.startswith("Error: ")  # never overwrites a backup

    cli("customer", "add", "Made after the backup")
    cli("debrief", "1", "--no-input", "--channel", "phone", "--feedback", "fine")
    changed = dump(store(isolated))
    restored = cli.json("restore", str(copy), "--yes")

    assert restored["customers"] == 30
    assert dump(store(isolated)) == before
    assert dump(restored["previous_saved_to"]) == changed  # the replaced book is kept, not lost


def test_backup_into_the_backups_folder_by_default(cli, isolated):
    cli("customer", "add", "Lee")
    made = cli.json("backup")
    assert made["path"].startswith(str(isolated / "backups"))
    assert sqlite3.connect(made["path"]).execute("SELECT name FROM customers").fetchall() == [("Lee",)]


def _copy_of_the_store(home, path):
    """A clean single-file copy of the store, for a test to spoil."""
    with closing(sqlite3.connect(store(home))) as connection, closing(sqlite3.connect(path)) as copy:
        connection.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    return sqlite3.connect(path)


def _sql_on_a_copy(*statements):
    def spoil(home, path):
        with closing(_copy_of_the_store(home, path)) as connection:
            for statement in statements:
                connection.execute(statement)
            connection.commit()

    return spoil


def _another_programs_file(home, path):
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO customers (name) VALUES ('Someone else')")
        connection.commit()


def _overwritten_pages(home, path):
    _copy_of_the_store(home, path).close()
    data = bytearray(path.read_bytes())
    data[2 * 4096 : 6 * 4096] = bytes(range(256)) * 64  # table pages turned to noise; the header survives
    path.write_bytes(bytes(data))


def _truncated(home, path):
    _copy_of_the_store(home, path).close()
    path.write_bytes(path.read_bytes()[:5000])


SPOILT = {
    "missing": (lambda home, path: None, "no backup file at"),
    "a folder": (lambda home, path: path.mkdir(), "no backup file at"),
    "empty": (lambda home, path: path.write_bytes(b""), "is not a salescoach store"),
    "not SQLite": (lambda home, path: path.write_bytes(b"not a database at all" * 100), "is not a salescoach store"),
    "SQLite with a customers table": (_another_programs_file, "is not a salescoach store"),
    "migrations not ours": (_sql_on_a_copy("UPDATE migrations SET name = 'x' || name"), "is not a salescoach store"),
    "a table missing": (_sql_on_a_copy("DROP TABLE purchases"), "is not a salescoach store"),
    "a column missing": (_sql_on_a_copy("ALTER TABLE notes DROP COLUMN noted_on"), "is not a salescoach store"),
    "newer": (_sql_on_a_copy("PRAGMA user_version = 99"), "was written by a newer salescoach"),
    "corrupted": (_overwritten_pages, "is damaged"),
    "truncated": (_truncated, "is damaged"),
    "records pointing nowhere": (
        _sql_on_a_copy("DELETE FROM customers WHERE id = (SELECT customer_id FROM notes LIMIT 1)"),  # keys off
        "some records point at records it lacks",
    ),
}


@pytest.mark.parametrize("spoilt", SPOILT)
def test_restore_checks_the_file_fully_before_it_asks(cli, isolated, tmp_path, dump, spoilt):
    cli("demo", "--customers", "20", "--seed", "4")
    before, files = dump(store(isolated)), sorted(isolated.rglob("*"))
    spoil, says = SPOILT[spoilt]
    path = tmp_path / "spoilt.db"
    spoil(isolated, path)
    result = cli("restore", str(path), code=1)  # no --yes and no input: it must not get as far as asking
    assert says in result.stderr and "Replace" not in result.stdout, result.stderr
    assert result.stderr.count("\n") == 1 and "nothing was restored" in result.stderr or "no backup" in says
    assert dump(store(isolated)) == before
    assert sorted(isolated.rglob("*")) == files  # no backup made, no scratch copy left behind


@pytest.mark.parametrize("name", ["book#2.db", "100% sure.db", "a file%3F?mode=memory.db", "고객 장부 백업.db"])
def test_any_file_name_is_the_file_named(cli, isolated, tmp_path, dump, name):
    """'#', '%', '?', spaces and Hangul are part of the name: never read as a URI (book#2.db once meant book)."""
    cli("customer", "add", "Lee Jiwoo")
    before = dump(store(isolated))
    folder = tmp_path / "r"
    folder.mkdir()
    cli("backup", str(folder / name))
    cli("customer", "add", "Park Sora")
    assert cli.json("restore", str(folder / name), "--yes")["customers"] == 1
    assert dump(store(isolated)) == before
    assert [path.name for path in folder.iterdir()] == [name]  # nothing else made or left beside it


def test_a_relative_name_like_a_uri_is_a_file_too(cli, isolated, tmp_path, monkeypatch, dump):
    cli("customer", "add", "Lee Jiwoo")
    monkeypatch.chdir(tmp_path)
    cli("backup", "file:book.db?mode=memory")
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["file:book.db?mode=memory"]
    cli("customer", "add", "Park Sora")
    assert cli.json("restore", "file:book.db?mode=memory", "--yes")["customers"] == 1


def test_a_book_of_an_earlier_version_is_restored_and_upgraded(cli, isolated, tmp_path):
    fixture = tmp_path / "schema-v1.db"
    shutil.copy(FIXTURES / "schema-v1.db", fixture)
    original = fixture.read_bytes()
    with closing(sqlite3.connect(fixture)) as connection:
        customers = connection.execute("SELECT count(*) FROM customers").fetchone()[0]
    cli("customer", "add", "Lee Jiwoo")
    assert cli.json("restore", str(fixture), "--yes")["customers"] == customers
    with closing(sqlite3.connect(store(isolated))) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert fixture.read_bytes() == original  # read, never written to (nor given -wal and -shm files)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home", fixture.name]


def test_a_backup_never_replaces_a_file_or_follows_a_link(cli, isolated, tmp_path):
    cli("customer", "add", "Lee Jiwoo")
    elsewhere = tmp_path / "elsewhere.db"
    link = tmp_path / "link.db"
    link.symlink_to(elsewhere)  # dangling: a backup through it would land in elsewhere.db
    assert "exists already" in cli("backup", str(link), code=2).stderr
    assert not elsewhere.exists() and link.is_symlink()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["home", "link.db"]  # and no scratch file left


def test_restore_asks_with_the_size_of_the_book_it_replaces(cli, isolated, tmp_path, dump):
    cli("customer", "add", "Lee")
    copy = tmp_path / "copy.db"
    cli("backup", str(copy))
    cli("customer", "add", "Park")
    before = dump(store(isolated))
    refused = cli("restore", str(copy), input="n\n")
    assert f"Replace your current book (2 customers) with {copy}?" in refused.stdout
    assert "Nothing was restored." in refused.stderr
    assert dump(store(isolated)) == before


def test_backup_while_another_command_writes_is_whole(isolated, tmp_path, run):
    """A backup taken during a large demo write holds all of that write or none of it, and is intact."""
    writer = subprocess.Popen(
        [installed_script(), "demo", "--customers", "3000", "--seed", "5"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    copies = []
    try:
        while writer.poll() is None:
            copy = tmp_path / f"during-{len(copies)}.db"
            result = run("backup", str(copy))
            assert result.returncode == 0, result.stderr
            copies.append(copy)
            time.sleep(0.05)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0 and copies, "the demo ended before a backup could be taken during it"
    after = tmp_path / "after.db"
    assert run("backup", str(after)).returncode == 0
    counts = []
    for copy in [*copies, after]:
        connection = sqlite3.connect(copy)
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts.append(connection.execute("SELECT count(*) FROM customers").fetchone()[0])
        connection.close()
    assert set(counts[:-1]) <= {0, 3000} and counts[-1] == 3000, counts


@pytest.mark.parametrize("home", ["a#b %41 장부", "file:home?mode=memory"])
def test_a_data_folder_named_like_a_uri_holds_its_own_store(cli, tmp_path, monkeypatch, home):
    """The store itself is opened as a path: a relative SALESCOACH_HOME starting 'file:' once opened another file."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SALESCOACH_HOME", home)
    cli("customer", "add", "Lee Jiwoo")
    cli("backup", "copy.db")
    cli("restore", "copy.db", "--yes")
    with closing(sqlite3.connect(tmp_path / home / "salescoach.db")) as connection:
        assert connection.execute("SELECT name FROM customers").fetchall() == [("Lee Jiwoo",)]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([home.split("/")[0], "copy.db"])


@pytest.mark.parametrize(("lang", "said"), [((), "Backed up 1 customer to"), (("--lang", "ko"), "고객 1명을")])
def test_a_book_of_one_customer_is_said_as_one(cli, tmp_path, lang, said):
    cli("customer", "add", "Lee Jiwoo")
    assert said in cli(*lang, "backup", str(tmp_path / "one.db")).stdout
