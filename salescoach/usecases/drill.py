"""Practice: the cards of the rep's own packs, scheduled by spaced repetition (FSRS), one review at a time.

Each rating is its own transaction, so a session stopped halfway keeps every review already made. The scheduler
is imported only to rate a card: listing what is due reads the days stored with each card.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from typing import NamedTuple

from salescoach.core.drills import HABIT_KINDS, DrillCard, deck, due
from salescoach.errors import InvalidInput, NotFound
from salescoach.i18n import _
from salescoach.usecases.app import App

RATINGS = ("again", "hard", "good", "easy")


def cards(app: App, pack: str | None = None) -> list[DrillCard]:
    """The deck of the packs the book uses (the default playbook first), or of one pack."""
    from salescoach.playbook.loader import DEFAULT_PLAYBOOK

    with app.store() as store:
        names = [pack] if pack else store.playbook_names()
        profile = store.profile()
    default = app.default_playbook or DEFAULT_PLAYBOOK
    chosen = list(dict.fromkeys([pack] if pack else [default, *sorted(name or default for name in names)]))
    return deck_of([_playbook(app, name, pack is not None) for name in chosen], profile)


def deck_of(playbooks: list[dict], profile) -> list[DrillCard]:
    """The cards of these playbooks (the first in full), their lines filled with the rep's own facts."""
    values = {"rep": profile.name, "rep_company": profile.company, "rep_title": profile.title}
    return deck([(data["name"], data) for data in playbooks], values)


def _playbook(app: App, name: str, strict: bool) -> dict:
    """A pack's playbook; one that no longer loads stands aside for the default, unless it was asked for."""
    return app.playbook(name) if strict else app.customer_playbook(name).data


class DueCards(NamedTuple):
    cards: tuple[DrillCard, ...]
    due: dict[str, date | None]  # card id → the day it fell due (None: never practised)
    focus: str | None  # the weakest habit whose cards come first


def due_today(app: App, pack: str | None = None, limit: int | None = None) -> DueCards:
    """Today's cards, the weakest scorecard habit's kind first."""
    from salescoach.usecases.coach import habit_to_work_on

    if limit is not None and limit < 0:
        raise InvalidInput(_("--limit: must be 0 or more"))
    everything = cards(app, pack)
    with app.store() as store:
        schedule = store.drill_schedule()
        weakest = habit_to_work_on(store, app.playbook(None)["scorecard"], app.today)
    waiting = due(everything, schedule, app.today, HABIT_KINDS.get(weakest.id) if weakest else None)
    chosen = tuple(waiting if limit is None else waiting[:limit])
    return DueCards(chosen, {card.id: schedule.get(card.id) for card in chosen}, weakest.habit if weakest else None)


class Rated(NamedTuple):
    card: str
    rating: str
    due: date


def rate(app: App, card_id: str, rating: str) -> Rated:
    """Record one review of one card and schedule its next one, in one transaction."""
    if rating not in RATINGS:
        raise InvalidInput(
            _("rating: {value!r} is not one of {choices}").format(value=rating, choices=", ".join(RATINGS))
        )
    if card_id not in {card.id for card in cards(app)}:
        raise NotFound(
            _("no practice card {card!r}").format(card=card_id), hint=_("`salescoach drill list` shows the cards due")
        )
    from fsrs import Card, Rating, Scheduler

    scheduler = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
    moment = datetime.combine(app.today, time(12), tzinfo=timezone.utc)
    with app.store() as store, store.transaction():
        state = store.drill_state(card_id)
        card = Card.from_dict(json.loads(state)) if state else Card(card_id=1, due=moment)
        card, _log = scheduler.review_card(card, Rating[rating.capitalize()], review_datetime=moment)
        next_due = max(card.due.date(), app.today + timedelta(days=1))
        store.save_review(card_id, json.dumps(card.to_dict()), next_due, rating, app.today)
    return Rated(card_id, rating, next_due)


class DrillStats(NamedTuple):
    cards: int
    practised: int
    due_today: int
    reviews_30_days: int
    retention_30_days: float | None  # share of reviews not rated "again"
    streak_days: int  # days in a row with a review, up to today (or yesterday, before today's practice)
    longest_streak_days: int


def stats(app: App) -> DrillStats:
    everything = cards(app)
    with app.store() as store:
        schedule = store.drill_schedule()
        days = store.review_days(app.today - timedelta(days=365))
    known = {card.id for card in everything}
    recent = [(total, again) for day, total, again in days if day > app.today - timedelta(days=30)]
    reviews = sum(total for total, _again in recent)
    retention = 1 - sum(again for _total, again in recent) / reviews if reviews else None
    practised = sorted({day for day, _total, _again in days}, reverse=True)
    return DrillStats(
        cards=len(everything),
        practised=len(known & set(schedule)),
        due_today=len(due(everything, schedule, app.today, None)),
        reviews_30_days=reviews,
        retention_30_days=retention,
        streak_days=_streak(practised, app.today),
        longest_streak_days=_longest(practised),
    )


def _streak(days: list[date], today: date) -> int:
    """Consecutive days with practice ending today, or yesterday (today's practice may still come)."""
    expected = today if days and days[0] == today else today - timedelta(days=1)
    count = 0
    for day in days:
        if day != expected:
            break
        count += 1
        expected -= timedelta(days=1)
    return count


def _longest(days: list[date]) -> int:
    longest = run = 0
    previous = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest, previous = max(longest, run), day
    return longest
