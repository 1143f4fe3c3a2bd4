"""At risk: silent past the tier's limit with no planned touch that still stands. The store's SQL finds exactly the
customers the core's rule names, and a follow-up long overdue no longer hides a drifting customer."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salescoach.core.agenda import is_at_risk, silent_since
from salescoach.core.records import Customer
from salescoach.core.vocabulary import TIERS
from salescoach.store import opened

DAY = date(2026, 11, 25)


def test_a_hot_customer_silent_for_months_with_a_followup_due_in_may_is_at_risk(cli):
    cli("customer", "add", "Kim", "--tier", "hot")
    cli("debrief", "Kim", "--no-input", "--channel", "visit", "--next-date", "2026-05-10", today="2026-04-25")
    cli("customer", "add", "Lee", "--tier", "hot")  # silent as long, but the follow-up is only days late
    cli("debrief", "Lee", "--no-input", "--channel", "visit", "--next-date", "2026-11-20", today="2026-04-25")
    agenda = cli.json("followup")
    assert [(risk["customer"], risk["days_silent"]) for risk in agenda["at_risk"]] == [("Kim", 214)]
    assert {item["customer"] for item in agenda["items"]} == {"Kim", "Lee"}  # both follow-ups are still listed
    assert cli.json("stats")["at_risk"]["hot"] == 1


book = st.lists(
    st.tuples(
        st.sampled_from(TIERS),
        st.one_of(st.none(), st.integers(-60, 0)),  # last contact, days from DAY
        st.lists(st.tuples(st.booleans(), st.integers(-60, 30)), max_size=3),  # follow-ups: (done, due)
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(customers=book, limits=st.lists(st.integers(1, 40), min_size=3, max_size=3))
def test_the_store_finds_who_the_core_rule_names(fresh_book, customers, limits):
    thresholds = dict(zip(TIERS, limits, strict=True))
    expected = {tier: [] for tier in TIERS}
    with opened(fresh_book()) as store:
        with store.transaction():
            for number, (tier, contact, followups) in enumerate(customers):
                last = DAY + timedelta(days=contact) if contact is not None else None
                customer = store.add_customer(
                    Customer(id=0, name=f"c{number}", created="2026-01-01", tier=tier, last_contact=last)
                )
                open_due = []
                for done, offset in followups:
                    added = store.add_followup(customer.id, DAY + timedelta(days=offset), "phone", "care")
                    if done:
                        store.complete_followup(added.id, DAY, None)
                    else:
                        open_due.append(added.due)
                if is_at_risk(customer, thresholds[tier], open_due, DAY):
                    expected[tier].append(customer)
        for tier in TIERS:
            since = silent_since(DAY, thresholds[tier])
            found = store.silent_customers(tier, since, 100)
            assert {customer.id for customer in found} == {customer.id for customer in expected[tier]}
            assert store.silent_count(tier, since) == len(expected[tier])
            assert [customer.last_contact for customer in found] == sorted(customer.last_contact for customer in found)
