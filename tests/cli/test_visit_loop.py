"""The daily loop over several simulated days: prep, debrief, follow-up, history."""

import sqlite3
import textwrap

import pytest

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL

DEBRIEF = """
customer: Lee Jiwoo
date: 2026-11-25
channel: visit
topics: [greeting, deepening]
notes: [{kind: family, text: "daughter needs an English tutor"}]
feedback: "liked the fuel economy, unsure about acceleration"
benefit: "organised acceleration data next week"
opportunity: "test drive next Tuesday"
outcome: progress
amount: 0
lost_reason: null
tier: warm
answered: [who, what]
promises: [{text: "send acceleration data", due: 2026-12-02}]
next: {date: 2026-11-27, channel: phone, type: unfinished}
"""


@pytest.fixture
def debrief_file(tmp_path):
    path = tmp_path / "visit.yaml"
    path.write_text(textwrap.dedent(DEBRIEF), encoding="utf-8")
    return path


def test_first_visit_prep_needs_no_data(cli):
    out = cli("prep", "Lee Jiwoo", "--full").stdout
    assert "salescoach customer add 'Lee Jiwoo'" in out
    assert "Who are you?" in out and "Why should I buy now?" in out
    for phase in ("Greeting", "Deepening", "Closing (FBO)", "Follow-up"):
        assert phase in out
    assert "Stage 1 tactics" in out
    brief = cli.json("prep", "Lee Jiwoo")
    assert brief["header"]["known"] is False and brief["header"]["stage"] == 1
    assert [q["id"] for q in brief["questions"]] == ["who", "what", "relevance", "trust", "choose", "now"]
    assert brief["save_command"] == "salescoach customer add 'Lee Jiwoo'"


def test_a_week_of_the_loop(cli, debrief_file):
    cli("profile", "set", "--name", "Kim Minsu", "--company", "Hanbit Motors", "--credentials", "Top seller 2025")
    cli("customer", "add", "Lee Jiwoo", "--honorific", "Ms.", "--company", "Daehan Logistics")
    saved = cli.json("debrief", "--from-file", str(debrief_file))
    assert saved["next"]["due"] == "2026-11-27" and saved["created"] is False

    # Two days later: the call planned at the debrief, with a script using what was promised.
    day = cli.json("followup", today="2026-11-27")
    assert [(i["id"], i["kind"], i["type"]) for i in day["items"]] == [("f1", "followup", "unfinished")]
    assert day["items"][0]["script"].startswith("Ms. Lee, ")
    week = cli.json("followup", "--days", "7", today="2026-11-27")
    assert [i["kind"] for i in week["items"]] == ["promise", "followup"]
    cli("followup", "done", "f1", "--note", "called, data next week", today="2026-11-27")

    # The promise slips a day past due: first on the list, and a withdrawal once kept late.
    late = cli.json("followup", today="2026-12-03")
    assert late["items"][0]["id"] == "p1" and late["items"][0]["overdue_days"] == 1
    assert {term["term"] for term in late["items"][0]["why"]} >= {"promise", "overdue", "tier"}
    out = cli("followup", "done", "p1", today="2026-12-03").stderr
    assert "late" in out
    again = cli("followup", "done", "p1", today="2026-12-04", code=1).stderr
    assert again == "Error: promise p1 was already kept on 2026-12-03\n"

    history = cli.json("history", "Lee", today="2026-12-03")
    assert history["balance"] == -1
    kinds = [event["kind"] for event in history["events"]]
    assert kinds.count("visit") == 1 and "promise" in kinds and "note" in kinds

    brief = cli.json("prep", "Lee", today="2026-12-03")
    assert brief["header"]["known"] is True
    assert brief["header"]["bank_balance"] == -1
    assert brief["last_fbo"]["benefit"] == "organised acceleration data next week"
    assert brief["agenda"][:4] == ["relevance", "trust", "choose", "now"]  # open questions first
    greeting = brief["plan"][0]["items"][:2]
    assert greeting[0]["text"] == brief["opener"]["line"]  # one opener for one visit
    assert greeting[1] == {"text": "daughter needs an English tutor", "label": "remember"}


def test_a_second_debrief_with_a_pain_point_moves_to_trust(cli, debrief_file):
    cli("customer", "add", "Lee Jiwoo")
    cli("debrief", "--from-file", str(debrief_file))
    cli(
        "debrief",
        "Lee",
        "--no-input",
        "--channel",
        "phone",
        "--pain",
        "fleet costs rising",
        "--date",
        "today",
        today="2026-11-28",
    )
    assert cli.json("prep", "Lee", today="2026-11-28")["header"]["stage"] == 3
    assert "Stage 3 tactics" in cli("prep", "Lee", "--full", today="2026-11-28").stdout


def test_customers_drifting_away_are_flagged(cli):
    cli("customer", "add", "Quiet Park", "--tier", "warm")
    cli(
        "debrief",
        "Quiet",
        "--no-input",
        "--channel",
        "phone",
        "--outcome",
        "lost",
        "--lost-reason",
        "untimely",
        today="2026-06-01",
    )
    at_risk = cli.json("followup")["at_risk"]
    assert [(r["customer"], r["tier"], r["days_silent"]) for r in at_risk] == [("Quiet Park", "warm", 177)]
    assert at_risk[0]["reason"]


def test_unknown_customer_is_refused_without_create(cli, debrief_file):
    result = cli("debrief", "--from-file", str(debrief_file), code=1)
    assert "--create" in result.stderr
    assert cli.json("customer", "list") == []
    cli("debrief", "--from-file", str(debrief_file), "--create")
    assert [c["name"] for c in cli.json("customer", "list")] == ["Lee Jiwoo"]


@pytest.mark.parametrize(
    ("flag", "value", "field"),
    [
        ("--channel", "pigeon", "channel"),
        ("--tier", "tepid", "tier"),
        ("--date", "someday", "date"),
        ("--next-type", "gossip", "next.type"),
        ("--outcome", "maybe", "outcome"),
    ],
)
def test_bad_debrief_values_name_the_field_and_write_nothing(cli, flag, value, field):
    cli("customer", "add", "Lee")
    args = ["debrief", "Lee", "--no-input", "--channel", "visit", flag, value]
    if flag == "--next-type":
        args += ["--next-date", "+3d"]
    result = cli(*args, code=2)
    assert result.stderr.startswith(f"Error: {field}: ")
    assert cli.json("history", "Lee")["events"] == []


def test_interactive_debrief(cli):
    cli("customer", "add", "Lee Jiwoo", "--honorific", "Ms.")
    answers = (
        "\n".join(
            [
                "",  # date: today
                "visit",
                "greeting, deepening",
                "family",
                "twins aged five",
                "your twins",  # how to say it: a preview of the line follows
                "y",
                "",  # no more notes
                "lower monthly payments",  # a need
                "",  # no phrase for it
                "",  # no pain point
                "liked the offer",
                "a rate comparison",
                "coffee next week",
                "progress",
                "hot",
                "1,2,3",
                "send the rate sheet",
                "the rate sheet",  # what it delivers, as said: a preview follows
                "y",
                "+2d",
                "",  # no more promises
                "",
                "",
                "",  # next follow-up: defaults
                *"yynyyny",  # the scorecard's checklist, one answer a habit
                "",  # ... and the last one skipped
            ]
        )
        + "\n"
    )
    said = cli("debrief", "Lee", input=answers).stderr
    assert "It reads: Ms. Lee, last time you told me about your twins. How is that going?" in said
    assert "It reads: Ms. Lee, here is the rate sheet, as I promised." in said
    history = cli.json("history", "Lee")
    visit = next(e for e in history["events"] if e["kind"] == "visit")
    assert dict(map(tuple, visit["details"]))["benefit"] == "a rate comparison"
    followup = next(e for e in history["events"] if e["kind"] == "followup")
    assert followup["date"] == "2026-11-28"  # hot cadence: 3 days
    assert [(e["status"], e["text"]) for e in history["events"] if e["kind"] == "note"] == [
        ("family", "twins aged five"),
        ("need", "lower monthly payments"),
    ]
    promise = next(item for item in cli.json("followup", "--days", "3")["items"] if item["kind"] == "promise")
    assert promise["script"] == "Ms. Lee, here is the rate sheet, as I promised."  # not the to-do read aloud


@pytest.mark.parametrize("cut", range(0, 16))
def test_interrupted_interactive_debrief_writes_nothing(cli, cut):
    cli("customer", "add", "Lee Jiwoo")
    before = cli.json("history", "Lee")
    answers = ["", "visit", "x", "", "", "", "f", "b", "o", "none", "warm", "", "", "", "", ""][:cut]
    result = cli("debrief", "Lee", input="\n".join(answers) + ("\n" if answers else ""), code=1)
    assert "nothing was saved" in result.stderr
    assert cli.json("history", "Lee") == before


def test_followup_empty_day_says_so(cli):
    assert "Nothing is due" in cli("followup").stdout
    agenda = cli.json("followup")
    assert agenda.pop("drills_due") > 0  # a new book still has the default playbook's practice cards
    assert agenda == {"date": "2026-11-25", "until": "2026-11-25", "total": 0, "items": [], "at_risk": []}


def test_snooze_and_add(cli):
    cli("customer", "add", "Lee")
    cli("followup", "add", "Lee", "--on", "today", "--type", "info", "--channel", "sms", "--note", "rates")
    assert [i["id"] for i in cli.json("followup")["items"]] == ["f1"]
    cli("followup", "snooze", "f1", "--to", "friday")
    assert cli.json("followup")["items"] == []
    assert cli.json("followup", "--date", "friday")["items"][0]["due"] == "2026-11-27"
    assert cli("followup", "snooze", "p1", "--to", "friday", code=2).stderr.startswith("Error:")
    for item in ("d99999999999999999999999", "d²", "x1"):
        assert cli("followup", "done", item, code=2).stderr.startswith("Error: not an item id")
    for extra in (["--note", "sent"], ["--next", "+1w"]):
        assert cli("followup", "done", "p1", *extra, code=2).stderr.startswith("Error: --note and --next")
    assert cli("followup", "done", "f99", code=1).stderr.startswith("Error:")
    cli("followup", "done", "f1")
    for command in ("done", "snooze"):
        again = cli("followup", command, "f1", "--to" if command == "snooze" else "--note", "friday", code=1)
        assert again.stderr == "Error: follow-up f1 was already done on 2026-11-25\n"


def test_walk_through_a_visit_then_debrief_with_the_jottings(cli):
    cli("customer", "add", "Lee Jiwoo", "--honorific", "Ms.")
    keys = [
        "twins starting school",
        "",  # greeting: a jotting, then next
        "b",
        "",  # back to greeting and forward again
        "s",  # skip deepening
        "liked the offer",
        "",  # closing: the customer's feedback
        "",  # follow-up screen
        "",
        "visit",
        "",
        "rate sheet",
        "coffee friday",
        "progress",
        "warm",
        "1,2",
        "",
        "",
        "",
        "",  # debrief
        *[""] * 8,  # the scorecard's checklist: skipped
    ]
    out = cli("prep", "Lee", "--walk", input="\n".join(keys) + "\n").stdout
    assert "1/4" in out and "4/4" in out and "Debrief saved" in out
    history = cli.json("history", "Lee")
    visit = next(e for e in history["events"] if e["kind"] == "visit")
    assert dict(map(tuple, visit["details"]))["feedback"] == "liked the offer"
    assert [e["text"] for e in history["events"] if e["kind"] == "note"] == ["twins starting school"]


def test_walk_quit_saves_nothing(cli):
    cli("customer", "add", "Lee")
    assert "nothing was saved" in cli("prep", "Lee", "--walk", input="q\n").stdout
    assert cli.json("history", "Lee")["events"] == []


def test_important_dates_appear_with_their_lead_time(cli):
    cli("customer", "add", "Lee Jiwoo", "--honorific", "Ms.")
    said = cli("customer", "date", "Lee", "birthday", "11-28", "--lead", "3").stderr
    assert said == "Noted birthday on 11-28 for Lee Jiwoo.\n"
    said = cli(
        "customer", "date", "Lee", "renewal", "2027-01-10", "--lead", "30", "--label", "fleet insurance", "--once"
    )
    assert said.stderr == "Noted fleet insurance on 2027-01-10 for Lee Jiwoo.\n"
    items = cli.json("followup")["items"]
    assert [(i["id"], i["type"], i["due"]) for i in items] == [("d1", "care", "2026-11-28")]
    assert items[0]["script"].startswith("Happy birthday, Ms. Lee!")
    assert "Say on 11-28: Happy birthday, Ms. Lee!" in cli("followup").stdout  # wishes are for the day
    assert "    Say: Happy birthday" in cli("followup", today="2026-11-28").stdout
    later = cli.json("followup", today="2026-12-12")["items"]
    assert [(i["id"], i["type"], i["note"]) for i in later] == [("d2", "info", "fleet insurance")]
    assert "your renewal is coming up" in later[0]["script"] and "(" not in later[0]["script"]
    assert later[0]["cue"] == "fleet insurance (2027-01-10)"  # beside the line, not sent with it
    said = cli("followup", "done", "d2", today="2026-12-12").stderr
    assert said == "Done: fleet insurance of Lee Jiwoo (2027-01-10); it is off the list until the next one.\n"
    assert cli.json("followup", today="2026-12-13")["items"] == []  # 28 days of lead time left, but handled
    assert "already handled for 2027-01-10" in cli("followup", "done", "d2", today="2026-12-13", code=1).stderr
    cli("customer", "date", "Lee", "other", "2026-01-01", "--once")  # d3, long past
    assert "d3 has no occurrence left" in cli("followup", "done", "d3", code=1).stderr
    cli("followup", "done", "d1")  # the birthday, three days early
    assert cli.json("followup", "--days", "3")["items"] == []
    again = cli("followup", "done", "d1", code=1).stderr  # not next year's birthday by mistake
    assert again == "Error: important date d1 was already handled for 2026-11-28\n"
    assert [i["due"] for i in cli.json("followup", today="2027-11-28")["items"]] == ["2027-11-28"]  # next year
    assert cli("followup", "snooze", "d1", "--to", "friday", code=2).stderr.startswith("Error: only follow-ups")
    assert cli("customer", "date", "Lee", "birthday", "02-30", code=2).stderr.startswith("Error: date")
    assert cli("customer", "date", "Lee", "holiday", "02-03", code=2).stderr.startswith("Error: kind")


def test_each_kind_of_date_has_its_own_script_and_a_pack_its_own_word(cli):
    cli("customer", "add", "Kim", "--playbook", "bank")
    for kind in ("birthday", "renewal", "rate_reset", "lease_end"):
        cli("customer", "date", "Kim", kind, "2026-11-25", "--once")
    listed = cli.json("followup")["items"]
    assert sorted(item["date_kind"] for item in listed) == ["birthday", "lease_end", "rate_reset", "renewal"]
    items = {item["note"]: item["script"] for item in listed}
    cues = {item["note"]: item["cue"] for item in listed}
    assert sorted(items) == ["birthday", "lease end", "loan rate reset", "maturity"]  # bank's words, core's
    assert items["birthday"].startswith("Happy birthday, Kim!")
    assert "your deposit matures soon" in items["maturity"] and cues["maturity"] == "maturity (2026-11-25)"
    assert "(" not in items["maturity"]
    assert "monthly payment" in items["loan rate reset"] and "lease" in items["lease end"]
    korean = {item["note"] for item in cli.json("--lang", "ko", "followup")["items"]}
    assert korean == {"생일", "만기일", "대출 금리 변동일", "계약 만료일"}
    assert "About: Everyday care — birthday" in cli("followup").stdout
    assert "내용: 일상의 관심 — 생일" in cli("--lang", "ko", "followup").stdout


def test_the_list_shows_the_top_items_and_counts_the_rest(cli):
    for index in range(5):
        cli("customer", "add", f"C{index}", "--tier", "hot" if index == 3 else "general")
        cli("followup", "add", f"C{index}", "--on", "today")
    top = cli.json("followup", "--limit", "2")
    assert top["total"] == 5 and [item["customer"] for item in top["items"]][0] == "C3"
    assert len(top["items"]) == 2
    assert "3 more due" in cli("followup", "--limit", "2").stdout
    assert len(cli.json("followup", "--limit", "0")["items"]) == 5


@pytest.mark.sqlite_book
def test_customers_of_several_playbooks_are_ranked_once_each(cli, isolated):
    for name, playbook in (("A", "bank"), ("B", None), ("C", "auto"), ("D", None)):
        cli("customer", "add", name, *(("--playbook", playbook) if playbook else ()))
        cli("followup", "add", name, "--on", "today")
    connection = sqlite3.connect(isolated / "salescoach.db")
    with connection:  # an empty playbook name means the default, as NULL does
        connection.execute("UPDATE customers SET playbook = '' WHERE name = 'D'")
    connection.close()
    agenda = cli.json("followup")
    assert agenda["total"] == 4 and sorted(item["customer"] for item in agenda["items"]) == ["A", "B", "C", "D"]


@pytest.mark.sqlite_book
def test_a_customer_whose_playbook_is_gone_does_not_stop_the_list(cli, isolated):
    for name in ("A", "B"):
        cli("customer", "add", name)
        cli("followup", "add", name, "--on", "today")
    connection = sqlite3.connect(isolated / "salescoach.db")
    with connection:  # e.g. a user playbook deleted since, or an industry imported from a spreadsheet
        connection.execute("UPDATE customers SET playbook = 'bakery' WHERE name = 'A'")
    connection.close()
    agenda = cli.json("followup")
    assert sorted(item["customer"] for item in agenda["items"]) == ["A", "B"]
    assert all(item["script"] for item in agenda["items"])


@pytest.mark.sqlite_book
def test_a_customer_whose_playbook_is_gone_still_gets_prep_debrief_and_follow_ups(cli, isolated):
    cli("customer", "add", "A")
    connection = sqlite3.connect(isolated / "salescoach.db")
    with connection:
        connection.execute("UPDATE customers SET playbook = 'bakery' WHERE name = 'A'")
    connection.close()
    header = cli.json("prep", "A")["header"]
    assert (header["playbook"], header["playbook_missing"]) == ("core", "bakery")
    assert "playbook Relationship selling: the core method (bakery is not installed)" in cli("prep", "A").stdout
    assert cli.json("prep", "A", "--playbook", "bank")["header"]["playbook_missing"] is None
    cli("prep", "A", "--playbook", "bakery", code=1)  # asked for by name: not there is an error
    cli("debrief", "A", "--no-input", "--channel", "visit", "--feedback", "liked it", "--next-date", "today")
    [item] = cli.json("followup")["items"]
    assert "Next touch" in cli("followup", "done", item["id"]).stderr


@pytest.mark.parametrize(
    "text",
    ["name: retail\nlanguage: en\nextends: core\ncolour: red\n", "name: retail\nlanguage: en\nextends: shop\n"],
    ids=["mistake", "parent-gone"],
)
def test_a_broken_playbook_is_an_error_in_prep_and_a_warning_in_the_list(cli, isolated, text):
    (isolated / "playbooks").mkdir(parents=True)
    (isolated / "playbooks" / "retail.yaml").write_text("name: retail\nlanguage: en\nextends: core\n")
    for name in ("A", "B"):
        cli("customer", "add", name, *(("--playbook", "retail") if name == "A" else ()))
        cli("followup", "add", name, "--on", "today")
    (isolated / "playbooks" / "retail.yaml").write_text(text)
    result = cli("followup")
    assert "Playbook retail does not load, so its customers got the default one: " in result.stderr
    assert "f1" in result.stdout and "f2" in result.stdout
    error = cli("prep", "A", code=(2 if "colour" in text else 1)).stderr
    assert "retail.yaml:4: colour: unknown field" in error if "colour" in text else "no playbook named 'shop'" in error
    cli("debrief", "A", "--no-input", "--channel", "phone", "--feedback", "fine")  # the visit is still recorded


def test_a_playbook_name_cannot_reach_a_file_outside_the_playbook_folders(cli, isolated, tmp_path):
    (tmp_path / "evil.yaml").write_text("name: evil\nlanguage: en\nextends: core\n")
    relative = "../../evil"  # from <home>/playbooks
    assert "no playbook named" in cli("customer", "add", "A", "--playbook", relative, code=1).stderr
    assert "no playbook named" in cli("prep", "A", "--playbook", "bank.ko", code=1).stderr


def test_ics_refuses_the_options_it_would_ignore(cli, tmp_path):
    for extra in (["--json"], ["--why"], ["--limit", "3"]):
        error = cli("followup", "--ics", str(tmp_path / "f.ics"), *extra, code=2).stderr
        assert extra[0] in error and not (tmp_path / "f.ics").exists()
    cli("followup", "--ics", str(tmp_path / "f.ics"))
    assert (tmp_path / "f.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
