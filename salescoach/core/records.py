"""The rep's records as plain, typed values: what the store returns and the core reasons about.

They are named tuples rather than pydantic models or dataclasses on purpose: the daily commands read many of them
and must start fast (a named tuple class costs a fifth of a dataclass to create), and the store has already checked
them. Input from people and files is validated with pydantic at the
edge (see :mod:`salescoach.usecases.debrief_input`).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Customer(NamedTuple):
    id: int
    name: str
    honorific: str | None = None
    company: str | None = None
    playbook: str | None = None
    phone: str | None = None
    email: str | None = None
    city: str | None = None
    tier: str | None = None
    stage: int | None = None
    tags: tuple[str, ...] = ()
    created: str = ""
    last_contact: date | None = None


class Note(NamedTuple):
    """A personal detail learned about a customer, typed by kind (family, need, pain, hometown, ...).

    ``say`` is the rep's own short phrase for speaking of it ("your son starting university"), when they gave one.
    """

    id: int
    customer_id: int
    kind: str
    text: str
    noted_on: date
    say: str | None = None


class Visit(NamedTuple):
    """One contact with a customer and its FBO wrap-up."""

    id: int
    customer_id: int
    date: date
    channel: str
    topics: tuple[str, ...] = ()
    feedback: str | None = None
    benefit: str | None = None
    opportunity: str | None = None
    outcome: str = "none"
    amount: float | None = None
    lost_reason: str | None = None
    tier: str | None = None
    stage: int | None = None
    answered: tuple[str, ...] = ()
    checks: dict[str, bool] | None = None  # the visit scorecard: check id → passed (see core.scorecard)
    score: int | None = None  # the weighted share passed, 0-100, as the playbook weighed it when debriefed


class Promise(NamedTuple):
    """Something the rep owes a customer. ``kept_on`` is set when delivered; ``say`` is how the rep names the
    thing delivered ("the fee table"), when they gave it, so a script says that rather than reading the to-do."""

    id: int
    customer_id: int
    text: str
    made_on: date
    due: date
    kept_on: date | None = None
    visit_id: int | None = None
    say: str | None = None

    @property
    def is_open(self) -> bool:
        return self.kept_on is None


class Followup(NamedTuple):
    """A planned touch: a call, a message or a visit, of one of the four follow-up types."""

    id: int
    customer_id: int
    due: date
    channel: str
    type: str
    note: str | None = None
    done_on: date | None = None
    done_note: str | None = None
    visit_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.done_on is None


class Purchase(NamedTuple):
    id: int
    customer_id: int
    date: date
    amount: float
    product: str | None = None
    visit_id: int | None = None


class ImportantDate(NamedTuple):
    """A dated event in a customer's life or contract, yearly (a birthday) or once (a lease end)."""

    id: int
    customer_id: int
    kind: str
    month: int
    day: int
    year: int | None = None
    yearly: bool = True
    lead_days: int = 0
    label: str | None = None
    handled: date | None = None  # the last occurrence the rep marked done: it leaves the list until the next


class Profile(NamedTuple):
    """The rep's own facts, used to answer "who are you?" and "why should I trust you?"."""

    name: str | None = None
    company: str | None = None
    title: str | None = None
    years: int | None = None
    credentials: str | None = None
    customer_count: int | None = None
    references: str | None = None

    FIELDS = ("name", "company", "title", "years", "credentials", "customer_count", "references")


class CustomerFile(NamedTuple):
    """Everything the rep knows about one customer, oldest first within each list."""

    customer: Customer
    notes: tuple[Note, ...] = ()
    visits: tuple[Visit, ...] = ()
    promises: tuple[Promise, ...] = ()
    followups: tuple[Followup, ...] = ()
    purchases: tuple[Purchase, ...] = ()
    dates: tuple[ImportantDate, ...] = ()
    phones: tuple[str, ...] = ()  # every phone, the primary (``customer.phone``) first
    emails: tuple[str, ...] = ()  # every e-mail, likewise
