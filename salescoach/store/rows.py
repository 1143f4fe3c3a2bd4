"""How the store's rows read as records: the columns each query selects and the function that turns them into
a :mod:`salescoach.core.records` value.

Every part of the store selects a record's columns through the same constant and reads them with the same
function, so a column added to a table is added here once. Nothing here runs SQL, so any backend that returns
rows as tuples in this order (SQLite, PostgreSQL) reads them with these functions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from salescoach.core.records import Customer, Followup, ImportantDate, Note, Promise, Purchase, Visit

CUSTOMER_COLUMNS = (
    "c.id, c.name, c.honorific, c.company, c.playbook, c.phone, c.email, c.city, c.tier, c.stage, c.created,"
    " c.last_contact, (SELECT json_group_array(tag) FROM"
    " (SELECT tag FROM customer_tags t WHERE t.customer_id = c.id ORDER BY tag) AS tags)"
)
VISIT_COLUMNS = (
    "v.id, v.customer_id, v.date, v.channel, v.topics, v.feedback, v.benefit, v.opportunity, v.outcome, v.amount,"
    " v.lost_reason, v.tier, v.stage, v.answered, v.checks, v.score"
)
PROMISE_COLUMNS = "p.id, p.customer_id, p.visit_id, p.text, p.made_on, p.due, p.kept_on, p.say"
FOLLOWUP_COLUMNS = "f.id, f.customer_id, f.visit_id, f.due, f.channel, f.type, f.note, f.done_on, f.done_note"
PURCHASE_COLUMNS = "u.id, u.customer_id, u.visit_id, u.date, u.amount, u.product"
NOTE_COLUMNS = "n.id, n.customer_id, n.kind, n.text, n.noted_on, n.say"
DATE_COLUMNS = "d.id, d.customer_id, d.kind, d.month, d.day, d.year, d.yearly, d.lead_days, d.label, d.handled"


def day_of(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def text_day(value: date | str | None) -> str | None:
    """A date as the ISO text the store keeps, whether it came as a date or as text (imports)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else date.fromisoformat(str(value)[:10]).isoformat()


def customer_record(row: Sequence) -> Customer:
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
        last_contact=day_of(row[11]),
        tags=tuple(json.loads(row[12])),
    )


def note_record(row: Sequence) -> Note:
    return Note(id=row[0], customer_id=row[1], kind=row[2], text=row[3], noted_on=day_of(row[4]), say=row[5])


def visit_record(row: Sequence) -> Visit:
    return Visit(
        id=row[0],
        customer_id=row[1],
        date=day_of(row[2]),
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
        score=row[15],
    )


def promise_record(row: Sequence) -> Promise:
    return Promise(
        id=row[0],
        customer_id=row[1],
        visit_id=row[2],
        text=row[3],
        made_on=day_of(row[4]),
        due=day_of(row[5]),
        kept_on=day_of(row[6]),
        say=row[7],
    )


def date_record(row: Sequence) -> ImportantDate:
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
        handled=day_of(row[9]),
    )


def followup_record(row: Sequence) -> Followup:
    return Followup(
        id=row[0],
        customer_id=row[1],
        visit_id=row[2],
        due=day_of(row[3]),
        channel=row[4],
        type=row[5],
        note=row[6],
        done_on=day_of(row[7]),
        done_note=row[8],
    )


def purchase_record(row: Sequence) -> Purchase:
    return Purchase(id=row[0], customer_id=row[1], visit_id=row[2], date=day_of(row[3]), amount=row[4], product=row[5])
