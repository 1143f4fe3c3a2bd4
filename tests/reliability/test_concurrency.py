"""Commands at once: every write lands, nobody sees "database is locked", and where a write depends on what was
read (an empty store, an open follow-up, a customer still there) exactly one racer wins and the others say why.

The races are lined up with :func:`race`: it holds the store's write lock while the racers start, so each gets as
far as it can (every read it makes before its transaction) before any of them may write. A command whose check
ran outside its transaction would then see the same state as its rivals and "win" with them.
"""

import json
import os
import sqlite3
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

import pytest

from helpers import finished, installed_script, one_winner, start_racer

WRITERS = 8


def test_parallel_debriefs_and_followups_all_land(run):
    for index in range(WRITERS):
        assert run("customer", "add", f"Customer {index}").returncode == 0
        assert run("followup", "add", f"Customer {index}", "--on", "today").returncode == 0

    def work(index: int) -> list[subprocess.CompletedProcess]:
        results = [run("followup", "done", f"f{index + 1}", "--no-next")]
        for round_ in range(3):
            results.append(
                run(
                    "debrief",
                    f"Customer {index}",
                    "--no-input",
                    "--channel",
                    "phone",
                    "--feedback",
                    f"round {round_}",
                    "--promise",
                    f"call back {round_}@+2d",
                )
            )
        return results

    with ThreadPoolExecutor(WRITERS) as pool:
        results = [result for batch in pool.map(work, range(WRITERS)) for result in batch]
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr
    for index in range(WRITERS):
        history = json.loads(run("history", f"Customer {index}", "--json").stdout)
        assert [e["kind"] for e in history["events"]].count("visit") == 3
        assert [e["kind"] for e in history["events"]].count("promise") == 3


def _waiting(process: subprocess.Popen, database: Path) -> bool:
    """Whether ``process`` has ``database`` (or a folder it locks) open and has stopped working: it waits for the
    lock, or has ended."""
    if process.poll() is not None:
        return True
    try:
        holds = any(os.path.realpath(link.path) == str(database) for link in os.scandir(f"/proc/{process.pid}/fd"))
        before = Path(f"/proc/{process.pid}/stat").read_text().split()[13:15]
        time.sleep(0.3)
        return holds and Path(f"/proc/{process.pid}/stat").read_text().split()[13:15] == before
    except OSError:
        return process.poll() is not None


def race(home: Path, *commands: tuple[str, ...]) -> list[subprocess.CompletedProcess]:
    """Start ``commands`` together while the write lock is held, let them go once all wait, return their results."""
    database = (home / "salescoach.db").resolve()
    with closing(sqlite3.connect(database, isolation_level=None)) as gate:
        gate.execute("BEGIN IMMEDIATE")
        processes = [start_racer(command, cwd=home.parent) for command in commands]
        deadline = time.monotonic() + 25  # well inside the store's 30-second busy timeout
        if Path("/proc/self/fd").is_dir():
            while not all(_waiting(process, database) for process in processes) and time.monotonic() < deadline:
                continue
        else:
            time.sleep(5)
        gate.execute("ROLLBACK")
    return finished(processes)


def test_demos_at_once_on_an_empty_store_make_one_book(run, isolated):
    assert run("customer", "list").returncode == 0  # the store exists, empty
    results = race(isolated, *[("demo", "--customers", "40", "--seed", str(seed)) for seed in range(4)])
    one_winner(results, 2, "the store already holds customers")
    assert len(json.loads(run("customer", "list", "--json").stdout or "[]")) == 40


def test_demos_at_once_in_a_new_data_folder_make_one_book(run, isolated):
    """No store yet: the racers create it, set it up and migrate it together, then one fills it."""
    processes = [
        subprocess.Popen(
            [installed_script(), "demo", "--customers", "40", "--seed", str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in range(4)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    results = [
        subprocess.CompletedProcess(process.args, process.returncode, *output)
        for process, output in zip(processes, outputs, strict=True)
    ]
    one_winner(results, 2, "the store already holds customers")
    assert len(json.loads(run("customer", "list", "--json").stdout)) == 40


def test_removing_a_customer_twice_at_once_removes_once(run, isolated):
    for name in ("Lee Jiwoo", "Park Sora", "Kim Minsu"):
        assert run("customer", "add", name).returncode == 0
    results = race(isolated, *[("customer", "remove", "2", "--yes")] * 3)
    won = one_winner(results, 1, "no customer with id 2")
    assert "Removed Park Sora." in won.stderr
    names = [customer["name"] for customer in json.loads(run("customer", "list", "--json").stdout)]
    assert names == ["Kim Minsu", "Lee Jiwoo"]


def test_a_customer_added_under_a_freed_id_is_not_removed_by_an_earlier_yes(run, isolated):
    from salescoach.errors import NotFound
    from salescoach.usecases.app import App
    from salescoach.usecases.customers import remove

    for name in ("Lee Jiwoo", "Park Sora"):
        assert run("customer", "add", name).returncode == 0

    def meanwhile(customer) -> bool:  # while the rep reads the question, another terminal frees id 2 and reuses it
        assert run("customer", "remove", "2", "--yes").returncode == 0
        assert "Added #2." in run("customer", "add", "Cho Hana").stderr
        return True

    with pytest.raises(NotFound, match="no customer with id 2"):
        remove(App.from_environment(), "2", meanwhile)
    names = [customer["name"] for customer in json.loads(run("customer", "list", "--json").stdout)]
    assert names == ["Cho Hana", "Lee Jiwoo"]


@pytest.fixture
def open_items(run):
    """Lee Jiwoo with an open follow-up f1 and an open promise p1 (from a debrief) and a birthday d1 today."""
    assert run("customer", "add", "Lee Jiwoo").returncode == 0
    debrief = ("debrief", "Lee Jiwoo", "--no-input", "--channel", "phone", "--promise", "send the brochure@+2d")
    assert run(*debrief).returncode == 0
    assert run("customer", "date", "Lee Jiwoo", "birthday", "11-25").returncode == 0


@pytest.mark.parametrize(
    "item, says",
    [
        ("f1", "follow-up f1 was already done"),
        ("p1", "promise p1 was already kept"),
        ("d1", "important date d1 was already handled"),
    ],
)
def test_finishing_an_item_twice_at_once_finishes_it_once(run, isolated, open_items, item, says):
    results = race(isolated, *[("followup", "done", item)] * 3)
    one_winner(results, 1, says)
    history = json.loads(run("history", "Lee Jiwoo", "--json").stdout)
    assert history["customer"]["last_contact"] == "2026-11-25"
    listed = json.loads(run("followup", "--days", "366", "--json").stdout)
    open_followups = [entry["id"] for entry in listed["items"] if entry["kind"] == "followup"]
    assert open_followups == (["f2"] if item == "f1" else ["f1"])  # f1 done once plans one next touch, not three


def test_the_same_customer_added_twice_at_once_is_noticed_once(run, isolated):
    assert run("customer", "list").returncode == 0
    results = race(isolated, *[("customer", "add", "Lee Jiwoo")] * 3)
    assert [result.returncode for result in results] == [0, 0, 0], [result.stderr for result in results]
    noticed = [result for result in results if "was already in your book" in result.stderr]
    assert len(noticed) == 2  # each later one is told of those before it, whichever order they ran in


def test_a_restore_racing_writes_loses_none_of_them(run, isolated, tmp_path):
    assert run("customer", "add", "In the backup").returncode == 0
    copy = tmp_path / "copy.db"
    assert run("backup", str(copy)).returncode == 0
    writers = [("customer", "add", f"Writer {index}") for index in range(4)]
    restore, *added = race(isolated, ("restore", str(copy), "--yes", "--json"), *writers)
    assert restore.returncode == 0, restore.stderr
    for result in added:
        assert result.returncode == 0, result.stderr
    kept = json.loads(restore.stdout)["previous_saved_to"]

    def names(database) -> set[str]:
        with closing(sqlite3.connect(database)) as connection:
            return {row[0] for row in connection.execute("SELECT name FROM customers")}

    live, before = names(isolated / "salescoach.db"), names(kept)
    assert "In the backup" in live
    for index in range(4):  # written before the restore (so in the kept book) or after it (so in the restored one)
        assert f"Writer {index}" in live | before, (live, before)


def test_a_store_locked_past_the_busy_timeout_is_a_one_line_runtime_error(cli, isolated, monkeypatch):
    from salescoach.store import connection

    cli("customer", "add", "Lee Jiwoo")
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 1000)
    with closing(sqlite3.connect(isolated / "salescoach.db", isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        failed = cli("customer", "add", "Park Sora", code=1)
        holder.execute("ROLLBACK")
    assert failed.stderr.splitlines()[0] == "Error: the store is busy: another salescoach command held it for 1 seconds"
    assert len(cli.json("customer", "list")) == 1


def test_config_changes_at_once_keep_each_other(run, isolated):
    """`config set` reads, changes and writes back config.yaml: racing, each must keep the other's change."""
    import fcntl

    assert run("config", "set", "language", "en").returncode == 0
    commands = [("config", "set", "language", "ko"), ("config", "set", "playbook", "bank")]
    descriptor = os.open(isolated, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # the racers start, and wait for the lock
        processes = [
            subprocess.Popen([installed_script(), *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for command in commands
        ]
        deadline = time.monotonic() + 25
        while not all(_waiting(process, isolated.resolve()) for process in processes) and time.monotonic() < deadline:
            continue
        assert [process.poll() for process in processes] == [None, None], "config set did not wait for the lock"
    finally:
        os.close(descriptor)
    for process in processes:
        assert process.wait(timeout=60) == 0, process.stderr.read()
    settings = json.loads(run("config", "get", "--json").stdout)
    assert (settings["language"], settings["playbook"]) == ("ko", "bank")


def test_done_and_snooze_at_once_agree(run, isolated, open_items):
    """Whichever goes first, the follow-up ends done, and a snooze that came second says it was already done."""
    done, snoozed = race(isolated, ("followup", "done", "f1", "--no-next"), ("followup", "snooze", "f1", "--to", "+3d"))
    assert done.returncode == 0, done.stderr
    assert snoozed.returncode == 0 or (
        snoozed.returncode == 1 and snoozed.stderr.startswith("Error: follow-up f1 was already done")
    ), snoozed.stderr
    listed = json.loads(run("followup", "--days", "366", "--json").stdout)
    assert [entry["id"] for entry in listed["items"] if entry["kind"] == "followup"] == []
