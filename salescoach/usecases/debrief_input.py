"""A debrief as the rep gives it: from prompts, flags or a YAML file, validated before anything is written.

The file shape (documented in the README) is exactly these fields. Dates accept ISO dates and datetimes and what
reps type (``today``, ``+3d``, ``friday``, ``내일``), relative to the day passed as validation context.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationInfo,
    model_validator,
)

from salescoach.core import fields
from salescoach.core import vocabulary as v
from salescoach.core.dates import DateError, iso_day, parse_day
from salescoach.errors import FieldError
from salescoach.i18n import _
from salescoach.usecases.dates import date_problem


def _by_rule(rule):
    """A field rule of :mod:`salescoach.core.fields` as a pydantic validator (pydantic names the field)."""

    def check(value):
        try:
            return rule(value, "")
        except FieldError as error:
            raise ValueError(error.problem) from None

    return check


def _not_bool(value: object) -> object:
    """YAML's ``true`` is no number: pydantic would take it as 1."""
    if isinstance(value, bool):
        raise ValueError(_("must be a whole number"))
    return value


LongText = Annotated[str, Field(min_length=1, max_length=fields.MAX_TEXT), AfterValidator(_by_rule(fields.text))]
Amount = Annotated[float, BeforeValidator(_by_rule(fields.amount))]
Email = Annotated[LongText, AfterValidator(_by_rule(fields.email))]
Phone = Annotated[LongText, AfterValidator(_by_rule(fields.phone))]
Stage = Annotated[Literal[1, 2, 3], BeforeValidator(_not_bool)] | None
CustomerReference = Annotated[
    LongText, BeforeValidator(lambda value: str(_not_bool(value)) if isinstance(value, int) else value)
]
"""A customer named by name, or by id (``customer: 12`` in a file)."""


def _day(value: object, info: ValidationInfo) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(_("expected a date"))
    today = (info.context or {}).get("today") or date.today()
    try:
        return parse_day(value, today)
    except DateError as error:
        raise ValueError(date_problem(error)) from None


Day = Annotated[date, BeforeValidator(_day)]


def _iso_day(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        value = value.isoformat()
    try:
        return iso_day(value)
    except DateError as error:
        raise ValueError(date_problem(error) if error.out_of_range else _("not a date (use YYYY-MM-DD)")) from None


IsoDay = Annotated[date, BeforeValidator(_iso_day)]
"""A date in an export: ISO text only (no "tomorrow" in a file meant to be exact), from 1900 to 2999."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class NoteIn(Strict):
    kind: Literal[v.NOTE_KINDS]
    text: LongText
    say: LongText | None = None  # the rep's phrase for speaking of it, see Note.say


class PromiseIn(Strict):
    text: LongText
    due: Day
    say: LongText | None = None  # what it delivers, for speaking: see Promise.say


class NextIn(Strict):
    date: Day | None = None  # None: the tier's cadence
    channel: Literal[v.CHANNELS] | None = None
    type: Literal[v.FOLLOWUP_TYPES] | None = None


def _ticked(value: object) -> object:
    """A list of checks names the habits kept, so every other asked check was missed (but "explained any no",
    which is owed only when the rep said no); a mapping says each."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        missed = {check: False for check in v.ASKED_CHECKS if check != "explained_no"}
        return missed | {item: True for item in value}
    return value


Checks = Annotated[dict[Literal[v.ASKED_CHECKS], StrictBool], BeforeValidator(_ticked)]


class DebriefInput(Strict):
    """Everything a debrief records about one contact."""

    customer: CustomerReference
    date: Day = Field(default_factory=date.today)
    channel: Literal[v.CHANNELS]
    topics: list[LongText] = []
    notes: list[NoteIn] = []
    feedback: LongText | None = None
    benefit: LongText | None = None
    opportunity: LongText | None = None
    outcome: Literal[v.OUTCOMES] = "none"
    amount: Amount | None = None
    product: LongText | None = None
    lost_reason: Literal[v.CHURN_CAUSES] | None = None
    tier: Literal[v.TIERS] | None = None
    stage: Stage = None
    answered: list[Literal[v.QUESTIONS]] = []
    promises: list[PromiseIn] = []
    next: NextIn | None = None
    checks: Checks = {}  # the scorecard's asked checks: passed or missed; unlisted ones are not judged

    @model_validator(mode="after")
    def _outcome_details(self) -> DebriefInput:
        if self.outcome == "sale" and not self.amount:
            raise ValueError(_("a sale needs an amount greater than 0"))
        if self.outcome == "lost" and not self.lost_reason:
            raise ValueError(
                _("a lost customer needs a lost_reason: one of {causes}").format(causes=", ".join(v.CHURN_CAUSES))
            )
        if self.outcome != "lost" and self.lost_reason:
            raise ValueError(_("lost_reason goes with outcome: lost"))
        if self.outcome == "lost" and self.next is not None:
            raise ValueError(_("next: a lost customer gets no next follow-up; leave next out"))
        if self.outcome != "sale" and (self.amount or self.product):
            raise ValueError(_("amount and product go with outcome: sale"))
        return self


def validate(data: dict, today: date, source: str):
    """Validate debrief data; a problem becomes one InvalidInput line naming the field (and file line if known)."""
    from pydantic import ValidationError

    from salescoach.errors import InvalidInput

    data = {"date": today, **data}
    try:
        return DebriefInput.model_validate(data, context={"today": today})
    except ValidationError as error:
        raise InvalidInput(source + problem_line(error, "debrief")) from None


def problem_line(error, whole: str, inside: str | None = None) -> str:
    """A pydantic ``ValidationError`` as one line: the first problem's field and message, and how many more.

    Fields are dotted paths as a rep sees them in the file (``visits.2.channel``), under ``inside`` when the
    model is one part of the file; ``whole`` names the document when the problem is with all of it.
    """
    first = error.errors()[0]
    parts = [str(part) for part in first["loc"]]
    field = ".".join([inside, *parts] if inside else parts) or whole
    message = _said(first["type"], first.get("ctx") or {}) or first["msg"].removeprefix("Value error, ")
    more = _(" (and {count} more)").format(count=len(error.errors()) - 1) if len(error.errors()) > 1 else ""
    return f"{field}: {message}{more}"


def _said(kind: str, facts: dict) -> str | None:
    """Pydantic's usual complaints in the interface language (its own messages are English only); None for the
    rare rest, and for our own validators, whose messages are already in the rep's language."""
    if kind == "literal_error":
        return _("must be one of {choices}").format(choices=facts["expected"].replace(" or ", ", "))
    if kind == "greater_than_equal":
        return _("must be at least {limit}").format(limit=facts["ge"])
    if kind == "less_than_equal":
        return _("must be at most {limit}").format(limit=facts["le"])
    if kind == "string_too_long":
        return _("longer than {limit:,} characters").format(limit=facts["max_length"])
    fixed = {
        "missing": _("required but missing"),
        "extra_forbidden": _("unknown field"),
        "string_type": _("must be text"),
        "string_too_short": _("must not be empty"),
        "list_type": _("must be a list"),
        **dict.fromkeys(("bool_parsing", "bool_type"), _("must be true or false")),
        **dict.fromkeys(("int_parsing", "int_type", "int_from_float"), _("must be a whole number")),
        **dict.fromkeys(("float_parsing", "float_type", "finite_number"), _("must be a number")),
        **dict.fromkeys(("dict_type", "model_type", "model_attributes_type"), _("must be a mapping (key: value)")),
        **dict.fromkeys(
            ("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"),
            _("not a date (use YYYY-MM-DD)"),
        ),
    }
    return fixed.get(kind)
