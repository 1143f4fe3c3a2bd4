"""`salescoach team` and the team server as a hostile or careless user meets them, through the installed script
where the process matters (signals) and in-process elsewhere: every refusal one line with its exit code, and the
team's members, grants and books as they were."""

from __future__ import annotations

import time

import pytest
from pg_server import ADMIN
from team_databases import fresh_database  # noqa: F401 - the fixture `fresh`

ENV = "SALESCOACH_DATABASE_URL"
MEMBERS = "SELECT rep, manager FROM team_members ORDER BY rep"
GROUPS = (
    "SELECT g.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid"
    " JOIN pg_roles m ON m.oid = a.member WHERE g.rolname LIKE 'salescoach%' ORDER BY 1, 2"
)


def one_line(result, says: str) -> None:
    first, *rest = result.stderr.splitlines()
    assert first.startswith("Error: ") and says in first, result.stderr
    assert len(rest) <= 1 and "Traceback" not in result.stderr, result.stderr


@pytest.fixture
def carol(fresh, cli):
    """A set-up team of carol (managed by dana), its members and group grants as they stand."""
    cli("team", "init")
    cli("team", "rep", "add", "carol", "--manager", "dana")
    return fresh.sql(MEMBERS), fresh.sql(GROUPS)


@pytest.mark.parametrize("role", ["postgres", ADMIN, "skipper"])
@pytest.mark.parametrize(
    "command",
    [
        ("rep", "add", "{role}"),
        ("rep", "add", "erin", "--manager", "{role}"),
        ("rep", "move", "carol", "--manager", "{role}"),
    ],
)
def test_a_role_row_security_does_not_bind_is_never_made_a_member(fresh, carol, cli, role, command):
    """The superuser, the administrator (the tables' owner) and a role that bypasses row security would read every
    rep's book as a member, and a manager among them would read every rep's as their own: refused, nothing
    changed."""
    fresh.sql(
        "DO $$ BEGIN CREATE ROLE skipper LOGIN BYPASSRLS; EXCEPTION WHEN duplicate_object THEN END $$", role="postgres"
    )
    refused = cli("team", *(part.format(role=role) for part in command), code=2)
    one_line(refused, f"{role} is not bound by the team's row-level security")
    assert (fresh.sql(MEMBERS), fresh.sql(GROUPS)) == carol


@pytest.mark.parametrize(
    "command",
    [
        ("rep", "add", "carol"),
        ("rep", "list"),
        ("rep", "move", "carol", "--no-manager"),
        ("rep", "remove", "carol", "--yes"),
    ],
)
def test_a_team_command_before_init_says_to_run_it(fresh, cli, command):
    refused = cli("team", *command, code=1)
    one_line(refused, "the team database has no salescoach book yet")
    assert "salescoach team init" in refused.stderr
    assert fresh.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'team_members'") == [(0,)]


def test_a_ctrl_c_while_the_line_is_parsed_is_one_line_and_130(cli, monkeypatch):
    """Typer turns a Ctrl-C while the command line is parsed (before the command's own handler runs) into a bare
    exit 130 with nothing said; it was one Ctrl-C in twenty at a fifth of a second into a command."""

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("salescoach.cli.root.refuse_invalid_text", interrupted)
    stopped = cli("team", "report", code=130)
    assert stopped.stderr == "Error: interrupted; nothing was saved\n"


def test_a_ctrl_c_the_driver_turns_into_its_own_error_is_still_a_ctrl_c():
    """psycopg, stopped by Ctrl-C while it ends a pipeline (``import``'s many rows), raises "cannot exit pipeline
    mode while busy" in the interrupt's place: that is the Ctrl-C, exit 130, not the server failing (exit 1). Seen
    once in fifteen Ctrl-Cs into `import` of a 300-customer book; the driver's error is raised here as it raised it."""
    import psycopg

    from salescoach.store.pg_connection import server_errors

    with pytest.raises(KeyboardInterrupt), server_errors():
        try:
            raise KeyboardInterrupt
        finally:
            raise psycopg.OperationalError("cannot exit pipeline mode while busy")


def test_a_managers_own_book_is_their_own_whatever_their_address_sets(team, cli, monkeypatch):
    """The team's view is the report's alone: a manager whose address sets it for the session
    (``options=-c salescoach.view=team``) still reads only their own book in every other command."""
    monkeypatch.setenv(ENV, team.url("bob"))
    cli("customer", "add", "Bob Own", "--company", "Bob Works")
    monkeypatch.setenv(ENV, team.url("boss") + "&options=-c%20salescoach.view%3Dteam")
    assert cli.json("customer", "list") == []
    assert "Bob Works" not in cli("export", "--format", "json").stdout
    assert all(count == 0 for stages in cli.json("stats")["by_tier_and_stage"].values() for count in stages.values())


@pytest.mark.parametrize("password", ["pass%77ord=x", "%70%61%73%73%77%6F%72%64=x", "host=/tmp&password="])
def test_an_address_never_holds_a_password_however_it_is_spelled(team, cli, monkeypatch, password):
    """libpq decodes a parameter's name as it decodes its value: ``pass%77ord`` is the password."""
    address = f"{team.url('alice')}&{password}"
    refused = cli("config", "set", "database.url", address, code=2)
    one_line(refused, "must not hold a password")
    monkeypatch.setenv(ENV, address)
    one_line(cli("followup", code=2), "SALESCOACH_DATABASE_URL: must not hold a password")


def test_stats_json_is_the_same_on_both_backends_in_a_month_without_a_sale(backend, cli):
    """SQLite's sum of no amounts is the whole number 0, PostgreSQL's 0.0: `amount` is a number with a fraction
    on either, as it is once there is a sale."""
    cli("customer", "add", "Lee Jiwoo")
    cli("debrief", "Lee Jiwoo", "--no-input", "--channel", "phone")
    (month,) = cli.json("stats")["months"]
    assert month["contacts"] == 1 and isinstance(month["amount"], float)


@pytest.mark.parametrize("member", ["carol", "dana"])
@pytest.mark.parametrize(
    "command",
    [
        ("init",),
        ("rep", "add", "carol"),
        ("rep", "add", "erin", "--manager", "dana"),
        ("rep", "move", "carol", "--no-manager"),
        ("rep", "remove", "carol", "--yes"),
    ],
)
def test_a_member_running_the_administrators_commands_is_told_whose_they_are(
    fresh, carol, cli, monkeypatch, member, command
):
    """A rep or manager is refused at once and told the administrator runs these, not "an administrator adds you"
    as if they were not in the team (nor, for their own name, "already in the team" and how to connect)."""
    monkeypatch.setenv(ENV, fresh.url(member))
    refused = cli("team", *command, code=1)
    one_line(refused, f"{member} is not the team's administrator")
    assert refused.stdout == ""
    assert (fresh.sql(MEMBERS), fresh.sql(GROUPS)) == carol


def _waiting_for_a_lock(fresh) -> bool:
    """Whether a salescoach command on the database waits for a lock now (polled for up to ten seconds)."""
    for _attempt in range(100):
        if fresh.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            " AND application_name = 'salescoach' AND wait_event_type = 'Lock'",
            role="postgres",
        ) == [(1,)]:
            return True
        time.sleep(0.1)
    return False


def test_a_rep_removed_while_their_command_writes_hands_over_all_of_it(fresh, carol, monkeypatch):
    """The removal waits for the rep's command in flight (it takes the rep's lock, as the rep's own transactions
    do): the customer carol adds meanwhile goes to dana with the rest, not left behind under carol."""
    import psycopg

    from helpers import finished, start_racer
    from salescoach.store.pg_schema import LOCK_MY_BOOK

    with psycopg.connect(fresh.url("carol")) as writing:
        writing.execute(LOCK_MY_BOOK)
        writing.execute(
            "INSERT INTO customers (name, name_key, created)"
            " VALUES ('Added meanwhile', 'added meanwhile', '2026-11-25')"
        )
        removal = start_racer(("team", "rep", "remove", "carol", "--to", "dana", "--yes"))
        waited = _waiting_for_a_lock(fresh)
        writing.commit()
    (removed,) = finished([removal])
    assert removed.returncode == 0, removed.stderr
    assert waited and "their book (1 customer) is dana's now" in removed.stderr
    assert fresh.sql("SELECT rep, name FROM customers") == [("dana", "Added meanwhile")]


def test_the_address_printed_for_a_rep_is_one_shell_word_whatever_the_database_is_called(
    pg_team, cli, monkeypatch, tmp_path
):
    """`rep add` prints lines to paste into a shell: a quote in the address (a database called ``team's;x``)
    must not end the quoting there and run the rest as a command."""
    import subprocess

    database = "team's;touch${IFS}pwned;'"
    quoted = database.replace('"', '""')
    pg_team.server.sql(f'DROP DATABASE IF EXISTS "{quoted}"', f'CREATE DATABASE "{quoted}" OWNER {ADMIN}')
    admin = pg_team.server.url(ADMIN, database)  # libpq takes the quote and the rest as they are
    monkeypatch.setenv(ENV, admin)
    cli("team", "init")
    printed = cli("team", "rep", "add", "carol").stdout.splitlines()
    export = next(line.strip() for line in printed if line.strip().startswith("export "))
    shown = subprocess.run(
        ["sh", "-c", f'{export}; printf %s "$SALESCOACH_DATABASE_URL"'], capture_output=True, text=True
    )
    assert shown.returncode == 0 and shown.stdout == admin.replace(f"{ADMIN}@", "carol@"), shown


@pytest.mark.parametrize(
    "member, group, command",
    [("alice", "salescoach_rep", ("customer", "add", "Shared")), ("boss", "salescoach_manager", ("team", "report"))],
)
def test_an_address_that_sets_another_role_is_refused(team, cli, monkeypatch, member, group, command):
    """``options=-c role=salescoach_rep`` made every rep who set it read and write one book of the group role's,
    shared by them all and owned by none: a book is opened as the login role itself, or not at all."""
    monkeypatch.setenv(ENV, team.url(member) + f"&options=-c%20role%3D{group}")
    refused = cli(*command, code=1)
    one_line(refused, f"the address makes {member} act as {group}")
    assert team.sql("SELECT count(*) FROM customers") == [(0,)]
