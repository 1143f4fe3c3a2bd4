"""Every daily command on both backends, over the demo book: each runs, and the two backends agree."""

import json

import pytest

COMMANDS = [
    ("followup", "--json"),
    ("customer", "list", "--json"),
    ("stats", "--json"),
    ("coach", "--json"),
    ("drill", "list", "--json"),
    ("history", "1", "--json"),
    ("prep", "1", "--json"),
    ("export", "--format", "json"),
]


@pytest.fixture
def demo(backend, cli):
    cli("demo", "--customers", "30")
    return backend


@pytest.mark.parametrize("command", COMMANDS, ids=lambda command: "-".join(command[:2]))
def test_command_runs(demo, cli, command):
    out = cli(*command).stdout
    assert json.loads(out) is not None


def test_both_backends_give_the_same_answers(team, cli, monkeypatch):
    """The same demo book on each backend reads the same through every command (ids count from 1 on both)."""
    answers = {}
    for backend in ("sqlite", "postgres"):
        if backend == "postgres":
            monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("alice"))
        cli("demo", "--customers", "30")
        answers[backend] = [cli(*command).stdout for command in COMMANDS]
    for command, sqlite, postgres in zip(COMMANDS, answers["sqlite"], answers["postgres"], strict=True):
        assert _timeless(json.loads(postgres)) == _timeless(json.loads(sqlite)), command


def _timeless(value):
    """A command's answer without the moments records were created at (the two demos ran seconds apart)."""
    if isinstance(value, dict):
        return {key: _timeless(item) for key, item in value.items() if key not in ("created", "exported")}
    if isinstance(value, list):
        return [_timeless(item) for item in value]
    return value
