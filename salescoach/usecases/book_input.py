"""A salescoach JSON export as it is read back: every customer checked before anything is written.

An export is usually our own file, but it may have been edited by hand or come from a colleague's version. A
missing field, a visit index past the end of the visits or a tier the method does not know makes that customer
a bad row, listed like a bad CSV row, never a traceback halfway through an import or a stray value in the book.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StrictBool, ValidationError, model_validator

from salescoach.core import vocabulary as v
from salescoach.core.dates import DateError, calendar_day
from salescoach.errors import InvalidInput
from salescoach.i18n import _
from salescoach.usecases.dates import date_problem
from salescoach.usecases.debrief_input import Amount, Email, IsoDay, LongText, Phone, Stage, Strict, problem_line

VisitIndex = Annotated[int, Field(ge=0)] | None
Count = Annotated[int, Field(ge=0)] | None


class NoteRecord(Strict):
    kind: Literal[v.NOTE_KINDS]
    text: LongText
    noted_on: IsoDay
    say: LongText | None = None


class VisitRecord(Strict):
    date: IsoDay
    channel: Literal[v.CHANNELS]
    topics: list[LongText] = []
    feedback: LongText | None = None
    benefit: LongText | None = None
    opportunity: LongText | None = None
    outcome: Literal[v.OUTCOMES] = "none"
    amount: Amount | None = None
    lost_reason: Literal[v.CHURN_CAUSES] | None = None
    tier: Literal[v.TIERS] | None = None
    stage: Stage = None
    answered: list[Literal[v.QUESTIONS]] = []
    checks: dict[Literal[v.SCORE_CHECKS], StrictBool] = {}
    score: Annotated[int, Field(ge=0, le=100, strict=True)] | None = None


class PromiseRecord(Strict):
    text: LongText
    made_on: IsoDay
    due: IsoDay
    kept_on: IsoDay | None = None
    visit: VisitIndex = None
    say: LongText | None = None


class PurchaseRecord(Strict):
    date: IsoDay
    amount: Amount
    product: LongText | None = None
    visit: VisitIndex = None


class FollowupRecord(Strict):
    due: IsoDay
    channel: Literal[v.CHANNELS]
    type: Literal[v.FOLLOWUP_TYPES]
    note: LongText | None = None
    done_on: IsoDay | None = None
    done_note: LongText | None = None
    visit: VisitIndex = None


class DateRecord(Strict):
    kind: Literal[tuple(v.DATE_KINDS)]
    month: int
    day: int
    year: int | None = None
    yearly: bool = True
    lead_days: Annotated[int, Field(ge=0, le=v.MAX_LEAD_DAYS)] = 0
    label: LongText | None = None
    handled: IsoDay | None = None

    @model_validator(mode="after")
    def _real_day(self) -> DateRecord:
        if not self.yearly and self.year is None:
            raise ValueError(_("a one-off date needs a year"))
        try:
            calendar_day(self.year, self.month, self.day)
        except DateError as error:
            raise ValueError(date_problem(error, calendar=True)) from None
        return self


class CustomerRecord(Strict):
    name: LongText
    honorific: LongText | None = None
    company: LongText | None = None
    playbook: LongText | None = None
    phone: Phone | None = None
    email: Email | None = None
    phones: list[Phone] = []  # every phone, the primary first (exports from before several were kept have none)
    emails: list[Email] = []
    city: LongText | None = None
    tier: Literal[v.TIERS] | None = None  # a book from before tiers were required has none: it comes in general
    stage: Stage = None
    tags: list[LongText] = []
    created: str = Field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    last_contact: IsoDay | None = None
    notes: list[NoteRecord] = []
    visits: list[VisitRecord] = []
    promises: list[PromiseRecord] = []
    purchases: list[PurchaseRecord] = []
    followups: list[FollowupRecord] = []
    dates: list[DateRecord] = []

    @model_validator(mode="after")
    def _named(self) -> CustomerRecord:
        if not self.name.strip():
            raise ValueError(_("no name"))
        return self


class ProfileRecord(Strict):
    name: LongText | None = None
    company: LongText | None = None
    title: LongText | None = None
    years: Count = None
    credentials: LongText | None = None
    customer_count: Count = None
    references: LongText | None = None


def checked_customer(data: object) -> tuple[dict | None, str | None]:
    """One exported customer as the plain data the store inserts, or the problem that makes it a bad row."""
    try:
        customer = CustomerRecord.model_validate(data)
    except ValidationError as error:
        return None, problem_line(error, "customer")
    for kind in ("promises", "purchases", "followups"):
        for index, record in enumerate(getattr(customer, kind)):
            if record.visit is not None and record.visit >= len(customer.visits):
                problem = _("no such visit: visits are numbered from 0, and this customer has {count}")
                return None, f"{kind}.{index}.visit: " + problem.format(count=len(customer.visits))
    return customer.model_dump(), None


def checked_profile(data: object) -> dict:
    """The rep's profile of an export, checked; a wrong one stops the import (there is one, not a row of many)."""
    try:
        return ProfileRecord.model_validate(data or {}).model_dump(exclude_none=True)
    except ValidationError as error:
        raise InvalidInput(problem_line(error, "profile", inside="profile")) from None
