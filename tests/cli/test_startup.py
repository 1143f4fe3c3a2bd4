"""The commands a rep runs between meetings stay light: their plain output loads no Rich, YAML, pydantic or fsrs,
and a rep's own book (SQLite) never loads the team server's driver, psycopg."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import os, sys
sys.argv = ["salescoach", *sys.argv[1:]]
os._exit = sys.exit  # main() ends the process at once; here it must come back to report
from salescoach.cli import main
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code or 0
heavy = sorted(name for name in ("rich", "yaml", "pydantic", "fsrs", "psycopg") if name in sys.modules)
sys.stderr.write(f"code={code}\\nheavy=" + ",".join(heavy) + "\\n")
"""


@pytest.mark.parametrize(
    "args",
    [
        ["followup"],
        ["prep", "First Customer"],
        ["followup", "--json"],
        ["check", "Ms. Park, thank you!"],
        ["coach"],
        ["drill", "list"],
    ],
)
def test_daily_commands_import_no_heavy_modules_once_playbooks_are_cached(args, tmp_path):
    assert "yaml" in heavy(args, tmp_path)  # the first run reads and validates the playbooks, then caches them
    assert heavy(args, tmp_path) == []


def heavy(args: list[str], folder: Path, code: int = 0, env: dict | None = None) -> list[str]:
    """The heavy modules a command loaded, run from ``folder`` so the installed package is the one imported."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=folder,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stderr
    ended, loaded = done.stderr.rsplit("code=", 1)[1].split("\nheavy=")
    assert ended == str(code), done.stderr
    return [name for name in loaded.strip().split(",") if name]


OWN_BOOK = [
    ["customer", "add", "Lee Jiwoo"],
    ["debrief", "Lee Jiwoo", "--no-input", "--channel", "phone", "--promise", "call back@+2d"],
    ["followup", "--json"],
    ["prep", "Lee Jiwoo", "--full"],
    ["stats"],
    ["export", "--format", "json"],
    ["customer", "remove", "Lee Jiwoo", "--yes"],
]


def test_the_own_book_never_imports_the_team_driver(tmp_path):
    """Even the first run, which loads everything else, leaves psycopg alone when no team database is set."""
    for args in OWN_BOOK:
        assert "psycopg" not in heavy(args, tmp_path), args


def test_a_team_database_imports_the_team_driver(tmp_path):
    """The probe sees psycopg when it is loaded: here a team database is set (and cannot be reached)."""
    nowhere = f"postgresql://alice@/team?host={tmp_path}"
    assert "psycopg" in heavy(["followup"], tmp_path, code=1, env={"SALESCOACH_DATABASE_URL": nowhere})


def test_command_modules_keep_real_annotations():
    """Typer would ``eval`` string annotations one by one: a third of the time ``salescoach --help`` takes."""
    import salescoach.cli

    for module in Path(salescoach.cli.__file__).parent.glob("*.py"):
        lines = module.read_text(encoding="utf-8").splitlines()
        assert "from __future__ import annotations" not in lines, module.name
