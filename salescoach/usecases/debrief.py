"""Debrief: record one contact, its FBO, what was learned and promised, and plan the next touch.

Everything is written in one transaction after the whole debrief is valid: an interrupted or invalid debrief
leaves the store exactly as it was.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from salescoach.core import scorecard
from salescoach.core.agenda import next_touch
from salescoach.core.records import Customer, Followup, Note, Promise, Visit
from salescoach.core.relationship import derive_stage
from salescoach.errors import InvalidInput, NotFound
from salescoach.i18n import _
from salescoach.usecases.app import App
from salescoach.usecases.customers import find_or_none
from salescoach.usecases.debrief_input import DebriefInput, validate


class Missed(NamedTuple):
    """A scorecard check the visit missed, as the playbook words it."""

    id: str
    label: str
    work_on: str  # the few words the score line lists it by
    tip: str


class DebriefResult(NamedTuple):
    customer: Customer
    created: bool
    visit: Visit
    notes: tuple[Note, ...]
    promises: tuple[Promise, ...]
    next: Followup | None
    closed_followups: tuple[int, ...]
    stage: int
    score: int | None  # the visit scorecard's weighted share passed (None: nothing judged)
    missed: tuple[Missed, ...]  # the heaviest first


def read_file(app: App, path: Path) -> DebriefInput:
    """A debrief written as YAML (the README shows the shape)."""
    from salescoach.documents import PlaybookInvalid, read_document

    try:
        document = read_document(path)
    except PlaybookInvalid as error:
        raise InvalidInput(error.problems[0]) from None
    return validate(document.data, app.today, f"{path}: ")


def customer_exists(app: App, reference: str) -> Customer | None:
    with app.store() as store:
        return find_or_none(store, reference)


def record(app: App, entry: DebriefInput, create: bool) -> DebriefResult:
    """Write the debrief. An unknown customer is created only when ``create`` is true."""
    with app.store() as store, store.transaction():
        customer = find_or_none(store, entry.customer)
        created = customer is None
        if customer is None:
            if not create:
                raise NotFound(
                    _("no customer matches {reference!r}").format(reference=entry.customer),
                    hint=_("add them with `salescoach customer add`, or pass --create"),
                )
            customer = store.add_customer(
                Customer(
                    id=0,
                    name=entry.customer,
                    tier=entry.tier or "general",
                    created=datetime.now().isoformat(timespec="seconds"),
                )
            )
        playbook = app.customer_playbook(customer.playbook).data
        visit = store.add_visit(
            Visit(
                id=0,
                customer_id=customer.id,
                date=entry.date,
                channel=entry.channel,
                topics=tuple(entry.topics),
                feedback=entry.feedback,
                benefit=entry.benefit,
                opportunity=entry.opportunity,
                outcome=entry.outcome,
                amount=entry.amount,
                lost_reason=entry.lost_reason,
                tier=entry.tier,
                stage=entry.stage,
                answered=tuple(dict.fromkeys(entry.answered)),
            )
        )
        notes = tuple(store.add_note(customer.id, note.kind, note.text, entry.date, note.say) for note in entry.notes)
        promises = tuple(
            store.add_promise(customer.id, promise.text, entry.date, promise.due, visit.id, promise.say)
            for promise in entry.promises
        )
        if entry.outcome == "sale":
            store.add_purchase(customer.id, entry.date, entry.amount or 0, entry.product, visit.id)
        closed = tuple(
            followup.id
            for followup in store.customer_file(customer.id).followups
            if followup.is_open and followup.due <= entry.date
        )
        for followup_id in closed:
            store.complete_followup(followup_id, entry.date, None)
        store.touch_contact(customer.id, entry.date)
        tier = entry.tier or customer.tier or "general"
        next_followup = None
        if entry.outcome != "lost":
            next_followup = _plan_next(store, playbook, customer, entry, tier, visit)
        stage = derive_stage(store.customer_file(customer.id)).stage
        customer = store.update_customer(customer.id, tier=tier, stage=stage)
        checks = _scorecard(playbook, entry, tier, next_followup)
        score = scorecard.score(checks, scorecard.weights(playbook["scorecard"]))
        visit = store.score_visit(visit.id, checks, score.percent)
        missed = tuple(_missed(playbook["scorecard"], check) for check in score.missed)
        return DebriefResult(
            customer, created, visit, notes, promises, next_followup, closed, stage, score.percent, missed
        )


def _scorecard(playbook: dict, entry: DebriefInput, tier: str, planned: Followup | None) -> dict[str, bool]:
    """The visit's checks: those the record answers, and the rep's own answers to the rest."""
    facts = scorecard.VisitFacts(
        day=entry.date,
        topics=tuple(entry.topics),
        answered=tuple(entry.answered),
        feedback=entry.feedback,
        benefit=entry.benefit,
        opportunity=entry.opportunity,
        notes_taken=len(entry.notes),
        promises_made=len(entry.promises),
        next_due=planned.due if planned else None,
        cadence_days=playbook["topics"]["followup"]["tiers"][tier]["cadence_days"],
    )
    judged = {**scorecard.from_record(facts), **entry.checks}
    return {check: passed for check, passed in judged.items() if passed is not None}


def _missed(rubric: dict, check: str) -> Missed:
    item = rubric[scorecard.phase_of(check)]["checks"][check]
    return Missed(check, item["label"], item["work_on"], item["tip"])


def _plan_next(store, playbook: dict, customer: Customer, entry: DebriefInput, tier: str, visit: Visit) -> Followup:
    """The next touch: as the rep said, else by the tier's cadence and channel.

    With a Benefit promised the next touch delivers unfinished business; without, it is everyday care. The Benefit
    is the note of unfinished business only: a care, help or info touch speaks of its own kind of note (the family,
    the need, the interest), never of a product comparison promised for the next visit.
    """
    default_date, default_channel = next_touch(playbook, tier, entry.date)
    chosen = entry.next
    due = chosen.date if chosen and chosen.date else default_date
    if due < entry.date:
        raise InvalidInput(_("next.date: the next follow-up cannot be before the debrief's date"))
    default_type = "unfinished" if entry.benefit or entry.promises else "care"
    type_ = chosen.type if chosen and chosen.type else default_type
    return store.add_followup(
        customer.id,
        due,
        (chosen.channel if chosen and chosen.channel else default_channel),
        type_,
        note=entry.benefit if type_ == "unfinished" else None,
        visit_id=visit.id,
    )
