"""What an interrupted command says is true: "nothing was saved" before its transaction commits, "the changes were
saved" after (while the store closes or the result prints); and an unreadable backup is said to be unreadable."""

import json
import os

import pytest

from salescoach.store.sqlite import SqliteStore


def test_ctrl_c_inside_the_transaction_saves_nothing_and_says_so(cli, monkeypatch):
    def interrupted(self, customer):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(SqliteStore, "add_customer", interrupted)
        result = cli("customer", "add", "Lee Jiwoo", code=130)
    assert result.stderr == "Error: interrupted; nothing was saved\n"
    assert cli.json("customer", "list") == []


def test_ctrl_c_after_the_commit_says_the_changes_were_saved(cli, monkeypatch):
    close = SqliteStore.close

    def interrupted(self):
        close(self)
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(SqliteStore, "close", interrupted)
        result = cli("customer", "add", "Lee Jiwoo", code=130)
        listed = cli("customer", "list", code=130)  # a command that writes nothing, interrupted, saved nothing
    assert result.stderr.splitlines()[-1] == "Error: interrupted after the changes were saved"
    assert listed.stderr.splitlines()[-1] == "Error: interrupted; nothing was saved"
    assert [customer["name"] for customer in cli.json("customer", "list")] == ["Lee Jiwoo"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_backup_is_said_to_be_unreadable(cli, isolated, tmp_path):
    cli("customer", "add", "Lee Jiwoo")
    copy = tmp_path / "copy.db"
    cli("backup", str(copy))
    copy.chmod(0)
    result = cli("restore", str(copy), "--yes", code=1)
    assert result.stderr == f"Error: {copy}: Permission denied\n"
    assert json.loads(cli("customer", "list", "--json").stdout)[0]["name"] == "Lee Jiwoo"
