"""The morning list: what is due, ranked in the database, the important dates coming up, and who is drifting away.

The ranking and the dates due are the core's rules (:mod:`salescoach.core.agenda`, :mod:`salescoach.core.occasions`,
``is_at_risk``) written in SQL so that only the rows shown reach Python; property tests hold each query equal to
its rule. Days are counted with SQLite's ``julianday``, which the PostgreSQL schema defines as a function of its own
(day arithmetic is where the two dialects differ most).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from salescoach.core.records import Customer, ImportantDate
from salescoach.store.base import NO_LIMIT, StoreBase
from salescoach.store.rows import (
    CUSTOMER_COLUMNS,
    DATE_COLUMNS,
    FOLLOWUP_COLUMNS,
    PROMISE_COLUMNS,
    customer_record,
    date_record,
    day_of,
    followup_record,
    promise_record,
)

_DATE_WIDTH = DATE_COLUMNS.count(",") + 1
NO_STANDING_FOLLOWUP = (
    "NOT EXISTS (SELECT 1 FROM followups f WHERE f.customer_id = c.id AND f.done_on IS NULL AND f.due >= ?)"
)
"""A silent customer is at risk unless a follow-up still stands: open and due on or after the day silence began."""
_OVERDUE_DAYS = (
    "CASE WHEN julianday(:today) - julianday(d.due) <= 0 THEN 0 WHEN julianday(:today) - julianday(d.due) > w.cap"
    " THEN w.cap ELSE julianday(:today) - julianday(d.due) END"
)
"""Days overdue, from none to the cap: ``min(max(days, 0), cap)`` said in CASE, which both dialects read alike."""


class AgendaQueries(StoreBase):
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
        # A LIMIT keeps `due` a table of its own: flattened into the join, the planner scanned the open items
        # once per weights row (72 ms instead of 8 at 100,000 customers).
        rows = self._read(
            f"WITH weights (playbook, tier, stage, promise, per_day, cap, tier_points, stage_points, churn, recency)"
            f" AS (VALUES {marks}),"
            f" due (kind, id, customer_id, due, tier, stage, last_contact, playbook) AS ({followups}"
            f"SELECT 'promise', {columns.format('p')} FROM promises p"
            " JOIN customers c ON c.id = p.customer_id WHERE p.kept_on IS NULL AND p.due <= :until"
            f" LIMIT {NO_LIMIT})"
            " SELECT d.kind, d.id, d.customer_id, d.due, d.tier, d.stage, d.last_contact, nullif(d.playbook, ''),"
            " CASE WHEN d.kind = 'promise' THEN w.promise ELSE 0 END"
            f" + {_OVERDUE_DAYS} * w.per_day"
            " + w.tier_points + w.stage_points"
            " + CASE WHEN julianday(:today) - julianday(d.last_contact) > w.recency THEN w.churn ELSE 0 END AS score"
            " FROM due d JOIN weights w ON w.playbook = d.playbook"
            " AND w.tier = coalesce(d.tier, 'general') AND w.stage = coalesce(d.stage, 1)"
            " ORDER BY score DESC, d.due, d.kind != 'promise', d.kind, d.id" + (" LIMIT :limit" if limit else ""),
            {"today": today.isoformat(), "until": until.isoformat(), "limit": limit, **values},
        )
        return [(*row[:3], day_of(row[3]), row[4], row[5], day_of(row[6]), row[7]) for row in rows]

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
            "followup": ("followups f", FOLLOWUP_COLUMNS, followup_record),
            "promise": ("promises p", PROMISE_COLUMNS, promise_record),
        }[kind]
        alias, width = table[-1], columns.count(",") + 1
        marks = ", ".join("?" for _ in ids)
        rows = self._read(
            f"SELECT {columns}, {CUSTOMER_COLUMNS} FROM {table} JOIN customers c ON c.id = {alias}.customer_id"
            f" WHERE {alias}.id IN ({marks})",
            list(ids),
        )
        return {row[0]: (make(row[:width]), customer_record(row[width:])) for row in rows}

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
            f"{sql} SELECT {DATE_COLUMNS}, {CUSTOMER_COLUMNS} FROM due JOIN important_dates d ON d.id = due.id"
            " JOIN customers c ON c.id = d.customer_id ORDER BY due.falls_on, d.id",
            parameters,
        )
        return [(date_record(row[:_DATE_WIDTH]), customer_record(row[_DATE_WIDTH:])) for row in rows]

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
            " WHERE (d.yearly <> 0 OR d.year = CAST(substr(days.falls_on, 1, 4) AS INTEGER))"
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
            f"SELECT {CUSTOMER_COLUMNS} FROM customers c"
            f" WHERE c.tier = ? AND c.last_contact IS NOT NULL AND c.last_contact < ? AND {NO_STANDING_FOLLOWUP}"
            " ORDER BY c.last_contact, c.id LIMIT ?",
            (tier, since, since, limit),
        )
        return [customer_record(row) for row in rows]

    def silent_count(self, tier: str, silent_since: date) -> int:
        """How many customers :meth:`silent_customers` would find, without a limit."""
        since = silent_since.isoformat()
        return self._read(
            f"SELECT count(*) FROM customers c WHERE c.tier = ? AND c.last_contact < ? AND {NO_STANDING_FOLLOWUP}",
            (tier, since, since),
        )[0][0]
