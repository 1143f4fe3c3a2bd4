"""The team on its PostgreSQL server: setting the schema up, the reps and who manages them, and the manager's report.

An administrator runs these (``team init``, ``team rep ...``) as a login role that owns the database and may
create roles; row-level security does not bind a table's owner, which is why the administrator sees every rep's
rows to count them. A manager runs :meth:`TeamStore.report` as themselves: the session asks for the team's view
and the policies show the rows of the reps they manage, and no others.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from salescoach.errors import InvalidInput, NotFound
from salescoach.i18n import _
from salescoach.store.pg_connection import server_errors
from salescoach.store.pg_schema import GROUP_ROLE, MIGRATIONS, team_access
from salescoach.store.postgres import PostgresStore, refuse_newer


class Member(NamedTuple):
    rep: str
    manager: str | None
    added: str
    customers: int


class TeamStore(PostgresStore):
    """The team database, opened for its administrator or a manager (no schema check: ``init`` makes it)."""

    def __init__(self, url: str) -> None:
        super().__init__(url, check_schema=False)

    @property
    def database(self) -> str:
        return self._read("SELECT current_database()")[0][0]

    # -- the schema --------------------------------------------------------------------------------------------

    def init(self) -> tuple[int, int]:
        """Create or upgrade the schema and (again) the team's grants and policies; (migrations run, schema
        version). Each migration is recorded in its own transaction; a newer database is refused unchanged."""
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
        return len(known) - len(done), len(known)

    # -- the reps ----------------------------------------------------------------------------------------------

    def add_rep(self, name: str, manager: str | None, today: date) -> bool:
        """Make ``name`` (and ``manager``) login roles of the team; True when the rep is new to the team."""
        with self.transaction():
            new = not self._member(name)
            for role in (name, manager):
                if role and not self._member(role):
                    self._enrol(role, today)
            if manager:
                self._write("UPDATE team_members SET manager = ? WHERE rep = ?", (manager, name))
        return new

    def move_rep(self, name: str, manager: str | None, today: date) -> None:
        with self.transaction():
            self._require(name)
            if manager and not self._member(manager):
                self._enrol(manager, today)
            self._write("UPDATE team_members SET manager = ? WHERE rep = ?", (manager, name))

    def remove_rep(self, name: str, to: str | None) -> int:
        """Take ``name`` out of the team: no more access, and no more manager of anyone. Their book, the number of
        customers returned, stays in the database under their name, or becomes the book of the member ``to``."""
        from psycopg import sql

        with self.transaction():
            self._require(name)
            if to:
                self._require(to)
                if to == name:
                    raise InvalidInput(_("a rep's book cannot be handed to themselves"))
            customers = self._customers_of(name)
            if to:
                for table in ("profile", "drill_cards"):
                    self._write(f"DELETE FROM {table} WHERE rep = ?", (name,))
                for table in ("customers", "drill_reviews"):  # the rest follows its customer
                    self._write(f"UPDATE {table} SET rep = ? WHERE rep = ?", (to, name))
            self._write("UPDATE team_members SET manager = NULL WHERE manager = ?", (name,))
            self._write("DELETE FROM team_members WHERE rep = ?", (name,))
            role = sql.Identifier(name)
            self._script(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(GROUP_ROLE), role))
            self._script(sql.SQL("REVOKE CONNECT ON DATABASE {} FROM {}").format(sql.Identifier(self.database), role))
        return customers

    def members(self) -> list[Member]:
        rows = self._read(
            "SELECT m.rep, m.manager, m.added, (SELECT count(*) FROM customers c WHERE c.rep = m.rep)"
            " FROM team_members m ORDER BY m.rep"
        )
        return [Member(*row) for row in rows]

    def _member(self, name: str) -> bool:
        return bool(self._read("SELECT 1 FROM team_members WHERE rep = ?", (name,)))

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

    def _script(self, statement) -> None:
        """Run DDL as it is, with no parameters: a migration's several statements, or a statement psycopg composed
        with the role names quoted."""
        with server_errors():
            self._connection.execute(statement)
