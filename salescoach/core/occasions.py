"""Important dates: when a birthday, anniversary or renewal should appear on the morning list.

An event with lead time L shows from L days before it until the day itself, as a ``care`` or ``info`` touch:
the method's "why buy now" triggers, and its everyday care. Once handled, it rests until its next occurrence.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from salescoach.core.records import ImportantDate


def occurrence(event: ImportantDate, on_or_after: date) -> date | None:
    """The first time ``event`` happens on or after a day (29 February falls on the 28th in other years)."""
    if not event.yearly:
        found = _safe_date(event.year or on_or_after.year, event.month, event.day)
        return found if found >= on_or_after else None
    for year in (on_or_after.year, on_or_after.year + 1):
        found = _safe_date(year, event.month, event.day)
        if found >= on_or_after:
            return found
    return None


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def occurrence_days(start: date, end: date) -> list[tuple[int, int, date]]:
    """(month, day, the day it falls on) for every day from ``start`` to ``end``: the table the store joins
    important dates against. A 29 February falls on the 28th in other years, as :func:`occurrence` has it."""
    days, current = [], start
    while current <= end:
        days.append((current.month, current.day, current))
        if current.month == 2 and current.day == 28 and not calendar.isleap(current.year):
            days.append((2, 29, current))
        current += timedelta(days=1)
    return days


def due_in_window(event: ImportantDate, start: date, until: date) -> date | None:
    """The occurrence to remind about if the window [start, until] touches [occurrence - lead, occurrence].

    An occurrence the rep has handled (``followup done d3``) is over: the reminder waits for the next one.
    """
    found = next_unhandled(event, start)
    if found is not None and found - timedelta(days=event.lead_days) <= until:
        return found
    return None


def next_unhandled(event: ImportantDate, on_or_after: date) -> date | None:
    """The first occurrence on or after a day that the rep has not yet marked handled."""
    if event.handled is not None and event.handled >= on_or_after:
        on_or_after = event.handled + timedelta(days=1)
    return occurrence(event, on_or_after)


def date_name(event: ImportantDate, playbook: dict) -> str:
    """What the date is called: the rep's own label, else the playbook's word for its kind ("maturity", "생일")."""
    return event.label or playbook["topics"]["followup"]["dates"][event.kind]["label"]


def event_label(event: ImportantDate, when: date, playbook: dict) -> str:
    """How a script names the date: its name and the day."""
    return f"{date_name(event, playbook)} ({when.isoformat()})"
