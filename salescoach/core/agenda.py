"""The morning list: what is due, in what order, with a script for each, and who is drifting away.

Priority is an explainable score, in the spirit of taskwarrior's urgency. Its terms, each weighted by the
playbook's ``priority`` section:

- ``promise``: the item is a promise the rep made (owed before any routine touch);
- ``overdue``: days past due, up to ``overdue_cap_days``, times ``overdue_per_day``;
- ``tier``: the customer's tier weight (hot before warm before general);
- ``stage``: the relationship stage weight (early relationships are easier to lose);
- ``churn_risk``: the customer has been silent longer than their tier's RFM recency threshold.

Each item carries its score and the terms that made it, so the rep can see why it is on today's list. The store
orders the open follow-ups and promises by the same score in SQL, from :func:`weight_rows`, so a book of 100,000
customers hands Python only the items shown; :func:`rank` then scores those (with their terms) and the day's
important dates, which the store cannot score.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from salescoach.core.details import template_values
from salescoach.core.occasions import date_name, due_in_window, event_label
from salescoach.core.records import Customer, Followup, ImportantDate, Note, Profile, Promise, Visit
from salescoach.core.vocabulary import DATE_KINDS, TIERS
from salescoach.playbook.template import FREE_TEXT, fill, fill_best, is_complete, placeholders


class Term(NamedTuple):
    """One part of a priority score: which term, how many points, and the quantity behind it."""

    term: str
    points: float
    quantity: float | str | None = None


class AgendaItem(NamedTuple):
    id: str  # "f12" for follow-up 12, "p3" for promise 3, "d5" for important date 5
    kind: str  # followup | promise | date
    customer_id: int
    customer: str
    due: date
    overdue_days: int
    channel: str
    type: str
    type_label: str  # the playbook's name for the type ("Latest information"); "" for a promise
    date_kind: str | None  # an important date's kind (birthday, renewal, ...); None for other items
    note: str | None
    script: str
    cue: str | None  # the rep's note the script speaks of, shown beside it and never inside it
    score: float
    why: tuple[Term, ...]


class AtRisk(NamedTuple):
    customer_id: int
    customer: str
    tier: str
    last_contact: date
    days_silent: int
    threshold_days: int
    reason: str
    cue: str | None = None  # the note the reason speaks of, shown beside it


class Agenda(NamedTuple):
    date: date
    until: date
    items: tuple[AgendaItem, ...] = ()
    at_risk: tuple[AtRisk, ...] = ()
    total: int = 0  # items due in all; ``items`` may be only the first of them
    broken_playbooks: tuple[tuple[str, str], ...] = ()  # (name, problem): their customers got the default
    drills_due: int = 0  # practice cards due (see `salescoach drill`)


class CustomerContext(NamedTuple):
    """What the agenda needs to know about one customer besides the item itself."""

    customer: Customer
    playbook: dict
    notes: tuple[Note, ...] = ()
    last_visit: Visit | None = None


def followup_id(followup: Followup) -> str:
    return f"f{followup.id}"


def promise_id(promise: Promise) -> str:
    return f"p{promise.id}"


def days_silent(customer: Customer, today: date) -> int | None:
    return (today - customer.last_contact).days if customer.last_contact else None


def silent_since(today: date, threshold_days: int) -> date:
    """The day before which a customer of a tier with this recency limit counts as silent."""
    return today - timedelta(days=threshold_days)


def silent_since_by_tier(playbook: dict, today: date) -> dict[str, date]:
    """:func:`silent_since` for each tier, by the recency limits of ``playbook``'s churn rules: what followup's
    warning, stats and the team report count at-risk customers from."""
    return {tier: silent_since(today, playbook["churn"]["rfm"][tier]["recency_days"]) for tier in TIERS}


def is_at_risk(customer: Customer, threshold_days: int, open_followups_due: Iterable[date], today: date) -> bool:
    """Silent past the tier's limit, with no planned touch that still stands.

    A follow-up planned but itself overdue by more than the same limit is a plan that did not happen: a hot
    customer silent for seven months whose only follow-up was due in May is drifting, not looked after. The
    store finds the same customers in SQL (``silent_customers``, ``silent_count``), from :func:`silent_since`.
    """
    since = silent_since(today, threshold_days)
    silent = customer.last_contact is not None and customer.last_contact < since
    return silent and all(due < since for due in open_followups_due)


def _tier(customer: Customer) -> str:
    return customer.tier or "general"


def score(kind: str, overdue_days: int, context: CustomerContext, today: date) -> tuple[float, tuple[Term, ...]]:
    """The priority score of one item and the terms it is made of."""
    weights = context.playbook["priority"]
    customer = context.customer
    terms = []
    if kind == "promise":
        terms.append(Term("promise", weights["promise"]))
    if overdue_days > 0:
        counted = min(overdue_days, weights["overdue_cap_days"])
        terms.append(Term("overdue", counted * weights["overdue_per_day"], overdue_days))
    tier = _tier(customer)
    terms.append(Term("tier", weights["tier"][tier], tier))
    stage = str(customer.stage or 1)
    terms.append(Term("stage", weights["stage"][stage], int(stage)))
    silent = days_silent(customer, today)
    threshold = context.playbook["churn"]["rfm"][tier]["recency_days"]
    if silent is not None and silent > threshold:
        terms.append(Term("churn_risk", weights["churn_risk"], silent))
    terms = tuple(term for term in terms if term.points)
    return sum(term.points for term in terms), terms  # unrounded, so it equals the store's SQL sum to the bit


def weight_rows(name: str, playbook: dict) -> list[tuple]:
    """A playbook's priority weights as rows for the store's ranking query, one per tier and stage: (name, tier,
    stage, promise, overdue_per_day, overdue_cap_days, tier points, stage points, churn_risk, recency_days)."""
    weights, rfm = playbook["priority"], playbook["churn"]["rfm"]
    return [
        (
            name,
            tier,
            int(stage),
            weights["promise"],
            weights["overdue_per_day"],
            weights["overdue_cap_days"],
            weights["tier"][tier],
            points,
            weights["churn_risk"],
            rfm[tier]["recency_days"],
        )
        for tier in TIERS
        for stage, points in weights["stage"].items()
    ]


def promises_come_first(weights: list[tuple]) -> bool:
    """Whether, under these weight rows, every promise outranks every follow-up and important date, whatever the
    customers and dates (a date scores as a follow-up that is not overdue).

    Then, when at least as many promises are due as the list shows, the store need rank only the promises, and
    only count the rest. The
    bounds take each term at its lowest for a promise and its highest for a follow-up; a small margin keeps float
    rounding in the sums from mattering.
    """
    lowest_promise, highest_followup = float("inf"), float("-inf")
    for _, _, _, promise, per_day, cap, tier, stage, churn, _ in weights:
        overdue = cap * per_day  # the overdue term runs from 0 to this
        lowest_promise = min(lowest_promise, promise + min(0, overdue) + tier + stage + min(0, churn))
        highest_followup = max(highest_followup, max(0, overdue) + tier + stage + max(0, churn))
    return lowest_promise - highest_followup > 1e-6


class Said(NamedTuple):
    """A line to say and, apart from it, the note it speaks of: the rep reads ``cue``, the customer hears ``line``."""

    line: str
    cue: str | None = None


def _values(context: CustomerContext, profile: Profile, **extra: str | None) -> dict[str, str | None]:
    customer = context.customer
    return template_values(context.playbook, customer, customer.name, context.notes, context.last_visit, profile, extra)


def said(script: dict, values: dict[str, str | None], own_note: str | None = None) -> Said:
    """The line of a :class:`~salescoach.playbook.models.Script` and its cue, the rep's raw words never inside it.

    A follow-up's own note comes first (a follow-up speaks of its own note); then a line spliced with the rep's
    phrase for the customer's note, beside that note; then, for a note with no phrase, the ``noted`` line, which
    points at it rather than asking a stranger's "how have things been"; else the general line."""
    spoken = {**values, **dict.fromkeys(FREE_TEXT)}
    if own_note:
        return Said(fill(script["own_note"], spoken), own_note)
    noted = None
    for template in script["templates"]:
        phrases = [name for name in placeholders(template) if name.endswith(".say")]
        if phrases and is_complete(template, spoken):
            return Said(fill(template, spoken), values[phrases[0].removesuffix(".say")])
        noted = noted or next((values[name.removesuffix(".say")] for name in phrases), None)
    if noted and script.get("noted"):
        return Said(fill(script["noted"], spoken), noted)
    return Said(fill_best(script["templates"], spoken))


def followup_script(followup: Followup, context: CustomerContext, profile: Profile) -> Said:
    """What to say for a follow-up, from the playbook's script for its type, and the note it speaks of."""
    script = context.playbook["topics"]["followup"]["types"][followup.type]
    return said(script, _values(context, profile), followup.note)


def promise_script(promise: Promise, context: CustomerContext, profile: Profile, late: bool = False) -> Said:
    """A promise delivered, in the rep's phrase for it; one kept after its day owns the delay."""
    lines = context.playbook["topics"]["followup"]["promise_late" if late else "promise"]
    values = _values(context, profile, promise=promise.text, **{"promise.say": promise.say})
    return Said(fill_best(lines, values), promise.text)


def event_script(event: ImportantDate, when: date, context: CustomerContext, profile: Profile) -> Said:
    """The line for an important date, from the playbook's templates for its kind (a birthday is not a renewal),
    with the date and its day beside it rather than read out as "(Date: ...)"."""
    lines = context.playbook["topics"]["followup"]["dates"][event.kind]["templates"]
    return Said(fill_best(lines, _values(context, profile)), event_label(event, when, context.playbook))


def reconnect_reason(context: CustomerContext, profile: Profile) -> Said:
    return said(context.playbook["churn"]["reconnect"], _values(context, profile))


class Due(NamedTuple):
    """What ranking needs to know of an open follow-up or promise: a row, not the whole record."""

    kind: str  # followup | promise
    id: int
    customer_id: int
    due: date
    tier: str | None
    stage: int | None
    last_contact: date | None
    playbook: str | None


class Pending(NamedTuple):
    """An item that is due, scored but not yet given a script (scripts are written only for the items shown).

    ``record`` and ``customer`` are the full records for important dates, and for follow-ups and promises once
    :func:`resolve` has been given them; until then they are the :class:`Due` row.
    """

    kind: str  # followup | promise | date
    record: Followup | Promise | ImportantDate | Due
    customer: Customer | Due
    due: date
    overdue_days: int
    score: float
    why: tuple[Term, ...]


def rank(
    today: date,
    until: date,
    due: list[Due],
    dates: list[tuple[ImportantDate, Customer]],
    playbook_of,
) -> list[Pending]:
    """The ``due`` rows and the important dates falling by ``until``, highest priority first (ties: earlier due,
    promises first), each with its score and terms.

    ``playbook_of(name)`` gives the playbook whose priority weights apply to a customer.
    """
    pending = []
    for row in due:
        overdue = max(0, (today - row.due).days)
        points, why = score(row.kind, overdue, CustomerContext(row, playbook_of(row.playbook)), today)
        pending.append(Pending(row.kind, row, row, row.due, overdue, points, why))
    for event, customer in dates:
        when = due_in_window(event, today, until)
        if when is not None:
            points, why = score("date", 0, CustomerContext(customer, playbook_of(customer.playbook)), today)
            pending.append(Pending("date", event, customer, when, 0, points, why))
    pending.sort(key=lambda item: (-item.score, item.due, item.kind != "promise", item.kind, item.record.id))
    return pending


def resolve(pending: Pending, records: dict[tuple[str, int], tuple]) -> Pending:
    """Swap a ranked row for its full record and customer, from ``records[(kind, id)]``."""
    if pending.kind == "date":
        return pending
    record, customer = records[(pending.kind, pending.record.id)]
    return pending._replace(record=record, customer=customer)


def _item(pending: Pending, context: CustomerContext, profile: Profile) -> AgendaItem:
    record, kind = pending.record, pending.kind
    tier_channel = context.playbook["topics"]["followup"]["tiers"][_tier(context.customer)]["channel"]
    if kind == "followup":
        identity, channel, type_, note = followup_id(record), record.channel, record.type, record.note
        said = followup_script(record, context, profile)
    elif kind == "promise":
        identity, channel, type_, note = promise_id(record), tier_channel, "promise", record.text
        said = promise_script(record, context, profile, late=pending.overdue_days > 0)
    else:
        identity, channel, type_ = f"d{record.id}", tier_channel, DATE_KINDS[record.kind]
        note = date_name(record, context.playbook)
        said = event_script(record, pending.due, context, profile)
    types = context.playbook["topics"]["followup"]["types"]
    return AgendaItem(
        id=identity,
        kind=kind,
        customer_id=context.customer.id,
        customer=context.customer.name,
        due=pending.due,
        overdue_days=pending.overdue_days,
        channel=channel,
        type=type_,
        type_label=types[type_]["label"] if type_ in types else "",
        date_kind=record.kind if kind == "date" else None,
        note=note,
        script=said.line,
        cue=said.cue,
        score=pending.score,
        why=pending.why,
    )


def build_agenda(
    today: date,
    until: date,
    shown: list[Pending],
    total: int,
    contexts: dict[int, CustomerContext],
    silent: list[Customer],
    profile: Profile,
    at_risk_limit: int,
) -> Agenda:
    """The list to show: the ``shown`` items (the top of :func:`rank`) with scripts, and who is at risk.

    ``contexts`` holds every customer of ``shown`` and ``silent``; ``silent`` are customers the store found at
    risk (:func:`is_at_risk`: past their tier's recency threshold with no planned touch that still stands), of
    whom the ``at_risk_limit`` furthest past their threshold are kept: enough to act on today, not a wall.
    """
    items = tuple(_item(pending, contexts[pending.customer.id], profile) for pending in shown)
    at_risk = []
    for customer in silent:
        context = contexts[customer.id]
        tier = _tier(customer)
        reason = reconnect_reason(context, profile)
        at_risk.append(
            AtRisk(
                customer_id=customer.id,
                customer=customer.name,
                tier=tier,
                last_contact=customer.last_contact,
                days_silent=days_silent(customer, today) or 0,
                threshold_days=context.playbook["churn"]["rfm"][tier]["recency_days"],
                reason=reason.line,
                cue=reason.cue,
            )
        )
    at_risk.sort(key=lambda risk: (-(risk.days_silent - risk.threshold_days), risk.customer_id))
    return Agenda(date=today, until=until, items=items, at_risk=tuple(at_risk[:at_risk_limit]), total=total)


def next_touch(playbook: dict, tier: str, after: date) -> tuple[date, str]:
    """When and how to get in touch next: the tier's cadence and default channel."""
    rule = playbook["topics"]["followup"]["tiers"][tier]
    return after + timedelta(days=rule["cadence_days"]), rule["channel"]
