"""`salescoach coach`: how the rep's habits are going, visit by visit, from the scorecards of their debriefs."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core import scorecard as sc
from salescoach.core import vocabulary as v
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.app import App


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


def coach(app: App, start: date | None = None, end: date | None = None, customer: str | None = None) -> Coaching:
    """Trends of every check and phase over the scored visits between two days (a year to today by default)."""
    end = end or app.today
    start = start or end - timedelta(days=365)
    if start > end:
        raise InvalidInput(_("--from must not be after --to"))
    with app.store() as store:
        who = None
        if customer is not None:
            from salescoach.usecases.customers import find

            who = find(store, customer)
        visits = store.scored_visits(start, end, who.id if who else None)
    rubric = app.customer_playbook(who.playbook).data["scorecard"] if who else app.playbook(None)["scorecard"]
    return summarise(visits, rubric, start, end, who.name if who else None)


HABIT_VISITS = 60
"""The rep's latest scored visits that name the habit to work on in ``prep`` (enough to judge every check: the
trends read the last ten), so a brief costs the same on a book of any size."""


def habit_to_work_on(store, rubric: dict, today: date) -> str | None:
    """The weakest habit of the rep's latest scored visits, said as what to do next time; None when none is weak."""
    visits = store.scored_visits(today - timedelta(days=365), today, None, HABIT_VISITS)
    weakest = summarise(visits, rubric, today, today, None).weakest
    return weakest.habit if weakest else None


def summarise(visits: list[tuple[date, dict]], rubric: dict, start: date, end: date, customer: str | None) -> Coaching:
    """The trends from (day, checks) pairs, newest first: per check, per phase, by month, and the weakest habit."""
    weights = sc.weights(rubric)
    checks = []
    for phase, ids in v.SCORECARD.items():
        for check in ids:
            trend = sc.trend(check, [found[check] for _, found in visits if found.get(check) is not None])
            checks.append(Habit(check, phase, rubric[phase]["checks"][check]["label"], *trend[1:]))
    phases = []
    for phase, ids in v.SCORECARD.items():
        shares = [score.percent / 100 for score in _scores(visits, weights, ids) if score.percent is not None]
        trend = sc.trend(phase, shares)
        phases.append(Habit(phase, phase, rubric[phase]["label"], *trend[1:]))
    months: dict[str, list[int]] = {}
    for (day, _found), score in zip(visits, _scores(visits, weights, v.SCORE_CHECKS), strict=True):
        if score.percent is not None:
            months.setdefault(day.isoformat()[:7], []).append(score.percent)
    all_scores = [percent for scores in months.values() for percent in scores]
    weakest = sc.weakest(sc.Trend(h.id, h.recent, h.before, h.judged, h.level) for h in checks)
    return Coaching(
        start=start,
        end=end,
        customer=customer,
        visits=len(visits),
        average=round(sum(all_scores) / len(all_scores)) if all_scores else None,
        checks=tuple(checks),
        phases=tuple(phases),
        months=tuple(Month(m, len(s), round(sum(s) / len(s))) for m, s in sorted(months.items())[-12:]),
        weakest=_weakest(weakest, rubric) if weakest else None,
    )


def _scores(visits, weights: dict[str, float], ids) -> list[sc.Score]:
    return [sc.score({c: found.get(c) for c in ids}, weights) for _, found in visits]


def _weakest(trend: sc.Trend, rubric: dict) -> Weakest:
    item = rubric[sc.phase_of(trend.id)]["checks"][trend.id]
    return Weakest(trend.id, item["label"], item["habit"], item["tip"], trend.recent)
