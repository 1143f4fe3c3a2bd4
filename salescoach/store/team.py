"""The team on its PostgreSQL server: setting the schema up, the reps and who manages them, and the manager's report.

An administrator runs these (``team init``, ``team rep ...``) as a login role that owns the database and may
create roles; row-level security does not bind a table's owner, which is why the administrator sees every rep's
rows to count them. A manager runs :meth:`TeamStore.report` as themselves: the session asks for the team's view
and the policies show the rows of the reps they manage, and no others.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import NamedTuple

from salescoach.errors import InvalidInput, NotFound, StoreUnavailable
from salescoach.i18n import _
from salescoach.paths import Locations
from salescoach.store.agenda import NO_STANDING_FOLLOWUP
from salescoach.store.pg_connection import server_errors
from salescoach.store.pg_schema import GROUP_ROLE, MANAGER_ROLE, MIGRATIONS, UNBOUND_ROLE, team_access
from salescoach.store.postgres import PostgresStore, refuse_newer
from salescoach.store.rows import day_of

HOLD_BOOK = "INSERT INTO rep_locks (rep) VALUES (?) ON CONFLICT (rep) DO UPDATE SET rep = excluded.rep"
"""The administrator takes a rep's lock (:data:`~salescoach.store.pg_schema.LOCK_MY_BOOK`, by name) to change
their book: a command of the rep's in flight finishes first, and the next one waits, so what it writes meanwhile
is not left behind under a removed rep's name."""


class Member(NamedTuple):
    rep: str
    manager: str | None
    added: str
    customers: int


class TeamRows(NamedTuple):
    """What :meth:`TeamStore.report` reads, each figure keyed by rep: the use case puts them together."""

    members: list[tuple[str, str | None]]  # (rep, manager) of every member the viewer sees
    tiers: list[tuple[str, str, int]]  # (rep, tier, customers)
    followups: dict[str, tuple[int, int, int, int]]  # (open and due today, open and overdue, due in the span, of
    # which done on time)
    promises: dict[str, tuple[int, int, int, int]]  # promises due in the span: (due, kept on time, late, open overdue)
    at_risk: dict[str, int]
    contacts: dict[str, int]  # in the 30 days to today
    scores: dict[str, tuple[int, float]]  # scored visits in the span: (visits, their average score)
    scored: dict[str, list[tuple[date, dict]]]  # each rep's latest scored visits, newest first: (day, checks)


def open_team(where: Locations) -> TeamStore:
    """The team database in force (``SALESCOACH_DATABASE_URL`` or ``database.url``), for the ``team`` commands;
    a rep's own book has no team, which is said in one line."""
    from salescoach.store import DATABASE_ENV, database_url

    url = database_url(where)
    if url is None:
        raise StoreUnavailable(
            _(
                "team commands need a team database: set {variable}=postgresql://ROLE@HOST/DATABASE"
                " or run `salescoach config set database.url postgresql://ROLE@HOST/DATABASE`"
            ).format(variable=DATABASE_ENV)
        )
    return TeamStore(url)


class TeamStore(PostgresStore):
    """The team database, opened for its administrator or a manager (no schema check: ``init`` makes it)."""

    _LOCK = "SELECT pg_advisory_xact_lock(hashtext('salescoach team administration'))"
    """Administration waits for administration (two `team rep add` at once), and the schema may not exist yet: no
    rep's book is locked. A rep who takes this lock can only delay the administrator, never another rep."""

    def __init__(self, url: str) -> None:
        super().__init__(url, check_schema=False)

    @property
    def database(self) -> str:
        return self._read("SELECT current_database()")[0][0]

    # -- the schema --------------------------------------------------------------------------------------------

    def init(self) -> tuple[int, int]:
        """Create or upgrade the schema and (again) the team's grants and policies; (migrations run, schema
        version). Each migration is recorded in its own transaction; a newer database is refused unchanged."""
        self.require_administrator()
        self._script('CREATE TABLE IF NOT EXISTS migrations (name TEXT COLLATE "C" PRIMARY KEY, applied TEXT NOT NULL)')
        done = [row[0] for row in self._read("SELECT name FROM migrations ORDER BY name")]
        refuse_newer(done)
        known = [name for name, _script in MIGRATIONS]
        for name, script in MIGRATIONS[len(done) :]:
            with self.transaction():
                self._script(script)
                self._write("INSERT INTO migrations (name, applied) VALUES (?, ?)", (name, date.today().isoformat()))
        with self.transaction():
            for statement in team_access(self.database):
                self._script(statement)
            for (manager,) in self._read("SELECT DISTINCT manager FROM team_members WHERE manager IS NOT NULL"):
                self._manages(manager)
        return len(known) - len(done), len(known)

    def require_administrator(self) -> None:
        """Refuse a member (or any role) that does not administer the team: the role that owns the database and
        may create roles. Said at once, before the server refuses the first grant as if the caller were no member."""
        role, administers = self._read(
            "SELECT current_user, r.rolsuper OR r.rolcreaterole AND pg_has_role(current_user, d.datdba, 'USAGE')"
            " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()"
        )[0]
        if not administers:
            raise StoreUnavailable(
                _(
                    "{role} is not the team's administrator: `team init` and `team rep add|move|remove` are theirs"
                ).format(role=role),
                hint=_("the administrator is the role that owns the database and may create roles"),
            )

    # -- the reps ----------------------------------------------------------------------------------------------

    @contextmanager
    def _changing_members(self) -> Iterator[None]:
        """A change to the team's members: the administrator's, on a schema of this version, in one transaction."""
        self.require_administrator()
        self._check_schema()
        with self.transaction():
            yield

    def add_rep(self, name: str, manager: str | None, today: date) -> bool:
        """Make ``name`` (and ``manager``) login roles of the team; True when the rep is new to the team."""
        with self._changing_members():
            self._refuse_unbound(name, manager)
            new = not self._member(name)
            for role in (name, manager):
                if role and not self._member(role):
                    self._enrol(role, today)
            if manager:
                self._manages(manager)
                self._write("UPDATE team_members SET manager = ? WHERE rep = ?", (manager, name))
        return new

    def move_rep(self, name: str, manager: str | None, today: date) -> None:
        with self._changing_members():
            self._require(name)
            self._refuse_unbound(manager)
            if manager and not self._member(manager):
                self._enrol(manager, today)
            if manager:
                self._manages(manager)
            self._write("UPDATE team_members SET manager = ? WHERE rep = ?", (manager, name))

    def remove_rep(self, name: str, to: str | None) -> int:
        """Take ``name`` out of the team: no more access, and no more manager of anyone. Their book, the number of
        customers returned, stays in the database under their name, or becomes the book of the member ``to``."""
        from psycopg import sql

        with self._changing_members():
            self._require(name)
            if to:
                self._require(to)
                if to == name:
                    raise InvalidInput(_("a rep's book cannot be handed to themselves"))
            for rep in sorted({name, to} - {None}):  # in one order, so two removals never wait on each other
                self._write(HOLD_BOOK, (rep,))
            customers = self._customers_of(name)
            if to:
                for table in ("profile", "drill_cards"):
                    self._write(f"DELETE FROM {table} WHERE rep = ?", (name,))
                for table in ("customers", "drill_reviews"):  # the rest follows its customer
                    self._write(f"UPDATE {table} SET rep = ? WHERE rep = ?", (to, name))
            self._write("UPDATE team_members SET manager = NULL WHERE manager = ?", (name,))
            self._write("DELETE FROM team_members WHERE rep = ?", (name,))
            # CONNECT is this database's own; the group role is shared by every salescoach database of the
            # server, so revoking it would take the rep out of their other teams as well.
            database = sql.Identifier(self.database)
            self._script(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM {}").format(database, sql.Identifier(name)))
        return customers

    def members(self) -> list[Member]:
        self._check_schema()
        rows = self._read(
            "SELECT m.rep, m.manager, m.added, (SELECT count(*) FROM customers c WHERE c.rep = m.rep)"
            " FROM team_members m ORDER BY m.rep"
        )
        return [Member(*row) for row in rows]

    def _member(self, name: str) -> bool:
        return bool(self._read("SELECT 1 FROM team_members WHERE rep = ?", (name,)))

    def _refuse_unbound(self, *roles: str | None) -> None:
        """Refuse to make a member of a role row-level security does not bind (the superuser, a role that bypasses
        it, the tables' owner or a member of the owner, as :meth:`PostgresStore._refuse_unbound_role` refuses to
        open a rep's book as one): as a rep it would read every book as its own, as a manager every rep's."""
        for role in roles:
            if role and any(unbound for _role, unbound in self._read(UNBOUND_ROLE, (role,))):
                raise InvalidInput(
                    _(
                        "{name} is not bound by the team's row-level security: a member is a login role of their own"
                    ).format(name=role),
                    hint=_("the superuser and the administrator administer the team; name a rep's own role"),
                )

    def _require(self, name: str) -> None:
        if not self._member(name):
            raise NotFound(_("{name} is not in the team (see `salescoach team rep list`)").format(name=name))

    def _customers_of(self, name: str) -> int:
        return self._read("SELECT count(*) FROM customers WHERE rep = ?", (name,))[0][0]

    def _enrol(self, role: str, today: date) -> None:
        """The login role ``role`` (made if new), a member of the group, allowed into this database."""
        from psycopg import sql

        exists = self._read("SELECT 1 FROM pg_roles WHERE rolname = ?", (role,))
        identifier = sql.Identifier(role)
        if not exists:
            self._script(sql.SQL("CREATE ROLE {} LOGIN").format(identifier))
        self._script(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUP_ROLE), identifier))
        self._script(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(self.database), identifier))
        self._write("INSERT INTO team_members (rep, added) VALUES (?, ?)", (role, today.isoformat()))

    def _manages(self, manager: str) -> None:
        """``manager`` moves from the reps' role to the managers' (the same grants, and the team view's read
        policy); which reps it shows them is ``team_members``'s, row by row. A manager's own book reads as before,
        here and in any other salescoach database of the server."""
        from psycopg import sql

        role = sql.Identifier(manager)
        self._script(sql.SQL("GRANT {} TO {}").format(sql.Identifier(MANAGER_ROLE), role))
        self._script(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(GROUP_ROLE), role))

    def _script(self, statement) -> None:
        """Run DDL as it is, with no parameters: a migration's several statements, or a statement psycopg composed
        with the role names quoted."""
        with server_errors():
            self._connection.execute(statement)

    # -- the manager's report (PostgreSQL only) --------------------------------------------------------------

    @contextmanager
    def team_view(self) -> Iterator[TeamStore]:
        """Reads in the team's view, all from one snapshot: row-level security then shows a manager the rows of
        the reps they manage as well as their own (the administrator, the tables' owner, sees every row anyway).
        Which reps that is stays the database's decision: no query here names a rep."""
        with server_errors():
            self._connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            with server_errors():
                self._connection.execute("SET LOCAL salescoach.view = 'team'")
            yield self
        finally:
            self._connection.rollback()

    def report(self, start: date, end: date, today: date, silent_since: Mapping[str, date], latest: int) -> TeamRows:
        """Every rep's figures in a few GROUP BY queries, whatever the size of the team: the book by tier, the
        open follow-ups due, follow-ups and promises on time between ``start`` and ``end``, the customers at
        risk (silent since ``silent_since[tier]``, the rule of ``followup``), contacts in the 30 days to
        ``today``, and the scored visits (the ``latest`` of each rep in the span, for the weakest habit)."""
        self._check_schema()
        span = (start.isoformat(), end.isoformat())
        day = today.isoformat()
        with self.team_view():
            members = self._read("SELECT rep, manager FROM team_members ORDER BY rep")
            tiers = self._read("SELECT rep, coalesce(tier, 'general'), count(*) FROM customers GROUP BY 1, 2")
            followups = self._read(
                "SELECT rep, count(*) FILTER (WHERE done_on IS NULL AND due = :today),"
                " count(*) FILTER (WHERE done_on IS NULL AND due < :today),"
                " count(*) FILTER (WHERE due BETWEEN :start AND :end),"
                " count(*) FILTER (WHERE due BETWEEN :start AND :end AND done_on <= due)"
                " FROM followups GROUP BY rep",
                {"today": day, "start": span[0], "end": span[1]},
            )
            promises = self._read(
                "SELECT rep, count(*), count(*) FILTER (WHERE kept_on <= due), count(*) FILTER (WHERE kept_on > due),"
                " count(*) FILTER (WHERE kept_on IS NULL AND due < ?) FROM promises WHERE due BETWEEN ? AND ?"
                " GROUP BY rep",
                (day, *span),
            )
            at_risk = self._at_risk(silent_since)
            contacts = self._read(
                "SELECT rep, count(*) FROM visits WHERE date > ? AND date <= ? GROUP BY rep",
                (date.fromordinal(today.toordinal() - 30).isoformat(), day),
            )
            scores = self._read(  # from the scored visits' index alone
                "SELECT rep, count(*), avg(score) FROM visits WHERE score IS NOT NULL AND date BETWEEN ? AND ?"
                " GROUP BY rep",
                span,
            )
            # Each member's latest scored visits, read from the rep-leading index a member at a time, as
            # `coach` reads a rep's own; joining on the members is what makes it per rep: the rows any member
            # may see are still row-level security's to decide.
            scored = self._read(
                "SELECT m.rep, v.date, v.checks FROM team_members m CROSS JOIN LATERAL (SELECT date, checks"
                " FROM visits WHERE visits.rep = m.rep AND checks <> '{}' AND date BETWEEN ? AND ?"
                " ORDER BY date DESC, id DESC LIMIT ?) AS v",
                (*span, latest),
            )
        by_rep: dict[str, list[tuple[date, dict]]] = {}
        for rep, visited, checks in scored:
            by_rep.setdefault(rep, []).append((day_of(visited), json.loads(checks)))
        return TeamRows(
            members=[(rep, manager) for rep, manager in members],
            tiers=[(rep, tier, count) for rep, tier, count in tiers],
            followups={rep: tuple(counts) for rep, *counts in followups},
            promises={rep: tuple(counts) for rep, *counts in promises},
            at_risk=dict(at_risk),
            contacts=dict(contacts),
            scores={rep: (count, average) for rep, count, average in scores},
            scored=by_rep,
        )

    def _at_risk(self, silent_since: Mapping[str, date]) -> list[tuple[str, int]]:
        """Per rep, the customers of each tier silent since its day and with no follow-up standing: the query
        of ``followup``'s warning (:data:`salescoach.store.agenda.NO_STANDING_FOLLOWUP`), a tier at a time."""
        if not silent_since:
            return []
        per_tier = " UNION ALL ".join(
            f"SELECT c.rep FROM customers c WHERE c.tier = ? AND c.last_contact < ? AND {NO_STANDING_FOLLOWUP}"
            for _tier in silent_since
        )
        parameters = [
            part for tier, since in silent_since.items() for part in (tier, since.isoformat(), since.isoformat())
        ]
        return self._read(f"SELECT rep, count(*) FROM ({per_tier}) AS silent GROUP BY rep", parameters)
