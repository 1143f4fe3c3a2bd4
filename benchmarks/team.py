"""The team store's benchmark: one rep's daily commands on the team server against the same book on SQLite, on a
team of 50 reps with 2,000 customers each, and the manager's report over all 50.

Usage: python benchmarks/team.py [--reps 50] [--customers 2000] [--runs 7] [--explain]

It starts its own PostgreSQL server (tests/pg_server.py: a cluster in a temporary folder, reached by a Unix socket,
as the ``postgres`` user under root), runs `team init` as an administrator that owns the database, and adds the
reps, managed by ``lead``. The first rep's book is the demo book (``demo --seed 7``, written through the store
as that rep); the administrator copies it for every other rep in SQL, each copy with its own ids and owned by its
rep, so row-level security has 50 books to tell apart. The same demo book is made on SQLite. Then, as in
benchmarks/suite.py, every command is timed as a whole process, round-robin with ``python -c pass``: one warm-up,
the median of ``--runs`` runs, and each figure also as a ratio. ``--explain`` also runs ``followup``, ``prep 1``
(and ``team report``) on PostgreSQL with psycopg timed (import, connect, statements) and prints EXPLAIN ANALYZE,
as the rep (or manager), row-level security included, of the statements that took longest.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from suite import BARE, SCRIPT, measure

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from pg_server import ADMIN, Server  # noqa: E402 - the tests' server, found beside the benchmarks

TODAY = "2026-11-25"
OFFSET = 10_000_000
"""Each copied book's ids are the first book's plus this times its number, so no two books share an id."""
MANAGER = "lead"


def rep_name(number: int) -> str:
    return f"rep{number:02d}"


def team_database(server: Server, reps: int) -> str:
    """The database ``team`` set up by `team init`, with ``reps`` reps managed by :data:`MANAGER`."""
    from salescoach.store.team import TeamStore

    server.sql(f"CREATE ROLE {ADMIN} LOGIN CREATEROLE", f"CREATE DATABASE team OWNER {ADMIN}")
    admin = TeamStore(server.url(ADMIN, "team"))
    try:
        admin.init()
        for number in range(1, reps + 1):
            admin.add_rep(rep_name(number), MANAGER, date(2026, 11, 1))
    finally:
        admin.close()
    return "team"


def copy_book(server: Server, database: str, reps: int) -> None:
    """The first rep's rows copied, as the administrator, for reps 2..``reps``: new ids, each copy its rep's."""
    from salescoach.store.pg_schema import OWNED_TABLES

    statements = []
    for table in OWNED_TABLES:
        columns = [
            row[0]
            for row in server.sql(
                "SELECT column_name FROM information_schema.columns"
                f" WHERE table_name = '{table}' ORDER BY ordinal_position",
                database=database,
            )
        ]
        values = [
            "'rep' || lpad(n::text, 2, '0')"
            if column == "rep"
            else f"{column} + n * {OFFSET}"
            if column in ("id", "customer_id", "visit_id")
            else column
            for column in columns
        ]
        statements.append(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)} FROM {table}"
            f" CROSS JOIN generate_series(2, {reps}) AS n WHERE rep = '{rep_name(1)}'"
        )
        if "id" in columns:
            statements.append(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}")
    server.sql(*statements, "VACUUM ANALYZE", database=database, role=ADMIN)


def demo_book(env: dict, customers: int) -> None:
    subprocess.run([SCRIPT, "demo", "--customers", str(customers), "--seed", "7"], env=env, check=True)
    subprocess.run([SCRIPT, "followup"], env=env, check=True, capture_output=True)  # warms the playbook cache


def compare(commands: dict[str, tuple[list[str], dict]], runs: int) -> dict[str, float]:
    """Each command with its own environment, round-robin after one warm-up: median seconds each."""
    for command, env in commands.values():
        measure(command, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, env) in commands.items():
            times[name].append(measure(command, env)[0])
    return {name: statistics.median(seconds) for name, seconds in times.items()}


def has_team_report(env: dict) -> bool:
    done = subprocess.run([SCRIPT, "team", "report", "--help"], env=env, capture_output=True)
    return done.returncode == 0


PROFILE = """
import json, os, sys, time
sys.argv = ["salescoach", *sys.argv[1:]]
os._exit = sys.exit
began = time.perf_counter()
import psycopg
found = {"import_psycopg": time.perf_counter() - began, "connect": 0.0, "execute": 0.0, "fetchall": 0.0}
statements = found["statements"] = {}
reading = {}
connect, execute, fetchall = psycopg.connect, psycopg.Connection.execute, psycopg.Cursor.fetchall

def timed(part, call, *args, **kwargs):
    began = time.perf_counter()
    result = call(*args, **kwargs)
    seconds = time.perf_counter() - began
    found[part] += seconds
    return result, seconds

def run(self, query, params=None, **kwargs):
    cursor, seconds = timed("execute", execute, self, query, params, **kwargs)
    seen = statements.setdefault(str(query), [0, 0.0, 0, params])
    seen[0] += 1
    seen[1] += seconds
    reading[id(cursor)] = seen
    return cursor

def load(self):
    rows, seconds = timed("fetchall", fetchall, self)
    seen = reading.get(id(self), [0, 0.0, 0, None])
    seen[1] += seconds
    seen[2] += len(rows)
    return rows

psycopg.connect = lambda *args, **kwargs: timed("connect", connect, *args, **kwargs)[0]
psycopg.Connection.execute, psycopg.Cursor.fetchall = run, load
from salescoach.cli import main
try:
    main()
except SystemExit:
    pass
found["whole"] = time.perf_counter() - began
sys.stderr.write("PROFILE" + json.dumps(found, default=repr))
"""
"""A salescoach command with psycopg's connect, execute and fetchall timed: the seconds each took in all, and for
every statement how often it ran, its seconds, the rows it returned and its first parameters."""


def profile(env: dict, command: list[str], server: Server, database: str, role: str) -> list[str]:
    """Where one command's time on PostgreSQL goes, and EXPLAIN ANALYZE, as ``role``, of what it read most."""
    import json

    import psycopg

    done = subprocess.run([sys.executable, "-c", PROFILE, *command], env=env, capture_output=True, text=True)
    if "PROFILE" not in done.stderr:
        raise SystemExit(f"profiling {' '.join(command)} failed: {done.stderr}")
    found = json.loads(done.stderr.rsplit("PROFILE", 1)[1])
    lines = [
        "",
        f"`{' '.join(command)}` on PostgreSQL, in-process seconds: whole {found['whole']:.3f}, import psycopg"
        f" {found['import_psycopg']:.3f}, connect {found['connect']:.3f}, execute {found['execute']:.3f}"
        f" ({sum(seen[0] for seen in found['statements'].values())} statements), fetchall {found['fetchall']:.3f}",
    ]
    biggest = sorted(found["statements"].items(), key=lambda item: -item[1][1])[:3]
    with psycopg.connect(server.url(role, database), autocommit=True) as connection:
        for query, (count, seconds, rows, params) in biggest:
            if not query.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            plan = connection.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {query}", params).fetchall()
            shown = " ".join(query.split())[:300]
            lines += ["", f"{seconds * 1000:.1f} ms, {count}x, {rows} rows: `{shown}`", "```text"]
            lines += [row[0] for row in plan] + ["```"]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=50)
    parser.add_argument("--customers", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--explain", action="store_true", help="Also show where PostgreSQL's time goes.")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="salescoach-team-bench-"))
    server = Server()
    try:
        database = team_database(server, options.reps)
        base = {**os.environ, "SALESCOACH_TODAY": TODAY, "NO_COLOR": "1"}
        base.pop("SALESCOACH_DATABASE_URL", None)
        sqlite = {**base, "SALESCOACH_HOME": str(work / "sqlite")}
        postgres = {**base, "SALESCOACH_HOME": str(work / "postgres")}
        postgres["SALESCOACH_DATABASE_URL"] = server.url(rep_name(1), database)
        manager = {**postgres, "SALESCOACH_DATABASE_URL": server.url(MANAGER, database)}
        demo_book(sqlite, options.customers)
        demo_book(postgres, options.customers)
        copy_book(server, database, options.reps)
        commands = {"python -c pass": (BARE, base)}
        for name in ("followup", "prep 1"):
            for backend, env in (("SQLite", sqlite), ("PostgreSQL", postgres)):
                commands[f"{name} ({backend})"] = ([SCRIPT, *name.split()], env)
        report = has_team_report(manager)
        if report:
            commands[f"team report ({options.reps} reps)"] = ([SCRIPT, "team", "report"], manager)
        medians = compare(commands, options.runs)
        bare = medians["python -c pass"]
        rows = server.sql("SELECT count(*) FROM customers", database=database, role=ADMIN)[0][0]
        lines = [
            f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()},"
            f" {platform.system()} {platform.release()}, PostgreSQL {server.sql('SHOW server_version')[0][0]};"
            f" {options.reps} reps x {options.customers:,} customers ({rows:,} in the team database);"
            f" median of {options.runs} runs after a warm-up.",
            "",
            "| command | median ms | × `python -c pass` |",
            "|---|---:|---:|",
            *[f"| `{name}` | {seconds * 1000:.1f} | {seconds / bare:.1f} |" for name, seconds in medians.items()],
            "",
        ]
        for name in ("followup", "prep 1"):
            ratio = medians[f"{name} (PostgreSQL)"] / medians[f"{name} (SQLite)"]
            lines.append(f"`{name}` PostgreSQL / SQLite: {ratio:.2f} (target at most 1.5)")
        if not report:
            lines.append("`team report`: not measured, this salescoach has no `team report` command yet")
        if options.explain:
            for command in (["followup"], ["prep", "1"]):
                lines += profile(postgres, command, server, database, rep_name(1))
            if report:
                lines += profile(manager, ["team", "report"], server, database, MANAGER)
        print("\n".join(lines))
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
