"""What to tell the rep, in their language, when something they typed is not a date.

:mod:`salescoach.core.dates` parses and stays pure, so its :class:`~salescoach.core.dates.DateError` carries only
the facts; the options, prompts, debrief files and important dates that take dates say the problem through
:func:`date_problem`. The reports over a span of days (stats, coach, the team report) take it through :func:`span`.
"""

from __future__ import annotations

from datetime import date, timedelta

from salescoach.core.dates import EARLIEST, LATEST, DateError
from salescoach.i18n import _


def date_problem(error: DateError, calendar: bool = False) -> str:
    """The problem with a date the rep typed, in the interface language.

    ``calendar`` is for an important date given as year, month and day (:func:`~salescoach.core.dates.calendar_day`),
    where "today" or "+3d" would be no help: there the problem is a day the calendar does not have.
    """
    if error.out_of_range:
        return _("{text!r} is out of range ({earliest} to {latest})").format(
            text=error.text, earliest=EARLIEST.year, latest=LATEST.year
        )
    if error.past:
        return _("{text!r} is in the past: plan a day from today on").format(text=error.text)
    if calendar:
        return _("no such day: {text}").format(text=error.text)
    return _("not a date: {text!r} (use YYYY-MM-DD, today, tomorrow, +3d, +2w or a weekday)").format(text=error.text)


def span(today: date, start: date | None, end: date | None) -> tuple[date, date]:
    """The days a report covers, as ``--from`` and ``--to`` give them: to today and from a year before the end
    by default; a start after the end is a usage error."""
    from salescoach.errors import InvalidInput

    end = end or today
    start = start or end - timedelta(days=365)
    if start > end:
        raise InvalidInput(_("--from must not be after --to"))
    return start, end
