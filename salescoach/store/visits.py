"""What is recorded about a customer: notes, visits and their scorecards, promises, follow-ups, purchases and
important dates, and the whole file of one customer.

Each table is written by one statement (the ``INSERT_*`` constants): the rep's commands here and the bulk
import (:mod:`salescoach.store.exchange`) insert the same columns the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from salescoach.core.records import CustomerFile, Followup, ImportantDate, Note, Promise, Purchase, Visit
from salescoach.store.base import StoreBase
from salescoach.store.rows import (
    DATE_COLUMNS,
    FOLLOWUP_COLUMNS,
    NOTE_COLUMNS,
    PROMISE_COLUMNS,
    PURCHASE_COLUMNS,
    VISIT_COLUMNS,
    date_record,
    followup_record,
    note_record,
    promise_record,
    purchase_record,
    text_day,
    visit_record,
)

INSERT_VISIT = (
    "INSERT INTO visits (customer_id, date, channel, topics, feedback, benefit, opportunity, outcome,"
    " amount, lost_reason, tier, stage, answered, checks, score)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_NOTE = "INSERT INTO notes (customer_id, kind, text, noted_on, say) VALUES (?, ?, ?, ?, ?)"
INSERT_PROMISE = (
    "INSERT INTO promises (customer_id, visit_id, text, made_on, due, kept_on, say) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_PURCHASE = "INSERT INTO purchases (customer_id, visit_id, date, amount, product) VALUES (?, ?, ?, ?, ?)"
INSERT_FOLLOWUP = (
    "INSERT INTO followups (customer_id, visit_id, due, channel, type, note, done_on, done_note)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
INSERT_DATE = (
    "INSERT INTO important_dates (customer_id, kind, label, month, day, year, yearly, lead_days, handled)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _points(primary: str | None, kind: str, others: list[tuple]) -> tuple[str, ...]:
    """Every phone or e-mail of a customer, the primary first (once, should an edit have made it one of the others)."""
    return (*([primary] if primary else []), *(value for of, value in others if of == kind and value != primary))


class VisitQueries(StoreBase):
    def add_note(self, customer_id: int, kind: str, text: str, noted_on: date, say: str | None = None) -> Note:
        note_id = self._insert(INSERT_NOTE, (customer_id, kind, text, noted_on.isoformat(), say))
        return Note(id=note_id, customer_id=customer_id, kind=kind, text=text, noted_on=noted_on, say=say)

    def add_visit(self, visit: Visit) -> Visit:
        visit_id = self._insert(INSERT_VISIT, visit_row(visit.customer_id, visit._asdict()))
        return self._one(f"SELECT {VISIT_COLUMNS} FROM visits v WHERE v.id = ?", visit_id, visit_record)

    def score_visit(self, visit_id: int, checks: dict[str, bool], score: int | None) -> Visit:
        """Keep a visit's scorecard (check id → passed) and its score."""
        self._write("UPDATE visits SET checks = ?, score = ? WHERE id = ?", (json.dumps(checks), score, visit_id))
        return self._one(f"SELECT {VISIT_COLUMNS} FROM visits v WHERE v.id = ?", visit_id, visit_record)

    def add_promise(
        self, customer_id: int, text: str, made_on: date, due: date, visit_id: int | None, say: str | None = None
    ) -> Promise:
        promise_id = self._insert(
            INSERT_PROMISE, (customer_id, visit_id, text, made_on.isoformat(), due.isoformat(), None, say)
        )
        return self.promise(promise_id)

    def promise(self, promise_id: int) -> Promise:
        return self._one(f"SELECT {PROMISE_COLUMNS} FROM promises p WHERE p.id = ?", promise_id, promise_record)

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
        values = (customer_id, visit_id, due.isoformat(), channel, type_, note, None, None)
        return self.followup(self._insert(INSERT_FOLLOWUP, values))

    def followup(self, followup_id: int) -> Followup:
        return self._one(f"SELECT {FOLLOWUP_COLUMNS} FROM followups f WHERE f.id = ?", followup_id, followup_record)

    def complete_followup(self, followup_id: int, on: date, note: str | None) -> Followup:
        self._write("UPDATE followups SET done_on = ?, done_note = ? WHERE id = ?", (on.isoformat(), note, followup_id))
        return self.followup(followup_id)

    def move_followup(self, followup_id: int, to: date) -> Followup:
        self._write("UPDATE followups SET due = ? WHERE id = ?", (to.isoformat(), followup_id))
        return self.followup(followup_id)

    def add_purchase(
        self, customer_id: int, on: date, amount: float, product: str | None, visit_id: int | None
    ) -> Purchase:
        purchase_id = self._insert(INSERT_PURCHASE, (customer_id, visit_id, on.isoformat(), amount, product))
        sql = f"SELECT {PURCHASE_COLUMNS} FROM purchases u WHERE u.id = ?"
        return self._one(sql, purchase_id, purchase_record)

    def add_important_date(self, event: ImportantDate) -> ImportantDate:
        date_id = self._insert(
            INSERT_DATE,
            (
                event.customer_id,
                event.kind,
                event.label,
                event.month,
                event.day,
                event.year,
                int(event.yearly),
                event.lead_days,
                None,
            ),
        )
        return self.important_date(date_id)

    def important_date(self, date_id: int) -> ImportantDate:
        return self._one(f"SELECT {DATE_COLUMNS} FROM important_dates d WHERE d.id = ?", date_id, date_record)

    def mark_date_handled(self, date_id: int, occurrence: date) -> ImportantDate:
        self._write("UPDATE important_dates SET handled = ? WHERE id = ?", (occurrence.isoformat(), date_id))
        return self.important_date(date_id)

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
            notes=rows("notes", NOTE_COLUMNS, "n.noted_on", note_record),
            visits=rows("visits", VISIT_COLUMNS, "v.date", visit_record),
            promises=rows("promises", PROMISE_COLUMNS, "p.made_on", promise_record),
            followups=rows("followups", FOLLOWUP_COLUMNS, "f.due", followup_record),
            purchases=rows("purchases", PURCHASE_COLUMNS, "u.date", purchase_record),
            dates=rows("important_dates", DATE_COLUMNS, "d.month, d.day", date_record),
        )

    def latest_notes(self, customer_ids: Sequence[int]) -> dict[int, list[Note]]:
        """The notes of several customers at once, newest first per customer (for filling scripts)."""
        if not customer_ids:
            return {}
        marks = ", ".join("?" for _ in customer_ids)
        rows = self._read(
            f"SELECT {NOTE_COLUMNS} FROM notes n WHERE n.customer_id IN ({marks}) ORDER BY n.noted_on DESC, n.id DESC",
            list(customer_ids),
        )
        notes: dict[int, list[Note]] = {}
        for row in rows:
            notes.setdefault(row[1], []).append(note_record(row))
        return notes

    def latest_visits(self, customer_ids: Sequence[int]) -> dict[int, Visit]:
        """The most recent visit of each of several customers."""
        if not customer_ids:
            return {}
        marks = ", ".join("?" for _ in customer_ids)
        rows = self._read(
            f"SELECT {VISIT_COLUMNS} FROM visits v WHERE v.customer_id IN ({marks})"
            " AND v.id = (SELECT w.id FROM visits w WHERE w.customer_id = v.customer_id"
            " ORDER BY w.date DESC, w.id DESC LIMIT 1)",
            list(customer_ids),
        )
        return {row[1]: visit_record(row) for row in rows}


def visit_row(customer_id: int, visit: Mapping) -> tuple:
    """The values :data:`INSERT_VISIT` takes for one visit, given as a :class:`~salescoach.core.records.Visit`'s
    fields or as exported JSON (where all but ``date`` and ``channel`` may be missing)."""
    return (
        customer_id,
        text_day(visit["date"]),
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
        visit.get("score"),
    )
