"""`salescoach coach`: how the rep's habits are going, visit by visit, from the scorecards of their debriefs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core import scorecard as sc
from salescoach.core import vocabulary as v
from salescoach.usecases.app import App
from salescoach.usecases.dates import span


class Habit(NamedTuple):
    id: str
    phase: str
    label: str
    recent: float | None
    before: float | None
    judged: int
    level: str | None


class Month(NamedTuple):
    month: str
    visits: int
    average: int | None


class Weakest(NamedTuple):
    id: str
    label: str
    habit: str
    tip: str
    recent: float


class Coaching(NamedTuple):
    start: date
    end: date
    customer: str | None
    visits: int
    average: int | None
    checks: tuple[Habit, ...]
    phases: tuple[Habit, ...]
    months: tuple[Month, ...]
    weakest: Weakest | None


TREND_VISITS = 300
"""The latest scored visits the trends are read from: each check's last ten judged are among them unless it is
almost never judged, and reading no more keeps `coach` as quick on a book of years as on one of weeks. The
months and the average are counted in SQL over the whole span."""


def coach(app: App, start: date | None = None, end: date | None = None, customer: str | None = None) -> Coaching:
    """Trends of every check and phase over the scored visits between two days (a year to today by default)."""
    start, end = span(app.today, start, end)
    with app.store() as store:
        who = None
        if customer is not None:
            from salescoach.usecases.customers import find

            who = find(store, customer)
        key = who.id if who else None
        visits = store.scored_visits(start, end, key, TREND_VISITS)
        months = store.score_months(start, end, key)
    rubric = app.customer_playbook(who.playbook).data["scorecard"] if who else app.playbook(None)["scorecard"]
    checks, phases = trends(visits, rubric)
    return Coaching(
        start=start,
        end=end,
        customer=who.name if who else None,
        visits=sum(count for _month, count, _average in months),
        average=_average(months),
        checks=checks,
        phases=phases,
        months=tuple(Month(month, count, round(average)) for month, count, average in months[-12:]),
        weakest=_weakest(checks, rubric),
    )


def habit_to_work_on(store, rubric: dict, today: date) -> Weakest | None:
    """The weakest habit of the rep's latest scored visits, as `coach` names it (None when none is weak): what
    ``prep`` and ``drill`` lead with, at the same bounded cost on a book of any size."""
    return weakest_habit(store.scored_visits(today - timedelta(days=365), today, None, TREND_VISITS), rubric)


def weakest_habit(visits: list[tuple[date, dict]], rubric: dict) -> Weakest | None:
    """The habit to work on in (day, checks) pairs, newest first: `coach`'s choice, from the checks' trends."""
    return _weakest(check_trends(visits, rubric), rubric)


def trends(visits: list[tuple[date, dict]], rubric: dict) -> tuple[tuple[Habit, ...], tuple[Habit, ...]]:
    """Each check's and each phase's trend from (day, checks) pairs, newest first."""
    weights = sc.weights(rubric)
    checks = check_trends(visits, rubric)
    phases = []
    for phase, ids in v.SCORECARD.items():
        shares = [score.percent / 100 for score in _scores(visits, weights, ids) if score.percent is not None]
        trend = sc.trend(phase, shares)
        phases.append(Habit(phase, phase, rubric[phase]["label"], *trend[1:]))
    return tuple(checks), tuple(phases)


def check_trends(visits: list[tuple[date, dict]], rubric: dict) -> tuple[Habit, ...]:
    """Each check's trend alone: all the weakest habit needs (the phases' scores cost twenty times as much)."""
    checks = []
    for phase, ids in v.SCORECARD.items():
        for check in ids:
            trend = sc.trend(check, [found[check] for _, found in visits if found.get(check) is not None])
            checks.append(Habit(check, phase, rubric[phase]["checks"][check]["label"], *trend[1:]))
    return tuple(checks)


def _average(months: list[tuple[str, int, float]]) -> int | None:
    """The average score of every scored visit of the span, from each month's count and average."""
    visits = sum(count for _month, count, _average in months)
    return round(sum(count * average for _month, count, average in months) / visits) if visits else None


def _scores(visits, weights: dict[str, float], ids) -> list[sc.Score]:
    return [sc.score({c: found.get(c) for c in ids}, weights) for _, found in visits]


def _weakest(checks: tuple[Habit, ...], rubric: dict) -> Weakest | None:
    """The habit to work on among ``checks``, worded by the playbook (None when none is weak)."""
    found = sc.weakest(checks)
    if found is None:
        return None
    item = rubric[sc.phase_of(found.id)]["checks"][found.id]
    return Weakest(found.id, item["label"], item["habit"], item["tip"], found.recent)
