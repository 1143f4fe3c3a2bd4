"""Every debrief scores the visit: checks from the record, the rest from --check, the file or a one-key checklist."""

import os
import sqlite3

import pytest
from reliability.test_interrupts import read_until_quiet

from helpers import spawn_in_pty

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL

FLAGS = tuple(
    "--channel visit --topic family --feedback liked --benefit fee-table --opportunity call-Thursday"
    " --note family:son-at-university --promise fee-table@+3d --next-date +5d --tier warm --answered trust"
    " --outcome none --date today".split()
)


def test_a_debrief_from_flags_is_scored(cli):
    cli("customer", "add", "Park Soyeon")
    result = cli.json("debrief", "Park Soyeon", "--no-input", *FLAGS, "--check", "thanks", "--check", "needs")
    assert result["score"] < 100 and result["visit"]["checks"]["feedback"] is True
    assert result["visit"]["checks"]["thanks"] is True and result["visit"]["checks"]["options"] is False
    assert "explained_no" not in result["visit"]["checks"]  # owed only after a no
    assert [m["id"] for m in result["missed"]][:1] == ["no_pressure"]  # the heaviest miss first
    page = cli("debrief", "Park Soyeon", "--no-input", *FLAGS, "--check", "thanks").stdout
    assert "Score " in page and "To work on: no pressure, " in page and ". Tip: " in page


def test_every_habit_kept_scores_100_and_nothing_asked_scores_the_record(cli):
    cli("customer", "add", "Kim")
    kept = ["--check=" + c for c in ("name_title", "opener", "thanks", "needs", "feelings", "options", "no_pressure")]
    assert cli.json("debrief", "Kim", "--no-input", *FLAGS, *kept)["score"] == 100
    plain = cli.json("debrief", "Kim", "--no-input", "--channel", "phone")
    assert set(plain["visit"]["checks"]) == {
        "asked_area",
        "learned",
        "feedback",
        "benefit",
        "opportunity",
        "next_in_cadence",
    }
    assert cli.json("history", "Kim")["events"][0]["details"][-1][0] == "score"


def test_checks_in_a_debrief_file(cli, tmp_path):
    cli("customer", "add", "Lee")
    path = tmp_path / "visit.yaml"
    path.write_text("customer: Lee\nchannel: phone\nchecks:\n  thanks: true\n  options: false\n", encoding="utf-8")
    checks = cli.json("debrief", "--from-file", str(path))["visit"]["checks"]
    assert checks["thanks"] is True and checks["options"] is False and "feelings" not in checks
    path.write_text("customer: Lee\nchannel: phone\nchecks: [thanks]\n", encoding="utf-8")
    assert cli.json("debrief", "--from-file", str(path))["visit"]["checks"]["feelings"] is False


def test_a_check_the_record_answers_or_an_unknown_one_is_refused(cli, tmp_path):
    cli("customer", "add", "Lee")
    error = cli("debrief", "Lee", "--no-input", "--channel", "phone", "--check", "feedback", code=2).stderr
    assert "checks" in error and "must be one of" in error
    cli("debrief", "Lee", "--no-input", "--channel", "phone", "--check", "charm", code=2)
    path = tmp_path / "visit.yaml"
    path.write_text("customer: Lee\nchannel: phone\nchecks:\n  thanks: yes please\n", encoding="utf-8")
    assert "true or false" in cli("debrief", "--from-file", str(path), code=2).stderr


@pytest.mark.sqlite_book
def test_the_checklist_takes_one_key_a_habit_in_a_terminal(isolated, cli):
    cli("customer", "add", "Park Soyeon")
    leader, process = spawn_in_pty("debrief", "Park Soyeon", *FLAGS)
    output = b""
    try:
        for key in "yynx" + "yny" + "y":  # 8 habits: the fourth is skipped
            output += read_until_quiet(leader)
            os.write(leader, key.encode())
        output += read_until_quiet(leader)
        code = process.wait(timeout=30)
    finally:
        os.close(leader)
    text = output.decode()
    assert code == 0 and "Score " in text and "Traceback" not in text, text
    row = sqlite3.connect(isolated / "salescoach.db").execute("SELECT checks FROM visits").fetchone()
    assert '"name_title": true' in row[0] and '"thanks": false' in row[0] and '"needs"' not in row[0]


@pytest.mark.sqlite_book
def test_the_score_is_kept_as_it_was_debriefed(cli, isolated):
    cli("customer", "add", "Kim")
    result = cli.json("debrief", "Kim", "--no-input", *FLAGS, "--check", "thanks")
    row = sqlite3.connect(isolated / "salescoach.db").execute("SELECT score FROM visits").fetchone()
    assert row[0] == result["score"] == result["visit"]["score"]
    coached = cli.json("coach")
    assert coached["visits"] == 1 and coached["average"] == result["score"]
