"""`salescoach drill`: cards from the book's packs, spaced repetition, one transaction per review, both languages;
the interactive session in a real pseudo-terminal."""

import os
import signal
import sqlite3

import pytest
from reliability.test_interrupts import read_until_quiet

from helpers import spawn_in_pty

pytestmark = pytest.mark.usefixtures("backend")  # the contract: the same on SQLite and PostgreSQL


def test_cards_come_from_the_packs_in_use_each_line_once(cli):
    cli("customer", "add", "Kim Bank", "--playbook", "bank")
    due = cli.json("drill", "list")
    ids = [card["id"] for card in due]
    assert len(ids) == len(set(ids)) and all(card["due"] is None for card in due)
    assert {card["pack"] for card in due} == {"core", "bank"}
    kinds = {card["kind"] for card in due}
    assert kinds == {"refusal", "question", "neutral", "followup"}
    assert "bank.neutral.guarantee.0" in ids and "core.question.now" in ids
    assert not any(i.startswith("bank.question.who") for i in ids)  # bank says what core says: drilled once


def test_rating_schedules_by_spaced_repetition(cli):
    cli("drill", "rate", "core.refusal.no_time", "good")
    listed = {card["id"] for card in cli.json("drill", "list")}
    assert "core.refusal.no_time" not in listed
    later = {card["id"] for card in cli.json("drill", "list", today="2027-01-30")}
    assert "core.refusal.no_time" in later
    cli("drill", "rate", "core.refusal.no_time", "again", today="2027-01-30")
    assert "next on 2027-01-31" in cli("drill", "rate", "core.refusal.no_time", "again", today="2027-01-30").stderr
    stats = cli.json("drill", "stats", today="2027-01-30")
    assert stats["practised"] == 1 and stats["reviews_30_days"] == 2 and stats["retention_30_days"] == 0
    assert stats["streak_days"] == 1


@pytest.mark.sqlite_book
def test_streaks_count_days_in_a_row(cli):
    for day in ("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-24", "2026-11-25"):
        cli("drill", "rate", "core.question.who", "good", today=day)
    stats = cli.json("drill", "stats")
    assert stats["streak_days"] == 2 and stats["longest_streak_days"] == 3


def test_bad_cards_and_ratings_are_clean_errors(cli):
    assert "again, hard, good, easy" in cli("drill", "rate", "core.question.who", "great", code=2).stderr
    assert "drill list" in cli("drill", "rate", "core.nothing", "good", code=1).stderr
    cli("drill", "list", "--limit", "-1", code=2)
    cli("drill", "list", "--pack", "nosuchpack", code=1)


def test_the_weakest_habits_cards_come_first(cli):
    cli("demo", "--customers", "20", "--seed", "3")
    weakest = cli.json("coach")["weakest"]["id"]
    from salescoach.core.drills import HABIT_KINDS

    assert cli.json("drill", "list")[0]["kind"] == HABIT_KINDS[weakest]
    assert "First, the habit to work on" in cli("drill", "list").stdout


def test_a_session_from_standard_input_and_in_korean(cli):
    before = len(cli.json("drill", "list"))
    result = cli("drill", "--limit", "2", input="my answer\n3\n\n9\n4\n")  # 9 is no rating: asked again
    assert result.stdout.count("Model answers") == 2 and "Cards practised: 2." in result.stdout
    assert len(cli.json("drill", "list")) == before - 2
    korean = cli("--lang", "ko", "drill", "--limit", "1", input="\n3\n").stdout
    assert "모범 답안" in korean and "Model answers" not in korean


@pytest.mark.sqlite_book
def test_ctrl_c_mid_session_keeps_the_reviews_done(isolated):
    leader, process = spawn_in_pty("drill", "--limit", "5")
    output = b""
    try:
        for answer in ("", "3", "an answer", "1", ""):
            output += read_until_quiet(leader)
            os.write(leader, answer.encode() + b"\r")
        output += read_until_quiet(leader)
        os.killpg(process.pid, signal.SIGINT)
        code = process.wait(timeout=30)
        output += read_until_quiet(leader, quiet=0.2, limit=2)
    finally:
        os.close(leader)
    text = output.decode()
    assert code == 130 and "the 2 reviews done are saved" in text and "Traceback" not in text, text
    reviews = sqlite3.connect(isolated / "salescoach.db").execute("SELECT rating FROM drill_reviews ORDER BY id")
    assert [row[0] for row in reviews] == ["good", "again"]
