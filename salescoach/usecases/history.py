"""History: one customer's whole timeline and emotional-bank-account balance."""

from __future__ import annotations

from salescoach.core.history import Timeline, timeline
from salescoach.core.records import Customer
from salescoach.usecases.app import App
from salescoach.usecases.customers import find


def history(app: App, reference: str) -> tuple[Customer, Timeline]:
    with app.store() as store:
        book = store.customer_file(find(store, reference).id)
    return book.customer, timeline(book, app.today)
