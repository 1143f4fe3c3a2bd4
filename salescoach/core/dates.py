"""Dates the way reps type them: ``2026-12-02``, ``today``, ``tomorrow``, ``+3d``, ``+2w``, ``friday``, and in
Korean ``오늘``, ``내일``, ``모레``, ``3일 후``, ``2주 후``, ``다음 주 월요일``.

A bare weekday means its next occurrence after today (follow-ups are planned forward); ``-2d`` and ``yesterday``
reach back for debriefs written late. Parsing is pure: "today" is always passed in.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT_WEEKDAYS = tuple(day[:3] for day in WEEKDAYS)
_KO_WEEKDAYS = ("월", "화", "수", "목", "금", "토", "일")
_NAMED = {
    "today": 0, "tomorrow": 1, "yesterday": -1,
    "오늘": 0, "내일": 1, "모레": 2, "어제": -1, "그저께": -2,
}  # fmt: skip
_UNITS = {"d": 1, "w": 7, "일": 1, "주": 7}
_RELATIVE = re.compile(r"^([+-])(\d{1,4})\s*([dw])$")
_KO_RELATIVE = re.compile(r"^(\d{1,4})\s*(일|주)\s*(후|뒤|전)$")
_KO_WEEKDAY = re.compile(r"^(다음\s*주\s*|이번\s*주\s*)?([월화수목금토일])요일?$")


EARLIEST, LATEST = date(1900, 1, 1), date(2999, 12, 31)
"""The dates salescoach accepts: enough for any customer's history and plans, and far from the calendar's ends."""


class DateError(ValueError):
    """Text that is not a date we understand, or a date outside ``EARLIEST``..``LATEST``.

    It carries the facts, ``text`` and ``out_of_range``, not a sentence: the layers that speak the rep's language
    say it in theirs (:func:`salescoach.usecases.dates.date_problem`), and the core stays free of the catalogue.
    """

    def __init__(self, text: str, out_of_range: bool = False, past: bool = False) -> None:
        super().__init__(text)
        self.text = text
        self.out_of_range = out_of_range
        self.past = past  # a day planned ahead that lies before today


def day_text(year: int | None, month: int, day: int) -> str:
    """An important date as the rep writes it: YYYY-MM-DD, or MM-DD when the year is unknown or beside the point."""
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"{month:02d}-{day:02d}"


def calendar_day(year: int | None, month: int, day: int) -> date:
    """The day an important date falls on: in ``year``, or in 2000 when the year is unknown (a leap year, so a
    birthday on 29 February stays possible). One rule for every way a date comes in (``customer date``, CSV and
    vCard birthdays, JSON exports), so what one accepts the others read back. A year 0 is a year (out of range),
    not "no year"; numbers too large for the calendar are out of range too, not an overflow."""
    text = day_text(year, month, day)
    if year is not None and not EARLIEST.year <= year <= LATEST.year:
        raise DateError(text, out_of_range=True)
    try:
        found = date(2000 if year is None else year, month, day)
    except (ValueError, OverflowError):
        raise DateError(text) from None
    if not EARLIEST <= found <= LATEST:
        raise DateError(text, out_of_range=True)
    return found


def parse_day(text: str, today: date) -> date:
    """The date ``text`` means, relative to ``today``; raises DateError with the accepted forms.

    The one parser for every way a date comes in: options, prompts, debrief files, ``SALESCOACH_TODAY`` (YAML is
    read without implicit timestamps, so a file's dates arrive here as text too).
    """
    if not isinstance(text, str):
        raise DateError(str(text))
    try:
        day = _parse(text, today)
    except OverflowError:  # +9999w from a day near the calendar's end
        raise DateError(text, out_of_range=True) from None
    if not EARLIEST <= day <= LATEST:
        raise DateError(text, out_of_range=True)
    return day


def planned_day(text: str, today: date) -> date:
    """A day to get in touch, planned ahead: like :func:`parse_day`, but not before ``today`` (a follow-up planned
    in the past would be overdue the moment it is made). One rule for ``--next``, ``--to`` and ``--on``."""
    day = parse_day(text, today)
    if day < today:
        raise DateError(text, past=True)
    return day


def _parse(text: str, today: date) -> date:
    value = text.strip().lower()
    if value in _NAMED:
        return today + timedelta(days=_NAMED[value])
    if match := _RELATIVE.match(value):
        sign = 1 if match.group(1) == "+" else -1
        return today + timedelta(days=sign * int(match.group(2)) * _UNITS[match.group(3)])
    if match := _KO_RELATIVE.match(value):
        sign = -1 if match.group(3) == "전" else 1
        return today + timedelta(days=sign * int(match.group(1)) * _UNITS[match.group(2)])
    if value in WEEKDAYS or value in _SHORT_WEEKDAYS:
        return _next_weekday(today, _SHORT_WEEKDAYS.index(value[:3]))
    if match := _KO_WEEKDAY.match(value):
        index = _KO_WEEKDAYS.index(match.group(2))
        if match.group(1) and match.group(1).startswith("다음"):
            next_monday = today + timedelta(days=7 - today.weekday())
            return next_monday + timedelta(days=index)
        if match.group(1):
            return today - timedelta(days=today.weekday()) + timedelta(days=index)
        return _next_weekday(today, index)
    return _iso(value, text)


def iso_day(text: str) -> date:
    """A date written as ISO text (``2026-12-02``, or a datetime), as an export holds it: the ISO part of
    :func:`parse_day` alone, with the same range, so what a debrief file accepts an export carries back in."""
    if not isinstance(text, str):
        raise DateError(str(text))
    day = _iso(text.strip(), text)
    if not EARLIEST <= day <= LATEST:
        raise DateError(text, out_of_range=True)
    return day


def _iso(value: str, text: str) -> date:
    try:
        if len(value) > 10:
            return datetime.fromisoformat(value).date()
        return date.fromisoformat(value)
    except ValueError:
        raise DateError(text) from None


def _next_weekday(today: date, index: int) -> date:
    ahead = (index - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)
