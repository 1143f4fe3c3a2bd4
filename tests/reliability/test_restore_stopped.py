"""A restore stopped part-way, by Ctrl-C or killed outright, leaves the old book or the new one, whole, and what it
says is true: "nothing was saved" only over the old book; "Restored", or "interrupted after the changes were saved",
only over the new one."""

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from contextlib import closing

import pytest

from helpers import installed_script

NOTES = 60_000
"""Bulk notes that make the backup large enough for its restore to take a few seconds."""

MOMENTS = {
    "checking": lambda home: any(home.glob(".restore-*.partial")),  # its scratch copy of the backup exists
    "replacing": lambda home: (home / "backups").is_dir(),  # made just before it takes the lock to replace
    "saved the old book": lambda home: any((home / "backups").glob("salescoach-*")),  # it copies the tables now
    "any time up to 1.5 s": lambda home: False,
}
"""When to stop each restore: seen from outside, so a fast machine or a slow one stops it at the same step."""


def stop_at(process: subprocess.Popen, home, moment: str, how: int) -> None:
    deadline = time.monotonic() + (1.5 if moment.startswith("any") else 60)
    while process.poll() is None and not MOMENTS[moment](home) and time.monotonic() < deadline:
        time.sleep(0.002)
    process.send_signal(how)


TABLES = ("customers", "customer_tags", "notes", "visits", "promises", "followups", "purchases", "important_dates")


def fingerprint(path) -> tuple:
    """Enough of a book to tell two books apart, and whether it is intact."""
    with closing(sqlite3.connect(path)) as connection:
        intact = connection.execute("PRAGMA integrity_check").fetchone()[0]
        counts = tuple(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES)
        return intact, counts


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """A small book to be replaced and a large backup to replace it with (written once for all the trials)."""
    folder = tmp_path_factory.mktemp("books")
    env = {**os.environ, "SALESCOACH_HOME": str(folder / "home")}

    def salescoach(*args: str) -> None:
        subprocess.run([installed_script(), *args], env=env, check=True, capture_output=True, timeout=120)

    salescoach("demo", "--customers", "20", "--seed", "1")
    salescoach("backup", str(folder / "small.db"))
    salescoach("demo", "--customers", "30", "--seed", "2", "--force")
    salescoach("backup", str(folder / "large.db"))
    with closing(sqlite3.connect(folder / "large.db")) as connection:
        connection.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)"
            " INSERT INTO notes (customer_id, kind, text, noted_on)"
            " SELECT x % 50 + 1, 'personal', hex(randomblob(120)), '2026-01-01' FROM n",
            (NOTES,),
        )
        connection.commit()
    old, new = fingerprint(folder / "small.db"), fingerprint(folder / "large.db")
    assert old != new and old[0] == new[0] == "ok"
    return folder / "small.db", folder / "large.db", old, new


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "killed"])
def test_a_restore_stopped_part_way_leaves_one_whole_book_and_says_which(books, tmp_path, how):
    small, large, old, new = books
    finished = []
    for trial, moment in enumerate(MOMENTS):
        home = tmp_path / f"home-{trial}"
        home.mkdir(mode=0o700)
        shutil.copy(small, home / "salescoach.db")
        env = {**os.environ, "SALESCOACH_HOME": str(home)}
        process = subprocess.Popen(
            [installed_script(), "restore", str(large), "--yes"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        stop_at(process, home, moment, how)
        out, err = process.communicate(timeout=120)
        now = fingerprint(home / "salescoach.db")
        assert now in (old, new), (moment, now)
        if how == signal.SIGINT:
            if process.returncode == 1 and now == old and "nothing was saved" in err:
                # Known, not yet fixed: a Ctrl-C while the old book is being copied can leave the restore waiting
                # for the store's lock until the busy timeout (seen under load). The book and the message stay true.
                assert err.startswith("Error: the store is busy"), (moment, err)
            elif process.returncode == 130 and now == old:
                assert err == "Error: interrupted; nothing was saved\n", (moment, err)
                left = sorted(path.name for path in home.glob("backups/*"))
                assert not left, (moment, left)  # nor a copy of the old book kept for nothing
            elif process.returncode == 130:  # stopped while the store closed, after the commit
                assert err == "Error: interrupted after the changes were saved\n", (moment, err)
            else:
                assert process.returncode == 0 and out.startswith("Restored ") and now == new, (moment, out, err)
        finished.append(now == new)
    assert finished[:2] == [False, False], "stopped before it replaced the book, it must not have replaced it"
    after = subprocess.run([installed_script(), "customer", "list", "--json"], env=env, capture_output=True, timeout=60)
    assert after.returncode == 0, after.stderr  # what a stopped restore leaves opens and works


def test_a_killed_restores_scratch_copy_is_swept_by_the_next_restore(cli, isolated, tmp_path):
    cli("customer", "add", "Lee Jiwoo")
    copy = tmp_path / "copy.db"
    cli("backup", str(copy))
    ended = subprocess.Popen(["true"])  # a process that has ended, as a killed restore has
    ended.wait()
    killed = isolated / f".restore-{ended.pid}-x1.partial"
    running = isolated / f".restore-{os.getppid()}-x2.partial"  # a process alive now
    for scratch in (killed, running):
        shutil.copy(copy, scratch)
    cli("restore", str(copy), "--yes")
    assert not killed.exists() and running.exists()
    assert sorted(path.name for path in isolated.glob(".*")) == [running.name]


def test_a_killed_backups_scratch_copy_is_swept_by_the_next_backup_there(cli, tmp_path):
    cli("customer", "add", "Lee Jiwoo")
    folder = tmp_path / "backups"
    folder.mkdir()
    ended = subprocess.Popen(["true"])  # a process that has ended, as a killed backup has
    ended.wait()
    killed = folder / f".backup-{ended.pid}-x1.partial"
    running = folder / f".backup-{os.getppid()}-x2.partial"  # a process alive now
    unrelated = folder / f".restore-{ended.pid}-x3.partial"  # a restore's, swept by restores alone
    for scratch in (killed, running, unrelated):
        scratch.write_bytes(b"a whole book")
    cli("backup", str(folder / "monday.db"))
    assert sorted(path.name for path in folder.iterdir()) == sorted(["monday.db", running.name, unrelated.name])
