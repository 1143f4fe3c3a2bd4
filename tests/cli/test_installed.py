"""The installed script, run as a rep runs it: a real process, from an unrelated folder."""

import contextlib
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

from helpers import installed_script


def test_first_prep_sheet_works_from_anywhere_with_no_data(run, isolated):
    result = run("prep", "First Customer")
    assert result.returncode == 0, result.stderr
    assert "Who are you?" in result.stdout and "salescoach customer add 'First Customer'" in result.stdout
    shipped = Path(json.loads(run("paths", "--json").stdout)["shipped_playbooks"])
    assert (shipped / "core.yaml").is_file()


def test_python_dash_m_works(isolated):
    result = subprocess.run([sys.executable, "-m", "salescoach", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip()


def test_plain_output_when_piped(run, isolated):
    result = run("prep", "Lee", env={"NO_COLOR": "", "TERM": "xterm-256color"})
    assert "\x1b[" not in result.stdout


def test_a_reader_that_stops_early_is_no_error(run, isolated):
    assert run("demo", "--customers", "300").returncode == 0
    process = subprocess.Popen(  # like `salescoach followup --limit 0 --days 366 | head -c 100`
        [installed_script(), "followup", "--limit", "0", "--days", "366"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.read(100)
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


def test_dates_far_from_today_are_refused_in_one_line(run, isolated):
    for when in ("9999-12-30", "0001-01-01"):
        result = run("followup", "--date", when)
        assert result.returncode == 2 and "out of range" in result.stderr and "Traceback" not in result.stderr


def test_usage_errors_exit_2_without_traceback(run, isolated):
    for args in (["prep"], ["followup", "--days", "0"], ["nonsense"], ["customer", "add", "X", "--tier"]):
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_every_command_has_help_with_an_example(cli):
    import typer.main

    group = typer.main.get_command(cli.app)

    def walk(command, path):
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                yield from walk(sub, [*path, name])
        else:
            yield path, command

    commands = list(walk(group, []))
    assert len(commands) >= 20
    for path, command in commands:
        assert command.help and "Example" in command.help, f"salescoach {' '.join(path)} lacks help or an example"


def test_progress_goes_to_stderr_on_a_terminal_and_nowhere_in_a_pipe(run, isolated, tmp_path):
    piped = run("demo", "--customers", "50")
    assert piped.stdout.startswith("Demo book: 50 customers") and piped.stderr == ""
    csv = tmp_path / "c.csv"
    csv.write_text("name\nKim\n", encoding="utf-8")
    imported = run("import", str(csv))
    assert imported.stdout.startswith("Added 1,") and imported.stderr == ""

    controller, terminal = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"} | {"TERM": "xterm-256color"}
    process = subprocess.Popen(
        [installed_script(), "demo", "--customers", "50", "--force"], stdout=subprocess.PIPE, stderr=terminal, env=env
    )
    os.close(terminal)
    shown = b""
    with contextlib.suppress(OSError):  # the terminal closes with the process
        while chunk := os.read(controller, 4096):
            shown += chunk
    assert process.wait(timeout=60) == 0
    assert process.stdout.read().startswith(b"Demo book: 50 customers")
    assert b"Writing the demo book" in shown
