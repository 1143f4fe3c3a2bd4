"""The visit scorecard: checks from the record, the weighted score, trends, levels and the weakest habit."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from salescoach.core import scorecard as sc
from salescoach.core.vocabulary import SCORE_CHECKS, SCORED_FROM_RECORD

DAY = date(2026, 11, 25)


def facts(**changes) -> sc.VisitFacts:
    base = dict(
        day=DAY,
        topics=("family",),
        answered=(),
        feedback="useful",
        benefit="the fee table",
        opportunity="call Thu",
        notes_taken=1,
        promises_made=0,
        next_due=date(2026, 11, 28),
        cadence_days=7,
    )
    return sc.VisitFacts(**{**base, **changes})


def test_the_record_answers_its_checks():
    assert sc.from_record(facts()) == {
        "asked_area": True,
        "learned": True,
        "feedback": True,
        "benefit": True,
        "opportunity": True,
        "next_in_cadence": True,
        "promised": None,
    }
    late = sc.from_record(facts(next_due=date(2026, 12, 10), promises_made=2, feedback=None, notes_taken=0))
    assert late["next_in_cadence"] is False and late["promised"] is True
    assert late["feedback"] is False and late["learned"] is False
    assert sc.from_record(facts(next_due=None))["opportunity"] is False  # an opening without a date is a hope
    assert set(sc.from_record(facts())) == set(SCORED_FROM_RECORD)


def test_score_is_the_weighted_share_of_what_was_judged():
    weights = dict.fromkeys(SCORE_CHECKS, 1.0) | {"feedback": 2.0}
    result = sc.score({"feedback": False, "benefit": True, "thanks": True, "options": None}, weights)
    assert result == sc.Score(50, ("feedback",))
    assert sc.score({"options": None}, weights) == sc.Score(None, ())
    missed = sc.score({"thanks": False, "feedback": False, "benefit": False}, weights).missed
    assert missed == ("feedback", "benefit", "thanks")  # heaviest first, then the order of a visit


def test_levels_and_trends():
    assert [sc.level(r) for r in (0.49, 0.5, 0.74, 0.75, 0.89, 0.9, 1)] == [
        "needs_work",
        "developing",
        "developing",
        "proficient",
        "proficient",
        "excellent",
        "excellent",
    ]
    trend = sc.trend("feedback", [True, True, False, True, True, False, False, False, True, False, True])
    assert trend == sc.Trend("feedback", 0.8, 0.2, 11, "proficient")
    assert sc.trend("thanks", []) == sc.Trend("thanks", None, None, 0, None)


def test_the_weakest_habit_needs_enough_visits_and_room_to_grow():
    trends = [
        sc.Trend("thanks", 0.2, None, 2, "needs_work"),  # too few visits to judge
        sc.Trend("feedback", 0.4, 0.6, 9, "needs_work"),
        sc.Trend("options", 0.4, 0.2, 9, "needs_work"),
        sc.Trend("benefit", 1.0, 1.0, 9, "excellent"),
    ]
    assert sc.weakest(trends).id == "feedback"  # a tie goes to the earlier check of the visit
    assert sc.weakest([sc.Trend("benefit", 1.0, 1.0, 9, "excellent")]) is None


@given(st.dictionaries(st.sampled_from(SCORE_CHECKS), st.one_of(st.none(), st.booleans())))
def test_a_score_is_a_percentage_of_judged_checks(results):
    weights = {check: float(index % 3) for index, check in enumerate(SCORE_CHECKS)}
    result = sc.score(results, weights)
    if result.percent is None:  # nothing judged, or only weightless checks
        assert result.missed == () and not sum(weights[c] for c, ok in results.items() if ok is not None)
    else:
        assert 0 <= result.percent <= 100
        assert set(result.missed) == {c for c, ok in results.items() if ok is False}
