"""Hostile input is stored exactly, printed literally and never executed."""

import json
import os
import stat
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HOSTILE = [
    "[bold red]Kim[/bold red]",
    "\x1b[2J\x1b[31mcleared",
    "Lee\u202eesrever",
    "Robert'); DROP TABLE customers;--",
    "{rep} {0.__class__} {{name}}",
    "tab\tbell\x07null-free",
    "줄\n바꿈 😀 \"quotes\" 'single'",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_are_stored_exactly_and_printed_inert(cli, name):
    cli("customer", "add", name, "--company", name)
    cli("customer", "note", "1", "family", name)
    shown = cli.json("customer", "show", "1")
    assert shown["customer"]["name"] == name and shown["notes"][0]["text"] == name
    for args in (["customer", "list"], ["customer", "show", "1"], ["prep", "1"], ["history", "1"]):
        out = cli(*args).stdout
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
        if name.startswith("[bold"):
            assert "[bold red]Kim[/bold red]" in out
    brief = cli.json("prep", "1")
    assert brief["header"]["name"] == name
    assert "{0.__class__}" not in json.dumps(brief["plan"]) or name.startswith("{rep}")


def test_a_megabyte_note_is_stored_exactly(cli):
    cli("customer", "add", "Lee")
    big = "가" * 1_000_000
    cli("customer", "note", "Lee", "other", big)
    assert cli.json("customer", "show", "Lee")["notes"][0]["text"] == big


def test_debrief_file_with_python_tags_is_refused(cli, tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("customer: !!python/object/apply:os.system ['touch /tmp/pwned']\nchannel: visit\n")
    result = cli("debrief", "--from-file", str(path), code=2)
    assert result.stderr.startswith("Error: ") and "is not allowed" in result.stderr
    assert not os.path.exists("/tmp/pwned")


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "customer",
                "date",
                "channel",
                "feedback",
                "outcome",
                "tier",
                "stage",
                "notes",
                "promises",
                "next",
                "amount",
                "bogus",
            ]
        ),
        st.one_of(
            texts, st.integers(), st.none(), st.lists(texts, max_size=2), st.dictionaries(texts, texts, max_size=2)
        ),
    )
)
def test_any_debrief_file_is_accepted_or_refused_cleanly(cli, tmp_path, data):
    import yaml

    path = tmp_path / "any.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = cli.runner.invoke(cli.app, ["debrief", "--from-file", str(path), "--create"])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(texts, inner, max_size=3)),
    max_leaves=8,
)
record_keys = st.sampled_from(["visits", "promises", "notes", "dates", "followups", "purchases", "tier", "name"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.dictionaries(st.one_of(record_keys, texts), json_values, max_size=3), profile=json_values)
def test_any_edited_export_is_imported_or_refused_cleanly(cli, tmp_path, changes, profile):
    path = tmp_path / "book.json"
    customer = {"name": f"Kim {uuid.uuid4()}", "created": "2026-01-01", **changes}  # new each time: imported
    path.write_text(json.dumps({"salescoach_book": 1, "profile": profile, "customers": [customer]}), encoding="utf-8")
    result = cli.runner.invoke(cli.app, ["import", str(path)])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def test_store_folder_and_files_stay_private_after_backup_and_restore(cli, isolated, tmp_path):
    cli("customer", "add", "Lee")
    cli("prep", "Lee")  # writes the playbook cache
    backup = tmp_path / "b.db"
    cli("backup", str(backup))
    cli("restore", str(backup), "--yes")
    assert stat.S_IMODE(isolated.stat().st_mode) == 0o700
    for path in [backup, *isolated.glob("*.db*"), *(isolated / "backups").iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in [path for path in isolated.rglob("*") if path.is_dir()]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
