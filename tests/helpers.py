"""Plain helpers the tests share (fixtures are in conftest.py)."""

from __future__ import annotations

import shutil
import sqlite3
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
