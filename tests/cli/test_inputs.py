"""Input is applied or refused, never silently dropped; each field has one rule for every way in; a file the rep
named is read safely; the first and last moments of a command are as clean as the middle."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import installed_script

VISIT = "customer: Lee Jiwoo\nchannel: visit\n"


@pytest.fixture
def lee(cli):
    cli("customer", "add", "Lee Jiwoo", "--tier", "warm")
    return "Lee Jiwoo"


def _file(tmp_path, text: str, name: str = "visit.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _one_line_error(result, *words: str) -> None:
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") <= 2, result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr, result.stderr


# -- input silently ignored: applied or refused ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "named"),
    [(["Lee Jiwoo"], "CUSTOMER"), (["--feedback", "x"], "--feedback"), (["--tier", "hot"], "--tier")],
)
def test_a_debrief_file_with_arguments_or_answer_flags_is_refused(cli, lee, tmp_path, dump, isolated, extra, named):
    before = dump(isolated / "salescoach.db")
    result = cli("debrief", *extra, "--from-file", _file(tmp_path, VISIT), code=2)
    _one_line_error(result, "--from-file", named)
    assert dump(isolated / "salescoach.db") == before
    cli("debrief", "--from-file", _file(tmp_path, VISIT), "--json")  # --json and --create go with a file


@pytest.mark.parametrize(
    ("flags", "channel", "kind"),
    [(["--next-channel", "sms"], "sms", None), (["--next-type", "help"], None, "help")],
)
def test_a_next_channel_or_type_without_a_date_is_applied_on_the_cadences_date(cli, lee, flags, channel, kind):
    result = cli.json("debrief", lee, "--no-input", "--channel", "visit", *flags)
    planned = result["next"]
    assert planned["due"] > "2026-11-25"
    assert planned["channel"] == (channel or planned["channel"]) and planned["type"] == (kind or "care")


@pytest.mark.parametrize(
    "text",
    [
        VISIT + "outcome: lost\nlost_reason: dislike\nnext: {date: +3d}\n",
        VISIT + "outcome: progress\namount: 500\n",
        VISIT + "stage: true\n",
        VISIT + "channel: phone\n",
        VISIT + "amount: .inf\noutcome: sale\n",
    ],
    ids=["next-with-lost", "amount-without-sale", "stage-true", "duplicate-key", "infinite-amount"],
)
def test_a_debrief_file_that_would_lose_or_bend_a_value_is_refused(cli, lee, tmp_path, text):
    _one_line_error(cli("debrief", "--from-file", _file(tmp_path, text), code=2))


def test_next_with_no_next_is_refused(cli, lee):
    cli("followup", "add", lee, "--on", "today")
    _one_line_error(cli("followup", "done", "f1", "--next", "+3d", "--no-next", code=2), "--no-next")


def test_duplicate_keys_are_refused_in_every_yaml_file(cli, isolated, tmp_path):
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.yaml").write_text("language: en\nlanguage: ko\n")
    _one_line_error(cli("paths", code=2), "config.yaml:2", "'language' is given twice (first on line 1)")
    (isolated / "config.yaml").unlink()
    pack = _file(tmp_path, "extends: core\ntitle: A\ntitle: B\n", "pack.yaml")
    assert "pack.yaml:3: 'title' is given twice" in cli("playbook", "validate", pack, code=2).stderr


# -- dates: one rule for every way in ------------------------------------------------------------------------------

BAD_DATES = ["2026-13-45", "9999-12-31", "0000-01-01", "1899-12-31", "2026-99999999999999999999-01"]


@pytest.mark.parametrize("day", BAD_DATES)
@pytest.mark.parametrize(
    "shape",
    ["date: {day}\n", "promises: [{{text: rates, due: {day}}}]\n", "next: {{date: {day}}}\n"],
    ids=["date", "promise-due", "next-date"],
)
def test_a_bad_date_in_a_debrief_file_is_a_usage_error(cli, lee, tmp_path, day, shape):
    result = cli("debrief", "--from-file", _file(tmp_path, VISIT + shape.format(day=day)), code=2)
    _one_line_error(result, day)


@pytest.mark.parametrize("day", ["99999999999999999999-01-01", "0000-03-14", "2026-99999999999999999999-01"])
def test_an_important_date_out_of_the_calendar_is_a_usage_error(cli, lee, day):
    _one_line_error(cli("customer", "date", lee, "birthday", day, code=2))


@pytest.mark.parametrize("day", ["3000-01-01", "0001-01-01", "2026-02-30", "soon"])
def test_salescoach_today_outside_the_rule_is_a_usage_error(cli, day):
    _one_line_error(cli("followup", code=2, today=day), "SALESCOACH_TODAY")


def test_a_date_in_a_user_playbook_is_text_and_a_broken_playbook_falls_back_with_a_warning(cli, isolated):
    pack = isolated / "playbooks" / "retail.yaml"
    pack.parent.mkdir(parents=True)
    pack.write_text("extends: core\ntitle: 2026-13-45\n")  # a date-like title is just text
    cli("customer", "add", "Kim", "--playbook", "retail")
    cli("followup", "add", "Kim", "--on", "today")
    pack.write_text("extends: core\ntitle: Retail\npriority:\n  promise: 9999-12-31\n")
    result = cli("followup")
    assert "Kim" in result.stdout and "retail" in result.stderr and "priority.promise" in result.stderr
    _one_line_error(cli("prep", "Kim", code=2), "retail.yaml:4", "priority.promise")


@pytest.mark.parametrize("day", ["-30d", "yesterday", "2026-01-01"])
def test_a_day_planned_ahead_cannot_be_in_the_past_however_it_is_given(cli, lee, day):
    _one_line_error(cli("followup", "add", lee, "--on", day, code=2), "in the past")
    cli("followup", "add", lee, "--on", "today")
    _one_line_error(cli("followup", "done", "f1", "--next", day, code=2), "in the past")
    _one_line_error(cli("followup", "snooze", "f1", "--to", day, code=2))


# -- numbers -------------------------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    reference=st.one_of(
        st.text(alphabet=st.characters(categories=("Nd", "No")), min_size=1, max_size=30),
        st.integers(min_value=2**63 - 5, max_value=10**30).map(str),
        st.just("9" * 5000),
    )
)
def test_an_id_of_any_digits_is_a_customer_or_a_clean_not_found(cli, reference):
    for command in (["history"], ["prep"], ["customer", "show"]):
        result = cli.runner.invoke(cli.app, [*command, reference])
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


@pytest.mark.parametrize(
    "args",
    [
        ["followup", "--limit", "9223372036854775808"],
        ["followup", "--limit", "9" * 5000],
        ["debrief", "Lee Jiwoo", "--no-input", "--channel", "visit", "--outcome", "sale", "--amount", "1e308"],
        ["debrief", "Lee Jiwoo", "--no-input", "--channel", "visit", "--outcome", "sale", "--amount", "inf"],
        ["stats", "--margin", "nan"],
        ["profile", "set", "--years", "81"],
        ["config", "set", "profile.years", "81"],
        ["config", "set", "profile.years", "²"],
        ["config", "set", "profile.customer_count", "9" * 30],
    ],
)
def test_numbers_out_of_their_rule_are_usage_errors(cli, lee, dump, isolated, args):
    before = dump(isolated / "salescoach.db")
    result = cli(*args, code=2)
    assert "Traceback" not in result.output and result.stderr.strip()
    assert dump(isolated / "salescoach.db") == before
    cli("stats", "--json")  # still sums


def test_years_have_one_bound_whichever_way_they_come(cli):
    cli("profile", "set", "--years", "80")
    cli("config", "set", "profile.years", "80")
    assert "profile.years" in cli("config", "set", "profile.years", "81", code=2).stderr
    assert "80" in cli("profile", "set", "--years", "81", code=2).stderr


# -- text ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["customer", "add", "x\udcffy"],
        ["prep", "x\udcffy"],
        ["history", "\ud800"],
        ["followup", "--date", "x\udcff"],
        ["customer", "add", "a\x00b"],
        ["debrief", "--from-file", "a\x00b.yaml"],
    ],
)
def test_invalid_text_in_any_argument_is_refused_at_the_door(cli, args):
    _one_line_error(cli(*args, code=2))


@pytest.mark.parametrize(
    "text",
    ['customer: "a\\0b"\nchannel: visit\n', 'customer: Lee Jiwoo\nchannel: visit\nfeedback: "ok\\0"\n'],
)
def test_a_nul_is_refused_in_a_debrief_file_as_on_the_command_line(cli, lee, tmp_path, text):
    _one_line_error(cli("debrief", "--from-file", _file(tmp_path, text), "--create", code=2), "NUL")


@pytest.mark.parametrize(("way", "value"), [("--email", "no-at-sign"), ("--email", "@"), ("--phone", "call me")])
def test_an_email_or_phone_the_import_would_refuse_is_refused_by_add_and_edit(cli, lee, way, value):
    _one_line_error(cli("customer", "add", "Kim", way, value, code=2))
    _one_line_error(cli("customer", "edit", lee, way, value, code=2))


# -- files ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", [["debrief", "--from-file"], ["playbook", "validate"]])
def test_a_device_is_refused_by_the_size_guard(cli, command, device):
    assert "at most 1,000,000 bytes" in cli(*command, device, code=2).stderr


@pytest.mark.parametrize("command", [["debrief", "--from-file"], ["playbook", "validate"]])
def test_a_missing_unreadable_or_folder_file_is_a_usage_error(cli, tmp_path, command):
    for path in (tmp_path / "missing #% 한.yaml", tmp_path):
        result = cli(*command, str(path), code=2)
        assert "cannot read" in result.stderr and "playbook" not in result.stderr


def test_a_pipe_with_no_writer_does_not_hang(cli, tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "must be a YAML mapping" in cli("debrief", "--from-file", str(pipe), code=2).stderr


def test_a_yaml_error_at_the_end_names_the_line_where_the_bracket_opened(cli, lee, tmp_path):
    text = VISIT + "topics: [greeting,\n  deepening\n\nfeedback: fine\n"
    result = cli("debrief", "--from-file", _file(tmp_path, text), code=2)
    assert "visit.yaml:3:" in result.stderr and "not closed" in result.stderr


def test_playbook_show_with_an_empty_name_is_not_found(cli):
    _one_line_error(cli("playbook", "show", "", code=1), "no playbook named ''")


@pytest.mark.parametrize("text", ["language:\n", "playbook: ''\n"])
def test_an_empty_value_in_config_is_no_setting(cli, isolated, text):
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.yaml").write_text(text)
    assert cli.json("config", "get")["language"] is None


# -- global options, usage, the first and last moments -------------------------------------------------------------


def test_global_options_work_after_the_command(cli, lee):
    assert cli("customer", "list", "--lang", "ko").stdout.startswith("번호")
    assert cli("prep", lee, "--lang=ko").stdout != cli("prep", lee).stdout
    assert cli("history", lee, "--version").stdout.strip()[0].isdigit()
    with_value = cli("debrief", lee, "--no-input", "--channel", "visit", "--feedback", "--lang", "--json").stdout
    assert '"feedback": "--lang"' in with_value  # an option's value stays its value


@pytest.mark.parametrize(
    "args",
    [
        ["followup", "--json", "done", "f1"],
        ["followup", "--date", "friday", "done", "f1"],
        ["profile", "--json", "set"],
    ],
)
def test_an_option_of_a_group_before_its_command_is_refused_not_dropped(cli, lee, dump, isolated, args):
    cli("followup", "add", lee, "--on", "today")
    before = dump(isolated / "salescoach.db")
    _one_line_error(cli(*args, code=2), args[1], "has no use for it")
    assert dump(isolated / "salescoach.db") == before


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        (["history"], "history [OPTIONS] CUSTOMER"),
        (["debrief"], "debrief [OPTIONS] [CUSTOMER]"),
        (["customer", "note"], "note [OPTIONS] CUSTOMER KIND TEXT"),
        (["playbook", "validate"], "validate [OPTIONS] PATHS..."),
    ],
)
def test_usage_names_every_argument_in_capitals(cli, command, usage):
    assert usage in cli(*command, "--help").stdout
    if command != ["debrief"]:
        missing = cli(*command, code=2).output
        assert "{" not in missing and "Missing argument '" + usage.split("] ")[1].split()[0].rstrip(".") in missing


def test_a_global_option_missing_its_value_is_left_for_the_command_to_refuse(cli):
    result = cli("history", "Lee", "--lang", code=2)
    assert "--lang" in result.output and "No such command" not in result.output


PROBE = """
import builtins, sys
sys.argv = ["salescoach", "followup"]
real_import = builtins.__import__
def interrupting(name, *args, **kwargs):
    if name == "typer":
        raise KeyboardInterrupt
    return real_import(name, *args, **kwargs)
builtins.__import__ = interrupting
from salescoach.cli import main
main()
"""


def test_ctrl_c_while_typer_is_imported_is_one_line_and_exit_130(tmp_path):
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 130
    assert done.stderr == "Error: interrupted; nothing was saved\n"


def test_a_reader_that_stops_early_is_exit_0_for_history(cli, lee):
    cli("customer", "note", lee, "other", "x" * 300_000)
    process = subprocess.Popen([installed_script(), "history", lee], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    assert process.wait(timeout=60) == 0
    assert process.stderr.read() == b""


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-13-45", "tomorrow", 20261125])
@pytest.mark.parametrize("field", ["visits", "notes", "last_contact"])
def test_a_date_in_an_export_meets_the_same_rule(cli, tmp_path, day, field):
    customer = {"name": "Kim", "tier": "warm"}
    if field == "visits":
        customer["visits"] = [{"date": day, "channel": "visit"}]
    elif field == "notes":
        customer["notes"] = [{"kind": "family", "text": "twins", "noted_on": day}]
    else:
        customer["last_contact"] = day
    path = tmp_path / "book.json"
    path.write_text(json.dumps({"salescoach_book": 1, "customers": [customer]}), encoding="utf-8")
    assert f"line 1: {field}" in cli("import", str(path), code=2).stderr


def test_an_invalid_utf8_answer_at_a_prompt_is_asked_again(cli, lee, dump, isolated):
    before = dump(isolated / "salescoach.db")
    done = subprocess.run(
        [installed_script(), "debrief"], input=b"\xff\n", capture_output=True, timeout=60, cwd=isolated.parent
    )
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert b"is not valid UTF-8 text" in done.stderr and b"nothing was saved" in done.stderr
    assert dump(isolated / "salescoach.db") == before


def test_a_debrief_file_may_name_the_customer_by_id_but_not_by_true(cli, lee, tmp_path):
    cli("debrief", "--from-file", _file(tmp_path, "customer: 1\nchannel: phone\n"))
    assert cli.json("history", lee)["events"]
    _one_line_error(cli("debrief", "--from-file", _file(tmp_path, "customer: true\nchannel: phone\n"), code=2))
