"""The SQLite store: every line of SQL salescoach runs.

One file in the data location, in WAL mode so a reader never blocks a writer, with foreign keys on and a busy
timeout so two commands at once both succeed. Writes happen only inside :meth:`SqliteStore.transaction`, which
takes the write lock up front (``BEGIN IMMEDIATE``) and commits all of a command's writes or none of them.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import date
from pathlib import Path

from salescoach.core.records import (
    Customer,
    CustomerFile,
    Followup,
    ImportantDate,
    Note,
    Profile,
    Promise,
    Purchase,
    Visit,
)
from salescoach.errors import NotFound, StoreUnavailable
from salescoach.i18n import _
from salescoach.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 30_000

commits = 0
"""Transactions this process has committed: after one, an interrupted command must not say nothing was saved."""

_CUSTOMER_COLUMNS = (
    "c.id, c.name, c.honorific, c.company, c.playbook, c.phone, c.email, c.city, c.tier, c.stage, c.created,"
    " c.last_contact, (SELECT json_group_array(tag) FROM"
    " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag))"
)
EDITABLE_CUSTOMER_FIELDS = ("name", "honorific", "company", "playbook", "phone", "email", "city", "tier", "stage")


def name_key(name: str) -> str:
    """The form names are matched in: Unicode-normalised (so composed and decomposed Hangul agree) and casefolded."""
    return unicodedata.normalize("NFC", name).casefold()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _text_day(value: date | str | None) -> str | None:
    """A date as the ISO text the store keeps, whether it came as a date or as text (imports)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)[:10]).isoformat()


def _customer(row: Sequence) -> Customer:
    return Customer(
        id=row[0],
        name=row[1],
        honorific=row[2],
        company=row[3],
        playbook=row[4],
        phone=row[5],
        email=row[6],
        city=row[7],
        tier=row[8],
        stage=row[9],
        created=row[10],
        last_contact=_day(row[11]),
        tags=tuple(json.loads(row[12])),
    )


def _points(primary: str | None, kind: str, others: list[tuple]) -> tuple[str, ...]:
    """Every phone or e-mail of a customer, the primary first (once, should an edit have made it one of the others)."""
    return (*([primary] if primary else []), *(value for of, value in others if of == kind and value != primary))


def _note(row: Sequence) -> Note:
    return Note(id=row[0], customer_id=row[1], kind=row[2], text=row[3], noted_on=_day(row[4]), say=row[5])


def _visit(row: Sequence) -> Visit:
    return Visit(
        id=row[0],
        customer_id=row[1],
        date=_day(row[2]),
        channel=row[3],
        topics=tuple(json.loads(row[4])),
        feedback=row[5],
        benefit=row[6],
        opportunity=row[7],
        outcome=row[8],
        amount=row[9],
        lost_reason=row[10],
        tier=row[11],
        stage=row[12],
        answered=tuple(json.loads(row[13])),
        checks=json.loads(row[14]),
    )


def _promise(row: Sequence) -> Promise:
    return Promise(
        id=row[0],
        customer_id=row[1],
        visit_id=row[2],
        text=row[3],
        made_on=_day(row[4]),
        due=_day(row[5]),
        kept_on=_day(row[6]),
        say=row[7],
    )


def _important_date(row: Sequence) -> ImportantDate:
    return ImportantDate(
        id=row[0],
        customer_id=row[1],
        kind=row[2],
        month=row[3],
        day=row[4],
        year=row[5],
        yearly=bool(row[6]),
        lead_days=row[7],
        label=row[8],
        handled=_day(row[9]),
    )


def _followup(row: Sequence) -> Followup:
    return Followup(
        id=row[0],
        customer_id=row[1],
        visit_id=row[2],
        due=_day(row[3]),
        channel=row[4],
        type=row[5],
        note=row[6],
        done_on=_day(row[7]),
        done_note=row[8],
    )


def _purchase(row: Sequence) -> Purchase:
    return Purchase(id=row[0], customer_id=row[1], visit_id=row[2], date=_day(row[3]), amount=row[4], product=row[5])


_VISIT_COLUMNS = (
    "v.id, v.customer_id, v.date, v.channel, v.topics, v.feedback, v.benefit, v.opportunity, v.outcome, v.amount,"
    " v.lost_reason, v.tier, v.stage, v.answered, v.checks"
)
_PROMISE_COLUMNS = "p.id, p.customer_id, p.visit_id, p.text, p.made_on, p.due, p.kept_on, p.say"
_FOLLOWUP_COLUMNS = "f.id, f.customer_id, f.visit_id, f.due, f.channel, f.type, f.note, f.done_on, f.done_note"
_PURCHASE_COLUMNS = "u.id, u.customer_id, u.visit_id, u.date, u.amount, u.product"
_NOTE_COLUMNS = "n.id, n.customer_id, n.kind, n.text, n.noted_on, n.say"
_DATE_COLUMNS = "d.id, d.customer_id, d.kind, d.month, d.day, d.year, d.yearly, d.lead_days, d.label, d.handled"
_DATE_WIDTH = _DATE_COLUMNS.count(",") + 1
_NO_STANDING_FOLLOWUP = (
    "NOT EXISTS (SELECT 1 FROM followups f WHERE f.customer_id = c.id AND f.done_on IS NULL AND f.due >= ?)"
)
"""A silent customer is at risk unless a follow-up still stands: open and due on or after the day silence began."""


class SqliteStore:
    """The rep's book in one SQLite file. Open it with :func:`salescoach.store.open_store`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = _connect(path)
        self._in_transaction = False
        migrate(self._connection, path)

    def close(self) -> None:
        self._connection.close()

    # -- transactions ---------------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[SqliteStore]:
        """All writes of one command: committed together when the block ends, rolled back if it raises."""
        if self._in_transaction:
            yield self
            return
        _execute(self._connection, "BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield self
        except BaseException:
            self._connection.rollback()
            raise
        else:
            global commits
            with _uninterrupted():
                _execute(self._connection, "COMMIT")
                commits += 1
        finally:
            self._in_transaction = False

    def _write(self, sql: str, parameters: Sequence = ()) -> sqlite3.Cursor:
        if not self._in_transaction:
            raise RuntimeError("store writes must run inside store.transaction()")
        return _execute(self._connection, sql, parameters)

    def _read(self, sql: str, parameters: Sequence = ()) -> list[tuple]:
        cursor = _execute(self._connection, sql, parameters)
        with _store_errors():
            return cursor.fetchall()

    # -- customers ------------------------------------------------------------------------------------------

    def add_customer(self, customer: Customer) -> Customer:
        """Insert a customer (its ``id`` is ignored) and return it as stored."""
        cursor = self._write(
            "INSERT INTO customers (name, name_key, honorific, company, playbook, phone, email, city, tier, stage,"
            " created, last_contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                customer.name,
                name_key(customer.name),
                customer.honorific,
                customer.company,
                customer.playbook,
                customer.phone,
                customer.email,
                customer.city,
                customer.tier,
                customer.stage,
                customer.created,
                _iso(customer.last_contact),
            ),
        )
        customer_id = cursor.lastrowid
        self.set_tags(customer_id, customer.tags)
        return self.customer(customer_id)

    def update_customer(self, customer_id: int, **changes: object) -> Customer:
        """Change some of a customer's fields (see ``EDITABLE_CUSTOMER_FIELDS``)."""
        unknown = set(changes) - set(EDITABLE_CUSTOMER_FIELDS)
        if unknown:
            raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
        if changes:
            columns = dict(changes)
            if "name" in columns:
                columns["name_key"] = name_key(str(columns["name"]))
            assignments = ", ".join(f"{column} = ?" for column in columns)
            self._write(f"UPDATE customers SET {assignments} WHERE id = ?", (*columns.values(), customer_id))
        return self.customer(customer_id)

    def set_tags(self, customer_id: int, tags: Sequence[str]) -> None:
        self._write("DELETE FROM customer_tags WHERE customer_id = ?", (customer_id,))
        for tag in dict.fromkeys(tags):
            self._write("INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)", (customer_id, tag))

    def touch_contact(self, customer_id: int, day: date) -> None:
        """Record a contact on ``day`` unless a later one is already known: it resets the keep-in-touch clock."""
        self._write(
            "UPDATE customers SET last_contact = ? WHERE id = ? AND (last_contact IS NULL OR last_contact < ?)",
            (day.isoformat(), customer_id, day.isoformat()),
        )

    def remove_customer(self, customer_id: int) -> None:
        """Delete a customer and, through the foreign keys, everything recorded about them."""
        self._write("DELETE FROM customers WHERE id = ?", (customer_id,))

    def customer(self, customer_id: int) -> Customer:
        rows = self._read(f"SELECT {_CUSTOMER_COLUMNS} FROM customers c WHERE c.id = ?", (customer_id,))
        if not rows:
            raise NotFound(_("no customer with id {id}").format(id=customer_id))
        return _customer(rows[0])

    def customers_named(self, name: str) -> list[Customer]:
        """Customers whose name matches exactly, ignoring case."""
        rows = self._read(
            f"SELECT {_CUSTOMER_COLUMNS} FROM customers c WHERE c.name_key = ? ORDER BY c.id", (name_key(name),)
        )
        return [_customer(row) for row in rows]

    def customers_starting(self, prefix: str, limit: int = 20) -> list[Customer]:
        """Customers whose name starts with ``prefix``, ignoring case (an index range scan, not a LIKE)."""
        key = name_key(prefix)
        rows = self._read(
            f"SELECT {_CUSTOMER_COLUMNS} FROM customers c WHERE c.name_key >= ? AND c.name_key < ?"
            " ORDER BY c.name_key, c.id LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        return [_customer(row) for row in rows]

    def list_customers(self, tier: str | None = None, tags: Sequence[str] = ()) -> list[Customer]:
        """All customers, by name, optionally of one tier and carrying every one of ``tags``."""
        where, parameters = [], []
        if tier:
            where.append("c.tier = ?")
            parameters.append(tier)
        for tag in tags:
            where.append("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = ?)")
            parameters.append(tag)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._read(f"SELECT {_CUSTOMER_COLUMNS} FROM customers c{clause} ORDER BY c.name_key, c.id", parameters)
        return [_customer(row) for row in rows]

    def count_customers(self) -> int:
        return self._read("SELECT count(*) FROM customers")[0][0]

    # -- what is known about a customer ----------------------------------------------------------------------

    def add_note(self, customer_id: int, kind: str, text: str, noted_on: date, say: str | None = None) -> Note:
        cursor = self._write(
            "INSERT INTO notes (customer_id, kind, text, noted_on, say) VALUES (?, ?, ?, ?, ?)",
            (customer_id, kind, text, noted_on.isoformat(), say),
        )
        return Note(id=cursor.lastrowid, customer_id=customer_id, kind=kind, text=text, noted_on=noted_on, say=say)

    def add_visit(self, visit: Visit) -> Visit:
        cursor = self._write(
            "INSERT INTO visits (customer_id, date, channel, topics, feedback, benefit, opportunity, outcome,"
            " amount, lost_reason, tier, stage, answered, checks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                visit.customer_id,
                visit.date.isoformat(),
                visit.channel,
                json.dumps(list(visit.topics), ensure_ascii=False),
                visit.feedback,
                visit.benefit,
                visit.opportunity,
                visit.outcome,
                visit.amount,
                visit.lost_reason,
                visit.tier,
                visit.stage,
                json.dumps(list(visit.answered)),
                json.dumps(visit.checks or {}),
            ),
        )
        return self._one(f"SELECT {_VISIT_COLUMNS} FROM visits v WHERE v.id = ?", cursor.lastrowid, _visit)

    def score_visit(self, visit_id: int, checks: dict[str, bool]) -> Visit:
        """Keep a visit's scorecard (check id → passed)."""
        self._write("UPDATE visits SET checks = ? WHERE id = ?", (json.dumps(checks), visit_id))
        return self._one(f"SELECT {_VISIT_COLUMNS} FROM visits v WHERE v.id = ?", visit_id, _visit)

    def add_promise(
        self, customer_id: int, text: str, made_on: date, due: date, visit_id: int | None, say: str | None = None
    ) -> Promise:
        cursor = self._write(
            "INSERT INTO promises (customer_id, visit_id, text, made_on, due, say) VALUES (?, ?, ?, ?, ?, ?)",
            (customer_id, visit_id, text, made_on.isoformat(), due.isoformat(), say),
        )
        return self.promise(cursor.lastrowid)

    def promise(self, promise_id: int) -> Promise:
        return self._one(f"SELECT {_PROMISE_COLUMNS} FROM promises p WHERE p.id = ?", promise_id, _promise)

    def keep_promise(self, promise_id: int, on: date) -> Promise:
        self._write("UPDATE promises SET kept_on = ? WHERE id = ?", (on.isoformat(), promise_id))
        return self.promise(promise_id)

    def add_followup(
        self,
        customer_id: int,
        due: date,
        channel: str,
        type_: str,
        note: str | None = None,
        visit_id: int | None = None,
    ) -> Followup:
        cursor = self._write(
            "INSERT INTO followups (customer_id, visit_id, due, channel, type, note) VALUES (?, ?, ?, ?, ?, ?)",
            (customer_id, visit_id, due.isoformat(), channel, type_, note),
        )
        return self.followup(cursor.lastrowid)

    def followup(self, followup_id: int) -> Followup:
        return self._one(f"SELECT {_FOLLOWUP_COLUMNS} FROM followups f WHERE f.id = ?", followup_id, _followup)

    def complete_followup(self, followup_id: int, on: date, note: str | None) -> Followup:
        self._write("UPDATE followups SET done_on = ?, done_note = ? WHERE id = ?", (on.isoformat(), note, followup_id))
        return self.followup(followup_id)

    def move_followup(self, followup_id: int, to: date) -> Followup:
        self._write("UPDATE followups SET due = ? WHERE id = ?", (to.isoformat(), followup_id))
        return self.followup(followup_id)

    def add_purchase(
        self, customer_id: int, on: date, amount: float, product: str | None, visit_id: int | None
    ) -> Purchase:
        cursor = self._write(
            "INSERT INTO purchases (customer_id, visit_id, date, amount, product) VALUES (?, ?, ?, ?, ?)",
            (customer_id, visit_id, on.isoformat(), amount, product),
        )
        return self._one(f"SELECT {_PURCHASE_COLUMNS} FROM purchases u WHERE u.id = ?", cursor.lastrowid, _purchase)

    def customer_file(self, customer_id: int) -> CustomerFile:
        """Everything recorded about one customer, each list oldest first."""
        customer = self.customer(customer_id)

        def rows(table: str, columns: str, order: str, make):
            alias = columns[0]
            sql = f"SELECT {columns} FROM {table} {alias} WHERE {alias}.customer_id = ? ORDER BY {order}, {alias}.id"
            return tuple(make(row) for row in self._read(sql, (customer_id,)))

        others = self._read("SELECT kind, value FROM contact_points WHERE customer_id = ? ORDER BY id", (customer_id,))
        return CustomerFile(
            customer=customer,
            phones=_points(customer.phone, "phone", others),
            emails=_points(customer.email, "email", others),
            notes=rows("notes", _NOTE_COLUMNS, "n.noted_on", _note),
            visits=rows("visits", _VISIT_COLUMNS, "v.date", _visit),
            promises=rows("promises", _PROMISE_COLUMNS, "p.made_on", _promise),
            followups=rows("followups", _FOLLOWUP_COLUMNS, "f.due", _followup),
            purchases=rows("purchases", _PURCHASE_COLUMNS, "u.date", _purchase),
            dates=rows("important_dates", _DATE_COLUMNS, "d.month, d.day", _important_date),
        )

    # -- the daily list --------------------------------------------------------------------------------------

    def due_counts(self, until: date) -> tuple[int, int]:
        """How many open follow-ups and promises are due by ``until`` (read from their indexes alone)."""
        return self._read(
            "SELECT (SELECT count(*) FROM followups WHERE done_on IS NULL AND due <= :until),"
            " (SELECT count(*) FROM promises WHERE kept_on IS NULL AND due <= :until)",
            {"until": until.isoformat()},
        )[0]

    def ranked_due(
        self, today: date, until: date, weights: Sequence[tuple], limit: int, promises_only: bool = False
    ) -> list[tuple]:
        """The open follow-ups and promises (or only the promises) due by ``until``, highest priority first, the
        first ``limit`` of them (all when 0), as (kind, id, customer_id, due, tier, stage, last_contact, playbook).

        The score is :func:`salescoach.core.agenda.score` written in SQL, with a row of ``weights`` per playbook,
        tier and stage as :func:`salescoach.core.agenda.weight_rows` makes them: the same terms added in the same
        order, unrounded, so the two agree to the bit (a property test holds them equal). Ranking in the database
        means only the rows shown reach Python, so a big book costs little more than a small one.
        """
        values = {f"w{index}": value for index, value in enumerate(value for row in weights for value in row)}
        width = len(weights[0]) if weights else 0
        marks = ", ".join(
            "(" + ", ".join(f":w{row * width + column}" for column in range(width)) + ")" for row in range(len(weights))
        )
        columns = "{0}.id, {0}.customer_id, {0}.due, c.tier, c.stage, c.last_contact, coalesce(c.playbook, '')"
        followups = (
            ""
            if promises_only
            else f"SELECT 'followup', {columns.format('f')} FROM followups f JOIN customers c ON c.id = f.customer_id"
            " WHERE f.done_on IS NULL AND f.due <= :until UNION ALL "
        )
        # "LIMIT -1" keeps `due` a table of its own: flattened into the join, the planner scanned the open items
        # once per weights row (72 ms instead of 8 at 100,000 customers).
        rows = self._read(
            f"WITH weights (playbook, tier, stage, promise, per_day, cap, tier_points, stage_points, churn, recency)"
            f" AS (VALUES {marks}),"
            f" due (kind, id, customer_id, due, tier, stage, last_contact, playbook) AS ({followups}"
            f"SELECT 'promise', {columns.format('p')} FROM promises p"
            " JOIN customers c ON c.id = p.customer_id WHERE p.kept_on IS NULL AND p.due <= :until LIMIT -1)"
            " SELECT d.kind, d.id, d.customer_id, d.due, d.tier, d.stage, d.last_contact, nullif(d.playbook, ''),"
            " (d.kind = 'promise') * w.promise"
            " + min(max(julianday(:today) - julianday(d.due), 0), w.cap) * w.per_day"
            " + w.tier_points + w.stage_points"
            " + coalesce(julianday(:today) - julianday(d.last_contact) > w.recency, 0) * w.churn AS score"
            " FROM due d JOIN weights w ON w.playbook = d.playbook"
            " AND w.tier = coalesce(d.tier, 'general') AND w.stage = coalesce(d.stage, 1)"
            " ORDER BY score DESC, d.due, d.kind != 'promise', d.kind, d.id" + (" LIMIT :limit" if limit else ""),
            {"today": today.isoformat(), "until": until.isoformat(), "limit": limit, **values},
        )
        return [(*row[:3], _day(row[3]), row[4], row[5], _day(row[6]), row[7]) for row in rows]

    def playbook_names(self) -> list[str | None]:
        """The playbooks the customers use (None: the default), by seeking the playbook index once per name."""
        return [
            row[0]
            for row in self._read(
                "WITH RECURSIVE used (playbook) AS (SELECT min(playbook) FROM customers"
                " UNION ALL SELECT (SELECT min(c.playbook) FROM customers c WHERE c.playbook > used.playbook)"
                " FROM used WHERE used.playbook IS NOT NULL) SELECT playbook FROM used WHERE playbook IS NOT NULL"
                " UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM customers WHERE playbook IS NULL)"
            )
        ]

    def records_with_customers(self, kind: str, ids: Sequence[int]) -> dict[int, tuple]:
        """Follow-ups or promises by id, each with its customer."""
        if not ids:
            return {}
        table, columns, make = {
            "followup": ("followups f", _FOLLOWUP_COLUMNS, _followup),
            "promise": ("promises p", _PROMISE_COLUMNS, _promise),
        }[kind]
        alias, width = table[-1], columns.count(",") + 1
        marks = ", ".join("?" for _ in ids)
        rows = self._read(
            f"SELECT {columns}, {_CUSTOMER_COLUMNS} FROM {table} JOIN customers c ON c.id = {alias}.customer_id"
            f" WHERE {alias}.id IN ({marks})",
            list(ids),
        )
        return {row[0]: (make(row[:width]), _customer(row[width:])) for row in rows}

    def add_important_date(self, event: ImportantDate) -> ImportantDate:
        cursor = self._write(
            "INSERT INTO important_dates (customer_id, kind, label, month, day, year, yearly, lead_days)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.customer_id,
                event.kind,
                event.label,
                event.month,
                event.day,
                event.year,
                int(event.yearly),
                event.lead_days,
            ),
        )
        return self.important_date(cursor.lastrowid)

    def important_date(self, date_id: int) -> ImportantDate:
        return self._one(f"SELECT {_DATE_COLUMNS} FROM important_dates d WHERE d.id = ?", date_id, _important_date)

    def mark_date_handled(self, date_id: int, occurrence: date) -> ImportantDate:
        self._write("UPDATE important_dates SET handled = ? WHERE id = ?", (occurrence.isoformat(), date_id))
        return self.important_date(date_id)

    def important_dates_due(
        self, days: Sequence[tuple[int, int, date]], until: date
    ) -> list[tuple[ImportantDate, Customer]]:
        """The important dates whose reminder reaches ``until``, with their customers.

        ``days`` is the window of :func:`salescoach.core.occasions.occurrence_days`; a date is due when its
        first occurrence in it that the rep has not handled, less its lead time, is on or before ``until``:
        :func:`salescoach.core.occasions.due_in_window` in SQL (a property test holds them equal), so only the
        dates due reach Python.
        """
        sql, parameters = self._dates_due(days, until)
        rows = self._read(
            f"{sql} SELECT {_DATE_COLUMNS}, {_CUSTOMER_COLUMNS} FROM due JOIN important_dates d ON d.id = due.id"
            " JOIN customers c ON c.id = d.customer_id ORDER BY due.falls_on, d.id",
            parameters,
        )
        return [(_important_date(row[:_DATE_WIDTH]), _customer(row[_DATE_WIDTH:])) for row in rows]

    def count_important_dates_due(self, days: Sequence[tuple[int, int, date]], until: date) -> int:
        """How many important dates :meth:`important_dates_due` would give, without reading them."""
        sql, parameters = self._dates_due(days, until)
        return self._read(f"{sql} SELECT count(*) FROM due", parameters)[0][0]

    @staticmethod
    def _dates_due(days: Sequence[tuple[int, int, date]], until: date) -> tuple[str, list]:
        """The ``due (id, falls_on)`` table of the important dates due, for the two queries above.

        In a window shorter than a year a date falls at most once, so each joined row is its first occurrence
        and needs no grouping (the count at 100,000 customers: 4 ms instead of 16).
        """
        values = ", ".join("(?, ?, ?)" for _ in days) or "(0, 0, '')"
        falls = (
            "FROM important_dates d JOIN days ON d.month = days.month AND d.day = days.day"
            " WHERE (d.yearly OR d.year = CAST(substr(days.falls_on, 1, 4) AS INTEGER))"
            " AND (d.handled IS NULL OR d.handled < days.falls_on)"
        )
        if not days or (days[-1][2] - days[0][2]).days < 365:
            due = f"SELECT d.id, days.falls_on {falls} AND julianday(days.falls_on) - d.lead_days <= julianday(?)"
        else:
            due = f"SELECT d.id, min(days.falls_on) {falls} GROUP BY d.id"
            due += " HAVING julianday(min(days.falls_on)) - d.lead_days <= julianday(?)"
        parameters = [part for month, day, falls_on in days for part in (month, day, falls_on.isoformat())]
        sql = f"WITH days (month, day, falls_on) AS (VALUES {values}), due (id, falls_on) AS ({due})"
        return sql, [*parameters, until.isoformat()]

    def silent_customers(self, tier: str, silent_since: date, limit: int) -> list[Customer]:
        """Customers of ``tier`` not contacted since before ``silent_since`` and with no open follow-up due since
        then: the core's ``is_at_risk`` in SQL (a follow-up overdue past the limit too does not count).

        Longest silent first. Uses the (tier, last_contact) index, so the cost follows the customers drifting
        away, not the size of the book.
        """
        since = silent_since.isoformat()
        rows = self._read(
            f"SELECT {_CUSTOMER_COLUMNS} FROM customers c"
            f" WHERE c.tier = ? AND c.last_contact IS NOT NULL AND c.last_contact < ? AND {_NO_STANDING_FOLLOWUP}"
            " ORDER BY c.last_contact, c.id LIMIT ?",
            (tier, since, since, limit),
        )
        return [_customer(row) for row in rows]

    def latest_notes(self, customer_ids: Sequence[int]) -> dict[int, list[Note]]:
        """The notes of several customers at once, newest first per customer (for filling scripts)."""
        if not customer_ids:
            return {}
        marks = ", ".join("?" for _ in customer_ids)
        rows = self._read(
            f"SELECT {_NOTE_COLUMNS} FROM notes n WHERE n.customer_id IN ({marks}) ORDER BY n.noted_on DESC, n.id DESC",
            list(customer_ids),
        )
        notes: dict[int, list[Note]] = {}
        for row in rows:
            notes.setdefault(row[1], []).append(_note(row))
        return notes

    def latest_visits(self, customer_ids: Sequence[int]) -> dict[int, Visit]:
        """The most recent visit of each of several customers."""
        if not customer_ids:
            return {}
        marks = ", ".join("?" for _ in customer_ids)
        rows = self._read(
            f"SELECT {_VISIT_COLUMNS} FROM visits v WHERE v.customer_id IN ({marks})"
            " AND v.id = (SELECT w.id FROM visits w WHERE w.customer_id = v.customer_id"
            " ORDER BY w.date DESC, w.id DESC LIMIT 1)",
            list(customer_ids),
        )
        return {row[1]: _visit(row) for row in rows}

    # -- statistics -----------------------------------------------------------------------------------------

    def book_counts(self) -> list[tuple[str, int, int]]:
        """(tier, stage, customers) for the whole book."""
        return self._read("SELECT tier, coalesce(stage, 1), count(*) FROM customers GROUP BY 1, 2 ORDER BY 1, 2")

    def visit_months(self, start: date, end: date) -> list[tuple]:
        """Per month: (month, contacts, sales, sales amount, lost) for contacts between two days."""
        return self._read(
            "SELECT substr(date, 1, 7), count(*), sum(outcome = 'sale'), coalesce(sum(CASE WHEN outcome = 'sale'"
            " THEN amount END), 0), sum(outcome = 'lost') FROM visits WHERE date BETWEEN ? AND ? GROUP BY 1 ORDER BY 1",
            (start.isoformat(), end.isoformat()),
        )

    def lost_reasons(self, start: date, end: date) -> list[tuple[str, int]]:
        return self._read(
            "SELECT lost_reason, count(*) FROM visits WHERE outcome = 'lost' AND date BETWEEN ? AND ?"
            " GROUP BY 1 ORDER BY 2 DESC, 1",
            (start.isoformat(), end.isoformat()),
        )

    def on_time(self, table: str, start: date, end: date) -> tuple[int, int, int]:
        """(due in the span, done or kept on time, done or kept late) for follow-ups or promises."""
        closed = {"followups": "done_on", "promises": "kept_on"}[table]
        row = self._read(
            f"SELECT count(*), coalesce(sum({closed} IS NOT NULL AND {closed} <= due), 0),"
            f" coalesce(sum({closed} IS NOT NULL AND {closed} > due), 0) FROM {table} WHERE due BETWEEN ? AND ?",
            (start.isoformat(), end.isoformat()),
        )[0]
        return row[0], row[1], row[2]

    def buyers(self, start: date, end: date) -> tuple[int, int]:
        """(customers who bought in the span, of whom bought more than once)."""
        row = self._read(
            "SELECT count(*), coalesce(sum(n > 1), 0) FROM (SELECT customer_id, count(*) AS n FROM purchases"
            " WHERE date BETWEEN ? AND ? GROUP BY customer_id)",
            (start.isoformat(), end.isoformat()),
        )[0]
        return row[0], row[1]

    def scored_visits(self, start: date, end: date, customer_id: int | None = None) -> list[tuple[date, dict]]:
        """(day, checks) of every visit between two days that has a scorecard, newest first."""
        rows = self._read(
            "SELECT date, checks FROM visits WHERE date BETWEEN ? AND ? AND checks <> '{}'"
            " AND (? IS NULL OR customer_id = ?) ORDER BY date DESC, id DESC",
            (start.isoformat(), end.isoformat(), customer_id, customer_id),
        )
        return [(_day(day), json.loads(checks)) for day, checks in rows]

    def silent_count(self, tier: str, silent_since: date) -> int:
        """How many customers :meth:`silent_customers` would find, without a limit."""
        since = silent_since.isoformat()
        return self._read(
            f"SELECT count(*) FROM customers c WHERE c.tier = ? AND c.last_contact < ? AND {_NO_STANDING_FOLLOWUP}",
            (tier, since, since),
        )[0][0]

    # -- practice ----------------------------------------------------------------------------------------------

    def drill_schedule(self) -> dict[str, date]:
        """The day each practised card is next due."""
        return {card: _day(due) for card, due in self._read("SELECT card_id, due FROM drill_cards")}

    def drill_state(self, card_id: str) -> str | None:
        rows = self._read("SELECT state FROM drill_cards WHERE card_id = ?", (card_id,))
        return rows[0][0] if rows else None

    def save_review(self, card_id: str, state: str, due: date, rating: str, day: date) -> None:
        """A card's new scheduler state and the review that made it."""
        self._write(
            "INSERT INTO drill_cards (card_id, due, state, reviews, lapses) VALUES (?, ?, ?, 1, ?)"
            " ON CONFLICT (card_id) DO UPDATE SET due = excluded.due, state = excluded.state,"
            " reviews = reviews + 1, lapses = lapses + excluded.lapses",
            (card_id, due.isoformat(), state, int(rating == "again")),
        )
        self._write(
            "INSERT INTO drill_reviews (card_id, rating, reviewed_on) VALUES (?, ?, ?)",
            (card_id, rating, day.isoformat()),
        )

    def review_days(self, since: date) -> list[tuple[date, int, int]]:
        """(day, reviews, of which 'again') for every day with a review since ``since``, newest first."""
        rows = self._read(
            "SELECT reviewed_on, count(*), sum(rating = 'again') FROM drill_reviews WHERE reviewed_on >= ?"
            " GROUP BY reviewed_on ORDER BY reviewed_on DESC",
            (since.isoformat(),),
        )
        return [(_day(day), total, again) for day, total, again in rows]

    # -- the rep's profile -----------------------------------------------------------------------------------

    def profile(self) -> Profile:
        values = dict(self._read("SELECT key, value FROM profile"))
        known = {key: values.get(key) for key in Profile.FIELDS}
        for number in ("years", "customer_count"):
            if known[number] is not None:
                known[number] = int(known[number])
        return Profile(**known)

    def set_profile(self, **values: object) -> Profile:
        for key, value in values.items():
            if key not in Profile.FIELDS:
                raise ValueError(f"unknown profile field {key}")
            if value is None:
                self._write("DELETE FROM profile WHERE key = ?", (key,))
            else:
                self._write(
                    "INSERT INTO profile (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                    (key, str(value), str(value)),
                )
        return self.profile()

    # -- bulk -----------------------------------------------------------------------------------------------

    def insert_book(self, customers: list[dict]) -> dict[str, int]:
        """Insert many customers with their histories at once (demo books, imports); returns row counts.

        Each customer is the shape ``salescoach export --format json`` writes: customer fields plus lists
        ``notes``, ``visits``, ``promises``, ``purchases``, ``followups`` and ``dates`` (all optional). Promises,
        purchases and follow-ups name their visit by its index in ``visits``. Dates may be ISO text or dates.
        """
        counts = dict.fromkeys(("notes", "visits", "promises", "purchases", "followups", "dates"), 0)
        for row in customers:
            customer_id = self._write(
                "INSERT INTO customers (name, name_key, honorific, company, playbook, phone, email, city, tier,"
                " stage, created, last_contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row["name"],
                    name_key(row["name"]),
                    row.get("honorific"),
                    row.get("company"),
                    row.get("playbook"),
                    row.get("phone"),
                    row.get("email"),
                    row.get("city"),
                    row.get("tier") or "general",
                    row.get("stage"),
                    row["created"],
                    _text_day(row.get("last_contact")),
                ),
            ).lastrowid
            self.set_tags(customer_id, row.get("tags", ()))
            self._many(
                "INSERT OR IGNORE INTO contact_points (customer_id, kind, value) VALUES (?, ?, ?)",
                [
                    (customer_id, kind, value)
                    for kind, primary in (("phone", row.get("phone")), ("email", row.get("email")))
                    for value in row.get(f"{kind}s", ())
                    if value != primary
                ],
            )
            visit_ids = [
                self._write(
                    "INSERT INTO visits (customer_id, date, channel, topics, feedback, benefit, opportunity, outcome,"
                    " amount, lost_reason, tier, stage, answered, checks)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        customer_id,
                        _text_day(visit["date"]),
                        visit["channel"],
                        json.dumps(list(visit.get("topics", ())), ensure_ascii=False),
                        visit.get("feedback"),
                        visit.get("benefit"),
                        visit.get("opportunity"),
                        visit.get("outcome", "none"),
                        visit.get("amount"),
                        visit.get("lost_reason"),
                        visit.get("tier"),
                        visit.get("stage"),
                        json.dumps(list(visit.get("answered", ()))),
                        json.dumps(visit.get("checks") or {}),
                    ),
                ).lastrowid
                for visit in row.get("visits", ())
            ]

            def visit_of(item: dict, visit_ids: list[int] = visit_ids) -> int | None:
                return None if item.get("visit") is None else visit_ids[item["visit"]]

            self._many(
                "INSERT INTO notes (customer_id, kind, text, noted_on, say) VALUES (?, ?, ?, ?, ?)",
                [
                    (customer_id, n["kind"], n["text"], _text_day(n["noted_on"]), n.get("say"))
                    for n in row.get("notes", ())
                ],
            )
            self._many(
                "INSERT INTO promises (customer_id, visit_id, text, made_on, due, kept_on, say)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        customer_id,
                        visit_of(p),
                        p["text"],
                        _text_day(p["made_on"]),
                        _text_day(p["due"]),
                        _text_day(p.get("kept_on")),
                        p.get("say"),
                    )
                    for p in row.get("promises", ())
                ],
            )
            self._many(
                "INSERT INTO purchases (customer_id, visit_id, date, amount, product) VALUES (?, ?, ?, ?, ?)",
                [
                    (customer_id, visit_of(p), _text_day(p["date"]), p["amount"], p.get("product"))
                    for p in row.get("purchases", ())
                ],
            )
            self._many(
                "INSERT INTO followups (customer_id, visit_id, due, channel, type, note, done_on, done_note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        customer_id,
                        visit_of(f),
                        _text_day(f["due"]),
                        f["channel"],
                        f["type"],
                        f.get("note"),
                        _text_day(f.get("done_on")),
                        f.get("done_note"),
                    )
                    for f in row.get("followups", ())
                ],
            )
            self._many(
                "INSERT INTO important_dates (customer_id, kind, label, month, day, year, yearly, lead_days, handled)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        customer_id,
                        d["kind"],
                        d.get("label"),
                        d["month"],
                        d["day"],
                        d.get("year"),
                        int(d.get("yearly", True)),
                        d.get("lead_days", 0),
                        _text_day(d.get("handled")),
                    )
                    for d in row.get("dates", ())
                ],
            )
            for key in counts:
                counts[key] += len(row.get(key, ()))
        return counts

    def _many(self, sql: str, rows: list[tuple]) -> None:
        if not self._in_transaction:
            raise RuntimeError("store writes must run inside store.transaction()")
        try:
            self._connection.executemany(sql, rows)
        except sqlite3.Error as error:
            raise StoreUnavailable(_("the store could not be written: {error}").format(error=error)) from error

    def contact_details(self) -> list[tuple]:
        """(id, name, company, phones, emails) of every customer, primary first: what imports match duplicates on."""
        rows = self._read(
            "SELECT c.id, c.name, c.company, c.phone, c.email, p.kind, p.value FROM customers c"
            " LEFT JOIN contact_points p ON p.customer_id = c.id ORDER BY c.id, p.id"
        )
        details: dict[int, tuple] = {}
        for customer_id, name, company, phone, email, kind, value in rows:
            if customer_id not in details:
                details[customer_id] = (customer_id, name, company, [phone] if phone else [], [email] if email else [])
            if kind:
                details[customer_id][3 if kind == "phone" else 4].append(value)
        return list(details.values())

    def add_contact_points(self, customer_id: int, phones: Sequence[str], emails: Sequence[str]) -> None:
        """Keep ``phones`` and ``emails`` beside the customer's primary ones; those already kept are left alone."""
        phone, email = self._read("SELECT phone, email FROM customers WHERE id = ?", (customer_id,))[0]
        for kind, values, primary in (("phone", phones, phone), ("email", emails, email)):
            for value in values:
                if value != primary:
                    self._write(
                        "INSERT OR IGNORE INTO contact_points (customer_id, kind, value) VALUES (?, ?, ?)",
                        (customer_id, kind, value),
                    )

    def last_customer_id(self) -> int:
        return self._read("SELECT max(id) FROM customers")[0][0]

    def customer_ids(self) -> list[int]:
        return [row[0] for row in self._read("SELECT id FROM customers ORDER BY id")]

    def merge_customer(self, customer_id: int, fields: dict, tags: Sequence[str]) -> Customer:
        """Fill a customer's empty fields from ``fields`` and add ``tags``: an import never overwrites."""
        current = self.customer(customer_id)
        changes = {key: value for key, value in fields.items() if value and not getattr(current, key)}
        if tags:
            self.set_tags(customer_id, [*current.tags, *tags])
        return self.update_customer(customer_id, **changes)

    # -- backups ---------------------------------------------------------------------------------------------

    def backup_to(self, target: Path) -> None:
        """Copy the whole store to the new file ``target`` (owner-only) with SQLite's online backup: safe while
        others write, and whole or absent (see :mod:`salescoach.store.backups`)."""
        from salescoach.store.backups import write_copy

        write_copy(self._connection, target)

    def replace_book(self, staged: Path, keep: Path) -> None:
        """Save the current book to ``keep``, then replace it with ``staged`` (a store that
        :func:`salescoach.store.backups.staged` has checked and migrated), in one transaction.

        The write lock is held from before the copy in ``keep`` until the commit, so a write of another command
        lands either before (and is in ``keep``) or after (on the restored book), never lost in between. A crash
        or Ctrl-C before the commit leaves the current book as it was (and no ``keep``).
        """
        from salescoach.store.backups import sqlite_path, write_copy

        _execute(self._connection, "ATTACH DATABASE ? AS restored", (sqlite_path(staged),))
        _execute(self._connection, "PRAGMA foreign_keys = OFF")  # the staged store was checked; a table empties at once
        try:
            with self.transaction():
                try:
                    with closing(sqlite3.connect(sqlite_path(self.path), timeout=BUSY_TIMEOUT_MS / 1000)) as reader:
                        write_copy(reader, keep)
                    for table in self._tables():
                        columns = ", ".join(f'"{name}"' for name in self._columns(table))
                        self._write(f'DELETE FROM main."{table}"')
                        self._write(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM restored."{table}"')
                except BaseException:
                    keep.unlink(missing_ok=True)
                    raise
        finally:
            _execute(self._connection, "PRAGMA foreign_keys = ON")
            _execute(self._connection, "DETACH DATABASE restored")

    def _tables(self) -> list[str]:
        rows = self._read("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        return [row[0] for row in rows]

    def _columns(self, table: str) -> list[str]:
        return [row[1] for row in self._read(f'PRAGMA main.table_info("{table}")')]

    # -- helpers ---------------------------------------------------------------------------------------------

    def _one(self, sql: str, key: int, make):
        rows = self._read(sql, (key,))
        if not rows:
            raise NotFound(_("no record with id {id}").format(id=key))
        return make(rows[0])


def _execute(connection: sqlite3.Connection, sql: str, parameters: Sequence = ()) -> sqlite3.Cursor:
    """Run SQL, turning the database's own failures into one clear error for the rep."""
    with _store_errors():
        return connection.execute(sql, parameters)


@contextmanager
def _store_errors() -> Iterator[None]:
    """The database's own failures as one clear error: running a statement, and reading its rows (a damaged page
    is often met only there)."""
    try:
        yield
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise StoreUnavailable(
                _("the store is busy: another salescoach command held it for {seconds} seconds").format(
                    seconds=BUSY_TIMEOUT_MS // 1000
                ),
                hint=_("nothing was saved; try again when the other command has finished"),
            ) from error
        raise StoreUnavailable(_("the store could not be used: {error}").format(error=error)) from error
    except sqlite3.DatabaseError as error:
        raise StoreUnavailable(
            _("the store is damaged or not a salescoach database: {error}").format(error=error),
            hint=_("restore a backup with `salescoach restore PATH`; the file was left as it is"),
        ) from error


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ignore Ctrl-C while a commit runs and is counted in :data:`commits`: an interrupt raised between the two
    would be reported as "nothing was saved" over a book that was changed."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler if previous is None else previous)


def _create_private(path: Path) -> None:
    """Create an empty owner-only file, so SQLite (and its -wal and -shm files) inherit 0600."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600))
    except FileExistsError:
        os.chmod(path, 0o600)
    except OSError as error:
        raise StoreUnavailable(_("cannot create {path}: {reason}").format(path=path, reason=error.strerror)) from error


def _keep_private(path: Path) -> None:
    """Make a store that others can read owner-only again: one copied in by hand or from another machine keeps
    the copy's permissions. Checked at every open (a stat or three); where the system refuses, the command
    still runs."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except OSError:
            continue


def _connect(path: Path) -> sqlite3.Connection:
    """Open (creating owner-only if new) the database file with the settings every command relies on."""
    if not path.exists():
        _create_private(path)
    else:
        _keep_private(path)
    try:
        # absolute: this SQLite reads a name starting "file:" as a URI, in which "#" and "%" mean other things
        connection = sqlite3.connect(os.fspath(path.absolute()), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as error:
        raise StoreUnavailable(_("cannot open the store at {path}: {error}").format(path=path, error=error)) from error
    _execute(connection, f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    _execute(connection, "PRAGMA foreign_keys = ON")
    if _execute(connection, "PRAGMA journal_mode").fetchone()[0] != "wal":
        _execute(connection, "PRAGMA journal_mode = WAL")
    _execute(connection, "PRAGMA synchronous = NORMAL")
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    return _execute(connection, "PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to date, each migration in its own recorded transaction; refuse newer stores."""
    version = schema_version(connection)
    if version > len(MIGRATIONS):
        raise StoreUnavailable(
            _(
                "the store at {path} was written by a newer salescoach (schema {version}, this one knows {known})"
            ).format(path=path, version=version, known=len(MIGRATIONS)),
            hint=_("upgrade salescoach; the store was not changed"),
        )
    if version == len(MIGRATIONS):
        return
    _execute(connection, "BEGIN IMMEDIATE")
    try:
        _execute(connection, "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)")
        version = schema_version(connection)
        for name, script in MIGRATIONS[version:]:
            for statement in _statements(script):
                _execute(connection, statement)
            _execute(connection, "INSERT INTO migrations (name, applied) VALUES (?, datetime('now'))", (name,))
        _execute(connection, f"PRAGMA user_version = {len(MIGRATIONS)}")
        _execute(connection, "COMMIT")
    except BaseException:
        connection.rollback()
        raise


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (``executescript`` would commit our transaction)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [statement for statement in statements if statement]
