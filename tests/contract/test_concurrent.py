"""Reps of a team writing at once on the team server: every write lands in its owner's book, and where a write
depends on what was read (an open follow-up, a customer still there) exactly one racer wins and the others say why.

The racers are lined up as tests/reliability/test_concurrency.py lines them up on SQLite: a gate holds the lock
each command's transaction takes first (PostgresStore.transaction: the rep's row of rep_locks) while
the racers start, and lets go only once every one of them waits for it, so each has made every read it makes
before its transaction. A check made outside the transaction would then pass for every racer at once.
"""

import json
import time
from datetime import date

import psycopg
import pytest
from pg_server import ADMIN

from helpers import finished, one_winner, start_racer
from salescoach.store.pg_schema import LOCK_MY_BOOK, OWNED_TABLES

REPS = [f"r{number}" for number in range(1, 9)]


def waiting(server) -> int:
    """How many sessions of the server wait for a lock (the gate's)."""
    return server.sql("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted")[0][0]


def hold(gate, role: str) -> None:
    """Take ``role``'s book lock on the administrator's connection ``gate``, until it commits."""
    gate.execute(LOCK_MY_BOOK.replace("current_user", "%s"), (role,))


def race(team, *racers: tuple[str, tuple[str, ...]]) -> list:
    """Run each (role, command) as that role, all held at the gate until every one waits there; their results."""
    with psycopg.connect(team.url(ADMIN)) as gate:
        for role in {role for role, _command in racers}:
            hold(gate, role)
        processes = [start_racer(command, env={"SALESCOACH_DATABASE_URL": team.url(role)}) for role, command in racers]
        deadline = time.monotonic() + 25  # well inside the store's 30-second lock timeout
        while time.monotonic() < deadline:
            running = sum(process.poll() is None for process in processes)
            if waiting(team.server) >= running:
                break
            time.sleep(0.05)
        assert waiting(team.server) == len(processes), "a racer ended before it reached its transaction"
        gate.commit()
    return finished(processes)


@pytest.fixture
def eight_reps(team):
    """Reps r1..r8 in the team, added by the administrator, and taken out again after the test (the other tests'
    team is alice and bob, managed by boss)."""
    from salescoach.store.team import TeamStore

    admin = TeamStore(team.url(ADMIN))
    try:
        for rep in REPS:
            admin.add_rep(rep, "boss", date(2026, 11, 1))
        yield team
        team.empty()
        for rep in REPS:
            admin.remove_rep(rep, None)
    finally:
        admin.close()


def landed(results) -> None:
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "busy" not in result.stderr


def test_eight_reps_writing_at_once_all_land_in_their_own_books(eight_reps):
    team = eight_reps
    added = race(team, *[(rep, ("customer", "add", "Lee Jiwoo", "--tag", rep)) for rep in REPS])
    landed(added)
    assert not [result.stderr for result in added if "already in your book" in result.stderr]  # new to each book
    debrief = ("debrief", "Lee Jiwoo", "--no-input", "--channel", "phone", "--note", "family:twins")
    landed(race(team, *[(rep, (*debrief, "--promise", f"call {rep} back@+2d")) for rep in REPS]))
    for table, each in (("customers", 1), ("customer_tags", 1), ("visits", 1), ("notes", 1), ("promises", 1)):
        assert dict(team.sql(f"SELECT rep, count(*) FROM {table} GROUP BY rep")) == dict.fromkeys(REPS, each), table
    owners = team.sql("SELECT p.rep, p.text, t.tag FROM promises p JOIN customer_tags t USING (customer_id, rep)")
    assert sorted(owners) == sorted((rep, f"call {rep} back", rep) for rep in REPS)
    assert {
        table: team.sql(f"SELECT count(*) FROM {table} WHERE rep NOT LIKE 'r_'")[0][0] for table in OWNED_TABLES
    } == (dict.fromkeys(OWNED_TABLES, 0))


@pytest.fixture
def alice_book(team, cli, monkeypatch):
    """alice's book: Lee Jiwoo with an open follow-up f1 due today, and Park Sora (customer 2)."""
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("alice"))
    cli("customer", "add", "Lee Jiwoo")
    cli("customer", "add", "Park Sora")
    cli("followup", "add", "Lee Jiwoo", "--on", "today")
    return team


def test_one_followup_done_twice_at_once_is_done_once(alice_book, cli):
    results = race(alice_book, *[("alice", ("followup", "done", "f1"))] * 2)
    one_winner(results, 1, "follow-up f1 was already done")
    listed = cli.json("followup", "--days", "366")
    assert [item["id"] for item in listed["items"] if item["kind"] == "followup"] == ["f2"]  # one next touch


def test_one_customer_removed_twice_at_once_is_removed_once(alice_book, cli):
    results = race(alice_book, *[("alice", ("customer", "remove", "2", "--yes"))] * 2)
    won = one_winner(results, 1, "no customer with id 2")
    assert "Removed Park Sora." in won.stderr
    assert [customer["name"] for customer in cli.json("customer", "list")] == ["Lee Jiwoo"]


def test_one_reps_transaction_does_not_hold_another_rep_back(team, cli, monkeypatch):
    """The lock a transaction takes is the rep's own: alice's gate does not hold bob back."""
    for rep in ("alice", "bob"):
        monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url(rep))
        cli("customer", "add", "Lee Jiwoo")
    with psycopg.connect(team.url(ADMIN)) as gate:
        hold(gate, "alice")
        bob = finished(
            [start_racer(("customer", "add", "Park Sora"), env={"SALESCOACH_DATABASE_URL": team.url("bob")})]
        )
        gate.commit()
    landed(bob)
    assert json.loads(cli("customer", "list", "--json").stdout)[-1]["name"] == "Park Sora"


def test_no_rep_can_take_another_reps_lock(team, cli, monkeypatch):
    """A rep's transaction waits only for the rep's own: alice can neither see nor lock bob's row, so nothing
    she runs on her own connection holds bob's writes up."""
    monkeypatch.setenv("SALESCOACH_DATABASE_URL", team.url("bob"))
    cli("customer", "add", "Lee Jiwoo")  # bob's row of rep_locks exists now
    with psycopg.connect(team.url("alice")) as alice:
        assert ("bob",) not in alice.execute("SELECT rep FROM rep_locks").fetchall()
        assert alice.execute("SELECT rep FROM rep_locks WHERE rep = 'bob' FOR UPDATE").fetchall() == []
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            hold(alice, "bob")
        alice.rollback()
        alice.execute("SELECT pg_advisory_lock(hashtext('bob'))")  # the old lock's name: it holds nothing now
        started = time.monotonic()
        landed(
            finished([start_racer(("customer", "add", "Park Sora"), env={"SALESCOACH_DATABASE_URL": team.url("bob")})])
        )
        assert time.monotonic() - started < 20
