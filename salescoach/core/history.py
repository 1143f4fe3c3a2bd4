"""A customer's timeline: every contact, note, promise, follow-up and purchase in date order, and how long ago a
day was, said as a person would ("today", "1 day ago", "12 days ago")."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from salescoach.core.records import CustomerFile
from salescoach.core.relationship import BankEntry, bank_ledger, promise_status


class Event(NamedTuple):
    """One line of the timeline. ``kind``: visit, note, promise, followup, purchase."""

    date: date
    kind: str
    id: int
    text: str
    status: str | None = None
    details: tuple[tuple[str, str], ...] = ()


class Timeline(NamedTuple):
    events: tuple[Event, ...]
    bank: tuple[BankEntry, ...]
    balance: int


def timeline(book: CustomerFile, today: date) -> Timeline:
    """The timeline; a scored visit shows its score."""
    events = []
    for visit in book.visits:
        fbo = tuple(
            (key, value)
            for key, value in (
                ("feedback", visit.feedback),
                ("benefit", visit.benefit),
                ("opportunity", visit.opportunity),
            )
            if value
        )
        if visit.score is not None:
            fbo += (("score", f"{visit.score}%"),)
        events.append(Event(visit.date, "visit", visit.id, visit.channel, visit.outcome, fbo))
    events += [Event(note.noted_on, "note", note.id, note.text, note.kind) for note in book.notes]
    for promise in book.promises:
        status = promise_status(promise, today)
        events.append(
            Event(promise.made_on, "promise", promise.id, promise.text, status, (("due", promise.due.isoformat()),))
        )
    for followup in book.followups:
        status = "done" if followup.done_on else ("overdue" if followup.due < today else "planned")
        events.append(
            Event(
                followup.due,
                "followup",
                followup.id,
                followup.type,
                status,
                (("channel", followup.channel),) + ((("note", followup.note),) if followup.note else ()),
            )
        )
    events += [
        Event(
            purchase.date, "purchase", purchase.id, purchase.product or "", None, (("amount", f"{purchase.amount:g}"),)
        )
        for purchase in book.purchases
    ]
    order = {"visit": 0, "note": 1, "promise": 2, "purchase": 3, "followup": 4}
    events.sort(key=lambda event: (event.date, order[event.kind], event.id))
    ledger = bank_ledger(book.promises, today)
    return Timeline(tuple(events), tuple(ledger), ledger[-1].balance if ledger else 0)


def days_ago(days: int) -> str:
    """How long ago, in words of the interface language: 1 day, not 1 days."""
    from salescoach.i18n import _

    if days == 0:
        return _("today")
    if days == 1:
        return _("1 day ago")
    return _("{days} days ago").format(days=days)
