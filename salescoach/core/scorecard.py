"""The visit scorecard: how a contact went, check by check, against the method's rubric.

A check is passed, failed, or not judged (None): a question the rep skipped, or a check that does not apply
(no promise was made, so none was dated). The score is the weighted share passed among the checks judged, so a
skipped question neither helps nor hurts. Checks the record can answer are scored from it (:func:`from_record`);
the rest are the rep's own yes/no answers at the end of the debrief.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core import vocabulary as v


class VisitFacts(NamedTuple):
    """What a debrief recorded that the rubric can read."""

    day: date
    topics: tuple[str, ...]
    answered: tuple[str, ...]
    feedback: str | None
    benefit: str | None
    opportunity: str | None
    notes_taken: int
    promises_made: int
    next_due: date | None
    cadence_days: int


def from_record(facts: VisitFacts) -> dict[str, bool | None]:
    """The checks the record answers. "Opportunity" needs a dated next touch: an opening with no date is a hope."""
    planned = facts.next_due is not None
    return {
        "asked_area": bool(facts.topics or facts.answered),
        "learned": facts.notes_taken > 0,
        "feedback": bool(facts.feedback),
        "benefit": bool(facts.benefit),
        "opportunity": bool(facts.opportunity) and planned,
        "next_in_cadence": planned and facts.next_due <= facts.day + timedelta(days=facts.cadence_days),
        "promised": True if facts.promises_made else None,
    }


def phase_of(check: str) -> str:
    return next(phase for phase, checks in v.SCORECARD.items() if check in checks)


def weights(rubric: Mapping) -> dict[str, float]:
    """Each check's weight in a playbook's ``scorecard``."""
    return {check: item["weight"] for part in rubric.values() for check, item in part["checks"].items()}


class Score(NamedTuple):
    percent: int | None  # None: nothing was judged
    missed: tuple[str, ...]  # failed checks, the heaviest first


def score(results: Mapping[str, bool | None], weights: Mapping[str, float]) -> Score:
    """The weighted share of judged checks passed, and what was missed (heaviest first, then rubric order)."""
    judged = {check: passed for check, passed in results.items() if passed is not None}
    total = sum(weights[check] for check in judged)
    if not total:
        return Score(None, ())
    passed = sum(weights[check] for check, ok in judged.items() if ok)
    order = v.SCORE_CHECKS
    missed = sorted((check for check, ok in judged.items() if not ok), key=lambda c: (-weights[c], order.index(c)))
    return Score(round(100 * passed / total), tuple(missed))


LEVELS = ((90, "excellent"), (75, "proficient"), (50, "developing"), (0, "needs_work"))
"""A rate's level: needs work below 50%, developing 50–74, proficient 75–89, excellent 90 and up."""


def level(rate: float) -> str:
    return next(name for floor, name in LEVELS if rate * 100 >= floor)


class Trend(NamedTuple):
    """One check (or phase) over the rep's visits: the last ``window`` judged and the ``window`` before."""

    id: str
    recent: float | None
    before: float | None
    judged: int
    level: str | None


MIN_TO_JUDGE = 3
"""Visits a habit must have been judged in before it is given a level or can be named the weakest."""


def trend(key: str, outcomes: Iterable[bool], window: int = 5) -> Trend:
    """``outcomes`` newest first; each rate is the share passed (None with nothing to judge), and a level only
    from :data:`MIN_TO_JUDGE` visits on: one visit is no habit."""
    outcomes = list(outcomes)
    recent, before = outcomes[:window], outcomes[window : 2 * window]
    rate = sum(recent) / len(recent) if recent else None
    earlier = sum(before) / len(before) if before else None
    judged = len(recent) >= MIN_TO_JUDGE
    return Trend(key, rate, earlier, len(outcomes), level(rate) if rate is not None and judged else None)


def weakest(trends: Iterable[Trend]) -> Trend | None:
    """The habit to work on: the lowest recent rate among checks judged often enough (rubric order breaks ties).

    Any record with a check's ``id``, ``recent`` rate and ``judged`` count will do (the use case's habits too)."""
    order = v.SCORE_CHECKS
    candidates = [t for t in trends if t.recent is not None and t.judged >= MIN_TO_JUDGE and t.recent < 1]
    return min(candidates, key=lambda t: (t.recent, order.index(t.id)), default=None)
