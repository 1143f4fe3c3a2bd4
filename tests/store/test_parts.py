"""The store's parts: one record stored one way or another reads back the same, and each module stays small."""

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import salescoach.store
from salescoach.core.records import Customer, ImportantDate, Visit
from salescoach.paths import Locations
from salescoach.store import opened

DAY = date(2026, 11, 25)
texts = st.text(min_size=1, max_size=40).filter(lambda text: text.strip() and "\x00" not in text)
maybe = st.none() | texts


def one_by_one(where: Locations, name: str, company: str | None, note: str, topic: str, say: str | None):
    """A customer and one of every record, as the rep's commands store them."""
    with opened(where) as store:
        with store.transaction():
            added = store.add_customer(
                Customer(
                    id=0,
                    name=name,
                    company=company,
                    phone="010-1",
                    tier="hot",
                    stage=2,
                    tags=("b", "a"),
                    created="2026-11-01T09:00:00",
                    last_contact=DAY,
                )
            )
            store.add_contact_points(added.id, ["010-1", "010-2"], ["x@example.com"])
            store.add_note(added.id, "family", note, DAY, say)
            visit = store.add_visit(
                Visit(id=0, customer_id=added.id, date=DAY, channel="visit", topics=(topic,), feedback=note, amount=5.0)
            )
            store.add_promise(added.id, note, DAY, date(2026, 12, 1), visit.id)
            store.add_followup(added.id, date(2026, 12, 2), "call", "value", note, visit.id)
            store.add_purchase(added.id, DAY, 12.5, company, visit.id)
            store.add_important_date(
                ImportantDate(id=0, customer_id=added.id, kind="birthday", month=3, day=4, label=company, lead_days=2)
            )
        return store.customer_file(added.id)


def as_a_book(where: Locations, name: str, company: str | None, note: str, topic: str, say: str | None):
    """The same, as ``insert_book`` takes it from an export."""
    with opened(where) as store:
        with store.transaction():
            store.insert_book(
                [
                    {
                        "name": name,
                        "company": company,
                        "phone": "010-1",
                        "phones": ["010-1", "010-2"],
                        "emails": ["x@example.com"],
                        "tier": "hot",
                        "stage": 2,
                        "tags": ["b", "a"],
                        "created": "2026-11-01T09:00:00",
                        "last_contact": DAY.isoformat(),
                        "notes": [{"kind": "family", "text": note, "noted_on": DAY.isoformat(), "say": say}],
                        "visits": [
                            {"date": DAY, "channel": "visit", "topics": [topic], "feedback": note, "amount": 5.0}
                        ],
                        "promises": [{"text": note, "made_on": DAY, "due": "2026-12-01", "visit": 0}],
                        "followups": [
                            {"due": "2026-12-02", "channel": "call", "type": "value", "note": note, "visit": 0}
                        ],
                        "purchases": [{"date": DAY, "amount": 12.5, "product": company, "visit": 0}],
                        "dates": [{"kind": "birthday", "month": 3, "day": 4, "label": company, "lead_days": 2}],
                    }
                ]
            )
        return store.customer_file(store.last_customer_id())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=texts, company=maybe, note=texts, topic=texts, say=maybe)
def test_a_customer_added_by_hand_or_in_a_book_reads_back_the_same(tmp_path_factory, name, company, note, topic, say):
    """add_customer/add_visit/... and insert_book share their INSERTs; this holds them to the same rows."""
    by_hand = one_by_one(Locations(tmp_path_factory.mktemp("hand")), name, company, note, topic, say)
    in_a_book = as_a_book(Locations(tmp_path_factory.mktemp("book")), name, company, note, topic, say)
    assert in_a_book == by_hand
    assert by_hand.phones == ("010-1", "010-2") and by_hand.visits[0].topics == (topic,)


def test_every_store_module_stays_small():
    folder = Path(salescoach.store.__file__).parent
    sizes = {module.name: len(module.read_text(encoding="utf-8").splitlines()) for module in folder.glob("*.py")}
    assert {name: size for name, size in sizes.items() if size > 400} == {}


def test_the_parts_hold_sql_only_and_leave_the_connection_to_the_backend():
    """What a second backend (PostgreSQL) would reuse must not reach for SQLite itself."""
    folder = Path(salescoach.store.__file__).parent
    for part in ("base", "rows", "customers", "visits", "agenda", "stats", "exchange"):
        source = (folder / f"{part}.py").read_text(encoding="utf-8")
        assert "import sqlite3" not in source and "_connection" not in source, part
