"""The installed script, run as a rep runs it: a real process, from an unrelated folder."""

import json
import subprocess
import sys
from pathlib import Path


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
