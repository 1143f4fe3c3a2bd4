"""The store ranks open items in SQL by the very score the core computes: same order, same ties, any weights; and
finds the important dates due exactly as the core does. On both backends: the rep's SQLite book and a team's
PostgreSQL server say the ranking in their own dialects."""

from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from salescoach.core.agenda import CustomerContext, Due, promises_come_first, score, weight_rows
from salescoach.core.dates import DateError, calendar_day
from salescoach.core.occasions import due_in_window, occurrence, occurrence_days
from salescoach.core.records import Customer, ImportantDate
from salescoach.core.vocabulary import MAX_LEAD_DAYS, TIERS
from salescoach.store import opened

DAY = date(2026, 11, 25)
points = st.one_of(
    st.integers(-50, 300),
    st.floats(-50, 300, allow_nan=False),
    st.sampled_from([0.1, 0.125, 0.13, 0.2, 0.3, 2.675]),  # sums that land on half-cents or float noise
)

playbooks = st.builds(
    lambda promise, per_day, cap, tiers, stages, churn, recency: {
        "priority": {
            "promise": promise,
            "overdue_per_day": per_day,
            "overdue_cap_days": cap,
            "tier": dict(zip(TIERS, tiers, strict=True)),
            "stage": dict(zip(("1", "2", "3"), stages, strict=True)),
            "churn_risk": churn,
        },
        "churn": {"rfm": {tier: {"recency_days": days} for tier, days in zip(TIERS, recency, strict=True)}},
    },
    st.one_of(points, st.integers(1000, 2000)),  # a promise weight that may outrank every follow-up
    points,
    st.integers(0, 60),
    st.lists(points, min_size=3, max_size=3),
    st.lists(points, min_size=3, max_size=3),
    points,
    st.lists(st.integers(1, 12), min_size=3, max_size=3),
)
customers = st.lists(
    st.tuples(
        st.sampled_from([None, *TIERS]),
        st.sampled_from([None, 1, 2, 3]),
        st.one_of(st.none(), st.integers(-15, 0)),
        st.sampled_from([None, "bank", "auto"]),
        st.lists(st.tuples(st.booleans(), st.integers(-60, 3)), max_size=4),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=customers, weights=st.fixed_dictionaries({None: playbooks, "bank": playbooks, "auto": playbooks}))
def test_sql_ranking_matches_the_core_score(fresh_book, book, weights):
    where = fresh_book()
    with opened(where) as store:
        with store.transaction():
            for number, (tier, stage, silent, playbook, items) in enumerate(book):
                last = DAY + timedelta(days=silent) if silent is not None else None
                added = store.add_customer(
                    Customer(
                        id=0,
                        name=f"c{number}",
                        created="2026-01-01",
                        tier=tier,
                        stage=stage,
                        last_contact=last,
                        playbook=playbook,
                    )
                )
                for is_promise, offset in items:
                    due = DAY + timedelta(days=offset)
                    if is_promise:
                        store.add_promise(added.id, "owed", DAY, due, None)
                    else:
                        store.add_followup(added.id, due, "phone", "care")
        rows = [row for name in {None, *store.playbook_names()} for row in weight_rows(name or "", weights[name])]
        ranked = store.ranked_due(DAY, DAY, rows, 0)
        total = sum(store.due_counts(DAY))
        top = store.ranked_due(DAY, DAY, rows, 3)
        if store.due_counts(DAY)[1] >= 3 and promises_come_first(rows):
            assert store.ranked_due(DAY, DAY, rows, 3, promises_only=True) == top

    def key(row: Due):
        context = CustomerContext(row, weights[row.playbook])
        points, _ = score(row.kind, max(0, (DAY - row.due).days), context, DAY)
        return (-points, row.due, row.kind != "promise", row.kind, row.id)

    due = [Due(*row) for row in ranked]
    assert total == len(due) == sum(1 for *_, items in book for _, offset in items if offset <= 0)
    assert due == sorted(due, key=key)
    assert [Due(*row) for row in top] == due[:3]


def test_scores_half_a_cent_apart_are_not_rounded_together(fresh_book):
    """0.125 and 0.13 round alike to two places; ranking must still put the higher one first."""
    weights = {
        "priority": {
            "promise": 0, "overdue_per_day": 0, "overdue_cap_days": 0, "churn_risk": 0,
            "tier": {"hot": 0.13, "warm": 0, "general": 0.125}, "stage": {"1": 0, "2": 0, "3": 0},
        },
        "churn": {"rfm": {tier: {"recency_days": 30} for tier in TIERS}},
    }  # fmt: skip
    with opened(fresh_book()) as store:
        with store.transaction():
            for name, tier, due in (("A", "general", date(2026, 11, 20)), ("B", "hot", date(2026, 11, 24))):
                added = store.add_customer(Customer(id=0, name=name, created="2026-01-01", tier=tier))
                store.add_followup(added.id, due, "phone", "care")
        top = store.ranked_due(DAY, DAY, weight_rows("", weights), 1)
    assert Due(*top[0]).tier == "hot"


def test_playbook_names_are_those_in_use(fresh_book):
    where = fresh_book()
    with opened(where) as store:
        assert store.playbook_names() == []
        with store.transaction():
            for name, playbook in (("a", "bank"), ("b", None), ("c", "auto"), ("d", "bank")):
                store.add_customer(Customer(id=0, name=name, created="2026-01-01", playbook=playbook))
        assert store.playbook_names() == ["auto", "bank", None]


NEGATIVE_CHURN = {
    "priority": {
        "promise": 100, "overdue_per_day": 0, "overdue_cap_days": 0, "churn_risk": -200,
        "tier": dict.fromkeys(TIERS, 0), "stage": dict.fromkeys(("1", "2", "3"), 0),
    },
    "churn": {"rfm": {tier: {"recency_days": 30} for tier in TIERS}},
}  # fmt: skip


@settings(max_examples=200, deadline=None)
@example(weights=NEGATIVE_CHURN, promise=("hot", 1, 0), followup=("hot", 1, 0), silent=(100, 0))
@given(
    weights=playbooks,
    promise=st.tuples(st.sampled_from([None, *TIERS]), st.sampled_from([None, 1, 2, 3]), st.integers(0, 90)),
    followup=st.tuples(st.sampled_from([None, *TIERS]), st.sampled_from([None, 1, 2, 3]), st.integers(0, 90)),
    silent=st.tuples(st.integers(0, 400), st.integers(0, 400)),
)
def test_when_promises_come_first_every_promise_outranks_every_followup(weights, promise, followup, silent):
    if not promises_come_first(weight_rows("", weights)):
        return

    def points(kind, tier, stage, overdue, days_silent):
        customer = Customer(
            id=1, name="x", created="", tier=tier, stage=stage, last_contact=DAY - timedelta(days_silent)
        )
        return score(kind, overdue, CustomerContext(customer, weights), DAY)[0]

    assert points("promise", *promise, silent[0]) > points("followup", *followup, silent[1])


def test_the_shipped_weights_put_promises_first():
    from salescoach.paths import locations
    from salescoach.playbook.loader import load

    assert promises_come_first(weight_rows("", load("core", "en", locations())))


def _event(kind_year, month, day, lead, handled_offset):
    yearly, year = kind_year
    return ImportantDate(
        id=0, customer_id=0, kind="birthday", month=month, day=day, year=year, yearly=yearly, lead_days=lead
    ), handled_offset


events = st.lists(
    st.builds(
        _event,
        st.one_of(st.tuples(st.just(True), st.none()), st.tuples(st.booleans(), st.integers(2025, 2029))),
        st.integers(1, 12),
        st.sampled_from([1, 15, 28, 29, 30, 31]),
        st.integers(0, 60),
        st.one_of(st.none(), st.just("coming"), st.integers(-400, 400)),  # handled: not, the coming one, any day
    ).filter(lambda pair: _real(pair[0])),
    max_size=12,
)


def _real(event: ImportantDate) -> bool:
    try:
        calendar_day(event.year, event.month, event.day)
    except DateError:
        return False
    return True


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    book=events,
    start=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    days=st.sampled_from([1, 2, 7, 30, 366]),
)
@example(book=[(_event((True, None), 2, 29, 3, None)[0], None)], start=date(2027, 2, 25), days=1)
@example(book=[(_event((True, None), 11, 28, 3, None)[0], 0)], start=date(2026, 11, 25), days=366)
def test_sql_dates_due_match_the_core(fresh_book, book, start, days):
    until = start + timedelta(days=days - 1)
    where = fresh_book()
    expected = {}
    with opened(where) as store:
        with store.transaction():
            customer = store.add_customer(Customer(id=0, name="c", created="2026-01-01"))
            for event, handled_offset in book:
                saved = store.add_important_date(event._replace(customer_id=customer.id))
                handled = occurrence(saved, start) if handled_offset == "coming" else handled_offset
                if isinstance(handled, int):
                    handled = start + timedelta(days=handled)
                if handled is not None:
                    saved = store.mark_date_handled(saved.id, handled)
                when = due_in_window(saved, start, until)
                if when is not None:
                    expected[saved.id] = when
        window = occurrence_days(start, until + timedelta(days=MAX_LEAD_DAYS))
        found = store.important_dates_due(window, until)
        assert store.count_important_dates_due(window, until) == len(expected)
    assert {event.id for event, _ in found} == set(expected)
