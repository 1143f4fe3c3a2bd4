"""Prep: the brief for the next meeting with a customer, known or new."""

from __future__ import annotations

from salescoach.core.brief import Brief, build_brief
from salescoach.usecases.app import App
from salescoach.usecases.coach import habit_to_work_on
from salescoach.usecases.customers import clean_text, find_or_none


def prepare(app: App, reference: str, playbook: str | None = None, stage: int | None = None) -> Brief:
    """The brief for ``reference``; a name the store does not know gets a first-visit brief."""
    reference = clean_text(reference, "customer", required=True)
    with app.store() as store:
        customer = find_or_none(store, reference)
        book = store.customer_file(customer.id) if customer else None
        profile = store.profile()
        if playbook:  # asked for by name: it must be there
            data, missing = app.playbook(playbook), None
        else:
            choice = app.customer_playbook(customer.playbook if customer else None, broken_too=False)
            data, missing = choice.data, choice.missing
        habit = habit_to_work_on(store, data["scorecard"], app.today)
    name = customer.name if customer else reference
    brief = build_brief(data, name, book, profile, app.today, stage, missing)
    return brief._replace(habit=habit.habit if habit else None)
