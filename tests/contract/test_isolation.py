"""Each rep's book is their own on the team server, proven through real roles: what salescoach shows a rep, and
what the rep's own connection may do in raw SQL, whatever it tries.

alice and bob are reps managed by boss; eve is a login role outside the team; team_admin ran `team init` and
owns the tables. Every customer-data table (pg_schema.OWNED_TABLES) holds rows of alice's and of bob's, so a
policy missing on any one of them fails here. The books are written once for the module: nothing below may
change them, and the tests check that nothing did.
"""

import json

import psycopg
import pytest
from conftest import TODAY, Cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pg_server import ADMIN

from salescoach.store.pg_schema import OWNED_TABLES

URL = "SALESCOACH_DATABASE_URL"

BOB_BOOK = [
    ("demo", "--customers", "12"),
    ("customer", "add", "Bob Tagged", "--tag", "fleet", "--phone", "010-2222-3333", "--email", "tagged@bob.example"),
    ("profile", "set", "--name", "Bob Rep"),
    ("import", "{card}"),
]
ALICE_BOOK = [
    ("customer", "add", "Alice Lee", "--tag", "fleet", "--phone", "010-1111-2222", "--email", "lee@alice.example"),
    ("debrief", "Alice Lee", "--no-input", "--channel", "phone", "--promise", "send it@+2d", "--note", "family:twins"),
    ("debrief", "Alice Lee", "--no-input", "--channel", "visit", "--outcome", "sale", "--amount", "900"),
    ("followup", "add", "Alice Lee", "--on", "today"),
    ("customer", "date", "Alice Lee", "birthday", "11-25"),
    ("profile", "set", "--name", "Alice Rep"),
    ("import", "{card}"),
]
ALICES = ["Alice Card", "Alice Lee"]
BOSS_BOOK = [("customer", "add", "Boss Own")]
DRILLED = (
    f"INSERT INTO drill_cards (card_id, due, state, reviews) VALUES ('core.refusal.no_need', '{TODAY}', '{{}}', 1)",
    f"INSERT INTO drill_reviews (card_id, rating, reviewed_on) VALUES ('core.refusal.no_need', 'good', '{TODAY}')",
)
"""A practised card, written by each rep's own connection: `drill rate` fails on PostgreSQL for now ("column
reference reviews is ambiguous" in StatsQueries.save_review; reported to the lead)."""
CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nTEL:010-3333-4444\r\nTEL:010-5555-6666\r\nEND:VCARD\r\n"
"""A contact with a second phone number: the only way into contact_points is an import."""


@pytest.fixture(scope="module")
def books(pg_team, tmp_path_factory):
    """bob's, alice's and boss's books, written through salescoach as each of them."""
    pg_team.empty()
    cli = Cli()
    folder = tmp_path_factory.mktemp("books")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SALESCOACH_HOME", str(folder / "home"))
        patch.setenv("SALESCOACH_TODAY", TODAY)
        patch.setenv("NO_COLOR", "1")
        for rep, book in (("bob", BOB_BOOK), ("alice", ALICE_BOOK), ("boss", BOSS_BOOK)):
            patch.setenv(URL, pg_team.url(rep))
            card = folder / f"{rep}.vcf"
            card.write_text(CARD.format(name=f"{rep.title()} Card"), encoding="utf-8")
            for command in book:
                cli(*[part.format(card=card) for part in command])
            pg_team.sql(*DRILLED, role=rep)
    counts = {table: {rep: rows for rep, (rows, _digest) in reps.items()} for table, reps in snapshot(pg_team).items()}
    for table in OWNED_TABLES:
        for rep in ("alice", "bob"):
            assert counts[table].get(rep), f"{rep} has no rows in {table}: the test would prove nothing there"
    assert counts["customers"]["alice"] == 2 and counts["customers"]["boss"] == 1
    return counts


def snapshot(team) -> dict[str, dict[str, tuple[int, str]]]:
    """Every owned table's (rows, digest of their content) per rep, as the administrator reads them."""
    return {
        table: {
            rep: (count, digest)
            for rep, count, digest in team.sql(
                f"SELECT rep, count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t GROUP BY rep"
            )
        }
        for table in OWNED_TABLES
    }


@pytest.fixture(autouse=True)
def unchanged(books, pg_team):
    """Whatever a test tried, every book is as the module wrote it afterwards."""
    before = snapshot(pg_team)
    yield
    assert snapshot(pg_team) == before


@pytest.fixture
def as_rep(books, pg_team, cli, monkeypatch):
    """salescoach as one role of the team: ``as_rep("alice")("customer", "list")``."""

    def use(role: str):
        monkeypatch.setenv(URL, pg_team.url(role))
        return cli

    return use


@pytest.fixture
def connect(books, pg_team):
    """A raw psycopg connection as a role, in autocommit: what a rep could do with psql and their own login."""
    opened = []

    def connect_as(role: str, team_view: bool = False) -> psycopg.Connection:
        connection = psycopg.connect(pg_team.url(role), autocommit=True)
        opened.append(connection)
        if team_view:
            connection.execute("SET salescoach.view = 'team'")
        return connection

    yield connect_as
    for connection in opened:
        connection.close()


def bobs_customer_ids(team) -> list[int]:
    return [row[0] for row in team.sql("SELECT id FROM customers WHERE rep = 'bob' ORDER BY id")]


def error_line(result) -> str:
    """The one-line error of a failed command (a hint may follow it); never a traceback."""
    first, *rest = result.stderr.splitlines()
    assert first.startswith("Error: ") and len(rest) <= 1 and "Traceback" not in result.stderr, result.stderr
    return first


# -- through salescoach -----------------------------------------------------------------------------------------


def test_alice_lists_shows_and_exports_only_her_own_book(as_rep, books):
    cli = as_rep("alice")
    assert [customer["name"] for customer in cli.json("customer", "list")] == ALICES
    exported = json.loads(cli("export", "--format", "json").stdout)
    assert sorted(customer["name"] for customer in exported["customers"]) == ALICES
    assert exported["profile"]["name"] == "Alice Rep"
    followups = cli.json("followup", "--days", "366")
    assert {item["customer"] for item in followups["items"]} == {"Alice Lee"}, followups["items"]
    assert followups["at_risk"] == [] or {entry["name"] for entry in followups["at_risk"]} == {"Alice Lee"}


def test_alice_meets_bobs_customers_as_strangers(as_rep, pg_team):
    cli = as_rep("alice")
    bobs = bobs_customer_ids(pg_team)
    for customer_id in (bobs[0], bobs[len(bobs) // 2], bobs[-1]):
        says = error_line(cli("customer", "show", str(customer_id), code=1))
        assert says == f"Error: no customer matches '{customer_id}'"
        assert error_line(cli("history", str(customer_id), code=1)) == says
        assert error_line(cli("customer", "note", str(customer_id), "family", "twins", code=1)) == says
        assert error_line(cli("customer", "remove", str(customer_id), "--yes", code=1)) == says
        assert error_line(cli("followup", "add", str(customer_id), "--on", "today", code=1)) == says
    brief = cli.json("prep", "Bob Tagged")
    assert brief["header"]["known"] is False and brief["header"]["customer_id"] is None


def test_alice_cannot_finish_bobs_followups_and_promises(as_rep, pg_team):
    """Done or snoozed, bob's item is refused as one nobody has: alice cannot even learn it exists."""
    cli = as_rep("alice")
    nobody = pg_team.sql("SELECT max(id) + 1000 FROM followups")[0][0]
    for table, letter, done in (("followups", "f", "done_on"), ("promises", "p", "kept_on")):
        bobs = pg_team.sql(f"SELECT min(id) FROM {table} WHERE rep = 'bob' AND {done} IS NULL")[0][0]
        commands = [("followup", "done", "{item}")]
        if letter == "f":
            commands.append(("followup", "snooze", "{item}", "--to", "+3d"))
        for command in commands:
            said = [
                error_line(cli(*[part.format(item=f"{letter}{number}") for part in command], code=1)).replace(
                    str(number), "N"
                )
                for number in (bobs, nobody)
            ]
            assert said[0] == said[1], said


def test_alice_stats_count_her_book_alone(as_rep):
    stats = as_rep("alice").json("stats")
    assert stats["by_tier_and_stage"]["general"] == {"1": 1, "2": 0, "3": 1}
    assert sum(sum(stages.values()) for stages in stats["by_tier_and_stage"].values()) == 2
    assert stats["performance"]["traffic"] == 2 and stats["performance"]["average_order"] == 900
    assert [(month["contacts"], month["sales"]) for month in stats["months"]] == [(2, 1)]
    assert stats["lost_by_cause"] == {}


def test_boss_runs_his_own_morning_not_his_reps(as_rep):
    cli = as_rep("boss")
    assert [customer["name"] for customer in cli.json("customer", "list")] == ["Boss Own"]
    assert cli.json("followup", "--days", "366")["items"] == []
    by_tier = cli.json("stats")["by_tier_and_stage"]
    assert by_tier["general"]["1"] == 1 and sum(sum(stages.values()) for stages in by_tier.values()) == 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12))
def test_no_search_of_alice_finds_bobs_customers(as_rep, pg_team, word):
    """Whatever alice types as a customer's name, the matches are hers alone."""
    cli = as_rep("alice")
    result = cli.runner.invoke(cli.app, ["customer", "list", "--json"])
    assert [customer["name"] for customer in json.loads(result.stdout)] == ALICES
    shown = cli.runner.invoke(cli.app, ["customer", "show", word.strip() or "x", "--json"])
    assert shown.exit_code in (0, 1, 2), shown.stderr
    if shown.exit_code == 0:
        assert json.loads(shown.stdout)["customer"]["name"] in ALICES
    else:
        assert "Traceback" not in shown.stderr and "Bob" not in shown.stderr


# -- raw SQL on the rep's own connection ------------------------------------------------------------------------


def test_alice_selects_only_her_rows_in_every_table(connect, books):
    for team_view in (False, True):  # asking for the team's view gives a rep nothing more
        alice = connect("alice", team_view)
        for table in OWNED_TABLES:
            reps = dict(alice.execute(f"SELECT rep, count(*) FROM {table} GROUP BY rep").fetchall())
            assert reps == {"alice": books[table].get("alice", 0)} or (reps == {} and "alice" not in books[table])
            assert alice.execute(f"SELECT count(*) FROM {table} WHERE rep <> 'alice'").fetchone() == (0,)


def test_alice_updates_and_deletes_none_of_bobs_rows(connect, pg_team):
    alice = connect("alice")
    bobs = bobs_customer_ids(pg_team)
    for table in OWNED_TABLES:
        assert alice.execute(f"UPDATE {table} SET rep = 'alice' WHERE rep = 'bob'").rowcount == 0, table
        assert alice.execute(f"DELETE FROM {table} WHERE rep = 'bob'").rowcount == 0, table
        assert alice.execute(f"DELETE FROM {table} WHERE rep <> current_user").rowcount == 0, table
    assert alice.execute("UPDATE customers SET name = 'taken' WHERE id = ANY(%s)", (bobs,)).rowcount == 0
    assert alice.execute("DELETE FROM customers WHERE id = ANY(%s)", (bobs,)).rowcount == 0


def test_alice_cannot_hand_her_rows_to_bob(connect):
    alice = connect("alice")
    for table in OWNED_TABLES:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            alice.execute(f"UPDATE {table} SET rep = 'bob'")


MINIMAL_ROWS = {
    "customers": {"name": "Planted", "name_key": "planted", "created": TODAY},
    "customer_tags": {"customer_id": None, "tag": "planted"},
    "notes": {"customer_id": None, "kind": "family", "text": "planted", "noted_on": TODAY},
    "visits": {"customer_id": None, "date": TODAY, "channel": "phone"},
    "promises": {"customer_id": None, "text": "planted", "made_on": TODAY, "due": TODAY},
    "followups": {"customer_id": None, "due": TODAY, "channel": "phone", "type": "call"},
    "purchases": {"customer_id": None, "date": TODAY, "amount": 1.0},
    "important_dates": {"customer_id": None, "kind": "birthday", "month": 1, "day": 2},
    "contact_points": {"customer_id": None, "kind": "phone", "value": "010-0000-0000"},
    "profile": {"key": "name", "value": "planted"},
    "drill_cards": {"card_id": "planted", "due": TODAY, "state": "{}"},
    "drill_reviews": {"card_id": "planted", "rating": "good", "reviewed_on": TODAY},
}
"""A row each table takes; ``customer_id`` None is filled in with the customer the test hangs it on."""


def _insert(connection, table: str, customer_id: int | None, **extra) -> None:
    row = {**MINIMAL_ROWS[table], **extra}
    if "customer_id" in row:
        row["customer_id"] = customer_id
    columns = ", ".join(row)
    marks = ", ".join(["%s"] * len(row))
    connection.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


def test_every_owned_table_has_a_minimal_row():
    assert set(MINIMAL_ROWS) == set(OWNED_TABLES)


@pytest.mark.parametrize("table", OWNED_TABLES)
def test_alice_cannot_write_a_row_in_bobs_name(connect, pg_team, table):
    bob_customer = bobs_customer_ids(pg_team)[0]
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _insert(connect("alice"), table, bob_customer, rep="bob")


@pytest.mark.parametrize("table", [table for table in OWNED_TABLES if "customer_id" in MINIMAL_ROWS[table]])
def test_alice_cannot_hang_a_row_on_bobs_customer_nor_learn_it_exists(connect, pg_team, table):
    """Her row on bob's customer is refused exactly as on a customer nobody has."""
    alice = connect("alice")
    bob_customer = bobs_customer_ids(pg_team)[0]
    nobody = pg_team.sql("SELECT max(id) + 1000 FROM customers")[0][0]
    refusals = []
    for customer_id in (bob_customer, nobody):
        with pytest.raises(psycopg.errors.ForeignKeyViolation) as refused:
            _insert(alice, table, customer_id)
        refusals.append(str(refused.value).replace(str(customer_id), "ID"))
    assert refusals[0] == refusals[1]


# -- the manager, someone outside the team, and the administrator -----------------------------------------------


def test_boss_in_the_team_view_reads_his_reps_rows(connect, books):
    boss = connect("boss", team_view=True)
    for table in OWNED_TABLES:
        reps = dict(boss.execute(f"SELECT rep, count(*) FROM {table} GROUP BY rep").fetchall())
        expected = {rep: count for rep, count in books[table].items() if rep in ("alice", "bob", "boss")}
        assert reps == expected, table


def test_boss_without_the_team_view_reads_only_his_own(connect, books):
    boss = connect("boss")
    for table in OWNED_TABLES:
        reps = dict(boss.execute(f"SELECT rep, count(*) FROM {table} GROUP BY rep").fetchall())
        assert set(reps) <= {"boss"} and reps.get("boss") == books[table].get("boss"), table


def test_boss_in_the_team_view_writes_none_of_his_reps_rows(connect, pg_team):
    boss = connect("boss", team_view=True)
    for table in OWNED_TABLES:
        assert boss.execute(f"UPDATE {table} SET rep = rep WHERE rep IN ('alice', 'bob')").rowcount == 0, table
        assert boss.execute(f"DELETE FROM {table} WHERE rep IN ('alice', 'bob')").rowcount == 0, table
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            _insert(boss, table, bobs_customer_ids(pg_team)[0], rep="bob")


def test_a_role_outside_the_team_cannot_connect(pg_server, pg_team, as_rep, books):
    pg_server.sql("DROP ROLE IF EXISTS eve", "CREATE ROLE eve LOGIN")
    with pytest.raises(psycopg.OperationalError, match='permission denied for database "team"'):
        psycopg.connect(pg_team.url("eve")).close()
    says = error_line(as_rep("eve")("customer", "list", code=1))
    assert says.startswith("Error: cannot connect to the team database: ") and "permission denied" in says


def test_a_role_let_into_the_database_still_reads_nothing(pg_server, pg_team, as_rep, connect, books):
    """Even if a superuser lets eve connect, no table is granted to her: nothing to read, one clear error."""
    pg_server.sql("DROP ROLE IF EXISTS eve", "CREATE ROLE eve LOGIN")
    pg_server.sql("GRANT CONNECT ON DATABASE team TO eve", database="team")
    try:
        eve = connect("eve")
        for table in OWNED_TABLES:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                eve.execute(f"SELECT count(*) FROM {table}")
        for command in (("customer", "list"), ("followup",), ("prep", "Alice Lee"), ("export", "--format", "json")):
            says = error_line(as_rep("eve")(*command, code=1))
            assert says.startswith("Error: the team database refused this role: permission denied"), says
    finally:
        pg_server.sql("REVOKE CONNECT ON DATABASE team FROM eve", database="team")


def test_only_the_administrator_sees_every_book(connect, as_rep, books):
    """team_admin owns the tables, and row-level security does not bind a table's owner: the administrator sees
    every rep's rows (`team rep list` counts them), where no rep or manager sees past their own."""
    admin = connect(ADMIN)
    for table in OWNED_TABLES:
        reps = dict(admin.execute(f"SELECT rep, count(*) FROM {table} GROUP BY rep").fetchall())
        assert reps == books[table], table
    customers = {member["rep"]: member["customers"] for member in as_rep(ADMIN).json("team", "rep", "list")}
    assert customers["alice"] == books["customers"]["alice"] and customers["bob"] == books["customers"]["bob"]


def test_salescoach_refuses_daily_commands_as_a_role_that_sees_every_book(as_rep, books):
    says = error_line(as_rep(ADMIN)("customer", "list", code=1))
    assert "administers the team database" in says
