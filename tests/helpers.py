"""Plain helpers the tests share (fixtures are in conftest.py)."""

from __future__ import annotations

import os
import pty
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path


def installed_script() -> str:
    """The installed console script of the environment running the tests."""
    found = shutil.which("salescoach", path=str(Path(sys.executable).parent))
    assert found, "salescoach is not installed in the test environment"
    return found


def store_dump(path) -> str:
    """The store's whole content as SQL text."""
    connection = sqlite3.connect(path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def spawn_in_pty(*args: str) -> tuple[int, subprocess.Popen]:
    """The installed script in a pseudo-terminal of its own, 100 columns wide: (the terminal's end, the process)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [installed_script(), *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        close_fds=True,
        start_new_session=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(follower)
    return leader, process


def start_racer(command: tuple[str, ...], env: dict | None = None, cwd=None) -> subprocess.Popen:
    """The installed script running ``command`` in the background, its output kept for :func:`finished`."""
    return subprocess.Popen(
        [installed_script(), *command],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


def finished(processes: list[subprocess.Popen]) -> list[subprocess.CompletedProcess]:
    """Each racer's result once it has ended, in the order they were started."""
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(process.args[1:], process.returncode, out, err))
    return results


def one_winner(results, code: int, says: str) -> subprocess.CompletedProcess:
    """The one racer that succeeded; every other one failed with ``code`` saying ``says`` in one line."""
    won = [result for result in results if result.returncode == 0]
    lost = [result for result in results if result.returncode != 0]
    assert len(won) == 1, [(result.returncode, result.stdout, result.stderr) for result in results]
    for result in lost:
        assert result.returncode == code, result.stderr
        first, *rest = result.stderr.splitlines()
        assert first.startswith("Error: ") and says in first and len(rest) <= 1, result.stderr
        assert "Traceback" not in result.stderr and "locked" not in result.stderr
    return won[0]
