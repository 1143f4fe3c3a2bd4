import os
import sqlite3
import stat
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salescoach.core.records import Customer, Visit
from salescoach.errors import StoreUnavailable
from salescoach.paths import Locations
from salescoach.store import opened
from salescoach.store.migrations import MIGRATIONS

DAY = date(2026, 11, 25)


@pytest.fixture
def where(tmp_path):
    return Locations(tmp_path / "book")


def customer(name: str, **fields) -> Customer:
    return Customer(id=0, name=name, created="2026-11-25T09:00:00", **fields)


def test_new_store_is_owner_only_and_at_the_latest_schema(where):
    with opened(where) as store:
        with store.transaction():
            store.add_customer(customer("Lee"))
    assert stat.S_IMODE(os.stat(where.home).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(where.database).st_mode) == 0o600
    connection = sqlite3.connect(where.database)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [row[0] for row in connection.execute("SELECT name FROM migrations")] == [m[0] for m in MIGRATIONS]


def test_writes_outside_a_transaction_are_refused(where):
    with opened(where) as store, pytest.raises(RuntimeError):
        store.add_customer(customer("Lee"))


def test_a_failing_transaction_writes_nothing(where):
    with opened(where) as store:
        with pytest.raises(ZeroDivisionError), store.transaction():  # any failure inside the block
            store.add_customer(customer("Lee"))
            raise ZeroDivisionError
        assert store.list_customers() == []


def test_prefix_and_exact_lookup_ignore_case_and_handle_hangul(where):
    with opened(where) as store:
        with store.transaction():
            for name in ("이서연", "이서준", "Park Minji", "park min"):
                store.add_customer(customer(name))
        assert [c.name for c in store.customers_starting("이서")] == ["이서연", "이서준"]
        assert [c.name for c in store.customers_named("PARK MIN")] == ["park min"]
        assert len(store.customers_starting("park")) == 2


def test_removing_a_customer_removes_their_records(where):
    with opened(where) as store:
        with store.transaction():
            lee = store.add_customer(customer("Lee"))
            store.add_note(lee.id, "family", "twins", DAY)
            visit = store.add_visit(Visit(id=0, customer_id=lee.id, date=DAY, channel="visit"))
            store.add_promise(lee.id, "send rates", DAY, DAY, visit.id)
            store.add_followup(lee.id, DAY, "phone", "care")
        with store.transaction():
            store.remove_customer(lee.id)
        for table in ("notes", "visits", "promises", "followups"):
            assert store._read(f"SELECT count(*) FROM {table}")[0][0] == 0


def test_silent_customers_skips_those_with_something_planned(where):
    with opened(where) as store:
        with store.transaction():
            quiet = store.add_customer(customer("Quiet", tier="warm", last_contact=date(2026, 9, 1)))
            planned = store.add_customer(customer("Planned", tier="warm", last_contact=date(2026, 9, 1)))
            store.add_customer(customer("Recent", tier="warm", last_contact=date(2026, 11, 20)))
            store.add_followup(planned.id, date(2026, 12, 1), "phone", "care")
        assert [c.id for c in store.silent_customers("warm", date(2026, 10, 26), 10)] == [quiet.id]


def test_a_store_from_a_newer_version_is_refused_and_left_alone(where):
    with opened(where):
        pass
    connection = sqlite3.connect(where.database)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    before = where.database.read_bytes()
    with pytest.raises(StoreUnavailable, match="newer salescoach"):
        with opened(where):
            pass
    assert where.database.read_bytes() == before


def test_a_garbage_file_is_a_clear_error_and_is_not_overwritten(where):
    where.home.mkdir(mode=0o700)
    where.database.write_bytes(b"this is not a database" * 100)
    before = where.database.read_bytes()
    with pytest.raises(StoreUnavailable):
        with opened(where):
            pass
    assert where.database.read_bytes() == before


names = st.text(min_size=1, max_size=60).filter(lambda text: text.strip() and "\x00" not in text)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=names, note=st.text(max_size=200).filter(lambda text: "\x00" not in text))
def test_names_and_notes_round_trip_exactly(where, name, note):
    with opened(where) as store:
        with store.transaction():
            added = store.add_customer(customer(name, tags=("[x]", "태그")))
            store.add_note(added.id, "other", note or "-", DAY)
        book = store.customer_file(added.id)
    assert book.customer.name == name
    assert book.customer.tags == ("[x]", "태그")
    assert book.notes[0].text == (note or "-")
