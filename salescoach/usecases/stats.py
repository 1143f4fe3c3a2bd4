"""Stats: how the book and the relationships are doing, by the method's own measures."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core.agenda import silent_since_by_tier
from salescoach.core.performance import Performance, performance
from salescoach.core.relationship import counted_balance
from salescoach.core.vocabulary import TIERS
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.app import App
from salescoach.usecases.dates import span


class Month(NamedTuple):
    month: str
    contacts: int
    sales: int
    amount: float
    lost: int


class Stats(NamedTuple):
    start: date
    end: date
    by_tier_and_stage: dict[str, dict[str, int]]
    followups_due: int
    followups_on_time: int
    followups_late: int
    promises_due: int
    promises_on_time: int
    promises_late: int
    bank_balance: int
    at_risk: dict[str, int]
    lost_by_cause: dict[str, int]
    performance: Performance
    months: tuple[Month, ...]


def stats(app: App, start: date | None, end: date | None, margin: float | None) -> Stats:
    start, end = span(app.today, start, end)
    if margin is not None and not 0 <= margin <= 1:
        raise InvalidInput(_("--margin: a fraction between 0 and 1, e.g. 0.2"))
    playbook = app.playbook(None)
    with app.store() as store:
        book = {tier: dict.fromkeys(("1", "2", "3"), 0) for tier in TIERS}  # every cell, so the JSON has one shape
        for tier, stage, count in store.book_counts():
            book[tier or "general"][str(stage)] = count
        f_due, f_on_time, f_late = store.on_time("followups", start, end)
        p_due, p_on_time, p_late = store.on_time("promises", start, end)
        overdue = store.on_time("promises", start, min(end, app.today - timedelta(days=1)))
        open_overdue = overdue[0] - overdue[1] - overdue[2]
        at_risk = {
            tier: store.silent_count(tier, since) for tier, since in silent_since_by_tier(playbook, app.today).items()
        }
        lost = {cause or "unknown": count for cause, count in store.lost_reasons(start, end)}
        months = tuple(  # a float on either backend: SQLite sums no amounts to the whole number 0
            Month(month, contacts, sales, float(amount), lost)
            for month, contacts, sales, amount, lost in store.visit_months(start, end)
        )
        buyers, repeat = store.buyers(start, end)
    contacts = sum(month.contacts for month in months)
    sales = sum(month.sales for month in months)
    amount = sum(month.amount for month in months)
    return Stats(
        start,
        end,
        book,
        f_due,
        f_on_time,
        f_late,
        p_due,
        p_on_time,
        p_late,
        counted_balance(p_on_time, p_late, open_overdue),
        at_risk,
        lost,
        performance(contacts, sales, amount, buyers, repeat, margin),
        months,
    )
