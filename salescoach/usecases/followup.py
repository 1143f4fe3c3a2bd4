"""Follow-up: the morning list, and finishing, moving and adding touches."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core.agenda import (
    Agenda,
    CustomerContext,
    Due,
    build_agenda,
    next_touch,
    promises_come_first,
    rank,
    resolve,
    silent_since_by_tier,
    weight_rows,
)
from salescoach.core.drills import due as due_cards
from salescoach.core.fields import record_id
from salescoach.core.occasions import date_name, next_unhandled, occurrence_days
from salescoach.core.records import Customer, Followup, ImportantDate, Promise
from salescoach.core.vocabulary import CHANNELS, FOLLOWUP_TYPES, MAX_LEAD_DAYS
from salescoach.errors import AlreadyDone, InvalidInput
from salescoach.i18n import _
from salescoach.usecases.app import App, PlaybookChoice
from salescoach.usecases.customers import check_choice, clean_text, find
from salescoach.usecases.drill import deck_of

AT_RISK_SHOWN = 10
"""How many drifting customers the morning list shows (the furthest past their tier's limit first)."""


def agenda(app: App, day: date | None = None, days: int = 1, limit: int = 0) -> Agenda:
    """What is due by the end of the ``days`` days starting ``day`` (today by default), and who is at risk.

    The store ranks the open items and hands back only the first ``limit`` (all when 0); only those, and the
    day's important dates, are scored with their terms and given scripts, so the cost of the list follows what is
    shown, not the size of the book.
    """
    if days < 1:
        raise InvalidInput(_("--days: must be 1 or more"))
    if limit < 0:
        raise InvalidInput(_("--limit: must be 0 (all) or more"))
    day = day or app.today
    until = day + timedelta(days=days - 1)
    playbooks: dict[str | None, PlaybookChoice] = {}

    def playbook_named(name: str | None) -> dict:
        if name not in playbooks:
            playbooks[name] = app.customer_playbook(name)
        return playbooks[name].data

    with app.store() as store:
        in_use = {name or None for name in store.playbook_names()} | {None}  # "" and None: the default playbook
        weights = [row for name in in_use for row in weight_rows(name or "", playbook_named(name))]
        followups_due, promises_due = store.due_counts(until)
        promises_only = 0 < limit <= promises_due and promises_come_first(weights)
        top = store.ranked_due(day, until, weights, limit, promises_only)
        due = [Due(*row) for row in top]
        window = occurrence_days(day, until + timedelta(days=MAX_LEAD_DAYS))
        if promises_only:  # every promise outranks every date too: the dates need only be counted
            dates, dates_due = [], store.count_important_dates_due(window, until)
        else:
            dates = store.important_dates_due(window, until)
            dates_due = len(dates)
        total = followups_due + promises_due + dates_due
        default = playbook_named(None)
        silent = []
        for tier, since in silent_since_by_tier(default, day).items():
            silent += store.silent_customers(tier, since, AT_RISK_SHOWN)
        ranked = rank(day, until, due, dates, playbook_named)
        shown = ranked[:limit] if limit else ranked
        records = {
            (kind, record_id): found
            for kind in ("followup", "promise")
            for record_id, found in store.records_with_customers(
                kind, [pending.record.id for pending in shown if pending.kind == kind]
            ).items()
        }
        # an item whose customer is gone (only a damaged store holds one) cannot be acted on: it is left out
        shown = [
            resolve(pending, records)
            for pending in shown
            if pending.kind == "date" or (pending.kind, pending.record.id) in records
        ]
        named = {pending.customer.id: pending.customer for pending in shown}
        named.update({customer.id: customer for customer in silent})
        notes = store.latest_notes(list(named))
        visits = store.latest_visits(list(named))
        profile = store.profile()
        schedule = store.drill_schedule()
    packs = [playbook_named(None), *(playbook_named(name) for name in sorted(filter(None, in_use)))]
    drills_due = len(due_cards(deck_of(packs, profile), schedule, day, None))
    contexts = {
        customer_id: CustomerContext(
            customer, playbook_named(customer.playbook), tuple(notes.get(customer_id, ())), visits.get(customer_id)
        )
        for customer_id, customer in named.items()
    }
    broken = tuple(sorted((choice.broken, choice.problem) for choice in playbooks.values() if choice.broken))
    return build_agenda(day, until, shown, total, contexts, silent, profile, AT_RISK_SHOWN)._replace(
        broken_playbooks=broken, drills_due=drills_due
    )


class Done(NamedTuple):
    kind: str  # followup | promise | date
    customer: Customer
    followup: Followup | None = None
    promise: Promise | None = None
    on_time: bool = True
    next: Followup | None = None
    date: ImportantDate | None = None
    date_name: str = ""  # what the customer's playbook calls the date ("maturity", "생일")


_ID_KINDS = {"f": "followup", "p": "promise", "d": "date"}


def _parse_id(item_id: str) -> tuple[str, int]:
    """``f12`` or ``12`` is follow-up 12; ``p3`` is promise 3; ``d2`` is important date 2."""
    text = item_id.strip().lower()
    kind = _ID_KINDS.get(text[:1], "followup")
    number = record_id(text[1:] if text[:1] in _ID_KINDS else text)  # the one rule for ids
    if number is None:
        raise InvalidInput(_("not an item id: {item_id!r} (ids look like f12, p3 or d2)").format(item_id=item_id))
    return kind, number


def _open_followup(store, number: int) -> Followup:
    """Follow-up ``number``, if it is still open: a finished one is neither done again nor moved."""
    followup = store.followup(number)
    if not followup.is_open:
        raise AlreadyDone(
            _("follow-up f{number} was already done on {day}").format(number=number, day=followup.done_on)
        )
    return followup


def add(
    app: App, reference: str, on: date, type_: str, channel: str | None, note: str | None
) -> tuple[Customer, Followup]:
    check_choice(type_, FOLLOWUP_TYPES, "type")
    check_choice(channel, CHANNELS, "channel")
    note = clean_text(note, "note")
    with app.store() as store, store.transaction():
        customer = find(store, reference)
        if channel is None:
            channel = next_touch(app.customer_playbook(customer.playbook).data, customer.tier or "general", on)[1]
        return customer, store.add_followup(customer.id, on, channel, type_, note)


def done(app: App, item_id: str, note: str | None, next_day: date | None, schedule_next: bool = True) -> Done:
    """Finish a follow-up, keep a promise or handle an important date, logging the contact; a follow-up also
    plans the next touch.

    A promise kept on or before its due date is a deposit in the emotional bank account, a late one a
    withdrawal (see :mod:`salescoach.core.relationship`). A date is handled for its coming occurrence: it leaves
    the list until the next one (a yearly birthday comes back next year).
    """
    kind, number = _parse_id(item_id)
    note = clean_text(note, "note")
    if kind != "followup" and (note is not None or next_day is not None):
        raise InvalidInput(_("--note and --next go with follow-ups (f12); a promise or a date keeps neither"))
    with app.store() as store, store.transaction():
        if kind == "date":
            return _handle_date(app, store, number)
        if kind == "promise":
            promise = store.promise(number)
            if not promise.is_open:
                raise AlreadyDone(
                    _("promise p{number} was already kept on {day}").format(number=number, day=promise.kept_on)
                )
            promise = store.keep_promise(number, app.today)
            customer = store.customer(promise.customer_id)
            store.touch_contact(customer.id, app.today)
            return Done("promise", customer, promise=promise, on_time=app.today <= promise.due)
        followup = _open_followup(store, number)
        followup = store.complete_followup(number, app.today, note)
        customer = store.customer(followup.customer_id)
        store.touch_contact(customer.id, app.today)
        following = None
        if schedule_next:
            default_day, channel = next_touch(
                app.customer_playbook(customer.playbook).data, customer.tier or "general", app.today
            )
            following = store.add_followup(customer.id, next_day or default_day, channel, "care")
        return Done("followup", customer, followup=followup, on_time=app.today <= followup.due, next=following)


def _handle_date(app: App, store, number: int) -> Done:
    event = store.important_date(number)
    if event.handled is not None and event.handled >= app.today:  # again: it must not swallow next year's
        raise AlreadyDone(
            _("important date d{number} was already handled for {day}").format(number=number, day=event.handled)
        )
    when = next_unhandled(event, app.today)
    if when is None:
        raise AlreadyDone(_("important date d{number} has no occurrence left to handle").format(number=number))
    event = store.mark_date_handled(number, when)
    customer = store.customer(event.customer_id)
    store.touch_contact(customer.id, app.today)
    called = date_name(event, app.customer_playbook(customer.playbook).data)
    return Done("date", customer, date=event, date_name=called)


def snooze(app: App, item_id: str, to: date) -> Followup:
    kind, number = _parse_id(item_id)
    if kind != "followup":
        raise InvalidInput(_("only follow-ups can be snoozed; a promise or an important date keeps its day"))
    if to < app.today:
        raise InvalidInput(_("--to: a follow-up cannot be snoozed into the past"))
    with app.store() as store, store.transaction():
        _open_followup(store, number)
        return store.move_followup(number, to)
