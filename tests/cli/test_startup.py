"""The commands a rep runs between meetings stay light: their plain output loads no Rich, YAML, pydantic or fsrs."""

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import os, sys
sys.argv = ["salescoach", *sys.argv[1:]]
os._exit = sys.exit  # main() ends the process at once; here it must come back to report
from salescoach.cli import main
try:
    main()
except SystemExit:
    pass
heavy = sorted(name for name in ("rich", "yaml", "pydantic", "fsrs") if name in sys.modules)
sys.stderr.write("heavy=" + ",".join(heavy) + "\\n")
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
    def heavy() -> str:
        done = subprocess.run(  # from another folder, so the installed package is the one imported
            [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        return done.stderr.rsplit("heavy=", 1)[1].strip()

    assert "yaml" in heavy()  # the first run reads and validates the playbooks, then caches them
    assert heavy() == ""


def test_command_modules_keep_real_annotations():
    """Typer would ``eval`` string annotations one by one: a third of the time ``salescoach --help`` takes."""
    import salescoach.cli

    for module in Path(salescoach.cli.__file__).parent.glob("*.py"):
        lines = module.read_text(encoding="utf-8").splitlines()
        assert "from __future__ import annotations" not in lines, module.name
