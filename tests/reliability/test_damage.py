"""Crashes, damaged files, read-only folders and full disks: a clear error, and the data never "repaired" away."""

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers import installed_script


def test_sigkill_during_a_large_write_leaves_all_or_nothing(isolated):
    process = subprocess.Popen(
        [installed_script(), "demo", "--customers", "30000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    database = isolated / "salescoach.db"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (isolated / "salescoach.db-wal").exists():
        time.sleep(0.02)
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM customers").fetchone()[0] in (0, 30000)
    connection.close()


def test_truncated_store_is_a_clear_error_and_left_alone(run, isolated):
    assert run("customer", "add", "Lee").returncode == 0
    database = isolated / "salescoach.db"
    connection = sqlite3.connect(database)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 3])
    (isolated / "salescoach.db-wal").unlink(missing_ok=True)
    damaged = database.read_bytes()
    result = run("customer", "list")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert database.read_bytes() == damaged


def test_garbage_store_is_a_clear_error_and_left_alone(run, isolated):
    isolated.mkdir(mode=0o700)
    garbage = os.urandom(50_000)
    (isolated / "salescoach.db").write_bytes(garbage)
    result = run("followup")
    assert result.returncode == 1 and result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr
    assert (isolated / "salescoach.db").read_bytes() == garbage


@contextmanager
def read_only(folder: Path):
    """No file can be created in ``folder``: by permissions, or, for root (CI), who ignores them, by making the
    folder immutable (``chattr +i``); skips where neither is possible."""
    if os.geteuid() != 0:
        change, undo = ["chmod", "500", str(folder)], ["chmod", "700", str(folder)]
    else:
        change, undo = ["chattr", "+i", str(folder)], ["chattr", "-i", str(folder)]
    if not shutil.which(change[0]) or subprocess.run(change, capture_output=True).returncode != 0:
        pytest.skip(f"cannot make a folder read-only here ({change[0]})")
    try:
        yield
    finally:
        subprocess.run(undo, check=True)


@pytest.mark.parametrize(
    "command",
    [["customer", "add", "Park"], ["followup"], ["config", "set", "language", "ko"], ["backup"]],
    ids=" ".join,
)
def test_read_only_folder_is_a_clear_error_and_loses_nothing(run, isolated, dump, command):
    assert run("customer", "add", "Lee").returncode == 0
    before = dump(isolated / "salescoach.db")
    with read_only(isolated):
        result = run(*command)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert dump(isolated / "salescoach.db") == before


def test_full_disk_is_a_clear_error_and_loses_nothing(run, isolated, dump):
    assert run("customer", "add", "Lee").returncode == 0
    before = dump(isolated / "salescoach.db")

    def tiny_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        size = (isolated / "salescoach.db").stat().st_size
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    result = subprocess.run(
        [installed_script(), "demo", "--customers", "3000", "--force"],
        capture_output=True,
        text=True,
        preexec_fn=tiny_files,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    assert dump(isolated / "salescoach.db") == before
