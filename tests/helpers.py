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
