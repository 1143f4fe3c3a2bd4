"""The rep's own profile: who they are, for the "who are you?" and "why trust you?" questions."""

from __future__ import annotations

from salescoach.core import fields
from salescoach.core.records import Profile
from salescoach.usecases.app import App
from salescoach.usecases.customers import clean_text

NUMBERS = {"years": fields.years, "customer_count": fields.whole_number}
"""The profile's numeric fields and their rules."""


def show(app: App) -> Profile:
    with app.store() as store:
        return store.profile()


def update(app: App, **values: str | int | None) -> Profile:
    """Set the given fields; an empty string clears one. Numbers may come as text (``config set``): each field
    has one rule, whichever way it came."""
    changes = {}
    for key, value in values.items():
        if value is None:
            continue
        changes[key] = None if value == "" else NUMBERS.get(key, clean_text)(value, key)
    with app.store() as store, store.transaction():
        return store.set_profile(**changes)
