"""Backups: a copy that restores the book exactly, taken safely while another command writes, and a restore that
checks the file before it asks and keeps the current book before it replaces it."""

import shutil
import sqlite3
import subprocess
import time

from helpers import installed_script


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


def test_restore_checks_the_file_before_it_asks(cli, isolated, tmp_path, dump):
    cli("customer", "add", "Lee")
    before = dump(store(isolated))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    truncated = tmp_path / "truncated.db"
    shutil.copy(store(isolated), truncated)
    truncated.write_bytes(truncated.read_bytes()[:5000])
    for path, says in [
        (tmp_path / "missing.db", "no backup file at"),
        (garbage, "is not a salescoach store"),
        (truncated, "nothing was restored"),
    ]:
        result = cli("restore", str(path), code=1)  # no --yes and no input: it must not get as far as asking
        assert says in result.stderr and "Replace" not in result.stdout, result.stderr
    assert dump(store(isolated)) == before
    assert not (isolated / "backups").exists() or not any((isolated / "backups").iterdir())


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
