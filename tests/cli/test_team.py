"""`salescoach team`: the administrator's commands on a real PostgreSQL server, and the manager's report.

The commands that change the team's members run in a database of their own (`fresh`, from team_databases.py),
so the shared team of alice and bob managed by boss stays as every other test knows it; the report runs on that
shared team.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from team_databases import fresh_database  # noqa: F401 - the fixture `fresh`

ENV = "SALESCOACH_DATABASE_URL"


def test_init_creates_the_schema_then_renews_it(fresh, cli):
    first = cli("team", "init")
    assert first.stderr == "Team schema created at version 8, with its grants and policies.\n"
    again = cli("team", "init")
    assert again.stderr == "The team database is already at schema version 8; grants and policies renewed.\n"
    assert fresh.sql("SELECT count(*) FROM migrations") == [(8,)]


def test_init_refuses_a_newer_database_unchanged(fresh, cli):
    cli("team", "init")
    fresh.sql("INSERT INTO migrations (name, applied) VALUES ('m999_future', '2030-01-01')")
    failed = cli("team", "init", code=1)
    assert "set up by a newer salescoach" in failed.stderr
    assert fresh.sql("SELECT count(*) FROM migrations") == [(9,)]


def test_rep_add_prints_how_the_rep_connects(fresh, cli):
    cli("team", "init")
    out = cli("team", "rep", "add", "carol", "--manager", "dana").stdout
    url = fresh.url("carol")
    assert out.splitlines()[:4] == [
        "Added carol to the team. Manager: dana.",
        "carol connects with either of these (in their own shell, or once in their config):",
        f"  export SALESCOACH_DATABASE_URL='{url}'",
        f"  salescoach config set database.url '{url}'",
    ]
    assert "ALTER ROLE carol PASSWORD" in out and "~/.pgpass" in out
    assert "already in the team" in cli("team", "rep", "add", "carol").stdout
    assert cli.json("team", "rep", "list") == [
        {"rep": "carol", "manager": "dana", "added": "2026-11-25", "customers": 0},
        {"rep": "dana", "manager": None, "added": "2026-11-25", "customers": 0},
    ]


def test_a_rep_added_uses_the_book_at_the_address_printed(fresh, cli, monkeypatch):
    cli("team", "init")
    cli("team", "rep", "add", "carol")
    monkeypatch.setenv(ENV, fresh.url("carol"))
    cli("customer", "add", "Park Sora")
    assert [row["name"] for row in cli.json("customer", "list")] == ["Park Sora"]
    assert fresh.sql("SELECT rep, name FROM customers") == [("carol", "Park Sora")]


def test_rep_move_changes_and_clears_the_manager(fresh, cli):
    cli("team", "init")
    cli("team", "rep", "add", "carol", "--manager", "dana")
    assert cli("team", "rep", "move", "carol", "--manager", "erin").stderr == "carol is managed by erin now.\n"
    assert fresh.sql("SELECT rep, manager FROM team_members ORDER BY rep") == [
        ("carol", "erin"),
        ("dana", None),
        ("erin", None),
    ]
    assert cli("team", "rep", "move", "carol", "--no-manager").stderr == "carol has no manager now.\n"
    assert fresh.sql("SELECT manager FROM team_members WHERE rep = 'carol'") == [(None,)]
    assert "either --manager NAME or --no-manager" in cli("team", "rep", "move", "carol", code=2).stderr
    both = cli("team", "rep", "move", "carol", "--manager", "dana", "--no-manager", code=2)
    assert "either --manager NAME or --no-manager" in both.stderr
    missing = cli("team", "rep", "move", "zoe", "--manager", "dana", code=1)
    assert missing.stderr.startswith("Error: zoe is not in the team")


def _book_of_carol(cli, fresh, monkeypatch) -> None:
    cli("team", "init")
    cli("team", "rep", "add", "carol")
    cli("team", "rep", "add", "dana")
    admin = fresh.url("team_admin")
    monkeypatch.setenv(ENV, fresh.url("carol"))
    for name in ("Park Sora", "Lee Jiwoo"):
        cli("customer", "add", name)
    cli("debrief", "Park Sora", "--no-input", "--channel", "phone", "--promise", "send rates@+3d")
    monkeypatch.setenv(ENV, admin)


def test_rep_remove_keeps_the_book_under_the_rep(fresh, cli, monkeypatch):
    _book_of_carol(cli, fresh, monkeypatch)
    removed = cli("team", "rep", "remove", "carol", "--yes")
    assert removed.stderr == (
        "Took carol out of the team. Their book (2 customers) stays in the database under carol: only the"
        " administrator sees it, and `salescoach team rep add carol` gives it back.\n"
    )
    assert fresh.sql("SELECT rep, count(*) FROM customers GROUP BY rep") == [("carol", 2)]
    assert fresh.sql("SELECT rep FROM team_members") == [("dana",)]
    monkeypatch.setenv(ENV, fresh.url("carol"))
    assert "cannot connect to the team database" in cli("customer", "list", code=1).stderr
    monkeypatch.setenv(ENV, fresh.url("team_admin"))
    cli("team", "rep", "add", "carol")
    monkeypatch.setenv(ENV, fresh.url("carol"))
    assert len(cli.json("customer", "list")) == 2


def test_rep_remove_to_another_member_moves_the_whole_book(fresh, cli, monkeypatch):
    _book_of_carol(cli, fresh, monkeypatch)
    removed = cli("team", "rep", "remove", "carol", "--to", "dana", "--yes")
    assert removed.stderr == "Took carol out of the team; their book (2 customers) is dana's now.\n"
    for table in ("customers", "visits", "promises", "followups"):
        assert fresh.sql(f"SELECT DISTINCT rep FROM {table}") == [("dana",)], table
    monkeypatch.setenv(ENV, fresh.url("dana"))
    assert sorted(row["name"] for row in cli.json("customer", "list")) == ["Lee Jiwoo", "Park Sora"]


def test_rep_remove_asks_first_and_keeps_all_on_no(fresh, cli, monkeypatch):
    _book_of_carol(cli, fresh, monkeypatch)
    kept = cli("team", "rep", "remove", "carol", "--to", "dana", input="n\n", code=0)
    assert "Take carol out of the team and make their book (2 customers) dana's?" in kept.stdout
    assert kept.stderr == "Kept; nothing was changed.\n"
    assert fresh.sql("SELECT rep, count(*) FROM customers GROUP BY rep") == [("carol", 2)]
    assert fresh.sql("SELECT rep FROM team_members ORDER BY rep") == [("carol",), ("dana",)]
    asked = cli("team", "rep", "remove", "carol", input="y\n")
    assert "stays in the database under carol, seen only by the administrator." in asked.stdout
    missing = cli("team", "rep", "remove", "carol", "--yes", code=1)
    assert missing.stderr.startswith("Error: carol is not in the team")
    to_self = cli("team", "rep", "remove", "dana", "--to", "dana", "--yes", code=2)
    assert to_self.stderr == "Error: --to: dana is the rep themselves\n"


def test_a_rep_cannot_run_the_administrators_commands(fresh, cli, monkeypatch):
    cli("team", "init")
    cli("team", "rep", "add", "carol")
    monkeypatch.setenv(ENV, fresh.url("carol"))
    refused = cli("team", "rep", "add", "dana", code=1)
    assert refused.stderr.startswith("Error: carol is not the team's administrator")
    assert len(refused.stderr.splitlines()) <= 2  # the error and its hint, never a traceback


@pytest.mark.parametrize("command", [("init",), ("rep", "list"), ("rep", "add", "carol"), ("report",)])
def test_a_personal_book_has_no_team(cli, command):
    failed = cli("team", *command, code=1)
    assert failed.stderr == (
        "Error: team commands need a team database: set SALESCOACH_DATABASE_URL=postgresql://ROLE@HOST/DATABASE"
        " or run `salescoach config set database.url postgresql://ROLE@HOST/DATABASE`\n"
    )
    assert failed.stdout == ""


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("Alice", "is not a rep's name"),
        ("9lives", "is not a rep's name"),
        ("a-b", "is not a rep's name"),
        ("a" * 64, "longer than 63 characters"),
        ("public", "keeps for itself"),
        ("pg_monitor", "keeps for itself"),
        ("salescoach_rep", "the team's group role"),
    ],
)
def test_a_bad_name_is_refused_before_the_database(cli, name, problem):
    failed = cli("team", "rep", "add", name, code=2)
    assert problem in failed.stderr and len(failed.stderr.splitlines()) == 1


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(name=st.one_of(st.text(min_size=1, max_size=70), st.from_regex(r"[a-z][a-z0-9_]{0,65}", fullmatch=True)))
def test_role_names_follow_one_rule(cli, name):
    """A name is taken or refused by one rule, whichever option of which command it comes through."""
    from salescoach.core.fields import role_name
    from salescoach.errors import FieldError

    if "\x00" in name or any(0xD800 <= ord(character) <= 0xDFFF for character in name):
        return  # refused before any command runs (tests/cli/test_inputs.py)
    reserved = {"public", "none", "current_user", "current_role", "session_user", "user"}
    expected = bool(re.fullmatch(r"[a-z][a-z0-9_]{0,62}", name)) and name not in reserved
    expected = expected and not name.startswith("pg_")
    try:
        assert role_name(name, "NAME") == name
        valid = True
    except FieldError:
        valid = False
    assert valid == expected
    if not valid:
        for command in (
            ("add", "--", name),
            ("move", f"--manager={name}", "--", "alice"),
            ("remove", "--yes", "--", name),
        ):
            failed = cli("team", "rep", *command, code=2)
            assert failed.stderr.startswith("Error: ") and len(failed.stderr.splitlines()) == 1, failed.stderr


# -- the report ---------------------------------------------------------------------------------------------------


def _hand_built_book(team, cli, monkeypatch) -> None:
    """alice: 3 customers (a follow-up due today, one overdue, a promise kept on time, a scored visit); bob: 2
    (one silent since June: at risk, and overdue)."""
    monkeypatch.setenv(ENV, team.url("alice"))
    cli("customer", "add", "Ahn Mira", "--tier", "hot")
    cli("customer", "add", "Baek Jun", "--tier", "warm")
    cli("customer", "add", "Cho Yuna")
    cli(
        "debrief", "Ahn Mira", "--no-input", "--channel", "visit", "--promise", "send rates@2026-11-22",
        "--next-date", "2026-11-25", "--check", "name_title", "--check", "opener", today="2026-11-20",
    )  # fmt: skip
    cli("followup", "done", "p1", today="2026-11-21")
    cli("debrief", "Baek Jun", "--no-input", "--channel", "phone", "--next-date", "2026-11-15", today="2026-11-10")
    monkeypatch.setenv(ENV, team.url("bob"))
    cli("customer", "add", "Doh Hana", "--tier", "hot")
    cli("customer", "add", "Eom Tae", "--tier", "warm")
    cli("debrief", "Doh Hana", "--no-input", "--channel", "phone", today="2026-06-01")


def _figures(**given) -> dict:
    empty = {
        "customers": 0,
        "by_tier": {"hot": 0, "warm": 0, "general": 0},
        "followups_due_today": 0,
        "followups_overdue": 0,
        "followups_due": 0,
        "followups_on_time": 0,
        "promises_due": 0,
        "promises_on_time": 0,
        "bank_balance": 0,
        "at_risk": 0,
        "contacts_30_days": 0,
        "scored_visits": 0,
        "score_average": None,
    }
    return {**empty, **given}


def test_report_numbers_on_a_hand_built_book(team, cli, monkeypatch):
    _hand_built_book(team, cli, monkeypatch)
    monkeypatch.setenv(ENV, team.url("alice"))
    coach = cli.json("coach")
    score = coach["average"]
    assert coach["visits"] == 2 and score is not None
    monkeypatch.setenv(ENV, team.url("bob"))
    bob_score = cli.json("coach")["average"]
    scores = [row[0] for row in team.sql("SELECT score FROM visits")]
    monkeypatch.setenv(ENV, team.url("boss"))
    report = cli.json("team", "report")
    alice = _figures(
        customers=3,
        by_tier={"hot": 1, "warm": 1, "general": 1},
        followups_due_today=1,
        followups_overdue=1,
        followups_due=2,
        promises_due=1,
        promises_on_time=1,
        bank_balance=1,
        contacts_30_days=2,
        scored_visits=2,
        score_average=score,
    )
    bob = _figures(
        customers=2,
        by_tier={"hot": 1, "warm": 1, "general": 0},
        followups_overdue=1,
        followups_due=1,
        at_risk=1,
        scored_visits=1,
        score_average=bob_score,
    )
    assert report["viewer"] == "boss"
    assert (report["start"], report["end"], report["today"]) == ("2025-11-25", "2026-11-25", "2026-11-25")
    assert [(rep["rep"], rep["manager"], rep["figures"], rep["weakest"]) for rep in report["reps"]] == [
        ("alice", "boss", alice, None),
        ("bob", "boss", bob, None),
        ("boss", None, _figures(), None),
    ]
    assert report["totals"] == _figures(
        customers=5,
        by_tier={"hot": 2, "warm": 2, "general": 1},
        followups_due_today=1,
        followups_overdue=2,
        followups_due=3,
        promises_due=1,
        promises_on_time=1,
        bank_balance=1,
        at_risk=1,
        contacts_30_days=2,
        scored_visits=3,
        score_average=round(sum(scores) / 3),
    )


def test_report_span_keeps_the_on_time_figures_to_it(team, cli, monkeypatch):
    _hand_built_book(team, cli, monkeypatch)
    monkeypatch.setenv(ENV, team.url("boss"))
    report = cli.json("team", "report", "--from", "2026-11-16", "--to", "2026-11-30")
    alice = report["reps"][0]["figures"]
    assert (alice["followups_due"], alice["promises_due"], alice["scored_visits"]) == (1, 1, 1)  # not Baek's
    assert report["reps"][1]["figures"]["followups_due"] == 0
    assert (
        "--from must not be after --to"
        in cli("team", "report", "--from", "2026-11-30", "--to", "2026-11-01", code=2).stderr
    )


def test_report_shows_each_viewer_what_the_database_lets_them_see(team, cli, monkeypatch):
    _hand_built_book(team, cli, monkeypatch)
    seen = {}
    for role in ("team_admin", "boss", "alice", "bob"):
        monkeypatch.setenv(ENV, team.url(role))
        seen[role] = [rep["rep"] for rep in cli.json("team", "report")["reps"] if rep["figures"]["customers"]]
    assert seen == {"team_admin": ["alice", "bob"], "boss": ["alice", "bob"], "alice": ["alice"], "bob": ["bob"]}
    monkeypatch.setenv(ENV, team.url("bob"))
    assert [rep["rep"] for rep in cli.json("team", "report")["reps"]] == ["bob"]


def test_report_refuses_an_outsider_in_one_line(team, cli, monkeypatch, pg_server):
    pg_server.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'outsider')"
                  " THEN CREATE ROLE outsider LOGIN; END IF; END $$")  # fmt: skip
    monkeypatch.setenv(ENV, team.url("outsider"))
    failed = cli("team", "report", code=1)
    assert failed.stderr.startswith("Error: cannot connect to the team database")
    assert "Traceback" not in failed.stderr and failed.stdout == ""


def test_report_for_people(team, cli, monkeypatch):
    _hand_built_book(team, cli, monkeypatch)
    monkeypatch.setenv(ENV, team.url("alice"))
    out = cli("team", "report").stdout
    lines = out.splitlines()
    assert lines[0] == "Team report on 2026-11-25, as alice"
    books = lines.index("Books today")
    assert lines[books + 1] == (
        "Rep    Manager  Customers  Hot/warm/general  At risk  Follow-ups today  Overdue  Contacts (30 days)"
    )
    assert lines[books + 2].split() == ["alice", "boss", "3", "1/1/1", "0", "1", "1", "2"]
    assert lines[books + 3].split() == ["Team", "3", "1/1/1", "0", "1", "1", "2"]
    assert "100% (1/1)" in out and "0% (0/2)" in out


def test_report_matches_stats_and_coach_for_each_rep(team, cli, monkeypatch):
    """On a demo book the report's figures for a rep are what that rep's own stats and coach say."""
    monkeypatch.setenv(ENV, team.url("alice"))
    cli("demo", "--customers", "30")
    stats, coach = cli.json("stats"), cli.json("coach")
    monkeypatch.setenv(ENV, team.url("boss"))
    alice = next(rep for rep in cli.json("team", "report")["reps"] if rep["rep"] == "alice")
    figures = alice["figures"]
    assert figures["customers"] == sum(sum(stages.values()) for stages in stats["by_tier_and_stage"].values())
    assert figures["at_risk"] == sum(stats["at_risk"].values())
    assert (figures["followups_due"], figures["followups_on_time"]) == (
        stats["followups_due"],
        stats["followups_on_time"],
    )
    assert (figures["promises_due"], figures["promises_on_time"], figures["bank_balance"]) == (
        stats["promises_due"],
        stats["promises_on_time"],
        stats["bank_balance"],
    )
    assert (figures["scored_visits"], figures["score_average"]) == (coach["visits"], coach["average"])
    assert alice["weakest"] == coach["weakest"]
    assert json.dumps(alice["weakest"])  # a weakest habit exists on the demo book


@pytest.mark.parametrize(
    ("admin", "rep"),
    [
        ("postgresql://sales_admin@db.example.com:5432/sales", "postgresql://minsu@db.example.com:5432/sales"),
        ("postgres://db/sales?sslmode=require", "postgres://minsu@db/sales?sslmode=require"),
        ("postgresql:///sales?host=/run/pg%20a&user=sales_admin", "postgresql://minsu@/sales?host=/run/pg%20a"),
    ],
)
def test_the_address_printed_names_the_rep_alone(admin, rep):
    """The rep's address is the administrator's with the rep as its user, also when the user was an option."""
    from salescoach.usecases.team import rep_url

    assert rep_url(admin, "minsu") == rep
