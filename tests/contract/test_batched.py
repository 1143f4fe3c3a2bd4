"""A book's import goes to the server as one batch (psycopg's pipeline): a record the database refuses halfway
through is still one line, and the book is left exactly as it was, on both backends."""

from __future__ import annotations

import pytest

from salescoach.errors import StoreUnavailable
from salescoach.store import opened

pytestmark = pytest.mark.usefixtures("backend")


def book(month: int) -> list[dict]:
    """Two customers, each with two visits and a follow-up on the second; the second customer's important date is
    in ``month`` (13 is refused by the schema's CHECK, past every validation an import makes first)."""
    return [
        {
            "name": name,
            "created": "2026-11-01T09:00:00",
            "visits": [{"date": "2026-11-02", "channel": "visit"}, {"date": "2026-11-09", "channel": "call"}],
            "followups": [{"due": "2026-12-02", "channel": "call", "type": "value", "visit": 1}],
            "dates": [{"kind": "birthday", "month": month if name == "Cho" else 3, "day": 4}],
        }
        for name in ("Park", "Cho")
    ]


def test_a_refused_record_in_a_batch_is_one_error_and_nothing_is_kept(fresh_book):
    where = fresh_book()
    with opened(where) as store:
        with pytest.raises(StoreUnavailable), store.transaction():
            store.insert_book(book(month=13))
        assert store.count_customers() == 0


def test_a_batch_links_every_record_to_its_own_visit(fresh_book):
    where = fresh_book()
    with opened(where) as store:
        with store.transaction():
            assert store.insert_book(book(month=3))["visits"] == 4
        for customer in store.list_customers():
            found = store.customer_file(customer.id)
            assert [f.visit_id for f in found.followups] == [found.visits[1].id]
